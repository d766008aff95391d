"""The analysis chain: text becomes terms by a tokenizer and small filters in a fixed order.

The same chain runs on the indexed text and on the query, so the two cannot drift apart.
Each filter takes one term and gives back the terms it becomes (one, or none, or a term and
a variant of it, as a synonym filter would), and has a test of its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

# Harakat, the superscript alef and Quranic marks; tatweel; Latin combining accents.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u0300-\u036f"
# A number written with thousands separators (3,600; ٣٬٦٠٠) is one word; else letters and
# digits, with marks inside, and an apostrophe between letters (Tokayev's).
_TOKEN = re.compile(
    rf"\d{{1,3}}(?:[,\u066c]\d{{3}})+(?!\d)|[\u0660-\u0669\u06f0-\u06f9]{{1,3}}(?:\u066c[\u0660-\u0669\u06f0-\u06f9]{{3}})+"
    rf"|(?:[^\W_]|[{_MARKS}])+(?:['’](?:[^\W_]|[{_MARKS}])+)*"
)
_MARK = re.compile(f"[{_MARKS}]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[a-z]")

_ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ؤ": "و", "ئ": "ي", "ى": "ي", "ی": "ي", "ې": "ي",
        "ة": "ه", "ک": "ك", "ء": None,
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
        ",": None, "\u066c": None, "’": "'",
    }
)
# The article with the particles fused before it (و ف, then ب ك ل; لل is ل + ال), taken off
# only when three letters stay: «الله» is no ال + له.
_ARTICLE = re.compile("^(?:[وف]?[بكل]?ال|[وف]?لل)(?=...)")
# One attached particle without the article: و ف ب ك ل.
_PARTICLES = frozenset("وفبكل")
# Plural and feminine endings (ات ون ين ان, the nisba's يه from ية, ه from ة), then a nisba ي.
_SUFFIX = re.compile("(?:ات|ون|ين|ان|يه|ه)$")

# English past tenses and participles that no suffix rule undoes.
IRREGULAR = {
    "withdrew": "withdraw", "withdrawn": "withdraw", "sent": "send", "began": "begin", "begun": "begin",
    "led": "lead", "took": "take", "taken": "take", "gave": "give", "given": "give", "held": "hold",
    "left": "leave", "met": "meet", "said": "say", "told": "tell", "made": "make", "went": "go",
    "gone": "go", "came": "come", "fought": "fight", "chose": "choose", "chosen": "choose",
    "spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write", "sought": "seek",
    "brought": "bring", "kept": "keep", "won": "win", "lost": "lose", "rose": "rise", "risen": "rise",
    "fell": "fall", "fallen": "fall", "broke": "break", "broken": "break", "struck": "strike",
    "froze": "freeze", "frozen": "freeze", "became": "become", "drew": "draw", "drawn": "draw",
    "men": "man", "women": "woman", "children": "child",
    # who chairs: the chairman, the chairmanship and the chair are one word to a reader
    "chairman": "chair", "chairmen": "chair", "chairwoman": "chair", "chairmanship": "chair",
    "chairmanships": "chair", "chairperson": "chair",
    # found is the past of find ("no decision was found"); founded is another word
    "found": "find",
}

#: stems that mean the same to a reader of this store, after stemming: founded is established
SAME_MEANING = {
    "establish": "found",
    # a people's adjective is its country: Russian troops are troops of Russia
    "russian": "russia", "armenian": "armenia", "belarusian": "belarus", "kazakh": "kazakhstan",
    "kazakhstani": "kazakhstan", "kyrgyz": "kyrgyzstan", "kyrgyzstani": "kyrgyzstan", "tajik": "tajikistan",
    "uzbek": "uzbekistan", "azerbaijani": "azerbaijan", "georgian": "georgia", "afghan": "afghanistan",
    "serbian": "serbia", "ukrainian": "ukrain",
}

STOPWORDS = frozenset(
    "a an and are as at be by for from in into is it its of on or that the this to was were with "
    # what every record is about: "when was the csto founded" asks when it was founded
    "csto "
    # the words of a question: "when did armenia freeze" asks for armenia and freeze
    "when did do does who whom whose what which where why how many much has have had been there "
    "في من على عن الي مع ان او ثم التي الذي هذا هذه تلك ذلك "
    "متي ما ماذا هل كيف اين لماذا كم عدد "
    # and its verb of saying: "ماذا قال بوتين" asks for what Putin said, which no quote words so
    "قال قالت يقول تقول".split()
)

#: query words of this many letters or fewer match whole words only: no typo, no variant
SHORT = 3

#: longer words are no English words: left unstemmed
LONG = 64

_english: Callable[[str], str] | None = None


def _english_stemmer() -> Callable[[str], str]:
    """Snowball's English (Porter2) stemmer, loaded on first use.

    The package's __init__ imports all its thirty-odd languages (about 20 ms); this loads its
    English module alone, under a private package name so that nothing else is affected.
    """
    global _english
    if _english is None:
        import importlib
        import importlib.util
        import sys
        import types

        whole = sys.modules.get("snowballstemmer")
        if whole is not None:
            _english = whole.stemmer("english").stemWord
            return _english
        found = importlib.util.find_spec("snowballstemmer")
        if found is None or not found.submodule_search_locations:
            raise ImportError("snowballstemmer is not installed")
        package = types.ModuleType(_SNOWBALL)
        package.__path__ = list(found.submodule_search_locations)
        sys.modules[_SNOWBALL] = package
        english = importlib.import_module(f"{_SNOWBALL}.english_stemmer")
        _english = english.EnglishStemmer().stemWord
    return _english


_SNOWBALL = "_cstoref_snowballstemmer"


# -- the tokenizer ---------------------------------------------------------------------
def tokenize(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word of `text`: its start and end offsets in `text`, and the word."""
    for found in _TOKEN.finditer(text):
        yield found.start(), found.end(), found.group()


# -- the filters, in the order they run ------------------------------------------------
def compatible(term: str) -> tuple[str, ...]:
    """Compatibility forms become plain letters: shaped Arabic, ligatures, wide digits."""
    return (unicodedata.normalize("NFKC", term),)


def lowercase(term: str) -> tuple[str, ...]:
    return (term.casefold(),)


def unmark(term: str) -> tuple[str, ...]:
    """Harakat, tatweel and Latin accents carry no identity for a search (é is e)."""
    term = _MARK.sub("", term)
    if not term.isascii():
        decomposed = unicodedata.normalize("NFKD", term)
        kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or "\u0600" <= ch <= "\u06ff")
        term = unicodedata.normalize("NFC", kept)
    return (term,) if term else ()


def arabic_letters(term: str) -> tuple[str, ...]:
    """Hamza and alef forms, ta marbuta, alef maqsura and Arabic-Indic digits folded; number
    separators dropped (3,600 is 3600)."""
    term = term.translate(_ARABIC_LETTERS)
    return (term,) if term else ()


def arabic_article(term: str) -> tuple[str, ...]:
    """The article, with و ف ب ك ل fused before it: «وللأمم» is «أمم»."""
    return (_ARTICLE.sub("", term),) if term[:1] in "الوفبك" else (term,)


def arabic_particle(term: str) -> tuple[str, ...]:
    """A word that may start with an attached و ف ب ك ل gives the word without it too.

    «بروسيا» is ب + روسيا, but «بوتين» is a name: both readings are kept, at one position.
    """
    if len(term) >= 5 and term[0] in _PARTICLES and _ARABIC.match(term):
        return (term, term[1:])
    return (term,)


def arabic_suffix(term: str) -> tuple[str, ...]:
    """Plural and feminine endings off, when three letters stay: «المراقبين» is «مراقب»."""
    if len(term) > 4 and _ARABIC.match(term):
        stem = _SUFFIX.sub("", term)
        if len(stem) > 4 and stem.endswith("ي"):
            stem = stem[:-1]
        return (stem,) if len(stem) >= 3 else (term,)
    return (term,)


#: Arabic stems of a people's adjective, to the stem of its country: «القوات الروسية» are
#: the forces of Russia (روسيا), as «Russian» is Russia in English
ARABIC_SAME_MEANING = {
    "روس": "روسيا", "روسي": "روسيا", "ارمن": "ارمينيا", "ارمين": "ارمينيا", "كازاخ": "كازاخست",
    "كازاخستان": "كازاخست", "قيرغيز": "قيرغيزست", "قرغيز": "قرغيزست", "طاجيك": "طاجيكست",
    "اوزبك": "اوزبكست", "اذربيجان": "اذربيج", "افغان": "افغانست", "اوكران": "اوكرانيا", "صرب": "صربيا",
}


def arabic_same_meaning(term: str) -> tuple[str, ...]:
    """A people's adjective is its country: «الروسية» is «روسيا»."""
    return (ARABIC_SAME_MEANING.get(term, term),)


def english_irregular(term: str) -> tuple[str, ...]:
    """Irregular forms to their base word: withdrew is withdraw."""
    return (IRREGULAR.get(term, term),)


def english_stem(term: str) -> tuple[str, ...]:
    """Snowball English: observers and observer are one term."""
    if SHORT < len(term) <= LONG and _LATIN.match(term):
        stem = _english_stemmer()(term)
        return (SAME_MEANING.get(stem, stem),)
    return (term,)


#: the chain, in its fixed order; `NORMALISE` runs before the table of analysed words
NORMALISE: tuple[Callable[[str], tuple[str, ...]], ...] = (compatible, lowercase, unmark, arabic_letters)
STEM: tuple[Callable[[str], tuple[str, ...]], ...] = (arabic_article, arabic_particle, arabic_suffix, arabic_same_meaning,
                                                     english_irregular, english_stem)

#: normalised word -> its terms, as they are found
known: dict[str, tuple[str, ...]] = {}
#: normalised word -> its terms joined by spaces: the prebuilt index's English words, so that
#: a query of the store's own words needs no stemmer
table: dict[str, str] = {}


def _run(filters: tuple[Callable[[str], tuple[str, ...]], ...], terms: tuple[str, ...]) -> tuple[str, ...]:
    for step in filters:
        out: list[str] = []
        for term in terms:
            for produced in step(term):
                if produced not in out:
                    out.append(produced)
        terms = tuple(out)
    return terms


def normalise(word: str) -> str:
    """A word as the chain sees it before stemming (folded, unmarked), or '' if nothing is left."""
    terms = _run(NORMALISE, (word,))
    return terms[0] if terms else ""


def stems(norm: str) -> tuple[str, ...]:
    """The terms of a normalised word; the first is the word's own reading, then its variants."""
    terms = known.get(norm)
    if terms is None:
        stored = table.get(norm)
        terms = tuple(stored.split(" ")) if stored else _run(STEM, (norm,)) if norm else ()
        known[norm] = terms
    return terms


#: a word as written -> (normalised, terms): a store writes the same words over and over
_seen: dict[str, tuple[str, tuple[str, ...]]] = {}


def analyse(text: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """Every word of `text` with its offsets, its normalised form and its terms."""
    words = []
    seen = _seen
    for found in _TOKEN.finditer(text):
        word = found.group()
        done = seen.get(word)
        if done is None:
            norm = normalise(word)
            done = seen[word] = (norm, stems(norm))
        if done[0]:
            words.append((found.start(), found.end(), done[0], done[1]))
    return words


def is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))

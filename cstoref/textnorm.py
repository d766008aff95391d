"""Folding text for matching: the ways one name is written should compare equal."""

from __future__ import annotations

import re
import unicodedata

_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ؤ": "و", "ئ": "ي", "ى": "ي", "ی": "ي", "ې": "ي",
        "ة": "ه", "ک": "ك", "ـ": None, "ء": None,
        # Arabic-Indic and Persian digits are the same numbers: ٢٠٢٢ is 2022.
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
    }
)
# A thousands separator between digits (3,600; ٣٬٦٠٠; 3 600 is left alone) is no part of a number.
_THOUSANDS = re.compile(r"(?<=\d)[,\u066c\u060c](?=\d{3}(?!\d))")
# The article and the particles fused before it (و ف ب ك ل; لل for ل+ال): «للأمم» is «الأمم».
# Only a bare alef starts the article (أل and إل start words: «ألمانيا», «إلهام»), and three
# letters at least must follow it («للغة» is no «ل+ال+غة»).
_ARTICLE = re.compile(r"(?<!\w)(?:[وف]?[بكل]?ال|[وف]?لل)(?=\w{3})")
# Harakat, the superscript alef and Quranic marks carry no identity for a search.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, hamza/alef/ta-marbuta/alef-maqsura-neutral, single-spaced."""
    text = unicodedata.normalize("NFKC", text)
    text = _THOUSANDS.sub("", _MARKS.sub("", text).translate(_ARABIC_FOLD))
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or "\u0600" <= ch <= "\u06ff")
    return _NON_WORD.sub(" ", text).strip()


def loose(text: str) -> str:
    """`text` folded, without the Arabic article and the particles fused before it.

    Arabic writes «الأمم المتحدة» as «للأمم المتحدة» after ل; comparing both sides without
    the article finds one from the other. The article is taken off before hamza and alef are
    folded, so that «ألمانيا» keeps its first letters.
    """
    return fold(_ARTICLE.sub("", _MARKS.sub("", unicodedata.normalize("NFKC", text))))


def at_word_start(needle: str, haystack: str) -> bool:
    """Whether folded `needle` starts at a word of folded `haystack`."""
    return f" {needle}" in f" {haystack}"


def matches(needle: str, haystack: str) -> bool:
    """Whether `needle` occurs in `haystack` once both are folded, or, without the article,
    at the start of a word.

    A plain substring test: Arabic attaches و، ب، ل and ال to the word, so word starts
    would miss «وقرغيزستان» when asked for قرغيزستان.
    """
    folded_needle = fold(needle)
    if not folded_needle:
        return False
    if folded_needle in fold(haystack):
        return True
    loose_needle = loose(needle)
    return bool(loose_needle) and at_word_start(loose_needle, loose(haystack))

"""Matching decides whether a record answers a query: every query word must occur in it
(failing that, for `search`, as many words as any record has).

A word occurs as one of its terms, as a term within its typo budget, or as an entity it
names (in any spelling, by its code): Tokaiev finds توكاييف through the person both name.
Where in the results a record goes is for `rank` to say.
"""

from __future__ import annotations

from . import analysis
from .index import Index

#: where a query word occurs: (field, position, typos, term)
Occurrence = tuple[int, int, int, str]

#: a query of more words than this is refused: no one types it, and each word costs time
MAX_WORDS = 64


class QueryWord:
    __slots__ = ("text", "norm", "terms", "stop", "upper", "candidates")

    def __init__(self, text: str, norm: str, terms: tuple[str, ...], stop: bool) -> None:
        self.text = text
        self.norm = norm
        self.terms = terms
        self.stop = stop
        self.upper = text.isupper() and len(text) > 1
        #: term -> typos, for every term of the index this word may be
        self.candidates: dict[str, int] = {}


#: a word this long, too short for a typo, may still be a name with one (when it is no word)
NAME_TYPO_FROM = 4


def budget(word: str) -> int:
    """Typos allowed in a word: one from five letters, two from nine (Meilisearch's rule)."""
    return 2 if len(word) >= 9 else 1 if len(word) >= 5 else 0


def query_words(text: str) -> list[QueryWord]:
    words = []
    for start, end, word, terms in analysis.analyse(text):
        words.append(QueryWord(text[start:end], word, terms, word in analysis.STOPWORDS))
    return words


def candidates(index: Index, word: QueryWord) -> None:
    """Fill `word.candidates`: its own terms, then (long enough) the terms within its typos."""
    found: dict[str, int] = {}
    for term in word.terms:
        if term in index.postings:
            found[term] = 0
    # The budget goes by the term that is compared: «الأمم» is «امم», too short for a typo.
    allowed = budget(word.terms[0]) if word.terms else 0
    if allowed:
        for term, typos in index.vocabulary().near(word.terms[0], allowed):
            found.setdefault(term, typos)
    elif not found and word.terms and len(word.terms[0]) == NAME_TYPO_FROM:
        # A word of four letters found nowhere may be a name one letter off (Putn, بوتن): of
        # all the terms one typo away, only the words of names are taken.
        names = index.name_terms()
        for term, typos in index.vocabulary().near(word.terms[0], 1):
            if term in names:
                found.setdefault(term, typos)
    word.candidates = found


def entities(index: Index, words: list[QueryWord]) -> None:
    """Add the entities the query names: each of a name's terms matched by a distinct word
    (or two of them at least), or a word that is an entity's code. The words then also match wherever the entity is."""
    for number, (_, variants, codes) in enumerate(index.entities):
        best: tuple[int, list[int]] | None = None
        for code in codes:
            if len(code) == 2 and not any(w.upper for w in words):
                continue  # two-letter codes are English words too (AM, BY): only in capitals
            folded = analysis.normalise(code)
            for i, word in enumerate(words):
                if word.norm == folded and (len(code) > 2 or word.upper):
                    best = (0, [i])
                    break
        for variant in variants:
            used: list[int] = []
            typos = 0
            for term in variant:
                choice = min(((words[i].candidates[term], i) for i in range(len(words))
                              if i not in used and term in words[i].candidates), default=None)
                if choice is not None:
                    typos += choice[0]
                    used.append(choice[1])
            # The whole name, or two words of it at least ("Jomart Tokayev"): one word of a
            # name of several ("Collective") names nothing.
            if len(used) == len(variant) or len(used) >= 2:
                if best is None or (-len(used), typos) < (-len(best[1]), best[0]):
                    best = (typos, used)
        if best is not None:
            typos, used = best
            share = -(-typos // len(used))
            for i in used:
                term = f"@{number}"
                if term in index.postings:
                    words[i].candidates[term] = min(words[i].candidates.get(term, 99), share)


def occurrences(index: Index, word: QueryWord, allowed_docs: set[int] | None = None,
                keys: frozenset[str] | None = None) -> dict[int, list[Occurrence]]:
    """doc -> [(field, position, typos, term)] for every place the word occurs."""
    doc_of = index.doc
    holders = index.holders
    found: dict[int, list[Occurrence]] = {}
    for term, typos in word.candidates.items():
        flat = index.posting(term)
        for k in range(0, len(flat), 2):
            position = flat[k + 1]
            for fid in holders(flat[k]):
                doc = doc_of[fid]
                if allowed_docs is not None and doc not in allowed_docs:
                    continue
                if keys is not None and index.path(fid)[0] not in keys:
                    continue
                found.setdefault(doc, []).append((fid, position, typos, term))
    return found


def match(index: Index, words: list[QueryWord], tables: frozenset[str] | None = None,
          keys: frozenset[str] | None = None, relax: bool = False) -> tuple[list[QueryWord], dict[int, list[list[Occurrence]]]]:
    """The words that must match, and each matching doc with its words' occurrences (in the
    order of the words; an empty list for a word the doc lacks).

    A stop word (the, of, في) need not match unless the query has nothing else. With `relax`,
    when no record has every word, the records with the most of them match (as Meilisearch's
    "last" strategy drops words until something matches).
    """
    for word in words:
        candidates(index, word)
    entities(index, words)
    required = [w for w in words if not w.stop] or words
    allowed = None if tables is None else {d for d, (t, _) in enumerate(index.docs) if t in tables}
    per_word = []
    docs: set[int] | None = allowed
    for word in sorted(required, key=lambda w: sum(len(index.posting(t)) for t in w.candidates)):
        occ = occurrences(index, word, docs, keys)
        docs = set(occ)
        per_word.append((word, occ))
        if not docs:
            break
    order = {id(w): i for i, w in enumerate(required)}
    per_word.sort(key=lambda pair: order[id(pair[0])])
    matched: dict[int, list[list[Occurrence]]] = {}
    for doc in docs or ():
        matched[doc] = [occ[doc] for _, occ in per_word]
    if not matched and relax and len(required) > 1:
        each = [occurrences(index, word, allowed, keys) for word in required]
        if any(each):
            counts: dict[int, int] = {}
            for occ in each:
                for doc in occ:
                    counts[doc] = counts.get(doc, 0) + 1
            most = max(counts.values())
            for doc, count in counts.items():
                if count == most:
                    matched[doc] = [occ.get(doc, []) for occ in each]
    return required, matched

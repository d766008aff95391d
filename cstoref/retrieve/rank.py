"""Ranking decides where each matching record goes: an ordered list of named rules.

As in Meilisearch, each rule only breaks the ties the rules before it left; the last tie
keeps the store's order. Each rule is a function of one record's matches, smaller is better.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from .index import NAME, POINTER, Index
from .match import Occurrence, QueryWord

#: where a record names an entity as what it is about: its name, or a field that points to it
_LINKING = frozenset({NAME, POINTER})
#: proximity of two words not in one field (and the most two words in one field can cost)
FAR = 8
#: fields named per query word in `matched` (a common word is in hundreds)
EXPLAINED = 12
#: bm25's weight of a match by where it is: a name, own text, nested fields, a pointer
TIER_WEIGHT = (4.0, 2.0, 1.0, 0.5)


class Candidate:
    """One matching record and what each rule needs to know about it."""

    __slots__ = ("doc", "occ", "missing", "present", "best", "rules", "relevance", "score")

    def __init__(self, doc: int, occ: list[list[Occurrence]], index: Index) -> None:
        self.doc = doc
        #: the occurrences of the words the record has, in query order; and how many it lacks
        self.occ = [o for o in occ if o]
        self.missing = [i for i, o in enumerate(occ) if not o]
        self.present = [i for i, o in enumerate(occ) if o]
        tier = index.tier
        #: per word, its best occurrence: best place first, then fewest typos
        self.best = [min(o, key=lambda x: (tier[x[0]], x[2], x[0], x[1])) for o in self.occ]
        self.rules: dict[str, int] = {}
        self.relevance = 0.0
        self.score = 0.0


def words(c: Candidate, index: Index, words: list[QueryWord]) -> int:
    """Every word first; only when no record has them all, fewer missing words first."""
    return len(c.missing)


def attribute(c: Candidate, index: Index, words: list[QueryWord]) -> int:
    """Name, alias or code first; then the record's own text; nested fields; a pointer."""
    return max(index.tier[b[0]] for b in c.best)


def linked(c: Candidate, index: Index, words: list[QueryWord]) -> int:
    """Fewer of the query's countries, people and places the record does not name or point to:
    a deployment hosted by Kazakhstan answers `kazakhstan troops` before one that mentions it."""
    count = 0
    for i, occ in zip(c.present, c.occ):
        if any(term[0] == "@" for term in words[i].candidates):
            count += not any(o[3][0] == "@" and index.tier[o[0]] in _LINKING for o in occ)
    return count


def named(c: Candidate, index: Index, words: list[QueryWord]) -> int:
    """Fewer words outside the record's own name first: of the records that have every word,
    those named for some of them are about them (`kazakhstan troops`: the deployment named for
    Kazakhstan before a source whose title has both words)."""
    return sum(1 for b in c.best if index.tier[b[0]] != NAME)


def typo(c: Candidate, index: Index, words: list[QueryWord]) -> int:
    return sum(b[2] for b in c.best)


def proximity(c: Candidate, index: Index, words: list[QueryWord]) -> int:
    """Words close together, in the query's order, in one field; a reversed pair costs one more."""
    total = 0
    for left, right in zip(c.occ, c.occ[1:]):
        by_field: dict[int, list[int]] = {}
        for fid, pos, _, _ in left[:64]:
            by_field.setdefault(fid, []).append(pos)
        cost = FAR
        for fid, q, _, _ in right[:64]:
            for p in by_field.get(fid, ()):
                cost = min(cost, q - p - 1 if q > p else p - q + 1 if q < p else 0)
        total += max(cost, 0)
    return total


def exactness(c: Candidate, index: Index, words: list[QueryWord]) -> int:
    """0 when a name of the record is the query itself, no more words than it, or when the
    record is the very entity the query names."""
    named = {b[0] for b in c.best if index.tier[b[0]] == NAME}
    for fid in named:
        if all(b[0] == fid for b in c.best) and index.size[fid] <= len(c.best):
            return 0
    if all(b[3][0] == "@" and index.entities[int(b[3][1:])][0] == c.doc for b in c.best):
        return 0
    return 1


#: the rules, applied in this order
RULES: tuple[tuple[str, Callable[[Candidate, Index, list[QueryWord]], int]], ...] = (
    ("words", words),
    ("attribute", attribute),
    ("typo", typo),
    ("linked", linked),
    ("named", named),
    ("proximity", proximity),
    ("exactness", exactness),
)


def bm25(c: Candidate, index: Index, df: list[int], k1: float = 1.2, b: float = 0.75) -> float:
    """FTS5's bm25 over the record, its matches weighted by where they are (higher is better)."""
    n = len(index.lengths)
    average = (sum(index.lengths) / n) if n else 1.0
    length = index.lengths[c.doc] or 1
    total = 0.0
    for occ, count in zip(c.occ, [df[i] for i in c.present]):
        idf = math.log(1 + (n - count + 0.5) / (count + 0.5))
        tf = sum(TIER_WEIGHT[index.tier[o[0]]] for o in occ)
        total += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average))
    return total


def rank(index: Index, words: list[QueryWord], matched: dict[int, list[list[Occurrence]]]) -> list[Candidate]:
    """The matching records, best first, each with its rules' values and a score in (0, 1]."""
    found = [Candidate(doc, occ, index) for doc, occ in matched.items()]
    n = len(words)
    df = [0] * n
    for c in found:
        for i in c.present:
            df[i] += 1
    for c in found:
        for name, rule in RULES:
            c.rules[name] = rule(c, index, words)
        c.relevance = bm25(c, index, df)
    found.sort(key=lambda c: (*(c.rules[name] for name, _ in RULES), -c.relevance, c.doc))
    # The score reads the rules as the digits of one number, so it falls in rank order.
    radix = (n + 1, 4, 2 * n + 1, n + 1, n + 1, FAR * max(n - 1, 0) + 1, 2)
    top = math.prod(radix)
    for c in found:
        value = 0
        for (name, _), base in zip(RULES, radix):
            value = value * base + min(c.rules[name], base - 1)
        fraction = c.relevance / (1 + c.relevance)
        c.score = round(1 - (value + 1 - fraction) / top, 6)
    return found


def explain(c: Candidate, index: Index, words: list[QueryWord]) -> dict[str, Any]:
    """`matched` of a result: per query word where and how it matched, and the rules' values."""
    from .index import TIER_NAMES

    out = []
    for word, best, occ in zip([words[i] for i in c.present], c.best, c.occ):
        fields = sorted({field_path(index.path(fid)) for fid in sorted({o[0] for o in occ})[:EXPLAINED]})
        out.append({"word": word.text, "exact": best[2] == 0, "typos": best[2],
                    "via": "name" if best[3][0] == "@" else "word", "fields": fields})
    rules = dict(c.rules)
    rules["attribute"] = TIER_NAMES[rules["attribute"]]  # type: ignore[assignment]
    return {"fields": sorted({f for w in out for f in w["fields"]}), "words": out,
            "missing": [words[i].text for i in c.missing], "rules": rules}


def field_path(path: list[Any]) -> str:
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text

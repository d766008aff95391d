"""Typos: the edit distance with transpositions (optimal string alignment), bounded.

Pure Python, and cheap because it is asked little: a word is only compared with the terms
of a near length whose letters differ by no more than the typos allowed, and the distance
stops as soon as it must exceed them. (rapidfuzz does the same in C, but takes longer to
import than all the comparisons of a query take here.)
"""

from __future__ import annotations


def distance(a: str, b: str, limit: int) -> int:
    """The OSA distance of `a` and `b`, or `limit + 1` if it is more than `limit`."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(lb + 1))
    for i in range(1, la + 1):
        current = [i] + [0] * lb
        ca = a[i - 1]
        for j in range(1, lb + 1):
            cost = 0 if ca == b[j - 1] else 1
            value = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return row[lb] if row[lb] <= limit else limit + 1


class Vocabulary:
    """Terms to look typos up in, by length: only the lengths within reach are read."""

    __slots__ = ("terms", "_by_length")

    def __init__(self, terms: list[str]) -> None:
        self.terms = terms
        self._by_length: dict[int, list[str]] | None = None

    def near(self, word: str, limit: int) -> list[tuple[str, int]]:
        """The terms within `limit` typos of `word` (not `word` itself), with their typos."""
        if self._by_length is None:
            self._by_length = {}
            for term in self.terms:
                self._by_length.setdefault(len(term), []).append(term)
        letters = frozenset(word)
        found = []
        for size in range(len(word) - limit, len(word) + limit + 1):
            for term in self._by_length.get(size, ()):
                # An edit changes the set of letters by at most one each way.
                theirs = frozenset(term)
                if len(letters - theirs) > limit or len(theirs - letters) > limit:
                    continue
                typos = distance(word, term, limit)
                if 0 < typos <= limit:
                    found.append((term, typos))
        return found

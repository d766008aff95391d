"""A retrieval engine for the fact store: analysis, an index, matching, then ranking.

`engine(store)` gives the store's engine (built once per store, or loaded prebuilt for the
bundled one); `Engine.search` answers a query with ranked `Hit`s. Nothing here prints.
"""

from __future__ import annotations

from typing import Any

from . import analysis
from .index import KEY_WORDS, POINTER, Index, resolve
from .match import MAX_WORDS, QueryWord, match, query_words
from .rank import explain, field_path, rank

__all__ = ["MAX_WORDS", "Engine", "Hit", "TooLong", "engine"]


class TooLong(ValueError):
    """A query of more words than anyone types."""


class Hit:
    """One result: the record, where it ranks and why; its snippet is made when asked for."""

    __slots__ = ("table", "record", "score", "matched", "_engine", "_doc", "_best", "_occ", "_snippet")

    def __init__(self, engine: Engine, doc: int, best: list[Any], occ: list[list[Any]], score: float,
                 matched: dict[str, Any]) -> None:
        self.table, self.record = engine.records[doc]
        self.score = score
        self.matched = matched
        self._engine = engine
        self._doc = doc
        self._best = best
        self._occ = occ
        self._snippet: tuple[str, list[tuple[int, int]], str] | None = None

    def snippet_in(self, lang: str) -> tuple[str, list[tuple[int, int]]]:
        """The snippet from the fields of one language where the words occur there too."""
        index = self._engine.index
        picks = []
        for occ, best in zip(self._occ, self._best):
            own = [o for o in occ[:200] if lang in index.path(o[0])]
            picks.append(min(own, key=lambda o: (index.tier[o[0]], o[2], o[0], o[1])) if own else best)
        text, marks, _ = self._engine.snippet(self._doc, picks)
        return text, marks

    def _made(self) -> tuple[str, list[tuple[int, int]], str]:
        if self._snippet is None:
            self._snippet = self._engine.snippet(self._doc, self._best)
        return self._snippet

    @property
    def snippet(self) -> str:
        """The best matching field's text around the match."""
        return self._made()[0]

    @property
    def marks(self) -> list[tuple[int, int]]:
        """(start, end) of each matched word in `snippet`."""
        return self._made()[1]

    @property
    def field(self) -> str:
        return self._made()[2]


class Engine:
    def __init__(self, index: Index, records: list[tuple[str, dict[str, Any]]]) -> None:
        self.index = index
        self.records = records

    def words(self, text: str) -> list[QueryWord]:
        found = query_words(text)
        if len(found) > MAX_WORDS:
            raise TooLong(f"a query may have at most {MAX_WORDS} words, not {len(found)}")
        return found

    def search(self, text: str, tables: frozenset[str] | None = None,
               keys: frozenset[str] | None = None, relax: bool = False) -> tuple[list[QueryWord], list[Hit]]:
        """The query's words, and every record that matches all of them, best first.

        `tables` keeps records of those tables only; `keys`, matches in those top-level fields;
        `relax`, when no record has every word, the records with most of them.
        """
        words = self.words(text)
        if not words:
            return words, []
        required, matched = match(self.index, words, tables, keys, relax)
        hits = []
        for c in rank(self.index, required, matched):
            hits.append(Hit(self, c.doc, c.best, c.occ, c.score, explain(c, self.index, required)))
        return required, hits

    def snippet(self, doc: int, best: list[tuple[int, int, int, str]], around: int = 8) -> tuple[str, list[tuple[int, int]], str]:
        """The best field's text around its matches, and where they are in it."""
        counts: dict[int, int] = {}
        for b in best:
            counts[b[0]] = counts.get(b[0], 0) + 1
        fid = min(counts, key=lambda f: (-counts[f], self.index.tier[f], f))
        tier, path = self.index.tier[fid], self.index.path(fid)
        record = self.records[doc][1]
        text = resolve(record, path)
        if tier == POINTER or path[-1] == KEY_WORDS:
            # A pointer has no words of its own: say which field points, and at what.
            shown = field_path(path[:-1] if path[-1] == KEY_WORDS else path)
            return f"{shown}: {text}", [(len(shown) + 2, len(shown) + 2 + len(text))], field_path(path)
        words = analysis.analyse(text)
        positions = set()
        for b in best:
            if b[0] == fid:
                span = self._span(words, b[1], b[3])
                positions.update(range(b[1], b[1] + span))
        if not words or not positions:
            return text, [], field_path(path)
        first, last = min(positions), max(positions)
        lo = max(0, first - around)
        hi = min(len(words) - 1, max(last, first) + around)
        start = 0 if lo == 0 else words[lo][0]
        end = len(text) if hi == len(words) - 1 else words[hi][1]
        head = "" if start == 0 else "… "
        tail = "" if end == len(text) else " …"
        shift = len(head) - start
        marks = [(words[p][0] + shift, words[p][1] + shift) for p in sorted(positions) if lo <= p <= hi]
        return head + text[start:end] + tail, marks, field_path(path)

    def _span(self, words: list[Any], position: int, term: str) -> int:
        """How many words a match covers: one, or all the words of an entity's name."""
        if term[0] != "@":
            return 1
        _, variants, _ = self.index.entities[int(term[1:])]
        longest = 1
        for variant in variants:
            if position + len(variant) <= len(words) and all(t in words[position + k][3] for k, t in enumerate(variant)):
                longest = max(longest, len(variant))
        return longest

    def suggest(self, words: list[QueryWord], limit: int = 3) -> list[str]:
        """Names and words of the store nearest to the words that matched nothing, in the
        script they were typed in: up to half of a word's letters may differ (four at most)."""
        from .index import names
        from .typos import distance

        missing = [w for w in words if not w.candidates] or words
        arabic = any(analysis.is_arabic(w.norm) for w in missing)
        choices: dict[str, str] = {}
        for doc, _, _ in self.index.entities:
            for name in names(self.records[doc][1]):
                if analysis.is_arabic(name) == arabic:
                    choices.setdefault(" ".join(w[2] for w in analysis.analyse(name)), name)
        for surface in self.index.surfaces.values():
            if analysis.is_arabic(surface) == arabic and len(surface) > analysis.SHORT:
                choices.setdefault(surface, surface)
        ranked: list[tuple[float, int, str]] = []
        for word in missing:
            allowed = min(4, (len(word.norm) + 1) // 2)
            for order, (key, shown) in enumerate(choices.items()):
                typos = distance(word.norm, key, allowed)
                if typos <= allowed:
                    ranked.append((typos / max(len(key), 1), order, shown))
        found: list[str] = []
        for _, _, shown in sorted(ranked):
            if shown not in found:
                found.append(shown)
        return found[:limit]


def engine(store: Any) -> Engine:
    """The engine of `store`, made on first use and kept with the store."""
    made = getattr(store, "_retrieve", None)
    if made is None:
        from .index import for_store

        made = Engine(for_store(store), list(store.records()))
        store._retrieve = made
    return made

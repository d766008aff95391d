"""The `search` answer: every record that mentions what the user typed."""

from __future__ import annotations

from typing import Any

from ..errors import NotFound, UsageError
from ..render import Column, Table
from ..store import Store
from .common import TABLE_KIND, Result, cited, h, label, legend, markers, source_column, with_cite

_KIND_ORDER = ("countries", "people", "events", "deployments", "quotes", "figures", "facts", "sources")
_KIND_NAME = {t: k["en"] for t, k in TABLE_KIND.items()} | {"sources": "source"}


# Fields that hold no words of their own: a citation's source id, and the kind of a value.
_UNSEARCHED = frozenset({"source", "rank", "qualifier", "property", "kind", "translation", "language", "scope"})


def _strings(record: dict[str, Any]) -> list[str]:
    """Every string and number inside a record, nested fields, claims and excerpts included."""
    found: list[str] = []
    stack: list[Any] = [record]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, (int, float)):
            found.append(str(item))
        elif isinstance(item, dict):
            stack.extend(value for key, value in item.items() if key not in _UNSEARCHED)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _names(record: dict[str, Any]) -> list[str]:
    aliases = record.get("aliases") or {}
    return [*record["name"].values(), *aliases.get("en", []), *aliases.get("ar", [])]


def search(store: Store, text: str, cite: bool = False) -> Result:
    from ..textnorm import fold, loose

    needle = fold(text)
    if not needle:
        raise UsageError("TEXT must contain letters or digits")
    # A country or person named by any of its spellings or codes brings in all its spellings,
    # so قرغيزستان also finds texts that write قيرغيزستان; and its codes and id, which other
    # records use to point at it (a deployment's contingents, a quote's speaker).
    asked = {text}
    pointers: set[str] = set()
    for table in ("countries", "people"):
        for record in store.table(table):
            codes = [c for c in (record.get("iso3"), record.get("iso2")) if c]
            if any(fold(n) == needle for n in _names(record)) or needle in {fold(c) for c in codes}:
                asked.update(_names(record))
                pointers.update([record["id"], *codes])
    terms = {fold(term) for term in asked} - {""}
    # Without the article, a term must start a word: «امم» of «الأمم» is no part of «أمامه».
    loose_terms = {f" {loose(term)}" for term in asked} - {" "}
    hits: list[tuple[str, dict[str, Any]]] = []
    for table in _KIND_ORDER:
        for record in store.table(table):
            strings = _strings(record)
            # Folded fields joined by a mark that folding never leaves, so no match spans two.
            folded = "|".join(fold(value) for value in strings)
            if any(term in folded for term in terms) or (pointers and not pointers.isdisjoint(strings)):
                hits.append((table, record))
                continue
            loosened = " " + " | ".join(loose(value) for value in strings)
            if any(term in loosened for term in loose_terms):
                hits.append((table, record))
    if not hits:
        raise NotFound(f"nothing in the store matches {text!r}")
    data = [{"kind": _KIND_NAME[t], "id": r["id"], "label": label(t, r), "record": r} for t, r in hits]
    table = Table(
        title=h(f"Search: {text}", f"بحث: {text}"),
        columns=[Column("kind", h("Kind", "النوع")), Column("id", h("Id", "المعرّف")), Column("label", h("Match", "النتيجة")), source_column()],
        rows=[{"kind": TABLE_KIND.get(t, h("source", "مصدر")), "id": r["id"], "label": with_cite([label(t, r)], r, cite), "src": markers(cited(r))} for t, r in hits],
        note=legend() if cite else None,
    )
    return Result(data, [table])

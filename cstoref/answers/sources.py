"""The `sources` answer: the articles and reference pages, or one source and what it supports."""

from __future__ import annotations

from typing import Any

from ..errors import NotFound, UsageError, cut
from ..render import date_text
from ..store import Store
from ..tables import Column, Table
from .common import TABLE_KIND, Result, all_citations, citations, h, label, label_column, note_text

_SOURCE_FIELDS = ("id", "kind", "file", "url", "outlet", "title", "author", "date")
def _supported(store: Store) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    support: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for table, record in store.records():
        if table == "sources":
            continue
        for source_id in all_citations(record):
            support.setdefault(source_id, []).append((table, record))
    return support


def evidence(record: dict[str, Any], source_id: str) -> list[dict[str, Any]]:
    """The citations of `source_id` inside a record: its excerpts verbatim, or its notes."""
    return [c for c in citations(record) if c["source"] == source_id]


def supporting_lines(record: dict[str, Any], source_id: str) -> list[dict[str, Any]]:
    lines = []
    for c in evidence(record, source_id):
        text = f"«{c['excerpt']}»" if c["excerpt"] else note_text(c["note"])
        line = {"style": "dim", "value": f"[{source_id}] {text}"}
        if text and line not in lines:  # a passage cited twice in one record is shown once
            lines.append(line)
    return lines


def sources(store: Store, source_id: str | None = None) -> Result:
    support = _supported(store)
    records = store.table("sources")
    if source_id is not None:
        wanted = source_id.strip().lower()
        if not wanted:
            raise UsageError("the source id must not be empty")
        # An article by its id (1 is 001), its file name, or the file name without .txt.
        forms = {wanted, wanted.zfill(3)} if wanted.isdigit() else {wanted}
        match = [
            s for s in records
            if s["id"].lower() in forms or (s.get("file") or "").lower() in (wanted, f"{wanted}.txt")
        ]
        if not match:
            ids = ", ".join(s["id"] for s in records if s["kind"] == "article")
            raise NotFound(f"no source {cut(source_id)!r}; articles are {ids}; `cstoref sources` lists all {len(records)}")
        source = match[0]
        facts = support.get(source["id"], [])
        data = {
            **{k: source.get(k) for k in _SOURCE_FIELDS},
            "facts": len(facts),
            **{k: v for k, v in source.items() if k not in _SOURCE_FIELDS},
            "supports": [
                {"table": t, "id": r["id"], "label": label(t, r), "citations": evidence(r, source["id"])} for t, r in facts
            ],
        }
        card = _source_card(source, len(facts))
        listing = Table(
            title=h(f"What {source['id']} supports, with its words", f"ما يدعمه المصدر {source['id']}، بنصّه"),
            columns=[
                Column("kind", h("Kind", "النوع")),
                Column("id", h("Id", "المعرّف"), every_line=True),
                Column("label", h("Fact", "المعلومة")),
            ],
            rows=[
                {"kind": TABLE_KIND[t], "id": r["id"], "label": [label(t, r)] + supporting_lines(r, source["id"])}
                for t, r in facts
            ],
        )
        # A list, as every listing command prints, with the one source in it.
        return Result([data], [card, listing] if facts else [card])
    data = [
        {**{k: s.get(k) for k in _SOURCE_FIELDS}, "facts": len(support.get(s["id"], [])), **{k: v for k, v in s.items() if k not in _SOURCE_FIELDS}}
        for s in records
    ]

    def tables() -> list[Table]:
        return [Table(
            title=h("Sources: the five articles and the reference pages", "المصادر: المقالات الخمسة والصفحات المرجعية"),
            columns=[
                Column("id", h("Id", "المعرّف")),
                Column("kind", h("Kind", "النوع")),
                Column("title", h("Title / outlet", "العنوان / الناشر")),
                Column("date", h("Date", "التاريخ")),
                Column("facts", h("Facts", "معلومات")),
            ],
            rows=[
                {
                    "id": s["id"],
                    "kind": h("article", "مقال") if s["kind"] == "article" else h("reference", "مرجع"),
                    "title": [s.get("title"), s.get("outlet"), s.get("file") or s.get("url")],
                    "date": date_text(s.get("date")),
                    "facts": str(len(support.get(s["id"], []))),
                }
                for s in records
            ],
        )]

    return Result(data, tables)


def _source_card(source: dict[str, Any], facts: int) -> Table:
    rows = [
        {"k": h("Id", "المعرّف"), "v": source["id"]},
        {"k": h("Kind", "النوع"), "v": h("article", "مقال") if source["kind"] == "article" else h("reference", "مرجع")},
        {"k": h("Title", "العنوان"), "v": source.get("title")},
        {"k": h("Outlet", "الناشر"), "v": source.get("outlet")},
        {"k": h("Author", "الكاتب"), "v": source.get("author")},
        {"k": h("Date", "التاريخ"), "v": [date_text(source.get("date")), source.get("date_note")]},
        {"k": h("File", "الملف"), "v": source.get("file")},
        {"k": h("Address", "العنوان الإلكتروني"), "v": source.get("url")},
        {"k": h("Note", "ملاحظة"), "v": source.get("note")},
        {"k": h("Facts supported", "المعلومات المدعومة"), "v": str(facts)},
    ]
    return Table(
        title=h(f"Source {source['id']}", f"المصدر {source['id']}"),
        columns=[label_column(), Column("v", h("", ""))],
        rows=[r for r in rows if r["v"] not in (None, [None, None])],
        card=True,
    )

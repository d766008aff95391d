"""The `show` answer: one record of any table as a card, its claims, its citations, and what points to it."""

from __future__ import annotations

from typing import Any

from ..errors import NotFound, UsageError, cut
from ..render import date_text
from ..store import Store
from ..tables import Column, Table
from .common import (
    MARK_TEXT,
    TABLE_KIND,
    Result,
    citations,
    cited,
    h,
    label,
    label_column,
    legend,
    mark,
    markers,
    note_text,
    number,
    status_text,
    verdict,
)
from .fields import is_bilingual, label_of, prefixed, value_lines

# Shown in the card's heading and tables of their own, not as card lines.
_OWN_TABLES = ("claims", "sources")
# The order of the linked records: what a person said comes first.
_LINK_ORDER = ("quotes", "events", "deployments", "figures", "facts", "people", "countries", "places", "organisations")
_SAYS = {
    "speaker": h("said it", "قائله"),
    "points": h("names it", "يشير إليه"),
    "mentions": h("mentions it", "يذكره"),
    "cites": h("cites it", "يستشهد به"),
}


def find(store: Store, given: str) -> tuple[str, dict[str, Any]]:
    """The table and record of an id, as typed in any case; a country also by its ISO codes,
    an article by its number (1 is 001) or file name."""
    wanted = given.strip()
    if not wanted:
        raise UsageError("the record id must not be empty")
    folded = wanted.lower()
    forms = {folded, folded.zfill(3)} if folded.isdigit() else {folded, folded.removesuffix(".txt")}
    exact = None
    loose = None
    for table, record in store.records():
        rid = str(record.get("id", ""))
        if rid == wanted:
            return table, record
        if exact is None and rid.lower() in forms:
            exact = (table, record)
        codes = (record.get("iso3"), record.get("iso2"), record.get("file"), (record.get("file") or "").removesuffix(".txt"))
        if loose is None and folded in {str(c).lower() for c in codes if c}:
            loose = (table, record)
    found = exact or loose or _by_name(store, wanted)
    if found:
        return found
    import shlex

    close = nearest(store, folded)
    hint = f"did you mean {', '.join(close)}?" if close else "ids look like kaz, p-putin, 001;"
    raise NotFound(f"no record {cut(given)!r}; {hint} `cstoref search {shlex.quote(cut(wanted))}` finds records by name")


def _by_name(store: Store, given: str) -> tuple[str, dict[str, Any]] | None:
    """A record named exactly so, in any spelling (`show Kazakhstan`), if only one is."""
    from ..textnorm import fold

    needle = fold(given)
    named = [(t, r) for t, r in store.records() if needle and needle in {fold(n) for n in _all_names(r)}]
    return named[0] if len(named) == 1 else None


def nearest(store: Store, given: str, count: int = 5) -> list[str]:
    """The ids most like a mistyped one: the records a search for it finds by their own name
    (putn is p-putin, kazakstan is kaz), then ids containing it, then the closest spellings."""
    import difflib

    from ..retrieve import engine

    ids = [str(r["id"]) for _, r in store.records() if r.get("id")]
    named: list[str] = []
    if given.strip() and len(given) <= 100:
        try:
            hits = engine(store).search(given)[1]
        except ValueError:  # a query too long to search
            hits = []
        named = [str(hit.record["id"]) for hit in hits[:count] if hit.matched["rules"]["attribute"] == "name"]
    containing = [i for i in ids if given and given in i.lower()]
    close = difflib.get_close_matches(given, [i.lower() for i in ids], n=count, cutoff=0.5)
    by_lower = {i.lower(): i for i in ids}
    chosen: list[str] = []
    for rid in named + sorted(containing, key=len)[:count] + [by_lower[c] for c in close]:
        if rid not in chosen:
            chosen.append(rid)
    return chosen[:count]


def show(store: Store, record_id: str) -> Result:
    table, record = find(store, record_id)
    kind = TABLE_KIND.get(table, h(table, table))
    caption = label(table, record)
    tables = [_card(store, table, record, kind, caption)]
    claims = _claims(record)
    if claims:
        tables.append(_claims_table(store, claims))
    found = citations(record)
    if found:
        tables.append(_citations_table(store, found))
    linked = links(store, table, record)
    if linked:
        tables.append(_linked_table(table, record, linked))
    data = {
        "id": record["id"],
        "table": table,
        "kind": kind["en"],
        "record": record,
        "citations": [{**c, "about": _source_data(store, c["source"])} for c in found],
        "linked": [
            {"table": t, "id": r["id"], "label": label(t, r), "link": how,
             **({"citations": [c for c in citations(r) if c["source"] == record["id"]]} if how == "cites" else {})}
            for t, r, how in linked
        ],
    }
    return Result(data, tables)


def _card(store: Store, table: str, record: dict[str, Any], kind: dict[str, str], caption: dict[str, str]) -> Table:
    rows = []
    for field, value in record.items():
        if field in _OWN_TABLES:
            continue
        lines = [status_text(record)] if table == "countries" and field == "status" else value_lines(store, field, value)
        if lines:
            rows.append({"k": label_of(field), "v": lines})
    ids = markers(cited(record))
    if ids:
        rows.append({"k": h("Sources", "المصادر"), "v": {"style": "dim", "value": ids}})
    short = {k: _shortened(v) for k, v in caption.items()}
    return Table(
        title=h(f"{kind['en'].capitalize()} {record['id']}: {short['en']}", f"{kind['ar']} {record['id']}: {short['ar']}"),
        columns=[label_column(), Column("v", h("", ""))],
        rows=rows,
        card=True,
    )


def _shortened(caption: str, most: int = 100) -> str:
    """A caption for a card's heading: whole up to `most` characters, else cut at a word."""
    if len(caption) <= most:
        return caption
    cut = caption.rfind(" ", 0, most)
    return caption[: cut if cut > most // 2 else most].rstrip(" ,;:(") + "…"


def _claims(record: dict[str, Any], where: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every claim of a record and of its nested parts, each property's preferred value first."""
    found = [(where, c) for c in record.get("claims") or [] if isinstance(c, dict)]
    for key, value in record.items():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if key != "claims" and isinstance(item, dict) and item.get("claims"):
                found += _claims(item, key)
    order = {}
    for where_, claim in found:
        order.setdefault((where_, claim.get("property")), len(order))
    rank = {"preferred": 0, "reported": 1, "unverifiable": 2, "contradicted": 3}
    return sorted(found, key=lambda wc: (order[(wc[0], wc[1].get("property"))], rank[verdict(wc[1])]))


def _claims_table(store: Store, claims: list[tuple[str, dict[str, Any]]]) -> Table:
    rows = []
    for where, claim in claims:
        what = label_of(str(claim.get("property", "")))
        if where:
            outer = label_of(where)
            what = h(f"{outer['en']}: {what['en']}", f"{outer['ar']}: {what['ar']}")
        value = claim.get("value")
        shown = value_lines(store, str(claim.get("property")), value)
        if claim.get("qualifier") and isinstance(value, (int, float)):
            shown = [number(value, claim["qualifier"])]
        sign = verdict(claim)
        rows.append({
            "mark": h(f"{mark(claim)} {MARK_TEXT[sign]['en']}", f"{mark(claim)} {MARK_TEXT[sign]['ar']}"),
            # One line a claim where its value fits on it, so that grep finds the claim whole.
            "what": [prefixed(what, shown[0])] + shown[1:] if shown else [what],
            "why": claim.get("reason"),
            "src": markers(cited(claim)),
        })
    return Table(
        title=h("Claims: each value with its mark, reason and sources", "الادعاءات: كل قيمة مع علامتها وسببها ومصادرها"),
        columns=[
            Column("mark", h("Mark", "العلامة"), every_line=True),
            Column("what", h("Claim", "الادعاء")),
            Column("why", h("Why", "السبب")),
            Column("src", h("Sources", "المصادر"), style="dim", every_line=True),
        ],
        rows=rows,
        note=legend(),
    )


def source_brief(store: Store, source_id: str) -> list[Any]:
    """Who published a source, what and when, and where to read it."""
    source = store.source(source_id)
    if not source:
        return [source_id]
    lines: list[Any] = []
    for field in ("outlet", "title"):
        if source.get(field):
            lines += value_lines(store, field, source[field])
    when = date_text(source.get("date"))
    if when:
        lines.append(when)
    lines.append(source.get("file") or source.get("url") or "")
    return [line for line in lines if line]


def _source_data(store: Store, source_id: str) -> dict[str, Any] | None:
    source = store.source(source_id)
    if not source:
        return None
    return {k: source.get(k) for k in ("kind", "outlet", "title", "date", "file", "url")}


def _citations_table(store: Store, found: list[dict[str, Any]]) -> Table:
    rows = []
    for c in found:
        if c["excerpt"]:
            # Verbatim and whole: a plain string, laid out in its own direction like any cell.
            text: Any = c["excerpt"]
        else:
            note = note_text(c["note"]) or ""
            text = {"style": "dim", "value": h(f"(note) {note}", f"(ملاحظة) {note}")}
        rows.append({"src": c["source"], "text": text, "from": source_brief(store, c["source"])})
    return Table(
        title=h("Citations: each excerpt verbatim, with its source", "الاستشهادات: كل مقتطف بنصّه مع مصدره"),
        columns=[
            Column("src", h("Source", "المصدر"), every_line=True),
            Column("text", h("Excerpt", "المقتطف")),
            Column("from", h("Published", "النشر"), style="dim"),
        ],
        rows=rows,
    )


def _strings(node: Any) -> list[str]:
    found: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            stack.extend(v for k, v in item.items() if k != "source")
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _all_names(record: dict[str, Any]) -> list[str]:
    names = [v for v in record["name"].values() if isinstance(v, str)] if is_bilingual(record.get("name")) else []
    aliases = record.get("aliases") or {}
    for spelled in aliases.values() if isinstance(aliases, dict) else []:
        names += [a for a in spelled if isinstance(a, str)] if isinstance(spelled, list) else []
    return names


def _names(record: dict[str, Any]) -> list[str]:
    # Short names and codes ("ARM") would be found inside other words.
    return [n for n in _all_names(record) if len(n) >= 4]


def links(store: Store, table: str, record: dict[str, Any]) -> list[tuple[str, dict[str, Any], str]]:
    """The records that point to this one, say its name, or (for a source) cite it."""
    from ..textnorm import fold

    rid = record["id"]
    codes = {rid} | {str(c) for c in (record.get("iso3"), record.get("iso2")) if c}
    names = {fold(n) for n in _names(record)} - {""}
    found: dict[str, list[tuple[str, dict[str, Any], str]]] = {}
    for other_table, other in store.records():
        if other is record or other.get("id") == rid:
            continue
        how = None
        if table == "sources":
            if any(c["source"] == rid for c in citations(other)):
                how = "cites"
        elif other.get("speaker") == rid:
            how = "speaker"
        else:
            strings = _strings(other)
            if codes & set(strings):
                how = "points"
            elif names and other_table != "sources":  # a page's title naming a country is no link
                text = " ".join(fold(s) for s in strings)
                if any(f" {n}" in f" {text}" for n in names):
                    how = "mentions"
        if how:
            found.setdefault(other_table, []).append((other_table, other, how))
    order = [t for t in _LINK_ORDER if t in found] + sorted(t for t in found if t not in _LINK_ORDER)
    return [entry for t in order for entry in found[t]]


def _linked_title(table: str, record: dict[str, Any]) -> dict[str, str]:
    rid = record["id"]
    name = record.get("name") if is_bilingual(record.get("name")) else h(rid, rid)
    if table == "sources":
        return h(f"What {rid} supports, with its words", f"ما يدعمه المصدر {rid}، بنصّه")
    if table == "people":
        return h(f"What {name['en']} said, and the records that name them",
                 f"ما قاله {name.get('ar', name['en'])}، والسجلات التي تذكره")
    if table == "countries":
        return h(f"{name['en']}: its events, deployments, figures and other records that name it",
                 f"{name.get('ar', name['en'])}: أحداثها وعمليات الانتشار والأرقام وسائر السجلات التي تذكرها")
    return h(f"Records that point to {rid} or name it", f"سجلات تشير إلى {rid} أو تذكره")


def _linked_table(table_of_record: str, record: dict[str, Any], linked: list[tuple[str, dict[str, Any], str]]) -> Table:
    rid = record["id"]
    rows = []
    for table, other, how in linked:
        lines: list[Any] = [label(table, other)]
        if how == "cites":
            for c in citations(other):
                if c["source"] == rid:
                    text = c["excerpt"] or note_text(c["note"])
                    if text:
                        lines.append({"style": "dim", "value": f"[{rid}] {text}"})
        rows.append({"kind": TABLE_KIND.get(table, h(table, table)), "id": other["id"], "label": lines,
                     "how": _SAYS[how]})
    title = _linked_title(table_of_record, record)
    return Table(
        title=title,
        columns=[
            Column("kind", h("Kind", "النوع")),
            Column("label", h("Record", "السجل")),
            Column("how", h("Link", "الصلة")),
            Column("id", h("Id", "المعرّف"), style="dim", every_line=True),
        ],
        rows=rows,
    )

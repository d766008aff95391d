"""The `search` answer: the records that match what the user typed, best first, and why."""

from __future__ import annotations

from typing import Any

from ..errors import NotFound, UsageError, cut, printable
from ..render import date_text
from ..store import Store
from ..tables import Column, Table
from .common import (
    TABLE_KIND,
    Result,
    cited,
    h,
    label,
    legend,
    markers,
    number,
    period_text,
    source_column,
    status_text,
    with_cite,
)

#: rows shown on a terminal unless --limit or --all says otherwise
SHOWN = 10

_KIND = {**TABLE_KIND, "sources": h("source", "مصدر"), "places": h("place", "مكان"),
         "organisations": h("organisation", "منظمة")}


def kind(table: str) -> dict[str, str]:
    """A record's kind in both languages; a table no one named yet goes by its own name."""
    if table in _KIND:
        return _KIND[table]
    singular = table[:-1] if table.endswith("s") else table
    return h(singular, singular)


def answer_of(record: dict[str, Any], store: Store | None = None) -> dict[str, str] | None:
    """What the record says in brief: a person's role, a country's status (with a freeze of
    its participation, which the store keeps as an event), a figure's values."""
    role = record.get("role")
    if isinstance(role, dict):
        return role
    status = record.get("status")
    if isinstance(status, str):
        shown = status_text(record)
        periods = [p for p in record.get("periods") or () if isinstance(p, dict)]
        if periods:
            last = periods[-1]
            when = period_text(last.get("start"), last.get("end"))
            if when:
                shown = {lang: f"{shown[lang]} ({when[lang]})" for lang in ("en", "ar")}
        if store is not None and status == "member" and isinstance(record.get("name"), dict):
            from .members import freezes

            frozen = freezes(store, record)
            if frozen:
                since = date_text(frozen[0]["date"]) or h(frozen[0]["date"], frozen[0]["date"])
                shown = {"en": f"{shown['en']}; participation frozen since {since['en']}",
                         "ar": f"{shown['ar']}؛ المشاركة مجمّدة منذ {since['ar']}"}
        return shown
    values = record.get("values")
    if isinstance(values, list) and values:
        preferred = [v for v in values if v.get("rank") == "preferred"] or values[:1]
        unit = record.get("unit") or h("", "")
        shown = []
        for v in preferred:
            one = number(v["value"], v.get("qualifier"))
            if one not in shown:
                shown.append(one)
        return {lang: "; ".join(f"{s[lang]} {unit.get(lang, '')}".strip() for s in shown) for lang in ("en", "ar")}
    value = record.get("value")
    if isinstance(value, dict) and "en" in value and "ar" in value:
        return {"en": value["en"], "ar": value["ar"]}
    return date_text(record.get("date")) if isinstance(record.get("date"), str) else None


def _snippet(hit: Any) -> dict[str, Any]:
    """The matching text in each language, with the matched words to highlight."""
    texts, marks = {}, []
    for lang in ("en", "ar"):
        text, spans = hit.snippet_in(lang)
        texts[lang] = text
        marks += [text[s:e] for s, e in spans]
    return {"value": texts, "marks": marks}


def results_ar(count: int) -> str:
    """"N results" in Arabic, the noun agreeing with the number: نتيجة واحدة، نتيجتان، 3 نتائج، 11 نتيجة."""
    rest = count % 100
    if count == 1:
        return "نتيجة واحدة"
    if count == 2:
        return "نتيجتان"
    if 3 <= rest <= 10:
        return f"{count} نتائج"
    return f"{count} نتيجة"


def search(store: Store, text: str, limit: int | None = None, all: bool = False, cite: bool = False) -> Result:
    from ..retrieve import TooLong, engine

    if not text or not text.strip():
        raise UsageError("TEXT must contain letters or digits")
    found = engine(store)
    try:
        words, hits = found.search(text, relax=True)
    except TooLong as exc:
        raise UsageError(str(exc)) from None
    if not words:
        raise UsageError("TEXT must contain letters or digits")
    # As typed, but escaped, and cut short: a query is echoed in the title and in errors.
    asked = printable(cut(text))
    if not hits:
        near = found.suggest(words)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise NotFound(f"nothing in the store matches {cut(text)!r}{hint}")
    chosen = hits[:limit] if limit else hits
    data = [
        {"kind": kind(hit.table)["en"], "id": hit.record.get("id"), "label": label(hit.table, hit.record),
         "score": hit.score, "matched": hit.matched, "record": hit.record}
        for hit in chosen
    ]
    shown = hits if all else hits[: limit or SHOWN]
    count = len(hits)
    more = h(f"The best {len(shown)}: --all shows all {count}, --limit N the best N.",
             f"أفضل {len(shown)} من {count}: --all للكل، و--limit N لأفضل N") if len(shown) < count else None
    missing = hits[0].matched["missing"]
    if missing:
        # No record has every word: say so first, the rows then have most of them.
        have, of = len(words) - len(missing), len(words)
        partial = h(f"No record has every word; these have {have} of the {of}.",
                    f"لا سجل يضم كل الكلمات؛ في هذه {have} من {of}.")
        unknown = [w for w in words if not w.candidates]
        if unknown:
            near = found.suggest(unknown)
            absent = ", ".join(printable(w.text) for w in unknown)
            hint = h(f" (did you mean {', '.join(near)}?)", f" (هل تقصد {'، '.join(near)}؟)") if near else h("", "")
            partial = h(f"{partial['en']} Nothing has {absent}{hint['en']}.", f"{partial['ar']} لا شيء فيه {absent}{hint['ar']}.")
        more = partial if more is None else {k: f"{partial[k]} {more[k]}" for k in ("en", "ar")}
    if cite:
        marks = legend()
        more = marks if more is None else {k: f"{more[k]} {marks[k]}" for k in ("en", "ar")}

    def tables() -> list[Table]:
        return [Table(
            title=h(f"Search: {asked} ({count} found)", f"بحث: {asked} ({results_ar(count)})"),
            columns=[Column("kind", h("Kind", "النوع")), Column("id", h("Id", "المعرّف")), Column("label", h("Match", "النتيجة")),
                     Column("snippet", h("Where", "الموضع")), Column("answer", h("Answer", "الجواب")), source_column()],
            rows=[
                {"kind": kind(hit.table), "id": hit.record.get("id"),
                 "label": with_cite([label(hit.table, hit.record)], hit.record, cite),
                 "snippet": _snippet(hit),
                 "answer": answer_of(hit.record, store), "src": markers(cited(hit.record))}
                for hit in shown
            ],
            note=more,
        )]

    return Result(data, tables)

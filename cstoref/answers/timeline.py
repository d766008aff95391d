"""The `timeline` answer: dated events, oldest first, within an optional range of years."""

from __future__ import annotations

from ..errors import NotFound, UsageError
from ..render import Column, Table, date_text
from ..store import Store
from .common import (
    Result,
    cited,
    disputed,
    h,
    id_column,
    legend,
    markers,
    name_notes,
    ordered,
    source_column,
    span,
    with_cite,
    years_of,
)

_EVENT_FIELDS = ("id", "date", "text")


def title(from_year: int | None, to_year: int | None) -> dict[str, str]:
    """The heading says which years the filter chose."""
    base = h("CSTO timeline", "التسلسل الزمني لمنظمة معاهدة الأمن الجماعي")
    if from_year is not None and to_year is not None:
        if from_year == to_year:
            return h(f"{base['en']}: events of {from_year}", f"{base['ar']}: أحداث عام {from_year}")
        return h(f"{base['en']}: events from {from_year} to {to_year}", f"{base['ar']}: الأحداث من {from_year} إلى {to_year}")
    if from_year is not None:
        return h(f"{base['en']}: events from {from_year}", f"{base['ar']}: الأحداث منذ {from_year}")
    if to_year is not None:
        return h(f"{base['en']}: events up to {to_year}", f"{base['ar']}: الأحداث حتى {to_year}")
    return base


def timeline(store: Store, from_year: int | None = None, to_year: int | None = None, cite: bool = False) -> Result:
    if from_year is not None and to_year is not None and from_year > to_year:
        raise UsageError(f"--from {from_year} is after --to {to_year}")
    events = sorted(store.table("events"), key=lambda e: (e["date"], e["id"]))
    chosen = [
        e for e in events
        if (from_year is None or int(e["date"][:4]) >= from_year) and (to_year is None or int(e["date"][:4]) <= to_year)
    ]
    if not chosen:
        raise NotFound(f"no event recorded in that range; events span {span(years_of(events))}")
    table = Table(
        title=title(from_year, to_year),
        columns=[
            Column("date", h("Date", "التاريخ"), every_line=True),
            Column("text", h("Event", "الحدث")),
            source_column(),
            id_column(),
        ],
        rows=[
            {
                "date": date_text(e["date"]),
                "text": with_cite([e["text"]] + disputed(e) + name_notes(store, e), e, cite),
                "src": markers(cited(e)),
                "id": e["id"],
            }
            for e in chosen
        ],
        note=legend(),
    )
    return Result([ordered(e, _EVENT_FIELDS) for e in chosen], [table])

"""The `timeline` answer: dated events, oldest first, within an optional range of years."""

from __future__ import annotations

from ..errors import NotFound, UsageError
from ..render import Column, Table, date_text
from ..store import Store
from .common import Result, cited, disputed, h, markers, ordered, source_column, span, years_of

_EVENT_FIELDS = ("id", "date", "text")


def timeline(store: Store, from_year: int | None = None, to_year: int | None = None) -> Result:
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
        title=h("CSTO timeline", "التسلسل الزمني لمنظمة معاهدة الأمن الجماعي"),
        columns=[Column("date", h("Date", "التاريخ")), Column("text", h("Event", "الحدث")), source_column()],
        rows=[{"date": date_text(e["date"]), "text": [e["text"]] + disputed(e), "src": markers(cited(e))} for e in chosen],
    )
    return Result([ordered(e, _EVENT_FIELDS) for e in chosen], [table])

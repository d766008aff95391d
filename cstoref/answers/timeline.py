"""The `timeline` answer: dated events, oldest first, within an optional range of dates."""

from __future__ import annotations

from ..errors import NotFound, UsageError
from ..render import date_text
from ..store import Store
from ..tables import Column, Table
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


def title(from_year: str | None, to_year: str | None) -> dict[str, str]:
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


def bound(value: str, flag: str) -> str:
    """`value` checked as a date of --from or --to at the precision given (YYYY, YYYY-MM, YYYY-MM-DD)."""
    parts = value.split("-")
    problem = None
    if not (value.isascii() and 1 <= len(parts) <= 3 and all(p.isdigit() for p in parts)
            and len(parts[0]) == 4 and all(len(p) == 2 for p in parts[1:])):
        problem = "must be a date: YYYY, YYYY-MM or YYYY-MM-DD"
    elif not 1000 <= int(parts[0]) <= 9999:
        problem = "must be a year from 1000 to 9999"
    elif len(parts) > 1 and not 1 <= int(parts[1]) <= 12:
        problem = "has no such month"
    elif len(parts) == 3:
        import datetime

        try:
            datetime.date(*map(int, parts))
        except ValueError:
            problem = "has no such day"
    if problem:
        shown = value if len(value) <= 20 else value[:20] + "..."
        raise UsageError(f"{flag} {problem}, not {shown!r}")
    return value


def _at(date: str, other: str) -> tuple[str, str]:
    """Both dates cut to the coarser precision of the two: 2022-01 and 2022-01-10 compare as months."""
    n = min(len(date), len(other))
    return date[:n], other[:n]


def timeline(store: Store, from_date: str | None = None, to_date: str | None = None, cite: bool = False) -> Result:
    # An event dated only to a year or a month is shown when that year or month overlaps the
    # range: `--from 2022-01-10` keeps an event of "2022-01", since it may be later that month.
    start = None if from_date is None else bound(str(from_date), "--from")
    end = None if to_date is None else bound(str(to_date), "--to")
    if start is not None and end is not None and _at(start, end)[0] > _at(start, end)[1]:
        raise UsageError(f"--from {start} is after --to {end}")
    events = sorted(store.table("events"), key=lambda e: (e["date"], e["id"]))

    def inside(date: str) -> bool:
        if start is not None:
            mine, theirs = _at(date, start)
            if mine < theirs:
                return False
        if end is not None:
            mine, theirs = _at(date, end)
            if mine > theirs:
                return False
        return True

    chosen = [e for e in events if inside(e["date"])]
    if not chosen:
        raise NotFound(f"no event recorded in that range; events span {span(years_of(events))}")

    def tables() -> list[Table]:
        return [Table(
            title=title(start, end),
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
        )]

    return Result([ordered(e, _EVENT_FIELDS) for e in chosen], tables)

"""The `members` answer: countries by status, with their periods and notes, or a chart of them."""

from __future__ import annotations

from typing import Any

from ..errors import NotFound, UsageError
from ..store import Store
from ..tables import Column, Table
from .common import (
    STATUS_TEXT,
    STATUSES,
    Result,
    cited,
    disputed,
    h,
    id_column,
    legend,
    markers,
    period_text,
    source_column,
    status_text,
    with_cite,
)

_MEMBER_FIELDS = ("id", "iso3", "name", "status", "joined", "left", "note")

#: the heading says which countries the filter chose
TITLES = {
    "all": h("CSTO member states, former members and observers",
             "الدول الأعضاء في منظمة معاهدة الأمن الجماعي والأعضاء السابقون والمراقبون"),
    "member": h("CSTO member states", "الدول الأعضاء في منظمة معاهدة الأمن الجماعي"),
    "former": h("Former members of the CSTO", "الأعضاء السابقون في منظمة معاهدة الأمن الجماعي"),
    "observer": h("Observers of the CSTO", "المراقبون في منظمة معاهدة الأمن الجماعي"),
}


def members(store: Store, status: str = "all", cite: bool = False, chart: bool = False) -> Result:
    if status not in STATUSES:
        raise UsageError(f"--status must be one of {', '.join(STATUSES)}, not {status!r}")
    order = {"member": 0, "former": 1, "observer": 2}
    rows = [c for c in store.table("countries") if status == "all" or c["status"] == status]
    rows.sort(key=lambda c: (order.get(c["status"], 3), c["name"]["en"]))
    if not rows:
        raise NotFound(f"no country in the store has the status {status!r}")
    data = [{**{k: c.get(k) for k in _MEMBER_FIELDS}, **{k: v for k, v in c.items() if k not in _MEMBER_FIELDS}} for c in rows]
    if chart:
        return Result(data, lambda: [membership_chart(store, rows)])
    title = TITLES[status]
    if status == "former" and any(status_text(c) != STATUS_TEXT["former"] for c in rows):
        title = h("Former members and observers of the CSTO", "الأعضاء والمراقبون السابقون في منظمة معاهدة الأمن الجماعي")

    def tables() -> list[Table]:
        return [Table(
            title=title,
            columns=[
                Column("name", h("Country", "الدولة")),
                Column("status", h("Status", "الوضع")),
                Column("period", h("Period", "الفترة")),
                Column("note", h("Note", "ملاحظة")),
                source_column(),
                id_column(),
            ],
            rows=[
                {
                    "id": c["id"],
                    "name": [c["name"], c["iso3"]],
                    "status": status_text(c),
                    "period": [period_text(p.get("start"), p.get("end")) for p in c.get("periods") or []]
                    or [period_text(c.get("joined"), c.get("left"))],
                    "note": with_cite([c.get("note")] + disputed(c), c, cite),
                    "src": markers(cited(c)),
                }
                for c in rows
            ],
            note=legend(),
        )]

    return Result(data, tables)


FIRST_YEAR = 1992  # the treaty's signature
_MARKS = {"member": "█", "frozen": "▒", "observer": "░", None: "·"}


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


def freezes(store: Store, country: dict[str, Any]) -> list[dict[str, Any]]:
    """The events recording that `country` froze its participation, oldest first.

    The store keeps a freeze as a dated event (tagged with the country and `membership`), not
    as a period: the country stays a member in law.
    """
    tag = country["name"]["en"].lower()
    found = [e for e in store.table("events")
             if tag in (e.get("tags") or []) and "membership" in (e.get("tags") or [])
             and any(word in e["text"]["en"].lower() for word in ("froze", "freez"))]
    return sorted(found, key=lambda e: e["date"])


def membership_chart(store: Store, countries: list[dict[str, Any]], last_year: int | None = None) -> Table:
    """Each country's periods on a year axis from 1992 to `last_year` (this year): one cell a year,
    marked when the status held for any part of that year."""
    if last_year is None:
        import datetime

        last_year = datetime.date.today().year
    years = range(FIRST_YEAR, last_year + 1)
    # Ticks every five years, each label starting in its year's cell.
    axis = " ".join(str(year) for year in years[::5] if year + 3 <= last_year)
    rows = []
    for country in countries:
        held: dict[int, str] = {}
        for period in country.get("periods") or [{"status": country["status"], "start": country.get("joined"),
                                                  "end": country.get("left")}]:
            start = _year(period.get("start")) or FIRST_YEAR
            end = _year(period.get("end")) or last_year
            kind = "observer" if period.get("status") == "observer" else "member"
            for year in range(max(start, FIRST_YEAR), min(end, last_year) + 1):
                held[year] = kind
        frozen = freezes(store, country)
        if frozen:
            since = _year(frozen[0]["date"]) or last_year
            for year in years:
                if year >= since and held.get(year) == "member":
                    held[year] = "frozen"
        bar = "".join(_MARKS[held.get(year)] for year in years)
        periods = [period_text(p.get("start"), p.get("end")) for p in country.get("periods") or []]
        if frozen:
            when = frozen[0]["date"]
            from ..render import date_text

            shown = date_text(when) or h(when, when)
            periods.append(h(f"{_MARKS['frozen']} participation frozen since {shown['en']}",
                             f"{_MARKS['frozen']} المشاركة مجمّدة منذ {shown['ar']}"))
        # As Arabic text the bar runs right to left, so with --lang ar the years run from the right.
        rows.append({"name": [country["name"], country["iso3"]], "period": periods,
                     "bar": {"en": bar, "ar": bar, "both": bar}})
    return Table(
        title=h(f"CSTO membership, {FIRST_YEAR}-{last_year}", f"العضوية في منظمة معاهدة الأمن الجماعي، {FIRST_YEAR}-{last_year}"),
        columns=[
            Column("name", h("Country", "الدولة")),
            Column("period", h("Period", "الفترة")),
            Column("bar", {"en": axis, "ar": axis, "both": axis}, whole=True),
        ],
        rows=rows,
        note=h(
            f"One cell a year, {FIRST_YEAR} to {last_year}: {_MARKS['member']} member, {_MARKS['frozen']} member with "
            f"participation frozen, {_MARKS['observer']} observer, {_MARKS[None]} none (a year is marked if the status "
            "held for any part of it).",
            f"خانة لكل سنة من {FIRST_YEAR} إلى {last_year}: {_MARKS['member']} عضو، {_MARKS['frozen']} عضو جمّد مشاركته، "
            f"{_MARKS['observer']} مراقب، {_MARKS[None]} لا شيء (تُعلَّم السنة إذا قام الوضع في أي جزء منها).",
        ),
    )

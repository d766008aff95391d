"""The `members` answer: countries by status, with their periods and notes."""

from __future__ import annotations

from ..errors import NotFound, UsageError
from ..render import Column, Table
from ..store import Store
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


def members(store: Store, status: str = "all", cite: bool = False) -> Result:
    if status not in STATUSES:
        raise UsageError(f"--status must be one of {', '.join(STATUSES)}, not {status!r}")
    order = {"member": 0, "former": 1, "observer": 2}
    rows = [c for c in store.table("countries") if status == "all" or c["status"] == status]
    rows.sort(key=lambda c: (order.get(c["status"], 3), c["name"]["en"]))
    if not rows:
        raise NotFound(f"no country in the store has the status {status!r}")
    data = [{**{k: c.get(k) for k in _MEMBER_FIELDS}, **{k: v for k, v in c.items() if k not in _MEMBER_FIELDS}} for c in rows]
    table = Table(
        title=TITLES[status],
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
                "status": STATUS_TEXT.get(c["status"], h(c["status"], c["status"])),
                "period": [period_text(p.get("start"), p.get("end")) for p in c.get("periods") or []]
                or [period_text(c.get("joined"), c.get("left"))],
                "note": with_cite([c.get("note")] + disputed(c), c, cite),
                "src": markers(cited(c)),
            }
            for c in rows
        ],
        note=legend(),
    )
    return Result(data, [table])

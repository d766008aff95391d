"""The `deployment` answer: every deployment decision, or one year's card with its contingents and chart."""

from __future__ import annotations

from typing import Any

from ..errors import NotFound
from ..render import Column, Table, date_text
from ..store import Store
from .common import (
    Result,
    cited,
    country_name,
    disputed,
    figure_line,
    h,
    markers,
    ordered,
    source_column,
)

_DEPLOYMENT_FIELDS = ("id", "year", "host", "outcome", "requested", "started", "ended", "tasks", "contributions")
OUTCOME_TEXT = {"deployed": h("deployed", "نُشرت القوات"), "declined": h("declined", "رُفض الطلب")}


def _person_text(store: Store, part: dict[str, Any] | None) -> list[Any]:
    if not part:
        return []
    return [part.get("text"), markers(cited(part))]


def deployment(store: Store, year: int | None = None) -> Result:
    records = sorted(store.table("deployments"), key=lambda d: (d["year"], d["id"]))
    if year is None:
        if not records:
            raise NotFound("no deployment decision is recorded in this store")
        table = Table(
            title=h("CSTO deployment decisions, including requests turned down", "قرارات نشر قوات المنظمة، ومنها الطلبات المرفوضة"),
            columns=[
                Column("year", h("Year", "السنة")),
                Column("host", h("Host", "البلد")),
                Column("outcome", h("Outcome", "النتيجة")),
                Column("summary", h("Summary", "الخلاصة")),
                source_column(),
            ],
            rows=[
                {
                    "year": str(d["year"]),
                    "host": country_name(store, d["host"]),
                    "outcome": OUTCOME_TEXT.get(d["outcome"], h(d["outcome"], d["outcome"])),
                    "summary": d.get("summary"),
                    "src": markers(cited(d)),
                }
                for d in records
            ],
        )
        return Result([ordered(d, _DEPLOYMENT_FIELDS) for d in records], [table])
    chosen = [d for d in records if d["year"] == year]
    if not chosen:
        years = ", ".join(str(y) for y in sorted({d["year"] for d in records})) or "none"
        raise NotFound(f"no deployment decision recorded for {year}; recorded years: {years}")
    tables: list[Table] = []
    for d in chosen:
        tables.extend(_deployment_card(store, d))
        chart = bar_chart(store, d)
        if chart:
            tables.append(chart)
    return Result([ordered(d, _DEPLOYMENT_FIELDS) for d in chosen], tables)


def _deployment_card(store: Store, d: dict[str, Any]) -> list[Table]:
    legal = d.get("legal_basis") or {}
    rows = [
        (h("Operation", "العملية"), d.get("name")),
        (h("Host", "البلد المضيف"), country_name(store, d["host"])),
        (h("Outcome", "النتيجة"), OUTCOME_TEXT.get(d["outcome"])),
        (h("Requested", "تقديم الطلب"), [date_text(d.get("requested")), d.get("requested_by")]),
        (h("Decided", "القرار"), date_text(d.get("decided"))),
        (h("First arrivals", "وصول أولى القوات"), date_text(d.get("started"))),
        (h("Deployment complete", "اكتمال الانتشار"), date_text(d.get("deployed"))),
        (h("Withdrawal began", "بدء الانسحاب"), date_text(d.get("withdrawal_started"))),
        (h("Withdrawal complete", "اكتمال الانسحاب"), date_text(d.get("ended"))),
        (h("Tasks", "المهام"), [piece for t in d.get("tasks", []) for piece in (t["text"], markers(cited(t)))]),
        (h("Legal basis", "السند القانوني"), [legal.get("text"), markers(cited(legal)) if legal else None] + (disputed(legal) if legal else [])),
        (h("Chair", "الرئاسة"), _person_text(store, d.get("chair"))),
        (h("Commander", "القائد"), _person_text(store, d.get("commander"))),
        (h("Summary", "الخلاصة"), d.get("summary")),
        (h("Disputed", "موضع خلاف"), disputed(d)),
        (h("Sources", "المصادر"), {"style": "dim", "value": markers(cited(d))}),
    ]
    card = Table(
        title=h(f"Deployment {d['year']}: {country_name(store, d['host'])['en']}", f"انتشار {d['year']}: {country_name(store, d['host'])['ar']}"),
        columns=[Column("k", h("", "")), Column("v", h("", ""))],
        rows=[{"k": k, "v": v} for k, v in rows if v not in (None, [], [None, None]) and any(x for x in (v if isinstance(v, list) else [v]))],
        card=True,
    )
    tables = [card]
    contributions = d.get("contributions", [])
    totals = d.get("totals", [])
    if contributions or totals:
        scope_text = {
            "all": h("All contingents", "كل الوحدات"),
            "non-russian": h("All but Russia", "كل الوحدات عدا الروسية"),
            "planned": h("Planned force", "القوة المقررة"),
            "equipment": h("Equipment (pieces)", "المعدات (قطعة)"),
        }
        rows2 = [
            {"country": country_name(store, c["country"]), "troops": [figure_line(t) for t in c.get("troops", [])] or [h("no figure reported", "لم يُعلن رقم")], "note": c.get("note")}
            for c in contributions
        ]
        rows2 += [{"country": scope_text.get(t["scope"], h(t["scope"], t["scope"])), "troops": [figure_line(t)], "note": None} for t in totals]
        tables.append(
            Table(
                title=h("Contingents: every reported figure, with its source", "الوحدات المشاركة: كل رقم منشور ومصدره"),
                columns=[Column("country", h("Country", "الدولة")), Column("troops", h("Troops reported", "عدد الجنود المعلن")), Column("note", h("Note", "ملاحظة"))],
                rows=rows2,
                note=h("✓ preferred (official or reference) · reported ✗ contradicted by references", "✓ الرقم المعتمد (رسمي أو مرجعي) · رقم منشور ✗ رقم تنقضه المراجع"),
            )
        )
    return tables


def contingent_ranges(d: dict[str, Any]) -> list[tuple[str, int, int]]:
    """(iso3, lowest, highest) of the figures reported for each contingent."""
    ranges = []
    for c in d.get("contributions", []):
        values = [t["value"] for t in c.get("troops", [])]
        if values:
            ranges.append((c["country"], min(values), max(values)))
    return ranges


def bar_chart(store: Store, d: dict[str, Any], bar_width: int = 20) -> Table | None:
    ranges = contingent_ranges(d)
    if not ranges:
        return None
    top = max(high for _, _, high in ranges)
    if top <= 0:
        return None  # nothing to draw (and nothing to divide by)
    rows = []
    for iso3, low, high in ranges:
        solid = max(1, round(low / top * bar_width))
        span = max(solid, round(high / top * bar_width))
        figure = f"{low:,}" if low == high else f"{low:,}-{high:,}"
        bar = "█" * solid + "░" * (span - solid)
        # As Arabic text the bar runs right to left, so in an Arabic table it grows from the right.
        rows.append({"country": country_name(store, iso3), "figure": figure, "bar": {"en": bar, "ar": bar, "both": bar}})
    return Table(
        title=h("Contingent sizes (░ where sources disagree)", "حجم الوحدات (░ حيث تختلف المصادر)"),
        columns=[Column("country", h("Country", "الدولة")), Column("figure", h("Troops", "الجنود")), Column("bar", h("", ""))],
        rows=rows,
        tty_only=True,
    )

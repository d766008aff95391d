"""The `deployment` answer: every deployment decision, or one year's card with its contingents and chart."""

from __future__ import annotations

from typing import Any

from ..errors import NotFound
from ..render import date_text
from ..store import Store
from ..tables import Column, Table
from .common import (
    Result,
    cited,
    country_name,
    disputed,
    figure_line,
    h,
    id_column,
    label_column,
    legend,
    markers,
    ordered,
    period_text,
    source_column,
    verdict,
    with_cite,
)

_DEPLOYMENT_FIELDS = ("id", "year", "host", "outcome", "requested", "started", "ended", "tasks", "contributions")
OUTCOME_TEXT = {"deployed": h("deployed", "نُشرت القوات"), "declined": h("declined", "رُفض الطلب")}


def _person_text(store: Store, part: dict[str, Any] | None) -> list[Any]:
    if not part:
        return []
    return [part.get("text"), markers(cited(part))]


def deployment(store: Store, year: int | None = None, cite: bool = False) -> Result:
    records = sorted(store.table("deployments"), key=lambda d: (d["year"], d["id"]))
    if year is None:
        if not records:
            raise NotFound("no deployment decision is recorded in this store")

        def tables() -> list[Table]:
            return [Table(
                title=h("CSTO deployment decisions, including requests turned down", "قرارات نشر قوات المنظمة، ومنها الطلبات المرفوضة"),
                columns=[
                    Column("year", h("Year", "السنة")),
                    Column("host", h("Host", "البلد")),
                    Column("outcome", h("Outcome", "النتيجة")),
                    Column("summary", h("Summary", "الخلاصة")),
                    source_column(),
                    id_column(),
                ],
                rows=[
                    {
                        "year": str(d["year"]),
                        "host": country_name(store, d["host"]),
                        "outcome": [OUTCOME_TEXT.get(d["outcome"], h(d["outcome"], d["outcome"])), _dates(d)],
                        "summary": with_cite([d.get("summary")] + disputed(d), d, cite),
                        "src": markers(cited(d)),
                        "id": d["id"],
                    }
                    for d in records
                ],
                note=legend(),
            )]

        return Result([ordered(d, _DEPLOYMENT_FIELDS) for d in records], tables)
    chosen = [d for d in records if d["year"] == year]
    if not chosen:
        years = ", ".join(str(y) for y in sorted({d["year"] for d in records})) or "none"
        raise NotFound(f"no deployment decision recorded for {year}; recorded years: {years}")
    tables: list[Table] = []
    for d in chosen:
        tables.extend(_deployment_card(store, d, cite))
        chart = bar_chart(store, d)
        if chart:
            tables.append(chart)
    return Result([ordered(d, _DEPLOYMENT_FIELDS) for d in chosen], tables)


def _dates(d: dict[str, Any]) -> dict[str, str] | None:
    """When it was asked for, and when the troops came and went."""
    asked = date_text(d.get("requested"))
    stay = period_text(d.get("started"), d.get("ended")) if d.get("started") else None
    parts = [p for p in ((h(f"requested {asked['en']}", f"طُلب في {asked['ar']}") if asked else None), stay) if p]
    if not parts:
        return None
    return {"en": "; ".join(p["en"] for p in parts), "ar": "؛ ".join(p["ar"] for p in parts)}


def _deployment_card(store: Store, d: dict[str, Any], cite: bool = False) -> list[Table]:
    legal = d.get("legal_basis") or {}
    rows = [
        (h("Id", "المعرّف"), d["id"]),
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
    if cite:
        rows.append((h("Excerpts", "المقتطفات"), with_cite([], d, True)))
    card = Table(
        title=h(f"Deployment {d['year']}: {country_name(store, d['host'])['en']}", f"انتشار {d['year']}: {country_name(store, d['host'])['ar']}"),
        columns=[label_column(), Column("v", h("", ""))],
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
            {
                # The country's id beside its name, to follow with `show`.
                "country": {k: f"{v} ({c['country'].lower()})" for k, v in country_name(store, c["country"]).items()},
                "troops": with_cite([figure_line(t) for t in c.get("troops", [])] or [h("no figure reported", "لم يُعلن رقم")], c, cite),
                "note": c.get("note"),
            }
            for c in contributions
        ]
        rows2 += [
            {"country": scope_text.get(t["scope"], h(t["scope"], t["scope"])), "troops": with_cite([figure_line(t)], t, cite), "note": t.get("note") if isinstance(t.get("note"), dict) else None}
            for t in totals
        ]
        tables.append(
            Table(
                title=h("Contingents: every reported figure, with its source", "الوحدات المشاركة: كل رقم منشور ومصدره"),
                columns=[
                    Column("country", h("Country", "الدولة"), every_line=True),
                    Column("troops", h("Troops reported", "عدد الجنود المعلن")),
                    Column("note", h("Note", "ملاحظة")),
                ],
                rows=rows2,
                note=legend(),
            )
        )
    return tables


def contingent_figures(d: dict[str, Any]) -> list[tuple[str, int | None, int | None]]:
    """(iso3, the preferred figure or None, the highest figure reported beside it) of each contingent.

    Contradicted and unverifiable figures are left out of the chart; the table beside it lists them.
    """
    found = []
    for c in d.get("contributions", []):
        preferred = [t["value"] for t in c.get("troops", []) if verdict(t) == "preferred"]
        reported = [t["value"] for t in c.get("troops", []) if verdict(t) == "reported"]
        main = preferred[0] if preferred else None
        other = max(reported) if reported else None
        if main is not None or other is not None:
            found.append((c["country"], main, other if other != main else None))
    return found


def bar_chart(store: Store, d: dict[str, Any], bar_width: int = 20) -> Table | None:
    figures = contingent_figures(d)
    top = max((max(main or 0, other or 0) for _, main, other in figures), default=0)
    if top <= 0:
        return None  # nothing to draw (and nothing to divide by)
    rows = []
    for iso3, main, other in figures:
        solid = max(1, round(main / top * bar_width)) if main else 0
        reach = max(solid, round((other or 0) / top * bar_width), 1)
        shown = [f"✓ {main:,}"] if main is not None else []
        shown += [f"· {other:,}"] if other is not None else []
        # Solid: the preferred figure; light: a reported figure beyond it, or the reported
        # figure of a contingent that has no preferred one.
        bar = "█" * solid + "░" * (reach - solid)
        # As Arabic text the bar runs right to left, so in an Arabic table it grows from the right.
        rows.append({"country": country_name(store, iso3), "figure": " ".join(shown), "bar": {"en": bar, "ar": bar, "both": bar}})
    return Table(
        title=h("Contingent sizes: the preferred figure of each", "حجم الوحدات: الرقم المعتمد لكل منها"),
        columns=[Column("country", h("Country", "الدولة")), Column("figure", h("Troops", "الجنود")), Column("bar", h("", ""))],
        rows=rows,
        note=h(
            "█ ✓ preferred figure; ░ · a figure only reported (higher, or where none is preferred); "
            "✗ contradicted and ? unverifiable figures are left out.",
            "█ ✓ الرقم المعتمد؛ ░ · رقم منشور فحسب (أعلى منه، أو حيث لا رقم معتمد)؛ "
            "ولا تُرسم الأرقام ✗ التي تنقضها المراجع ولا ? التي تعذّر التحقق منها.",
        ),
        tty_only=True,
    )

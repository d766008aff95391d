"""The `about` answer: the overview card of facts by topic, and the force-size figures."""

from __future__ import annotations

from typing import Any

from ..errors import NotFound
from ..render import date_text
from ..store import Store
from ..tables import Column, Table
from .common import (
    Result,
    cited,
    disputed,
    figure_line,
    h,
    id_column,
    label_column,
    legend,
    markers,
)

_ABOUT_KEYS = (
    ("name", h("Name", "الاسم")),
    ("abbreviation", h("Abbreviation", "الاختصار")),
    ("treaty", h("Treaty", "المعاهدة")),
    ("in-force", h("In force", "دخول حيز التنفيذ")),
    ("founded", h("Founded", "التأسيس")),
    ("seat", h("Seat", "المقر")),
    ("secretariat", h("Secretariat", "الأمانة العامة")),
    ("chairmanship", h("Chairmanship", "الرئاسة الدورية")),
    ("secretary-general", h("Secretary General", "الأمين العام")),
    ("body", h("Bodies", "الهيئات")),
    ("collective-defence", h("Collective defence", "الدفاع الجماعي")),
    ("no-other-alliances", h("Other alliances", "الأحلاف الأخرى")),
    ("consensus", h("Decisions", "اتخاذ القرار")),
    ("area", h("Area", "نطاق المسؤولية")),
    ("un-observer", h("United Nations", "الأمم المتحدة")),
    ("exercises", h("Exercises", "المناورات")),
    ("military-committee", h("Military Committee", "اللجنة العسكرية")),
    ("goals", h("Goals", "الأهداف")),
    ("non-use-of-force", h("Non-use of force", "عدم استخدام القوة")),
    ("assistance-mechanism", h("Military assistance", "آلية المساعدة العسكرية")),
)


def _period(fact: dict[str, Any]) -> dict[str, str] | None:
    start, end = date_text(fact.get("start")), date_text(fact.get("end"))
    if not start and not end:
        return None
    a = start or h("?", "?")
    b = end or h("", "")
    return {"en": f"({a['en']} – {b['en']})".replace(" – )", " –)"), "ar": f"({a['ar']} – {b['ar']})".replace(" – )", " –)")}


def about(store: Store) -> Result:
    facts = store.table("facts")
    figures = store.table("figures")
    if not facts and not figures:
        raise NotFound("this store has no overview facts")
    meta = (store.table("meta") or [{}])[0]
    grouped: dict[str, list[dict[str, Any]]] = {}
    for fact in facts:
        grouped.setdefault(fact["key"], []).append(fact)
    data: dict[str, Any] = {"id": "about", "name": meta.get("name")}
    rows = []
    known = [k for k, _ in _ABOUT_KEYS] + sorted(k for k in grouped if k not in dict(_ABOUT_KEYS))
    titles = dict(_ABOUT_KEYS)
    for key in known:
        if key not in grouped:
            continue
        items = sorted(grouped[key], key=lambda f: (f.get("start") or "", f["id"]))
        field = key.replace("-", "_")
        # A topic named like a field of the overview itself ("id") must not replace it.
        data[f"{field}_facts" if field in ("id", "force_sizes") else field] = items
        value: list[Any] = []
        for fact in items:
            # Each fact's sources, then its id for `cstoref show`.
            value += [fact["text"], _period(fact), {"style": "dim", "value": f"[{markers(cited(fact))}] {fact['id']}"}] + disputed(fact)
        rows.append({"k": titles.get(key, h(key, key)), "v": value})
    data["force_sizes"] = figures
    card = Table(
        title=h("The Collective Security Treaty Organization (CSTO)", "منظمة معاهدة الأمن الجماعي"),
        columns=[label_column(), Column("v", h("", ""))],
        rows=rows,
        card=True,
    )
    force = Table(
        title=h("Force sizes and other figures, each as reported", "أحجام القوات وأرقام أخرى كما نُشرت"),
        columns=[Column("subject", h("What", "البيان")), Column("values", h("Reported figures", "الأرقام المنشورة")), id_column()],
        rows=[{"subject": [f["subject"], f.get("unit")], "values": [figure_line(v) for v in f["values"]], "id": f["id"]} for f in figures],
        note=legend(),
    )
    return Result(data, [card, force])

"""What each subcommand answers: plain records for JSON, and `Table`s for the terminal.

Nothing here prints, parses arguments or knows about Typer; errors are `CstorefError`s.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import NotFound, UsageError
from .render import Column, Table, date_text
from .store import Store

STATUSES = ("member", "former", "observer", "all")

STATUS_TEXT = {
    "member": {"en": "member", "ar": "عضو"},
    "former": {"en": "former member", "ar": "عضو سابق"},
    "observer": {"en": "observer", "ar": "مراقب"},
}
RANK_MARK = {"preferred": "✓", "normal": "·", "deprecated": "✗"}
QUALIFIER_TEXT = {
    "about": {"en": "about", "ar": "نحو"},
    "more than": {"en": "more than", "ar": "أكثر من"},
    "at most": {"en": "at most", "ar": "كحد أقصى"},
    "at least": {"en": "at least", "ar": "على الأقل"},
    "exactly": {"en": "", "ar": ""},
    None: {"en": "", "ar": ""},
}


class Result:
    """What a command answers: `data` for --json, `tables` for the terminal."""

    __slots__ = ("data", "tables")

    def __init__(self, data: Any, tables: list[Table]) -> None:
        self.data = data
        self.tables = tables


def _h(en: str, ar: str) -> dict[str, str]:
    return {"en": en, "ar": ar}


def cited(record: dict[str, Any]) -> list[str]:
    """Source ids a record cites, first-cited first, each once."""
    seen: list[str] = []
    for citation in record.get("sources", []):
        if citation["source"] not in seen:
            seen.append(citation["source"])
    return seen


def markers(ids: list[str]) -> str:
    return " ".join(ids)


def _source_col() -> Column:
    return Column("src", _h("Sources", "المصادر"), style="dim")


def disputed(record: dict[str, Any]) -> list[dict[str, str]]:
    """The claims a reference contradicts, shown beside the preferred value."""
    lines = []
    for claim in record.get("claims", []):
        if claim.get("rank") == "deprecated" and claim.get("reason"):
            ids = markers(cited(claim))
            lines.append({"en": f"✗ [{ids}] {claim['reason']['en']}", "ar": f"✗ [{ids}] {claim['reason']['ar']}"})
    return lines


def number(value: Any, qualifier: str | None) -> dict[str, str]:
    shown = f"{value:,}" if isinstance(value, int) else str(value)
    words = QUALIFIER_TEXT.get(qualifier, QUALIFIER_TEXT[None])
    en = f"{words['en']} {shown}".strip()
    # «كحد أقصى» and «على الأقل» follow the number in Arabic; «نحو» and «أكثر من» precede it.
    ar = f"{shown} {words['ar']}" if qualifier in ("at most", "at least") else f"{words['ar']} {shown}".strip()
    return {"en": en, "ar": ar}


def period_text(start: str | None, end: str | None) -> dict[str, str] | None:
    """«since 15 May 1992» or «24 Sep 1993 – 1999», at each date's own precision."""
    a, b = date_text(start), date_text(end)
    if a and b:
        return {"en": f"{a['en']} – {b['en']}", "ar": f"{a['ar']} – {b['ar']}", "both": f"{a['en']} – {b['en']}"}
    if a:
        return {"en": f"since {a['en']}", "ar": f"منذ {a['ar']}", "both": f"since {a['en']}"}
    if b:
        return {"en": f"until {b['en']}", "ar": f"حتى {b['ar']}", "both": f"until {b['en']}"}
    return None


# -- members ----------------------------------------------------------------------------
_MEMBER_FIELDS = ("id", "iso3", "name", "status", "joined", "left", "note")


def members(store: Store, status: str = "all") -> Result:
    if status not in STATUSES:
        raise UsageError(f"--status must be one of {', '.join(STATUSES)}, not {status!r}")
    order = {"member": 0, "former": 1, "observer": 2}
    rows = [c for c in store.table("countries") if status == "all" or c["status"] == status]
    rows.sort(key=lambda c: (order.get(c["status"], 3), c["name"]["en"]))
    if not rows:
        raise NotFound(f"no country in the store has the status {status!r}")
    data = [{**{k: c.get(k) for k in _MEMBER_FIELDS}, **{k: v for k, v in c.items() if k not in _MEMBER_FIELDS}} for c in rows]
    table = Table(
        title=_h("CSTO member states", "الدول الأعضاء في منظمة معاهدة الأمن الجماعي"),
        columns=[
            Column("name", _h("Country", "الدولة")),
            Column("status", _h("Status", "الوضع")),
            Column("period", _h("Period", "الفترة")),
            Column("note", _h("Note", "ملاحظة")),
            _source_col(),
        ],
        rows=[
            {
                "name": [c["name"], c["iso3"]],
                "status": STATUS_TEXT.get(c["status"], _h(c["status"], c["status"])),
                "period": [period_text(p.get("start"), p.get("end")) for p in c.get("periods") or []]
                or [period_text(c.get("joined"), c.get("left"))],
                "note": [c.get("note")] + disputed(c),
                "src": markers(cited(c)),
            }
            for c in rows
        ],
        note=_h(
            "Sources: ids of `cstoref sources`; ✗ marks an article claim that references contradict.",
            "المصادر: معرّفات «cstoref sources»؛ ✗ تعني ادعاءً في مقال تنقضه المراجع.",
        ),
    )
    return Result(data, [table])


# -- sources ----------------------------------------------------------------------------
_SOURCE_FIELDS = ("id", "kind", "file", "url", "outlet", "title", "author", "date")
_TABLE_KIND = {
    "countries": _h("country", "دولة"),
    "people": _h("person", "شخص"),
    "facts": _h("fact", "معلومة"),
    "figures": _h("figure", "رقم"),
    "events": _h("event", "حدث"),
    "deployments": _h("deployment", "انتشار"),
    "quotes": _h("quote", "اقتباس"),
}


def _all_citations(node: Any) -> set[str]:
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key == "source" and isinstance(value, str):
                    found.add(value)
                else:
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def label(table: str, record: dict[str, Any]) -> dict[str, str]:
    """A short bilingual caption of any record, for listings of mixed kinds."""
    for key in ("name", "subject", "text", "speaker_name", "title"):
        value = record.get(key)
        if isinstance(value, dict) and "en" in value:
            if table == "quotes":
                return {"en": f"{record['speaker_name']['en']}: {value['en']}", "ar": f"{record['speaker_name']['ar']}: {value['ar']}"}
            return {"en": value["en"], "ar": value["ar"]}
    return _h(record["id"], record["id"])


def _supported(store: Store) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    support: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for table, record in store.records():
        if table == "sources":
            continue
        for source_id in _all_citations(record):
            support.setdefault(source_id, []).append((table, record))
    return support


def sources(store: Store, source_id: str | None = None) -> Result:
    support = _supported(store)
    records = store.table("sources")
    if source_id is not None:
        wanted = source_id.strip().lower()
        if not wanted:
            raise UsageError("the source id must not be empty")
        # An article by its id (1 is 001), its file name, or the file name without .txt.
        forms = {wanted, wanted.zfill(3)} if wanted.isdigit() else {wanted}
        match = [
            s for s in records
            if s["id"].lower() in forms or (s.get("file") or "").lower() in (wanted, f"{wanted}.txt")
        ]
        if not match:
            ids = ", ".join(s["id"] for s in records if s["kind"] == "article")
            raise NotFound(f"no source {source_id!r}; articles are {ids}; `cstoref sources` lists all {len(records)}")
        source = match[0]
        facts = support.get(source["id"], [])
        data = {
            **{k: source.get(k) for k in _SOURCE_FIELDS},
            "facts": len(facts),
            **{k: v for k, v in source.items() if k not in _SOURCE_FIELDS},
            "supports": [{"table": t, "id": r["id"], "label": label(t, r)} for t, r in facts],
        }
        card = _source_card(source, len(facts))
        listing = Table(
            title=_h(f"What {source['id']} supports", f"ما يدعمه المصدر {source['id']}"),
            columns=[Column("kind", _h("Kind", "النوع")), Column("id", _h("Id", "المعرّف")), Column("label", _h("Fact", "المعلومة"))],
            rows=[{"kind": _TABLE_KIND[t], "id": r["id"], "label": label(t, r)} for t, r in facts],
        )
        # A list, as every listing command prints, with the one source in it.
        return Result([data], [card, listing] if facts else [card])
    data = [
        {**{k: s.get(k) for k in _SOURCE_FIELDS}, "facts": len(support.get(s["id"], [])), **{k: v for k, v in s.items() if k not in _SOURCE_FIELDS}}
        for s in records
    ]
    table = Table(
        title=_h("Sources: the five articles and the reference pages", "المصادر: المقالات الخمسة والصفحات المرجعية"),
        columns=[
            Column("id", _h("Id", "المعرّف")),
            Column("kind", _h("Kind", "النوع")),
            Column("title", _h("Title / outlet", "العنوان / الناشر")),
            Column("date", _h("Date", "التاريخ")),
            Column("facts", _h("Facts", "معلومات")),
        ],
        rows=[
            {
                "id": s["id"],
                "kind": _h("article", "مقال") if s["kind"] == "article" else _h("reference", "مرجع"),
                "title": [s.get("title"), s.get("outlet"), s.get("file") or s.get("url")],
                "date": date_text(s.get("date")),
                "facts": str(len(support.get(s["id"], []))),
            }
            for s in records
        ],
    )
    return Result(data, [table])


def _source_card(source: dict[str, Any], facts: int) -> Table:
    rows = [
        {"k": _h("Id", "المعرّف"), "v": source["id"]},
        {"k": _h("Kind", "النوع"), "v": _h("article", "مقال") if source["kind"] == "article" else _h("reference", "مرجع")},
        {"k": _h("Title", "العنوان"), "v": source.get("title")},
        {"k": _h("Outlet", "الناشر"), "v": source.get("outlet")},
        {"k": _h("Author", "الكاتب"), "v": source.get("author")},
        {"k": _h("Date", "التاريخ"), "v": [date_text(source.get("date")), source.get("date_note")]},
        {"k": _h("File", "الملف"), "v": source.get("file")},
        {"k": _h("Address", "العنوان الإلكتروني"), "v": source.get("url")},
        {"k": _h("Note", "ملاحظة"), "v": source.get("note")},
        {"k": _h("Facts supported", "المعلومات المدعومة"), "v": str(facts)},
    ]
    return Table(
        title=_h(f"Source {source['id']}", f"المصدر {source['id']}"),
        columns=[Column("k", _h("", "")), Column("v", _h("", ""))],
        rows=[r for r in rows if r["v"] not in (None, [None, None])],
        card=True,
    )




def figure_line(entry: dict[str, Any]) -> dict[str, str]:
    """One reported figure: rank mark, qualifier and value, date, source, and why if disputed."""
    shown = number(entry["value"], entry.get("qualifier"))
    when = date_text(entry.get("date"))
    mark = RANK_MARK.get(entry.get("rank", "normal"), "·")
    en = f"{mark} {shown['en']}" + (f" ({when['en']})" if when else "") + f" [{entry['source']}]"
    ar = f"{mark} {shown['ar']}" + (f" ({when['ar']})" if when else "") + f" [{entry['source']}]"
    reason = entry.get("reason")
    if reason and entry.get("rank") == "deprecated":
        en += f": {reason['en']}"
        ar += f": {reason['ar']}"
    return {"en": en, "ar": ar}


def _ordered(record: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """The contract's fields first, in the contract's order, then the rest of the record."""
    return {**{k: record.get(k) for k in fields}, **{k: v for k, v in record.items() if k not in fields}}


def _years(records: list[dict[str, Any]], key: str = "date") -> list[int]:
    return sorted({int(str(r[key])[:4]) for r in records if r.get(key)})


def _span(years: list[int]) -> str:
    return f"{years[0]}-{years[-1]}" if years else "none"


# -- timeline ---------------------------------------------------------------------------
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
        raise NotFound(f"no event recorded in that range; events span {_span(_years(events))}")
    table = Table(
        title=_h("CSTO timeline", "التسلسل الزمني لمنظمة معاهدة الأمن الجماعي"),
        columns=[Column("date", _h("Date", "التاريخ")), Column("text", _h("Event", "الحدث")), _source_col()],
        rows=[{"date": date_text(e["date"]), "text": [e["text"]] + disputed(e), "src": markers(cited(e))} for e in chosen],
    )
    return Result([_ordered(e, _EVENT_FIELDS) for e in chosen], [table])


# -- deployment -------------------------------------------------------------------------
_DEPLOYMENT_FIELDS = ("id", "year", "host", "outcome", "requested", "started", "ended", "tasks", "contributions")
OUTCOME_TEXT = {"deployed": _h("deployed", "نُشرت القوات"), "declined": _h("declined", "رُفض الطلب")}


def _country_name(store: Store, iso3: str) -> dict[str, str]:
    for country in store.table("countries"):
        if country["iso3"] == iso3:
            return country["name"]
    return _h(iso3, iso3)


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
            title=_h("CSTO deployment decisions, including requests turned down", "قرارات نشر قوات المنظمة، ومنها الطلبات المرفوضة"),
            columns=[
                Column("year", _h("Year", "السنة")),
                Column("host", _h("Host", "البلد")),
                Column("outcome", _h("Outcome", "النتيجة")),
                Column("summary", _h("Summary", "الخلاصة")),
                _source_col(),
            ],
            rows=[
                {
                    "year": str(d["year"]),
                    "host": _country_name(store, d["host"]),
                    "outcome": OUTCOME_TEXT.get(d["outcome"], _h(d["outcome"], d["outcome"])),
                    "summary": d.get("summary"),
                    "src": markers(cited(d)),
                }
                for d in records
            ],
        )
        return Result([_ordered(d, _DEPLOYMENT_FIELDS) for d in records], [table])
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
    return Result([_ordered(d, _DEPLOYMENT_FIELDS) for d in chosen], tables)


def _deployment_card(store: Store, d: dict[str, Any]) -> list[Table]:
    legal = d.get("legal_basis") or {}
    rows = [
        (_h("Operation", "العملية"), d.get("name")),
        (_h("Host", "البلد المضيف"), _country_name(store, d["host"])),
        (_h("Outcome", "النتيجة"), OUTCOME_TEXT.get(d["outcome"])),
        (_h("Requested", "تقديم الطلب"), [date_text(d.get("requested")), d.get("requested_by")]),
        (_h("Decided", "القرار"), date_text(d.get("decided"))),
        (_h("First arrivals", "وصول أولى القوات"), date_text(d.get("started"))),
        (_h("Deployment complete", "اكتمال الانتشار"), date_text(d.get("deployed"))),
        (_h("Withdrawal began", "بدء الانسحاب"), date_text(d.get("withdrawal_started"))),
        (_h("Withdrawal complete", "اكتمال الانسحاب"), date_text(d.get("ended"))),
        (_h("Tasks", "المهام"), [piece for t in d.get("tasks", []) for piece in (t["text"], markers(cited(t)))]),
        (_h("Legal basis", "السند القانوني"), [legal.get("text"), markers(cited(legal)) if legal else None] + (disputed(legal) if legal else [])),
        (_h("Chair", "الرئاسة"), _person_text(store, d.get("chair"))),
        (_h("Commander", "القائد"), _person_text(store, d.get("commander"))),
        (_h("Summary", "الخلاصة"), d.get("summary")),
        (_h("Disputed", "موضع خلاف"), disputed(d)),
        (_h("Sources", "المصادر"), {"style": "dim", "value": markers(cited(d))}),
    ]
    card = Table(
        title=_h(f"Deployment {d['year']}: {_country_name(store, d['host'])['en']}", f"انتشار {d['year']}: {_country_name(store, d['host'])['ar']}"),
        columns=[Column("k", _h("", "")), Column("v", _h("", ""))],
        rows=[{"k": k, "v": v} for k, v in rows if v not in (None, [], [None, None]) and any(x for x in (v if isinstance(v, list) else [v]))],
        card=True,
    )
    tables = [card]
    contributions = d.get("contributions", [])
    totals = d.get("totals", [])
    if contributions or totals:
        scope_text = {
            "all": _h("All contingents", "كل الوحدات"),
            "non-russian": _h("All but Russia", "كل الوحدات عدا الروسية"),
            "planned": _h("Planned force", "القوة المقررة"),
            "equipment": _h("Equipment (pieces)", "المعدات (قطعة)"),
        }
        rows2 = [
            {"country": _country_name(store, c["country"]), "troops": [figure_line(t) for t in c.get("troops", [])] or [_h("no figure reported", "لم يُعلن رقم")], "note": c.get("note")}
            for c in contributions
        ]
        rows2 += [{"country": scope_text.get(t["scope"], _h(t["scope"], t["scope"])), "troops": [figure_line(t)], "note": None} for t in totals]
        tables.append(
            Table(
                title=_h("Contingents: every reported figure, with its source", "الوحدات المشاركة: كل رقم منشور ومصدره"),
                columns=[Column("country", _h("Country", "الدولة")), Column("troops", _h("Troops reported", "عدد الجنود المعلن")), Column("note", _h("Note", "ملاحظة"))],
                rows=rows2,
                note=_h("✓ preferred (official or reference) · reported ✗ contradicted by references", "✓ الرقم المعتمد (رسمي أو مرجعي) · رقم منشور ✗ رقم تنقضه المراجع"),
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
        rows.append({"country": _country_name(store, iso3), "figure": figure, "bar": {"en": bar, "ar": bar, "both": bar}})
    return Table(
        title=_h("Contingent sizes (░ where sources disagree)", "حجم الوحدات (░ حيث تختلف المصادر)"),
        columns=[Column("country", _h("Country", "الدولة")), Column("figure", _h("Troops", "الجنود")), Column("bar", _h("", ""))],
        rows=rows,
        tty_only=True,
    )


# -- quote ------------------------------------------------------------------------------
_QUOTE_FIELDS = ("id", "speaker", "role", "date", "text")


def _speaker_names(store: Store, quote: dict[str, Any]) -> list[str]:
    names = [quote["speaker_name"]["en"], quote["speaker_name"]["ar"]]
    person = store.by_id(quote["speaker"]) if quote.get("speaker") else None
    if person:
        names += [person["name"]["en"], person["name"]["ar"], *person.get("aliases", {}).get("en", []), *person.get("aliases", {}).get("ar", [])]
    return names


def quote(store: Store, text: str | None = None, speaker: str | None = None, random: bool = False) -> Result:
    # Text folding is for the commands that match what the user typed, so it loads with them.
    from .textnorm import fold, matches

    for given, what in ((text, "TEXT"), (speaker, "--speaker")):
        if given is not None and not fold(given):
            raise UsageError(f"{what} must contain letters or digits")

    def names_match(asked: str, names: list[str]) -> bool:
        """A name in any spelling, or its words in any order ("Tokayev Kassym-Jomart")."""
        words = fold(asked).split()
        return any(matches(asked, name) or (len(words) > 1 and all(w in fold(name) for w in words))
                   for name in names)

    def wanted(q: dict[str, Any]) -> bool:
        names = _speaker_names(store, q)
        if speaker is not None and not names_match(speaker, names):
            return False
        # TEXT is looked for in the words, their context and who said them: `quote Putin`.
        texts = (q["text"]["ar"], q["text"]["en"], *(q.get("context") or {}).values())
        return text is None or any(matches(text, t) for t in texts) or names_match(text, names)

    quotes = store.table("quotes")
    chosen = [q for q in quotes if wanted(q)]
    if not chosen:
        if not quotes:
            raise NotFound("this store has no quotes")
        speakers = ", ".join(sorted({q["speaker_name"]["en"] for q in quotes}))
        import shlex

        asked = shlex.quote(" ".join(given for given in (text, speaker) if given))
        raise NotFound(f"no quote matches; speakers are {speakers}; `cstoref search {asked}` finds every mention")
    if random:
        import random as _random

        chosen = [_random.choice(chosen)]
    rows = []
    for q in chosen:
        when = date_text(q.get("date"))
        rows.append(
            {
                "speaker": [q["speaker_name"], q.get("role")],
                # The Arabic is the original and comes first; the English is labelled as ours.
                "text": [{"ar": q["text"]["ar"]}, {"en": f"(our translation) {q['text']['en']}"}],
                "date": when or (q.get("date_note") or _h("undated", "غير مؤرخ")),
                "src": markers(cited(q)),
            }
        )
    table = Table(
        title=_h("Quotes: the Arabic as printed, with our English translation", "اقتباسات: النص العربي كما نُشر مع ترجمتنا الإنجليزية"),
        columns=[Column("speaker", _h("Speaker", "القائل")), Column("text", _h("Quote", "الاقتباس")), Column("date", _h("Date", "التاريخ")), _source_col()],
        rows=rows,
    )
    return Result([_ordered(q, _QUOTE_FIELDS) for q in chosen], [table])


# -- search -----------------------------------------------------------------------------
_KIND_ORDER = ("countries", "people", "events", "deployments", "quotes", "figures", "facts", "sources")
_KIND_NAME = {t: k["en"] for t, k in _TABLE_KIND.items()} | {"sources": "source"}


# Fields that hold no words of their own: a citation's source id, and the kind of a value.
_UNSEARCHED = frozenset({"source", "rank", "qualifier", "property", "kind", "translation", "language", "scope"})


def _strings(record: dict[str, Any]) -> list[str]:
    """Every string and number inside a record, nested fields, claims and excerpts included."""
    found: list[str] = []
    stack: list[Any] = [record]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, (int, float)):
            found.append(str(item))
        elif isinstance(item, dict):
            stack.extend(value for key, value in item.items() if key not in _UNSEARCHED)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _names(record: dict[str, Any]) -> list[str]:
    aliases = record.get("aliases") or {}
    return [*record["name"].values(), *aliases.get("en", []), *aliases.get("ar", [])]


def search(store: Store, text: str) -> Result:
    from .textnorm import fold, loose

    needle = fold(text)
    if not needle:
        raise UsageError("TEXT must contain letters or digits")
    # A country or person named by any of its spellings or codes brings in all its spellings,
    # so قرغيزستان also finds texts that write قيرغيزستان; and its codes and id, which other
    # records use to point at it (a deployment's contingents, a quote's speaker).
    asked = {text}
    pointers: set[str] = set()
    for table in ("countries", "people"):
        for record in store.table(table):
            codes = [c for c in (record.get("iso3"), record.get("iso2")) if c]
            if any(fold(n) == needle for n in _names(record)) or needle in {fold(c) for c in codes}:
                asked.update(_names(record))
                pointers.update([record["id"], *codes])
    terms = {fold(term) for term in asked} - {""}
    # Without the article, a term must start a word: «امم» of «الأمم» is no part of «أمامه».
    loose_terms = {f" {loose(term)}" for term in asked} - {" "}
    hits: list[tuple[str, dict[str, Any]]] = []
    for table in _KIND_ORDER:
        for record in store.table(table):
            strings = _strings(record)
            # Folded fields joined by a mark that folding never leaves, so no match spans two.
            folded = "|".join(fold(value) for value in strings)
            if any(term in folded for term in terms) or (pointers and not pointers.isdisjoint(strings)):
                hits.append((table, record))
                continue
            loosened = " " + " | ".join(loose(value) for value in strings)
            if any(term in loosened for term in loose_terms):
                hits.append((table, record))
    if not hits:
        raise NotFound(f"nothing in the store matches {text!r}")
    data = [{"kind": _KIND_NAME[t], "id": r["id"], "label": label(t, r), "record": r} for t, r in hits]
    table = Table(
        title=_h(f"Search: {text}", f"بحث: {text}"),
        columns=[Column("kind", _h("Kind", "النوع")), Column("id", _h("Id", "المعرّف")), Column("label", _h("Match", "النتيجة")), _source_col()],
        rows=[{"kind": _TABLE_KIND.get(t, _h("source", "مصدر")), "id": r["id"], "label": label(t, r), "src": markers(cited(r))} for t, r in hits],
    )
    return Result(data, [table])


# -- about ------------------------------------------------------------------------------
_ABOUT_KEYS = (
    ("name", _h("Name", "الاسم")),
    ("abbreviation", _h("Abbreviation", "الاختصار")),
    ("treaty", _h("Treaty", "المعاهدة")),
    ("in-force", _h("In force", "دخول حيز التنفيذ")),
    ("founded", _h("Founded", "التأسيس")),
    ("seat", _h("Seat", "المقر")),
    ("secretariat", _h("Secretariat", "الأمانة العامة")),
    ("chairmanship", _h("Chairmanship", "الرئاسة الدورية")),
    ("secretary-general", _h("Secretary General", "الأمين العام")),
    ("body", _h("Bodies", "الهيئات")),
    ("collective-defence", _h("Collective defence", "الدفاع الجماعي")),
    ("no-other-alliances", _h("Other alliances", "الأحلاف الأخرى")),
    ("consensus", _h("Decisions", "اتخاذ القرار")),
    ("area", _h("Area", "نطاق المسؤولية")),
    ("un-observer", _h("United Nations", "الأمم المتحدة")),
    ("exercises", _h("Exercises", "المناورات")),
    ("military-committee", _h("Military Committee", "اللجنة العسكرية")),
    ("goals", _h("Goals", "الأهداف")),
    ("non-use-of-force", _h("Non-use of force", "عدم استخدام القوة")),
    ("assistance-mechanism", _h("Military assistance", "آلية المساعدة العسكرية")),
)


def _period(fact: dict[str, Any]) -> dict[str, str] | None:
    start, end = date_text(fact.get("start")), date_text(fact.get("end"))
    if not start and not end:
        return None
    a = start or _h("?", "?")
    b = end or _h("", "")
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
            value += [fact["text"], _period(fact), {"style": "dim", "value": markers(cited(fact))}] + disputed(fact)
        rows.append({"k": titles.get(key, _h(key, key)), "v": value})
    data["force_sizes"] = figures
    card = Table(
        title=_h("The Collective Security Treaty Organization (CSTO)", "منظمة معاهدة الأمن الجماعي"),
        columns=[Column("k", _h("", "")), Column("v", _h("", ""))],
        rows=rows,
        card=True,
    )
    force = Table(
        title=_h("Force sizes and other figures, each as reported", "أحجام القوات وأرقام أخرى كما نُشرت"),
        columns=[Column("subject", _h("What", "البيان")), Column("values", _h("Reported figures", "الأرقام المنشورة"))],
        rows=[{"subject": [f["subject"], f.get("unit")], "values": [figure_line(v) for v in f["values"]]} for f in figures],
        note=_h("✓ preferred · reported ✗ contradicted by references; [id] is the source", "✓ معتمد · منشور ✗ تنقضه المراجع؛ [المعرّف] هو المصدر"),
    )
    return Result(data, [card, force])


COMMANDS: dict[str, Callable[..., Result]] = {
    "members": members,
    "timeline": timeline,
    "deployment": deployment,
    "quote": quote,
    "search": search,
    "sources": sources,
    "about": about,
}

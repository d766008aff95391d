"""What the answers share: marks, qualifiers, dates, citations, labels and the `Result` they return.

Nothing here prints, parses arguments or knows about Typer; errors are `CstorefError`s.
"""

from __future__ import annotations

import copy
from typing import Any

from ..render import Column, Table, date_text
from ..store import Store

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

    def limited(self, limit: int) -> Result:
        """The first `limit` records, in the JSON and in every table that lists them one a row."""
        if not isinstance(self.data, list) or len(self.data) <= limit:
            return self
        count = len(self.data)
        tables = []
        for table in self.tables:
            # A card (one record's fields) or a table of something else keeps all its rows.
            if not table.card and len(table.rows) == count:
                table = copy.copy(table)
                table.rows = table.rows[:limit]
            tables.append(table)
        return Result(self.data[:limit], tables)


def h(en: str, ar: str) -> dict[str, str]:
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


def source_column() -> Column:
    return Column("src", h("Sources", "المصادر"), style="dim")


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


def ordered(record: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """The contract's fields first, in the contract's order, then the rest of the record."""
    return {**{k: record.get(k) for k in fields}, **{k: v for k, v in record.items() if k not in fields}}


def years_of(records: list[dict[str, Any]], key: str = "date") -> list[int]:
    return sorted({int(str(r[key])[:4]) for r in records if r.get(key)})


def span(years: list[int]) -> str:
    return f"{years[0]}-{years[-1]}" if years else "none"




TABLE_KIND = {
    "countries": h("country", "دولة"),
    "people": h("person", "شخص"),
    "facts": h("fact", "معلومة"),
    "figures": h("figure", "رقم"),
    "events": h("event", "حدث"),
    "deployments": h("deployment", "انتشار"),
    "quotes": h("quote", "اقتباس"),
    "places": h("place", "مكان"),
    "organisations": h("organisation", "منظمة"),
}


def all_citations(node: Any) -> set[str]:
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
    return h(record["id"], record["id"])



def country_name(store: Store, iso3: str) -> dict[str, str]:
    for country in store.table("countries"):
        if country["iso3"] == iso3:
            return country["name"]
    return h(iso3, iso3)

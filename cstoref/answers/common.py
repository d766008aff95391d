"""What the answers share: marks, qualifiers, dates, citations, labels and the `Result` they return.

Nothing here prints, parses arguments or knows about Typer; errors are `CstorefError`s.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from ..render import date_text
from ..store import Store
from ..tables import Column, Table

STATUSES = ("member", "former", "observer", "all")

STATUS_TEXT = {
    "member": {"en": "member", "ar": "عضو"},
    "former": {"en": "former member", "ar": "عضو سابق"},
    "observer": {"en": "observer", "ar": "مراقب"},
}
#: one mark per verdict, the same in every command and both languages
MARKS = {"preferred": "✓", "reported": "·", "contradicted": "✗", "unverifiable": "?"}
MARK_TEXT = {
    "preferred": {"en": "preferred", "ar": "معتمد"},
    "reported": {"en": "reported", "ar": "منشور"},
    "contradicted": {"en": "contradicted", "ar": "تنقضه المراجع"},
    "unverifiable": {"en": "unverifiable", "ar": "تعذّر التحقق منه"},
}
QUALIFIER_TEXT = {
    "about": {"en": "about", "ar": "نحو"},
    "more than": {"en": "more than", "ar": "أكثر من"},
    "at most": {"en": "at most", "ar": "كحد أقصى"},
    "at least": {"en": "at least", "ar": "على الأقل"},
    "exactly": {"en": "", "ar": ""},
    None: {"en": "", "ar": ""},
}


class Result:
    """What a command answers: `data` for --json, `tables` for the terminal.

    `tables` may be given as a function that makes them: a --json or --csv run never calls it,
    and the rows of a large store's listing are not built for nothing.
    """

    __slots__ = ("data", "_tables", "_make")

    def __init__(self, data: Any, tables: list[Table] | Callable[[], list[Table]]) -> None:
        self.data = data
        self._tables: list[Table] | None = None if callable(tables) else tables
        self._make = tables if callable(tables) else None

    @property
    def tables(self) -> list[Table]:
        if self._tables is None:
            assert self._make is not None
            self._tables = self._make()
        return self._tables

    def limited(self, limit: int) -> Result:
        """The first `limit` records, in the JSON and in every table that lists them one a row."""
        if not isinstance(self.data, list) or len(self.data) <= limit:
            return self
        count = len(self.data)

        def tables() -> list[Table]:
            cut = []
            said = False
            for table in self.tables:
                # A card (one record's fields) or a table of something else keeps all its rows.
                if not table.card and len(table.rows) == count:
                    table = copy.copy(table)
                    table.rows = table.rows[:limit]
                    if not said:  # the first such table says that there are more
                        more = h(f"The first {limit} of {count}; without --limit, all {count}.",
                                 f"أول {limit} من {count}؛ ومن دون --limit تظهر كلها.")
                        table.note = more if table.note is None else {k: f"{table.note[k]} {more[k]}" for k in more}
                        said = True
                cut.append(table)
            return cut

        return Result(self.data[:limit], tables)


def h(en: str, ar: str) -> dict[str, str]:
    return {"en": en, "ar": ar}


def status_text(record: dict[str, Any]) -> dict[str, str]:
    """A country's status as worded: a country that left after being only an observer is a
    "former observer", not a "former member" (Afghanistan)."""
    status = record.get("status")
    periods = [p for p in record.get("periods") or () if isinstance(p, dict)]
    if status == "former" and periods and all(p.get("status") == "observer" for p in periods):
        return h("former observer", "مراقب سابق")
    return STATUS_TEXT.get(status, h(str(status), str(status)))


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
    return Column("src", h("Sources", "المصادر"), style="dim", every_line=True)


def label_column() -> Column:
    """A card's labels: in a pipe each line of a value keeps its label, for grep."""
    return Column("k", h("", ""), every_line=True)


def id_column() -> Column:
    """Each row's record id, for `cstoref show ID`."""
    return Column("id", h("Id", "المعرّف"), style="dim", every_line=True)


def verdict(entry: dict[str, Any]) -> str:
    """preferred, reported, contradicted or unverifiable: what a claim or figure is worth.

    An explicit `verdict` wins; a deprecated entry without one counts as contradicted.
    """
    given = entry.get("verdict")
    if given in ("contradicted", "unverifiable"):
        return given
    rank = entry.get("rank")
    if rank == "deprecated":
        return "contradicted"
    return "preferred" if rank == "preferred" else "reported"


def mark(entry: dict[str, Any]) -> str:
    return MARKS[verdict(entry)]


def legend(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The one legend of marks, under every table that shows them."""
    en = " ".join(f"{MARKS[v]} {MARK_TEXT[v]['en']}" for v in MARKS)
    ar = " ".join(f"{MARKS[v]} {MARK_TEXT[v]['ar']}" for v in MARKS)
    en += "; [id] is a source; `cstoref show ID` opens any record."
    ar += "؛ [المعرّف] مصدر؛ «cstoref show ID» يعرض أي سجل."
    if extra:
        en, ar = f"{en} {extra['en']}", f"{ar} {extra['ar']}"
    return {"en": en, "ar": ar}


def _claim_line(claim: dict[str, Any]) -> dict[str, str]:
    ids = markers(cited(claim))
    sign = mark(claim)
    return {"en": f"{sign} [{ids}] {claim['reason']['en']}", "ar": f"{sign} [{ids}] {claim['reason']['ar']}"}


def disputed(record: dict[str, Any]) -> list[dict[str, str]]:
    """The claims references contradict or cannot verify, shown beside the preferred value."""
    return [
        _claim_line(claim) for claim in record.get("claims", [])
        if verdict(claim) in ("contradicted", "unverifiable") and claim.get("reason")
    ]


def citations(node: Any) -> list[dict[str, Any]]:
    """Every citation inside a record, nested ones too, in order, each (source, excerpt, note) once.

    A citation is `{"source", "excerpt", "note"}`; a figure value carries the same three keys.
    """
    found: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("source"), str):
                key = (item["source"], item.get("excerpt"), str(item.get("note")))
                if key not in seen:
                    seen.add(key)
                    found.append({"source": item["source"], "excerpt": item.get("excerpt"), "note": item.get("note")})
            stack.extend(reversed([v for k, v in item.items() if k != "source"]))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return found


def note_text(note: Any) -> str | None:
    if isinstance(note, dict):
        return note.get("en") or note.get("ar")
    return note if isinstance(note, str) and note else None


def cite_lines(record: dict[str, Any]) -> list[str]:
    """A row's evidence for --cite: each excerpt verbatim after its source id, then the notes
    of reference pages (which have no excerpt)."""
    found = citations(record)
    lines = [f"[{c['source']}] «{c['excerpt']}»" for c in found if c["excerpt"]]
    lines += [f"[{c['source']}] {note_text(c['note'])}" for c in found if not c["excerpt"] and note_text(c["note"])]
    return lines


def with_cite(cells: list[Any], record: dict[str, Any], cite: bool) -> list[Any]:
    return cells + ([{"style": "dim", "value": line} for line in cite_lines(record)] if cite else [])


def name_notes(store: Store, record: dict[str, Any]) -> list[dict[str, str]]:
    """Corrections of a person's name, beside a record whose cited passages spell it wrongly."""
    wrong = _wrong_names(store)
    if not wrong:
        return []
    # The record's own list of sources repeats the passages its parts cite; reading only that
    # list keeps a listing of a large store from walking every nested part.
    quoted = " ".join(c.get("excerpt") or "" for c in record.get("sources", []))
    return [line for spelling, line in wrong if spelling in quoted]


def _wrong_names(store: Store) -> list[tuple[str, dict[str, str]]]:
    cache: list[tuple[str, dict[str, str]]] | None = getattr(store, "_wrong_names", None)
    if cache is None:
        cache = []
        for person in store.table("people"):
            for claim in person.get("claims", []):
                if claim.get("property") == "name" and verdict(claim) != "preferred" and isinstance(claim.get("value"), str):
                    ids = markers(cited(claim))
                    name = person["name"]
                    reason = claim.get("reason") or h("", "")
                    cache.append((claim["value"], {
                        "en": f"{mark(claim)} [{ids}] {claim['value']} → {name['en']} ({person['id']}): {reason['en']}".rstrip(": "),
                        "ar": f"{mark(claim)} [{ids}] {claim['value']} ← {name['ar']} ({person['id']}): {reason['ar']}".rstrip(": "),
                    }))
        store._wrong_names = cache  # type: ignore[attr-defined]
    return cache


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
    """One reported figure: mark, qualifier and value, date, source, and why if disputed."""
    shown = number(entry["value"], entry.get("qualifier"))
    when = date_text(entry.get("date"))
    sign = mark(entry)
    en = f"{sign} {shown['en']}" + (f" ({when['en']})" if when else "") + f" [{entry['source']}]"
    ar = f"{sign} {shown['ar']}" + (f" ({when['ar']})" if when else "") + f" [{entry['source']}]"
    reason = entry.get("reason")
    if reason and verdict(entry) != "preferred":
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
    "sources": h("source", "مصدر"),
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

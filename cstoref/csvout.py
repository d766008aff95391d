"""CSV for a spreadsheet: one row per record of a listing, in columns fixed for each command.

UTF-8 with a byte-order mark, which is what makes spreadsheet programs read the Arabic as
Arabic rather than as Latin-1; text in logical order, never shaped. The columns are listed in
the README; a bilingual field becomes two columns, `_en` and `_ar`.
"""

from __future__ import annotations

import csv
import io
from typing import Any

BOM = "\ufeff"

#: command -> its columns; a dotted name reads a nested field (``name.en`` is written name_en)
COLUMNS: dict[str, tuple[str, ...]] = {
    "members": ("id", "iso3", "iso2", "name.en", "name.ar", "status", "joined", "left", "periods",
                "note.en", "note.ar", "sources"),
    "timeline": ("id", "date", "text.en", "text.ar", "tags", "sources"),
    "deployment": ("id", "year", "host", "outcome", "requested", "decided", "started", "ended",
                   "name.en", "name.ar", "summary.en", "summary.ar", "sources"),
    "quote": ("id", "speaker", "speaker_name.en", "speaker_name.ar", "role.en", "role.ar", "date",
              "text.ar", "text.en", "sources"),
    "search": ("kind", "id", "label.en", "label.ar", "record.sources"),
    "sources": ("id", "kind", "file", "url", "outlet.en", "outlet.ar", "title.en", "title.ar",
                "author", "date", "facts"),
}


def header(command: str) -> list[str]:
    return [column.replace(".", "_") for column in COLUMNS[command]]


def _cell(value: Any, key: str) -> str:
    if value is None:
        return ""
    if key == "sources" and isinstance(value, list):
        # The ids, first-cited first, each once: the excerpts are for --json and --cite.
        ids: list[str] = []
        for citation in value:
            if isinstance(citation, dict) and citation.get("source") not in ids:
                ids.append(str(citation.get("source")))
        return " ".join(ids)
    if key == "periods" and isinstance(value, list):
        # start/end (ISO 8601 intervals), open-ended when still running
        return "; ".join(f"{p.get('start') or ''}/{p.get('end') or ''}" for p in value if isinstance(p, dict))
    if isinstance(value, list):
        return "; ".join(_cell(item, "") for item in value)
    if isinstance(value, dict):
        return str(value.get("en", "")) if "en" in value else ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _get(record: Any, path: str) -> str:
    value = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return _cell(value, path.rsplit(".", 1)[-1])


def render_csv(command: str, data: Any) -> str:
    """The CSV text of `command`'s records (`data` as --json prints it), BOM first."""
    records = data if isinstance(data, list) else [data]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(command))
    for record in records:
        writer.writerow([_get(record, path) for path in COLUMNS[command]])
    return BOM + buffer.getvalue()

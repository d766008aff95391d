"""What the answers hand to the renderer: tables of plain or bilingual cells under headers."""

from __future__ import annotations

from typing import Any


class Column:
    __slots__ = ("key", "header", "style", "every_line", "whole")

    def __init__(self, key: str, header: dict[str, str], style: str | None = None, every_line: bool = False,
                 whole: bool = False) -> None:
        self.key = key
        self.header = header
        self.style = style
        #: in a pipe, the first line of this column's cell (an id, a date, a label) is repeated
        #: on each further line of its row, so that grep finds every line of a fact with what
        #: it belongs to
        self.every_line = every_line
        #: never wrapped (a chart's bars): where it cannot fit, the records become cards
        self.whole = whole


class Table:
    """Rows of cells under bilingual headers; only the renderer decides how they look."""

    def __init__(self, title: dict[str, str] | None, columns: list[Column], rows: list[dict[str, Any]],
                 note: dict[str, str] | None = None, card: bool = False, tty_only: bool = False) -> None:
        self.title = title
        self.columns = columns
        self.rows = rows
        self.note = note
        #: a key/value card: no header row, the first column holds the labels
        self.card = card
        #: drawn only on a terminal (a chart is noise in a pipe)
        self.tty_only = tty_only


def folded(table: Table, target: str) -> Table | None:
    """The table with its dim columns (sources, id) moved under the cell of its column
    `target` (the one with the most text), each as a labelled dim line: for a terminal too
    narrow to give them columns of their own. None if there is nothing to fold."""
    dims = [col for col in table.columns if col.style == "dim"]
    kept = [col for col in table.columns if col.style != "dim"]
    if table.card or not dims or target not in [col.key for col in kept] or any(
            not isinstance(row.get(col.key), (str, type(None))) for row in table.rows for col in dims):
        return None
    rows = []
    for row in table.rows:
        lines = [{"style": "dim", "value": {lang: f"{_label(col, lang)}: {row[col.key]}" for lang in ("en", "ar", "both")}}
                 for col in dims if row.get(col.key)]
        own = row.get(target)
        rows.append({**row, target: [*(own if isinstance(own, list) else [own]), *lines]})
    return Table(table.title, kept, rows, note=table.note, tty_only=table.tty_only)


def _label(column: Column, lang: str) -> str:
    header = column.header
    return header.get(lang) or header.get("en") or header.get("ar") or column.key

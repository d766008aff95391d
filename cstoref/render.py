"""Turning plain records into what is printed: bidi-correct tables, or JSON.

Commands hand over `Table`s whose cells are plain strings or bilingual ``{"en", "ar"}``
dicts; only this module knows about languages, widths, borders, colour and bidi modes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from .context import Output
from .tables import Table, folded
from .widths import allocate_keeping

#: the layout module, imported by the first Renderer: a --json run never needs it
bidi: Any = None

UNLIMITED = 1_000_000
MIN_COLUMN = 6
#: laid-out cells and measures kept for reuse; past this many the store of them starts again
_CACHED = 20_000
#: a column is never made narrower than its longest word, up to this many cells
MAX_WORD = 12
#: a cell up to this wide (a date, a status, a name) is not wrapped while another column can give
SHORT_CELL = 20
#: a text column squeezed below this many cells has the sources and id folded under it, if
#: that gives it at least FOLD_GAIN more
FOLD_BELOW = 22
FOLD_GAIN = 6

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_AR = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")

_BOX = {
    True: dict(h="-", v="|", tl="+", tm="+", tr="+", ml="+", mm="+", mr="+", bl="+", bm="+", br="+"),
    False: dict(h="─", v="│", tl="┌", tm="┬", tr="┐", ml="├", mm="┼", mr="┤", bl="└", bm="┴", br="┘"),
}
_STYLES = {"bold": "\x1b[1m", "dim": "\x1b[2m", "title": "\x1b[1;36m", "mark": "\x1b[1;33m"}
_WORD = re.compile(r"\w(?:.*\w)?")
_RESET = "\x1b[0m"


def date_text(value: str | None) -> dict[str, str] | None:
    """An ISO date at its own precision, written for reading in each language."""
    if not value:
        return None
    parts = value.split("-")
    year = parts[0]
    if len(parts) == 1:
        return {"en": year, "ar": year, "both": year}
    month = int(parts[1]) - 1
    if len(parts) == 2:
        en, ar = f"{_MONTHS_EN[month]} {year}", f"{_MONTHS_AR[month]} {year}"
    else:
        day = int(parts[2])
        en, ar = f"{day} {_MONTHS_EN[month]} {year}", f"{day} {_MONTHS_AR[month]} {year}"
    return {"en": en, "ar": ar, "both": en}


class _Piece:
    __slots__ = ("text", "base", "style", "marks")

    def __init__(self, text: str, base: str | None, style: str | None = None) -> None:
        self.text = text
        self.base = base
        self.style = style
        #: words to highlight wherever they are in the laid-out lines (a search's match)
        self.marks: frozenset[str] | None = None


class _Plan:
    """A table ready to draw: its cells, its column widths, and its narrowest text column."""

    __slots__ = ("table", "header", "rows", "widths", "total", "squeeze", "widest")

    def __init__(self, table: Table, header: list[list[_Piece]], rows: list[list[list[_Piece]]],
                 widths: list[int] | None, total: int, squeeze: int, widest: str | None) -> None:
        self.table, self.header, self.rows, self.widths, self.total = table, header, rows, widths, total
        #: cells of the narrowest column of long text (0 when the table cannot have columns)
        self.squeeze = squeeze
        #: the key of the column with the most text, under which the sources and id may fold
        self.widest = widest


class _Cell:
    __slots__ = ("lines", "aligns", "styles", "marks")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.aligns: list[str] = []
        self.styles: list[str | None] = []
        self.marks: list[frozenset[str] | None] = []


def _pieces(value: Any, lang: str, style: str | None = None) -> list[_Piece]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [piece for item in value for piece in _pieces(item, lang, style)]
    if isinstance(value, dict):
        if "style" in value and "value" in value:
            return _pieces(value["value"], lang, value["style"])
        if "marks" in value and "value" in value:
            pieces = _pieces(value["value"], lang, style)
            for piece in pieces:
                piece.marks = frozenset(_mark_key(m) for m in value["marks"])
            return pieces
        if lang == "both" and "both" in value:
            return [_Piece(value["both"], None, style)]
        wanted = ("en", "ar") if lang == "both" else (lang,)
        texts = [(key, value.get(key)) for key in wanted if value.get(key)]
        if lang == "both" and len(texts) == 2 and texts[0][1] == texts[1][1]:
            texts = texts[:1]
        return [_Piece(text, "ltr" if key == "en" else "rtl", style) for key, text in texts]
    return [_Piece(str(value), None, style)]


class Renderer:
    def __init__(self, out: Output) -> None:
        global bidi
        from . import bidi
        self.out = out
        self.visual = out.bidi == "visual"
        self.rtl_table = out.lang == "ar"
        self.box = _BOX[out.ascii]
        #: in a pipe, logical text: the every_line columns are repeated on each line of a row
        self._repeating = out.bidi == "logical" and not out.tty
        # A table repeats many cells (dates, source ids, qualifiers): each is laid out once.
        self._blocks: dict[tuple[str, int, str | None], Any] = {}
        self._measures: dict[str, tuple[int, int]] = {}

    # -- cells -------------------------------------------------------------------------
    def _layout(self, pieces: list[_Piece], width: int) -> _Cell:
        cell = _Cell()
        for piece in pieces:
            base = None if piece.base is None else ("R" if piece.base == "rtl" else "L")
            key = (piece.text, width, base)
            block = self._blocks.get(key)
            if block is None:
                if len(self._blocks) >= _CACHED:
                    self._blocks.clear()
                block = self._blocks[key] = bidi.layout(piece.text, width, visual=self.visual, base=base)
            align = "right" if (block.rtl or self.rtl_table) else "left"
            for line in block.lines:
                if self.out.bidi == "isolated" and line:
                    # The cell's own direction, not its alignment: ids flush right in an
                    # Arabic table still read left to right, as in visual mode.
                    line = bidi.isolate(line, block.rtl)
                cell.lines.append(line)
                cell.aligns.append(align)
                cell.styles.append(piece.style)
                cell.marks.append(piece.marks)
        return cell

    def _measure(self, pieces: list[_Piece]) -> tuple[int, int]:
        """(widest line unwrapped, widest word) of a cell, as layout would show them.

        Measured on cleaned (and, for visual output, shaped) text without reordering it:
        reordering changes no width, and it is the costly step, done once per cell at its
        final width.
        """
        natural = longest = 0
        for piece in pieces:
            known = self._measures.get(piece.text)
            if known is None:
                if len(self._measures) >= _CACHED:
                    self._measures.clear()
                known = self._measures[piece.text] = self._measure_text(piece.text)
            natural, longest = max(natural, known[0]), max(longest, known[1])
        return natural, longest

    def _measure_text(self, text: str) -> tuple[int, int]:
        natural = longest = 0
        text = bidi.clean(text)
        if self.visual:
            text = bidi.shape(text)
        for line in text.split("\n"):
            words = line.split()
            natural = max(natural, bidi.width(" ".join(words)))
            longest = max([longest, *(bidi.width(word) for word in words)])
        return natural, longest

    def _style(self, text: str, style: str | None) -> str:
        if self.out.color and style and text.strip():
            return f"{_STYLES[style]}{text}{_RESET}"
        return text

    def _fit(self, line: str, width: int, align: str, style: str | None, marks: frozenset[str] | None = None) -> str:
        # An isolated line is padded outside its isolate: inside a right-to-left one, leading
        # spaces would end up on the wrong side of the text.
        padded = bidi.pad(line, width, align)
        if marks and self.out.color:
            padded = self._highlight(padded, marks, style)
        return self._style(padded, style)

    def _highlight(self, line: str, marks: frozenset[str], style: str | None) -> str:
        """Colour the marked words of a laid-out line, each word whole.

        The line is already shaped and reordered, so a word is found again as it reads there
        (shaped letters fold back by NFKC; a visual line holds Arabic words reversed), and
        colour codes go only between words: a shaped word is never split.
        """
        back = _STYLES[style] if style else ""

        def paint(found: re.Match[str]) -> str:
            word = found.group()
            key = _mark_key(word)
            if key in marks or (self.visual and key[::-1] in marks):
                return f"{_STYLES['mark']}{word}{_RESET}{back}"
            return word

        return re.sub(r"\S+", lambda token: _WORD.sub(paint, token.group(), count=1), line)

    # -- tables ------------------------------------------------------------------------
    def table(self, table: Table) -> list[str]:
        plan = self._plan(table)
        if plan.squeeze < FOLD_BELOW:
            narrow = folded(table, plan.widest) if plan.widest is not None else None
            if narrow is not None:
                other = self._plan(narrow)
                # Better than squeezed columns, or than cards if its own columns are not squeezed.
                if other.widths is not None and other.squeeze >= (
                        plan.squeeze + FOLD_GAIN if plan.widths is not None else FOLD_BELOW):
                    plan = other
        if plan.widths is None:
            return self._cards(plan.table, plan.header, plan.rows, plan.total)
        return self._draw(plan)

    def _plan(self, table: Table) -> _Plan:
        """The cells of a table and the widths of its columns (None: it must become cards)."""
        lang = self.out.lang
        columns = list(table.columns)
        header = [_pieces(col.header, lang, "bold") for col in columns]
        rows = [[_pieces(row.get(col.key), lang, col.style) for col in columns] for row in table.rows]
        if table.card:
            # Labels are headers too: shown bold, in the first column.
            for row in rows:
                for piece in row[0]:
                    piece.style = "bold"
        n = len(columns)
        total = self.out.width or UNLIMITED
        cells_by_column = [[header[i]] if not table.card else [] for i in range(n)]
        for row in rows:
            for i in range(n):
                cells_by_column[i].append(row[i])
        measures = [[self._measure(p) for p in cells] for cells in cells_by_column]
        naturals = [max((m[0] for m in column), default=0) for column in measures]
        minimums = [max([MIN_COLUMN] + [m[1] for m in column]) for column in measures]
        words = [min(m, MAX_WORD) for m in minimums]
        # A short cell (a date, a status, a name) is kept on one line; a long one may wrap at
        # its words, and so may a list of source ids (the dim column), which reads as well wrapped.
        # In a pipe, a one-word cell repeated on every line of its row (an id) is kept whole, so
        # that each line grep finds carries all of it.
        whole = [col.whole or (col.every_line and self._repeating and all(m[0] == m[1] for m in measures[i]))
                 for i, col in enumerate(columns)]
        keeps = [naturals[i] if whole[i] else words[i] if col.style == "dim" else
                 max([MIN_COLUMN] + [natural if natural <= SHORT_CELL else min(longest, MAX_WORD)
                                     for natural, longest in measures[i]])
                 for i, col in enumerate(columns)]
        # When not everything fits, the widest columns give way first.
        order = sorted((i for i in range(n) if not whole[i]), key=lambda i: -keeps[i])
        widths = allocate_keeping(naturals, keeps, words, order, total - (3 * n + 1))
        long = [i for i, col in enumerate(columns) if not whole[i] and col.style != "dim" and naturals[i] > SHORT_CELL]
        squeeze = 0 if widths is None else min([UNLIMITED] + [widths[i] for i in long])
        widest = columns[max(long, key=lambda i: naturals[i])].key if long else None
        return _Plan(table, header, rows, widths, total, squeeze, widest)

    def _draw(self, plan: _Plan) -> list[str]:
        table, header, rows, widths = plan.table, plan.header, plan.rows, plan.widths
        assert widths is not None
        columns = table.columns
        n = len(columns)
        if self.rtl_table and self.out.bidi != "logical":
            # Right to left: the first column goes on the right.
            widths.reverse()
            header.reverse()
            for row in rows:
                row.reverse()
        repeat = [col.every_line and self._repeating for col in columns]
        lines: list[str] = []
        b = self.box
        inner_width = sum(widths) + 3 * n - 1
        lines += self._title(table.title, inner_width + 2)
        lines.append(b["tl"] + b["tm"].join(b["h"] * (w + 2) for w in widths) + b["tr"])
        body = [] if table.card else [header]
        for index, row in enumerate(body + rows):
            if index == 1 and not table.card:
                lines.append(b["ml"] + b["mm"].join(b["h"] * (w + 2) for w in widths) + b["mr"])
            elif index > 0 and table.card:
                lines.append(b["ml"] + b["mm"].join(b["h"] * (w + 2) for w in widths) + b["mr"])
            cells = [self._layout(pieces, widths[i]) for i, pieces in enumerate(row)]
            height = max(1, max(len(c.lines) for c in cells))
            for k in range(height):
                parts = []
                for i, cell in enumerate(cells):
                    if k < len(cell.lines):
                        parts.append(self._fit(cell.lines[k], widths[i], cell.aligns[k], cell.styles[k], cell.marks[k]))
                    elif repeat[i] and cell.lines and (index or table.card):
                        parts.append(self._fit(cell.lines[0], widths[i], cell.aligns[0], cell.styles[0], cell.marks[0]))
                    else:
                        parts.append(" " * widths[i])
                lines.append(b["v"] + " " + (" " + b["v"] + " ").join(parts) + " " + b["v"])
        lines.append(b["bl"] + b["bm"].join(b["h"] * (w + 2) for w in widths) + b["br"])
        lines += self._note(table.note, inner_width + 2)
        return lines

    def _title(self, title: dict[str, str] | None, width: int) -> list[str]:
        return self._free_text(title, width, "title")

    def _note(self, note: dict[str, str] | None, width: int) -> list[str]:
        return self._free_text(note, width, "dim")

    def _free_text(self, value: dict[str, str] | None, width: int, style: str) -> list[str]:
        """Text above or below a table: right-to-left lines flush right, no trailing spaces."""
        if not value:
            return []
        cell = self._layout(_pieces(value, self.out.lang, style), width)
        return [
            self._fit(line, width, align, style) if align == "right" else self._style(line, style)
            for line, align, style in zip(cell.lines, cell.aligns, cell.styles)
        ]

    def _cards(self, table: Table, header: list[list[_Piece]], rows: list[list[list[_Piece]]], total: int) -> list[str]:
        """Too narrow for columns: each record becomes a block of label and value lines."""
        bordered = total >= 5
        inner = max(1, total - 4 if bordered else total)
        b = self.box
        lines = self._title(table.title, inner + (4 if bordered else 0))
        rule = b["ml"] + b["h"] * (inner + 2) + b["mr"]
        if bordered:
            lines.append(b["tl"] + b["h"] * (inner + 2) + b["tr"])
        for index, row in enumerate(rows):
            if index and bordered:
                lines.append(rule)
            for i, pieces in enumerate(row):
                if not pieces:
                    continue
                label = [] if table.card else header[i]
                for part in (label, pieces):
                    cell = self._layout(part, inner)
                    for line, align, style, marks in zip(cell.lines, cell.aligns, cell.styles, cell.marks):
                        text = self._fit(line, inner, align, style, marks)
                        lines.append(f"{b['v']} {text} {b['v']}" if bordered else text)
        if bordered:
            lines.append(b["bl"] + b["h"] * (inner + 2) + b["br"])
        lines += self._note(table.note, inner + (4 if bordered else 0))
        return lines


def _mark_key(word: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKC", word).casefold()

def render_tables(tables: Iterable[Table], out: Output) -> str:
    renderer = Renderer(out)
    blocks = ["\n".join(renderer.table(table)) for table in tables if out.tty or not table.tty_only]
    return "\n\n".join(blocks) + "\n"


# json.dumps(ensure_ascii=False) escapes C0 controls but passes these through as they are: DEL,
# C1 controls (8-bit CSI and OSC among them), bidi embeddings, overrides, isolates and marks,
# and the line and paragraph separators; and a lone surrogate (a store may escape one), which
# no UTF-8 output can carry. Escaped, the JSON means the same and is safe to print.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def render_json(data: Any, pretty: bool, ascii: bool = False) -> str:
    """Indented for a person at a terminal; in a pipe, one record per line.

    The one-record-per-line form is still a single JSON document, grep finds whole records
    in it, and it is written by json's C encoder (the indenting one is pure Python, and
    several times slower on a large store). `ascii` escapes every non-ASCII character.
    """
    if pretty:
        text = json.dumps(data, ensure_ascii=ascii, indent=2)
    elif isinstance(data, list) and data:
        text = "[\n" + ",\n".join(json.dumps(item, ensure_ascii=ascii) for item in data) + "\n]"
    else:
        text = json.dumps(data, ensure_ascii=ascii)
    return _JSON_UNSAFE.sub(_escape, text) + "\n"

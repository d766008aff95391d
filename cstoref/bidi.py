"""Arabic and English text laid out for a terminal cell.

A terminal shows cells in the order it receives them, and most terminals neither shape Arabic
nor run the bidi algorithm.  So text from the store goes through one pipeline per table cell:
``clean`` (``cstoref.cells``: data is never terminal control) -> base direction found once for
the cell -> for each paragraph of the cell: levels resolved on the whole paragraph (UAX #9,
``cstoref.uax9``), letters shaped (``cstoref.shaping``), wrapped in logical order at the cell
width measured on the shaped text, then each line reordered from the paragraph's levels (L1-L4).

Only the standard library is imported here; arabic-reshaper's letter table is read the first
time Arabic is shaped, so ``--json`` and piped runs never pay for it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate

from . import uax9
from .cells import char_width, clean, pad, width
from .mirroring import MIRRORED
from .shaping import forms, joined_alefs, shape

__all__ = ["Block", "clean", "direction", "isolate", "layout", "pad", "shape", "width", "wrapped_orders"]

# --------------------------------------------------------------------------------------------
# direction
# --------------------------------------------------------------------------------------------


def _first_strong(text: str) -> str | None:
    depth = 0  # inside an isolate, which P2 skips
    for c in text:
        kind = unicodedata.bidirectional(c)
        if kind in ("LRI", "RLI", "FSI"):
            depth += 1
        elif kind == "PDI":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif kind == "L":
            return "ltr"
        elif kind in ("R", "AL"):
            return "rtl"
    return None


def direction(text: str) -> str:
    """The base direction UAX #9 (P2/P3) gives the text: its first strong character's."""
    return _first_strong(text) or "ltr"


# --------------------------------------------------------------------------------------------
# layout
# --------------------------------------------------------------------------------------------


class Block:
    """A cell's text, ready to print.

    ``lines`` are what to print (visual or logical, depending on the mode), ``logical`` the same
    lines in logical order, cleaned and unshaped, and ``rtl`` the cell's one base direction,
    which decides its alignment. (A plain class: importing dataclasses costs more start-up
    time than the rest of this module.)
    """

    __slots__ = ("lines", "logical", "rtl")

    def __init__(self, lines: list[str], logical: list[str], rtl: bool) -> None:
        self.lines = lines
        self.logical = logical
        self.rtl = rtl

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Block) and (self.lines, self.logical, self.rtl) == (other.lines, other.logical, other.rtl)

    def __repr__(self) -> str:
        return f"Block(lines={self.lines!r}, logical={self.logical!r}, rtl={self.rtl!r})"


def _split(para: str, s: int, e: int, widths: list[int], prefix: list[int], limit: int) -> list[tuple[int, int]]:
    """A word ``para[s:e]`` wider than the line, cut between clusters into pieces that fit.

    A cluster is a character that takes a cell with the zero-width ones after it (marks, and
    the alef a lam has joined into one cell), so a cut never parts them.  A piece is never
    empty: a single cluster wider than the line is a piece by itself.  Time linear in the
    word's length.
    """
    starts = [i for i in range(s, e) if widths[i]]
    if not starts:
        return [(s, e)]
    starts[0] = s  # zero-width characters that open the word go with its first cluster
    bounds = [*starts, e]
    cells = [prefix[b] for b in bounds]  # cells before each cluster, from the paragraph's start
    m = len(starts)
    pieces = []
    i = 0
    while i < m:
        k = max(bisect_right(cells, cells[i] + limit, i + 1, m + 1) - 1 - i, 1)
        if i + k < m:
            # Where the word has a hyphen (an id such as ev-2022-01-06-decision), cut after it,
            # if that leaves this line at least half full or the rest fits on the next one.
            rest = cells[m] - cells[i + k]
            hyphen = para.rfind("-", bounds[i], bounds[i + k - 1])
            while hyphen >= 0:
                j = bisect_right(bounds, hyphen, i, i + k) - i  # the cluster after the hyphen's
                if bounds[i + j - 1] == hyphen and bounds[i + j] == hyphen + 1 and (2 * j >= k or cells[i + k] - cells[i + j] + rest <= limit):
                    k = j
                    break
                hyphen = para.rfind("-", bounds[i], hyphen)
        pieces.append((bounds[i], bounds[i + k]))
        i += k
    return pieces


def _wrap(para: str, widths: list[int], limit: int) -> list[tuple[int, int]]:
    """Greedy wrap of one paragraph (words parted by single spaces): each line's span."""
    prefix = [0, *accumulate(widths)]
    spans: list[tuple[int, int]] = []
    line: tuple[int, int] | None = None
    used = 0
    n = len(para)
    pos = 0
    while pos <= n:
        end = para.find(" ", pos)
        if end < 0:
            end = n
        cells = prefix[end] - prefix[pos]
        if line is not None and used + 1 + cells <= limit:
            line = (line[0], end)
            used += 1 + cells
        else:
            if line is not None:
                spans.append(line)
            if cells <= limit:
                line, used = (pos, end), cells
            else:
                *full, line = _split(para, pos, end, widths, prefix, limit)
                spans.extend(full)
                used = prefix[line[1]] - prefix[line[0]]
        pos = end + 1
    if line is not None:
        spans.append(line)
    return spans


def _display(para: str, s: int, e: int, kinds: list[str], levels: list[int], shown: list[str],
             widths: list[int], rtl: bool) -> str:
    """One wrapped line in display order (L1-L4), from its paragraph's resolved levels.

    L3: a terminal attaches a mark to the cell before it, so a cluster (a letter and its
    marks, or lam-alef) that a reversal turned round is put back in logical order.  L4: at
    odd (right-to-left) levels, characters take their mirror glyph.
    """
    order, line_levels = uax9.line_order(levels, kinds, s, e, rtl)
    if 0 in widths[s:e]:
        base = s - 1
        cluster = []
        for i in range(s, e):
            if widths[i]:
                base = i
            cluster.append(base)
        placed: list[int] = []
        k = 0
        while k < len(order):
            j = k + 1
            key = cluster[order[k] - s]
            while j < len(order) and cluster[order[j] - s] == key:
                j += 1
            placed.extend(sorted(order[k:j]) if j - k > 1 else order[k:j])
            k = j
        order = placed
    if not any(level % 2 for level in line_levels):
        return "".join([shown[i] for i in order])
    mirrored = MIRRORED.get
    return "".join([mirrored(shown[i], shown[i]) if line_levels[i - s] % 2 else shown[i] for i in order])


_HIDDEN_RE = re.compile("[\u200d\u200e\u200f\u061c]")


def _edges(line: str) -> str:
    """A shown line without spaces at its edges.

    A bidi mark, which is not printed, can reorder a space to the edge of a shown line ("ا", LRM,
    " a" in a right-to-left cell shows " aا").  Such a space is dropped, except one before a
    mark that has no letter to sit on.
    """
    if line[:1] != " " and line[-1:] != " ":
        return line
    line = line.rstrip(" ")
    start = len(line) - len(line.lstrip(" "))
    if start and start < len(line) and char_width(line[start]) == 0:
        start -= 1
    return line[start:]


def _base(text: str, base: str | None) -> bool:
    """Whether the cell is right-to-left."""
    if base is None:
        return direction(text) == "rtl"
    if base.lower() in ("rtl", "r"):
        return True
    if base.lower() in ("ltr", "l"):
        return False
    raise ValueError(f"base must be 'rtl' or 'ltr', not {base!r}")


_UNPRINTED = frozenset("\u200c\u200d\u200e\u200f\u061c")  # joiners and bidi marks


def _words(paragraph: str) -> list[str]:
    """A paragraph's words, for collapsing its spaces.

    A "word" of nothing but joiners and bidi marks prints nothing, so it must not keep a space
    of its own (that space would show at the edge of a line, or doubled).  Its joiners join
    nothing beside a space and go; its bidi marks still take part in resolution, so they stay,
    attached to the word before (or, at the start, after) it.
    """
    words: list[str] = []
    pending = ""
    for word in paragraph.split(" "):
        if not word:
            continue
        if _UNPRINTED.issuperset(word):
            marks = word.replace("\u200c", "").replace("\u200d", "")
            if words:
                words[-1] += marks
            else:
                pending += marks
            continue
        words.append(pending + word)
        pending = ""
    return words or ([pending] if pending else [])


def _paragraphs(text: str, limit: int, visual: bool):
    """Each paragraph of cleaned text: (text, shown forms or None, cell widths, line spans).

    A paragraph's spaces are collapsed to one between words; the spans index into that text.
    Widths are measured as shaped (an alef joined into its lam's cell takes none), and the
    paragraph is shaped once it is wrapped, with no join across a cut inside a word.
    """
    for paragraph in text.strip(" \n").split("\n"):
        para = " ".join(_words(paragraph))
        if not para:
            yield para, None, [], []
            continue
        if para.isascii() and para.isprintable():
            widths = [1] * len(para)
        else:
            widths = [char_width(c) for c in para]
        if visual:
            for j in joined_alefs(para):
                widths[j] = 0
        spans = _wrap(para, widths, limit)
        shown = None
        if visual:
            cuts = {s for s, _ in spans if s > 0 and para[s - 1] != " "}
            shown = forms(para, cuts)
        yield para, shown, widths, spans


def wrapped_orders(text: str, width: int, *, base: str | None = None) -> list[tuple[str, bool, list[tuple[int, int, list[int]]]]]:
    """What visual ``layout`` reorders, before L3 and L4: for each paragraph of the cell,
    (its text, whether it is right-to-left, and each line's (start, end, indices in display
    order)).  For checking the reordering against other implementations of UAX #9."""
    text = clean(text)
    rtl = _base(text, base)
    found = []
    for para, _shown, _widths, spans in _paragraphs(text, max(1, int(width)), True):
        kinds = uax9.classes(para)
        levels = uax9.resolve(para, rtl, kinds)
        found.append((para, rtl, [(s, e, uax9.line_order(levels, kinds, s, e, rtl)[0]) for s, e in spans]))
    return found


def layout(text: str, width: int, *, visual: bool, base: str | None = None) -> Block:
    """Lay one cell's text out in lines no wider than ``width`` cells.

    ``visual``: shaped and in display order, for a terminal that does no bidi; otherwise logical
    order, unshaped.  ``base`` ("rtl"/"ltr", or "R"/"L") overrides the direction found from the
    first strong character.  Spaces are collapsed, leading and trailing blank lines dropped,
    inner "\\n" kept as hard breaks; each of the parts between them is a bidi paragraph,
    resolved as a whole before it is wrapped.  Bidi marks and ZWJ are not printed.  A ``width``
    below 1 counts as 1; one character wider than the width (a CJK character or emoji in a
    1-cell column) gets a line to itself, the only case where a line is wider than asked.
    """
    limit = max(1, int(width))
    text = clean(text)
    rtl = _base(text, base)
    lines: list[str] = []
    logical: list[str] = []
    for para, shown, widths, spans in _paragraphs(text, limit, visual):
        if not spans:
            lines.append("")
            logical.append("")
            continue
        logical.extend(_HIDDEN_RE.sub("", para[s:e]) for s, e in spans)
        if shown is None:
            continue
        kinds = uax9.classes(para)
        levels = uax9.resolve(para, rtl, kinds)
        for s, e in spans:
            lines.append(_edges(_display(para, s, e, kinds, levels, shown, widths, rtl)))
    if not visual:
        lines = list(logical)
    return Block(lines=lines, logical=logical, rtl=rtl)


# --------------------------------------------------------------------------------------------
# isolate
# --------------------------------------------------------------------------------------------


def isolate(line: str, rtl: bool) -> str:
    """Wrap a logical line in an isolate, for terminals that run bidi themselves.

    Without it, such a terminal reorders a whole table row as one paragraph and two Arabic
    cells swap columns.  FSI...PDI (U+2068...U+2069) is used, except when the line's own first
    strong character disagrees with the cell's direction (a wrapped line that starts with a
    Latin word in an Arabic cell): then RLI or LRI keeps the cell's one direction.  Adds two
    zero-width characters (``width`` counts them 0).  Pad outside the isolate, not inside: in
    a right-to-left isolate, padding written before the text shows after it.
    """
    if not line:
        return line
    own = _first_strong(line)
    if own is not None and own == ("rtl" if rtl else "ltr"):
        opener = "\u2068"
    else:
        opener = "\u2067" if rtl else "\u2066"
    return opener + line + "\u2069"

"""Arabic and English text laid out for a terminal cell.

A terminal shows cells in the order it receives them, and most terminals neither shape Arabic
nor run the bidi algorithm.  So text from the store goes through one pipeline per table cell:
``clean`` (data is never terminal control) -> base direction found once for the cell ->
``shape`` -> wrap in logical order at the cell width, measured on the shaped text -> each line
reordered on its own (UAX #9 reorders per line, after wrapping) and its brackets mirrored.

Only the standard library is imported here; arabic-reshaper and python-bidi are imported the
first time a visual layout is asked for, so ``--json`` and piped runs never pay for them.
(This module is ``cstoref.bidi``; ``import bidi`` inside it is the python-bidi package.)
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

__all__ = ["Block", "clean", "direction", "isolate", "layout", "pad", "shape", "width"]

# --------------------------------------------------------------------------------------------
# clean
# --------------------------------------------------------------------------------------------

# Whole terminal sequences, so their parameters (a window title, an OSC 52 clipboard payload)
# are not left behind as text.  An unterminated string sequence runs to the end of the text,
# as a terminal would swallow it.  Whatever these patterns miss, the per-character pass below
# still removes every ESC and C0/C1 control: the patterns only decide how much payload goes too.
_SEQUENCE_RE = re.compile(
    r"""
      (?: \x1b[\]PX^_] | [\x90\x98\x9d\x9e\x9f] ) .*? (?: \x07 | \x1b\\ | \x9c | \Z )  # OSC DCS SOS PM APC
    | (?: \x1b\[ | \x9b ) [0-?]* [ -/]* [@-~]?                                         # CSI, 7- and 8-bit
    | \x1b [ -/]* [0-~]                                                                # other ESC sequences
    | \x1b
    """,
    re.VERBOSE | re.DOTALL,
)

_ZWNJ = "\u200c"
# Spaces that must not become break points.
_NO_BREAK_SPACES = frozenset("\u00a0\u2007\u202f")
# Lam-alef presentation forms: the only multi-letter Arabic ligatures that fit one cell.
_LAM_ALEF_FORMS = frozenset(chr(cp) for cp in range(0xFEF5, 0xFEFD))
# Word ligatures that Unicode gives no decomposition, spelled out.
_SPELLED_OUT = {
    0xFD40: "رحمه الله", 0xFD41: "رضي الله عنه", 0xFD42: "رضي الله عنها",
    0xFD43: "رضي الله عنهم", 0xFD44: "رضي الله عنهما", 0xFD45: "رضي الله عنهن",
    0xFD46: "صلى الله عليه وآله", 0xFD47: "عليه السلام", 0xFD48: "عليهم السلام",
    0xFD49: "عليهما السلام", 0xFD4A: "عليه الصلاة والسلام", 0xFD4B: "قدس سره",
    0xFD4C: "صلى الله عليه وآله وسلم", 0xFD4D: "عليها السلام", 0xFD4E: "تبارك وتعالى",
    0xFD4F: "رحمهم الله", 0xFDCF: "سلامه علينا", 0xFDFD: "بسم الله الرحمن الرحيم",
    0xFDFE: "سبحانه وتعالى", 0xFDFF: "عز وجل",
}


def _clean_char(cp: int) -> str | None:
    """What one character becomes on its way to a terminal (None: dropped)."""
    if cp == 0x0A:
        return "\n"
    if cp == 0x09:
        return " "
    if cp < 0x20 or 0x7F <= cp <= 0x9F:  # C0, DEL, C1
        return None
    if cp in (0x2028, 0x2029):  # line / paragraph separator: a hard break, not a bidi paragraph
        return "\n"
    if 0xFE00 <= cp <= 0xFE0F:
        # Variation selectors: VS16 asks for an emoji presentation that some terminals draw in
        # two cells and others in one; without it the base character has one known width.
        return None
    c = chr(cp)
    category = unicodedata.category(c)
    if category == "Cf":
        # Bidi embeddings/overrides/isolates/marks (Trojan Source), ZWJ (rich joins the
        # characters around it into one cell, terminals do not), ZWSP, soft hyphen, BOM, tags,
        # Arabic prepended number signs: invisible, or of a width terminals disagree on.
        # ZWNJ stays: it carries meaning (it stops two letters joining), ``shape`` honours and
        # then drops it, and it is zero width in rich, glibc's wcwidth and here alike.
        return c if c == _ZWNJ else None
    if category in ("Cs", "Cn"):
        # Lone surrogates cannot be encoded; unassigned code points (to this Python) have no
        # width anyone can know.  One replacement character keeps columns aligned.
        return "\ufffd"
    if category == "Zs" and c != " " and c not in _NO_BREAK_SPACES:
        return " "
    if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF:
        # Word ligatures (U+FDF2 Allah, U+FDFD Basmala, U+FDFC Rial, ...) count as one cell but
        # draw several: back to their letters, which shaping then joins.
        if cp in _SPELLED_OUT:
            return _SPELLED_OUT[cp]
        decomposed = unicodedata.normalize("NFKC", c)
        if len(decomposed) > 1 and not decomposed.startswith(" ") and c not in _LAM_ALEF_FORMS:
            return decomposed
    return c


class _CleanTable(dict):
    """A ``str.translate`` table filled in lazily, one character at a time."""

    def __missing__(self, cp: int) -> str | None:
        value = self[cp] = _clean_char(cp)
        return value


_CLEAN_TABLE = _CleanTable()


def clean(text: str) -> str:
    """Remove what must never reach a terminal from data, keeping all that is text.

    Besides the controls, line ends are normalised ("\\r\\n" and a lone "\\r" become "\\n", so
    a carriage return cannot overwrite what was shown) and exotic spaces become plain spaces.
    """
    text = _SEQUENCE_RE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_CLEAN_TABLE)


# --------------------------------------------------------------------------------------------
# width
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _char_width(c: str) -> int:
    category = unicodedata.category(c)
    if category in ("Mn", "Me", "Cf", "Cc"):
        return 0
    cp = ord(c)
    if 0x1160 <= cp <= 0x11FF or 0xD7B0 <= cp <= 0xD7FF:
        return 0  # Hangul medial vowels and final consonants join the syllable (glibc and rich agree)
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def width(text: str) -> int:
    """Terminal cells of cleaned (and possibly shaped) text, counted as rich counts them.

    Arabic letters, presentation forms and lam-alef take one cell, harakat none, CJK and emoji
    two.  Rich and this function differ only outside what the tool shows (spacing marks of
    Indic scripts, characters newer than this Python's Unicode database).
    """
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(_char_width(c) for c in text)


def _clusters(text: str) -> list[str]:
    """Split before every character that takes a cell, so marks stay with their base."""
    clusters: list[str] = []
    for c in text:
        if clusters and (_char_width(c) == 0 or width(clusters[-1]) == 0):
            clusters[-1] += c
        else:
            clusters.append(c)
    return clusters


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
# shape (arabic-reshaper, loaded lazily)
# --------------------------------------------------------------------------------------------

_LAM_ALEF_LIGATURES = frozenset(
    {
        "ARABIC LIGATURE LAM WITH ALEF",
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE",
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA BELOW",
        "ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE",
    }
)
_RESHAPER_ENV = "PYTHON_ARABIC_RESHAPER_CONFIGURATION_FILE"
_ARABIC_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")

_reshaper = None


def _get_reshaper():
    """The one configured reshaper; built on first use."""
    global _reshaper
    if _reshaper is None:
        # arabic_reshaper builds a default reshaper at import time from the file named in this
        # variable, and raises if it is missing or malformed.  Every option is set below, so the
        # file could change nothing; keep it from crashing the tool.
        saved = os.environ.pop(_RESHAPER_ENV, None)
        try:
            import arabic_reshaper
            from arabic_reshaper.ligatures import LIGATURES

            config = {
                "language": "Arabic",
                "delete_harakat": False,
                # Not the reshaper's own shift: it drops a mark that starts the text and puts a
                # mark on the alef of lam-alef on the wrong side.  Marks are placed after
                # reordering instead, from the resolved levels (see _reorder).
                "shift_harakat_position": False,
                "delete_tatweel": False,
                "support_zwj": True,
                "use_unshaped_instead_of_isolated": False,
                "support_ligatures": True,
            }
            # Every ligature off but lam-alef: word ligatures count one cell and draw several.
            config.update({name: name in _LAM_ALEF_LIGATURES for name, _ in LIGATURES})
            _reshaper = arabic_reshaper.ArabicReshaper(configuration=config)
        finally:
            if saved is not None:
                os.environ[_RESHAPER_ENV] = saved
    return _reshaper


def shape(text: str) -> str:
    """Arabic letters in the contextual forms a terminal cannot choose itself.

    Harakat are kept, in logical order after their letter; lam-alef becomes one character (one
    cell); no other ligature is made.  ZWNJ, once it has stopped a join, is dropped.
    """
    if _ARABIC_RE.search(text):
        return _reshape(text).replace(_ZWNJ, "")
    return text.replace(_ZWNJ, "")


@lru_cache(maxsize=4096)
def _reshape(text: str) -> str:
    # Cached: a table lays each cell out twice (natural width, then final width), and the
    # reshaper re-reads its configparser options on every call.
    return _get_reshaper().reshape(text)


# --------------------------------------------------------------------------------------------
# reorder (python-bidi, loaded lazily) with rules L3/L4, which python-bidi 0.6 does not apply
# --------------------------------------------------------------------------------------------

_bidi_lib = None
_MIRROR: dict[str, str] = {}
# Used only if python-bidi ever stops shipping its BidiMirroring table.
_BASIC_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹"))


def _load_bidi():
    """python-bidi, and its Bidi_Mirroring_Glyph table (the standard library has none)."""
    global _bidi_lib
    if _bidi_lib is None:
        import bidi

        try:
            from bidi.mirror import MIRRORED
        except ImportError:  # pragma: no cover
            MIRRORED = _BASIC_MIRROR
        _MIRROR.update(MIRRORED)
        _bidi_lib = bidi
    return _bidi_lib


_SUPPORTED_CLASSES = frozenset({"L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "WS", "ON"})


def _strong(kind: str) -> str | None:
    """Direction of a resolved type for N0/N1: EN and AN count as R."""
    if kind == "L":
        return "L"
    if kind in ("R", "EN", "AN"):
        return "R"
    return None


def _bracket_pairs(text: str, types: list[str]) -> list[tuple[int, int]]:
    """BD16: paired brackets, by position of the opening one."""
    _load_bidi()
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, c in enumerate(text):
        if types[i] != "ON" or c not in _MIRROR:
            continue
        category = unicodedata.category(c)
        if category == "Ps":
            if len(stack) == 63:
                break
            stack.append((unicodedata.normalize("NFD", _MIRROR[c]), i))
        elif category == "Pe":
            key = unicodedata.normalize("NFD", c)
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == key:
                    pairs.append((stack[k][1], i))
                    del stack[k:]
                    break
    return sorted(pairs)


def _resolve(text: str, rtl: bool) -> list[int] | None:
    """Embedding levels of one line (UAX #9 W1-W7, N0-N2, I1-I2), before L1.

    Cleaned text has no explicit embeddings, isolates or separators, so the line is one
    isolating run sequence at the paragraph level and the X rules have nothing to do.  Returns
    None for text outside that case.
    """
    original = [unicodedata.bidirectional(c) for c in text]
    if not _SUPPORTED_CLASSES.issuperset(original):
        return None
    n = len(text)
    e = "R" if rtl else "L"  # embedding direction, also sos and eos
    t = list(original)
    prev = e
    for i in range(n):  # W1
        if t[i] == "NSM":
            t[i] = prev
        prev = t[i]
    last = e
    for i in range(n):  # W2, W3
        if t[i] in ("L", "R", "AL"):
            last = t[i]
        elif t[i] == "EN" and last == "AL":
            t[i] = "AN"
    t = ["R" if x == "AL" else x for x in t]
    for i in range(1, n - 1):  # W4
        if t[i] == "ES" and t[i - 1] == "EN" == t[i + 1]:
            t[i] = "EN"
        elif t[i] == "CS" and t[i - 1] == t[i + 1] and t[i - 1] in ("EN", "AN"):
            t[i] = t[i - 1]
    i = 0
    while i < n:  # W5
        if t[i] == "ET":
            j = i
            while j < n and t[j] == "ET":
                j += 1
            if (i > 0 and t[i - 1] == "EN") or (j < n and t[j] == "EN"):
                t[i:j] = ["EN"] * (j - i)
            i = j
        else:
            i += 1
    t = ["ON" if x in ("ES", "ET", "CS") else x for x in t]  # W6
    last = e
    for i in range(n):  # W7
        if t[i] in ("L", "R"):
            last = t[i]
        elif t[i] == "EN" and last == "L":
            t[i] = "L"
    opposite = "L" if rtl else "R"
    for o, c in _bracket_pairs(text, t):  # N0
        inside = {_strong(x) for x in t[o + 1 : c]}
        if e in inside:
            new = e
        elif opposite in inside:
            before = next((_strong(x) for x in reversed(t[:o]) if _strong(x)), e)
            new = opposite if before == opposite else e
        else:
            continue
        for k in (o, c):
            t[k] = new
            k += 1
            while k < n and original[k] == "NSM":
                t[k] = new
                k += 1
    i = 0
    while i < n:  # N1, N2
        if t[i] in ("WS", "ON"):
            j = i
            while j < n and t[j] in ("WS", "ON"):
                j += 1
            before = _strong(t[i - 1]) if i > 0 else e
            after = _strong(t[j]) if j < n else e
            t[i:j] = [before if before == after else e] * (j - i)
            i = j
        else:
            i += 1
    if rtl:  # I1, I2
        return [1 if x == "R" else 2 for x in t]
    return [0 if x == "L" else 1 if x == "R" else 2 for x in t]


def _levels(text: str, rtl: bool) -> list[int] | None:
    """Levels with L1 applied: trailing whitespace goes back to the paragraph level."""
    levels = _resolve(text, rtl)
    if levels is not None:
        i = len(text) - 1
        while i >= 0 and unicodedata.bidirectional(text[i]) == "WS":
            levels[i] = int(rtl)
            i -= 1
    return levels


def _visual_order(levels: list[int]) -> list[int]:
    """L2: logical indices in display order."""
    order = list(range(len(levels)))
    odd = [lv for lv in levels if lv % 2]
    if not odd:
        return order
    for lv in range(max(levels), min(odd) - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= lv:
                j = i
                while j < len(order) and levels[order[j]] >= lv:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def _reorder(line: str, rtl: bool) -> str:
    """One line in display order, its marks after their letters and its brackets mirrored.

    python-bidi 0.6 reorders (L1, L2) but applies neither L3 (a mark reversed with an RTL run
    lands before its letter, and a terminal attaches a mark to the cell before it) nor L4
    (brackets in RTL runs keep their logical glyph, so "(USD)" shows as ")USD("; python-bidi
    issue #25).  Both need
    the resolved levels, which python-bidi does not expose: ``_resolve`` computes them, and its
    order is checked against python-bidi's; should they ever disagree, python-bidi's output is
    used as it is.
    """
    if not rtl and not any(unicodedata.bidirectional(c) in ("R", "AL", "AN") for c in line):
        return line  # nothing can move or mirror
    lib = _load_bidi()
    shown = lib.get_display(line, base_dir="R" if rtl else "L")
    levels = _levels(line, rtl)
    if levels is None:
        return shown
    order = _visual_order(levels)
    if len(shown) != len(line) or any(
        shown[k] != line[i] and shown[k] != _MIRROR.get(line[i]) for k, i in enumerate(order)
    ):
        return shown
    # L3: a cluster (letter + marks) that a reversal turned round is put back in logical order.
    cluster = []
    base = -1
    for i, c in enumerate(line):
        if _char_width(c):
            base = i
        cluster.append(base)
    placed: list[int] = []
    k = 0
    while k < len(order):
        j = k + 1
        while j < len(order) and cluster[order[j]] == cluster[order[k]]:
            j += 1
        placed.extend(sorted(order[k:j]))
        k = j
    # L4: characters at odd (right-to-left) levels take their mirror glyph.
    return "".join(
        _MIRROR.get(line[i], line[i]) if levels[i] % 2 else line[i] for i in placed
    )


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


def _split_word(word: str, limit: int, visual: bool) -> list[tuple[str, str, int]]:
    """A word wider than the line, cut between clusters into pieces that fit.

    Each piece is shaped on its own, so the letters at a cut take end forms.  A piece is never
    empty: a single cluster wider than the line is a piece by itself.
    """
    clusters = _clusters(word)
    cells = [width(c) for c in clusters]
    pieces = []
    i = 0
    while i < len(clusters):
        k, total = 0, 0
        while i + k < len(clusters) and total + cells[i + k] <= limit:
            total += cells[i + k]
            k += 1
        k = max(k, 1)
        if visual:  # shaping never widens (lam-alef narrows), but measure what is shown
            def measure(count: int, start: int = i) -> int:
                return width(shape("".join(clusters[start : start + count])))

            while k > 1 and measure(k) > limit:
                k -= 1
            while i + k < len(clusters) and measure(k + 1) <= limit:
                k += 1  # e.g. an alef that joins the lam before it into one cell
        if i + k < len(clusters):
            # Where the word has a hyphen (an id such as ev-2022-01-06-decision), cut after it,
            # if that leaves this line at least half full or the rest fits on the next one.
            rest = sum(cells[i + k :])
            for j in range(k - 1, 0, -1):
                if clusters[i + j - 1] == "-" and (2 * j >= k or sum(cells[i + j : i + k]) + rest <= limit):
                    k = j
                    break
        piece = "".join(clusters[i : i + k])
        shaped = shape(piece) if visual else piece
        pieces.append((piece, shaped, width(shaped)))
        i += k
    return pieces


def _wrap(text: str, limit: int, visual: bool) -> tuple[list[str], list[str]]:
    """Greedy wrap in logical order: (logical lines, the same lines as shown before reordering)."""
    logical: list[str] = []
    shown: list[str] = []

    def emit(words: list[tuple[str, str, int]]) -> None:
        logical.append(" ".join(w[0] for w in words))
        shown.append(" ".join(w[1] for w in words))

    for paragraph in text.strip(" \n").split("\n"):
        given = [word for word in paragraph.split(" ") if word]
        shaped_words = given
        if visual:
            # Shaping never reaches across a space, so the paragraph is shaped in one call.
            shaped_words = shape(" ".join(given)).split(" ")
            if len(shaped_words) != len(given):  # pragma: no cover - defensive
                shaped_words = [shape(word) for word in given]
        words: list[tuple[str, str, int]] = []  # (logical, shaped, cells) on the current line
        used = 0
        for word, shaped in zip(given, shaped_words):
            cells = width(shaped)
            if words and used + 1 + cells <= limit:
                words.append((word, shaped, cells))
                used += 1 + cells
                continue
            if words:
                emit(words)
            if cells <= limit:
                words, used = [(word, shaped, cells)], cells
                continue
            *full, rest = _split_word(word, limit, visual)
            for piece in full:
                emit([piece])
            words, used = [rest], rest[2]
        emit(words)
    return logical, shown


def layout(text: str, width: int, *, visual: bool, base: str | None = None) -> Block:
    """Lay one cell's text out in lines no wider than ``width`` cells.

    ``visual``: shaped and in display order, for a terminal that does no bidi; otherwise logical
    order, unshaped.  ``base`` ("rtl"/"ltr", or "R"/"L") overrides the direction found from the
    first strong character.  Spaces are collapsed, leading and trailing blank lines dropped,
    inner "\\n" kept as hard breaks.  A ``width`` below 1 counts as 1; one character wider than
    the width (a CJK character or emoji in a 1-cell column) gets a line to itself, the only
    case where a line is wider than asked.
    """
    limit = max(1, int(width))
    text = clean(text)
    if base is None:
        rtl = direction(text) == "rtl"
    elif base.lower() in ("rtl", "r"):
        rtl = True
    elif base.lower() in ("ltr", "l"):
        rtl = False
    else:
        raise ValueError(f"base must be 'rtl' or 'ltr', not {base!r}")
    logical, shown = _wrap(text, limit, visual)
    if visual:
        # One line at a time: python-bidi treats a whole string as one line and moves "\n".
        shown = [_reorder(line, rtl) if line else line for line in shown]
        return Block(lines=shown, logical=logical, rtl=rtl)
    return Block(lines=list(logical), logical=logical, rtl=rtl)


# --------------------------------------------------------------------------------------------
# pad, isolate
# --------------------------------------------------------------------------------------------


def pad(line: str, width: int, align: str) -> str:
    """Spaces to exactly ``width`` cells (a line already wider is returned as it is)."""
    gap = width - _cells(line)
    if align not in ("left", "right", "center"):
        raise ValueError(f"align must be 'left', 'right' or 'center', not {align!r}")
    if gap <= 0:
        return line
    if align == "left":
        return line + " " * gap
    if align == "right":
        return " " * gap + line
    return " " * (gap // 2) + line + " " * (gap - gap // 2)


_cells = width  # ``pad`` and ``layout`` take a parameter named width


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

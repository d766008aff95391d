"""The one place that decides how this run's output looks: made once, handed down."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TextIO

from .errors import UsageError

LANGS = ("both", "en", "ar")
BIDI_MODES = ("auto", "visual", "logical")

# Terminals that run the bidi algorithm themselves (implicit mode), and how each is given text
# that is right on its screen:
# - those that honour the terminal-wg BDSM switch are put in explicit mode for the run, and we
#   lay the text out;
# - mlterm has a switch of its own, OSC 5379 use_ctl (its bidi and shaping), and draws FSI
#   and PDI as visible boxes: switched off for the run, given our visual text.  (mlterm
#   applies use_ctl when it draws, so switching it back on redraws the screen with mlterm's
#   own bidi; it ignores overrides, so no text can be right both ways);
# - Konsole has no switch.  It shapes each screen line with ICU, taking the line as logical
#   (presentation forms too: it reshapes them), then reorders it with ICU's bidi and mirrors
#   nothing; a zero-width format character joins the cell before it and reaches ICU.  So it
#   gets each of our visual lines (display order, brackets mirrored, lam-alef one character)
#   written backwards, cell by cell, under a right-to-left override: its shaping then sees
#   Arabic words in logical order, and its bidi turns the line back into ours (``for_konsole``);
# - the others get logical text with each cell isolated, so their per-line bidi cannot swap
#   columns.
_SWITCHABLE = "switch"
_MLTERM = "mlterm"
_KONSOLE = "konsole"
_ISOLATE = "isolate"

BDSM_EXPLICIT = "\x1b[8l"  # BDSM reset: the terminal shows cells in the order received
BDSM_IMPLICIT = "\x1b[8h"  # back to the terminal's own (implicit) bidi
MLTERM_CTL_OFF = "\x1b]5379;use_ctl=false\x07"  # mlterm: no bidi, no shaping of its own
MLTERM_CTL_ON = "\x1b]5379;use_ctl=true\x07"
_SWITCHES = {_SWITCHABLE: (BDSM_EXPLICIT, BDSM_IMPLICIT), _MLTERM: (MLTERM_CTL_OFF, MLTERM_CTL_ON)}
_RLO, _PDF = "\u202e", "\u202c"


def implicit_terminal(env: Mapping[str, str]) -> str | None:
    """How a terminal that does bidi itself is to be handled, or None if it does none."""
    if env.get("TMUX"):
        # tmux paints cells in the order it gets them: the terminal around it never sees lines.
        return None
    program = env.get("TERM_PROGRAM", "")
    try:
        vte = int(env.get("VTE_VERSION", "0"))
    except ValueError:
        vte = 0
    if vte >= 5800 or program in ("mintty", "WezTerm"):
        return _SWITCHABLE
    # mlterm sets MLTERM (its version) whatever TERM it is told to set; its default is xterm.
    if env.get("MLTERM") or env.get("TERM", "").startswith("mlterm"):
        return _MLTERM
    if env.get("KONSOLE_VERSION"):
        return _KONSOLE
    if program == "Apple_Terminal":
        return _ISOLATE
    return None


def for_konsole(text: str) -> str:
    """Visual lines as Konsole must receive them to show them as they are (see above).

    Each line's cells (a character with the marks after it, and its colour) are written in
    reverse order under RLO...PDF, except the first one, which goes first, outside: a zero-width
    override cannot come before it, and a line's first cell at the left edge needs no moving.
    When that first cell is right-to-left itself (Konsole would move it), the whole line is
    written backwards and the override follows its first cell, which is then the line's last.
    """
    import re
    import unicodedata

    token = re.compile("\x1b\\[[0-?]*[ -/]*m|.", re.DOTALL)
    out = []
    for line in text.split("\n"):
        cells: list[list[str]] = []  # [style, text]
        style = ""
        for found in token.finditer(line):
            piece = found.group()
            if piece.startswith("\x1b["):
                style = "" if piece in ("\x1b[0m", "\x1b[m") else style + piece
            elif cells and unicodedata.category(piece) in ("Mn", "Me", "Cf"):
                cells[-1][1] += piece
            else:
                cells.append([style, piece])
        if len(cells) < 2:
            out.append(line)
            continue
        kind = unicodedata.bidirectional(cells[0][1][0])
        if kind in ("R", "AL", "AN") and unicodedata.bidirectional(cells[-1][1][0]) in ("R", "AL"):
            order = cells[::-1]
        else:
            order = [cells[0], *cells[:0:-1]]
        # Spaces that end up last would be trailing whitespace, which L1 puts back at the
        # line's end: no-break spaces (CS, not WS) keep their place and look the same.
        k = len(order) - 1
        while k > 0 and order[k][1] == " ":
            order[k] = [order[k][0], "\u00a0"]
            k -= 1
        written = []
        current = ""
        for k, (cell_style, cell) in enumerate(order):
            if cell_style != current:
                written.append("\x1b[0m" + cell_style)
                current = cell_style
            written.append(cell + (_RLO if k == 0 else ""))
        written.append(_PDF + ("\x1b[0m" if current else ""))
        out.append("".join(written))
    return "\n".join(out)


class Output:
    """Everything the renderer needs to know about where the output goes."""

    def __init__(self, *, json: bool = False, lang: str = "both", bidi: str = "logical",
                 explicit_switch: bool = False, switch: tuple[str, str] = (BDSM_EXPLICIT, BDSM_IMPLICIT),
                 pin: bool = False, tty: bool = False, color: bool = False,
                 ascii: bool = False, width: int | None = None, stdout: TextIO | None = None,
                 stderr: TextIO | None = None, pager: str | None = None,
                 height: int | None = None) -> None:
        self.json = json
        self.lang = lang
        #: visual (shaped, reordered), logical (as stored) or isolated (logical, each cell in FSI..PDI)
        self.bidi = bidi
        #: send ``switch_on`` before the output and ``switch_off`` after it, on every exit path
        self.explicit_switch = explicit_switch
        #: the terminal's own bidi off, then back on: BDSM's CSI 8 l / CSI 8 h, or mlterm's
        self.switch_on, self.switch_off = switch
        #: visual text written for Konsole's own shaping and bidi (``for_konsole``)
        self.pin = pin
        self.tty = tty
        self.color = color
        self.ascii = ascii
        #: display columns, None for no limit (logical text in a pipe with no COLUMNS)
        self.width = width
        self.stdout = sys.stdout if stdout is None else stdout
        self.stderr = sys.stderr if stderr is None else stderr
        #: the shell command to page through when the output is taller than `height` lines
        self.pager = pager
        self.height = height


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


#: A wider COLUMNS is taken as this many: no table is that wide, and a width of a million
#: digits must not become a number.
MAX_COLUMNS = 10_000


def columns_from(env: Mapping[str, str], name: str = "COLUMNS") -> int | None:
    """The size COLUMNS (or LINES) asks for: a whole number of ASCII digits above 0, else None.

    `str.isdigit` also accepts '²' and other digits that `int` refuses; empty, negative and
    other values are ignored, as if the variable were unset. A longer number is taken as
    MAX_COLUMNS: a million digits must not become a number.
    """
    value = env.get(name, "").strip().lstrip("0")
    if not value or not value.isascii() or not value.isdigit():
        return None
    return MAX_COLUMNS if len(value) > len(str(MAX_COLUMNS)) else min(int(value), MAX_COLUMNS)


def _width(env: Mapping[str, str], stream: TextIO, tty: bool, bidi: str) -> int | None:
    columns = columns_from(env)
    if columns is not None:
        return columns
    if not tty and bidi == "logical":
        # Logical text in a pipe is for grep and sort: one unwrapped line per text.
        return None
    # Visual text is for a screen: the terminal's width, read from stdout or, when that is a
    # pipe (`| less`), from stderr or stdin, which still face the terminal; else 80.
    for handle in (stream, sys.stderr, sys.stdin):
        try:
            columns = os.get_terminal_size(handle.fileno()).columns
        except (AttributeError, ValueError, OSError):
            continue
        if columns > 0:
            return min(columns, MAX_COLUMNS)
    return 80


def pager_command(env: Mapping[str, str]) -> str | None:
    """The pager to use on a terminal, git's way: CSTOREF_PAGER, else PAGER, else less -FRX;
    set but empty, or `cat`, means none."""
    for name in ("CSTOREF_PAGER", "PAGER"):
        if name in env:
            value = env[name].strip()
            return None if value in ("", "cat") else value
    return "less -FRX"


def _height(env: Mapping[str, str], stream: TextIO) -> int | None:
    lines = columns_from(env, "LINES")
    if lines is not None:
        return lines
    try:
        lines_ = os.get_terminal_size(stream.fileno()).lines
    except (AttributeError, ValueError, OSError):
        return None
    return lines_ or None


def _can_encode(stream: TextIO, sample: str) -> bool:
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        sample.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def make_output(
    *,
    json: bool = False,
    lang: str = "both",
    bidi: str | None = None,
    no_color: bool = False,
    no_pager: bool = False,
    env: Mapping[str, str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> Output:
    env = os.environ if env is None else env
    stdout = sys.stdout if stdout is None else stdout
    stderr = sys.stderr if stderr is None else stderr
    if lang not in LANGS:
        raise UsageError(f"--lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if bidi is None:
        bidi = env.get("CSTOREF_BIDI", "").strip().lower() or "auto"
        if bidi not in BIDI_MODES:
            shown = bidi if len(bidi) <= 40 else bidi[:40] + "..."
            raise UsageError(f"CSTOREF_BIDI must be one of {', '.join(BIDI_MODES)}, not {shown!r}")
    elif bidi not in BIDI_MODES:
        raise UsageError(f"--bidi must be one of {', '.join(BIDI_MODES)}, not {bidi!r}")
    tty = _isatty(stdout)
    term = env.get("TERM", "")
    # TERM=dumb (an editor's shell buffer, say) takes no escape sequence at all.
    handling = implicit_terminal(env) if tty and term != "dumb" else None
    if bidi == "auto":
        if not tty:
            bidi = "logical"
        elif handling == _ISOLATE:
            bidi = "isolated"
        else:
            bidi = "visual"
    # Text laid out here must not be reordered again by the terminal, whether visual was
    # chosen for it or asked for with --bidi visual.
    explicit_switch = bidi == "visual" and handling in _SWITCHES
    color = tty and not no_color and not env.get("NO_COLOR") and term != "dumb" and not json
    # Only a screen is paged: never a pipe or a file, nor a terminal that cannot run a pager
    # (dumb, or no TERM at all: less would stop to warn that it is "not fully functional").
    pager = pager_command(env) if tty and not no_pager and term.strip() not in ("", "dumb") else None
    return Output(
        json=json,
        lang=lang,
        bidi=bidi,
        explicit_switch=explicit_switch and not json,
        switch=_SWITCHES.get(handling or "", _SWITCHES[_SWITCHABLE]),
        pin=bidi == "visual" and handling == _KONSOLE and not json,
        tty=tty,
        color=color,
        ascii=term == "dumb" or not _can_encode(stdout, "─│┌"),
        width=_width(env, stdout, tty, bidi),
        stdout=stdout,
        stderr=stderr,
        pager=pager,
        height=_height(env, stdout) if pager else None,
    )

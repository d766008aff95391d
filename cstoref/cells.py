"""What a terminal cell holds: text cleaned of terminal control, its width in cells, and padding.

Only the standard library is imported here, so every output mode (tables, JSON, CSV) can clean
and measure text without paying for the layout.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["char_width", "clean", "pad", "width"]

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

# Format characters that stay: bidi marks (LRM, RLM, ALM) take part in resolution, ZWJ and
# ZWNJ in shaping; none of them is printed.
_KEPT_FORMAT = frozenset("\u200c\u200d\u200e\u200f\u061c")
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
        # Bidi embeddings/overrides/isolates (Trojan Source), ZWSP, soft hyphen, BOM, tags,
        # Arabic prepended number signs: invisible, or of a width terminals disagree on.
        # Marks and joiners stay: they carry meaning, and ``layout`` uses it, then drops them
        # (a printed ZWJ makes some terminals draw an emoji sequence as one wider glyph).
        return c if c in _KEPT_FORMAT else None
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
def char_width(c: str) -> int:
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
    return len(text.translate(_WIDTH_TABLE))


class _WidthTable(dict):
    """A ``str.translate`` table that turns each character into as many as the cells it takes
    (none, one or two), filled in lazily: ``len`` of the result is the width, in C speed."""

    def __missing__(self, cp: int) -> str:
        value = self[cp] = "\0" * char_width(chr(cp))
        return value


_WIDTH_TABLE = _WidthTable()


# --------------------------------------------------------------------------------------------
# pad
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


_cells = width  # ``pad`` takes a parameter named width

"""Arabic letters in the contextual forms a terminal cannot choose itself, one per character.

The joining rules are arabic-reshaper's (its letter table is used as data), computed here so
that each logical character keeps its own shaped form: the layout needs that to carry the
paragraph's bidi levels over to the shaped text, and it keeps shaping linear in the text's
length.  Harakat and the bidi marks (LRM, RLM, ALM) are transparent to joining, ZWJ causes a
join and ZWNJ stops one; all four kinds of invisible character then take no cell.  Lam-alef
becomes one character, in the lam's place; no other ligature is made (word ligatures count
one cell but draw several).
"""

from __future__ import annotations

import os
import re

__all__ = ["MARKS", "forms", "joined_alefs", "shape"]

ZWJ = "\u200d"
ZWNJ = "\u200c"
#: Bidi marks: they take part in resolution, then are never shown.
MARKS = frozenset("\u200e\u200f\u061c")
_INVISIBLE = MARKS | {ZWJ, ZWNJ}
# arabic-reshaper's harakat: marks that joining skips.
_HARAKAT = frozenset(
    chr(cp)
    for first, last in ((0x610, 0x61A), (0x64B, 0x65F), (0x670, 0x670), (0x6D6, 0x6DC),
                        (0x6DF, 0x6E8), (0x6EA, 0x6ED), (0x8D4, 0x8FF))
    for cp in range(first, last + 1)
)
_TRANSPARENT = _HARAKAT | MARKS
_ARABIC_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LAM = "\u0644"
# Lam followed by each alef: (isolated, final) form of their ligature.
_LAM_ALEF = {
    "\u0627": ("\ufefb", "\ufefc"),
    "\u0623": ("\ufef7", "\ufef8"),
    "\u0625": ("\ufef9", "\ufefa"),
    "\u0622": ("\ufef5", "\ufef6"),
}
_RESHAPER_ENV = "PYTHON_ARABIC_RESHAPER_CONFIGURATION_FILE"
_ISOLATED, _INITIAL, _MEDIAL, _FINAL = 0, 1, 2, 3

# Joining types, as one character each, so a regular expression finds the joined runs:
# dual-joining (ZWJ and tatweel too), right-joining (joins only the letter before it),
# transparent.  Anything else joins nothing.
_DUAL, _RIGHT, _SKIP = "\x01", "\x02", "\x04"
_RUN_RE = re.compile("\x01(?:\x04*\x01)*(?:\x04*\x02)?")

_tables: tuple[dict[int, str], ...] | None = None


def _load() -> tuple[dict[int, str], ...]:
    """Translation tables: joining type, and the isolated, initial, medial and final forms."""
    global _tables
    if _tables is None:
        # Importing arabic_reshaper builds its default reshaper from the file this variable
        # names, and raises if that file is missing or malformed; its letters need no file.
        saved = os.environ.pop(_RESHAPER_ENV, None)
        try:
            from arabic_reshaper.letters import LETTERS_ARABIC
        finally:
            if saved is not None:
                os.environ[_RESHAPER_ENV] = saved
        kinds = {ord(c): "\x03" for c in (_DUAL, _RIGHT, "\x03", _SKIP)}  # never in clean text
        kinds.update((ord(c), _SKIP) for c in _TRANSPARENT)
        by_form: list[dict[int, str]] = [{}, {}, {}, {}]
        for c, shapes in LETTERS_ARABIC.items():
            kinds[ord(c)] = _DUAL if shapes[_MEDIAL] else _RIGHT if shapes[_FINAL] else "\x03"
            for f in (_ISOLATED, _INITIAL, _MEDIAL, _FINAL):
                if shapes[f]:
                    by_form[f][ord(c)] = shapes[f]
        _tables = (kinds, *by_form)
    return _tables


def _lam_alefs(text: str):
    """(lam, alef) positions of each lam-alef: the alef right after a lam, or after the lam
    and harakat or marks only."""
    n = len(text)
    start = 0
    while True:
        i = text.find(_LAM, start)
        if i < 0:
            return
        start = j = i + 1
        while j < n and text[j] in _TRANSPARENT:
            j += 1
        if j < n and text[j] in _LAM_ALEF:
            yield i, j
            start = j + 1


def joined_alefs(text: str) -> list[int]:
    """Positions of the alefs that a lam takes into its own cell."""
    return [j for _, j in _lam_alefs(text)] if _LAM in text else []


def forms(text: str, cuts: frozenset[int] | set[int] = frozenset()) -> list[str]:
    """What each character of ``text`` shows as: its shaped form, or "" if nothing.

    ``cuts``: positions where the text is cut into lines; no join crosses them, so the
    letters on either side take end forms.  The work per character is done by
    ``str.translate`` and one regular expression, so a long text costs little.
    """
    if not _ARABIC_RE.search(text):
        return ["" if c in _INVISIBLE else c for c in text]
    kinds, isolated, initial, medial, final = _load()
    types = text.translate(kinds)
    shown = list(text.translate(isolated))
    joined_lams: dict[int, bool] = {}  # position of a joined lam: whether it opens its run
    bounds = [0, *sorted(k for k in cuts if 0 < k < len(text)), len(text)]
    for seg_start, seg_end in zip(bounds, bounds[1:]):
        for run in _RUN_RE.finditer(types, seg_start, seg_end):
            a, b = run.span()
            last = b - 1
            if last == a:
                continue  # one letter: isolated
            shown[a] = text[a].translate(initial)
            if last > a + 1:
                shown[a + 1 : last] = text[a + 1 : last].translate(medial)
            shown[last] = text[last].translate(final)
            if _LAM in text[a:last]:
                k = text.find(_LAM, a, last)
                while k >= 0:
                    joined_lams[k] = k == a
                    k = text.find(_LAM, k + 1, last)
    for c in _INVISIBLE & set(text):
        k = text.find(c)
        while k >= 0:
            shown[k] = ""
            k = text.find(c, k + 1)
    if joined_lams:
        for i, j in _lam_alefs(text):
            opens = joined_lams.get(i)
            if opens is None or any(k in cuts for k in range(i + 1, j + 1)):
                continue
            isolated_form, final_form = _LAM_ALEF[text[j]]
            shown[i] = isolated_form if opens else final_form
            shown[j] = ""
    return shown


def shape(text: str) -> str:
    """``text`` shaped, its invisible characters (ZWJ, ZWNJ, bidi marks) dropped."""
    return "".join(forms(text))

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

__all__ = ["MARKS", "forms", "shape"]

ZWJ = "\u200d"
ZWNJ = "\u200c"
#: Bidi marks: they take part in resolution, then are never shown.
MARKS = frozenset("\u200e\u200f\u061c")
_INVISIBLE = MARKS | {ZWJ, ZWNJ}
# arabic-reshaper's harakat: marks that joining skips.
_HARAKAT = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u08d4-\u08ff]"
)
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
_ISOLATED, _INITIAL, _MEDIAL, _FINAL, _NONE = 0, 1, 2, 3, -1

_letters: dict[str, tuple[str, str, str, str]] | None = None


def _table() -> dict[str, tuple[str, str, str, str]]:
    """arabic-reshaper's letters: (isolated, initial, medial, final) forms, "" for none."""
    global _letters
    if _letters is None:
        # Importing arabic_reshaper builds its default reshaper from the file this variable
        # names, and raises if that file is missing or malformed; its letters need no file.
        saved = os.environ.pop(_RESHAPER_ENV, None)
        try:
            from arabic_reshaper.letters import LETTERS_ARABIC
        finally:
            if saved is not None:
                os.environ[_RESHAPER_ENV] = saved
        _letters = LETTERS_ARABIC
    return _letters


def forms(text: str) -> list[str]:
    """What each character of ``text`` shows as: its shaped form, or "" if nothing."""
    if not _ARABIC_RE.search(text):
        return ["" if c in _INVISIBLE else c for c in text]
    letters = _table()
    harakat = _HARAKAT.match
    n = len(text)
    form = [_NONE] * n
    prev = -1  # the last character that is not transparent
    for i, c in enumerate(text):
        if c in MARKS or harakat(c):
            continue
        shapes = letters.get(c)
        if shapes is not None and prev >= 0 and form[prev] != _NONE and (shapes[_FINAL] or shapes[_MEDIAL]):
            p = text[prev]
            before = letters[p]
            if not (before[_INITIAL] or before[_MEDIAL]):
                form[i] = _ISOLATED
            elif form[prev] == _FINAL and not before[_MEDIAL]:
                form[i] = _ISOLATED
            else:
                form[prev] = _INITIAL if form[prev] == _ISOLATED else _MEDIAL
                form[i] = _FINAL
        elif shapes is not None:
            form[i] = _ISOLATED
        prev = i
    shown = list(text)
    for i, c in enumerate(text):
        f = form[i]
        if c in _INVISIBLE:
            shown[i] = ""
        elif f != _NONE:
            shown[i] = letters[c][f]
    # Lam-alef: the alef next to a lam (harakat and marks between them allowed) joins it.
    start = 0
    while True:
        i = text.find(_LAM, start)
        if i < 0:
            break
        start = j = i + 1
        while j < n and (text[j] in MARKS or harakat(text[j])):
            j += 1
        if j < n and text[j] in _LAM_ALEF and form[i] != _NONE:
            isolated, final = _LAM_ALEF[text[j]]
            shown[i] = isolated if form[i] in (_ISOLATED, _INITIAL) else final
            shown[j] = ""
            start = j + 1
    return shown


def shape(text: str) -> str:
    """``text`` shaped, its invisible characters (ZWJ, ZWNJ, bidi marks) dropped."""
    return "".join(forms(text))

"""The Unicode bidirectional algorithm (UAX #9) for the text a table cell can hold.

Levels are resolved once for a whole paragraph (W1-W7, N0-N2, I1-I2), and each line, once the
paragraph is wrapped, is reordered from those levels (L1, L2), so a line shows the same
characters in the same order whatever the width it was wrapped at.  Cleaned text holds no
explicit embedding, override, isolate, segment or paragraph separator, so a paragraph is one
isolating run sequence at the paragraph level and the X rules reduce to X9: characters of
class BN (ZWJ, ZWNJ) are taken out before resolution.  Every pass is linear in the text's
length, bracket pairing included.  Only the standard library and the generated tables are used.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate

from .mirroring import BRACKETS, MIRRORED

__all__ = ["SUPPORTED", "classes", "line_order", "mirror", "resolve"]

#: The bidi classes this module resolves; text with any other class is outside its domain.
SUPPORTED = frozenset({"L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "WS", "ON", "BN"})

# Pairs' stack depth of BD16: past it, no more brackets are paired in the sequence.
_MAX_DEPTH = 63


def classes(text: str) -> list[str]:
    """Bidi_Class of each character, from the running Python's Unicode database."""
    bidirectional = unicodedata.bidirectional
    return [bidirectional(c) for c in text]


def mirror(c: str) -> str:
    """Bidi_Mirroring_Glyph of ``c``, or ``c`` itself when it has none."""
    return MIRRORED.get(c, c)


_BRACKET_RE = re.compile("[" + "".join(re.escape(c) for c in BRACKETS) + "]")


def _pairs(text: str, position: list[int] | None, types: list[str]) -> list[tuple[int, int]]:
    """BD16: paired brackets as positions in ``types``, sorted by their opening one.

    ``position`` maps a text index to its index in ``types`` (None: the same).
    """
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for found in _BRACKET_RE.finditer(text):
        k = found.start() if position is None else position[found.start()]
        if types[k] != "ON":
            continue
        key, opening = BRACKETS[found.group()]
        if opening:
            if len(stack) == _MAX_DEPTH:
                break
            stack.append((key, k))
        else:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == key:
                    pairs.append((stack[depth][1], k))
                    del stack[depth:]
                    break
    pairs.sort()
    return pairs


def _weak(t: list[str], e: str) -> None:
    """W1-W7 in place on one isolating run sequence whose sos and eos are ``e``.

    Each rule runs only where its classes occur, so plain text costs a few scans in C.
    """
    n = len(t)
    present = set(t)
    if "NSM" in present:  # W1
        prev = e
        for i in range(n):
            if t[i] == "NSM":
                t[i] = prev
            else:
                prev = t[i]
    if "AL" in present:
        if "EN" in present:  # W2
            last = e
            for i in range(n):
                kind = t[i]
                if kind in ("L", "R", "AL"):
                    last = kind
                elif kind == "EN" and last == "AL":
                    t[i] = "AN"
        t[:] = ["R" if kind == "AL" else kind for kind in t]  # W3
    if "ES" in present or "CS" in present:  # W4
        for i in [i for i, kind in enumerate(t) if kind == "ES" or kind == "CS"]:
            if 0 < i < n - 1:
                before = t[i - 1]
                if before == t[i + 1] and (before == "EN" or (before == "AN" and t[i] == "CS")):
                    t[i] = before
    if "ET" in present:  # W5
        i = 0
        while i < n:
            if t[i] == "ET":
                j = i
                while j < n and t[j] == "ET":
                    j += 1
                if (i > 0 and t[i - 1] == "EN") or (j < n and t[j] == "EN"):
                    t[i:j] = ["EN"] * (j - i)
                i = j
            else:
                try:
                    i = t.index("ET", i + 1)
                except ValueError:
                    break
    if present & {"ES", "ET", "CS"}:  # W6
        t[:] = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in t]
    if "EN" in t and (e == "L" or "L" in present):  # W7
        last = e
        for i in range(n):
            kind = t[i]
            if kind == "L" or kind == "R":
                last = kind
            elif kind == "EN" and last == "L":
                t[i] = "L"


_AS_STRONG = {"L": "L", "R": "R", "EN": "R", "AN": "R"}  # N0, N1: numbers count as R


def _brackets(text: str, position: list[int] | None, original: list[str], t: list[str], e: str) -> None:
    """N0 in place, in time linear in the sequence's length.

    Which strong types a pair encloses is read from prefix counts taken before N0: pairs nest
    or are disjoint, so no pair resolved earlier lies inside a later one.  The strong type
    before a pair is searched backwards, and each pair that searched becomes strong itself, so
    no position is searched twice.
    """
    pairs = _pairs(text, position, t)
    if not pairs:
        return
    n = len(t)
    count_l = [0, *accumulate([kind == "L" for kind in t])]
    count_r = [0, *accumulate([kind in ("R", "EN", "AN") for kind in t])]
    opposite = "R" if e == "L" else "L"
    for o, c in pairs:
        inside_l = count_l[c] - count_l[o + 1]
        inside_r = count_r[c] - count_r[o + 1]
        if (inside_l if e == "L" else inside_r):
            new = e
        elif (inside_r if e == "L" else inside_l):
            before = e
            for k in range(o - 1, -1, -1):
                strong = _AS_STRONG.get(t[k])
                if strong is not None:
                    before = strong
                    break
            new = opposite if before == opposite else e
        else:
            continue
        for k in (o, c):
            t[k] = new
            k += 1
            while k < n and original[k] == "NSM":
                t[k] = new
                k += 1


def _neutrals(t: list[str], e: str) -> None:
    """N1, N2 in place: a run of neutrals takes the direction around it, else ``e``."""
    n = len(t)
    neutral = [i for i, kind in enumerate(t) if kind == "WS" or kind == "ON"]
    count = len(neutral)
    k = 0
    while k < count:
        i = neutral[k]
        j = i + 1
        k += 1
        while k < count and neutral[k] == j:
            j += 1
            k += 1
        before = _AS_STRONG[t[i - 1]] if i > 0 else e
        after = _AS_STRONG[t[j]] if j < n else e
        t[i:j] = [before if before == after else e] * (j - i)


def resolve(text: str, rtl: bool, kinds: list[str] | None = None) -> list[int]:
    """Embedding level of each character of one paragraph, before L1.

    ``kinds`` are the characters' bidi classes, if already known.  A BN character takes the
    level of the character before it (it is never shown).  Raises ValueError for a class
    outside ``SUPPORTED``.
    """
    if kinds is None:
        kinds = classes(text)
    present = set(kinds)
    if not SUPPORTED.issuperset(present):
        raise ValueError(f"bidi classes outside a cleaned cell: {sorted(present - SUPPORTED)}")
    paragraph = int(rtl)
    n = len(text)
    # Fast paths: text whose every character ends at the paragraph level.
    if not rtl and present.isdisjoint(("R", "AL", "AN")):
        return [0] * n
    if rtl and present.isdisjoint(("L", "EN", "AN")):
        return [1] * n
    position = None
    if "BN" in present:
        keep = [i for i, kind in enumerate(kinds) if kind != "BN"]
        original = [kinds[i] for i in keep]
        position = [0] * n
        for k, i in enumerate(keep):
            position[i] = k
    else:
        keep = range(n)  # type: ignore[assignment]
        original = kinds
    e = "R" if rtl else "L"
    t = list(original)
    _weak(t, e)
    _brackets(text, position, original, t, e)
    _neutrals(t, e)
    if rtl:  # I2
        resolved = [1 if kind == "R" else 2 for kind in t]
    else:  # I1
        resolved = [0 if kind == "L" else 1 if kind == "R" else 2 for kind in t]
    if len(resolved) == n:
        return resolved
    levels = [paragraph] * n
    for k, i in enumerate(keep):
        levels[i] = resolved[k]
    previous = paragraph
    for i, kind in enumerate(kinds):
        if kind == "BN":
            levels[i] = previous
        previous = levels[i]
    return levels


def line_order(levels: list[int], kinds: list[str], start: int, end: int, rtl: bool) -> tuple[list[int], list[int]]:
    """One line of a resolved paragraph, ``[start, end)``: (indices in display order, levels).

    L1 puts whitespace at the line's end back to the paragraph level, L2 reverses.  The
    indices are the paragraph's, BN characters left out; the levels are the line's own
    (``levels[start:end]`` after L1), which L3 and L4 need.
    """
    paragraph = int(rtl)
    line = levels[start:end]
    span = kinds[start:end]
    k = end - start - 1
    while k >= 0 and span[k] in ("WS", "BN"):
        line[k] = paragraph
        k -= 1
    if "BN" in span:
        order = [start + k for k, kind in enumerate(span) if kind != "BN"]
        shown_levels = [line[i - start] for i in order]
    else:
        order = list(range(start, end))
        shown_levels = line
    if not order:
        return order, line
    low, high = min(shown_levels), max(shown_levels)
    if low == high:  # one run: nothing or everything reversed
        return (order[::-1] if low % 2 else order), line
    lowest = low if low % 2 else low + 1
    # L2 on runs of one level: each pass reverses whole runs, so a line costs its runs.
    cuts = [k for k in range(1, len(order)) if shown_levels[k] != shown_levels[k - 1]]
    runs = [(shown_levels[a], order[a:b]) for a, b in zip([0, *cuts], [*cuts, len(order)])]
    for level in range(high, lowest - 1, -1):
        flipped = []
        i = 0
        count = len(runs)
        while i < count:
            if runs[i][0] >= level:
                j = i + 1
                while j < count and runs[j][0] >= level:
                    j += 1
                flipped.extend((lv, items[::-1]) for lv, items in reversed(runs[i:j]))
                i = j
            else:
                flipped.append(runs[i])
                i += 1
        runs = flipped
    return [i for _, items in runs for i in items], line

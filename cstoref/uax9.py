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

import unicodedata

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


def _pairs(text: str, keep: list[int], types: list[str]) -> list[tuple[int, int]]:
    """BD16: paired brackets as positions in ``types``, sorted by their opening one."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for k, kind in enumerate(types):
        if kind != "ON":
            continue
        entry = BRACKETS.get(text[keep[k]])
        if entry is None:
            continue
        key, opening = entry
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
    """W1-W7 in place on one isolating run sequence whose sos and eos are ``e``."""
    n = len(t)
    prev = e
    last = e
    for i in range(n):  # W1, W2, W3 in one pass: each reads only what is before it
        kind = t[i]
        if kind == "NSM":
            kind = prev
        prev = kind
        if kind in ("L", "R"):
            last = kind
        elif kind == "AL":
            last = "AL"
            kind = "R"
        elif kind == "EN" and last == "AL":
            kind = "AN"
        t[i] = kind
    for i in range(1, n - 1):  # W4
        kind = t[i]
        if kind == "ES":
            if t[i - 1] == "EN" == t[i + 1]:
                t[i] = "EN"
        elif kind == "CS":
            before = t[i - 1]
            if before == t[i + 1] and before in ("EN", "AN"):
                t[i] = before
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
    last = e
    for i in range(n):  # W6, W7
        kind = t[i]
        if kind in ("ES", "ET", "CS"):
            t[i] = "ON"
        elif kind in ("L", "R"):
            last = kind
        elif kind == "EN" and last == "L":
            t[i] = "L"


_AS_STRONG = {"L": "L", "R": "R", "EN": "R", "AN": "R"}  # N0, N1: numbers count as R


def _brackets(text: str, keep: list[int], original: list[str], t: list[str], e: str) -> None:
    """N0 in place, in time linear in the sequence's length.

    Which strong types a pair encloses is read from prefix counts taken before N0: pairs nest
    or are disjoint, so no pair resolved earlier lies inside a later one.  The strong type
    before a pair is searched backwards, and each pair that searched becomes strong itself, so
    no position is searched twice.
    """
    pairs = _pairs(text, keep, t)
    if not pairs:
        return
    n = len(t)
    count_l = [0] * (n + 1)
    count_r = [0] * (n + 1)
    cl = cr = 0
    for i, kind in enumerate(t):
        strong = _AS_STRONG.get(kind)
        if strong == "L":
            cl += 1
        elif strong == "R":
            cr += 1
        count_l[i + 1] = cl
        count_r[i + 1] = cr
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
    i = 0
    while i < n:
        if t[i] in ("WS", "ON"):
            j = i
            while j < n and t[j] in ("WS", "ON"):
                j += 1
            before = _AS_STRONG[t[i - 1]] if i > 0 else e
            after = _AS_STRONG[t[j]] if j < n else e
            t[i:j] = [before if before == after else e] * (j - i)
            i = j
        else:
            i += 1


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
    if "BN" in present:
        keep = [i for i, kind in enumerate(kinds) if kind != "BN"]
        original = [kinds[i] for i in keep]
    else:
        keep = range(n)  # type: ignore[assignment]
        original = kinds
    e = "R" if rtl else "L"
    t = list(original)
    _weak(t, e)
    _brackets(text, keep, original, t, e)  # type: ignore[arg-type]
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
    k = end - start - 1
    while k >= 0 and kinds[start + k] in ("WS", "BN"):
        line[k] = paragraph
        k -= 1
    shown = [(start + k, lv) for k, lv in enumerate(line) if kinds[start + k] != "BN"]
    order = [i for i, _ in shown]
    if not shown:
        return order, line
    odd = [lv for _, lv in shown if lv % 2]
    if odd:
        lv_of = [lv for _, lv in shown]
        lowest = min(odd)
        for level in range(max(lv_of), lowest - 1, -1):
            i = 0
            count = len(order)
            while i < count:
                if lv_of[i] >= level:
                    j = i + 1
                    while j < count and lv_of[j] >= level:
                        j += 1
                    order[i:j] = order[i:j][::-1]
                    lv_of[i:j] = lv_of[i:j][::-1]
                    i = j
                else:
                    i += 1
    return order, line

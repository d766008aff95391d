"""The reorder path against Unicode's own conformance tests, BidiCharacterTest.txt and BidiTest.txt.

Both files come with Debian's unicode-data package (.ci/run installs it).  A case is in the
domain of ``layout`` when cleaning leaves its text as it is (no control, embedding, override,
isolate, segment or paragraph separator) and every character has the same bidi class in the
running Python as in the files' Unicode version.  Every such case must pass; the figures are
printed at the end of the test run.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from cstoref import bidi, uax9

UCD = Path(os.environ.get("CSTOREF_UCD_DIR") or "/usr/share/unicode")
FIGURES: list[str] = []  # printed by conftest's terminal summary


def _need(name: str) -> Path:
    path = UCD / name
    if path.exists():
        return path
    reason = f"{path} is missing (Debian's unicode-data package; .ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, and CI must run this test")
    pytest.skip(reason)


def _file_classes() -> dict[int, str]:
    """Bidi_Class of every code point listed in the files' own UnicodeData.txt."""
    found: dict[int, str] = {}
    first = None
    for line in _need("UnicodeData.txt").read_text(encoding="utf-8").splitlines():
        fields = line.split(";")
        cp = int(fields[0], 16)
        if fields[1].endswith("First>"):
            first = cp
            continue
        if fields[1].endswith("Last>") and first is not None:
            for c in range(first, cp + 1):
                found[c] = fields[4]
            first = None
            continue
        found[cp] = fields[4]
    return found


def _check(text: str, rtl: bool) -> tuple[int, list[int], list[int]]:
    """Paragraph level, levels and display order, as ``layout`` computes them for one line."""
    kinds = uax9.classes(text)
    levels = uax9.resolve(text, rtl, kinds)
    order, line_levels = uax9.line_order(levels, kinds, 0, len(text), rtl)
    return int(rtl), line_levels, order


def _in_domain(text: str) -> bool:
    return bidi.clean(text) == text and uax9.SUPPORTED.issuperset(uax9.classes(text))


def test_bidi_character_test():
    path = _need("BidiCharacterTest.txt")
    classes = _file_classes()
    total = in_domain = passed = 0
    failures = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        total += 1
        points, direction, level, levels, order = line.split(";")
        text = "".join(chr(int(cp, 16)) for cp in points.split())
        if not _in_domain(text) or any(
            classes.get(ord(c), "L") != unicodedata.bidirectional(c) for c in text
        ):
            continue
        in_domain += 1
        rtl = {"0": False, "1": True}.get(direction, bidi.direction(text) == "rtl")
        got_level, got_levels, got_order = _check(text, rtl)
        want_levels = levels.split()
        ok = got_level == int(level) and got_order == [int(x) for x in order.split()] and all(
            want == "x" or int(want) == got for want, got in zip(want_levels, got_levels)
        )
        if ok:
            passed += 1
        elif len(failures) < 5:
            failures.append((points, direction, level, levels, order, got_level, got_levels, got_order))
    FIGURES.append(
        f"BidiCharacterTest.txt: {passed} of {in_domain} cases in layout's domain pass "
        f"({100 * passed / in_domain:.1f}%); {total} cases in the file"
    )
    assert in_domain > 80_000
    assert passed == in_domain, failures


# A character of each class that layout accepts, as the running Python classes it.
SAMPLE = {
    "L": "a", "R": "\u05d0", "AL": "\u0627", "EN": "1", "ES": "+", "ET": "$", "AN": "\u0660",
    "CS": ",", "NSM": "\u0300", "BN": "\u200d", "WS": " ", "ON": "!",
}


def test_bidi_test():
    path = _need("BidiTest.txt")
    assert all(unicodedata.bidirectional(c) == kind for kind, c in SAMPLE.items())
    total = in_domain = passed = 0
    failures = []
    levels: list[str] = []
    order: list[int] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("@Levels:"):
            levels = line.split(":", 1)[1].split()
            continue
        if line.startswith("@Reorder:"):
            order = [int(x) for x in line.split(":", 1)[1].split()]
            continue
        if line.startswith("@"):
            continue
        kinds, bitset = line.split(";")
        kinds = kinds.split()
        bits = int(bitset)
        cases = sum(1 for bit in (1, 2, 4) if bits & bit)
        total += cases
        if not all(kind in SAMPLE for kind in kinds):
            continue
        text = "".join(SAMPLE[kind] for kind in kinds)
        for bit in (1, 2, 4):
            if not bits & bit:
                continue
            in_domain += 1
            rtl = {2: False, 4: True}.get(bit, bidi.direction(text) == "rtl")
            _level, got_levels, got_order = _check(text, rtl)
            ok = got_order == order and all(
                want == "x" or int(want) == got for want, got in zip(levels, got_levels)
            )
            if ok:
                passed += 1
            elif len(failures) < 5:
                failures.append((kinds, bit, levels, order, got_levels, got_order))
    FIGURES.append(
        f"BidiTest.txt: {passed} of {in_domain} cases in layout's domain pass "
        f"({100 * passed / in_domain:.1f}%); {total} cases in the file"
    )
    assert in_domain > 50_000
    assert passed == in_domain, failures

"""Every wrapped line against ICU: its paragraph resolved as a whole (setPara), the line then
reordered on its own (setLine), on the store's texts and on random mixed text at many widths."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from cstoref import bidi
from cstoref.mirroring import BRACKETS, MIRRORED

ORACLE = Path(__file__).with_name("icu_oracle.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # where Debian's python3-icu is importable
FIGURES: list[str] = []


def _oracle_python() -> str:
    for python in (sys.executable, SYSTEM_PYTHON):
        if os.path.exists(python) and subprocess.run(
            [python, "-c", "import icu"], capture_output=True, timeout=60
        ).returncode == 0:
            return python
    reason = "ICU's Python bindings are missing (PyICU, or Debian's python3-icu: .ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, and CI must run this test")
    pytest.skip(reason)


def _ask(request: dict) -> dict:
    result = subprocess.run(
        [_oracle_python(), str(ORACLE)], input=json.dumps(request), capture_output=True, text=True,
        encoding="utf-8", timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _strings(value, found: list[str]) -> list[str]:
    if isinstance(value, str):
        if any(c.isalpha() for c in value):
            found.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _strings(item, found)
    elif isinstance(value, list):
        for item in value:
            _strings(item, found)
    return found


# Characters whose bidi class is the same in every Unicode version since 6.3, so that ICU's
# database and the running Python's agree on them.
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
HEBREW = "אבגדהוזחטיכלמנסעפצקרשת"
LATIN = "abcdefghijklmnopqrstuvwxyzCSTO"
TOKENS = (
    [ARABIC] * 6 + [LATIN] * 4 + [HEBREW] + ["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳"]
    + ["()[]{}<>«»‹›⁅⁆〈〉"] * 2 + [".,:;!?-/%+#،؛؟'\"&*=_$€°£~^|\\@", "\u064b\u064e\u0650\u0651\u0301"]
    + ["\u00a0\u202f"] + ["\u200e\u200f\u061c\u200c\u200d"]
)


def _random_text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(1, 120)):
        if rng.random() < 0.2:
            out.append(" ")
        else:
            out.append(rng.choice(rng.choice(TOKENS)))
    return "".join(out)


def _compare(cells: list[tuple[str, int, str | None]]) -> tuple[int, list]:
    """(lines compared, lines that differ) for each (text, width, base)."""
    mine = []
    paragraphs = []
    for text, width, base in cells:
        for para, rtl, lines in bidi.wrapped_orders(text, width, base=base):
            if not lines:
                continue
            paragraphs.append([para, int(rtl), [[s, e] for s, e, _ in lines]])
            mine.append((para, rtl, lines))
    answer = _ask({"paragraphs": paragraphs})
    compared, differ = 0, []
    for (para, rtl, lines), theirs in zip(mine, answer["orders"]):
        for (s, e, order), icu_order in zip(lines, theirs):
            # BN characters (ZWJ, ZWNJ) are never shown: ICU keeps them in its map.
            icu_order = [i for i in icu_order if unicodedata.bidirectional(para[i]) != "BN"]
            compared += 1
            if order != icu_order:
                differ.append((para, rtl, para[s:e], s, e, order, icu_order))
    return compared, differ


BRACKET_CHARS = frozenset(BRACKETS)
WIDTHS = (1, 3, 4, 6, 8, 10, 12, 16, 20, 24, 30, 40, 60, 80, 100, 200)


def test_store_texts_wrap_as_icu_orders_them(store_doc):
    texts = sorted(set(_strings(store_doc, [])))
    assert len(texts) > 200
    cells = [(text, width, None) for text in texts for width in WIDTHS]
    cells += [(text, width, base) for text in texts for width in (7, 25) for base in ("rtl", "ltr")]
    compared, differ = _compare(cells)
    FIGURES.append(f"ICU, store texts: {compared - len(differ)} of {compared} wrapped lines identical")
    assert compared > 50_000
    assert not differ, differ[:5]


def _icu_deviation(para: str, s: int, e: int) -> str | None:
    """Which of ICU's two known departures from the UAX #9 reference a line can meet, if any.

    1. N0 says that NSMs right after a paired bracket whose type N0 changed take the
       bracket's type; ICU 72 leaves them alone when the pair took its type from the context
       before it (N0 c.1).  2. L1 counts BN with whitespace at a line's end, as the reference
       implementation's isWhitespace does; ICU does not when BN and spaces alternate there.
    Both follow the reference here, and BidiCharacterTest.txt covers neither.
    """
    kinds = [unicodedata.bidirectional(c) for c in para]
    for i in range(1, len(para)):
        if kinds[i] == "NSM" and para[i - 1] in BRACKET_CHARS:
            return "NSM after a paired bracket"
    k = e - 1
    while k >= s and kinds[k] in ("WS", "BN"):
        if kinds[k] == "BN" and k > s and kinds[k - 1] == "WS":
            return "BN among trailing whitespace"
        k -= 1
    return None


def test_random_mixed_text_wraps_as_icu_orders_it():
    rng = random.Random(20240915)
    cells = [(_random_text(rng), rng.choice(WIDTHS[:10]) if rng.random() < 0.7 else rng.randint(1, 60),
              rng.choice((None, "rtl", "ltr"))) for _ in range(6000)]
    compared, differ = _compare(cells)
    explained = Counter()
    unexplained = []
    for para, _rtl, line, s, e, _mine, _theirs in differ:
        why = _icu_deviation(para, s, e)
        if why is None:
            unexplained.append((para, line))
        explained[why] += 1
    FIGURES.append(
        f"ICU, random mixed text: {compared - len(differ)} of {compared} wrapped lines identical; "
        + (", ".join(f"{n} where {why} (ICU departs from UAX #9)" for why, n in explained.items()) or "no other")
    )
    assert compared > 20_000
    assert not unexplained, unexplained[:5]
    assert len(differ) * 1000 < compared


def test_nsm_after_a_bracket_takes_its_type_as_n0_says():
    # The pair takes R from the context before it (N0 c.1); the fathatan after the closing
    # bracket then goes with it, so "}" and its mark stay together at the right-to-left level.
    from cstoref import uax9

    assert uax9.resolve("\u0628{\u062c}\u064bc", False) == [1, 1, 1, 1, 1, 0]
    assert uax9.resolve("a {\u062c}\u064bc", False) == [0, 0, 0, 1, 0, 0, 0]


def test_mirroring_table_is_icus_for_every_character_both_know():
    known = [
        cp for cp in range(0x110000)
        if unicodedata.mirrored(chr(cp)) and unicodedata.category(chr(cp)) != "Cn"
    ]
    answer = _ask({"mirror": known})
    theirs = {chr(cp): chr(glyph) for cp, glyph in zip(known, answer["mirror"]) if glyph is not None}
    ours = {c: m for c, m in MIRRORED.items()}
    assert ours == theirs
    assert len(ours) >= 420

"""UAX #9 line orders from ICU (ubidi setPara on a paragraph, setLine per line), for the tests.

Run by whichever Python has ICU's bindings (PyICU, or Debian's python3-icu for the system
Python).  Reads JSON from stdin: {"paragraphs": a list of [paragraph, paragraph level,
[[start, end], ...]] with code point indices, "mirror": a list of code points}; writes
{"unicode": ICU's Unicode version, "orders": for each paragraph each line's logical indices in
display order (code point indices into the paragraph), "mirror": each code point's
Bidi_Mirroring_Glyph, or null when it has none}, as JSON.
"""

from __future__ import annotations

import json
import sys

import icu


def orders(text: str, level: int, spans: list[list[int]]) -> list[list[int]]:
    # ICU counts UTF-16 units; the tests count code points.
    unit_of = []
    point_of = []
    for k, c in enumerate(text):
        unit_of.append(len(point_of))
        point_of.extend([k] * (2 if ord(c) > 0xFFFF else 1))
    unit_of.append(len(point_of))
    paragraph = icu.Bidi()
    paragraph.setPara(icu.UnicodeString(text), level)
    found = []
    for start, end in spans:
        if start == end:
            found.append([])
            continue
        line = paragraph.setLine(unit_of[start], unit_of[end])
        shown: list[int] = []
        for unit in line.getVisualMap():
            point = point_of[unit_of[start] + unit]
            if not shown or shown[-1] != point or ord(text[point]) <= 0xFFFF:
                shown.append(point)
        found.append(shown)
    return found


def main() -> None:
    asked = json.load(sys.stdin)
    mirrored = []
    for cp in asked.get("mirror", []):
        glyph = icu.Char.charMirror(chr(cp)) if icu.Char.isMirrored(chr(cp)) else chr(cp)
        mirrored.append(None if glyph == chr(cp) else ord(glyph))
    json.dump({
        "unicode": icu.UNICODE_VERSION,
        "orders": [orders(*case) for case in asked.get("paragraphs", [])],
        "mirror": mirrored,
    }, sys.stdout)


if __name__ == "__main__":
    main()

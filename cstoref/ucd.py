"""Writes ``cstoref/mirroring.py`` from the Unicode Character Database files Debian ships.

Python's ``unicodedata`` knows whether a character is mirrored but not its mirror glyph nor
its paired bracket, so those come from BidiMirroring.txt and BidiBrackets.txt, as installed
by Debian's ``unicode-data`` package.  The table must be for the running Python's Unicode
version.  When the files are of another version, it is derived from them: a mirroring pair
is kept when both characters are assigned in the running Python and it calls the first one
mirrored, a bracket pair when both are assigned and are opening and closing punctuation
(Ps, Pe) there.  Bidi_Mirroring_Glyph and Bidi_Paired_Bracket of a character, once given,
have never been changed by a later Unicode version, so this is the running version's table
for every character the two versions share.
"""

from __future__ import annotations

import os
import unicodedata

#: Where Debian's unicode-data package puts the Unicode Character Database.
UCD_DIR = "/usr/share/unicode"
_ENV = "CSTOREF_UCD_DIR"


def _read(name: str) -> tuple[str, list[list[str]]]:
    """(the file's Unicode version, its data lines split into fields)."""
    path = os.path.join(os.environ.get(_ENV) or UCD_DIR, name)
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise SystemExit(
            f"{name} not found in {os.path.dirname(path)}: install Debian's unicode-data "
            f"package (or set {_ENV} to a directory holding the Unicode Character Database)"
        ) from None
    first = text.split("\n", 1)[0]  # "# BidiMirroring-15.0.0.txt"
    version = first.rsplit("-", 1)[-1].removesuffix(".txt")
    rows = []
    for line in text.split("\n"):
        line = line.split("#", 1)[0].strip()
        if line:
            rows.append([field.strip() for field in line.split(";")])
    return version, rows


def _assigned(c: str) -> bool:
    return unicodedata.category(c) != "Cn"


def _key(c: str) -> str:
    """A bracket as BD16 compares it: canonical equivalents (U+2329, U+3008) alike."""
    return unicodedata.normalize("NFD", c)


def _escaped(text: str) -> str:
    return "".join(f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}" for c in text)


def mirroring_module() -> str:
    """The text of ``cstoref/mirroring.py`` for the running Python's Unicode version."""
    running = unicodedata.unidata_version
    mirror_version, mirror_rows = _read("BidiMirroring.txt")
    bracket_version, bracket_rows = _read("BidiBrackets.txt")
    sources, targets = [], []
    for source, target in ((chr(int(a, 16)), chr(int(b, 16))) for a, b in mirror_rows):
        if _assigned(source) and _assigned(target) and unicodedata.mirrored(source):
            sources.append(source)
            targets.append(target)
    brackets = []
    for a, b, kind in bracket_rows:
        c, pair = chr(int(a, 16)), chr(int(b, 16))
        if _assigned(c) and _assigned(pair) and unicodedata.category(c) == {"o": "Ps", "c": "Pe"}[kind]:
            brackets.append((c, _key(pair) if kind == "o" else _key(c), kind == "o"))
    if mirror_version == running == bracket_version:
        how = f"from BidiMirroring.txt and BidiBrackets.txt {running}"
    else:
        how = (
            f"derived from BidiMirroring.txt {mirror_version} and BidiBrackets.txt "
            f"{bracket_version} for the characters Unicode {running} has (see cstoref/ucd.py)"
        )
    lines = [
        f'"""Bidi_Mirroring_Glyph and Bidi_Paired_Bracket for Unicode {running}: generated, do not edit.',
        "",
        f"Written by `python -m cstoref.generate`, {how}.",
        '"""',
        "",
        f'UNICODE_VERSION = "{running}"',
        "",
        "#: Bidi_Mirroring_Glyph: each mirrored character that has a mirror glyph, and that glyph.",
        "MIRRORED = dict(zip(",
    ]
    for chunk in range(0, len(sources), 16):
        lines.append(f'    "{_escaped("".join(sources[chunk:chunk + 16]))}"')
    lines.append("    ,")
    for chunk in range(0, len(targets), 16):
        lines.append(f'    "{_escaped("".join(targets[chunk:chunk + 16]))}"')
    lines += [
        "))",
        "",
        "#: Paired brackets (BD14, BD15): each one's pairing key (its closing bracket, canonical),",
        "#: and whether it opens.",
        "BRACKETS = {",
    ]
    for c, key, opening in brackets:
        lines.append(f'    "{_escaped(c)}": ("{_escaped(key)}", {opening}),')
    lines += ["}", ""]
    return "\n".join(lines)

"""The command line as plain data, for the fast path of `entry` (no imports, no Typer).

It mirrors the Typer app in `cli`; a test fails when the two differ.
"""

from __future__ import annotations

from typing import Any


class Opt:
    """One option or argument. (Plain classes: dataclasses cost more to import than this.)"""

    __slots__ = ("dest", "kind", "default", "choices", "required", "min", "max")

    def __init__(self, dest: str, kind: str, default: Any = None, choices: tuple[str, ...] = (),
                 required: bool = False, min: int = 0, max: int = 0) -> None:
        self.dest = dest
        self.kind = kind  # flag, choice, int or str
        self.default = default
        self.choices = choices
        self.required = required
        self.min = min
        self.max = max


class Command:
    __slots__ = ("options", "arguments")

    def __init__(self, options: dict[str, Opt] | None = None, arguments: tuple[Opt, ...] = ()) -> None:
        self.options = options or {}
        self.arguments = arguments


COMMON: dict[str, Opt] = {
    "--json": Opt("json", "flag", False),
    "--lang": Opt("lang", "choice", "both", ("both", "en", "ar")),
    "--bidi": Opt("bidi", "choice", None, ("auto", "visual", "logical")),
    "--db": Opt("db", "str", None),
    "--no-color": Opt("no_color", "flag", False),
}

_YEAR = dict(min=1000, max=9999)

COMMANDS: dict[str, Command] = {
    "members": Command(options={"--status": Opt("status", "choice", "all", ("member", "former", "observer", "all"))}),
    "timeline": Command(options={"--from": Opt("from_year", "int", None, **_YEAR), "--to": Opt("to_year", "int", None, **_YEAR)}),
    "deployment": Command(arguments=(Opt("year", "int", None, **_YEAR),)),
    "quote": Command(
        options={"--speaker": Opt("speaker", "str", None), "--random": Opt("random", "flag", False)},
        arguments=(Opt("text", "str", None),),
    ),
    "search": Command(arguments=(Opt("text", "str", None, required=True),)),
    "sources": Command(arguments=(Opt("source_id", "str", None),)),
    "about": Command(),
}

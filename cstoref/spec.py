"""The command line as plain data, for the fast path of `entry` (no imports, no Typer).

It mirrors the Typer app in `cli`; a test fails when the two differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Opt:
    dest: str
    kind: str  # flag, choice, int, str
    default: Any = None
    choices: tuple[str, ...] = ()
    required: bool = False
    min: int = 0
    max: int = 0


@dataclass(frozen=True)
class Command:
    options: dict[str, Opt] = field(default_factory=dict)
    arguments: tuple[Opt, ...] = ()


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

"""The command tree that completion describes: each command's options and what its words complete to.

Built from the Click command tree (`cli` hands it over), so this module never imports Typer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SHELLS = ("bash", "fish", "zsh")
KINDS = ("years", "event-years", "speakers", "sources", "ids")

# What each parameter's values are. The command tree knows choices, not which store values or
# that a value is a file, so that is said here, by parameter name.
_PARAM_VALUES = {
    "year": "years",
    "from_date": "event-years",
    "to_date": "event-years",
    "speaker": "speakers",
    "source_id": "sources",
    "record_id": "ids",
    "db": "files",
}


@dataclass(frozen=True)
class Values:
    """What a word completes to: "choice" (with `choices`), a store KIND, "files", or "text"."""

    kind: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Option:
    names: tuple[str, ...]
    help: str
    values: Values | None  # None for a flag


@dataclass(frozen=True)
class Command:
    path: tuple[str, ...]  # () for the program itself, ("completion", "bash") for a subcommand's
    help: str
    options: tuple[Option, ...]
    argument: Values | None  # the first positional word: a subcommand (choice), a value, or none

    @property
    def name(self) -> str:
        return " ".join(self.path)


# --- the command tree -------------------------------------------------------------------------


def _values(param: Any) -> Values:
    kind = _PARAM_VALUES.get(param.name)
    if kind:
        return Values(kind)
    choices = getattr(param.type, "choices", None)
    if choices:
        return Values("choice", tuple(str(c) for c in choices))
    return Values("text")


def command_tree(root: Any) -> list[Command]:
    """Every visible command under the Click command `root`, itself first, sorted by path."""
    found: list[Command] = []

    def walk(command: Any, path: tuple[str, ...], parent: Any) -> None:
        # A context made as Click makes it, so that -h joins --help as it does at run time.
        settings = getattr(command, "context_settings", None) or {}
        ctx = command.context_class(command, info_name=(path or ("cstoref",))[-1], parent=parent, **settings)
        options: list[Option] = []
        argument: Values | None = None
        for param in command.get_params(ctx):
            if getattr(param, "hidden", False):
                continue
            if param.param_type_name == "option":
                names = sorted([*param.opts, *param.secondary_opts], key=lambda n: (n.startswith("--"), n))
                options.append(Option(tuple(names), param.help or "", None if param.is_flag else _values(param)))
            elif argument is None:
                argument = _values(param)
        children = {n: c for n, c in sorted(getattr(command, "commands", {}).items()) if not c.hidden}
        if children:
            argument = Values("choice", tuple(children))
        help_text = command.get_short_help_str(limit=200) if path else ""
        found.append(Command(path, help_text, tuple(sorted(options, key=lambda o: o.names[-1])), argument))
        for name, child in children.items():
            walk(child, (*path, name), ctx)

    walk(root, (), None)
    return found


def children(command: Command, commands: list[Command]) -> list[Command]:
    return [c for c in commands if c.path and c.path[:-1] == command.path]


"""Writes every generated file from its hand-written source: `python -m cstoref.generate`.

Each entry of `TARGETS` names a file (relative to the checkout) and the function that returns
its text. `python -m cstoref.generate --check` writes nothing and exits 1 naming each stale
file; the test suite runs the same check, so a stale file fails a test that names this command.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable

COMMAND = "python -m cstoref.generate"

# path -> "module:function" returning the file's text; imported only when generating.
TARGETS: dict[str, str] = {
    "cstoref/helptext.py": "cstoref.cli:help_module",
    "completions/cstoref.bash": "cstoref.cli:bash_script",
    "completions/_cstoref": "cstoref.cli:zsh_script",
    "completions/cstoref.fish": "cstoref.cli:fish_script",
    "cstoref/mirroring.py": "cstoref.ucd:mirroring_module",
    "cstoref/retrieve/bundled.json": "cstoref.retrieve.index:bundled_text",
}


def root() -> str:
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def producer(target: str) -> Callable[[], str]:
    module, _, name = TARGETS[target].partition(":")
    return getattr(importlib.import_module(module), name)


def stale() -> list[str]:
    """The generated files whose committed text differs from what their source gives now."""
    found = []
    for target in TARGETS:
        path = os.path.join(root(), target)
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                current = handle.read()
        except FileNotFoundError:
            current = None
        if current != producer(target)():
            found.append(target)
    return found


def write_all() -> list[str]:
    """Write every generated file whose text changed; the ones written."""
    written = []
    for target in TARGETS:
        text = producer(target)()
        path = os.path.join(root(), target)
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                if handle.read() == text:
                    continue
        except FileNotFoundError:
            os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        names = stale()
        for name in names:
            print(f"{name} is stale: run `{COMMAND}`", file=sys.stderr)
        return 1 if names else 0
    if argv:
        print(f"usage: {COMMAND} [--check]", file=sys.stderr)
        return 2
    for name in write_all():
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Tab completion: bash, zsh and fish scripts written from the app's command tree and the store.

A Typer app completes by starting Python on every Tab (150 to 190 ms). These scripts carry the
commands, options, choices and the bundled store's values as data, so a Tab on the bundled store
runs only shell code. When ``--db`` or ``CSTOREF_DB`` names another store, the scripts ask the
program for its values instead (``cstoref completion values KIND``).

This package never imports Typer: `cli` hands it the Click command tree and prints what it returns.
Its modules: `tree` (the command tree), `scripts` (the three shells' scripts); here, the store's
values, the entry points and installing.
"""

from __future__ import annotations

import os
import re
import shlex
import stat
from typing import Any

from ..errors import UNSAFE
from .scripts import WRITERS
from .tree import KINDS, SHELLS, command_tree

__all__ = ["KINDS", "SHELLS", "emit", "install", "print_values", "script", "store_values", "values_of"]

# Control and bidi-control characters: a store is data, and a value shown in a completion list
# must not move the cursor, recolour the terminal or reorder the line.
_UNSAFE = re.compile(UNSAFE)

# --- the store's values -----------------------------------------------------------------------


def _clean(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = " ".join(_UNSAFE.sub(" ", str(value)).split())
    return text or None


def _records(document: dict[str, Any], table: str) -> list[dict[str, Any]]:
    rows = document.get(table)
    if not isinstance(rows, dict):
        return []
    return [row for row in rows.values() if isinstance(row, dict)]


def _bilingual(value: Any) -> list[Any]:
    return [value.get("en"), value.get("ar")] if isinstance(value, dict) else []


def store_values(document: Any) -> dict[str, list[str]]:
    """The completion values of each KIND in a store document (TinyDB JSON), sorted.

    Read defensively rather than validated: completion only lists words, the command itself
    refuses a bad store when it runs, and a Tab must never fail loudly.
    """
    if not isinstance(document, dict):
        document = {}
    event_years = []
    for row in _records(document, "events"):
        year = re.match(r"\d{4}", row["date"]) if isinstance(row.get("date"), str) else None
        event_years.append(year.group() if year else None)
    people = {row["id"]: row for row in _records(document, "people") if isinstance(row.get("id"), str)}
    speakers: list[Any] = []
    for quote in _records(document, "quotes"):
        speakers += _bilingual(quote.get("speaker_name"))
        person = people.get(quote["speaker"]) if isinstance(quote.get("speaker"), str) else None
        if person:
            speakers += _bilingual(person.get("name"))
            for aliases in _bilingual(person.get("aliases")):
                speakers += aliases if isinstance(aliases, list) else []
    raw = {
        "years": [row.get("year") for row in _records(document, "deployments")],
        "event-years": event_years,
        "speakers": speakers,
        "sources": [row.get("id") for row in _records(document, "sources")],
        # Every record `show` opens: each table but the store's own description.
        "ids": [row.get("id") for table in document if table != "meta" for row in _records(document, table)],
    }
    # A value starting with "-" would be read as an option.
    return {kind: sorted({v for v in map(_clean, found) if v and not v.startswith("-")}) for kind, found in raw.items()}

# --- the public entry points ------------------------------------------------------------------


def bundled_values() -> dict[str, list[str]]:
    from ..store import bundled_path, read_document

    return store_values(read_document(bundled_path()))


def script(shell: str, root: Any) -> str:
    """The completion script for `shell`, from the Click command `root` and the bundled store."""
    writer = WRITERS[shell]
    return writer(command_tree(root), bundled_values())


def values_of(kind: str, path: str | None) -> list[str]:
    """The values of KIND in the store at `path` (the bundled one if None); [] if unreadable."""
    from ..errors import CstorefError
    from ..store import bundled_path, read_document

    if kind not in KINDS:
        return []
    try:
        return store_values(read_document(path or bundled_path()))[kind]
    except CstorefError:
        return []


def print_values(kind: str, db: str | None, env: Any) -> int:
    """`cstoref completion values KIND [--db PATH]`: one value a line, exit 1 when none.

    Tab runs this for a store other than the bundled one, so it starts without Typer (the
    fast path of `entry` calls it) and it never prints a traceback into the command line.
    """
    import sys

    from ..app import store_path

    try:
        values = values_of(kind, store_path(db, env))
    except Exception:  # a Tab must never print a traceback into the command line
        values = []
    try:
        sys.stdout.buffer.write("".join(f"{v}\n" for v in values).encode("utf-8", "replace"))
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError):  # closed, full, or gone
        return 1
    return 0 if values else 1


# --- installing -------------------------------------------------------------------------------


def _rc_lines(shell: str, target: str, text: str) -> tuple[str, list[str]]:
    """The rc file's text with the lines that wire up `target` added; (text, lines added)."""
    from ..rcfile import with_lines

    if shell == "bash":
        # The bash-completion package loads that directory by itself; this line makes the
        # script work without the package too.
        return with_lines(text, [f"[ -r {shlex.quote(target)} ] && . {shlex.quote(target)}  # cstoref Tab completion"])
    # fpath must hold ~/.zfunc before compinit runs, so that line goes first.
    text, added = with_lines(text, ["fpath=(~/.zfunc $fpath)"], first=True)
    if "compinit" not in text:
        text, more = with_lines(text, ["autoload -Uz compinit && compinit"])
        added += more
    return text, added


def install(shell: str, text: str, env: Any = None) -> list[str]:
    """Write the script where `shell` looks for it per user, and wire it up; what was done.

    Every file is replaced whole, never written in place (see `rcfile`), and the rc file is
    read, under its lock, before anything is written: an rc file that is refused leaves
    everything as it was.
    """
    from ..rcfile import FileRefused, replace, update

    env = os.environ if env is None else env
    home = env["HOME"] if "HOME" in env else os.path.expanduser("~")
    if not os.path.isabs(home):
        # An empty HOME would put the files in / (or, relative, wherever the shell starts).
        raise FileRefused(f"HOME must be an absolute path, not {home!r}; nothing was written")

    def folder(name: str, default: str) -> str:
        # The XDG base directory rules: a relative or empty value is ignored.
        value = env.get(name, "")
        return value if os.path.isabs(value) else default

    if shell == "bash":
        data = folder("XDG_DATA_HOME", os.path.join(home, ".local", "share"))
        target = os.path.join(data, "bash-completion", "completions", "cstoref")
        rc = os.path.join(home, ".bashrc")
    elif shell == "zsh":
        target = os.path.join(home, ".zfunc", "_cstoref")
        rc = os.path.join(folder("ZDOTDIR", home), ".zshrc")
    elif shell == "fish":  # fish loads its completions directory by itself
        target = os.path.join(folder("XDG_CONFIG_HOME", os.path.join(home, ".config")), "fish", "completions",
                              "cstoref.fish")
        rc = None
    else:
        raise ValueError(shell)
    for path in (target, rc):
        if path is not None and any(ord(c) < 32 or ord(c) == 127 for c in path):
            # A line of an rc file cannot hold such a path, nor find it there again.
            raise FileRefused(f"the path {path!r} holds a control character, which no rc file line can hold; "
                              "nothing was written")
    script_bytes = text.encode("utf-8")

    #: the script as it was, once it has been replaced: None when there was none
    replaced: list[bytes | None] = []

    def write_script() -> None:
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
        except OSError as exc:
            raise FileRefused(f"cannot make the folder {os.path.dirname(target)} ({exc.strerror or exc})") from None
        previous: bytes | None = None
        try:
            if stat.S_ISREG(os.stat(target).st_mode):  # never open a FIFO: it would wait
                with open(target, "rb") as handle:
                    previous = handle.read()
        except OSError:
            pass
        replace(target, script_bytes)
        replaced.append(previous)

    done = [f"wrote {target}"]
    if rc is None:
        write_script()
        return done
    try:
        added = update(rc, lambda old: _rc_lines(shell, target, old), before=write_script)
    except BaseException:
        # The rc file could not be written: the script goes back to what it was, so that a
        # refused install leaves everything as it found it.
        if replaced:
            try:
                if replaced[0] is None:
                    os.unlink(target)
                else:
                    replace(target, replaced[0])
            except (OSError, FileRefused):
                pass
        raise
    return done + [f"added to {rc}: {line}" for line in added]


def emit(text: str, *, exact: bool = False) -> None:
    """Print `text` whatever the output's encoding; a script (`exact`) always as UTF-8.

    A completion script is a program whose values must match what the user types, so it is
    written as UTF-8 bytes, never with a character replaced; a message takes the output's
    own encoding, with what it cannot show escaped.
    """
    import sys

    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    if buffer is None:  # a text-only stream (a test's StringIO)
        stream.write(text)
        stream.flush()
        return
    stream.flush()
    if exact:
        buffer.write(text.encode("utf-8", "surrogateescape"))
    else:
        try:
            buffer.write(text.encode(encoding, "backslashreplace"))
        except LookupError:
            buffer.write(text.encode("ascii", "backslashreplace"))
    buffer.flush()

"""The console script: answers common command lines without importing Typer.

Typer and its vendored Click take about as long to import as the rest of a run. A command
line made only of a known subcommand, its known options with valid values and its
arguments is parsed here, from `spec`, and answered by `app.run`, exactly as the Typer app
would answer it (a test compares the two); --help is printed from a copy of what Typer
prints (`helptext`, tested too). Anything else — completion, a mistake to report, an
unusual form — goes to the Typer app.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from .errors import Ended
from .spec import COMMANDS, COMMON, Opt


def _convert(opt: Opt, raw: str) -> Any:
    if opt.kind == "choice":
        lowered = raw.lower()  # choices match in any case, as in the Typer app
        return lowered if lowered in opt.choices else None
    if opt.kind == "int":
        if not raw.isascii() or not raw.isdigit() or len(raw) > len(str(opt.max)):
            return None  # Typer words the error (and int() of 5,000 digits would raise)
        value = int(raw)
        return value if opt.min <= value <= opt.max else None
    if opt.kind == "date":
        # The form only; the answer checks the month and the day, and words the error.
        parts = raw.split("-")
        ok = (raw.isascii() and len(parts) <= 3 and len(parts[0]) == 4 and all(len(p) == 2 for p in parts[1:])
              and all(p.isdigit() for p in parts))
        return raw if ok else None
    return raw


def parse(argv: list[str]) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
    """(command, params, common options), or None when Typer must handle the line."""
    if not argv or argv[0] not in COMMANDS:
        return None
    name, rest = argv[0], argv[1:]
    spec = COMMANDS[name]
    output = {**COMMON, **spec.output}
    options = {**output, **spec.options}
    values: dict[str, Any] = {}
    positionals: list[Any] = []
    i = 0
    while i < len(rest):
        token = rest[i]
        if token.startswith("-"):
            flag, eq, inline = token.partition("=")
            opt = options.get(flag)
            if opt is None or opt.dest in values:
                return None
            if opt.kind == "flag":
                if eq:
                    return None
                values[opt.dest] = True
            else:
                if eq:
                    raw = inline
                elif i + 1 < len(rest):
                    i += 1
                    raw = rest[i]
                else:
                    return None
                value = _convert(opt, raw)
                if value is None:
                    return None
                values[opt.dest] = value
        else:
            if len(positionals) >= len(spec.arguments):
                if not positionals or spec.arguments[-1].kind != "words":
                    return None
                positionals[-1] = f"{positionals[-1]} {token}"
                i += 1
                continue
            opt = spec.arguments[len(positionals)]
            value = _convert(opt, token)
            if value is None:
                return None
            positionals.append(value)
        i += 1
    for index, opt in enumerate(spec.arguments):
        if index < len(positionals):
            values[opt.dest] = positionals[index]
        elif opt.required:
            return None
    params = {opt.dest: values.get(opt.dest, opt.default) for opt in [*spec.options.values(), *spec.arguments]}
    common = {opt.dest: values.get(opt.dest, opt.default) for opt in output.values()}
    return name, params, common


def hoist(argv: list[str]) -> list[str]:
    """`cstoref --lang ar members` read as `cstoref members --lang ar`.

    Options given before the subcommand move to just after it, when that subcommand takes
    them all; anything else is left as it is, for Typer to report.
    """
    if not argv or not argv[0].startswith("--") or argv[0] in ("--help", "--version"):
        return argv
    every = {**COMMON}
    for command in COMMANDS.values():
        every.update(command.options)
        every.update(command.output)
    i = 0
    flags = []
    while i < len(argv) and argv[i].startswith("--"):
        flag, eq, _ = argv[i].partition("=")
        opt = every.get(flag)
        if opt is None:
            return argv
        flags.append(flag)
        i += 1 if opt.kind == "flag" or eq else 2
    if i >= len(argv) or argv[i] not in COMMANDS:
        return argv
    command = COMMANDS[argv[i]]
    if not all(flag in COMMON or flag in command.options or flag in command.output for flag in flags):
        return argv
    return [argv[i], *argv[:i], *argv[i + 1:]]


def _help_columns() -> int:
    """The width Click would format help for (shutil.get_terminal_size's rules)."""
    from .context import columns_from

    columns = columns_from(os.environ)
    if columns is not None:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 80


def stored_help(argv: list[str]) -> str | None:
    """The --help text Typer would print for `argv`, when a stored copy of it applies."""
    if argv in (["--help"], ["-h"]):
        name = ""
    elif len(argv) == 2 and argv[1] in ("--help", "-h"):
        name = argv[0]
    else:
        return None
    # Click formats help at the terminal's width up to 80 columns: the copy is the 80 one.
    if _help_columns() < 80:
        return None
    from .helptext import HELP

    return HELP.get(name)


def _completion_values(argv: list[str]) -> tuple[str, str | None] | None:
    """(KIND, --db) of `completion values KIND [--db PATH]`, which a Tab runs; else None."""
    if argv[:2] != ["completion", "values"] or len(argv) < 3 or argv[2].startswith("-"):
        return None
    rest = argv[3:]
    if not rest:
        return argv[2], None
    if len(rest) == 2 and rest[0] == "--db":
        return argv[2], rest[1]
    if len(rest) == 1 and rest[0].startswith("--db="):
        return argv[2], rest[0][len("--db="):]
    return None


class _Closed:
    """Standard output when the program was started with it closed (>&-): every write fails,
    as a write to a closed descriptor does, so each command reports it in its one way."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _buffered(stream: Any) -> Any:
    """`stream` over a buffer: under PYTHONUNBUFFERED or -u, stdout writes straight to the file,
    where a write the disk cuts short is neither retried nor reported (a full disk then ends
    the answer silently, with exit 0); a BufferedWriter retries it and raises the error."""
    import io

    raw = getattr(stream, "buffer", None)
    if not isinstance(raw, io.RawIOBase) or not isinstance(stream, io.TextIOWrapper):
        return stream
    try:
        # A file object of its own over the same descriptor, which closing does not close.
        fd = io.FileIO(raw.fileno(), "w", closefd=False)
    except (OSError, ValueError):
        return stream
    return io.TextIOWrapper(io.BufferedWriter(fd), encoding=stream.encoding, errors=stream.errors,
                            line_buffering=stream.line_buffering)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if sys.stdout is None:
        sys.stdout = _Closed()  # type: ignore[assignment]
    sys.stdout = _buffered(sys.stdout)
    try:
        try:
            code = _answer(argv)
        except SystemExit as done:  # Typer's way to end
            code = done.code
        # Here, not at exit, where a failing flush could only be ignored with exit 120.
        sys.stdout.flush()
        sys.exit(code)
    except KeyboardInterrupt:
        # Ctrl-C while Typer loads, or just after the answer: as quiet as during it.
        sys.exit(130)
    except BrokenPipeError:
        from .errors import silence

        silence(sys.stdout)
        sys.exit(0)
    except OSError as exc:  # an answer, help or a script into a closed stdout, a full disk, /dev/full
        from .errors import report, silence

        report(f"cannot write the answer ({exc.strerror or exc})")
        silence(sys.stdout)
        sys.exit(1)
    except Ended as ended:  # SIGTERM or SIGHUP while the terminal was being restored
        sys.exit(128 + ended.signum)


def _answer(argv: list[str]) -> int:
    argv = hoist(argv)
    text = stored_help(argv)
    if text is not None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    values = _completion_values(argv)
    if values is not None:
        from .completion import print_values

        return print_values(*values, os.environ)
    parsed = parse(argv)
    if parsed is not None:
        from .app import run

        name, params, common = parsed
        return run(name, params, **common)
    return _typer(argv)


def _typer(argv: list[str]) -> int:
    """Hand the line to the Typer app; its usage errors become one line on stderr."""
    from typer.main import get_command

    from .cli import app

    command = get_command(app)
    try:
        code = command.main(args=argv, prog_name="cstoref", standalone_mode=False)
    except Exception as exc:
        usage = _usage_error(exc)
        if usage is None:
            raise
        from .errors import report

        if type(exc).__name__ == "NoArgsIsHelpError":
            # A bare `cstoref` or `cstoref completion`: the help on stdout, one line on stderr.
            sys.stdout.write(exc.ctx.get_help() + "\n")
            sys.stdout.flush()
            report(f"a command is needed (see '{exc.ctx.command_path} --help')")
        else:
            report(usage)
        return 2
    return code if isinstance(code, int) else 0


def _usage_error(exc: Exception) -> str | None:
    """Click's usage error as one line naming where to look for help, or None for others."""
    show = getattr(exc, "format_message", None)
    if show is None or getattr(exc, "exit_code", None) != 2:
        return None
    import re

    message = " ".join(show().split()).rstrip(".")
    # Click says "is not a valid integer range" of any number; the numbers here are years and
    # counts of records.
    counted = message.startswith("Invalid value for '--limit'")
    message = message.replace("is not a valid integer range", "is not a whole number from 1" if counted else "is not a year")

    # A value quoted back is cut short: a pasted page has no place in a one-line error.
    message = re.sub(r"'([^']{40})[^']{4,}'", r"'\1...'", message)
    message = re.sub(r"(\S{40})\S{4,}", r"\1...", message)  # an unknown option or extra argument too
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "cstoref"
    found = re.match(r"No such option: (--[\w-]+)", message)
    if where == "cstoref" and found:
        # A subcommand's option given before it (and not moved there by `hoist`): say where it goes.
        flag = found.group(1)
        takers = [name for name, command in COMMANDS.items()
                  if flag in COMMON or flag in command.options or flag in command.output]
        if takers:
            which = "every subcommand" if len(takers) == len(COMMANDS) else ", ".join(takers)
            return (f"{message}: it goes after the subcommand, as in 'cstoref {takers[0]} {flag}' "
                    f"(taken by {which}; see 'cstoref {takers[0]} --help')")
    if where != "cstoref" and found:
        # An option of other subcommands: say which take it, not Click's nearest spelling.
        flag = found.group(1)
        takers = [name for name, command in COMMANDS.items() if flag in command.options or flag in command.output]
        if takers:
            return f"{where} takes no {flag} (it is an option of {', '.join(takers)}; see '{where} --help')"
    return f"{message} (see '{where} --help')"

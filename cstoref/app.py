"""Running one command: load the store, answer, print; every failure becomes an exit code.

Both the Typer app and the fast path of `entry` end here, so both behave the same.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from .errors import CstorefError, UsageError, report

EXPLICIT_ON = "\x1b[8l"  # BDSM reset: the terminal shows cells in the order received
EXPLICIT_OFF = "\x1b[8h"  # back to the terminal's own (implicit) bidi


def store_path(db: str | None, env: dict[str, str] | os._Environ[str]) -> str | None:
    if db is not None:
        if not db.strip():
            raise UsageError("--db needs a file path, not an empty string")
        return db
    return env.get("CSTOREF_DB") or None


def _silence_stdout() -> None:
    # After a closed pipe, Python would complain again when it flushes stdout at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def write(out: Any, text: str) -> None:
    """Print `text`, replacing what the stream cannot encode, with one note saying so."""
    stream = out.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        try:
            text = text.encode(encoding, "replace").decode(encoding)
        except LookupError:
            text = text.encode("ascii", "replace").decode("ascii")
        report(
            f"this output's encoding ({encoding}) cannot show every character; they were "
            "replaced with '?' (use a UTF-8 locale or PYTHONIOENCODING=utf-8)"
        )
    stream.write(text)
    stream.flush()


class _Ended(BaseException):
    """A SIGTERM or SIGHUP arrived: leave through the same exits as Ctrl-C does."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _end_on_signals() -> list[tuple[int, Any]]:
    """Make SIGTERM and SIGHUP unwind like Ctrl-C; the handlers they had, to put back."""
    # The terminal is about to be switched to explicit mode; `timeout`, `kill` or a closed
    # window must not leave it there, so these signals unwind to the restoring `finally`.
    import signal

    def end(signum: int, frame: Any) -> None:
        raise _Ended(signum)

    previous = []
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            number = getattr(signal, name)
            previous.append((number, signal.signal(number, end)))
    return previous


def run(command: str, params: dict[str, Any], *, json: bool = False, lang: str = "both",
        bidi: str | None = None, db: str | None = None, no_color: bool = False,
        env: Any = None) -> int:
    """Answer one command and return its exit code; never raises for a user's mistake."""
    env = os.environ if env is None else env
    out = None
    switched = False
    handlers: list[tuple[int, Any]] = []
    try:
        from .context import make_output
        from .store import load

        out = make_output(json=json, lang=lang, bidi=bidi, no_color=no_color, env=env)
        store = load(store_path(db, env))
        from .commands import COMMANDS

        result = COMMANDS[command](store, **params)
        if json:
            from .render import render_json

            text = render_json(result.data, pretty=out.tty)
        else:
            from .render import render_tables

            text = render_tables(result.tables, out)
        if sys.stdout is None:  # started with >&-; a bad store or a miss was said first
            report("standard output is closed: there is nowhere to write the answer")
            return 1
        if out.explicit_switch:
            handlers = _end_on_signals()
            out.stdout.write(EXPLICIT_ON)
            switched = True
        write(out, text)
        return 0
    except CstorefError as exc:
        report(str(exc))
        return exc.exit_code
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except OSError as exc:
        # A full disk, /dev/full, a file-size limit: the answer cannot be written.
        report(f"cannot write the answer ({exc.strerror or exc})")
        _silence_stdout()
        return 1
    except KeyboardInterrupt:
        return 130
    except _Ended as ended:
        return 128 + ended.signum
    finally:
        if switched and out is not None:
            try:
                out.stdout.write(EXPLICIT_OFF)
                out.stdout.flush()
            except (BrokenPipeError, OSError, ValueError):
                _silence_stdout()
        if handlers:
            import signal

            for number, handler in handlers:
                signal.signal(number, handler)

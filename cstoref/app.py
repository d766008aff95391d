"""Running one command: load the store, answer, print; every failure becomes an exit code.

Both the Typer app and the fast path of `entry` end here, so both behave the same.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from .context import BDSM_EXPLICIT as EXPLICIT_ON  # noqa: F401 - what a BDSM terminal gets
from .context import BDSM_IMPLICIT as EXPLICIT_OFF  # noqa: F401
from .errors import CstorefError, Ended, UsageError, report, silence


def store_path(db: str | None, env: dict[str, str] | os._Environ[str]) -> str | None:
    if db is not None:
        if not db.strip():
            raise UsageError("--db needs a file path, not an empty string")
        return db
    return env.get("CSTOREF_DB") or None


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


def _encodable_json(text: str, stream: Any) -> str:
    """JSON the stream can carry whole: where its encoding lacks a character (ASCII, Latin-1),
    every non-ASCII character becomes a \\u escape, which any JSON reader turns back."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        import json
        import re

        return re.sub(r"[^\x00-\x7f]+", lambda found: json.dumps(found.group())[1:-1], text)
    return text


_SIGNALS = ("SIGTERM", "SIGHUP")


def _end_on_signals() -> list[tuple[int, Any]]:
    """Make SIGTERM and SIGHUP unwind like Ctrl-C; the handlers they had, to put back."""
    # The terminal is about to be switched to explicit mode; `timeout`, `kill` or a closed
    # window must not leave it there, so these signals unwind to the restoring `finally`.
    import signal

    def end(signum: int, frame: Any) -> None:
        # A second one must not interrupt the restoring: from now on they wait.
        for name in _SIGNALS:
            signal.signal(getattr(signal, name), signal.SIG_IGN)
        raise Ended(signum)

    previous = []
    try:
        for name in _SIGNALS:
            if hasattr(signal, name):
                number = getattr(signal, name)
                previous.append((number, signal.signal(number, end)))
    except ValueError:  # not the main thread (an embedding program): leave its signals be
        pass
    return previous


def _restore(out: Any, handlers: list[tuple[int, Any]]) -> None:
    """The terminal's own bidi back on, then back to the signal handlers there were."""
    import signal

    try:
        out.stdout.write(out.switch_off)
        out.stdout.flush()
    except (OSError, ValueError, KeyboardInterrupt, Ended):
        silence(out.stdout)
    for number, handler in handlers:
        signal.signal(number, handler)


def run(command: str, params: dict[str, Any], *, env: Any = None, **common: Any) -> int:
    """Answer one command and return its exit code; never raises for a user's mistake.

    `params` are the command's own options and arguments, `common` those every command takes
    (`spec.COMMON`), both by their `dest` names.
    """
    env = os.environ if env is None else env
    out = None
    switched = False
    handlers: list[tuple[int, Any]] = []
    try:
        from .context import make_output
        from .store import load

        json = bool(common.get("json"))
        out = make_output(json=json, lang=common.get("lang") or "both", bidi=common.get("bidi"),
                          no_color=bool(common.get("no_color")), env=env)
        store = load(store_path(common.get("db"), env))
        from .answers import respond

        result = respond(command, store, params)
        if json:
            from .render import render_json

            text = _encodable_json(render_json(result.data, pretty=out.tty), out.stdout)
        else:
            from .render import render_tables

            text = render_tables(result.tables, out)
        if out.explicit_switch:
            handlers = _end_on_signals()
            switched = True
            out.stdout.write(out.switch_on)
        if out.pin:
            from .context import for_konsole

            text = for_konsole(text)
        write(out, text)
        return 0
    except CstorefError as exc:
        report(str(exc))
        return exc.exit_code
    except BrokenPipeError:
        silence(sys.stdout)
        return 0
    # Any other failure to write (a closed stdout, a full disk) goes up to `entry.main`, which
    # reports it for every command alike, once the terminal has been restored here.
    except KeyboardInterrupt:
        return 130
    except Ended as ended:
        return 128 + ended.signum
    finally:
        if switched and out is not None:
            _restore(out, handlers)

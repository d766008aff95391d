"""Running one command: load the store, answer, print; every failure becomes an exit code.

Both the Typer app and the fast path of `entry` end here, so both behave the same.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from .context import BDSM_EXPLICIT as EXPLICIT_ON  # noqa: F401 - what a BDSM terminal gets
from .context import BDSM_IMPLICIT as EXPLICIT_OFF  # noqa: F401
from .errors import (
    CstorefError,
    Ended,
    UsageError,
    end_on_signals,
    report,
    restore_signals,
    silence,
)


def store_path(db: str | None, env: dict[str, str] | os._Environ[str]) -> str | None:
    if db is not None:
        if not db.strip():
            raise UsageError("--db needs a file path, not an empty string")
        return db
    return env.get("CSTOREF_DB") or None


def _replace_cells() -> str:
    """An error handler that keeps a table's columns: a character the encoding lacks becomes
    one '?' per cell it takes, so a mark that takes none (a shadda, a harakah) goes."""
    import codecs

    name = "cstoref-cells"
    try:
        codecs.lookup_error(name)
    except LookupError:
        from .cells import char_width

        def cells(error: UnicodeError) -> tuple[str, int]:
            assert isinstance(error, UnicodeEncodeError)
            chunk = error.object[error.start:error.end]
            return "".join("?" * char_width(c) for c in chunk), error.end

        codecs.register_error(name, cells)
    return name


def _encodable(out: Any, text: str) -> str:
    """`text` with what the output's encoding cannot show replaced, and one note saying so."""
    encoding = getattr(out.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        try:
            text = text.encode(encoding, _replace_cells()).decode(encoding)
        except LookupError:
            text = text.encode("ascii", _replace_cells()).decode("ascii")
        report(
            f"this output's encoding ({encoding}) cannot show every character; they were "
            "replaced with '?' (use a UTF-8 locale or PYTHONIOENCODING=utf-8)"
        )
    return text


def write(out: Any, text: str) -> None:
    """Print `text`, replacing what the stream cannot encode, with one note saying so."""
    stream = out.stdout
    stream.write(_encodable(out, text))
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

def write_utf8(out: Any, text: str) -> None:
    """Print `text` as UTF-8 whatever the locale says (CSV is a file format, not a screen)."""
    stream = out.stdout
    binary = getattr(stream, "buffer", None)
    if binary is None:
        stream.write(text)
    else:
        stream.flush()
        binary.write(text.encode("utf-8", "surrogateescape"))
        binary.flush()
    stream.flush()


def _page(out: Any, text: str, env: Any) -> bool:
    """Show `text` through the pager; False when no pager could be started (print it then)."""
    import shlex
    import shutil
    import signal
    import subprocess

    command = out.pager
    try:
        words = shlex.split(command)
    except ValueError:
        return False  # an unclosed quote: the shell would refuse it too, and show nothing
    # The shell runs the command (so `less -R +G` or a pipeline work, as in git), but a pager
    # that is not installed is found out here, where printing instead is still possible.
    if words and "=" not in words[0] and shutil.which(words[0], path=env.get("PATH")) is None:
        return False
    pager_env = dict(env)
    # git's defaults: without them a PAGER=less shows colour as ^[[1m and clears the screen.
    pager_env.setdefault("LESS", "FRX")
    pager_env.setdefault("LV", "-c")
    data = _encodable(out, text).encode(getattr(out.stdout, "encoding", None) or "utf-8", "replace")
    out.stdout.flush()
    try:
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=pager_env)
    except OSError:
        return False
    # Ctrl-C belongs to the pager (less uses it to stop a search): this process waits quietly.
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        previous = None
    try:
        try:
            pager.stdin.write(data)  # type: ignore[union-attr]
        except BrokenPipeError:
            pass  # the user quit before the end
        finally:
            try:
                pager.stdin.close()  # type: ignore[union-attr]
            except BrokenPipeError:
                pass
        code = pager.wait()
    except BaseException:
        # SIGTERM or SIGHUP: the pager goes too, and restores the screen before we do.
        pager.terminate()
        try:
            pager.wait(timeout=2)
        except subprocess.TimeoutExpired:
            pager.kill()
        raise
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    # The shell's "command not found" or "not executable": nothing was shown.
    return code not in (126, 127)


def _taller(text: str, out: Any) -> bool:
    return out.height is not None and text.count("\n") >= out.height


def _restore(out: Any, handlers: list[tuple[int, Any]]) -> None:
    """The terminal's own bidi back on, then back to the signal handlers there were."""
    try:
        out.stdout.write(out.switch_off)
        out.stdout.flush()
    except (OSError, ValueError, KeyboardInterrupt, Ended):
        silence(out.stdout)
    restore_signals(handlers)


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
        from .context import _can_encode, make_output
        from .store import load

        json = bool(common.get("json"))
        csv = bool(common.get("csv"))
        if json and csv:
            raise UsageError("--json and --csv are two formats: give one of them")
        out = make_output(json=json or csv, lang=common.get("lang") or "both", bidi=common.get("bidi"),
                          no_color=bool(common.get("no_color")), no_pager=bool(common.get("no_pager")),
                          env=env)
        store = load(store_path(common.get("db"), env))
        from .answers import respond

        result = respond(command, store, params)
        limit = params.get("limit")
        if limit:
            result = result.limited(limit)
        if csv:
            from .csvout import render_csv

            write_utf8(out, render_csv(command, result.data))
            return 0
        if json:
            from .render import render_json

            # ASCII escapes lose nothing where the output cannot carry Arabic (a C locale).
            text = render_json(result.data, pretty=out.tty, ascii=not _can_encode(out.stdout, "\u0627"))
        else:
            from .render import render_tables

            text = render_tables(result.tables, out)
        if out.explicit_switch:
            # `timeout`, `kill` or a closed window must not leave the terminal switched.
            handlers = end_on_signals()
            switched = True
            out.stdout.write(out.switch_on)
        if out.pin:
            from .context import for_konsole

            text = for_konsole(text)
        # The switch above stays on while the pager runs: it writes to the same terminal.
        if not (out.pager and _taller(text, out) and _page(out, text, env)):
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

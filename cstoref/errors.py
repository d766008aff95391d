"""The one exception family of cstoref, which the CLI turns into a message and an exit code, and the signals that end a run the same way."""

from __future__ import annotations


class CstorefError(Exception):
    """A failure the user can act on: printed as one line on stderr, never as a traceback."""

    exit_code = 1


class NotFound(CstorefError):
    """The query was valid but nothing in the store matched it."""

    exit_code = 1


class UsageError(CstorefError):
    """Arguments that cannot be answered (a reversed range, an empty search)."""

    exit_code = 2


class StoreError(CstorefError):
    """The fact store is missing, unreadable or invalid."""

    exit_code = 3


class Ended(BaseException):
    """A SIGTERM or SIGHUP arrived: leave through the same exits as Ctrl-C does."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_SIGNALS = ("SIGTERM", "SIGHUP")


def end_on_signals() -> list[tuple[int, object]]:
    """Make SIGTERM and SIGHUP raise `Ended`, so that `finally` blocks run (a terminal is
    restored, a temporary file removed); the handlers they had, for `restore_signals`."""
    import signal

    def end(signum: int, frame: object) -> None:
        # A second one must not interrupt the cleaning up: from now on they wait.
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


def restore_signals(handlers: list[tuple[int, object]]) -> None:
    import signal

    for number, handler in handlers:
        signal.signal(number, handler)  # type: ignore[arg-type]


#: What a terminal would act on, or what no UTF-8 output can carry: C0 and C1 controls (ESC
#: among them), bidi marks, embeddings, overrides and isolates, line and paragraph separators,
#: and lone surrogates. A store is data, and so are a path and an argument.
UNSAFE = "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"


def cut(text: str, limit: int = 60) -> str:
    """What the user typed, as a message echoes it: at most `limit` characters, then "…"."""
    return text if len(text) <= limit else f"{text[:limit]}…"


def printable(text: str) -> str:
    """`text` with every UNSAFE character written out as an escape (ESC as \\x1b)."""
    import re

    return re.sub(UNSAFE, lambda found: ascii(found.group())[1:-1], text)


def silence(stream: object) -> None:
    """Point a failed or closed stream at /dev/null: else Python fails again flushing it at
    exit, prints a complaint, and exits 120."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(devnull, stream.fileno())  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError):
        pass
    finally:
        os.close(devnull)


#: a message never echoes a longer run of non-spaces whole (a pasted page as an argument)
_LONGEST_WORD = 300


def _short_words(message: str) -> str:
    if len(message) <= _LONGEST_WORD:
        return message
    import re

    return re.sub(rf"\S{{{_LONGEST_WORD + 1},}}", lambda found: found.group()[:_LONGEST_WORD] + "…", message)


def report(message: str) -> None:
    """One line on stderr, `cstoref: ` first; quietly nothing if stderr is closed or full."""
    import sys

    stream = sys.stderr
    if stream is None:  # started with 2>&-: never let the message fall into stdout
        return
    line = f"cstoref: {printable(_short_words(message))}\n"
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        line.encode(encoding)
    except (UnicodeEncodeError, LookupError):  # an ASCII or Latin-1 stderr: escape, never lose it
        line = line.encode("ascii", "backslashreplace").decode("ascii")
    try:
        stream.write(line)
        stream.flush()
    except (OSError, ValueError):
        silence(stream)

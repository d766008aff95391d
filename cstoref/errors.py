"""The one exception family of cstoref; the CLI turns it into a message and an exit code."""

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


def printable(text: str) -> str:
    """`text` with what a terminal would act on written out as escapes: a store's id, a file
    path or a mistyped option may hold ESC, a newline or a bidi override."""
    import re

    unsafe = "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
    return re.sub(unsafe, lambda found: ascii(found.group())[1:-1], text)


def report(message: str) -> None:
    """One line on stderr, `cstoref: ` first; quietly nothing if stderr is closed or full."""
    import os
    import sys

    stream = sys.stderr
    if stream is None:  # started with 2>&-: never let the message fall into stdout
        return
    try:
        stream.write(f"cstoref: {printable(message)}\n")
        stream.flush()
    except (OSError, ValueError):
        try:  # else Python fails again flushing it at exit, and exits 120
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
        except (OSError, ValueError, AttributeError):
            pass

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

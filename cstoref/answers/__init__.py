"""The answers, one module per subcommand; each is imported only when its command runs."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

NAMES = ("members", "timeline", "deployment", "quote", "search", "sources", "about", "show")


def answer(name: str) -> Callable[..., Any]:
    """The function that answers the subcommand `name` (a module of this package, same name)."""
    if name not in NAMES:
        raise KeyError(name)
    return getattr(importlib.import_module(f"{__name__}.{name}"), name)


def respond(name: str, store: Any, params: dict[str, Any]) -> Any:
    """The `Result` of subcommand `name`, handed the options its function takes.

    An option just added to `spec` reaches the function only once the function names it, so
    declaring one never breaks a command.
    """
    function = answer(name)
    code = function.__code__
    taken = code.co_varnames[1:code.co_argcount + code.co_kwonlyargcount]
    return function(store, **{key: value for key, value in params.items() if key in taken})

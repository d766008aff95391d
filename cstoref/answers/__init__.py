"""The answers, one module per subcommand; each is imported only when its command runs."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

NAMES = ("members", "timeline", "deployment", "quote", "search", "sources", "about")


def answer(name: str) -> Callable[..., Any]:
    """The function that answers the subcommand `name` (a module of this package, same name)."""
    if name not in NAMES:
        raise KeyError(name)
    return getattr(importlib.import_module(f"{__name__}.{name}"), name)

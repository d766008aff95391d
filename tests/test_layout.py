"""The shape of the package: every module says what it is for, none imports another in a cycle,
and no hand-written module grows past about 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

from cstoref.generate import TARGETS

PACKAGE = Path(__file__).resolve().parent.parent / "cstoref"
MAX_LINES = 420
GENERATED = {(PACKAGE.parent / target).resolve() for target in TARGETS}


def modules() -> dict[str, Path]:
    """Every module of the package by its dotted name."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that `name` imports, at any depth of its code (lazy imports too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module or ""
            # `from . import uax9` imports a module; `from .cells import clean` a name of one.
            targets = [f"{stem}.{alias.name}" for alias in node.names if f"{stem}.{alias.name}" in known] or [stem]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def test_every_module_opens_with_what_it_is_for() -> None:
    missing = []
    for name, path in modules().items():
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        opening = docstring.split("\n\n", 1)[0].strip() if docstring else ""
        if not opening.endswith((".", ":")):
            missing.append(name)
    assert not missing, f"modules without a one-sentence docstring opening them: {missing}"


def test_no_hand_written_module_is_too_long() -> None:
    long = {
        name: n
        for name, path in modules().items()
        if path.resolve() not in GENERATED and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"hand-written modules over {MAX_LINES} lines (split them): {long}"


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each import cycle of `graph`, as the list of modules around it (Tarjan's components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle() -> None:
    found = modules()
    graph = {name: imports_of(name, path, set(found)) for name, path in found.items()}
    # A package's __init__ importing its own modules is how a package is made, not a cycle, as
    # long as those modules do not import the package back.
    assert not cycles(graph), f"import cycles: {cycles(graph)}"


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []

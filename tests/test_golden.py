"""Golden files: each command's table at 40 and 100 columns in each language, and its JSON.

A change to the layout or the store shows up here as a readable diff. To accept one after
checking it:  CSTOREF_REGEN_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import clean_env, run_cli

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("CSTOREF_REGEN_GOLDEN") == "1"

COMMANDS = {
    "members": ["members"],
    "timeline": ["timeline", "--from", "2021", "--to", "2022"],
    "deployment-2022": ["deployment", "2022"],
    "deployment": ["deployment"],
    "quote": ["quote", "--speaker", "Putin"],
    "search": ["search", "KGZ"],
    "sources-001": ["sources", "001"],
    "about": ["about"],
    "show-kaz": ["show", "kaz"],
    "show-p-massimov": ["show", "p-massimov"],
}
TABLE_CASES = [(name, width, lang) for name in COMMANDS for width in (40, 100) for lang in ("both", "en", "ar")]


def check(path: Path, text: str) -> None:
    if REGEN:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path.name} is missing: run with CSTOREF_REGEN_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"output differs from {path.name}"


@pytest.mark.parametrize(("name", "width", "lang"), TABLE_CASES, ids=lambda v: str(v))
def test_table(name: str, width: int, lang: str, tmp_path) -> None:
    result = run_cli(*COMMANDS[name], "--lang", lang, "--bidi", "visual", "--no-color",
                     env=clean_env(COLUMNS=str(width)), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    check(GOLDEN / f"{name}.{lang}.{width}.txt", result.stdout)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_json(name: str, tmp_path) -> None:
    result = run_cli(*COMMANDS[name], "--json", env=clean_env(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    check(GOLDEN / f"{name}.json", result.stdout)

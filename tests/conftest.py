"""Shared helpers: run the real console script in a clean, reproducible environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
STORE = SEEDS / "cstoref.json"
SOURCES_DIR = Path(os.environ.get("CSTOREF_SOURCES_DIR", REPO.parent / "shared" / "sources"))

# Variables that change the output; tests set them on purpose, never inherit them.
_SCRUBBED = ("NO_COLOR", "COLUMNS", "LINES", "CSTOREF_DB", "CSTOREF_BIDI", "TERM_PROGRAM", "VTE_VERSION",
             "KONSOLE_VERSION", "MLTERM", "TMUX", "FORCE_COLOR", "PYTHONIOENCODING", "PAGER", "CSTOREF_PAGER",
             "LESS", "LV")


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
    # No pager unless a test asks for one: a test's terminal must not wait for a keypress.
    env.update({"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONUTF8": "1", "CSTOREF_PAGER": ""})
    env.update(extra)
    return env


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: str | Path | None = None,
            exe: list[str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    command = (exe or [sys.executable, "-m", "cstoref"]) + list(args)
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace",
                          env=env if env is not None else clean_env(), cwd=cwd, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def run_json(*args: str, **kwargs):
    result = run_cli(*args, "--json", **kwargs)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="session")
def store_doc() -> dict:
    return json.loads(STORE.read_text(encoding="utf-8"))


@pytest.fixture()
def cli(tmp_path):
    """Run the console script from a directory that is not the checkout."""
    def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, env=clean_env(**env), cwd=tmp_path)
    return _run


def articles_dir() -> Path:
    """The folder of the five articles; a missing one fails the test in CI and skips it elsewhere.

    The articles are not part of the repository: they sit in ../shared/sources beside the
    checkout, or in the folder CSTOREF_SOURCES_DIR names.
    """
    if SOURCES_DIR.is_dir() and any(SOURCES_DIR.glob("*.txt")):
        return SOURCES_DIR
    reason = (f"the articles were not found in {SOURCES_DIR} (put them in ../shared/sources beside the "
              "checkout, or name their folder in CSTOREF_SOURCES_DIR)")
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, and CI must check every excerpt against them", pytrace=False)
    pytest.skip(reason)


def need(tool: str) -> str:
    """The path of `tool`; a missing one fails the test in CI and skips it elsewhere."""
    import shutil

    path = shutil.which(tool)
    if path:
        return path
    reason = f"{tool} is not installed (.ci/run installs it with apt-get)"
    if os.environ.get("CI"):
        pytest.fail(f"{reason}, and CI must run this test")
    pytest.skip(reason)


def pytest_terminal_summary(terminalreporter) -> None:
    """The bidi figures (conformance, ICU), shown in every run that computed them."""
    import sys

    figures = [
        line for name in ("test_bidi_conformance", "test_bidi_icu")
        for line in getattr(sys.modules.get(name), "FIGURES", [])
    ]
    if figures:
        terminalreporter.write_sep("-", "UAX #9")
        for line in figures:
            terminalreporter.write_line(line)

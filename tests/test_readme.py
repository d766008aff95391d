"""The README's examples are what the tool prints: the short session is run as written, and the
card it shows is drawn again, so that neither can fall out of date unseen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, clean_env, run_cli

README = (REPO / "README.md").read_text(encoding="utf-8")


def _block(after: str, fence: str) -> str:
    start = README.index(fence, README.index(after)) + len(fence)
    return README[start:README.index("```", start)].strip("\n")


def _session() -> tuple[list[str], str]:
    block = _block("A short session:", "```console\n")
    commands = [line[2:] for line in block.split("\n") if line.startswith("$ ")]
    expected = "\n".join(line for line in block.split("\n") if not line.startswith("$ "))
    return commands, expected


@pytest.mark.skipif(shutil.which("jq") is None, reason="the session pipes JSON through jq (Debian's jq; .ci/run installs it)")
def test_the_short_session_prints_what_the_readme_shows(tmp_path: Path) -> None:
    commands, expected = _session()
    assert len(commands) >= 8
    script = "exec 2>&1\n" + "\n".join(commands) + "\n"
    env = clean_env()
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    assert shutil.which("cstoref", path=env["PATH"]), "the console script is installed beside the tests' Python"
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, encoding="utf-8", env=env,
                            cwd=tmp_path, timeout=120)
    assert result.stdout.strip("\n") == expected


def test_the_card_in_the_readme_is_the_one_printed() -> None:
    shown = _block("One record, `cstoref show p-massimov --lang en` at 72 columns", "```\n")
    result = run_cli("show", "p-massimov", "--lang", "en", "--bidi", "visual", env=clean_env(COLUMNS="72"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(shown + "\n")


@pytest.mark.parametrize(("after", "args", "columns"), [
    ("(`cstoref members --status member --lang ar`, first lines", ["members", "--status", "member", "--lang", "ar"], "72"),
    ("And in English, `cstoref deployment 2022 --lang en` at 100 columns", ["deployment", "2022", "--lang", "en"], "100"),
])
def test_the_tables_in_the_readme_are_the_ones_printed(after: str, args: list[str], columns: str) -> None:
    shown = _block(after, "```\n")
    result = run_cli(*args, "--bidi", "visual", env=clean_env(COLUMNS=columns))
    assert result.returncode == 0, result.stderr
    assert shown + "\n" in result.stdout

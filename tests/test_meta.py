"""Meta-tests: every command has help, is in the README and in every completion script; the
code passes ruff; the README's test command is the one CI runs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from typer.main import get_command

from cstoref import cli

COMMANDS = {name: command for name, command in get_command(cli.app).commands.items() if not command.hidden}
README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_and_is_documented(name: str) -> None:
    assert (COMMANDS[name].help or "").strip()
    assert f"cstoref {name}" in README
    for script in ("cstoref.bash", "_cstoref", "cstoref.fish"):
        assert name in (REPO / "completions" / script).read_text(encoding="utf-8"), script


def test_every_option_has_help() -> None:
    for name, command in COMMANDS.items():
        for param in command.params:
            if param.param_type_name == "option":
                assert getattr(param, "help", None), (name, param.name)


def test_readme_opens_with_what_it_answers_then_two_commands() -> None:
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", setup)
    assert len(commands) == 2
    assert "cstoref members" in commands[0]
    assert "pytest" in commands[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci, "the README's test command must be the one .ci/run runs"


def test_ruff() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.fail("ruff is a test dependency: pip install -e '.[test]'")
    result = subprocess.run([ruff, "check", "cstoref", "tests", "benchmarks"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

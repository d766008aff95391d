"""Every generated file is what its hand-written source gives now (`python -m cstoref.generate`)."""

from __future__ import annotations

import ast
import subprocess
import sys

from conftest import REPO

from cstoref import generate


def test_no_generated_file_is_stale() -> None:
    stale = generate.stale()
    assert not stale, "; ".join(f"{name} is stale: run `{generate.COMMAND}`" for name in stale)


def test_check_names_the_command_when_a_file_is_stale(tmp_path, monkeypatch) -> None:
    target = next(iter(generate.TARGETS))
    monkeypatch.setattr(generate, "root", lambda: str(tmp_path))
    (tmp_path / target).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / target).write_text("stale\n", encoding="utf-8")
    assert target in generate.stale()
    written = generate.write_all()
    assert target in written and generate.stale() == []


def test_check_command_exits_0_on_this_checkout() -> None:
    result = subprocess.run([sys.executable, "-m", "cstoref.generate", "--check"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


TRIAL = """
import sys
from cstoref import spec
spec.COMMANDS["members"].options["--trial"] = spec.Opt("--trial", "trial", "flag", False, help="A trial option.")
from cstoref import entry, generate
print(sorted(generate.stale()))
print(entry.parse(["members", "--trial", "--json"])[1])
"""


def test_an_option_added_to_spec_reaches_every_generated_file_and_the_fast_path() -> None:
    result = subprocess.run([sys.executable, "-c", TRIAL], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    stale, params = result.stdout.splitlines()
    assert stale == str(sorted(generate.TARGETS.keys() & {
        "cstoref/helptext.py", "completions/cstoref.bash", "completions/_cstoref", "completions/cstoref.fish"}))
    parsed = ast.literal_eval(params)
    assert parsed["trial"] is True and parsed["status"] == "all"


def test_an_option_the_answer_does_not_take_yet_breaks_nothing() -> None:
    from cstoref.answers import respond
    from cstoref.store import load

    store = load()
    with_trial = respond("members", store, {"status": "former", "trial": True})
    assert with_trial.data and with_trial.data == respond("members", store, {"status": "former"}).data
    assert all(row["status"] == "former" for row in with_trial.data)

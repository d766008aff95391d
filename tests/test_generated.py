"""Every generated file is what its hand-written source gives now (`python -m cstoref.generate`)."""

from __future__ import annotations

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

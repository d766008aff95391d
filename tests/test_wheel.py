"""The wheel carries everything: installed into a fresh environment with only the runtime
dependencies, `cstoref` works from any directory, with no checkout in sight."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile

import pytest
from conftest import REPO, clean_env


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    dist = tmp / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(REPO)],
                   check=True, capture_output=True, text=True)
    [wheel] = dist.glob("cstoref-*.whl")
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=True)
    subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
                   check=True, capture_output=True, text=True)
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    return wheel, env_dir / "bin", elsewhere


def run(bin_dir, cwd, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bin_dir / "cstoref"), *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, env=clean_env(), timeout=60)


def test_wheel_ships_the_store_schema_and_completions(installed) -> None:
    wheel, _, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"cstoref/data/cstoref.json", "cstoref/data/schema.json"} <= names
    assert {"cstoref/completions/cstoref.bash", "cstoref/completions/_cstoref", "cstoref/completions/cstoref.fish"} <= names
    assert not any(name.startswith(("tests/", "seeds/")) for name in names)


def test_installed_members_from_another_directory(installed) -> None:
    _, bin_dir, elsewhere = installed
    result = run(bin_dir, elsewhere, "members", "--status", "all", "--json")
    assert result.returncode == 0, result.stderr
    status = {r["iso3"]: r["status"] for r in json.loads(result.stdout)}
    assert {k for k, v in status.items() if v == "member"} == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}
    assert {k for k, v in status.items() if v == "former"} == {"UZB", "AZE", "GEO", "AFG"}


def test_installed_sources_and_module_entry(installed) -> None:
    _, bin_dir, elsewhere = installed
    result = run(bin_dir, elsewhere, "sources", "--json")
    files = sorted(r["file"] for r in json.loads(result.stdout) if r["kind"] == "article")
    assert len(files) == 5 and all(f.endswith(".txt") for f in files)
    module = subprocess.run([str(bin_dir / "python"), "-m", "cstoref", "--version"], capture_output=True,
                            text=True, cwd=elsewhere, env=clean_env())
    assert module.returncode == 0 and module.stdout.startswith("cstoref ")
    assert sorted(p.name for p in elsewhere.iterdir()) == []

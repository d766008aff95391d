"""The wheel carries everything: installed into a fresh environment with only the runtime
dependencies, `cstoref` works from any directory, with no checkout in sight."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile

import pytest
from conftest import REPO, clean_env


def _build_and_install(tmp) -> tuple:
    dist = tmp / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(REPO)],
                   check=True, capture_output=True, text=True)
    [wheel] = dist.glob("cstoref-*.whl")
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=True)
    subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
                   check=True, capture_output=True, text=True)
    return wheel, env_dir / "bin"


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        wheel, bin_dir = _build_and_install(tmp_path_factory.mktemp("wheel"))
        return wheel, bin_dir, elsewhere
    # Run in parallel (pytest -n), these tests may land on several workers: the first builds
    # and installs the wheel in the session's shared folder, the others wait for it and reuse it.
    import fcntl

    shared = tmp_path_factory.getbasetemp().parent / "wheel-shared"
    shared.mkdir(exist_ok=True)
    with open(shared.parent / "wheel-shared.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / "done"
        if not done.exists():
            _build_and_install(shared)
            done.write_text("ok")
    [wheel] = (shared / "dist").glob("cstoref-*.whl")
    return wheel, shared / "venv" / "bin", elsewhere


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

"""A store past the size limits is refused before it is parsed: exit 3, one line, no memory.

The time and memory of the largest stores within the limits are measured by the benchmark
(benchmarks/startup.py), not here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import REPO, run_cli

from cstoref import store

sys.path.insert(0, str(REPO / "benchmarks"))
import worst_stores  # noqa: E402


def _one_line(result) -> str:
    assert result.returncode == 3, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("cstoref: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("unit", [b"{},", b"[],", b"0,", b'{"a":0,"b":1},'])
def test_too_many_values_are_refused_before_parsing(tmp_path: Path, unit: bytes) -> None:
    path = tmp_path / "many.json"
    count = store.MAX_ITEMS // max(1, unit.count(b",") + unit.count(b"[") + unit.count(b"{")) + 10
    path.write_bytes(b'{"meta": [' + unit * count + b"0]}")
    assert path.stat().st_size < store.MAX_BYTES
    line = _one_line(run_cli("members", "--db", str(path)))
    assert "too many values" in line and "1,150,000" in line


def test_too_many_bytes_are_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with open(path, "wb") as handle:
        handle.truncate(store.MAX_BYTES + 1)
    line = _one_line(run_cli("members", "--db", str(path)))
    assert "40 MiB" in line


def test_the_limits_let_the_100_times_store_through(tmp_path: Path) -> None:
    path = worst_stores.write("100x", tmp_path / "store100.json", bundled=REPO / "seeds" / "cstoref.json")
    raw = path.read_bytes()
    assert len(raw) <= store.MAX_BYTES
    assert raw.count(b",") + raw.count(b"[") + raw.count(b"{") <= store.MAX_ITEMS
    result = run_cli("sources", "--json", "--db", str(path))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", sorted(worst_stores.CASES))
def test_each_worst_case_is_within_the_limits_and_refused_in_one_line(tmp_path: Path, name: str) -> None:
    path = worst_stores.write(name, tmp_path / "worst.json")
    # A child with 900 MB of address space (Python itself maps some): a MemoryError would end
    # it with a traceback.
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (900 * 2**20, 900 * 2**20)); "
            "from cstoref.entry import main; main(sys.argv[1:])")
    result = run_cli("members", "--db", str(path), exe=[sys.executable, "-c", code])
    _one_line(result)

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
    assert "too many values" in line and f"{store.MAX_ITEMS:,}" in line


def test_too_many_bytes_are_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with open(path, "wb") as handle:
        handle.truncate(store.MAX_BYTES + 1)
    line = _one_line(run_cli("members", "--db", str(path)))
    assert f"{store.MAX_BYTES // 2**20} MiB" in line


BUNDLED = REPO / "seeds" / "cstoref.json"


def test_the_limits_let_ten_times_the_bundled_store_through(tmp_path: Path) -> None:
    factor = worst_stores.largest_factor(BUNDLED)
    assert factor >= 10
    path = worst_stores.write(f"{factor}x", tmp_path / "largest.json", bundled=BUNDLED)
    raw = path.read_bytes()
    assert len(raw) <= store.MAX_BYTES
    assert worst_stores.items(raw) <= store.MAX_ITEMS
    result = run_cli("sources", "--json", "--db", str(path))
    assert result.returncode == 0, result.stderr
    # One more copy would not fit.
    more = worst_stores.scaled(BUNDLED, factor + 1)
    assert len(more) > store.MAX_BYTES or worst_stores.items(more) > store.MAX_ITEMS


@pytest.mark.parametrize("name", sorted(worst_stores.VALID))
def test_each_costliest_valid_store_is_within_the_limits_and_answered(tmp_path: Path, name: str) -> None:
    """The benchmark's valid worst cases are fact stores: their time is that of an answer."""
    path = worst_stores.write(name, tmp_path / "worst.json", bundled=BUNDLED)
    raw = path.read_bytes()
    assert store.MAX_BYTES - len(raw) < store.MAX_BYTES // 2 or store.MAX_ITEMS - worst_stores.items(raw) < 4096
    args = worst_stores.VALID[name][1][0]
    result = run_cli(*args, "--json", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout) > len(raw) // 20


@pytest.mark.parametrize("name", sorted(worst_stores.CASES))
def test_each_worst_case_is_within_the_limits_and_refused_in_one_line(tmp_path: Path, name: str) -> None:
    path = worst_stores.write(name, tmp_path / "worst.json")
    # A child with 900 MB of address space (Python itself maps some): a MemoryError would end
    # it with a traceback.
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (900 * 2**20, 900 * 2**20)); "
            "from cstoref.entry import main; main(sys.argv[1:])")
    result = run_cli("members", "--db", str(path), exe=[sys.executable, "-c", code])
    _one_line(result)

"""The installed console script in a real terminal: tmux runs it and its screen is read."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import clean_env, need

from cstoref import bidi

CSTOREF = str(Path(sys.executable).with_name("cstoref"))
BORDER = set("┌┬┐├┼┤└┴┘│")


class Terminal:
    """One tmux server of our own, one window of a given size."""

    def __init__(self, width: int, height: int = 200) -> None:
        self.tmux = need("tmux")
        self.socket = f"cstoref-test-{uuid.uuid4().hex[:8]}"
        self.width, self.height = width, height

    def _tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([self.tmux, "-L", self.socket, *args], capture_output=True, text=True,
                              env=clean_env(TERM="xterm-256color"), timeout=20)

    def run(self, command: str, done: str = "__DONE__", timeout: float = 20) -> str:
        """Run `command` in a fresh window and return the screen once it has finished."""
        shell = f"{command}; echo {done} $?; sleep 60"
        self._tmux("new-session", "-d", "-x", str(self.width), "-y", str(self.height), "-s", "t", shell)
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self._tmux("capture-pane", "-p", "-t", "t", "-S", "-", "-E", "-").stdout
            if done in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"no answer within {timeout}s; screen was:\n{screen}")

    def close(self) -> None:
        self._tmux("kill-server")


@pytest.fixture()
def terminal():
    made: list[Terminal] = []

    def make(width: int) -> Terminal:
        made.append(Terminal(width))
        return made[-1]

    yield make
    for t in made:
        t.close()


def exit_code(screen: str) -> int:
    import re

    return int(re.search(r"__DONE__ (\d+)", screen).group(1))


@pytest.mark.parametrize("width", [40, 72, 120])
@pytest.mark.parametrize("args", ["members", "members --lang ar", "timeline --lang ar", "quote", "deployment 2022"])
def test_tables_fit_and_align_in_tmux(terminal, width: int, args: str) -> None:
    screen = terminal(width).run(f"{CSTOREF} {args} --bidi visual")
    assert exit_code(screen) == 0
    lines = [line for line in screen.splitlines() if not line.startswith("__DONE__")]
    blocks: list[list[str]] = [[]]
    for line in lines:
        if "__DONE__" in line:
            continue
        if line[:1] in BORDER:
            blocks[-1].append(line.rstrip())
        elif blocks[-1]:
            blocks.append([])
    tables = [block for block in blocks if block]
    assert tables
    for table in tables:
        widths = {bidi.width(line) for line in table}
        assert len(widths) == 1 and widths.pop() <= width, (args, width)
    assert all(bidi.width(line.rstrip()) <= width for line in lines)
    text = "\n".join(lines)
    assert not any(ch in text for ch in "\x1b\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_auto_mode_lays_arabic_out_in_tmux(terminal) -> None:
    screen = terminal(100).run(f"{CSTOREF} members --lang ar")
    assert exit_code(screen) == 0
    assert "ﺎﻴﻨﻴﻣﺭﺃ" in screen  # «أرمينيا», shaped and reordered: tmux does no bidi itself
    assert "أرمينيا" not in screen


def test_piped_output_stays_logical_in_tmux(terminal) -> None:
    screen = terminal(100).run(f"{CSTOREF} members --lang ar | cat")
    assert "أرمينيا" in screen and "ﺎﻴﻨﻴﻣﺭﺃ" not in screen


def test_visual_output_piped_to_a_pager_keeps_the_terminal_width(terminal) -> None:
    """`| less` makes stdout a pipe, but stderr still faces the terminal: use its width."""
    screen = terminal(60).run(f"{CSTOREF} deployment 2022 --bidi visual | cat")
    lines = [line.rstrip() for line in screen.splitlines() if "__DONE__" not in line]
    rows = [line for line in lines if line[:1] in BORDER]
    assert rows
    # A table drawn wider than the screen is folded by the terminal: rows lose their right edge.
    assert all(line[-1:] in BORDER and bidi.width(line) <= 60 for line in rows), rows


def test_ctrl_c_exits_130_and_restores_the_terminal(terminal, tmp_path) -> None:
    """Interrupted in the middle of a run, the tool leaves quietly with 130."""
    slow = tmp_path / "slow.py"
    # Interrupt at a known point: the store load is made to wait for the signal.
    slow.write_text(
        "import sys, time\n"
        "import cstoref.store as s\n"
        "real = s.load\n"
        "def load(path=None):\n"
        "    print('LOADING', flush=True); time.sleep(30); return real(path)\n"
        "s.load = load\n"
        "from cstoref.entry import main\n"
        "main(sys.argv[1:])\n"
    )
    t = terminal(80)
    t._tmux("new-session", "-d", "-x", "80", "-y", "30", "-s", "t",
            f"{sys.executable} {slow} members --bidi visual; echo __DONE__ $?; sleep 60")
    deadline = time.monotonic() + 20
    while "LOADING" not in t._tmux("capture-pane", "-p", "-t", "t").stdout:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    t._tmux("send-keys", "-t", "t", "C-c")
    while "__DONE__" not in (screen := t._tmux("capture-pane", "-p", "-t", "t").stdout):
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert exit_code(screen) == 130
    assert "Traceback" not in screen and "KeyboardInterrupt" not in screen

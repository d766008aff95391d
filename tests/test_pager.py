"""The pager: output taller than the terminal goes through CSTOREF_PAGER, PAGER or less -FRX.

Most checks run the console script on a pseudo-terminal of a known size, with a "pager" that
saves what it is given; the last ones run it in tmux as a user would, with the real less.
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from conftest import clean_env, need, run_cli
from test_terminal import Terminal, exit_code

CSTOREF = str(Path(sys.executable).with_name("cstoref"))


def on_terminal(*args: str, rows: int = 30, cols: int = 100, **env: str) -> tuple[str, int]:
    """Run cstoref on a pseudo-terminal of `rows` x `cols`: (everything it showed, exit code).

    A variable given as None is left unset.
    """
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    environment = {k: v for k, v in clean_env(**{"TERM": "xterm-256color", **env}).items() if v is not None}
    proc = subprocess.Popen([CSTOREF, *args], stdin=slave, stdout=slave, stderr=slave,
                            env=environment, start_new_session=True)
    os.close(slave)
    chunks = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: every writer has closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace"), proc.wait(timeout=10)


@pytest.fixture()
def saved(tmp_path):
    """A pager command that saves its input to a file, and that file."""
    path = tmp_path / "paged.txt"
    return f"cat > {path}", path


def test_tall_output_on_a_terminal_goes_through_the_pager(saved) -> None:
    pager, path = saved
    shown, code = on_terminal("timeline", "--lang", "en", PAGER=pager, CSTOREF_PAGER=None)
    assert code == 0
    paged = path.read_text(encoding="utf-8")
    assert "Collective Security Treaty" in paged and "┌" in paged
    assert "\x1b[1m" in paged, "colour reaches the pager"
    assert "Collective Security Treaty" not in shown, "the pager, not cstoref, shows the text"


def test_cstoref_pager_comes_before_pager(saved, tmp_path) -> None:
    pager, path = saved
    _, code = on_terminal("timeline", CSTOREF_PAGER=pager, PAGER=f"cat > {tmp_path / 'other.txt'}")
    assert code == 0 and path.exists() and not (tmp_path / "other.txt").exists()


@pytest.mark.parametrize("value", ["", "cat", "  cat "])
def test_empty_or_cat_means_no_pager(value: str) -> None:
    shown, code = on_terminal("timeline", "--lang", "en", CSTOREF_PAGER=value, PAGER="false")
    assert code == 0 and "Collective Security Treaty" in shown


def test_no_pager_and_a_pipe_are_never_paged(saved) -> None:
    pager, path = saved
    shown, code = on_terminal("timeline", "--lang", "en", "--no-pager", CSTOREF_PAGER=pager)
    assert code == 0 and "Collective Security Treaty" in shown and not path.exists()
    piped = run_cli("timeline", "--lang", "en", env=clean_env(CSTOREF_PAGER=pager))
    assert piped.returncode == 0 and "Collective Security Treaty" in piped.stdout and not path.exists()


def test_output_that_fits_the_screen_is_not_paged(saved) -> None:
    pager, path = saved
    shown, code = on_terminal("members", "--status", "observer", "--lang", "en", rows=40, CSTOREF_PAGER=pager)
    assert code == 0 and "Serbia" in shown and not path.exists()
    _, code = on_terminal("members", "--status", "observer", "--lang", "en", rows=5, CSTOREF_PAGER=pager)
    assert code == 0 and "Serbia" in path.read_text(encoding="utf-8")


def test_a_pager_that_cannot_start_falls_back_to_printing() -> None:
    for pager in ("no-such-pager-here -R", "exit 127", 'less "', "'unterminated"):
        shown, code = on_terminal("timeline", "--lang", "en", CSTOREF_PAGER=None, PAGER=pager)
        assert code == 0 and "Collective Security Treaty" in shown, pager
        assert "Traceback" not in shown


def test_a_pager_that_quits_early_ends_calmly() -> None:
    shown, code = on_terminal("timeline", CSTOREF_PAGER="head -c 10 > /dev/null")
    assert code == 0
    assert "Traceback" not in shown and "Broken pipe" not in shown and "cstoref:" not in shown


def test_less_gets_gits_defaults_unless_the_user_set_them(tmp_path) -> None:
    seen = tmp_path / "less.txt"
    pager = f'printf "%s|%s" "$LESS" "$LV" > {seen}; cat > /dev/null'
    on_terminal("timeline", CSTOREF_PAGER=pager)
    assert seen.read_text() == "FRX|-c"
    on_terminal("timeline", CSTOREF_PAGER=pager, LESS="R")
    assert seen.read_text() == "R|-c"


def test_the_bidi_switch_stays_on_while_the_pager_shows_the_text() -> None:
    # A terminal that honours the switch (VTE): explicit mode before the pager, back after it.
    pager = "printf PAGER-START; cat > /dev/null; printf PAGER-END"
    shown, code = on_terminal("timeline", "--lang", "ar", CSTOREF_PAGER=pager, VTE_VERSION="6800")
    assert code == 0
    on, start, end, off = (shown.find(s) for s in ("\x1b[8l", "PAGER-START", "PAGER-END", "\x1b[8h"))
    assert -1 < on < start < end < off, repr(shown[:200])


# -- as a user would: tmux and the real less ------------------------------------------------
def tmux_at(rows: int) -> Terminal:
    terminal = Terminal(100, rows)
    return terminal


def screen_now(terminal: Terminal) -> str:
    return terminal._tmux("capture-pane", "-p", "-t", "t").stdout


def wait_for(terminal: Terminal, text: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = screen_now(terminal)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; screen was:\n{screen_now(terminal)}")


def test_in_tmux_at_30_lines_timeline_goes_through_pager(tmp_path) -> None:
    need("tmux")
    path = tmp_path / "paged.txt"
    for args, paged in ((["timeline"], True), (["timeline", "--no-pager"], False),
                        (["timeline", "|", "cat"], False)):
        if path.exists():
            path.unlink()
        terminal = tmux_at(30)
        try:
            screen = terminal.run(f"env -u CSTOREF_PAGER PAGER='cat > {path}' {CSTOREF} {' '.join(args)}")
        finally:
            terminal.close()
        assert exit_code(screen) == 0
        assert path.exists() == paged, args
        if paged:
            assert "Collective Security Treaty" in path.read_text(encoding="utf-8")


def test_in_tmux_less_pages_and_q_or_ctrl_c_end_calmly() -> None:
    need("tmux")
    need("less")
    terminal = tmux_at(30)
    try:
        terminal._tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", "t",
                       f"env -u CSTOREF_PAGER -u PAGER {CSTOREF} timeline --lang en; echo __DONE__ $?; sleep 60")
        screen = wait_for(terminal, "┌")
        assert "__DONE__" not in screen, "less waits at the end of the first screen"
        terminal._tmux("send-keys", "-t", "t", "C-c")
        time.sleep(0.5)
        assert "__DONE__" not in screen_now(terminal), "Ctrl-C is less's, not cstoref's"
        terminal._tmux("send-keys", "-t", "t", "q")
        screen = wait_for(terminal, "__DONE__")
        assert exit_code(screen) == 0
        assert "Traceback" not in screen and "KeyboardInterrupt" not in screen
    finally:
        terminal.close()


@pytest.mark.parametrize("lines", ["²", "³⁴", "9" * 5000, "-3", "0", "abc", "٣٠"])
def test_any_lines_value_on_a_terminal_pages_or_prints_without_a_traceback(saved, lines: str) -> None:
    pager, path = saved
    shown, code = on_terminal("timeline", "--lang", "en", CSTOREF_PAGER=pager, LINES=lines)
    assert code == 0 and "Traceback" not in shown
    assert "Collective Security Treaty" in shown + (path.read_text(encoding="utf-8") if path.exists() else "")


@pytest.mark.parametrize("term", [None, "", " "])
def test_a_terminal_without_term_is_not_paged(saved, term) -> None:
    pager, path = saved
    shown, code = on_terminal("timeline", "--lang", "en", CSTOREF_PAGER=pager, TERM=term)
    assert code == 0 and "Collective Security Treaty" in shown and not path.exists()

"""What is sent to mlterm and Konsole, which run bidi themselves: their switches and their text.

mlterm gets visual text between OSC 5379 use_ctl=false and use_ctl=true, restored on every
exit path; Konsole gets each visual line written backwards, cell by cell, under RLO, so that
its own shaping sees Arabic in logical order and its own bidi turns the line back.  Checked in process for each exit path and through a real pty for a whole run.
"""

from __future__ import annotations

import io
import os
import pty
import select
import signal
import subprocess
import sys

import pytest
from conftest import clean_env

from cstoref import app as app_module
from cstoref import bidi
from cstoref.context import MLTERM_CTL_OFF, MLTERM_CTL_ON, for_konsole, make_output

MLTERM_ENVS = [{"MLTERM": "3.9.3", "TERM": "xterm"}, {"TERM": "mlterm"}, {"TERM": "mlterm-256color"}]
KONSOLE_ENV = {"KONSOLE_VERSION": "221203", "TERM": "xterm-256color"}


class Tty(io.StringIO):
    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("env", MLTERM_ENVS)
def test_mlterm_is_found_and_given_visual_text(env):
    out = make_output(env=env, stdout=Tty())
    assert out.bidi == "visual" and out.explicit_switch and not out.pin
    assert (out.switch_on, out.switch_off) == (MLTERM_CTL_OFF, MLTERM_CTL_ON)
    assert make_output(env={**env, "TMUX": "/tmp/x"}, stdout=Tty()).explicit_switch is False


def test_konsole_is_given_visual_text_written_for_it():
    out = make_output(env=KONSOLE_ENV, stdout=Tty())
    assert out.bidi == "visual" and out.pin and not out.explicit_switch
    assert make_output(env=KONSOLE_ENV, bidi="logical", stdout=Tty()).pin is False
    assert make_output(env=KONSOLE_ENV, stdout=io.StringIO()).pin is False  # a pipe


def _konsole_shows(line: str) -> str:
    """What a UAX #9 line of paragraph level 0 shows for a line of ``for_konsole``: the
    cell before RLO in place, the override reversed cell by cell (L1 kept off by NBSP)."""
    first, _, rest = line.partition("\u202e")
    rest = rest.replace("\u202c", "")
    cells: list[str] = []
    for c in rest:
        if cells and bidi.width(c) == 0:
            cells[-1] += c
        else:
            cells.append(c)
    return (first + "".join(reversed(cells))).replace("\u00a0", " ")


def test_for_konsole_examples():
    assert for_konsole("│ ab │") == "│\u202e│ ba\u00a0\u202c"
    assert for_konsole("") == "" and for_konsole("x") == "x"
    shaped = bidi.shape("مرحبا")[::-1]
    assert for_konsole("  " + shaped) == " \u202e" + shaped[::-1] + "\u00a0\u202c"
    # A line that starts right to left and ends so: written backwards as a whole.
    assert for_konsole(shaped) == shaped[-1] + "\u202e" + shaped[-2::-1] + "\u202c"
    # Marks stay after their letter, colours with their text.
    assert for_konsole("a\u0301b\x1b[1mc\x1b[0m") == "a\u0301\u202e\x1b[0m\x1b[1mc\x1b[0mb\u202c"


@pytest.mark.parametrize(("command", "params"), [("members", {"status": "member"}), ("deployment", {"year": 2022})])
def test_for_konsole_gives_back_the_visual_lines(monkeypatch, command, params):
    out = Tty()
    monkeypatch.setattr(sys, "stdout", out)
    assert app_module.run(command, params, lang="ar", bidi="visual", no_color=True, env={"COLUMNS": "90"}) == 0
    checked = 0
    for line in out.getvalue().split("\n"):
        sent = for_konsole(line)
        if "\u202e" in sent and not sent.startswith(line[-1] + "\u202e"):
            assert _konsole_shows(sent) == line, line
            checked += 1
    assert checked >= 3


def _run(monkeypatch, env, write=None, **kwargs) -> tuple[int, str]:
    out = Tty()
    monkeypatch.setattr(sys, "stdout", out)
    if write is not None:
        monkeypatch.setattr(app_module, "write", write)
    code = app_module.run("members", {"status": "member"}, env={"COLUMNS": "80", **env}, **kwargs)
    return code, out.getvalue()


def _interrupted(output, text):
    output.stdout.write(text[:50])
    raise KeyboardInterrupt


def _broken(output, text):
    output.stdout.write(text[:50])
    raise BrokenPipeError


def _signalled(name):
    def write(output, text):
        output.stdout.write(text[:50])
        os.kill(os.getpid(), getattr(signal, name))
    return write


def _failing(output, text):
    output.stdout.write(text[:50])
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize(("write", "code"), [
    (None, 0), (_interrupted, 130), (_broken, 0),
    (_signalled("SIGTERM"), 128 + signal.SIGTERM), (_signalled("SIGHUP"), 128 + signal.SIGHUP),
])
@pytest.mark.parametrize("env", MLTERM_ENVS[:1])
def test_mlterm_bidi_is_restored_on_every_exit_path(monkeypatch, env, write, code):
    got, text = _run(monkeypatch, env, write)
    assert got == code
    assert text.startswith(MLTERM_CTL_OFF) and text.endswith(MLTERM_CTL_ON)
    assert text.count(MLTERM_CTL_OFF) == text.count(MLTERM_CTL_ON) == 1
    assert "\u2068" not in text and "\u2069" not in text  # mlterm draws isolates as boxes


def test_mlterm_bidi_is_restored_when_the_write_fails(monkeypatch):
    out = Tty()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(app_module, "write", _failing)
    with pytest.raises(OSError):
        app_module.run("members", {"status": "member"}, env={"COLUMNS": "80", **MLTERM_ENVS[0]})
    assert out.getvalue().startswith(MLTERM_CTL_OFF) and out.getvalue().endswith(MLTERM_CTL_ON)


def test_konsole_text_is_the_visual_text_pinned(monkeypatch):
    code, text = _run(monkeypatch, KONSOLE_ENV, lang="ar")
    assert code == 0
    _, visual = _run(monkeypatch, {}, lang="ar", bidi="visual")
    assert text == for_konsole(visual)
    assert "\x1b[8l" not in text and "\u2068" not in text
    assert "\ufefb" in text or "\ufefc" in text  # lam-alef in one cell, shaped here


def _pty_run(env: dict[str, str], *args: str) -> tuple[int, bytes]:
    """A whole run on a pseudo-terminal: (exit code, every byte it wrote)."""
    primary, secondary = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "cstoref", *args], stdin=secondary, stdout=secondary,
                            stderr=secondary, env=clean_env(COLUMNS="100", **env), close_fds=True)
    os.close(secondary)
    data = b""
    while True:
        ready, _, _ = select.select([primary], [], [], 30)
        if not ready:
            proc.kill()
            break
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the child closed its side
            break
        if not chunk:
            break
        data += chunk
    os.close(primary)
    return proc.wait(timeout=30), data


@pytest.mark.parametrize("env", MLTERM_ENVS)
def test_mlterm_through_a_pty(env):
    code, data = _pty_run(env, "members", "--lang", "ar")
    assert code == 0
    text = data.decode("utf-8")
    assert text.startswith(MLTERM_CTL_OFF) and text.endswith(MLTERM_CTL_ON)
    assert "\u2068" not in text and bidi.shape("أرمينيا")[::-1] in text


def test_konsole_through_a_pty():
    code, data = _pty_run(KONSOLE_ENV, "deployment", "2022", "--lang", "ar")
    assert code == 0
    text = data.decode("utf-8")
    assert "\x1b]5379" not in text and "\x1b[8" not in text and "\u2068" not in text
    lines = [line for line in text.replace("\r\n", "\n").split("\n") if len(line.strip()) > 1]
    assert lines and all("\u202e" in line for line in lines)


def test_ids_read_the_same_in_isolated_and_visual_mode(monkeypatch):
    # Flush right in an Arabic table, but left to right like the id itself, in both modes (at
    # a width that gives the sources a column of their own).
    _, isolated = _run(monkeypatch, {"TERM_PROGRAM": "Apple_Terminal", "COLUMNS": "120"}, lang="ar", no_color=True)
    _, visual = _run(monkeypatch, {"COLUMNS": "120"}, lang="ar", bidi="visual", no_color=True)
    assert "\u2066000 003\u2069" in isolated and "\u2067000 003\u2069" not in isolated
    assert "000 003" in visual

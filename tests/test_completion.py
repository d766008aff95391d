"""Tab completion, tested in the real shells with the committed scripts.

bash: the completion function is called as bash calls it (COMP_LINE, COMP_POINT) and COMPREPLY
is read; one test also types in a real terminal to see readline quote a name with a space.
fish: its own completion query, ``complete -C``. zsh: a real terminal (tmux) running an
interactive zsh with compinit, where Tab is pressed and the screen is read.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, STORE, clean_env, need, run_cli

COMPLETIONS = REPO / "completions"
SCRIPTS = {"bash": "cstoref.bash", "zsh": "_cstoref", "fish": "cstoref.fish"}
PROMPT = "READY> "
# The console script of this environment, for completions that ask the program (--db).
BIN = str(Path(sys.executable).parent)


def bundled() -> dict[str, list[str]]:
    from cstoref.completion import store_values

    return store_values(json.loads(STORE.read_text(encoding="utf-8")))


def commands() -> set[str]:
    from typer.main import get_command

    from cstoref import cli

    return {name for name, command in get_command(cli.app).commands.items() if not command.hidden}


# --- driving each shell -----------------------------------------------------------------------


def shell_env(home: Path, path: str | None = None, **extra: str) -> dict[str, str]:
    env = clean_env(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
                    PATH=path if path is not None else f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", **extra)
    env.pop("ZDOTDIR", None)
    return env


def bash_complete(line: str, env: dict[str, str], cwd: Path) -> list[str]:
    script = (f"source {shlex.quote(str(COMPLETIONS / SCRIPTS['bash']))}; COMP_LINE={shlex.quote(line)}; "
              'COMP_POINT=${#COMP_LINE}; _cstoref; printf "%s\\n" "${COMPREPLY[@]}"')
    out = subprocess.run([need("bash"), "--norc", "--noprofile", "-c", script], capture_output=True, text=True,
                         encoding="utf-8", env=env, cwd=cwd, timeout=30, check=True)
    # COMPREPLY is text readline inserts as it is: a name with a space comes escaped.
    return [_unescape(word) for word in out.stdout.split("\n") if word]


def fish_complete(line: str, env: dict[str, str], cwd: Path) -> list[str]:
    script = f"source {shlex.quote(str(COMPLETIONS / SCRIPTS['fish']))}; complete --do-complete=$argv[1]"
    out = subprocess.run([need("fish"), "--no-config", "-c", script, line], capture_output=True, text=True,
                         encoding="utf-8", env=env, cwd=cwd, timeout=30, check=True)
    return [row.split("\t")[0] for row in out.stdout.split("\n") if row]


_SERVERS = itertools.count()


class Terminal:
    """An interactive shell in a detached tmux window: type a line, press Tab, read the screen."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path, done: Path) -> None:
        # A server of our own, a new socket beside `done` (-S) each time, UTF-8 forced (-u),
        # no user configuration (-f /dev/null).
        socket = done.with_name(f"tmux-{next(_SERVERS)}.sock")
        self.tmux = [need("tmux"), "-S", str(socket), "-u", "-f", "/dev/null"]
        self.done = done
        subprocess.run([*self.tmux, "new-session", "-d", "-x", "200", "-y", "50", "-c", str(cwd), *argv],
                       env=env, check=True, timeout=30)
        try:
            self._wait(lambda: PROMPT.rstrip() in self.screen(), "the shell's prompt")  # tmux trims the space
        except BaseException:
            self.close()
            raise

    def _wait(self, ready, what: str, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while not ready():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; screen:\n{self.screen()}")
            time.sleep(0.02)

    def screen(self) -> str:
        return subprocess.run([*self.tmux, "capture-pane", "-p"], capture_output=True, text=True,
                              encoding="utf-8", check=True, timeout=30).stdout

    def tab(self, line: str) -> str:
        """The screen after `line` and one Tab. A key bound to "touch the done file" follows the
        Tab; keys are handled in order, so once the file exists the completion has finished."""
        self.done.unlink(missing_ok=True)
        subprocess.run([*self.tmux, "send-keys", "-l", line], check=True, timeout=30)
        subprocess.run([*self.tmux, "send-keys", "Tab", "C-x", "d"], check=True, timeout=30)
        self._wait(self.done.exists, "the Tab to finish")
        # tmux draws what the shell wrote a moment later: read until the screen holds still.
        screen, deadline = self.screen(), time.monotonic() + 5
        while time.monotonic() < deadline:
            time.sleep(0.1)
            screen, before = self.screen(), screen
            if screen == before:
                break
        return screen

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True, timeout=30)


def _unescape(word: str) -> str:
    return re.sub(r"\\(.)", r"\1", word)


def zsh_complete(line: str, env: dict[str, str], cwd: Path) -> list[str]:
    zdot = cwd / ".zdot"
    zdot.mkdir(exist_ok=True)
    (zdot / ".zshrc").write_text(
        f"PS1={shlex.quote(PROMPT)}\n"
        f"fpath=({shlex.quote(str(COMPLETIONS))} $fpath)\n"
        f"autoload -U compinit && compinit -u -d {shlex.quote(str(zdot / '.zcompdump'))}\n"
        f"_test_done() {{ : > {shlex.quote(str(zdot / 'done'))} }}\n"
        "zle -N _test_done\nbindkey '^Xd' _test_done\n"
        # List on the first Tab even when zsh also inserts the candidates' common prefix ("20"),
        # as it does by default on the second.
        "unsetopt list_ambiguous\n",
        encoding="utf-8",
    )
    terminal = Terminal([need("zsh"), "-d", "-i"], {**env, "ZDOTDIR": str(zdot)}, cwd, zdot / "done")

    def read(screen: str) -> tuple[str, list[str]]:
        rows = screen.rstrip("\n").split("\n")
        at = max(i for i, row in enumerate(rows) if row.startswith(PROMPT.rstrip()))
        return rows[at][len(PROMPT):], rows[at + 1:]

    try:
        typed, listing = read(terminal.tab(line))
    finally:
        terminal.close()
    words = []
    for row in listing:
        if " -- " in row:  # "--help  -h  -- Show this message and exit."
            words += row.split(" -- ")[0].split()
        else:  # columns, two spaces or more apart; one space may be inside a name
            words += [cell for cell in re.split(r"\s{2,}", row.strip()) if cell]
    if not words and typed.rstrip() != line.rstrip():
        # One candidate: zsh put it in the line. The last word is it (an option's "=" is a
        # suffix zsh removes when a space is typed).
        start = len(line) - len(re.split(r"(?<!\\) ", line)[-1])
        words = [typed[start:].rstrip(" ").removesuffix("=")]
    return [_unescape(w) for w in words]


COMPLETE = {"bash": bash_complete, "fish": fish_complete, "zsh": zsh_complete}
SHELLS = list(COMPLETE)


@pytest.fixture()
def other_store(tmp_path: Path) -> Path:
    """A store with other years, event years, speakers and sources than the bundled one."""
    path = tmp_path / "other store.json"
    path.write_text(json.dumps({
        "deployments": {"1": {"id": "d-1999", "year": 1999}, "2": {"id": "d-2031", "year": 2031}},
        "events": {"1": {"id": "e-1", "date": "1977-05-01"}, "2": {"id": "e-2", "date": "1978"}},
        "people": {"1": {"id": "p-roe", "name": {"en": "Jane Roe", "ar": "جين رو"}, "aliases": {"en": ["Roe"], "ar": ["رو"]}}},
        "quotes": {"1": {"id": "q-1", "speaker": "p-roe", "speaker_name": {"en": "Jane Roe", "ar": "جين رو"}}},
        "sources": {"1": {"id": "zz1"}},
    }, ensure_ascii=False), encoding="utf-8")
    return path


# --- the committed scripts are what the program writes ----------------------------------------


@pytest.mark.parametrize("shell", SHELLS)
def test_committed_script_is_generated(shell: str, other_store: Path) -> None:
    committed = (COMPLETIONS / SCRIPTS[shell]).read_text(encoding="utf-8")
    result = run_cli("completion", shell)
    assert result.returncode == 0, result.stderr
    assert result.stdout == committed, (
        f"completions/{SCRIPTS[shell]} is stale: run `python -m cstoref.generate`")
    # Written from the bundled store and nothing else: no path, no CSTOREF_DB.
    assert run_cli("completion", shell, env=clean_env(CSTOREF_DB=str(other_store))).stdout == committed
    assert str(REPO) not in committed


# --- the checked cases, in each real shell ----------------------------------------------------


def cases() -> list[tuple[str, set[str]]]:
    values = bundled()
    speakers = values["speakers"]
    return [
        ("cstoref ", commands()),
        ("cstoref deployment ", set(values["years"])),
        ("cstoref members --status ", {"member", "former", "observer", "all"}),
        ("cstoref members --la", {"--lang"}),
        ("cstoref timeline --bidi ", {"auto", "visual", "logical"}),
        ("cstoref quote --speaker Vla", {s for s in speakers if s.startswith("Vla")}),
        ("cstoref quote --speaker فلادي", {s for s in speakers if s.startswith("فلادي")}),
        ("cstoref sources 00", {s for s in values["sources"] if s.startswith("00")}),
        ("cstoref timeline --from 199", {y for y in values["event-years"] if y.startswith("199")}),
        ("cstoref completion ", {"bash", "fish", "zsh"}),
        ("cstoref show ev-1993-09", {i for i in values["ids"] if i.startswith("ev-1993-09")}),
        ("cstoref show p-pu", {i for i in values["ids"] if i.startswith("p-pu")}),
    ]


CASES = cases()


def test_the_cases_have_names_with_spaces_in_both_languages() -> None:
    assert {"Vladimir Putin", "فلاديمير بوتين"} <= dict(CASES)["cstoref quote --speaker Vla"] | dict(CASES)["cstoref quote --speaker فلادي"]


@pytest.mark.parametrize("shell", SHELLS)
@pytest.mark.parametrize(("line", "expected"), CASES, ids=[line for line, _ in CASES])
def test_tab_offers(shell: str, line: str, expected: set[str], tmp_path: Path) -> None:
    assert expected, "the bundled store has no value for this case"
    assert set(COMPLETE[shell](line, shell_env(tmp_path), tmp_path)) == expected


@pytest.mark.parametrize("shell", SHELLS)
def test_db_completes_files(shell: str, tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / "b c.json").write_text("{}")
    (tmp_path / "sub").mkdir()
    words = COMPLETE[shell]("cstoref members --db ", shell_env(tmp_path), tmp_path)
    assert {w.rstrip("/") for w in words} >= {"a.json", "b c.json", "sub"}


@pytest.mark.parametrize("shell", SHELLS)
def test_db_option_completes_from_that_store(shell: str, tmp_path: Path, other_store: Path) -> None:
    db = shlex.quote(str(other_store))
    env = shell_env(tmp_path)
    assert set(COMPLETE[shell](f"cstoref deployment --db {db} ", env, tmp_path)) == {"1999", "2031"}
    assert set(COMPLETE[shell](f"cstoref quote --db {db} --speaker ", env, tmp_path)) == {"Jane Roe", "Roe", "جين رو", "رو"}


@pytest.mark.parametrize("shell", SHELLS)
def test_environment_store_completes(shell: str, tmp_path: Path, other_store: Path) -> None:
    env = shell_env(tmp_path, CSTOREF_DB=str(other_store))
    assert set(COMPLETE[shell]("cstoref timeline --to ", env, tmp_path)) == {"1977", "1978"}
    assert set(COMPLETE[shell]("cstoref sources ", env, tmp_path)) == {"zz1"}


@pytest.mark.parametrize("shell", SHELLS)
def test_unreadable_store_completes_nothing_quietly(shell: str, tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("not json")
    assert COMPLETE[shell]("cstoref deployment --db bad.json ", shell_env(tmp_path), tmp_path) == []


# --- bash in detail ---------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("cstoref members --lang=a", ["ar"]),  # readline replaces only what follows "="
    ("cstoref timeline --bidi=v", ["visual"]),
    ("cstoref quote --speaker 'Vladimir P", ["Vladimir Putin"]),
    ("cstoref quote --speaker Vladimir\\ P", ["Vladimir Putin"]),
    ("cstoref quote --speaker بوتين --ra", ["--random"]),
    ("cstoref members --status former --js", ["--json"]),
])
def test_bash_words(line: str, expected: list[str], tmp_path: Path) -> None:
    assert bash_complete(line, shell_env(tmp_path), tmp_path) == expected


def test_bash_inserts_values_as_values_beside_folders_of_the_same_name(tmp_path: Path) -> None:
    """A name with a space is inserted as one word; a folder named like a value (2022/, Putin/)
    must not turn the value into a path; an "@" in a value survives."""
    work = tmp_path / "work"
    for name in ("2022", "Putin"):
        (work / name).mkdir(parents=True)
    rc = tmp_path / "bashrc"
    rc.write_text(f"PS1={shlex.quote(PROMPT)}\nsource {shlex.quote(str(COMPLETIONS / SCRIPTS['bash']))}\n"
                  f"bind -x '\"\\C-xd\": : > {shlex.quote(str(tmp_path / 'done'))}'\n", encoding="utf-8")
    terminal = Terminal([need("bash"), "--rcfile", str(rc), "--noprofile", "-i"], shell_env(tmp_path), work,
                        tmp_path / "done")
    try:
        for typed, completed in (("cstoref quote --speaker Vla", "cstoref quote --speaker Vladimir\\ Putin "),
                                 ("cstoref deployment 2022", "cstoref deployment 2022 "),
                                 ("cstoref quote --speaker Pu", "cstoref quote --speaker Putin "),
                                 ("cstoref quote --speaker @m", "cstoref quote --speaker @mhaktr ")):
            screen = terminal.tab(typed)
            assert f"{PROMPT}{completed}".rstrip() in screen.split("\n"), screen
            assert f"{completed.rstrip()}/" not in screen
            subprocess.run([*terminal.tmux, "send-keys", "C-u"], check=True, timeout=30)
    finally:
        terminal.close()


def test_bash_cursor_inside_the_line(tmp_path: Path) -> None:
    line = "cstoref quote --speaker بوت --json"
    script = (f"source {shlex.quote(str(COMPLETIONS / SCRIPTS['bash']))}; COMP_LINE={shlex.quote(line)}; "
              f"COMP_POINT={line.index(' --json')}; _cstoref; printf '%s\\n' \"${{COMPREPLY[@]}}\"")
    out = subprocess.run([need("bash"), "--norc", "-c", script], capture_output=True, text=True, encoding="utf-8",
                         env=shell_env(tmp_path), check=True, timeout=30)
    assert out.stdout.split("\n")[:-1] == ["بوتين"]


# --- no Python on the bundled store, and the cost of a Tab ------------------------------------


@pytest.mark.parametrize("shell", SHELLS)
def test_bundled_store_starts_no_program(shell: str, tmp_path: Path, other_store: Path) -> None:
    """With cstoref and python on PATH replaced by stubs that log each call, Tab still answers
    and no stub runs; the same stubs do run when --db names a store, so they would be seen."""
    stubs, log = tmp_path / "stubs", tmp_path / "calls.log"
    stubs.mkdir()
    for name in ("cstoref", "python", "python3"):
        (stubs / name).write_text(f"#!/bin/sh\necho {name} \"$@\" >> {shlex.quote(str(log))}\n")
        (stubs / name).chmod(0o755)
    env = shell_env(tmp_path, path=str(stubs))
    need("tmux")  # found before PATH changes
    for line, expected in CASES:
        assert set(COMPLETE[shell](line, env, tmp_path)) == expected, line
    assert not log.exists(), log.read_text()
    COMPLETE[shell](f"cstoref deployment --db {shlex.quote(str(other_store))} ", env, tmp_path)
    assert log.read_text().startswith("cstoref completion values years --db")


def test_a_bash_tab_costs_less_than_half_a_python_start(tmp_path: Path) -> None:
    starts = []  # this interpreter itself: a python3 on PATH may be a slower shim (pyenv)
    for _ in range(20):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        starts.append(time.perf_counter() - began)
    # One Tab is one call of the function in the running shell; timed there, in microseconds.
    script = (f"source {shlex.quote(str(COMPLETIONS / SCRIPTS['bash']))}\n"
              "for line in 'cstoref ' 'cstoref deployment ' 'cstoref members --status ' 'cstoref members --la' "
              "'cstoref timeline --bidi ' 'cstoref quote --speaker Vla'; do\n"
              "  for i in {1..20}; do COMP_LINE=$line COMP_POINT=${#line}; t=$EPOCHREALTIME; _cstoref 2>/dev/null\n"
              "    echo \"$line;$(( ${EPOCHREALTIME/./} - ${t/./} ))\"; done; done\n")
    out = subprocess.run([need("bash"), "--norc", "-c", script], capture_output=True, text=True, encoding="utf-8",
                         env=shell_env(tmp_path), check=True, timeout=60).stdout
    tabs: dict[str, list[float]] = {}
    for row in out.split("\n")[:-1]:
        line, micros = row.rsplit(";", 1)
        tabs.setdefault(line, []).append(int(micros) / 1e6)
    python_start = statistics.median(starts)
    slowest = max(statistics.median(times) for times in tabs.values())
    assert slowest < python_start / 2, (slowest, python_start)


# --- the hidden values command and installing -------------------------------------------------


@pytest.mark.parametrize("db", [["--db", "STORE"], ["--db=STORE"], []])
def test_values_command_starts_without_typer(tmp_path: Path, other_store: Path, db: list[str]) -> None:
    """A Tab on another store runs this: it must cost one plain start, not Typer's import."""
    argv = ["completion", "values", "years", *(a.replace("STORE", str(other_store)) for a in db)]
    probe = ("import sys\nfrom cstoref import entry\ntry:\n    entry.main(sys.argv[1:])\n"
             "except SystemExit as end:\n    print('typer' in sys.modules, end.code, file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True,
                            encoding="utf-8", env=shell_env(tmp_path), cwd=tmp_path, timeout=30)
    assert result.stderr.split() == ["False", "0"]
    assert result.stdout.split()


def test_values_command(tmp_path: Path, other_store: Path) -> None:
    result = run_cli("completion", "values", "speakers", "--db", str(other_store))
    assert result.stdout.split("\n") == ["Jane Roe", "Roe", "جين رو", "رو", ""]
    assert run_cli("completion", "values", "years").stdout.split() == bundled()["years"]
    for args in (["years", "--db", str(tmp_path / "missing.json")], ["nosuch"], ["years", "--db", str(tmp_path)]):
        result = run_cli("completion", "values", *args)
        assert (result.returncode, result.stdout, result.stderr) == (1, "", ""), args


def test_values_are_cleaned_of_control_characters(tmp_path: Path) -> None:
    from cstoref.completion import store_values

    document = {"quotes": {"1": {"speaker_name": {"en": "Evil\x1b[31m\u202eName\n", "ar": "-rf"}}}}
    assert store_values(document)["speakers"] == ["Evil [31m Name"]


def installed_env(tmp_path: Path, shell: str) -> dict[str, str]:
    env = shell_env(tmp_path, SHELL=f"/usr/bin/{shell}")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        env.pop(name)
    return env


@pytest.mark.parametrize(("shell", "target", "rc"), [
    ("bash", ".local/share/bash-completion/completions/cstoref", ".bashrc"),
    ("zsh", ".zfunc/_cstoref", ".zshrc"),
    ("fish", ".config/fish/completions/cstoref.fish", None),
])
def test_install_completion(shell: str, target: str, rc: str | None, tmp_path: Path) -> None:
    env = installed_env(tmp_path, shell)
    first = run_cli("--install-completion", env=env)
    assert first.returncode == 0, first.stderr
    assert str(tmp_path / target) in first.stdout
    rc_text = (tmp_path / rc).read_text() if rc else ""
    again = run_cli("--install-completion", env=env)
    assert again.returncode == 0 and "added to" not in again.stdout
    if rc:
        assert (tmp_path / rc).read_text() == rc_text, "a second install must not add lines again"
    assert (tmp_path / target).read_text() == (COMPLETIONS / SCRIPTS[shell]).read_text()
    # A new interactive shell of that user now completes cstoref.
    probe = {
        "bash": [need("bash"), "-i", "-c", "complete -p cstoref"],
        "zsh": [need("zsh"), "-i", "-c", "print -r -- $_comps[cstoref]"],
        "fish": [need("fish"), "-c", "complete --do-complete='cstoref mem'"],
    }[shell]
    out = subprocess.run(probe, capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path,
                         stdin=subprocess.DEVNULL, timeout=30).stdout
    assert {"bash": "_cstoref", "zsh": "_cstoref", "fish": "members"}[shell] in out


def test_show_completion_follows_shell(tmp_path: Path) -> None:
    shown = run_cli("--show-completion", env=installed_env(tmp_path, "zsh"))
    assert shown.stdout == (COMPLETIONS / SCRIPTS["zsh"]).read_text(encoding="utf-8")
    unknown = run_cli("--show-completion", env=clean_env(SHELL="/bin/tcsh"))
    assert unknown.returncode == 2 and "cstoref completion bash|fish|zsh" in unknown.stderr

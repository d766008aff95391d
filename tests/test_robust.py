"""Trying to break the tool: bad stores, hostile text, hostile environments, random input.

Every fault must end with its documented exit code, one clear line, no traceback, and every
file as it was.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import STORE, clean_env, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cstoref import app as app_module
from cstoref import entry

DOC = json.loads(STORE.read_text(encoding="utf-8"))
CONTROLS = [chr(c) for c in [*range(0, 9), *range(11, 32), 0x7F, *range(0x80, 0xA0)]]
BIDI_CONTROLS = ["\u061c", "\u200e", "\u200f", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))]


def fingerprint(*paths: Path) -> dict[Path, tuple[str, int, int]]:
    return {p: (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "", p.stat().st_mtime_ns,
                p.stat().st_mode) for p in paths if p.exists()}


def one_clear_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("cstoref: "), result.stderr
    assert result.stdout == ""
    return lines[0]


# -- bad stores --------------------------------------------------------------------------------
def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def broken_stores(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, a word the message must contain)."""
    bad_record = copy.deepcopy(DOC)
    bad_record["countries"]["2"]["status"] = "ally"
    unknown_source = copy.deepcopy(DOC)
    unknown_source["quotes"]["1"]["sources"].append({"source": "nosuch", "excerpt": None, "note": "x"})
    wrong_shape = {**DOC, "countries": [1, 2, 3]}
    big = tmp / "big.json"
    with open(big, "wb") as handle:
        handle.truncate(65 * 1024 * 1024)
    directory = tmp / "a-directory"
    directory.mkdir()
    fifo = tmp / "fifo.json"
    os.mkfifo(fifo)  # no writer: a store read from it would wait for ever
    text = json.dumps(DOC, ensure_ascii=False)
    first_figure = json.dumps(DOC["figures"]["1"]["values"][0]["value"])
    dangling = copy.deepcopy(DOC)
    dangling["deployments"]["1"]["host"] = "ZZZ"
    feb30 = copy.deepcopy(DOC)
    feb30["events"]["1"]["date"] = "2022-02-30"
    hostile_id = copy.deepcopy(DOC)
    hostile_id["events"]["1"]["id"] = "\x1b]0;title\x07"
    return {
        "fifo": (fifo, "not a regular file"),
        "nan": (_write(tmp / "nan.json", text.replace(f'"value": {first_figure}', '"value": NaN', 1).encode()), "NaN"),
        "huge-number": (_write(tmp / "e999.json", text.replace(f'"value": {first_figure}', '"value": 1e999', 1).encode()),
                        "too large"),
        "5000-digits": (_write(tmp / "digits.json", text.replace(f'"value": {first_figure}', '"value": ' + "9" * 5000, 1)
                               .encode()), "too many digits"),
        "key-twice": (_write(tmp / "twice.json", text.replace('"1": {', '"1": {}, "1": {', 1).encode()), "twice"),
        "dangling-host": (_write(tmp / "dangling.json", json.dumps(dangling).encode()), "ZZZ"),
        "30-february": (_write(tmp / "feb30.json", json.dumps(feb30).encode()), "2022-02-30"),
        "hostile-id": (_write(tmp / "hostile.json", json.dumps(hostile_id).encode()), "\\x1b]0;title\\x07"),
        "missing": (tmp / "missing.json", "no such"),
        "empty": (_write(tmp / "empty.json", b""), "empty"),
        "blank": (_write(tmp / "blank.json", b"  \n"), "empty"),
        "not-json": (_write(tmp / "notjson.json", b"{ this is not json"), "not JSON"),
        "not-utf8": (_write(tmp / "latin1.json", '{"x": "é"}'.encode("latin-1")), "not UTF-8"),
        "array": (_write(tmp / "array.json", b"[1, 2]"), "not a fact store"),
        "wrong-shape": (_write(tmp / "shape.json", json.dumps(wrong_shape).encode()), "countries"),
        "bad-record": (_write(tmp / "badrecord.json", json.dumps(bad_record).encode()), "countries/2"),
        "unknown-source": (_write(tmp / "unknown.json", json.dumps(unknown_source).encode()), "nosuch"),
        "deeply-nested": (_write(tmp / "deep.json", b"[" * 100000 + b"]" * 100000), "not a fact store"),
        "directory": (directory, "directory"),
        "very-large": (big, "larger than"),
    }


@pytest.mark.parametrize("name", ["missing", "empty", "blank", "not-json", "not-utf8", "array", "wrong-shape",
                                  "bad-record", "unknown-source", "deeply-nested", "directory", "very-large",
                                  "fifo", "nan", "huge-number", "5000-digits", "key-twice", "dangling-host",
                                  "30-february", "hostile-id"])
@pytest.mark.parametrize("how", ["option", "env"])
def test_bad_store_exits_3_naming_the_path(tmp_path: Path, name: str, how: str) -> None:
    path, word = broken_stores(tmp_path)[name]
    before = fingerprint(*tmp_path.iterdir())
    if how == "option":
        result = run_cli("members", "--db", str(path), env=clean_env(), cwd=tmp_path)
    else:
        result = run_cli("timeline", "--json", env=clean_env(CSTOREF_DB=str(path)), cwd=tmp_path)
    line = one_clear_line(result, 3)
    assert str(path) in line and word in line, line
    assert "\x1b" not in line and "\x07" not in line
    assert fingerprint(*tmp_path.iterdir()) == before
    assert not (tmp_path / "missing.json").exists()


def test_unreadable_store(tmp_path: Path) -> None:
    store = tmp_path / "secret.json"
    shutil.copy(STORE, store)
    store.chmod(0o000)
    command = [str(Path(sys.executable).with_name("cstoref")), "members", "--db", str(store)]
    if os.geteuid() == 0:
        # root reads any file: run as an ordinary user to meet the permission check.
        setpriv = shutil.which("setpriv")
        if not setpriv:
            pytest.skip("running as root and setpriv is missing, so a file cannot be made unreadable")
        tmp_path.chmod(0o755)
        command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    result = subprocess.run(command, capture_output=True, text=True, env=clean_env(), cwd="/")
    line = one_clear_line(result, 3)
    assert "permission denied" in line and str(store) in line


def test_read_only_store_and_install_work(tmp_path: Path) -> None:
    store = tmp_path / "ro.json"
    shutil.copy(STORE, store)
    store.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        result = run_cli("members", "--json", "--db", str(store), env=clean_env(), cwd=tmp_path)
        assert result.returncode == 0 and json.loads(result.stdout)
    finally:
        tmp_path.chmod(0o755)


# -- hostile text ----------------------------------------------------------------------------
HOSTILE = [
    "[bold]loud[/bold] and [/] and [link=https://example.com]link[/link]",
    "clear \x1b[2J\x1b[H screen, title \x1b]0;pwned\x07 and clipboard \x1b]52;c;ZXZpbA==\x07",
    "bell\x07 backspace\x08 tab\t cr\r nul\x00 c1\x9b31m \x9d0;t\x9c del\x7f",
    "override \u202egnp.exe\u202c isolate \u2067تجربة\u2069 embed \u202bمرحبا\u202c mark \u200f",
    "w" + "ا" * 500,
    "family 👩\u200d👩\u200d👧 flag 🇸🇦 heart ❤\ufe0f",
    "",
    "السعر 25 دولار (USD) «CSTO» [sic] {x}",
]


def hostile_store(tmp_path: Path, text: str) -> Path:
    doc = copy.deepcopy(DOC)
    country = doc["countries"]["1"]
    country["name"] = {"en": f"Armenia {text}", "ar": f"أرمينيا {text}"}
    country["note"] = {"en": text, "ar": text}
    event = doc["events"]["1"]
    event["text"] = {"en": text, "ar": text}
    quote = doc["quotes"]["1"]
    quote["speaker_name"] = {"en": text, "ar": text}
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def visible_controls(text: str) -> list[str]:
    allowed = {"\n"}
    return [ch for ch in text if (ch in CONTROLS or ch in BIDI_CONTROLS) and ch not in allowed]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
@pytest.mark.parametrize("mode", [["--bidi", "visual"], ["--bidi", "logical"], ["--lang", "ar", "--bidi", "visual"], ["--json"]])
def test_hostile_text_is_shown_harmlessly(tmp_path: Path, text: str, mode: list[str]) -> None:
    path = hostile_store(tmp_path, text)
    for args in (["members"], ["timeline", "--to", "1992"], ["quote"]):
        result = run_cli(*args, *mode, "--db", str(path), env=clean_env(COLUMNS="60"), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert not visible_controls(result.stdout), (args, mode)
        if "--json" in mode:
            data = json.loads(result.stdout)
            assert data  # the record is still there, its text intact as data
        else:
            from cstoref import bidi

            table = [line for line in result.stdout.split("\n") if line and line[0] in "┌├│└"]
            assert len({bidi.width(line) for line in table}) == 1
            assert all(bidi.width(line) <= 60 for line in result.stdout.split("\n"))


def test_json_keeps_the_hostile_text_as_data(tmp_path: Path) -> None:
    path = hostile_store(tmp_path, HOSTILE[1])
    record = json.loads(run_cli("members", "--json", "--db", str(path), env=clean_env(), cwd=tmp_path).stdout)[0]
    assert record["note"]["en"] == HOSTILE[1]


# -- environment -------------------------------------------------------------------------------
def test_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    cstoref = shutil.which("cstoref", path=str(Path(sys.executable).parent))
    for args in ("timeline", "timeline --json", "members --bidi visual"):
        result = subprocess.run(f"{cstoref} {args} | head -1", shell=True, capture_output=True, text=True,
                                env=clean_env(), cwd=tmp_path)
        assert result.returncode == 0 and result.stdout.strip()
        assert result.stderr == "", result.stderr


def test_output_that_cannot_encode_arabic(tmp_path: Path) -> None:
    env = clean_env(PYTHONIOENCODING="ascii", LC_ALL="C", LANG="C")
    env.pop("PYTHONUTF8")
    result = run_cli("members", env=env, cwd=tmp_path)
    assert result.returncode == 0
    assert "?" in result.stdout and "Armenia" in result.stdout
    assert result.stderr.count("\n") == 1 and "cannot show" in result.stderr


@pytest.mark.parametrize("encoding", ["latin-1", "ascii", "cp1252"])
@pytest.mark.parametrize("args", [("members", "--lang", "ar"), ("quote", "--lang", "both"), ("timeline", "--lang", "ar")])
def test_a_table_in_an_encoding_without_arabic_keeps_its_columns(tmp_path: Path, encoding: str, args) -> None:
    """A letter the encoding lacks becomes one '?' per cell it took, and a mark that took none
    (a shadda, a harakah) goes, so every line of a table is as wide as its border."""
    result = run_cli(*args, "--bidi", "visual", env=clean_env(PYTHONIOENCODING=encoding, COLUMNS="100"), cwd=tmp_path)
    assert result.returncode == 0
    table = [line for line in result.stdout.splitlines() if line[:1] in ("+", "|")]
    assert any(line.startswith("+") for line in table) and any("?" in line for line in table)
    widths = {len(line) for line in table}
    assert len(widths) == 1, sorted(widths)


@pytest.mark.parametrize("columns", range(1, 21))
def test_tiny_widths(tmp_path: Path, columns: int) -> None:
    result = run_cli("deployment", "2022", "--bidi", "visual", env=clean_env(COLUMNS=str(columns)), cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() and not result.stderr


def test_dumb_terminal_and_no_color(tmp_path: Path) -> None:
    for env in (clean_env(TERM="dumb"), clean_env(NO_COLOR="1")):
        result = run_cli("members", "--bidi", "visual", env=env, cwd=tmp_path)
        assert result.returncode == 0 and "\x1b" not in result.stdout
    assert "+-" in run_cli("members", env=clean_env(TERM="dumb"), cwd=tmp_path).stdout


def test_explicit_mode_is_restored_even_when_interrupted(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal that honours BDSM, CSI 8 l goes before the output and CSI 8 h after it,
    also when Ctrl-C arrives in the middle of writing."""

    class Tty(io.StringIO):
        encoding = "utf-8"

        def isatty(self) -> bool:
            return True

    out = Tty()
    monkeypatch.setattr(sys, "stdout", out)
    env = {"VTE_VERSION": "7200", "COLUMNS": "80"}
    assert app_module.run("members", {"status": "member"}, env=env) == 0
    text = out.getvalue()
    assert text.startswith(app_module.EXPLICIT_ON) and text.endswith(app_module.EXPLICIT_OFF)

    out2 = Tty()
    monkeypatch.setattr(sys, "stdout", out2)

    def interrupted(output, text):
        output.stdout.write(text[:50])
        raise KeyboardInterrupt

    monkeypatch.setattr(app_module, "write", interrupted)
    assert app_module.run("members", {"status": "member"}, env=env) == 130
    assert out2.getvalue().endswith(app_module.EXPLICIT_OFF)


UNWRITABLE = [(redirect, says, args)
              for redirect, says in ((">&-", "standard output is closed"), ("> /dev/full", "cannot write the answer"))
              for args in ("members", "members --json", "timeline --lang ar", "--help", "--version", "completion bash")]


@pytest.mark.parametrize(("redirect", "says", "args"), UNWRITABLE)
def test_an_answer_that_cannot_be_written(tmp_path: Path, redirect: str, says: str, args: str) -> None:
    code = 1
    cstoref = shlex.quote(str(Path(sys.executable).with_name("cstoref")))
    result = subprocess.run(["bash", "-c", f"{cstoref} {args} {redirect}"], capture_output=True, text=True,
                            env=clean_env(), cwd=tmp_path, timeout=30)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1 and says in result.stderr


@pytest.mark.parametrize("unbuffered", ["", "1"])
@pytest.mark.parametrize("args", ["members", "members --json", "members --csv", "completion bash", "timeline --lang ar"])
def test_a_disk_that_fills_part_way_through_the_answer_is_reported(tmp_path: Path, args: str, unbuffered: str) -> None:
    """The first 4 KiB are written, the rest is refused (a full disk, or a file size limit); so
    under PYTHONUNBUFFERED too, where Python's own stdout drops the short write silently."""
    cstoref = shlex.quote(str(Path(sys.executable).with_name("cstoref")))
    env = clean_env(PYTHONUNBUFFERED=unbuffered) if unbuffered else {
        k: v for k, v in clean_env().items() if k != "PYTHONUNBUFFERED"}
    result = subprocess.run(["bash", "-c", f"ulimit -f 4; {cstoref} {args} > out"], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=30)
    assert (tmp_path / "out").stat().st_size == 4096
    assert result.returncode == 1, result.stderr
    assert result.stderr == "cstoref: cannot write the answer (File too large)\n"


@pytest.mark.parametrize("redirect", ["2>&-", "2>/dev/full"])
def test_an_error_with_stderr_closed_or_full_keeps_its_code_and_stdout(tmp_path: Path, redirect: str) -> None:
    cstoref = shlex.quote(str(Path(sys.executable).with_name("cstoref")))
    for args, code in ((f"members --db {tmp_path / 'missing.json'}", 3), ("members --bogus", 2)):
        result = subprocess.run(["bash", "-c", f"{cstoref} {args} {redirect}"], capture_output=True, text=True,
                                env=clean_env(), cwd=tmp_path, timeout=30)
        assert result.returncode == code and result.stdout == ""


def test_zero_troops_draw_no_chart_and_do_not_crash(tmp_path: Path) -> None:
    doc = copy.deepcopy(DOC)
    for record in doc["deployments"].values():
        for contribution in record.get("contributions", []):
            for figure in contribution["troops"]:
                figure["value"] = 0
    store = _write(tmp_path / "zero.json", json.dumps(doc).encode())
    for extra in ([], ["--json"], ["--bidi", "visual"]):
        result = run_cli("deployment", "2022", "--db", str(store), *extra, env=clean_env(), cwd=tmp_path)
        assert result.returncode == 0 and not result.stderr


def test_a_control_character_in_an_argument_is_shown_escaped(tmp_path: Path) -> None:
    line = one_clear_line(run_cli("members", "--\x1b]0;x\x07", env=clean_env(), cwd=tmp_path), 2)
    assert "\\x1b]0;x\\x07" in line


def _tty() -> io.StringIO:
    class Tty(io.StringIO):
        encoding = "utf-8"

        def isatty(self) -> bool:
            return True

    return Tty()


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_explicit_mode_is_restored_when_terminated(monkeypatch: pytest.MonkeyPatch, signame: str) -> None:
    """`timeout`, `kill` or a closed window: the terminal is put back in implicit mode."""
    import signal

    out = _tty()
    monkeypatch.setattr(sys, "stdout", out)
    before = signal.getsignal(getattr(signal, signame))

    def killed(output, text):
        output.stdout.write(text[:50])
        os.kill(os.getpid(), getattr(signal, signame))

    monkeypatch.setattr(app_module, "write", killed)
    code = app_module.run("members", {"status": "member"}, env={"VTE_VERSION": "7200", "COLUMNS": "80"})
    assert code == 128 + getattr(signal, signame)
    assert out.getvalue().startswith(app_module.EXPLICIT_ON) and out.getvalue().endswith(app_module.EXPLICIT_OFF)
    assert signal.getsignal(getattr(signal, signame)) == before


@pytest.mark.parametrize(("env", "bidi", "switched"), [
    ({"VTE_VERSION": "7200", "TERM": "dumb"}, None, False),  # an editor's shell buffer: no escapes
    ({"VTE_VERSION": "7200"}, "visual", True),  # laid out here: the terminal must not redo it
    ({"VTE_VERSION": "7200"}, "logical", False),  # left to the terminal's own bidi
    ({"VTE_VERSION": "5200"}, None, False),  # VTE before bidi support
    ({"TERM_PROGRAM": "WezTerm"}, "visual", True),
])
def test_when_the_terminal_is_switched(monkeypatch: pytest.MonkeyPatch, env, bidi, switched) -> None:
    out = _tty()
    monkeypatch.setattr(sys, "stdout", out)
    assert app_module.run("members", {"status": "member"}, bidi=bidi, env={"COLUMNS": "80", **env}) == 0
    assert out.getvalue().startswith(app_module.EXPLICIT_ON) == switched
    if env.get("TERM") == "dumb":
        assert "\x1b" not in out.getvalue()


# -- random input ------------------------------------------------------------------------------
def run_in_process(argv: list[str], env: dict[str, str] | None = None) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    old_env = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update(clean_env(**(env or {})))
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                entry.main(argv)
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        os.environ.clear()
        os.environ.update(old_env)
    return code, stdout.getvalue(), stderr.getvalue()


WORDS = ["members", "timeline", "deployment", "quote", "search", "sources", "about", "--json", "--lang", "ar",
         "en", "both", "--bidi", "visual", "logical", "--status", "former", "--from", "--to", "2022", "1992",
         "--speaker", "بوتين", "--random", "--db", "--no-color", "-h", "", "٢٠٢٢", "\x1b[2J", "\u202e", "[/]",
         "--", "-", "--lang=ar", "--from=3000", "x" * 300]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=6))
def test_random_arguments_never_crash(argv: list[str]) -> None:
    code, out, err = run_in_process(argv, {"COLUMNS": "70"})
    assert code in (0, 1, 2, 3), (argv, code, err)
    assert "Traceback" not in err and "Traceback" not in out
    if code == 0 and "--bidi" in argv and "visual" in argv:
        assert not visible_controls(out)


FIELDS = [("countries", "1", "note"), ("events", "3", "text"), ("quotes", "2", "context"), ("people", "1", "role"),
          ("deployments", "1", "summary"), ("facts", "1", "text"), ("figures", "1", "subject")]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.sampled_from(FIELDS), st.text(max_size=80), st.sampled_from(["visual", "logical"]))
def test_random_store_text_never_breaks_a_table(tmp_path_factory, field, text: str, mode: str) -> None:
    tmp = tmp_path_factory.mktemp("fuzz")
    doc = dict(DOC)
    table, key, name = field
    doc[table] = copy.deepcopy(DOC[table])
    doc[table][key][name] = {"en": text, "ar": text}
    path = tmp / "store.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    command = {"countries": "members", "events": "timeline", "quotes": "quote", "people": "search",
               "deployments": "deployment", "facts": "about", "figures": "about"}[table]
    argv = [command, "--db", str(path), "--bidi", mode] + (["Putin"] if command == "search" else [])
    code, out, err = run_in_process(argv, {"COLUMNS": "64"})
    assert code in (0, 1), (code, err)
    assert "Traceback" not in err
    assert not visible_controls(out)


def test_ctrl_c_outside_a_command_exits_130_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    """While Typer loads, or just after the answer is out: the same quiet 130."""
    def interrupted(argv):
        raise KeyboardInterrupt

    monkeypatch.setattr(entry, "_answer", interrupted)
    with pytest.raises(SystemExit) as ended:
        entry.main(["members", "--status", "bogus"])
    assert ended.value.code == 130


PASTED = "ب" * 50_000  # a page pasted as an argument


@pytest.mark.parametrize("argv", [
    ["quote", "--speaker", PASTED], ["quote", PASTED], ["search", PASTED], ["show", PASTED], ["sources", PASTED],
    ["deployment", PASTED], ["timeline", "--from", PASTED], ["about", PASTED], ["members", f"--{PASTED}"],
    ["--db", PASTED, "members"], ["members", "--lang", PASTED],
], ids=lambda argv: " ".join(a if len(a) < 20 else "PASTED" for a in argv))
def test_a_pasted_page_is_not_echoed_whole(argv: list[str]) -> None:
    result = run_cli(*argv)
    assert result.returncode in (1, 2, 3), result.stderr[:200]
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert len(result.stderr) < 1000, result.stderr[:200]


@pytest.mark.parametrize(("argv", "says"), [
    (["members", "--limit", "abc"], "'abc' is not a whole number from 1"),
    (["timeline", "--limit", "1.5"], "'1.5' is not a whole number from 1"),
    (["deployment", "abc"], "'abc' is not a year"),
    (["about", "--limit", "3"], "cstoref about takes no --limit (it is an option of members, timeline"),
    (["sources", "--chart"], "cstoref sources takes no --chart (it is an option of members;"),
    (["members", "--bidii", "x"], "No such option: --bidii (Possible options: --bidi)"),
])
def test_a_wrong_option_or_value_is_named_as_what_it_is(argv: list[str], says: str) -> None:
    result = run_cli(*argv)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and says in result.stderr, result.stderr

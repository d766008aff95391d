"""Random stores, arguments, environments and output encodings, run in this process.

Whatever comes in: an exit code of 0, 1, 2 or 3, at most one line on stderr and never a
traceback, no control character on stdout but the newline (colour and the bidi switch are off
in a pipe), and the store file exactly as it was. Examples are derived, not drawn at random, so
every run tries the same ones.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import re
import tempfile
from pathlib import Path

from conftest import STORE, clean_env
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from cstoref import entry

DOC = json.loads(STORE.read_text(encoding="utf-8"))
TABLES = [name for name in DOC if isinstance(DOC[name], dict)]
COMMANDS = ["members", "timeline", "deployment", "quote", "search", "sources", "about"]
# C0 and C1 controls, bidi controls, separators: none may reach a terminal from the data.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# No shrinking: a failure is shown as found, and a run never spends minutes minimising one.
FUZZ = settings(max_examples=40, derandomize=True, database=None, deadline=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# What an environment variable or an argument can hold: any character but NUL and a lone
# surrogate.
WORD = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)

# --- what goes in -----------------------------------------------------------------------------

WEIRD_TEXT = ["", " ", "-1", "0", "²", "٣", "1e3", "0x10", "9" * 5000, "\x1b[2J", "\u202e", "null", "x" * 300,
              "بوتين", "Putin", "[/]", "--", "-", "2022", "1992", "3000", "1991-12-31", "\n", "'\"", "%s%n"]
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=False, allow_infinity=False),
              st.text(max_size=20), st.sampled_from(WEIRD_TEXT)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)


@st.composite
def mutated_store(draw) -> bytes:
    """The bundled store with a few things changed, or broken as bytes, or any JSON at all."""
    how = draw(st.sampled_from(["fields", "fields", "fields", "tables", "bytes", "any json"]))
    if how == "any json":
        return json.dumps(draw(json_values), ensure_ascii=draw(st.booleans())).encode()
    doc = copy.deepcopy(DOC)
    if how == "tables":
        for _ in range(draw(st.integers(1, 3))):
            name = draw(st.sampled_from(TABLES))
            if draw(st.booleans()):
                doc.pop(name, None)
            else:
                doc[name] = draw(json_values)
    else:
        for _ in range(draw(st.integers(1, 4))):
            table = doc[draw(st.sampled_from(TABLES))]
            if not isinstance(table, dict) or not table:
                continue
            record = table[draw(st.sampled_from(sorted(table)))]
            if not isinstance(record, dict) or not record:
                continue
            field = draw(st.sampled_from(sorted(record)))
            action = draw(st.sampled_from(["replace", "delete", "text"]))
            if action == "delete":
                del record[field]
            elif action == "text" and isinstance(record[field], dict):
                record[field] = {key: draw(st.sampled_from(WEIRD_TEXT) | st.text(max_size=30)) for key in record[field]}
            else:
                record[field] = draw(json_values)
    data = json.dumps(doc, ensure_ascii=False).encode()
    if how == "bytes":
        cut = draw(st.integers(0, len(data)))
        if draw(st.booleans()):
            data = data[:cut]
        else:
            data = data[:cut] + draw(st.binary(min_size=1, max_size=4)) + data[cut + 1:]
    return data


OPTIONS = {
    "--json": None, "--no-color": None, "--lang": ["ar", "en", "both", "AR", "fr", ""],
    "--bidi": ["visual", "logical", "auto", "VISUAL", "none"], "--status": ["member", "former", "observer", "all", "x"],
    "--from": ["1992", "2022", "3000", "-5", "٢٠٢٢"], "--to": ["1992", "2022", "0", "abc"],
    "--speaker": ["Putin", "بوتين", "Zas", "", "x" * 200], "--source": ["000", "nosuch"],
}


@st.composite
def command_line(draw) -> list[str]:
    argv = [draw(st.sampled_from(COMMANDS + ["completion", "nosuch", "--help", "-h", "--version"]))]
    if argv[0] == "completion":
        argv.append(draw(st.sampled_from(["bash", "zsh", "fish", "values", "tcsh", "--help"])))
        if argv[1] == "values":
            argv.append(draw(st.sampled_from(["years", "event-years", "speakers", "sources", "nosuch"])))
        return argv
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["option", "option", "word", "text"]))
        if kind == "option":
            name = draw(st.sampled_from(sorted(OPTIONS)))
            argv.append(name)
            if OPTIONS[name] is not None:
                value = draw(st.sampled_from(OPTIONS[name]) | st.sampled_from(WEIRD_TEXT))
                argv[-1:] = [f"{name}={value}"] if draw(st.booleans()) else [name, value]
        elif kind == "word":
            argv.append(draw(st.sampled_from(WEIRD_TEXT)))
        else:
            argv.append(draw(WORD))
    return argv


ENV_VALUES = st.sampled_from(WEIRD_TEXT) | WORD | st.integers(-10**6, 10**6).map(str)
environment = st.fixed_dictionaries({}, optional={
    "COLUMNS": ENV_VALUES, "LINES": ENV_VALUES, "NO_COLOR": ENV_VALUES, "PAGER": ENV_VALUES,
    "TERM": st.sampled_from(["dumb", "xterm-256color", "mlterm", "", "vt100"]) | WORD,
    "CSTOREF_BIDI": st.sampled_from(["visual", "logical", "auto", "Visual", " logical "]) | ENV_VALUES,
    "TERM_PROGRAM": st.sampled_from(["mintty", "WezTerm", "Apple_Terminal"]) | ENV_VALUES,
    "VTE_VERSION": ENV_VALUES, "KONSOLE_VERSION": ENV_VALUES, "TMUX": ENV_VALUES,
})
ENCODINGS = st.sampled_from(["utf-8", "latin-1", "ascii", "cp1252", "utf-8"])

# --- running it -------------------------------------------------------------------------------


def run(argv: list[str], env: dict[str, str], encoding: str) -> tuple[int, str, str]:
    """entry.main in this process, its output in `encoding` as a pipe would take it."""
    stdout = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict", newline="\n")
    stderr = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="backslashreplace", newline="\n")
    saved = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update(clean_env(**env))
        # The environment's own UTF-8 switches would hide the encoding under test.
        for name in ("LANG", "LC_ALL", "PYTHONUTF8"):
            os.environ.pop(name, None)
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            try:
                entry.main(argv)
                code = 0
            except SystemExit as end:
                code = end.code if isinstance(end.code, int) else (0 if end.code is None else 1)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    for stream in (stdout, stderr):
        with contextlib.suppress(ValueError):
            stream.flush()
    decode = {"errors": "replace"}
    return (code, stdout.buffer.getvalue().decode(encoding, **decode),  # type: ignore[attr-defined]
            stderr.buffer.getvalue().decode(encoding, **decode))  # type: ignore[attr-defined]


def check(argv: list[str], code: int, out: str, err: str) -> None:
    assert code in (0, 1, 2, 3), (argv, code, err)
    assert "Traceback" not in err and "Traceback" not in out, err
    lines = err.split("\n")
    assert len(lines) <= 2 and lines[-1] == "", (argv, err)
    assert not err or err.startswith("cstoref: "), err
    if argv[0] != "completion":  # a completion script is a program, not a table
        found = CONTROL.findall(out)
        assert not found, (argv, found[:5])


def fingerprint(path: Path) -> tuple[bytes, int, int]:
    status = path.stat()
    return path.read_bytes(), status.st_mtime_ns, status.st_mode


# --- the tests --------------------------------------------------------------------------------


@FUZZ
@given(data=mutated_store(), argv=command_line(), env=environment, encoding=ENCODINGS)
@example(data=b'{"meta": [' + b"[" * 5000 + b"]" * 5000 + b"]}", argv=["members"], env={}, encoding="utf-8")
@example(data=b"\xff\xfe{}", argv=["quote"], env={"COLUMNS": "0"}, encoding="ascii")
def test_any_store_any_command(data: bytes, argv: list[str], env: dict[str, str], encoding: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.json"
        path.write_bytes(data)
        before = fingerprint(path)
        if argv[0] in COMMANDS or argv[:2] == ["completion", "values"]:
            argv = [*argv, "--db", str(path)]
        code, out, err = run(argv, {**env, "CSTOREF_DB": str(path)}, encoding)
        check(argv, code, out, err)
        assert fingerprint(path) == before, "the store file changed"


@FUZZ
@given(argv=command_line(), env=environment, encoding=ENCODINGS)
@example(argv=["completion", "bash"], env={}, encoding="latin-1")
@example(argv=["members", "--json"], env={}, encoding="ascii")
@example(argv=["--help"], env={"COLUMNS": "²"}, encoding="utf-8")
@example(argv=["timeline", "--bidi", "visual"], env={"COLUMNS": "9" * 5000, "LINES": "-1"}, encoding="cp1252")
def test_the_bundled_store_any_command_any_environment(argv: list[str], env: dict[str, str], encoding: str) -> None:
    before = fingerprint(STORE)
    code, out, err = run(argv, env, encoding)
    check(argv, code, out, err)
    assert fingerprint(STORE) == before
    if code == 0 and "--json" in argv and "--help" not in argv and "-h" not in argv and argv[0] in COMMANDS:
        json.loads(out)  # in any encoding the JSON is whole: escapes where a character cannot go


@settings(FUZZ, max_examples=25)
@given(argv=st.lists(WORD | st.sampled_from(WEIRD_TEXT + COMMANDS + sorted(OPTIONS)), max_size=5),
       env=environment)
def test_any_words_at_all(argv: list[str], env: dict[str, str]) -> None:
    code, out, err = run(argv, env, "utf-8")
    check(argv or ["(none)"], code, out, err)

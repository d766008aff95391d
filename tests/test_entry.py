"""The fast path of `entry` must answer exactly as the Typer app would, or step aside."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.main import get_command

from cstoref import cli, entry, spec


def typer_call(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
    """What the Typer app would hand to `app.run` for `argv`, or None if it would not."""
    seen: list[tuple[str, dict[str, Any], dict[str, Any]]] = []

    def fake_run(command: str, params: dict[str, Any], **common: Any) -> int:
        seen.append((command, params, common))
        return 0

    monkeypatch.setattr(cli, "run", fake_run)
    command = get_command(cli.app)
    try:
        command.main(args=argv, prog_name="cstoref", standalone_mode=False)
    except (typer.Exit, SystemExit):
        pass
    except Exception:  # a usage error: the fast path must not have accepted this line
        return None
    return seen[0] if seen else None


CASES = [
    ["members"],
    ["members", "--json"],
    ["members", "--status", "former", "--json"],
    ["members", "--status=observer", "--lang", "ar", "--bidi", "visual", "--no-color"],
    ["members", "--db", "x.json"],
    ["timeline", "--from", "2000", "--to", "2010"],
    ["timeline", "--from=1992", "--json", "--lang=en"],
    ["timeline", "--from", "2022-01", "--to", "2022-01-10"],
    ["deployment", "2022"],
    ["deployment"],
    ["deployment", "2022", "--bidi", "logical"],
    ["quote", "--speaker", "بوتين"],
    ["quote", "عالم", "--random", "--json"],
    ["search", "KGZ"],
    ["search", "قرغيزستان", "--lang", "ar"],
    ["sources"],
    ["sources", "001", "--json"],
    ["about", "--json"],
    ["quote", ""],
    ["search", ""],
    ["members", "--status", "ALL", "--lang", "Ar", "--bidi", "VISUAL"],
    # A last argument of words: unquoted words are one query.
    ["search", "kazakhstan", "troops"],
    ["search", "kazakhstan", "--json", "troops", "--limit", "2"],
    ["quote", "fast", "changing", "world"],
    ["search", "قوات", "حفظ", "السلام"],
]

REJECTED = [
    [],
    ["--help"],
    ["members", "--help"],
    ["members", "--status", "nobody"],
    ["members", "extra"],
    ["timeline", "--from", "abc"],
    ["timeline", "--from", "99999"],
    ["timeline", "--from"],
    ["deployment", "20x2"],
    ["search"],
    ["members", "--json", "--json"],
    ["members", "--json=1"],
    ["nosuch"],
    ["members", "-h"],
    ["members", "--"],
]


@pytest.mark.parametrize("argv", CASES, ids=" ".join)
def test_fast_path_matches_typer(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fast = entry.parse(argv)
    assert fast is not None, "the fast path should answer this line"
    assert fast == typer_call(argv, monkeypatch)


@pytest.mark.parametrize("argv", REJECTED, ids=lambda a: " ".join(a) or "(none)")
def test_fast_path_steps_aside(argv: list[str]) -> None:
    assert entry.parse(argv) is None


TOKENS = ["members", "timeline", "deployment", "quote", "search", "sources", "about", "--json", "--lang",
          "ar", "en", "both", "--bidi", "visual", "logical", "auto", "--db", "--no-color", "--status", "all",
          "member", "former", "--from", "--to", "1992", "2022", "0", "-1", "--speaker", "--random", "Putin",
          "بوتين", "", "-", "--", "x=y", "--lang=ar", "--from=2000", "2022x", "٢٠٢٢"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=6))
def test_fast_path_never_disagrees(argv: list[str]) -> None:
    fast = entry.parse(argv)
    if fast is None:
        return
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert fast == typer_call(argv, monkeypatch)


def test_spec_mirrors_the_typer_app() -> None:
    group = get_command(cli.app)
    del group.commands["completion"]  # not on the fast path: it only prints or installs scripts
    assert set(group.commands) == set(spec.COMMANDS)
    for name, command in group.commands.items():
        options = {**spec.COMMON, **spec.COMMANDS[name].output, **spec.COMMANDS[name].options}
        params = [p for p in command.params if p.name != "help"]
        cli_options = {p.opts[0]: p for p in params if p.param_type_name == "option"}
        assert set(cli_options) == set(options), name
        for flag, param in cli_options.items():
            opt = options[flag]
            assert param.name.rstrip("_") == opt.dest
            kind = "flag" if param.is_flag else {"choice": "choice", "integer range": "int", "text": "str", "str": "str"}[param.type.name]
            # A date is text to Typer: the answer checks it, for both parsers alike.
            assert kind == ("str" if opt.kind == "date" else opt.kind), (name, flag)
            if kind == "choice":
                assert tuple(param.type.choices) == opt.choices
            if kind == "int":
                assert (param.type.min, param.type.max) == (opt.min, opt.max)
        arguments = [p for p in params if p.param_type_name == "argument"]
        assert [(p.name, p.required) for p in arguments] == [(o.dest, o.required) for o in spec.COMMANDS[name].arguments]


def test_stored_help_is_what_typer_prints_now() -> None:
    from cstoref.helptext import HELP

    assert HELP == cli.help_texts(), "cstoref/helptext.py is stale: run python -m cstoref.generate"


@pytest.mark.parametrize("argv", [["--help"], ["-h"], ["members", "--help"], ["deployment", "-h"], ["completion", "--help"]])
def test_help_is_the_same_by_either_path(argv: list[str], tmp_path) -> None:
    from conftest import clean_env, run_cli

    fast = run_cli(*argv, env=clean_env(COLUMNS="100"), cwd=tmp_path)
    narrow = run_cli(*argv, env=clean_env(COLUMNS="80"), cwd=tmp_path)
    assert fast.returncode == narrow.returncode == 0
    assert fast.stdout == narrow.stdout and fast.stdout.startswith("Usage: cstoref")
    slow = run_cli(*argv, env=clean_env(COLUMNS="60"), cwd=tmp_path)  # Typer itself
    assert slow.returncode == 0 and slow.stdout.startswith("Usage: cstoref")


@pytest.mark.parametrize("argv, hoisted", [
    (["--lang", "ar", "members"], ["members", "--lang", "ar"]),
    (["--json", "--db=x.json", "timeline", "--from", "2022"], ["timeline", "--json", "--db=x.json", "--from", "2022"]),
    (["--limit", "3", "--csv", "quote", "Putin"], ["quote", "--limit", "3", "--csv", "Putin"]),
    (["--db", "members", "members"], ["members", "--db", "members"]),
])
def test_options_before_the_subcommand_move_after_it(argv: list[str], hoisted: list[str]) -> None:
    assert entry.hoist(argv) == hoisted


@pytest.mark.parametrize("argv", [["--csv", "about"], ["--limit", "2", "about"], ["--help"], ["--version"],
                                  ["--nosuch", "members"], ["--lang"], ["--lang", "ar"], ["members", "--json"],
                                  ["--json", "nosuch"]])
def test_hoist_leaves_other_lines_for_typer(argv: list[str]) -> None:
    assert entry.hoist(argv) == argv

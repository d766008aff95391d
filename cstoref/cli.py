"""The Typer app: options, help texts and exit codes. Answers come from `app.run`."""

from __future__ import annotations

import os
import sys
from enum import Enum
from typing import Annotated

import typer

from . import __version__
from .app import run
from .completion import SHELLS
from .errors import report


class Lang(str, Enum):
    both = "both"
    en = "en"
    ar = "ar"


class Bidi(str, Enum):
    auto = "auto"
    visual = "visual"
    logical = "logical"


class Status(str, Enum):
    member = "member"
    former = "former"
    observer = "observer"
    all = "all"


JsonOpt = Annotated[bool, typer.Option("--json", help="Print the full records as JSON (UTF-8, logical order).")]
LangOpt = Annotated[Lang, typer.Option("--lang", case_sensitive=False, help="Languages shown: both, en, or ar (a right-to-left table).")]
BidiOpt = Annotated[
    Bidi | None,
    typer.Option(
        "--bidi",
        case_sensitive=False,
        help="Arabic layout: visual (shaped, reordered), logical (as stored), or auto "
        "(from the terminal; default, also set by CSTOREF_BIDI).",
        show_default=False,
    ),
]
DbOpt = Annotated[
    str | None,
    typer.Option("--db", metavar="PATH", help="Read this fact store instead of the bundled one (also CSTOREF_DB).", show_default=False),
]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colour (also NO_COLOR, TERM=dumb, or not a terminal).")]

app = typer.Typer(
    name="cstoref",
    # Help is plain text that the terminal prints as it is, so it stays in English: Arabic
    # here would reach a terminal without bidi unshaped and reversed.
    help="A bilingual Arabic/English reference on the Collective Security Treaty Organization "
    "(CSTO). Every fact cites its source.",
    # Plain Click help: the rich formatter roughly doubles the time --help takes.
    rich_markup_mode=None,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    # Typer's completion starts Python on every Tab; ours are scripts (see `completion`).
    add_completion=False,
)


def _finish(command: str, params: dict, json_: bool, lang: Lang, bidi: Bidi | None, db: str | None, no_color: bool) -> None:
    code = run(command, params, json=json_, lang=lang.value, bidi=bidi.value if bidi else None, db=db, no_color=no_color)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        print(f"cstoref {__version__}")
        raise typer.Exit()


def _shell_from_env() -> str:
    shell = os.path.basename(os.environ.get("SHELL", ""))
    if shell not in SHELLS:
        report(f"cannot tell your shell from SHELL={shell!r}; run `cstoref completion {'|'.join(SHELLS)}` instead")
        raise typer.Exit(2)
    return shell


def _print_script(shell: str) -> None:
    from .completion import script

    sys.stdout.write(script(shell, typer.main.get_command(app)))


def _install_script(shell: str) -> None:
    from .completion import install, script

    try:
        done = install(shell, script(shell, typer.main.get_command(app)))
    except OSError as exc:
        report(f"cannot install the {shell} completion: {exc}")
        raise typer.Exit(1) from None
    for line in done:
        print(line)
    print(f"Open a new {shell} to use it.")


def _install_completion(value: bool) -> None:
    if value:
        _install_script(_shell_from_env())
        raise typer.Exit()


def _show_completion(value: bool) -> None:
    if value:
        _print_script(_shell_from_env())
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
    install_completion: Annotated[
        bool | None,
        typer.Option("--install-completion", callback=_install_completion, is_eager=True, expose_value=False,
                     help="Install Tab completion for your shell (from SHELL), per user."),
    ] = None,
    show_completion: Annotated[
        bool | None,
        typer.Option("--show-completion", callback=_show_completion, is_eager=True, expose_value=False,
                     help="Show the Tab-completion script for your shell (from SHELL)."),
    ] = None,
) -> None:
    """A bilingual Arabic/English reference on the CSTO. Every fact cites its source."""


@app.command()
def members(
    status: Annotated[Status, typer.Option("--status", case_sensitive=False, help="Which countries: member, former, observer, or all.")] = Status.all,
    json_: JsonOpt = False,
    lang: LangOpt = Lang.both,
    bidi: BidiOpt = None,
    db: DbOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Who is in the CSTO, who left and when, who observes."""
    _finish("members", {"status": status.value}, json_, lang, bidi, db, no_color)


YearFrom = Annotated[int | None, typer.Option("--from", min=1000, max=9999, help="First year shown.", show_default=False)]
YearTo = Annotated[int | None, typer.Option("--to", min=1000, max=9999, help="Last year shown.", show_default=False)]


@app.command()
def timeline(
    from_year: YearFrom = None,
    to_year: YearTo = None,
    json_: JsonOpt = False,
    lang: LangOpt = Lang.both,
    bidi: BidiOpt = None,
    db: DbOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Dated events, oldest first, each date at the precision known."""
    _finish("timeline", {"from_year": from_year, "to_year": to_year}, json_, lang, bidi, db, no_color)


@app.command()
def deployment(
    year: Annotated[int | None, typer.Argument(min=1000, max=9999, metavar="[YEAR]", help="A year with a recorded decision, e.g. 2022.", show_default=False)] = None,
    json_: JsonOpt = False,
    lang: LangOpt = Lang.both,
    bidi: BidiOpt = None,
    db: DbOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """The January 2022 Kazakhstan operation with every reported figure; with no YEAR, every decision."""
    _finish("deployment", {"year": year}, json_, lang, bidi, db, no_color)


@app.command()
def quote(
    text: Annotated[str | None, typer.Argument(metavar="[TEXT]", help="Words the quote contains, in Arabic or English.", show_default=False)] = None,
    speaker: Annotated[str | None, typer.Option("--speaker", metavar="NAME", help="Who said it, in Arabic or English, in any spelling (e.g. Putin).", show_default=False)] = None,
    random: Annotated[bool, typer.Option("--random", help="One matching quote, chosen at random.")] = False,
    json_: JsonOpt = False,
    lang: LangOpt = Lang.both,
    bidi: BidiOpt = None,
    db: DbOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Who said what: the Arabic as the article printed it, and our English translation."""
    _finish("quote", {"text": text, "speaker": speaker, "random": random}, json_, lang, bidi, db, no_color)


@app.command()
def search(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="A name, word or code in Arabic or English, in any spelling (e.g. Kyrgyzstan, KGZ).", show_default=False)],
    json_: JsonOpt = False,
    lang: LangOpt = Lang.both,
    bidi: BidiOpt = None,
    db: DbOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Everything in the store that matches, in either language, grouped by kind."""
    _finish("search", {"text": text}, json_, lang, bidi, db, no_color)


@app.command()
def sources(
    source_id: Annotated[str | None, typer.Argument(metavar="[ID]", help="A source id (000-004 for the articles), or its file name.", show_default=False)] = None,
    json_: JsonOpt = False,
    lang: LangOpt = Lang.both,
    bidi: BidiOpt = None,
    db: DbOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """The articles and reference pages, and what each one supports."""
    _finish("sources", {"source_id": source_id}, json_, lang, bidi, db, no_color)


@app.command()
def about(
    json_: JsonOpt = False,
    lang: LangOpt = Lang.both,
    bidi: BidiOpt = None,
    db: DbOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """An overview: names, founding, treaty, seat, chairmanship, bodies, force sizes."""
    _finish("about", {}, json_, lang, bidi, db, no_color)


completion_app = typer.Typer(
    name="completion",
    help="Print the Tab-completion script for bash, fish or zsh, or install it with --install.",
    no_args_is_help=True,
)
app.add_typer(completion_app)


def _completion_command(shell: str):
    def command(
        install: Annotated[bool, typer.Option("--install", help="Install it for this user instead of printing it.")] = False,
    ) -> None:
        if install:
            _install_script(shell)
        else:
            _print_script(shell)

    command.__doc__ = f"The {shell} completion script (see the README to install it)."
    return command


for _shell in SHELLS:
    completion_app.command(_shell)(_completion_command(_shell))


@completion_app.command("values", hidden=True)
def completion_values(kind: str, db: DbOpt = None) -> None:
    """One value per line for the completion scripts; prints nothing for a store it cannot read."""
    from .completion import print_values

    raise typer.Exit(print_values(kind, db, os.environ))


def help_texts() -> dict[str, str]:
    """--help of the app and of each visible command, as Typer prints them at 80 columns.

    `cstoref/helptext.py` keeps a copy, so `entry` can answer --help without importing Typer;
    a test fails when the copy is stale. Rewrite it with ``python -m cstoref.generate``.
    """
    from typer.testing import CliRunner

    runner = CliRunner()
    texts = {"": runner.invoke(app, ["--help"], prog_name="cstoref", env={"COLUMNS": "80"}).output}
    for name, command in typer.main.get_command(app).commands.items():
        if not command.hidden:
            texts[name] = runner.invoke(app, [name, "--help"], prog_name="cstoref", env={"COLUMNS": "80"}).output
    return texts


def help_module() -> str:
    """The text of `cstoref/helptext.py` (see `cstoref.generate`)."""
    lines = ['"""--help texts, written by `python -m cstoref.generate` from the Typer app; do not edit."""', "", "HELP = {"]
    lines += [f"    {name!r}: {text!r}," for name, text in help_texts().items()]
    lines += ["}", ""]
    return "\n".join(lines)

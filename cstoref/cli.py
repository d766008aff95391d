"""The Typer app: options, help texts and exit codes. Answers come from `app.run`."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from . import __version__
from .app import run


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
LangOpt = Annotated[Lang, typer.Option("--lang", help="Languages shown: both, en, or ar (a right-to-left table).")]
BidiOpt = Annotated[
    Optional[Bidi],
    typer.Option(
        "--bidi",
        help="Arabic layout: visual (shaped, reordered), logical (as stored), or auto "
        "(from the terminal; default, also set by CSTOREF_BIDI).",
        show_default=False,
    ),
]
DbOpt = Annotated[
    Optional[str],
    typer.Option("--db", metavar="PATH", help="Read this fact store instead of the bundled one (also CSTOREF_DB).", show_default=False),
]
NoColorOpt = Annotated[bool, typer.Option("--no-color", help="No colour (also NO_COLOR, TERM=dumb, or not a terminal).")]

app = typer.Typer(
    name="cstoref",
    help="A bilingual Arabic/English reference on the Collective Security Treaty Organization "
    "(CSTO, منظمة معاهدة الأمن الجماعي). Every fact cites its source.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _finish(command: str, params: dict, json_: bool, lang: Lang, bidi: Optional[Bidi], db: Optional[str], no_color: bool) -> None:
    code = run(command, params, json=json_, lang=lang.value, bidi=bidi.value if bidi else None, db=db, no_color=no_color)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        print(f"cstoref {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """A bilingual Arabic/English reference on the CSTO. Every fact cites its source."""


@app.command()
def members(
    status: Annotated[Status, typer.Option("--status", help="Which countries: member, former, observer, or all.")] = Status.all,
    json_: JsonOpt = False,
    lang: LangOpt = Lang.both,
    bidi: BidiOpt = None,
    db: DbOpt = None,
    no_color: NoColorOpt = False,
) -> None:
    """Who is in the CSTO, who left and when, who observes."""
    _finish("members", {"status": status.value}, json_, lang, bidi, db, no_color)


YearFrom = Annotated[Optional[int], typer.Option("--from", min=1000, max=9999, help="First year shown.", show_default=False)]
YearTo = Annotated[Optional[int], typer.Option("--to", min=1000, max=9999, help="Last year shown.", show_default=False)]


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
    year: Annotated[Optional[int], typer.Argument(min=1000, max=9999, metavar="[YEAR]", help="A year with a recorded decision, e.g. 2022.", show_default=False)] = None,
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
    text: Annotated[Optional[str], typer.Argument(metavar="[TEXT]", help="Words the quote contains, in Arabic or English.", show_default=False)] = None,
    speaker: Annotated[Optional[str], typer.Option("--speaker", metavar="NAME", help="Who said it, in any spelling (بوتين, Putin).", show_default=False)] = None,
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
    text: Annotated[str, typer.Argument(metavar="TEXT", help="A name, word or code in Arabic or English (قرغيزستان, Kyrgyzstan, KGZ).", show_default=False)],
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
    source_id: Annotated[Optional[str], typer.Argument(metavar="[ID]", help="A source id (000-004 for the articles), or its file name.", show_default=False)] = None,
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

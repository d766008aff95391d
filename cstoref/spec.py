"""The command line, described once: every subcommand, option and argument, with its help.

The Typer app (`cli`) is built from this, the fast path (`entry`) parses with it, and the
help texts and completion scripts are generated from the app (`python -m cstoref.generate`).
Adding an option is one entry here and that command. Plain data, no imports: the fast path
reads it on every run.
"""

from __future__ import annotations

from typing import Any


class Opt:
    """One option (`flag` set) or argument (`flag` None). (Plain classes: dataclasses cost
    more to import than this whole module.)"""

    __slots__ = ("flag", "dest", "kind", "default", "choices", "required", "min", "max", "help", "metavar",
                 "show_default")

    def __init__(self, flag: str | None, dest: str, kind: str, default: Any = None, *, help: str,
                 choices: tuple[str, ...] = (), required: bool = False, min: int = 0, max: int = 0,
                 metavar: str | None = None, show_default: bool = False) -> None:
        self.flag = flag
        self.dest = dest
        # flag, choice, int, date (YYYY, YYYY-MM or YYYY-MM-DD), str, or words (a last argument of
        # one or more words, handed to the answer as one string: `search kazakhstan troops`)
        self.kind = kind
        self.default = default
        self.choices = choices
        self.required = required
        self.min = min
        self.max = max
        self.help = help
        self.metavar = metavar
        self.show_default = show_default


class Command:
    """A subcommand: its own `options` and `arguments` go to its answer; `output` options, like
    `COMMON`, decide how the answer is printed."""

    __slots__ = ("help", "options", "arguments", "output")

    def __init__(self, help: str, options: tuple[Opt, ...] = (), arguments: tuple[Opt, ...] = (),
                 output: tuple[Opt, ...] = ()) -> None:
        self.help = help
        self.options = {opt.flag: opt for opt in options}
        self.arguments = arguments
        self.output = {opt.flag: opt for opt in output}


APP_HELP = ("A bilingual Arabic/English reference on the Collective Security Treaty Organization (CSTO). "
            "Every fact cites its source.")

# Taken by every answering subcommand, after its own options.
COMMON: dict[str, Opt] = {opt.flag: opt for opt in (
    Opt("--json", "json", "flag", False, help="Print the full records as JSON (UTF-8, logical order)."),
    Opt("--lang", "lang", "choice", "both", choices=("both", "en", "ar"), show_default=True,
        help="Languages shown: both, en, or ar (a right-to-left table)."),
    Opt("--bidi", "bidi", "choice", None, choices=("auto", "visual", "logical"),
        help="Arabic layout: visual (shaped, reordered), logical (as stored), or auto (from the terminal; "
        "default, also set by CSTOREF_BIDI)."),
    Opt("--db", "db", "str", None, metavar="PATH",
        help="Read this fact store instead of the bundled one (also CSTOREF_DB)."),
    Opt("--no-color", "no_color", "flag", False, help="No colour (also NO_COLOR, TERM=dumb, or not a terminal)."),
    Opt("--no-pager", "no_pager", "flag", False,
        help="Never page the output (on a terminal, output taller than the screen goes through CSTOREF_PAGER, "
        "PAGER, or less -FRX)."),
)}

# Taken by the commands that list records.
LIMIT = Opt("--limit", "limit", "int", None, metavar="N", min=1, max=1_000_000, help="Show at most N records.")
CITE = Opt("--cite", "cite", "flag", False, help="Print each row's sources under it, with their verbatim excerpts.")
CSV = Opt("--csv", "csv", "flag", False,
          help="Print CSV for a spreadsheet: UTF-8 with a byte-order mark, one row per record.")

_YEAR = {"min": 1000, "max": 9999}

COMMANDS: dict[str, Command] = {
    "members": Command(
        "Who is in the CSTO, who left and when, who observes.",
        options=(
            Opt("--status", "status", "choice", "all", choices=("member", "former", "observer", "all"),
                show_default=True, help="Which countries: member, former, observer, or all."),
            Opt("--chart", "chart", "flag", False, help="Draw each country's membership periods on a year axis."),
            LIMIT, CITE,
        ),
        output=(CSV,),
    ),
    "timeline": Command(
        "Dated events, oldest first, each date at the precision known.",
        options=(
            Opt("--from", "from_date", "date", None, metavar="DATE",
                help="Earliest date shown: YYYY, YYYY-MM or YYYY-MM-DD. An event dated only to its year or month "
                "is shown when that year or month reaches into the range."),
            Opt("--to", "to_date", "date", None, metavar="DATE", help="Latest date shown: YYYY, YYYY-MM or YYYY-MM-DD."),
            LIMIT, CITE,
        ),
        output=(CSV,),
    ),
    "deployment": Command(
        "The January 2022 Kazakhstan operation with every reported figure; with no YEAR, every decision.",
        options=(LIMIT, CITE),
        arguments=(Opt(None, "year", "int", None, metavar="[YEAR]", help="A year with a recorded decision, e.g. 2022.",
                       **_YEAR),),
        output=(CSV,),
    ),
    "quote": Command(
        "Who said what: the Arabic as the article printed it, and our English translation.",
        options=(
            Opt("--speaker", "speaker", "str", None, metavar="NAME",
                help="Who said it, in Arabic or English, in any spelling (e.g. Putin)."),
            Opt("--random", "random", "flag", False, help="One matching quote, chosen at random."),
            LIMIT, CITE,
        ),
        arguments=(Opt(None, "text", "words", None, metavar="[TEXT]...",
                       help="Words the quote contains, in Arabic or English."),),
        output=(CSV,),
    ),
    "search": Command(
        "Everything in the store that matches, in either language, ranked: its own name first, then its text, then mentions.",
        options=(
            LIMIT,
            Opt("--all", "all", "flag", False, help="Every result, not only the best 10."),
            CITE,
        ),
        output=(CSV,),
        arguments=(Opt(None, "text", "words", None, required=True, metavar="TEXT...",
                       help="A name, word or code in Arabic or English, in any spelling (e.g. Kyrgyzstan, KGZ)."),),
    ),
    "sources": Command(
        "The articles and reference pages, and what each one supports.",
        options=(LIMIT,),
        arguments=(Opt(None, "source_id", "str", None, metavar="[ID]",
                       help="A source id (000-004 for the articles), or its file name."),),
        output=(CSV,),
    ),
    "about": Command("An overview: names, founding, treaty, seat, chairmanship, bodies, force sizes."),
    "show": Command(
        "One record of any kind as a card: every field, every claim with its mark, every citation with its excerpt.",
        arguments=(Opt(None, "record_id", "str", None, required=True, metavar="ID",
                       help="A record id, as the Id column of every table gives it (e.g. kaz, p-putin, 001)."),),
    ),
}

"""Table layout invariants, over every command, width and language (in process, for speed)."""

from __future__ import annotations

import io
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cstoref import bidi
from cstoref.answers import answer
from cstoref.context import Output
from cstoref.render import render_tables
from cstoref.store import load
from cstoref.tables import Column, Table

STORE = load()
ANSWERS = {
    "members": answer("members")(STORE),
    "timeline": answer("timeline")(STORE),
    "deployment 2022": answer("deployment")(STORE, 2022),
    "deployment": answer("deployment")(STORE),
    "quote": answer("quote")(STORE),
    "search": answer("search")(STORE, "Kazakhstan"),
    "sources": answer("sources")(STORE),
    "sources 004": answer("sources")(STORE, "004"),
    "about": answer("about")(STORE),
}
BORDER = set("┌┬┐├┼┤└┴┘│─+|-")


def render(name: str, width: int, lang: str, mode: str = "visual", tty: bool = True) -> list[str]:
    out = Output(lang=lang, bidi=mode, width=width, tty=tty, stdout=io.StringIO())
    return render_tables(ANSWERS[name].tables, out).split("\n")


def table_blocks(lines: list[str]) -> list[list[str]]:
    """Runs of lines that belong to a drawn table (they start with a border character)."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line[:1] in BORDER:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(ANSWERS)), st.integers(30, 140), st.sampled_from(["both", "en", "ar"]),
       st.sampled_from(["visual", "logical", "isolated"]))
def test_no_line_overflows_and_table_lines_align(name: str, width: int, lang: str, mode: str) -> None:
    lines = render(name, width, lang, mode)
    for line in lines:
        assert bidi.width(line) <= width, (name, width, lang, line)
    blocks = table_blocks(lines)
    assert blocks
    for block in blocks:
        assert len({bidi.width(line) for line in block}) == 1, (name, width, lang)


@pytest.mark.parametrize("width", [1, 2, 5, 10, 20, 29])
@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_narrow_terminals_degrade_without_a_crash(name: str, width: int) -> None:
    lines = render(name, width, "both")
    assert any(line.strip() for line in lines)


def test_visual_lines_carry_no_controls() -> None:
    for name in ANSWERS:
        for lang in ("both", "ar"):
            text = "\n".join(render(name, 72, lang))
            assert not any(ch in text for ch in "\x1b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_rtl_table_puts_the_first_column_on_the_right() -> None:
    lines = render("members", 120, "ar")
    header = next(line for line in lines if "ﺔﻟﻭﺪﻟﺍ" in line)  # «الدولة», shaped
    assert header.rstrip().endswith("ﺔﻟﻭﺪﻟﺍ │")
    first_row = next(line for line in lines if "ﺎﻴﻨﻴﻣﺭﺃ" in line)  # «أرمينيا», shaped
    assert first_row.rstrip().endswith("ﺎﻴﻨﻴﻣﺭﺃ │")


def test_long_arabic_event_reads_from_the_top_line_down() -> None:
    event = next(e for e in STORE.table("events") if len(e["text"]["ar"]) > 120)
    table = Table(None, [Column("t", {"en": "Event", "ar": "الحدث"})], [{"t": {"en": "", "ar": event["text"]["ar"]}}])
    out = Output(lang="ar", bidi="visual", width=40, tty=True, stdout=io.StringIO())
    rows = [line for line in render_tables([table], out).split("\n") if line.startswith("│")][1:]
    def letters(text: str) -> str:
        return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not unicodedata.combining(ch))

    top = letters(rows[0])
    # The visual line runs right to left: its rightmost words are the text's first words.
    for word in event["text"]["ar"].split()[:2]:
        assert letters(word)[::-1] in top


def test_colour_only_on_request() -> None:
    out = Output(lang="en", bidi="visual", width=80, tty=True, color=True, stdout=io.StringIO())
    assert "\x1b[1m" in render_tables(ANSWERS["members"].tables, out)
    out.color = False
    assert "\x1b[" not in render_tables(ANSWERS["members"].tables, out)


def test_ascii_borders_when_box_drawing_cannot_be_shown() -> None:
    out = Output(lang="en", bidi="visual", width=80, tty=True, ascii=True, stdout=io.StringIO())
    text = render_tables(ANSWERS["members"].tables, out)
    assert "+-" in text and "│" not in text


def test_chart_only_on_a_terminal() -> None:
    assert any("█" in line for line in render("deployment 2022", 100, "en"))
    assert not any("█" in line for line in render("deployment 2022", 100, "en", tty=False))



def _cells(lines: list[str], column: int) -> list[str]:
    return [line.split("│")[column + 1].strip() for line in lines if line.startswith("│")]


@pytest.mark.parametrize("width", [64, 80, 120])
def test_dates_and_statuses_stay_whole_while_the_text_column_can_give(width: int) -> None:
    dates = ["16 Dec 1991", "since 15 May 1992", "24 Sep 1993 – 1999", "May 2021"]
    statuses = ["former member", "member", "observer", "former member"]
    text = "A long note that wraps at its words wherever the table is narrower than the note is long. " * 2
    table = Table(None, [Column("date", {"en": "Date"}), Column("status", {"en": "Status"}),
                         Column("note", {"en": "Note"}), Column("src", {"en": "Sources"}, style="dim")],
                  [{"date": d, "status": st_, "note": text, "src": "000 002 003 004 wp22 tass12"}
                   for d, st_ in zip(dates, statuses)])
    out = Output(lang="en", bidi="logical", width=width, tty=False, stdout=io.StringIO())
    lines = render_tables([table], out).split("\n")
    assert all(len(line) <= width for line in lines)
    # Up to here there is room: the note wraps, the dates and statuses do not.
    assert [c for c in _cells(lines, 0) if c] == ["Date", *dates]
    assert [c for c in _cells(lines, 1) if c] == ["Status", *statuses]


def test_a_date_wraps_only_once_nothing_else_can_give() -> None:
    table = Table(None, [Column("date", {"en": "Date"}), Column("note", {"en": "Note"})],
                  [{"date": "24 Sep 1993 – 1999", "note": "words " * 30}])
    out = Output(lang="en", bidi="logical", width=28, tty=False, stdout=io.StringIO())
    lines = render_tables([table], out).split("\n")
    assert all(len(line) <= 28 for line in lines)
    assert "24 Sep 1993 – 1999" not in _cells(lines, 0), "too narrow for both: the date gives too"


def _timeline_like(lang_ar: bool = False) -> Table:
    text = ("Kyrgyz and Tajik forces clash at the water-distribution point; the border dispute "
            "nearly turns into a wide military confrontation between two members. ") * 2
    return Table(None, [Column("date", {"en": "Date", "ar": "التاريخ"}),
                        Column("text", {"en": "Event", "ar": "الحدث"}),
                        Column("src", {"en": "Sources", "ar": "المصادر"}, style="dim"),
                        Column("id", {"en": "Id", "ar": "المعرّف"}, style="dim")],
                 [{"date": "28 Apr 2021", "text": {"en": text, "ar": "اشتبكت قوات قيرغيزية وطاجيكية " * 6},
                   "src": "004 tjkg21 wp22 tass12", "id": f"ev-2021-04-28-clashes-{k}"} for k in range(3)])


@pytest.mark.parametrize("width", [50, 56, 62])
def test_a_narrow_terminal_folds_the_sources_and_id_under_the_text(width: int) -> None:
    out = Output(lang="en", bidi="logical", width=width, tty=False, stdout=io.StringIO())
    lines = render_tables([_timeline_like()], out).rstrip("\n").split("\n")
    assert all(bidi.width(line) <= width for line in lines)
    assert [c for c in _cells(lines[:2], 0)] == ["Date"], "two columns: the date and the text"
    assert len(lines[1].split("│")) == 4
    texts = _cells(lines, 1)
    assert texts.count("Sources: 004 tjkg21 wp22 tass12") == 3
    for k in range(3):
        assert f"Id: ev-2021-04-28-clashes-{k}" in texts
    # The text column gains what the two columns took: all but the date and the borders.
    assert max(bidi.width(t) for t in texts) >= width - len("│ 28 Apr 2021 │  │") - 3


def test_a_wide_terminal_keeps_the_sources_and_id_in_columns() -> None:
    out = Output(lang="en", bidi="logical", width=120, tty=False, stdout=io.StringIO())
    lines = render_tables([_timeline_like()], out).rstrip("\n").split("\n")
    assert _cells(lines[:2], 2) == ["Sources"] and _cells(lines[:2], 3) == ["Id"]
    assert not any("Sources:" in line for line in lines)


def test_folded_lines_are_labelled_in_the_table_language() -> None:
    out = Output(lang="ar", bidi="logical", width=60, tty=False, stdout=io.StringIO())
    text = render_tables([_timeline_like()], out)
    assert "المصادر: 004 tjkg21 wp22 tass12" in text and "Sources:" not in text


def test_folding_is_not_used_when_its_columns_would_still_be_squeezed() -> None:
    long = "words that wrap " * 12
    table = Table(None, [Column("a", {"en": "A"}), Column("b", {"en": "B"}), Column("c", {"en": "C"}),
                         Column("src", {"en": "Sources"}, style="dim")],
                  [{"a": long, "b": long, "c": long, "src": "000 001"}])
    out = Output(lang="en", bidi="logical", width=40, tty=False, stdout=io.StringIO())
    lines = render_tables([table], out).rstrip("\n").split("\n")
    # Folding would give each column a cell or two: the sources keep their column.
    assert _cells(lines[:2], 3) == ["Sources"]
    assert not any("Sources:" in line for line in lines)


@pytest.mark.parametrize(("name", "args"), [("timeline", ()), ("quote", ()), ("members", ()), ("sources", ()),
                                            ("deployment", ()), ("search", ("Kazakhstan",))])
def test_a_listing_builds_its_table_only_when_it_is_shown(name: str, args: tuple, monkeypatch) -> None:
    """--json and --csv need the data alone: the rows of the table are not made for them."""
    import cstoref.tables

    made: list[Table] = []
    init = cstoref.tables.Table.__init__

    def counted(self, *a, **k) -> None:
        made.append(self)
        init(self, *a, **k)

    monkeypatch.setattr(cstoref.tables.Table, "__init__", counted)
    result = answer(name)(STORE, *args)
    assert result.data and made == []
    limited = result.limited(1)
    assert made == []
    assert limited.tables and made
    assert result.tables[0].rows and len(limited.tables[0].rows) <= len(result.tables[0].rows)


def test_in_a_pipe_each_line_of_a_row_carries_its_whole_id() -> None:
    """With COLUMNS set, a piped listing still repeats the id on every line, and never a piece of it."""
    from conftest import clean_env, run_cli, run_json

    ids = {q["id"] for q in run_json("quote", "--speaker", "Putin")}
    result = run_cli("quote", "--speaker", "Putin", env=clean_env(COLUMNS="120"))
    assert result.returncode == 0, result.stderr
    body = [line for line in result.stdout.split("\n") if line.startswith("│")][2:]
    shown = [line.split("│")[-2].strip() for line in body]
    assert body and set(shown) == ids

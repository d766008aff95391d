"""Everyday use: --limit, --csv, dates to the day, options before the subcommand, JSON for any locale."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import STORE, clean_env, run_cli


def ok(cli, *args: str):
    result = cli(*args)
    assert result.returncode == 0, result.stderr
    return result


def records(cli, *args: str) -> list:
    return json.loads(ok(cli, *args, "--json").stdout)


# -- --limit ------------------------------------------------------------------------------
@pytest.mark.parametrize("command", [["members"], ["timeline"], ["quote"], ["deployment"], ["sources"], ["search", "Kazakhstan"]])
def test_limit_cuts_json_and_table_alike(cli, command: list[str]) -> None:
    every = records(cli, *command)
    assert len(every) > 2, command
    assert records(cli, *command, "--limit", "2") == every[:2]
    table = ok(cli, *command, "--limit", "2", "--lang", "en").stdout
    full = ok(cli, *command, "--lang", "en").stdout
    assert len(table.splitlines()) < len(full.splitlines())


@pytest.mark.parametrize("command", [["members"], ["timeline"], ["quote"], ["deployment"], ["sources"]])
def test_a_limited_table_says_how_many_there_are(cli, command: list[str]) -> None:
    count = len(records(cli, *command))
    english = ok(cli, *command, "--limit", "2", "--lang", "en").stdout
    assert f"The first 2 of {count}; without --limit, all {count}." in english
    arabic = ok(cli, *command, "--limit", "2", "--lang", "ar").stdout
    assert f"أول 2 من {count}" in arabic
    assert "without --limit" not in ok(cli, *command, "--limit", str(count), "--lang", "en").stdout


def test_search_limit_3_gives_3(cli) -> None:
    assert len(records(cli, "search", "a", "--limit", "3")) == 3


def test_limit_is_checked(cli) -> None:
    for bad in ("0", "-1", "x"):
        result = cli("timeline", "--limit", bad)
        assert result.returncode == 2 and result.stderr.count("\n") == 1, bad


# -- --csv --------------------------------------------------------------------------------
def parsed_csv(cli, *args: str) -> list[dict[str, str]]:
    result = run_cli(*args, "--csv", env=clean_env())
    assert result.returncode == 0, result.stderr
    raw = result.stdout.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_members_csv_has_iso3_and_the_arabic_names(cli, store_doc) -> None:
    rows = parsed_csv(cli, "members")
    countries = list(store_doc["countries"].values())
    assert len(rows) == len(countries)
    assert list(rows[0])[:7] == ["id", "iso3", "iso2", "name_en", "name_ar", "status", "joined"]
    by_iso3 = {row["iso3"]: row for row in rows}
    for country in countries:
        row = by_iso3[country["iso3"]]
        assert row["name_ar"] == country["name"]["ar"] and row["status"] == country["status"]
        assert row["left"] == (country.get("left") or "")
    assert by_iso3["UZB"]["periods"].count(";") == 1, "Uzbekistan's two periods"


@pytest.mark.parametrize("command", [["timeline"], ["quote"], ["deployment"], ["sources"], ["search", "Kazakhstan"],
                                     ["deployment", "2022"]])
def test_every_listing_has_csv_one_row_per_record(cli, command: list[str]) -> None:
    rows = parsed_csv(cli, *command)
    assert len(rows) == len(records(cli, *command))
    assert all(row.get("id") for row in rows)


def test_csv_is_utf8_whatever_the_locale(cli) -> None:
    result = run_cli("members", "--csv", env=clean_env(PYTHONIOENCODING="ascii"))
    assert result.returncode == 0 and "أرمينيا" in result.stdout and result.stderr == ""


def test_json_and_csv_together_is_a_usage_error(cli) -> None:
    result = cli("members", "--json", "--csv")
    assert result.returncode == 2 and result.stdout == "" and result.stderr.count("\n") == 1


# -- JSON where Arabic cannot be written -------------------------------------------------
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_json_uses_ascii_escapes_where_the_output_cannot_encode_arabic(encoding: str) -> None:
    result = run_cli("members", "--json", env=clean_env(PYTHONIOENCODING=encoding))
    assert result.returncode == 0 and result.stderr == ""
    assert "?" not in result.stdout and "\\u0623" in result.stdout
    utf8 = run_cli("members", "--json", env=clean_env())
    assert json.loads(result.stdout) == json.loads(utf8.stdout)


# -- --from / --to at any precision --------------------------------------------------------
def test_from_to_take_months_and_days(cli) -> None:
    month = records(cli, "timeline", "--from", "2022-01", "--to", "2022-01")
    assert month and all(e["date"].startswith("2022-01") for e in month)
    days = records(cli, "timeline", "--from", "2022-01-06", "--to", "2022-01-07")
    dates = {e["date"] for e in days}
    assert dates <= {"2022-01", "2022-01-06", "2022-01-07", "2022"}
    assert "2022-01-06" in dates and "2022-01-07" in dates
    # Known only to the month, an event of January 2022 may fall on those days: it is shown.
    assert "2022-01" in dates
    assert "2022-01-05" not in dates and "2022-01-10" not in dates


def test_from_a_day_keeps_what_is_known_only_to_its_year() -> None:
    events = json.loads(STORE.read_text(encoding="utf-8"))["events"].values()
    years_only = {e["id"] for e in events if len(e["date"]) == 4 and e["date"] == "2024"}
    shown = {e["id"] for e in json.loads(run_cli("timeline", "--from", "2024-06-01", "--to", "2024-06-30",
                                                 "--json").stdout)}
    assert years_only and years_only <= shown


@pytest.mark.parametrize("value, words", [("2022-13", "no such month"), ("2022-02-30", "no such day"),
                                          ("22-01", "YYYY-MM"), ("2022/01", "YYYY-MM"), ("abc", "YYYY"),
                                          ("0999", "1000")])
def test_bad_dates_exit_2_with_one_line(cli, value: str, words: str) -> None:
    for flag in ("--from", "--to"):
        result = cli("timeline", flag, value)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr


def test_reversed_months_are_a_usage_error(cli) -> None:
    result = cli("timeline", "--from", "2022-05", "--to", "2022-01")
    assert result.returncode == 2 and "after" in result.stderr
    assert cli("timeline", "--from", "2022-01-10", "--to", "2022-01").returncode == 0


# -- options before the subcommand ---------------------------------------------------------
def test_options_before_the_subcommand_are_accepted(cli) -> None:
    before = ok(cli, "--lang", "en", "--json", "members", "--status", "former")
    after = ok(cli, "members", "--status", "former", "--lang", "en", "--json")
    assert before.stdout == after.stdout


def test_an_option_before_a_subcommand_that_does_not_take_it_says_where_it_goes(cli) -> None:
    result = cli("--limit", "2", "about")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "after the subcommand" in result.stderr and "members" in result.stderr


# -- members --chart -----------------------------------------------------------------------
def chart_rows(last_year: int = 2026) -> dict[str, str]:
    from cstoref.answers.members import membership_chart
    from cstoref.store import load

    store = load()
    table = membership_chart(store, store.table("countries"), last_year=last_year)
    return {row["name"][1]: row["bar"]["en"] for row in table.rows}


def test_chart_marks_each_year_of_each_period() -> None:
    bars = chart_rows(2026)
    assert all(len(bar) == 2026 - 1992 + 1 for bar in bars.values())

    def year(iso3: str, y: int) -> str:
        return bars[iso3][y - 1992]

    # Uzbekistan's two periods: 1992-1999 and 2006-2012, nothing between or after.
    assert {year("UZB", y) for y in range(1992, 2000)} == {"█"}
    assert {year("UZB", y) for y in range(2000, 2006)} == {"·"}
    assert {year("UZB", y) for y in range(2006, 2013)} == {"█"}
    assert {year("UZB", y) for y in range(2013, 2027)} == {"·"}
    # Armenia's freeze (February 2024) on a membership that never ended.
    assert year("ARM", 2023) == "█" and {year("ARM", y) for y in range(2024, 2027)} == {"▒"}
    assert "▒" not in "".join(bar for iso3, bar in bars.items() if iso3 != "ARM")
    assert year("BLR", 1992) == "·" and year("BLR", 1993) == "█"
    assert year("SRB", 2013) == "░"


def test_chart_shows_the_years_and_the_countries(cli) -> None:
    import datetime

    shown = ok(cli, "members", "--chart", "--lang", "en").stdout
    for text in ("1992", "2022", str(datetime.date.today().year), "Uzbekistan", "Armenia", "Serbia", "▒", "█"):
        assert text in shown, text
    assert records(cli, "members", "--chart") == records(cli, "members")


def test_chart_runs_right_to_left_in_arabic(cli) -> None:
    def bar_of(lang: str, iso3: str) -> str:
        out = ok(cli, "members", "--chart", "--lang", lang, "--bidi", "visual").stdout
        lines = out.splitlines()
        # The bar is on the country's first line, the code on the line under it.
        row = lines[next(i for i, line in enumerate(lines) if iso3 in line) - 1]
        return next(cell.strip() for cell in row.split("│") if cell.strip() and set(cell.strip()) <= set("█▒░·"))

    english, arabic = bar_of("en", "ARM"), bar_of("ar", "ARM")
    assert english.endswith("▒▒▒") and arabic.startswith("▒▒▒")
    assert arabic == english[::-1]
    header = ok(cli, "members", "--chart", "--lang", "ar", "--bidi", "visual").stdout
    assert "2022 2017 2012 2007 2002 1997 1992" in header


def test_chart_keeps_its_bars_whole_at_any_width(cli) -> None:
    for width in ("60", "80", "120"):
        out = run_cli("members", "--chart", "--lang", "en", "--bidi", "visual", env=clean_env(COLUMNS=width)).stdout
        assert "████████······███████" in out, width
        assert all(len(line) <= int(width) for line in out.splitlines())


# -- licence and install lines ---------------------------------------------------------------
def test_license_is_the_mit_licence_the_metadata_names() -> None:
    from conftest import REPO

    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert 'license = "MIT"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")


def test_readme_installs_with_pipx_and_uv_then_completion() -> None:
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    for line in ("pipx install .", "uv tool install .", "cstoref completion bash --install", ". .venv/bin/activate"):
        assert line in setup, line

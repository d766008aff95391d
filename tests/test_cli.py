"""The commands, end to end: the console script in a subprocess, as a user runs it."""

from __future__ import annotations

import hashlib
import json
import os
import shutil

import pytest
from conftest import STORE, articles_dir, clean_env, run_cli


def ok_json(cli, *args: str):
    result = cli(*args, "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def citations(node):
    """Every citation inside a record, wherever it sits."""
    if isinstance(node, dict):
        if "source" in node and isinstance(node.get("source"), str):
            yield node
        for value in node.values():
            yield from citations(value)
    elif isinstance(node, list):
        for value in node:
            yield from citations(value)


# -- members -----------------------------------------------------------------------------
def test_members_by_status(cli) -> None:
    records = ok_json(cli, "members", "--status", "all")
    by_status: dict[str, set[str]] = {}
    for record in records:
        by_status.setdefault(record["status"], set()).add(record["iso3"])
        assert list(record)[:7] == ["id", "iso3", "name", "status", "joined", "left", "note"]
        assert record["sources"], record["id"]
        assert set(record["name"]) >= {"en", "ar"}
    assert by_status["member"] == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}
    assert by_status["former"] == {"UZB", "AZE", "GEO", "AFG"}  # Afghanistan: a former observer
    assert "SRB" in by_status["observer"]


@pytest.mark.parametrize("status", ["member", "former", "observer"])
def test_members_filter(cli, status: str) -> None:
    records = ok_json(cli, "members", "--status", status)
    assert records and all(r["status"] == status for r in records)


def test_members_notes_that_matter(cli) -> None:
    records = {r["iso3"]: r for r in ok_json(cli, "members")}
    assert "2024" in records["ARM"]["note"]["en"] and "froze" in records["ARM"]["note"]["en"]
    periods = records["UZB"]["periods"]
    assert [(p["start"][:4], (p["end"] or "")[:4]) for p in periods] == [("1992", "1999"), ("2006", "2012")]
    deprecated = [c for c in records["UZB"]["claims"] if c["rank"] == "deprecated"]
    assert any(c["sources"][0]["source"] == "001" for c in deprecated)


def test_default_members_table_mentions_both_languages(cli) -> None:
    result = cli("members")
    assert result.returncode == 0
    assert "Armenia" in result.stdout and "أرمينيا" in result.stdout


# -- sources -----------------------------------------------------------------------------
def test_sources_lists_the_five_articles(cli) -> None:
    records = ok_json(cli, "sources")
    files = sorted(r["file"] for r in records if r["kind"] == "article")
    assert len(files) == 5
    for record in records:
        assert list(record)[:8] == ["id", "kind", "file", "url", "outlet", "title", "author", "date"]
        assert record["facts"] >= 1, record["id"]


def test_sources_names_the_article_files(cli) -> None:
    files = sorted(r["file"] for r in ok_json(cli, "sources") if r["kind"] == "article")
    folder = articles_dir()
    assert files == sorted(p.name for p in folder.glob("*.txt")), f"articles read from {folder}"


def test_source_with_id_lists_what_it_supports(cli) -> None:
    listed = ok_json(cli, "sources", "001")
    assert isinstance(listed, list) and len(listed) == 1  # a list, as from every listing command
    record = listed[0]
    assert record["id"] == "001" and record["file"].startswith("001_")
    assert record["facts"] == len(record["supports"]) > 5
    assert any(s["id"] == "uzb" for s in record["supports"])


@pytest.mark.parametrize("given", ["1", "001", "001_2aa966e90c8a8956", "001_2aa966e90c8a8956.txt"])
def test_source_by_number_or_file_name(cli, given: str) -> None:
    assert [r["id"] for r in ok_json(cli, "sources", given)] == ["001"]


def test_unknown_source_exits_1(cli) -> None:
    result = cli("sources", "nosuch")
    assert result.returncode == 1
    assert "000" in result.stderr and result.stderr.count("\n") == 1


# -- timeline ----------------------------------------------------------------------------
def test_timeline_is_oldest_first_with_known_precision(cli) -> None:
    events = ok_json(cli, "timeline")
    dates = [e["date"] for e in events]
    assert dates == sorted(dates)
    assert len(events) >= 25
    assert {len(d) for d in dates} >= {4, 7, 10}
    assert "1992-05-15" in dates and "2022-01-06" in dates
    assert any(d.startswith("2007-10") for d in dates)


def test_timeline_range(cli) -> None:
    events = ok_json(cli, "timeline", "--from", "2022", "--to", "2022")
    assert events and all(e["date"].startswith("2022") for e in events)


@pytest.mark.parametrize("args", [["--from", "2020", "--to", "2010"], ["--from", "abc"], ["--to", "99999"]])
def test_timeline_bad_range_is_a_usage_error(cli, args) -> None:
    result = cli("timeline", *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_timeline_empty_range_exits_1(cli) -> None:
    result = cli("timeline", "--from", "2090")
    assert result.returncode == 1
    assert "1991-2026" in result.stderr or "span" in result.stderr


# -- deployment --------------------------------------------------------------------------
def test_deployment_2022_card(cli) -> None:
    [card] = ok_json(cli, "deployment", "2022")
    assert (card["host"], card["outcome"], card["requested"], card["started"], card["ended"]) == (
        "KAZ", "deployed", "2022-01-05", "2022-01-06", "2022-01-19")
    assert card["decided"] == "2022-01-06" and card["deployed"] == "2022-01-09" and card["withdrawal_started"] == "2022-01-13"
    figures = {c["country"]: {(t["value"], t["source"]) for t in c["troops"]} for c in card["contributions"]}
    assert {(70, "001"), (100, "pan7")} <= figures["ARM"]
    assert {(2500, "004"), (5000, "004")} <= figures["RUS"]
    assert (200, "001") in figures["TJK"] and (150, "kg150") in figures["KGZ"]
    assert any(t["value"] == 2030 and t["rank"] == "preferred" for t in card["totals"])
    assert any(t["value"] == 600 and t["qualifier"] == "at most" for t in card["totals"])
    for contribution in card["contributions"]:
        for troop in contribution["troops"]:
            assert troop["qualifier"] in ("about", "more than", "at most", "exactly")
    assert card["tasks"] and card["legal_basis"] and card["chair"] and card["commander"]


def test_deployments_include_the_refusals(cli) -> None:
    records = ok_json(cli, "deployment")
    outcomes = {(r["year"], r["host"]): r["outcome"] for r in records}
    assert outcomes[(2010, "KGZ")] == "declined"
    assert outcomes[(2020, "ARM")] == "declined"
    assert outcomes[(2022, "KAZ")] == "deployed"


def test_deployment_year_without_record_names_the_recorded_years(cli) -> None:
    result = cli("deployment", "1999")
    assert result.returncode == 1
    assert "2010" in result.stderr and "2022" in result.stderr
    assert result.stdout == ""


def test_deployment_table_has_every_figure(cli) -> None:
    result = cli("deployment", "2022", "--lang", "en")
    assert result.returncode == 0
    for figure in ("2,030", "2,500", "5,000", "100", "70", "600"):
        assert figure in result.stdout


# -- quote -------------------------------------------------------------------------------
def test_quote_speaker_in_any_spelling(cli) -> None:
    ids = [sorted(q["id"] for q in ok_json(cli, "quote", "--speaker", name)) for name in ("بوتين", "Putin", "putin", "PUTIN")]
    assert ids[0] and all(i == ids[0] for i in ids)


def test_quote_is_verbatim_with_translation(cli, store_doc) -> None:
    quotes = ok_json(cli, "quote")
    assert len(quotes) >= 12
    for q in quotes:
        assert list(q)[:5] == ["id", "speaker", "role", "date", "text"]
        assert q["text"]["ar"] in [c["excerpt"] for c in q["sources"]]
        assert q["text"]["en"] and q["translation"] == "ours"


def test_quote_text_and_random(cli) -> None:
    matches = ok_json(cli, "quote", "الثورات الملونة")
    assert matches and all("الملونة" in q["text"]["ar"] for q in matches)
    one = ok_json(cli, "quote", "--random")
    assert len(one) == 1


def test_quote_nothing_found_exits_1(cli) -> None:
    result = cli("quote", "--speaker", "Napoleon")
    assert result.returncode == 1 and "Putin" in result.stderr


# -- search ------------------------------------------------------------------------------
@pytest.mark.parametrize("needle", ["قرغيزستان", "قيرغيزستان", "Kyrgyzstan", "kyrgyzstan", "KGZ", "kgz"])
def test_search_finds_kyrgyzstan_however_written(cli, needle: str) -> None:
    hits = ok_json(cli, "search", needle)
    assert ("country", "kgz") in {(h["kind"], h["id"]) for h in hits}


@pytest.mark.parametrize("needle", ["روسيا البيضاء", "بيلاروس", "Belarus"])
def test_search_belarus_variants(cli, needle: str) -> None:
    hits = ok_json(cli, "search", needle)
    assert ("country", "blr") in {(h["kind"], h["id"]) for h in hits}


def test_search_folds_hamza_and_harakat(cli) -> None:
    plain = {h["id"] for h in ok_json(cli, "search", "ارمينيا")}
    marked = {h["id"] for h in ok_json(cli, "search", "أَرْمِينِيَا")}
    assert "arm" in plain and plain == marked


@pytest.mark.parametrize("needle", ["Armenia", "ARM", "أرمينيا", "Pashinyan"])
def test_search_follows_pointers_into_other_records(cli, needle: str) -> None:
    """A contingent names its country by code, a chair by person id: the deployment is found."""
    assert "dep-2022-kaz" in {h["id"] for h in ok_json(cli, "search", needle)}


def test_search_looks_inside_nested_fields_and_excerpts(cli) -> None:
    assert "dep-2022-kaz" in {h["id"] for h in ok_json(cli, "search", "Shoigu")}  # in a task
    # «ألماتا» is how article 004 writes Almaty: only its excerpts hold that spelling.
    assert ok_json(cli, "search", "ألماتا")


@pytest.mark.parametrize("needle", ["3,600", "٣٦٠٠", "٣٬٦٠٠"])
def test_search_numbers_in_any_digits(cli, needle: str) -> None:
    plain = {h["id"] for h in ok_json(cli, "search", "3600")}
    assert plain and {h["id"] for h in ok_json(cli, "search", needle)} == plain


def test_search_sees_through_the_fused_article(cli) -> None:
    """«للأمم المتحدة» (ل + الأمم) is found by «الأمم المتحدة», and nothing is found by a word
    that only looks like the article and a word («الله» is no «ال» + «له»)."""
    found = {h["id"] for h in ok_json(cli, "search", "الأمم المتحدة")}
    assert "ev-2004-un-observer" in found  # it writes «للأمم المتحدة» only
    assert found <= {h["id"] for h in ok_json(cli, "search", "United Nations")} | {"fig-peacekeeping-force"}
    assert cli("search", "الله").returncode == 1


@pytest.mark.parametrize(("needle", "haystack", "expected"), [
    ("الأمم المتحدة", "مراقب في الجمعية العامة للأمم المتحدة", True),
    ("الكازاخية", "والكازاخية", True),
    ("ألمانيا", "رومانيا", False),  # hamza-alef starts the word: no article to take off
    ("للغة", "غة", False),  # too short after «لل» for it to be the article
    ("الامم", "أمامهم", False),  # without the article, a match must start a word
])
def test_matching_without_the_article(needle: str, haystack: str, expected: bool) -> None:
    from cstoref.textnorm import matches

    assert matches(needle, haystack) is expected


def test_search_nothing_and_empty(cli) -> None:
    assert cli("search", "zzzzqqq").returncode == 1
    result = cli("search", "")
    assert result.returncode == 2 and "Traceback" not in result.stderr


# -- about -------------------------------------------------------------------------------
def test_about_is_an_object_with_force_sizes(cli) -> None:
    about = ok_json(cli, "about")
    assert isinstance(about, dict)
    assert about["seat"] and about["chairmanship"] and about["secretary_general"]
    values = {v["value"] for f in about["force_sizes"] for v in f["values"]}
    assert {3600, 4000, 20000, 17000} <= values


# -- every record is sourced; JSON is logical UTF-8 ---------------------------------------
COMMANDS = [["members"], ["timeline"], ["deployment"], ["deployment", "2022"], ["quote"], ["search", "Putin"], ["sources"], ["about"]]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_record_is_sourced(cli, args) -> None:
    data = ok_json(cli, *args)
    records = data if isinstance(data, list) else [data]
    for record in records:
        cited = list(citations(record))
        assert cited, record.get("id")
        for citation in cited:
            if citation["source"] in {"000", "001", "002", "003", "004"} and "excerpt" in citation:
                assert citation["excerpt"], record.get("id")


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_piped_output_is_logical_and_plain(cli, args) -> None:
    for extra in ([], ["--json"]):
        out = cli(*args, *extra).stdout
        assert "\x1b" not in out
        assert not any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff" for ch in out)
        assert not any(ch in out for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# -- usage errors, store errors ----------------------------------------------------------
@pytest.mark.parametrize("args", [["nosuch"], ["members", "--nosuch"], ["members", "--status", "ally"],
                                  ["members", "--lang", "fr"], ["members", "--bidi", "sideways"], ["deployment", "twenty"],
                                  ["members", "--db", ""], ["members", "--db"], ["timeline", "--from", "abc"],
                                  ["timeline", "--to", "10"], ["search"], ["members", "extra"], ["about", "--status", "all"]])
def test_usage_errors_exit_2(cli, args) -> None:
    result = cli(*args)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    # One line, which names what was wrong.
    assert result.stderr.startswith("cstoref: ") and result.stderr.count("\n") == 1, result.stderr


def test_choices_match_in_any_case(cli) -> None:
    upper = json.loads(cli("members", "--status", "FORMER", "--lang", "AR", "--bidi", "Logical", "--json").stdout)
    assert [r["iso3"] for r in upper] == [r["iso3"] for r in ok_json(cli, "members", "--status", "former")]


def test_missing_store_exits_3(cli, tmp_path) -> None:
    missing = tmp_path / "none.json"
    for result in (cli("members", "--db", str(missing)), cli("members", CSTOREF_DB=str(missing))):
        assert result.returncode == 3
        assert str(missing) in result.stderr and result.stderr.count("\n") == 1
    assert not missing.exists()


def test_db_option_reads_another_store(cli, tmp_path) -> None:
    doc = json.loads(STORE.read_text(encoding="utf-8"))
    doc["events"] = {"1": doc["events"]["1"]}
    other = tmp_path / "small.json"
    other.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert len(ok_json(cli, "timeline", "--db", str(other))) == 1
    result = cli("timeline", "--json", CSTOREF_DB=str(other))
    assert len(json.loads(result.stdout)) == 1


def test_version(cli) -> None:
    from cstoref import __version__

    result = cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"cstoref {__version__}"


def test_no_command_touches_a_store(tmp_path) -> None:
    copy = tmp_path / "store.json"
    shutil.copy(STORE, copy)
    os.chmod(copy, 0o444)
    before = {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in (STORE, copy)}
    for args in COMMANDS:
        for db in ([], ["--db", str(copy)]):
            for extra in ([], ["--json"], ["--lang", "ar", "--bidi", "visual"]):
                result = run_cli(*args, *db, *extra, env=clean_env(), cwd=tmp_path)
                assert result.returncode == 0, (args, db, extra, result.stderr)
    after = {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in (STORE, copy)}
    assert before == after
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.json"]


def test_every_overview_topic_has_a_heading_in_both_languages(store_doc) -> None:
    """A fact key without a heading would show as a raw key, in English, in the Arabic table."""
    from cstoref.answers.about import _ABOUT_KEYS

    headed = dict(_ABOUT_KEYS)
    keys = {fact["key"] for fact in store_doc["facts"].values()}
    assert keys <= set(headed), keys - set(headed)
    assert all(title["en"] and title["ar"] for title in headed.values())


def test_every_qualifier_of_the_schema_is_worded() -> None:
    import json as _json

    from conftest import SEEDS

    from cstoref.answers.common import QUALIFIER_TEXT, number

    schema = _json.loads((SEEDS / "schema.json").read_text(encoding="utf-8"))
    qualifiers = [q for q in schema["$defs"]["Qualifier"]["enum"] if q is not None]
    assert set(qualifiers) <= set(QUALIFIER_TEXT)
    assert number(12, "at least") == {"en": "at least 12", "ar": "12 على الأقل"}


@pytest.mark.parametrize("name", ["Tokayev Kassym-Jomart", "tokaev", "توكاييف", "قاسم جومارت توكايف"])
def test_quote_speaker_in_any_order_and_spelling(cli, name: str) -> None:
    quotes = ok_json(cli, "quote", "--speaker", name)
    assert quotes and all(q["speaker"] == "p-tokayev" for q in quotes)


@pytest.mark.parametrize("given", ["بوتين", "Putin", "putin"])
def test_quote_text_also_finds_who_said_it(cli, given: str) -> None:
    assert {q["id"] for q in ok_json(cli, "quote", given)} == {q["id"] for q in ok_json(cli, "quote", "--speaker", "Putin")}

"""`show ID`, record ids and --cite in the listings, the one legend of marks, headings that follow
the filters, and the chart's preferred figures."""

from __future__ import annotations

import copy
import json
import re

import pytest
from conftest import STORE, run_json

from cstoref.answers import respond
from cstoref.answers.common import MARKS, citations, mark
from cstoref.context import Output
from cstoref.render import render_tables
from cstoref.store import Store, load

TABLES = ("countries", "people", "events", "deployments", "quotes", "figures", "facts", "sources", "places",
          "organisations")


@pytest.fixture(scope="module")
def store() -> Store:
    return load()


def piped(result) -> str:
    """A result as a pipe gets it: logical order, no width, no colour."""
    return render_tables(result.tables, Output(lang="both", bidi="logical", width=None))


def first_id(store_doc: dict, table: str) -> str:
    return next(iter(store_doc[table].values()))["id"]


@pytest.mark.parametrize("table", TABLES)
def test_show_a_record_of_every_table(cli, store_doc, table: str) -> None:
    rid = first_id(store_doc, table)
    record = next(r for r in store_doc[table].values() if r["id"] == rid)
    result = cli("show", rid)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for citation in citations(record):
        if citation["excerpt"]:
            assert any(citation["excerpt"] in line and citation["source"] in line for line in lines), citation
    data = json.loads(cli("show", rid, "--json").stdout)
    assert data["id"] == rid and data["table"] == table and data["record"] == record


def test_every_table_of_the_store_is_checked(store: Store) -> None:
    assert {table for table, _ in store.records()} == set(TABLES)


def test_every_record_shows_every_excerpt_it_cites_whole_beside_its_source(store: Store) -> None:
    shown = 0
    for _table, record in store.records():
        text = piped(respond("show", store, {"record_id": record["id"]}))
        lines = text.splitlines()
        for citation in citations(record):
            if citation["excerpt"]:
                assert any(citation["excerpt"] in line and re.search(rf"\b{re.escape(citation['source'])}\b", line)
                           for line in lines), (record["id"], citation)
                shown += 1
    assert shown > 300


def test_show_lists_each_claim_with_its_mark_and_reason(store: Store) -> None:
    text = piped(respond("show", store, {"record_id": "p-massimov"}))
    assert re.search(r"✓ preferred .*كريم ماسيموف", text)
    wrong = next(line for line in text.splitlines() if "قاسم ماسيموف" in line and "✗" in line)
    assert "wrong first name" in wrong and "004" in wrong


def test_show_finds_ids_in_any_case_codes_numbers_and_names(cli) -> None:
    for given, expected in (("KAZ", "kaz"), ("1", "001"), ("004_d133627c42be3f15.txt", "004"), ("Kazakhstan", "kaz"),
                            ("فلاديمير بوتين", "p-putin")):
        assert run_json("show", given)["id"] == expected, given


@pytest.mark.parametrize(("typed", "meant"), [
    ("p-putn", "p-putin"),
    ("kazz", "kaz"),
    ("ev-1993-12-09-georgia", "ev-1993-12-09-georgia-signs"),
    ("dep-2022-kz", "dep-2022-kaz"),
])
def test_a_mistyped_id_suggests_the_right_one(cli, typed: str, meant: str) -> None:
    result = cli("show", typed)
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert re.search(rf"did you mean .*\b{re.escape(meant)}\b", result.stderr), result.stderr


def test_an_id_like_nothing_says_what_ids_look_like(cli) -> None:
    result = cli("show", "xyzzy")
    assert result.returncode == 1 and "search xyzzy" in result.stderr and "Traceback" not in result.stderr


def test_a_person_lists_what_they_said_and_where_they_appear(store: Store) -> None:
    data = respond("show", store, {"record_id": "p-putin"}).data
    said = {link["id"] for link in data["linked"] if link["link"] == "speaker"}
    assert said == {q["id"] for q in store.table("quotes") if q["speaker"] == "p-putin"} and said
    assert any(link["table"] == "events" for link in data["linked"])


def test_a_country_lists_its_events_deployments_and_figures(store: Store) -> None:
    linked = respond("show", store, {"record_id": "kaz"}).data["linked"]
    ids = {link["id"] for link in linked}
    assert {"dep-2022-kaz", "ev-1991-12-16-kazakhstan-independence"} <= ids
    assert {"events", "deployments", "figures"} <= {link["table"] for link in linked}


def test_a_source_lists_what_it_supports_with_the_excerpts(store: Store) -> None:
    result = respond("show", store, {"record_id": "001"})
    supported = [link for link in result.data["linked"] if link["link"] == "cites"]
    assert len(supported) > 10
    text = piped(result)
    for link in supported:
        for citation in link["citations"]:
            if citation["excerpt"]:
                assert f"[001] {citation['excerpt']}" in text


def test_the_source_of_a_citation_is_named(store: Store) -> None:
    text = piped(respond("show", store, {"record_id": "kaz"}))
    assert "000_398658b6b3a777d9.txt" in text  # an article by its file
    assert "https://tass.com" in piped(respond("show", store, {"record_id": "p-putin"}))  # a page by its address


# --- marks -----------------------------------------------------------------------------------


def test_the_four_marks_are_distinct() -> None:
    assert len(set(MARKS.values())) == 4


def test_marks_follow_the_verdict() -> None:
    assert mark({"rank": "preferred"}) == "✓"
    assert mark({"rank": "normal"}) == "·"
    assert mark({"rank": "deprecated"}) == "✗"  # no verdict yet: contradicted
    assert mark({"rank": "deprecated", "verdict": "unverifiable"}) == "?"
    assert mark({"rank": "deprecated", "verdict": "contradicted"}) == "✗"


def test_an_unverifiable_figure_is_marked_apart_from_a_contradicted_one() -> None:
    document = json.loads(STORE.read_text(encoding="utf-8"))
    deployment = next(d for d in document["deployments"].values() if d["id"] == "dep-2022-kaz")
    russia = next(c for c in deployment["contributions"] if c["country"] == "RUS")
    russia["troops"][0]["verdict"] = "unverifiable"
    russia["troops"][1]["verdict"] = "contradicted"
    text = piped(respond("deployment", Store(document, str(STORE)), {"year": 2022}))
    assert re.search(r"\? more than 2,500 .*\[004\]", text)
    assert re.search(r"✗ more than 5,000 .*\[004\]", text)


@pytest.mark.parametrize("args", [["members"], ["timeline"], ["deployment", "2022"], ["quote"], ["about"],
                                  ["show", "kaz"]])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_one_legend_everywhere(cli, args: list[str], lang: str) -> None:
    out = cli(*args, "--lang", lang).stdout
    legend = "✓ preferred · reported ✗ contradicted ? unverifiable" if lang == "en" else \
        "✓ معتمد · منشور ✗ تنقضه المراجع ? تعذّر التحقق منه"
    assert legend in out


# --- headings --------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "en", "ar"), [
    (["members", "--status", "former"], "Former members and observers", "الأعضاء والمراقبون السابقون"),
    (["members", "--status", "observer"], "Observers", "المراقبون"),
    (["members", "--status", "member"], "CSTO member states", "الدول الأعضاء"),
    (["timeline", "--from", "2020"], "events from 2020", "الأحداث منذ 2020"),
    (["timeline", "--to", "1999"], "events up to 1999", "الأحداث حتى 1999"),
    (["timeline", "--from", "2021", "--to", "2022"], "events from 2021 to 2022", "الأحداث من 2021 إلى 2022"),
    (["quote", "--speaker", "Putin"], "by Putin", "قالها Putin"),
])
def test_headings_follow_the_filters(cli, args: list[str], en: str, ar: str) -> None:
    assert en in cli(*args, "--lang", "en").stdout.splitlines()[0]
    assert ar in cli(*args, "--lang", "ar").stdout.splitlines()[0]


def test_observers_are_not_headed_as_member_states(cli) -> None:
    assert "member states" not in cli("members", "--status", "observer", "--lang", "en").stdout.splitlines()[0]


# --- ids, --cite and whole lines in a pipe ---------------------------------------------------


@pytest.mark.parametrize("args", [["members"], ["timeline"], ["deployment"], ["quote"], ["search", "Tokayev", "--all"]])
def test_every_row_gives_its_id(cli, args: list[str]) -> None:
    out = cli(*args).stdout
    for record in run_json(*args):
        assert re.search(rf"│ {re.escape(record['id'])} +│", out), record["id"]


def test_ids_are_readable_at_40_columns(cli) -> None:
    out = cli("timeline", "--from", "1993", "--to", "1993", "--lang", "en", "--bidi", "visual", COLUMNS="40").stdout
    joined = "".join(line.strip("│ ") for line in out.splitlines())
    assert "ev-1993-12-09-georgia-signs" in joined.replace(" ", "")
    assert all(len(line) <= 40 for line in out.splitlines())


def test_grep_finds_whole_claims_in_a_pipe(cli) -> None:
    out = cli("timeline").stdout
    hits = [line for line in out.splitlines() if "Contradicted" in line]
    assert len(hits) >= 2
    for line in hits:
        assert re.search(r"\b(19|20)\d\d\b", line.split("│")[1]), line  # the event's date
        assert re.search(r"│ ev-[\w-]+ +│$", line), line  # its id
        assert re.search(r"\[[\w ]+\]", line), line  # the claim's own source


@pytest.mark.parametrize("args", [["members", "--status", "observer"], ["timeline", "--from", "2022"], ["quote", "--speaker", "Putin"],
                                  ["deployment"]])
def test_cite_prints_each_rows_excerpts(cli, args: list[str]) -> None:
    plain = cli(*args).stdout
    cited = cli(*args, "--cite").stdout
    for record in run_json(*args):
        for citation in citations(record):
            if citation["excerpt"]:
                assert f"[{citation['source']}] «{citation['excerpt']}»" in cited
                assert f"[{citation['source']}] «{citation['excerpt']}»" not in plain


def test_quotes_show_their_context_and_date_note(cli, store_doc) -> None:
    out = cli("quote", "--speaker", "Putin", "--lang", "en").stdout
    for q in store_doc["quotes"].values():
        if q["speaker"] == "p-putin":
            assert q["context"]["en"] in out and q["date_note"]["en"] in out


def test_a_wrong_name_in_an_article_is_corrected_beside_the_event(cli) -> None:
    lines = [line for line in cli("timeline", "--from", "2022", "--to", "2022").stdout.splitlines() if "قاسم ماسيموف" in line]
    assert lines and all("ev-2022-01-06-massimov-detained" in line and "p-massimov" in line for line in lines)
    assert any("Karim Massimov" in line for line in lines) and any("← كريم ماسيموف" in line for line in lines)


# --- the chart -------------------------------------------------------------------------------


def test_the_chart_plots_preferred_figures_and_leaves_out_contradicted_ones(store: Store) -> None:
    from cstoref.answers.common import verdict
    from cstoref.answers.deployment import bar_chart, contingent_figures

    deployment = next(d for d in store.table("deployments") if d["id"] == "dep-2022-kaz")
    figures = {iso3: (main, other) for iso3, main, other in contingent_figures(deployment)}
    assert figures["ARM"] == (100, None)  # 70 is contradicted
    for contingent in deployment["contributions"]:
        kept = [t["value"] for t in contingent["troops"] if verdict(t) in ("preferred", "reported")]
        if not kept:  # every figure contradicted or unverifiable: nothing drawn
            assert contingent["country"] not in figures
        else:
            assert max(v for v in figures[contingent["country"]] if v is not None) == max(kept)
    chart = bar_chart(store, deployment)
    assert chart is not None and "left out" in chart.note["en"] and "left out" not in chart.note["ar"]
    rows = {row["country"]["en"]: row for row in chart.rows}
    assert set(rows["Armenia"]["bar"]["en"]) == {"█"}


def test_a_reported_figure_is_drawn_light() -> None:
    from cstoref.answers.deployment import bar_chart

    deployment = {"contributions": [
        {"country": "ARM", "troops": [{"value": 100, "rank": "preferred", "source": "x"}]},
        {"country": "BLR", "troops": [{"value": 50, "rank": "normal", "source": "x"},
                                      {"value": 900, "rank": "deprecated", "verdict": "contradicted", "source": "x"}]},
    ]}
    chart = bar_chart(load(), deployment, bar_width=10)
    bars = {row["country"]["en"]: row["bar"]["en"] for row in chart.rows}
    assert bars == {"Armenia": "█" * 10, "Belarus": "░" * 5}  # 900, contradicted, is not drawn


def test_changing_a_preferred_figure_changes_the_chart(store: Store) -> None:
    from cstoref.answers.deployment import contingent_figures

    deployment = copy.deepcopy(next(d for d in store.table("deployments") if d["id"] == "dep-2022-kaz"))
    armenia = next(c for c in deployment["contributions"] if c["country"] == "ARM")
    for troop in armenia["troops"]:
        troop["rank"] = "preferred" if troop["value"] == 70 else "deprecated"
        troop.pop("verdict", None)
    assert dict((i, m) for i, m, _ in contingent_figures(deployment))["ARM"] == 70


def test_a_card_heading_keeps_its_words_whole(cli) -> None:
    from cstoref.answers.show import _shortened

    heading = cli("show", "ev-1993-12-09-georgia-signs", "--lang", "en", "--bidi", "logical").stdout.split("┌")[0]
    assert "(9 December 1993" in " ".join(heading.split())
    ar = cli("show", "dep-2022-kaz", "--lang", "ar", "--bidi", "logical").stdout.split("┌")[0]
    assert "في جمهورية كازاخستان" in " ".join(ar.split())
    long = "word " * 40
    cut = _shortened(long.strip())
    assert cut.endswith("word…") and len(cut) <= 101
    assert _shortened("short caption") == "short caption"


@pytest.mark.parametrize(("typed", "first"), [("putn", "p-putin"), ("kazakstan", "kaz"), ("p-putn", "p-putin")])
def test_a_mistyped_id_suggests_the_record_it_names_first(cli, typed: str, first: str) -> None:
    result = cli("show", typed)
    assert result.returncode == 1
    assert f"did you mean {first}," in result.stderr, result.stderr


def test_a_passage_cited_twice_in_one_record_is_listed_once_under_its_source(cli) -> None:
    out = cli("sources", "001", "--lang", "en", "--bidi", "logical", COLUMNS="400").stdout
    # In a pipe each line of a row repeats its id: the lines of Uzbekistan's row hold the passage once.
    lines = [line for line in out.split("\n") if "│ uzb " in line]
    assert lines and sum("وتضم دول ما بعد الاتحاد السوفياتي التالية" in line for line in lines) == 1


def _fields_and_properties(value, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        if not (value and set(value) <= {"en", "ar", "ru"}):
            for key, inner in value.items():
                found.add(key)
                if key == "property" and isinstance(inner, str):
                    found.add(inner)
                _fields_and_properties(inner, found)
    elif isinstance(value, list):
        for item in value:
            _fields_and_properties(item, found)
    return found


def test_every_field_and_claim_property_of_the_store_has_a_label_in_both_languages(store_doc) -> None:
    from cstoref.answers.fields import _INNER_SKIP, LABELS

    named = set()
    for table in TABLES:
        for record in store_doc[table].values():
            _fields_and_properties(record, named)
    unlabelled = sorted(named - set(LABELS) - _INNER_SKIP - {"property"})
    assert not unlabelled, f"no label for {unlabelled}"
    for field, label in LABELS.items():
        assert label["en"][:1].isupper(), (field, label)
        assert re.search("[\u0621-\u064a]", label["ar"]), (field, label)


def test_a_claim_reads_in_arabic_in_the_arabic_card(cli) -> None:
    out = cli("show", "arm", "--lang", "ar", "--bidi", "logical").stdout
    assert "تجميد المشاركة: 22 فبراير 2024" in out
    assert "Participation frozen" not in out
    treaty = cli("show", "f-treaty", "--lang", "ar", "--bidi", "logical").stdout
    assert "أرمينيا (arm)، كازاخستان (kaz)" in treaty and "طشقند (tashkent)" in treaty

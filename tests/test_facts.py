"""Checks of what the fact store says: verdicts, ranks that agree across sources, and the corrections it must keep.

Where test_store.py checks the store's form (schema, citations, verbatim excerpts), these tests check
its content: a statement a reference contradicts is deprecated with the verdict that says so, one that
no page confirms is marked unverifiable and never preferred, the same kind of figure is ranked the same
way whoever reports it, and every chairmanship is recorded the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import STORE, run_cli

from cstoref.answers.common import MARK_TEXT

ARTICLE = re.compile(r"^[0-9]{3}$")
YEAR = re.compile(r"^[0-9]{4}$")
DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


@pytest.fixture(scope="module")
def store() -> dict[str, Any]:
    return json.loads(STORE.read_text(encoding="utf-8"))


def rows(store: dict[str, Any], table: str) -> list[dict[str, Any]]:
    return list(store[table].values())


def record(store: dict[str, Any], table: str, record_id: str) -> dict[str, Any]:
    found = [r for r in rows(store, table) if r["id"] == record_id]
    assert found, f"{table} has no record {record_id}"
    return found[0]


def ranked(store: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every statement that carries a rank: claims, figure values, totals and troop figures."""
    for table, records in store.items():
        for rec in records.values():
            stack: list[tuple[str, Any]] = [(f"{table}/{rec.get('id')}", rec)]
            while stack:
                where, node = stack.pop()
                if isinstance(node, dict):
                    if "rank" in node:
                        yield where, node
                    stack.extend((f"{where}.{k}", v) for k, v in node.items())
                elif isinstance(node, list):
                    stack.extend((f"{where}[{i}]", v) for i, v in enumerate(node))


def sources_of(statement: dict[str, Any]) -> list[str]:
    if "sources" in statement:
        return [c["source"] for c in statement["sources"]]
    return [statement["source"]]


def claims(rec: dict[str, Any], prop: str) -> dict[Any, dict[str, Any]]:
    """A record's claims on one property, by value (bilingual values by their English)."""
    return {(c["value"]["en"] if isinstance(c["value"], dict) else json.dumps(c["value"])
             if isinstance(c["value"], list) else c["value"]): c
            for c in rec["claims"] if c["property"] == prop}


# ---- verdicts ---------------------------------------------------------------------------

def test_every_deprecated_statement_says_why_with_a_verdict(store: dict[str, Any]) -> None:
    problems = []
    for where, s in ranked(store):
        verdict, rank = s.get("verdict"), s["rank"]
        if rank == "deprecated" and verdict not in ("contradicted", "unverifiable"):
            problems.append(f"{where}: deprecated without a verdict")
        if verdict == "contradicted" and rank != "deprecated":
            problems.append(f"{where}: contradicted but ranked {rank}")
        if verdict == "unverifiable" and rank == "preferred":
            problems.append(f"{where}: unverifiable yet preferred")
    assert not problems, problems


def test_the_reason_and_the_verdict_agree(store: dict[str, Any]) -> None:
    """A reason that opens "Unverifiable:" never sits under the mark of a contradiction, and back."""
    problems = []
    for where, s in ranked(store):
        reason = (s.get("reason") or {}).get("en", "")
        if reason.startswith("Unverifiable") and s.get("verdict") != "unverifiable":
            problems.append(f"{where}: the reason says unverifiable, the verdict {s.get('verdict')}")
        if reason.startswith("Contradicted") and s.get("verdict") != "contradicted":
            problems.append(f"{where}: the reason says contradicted, the verdict {s.get('verdict')}")
        if s.get("verdict") and not reason:
            problems.append(f"{where}: a verdict without a reason")
    assert not problems, problems


#: a reason opens with its mark's own word, as the legend gives it
OPENING = {
    verdict: {"en": MARK_TEXT[verdict]["en"].capitalize() + ": ", "ar": MARK_TEXT[verdict]["ar"] + ": "}
    for verdict in ("contradicted", "unverifiable")
}


def test_a_reason_opens_with_the_word_of_its_verdict_in_both_languages(store: dict[str, Any]) -> None:
    """The mark a reader sees and the first word of the reason say the same thing, in English and Arabic.

    The kind of error (a wrong addressee, a figure withdrawn, out of date) follows that word, so a
    reason never opens with a word that could be read as a third verdict.
    """
    problems = []
    for where, s in ranked(store):
        reason = s.get("reason") or {}
        verdict = s.get("verdict")
        for lang in ("en", "ar"):
            text = reason.get(lang, "")
            opens = [v for v, words in OPENING.items() if text.startswith(words[lang])]
            if verdict and opens != [verdict]:
                problems.append(f"{where} ({lang}): a {verdict} reason opens {text[:30]!r}")
            if not verdict and opens:
                problems.append(f"{where} ({lang}): the reason opens {opens[0]} but there is no verdict")
    assert not problems, problems


def test_both_verdicts_are_used(store: dict[str, Any]) -> None:
    verdicts = {s.get("verdict") for _, s in ranked(store)}
    assert {"contradicted", "unverifiable"} <= verdicts


# ---- the same figure, the same rank -------------------------------------------------------

def exceeds(entry: dict[str, Any], total: int) -> bool:
    return entry["value"] > total or (entry["value"] == total and entry["qualifier"] == "more than")


def test_a_contingent_above_the_official_total_is_contradicted_whoever_reports_it(store: dict[str, Any]) -> None:
    checked = set()
    for dep in rows(store, "deployments"):
        official = [t for t in dep["totals"] if t["scope"] == "all" and t["rank"] == "preferred"]
        if not official:
            continue
        total = official[0]["value"]
        for contribution in dep["contributions"]:
            for entry in contribution["troops"]:
                if exceeds(entry, total):
                    assert (entry["rank"], entry.get("verdict")) == ("deprecated", "contradicted"), (
                        f"{dep['id']} {contribution['country']}: {entry['value']} from {entry['source']} "
                        f"exceeds the official total {total} but is ranked {entry['rank']}")
                    checked.add("article" if ARTICLE.match(entry["source"]) else "reference")
    # The rule bites on both kinds of source: an article's figure and a press report's alike.
    assert checked == {"article", "reference"}


NO_PAGE = "No page could be read to confirm this"


def reference_notes(statement: dict[str, Any]) -> list[str]:
    """The notes of a statement's reference citations (a flat figure entry carries one note)."""
    if "sources" in statement:
        return [c.get("note") or "" for c in statement["sources"] if not ARTICLE.match(c["source"])]
    return [] if ARTICLE.match(statement["source"]) else [statement.get("note") or ""]


def test_a_value_no_page_confirms_says_so_and_is_not_preferred(store: dict[str, Any]) -> None:
    marked = []
    for where, s in ranked(store):
        notes = reference_notes(s)
        if notes and all(NO_PAGE in n for n in notes):
            marked.append(where)
            assert s["rank"] != "preferred", f"{where}: preferred on a page no one could read"
            assert s.get("verdict") == "unverifiable", f"{where}: unchecked but not marked unverifiable"
    assert marked, "the audit marks at least the values whose page could not be read"


# ---- chairmanships: one calendar year each ---------------------------------------------

def test_every_chairmanship_is_one_calendar_year_with_its_handover_days(store: dict[str, Any]) -> None:
    chairs = [f for f in rows(store, "facts") if f["key"] == "chairmanship" and isinstance(f["value"], dict)]
    years = []
    for chair in chairs:
        assert YEAR.match(chair["start"]) and chair["end"] == chair["start"], (
            f"{chair['id']}: a chairmanship is recorded by its calendar year, not {chair['start']}..{chair['end']}")
        year = int(chair["start"])
        years.append(year)
        assert chair["id"] == f"f-chair-{year}-{chair['value']['country'].lower()}"
        assumed = claims(chair, "assumed")
        assert len(assumed) == 1, f"{chair['id']}: the day the chair changed hands is missing"
        (day, claim), = assumed.items()
        assert DAY.match(day) and int(day[:4]) in (year - 1, year), (chair["id"], day)
        assert any(not ARTICLE.match(s) for s in sources_of(claim)), f"{chair['id']}: no page for {day}"
        for day in claims(chair, "handed-over"):
            assert int(day[:4]) == year, (chair["id"], day)
    assert sorted(years) == list(range(min(years), max(years) + 1)), f"gaps or repeats in {sorted(years)}"


def test_armenia_chaired_for_2022_from_the_summit_of_september_2021(store: dict[str, Any]) -> None:
    armenia = record(store, "facts", "f-chair-2022-arm")
    assert set(claims(armenia, "assumed")) == {"2021-09-16"}
    assert set(claims(armenia, "handed-over")) == {"2022-11-23"}


# ---- the known corrections ------------------------------------------------------------------

def test_georgia_keeps_both_accession_days_and_prefers_december(store: dict[str, Any]) -> None:
    georgia = record(store, "countries", "geo")
    joined = claims(georgia, "joined")
    assert joined["1993-12-09"]["rank"] == "preferred"
    assert {"wp06", "caliber25"} <= set(sources_of(joined["1993-12-09"]))
    september = joined["1993-09-09"]
    assert september["rank"] != "preferred" and "apos" in sources_of(september)
    assert "preferred" in september["reason"]["en"], "the reason must say why December is preferred"
    assert georgia["joined"] == georgia["periods"][0]["start"] == "1993-12-09"
    event = record(store, "events", "ev-1993-12-09-georgia-signs")
    assert event["date"] == "1993-12-09" and "1993-09-09" in claims(event, "date")


def test_rapid_reaction_force_decision_agreement_and_belarus(store: dict[str, Any]) -> None:
    crrf = record(store, "facts", "f-body-crrf")
    assert set(claims(crrf, "decided")) == {"2009-02-04"}
    signed = claims(crrf, "agreement-signed")
    assert signed["2009-06-14"]["rank"] == "preferred"
    assert (signed["2009-02-04"]["rank"], signed["2009-02-04"]["verdict"]) == ("deprecated", "contradicted")
    assert claims(crrf, "not-signed-by")['["BLR", "UZB"]']["rank"] == "preferred"
    assert set(claims(crrf, "signed-by-belarus")) == {"2009-10"}
    dates = {e["id"]: e["date"] for e in rows(store, "events")}
    assert dates["ev-2009-02-04-crrf"] == "2009-02-04"
    assert dates["ev-2009-06-14-crrf-agreement"] == "2009-06-14"
    assert dates["ev-2009-10-20-belarus-crrf"].startswith("2009-10")


def test_afghanistan_is_a_former_observer_whose_period_ends(store: dict[str, Any]) -> None:
    afghanistan = record(store, "countries", "afg")
    assert afghanistan["status"] == "former"
    assert [p["status"] for p in afghanistan["periods"]] == ["observer"]
    period = afghanistan["periods"][0]
    assert (period["start"], period["end"], afghanistan["left"]) == ("2013", "2021-08", "2021-08")
    assert "de facto" in period["note"]["en"] and "tass21" in [c["source"] for c in period["sources"]]
    status = claims(afghanistan, "status")
    assert status["former"]["rank"] == "preferred"
    assert (status["observer"]["rank"], status["observer"]["verdict"]) == ("deprecated", "contradicted")
    assert claims(afghanistan, "observer-until")["2021-08"]["rank"] == "preferred"


def test_kyrgyzstan_2010_appeal_went_to_russia(store: dict[str, Any]) -> None:
    for table, rec_id in (("deployments", "dep-2010-kgz"), ("people", "p-otunbayeva")):
        rec = record(store, table, rec_id)
        addressee = claims(rec, "addressee" if table == "deployments" else "appealed-to")
        assert addressee["Russia"]["rank"] == "preferred"
        assert addressee["CSTO"]["verdict"] == "contradicted"
    assert "asked the CSTO" not in json.dumps(record(store, "events", "ev-2010-06-kyrgyzstan-request-refused"))


def test_armenia_2021_invoked_article_2_and_was_answered_inadequately(store: dict[str, Any]) -> None:
    appeal = record(store, "deployments", "dep-2021-arm")
    basis = appeal["legal_basis"]
    assert basis is not None and "Article 2" in basis["claims"][0]["value"]["en"]
    response = claims(appeal, "response")
    assert response["the appeal went unanswered"]["verdict"] == "contradicted"
    assert "did not react properly" in response and "003" in sources_of(response["did not react properly"])
    assert "unanswered" not in appeal["summary"]["en"]


def test_kazakhstan_2022_legal_basis_is_the_treaty_not_the_charter(store: dict[str, Any]) -> None:
    article = claims(record(store, "deployments", "dep-2022-kaz")["legal_basis"], "article")
    assert article["Collective Security Treaty (1992), Article 4"]["rank"] == "preferred"
    assert article["CSTO Charter (2002), Article 4"]["verdict"] == "contradicted"


def test_the_peacekeeping_force_has_its_latest_official_figure(store: dict[str, Any]) -> None:
    values = record(store, "figures", "fig-peacekeeping-force")["values"]
    preferred = [v for v in values if v["rank"] == "preferred"]
    assert [(v["value"], v["source"], v["date"]) for v in preferred] == [(4000, "tass24", "2024-06-27")]
    assert any(v["value"] == 3600 and v["source"] == "chair" for v in values)


def test_belfer_role_and_massimov_name_stay_corrected(store: dict[str, Any]) -> None:
    belfer = record(store, "people", "p-belfer")
    assert any(c["verdict"] == "contradicted" and "Director" in c["value"]["en"] for c in belfer["claims"]
               if c["rank"] == "deprecated")
    massimov = claims(record(store, "people", "p-massimov"), "name")
    assert massimov["كريم ماسيموف"]["rank"] == "preferred" and massimov["قاسم ماسيموف"]["verdict"] == "contradicted"


# ---- places and organisations -------------------------------------------------------------

SPELLINGS = {
    ("places", "almaty"): {"ألماتي", "ألماتا", "Alma-Ata"},
    ("places", "nagorno-karabakh"): {"ناغورنو كاراباخ", "كاراباخ", "ناغورني قره باغ"},
    ("places", "bishkek"): {"بيشكيك", "بشكيك"},
    ("organisations", "nato"): {"الناتو", "حلف شمال الأطلسي", "حلف الأطلسي"},
}


@pytest.mark.parametrize(("table", "rec_id"), sorted(SPELLINGS))
def test_named_spellings_are_names_or_aliases(store: dict[str, Any], table: str, rec_id: str) -> None:
    rec = record(store, table, rec_id)
    names = {*rec["name"].values(), *rec["aliases"]["en"], *rec["aliases"]["ar"]}
    assert SPELLINGS[table, rec_id] <= names


def test_the_places_the_articles_turn_on_are_records(store: dict[str, Any]) -> None:
    ids = {r["id"] for r in rows(store, "places")}
    assert {"soviet-union", "moscow", "minsk", "yerevan", "dushanbe", "tashkent"} <= ids
    assert {"un", "cis"} <= {r["id"] for r in rows(store, "organisations")}


def test_each_article_excerpt_of_a_place_or_organisation_names_it(store: dict[str, Any]) -> None:
    from cstoref.textnorm import loose

    problems = []
    for table in ("places", "organisations"):
        for rec in rows(store, table):
            names = [loose(n) for n in (*rec["name"].values(), *rec["aliases"]["en"], *rec["aliases"]["ar"])]
            for citation in rec["sources"]:
                if citation["excerpt"] and not any(n and n in loose(citation["excerpt"]) for n in names):
                    problems.append(f"{rec['id']}: {citation['excerpt'][:50]!r} names none of its spellings")
    assert not problems, problems


# ---- what a journalist asks, found in the article's own words ----------------------------

@pytest.mark.parametrize(("words", "expected"), [
    ("اصابع اميركية", "ev-2022-01-allies-blame-outside-forces"),
    ("شركات الطيران الدولية", "ev-2022-01-flights-suspended"),
    ("أقال توكاييف عدداً من المسؤولين الأمنيين", "ev-2022-01-05-security-council"),
    ("ويكيبيديا", "000"),
    ("رفضت كازاخستان رفضا قاطعا", "ev-2022-02-kazakhstan-stays-out-of-ukraine"),
])
def test_search_finds_an_article_claim_in_its_own_words(words: str, expected: str) -> None:
    result = run_cli("search", words, "--json")
    assert result.returncode == 0, result.stderr
    assert expected in {hit["id"] for hit in json.loads(result.stdout)}


def test_kazakhstan_2022_deaths_prefer_the_final_count_and_drop_the_retracted_one(store: dict[str, Any]) -> None:
    values = {v["value"]: v for v in record(store, "figures", "fig-kazakhstan-deaths-2022")["values"]}
    assert [v for v, e in values.items() if e["rank"] == "preferred"] == [238]
    assert (values[230]["rank"], values[230]["date"], values[230]["source"]) == ("normal", "2022-03-14", "ifx22")
    assert (values[164]["rank"], values[164]["verdict"]) == ("deprecated", "contradicted")


def test_each_dated_claim_of_armenias_2021_appeal_cites_a_page_that_speaks_of_the_appeal(store: dict[str, Any]) -> None:
    requested = claims(record(store, "deployments", "dep-2021-arm"), "requested")["2021-05"]
    assert "yer22" not in sources_of(requested)
    assert {"azat21", "mfa21"} <= set(sources_of(requested))


def test_the_end_of_afghanistans_observer_period_is_de_facto(store: dict[str, Any]) -> None:
    until = claims(record(store, "countries", "afg"), "observer-until")["2021-08"]
    assert until["qualifier"] == "de facto"
    assert any("formally" in (c["note"] or "") for c in until["sources"])

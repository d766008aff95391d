"""Checks of the fact store seeds/cstoref.json against its schema, its sources and its own rules.

The five Arabic articles live outside the repository, in ../shared/sources/ (or the folder named by
CSTOREF_SOURCES_DIR). Without them the excerpt checks skip, saying so; with CI set they fail.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import articles_dir
from jsonschema import Draft202012Validator

REPO = Path(__file__).resolve().parent.parent
STORE_PATH = REPO / "seeds" / "cstoref.json"
SCHEMA_PATH = REPO / "seeds" / "schema.json"
TABLES = ["meta", "sources", "countries", "people", "facts", "figures",
          "events", "deployments", "quotes", "places", "organisations"]
ARTICLE_ID = re.compile(r"^[0-9]{3}$")


@pytest.fixture(scope="module")
def store() -> dict[str, Any]:
    return json.loads(STORE_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def load_articles(store: dict[str, Any]) -> dict[str, str]:
    """Article source id -> text of its file.

    Called inside the tests (not as a fixture), so that a missing folder skips or fails them.
    """
    folder = articles_dir()
    texts = {}
    for rec in rows(store, "sources"):
        if rec.get("kind") == "article":
            path = folder / rec["file"]
            assert path.is_file(), f"article {rec['id']}: {path} does not exist"
            texts[rec["id"]] = path.read_text(encoding="utf-8")
    return texts


def rows(store: dict[str, Any], table: str) -> list[dict[str, Any]]:
    return list(store.get(table, {}).values())


def all_records(store: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for table in TABLES:
        for rec in rows(store, table):
            yield table, rec


def walk(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every (path, node) below `node`, the node itself included."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}[{index}]")


def cited(store: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object that names a source and an excerpt: citations, figure values, totals, troops."""
    for table, rec in all_records(store):
        for path, node in walk(rec, f"{table}/{rec.get('id')}"):
            if isinstance(node, dict) and "source" in node and "excerpt" in node:
                yield path, node


def is_arabic(char: str) -> bool:
    return unicodedata.name(char, "").startswith("ARABIC")


def arabic_letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha() and is_arabic(c))


# ---- schema ----

def test_schema_is_a_valid_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    Draft202012Validator.check_schema(schema)


def test_store_validates_against_schema(store: dict[str, Any], schema: dict[str, Any]) -> None:
    validator = Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(store), key=lambda e: list(e.absolute_path))
    report = [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in errors[:10]]
    assert not errors, f"{len(errors)} schema error(s), first ones:\n" + "\n".join(report)


def test_tables_in_order_with_consecutive_document_ids(store: dict[str, Any]) -> None:
    assert list(store) == TABLES
    for table in TABLES:
        keys = list(store[table])
        expected = [str(n) for n in range(1, len(keys) + 1)]
        assert keys == expected, f"{table}: document ids are not 1..n in order"


# ---- identity and cross-references ----

def test_ids_are_unique_across_the_store(store: dict[str, Any]) -> None:
    seen: dict[str, str] = {}
    for table, rec in all_records(store):
        assert rec["id"] not in seen, f"id {rec['id']} is used in {seen[rec['id']]} and {table}"
        seen[rec["id"]] = table


def test_every_cited_source_exists(store: dict[str, Any]) -> None:
    source_ids = {rec["id"] for rec in rows(store, "sources")}
    missing = {(path, node["source"]) for path, node in cited(store)
               if node["source"] not in source_ids}
    assert not missing, sorted(missing)[:10]


def test_people_and_countries_referenced_exist(store: dict[str, Any]) -> None:
    people = {rec["id"] for rec in rows(store, "people")}
    countries = {rec["iso3"] for rec in rows(store, "countries")}
    problems = []
    for rec in rows(store, "countries"):
        if rec["id"] != rec["iso3"].lower():
            problems.append(f"country {rec['id']}: id is not its iso3 code in lower case")
    for rec in rows(store, "people"):
        if rec["country"] is not None and rec["country"] not in countries:
            problems.append(f"person {rec['id']}: unknown country {rec['country']}")
    for rec in rows(store, "quotes"):
        if rec["speaker"] is not None and rec["speaker"] not in people:
            problems.append(f"quote {rec['id']}: unknown speaker {rec['speaker']}")
    for rec in rows(store, "deployments"):
        if rec["host"] not in countries:
            problems.append(f"deployment {rec['id']}: unknown host {rec['host']}")
        for contribution in rec["contributions"]:
            if contribution["country"] not in countries:
                problems.append(
                    f"deployment {rec['id']}: unknown contributor {contribution['country']}")
        for role in ("chair", "commander"):
            holder = rec.get(role)
            if holder and holder["person"] is not None and holder["person"] not in people:
                problems.append(f"deployment {rec['id']}: unknown {role} {holder['person']}")
    for rec in rows(store, "facts"):
        value = rec["value"]
        if rec["key"] == "secretary-general" and value not in people:
            problems.append(f"fact {rec['id']}: unknown person {value}")
        if rec["key"] == "chairmanship" and isinstance(value, dict) and (
                value.get("country") not in countries or value.get("person") not in people | {None}):
            problems.append(f"fact {rec['id']}: unknown chair {value}")
    assert not problems, problems


# ---- citations and excerpts ----

def test_every_record_and_nested_statement_has_a_citation(store: dict[str, Any]) -> None:
    bare = []
    for table, rec in all_records(store):
        for path, node in walk(rec, f"{table}/{rec.get('id')}"):
            if isinstance(node, dict) and "sources" in node and not node["sources"]:
                bare.append(path)
        if not rec.get("sources"):
            bare.append(f"{table}/{rec.get('id')}")
    assert not bare, bare[:10]


def test_article_citations_carry_an_excerpt_and_references_a_note(store: dict[str, Any]) -> None:
    problems = []
    for path, node in cited(store):
        if ARTICLE_ID.match(node["source"]):
            if not isinstance(node["excerpt"], str) or not node["excerpt"].strip():
                problems.append(f"{path}: article {node['source']} cited without an excerpt")
        else:
            if node["excerpt"] is not None:
                problems.append(f"{path}: reference {node['source']} cited with an excerpt")
    for table, rec in all_records(store):
        for path, node in walk(rec.get("sources", []), f"{table}/{rec['id']}.sources"):
            if (isinstance(node, dict) and not ARTICLE_ID.match(node["source"])
                    and not node.get("note")):
                problems.append(f"{path}: reference {node['source']} cited without a note")
    assert not problems, problems[:10]


def test_every_excerpt_is_verbatim_in_its_article(store: dict[str, Any]) -> None:
    articles = load_articles(store)
    wrong = []
    count = 0
    for path, node in cited(store):
        if node["excerpt"] is None:
            continue
        count += 1
        text = articles.get(node["source"])
        if text is None or node["excerpt"] not in text:
            wrong.append(f"{path}: not in article {node['source']}: {node['excerpt'][:60]!r}")
    assert count > 0
    assert not wrong, f"{len(wrong)} excerpt(s) not verbatim:\n" + "\n".join(wrong[:10])


def test_article_titles_are_lines_of_their_files(store: dict[str, Any]) -> None:
    articles = load_articles(store)
    for rec in rows(store, "sources"):
        if rec["kind"] == "article" and rec["title"] is not None:
            assert rec["title"]["ar"] in articles[rec["id"]].splitlines(), rec["id"]


def test_quote_text_is_one_of_its_excerpts(store: dict[str, Any]) -> None:
    articles = load_articles(store)
    for rec in rows(store, "quotes"):
        excerpts = {c["excerpt"] for c in rec["sources"]}
        assert rec["text"]["ar"] in excerpts, f"quote {rec['id']}: text.ar is not an excerpt of it"
        assert any(rec["text"]["ar"] in articles.get(c["source"], "") for c in rec["sources"])


def test_the_five_articles_each_have_one_source_record(store: dict[str, Any]) -> None:
    load_articles(store)
    files = sorted(p.name for p in articles_dir().glob("*.txt"))
    assert len(files) == 5, files
    article_files = [rec["file"] for rec in rows(store, "sources") if rec["kind"] == "article"]
    for name in files:
        count = article_files.count(name)
        assert count == 1, f"{name} is the file of {count} article sources"
    assert sorted(article_files) == files


# ---- content ----

def test_members_by_status(store: dict[str, Any]) -> None:
    by_status: dict[str, set[str]] = {}
    for rec in rows(store, "countries"):
        by_status.setdefault(rec["status"], set()).add(rec["iso3"])
    assert by_status.get("member") == {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}
    # Afghanistan is a former observer: its observer period has ended.
    assert by_status.get("former") == {"UZB", "AZE", "GEO", "AFG"}
    assert by_status.get("observer") == {"SRB"}


def test_timeline_has_enough_events_oldest_first(store: dict[str, Any]) -> None:
    events = rows(store, "events")
    in_range = [e for e in events if 1992 <= int(e["date"][:4]) <= 2024]
    assert len(in_range) >= 25, f"only {len(in_range)} events between 1992 and 2024"
    dates = [e["date"] for e in events]
    assert dates == sorted(dates), "events are not oldest first"


def test_enough_quotes(store: dict[str, Any]) -> None:
    assert len(rows(store, "quotes")) >= 12


def test_arabic_fields_are_arabic_and_english_fields_have_no_arabic(store: dict[str, Any]) -> None:
    problems = []
    for table, rec in all_records(store):
        for path, node in walk(rec, f"{table}/{rec.get('id')}"):
            if not isinstance(node, dict):
                continue
            if set(node) == {"en", "ar"}:
                en = node["en"] if isinstance(node["en"], list) else [node["en"]]
                ar = node["ar"] if isinstance(node["ar"], list) else [node["ar"]]
                for text in en:
                    if any(is_arabic(c) for c in text):
                        problems.append(f"{path}.en has Arabic: {text[:50]!r}")
                for text in ar:
                    letters = sum(1 for c in text if c.isalpha())
                    if arabic_letters(text) == 0 or arabic_letters(text) * 2 < letters:
                        problems.append(f"{path}.ar is not Arabic: {text[:50]!r}")
            note = node.get("note")
            if "source" in node and isinstance(note, str) and any(is_arabic(c) for c in note):
                problems.append(f"{path}.note has Arabic: {node['note'][:50]!r}")
    assert not problems, problems[:10]


def test_deprecated_statements_have_a_reason(store: dict[str, Any]) -> None:
    missing = []
    for table, rec in all_records(store):
        for path, node in walk(rec, f"{table}/{rec.get('id')}"):
            if isinstance(node, dict) and node.get("rank") == "deprecated":
                reason = node.get("reason")
                if not (isinstance(reason, dict) and reason.get("en") and reason.get("ar")):
                    missing.append(path)
    assert not missing, missing[:10]


def test_deprecated_claims_and_figures_sit_beside_a_preferred_value(store: dict[str, Any]) -> None:
    """A contradicted version is kept, but never alone: the corrected value is there too."""
    lonely = []
    for table, rec in all_records(store):
        claims = rec.get("claims", [])
        for c in claims:
            if c["rank"] == "deprecated" and not any(
                    o["rank"] == "preferred" and o["property"] == c["property"] for o in claims):
                lonely.append(f"{table}/{rec['id']}: claim {c['property']}")
    for rec in rows(store, "figures"):
        ranks = {v["rank"] for v in rec["values"]}
        if "deprecated" in ranks and "preferred" not in ranks:
            lonely.append(f"figures/{rec['id']}")
    assert not lonely, lonely


def test_no_bilingual_text_is_empty(store: dict[str, Any]) -> None:
    # The schema lets a --db store carry empty texts (the tool shows nothing for them); the
    # bundled store fills every one.
    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if set(node) == {"en", "ar"} and all(isinstance(v, str) for v in node.values()):
                assert node["en"].strip() and node["ar"].strip(), where
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]")

    walk(store, "store")

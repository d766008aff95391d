"""The run-time validator must agree with jsonschema, on the bundled store and on broken ones."""

from __future__ import annotations

import contextlib
import copy
import json
import re

import jsonschema
import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cstoref import validate
from cstoref.errors import StoreError
from cstoref.schema_quick import FastCompiler as _FastCompiler
from cstoref.schema_words import Validator as _Validator
from cstoref.validate import validate_store

SCHEMA = json.loads((SEEDS / "schema.json").read_text(encoding="utf-8"))
STORE = json.loads((SEEDS / "cstoref.json").read_text(encoding="utf-8"))
REFERENCE = jsonschema.Draft202012Validator(SCHEMA)
#: what the store is checked for beyond its schema: pointers that lead nowhere, ids used twice,
#: dates of the right form that are no day of the calendar
OURS_ALONE = ("cites the unknown source", "names the unknown", "is also used in", "is no day of the calendar")


def test_bundled_store_passes_both() -> None:
    assert not list(REFERENCE.iter_errors(STORE))
    validate_store(STORE, "store.json", SCHEMA)


def _paths(node, prefix=()):
    """Every (path, value) inside a document."""
    yield prefix, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, prefix + (index,))


ALL_PATHS = [path for path, _ in _paths(STORE) if len(path) >= 3]
BAD_VALUES = [None, "", "x", 0, -1, 3.5, True, [], {}, ["x"], {"en": "x"}, "2022-13-01", "ARM", "zzz", "001"]


@contextlib.contextmanager
def _quick_from(records: int):
    saved = validate.QUICK_FROM
    validate.QUICK_FROM = records
    try:
        yield
    finally:
        validate.QUICK_FROM = saved


def _change(node, path, value, delete: bool) -> None:
    """Set the value at `path` inside `node` to `value`, or delete it."""
    for key in path[:-1]:
        node = node[key]
    if delete:
        if isinstance(node, list):
            del node[path[-1]]
        else:
            node.pop(path[-1])
    else:
        node[path[-1]] = value


@settings(max_examples=160, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ALL_PATHS), st.sampled_from(BAD_VALUES), st.booleans(), st.booleans())
def test_verdicts_agree_with_jsonschema(path, value, delete, quick) -> None:
    """Both ways through validate_store: worded checks only (a small store), and the quick
    check first (a large one)."""
    doc = dict(STORE)
    doc[path[0]] = copy.deepcopy(STORE[path[0]])
    _change(doc, path, value, delete)
    expected_valid = not any(True for _ in REFERENCE.iter_errors(doc))
    try:
        with _quick_from(0 if quick else 10**9):
            validate_store(doc, "bad.json", SCHEMA)
        ours_valid = True
    except StoreError as exc:
        ours_valid = False
        message = str(exc)
        assert message.startswith("bad.json: ")
        assert "\n" not in message
    if ours_valid:
        # Cross-reference checks are ours alone, so only a schema pass can be compared.
        assert expected_valid, f"missed an invalid {path} = {value!r}"
    elif expected_valid:
        assert any(reason in message for reason in OURS_ALONE), message


def test_message_names_the_first_offending_record() -> None:
    doc = copy.deepcopy(STORE)
    doc["countries"]["3"]["status"] = "ally"
    with pytest.raises(StoreError) as caught:
        validate_store(doc, "bad.json", SCHEMA)
    rid = doc["countries"]["3"]["id"]
    assert f"record countries/3 (id '{rid}')" in str(caught.value)
    assert "status" in str(caught.value)


def test_unknown_source_is_refused() -> None:
    doc = copy.deepcopy(STORE)
    doc["events"]["1"]["sources"][0] = {"source": "nosuch", "excerpt": None, "note": "a page"}
    with pytest.raises(StoreError, match="cites the unknown source 'nosuch'"):
        validate_store(doc, "bad.json", SCHEMA)


def test_duplicate_id_is_refused() -> None:
    doc = copy.deepcopy(STORE)
    doc["events"]["2"]["id"] = doc["events"]["1"]["id"]
    with pytest.raises(StoreError, match="is also used in"):
        validate_store(doc, "bad.json", SCHEMA)


TABLE_CHANGES = [(table, change) for table in STORE for change in ("empty", "drop", "double")]


@pytest.mark.parametrize(("table", "change"), TABLE_CHANGES)
def test_table_level_verdicts_agree_with_jsonschema(table, change) -> None:
    doc = copy.deepcopy(STORE)
    if change == "empty":
        doc[table] = {}
    elif change == "drop":
        del doc[table]
    else:
        first_key, first = next(iter(doc[table].items()))
        doc[table][str(max(int(k) for k in doc[table]) + 1)] = copy.deepcopy(first)
    expected_valid = not any(True for _ in REFERENCE.iter_errors(doc))
    try:
        validate_store(doc, "bad.json", SCHEMA)
        ours_valid = True
    except StoreError as exc:
        ours_valid = False
        message = str(exc)
    if ours_valid:
        assert expected_valid, f"missed an invalid store: table {table} {change}"
    elif expected_valid:
        assert any(reason in message for reason in OURS_ALONE), message


SLOW = _Validator(SCHEMA)
RECORD_SCHEMAS = {table: next(iter(SCHEMA["properties"][table]["patternProperties"].values())) for table in STORE}
QUICK = dict(zip(RECORD_SCHEMAS, _FastCompiler(SCHEMA).compile(list(RECORD_SCHEMAS.values()))))
MORE_BAD_VALUES = BAD_VALUES + [1.0, False, {"en": "x", "ar": 1}, {"en": "x", "ar": "y", "fr": "z"},
                                [{"source": "000"}], ["a", "a"], "2022-02-30", "1999-1", 10**12, -0.0]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ALL_PATHS), st.sampled_from(MORE_BAD_VALUES), st.booleans())
def test_quick_check_agrees_with_the_worded_one(path, value, delete) -> None:
    """The generated yes-or-no check is trusted alone when it says yes: it must never differ."""
    table, key = path[0], path[1]
    record = copy.deepcopy(STORE[table][key])
    _change(record, path[2:], value, delete)
    worded = SLOW.compile(RECORD_SCHEMAS[table])(record, ())
    assert QUICK[table](record) == (worded is None), (path, value, delete, worded and worded())


def test_quick_check_passes_every_bundled_record() -> None:
    for table, rows in STORE.items():
        assert all(QUICK[table](record) for record in rows.values()), table


@pytest.mark.parametrize(("table", "field", "value", "reason"), [
    ("deployments", "host", "ZZZ", "names the unknown country 'ZZZ'"),
    ("quotes", "speaker", "p-nobody", "names the unknown person 'p-nobody'"),
    ("people", "country", "ZZZ", "names the unknown country 'ZZZ'"),
    ("events", "date", "2022-02-30", "'2022-02-30' is no day of the calendar"),
])
def test_pointers_and_dates_must_lead_somewhere(table, field, value, reason) -> None:
    doc = copy.deepcopy(STORE)
    key = next(k for k, r in doc[table].items() if r.get(field))
    doc[table][key][field] = value
    with pytest.raises(StoreError, match=re.escape(reason)):
        validate_store(doc, "bad.json", SCHEMA)


@pytest.mark.parametrize(("table", "field", "value"), [
    ("countries", "iso3", "ARM\n"), ("events", "date", "1991-12-16\n"), ("events", "id", "ev-x\n"),
])
def test_a_final_newline_does_not_pass_a_pattern(table, field, value) -> None:
    """JSON Schema's "$" ends the text; Python's would also match before a final newline."""
    doc = copy.deepcopy(STORE)
    doc[table][next(iter(doc[table]))][field] = value
    with pytest.raises(StoreError, match="wrong form"):
        validate_store(doc, "bad.json", SCHEMA)


@pytest.mark.parametrize(("citation", "reason"), [
    ({"source": "wp22", "excerpt": "quoted", "note": None}, 'sources[0].excerpt must be null, not "quoted"'),
    ({"source": "004", "excerpt": None, "note": "a note"}, "sources[0].excerpt must be string, not null"),
    ({"source": "Bad id", "excerpt": None, "note": "a note"}, 'sources[0].source has the wrong form ("Bad id")'),
])
def test_a_citation_of_the_wrong_shape_names_the_field_at_fault(citation, reason) -> None:
    """An article's citation has an excerpt and a page's has none: the source id tells them apart."""
    doc = copy.deepcopy(STORE)
    key = next(k for k, r in doc["countries"].items() if r["sources"])
    doc["countries"][key]["sources"][0] = citation
    with pytest.raises(StoreError, match=re.escape(reason)):
        validate_store(doc, "bad.json", SCHEMA)


def test_meta_holds_one_record_at_most() -> None:
    doc = copy.deepcopy(STORE)
    doc["meta"]["2"] = copy.deepcopy(doc["meta"]["1"])
    with pytest.raises(StoreError, match="at most 1 record"):
        validate_store(doc, "bad.json", SCHEMA)


SYNTHETIC = {
    "$defs": {"Small": {"type": "integer", "minimum": 0, "maximum": 9}},
    "type": "object",
    "required": ["a"],
    "properties": {"a": {"oneOf": [{"type": "string", "maxLength": 3}, {"$ref": "#/$defs/Small"}]},
                   "b": {"type": "array", "items": {"enum": ["x", "y"]}, "uniqueItems": True, "minItems": 1}},
    "patternProperties": {"^n[0-9]$": {"type": "number"}},
    "additionalProperties": {"type": "boolean"},
}
SYNTHETIC_VALUES = [
    {"a": "abc"}, {"a": "abcd"}, {"a": 5}, {"a": 10}, {"a": True}, {}, {"a": 1, "b": ["x", "y"]},
    {"a": 1, "b": ["x", "x"]}, {"a": 1, "b": []}, {"a": 1, "b": ["z"]}, {"a": 1, "n1": 2.5},
    {"a": 1, "n1": "2"}, {"a": 1, "other": False}, {"a": 1, "other": 0}, [], "a", None,
]


@pytest.mark.parametrize("value", SYNTHETIC_VALUES, ids=repr)
def test_quick_check_on_keywords_the_store_schema_does_not_use(value) -> None:
    """oneOf, minimum and maximum, patternProperties, a schema for additional properties."""
    quick = _FastCompiler(SYNTHETIC).compile([SYNTHETIC])[0]
    worded = _Validator(SYNTHETIC).compile(SYNTHETIC)(value, ())
    expected = not any(True for _ in jsonschema.Draft202012Validator(SYNTHETIC).iter_errors(value))
    assert quick(value) == (worded is None) == expected


def _imports(module: str) -> set[str]:
    """The cstoref modules that `module` imports, at its top or inside a function."""
    import ast

    tree = ast.parse((SEEDS.parent / "cstoref" / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.update([node.module] if node.module else [alias.name for alias in node.names])
    return found


@pytest.mark.parametrize("module", ["store", "validate", "schema_words", "schema_quick"])
def test_no_import_cycle_through_the_store_checks(module) -> None:
    """Following the imports from `module` never leads back to it."""
    seen, todo = set(), list(_imports(module))
    while todo:
        name = todo.pop()
        assert name != module, f"{module} imports itself through {sorted(seen)}"
        if name not in seen:
            seen.add(name)
            todo.extend(_imports(name))


def test_real_date_agrees_with_the_calendar() -> None:
    """The calendar check, worked out without datetime, says what datetime says of every day."""
    import datetime

    from cstoref.schema_words import real_date

    def calendar(value: str) -> bool:
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return False
        return True

    for year in (*range(0, 5), 1900, 1992, 1996, 2000, 2022, 2023, 2024, 2100, 2400, 9999):
        for month in range(0, 14):
            for day in range(0, 33):
                value = f"{year:04d}-{month:02d}-{day:02d}"
                assert real_date(value) == calendar(value), value
    assert real_date("2022") and real_date("2022-02")

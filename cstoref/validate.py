"""Checking an untrusted store against its schema (seeds/schema.json) and its cross-references.

Each record goes through the worded interpreter of `schema_words`; from `QUICK_FROM` records on,
first through the yes-or-no check `schema_quick` compiles, which is several times faster, so
that the interpreter runs only to word why a record is refused. Beyond the schema: every cited
source, named country and named person exists, and no id is used twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import StoreError
from .schema_words import Validator, anchored, describe

# Fields that point at another record: what each names, by field name. The schema gives their
# form (an ISO code, a person id); whether that record exists is checked here, in every table
# alike (a person's own country too: one of the countries table or null, as the schema says).
_POINTERS = {"source": "source", "host": "country", "country": "country", "speaker": "person", "person": "person"}


def _pointers(node: Any) -> list[tuple[str, str]]:
    """(kind, value) for every pointer inside a record."""
    found: list[tuple[str, str]] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, str):
                    kind = _POINTERS.get(key)
                    if kind is not None:
                        found.append((kind, value))
                else:
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found




def _label(table: str, key: str, record: Any) -> str:
    if isinstance(record, dict) and isinstance(record.get("id"), str):
        return f"{table}/{key} (id '{record['id']}')"
    return f"{table}/{key}"


#: from this many records on, a store is checked by the generated quick check first
QUICK_FROM = 1000


def validate_store(document: dict[str, Any], path: str, schema: dict[str, Any]) -> None:
    """Raise StoreError naming the path and the first offending record, or return.

    `schema` is the store's schema, read by the caller: this module reads no file.
    """
    validator = Validator(schema)
    tables: dict[str, Any] = validator.root.get("properties", {})
    for table in validator.root.get("required", ()):
        if table not in document:
            raise StoreError(f"{path}: not a fact store (the table '{table}' is missing)")
    for table in document:
        if table not in tables:
            raise StoreError(f"{path}: not a fact store (unknown table '{table}')")
    record_schemas = {
        table: [(anchored(pattern), sub) for pattern, sub in table_schema.get("patternProperties", {}).items()]
        for table, table_schema in tables.items()
    }
    every_schema = [sub for pairs in record_schemas.values() for _, sub in pairs]
    # Making the quick check costs about as much as checking a few hundred records the worded
    # way, so a store of the bundled one's size (some 300 records) goes without it.
    records = sum(len(rows) for rows in document.values() if isinstance(rows, dict))
    quick: dict[int, Callable[[Any], bool]] = {}
    if records >= QUICK_FROM:
        from .schema_quick import FastCompiler

        quick = dict(zip(map(id, every_schema), FastCompiler(validator.root).compile(every_schema)))
    seen: dict[str, str] = {}
    for table, table_schema in tables.items():
        rows = document.get(table, {})
        if not isinstance(rows, dict):
            raise StoreError(f"{path}: table '{table}' must be an object of records, not {describe(rows)}")
        fewest, most = table_schema.get("minProperties", 0), table_schema.get("maxProperties")
        if len(rows) < fewest:
            raise StoreError(f"{path}: table '{table}' needs at least {fewest} record(s), not {len(rows)}")
        if most is not None and len(rows) > most:
            raise StoreError(f"{path}: table '{table}' may have at most {most} record(s), not {len(rows)}")
        # Records are checked one at a time so that the message names the first bad one.
        for key, record in rows.items():
            schemas = [sub for pattern, sub in record_schemas[table] if pattern.search(key)]
            record_id = record.get("id") if isinstance(record, dict) else None
            if not schemas:
                raise StoreError(f"{path}: record {_label(table, key, record)}: '{key}' is not a document number")
            for sub in schemas:
                if quick and quick[id(sub)](record):
                    continue
                problem = validator.compile(sub)(record, ())
                if problem:
                    raise StoreError(f"{path}: record {_label(table, key, record)}: {problem()}")
            if isinstance(record_id, str):
                if record_id in seen:
                    raise StoreError(
                        f"{path}: record {_label(table, key, record)}: the id is also used in {seen[record_id]}"
                    )
                seen[record_id] = _label(table, key, record)
    known = {
        "source": {rec.get("id") for rec in document.get("sources", {}).values()},
        "country": {rec.get("iso3") for rec in document.get("countries", {}).values()},
        "person": {rec.get("id") for rec in document.get("people", {}).values()},
    }
    wording = {"source": "cites the unknown source", "country": "names the unknown country",
               "person": "names the unknown person"}
    for table in tables:
        for key, record in document.get(table, {}).items():
            for kind, value in _pointers(record):
                if value not in known[kind]:
                    raise StoreError(f"{path}: record {_label(table, key, record)}: {wording[kind]} {value!r}")

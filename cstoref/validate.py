"""Checking an untrusted store against seeds/schema.json, and its cross-references.

A small interpreter of the JSON Schema keywords the store's schema uses, so that a ``--db``
store is checked by the same schema the test suite checks the bundled store with, without
importing jsonschema (a large import) at run time. The test suite compares its verdicts with
jsonschema's on valid and broken stores.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import StoreError

_TYPES: dict[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


def _is_type(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[name])


def _describe(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 40 else text[:37] + "..."


class _Validator:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.root = schema
        self._patterns: dict[str, re.Pattern[str]] = {}

    def _pattern(self, pattern: str) -> re.Pattern[str]:
        if pattern not in self._patterns:
            self._patterns[pattern] = re.compile(pattern)
        return self._patterns[pattern]

    def _resolve(self, ref: str) -> dict[str, Any]:
        if not ref.startswith("#/"):
            raise StoreError(f"schema: unsupported $ref {ref}")
        node: Any = self.root
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def error(self, value: Any, schema: Any, path: str) -> str | None:
        """The first problem with `value`, as a sentence, or None."""
        if schema is True or schema == {}:
            return None
        if schema is False:
            return f"{path or 'value'} is not allowed"
        if "$ref" in schema:
            problem = self.error(value, self._resolve(schema["$ref"]), path)
            if problem:
                return problem
        where = path or "the record"
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            if not any(_is_type(value, name) for name in names):
                return f"{where} must be {' or '.join(names)}, not {_describe(value)}"
        if "const" in schema and value != schema["const"]:
            return f"{where} must be {_describe(schema['const'])}"
        if "enum" in schema and value not in schema["enum"]:
            allowed = ", ".join(_describe(v) for v in schema["enum"])
            return f"{where} must be one of {allowed}, not {_describe(value)}"
        for key in ("anyOf", "oneOf"):
            if key in schema:
                problems = [self.error(value, sub, path) for sub in schema[key]]
                passed = problems.count(None)
                if passed == 0 or (key == "oneOf" and passed > 1):
                    specific = [p for p in problems if p and not p.startswith(f"{where} must be")]
                    return specific[0] if specific else f"{where} has the wrong form ({_describe(value)})"
        for sub in schema.get("allOf", ()):
            problem = self.error(value, sub, path)
            if problem:
                return problem
        if isinstance(value, str):
            if len(value) < schema.get("minLength", 0):
                return f"{where} must not be empty" if schema["minLength"] == 1 else f"{where} is too short"
            if "maxLength" in schema and len(value) > schema["maxLength"]:
                return f"{where} is too long"
            if "pattern" in schema and not self._pattern(schema["pattern"]).search(value):
                return f"{where} has the wrong form ({_describe(value)})"
        if _is_type(value, "number"):
            if "minimum" in schema and value < schema["minimum"]:
                return f"{where} must be at least {schema['minimum']}"
            if "maximum" in schema and value > schema["maximum"]:
                return f"{where} must be at most {schema['maximum']}"
        if isinstance(value, list):
            if len(value) < schema.get("minItems", 0):
                return f"{where} needs at least {schema['minItems']} item(s)"
            if "items" in schema:
                for index, item in enumerate(value):
                    problem = self.error(item, schema["items"], f"{path}[{index}]")
                    if problem:
                        return problem
            if schema.get("uniqueItems") and len({json.dumps(v, sort_keys=True) for v in value}) < len(value):
                return f"{where} has repeated items"
        if isinstance(value, dict):
            for name in schema.get("required", ()):
                if name not in value:
                    return f"{where} lacks the field '{name}'"
            properties = schema.get("properties", {})
            patterns = schema.get("patternProperties", {})
            additional = schema.get("additionalProperties", True)
            for name, item in value.items():
                sub_path = f"{path}.{name}" if path else name
                matched = False
                if name in properties:
                    matched = True
                    problem = self.error(item, properties[name], sub_path)
                    if problem:
                        return problem
                for pattern, sub in patterns.items():
                    if self._pattern(pattern).search(name):
                        matched = True
                        problem = self.error(item, sub, sub_path)
                        if problem:
                            return problem
                if not matched and additional is not True:
                    if additional is False:
                        return f"{where} has an unknown field '{name}'"
                    problem = self.error(item, additional, sub_path)
                    if problem:
                        return problem
        return None


def _load_schema() -> dict[str, Any]:
    from .store import schema_path

    with open(schema_path(), encoding="utf-8") as handle:
        return json.load(handle)


def _citations(node: Any) -> list[str]:
    """Every source id cited anywhere inside a record."""
    found: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key == "source" and isinstance(value, str):
                    found.append(value)
                else:
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def validate_store(document: dict[str, Any], path: str, schema: dict[str, Any] | None = None) -> None:
    """Raise StoreError naming the path and the first offending record, or return."""
    validator = _Validator(schema if schema is not None else _load_schema())
    tables: dict[str, Any] = validator.root.get("properties", {})
    for table in validator.root.get("required", ()):
        if table not in document:
            raise StoreError(f"{path}: not a fact store (the table '{table}' is missing)")
    for table in document:
        if table not in tables:
            raise StoreError(f"{path}: not a fact store (unknown table '{table}')")
    seen: dict[str, str] = {}
    for table, table_schema in tables.items():
        rows = document.get(table, {})
        if not isinstance(rows, dict):
            raise StoreError(f"{path}: table '{table}' must be an object of records, not {_describe(rows)}")
        # Records are checked one at a time so that the message names the first bad one.
        record_schemas = list(table_schema.get("patternProperties", {}).items())
        for key, record in rows.items():
            label = f"{table}/{key}"
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                label += f" (id '{record['id']}')"
            schemas = [sub for pattern, sub in record_schemas if validator._pattern(pattern).search(key)]
            if not schemas:
                raise StoreError(f"{path}: record {label}: '{key}' is not a document number")
            for sub in schemas:
                problem = validator.error(record, sub, "")
                if problem:
                    raise StoreError(f"{path}: record {label}: {problem}")
            record_id = record.get("id") if isinstance(record, dict) else None
            if isinstance(record_id, str):
                if record_id in seen:
                    raise StoreError(f"{path}: record {label}: the id is also used in {seen[record_id]}")
                seen[record_id] = label
    source_ids = {rec.get("id") for rec in document.get("sources", {}).values()}
    for table in tables:
        for key, record in document.get(table, {}).items():
            for cited in _citations(record):
                if cited not in source_ids:
                    raise StoreError(
                        f"{path}: record {table}/{key} (id '{record.get('id', key)}'): "
                        f"cites the unknown source '{cited}'"
                    )

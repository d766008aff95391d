"""Checking an untrusted store against seeds/schema.json, and its cross-references.

A small interpreter of the JSON Schema keywords the store's schema uses, so that a ``--db``
store is checked by the same schema the test suite checks the bundled store with, without
importing jsonschema (a large import) at run time. The test suite compares its verdicts with
jsonschema's on valid and broken stores.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .errors import StoreError

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "boolean": (bool,),
    "null": (type(None),),
    "integer": (int,),
    "number": (int, float),
}

# A check returns None, or a Problem: a function that words the problem only when asked. Most
# problems are never shown (an "X or null" alternative that does not fit), and wording them
# eagerly was most of a --db run.
Problem = Callable[[], str]
Check = Callable[[Any, Any], "Problem | None"]


def _describe(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 40 else text[:37] + "..."


def _where(path: Any) -> str:
    """Paths travel as nested (parent, key) pairs and become text only for a message."""
    parts: list[str] = []
    while path:
        path, key = path
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
    text = "".join(reversed(parts)).lstrip(".")
    return text or "the record"


def _regex(pattern: str) -> re.Pattern[str]:
    """A schema's pattern as JSON Schema means it: there "$" is the end of the text, while in
    Python it also matches before a final newline, which would let "ARM\\n" pass as a code.
    So each "$" that is an anchor (not escaped, not inside [...]) becomes "\\Z"."""
    out: list[str] = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = "\\Z"
        out.append(char)
    return re.compile("".join(out))


def _real_date(value: str) -> bool:
    """Whether a date at its precision (YYYY, YYYY-MM, YYYY-MM-DD) names a real day: no 30
    February. Only a full date can fail; its form is the pattern's to check."""
    if len(value) != 10:
        return True
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _resolve(root: dict[str, Any], ref: str) -> Any:
    """The schema node a "$ref" points to; only references inside the schema are supported."""
    if not ref.startswith("#/"):
        raise StoreError(f"schema: unsupported $ref {ref}")
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def _ok(value: Any, path: Any) -> None:
    return None


def _explain(value: Any, path: Any, problems: list[Problem | None]) -> str:
    """Why no alternative of an anyOf/oneOf fits: the most specific reason, or the form."""
    where = _where(path)
    reasons = [problem() for problem in problems if problem]
    specific = [reason for reason in reasons if not reason.startswith(f"{where} must be")]
    return specific[0] if specific else f"{where} has the wrong form ({_describe(value)})"


class _Validator:
    """Compiles each schema node once into a chain of small checks (a store has thousands of
    records, and interpreting the schema afresh at every node was most of a --db run)."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.root = schema
        self._compiled: dict[int, Check] = {}


    def error(self, value: Any, schema: Any, path: str = "") -> str | None:
        """The first problem with `value`, as a sentence, or None."""
        problem = self.compile(schema)(value, ("", path) if path else ())
        return problem() if problem else None

    def compile(self, schema: Any) -> Check:
        key = id(schema)
        if key in self._compiled:
            return self._compiled[key]
        # A forward reference, so that a schema that refers to itself compiles.
        holder: list[Check] = []
        self._compiled[key] = lambda value, path: holder[0](value, path)
        check = self._build(schema)
        holder.append(check)
        self._compiled[key] = check
        return check

    def _build(self, schema: Any) -> Check:
        if schema is True or schema == {}:
            return _ok
        if schema is False:
            return lambda value, path: lambda: f"{_where(path)} is not allowed"
        checks: list[Check] = []
        if "$ref" in schema:
            target = _resolve(self.root, schema["$ref"])
            resolved: list[Check] = []

            def check_ref(value: Any, path: Any) -> Problem | None:
                # Compiled on first use, so that references may point back up the schema.
                if not resolved:
                    resolved.append(self.compile(target))
                return resolved[0](value, path)

            checks.append(check_ref)
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            types = tuple(t for name in names for t in _TYPES[name])
            no_bool = "boolean" not in names

            def check_type(value: Any, path: Any) -> Problem | None:
                if not isinstance(value, types) or (no_bool and isinstance(value, bool)):
                    return lambda: f"{_where(path)} must be {' or '.join(names)}, not {_describe(value)}"
                if isinstance(value, float) and "integer" in names and "number" not in names:
                    return lambda: f"{_where(path)} must be integer, not {_describe(value)}"
                return None

            checks.append(check_type)
        if "const" in schema:
            const = schema["const"]
            checks.append(lambda value, path: None if value == const else lambda: f"{_where(path)} must be {_describe(const)}")
        if "enum" in schema:
            allowed = schema["enum"]
            listed = ", ".join(_describe(v) for v in allowed)
            checks.append(
                lambda value, path: None if value in allowed and not (isinstance(value, bool) and True not in allowed and False not in allowed)
                else lambda: f"{_where(path)} must be one of {listed}, not {_describe(value)}"
            )
        for keyword in ("anyOf", "oneOf"):
            if keyword in schema:
                alternatives = [self.compile(sub) for sub in schema[keyword]]
                exactly_one = keyword == "oneOf"

                def check_alternatives(value: Any, path: Any, _alts: list[Check] = alternatives, _one: bool = exactly_one) -> Problem | None:
                    problems = [alt(value, path) for alt in _alts] if _one else []
                    if not _one:
                        for alt in _alts:
                            problem = alt(value, path)
                            if problem is None:
                                return None
                            problems.append(problem)
                    passed = problems.count(None)
                    if passed == 0 or (_one and passed > 1):
                        return lambda: _explain(value, path, problems)
                    return None

                checks.append(check_alternatives)
        for sub in schema.get("allOf", ()):
            checks.append(self.compile(sub))
        if any(k in schema for k in ("minLength", "maxLength", "pattern", CALENDAR)):
            min_length = schema.get("minLength", 0)
            max_length = schema.get("maxLength")
            pattern = _regex(schema["pattern"]) if "pattern" in schema else None
            calendar = schema.get(CALENDAR, False)

            def check_string(value: Any, path: Any) -> Problem | None:
                if not isinstance(value, str):
                    return None
                if len(value) < min_length:
                    return (lambda: f"{_where(path)} must not be empty") if min_length == 1 else (lambda: f"{_where(path)} is too short")
                if max_length is not None and len(value) > max_length:
                    return lambda: f"{_where(path)} is too long"
                if pattern is not None and not pattern.search(value):
                    return lambda: f"{_where(path)} has the wrong form ({_describe(value)})"
                if calendar and not _real_date(value):
                    return lambda: f"{_where(path)} {value!r} is no day of the calendar"
                return None

            checks.append(check_string)
        if "minimum" in schema or "maximum" in schema:
            low, high = schema.get("minimum"), schema.get("maximum")

            def check_number(value: Any, path: Any) -> Problem | None:
                if isinstance(value, bool) or not isinstance(value, (int, float)):
                    return None
                if low is not None and value < low:
                    return lambda: f"{_where(path)} must be at least {low}"
                if high is not None and value > high:
                    return lambda: f"{_where(path)} must be at most {high}"
                return None

            checks.append(check_number)
        if any(k in schema for k in ("items", "minItems", "uniqueItems")):
            min_items = schema.get("minItems", 0)
            items = self.compile(schema["items"]) if "items" in schema else None
            unique = schema.get("uniqueItems", False)

            def check_array(value: Any, path: Any) -> Problem | None:
                if not isinstance(value, list):
                    return None
                if len(value) < min_items:
                    return lambda: f"{_where(path)} needs at least {min_items} item(s)"
                if items is not None:
                    for index, item in enumerate(value):
                        problem = items(item, (path, index))
                        if problem:
                            return problem
                if unique and len({json.dumps(v, sort_keys=True) for v in value}) < len(value):
                    return lambda: f"{_where(path)} has repeated items"
                return None

            checks.append(check_array)
        if any(k in schema for k in ("required", "properties", "patternProperties", "additionalProperties")):
            required = tuple(schema.get("required", ()))
            properties = {name: self.compile(sub) for name, sub in schema.get("properties", {}).items()}
            patterns = [(_regex(p), self.compile(sub)) for p, sub in schema.get("patternProperties", {}).items()]
            additional = schema.get("additionalProperties", True)
            extra = None if additional in (True, False) else self.compile(additional)

            def check_object(value: Any, path: Any) -> Problem | None:
                if not isinstance(value, dict):
                    return None
                for name in required:
                    if name not in value:
                        return lambda name=name: f"{_where(path)} lacks the field '{name}'"
                for name, item in value.items():
                    matched = False
                    sub = properties.get(name)
                    if sub is not None:
                        matched = True
                        problem = sub(item, (path, name))
                        if problem:
                            return problem
                    for regex, pattern_check in patterns:
                        if regex.search(name):
                            matched = True
                            problem = pattern_check(item, (path, name))
                            if problem:
                                return problem
                    if not matched:
                        if additional is False:
                            return lambda name=name: f"{_where(path)} has an unknown field '{name}'"
                        if extra is not None:
                            problem = extra(item, (path, name))
                            if problem:
                                return problem
                return None

            checks.append(check_object)
        if not checks:
            return _ok
        if len(checks) == 1:
            return checks[0]

        def run(value: Any, path: Any) -> Problem | None:
            for check in checks:
                problem = check(value, path)
                if problem:
                    return problem
            return None

        return run


#: A keyword of this schema's own: a full date (YYYY-MM-DD) must be a day of the calendar.
CALENDAR = "x-calendar-date"
_LEAF_KEYWORDS = frozenset({"description", "type", "const", "enum", "minLength", "maxLength", "pattern", CALENDAR})


class _FastCompiler:
    """Compiles the schema into Python source for a yes-or-no check of one value.

    The same keywords, with the same meaning, as `_Validator`; but with no message to carry
    and no chain of closures, a valid store (the usual case) is checked several times faster.
    Only when a record fails is `_Validator` asked why.
    """

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.names: dict[int, str] = {}
        self.constants: dict[str, Any] = {"_json": json, "_bool": bool, "_missing": object(), "_real_date": _real_date}
        self.functions: list[str] = []
        self._pending: list[tuple[str, dict[str, Any]]] = []

    def constant(self, value: Any) -> str:
        name = f"_c{len(self.constants)}"
        self.constants[name] = value
        return name

    def function(self, schema: Any) -> str:
        """The name of the generated function that checks `schema`, compiling it once."""
        key = id(schema)
        if key not in self.names:
            self.names[key] = name = f"_v{len(self.names)}"
            self.functions.append(self._build(name, schema))
        return self.names[key]

    def test(self, schema: Any, value: str) -> str:
        """An expression that is true when `value` fits `schema`, inlined where it is short."""
        if schema is True or schema == {}:
            return "True"
        if isinstance(schema, dict) and set(schema) - {"description"} == {"$ref"}:
            return self.test(_resolve(self.root, schema["$ref"]), value)
        if isinstance(schema, dict) and set(schema) - {"description"} == {"type"} and schema["type"] == "null":
            return f"{value} is None"
        if isinstance(schema, dict) and set(schema) - {"description"} == {"anyOf"}:
            return "(" + " or ".join(self.test(sub, value) for sub in schema["anyOf"]) + ")"
        if isinstance(schema, dict) and set(schema) <= _LEAF_KEYWORDS:
            return self._leaf(schema, value)
        return f"{self.function(schema)}({value})"

    def _leaf(self, schema: dict[str, Any], value: str) -> str:
        """A schema of a single value (type, length, pattern, enum, const) as one expression."""
        parts: list[str] = []
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            parts.append(f"isinstance({value}, {self.constant(tuple(t for n in names for t in _TYPES[n]))})")
            if "boolean" not in names:
                parts.append(f"not isinstance({value}, _bool)")
        if "const" in schema:
            parts.append(f"{value} == {self.constant(schema['const'])}")
        if "enum" in schema:
            parts.append(f"{value} in {self.constant(schema['enum'])}")
            if True not in schema["enum"] and False not in schema["enum"]:
                parts.append(f"not isinstance({value}, _bool)")
        if schema.get("minLength", 0):
            parts.append(f"(not isinstance({value}, str) or len({value}) >= {int(schema['minLength'])})")
        if schema.get("maxLength") is not None:
            parts.append(f"(not isinstance({value}, str) or len({value}) <= {int(schema['maxLength'])})")
        if "pattern" in schema:
            regex = self.constant(_regex(schema["pattern"]))
            parts.append(f"(not isinstance({value}, str) or {regex}.search({value}) is not None)")
        if schema.get(CALENDAR, False):
            parts.append(f"(not isinstance({value}, str) or _real_date({value}))")
        return "(" + " and ".join(parts or ["True"]) + ")"

    def _build(self, name: str, schema: Any) -> str:
        body: list[str] = []
        add = body.append
        if schema is False:
            add("return False")
        elif isinstance(schema, dict):
            self._keywords(schema, add)
        body.append("return True")
        return f"def {name}(v):\n" + "".join(f"    {line}\n" for line in body)

    def _keywords(self, schema: dict[str, Any], add: Callable[[str], None]) -> None:
        if "$ref" in schema:
            add(f"if not {self.test(_resolve(self.root, schema['$ref']), 'v')}: return False")
        # Type, const, enum and the string keywords: the same expression as a single value's.
        single = {key: schema[key] for key in _LEAF_KEYWORDS if key in schema and key != "description"}
        if single:
            add(f"if not {self._leaf(single, 'v')}: return False")
        if "anyOf" in schema:
            add(f"if not ({' or '.join(self.test(sub, 'v') for sub in schema['anyOf'])}): return False")
        if "oneOf" in schema:
            add(f"if [{', '.join(self.test(sub, 'v') for sub in schema['oneOf'])}].count(True) != 1: return False")
        for sub in schema.get("allOf", ()):
            add(f"if not {self.test(sub, 'v')}: return False")
        if "minimum" in schema or "maximum" in schema:
            add("if isinstance(v, (int, float)) and not isinstance(v, _bool):")
            if schema.get("minimum") is not None:
                add(f"    if v < {self.constant(schema['minimum'])}: return False")
            if schema.get("maximum") is not None:
                add(f"    if v > {self.constant(schema['maximum'])}: return False")
            add("    pass")
        if any(k in schema for k in ("items", "minItems", "uniqueItems")):
            add("if isinstance(v, list):")
            if schema.get("minItems", 0):
                add(f"    if len(v) < {int(schema['minItems'])}: return False")
            if "items" in schema:
                add("    for x in v:")
                add(f"        if not {self.test(schema['items'], 'x')}: return False")
            if schema.get("uniqueItems", False):
                add("    if len({_json.dumps(x, sort_keys=True) for x in v}) < len(v): return False")
            add("    pass")
        if any(k in schema for k in ("required", "properties", "patternProperties", "additionalProperties")):
            self._object(schema, add)

    def _object(self, schema: dict[str, Any], add: Callable[[str], None]) -> None:
        add("if isinstance(v, dict):")
        for field in schema.get("required", ()):
            add(f"    if {self.constant(field)} not in v: return False")
        properties = schema.get("properties", {})
        patterns = schema.get("patternProperties", {})
        additional = schema.get("additionalProperties", True)
        if not patterns and additional in (True, False):
            # The usual record: each known field looked up once and checked in line.
            if additional is False:
                add(f"    if not v.keys() <= {self.constant(frozenset(properties))}: return False")
            for field, sub in properties.items():
                add(f"    x = v.get({self.constant(field)}, _missing)")
                add(f"    if x is not _missing and not {self.test(sub, 'x')}: return False")
            return
        checks = self.constant({})
        self._pending.append((checks, properties))
        add("    for k, x in v.items():")
        add(f"        f = {checks}.get(k)")
        add("        known = f is not None")
        add("        if known and not f(x): return False")
        for pattern, sub in patterns.items():
            add(f"        if {self.constant(_regex(pattern))}.search(k):")
            add("            known = True")
            add(f"            if not {self.test(sub, 'x')}: return False")
        if additional is False:
            add("        if not known: return False")
        elif additional is not True:
            add(f"        if not known and not {self.test(additional, 'x')}: return False")

    def compile(self, schemas: list[Any]) -> list[Callable[[Any], bool]]:
        """One check for each of `schemas`, all made in one go."""
        entries = [self.function(schema) for schema in schemas]
        # Each property's check, by name: filled once every function has a name.
        property_names = [(self.constants[checks], {field: self.function(sub) for field, sub in props.items()})
                          for checks, props in self._drain()]
        namespace = dict(self.constants)
        exec("\n".join(self.functions), namespace)  # noqa: S102 - source made above from the schema
        for table, names in property_names:
            table.update({field: namespace[name] for field, name in names.items()})
        return [namespace[entry] for entry in entries]

    def _drain(self) -> list[tuple[str, dict[str, Any]]]:
        # Naming a property's check may compile new nodes, which may queue more properties.
        done: list[tuple[str, dict[str, Any]]] = []
        while self._pending:
            checks, props = self._pending.pop()
            for sub in props.values():
                self.function(sub)
            done.append((checks, props))
        return done


def _load_schema() -> dict[str, Any]:
    from .store import schema_path

    with open(schema_path(), encoding="utf-8") as handle:
        return json.load(handle)


# Fields that point at another record: what each names, by field name. The schema gives their
# form (an ISO code, a person id); whether that record exists is checked here. (A person's own
# country is not among them: a person may come from a country that is no party to the CSTO.)
_POINTERS = {"source": "source", "host": "country", "country": "country", "speaker": "person", "person": "person"}
_PEOPLE_POINTERS = {"source": "source"}


def _pointers(node: Any, pointers: dict[str, str] = _POINTERS) -> list[tuple[str, str]]:
    """(kind, value) for every pointer inside a record."""
    found: list[tuple[str, str]] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, str):
                    kind = pointers.get(key)
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
    record_schemas = {
        table: [(_regex(pattern), sub) for pattern, sub in table_schema.get("patternProperties", {}).items()]
        for table, table_schema in tables.items()
    }
    every_schema = [sub for pairs in record_schemas.values() for _, sub in pairs]
    # Making the quick check costs about as much as checking a few hundred records the worded
    # way, so a store of the bundled one's size (some 300 records) goes without it.
    records = sum(len(rows) for rows in document.values() if isinstance(rows, dict))
    quick: dict[int, Callable[[Any], bool]] = {}
    if records >= QUICK_FROM:
        quick = dict(zip(map(id, every_schema), _FastCompiler(validator.root).compile(every_schema)))
    seen: dict[str, str] = {}
    for table, table_schema in tables.items():
        rows = document.get(table, {})
        if not isinstance(rows, dict):
            raise StoreError(f"{path}: table '{table}' must be an object of records, not {_describe(rows)}")
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
            for kind, value in _pointers(record, _PEOPLE_POINTERS if table == "people" else _POINTERS):
                if value not in known[kind]:
                    raise StoreError(f"{path}: record {_label(table, key, record)}: {wording[kind]} {value!r}")

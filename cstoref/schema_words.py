"""A small interpreter of the JSON Schema keywords seeds/schema.json uses, which words the first problem it finds.

It lets a ``--db`` store be checked by the same schema the test suite checks the bundled store
with, without importing jsonschema (a large import) at run time. The test suite compares its
verdicts with jsonschema's on valid and broken stores.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .errors import StoreError

#: A keyword of this schema's own: a full date (YYYY-MM-DD) must be a day of the calendar.
CALENDAR = "x-calendar-date"

TYPES: dict[str, tuple[type, ...]] = {
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


def describe(value: Any) -> str:
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


def anchored(pattern: str) -> re.Pattern[str]:
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


def real_date(value: str) -> bool:
    """Whether a date at its precision (YYYY, YYYY-MM, YYYY-MM-DD) names a real day: no 30
    February. Only a full date can fail; its form is the pattern's to check. (Worked out here:
    importing datetime would cost more than checking a whole store's dates.)"""
    if len(value) != 10:
        return True
    try:
        year, month, day = int(value[:4]), int(value[5:7]), int(value[8:])
    except ValueError:
        return False
    if year < 1 or not 1 <= month <= 12 or day < 1:
        return False
    if month == 2:
        return day <= (29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28)
    return day <= (30 if month in (4, 6, 9, 11) else 31)


def resolve(root: dict[str, Any], ref: str) -> Any:
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
    # A pattern an alternative fails is most often what tells the alternatives apart (an article
    # citation's source is three digits): the reason of one whose pattern fits says more.
    specific.sort(key=lambda reason: "has the wrong form" in reason)
    return specific[0] if specific else f"{where} has the wrong form ({describe(value)})"


class Validator:
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
            target = resolve(self.root, schema["$ref"])
            resolved: list[Check] = []

            def check_ref(value: Any, path: Any) -> Problem | None:
                # Compiled on first use, so that references may point back up the schema.
                if not resolved:
                    resolved.append(self.compile(target))
                return resolved[0](value, path)

            checks.append(check_ref)
        if "type" in schema:
            names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
            types = tuple(t for name in names for t in TYPES[name])
            no_bool = "boolean" not in names

            def check_type(value: Any, path: Any) -> Problem | None:
                if not isinstance(value, types) or (no_bool and isinstance(value, bool)):
                    return lambda: f"{_where(path)} must be {' or '.join(names)}, not {describe(value)}"
                if isinstance(value, float) and "integer" in names and "number" not in names:
                    return lambda: f"{_where(path)} must be integer, not {describe(value)}"
                return None

            checks.append(check_type)
        if "const" in schema:
            const = schema["const"]
            checks.append(lambda value, path: None if value == const else lambda: f"{_where(path)} must be {describe(const)}")
        if "enum" in schema:
            allowed = schema["enum"]
            listed = ", ".join(describe(v) for v in allowed)
            checks.append(
                lambda value, path: None if value in allowed and not (isinstance(value, bool) and True not in allowed and False not in allowed)
                else lambda: f"{_where(path)} must be one of {listed}, not {describe(value)}"
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
            pattern = anchored(schema["pattern"]) if "pattern" in schema else None
            calendar = schema.get(CALENDAR, False)

            def check_string(value: Any, path: Any) -> Problem | None:
                if not isinstance(value, str):
                    return None
                if len(value) < min_length:
                    return (lambda: f"{_where(path)} must not be empty") if min_length == 1 else (lambda: f"{_where(path)} is too short")
                if max_length is not None and len(value) > max_length:
                    return lambda: f"{_where(path)} is too long"
                if pattern is not None and not pattern.search(value):
                    return lambda: f"{_where(path)} has the wrong form ({describe(value)})"
                if calendar and not real_date(value):
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
            patterns = [(anchored(p), self.compile(sub)) for p, sub in schema.get("patternProperties", {}).items()]
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

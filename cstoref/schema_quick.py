"""A compiler of seeds/schema.json into Python source: a quick yes-or-no check of a record."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .schema_words import CALENDAR, TYPES, anchored, real_date, resolve

_LEAF_KEYWORDS = frozenset({"description", "type", "const", "enum", "minLength", "maxLength", "pattern", CALENDAR})


class FastCompiler:
    """Compiles the schema into Python source for a yes-or-no check of one value.

    The same keywords, with the same meaning, as `schema_words.Validator`; but with no message to carry
    and no chain of closures, a valid store (the usual case) is checked several times faster.
    Only when a record fails is `schema_words.Validator` asked why.
    """

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.names: dict[int, str] = {}
        self.constants: dict[str, Any] = {"_json": json, "_bool": bool, "_missing": object(), "real_date": real_date}
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
            return self.test(resolve(self.root, schema["$ref"]), value)
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
            parts.append(f"isinstance({value}, {self.constant(tuple(t for n in names for t in TYPES[n]))})")
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
            regex = self.constant(anchored(schema["pattern"]))
            parts.append(f"(not isinstance({value}, str) or {regex}.search({value}) is not None)")
        if schema.get(CALENDAR, False):
            parts.append(f"(not isinstance({value}, str) or real_date({value}))")
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
            add(f"if not {self.test(resolve(self.root, schema['$ref']), 'v')}: return False")
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
            add(f"        if {self.constant(anchored(pattern))}.search(k):")
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

"""The largest stores the limits let through, each built to cost the most of one thing.

Each is just within `MAX_BYTES` and `MAX_ITEMS` (cstoref/store.py): the benchmark runs
commands on each and reports their time and peak memory, which must stay within 5 s and
500 MB. `REFUSED` stores are no fact stores (they cost the most to parse, and are refused);
`VALID` ones are answered, and fill the store with what one command prints the most of.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

MIB = 1024 * 1024


def limits() -> tuple[int, int]:
    from cstoref.store import MAX_BYTES, MAX_ITEMS

    return MAX_BYTES, MAX_ITEMS


def items(data: bytes) -> int:
    """Values as the store counts them: commas and opening brackets."""
    return data.count(b",") + data.count(b"[") + data.count(b"{")


# -- refused: no fact store, the costliest to parse ------------------------------------------


def _array(unit: bytes, count: int, head: bytes = b'{"meta": [', tail: bytes = b"0]}") -> bytes:
    return head + unit * count + tail


def empty_objects(size: int, items: int) -> bytes:
    """About 80 bytes of memory for each 3 of JSON."""
    return _array(b"{},", (items - 10) // 2)


def distinct_keys(size: int, items: int) -> bytes:
    """One object with as many different keys as fit: every key a new string, every pair a tuple."""
    count = items - 10
    width = max(1, (size - 100) // count - 5)
    body = b",".join(b'"%0*x":0' % (width, i) for i in range(count))
    return b'{"meta": {' + body + b"}}"


def wide_text(size: int, items: int) -> bytes:
    """One character outside the BMP makes the whole text four bytes a character in memory."""
    count = items - 10
    width = max(1, (size - 100) // count - 8)
    unit = b'"\xf0\x9f\x98\x80' + b"a" * width + b'",'
    return _array(unit, min(count, (size - 100) // len(unit)))


def one_long_string(size: int, items: int) -> bytes:
    return b'{"meta": "\xf0\x9f\x98\x80' + b"a" * (size - 100) + b'"}'


def deep_nesting(size: int, items: int) -> bytes:
    """Arrays nested as deep as the parser goes, repeated up to the item limit."""
    depth = 900
    return _array(b"[" * depth + b"]" * depth + b",", (items - 10) // (depth + 1))


REFUSED: dict[str, Callable[[int, int], bytes]] = {
    "empty objects": empty_objects,
    "distinct keys": distinct_keys,
    "wide text": wide_text,
    "one long string": one_long_string,
    "deep nesting": deep_nesting,
}
CASES = REFUSED  # the name the tests know them by


# -- valid: answered, as large as the limits let them be -------------------------------------


def _dump(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _renamed(record: dict[str, Any], k: int) -> dict[str, Any]:
    """Copy `k` of a record: a new id, and every bilingual text told apart by its number, so
    that no two cells are alike (a table lays out a repeated cell only once)."""
    def mark(value: Any) -> Any:
        if isinstance(value, dict):
            if set(value) == {"en", "ar"} and all(isinstance(v, str) and v for v in value.values()):
                return {"en": f"{value['en']} {k}", "ar": f"{value['ar']} {k}"}
            return {key: mark(v) for key, v in value.items()}
        if isinstance(value, list):
            return [mark(v) for v in value]
        return value

    copy = mark(record)
    copy["id"] = f"{record['id']}-x{k}"
    return copy


def _copyable(table: str, record: dict[str, Any]) -> bool:
    # An article's id is three digits and names its file: only reference pages are copied.
    return table != "sources" or not (len(record["id"]) == 3 and record["id"].isdigit())


def scaled(bundled: Path, factor: int) -> bytes:
    """The bundled store with every record copied `factor` times under new ids, text as it is.

    The sources stay as they are: the copies cite the same articles and pages.
    """
    doc = json.loads(bundled.read_text(encoding="utf-8"))
    for table, rows in list(doc.items()):
        if table in ("meta", "sources"):
            continue
        records = list(rows.values())
        copies = [record if k == 0 else {**record, "id": f"{record['id']}-x{k}"}
                  for k in range(factor) for record in records]
        doc[table] = {str(i + 1): r for i, r in enumerate(copies)}
    return _dump(doc)


def largest_factor(bundled: Path) -> int:
    """How many copies of the bundled store fit within the limits."""
    size, most = limits()
    one = scaled(bundled, 1)
    two = scaled(bundled, 2)
    step, step_items = len(two) - len(one), items(two) - items(one)
    return 1 + min((size - len(one)) // step, (most - items(one)) // step_items)


def filled(table: str) -> Callable[[Path], bytes]:
    """The bundled store with one table's records copied, each told apart, up to the limits."""
    def build(bundled: Path) -> bytes:
        size, most = limits()
        doc = json.loads(bundled.read_text(encoding="utf-8"))
        rows = list(doc[table].values())
        used, count = len(_dump(doc)), items(_dump(doc))
        copies = list(rows)
        k = 1
        while True:
            for record in rows:
                if not _copyable(table, record):
                    continue
                copy = _renamed(record, k)
                data = _dump(copy)
                # a record's own bytes and values, and the '"N": ' and ', ' that hold it
                cost, cost_items = len(data) + len(str(len(copies) + 1)) + 6, items(data) + 1
                if used + cost > size - 64 or count + cost_items > most - 8:
                    doc[table] = {str(i + 1): r for i, r in enumerate(copies)}
                    return _dump(doc)
                copies.append(copy)
                used, count = used + cost, count + cost_items
            k += 1
    return build


def tiny_events(bundled: Path) -> bytes:
    """As many events as the value limit lets through, each as small as the schema allows:
    the most table rows for the bytes."""
    size, most = limits()
    doc = json.loads(bundled.read_text(encoding="utf-8"))
    source = next(r["id"] for r in doc["sources"].values() if not r["id"].isdigit())
    used, count = len(_dump(doc)), items(_dump(doc))
    events: dict[str, Any] = {}
    i = 0
    while True:
        event = {"id": f"ev-{i}", "date": str(1900 + i % 120), "text": {"en": f"e{i}", "ar": f"\u0628{i}"},
                 "tags": [], "claims": [], "sources": [{"source": source, "excerpt": None, "note": "n"}]}
        data = _dump(event)
        cost, cost_items = len(data) + len(str(i + 1)) + 6, items(data) + 1
        if used + cost > size - 64 or count + cost_items > most - 8:
            doc["events"] = events
            return _dump(doc)
        events[str(i + 1)] = event
        used, count = used + cost, count + cost_items
        i += 1


#: name: (how it is built from the bundled store, the commands to run on it)
VALID: dict[str, tuple[Callable[[Path], bytes], list[list[str]]]] = {
    "events": (filled("events"), [["timeline"], ["timeline", "--lang", "ar", "--cite"],
                                  ["search", "Kazakhstan", "--all"]]),
    "tiny events": (tiny_events, [["timeline"], ["timeline", "--lang", "ar"]]),
    "quotes": (filled("quotes"), [["quote"], ["quote", "--lang", "ar"], ["quote", "--cite"],
                                  ["quote", "--speaker", "Putin"], ["search", "Putin", "--all"]]),
    "countries": (filled("countries"), [["members"], ["members", "--lang", "ar", "--cite"]]),
    "deployments": (filled("deployments"), [["deployment"], ["deployment", "2022", "--cite"]]),
    "sources": (filled("sources"), [["sources"], ["sources", "--lang", "ar"]]),
    "facts": (filled("facts"), [["about"], ["search", "CSTO", "--all"]]),
}


def write(name: str, target: Path, bundled: Path | None = None) -> Path:
    """Write the store `name` (of REFUSED, of VALID, or "Nx": N copies of the bundled store)."""
    size, most = limits()
    if name in REFUSED:
        data = REFUSED[name](size, most)
    elif bundled is None:
        raise ValueError(f"{name} is made from the bundled store: give its path")
    elif name in VALID:
        data = VALID[name][0](bundled)
    else:
        data = scaled(bundled, int(name.rstrip("x")))
    assert len(data) <= size, (name, len(data))
    assert items(data) <= most, name
    target.write_bytes(data)
    return target

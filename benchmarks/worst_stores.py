"""The largest stores the limits let through, each built to cost the most of one thing.

Each is just within `MAX_BYTES` and `MAX_ITEMS` (cstoref/store.py): the benchmark runs a
command on each and reports its time and peak memory, which must stay within 5 s and 500 MB.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

MIB = 1024 * 1024


def _limits() -> tuple[int, int]:
    from cstoref.store import MAX_BYTES, MAX_ITEMS

    return MAX_BYTES, MAX_ITEMS


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


def valid_store(bundled: Path, factor: int) -> Callable[[int, int], bytes]:
    """The bundled store with every record copied `factor` times: valid, so it is answered."""
    def build(size: int, items: int) -> bytes:
        doc = json.loads(bundled.read_text(encoding="utf-8"))
        out: dict[str, dict] = {}
        for table, rows in doc.items():
            if table in ("meta", "sources"):
                out[table] = rows
                continue
            copies = []
            for k in range(factor):
                for record in rows.values():
                    copy = dict(record)
                    if k:
                        copy["id"] = f"{record['id']}-x{k}"
                    copies.append(copy)
            out[table] = {str(i + 1): r for i, r in enumerate(copies)}
        return json.dumps(out, ensure_ascii=False).encode("utf-8")
    return build


CASES: dict[str, Callable[[int, int], bytes]] = {
    "empty objects": empty_objects,
    "distinct keys": distinct_keys,
    "wide text": wide_text,
    "one long string": one_long_string,
    "deep nesting": deep_nesting,
}


def write(name: str, target: Path, bundled: Path | None = None) -> Path:
    size, items = _limits()
    build = valid_store(bundled, int(name.split("x")[0])) if bundled is not None else CASES[name]
    data = build(size, items)
    assert len(data) <= size, (name, len(data))
    assert data.count(b",") + data.count(b"[") + data.count(b"{") <= items, name
    target.write_bytes(data)
    return target

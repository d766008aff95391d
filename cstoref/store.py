"""Loading the fact store: read-only, into TinyDB, validated when it is not the bundled one.

The bundled store is checked once by the test suite, so a normal run only parses it. A store
named with ``--db`` or ``CSTOREF_DB`` is untrusted and goes through `validate` first, with the
schema read here (`validate` imports nothing of this module).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

from .errors import StoreError

_HERE = os.path.dirname(os.path.abspath(__file__))
_DATA = os.path.join(_HERE, "data")
_SEEDS = os.path.join(os.path.dirname(_HERE), "seeds")

# The limits of a store, chosen so that every command on the costliest store they let through
# answers or refuses within 5 s and 500 MB (benchmarks/startup.py --worst-only measures each
# worst case: the table layout of an answer costs far more than the parse, about 0.6 s a MiB of
# text shown). A store fourteen times the bundled one fits.
#: Larger files are refused before they are read.
MAX_BYTES = 5 * 1024 * 1024
#: Values in arrays plus members of objects. Memory goes with their number more than with the
#: bytes (an empty object takes three bytes of JSON and about 80 of memory once parsed), and so
#: does the number of table rows a store can hold. Counted before parsing, as commas and opening
#: brackets (those inside strings too, so the count is never less than the truth).
MAX_ITEMS = 250_000

TABLES = ("meta", "sources", "countries", "people", "facts", "figures", "events", "deployments", "quotes", "places", "organisations")


def _data_file(name: str) -> str:
    # In a wheel the seeds are copied into the package; in a checkout they stay in seeds/.
    packaged = os.path.join(_DATA, name)
    return packaged if os.path.exists(packaged) else os.path.join(_SEEDS, name)


def bundled_path() -> str:
    return _data_file("cstoref.json")


def schema_path() -> str:
    return _data_file("schema.json")


def read_schema() -> dict[str, Any]:
    with open(schema_path(), encoding="utf-8") as handle:
        return json.load(handle)


class _Duplicate(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json keeps the last of two equal keys: a record, or a field, would vanish unseen.
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise _Duplicate(twice)
    return record


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"{text} is too large a number")
    return value


def read_document(path: str, strict: bool = True) -> dict[str, Any]:
    """Parse a store file without ever opening it for writing.

    `strict` (any store but the bundled one, which the tests check) also refuses what Python's
    json takes but JSON does not: NaN and Infinity, numbers too large, a key given twice.
    """
    try:
        import stat

        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise StoreError(f"{path}: is a directory, not a fact store file")
        if not stat.S_ISREG(mode):
            # A FIFO, a terminal or a device would be read for ever, or block the Tab that asks.
            raise StoreError(f"{path}: not a regular file, so not a fact store file")
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise StoreError(
                    f"{path}: {size} bytes is larger than the {MAX_BYTES // (1024 * 1024)} MiB a fact store may have"
                )
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise StoreError(f"{path}: no such fact store file") from None
    except PermissionError:
        raise StoreError(f"{path}: cannot be read (permission denied)") from None
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise StoreError(f"{path}: the file is empty")
    items = len(raw) - len(raw.translate(None, b",[{"))  # one pass: twice as fast as three counts
    if items > MAX_ITEMS:
        raise StoreError(f"{path}: too many values for a fact store (the limit is {MAX_ITEMS:,})")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StoreError(f"{path}: not UTF-8 (invalid byte at offset {exc.start})") from None
    del raw  # the text holds it all now: the parse must not have both at once
    import gc

    # Parsing makes a great many containers and no cycles: the collector, run over and over
    # while they pile up, costs a quarter of the parse of a large store for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if strict:
            document = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant,
                                  parse_float=_finite)
        else:
            document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StoreError(f"{path}: not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise StoreError(f"{path}: not a fact store (JSON nested too deeply)") from None
    except _Duplicate as exc:
        raise StoreError(f"{path}: not a fact store (the key {str(exc)!r} appears twice in one object)") from None
    except ValueError as exc:  # NaN, a number too large, or too many digits for Python's int
        reason = "a number has too many digits" if "digits" in str(exc) else str(exc)
        raise StoreError(f"{path}: not JSON ({reason})") from None
    finally:
        if collecting:
            gc.enable()
    if not isinstance(document, dict):
        raise StoreError(f"{path}: not a fact store (the top level must be an object of tables)")
    return document


class Store:
    """The facts of one store file, held in TinyDB over a storage that refuses every write."""

    def __init__(self, document: dict[str, Any], path: str) -> None:
        from tinydb import TinyDB
        from tinydb.storages import Storage

        class ReadOnlyStorage(Storage):
            def __init__(self, doc: dict[str, Any]) -> None:
                self._doc = doc

            def read(self) -> dict[str, Any]:
                return self._doc

            def write(self, data: dict[str, Any]) -> None:
                raise StoreError(f"{path}: the fact store is read-only")

        self.path = path
        self.db = TinyDB(document, storage=ReadOnlyStorage)
        self._cache: dict[str, list[dict[str, Any]]] = {}
        self._index: dict[str, dict[str, Any]] | None = None

    def table(self, name: str) -> list[dict[str, Any]]:
        if name not in self._cache:
            self._cache[name] = [dict(doc) for doc in self.db.table(name).all()]
        return self._cache[name]

    def records(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for name in TABLES:
            if name == "meta":
                continue
            for record in self.table(name):
                yield name, record

    def by_id(self, record_id: str) -> dict[str, Any] | None:
        if self._index is None:
            self._index = {rec["id"]: rec for _, rec in self.records()}
        return self._index.get(record_id)

    def source(self, source_id: str) -> dict[str, Any] | None:
        for record in self.table("sources"):
            if record["id"] == source_id:
                return record
        return None


def load(path: str | None = None) -> Store:
    """The store at `path`, validated; the bundled store, trusted, when `path` is None."""
    if path is None:
        return Store(read_document(bundled_path(), strict=False), bundled_path())
    document = read_document(path)
    from .validate import validate_store

    validate_store(document, path, read_schema())
    return Store(document, path)

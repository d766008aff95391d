"""Our schema check against fastjsonschema's, on the same stores in the same run.

Why cstoref keeps its own checker (cstoref/schema_words.py and schema_quick.py): this script
checks the bundled store copied 1, 4 and the most times the limits allow, both ways, rounds
interleaved, and prints the medians and their ratio; then it breaks a record in several ways
and prints the message each way gives. The library's side is fastjsonschema's code, generated
ahead of time from seeds/schema.json (the calendar-date keyword as a custom format), followed
by our own id and cross-reference checks, which no schema can express.

    pip install fastjsonschema        # not a dependency of cstoref
    python benchmarks/schema_library.py [--rounds 9]
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from worst_stores import largest_factor, scaled  # noqa: E402

from cstoref.errors import StoreError  # noqa: E402
from cstoref.schema_words import CALENDAR, real_date  # noqa: E402
from cstoref.store import bundled_path, read_schema  # noqa: E402
from cstoref.validate import validate_store  # noqa: E402


def _as_format(node: Any) -> Any:
    """The schema with our calendar keyword written as a format fastjsonschema can be given."""
    if isinstance(node, dict):
        out = {key: _as_format(value) for key, value in node.items() if key != CALENDAR}
        if node.get(CALENDAR):
            out["format"] = "calendar-date"
        return out
    if isinstance(node, list):
        return [_as_format(value) for value in node]
    return node


def _permissive(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every record accepted as it is: only our own checks are left to run."""
    loose = copy.deepcopy(schema)
    for table in loose["properties"].values():
        for pattern in table.get("patternProperties", {}):
            table["patternProperties"][pattern] = {}
    return loose


def library_check(schema: dict[str, Any], tmp: Path):
    import fastjsonschema

    def calendar(value: Any) -> bool:
        return not isinstance(value, str) or real_date(value)

    # Generated ahead of time as a module, as it would be shipped; the format is passed in.
    code = fastjsonschema.compile_to_code(_as_format(schema), formats={"calendar-date": calendar})
    module_path = tmp / "store_schema.py"
    module_path.write_text(code, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("store_schema", module_path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    formats = {"calendar-date": calendar}
    loose = _permissive(schema)

    def check(document: dict[str, Any], path: str) -> None:
        try:
            module.validate(document, formats)
        except fastjsonschema.JsonSchemaValueException as exc:
            raise StoreError(f"{path}: {exc.message}") from None
        validate_store(document, path, loose)

    return check


def _seconds(check, document: dict[str, Any]) -> float:
    start = time.perf_counter()
    check(document, "store.json")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()
    try:
        import fastjsonschema  # noqa: F401
    except ImportError:
        print("fastjsonschema is not installed: pip install fastjsonschema", file=sys.stderr)
        return 2
    schema = read_schema()
    bundled = Path(bundled_path())
    factors = (1, 4, largest_factor(bundled))
    with tempfile.TemporaryDirectory() as tmp:
        theirs = library_check(schema, Path(tmp))

        def ours(document: dict[str, Any], path: str) -> None:
            validate_store(document, path, schema)

        documents = {f: json.loads(scaled(bundled, f)) for f in factors}
        times: dict[tuple[str, int], list[float]] = {}
        for _ in range(args.rounds):
            for factor, document in documents.items():
                for name, check in (("ours", ours), ("fastjsonschema", theirs)):
                    times.setdefault((name, factor), []).append(_seconds(check, document))
        print(f"{'store':<10} {'ours ms':>9} {'fastjsonschema ms':>18} {'library / ours':>15}")
        for factor in factors:
            a = statistics.median(times[("ours", factor)])
            b = statistics.median(times[("fastjsonschema", factor)])
            print(f"{factor}x{'':<8} {a * 1000:>9.1f} {b * 1000:>18.1f} {b / a:>15.2f}")
        print(f"({args.rounds} interleaved rounds; the schema check and our id and cross-reference checks)")
        # What a run pays before the library's check can start: importing the generated module
        # (and fastjsonschema, which it imports), against the schema interpreter of ours.
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([tmp, *sys.path])}
        subprocess.run([sys.executable, "-m", "compileall", "-q", tmp], check=True)
        starts: dict[str, list[float]] = {}
        programs = {"python -c pass": "pass", "import ours": "import cstoref.validate",
                    "import the library's": "import store_schema"}
        for _ in range(args.rounds):
            for name, program in programs.items():
                start = time.perf_counter()
                subprocess.run([sys.executable, "-c", program], check=True, env=env)
                starts.setdefault(name, []).append(time.perf_counter() - start)
        bare = statistics.median(starts["python -c pass"])
        for name in ("import ours", "import the library's"):
            print(f"{name}: {(statistics.median(starts[name]) - bare) * 1000:.1f} ms more than a bare start")

        base = json.loads(scaled(bundled, 1))
        broken = {
            "a wrong type": ("countries", "status", 7),
            "an unknown field": ("events", "colour", "red"),
            "30 February": ("events", "date", "2022-02-30"),
            "a missing field": ("quotes", "text", None),
            "a bad id": ("people", "id", "Putin"),
        }
        print("\nmessages (ours, then the library's):")
        for what, (table, field, value) in broken.items():
            document = copy.deepcopy(base)
            record = document[table][str(len(document[table]) // 2 or 1)]
            if value is None:
                record.pop(field)
            else:
                record[field] = value
            print(f"- {what}:")
            for check in (ours, theirs):
                try:
                    check(document, "store.json")
                    print("    (accepted)")
                except StoreError as exc:
                    print(f"    {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

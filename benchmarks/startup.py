"""Start-up benchmark for cstoref: whole-process wall times, interleaved, as ratios.

Every case runs once per round, round after round, so that a busy moment of the machine
touches all of them alike; each case's median is then divided by the median of a bare
``python -c pass`` of the same interpreter. Peak memory is the child's maximum RSS.

    python benchmarks/startup.py            # 15 rounds, prints the table
    python benchmarks/startup.py --check    # exit 1 when a target is missed
    python benchmarks/startup.py --baseline DIR   # also the --db rows of the checkout in DIR

The --db rows read an untrusted store, so they measure its validation. With ``--baseline``
(repeatable), each of them runs again, in the same rounds, with DIR (an unpacked other
checkout, e.g. ``git archive main | tar -x -C DIR``) first on PYTHONPATH, and the table ends
with the ratios of this checkout to each baseline.
    python benchmarks/startup.py --worst-only   # only the largest stores within the limits

Run it with the Python of the environment where cstoref is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MINIMAL_TYPER_APP = '''\
import typer
app = typer.Typer()
@app.command()
def hello(json: bool = False):
    print("hello")
@app.command()
def bye():
    print("bye")
app()
'''

# Targets, as multiples of a bare Python start.
TARGETS = {"members --json": 6.0, "members --bidi visual": 11.0, "timeline --lang ar": 11.0, "--help": 8.0,
           "search Tokaiev": 6.0, "search Kazakhstan --json": 6.0}
SCALE_TARGET = 4.0
#: search on the 10x store (indexed as it loads), as a multiple of that store's timeline --json
SEARCH_SCALE_TARGET = 4.0
#: linear growth from the 10x to the 100x store would add (100-10)/(10-1) = 10 times what
#: the 1x to 10x step added; more than this means something grows faster than the store
GROWTH_LIMIT = 10 * 1.5
FLOOR = "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))"

#: Hostile cells: CPU seconds to lay one out at 80 columns, shaped and reordered (the layout
#: alone, timed inside the child, so a busy machine does not count). Layout is linear in a
#: cell's length.
WORST_TARGET = 5.0
WORST_CASES = {
    "1,000,000-letter Latin word": "'a' * 1_000_000",
    "1,000,000-letter Arabic word": "'\\u0628' * 1_000_000",
    "1,000,000-char mixed word": "'\\u0628a1(' * 250_000",
    "100,000 bracket pairs": "'\\u0645\\u0646\\u0638\\u0645\\u0629 ' + '(CSTO) ' * 100_000",
    "100,000 nested pairs": "'\\u0628' + '(' * 100_000 + 'x' + ')' * 100_000",
}
WORST_CODE = (
    "import sys, time; from cstoref.bidi import layout; text = eval(sys.argv[1]); "
    "start = time.process_time(); layout(text, 80, visual=True); print(time.process_time() - start)"
)


def worst_cases(python: str, env: dict[str, str], rounds: int) -> dict[str, float]:
    """Median layout seconds of each hostile cell."""
    times: dict[str, list[float]] = {name: [] for name in WORST_CASES}
    for _ in range(rounds):
        for name, expression in WORST_CASES.items():
            out = subprocess.run([python, "-c", WORST_CODE, expression], capture_output=True, text=True,
                                 env=env, check=True).stdout
            times[name].append(float(out))
    return {name: statistics.median(found) for name, found in times.items()}


#: Every command on any store within the limits answers or refuses within these.
WORST_SECONDS = 5.0
WORST_MB = 500
WORST_ROUNDS = 3


def run_once(argv: list[str], env: dict[str, str], codes: tuple[int, ...] = (0,)) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in codes:
        raise SystemExit(f"benchmark case failed (exit {proc.returncode}): {' '.join(argv)}")
    return elapsed, usage.ru_maxrss


def scaled_store(source: Path, factor: int, target: Path) -> Path:
    """The bundled store with every fact repeated `factor` times under new ids.

    The sources stay as they are: the copies cite the same articles and pages.
    """
    doc = json.loads(source.read_text(encoding="utf-8"))
    out: dict[str, dict[str, dict]] = {}
    for table, rows in doc.items():
        if table in ("meta", "sources"):
            out[table] = rows
            continue
        records = list(rows.values())
        copies = []
        for k in range(factor):
            for record in records:
                copy = dict(record)
                if k:
                    copy["id"] = f"{record['id']}-x{k}"
                copies.append(copy)
        out[table] = {str(i + 1): r for i, r in enumerate(copies)}
    target.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return target


def bash_tab_seconds(script: Path, words: list[str], calls: int = 200) -> float | None:
    """Median time of one completion call inside one bash, from bash's own clock."""
    if not script.exists():
        return None
    words_literal = " ".join(f"'{w}'" for w in words)
    program = f"""
source '{script}'
fn=$(complete -p cstoref | sed -E 's/.*-F ([^ ]+).*/\\1/')
COMP_WORDS=({words_literal}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="${{COMP_WORDS[*]}}"; COMP_POINT=${{#COMP_LINE}}
for i in $(seq {calls}); do
  s=$EPOCHREALTIME; "$fn" cstoref "${{COMP_WORDS[-1]}}" "${{COMP_WORDS[-2]}}"; e=$EPOCHREALTIME
  echo "$s $e"
done
"""
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], capture_output=True, text=True)
    times = []
    for line in result.stdout.split("\n"):
        parts = line.split()
        if len(parts) == 2:
            times.append(float(parts[1]) - float(parts[0]))
    return statistics.median(times) if times else None


def store_worst_cases(python: str, cstoref: str, env: dict[str, str], tmpdir: Path, store100: Path,
                rounds: int) -> list[str]:
    """The largest stores the limits let through, each the costliest of its kind (see
    worst_stores.py), and the 100-times store under every command: time and peak memory of
    each against the absolute limits. Returns the cases that missed."""
    cases: dict[str, tuple[list[str], tuple[int, ...]]] = {}
    sys.path.insert(0, str(HERE))
    from worst_stores import CASES

    for name in CASES:
        path = tmpdir / f"worst-{name.replace(' ', '-')}.json"
        subprocess.run([python, __file__, "--make-worst", name, str(path)], check=True)
        cases[f"{name} (refused)"] = ([cstoref, "members", "--db", str(path)], (3,))
    for args in (["members"], ["timeline"], ["timeline", "--json"], ["deployment"], ["quote"],
                 ["quote", "--speaker", "Putin"], ["search", "Putin"], ["search", "الأمن", "--json"],
                 ["sources"], ["about"]):
        cases[f"100x: {' '.join(args)}"] = ([cstoref, *args, "--bidi", "visual", "--db", str(store100)], (0, 1))
    seconds: dict[str, list[float]] = {name: [] for name in cases}
    memory = dict.fromkeys(cases, 0)
    for _ in range(rounds):
        for name, (argv, codes) in cases.items():
            elapsed, rss = run_once(argv, env, codes)
            seconds[name].append(elapsed)
            memory[name] = max(memory[name], rss)
    missed = []
    print(f"\nworst cases ({rounds} rounds; limits {WORST_SECONDS:g} s and {WORST_MB} MB)")
    print(f"{'case':<34} {'median s':>9} {'peak MB':>8}")
    for name in cases:
        median = statistics.median(seconds[name])
        ok = median <= WORST_SECONDS and memory[name] / 1024 <= WORST_MB
        if not ok:
            missed.append(name)
        print(f"{name:<34} {median:>9.2f} {memory[name] / 1024:>8.1f}  {'ok' if ok else 'MISSED'}")
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--baseline", metavar="DIR", action="append", default=[],
                        help="another checkout whose --db rows to run beside these (repeatable)")
    parser.add_argument("--worst-only", action="store_true", help="run only the worst cases")
    parser.add_argument("--make-store", nargs=3, metavar=("FACTOR", "SOURCE", "TARGET"), help=argparse.SUPPRESS)
    parser.add_argument("--make-worst", nargs=2, metavar=("NAME", "TARGET"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make_store:
        factor, source, target = args.make_store
        scaled_store(Path(source), int(factor), Path(target))
        return 0
    if args.make_worst:
        sys.path.insert(0, str(HERE))
        from worst_stores import write

        write(args.make_worst[0], Path(args.make_worst[1]))
        return 0

    python = sys.executable
    cstoref = str(Path(python).with_name("cstoref"))
    if not Path(cstoref).exists():
        raise SystemExit(f"cstoref is not installed beside {python}")
    # The parent stays small: a child's peak memory (ru_maxrss) counts the memory of the
    # process it was started from, so the stores are made and located in subprocesses.
    def ask(code: str) -> str:
        return subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.strip()

    package_dir = ask("import cstoref, os; print(os.path.dirname(cstoref.__file__))")
    bundled = ask("from cstoref.store import bundled_path; print(bundled_path())")

    # Bytecode caches are allowed, as in any installed package (pip compiles them at install).
    env = {k: v for k, v in os.environ.items() if not k.startswith("CSTOREF_") and k != "PYTHONDONTWRITEBYTECODE"}
    env.update({"COLUMNS": "100", "NO_COLOR": "1"})
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        app = tmpdir / "minimal_typer_app.py"
        app.write_text(MINIMAL_TYPER_APP)
        stores = {f: tmpdir / f"store{f}.json" for f in (1, 10, 100)}
        for factor, path in stores.items():
            subprocess.run([python, __file__, "--make-store", str(factor), bundled, str(path)], check=True)
        if args.worst_only:
            missed = store_worst_cases(python, cstoref, env, tmpdir, stores[100], WORST_ROUNDS)
            return 1 if (args.check and missed) else 0
        cases = {
            "python -c pass": [python, "-c", "pass"],
            "minimal Typer app": [python, str(app), "hello", "--json"],
            "members --json": [cstoref, "members", "--json"],
            "members --bidi visual": [cstoref, "members", "--bidi", "visual"],
            "timeline --lang ar": [cstoref, "timeline", "--lang", "ar", "--bidi", "visual"],
            "--help": [cstoref, "--help"],
            # A name with a typo (the fuzzy path), and a name in every kind of record.
            "search Tokaiev": [cstoref, "search", "Tokaiev"],
            "search Kazakhstan --json": [cstoref, "search", "Kazakhstan", "--json"],
            "search Tokaiev --db 10x": [cstoref, "search", "Tokaiev", "--json", "--db", str(stores[10])],
            "timeline --json": [cstoref, "timeline", "--json"],
            "timeline --json --db 1x": [cstoref, "timeline", "--json", "--db", str(stores[1])],
            "timeline --json --db 10x": [cstoref, "timeline", "--json", "--db", str(stores[10])],
            "timeline --json --db 100x": [cstoref, "timeline", "--json", "--db", str(stores[100])],
            # The floor for any reader of the 100x file: Python starting and parsing it, no more.
            "json.load of the 100x file": [python, "-c", FLOOR, str(stores[100])],
        }
        envs = {name: env for name in cases}
        db_rows = [name for name in cases if " --db " in name]
        baselines = [Path(b).resolve() for b in args.baseline]
        for baseline in baselines:
            if not (baseline / "cstoref" / "__init__.py").exists():
                raise SystemExit(f"--baseline: {baseline} holds no cstoref checkout")
            for name in db_rows:
                cases[f"{name} ({baseline.name})"] = cases[name]
                envs[f"{name} ({baseline.name})"] = {**env, "PYTHONPATH": str(baseline)}
            subprocess.run([python, "-m", "compileall", "-q", str(baseline / "cstoref")], env=env, check=False)
        subprocess.run([python, "-m", "compileall", "-q", package_dir], env=env, check=False)
        for name, argv in cases.items():  # warm the file cache and the .pyc files
            run_once(argv, envs[name])
        samples: dict[str, list[float]] = {name: [] for name in cases}
        memory: dict[str, int] = {name: 0 for name in cases}
        for _ in range(args.rounds):
            for name, argv in cases.items():
                elapsed, rss = run_once(argv, envs[name])
                samples[name].append(elapsed)
                memory[name] = max(memory[name], rss)
        tab = bash_tab_seconds(HERE.parent / "completions" / "cstoref.bash", ["cstoref", "members", "--status", ""])
        worst = worst_cases(python, env, max(1, min(args.rounds, 3)))
        store_failed = store_worst_cases(python, cstoref, env, tmpdir, stores[100], WORST_ROUNDS)

    base = statistics.median(samples["python -c pass"])
    failed = list(store_failed)
    print(f"{'case':<38} {'median ms':>10} {'x python':>9} {'peak MB':>8}  target")
    for name in cases:
        median = statistics.median(samples[name])
        ratio = median / base
        target = TARGETS.get(name)
        verdict = ""
        if target:
            ok = ratio <= target
            verdict = f"<= {target:g}x {'ok' if ok else 'MISSED'}"
            if not ok:
                failed.append(name)
        print(f"{name:<38} {median * 1000:>10.1f} {ratio:>9.2f} {memory[name] / 1024:>8.1f}  {verdict}")
    med = {name: statistics.median(times) for name, times in samples.items()}
    bundled = med["timeline --json"]
    scale = med["timeline --json --db 100x"] / bundled
    floor = med["json.load of the 100x file"] / bundled
    print(f"\n100x store / bundled store, timeline --json: {scale:.2f}x (target <= {SCALE_TARGET:g}x "
          f"{'ok' if scale <= SCALE_TARGET else 'MISSED'}); parsing the 100x file alone takes {floor:.2f}x")
    search_scale = med["search Tokaiev --db 10x"] / med["timeline --json --db 10x"]
    ok = search_scale <= SEARCH_SCALE_TARGET
    if not ok:
        failed.append("search 10x")
    print(f"search on the 10x store / its timeline --json: {search_scale:.2f}x (target <= "
          f"{SEARCH_SCALE_TARGET:g}x {'ok' if ok else 'MISSED'})")
    step1 = med["timeline --json --db 10x"] - med["timeline --json --db 1x"]
    step2 = med["timeline --json --db 100x"] - med["timeline --json --db 10x"]
    # A step of no time at all (noise on a very fast machine) cannot be compared: say so.
    growth = step2 / step1 if step1 > 0.001 else float("nan")
    ok = not growth > GROWTH_LIMIT
    if not ok:
        failed.append("growth")
    print(f"growth from 10x to 100x against 1x to 10x: {growth:.1f} (linear is 10; <= {GROWTH_LIMIT:g} "
          f"{'ok' if ok else 'MISSED'})")
    print(f"\n{'hostile cell, layout at 80 columns':<36} {'CPU s':>9}  target")
    for name, seconds in worst.items():
        ok = seconds <= WORST_TARGET
        if not ok:
            failed.append(name)
        print(f"{name:<36} {seconds:>9.2f}  <= {WORST_TARGET:g} s {'ok' if ok else 'MISSED'}")
    print()
    for baseline in baselines:
        for name in db_rows:
            print(f"{name}: this checkout / {baseline.name} = {med[name] / med[f'{name} ({baseline.name})']:.2f}")
    if tab is not None:
        print(f"one bash Tab (cstoref members --status <Tab>): {tab * 1000:.2f} ms = {tab / base:.3f}x a bare Python start")
    else:
        print("one bash Tab: completions/cstoref.bash not found")
    print(f"({args.rounds} interleaved rounds, {os.cpu_count()} CPUs, {sys.version.split()[0]})")
    return 1 if (args.check and failed) else 0


if __name__ == "__main__":
    sys.exit(main())

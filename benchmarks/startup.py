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
    python benchmarks/startup.py --worst-only   # only the costliest stores within the limits

Run it with the Python of the environment where cstoref is installed.
"""

from __future__ import annotations

import argparse
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
#: timeline --json on the largest copy of the bundled store within the limits, as a multiple
#: of the same on the bundled store
SCALE_TARGET = 8.0
#: search on a store a third that size (indexed as it loads), as a multiple of its timeline --json
SEARCH_SCALE_TARGET = 4.0
#: growth from the middle to the largest store against growth from the bundled to the middle
#: one may exceed what linear time gives by this factor; more means something grows faster
GROWTH_SLACK = 1.5
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


def store_worst_cases(python: str, cstoref: str, env: dict[str, str], tmpdir: Path, bundled: str,
                      largest: Path, rounds: int) -> list[str]:
    """The costliest stores within the limits (see worst_stores.py) under the commands that
    print the most of each, and the largest copy of the bundled store under every command:
    time and peak memory of each against the absolute limits. Returns the cases that missed."""
    sys.path.insert(0, str(HERE))
    from worst_stores import REFUSED, VALID

    cases: dict[str, tuple[list[str], tuple[int, ...], dict[str, str]]] = {}
    for name in [*REFUSED, *VALID]:
        path = tmpdir / f"worst-{name.replace(' ', '-')}.json"
        subprocess.run([python, __file__, "--make-worst", name, str(path), bundled], check=True)
        if name in REFUSED:
            cases[f"{name} (refused)"] = ([cstoref, "members", "--db", str(path)], (3,), env)
            continue
        for args in VALID[name][1]:
            cases[f"{name}: {' '.join(args)}"] = ([cstoref, *args, "--bidi", "visual", "--db", str(path)], (0,), env)
    label = largest.stem.replace("store", "")
    narrow = {**env, "COLUMNS": "30"}
    for args in (["members"], ["timeline"], ["timeline", "--json"], ["timeline", "--csv"], ["deployment"],
                 ["quote"], ["quote", "--speaker", "Putin"], ["search", "Putin"], ["search", "الأمن", "--json"],
                 ["search", "Kazakhstan", "--all"], ["show", "dep-2022-kaz"], ["sources"], ["about"]):
        cases[f"{label}: {' '.join(args)}"] = ([cstoref, *args, "--bidi", "visual", "--db", str(largest)], (0,), env)
    cases[f"{label}: timeline, 30 columns"] = ([cstoref, "timeline", "--bidi", "visual", "--db", str(largest)], (0,), narrow)
    seconds: dict[str, list[float]] = {name: [] for name in cases}
    memory = dict.fromkeys(cases, 0)
    for _ in range(rounds):
        for name, (argv, codes, case_env) in cases.items():
            elapsed, rss = run_once(argv, case_env, codes)
            seconds[name].append(elapsed)
            memory[name] = max(memory[name], rss)
    missed = []
    print(f"\nworst cases ({rounds} rounds; limits {WORST_SECONDS:g} s and {WORST_MB} MB)")
    print(f"{'case':<44} {'median s':>9} {'peak MB':>8}")
    for name in cases:
        median = statistics.median(seconds[name])
        ok = median <= WORST_SECONDS and memory[name] / 1024 <= WORST_MB
        if not ok:
            missed.append(name)
        print(f"{name:<44} {median:>9.2f} {memory[name] / 1024:>8.1f}  {'ok' if ok else 'MISSED'}")
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--baseline", metavar="DIR", action="append", default=[],
                        help="another checkout whose --db rows to run beside these (repeatable)")
    parser.add_argument("--worst-only", action="store_true", help="run only the worst cases")
    parser.add_argument("--make-store", nargs=3, metavar=("FACTOR", "SOURCE", "TARGET"), help=argparse.SUPPRESS)
    parser.add_argument("--make-worst", nargs="+", metavar="NAME TARGET [BUNDLED]", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make_store or args.make_worst:
        sys.path.insert(0, str(HERE))
        from worst_stores import write

        if args.make_store:
            factor, source, target = args.make_store
            write(f"{factor}x", Path(target), Path(source))
        else:
            name, target, *source = args.make_worst
            write(name, Path(target), Path(source[0]) if source else None)
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
        big = int(ask(f"import sys; sys.path.insert(0, {str(HERE)!r}); from pathlib import Path; "
                      f"from worst_stores import largest_factor; print(largest_factor(Path({bundled!r})))"))
        mid = max(2, big // 3)
        stores = {f: tmpdir / f"store{f}x.json" for f in (1, mid, big)}
        for factor, path in stores.items():
            subprocess.run([python, __file__, "--make-store", str(factor), bundled, str(path)], check=True)
        if args.worst_only:
            missed = store_worst_cases(python, cstoref, env, tmpdir, bundled, stores[big], WORST_ROUNDS)
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
            f"search Tokaiev --db {mid}x": [cstoref, "search", "Tokaiev", "--json", "--db", str(stores[mid])],
            "timeline --json": [cstoref, "timeline", "--json"],
            "timeline --json --db 1x": [cstoref, "timeline", "--json", "--db", str(stores[1])],
            f"timeline --json --db {mid}x": [cstoref, "timeline", "--json", "--db", str(stores[mid])],
            f"timeline --json --db {big}x": [cstoref, "timeline", "--json", "--db", str(stores[big])],
            # The floor for any reader of the largest file: Python starting and parsing it, no more.
            f"json.load of the {big}x file": [python, "-c", FLOOR, str(stores[big])],
        }
        envs = {name: env for name in cases}
        # Search answers differently from one checkout to another; reading a store does not.
        db_rows = [name for name in cases if name.startswith("timeline --json --db ")]
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
        store_failed = store_worst_cases(python, cstoref, env, tmpdir, bundled, stores[big], WORST_ROUNDS)

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
    bundled_ms = med["timeline --json"]
    scale = med[f"timeline --json --db {big}x"] / bundled_ms
    floor = med[f"json.load of the {big}x file"] / bundled_ms
    print(f"\n{big}x store (the largest within the limits) / bundled store, timeline --json: {scale:.2f}x "
          f"(target <= {SCALE_TARGET:g}x {'ok' if scale <= SCALE_TARGET else 'MISSED'}); parsing the {big}x "
          f"file alone takes {floor:.2f}x")
    if scale > SCALE_TARGET:
        failed.append("scale")
    search_scale = med[f"search Tokaiev --db {mid}x"] / med[f"timeline --json --db {mid}x"]
    ok = search_scale <= SEARCH_SCALE_TARGET
    if not ok:
        failed.append(f"search {mid}x")
    print(f"search on the {mid}x store / its timeline --json: {search_scale:.2f}x (target <= "
          f"{SEARCH_SCALE_TARGET:g}x {'ok' if ok else 'MISSED'})")
    step1 = med[f"timeline --json --db {mid}x"] - med["timeline --json --db 1x"]
    step2 = med[f"timeline --json --db {big}x"] - med[f"timeline --json --db {mid}x"]
    # A step of no time at all (noise on a very fast machine) cannot be compared: say so.
    growth = step2 / step1 if step1 > 0.001 else float("nan")
    linear = (big - mid) / (mid - 1)
    ok = not growth > linear * GROWTH_SLACK
    if not ok:
        failed.append("growth")
    print(f"growth from {mid}x to {big}x against 1x to {mid}x: {growth:.1f} (linear is {linear:.1f}; "
          f"<= {linear * GROWTH_SLACK:.1f} {'ok' if ok else 'MISSED'})")
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

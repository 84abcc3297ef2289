"""Run every benchmark in turn and record the figures in bench/results/*.jsonl.

    python bench/run_all.py              # corpora of 100 and 1 000 articles, 1 M triples (~15 min)
    python bench/run_all.py --full       # also the 10 000-article build (~15 min more)
    python bench/run_all.py --smoke      # smallest sizes, a minute: checks the scripts work
    python bench/run_all.py --dry-run    # print the commands only

The corpora are generated once into bench/corpora/ (ignored by git) and reused. Benchmarks
written by others (bench_validate.py, bench_query.py, bench_incremental.py) run too when they
are present, with their own defaults (`--smoke` passes `--smoke` to them).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

BENCH = Path(__file__).resolve().parent
CORPORA = BENCH / "corpora"
OTHERS = ("bench_validate.py", "bench_query.py", "bench_incremental.py")


def corpus(count: int) -> Path:
    return CORPORA / f"c{count}" / "corpus.jsonl"


def plan(full: bool, smoke: bool, extract_limit: int) -> list[list[str]]:
    py = sys.executable
    steps: list[list[str]] = []
    sizes = [20] if smoke else [100, 1000] + ([10000] if full else [])
    for count in sizes:
        if not corpus(count).exists():
            steps.append([py, str(BENCH / "generate.py"), "--count", str(count), "--out", str(corpus(count).parent)])
    record = [] if smoke else ["--record"]
    if smoke:
        steps.append([py, str(BENCH / "bench_extract.py"), "--corpus", str(corpus(20)), "--configs",
                      "per-doc 1 thread,batched all cores"])
        steps.append([py, str(BENCH / "bench_build.py"), str(corpus(20)), "--jobs", "0"])
        steps.append([py, str(BENCH / "bench_rdf.py"), "--triples", "5000"])
    else:
        steps.append([py, str(BENCH / "bench_extract.py"), "--corpus", str(corpus(1000)), "--limit",
                      str(extract_limit), "--cache-nominative", *record])
        steps.append([py, str(BENCH / "bench_build.py"), str(corpus(1000)), "--jobs", "0", *record])
        steps.append([py, str(BENCH / "bench_build.py"), str(corpus(1000)), "--jobs", "0",
                      "--cache-nominative", *record])
        if full:
            steps.append([py, str(BENCH / "bench_build.py"), str(corpus(10000)), "--jobs", "0",
                          "--cache-nominative", "--progress-every", "60", *record])
        steps.append([py, str(BENCH / "bench_rdf.py"), "--triples", "1000000", *record])
    for name in OTHERS:
        if (BENCH / name).exists():
            steps.append([py, str(BENCH / name)] + (["--smoke"] if smoke else []))
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run every benchmark and record the figures.")
    parser.add_argument("--full", action="store_true", help="include the 10 000-article build")
    parser.add_argument("--smoke", action="store_true", help="smallest sizes, nothing recorded")
    parser.add_argument("--extract-limit", type=int, default=400,
                        help="documents of the 1 000-article corpus each extraction configuration reads")
    parser.add_argument("--dry-run", action="store_true", help="print the commands and stop")
    args = parser.parse_args(argv)
    steps = plan(args.full, args.smoke, args.extract_limit)
    print(f"# machine: {_common.machine()}")
    print(f"# versions: {_common.versions()}  commit: {_common.commit()}")
    failed = []
    for command in steps:
        shown = " ".join(Path(c).name if i == 0 else c for i, c in enumerate(command))
        print(f"\n$ {shown}    # load average {_common.load_average()}", flush=True)
        if args.dry_run:
            continue
        started = time.perf_counter()
        done = subprocess.run(command, env=_common.child_env())
        print(f"# {time.perf_counter() - started:.0f} s, exit {done.returncode}", flush=True)
        if done.returncode != 0:
            failed.append(shown)
    if failed:
        print("\nfailed:\n  " + "\n  ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

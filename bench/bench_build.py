"""A whole build, end to end: wall time, peak memory of the process and its workers, triples.

The build runs in a fresh process, through the library (`kgbuild.build.build`) or through the
command line (`kgbuild build`). With `--jobs N` the library build extracts with
`extract_parallel(documents, N)`: passed as `jobs=` when `build()` takes it, otherwise by
putting `extract_parallel` where `build()` calls `extract_all` — the wiring the report asks for.
The library run also times its parts: reading, validation and writing (extraction and
mapping are the rest).

    python bench/generate.py --count 1000 --out bench/corpora/c1000
    python bench/bench_build.py bench/corpora/c1000/corpus.jsonl --jobs 0 --record
"""

from __future__ import annotations

import argparse
import inspect
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402


def child(inputs: list[str], out: str, jobs: int | None, validate: bool, progress_every: float,
          cache_nominative: bool = False) -> dict:
    from importlib import import_module

    from kgbuild.progress import Progress
    from kgbuild.resources import shapes_dir

    # modules, not the functions of the same names the package exports
    build_module, store, validate_module = (import_module(f"kgbuild.{name}") for name in ("build", "store", "validate"))
    build = build_module.build

    parts = {"read_s": 0.0, "validate_s": 0.0, "write_s": 0.0}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                parts[name] += time.perf_counter() - started
        return wrapper

    build_module.read_all = timed("read_s", build_module.read_all)
    build_module.save_dataset = timed("write_s", store.save_dataset)
    validate_module.validate = timed("validate_s", validate_module.validate)
    if cache_nominative:
        from bench_extract import install_nominative_cache

        install_nominative_cache()
    options = {}
    wiring = "sequential"
    if jobs is not None:
        from kgbuild.extract.parallel import default_jobs, extract_parallel

        jobs = jobs or default_jobs()
        if "jobs" in inspect.signature(build).parameters:
            options["jobs"] = jobs
            wiring = f"build(jobs={jobs})"
        else:
            build_module.extract_all = lambda documents: extract_parallel(documents, jobs)
            wiring = f"extract_parallel(jobs={jobs}) in place of extract_all"
    progress = Progress(label="build", enabled=progress_every > 0, interval=progress_every or 1)
    started = time.perf_counter()
    result = build(inputs, out, validate=validate, progress=lambda _document: progress.update(), **options)
    seconds = time.perf_counter() - started
    progress.close()
    shapes = (shapes_dir() / "kgbuild-shapes.ttl").exists()
    extract_map = seconds - sum(parts.values())
    return {"documents": len(result.documents), "triples": result.triples, "seconds": round(seconds, 1),
            "docs_per_s": round(len(result.documents) / seconds, 2),
            "wiring": wiring + (" + nominative cache" if cache_nominative else ""),
            "validated": "yes" if validate and shapes else ("no shapes" if validate else "no"),
            "conforms": result.conforms, **{k: round(v, 1) for k, v in parts.items()},
            "extract_map_s": round(extract_map, 1), "out_mb": round(Path(out).stat().st_size / 1e6, 1)}


def run(inputs: list[str], jobs: int | None, validate: bool, via: str, progress_every: float,
        cache_nominative: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix="kgbuild-bench-build-") as tmp:
        out = str(Path(tmp) / "kg.trig")
        if via == "cli":
            command = [sys.executable, "-c", "import sys; from kgbuild.cli import main; sys.exit(main())",
                       "build", *inputs, "--out", out, "--quiet"]
            if not validate:
                command.append("--no-validate")
            if jobs is not None:
                command += ["--jobs", str(jobs)]
        else:
            command = [sys.executable, __file__, "--child", json.dumps(
                {"inputs": inputs, "out": out, "jobs": jobs, "validate": validate,
                 "progress_every": progress_every, "cache_nominative": cache_nominative})]
        load_before = _common.load_average()
        started, cpu_started = time.perf_counter(), _common.cpu_seconds()
        process = subprocess.Popen(command, env=_common.child_env(), stdout=subprocess.PIPE, text=True)
        with _common.PeakMemory(process.pid, interval=1.0) as memory:
            stdout, _ = process.communicate()
        seconds = time.perf_counter() - started
        cpu = _common.cpu_seconds() - cpu_started  # the build and its workers, all ended
        if process.returncode not in (0, 1):  # 1: built, with SHACL violations
            raise SystemExit(f"bench_build: the build failed (exit {process.returncode})")
        row = json.loads(stdout) if via == "library" else {"out_mb": round(Path(out).stat().st_size / 1e6, 1),
                                                              "exit": process.returncode}
        return {"via": via, "jobs": jobs if jobs is not None else "—", **row,
                "wall_s": round(seconds, 1), "cpu_s": round(cpu, 1), "peak_mb": memory.peak_mb, "load_avg_before": load_before,
                "load_avg_after": _common.load_average()}


COLUMNS = ["via", "wiring", "jobs", "documents", "triples", "wall_s", "cpu_s", "docs_per_s", "read_s", "extract_map_s",
           "validate_s", "write_s", "validated", "peak_mb", "out_mb", "load_avg_before", "load_avg_after"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A whole build: time, peak memory and triples.")
    parser.add_argument("inputs", nargs="*", help="sources to build (default: generate --count articles)")
    parser.add_argument("--count", type=int, default=100, help="articles to generate when no inputs are given")
    parser.add_argument("--jobs", "-j", type=int, help="extract with N processes (0: all cores); "
                                                        "default: the sequential build as it is")
    parser.add_argument("--no-validate", action="store_true")
    parser.add_argument("--via", choices=["library", "cli"], default="library")
    parser.add_argument("--progress-every", type=float, default=0,
                        help="print a progress line to stderr every N seconds (library runs)")
    parser.add_argument("--cache-nominative", action="store_true",
                        help="with the inflection cache proposed for extract/persons.py (library runs)")
    parser.add_argument("--record", action="store_true", help="append the figures to bench/results/build.jsonl")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(**json.loads(args.child))))
        return 0
    with tempfile.TemporaryDirectory(prefix="kgbuild-bench-corpus-") as tmp:
        inputs = args.inputs
        if not inputs:
            from generate import write

            write(Path(tmp), args.count)
            inputs = [str(Path(tmp) / "corpus.jsonl")]
        row = run([str(Path(i).resolve()) for i in inputs], args.jobs, not args.no_validate, args.via,
                  args.progress_every, args.cache_nominative)
    print(_common.table([row], [c for c in COLUMNS if c in row]))
    if args.record:
        path = _common.record("build", [row], {"inputs": args.inputs or f"generated {args.count}",
                                               "jobs": args.jobs, "validate": not args.no_validate,
                                               "cache_nominative": args.cache_nominative})
        print(f"recorded in {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

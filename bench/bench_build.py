"""A whole build, end to end: wall time, peak memory of the process and its workers, triples.

The build runs in a fresh process, through the library (`kgbuild.build.build`) or through the
command line (`kgbuild build`). With `--jobs N` the library build extracts with
`extract_parallel(documents, N)`: passed as `jobs=` when `build()` takes it, otherwise by
putting `extract_parallel` where `build()` calls `extract_all` — the wiring the report asks for.
The library run also times its parts: reading, the facts (extracted, or read from the
cache), validation; the rest is resolving identities, mapping and writing, which stream
graph by graph. With `--jobs` other than 1 the sources are mapped, validated and rendered by
worker processes: their validation is not in `validate_s` (the main process's only) but in
the wall and CPU time of the whole run. `--out FILE` keeps the built dataset (to compare
digests between commits). It also reports the main process's own peak RSS (`maxrss_mb`, from the
kernel) and how much the corpus's facts added to it (`facts_mb`).

    python bench/generate.py --count 1000 --out bench/corpora/c1000
    python bench/bench_build.py bench/corpora/c1000/corpus.jsonl --jobs 0 --record
    # mapping, validation and writing alone: a first run fills the cache, a second measures
    python bench/bench_build.py bench/corpora/c10000/corpus.jsonl --jobs 0 --cache /tmp/kgb-cache
    python bench/bench_build.py bench/corpora/c10000/corpus.jsonl --jobs 0 --cache /tmp/kgb-cache --record
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402


def child(inputs: list[str], out: str, jobs: int | None, validate: bool, progress_every: float,
          cache_nominative: bool = False, cache: str | None = None, limit: int | None = None) -> dict:
    from importlib import import_module

    from kgbuild.progress import Progress
    from kgbuild.resources import shapes_dir

    # modules, not the functions of the same names the package exports
    build_module, validate_module = (import_module(f"kgbuild.{name}") for name in ("build", "validate"))
    build = build_module.build

    parts = {"read_s": 0.0, "facts_s": 0.0, "validate_s": 0.0}
    rss = {}

    def timed(name, function):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                parts[name] += time.perf_counter() - started
        return wrapper

    read_all = build_module.read_all
    if limit is not None:  # the first documents only, so a partly cached corpus serves as a smaller one
        build_module.read_all = lambda *args, **kwargs: read_all(*args, **kwargs)[:limit]
    build_module.read_all = timed("read_s", build_module.read_all)
    facts = timed("facts_s", build_module._facts)

    def measured_facts(*args, **kwargs):
        rss["before"] = _rss_mb()
        found = facts(*args, **kwargs)
        rss["after"] = _rss_mb()
        return found

    build_module._facts = measured_facts
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
    if cache is not None:
        options["cache_dir"] = cache
    result = build(inputs, out, validate=validate, progress=lambda _document: progress.update(), **options)
    seconds = time.perf_counter() - started
    progress.close()
    import resource

    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    shapes = (shapes_dir() / "kgbuild-shapes.ttl").exists()
    map_write = seconds - sum(parts.values())
    return {"documents": len(result.documents), "triples": result.triples, "seconds": round(seconds, 1),
            "extracted": len(result.extracted), "from_cache": len(result.from_cache),
            "docs_per_s": round(len(result.documents) / seconds, 2),
            "wiring": wiring + (" + nominative cache" if cache_nominative else ""),
            "validated": "yes" if validate and shapes else ("no shapes" if validate else "no"),
            "conforms": result.conforms, **{k: round(v, 1) for k, v in parts.items()},
            "map_write_s": round(map_write, 1), "maxrss_mb": round(maxrss, 1),
            "facts_mb": round(rss.get("after", 0) - rss.get("before", 0), 1),
            "out_mb": round(Path(out).stat().st_size / 1e6, 1)}


def _rss_mb() -> float:
    """This process's resident memory now (Linux)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def run(inputs: list[str], jobs: int | None, validate: bool, via: str, progress_every: float,
        cache_nominative: bool = False, cache: str | None = None, limit: int | None = None,
        keep: str | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="kgbuild-bench-build-") as tmp:
        out = str(Path(keep).resolve()) if keep else str(Path(tmp) / "kg.trig")
        if via == "cli":
            command = [sys.executable, "-c", "import sys; from kgbuild.cli import main; sys.exit(main())",
                       "build", *inputs, "--out", out, "--quiet"]
            if not validate:
                command.append("--no-validate")
            if jobs is not None:
                command += ["--jobs", str(jobs)]
            if cache is not None:
                command += ["--cache", cache]
        else:
            command = [sys.executable, __file__, "--child", json.dumps(
                {"inputs": inputs, "out": out, "jobs": jobs, "validate": validate,
                 "progress_every": progress_every, "cache_nominative": cache_nominative, "cache": cache,
                 "limit": limit})]
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


COLUMNS = ["via", "wiring", "jobs", "documents", "from_cache", "triples", "wall_s", "cpu_s", "docs_per_s", "read_s",
           "facts_s", "validate_s", "map_write_s", "validated", "peak_mb", "maxrss_mb", "facts_mb", "out_mb",
           "load_avg_before", "load_avg_after"]


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
    parser.add_argument("--cache", metavar="DIR", help="the build's cache of extracted facts (default: the "
                                                        "user's); a second run measures the build without extraction")
    parser.add_argument("--limit", type=int, metavar="N", help="build the first N documents only (library runs)")
    parser.add_argument("--out", metavar="FILE", help="keep the built dataset here (default: a temporary file)")
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
        # as given: a cached document is known by the path it was read from, as in `kgbuild build`
        row = run([str(i) for i in inputs], args.jobs, not args.no_validate, args.via,
                  args.progress_every, args.cache_nominative, args.cache, args.limit, args.out)
    print(_common.table([row], [c for c in COLUMNS if c in row]))
    if args.record:
        path = _common.record("build", [row], {"inputs": args.inputs or f"generated {args.count}",
                                               "jobs": args.jobs, "validate": not args.no_validate,
                                               "cache_nominative": args.cache_nominative,
                                               "cache": args.cache, "limit": args.limit})
        print(f"recorded in {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

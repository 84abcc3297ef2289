"""Extraction speed: documents/s and CPU ms per document on one worker and on two, model load
time, peak memory, and a check that every way of running gives the same facts.

Each configuration runs in a fresh process (so its memory and its model load are its own):

  per-doc 1 thread      `extract_all`: one document at a time, BLAS held to one thread
  batched 1 worker      `extract_parallel(jobs=1)`: chunks of documents analysed together
  batched 2 workers     `extract_parallel(jobs=2)`: worker processes, models shared through fork
  per-doc BLAS default  (not run by default) the same as the first with BLAS left multi-threaded

Every configuration runs with the same PYTHONHASHSEED, so that the digest of the facts can be
compared across them: a rule that breaks a tie by the order of a set would otherwise give a
different (equally right) fact in another process.

    python bench/bench_extract.py --count 200                 # generate 200 articles of 5 KB and measure
    python bench/bench_extract.py --corpus bench/corpora/c1000/corpus.jsonl --limit 200 --record
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402  (puts this checkout's src/ first on the path)

CONFIGS = {
    "per-doc 1 thread": {"mode": "per-doc", "blas": 1, "jobs": 1},
    "batched 1 worker": {"mode": "batched", "blas": 1, "jobs": 1},
    "batched 2 workers": {"mode": "batched", "blas": 1, "jobs": 2},
    "batched all cores": {"mode": "batched", "blas": 1, "jobs": 0},
    "per-doc BLAS default": {"mode": "per-doc", "blas": None, "jobs": 1},
}
DEFAULT_CONFIGS = ["per-doc 1 thread", "batched 1 worker", "batched 2 workers"]
HASH_SEED = "0"


def read_corpus(path: Path, limit: int | None):
    from kgbuild.read import read_sources

    documents = []
    for document in read_sources([path]):
        documents.append(document)
        if limit and len(documents) >= limit:
            break
    return documents


def install_nominative_cache() -> None:
    """The inflection cache an earlier benchmark proposed, now in `persons.nominative` itself;
    kept for `bench_build.py --cache-nominative`, where it changes nothing any more."""
    from functools import lru_cache

    from kgbuild.extract import persons, places, ranks

    cached = lru_cache(maxsize=100_000)(persons.nominative)
    persons.nominative = places.nominative = ranks.nominative = cached


def child(config: dict, corpus: Path, limit: int | None) -> dict:
    """Run one configuration in this process and return its figures."""
    if config["blas"] is not None:
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[name] = str(config["blas"])
    from kgbuild.extract import extract_all
    from kgbuild.extract.nlp import models
    from kgbuild.extract.parallel import default_jobs, extract_parallel

    documents = read_corpus(corpus, limit)
    jobs = config["jobs"] or default_jobs()
    digest = hashlib.sha256()
    with _common.PeakMemory(interval=0.5) as memory:
        with _common.Timer() as load:
            models()
        started, cpu_started = time.perf_counter(), _common.cpu_seconds()
        if config["mode"] == "per-doc":
            results = extract_all(documents)
        else:
            results = extract_parallel(documents, jobs)
        count, checking = 0, 0.0
        for facts in results:
            # the check is not extraction: its CPU time is left out (the wall time keeps it, as
            # with two workers it overlaps their work)
            check_started = time.process_time()
            digest.update(json.dumps(facts.as_json(), ensure_ascii=False, sort_keys=True).encode("utf-8"))
            count += 1
            checking += time.process_time() - check_started
        seconds = time.perf_counter() - started
    cpu = _common.cpu_seconds() - cpu_started - checking  # the pool's workers have ended and been waited for
    chars = sum(len(d.text) for d in documents)
    return {"documents": count, "characters": chars, "jobs": jobs, "load_s": round(load.seconds, 2),
            "seconds": round(seconds, 2), "docs_per_s": round(count / seconds, 2),
            "chars_per_s": round(chars / seconds), "peak_mb": memory.peak_mb,
            "cpu_s": round(cpu, 1), "cpu_ms_per_doc": round(1000 * cpu / count, 1),
            "docs_per_cpu_s": round(count / cpu, 2), "digest": digest.hexdigest()[:12]}


def run(corpus: Path, limit: int | None, names: list[str]) -> list[dict]:
    rows = []
    for name in names:
        config = CONFIGS[name]
        command = [sys.executable, __file__, "--child", name, "--corpus", str(corpus)]
        if limit:
            command += ["--limit", str(limit)]
        env = _common.child_env()
        env["PYTHONHASHSEED"] = HASH_SEED
        if config["blas"] is None:  # "default" means whatever the machine does when unset
            for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
                env.pop(var, None)
        load_before = _common.load_average()
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            raise SystemExit(f"bench_extract: configuration {name!r} failed")
        row = {"config": name, **json.loads(done.stdout), "load_avg_before": load_before,
               "load_avg_after": _common.load_average()}
        rows.append(row)
        print(f"  {row['config']}: {row['docs_per_s']} docs/s, {row['cpu_ms_per_doc']} CPU ms/doc", file=sys.stderr)
    digests = {row["digest"] for row in rows}
    for row in rows:
        row["same_facts"] = "yes" if len(digests) == 1 else "NO"
    return rows


COLUMNS = ["config", "jobs", "documents", "characters", "load_s", "seconds", "docs_per_s", "chars_per_s",
           "cpu_s", "cpu_ms_per_doc", "docs_per_cpu_s", "peak_mb", "same_facts", "load_avg_before",
           "load_avg_after"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Extraction speed on one worker and on two.")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--corpus", type=Path, help="corpus file or folder (generate.py output)")
    source.add_argument("--count", type=int, default=100, help="generate this many articles (default 100)")
    parser.add_argument("--kb", type=float, default=5.0, help="size of generated articles in KB")
    parser.add_argument("--limit", type=int, help="read only the first N documents of --corpus")
    parser.add_argument("--configs", default=",".join(DEFAULT_CONFIGS),
                        help=f"comma-separated configurations to run, of: {', '.join(CONFIGS)} "
                             f"(default: {', '.join(DEFAULT_CONFIGS)})")
    parser.add_argument("--record", action="store_true", help="append the figures to bench/results/extract.jsonl")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(CONFIGS[args.child], args.corpus, args.limit)))
        return 0
    names = [n.strip() for n in args.configs.split(",") if n.strip()]
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        parser.error(f"unknown configuration {unknown[0]!r}; available: {', '.join(CONFIGS)}")
    with tempfile.TemporaryDirectory(prefix="kgbuild-bench-") as tmp:
        corpus = args.corpus
        if corpus is None:
            from generate import write

            corpus = Path(tmp) / "corpus"
            write(corpus, args.count, kb=args.kb)
            corpus = corpus / "corpus.jsonl"
        rows = run(corpus, args.limit, names)
    print(_common.table(rows, COLUMNS))
    if args.record:
        path = _common.record("extract", rows, {"corpus": str(args.corpus or f"generated {args.count}"),
                                                "limit": args.limit, "kb": args.kb})
        print(f"recorded in {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

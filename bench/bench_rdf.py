"""Loading and serialising a dataset as TriG and N-Quads: pyoxigraph against plain rdflib,
measured in the same run on the same files, and given as a ratio.

Each (engine, format) pair runs in a fresh process, so its peak memory is its own:
load the file (pyoxigraph `Store.bulk_load` into an in-memory store, and into an on-disk store;
rdflib `Dataset.parse` into the dataset kgbuild uses), count the quads, write them back in the
same format.

    python bench/bench_rdf.py --triples 1000000 --record       # generates the dataset first
    python bench/bench_rdf.py --nquads bench/data/kg-1m.nq --trig bench/data/kg-1m.trig
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402

ENGINES = ("pyoxigraph", "pyoxigraph on disk", "rdflib")
FORMATS = ("trig", "nquads")


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def child(engine: str, fmt: str, path: Path, workdir: Path) -> dict:
    out = workdir / f"out-{engine.replace(' ', '-')}.{ 'trig' if fmt == 'trig' else 'nq'}"
    baseline = _peak_mb()
    if engine.startswith("pyoxigraph"):
        from pyoxigraph import RdfFormat, Store

        rdf_format = RdfFormat.TRIG if fmt == "trig" else RdfFormat.N_QUADS
        store = Store(str(workdir / "store")) if engine.endswith("disk") else Store()
        started, cpu = time.perf_counter(), time.process_time()
        store.bulk_load(path=str(path), format=rdf_format)
        load_s, load_cpu = time.perf_counter() - started, time.process_time() - cpu
        quads = len(store)
        load_mb = _peak_mb()
        started = time.perf_counter()
        store.dump(str(out), rdf_format)
        dump_s = time.perf_counter() - started
    else:
        from kgbuild.store import new_dataset

        dataset = new_dataset()
        started, cpu = time.perf_counter(), time.process_time()
        dataset.parse(str(path), format=fmt)
        load_s, load_cpu = time.perf_counter() - started, time.process_time() - cpu
        quads = sum(1 for _ in dataset.quads((None, None, None, None)))
        load_mb = _peak_mb()
        started = time.perf_counter()
        dataset.serialize(destination=str(out), format=fmt)
        dump_s = time.perf_counter() - started
    return {"engine": engine, "format": fmt, "quads": quads, "load_s": round(load_s, 2),
            "load_cpu_s": round(load_cpu, 2),
            "dump_s": round(dump_s, 2), "load_peak_mb": load_mb, "peak_mb": _peak_mb(),
            "baseline_mb": baseline, "file_mb": round(path.stat().st_size / 1e6, 1),
            "out_mb": round(out.stat().st_size / 1e6, 1)}


def run(files: dict[str, Path], engines: list[str]) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="kgbuild-bench-rdf-") as tmp:
        for fmt, path in files.items():
            for engine in engines:
                workdir = Path(tmp) / f"{engine.replace(' ', '-')}-{fmt}"
                workdir.mkdir()
                load_before = _common.load_average()
                done = subprocess.run([sys.executable, __file__, "--child", engine, fmt, str(path),
                                       str(workdir)], env=_common.child_env(), capture_output=True, text=True)
                if done.returncode != 0:
                    sys.stderr.write(done.stderr)
                    raise SystemExit(f"bench_rdf: {engine} {fmt} failed")
                row = {**json.loads(done.stdout), "load_avg_before": load_before}
                print(f"  {engine} {fmt}: load {row['load_s']} s, dump {row['dump_s']} s", file=sys.stderr)
                rows.append(row)
    counts = {row["quads"] for row in rows}
    if len(counts) != 1:
        raise SystemExit(f"bench_rdf: engines disagree on the number of quads: {sorted(counts)}")
    return rows


def ratios(rows: list[dict]) -> list[dict]:
    """rdflib's time and memory over pyoxigraph's (in memory), format by format."""
    out = []
    for fmt in FORMATS:
        by_engine = {r["engine"]: r for r in rows if r["format"] == fmt}
        ox, rl = by_engine.get("pyoxigraph"), by_engine.get("rdflib")
        if not ox or not rl:
            continue
        out.append({"format": fmt, "quads": ox["quads"],
                    "load rdflib/pyoxigraph": round(rl["load_s"] / max(ox["load_s"], 1e-3), 1),
                    "dump rdflib/pyoxigraph": round(rl["dump_s"] / max(ox["dump_s"], 1e-3), 1),
                    "peak memory rdflib/pyoxigraph": round(rl["peak_mb"] / max(ox["peak_mb"], 1), 1)})
    return out


COLUMNS = ["engine", "format", "quads", "file_mb", "load_s", "load_cpu_s", "dump_s", "load_peak_mb", "peak_mb", "load_avg_before"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Load and write TriG / N-Quads: pyoxigraph vs rdflib.")
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the generated dataset")
    parser.add_argument("--nquads", type=Path, help="use this N-Quads file instead of generating one")
    parser.add_argument("--trig", type=Path, help="use this TriG file instead of generating one")
    parser.add_argument("--engines", default=",".join(ENGINES), help=f"comma-separated: {', '.join(ENGINES)}")
    parser.add_argument("--record", action="store_true", help="append the figures to bench/results/rdf.jsonl")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        engine, fmt, path, workdir = args.child
        print(json.dumps(child(engine, fmt, Path(path), Path(workdir))))
        return 0
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    if any(e not in ENGINES for e in engines):
        parser.error(f"engines are {', '.join(ENGINES)}")
    with tempfile.TemporaryDirectory(prefix="kgbuild-bench-data-") as tmp:
        nquads, trig = args.nquads, args.trig
        if nquads is None:
            from rdf_dataset import write_dataset

            nquads = Path(tmp) / "kg.nq"
            write_dataset(nquads, args.triples)
        if trig is None:
            from rdf_dataset import to_trig

            trig = Path(tmp) / "kg.trig"
            to_trig(nquads, trig)
        rows = run({"trig": trig, "nquads": nquads}, engines)
    print(_common.table(rows, COLUMNS))
    print()
    print(_common.table(ratios(rows)))
    if args.record:
        path = _common.record("rdf", rows + [{"ratio": r} for r in ratios(rows)],
                              {"triples": args.triples, "nquads": str(args.nquads or "generated")})
        print(f"recorded in {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Query latency of the library: the embedded store (pyoxigraph on disk) against rdflib, same run.

The dataset repeats the test fixture (tests/fixtures/queries/sample.trig: two sources about one
escape, with persons, kin, incidents, commemorations and conflicting claims) as many times as
needed, each copy with its own IRIs but sharing places and institutions, so `kgb:locatedIn+`
and the network queries cross copies as in a real corpus, and the shared places are hubs with
thousands of statements, as a much-cited colony is. Every label and date is repeated in every
copy: the worst case for sorting. `--data generated` measures the same queries on a dataset with
varied names, dates and texts instead (`bench/rdf_dataset.py --history`: about 330 statements
per source, persons shared between sources); report both.

    python bench/bench_query.py --triples 1000000 --record      # store x5 runs, rdflib once
    python bench/bench_query.py --triples 1000000 --data generated
    python bench/bench_query.py --triples 1000000 --memory      # also pyoxigraph in memory
    python bench/bench_query.py --smoke

Every library query (and the bindable ones once bound) runs `--runs` times on the store (the
RocksDB store `kgbuild build --store` writes and `kgbuild serve` reads), giving the median and
p95 of wall time and the median CPU time (all threads of this process); rdflib (and the
in-memory store) run once in a forked child killed at `--timeout`, shown as "> N s". The
row counts of the engines must agree. The load average before each query is printed: the
machine may be shared.

The store is written without views, then its views (`kgbuild.views`: the library's listings
answered unbound, stored in the store directory) are added, timed apart: that is what views add
to `kgbuild build --store`. Each unbound listing then also runs `--runs` times from its view:
"view" is the stored answer turned into an `Answer` of rdflib terms (what `kgbuild query`
shows as a table), "view bytes" the stored SPARQL JSON read as bytes (what `kgbuild serve` and
`--format json/csv/tsv` send). The rows of the view must equal the live rows, in order.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import multiprocessing
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import _common  # noqa: E402
from kgbuild.query import OxigraphEngine, RdflibEngine, library, library_query, parse_binding  # noqa: E402
from kgbuild.store import load_dataset, load_oxigraph, open_store, write_store  # noqa: E402
from kgbuild.views import VIEWS_DIR, Views, refresh_views  # noqa: E402

SAMPLE = ROOT / "tests" / "fixtures" / "queries" / "sample.trig"
SHARED_KINDS = ("place", "institution")  # the same real places and institutions in every copy
BINDINGS = {
    "participants": "incident=<https://w3id.org/kgbuild/id/incident/seizure-1997-7>",
    "person-network": "name=Серик Омаров 7@ru",
    "source": "source=<https://w3id.org/kgbuild/id/source/b-7>",
}


def synthetic_nquads(triples: int) -> tuple[str, int]:
    """N-Quads text with about `triples` quads; returns (text, copies)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(SAMPLE), format=ox.RdfFormat.TRIG)
    template = ox.serialize(store, format=ox.RdfFormat.N_QUADS).decode("utf-8")
    per_copy = len(template.splitlines())
    copies = max(1, -(-triples // per_copy))
    iri = re.compile(r"<https://w3id\.org/kgbuild/id/([a-z]+)/([^>]+)>")
    label = re.compile(r'"(Серик Омаров|Айгуль Омарова|Кайкен Омаров)"@ru')
    parts = []
    for n in range(copies):
        copy = iri.sub(lambda m: m.group(0) if m.group(1) in SHARED_KINDS
                       else f"<https://w3id.org/kgbuild/id/{m.group(1)}/{m.group(2)}-{n}>", template)
        parts.append(label.sub(lambda m: f'"{m.group(1)} {n}"@ru', copy))
    return "".join(parts), copies


def bound_values(engine, data: str) -> dict:
    """The value each bindable query is run with: one incident, one person's name, one source."""
    if data == "fixture":
        return {name: parse_binding(spec) for name, spec in BINDINGS.items()}
    picks = {"participants": ("incident", "SELECT ?x WHERE { ?x kgb:participation ?p } ORDER BY ?x LIMIT 1"),
             "person-network": ("name", "SELECT ?x WHERE { ?p a kgb:Person ; rdfs:label ?x } ORDER BY ?x LIMIT 1"),
             "source": ("source", "SELECT ?x WHERE { ?x a kgb:Source } ORDER BY ?x LIMIT 1")}
    return {name: (variable, engine.run(query).rows[0][0]) for name, (variable, query) in picks.items()}


def measure(engine, text: str, bindings: dict) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process, rows) of one run."""
    cpu, started = time.process_time(), time.perf_counter()
    rows = len(engine.run(text, bindings=bindings).rows)
    return time.perf_counter() - started, time.process_time() - cpu, rows


class ViewBytes:
    """Reads a listing's stored SPARQL JSON, as the server sends it (rows: the view's count)."""

    def __init__(self, views: Views):
        self.views = views

    def run(self, text: str, bindings=None):
        view = self.views.find(text)
        data, _ = view.serialized("json")
        assert data.endswith(b"]}}")
        return type("Sent", (), {"rows": range(view.rows)})()


def timed(func):
    """(result, wall seconds, CPU seconds) of func()."""
    cpu, started = time.process_time(), time.perf_counter()
    result = func()
    return result, time.perf_counter() - started, time.process_time() - cpu


def disk(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def in_child(engine, text: str, bindings: dict, timeout: float, cpu_limit: bool = False):
    """measure() in a forked child killed at the timeout (a query left running in a thread would
    slow every later measurement); None on timeout. With `cpu_limit` the timeout counts the
    child's CPU seconds (on a loaded machine a wall-clock timeout cuts rdflib off early);
    the wall clock then waits up to ten times longer.

    For the in-memory pyoxigraph store this is pessimistic: its reads update reference counts
    in pages the child shares copy-on-write, so the child also pays for copying them.
    """
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child():
        if cpu_limit:
            import resource

            limit = max(1, int(timeout))
            resource.setrlimit(resource.RLIMIT_CPU, (limit, limit))
        send.send(measure(engine, text, bindings))

    process = context.Process(target=child)
    process.start()
    send.close()
    try:
        return receive.recv() if receive.poll(timeout * (10 if cpu_limit else 1)) else None
    except EOFError:  # killed by the CPU limit
        return None
    finally:
        process.kill()
        process.join()


def store_runs(engine, text: str, bindings: dict, runs: int, budget: float) -> list[tuple]:
    """Up to `runs` measurements on the store, fewer when one run alone takes most of `budget`."""
    results = [measure(engine, text, bindings)]
    while len(results) < runs and sum(r[0] for r in results) + results[0][0] <= budget:
        results.append(measure(engine, text, bindings))
    return results


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _seconds(value: float | None, timeout: float) -> str:
    return f"> {timeout:g}" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5, help="runs per query on the store (default 5)")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="seconds of repeated runs per query on the store (at least one run)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per query on rdflib and in memory")
    parser.add_argument("--cpu-timeout", action="store_true",
                        help="--timeout counts CPU seconds of the child, not wall-clock seconds")
    parser.add_argument("--no-rdflib", action="store_true", help="the store only")
    parser.add_argument("--memory", action="store_true", help="also pyoxigraph in memory (load_oxigraph)")
    parser.add_argument("--data", choices=["fixture", "generated"], default="fixture",
                        help="fixture: the query fixture copied (default); generated: bench/rdf_dataset.py --history")
    parser.add_argument("--nquads", type=Path, help="reuse this synthetic N-Quads file instead of writing one")
    parser.add_argument("--store", type=Path, help="reuse this store (written from --nquads) instead of writing one")
    parser.add_argument("--queries", nargs="+", help="only these library queries")
    parser.add_argument("--smoke", action="store_true", help="20 000 triples, 2 runs, 20 s timeout")
    parser.add_argument("--record", action="store_true", help="append the figures to bench/results/query.jsonl")
    args = parser.parse_args(argv)
    if args.smoke:
        args.triples, args.runs, args.timeout = 20_000, 2, 20.0

    folder = tempfile.mkdtemp(prefix="kgbuild-bench-")
    atexit.register(shutil.rmtree, folder, True)
    if args.nquads:
        path = args.nquads
    elif args.data == "generated":
        from rdf_dataset import write_dataset

        path = Path(folder) / "generated.nq"
        write_dataset(path, args.triples, history=True)
    else:
        text, _ = synthetic_nquads(args.triples)
        path = Path(folder) / "synthetic.nq"
        path.write_text(text, encoding="utf-8")
        del text
    quads = sum(1 for _ in path.open(encoding="utf-8"))
    sources = len({line.rsplit(" ", 2)[-2] for line in path.open(encoding="utf-8")})
    copies = sources // 2 if args.data == "fixture" else None
    print(f"dataset: {quads} quads in {sources} sources"
          + (f" ({copies} copies of the fixture)" if copies else " (generated)"), flush=True)
    store_dir, writing = args.store, {}
    if store_dir is None:
        store_dir, wall, cpu = timed(lambda: write_store(path, Path(folder) / "kg.store", views=False))
        writing.update({"store write s": round(wall, 2), "store write CPU s": round(cpu, 2)})
        print(f"store written without views: {wall:.2f} s, CPU {cpu:.2f} s (RocksDB on disk, "
              f"{disk(store_dir / 'oxigraph') / 1e6:.1f} MB)", flush=True)
    views = Views.open(store_dir)
    if views is None:
        manifest, wall, cpu = timed(lambda: refresh_views(store_dir))
        views = Views.open(store_dir)
        writing.update({"views write s": round(wall, 2), "views write CPU s": round(cpu, 2),
                        "views seconds": {n: [e["seconds"], e["cpu seconds"]] for n, e in manifest["views"].items()}})
        per_view = ", ".join(f"{n} {e['seconds']:.2f}/{e['cpu seconds']:.2f}" for n, e in manifest["views"].items())
        print(f"views written: {wall:.2f} s, CPU {cpu:.2f} s, {disk(store_dir / VIEWS_DIR) / 1e6:.1f} MB "
              f"for {len(manifest['views'])} views (wall/CPU s: {per_view})", flush=True)
    store = OxigraphEngine(open_store(store_dir))
    viewed = {"view": OxigraphEngine(open_store(store_dir), views), "view bytes": ViewBytes(views)}
    others = {}
    if args.memory:
        started = time.perf_counter()
        others["memory"] = OxigraphEngine(load_oxigraph(path))
        print(f"load in memory: {time.perf_counter() - started:.2f} s", flush=True)
    if not args.no_rdflib:
        started = time.perf_counter()
        others["rdflib"] = RdflibEngine(load_dataset(path))
        print(f"load rdflib: {time.perf_counter() - started:.2f} s", flush=True)
    gc.collect()
    bound = bound_values(store, args.data)

    columns = ["query", "store median s", "store p95 s", "store CPU s", "runs"]
    columns += [c for name in viewed for c in (f"{name} median s", f"{name} CPU s")]
    for name in others:
        columns += [f"{name} s", f"{name} CPU s", f"{name} / store"]  # ratio of CPU times
    columns += ["rows", "load"]
    rows = []
    for name in library():
        if args.queries and name not in args.queries:
            continue
        for with_value in (False, True):
            if with_value and name not in bound:
                continue
            bindings = dict([bound[name]]) if with_value else {}
            query = library_query(name)
            load = os.getloadavg()[0]
            runs = store_runs(store, query, bindings, args.runs, args.budget)
            median = statistics.median(r[0] for r in runs)
            row = {"query": f"{name} (bound)" if with_value else name, "store median s": round(median, 4),
                   "store p95 s": round(p95([r[0] for r in runs]), 4),
                   "store CPU s": round(statistics.median(r[1] for r in runs), 4), "runs": len(runs)}
            counts, differs = {runs[0][2]}, False
            for view_name, engine in viewed.items():
                if with_value or views.find(query) is None:
                    row[f"{view_name} median s"] = row[f"{view_name} CPU s"] = "—"
                    continue
                if view_name == "view" and engine.run(query).rows != store.run(query).rows:
                    differs = True
                view_runs = store_runs(engine, query, bindings, args.runs, args.budget)
                row[f"{view_name} median s"] = round(statistics.median(r[0] for r in view_runs), 4)
                row[f"{view_name} CPU s"] = round(statistics.median(r[1] for r in view_runs), 4)
            for engine_name, engine in others.items():
                result = in_child(engine, query, bindings, args.timeout, args.cpu_timeout)
                row[f"{engine_name} s"] = _seconds(result and result[0], args.timeout)
                row[f"{engine_name} CPU s"] = None if result is None else round(result[1], 3)
                # the ratio of CPU times: wall times depend on what else the machine runs
                cpu = statistics.median(r[1] for r in runs) or 1e-3
                row[f"{engine_name} / store"] = ((f"> {args.timeout / cpu:.0f}" if args.cpu_timeout else f"> {args.timeout / median:.0f} (wall)") if result is None
                                                 else round(result[1] / cpu, 1))
                if result is not None:
                    counts.add(result[2])
            row["rows"] = "/".join(map(str, sorted(counts))) + ("  ENGINES DISAGREE" if len(counts) > 1 else "") \
                + ("  VIEW DIFFERS FROM LIVE" if differs else "")
            row["load"] = round(load, 1)
            rows.append(row)
            print(" | ".join(f"{c}={row[c]}" for c in columns), flush=True)
    print()
    def shown(column, value):
        if isinstance(value, float) and column.endswith(" s"):
            return f"{value:.4f}" if value < 0.01 else f"{value:.3f}"
        return value

    print(_common.table([{c: shown(c, v) for c, v in row.items()} for row in rows], columns))
    if args.record:
        settings = {"triples": args.triples, "quads": quads, "data": args.data, "sources": sources, "copies": copies, "runs": args.runs,
                    "store MB": round(disk(store_dir / "oxigraph") / 1e6, 1),
                    "views MB": round(disk(store_dir / VIEWS_DIR) / 1e6, 1), **writing,
                    "timeout": args.timeout, "cpu_timeout": args.cpu_timeout, "engines": ["store", *others]}
        print(f"recorded in {_common.record('query', rows, settings)}")


if __name__ == "__main__":
    main()

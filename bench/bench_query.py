"""Query latency of the library on rdflib and on pyoxigraph, over a synthetic dataset.

The dataset repeats the test fixture (tests/fixtures/queries/sample.trig: two sources about one
escape, with persons, kin, incidents, commemorations and conflicting claims) as many times as
needed, each copy with its own IRIs but sharing places and institutions, so `kgb:locatedIn+`
and the network queries cross copies as in a real corpus.

    python bench/bench_query.py --triples 100000            # both engines
    python bench/bench_query.py --triples 1000000 --only oxigraph

Prints one line per query: seconds on each engine and the row count (which must agree).
"""

from __future__ import annotations

import argparse
import atexit
import gc
import multiprocessing
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kgbuild.query import (OxigraphEngine, QueryTimeout, RdflibEngine, library, library_query,  # noqa: E402
                           parse_binding)
from kgbuild.store import open_store, write_store  # noqa: E402
from kgbuild.store import load_dataset, load_oxigraph  # noqa: E402

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


def timed(func):
    started = time.perf_counter()
    value = func()
    return time.perf_counter() - started, value


def _store_child(store_dir: str, text: str, bindings: dict, send) -> None:
    engine = OxigraphEngine(open_store(store_dir))
    send.send("ready")
    seconds, answer = timed(lambda: engine.run(text, bindings=bindings))
    send.send((seconds, len(answer.rows)))


def timed_store_query(store_dir: Path, text: str, bindings: dict, timeout: float):
    """(seconds, rows) of one query on the disk store, in a fresh process that opens the store
    read-only (as `kgbuild serve` workers do) and is killed at the timeout; None on timeout."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_store_child, args=(str(store_dir), text, bindings, send))
    process.start()
    send.close()
    try:
        if not receive.poll(120) or receive.recv() != "ready":
            return None
        return receive.recv() if receive.poll(timeout) else None
    finally:
        process.kill()
        process.join()


def timed_query(engine, text: str, bindings: dict, timeout: float):
    """(seconds, rows) of one query; None on timeout.

    rdflib runs in a forked child killed at the timeout (a query left running in a thread would
    slow every later measurement). pyoxigraph runs here: in a forked child its reads would
    touch reference counts in pages shared copy-on-write and measure page copying instead.
    """
    if isinstance(engine, Path):
        return timed_store_query(engine, text, bindings, timeout)
    if not isinstance(engine, RdflibEngine):
        try:
            seconds, answer = timed(lambda: engine.run(text, bindings=bindings, timeout=timeout))
        except QueryTimeout:
            return None
        return seconds, len(answer.rows)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child():
        seconds, answer = timed(lambda: engine.run(text, bindings=bindings))
        send.send((seconds, len(answer.rows)))

    process = context.Process(target=child)
    process.start()
    send.close()
    try:
        if receive.poll(timeout):
            return receive.recv()
        return None
    finally:
        process.kill()
        process.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--only", choices=["rdflib", "oxigraph", "store"],
                        help="one engine (oxigraph: in memory and on disk; store: on disk only)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per query and engine")
    args = parser.parse_args()

    text, copies = synthetic_nquads(args.triples)
    folder = tempfile.mkdtemp(prefix="kgbuild-bench-")
    atexit.register(shutil.rmtree, folder, True)
    path = Path(folder) / "synthetic.nq"
    path.write_text(text, encoding="utf-8")
    del text
    quads = sum(1 for _ in path.open(encoding="utf-8"))
    print(f"dataset: {quads} quads in {copies} copies of the fixture ({copies * 2} sources)")
    engines = {}
    if args.only in (None, "oxigraph"):
        seconds, store = timed(lambda: load_oxigraph(path))
        print(f"load: pyoxigraph {seconds:.2f} s (in memory, union default graph included)")
        engines["pyoxigraph"] = OxigraphEngine(store)
    if args.only in (None, "oxigraph", "store"):
        seconds, store_dir = timed(lambda: write_store(path, Path(folder) / "kg.store"))
        print(f"write store: {seconds:.2f} s (RocksDB on disk; what `kgbuild serve` workers read)")
        engines["store"] = store_dir
    if args.only in (None, "rdflib"):
        seconds, dataset = timed(lambda: load_dataset(path))
        print(f"load: rdflib     {seconds:.2f} s")
        engines["rdflib"] = RdflibEngine(dataset)
    gc.collect()

    names = list(engines)
    print(f"{'query':28}" + "".join(f"{n:>14}" for n in names) + "      rows")
    for name in library():
        for bound in (False, True):
            if bound and name not in BINDINGS:
                continue
            bindings = dict([parse_binding(BINDINGS[name])]) if bound else {}
            label = f"{name} (bound)" if bound else name
            cells, counts = [], set()
            for engine_name in names:
                result = timed_query(engines[engine_name], library_query(name), bindings, args.timeout)
                if result is None:
                    cells.append(f"{'>' + format(args.timeout, 'g'):>12} s")
                else:
                    cells.append(f"{result[0]:12.3f} s")
                    counts.add(result[1])
            agreement = "" if len(counts) <= 1 else "  ENGINES DISAGREE"
            print(f"{label:28}" + "".join(cells) + f"  {'/'.join(map(str, sorted(counts))):>8}{agreement}")


if __name__ == "__main__":
    main()

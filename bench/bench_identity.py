"""Cross-document identity alone: how long `Resolver.resolve` takes on N documents' cached facts.

Reads the facts a build cached (`kgbuild build --cache DIR` writes DIR/facts/*/*.json), resolves
the first N of them (by file name) and prints the CPU time of the resolution, the peak RSS of the
process, the number of resolved IRIs that hold more than one document's entity, and a digest of
the whole result (every node's IRI and every decision), so that two commits can be shown to
decide the same on the same input.

    python bench/bench_identity.py --facts-dir /tmp/bc10k/facts --count 1000
    python bench/bench_identity.py --facts-dir /tmp/bc10k/facts --count 3000 --profile 15
    python bench/bench_identity.py --facts-dir /tmp/bc10k/facts --count 10000 --record

Times are CPU seconds (`time.process_time`): the machine is shared, and wall time would say
how long we waited for it rather than what the work cost.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402


def maxrss_mb() -> float:
    """The peak resident memory of this process so far, from the kernel (kilobytes on Linux)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def load(facts_dir: Path, count: int | None) -> list:
    from kgbuild.cache import _decode
    from kgbuild.model import DocumentFacts

    files = sorted(facts_dir.glob("*/*.json"))
    if count is not None:
        files = files[:count]
    if not files:
        raise SystemExit(f"{facts_dir}: no cached facts (*/*.json) there")
    return [_decode(DocumentFacts, json.loads(f.read_text(encoding="utf-8"))) for f in files]


def digest(result) -> str:
    """A hash of everything the resolution decided: nodes, decisions (with members), warnings."""
    h = hashlib.sha256()
    for (doc, key), iri in sorted(result.nodes.items()):
        h.update(f"N\t{doc}\t{key}\t{iri}\n".encode())
    for d in result.decisions:
        members = "|".join(f"{x.doc_id},{x.key},{x.label},{x.details},{len(x.evidence)}" for x in d.members)
        h.update(f"D\t{d.iri}\t{d.kind}\t{d.outcome}\t{d.reason}\t{d.other}\t{members}\n".encode())
    for w in result.warnings:
        h.update(f"W\t{w!r}\n".encode())
    return h.hexdigest()[:16]


def run(facts_dir: Path, count: int | None, profile: int = 0) -> dict:
    from kgbuild.identity import Resolver
    from kgbuild.iris import IRIs

    corpus = load(facts_dir, count)
    before_mb = maxrss_mb()
    profiler = cProfile.Profile() if profile else None
    started = time.process_time()
    if profiler:
        profiler.enable()
    result = Resolver(IRIs()).resolve(corpus)
    if profiler:
        profiler.disable()
    cpu = time.process_time() - started
    shared = {}
    for (doc, _), iri in result.nodes.items():
        shared.setdefault(iri, set()).add(doc)
    row = {"documents": len(corpus), "cpu_s": round(cpu, 2), "maxrss_mb": maxrss_mb(),
           "extra_mb": round(maxrss_mb() - before_mb, 1), "nodes": len(result.nodes),
           "iris": len(shared), "clusters": sum(1 for docs in shared.values() if len(docs) > 1),
           "decisions": len(result.decisions), "digest": digest(result)}
    if profiler:
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(profile)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description="Identity resolution alone: CPU time, memory, digest.")
    parser.add_argument("--facts-dir", type=Path, default=Path("/tmp/bc10k/facts"),
                        help="a build cache's facts/ folder (DIR/facts of `kgbuild build --cache DIR`)")
    parser.add_argument("--count", type=int, action="append",
                        help="resolve the first N documents (repeatable; each in a fresh process)")
    parser.add_argument("--profile", type=int, default=0, metavar="LINES",
                        help="profile with cProfile and print the top LINES functions to stderr")
    parser.add_argument("--record", action="store_true", help="append the figures to bench/results/identity.jsonl")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    counts = args.count or [1000]
    if args.child or len(counts) == 1:
        rows = [run(args.facts_dir, counts[0], args.profile)]
    else:  # one process per size, so that one size's peak memory is not another's
        import subprocess

        rows = []
        for count in counts:
            command = [sys.executable, __file__, "--child", "--facts-dir", str(args.facts_dir),
                       "--count", str(count), "--profile", str(args.profile)]
            out = subprocess.run(command, env=_common.child_env(), check=True, capture_output=True, text=True)
            sys.stderr.write(out.stderr)
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    if args.child:
        print(json.dumps(rows[0]))
        return
    print(_common.table(rows))
    if args.record:
        path = _common.record("identity", rows, {"facts_dir": str(args.facts_dir), "counts": counts})
        print(f"recorded in {path}")


if __name__ == "__main__":
    main()

"""Each benchmark script, run at its smallest size, prints its table (benchmarks themselves are
not part of the test suite: see docs/benchmarks.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"


def run(*args: str, cwd: Path = REPO) -> str:
    done = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_generated_corpus_is_deterministic_sized_and_comes_with_its_facts(tmp_path):
    for name in ("a", "b"):
        run(str(BENCH / "generate.py"), "--count", "5", "--seed", "3", "--out", str(tmp_path / name))
    corpus = (tmp_path / "a" / "corpus.jsonl").read_text(encoding="utf-8")
    assert corpus == (tmp_path / "b" / "corpus.jsonl").read_text(encoding="utf-8")
    articles = [json.loads(line) for line in corpus.splitlines()]
    facts = [json.loads(line) for line in (tmp_path / "a" / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [a["id"] for a in articles] == [f["id"] for f in facts]
    for article, fact in zip(articles, facts):
        assert 4500 <= len(article["text"].encode("utf-8")) <= 7000  # about 5 KB
        for person in fact["persons"]:
            assert person["forms"] and all(form in article["text"] for form in person["forms"])
        assert fact["institutions"][0]["code"] in article["text"]


def test_generated_txt_corpus_is_read_by_kgbuild(tmp_path):
    sys.path.insert(0, str(REPO / "src"))
    from kgbuild.read import read_sources

    run(str(BENCH / "generate.py"), "--count", "3", "--format", "txt", "--out", str(tmp_path))
    documents = list(read_sources([tmp_path / "docs"]))
    assert [d.id for d in documents] == ["synthetic-000001", "synthetic-000002", "synthetic-000003"]
    assert all(d.publisher and d.published for d in documents)


def test_bench_extract_prints_rates_and_checks_the_facts_agree():
    out = run(str(BENCH / "bench_extract.py"), "--count", "4", "--configs", "per-doc 1 thread,batched all cores")
    assert "| config" in out and "docs_per_s" in out
    assert "per-doc 1 thread" in out and "batched all cores" in out
    assert "| NO " not in out  # both ways of running read the same facts


def test_bench_build_prints_time_memory_and_triples():
    out = run(str(BENCH / "bench_build.py"), "--count", "3", "--jobs", "2")
    assert "| via" in out and "triples" in out and "peak_mb" in out
    header, _, row = out.splitlines()[:3]
    cells = dict(zip([c.strip() for c in header.split("|")], [c.strip() for c in row.split("|")]))
    assert cells["documents"] == "3" and int(cells["triples"].replace(",", "")) > 0


def test_bench_rdf_compares_both_engines_on_both_formats():
    out = run(str(BENCH / "bench_rdf.py"), "--triples", "3000")
    for engine in ("pyoxigraph", "pyoxigraph on disk", "rdflib"):
        assert f"| {engine} " in out
    assert "load rdflib/pyoxigraph" in out
    assert "| trig " in out and "| nquads " in out


def test_synthetic_dataset_loads_with_the_quads_it_announces(tmp_path):
    out = json.loads(run(str(BENCH / "rdf_dataset.py"), "--triples", "2000", "--out", str(tmp_path / "kg.nq"),
                         "--trig", str(tmp_path / "kg.trig")))
    from pyoxigraph import RdfFormat, Store

    for path, fmt in ((tmp_path / "kg.nq", RdfFormat.N_QUADS), (tmp_path / "kg.trig", RdfFormat.TRIG)):
        store = Store()
        store.bulk_load(path=str(path), format=fmt)
        assert len(store) == out["quads"] >= 2000


def test_run_all_lists_every_step():
    out = run(str(BENCH / "run_all.py"), "--smoke", "--dry-run")
    for script in ("bench_extract.py", "bench_build.py", "bench_rdf.py"):
        assert script in out

"""A build streams its graphs to the output one source at a time, and writes what the
all-in-memory assembly of the same facts gives; a failed build leaves the earlier output."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Literal, URIRef

from kgbuild import build, extract, read_sources
from kgbuild.curation import Applier, load
from kgbuild.errors import OutputError
from kgbuild.identity import Resolver
from kgbuild.iris import IRIs
from kgbuild.mapping import Mapper
from kgbuild.namespaces import KGB
from kgbuild.provenance import IDENTITY_GRAPH, identity_graph
from kgbuild.store import new_dataset, open_store

from test_incremental import same_dataset, without_build_record

TEXTS = {
    "a": "Капитан Иван Петров служил в колонии ЕС-164/4 в посёлке Горный.",
    "b": "Майор Анна Сидорова приехала в Томск 5 мая 2001 года.",
    "c": "Полковник Олег Смирнов уволился из МВД. Капитан Иван Петров остался в колонии ЕС-164/4.",
    "d": "Сержант Пётр Ильин погиб 5 мая 2001 года в Омске.",
}
CURATION = """\
curator: Айгуль Сапарова
date: 2026-11-25
entries:
  - action: correct
    evidence: {source: c, quote: Олег Смирнов}
    property: kgb:rank
    value: генерал
  - action: reject
    evidence: {source: d, quote: Пётр Ильин}
    property: kgb:rank
  - action: reject
    subject: person/nobody-at-all
"""


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("KGBUILD_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "curation.yaml").write_text(CURATION, encoding="utf-8")
    return folder


def in_memory(folder, curation_path) -> Dataset:
    """The dataset as the build assembled it before it streamed: every graph mapped into one
    dataset, then curated all at once."""
    iris = IRIs()
    corpus = [extract(document) for document in read_sources([folder])]
    identities = Resolver(iris).resolve(corpus)
    dataset = new_dataset()
    nodes: dict[str, dict] = {}
    for (doc_id, key), iri in identities.nodes.items():
        nodes.setdefault(doc_id, {})[key] = iri
    sources = {f.document.id: Mapper(iris).map(f, nodes.get(f.document.id, {}),
                                               into=dataset.graph(iris.source(f.document.id))) for f in corpus}
    identity_graph(iris, identities.decisions, into=dataset.graph(iris.graph(IDENTITY_GRAPH)))
    curated = Applier(load(curation_path, iris), iris, dataset, sources).apply()
    target = dataset.graph(curated.identifier)
    for triple in curated:
        target.add(triple)
    return dataset


def test_the_streamed_dataset_is_the_one_assembled_in_memory(corpus, tmp_path, monkeypatch):
    from kgbuild.build import _Validator

    monkeypatch.setattr(_Validator, "BATCH_TRIPLES", 1)  # a batch per graph: the report merges them
    out = tmp_path / "kg.trig"
    result = build([corpus], out, curation=tmp_path / "curation.yaml")
    assert same_dataset(without_build_record(out), in_memory(corpus, tmp_path / "curation.yaml"))
    assert result.conforms and len(result.report.graphs) == 5  # four sources and the curation
    # curated statements win: the corrected rank stands in the curation graph, not in c's graph
    smirnov = next(result.dataset.subjects(KGB.familyName, Literal("Смирнов")))
    assert set(result.dataset.objects(smirnov, KGB.rank)) == {Literal("генерал")}
    assert [w for w in result.warnings if "nobody-at-all" in w]


def test_two_builds_write_byte_equal_files_bar_the_build_record(corpus, tmp_path):
    first, second = tmp_path / "one.trig", tmp_path / "two.trig"
    build([corpus], first, curation=tmp_path / "curation.yaml")
    build([corpus], second, curation=tmp_path / "curation.yaml")

    def without_record(text: str) -> str:
        head, _, rest = text.partition("\n<https://w3id.org/kgbuild/id/graph/build> {\n")
        return head + rest.partition("}\n")[2]

    one, two = first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")
    assert one != two  # the build record holds the run's times
    assert without_record(one) == without_record(two)
    assert one.count("{\n") == 4 + 3  # four sources, the identity, curation and build graphs


def test_a_build_that_fails_halfway_leaves_the_earlier_output_and_store(corpus, tmp_path, monkeypatch):
    out, store = tmp_path / "out" / "kg.trig", tmp_path / "out" / "kg.store"
    build([corpus], out, store=store)
    before = out.read_bytes()
    (corpus / "e.txt").write_text("Майор Анна Сидорова уехала в Омск.", encoding="utf-8")

    real_map = Mapper.triples
    mapped = []

    def map_then_fail(self, facts, *args, **kwargs):
        mapped.append(facts.document.id)
        if facts.document.id == "e":  # the other sources' graphs are already in the temporary file
            raise OSError(28, "No space left on device")
        return real_map(self, facts, *args, **kwargs)

    monkeypatch.setattr(Mapper, "triples", map_then_fail)
    with pytest.raises(OutputError, match="kg.trig: cannot write: No space left"):
        build([corpus], out, store=store)
    assert out.read_bytes() == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["kg.store", "kg.trig"]  # no temporary leftovers
    names = {str(q.graph_name.value) for q in open_store(store).quads_for_pattern(None, None, None)
             if hasattr(q.graph_name, "value")}
    assert "https://w3id.org/kgbuild/id/source/e" not in names


def test_n_quads_and_the_store_hold_what_the_trig_file_holds(corpus, tmp_path):
    trig, nquads = tmp_path / "kg.trig", tmp_path / "kg.nq"
    build([corpus], trig)
    result = build([corpus], nquads, store=tmp_path / "kg.store")
    assert nquads.read_text(encoding="utf-8").splitlines()[0].endswith(" .")
    assert same_dataset(without_build_record(trig), without_build_record(nquads))
    from_store = build([corpus], store=tmp_path / "only.store").dataset
    for dataset in (from_store, result.dataset):
        dataset.remove_graph(dataset.graph(URIRef("https://w3id.org/kgbuild/id/graph/build")))
        assert same_dataset(dataset, without_build_record(trig))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_build_without_an_output_keeps_its_dataset_in_memory(corpus):
    result = build([corpus])
    assert len(result.dataset.graph(URIRef("https://w3id.org/kgbuild/id/source/a"))) > 0
    assert result.triples == sum(len(g) for g in result.dataset.graphs())


def test_a_rebuild_after_one_source_changed_maps_that_source_only_and_writes_the_same_file(corpus, tmp_path,
                                                                                         monkeypatch):
    out, fresh = tmp_path / "kg.trig", tmp_path / "fresh.trig"
    build([corpus], out)
    (corpus / "e.txt").write_text("Майор Анна Сидорова уехала в Омск.", encoding="utf-8")
    real_map, mapped = Mapper.triples, []

    def counting(self, facts, *args, **kwargs):
        mapped.append(facts.document.id)
        return real_map(self, facts, *args, **kwargs)

    monkeypatch.setattr(Mapper, "triples", counting)
    build([corpus], out)
    assert mapped == ["e"]  # the others' graphs are written as the last build wrote them
    monkeypatch.setattr(Mapper, "triples", real_map)
    build([corpus], fresh, rebuild=True, cache_dir=tmp_path / "empty-cache")

    def without_record(text: str) -> str:
        head, _, rest = text.partition("\n<https://w3id.org/kgbuild/id/graph/build> {\n")
        return head + rest.partition("}\n")[2]

    assert without_record(out.read_text(encoding="utf-8")) == without_record(fresh.read_text(encoding="utf-8"))


def test_the_triples_a_build_streams_answer_look_ups_as_their_graph_does(corpus):
    facts = extract(next(iter(read_sources([corpus / "c.txt"]))))
    triples = Mapper().triples(facts)
    graph = Mapper().map(facts)
    assert set(triples) == set(graph) and len(triples) == len(graph) > 20
    smirnov = next(graph.subjects(KGB.familyName, Literal("Смирнов")))
    assert set(triples.objects(smirnov, None)) == set(graph.objects(smirnov, None))
    assert set(triples.subjects(KGB.familyName, None)) == set(graph.subjects(KGB.familyName, None))
    assert set(triples.triples((None, KGB.quote, None))) == set(graph.triples((None, KGB.quote, None)))
    assert (smirnov, KGB.familyName, None) in triples and (smirnov, KGB.title, None) not in triples
    assert triples.value(smirnov, KGB.familyName) == Literal("Смирнов")  # the rest: from a Graph
    # the order they were added, whatever the process: a report lists its results in one order
    assert list(triples) == list(Mapper().triples(facts))


def test_a_build_without_validation_is_rebuilt_from_its_render_cache(corpus, tmp_path, monkeypatch):
    first, second = tmp_path / "one.trig", tmp_path / "two.trig"
    build([corpus], first, validate=False)
    real_triples, mapped = Mapper.triples, []

    def counting(self, facts, *args, **kwargs):
        mapped.append(facts.document.id)
        return real_triples(self, facts, *args, **kwargs)

    monkeypatch.setattr(Mapper, "triples", counting)
    build([corpus], second, validate=False)
    assert mapped == []  # every source as the first build wrote it

    def without_record(text: str) -> str:
        head, _, rest = text.partition("\n<https://w3id.org/kgbuild/id/graph/build> {\n")
        return head + rest.partition("}\n")[2]

    assert without_record(first.read_text(encoding="utf-8")) == without_record(second.read_text(encoding="utf-8"))

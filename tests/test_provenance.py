"""Run provenance: every dataset says which build made it, from which sources, with which extractor."""

from __future__ import annotations

import hashlib

import pytest

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from kgbuild import __version__, build, load_dataset, select
from kgbuild.build import extractor_id
from kgbuild.namespaces import KGB
from kgbuild.provenance import META

ID = "https://w3id.org/kgbuild/id/"


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KGBUILD_CACHE", str(tmp_path / "user-cache"))


def test_the_build_graph_holds_one_prov_activity_with_times_versions_and_hashed_sources(tmp_path):
    (tmp_path / "a.txt").write_text("Капитан Иван Петров служил в Омске.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Майор Анна Сидорова приехала в Томск.", encoding="utf-8")
    out = tmp_path / "out" / "kg.trig"
    build([tmp_path / "a.txt", tmp_path / "b.txt"], out)
    graph = load_dataset(out).graph(URIRef(ID + "graph/build"))

    runs = list(graph.subjects(RDF.type, PROV.Activity))
    assert len(runs) == 1
    run = runs[0]
    started, ended = graph.value(run, PROV.startedAtTime), graph.value(run, PROV.endedAtTime)
    assert started.datatype == XSD.dateTime and started.toPython() <= ended.toPython()
    agent = graph.value(run, PROV.wasAssociatedWith)
    assert (agent, RDF.type, PROV.SoftwareAgent) in graph
    assert str(graph.value(agent, URIRef("https://schema.org/softwareVersion"))) == __version__
    assert graph.value(run, META.extractorVersion) == Literal(extractor_id()[0])
    assert "persons" in str(graph.value(run, META.extractorStages)).split()
    assert Literal("validate=True") in set(graph.objects(run, META.setting))

    used = set(graph.objects(run, PROV.used))
    assert used == {URIRef(ID + "source/a"), URIRef(ID + "source/b")}
    digest = hashlib.sha256((tmp_path / "a.txt").read_bytes()).hexdigest()
    assert graph.value(URIRef(ID + "source/a"), KGB.sha256) == Literal(digest)


def test_the_provenance_answers_a_sparql_question_about_the_run(tmp_path):
    (tmp_path / "a.txt").write_text("Капитан Иван Петров служил в Омске.", encoding="utf-8")
    out = tmp_path / "kg.trig"
    build([tmp_path / "a.txt"], out)
    build([tmp_path / "a.txt"], out)  # the second run reuses the cache, and says so
    rows = select(load_dataset(out), """
        PREFIX meta: <https://w3id.org/kgbuild/meta#>
        SELECT ?source ?sha ?extracted ?cached WHERE {
          ?run a prov:Activity ; prov:used ?source ; meta:documentsExtracted ?extracted ;
               meta:documentsFromCache ?cached . ?source kgb:sha256 ?sha }""").rows
    assert [r[2:] for r in rows] == [["0", "1"]]

"""Incremental builds: a changed source is extracted again, an unchanged one comes from the cache."""

from __future__ import annotations

import json
import sys

import pytest

from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kgbuild import build, load_dataset
from kgbuild.cli import main
from kgbuild.namespaces import KGB

ID = "https://w3id.org/kgbuild/id/"
TEXTS = {
    "a": "Капитан Иван Петров служил в колонии ЕС-164/4 в посёлке Горный.",
    "b": "Майор Анна Сидорова приехала в Томск 5 мая 2001 года.",
    "c": "Полковник Олег Смирнов уволился из МВД.",
}


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Each test starts from an empty cache of its own (the default is the user's cache)."""
    monkeypatch.setenv("KGBUILD_CACHE", str(tmp_path / "user-cache"))
    return tmp_path / "user-cache"


def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def without_build_record(path) -> Dataset:
    """The dataset minus the build's PROV record, which holds the run's own times."""
    ds = load_dataset(path)
    ds.remove_graph(ds.graph(URIRef(ID + "graph/build")))
    return ds


def test_only_the_changed_source_is_extracted_again(tmp_path):
    folder = corpus(tmp_path)
    out = tmp_path / "out" / "kg.trig"
    first = build([folder], out)
    assert sorted(first.extracted) == ["a", "b", "c"] and first.from_cache == []
    assert [p.name for p in out.parent.iterdir()] == ["kg.trig"]  # the output folder holds outputs only
    assert list((tmp_path / "user-cache" / "facts").glob("*/*.json"))

    (folder / "b.txt").write_text(TEXTS["b"] + " Она вернулась в Омск.", encoding="utf-8")
    second = build([folder], out)
    assert second.extracted == ["b"]
    assert sorted(second.from_cache) == ["a", "c"]
    text = str(load_dataset(out).value(URIRef(ID + "source/b"), KGB.text))
    assert "Она вернулась в Омск." in text


def test_two_builds_of_the_same_inputs_are_isomorphic_from_cache_or_not(tmp_path):
    folder = corpus(tmp_path)
    build([folder], tmp_path / "one.trig", cache_dir=tmp_path / "cache")
    build([folder], tmp_path / "two.trig", cache_dir=tmp_path / "cache")  # every source from the cache
    build([folder], tmp_path / "three.trig", cache_dir=tmp_path / "other-cache")  # extracted afresh
    one, two, three = (without_build_record(tmp_path / f"{n}.trig") for n in ("one", "two", "three"))
    assert same_dataset(one, two) and same_dataset(one, three)
    build([folder], tmp_path / "four.trig", cache_dir=tmp_path / "cache", base_iri="https://example.org/kg/")
    assert not same_dataset(one, without_build_record(tmp_path / "four.trig"))


def same_dataset(a: Dataset, b: Dataset) -> bool:
    """The same named graphs, each isomorphic (rdflib.compare works graph by graph)."""
    def graphs(ds):
        return {g.identifier: g for g in ds.graphs() if len(g)}
    ga, gb = graphs(a), graphs(b)
    return ga.keys() == gb.keys() and all(isomorphic(_plain(ga[n]), _plain(gb[n])) for n in ga)


def _plain(graph) -> Graph:
    plain = Graph()
    for triple in graph:
        plain.add(triple)
    return plain


def test_removing_a_source_removes_its_graph(tmp_path):
    folder = corpus(tmp_path)
    out = tmp_path / "kg.trig"
    build([folder], out)
    (folder / "c.txt").unlink()
    result = build([folder], out)
    assert result.extracted == []
    graphs = {str(g.identifier) for g in load_dataset(out).graphs() if len(g)}
    assert ID + "source/c" not in graphs and ID + "source/a" in graphs
    assert not any(str(o) == "Олег Смирнов" for o in load_dataset(out).objects())


def test_rebuild_ignores_the_cache_and_a_new_extractor_version_invalidates_it(tmp_path, monkeypatch):
    folder = corpus(tmp_path)
    out = tmp_path / "kg.trig"
    build([folder], out)
    assert sorted(build([folder], out, rebuild=True).extracted) == ["a", "b", "c"]
    monkeypatch.setattr(sys.modules["kgbuild.extract.pipeline"], "EXTRACTOR_VERSION", "99.0")
    assert sorted(build([folder], out).extracted) == ["a", "b", "c"]


def test_a_damaged_cache_entry_is_extracted_again(tmp_path):
    folder = corpus(tmp_path)
    out = tmp_path / "kg.trig"
    build([folder], out)
    for entry in (tmp_path / "user-cache" / "facts").glob("*/*.json"):
        if json.loads(entry.read_text(encoding="utf-8"))["document"]["id"] == "a":
            entry.write_text('{"document": {"id"', encoding="utf-8")
    assert build([folder], out).extracted == ["a"]


def test_cli_build_says_what_came_from_the_cache(tmp_path):
    folder = corpus(tmp_path)
    out = tmp_path / "kg.trig"
    runner = CliRunner()
    first = runner.invoke(main, ["build", str(folder), "--out", str(out), "--cache", str(tmp_path / "c")])
    assert first.exit_code == 0, first.output
    assert "(3 extracted, 0 from cache)" in first.output
    again = runner.invoke(main, ["build", str(folder), "--out", str(out), "--cache", str(tmp_path / "c")])
    assert "(0 extracted, 3 from cache)" in again.output
    rebuilt = runner.invoke(main, ["build", str(folder), "--out", str(out), "--cache", str(tmp_path / "c"),
                                   "--rebuild"])
    assert "(3 extracted, 0 from cache)" in rebuilt.output


def test_the_written_trig_reads_back_as_the_dataset_built(tmp_path):
    (tmp_path / "q.txt").write_text('Он сказал: «Капитан Иван Петров\tслужил\\там» — и "ушёл".\r\nКонец.',
                                    encoding="utf-8")
    result = build([tmp_path / "q.txt"], tmp_path / "kg.trig")
    assert same_dataset(result.dataset, load_dataset(tmp_path / "kg.trig"))
    assert "kgb:Person" in (tmp_path / "kg.trig").read_text(encoding="utf-8")  # prefixed, readable


def test_a_cache_that_cannot_be_written_is_a_warning_and_the_build_goes_on(tmp_path):
    folder = corpus(tmp_path)
    (tmp_path / "not-a-folder").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "kg.trig"),
                                       "--cache", str(tmp_path / "not-a-folder" / "cache"), "-q"])
    assert result.exit_code == 0, result.output
    assert "kgbuild: warning: cache not written" in result.output
    assert len(load_dataset(tmp_path / "kg.trig").graph(URIRef(ID + "source/a"))) > 0


def test_graphs_that_passed_validation_unchanged_are_not_validated_again(tmp_path, monkeypatch):
    import kgbuild.validate
    from dataclasses import dataclass, field

    @dataclass
    class Violation:
        graph: str

    @dataclass
    class Report:
        violations: list = field(default_factory=list)

        @property
        def conforms(self):
            return not self.violations

    seen: list[list[str]] = []

    def fake_validate_graphs(graphs):
        names = sorted(name for name, _ in graphs if "/source/" in name)
        seen.append([n.rsplit("/", 1)[-1] for n in names])
        return Report([Violation(n) for n in names if n.endswith("/b")])  # b breaks a shape

    monkeypatch.setattr(kgbuild.validate, "validate_graphs", fake_validate_graphs)
    folder = corpus(tmp_path)
    first = build([folder], tmp_path / "kg.trig")
    assert not first.conforms and seen == [["a", "b", "c"]]
    build([folder], tmp_path / "kg.trig")
    assert seen[1] == ["b"]  # a and c passed before and did not change; b's violation is reported again
    (folder / "c.txt").write_text(TEXTS["c"] + " Он вернулся.", encoding="utf-8")
    build([folder], tmp_path / "kg.trig")
    assert seen[2] == ["b", "c"]

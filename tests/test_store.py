"""The embedded store: a pyoxigraph directory written atomically, read like the TriG it came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgbuild.errors import InputError, OutputError
from kgbuild.query import OxigraphEngine, RdflibEngine
from kgbuild.store import (dataset_from_store, is_store_dir, load_dataset, load_oxigraph, open_store,
                           write_store)

SAMPLE = Path(__file__).parent / "fixtures" / "queries" / "sample.trig"
COUNT_TYPES = "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?class }"


def test_a_store_written_from_trig_answers_like_the_trig_file(tmp_path):
    store_dir = write_store(SAMPLE, tmp_path / "kg.store")
    assert is_store_dir(store_dir)
    from_store = OxigraphEngine(open_store(store_dir)).run(COUNT_TYPES)
    from_trig = RdflibEngine(load_dataset(SAMPLE)).run(COUNT_TYPES)
    assert from_store.canonical() == from_trig.canonical()


def test_a_store_written_from_an_rdflib_dataset_keeps_every_named_graph(tmp_path):
    dataset = load_dataset(SAMPLE)
    store_dir = write_store(dataset, tmp_path / "kg.store")
    back = dataset_from_store(open_store(store_dir))
    names = lambda ds: sorted(str(g.identifier) for g in ds.graphs() if len(g))  # noqa: E731
    assert names(back) == names(dataset)
    assert len(back.graph(next(g.identifier for g in dataset.graphs() if len(g)))) > 0


def test_the_union_counts_a_statement_made_by_two_sources_once_as_rdflib_does():
    # Serik Omarov is a kgb:Person in both sources: one statement in the merged picture.
    query = ("SELECT (COUNT(*) AS ?n) WHERE { <https://w3id.org/kgbuild/id/person/serik-omarov> a ?c }")
    oxigraph = OxigraphEngine(load_oxigraph(SAMPLE)).run(query)
    rdflib_ = RdflibEngine(load_dataset(SAMPLE)).run(query)
    assert oxigraph.canonical() == rdflib_.canonical()
    assert str(oxigraph.rows[0][0]) == "1"


def test_rewriting_a_store_replaces_it_and_leaves_no_temporary_folders(tmp_path):
    target = tmp_path / "kg.store"
    write_store(SAMPLE, target)
    write_store(SAMPLE, target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg.store"]
    assert len(open_store(target)) > 0


def test_a_broken_trig_file_leaves_the_previous_store_in_place(tmp_path):
    target = write_store(SAMPLE, tmp_path / "kg.store")
    broken = tmp_path / "broken.trig"
    broken.write_text("<a> <b> {", encoding="utf-8")
    with pytest.raises(InputError, match="broken.trig"):
        write_store(broken, target)
    assert len(open_store(target)) > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.trig", "kg.store"]


def test_a_folder_that_is_not_a_store_is_neither_opened_nor_overwritten(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="not a kgbuild store"):
        open_store(folder)
    with pytest.raises(OutputError, match="not a kgbuild store"):
        write_store(SAMPLE, folder)
    assert (folder / "keep.txt").read_text(encoding="utf-8") == "mine"

"""The whole path, thin but real: text in, a validated dataset out, a SPARQL answer back."""

from __future__ import annotations

import json

from click.testing import CliRunner
from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from kgbuild import build, load_dataset, select
from kgbuild.cli import main
from kgbuild.namespaces import KGB

PERSONS = """
SELECT ?p ?label WHERE { ?p a kgb:Person ; rdfs:label ?label }
"""


def test_seed_names_omarov_and_kaiken_in_the_nominative(seed_build):
    labels = {row[1] for row in select(seed_build.dataset, PERSONS).rows}
    assert {"Серик Омаров", "Кайкен"} <= labels


def test_chrome_words_are_not_persons_or_institutions(seed_build):
    rows = select(seed_build.dataset, """
        SELECT ?label WHERE { ?x rdfs:label ?label . { ?x a kgb:Person } UNION { ?x a kgb:Institution } }
    """).rows
    labels = {r[0] for r in rows}
    for chrome in ("Главная", "Комментарии", "Ctrl+Enter", "У", "Последние новости"):
        assert not any(chrome == label or (len(chrome) > 2 and chrome in label) for label in labels), chrome


def test_every_mention_of_omarov_is_evidence_that_slices_the_stored_text(seed_build):
    ds = seed_build.dataset
    omarov = next(p for p, _, _ in ds.triples((None, RDFS.label, Literal("Серик Омаров", lang="ru"))))
    evidence = list(ds.objects(omarov, KGB.evidence))
    assert len(evidence) >= 4  # "Серика Омарова", "Серик Омаров", "капитана Омарова", "Омаров"...
    for ev in evidence:
        source = ds.value(ev, KGB.source)
        text = str(ds.value(source, KGB.text))
        start, end = int(ds.value(ev, KGB.start)), int(ds.value(ev, KGB.end))
        assert text[start:end] == str(ds.value(ev, KGB.quote))
        assert "Омар" in text[start:end]


def test_one_named_graph_per_source(tmp_path):
    (tmp_path / "a.txt").write_text("Капитан Иван Петров служил в Омске.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "b1", "text": "Майор Анна Сидорова приехала в Томск."}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "b2", "text": "Полковник Олег Смирнов уволился."}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    result = build([tmp_path], tmp_path / "out.trig")
    ds = load_dataset(tmp_path / "out.trig")
    identifiers = sorted(str(o) for o in ds.objects(None, KGB.identifier))
    assert identifiers == ["a", "b1", "b2"]
    for graph in ds.graphs():
        if (graph.identifier, RDF.type, KGB.Source) in graph:
            assert graph.value(graph.identifier, KGB.identifier) is not None
    assert result.triples > 0


def test_txt_sidecar_metadata_reaches_the_source(tmp_path):
    (tmp_path / "note.txt").write_text("Сержант Пётр Ильин погиб 5 мая 2001 года.", encoding="utf-8")
    (tmp_path / "note.meta.json").write_text(json.dumps(
        {"id": "note-1", "title": "Заметка", "published": "2001-05-07", "publisher": "Вестник",
         "url": "https://example.org/n1"}, ensure_ascii=False), encoding="utf-8")
    ds = build([tmp_path / "note.txt"]).dataset
    row = select(ds, "SELECT ?id ?t ?p ?d WHERE { ?s a kgb:Source ; kgb:identifier ?id ; kgb:title ?t ;"
                     " kgb:publisher ?p ; kgb:published ?d }").rows
    assert row == [["note-1", "Заметка", "Вестник", "2001-05-07"]]


def test_cli_build_stats_and_query(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Генерал-майор полиции Асхат Нурланович Бекетов посетил Астану.", encoding="utf-8")
    out = tmp_path / "kg.trig"
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()
    result = runner.invoke(main, ["stats", str(out)])
    assert result.exit_code == 0 and "kgb:Person" in result.output
    result = runner.invoke(main, ["query", str(out), PERSONS, "--format", "csv"])
    assert result.exit_code == 0
    assert "Асхат Нурланович Бекетов" in result.output


def test_models_load_once_per_process(tmp_path):
    from kgbuild.extract import nlp

    nlp.models()
    before = nlp.models.cache_info()
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(f"Лейтенант Игорь Волков {i + 1} раз приехал в Омск.",
                                            encoding="utf-8")
    build([tmp_path])
    after = nlp.models.cache_info()
    assert after.currsize == 1 and after.misses == before.misses

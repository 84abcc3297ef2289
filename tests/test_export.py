"""Exports round-trip: what a historian exports can be read back as the same graph or network."""

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kgbuild import export as export_module
from kgbuild.cli import main
from kgbuild.errors import KgbuildError
from kgbuild.export import export
from kgbuild.relations import relationship_view

FIXTURE = Path(__file__).parent / "fixtures" / "graphs" / "zhaman-sopka.trig"
MAIN = "https://w3id.org/kgbuild/id/source/zhaman-sopka-escape"
NOTE = "https://w3id.org/kgbuild/id/source/duis-sko-minute-of-silence"


@pytest.fixture(scope="module")
def dataset():
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    return ds


def named_graphs(ds: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def union(ds: Dataset) -> Graph:
    graph = Graph()
    for g in ds.graphs():
        graph += g
    return graph


@pytest.mark.parametrize("fmt, parse_as", [("turtle", "turtle"), ("ntriples", "nt")])
def test_single_graph_formats_hold_the_union_of_all_sources(dataset, tmp_path, fmt, parse_as):
    out = tmp_path / f"graph.{fmt}"
    export(dataset, fmt, out)
    back = Graph().parse(out, format=parse_as)
    assert isomorphic(back, union(dataset))


@pytest.mark.parametrize("fmt, parse_as", [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")])
def test_dataset_formats_keep_one_graph_per_source(dataset, tmp_path, fmt, parse_as):
    out = tmp_path / f"graph.{fmt}"
    export(dataset, fmt, out)
    back = Dataset()
    back.parse(out, format=parse_as)
    original, reread = named_graphs(dataset), named_graphs(back)
    assert set(reread) == {MAIN, NOTE}
    for name, graph in original.items():
        assert isomorphic(reread[name], graph), name


def test_jsonld_reads_well_with_short_keys(dataset, tmp_path):
    out = tmp_path / "graph.jsonld"
    export(dataset, "jsonld", out)
    text = out.read_text(encoding="utf-8")
    doc = json.loads(text)
    assert doc["@context"]["@vocab"] == "https://w3id.org/kgbuild/ontology#"
    nodes = [n for g in doc["@graph"] for n in g.get("@graph", [])]
    omarov = next(n for n in nodes if n.get("id") == "https://w3id.org/kgbuild/id/person/serik-omarov"
                  and "memberOf" in n)
    assert omarov["label"] == "Серик Омаров"
    assert omarov["familyName"] == "Омаров"
    assert "https://w3id.org/kgbuild/ontology#familyName" not in text


def test_turtle_of_one_source_holds_only_that_source(dataset, tmp_path):
    out = tmp_path / "note.ttl"
    export(dataset, "turtle", out, source="duis-sko-minute-of-silence")
    back = Graph().parse(out, format="turtle")
    assert isomorphic(back, named_graphs(dataset)[NOTE])
    export(dataset, "turtle", out, source=NOTE)  # the graph IRI names it as well
    assert isomorphic(Graph().parse(out, format="turtle"), named_graphs(dataset)[NOTE])


def test_unknown_source_is_refused_with_the_known_ones(dataset, tmp_path):
    with pytest.raises(KgbuildError, match="duis-sko-minute-of-silence, zhaman-sopka-escape"):
        export(dataset, "turtle", tmp_path / "x.ttl", source="no-such-article")


def test_with_ontology_adds_the_ontology_files(dataset, tmp_path, monkeypatch):
    ontology = tmp_path / "ontology"
    ontology.mkdir()
    (ontology / "kgbuild.ttl").write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<https://w3id.org/kgbuild/ontology> a owl:Ontology .\n"
        "<https://w3id.org/kgbuild/ontology#Person> a owl:Class ; rdfs:label \"Person\"@en .\n",
        encoding="utf-8")
    monkeypatch.setattr(export_module, "ontology_dir", lambda: ontology)
    export(dataset, "turtle", tmp_path / "g.ttl", with_ontology=True)
    back = Graph().parse(tmp_path / "g.ttl", format="turtle")
    assert len(back) == len(union(dataset)) + 3
    export(dataset, "trig", tmp_path / "g.trig", with_ontology=True)
    ds = Dataset()
    ds.parse(tmp_path / "g.trig", format="trig")
    assert len(ds.graph(URIRef("https://w3id.org/kgbuild/ontology"))) == 3


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_files_hold_the_relationship_view(dataset, tmp_path, fmt, read):
    view = relationship_view(dataset)
    out = tmp_path / f"graph.{fmt}"
    export(dataset, fmt, out)
    back = read(out)
    assert back.number_of_nodes() == view.number_of_nodes()
    assert back.number_of_edges() == view.number_of_edges()
    omarov = back.nodes["https://w3id.org/kgbuild/id/person/serik-omarov"]
    assert omarov["label"] == "Серик Омаров"
    assert omarov["class"] == "person"
    escape = back.nodes["https://w3id.org/kgbuild/id/incident/escape-1997-08-09"]
    assert escape["start"] == "1997-08-09"
    relations = {d["relation"] for _, _, d in back.edges(data=True)}
    assert {"participation", "spouse", "parentOf", "relativeOf", "partOf", "locatedIn", "diedIn"} <= relations


def test_gexf_is_dynamic_for_gephis_timeline(dataset, tmp_path):
    export(dataset, "gexf", tmp_path / "g.gexf")
    head = (tmp_path / "g.gexf").read_text(encoding="utf-8")[:800]
    assert 'mode="dynamic"' in head and 'timeformat="date"' in head


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_tables_have_one_row_per_thing(dataset, tmp_path):
    view = relationship_view(dataset)
    written = export(dataset, "csv", tmp_path / "tables")
    assert sorted(p.name for p in written) == [
        "commemorations.csv", "incidents.csv", "institutions.csv", "persons.csv", "places.csv"]
    expected = {
        "persons.csv": ("person", "group"), "institutions.csv": ("institution",), "places.csv": ("place",),
        "incidents.csv": ("incident",), "commemorations.csv": ("commemoration",),
    }
    for name, kinds in expected.items():
        rows = read_rows(tmp_path / "tables" / name)
        ids = {n for n, d in view.nodes(data=True) if d["kind"] in kinds}
        assert [r["id"] for r in rows if r["id"] in ids] == [r["id"] for r in rows]
        assert {r["id"] for r in rows} == ids and len(rows) == len(ids), name


def test_csv_rows_read_like_a_historians_table(dataset, tmp_path):
    export(dataset, "csv", tmp_path / "tables")
    persons = {r["label"]: r for r in read_rows(tmp_path / "tables" / "persons.csv")}
    assert persons["Кайкен"]["spouse"] == "Серик Омаров"
    # each source's wording is kept: the article's full rank, the note's short one
    assert set(persons["Серик Омаров"]["rank"].split("; ")) == {"капитан внутренней службы", "капитан"}
    assert persons["маленькая трёхлетняя дочь"]["age"] == "3"
    assert persons["маленькая трёхлетняя дочь"]["anonymous"] == "true"
    incidents = {r["label"]: r for r in read_rows(tmp_path / "tables" / "incidents.csv")}
    killing = incidents["Гибель караула"]
    assert killing["date_start"] == "1997-08-09" and killing["part_of"] == "Побег из ЕС-164/4"
    assert "Серик Омаров (victim)" in killing["participants"]
    death = incidents["Смерть задержанного в больнице"]
    assert (death["date_start"], death["date_end"], death["date_uncertain"]) == ("1997-08-01", "1997-08-31", "true")
    places = {r["label"]: r for r in read_rows(tmp_path / "tables" / "places.csv")}
    assert places["Горный"]["located_in_path"] == "Есильский район > Казахстан"


def test_cli_export_infers_format_from_suffix(tmp_path):
    out = tmp_path / "graph.gexf"
    result = CliRunner().invoke(main, ["export", str(FIXTURE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert nx.read_gexf(out).number_of_nodes() == 31


def test_cli_export_of_a_missing_file_is_one_line_without_traceback(tmp_path):
    missing = tmp_path / "nowhere.trig"
    result = CliRunner().invoke(main, ["export", str(missing), "--format", "turtle", "--out", str(tmp_path / "x.ttl")])
    assert result.exit_code != 0
    assert result.output.strip() == f"kgbuild: error: {missing}: no such file"
    assert "Traceback" not in result.output


def test_cli_export_of_malformed_trig_names_the_file(tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> <b> {{{ nonsense\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(bad), "--format", "trig", "--out", str(tmp_path / "x.trig")])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kgbuild: error: {bad}: not valid TriG")
    assert not (tmp_path / "x.trig").exists()

"""Export a dataset: RDF serialisations, CSV tables for Palladio and spreadsheets, and the
relationship view as GraphML / GEXF for Gephi, Cytoscape or networkx.

Every file is written atomically. A format is a function registered in `EXPORTERS`.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Callable

import networkx as nx
from rdflib import OWL, RDF, Dataset, Graph, URIRef

from .atomic import atomic_write
from .errors import InputError, KgbuildError
from .namespaces import KGB, KGR
from .relations import relationship_view, select_sources

try:
    from .resources import ontology_dir
except ImportError:  # the lead's resources module is not on every branch yet

    def ontology_dir() -> Path:
        return Path(__file__).resolve().parents[2] / "ontology"


TEMPLATES = Path(__file__).resolve().parent / "templates"
CONTEXT_FILE = TEMPLATES / "context.jsonld"
ID_BASE = "https://w3id.org/kgbuild/id/"
ONTOLOGY_GRAPH = URIRef(str(KGB).rstrip("#"))
RDF_FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld")
VIEW_FORMATS = ("csv", "graphml", "gexf")
# Separator inside one CSV cell holding several values (Palladio: "multiple values" delimiter).
MULTI = "; "


class ExportError(KgbuildError):
    """An export was asked for something the dataset or the format cannot give."""


def export(dataset: Dataset, fmt: str, out: str | Path, *, source: str | None = None,
           with_ontology: bool = False) -> list[Path]:
    """Write `dataset` (or one source's graph) to `out` in `fmt`; return the files written.

    `out` is a file, or for `csv` a folder. `source` is a source identifier or graph IRI.
    """
    try:
        writer = EXPORTERS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r} (formats: {', '.join(EXPORTERS)})") from None
    if with_ontology and fmt not in RDF_FORMATS:
        raise ExportError(f"--with-ontology applies to RDF formats ({', '.join(RDF_FORMATS)}), not {fmt}")
    return writer(dataset, Path(out), source=source, with_ontology=with_ontology)


# ---------------------------------------------------------------------------------------------
# RDF


def bind_prefixes(graph: Graph) -> None:
    graph.bind("kgb", KGB)
    graph.bind("kgr", KGR)
    for kind in ("person", "group", "institution", "place", "incident", "commemoration",
                 "participation", "kinship", "evidence", "source", "timespan"):
        graph.bind(kind, f"{ID_BASE}{kind}/")


def ontology_graph() -> Graph:
    """The project ontology: every ontology/*.ttl merged."""
    folder = ontology_dir()
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise ExportError(f"{folder}: no ontology files (*.ttl) to add")
    graph = Graph()
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises several parser-specific types
            raise InputError(f"{path}: not valid Turtle: {str(exc).splitlines()[0]}") from None
    return graph


def _selected(dataset: Dataset, source: str | None) -> Dataset:
    """The dataset itself, or a new one holding only the named source's graph."""
    if source is None:
        return dataset
    picked = select_sources(dataset, [source])[0]
    only = Dataset()
    target = only.graph(URIRef(picked.iri))
    for triple in picked.graph:
        target.add(triple)
    return only


def _union(dataset: Dataset) -> Graph:
    union = Graph()
    for graph in dataset.graphs():
        for triple in graph:
            union.add(triple)
    return union


def _with_ontology_dataset(dataset: Dataset) -> Dataset:
    copy = Dataset()
    for graph in dataset.graphs():
        target = copy.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
    ontology = ontology_graph()
    name = next(iter(ontology.subjects(RDF.type, OWL.Ontology)), ONTOLOGY_GRAPH)
    target = copy.graph(URIRef(str(name)))
    for triple in ontology:
        target.add(triple)
    return copy


def _write_single_graph(fmt: str) -> Callable:
    def write(dataset, out, *, source, with_ontology):
        graph = _union(_selected(dataset, source))
        if with_ontology:
            graph += ontology_graph()
        bind_prefixes(graph)
        data = graph.serialize(format=fmt)
        atomic_write(out, data)
        return [out]

    return write


def _write_dataset(fmt: str) -> Callable:
    def write(dataset, out, *, source, with_ontology):
        chosen = _selected(dataset, source)
        if with_ontology:
            chosen = _with_ontology_dataset(chosen)
        bind_prefixes(chosen)
        if fmt == "json-ld":
            context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
            data = chosen.serialize(format="json-ld", context=context, auto_compact=True)
        else:
            data = chosen.serialize(format=fmt)
        atomic_write(out, data)
        return [out]

    return write


# ---------------------------------------------------------------------------------------------
# CSV


def _facts(data: dict, name: str) -> str:
    values: list[str] = []
    for fact in data["facts"]:
        if fact.name == name and fact.value not in values:
            values.append(fact.value)
    return MULTI.join(values)


def _targets(view: nx.MultiDiGraph, node: str, relation: str, *, incoming: bool = False) -> str:
    edges = view.in_edges(node, data=True) if incoming else view.out_edges(node, data=True)
    labels: list[str] = []
    for u, v, data in edges:
        if data["relation"] == relation:
            other = u if incoming else v
            label = view.nodes[other]["label"]
            if label not in labels:
                labels.append(label)
    return MULTI.join(labels)


def _path(view: nx.MultiDiGraph, node: str) -> str:
    """The chain of kgb:locatedIn from a place or institution upwards: "Горный > Есильский район"."""
    chain, seen, current = [], {node}, node
    while True:
        up = [v for _, v, d in view.out_edges(current, data=True) if d["relation"] == "locatedIn"]
        if not up or up[0] in seen:
            return " > ".join(chain)
        current = up[0]
        seen.add(current)
        chain.append(view.nodes[current]["label"])


def _participants(view: nx.MultiDiGraph, node: str, role: str | None = None) -> str:
    items: list[str] = []
    for u, _, data in view.in_edges(node, data=True):
        if data["relation"] != "participation" or (role and data["label"] != role):
            continue
        item = view.nodes[u]["label"] if role else f"{view.nodes[u]['label']} ({data['label']})"
        if item not in items:
            items.append(item)
    return MULTI.join(items)


def _when_columns(data: dict) -> dict:
    when = data["when"]
    return {
        "date": when.text if when else "",
        "date_start": (when.start or "") if when else "",
        "date_end": (when.end or "") if when else "",
        "date_uncertain": str(bool(when and when.uncertain)).lower(),
    }


def _common(node: str, data: dict) -> dict:
    return {"id": node, "label": data["label"], "type": data["type"]}


def _person_row(view, node, data):
    return {
        **_common(node, data),
        "class": data["kind"],
        "anonymous": str(data["anonymous"]).lower(),
        "description": data["description"] or "",
        "given_name": _facts(data, "givenName"),
        "family_name": _facts(data, "familyName"),
        "patronymic": _facts(data, "patronymic"),
        "gender": _facts(data, "gender"),
        "age": _facts(data, "age"),
        "member_count": _facts(data, "memberCount"),
        "rank": _facts(data, "rank"),
        "occupation": _facts(data, "occupation"),
        "member_of": _targets(view, node, "memberOf"),
        "in_group": _targets(view, node, "inGroup"),
        "spouse": MULTI.join(filter(None, [_targets(view, node, "spouse"),
                                           _targets(view, node, "spouse", incoming=True)])),
        "parents": _targets(view, node, "parentOf", incoming=True),
        "children": _targets(view, node, "parentOf"),
        "died_on": _facts(data, "diedOn"),
        "died_in": _targets(view, node, "diedIn"),
        "incidents": MULTI.join(
            f"{view.nodes[v]['label']} ({d['label']})" for _, v, d in view.out_edges(node, data=True)
            if d["relation"] == "participation"),
        "sources": MULTI.join(data["sources"]),
    }


def _institution_row(view, node, data):
    return {
        **_common(node, data),
        "code": _facts(data, "code"),
        "alt_names": MULTI.join(filter(None, [_facts(data, "altName"), _facts(data, "abbreviation")])),
        "institution_type": _facts(data, "institutionType"),
        "activity": _facts(data, "activity"),
        "located_in": _targets(view, node, "locatedIn"),
        "located_in_path": _path(view, node),
        "sub_organization_of": _targets(view, node, "subOrganizationOf"),
        "founded": _facts(data, "founded"),
        "dissolved": _facts(data, "dissolved"),
        **_when_columns(data),
        "sources": MULTI.join(data["sources"]),
    }


def _place_row(view, node, data):
    return {
        **_common(node, data),
        "place_type": _facts(data, "placeType"),
        "alt_names": _facts(data, "altName"),
        "located_in": _targets(view, node, "locatedIn"),
        "located_in_path": _path(view, node),
        "sources": MULTI.join(data["sources"]),
    }


def _incident_row(view, node, data):
    return {
        **_common(node, data),
        **_when_columns(data),
        "place": _targets(view, node, "place"),
        "place_path": MULTI.join(filter(None, (_path(view, p) for _, p, d in view.out_edges(node, data=True)
                                               if d["relation"] == "place"))),
        "institution": _targets(view, node, "institution"),
        "part_of": _targets(view, node, "partOf"),
        "sequence": _facts(data, "sequence"),
        "instrument": _facts(data, "instrument"),
        "outcome": _facts(data, "outcome"),
        "participants": _participants(view, node),
        "perpetrators": _participants(view, node, "perpetrator"),
        "victims": _participants(view, node, "victim"),
        "sources": MULTI.join(data["sources"]),
    }


def _commemoration_row(view, node, data):
    return {
        **_common(node, data),
        **_when_columns(data),
        "day_of_year": _facts(data, "dayOfYear"),
        "first_observed": _facts(data, "firstObserved"),
        "place": _targets(view, node, "place"),
        "commemorates": _targets(view, node, "commemorates"),
        "award": _facts(data, "award"),
        "posthumous": _facts(data, "posthumous"),
        "participants": _participants(view, node),
        "sources": MULTI.join(data["sources"]),
    }


CSV_TABLES: dict[str, tuple[tuple[str, ...], Callable]] = {
    "persons.csv": (("person", "group"), _person_row),
    "institutions.csv": (("institution",), _institution_row),
    "places.csv": (("place",), _place_row),
    "incidents.csv": (("incident",), _incident_row),
    "commemorations.csv": (("commemoration",), _commemoration_row),
}


def _write_csv(dataset, out, *, source, with_ontology):
    view = relationship_view(dataset, sources=[source] if source else None)
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out}: csv export writes a folder, and this is a file")
    written = []
    for name, (kinds, row_of) in CSV_TABLES.items():
        nodes = sorted((n for n, d in view.nodes(data=True) if d["kind"] in kinds),
                       key=lambda n: (view.nodes[n]["kind"], view.nodes[n]["label"], n))
        rows = [row_of(view, n, view.nodes[n]) for n in nodes]
        columns = list(rows[0]) if rows else list(row_of(_EmptyView(), "", _EMPTY_NODE))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        atomic_write(out / name, buffer.getvalue())
        written.append(out / name)
    return written


class _EmptyView:
    """Stands in for a view when only the column names of an empty table are needed."""

    def out_edges(self, *args, **kwargs):
        return []

    in_edges = out_edges


_EMPTY_NODE = {"label": "", "type": "", "kind": "", "anonymous": False, "description": None,
               "facts": [], "sources": [], "when": None}


# ---------------------------------------------------------------------------------------------
# GraphML / GEXF


def flat_view(view: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The view with only scalar attributes, as graph file formats require.

    Node `class` is the core class, `type` the most specific one; `start`/`end` are ISO dates
    (Gephi reads them as the node's time interval). Edge `relation` is the property, `label` the
    role or kin term.
    """
    flat = nx.MultiDiGraph()
    for node, data in view.nodes(data=True):
        attrs = {
            "label": data["label"],
            "class": data["kind"],
            "type": data["type"],
            "anonymous": bool(data["anonymous"]),
            "description": data["description"] or "",
            "sources": MULTI.join(data["sources"]),
        }
        when = data["when"]
        if when is not None:
            attrs["when"] = when.text
            if when.start:
                attrs["start"] = when.start
            if when.end:
                attrs["end"] = when.end
        flat.add_node(node, **attrs)
    for u, v, key, data in view.edges(keys=True, data=True):
        quote = data.get("quote")
        flat.add_edge(u, v, key=key, relation=data["relation"], label=data["label"],
                      source=data["source"], quote=quote.text if quote else "")
    return flat


def _write_graph_file(kind: str) -> Callable:
    def write(dataset, out, *, source, with_ontology):
        flat = flat_view(relationship_view(dataset, sources=[source] if source else None))
        buffer = io.BytesIO()
        if kind == "graphml":
            nx.write_graphml(flat, buffer, encoding="utf-8")
        else:
            nx.write_gexf(flat, buffer, encoding="utf-8")
        atomic_write(out, buffer.getvalue())
        return [out]

    return write


EXPORTERS: dict[str, Callable[..., list[Path]]] = {
    "turtle": _write_single_graph("turtle"),
    "ntriples": _write_single_graph("nt"),
    "trig": _write_dataset("trig"),
    "nquads": _write_dataset("nquads"),
    "jsonld": _write_dataset("json-ld"),
    "csv": _write_csv,
    "graphml": _write_graph_file("graphml"),
    "gexf": _write_graph_file("gexf"),
}
FORMATS: tuple[str, ...] = tuple(EXPORTERS)

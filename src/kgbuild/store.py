"""Datasets on disk: TriG files read into rdflib, written atomically.

Each source's statements stay in their own named graph; `union()` gives the merged picture.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from .atomic import atomic_open
from .errors import InputError
from .namespaces import bind_prefixes

RDF_FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}


def new_dataset() -> Dataset:
    return bind_prefixes(Dataset(default_union=True))


def load_dataset(path: str | Path) -> Dataset:
    """Read a TriG/N-Quads (or Turtle, into the default graph) file; one line of error if it is bad."""
    path = Path(path)
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type {path.suffix or '(none)'}; expected "
                         + ", ".join(RDF_FORMATS))
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    dataset = new_dataset()
    try:
        dataset.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many types for malformed input
        raise InputError(f"{path}: not valid {_FORMAT_NAMES[fmt]}: {_one_line(exc)}") from None
    return dataset


_FORMAT_NAMES = {"trig": "TriG", "nquads": "N-Quads", "turtle": "Turtle", "nt": "N-Triples",
                 "json-ld": "JSON-LD"}


def _one_line(exc: Exception) -> str:
    """rdflib's parse errors span lines and quote byte reprs; keep what helps, on one line."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    text = text.replace("at line", "line").replace(" of <>:", ":")
    return text if len(text) <= 200 else text[:199] + "…"


def save_dataset(dataset: Dataset, path: str | Path) -> None:
    path = Path(path)
    fmt = RDF_FORMATS.get(path.suffix.lower(), "trig")
    data = dataset.serialize(format=fmt)
    with atomic_open(path, "w") as handle:
        handle.write(data)


def add_graph(dataset: Dataset, graph: Graph) -> None:
    """Put a document's graph into the dataset under its own name, replacing an older one."""
    name = graph.identifier
    target = dataset.graph(URIRef(str(name)))
    target.remove((None, None, None))
    for triple in graph:
        target.add(triple)


def source_graphs(dataset: Dataset) -> list[Graph]:
    """The named graphs of sources (not the default graph), in a stable order."""
    graphs = [g for g in dataset.graphs() if isinstance(g.identifier, URIRef)
              and str(g.identifier) != "urn:x-rdflib:default" and len(g)]
    return sorted(graphs, key=lambda g: str(g.identifier))

"""Datasets on disk: TriG files read into rdflib, written atomically.

Each source's statements stay in their own named graph; `union()` gives the merged picture.
"""

from __future__ import annotations

import os
from itertools import islice
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from .atomic import atomic_open
from .errors import InputError, OutputError
from .namespaces import bind_prefixes
from .views import VIEWS_DIR, database_fingerprint, drop_views, new_build_id, write_views

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


# --- the fast path: pyoxigraph ------------------------------------------------------------------
# pyoxigraph types stay in this module and in query.py; the rest of kgbuild sees rdflib.

_OX_FORMATS = {"trig": "TRIG", "nquads": "N_QUADS", "turtle": "TURTLE", "nt": "N_TRIPLES",
               "json-ld": "JSON_LD"}
_STORE_MARKER = "kgbuild-store"  # a file that tells our store directories from other folders


def is_store_dir(path: str | Path) -> bool:
    path = Path(path)
    return path.is_dir() and (path / _STORE_MARKER).is_file()


def write_store(dataset_or_path, store_dir: str | Path, views: bool = True) -> Path:
    """Write a dataset (rdflib Dataset or TriG/N-Quads path) as a persistent pyoxigraph store.

    The store is built in a sibling folder and swapped in at the end, so an interrupted write
    leaves the previous store untouched. With `views`, the answers of the library's listings
    are computed and swapped in with it (`kgbuild.views`).
    """
    import shutil
    import tempfile

    import pyoxigraph as ox

    store_dir = Path(store_dir)
    if store_dir.exists() and not is_store_dir(store_dir) and any(store_dir.iterdir()):
        raise OutputError(f"{store_dir}: exists and is not a kgbuild store; refusing to replace it")
    try:
        store_dir.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.", dir=store_dir.parent))
    except OSError as exc:
        raise OutputError(f"{store_dir}: cannot write: {exc.strerror or exc}") from None
    try:
        store = ox.Store(str(tmp / "oxigraph"))
        if isinstance(dataset_or_path, (str, Path)):
            path = Path(dataset_or_path)
            fmt = RDF_FORMATS.get(path.suffix.lower())
            if fmt is None or not path.is_file():
                raise InputError(f"{path}: not a TriG/N-Quads file")
            try:
                store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, _OX_FORMATS[fmt]))
                _load_union(store, path, getattr(ox.RdfFormat, _OX_FORMATS[fmt]))
            except (SyntaxError, ValueError) as exc:
                raise InputError(f"{path}: not valid {_FORMAT_NAMES[fmt]}: {_one_line(exc)}") from None
        else:
            data = dataset_or_path.serialize(format="nquads", encoding="utf-8")
            store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            materialize_union(store)
        store.flush()
        quads = len(store) if views else None
        del store  # closed: the database's files are final from here on
        build = new_build_id()
        (tmp / _STORE_MARKER).write_text(f"pyoxigraph store written by kgbuild\nbuild {build}\n", encoding="utf-8")
        if views:
            write_views(tmp / VIEWS_DIR, ox.Store.read_only(str(tmp / "oxigraph")), build,
                        database_fingerprint(tmp / "oxigraph"), quads)
        old = None
        if store_dir.exists():
            old = store_dir.with_name(f".{store_dir.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(store_dir, old)
        os.replace(tmp, store_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"{store_dir}: cannot write store: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return store_dir


def open_store(store_dir: str | Path, writable: bool = False):
    """Open a store written by `write_store` (read-only unless asked), as a pyoxigraph Store.

    Opened writable, its stored views are removed first: nothing that may change the store
    leaves answers computed before the change behind.
    """
    import pyoxigraph as ox

    store_dir = Path(store_dir)
    if not is_store_dir(store_dir):
        raise InputError(f"{store_dir}: not a kgbuild store (write one with `kgbuild build --store`)")
    try:
        if writable:
            drop_views(store_dir)
            return ox.Store(str(store_dir / "oxigraph"))
        return ox.Store.read_only(str(store_dir / "oxigraph"))
    except OSError as exc:
        raise InputError(f"{store_dir}: cannot open store: {exc}") from None


def build_id_of(store_dir: str | Path) -> str | None:
    """The id `write_store` gave this store (None for stores written before ids)."""
    try:
        lines = (Path(store_dir) / _STORE_MARKER).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return next((line.split()[1] for line in lines if line.startswith("build ")), None)


def load_oxigraph(path: str | Path):
    """A pyoxigraph Store for querying: a store directory as is, a TriG/N-Quads file in memory."""
    import pyoxigraph as ox

    path = Path(path)
    if path.is_dir():
        return open_store(path)
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type {path.suffix or '(none)'}; expected "
                         + ", ".join(RDF_FORMATS) + " or a store directory")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, _OX_FORMATS[fmt]))
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"{path}: not valid {_FORMAT_NAMES[fmt]}: {_one_line(exc)}") from None
    materialize_union(store)
    return store


_UNION_BATCH = 200_000  # statements per bulk insert: memory stays flat however large the file


def _load_union(store, path: Path, fmt) -> None:
    """What `materialize_union` gives, for a store just loaded from `path`: the file is read
    again with each statement put in the default graph, in bulk (the store keeps one copy of
    each). Three times faster than the SPARQL update at 680 k statements, in less memory."""
    import pyoxigraph as ox

    statements = (ox.Quad(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=fmt))
    while batch := list(islice(statements, _UNION_BATCH)):
        store.bulk_extend(batch)


def materialize_union(store, refresh: bool = False) -> None:
    """Put the set union of all named graphs into the store's default graph.

    rdflib's `default_union` is an RDF merge: a statement made by two sources counts once.
    pyoxigraph's `use_default_graph_as_union` keeps one copy per graph (COUNT(*) differs), so
    kgbuild queries pyoxigraph's default graph holding the union instead. `refresh` rebuilds it
    from the named graphs after an update.
    """
    if refresh:
        store.update("CLEAR DEFAULT")
    # One SPARQL update, evaluated inside pyoxigraph: the default graph is a set, so a statement
    # several graphs make is stored once.
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def dataset_from_store(store) -> Dataset:
    """Copy a pyoxigraph store's named graphs into an rdflib Dataset (for the rdflib API)."""
    import pyoxigraph as ox

    dataset = new_dataset()
    named = [q for q in store.quads_for_pattern(None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph)]
    buffer = ox.serialize(named, format=ox.RdfFormat.N_QUADS)
    dataset.parse(data=buffer.decode("utf-8"), format="nquads")
    return dataset

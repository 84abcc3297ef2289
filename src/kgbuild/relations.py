"""The relationship view: the things of a dataset and how they are connected, as a networkx graph.

Nodes are persons (named and anonymous), groups, institutions, places, incidents and
commemorations, keyed by IRI. Edges are directed, one per relation per source document, so
"who said what" survives: each carries the source identifier and, where the graph holds one, the
evidence quote. Participations, kinships and evidence are folded into edges and node attributes.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Iterable

import networkx as nx
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node as RDFNode

from .errors import InputError
from .namespaces import KGB

# Core classes in display order, with the short name used in the view, exports and pages.
KINDS: dict[URIRef, str] = {
    KGB.Person: "person",
    KGB.Group: "group",
    KGB.Institution: "institution",
    KGB.Place: "place",
    KGB.Incident: "incident",
    KGB.Commemoration: "commemoration",
}
KIND_NAMES = tuple(KINDS.values())

# Object properties drawn as edges as they stand (subject -> object).
PLAIN_RELATIONS = (
    KGB.memberOf,
    KGB.inGroup,
    KGB.partOf,
    KGB.place,
    KGB.institution,
    KGB.locatedIn,
    KGB.subOrganizationOf,
    KGB.commemorates,
    KGB.diedIn,
)
# Kinship properties; stated both ways in the data, drawn once.
SYMMETRIC_KIN = (KGB.spouse, KGB.relativeOf)
# Subjects whose own evidence is the evidence of their outgoing statements.
STATEMENT_KINDS = ("incident", "commemoration")
# Not shown among a node's facts: too long, or shown another way.
HIDDEN_FACTS = {RDFS.label, KGB.text, KGB.evidence, KGB.participation, RDF.type}


@dataclass(frozen=True)
class Quote:
    """A piece of evidence: the exact words, and where they stand."""

    text: str
    source: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Fact:
    """One property value of a node, as one source states it."""

    name: str
    value: str
    source: str


@dataclass(frozen=True)
class When:
    """A date as written (`text`) and the day range it covers (ISO dates, inclusive)."""

    text: str
    start: str | None
    end: str | None
    uncertain: bool = False


@dataclass(frozen=True)
class SourceGraph:
    identifier: str
    iri: str
    graph: Graph


def local_name(term: RDFNode) -> str:
    text = str(term)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text


# ---------------------------------------------------------------------------------------------
# Sources


def source_graphs(dataset: Dataset) -> list[SourceGraph]:
    """The graphs that hold facts, each with the identifier of its source document.

    A graph holds facts when something in it is typed with a core class; build-metadata graphs
    do not. A dataset read from plain Turtle has its facts in the default graph.
    """
    found = []
    for graph in dataset.graphs():
        if not any((None, RDF.type, cls) in graph for cls in KINDS):
            continue
        found.append(SourceGraph(_source_identifier(graph), str(graph.identifier), graph))
    found.sort(key=lambda s: s.identifier)
    return found


def _source_identifier(graph: Graph) -> str:
    name = graph.identifier
    ident = graph.value(name, KGB.identifier)
    if ident is None:
        for source in graph.subjects(RDF.type, KGB.Source):
            ident = graph.value(source, KGB.identifier) or source
            break
    if ident is None:
        ident = name if not isinstance(name, BNode) else "default"
    return str(ident)


def select_sources(dataset: Dataset, wanted: Iterable[str] | None) -> list[SourceGraph]:
    """The source graphs named by identifier or IRI (all when `wanted` is None)."""
    graphs = source_graphs(dataset)
    if wanted is None:
        return graphs
    picked = []
    for name in wanted:
        match = [s for s in graphs if name in (s.identifier, s.iri)]
        if not match:
            known = ", ".join(s.identifier for s in graphs) or "none"
            raise InputError(f"no source {name!r} in the dataset (sources: {known})")
        picked.extend(m for m in match if m not in picked)
    return picked


# ---------------------------------------------------------------------------------------------
# Dates


def parse_when(literal: RDFNode | None, edtf_text: str | None = None) -> When | None:
    """The day range of an xsd:date / gYearMonth / gYear literal, or of an EDTF string."""
    if literal is not None and isinstance(literal, Literal):
        text = str(literal)
        rng = _xsd_range(text, literal.datatype)
        uncertain = bool(edtf_text and edtf_text.rstrip().endswith(("~", "?", "%")))
        if rng:
            return When(edtf_text or text, rng[0], rng[1], uncertain)
    if edtf_text:
        rng = _edtf_range(edtf_text)
        if rng:
            return When(edtf_text, rng[0], rng[1], True)
        return When(edtf_text, None, None, True)
    return None


def _xsd_range(text: str, datatype: URIRef | None) -> tuple[str, str] | None:
    try:
        if datatype == XSD.gYear or (datatype is None and len(text) == 4):
            year = int(text)
            return f"{year:04d}-01-01", f"{year:04d}-12-31"
        if datatype == XSD.gYearMonth or (datatype is None and len(text) == 7):
            year, month = (int(p) for p in text.split("-"))
            last = calendar.monthrange(year, month)[1]
            return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
        day = dt.date.fromisoformat(text[:10])
        return day.isoformat(), day.isoformat()
    except ValueError:
        return None


def _edtf_range(text: str) -> tuple[str, str] | None:
    import edtf  # imported late: only uncertain dates need it

    if text.strip()[:4] == "XXXX":
        return None  # "в среду", "XXXX-06-18": a day of some year, placed on no timeline
    try:
        parsed = edtf.parse_edtf(text.strip())
        low, high = parsed.lower_strict(), parsed.upper_strict()
    except Exception:  # edtf raises its own EDTFParseException and, on odd input, ValueError
        return None
    if not low or not high:
        return None
    return (
        f"{low.tm_year:04d}-{low.tm_mon:02d}-{low.tm_mday:02d}",
        f"{high.tm_year:04d}-{high.tm_mon:02d}-{high.tm_mday:02d}",
    )


def _date_of(graph: Graph, value: RDFNode | None) -> When | None:
    """A date literal, or a kgb:TimeSpan node with EDTF and bounds."""
    if value is None:
        return None
    if isinstance(value, Literal):
        return parse_when(value)
    edtf_text = graph.value(value, KGB.dateEDTF)
    earliest, latest = graph.value(value, KGB.earliest), graph.value(value, KGB.latest)
    span = parse_when(None, str(edtf_text)) if edtf_text else None
    low = parse_when(earliest) if earliest is not None else None
    high = parse_when(latest) if latest is not None else None
    if low or high:
        start = low.start if low else span.start if span else None
        end = high.end if high else span.end if span else None
        return When(str(edtf_text or f"{earliest}/{latest}"), start, end, True)
    return span


# ---------------------------------------------------------------------------------------------
# The view


def relationship_view(dataset: Dataset, *, sources: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """Build the relationship view of `dataset` (or of the named sources only)."""
    view = nx.MultiDiGraph()
    picked = select_sources(dataset, sources)
    view.graph["sources"] = [s.identifier for s in picked]
    for src in picked:
        _add_nodes(view, src)
    for src in picked:
        _add_edges(view, src)
    for _, data in view.nodes(data=True):
        _finish_node(data)
    return view


def _kind_of(graph: Graph, node: RDFNode) -> str | None:
    for cls, kind in KINDS.items():
        if (node, RDF.type, cls) in graph:
            return kind
    return None


def _add_nodes(view: nx.MultiDiGraph, src: SourceGraph) -> None:
    graph = src.graph
    for cls, kind in KINDS.items():
        for node in set(graph.subjects(RDF.type, cls)):
            key = str(node)
            if key not in view:
                view.add_node(key, kind=kind, type=None, label=None, anonymous=False,
                              description=None, sources=[], facts=[], quotes=[], when=None)
            data = view.nodes[key]
            if src.identifier not in data["sources"]:
                data["sources"].append(src.identifier)
            _read_node(graph, node, kind, src.identifier, data)


def _read_node(graph: Graph, node: RDFNode, kind: str, source: str, data: dict) -> None:
    specific = sorted(local_name(t) for t in graph.objects(node, RDF.type)
                      if str(t).startswith(str(KGB)) and t not in KINDS)
    if specific and data["type"] is None:
        data["type"] = specific[0]
    labels = list(graph.objects(node, RDFS.label))
    if labels and data["label"] is None:
        ru = [lab for lab in labels if getattr(lab, "language", None) == "ru"]
        data["label"] = str((ru or labels)[0])
    if graph.value(node, KGB.anonymous) == Literal(True):
        data["anonymous"] = True
    description = graph.value(node, KGB.description)
    if description is not None and data["description"] is None:
        data["description"] = str(description)
    for prop, value in graph.predicate_objects(node):
        if prop in HIDDEN_FACTS or prop in PLAIN_RELATIONS or prop in SYMMETRIC_KIN:
            continue
        if prop in (KGB.parentOf, KGB.childOf):
            continue
        text = _fact_text(graph, value)
        if text is not None:
            fact = Fact(local_name(prop), text, source)
            if fact not in data["facts"]:
                data["facts"].append(fact)
    for evidence in graph.objects(node, KGB.evidence):
        quote = _quote(graph, evidence, source)
        if quote and quote not in data["quotes"]:
            data["quotes"].append(quote)
    when = _node_when(graph, node, kind)
    if when and (data["when"] is None or (data["when"].start is None and when.start)):
        data["when"] = when


def _fact_text(graph: Graph, value: RDFNode) -> str | None:
    if isinstance(value, Literal):
        return str(value)
    if _kind_of(graph, value) is not None:
        return None  # a relation to another node: drawn as an edge
    edtf_text = graph.value(value, KGB.dateEDTF)
    if edtf_text is not None:
        return str(edtf_text)
    label = graph.value(value, RDFS.label)
    return str(label) if label is not None else local_name(value)


def _quote(graph: Graph, evidence: RDFNode, default_source: str) -> Quote | None:
    text = graph.value(evidence, KGB.quote)
    if text is None:
        return None
    source = graph.value(evidence, KGB.source)
    ident = graph.value(source, KGB.identifier) if source is not None else None
    start, end = graph.value(evidence, KGB.start), graph.value(evidence, KGB.end)
    return Quote(
        str(text),
        str(ident) if ident is not None else default_source,
        int(start) if start is not None else None,
        int(end) if end is not None else None,
    )


def _first_quote(graph: Graph, node: RDFNode, source: str) -> Quote | None:
    quotes = [q for ev in graph.objects(node, KGB.evidence) if (q := _quote(graph, ev, source))]
    quotes.sort(key=lambda q: (q.start is None, q.start or 0))
    return quotes[0] if quotes else None


def _node_when(graph: Graph, node: RDFNode, kind: str) -> When | None:
    if kind in STATEMENT_KINDS:
        edtf_text = graph.value(node, KGB.dateEDTF)
        when = parse_when(graph.value(node, KGB.date), str(edtf_text) if edtf_text else None)
        if when is None and kind == "commemoration":
            first, day = graph.value(node, KGB.firstObserved), graph.value(node, KGB.dayOfYear)
            if first is not None and day is not None:
                text = f"{first}{str(day)[1:]}"  # "2024" + "-12-13"
                when = parse_when(Literal(text, datatype=XSD.date))
        return when
    if kind == "person":
        died = parse_when(graph.value(node, KGB.diedOn))
        return When(f"† {died.text}", None, died.end, died.uncertain) if died else None
    if kind == "institution":
        founded = _date_of(graph, graph.value(node, KGB.founded))
        dissolved = _date_of(graph, graph.value(node, KGB.dissolved))
        if founded or dissolved:
            text = f"{founded.text if founded else '?'} – {dissolved.text if dissolved else ''}".strip()
            return When(text, founded.start if founded else None, dissolved.end if dissolved else None,
                        bool(founded and founded.uncertain))
    return None


def _finish_node(data: dict) -> None:
    if data["label"] is None:
        data["label"] = data["description"] or next(
            (f.value for f in data["facts"] if f.name == "code"), None) or "?"
    if data["type"] is None:
        data["type"] = data["kind"].capitalize()
    data["quotes"].sort(key=lambda q: (q.source, q.start is None, q.start or 0))


def _add_edge(view, u, v, relation, label, source, quote, **extra) -> None:
    if u not in view or v not in view:
        return
    key = f"{relation}:{label}@{source}"
    if view.has_edge(u, v, key):
        return
    view.add_edge(u, v, key=key, relation=relation, label=label, source=source, quote=quote, **extra)


def _add_edges(view: nx.MultiDiGraph, src: SourceGraph) -> None:
    graph, source = src.graph, src.identifier
    for prop in PLAIN_RELATIONS:
        for s, o in graph.subject_objects(prop):
            kind = _kind_of(graph, s)
            quote = _first_quote(graph, s, source) if kind in STATEMENT_KINDS else None
            label = local_name(prop)
            extra = {}
            if prop == KGB.partOf:
                seq = graph.value(s, KGB.sequence)
                if seq is not None:
                    extra["sequence"] = int(seq)
            _add_edge(view, str(s), str(o), label, label, source, quote, **extra)
    for thing, part in graph.subject_objects(KGB.participation):
        agent, role = graph.value(part, KGB.agent), graph.value(part, KGB.role)
        if agent is None:
            continue
        role_name = local_name(role) if role is not None else "participant"
        _add_edge(view, str(agent), str(thing), "participation", role_name, source,
                  _first_quote(graph, part, source), role=role_name)
    _add_kin_edges(view, graph, source)


def _add_kin_edges(view: nx.MultiDiGraph, graph: Graph, source: str) -> None:
    # Kinship nodes give the kin term and the quote; the direct properties give the relation.
    kinships: dict[frozenset, tuple[RDFNode, RDFNode, str | None, Quote | None]] = {}
    for kin in graph.subjects(RDF.type, KGB.Kinship):
        person, relative = graph.value(kin, KGB.person), graph.value(kin, KGB.relative)
        if person is None or relative is None:
            continue
        term = graph.value(kin, KGB.kinTerm)
        kinships[frozenset((person, relative))] = (
            person, relative, str(term) if term is not None else None, _first_quote(graph, kin, source))
    drawn: set[frozenset] = set()

    def draw(u, v, relation):
        pair = frozenset((u, v))
        if pair in drawn:
            return
        drawn.add(pair)
        person, relative, term, quote = kinships.get(pair, (u, v, None, None))
        if relation == "parentOf":
            person, relative = u, v  # direction is meaningful: parent -> child
        _add_edge(view, str(person), str(relative), relation, term or relation, source, quote,
                  kin_term=term or "")

    for prop in SYMMETRIC_KIN:
        for u, v in sorted(graph.subject_objects(prop)):
            draw(u, v, local_name(prop))
    for u, v in sorted(graph.subject_objects(KGB.parentOf)):
        draw(u, v, "parentOf")
    for child, parent in sorted(graph.subject_objects(KGB.childOf)):
        draw(parent, child, "parentOf")
    for pair, (person, relative, _, _) in kinships.items():
        if pair not in drawn:
            draw(person, relative, "relativeOf")


# ---------------------------------------------------------------------------------------------
# Helpers shared by exports, pages and the network commands


def undirected_simple(view: nx.MultiDiGraph) -> nx.Graph:
    """The view as a simple undirected graph, edge weight = number of statements between two nodes."""
    simple = nx.Graph()
    simple.add_nodes_from(view.nodes(data=True))
    for u, v in view.edges():
        if u == v:
            continue
        weight = simple[u][v]["weight"] + 1 if simple.has_edge(u, v) else 1
        simple.add_edge(u, v, weight=weight)
    return simple


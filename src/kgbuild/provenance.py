"""Run provenance and identity decisions, in graphs of their own beside the source graphs.

- `<base>graph/build`: one PROV-O activity for the build that wrote the dataset: kgbuild's
  version, the extractor's version and stages, the settings, start and end time, and every
  source read (`prov:used`) with its SHA-256, so a result can be reproduced and cited.
- `<base>graph/identity`: one node per identity decision (see `identity.py`): what was merged
  or kept apart, by which rule, with each side's mentions (`kgb:evidence`).

The build graph changes with every run (it holds times); every other graph depends on the
inputs only.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DefinedNamespace, PROV, RDF, RDFS, XSD

from . import model as m
from .identity import Decision, Member
from .iris import IRIs
from .namespaces import KGB, SCHEMA, bind_prefixes


class META(DefinedNamespace):
    """Terms of the build's own records (not part of the historians' vocabulary)."""

    _NS = Namespace("https://w3id.org/kgbuild/meta#")
    _fail = True

    Build: URIRef
    IdentityDecision: URIRef
    Mention: URIRef
    CuratedStatement: URIRef
    extractorVersion: URIRef
    extractorStages: URIRef
    setting: URIRef
    baseIRI: URIRef
    documentsExtracted: URIRef
    documentsFromCache: URIRef
    kind: URIRef
    outcome: URIRef
    reason: URIRef
    resolvedTo: URIRef
    keptApartFrom: URIRef
    member: URIRef
    localKey: URIRef
    details: URIRef
    action: URIRef
    inGraph: URIRef
    curationFile: URIRef
    line: URIRef


BUILD_GRAPH = "build"
IDENTITY_GRAPH = "identity"
CURATION_GRAPH = "curation"
RECORD_GRAPHS = (BUILD_GRAPH, IDENTITY_GRAPH, CURATION_GRAPH)


def now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def build_graph(iris: IRIs, *, started: datetime, ended: datetime, documents: Iterable[m.Document],
                version: str, extractor_version: str, stages: Iterable[str], settings: dict[str, object],
                extracted: int, from_cache: int, curation: tuple[str, str] | None = None) -> Graph:
    """The PROV-O record of one build."""
    g = bind_prefixes(Graph(identifier=iris.graph(BUILD_GRAPH)))
    g.bind("meta", META._NS)
    run = iris.build(started.strftime("%Y%m%dT%H%M%SZ"))
    agent = iris.agent(f"kgbuild-{version}")
    g.add((run, RDF.type, PROV.Activity))
    g.add((run, RDF.type, META.Build))
    g.add((run, RDFS.label, Literal(f"kgbuild build {started.isoformat()}")))
    g.add((run, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)))
    g.add((run, PROV.endedAtTime, Literal(ended.isoformat(), datatype=XSD.dateTime)))
    g.add((run, PROV.wasAssociatedWith, agent))
    g.add((agent, RDF.type, PROV.SoftwareAgent))
    g.add((agent, RDFS.label, Literal(f"kgbuild {version}")))
    g.add((agent, SCHEMA.softwareVersion, Literal(version)))
    g.add((run, META.extractorVersion, Literal(extractor_version)))
    g.add((run, META.extractorStages, Literal(" ".join(stages))))
    g.add((run, META.baseIRI, Literal(iris.base, datatype=XSD.anyURI)))
    for name, value in sorted(settings.items()):
        g.add((run, META.setting, Literal(f"{name}={value}")))
    g.add((run, META.documentsExtracted, Literal(extracted)))
    g.add((run, META.documentsFromCache, Literal(from_cache)))
    for document in documents:
        source = iris.source(document.id)
        g.add((run, PROV.used, source))
        if document.sha256:
            g.add((source, KGB.sha256, Literal(document.sha256)))
    if curation is not None:
        path, digest = curation
        node = iris.agent("curation-file")  # stable: the file is named by its path and hash
        g.add((run, PROV.used, node))
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, META.curationFile, Literal(path)))
        g.add((node, KGB.sha256, Literal(digest)))
    return g


def identity_graph(iris: IRIs, decisions: Iterable[Decision], into: Graph | None = None) -> Graph:
    """Every identity decision as a node: outcome, rule, reason, and each side with its evidence.

    `into` is a graph to fill (the dataset's named graph) instead of a new one."""
    g = into if into is not None else bind_prefixes(Graph(identifier=iris.graph(IDENTITY_GRAPH)))
    for decision in decisions:
        tail = str(decision.iri).rstrip("/").rsplit("/", 1)[-1]
        other = str(decision.other or "")
        node = iris.local("decision", decision.kind, f"{tail}-{decision.outcome}-{other.rsplit('/', 1)[-1]}")
        g.add((node, RDF.type, META.IdentityDecision))
        g.add((node, META.resolvedTo, decision.iri))
        g.add((node, META.kind, Literal(decision.kind)))
        g.add((node, META.outcome, Literal(decision.outcome)))
        g.add((node, META.reason, Literal(decision.reason)))
        if decision.other is not None:
            g.add((node, META.keptApartFrom, decision.other))
        for member in decision.members:
            _add_member(g, iris, node, member)
    return g


def _add_member(g: Graph, iris: IRIs, decision: URIRef, member: Member) -> None:
    node = iris.local("mention", member.doc_id, member.key)
    g.add((decision, META.member, node))
    g.add((node, RDF.type, META.Mention))
    g.add((node, PROV.hadPrimarySource, iris.source(member.doc_id)))
    g.add((node, META.localKey, Literal(member.key)))
    g.add((node, RDFS.label, Literal(member.label)))
    if member.details:
        g.add((node, META.details, Literal(member.details)))
    for ev in member.evidence:
        g.add((node, KGB.evidence, iris.evidence(member.doc_id, ev.start, ev.end, ev.confidence)))


def explain(dataset: Dataset, iri: URIRef, base: str | None = None) -> list[str]:
    """The lines `kgbuild explain` prints for `iri`: its identity decisions with each side's quotes."""
    graphs = {str(g.identifier): g for g in dataset.graphs()}
    identity = next((g for name, g in graphs.items() if name.endswith(f"/graph/{IDENTITY_GRAPH}")), Graph())
    decisions = sorted(set(identity.subjects(META.resolvedTo, iri)) | set(identity.subjects(META.keptApartFrom, iri)),
                       key=str)
    lines: list[str] = []
    for node in decisions:
        outcome = str(identity.value(node, META.outcome))
        resolved = identity.value(node, META.resolvedTo)
        other = identity.value(node, META.keptApartFrom)
        if outcome == "kept apart":
            head = f"{resolved} was kept apart from {other}"
        elif outcome == "split by curation":
            head = f"{resolved} was split off {other}"
        else:
            head = f"{resolved}: {outcome}"
        lines.append(head)
        lines.append(f"  why: {identity.value(node, META.reason)}")
        members = sorted(identity.objects(node, META.member),
                         key=lambda n: (str(identity.value(n, PROV.hadPrimarySource)), str(n)))
        for member in members:
            source = identity.value(member, PROV.hadPrimarySource)
            source_id = _source_id(dataset, source)
            details = identity.value(member, META.details)
            lines.append(f"  - in {source_id} ({identity.value(member, META.localKey)}): "
                         f"{identity.value(member, RDFS.label)}" + (f" [{details}]" if details else ""))
            for ev, quote, start, end in _quotes(graphs.get(str(source)), identity.objects(member, KGB.evidence)):
                lines.append(f"      «{quote}» at {start}–{end}")
    return lines


def _source_id(dataset: Dataset, source) -> str:
    for g in dataset.graphs():
        if g.identifier == source:
            value = g.value(source, KGB.identifier)
            if value is not None:
                return str(value)
    return str(source)


def _quotes(graph: Graph | None, evidence: Iterable[URIRef]):
    rows = []
    for ev in evidence:
        if graph is None:
            continue
        quote, start, end = graph.value(ev, KGB.quote), graph.value(ev, KGB.start), graph.value(ev, KGB.end)
        if quote is not None:
            rows.append((ev, str(quote), int(start), int(end)))
    return sorted(rows, key=lambda r: r[2])

"""Validate kgbuild graphs against the SHACL shapes and report the results plainly.

`validate` checks each named graph of a dataset separately (one source document per graph);
`validate_graphs` takes many (name, graph) pairs at once, as a build has them. The default
engine runs the shapes compiled to SPARQL (`kgbuild.shacl_sparql`) over a batch of graphs in
pyoxigraph, with pySHACL only for shapes the compiler does not support; `engine="pyshacl"`
runs pySHACL on every graph. Both give the same report (tests/test_validate_fast.py). Either
way the report graph becomes plain `ValidationResult` records carrying what a historian needs to fix the data: which rule, on
which node (by its label), the message in English and Russian, and the quotes the node was
read from. `format_report` renders a report as text, Turtle or JSON.
"""

from __future__ import annotations

import json
import re
import threading
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import pyshacl
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.plugins.sparql import prepareQuery
from rdflib.namespace import DCTERMS, RDF, RDFS, SH, XSD

from kgbuild import shacl_sparql
from kgbuild.errors import InputError
from kgbuild.namespaces import KGB as KGB_NS, KGBSH, KGR as KGR_NS
from kgbuild.resources import shapes_dir

# Kept local until kgbuild.namespaces lands on this branch; same IRIs as the ontology.
KGB, KGR = KGB_NS._NS, KGR_NS._NS

SHAPES_FILE = "kgbuild-shapes.ttl"

# rdflib's name for the default graph of a Dataset.
_DEFAULT_GRAPH_IDS = {URIRef("urn:x-rdflib:default")}

_PREFIXES = (
    ("kgbsh:", str(KGBSH)),
    ("kgb:", str(KGB)),
    ("kgr:", str(KGR)),
    ("rdfs:", str(RDFS)),
    ("rdf:", str(RDF)),
)

FORMATS: tuple[str, ...] = ("text", "turtle", "json")

# How many quotes of a node's evidence a result carries (a person may be mentioned 40 times).
MAX_QUOTES = 3


@dataclass(frozen=True)
class Quote:
    """One piece of evidence for the focus node: the quoted text and where it stands."""

    quote: str
    source: str  # the source's kgb:identifier, or its IRI when it has none
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, in plain terms."""

    shape: str  # readable shape id: "Participation-agent"
    shape_name: str  # the shape's sh:name in English
    severity: str  # "Violation", "Warning" or "Info"
    focus: str  # IRI of the node the rule is about (or "_:b0" for a blank node)
    focus_label: str  # its label, description or quote; the IRI's last part otherwise
    message_en: str
    message_ru: str
    path: str | None = None  # compact property path: "kgb:agent", "^kgb:participation"
    value: str | None = None  # the offending value, if the rule names one
    evidence: tuple[Quote, ...] = ()
    graph: str | None = None  # named graph the result comes from (None: a plain graph)


@dataclass
class ValidationReport:
    """The results of validating one graph or every graph of a dataset."""

    results: list[ValidationResult] = field(default_factory=list)
    graphs: list[str | None] = field(default_factory=list)
    report_graph: Graph = field(default_factory=Graph, repr=False)

    @property
    def conforms(self) -> bool:
        """True when no result is a Violation: warnings do not fail a graph."""
        return not self.violations

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Warning"]


def code_files() -> tuple[Path, ...]:
    """The modules whose code decides a report: a cache of graphs known to pass must key on them."""
    return (Path(__file__), Path(shacl_sparql.__file__))


def default_shapes_path() -> Path:
    return shapes_dir() / SHAPES_FILE


def load_shapes(shapes: Graph | str | Path | None = None) -> Graph:
    """The shapes graph: the given graph or file, or kgbuild's own shapes."""
    if isinstance(shapes, Graph):
        return shapes
    if shapes is None:
        return _default_shapes()
    return _parse_shapes(Path(shapes))


@lru_cache(maxsize=1)
def _default_shapes() -> Graph:
    return _parse_shapes(default_shapes_path())


def _parse_shapes(path: Path) -> Graph:
    graph = Graph()
    try:
        graph.parse(path, format=_rdf_format(path))
    except FileNotFoundError:
        raise InputError(f"{path}: shapes file not found") from None
    except Exception as exc:  # rdflib raises many unrelated types for malformed input
        raise InputError(f"{path}: cannot read shapes: {_first_line(exc)}") from None
    return graph


ENGINES: tuple[str, ...] = ("fast", "pyshacl")

# Triples loaded into one pyoxigraph store per round of queries: big enough that the fixed
# cost of ~140 queries vanishes, small enough to keep the store's memory modest.
BATCH_TRIPLES = 100_000


def validate(graph: Graph | Dataset, *, shapes: Graph | str | Path | None = None,
             engine: str = "fast") -> ValidationReport:
    """Validate a graph, or each named graph of a dataset on its own, against the shapes.

    The caller's graph or dataset is never modified. `engine="pyshacl"` runs pySHACL on
    every graph (the reference); the default runs the shapes compiled to SPARQL over many
    graphs at once (`kgbuild.shacl_sparql`), with the same results, and leaves to pySHACL
    only the shapes the compiler does not support.
    """
    return validate_graphs(_graphs_to_validate(graph), shapes=shapes, engine=engine)


def validate_graphs(graphs: Iterable[tuple[str | None, Graph]], *,
                    shapes: Graph | str | Path | None = None, engine: str = "fast",
                    batch_triples: int = BATCH_TRIPLES) -> ValidationReport:
    """Validate many graphs, each on its own, in one call: (graph name or None, graph) pairs.

    What a builder calls with its source graphs: the fast engine loads them into one store
    a batch at a time, so the cost per graph is a few microseconds per triple rather than
    pySHACL's fixed cost per graph. Empty graphs are skipped.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}; choose one of {', '.join(ENGINES)}")
    shapes_graph = load_shapes(shapes)
    report = ValidationReport()
    if engine == "pyshacl":
        for name, data in graphs:
            if len(data):
                _pyshacl_one(_plain_copy(data), name, shapes_graph, report, list(FAST_PATH_SHAPES))
        return report
    compiled = shacl_sparql.compile_shapes(shapes_graph)
    fallback = _fallback_shapes(shapes_graph, compiled) if compiled.fallback else None
    batch = shacl_sparql.Batch()
    for name, data in graphs:
        if not len(data):
            continue
        batch.add(name, data)
        if batch.triples >= batch_triples:
            _run_batch(batch, compiled, fallback, shapes_graph, report)
            batch = shacl_sparql.Batch()
    if batch.graphs:
        _run_batch(batch, compiled, fallback, shapes_graph, report)
    return report


def _graphs_to_validate(graph: Graph | Dataset):
    if not isinstance(graph, Dataset):
        yield None, graph
        return
    for context in graph.graphs():
        if len(context) == 0:
            continue
        name = None if context.identifier in _DEFAULT_GRAPH_IDS else str(context.identifier)
        yield name, context


def _plain_copy(graph: Graph) -> Graph:
    """A plain Graph pySHACL may see: never the caller's graph or a dataset's context."""
    copy = Graph()
    for triple in graph.triples((None, None, None)):
        copy.add(triple)
    return copy


def _run_batch(batch, compiled, fallback: Graph | None, shapes: Graph, report: ValidationReport) -> None:
    rows, refused = shacl_sparql.run_checks(compiled, batch)
    by_graph: dict[int, list] = {}
    for row in rows:
        by_graph.setdefault(row.graph_index, []).append(row)
    python_checked = [s for s in FAST_PATH_SHAPES if s in compiled.fallback]
    for index, (name, data) in enumerate(batch.graphs):
        if index in refused:  # a value pySHACL treats in its own way: it checks the graph
            _pyshacl_one(_plain_copy(data), name, shapes, report, list(FAST_PATH_SHAPES))
            continue
        results_graph = Graph()
        report_node = BNode()
        results_graph.add((report_node, RDF.type, SH.ValidationReport))
        conforms = True
        for row in by_graph.get(index, ()):
            _add_row(results_graph, report_node, shapes, row)
            conforms = conforms and row.check.severity != SH.Violation
        results_graph.add((report_node, SH.conforms, Literal(conforms)))
        if fallback is not None:
            _, extra = _pyshacl_results(_plain_copy(data), fallback, python_checked)
            results_graph += extra
            for node in extra.subjects(RDF.type, SH.ValidationReport):
                for result in extra.objects(node, SH.result):
                    results_graph.add((report_node, SH.result, result))
                if (node, SH.conforms, Literal(False)) in extra:
                    results_graph.set((report_node, SH.conforms, Literal(False)))
                results_graph.remove((node, None, None))
        _collect(results_graph, data, name, shapes, report)


def _add_row(rg: Graph, report_node, shapes: Graph, row) -> None:
    """Write a compiled check's violation into the report graph as pySHACL would."""
    check = row.check
    result = BNode()
    rg.add((report_node, SH.result, result))
    rg.add((result, RDF.type, SH.ValidationResult))
    rg.add((result, SH.focusNode, row.focus))
    rg.add((result, SH.resultSeverity, check.severity))
    rg.add((result, SH.sourceShape, check.shape))
    rg.add((result, SH.sourceConstraintComponent, check.component))
    value, path = row.value, check.path
    if check.constraint is not None:
        rg.add((result, SH.sourceConstraint, check.constraint))
        if value is None and path is None:
            value = row.focus  # pySHACL: a node shape's focus is its value
        if row.path is not None:
            path = row.path
        bindings = {k: v for k, v in row.bindings.items() if v is not None and k not in ("this", "path", "value")}
        bindings.update({k: v for k, v in (("this", row.focus), ("path", row.path), ("value", row.value))
                         if v is not None})
        for template in check.messages:
            text = str(template)
            for var, val in bindings.items():
                text = re.sub("{{[?$]{}}}".format(var), str(val), text)
            rg.add((result, SH.resultMessage, Literal(text, lang=template.language)))
    else:
        for message in check.messages:
            rg.add((result, SH.resultMessage, message))
    if value is not None:
        rg.add((result, SH.value, value))
    if path is not None:
        rg.add((result, SH.resultPath, path))
        _copy_path(shapes, rg, path)


def _copy_path(shapes: Graph, rg: Graph, path) -> None:
    """The blank nodes of a complex sh:path, so the report graph reads on its own."""
    todo, seen = [path], set()
    while todo:
        node = todo.pop()
        if not isinstance(node, BNode) or node in seen:
            continue
        seen.add(node)
        for p, o in shapes.predicate_objects(node):
            rg.add((node, p, o))
            todo.append(o)


_FALLBACK: list = []


def _fallback_shapes(shapes: Graph, compiled) -> Graph:
    """The shapes without the targets of those the compiler covers: pySHACL checks the rest."""
    with _RESOLVE_LOCK:
        if _FALLBACK and _FALLBACK[0] is shapes and _FALLBACK[1] == len(shapes):
            return _FALLBACK[2]
        graph = Graph()
        for triple in shapes:
            graph.add(triple)
        for shape in compiled.compiled:
            for predicate in shacl_sparql.TARGET_PREDICATES:
                graph.remove((shape, predicate, None))
        _FALLBACK[:] = [shapes, len(shapes), graph]
        return graph


def _pyshacl_one(data: Graph, name: str | None, shapes: Graph, report: ValidationReport,
                 python_checked: list) -> None:
    _, results_graph = _pyshacl_results(data, shapes, python_checked)
    _collect(results_graph, data, name, shapes, report)


def _pyshacl_results(data: Graph, shapes: Graph, python_checked: list) -> tuple[bool, Graph]:
    fast = [shape for shape in python_checked if (shape, RDF.type, SH.NodeShape) in shapes]
    with _resolved_shapes(shapes, data, skip=fast) as resolved:
        # No inference: kgbuild types every node with its core class already. advanced=True
        # keeps SHACL-AF features of custom shapes working.
        conforms, results_graph, _ = pyshacl.validate(
            data, shacl_graph=resolved, advanced=True, inference="none", allow_warnings=True,
        )
    if fast:
        _check_evidence_spans(data, shapes, results_graph, fast)
    return conforms, results_graph


def _collect(results_graph: Graph, data: Graph, name: str | None, shapes: Graph,
             report: ValidationReport) -> None:
    report.graphs.append(name)
    for report_node in results_graph.subjects(RDF.type, SH.ValidationReport):
        if name is not None:
            results_graph.add((report_node, DCTERMS.subject, URIRef(name)))
    report.report_graph += results_graph
    seen = set()
    for result in results_graph.objects(None, SH.result):
        plain = _plain_result(results_graph, result, data, shapes, name)
        # One broken value can fail several components of one shape (datatype, min, max):
        # a reader needs it once.
        key = (plain.shape, plain.focus, plain.path, plain.value, plain.message_en)
        if key not in seen:
            seen.add(key)
            report.results.append(plain)


@contextmanager
def _resolved_shapes(shapes: Graph, data: Graph, skip: list):
    """The shapes with each SPARQL-based target replaced by the nodes it selects in `data`.

    Same semantics as pySHACL's SHACL-AF targets, but each query is parsed once per process
    instead of once per validation: parsing dominated validating many small graphs. Shapes
    in `skip` lose their targets (they are checked in Python). The shapes without their
    SPARQL targets are copied once per process; each graph's target nodes are added to that
    copy and taken out again afterwards: copying the shapes for every source graph took 40 %
    of validating a corpus graph by graph.
    """
    links = _sparql_target_links(shapes)
    if not links:
        yield shapes
        return
    with _RESOLVE_LOCK:
        base = _shapes_without_sparql_targets(shapes)
        added = []
        for shape, target in links:
            if shape in skip:
                continue
            select = shapes.value(target, SH.select)
            if select is None:
                continue
            query = _prepared(str(select), _declared_prefixes(shapes, target))
            for row in data.query(query):
                triple = (shape, SH.targetNode, row[0])
                if triple not in base:
                    base.add(triple)
                    added.append(triple)
        try:
            yield base
        finally:
            for triple in added:
                base.remove(triple)


def _sparql_target_links(shapes: Graph) -> list:
    return [(shape, target) for shape, target in shapes.subject_objects(SH.target)
            if (target, RDF.type, SH.SPARQLTarget) in shapes]


# The shapes graph a copy was made from (kept, so its id is not reused), its size, and the copy.
_BASE_COPY: list = []
_RESOLVE_LOCK = threading.RLock()


def _shapes_without_sparql_targets(shapes: Graph) -> Graph:
    if _BASE_COPY and _BASE_COPY[0] is shapes and _BASE_COPY[1] == len(shapes):
        return _BASE_COPY[2]
    base = Graph()
    for triple in shapes:
        base.add(triple)
    for shape, target in _sparql_target_links(shapes):
        base.remove((shape, SH.target, target))
    _BASE_COPY[:] = [shapes, len(shapes), base]
    return base


def _declared_prefixes(shapes: Graph, node) -> tuple[tuple[str, str], ...]:
    prefixes = []
    for owner in shapes.objects(node, SH.prefixes):
        for declaration in shapes.objects(owner, SH.declare):
            prefix = shapes.value(declaration, SH.prefix)
            namespace = shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                prefixes.append((str(prefix), str(namespace)))
    return tuple(sorted(prefixes))


@lru_cache(maxsize=128)
def _prepared(select: str, prefixes: tuple[tuple[str, str], ...]):
    try:
        return prepareQuery(select, initNs=dict(prefixes))
    except Exception as exc:  # pyparsing's errors are not part of rdflib's API
        raise InputError(f"shapes: malformed SPARQL target: {_first_line(exc)}") from None


# The two SPARQL-based evidence checks, done here in Python with the same results: pySHACL
# parses a SPARQL constraint again for every focus node and runs on rdflib's SPARQL engine,
# which made these two checks the slowest part of validating large graphs.
QUOTE_LENGTH_SHAPE = KGBSH.EvidenceQuoteLengthShape
QUOTE_IN_TEXT_SHAPE = KGBSH.EvidenceQuoteInTextShape
FAST_PATH_SHAPES = (QUOTE_LENGTH_SHAPE, QUOTE_IN_TEXT_SHAPE)


def _check_evidence_spans(data: Graph, shapes: Graph, results_graph: Graph, fast: list) -> None:
    """Quote length == end - start, and text[start:end] == quote where the text is known.

    Every combination of values counts, as in the SPARQL constraints (an evidence node with
    two starts is checked with each)."""
    report_node = results_graph.value(None, RDF.type, SH.ValidationReport)
    seen = set()
    for evidence in data.subjects(RDF.type, KGB.Evidence):
        quotes = [q for q in data.objects(evidence, KGB.quote)
                  if isinstance(q, Literal) and (q.language or q.datatype in (None, XSD.string))]
        starts = [v for v in map(_offset, data.objects(evidence, KGB.start)) if v is not None]
        ends = [v for v in map(_offset, data.objects(evidence, KGB.end)) if v is not None]
        for quote in quotes:
            for start in starts:
                for end in ends:
                    _check_span(data, shapes, results_graph, report_node, fast, seen, evidence,
                                str(quote), start, end)


def _check_span(data, shapes, results_graph, report_node, fast, seen, evidence, quote, start, end) -> None:
    if QUOTE_LENGTH_SHAPE in fast and len(quote) != end - start:
        key = (QUOTE_LENGTH_SHAPE, evidence, len(quote), end - start)
        if key not in seen:
            seen.add(key)
            _add_result(results_graph, report_node, shapes, QUOTE_LENGTH_SHAPE, evidence,
                        Literal(len(quote)), {"value": str(len(quote)), "span": str(end - start)})
    if QUOTE_IN_TEXT_SHAPE not in fast or start < 0 or end <= start:
        return
    for source in data.objects(evidence, KGB.source):
        for text in data.objects(source, KGB.text):
            found = str(text)[start:end]
            key = (QUOTE_IN_TEXT_SHAPE, evidence, found)
            if found != quote and key not in seen:
                seen.add(key)
                _add_result(results_graph, report_node, shapes, QUOTE_IN_TEXT_SHAPE, evidence,
                            Literal(found), {"value": found})


def _offset(value) -> int | None:
    """An offset the span shapes read: an xsd:integer (their SPARQL skips any other datatype)."""
    if isinstance(value, Literal) and value.datatype == XSD.integer:
        return _as_int(value)
    return None


def _add_result(rg: Graph, report_node, shapes: Graph, shape, focus, value, bindings: dict) -> None:
    """Write a result into pySHACL's report graph as its SPARQL constraint would have."""
    result = BNode()
    constraint = shapes.value(shape, SH.sparql)
    severity = shapes.value(shape, SH.severity) or SH.Violation
    rg.add((result, RDF.type, SH.ValidationResult))
    rg.add((result, SH.focusNode, focus))
    rg.add((result, SH.value, value))
    rg.add((result, SH.resultSeverity, severity))
    rg.add((result, SH.sourceShape, shape))
    rg.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
    if constraint is not None:
        rg.add((result, SH.sourceConstraint, constraint))
        for template in shapes.objects(constraint, SH.message):
            text = re.sub(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}",
                          lambda m: bindings.get(m.group(1), m.group(0)), str(template))
            rg.add((result, SH.resultMessage, Literal(text, lang=template.language)))
    if report_node is not None:
        rg.add((report_node, SH.result, result))
        if severity == SH.Violation:
            rg.set((report_node, SH.conforms, Literal(False)))


def _plain_result(rg: Graph, result, data: Graph, shapes: Graph, graph_name: str | None) -> ValidationResult:
    shape = rg.value(result, SH.sourceShape)
    focus = rg.value(result, SH.focusNode)
    severity = rg.value(result, SH.resultSeverity)
    templates = list(shapes.objects(shape, SH.message))
    constraint = rg.value(result, SH.sourceConstraint)
    if constraint is not None:
        templates += list(shapes.objects(constraint, SH.message))
    messages = _tag_languages(list(rg.objects(result, SH.resultMessage)), templates)
    if not messages:
        messages = templates
    path = rg.value(result, SH.resultPath)
    value = rg.value(result, SH.value)
    return ValidationResult(
        shape=_shape_id(shapes, shape),
        shape_name=_shape_name(shapes, shape),
        severity=_local(severity) if severity is not None else "Violation",
        focus=_node_text(focus),
        focus_label=_label(data, focus),
        message_en=_pick_language(messages, "en"),
        message_ru=_pick_language(messages, "ru"),
        path=_path_text(rg, path) if path is not None else None,
        value=_node_text(value) if value is not None else None,
        evidence=_quotes(data, focus),
        graph=graph_name,
    )


def _owning_shape(shapes: Graph, shape):
    """A named shape for a blank-node shape: the node shape whose sh:property it is."""
    seen = set()
    while isinstance(shape, BNode) and shape not in seen:
        seen.add(shape)
        parent = shapes.value(None, SH.property, shape)
        if parent is None:
            break
        shape = parent
    return shape


def _shape_id(shapes: Graph, shape) -> str:
    owner = _owning_shape(shapes, shape)
    if isinstance(owner, URIRef):
        return _compact(owner, drop_prefix=str(KGBSH))
    return "unnamed shape"


def _shape_name(shapes: Graph, shape) -> str:
    for candidate in (shape, _owning_shape(shapes, shape)):
        names = list(shapes.objects(candidate, SH.name))
        if names:
            return _pick_language(names, "en")
    return _shape_id(shapes, shape)


def _tag_languages(messages: list, templates: list) -> list:
    """Give back the language tags pySHACL drops when it fills in {?var} placeholders."""
    tagged = []
    for message in messages:
        if isinstance(message, Literal) and message.language is None:
            for template in templates:
                if template.language and _template_regex(str(template)).fullmatch(str(message)):
                    message = Literal(str(message), lang=template.language)
                    break
        tagged.append(message)
    return tagged


@lru_cache(maxsize=256)
def _template_regex(template: str) -> re.Pattern:
    parts = re.split(r"\{[?$][A-Za-z_][A-Za-z0-9_]*\}", template)
    return re.compile(".*?".join(re.escape(part) for part in parts), re.DOTALL)


def _pick_language(literals, lang: str) -> str:
    """The literal in `lang`; else one without a language; else any."""
    literals = [x for x in literals if isinstance(x, Literal)]
    for wanted in (lang, None):
        for lit in literals:
            if lit.language == wanted:
                return str(lit)
    return str(literals[0]) if literals else ""


def _label(data: Graph, node) -> str:
    if node is None:
        return ""
    for prop in (RDFS.label, KGB.description, KGB.quote, KGB.identifier):
        values = sorted(data.objects(node, prop), key=_sort_key)  # the same pick every time
        if values:
            return _pick_language(values, "ru")
    return _local(node) if isinstance(node, URIRef) else _node_text(node)


def _quotes(data: Graph, focus) -> tuple[Quote, ...]:
    if focus is None or isinstance(focus, Literal):
        return ()
    if (focus, RDF.type, KGB.Evidence) in data:
        evidence_nodes = [focus]
    else:
        evidence_nodes = list(data.objects(focus, KGB.evidence))
    quotes = []
    for ev in evidence_nodes:
        quote = _one(data, ev, KGB.quote)
        if quote is None:
            continue
        source = _one(data, ev, KGB.source)
        identifier = _one(data, source, KGB.identifier) if source is not None else None
        quotes.append(Quote(
            quote=str(quote),
            source=str(identifier) if identifier is not None else (str(source) if source else ""),
            start=_as_int(_one(data, ev, KGB.start)),
            end=_as_int(_one(data, ev, KGB.end)),
        ))
    quotes.sort(key=lambda q: (q.source, q.start if q.start is not None else -1, q.quote))
    return tuple(quotes[:MAX_QUOTES])


def _one(data: Graph, node, prop):
    """One value of a property, the same one whichever order the graph keeps its triples in."""
    values = list(data.objects(node, prop))
    return min(values, key=_sort_key) if values else None


def _sort_key(node) -> tuple:
    return (not isinstance(node, Literal), type(node).__name__, str(node),
            str(getattr(node, "datatype", "") or ""), str(getattr(node, "language", "") or ""))


def _as_int(value) -> int | None:
    if isinstance(value, Literal):
        python = value.toPython()
        if isinstance(python, int) and not isinstance(python, bool):
            return python
    return None


def _path_text(rg: Graph, path) -> str:
    if isinstance(path, URIRef):
        return _compact(path)
    inverse = rg.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _path_text(rg, inverse)
    alternatives = rg.value(path, SH.alternativePath)
    if alternatives is not None:
        return "|".join(_path_text(rg, p) for p in Collection(rg, alternatives))
    if rg.value(path, RDF.first) is not None:
        return "/".join(_path_text(rg, p) for p in Collection(rg, path))
    return "path"


def _node_text(node) -> str:
    if isinstance(node, Literal):
        return str(node)
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def _compact(iri: URIRef, drop_prefix: str | None = None) -> str:
    text = str(iri)
    if drop_prefix and text.startswith(drop_prefix):
        return text[len(drop_prefix):]
    for prefix, namespace in _PREFIXES:
        if text.startswith(namespace):
            return prefix + text[len(namespace):]
    return text


def _local(iri) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _rdf_format(path: Path) -> str:
    return {".ttl": "turtle", ".nt": "nt", ".rdf": "xml", ".owl": "xml", ".jsonld": "json-ld",
            ".trig": "trig", ".nq": "nquads", ".n3": "n3"}.get(path.suffix.lower(), "turtle")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


# ---------------------------------------------------------------------------- formatting


def format_report(report: ValidationReport, fmt: str = "text", *, lang: str = "en") -> str:
    """Render a report as "text" (grouped by rule), "turtle" (SHACL report) or "json"."""
    if fmt == "text":
        return _format_text(report, lang)
    if fmt == "json":
        return _format_json(report)
    if fmt == "turtle":
        graph = report.report_graph
        graph.bind("sh", SH)
        graph.bind("kgb", KGB)
        graph.bind("kgbsh", KGBSH)
        return graph.serialize(format="turtle")
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _format_json(report: ValidationReport) -> str:
    payload = {
        "conforms": report.conforms,
        "violations": len(report.violations),
        "warnings": len(report.warnings),
        "graphs": report.graphs,
        "results": [asdict(r) for r in report.results],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


def _format_text(report: ValidationReport, lang: str) -> str:
    n_graphs = len(report.graphs)
    verdict = "conforms" if report.conforms else "does not conform"
    lines = [
        f"{_plural(len(report.violations), 'violation')}, {_plural(len(report.warnings), 'warning')}"
        f" in {_plural(n_graphs, 'graph')}: {verdict}"
    ]
    groups: dict[tuple[str, str], list[ValidationResult]] = {}
    for result in report.results:
        groups.setdefault((result.severity, result.shape), []).append(result)
    for (severity, shape), results in sorted(
        groups.items(), key=lambda item: (_SEVERITY_ORDER.get(item[0][0], 9), item[0][1])
    ):
        lines.append("")
        lines.append(f"{severity}: {shape} ({results[0].shape_name}): {_plural(len(results), 'result')}")
        for result in sorted(results, key=lambda r: (r.graph or "", r.focus_label, r.focus)):
            message = result.message_ru if lang == "ru" else result.message_en
            lines.append(f"  - {result.focus_label}  <{result.focus}>")
            lines.append(f"    {message}")
            details = []
            if result.path:
                details.append(f"path {result.path}")
            if result.value is not None and result.value != result.focus:
                details.append(f"value {result.value!r}")
            if result.graph:
                details.append(f"graph <{result.graph}>")
            if details:
                lines.append("    " + "; ".join(details))
            for quote in result.evidence:
                span = f" [{quote.start}:{quote.end}]" if quote.start is not None else ""
                lines.append(f"    \u00ab{quote.quote}\u00bb \u2014 {quote.source}{span}")
    return "\n".join(lines) + "\n"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")

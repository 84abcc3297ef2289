"""SHACL shapes compiled into SPARQL queries that pyoxigraph runs over many graphs at once.

pySHACL validates one graph at a time in Python; a build has thousands of small source
graphs. Here each targeted shape is compiled once into SELECT queries that return only its
violations, scoped `GRAPH ?g { ... }` so every source graph keeps its own semantics (a
node's sh:maxCount is counted within one graph, a type stated in another graph does not
count), and the queries run over a batch of graphs loaded into one in-memory store.

The results are pySHACL's, not an approximation of them:
- where SPARQL and pySHACL agree exactly (counts, sh:class, sh:in by term, sh:datatype,
  sh:or/sh:and/sh:not/sh:node of those) the query decides;
- where they may differ (comparisons of literals, regular expressions, lengths of
  canonicalised literals) the query only drops values that surely pass and the rest are
  checked in Python with pySHACL's own rules;
- a literal rdflib finds ill-typed (what pySHACL's sh:datatype looks at) is loaded with a
  marker datatype, so SPARQL sees it fail as pySHACL does.

Known difference: pyoxigraph stores a valid literal in canonical form ("0.80"^^xsd:decimal as
0.8), so a shape's own SPARQL that prints STR() of such a value prints the canonical form; the
reported sh:value keeps the graph's form. rdflib already writes integers, booleans and dates
canonically, and kgbuild's mapper writes decimals so.

A shape using anything else is not compiled: `CompiledShapes.fallback` lists it, and the
caller validates it with pySHACL, so a new shape is never silently left unchecked.
pyoxigraph types stay in this module.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from itertools import count
from typing import Callable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

# Datatype of a literal rdflib (hence pySHACL) finds ill-typed; the original follows.
ILL_TYPED = "urn:x-kgbuild:ill-typed:"
# Stands for rdf:type, or rdf:type/rdfs:subClassOf* when a graph of the batch has subclasses.
_TYPE = "%%TYPE%%"

TARGET_PREDICATES = _TARGETS = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target, SH.targetNode)
_ANNOTATIONS = {RDF.type, SH.name, SH.description, SH.message, SH.severity, SH.order, SH.group,
                SH.defaultValue, RDFS.label, RDFS.comment}
_VALUE_PARAMS = {SH.datatype, SH["class"], SH["in"], SH.node, SH["or"], SH["and"], SH["not"],
                 SH.nodeKind, SH.hasValue}
_PYTHON_PARAMS = {SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive,
                  SH.pattern, SH.flags, SH.minLength, SH.lessThan, SH.lessThanOrEquals}
_COUNT_PARAMS = {SH.minCount, SH.maxCount, SH.qualifiedValueShape, SH.qualifiedMinCount,
                 SH.disjoint}
_SUPPORTED = _ANNOTATIONS | set(_TARGETS) | _VALUE_PARAMS | _PYTHON_PARAMS | _COUNT_PARAMS | {
    SH.path, SH.property, SH.sparql, SH.deactivated, SH.qualifiedValueShapesDisjoint, SH.prefixes}

_COMPONENT = {
    SH.datatype: SH.DatatypeConstraintComponent, SH["class"]: SH.ClassConstraintComponent,
    SH["in"]: SH.InConstraintComponent, SH.node: SH.NodeConstraintComponent,
    SH["or"]: SH.OrConstraintComponent, SH["and"]: SH.AndConstraintComponent,
    SH["not"]: SH.NotConstraintComponent, SH.nodeKind: SH.NodeKindConstraintComponent,
    SH.hasValue: SH.HasValueConstraintComponent, SH.minCount: SH.MinCountConstraintComponent,
    SH.maxCount: SH.MaxCountConstraintComponent, SH.disjoint: SH.DisjointConstraintComponent,
    SH.minInclusive: SH.MinInclusiveConstraintComponent,
    SH.maxInclusive: SH.MaxInclusiveConstraintComponent,
    SH.minExclusive: SH.MinExclusiveConstraintComponent,
    SH.maxExclusive: SH.MaxExclusiveConstraintComponent,
    SH.pattern: SH.PatternConstraintComponent, SH.minLength: SH.MinLengthConstraintComponent,
    SH.lessThan: SH.LessThanConstraintComponent,
    SH.lessThanOrEquals: SH.LessThanOrEqualsConstraintComponent,
    SH.qualifiedMinCount: SH.QualifiedMinCountConstraintComponent,
    SH.sparql: SH.SPARQLConstraintComponent,
}

_NODE_KINDS = {
    SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isIRI({v}) || isBlank({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
_NUMERIC = (XSD.integer, XSD.decimal)


class Unsupported(Exception):
    """The compiler cannot state this exactly: pySHACL checks it."""


@dataclass
class Check:
    """One query giving one constraint's violations: rows of ?g ?this [?value ...]."""

    shape: URIRef | BNode  # sh:sourceShape
    component: URIRef
    query: str
    severity: URIRef
    messages: list
    path: URIRef | BNode | None = None  # sh:path of a property shape, in the shapes graph
    has_value: bool = False  # the rows carry ?value
    # Exact pySHACL rule for the candidate rows the query kept: (value, other) -> violates.
    python: Callable | None = None
    constraint: URIRef | BNode | None = None  # sh:sparql node
    variables: tuple[str, ...] = ()  # the SPARQL constraint's projected variables
    steps: tuple = ()  # the path as (predicate, inverse) alternatives, when it is that simple


@dataclass
class CompiledShapes:
    checks: list[Check] = field(default_factory=list)
    compiled: list = field(default_factory=list)  # top-level shapes the checks cover
    fallback: list = field(default_factory=list)  # top-level shapes pySHACL must check
    reasons: dict = field(default_factory=dict)  # fallback shape -> why


_CACHE: list = []
_LOCK = threading.Lock()


def compile_shapes(shapes: Graph) -> CompiledShapes:
    """The checks for every targeted shape the compiler supports (cached per shapes graph)."""
    with _LOCK:
        if _CACHE and _CACHE[0] is shapes and _CACHE[1] == len(shapes):
            return _CACHE[2]
        compiled = _Compiler(shapes).run()
        _CACHE[:] = [shapes, len(shapes), compiled]
        return compiled


class _Compiler:
    def __init__(self, shapes: Graph) -> None:
        self.sg = shapes
        self.fresh = count()
        self.parameters = {p for c in shapes.objects(None, SH.parameter)
                           for p in shapes.objects(c, SH.path)}

    def run(self) -> CompiledShapes:
        out = CompiledShapes()
        rules = any(self.sg.triples((None, SH.rule, None)))
        for shape in self._top_level():
            try:
                if rules:
                    raise Unsupported("SHACL rules change the data other shapes see")
                checks = self._top(shape)
            except Unsupported as why:
                out.fallback.append(shape)
                out.reasons[shape] = str(why)
                continue
            out.compiled.append(shape)
            out.checks.extend(checks)
        return out

    def _top_level(self) -> list:
        shapes = set()
        for predicate in _TARGETS:
            shapes.update(self.sg.subjects(predicate, None))
        for cls in (RDFS.Class, URIRef("http://www.w3.org/2002/07/owl#Class")):
            for node in self.sg.subjects(RDF.type, cls):
                if (node, RDF.type, SH.NodeShape) in self.sg or (node, RDF.type, SH.PropertyShape) in self.sg:
                    shapes.add(node)
        return sorted(shapes, key=str)

    # ------------------------------------------------------------------ shapes with targets

    def _top(self, shape) -> list[Check]:
        sg = self.sg
        if _is_true(sg.value(shape, SH.deactivated)):
            return []
        self._check_predicates(shape)
        if (shape, RDF.type, RDFS.Class) in sg or (shape, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in sg:
            raise Unsupported("implicit class target")
        target, prologue = self._targets(shape)
        checks = self._shape_checks(shape, target, prologue)
        for prop in sg.objects(shape, SH.property):
            if sg.value(shape, SH.path) is not None:
                raise Unsupported("sh:property on a property shape")
            self._check_predicates(prop)
            if _is_true(sg.value(prop, SH.deactivated)):
                continue
            if any((prop, p, None) in sg for p in _TARGETS):
                raise Unsupported("a nested property shape with targets of its own")
            checks += self._shape_checks(prop, target, prologue)
        return checks

    def _check_predicates(self, shape) -> None:
        for predicate in set(self.sg.predicates(shape, None)):
            if predicate in self.parameters:
                raise Unsupported(f"custom constraint component parameter {predicate}")
            if str(predicate).startswith(str(SH)) and predicate not in _SUPPORTED:
                raise Unsupported(f"{predicate} is not compiled")

    def _targets(self, shape) -> tuple[str, dict]:
        sg = self.sg
        parts, prologue = [], {}
        for cls in sg.objects(shape, SH.targetClass):
            parts.append(f"GRAPH ?g {{ ?this {_TYPE} {_term(cls)} }}")
        for p in sg.objects(shape, SH.targetSubjectsOf):
            parts.append(f"GRAPH ?g {{ ?this {_term(p)} ?_t }}")
        for p in sg.objects(shape, SH.targetObjectsOf):
            parts.append(f"GRAPH ?g {{ ?_t {_term(p)} ?this }}")
        if any(sg.objects(shape, SH.targetNode)):
            raise Unsupported("sh:targetNode")
        for target in sg.objects(shape, SH.target):
            if (target, RDF.type, SH.SPARQLTarget) not in sg:
                raise Unsupported("a target other than a SPARQL target")
            select = sg.value(target, SH.select)
            if select is None or sg.value(target, SH.ask) is not None:
                raise Unsupported("SPARQL target without sh:select")
            prefixes, query = _split_query(str(select), self._prefixes(target))
            if not _projects_this(query):
                raise Unsupported("SPARQL target does not select ?this")
            parts.append(_graph_scoped(query))  # a subquery: its variables stay its own
            prologue = _merge_prefixes(prologue, prefixes)
        if not parts:
            raise Unsupported("no target")
        if len(parts) == 1:  # the outer SELECT DISTINCT drops repeated focus nodes
            return parts[0], prologue
        union = " UNION ".join(f"{{ {p} }}" for p in parts)
        return f"{{ SELECT DISTINCT ?g ?this WHERE {{ {union} }} }}", prologue

    def _prefixes(self, node) -> dict:
        declared = {}
        for owner in self.sg.objects(node, SH.prefixes):
            for declaration in self.sg.objects(owner, SH.declare):
                prefix = self.sg.value(declaration, SH.prefix)
                namespace = self.sg.value(declaration, SH.namespace)
                if prefix is not None and namespace is not None:
                    declared[str(prefix)] = str(namespace)
        return declared

    def _meta(self, shape) -> tuple[URIRef, list]:
        severity = self.sg.value(shape, SH.severity) or SH.Violation
        messages = sorted(self.sg.objects(shape, SH.message), key=str)
        return severity, messages

    def _shape_checks(self, shape, target: str, prologue: dict) -> list[Check]:
        sg = self.sg
        severity, messages = self._meta(shape)
        path = sg.value(shape, SH.path)
        checks: list[Check] = []
        params = set(sg.predicates(shape, None))
        if (params & (_VALUE_PARAMS | _PYTHON_PARAMS | _COUNT_PARAMS)) and not messages:
            raise Unsupported("no sh:message (pySHACL would write its own)")

        def add(component, body: str, has_value: bool, python=None, extra_vars: str = "") -> None:
            select = "?g ?this" + (" ?value" if has_value else "") + extra_vars
            query = f"SELECT DISTINCT {select} WHERE {{ {target} {body} }}"
            checks.append(Check(shape, component, query, severity, messages, path, has_value, python,
                                steps=self._steps(path) if path is not None else ()))

        if path is None:
            for predicate in _VALUE_PARAMS:
                for obj in sg.objects(shape, predicate):
                    ok = self._value_condition(predicate, obj, "?this")
                    add(_COMPONENT[predicate], f"FILTER (!({ok}))", False)
            if params & (_PYTHON_PARAMS | _COUNT_PARAMS):
                raise Unsupported("value-range, string or count constraints on a node shape")
            # pySHACL gives a node shape's own value node, the focus, as sh:value (but not
            # for sh:hasValue).
            for check in checks:
                if check.component == SH.HasValueConstraintComponent:
                    continue
                check.query = check.query.replace(
                    "SELECT DISTINCT ?g ?this", "SELECT DISTINCT ?g ?this (?this AS ?value)", 1)
                check.has_value = True
        else:
            sparql_path = self._path(path)
            values = f"GRAPH ?g {{ ?this {sparql_path} ?value }}"
            for predicate in _VALUE_PARAMS - {SH.hasValue}:
                for obj in sg.objects(shape, predicate):
                    ok = self._value_condition(predicate, obj, "?value")
                    add(_COMPONENT[predicate], f"{values} FILTER (!({ok}))", True)
            for obj in sg.objects(shape, SH.hasValue):
                add(SH.HasValueConstraintComponent,
                    f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?this {sparql_path} {_term(obj)} }} }}", False)
            for obj in sg.objects(shape, SH.minCount):
                n = _count_value(obj)
                if n == 0:
                    continue
                if n == 1:
                    add(SH.MinCountConstraintComponent,
                        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?this {sparql_path} ?_x }} }}", False)
                else:
                    add(SH.MinCountConstraintComponent,
                        f"OPTIONAL {{ SELECT ?g ?this (COUNT(DISTINCT ?_x) AS ?_n) WHERE {{ GRAPH ?g {{ ?this "
                        f"{sparql_path} ?_x }} }} GROUP BY ?g ?this }} FILTER (COALESCE(?_n, 0) < {n})", False)
            for obj in sg.objects(shape, SH.maxCount):
                n = _count_value(obj)
                if n == 1:  # two different values: a third cheaper than counting them
                    add(SH.MaxCountConstraintComponent, f"GRAPH ?g {{ ?this {sparql_path} ?_a , ?_b }} "
                        f"FILTER (!sameTerm(?_a, ?_b))", False)
                    continue
                add(SH.MaxCountConstraintComponent,
                    f"{{ SELECT ?g ?this (COUNT(DISTINCT ?_x) AS ?_n) WHERE {{ GRAPH ?g {{ ?this {sparql_path} ?_x }} }} "
                    f"GROUP BY ?g ?this }} FILTER (?_n > {n})", False)
            for other in sg.objects(shape, SH.disjoint):
                add(SH.DisjointConstraintComponent,
                    f"GRAPH ?g {{ ?this {sparql_path} ?value . ?this {_term(other)} ?value }}", True)
            self._qualified(shape, sparql_path, add)
            self._python_checks(shape, values, add)
        for check in checks:
            check.query = _prologue_text(prologue) + check.query
        for constraint in sg.objects(shape, SH.sparql):
            checks.append(self._sparql_check(shape, constraint, target, prologue, severity, messages, path))
        return checks

    def _qualified(self, shape, sparql_path: str, add) -> None:
        sg = self.sg
        q = sg.value(shape, SH.qualifiedValueShape)
        if q is None:
            return
        if sg.value(shape, SH.qualifiedMaxCount) is not None or _is_true(sg.value(shape, SH.qualifiedValueShapesDisjoint)):
            raise Unsupported("sh:qualifiedMaxCount or disjoint qualified shapes")
        minimum = sg.value(shape, SH.qualifiedMinCount)
        if minimum is None:
            return
        n = _count_value(minimum)
        ok = self._conforms(q, "?_q")
        if n == 0:
            return
        if n == 1:
            body = f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?this {sparql_path} ?_q }} FILTER ({ok}) }}"
        else:
            body = (f"OPTIONAL {{ SELECT ?g ?this (COUNT(DISTINCT ?_q) AS ?_n) WHERE {{ GRAPH ?g {{ ?this "
                    f"{sparql_path} ?_q }} FILTER ({ok}) }} GROUP BY ?g ?this }} FILTER (COALESCE(?_n, 0) < {n})")
        add(SH.QualifiedMinCountConstraintComponent, body, False)

    def _python_checks(self, shape, values: str, add) -> None:
        sg = self.sg
        for predicate, rule in ((SH.minInclusive, lambda c: c >= 0), (SH.maxInclusive, lambda c: c <= 0),
                                (SH.minExclusive, lambda c: c > 0), (SH.maxExclusive, lambda c: c < 0)):
            for bound in sg.objects(shape, predicate):
                if not isinstance(bound, Literal):
                    raise Unsupported("a non-literal bound")
                op = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}[predicate]
                surely = "false"
                if bound.datatype in _NUMERIC and _sound(bound):
                    surely = (f"(isLiteral(?value) && DATATYPE(?value) IN ({_term(XSD.integer)}, {_term(XSD.decimal)})"
                              f" && ?value {op} {_term(bound)})")
                add(_COMPONENT[predicate], f"{values} FILTER (!COALESCE({surely}, false))", True,
                    python=_range_rule(bound, rule))
        patterns = list(sg.objects(shape, SH.pattern))
        if patterns:
            flags = list(sg.objects(shape, SH.flags))
            for pattern in patterns:
                add(SH.PatternConstraintComponent, values, True, python=_pattern_rule(pattern, flags))
        for minimum in sg.objects(shape, SH.minLength):
            n = _count_value(minimum)
            surely = (f"(isLiteral(?value) && DATATYPE(?value) IN ({_term(XSD.string)}, {_term(RDF.langString)})"
                      f" && STRLEN(STR(?value)) >= {n})")
            add(SH.MinLengthConstraintComponent, f"{values} FILTER (!COALESCE({surely}, false))", True,
                python=_min_length_rule(n))
        for predicate, strict in ((SH.lessThan, True), (SH.lessThanOrEquals, False)):
            for other in sg.objects(shape, predicate):
                op = "<" if strict else "<="
                same = " || ".join(
                    f"(DATATYPE(?value) = {_term(dt)} && DATATYPE(?_other) = {_term(dt)})"
                    for dt in (XSD.integer, XSD.decimal))
                dates = (f"(DATATYPE(?value) = {_term(XSD.date)} && DATATYPE(?_other) = {_term(XSD.date)}"
                         f" && REGEX(STR(?value), \"^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$\")"
                         f" && REGEX(STR(?_other), \"^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$\"))")
                surely = f"(isLiteral(?value) && isLiteral(?_other) && ({same} || {dates}) && ?value {op} ?_other)"
                add(_COMPONENT[predicate], f"{values} GRAPH ?g {{ ?this {_term(other)} ?_other }} "
                    f"FILTER (!COALESCE({surely}, false))", True, python=_less_rule(strict), extra_vars=" ?_other")

    def _sparql_check(self, shape, constraint, target: str, prologue: dict, severity, messages, path) -> Check:
        sg = self.sg
        if sg.value(shape, SH.path) is not None:
            raise Unsupported("SPARQL constraint on a property shape ($PATH)")
        if _is_true(sg.value(constraint, SH.deactivated)):
            raise Unsupported("deactivated SPARQL constraint")
        select = sg.value(constraint, SH.select)
        if select is None:
            raise Unsupported("SPARQL constraint without sh:select")
        prefixes, query = _split_query(str(select), self._prefixes(constraint))
        prologue = _merge_prefixes(prologue, prefixes)
        if re.search(r"[?$](shapesGraph|currentShape|PATH|failure)\b", query):
            raise Unsupported("pre-bound variables other than $this")
        variables = _projection(query)
        if variables is None:
            raise Unsupported("SELECT * or expressions in a SPARQL constraint's projection")
        if "this" not in variables:
            query = re.sub(r"(?i)^(\s*SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?)", r"\1?this ", query, count=1)
            variables = ("this", *variables)
        extra = [v for v in variables if v != "this"]
        projection = "?g ?this " + " ".join(f"?{v}" for v in extra)
        full = _prologue_text(prologue) + (
            f"SELECT DISTINCT {projection} WHERE {{ {target} {_graph_scoped(query)} }}")
        constraint_messages = sorted(sg.objects(constraint, SH.message), key=str)
        return Check(shape, SH.SPARQLConstraintComponent, full, severity, messages + [
            m for m in constraint_messages if m not in messages], None, False, None, constraint, tuple(extra))

    # ------------------------------------------------------------------ nested shapes

    def _value_condition(self, predicate, obj, v: str) -> str:
        """A SPARQL expression, never an error, true when `v` passes this one constraint."""
        sg = self.sg
        if predicate == SH.datatype:
            if obj in (RDFS.Literal, RDFS.Datatype) or not isinstance(obj, URIRef):
                raise Unsupported("sh:datatype rdfs:Literal / rdfs:Datatype")
            return f"COALESCE(isLiteral({v}) && DATATYPE({v}) = {_term(obj)}, false)"
        if predicate == SH["class"]:
            return f"EXISTS {{ GRAPH ?g {{ {v} {_TYPE} {_term(obj)} }} }}"
        if predicate == SH["in"]:
            members = list(Collection(sg, obj))
            if not members:
                return "false"
            return "(" + " || ".join(f"sameTerm({v}, {_term(m)})" for m in members) + ")"
        if predicate == SH.hasValue:
            return f"sameTerm({v}, {_term(obj)})"
        if predicate == SH.nodeKind:
            if obj not in _NODE_KINDS:
                raise Unsupported("unknown sh:nodeKind")
            return _NODE_KINDS[obj].format(v=v)
        if predicate == SH.node:
            return self._conforms(obj, v)
        if predicate == SH["not"]:
            return f"!({self._conforms(obj, v)})"
        if predicate in (SH["or"], SH["and"]):
            members = [self._conforms(m, v) for m in Collection(sg, obj)]
            if not members:
                return "true" if predicate == SH["and"] else "false"
            joiner = " || " if predicate == SH["or"] else " && "
            return "(" + joiner.join(f"({m})" for m in members) + ")"
        raise Unsupported(f"{predicate}")

    def _conforms(self, shape, v: str, depth: int = 0) -> str:
        """A SPARQL expression true when node `v` conforms to `shape` (targets ignored)."""
        sg = self.sg
        if depth > 20:
            raise Unsupported("recursive shapes")
        self._check_predicates(shape)
        if _is_true(sg.value(shape, SH.deactivated)):
            return "true"
        params = set(sg.predicates(shape, None))
        if params & (_PYTHON_PARAMS | {SH.sparql, SH.disjoint, SH.qualifiedValueShape}):
            raise Unsupported("a nested shape needs Python or SPARQL checks")
        parts = []
        path = sg.value(shape, SH.path)
        if path is None:
            for predicate in _VALUE_PARAMS:
                for obj in sg.objects(shape, predicate):
                    parts.append(self._value_condition(predicate, obj, v))
            if params & {SH.minCount, SH.maxCount}:
                raise Unsupported("counts on a node shape")
        else:
            sparql_path = self._path(path)
            x = f"?_v{next(self.fresh)}"
            for predicate in _VALUE_PARAMS - {SH.hasValue}:
                for obj in sg.objects(shape, predicate):
                    ok = self._value_condition(predicate, obj, x)
                    parts.append(f"NOT EXISTS {{ GRAPH ?g {{ {v} {sparql_path} {x} }} FILTER (!({ok})) }}")
            for obj in sg.objects(shape, SH.hasValue):
                parts.append(f"EXISTS {{ GRAPH ?g {{ {v} {sparql_path} {_term(obj)} }} }}")
            for obj in sg.objects(shape, SH.minCount):
                n = _count_value(obj)
                if n > 1:
                    raise Unsupported("nested sh:minCount above 1")
                if n == 1:
                    parts.append(f"EXISTS {{ GRAPH ?g {{ {v} {sparql_path} {x}m }} }}")
            for obj in sg.objects(shape, SH.maxCount):
                n = _count_value(obj)
                if n > 1:
                    raise Unsupported("nested sh:maxCount above 1")
                if n == 0:
                    parts.append(f"NOT EXISTS {{ GRAPH ?g {{ {v} {sparql_path} {x}a }} }}")
                else:
                    parts.append(f"NOT EXISTS {{ GRAPH ?g {{ {v} {sparql_path} {x}a, {x}b }} FILTER (!sameTerm({x}a, {x}b)) }}")
        for prop in sg.objects(shape, SH.property):
            if path is not None:
                raise Unsupported("sh:property on a nested property shape")
            parts.append(self._conforms(prop, v, depth + 1))
        return "(" + " && ".join(f"({p})" for p in parts) + ")" if parts else "true"

    def _steps(self, path) -> tuple:
        """(predicate, inverse) pairs whose union is the path; () for longer paths."""
        sg = self.sg
        if isinstance(path, URIRef):
            return ((path, False),)
        inverse = sg.value(path, SH.inversePath)
        if isinstance(inverse, URIRef):
            return ((inverse, True),)
        alternatives = sg.value(path, SH.alternativePath)
        if alternatives is not None:
            steps = tuple(step for p in Collection(sg, alternatives) for step in self._steps(p))
            return steps if len(steps) == len(list(Collection(sg, alternatives))) else ()
        return ()

    def _path(self, path) -> str:
        sg = self.sg
        if isinstance(path, URIRef):
            return _term(path)
        inverse = sg.value(path, SH.inversePath)
        if inverse is not None:
            return f"^({self._path(inverse)})"
        alternatives = sg.value(path, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(self._path(p) for p in Collection(sg, alternatives)) + ")"
        if sg.value(path, RDF.first) is not None:
            return "(" + "/".join(self._path(p) for p in Collection(sg, path)) + ")"
        raise Unsupported("sh:zeroOrMorePath and friends")


# ---------------------------------------------------------------------- pySHACL's own rules


def _range_rule(bound: Literal, rule) -> Callable:
    from pyshacl.rdfutil.compare import compare_literal

    bound_is_string = isinstance(bound.value, str)

    def violates(value, _other=None) -> bool:
        if not isinstance(value, Literal):
            return True
        value_is_string = isinstance(value.value, str)
        if bound_is_string != value_is_string:
            return True
        try:
            return not rule(compare_literal(value, bound))
        except (TypeError, NotImplementedError):
            return True
    return violates


def _pattern_rule(pattern: Literal, flags: list) -> Callable:
    re_flags = 0
    for flag_text in flags:
        for flag in str(flag_text):
            re_flags |= {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}.get(flag, 0)
    matcher = re.compile(str(pattern), re_flags)

    def violates(value, _other=None) -> bool:
        if isinstance(value, BNode):
            return True
        text = str(value)
        return not (matcher.match(text) or matcher.search(text))
    return violates


def _min_length_rule(n: int) -> Callable:
    def violates(value, _other=None) -> bool:
        if n == 0:
            return False
        return isinstance(value, BNode) or len(str(value)) < n
    return violates


def _less_rule(strict: bool) -> Callable:
    def plain(node):
        if isinstance(node, BNode):
            raise Unsupported("pySHACL refuses to compare a blank node")
        if isinstance(node, URIRef):
            return str(node), True
        if isinstance(node, Literal) and isinstance(node.value, str):
            return node.value, True
        return node, False

    def violates(value, other) -> bool:
        a, a_string = plain(value)
        b, b_string = plain(other)
        if a_string != b_string:
            return True
        try:
            return not (a < b if strict else a <= b)
        except TypeError:
            raise Unsupported("values pySHACL cannot compare") from None
    return violates


def _sound(literal: Literal) -> bool:
    """True unless pySHACL's sh:datatype would call the literal ill-typed for its own datatype."""
    if getattr(literal, "ill_typed", None) is True:
        return False
    datatype, value = literal.datatype, literal.value
    expected = _PYTHON_TYPES.get(datatype)
    return expected is None or isinstance(value, expected)


_PYTHON_TYPES = {XSD.string: (str, bytes), XSD.integer: int, XSD.float: float, XSD.decimal: Decimal,
                 XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime}


# ---------------------------------------------------------------------- helpers


def _term(node) -> str:
    """A shapes-graph term in SPARQL syntax."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        if not _sound(node):
            raise Unsupported("an ill-typed literal in the shapes")
        return str(_literal(node))
    raise Unsupported("a blank node where a term is needed")


def _literal(node: Literal) -> ox.Literal:
    if node.language:
        return ox.Literal(str(node), language=node.language)
    if node.datatype is None:
        return ox.Literal(str(node))
    datatype = str(node.datatype) if _sound(node) else ILL_TYPED + str(node.datatype)
    return ox.Literal(str(node), datatype=ox.NamedNode(datatype))


def _is_true(node) -> bool:
    return isinstance(node, Literal) and node.value is True


def _count_value(node) -> int:
    if not isinstance(node, Literal) or not isinstance(node.value, int) or node.value < 0:
        raise Unsupported("a count that is not a non-negative integer")
    return int(node.value)


_PREFIX_DECL = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)


def _split_query(text: str, declared: dict) -> tuple[dict, str]:
    """(prefixes, the SELECT itself) of a shapes-graph query; refuses what a subquery cannot be."""
    prologue = dict(declared)
    body = text
    while True:
        body = re.sub(r"^\s*#[^\n]*\n", "", body)
        match = _PREFIX_DECL.match(body)
        if not match:
            break
        prologue = _merge_prefixes(prologue, {match.group(1) or "": match.group(2)})
        body = body[match.end():]
    if re.match(r"\s*BASE\b", body, re.IGNORECASE):
        raise Unsupported("BASE in a shapes query")
    stripped = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|#[^\n]*|<[^>\s]*>', " ", body)
    if not re.match(r"\s*SELECT\b", stripped, re.IGNORECASE):
        raise Unsupported("a shapes query that is not a SELECT")
    if re.search(r"\b(GRAPH|SERVICE|FROM|ORDER\s+BY|LIMIT|OFFSET)\b", stripped, re.IGNORECASE):
        raise Unsupported("GRAPH, SERVICE, FROM or solution modifiers in a shapes query")
    return prologue, body.strip()


def _merge_prefixes(first: dict, second: dict) -> dict:
    merged = dict(first)
    for prefix, namespace in second.items():
        if merged.setdefault(prefix, namespace) != namespace:
            raise Unsupported(f"prefix {prefix}: means two namespaces in one shape's queries")
    return merged


def _prologue_text(prefixes: dict) -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(prefixes.items()))


def _projection(query: str) -> tuple[str, ...] | None:
    match = re.match(r"(?is)\s*SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(.*?)\s*(?:WHERE\b|\{)", query)
    if not match:
        return None
    items = match.group(1).split()
    if not items or any(not re.fullmatch(r"[?$][A-Za-z_]\w*", item) for item in items):
        return None
    return tuple(dict.fromkeys(item[1:] for item in items))


_TOKENS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                     r'|<[^<>"{}|^`\\\s]*>|#[^\n]*|[{}]')


def _graph_scoped(query: str) -> str:
    """`SELECT ?x WHERE { P }` as the subquery `{ SELECT ?g ?x WHERE { GRAPH ?g { P } } }`."""
    depth, start, end = 0, None, None
    for match in _TOKENS.finditer(query):
        token = match.group()
        if token == "{":
            if depth == 0 and start is None:
                start = match.start()
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0 and end is None:
                end = match.end()
    if start is None or end is None or query[end:].strip():
        raise Unsupported("a shapes query with something after its WHERE clause")
    head = re.sub(r"(?is)^(\s*SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?)", r"\1?g ", query[:start], count=1)
    return f"{{ {head}{{ GRAPH ?g {query[start:end]} }} }}"


def _projects_this(query: str) -> bool:
    projected = _projection(query)
    return projected is not None and "this" in projected


# ---------------------------------------------------------------------- running


class Batch:
    """Graphs loaded into one in-memory pyoxigraph store, each as its own named graph."""

    def __init__(self) -> None:
        self.store = ox.Store()
        self.graphs: list[tuple[str | None, Graph]] = []
        self.bnodes: dict = {}  # rdflib BNode -> ox BlankNode
        self.back: dict = {}  # ox BlankNode -> rdflib BNode
        self._iris: dict = {}
        self.pending: list = []
        self.refused: set[int] = set()  # graphs pySHACL must check whole
        self.triples = 0

    def add(self, name: str | None, graph: Graph) -> None:
        """Take one graph; one pyoxigraph cannot hold is marked refused."""
        index = len(self.graphs)
        graph_node = ox.NamedNode(f"urn:x-kgbuild:batch-graph:{index}")
        iris, convert = self._iris, self._term
        quads = []
        try:
            for s, p, o in graph:
                quads.append(ox.Quad(
                    iris.get(s) or convert(s), iris.get(p) or convert(p), iris.get(o) or convert(o), graph_node))
        except (ValueError, TypeError, Unsupported):
            # pyoxigraph refuses a term rdflib accepted (an IRI with a space...): pySHACL
            # checks this graph, in its place in the order.
            self.refused.add(index)
            self.graphs.append((name, graph))
            return
        self.pending.extend(quads)
        self.graphs.append((name, graph))
        self.triples += len(quads)

    def load(self) -> None:
        """Put the graphs added so far into the store (in one go: a third faster than one by one)."""
        if self.pending:
            self.store.bulk_extend(self.pending)
            self.pending = []

    def _term(self, term):
        if isinstance(term, URIRef):
            node = self._iris[term] = ox.NamedNode(str(term))
            return node
        if isinstance(term, Literal):
            if term.language or term.datatype is None:
                return _literal(term)
            if not _sound(term):
                return _literal(term)
            datatype = self._iris.get(term.datatype)
            if datatype is None:
                datatype = self._iris[term.datatype] = ox.NamedNode(str(term.datatype))
            return ox.Literal(str(term), datatype=datatype)
        if isinstance(term, BNode):
            node = self.bnodes.get(term)
            if node is None:
                node = self.bnodes[term] = ox.BlankNode()
                self.back[node] = term
            return node
        raise Unsupported(f"term {term!r}")

    def has_subclasses(self) -> bool:
        return bool(self.store.query(f"ASK {{ GRAPH ?g {{ ?a <{RDFS.subClassOf}> ?b }} }}"))

    def index_of(self, graph_node) -> int:
        return int(graph_node.value.rsplit(":", 1)[1])

    def to_rdflib(self, node, graph: Graph | None = None, literals: dict | None = None, near=()):
        """The rdflib term a query returned: the graph's own literal where one matches, first
        among `near`, the values the focus node has on the result's path."""
        if node is None:
            return None
        if isinstance(node, ox.NamedNode):
            return URIRef(node.value)
        if isinstance(node, ox.BlankNode):
            return self.back.get(node) or BNode(node.value)
        if isinstance(node, ox.Literal):
            datatype = node.datatype.value if node.datatype is not None else None
            if node.language:
                literal = Literal(node.value, lang=node.language)
            elif datatype and datatype.startswith(ILL_TYPED):
                literal = Literal(node.value, datatype=URIRef(datatype[len(ILL_TYPED):]))
            elif datatype == str(XSD.string):
                literal = Literal(node.value)
            else:
                literal = Literal(node.value, datatype=URIRef(datatype) if datatype else None)
            if graph is None:
                return literal
            for close in near:
                if isinstance(close, Literal) and close.datatype == literal.datatype \
                        and close.language == literal.language and str(close) == node.value:
                    return close
            for close in near:
                if isinstance(close, Literal) and close.datatype == literal.datatype \
                        and close.language == literal.language and close.eq(literal):
                    return close
            for candidate in ([literal, Literal(node.value, datatype=XSD.string)]
                              if datatype == str(XSD.string) else [literal]):
                for _, _, stored in graph.triples((None, None, candidate)):
                    return stored
            # pyoxigraph canonicalises values ("0.80" -> "0.8"), never strings: the graph's
            # literal of that value.
            if literals is not None and datatype not in (str(XSD.string), str(RDF.langString)) \
                    and not node.language:
                index = literals.get(id(graph))
                if index is None:
                    index = literals[id(graph)] = {}
                    for o in set(graph.objects()):
                        if isinstance(o, Literal) and o.datatype is not None and o.value is not None:
                            try:
                                index.setdefault((o.datatype, o.value), o)
                            except TypeError:  # an unhashable value
                                continue
                try:
                    stored = index.get((literal.datatype, literal.value))
                except TypeError:
                    stored = None
                if stored is not None and stored.eq(literal):
                    return stored
            return literal
        return node


def _values(graph: Graph, focus, steps) -> list:
    """The focus node's values on a path of predicates and inverse predicates (alternatives)."""
    values = []
    for predicate, inverse in steps:
        values.extend(graph.subjects(predicate, focus) if inverse else graph.objects(focus, predicate))
    return values


@dataclass
class Row:
    graph_index: int
    check: Check
    focus: object
    value: object = None
    path: object = None
    bindings: dict = field(default_factory=dict)


def run_checks(compiled: CompiledShapes, batch: Batch) -> tuple[list[Row], set[int]]:
    """Every violation the checks find in the batch, and the graphs pySHACL must check whole."""
    batch.load()
    type_path = f"<{RDF.type}>/<{RDFS.subClassOf}>*" if batch.has_subclasses() else f"<{RDF.type}>"
    rows: list[Row] = []
    refused: set[int] = set(batch.refused)
    literals: dict = {}
    for check in compiled.checks:
        query = check.query.replace(_TYPE, type_path)
        for solution in batch.store.query(query):
            index = batch.index_of(solution["g"])
            if index in refused:
                continue
            _, graph = batch.graphs[index]
            focus = batch.to_rdflib(solution["this"], graph, literals)
            if check.constraint is not None:
                path = batch.to_rdflib(solution["path"]) if "path" in check.variables else None
                near = _values(graph, focus, [(path, False)]) if isinstance(path, URIRef) else ()
                bindings = {v: batch.to_rdflib(solution[v], graph, literals, near) for v in check.variables}
                rows.append(Row(index, check, focus, bindings.get("value"), bindings.get("path"), bindings))
                continue
            value = None
            if check.has_value:
                raw = solution["value"]
                near = _values(graph, focus, check.steps) if isinstance(raw, ox.Literal) and check.steps else ()
                value = batch.to_rdflib(raw, graph, literals, near)
            if check.python is not None:
                other = batch.to_rdflib(solution["_other"], graph, literals) if "_other" in check.query else None
                try:
                    if not check.python(value, other):
                        continue
                except Unsupported:
                    refused.add(index)
                    continue
            rows.append(Row(index, check, focus, value))
    return rows, refused

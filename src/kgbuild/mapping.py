"""Mapping extracted facts onto the ontology: one `DocumentFacts` becomes one named graph.

The mapper never looks at the text's analysis, only at the plain records; every IRI comes
from `IRIs`, every term from `namespaces`.

The build takes a document's statements as `Triples` (`Mapper.triples`), a set of term tuples:
an rdflib Graph costs about 20 µs per added triple (events, context indexes), which was a
third of a large build; the public `Mapper.map` still gives a Graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rdflib_namespaces

from . import model as m
from . import namespaces
from .iris import IRIs
from .namespaces import bind_prefixes


class _Terms:
    """A namespace whose terms are made once: rdflib's DefinedNamespace checks the name and
    makes a new URIRef on every `KGB.x` (a few µs), and mapping 1 000 documents asks a million times."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = self.__dict__[name] = getattr(self._namespace, name)
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._namespace[name]
        return term


KGB, KGR = _Terms(namespaces.KGB), _Terms(namespaces.KGR)
PROV, RDF, RDFS, XSD = (_Terms(getattr(rdflib_namespaces, name)) for name in ("PROV", "RDF", "RDFS", "XSD"))

_PLACE_CLASS = {
    "посёлок": KGB.Settlement, "село": KGB.Settlement, "город": KGB.Settlement,
    "деревня": KGB.Settlement, "аул": KGB.Settlement, "станица": KGB.Settlement,
    "микрорайон": KGB.Settlement, "район": KGB.District, "округ": KGB.District,
    "область": KGB.Region, "край": KGB.Region, "республика": KGB.Region, "страна": KGB.Country,
    "штат": KGB.Region, "провинция": KGB.Region,
}
_GENDER = {"male": KGB.male, "female": KGB.female}
_KIN_PROPERTY = {"spouse": KGB.spouse, "parent": KGB.parentOf, "child": KGB.childOf,
                 "relative": KGB.relativeOf}
_KIN_INVERSE = {"spouse": KGB.spouse, "parent": KGB.childOf, "child": KGB.parentOf,
                "relative": KGB.relativeOf}


def date_literal(value: str) -> Literal:
    """An ISO date of day, month or year precision as xsd:date, xsd:gYearMonth or xsd:gYear."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(value)]
    return Literal(value, datatype=datatype)


class Triples:
    """A named graph's statements as a set of (s, p, o) rdflib terms, with the little of
    rdflib's Graph interface the build needs: `identifier`, `add`, `len`, iteration, `in`,
    `triples`, `objects`, `subjects`. They come back in the order they were added (a dict,
    not a set, whose order would change from process to process), so a validation report
    lists its results in the same order on every run.

    Whatever else is asked of it (a report labelling a node, say) is answered by an rdflib
    Graph of the same triples, built the first time it is needed (`graph()`).
    """

    __slots__ = ("identifier", "_triples", "_graph")

    def __init__(self, identifier: URIRef, triples: Iterable[tuple] = ()) -> None:
        self.identifier = identifier
        self._triples: dict[tuple, None] = dict.fromkeys(triples)
        self._graph: Graph | None = None

    def add(self, triple: tuple) -> None:
        self._triples[triple] = None
        self._graph = None

    def __len__(self) -> int:
        return len(self._triples)

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._triples)

    def __contains__(self, triple: tuple) -> bool:
        if None in triple:
            return next(self.triples(triple), None) is not None
        return triple in self._triples

    def triples(self, pattern: tuple) -> Iterator[tuple]:
        """The triples matching a pattern (None: any term), found by a scan: a validator's few
        look-ups per graph cost less than building a Graph to index them."""
        s, p, o = pattern
        if s is None and p is None and o is None:
            return iter(self._triples)
        return (t for t in self._triples
                if (s is None or t[0] == s) and (p is None or t[1] == p) and (o is None or t[2] == o))

    def objects(self, subject=None, predicate=None, unique: bool = False) -> Iterator:
        found = (o for _, _, o in self.triples((subject, predicate, None)))
        return iter(dict.fromkeys(found)) if unique else found

    def subjects(self, predicate=None, object=None, unique: bool = False) -> Iterator:
        found = (s for s, _, _ in self.triples((None, predicate, object)))
        return iter(dict.fromkeys(found)) if unique else found

    def graph(self) -> Graph:
        """The same statements as an rdflib Graph (built once, then kept)."""
        if self._graph is None:
            graph = bind_prefixes(Graph(identifier=self.identifier))
            add = graph.store.add
            for triple in self._triples:
                add(triple, graph)
            self._graph = graph
        return self._graph

    def __getattr__(self, name: str):
        # only reached for what the class does not define: rdflib's Graph does it
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.graph(), name)


class Mapper:
    def __init__(self, iris: IRIs | None = None) -> None:
        self.iris = iris or IRIs()

    def source_iri(self, doc_id: str) -> URIRef:
        return self.iris.source(doc_id)

    def map(self, facts: m.DocumentFacts, nodes: dict[str, URIRef] | None = None,
            into: Graph | None = None) -> Graph:
        """The document's named graph; `nodes` (local key → IRI) are the corpus-wide identities
        from `identity.Resolver`, and win over the IRIs this document alone would give; `into`
        is a graph to fill (a dataset's named graph) instead of a new one."""
        triples = self.triples(facts, nodes)
        if into is None:
            return triples.graph()
        for triple in triples:
            into.add(triple)
        return into

    def triples(self, facts: m.DocumentFacts, nodes: dict[str, URIRef] | None = None) -> Triples:
        """What `map` gives, as `Triples`: what the build streams to validation and the writer."""
        return _DocumentMapping(self.iris, facts, nodes).graph


class _DocumentMapping:
    def __init__(self, iris: IRIs, facts: m.DocumentFacts,
                 nodes: dict[str, URIRef] | None = None) -> None:
        self.iris = iris
        self.facts = facts
        self.doc = facts.document
        self.source = iris.source(self.doc.id)
        self.graph = Triples(self.source)
        self.nodes: dict[str, URIRef] = {}
        self._assign_iris()
        self.nodes.update(nodes or {})
        self._map_source()
        for person in facts.persons:
            self._map_person(person)
        for group in facts.groups:
            self._map_group(group)
        for inst in facts.institutions:
            self._map_institution(inst)
        for place in facts.places:
            self._map_place(place)
        for incident in facts.incidents:
            self._map_incident(incident)
        for kinship in facts.kinships:
            self._map_kinship(kinship)
        for commemoration in facts.commemorations:
            self._map_commemoration(commemoration)

    # -- identities -------------------------------------------------------------------------
    def _assign_iris(self) -> None:
        f, iris, doc = self.facts, self.iris, self.doc.id
        for p in f.persons:
            self.nodes[p.key] = (iris.local("person", doc, p.key) if p.anonymous or not p.label
                                 else iris.named("person", p.label))
        for g in f.groups:
            self.nodes[g.key] = iris.local("group", doc, g.key)
        for i in f.institutions:
            self.nodes[i.key] = iris.named("institution", i.code or i.label)
        for p in f.places:
            self.nodes[p.key] = iris.named("place", p.label)
        for c in f.commemorations:
            if c.type == "CommemorativeDay" and c.day_of_year and c.label:
                self.nodes[c.key] = iris.named("commemoration", f"{c.label} {c.day_of_year}")
            else:
                self.nodes[c.key] = iris.local("commemoration", doc, c.key)
        for inc in f.incidents:  # after places and institutions: an incident's identity uses them
            self.nodes[inc.key] = self._incident_iri(inc)

    def _incident_iri(self, inc: m.Incident) -> URIRef:
        where = inc.institution or inc.place
        if inc.date and inc.date.value and where and not inc.part_of:
            what = inc.type if inc.type != "Incident" else f"{inc.type} {inc.label or ''}"
            return self.iris.named("incident", f"{what} {inc.date.value} {self.nodes[where]}")
        return self.iris.local("incident", self.doc.id, inc.key)

    # -- helpers ------------------------------------------------------------------------------
    def add(self, s, p, o) -> None:
        if o is not None:
            self.graph.add((s, p, o))

    def text(self, value: str | None) -> Literal | None:
        return Literal(value) if value else None

    def evidence(self, subject: URIRef, evidence: list[m.Evidence]) -> None:
        add, doc_id, source = self.graph.add, self.doc.id, self.source
        for ev in evidence:
            node = self.iris.evidence(doc_id, ev.start, ev.end, ev.confidence)
            add((subject, _EVIDENCE, node))
            add((node, RDF.type, _EVIDENCE_CLASS))
            add((node, _SOURCE, source))
            add((node, _QUOTE, Literal(ev.quote)))
            add((node, _START, _integer(ev.start)))
            add((node, _END, _integer(ev.end)))
            add((node, _CONFIDENCE, _confidence(ev.confidence)))

    def date(self, subject: URIRef, prop: URIRef, value: m.DateValue | None) -> None:
        if value is None:
            return
        if value.value:
            self.add(subject, prop, date_literal(value.value))
        if not value.value or value.edtf != value.value:
            self.add(subject, KGB.dateEDTF, Literal(value.edtf))

    def types(self, node: URIRef, *classes: URIRef) -> None:
        for cls in classes:
            self.graph.add((node, RDF.type, cls))

    # -- records ------------------------------------------------------------------------------
    def _map_source(self) -> None:
        d, s = self.doc, self.source
        self.types(s, KGB.Source, PROV.Entity)
        self.add(s, KGB.identifier, Literal(d.id))
        self.add(s, RDFS.label, Literal(d.title or d.id, lang="ru"))
        self.add(s, KGB.title, self.text(d.title))
        self.add(s, KGB.publisher, self.text(d.publisher))
        if d.published:
            self.add(s, KGB.published, date_literal(d.published))
        if d.url:
            self.add(s, KGB.url, Literal(d.url, datatype=XSD.anyURI))
        self.add(s, KGB.text, Literal(d.text))
        self.add(s, KGB.sha256, self.text(d.sha256))
        self.add(s, KGB.encoding, self.text(d.encoding))

    def _map_person(self, p: m.Person) -> None:
        n = self.nodes[p.key]
        self.types(n, KGB.Person)
        if p.label and not p.anonymous:
            self.add(n, RDFS.label, Literal(p.label, lang="ru"))
        elif p.description:
            self.add(n, RDFS.label, Literal(p.description, lang="ru"))
        self.add(n, KGB.givenName, self.text(p.given_name))
        self.add(n, KGB.familyName, self.text(p.family_name))
        self.add(n, KGB.patronymic, self.text(p.patronymic))
        if p.anonymous:
            self.add(n, KGB.anonymous, Literal(True))
        self.add(n, KGB.description, self.text(p.description))
        self.add(n, KGB.gender, _GENDER.get(p.gender or ""))
        if p.age is not None:
            self.add(n, KGB.age, Literal(p.age))
        for rank in p.ranks:
            self.add(n, KGB.rank, Literal(rank))
        for occupation in p.occupations:
            self.add(n, KGB.occupation, Literal(occupation))
        for inst in p.member_of:
            self.add(n, KGB.memberOf, self.nodes.get(inst))
        if p.in_group:
            self.add(n, KGB.inGroup, self.nodes.get(p.in_group))
        if p.died_on and p.died_on.value:
            self.add(n, KGB.diedOn, date_literal(p.died_on.value))
        if p.died_in:
            self.add(n, KGB.diedIn, self.nodes.get(p.died_in))
        self.evidence(n, p.mentions)

    def _map_group(self, g: m.Group) -> None:
        n = self.nodes[g.key]
        self.types(n, KGB.Group)
        self.add(n, RDFS.label, Literal(g.label or g.description, lang="ru"))
        self.add(n, KGB.anonymous, Literal(g.anonymous))
        self.add(n, KGB.description, self.text(g.description))
        if g.member_count is not None:
            self.add(n, KGB.memberCount, Literal(g.member_count))
        for inst in g.member_of:
            self.add(n, KGB.memberOf, self.nodes.get(inst))
        if g.died_on and g.died_on.value:
            self.add(n, KGB.diedOn, date_literal(g.died_on.value))
        if g.died_in:
            self.add(n, KGB.diedIn, self.nodes.get(g.died_in))
        self.evidence(n, g.mentions)

    def _map_institution(self, i: m.Institution) -> None:
        n = self.nodes[i.key]
        self.types(n, KGB.Institution)
        if i.category:
            self.types(n, KGB[i.category])
        self.add(n, RDFS.label, Literal(i.label, lang="ru"))
        self.add(n, KGB.code, self.text(i.code))
        self.add(n, KGB.abbreviation, self.text(i.abbreviation))
        for alt in i.alt_names:
            self.add(n, KGB.altName, Literal(alt))
        self.add(n, KGB.institutionType, self.text(i.institution_type))
        self.add(n, KGB.activity, self.text(i.activity))
        if i.located_in:
            self.add(n, KGB.locatedIn, self.nodes.get(i.located_in))
        if i.sub_organization_of:
            self.add(n, KGB.subOrganizationOf, self.nodes.get(i.sub_organization_of))
        self._founding(n, KGB.founded, i.founded, "founded")
        self._founding(n, KGB.dissolved, i.dissolved, "dissolved")
        self.evidence(n, i.mentions)

    def _founding(self, n: URIRef, prop: URIRef, value: m.DateValue | None, what: str) -> None:
        """A date XSD can say is a literal; an uncertain one ("196X") is a kgb:TimeSpan node."""
        if value is None:
            return
        if value.value and value.value == value.edtf:
            self.add(n, prop, date_literal(value.value))
            return
        span = self.iris.local("timespan", self.doc.id, f"{n.split('/')[-1]}-{what}")
        self.add(n, prop, span)
        self.types(span, KGB.TimeSpan)
        self.add(span, KGB.dateEDTF, Literal(value.edtf))
        bounds = _edtf_bounds(value.edtf)
        if bounds:
            self.add(span, KGB.earliest, date_literal(bounds[0]))
            self.add(span, KGB.latest, date_literal(bounds[1]))
        if value.evidence:
            self.evidence(span, [value.evidence])

    def _map_place(self, p: m.Place) -> None:
        n = self.nodes[p.key]
        self.types(n, KGB.Place)
        cls = _PLACE_CLASS.get(p.place_type or "")
        if cls is not None:
            self.types(n, cls)
        elif p.place_type:
            self.types(n, KGB.Site)
        self.add(n, RDFS.label, Literal(p.label, lang="ru"))
        self.add(n, KGB.placeType, self.text(p.place_type))
        if p.located_in:
            self.add(n, KGB.locatedIn, self.nodes.get(p.located_in))
        for alt in p.alt_names:
            self.add(n, KGB.altName, Literal(alt))
        self.evidence(n, p.mentions)

    def _participations(self, owner_key: str, owner: URIRef, parts: list[m.Participation]) -> None:
        for part in parts:
            agent = self.nodes.get(part.agent)
            if agent is None:
                continue
            node = self.iris.local("participation", self.doc.id, f"{owner_key}-{part.agent}-{part.role}")
            self.add(owner, KGB.participation, node)
            self.types(node, KGB.Participation)
            self.add(node, KGB.agent, agent)
            self.add(node, KGB.role, KGR[part.role])
            self.evidence(node, part.evidence)

    def _map_incident(self, inc: m.Incident) -> None:
        n = self.nodes[inc.key]
        self.types(n, KGB.Incident)
        if inc.type != "Incident":
            self.types(n, KGB[inc.type])
        for extra in inc.extra_types:
            self.types(n, KGB[extra])
        self.add(n, RDFS.label, self.text(inc.label) and Literal(inc.label, lang="ru"))
        self.date(n, KGB.date, inc.date)
        if inc.place:
            self.add(n, KGB.place, self.nodes.get(inc.place))
        if inc.institution:
            self.add(n, KGB.institution, self.nodes.get(inc.institution))
        if inc.part_of:
            self.add(n, KGB.partOf, self.nodes.get(inc.part_of))
        if inc.sequence is not None:
            self.add(n, KGB.sequence, Literal(inc.sequence))
        for instrument in inc.instruments:
            self.add(n, KGB.instrument, Literal(instrument))
        self.add(n, KGB.outcome, self.text(inc.outcome))
        self._participations(inc.key, n, inc.participations)
        self.evidence(n, inc.evidence)

    def _map_kinship(self, k: m.Kinship) -> None:
        person, relative = self.nodes.get(k.person), self.nodes.get(k.relative)
        if person is None or relative is None:
            return
        self.add(person, _KIN_PROPERTY[k.relation], relative)
        self.add(relative, _KIN_INVERSE[k.relation], person)
        node = self.iris.local("kinship", self.doc.id, f"{k.person}-{k.relative}-{k.relation}")
        self.types(node, KGB.Kinship)
        self.add(node, KGB.person, person)
        self.add(node, KGB.relative, relative)
        self.add(node, KGB.kinTerm, self.text(k.term))
        self.evidence(node, k.evidence)

    def _map_commemoration(self, c: m.Commemoration) -> None:
        n = self.nodes[c.key]
        self.types(n, KGB.Commemoration, KGB[c.type])
        if c.label:
            self.add(n, RDFS.label, Literal(c.label, lang="ru"))
        if c.day_of_year:
            self.add(n, KGB.dayOfYear, Literal(c.day_of_year, datatype=XSD.gMonthDay))
        if c.first_observed:
            self.add(n, KGB.firstObserved, Literal(c.first_observed, datatype=XSD.gYear))
        self.date(n, KGB.date, c.date)
        if c.place:
            self.add(n, KGB.place, self.nodes.get(c.place))
        for key in c.commemorates:
            self.add(n, KGB.commemorates, self.nodes.get(key))
        self.add(n, KGB.award, self.text(c.award))
        if c.posthumous is not None:
            self.add(n, KGB.posthumous, Literal(c.posthumous))
        self._participations(c.key, n, c.participations)
        self.evidence(n, c.evidence)


_EVIDENCE, _EVIDENCE_CLASS, _SOURCE, _QUOTE = KGB.evidence, KGB.Evidence, KGB.source, KGB.quote
_START, _END, _CONFIDENCE = KGB.start, KGB.end, KGB.confidence


@lru_cache(maxsize=65536)
def _integer(value: int) -> Literal:
    # offsets recur from document to document; rdflib's Literal() is slow to make
    return Literal(value)


@lru_cache(maxsize=4096)
def _confidence(value: float) -> Literal:
    return Literal(Decimal(str(value)), datatype=XSD.decimal)


def _edtf_bounds(edtf: str) -> tuple[str, str] | None:
    """Earliest and latest day an EDTF value allows, when the edtf package can tell."""
    try:
        import edtf as edtf_lib
        import time

        parsed = edtf_lib.parse_edtf(edtf)
        lower, upper = parsed.lower_strict(), parsed.upper_strict()
        if lower.tm_year < 1000 or upper.tm_year > 2999:
            return None  # an unknown year ("XXXX-12-13") has no useful bounds
        return time.strftime("%Y-%m-%d", lower), time.strftime("%Y-%m-%d", upper)
    except Exception:  # an EDTF the library cannot bound is still kept as a string
        return None

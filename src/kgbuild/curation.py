"""A historian's corrections, kept in `curation.yaml` and applied on every build.

The file names what to do with what was extracted:

```yaml
curator: Айгуль Сапарова          # who, for every entry that does not say `by:`
date: 2026-11-25                  # when, for every entry that does not say `date:`
entries:
  - action: reject                # reject | accept | correct | merge | split | pending
    subject: https://w3id.org/kgbuild/id/person/kaiken   # or evidence: {source: ID, quote: "…"}
    property: kgb:rank            # optional for reject/accept: without it, the whole entity
    value: капитан                # optional filter for reject/accept; the new value for correct
    source: second-account        # optional: only in this source's graph
    note: Кайкен — вдова капитана, не капитан
  - action: merge
    entities: [IRI, IRI]          # or evidence references; `into:` picks the IRI that stays
  - action: split
    subject: IRI
    source: ID                    # the mention in this source is someone else
```

Merges and splits change identities (see `identity.Resolver`); the other actions change
statements after mapping. Curated statements stand in the curation graph (`<base>graph/curation`)
as reified `meta:CuratedStatement`s with who, when and note (PROV); extracted values that a
correction replaces or a rejection removes leave their source graphs and are kept there as
records too, so nothing is silently lost and the curated value wins in the union.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

import yaml
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from . import model as m
from .errors import InputError
from .iris import IRIs
from .mapping import date_literal
from .namespaces import KGB, PREFIXES, bind_prefixes
from .provenance import CURATION_GRAPH, META

ACTIONS = ("accept", "reject", "correct", "merge", "split", "pending")
_FIELDS = {"action", "subject", "evidence", "property", "value", "source", "entities", "into",
           "by", "date", "note", "lang", "datatype"}

_DATE_PROPERTIES = {KGB.date, KGB.founded, KGB.dissolved, KGB.diedOn, KGB.published}
_INTEGER_PROPERTIES = {KGB.age, KGB.memberCount, KGB.sequence}
_BOOLEAN_PROPERTIES = {KGB.anonymous, KGB.posthumous}
_OBJECT_PROPERTIES = {KGB.memberOf, KGB.inGroup, KGB.diedIn, KGB.spouse, KGB.parentOf, KGB.childOf,
                      KGB.relativeOf, KGB.place, KGB.institution, KGB.partOf, KGB.participation,
                      KGB.agent, KGB.role, KGB.locatedIn, KGB.subOrganizationOf, KGB.commemorates,
                      KGB.gender, RDF.type}


@dataclass
class EvidenceRef:
    """An entity named by where it is mentioned: the source's id and the quote (and start)."""

    source: str
    quote: str
    start: int | None = None


Ref = URIRef | EvidenceRef


@dataclass
class Entry:
    action: str
    line: int
    subject: Ref | None = None
    property: URIRef | None = None
    value: str | None = None
    source: str | None = None
    entities: list[Ref] = field(default_factory=list)
    into: Ref | None = None
    by: str | None = None
    date: str | None = None
    note: str | None = None
    lang: str | None = None
    datatype: URIRef | None = None


@dataclass
class Curation:
    path: Path
    sha256: str
    entries: list[Entry]
    warnings: list[str] = field(default_factory=list)

    def where(self, entry: Entry) -> str:
        return f"{self.path}:{entry.line}"


# -- reading -----------------------------------------------------------------------------------
def load(path: str | Path, iris: IRIs | None = None) -> Curation:
    """Read a curation file; any problem is one `InputError` naming the file and line."""
    path = Path(path)
    iris = iris or IRIs()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read curation file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: curation file is not UTF-8 (byte {exc.start})") from None
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(f"{where}: not valid YAML: {problem}") from None
    curation = Curation(path=path, sha256=hashlib.sha256(raw).hexdigest(), entries=[])
    if root is None:
        return curation
    defaults: dict[str, str] = {}
    if isinstance(root, yaml.SequenceNode):
        items = root
    elif isinstance(root, yaml.MappingNode):
        items = None
        for key, value in root.value:
            name = key.value
            if name == "entries":
                items = value
            elif name in ("curator", "date"):
                if _scalar(path, value, name).strip():  # the review skeleton leaves them empty
                    defaults[name] = _scalar(path, value, name).strip()
            else:
                raise InputError(f"{path}:{key.start_mark.line + 1}: unknown key {name!r}; "
                                 "expected curator, date, entries")
        if items is None:
            return curation
    else:
        raise InputError(f"{path}:{root.start_mark.line + 1}: expected a list of entries or a mapping with entries:")
    if not isinstance(items, yaml.SequenceNode):
        raise InputError(f"{path}:{items.start_mark.line + 1}: entries: must be a list")
    for node in items.value:
        entry = _entry(path, node, iris, defaults)
        if entry.action != "pending":
            curation.entries.append(entry)
    return curation


def _entry(path: Path, node, iris: IRIs, defaults: dict[str, str]) -> Entry:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        raise InputError(f"{path}:{line}: an entry must be a mapping with an action:")
    data = {}
    for key, value in node.value:
        if key.value not in _FIELDS:
            raise InputError(f"{path}:{key.start_mark.line + 1}: unknown field {key.value!r}; expected "
                             + ", ".join(sorted(_FIELDS)))
        data[key.value] = value
    where = f"{path}:{line}"
    action = _scalar(path, data["action"], "action") if "action" in data else None
    if action not in ACTIONS:
        raise InputError(f"{where}: action must be one of {', '.join(ACTIONS)} (got {action!r})")
    entry = Entry(action=action, line=line, by=defaults.get("curator"), date=defaults.get("date"))
    if action == "pending":
        return entry
    if "subject" in data:
        entry.subject = _ref(path, data["subject"], iris)
    if "evidence" in data:
        entry.subject = _ref(path, data["evidence"], iris)
    for name in ("value", "source", "by", "date", "note", "lang"):
        if name in data and (name == "value" or _scalar(path, data[name], name).strip()):
            setattr(entry, name, _scalar(path, data[name], name))
    if "property" in data:
        entry.property = _term(path, data["property"], iris)
    if "datatype" in data:
        entry.datatype = _term(path, data["datatype"], iris)
    if "entities" in data:
        if not isinstance(data["entities"], yaml.SequenceNode):
            raise InputError(f"{path}:{data['entities'].start_mark.line + 1}: entities: must be a list")
        entry.entities = [_ref(path, n, iris) for n in data["entities"].value]
    if "into" in data:
        entry.into = _ref(path, data["into"], iris)
    if action == "merge":
        if len(entry.entities) < 2:
            raise InputError(f"{where}: merge needs entities: with at least two IRIs or evidence references")
    elif entry.subject is None:
        raise InputError(f"{where}: {action} needs a subject: (an IRI) or an evidence: reference")
    if action == "correct" and (entry.property is None or entry.value is None):
        raise InputError(f"{where}: correct needs property: and value:")
    if entry.date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?", entry.date):
        raise InputError(f"{where}: date must be YYYY-MM-DD (got {entry.date!r})")
    if entry.action == "correct":
        value_of(entry, iris, f"{where}")  # fail now, not halfway through a build
    return entry


def _scalar(path: Path, node, name: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise InputError(f"{path}:{node.start_mark.line + 1}: {name}: must be a single value")
    return node.value


def _ref(path: Path, node, iris: IRIs) -> Ref:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        return _iri(path, line, node.value, iris)
    if isinstance(node, yaml.MappingNode):
        data = {k.value: _scalar(path, v, k.value) for k, v in node.value}
        if "source" not in data or "quote" not in data:
            raise InputError(f"{path}:{line}: an evidence reference needs source: and quote:")
        start = data.get("start")
        if start is not None and not start.isdigit():
            raise InputError(f"{path}:{line}: start: must be a whole number")
        return EvidenceRef(data["source"], data["quote"], int(start) if start is not None else None)
    raise InputError(f"{path}:{line}: expected an IRI or an evidence reference")


def _iri(path: Path, line: int, text: str, iris: IRIs) -> URIRef:
    text = text.strip()
    if re.match(r"^https?://\S+$", text):
        return URIRef(text)
    if re.fullmatch(r"[a-z]+/[\w\-]+", text):  # "person/serik-omarov", relative to the base IRI
        return URIRef(iris.base + text)
    raise InputError(f"{path}:{line}: not an IRI: {text!r}")


def _term(path: Path, node, iris: IRIs) -> URIRef:
    text = _scalar(path, node, "property").strip()
    line = node.start_mark.line + 1
    match = re.fullmatch(r"([a-z]+):([A-Za-z_][\w\-]*)", text)
    if match and match.group(1) in PREFIXES:
        term = URIRef(str(PREFIXES[match.group(1)]) + match.group(2))
        if match.group(1) == "kgb":
            try:
                term = KGB[match.group(2)]
            except AttributeError:
                raise InputError(f"{path}:{line}: kgb:{match.group(2)} is not a term of the vocabulary") from None
        return term
    if re.match(r"^https?://\S+$", text):
        return URIRef(text)
    raise InputError(f"{path}:{line}: not a property: {text!r} (write e.g. kgb:founded)")


def value_of(entry: Entry, iris: IRIs, where: str):
    """The RDF term a correction's value stands for, typed by its property."""
    value, prop = entry.value or "", entry.property
    if entry.datatype is not None:
        return Literal(value, datatype=entry.datatype)
    if prop in _DATE_PROPERTIES:
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise InputError(f"{where}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        try:
            if len(value) == 10:
                Date.fromisoformat(value)
        except ValueError:
            raise InputError(f"{where}: {value!r} is not a date of the calendar") from None
        return date_literal(value)
    if prop == KGB.dayOfYear:
        if not re.fullmatch(r"--\d{2}-\d{2}", value):
            raise InputError(f"{where}: {value!r} is not a day of year (--MM-DD)")
        return Literal(value, datatype=XSD.gMonthDay)
    if prop == KGB.firstObserved:
        return Literal(value, datatype=XSD.gYear)
    if prop in _INTEGER_PROPERTIES:
        if not re.fullmatch(r"-?\d+", value):
            raise InputError(f"{where}: {value!r} is not a whole number")
        return Literal(int(value))
    if prop in _BOOLEAN_PROPERTIES:
        if value.lower() not in ("true", "false"):
            raise InputError(f"{where}: {value!r} is not true or false")
        return Literal(value.lower() == "true")
    if prop in _OBJECT_PROPERTIES:
        match = re.fullmatch(r"([a-z]+):([A-Za-z_][\w\-]*)", value)
        if match and match.group(1) in PREFIXES:
            return URIRef(str(PREFIXES[match.group(1)]) + match.group(2))
        return _iri(Path(where.rsplit(":", 1)[0]), int(where.rsplit(":", 1)[1]), value, iris)
    if prop == RDFS.label or entry.lang:
        return Literal(value, lang=entry.lang or "ru")
    return Literal(value)


# -- identities ----------------------------------------------------------------------------------
def find_mention(ref: EvidenceRef, corpus: list[m.DocumentFacts]) -> tuple[str, str] | None:
    """(document id, local key) of the entity mentioned by `ref`'s quote in its source."""
    for facts in corpus:
        if facts.document.id != ref.source:
            continue
        for bucket in (facts.persons, facts.groups, facts.institutions, facts.places,
                       facts.incidents, facts.commemorations):
            for entity in bucket:
                for ev in getattr(entity, "mentions", None) or getattr(entity, "evidence", []):
                    if ev.quote == ref.quote and (ref.start is None or ev.start == ref.start):
                        return facts.document.id, entity.key
    return None


def identity_actions(curation: Curation, corpus: list[m.DocumentFacts]):
    """The merges and splits for `identity.Resolver`, evidence references resolved to entities."""
    merges, splits = [], []

    def resolve(ref: Ref, entry: Entry):
        if isinstance(ref, EvidenceRef):
            found = find_mention(ref, corpus)
            if found is None:
                curation.warnings.append(f"{curation.where(entry)}: no mention «{ref.quote}» in {ref.source}")
            return found
        return ref

    for entry in curation.entries:
        if entry.action == "merge":
            refs = [r for r in (resolve(ref, entry) for ref in entry.entities) if r is not None]
            into = resolve(entry.into, entry) if entry.into is not None else None
            merges.append((refs, into, entry))
        elif entry.action == "split":
            ref = resolve(entry.subject, entry)
            if ref is not None:
                splits.append((ref, entry.source, entry))
    return merges, splits


# -- statements ---------------------------------------------------------------------------------
class Applier:
    """Applies accept, reject and correct entries to source graphs.

    All at once (`apply`), or a few graphs at a time as a streaming build maps them
    (`apply_to`, then `finish`): the graphs of `evidence_sources()` first, together, since
    an entry named by a quote finds its subject there; then the others, in any grouping.
    Each entry acts on each graph in the file's order, so the result is the same either way.
    """

    def __init__(self, curation: Curation, iris: IRIs, dataset: Dataset | None = None,
                 source_graphs: dict[str, Graph] | None = None):
        self.curation = curation
        self.iris = iris
        self.dataset = dataset
        self.sources = source_graphs if source_graphs is not None else {}  # document id -> its named graph
        self.graph = bind_prefixes(Graph(identifier=iris.graph(CURATION_GRAPH)))
        self.graph.bind("meta", META._NS)
        self._entries = [e for e in curation.entries if e.action in ("accept", "reject", "correct")]
        self._subjects: dict[int, URIRef | None] = {}  # entry -> its subject, once found (None: not found)
        self._seen: set[int] = set()  # entries whose subject some graph says something about
        self._hits: set[int] = set()  # entries that found a statement to act on
        self._present: set[str] = set()  # sources curated so far

    def apply(self) -> Graph:
        """Curate every source graph given to the constructor; the curation graph."""
        self.apply_to(self.sources)
        return self.finish()

    def evidence_sources(self) -> set[str]:
        """The sources whose graphs name the subjects of entries given by a quote."""
        return {e.subject.source for e in self._entries if isinstance(e.subject, EvidenceRef)}

    def apply_to(self, graphs: dict[str, Graph]) -> None:
        """Curate these source graphs (document id -> graph) in place."""
        self._present.update(graphs)
        for i, entry in enumerate(self._entries):
            if i not in self._subjects:
                if isinstance(entry.subject, URIRef):
                    self._subjects[i] = entry.subject
                elif entry.subject.source in graphs:
                    self._subjects[i] = self._holder(entry.subject, graphs[entry.subject.source])
                else:
                    continue  # its source is not in this build (warned in finish)
            subject = self._subjects[i]
            if subject is None:
                continue
            if any((subject, None, None) in g for g in graphs.values()):
                self._seen.add(i)
            targets = [graphs[k] for k in sorted(graphs) if entry.source is None or k == entry.source]
            getattr(self, "_" + entry.action)(i, entry, subject, targets)

    def finish(self) -> Graph:
        """The curation graph, once every source graph went through `apply_to`; warns about
        entries that found nothing."""
        for i, entry in enumerate(self._entries):
            subject = self._subjects.get(i)
            if subject is None:
                ref = entry.subject
                self._warn(entry, f"no statement with evidence «{ref.quote}» in {ref.source}")
                continue
            if i not in self._seen:
                self._warn(entry, f"{subject} is not in this build")
                continue
            if entry.action == "accept" and entry.property is None:
                self._record(entry, "accept", subject, None, None)
                continue
            if entry.source is not None and entry.source not in self._present:
                self._warn(entry, f"no source {entry.source!r} in this build")
            if entry.action == "correct":
                value = value_of(entry, self.iris, self.curation.where(entry))
                self.graph.add((subject, entry.property, value))
                self._record(entry, "correct", subject, entry.property, value)
            elif i not in self._hits:
                what = subject if entry.property is None else f"{subject} {entry.property.n3()}"
                self._warn(entry, f"nothing to {entry.action}: {what}")
        return self.graph

    def record_identity(self, entry: Entry, iris: list[URIRef]) -> None:
        """A merge or split, recorded as curated (the identity graph says what it did)."""
        node = self._record(entry, entry.action, None, None, None)
        for iri in iris:
            self.graph.add((node, RDF.subject, iri))

    # -- actions, on some graphs
    def _accept(self, i: int, entry: Entry, subject: URIRef, graphs: list[Graph]) -> None:
        if entry.property is None:
            return  # recorded once, in finish
        for graph, (s, p, o) in self._matching(entry, subject, graphs):
            self._hits.add(i)
            self.graph.add((s, p, o))
            self._record(entry, "accept", s, p, o, graph)

    def _reject(self, i: int, entry: Entry, subject: URIRef, graphs: list[Graph]) -> None:
        if entry.property is None:  # the whole entity, and what points at it
            for graph in graphs:
                triples = list(graph.triples((subject, None, None))) + list(graph.triples((None, None, subject)))
                for triple in triples:
                    graph.remove(triple)
                if triples:
                    self._hits.add(i)
                    self._record(entry, "reject", subject, None, None, graph)
            return
        for graph, triple in self._matching(entry, subject, graphs):
            self._hits.add(i)
            graph.remove(triple)
            self._record(entry, "reject", *triple, graph)

    def _correct(self, i: int, entry: Entry, subject: URIRef, graphs: list[Graph]) -> None:
        for graph, triple in self._matching(entry, subject, graphs, any_value=True):
            graph.remove(triple)  # the extracted value gives way; the record keeps it
            self._record(entry, "superseded", *triple, graph)

    # -- helpers
    def _holder(self, ref: EvidenceRef, graph: Graph) -> URIRef | None:
        """The node whose evidence is the quote `ref` names."""
        for ev in sorted(graph.subjects(KGB.quote, Literal(ref.quote)), key=str):
            if ref.start is not None and graph.value(ev, KGB.start) != Literal(ref.start):
                continue
            holders = sorted(graph.subjects(KGB.evidence, ev), key=str)
            if holders:
                return holders[0]
        return None

    def _matching(self, entry: Entry, subject: URIRef, graphs: list[Graph], any_value: bool = False):
        found = []
        for graph in graphs:
            for triple in sorted(graph.triples((subject, entry.property, None))):
                if any_value or entry.value is None or _same_value(triple[2], entry.value):
                    found.append((graph, triple))
        return found

    def _record(self, entry: Entry, action: str, s, p, o, graph: Graph | None = None) -> URIRef:
        digest = hashlib.sha1(f"{entry.line}|{action}|{s}|{p}|{o}|{graph.identifier if graph is not None else ''}"
                              .encode("utf-8")).hexdigest()[:10]
        node = self.iris.local("curation", "entry", f"{entry.line}-{action}-{digest}")
        g = self.graph
        g.add((node, RDF.type, META.CuratedStatement))
        g.add((node, META.action, Literal(action)))
        g.add((node, META.line, Literal(entry.line)))
        g.add((node, META.curationFile, Literal(str(self.curation.path))))
        if s is not None:
            g.add((node, RDF.type, RDF.Statement))
            g.add((node, RDF.subject, s))
        if p is not None:
            g.add((node, RDF.predicate, p))
        if o is not None:
            g.add((node, RDF.object, o))
        if graph is not None:
            g.add((node, META.inGraph, graph.identifier))
        if entry.by:
            curator = self.iris.agent(f"curator-{entry.by}")
            g.add((node, PROV.wasAttributedTo, curator))
            g.add((curator, RDF.type, PROV.Person))
            g.add((curator, RDFS.label, Literal(entry.by)))
        if entry.date:
            dtype = XSD.date if len(entry.date) == 10 else XSD.dateTime
            g.add((node, PROV.generatedAtTime, Literal(entry.date, datatype=dtype)))
        if entry.note:
            g.add((node, RDFS.comment, Literal(entry.note)))
        return node

    def _warn(self, entry: Entry, message: str) -> None:
        self.curation.warnings.append(f"{self.curation.where(entry)}: {message}")


def _same_value(term, text: str) -> bool:
    """Does an extracted value equal the value written in curation.yaml (kgr:victim, 1961, ...)?"""
    if str(term) == text:
        return True
    if isinstance(term, URIRef):
        match = re.fullmatch(r"([a-z]+):([A-Za-z_][\w\-]*)", text)
        if match and match.group(1) in PREFIXES:
            return str(term) == str(PREFIXES[match.group(1)]) + match.group(2)
    return False


__all__ = ["ACTIONS", "Applier", "Curation", "Entry", "EvidenceRef", "identity_actions", "load", "value_of"]


# -- review ------------------------------------------------------------------------------------
_REVIEWED_CLASSES = (KGB.Person, KGB.Group, KGB.Institution, KGB.Place, KGB.Incident,
                     KGB.Commemoration, KGB.Participation, KGB.Kinship, KGB.TimeSpan)
_SKIPPED_PROPERTIES = {KGB.evidence, RDF.type}


@dataclass
class ReviewRow:
    subject: URIRef
    kind: str
    property: URIRef
    value: object
    quote: str
    start: int | None
    end: int | None
    confidence: float | None
    more: int = 0  # further mentions of the subject beyond the one shown


def review(dataset: Dataset, source: str) -> tuple[URIRef, list[ReviewRow]]:
    """Every statement one source gave, with the evidence of its subject; `source` is an id or IRI."""
    graph = _source_graph(dataset, source)
    rows: list[ReviewRow] = []
    for subject in sorted({s for cls in _REVIEWED_CLASSES for s in graph.subjects(RDF.type, cls)}, key=str):
        kind = _kind(graph, subject)
        evidence = []
        for ev in graph.objects(subject, KGB.evidence):
            quote, start = graph.value(ev, KGB.quote), graph.value(ev, KGB.start)
            if quote is None:
                continue
            conf = graph.value(ev, KGB.confidence)
            evidence.append((int(start), int(graph.value(ev, KGB.end)), str(quote),
                             float(conf) if conf is not None else None))
        evidence.sort()
        first = evidence[0] if evidence else (None, None, "", None)
        confidence = max((e[3] for e in evidence if e[3] is not None), default=None)
        for _, p, o in sorted(graph.triples((subject, None, None))):
            if p in _SKIPPED_PROPERTIES:
                continue
            rows.append(ReviewRow(subject, kind, p, o, first[2], first[0], first[1], confidence,
                                  max(len(evidence) - 1, 0)))
    return graph.identifier, rows


def _source_graph(dataset: Dataset, source: str) -> Graph:
    for graph in dataset.graphs():
        if str(graph.identifier) == source or graph.value(graph.identifier, KGB.identifier) == Literal(source):
            if (graph.identifier, RDF.type, KGB.Source) in graph:
                return graph
    known = sorted(str(g.value(g.identifier, KGB.identifier)) for g in dataset.graphs()
                   if g.value(g.identifier, KGB.identifier) is not None)
    raise InputError(f"no source {source!r} in the dataset; sources: {', '.join(known) or '(none)'}")


def _kind(graph: Graph, subject: URIRef) -> str:
    classes = sorted(str(c).rsplit("#", 1)[-1] for c in graph.objects(subject, RDF.type)
                     if str(c).startswith(str(KGB._NS)))
    core = {"Person", "Group", "Institution", "Place", "Incident", "Commemoration"}
    specific = [c for c in classes if c not in core]
    return specific[0] if specific else (classes[0] if classes else "")


def short(term) -> str:
    """A term as a historian writes it in curation.yaml: kgb:rank, kgr:victim, or the plain value."""
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if str(term).startswith(str(ns)) and re.fullmatch(r"[A-Za-z_][\w\-]*", str(term)[len(str(ns)):]):
                return f"{prefix}:{str(term)[len(str(ns)):]}"
        return str(term)
    return str(term)


def review_yaml(source_iri: URIRef, source: str, rows: list[ReviewRow]) -> str:
    """A curation.yaml skeleton: one `pending` entry per statement, its evidence as a comment."""
    out = [f"# Review of {source} ({source_iri}): {len(rows)} statements.",
           "# Change `pending` to accept, reject or correct (give the right value for correct),",
           "# delete the entries you do not care about, then build with --curation this-file.",
           "curator: ''", "date: ''", "entries:"]
    for row in rows:
        if row.quote:
            more = f" (+{row.more} more mentions)" if row.more else ""
            conf = f", confidence {row.confidence:g}" if row.confidence is not None else ""
            out.append(f"  # «{_one_line(row.quote)}» at {row.start}–{row.end}{conf}{more}")
        entry = {"action": "pending", "subject": str(row.subject), "property": short(row.property),
                 "value": short(row.value), "source": source, "note": ""}
        text = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=10_000)
        out.extend("  " + line for line in text.rstrip("\n").splitlines())
    return "\n".join(out) + "\n"


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)

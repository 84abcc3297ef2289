"""The main job: sources in, a validated dataset with one named graph per source out.

read → extract (or take from the cache) → resolve identities across documents → map each
document to its named graph → apply curation → validate → record provenance → write.

Only extraction is cached (per document, by content hash and extractor version): everything
after it depends on the whole corpus and is redone on every build, so removing a source
removes its graph and a new document can merge with old ones.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from .cache import Cache, default_cache_dir, document_key
from .identity import Identities, Resolver
from .iris import IRIs
from .mapping import Mapper
from .model import Document, DocumentFacts
from .namespaces import DEFAULT_BASE_IRI
from .read import DEFAULT_MAX_BYTES, OnError, read_documents
from .store import add_graph, new_dataset, save_dataset


@dataclass
class BuildResult:
    dataset: Dataset
    documents: list[str] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0
    report: object | None = None  # validate.ValidationReport when validated
    extracted: list[str] = field(default_factory=list)  # documents extracted in this run
    from_cache: list[str] = field(default_factory=list)  # documents whose facts came from the cache
    identities: Identities | None = None
    warnings: list[str] = field(default_factory=list)  # curation entries that matched nothing, ...

    @property
    def conforms(self) -> bool:
        return self.report is None or self.report.conforms


def read_all(inputs: Iterable[str | Path], *, on_error: OnError | None = None,
             max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document]:
    """Every document of the inputs, read before any work, so bad input stops the build early
    (or, with `on_error`, is reported and skipped)."""
    return read_documents(inputs, on_error=on_error, max_bytes=max_bytes)


def extractor_id() -> tuple[str, list[str]]:
    """The extractor's version and stage names: a cached result is reused only if both match.

    The version carries a digest of the extractor's own files, so a changed rule never serves
    facts cached by the old one, even when nobody remembered to bump EXTRACTOR_VERSION."""
    from .extract import pipeline
    from .extract.pipeline import EXTRACTOR_VERSION, STAGES

    return f"{EXTRACTOR_VERSION}+{_code_digest(Path(pipeline.__file__).parent)}", [name for name, _ in STAGES]


def _code_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".json", ".yaml", ".tsv"):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def build(inputs: Iterable[str | Path], out: str | Path | None = None, *,
          base_iri: str = DEFAULT_BASE_IRI, validate: bool = True,
          progress: Callable[[Document], None] | None = None,
          cache_dir: str | Path | None = None, rebuild: bool = False,
          curation: str | Path | None = None, use_cache: bool = True,
          on_error: OnError | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
          store: str | Path | None = None, jobs: int = 1) -> BuildResult:
    """Build the dataset of `inputs`, write it to `out` (if given) atomically, and return it.

    Extracted facts are cached in `cache_dir` (default: `cache.default_cache_dir()`, the user's
    cache folder; `use_cache=False` for none); `rebuild=True` extracts everything again (and
    refreshes the cache). `curation` is a curation.yaml applied on top of what was extracted.
    `on_error` receives each bad source or JSON line instead of stopping the build; `store` is
    a folder for an embedded pyoxigraph store of the result, written beside `out`. `jobs`
    processes extract (0: one per core); the result does not depend on it.
    """
    from . import curation as curation_mod
    from . import provenance

    started_at = provenance.now()
    started = time.perf_counter()
    inputs = list(inputs)
    documents = read_all(inputs, on_error=on_error, max_bytes=max_bytes)
    iris = IRIs(base_iri)
    curated = curation_mod.load(curation, iris) if curation is not None else None
    cache = Cache(cache_dir if cache_dir is not None else default_cache_dir()) if use_cache else None
    version, stages = extractor_id()
    result = BuildResult(dataset=new_dataset())

    corpus = _facts(documents, cache, f"{version} {' '.join(stages)}", rebuild, result, progress, jobs)

    assembled = assemble(corpus, iris, curated, result.dataset)
    result.identities = assembled.identities
    result.documents = [f.document.id for f in corpus]
    result.warnings.extend(assembled.warnings)
    dataset = result.dataset

    if validate:
        result.report = _validate(dataset, [*assembled.sources.values(), *assembled.curation], cache)

    settings = {"validate": validate, "rebuild": rebuild, "cache": cache is not None,
                "curation": curation is not None}
    from . import __version__

    add_graph(dataset, provenance.build_graph(
        iris, started=started_at, ended=provenance.now(), documents=documents, version=__version__,
        extractor_version=version, stages=stages, settings=settings,
        extracted=len(result.extracted), from_cache=len(result.from_cache),
        curation=(str(curated.path), curated.sha256) if curated is not None else None))
    if cache is not None and cache.broken:
        result.warnings.append(cache.broken)
    result.triples = sum(len(g) for g in dataset.graphs())
    if out is not None:
        if Path(out).suffix.lower() == ".trig":
            write_trig(dataset, out)
        else:
            save_dataset(dataset, out)
    if store is not None:
        from .store import write_store

        write_store(dataset, store)
    result.seconds = time.perf_counter() - started
    return result


@dataclass
class Assembled:
    dataset: Dataset
    identities: Identities
    sources: dict[str, Graph]  # document id -> its named graph in the dataset
    curation: list[Graph]  # the curation graph, when a curation file was given
    warnings: list[str]


def assemble(corpus: list[DocumentFacts], iris: IRIs, curated=None, dataset: Dataset | None = None) -> Assembled:
    """The dataset of a corpus of extracted facts: identities resolved across documents, one
    named graph per document, the identity decisions, and the curation applied (`curated` is a
    loaded `curation.Curation`)."""
    from . import curation as curation_mod
    from . import provenance

    dataset = dataset if dataset is not None else new_dataset()
    merges, splits = curation_mod.identity_actions(curated, corpus) if curated else ([], [])
    identities = Resolver(iris, merges, splits).resolve(corpus)
    mapper = Mapper(iris)
    nodes = _by_document(identities)
    sources: dict[str, Graph] = {}
    for facts in corpus:
        doc_id = facts.document.id
        graph = dataset.graph(iris.source(doc_id))
        graph.remove((None, None, None))
        mapper.map(facts, nodes.get(doc_id, {}), into=graph)  # straight into the dataset: no copy
        sources[doc_id] = graph
    provenance.identity_graph(iris, identities.decisions, into=dataset.graph(iris.graph(provenance.IDENTITY_GRAPH)))
    curation_graphs, warnings = [], []
    if curated is not None:
        for tag, why in identities.warnings:
            if isinstance(tag, curation_mod.Entry):
                curated.warnings.append(f"{curated.where(tag)}: {tag.action}: {why}")
        applier = curation_mod.Applier(curated, iris, dataset, sources)
        for refs, _, entry in merges:
            applier.record_identity(entry, sorted({identities.nodes.get(r) if isinstance(r, tuple) else r
                                                   for r in refs} - {None}))
        for ref, _, entry in splits:
            applier.record_identity(entry, [identities.nodes.get(ref) if isinstance(ref, tuple) else ref])
        graph = applier.apply()
        add_graph(dataset, graph)
        curation_graphs.append(dataset.graph(graph.identifier))
        warnings.extend(curated.warnings)
    return Assembled(dataset, identities, sources, curation_graphs, warnings)


def _facts(documents: list[Document], cache: Cache | None, extractor: str, rebuild: bool,
           result: BuildResult, progress, jobs: int = 1) -> list[DocumentFacts]:
    """Every document's facts, from the cache where its content and the extractor are unchanged."""
    found: dict[str, DocumentFacts] = {}
    keys: dict[str, str] = {}
    todo: list[Document] = []
    for document in documents:
        keys[document.id] = document_key(document, extractor)
        facts = cache.get_facts(keys[document.id]) if cache is not None and not rebuild else None
        if facts is None:
            todo.append(document)
        else:
            found[document.id] = facts
            result.from_cache.append(document.id)
    if todo:
        from .extract.parallel import extract_parallel  # loads the models: only when needed

        for facts in extract_parallel(todo, jobs):
            doc_id = facts.document.id
            found[doc_id] = facts
            result.extracted.append(doc_id)
            if cache is not None:
                cache.put_facts(keys[doc_id], facts)  # at once: an interrupted build keeps its work
            if progress:
                progress(facts.document)
    return [found[d.id] for d in documents]


def _by_document(identities: Identities) -> dict[str, dict]:
    nodes: dict[str, dict] = {}
    for (doc_id, key), iri in identities.nodes.items():
        nodes.setdefault(doc_id, {})[key] = iri
    return nodes


def _validate(dataset: Dataset, graphs: list[Graph], cache: Cache | None):
    """SHACL over the source and curation graphs; graphs that passed before, unchanged, are skipped.

    A graph is known by the digest of its sorted triples, under the digest of the shapes and the
    validator, so a change to any of them validates it again.
    """
    from . import validate as validation

    shapes = _shapes_digest(validation)
    digests = {str(g.identifier): _graph_digest(g) for g in graphs}
    known = set(cache.get_note("valid-graphs").get(shapes, [])) if cache is not None else set()
    todo = [g for g in graphs if digests[str(g.identifier)] not in known]
    subset = new_dataset()
    for graph in todo:
        add_graph(subset, graph)
    report = validation.validate(subset)
    if cache is not None:
        passed = known | {digests[str(g.identifier)] for g in _conforming(report, todo)}
        current = set(digests.values())
        cache.put_note("valid-graphs", {shapes: sorted(passed & current)})
    return report


def _conforming(report, graphs: list[Graph]) -> list[Graph]:
    """The graphs without violations: all when the report conforms; else those no violation
    names, when the results say which graph they come from."""
    if report.conforms:
        return graphs
    violations = getattr(report, "violations", None)
    if violations is None or any(getattr(v, "graph", None) is None for v in violations):
        return []  # cannot tell which graph failed: validate them all again next time
    failed = {str(v.graph) for v in violations}
    return [g for g in graphs if str(g.identifier) not in failed]


def _graph_digest(graph: Graph) -> str:
    lines = sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in graph)
    return hashlib.sha256("\n".join([str(graph.identifier), *lines]).encode("utf-8")).hexdigest()


def _shapes_digest(validation_module) -> str:
    from .resources import shapes_dir

    digest = hashlib.sha256()
    for path in sorted(Path(shapes_dir()).glob("**/*.ttl")):
        digest.update(path.read_bytes())
    digest.update(Path(validation_module.__file__).read_bytes())
    return digest.hexdigest()[:16]


def write_trig(dataset: Dataset, path: str | Path) -> None:
    """The dataset as TriG, atomically: graphs, subjects and predicates in sorted order.

    rdflib's TriG serializer spends most of a cached rebuild looking up prefixes term by term;
    this writer knows our prefixes and writes each term once, so a rebuild of a large corpus
    stays fast, and equal datasets give equal files (bar the build record).
    """
    from .atomic import atomic_open
    from .namespaces import PREFIXES
    from .provenance import META

    prefixes = {**{p: str(ns) for p, ns in PREFIXES.items()}, "meta": str(META._NS)}
    names: dict = {}

    def term(t) -> str:
        if isinstance(t, Literal):
            bare = _BARE.get(t.datatype)
            if bare is not None and bare.fullmatch(str(t)):
                return str(t)  # 3, 0.9, true: Turtle's own short forms
            text = '"' + _escape(str(t)) + '"'
            if t.language:
                return f"{text}@{t.language}"
            if t.datatype is not None and t.datatype != XSD.string:
                return f"{text}^^{term(t.datatype)}"
            return text
        if isinstance(t, BNode):
            return f"_:{t}"
        found = names.get(t)
        if found is None:
            found = f"<{_escape_iri(str(t))}>"
            for prefix, ns in prefixes.items():
                local = str(t)[len(ns):]
                if str(t).startswith(ns) and _PNAME.fullmatch(local):
                    found = f"{prefix}:{local}"
                    break
            names[t] = found
        return found

    with atomic_open(path, "w") as out:
        for prefix, ns in prefixes.items():
            out.write(f"@prefix {prefix}: <{ns}> .\n")
        graphs = sorted((g for g in dataset.graphs() if len(g) and isinstance(g.identifier, URIRef)
                         and str(g.identifier) != "urn:x-rdflib:default"), key=lambda g: str(g.identifier))
        for graph in graphs:
            out.write(f"\n{term(graph.identifier)} {{\n")
            by_subject: dict = {}
            for s, p, o in graph:
                by_subject.setdefault(s, {}).setdefault(p, []).append(o)
            for s in sorted(by_subject, key=lambda x: (isinstance(x, BNode), str(x))):
                out.write(f"  {term(s)}")
                predicates = sorted(by_subject[s], key=lambda x: (x != RDF.type, str(x)))
                for n, p in enumerate(predicates):
                    objects = ", ".join(sorted(term(o) for o in by_subject[s][p]))
                    verb = "a" if p == RDF.type else term(p)
                    sep = " ." if n == len(predicates) - 1 else " ;"
                    out.write(f"{'' if n == 0 else '    '} {verb} {objects}{sep}\n")
            out.write("}\n")


_PNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_BARE = {XSD.integer: re.compile(r"[+-]?\d+"), XSD.decimal: re.compile(r"[+-]?\d*\.\d+"),
         XSD.boolean: re.compile(r"true|false")}


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))


def _escape_iri(text: str) -> str:
    return re.sub(r'[\x00-\x20<>"{}|^`\\]', lambda m: f"\\u{ord(m.group()):04X}", text)

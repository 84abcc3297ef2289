"""The main job: sources in, a validated dataset with one named graph per source out.

read → extract (or take from the cache) → resolve identities across documents → map each
document to its named graph → apply curation → validate → record provenance → write.

Only extraction is cached (per document, by content hash and extractor version): everything
after it depends on the whole corpus and is redone on every build, so removing a source
removes its graph and a new document can merge with old ones.

Identities are resolved over the facts of the whole corpus first; the graphs then stream:
each document's graph is mapped, curated, validated (a batch at a time) and written, then
dropped, so memory follows the facts (small) and not the graphs (≈ 1.8 KB per triple).
Without curation, worker processes map, validate and render chunks of documents as TriG
text, which this process writes in order: the file does not depend on their number.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from .cache import Cache, default_cache_dir, document_key
from .identity import Identities, Resolver
from .iris import IRIs
from .mapping import Mapper, Triples
from .model import Document, DocumentFacts
from .namespaces import DEFAULT_BASE_IRI
from .read import DEFAULT_MAX_BYTES, OnError, read_documents
from .store import RDF_FORMATS, add_graph, load_dataset, new_dataset, save_dataset


@dataclass
class BuildResult:
    documents: list[str] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0
    report: object | None = None  # validate.ValidationReport when validated
    extracted: list[str] = field(default_factory=list)  # documents extracted in this run
    from_cache: list[str] = field(default_factory=list)  # documents whose facts came from the cache
    identities: Identities | None = None
    warnings: list[str] = field(default_factory=list)  # curation entries that matched nothing, ...

    _dataset: Dataset | None = field(default=None, repr=False)
    _load: Callable[[], Dataset] | None = field(default=None, repr=False)

    @property
    def dataset(self) -> Dataset:
        """The built dataset; read back from the written file (or store) the first time it is
        asked for, unless the build kept it in memory."""
        if self._dataset is None:
            self._dataset = self._load() if self._load is not None else new_dataset()
        return self._dataset

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
          store: str | Path | None = None, jobs: int = 1,
          keep_dataset: bool | None = None) -> BuildResult:
    """Build the dataset of `inputs`, write it to `out` (if given) atomically, and return it.

    Extracted facts are cached in `cache_dir` (default: `cache.default_cache_dir()`, the user's
    cache folder; `use_cache=False` for none); `rebuild=True` extracts everything again (and
    refreshes the cache). `curation` is a curation.yaml applied on top of what was extracted.
    `on_error` receives each bad source or JSON line instead of stopping the build; `store` is
    a folder for an embedded pyoxigraph store of the result, written beside `out`. `jobs`
    processes extract, then map, validate and render the sources (0: one per core); the
    result does not depend on it.

    The dataset streams: each source's graph is mapped, curated, validated and written, then
    dropped, so memory does not grow with the graphs of the corpus. `result.dataset` is read
    back from `out` (or `store`) when first asked for; `keep_dataset=True` keeps it in memory
    as it is built instead (the default when there is neither `out` nor `store`).
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
    result = BuildResult()

    corpus = _facts(documents, cache, f"{version} {' '.join(stages)}", rebuild, result, progress, jobs)
    result.documents = [f.document.id for f in corpus]
    plan = Plan(corpus, iris, curated)
    del corpus  # the plan drops each document's facts once its graph is mapped
    result.identities = plan.identities
    validator = _Validator(cache) if validate else None
    settings = {"validate": validate, "rebuild": rebuild, "cache": cache is not None,
                "curation": curation is not None}

    def records():
        """The build's own record, last: it holds the time the build ended."""
        from . import __version__

        result.warnings.extend(plan.warnings)
        if cache is not None and cache.broken:
            result.warnings.append(cache.broken)
        yield provenance.build_graph(
            iris, started=started_at, ended=provenance.now(), documents=documents, version=__version__,
            extractor_version=version, stages=stages, settings=settings,
            extracted=len(result.extracted), from_cache=len(result.from_cache),
            curation=(str(curated.path), curated.sha256) if curated is not None else None)

    loadable = _loadable(out) if out is not None else store is not None
    keep = keep_dataset if keep_dataset is not None else not loadable
    kept = new_dataset() if keep or not loadable else None

    def counted(graphs: Iterable[Graph]) -> Iterator[Graph]:
        for graph in graphs:
            result.triples += len(graph)
            if kept is not None:
                add_graph(kept, graph.triples if isinstance(graph, Rendered) else graph)
            yield graph

    rendered = _RenderCache(cache, base_iri, f"{version} {' '.join(stages)}", validator) \
        if cache is not None and curated is None and kept is None and (out is None or _loadable(out)) else None
    graphs = plan.rendered(rendered, validator, jobs, keep=kept is not None)
    checked = validator.check(graphs) if validator else (graph for _, _, graph in graphs)
    _write(counted(chain(checked, records())), out, store, rendered.keep if rendered else None)
    if validator is not None:
        result.report = validator.report()
    if kept is not None:
        result._dataset = kept
    elif out is not None:
        result._load = lambda: load_dataset(out)
    else:
        from .store import dataset_from_store, open_store

        result._load = lambda: dataset_from_store(open_store(store))
    result.seconds = time.perf_counter() - started
    return result


def _loadable(out: str | Path) -> bool:
    return Path(out).suffix.lower() in (".trig", ".nq")


class Rendered:
    """A source graph as TriG: its block, size and digest. Either as an earlier build wrote it
    (reused), or `fresh`: mapped, validated and rendered in this build, by a worker process
    (`triples` holds its statements when the build keeps its dataset in memory)."""

    __slots__ = ("identifier", "text", "size", "digest", "fresh", "triples")

    def __init__(self, identifier: URIRef, text: str, size: int, digest: str, fresh: bool = False,
                 triples: Triples | None = None) -> None:
        self.identifier, self.text, self.size, self.digest = identifier, text, size, digest
        self.fresh, self.triples = fresh, triples

    def __len__(self) -> int:
        return self.size


class _RenderCache:
    """Each source's graph as written, so that a rebuild after one source changed maps,
    validates and renders that source only. A graph depends on its document's facts (their
    cache key), on the IRIs identity gave their nodes, on the base IRI and on the mapper's
    code; all of them make the key. A graph is reused only if it passed validation under the
    current shapes (or validation is off)."""

    def __init__(self, cache: Cache, base_iri: str, extractor: str, validator) -> None:
        self.cache, self.validator, self.iris = cache, validator, IRIs(base_iri)
        self.extractor = extractor
        self.prefix = [base_iri, extractor, _mapper_digest()]
        self.keys: dict[str, str] = {}  # graph IRI -> key, for graphs mapped in this build
        self.unchecked: set[str] = set()

    def _key(self, facts: DocumentFacts, nodes: dict) -> str:
        payload = json.dumps([*self.prefix, document_key(facts.document, self.extractor),
                              sorted((k, str(v)) for k, v in nodes.items())], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def reuse(self, facts: DocumentFacts, nodes: dict) -> Rendered | None:
        key = self._key(facts, nodes)
        entry = self.cache.get_graph(key)
        if entry is not None and (self.validator is None or entry["digest"] in self.validator.known):
            return Rendered(self.iris.source(facts.document.id), entry["text"], entry["size"], entry["digest"])
        self.keys[str(self.iris.source(facts.document.id))] = key
        return None

    def identity(self, decisions) -> Rendered | None:
        """The identity graph as written before, when the decisions are the same."""
        from .provenance import IDENTITY_GRAPH

        key = hashlib.sha256(json.dumps([*self.prefix, repr(decisions)], ensure_ascii=False).encode()).hexdigest()
        iri = self.iris.graph(IDENTITY_GRAPH)
        entry = self.cache.get_graph(key)
        if entry is not None:
            return Rendered(iri, entry["text"], entry["size"], entry["digest"])
        self.keys[str(iri)] = key
        self.unchecked.add(str(iri))  # the shapes do not apply to it
        return None

    def keep(self, graph, text: str) -> None:
        """Called by the writer with each graph it rendered: sources that passed are kept."""
        key = self.keys.pop(str(graph.identifier), None)
        if key is None or (isinstance(graph, Rendered) and not graph.fresh):
            return
        if str(graph.identifier) in self.unchecked:
            self.cache.put_graph(key, {"text": text, "size": len(graph), "digest": ""})
            return
        if self.validator is None:
            digest = graph.digest if isinstance(graph, Rendered) else _graph_digest(graph)
        else:
            digest = self.validator.digest_of.get(str(graph.identifier))
            if digest is None or (digest not in self.validator.passed and digest not in self.validator.known):
                return  # not known to pass: mapped and validated again next time
        self.cache.put_graph(key, {"text": text, "size": len(graph), "digest": digest})


def _mapper_digest() -> str:
    """What a source's graph depends on besides its facts and IRIs: the mapper and the writer."""
    digest = hashlib.sha256()
    for name in ("mapping.py", "iris.py", "namespaces.py", "model.py", "build.py"):
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:16]


def _write(graphs: Iterator[Graph], out: str | Path | None, store: str | Path | None,
           rendered: Callable | None = None) -> None:
    """Write the stream of graphs to `out` (TriG as it comes; N-Quads converted from a TriG
    beside it by pyoxigraph; other formats through rdflib, in memory) and to `store`."""
    import tempfile

    from .store import write_store

    suffix = Path(out).suffix.lower() if out is not None else None
    if suffix is not None and suffix not in (".trig", ".nq") and suffix in RDF_FORMATS:
        dataset = new_dataset()  # Turtle, N-Triples, JSON-LD: rare, small, and rdflib's own
        for graph in graphs:
            add_graph(dataset, graph)
        save_dataset(dataset, out)
        if store is not None:
            write_store(dataset, store)
        return
    if out is None and store is None:
        for _ in graphs:  # consumed for its effects (a kept dataset, the report)
            pass
        return
    if suffix not in (None, ".nq"):
        write_trig(graphs, out, rendered)
        if store is not None:
            write_store(out, store)
        return
    beside = Path(out if out is not None else store).resolve().parent
    beside.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".kgbuild-", dir=beside) as tmp:
        trig = Path(tmp) / "dataset.trig"
        write_trig(graphs, trig, rendered)
        if out is not None:
            _trig_to_nquads(trig, out)
        if store is not None:
            write_store(trig, store)


def _trig_to_nquads(trig: Path, out: str | Path) -> None:
    import pyoxigraph as ox

    from .atomic import atomic_open

    with atomic_open(out, "wb") as handle:
        ox.serialize(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG), handle, format=ox.RdfFormat.N_QUADS)


@dataclass
class Assembled:
    dataset: Dataset
    identities: Identities
    sources: dict[str, Graph]  # document id -> its named graph in the dataset
    curation: list[Graph]  # the curation graph, when a curation file was given
    warnings: list[str]


def assemble(corpus: list[DocumentFacts], iris: IRIs, curated=None, dataset: Dataset | None = None) -> Assembled:
    """The dataset of a corpus of extracted facts, in memory: identities resolved across
    documents, one named graph per document, the identity decisions, and the curation applied
    (`curated` is a loaded `curation.Curation`)."""
    dataset = dataset if dataset is not None else new_dataset()
    plan = Plan(list(corpus), iris, curated)
    sources: dict[str, Graph] = {}
    curation_graphs: list[Graph] = []
    for kind, doc_id, graph in plan.graphs():
        add_graph(dataset, graph)
        if kind == "source":
            sources[doc_id] = dataset.graph(graph.identifier)
        elif kind == "curation":
            curation_graphs.append(dataset.graph(graph.identifier))
    return Assembled(dataset, plan.identities, sources, curation_graphs, plan.warnings)


class Plan:
    """The graphs of a corpus, one at a time: identities are resolved across the whole corpus
    up front (from the facts, which are small beside their graphs); then each document is
    mapped to its own graph, curated, and handed on.

    `graphs()` yields (kind, document id or None, graph): the identity decisions first, the
    sources in the order of their graph IRIs, then the curation, if any.
    """

    def __init__(self, corpus: list[DocumentFacts], iris: IRIs, curated=None) -> None:
        from . import curation as curation_mod

        self.iris = iris
        self.curated = curated
        self.corpus = sorted(corpus, key=lambda f: str(iris.source(f.document.id)))
        self.merges, self.splits = curation_mod.identity_actions(curated, corpus) if curated else ([], [])
        self.identities = Resolver(iris, self.merges, self.splits).resolve(corpus)
        self.warnings: list[str] = []

    def graphs(self, renders: _RenderCache | None = None) -> Iterator[tuple[str, str | None, Graph]]:
        """`renders` may give graphs as an earlier build wrote them (`Rendered`), which are
        then neither mapped nor validated again."""
        from . import curation as curation_mod
        from . import provenance

        iris, curated, identities = self.iris, self.curated, self.identities
        mapper = Mapper(iris)
        nodes = _by_document(identities)
        known = renders.identity(identities.decisions) if renders is not None else None
        yield "identity", None, known or provenance.identity_graph(iris, identities.decisions)
        applier, held = None, {}
        if curated is not None:
            for tag, why in identities.warnings:
                if isinstance(tag, curation_mod.Entry):
                    curated.warnings.append(f"{curated.where(tag)}: {tag.action}: {why}")
            applier = curation_mod.Applier(curated, iris)
            # Entries given by a quote find their subject in the quoted source's graph, which
            # must be curated before any other: those few graphs are mapped first and held.
            quoted = applier.evidence_sources()
            held = {f.document.id: mapper.map(f, nodes.get(f.document.id, {}))
                    for f in self.corpus if f.document.id in quoted}
            applier.apply_to(held)
        for n, facts in enumerate(self.corpus):
            doc_id = facts.document.id
            self.corpus[n] = None  # the facts are not needed once mapped
            graph = held.pop(doc_id, None)
            if graph is None and renders is not None and applier is None:
                graph = renders.reuse(facts, nodes.get(doc_id, {}))
            if graph is None and applier is not None:  # curation edits rdflib graphs
                graph = mapper.map(facts, nodes.pop(doc_id, {}))
                applier.apply_to({doc_id: graph})
            elif graph is None:
                graph = mapper.triples(facts, nodes.pop(doc_id, {}))
            yield "source", doc_id, graph
        if applier is not None:
            for refs, _, entry in self.merges:
                applier.record_identity(entry, sorted({identities.nodes.get(r) if isinstance(r, tuple) else r
                                                       for r in refs} - {None}))
            for ref, _, entry in self.splits:
                applier.record_identity(entry, [identities.nodes.get(ref) if isinstance(ref, tuple) else ref])
            graph = applier.finish()
            self.warnings.extend(curated.warnings)
            yield "curation", None, graph


    def rendered(self, renders: _RenderCache | None = None, validator: _Validator | None = None,
                 jobs: int = 1, keep: bool = False) -> Iterator[tuple[str, str | None, Graph]]:
        """What `graphs()` yields, each source as `Rendered`: mapped, validated (when a
        `validator` is given) and rendered as TriG a chunk of documents at a time, by `jobs`
        processes (0: one per core), in the same order whatever their number. `keep` keeps
        each source's `Triples` on it (and does the work here). With curation, which edits
        graphs across sources, this is `graphs()`."""
        if self.curated is not None:
            yield from self.graphs(renders)
            return
        from . import provenance

        iris, identities = self.iris, self.identities
        nodes = _by_document(identities)
        chunks = self._chunks(renders, nodes)
        settings = (iris.base, validator.known if validator is not None else None, keep)
        results = _map_chunks(chunks, settings, 1 if keep else jobs)
        next(results)  # the workers start on the first chunks while the identity graph is made here
        known = renders.identity(identities.decisions) if renders is not None else None
        if known is None:
            # a quarter of the statements of a corpus: rendered at once, the text takes a
            # quarter of the memory of the terms, and they are gone before the workers start
            triples = provenance.identity_graph(iris, identities.decisions,
                                                into=Triples(iris.graph(provenance.IDENTITY_GRAPH)))
            text = _renderer().render(triples)
            known = Rendered(triples.identifier, text, len(triples), _text_digest(text), fresh=True,
                             triples=triples if keep else None)
            del triples
        yield "identity", None, known
        for chunk, (done, report, passed) in results:
            if report is not None:
                validator.absorb(report, passed)
            fresh = iter(done)
            for doc_id, item in chunk:
                yield "source", doc_id, item if isinstance(item, Rendered) else next(fresh)

    def _chunks(self, renders: _RenderCache | None, nodes: dict) -> Iterator[list]:
        """Runs of documents in order, each (document id, its graph as an earlier build
        wrote it, or its facts and nodes to map)."""
        chunk: list = []
        todo = 0
        for n, facts in enumerate(self.corpus):
            self.corpus[n] = None  # the facts are not needed once handed on
            doc_id = facts.document.id
            doc_nodes = nodes.pop(doc_id, {})
            reused = renders.reuse(facts, doc_nodes) if renders is not None else None
            chunk.append((doc_id, reused) if reused is not None else (doc_id, (facts, doc_nodes)))
            todo += reused is None
            if todo >= _CHUNK_DOCUMENTS:
                yield chunk
                chunk, todo = [], 0
        if chunk:
            yield chunk


# Documents per task of a worker: enough that a validation call is worth its fixed cost,
# few enough that the workers end together and memory in flight stays small (≈ 2 MB of TriG).
_CHUNK_DOCUMENTS = 32
_PREFETCH = 4  # chunks in flight per worker: they keep busy while this process makes the identity graph


def _map_chunks(chunks: Iterator[list], settings: tuple, jobs: int) -> Iterator[tuple[list, tuple] | None]:
    """None once the work has started, then (chunk, its result) for each chunk, in order;
    `jobs` processes map them."""
    from .extract.parallel import default_jobs

    jobs = default_jobs() if not jobs or jobs < 0 else jobs
    head = list(islice(chunks, 2))
    if jobs == 1 or len(head) < 2:  # one chunk: starting workers would only cost time
        _init_mapper(*settings, worker=False)
        yield None
        for chunk in chain(head, chunks):
            yield chunk, _map_chunk(_to_map(chunk))
        return
    import multiprocessing
    from collections import deque

    # Not forked from this process: it holds the whole corpus's facts, and as it lets each
    # document's facts go it would copy the pages a forked worker still shares (10 000
    # documents: 1.5 GB more). The workers start from a server that has only imported us and
    # get their documents' facts with each task.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload([__name__])
    with context.Pool(jobs, initializer=_init_mapper, initargs=settings) as pool:
        pending: deque = deque()
        chunks = chain(head, chunks)

        def submit(chunk: list) -> None:
            todo = _to_map(chunk)
            pending.append((chunk, pool.apply_async(_map_chunk, (todo,)) if todo else None))

        for chunk in islice(chunks, jobs * _PREFETCH):
            submit(chunk)
        yield None
        while pending:
            chunk, task = pending.popleft()
            result = task.get() if task is not None else ([], None, [])
            for more in islice(chunks, 1):  # one chunk in for one out: memory stays flat
                submit(more)
            yield chunk, result


def _to_map(chunk: list) -> list[tuple[DocumentFacts, dict]]:
    return [item for _, item in chunk if not isinstance(item, Rendered)]


# A mapping worker's settings, set by `_init_mapper`.
_MAPPER: Mapper | None = None
_KNOWN: set[str] | None = None  # digests of graphs known to pass; None: no validation
_KEEP = False


def _init_mapper(base_iri: str, known: set[str] | None, keep: bool, worker: bool = True) -> None:
    global _MAPPER, _KNOWN, _KEEP
    if worker:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent alone decides to stop the pool
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _MAPPER, _KNOWN, _KEEP = Mapper(IRIs(base_iri)), known, keep


def _map_chunk(items: list[tuple[DocumentFacts, dict]]) -> tuple[list[Rendered], object, list[str]]:
    """Map, render and (unless known to pass) validate a chunk of documents: the rendered
    graphs, the validation report (None when nothing was validated), the digests that passed."""
    renderer = _renderer()
    done, todo = [], []
    for facts, nodes in items:
        triples = _MAPPER.triples(facts, nodes)
        text = renderer.render(triples)
        digest = _text_digest(text)
        done.append(Rendered(triples.identifier, text, len(triples), digest, fresh=True,
                             triples=triples if _KEEP else None))
        if _KNOWN is not None and digest not in _KNOWN:
            todo.append((triples, digest))
    if not todo:
        return done, None, []
    from . import validate as validation

    report, passed = _validate_batch(validation, todo)
    return done, report, passed


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


class _Validator:
    """SHACL over the source and curation graphs as they stream past, a batch at a time;
    graphs that passed before, unchanged, are skipped.

    A graph is known by the digest of its sorted triples, under the digest of the shapes and
    the validator, so a change to any of them validates it again. Batches hold up to
    `BATCH_TRIPLES` triples: the shapes are checked graph by graph anyway, and one report per
    batch is merged into the build's."""

    BATCH_TRIPLES = 150_000  # each batch costs the fast engine ~0.1 s of set-up

    def __init__(self, cache: Cache | None) -> None:
        from . import validate as validation

        self.validation = validation
        self.cache = cache
        self.shapes = _shapes_digest(validation)
        self.known = set(cache.get_note("valid-graphs").get(self.shapes, [])) if cache is not None else set()
        self.passed: set[str] = set()
        self.current: set[str] = set()
        self.digest_of: dict[str, str] = {}  # graph IRI -> digest, for the render cache
        self.reports: list = []

    def check(self, graphs: Iterable[tuple[str, str | None, Graph]]) -> Iterator[Graph]:
        """The graphs, in the order given, each once its batch is validated."""
        pending: list[Graph] = []
        todo: list[tuple[Graph, str]] = []
        size = 0
        for kind, _, graph in graphs:
            pending.append(graph)
            size += len(graph)  # known graphs too: they wait in memory as much as the others
            if kind in ("source", "curation"):
                digest = graph.digest if isinstance(graph, Rendered) else _graph_digest(graph)
                self.current.add(digest)
                self.digest_of[str(graph.identifier)] = digest
                # reused only if known; fresh ones come validated (`absorb`)
                if digest not in self.known and not isinstance(graph, Rendered):
                    todo.append((graph, digest))
            if size >= self.BATCH_TRIPLES:
                if todo:
                    self._run(todo)
                yield from pending
                pending, todo, size = [], [], 0
        if todo or not self.reports:
            self._run(todo)
        yield from pending
        if self.cache is not None:
            self.cache.put_note("valid-graphs", {self.shapes: sorted((self.known | self.passed) & self.current)})

    def _run(self, todo: list[tuple[Graph, str]]) -> None:
        self.absorb(*_validate_batch(self.validation, todo))

    def absorb(self, report, passed: Iterable[str]) -> None:
        """The report of graphs validated elsewhere (a worker), and the digests that passed."""
        self.reports.append(report)
        self.passed.update(passed)

    def report(self):
        """One report of every batch."""
        if len(self.reports) == 1:
            return self.reports[0]
        merged = self.validation.ValidationReport()
        for report in self.reports:
            merged.results.extend(report.results)
            merged.graphs.extend(report.graphs)
            merged.report_graph += report.report_graph
        return merged


def _validate_batch(validation, todo: list[tuple[Graph | Triples, str]]) -> tuple[object, list[str]]:
    """Validate graphs, each on its own: the report and the digests of those that passed."""
    report = validation.validate_graphs([(str(graph.identifier), graph) for graph, _ in todo])
    digests = {str(graph.identifier): digest for graph, digest in todo}
    return report, [digests[str(g.identifier)] for g in _conforming(report, [g for g, _ in todo])]


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


def _graph_digest(graph: Graph | Triples) -> str:
    """The digest of a graph's TriG block: the writer sorts subjects, predicates and objects,
    so equal graphs give equal blocks."""
    return _text_digest(_renderer().render(graph))


def _text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_RENDERER: _TrigRenderer | None = None


def _renderer() -> _TrigRenderer:
    """This process's renderer (its names kept from graph to graph)."""
    global _RENDERER
    if _RENDERER is None:
        _RENDERER = _TrigRenderer()
    return _RENDERER


def _shapes_digest(validation_module) -> str:
    from .resources import shapes_dir

    digest = hashlib.sha256()
    for path in sorted(Path(shapes_dir()).glob("**/*.ttl")):
        digest.update(path.read_bytes())
    for path in validation_module.code_files():  # the SPARQL engine decides reports too
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def write_trig(graphs: Dataset | Iterable[Graph], path: str | Path,
               rendered: Callable[[Graph, str], None] | None = None) -> None:
    """A dataset, or a stream of named graphs, as TriG, atomically: a dataset's graphs in
    sorted order, a stream's as they come (each written, then let go); subjects and predicates
    sorted. The file appears only once the last graph is written.

    rdflib's TriG serializer spends most of a cached rebuild looking up prefixes term by term;
    this writer knows our prefixes and writes each term once, so a rebuild of a large corpus
    stays fast, and equal datasets give equal files (bar the build record). Graphs already
    rendered (`Rendered`: by a worker, or by an earlier build) are written as they are.
    """
    from .atomic import atomic_open

    renderer = _TrigRenderer()
    with atomic_open(path, "w") as out:
        out.write(renderer.header())
        if isinstance(graphs, Dataset):
            graphs = sorted(graphs.graphs(), key=lambda g: str(g.identifier))
        for graph in graphs:
            if isinstance(graph, Rendered):
                if graph.size:
                    out.write(graph.text)
                    if graph.fresh and rendered is not None:
                        rendered(graph, graph.text)
                continue
            text = renderer.render(graph)
            if text:
                out.write(text)
                if rendered is not None:
                    rendered(graph, text)


class _TrigRenderer:
    """Named graphs as TriG blocks, our prefixes known: each term is written once and kept."""

    def __init__(self) -> None:
        from .namespaces import PREFIXES
        from .provenance import META

        self.prefixes = {**{p: str(ns) for p, ns in PREFIXES.items()}, "meta": str(META._NS)}
        self.names: dict = {}

    def header(self) -> str:
        return "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in self.prefixes.items())

    def term(self, t) -> str:
        found = self.names.get(t)  # IRIs, most terms, are written once
        if found is not None:
            return found
        if isinstance(t, Literal):
            bare = _BARE.get(t.datatype)
            if bare is not None and bare.fullmatch(str(t)):
                return str(t)  # 3, 0.9, true: Turtle's own short forms
            text = '"' + _escape(str(t)) + '"'
            if t.language:
                return f"{text}@{t.language}"
            if t.datatype is not None and t.datatype != XSD.string:
                return f"{text}^^{self.term(t.datatype)}"
            return text
        if isinstance(t, BNode):
            return f"_:{t}"
        found = f"<{_escape_iri(str(t))}>"
        for prefix, ns in self.prefixes.items():
            if t.startswith(ns) and _PNAME.fullmatch(t, len(ns)):
                found = f"{prefix}:{t[len(ns):]}"
                break
        self.names[t] = found
        return found

    def render(self, graph: Graph | Triples) -> str:
        """The graph's TriG block; "" for an empty graph or the default graph."""
        if not len(graph) or not isinstance(graph.identifier, URIRef) or str(graph.identifier) == _DEFAULT:
            return ""
        if len(self.names) > _NAMES_KEPT:
            self.names.clear()  # IRIs rarely recur across sources: keep memory flat
        term = self.term
        lines = [f"\n{term(graph.identifier)} {{\n"]
        by_subject: dict = {}
        for s, p, o in graph:
            by_subject.setdefault(s, {}).setdefault(p, []).append(o)
        for s in sorted(by_subject, key=lambda x: (isinstance(x, BNode), str(x))):
            lines.append(f"  {term(s)}")
            predicates = sorted(by_subject[s], key=lambda x: (x != _RDF_TYPE, str(x)))
            for n, p in enumerate(predicates):
                objects = ", ".join(sorted(term(o) for o in by_subject[s][p]))
                verb = "a" if p == _RDF_TYPE else term(p)
                sep = " ." if n == len(predicates) - 1 else " ;"
                lines.append(f"{'' if n == 0 else '    '} {verb} {objects}{sep}\n")
        lines.append("}\n")
        return "".join(lines)


_DEFAULT = "urn:x-rdflib:default"
_RDF_TYPE = RDF.type
_NAMES_KEPT = 100_000
_PNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_BARE = {XSD.integer: re.compile(r"[+-]?\d+"), XSD.decimal: re.compile(r"[+-]?\d*\.\d+"),
         XSD.boolean: re.compile(r"true|false")}


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r").replace("\t", "\\t"))


def _escape_iri(text: str) -> str:
    return re.sub(r'[\x00-\x20<>"{}|^`\\]', lambda m: f"\\u{ord(m.group()):04X}", text)

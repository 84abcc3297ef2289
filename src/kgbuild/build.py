"""The main job: sources in, a validated dataset with one named graph per source out."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from .extract import extract_all
from .iris import IRIs
from .mapping import Mapper
from .model import Document
from .namespaces import DEFAULT_BASE_IRI
from .read import find_sources, read_path
from .store import add_graph, new_dataset, save_dataset


@dataclass
class BuildResult:
    dataset: Dataset
    documents: list[str] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0
    report: object | None = None  # validate.ValidationReport when validated

    @property
    def conforms(self) -> bool:
        return self.report is None or self.report.conforms


def read_all(inputs: Iterable[str | Path]) -> list[Document]:
    """Every document of the inputs, read fully before any work, so bad input stops the build early."""
    documents: list[Document] = []
    seen: dict[str, str] = {}
    for path in find_sources(inputs):
        for document in read_path(path):
            if document.id in seen:
                from .errors import InputError

                raise InputError(f"{document.path}: document id {document.id!r} already used by {seen[document.id]}")
            seen[document.id] = document.path or ""
            documents.append(document)
    if not documents:
        from .errors import InputError

        raise InputError("no source documents found in " + ", ".join(str(i) for i in inputs))
    return documents


def build(inputs: Iterable[str | Path], out: str | Path | None = None, *,
          base_iri: str = DEFAULT_BASE_IRI, validate: bool = True,
          progress: Callable[[Document], None] | None = None) -> BuildResult:
    started = time.perf_counter()
    inputs = list(inputs)
    documents = read_all(inputs)
    mapper = Mapper(IRIs(base_iri))
    dataset = new_dataset()
    result = BuildResult(dataset=dataset)
    for facts in extract_all(documents):
        add_graph(dataset, mapper.map(facts))
        result.documents.append(facts.document.id)
        if progress:
            progress(facts.document)
    if validate:
        from .validate import validate as run_validation

        result.report = run_validation(dataset)
    result.triples = sum(1 for _ in dataset.quads((None, None, None, None)))
    if out is not None:
        save_dataset(dataset, out)
    result.seconds = time.perf_counter() - started
    return result

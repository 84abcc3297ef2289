"""The extractor: one document in, its `DocumentFacts` out, through small named stages.

Stages run in order on a shared `Context`; each reads what earlier ones found (the entity
mentions, the dates) and adds its own. The natasha models are loaded once per process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..model import Document, DocumentFacts
from .context import Context
from .dates import extract_dates
from .events import extract_events
from .institutions import extract_institutions, finish_institutions
from .nlp import analyse, models
from .persons import extract_persons
from .places import extract_places
from .ranks import attach_ranks

Stage = Callable[[Context], None]

STAGES: list[tuple[str, Stage]] = [
    ("institutions", extract_institutions),
    ("persons", extract_persons),
    ("places", extract_places),
    ("dates", extract_dates),
    ("institution_links", finish_institutions),
    ("ranks", attach_ranks),
    ("events", extract_events),  # incidents, kinship, commemorations: needs the entity mentions
]

EXTRACTOR_VERSION = "0.3.0"


def extract(document: Document, stages: Iterable[tuple[str, Stage]] | None = None) -> DocumentFacts:
    """Read the facts of one document."""
    return run_stages(document, analyse(document.text), stages)


def run_stages(document: Document, analysis, stages: Iterable[tuple[str, Stage]] | None = None) -> DocumentFacts:
    """The stages over a document whose text is already analysed (alone or in a batch)."""
    ctx = Context(document=document, analysis=analysis, facts=DocumentFacts(document=document))
    for _name, stage in (STAGES if stages is None else stages):
        stage(ctx)
    return ctx.facts


def extract_all(documents: Iterable[Document]) -> Iterator[DocumentFacts]:
    models()  # load once, before the first document
    for document in documents:
        yield extract(document)

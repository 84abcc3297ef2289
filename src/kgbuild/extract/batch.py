"""Extraction of many documents at once: natasha's taggers fed sentences sorted by length.

natasha tags one document at a time, in batches of 8 sentences in text order, so every batch
is padded to its longest sentence. Here the sentences of a whole chunk of documents go through
the morphology tagger and the syntax parser sorted by length (little padding), and the texts
through the NER tagger likewise, then everything is put back in place; the names grammar runs
once per distinct name. The result is the
same `Analysis` that `nlp.analyse` gives for each text — the tests compare them — in
about 40 % less tagger time (measured: morph 20 → 11 ms, syntax 19 → 11 ms, NER 22 → 16 ms
per 5 KB article).

`extract_many(documents)` is `[extract(d) for d in documents]`, faster.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Document, DocumentFacts
from .nlp import Analysis, adapt, models, segment


def _by_length(items: Sequence[Sequence]) -> list[int]:
    """Positions of the items, shortest first (stable, so equal lengths keep text order)."""
    return sorted(range(len(items)), key=lambda i: len(items[i]))


def _map_sorted(tagger, items: Sequence) -> list:
    """The tagger's output for every item, computed in length order, returned in input order."""
    order = _by_length(items)
    out: list = [None] * len(items)
    for position, markup in zip(order, tagger.map([items[i] for i in order])):
        out[position] = markup
    return out


def analyse_many(texts: Sequence[str]) -> list[Analysis]:
    """`[nlp.analyse(t) for t in texts]`, with the taggers run over all texts together."""
    from natasha import Doc
    from natasha.doc import adapt_spans, inject_morph, inject_syntax, offset_syntax, sent_words

    m = models()
    docs = []
    for text in texts:
        doc = Doc(text)
        segment(doc)
        docs.append(doc)
    sents = [sent for doc in docs for sent in doc.sents]
    words = [sent_words(sent) for sent in sents]
    for sent, markup in zip(sents, _map_sorted(m.morph_tagger, words)):
        inject_morph(sent.tokens, markup.tokens)
    for sent, markup in zip(sents, _map_sorted(m.syntax_parser, words)):
        inject_syntax(sent.tokens, markup.tokens)
    for doc in docs:  # token ids are "sentence_token" within each document
        for sent_id, sent in enumerate(doc.sents, 1):
            offset_syntax(sent_id, sent.tokens)
    tagged = [i for i, text in enumerate(texts) if text.strip()]
    ner = _map_sorted(m.ner_tagger, [texts[i] for i in tagged])
    for doc in docs:
        doc.spans = []
    for i, markup in zip(tagged, ner):
        doc = docs[i]
        doc.spans = list(adapt_spans(doc, markup.spans))
        doc.envelop_span_tokens()
        doc.envelop_sent_spans()
    return [adapt(doc, text) for doc, text in zip(docs, texts)]


def extract_many(documents: Iterable[Document], stages=None) -> list[DocumentFacts]:
    """The facts of each document, as `pipeline.extract` reads them, analysed together."""
    from .pipeline import run_stages

    documents = list(documents)
    return [run_stages(document, analysis, stages)
            for document, analysis in zip(documents, analyse_many([d.text for d in documents]))]

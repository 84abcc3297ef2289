"""The natasha adapter: the only module that touches natasha's types.

Models are loaded once per process (`models()`), and `analyse(text)` returns our own plain
records — sentences, tokens with lemma, part of speech, features and syntax, NER spans —
so the rule families never depend on natasha's classes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass
class Token:
    index: int  # position in the sentence, from 0
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    feats: dict[str, str]
    head: int | None  # index of the syntactic head in the sentence, None for the root
    rel: str

    def is_(self, **feats: str) -> bool:
        return all(self.feats.get(k) == v for k, v in feats.items())


@dataclass
class NerSpan:
    type: str  # PER, LOC, ORG
    start: int
    end: int
    text: str
    normal: str  # natasha's normal form (nominative), may be wrong for non-Slavic names
    name_parts: dict[str, str] = field(default_factory=dict)  # first, last, middle


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token]

    def children(self, index: int) -> list[Token]:
        return [t for t in self.tokens if t.head == index]

    def token_at(self, offset: int) -> Token | None:
        for token in self.tokens:
            if token.start <= offset < token.end:
                return token
        return None


@dataclass
class Analysis:
    text: str
    sentences: list[Sentence]
    spans: list[NerSpan]

    def sentence_of(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        return [t for s in self.sentences if s.start < end and s.end > start
                for t in s.tokens if t.start >= start and t.end <= end]


class Models:
    """natasha's segmenter, taggers and extractors, built once."""

    def __init__(self) -> None:
        # natasha's taggers multiply small matrices: BLAS threads cost more than they give
        from .parallel import limit_blas_threads

        limit_blas_threads(1)
        from natasha import (DatesExtractor, MorphVocab, NamesExtractor, NewsEmbedding,
                             NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter)

        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        embedding = NewsEmbedding()
        self.morph_tagger = NewsMorphTagger(embedding)
        self.syntax_parser = NewsSyntaxParser(embedding)
        self.ner_tagger = NewsNERTagger(embedding)
        self.names_extractor = NamesExtractor(self.morph_vocab)
        self.dates_extractor = DatesExtractor(self.morph_vocab)
        # pymorphy itself, for inflection (natasha's MorphVocab only analyses)
        import pymorphy2

        self.morph = pymorphy2.MorphAnalyzer()
        self._parses: dict[str, tuple] = {}

    def parse_word(self, word: str):
        """pymorphy analyses of one word (most probable first), with inflection.

        Cached: the rules ask about the same words many times, and a parse is immutable.
        """
        parses = self._parses.get(word)
        if parses is None:
            if len(self._parses) > 200_000:
                self._parses.clear()
            parses = self._parses[word] = tuple(self.morph.parse(word))
        return parses


@lru_cache(maxsize=1)
def models() -> Models:
    return Models()


def _split_at_line_breaks(doc) -> None:
    """A headline and the paragraph under it are two sentences, though razdel joins them."""
    from natasha.doc import DocSent

    sents = []
    for sent in doc.sents:
        for m in re.finditer(r"[^\n]+", sent.text):
            piece = m.group(0)
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                start = sent.start + m.start() + lead
                sents.append(DocSent(start, start + len(piece.strip()), piece.strip()))
    doc.sents = sents
    doc.envelop_sent_tokens()


def analyse(text: str) -> Analysis:
    from natasha import Doc

    m = models()
    doc = Doc(text)
    segment(doc)
    doc.tag_morph(m.morph_tagger)
    doc.parse_syntax(m.syntax_parser)
    doc.tag_ner(m.ner_tagger)
    return adapt(doc, text)


def segment(doc) -> None:
    """razdel's sentences and tokens, cut again at line breaks."""
    doc.segment(models().segmenter)
    _split_at_line_breaks(doc)


def adapt(doc, text: str) -> Analysis:
    """natasha's tagged Doc as our own records: the one place natasha's types are read."""
    m = models()
    sentences = []
    for sent in doc.sents:
        ids = {tok.id: i for i, tok in enumerate(sent.tokens)}
        tokens = []
        for i, tok in enumerate(sent.tokens):
            tok.lemmatize(m.morph_vocab)
            tokens.append(Token(index=i, start=tok.start, end=tok.stop, text=tok.text,
                                lemma=(tok.lemma or tok.text).lower(), pos=tok.pos or "X",
                                feats=dict(tok.feats or {}), head=ids.get(tok.head_id),
                                rel=tok.rel or ""))
        sentences.append(Sentence(start=sent.start, end=sent.stop, text=sent.text, tokens=tokens))
    spans = []
    for span in doc.spans:
        span.normalize(m.morph_vocab)
        parts = dict(_name_parts(span.normal)) if span.type == "PER" and span.normal else {}
        spans.append(NerSpan(type=span.type, start=span.start, end=span.stop, text=span.text,
                             normal=span.normal or span.text, name_parts=parts))
    return Analysis(text=text, sentences=sentences, spans=spans)


@lru_cache(maxsize=100_000)
def _name_parts(normal: str) -> tuple[tuple[str, str], ...]:
    """natasha's name parts of a normalised PER span (first, last, middle).

    natasha's `span.extract_fact` runs the yargy names grammar on `span.normal` alone, and
    articles name the same people again and again: each distinct name is parsed once.
    """
    from natasha.doc import DocFact

    match = models().names_extractor.find(normal)
    if not match:
        return ()
    return tuple((k, v) for k, v in DocFact(list(match.fact.slots)).as_dict.items() if v)

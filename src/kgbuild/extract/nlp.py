"""The natasha adapter: the only module that touches natasha's types.

Models are loaded once per process (`models()`), and `analyse(text)` returns our own plain
records — sentences, tokens with lemma, part of speech, features and syntax, NER spans —
so the rule families never depend on natasha's classes.
"""

from __future__ import annotations

import re
import unicodedata
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
    # natasha's tokens of the span, from which `normal` is computed when first asked for
    tokens: tuple = field(default=(), compare=False, repr=False)
    _normal: str | None = field(default=None, compare=False, repr=False)

    @property
    def normal(self) -> str:
        """natasha's normal form (nominative); may be wrong for non-Slavic names.

        Computed on first use: the rules read it for places and institutions, not for persons
        (names.py normalises those itself), and 1 span in 3 is a person.
        """
        if self._normal is None:
            self._normal = _normal_form(self.type, self.tokens) or self.text
        return self._normal

    @property
    def name_parts(self) -> dict[str, str]:
        """natasha's name parts of a PER span (first, last, middle); empty for other types."""
        return dict(_name_parts(self.normal)) if self.type == "PER" else {}


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

    def preposition(self, token: Token) -> str | None:
        """The preposition governing a noun ("в" of "в Омске"), or None."""
        return next((c.lemma for c in self.children(token.index) if c.rel == "case"), None)


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


# Entries in each per-process cache of word analyses before it starts again (a few tens of MB).
_CACHE_LIMIT = 200_000


class Models:
    """natasha's segmenter, taggers and extractors, built once."""

    def __init__(self) -> None:
        # natasha's taggers multiply small matrices: BLAS threads cost more than they give
        from .parallel import limit_blas_threads

        limit_blas_threads(1)
        from natasha import (DatesExtractor, MorphVocab, NamesExtractor, NewsEmbedding,
                             NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter)

        self.segmenter = Segmenter()
        self.morph_vocab = _named(MorphVocab)()
        embedding = NewsEmbedding()
        self.morph_tagger = NewsMorphTagger(embedding)
        self.syntax_parser = NewsSyntaxParser(embedding)
        self.ner_tagger = NewsNERTagger(embedding)
        self.names_extractor = NamesExtractor(self.morph_vocab)
        self.dates_extractor = DatesExtractor(self.morph_vocab)
        # pymorphy itself, for inflection (natasha's MorphVocab only analyses)
        import pymorphy2

        self.morph = _named(pymorphy2.MorphAnalyzer)()
        self._parses: dict[str, tuple] = {}
        # word forms come back in every article: each (form, tags) is lemmatised or inflected once
        self._lemmas: dict[tuple, str] = {}
        self._nominatives: dict[tuple, str] = {}

    def lemma(self, word: str, pos: str | None, feats: dict[str, str]) -> str:
        """natasha's lemma of a tagged word (`DocToken.lemmatize`), lower-cased; cached."""
        # a tuple of strings, which the garbage collector stops tracking (a frozenset stays
        # tracked, and 10⁵ of them made every full collection slower); the order of the items
        # is the tagger's, the same for the same tag: at worst a miss, never a wrong lemma
        key = (word, pos, tuple(feats.items()))
        lemma = self._lemmas.get(key)
        if lemma is None:
            if len(self._lemmas) > _CACHE_LIMIT:
                self._lemmas.clear()
            from natasha.morph.lemma import best_form, normal_word
            from natasha.morph.vocab import MorphForm

            # natasha's `lemmatize`, on the parses the rules share (`parse_word`) instead of
            # natasha's own cache of the same pymorphy analyses: each word is parsed once
            normal = normal_word(word)
            form = best_form([MorphForm(*parse) for parse in self.parse_word(normal)], pos, feats)
            lemma = self._lemmas[key] = (normal_word(form.normal) if form else normal) or word.lower()
        return lemma

    def inflect_nominative(self, word: str, pos: str | None, feats: dict[str, str]) -> str:
        """natasha's nominative of one word of a span (`natasha.norm.inflect_word`); cached.

        natasha's choice depends on the word, its part of speech, gender, number and case only.
        """
        key = (word, pos, feats.get("Gender"), feats.get("Number"), feats.get("Case"))
        form = self._nominatives.get(key)
        if form is None:
            if len(self._nominatives) > _CACHE_LIMIT:
                self._nominatives.clear()
            from natasha.doc import DocToken
            from natasha.norm import inflect_word

            form = self._nominatives[key] = inflect_word(self.morph_vocab, DocToken(0, 0, word, pos=pos, feats=feats))
        return form

    def parse_word(self, word: str):
        """pymorphy analyses of one word (most probable first), with inflection.

        Cached: the rules ask about the same words many times, and a parse is immutable.
        """
        parses = self._parses.get(word)
        if parses is None:
            if len(self._parses) > _CACHE_LIMIT:
                self._parses.clear()
            parses = self._parses[word] = tuple(self.morph.parse(word))
        return parses


def _named(analyzer: type) -> type:
    """A pymorphy2 analyzer that parses any word: pymorphy2 asks `unicodedata.name` of each
    letter, which some code points lack ("𗀀"); such letters are read as "_" (a word unknown)."""

    class Named(analyzer):
        def parse(self, word):
            try:
                return super().parse(word)
            except ValueError:
                return super().parse("".join(c if unicodedata.name(c, "") else "_" for c in word))

        __call__ = parse  # natasha's MorphVocab is called as well as asked

    return Named


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
    lemma = models().lemma
    sentences = []
    for sent in doc.sents:
        ids = {tok.id: i for i, tok in enumerate(sent.tokens)}
        tokens = []
        for i, tok in enumerate(sent.tokens):
            feats = tok.feats or {}
            tokens.append(Token(index=i, start=tok.start, end=tok.stop, text=tok.text,
                                lemma=lemma(tok.text, tok.pos, feats), pos=tok.pos or "X",
                                feats=dict(feats), head=ids.get(tok.head_id), rel=tok.rel or ""))
        sentences.append(Sentence(start=sent.start, end=sent.stop, text=sent.text, tokens=tokens))
    spans = [NerSpan(type=span.type, start=span.start, end=span.stop, text=span.text, tokens=tuple(span.tokens))
             for span in doc.spans]
    return Analysis(text=text, sentences=sentences, spans=spans)


def _normal_form(type_: str, tokens) -> str:
    """`DocSpan.normalize` of natasha (`natasha.norm`), with each word's inflection cached."""
    from natasha.norm import recover_shapes, recover_spaces, select_inflectable

    inflect = models().inflect_nominative
    # organisations inflect only the head and its modifiers ("отдела полиции" → "отдел полиции")
    ids = set(select_inflectable(tokens)) if type_ == "ORG" else None
    words = [inflect(t.text, t.pos, t.feats) if not ids or t.id in ids else t.text for t in tokens]
    return recover_spaces(recover_shapes(words, tokens), tokens)


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

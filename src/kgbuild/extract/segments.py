"""Lines of a sentence, paragraphs and quotations: the units the event rules read.

natasha's sentence splitter runs a headline on into the lead paragraph; a line break always
ends a statement in a news page, so the event rules read each line of a sentence on its own,
with syntax links that cross the line cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .nlp import Analysis, Sentence

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_QUOTE = re.compile(r"«[^»]*»|\"[^\"\n]*\"|„[^“\n]*“")
_CLOSED = re.compile(r"[.!?…»\"]\s*$")


@dataclass
class Segment:
    sentence: Sentence
    paragraph: int
    headline: bool  # a line without a final stop: headline, caption

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end


def segments(analysis: Analysis) -> list[Segment]:
    text = analysis.text
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    out = []
    for sentence in analysis.sentences:
        for start, end in _lines(text, sentence.start, sentence.end):
            tokens = [t for t in sentence.tokens if t.start >= start and t.end <= end]
            if not tokens:
                continue
            inside = {t.index for t in tokens}
            tokens = [t if t.head is None or t.head in inside else replace(t, head=None, rel="root")
                      for t in tokens]
            piece = Sentence(start=tokens[0].start, end=tokens[-1].end,
                             text=text[tokens[0].start:tokens[-1].end], tokens=tokens)
            paragraph = sum(1 for b in breaks if b < piece.start)
            out.append(Segment(piece, paragraph, headline=not _CLOSED.search(piece.text)))
    return out


def _lines(text: str, start: int, end: int):
    pos = start
    for match in re.finditer(r"\n", text[start:end]):
        cut = start + match.start()
        if text[pos:cut].strip():
            yield pos, cut
        pos = cut + 1
    if text[pos:end].strip():
        yield pos, end


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Direct speech: what a witness says is not read as the article's own report."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]


def inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)

"""The state one document's extraction stages share: the text's analysis and the facts so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count

from ..model import Document, DocumentFacts, Evidence
from .nlp import Analysis


@dataclass
class Context:
    document: Document
    analysis: Analysis
    facts: DocumentFacts
    # (start, end, key) of every entity mention, so later stages can tell what a span refers to
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    _counters: dict[str, count] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.document.text

    def new_key(self, prefix: str) -> str:
        counter = self._counters.setdefault(prefix, count(1))
        return f"{prefix}{next(counter)}"

    def evidence(self, start: int, end: int, confidence: float) -> Evidence:
        return Evidence(doc_id=self.document.id, start=start, end=end,
                        quote=self.text[start:end], confidence=round(confidence, 2))

    def entity(self, key: str | None):
        """The person, group, institution, place, incident or commemoration of a key, or None."""
        if key is None:
            return None
        try:
            return self.facts.entity(key)
        except KeyError:
            return None

    def add_mention(self, start: int, end: int, key: str) -> None:
        self.mentions.append((start, end, key))

    def key_at(self, start: int, end: int) -> str | None:
        """The entity whose mention overlaps [start, end), preferring the longest mention."""
        best = None
        for m_start, m_end, key in self.mentions:
            if m_start < end and start < m_end:
                if best is None or (m_end - m_start) > (best[1] - best[0]):
                    best = (m_start, m_end, key)
        return best[2] if best else None

"""Stable, readable IRIs: the same input gives the same IRIs on every run and every machine.

Named things get IRIs from their normalised names, transliterated (`…/person/serik-omarov`),
so that two documents naming the same person or institution meet on one IRI. Things that are
only this document's (anonymous people, evidence, participations) get the document's slug and
a local key. A short hash keeps IRIs unique where a slug alone could collide.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from rdflib import URIRef
from unidecode import unidecode

from .namespaces import DEFAULT_BASE_IRI


@lru_cache(maxsize=65536)
def slug(text: str, max_length: int = 60) -> str:
    ascii_text = unidecode(text).lower()
    ascii_text = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return ascii_text[:max_length].rstrip("-") or "x"


def short_hash(*parts: str, length: int = 8) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


class IRIs:
    """Mints the IRIs of one build under a base IRI."""

    def __init__(self, base: str = DEFAULT_BASE_IRI) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def _iri(self, kind: str, local: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{local}")

    def source(self, doc_id: str) -> URIRef:
        return self._iri("source", self._unique(doc_id))

    def named(self, kind: str, name: str) -> URIRef:
        """A thing known by its name across documents (person, institution, place...)."""
        return self._iri(kind, self._unique(name.lower()))

    def graph(self, name: str) -> URIRef:
        """A named graph of the build's own records (build, identity, curation)."""
        return self._iri("graph", slug(name))

    def build(self, stamp: str) -> URIRef:
        return self._iri("build", slug(stamp))

    def agent(self, name: str) -> URIRef:
        return self._iri("agent", slug(name))

    def evidence(self, doc_id: str, start: int, end: int, confidence: float) -> URIRef:
        """One evidence node per span and confidence: a sentence that supports several
        statements with different confidence gives each its own node, and the IRI does not
        depend on the subject's, so merging subjects leaves evidence where it was."""
        return self.local("evidence", doc_id, f"{start}-{end}-c{round(confidence * 100)}")

    def local(self, kind: str, doc_id: str, key: str) -> URIRef:
        """A thing that belongs to one document only."""
        return self._iri(kind, f"{self._unique(doc_id)}-{slug(key, 40)}")

    @staticmethod
    @lru_cache(maxsize=65536)
    def _unique(text: str) -> str:
        """The slug, plus a short hash when slugging dropped characters that tell names apart."""
        s = slug(text)
        if re.fullmatch(r"[\w\s\-]+", text) and len(s) < 60:
            return s
        return f"{s}-{short_hash(text, length=6)}"

"""Turns `DocumentFacts` into what annotated corpora score: typed mention spans and relations.

Types follow NEREL's names (PERSON, ORGANIZATION, CITY, COUNTRY, STATE_OR_PROVINCE,
DISTRICT, LOCATION, DATE, PROFESSION, AGE); a place's type comes from its `place_type`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import DocumentFacts, Evidence

PLACE_TYPES = ("CITY", "COUNTRY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION")

# our place types -> NEREL's
_NEREL_PLACE = {
    "город": "CITY", "посёлок": "CITY", "село": "CITY", "деревня": "CITY", "аул": "CITY",
    "станица": "CITY", "страна": "COUNTRY", "область": "STATE_OR_PROVINCE",
    "край": "STATE_OR_PROVINCE", "республика": "STATE_OR_PROVINCE", "штат": "STATE_OR_PROVINCE",
    "провинция": "STATE_OR_PROVINCE", "округ": "STATE_OR_PROVINCE", "район": "DISTRICT",
    "микрорайон": "DISTRICT",
}


@dataclass(frozen=True)
class Mention:
    type: str
    start: int
    end: int


@dataclass(frozen=True)
class RelationMention:
    type: str
    source: Mention
    target: Mention


def place_category(place_type: str | None) -> str:
    return _NEREL_PLACE.get(place_type or "", "LOCATION")


def mentions(facts: DocumentFacts) -> set[Mention]:
    """Every typed mention the extractor found, at most one per (type, span)."""
    found: set[Mention] = set()
    for person in facts.persons:
        if not person.anonymous:
            found.update(_spans("PERSON", person.mentions))
    for inst in facts.institutions:
        found.update(_spans("ORGANIZATION", inst.mentions))
    for place in facts.places:
        found.update(_spans(place_category(place.place_type), place.mentions))
    found.update(_spans("DATE", [d.evidence for d in facts.dates if d.evidence]))
    found.update(_spans("PROFESSION", facts.professions))
    return found


def relations(facts: DocumentFacts) -> set[RelationMention]:
    """Mention-level relations: the extractor's links, plus kinship ties it recorded."""
    typed = {(m.start, m.end): m for m in mentions(facts)}
    found = set()
    for link in facts.links:
        source = typed.get((link.source.start, link.source.end),
                           Mention("?", link.source.start, link.source.end))
        target = typed.get((link.target.start, link.target.end),
                           Mention("?", link.target.start, link.target.end))
        found.add(RelationMention(link.relation, source, target))
    return found


def _spans(kind: str, evidence: list[Evidence]) -> set[Mention]:
    return {Mention(kind, e.start, e.end) for e in evidence}

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
    "микрорайон": "DISTRICT", "местность": "LOCATION", "объект": "FACILITY",
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
    found.update(_spans("DATE", facts.time_expressions))
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
    # "55-летний премьер-министр Великобритании Борис Джонсон": NEREL gives the age to the name alone
    aged = {(r.target.start, r.target.end) for r in found if r.type == "AGE_IS" and r.source.type == "PERSON"}
    found = {r for r in found if not (r.type == "AGE_IS" and r.source.type == "PROFESSION"
                                      and (r.target.start, r.target.end) in aged)}
    found.update(_kinship(facts, typed))
    found.update(_places_of_death(facts, typed))
    from .events import predicted_relations  # deaths and awards, read by the events layer

    for kind, (s1, e1), (s2, e2) in predicted_relations(facts):
        if kind in ("DATE_OF_DEATH", "AWARDED_WITH"):
            found.add(RelationMention(kind, typed.get((s1, e1), Mention("?", s1, e1)),
                                      typed.get((s2, e2), Mention("?", s2, e2))))
    return found


# kin terms NEREL tells apart from other kin
_SIBLING_TERMS = {"брат", "сестра"}


def _kinship(facts: DocumentFacts, typed: dict) -> set[RelationMention]:
    """Kin ties between named persons, between their mentions in the sentence that states the
    tie (NEREL links mentions, and only of named persons)."""
    persons = {p.key: p for p in facts.persons if not p.anonymous}
    found = set()
    for kin in facts.kinships:
        a, b = persons.get(kin.person), persons.get(kin.relative)
        if a is None or b is None or not kin.evidence:
            continue
        told = kin.evidence[0]
        if kin.relation == "child":  # the person is the child: NEREL's PARENT_OF runs parent → child
            a, b, kind = b, a, "PARENT_OF"
        else:
            kind = {"spouse": "SPOUSE", "parent": "PARENT_OF"}.get(kin.relation, "RELATIVE")
            if kind == "RELATIVE" and (kin.term or "").split()[-1:] and kin.term.split()[-1] in _SIBLING_TERMS:
                kind = "SIBLING"
        for m1 in a.mentions:
            for m2 in b.mentions:
                if told.start <= m1.start < told.end and told.start <= m2.start < told.end:
                    first, second = (m2, m1) if kind != "PARENT_OF" and m2.start < m1.start else (m1, m2)
                    # NEREL writes a symmetric tie from the first mention to the second
                    found.add(RelationMention(kind, typed.get((first.start, first.end), Mention("PERSON", first.start, first.end)),
                                              typed.get((second.start, second.end), Mention("PERSON", second.start, second.end))))
    return found


def _places_of_death(facts: DocumentFacts, typed: dict) -> set[RelationMention]:
    """Where a named person died: the place of the incident they died in, as the sentence that
    tells the incident names both (NEREL links mentions within what the text states)."""
    incidents = {i.key: i for i in facts.incidents}
    places = {p.key: p for p in facts.places}
    found = set()
    for person in facts.persons:
        incident = incidents.get(person.died_in or "")
        if person.anonymous or incident is None or not incident.evidence or incident.place not in places:
            continue
        told = incident.evidence[0]
        for m1 in person.mentions:
            for m2 in places[incident.place].mentions:
                if told.start <= m1.start < told.end and told.start <= m2.start < told.end:
                    found.add(RelationMention("PLACE_OF_DEATH",
                                              typed.get((m1.start, m1.end), Mention("PERSON", m1.start, m1.end)),
                                              typed.get((m2.start, m2.end), Mention("?", m2.start, m2.end))))
    return found


def _spans(kind: str, evidence: list[Evidence]) -> set[Mention]:
    return {Mention(kind, e.start, e.end) for e in evidence}

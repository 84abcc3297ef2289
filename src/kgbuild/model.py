"""The plain data model that flows between the stages.

The reader produces `Document`s; the extractor produces one `DocumentFacts` per document;
the mapper turns `DocumentFacts` into RDF. Nothing here knows natasha or rdflib: the
records are small, JSON-friendly dataclasses so that every stage can be used (and cached,
and tested) on its own.

Entities within one document are referred to by a local `key` ("p1", "inst2", ...);
the mapper turns keys into stable IRIs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any, get_type_hints

# Roles of participants: local names of the kgr: concept scheme.
PERPETRATOR = "perpetrator"
VICTIM = "victim"
GUARD = "guard"
HOSTAGE = "hostage"
COMMEMORATED = "commemorated"
ORGANIZER = "organizer"
ATTENDEE = "attendee"
RECIPIENT = "recipient"
WITNESS = "witness"
CASUALTY = "casualty"  # died without being the target of someone (accident, injuries)
DETAINEE = "detainee"
LAW_ENFORCEMENT = "lawEnforcement"
ACTOR = "actor"  # did it, when it is not a crime: appointed, signed, visited, resigned
PARTICIPANT = "participant"  # took part or was concerned, no more specific role

# Incident types: local names of kgb: subclasses of kgb:Incident.
INCIDENT_TYPES = (
    "Escape", "Attack", "Killing", "Death", "VehicleSeizure", "HostageTaking", "Shootout",
    "Detention", "Explosion", "Sentencing", "Resignation", "Arrest", "Injury", "Fire",
    "Accident", "Release",
    "Appointment", "Election", "Meeting", "Visit", "Protest", "Signing", "ArmedConflict", "MilitaryOperation", "Trial", "Search", "Disaster", "Competition", "Ceremony", "Birth",
    # happenings told by a label on a plain kgb:Incident until 0.3.0
    "Kidnapping", "Marriage", "CriminalCase", "Charge", "Disappearance", "Hospitalization", "Joining", "Leaving",
    "Acquisition", "Surrender", "Uprising", "Proclamation", "Deprivation",
    "Incident",
)
# Commemoration types: local names of kgb: subclasses of kgb:Commemoration.
COMMEMORATION_TYPES = ("CommemorativeDay", "MemorialEvent", "Memorial", "AwardConferral")


@dataclass
class Document:
    """One source document, its text exactly as offsets refer to it."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or partial (YYYY-MM, YYYY)
    publisher: str | None = None
    url: str | None = None
    path: str | None = None  # where it was read from (file, or file:line for JSONL)
    encoding: str | None = None
    sha256: str | None = None  # of the raw bytes read


@dataclass
class Evidence:
    """A span of a document's text that a statement was read from: text[start:end] == quote."""

    doc_id: str
    start: int
    end: int
    quote: str
    confidence: float = 0.8


@dataclass
class DateValue:
    """A date as precise as the text allows.

    `value` is ISO-8601 of the right precision ("1997-08-09", "1997-08", "1997") or None
    when only EDTF can say it ("196X"); `edtf` is always set.
    """

    edtf: str
    value: str | None = None
    phrase: str | None = None
    evidence: Evidence | None = None

    @property
    def precision(self) -> str | None:
        if self.value is None:
            return None
        return {10: "day", 7: "month", 4: "year"}.get(len(self.value))


@dataclass
class Person:
    key: str
    label: str | None = None  # nominative full name; None for anonymous
    given_name: str | None = None
    family_name: str | None = None
    patronymic: str | None = None
    anonymous: bool = False
    description: str | None = None  # the source's words for an unnamed person
    gender: str | None = None  # "male" | "female"
    age: int | None = None
    ranks: list[str] = field(default_factory=list)
    occupations: list[str] = field(default_factory=list)
    member_of: list[str] = field(default_factory=list)  # institution keys
    in_group: str | None = None  # group key
    died_on: DateValue | None = None
    died_in: str | None = None  # incident key
    mentions: list[Evidence] = field(default_factory=list)


@dataclass
class Group:
    key: str
    description: str
    member_count: int | None = None
    label: str | None = None
    anonymous: bool = True
    member_of: list[str] = field(default_factory=list)
    died_on: DateValue | None = None
    died_in: str | None = None
    mentions: list[Evidence] = field(default_factory=list)


@dataclass
class Institution:
    key: str
    label: str
    category: str | None = None  # PenalInstitution, GovernmentBody, NewsOutlet, Unit
    code: str | None = None
    abbreviation: str | None = None
    alt_names: list[str] = field(default_factory=list)
    institution_type: str | None = None
    located_in: str | None = None  # place key
    sub_organization_of: str | None = None  # institution key
    founded: DateValue | None = None
    dissolved: DateValue | None = None
    activity: str | None = None
    mentions: list[Evidence] = field(default_factory=list)


@dataclass
class Place:
    key: str
    label: str
    place_type: str | None = None  # посёлок, село, город, район, область, страна, site
    located_in: str | None = None  # place key
    alt_names: list[str] = field(default_factory=list)
    mentions: list[Evidence] = field(default_factory=list)


@dataclass
class Participation:
    agent: str  # key of a person, group or institution
    role: str  # local name in the kgr: scheme
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Incident:
    key: str
    type: str  # one of INCIDENT_TYPES
    label: str | None = None
    date: DateValue | None = None
    place: str | None = None  # place key
    institution: str | None = None  # institution key
    part_of: str | None = None  # incident key
    sequence: int | None = None
    instruments: list[str] = field(default_factory=list)
    outcome: str | None = None
    participations: list[Participation] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    # more classes it also belongs to: a car seized with its passengers is a HostageTaking too
    extra_types: list[str] = field(default_factory=list)
    trigger: Evidence | None = None  # the word that told it ("напали", "побег"), for evaluation
    # the same incident's words in other lines ("Умер X" in the headline, "скончался" in the body)
    retold: list[Evidence] = field(default_factory=list)


@dataclass
class Kinship:
    """A kin tie: `relation` is spouse, parent (person is parent of relative), child or relative."""

    person: str
    relative: str
    relation: str
    term: str | None = None  # the source's kin term, nominative ("зять", "внучка")
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Commemoration:
    key: str
    type: str  # one of COMMEMORATION_TYPES
    label: str | None = None
    day_of_year: str | None = None  # "--12-13"
    first_observed: str | None = None  # "2024"
    date: DateValue | None = None
    place: str | None = None
    commemorates: list[str] = field(default_factory=list)  # keys of persons, groups, incidents, institutions
    award: str | None = None
    award_evidence: Evidence | None = None  # where the award is named, for evaluation
    posthumous: bool | None = None
    participations: list[Participation] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Link:
    """A relation read between two mentions, e.g. a person and the post named beside them.

    `relation` is a NEREL-style name (WORKS_AS, WORKPLACE, LOCATED_IN, HEADQUARTERED_IN,
    ALTERNATIVE_NAME, ABBREVIATION, AGE_IS, ...); links keep the mention level that the
    entity records abstract away, so the extractor can be measured and its reading shown.
    """

    relation: str
    source: Evidence
    target: Evidence


@dataclass
class DocumentFacts:
    """Everything read out of one document."""

    document: Document
    persons: list[Person] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    kinships: list[Kinship] = field(default_factory=list)
    commemorations: list[Commemoration] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)  # every date mention, attached or not
    professions: list[Evidence] = field(default_factory=list)  # every post or rank mention
    links: list[Link] = field(default_factory=list)  # mention-level relations
    # durations and relative dates no publication date resolves ("17 лет", "сегодня")
    time_expressions: list[Evidence] = field(default_factory=list)

    def entity(self, key: str):
        """The person, group, institution, place, incident or commemoration with this key."""
        for bucket in (self.persons, self.groups, self.institutions, self.places,
                       self.incidents, self.commemorations):
            for item in bucket:
                if item.key == key:
                    return item
        raise KeyError(key)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "DocumentFacts":
        return _from_json(cls, data)


def _from_json(cls, data):
    """Rebuild nested dataclasses from `asdict` output (for caches and tests)."""
    if data is None:
        return None
    hints = get_type_hints(cls)
    kwargs = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        kwargs[f.name] = _coerce(hints[f.name], data[f.name])
    return cls(**kwargs)


def _coerce(hint, value):
    if value is None:
        return None
    origin = getattr(hint, "__origin__", None)
    args = getattr(hint, "__args__", ())
    if origin is list:
        return [_coerce(args[0], v) for v in value]
    if args and type(None) in args:  # Optional[X]
        inner = next(a for a in args if a is not type(None))
        return _coerce(inner, value)
    if is_dataclass(hint):
        return _from_json(hint, value)
    return value

"""Every namespace kgbuild writes, and the terms of our own vocabulary as checked constants.

`KGB` and `KGR` are DefinedNamespaces with `_fail = True`: a misspelt term raises instead of
minting a new IRI. A test checks that each term is declared in `ontology/`.
"""

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD


class KGB(DefinedNamespace):
    _NS = Namespace("https://w3id.org/kgbuild/ontology#")
    _fail = True

    # core classes
    Person: URIRef
    Group: URIRef
    Institution: URIRef
    Place: URIRef
    Incident: URIRef
    Commemoration: URIRef
    Participation: URIRef
    Source: URIRef
    Evidence: URIRef
    Kinship: URIRef
    TimeSpan: URIRef
    Gender: URIRef
    # institution kinds
    PenalInstitution: URIRef
    Court: URIRef
    GovernmentBody: URIRef
    NewsOutlet: URIRef
    Unit: URIRef
    # place kinds
    Settlement: URIRef
    District: URIRef
    Region: URIRef
    Country: URIRef
    Site: URIRef
    # incident kinds
    Escape: URIRef
    Attack: URIRef
    Killing: URIRef
    Death: URIRef
    VehicleSeizure: URIRef
    HostageTaking: URIRef
    Shootout: URIRef
    Detention: URIRef
    Explosion: URIRef
    Sentencing: URIRef
    Resignation: URIRef
    Arrest: URIRef
    Injury: URIRef
    Fire: URIRef
    Accident: URIRef
    Release: URIRef
    Appointment: URIRef
    Election: URIRef
    Meeting: URIRef
    Visit: URIRef
    Protest: URIRef
    Signing: URIRef
    ArmedConflict: URIRef
    MilitaryOperation: URIRef
    Trial: URIRef
    Search: URIRef
    Disaster: URIRef
    Competition: URIRef
    Ceremony: URIRef
    Birth: URIRef
    Kidnapping: URIRef
    Marriage: URIRef
    CriminalCase: URIRef
    Charge: URIRef
    Disappearance: URIRef
    Hospitalization: URIRef
    Joining: URIRef
    Leaving: URIRef
    Acquisition: URIRef
    Surrender: URIRef
    Uprising: URIRef
    Proclamation: URIRef
    Deprivation: URIRef
    # commemoration kinds
    CommemorativeDay: URIRef
    MemorialEvent: URIRef
    Memorial: URIRef
    AwardConferral: URIRef
    # individuals
    male: URIRef
    female: URIRef
    # properties
    givenName: URIRef
    familyName: URIRef
    patronymic: URIRef
    anonymous: URIRef
    description: URIRef
    age: URIRef
    gender: URIRef
    rank: URIRef
    occupation: URIRef
    memberOf: URIRef
    spouse: URIRef
    parentOf: URIRef
    childOf: URIRef
    relativeOf: URIRef
    kinTerm: URIRef
    person: URIRef
    relative: URIRef
    memberCount: URIRef
    inGroup: URIRef
    date: URIRef
    dateEDTF: URIRef
    earliest: URIRef
    latest: URIRef
    place: URIRef
    institution: URIRef
    partOf: URIRef
    sequence: URIRef
    participation: URIRef
    agent: URIRef
    role: URIRef
    instrument: URIRef
    outcome: URIRef
    diedOn: URIRef
    bornOn: URIRef
    diedIn: URIRef
    locatedIn: URIRef
    placeType: URIRef
    subOrganizationOf: URIRef
    code: URIRef
    altName: URIRef
    abbreviation: URIRef
    institutionType: URIRef
    activity: URIRef
    founded: URIRef
    dissolved: URIRef
    commemorates: URIRef
    dayOfYear: URIRef
    firstObserved: URIRef
    award: URIRef
    posthumous: URIRef
    evidence: URIRef
    source: URIRef
    quote: URIRef
    start: URIRef
    end: URIRef
    confidence: URIRef
    identifier: URIRef
    title: URIRef
    publisher: URIRef
    published: URIRef
    url: URIRef
    text: URIRef
    sha256: URIRef
    encoding: URIRef


class KGR(DefinedNamespace):
    _NS = Namespace("https://w3id.org/kgbuild/role#")
    _fail = True

    roles: URIRef
    perpetrator: URIRef
    victim: URIRef
    guard: URIRef
    hostage: URIRef
    commemorated: URIRef
    organizer: URIRef
    attendee: URIRef
    recipient: URIRef
    witness: URIRef
    casualty: URIRef
    detainee: URIRef
    lawEnforcement: URIRef
    actor: URIRef
    participant: URIRef


CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SH = Namespace("http://www.w3.org/ns/shacl#")
KGBSH = Namespace("https://w3id.org/kgbuild/shapes#")

DEFAULT_BASE_IRI = "https://w3id.org/kgbuild/id/"

PREFIXES = {
    "kgb": KGB._NS,
    "kgr": KGR._NS,
    "rdf": RDF._NS,
    "rdfs": RDFS._NS,
    "xsd": XSD._NS,
    "owl": OWL._NS,
    "skos": SKOS._NS,
    "prov": PROV._NS,
    "dcterms": DCTERMS._NS,
    "crm": CRM,
    "sem": SEM,
    "org": ORG,
    "oa": OA,
    "schema": SCHEMA,
    "foaf": FOAF,
    "sh": SH,
    "kgbsh": KGBSH,
}


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def sparql_prologue() -> str:
    """PREFIX lines for every namespace above, to prepend to a query that lacks them."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

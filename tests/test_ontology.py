"""The ontology files parse, declare the public vocabulary, and agree with the shapes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from kgbuild.resources import ontology_dir, shapes_dir

KGB = Namespace("https://w3id.org/kgbuild/ontology#")
KGR = Namespace("https://w3id.org/kgbuild/role#")
CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
ONTOLOGY_IRI = URIRef("https://w3id.org/kgbuild/ontology")

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"

# The terms of ../shared/VOCABULARY.md, kept here so the test runs without shared/ (and
# compared with it when it is there).
VOCABULARY_TERMS = """
kgb:Attack kgb:AwardConferral kgb:Commemoration kgb:CommemorativeDay kgb:Death kgb:Detention
kgb:Escape kgb:Evidence kgb:Explosion kgb:Group kgb:HostageTaking kgb:Incident kgb:Institution
kgb:Killing kgb:Kinship kgb:MemorialEvent kgb:Memorial kgb:Participation kgb:Person kgb:Place
kgb:Resignation kgb:Sentencing kgb:Shootout kgb:Source kgb:VehicleSeizure kgb:age kgb:agent
kgb:altName kgb:anonymous kgb:award kgb:childOf kgb:code kgb:commemorates kgb:confidence
kgb:dateEDTF kgb:date kgb:dayOfYear kgb:description kgb:diedIn kgb:diedOn kgb:dissolved kgb:end
kgb:evidence kgb:familyName kgb:female kgb:firstObserved kgb:founded kgb:gender kgb:givenName
kgb:identifier kgb:inGroup kgb:institutionType kgb:institution kgb:instrument kgb:kinTerm
kgb:locatedIn kgb:male kgb:memberCount kgb:memberOf kgb:occupation kgb:outcome kgb:parentOf
kgb:partOf kgb:participation kgb:patronymic kgb:place kgb:posthumous kgb:published kgb:publisher
kgb:quote kgb:rank kgb:relativeOf kgb:role kgb:sequence kgb:source kgb:spouse kgb:start
kgb:subOrganizationOf kgb:title kgb:url
kgr:attendee kgr:commemorated kgr:guard kgr:hostage kgr:organizer kgr:perpetrator kgr:recipient
kgr:victim
""".split()

# Terms the shared brief's RDF pattern adds to the vocabulary.
PATTERN_TERMS = """
kgb:PenalInstitution kgb:GovernmentBody kgb:NewsOutlet kgb:Unit kgb:Settlement kgb:District
kgb:Region kgb:Country kgb:Site kgb:Arrest kgb:Injury kgb:Fire kgb:Accident kgb:Release
kgb:TimeSpan kgb:earliest kgb:latest kgb:abbreviation kgb:activity kgb:placeType kgb:person
kgb:relative kgb:text kgb:sha256 kgb:encoding kgr:witness kgr:casualty kgr:detainee
kgr:lawEnforcement
""".split()

ROLES = ["perpetrator", "victim", "guard", "hostage", "commemorated", "organizer", "attendee",
         "recipient", "witness", "casualty", "detainee", "lawEnforcement", "actor", "participant"]


def _iri(term: str) -> URIRef:
    prefix, local = term.split(":")
    return {"kgb": KGB, "kgr": KGR}[prefix][local]


def _parse(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return _parse(ontology_dir() / "kgbuild.ttl")


@pytest.fixture(scope="module")
def roles() -> Graph:
    return _parse(ontology_dir() / "roles.ttl")


@pytest.fixture(scope="module")
def alignments() -> Graph:
    return _parse(ontology_dir() / "alignments.ttl")


@pytest.fixture(scope="module")
def crm_excerpt() -> Graph:
    return _parse(ontology_dir() / "imports" / "cidoc-crm-7.1.3-excerpt.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return _parse(shapes_dir() / "kgbuild-shapes.ttl")


@pytest.fixture(scope="module")
def vocabulary(ontology, roles) -> Graph:
    return ontology + roles


@pytest.mark.parametrize("relative", [
    "ontology/kgbuild.ttl", "ontology/roles.ttl", "ontology/alignments.ttl",
    "ontology/imports/cidoc-crm-7.1.3-excerpt.ttl", "shapes/kgbuild-shapes.ttl",
])
def test_every_file_parses_as_turtle(relative):
    folder, _, rest = relative.partition("/")
    base = ontology_dir() if folder == "ontology" else shapes_dir()
    assert len(_parse(base / rest)) > 50


def test_the_ontology_header_names_version_licence_and_creator(ontology):
    assert list(ontology.subjects(RDF.type, OWL.Ontology)) == [ONTOLOGY_IRI]
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef("https://w3id.org/kgbuild/ontology/0.3.0")
    assert str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo)) == "0.3.0"
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.creator) is not None
    assert "MIT" in str(ontology.value(ONTOLOGY_IRI, DCTERMS.license))


def test_changelog_mentions_the_current_version(ontology):
    version = str(ontology.value(ONTOLOGY_IRI, OWL.versionInfo))
    assert f"## {version}" in (ontology_dir() / "CHANGELOG.md").read_text(encoding="utf-8")


def _terms_in_shared_vocabulary() -> list[str]:
    text = (SHARED / "VOCABULARY.md").read_text(encoding="utf-8")
    return sorted(set(re.findall(r"`(kg[br]:[A-Za-z]+)`", text)))


def test_the_committed_term_list_matches_the_shared_vocabulary():
    if not (SHARED / "VOCABULARY.md").is_file():
        pytest.skip("../shared/VOCABULARY.md is not present")
    assert sorted(set(VOCABULARY_TERMS)) == _terms_in_shared_vocabulary()


@pytest.mark.parametrize("term", sorted(set(VOCABULARY_TERMS + PATTERN_TERMS)))
def test_each_public_term_is_declared_labelled_and_defined(vocabulary, term):
    iri = _iri(term)
    assert (iri, RDF.type, None) in vocabulary, f"{term} is not declared"
    labels = set(vocabulary.objects(iri, RDFS.label)) | set(vocabulary.objects(iri, SKOS.prefLabel))
    definitions = set(vocabulary.objects(iri, RDFS.comment)) | set(vocabulary.objects(iri, SKOS.definition))
    assert {lit.language for lit in labels} >= {"en", "ru"}, f"{term} lacks an en or ru label"
    assert {lit.language for lit in definitions} >= {"en", "ru"}, f"{term} lacks an en or ru definition"
    assert vocabulary.value(iri, RDFS.isDefinedBy) is not None


def test_every_term_the_ontology_declares_is_labelled_in_both_languages(ontology):
    declared = {s for s in ontology.subjects(RDFS.isDefinedBy, ONTOLOGY_IRI)}
    assert len(declared) > 100
    for term in declared:
        assert {lit.language for lit in ontology.objects(term, RDFS.label)} >= {"en", "ru"}, term
        assert {lit.language for lit in ontology.objects(term, RDFS.comment)} >= {"en", "ru"}, term


def test_offsets_are_documented_as_code_points_end_exclusive(ontology):
    start = " ".join(str(c) for c in ontology.objects(KGB.start, RDFS.comment))
    end = " ".join(str(c) for c in ontology.objects(KGB.end, RDFS.comment))
    assert "code point" in start and "inclusive" in start
    assert "code point" in end and "exclusive" in end


@pytest.mark.parametrize("prop", ["description", "altName", "evidence", "date", "dateEDTF"])
def test_properties_used_on_many_classes_have_no_domain(ontology, prop):
    # A domain would make a reasoner type a group or an incident as whatever the domain says.
    assert ontology.value(KGB[prop], RDFS.domain) is None


def _declared_kgb_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(str(KGB))}


def _used_terms(graph: Graph, namespace: Namespace) -> set[URIRef]:
    used = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef) and term.startswith(str(namespace)) and term != URIRef(str(namespace)):
                used.add(term)
    return used


def test_shapes_and_alignments_use_only_declared_terms(vocabulary, shapes, alignments):
    declared = _declared_kgb_terms(vocabulary) | {s for s in vocabulary.subjects(RDF.type, SKOS.Concept)}
    declared |= {KGR.roles}
    for graph in (shapes, alignments):
        unknown = (_used_terms(graph, KGB) | _used_terms(graph, KGR)) - declared
        assert not unknown, f"undeclared terms: {sorted(unknown)}"


def test_the_roles_scheme_has_every_role_with_labels_and_definitions(roles):
    members = set(roles.subjects(SKOS.inScheme, KGR.roles))
    assert members == {KGR[r] for r in ROLES}
    for role in members:
        assert {lit.language for lit in roles.objects(role, SKOS.prefLabel)} == {"en", "ru"}
        assert {lit.language for lit in roles.objects(role, SKOS.definition)} >= {"en", "ru"}
        assert (KGR.roles, SKOS.hasTopConcept, role) in roles


def _shape_list(shapes: Graph, shape, parameter) -> set:
    node = shapes.value(shape, parameter)
    return set(Collection(shapes, node))


def test_the_role_shape_accepts_exactly_the_roles_of_the_scheme(roles, shapes):
    allowed = _shape_list(shapes, URIRef("https://w3id.org/kgbuild/shapes#Participation-role"), SH["in"])
    assert allowed == set(roles.subjects(SKOS.inScheme, KGR.roles))


def test_the_incident_type_shape_knows_every_incident_subclass(ontology, shapes):
    type_shape = URIRef("https://w3id.org/kgbuild/shapes#IncidentTypeShape")
    qualified = shapes.value(type_shape, SH.qualifiedValueShape)
    if qualified is None:  # the rule may sit on an inner property shape
        inner = shapes.value(type_shape, SH.property)
        qualified = shapes.value(inner, SH.qualifiedValueShape)
    allowed = set(Collection(shapes, shapes.value(qualified, SH["in"])))
    assert allowed == set(ontology.subjects(RDFS.subClassOf, KGB.Incident))


def test_the_core_type_shape_pairs_every_subclass_with_its_core_class(ontology, shapes):
    core_type = URIRef("https://w3id.org/kgbuild/shapes#CoreTypeShape")
    target_query = str(shapes.value(shapes.value(core_type, SH.target), SH.select))
    constraint_query = str(shapes.value(shapes.value(core_type, SH.sparql), SH.select))
    in_target = set(re.findall(r"\(kgb:(\w+) kgb:(\w+)\)", target_query))
    in_constraint = set()
    for members, core in re.findall(r"IN \((.*?)\), kgb:(\w+)", constraint_query, re.S):
        in_constraint |= {(name, core) for name in re.findall(r"kgb:(\w+)", members)}
    expected = {(str(sub).split("#")[1], core) for core in ("Institution", "Place", "Incident", "Commemoration")
                for sub in ontology.subjects(RDFS.subClassOf, KGB[core])}
    assert in_target == expected
    assert in_constraint == expected


def test_every_crm_term_the_alignments_use_is_in_the_pinned_excerpt(alignments, crm_excerpt):
    used = _used_terms(alignments, CRM)
    declared = set(crm_excerpt.subjects(RDF.type, None))
    assert used and used <= declared, sorted(used - declared)


@pytest.mark.parametrize("kgb_term, crm_term", [
    ("Person", "E21_Person"), ("Group", "E74_Group"), ("Institution", "E74_Group"),
    ("Place", "E53_Place"), ("Incident", "E5_Event"), ("Escape", "E7_Activity"),
    ("Killing", "E69_Death"), ("Killing", "E7_Activity"), ("TimeSpan", "E52_Time-Span"),
    ("Source", "E31_Document"), ("Memorial", "E22_Human-Made_Object"),
])
def test_classes_align_to_cidoc_crm(alignments, kgb_term, crm_term):
    assert (KGB[kgb_term], RDFS.subClassOf, CRM[crm_term]) in alignments


def test_part_of_is_the_inverse_of_crm_consists_of(alignments):
    assert (KGB.partOf, OWL.inverseOf, CRM.P9_consists_of) in alignments
    assert (KGB.partOf, RDFS.subPropertyOf, CRM["P9i_forms_part_of"]) in alignments


def test_located_in_is_not_a_sub_property_of_p89(alignments):
    # kgb:locatedIn also places institutions; P89's domain would make them E53 places.
    assert (KGB.locatedIn, RDFS.subPropertyOf, CRM.P89_falls_within) not in alignments
    assert (KGB.locatedIn, SKOS.closeMatch, CRM.P89_falls_within) in alignments


def test_evidence_aligns_with_web_annotation_selectors(alignments):
    oa = Namespace("http://www.w3.org/ns/oa#")
    assert (KGB.Evidence, RDFS.subClassOf, oa.TextPositionSelector) in alignments
    assert (KGB.Evidence, RDFS.subClassOf, oa.TextQuoteSelector) in alignments
    assert (KGB.start, RDFS.subPropertyOf, oa.start) in alignments
    assert (KGB.end, RDFS.subPropertyOf, oa.end) in alignments
    assert (KGB.quote, RDFS.subPropertyOf, oa.exact) in alignments


def test_wikidata_is_only_ever_a_loose_match(alignments):
    for s, p, o in alignments:
        if isinstance(o, URIRef) and o.startswith("http://www.wikidata.org/"):
            assert p == SKOS.closeMatch, (s, p, o)


def test_every_shape_has_readable_name_description_and_bilingual_message(shapes):
    targeted = {s for p in (SH.targetClass, SH.target, SH.targetSubjectsOf) for s in shapes.subjects(p, None)}
    assert len(targeted) > 60
    for shape in targeted:
        assert isinstance(shape, URIRef), f"shape without a readable IRI: {shape}"
        assert {lit.language for lit in shapes.objects(shape, SH.name)} == {"en", "ru"}, shape
        assert {lit.language for lit in shapes.objects(shape, SH.description)} == {"en", "ru"}, shape
        messages = list(shapes.objects(shape, SH.message))
        for constraint in shapes.objects(shape, SH.sparql):
            messages += list(shapes.objects(constraint, SH.message))
        assert {lit.language for lit in messages if isinstance(lit, Literal)} == {"en", "ru"}, shape
        assert shapes.value(shape, SH.severity) in (SH.Violation, SH.Warning), shape

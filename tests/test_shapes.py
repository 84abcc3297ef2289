"""Every SHACL shape, shown passing on a small valid graph and failing on a one-line change.

`BASE` is a graph in kgbuild's RDF pattern that uses every class and property the shapes
check and conforms without a single warning. Each case in `CASES` changes it with one
SPARQL Update and names the shape(s) that must fire, and nothing else.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyshacl
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import RDF, SH

from kgbuild.cli.validating import validate_command
from kgbuild.errors import InputError
from kgbuild.validate import (
    FAST_PATH_SHAPES, ValidationReport, format_report, load_shapes, validate,
)

KGBSH = Namespace("https://w3id.org/kgbuild/shapes#")
KGB = Namespace("https://w3id.org/kgbuild/ontology#")
REPO = Path(__file__).resolve().parents[1]

PREFIXES = """\
PREFIX kgb: <https://w3id.org/kgbuild/ontology#>
PREFIX kgr: <https://w3id.org/kgbuild/role#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX src: <https://w3id.org/kgbuild/id/source/>
PREFIX ev: <https://w3id.org/kgbuild/id/evidence/>
PREFIX person: <https://w3id.org/kgbuild/id/person/>
PREFIX group: <https://w3id.org/kgbuild/id/group/>
PREFIX inst: <https://w3id.org/kgbuild/id/institution/>
PREFIX place: <https://w3id.org/kgbuild/id/place/>
PREFIX inc: <https://w3id.org/kgbuild/id/incident/>
PREFIX part: <https://w3id.org/kgbuild/id/participation/>
PREFIX kin: <https://w3id.org/kgbuild/id/kinship/>
PREFIX comm: <https://w3id.org/kgbuild/id/commemoration/>
PREFIX ts: <https://w3id.org/kgbuild/id/timespan/>
"""

TEXT = (
    "13 декабря 2024 года шестеро заключённых совершили побег из колонии ЕС-164/4 в посёлке "
    "Каражал Карагандинской области. Беглецы убили капитана Серика Омарова топором. "
    "У него остались жена Айгерим Омарова и трёхлетняя дочь. Его зять служит в колонии. "
    "Комитет учредил День памяти 13 декабря. Омаров посмертно награждён орденом Мужества."
)

# evidence node -> quote (found in TEXT at its first occurrence)
QUOTES = {
    "escape": "совершили побег", "escapees": "шестеро заключённых", "colony": "ЕС-164/4",
    "karazhal": "Каражал", "region": "Карагандинской области", "killing": "убили",
    "omarov": "Серика Омарова", "omarov2": "Омаров", "wife": "Айгерим Омарова",
    "daughter": "трёхлетняя дочь", "zyat": "зять", "committee": "Комитет",
    "day": "День памяти 13 декабря", "award": "награждён орденом Мужества",
    "perp": "Беглецы убили", "victim": "убили капитана Серика Омарова", "guard": "колонии ЕС-164/4",
    "kinship": "Его зять", "organizer": "Комитет учредил", "recipient": "Омаров посмертно награждён",
}


def _evidence_turtle() -> str:
    lines = []
    for key, quote in QUOTES.items():
        start = TEXT.index(quote)
        lines.append(f'ev:{key} a kgb:Evidence ; kgb:source src:zhaman ; kgb:quote "{quote}" ; '
                     f"kgb:start {start} ; kgb:end {start + len(quote)} ; kgb:confidence 0.8 .")
    return "\n".join(lines)


BASE = PREFIXES.replace("PREFIX ", "@prefix ").replace(">\n", "> .\n") + f"""
src:zhaman a kgb:Source ; kgb:identifier "zhaman-sopka-escape" ; kgb:title "Побег из колонии" ;
    kgb:publisher "Tengrinews" ; kgb:published "2024-12-14"^^xsd:date ;
    kgb:url "https://example.org/news/1"^^xsd:anyURI ; kgb:encoding "utf-8" ;
    kgb:sha256 "{'ab' * 32}" ; kgb:text "{TEXT}" .

{_evidence_turtle()}

place:region a kgb:Region , kgb:Place ; rdfs:label "Карагандинская область"@ru ;
    kgb:placeType "область" ; kgb:evidence ev:region .
place:karazhal a kgb:Settlement , kgb:Place ; rdfs:label "Каражал"@ru ; kgb:placeType "посёлок" ;
    kgb:altName "Жаман-сопка" ; kgb:locatedIn place:region ; kgb:evidence ev:karazhal .

inst:committee a kgb:GovernmentBody , kgb:Institution ; rdfs:label "Комитет УИС"@ru ;
    kgb:abbreviation "КУИС" ; kgb:founded "2002"^^xsd:gYear ; kgb:evidence ev:committee .
inst:colony a kgb:PenalInstitution , kgb:Institution ; rdfs:label "ЕС-164/4"@ru ; kgb:code "ЕС-164/4" ;
    kgb:institutionType "исправительное учреждение особого режима" ; kgb:activity "содержание осуждённых" ;
    kgb:locatedIn place:karazhal ; kgb:subOrganizationOf inst:committee ;
    kgb:founded ts:colony-founded ; kgb:evidence ev:colony , ev:guard .
ts:colony-founded a kgb:TimeSpan ; kgb:dateEDTF "196X" ;
    kgb:earliest "1960-01-01"^^xsd:date ; kgb:latest "1969-12-31"^^xsd:date .

person:omarov a kgb:Person ; rdfs:label "Серик Омаров"@ru ; kgb:givenName "Серик" ;
    kgb:familyName "Омаров" ; kgb:gender kgb:male ; kgb:age 35 ; kgb:rank "капитан" ;
    kgb:occupation "сотрудник колонии" ; kgb:memberOf inst:colony ;
    kgb:bornOn "1989"^^xsd:gYear ; kgb:diedOn "2024-12-13"^^xsd:date ; kgb:diedIn inc:killing ;
    kgb:spouse person:wife ; kgb:parentOf person:daughter ; kgb:relativeOf person:zyat ;
    kgb:evidence ev:omarov , ev:omarov2 .
person:wife a kgb:Person ; rdfs:label "Айгерим Омарова"@ru ; kgb:givenName "Айгерим" ;
    kgb:familyName "Омарова" ; kgb:gender kgb:female ; kgb:spouse person:omarov ; kgb:evidence ev:wife .
person:daughter a kgb:Person ; kgb:anonymous true ; kgb:description "трёхлетняя дочь" ; kgb:age 3 ;
    kgb:gender kgb:female ; kgb:childOf person:omarov ; kgb:evidence ev:daughter .
person:zyat a kgb:Person ; kgb:anonymous true ; kgb:description "зять" ; kgb:memberOf inst:colony ;
    kgb:relativeOf person:omarov ; kgb:evidence ev:zyat .
person:escapee a kgb:Person ; kgb:anonymous true ; kgb:description "один из беглецов" ;
    kgb:inGroup group:escapees ; kgb:evidence ev:perp .

group:escapees a kgb:Group ; kgb:anonymous true ; kgb:description "шестеро заключённых" ;
    kgb:memberCount 6 ; kgb:memberOf inst:colony ; kgb:diedOn "2024-12"^^xsd:gYearMonth ;
    kgb:diedIn inc:escape ; kgb:evidence ev:escapees .

inc:escape a kgb:Escape , kgb:Incident ; rdfs:label "Побег из ЕС-164/4"@ru ;
    kgb:date "2024-12-13"^^xsd:date ; kgb:dateEDTF "2024-12-13" ; kgb:place place:karazhal ;
    kgb:institution inst:colony ; kgb:participation part:perp , part:guard ; kgb:evidence ev:escape .
inc:killing a kgb:Killing , kgb:Incident ; rdfs:label "Убийство Серика Омарова"@ru ;
    kgb:date "2024-12"^^xsd:gYearMonth ; kgb:place place:karazhal ; kgb:partOf inc:escape ;
    kgb:sequence 1 ; kgb:instrument "топор" ; kgb:outcome "погиб" ;
    kgb:participation part:victim ; kgb:evidence ev:killing .

part:perp a kgb:Participation ; kgb:agent group:escapees ; kgb:role kgr:perpetrator ; kgb:evidence ev:perp .
part:guard a kgb:Participation ; kgb:agent inst:colony ; kgb:role kgr:guard ; kgb:evidence ev:guard .
part:victim a kgb:Participation ; kgb:agent person:omarov ; kgb:role kgr:victim , kgr:guard ;
    kgb:evidence ev:victim .
part:organizer a kgb:Participation ; kgb:agent inst:committee ; kgb:role kgr:organizer ;
    kgb:evidence ev:organizer .
part:recipient a kgb:Participation ; kgb:agent person:omarov ; kgb:role kgr:recipient ;
    kgb:evidence ev:recipient .

kin:zyat a kgb:Kinship ; kgb:person person:omarov ; kgb:relative person:zyat ; kgb:kinTerm "зять" ;
    kgb:evidence ev:kinship .

comm:day a kgb:CommemorativeDay , kgb:Commemoration ; rdfs:label "День памяти сотрудников УИС"@ru ;
    kgb:dayOfYear "--12-13"^^xsd:gMonthDay ; kgb:firstObserved "2025"^^xsd:gYear ;
    kgb:commemorates person:omarov , inc:escape ; kgb:participation part:organizer ; kgb:evidence ev:day .
comm:award a kgb:AwardConferral , kgb:Commemoration ; rdfs:label "Награждение Серика Омарова"@ru ;
    kgb:award "орден Мужества" ; kgb:posthumous true ; kgb:date "2025-01"^^xsd:gYearMonth ;
    kgb:place place:karazhal ; kgb:commemorates person:omarov , group:escapees , inst:colony ;
    kgb:participation part:recipient ; kgb:evidence ev:award .
"""


def base_graph() -> Graph:
    return Graph().parse(data=BASE, format="turtle")


def changed(update: str) -> Graph:
    graph = base_graph()
    graph.update(PREFIXES + update)
    return graph


def fired(report: ValidationReport) -> set[str]:
    return {r.shape for r in report.results}


def test_the_base_graph_conforms_without_a_single_warning():
    report = validate(base_graph())
    assert report.conforms
    assert report.results == [], format_report(report)


# (shape(s) that must fire, SPARQL Update applied to BASE)
CASES = [
    ("NamedPersonLabelShape", "DELETE WHERE { person:wife rdfs:label ?l }"),
    ("NamedPersonNameShape", "DELETE WHERE { person:wife kgb:givenName ?g . person:wife kgb:familyName ?f }"),
    ("AnonymousPersonShape", "DELETE WHERE { person:daughter kgb:description ?d }"),
    ("Person-anonymous", 'INSERT DATA { person:daughter kgb:anonymous "да" }'),
    ("Person-nameParts", "INSERT DATA { person:wife kgb:patronymic 7 }"),
    ("Person-description", "INSERT DATA { person:wife kgb:description 42 }"),
    ("Person-gender", 'DELETE WHERE { person:wife kgb:gender ?g } ; INSERT DATA { person:wife kgb:gender "female" }'),
    ("Person-gender", "INSERT DATA { person:wife kgb:gender kgb:male }"),
    ("Person-age", "DELETE WHERE { person:daughter kgb:age ?a } ; INSERT DATA { person:daughter kgb:age -1 }"),
    ("Person-age", 'DELETE WHERE { person:daughter kgb:age ?a } ; INSERT DATA { person:daughter kgb:age "три" }'),
    ("Person-rank", "INSERT DATA { person:omarov kgb:rank 3 }"),
    ("Person-occupation", "INSERT DATA { person:wife kgb:occupation 7 }"),
    ("Person-memberOf", "INSERT DATA { person:wife kgb:memberOf place:karazhal }"),
    ("Person-inGroup", "INSERT DATA { person:wife kgb:inGroup inst:colony }"),
    ("Person-diedOn", 'INSERT DATA { person:wife kgb:diedOn "вчера" }'),
    ("Person-bornOn", 'INSERT DATA { person:wife kgb:bornOn "1990-13-01"^^xsd:date }'),
    ("Person-diedIn", "INSERT DATA { person:wife kgb:diedIn place:karazhal }"),
    ("Person-kin", "INSERT DATA { person:wife kgb:relativeOf inst:colony . inst:colony kgb:relativeOf person:wife }"),
    ("Person-evidence", "DELETE WHERE { person:wife kgb:evidence ?e }"),
    ("DeathAfterBirthShape", 'DELETE WHERE { person:omarov kgb:bornOn ?b } ; INSERT DATA { person:omarov kgb:bornOn "2025"^^xsd:gYear }'),
    ("DeathAfterBirthShape", 'DELETE WHERE { person:omarov kgb:bornOn ?b } ; INSERT DATA { person:omarov kgb:bornOn "2024-12-14"^^xsd:date }'),
    ("KinBothWaysShape", "DELETE DATA { person:wife kgb:spouse person:omarov }"),
    ("KinBothWaysShape", "DELETE DATA { person:daughter kgb:childOf person:omarov }"),
    ("KinBothWaysShape", "DELETE DATA { person:zyat kgb:relativeOf person:omarov }"),
    ("AnonymousGroupShape", "DELETE WHERE { group:escapees kgb:description ?d }"),
    ("Group-memberCount", "DELETE WHERE { group:escapees kgb:memberCount ?c } ; INSERT DATA { group:escapees kgb:memberCount 0 }"),
    ("Group-memberCount", 'DELETE WHERE { group:escapees kgb:memberCount ?c } ; INSERT DATA { group:escapees kgb:memberCount "шесть" }'),
    ("Group-memberCount", "INSERT DATA { group:escapees kgb:memberCount 7 }"),
    ("Group-anonymous", 'INSERT DATA { group:escapees kgb:anonymous "yes" }'),
    ("Group-memberOf", "INSERT DATA { group:escapees kgb:memberOf place:karazhal }"),
    ("Group-diedOn", 'INSERT DATA { group:escapees kgb:diedOn "вчера" }'),
    ("Group-diedIn", "INSERT DATA { group:escapees kgb:diedIn place:karazhal }"),
    ("Group-evidence", "DELETE WHERE { group:escapees kgb:evidence ?e }"),
    ("Institution-label", "DELETE WHERE { inst:committee rdfs:label ?l }"),
    ("Institution-strings", "INSERT DATA { inst:colony kgb:code 164 }"),
    ("Institution-locatedIn", "INSERT DATA { inst:colony kgb:locatedIn inst:committee }"),
    ("Institution-subOrganizationOf", "INSERT DATA { inst:colony kgb:subOrganizationOf place:karazhal }"),
    ("Institution-founded", 'INSERT DATA { inst:committee kgb:dissolved "в девяностые" }'),
    ("Institution-evidence", "DELETE WHERE { inst:committee kgb:evidence ?e }"),
    ("TimeSpanShape", "DELETE WHERE { ts:colony-founded kgb:dateEDTF ?d . ts:colony-founded kgb:earliest ?e . ts:colony-founded kgb:latest ?l }"),
    (("TimeSpan-bounds", "TimeSpan-order"), 'INSERT DATA { ts:colony-founded kgb:latest "конец 60-х" }'),
    ("TimeSpan-order", 'DELETE WHERE { ts:colony-founded kgb:earliest ?e } ; INSERT DATA { ts:colony-founded kgb:earliest "1970-01-01"^^xsd:date }'),
    ("Place-label", "DELETE WHERE { place:region rdfs:label ?l }"),
    ("Place-strings", "INSERT DATA { place:karazhal kgb:placeType 1 }"),
    ("Place-locatedIn", "INSERT DATA { place:karazhal kgb:locatedIn inst:colony }"),
    ("Place-evidence", "DELETE WHERE { place:region kgb:evidence ?e }"),
    ("IncidentTypeShape", "DELETE DATA { inc:escape a kgb:Escape }"),
    ("Incident-label", "DELETE WHERE { inc:killing rdfs:label ?l }"),
    ("Incident-dateMissing", "DELETE WHERE { inc:killing kgb:date ?d }"),
    ("Incident-date", 'DELETE WHERE { inc:killing kgb:date ?d } ; INSERT DATA { inc:killing kgb:date "1997-02-30"^^xsd:date }'),
    ("Incident-date", 'DELETE WHERE { inc:killing kgb:date ?d } ; INSERT DATA { inc:killing kgb:date "2024-12-13T10:00:00"^^xsd:dateTime }'),
    ("Incident-date", 'DELETE WHERE { inc:killing kgb:date ?d } ; INSERT DATA { inc:killing kgb:date "13 декабря" }'),
    ("Incident-dateEDTF", 'INSERT DATA { inc:escape kgb:dateEDTF "2024-12" }'),
    ("Incident-place", "INSERT DATA { inc:escape kgb:place inst:colony }"),
    ("Incident-institution", "INSERT DATA { inc:escape kgb:institution place:karazhal }"),
    ("Incident-partOf", "DELETE WHERE { inc:killing kgb:partOf ?w } ; INSERT DATA { inc:killing kgb:partOf inst:colony }"),
    ("Incident-sequence", "DELETE WHERE { inc:killing kgb:sequence ?s } ; INSERT DATA { inc:killing kgb:sequence 0 }"),
    ("Incident-strings", "INSERT DATA { inc:killing kgb:instrument 5 }"),
    ("Incident-participation", "INSERT DATA { inc:escape kgb:participation person:omarov }"),
    ("Incident-evidence", "DELETE WHERE { inc:killing kgb:evidence ?e }"),
    ("SequenceNeedsWholeShape", "DELETE WHERE { inc:killing kgb:partOf ?w }"),
    ("Participation-agent", "DELETE WHERE { part:victim kgb:agent ?a }"),
    ("Participation-agent", "INSERT DATA { part:victim kgb:agent person:wife }"),
    ("Participation-agentType", "DELETE WHERE { part:victim kgb:agent ?a } ; INSERT DATA { part:victim kgb:agent place:karazhal }"),
    ("Participation-role", "DELETE WHERE { part:victim kgb:role ?r }"),
    ("Participation-role", "INSERT DATA { part:victim kgb:role kgr:hero }"),
    ("Participation-role", 'INSERT DATA { part:victim kgb:role "victim" }'),
    ("Participation-evidence", "DELETE WHERE { part:victim kgb:evidence ?e }"),
    ("Participation-attached", "DELETE DATA { inc:killing kgb:participation part:victim }"),
    ("Kinship-person", "DELETE WHERE { kin:zyat kgb:person ?p }"),
    ("Kinship-person", "DELETE WHERE { kin:zyat kgb:person ?p } ; INSERT DATA { kin:zyat kgb:person person:zyat }"),
    ("Kinship-relative", "DELETE WHERE { kin:zyat kgb:relative ?r }"),
    ("Kinship-kinTerm", 'INSERT DATA { kin:zyat kgb:kinTerm "свояк" }'),
    ("Kinship-evidence", "DELETE WHERE { kin:zyat kgb:evidence ?e }"),
    ("Commemoration-label", "DELETE WHERE { comm:day rdfs:label ?l }"),
    ("Commemoration-date", 'INSERT DATA { comm:award kgb:date "13.12.2024" }'),
    ("Commemoration-place", "INSERT DATA { comm:award kgb:place inst:colony }"),
    ("Commemoration-commemorates", "INSERT DATA { comm:day kgb:commemorates place:karazhal }"),
    ("Commemoration-participation", "INSERT DATA { comm:day kgb:participation person:omarov }"),
    ("Commemoration-evidence", "DELETE WHERE { comm:day kgb:evidence ?e }"),
    ("CommemorativeDay-dayOfYear", "DELETE WHERE { comm:day kgb:dayOfYear ?d }"),
    ("CommemorativeDay-dayOfYear", 'DELETE WHERE { comm:day kgb:dayOfYear ?d } ; INSERT DATA { comm:day kgb:dayOfYear "--13-12"^^xsd:gMonthDay }'),
    ("CommemorativeDay-dayOfYear", 'DELETE WHERE { comm:day kgb:dayOfYear ?d } ; INSERT DATA { comm:day kgb:dayOfYear "--02-30"^^xsd:gMonthDay }'),
    ("CommemorativeDay-dayOfYear", 'DELETE WHERE { comm:day kgb:dayOfYear ?d } ; INSERT DATA { comm:day kgb:dayOfYear "--04-31"^^xsd:gMonthDay }'),
    ("CommemorativeDay-dayOfYear", 'DELETE WHERE { comm:day kgb:dayOfYear ?d } ; INSERT DATA { comm:day kgb:dayOfYear "--12-13" }'),
    ("CommemorativeDay-firstObserved", 'DELETE WHERE { comm:day kgb:firstObserved ?y } ; INSERT DATA { comm:day kgb:firstObserved "2025-01-01"^^xsd:date }'),
    ("AwardConferral-award", "INSERT DATA { comm:award kgb:award 5 }"),
    ("AwardConferral-posthumous", 'INSERT DATA { comm:award kgb:posthumous "да" }'),
    ("Source-identifier", "DELETE WHERE { src:zhaman kgb:identifier ?i }"),
    ("Source-strings", "INSERT DATA { src:zhaman kgb:title 1 }"),
    ("Source-published", 'INSERT DATA { src:zhaman kgb:published "14.12.2024" }'),
    ("Source-url", 'DELETE WHERE { src:zhaman kgb:url ?u } ; INSERT DATA { src:zhaman kgb:url "https://example.org/news/1" }'),
    ("Source-text", 'DELETE WHERE { src:zhaman kgb:text ?t } ; INSERT DATA { src:zhaman kgb:text "' + TEXT + '"@ru }'),
    ("Source-sha256", 'DELETE WHERE { src:zhaman kgb:sha256 ?h } ; INSERT DATA { src:zhaman kgb:sha256 "ABC" }'),
    ("Evidence-source", "DELETE WHERE { ev:wife kgb:source ?s }"),
    ("Evidence-quote", "DELETE WHERE { ev:wife kgb:quote ?q }"),
    ("Evidence-start", "DELETE WHERE { ev:wife kgb:start ?s }"),
    ("Evidence-end", "DELETE WHERE { ev:wife kgb:end ?e }"),
    # the text is not read between reversed offsets: Evidence-order says what is wrong
    (("Evidence-order", "EvidenceQuoteLengthShape"),
     "DELETE WHERE { ev:wife kgb:start ?s . ev:wife kgb:end ?e } ; INSERT DATA { ev:wife kgb:start 30 ; kgb:end 15 }"),
    ("Evidence-confidence", "DELETE WHERE { ev:wife kgb:confidence ?c } ; INSERT DATA { ev:wife kgb:confidence 1.5 }"),
    ("CoreTypeShape", "DELETE DATA { comm:award a kgb:Commemoration }"),
    ("CoreTypeShape", "DELETE DATA { place:region a kgb:Place } ; DELETE DATA { place:karazhal kgb:locatedIn place:region }"),
    ("EvidenceQuoteInTextShape", 'DELETE WHERE { ev:omarov kgb:quote ?q } ; INSERT DATA { ev:omarov kgb:quote "Серика Петрова" }'),
    # Without the source's text only the length can be checked.
    ("EvidenceQuoteLengthShape", "DELETE WHERE { src:zhaman kgb:text ?t . ev:wife kgb:end ?e } ; INSERT DATA { ev:wife kgb:end 200 }"),
]

WARNINGS = {"IncidentTypeShape", "Incident-label", "Incident-dateMissing", "SequenceNeedsWholeShape",
            "Participation-attached", "Place-evidence", "Commemoration-label"}


def _case_id(case) -> str:
    shapes, update = case
    name = shapes if isinstance(shapes, str) else "+".join(shapes)
    return f"{name}:{re.sub(r'[^A-Za-z0-9]+', '_', update)[:60]}"


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_each_broken_rule_fires_its_shape_and_no_other(case):
    shapes, update = case
    expected = {shapes} if isinstance(shapes, str) else set(shapes)
    report = validate(changed(update))
    assert fired(report) == expected, format_report(report)
    for result in report.results:
        assert result.severity == ("Warning" if result.shape in WARNINGS else "Violation")
        assert result.message_en and re.search("[A-Za-z]", result.message_en)
        assert re.search("[А-Яа-я]", result.message_ru), result.message_ru
        assert result.message_en != result.message_ru
    assert report.conforms == all(shape in WARNINGS for shape in expected)


def test_every_shape_has_a_failing_case():
    shapes = load_shapes()
    targeted = {str(s).split("#")[1] for p in (SH.targetClass, SH.target, SH.targetSubjectsOf)
                for s in shapes.subjects(p, None)}
    covered = set()
    for names, _ in CASES:
        covered |= {names} if isinstance(names, str) else set(names)
    assert targeted - covered == set()
    assert {s for s in targeted if (KGBSH[s], SH.severity, SH.Warning) in shapes} == WARNINGS


# Conforming variations of the base graph: edge cases the rules must let through.
VALID_VARIATIONS = [
    'DELETE WHERE { comm:day kgb:dayOfYear ?d } ; INSERT DATA { comm:day kgb:dayOfYear "--02-29"^^xsd:gMonthDay }',
    'DELETE WHERE { comm:day kgb:dayOfYear ?d } ; INSERT DATA { comm:day kgb:dayOfYear "--12-31"^^xsd:gMonthDay }',
    # born and died in the same year, at different precisions
    'DELETE WHERE { person:omarov kgb:bornOn ?b } ; INSERT DATA { person:omarov kgb:bornOn "2024"^^xsd:gYear }',
    'DELETE WHERE { person:omarov kgb:bornOn ?b } ; INSERT DATA { person:omarov kgb:bornOn "2024-12-13"^^xsd:date }',
    # a named group needs no description
    'DELETE WHERE { group:escapees kgb:description ?d . group:escapees kgb:anonymous ?a } ;'
    ' INSERT DATA { group:escapees rdfs:label "Банда Петрова"@ru }',
    # a person known only by family name
    "DELETE WHERE { person:wife kgb:givenName ?g }",
    # an incident dated only by year, or only in EDTF on a time-span
    'DELETE WHERE { inc:killing kgb:date ?d } ; INSERT DATA { inc:killing kgb:date "2024"^^xsd:gYear }',
    'DELETE WHERE { ts:colony-founded kgb:earliest ?e . ts:colony-founded kgb:latest ?l }',
    # an institution founded on a known day; an anonymous person with no evidence of kin
    'DELETE WHERE { inst:committee kgb:founded ?f } ; INSERT DATA { inst:committee kgb:founded "2002-07-01"^^xsd:date }',
    # a participation in several roles, a role from the extended scheme
    "INSERT DATA { part:perp kgb:role kgr:detainee , kgr:lawEnforcement }",
    # a group as agent of a commemoration
    "INSERT DATA { part:organizer kgb:agent group:escapees } ; DELETE DATA { part:organizer kgb:agent inst:committee }",
]


@pytest.mark.parametrize("update", VALID_VARIATIONS)
def test_variations_that_must_still_conform(update):
    report = validate(changed(update))
    assert report.results == [], format_report(report)


def test_offsets_count_code_points_not_utf16_units():
    text = "Он написал 😀 Омаров"
    start = text.index("Омаров")  # 13 code points; UTF-16 would say 14
    graph = changed(f"""
        DELETE WHERE {{ src:zhaman kgb:text ?t }} ;
        INSERT DATA {{ src:zhaman kgb:text "{text}" }} ;
        DELETE WHERE {{ ev:omarov2 kgb:start ?s . ev:omarov2 kgb:end ?e }} ;
        INSERT DATA {{ ev:omarov2 kgb:start {start} ; kgb:end {start + 6} }}
    """)
    # Only ev:omarov2 is re-anchored; the others now point at the short text and must fail.
    report = validate(graph)
    offenders = {r.focus for r in report.results}
    assert "https://w3id.org/kgbuild/id/evidence/omarov2" not in offenders
    graph.update(PREFIXES + f"""
        DELETE WHERE {{ ev:omarov2 kgb:start ?s . ev:omarov2 kgb:end ?e }} ;
        INSERT DATA {{ ev:omarov2 kgb:start {start + 1} ; kgb:end {start + 7} }}""")
    offenders = {r.focus for r in validate(graph).results if r.shape == "EvidenceQuoteInTextShape"}
    assert "https://w3id.org/kgbuild/id/evidence/omarov2" in offenders


@pytest.mark.parametrize("update", [
    'DELETE WHERE { ev:omarov kgb:quote ?q } ; INSERT DATA { ev:omarov kgb:quote "Серика Петрова" }',
    "DELETE WHERE { ev:wife kgb:end ?e } ; INSERT DATA { ev:wife kgb:end 200 }",
    "DELETE WHERE { src:zhaman kgb:text ?t . ev:wife kgb:end ?e } ; INSERT DATA { ev:wife kgb:end 20 }",
    # an end before the start reads nothing, as SPARQL's SUBSTR does (not Python's text[68:-1])
    "DELETE WHERE { ev:colony kgb:end ?e } ; INSERT DATA { ev:colony kgb:end -1 }",
    # two starts: each is checked
    "INSERT DATA { ev:wife kgb:start 3 }",
    # an offset that is not an xsd:integer, a negative start: only Evidence-start reports them
    'DELETE WHERE { ev:wife kgb:start ?s } ; INSERT DATA { ev:wife kgb:start "1.5"^^xsd:decimal } ;'
    ' DELETE WHERE { ev:omarov kgb:start ?t } ; INSERT DATA { ev:omarov kgb:start -3 }',
])
def test_the_python_evidence_checks_report_what_the_sparql_constraints_report(update):
    graph = changed(update)
    ours = {(r.shape, r.focus, r.value, frozenset({r.message_en, r.message_ru}))
            for r in validate(graph).results if KGBSH[r.shape] in FAST_PATH_SHAPES}
    _, results, _ = pyshacl.validate(graph, shacl_graph=load_shapes(), advanced=True,
                                     use_shapes=list(FAST_PATH_SHAPES))
    theirs = {(str(results.value(r, SH.sourceShape)).split("#")[1], str(results.value(r, SH.focusNode)),
               str(results.value(r, SH.value)),
               frozenset(str(m) for m in results.objects(r, SH.resultMessage)))
              for r in results.objects(None, SH.result)}
    assert ours == theirs
    assert ours or "1.5" in update


SPARQL_TARGET_SHAPES = {"NamedPersonLabelShape", "NamedPersonNameShape", "AnonymousPersonShape",
                        "AnonymousGroupShape", "Participation-agentType", "DeathAfterBirthShape",
                        "KinBothWaysShape", "CoreTypeShape"}
PLAIN_PYSHACL_CASES = [("base", "")] + [c for c in CASES if c[0] in SPARQL_TARGET_SHAPES]


@pytest.mark.parametrize("case", PLAIN_PYSHACL_CASES, ids=[_case_id(c) for c in PLAIN_PYSHACL_CASES])
def test_plain_pyshacl_in_advanced_mode_finds_what_kgbuild_finds(case):
    # kgbuild resolves the SPARQL-based targets itself; pySHACL's own SHACL-AF support
    # must reach the same verdict from the shapes file alone.
    _, update = case
    graph = changed(update) if update else base_graph()
    _, results, _ = pyshacl.validate(graph, shacl_graph=load_shapes(), advanced=True)
    theirs = {str(results.value(r, SH.sourceShape)).split("#")[1] for r in results.objects(None, SH.result)}
    assert theirs == fired(validate(graph))


def test_a_dataset_is_validated_graph_by_graph_and_left_untouched():
    dataset = Dataset()
    good = dataset.graph(URIRef("https://w3id.org/kgbuild/id/source/good"))
    good += base_graph()
    bad = dataset.graph(URIRef("https://w3id.org/kgbuild/id/source/bad"))
    bad += changed("DELETE WHERE { part:victim kgb:agent ?a }")
    before = sorted(dataset.quads((None, None, None, None)))
    union_before = dataset.default_union

    report = validate(dataset)

    assert not report.conforms
    assert {r.graph for r in report.results} == {"https://w3id.org/kgbuild/id/source/bad"}
    assert set(report.graphs) == {"https://w3id.org/kgbuild/id/source/good",
                                  "https://w3id.org/kgbuild/id/source/bad"}
    assert sorted(dataset.quads((None, None, None, None))) == before
    assert dataset.default_union == union_before


def test_a_statement_in_another_graph_does_not_satisfy_a_rule():
    # The victim's agent is typed only in a different source's graph: within its own graph
    # the participation's agent is not a person, group or institution.
    dataset = Dataset()
    one = dataset.graph(URIRef("https://w3id.org/kgbuild/id/source/one"))
    one += changed("DELETE WHERE { person:omarov a kgb:Person }")
    other = dataset.graph(URIRef("https://w3id.org/kgbuild/id/source/other"))
    other.add((URIRef("https://w3id.org/kgbuild/id/person/omarov"), RDF.type, KGB.Person))
    assert "Participation-agentType" in fired(validate(dataset))


def test_nodes_a_rule_selects_in_one_graph_are_not_checked_in_the_next():
    # The nodes SPARQL-based targets select are added to a shared copy of the shapes for one
    # graph at a time: an unlabelled person of the first graph must not be a target in the next.
    without_omarov = changed("DELETE WHERE { person:omarov ?p ?o }")
    alone = {(r.shape, r.focus) for r in validate(without_omarov).results}

    unlabelled = validate(changed("DELETE WHERE { person:omarov rdfs:label ?label }"))
    assert ("NamedPersonLabelShape", "https://w3id.org/kgbuild/id/person/omarov") in {
        (r.shape, r.focus) for r in unlabelled.results}
    assert {(r.shape, r.focus) for r in validate(without_omarov).results} == alone


def test_warnings_alone_conform():
    report = validate(changed("DELETE WHERE { inc:killing kgb:date ?d }"))
    assert report.conforms
    assert [r.shape for r in report.warnings] == ["Incident-dateMissing"]
    assert report.violations == []


def test_a_result_names_the_node_by_label_and_carries_its_quotes():
    report = validate(changed(
        'DELETE WHERE { person:omarov kgb:age ?a } ; INSERT DATA { person:omarov kgb:age "тридцать пять" }'))
    (result,) = report.results
    assert result.shape == "Person-age"
    assert result.focus == "https://w3id.org/kgbuild/id/person/omarov"
    assert result.focus_label == "Серик Омаров"
    assert result.path == "kgb:age"
    assert result.value == "тридцать пять"
    assert result.message_en == "kgb:age must be a single xsd:integer from 0 to 130."
    assert result.message_ru == "kgb:age должно быть одним целым числом xsd:integer от 0 до 130."
    assert {(q.quote, q.source) for q in result.evidence} == {
        ("Серика Омарова", "zhaman-sopka-escape"), ("Омаров", "zhaman-sopka-escape")}


def test_a_participation_without_agent_reads_plainly_in_the_text_report():
    report = validate(changed("DELETE WHERE { part:victim kgb:agent ?a }"))
    text = format_report(report)
    assert text.startswith("1 violation, 0 warnings in 1 graph: does not conform")
    assert "Violation: Participation-agent (exactly one agent): 1 result" in text
    assert "The participation must have exactly one kgb:agent." in text
    assert "\u00abубили капитана Серика Омарова\u00bb \u2014 zhaman-sopka-escape [" in text
    assert "У участия должен быть ровно один kgb:agent." in format_report(report, "text", lang="ru")


def test_json_and_turtle_reports_carry_the_same_results():
    report = validate(changed("DELETE WHERE { part:victim kgb:agent ?a }"))
    data = json.loads(format_report(report, "json"))
    assert data["conforms"] is False and data["violations"] == 1
    assert data["results"][0]["shape"] == "Participation-agent"
    assert data["results"][0]["evidence"][0]["source"] == "zhaman-sopka-escape"
    turtle = Graph().parse(data=format_report(report, "turtle"), format="turtle")
    (result,) = turtle.subjects(RDF.type, SH.ValidationResult)
    assert turtle.value(result, SH.sourceShape) == KGBSH["Participation-agent"]


def test_custom_shapes_replace_the_default_ones(tmp_path):
    shapes = tmp_path / "mine.ttl"
    shapes.write_text("""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix kgb: <https://w3id.org/kgbuild/ontology#> .
        <urn:x:NeedsAge> a sh:NodeShape ; sh:targetClass kgb:Person ;
            sh:property [ sh:path kgb:age ; sh:minCount 1 ; sh:message "age please"@en ] .
    """, encoding="utf-8")
    report = validate(base_graph(), shapes=shapes)
    assert {r.focus_label for r in report.results} == {"Айгерим Омарова", "зять", "один из беглецов"}
    assert {r.message_en for r in report.results} == {"age please"}


def test_an_unreadable_shapes_file_is_an_input_error(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> . sh:x sh:y", encoding="utf-8")
    with pytest.raises(InputError, match="broken.ttl"):
        validate(base_graph(), shapes=broken)


# ------------------------------------------------------------------------------ the CLI


@pytest.fixture()
def trig(tmp_path):
    def write(graph: Graph, name: str = "out.trig") -> Path:
        dataset = Dataset()
        named = dataset.graph(URIRef("https://w3id.org/kgbuild/id/source/zhaman"))
        named += graph
        path = tmp_path / name
        path.write_text(dataset.serialize(format="trig"), encoding="utf-8")
        return path
    return write


def test_cli_exits_0_on_a_conforming_graph(trig):
    result = CliRunner().invoke(validate_command, [str(trig(base_graph()))])
    assert result.exit_code == 0, result.output
    assert "0 violations, 0 warnings in 1 graph: conforms" in result.output


def test_cli_exits_1_and_reports_violations(trig):
    path = trig(changed("DELETE WHERE { part:victim kgb:agent ?a }"))
    result = CliRunner().invoke(validate_command, [str(path), "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.output)["results"][0]["graph"] == "https://w3id.org/kgbuild/id/source/zhaman"


def test_cli_exits_2_on_malformed_input_with_one_line(tmp_path):
    bad = tmp_path / "broken.trig"
    bad.write_text("<urn:a> <urn:b> {", encoding="utf-8")
    result = CliRunner().invoke(validate_command, [str(bad)])
    assert result.exit_code == 2
    assert "broken.trig" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_cli_exits_2_on_a_missing_file(tmp_path):
    result = CliRunner().invoke(validate_command, [str(tmp_path / "nowhere.trig")])
    assert result.exit_code == 2
    assert "nowhere.trig: no such file" in result.output


def test_cli_uses_the_shapes_given(trig, tmp_path):
    shapes = tmp_path / "none.ttl"
    shapes.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n", encoding="utf-8")
    path = trig(changed("DELETE WHERE { part:victim kgb:agent ?a }"))
    assert CliRunner().invoke(validate_command, [str(path), "--shapes", str(shapes)]).exit_code == 0


# ------------------------------------------------------------------- docs/ontology.md


def _turtle_examples() -> list[str]:
    text = (REPO / "docs" / "ontology.md").read_text(encoding="utf-8")
    return re.findall(r"```turtle\n(.*?)```", text, flags=re.S)


def test_the_guide_has_three_worked_examples():
    assert len(_turtle_examples()) == 3


@pytest.mark.parametrize("index", range(3))
def test_each_worked_example_in_the_guide_conforms(index):
    graph = Graph().parse(data=_turtle_examples()[index], format="turtle")
    report = validate(graph)
    assert report.results == [], format_report(report)


def test_cli_engines_print_the_same_report(trig):
    path = trig(changed("DELETE WHERE { part:victim kgb:agent ?a } ; INSERT DATA { person:wife kgb:age 200 }"))
    fast = CliRunner().invoke(validate_command, [str(path), "--format", "json"])
    slow = CliRunner().invoke(validate_command, [str(path), "--format", "json", "--engine", "pyshacl"])
    assert fast.exit_code == slow.exit_code == 1
    rows = [sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in json.loads(run.output)["results"])
            for run in (fast, slow)]
    assert rows[0] == rows[1] and len(rows[0]) == 2

"""One real-world thing, one IRI: identities across documents, and why each merge was made."""

from __future__ import annotations

from collections import Counter
import pytest
from hypothesis import given, settings, strategies as st
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from kgbuild import build, load_dataset, select
from kgbuild.build import assemble
from kgbuild.cli import main
from kgbuild.identity import KEPT_APART, MAX_APART, MERGED, Resolver
from kgbuild.iris import IRIs
from kgbuild.model import (DateValue, Document, DocumentFacts, Evidence, Group, Incident, Institution,
                           Participation, Person, Place, Commemoration)
from kgbuild.namespaces import KGB

from pathlib import Path

SECOND = Path(__file__).resolve().parent / "fixtures" / "corpus" / "second-account.txt"

from kgbuild.resources import queries_dir

CONFLICTS = (queries_dir() / "conflicts.rq").read_text(encoding="utf-8")


def ev(doc: str, quote: str, start: int = 0, confidence: float = 0.9) -> Evidence:
    return Evidence(doc_id=doc, start=start, end=start + len(quote), quote=quote, confidence=confidence)


def doc(doc_id: str, **buckets) -> DocumentFacts:
    text = "x" * 2000  # offsets only need to be inside the text for these hand-made facts
    return DocumentFacts(document=Document(id=doc_id, text=text, sha256="0" * 64), **buckets)


def person(doc_id, key, given, family, patronymic=None, ranks=(), anonymous=False, description=None):
    label = None if anonymous else " ".join(p for p in (given, patronymic, family) if p)
    return Person(key=key, label=label, given_name=given, family_name=family, patronymic=patronymic,
                  ranks=list(ranks), anonymous=anonymous, description=description,
                  mentions=[ev(doc_id, label or description or key, start=10 * int(key[1:] or 0))])


def colony(doc_id, key="inst1", code="ЕС-164/4", label=None, founded=None, place=None):
    return Institution(key=key, label=label or code, code=code, category="PenalInstitution",
                       founded=founded, located_in=place, mentions=[ev(doc_id, code or label, 100)])


def gorny(doc_id, key="pl1", parent="pl2", district="Есильский район"):
    return [Place(key=key, label="Горный", place_type="посёлок", located_in=parent,
                  mentions=[ev(doc_id, "Горный", 200)]),
            Place(key=parent, label=district, place_type="район", mentions=[ev(doc_id, district, 220)])]


def escape(doc_id, key="inc1", date="1997-08-09", place=None, institution="inst1", type_="Escape",
           victims=None):
    parts = [Participation(agent=victims, role="victim", evidence=[ev(doc_id, "убили", 400)])] if victims else []
    return Incident(key=key, type=type_, label="побег", place=place, institution=institution,
                    date=DateValue(edtf=date, value=date), participations=parts,
                    evidence=[ev(doc_id, "побег", 300)])


def resolve(*corpus):
    return Resolver(IRIs()).resolve(list(corpus))


# -- the rules ----------------------------------------------------------------------------------
def test_two_accounts_of_the_escape_meet_on_one_incident_colony_and_settlement():
    a = doc("a", institutions=[colony("a", founded=DateValue(edtf="196X"))], places=gorny("a"),
            groups=[Group(key="g1", description="мужчину, женщину и их дочь", member_count=3,
                          mentions=[ev("a", "мужчину, женщину и их дочь", 500)])],
            incidents=[escape("a", victims="g1")])
    # the second account places the escape at the settlement and names the colony with Latin letters
    b = doc("b", institutions=[colony("b", code="EC-164/4", founded=DateValue(edtf="1961", value="1961"))],
            places=gorny("b", key="pl7", parent="pl8"),
            groups=[Group(key="g1", description="пятерых мирных жителей", member_count=5,
                          mentions=[ev("b", "пятерых мирных жителей", 600)])],
            incidents=[escape("b", place="pl7", institution=None, victims="g1"),
                       escape("b", key="inc2", type_="Killing", institution=None, place="pl7")])
    b.incidents[0].institution = "inst1"
    ids = resolve(a, b)
    assert ids.nodes[("a", "inst1")] == ids.nodes[("b", "inst1")]
    assert ids.nodes[("a", "pl1")] == ids.nodes[("b", "pl7")] == URIRef("https://w3id.org/kgbuild/id/place/gornyi")
    assert ids.nodes[("a", "inc1")] == ids.nodes[("b", "inc1")]
    assert ids.nodes[("b", "inc2")] != ids.nodes[("a", "inc1")]  # a killing is not the escape
    assert ids.nodes[("a", "g1")] != ids.nodes[("b", "g1")]  # groups are each source's own

    # built together, the disagreements stay side by side, each in its own source's graph
    dataset = assemble([a, b], IRIs()).dataset
    table = select(dataset, CONFLICTS)
    rows = [dict(zip(table.columns, row)) for row in table.rows]
    claims = {(r["property"], r["source1"], r["value1"], r["source2"], r["value2"]) for r in rows}
    # one code spelt with Latin letters in b is the same code, not a second claim
    assert claims == {("kgr:victim", "a", "3", "b", "5"), ("kgb:founded", "a", "196X", "b", "1961")}
    victims = next(r for r in rows if r["property"] == "kgr:victim")
    assert victims["subject"] == str(ids.nodes[("a", "inc1")])
    assert (victims["quote1"], victims["quote2"]) == ("убили", "убили")  # where each source tells it


def test_an_escape_on_another_day_or_elsewhere_is_another_escape():
    a = doc("a", institutions=[colony("a")], incidents=[escape("a")])
    b = doc("b", institutions=[colony("b")], incidents=[escape("b", date="1997-08-10")])
    c = doc("c", institutions=[colony("c", code="ГМ-172/1")], incidents=[escape("c")])
    ids = resolve(a, b, c)
    assert len({ids.nodes[(d, "inc1")] for d in "abc"}) == 3


def part(doc_id, key, victims, type_="Killing", date="1997-08-09", place=None, whole="inc1", role="victim"):
    """A part of the escape `whole`: a killing (or death) of `victims`, told at offset 450."""
    told = [ev(doc_id, "убили", 450)]
    return Incident(key=key, type=type_, label="убийство", place=place, part_of=whole,
                    date=DateValue(edtf=date, value=date) if date else None, evidence=told,
                    participations=[Participation(agent=v, role=role, evidence=told) for v in victims])


def civilian(doc_id, key, description="мужчина"):
    return person(doc_id, key, None, None, anonymous=True, description=description)


def civilians(doc_id, key="g1", count=5):
    return Group(key=key, description="мирные жители", member_count=count,
                 mentions=[ev(doc_id, "пятерых мирных жителей", 600)])


def account(doc_id, persons=(), groups=(), parts=(), places=(), date="1997-08-09"):
    """One account of the escape from ЕС-164/4 (incident inc1) with its parts."""
    return doc(doc_id, institutions=[colony(doc_id)], persons=list(persons), groups=list(groups),
               places=list(places), incidents=[escape(doc_id, date=date), *parts])


def test_parts_of_one_escape_meet_on_a_named_victim_or_the_kind_of_victims():
    # a: the captain killed, then a man and a woman; b: the captain died, five civilians killed
    a = account("a", persons=[person("a", "p1", "Серик", "Омаров", ranks=["капитан"]),
                              civilian("a", "p2"), civilian("a", "p3", "женщина")],
                parts=[part("a", "inc2", ["p1"]), part("a", "inc3", ["p2", "p3"])])
    b = account("b", persons=[person("b", "p1", "Серик", "Омаров")], groups=[civilians("b")],
                parts=[part("b", "inc2", ["p1"], type_="Death", role="casualty"), part("b", "inc3", ["g1"])])
    ids = resolve(a, b)
    assert ids.nodes[("a", "inc1")] == ids.nodes[("b", "inc1")]
    assert ids.nodes[("a", "inc2")] == ids.nodes[("b", "inc2")]  # a killing in one, a death in the other
    assert ids.nodes[("a", "inc3")] == ids.nodes[("b", "inc3")]
    assert ids.nodes[("a", "inc2")] != ids.nodes[("a", "inc3")]
    why = {d.iri: d.reason for d in ids.decisions if d.outcome == MERGED and d.kind == "incident"}
    assert why[ids.nodes[("a", "inc2")]].startswith("part of one merged incident, with the same participant "
                                                    "«Серик Омаров, Death, part of incident/escape-")
    assert why[ids.nodes[("a", "inc3")]].startswith(
        "part of one merged incident, of one type, with the same kind of victims «Killing, victims: civilians")

    # built together, the count of the civilians is a claim of each source about one killing
    table = select(assemble([a, b], IRIs()).dataset, CONFLICTS)
    rows = [dict(zip(table.columns, row)) for row in table.rows]
    assert {(r["subject"], r["property"], r["value1"], r["value2"]) for r in rows} == {
        (str(ids.nodes[("a", "inc3")]), "kgr:victim", "2", "5")}


def test_two_killings_of_civilians_in_one_account_match_neither_killing_of_the_other():
    a = account("a", persons=[civilian("a", "p1"), civilian("a", "p2")],
                parts=[part("a", "inc2", ["p1"]), part("a", "inc3", ["p2"])])
    b = account("b", groups=[civilians("b")], parts=[part("b", "inc2", ["g1"])])
    ids = resolve(a, b)
    assert len({ids.nodes[("a", "inc2")], ids.nodes[("a", "inc3")], ids.nodes[("b", "inc2")]}) == 3


@pytest.mark.parametrize("b_part, why", [
    (dict(date="1997-08-10"), "dates differ: 1997-08-10 / 1997-08-09"),
    (dict(place="pl1"), "places differ"),
    (dict(victims=["p1"]), "victims differ: staff / civilians"),
])
def test_a_stated_clash_keeps_two_parts_of_one_escape_apart_and_is_recorded(b_part, why):
    a = account("a", persons=[civilian("a", "p1")], places=gorny("a", key="pl5", parent="pl6"),
                parts=[part("a", "inc2", ["p1"], place="pl5")])
    b = account("b", persons=[person("b", "p1", "Серик", "Омаров", ranks=["капитан"])], groups=[civilians("b")],
                places=gorny("b", district="Тайыншинский район"),
                parts=[part("b", "inc2", b_part.pop("victims", ["g1"]), **b_part)])
    ids = resolve(a, b)
    assert ids.nodes[("a", "inc1")] == ids.nodes[("b", "inc1")]
    assert ids.nodes[("a", "inc2")] != ids.nodes[("b", "inc2")]
    apart = [d for d in ids.decisions if d.outcome == KEPT_APART and d.kind == "incident"]
    assert len(apart) == 1 and apart[0].reason.startswith(why)


def test_parts_of_escapes_on_different_days_stay_apart():
    a = account("a", persons=[civilian("a", "p1")], parts=[part("a", "inc2", ["p1"])])
    b = account("b", groups=[civilians("b")], date="1997-08-10", parts=[part("b", "inc2", ["g1"])])
    ids = resolve(a, b)
    assert ids.nodes[("a", "inc1")] != ids.nodes[("b", "inc1")]
    assert ids.nodes[("a", "inc2")] != ids.nodes[("b", "inc2")]


def test_namesakes_with_different_patronymics_are_kept_apart_and_the_clash_is_recorded():
    a = doc("a", persons=[person("a", "p1", "Иван", "Петров", "Сергеевич")])
    b = doc("b", persons=[person("b", "p1", "Иван", "Петров", "Олегович")])
    c = doc("c", persons=[person("c", "p1", "Иван", "Петров")])
    ids = resolve(a, b, c)
    assert ids.nodes[("a", "p1")] != ids.nodes[("b", "p1")]
    # without a patronymic, c could be either of them: it stays apart from both
    assert ids.nodes[("c", "p1")] not in (ids.nodes[("a", "p1")], ids.nodes[("b", "p1")])
    # with one Иван Петров about, nothing clashes and they merge
    assert resolve(a, c).nodes[("c", "p1")] == resolve(a, c).nodes[("a", "p1")]
    apart = [d for d in ids.decisions if d.outcome == KEPT_APART]
    assert apart and "patronymics differ" in apart[0].reason
    # both IRIs stay readable; the second namesake gets a short hash
    assert str(ids.nodes[("a", "p1")]).endswith("/person/ivan-petrov")
    assert str(ids.nodes[("b", "p1")]).startswith("https://w3id.org/kgbuild/id/person/ivan-petrov-")


@pytest.mark.parametrize("ranks_a, ranks_b, merged", [
    (["капитан внутренней службы"], ["капитан"], True),
    (["капитан"], ["майор"], False),
    ([], ["майор"], True),
])
def test_rank_helps_or_prevents_a_merge(ranks_a, ranks_b, merged):
    ids = resolve(doc("a", persons=[person("a", "p1", "Серик", "Омаров", ranks=ranks_a)]),
                  doc("b", persons=[person("b", "p1", "Серик", "Омаров", ranks=ranks_b)]))
    assert (ids.nodes[("a", "p1")] == ids.nodes[("b", "p1")]) is merged


def test_a_lone_surname_joins_the_one_person_of_that_name_but_not_when_two_could_be_meant():
    full = doc("a", persons=[person("a", "p1", "Серик", "Омаров")])
    lone = doc("b", persons=[person("b", "p1", None, "Омаров")])
    assert resolve(full, lone).nodes[("b", "p1")] == resolve(full, lone).nodes[("a", "p1")]
    other = doc("c", persons=[person("c", "p1", "Ерлан", "Омаров")])
    ids = resolve(full, lone, other)
    assert ids.nodes[("b", "p1")] not in (ids.nodes[("a", "p1")], ids.nodes[("c", "p1")])


def test_anonymous_people_never_merge_across_documents():
    a = doc("a", persons=[person("a", "p1", None, None, anonymous=True, description="трёхлетняя дочь")])
    b = doc("b", persons=[person("b", "p1", None, None, anonymous=True, description="трёхлетняя дочь")])
    ids = resolve(a, b)
    assert ids.nodes[("a", "p1")] != ids.nodes[("b", "p1")]
    assert not ids.decisions


def test_two_persons_of_one_document_stay_two_even_with_one_name():
    a = doc("a", persons=[person("a", "p1", "Иван", "Петров"), person("a", "p2", "Иван", "Петров")])
    ids = resolve(a)
    assert ids.nodes[("a", "p1")] != ids.nodes[("a", "p2")]


@pytest.mark.parametrize("a, b, merged", [
    (Institution("i1", "МВД"), Institution("i1", "Министерство внутренних дел"), True),
    (Institution("i1", "колония", code="ЕС-164/4"), Institution("i1", "колония", code="ЕС-164/3"), False),
    (Institution("i1", "ЕС-164/4", code="ЕС-164/4"), Institution("i1", "учреждение ЕС 164/4", code="ес-164/4"), True),
    (Institution("i1", "Жаман-сопка", abbreviation="ЖС"), Institution("i1", "ЖС"), True),
])
def test_institutions_meet_on_code_name_or_known_abbreviation(a, b, merged):
    ids = resolve(doc("a", institutions=[a]), doc("b", institutions=[b]))
    assert (ids.nodes[("a", "i1")] == ids.nodes[("b", "i1")]) is merged


def test_places_of_one_name_in_different_districts_are_two_places():
    a = doc("a", places=gorny("a"))
    b = doc("b", places=gorny("b", district="Тайыншинский район"))
    c = doc("c", places=[Place("pl1", "Горный", place_type="река")])
    ids = resolve(a, b, c)
    assert len({ids.nodes[(d, "pl1")] for d in "abc"}) == 3


def test_a_commemorative_day_is_known_by_its_day_and_name():
    def day(doc_id, label, when):
        return doc(doc_id, commemorations=[Commemoration(key="c1", type="CommemorativeDay", label=label,
                                                         day_of_year=when, evidence=[ev(doc_id, label)])])
    name = "День работников уголовно-исполнительной системы"
    ids = resolve(day("a", name, "--12-13"), day("b", name, "--12-13"), day("c", name, "--12-14"))
    assert ids.nodes[("a", "c1")] == ids.nodes[("b", "c1")] != ids.nodes[("c", "c1")]


def test_the_same_input_gives_the_same_iris_and_a_base_iri_moves_them_all():
    def corpus():
        return [doc("b", persons=[person("b", "p1", "Серик", "Омаров")], institutions=[colony("b")]),
                doc("a", persons=[person("a", "p1", "Серик", "Омаров")], institutions=[colony("a")],
                    incidents=[escape("a")])]
    first, second = resolve(*corpus()), resolve(*reversed(corpus()))
    assert first.nodes == second.nodes
    moved = Resolver(IRIs("https://example.org/kg/")).resolve(corpus())
    assert all(str(iri).startswith("https://example.org/kg/") for iri in moved.nodes.values())
    assert moved.nodes[("a", "p1")] == URIRef("https://example.org/kg/person/serik-omarov")


# -- end to end ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def two_accounts(seed_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("accounts") / "kg.trig"
    build([seed_path, SECOND], out)
    return out, load_dataset(out)


def _nodes_in(dataset, graph_suffix, cls, label):
    graph = next(g for g in dataset.graphs() if str(g.identifier).endswith(graph_suffix))
    return {s for s in graph.subjects(RDFS.label, Literal(label, lang="ru")) if (s, None, cls) in graph}


@pytest.mark.parametrize("cls, label", [(KGB.Institution, "ЕС-164/4"), (KGB.Place, "Горный")])
def test_seed_and_second_account_name_the_colony_and_the_settlement_alike(two_accounts, cls, label):
    _, dataset = two_accounts
    in_seed = _nodes_in(dataset, "/source/zhaman-sopka-escape", cls, label)
    in_second = _nodes_in(dataset, "/source/second-account", cls, label)
    assert len(in_seed) == 1 and in_seed == in_second


def test_seed_and_second_account_share_the_escape_of_9_august_1997(two_accounts):
    _, dataset = two_accounts
    rows = select(dataset, """
        SELECT ?e (COUNT(DISTINCT ?g) AS ?sources) WHERE {
          GRAPH ?g { ?e a kgb:Escape ; kgb:date "1997-08-09"^^xsd:date } } GROUP BY ?e""").rows
    if not rows:
        pytest.xfail("the extractor does not find escapes yet (the events stage comes from another branch)")
    assert len(rows) == 1 and rows[0][1] == "2"


def test_explain_says_why_omarov_of_both_accounts_is_one_person(two_accounts):
    out, _ = two_accounts
    result = CliRunner().invoke(main, ["explain", str(out), "person/serik-omarov"])
    assert result.exit_code == 0, result.output
    assert "merged" in result.output and "same normalised name «серик омаров»" in result.output
    assert "in zhaman-sopka-escape" in result.output and "in second-account" in result.output
    assert "«Серика Омарова» at" in result.output  # each side's evidence, with its offsets


def test_explain_of_an_unknown_node_is_one_line_and_exit_code_2(two_accounts):
    out, _ = two_accounts
    result = CliRunner().invoke(main, ["explain", str(out), "person/nobody-here"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "no such node" in result.output


def test_the_identity_decisions_are_stored_beside_the_sources(two_accounts):
    _, dataset = two_accounts
    rows = select(dataset, """
        PREFIX meta: <https://w3id.org/kgbuild/meta#>
        SELECT ?iri ?outcome WHERE { GRAPH ?g { ?d meta:resolvedTo ?iri ; meta:outcome ?outcome } }""").rows
    assert [str(r[0]).rsplit("/", 1)[-1] for r in rows if r[0].endswith("serik-omarov")] == ["serik-omarov"]
    assert {r[1] for r in rows} == {MERGED}


def test_seed_and_second_account_keep_both_founding_dates_and_both_victim_counts(two_accounts):
    _, dataset = two_accounts
    table = select(dataset, CONFLICTS)
    rows = [dict(zip(table.columns, row)) for row in table.rows]
    claims = {(r["property"], r["source1"], r["value1"], r["source2"], r["value2"]) for r in rows}
    # second-account < zhaman-sopka-escape: the second account's claim comes first. These two are
    # everything the accounts disagree on: the guards' deaths, the shootout and the death in
    # hospital are told alike, and Омаров died in one merged part of the escape in both.
    assert claims == {("kgb:founded", "second-account", "1961", "zhaman-sopka-escape", "196X"),
                      ("kgr:victim", "second-account", "5", "zhaman-sopka-escape", "3")}
    founded = next(r for r in rows if r["property"] == "kgb:founded")
    assert founded["subjectLabel"] == "ЕС-164/4" and founded["quote2"] == "в начале 1960-х годов"
    victims = next(r for r in rows if r["property"] == "kgr:victim")
    assert victims["subjectLabel"] == "убийство"
    assert "убили пятерых мирных жителей" in victims["quote1"]
    assert "мужчину, женщину и их маленькую трёхлетнюю дочь" in victims["quote2"]


def test_every_part_of_the_escape_where_people_died_is_one_node_for_both_accounts(two_accounts):
    _, dataset = two_accounts
    rows = select(dataset, """
        SELECT ?part (COUNT(DISTINCT ?g) AS ?sources) WHERE {
          GRAPH ?g { ?part kgb:partOf ?escape ; kgb:participation/kgb:role ?role . ?escape a kgb:Escape
                     FILTER (?role IN (kgr:victim, kgr:casualty)) } } GROUP BY ?part""").rows
    # the guards, the civilians, the fugitive shot at the roadblock, the one who died in hospital
    assert sorted(str(r[1]) for r in rows) == ["2", "2", "2", "2"]
    died_in = select(dataset, """
        SELECT DISTINCT ?incident WHERE { ?p rdfs:label "Серик Омаров"@ru ; kgb:diedIn ?incident }""").rows
    assert len(died_in) == 1


def test_explain_says_why_the_two_killings_of_civilians_are_one(two_accounts):
    out, dataset = two_accounts
    killing = next(str(r[0]) for r in select(dataset, """
        SELECT ?k WHERE { ?k a kgb:Killing ; kgb:participation/kgb:agent/kgb:description "мирные жители" }""").rows)
    result = CliRunner().invoke(main, ["explain", str(out), killing.split("/id/", 1)[1]])
    assert result.exit_code == 0, result.output
    assert "merged" in result.output
    assert "with the same kind of victims «Killing, victims: civilians, part of incident/escape-" in result.output
    assert "in zhaman-sopka-escape" in result.output and "in second-account" in result.output


def test_an_institution_known_by_code_in_one_source_and_by_name_in_another_bridges_them():
    a = doc("a", institutions=[Institution("i1", "ЕС-164/4", code="ЕС-164/4")])
    b = doc("b", institutions=[Institution("i1", "колония Жаман-сопка")])
    c = doc("c", institutions=[Institution("i1", "колония Жаман-сопка", code="ЕС-164/4")])
    d = doc("d", institutions=[Institution("i1", "колония Жаман-сопка", code="ГМ-172/1")])
    ids = resolve(a, b, c, d)
    assert ids.nodes[("a", "i1")] == ids.nodes[("b", "i1")] == ids.nodes[("c", "i1")]
    assert ids.nodes[("d", "i1")] != ids.nodes[("a", "i1")]
    assert any(x.outcome == KEPT_APART and "codes differ" in x.reason for x in ids.decisions)


POOL = [
    doc("a", persons=[person("a", "p1", "Серик", "Омаров", ranks=["капитан"])], institutions=[colony("a")],
        places=gorny("a"), incidents=[escape("a")]),
    doc("b", persons=[person("b", "p1", None, "Омаров")], institutions=[colony("b", code="EC-164/4")]),
    doc("c", persons=[person("c", "p1", "Серик", "Омаров", ranks=["майор"])], places=gorny("c", district="Тайыншинский район")),
    doc("d", persons=[person("d", "p1", "Ерлан", "Омаров")], institutions=[colony("d", code=None, label="МВД")]),
    doc("e", institutions=[colony("e")], incidents=[escape("e")], places=gorny("e")),
    account("f", persons=[person("f", "p1", "Серик", "Омаров", ranks=["капитан"]), civilian("f", "p2")],
            parts=[part("f", "inc2", ["p1"]), part("f", "inc3", ["p2"])]),
    account("g", groups=[civilians("g")], parts=[part("g", "inc2", ["g1"]), part("g", "inc3", [], type_="Attack")]),
    account("h", persons=[civilian("h", "p1"), civilian("h", "p2")],
            parts=[part("h", "inc2", ["p1"]), part("h", "inc3", ["p2"])]),
]


@settings(max_examples=40, deadline=None)
@given(st.permutations(POOL))
def test_the_order_documents_are_read_in_changes_no_iri(order):
    first, second = Resolver(IRIs()).resolve(order), Resolver(IRIs()).resolve(POOL)
    assert first.nodes == second.nodes
    # the parts meet too: f's and g's killings of civilians, whatever the order
    assert first.nodes[("f", "inc3")] == first.nodes[("g", "inc2")] != first.nodes[("h", "inc2")]


def hospital(doc_id, key="pl5"):
    return Place(key=key, label="больница", place_type="объект", mentions=[ev(doc_id, "больнице", 700)])


def test_a_hospital_told_by_its_kind_alone_is_not_every_hospital():
    a = doc("a", places=[hospital("a")])
    b = doc("b", places=[hospital("b")])
    ids = resolve(a, b)
    assert ids.nodes[("a", "pl5")] != ids.nodes[("b", "pl5")]


def test_the_hospital_of_one_merged_incident_is_one_hospital():
    def account(doc_id):
        death = escape(doc_id, key="inc2", type_="Death", institution=None, place="pl5")
        death.part_of = "inc1"
        return doc(doc_id, institutions=[colony(doc_id)], places=[hospital(doc_id)],
                   incidents=[escape(doc_id), death])
    ids = resolve(account("a"), account("b"), doc("c", places=[hospital("c")]))
    assert ids.nodes[("a", "inc2")] == ids.nodes[("b", "inc2")]
    assert ids.nodes[("a", "pl5")] == ids.nodes[("b", "pl5")] != ids.nodes[("c", "pl5")]
    assert any(d.outcome == MERGED and "of one merged incident" in d.reason for d in ids.decisions)


def test_two_happenings_of_no_specific_kind_on_one_day_in_one_place_stay_two():
    def happening(doc_id, label):
        return doc(doc_id, places=gorny(doc_id), incidents=[Incident(
            key="inc1", type="Incident", label=label, place="pl1",
            date=DateValue(edtf="2001-05-09", value="2001-05-09"), evidence=[ev(doc_id, label, 300)])])
    ids = resolve(happening("a", "концерт"), happening("b", "переезд"), happening("c", "концерт"))
    assert ids.nodes[("a", "inc1")] == ids.nodes[("c", "inc1")] != ids.nodes[("b", "inc1")]


# -- scale: an archive where thousands of documents share a surname ------------------------------
NAMESAKES = ["Ерлан", "Марат", "Асхат", "Нурлан", "Тимур", "Канат", "Руслан", "Айдар"]


def omarovs(count: int, rank: str = "майор") -> list[DocumentFacts]:
    """`count` documents, each about another Омаров of another rank than the captain's."""
    return [doc(f"z{n:04d}", persons=[person(f"z{n:04d}", "p1", NAMESAKES[n % len(NAMESAKES)], "Омаров",
                                             patronymic=f"{NAMESAKES[n // len(NAMESAKES) % 8]}ович",
                                             ranks=[rank])])
            for n in range(count)]


def test_a_namesake_in_an_archive_of_omarovs_resolves_as_among_a_few():
    a = doc("a", persons=[person("a", "p1", "Серик", "Омаров", ranks=["капитан"])])
    b = doc("b", persons=[person("b", "p1", "Серик", "Омаров", "Болатович")])
    few, many = resolve(a, b, *omarovs(3)), resolve(a, b, *omarovs(600))
    assert few.nodes[("a", "p1")] == few.nodes[("b", "p1")]
    assert many.nodes[("a", "p1")] == many.nodes[("b", "p1")] == few.nodes[("a", "p1")]
    assert ([d for d in many.decisions if d.iri == many.nodes[("a", "p1")]]
            == [d for d in few.decisions if d.iri == few.nodes[("a", "p1")]])


def test_a_lone_surname_among_hundreds_of_omarovs_joins_the_only_one_it_can_be():
    # "капитан Омаров": of 600 Омаровs only Серик is a captain; the majors cannot be meant
    captain = doc("a", persons=[person("a", "p1", "Серик", "Омаров", ranks=["капитан"])])
    lone = doc("b", persons=[person("b", "p1", None, "Омаров", ranks=["капитан внутренней службы"])])
    ids = resolve(captain, lone, *omarovs(600))
    assert ids.nodes[("b", "p1")] == ids.nodes[("a", "p1")]
    # a second captain Омаров makes it ambiguous: the lone surname stays alone
    other = doc("c", persons=[person("c", "p1", "Ерлан", "Омаров", ranks=["капитан"])])
    ids = resolve(captain, lone, other, *omarovs(600))
    assert ids.nodes[("b", "p1")] not in (ids.nodes[("a", "p1")], ids.nodes[("c", "p1")])
    # and with no rank to go by, any of them could be meant
    bare = doc("b", persons=[person("b", "p1", None, "Омаров")])
    ids = resolve(captain, bare, *omarovs(600))
    assert ids.nodes[("b", "p1")] != ids.nodes[("a", "p1")]


def _every_candidate_cluster(items, compatible, ambiguous_stays_alone, weak=None):
    """The clustering as it was before candidates were indexed: every cluster that shares any
    key with an item is compared with it. The indexed one must decide exactly as this does."""
    from kgbuild import identity as ident

    clusters, index, apart = [], {}, []
    for item in sorted(items, key=lambda i: (i.rank, i.doc_id, ident._natural(i.entity.key))):
        candidates = list(dict.fromkeys(c for key in item.keys for c in index.get(key, ())))
        fitting, clashes = [], []
        for cluster in candidates:
            if item.doc_id in cluster.docs:
                continue
            why = compatible(item.attrs, cluster.attrs)
            (clashes if why else fitting).append((cluster, why))
        if ambiguous_stays_alone and len(fitting) > 1:
            fitting = []
        if fitting:
            target = fitting[0][0]
            target.reasons.append(ident._reason(item, target))
            target.items.append(item)
            target.docs.add(item.doc_id)
            ident._absorb(target.attrs, item.attrs)
            for other, _ in fitting[1:]:
                if compatible(other.attrs, target.attrs) is None and not (other.docs & target.docs):
                    target.items.extend(other.items)
                    target.docs |= other.docs
                    target.reasons.extend(other.reasons)
                    target.keys.update(other.keys)
                    ident._absorb(target.attrs, other.attrs)
                    clusters.remove(other)
                    for bucket in index.values():
                        if other in bucket:
                            bucket.remove(other)
                            if target not in bucket:
                                bucket.append(target)
        else:
            target = ident._Cluster(items=[item], attrs=dict(item.attrs))
            clusters.append(target)
        for key in item.keys:
            bucket = index.setdefault(key, [])
            if target not in bucket:
                bucket.append(target)
        target.keys.update(item.keys)
        for cluster, why in clashes:
            if cluster is not target and any(k[0] != "surname" for k in set(item.keys) & cluster.keys):
                apart.append((target, cluster, why, item))
    return clusters, apart


_names = st.sampled_from(["Серик", "Ерлан", None])
_a_person = st.tuples(_names, st.sampled_from(["Омаров", "Петров", None]), st.sampled_from([None, "Болатович", "Иванович"]),
                      st.sampled_from([(), ("капитан",), ("майор полиции",), ("капитан юстиции", "майор")]),
                      st.sampled_from([None, "male", "female"]))
_an_institution = st.tuples(st.sampled_from([None, "ЕС-164/4", "EC-164/4", "ЕС-164/3"]),
                            st.sampled_from(["колония", "МВД", "Министерство внутренних дел", "УИС"]),
                            st.sampled_from([None, "ЖС", "МВД"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(_a_person, max_size=3), st.lists(_an_institution, max_size=2)),
                min_size=1, max_size=12))
def test_looking_up_candidates_decides_as_comparing_with_every_candidate_did(documents):
    import kgbuild.identity as ident

    corpus = []
    for n, (persons, institutions) in enumerate(documents):
        d = f"d{n:02d}"
        people = []
        for k, (given_name, family, patronymic, ranks, gender) in enumerate(persons, 1):
            if given_name is None and family is None:
                continue
            p = person(d, f"p{k}", given_name, family, patronymic, ranks)
            p.gender = gender
            people.append(p)
        bodies = [Institution(f"i{k}", label, code=code, abbreviation=abbr, mentions=[ev(d, label, 50)])
                  for k, (code, label, abbr) in enumerate(institutions, 1)]
        corpus.append(doc(d, persons=people, institutions=bodies))
    indexed = Resolver(IRIs()).resolve(corpus)
    original, ident._cluster = ident._cluster, _every_candidate_cluster
    try:
        expected = Resolver(IRIs()).resolve(corpus)
    finally:
        ident._cluster = original
    assert indexed.nodes == expected.nodes
    assert indexed.decisions == expected.decisions


def test_a_mention_that_names_two_institutions_joins_them_and_later_mentions_follow():
    def body(d, code, label, abbreviation=None):
        return doc(d, institutions=[Institution("i1", label, code=code, abbreviation=abbreviation,
                                                mentions=[ev(d, label, 50)])])

    ids = resolve(body("a", "ЕС-164/4", "колония"), body("b", None, "УИС"),
                  body("c", None, "колония", abbreviation="УИС"), body("d", None, "УИС"))
    # c calls the colony (a) by the name b uses: one institution, which d's "УИС" then joins
    assert len({ids.nodes[(d, "i1")] for d in "abcd"}) == 1
    merged = [d for d in ids.decisions if d.outcome == MERGED]
    assert len(merged) == 1 and [m.doc_id for m in merged[0].members] == list("acbd")


def test_an_archive_of_namesakes_records_a_few_kept_apart_decisions_per_person_not_every_pair():
    patronymics = ["Сергеевич", "Олегович", "Петрович", "Ильич", "Романович", "Юрьевич", "Денисович", "Глебович"]
    docs = [doc(f"d{n}", persons=[person(f"d{n}", "p1", "Иван", "Петров", p)]) for n, p in enumerate(patronymics)]
    ids = resolve(*docs)
    assert len({ids.nodes[(f"d{n}", "p1")] for n in range(len(patronymics))}) == len(patronymics)
    apart = [d for d in ids.decisions if d.outcome == KEPT_APART]
    named = Counter(iri for d in apart for iri in (d.iri, d.other))
    assert apart and all("patronymics differ" in d.reason for d in apart)
    assert max(named.values()) <= MAX_APART  # 28 pairs, but each person explained at most 3 times
    assert len({(d.iri, d.other) for d in apart} & {(d.other, d.iri) for d in apart}) == 0  # once per pair

"""Happenings with a class of their own since ontology 0.3.0: a historian asks for all
kidnappings, marriages or expulsions by class, and still reads the kind within a class from
the label ("вступление" or "переход"). Sentences of our own, each read, mapped to RDF,
queried with SPARQL and validated with the project's shapes."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kgbuild import model
from kgbuild.extract import extract, triggers
from kgbuild.iris import IRIs
from kgbuild.mapping import Mapper
from kgbuild.model import Document
from kgbuild.namespaces import CRM, KGB, SCHEMA, sparql_prologue
from kgbuild.resources import ontology_dir
from kgbuild.validate import validate

NEW_CLASSES = ("Kidnapping", "Marriage", "CriminalCase", "Charge", "Disappearance", "Hospitalization", "Joining",
               "Leaving", "Acquisition", "Surrender", "Uprising", "Proclamation", "Deprivation")


def graph_of(text: str, doc_id: str = "t") -> Graph:
    """The named graph kgbuild writes for one short article."""
    return Mapper(IRIs()).map(extract(Document(id=doc_id, text=text)))


def select(graph: Graph, query: str) -> set[tuple[str, ...]]:
    return {tuple(str(v) for v in row) for row in graph.query(sparql_prologue() + query)}


# sentence, class, label, (role, participant label) pairs that must be there
CASES = [
    ("В апреле 2003 года неизвестные похитили предпринимателя Виктора Лаптева в Назрани.",
     "Kidnapping", "похищение", {("victim", "Виктор Лаптев")}),
    ("Похищение банкира Семёна Гольца произошло в Махачкале.", "Kidnapping", "похищение", set()),
    ("В 1998 году актёр Глеб Панкратов женился на певице Марине Соловьёвой.",
     "Marriage", "брак", {("actor", "Глеб Панкратов"), ("actor", "Марина Соловьёва")}),
    ("Прокуратура возбудила уголовное дело против чиновника Аркадия Зимина.",
     "CriminalCase", "возбуждение уголовного дела", {("participant", "Аркадий Зимин")}),
    ("Следователи предъявили обвинение бизнесмену Роману Шилову.",
     "Charge", "предъявление обвинения", {("participant", "Роман Шилов")}),
    ("Альпинист Денис Уваров пропал без вести.", "Disappearance", "исчезновение",
     {("participant", "Денис Уваров")}),
    ("Писатель Лев Гранин был госпитализирован в Самаре.", "Hospitalization", "госпитализация",
     {("participant", "Лев Гранин")}),
    ("В 1952 году инженер Фёдор Ломов вступил в партию.", "Joining", "вступление", {("actor", "Фёдор Ломов")}),
    ("В августе 2019 года защитник Ильдар Салимов перешёл в «Спартак».", "Joining", "переход",
     {("actor", "Ильдар Салимов")}),
    ("Депутат Олег Кравцов вышел из фракции.", "Leaving", "выход", {("actor", "Олег Кравцов")}),
    ("Совет исключил Петра Грача из партии.", "Leaving", "исключение", {("participant", "Пётр Грач")}),
    ("Предприниматель Борис Ладыгин купил особняк в Сочи.", "Acquisition", "покупка", {("actor", "Борис Ладыгин")}),
    ("Разыскиваемый Максим Дронов сдался полиции.", "Surrender", "сдача", {("participant", "Максим Дронов")}),
    ("В 1921 году в Кронштадте вспыхнуло восстание.", "Uprising", "восстание", set()),
    ("Верховный совет провозгласил независимость республики в 1990 году.",
     "Proclamation", "провозглашение независимости", set()),
    ("Суд лишил врача Анну Ветрову лицензии.", "Deprivation", "лишение прав", {("participant", "Анна Ветрова")}),
    ("Патриарх лишил дьякона Илью Щукина сана.", "Deprivation", "лишение звания", {("participant", "Илья Щукин")}),
]


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    return {text: graph_of(text, f"s{i}") for i, (text, *_rest) in enumerate(CASES)}


@pytest.mark.parametrize("text, kind, label, parts", CASES, ids=[c[0][:40] for c in CASES])
def test_the_happening_is_found_by_its_class(graphs, text, kind, label, parts):
    graph = graphs[text]
    found = select(graph, f"SELECT ?label WHERE {{ ?x a kgb:{kind} , kgb:Incident ; rdfs:label ?label }}")
    assert found == {(label,)}, sorted(select(graph, "SELECT ?t ?l WHERE { ?x a ?t ; rdfs:label ?l }"))
    roles = select(graph, f"""SELECT ?role ?who WHERE {{
        ?x a kgb:{kind} ; kgb:participation [ kgb:role ?r ; kgb:agent [ rdfs:label ?who ] ] .
        BIND (STRAFTER(STR(?r), "#") AS ?role) }}""")
    assert parts <= roles, sorted(roles)


@pytest.mark.parametrize("text", [c[0] for c in CASES], ids=[c[0][:40] for c in CASES])
def test_the_graph_conforms_and_no_incident_lacks_a_specific_class(graphs, text):
    report = validate(graphs[text])
    assert report.conforms, [(r.shape, r.message_en) for r in report.violations]
    assert not [r for r in report.warnings if r.shape == "IncidentTypeShape"], "a bare kgb:Incident is left"


def test_pyshacl_agrees_that_the_classed_happenings_conform(graphs):
    whole = Graph()
    for graph in list(graphs.values())[:6]:
        whole += graph
    report = validate(whole, engine="pyshacl")
    assert report.conforms, [(r.shape, r.message_en) for r in report.violations]
    assert not [r for r in report.warnings if r.shape == "IncidentTypeShape"]


def test_a_historian_counts_kidnappings_across_accounts_by_class():
    graph = graph_of("Боевики похитили инженера Юрия Сазонова. Через год был похищен врач Олег Мирон.", "a")
    graph += graph_of("Группа вооружённых людей похитила журналиста Аслана Бекова.", "b")
    victims = select(graph, """SELECT ?who WHERE { ?x a kgb:Kidnapping ;
        kgb:participation [ kgb:role kgr:victim ; kgb:agent [ rdfs:label ?who ] ] }""")
    assert victims == {("Юрий Сазонов",), ("Олег Мирон",), ("Аслан Беков",)}


NOT_OF_THE_CLASS = [
    ("Грабитель похитил у туриста сумку.", "Kidnapping"),  # a thing stolen, not a person
    ("Мы перешли через мост и вышли к реке.", "Joining"),
    ("Мы вышли из автобуса на площади.", "Leaving"),
    ("Она купила хлеб в магазине.", "Acquisition"),
    ("Учитель обвинил ученика в лени.", "Charge"),  # a reproach, not a charge
    ("Вода попала в подвал.", "Hospitalization"),
]


@pytest.mark.parametrize("text, kind", NOT_OF_THE_CLASS, ids=[c[0][:40] for c in NOT_OF_THE_CLASS])
def test_everyday_senses_are_no_such_happening(text, kind):
    assert not select(graph_of(text), f"SELECT ?x WHERE {{ ?x a kgb:{kind} }}")


def test_a_happening_of_no_class_of_its_own_stays_a_labelled_incident():
    graph = graph_of("Оркестр дал концерт в Казани.")
    types = select(graph, "SELECT ?t WHERE { ?x rdfs:label \"концерт\"@ru ; a ?t }")
    assert types == {(str(KGB.Incident),)}


# -- the vocabulary: every incident type the extractor writes is declared and wired -------------

@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kgbuild.ttl")


@pytest.fixture(scope="module")
def alignments() -> Graph:
    return Graph().parse(ontology_dir() / "alignments.ttl")


@pytest.mark.parametrize("kind", [t for t in model.INCIDENT_TYPES if t != "Incident"])
def test_the_ontology_declares_every_incident_type_with_labels_and_definitions(ontology, kind):
    term = KGB[kind]
    assert (term, RDF.type, OWL.Class) in ontology
    assert (term, RDFS.subClassOf, KGB.Incident) in ontology
    for prop in (RDFS.label, RDFS.comment):
        assert {o.language for o in ontology.objects(term, prop)} >= {"ru", "en"}, (kind, prop)


def test_the_model_knows_exactly_the_incident_subclasses_of_the_ontology(ontology):
    declared = {str(s).split("#")[1] for s in ontology.subjects(RDFS.subClassOf, KGB.Incident)}
    assert declared == set(model.INCIDENT_TYPES) - {"Incident"}
    assert set(NEW_CLASSES) <= declared


def test_every_type_the_triggers_write_is_an_incident_type():
    written = set(triggers.VERBS.values()) | set(triggers.NOUNS.values()) | set(triggers.CLASSES.values()) | \
        {f.type for f in triggers.VERB_FAMILIES + triggers.NOUN_FAMILIES}
    assert written <= set(model.INCIDENT_TYPES), sorted(written - set(model.INCIDENT_TYPES))


def test_a_family_with_a_classed_label_writes_that_class():
    for family in triggers.VERB_FAMILIES + triggers.NOUN_FAMILIES:
        if family.label in triggers.CLASSES:
            assert family.type == triggers.CLASSES[family.label], family
        else:
            assert family.type != "Incident" or family.label, family


@pytest.mark.parametrize("label, kind", sorted(triggers.CLASSES.items()))
def test_a_classed_happening_keeps_the_roles_its_label_had(label, kind):
    # who plays which part did not change when the happening got its class
    assert triggers.ROLES[kind] == triggers.GENERIC_ROLES[label]
    assert kind in triggers.HAPPENINGS


def test_joining_leaving_and_purchases_align_to_cidoc_crm(alignments):
    assert (KGB.Joining, RDFS.subClassOf, CRM.E85_Joining) in alignments
    assert (KGB.Leaving, SKOS.closeMatch, CRM.E86_Leaving) in alignments
    assert (KGB.Acquisition, SKOS.closeMatch, CRM.E8_Acquisition) in alignments
    assert (KGB.Acquisition, SKOS.closeMatch, SCHEMA.BuyAction) in alignments
    activities = {s for s in alignments.subjects(RDFS.subClassOf, CRM.E7_Activity)}
    for kind in ("Kidnapping", "Marriage", "CriminalCase", "Charge", "Hospitalization", "Leaving", "Acquisition",
                 "Surrender", "Uprising", "Proclamation", "Deprivation"):
        assert KGB[kind] in activities, kind
    # one may go missing with no one doing anything: a plain event
    assert not list(alignments.objects(KGB.Disappearance, RDFS.subClassOf))


def test_the_namespace_knows_the_new_classes():
    for kind in NEW_CLASSES:
        assert isinstance(getattr(KGB, kind), URIRef)

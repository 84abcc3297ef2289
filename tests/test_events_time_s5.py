"""When an incident happened, when the article says it only relative to a day it does not give:
"в среду", "вчера", "в прошлом году". The incident keeps the date as the article words it (no
value, an EDTF of unspecified digits), resolved once a publication date is known, and never
placed on a timeline as if it were dated. Sentences of our own."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Literal

from kgbuild.extract import extract
from kgbuild.iris import IRIs
from kgbuild.mapping import Mapper
from kgbuild.model import DateValue, Document
from kgbuild.namespaces import KGB, sparql_prologue
from kgbuild.relations import relationship_view
from kgbuild.resources import queries_dir
from kgbuild.validate import validate
from kgbuild.viz import timeline_data


def dated(text: str, published: str | None = None) -> dict[str, tuple[str | None, str | None, str | None]]:
    """The first word telling each incident -> (its date's phrase, EDTF, value)."""
    facts = extract(Document(id="t", text=text, published=published))
    return {inc.trigger.quote.split()[0]: (inc.date.phrase, inc.date.edtf, inc.date.value) if inc.date else None
            for inc in facts.incidents if inc.trigger is not None}


# -- a relative date with nothing to resolve it against ----------------------------------------

@pytest.mark.parametrize("text, word, phrase, edtf", [
    ("Во вторник в Твери полицейские задержали двух грабителей.", "задержали", "Во вторник", "XXXX-XX-XX"),
    ("Вчера на окраине Пскова сгорел деревянный склад.", "сгорел", "Вчера", "XXXX-XX-XX"),
    ("В прошлом году бывший мэр Липецка был арестован.", "арестован", "В прошлом году", "XXXX"),
    ("В июне прошлого года в Перми уволили директора рынка.", "уволили", "В июне прошлого года", "XXXX-06"),
])
def test_a_relative_date_stays_on_its_incident_as_the_article_words_it(text, word, phrase, edtf):
    assert dated(text)[word] == (phrase, edtf, None)


@pytest.mark.parametrize("text, word, value", [
    ("Вчера на окраине Пскова сгорел деревянный склад.", "сгорел", "2019-10-07"),
    ("В прошлом году бывший мэр Липецка был арестован.", "арестован", "2018"),
    ("В июне прошлого года в Перми уволили директора рынка.", "уволили", "2018-06"),
])
def test_a_publication_date_resolves_it(text, word, value):
    assert dated(text, published="2019-10-08")[word][2] == value


def test_a_weekday_stays_unresolved_even_with_a_publication_date():
    # the Wednesday before the article or the one after it: the text alone does not say
    assert dated("В среду под Калугой сгорел рейсовый автобус.", published="2019-10-08")["сгорел"] \
        == ("В среду", "XXXX-XX-XX", None)


def test_the_same_day_with_no_day_told_before_is_a_day_of_its_own():
    found = dated("Кассира ограбили у проходной завода. В тот же день грабителя задержали в соседнем дворе.")
    assert found["задержали"] == ("В тот же день", "XXXX-XX-XX", None)


def test_the_present_time_dates_nothing():
    facts = extract(Document(id="t", text="На сегодняшний день о переговорах с похитителями ничего не известно."))
    assert facts.dates == [] and facts.time_expressions == []


# -- what the date of a telling is not ---------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("В понедельник пресс-служба полиции сообщила о гибели рыбака на озере Селигер.", "гибели"),
    ("12 марта 2014 года следователи возбудили дело об убийстве фермера из Тулы.", "убийстве"),
    ("Вечером в четверг стало известно о нападении на инкассаторов в Саратове.", "нападении"),
])
def test_a_happening_told_about_does_not_take_the_date_of_the_telling(text, word):
    found = dated(text)
    assert found.get(word) is None


def test_the_telling_verb_keeps_its_date_when_it_is_the_happening():
    # the resignation is what is done in the writing; its own verb takes the day
    assert dated("В пятницу губернатор Орловской области подал в отставку.")["подал"][0] == "В пятницу"


# -- in the graph ------------------------------------------------------------------------------

TEXT = "Во вторник в Твери полицейские задержали двух грабителей."


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    facts = extract(Document(id="tver", text=TEXT))
    ds = Dataset()
    mapper = Mapper(IRIs())
    mapper.map(facts, into=ds.graph(mapper.source_iri("tver")))
    return ds


def test_the_graph_says_a_day_not_known_which_and_conforms(dataset):
    graph = dataset.graph(Mapper(IRIs()).source_iri("tver"))
    incidents = set(graph.subjects(KGB.dateEDTF, Literal("XXXX-XX-XX")))
    assert len(incidents) == 1
    incident = incidents.pop()
    assert graph.value(incident, KGB.date) is None
    quotes = [str(graph.value(ev, KGB.quote)) for ev in graph.objects(incident, KGB.evidence)]
    assert any("Во вторник" in q for q in quotes)  # the words the date is known by
    report = validate(graph)
    assert report.conforms, [(r.shape, r.message_en) for r in report.violations]


def test_a_date_known_only_by_its_words_reaches_no_timeline(dataset):
    query = (queries_dir() / "timeline.rq").read_text(encoding="utf-8")
    assert list(dataset.query(sparql_prologue() + query)) == []
    data = timeline_data(relationship_view(dataset), title="t")
    assert data["items"] == []
    assert [u["note"] for u in data["undated"]] == ["XXXX-XX-XX"]


def test_a_fact_stated_is_not_dated_by_the_stating():
    assert dated("В понедельник пресс-служба подтвердила факт гибели журналиста.").get("гибели") is None


@pytest.mark.parametrize("text, word", [
    ("Вчера сотни горожан вышли на площадь, чтобы посмотреть праздничный концерт.", "концерт"),
    ("Вчера власти объявили, что губернатор пропустит церемонию инаугурации.", "церемонию"),
])
def test_a_date_of_the_main_verb_does_not_reach_into_a_clause_of_its_own(text, word):
    assert dated(text).get(word) is None


def test_a_converbs_happening_takes_the_time_of_its_verb():
    found = dated("В 2011 году она прославилась, выступив на конкурсе молодых певцов в Казани.")
    assert found["конкурсе"][0] == "В 2011 году"


@pytest.mark.parametrize("text, word", [
    ("Во вторник губернатор прокомментировал нападение на журналиста.", "нападение"),
    ("В пятницу мэр Самары назвал убийство фермера местью.", "убийство"),
    ("Задержание активиста в среду вызвало волну протестов в Самаре.", "Задержание"),
])
def test_a_reaction_to_a_happening_does_not_date_it(text, word):
    assert dated(text).get(word) is None


@pytest.mark.parametrize("text, phrase, value", [
    ("Тело рыбака было найдено в субботу утром, 14 марта 2015 года, у берега.", "в субботу утром, 14 марта 2015 года",
     "2015-03-14"),
    ("Склад сгорел во вторник — 16 июня 2015 года.", "во вторник — 16 июня 2015 года", "2015-06-16"),
])
def test_a_day_word_before_its_calendar_date_is_dated_by_the_calendar_date(text, phrase, value):
    found = dated(text)
    assert [(p, v) for p, _, v in found.values()] == [(phrase, value)]


def test_a_happening_named_with_its_year_is_dated_by_it():
    found = dated("Во вторник стало известно, что сборная Перу сыграет на ЧМ-2018 в Саранске.")
    assert found["ЧМ-2018"] == ("2018", "2018", "2018")


def test_a_model_number_is_no_year():
    facts = extract(Document(id="t", text="Истребитель Mirage-2000 разбился в среду под Тулузой."))
    assert [d.phrase for d in facts.dates] == ["в среду"]


def test_a_date_on_a_noun_of_the_happenings_own_phrase_is_its_date():
    # "марафоне" is a happening of its own, but the attack's date is the marathon's
    found = dated("Его подозревают в теракте на Пермском марафоне 12 мая и в нападении на полицейского 14 мая.")
    assert found["теракте"][0] == "12 мая" and found["нападении"][0] == "14 мая"


def test_a_date_of_what_came_before_is_not_the_happenings():
    assert dated("Его обвиняют в убийстве после футбольного матча 5 мая.")["убийстве"] is None


@pytest.mark.parametrize("text, word, phrase, edtf", [
    ("Через две недели грабителя задержали в Туле.", "задержали", "Через две недели", "XXXX-XX-XX"),
    ("Неделю назад в Омске сгорел склад.", "сгорел", "Неделю назад", "XXXX-XX-XX"),
    ("Три года спустя бывшего мэра Липецка арестовали.", "арестовали", "Три года спустя", "XXXX"),
])
def test_a_time_some_way_from_another_dates_its_incident_by_its_words(text, word, phrase, edtf):
    assert dated(text)[word] == (phrase, edtf, None)


def test_a_date_known_only_by_its_words_does_not_keep_two_accounts_of_one_killing_apart():
    from test_identity import account, civilian, civilians, part, resolve

    a = account("a", persons=[civilian("a", "p1")], parts=[part("a", "inc2", ["p1"])])
    a.incidents[-1].date = DateValue(edtf="XXXX-XX-XX", value=None, phrase="в среду")
    b = account("b", groups=[civilians("b")], parts=[part("b", "inc2", ["g1"])])
    ids = resolve(a, b)
    assert ids.nodes[("a", "inc2")] == ids.nodes[("b", "inc2")]


@pytest.mark.parametrize("text, word", [
    ("С 2009 года Илья Сомов избирается в городскую думу Твери.", "избирается"),
    ("Команда впервые с 1998 года вышла в финал кубка.", "финал"),
])
def test_since_when_is_not_when(text, word):
    assert dated(text)[word] is None


def test_a_post_given_from_a_day_is_given_that_day():
    found = dated("С 3 марта 2015 года Олег Панин назначен директором Тверского музея.")
    assert found["назначен"][0] == "С 3 марта 2015 года"


def test_a_post_left_is_left_the_day_it_is_announced():
    assert dated("12 мая 2016 года губернатор Орловской области заявил об уходе с поста.")["уходе"][0] \
        == "12 мая 2016 года"


def test_a_post_asked_to_be_left_is_not_left_that_day():
    assert dated("В марте 2015 года Иван Петров написал заявление об увольнении.")["увольнении"] is None


# -- a time some exact way from a date told before ---------------------------------------------

@pytest.mark.parametrize("text, published, word, value", [
    ("Бунт в колонии начался 9 августа 1997 года. Через два дня осуждённые захватили заложников.", None,
     "захватили", "1997-08-11"),
    ("В 2010 году он окончил институт в Омске. Через два года его арестовали.", None, "арестовали", "2012"),
    ("Три года назад в Омске сгорел склад.", "2016-05-10", "сгорел", "2013"),
    ("Неделю назад в Омске сгорел склад.", "2016-05-10", "сгорел", "2016-05-03"),
])
def test_a_time_some_exact_way_from_a_known_date_takes_its_value(text, published, word, value):
    assert dated(text, published)[word][2] == value


@pytest.mark.parametrize("text, published", [
    ("Около года назад в Омске сгорел склад.", "2016-05-10"),  # about a year: no year to give
    ("В 2010 году он окончил институт в Омске. Через два дня его арестовали.", None),  # which day of 2010?
    ("Неделю назад в Омске сгорел склад.", None),  # no publication date
])
def test_a_rough_or_unanchored_way_gives_no_value(text, published):
    facts = extract(Document(id="t", text=text, published=published))
    assert all(d.value is None for d in facts.dates if "назад" in d.phrase or "через" in d.phrase.lower())


def test_a_date_on_a_word_of_another_branch_is_not_the_happenings():
    text = ("Причиной смерти журналиста стала болезнь сердца, сообщает агентство со ссылкой на "
            "источники в бюро экспертизы в пятницу.")
    assert dated(text).get("смерти") is None


def test_a_date_told_with_the_part_of_the_day_is_the_date_of_the_verb_of_that_morning():
    found = dated("С утра, 14 мая 2016 года, в квартире блогера Олега Пескова в Твери проходят обыски.")
    assert found["обыски"][2] == "2016-05-14"

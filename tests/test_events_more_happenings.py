"""Happenings a historian records besides crimes, on sentences of our own: concerts, moves,
hospitalisations, marriages, laws passed, suicides, executions; institutions that act; the
date nearest the word; later words for an incident already told; headlines the body never
retells. Negative cases list what must not be read."""

from __future__ import annotations

import pytest

from kgbuild.evaluation.events import predicted_relations
from kgbuild.extract import extract
from kgbuild.model import Document

from events_helpers import summary


def labelled(text: str) -> set[str]:
    """Incidents as "label.role=participant" and "label@place", besides the usual summary."""
    facts = extract(Document(id="t", text=text))
    name = {x.key: x.label or getattr(x, "description", None) for x in facts.persons + facts.places + facts.institutions}
    out = set(summary(text))
    for inc in facts.incidents:
        out.add(inc.label)
        for part in inc.participations:
            out.add(f"{inc.label}.{part.role}={name.get(part.agent)}")
        if inc.place:
            out.add(f"{inc.label}@{name[inc.place]}")
        if inc.date and inc.date.value:
            out.add(f"{inc.label}:{inc.date.value}")
    return out


CASES = [
    ("В октябре пианист Андрей Соколов выступит с концертом в Казани.",
     {"концерт", "концерт.actor=Андрей Соколов", "концерт@Казань"}),
    ("В 1982 году художница Анна Белова переехала в Ригу.",
     {"переезд.actor=Анна Белова", "переезд@Рига", "переезд:1982"}),
    ("Губернатор Олег Смирнов был госпитализирован в Твери.",
     {"госпитализация.participant=Олег Смирнов"}),
    ("В 2005 году Пётр Орлов женился на Ольге Зайцевой.",
     {"брак.actor=Пётр Орлов", "брак.actor=Ольга Зайцева", "брак:2005"}),
    ("Парламент Латвии принял закон о языке 12 мая 2011 года.",
     {"принятие закона", "принятие закона:2011-05-12"}),
    ("Писатель Игорь Волков покончил с собой.", {"смерть.actor=Игорь Волков", "смерть.casualty=Игорь Волков", "died:Игорь Волков"}),
    ("В 1794 году революционный трибунал казнил Жоржа Дантона.", {"Killing.victim=Жорж Дантон"}),
    ("Полиция задержала Семёна Ершова в Омске.",
     {"Detention.lawEnforcement=Полиция", "Detention.detainee=Семён Ершов"}),
    ("Верховный суд Латвии приговорил футболиста к двум годам колонии.",
     {"Sentencing.actor=Верховный суд Латвии", "Sentencing.recipient=футболист"}),
    ("Бывший министр Лев Котов вышел на свободу.", {"Release.recipient=Лев Котов"}),
    ("В среду у Петра Орлова и Анны Беловой родился сын.",
     {"Birth.participant=Пётр Орлов", "Birth.participant=Анна Белова"}),
    ("Ушёл из жизни известный композитор Лев Котов.", {"Death.casualty=Лев Котов", "died:Лев Котов"}),
]

NEGATIVE = [
    # a statement is not a happening; "с начала" is a time, a plain "выставки" of goods no one's
    ("Министр заявил, что закон нужен.", {"принятие закона", "Incident"}),
    ("Он перешёл на другую сторону улицы.", {"Incident", "переезд"}),
    ("Компания приняла решение о закрытии завода.", {"принятие закона"}),
    ("Пётр Орлов сочетал работу и учёбу.", {"брак"}),
    ("Выставки собак проходят каждую весну.", {"выставка"}),
    ("Лев Котов ушёл из дома утром.", {"Death", "died:Лев Котов"}),
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_yields_happening(sentence, expected):
    got = labelled(sentence)
    assert expected <= got, sorted(got)


@pytest.mark.parametrize("sentence,forbidden", NEGATIVE, ids=[c[0][:40] for c in NEGATIVE])
def test_sentence_yields_no_happening(sentence, forbidden):
    got = labelled(sentence)
    assert not forbidden & got, sorted(got)


def test_the_date_nearest_the_word_is_the_incidents():
    got = labelled("В 2010 году полковника задержали, а в 2013 году его приговорили к восьми годам.")
    assert {"задержание:2010", "приговор:2013"} <= got, sorted(got)


def test_a_later_word_for_a_told_death_is_kept_as_retold():
    text = ("Николай Быков скончался 3 марта 2019 года в Самаре. "
            "О смерти Николая Быкова сообщила его дочь.")
    facts = extract(Document(id="t", text=text))
    deaths = [i for i in facts.incidents if i.type == "Death"]
    assert len(deaths) == 1
    words = {text[w.start:w.end] for w in [deaths[0].trigger] + deaths[0].retold}
    assert words == {"скончался", "смерти"}
    # the first line's relations are formed from its own word
    assert ("POINT_IN_TIME", (14, 23), (24, 41)) in predicted_relations(facts)


def test_a_headline_the_body_never_retells_is_read():
    text = ("Суд в Риге приговорил Антона Гуляева к пяти годам\n\n"
            "Процесс длился два года. Защита намерена обжаловать решение.")
    got = labelled(text)
    assert {"Sentencing.recipient=Антон Гуляев"} <= got, sorted(got)


def awards(text: str) -> set[str]:
    facts = extract(Document(id="t", text=text))
    return {f"{text[r[1][0]:r[1][1]]} -> {text[r[2][0]:r[2][1]]}" for r in predicted_relations(facts)
            if r[0] == "AWARDED_WITH"}


@pytest.mark.parametrize("sentence,expected", [
    ("В Казани скончался народный артист России Сергей Гусев.", "Сергей Гусев -> народный артист России"),
    ("Герой Советского Союза Пётр Жуков родился в 1921 году.", "Пётр Жуков -> Герой Советского Союза"),
    ("Государственную премию присудили писателю Андрею Белову.", "Андрею Белову -> Государственную премию"),
])
def test_titles_and_awards_named_before_the_verb(sentence, expected):
    assert expected in awards(sentence)


@pytest.mark.parametrize("sentence", [
    "Народный театр показал новый спектакль.",
    "Герой романа Пётр Жуков живёт в Казани.",
])
def test_no_title_without_an_honour(sentence):
    assert not awards(sentence)


def test_places_of_a_noun_through_its_verb_and_participle():
    assert "Search@Льеж" in labelled("Полиция задержала троих после обысков, проведённых в Льеже.")
    assert "ArmedConflict@Иловайск" in labelled("Летом шли бои за Иловайск.")


def test_awards_in_a_life_story_go_to_the_person_it_tells_of_one_by_one():
    text = ("Юрий Бондаренко родился в 1923 году в Рязани. Добровольцем ушёл на фронт в 1942 году. "
            "Награждён орденом Красной Звезды и медалью «За отвагу».")
    assert awards(text) == {"Юрий Бондаренко -> орденом Красной Звезды",
                            "Юрий Бондаренко -> медалью «За отвагу»"}


def test_no_award_for_a_plural_passive_with_no_one_named():
    assert not awards("Иван Петров родился в 1950 году. Награждены были все участники экспедиции орденами.")


def test_the_person_an_institute_is_named_after_is_not_the_recipient():
    text = ("Олег Смирнов родился в 1930 году в Москве. Работал в Институте имени А. С. Пушкина. "
            "Награждён орденом Дружбы народов.")
    assert awards(text) == {"Олег Смирнов -> орденом Дружбы"}


def test_a_day_without_its_year_dates_the_incident_of_its_sentence():
    facts = extract(Document(id="t", text="Иван Петров женился на Марии Сидоровой 18 июня."))
    assert [(i.date.edtf, i.date.value) for i in facts.incidents] == [("XXXX-06-18", None)]
    text = "3 мая 2019 года в Омске открылся форум. 3 мая в Омске задержали Ивана Петрова."
    facts = extract(Document(id="t", text=text))
    detention = next(i for i in facts.incidents if i.type == "Detention")
    assert detention.date.value == "2019-05-03" and detention.date.evidence.start == text.index("3 мая в")


def test_a_weekday_alone_gives_no_calendar_date():
    facts = extract(Document(id="t", text="В четверг Ивана Петрова задержали в Омске."))
    # the day is kept as the article words it, with no value a timeline could place
    assert [(i.date.phrase, i.date.edtf, i.date.value) for i in facts.incidents] == [("В четверг", "XXXX-XX-XX", None)]


def test_a_date_that_hangs_on_another_incident_is_not_the_deaths():
    got = labelled("Участник боёв 1943 года ветеран Иван Петров умер в Омске.")
    assert "ArmedConflict:1943" in got and "Death:1943" not in got, sorted(got)

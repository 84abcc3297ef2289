"""When incidents happened, deaths' dates and awards in a life story: the date a reader of the
graph sees on an incident, the one it must not see, and the award a biography line gives its
person. Sentences of our own."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document


def dated(text: str, published: str | None = None) -> dict[str, tuple[str | None, str | None]]:
    """The first word telling each incident -> (its date's phrase, the date's EDTF)."""
    facts = extract(Document(id="t", text=text, published=published))
    return {inc.trigger.quote.split()[0]: (inc.date.phrase if inc.date else None, inc.date.edtf if inc.date else None)
            for inc in facts.incidents if inc.trigger is not None}


def awarded(text: str) -> set[tuple[str, str]]:
    facts = extract(Document(id="t", text=text))
    return {(facts.entity(p.agent).label or facts.entity(p.agent).description, c.award_evidence.quote)
            for c in facts.commemorations if c.type == "AwardConferral" for p in c.participations}


def dates(text: str, published: str | None = None) -> dict[str, str | None]:
    facts = extract(Document(id="t", text=text, published=published))
    return {d.phrase: d.edtf for d in facts.dates}


# -- dates of the text -----------------------------------------------------------------------

@pytest.mark.parametrize("text, phrase, edtf", [
    ("В июне рабочие перекрыли трассу.", "В июне", "XXXX-06"),
    ("Завод закрыли в конце марта.", "в конце марта", "XXXX-03"),
    ("Колонию расформировали в 1990-е годы.", "в 1990-е годы", "199X"),
    ("Мост взорвали в ночь на 5 мая 1944 года.", "на 5 мая 1944 года", "1944-05-05"),
    ("Тело нашли утром 9 апреля 2011 года.", "9 апреля 2011 года", "2011-04-09"),
])
def test_a_date_is_kept_as_precise_as_the_text_tells_it(text, phrase, edtf):
    assert dates(text)[phrase] == edtf


def test_a_month_without_a_year_takes_the_year_of_the_publication():
    assert dates("В июне рабочие перекрыли трассу.", published="2021-09-01")["В июне"] == "2021-06"


def test_the_same_year_is_the_year_of_the_date_told_before():
    found = dates("Поправку приняли 31 января 1865 года. В том же году её ратифицировали все штаты.")
    assert found["В том же году"] == "1865"


def test_the_next_day_is_the_day_after_the_date_told_before():
    found = dates("Пожар начался 3 мая 2011 года. На следующий день пожарные потушили его.")
    assert found["На следующий день"] == "2011-05-04"


def test_the_same_time_is_not_taken_from_another_paragraph():
    found = dates("Пожар начался 3 мая 2011 года.\n\nНа следующий день пожарные уехали.")
    assert found["На следующий день"] == "XXXX-XX-XX"  # a day, but not known which


def test_the_same_day_after_a_year_is_no_day():
    found = dates("В 1999 году он переехал в Омск. В тот же день его задержали.")
    assert found["В тот же день"] == "XXXX-XX-XX"  # a day of 1999, but which, the text does not say


# -- the date of an incident -----------------------------------------------------------------

def test_a_month_without_a_year_dates_its_incident():
    assert dated("В июне в Омске задержали двух мужчин.")["задержали"] == ("В июне", "XXXX-06")


def test_a_clause_with_its_own_date_keeps_it():
    found = dated("24 февраля 2008 года генерал ушёл в отставку, а 19 апреля 2011 года его арестовали.")
    assert found["ушёл"][0] == "24 февраля 2008 года"
    assert found["арестовали"][0] == "19 апреля 2011 года"


def test_the_time_of_telling_is_not_the_time_of_what_is_told():
    assert dated("В среду министр заявил, что полиция задержала подозреваемого.")["задержала"] == (None, None)


def test_a_noun_for_an_incident_takes_the_date_of_the_verb_it_is_the_subject_of():
    assert dated("Убийство произошло 14 февраля 2017 года в аэропорту.")["Убийство"][0] == "14 февраля 2017 года"


def test_a_yearless_date_on_the_word_wins_over_the_first_of_the_line():
    text = ("Губернатор, которому в мае исполнится 62 года, стал сенатором после того, как в середине "
            "апреля его коллега подал в отставку.")
    assert dated(text)["подал"] == ("в середине апреля", "XXXX-04")


def test_a_caption_incident_takes_the_date_of_its_caption():
    text = ("Олег Петров на выступлении в Берлине в 2009 году\n"
            "Клоун Олег Петров умер в Москве.")
    assert dated(text)["выступлении"] == ("в 2009 году", "2009")


def test_a_date_told_with_a_later_word_for_the_same_death_dates_it():
    text = ("Скончалась актриса Вера Соколова.\n\n"
            "Соколова умерла в ночь на среду, 3 февраля 2010 года, в больнице.")
    found = extract(Document(id="t", text=text))
    deaths = [i for i in found.incidents if i.type == "Death"]
    assert [i.date.value for i in deaths] == ["2010-02-03"]


def test_a_date_in_a_relative_clause_about_someone_else_is_not_the_incidents():
    text = "Карпов, которому в мае исполнится 62 года, стал сенатором после того, как Лунин ушёл в отставку."
    assert dated(text)["ушёл"] == (None, None)


# -- deaths ----------------------------------------------------------------------------------

def test_a_death_is_dated_by_the_day_it_is_told_with():
    facts = extract(Document(id="t", text="Писатель Юрий Орлов скончался 12 октября 2019 года в Москве."))
    person = next(p for p in facts.persons if p.label == "Юрий Орлов")
    assert person.died_on is not None and person.died_on.value == "2019-10-12"


def test_a_death_in_a_month_without_a_year_is_dated_by_that_month():
    facts = extract(Document(id="t", text="Писатель Юрий Орлов скончался в марте в Москве."))
    person = next(p for p in facts.persons if p.label == "Юрий Орлов")
    assert person.died_on is not None and person.died_on.edtf == "XXXX-03"


# -- awards in a life story ------------------------------------------------------------------

LIFE = "Юрий Орлов родился в 1931 году в Тамбове. В 1950 году поступил в Литературный институт. "


@pytest.mark.parametrize("line, award", [
    ("Член Союза художников СССР, имел орден Трудового Красного Знамени.", "орден Трудового Красного Знамени"),
    ("Член Союза художников СССР, лауреат Ленинской премии.", "Ленинской премии"),
    ("Лауреат Государственной премии СССР.", "Государственной премии СССР"),
    ("Получил орден Почёта.", "орден Почёта"),
    ("Член Союза художников СССР, Герой Социалистического Труда.", "Герой Социалистического Труда"),
])
def test_an_award_in_a_subjectless_line_of_a_life_story_is_its_persons(line, award):
    assert ("Юрий Орлов", award) in awarded(LIFE + line)


def test_an_award_line_that_names_another_person_is_that_persons():
    found = awarded(LIFE + "Его учитель Павел Смирнов был лауреатом Сталинской премии.")
    assert ("Юрий Орлов", "Сталинской премии") not in found


def test_a_received_award_in_a_life_story_is_not_given_to_a_woman_by_a_masculine_verb():
    found = awarded("Анна Орлова родилась в 1950 году в Омске. Получил орден Почёта.")
    assert not any(who == "Анна Орлова" for who, _ in found)


def test_a_hero_title_read_as_a_name_is_still_an_award():
    assert ("Иван Кожедуб", "Герой Советского Союза") in awarded("Герой Советского Союза Иван Кожедуб выступил перед курсантами.")


def test_an_honorary_title_is_an_award_of_the_person_it_is_told_of():
    found = awarded("Народный артист России Павел Смирнов дал концерт в Омске.")
    assert ("Павел Смирнов", "Народный артист России") in found


@pytest.mark.parametrize("text, holder, title", [
    ("9 июня народный артист России, пианист Андрей Белов дал концерт.", "Андрей Белов", "народный артист России"),
    ("Заслуженный врач России Анна Белова приняла пациентов.", "Анна Белова", "Заслуженный врач России"),
])
def test_an_honorary_title_names_its_holder_through_a_trade_and_as_a_participle(text, holder, title):
    assert (holder, title) in awarded(text)


def test_a_pronoun_that_became_a_laureate_is_the_person_of_the_story():
    found = awarded("Джон Миллер родился в Бостоне. Он дважды становился лауреатом литературной премии «Сатурн».")
    assert any(holder == "Джон Миллер" and "Сатурн" in award for holder, award in found), found


def test_a_laureate_yet_to_be_named_is_no_ones():
    assert awarded("Иван Орлов родился в 1950 году. Лауреат премии будет объявлен в мае.") == set()


def test_a_happening_before_the_dated_one_does_not_take_its_date():
    text = ("В пятницу, 14 марта 2008 года, активист Игорь Семёнов вышел из спецприёмника после 15 суток "
            "административного ареста за участие в пикете.")
    found = dated(text)
    assert found["ареста"] == (None, None)  # the arrest was before the dated release
    assert found.get("вышел", (None, None))[1] in (None, "2008-03-14")  # the release is the dated one


# -- parts of a whole ------------------------------------------------------------------------

def test_a_whole_told_again_by_a_later_word_still_holds_its_parts():
    text = ("В Твери прогремел взрыв у здания театра.\n\n"
            "В результате взрыва был ранен депутат Олег Жуков.")
    facts = extract(Document(id="t", text=text))
    explosion = next(i for i in facts.incidents if i.type == "Explosion")
    injury = next(i for i in facts.incidents if i.type == "Injury")
    assert injury.part_of == explosion.key


# -- life spans ------------------------------------------------------------------------------

def died_on(text: str) -> dict[str, str | None]:
    facts = extract(Document(id="t", text=text))
    return {p.label: p.died_on.value if p.died_on else None for p in facts.persons if p.label}


@pytest.mark.parametrize("text, name, value", [
    ("Поэт Иван Петров (12 мая 1920 — 3 марта 1995) жил в Омске.", "Иван Петров", "1995-03-03"),
    ("Иван Петров (1920–1995) был поэтом.", "Иван Петров", "1995"),
    ("Он сын вождя Ивана Мусинги (? — 1944), свергнутого в 1931 году.", "Иван Мусинга", "1944"),
    ("Илья Громов (Гром; 5 марта 1961 года, Пермь — 12 июня 2004 года, Казань) — лётчик.",
     "Илья Громов", "2004-06-12"),
])
def test_a_life_span_in_brackets_gives_the_day_of_death(text, name, value):
    found = died_on(text)
    assert any(value == v for k, v in found.items() if k.split()[0] == name.split()[0])


@pytest.mark.parametrize("text", [
    "Император Николай II (1894–1917) правил долго.",
    "Иван Петров (в 1990 — 1995 годах министр) выступил в Омске.",
])
def test_a_reign_or_a_term_in_brackets_is_no_death(text):
    assert not any(died_on(text).values())


def test_who_became_a_laureate_in_a_participle_phrase_holds_the_award():
    assert ("Олег Лось", "премии «Ника»") in awarded("Олег Лось, ставший лауреатом премии «Ника», снял новый фильм.")


# -- a date from the sentence before ---------------------------------------------------------

def test_the_day_of_the_sentence_before_flows_to_an_undated_incident():
    text = "9 августа 1997 года в колонии начался бунт. Осуждённые захватили заложников."
    assert dated(text)["захватили"][1] == "1997-08-09"


def test_a_year_of_a_life_story_does_not_flow_to_the_next_sentence():
    text = "В 1988 году она окончила институт. За время учёбы вышла замуж и родила двоих детей."
    assert dated(text)["родила"] == (None, None)


def test_a_sentence_with_a_time_of_its_own_takes_no_date_from_before():
    text = "9 августа 1997 года в колонии начался бунт. Через два дня осуждённые захватили заложников."
    assert dated(text)["захватили"] == ("Через два дня", "1997-08-11")  # two days on, not 9 August


def test_a_converb_shares_the_date_of_its_verb():
    text = "Тренерскую карьеру Иван Петров начал в 2012 году, возглавив молодёжную команду."
    facts = extract(Document(id="t", text=text))
    assert [i.date.value for i in facts.incidents if i.trigger.quote.startswith("возглав")] == ["2012"]


def test_that_day_is_the_day_told_before():
    found = dates("Императрицей она была провозглашена 9 мая 1871 года.\nВ этот день умер её отец.")
    assert found["В этот день"] == "1871-05-09"


@pytest.mark.parametrize("text, label", [
    ("Писатель Томас Бергер получил Нобелевскую премию по литературе 1999 года.",
     "Нобелевская премия по литературе 1999 года"),
    ("Актёр театра Олег Жуков получил орден «За заслуги перед Отечеством» IV степени.",
     "орден «За заслуги перед Отечеством» IV степени"),
])
def test_an_awards_name_is_its_words_as_written(text, label):
    facts = extract(Document(id="t", text=text))
    assert [c.label for c in facts.commemorations if c.type == "AwardConferral"] == [label]

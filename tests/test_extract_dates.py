"""Dates: as precise as the text allows, relative ones resolved against the publication date."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document


def dates(text: str, published: str | None = None):
    f = extract(Document(id="t", text=text, published=published))
    return [(d.phrase, d.edtf, d.value) for d in f.dates], [e.quote for e in f.time_expressions]


@pytest.mark.parametrize("text, expected", [
    ("Его задержали 3 марта 2001 года в Омске.", ("3 марта 2001 года", "2001-03-03", "2001-03-03")),
    ("Колонию закрыли в августе 1994 года.", ("в августе 1994 года", "1994-08", "1994-08")),
    ("Завод построили в начале 1950-х годов.", ("в начале 1950-х годов", "195X", None)),
    ("Музей открылся в 2012 году.", ("в 2012 году", "2012", "2012")),
    ("Приказ подписан 07.11.2019 и вступил в силу.", ("07.11.2019", "2019-11-07", "2019-11-07")),
])
def test_absolute_dates(text, expected):
    found, _ = dates(text)
    assert expected in found


def test_a_day_without_a_year_stays_yearless_when_the_publication_date_is_unknown():
    found, _ = dates("20 марта пройдёт митинг.")
    assert found == [("20 марта", "XXXX-03-20", None)]


def test_a_day_without_a_year_takes_the_publication_year():
    found, _ = dates("20 марта пройдёт митинг.", published="2023-02-01")
    assert found == [("20 марта", "2023-03-20", "2023-03-20")]


@pytest.mark.parametrize("phrase, value", [
    ("Сегодня", "2022-05-17"),
    ("вчера", "2022-05-16"),
    ("в прошлом году", "2021"),
    ("В начале ноября", "2022-11"),
    ("в декабре прошлого года", "2021-12"),
])
def test_relative_dates_against_the_publication_date(phrase, value):
    found, _ = dates(f"{phrase} они встретились снова.", published="2022-05-17")
    assert (phrase, value, value) in found


def test_relative_dates_without_a_publication_date_are_dates_known_only_by_their_words():
    found, expressions = dates("Сегодня она на пенсии, а в прошлом году работала.")
    assert found == [("Сегодня", "XXXX-XX-XX", None), ("в прошлом году", "XXXX", None)]
    assert expressions == []


def test_ages_are_not_dates():
    found, expressions = dates("Ему исполнилось 45 лет, а через 3 года он уехал.")
    assert "45 лет" not in expressions and "45 лет" not in [phrase for phrase, _, _ in found]
    assert ("через 3 года", "XXXX", None) in found  # a year some way on, not which


@pytest.mark.parametrize("text, age", [
    ("Олегу Жукову 52 года. Он служил следователем.", "52 года"),
    ("Виктору Шульцу было 58 лет. У него остались двое внуков.", "58 лет"),
    ("Олег Жуков родился в Томске в 1971 году (49 лет).", "49 лет"),
    ("Он работал на заводе с 14 лет.", "14 лет"),
])
def test_how_old_someone_is_is_no_time_expression(text, age):
    _, expressions = dates(text)
    assert age not in expressions


def test_a_duration_does_not_take_the_word_before_it():
    _, expressions = dates("Он провёл в колонии ещё два года.")
    assert expressions == ["два года"]


def test_the_present_time_is_no_date():
    found, expressions = dates("В настоящее время она преподаёт в Казани.")
    assert found == [] and expressions == []


@pytest.mark.parametrize("text, age", [
    ("Осуждённый Томас Бергер, 47 лет, был освобождён в пятницу.", "47 лет"),
    ("Список пострадавших: Николай Глазков 40 лет, Ирина Симонова 52 года.", "52 года"),
    ("В палате лежит мальчик 12 лет, его привезли ночью.", "12 лет"),
    ("Им было 34, 27 и 18 лет.", "18 лет"),
    ("Ей на момент избрания было 63 года.", "63 года"),
])
def test_an_age_after_a_person_is_no_time_expression(text, age):
    _, expressions = dates(text)
    assert age not in expressions


def test_a_term_after_a_verb_is_still_a_time_expression():
    _, expressions = dates("Она пряталась 11 лет и была задержана в Польше.")
    assert expressions == ["11 лет"]


@pytest.mark.parametrize("text, phrase", [
    ("Суд приговорил его к 24 годам тюрьмы.", "24 годам"),
    ("На днях глава государства подписал указ.", "На днях"),
])
def test_more_time_expressions(text, phrase):
    _, expressions = dates(text)
    assert expressions == [phrase]


@pytest.mark.parametrize("text, phrase, edtf", [
    ("Спустя несколько дней удалось задержать подозреваемого.", "Спустя несколько дней", "XXXX-XX-XX"),
    ("Год спустя он вернулся в команду.", "Год спустя", "XXXX"),
    ("Она покинула клуб немногим более года назад.", "немногим более года назад", "XXXX"),
    ("Годом позже он завоевал титул чемпиона.", "Годом позже", "XXXX"),
    ("Двумя неделями ранее он потерял мать.", "Двумя неделями ранее", "XXXX-XX-XX"),
    ("Через полгода завод закрыли.", "Через полгода", "XXXX-XX"),
])
def test_a_time_some_way_from_another_is_a_date_known_only_by_its_words(text, phrase, edtf):
    found, expressions = dates(text)
    assert found == [(phrase, edtf, None)] and expressions == []


def test_a_time_told_from_the_clause_after_it_is_no_date_of_its_own():
    found, expressions = dates("Через месяц после того, как его уволили, он уехал в Томск.")
    assert found == [] and expressions == ["Через месяц"]


def test_a_phrase_after_a_blank_line_starts_at_its_first_word():
    found, _ = dates("Доказательств нет.\n\nНеделю назад его задержали.")
    assert [phrase for phrase, _, _ in found] == ["Неделю назад"]


def test_part_of_a_month_before_a_number_that_is_no_year():
    found, _ = dates("В конце марта 55-летний премьер заболел.", published="2020-04-27")
    assert [(phrase, value) for phrase, _, value in found] == [("В конце марта", "2020-03")]


@pytest.mark.parametrize("text, phrase, value", [
    ("Художник скончался вчера, 16 марта 2021 года, в Самаре.", "вчера, 16 марта 2021 года", "2021-03-16"),
    ("Альпинистка 22 апреля, в четверг, начнёт восхождение.", "22 апреля, в четверг", "2021-04-22"),
])
def test_a_day_word_beside_its_calendar_date_is_one_date(text, phrase, value):
    found, expressions = dates(text, published="2021-03-17")
    assert [(p, v) for p, _, v in found] == [(phrase, value)] and expressions == []


def death_dates_of(text: str) -> set[tuple[str, str]]:
    from kgbuild.extract import extract
    from kgbuild.model import Document

    facts = extract(Document(id="t", text=text))
    return {(text[link.source.start:link.source.end], text[link.target.start:link.target.end])
            for link in facts.links if link.relation == "DATE_OF_DEATH"}


@pytest.mark.parametrize("text, pair", [
    ("Поэт Юрий Громов скончался 14 октября 2008 года в своей квартире.", ("Юрий Громов", "14 октября 2008 года")),
    ("Акции продали наследникам Юрия Громова, умершего в сентябре 2017 года.", ("Юрия Громова", "в сентябре 2017 года")),
    ("3 ноября в возрасте 61 года скончался композитор Юрий Громов.", ("Юрий Громов", "3 ноября")),
    ("Вчера ушёл из жизни писатель Юрий Громов.", ("Юрий Громов", "Вчера")),
    ("Его сменил Олег Смирнов, а не Юрий Громов, который скончался 20 февраля 2017 года.",
     ("Юрий Громов", "20 февраля 2017 года")),
])
def test_the_date_a_death_is_told_with(text, pair):
    assert death_dates_of(text) == {pair}


@pytest.mark.parametrize("text", [
    "В субботу Ольга Лебедева сообщила, что Юрий Громов умер.",  # the date is the report's
    "Юрий Громов умер через несколько дней после приступа.",  # no day of death
    "Юрий Громов родился 8 апреля 1941 года в Перми.",
    "Юрий Громов встретил Олега Смирнова 5 мая, а потом Смирнов умер.",
])
def test_no_date_of_death_from_another_happening(text):
    assert death_dates_of(text) == set()


def death_places_of(text: str) -> set[tuple[str, str]]:
    from kgbuild.extract import extract
    from kgbuild.model import Document

    facts = extract(Document(id="t", text=text))
    return {(text[link.source.start:link.source.end], text[link.target.start:link.target.end])
            for link in facts.links if link.relation == "PLACE_OF_DEATH"}


@pytest.mark.parametrize("text, pair", [
    ("Актриса Анна Петрова умерла 4 марта 2015 года в Сан-Франциско.", ("Анна Петрова", "Сан-Франциско")),
    ("В Лионе на 87-ом году жизни скончался художник Юрий Громов.", ("Юрий Громов", "Лионе")),
])
def test_the_place_a_death_is_told_in(text, pair):
    assert pair in death_places_of(text)


def test_a_birthplace_is_no_place_of_death():
    assert death_places_of("Юрий Громов родился в Москве, а умер в 1990 году.") == set()


def test_a_place_in_a_post_between_commas_is_no_place_of_death():
    text = "Его брат, Павел Громов, командир эскадры в Баренцевом море, умер в 2011 году."
    assert death_places_of(text) == set()

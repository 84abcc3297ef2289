"""Awards and dates of death as Russian tells them beyond one verb and one object: several
recipients or awards in a list, holders named after their phrase, best-of titles, medals by their
metal; the date a death sentence states, life spans that are not terms of office. Sentences of our
own."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document

from events_helpers import awarded


def died_on(text: str) -> dict[str, str | None]:
    """Each named person who died, with the date (value, else EDTF) of their death."""
    facts = extract(Document(id="t", text=text))
    return {p.label: (p.died_on.value or p.died_on.edtf if p.died_on else None)
            for p in facts.persons if p.label and (p.died_on or p.died_in)}


def death_links(text: str) -> set[tuple[str, str]]:
    facts = extract(Document(id="t", text=text))
    return {(link.source.quote, link.target.quote) for link in facts.links if link.relation == "DATE_OF_DEATH"}


# -- several recipients, and who gives rather than gets ------------------------------------------

def test_each_listed_recipient_gets_the_award():
    found = awarded("Министерство присудило премию Ивану Петрову, Олегу Смирнову и Павлу Белову.")
    assert {name for name, _ in found} == {"Иван Петров", "Олег Смирнов", "Павел Белов"}


def test_listed_subjects_of_a_receiving_verb_each_get_it():
    found = awarded("Премию в этом году получили учёные Иван Петров, Олег Смирнов и Павел Белов.")
    assert {name for name, _ in found} == {"Иван Петров", "Олег Смирнов", "Павел Белов"}


def test_the_one_who_hands_an_award_over_is_not_its_recipient():
    found = awarded("Министр культуры Олег Белов вручил премию писательнице Анне Ким.")
    assert ("Анна Ким", "премию") in found
    assert not [a for name, a in found if name == "Олег Белов"]
    assert awarded("Премию лауреатам вручал министр культуры Олег Белов.") == set()


# -- holders and their lists ---------------------------------------------------------------------

HOLDERS = [
    ("Лауреату Государственной премии писателю Олегу Белову вчера исполнилось восемьдесят лет.",
     ("Олег Белов", "Государственной премии")),
    ("Вчера народному артисту России, лауреату премии «Золотая лира» Павлу Зуеву вручили диплом.",
     ("Павел Зуев", "премии «Золотая лира»")),
    ("Обладатель трёх премий «Ника» и двух наград фестиваля в Берлине, Пётр Зорин известен как автор комедий.",
     ("Пётр Зорин", "наград фестиваля")),
    ("Вчера британский боксёр Олег Лось, чемпион мира по версии WBO, провёл свой прощальный бой.",
     ("Олег Лось", "чемпион мира по версии WBO")),
]


@pytest.mark.parametrize("text,pair", HOLDERS, ids=[c[1][1] for c in HOLDERS])
def test_holder_named_beside_its_phrase(text, pair):
    assert pair in awarded(text)


def test_quoted_awards_listed_after_a_holder_are_each_an_award():
    found = awarded("Актёр Иван Петров — обладатель «Ники», «Тэфи» и «Золотого орла».")
    assert found == {("Иван Петров", "Ники"), ("Иван Петров", "Тэфи"), ("Иван Петров", "Золотого орла")}


def test_quoted_awards_after_a_semicolon_in_a_life_line():
    found = awarded("Пётр Зорин (Peter Zorin) — британский актёр, дважды номинант на премию «Ника»; "
                    "обладатель «Золотого глобуса», «Грэмми» и «Тони».")
    assert {a for _, a in found} == {"Золотого глобуса", "Грэмми", "Тони"}


def test_a_life_story_list_with_years_and_a_name_inside_an_award():
    text = ("Пётр Зорин — русский поэт, переводчик. Лауреат Государственной премии (1985), премии "
            "Пастернака (1999), почётный член академии художеств (2001).")
    found = awarded(text)
    assert found == {("Пётр Зорин", "Государственной премии"), ("Пётр Зорин", "премии Пастернака")}


def test_awards_after_a_colon_each_an_award_and_the_word_awards_none():
    text = ("Пётр Зорин родился в 1930 году в Томске. Лауреат наград: орден «За службу Родине» II и III "
            "степеней, Государственная премия РСФСР, Премия мэрии Омска.")
    found = {a for _, a in awarded(text)}
    assert "орден «За службу Родине» II и III степеней" in found
    assert "Государственная премия РСФСР" in found
    assert not [a for a in found if a.startswith("наград")]


# -- best-of titles ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,pair", [
    ("Защитник Иван Петров признан лучшим игроком сезона.", ("Иван Петров", "лучшим игроком сезона")),
    ("Лучшей актрисой фестиваля стала Анна Белова.", ("Анна Белова", "Лучшей актрисой фестиваля")),
])
def test_a_best_of_title(text, pair):
    assert pair in awarded(text)


@pytest.mark.parametrize("text", [
    "Олег Белов стал лучшим другом Ивана Петрова.",
    "Олег Белов стал самым молодым игроком года.",
])
def test_no_title_in_a_friendship_or_a_record(text):
    assert awarded(text) == set()


# -- medals --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,pair", [
    ("Анна Ким выиграла серебро чемпионата Европы.", ("Анна Ким", "серебро чемпионата")),
    ("Анна Ким брала серебро чемпионата мира.", ("Анна Ким", "серебро чемпионата")),
    ("Россиянин Олег Лось стал бронзовым призёром.", ("Олег Лось", "бронзовым призёром")),
    ("Пловец из Омска Олег Лось — серебряный призёр.", ("Олег Лось", "серебряный призёр")),
])
def test_a_medal_by_its_metal(text, pair):
    assert pair in awarded(text)


def test_a_cup_taken_in_hand_is_not_won():
    assert awarded("Олег Лось взял в руки кубок.") == set()


# -- dates of death ------------------------------------------------------------------------------

def test_years_of_office_in_brackets_are_no_life_span():
    assert died_on("Так были избраны президентами Иван Орлов (1993—2003) и Олег Белов.") == {}
    assert died_on("Писатель Иван Орлов (1921—1989) жил в Томске.") == {"Иван Орлов": "1989"}


def test_a_disease_named_after_someone_is_not_who_died():
    assert death_links("Она умерла 7 ноября 2016 года от осложнений болезни Паркинсона.") == set()


def test_the_date_stated_with_the_death_is_the_date_of_death():
    text = ("Музыкант Олег Белов (1939—2013) умер в Германии. Его похоронили в Москве.")
    assert died_on(text) == {"Олег Белов": "2013"}


@pytest.mark.parametrize("text", [
    "В 2010 году Олег Белов получил звание полковника.",
    "Ивану Орлову было присвоено звание генерал-полковника.",
])
def test_a_military_rank_is_no_award(text):
    assert awarded(text) == set()


def test_an_honorary_title_conferred_is_an_award():
    assert ("Олег Белов", "звание народного артиста") in awarded("Олегу Белову присвоено звание народного артиста.")


def test_a_title_put_in_between_commas_is_the_name_after_it_and_its_year_no_date_of_death():
    text = ("В Генуе скончался итальянский велогонщик, чемпион мира и Европы 1985 года в гонке на треке, "
            "Марио Россо.")
    assert ("Марио Россо", "чемпион мира") in awarded(text)
    assert "1985" not in died_on(text).values()
    assert death_links(text) == set()


def test_a_title_beside_a_name_before_it_is_not_given_to_the_next_name():
    found = awarded("Министр встретился с Иваном Петровым, чемпионом мира, и Олегом Беловым.")
    assert found == {("Иван Петров", "чемпионом мира")}


def test_a_winning_participle_gives_the_medal_to_whom_it_qualifies():
    found = awarded("Пловчиха Анна Ким, завоевавшая золотую медаль на Играх, выступила в Омске.")
    assert found == {("Анна Ким", "золотую медаль")}


def test_a_champion_of_a_sport():
    assert ("Олег Лось", "экс-чемпион по боксу") in awarded(
        "Мандат получил экс-чемпион по боксу среди любителей, тяжеловес Олег Лось.")


@pytest.mark.parametrize("text,pair", [
    ("Главный приз фестиваля получила картина француза Жана Мореля «Ветер».", ("Жан Морель", "Главный приз фестиваля")),
    ("Фильм «Ветер» российского режиссёра Олега Белова удостоен приза жюри.", ("Олег Белов", "приза жюри")),
])
def test_a_prize_for_a_work_honours_its_author(text, pair):
    assert pair in awarded(text)


def test_an_award_not_received_is_none():
    assert awarded("Фильм Олега Белова так и не получил наград.") == set()
    assert awarded("Олег Белов ни разу не получал премий.") == set()


def test_the_best_in_a_role_named_by_a_jury():
    assert ("Олег Белов", "Лучшим актёром") in awarded("Лучшим актёром в комедийном сериале стал Олег Белов.")


def test_a_film_named_after_an_award_is_not_an_award():
    assert awarded("Олег Белов удостоен награды за лучшую роль в фильме «Ветер».") == {
        ("Олег Белов", "награды за лучшую роль")}


def test_a_participle_gives_nothing_to_a_noun_it_does_not_agree_with():
    found = awarded("Роль исполнил Олег Белов, а другую исполнила Анна Ким, в прошлом году получившая премию за лучшую роль.")
    assert not [a for name, a in found if name == "Олег Белов"]


def test_a_club_that_wins_a_cup_is_not_the_story_of_its_coach():
    text = "Тренер Олег Белов покинул клуб. При этом в седьмой раз «Спартак» завоевал Кубок России, обыграв «Зенит»."
    assert awarded(text) == set()


def test_who_hands_prizes_over_in_a_life_story_gets_none():
    assert awarded("Олег Белов родился в Омске в 1950 году. В 1990 году вручил премии лауреатам конкурса.") == set()


def test_the_dative_after_the_award_is_its_recipient():
    assert awarded("«Газпром» вручил премию Олегу Белову.") == {("Олег Белов", "премию")}


@pytest.mark.parametrize("text,pair", [
    ("Главную роль сыграла Анна Ким, год назад получившая «Оскара» за роль матери.", ("Анна Ким", "Оскара")),
    ("Олег Белов трижды получал «Нику».", ("Олег Белов", "Нику")),
])
def test_an_award_known_by_its_name_in_quotes(text, pair):
    assert pair in awarded(text)


def test_a_quoted_thing_received_is_not_an_award():
    assert awarded("Олег Белов получил «Ладу» в подарок.") == set()


def test_a_participle_after_a_comma_is_told_of_the_name_before_it():
    found = awarded("Роль исполнил Олег Белов, а другую исполнила Анна Ким, в прошлом году получившая премию за лучшую роль.")
    assert found == {("Анна Ким", "премию за лучшую роль")}


def test_a_name_in_the_object_a_death_participle_qualifies_died():
    assert death_links("Королева сменила скончавшегося 13 октября короля Непала Бирендру Шаха.") == {
        ("Бирендру Шаха", "13 октября")}


def test_the_winner_of_a_tournament_is_no_title():
    assert awarded("Победителем вчерашнего турнира по шахматам стал гроссмейстер Олег Белов.") == set()


def test_a_name_the_parser_hangs_on_a_noun_in_the_nominative_still_died():
    assert death_links("По официальным данным Олег Белов скончался в марте 2013 года после долгой болезни.") == {
        ("Олег Белов", "в марте 2013 года")}


def test_orders_of_a_class_listed_after_an_award_verb_each_an_award():
    found = {a for _, a in awarded(
        "Генерал Олег Белов награждён орденами «За военные заслуги» IV степени, «За службу в авиации» II степени и медалями.")}
    assert {"орденами «За военные заслуги» IV степени", "За службу в авиации", "медалями"} <= found


def test_a_fronted_holder_in_the_accusative_is_the_name_after_its_comma():
    found = awarded("Лауреата Нобелевской премии мира, сестру Анну Ким при жизни называли святой.")
    assert found == {("Анна Ким", "Нобелевской премии мира")}


def test_each_medal_of_a_gapped_sentence_goes_to_its_own_winner():
    assert awarded("Золотую медаль завоевала Анна Ким, серебро — Олег Белов.") == {
        ("Анна Ким", "Золотую медаль"), ("Олег Белов", "серебро")}


def test_the_category_of_an_award_is_part_of_its_name():
    assert awarded("Анна Ким получила награду в номинации «Открытие года» за роль в сериале.") == {
        ("Анна Ким", "награду в номинации «Открытие года»")}

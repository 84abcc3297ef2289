"""Awards held by clubs and organizations, cups and medals a holder noun names, prizes known by a
quoted name, awards an act noun gives to a dative, and a receiving verb that shares its subject
with the verb before it. Sentences of our own."""

from __future__ import annotations

from events_helpers import awarded


# -- institutions are recipients too -------------------------------------------------------------

def test_an_organization_that_receives_a_prize_is_its_recipient():
    assert ("Всемирная организация здравоохранения", "Нобелевскую премию мира") in awarded(
        "Нобелевскую премию мира получила Всемирная организация здравоохранения.")


def test_a_club_that_becomes_champion_holds_the_title():
    assert ("Зенит", "чемпионом России") in awarded("Клуб «Зенит» в пятый раз стал чемпионом России.")


def test_the_prize_itself_is_not_its_own_recipient():
    found = awarded("Работа в «Клане Сопрано» принесла Ивану Петрову три премии «Эмми».")
    assert {name for name, _ in found} == {"Иван Петров"}


# -- what a holder noun or a receiving verb names -----------------------------------------------

def test_the_holder_of_a_cup_or_a_medal_by_its_metal():
    assert ("Иван Петров", "Кубка России") in awarded("Вратарь Иван Петров стал обладателем Кубка России.")
    assert ("Анна Ким", "бронзы") in awarded("Спортсменка Анна Ким стала обладательницей бронзы на брусьях.")


def test_a_success_that_brings_someone_a_prize():
    assert ("Иван Петров", "премии «Эмми»") in awarded("Успех в сериале принёс Ивану Петрову две премии «Эмми».")


def test_a_quoted_prize_named_for_its_metal():
    assert ("Анна Ким", "Золотой глобус") in awarded("Анна Ким получила «Золотой глобус» за роль в драме.")


def test_the_dative_of_an_act_of_conferring():
    found = awarded("Совет объявил о присуждении премии имени Ломоносова российскому химику Олегу Белову.")
    assert {name for name, _ in found} == {"Олег Белов"}


def test_a_second_verb_shares_the_winner_of_the_first():
    assert ("Анна Ким", "бронзу") in awarded(
        "Известная бегунья из Омска — Анна Ким — заняла третье место и завоевала бронзу в беге на 100 метров.")



def test_a_star_given_as_an_honour_but_not_a_star_of_the_stage():
    assert ("Олег Белов", "именную звезду") in awarded("В прошлом году актёр Олег Белов получил именную звезду на Аллее славы.")
    assert ("Олег Белов", "звезду Героя") in awarded("На параде командир роты Олег Белов получил звезду Героя России.")
    assert awarded("Олег Белов получил звезду эстрады в подарок.") == set()


# -- titles with a capital, and awards counted to someone's credit ------------------------------

def test_a_title_of_the_year_written_with_a_capital():
    assert ("Олег Белов", "Человеком года") in awarded("Олег Белов стал Человеком года")
    assert ("Олег Белов", "Человеком года") in awarded(
        "Журнал назвал Олега Белова, основателя крупной компании, Человеком года.")


def test_awards_to_someones_credit():
    found = awarded("На счету Белова два «Оскара» и три «Золотых глобуса».")
    assert {award for _, award in found} == {"Оскара", "Золотых глобуса"}
    assert awarded("На счету Белова три фильма: «Ветер», «Море» и «Лес».") == set()


# -- stages of a contest and the contest they belong to -----------------------------------------

def parts(text: str) -> set[tuple[str, str]]:
    """(part's word, whole's word) for every incident read as a part of another."""
    from kgbuild.extract import extract
    from kgbuild.model import Document

    facts = extract(Document(id="t", text=text))
    by_key = {i.key: i for i in facts.incidents}
    return {(i.trigger.quote, by_key[i.part_of].trigger.quote) for i in facts.incidents
            if i.part_of in by_key and i.trigger and by_key[i.part_of].trigger}


def test_a_tournament_held_at_games_named_with_a_capital():
    assert ("турнира", "Олимпиаде") in parts(
        "Победителем вчерашнего турнира саблистов на Олимпиаде в Токио стал венгр Иван Сабо.")


def test_a_later_stage_belongs_to_the_contest_of_the_stage_before():
    assert ("полуфинале", "чемпионата") in parts(
        "В четвертьфинале чемпионата мира наши хоккеисты обыграли канадцев, однако в полуфинале уступили финнам со счётом 0:3.")


def test_blasts_by_the_finish_of_a_race_are_part_of_it():
    assert ("взорвались", "марафона") in parts("Две бомбы взорвались около финишной черты Московского марафона 15 мая 2015 года.")
    assert ("взрывов", "марафона") in parts(
        "Это первое изменение правил после взрывов у финишной черты марафона в Москве в мае 2015 года.")
    assert parts("Взрыв прогремел возле здания суда.") == set()

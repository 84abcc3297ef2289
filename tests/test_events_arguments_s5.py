"""Who took part in a happening and where, read from more of Russian syntax, on sentences of our
own: a headline over the body names its own participants, an unnamed one in a headline is the one
the body called by that noun, a hospital one was taken to is where the stay was."""

from __future__ import annotations

import pytest
from events_helpers import labelled
from kgbuild.evaluation.events import predicted_relations
from kgbuild.extract import extract
from kgbuild.model import Document


def relations(text: str) -> set[tuple[str, str, str]]:
    """The NEREL-style relations the events layer gives, as (type, first words, second words)."""
    facts = extract(Document(id="t", text=text))
    return {(kind, text[a[0]:a[1]], text[b[0]:b[1]]) for kind, a, b in predicted_relations(facts)}


# -- headlines ----------------------------------------------------------------------------------

def test_a_headline_names_who_acted_where_the_body_does_not():
    text = ("Губернатор Олег Смирнов уволил вице-губернатора\n"
            "Вчера был уволен вице-губернатор области Пётр Гусев, сообщила пресс-служба.")
    got = labelled(text)
    assert "отставка.actor=Олег Смирнов" in got
    assert "отставка.participant=Пётр Гусев" in got


def test_a_headline_names_no_one_by_a_pronoun():
    # "он" in a headline read after the body would point at whoever the body named last
    text = ("Он уволил министра\n"
            "Губернатор Олег Смирнов уволил министра финансов Петра Гусева. "
            "Об этом рассказал пресс-секретарь Иван Белов.")
    got = labelled(text)
    assert "отставка.actor=Олег Смирнов" in got
    assert "отставка.actor=Иван Белов" not in got


def test_an_unnamed_one_in_a_headline_is_whom_the_body_called_so():
    text = ("Генерал погиб в аварии под Тверью\n"
            "Генерал Андрей Соколов, находившийся за рулём служебной машины, погиб на месте.")
    got = relations(text)
    assert ("PARTICIPANT_IN", "Генерал", "погиб") in got
    assert {p for p in labelled(text) if p.startswith("смерть.casualty")} == {"смерть.casualty=Андрей Соколов"}


def test_an_unnamed_one_is_not_matched_when_the_body_calls_two_so():
    text = ("Генерал погиб в аварии\n"
            "Генерал Андрей Соколов и генерал Пётр Орлов погибли на трассе под Тверью.")
    got = relations(text)
    assert not any(kind == "PARTICIPANT_IN" and arg == "Генерал" and word == "погиб" for kind, arg, word in got)


def test_a_headline_over_two_tellings_goes_to_the_one_naming_its_people():
    text = ("Олег Смирнов и Иван Белов победили на праймериз\n"
            "На праймериз в Самаре победил Олег Смирнов. В Твери на праймериз победил Иван Белов. "
            "На праймериз Олег Смирнов и Иван Белов обошли своих соперников.")
    got = relations(text)
    assert ("PARTICIPANT_IN", "Олег Смирнов", "праймериз") in got
    assert ("PARTICIPANT_IN", "Иван Белов", "праймериз") in got


# -- places ---------------------------------------------------------------------------------------

def test_the_hospital_one_was_taken_to_is_where_the_stay_was():
    got = labelled("Вчера певец Олег Смирнов был госпитализирован в городскую больницу Казани.")
    assert "госпитализация@Казань" in got


def test_the_place_one_left_for_is_still_not_where_a_thing_happened():
    got = labelled("Министр Анна Белова переехала в Казань, где была арестована.")
    assert not any(x.startswith("арест@") for x in got)


# -- a happening named in passing -----------------------------------------------------------------

def test_a_death_named_in_passing_of_another_person_is_another_death():
    text = ("Музыкант Олег Смирнов скончался в Казани. "
            "После смерти Ивана Белова в 1990 году Смирнов начал сольную карьеру.")
    got = relations(text)
    assert ("PARTICIPANT_IN", "Ивана Белова", "смерти") in got
    deaths = [i for i in extract(Document(id="t", text=text)).incidents if i.type == "Death"]
    assert len(deaths) == 2


def test_a_death_named_in_passing_of_the_same_person_is_the_one_told():
    text = "Музыкант Олег Смирнов скончался в Казани. После смерти Смирнова группа распалась."
    deaths = [i for i in extract(Document(id="t", text=text)).incidents if i.type == "Death"]
    assert len(deaths) == 1
    assert ("PARTICIPANT_IN", "Смирнова", "смерти") in relations(text)


def test_the_hospital_the_hurt_were_taken_to_is_not_where_the_crash_was():
    got = labelled("Писатель Олег Смирнов был доставлен в больницу. Накануне его самолёт потерпел "
                   "крушение под Тверью, и Смирнов получил ранения.")
    assert "госпитализация@больница" in got
    assert "ранение@больница" not in got
    assert "происшествие@больница" not in got


def test_the_hospital_one_is_taken_to_is_not_where_one_was_wounded():
    got = labelled("Охранник Иван Белов получил ранение в перестрелке и был отвезён в больницу.")
    assert not any(x.endswith("@больница") and not x.startswith(("госпитализация", "Hospitalization")) for x in got)


def test_a_time_zone_is_no_place():
    got = labelled("2 марта в 14:30 по московскому времени у деревни Горки потерпел крушение вертолёт.")
    assert "происшествие@Москва" not in got


# -- whose kin ----------------------------------------------------------------------------------

def test_a_wife_named_by_her_husband_is_who_died_not_him():
    got = labelled("Вчера в Самаре умерла жена Олега Смирнова.")
    assert "смерть.casualty=Олег Смирнов" not in got
    assert "смерть.casualty=жена" in got
    facts = extract(Document(id="t", text="Вчера в Самаре умерла жена Олега Смирнова."))
    assert not any(p.died_in for p in facts.persons if p.label == "Олег Смирнов")


def test_a_son_named_by_his_father_is_who_was_detained_not_him():
    got = labelled("В Казани был задержан сын Ивана Белова.")
    assert "задержание.detainee=Иван Белов" not in got
    assert "задержание.detainee=Пётр Белов" in labelled("В Казани был задержан сын Ивана Белова Пётр Белов.")


def test_a_womans_trade_after_her_husbands_name_is_hers():
    got = labelled("На 88-м году жизни умерла жена Олега Смирнова, писательница.")
    assert "смерть.casualty=Олег Смирнов" not in got


def test_a_post_in_another_clause_is_not_the_named_persons():
    got = labelled("Утром Олег Смирнов начал стрелять по прохожим, затем его задержал полицейский.")
    assert "задержание.lawEnforcement=Олег Смирнов" not in got
    assert "задержание.lawEnforcement=полицейский" in got


def test_a_post_in_one_phrase_with_the_name_is_still_his():
    got = labelled("Умер Андрей Соколов, профессор, академик.")
    assert "смерть.casualty=Андрей Соколов" in got


def test_the_adjective_of_a_place_says_where_a_contest_or_an_election_was():
    assert "соревнование@Италия" in labelled("Итальянский чемпионат по футболу начнётся в августе.")
    assert "выборы@Россия" in labelled("Российские выборы прошли спокойно, сообщил Олег Смирнов.")


def test_the_adjective_of_a_country_is_not_where_a_strike_was():
    got = labelled("Американский авиаудар уничтожил лагерь боевиков под Кандагаром.")
    assert not any(x.endswith("@США") for x in got)


def test_the_olympic_games_are_not_held_in_olympia():
    got = labelled("Олег Смирнов выступал на Олимпийских играх.")
    assert "Competition" in got
    assert not any(x.startswith("соревнование@") for x in got)


# -- subjects -------------------------------------------------------------------------------------

def test_a_subject_the_parser_split_at_and_is_still_who_died():
    got = labelled("Во время штурма Олег Смирнов и около 30 его сторонников погибли.")
    assert "смерть.casualty=Олег Смирнов" in got


def test_a_place_told_when_a_happening_is_named_again_is_its_place():
    got = labelled("Утром неизвестный открыл стрельбу по прохожим. "
                   "Спустя неделю после той стрельбы в Твери арестовали Олега Смирнова.")
    assert "перестрелка@Тверь" in got


def test_a_subject_after_the_verb_the_parser_left_alone_is_who_died():
    got = labelled("2 мая в Казани скончался советский и российский живописец, график и художник Олег Смирнов.")
    assert "смерть.casualty=Олег Смирнов" in got


def test_a_victim_named_in_a_headline_stays_the_victim():
    text = ("Олега Смирнова убили в Казани\n"
            "Вчера в Казани неизвестный застрелил бизнесмена Олега Смирнова.")
    got = labelled(text)
    assert "убийство.victim=Олег Смирнов" in got
    assert "убийство.perpetrator=Олег Смирнов" not in got


@pytest.mark.parametrize("text, done_to", [
    ("Роспуск парламента Молдавии состоялся в марте.", "роспуск.participant=парламент Молдавии"),
    ("Роспуск городской думы состоялся весной.", "роспуск.participant=городская дума"),
])
def test_the_genitive_of_a_dissolution_is_what_was_dissolved(text, done_to):
    got = labelled(text)
    assert done_to in got
    assert not any(".actor=" in x for x in got)


@pytest.mark.parametrize("text, group", [
    ("Взрыв на шахте в Кузбассе унёс жизни семерых горняков.", "смерть.casualty=горняки"),
    ("Двое журналистов погибли при обстреле города.", "смерть.casualty=журналисты"),
])
def test_people_named_by_their_trade_are_who_it_happened_to(text, group):
    assert group in labelled(text)

"""Who did it, as NEREL's AGENT reads it: the one a post is given to is not its giver.
Sentences of our own."""

from __future__ import annotations

import pytest

from events_helpers import summary


# -- "избран председателем": the post in the instrumental is what one was elected to ---------------

@pytest.mark.parametrize("text, elected", [
    ("Председателем городского совета избран 52-летний инженер Павел Громов.", "Павел Громов"),
    ("Ирина Соколова избрана оппозицией новым лидером партии.", "Ирина Соколова"),
])
def test_the_post_one_is_elected_to_elects_nobody(text, elected):
    facts = summary(text)
    assert f"Election.participant={elected}" in facts
    assert not any(f.startswith("Election.actor=") for f in facts)


def test_the_body_that_elects_still_acts():
    facts = summary("Городской совет избрал Павла Громова своим председателем.")
    assert "Election.participant=Павел Громов" in facts


# -- "соратник Путина": the ally did it, not the one he is the ally of -----------------------------

def test_an_ally_is_not_the_one_whose_ally_he_is():
    facts = summary("Ближайший соратник Олега Смирнова ушёл в отставку после скандала.")
    assert not any(f.startswith("Resignation.") and f.endswith("=Олег Смирнов") for f in facts)


def test_a_group_of_people_is_still_the_people():
    assert "VehicleSeizure.perpetrator=боевики" in summary("Группа боевиков захватила рейсовый автобус.")


# -- a meeting face to face: each person who meets the other does it ------------------------------

def test_both_who_meet_act():
    facts = summary("Премьер-министр Италии встретился с Анной Кравец в Риме.")
    assert {"Meeting.actor=Анна Кравец", "Meeting.actor=премьер-министр"} <= facts


def test_a_phone_talk_of_two_leaders():
    facts = summary("Вчера прошёл телефонный разговор Игоря Белова и Марка Томпсона.")
    assert {"Meeting.actor=Игорь Белов", "Meeting.actor=Марк Томпсон"} <= facts


def test_a_body_at_a_session_only_takes_part():
    facts = summary("Депутаты обсудили налоги на заседании городской думы.")
    assert not any(f.startswith("Meeting.actor=") for f in facts)

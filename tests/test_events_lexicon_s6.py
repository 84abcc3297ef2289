"""Words the lexicon learnt in the sixth round, and the look-alikes it still leaves alone: a
flight abroad, shots at someone, surgery told without a qualifier, parents of a newborn, a
questioning, a hacked site, a ship sunk, an organ transplanted. Sentences of our own."""

from __future__ import annotations

import pytest

from events_helpers import summary


def labels(text: str) -> set[tuple[str, str | None]]:
    from kgbuild.extract import extract
    from kgbuild.model import Document

    return {(i.type, i.label) for i in extract(Document(id="t", text=text)).incidents}


# -- fled, not escaped from custody ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "После провала мятежа генерал Олег Сомов бежал в Аргентину.",
    "Весной 2004 года опальный банкир Игорь Тарасов бежал из страны.",
])
def test_one_who_fled_a_country_took_flight(text):
    assert ("Incident", "бегство") in labels(text)


def test_the_one_who_fled_did_it():
    assert "Incident.actor=Олег Сомов" in summary("После провала мятежа генерал Олег Сомов бежал в Аргентину.")


@pytest.mark.parametrize("text", [
    "Мальчик бежал в магазин за хлебом.",
    "Каждое утро Пётр Лунин бежит в парк.",
])
def test_a_run_is_no_flight(text):
    assert ("Incident", "бегство") not in labels(text)


def test_a_prisoner_who_ran_from_a_colony_still_escaped():
    assert "Escape" in summary("Осуждённый Антон Рябов сбежал из колонии под Тверью.")


# -- shots fired at someone --------------------------------------------------------------------

def test_shots_at_a_person_are_an_attack():
    kinds = summary("В марте неизвестный стрелял в депутата Андрея Котова у подъезда его дома.")
    assert "Attack" in kinds and "Attack.victim=Андрей Котов" in kinds


@pytest.mark.parametrize("text", [
    "Курсанты стреляли по мишеням на полигоне.",
    "Охотники стреляют в лесу каждую осень.",
])
def test_shooting_at_targets_or_as_a_habit_is_no_attack(text):
    assert "Attack" not in summary(text)


# -- surgery told by "операция" alone, beside a hospital or a doctor ---------------------------

def test_an_operation_in_a_hospital_is_surgery():
    assert ("Incident", "медицинская операция") in labels(
        "Хирурги клиники рассказали, что операция длилась шесть часов.")


@pytest.mark.parametrize("text", [
    "Военная операция в горах продолжалась неделю.",
    "Военная операция у госпиталя продолжалась неделю.",  # a hospital beside troops
])
def test_an_operation_of_troops_stays_military(text):
    found = labels(text)
    assert "MilitaryOperation" in {kind for kind, _ in found} and ("Incident", "медицинская операция") not in found


def test_an_operation_with_no_word_of_medicine_is_not_surgery():
    assert ("Incident", "медицинская операция") not in labels("Банк провёл операцию по обмену валюты.")


def test_an_organ_transplanted_is_surgery():
    assert ("Incident", "медицинская операция") in labels("Весной певице Анне Грачёвой пересадили почку.")


# -- parents of a newborn ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "В мае актриса Вера Ильина впервые стала мамой.",
    "Теннисист Илья Гусев и его жена стали родителями.",
])
def test_becoming_a_parent_is_a_birth(text):
    assert "Birth" in summary(text)


def test_becoming_a_minister_is_no_birth():
    assert "Birth" not in summary("В мае Вера Ильина стала министром культуры.")


# -- a questioning, a hacked site, a sunken ship, a rock festival -------------------------------

def test_a_questioning_is_told():
    assert ("Incident", "допрос") in labels("Следователи провели многочасовой допрос бизнесмена Рустама Хасанова.")


def test_a_hacked_site_is_a_break_in():
    assert ("Incident", "взлом") in labels("В августе студент Максим Перов взломал сайт городской думы.")


def test_a_ship_that_sank_is_an_accident():
    assert "Accident" in summary("Прошлым летом на Волге затонул прогулочный теплоход.")


def test_a_ship_sinking_in_a_chart_is_no_accident():
    assert "Accident" not in summary("Акции пароходства тонули вместе с рынком.")


def test_a_rock_festival_is_a_festival():
    assert ("Incident", "фестиваль") in labels("Группа Ивана Лапина выступила на рок-фестивале в Казани в 2015 году.")


# -- a message sent, a conversation held --------------------------------------------------------

def test_a_telegram_sent_is_a_message_from_its_sender():
    text = "Премьер Олег Зуев направил поздравительную телеграмму новому президенту Чили."
    assert ("Incident", "послание") in labels(text) and "Incident.actor=Олег Зуев" in summary(text)


def test_a_letter_sent_by_post_is_no_message_of_state():
    assert ("Incident", "послание") not in labels("Соседка отправила посылку сыну в Омск.")


@pytest.mark.parametrize("text", [
    "Вечером президент Игорь Белов поговорил по телефону с канцлером Германии.",
    "Беседа Игоря Белова с журналистами состоялась в пятницу.",
])
def test_a_conversation_is_told(text):
    assert ("Incident", "разговор") in labels(text)


def test_talking_about_the_weather_with_no_one_named_is_no_conversation():
    assert ("Incident", "разговор") not in labels("Разговор о погоде никого не увлёк.")


# -- an election or an appointment that names its person by a pronoun or a member ---------------

@pytest.mark.parametrize("text, kind", [
    ("Депутат Ирина Лаптева баллотировалась весной, и в мае её избрали в городскую думу.", "Election"),
    ("Парламент избрал пятерых членов Счётной палаты.", "Election"),
    ("Губернатор Павел Шитов уволил министра, назначив исполняющим обязанности его заместителя.", "Appointment"),
])
def test_a_person_named_by_a_pronoun_or_a_membership_was_elected_or_appointed(text, kind):
    assert kind in summary(text)


def test_a_date_set_for_a_meeting_is_no_appointment():
    assert "Appointment" not in summary("Совещание назначили на пятницу.")


# -- a participle that tells the day reports the happening -----------------------------------------

def test_a_participle_with_its_day_reports_a_death_but_a_bare_one_only_describes():
    assert "Death.casualty=Олег Петров" in summary(
        "Вчера в Омске простились с братом скончавшегося накануне мэра Олега Петрова.")
    assert "Death" not in summary("Вдова погибшего героя получила орден.")

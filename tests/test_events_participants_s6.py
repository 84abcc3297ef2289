"""Who took part in an incident when the sentence names them in a way the plain subject and
object do not: "глава" standing for the head of a body, the one dismissed hung by the parser on
the phrase of the post, an object shared by coordinated verbs. Sentences of our own."""

from __future__ import annotations

import pytest

from events_helpers import summary


# -- "глава" of a body is a person; a chapter is not ----------------------------------------------

@pytest.mark.parametrize("text, fact", [
    ("Глава банка арестован в Москве.", "Arrest.detainee=глава"),
    ("Глава государства подал в отставку.", "Resignation.actor=глава"),
    ("Президент подписал указ об отставке главы администрации района.", "Resignation.participant=глава"),
])
def test_the_head_of_a_body_takes_part_in_what_befalls_him(text, fact):
    assert fact in summary(text)


def test_a_chapter_of_a_book_is_nobody():
    assert not any("=глава" in fact for fact in summary("Во второй главе книги автор описывает войну."))


def test_a_named_head_is_the_name_not_a_second_person():
    facts = summary("Глава МИД Сергей Лавров прибыл в Париж.")
    assert not any(fact.endswith("=глава") for fact in facts)


# -- the one dismissed, hung on the phrase of the post --------------------------------------------

def test_dismissed_from_service_the_general_named_under_the_phrase():
    facts = summary("Вчера президент освободил от должности и уволил со службы командира дивизии "
                    "генерал-майора Олега Иванова.")
    assert {"Resignation.actor=президент", "Resignation.participant=Олег Иванов"} <= facts


def test_a_noun_dismissal_into_the_reserve():
    facts = summary("Источники сообщили об увольнении в запас командующего Уральским военным округом "
                    "генерал-полковника Игоря Петрова.")
    assert "Resignation.participant=Игорь Петров" in facts


def test_who_left_a_post_of_a_trade_is_not_a_second_person():
    facts = summary("Майор Петров ушёл с поста начальника УВД.")
    assert "Resignation.actor=Петров" in facts
    assert not any(fact.startswith("Resignation.participant") for fact in facts)


# -- an object shared by coordinated verbs --------------------------------------------------------

def test_the_patient_brought_to_hospital_was_also_operated_on():
    facts = summary("Раненого Олега Смирнова доставили в больницу и прооперировали.")
    assert "Incident.participant=Олег Смирнов" in facts


def test_who_was_dismissed_is_not_who_was_appointed_next():
    facts = summary("Вчера премьер освободил от должности главы агентства Петра Смирнова и назначил на неё "
                    "Ивана Козлова.")
    assert "Resignation.participant=Пётр Смирнов" in facts
    assert "Resignation.participant=Иван Козлов" not in facts
    assert "Appointment.participant=Иван Козлов" in facts


def test_a_reflexive_verb_takes_no_shared_object():
    facts = summary("Грабитель застрелил охранника и скрылся.")
    assert not any(fact.endswith("=охранник") and not fact.startswith("Killing") for fact in facts)


# -- the body one leaves ------------------------------------------------------------------------

def test_the_party_left_takes_part_in_the_leaving():
    assert "Leaving.participant=ЛДПР" in summary("В марте депутат Олег Смирнов покинул ряды ЛДПР.")


def test_the_company_left_takes_part_in_the_resignation():
    assert "Resignation.participant=Microsoft" in summary("Иван Петров покидает компанию Microsoft.")


# -- who announces a leaving of no one named, or files for it, is the one who leaves ----------

def test_who_announces_his_leaving_leaves():
    assert "Resignation.actor=Иван Козлов" in summary("Тренер Иван Козлов заявил об уходе с поста главного тренера клуба.")


def test_who_announces_another_s_dismissal_does_not_leave():
    facts = summary("Губернатор объявил об отставке министра Ивана Козлова.")
    assert "Resignation.participant=Иван Козлов" in facts
    assert "Resignation.actor=губернатор" not in facts


def test_a_spokesman_telling_of_a_resignation_is_not_its_actor():
    assert not any(f.startswith("Resignation.actor") for f in summary("Пресс-секретарь сообщил об отставке."))


# -- a headline's unnamed person is the one the body has in that slot -------------------------

def test_a_headline_noun_is_the_only_casualty_the_body_tells_of():
    from kgbuild.extract import extract
    from kgbuild.model import Document

    facts = extract(Document(id="t", text="Полковник полиции погиб в аварии под Тулой\n"
                                           "Опытный сотрудник полиции погиб в результате аварии на трассе под Тулой."))
    quotes = {m.quote for p in facts.persons for m in p.mentions}
    assert "Полковник полиции" in quotes

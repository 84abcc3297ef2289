"""Incidents made where the event word was read but none came of it: a happening named in quotes
("конкурс «Мисс Татарстан»", "выступила на «Кубке Волги»"), a death told by a relative clause or
a participle ("посол, который скончался", "скончавшегося мэра"), and a noun that a verb of the
same kind governs ("на прошедших в марте выборах его избрали"), which is another word for that verb's
incident. Sentences of our own."""

from __future__ import annotations

from events_helpers import summary

from kgbuild.extract import extract
from kgbuild.model import Document


def words(text: str) -> dict[str, list[str]]:
    """Each incident's first word -> the words telling it (its trigger, then the retold ones)."""
    facts = extract(Document(id="t", text=text))
    return {inc.trigger.quote.split()[0]: [inc.trigger.quote] + [w.quote for w in inc.retold]
            for inc in facts.incidents if inc.trigger is not None}


# -- a happening named in quotes -------------------------------------------------------------

def test_a_name_in_quotes_after_the_noun_is_told_with_it():
    told = words("Летом в Казани прошёл конкурс «Мисс Татарстан», и жюри выбрало студентку.")
    assert told["конкурс"] == ["конкурс «Мисс Татарстан"]


def test_a_name_in_quotes_standing_alone_is_read_from_its_first_word():
    told = words("Гребцы из Самары выступили на «Кубке Волги» в прошлом году.")
    assert told["Кубке"] == ["Кубке Волги"]


def test_a_quoted_title_after_a_noun_is_a_work_not_a_happening():
    assert words("Вышел фильм «Битва за Ладогу» молодого режиссёра из Вологды.") == {}


def test_a_lowercase_quote_after_the_noun_is_no_name():
    told = words("Полковник рассказал о ранении «нескольких бойцов» под Курском.")
    assert all("«" not in w for ws in told.values() for w in ws)


# -- a death told of a noun by a relative clause ------------------------------

def test_a_relative_clause_tells_whose_death():
    facts = summary("Коллеги простились с послом Игорем Сомовым, который скончался в Риге в мае.")
    assert "Death.casualty=Игорь Сомов" in facts


def test_a_relative_clause_of_a_passive_tells_who_was_killed():
    facts = summary("В Туле вспоминали журналиста Павла Зорина, который был убит в Твери.")
    assert "Killing.victim=Павел Зорин" in facts


# -- a noun under a verb of its kind ---------------------------------------------------------

def test_a_noun_under_a_verb_of_its_kind_retells_the_verbs_incident():
    told = words("Андрей Лосев вернулся в политику. На прошедших в марте выборах его избрали мэром Пскова.")
    assert told["избрали"] == ["избрали", "выборах"]


def test_a_companion_noun_is_already_the_verbs_word():
    told = words("Министр Пётр Гусев ушёл в отставку в понедельник.")
    assert told["ушёл"] == ["ушёл в отставку"]


# -- a passive whose subject the parse hung elsewhere, and a count of the dead ----------------

def test_a_passive_before_a_verb_of_reporting_keeps_its_subject():
    facts = summary("Бывший мэр Пскова Иван Лосев был убит, подтвердила в среду его партия.")
    assert "Killing.victim=Иван Лосев" in facts


def test_a_count_of_the_hurt_is_an_incident_of_no_one_named():
    told = words("После взрыва на заводе в Липецке ранены четыре человека.")
    assert "ранены" in told


# -- a happening named in passing, with its own date ------------------------------------------

def test_a_happening_named_in_passing_with_its_date_is_kept():
    assert "референдума" in words("Иван Лосев уехал из Пскова после референдума 1 октября.")
    assert "референдума" not in words("Иван Лосев уехал из Пскова после референдума.")

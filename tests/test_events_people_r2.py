"""Participants the text names by a nationality ("задержан россиянин", "гражданин Германии") or
by a pronoun that points back to a person named before ("Ранее директором был Иван Орлов. Он
ушёл из компании"). Sentences of our own."""

from __future__ import annotations

import pytest

from events_helpers import summary
from kgbuild.evaluation.events import predicted_relations
from kgbuild.extract import extract
from kgbuild.extract.groups import names_a_nationality
from kgbuild.model import Document


def related(text: str) -> set[tuple[str, str, str]]:
    """The NEREL-style relations the scorer reads, as (type, first words, second words)."""
    facts = extract(Document(id="t", text=text))
    return {(kind, text[a[0]:a[1]], text[b[0]:b[1]]) for kind, a, b in predicted_relations(facts)}


# -- a nationality names an unnamed participant ------------------------------------------------

@pytest.mark.parametrize("text, fact", [
    ("В аэропорту Мадрида задержан россиянин с наркотиками.", "Detention.detainee=россиянин"),
    ("Вчера в Анкаре были убиты трое французов.", "Killing.victim=французы"),
    ("Гражданин Германии арестован в Москве.", "Arrest.detainee=гражданин Германии"),
])
def test_a_nationality_noun_is_a_participant(text, fact):
    assert fact in summary(text)


def test_the_scorer_counts_a_participant_named_by_nationality():
    assert ("PARTICIPANT_IN", "россиянин", "задержан") in related("В аэропорту Мадрида задержан россиянин с наркотиками.")


def test_a_named_person_keeps_the_nationality_told_beside_the_name():
    # "американец Эндрю Смит", "Иван Петров, 26-летний пакистанец": the named person, no second one
    assert "Arrest.detainee=Эндрю Смит" in summary("Американец Эндрю Смит был арестован в Москве.")
    facts = extract(Document(id="t", text="В понедельник Иван Петров, 26-летний пакистанец, "
                                           "арестованный по подозрению в краже, был доставлен в суд."))
    assert not [p for p in facts.persons if p.anonymous]


@pytest.mark.parametrize("description, nationality", [
    ("россиянин", True), ("француженка", True), ("гражданин России", True), ("немецкая заложница", True),
    ("гражданин", False), ("мужчина", False), ("московский пенсионер", False),
])
def test_which_descriptions_name_a_nationality(description, nationality):
    assert names_a_nationality(description) is nationality


# -- a pronoun points back to the person named before ------------------------------------------

def test_a_subject_pronoun_is_the_person_the_sentence_before_named():
    # the person was named in a sentence no incident took in
    text = "Ранее финансовым директором компании был Иван Орлов. Он покинул компанию три месяца назад."
    assert "Resignation.actor=Иван Орлов" in summary(text)


def test_a_pronoun_after_the_same_pronoun_goes_on_telling_of_its_person():
    text = ("Пётр Зайцев был осуждён за убийство Олега Морозова. "
            "В колонии он избил охранника.")
    assert "Attack.perpetrator=Пётр Зайцев" in summary(text)

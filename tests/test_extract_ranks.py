"""Ranks and posts attached to the person they are written beside, in the nominative."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document


def person(text: str):
    found = extract(Document(id="t", text=text)).persons
    assert len(found) == 1, [p.label for p in found]
    return found[0]


@pytest.mark.parametrize("text, rank", [
    ("Капитан внутренней службы Арман Бекетов вышел на смену.", "капитан внутренней службы"),
    ("Наградили старшего сержанта Ивана Лаптева.", "старший сержант"),
    ("Выступил генерал-майор полиции Нурлан Абдиров.", "генерал-майор полиции"),
    ("Дело передали подполковнику юстиции Олегу Сизову.", "подполковник юстиции"),
    ("Колонну вёл майор Сергей Рябов.", "майор"),
])
def test_rank_before_a_name(text, rank):
    assert person(text).ranks == [rank]


@pytest.mark.parametrize("text, occupation", [
    ("Приказ подписал начальник оперативного отдела Данияр Касымов.", "начальник оперативного отдела"),
    ("Об этом рассказала главный редактор Мария Гусева.", "главный редактор"),
    ("Мы поговорили с Ринатом Алиевым, директором школы.", "директор школы"),
    # not in the list of posts: a noun of trade by its suffix
    ("Номер поставил хореограф Арман Жумабаев.", "хореограф"),
    # a dash, or an age between post and name
    ("Ринат Алиев — директор школы.", "директор школы"),
    ("Уволили директора школы 58-летнего Рината Алиева.", "директор школы"),
])
def test_post_beside_a_name(text, occupation):
    assert person(text).occupations == [occupation]


def test_a_short_rank_adds_nothing_to_the_full_one():
    p = person("Капитан полиции Азат Нуриев дежурил. Капитана Нуриева позже повысили.")
    assert p.ranks == ["капитан полиции"]


def test_the_institution_inside_a_post_is_where_the_person_serves():
    f = extract(Document(id="t", text="Заявление сделал министр МВД Казахстана Ерлан Тургумбаев."))
    p = f.persons[0]
    assert p.occupations and p.occupations[0].startswith("министр")
    members = [f.entity(k).label for k in p.member_of]
    assert any("МВД" in label or "внутренних дел" in label for label in members)
    assert any(link.relation == "WORKS_AS" for link in f.links)



def test_a_headline_without_a_full_stop_is_a_sentence_of_its_own():
    from kgbuild.extract.nlp import analyse

    text = "Трамп знает о здоровье Ким Чен Ына\n\nПрезидент США Дональд Трамп заявил об этом в понедельник."
    first, second = analyse(text).sentences
    assert first.text == "Трамп знает о здоровье Ким Чен Ына"
    assert second.tokens[0].text == "Президент"
    facts = extract(Document(id="t", text=text))
    [trump] = [p for p in facts.persons if p.label == "Дональд Трамп"]
    assert trump.occupations == ["президент США"]

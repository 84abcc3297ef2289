"""Parts of larger incidents (kgb:partOf), fifth round: a hurt told "в" the violent happening
that caused it, the killing and wounding an attacker went on to, a stage named in passing with
its whole, a headline telling a part inside its whole, and a poison that is no one's doing.
Sentences of our own; the negatives must yield no part."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document


def parts(text: str) -> set[tuple[str, str]]:
    """(part's word, whole's word) for every incident read as part of another, each word as the
    body tells it or as a headline retells it."""
    facts = extract(Document(id="t", text=text))
    by_key = {i.key: i for i in facts.incidents}
    out = set()
    for inc in facts.incidents:
        whole = by_key.get(inc.part_of or "")
        if whole is None or inc.trigger is None or whole.trigger is None:
            continue
        for word in [inc.trigger] + inc.retold:
            for other in [whole.trigger] + whole.retold:
                out.add((word.quote, other.quote))
    return out


CAUSES = [
    # a wounding or a killing told "в" a violent happening is a part of it, as a death is
    ("Двое охранников инкассаторской машины были ранены в перестрелке у банка.", ("ранены", "перестрелке")),
    ("Младший сержант был убит в бою под Луганском.", ("убит", "бою")),
    ("Пассажир маршрутки пострадал в аварии на окружной дороге.", ("пострадал", "аварии")),
    ("Трое посетителей кафе были ранены в драке с приезжими.", ("ранены", "драке")),
    ("Водитель автобуса ранен в теракте у вокзала.", ("ранен", "теракте")),
]


@pytest.mark.parametrize("sentence,pair", CAUSES, ids=[c[0][:40] for c in CAUSES])
def test_a_hurt_in_its_cause(sentence, pair):
    assert pair in parts(sentence)


def test_wounds_received_in_a_blast_are_part_of_it():
    assert ("ранений", "взрыве") in parts("Пенсионер скончался в больнице от ранений, полученных при взрыве газа.")


def test_an_attack_goes_on_to_kill_and_wound():
    found = parts("Вечером неизвестный напал с топором на посетителей рынка, убил одного и ранил троих.")
    assert ("убил", "напал") in found
    assert ("ранил", "напал") in found


def test_joined_converbs_are_both_what_the_blast_did():
    found = parts("Бомба взорвалась у входа в метро, убив двоих пассажиров и ранив пятерых пассажиров.")
    assert ("убив", "взорвалась") in found
    assert ("ранив", "взорвалась") in found
    assert ("ранив", "убив") not in found  # siblings, not one inside the other


def test_a_death_later_in_hospital_is_not_part_of_the_shootout():
    found = parts("Охранник был ранен в перестрелке у банка и позже скончался в больнице.")
    assert found == {("ранен", "перестрелке")}


def test_a_happening_named_in_passing_is_the_whole_of_its_relative_clause():
    found = parts("Грабитель был задержан после перестрелки с охраной, в ходе которой он и двое "
                  "охранников получили ранения.")
    assert found == {("получили ранения", "перестрелки")}


def test_which_agrees_with_the_whole_it_stands_for():
    found = parts("Полковник руководил спецоперацией после серии поджогов в Самаре, в ходе которой "
                  "был случайно убит прохожий.")
    assert found == {("убит", "спецоперацией")}


def test_as_a_result_of_which_follows_from_the_clause_before():
    assert ("погибли", "обстреляли") in parts("Боевики обстреляли колонну у моста, в результате чего погибли двое солдат.")
    # a decree is no violent happening: the dismissal is not a part of it
    assert not parts("Министр подписал указ, в результате чего были уволены двое чиновников.")


def test_then_refers_to_the_happening_named_again_just_before():
    text = ("В субботу в Казани неизвестный открыл стрельбу у школы.\n\n"
            "Подозреваемый предстал перед судом через месяц после стрельбы у школы. Тогда были убиты двое учителей.")
    facts = extract(Document(id="t", text=text))
    shooting = next(i for i in facts.incidents if i.type == "Shootout")
    killing = next(i for i in facts.incidents if i.type == "Killing")
    assert killing.part_of == shooting.key


def test_a_stage_named_in_passing_with_its_whole():
    assert ("финала", "Лиги") in parts("Молодая команда из Казани впервые дошла до финала Лиги чемпионов.")


def test_a_stage_named_in_passing_alone_is_no_incident():
    facts = extract(Document(id="t", text="После полуфинала игроки вернулись домой поездом."))
    assert not facts.incidents


def test_a_headline_retells_the_part_inside_its_whole():
    # two deaths in the body: the headline's is the one in the crash it names
    text = ("Генерал погиб в ДТП под Тверью\n\n"
            "Отставной генерал-майор погиб в среду в аварии на трассе под Тверью. "
            "Водитель грузовика, с которым столкнулся его автомобиль, позже скончался в больнице.")
    assert ("погиб", "ДТП") in parts(text)  # the headline's words, not only the body's
    facts = extract(Document(id="t", text=text))
    crash, later = sorted((i for i in facts.incidents if i.type == "Death"), key=lambda i: i.trigger.start)
    assert [w.quote for w in crash.retold] == ["погиб"]
    assert not later.retold and not later.part_of


def test_a_headline_names_the_cause_before_its_colon():
    text = ("Стрельба в Омске: убит охранник\n\n"
            "В Омске неизвестный открыл стрельбу у банка. Охранник был убит на месте, нападавший скрылся.")
    assert ("убит", "Стрельба") in parts(text)


def test_a_headline_colon_after_no_cause_links_nothing():
    text = ("Выборы в Омске: убит охранник участка\n\n"
            "В Омске прошли выборы мэра. Охранник избирательного участка был убит неизвестными.")
    assert not parts(text)


def test_poison_is_an_instrument_not_who_poisoned():
    facts = extract(Document(id="t", text="Бывший полковник и его жена были отравлены «Новичком» в Солсбери."))
    poisoning = next(i for i in facts.incidents if i.label == "отравление")
    assert poisoning.instruments == ["Новичок"]
    assert {p.role for p in poisoning.participations} == {"victim"}


def test_a_poisoner_named_in_the_instrumental_stays_the_perpetrator():
    facts = extract(Document(id="t", text="Известный политик был отравлен своим охранником."))
    poisoning = next(i for i in facts.incidents if i.label == "отравление")
    assert "perpetrator" in {p.role for p in poisoning.participations}
    assert not poisoning.instruments


NEGATIVE = [
    "Журналист был ранен в Москве во вторник.",  # a place, not a cause
    "Охранник погиб в год выборов.",  # a time, not a cause
    "Мужчина напал на соседа, а затем его брат убил сторожа.",  # another's killing
    "Фермер погиб в поле во время сенокоса.",
]


@pytest.mark.parametrize("sentence", NEGATIVE, ids=[c[:40] for c in NEGATIVE])
def test_no_part(sentence):
    assert not parts(sentence)

"""Incidents told as parts of larger ones (kgb:partOf): deaths in a setting, consequences, stages
of contests and elections, openings. Sentences of our own; negatives must yield no part."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document


def parts(text: str) -> set[tuple[str, str]]:
    """(part's word, whole's word) for every incident read as part of another."""
    facts = extract(Document(id="t", text=text))
    by_key = {i.key: i for i in facts.incidents}
    out = set()
    for inc in facts.incidents:
        whole = by_key.get(inc.part_of or "")
        if whole is not None and inc.trigger and whole.trigger:
            out.add((inc.trigger.quote, whole.trigger.quote))
    return out


CASES = [
    # a death in a setting is a casualty of it and a part of it
    ("Полицейский погиб при взрыве.", ("погиб", "взрыве")),
    ("В ДТП на трассе погибли двое подростков.", ("погибли", "ДТП")),
    ("Во время урагана погиб полицейский.", ("погиб", "урагана")),
    # "в результате X", and the verb coordinated with the one it hangs on
    ("В результате взрыва в Самаре погиб охранник и ранены три человека.", ("ранены", "взрыва")),
    ("В результате взрыва в Самаре погиб охранник и ранены три человека.", ("погиб", "взрыва")),
    # "при X" for what is not a death
    ("Двое полицейских пострадали при задержании грабителя.", ("пострадали", "задержании")),
    # a relative clause: "X, в результате которого …"
    ("Вечером в Омске произошла перестрелка, в результате которой был убит охранник.", ("убит", "перестрелка")),
    ("На окраине города случилась авария, в ходе которой пострадали четыре человека.", ("пострадали", "авария")),
    # "В результате" with no noun: the incident told just before in the paragraph
    ("Боевики атаковали блокпост. В результате погибли двое солдат.", ("погибли", "атаковали")),
    # stages: a final of a championship, a round of an election, an opening of a festival
    ("Сборная Бразилии проиграла в финале чемпионата мира.", ("финале", "чемпионата")),
    ("Кандидат от оппозиции победил во втором туре президентских выборов.", ("туре", "выборов")),
    ("Торжественное открытие кинофестиваля прошло в Омске.", ("открытие", "кинофестиваля")),
    ("Открытие выставки состоялось в музее.", ("Открытие", "выставки")),
]


@pytest.mark.parametrize("sentence,pair", CASES, ids=[f"{c[0][:40]}:{c[1][0]}" for c in CASES])
def test_part_of_the_whole(sentence, pair):
    assert pair in parts(sentence)


NEGATIVE = [
    "Открытие магазина прошло вчера.",  # an opening of a shop is no ceremony of a happening
    "Охранник погиб. В результате проверки уволен директор.",  # a check is no incident
    "Турист погиб в среду.",
    "Журналист рассказал о войне и о выборах.",
]


@pytest.mark.parametrize("sentence", NEGATIVE, ids=[c[:40] for c in NEGATIVE])
def test_no_part(sentence):
    assert not parts(sentence)


def test_a_stage_does_not_retell_the_earlier_stage_of_another_whole():
    facts = extract(Document(id="t", text="Пеле зажёг огонь на открытии Игр. Открытие выставки состоялось в музее."))
    openings = [i for i in facts.incidents if i.label == "церемония открытия"]
    assert len(openings) == 2


def test_a_death_in_a_setting_is_its_casualty_and_its_part():
    facts = extract(Document(id="t", text="Полицейский погиб при взрыве."))
    explosion = next(i for i in facts.incidents if i.type == "Explosion")
    death = next(i for i in facts.incidents if i.type == "Death")
    assert death.part_of == explosion.key
    assert [p.role for p in explosion.participations] == ["casualty"]
    assert [p.role for p in death.participations] == ["casualty"]


MORE = [
    ("Самодельная бомба взорвалась у входа, ранив двух прохожих.", ("ранив", "взорвалась")),
    ("Все вспоминают теракт в Лондоне, когда погибли восемь человек.", ("погибли", "теракт")),
    ("Боевики открыли огонь по блокпосту. Тогда были убиты двое солдат.", ("убиты", "открыли огонь")),
    ("Офицер погиб в результате дорожно-транспортного происшествия.", ("погиб", "происшествия")),
    ("Концерт пианиста на фестивале в Омске прошёл с успехом.", ("Концерт", "фестивале")),
    ("Хоккеисты проиграли в четвертьфинале чемпионата мира.", ("четвертьфинале", "чемпионата")),
]


@pytest.mark.parametrize("sentence,pair", MORE, ids=[f"{c[0][:40]}:{c[1][0]}" for c in MORE])
def test_consequences_and_settings(sentence, pair):
    assert pair in parts(sentence)


def test_a_ceremony_of_a_coronation_is_the_coronation_not_a_part():
    assert not parts("Церемония коронации состоялась в соборе.")


def test_wounds_received_are_an_injury_of_who_received_them():
    facts = extract(Document(id="t", text="Двое полицейских получили ранения."))
    injury = next(i for i in facts.incidents if i.type == "Injury")
    assert [p.role for p in injury.participations] == ["victim"]

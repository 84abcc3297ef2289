"""Awards beyond "награждён орденом X": conferrals named by a noun, lists of quoted awards,
holders of several awards, medals by metal and trophies, titles of countries and federations,
the subject of a life story. Sentences of our own."""

from __future__ import annotations

import pytest

from events_helpers import awarded


CASES = [
    ("Президент подписал указ о награждении писателя Ивана Орлова орденом Почёта.",
     ("Иван Орлов", "орденом Почёта")),
    ("Олег Белов награждён орденами «За храбрость», «За службу Родине».", ("Олег Белов", "За службу Родине")),
    ("Олег Белов награждён орденами «За храбрость», «За службу Родине».",
     ("Олег Белов", "орденами «За храбрость»")),
    ("Иван Сидоров — генерал в отставке, кавалер ордена Славы, ордена Красного Знамени.",
     ("Иван Сидоров", "ордена Красного Знамени")),
    ("Бронзовая медаль досталась Анне Ким.", ("Анна Ким", "Бронзовая медаль")),
    ("Анна Ким завоевала золото.", ("Анна Ким", "золото")),
    ("Боксёр Олег Лось завоевал чемпионский пояс.", ("Олег Лось", "чемпионский пояс")),
    ("Олег Лось стал чемпионом Италии.", ("Олег Лось", "чемпионом Италии")),
]


@pytest.mark.parametrize("text,pair", CASES, ids=[f"{c[0][:40]}:{c[1][1]}" for c in CASES])
def test_award_read(text, pair):
    assert pair in awarded(text)


def test_other_awards_in_a_list_are_not_an_award():
    found = awarded("Иван Сидоров — кавалер ордена Славы и других наград.")
    assert ("Иван Сидоров", "ордена Славы") in found
    assert not [a for _, a in found if "наград" in a]


def test_an_award_in_a_life_story_goes_to_the_person_it_is_about():
    text = ("Иван Орлов родился в 1930 году в Москве. Иван Орлов окончил университет. Его учителем был "
            "профессор Пётр Гуров. Награждён орденом Дружбы.")
    assert awarded(text) == {("Иван Орлов", "орденом Дружбы")}

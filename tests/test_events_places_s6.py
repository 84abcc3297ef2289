"""Where an incident happened, when the parser hangs the place away from the incident's word:
on the verb of its outcome ("в результате взрыва в Минске ранен"), below a part of a place ("в
районе города X"), on the second of two verbs joined by "и", in apposition to "столица", or in
an adjective made from a city's name ("Бостонский марафон"). Sentences of our own."""

from __future__ import annotations

import pytest
from events_helpers import summary


@pytest.mark.parametrize("text, where", [
    # the cause's place hangs on the verb of the death or wound it caused
    ("В результате взрыва в Минске ранен охранник банка.", "Explosion@Минск"),
    ("Под Тверью в результате аварии в Калининском районе погиб водитель грузовика.", "Accident@Калининский район"),
    # a part of a place, down to the named place it lies in
    ("Задержания произошли в районе города Анталья.", "Detention@Анталья"),
    # the city in apposition to "столица", not the country it is the capital of
    ("В столице Венгрии Будапеште прошли многотысячные демонстрации.", "Protest@Будапешт"),
    # two verbs joined by "и" share the place told after both
    ("Известный художник родился и вырос в Калуге.", "Birth@Калуга"),
    # an adjective made from a city's name the dictionary knows
    ("На Бостонском марафоне бежали тысячи спортсменов.", "Competition@Бостон"),
    ("Актриса из Рязани получила приз Каннского кинофестиваля.", "Incident@Канны"),
])
def test_the_place_hung_away_from_the_word_is_where_it_happened(text, where):
    assert where in summary(text)


def test_a_building_keeps_no_city_that_the_text_names_for_the_building():
    # NEREL names the building itself as the place ("на стадионе", "в соборе"): not the city under it
    got = summary("Церемония прошла на новом стадионе в Харькове.")
    assert "Ceremony@Харьков" not in got


def test_a_place_one_is_taken_to_is_not_where_the_cause_happened():
    got = summary("После драки в баре раненого доставили в больницу в Самаре.")
    assert "Fight@Самара" not in got

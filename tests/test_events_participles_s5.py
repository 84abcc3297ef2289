"""A participle of a happening standing before the person it qualifies tells that happening:
"похищенный боевиками журналист" was kidnapped by them. Sentences of our own."""

from __future__ import annotations

from events_helpers import labelled


def test_a_kidnapped_journalist_named_with_the_kidnappers_is_a_kidnapping():
    got = labelled("Похищенный боевиками журналист Олег Белов был освобождён в среду.")
    assert "Kidnapping.victim=Олег Белов" in got
    assert "Kidnapping.perpetrator=боевики" in got
    assert "Release.recipient=Олег Белов" in got


def test_the_instrumental_before_the_noun_is_the_killer_not_a_victim():
    got = labelled("Застреленный полицейским грабитель Иван Гусев скончался по дороге в больницу.")
    assert "Killing.victim=Иван Гусев" in got
    assert "Killing.perpetrator=полицейский" in got
    assert "Killing.victim=полицейский" not in got


def test_a_deputy_detained_in_a_named_city_was_detained_there():
    got = labelled("Задержанный в Омске депутат Пётр Лисов дал признательные показания.")
    assert "Detention.detainee=Пётр Лисов" in got
    assert "Detention@Омск" in got


def test_killed_by_grief_is_no_killing():
    got = labelled("Убитый горем отец Павел Седов долго не мог говорить с журналистами.")
    assert "Killing" not in got
    assert "died:Павел Седов" not in got


def test_a_held_flight_is_no_detention():
    got = labelled("Задержанный в Москве рейс на Сочи вылетел только утром.")
    assert "Detention" not in got


def test_a_participle_that_only_describes_tells_nothing():
    # jewels are no person: a theft perhaps, but nobody kidnapped
    got = labelled("Похищенные драгоценности так и не нашли, сообщил следователь Антон Зуев.")
    assert "Kidnapping" not in got


def test_the_one_who_wounded_is_the_instrumental_even_when_parsed_as_a_predicate():
    got = labelled("Раненный охранником грабитель был задержан прямо на месте.")
    assert "Injury.victim=грабитель" in got
    assert "Injury.perpetrator=охранник" in got
    assert "Detention.detainee=грабитель" in got


def test_a_post_in_the_instrumental_is_no_doer():
    got = labelled("Назначенный министром Олег Белов приступил к работе в понедельник.")
    assert not any(fact.endswith(".perpetrator=министр") or fact.endswith(".actor=министр") for fact in got)


def test_an_animate_noun_the_persons_layer_does_not_know_still_tells_the_harm():
    got = labelled("Раненный сторожем убийца был доставлен в районную больницу.")
    assert "Injury.perpetrator=сторож" in got
    assert "Injury.victim=сторож" not in got


def test_a_singer_detained_the_day_before_was_detained():
    got = labelled("Задержанный накануне певец Олег Белов отпущен под залог.")
    assert "Detention.detainee=Олег Белов" in got
    assert "Release.recipient=Олег Белов" in got


def test_a_flight_held_yesterday_is_no_detention():
    assert "Detention" not in labelled("Задержанный вчера рейс на Сочи вылетел лишь к полуночи.")


def test_a_killer_wounded_by_a_guard_is_the_victim_of_the_wounding():
    got = labelled("Раненный охранником убийца был доставлен в больницу.")
    assert "ранение.victim=убийца" in got
    assert "ранение.perpetrator=охранник" in got

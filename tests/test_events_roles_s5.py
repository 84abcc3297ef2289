"""Who did it and to whom, read from case and agreement rather than word order, on sentences of
our own: a wrong role is a wrong fact in a historian's graph."""

from __future__ import annotations

from events_helpers import labelled


# -- the object before the verb, the subject after it ------------------------------------------

def test_the_killer_named_after_the_verb_in_the_nominative_did_it():
    got = labelled("Андрея Белова зарезал 35-летний Олег Рябов")
    assert "Killing.perpetrator=Олег Рябов" in got
    assert "Killing.victim=Андрей Белов" in got
    assert "Killing.victim=Олег Рябов" not in got
    assert "died:Олег Рябов" not in got


def test_a_plural_verb_takes_the_plural_subject_not_the_name_before_it():
    # "Ли Мин Хо" does not decline; the plural verb cannot agree with one man
    got = labelled("Накануне Ли Мин Хо в тюрьме посетили дипломаты.")
    assert "Visit.actor=дипломаты" in got
    assert "Visit.actor=Ли Мин Хо" not in got


def test_a_person_heads_a_club_even_when_the_club_is_named_first():
    got = labelled("«Ротор» возглавил Лунёв")
    assert "Appointment.actor=Лунёв" in got
    assert "Appointment.actor=Ротор" not in got


def test_the_usual_order_still_reads_as_before():
    got = labelled("Вчера полицейские задержали Ивана Петрова.")
    assert "Detention.detainee=Иван Петров" in got
    assert "Detention.lawEnforcement=полицейские" in got


def test_a_name_that_can_be_any_case_is_left_to_the_parser():
    # "Мэри" does not decline: the case cannot overrule the parser, so she is not made the killer
    got = labelled("Джона Брауна застрелила соседка Мэри.")
    assert "Killing.victim=Джон Браун" in got
    assert "Killing.perpetrator=Джон Браун" not in got


# -- poisoning -----------------------------------------------------------------------------------

def test_those_poisoned_by_bad_food_did_not_kill_themselves():
    got = labelled("Медики считают, что Олег Кравцов и Юрий Лапин отравились несвежими грибами.")
    assert not any(".actor=" in x for x in got)


def test_a_poisoning_the_line_calls_a_suicide_is_one():
    got = labelled("Следователи считают, что Олег Кравцов покончил с собой: он отравился таблетками.")
    assert any(x.endswith(".actor=Олег Кравцов") for x in got)


# -- "от рук" -------------------------------------------------------------------------------------

def test_one_who_died_by_someones_hands_was_killed_by_them():
    got = labelled("По версии следствия, Олег Рябов погиб от рук своего соседа Ивана Гусева.")
    assert "Killing.perpetrator=Иван Гусев" in got
    assert "Killing.victim=Олег Рябов" in got


def test_a_group_that_died_by_the_hands_of_others_was_killed():
    got = labelled("Оба журналиста погибли от рук террористов.")
    assert "Killing.perpetrator=террористы" in got
    assert "Killing.victim=журналисты" in got


def test_dying_of_an_illness_is_no_killing():
    got = labelled("Иван Гусев умер от рака в возрасте 80 лет.")
    assert "Killing" not in got


# -- "он" as a subject ----------------------------------------------------------------------------

def test_he_who_goes_on_acting_is_the_one_the_story_is_about_not_his_victim():
    got = labelled("Олег Рябов был арестован за убийство соседа Андрея Белова. "
                   "В тюрьме он избил сокамерника Павла Лосева.")
    assert "Attack.perpetrator=Олег Рябов" in got
    assert "Attack.perpetrator=Андрей Белов" not in got


"""Which incident is a part of which: a death told in the line after the happening that caused it,
a meeting held on a visit, a greeting given inside a talk. Sentences of our own."""

from __future__ import annotations

from kgbuild.extract import extract
from kgbuild.model import Document


def parts(text: str) -> set[tuple[str, str]]:
    """(the part's first word, its whole's first word) for each incident told as a part."""
    facts = extract(Document(id="t", text=text))
    word = {i.key: i.trigger.quote.split()[0] for i in facts.incidents if i.trigger is not None}
    return {(word[i.key], word[i.part_of]) for i in facts.incidents
            if i.part_of and i.key in word and i.part_of in word}


# -- a death or a wound told right after the line of its cause ----------------------------------

def test_a_death_in_the_next_line_is_what_the_crash_did():
    found = parts("Вечером под Вологдой на трассе разбился рейсовый автобус. Погибли шесть пассажиров.")
    assert ("Погибли", "разбился") in found


def test_a_wound_in_the_next_line_is_what_the_blast_did():
    found = parts("Утром в подвале жилого дома в Саратове прогремел взрыв. Пострадали трое жильцов.")
    assert ("Пострадали", "взрыв") in found


def test_a_death_from_wounds_came_later_and_is_no_part():
    # "умер от ранений": after the happening, not in it
    found = parts("Утром в подвале жилого дома в Саратове прогремел взрыв. Через неделю один жилец умер от ранений.")
    assert not any(p[0] == "умер" for p in found)


def test_a_death_after_a_killing_tells_the_killing_again():
    # the killing told before is the death itself, not its cause
    found = parts("В Самаре застрелили владельца автосалона. Он скончался на месте.")
    assert not any(p[0] == "скончался" for p in found)


def test_a_death_in_another_paragraph_is_no_part():
    found = parts("Вечером под Вологдой на трассе разбился рейсовый автобус.\n\nПогибли шесть пассажиров.")
    assert not any(p[0] == "Погибли" for p in found)


# -- a deed on a visit, a deed inside a talk -------------------------------------------------------

def test_a_meeting_of_one_on_a_visit_is_a_part_of_the_visit():
    found = parts("Премьер Японии, находящийся с визитом в Казахстане, встретился в Астане со студентами.")
    assert ("встретился", "визитом") in found


def test_a_greeting_told_inside_a_phone_talk_is_a_part_of_it():
    found = parts("Канцлер Германии в телефонном разговоре поздравил президента Франции с победой.")
    assert ("поздравил", "разговоре") in found


def test_a_wound_told_by_an_infinitive_is_a_deed_of_the_doer_not_a_part():
    found = parts("В Омске на рынке прогремел взрыв. Сапёр успел ранить себя при осмотре.")
    assert not any(p[0] == "ранить" for p in found)

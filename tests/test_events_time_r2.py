"""When a happening told by a noun took place: a date that closes the noun's own phrase ("бои в
пригородах Донецка в июле 2014 года") is its date, whatever word the parser hung the date on; not
past a happening told before or after it. Sentences of our own."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document


def dated(text: str) -> dict[str, str | None]:
    """Each incident's type -> the phrase of its date."""
    facts = extract(Document(id="t", text=text))
    return {inc.type: inc.date.phrase if inc.date else None for inc in facts.incidents}


# -- a date that closes the noun's own phrase --------------------------------------------------

@pytest.mark.parametrize("text, kind, phrase", [
    ("Журналист прославился репортажами о боях в пригородах Донецка в июле 2014 года.",
     "ArmedConflict", "в июле 2014 года"),
    ("Следователи изучают обстоятельства гибели рыбака в 2003 году.", "Death", "в 2003 году"),
    ("Мы встретились во время визита министра в Самару в марте прошлого года.",
     "Visit", "в марте прошлого года"),
])
def test_a_date_right_after_a_happenings_phrase_is_its_date(text, kind, phrase):
    assert dated(text)[kind] == phrase


def test_not_past_a_happening_told_before_or_after_it():
    # the day is the match's; the fight came after it, the text does not say when
    found = dated("Фанат был задержан за драку после матча 5 мая.")
    assert found["Competition"] == "5 мая" and found["Incident"] is None

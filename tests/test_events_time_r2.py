"""When a post is given or left by a decree: the day the decree is signed is the day the
resignation or appointment takes effect, as the day of "заявил об уходе" is the leaving's. A
request for it ("подал прошение об отставке") is no such act. Sentences of our own."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document


def dated(text: str) -> dict[str, str | None]:
    """Each incident's type -> the phrase of its date."""
    facts = extract(Document(id="t", text=text))
    return {inc.type: inc.date.phrase if inc.date else None for inc in facts.incidents}


@pytest.mark.parametrize("text, kind, phrase", [
    ("Вчера губернатор Тульской области подписал указ об отставке своего заместителя.",
     "Resignation", "Вчера"),
    ("12 марта 2015 года мэр Казани подписал распоряжение о назначении Ивана Петрова главой района.",
     "Appointment", "12 марта 2015 года"),
    ("5 мая 2014 года президент подписал указ, согласно которому Пётр Сидоров назначен послом в Чехии.",
     "Appointment", "5 мая 2014 года"),
])
def test_a_post_given_or_left_by_a_decree_takes_the_day_it_is_signed(text, kind, phrase):
    assert dated(text)[kind] == phrase


def test_the_signing_keeps_its_day_as_well():
    found = dated("Вчера губернатор Тульской области подписал указ об отставке своего заместителя.")
    assert found["Signing"] == "Вчера"

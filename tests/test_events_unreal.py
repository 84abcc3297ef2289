"""What was only prepared, planned, threatened or wanted is no incident: a historian's graph
must not record an explosion that a plot never carried out."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document


def kinds(text: str) -> list[str]:
    return [i.type for i in extract(Document(id="t", text=text)).incidents]


@pytest.mark.parametrize("text, unwanted", [
    ("Полиция арестовала троих мужчин по подозрению в подготовке теракта.", "Explosion"),
    ("Он угрожал взорвать здание вокзала.", "Explosion"),
    ("Заговорщики планировали убить губернатора.", "Killing"),
    ("На шахте сохраняется угроза взрыва метана.", "Explosion"),
])
def test_what_did_not_happen_is_no_incident(text, unwanted):
    assert unwanted not in kinds(text)


@pytest.mark.parametrize("text, wanted", [
    ("В центре города прогремел взрыв.", "Explosion"),
    ("Его задержали по подозрению в убийстве журналиста.", "Killing"),  # the killing happened
])
def test_what_happened_stays(text, wanted):
    assert wanted in kinds(text)


@pytest.mark.parametrize("text", [
    "Президент Олег Смирнов посетит Казань в мае.",  # announced, not yet happened
    "Новым министром будет назначен Пётр Орлов.",
])
def test_what_is_only_announced_is_no_incident(text):
    assert kinds(text) == []

"""Named buildings and sites as the places where things happen: a kind word with the name in
quotes ("на стадионе «…»"), or a body named after its building ("на … ГЭС", "в Доме …").
NEREL links the building itself, not the city it stands in. Sentences of our own."""

from __future__ import annotations

import pytest

from kgbuild.evaluation.adapter import place_category
from kgbuild.extract import extract
from kgbuild.model import Document


def where(text: str) -> dict[str, tuple[str, str | None]]:
    """The first word telling each incident -> (its place's label, the place's NEREL type)."""
    facts = extract(Document(id="t", text=text))
    out = {}
    for inc in facts.incidents:
        if inc.trigger is None:
            continue
        place = facts.entity(inc.place) if inc.place else None
        out[inc.trigger.quote.split()[0]] = (place.label, place_category(place.place_type)) if place else None
    return out


@pytest.mark.parametrize("text, word, label", [
    ("Вчера на стадионе «Юбилейный» прошёл товарищеский матч двух молодёжных команд.",
     "матч", "стадион «Юбилейный»"),
    ("Пожилой турист умер в гостинице «Северная звезда» от сердечного приступа.",
     "умер", "гостиница «Северная звезда»"),
])
def test_a_building_named_in_quotes_after_its_kind_is_where_it_happened(text, word, label):
    assert where(text)[word] == (label, "FACILITY")


@pytest.mark.parametrize("text, word, label", [
    ("Ночью на Саяно-Шушенской ГЭС случилась авария с одним из агрегатов.", "авария", "Саяно-Шушенская ГЭС"),
    ("Прощание с актёром пройдёт в Доме актёра в понедельник.", "Прощание", "Дом актёра"),
])
def test_a_body_named_after_its_building_is_where_it_happened(text, word, label):
    place = where(text)[word]
    assert place is not None and place[1] == "FACILITY" and place[0].lower() == label.lower()


def test_a_council_called_a_sobor_is_no_building():
    # "Поместный Собор" is a gathering of the church, not a cathedral
    place = where("Нового настоятеля избрали на Поместном Соборе в прошлом месяце.").get("избрали")
    assert place is None or place[1] != "FACILITY"


@pytest.mark.parametrize("text, word, label", [
    ("Похороны учёного пройдут на Старом Северном кладбище в четверг.", "Похороны", "Старое Северное кладбище"),
    ("Вчера в Покровском кафедральном соборе прошло отпевание архитектора.", "отпевание",
     "Покровский кафедральный собор"),
])
def test_a_building_named_by_a_capitalised_adjective_is_where_it_happened(text, word, label):
    assert where(text)[word] == (label, "FACILITY")


def test_a_plain_adjective_before_a_building_names_none():
    # "на новом стадионе" is some stadium; a capital on a place's adjective makes no name either
    assert where("В субботу на новом стадионе прошёл матч юношеских команд.")["матч"] is None
    assert not any(p.place_type == "объект" for p in extract(Document(
        id="t", text="Писатель умер в одной из Швейцарских клиник.")).places)


def test_a_quoted_deed_after_a_building_is_no_name_and_a_known_street_keeps_its_name():
    # "в храме «молебен»" tells what was done there; natasha's "Тверской бульвар" stays as it is
    places = extract(Document(id="t", text="Вечером в храме «молебен» устроили трое незнакомцев.")).places
    assert not any(p.place_type == "объект" and "«" in p.label for p in places)
    labels = {p.label for p in extract(Document(id="t", text="Друзья гуляли по вечерам на Тверском бульваре.")).places}
    assert "Тверский бульвар" not in labels

"""Places: nominative names, types, containment read from the text, abbreviations."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document


def places(text: str):
    f = extract(Document(id="t", text=text))
    return f, {p.label: p for p in f.places}


@pytest.mark.parametrize("text, label, place_type", [
    ("Он вырос в посёлке Степной.", "Степной", "посёлок"),
    ("Учения прошли в Карагандинской области.", "Карагандинская область", "область"),
    ("Дорогу отремонтировали в Бурабайском районе.", "Бурабайский район", "район"),
    ("Делегация прилетела из Казахстана.", "Казахстан", "страна"),
    ("Снег выпал в городе Петропавловск.", "Петропавловск", "город"),
])
def test_place_names_and_types(text, label, place_type):
    _, found = places(text)
    assert label in found, found.keys()
    assert found[label].place_type == place_type


def test_a_settlement_followed_by_its_district_is_located_in_it():
    f, found = places("Пожар случился в селе Луговое Жамбылского района.")
    assert found["Луговое"].located_in == found["Жамбылский район"].key
    assert any(l.relation == "LOCATED_IN" for l in f.links)


def test_no_containment_is_invented_between_places_in_a_list():
    _, found = places("Он бывал в Омске и в Казахстане.")
    assert all(p.located_in is None for p in found.values())


def test_a_regional_abbreviation_is_expanded():
    _, found = places("Проверку провели в колониях ВКО.")
    region = found["Восточно-Казахстанская область"]
    assert region.place_type == "область"
    assert region.alt_names == ["ВКО"]
    assert [m.quote for m in region.mentions] == ["ВКО"]


def test_a_country_inside_an_institution_name_is_a_place_mention():
    f, found = places("Об этом сообщили в МВД Киргизии.")
    assert "Киргизия" in found
    inst = f.institutions[0]
    assert inst.located_in == found["Киргизия"].key


@pytest.mark.parametrize("text, inner, outer", [
    ("Стрельба произошла в Питтсбурге, штат Пенсильвания.", "Питтсбург", "Пенсильвания"),
    ("Суд в Сан-Франциско (США) обязал компанию заплатить.", "Сан-Франциско", "США"),
    ("Памятник открыли в Торгау в Германии.", "Торгау", "Германия"),
])
def test_containment_stated_by_a_kind_word_brackets_or_in(text, inner, outer):
    _, found = places(text)
    assert found[inner].located_in == found[outer].key


@pytest.mark.parametrize("text", [
    "Он переехал из Москвы в Германию.",
    "Он летал в Лондон в Англию.",
])
def test_a_journey_from_one_place_to_another_is_no_containment(text):
    _, found = places(text)
    assert all(p.located_in is None for p in found.values())


def test_a_district_of_a_text_about_one_country_lies_in_that_country():
    f, found = places("В Узбекистане прошли учения. Спасатели работали в селе Каштан Ташлакского района.")
    assert found["Ташлакский район"].located_in == found["Узбекистан"].key


def test_with_two_countries_named_a_district_is_left_where_the_text_leaves_it():
    f, found = places("Делегация из Узбекистана прибыла в Казахстан. Встреча прошла в селе Каштан "
                      "Ташлакского района.")
    assert found["Ташлакский район"].located_in is None


def test_a_place_adjective_before_a_kind_word_holds_the_place():
    from kgbuild.extract import extract
    from kgbuild.model import Document

    f = extract(Document(id="t", text="Трагедия произошла в украинском селе Цибулёво."))
    village = next(p for p in f.places if p.label == "Цибулёво")
    assert f.entity(village.located_in).label == "Украина"
    # a journey from one place to another is no containment
    f = extract(Document(id="t", text="Он переехал из украинского села в Киев."))
    assert all(p.located_in is None for p in f.places)


@pytest.mark.parametrize("text, inner, outer", [
    ("В Казани, столице Татарстана, открылась выставка.", "Казань", "Татарстан"),
    ("Она жила в городе Тусон (штата Аризона).", "Тусон", "Аризона"),
    ("В одной из школ Кировского района Нижнего Новгорода отключили свет.", "Кировский район",
     "Нижний Новгород"),
])
def test_containment_stated_beside_the_name(text, inner, outer):
    from kgbuild.extract import extract
    from kgbuild.model import Document

    f = extract(Document(id="t", text=text))
    place = next(p for p in f.places if p.label == inner)
    assert f.entity(place.located_in).label == outer


def test_a_kind_word_before_a_genitive_names_another_place():
    from kgbuild.extract import extract
    from kgbuild.model import Document

    f = extract(Document(id="t", text="В Уфе, столице Башкортостана, открыли музей."))
    assert next(p for p in f.places if p.label == "Башкортостан").place_type != "город"


@pytest.mark.parametrize("text, body, city", [
    ("Хорошевский суд Москвы признал его виновным.", "Хорошевский суд Москвы", "Москвы"),
    ("Юбилей отметил руководитель Московского академического театра Сатиры.",
     "Московского академического театра Сатиры", "Московского"),
])
def test_a_city_inside_a_bodys_name_is_a_place_and_where_the_body_is(text, body, city):
    from kgbuild.extract import extract
    from kgbuild.model import Document

    f = extract(Document(id="t", text=text))
    assert [p.label for p in f.places] == ["Москва"]
    assert ("HEADQUARTERED_IN", body, city) in {(l.relation, l.source.quote, l.target.quote) for l in f.links}


def test_a_part_of_a_country_holds_the_place_on_it():
    from kgbuild.extract import extract
    from kgbuild.model import Document

    f = extract(Document(id="t", text="Обстрел был вблизи Славянска на востоке Украины."))
    town = next(p for p in f.places if p.label == "Славянск")
    part = f.entity(town.located_in)  # the part of the country is a place of its own
    assert part.label == "восток Украины" and f.entity(part.located_in).label == "Украина"
    # a journey towards a part of a country is no containment
    f = extract(Document(id="t", text="Он поехал из Москвы на юг Украины."))
    assert all(p.located_in is None for p in f.places)


def linked(text: str, relation: str = "LOCATED_IN") -> set[tuple[str, str]]:
    f = extract(Document(id="t", text=text))
    return {(l.source.quote, l.target.quote) for l in f.links if l.relation == relation}


@pytest.mark.parametrize("text, inner, part, whole", [
    ("Выставку открыли в городе Авиньоне на юге Франции.", "Авиньоне", "юге Франции", "Франции"),
    ("Она выросла в городе Жешув на юго-востоке Польши.", "Жешув", "юго-востоке Польши", "Польши"),
    ("Матч сыграли в городе Кордова в центральной части Аргентины.", "Кордова",
     "центральной части Аргентины", "Аргентины"),
])
def test_a_part_of_a_place_is_a_place_inside_it_holding_what_the_text_puts_there(text, inner, part, whole):
    assert {(inner, part), (part, whole)} <= linked(text)


@pytest.mark.parametrize("text, inner, outer", [
    # the capital named after its country
    ("Памятник установили в столице Венгрии Будапеште ещё в июле.", "Будапеште", "Венгрии"),
    ("Протестующие вышли на улицы столицы Ганы — Аккры.", "Аккры", "Ганы"),
    # a place said to be a city or a state in another
    ("Чикаго — третий по величине город в США.", "Чикаго", "США"),
    ("Макао — автономия в составе Китая.", "Макао", "Китая"),
    # the kind word of the larger place without "в" or a comma, and with an adjective before it
    ("Она родилась в Наньпине провинции Фуцзянь.", "Наньпине", "Фуцзянь"),
    ("Авария произошла недалеко от Труро в канадской провинции Новая Шотландия.", "Труро",
     "Новая Шотландия"),
    # a place adjective right before the name, and before a foreign kind word
    ("Полиция задержала пятерых после перестрелки в армянском Гаваре.", "Гаваре", "армянском"),
    ("Он родился в японской префектуре Канагава.", "Канагава", "японской"),
    # a square keeps its kind word in its name
    ("Акция прошла на площади Тахрир в Каире.", "площади Тахрир", "Каире"),
])
def test_containment_the_sentence_states(text, inner, outer):
    assert (inner, outer) in linked(text)


@pytest.mark.parametrize("text", [
    "Он поехал из Москвы на юг Украины.",
    "Москва — город, который он любил, а жил он в Берлине.",
    "Он вылетел из столицы Венгрии в Вену.",
])
def test_no_containment_from_journeys_or_loose_appositions(text):
    assert not linked(text)


def test_a_name_in_its_own_letters_in_brackets_is_another_name_of_the_place():
    f = extract(Document(id="t", text="В то время она работала в городе Мосул (Mossul) в больнице."))
    assert ("Мосул", "Mossul") in {(l.source.quote, l.target.quote) for l in f.links
                                   if l.relation == "ALTERNATIVE_NAME"}
    assert {p.place_type for p in f.places} == {"город"}


def test_a_district_of_the_capital_is_not_the_capital():
    assert ("Калорама", "США") not in linked("Они купили дом в районе столицы США — Калорама.")


def test_parts_of_the_world_in_a_list_hold_nothing():
    assert not linked("Оркестр возил новую программу в Европу, Австралию, Китай.")


def test_a_countrys_name_and_its_adjective_in_one_sentence_are_two_names_of_it():
    assert ("Франции", "французским") in linked("Премьер обратился к Франции и французским избирателям.",
                                                "ALTERNATIVE_NAME")
    # in two sentences they are not linked
    assert not linked("Он живёт во Франции. Французские власти молчат.", "ALTERNATIVE_NAME")


@pytest.mark.parametrize("text, label, place_type", [
    ("Он родился в префектуре Киото.", "Киото", "провинция"),
    ("Министр финансов земли Гессен покончил с собой.", "Гессен", "провинция"),
])
def test_kind_words_of_foreign_regions_type_the_place(text, label, place_type):
    _, found = places(text)
    assert found[label].place_type == place_type


@pytest.mark.parametrize("text, inner, outer", [
    ("Он погиб в афганской провинции Кунар.", "Кунар", "афганской"),
    ("Выставка прошла в столице Нидерландов городе Амстердаме.", "Амстердаме", "Нидерландов"),
    ("Хироси Танака работал в городе Майдзуру в префектуре Киото.", "Майдзуру", "Киото"),
])
def test_more_containment_the_sentence_states(text, inner, outer):
    assert (inner, outer) in linked(text)


@pytest.mark.parametrize("text, site, city, city_type", [
    ("В 2017 году его арестовали в аэропорту Болоньи.", "Аэропорт Болоньи", "Болонья", "город"),
    ("Вандалы разбили витрину у входа на станцию московского метро.", "Московское метро", "Москва", "город"),
    ("Туристы пришли в зоопарк Берлина.", "Зоопарк Берлина", "Берлин", "город"),
])
def test_a_citys_airport_or_metro_is_a_site_in_that_city(text, site, city, city_type):
    _, found = places(text)
    assert site in found and city in found, found.keys()
    assert found[site].place_type == "объект" and found[site].located_in == found[city].key
    assert found[city].place_type == city_type  # the city is no longer read as the site's name


@pytest.mark.parametrize("text", [
    "Его держали в тюрьме Гуантанамо.",  # the name of the site itself
    "Самолёт сел в аэропорту Шереметьево.",
    "Писателя положили в уфимскую больницу.",  # any of the city's hospitals: no named site
    "В аэропортах Москвы усилили охрану.",  # many of them
])
def test_no_site_in_a_city_without_a_one_of_a_kind_facility(text):
    f, found = places(text)
    assert not any(p.place_type == "объект" and p.located_in for p in f.places), found.keys()


@pytest.mark.parametrize("text, body, place", [
    ("Пресс-служба УВД Томской области сообщила о задержании.", "Управление внутренних дел Томской области",
     "Томская область"),
    ("Сотрудники прокуратуры Самарской области провели проверку.", "прокуратура Самарской области",
     "Самарская область"),
])
def test_a_region_inside_a_bodys_name_is_a_place_of_its_own_and_where_the_body_is(text, body, place):
    f, found = places(text)
    assert place in found, found.keys()
    inst = next(i for i in f.institutions if i.label.lower() == body.lower())
    assert f.entity(inst.located_in).label == place


def test_a_street_named_after_a_person_keeps_its_kind_and_case():
    facts = extract(Document(id="t", text="Пешехода сбили на улице Ленина в Казани."))
    assert "улица Ленина" in {p.label for p in facts.places}
    assert "Ленин" not in {p.label for p in facts.places}


@pytest.mark.parametrize("text, place", [
    ("Делегация немецкого правительства прибыла в Казань.", "Германия"),  # not "Нева"
    ("Американский посол встретился с журналистами.", "США"),
    ("Парижская полиция задержала двоих.", "Париж"),
    ("Уфимский суд вынес приговор.", "Уфа"),
])
def test_a_place_adjective_names_the_place_it_comes_from(text, place):
    assert place in {p.label for p in extract(Document(id="t", text=text)).places}


@pytest.mark.parametrize("text, not_a_place", [
    ("Лыжница выступит на Олимпийских играх в Корее.", "Олимпия"),
    ("Солдаты жили в спартанских условиях на границе.", "Спарта"),
])
def test_an_adjective_that_has_left_its_place_names_none(text, not_a_place):
    assert not_a_place not in {p.label for p in extract(Document(id="t", text=text)).places}

"""Persons within one document: no person glued from two people's names, and a surname, a given
name or a patronymic joined to the person the text names in full."""

from __future__ import annotations

from kgbuild.extract import extract
from kgbuild.model import Document


def people(text: str) -> dict[str, list[str]]:
    """Each named person's label with the mentions (as written) that name that person."""
    facts = extract(Document(id="t", text=text))
    return {p.label: [text[e.start:e.end] for e in p.mentions] for p in facts.persons if not p.anonymous}


def test_a_surname_ending_like_a_patronymic_is_a_surname():
    # "Янукович" and "Милошевич" end in -ович/-евич but the dictionary knows them only as surnames
    found = people("Переговоры Виктора Ющенко и Виктора Януковича закончились поздно вечером. "
                   "Виктор Ющенко вышел к журналистам первым.")
    assert set(found) == {"Виктор Ющенко", "Виктор Янукович"}, found
    assert found["Виктор Янукович"] == ["Виктора Януковича"]
    assert "Виктор Янукович Ющенко" not in found


def test_a_headline_surname_joins_the_full_name_in_the_body():
    found = people("Янукович прилетел в Брюссель\n\nВиктор Янукович в четверг прибыл в Брюссель "
                   "на встречу с руководством Евросоюза.")
    assert found == {"Виктор Янукович": ["Янукович", "Виктор Янукович"]}, found


def test_a_serbian_surname_on_evich_is_a_family_name():
    found = people("Суд над Слободаном Милошевичем длился четыре года. Милошевич умер в камере.")
    assert "Слободан Милошевич" in found, found
    assert len(found["Слободан Милошевич"]) == 2


def test_a_lone_word_that_can_be_a_patronymic_names_the_person_by_surname():
    # "Абрамович" is a patronymic as well as a surname: written alone it is the surname
    found = people("Бизнесмен Роман Абрамович приобрёл новую яхту. Абрамович отказался от комментариев.")
    assert found == {"Роман Абрамович": ["Роман Абрамович", "Абрамович"]}, found


def test_a_patronymic_still_reads_as_one_beside_a_given_name():
    found = people("Слово предоставили Анне Сергеевне. Анна Сергеевна поблагодарила коллег.")
    assert list(found) == ["Анна Сергеевна"], found


def test_given_name_and_patronymic_join_the_person_with_that_patronymic():
    # a later namesake with another (untold) patronymic does not take "Владимир Кириллович" over
    found = people("Великий князь Владимир Кириллович принял гостей в Париже. Среди гостей был "
                   "писатель Владимир Набоков. Владимир Кириллович подарил ему книгу.")
    assert found["Владимир Кириллович"] == ["Владимир Кириллович", "Владимир Кириллович"], found
    assert found["Владимир Набоков"] == ["Владимир Набоков"]


def test_another_patronymic_is_another_person():
    found = people("Директором школы стал Иван Петрович Смирнов. На вручении был Иван Сергеевич. "
                   "Иван Сергеевич пожелал ему удачи.")
    assert found["Иван Сергеевич"] == ["Иван Сергеевич", "Иван Сергеевич"], found
    assert "Иван Сергеевич Смирнов" not in found


def test_a_wiki_link_target_before_its_text_is_the_same_person():
    # "[[Уго|Уго Чавес]]" flattened: the link target and its text, two mentions of one person
    found = people("Это решение лидера Кубы Рауля|Рауля Кастро, принятое в прошлом году.")
    assert found == {"Рауль Кастро": ["Рауля", "Рауля Кастро"]}, found


def test_a_given_name_far_before_a_full_name_stays_apart():
    found = people("Девочку по имени Ольга нашли утром в лесу. Позже поисками руководила "
                   "Ольга Кравцова, глава отряда.")
    assert found["Ольга"] == ["Ольга"], found
    assert found["Ольга Кравцова"] == ["Ольга Кравцова"]


def test_a_namesake_mentioned_once_does_not_take_a_name_and_patronymic():
    found = people("Князь встречался с Николаем Петровым в Москве. Через много лет в Лондоне "
                   "Николай Андреевич написал воспоминания о юности.")
    assert found["Николай Петров"] == ["Николаем Петровым"], found
    assert found["Николай Андреевич"] == ["Николай Андреевич"]


def test_name_and_patronymic_address_the_person_the_text_is_about():
    found = people("Новым ректором стал Николай Петров. Николай Петров прежде руководил кафедрой. "
                   "Николай Андреевич поблагодарил коллег за поздравления.")
    assert found == {"Николай Андреевич Петров": ["Николай Петров", "Николай Петров",
                                                  "Николай Андреевич"]}, found


def test_a_surname_in_another_case_is_not_taken_for_a_given_name():
    found = people("Тренер Олег Лапин остался доволен игрой. Президент клуба поздравил Лапина с победой.")
    assert found == {"Олег Лапин": ["Олег Лапин", "Лапина"]}, found


def test_a_patronymic_in_an_oblique_case_comes_out_in_the_nominative():
    found = people("Портрет Марии Дмитриевны Волковой висит в зале. Цветы вручили Ольге Николаевне Смирновой.")
    assert {"Мария Дмитриевна Волкова", "Ольга Николаевна Смирнова"} <= set(found), found


def test_a_surname_on_a_soft_sign_or_y_joins_in_other_cases():
    found = people("Художник Пётр Коваль открыл выставку. Гости поздравили Коваля с успехом.")
    assert found == {"Пётр Коваль": ["Пётр Коваль", "Коваля"]}, found
    found = people("Режиссёр Антон Гордей снял новый фильм. Премию вручили Гордею в мае.")
    assert found == {"Антон Гордей": ["Антон Гордей", "Гордею"]}, found


def test_an_adjectival_surname_in_the_instrumental_joins():
    found = people("Поэт Игорь Вольский выступил в библиотеке. Встреча с Вольским длилась два часа.")
    assert found == {"Игорь Вольский": ["Игорь Вольский", "Вольским"]}, found


def test_two_names_in_a_caption_without_a_comma_are_two_persons():
    found = people("Пекарню открыли в Твери\n\n Хорхе Рамос Эдвард Ким \n\nГости обсудили проект.")
    assert set(found) == {"Хорхе Рамос", "Эдвард Ким"}, found


def test_a_four_word_name_with_two_given_names_stays_whole():
    found = people("Президент Андрес Мануэль Лопес Обрадор прилетел в Оттаву с коротким визитом.")
    assert list(found) == ["Андрес Мануэль Лопес Обрадор"], found


def test_a_foreign_surname_alone_in_the_headline_joins_the_full_name():
    # the dictionary does not know "Сноудену": first read as a given name, the body shows a surname
    found = people("Гонконг отказал Сноудену в визе\n\nВласти отказали Эдварду Сноудену в визе. "
                   "Эдвард Сноуден намерен обжаловать решение.")
    assert list(found) == ["Эдвард Сноуден"], found
    assert found["Эдвард Сноуден"][0] == "Сноудену"


def test_a_given_name_on_ay_joins_in_the_genitive():
    found = people("Тренер Николай Попов доволен сезоном. Игроки поблагодарили Николая за работу.")
    assert found == {"Николай Попов": ["Николай Попов", "Николая"]}, found
    found = people("Ирина Лозовая выступила первой. Затем Лозовой вручили диплом.")
    assert found == {"Ирина Лозовая": ["Ирина Лозовая", "Лозовой"]}, found

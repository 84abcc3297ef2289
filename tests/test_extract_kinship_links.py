"""Kin ties between named persons, read from what one sentence states about them."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document


def ties(text: str) -> set[tuple[str, str, str]]:
    """(possessor, relation, relative), each named by its label or by a mention as written:
    the relative is the possessor's kin of that relation."""
    f = extract(Document(id="t", text=text))
    names = {p.key: {p.label} | {m.quote for m in p.mentions} for p in f.persons}
    return {(a, k.relation, b) for k in f.kinships
            for a in names.get(k.person, {None}) for b in names.get(k.relative, {None})}


@pytest.mark.parametrize("text, tie", [
    # a kin noun, the possessor in the genitive, the relative beside it
    ("Младшая дочь губернатора Олега Жукова Вера поступила в консерваторию.", ("Олега Жукова", "parent", "Вера")),
    ("Дочь Чжан Вэя, Чжан Лин, училась музыке в Канаде.", ("Чжан Вэя", "parent", "Чжан Лин")),
    # the relative first, then what kin it is to whom
    ("Принц Густав, супруг шведской королевы Астрид II, открыл новый мост.", ("Астрид II", "spouse", "Густав")),
    ("Дарья Лесная — дочь предпринимателя Игоря Лесного и певицы Зарины.", ("Зарины", "parent", "Дарья Лесная")),
    # a possessive pronoun or "с" ties the kin noun to the person just before
    ("Бывший посол Германии Томас Бергер с женой Мартой купили дом под Мюнхеном.",
     ("Томас Бергер", "spouse", "Мартой")),
    ("Вера Соколова и её шестилетний сын Тимофей побежали за собакой.", ("Вера Соколова", "parent", "Тимофей")),
])
def test_a_kin_tie_the_sentence_states(text, tie):
    assert tie in ties(text)


def test_both_coordinated_relatives_and_possessors():
    found = ties("Основными владельцами фирмы числились сыновья Рустама Гарипова - Ильдар и Марат.")
    assert {("Рустам Гарипов", "parent", "Ильдар"), ("Рустам Гарипов", "parent", "Марат")} <= found
    found = ties("Дарья Лесная — дочь предпринимателя Игоря Лесного и певицы Зарины.")
    assert ("Игоря Лесного", "parent", "Дарья Лесная") in found


@pytest.mark.parametrize("text", [
    # the genitive after "с сыном" is whose son it is: nothing ties Петров to Сидоров
    "Иван Петров встретился с сыном Олега Сидорова.",
    # a counted kin noun lists the children: Ника is no parent of Ирина
    "У него трое детей от брака с врачом Ириной Лозовой — две дочери Ника и Злата.",
    # "её" cannot point back to a man
    "Иван Петров и её сын Гидеон поплыли за мячом.",
])
def test_no_tie_where_the_words_allow_another_reading(text):
    assert all(None not in t for t in ties(text))
    assert not any(t[0] in ("Ириной Лозовой", "Ирина Лозовая") or t[0] == "Ника" for t in ties(text))
    assert ("Иван Петров", "parent", "Олег Сидоров") not in ties(text)
    assert ("Иван Петров", "parent", "Гидеон") not in ties(text)


def test_symmetric_ties_run_from_the_first_mention_in_nerel_terms():
    from kgbuild.evaluation.adapter import relations

    text = "Принц Густав, супруг шведской королевы Астрид II, открыл новый мост."
    found = {(r.type, text[r.source.start:r.source.end], text[r.target.start:r.target.end])
             for r in relations(extract(Document(id="t", text=text)))}
    assert ("SPOUSE", "Густав", "Астрид II") in found


def test_the_kin_of_a_companion_is_not_the_kin_of_the_named_person():
    found = ties("Павел Рябов — сын давнего соратника Игоря Ветрова.")
    assert not any("Ветров" in (t[0] or "") for t in found)


def test_two_sons_of_one_father_are_brothers():
    f = extract(Document(id="t", text="Основными владельцами фирмы числились сыновья Рустама Гарипова - Ильдар и Марат."))
    label = {p.key: p.label for p in f.persons}
    assert [(label[k.person], k.term, label[k.relative]) for k in f.kinships if k.relation == "relative"] \
        == [("Ильдар", "брат", "Марат")]


@pytest.mark.parametrize("text, tie", [
    ("Вчера умер генерал Олег Смирнов. Его брат, Павел Смирнов, служил на флоте.",
     ("Олег Смирнов", "relative", "Павел Смирнов")),
    ("Вчера выступила Анна Петрова. Её сын Олег окончил школу.", ("Анна Петрова", "parent", "Олег")),
])
def test_a_possessive_opening_a_sentence_points_to_the_one_person_named_before(text, tie):
    assert tie in ties(text)


@pytest.mark.parametrize("text", [
    "Олег Смирнов встретил Павла Котова. Его брат Иван Смирнов служил на флоте.",  # two men before
    "Вчера выступила Анна Петрова. Его сын Олег окончил школу.",  # "его" is no woman's
])
def test_no_tie_across_sentences_when_the_possessor_is_not_certain(text):
    assert ties(text) == set()


@pytest.mark.parametrize("text, tie", [
    ("Геннадий Лаптев женился в 1985 году на молодой учительнице — Нине Лаптевой.",
     ("Геннадий Лаптев", "spouse", "Нине Лаптевой")),
    ("В 2010 году Анна Петрова вышла замуж за Олега Смирнова.", ("Анна Петрова", "spouse", "Олега Смирнова")),
])
def test_who_married_whom(text, tie):
    assert tie in ties(text)


def test_marrying_someone_s_daughter_is_no_marriage_to_the_father():
    assert ties("Иван Петров рассказал, что Олег Смирнов женился на дочери Павла Котова.") == set()


def test_a_kin_noun_opening_the_sentence_in_its_dictionary_form():
    assert ("Олега Смирнова", "relative", "Анна") in ties("Внучка Олега Смирнова Анна окончила школу.")


@pytest.mark.parametrize("text, tie", [
    ("Основатель стартапа Кирилл Дроздов женился на своей однокурснице Элине Ким.",
     ("Кирилл Дроздов", "spouse", "Элина Ким")),
    ("Бразильский теннисист Рафаэл Монтейру сочетался браком со своей невестой Габриэлой Коста.",
     ("Рафаэл Монтейру", "spouse", "Габриэлой Коста")),
    ("Томас Бергер женат на пианистке Хельге Краус.", ("Томас Бергер", "spouse", "Хельге Краус")),
    ("Телеведущая Алина Гордеева и актёр Роман Зуев тайно поженились.",
     ("Алина Гордеева", "spouse", "Роман Зуев")),
])
def test_a_marriage_the_sentence_states(text, tie):
    assert tie in ties(text)


@pytest.mark.parametrize("text", [
    # the bride is the friend's kin, not the friend named
    "Иван Петров женился на подруге Анны Сидоровой.",
    # two names and a wedding they did not share
    "Анна Иванова и Олег Петров пришли на свадьбу, где поженились их друзья.",
])
def test_no_marriage_where_the_sentence_does_not_state_one(text):
    assert not {t for t in ties(text) if t[1] == "spouse"}


def test_a_kin_noun_before_the_possessor_and_the_relative_written_together():
    assert ("Веры", "child", "Тамара Глебова") in ties("Мать Веры Тамара Глебова прочла об этом в газете.")


@pytest.mark.parametrize("text, expected", [
    ("Ольга Ветрова родила Андрею Кузнецову сына Арсения в Ницце.",
     {("Ольга Ветрова", "parent", "Арсения"), ("Андрею Кузнецову", "parent", "Арсения")}),
    ("Певица Анна Петрова родила сына Платона.", {("Анна Петрова", "parent", "Платона")}),
    ("У Ивана Сидорова родилась дочь — Полина.", {("Ивана Сидорова", "parent", "Полина")}),
])
def test_a_birth_the_sentence_states(text, expected):
    assert expected <= ties(text)


def test_a_birth_of_someone_else_is_no_tie():
    assert not {t for t in ties("Анна Петрова родила дочь, а Мария Иванова сына.") if t[1] == "parent"}


def test_a_noun_joined_to_the_kin_noun_shares_its_possessor():
    assert ("Игоря Мельника", "relative", "Степан Мельник") in ties(
        "В пятницу брат и соратник Игоря Мельника Степан Мельник снова избран мэром.")
    # the son of a friend is not the named man's son
    assert not ties("Сын друга Ивана Петрова Олег пришёл на встречу.")


@pytest.mark.parametrize("text, expected", [
    # "у него" points back at the one man of the sentence before; "от брака с X" is the other parent
    ("Томас Бергер редко рассказывает о семье. Известно, что у него четверо детей от брака с "
     "архитектором Мартой Краус — две дочери Лина и Ханна, а также два сына — Феликс и Йонас.",
     {("Томас Бергер", "parent", c) for c in ("Лина", "Ханна", "Феликс", "Йонас")}
     | {("Марта Краус", "parent", c) for c in ("Лина", "Ханна", "Феликс", "Йонас")}),
    ("У Анны Ивановой двое детей: сын Пётр и дочь Мария.",
     {("Анна Иванова", "parent", "Пётр"), ("Анна Иванова", "parent", "Мария")}),
    ("Сергей Петров имеет двух дочерей: Анну и Марию.",
     {("Сергей Петров", "parent", "Анна"), ("Сергей Петров", "parent", "Мария")}),
])
def test_children_listed_after_a_counted_child_noun_are_the_possessors_children(text, expected):
    assert expected <= ties(text)


@pytest.mark.parametrize("text", [
    "У Сергея Петрова двое детей, а Пётр Иванов пришёл на встречу.",
    "У Анны Ивановой двое детей, и Пётр Иванов знает об этом.",
])
def test_a_name_after_the_count_but_outside_the_list_is_no_child(text):
    assert not {t for t in ties(text) if t[1] == "parent"}


def test_the_child_noun_before_a_listed_name_gives_the_childs_gender():
    f = extract(Document(id="t", text="У Анны Ивановой трое детей — две дочери Лара и Кассиа и сын Теодор."))
    genders = {p.label: p.gender for p in f.persons}
    assert genders["Лара"] == genders["Кассиа"] == "female" and genders["Теодор"] == "male"


def test_a_reflexive_possessive_ties_the_kin_to_the_subject_not_to_the_name_before():
    found = ties("В 1987 году Лаптев совместно с Игорем Ветровым и своим братом Степаном открыл кооператив.")
    assert ("Лаптев", "relative", "Степаном") in found
    assert not {t for t in found if t[0] in ("Игорем Ветровым", "Игорь Ветров")}


def test_a_name_in_another_case_before_u_nego_is_not_whose_children_these_are():
    found = ties("Для Жукова сын стал пятым ребенком. Кроме Евы и Марка Давида у него "
                 "есть ещё двое сыновей и одна дочь: Борис, Глеб и Нина.")
    assert not {t for t in found if t[0] and t[0].startswith("Марк")}


def test_a_two_word_name_after_a_genitive_possessor_stays_one_person():
    found = ties("Из Берлина в Чили немедленно вылетела жена Моралеса Инес Бастос.")
    assert ("Моралеса", "spouse", "Инес Бастос") in found


def test_the_subject_of_imeet_further_back_has_the_listed_children_and_the_list_stays_flat():
    found = ties("Томас Бергер женат на пианистке Хельге и имеет троих сыновей — Бруно Лукаса, "
                 "Макса Феликса, Оскара Пауля — и дочь Лину Розу.")
    assert {("Томас Бергер", "parent", "Макса Феликса"), ("Томас Бергер", "parent", "Лину Розу")} <= found
    # "Оскара Пауля — и дочь Лину": the name before "и" is a brother, not her parent
    assert not {t for t in found if t[0] in ("Оскара Пауля", "Лину Розу") and t[1] == "parent"}


def test_each_child_with_the_marriage_it_came_from():
    found = ties("У Лаптева есть дочь Варвара (р. 1989) от первого брака с Ниной Озеровой "
                 "и сын Тихон (р. 2004) от второго брака с Ларисой Быстровой.")
    assert {("Лаптева", "parent", "Варвара"), ("Нина Озерова", "parent", "Варвара"),
            ("Лаптева", "parent", "Тихон"), ("Лариса Быстрова", "parent", "Тихон")} <= found
    assert ("Нина Озерова", "parent", "Тихон") not in found


def test_a_note_in_brackets_does_not_break_a_pair_of_children():
    found = ties("Владельцами фирмы числились сыновья Рустама Гарипова - Ильдар (60% долей) и Марат (40% долей).")
    assert {("Рустама Гарипова", "parent", "Ильдар"), ("Рустама Гарипова", "parent", "Марат"),
            ("Ильдар", "relative", "Марат")} <= found


def test_the_marriage_a_child_came_from_names_a_spouse():
    found = ties("У Лаптева есть дочь Варвара от первого брака с Ниной Озеровой.")
    assert ("Лаптева", "spouse", "Нина Озерова") in found
    # "от искусствоведа X" names a mother, no wife
    found = ties("У Анны Ивановой есть дочь Мария от художника Петра Смирнова.")
    assert ("Пётр Смирнов", "parent", "Мария") in found
    assert not {t for t in found if t[1] == "spouse"}

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
    ("Старшая дочь президента Барака Обамы Малия сделает перерыв в учёбе.", ("Барака Обамы", "parent", "Малия")),
    ("Дочь Ван Цзюня, Ван Цзинцзин, получила образование в Австралии.", ("Ван Цзюня", "parent", "Ван Цзинцзин")),
    # the relative first, then what kin it is to whom
    ("Принц Филипп, супруг британской королевы Елизаветы II, сдал права.", ("Елизавета II", "spouse", "Филипп")),
    ("Микелла Абрамова — дочь предпринимателя Яна Абрамова и певицы Алсу.", ("Алсу", "parent", "Микелла Абрамова")),
    # a possessive pronoun or "с" ties the kin noun to the person just before
    ("Бывший президент США Барак Обама с женой Мишель приобрели жильё в Вашингтоне.",
     ("Барак Обама", "spouse", "Мишель")),
    ("Мейв Кеннеди и её восьмилетний сын Гидеон поплыли за мячом.", ("Мейв Кеннеди", "parent", "Гидеон")),
])
def test_a_kin_tie_the_sentence_states(text, tie):
    assert tie in ties(text)


def test_both_coordinated_relatives_and_possessors():
    found = ties("Основными акционерами выступали сыновья Минтимера Шаймиева - Радик и Айрат.")
    assert {("Минтимер Шаймиев", "parent", "Радик"), ("Минтимер Шаймиев", "parent", "Айрат")} <= found
    found = ties("Микелла Абрамова — дочь предпринимателя Яна Абрамова и певицы Алсу.")
    assert ("Яна Абрамова", "parent", "Микелла Абрамова") in found


@pytest.mark.parametrize("text", [
    # the genitive after "с сыном" is whose son it is: nothing ties Петров to Сидоров
    "Иван Петров встретился с сыном Олега Сидорова.",
    # a counted kin noun lists the children: Лара is no parent of Марина
    "У него четверо детей от брака с юристом Мариной Уилер — две дочери Лара и Кассиа.",
    # "её" cannot point back to a man
    "Иван Петров и её сын Гидеон поплыли за мячом.",
])
def test_no_tie_where_the_words_allow_another_reading(text):
    assert all(None not in t for t in ties(text))
    assert not any(t[0] in ("Мариной Уилер", "Марина Уилер") or t[0] == "Лара" for t in ties(text))
    assert ("Иван Петров", "parent", "Олег Сидоров") not in ties(text)
    assert ("Иван Петров", "parent", "Гидеон") not in ties(text)


def test_symmetric_ties_run_from_the_first_mention_in_nerel_terms():
    from kgbuild.evaluation.adapter import relations

    text = "Принц Филипп, супруг британской королевы Елизаветы II, сдал права."
    found = {(r.type, text[r.source.start:r.source.end], text[r.target.start:r.target.end])
             for r in relations(extract(Document(id="t", text=text)))}
    assert ("SPOUSE", "Филипп", "Елизаветы II") in found


def test_the_kin_of_a_companion_is_not_the_kin_of_the_named_person():
    found = ties("Андрей Воробьёв — сын ближайшего соратника Сергея Шойгу.")
    assert not any("Шойгу" in (t[0] or "") for t in found)


def test_two_sons_of_one_father_are_brothers():
    f = extract(Document(id="t", text="Основными акционерами выступали сыновья Минтимера Шаймиева - Радик и Айрат."))
    label = {p.key: p.label for p in f.persons}
    assert [(label[k.person], k.term, label[k.relative]) for k in f.kinships if k.relation == "relative"] \
        == [("Радик", "брат", "Айрат")]


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
    ("Олег Жарков женился в 1972 году на бывшей бортпроводнице — Любови Жарковой.",
     ("Олег Жарков", "spouse", "Любови Жарковой")),
    ("В 2010 году Анна Петрова вышла замуж за Олега Смирнова.", ("Анна Петрова", "spouse", "Олега Смирнова")),
])
def test_who_married_whom(text, tie):
    assert tie in ties(text)


def test_marrying_someone_s_daughter_is_no_marriage_to_the_father():
    assert ties("Иван Петров рассказал, что Олег Смирнов женился на дочери Павла Котова.") == set()


def test_a_kin_noun_opening_the_sentence_in_its_dictionary_form():
    assert ("Олега Смирнова", "relative", "Анна") in ties("Внучка Олега Смирнова Анна окончила школу.")


@pytest.mark.parametrize("text, tie", [
    ("Основатель Facebook Марк Цукерберг женился на своей подруге Присцилле Чан.",
     ("Марк Цукерберг", "spouse", "Присцилла Чан")),
    ("Аргентинский футболист Лионель Месси сочетался браком со своей подругой Антонеллой Рокуццо.",
     ("Лионель Месси", "spouse", "Антонеллой Рокуццо")),
    ("Дэвид Бекхэм женат на певице Виктории Адамс.", ("Дэвид Бекхэм", "spouse", "Виктории Адамс")),
    ("Телеведущая Ксения Собчак и актёр Максим Виторган тайно поженились.",
     ("Ксения Собчак", "spouse", "Максим Виторган")),
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
    assert ("Ксении", "child", "Людмила Нарусова") in ties("Мать Ксении Людмила Нарусова узнала об этом из новостей.")


@pytest.mark.parametrize("text, expected", [
    ("Жанна Фриске родила Дмитрию Шепелеву сына Платона в Майами.",
     {("Жанна Фриске", "parent", "Платона"), ("Дмитрию Шепелеву", "parent", "Платона")}),
    ("Певица Анна Петрова родила сына Платона.", {("Анна Петрова", "parent", "Платона")}),
    ("У Ивана Сидорова родилась дочь — Полина.", {("Ивана Сидорова", "parent", "Полина")}),
])
def test_a_birth_the_sentence_states(text, expected):
    assert expected <= ties(text)


def test_a_birth_of_someone_else_is_no_tie():
    assert not {t for t in ties("Анна Петрова родила дочь, а Мария Иванова сына.") if t[1] == "parent"}


def test_a_noun_joined_to_the_kin_noun_shares_its_possessor():
    assert ("Фиделя Кастро", "relative", "Рауль Кастро") in ties(
        "В четверг брат и соратник Фиделя Кастро Рауль Кастро переизбран на новый срок.")
    # the son of a friend is not the named man's son
    assert not ties("Сын друга Ивана Петрова Олег пришёл на встречу.")


@pytest.mark.parametrize("text, expected", [
    # "у него" points back at the one man of the sentence before; "от брака с X" is the other parent
    ("Борис Джонсон не говорит о числе своих детей. Известно, что у него четверо детей от брака с "
     "юристом Мариной Уилер — две дочери Лара и Кассиа, а также два сына — Теодор и Майло.",
     {("Борис Джонсон", "parent", c) for c in ("Лара", "Кассиа", "Теодор", "Майло")}
     | {("Марина Уилер", "parent", c) for c in ("Лара", "Кассиа", "Теодор", "Майло")}),
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
    found = ties("В 1954 году Кастро совместно с Че Геварой и своим братом Раулем организовал движение.")
    assert ("Кастро", "relative", "Раулем") in found
    assert not {t for t in found if t[0] in ("Че Геварой", "Че Гевара")}


def test_a_name_in_another_case_before_u_nego_is_not_whose_children_these_are():
    found = ties("Для Абрамовича дочь стала седьмым ребенком. Кроме Леи и Аарона Александра у него "
                 "уже есть двое сыновей и три дочери: Анна, Аркадий и Софья.")
    assert not {t for t in found if t[0] and t[0].startswith("Аарон")}


def test_a_two_word_name_after_a_genitive_possessor_stays_one_person():
    found = ties("Из Лондона в ЮАР срочно вылетела жена Манделы Граса Машел.")
    assert ("Манделы", "spouse", "Граса Машел") in found


def test_the_subject_of_imeet_further_back_has_the_listed_children_and_the_list_stays_flat():
    found = ties("Дэвид Бекхэм женат на певице Виктории и имеет троих сыновей — Бруклина Джозефа, "
                 "Ромео Джеймса, Круза Дэвида — и дочь Харпер Севен.")
    assert {("Дэвид Бекхэм", "parent", "Ромео Джеймса"), ("Дэвид Бекхэм", "parent", "Харпер Севен")} <= found
    # "Круза Дэвида — и дочь Харпер": the name before "и" is a brother, not her parent
    assert not {t for t in found if t[0] in ("Круза Дэвида", "Харпер Севен") and t[1] == "parent"}


def test_each_child_with_the_marriage_it_came_from():
    found = ties("У Шнурова есть дочь Серафима (р. 1993) от первого брака с Марией Исмагиловой "
                 "и сын Аполлон (р. 2000) от второго брака со Светланой Костицыной.")
    assert {("Шнурова", "parent", "Серафима"), ("Мария Исмагилова", "parent", "Серафима"),
            ("Шнурова", "parent", "Аполлон"), ("Светлана Костицына", "parent", "Аполлон")} <= found
    assert ("Мария Исмагилова", "parent", "Аполлон") not in found


def test_a_note_in_brackets_does_not_break_a_pair_of_children():
    found = ties("Акционерами выступали сыновья Минтимера Шаймиева - Радик (51% акций) и Айрат (49% акций).")
    assert {("Минтимера Шаймиева", "parent", "Радик"), ("Минтимера Шаймиева", "parent", "Айрат"),
            ("Радик", "relative", "Айрат")} <= found


def test_the_marriage_a_child_came_from_names_a_spouse():
    found = ties("У Шнурова есть дочь Серафима от первого брака с Марией Исмагиловой.")
    assert ("Шнурова", "spouse", "Мария Исмагилова") in found
    # "от искусствоведа X" names a mother, no wife
    found = ties("У Анны Ивановой есть дочь Мария от художника Петра Смирнова.")
    assert ("Пётр Смирнов", "parent", "Мария") in found
    assert not {t for t in found if t[1] == "spouse"}

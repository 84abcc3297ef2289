"""Persons: nominative names, name parts, gender, one person per name, no person from non-names."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document


def facts_of(text: str, published: str | None = None):
    return extract(Document(id="t", text=text, published=published))


def persons(text: str) -> dict[str, object]:
    return {p.label: p for p in facts_of(text).persons}


@pytest.mark.parametrize("text, label, gender", [
    ("Вчера мы встретили Серика Омарова у ворот.", "Серик Омаров", "male"),
    ("Письмо написала Айгерим Нурланова.", "Айгерим Нурланова", "female"),
    ("Награду вручили Анне Петровой.", "Анна Петрова", "female"),
    ("Рядом с Ерболом Отарбаевым стоял водитель.", "Ербол Отарбаев", "male"),
    ("Директор говорил о Марате Сергеевиче Ахметове.", "Марат Сергеевич Ахметов", "male"),
    ("Статью прочитал Дэвид Эберсман.", "Дэвид Эберсман", "male"),
])
def test_full_names_come_out_in_the_nominative(text, label, gender):
    found = persons(text)
    assert label in found, found.keys()
    assert found[label].gender == gender


@pytest.mark.parametrize("text, label, family", [
    # a Kazakh given name pymorphy does not know: the kin word says she is a woman
    ("На встречу пришла его вдова Кайкен Омарова.", "Кайкен Омарова", "Омарова"),
    ("Слово взяла супруга Гульнар Искакова.", "Гульнар Искакова", "Искакова"),
    ("Мы поговорили с Кайкен Омаровой.", "Кайкен Омарова", "Омарова"),
])
def test_women_keep_the_feminine_surname(text, label, family):
    found = persons(text)
    assert label in found, found.keys()
    assert found[label].family_name == family
    assert found[label].gender == "female"


def test_surname_and_rank_mentions_join_the_full_name():
    text = ("Майор Тимур Жаксылыков возглавил группу. Позже майора Жаксылыкова наградили. "
            "Жаксылыков поблагодарил коллег.")
    found = facts_of(text).persons
    assert [p.label for p in found] == ["Тимур Жаксылыков"]
    quotes = [m.quote for m in found[0].mentions]
    assert quotes == ["Тимур Жаксылыков", "Жаксылыкова", "Жаксылыков"]
    for m in found[0].mentions:
        assert text[m.start:m.end] == m.quote


def test_a_lone_given_name_is_a_person_with_a_given_name():
    found = persons("Его жена Динара рассказала о нём. Динара живёт в Петропавловске.")
    assert found["Динара"].given_name == "Динара"
    assert found["Динара"].gender == "female"
    assert len(found["Динара"].mentions) == 2


@pytest.mark.parametrize("text, not_a_person", [
    ("Тот побег из Кара-тобе запомнили все. За Кара-тобой начиналась степь.", "Кара-тобе"),
    ("Если вы заметили ошибку, нажмите Ctrl+Enter.", "Ctrl+Enter"),
    ("У капитана остались дети.", "У"),
])
def test_non_name_spans_are_not_persons(text, not_a_person):
    for person in facts_of(text).persons:
        assert not_a_person not in " ".join(m.quote for m in person.mentions)


def test_a_latin_spelling_in_brackets_is_the_same_person():
    f = facts_of("Компанию возглавил Джон Смитсон (John Smithson), сообщила пресс-служба.")
    assert [p.label for p in f.persons] == ["Джон Смитсон"]
    assert [m.quote for m in f.persons[0].mentions] == ["Джон Смитсон", "John Smithson"]
    assert any(link.relation == "ALTERNATIVE_NAME" and link.target.quote == "John Smithson"
               for link in f.links)


@pytest.mark.parametrize("word, gender, case, nominative", [
    ("Омарова", "male", "Gen", "Омаров"),
    ("Омарова", "female", "Nom", "Омарова"),
    ("Нурлановой", "female", "Ins", "Нурланова"),
    ("Зелинского", None, "Gen", "Зелинский"),
    ("Зелинской", None, "Dat", "Зелинская"),
    ("Шевчуком", "male", "Ins", "Шевчук"),
    ("Бондаренко", "male", "Gen", "Бондаренко"),
    ("Вайнер", "female", "Acc", "Вайнер"),
])
def test_surname_declension_rules(word, gender, case, nominative):
    from kgbuild.extract.names import surname_nominative

    assert surname_nominative(word, gender, case) == nominative


@pytest.mark.parametrize("text, label", [
    ("Памятник Петру I открыли на набережной.", "Пётр I"),
    ("Письмо подписал В. В. Жуковский.", "В. В. Жуковский"),
])
def test_regnal_numbers_and_initials_stay_in_the_name(text, label):
    assert label in persons(text)


@pytest.mark.parametrize("text, label, age", [
    ("Олегу Жукову 52 года. Он служил следователем.", "Олег Жуков", 52),
    ("Виктору Шульцу было 58 лет. У него остались двое внуков.", "Виктор Шульц", 58),
    ("Сергей Петров, 42 года, задержан.", "Сергей Петров", 42),
    ("Пострадали Николай Глазков 40 лет и Ирина Симонова 52 года.", "Николай Глазков", 40),
    ("Кандидат Мишель Бачелет — 54 года, врач.", "Мишель Бачелет", 54),
])
def test_the_age_written_beside_a_name(text, label, age):
    found = persons(text)
    assert found[label].age == age


def test_a_dative_name_before_a_term_of_years_is_no_age():
    found = persons("Ивану Петрову 5 лет назад дали премию.")
    assert all(p.age is None for p in found.values())


@pytest.mark.parametrize("text, other_spelling", [
    ("Министр юстиции Клаус Ридель (Klaus Riedel) умер.", "Klaus Riedel"),
    ("Проект вела аспирантка Ло Мэй (罗梅) вместе с командой.", "罗梅"),
])
def test_a_spelling_in_other_letters_in_brackets_is_the_same_person(text, other_spelling):
    [person] = facts_of(text).persons
    assert other_spelling in [m.quote for m in person.mentions]


def test_the_person_an_institution_is_named_after_is_a_person():
    found = persons("Лауреат конкурса имени Петра Чайковского Глеб Рябов выступит в Самаре.")
    assert "Пётр Чайковский" in found and "Глеб Рябов" in found


@pytest.mark.parametrize("text, label", [
    # dictionary words as given names inside a sentence: "рами", "алмаз", "нора", "эмир"
    ("Бывший университетский ректор Рами Хамдалла сформировал новое правительство.", "Рами Хамдалла"),
    ("Министр спорта Омской области Алмаз Гайнуллин был вызван в суд.", "Алмаз Гайнуллин"),
    ("Сестра одного из свидетелей, Нора Ленц, выступила в суде.", "Нора Ленц"),
    # a repeated given name is not a doubled word
    ("Бразильская модель Лу Лу Перейра вышла замуж в Рио.", "Лу Лу Перейра"),
    # a given name no dictionary knows, left out by the tagger
    ("Собака убежала в лес. Мейв Донован и её брат пошли следом.", "Мейв Донован"),
])
def test_the_whole_name_is_kept(text, label):
    assert label in persons(text)


def test_a_dictionary_word_opening_the_sentence_stays_out_of_the_name():
    found = persons("Семидесятилетняя Гонсалвес, юрист по образованию, объявила о своей отставке.")
    assert [m.quote for p in found.values() for m in p.mentions] == ["Гонсалвес"]


@pytest.mark.parametrize("text, first, second", [
    ("Так, биограф Гарднера Энди Морроу признался, что не слышал об этом.", "Гарднера", "Энди Морроу"),
    ("Бывшая супруга Януковича Людмила проживает в Крыму.", "Януковича", "Людмила"),
    ("Младшая дочь губернатора Олега Жукова Вера поступила в консерваторию.", "Олега Жукова", "Вера"),
])
def test_a_genitive_name_beside_another_name_is_another_person(text, first, second):
    quotes = [[m.quote for m in p.mentions] for p in facts_of(text).persons]
    assert [first] in quotes and [second] in quotes


@pytest.mark.parametrize("text, label", [
    ("Министр связи Омана Халид бин Саид аль-Мансури прибыл в Казань.", "Халид бин Саид аль-Мансури"),
    ("В создании организации участвовал Абу Мусаб аз-Заркауи, ближайший соратник Усамы бен Ладена.",
     "Абу Мусаб аз-Заркауи"),
])
def test_arabic_names_keep_their_particles(text, label):
    assert label in persons(text)


def test_a_foreign_surname_pymorphy_guesses_as_a_place_is_still_a_person():
    found = persons("Суд освободил Фирташа без залога. Экстрадицию Фирташа одобрили в Вене.")
    assert len(found) == 1 and len(next(iter(found.values())).mentions) == 2


def test_the_person_whose_administration_or_government_it_is():
    f = facts_of("Комиссия, созданная администрацией Паркера, изучает угрозы. Джон Паркер выступил.")
    quotes = [m.quote for p in f.persons for m in p.mentions]
    assert "Паркера" in quotes


@pytest.mark.parametrize("text, label, quote", [
    ("Он играл в Театре имени Ермоловой.", "Ермолова", "Ермоловой"),
    ("Её два месяца лечили в НИИ им. Склифосовского.", "Склифосовский", "Склифосовского"),
    ("Матч прошёл на стадионе имени Эдуарда Стрельцова.", "Эдуард Стрельцов", "Эдуарда Стрельцова"),
])
def test_the_person_after_imeni_is_a_person(text, label, quote):
    found = persons(text)
    assert [m.quote for m in found[label].mentions] == [quote]


def test_imeni_before_a_common_phrase_names_nobody():
    assert persons("Завод имени Ленинского комсомола закрыли в прошлом году.") == {}


def test_an_adjective_from_the_surname_of_a_named_person_mentions_that_person():
    found = persons("Василий Шукшин родился в Сростках. Открылись «Шукшинские дни на Алтае».")
    assert [m.quote for m in found["Василий Шукшин"].mentions] == ["Василий Шукшин", "Шукшинские"]
    # no such person named: the adjective stays an adjective; a region is never a person
    assert persons("Открылись «Шукшинские дни на Алтае».") == {}
    found = persons("Губернатор Олег Иванов посетил Ивановскую область.")
    assert [m.quote for m in found["Олег Иванов"].mentions] == ["Олег Иванов"]


def test_a_number_of_years_before_a_verb_is_no_age():
    found = persons("Владимир Путин 20 лет правил страной.")
    assert found["Владимир Путин"].age is None


def age_links(text: str) -> set[tuple[str, str]]:
    return {(text[link.source.start:link.source.end], text[link.target.start:link.target.end])
            for link in facts_of(text).links if link.relation == "AGE_IS"}


@pytest.mark.parametrize("text, label, age", [
    ("Директор завода Олег Смирнов скончался в возрасте 63 лет.", "Олег Смирнов", 63),
    ("Вчера 47-летний губернатор области Павел Котов подал в отставку.", "Павел Котов", 47),
    ("Тест у писателя Ильи Громова положительный. Ему 71 год.", "Илья Громов", 71),
    ("У Марины Лебедевой, которой в мае исполнилось 30, родился сын.", "Марина Лебедева", 30),
])
def test_the_age_told_after_a_verb_a_post_or_a_pronoun(text, label, age):
    assert persons(text)[label].age == age


def test_a_pronoun_with_two_persons_in_reach_gives_no_age():
    found = persons("Олег Смирнов встретил Павла Котова. Ему 40 лет.")
    assert all(p.age is None for p in found.values())


def test_a_pronoun_of_the_other_gender_gives_no_age():
    found = persons("Марина Лебедева выступила в клубе. Ему 40 лет.")
    assert found["Марина Лебедева"].age is None


@pytest.mark.parametrize("text, pair", [
    ("В Москве отметили 90-летие Ильи Громова.", ("Ильи Громова", "90-летие")),
    ("В субботу минуло 85 лет со дня рождения Ильи Громова.", ("Ильи Громова", "85 лет")),
    ("Илья Громов отмечает своё 85-летие в кругу друзей.", ("Илья Громов", "85-летие")),
])
def test_a_jubilee_of_a_birth_is_an_age_link_but_not_the_age_now(text, pair):
    assert pair in age_links(text)
    assert all(p.age is None for p in persons(text).values())


def test_an_age_before_a_post_goes_to_the_name_after_it():
    text = "Вчера 47-летний губернатор области Павел Котов подал в отставку."
    assert ("Павел Котов", "47-летний") in age_links(text)


def test_an_age_before_a_name_is_not_given_to_a_second_name_after_it():
    text = "На ринг вышел 28-летний Максим Орлов, соперник Павла Котова."
    assert ("Павла Котова", "28-летний") not in age_links(text)


def test_nerel_gives_an_age_before_a_post_and_a_name_to_the_name_alone():
    from kgbuild.evaluation.adapter import relations

    text = "Вчера 47-летний губернатор области Павел Котов подал в отставку."
    ages = {text[r.source.start:r.source.end] for r in relations(facts_of(text)) if r.type == "AGE_IS"}
    assert ages == {"Павел Котов"}


def alias_links(text: str) -> set[tuple[str, str]]:
    return {(text[link.source.start:link.source.end], text[link.target.start:link.target.end])
            for link in facts_of(text).links if link.relation == "ALTERNATIVE_NAME"}


def test_a_short_name_after_the_full_one_is_another_name_of_the_person_but_a_repetition_is_not():
    text = ("Губернатор Олег Смирнов открыл школу. Смирнов выступил перед учениками. "
            "Олег Смирнов пообещал построить стадион.")
    assert alias_links(text) == {("Олег Смирнов", "Смирнов")}


@pytest.mark.parametrize("text, pair", [
    ("Канадский рэпер Тимоти Гросс, известный как Ти Джей, выпустил альбом.", ("Тимоти Гросс", "Ти Джей")),
    ("Арестован Марко Фьоре по прозвищу Марки Бой.", ("Марко Фьоре", "Марки Бой")),
    ("Гарриет Табмен (урождённая Араминта Росс) родилась в Мэриленде.", ("Гарриет Табмен", "Араминта Росс")),
])
def test_a_nickname_pseudonym_or_maiden_name_the_text_gives_is_another_name(text, pair):
    assert pair in alias_links(text)


def test_two_persons_side_by_side_are_no_alternative_names():
    assert alias_links("Олег Смирнов встретил Павла Котова, а Анна Петрова — Ивана Сидорова.") == set()


@pytest.mark.parametrize("text, name, other_spelling", [
    # Latin Extended-A letters and a capital inside a surname
    ("Министром культуры стала Тереза Новачкова (Tereza Nováčková) из либеральной партии.", "Тереза Новачкова",
     "Tereza Nováčková"),
    ("Суд отказался выдать программиста Шона Мак-Дугала (Sean McDougall), гражданина Ирландии.", "Шона Мак-Дугала",
     "Sean McDougall"),
    # Japanese script
    ("Титул перешёл к пианистке Юки Танака (田中 ユキ), родившейся в 1962 году.", "Юки Танака", "田中 ユキ"),
])
def test_another_spelling_in_brackets_is_an_alternative_name(text, name, other_spelling):
    f = facts_of(text)
    assert ("ALTERNATIVE_NAME", name, other_spelling) in {
        (l.relation, l.source.quote, l.target.quote) for l in f.links}


def test_a_name_in_brackets_after_a_name_is_the_same_persons_other_name():
    f = facts_of("Патриархом избран митрополит Неофит (Димитров). Он стал третьим патриархом.")
    assert ("Неофит", "Димитров") in {(l.source.quote, l.target.quote) for l in f.links
                                      if l.relation == "ALTERNATIVE_NAME"}
    # a word in brackets that names no person is no alias
    f = facts_of("Министр Сергей Шойгу (справа) встретился с Владимиром Путиным.")
    assert not [l for l in f.links if l.relation == "ALTERNATIVE_NAME"]


def test_initials_for_a_written_out_given_name_are_another_form_of_the_name():
    f = facts_of("О.Жуков назначил нового директора школы. Губернатор области Олег Жуков подписал приказ.")
    assert ("О.Жуков", "Олег Жуков") in {(l.source.quote, l.target.quote) for l in f.links
                                                  if l.relation == "ALTERNATIVE_NAME"}


def test_after_a_kin_noun_a_genitive_name_and_a_nominative_name_are_two_persons():
    found = persons("Мать Веры Тамара Глебова прочла об этом в газете.")
    assert {"Вера", "Тамара Глебова"} <= set(found)
    # one name in one case stays one person
    assert set(persons("Вдова Анна Политковская выступила на митинге.")) == {"Анна Политковская"}


@pytest.mark.parametrize("text, possessor, gender, relative", [
    # the kin noun is the relative's: the genitive after it says whose, and keeps its own gender
    ("Жена Владимира Путина Людмила пришла на выборы.", "Владимир Путин", "male", "Людмила"),
    ("Дочь Бориса Ельцина Татьяна Дьяченко рассказала журналистам.", "Борис Ельцин", "male", "Татьяна Дьяченко"),
    ("Мать Алексея Навального Людмила заявила о протесте.", "Алексей Навальный", "male", "Людмила"),
    ("Сестра Марии Шараповой Анна приехала на турнир.", "Мария Шарапова", "female", "Анна"),
    ("Вдова известного писателя Александра Солженицына Наталья рассказала о нём.",
     "Александр Солженицын", "male", "Наталья"),
    ("Мать скончавшегося в 2009 году певца Майкла Джексона Кэтрин подала иск.", "Майкл Джексон", "male", "Кэтрин"),
])
def test_a_possessor_after_a_kin_noun_keeps_his_own_name_and_gender(text, possessor, gender, relative):
    found = persons(text)
    assert possessor in found and relative in found, found.keys()
    assert found[possessor].gender == gender


@pytest.mark.parametrize("text, label", [
    ("Борис Джонсон развёлся с Мариной Уилер.", "Марина Уилер"),  # a declined name ending in -ой
    ("Журналист встретился с Ксенией Собчак.", "Ксения Собчак"),
    ("Он читал книги Льва Толстого.", "Лев Толстой"),  # adjectival surnames besides -ский
    ("Шоу Данилы Поперечного отменили.", "Данила Поперечный"),
])
def test_instrumental_given_names_and_adjectival_surnames_come_out_in_the_nominative(text, label):
    assert label in persons(text)


@pytest.mark.parametrize("text, label", [
    ("Премию вручили Ирине Лозовой.", "Ирина Лозовая"),  # a surname declined as an adjective
    ("Он работал вместе с Анной Толстой.", "Анна Толстая"),
    ("Он встретился с Анной Беловой.", "Анна Белова"),  # a surname on -ов stays one
    ("Письмо передали Виктору Ланге.", "Виктор Ланге"),  # a name on -е is not a declined "Ланг"
    ("Диплом вручили Джо Маккею.", "Джо Маккей"),
])
def test_a_persons_name_is_given_in_the_nominative(text, label):
    assert label in {p.label for p in extract(Document(id="t", text=text)).persons}

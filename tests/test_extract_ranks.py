"""Ranks and posts attached to the person they are written beside, in the nominative."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document


def person(text: str):
    found = extract(Document(id="t", text=text)).persons
    assert len(found) == 1, [p.label for p in found]
    return found[0]


@pytest.mark.parametrize("text, rank", [
    ("Капитан внутренней службы Арман Бекетов вышел на смену.", "капитан внутренней службы"),
    ("Наградили старшего сержанта Ивана Лаптева.", "старший сержант"),
    ("Выступил генерал-майор полиции Нурлан Абдиров.", "генерал-майор полиции"),
    ("Дело передали подполковнику юстиции Олегу Сизову.", "подполковник юстиции"),
    ("Колонну вёл майор Сергей Рябов.", "майор"),
])
def test_rank_before_a_name(text, rank):
    assert person(text).ranks == [rank]


@pytest.mark.parametrize("text, occupation", [
    ("Приказ подписал начальник оперативного отдела Данияр Касымов.", "начальник оперативного отдела"),
    ("Об этом рассказала главный редактор Мария Гусева.", "главный редактор"),
    ("Мы поговорили с Ринатом Алиевым, директором школы.", "директор школы"),
    # not in the list of posts: a noun of trade by its suffix
    ("Номер поставил хореограф Арман Жумабаев.", "хореограф"),
    # a dash, or an age between post and name
    ("Ринат Алиев — директор школы.", "директор школы"),
    ("Уволили директора школы 58-летнего Рината Алиева.", "директор школы"),
])
def test_post_beside_a_name(text, occupation):
    assert person(text).occupations == [occupation]


def test_a_short_rank_adds_nothing_to_the_full_one():
    p = person("Капитан полиции Азат Нуриев дежурил. Капитана Нуриева позже повысили.")
    assert p.ranks == ["капитан полиции"]


def test_the_institution_inside_a_post_is_where_the_person_serves():
    f = extract(Document(id="t", text="Заявление сделал министр МВД Казахстана Ерлан Тургумбаев."))
    p = f.persons[0]
    assert p.occupations and p.occupations[0].startswith("министр")
    members = [f.entity(k).label for k in p.member_of]
    assert any("МВД" in label or "внутренних дел" in label for label in members)
    assert any(link.relation == "WORKS_AS" for link in f.links)



def test_a_headline_without_a_full_stop_is_a_sentence_of_its_own():
    from kgbuild.extract.nlp import analyse

    text = "Трамп знает о здоровье Ким Чен Ына\n\nПрезидент США Дональд Трамп заявил об этом в понедельник."
    first, second = analyse(text).sentences
    assert first.text == "Трамп знает о здоровье Ким Чен Ына"
    assert second.tokens[0].text == "Президент"
    facts = extract(Document(id="t", text=text))
    [trump] = [p for p in facts.persons if p.label == "Дональд Трамп"]
    assert trump.occupations == ["президент США"]


def _persons(text: str) -> dict:
    return {p.label: p for p in extract(Document(id="t", text=text)).persons}


def test_each_post_in_a_list_belongs_to_the_name_right_after_it():
    found = _persons("Награды получили артистка Анна Петрова, тренер Иван Сидоров и юморист Олег Смирнов.")
    assert found["Анна Петрова"].occupations == ["артистка"]
    assert found["Иван Сидоров"].occupations == ["тренер"]
    assert found["Олег Смирнов"].occupations == ["юморист"]


def test_posts_listed_before_a_name_are_all_that_persons():
    assert _persons("Вчера в Москве умер композитор и дирижёр Андрей Петров.")["Андрей Петров"].occupations \
        == ["композитор", "дирижер"]


def test_a_plural_post_before_a_list_of_names_is_each_ones():
    found = _persons("На концерте выступили музыканты Иван Петров, Сергей Козлов и Павел Смирнов.")
    assert {name: p.occupations for name, p in found.items()} == {
        "Иван Петров": ["музыкант"], "Сергей Козлов": ["музыкант"], "Павел Смирнов": ["музыкант"]}


@pytest.mark.parametrize("text, name, occupation", [
    ("Сергей Иванов был профессиональным дипломатом.", "Сергей Иванов", "дипломат"),
    ("Андрей Петров занял пост генерального директора.", "Андрей Петров", "генеральный директор"),
    # the one appointed, not the one who appoints
    ("Иван Петров назначил Олега Сидорова министром обороны.", "Олег Сидоров", "министр обороны"),
])
def test_a_linking_verb_gives_the_post_to_its_person(text, name, occupation):
    found = _persons(text)
    assert found[name].occupations == [occupation]
    assert all(not p.occupations for label, p in found.items() if label != name)


def test_a_name_in_the_genitive_after_a_post_is_someone_else():
    assert _persons("Адвокат Ивана Петрова заявил о давлении.")["Иван Петров"].occupations == []


def test_a_lone_post_names_the_one_person_just_spoken_of():
    found = _persons("Анна Петрова дала концерт в Москве. 40-летняя певица рассказала о новом альбоме.")
    assert found["Анна Петрова"].occupations == ["певица"]
    # two persons before: nobody can tell whom the post names
    found = _persons("Анна Петрова и Олег Смирнов дали концерт. Певица рассказала о новом альбоме.")
    assert all(not p.occupations for p in found.values())


def test_a_body_the_parser_left_unattached_is_inside_the_post():
    f = extract(Document(id="t", text="Об этом сообщил вокалист группы The Prodigy Кит Флинт."))
    p = f.persons[0]
    assert p.occupations == ["вокалист группы The Prodigy"]
    assert [f.entity(k).label for k in p.member_of] == ["The Prodigy"]


def test_a_member_of_a_body_is_a_post():
    f = extract(Document(id="t", text="Об этом заявил член Совета Федерации Андрей Клишас."))
    p = f.persons[0]
    assert p.occupations == ["член Совета Федерации"]
    assert [f.entity(k).label for k in p.member_of] == ["Совет Федерации"]


@pytest.mark.parametrize("text, body", [
    ("В 2005 году Андрей Варичев возглавил «Михайловский ГОК».", "Михайловский ГОК"),
    ("Должность вскоре оставит Ирина Лозовая, управлявшая Рособрнадзором.", "Рособрнадзор"),
    ("Вера Соколова работала аналитиком в министерстве обороны Чада.", "министерство обороны Чада"),
])
def test_a_verb_of_heading_or_working_ties_its_subject_to_the_body(text, body):
    f = extract(Document(id="t", text=text))
    assert [f.entity(k).label for k in f.persons[0].member_of] == [body]


def test_a_body_one_speaks_of_is_not_where_one_works():
    f = extract(Document(id="t", text="Вера Соколова раскритиковала министерство обороны Чада."))
    assert f.persons[0].member_of == []


def test_a_former_holder_keeps_the_post_without_the_prefix_in_its_span():
    f = extract(Document(id="t", text="Об этом сказал экс-глава МВД Владимир Наумов."))
    assert f.persons[0].occupations == ["экс-глава МВД"]
    assert {(l.relation, l.target.quote) for l in f.links if l.source.quote == "Владимир Наумов"} == {
        ("WORKS_AS", "глава МВД"), ("WORKPLACE", "МВД")}


def test_a_plural_post_and_a_dash_before_a_list_of_names():
    found = _persons("Альбом записали музыканты группы СВ — Вадим Голутвин, Евгений Казанцев и Юрий Китаев.")
    assert {name: p.occupations for name, p in found.items()} == {
        name: ["музыкант группы СВ"] for name in ("Вадим Голутвин", "Евгений Казанцев", "Юрий Китаев")}


def test_adjectives_may_stand_between_a_name_and_its_post():
    found = _persons("Проект придумали Анна Ухалина и Элвис Вейс, брюссельский профессиональный дизайнер.")
    assert found["Элвис Вейс"].occupations == ["дизайнер"]
    assert found["Анна Ухалина"].occupations == []


@pytest.mark.parametrize("text, occupation", [
    ("Об этом сказал депутат Госдумы от ЛДПР Иван Сидоров.", "депутат Госдумы"),
    ("Об этом сказал сенатор от штата Вермонт Берни Сандерс.", "сенатор"),
    ("Об этом сказал помощник президента по национальной безопасности Виктор Лукашенко.",
     "помощник президента по национальной безопасности"),
])
def test_what_a_post_is_for_belongs_to_it_but_not_whom_it_represents(text, occupation):
    assert person(text).occupations == [occupation]


def test_a_founder_or_an_owner_holds_no_post_and_does_not_work_at_the_body():
    f = extract(Document(id="t", text="Умер основатель группы Blue Harbor Томас Бергер."))
    assert f.persons[0].occupations == []
    assert f.persons[0].member_of == []
    assert not [link for link in f.links if link.relation in ("WORKPLACE", "WORKS_AS")]
    f = extract(Document(id="t", text="Магазин закрыл его владелец Иван Петров."))
    assert f.persons[0].occupations == []
    assert not [link for link in f.links if link.relation == "WORKPLACE"]


def test_the_country_of_an_adjective_inside_a_post_with_a_body_is_not_a_workplace():
    f = extract(Document(id="t", text="Скончался Чжан Вэй, бывший председатель китайской строительной компании Huaxin."))
    targets = {link.target.quote for link in f.links if link.relation == "WORKPLACE"}
    assert "Huaxin" in targets and "китайской" not in targets


def test_what_po_introduces_may_be_no_field_of_the_post():
    f = extract(Document(id="t", text="Губернатор отстранил трёх генералов полиции по делу Жукова."))
    assert "генералов полиции" in {e.quote for e in f.professions}


def test_he_or_she_is_the_one_person_just_named():
    f = extract(Document(id="t", text="Кэнта Мори родился в Осаке. Позднее он был официально назначен послом Японии в Праге."))
    assert f.persons[0].occupations == ["посол Японии"]
    f = extract(Document(id="t", text="Андрей Варичев родился в Курске. В 2005 году он возглавил «Михайловский ГОК»."))
    assert [f.entity(k).label for k in f.persons[0].member_of] == ["Михайловский ГОК"]
    # two persons named: "он" could be either
    found = _persons("Кэнта Мори и Иван Петров встретились. Он был назначен послом.")
    assert all(not p.occupations for p in found.values())


def test_posts_listed_with_adjectives_of_their_own_and_quotes_kept_tight():
    p = person("Свергнутый президент Гвинеи и бывший лидер партии «Новая заря» Мамаду Камара вернулся в страну.")
    assert p.occupations == ["президент Гвинеи", "лидер партии «Новая заря»"]


def test_a_post_before_a_genitive_name_and_a_name_belongs_to_the_second():
    found = _persons("Квартира принадлежала пресс-секретарю экс-президента США Ричарда Грина Джо Эллису.")
    assert found["Джо Эллис"].occupations == ["пресс-секретарь экс-президента США"]
    assert "пресс-секретарь экс-президента США" not in found["Ричард Грин"].occupations


def test_posts_listed_after_a_name_are_all_that_persons():
    p = person("Умер Виталий Костомаров, профессор, академик.")
    assert p.occupations == ["профессор", "академик"]


def test_a_plural_post_by_a_linking_verb_is_each_subjects():
    found = _persons("Операторами выступили Глеб Рябов и Артём Лаптев.")
    assert {name: p.occupations for name, p in found.items()} == {
        "Глеб Рябов": ["оператор"], "Артём Лаптев": ["оператор"]}


@pytest.mark.parametrize("text, occupation", [
    ("Умер британский рок-музыкант Марк Холлис.", "рок-музыкант"),
    ("Суд арестовал журналиста-расследователя Ивана Голунова.", "журналист-расследователь"),
    ("На сцену вышел стендап-комик Данила Поперечный.", "стендап-комик"),
])
def test_a_hyphenated_noun_with_a_post_at_either_end_is_a_post(text, occupation):
    assert person(text).occupations == [occupation]


def test_a_title_written_with_a_capital_mid_sentence_is_still_a_post():
    assert person("Закон подписал Президент России Владимир Путин.").occupations == ["президент России"]
    # a rank with a capital mid-sentence stays a possible surname
    assert person("Об этом рассказал Иван Майор.").ranks == []


def test_a_post_that_needs_its_body_is_recorded_only_with_it():
    f = extract(Document(id="t", text="Приказ подписал глава МВД Иван Петров и губернатор области Олег Смирнов."))
    quotes = {e.quote for e in f.professions}
    assert {"глава МВД", "губернатор области", "губернатор"} <= quotes
    assert "глава" not in quotes  # a bare "глава" names no post


def test_a_member_of_a_family_or_a_party_holds_no_post_but_a_member_of_a_council_does():
    assert person("Об этом сообщил член семьи Иван Петров.").occupations == []
    assert person("Об этом сообщил член Совета Федерации Иван Петров.").occupations == ["член Совета Федерации"]


def test_a_name_after_a_genitive_post_in_another_case_is_not_its_holder():
    found = _persons("В апреле дочь капитана Ханна Мур предложила помощь.")
    assert found["Ханна Мур"].occupations == []
    found = _persons("Приказ подписал заместитель министра Иван Петров.")
    assert found["Иван Петров"].occupations == ["заместитель министра"]
    # a genitive name after a genitive post is its holder
    found = _persons("Суд арестовал журналиста Ивана Голунова.")
    assert found["Иван Голунов"].occupations == ["журналист"]


def test_two_fields_joined_by_and_belong_to_one_post():
    assert person("На фестиваль приехал актёр театра и кино Глеб Рябов.").occupations == ["актер театра и кино"]
    assert person("Раньше Руснок был министром промышленности и торговли.").occupations == [
        "министр промышленности и торговли"]


def test_an_envoy_works_where_he_is_sent():
    f = extract(Document(id="t", text="Выступил постоянный представитель России при ООН Василий Небензя."))
    assert f.persons[0].occupations == ["постоянный представитель России при ООН"]
    assert [f.entity(k).label for k in f.persons[0].member_of] == ["Организация Объединённых Наций"]
    f = extract(Document(id="t", text="Глава государства назначил Роберта Кингсли послом в России."))
    [envoy] = [p for p in f.persons if p.occupations]
    assert envoy.occupations == ["посол в России"]
    workplaces = {link.target.quote for link in f.links if link.relation == "WORKPLACE"}
    assert workplaces == {"России"}


def test_an_age_in_words_before_a_post_is_its_holders_age():
    f = extract(Document(id="t", text="В 2011 году двадцатилетний пианист получил премию."))
    assert [(link.source.quote, link.target.quote) for link in f.links if link.relation == "AGE_IS"] == [
        ("пианист", "двадцатилетний")]
    f = extract(Document(id="t", text="Многолетний руководитель ушёл."))
    assert not [link for link in f.links if link.relation == "AGE_IS"]


def test_military_or_working_as_an_adjective_is_no_post():
    f = extract(Document(id="t", text="Власти ввели военное положение, рабочая группа заседала. Военный погиб."))
    assert [e.quote for e in f.professions] == ["Военный"]


def test_the_body_one_worked_at_as_a_post_is_the_posts_workplace_too():
    f = extract(Document(id="t", text="Иван Петров родился в Курске. Он работал инженером на Кировском заводе."))
    pairs = {(link.source.quote, link.target.quote) for link in f.links if link.relation == "WORKPLACE"}
    assert ("инженером", "Кировском заводе") in pairs
    assert ("Иван Петров", "Кировском заводе") in pairs


def test_an_alias_in_brackets_may_stand_between_a_name_and_its_post():
    p = person("Клаус Ридель (Klaus Riedel), министр юстиции немецкой земли Бавария, ушёл в отставку.")
    assert p.occupations == ["министр юстиции немецкой земли Бавария"]
    assert person("Об этом сказал директор ФБР (с 2017 года) Джек Морган.").occupations == ["директор ФБР"]


def test_the_land_named_in_a_post_is_the_workplace_not_the_country_of_its_adjective():
    f = extract(Document(id="t", text="Клаус Ридель, министр юстиции немецкой земли Бавария, ушёл в отставку."))
    targets = {link.target.quote for link in f.links if link.relation == "WORKPLACE"}
    assert "Бавария" in targets and "немецкой" not in targets


def test_a_person_from_a_body_works_there_but_not_one_from_a_city():
    f = extract(Document(id="t", text="Гостями эфира стали Роман Зуев из группы «Полярный экспресс» и Глеб Рябов из Самары."))
    pairs = {(link.source.quote, link.target.quote) for link in f.links if link.relation == "WORKPLACE"}
    assert pairs == {("Роман Зуев", "Полярный экспресс")}


def test_a_given_name_with_no_genitive_after_a_genitive_post_is_someone_elses():
    found = _persons("На премьере была дочь известного поэта, музыканта и продюсера Алиса Рябова.")
    assert found["Алиса Рябова"].occupations == []


def test_a_quoted_post_ends_at_its_closing_quote():
    found = _persons("Её дед, «король морских перевозок» 88-летний Чарльз Вонг, скончался.")
    assert found["Чарльз Вонг"].occupations == ["король морских перевозок"]


@pytest.mark.parametrize("text", [
    "Об этом заявил коммунист Иван Петров.",
    "Об этом заявил сепаратист Иван Петров.",
])
def test_a_follower_of_a_party_or_a_creed_holds_no_trade(text):
    assert person(text).occupations == []


def test_a_leading_company_has_no_presenter():
    f = extract(Document(id="t", text="Ведущие компании отрасли и ведущий программы Иван Петров встретились."))
    assert "Ведущие" not in {e.quote for e in f.professions}
    assert _persons_of(f)["Иван Петров"].occupations == ["ведущий программы"]


def _persons_of(facts) -> dict:
    return {p.label: p for p in facts.persons}


def test_a_plural_post_introducing_names_with_among_them_is_each_ones():
    found = _persons("На форум приехали молодые поэты и критики, среди которых — Глеб Рябов и "
                     "Михаил Павлов из Самары.")
    assert found["Глеб Рябов"].occupations == ["поэт", "критик"]
    assert found["Михаил Павлов"].occupations == ["поэт", "критик"]


@pytest.mark.parametrize("text, occupation", [
    ("На праздник приехал отставной бригадный генерал Питер Цвак.", "бригадный генерал"),
    ("С речью выступил наследный принц Фредерик.", "наследный принц"),
    ("Об этом сказал теневой министр финансов Джон Макдоннелл.", "теневой министр финансов"),
])
def test_adjectives_that_name_a_kind_of_post_belong_to_it_but_not_retired(text, occupation):
    found = [p for p in extract(Document(id="t", text=text)).persons if p.occupations or p.ranks]
    assert [p.ranks or p.occupations for p in found] == [[occupation]]


def test_a_post_opening_the_next_sentence_names_the_previous_sentences_subject():
    found = _persons("Алексей Навальный встретился с Иваном Ждановым. Политик заявил, что будет бороться.")
    assert found["Алексей Навальный"].occupations == ["политик"]
    assert found["Иван Жданов"].occupations == []
    # someone else named before the post in its own sentence: no guess
    found = _persons("Алексей Навальный встретился с Иваном Ждановым. После встречи с Любовью Соболь политик уехал.")
    assert all(not p.occupations for p in found.values())


def test_an_honorary_title_is_no_post_but_its_trade_is():
    f = extract(Document(id="t", text="Концерт дал народный артист СССР Иван Петров."))
    assert f.persons[0].occupations == ["артист"]
    assert not [link for link in f.links if link.relation == "WORKPLACE"]


def test_a_post_after_its_verb_brings_someone_new_not_the_one_just_named():
    facts = extract(Document(id="t", text=(
        "Депутат Олег Зимин выступил на митинге в Твери.\n"
        "Вечером у входа в здание прогремел взрыв, погиб охранник.")))
    zimin = next(p for p in facts.persons if p.label == "Олег Зимин")
    assert "охранник" not in zimin.occupations


def test_a_post_whose_clause_names_the_person_apart_is_someone_else():
    facts = extract(Document(id="t", text=(
        "Депутат Олег Зимин не пострадал.\n"
        "Раненый водитель был родственником Зимина.")))
    zimin = next(p for p in facts.persons if p.label == "Олег Зимин")
    assert "водитель" not in zimin.occupations


def test_a_post_closing_a_quotation_is_the_one_just_named():
    facts = extract(Document(id="t", text=(
        "Анна Ким вернулась в Омск после гастролей.\n"
        "«Я очень рада», — сказала певица.")))
    assert "певица" in next(p for p in facts.persons if p.label == "Анна Ким").occupations

"""Institutions: abbreviations and expansions, codes with kind and regime, outlets, founding."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document


def institutions(text: str, published: str | None = None):
    f = extract(Document(id="t", text=text, published=published))
    return f, {i.label: i for i in f.institutions}


@pytest.mark.parametrize("abbr, label, category", [
    ("КУИС", "Комитет уголовно-исполнительной системы", "GovernmentBody"),
    ("МВД", "Министерство внутренних дел", "GovernmentBody"),
    ("ОМОН", "отряд мобильный особого назначения", "Unit"),
])
def test_known_abbreviations_are_expanded(abbr, label, category):
    _, found = institutions(f"На место прибыли сотрудники {abbr}.")
    assert found[label].abbreviation == abbr
    assert found[label].category == category


def test_the_spelled_out_name_is_a_mention_of_the_abbreviated_institution():
    _, found = institutions("Работники УИС отметили праздник. Ветераны уголовно-исполнительной системы пришли тоже.")
    uis = found["уголовно-исполнительная система"]
    assert [m.quote for m in uis.mentions] == ["УИС", "уголовно-исполнительной системы"]


def test_a_regional_department():
    f, found = institutions("Сообщение опубликовал ДУИС по ВКО.")
    dept = found["Департамент уголовно-исполнительной системы по Восточно-Казахстанской области"]
    assert dept.abbreviation == "ДУИС по ВКО"
    assert f.entity(dept.located_in).label == "Восточно-Казахстанская область"


@pytest.mark.parametrize("text, code, kind", [
    ("Осуждённый отбывал срок в исправительной колонии АК-159/5 строгого режима.",
     "АК-159/5", "исправительная колония строгого режима"),
    ("Побег произошёл из учреждения ГМ-172/1 общего режима.", "ГМ-172/1", "учреждение общего режима"),
])
def test_codes_with_kind_and_regime(text, code, kind):
    _, found = institutions(text)
    assert found[code].code == code
    assert found[code].institution_type == kind
    assert found[code].category == "PenalInstitution"


def test_founding_date_of_the_institution_the_sentence_is_about():
    _, found = institutions("Рядом находится учреждение ОВ-156/7. Колония, созданная в конце 1940-х годов, "
                            "выпускала мебель.")
    assert found["ОВ-156/7"].founded.edtf == "194X"


def test_the_outlet_a_correspondent_writes_for():
    f, found = institutions("Об этом передаёт корреспондент sever-news.kz со ссылкой на полицию.")
    assert found["sever-news.kz"].category == "NewsOutlet"
    assert f.document.publisher == "sever-news.kz"


def test_an_escape_nickname_is_the_colony_not_a_place_or_person():
    f, found = institutions("Побег из Ак-тасты готовили месяц. Колонию АК-159/5 окружили.")
    assert found["АК-159/5"].alt_names == ["Ак-таста"]
    assert not any("Ак-тас" in p.label for p in f.places)
    assert not any("Ак-тас" in (p.label or "") for p in f.persons)


@pytest.mark.parametrize("text, label, kind", [
    ("Его этапировали в ИК-3.", "ИК-3", "исправительная колония"),
    ("Заключённого перевели в СИЗО-2.", "СИЗО-2", "следственный изолятор"),
    ("Он отбывал срок в исправительной колонии № 7.", "исправительная колония № 7", "исправительная колония"),
])
def test_numbered_penal_institutions(text, label, kind):
    _, found = institutions(text)
    assert found[label].institution_type == kind
    assert found[label].category == "PenalInstitution"


@pytest.mark.parametrize("text", [
    "Министр написал в Twitter, что доволен.",
    "Фильм покажут в кинотеатрах «Луч», «Парус» и «Рассвет».",
    "По словам местных властей, поджог устроил подросток.",
    "Ведомство составило протокол.",
    "Он заболел COVID-19 в марте.",
])
def test_media_works_diseases_and_lone_generic_words_are_no_institutions(text):
    assert extract(Document(id="t", text=text)).institutions == []


@pytest.mark.parametrize("text, label", [
    ("Компания Twitter удалила аккаунт.", "Twitter"),
    ("Северокорейские власти опровергли слухи.", "Северокорейские власти"),
    ("Министерство обороны сообщило о потерях.", "Министерство обороны"),
])
def test_named_or_qualified_bodies_stay_institutions(text, label):
    assert label in [i.label for i in extract(Document(id="t", text=text)).institutions]


@pytest.mark.parametrize("text, label, activity", [
    ("Завод «Прогресс» в городе Омске долгое время занимался выпуском станков и ремонтом тракторов.",
     "Завод «Прогресс»", "выпуск станков и ремонт тракторов"),
    ("Колония ИК-5 занимается пошивом одежды.", "ИК-5", "пошив одежды"),
    ("В посёлке работает колония ИК-2. Колония много лет занималась заготовкой леса.",
     "ИК-2", "заготовка леса"),
])
def test_what_an_institution_does(text, label, activity):
    _, found = institutions(text)
    assert found[label].activity == activity


def test_a_person_who_does_something_gives_no_institution_an_activity():
    facts, _ = institutions("Иван Петров из МВД занимается ремонтом машин.")
    assert all(i.activity is None for i in facts.institutions)


def _facts(text: str):
    from kgbuild.extract import extract
    from kgbuild.model import Document

    return extract(Document(id="t", text=text))


@pytest.mark.parametrize("text, name, place", [
    ("Иск подала британская группа The Prodigy.", "The Prodigy", "Британия"),
    ("Концерт прошёл в штаб-квартире ЮНЕСКО в Париже.", "ЮНЕСКО", "Париж"),
])
def test_where_an_institution_is_from_a_place_adjective_or_in_after_it(text, name, place):
    f = _facts(text)
    inst = next(i for i in f.institutions if i.label == name)
    assert f.entity(inst.located_in).label == place
    assert any(link.relation == "HEADQUARTERED_IN" and link.source.quote == name for link in f.links)


def test_a_journey_is_not_where_an_institution_is():
    f = _facts("Делегация МАГАТЭ вылетела в Вену.")
    inst = next(i for i in f.institutions if i.label == "МАГАТЭ")
    assert inst.located_in is None


def test_a_bodys_name_goes_on_through_the_body_after_it_in_the_genitive():
    f = _facts("Об этом сообщил председатель Совета директоров «Башинформа» Иван Петров.")
    quotes = {e.quote for i in f.institutions for e in i.mentions}
    assert "Совета директоров «Башинформа»" in quotes
    assert "Башинформа" in quotes  # the company itself stays a mention of its own


def test_an_abbreviation_spelling_a_names_initials_names_the_same_body():
    f = _facts("Сотрудники Фонда борьбы с коррупцией пришли в суд. ФБК заявил о давлении.")
    fund = next(i for i in f.institutions if i.label == "Фонд борьбы с коррупцией")
    assert fund.abbreviation == "ФБК"
    assert [(l.source.quote, l.target.quote) for l in f.links if l.relation == "ABBREVIATION"] == [
        ("Фонда борьбы с коррупцией", "ФБК")]
    # letters that spell no name of the text stay apart
    f = _facts("Сотрудники Фонда борьбы с коррупцией пришли в суд. МВД заявило о давлении.")
    assert not [l for l in f.links if l.relation == "ABBREVIATION"]


def test_the_name_before_its_country_is_one_more_mention_of_the_body():
    f = _facts("В марте Верховный суд Португалии оштрафовал теннисиста.")
    court = next(i for i in f.institutions if "суд" in i.label)
    assert {e.quote for e in court.mentions} == {"Верховный суд Португалии", "Верховный суд"}
    assert len([i for i in f.institutions if "суд" in i.label]) == 1
    # a common noun alone is no name: "посольство" stays inside "посольство США"
    f = _facts("Об этом сообщили в посольство США в Москве.")
    assert all(e.quote != "посольство" for i in f.institutions for e in i.mentions)


@pytest.mark.parametrize("text, whole, head", [
    ("В июне правительство Мали объявило о выборах.", "правительство Мали", "правительство"),
    ("Закон одобрили в парламенте Италии в среду.", "парламенте Италии", "парламенте"),
    ("Он был министром в правительстве Ивана Соколова.", "правительстве Ивана Соколова", "правительстве"),
    ("Болгарское правительство подало в отставку.", "Болгарское правительство", "правительство"),
])
def test_a_government_or_parliament_of_a_named_place_or_person_is_also_its_head_noun(text, whole, head):
    f = _facts(text)
    body = next(i for i in f.institutions if any(e.quote == whole for e in i.mentions))
    assert head in {e.quote for e in body.mentions}


def test_a_government_of_a_place_kind_word_gets_no_second_mention():
    assert quotes("Я призываю правительство страны принять меры.") == {"правительство"}


@pytest.mark.parametrize("text, name", [
    ("Матч прошёл на стадионе «Волна» в субботу.", "Волна"),
    ("Певицу нашли в номере отеля «Северный Хилтон».", "Северный Хилтон"),
    ("Пострадавших доставили в больницу «Светлая».", "Светлая"),
    ("Рейс задержали в аэропорту «Озёрный».", "Озёрный"),
    ("Пожар начался в торговом центре «Зимний сад».", "Зимний сад"),
    ("Её показали в программе «Доброе утро» на Первом канале.", "Доброе утро"),
    ("Его похоронили на Введенском кладбище в четверг.", "Введенском кладбище"),
    ("Исаакиевский собор передадут церкви.", "Исаакиевский собор"),
])
def test_a_building_or_a_programme_named_after_its_kind_is_no_institution(text, name):
    assert name not in quotes(text)


def test_a_factory_named_after_its_kind_stays_an_institution():
    assert "Восход" in quotes("Он работал инженером на заводе «Восход».")


@pytest.mark.parametrize("text, name, abbr", [
    ("Отчёт Федеральной налоговой службы РФ (ФНС РФ) вышел в пятницу.",
     "Федеральной налоговой службы РФ", "ФНС РФ"),
    ("Во вторник Верховный суд России (ВС) смягчил наказание пенсионеру.", "Верховный суд", "ВС"),
])
def test_an_abbreviation_in_brackets_after_a_name_is_the_same_body(text, name, abbr):
    f = _facts(text)
    assert any(l.relation == "ABBREVIATION" and (l.source.quote, l.target.quote) == (name, abbr) for l in f.links)
    body = next(i for i in f.institutions if any(e.quote == abbr for e in i.mentions))
    assert any(e.quote.startswith(name) for e in body.mentions)
    assert body.abbreviation == abbr
    assert not any("(" in e.quote for i in f.institutions for e in i.mentions)
    assert not any("(" in e.quote for p in f.places for e in p.mentions if e.quote.startswith(("РФ", "Росси")))


def test_a_quoted_names_place_noun_is_where_the_body_is_its_adjective_is_not():
    f = _facts("Партия «Движение за развитие Мали» выдвинула кандидата.")
    assert any(l.relation == "HEADQUARTERED_IN" and l.target.quote == "Мали" for l in f.links)
    f = _facts("Об этом пишет «Российская газета».")
    assert not [l for l in f.links if l.relation == "HEADQUARTERED_IN"]


def test_the_place_adjective_may_stand_before_two_kind_words():
    f = _facts("Она снималась в рекламе французского бренда детской одежды Petit Soleil.")
    assert any(l.relation == "HEADQUARTERED_IN" and l.source.quote == "Petit Soleil"
               and l.target.quote == "французского" for l in f.links)


def quotes(text: str) -> set[str]:
    f, _ = institutions(text)
    return {m.quote for i in f.institutions for m in i.mentions}


def test_a_governments_passing_state_is_no_part_of_its_name():
    assert "правительство" in quotes("Премьер хочет сформировать новое правительство из технократов.")
    assert "новое правительство" not in quotes("Премьер хочет сформировать новое правительство из технократов.")


def test_a_government_named_after_its_leader_keeps_the_whole_name():
    assert "администрация Дональда Трампа" in quotes("В апреле администрация Дональда Трампа ввела пошлины.")
    assert "кабинета Руснока" in quotes("Он вошёл в состав кабинета Руснока.")


@pytest.mark.parametrize("text, quote", [
    ("Нападающий сборной Англии забил гол.", "сборной Англии"),
    ("Он был председателем кабинета министров Испании.", "кабинета министров Испании"),
    ("Через год миланский суд приговорил его к штрафу.", "миланский суд"),
    ("Слово взял судья окружного суда Далласа.", "окружного суда Далласа"),
    ("Он возглавил командование сухопутных войск.", "сухопутных войск"),
    ("Блокаду ввела израильская армия.", "израильская армия"),
    ("Министр говорил о реформе вооружённых сил.", "вооружённых сил"),
])
def test_teams_cabinets_courts_and_forces_are_bodies(text, quote):
    assert quote in quotes(text)


@pytest.mark.parametrize("text", [
    "Он зашёл в кабинет директора.",
    "Суд постановил отпустить его под залог.",
    "Он отслужил в армии два года.",
    "Генерал армии Петров прибыл на учения.",
])
def test_a_room_a_trial_and_a_rank_are_not_bodies(text):
    assert quotes(text) == set()


def test_the_kremlin_and_the_white_house_stand_for_their_bodies_not_their_buildings():
    f, found = institutions("Кремль не сдержал обещания. Об этом сообщили представители Белого дома.")
    assert found["Кремль"].mentions[0].quote == "Кремль"
    assert found["Белый дом"].mentions[0].quote == "Белого дома"
    f, found = institutions("Президент находился в Овальном кабинете Белого дома.")
    assert "Белый дом" not in found


def test_the_european_union_is_a_body_not_a_place():
    f, found = institutions("Страна получила кредит от Евросоюза.")
    assert found["Европейский союз"].mentions[0].quote == "Евросоюза"
    assert not any(p.label.startswith("Евросоюз") for p in f.places)


def test_a_part_of_a_body_is_named_with_the_bodys_abbreviation():
    assert "ЦК КПСС" in quotes("Бывший член политбюро ЦК КПСС получил 96 процентов голосов.")
    assert "ГУ МВД" in quotes("По версии ГУ МВД, водитель грузовика скрылся с места аварии.")


def test_a_place_kind_left_without_its_name_is_no_part_of_the_body():
    assert "правительство" in quotes("Я призываю правительство страны принять меры.")
    assert "правительство страны" not in quotes("Я призываю правительство страны принять меры.")


@pytest.mark.parametrize("text", [
    "Его задержали сотрудники милиции.",
    "Он обратился в администрацию с жалобой.",
    "Пресс-служба отметила, что проверка идёт.",
])
def test_a_bare_militia_or_administration_names_no_one_body(text):
    assert quotes(text) == set()


def test_where_one_meets_is_the_building_and_running_a_car_is_no_directorate():
    assert quotes("Встреча прошла в Белом доме в среду.") == set()
    assert quotes("Водителя обвинили в управлении автомобилем без прав.") == set()


def test_a_name_cut_after_an_adjective_goes_on_to_its_noun():
    assert quotes("Он был членом Национальной ассамблеи народной власти.") == {
        "Национальной ассамблеи народной власти"}


def test_a_captions_flag_is_no_part_of_the_organizations_name():
    found = quotes("Её подозревают в финансировании ИГИЛ Флаг ИГИЛ По версии следствия, деньги шли через посредников.")
    assert found == {"ИГИЛ"}


@pytest.mark.parametrize("text, name", [
    ("Агентство по контролю за оборотом лекарств, медицинских изделий и пищевых добавок провело проверку.",
     "Агентство по контролю за оборотом лекарств, медицинских изделий и пищевых добавок"),
    ("Её избрали председателем Ассоциации производителей и поставщиков детской одежды.",
     "Ассоциации производителей и поставщиков детской одежды"),
])
def test_a_field_of_work_listed_in_the_name_belongs_to_the_name(text, name):
    assert name in quotes(text)


def test_a_second_body_after_and_is_no_part_of_the_first_name():
    found = quotes("Он окончил Гамбургский университет и школу бизнеса в Лозанне.")
    assert not any("университет и" in q for q in found)


@pytest.mark.parametrize("text", [
    "Президент внёс в Думу проект закона «О полиции».",
    "Депутаты приняли поправки в закон «О правительстве Российской Федерации».",
    "Он осуждает указ против анонимности в Сети.",
])
def test_the_title_of_a_law_and_the_internet_name_no_body(text):
    assert not ({"полиции", "правительстве", "правительстве Российской Федерации", "Сети"} & quotes(text))


def test_a_body_named_beside_a_law_stays_a_body():
    assert "Госдума" in quotes("Закон «О полиции» одобрила Госдума в пятницу.")


@pytest.mark.parametrize("text, name", [
    ("Вчера окружной федеральный суд штата Массачусетс вынес приговор.", "окружной федеральный суд штата Массачусетс"),
    ("Иск рассмотрят в Кировском районном суде г. Самары в понедельник.", "Кировском районном суде г. Самары"),
])
def test_the_kind_and_name_of_the_place_a_body_serves_belong_to_its_name(text, name):
    assert name in quotes(text)


def test_the_original_name_and_abbreviation_in_brackets_name_the_same_body():
    f = _facts("Его выдвинула партия «Союз за Мали» (Union pour le Mali, UPM) на выборах.")
    links = {(l.relation, l.source.quote, l.target.quote) for l in f.links}
    assert ("ALTERNATIVE_NAME", "Союз за Мали", "Union pour le Mali") in links
    assert ("ABBREVIATION", "Union pour le Mali", "UPM") in links
    assert not any(e.quote == "Союз за" for i in f.institutions for e in i.mentions)


def test_a_hospital_of_a_named_body_keeps_the_body():
    assert any(q.startswith("Королевского колледжа") for q in quotes("Его положили в больницу Королевского колледжа Лондона."))


def test_a_name_in_wiki_quotes_after_the_kind_of_body_is_an_institution():
    f = _facts("По данным газеты ''The Daily Planet'', сделка сорвалась. Позже ''The Daily Planet'' уточнила детали.")
    paper = next(i for i in f.institutions if i.label == "The Daily Planet")
    assert [e.quote for e in paper.mentions] == ["The Daily Planet", "The Daily Planet"]
    assert paper.category == "NewsOutlet"


def test_a_wiki_quoted_album_is_no_institution():
    assert "Night Drive" not in quotes("Группа выпустила альбом ''Night Drive'' осенью.")


def test_a_body_named_with_the_abbreviation_of_the_body_it_belongs_to():
    f = _facts("Вопрос передан в Совет Безопасности ООН в пятницу.")
    council = next(i for i in f.institutions if any(e.quote == "Совет Безопасности ООН" for e in i.mentions))
    assert "Совет Безопасности" in {e.quote for e in council.mentions}
    assert any(e.quote == "ООН" for i in f.institutions if i is not council for e in i.mentions)


@pytest.mark.parametrize("text", [
    "Машина оборудована системой автоматического управления.",
    "Он не принимал участия в управлении страной.",
])
def test_governing_as_an_act_is_no_directorate(text):
    assert quotes(text) == set()


def test_an_area_word_left_without_its_name_is_no_part_of_the_body():
    assert "правительства" in quotes("Он ушёл с поста главы правительства республики в мае.")
    assert "правительства Калининградской области" in quotes("Он работал в аппарате правительства Калининградской области.")


def test_an_embassy_or_press_office_is_not_where_its_country_is():
    f = _facts("Сотрудники посольства Норвегии отказались от комментариев.")
    assert not [l for l in f.links if l.relation == "HEADQUARTERED_IN"]
    embassy = next(i for i in f.institutions if i.label.lower().startswith("посольств"))
    assert embassy.located_in is None

"""Who took part in a happening and where it happened, on sentences of our own: names listed
after a plural noun, subjects of coordinated and governed verbs, photo captions, visitors
described by a participle, who signed a decree of a dismissal, the seat of a court, the place
of a post, a meeting's place hung on its partner. Negative cases list what must not be read:
a place one went to is not where a thing happened, a pronoun object is not the subject."""

from __future__ import annotations

import pytest

from events_helpers import labelled
from kgbuild.extract import extract
from kgbuild.model import Document


CASES = [
    # the names listed after a plural noun perform, and the hall's city is where
    ("В субботу в Доме музыки в Казани выступили известные пианисты Андрей Соколов и Мария Белова.",
     {"выступление.actor=Андрей Соколов", "выступление.actor=Мария Белова", "выступление@Казань"}),
    ("На сцене выступили музыканты Иван Петров, Олег Смирнов.",
     {"выступление.actor=Иван Петров", "выступление.actor=Олег Смирнов"}),
    # a verb governed by "распорядился" is done by its subject, where the judge sits
    ("Судья в Самаре распорядился освободить бизнесмена Олега Кравцова.",
     {"освобождение.lawEnforcement=судья", "освобождение.recipient=Олег Кравцов", "освобождение@Самара"}),
    ("Суд в Твери приговорил Игоря Волкова к трём годам колонии.",
     {"приговор.recipient=Игорь Волков", "приговор@Тверь"}),
    # a subject told once for two coordinated or governed verbs
    ("Олег Смирнов набрал мало голосов, но принял участие в дебатах.", {"встреча.participant=Олег Смирнов"}),
    ("Депутат Анна Белова решила принять участие в выборах мэра.", {"выборы.participant=Анна Белова"}),
    ("Предшественник Белова 45-летний Пётр Гусев был снят с должности.", {"отставка.participant=Пётр Гусев"}),
    ("Министр Олег Смирнов выступил на митинге в Самаре.",
     {"протестная акция.participant=Олег Смирнов", "протестная акция@Самара"}),
    ("Министр Анна Белова посетила Казань.", {"визит.actor=Анна Белова", "визит@Казань"}),
    ("Депутаты Олег Смирнов и Иван Петров преодолели первый барьер, победив на праймериз.",
     {"выборы.participant=Олег Смирнов", "выборы.participant=Иван Петров"}),
    # the one appointed, hung by the parser under the post
    ("Президент Андрей Соколов назначил начальником Генерального штаба генерал-лейтенанта Петра Орлова.",
     {"назначение.actor=Андрей Соколов", "назначение.participant=Пётр Орлов"}),
    # a singer named with a concert takes part in it; the city is where it was
    ("Концерт певицы Анны Беловой прошёл в Казани.", {"концерт.participant=Анна Белова", "концерт@Казань"}),
    # photo captions: who is named at a happening was there
    ("Хельга Петрова и Сергей Рост на показе фильма «Зима»",
     {"показ.participant=Хельга Петрова", "показ.participant=Сергей Рост"}),
    ("Олег Смирнов во время выступления", {"выступление.actor=Олег Смирнов"}),
    # the visitor a participle describes
    ("Президент Андрей Соколов, находящийся с визитом в Японии, встретился с премьером.",
     {"визит.actor=Андрей Соколов", "визит@Япония", "встреча.actor=Андрей Соколов"}),
    ("Визит Андрея Соколова в Пекин состоится в мае.", {"визит.actor=Андрей Соколов", "визит@Пекин"}),
    # who signed a decree of a dismissal or ordered a release made it
    ("Президент Андрей Соколов подписал указ об отставке министра Петра Орлова.",
     {"отставка.actor=Андрей Соколов", "отставка.participant=Пётр Орлов", "подписание.actor=Андрей Соколов"}),
    ("Верховный суд Латвии распорядился об освобождении журналиста Петра Орлова.",
     {"освобождение.lawEnforcement=Верховный суд Латвии", "освобождение.recipient=Пётр Орлов"}),
    ("Министр Олег Смирнов объявил о своей отставке.", {"отставка.actor=Олег Смирнов"}),
    ("Председатель Иван Петров объявил дату своей отставки.", {"отставка.actor=Иван Петров"}),
    ("Бывший мэр Олег Смирнов сообщил о разводе с женой.", {"развод.actor=Олег Смирнов"}),
    # who speaks at a press conference takes part in it
    ("На пресс-конференции в Минске Андрей Соколов заявил о новых планах.",
     {"встреча.participant=Андрей Соколов", "встреча@Минск"}),
    # the place the parser hangs on a meeting's partner is the meeting's; both who meet act
    ("Андрей Соколов провёл встречу с Петром Орловым в Казани.",
     {"встреча.actor=Андрей Соколов", "встреча.actor=Пётр Орлов", "встреча@Казань"}),
    # the place of a post is where one is elected or appointed
    ("Мэром Самары избран бывший футболист Игорь Волков.", {"выборы.participant=Игорь Волков", "выборы@Самара"}),
    # a place told for a death is the place of the accident it happened in, and of a death told again
    ("Генерал Пётр Орлов погиб в ДТП в Италии.",
     {"происшествие.casualty=Пётр Орлов", "происшествие@Италия", "смерть@Италия"}),
    ("Умер актёр Игорь Волков. Волков умер в своём доме в Подмосковье.",
     {"смерть.casualty=Игорь Волков", "смерть@Подмосковье"}),
    ("Футболист Олег Смирнов сочетался браком с Анной Беловой.", {"брак.actor=Олег Смирнов", "брак.actor=Анна Белова"}),
    # the body an election fills takes part in it; the place hung on an adjective is the election's
    ("Кандидат Олег Смирнов примет участие в выборах в Мосгордуму.",
     {"выборы.participant=Олег Смирнов", "выборы.participant=Мосгордума"}),
    ("Это первые в Перу парламентские выборы после военного переворота.", {"выборы@Перу"}),
    ("Взрыв произошёл возле Казани.", {"взрыв@Казань"}),
    # one moves to a place: the move's place is where one went
    ("Мэр Андрей Соколов переехал в Ригу.", {"переезд.actor=Андрей Соколов", "переезд@Рига"}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_participants_and_places(text, expected):
    facts = labelled(text)
    assert expected <= facts, sorted(expected - facts)


NEGATIVE = [
    # "его" is someone told before, never the one who appointed
    ("В 1999 году министр Пётр Орлов назначил его на должность директора.", {"назначение.participant=Пётр Орлов"}),
    # where one was taken to is not where one was detained
    ("Полиция задержала Семёна Ершова по дороге в Москву.", {"задержание@Москва"}),
    ("Певица Анна Белова погибла при крушении самолёта в ходе поездки в Сирию.",
     {"смерть@Сирия", "происшествие@Сирия"}),
    # an ambassador of Japan is not appointed in Japan
    ("Дипломат Олег Кравцов назначен послом Японии в Канаде.", {"назначение@Япония"}),
    # telling of one's appointment does not make one its author; telling of a war is no part in it
    ("Министр Олег Смирнов рассказал о своём назначении.", {"назначение.actor=Олег Смирнов"}),
    # the predecessor is the one named in apposition, not the one whose predecessor he was
    ("Предшественник Белова 45-летний Пётр Гусев был снят с должности.", {"отставка.participant=Белов"}),
    # one telling of another's divorce is not in it
    ("Журналист Олег Смирнов рассказал о разводе Анны Беловой с мужем.", {"развод.actor=Олег Смирнов"}),
    # the office an election fills is no one who ran
    ("Франция попытается перенести выборы генерального директора на осень.",
     {"выборы.participant=генеральный директор", "выборы.participant=директор"}),
    # one who took no part, and the one whose followers died
    ("Олег Смирнов служил в армии, однако не принимал участия в боевых действиях.",
     {"боевые действия.participant=Олег Смирнов", "вооружённый конфликт.participant=Олег Смирнов"}),
    ("Министр Иван Петров посетил Казань. Во время штурма около 80 его последователей погибли.",
     {"смерть.casualty=Иван Петров", "died:Иван Петров"}),
    # a body acting because of a protest, one leaving after an election: beside it, not in it
    ("Следственный комитет возбудил уголовное дело в связи с акцией протеста у здания мэрии.",
     {"протестная акция.participant=Следственный комитет"}),
    ("Министр Олег Смирнов уехал из страны после выборов.", {"выборы.participant=Олег Смирнов"}),
    ("Писатель Игорь Волков рассказал о войне.",
     {"вооружённый конфликт.participant=Игорь Волков", "война.participant=Игорь Волков"}),
]


@pytest.mark.parametrize("text,unwanted", NEGATIVE, ids=[c[0][:40] for c in NEGATIVE])
def test_not_read(text, unwanted):
    facts = labelled(text)
    assert not unwanted & facts, sorted(unwanted & facts)


def test_a_body_left_is_not_who_left():
    # "выход из партии": the genitive under "из" is where from, never the one acting
    facts = labelled("Депутат Олег Смирнов объявил о выходе из Партии регионов.")
    assert not {f for f in facts if f.endswith(".actor=Партия регионов")}, sorted(facts)


def test_who_leaves_a_post_is_its_actor_once():
    facts = labelled("В мае полковник Олег Смирнов оставил пост начальника областного управления.")
    assert "отставка.actor=Олег Смирнов" in facts
    assert "отставка.participant=Олег Смирнов" not in facts, sorted(facts)


def test_a_resignation_told_twice_is_one_incident():
    facts = extract(Document(id="t", text="В марте министр Олег Смирнов ушёл в отставку. "
                                          "Рапорт об отставке он подал после скандала с закупками."))
    assert [i.type for i in facts.incidents].count("Resignation") == 1


@pytest.mark.parametrize("text, expected", [
    ("Министр Пётр Орлов вступил в партию «Единая Россия».", "вступление.participant=Единая Россия"),
    ("В Москве начался суд над бывшим мэром Андреем Соколовым.", "судебный процесс.participant=Андрей Соколов"),
    ("Нападающий Иван Белов перешёл в «Зенит».", "переход.participant=Зенит"),
])
def test_the_phrase_a_happening_needs_names_who_else_is_in_it(text, expected):
    assert expected in labelled(text)


def test_a_pedestrian_run_over_is_the_victim():
    assert "наезд.victim=пешеход" in labelled("Водитель грузовика сбил пешехода в Казани.")


def test_the_body_one_is_appointed_to_is_the_appointments_institution():
    facts = extract(Document(id="t", text="Президент Андрей Соколов назначил в Верховный суд судью Анну Белову."))
    bodies = {i.key: i.label for i in facts.institutions}
    assert [bodies.get(i.institution) for i in facts.incidents if i.type == "Appointment"] == ["Верховный суд"]


@pytest.mark.parametrize("text, wanted, unwanted", [
    ("Следователи расследуют избиение журналиста Петра Орлова.", "нападение.victim=Пётр Орлов",
     "нападение.perpetrator=Пётр Орлов"),
    ("В 1961 году была предпринята попытка свержения Фиделя Кастро.", "свержение.participant=Фидель Кастро",
     "свержение.actor=Фидель Кастро"),
])
def test_the_genitive_of_a_deed_done_to_someone_is_who_suffered_it(text, wanted, unwanted):
    facts = labelled(text)
    assert wanted in facts and unwanted not in facts, sorted(facts)


@pytest.mark.parametrize("text, wanted", [
    ("Эту должность занимал Иван Петров, назначенный ещё Андреем Соколовым.",
     {"назначение.participant=Иван Петров", "назначение.actor=Андрей Соколов"}),
    ("Журналист, убитый в 2004 году, был похоронен в Москве.", {"убийство.victim=журналист", "Killing:2004"}),
])
def test_a_participle_that_says_when_or_by_whom_reports_the_happening(text, wanted):
    assert wanted <= labelled(text), sorted(labelled(text))


@pytest.mark.parametrize("text", [
    "Вдова погибшего офицера получила орден.",  # a description of the officer, no report of a death
    "Наказание, назначенное судом в мае, отменили.",  # a penalty set is no post given
])
def test_a_participle_that_only_describes_is_no_incident(text):
    facts = extract(Document(id="t", text=text))
    assert not [i for i in facts.incidents if i.type in ("Death", "Appointment")]


def test_a_place_hung_on_the_victim_is_the_deeds():
    assert "убийство@Нью-Йорк" in labelled("Полиция расследует убийство имама в Нью-Йорке.")
    assert not {f for f in labelled("Прокуратура расследует убийство жителя Москвы.") if "@" in f}


@pytest.mark.parametrize("text, wanted", [
    ("Районный суд вынес приговор в отношении местного жителя Андрея Белова.", "приговор.recipient=Андрей Белов"),
    ("Полицейские провели обыск у журналиста Андрея Белова.", "обыск.participant=Андрей Белов"),
])
def test_whom_a_legal_act_concerns_takes_part_in_it(text, wanted):
    assert wanted in labelled(text), sorted(labelled(text))

"""More happenings a historian records, on sentences of our own: funerals and farewells, deaths
told by "кончина", poisonings, extraditions, acquittals, fights, surgery and transplants,
parliaments dissolved, lawsuits, seizures by the police, crashes and collisions, regimes
fallen, prosecutions opened. Each case names what the graph shows: the incident's class or
label and who took which part. The negative cases are the figurative and everyday senses of
the same words ("курс упал", "надежды разбились", "оправдал ожидания"), and what was only
announced or did not happen: none of them may be read as a happening."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document

from events_helpers import labelled as read


CASES = [
    # funerals and farewells: a ceremony, the one buried is in it
    ("Поэта Аркадия Веснина похоронили на Введенском кладбище в 1974 году.",
     {"Ceremony/похороны", "похороны:1974"}),
    ("Похороны композитора Льва Орлова прошли в Самаре 3 марта 2011 года.",
     {"Ceremony/похороны", "похороны:2011-03-03"}),
    ("Зрители пришли на похороны скрипача Лукина.", {"Ceremony/похороны"}),
    ("Прощание с хоккеистом Павлом Сурковым прошло во Дворце спорта.", {"Ceremony/прощание"}),
    ("Кончина маршала Петра Кошевого в 1976 году стала неожиданностью для коллег.", {"Death", "Death:1976"}),
    # poisonings are attacks on someone
    ("В 1996 году в Омске неизвестные отравили банкира Семёна Грачёва.",
     {"Attack/отравление", "отравление:1996", "отравление.victim=Семён Грачёв"}),
    # (a date here would be ambiguous: the poisoning's, or the investigation's)
    ("Отравление журналиста Виктора Лаптева расследовала полиция Омска.",
     {"Attack/отравление", "отравление.victim=Виктор Лаптев"}),
    # handed over, acquitted
    ("В 2012 году власти Испании экстрадировали Петра Смолина в Россию.",
     {"Incident/экстрадиция", "экстрадиция.participant=Пётр Смолин"}),
    ("Областной суд оправдал фермера Никиту Рябова в апреле 2016 года.",
     {"Incident/оправдание", "оправдание.participant=Никита Рябов", "оправдание:2016-04"}),
    # fights and surgery
    ("В мае 2015 года у стадиона вспыхнула драка между болельщиками.", {"Incident/драка", "драка:2015-05"}),
    ("В 2003 году хирурги прооперировали певицу Анну Звонцову.",
     {"Incident/медицинская операция", "медицинская операция.participant=Анна Звонцова"}),
    ("В 2009 году писатель Игорь Данилов перенёс пересадку печени.", {"Incident/медицинская операция"}),
    # bodies dissolved, lawsuits brought
    ("В 1993 году президент распустил Верховный совет.", {"Incident/роспуск", "роспуск:1993"}),
    ("Роспуск парламента состоялся в сентябре 1993 года.", {"Incident/роспуск", "роспуск:1993-09"}),
    ("Актриса Нина Громова подала в суд на издательство.", {"Incident/иск", "иск.actor=Нина Громова"}),
    ("Художник Олег Савин подал иск к музею в 2008 году.", {"Incident/иск", "иск:2008"}),
    ("Адвокаты Ильи Серова подали апелляцию в марте 2012 года.", {"Incident/апелляция", "апелляция:2012-03"}),
    ("Певица Алла Петренко подала на развод в 2010 году.",
     {"Incident/иск о разводе", "иск о разводе.actor=Алла Петренко", "иск о разводе:2010"}),
    # seized by the police, a prosecution opened
    ("Полицейские схватили грабителя Олега Костина у вокзала.", {"Detention"}),
    ("Против мэра Семёна Лыкова возбуждено уголовное преследование.", {"CriminalCase/возбуждение уголовного дела"}),
    # crashes, falls, collisions, a regime fallen
    ("Самолёт Ил-18 разбился под Иркутском в 1969 году.", {"Accident", "Accident:1969"}),
    ("Инженер Глеб Рощин разбился на мотоцикле в 2001 году.", {"Accident", "Accident.casualty=Глеб Рощин"}),
    ("Военный вертолёт упал в море у берегов Сахалина.", {"Accident"}),
    ("Пассажирский поезд столкнулся с грузовиком на переезде.", {"Accident"}),
    ("Столкновение двух автобусов произошло на трассе под Ростовом.", {"Accident"}),
    ("Падение самолёта в Подмосковье расследует комиссия.", {"Accident"}),
    ("Падение Берлинской стены в 1989 году изменило Европу.", {"Incident/падение", "падение:1989"}),
    # retirements, investigations of a happening
    ("В 2007 году тренер Пол Сэлби ушёл на пенсию.", {"Resignation/уход на пенсию", "уход на пенсию:2007"}),
    ("Прокурор Казани начал расследование убийства Марины Лесковой в мае 2009 года.",
     {"Incident/расследование", "расследование.lawEnforcement=прокурор", "Killing/убийство"}),
    # a telephone conversation of leaders is a meeting of theirs
    ("Премьер Андрей Лозин провёл телефонный разговор с президентом Литвы в мае 2016 года.",
     {"Meeting/телефонный разговор", "телефонный разговор:2016-05"}),
    # chosen for a post; a craft gone missing
    ("В 1998 году Олег Бурцев был выбран новым мэром Твери.", {"Election", "Election:1998"}),
    ("В ноябре 2006 года у берегов Камчатки пропал рыболовецкий траулер.",
     {"Disappearance/исчезновение", "исчезновение:2006-11"}),
    # a "не" that does not deny: "не раз" is more than once
    ("Сосед не раз избивал Ольгу Зимину.", {"Attack"}),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_yields(text, expected):
    got = read(text)
    assert expected <= got, f"missing {expected - got}; got {sorted(got)}"


# figurative and everyday senses, and what was only announced: no incident of these kinds
NEGATIVE = [
    ("Курс рубля упал на три процента.", "Accident"),
    ("Все его надежды разбились о равнодушие чиновников.", "Accident"),
    ("Он столкнулся с трудностями при ремонте дачи.", "Accident"),
    ("Падение курса доллара продолжилось в среду.", "Accident"),
    ("Падение курса доллара продолжилось в среду.", "падение"),
    ("Заводские трубы отравляли воздух десятилетиями.", "отравление"),
    ("Пищевое отравление получили трое туристов.", "отравление"),
    ("Новый тренер полностью оправдал ожидания болельщиков.", "оправдание"),
    ("Реформа похоронила надежды фермеров.", "похороны"),
    ("Мальчик схватил маму за руку.", "Detention"),
    ("Вечером он схватил простуду.", "Detention"),
    ("Пересадка на другой поезд заняла десять минут.", "медицинская операция"),
    ("Стороны обсудили договор об экстрадиции.", "экстрадиция"),
    ("Прощание с летом устроили в городском парке.", "прощание"),
    ("Студент подал заявление в деканат.", "иск"),
    ("Премьер распустит парламент в мае.", "роспуск"),
    ("Министр планирует распустить совет директоров.", "роспуск"),
    ("Самолёт не разбился благодаря мастерству пилота.", "Accident"),
    ("Следователи не возбудили уголовное дело.", "возбуждение уголовного дела"),
    ("В этой аварии никто не погиб.", "Death"),
    ("Покупатель выбрал синий костюм.", "Election"),
    ("Клуб выбрал защитника на драфте.", "Election"),
    ("Журналистское расследование коррупции вызвало скандал.", "расследование"),
    ("Фермер вышел на крыльцо.", "Resignation"),
    ("Учителя в этой стране выходят на пенсию в шестьдесят лет.", "Resignation"),
    ("Студенты сдали зимнюю сессию досрочно.", "Meeting"),
    # in one's power, intended or asked for
    ("Президент имеет право распускать парламент.", "роспуск"),
    ("Родственники намерены похоронить артиста в Германии.", "похороны"),
    ("Прокуратура добивается экстрадиции банкира Петрова.", "экстрадиция"),
    ("Москва потребовала, чтобы Испания экстрадировала Петра Смолина.", "экстрадиция"),
    ("Оппозиция потребовала отставки министра.", "Resignation"),
    ("Президент имеет полномочия объявить о роспуске парламента.", "роспуск"),
    ("Похороны поэта собирались провести в Риге.", "похороны"),
    ("Прокуратура, добивающаяся экстрадиции банкира Петрова, подала апелляцию.", "экстрадиция"),
]


@pytest.mark.parametrize("text, label", NEGATIVE, ids=[f"{c[0][:40]}-{c[1]}" for c in NEGATIVE])
def test_everyday_sense_yields_no_incident(text, label):
    facts = extract(Document(id="t", text=text))
    found = {inc.label for inc in facts.incidents} | {inc.type for inc in facts.incidents}
    assert label not in found, [(i.type, i.label) for i in facts.incidents]


def _parts(text: str) -> set[tuple[str, str]]:
    """Each incident told inside a larger one, as (the part's word, the whole's word)."""
    facts = extract(Document(id="t", text=text))
    word = {i.key: i.trigger.quote for i in facts.incidents if i.trigger}
    return {(word[i.key], word[i.part_of]) for i in facts.incidents if i.part_of and i.key in word}


STAGES = [
    # rounds and stages of a contest are competitions, each a part of the next larger one
    ("Сборная Чехии выиграла матч второго тура группового этапа Лиги чемпионов.",
     {("матч", "тура"), ("тура", "этапа"), ("этапа", "Лиги")}),
    ("Во втором туре чемпионата Бразилии «Сантос» обыграл «Гремио».", {("туре", "чемпионата")}),
    # the Games named by their capitalised short name hold their opening
    ("Бегун Ян Освальд зажёг огонь на открытии Игр в Афинах.", {("открытии", "Игр")}),
    # a session of a sitting body is a meeting, and holds its opening
    ("Депутат Ирина Олейник выступила на открытии сессии парламента Молдавии.", {("открытии", "сессии")}),
]


@pytest.mark.parametrize("text, expected", STAGES, ids=[c[0][:40] for c in STAGES])
def test_stages_are_parts_of_their_contest(text, expected):
    assert expected <= _parts(text)


@pytest.mark.parametrize("text", [
    "Строители завершили второй этап реконструкции моста.",
    "Фильм «Голодные Игры» вышел в прокат весной.",
    "Дети играли в шумные игры во дворе.",
])
def test_stages_and_games_of_no_contest_are_no_competition(text):
    facts = extract(Document(id="t", text=text))
    assert "Competition" not in {i.type for i in facts.incidents}

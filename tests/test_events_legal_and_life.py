"""Happenings a historian records beyond crimes and politics' set pieces: criminal cases opened
and charges brought, titles stripped, nominations, guilty verdicts, bodies found, disappearances,
drownings, crashes, hospital stays, accessions to a throne, overthrows, deportations, engagements.
Sentences of our own; the negatives must yield nothing of the kind."""

from __future__ import annotations

import pytest

from events_helpers import summary

CASES = [
    ("Следственный комитет возбудил уголовное дело против Ивана Петрова.",
     {"CriminalCase.lawEnforcement=Следственный комитет", "CriminalCase.participant=Иван Петров"}),
    ("Прокуратура предъявила обвинение Олегу Белову.", {"Charge.participant=Олег Белов"}),
    ("Прокуратура обвинила Олега Белова в мошенничестве.",
     {"Charge.lawEnforcement=Прокуратура", "Charge.participant=Олег Белов"}),
    ("Иван Орлов обвинён в убийстве журналиста.", {"Charge.participant=Иван Орлов"}),
    ("Синод лишил священника Олега Смирнова сана.", {"Deprivation.actor=Синод", "Deprivation.participant=Олег Смирнов"}),
    ("Партия выдвинула Анну Ким кандидатом в президенты.", {"Incident.participant=Анна Ким"}),
    ("Суд признал Петра Орлова виновным.", {"Sentencing.recipient=Пётр Орлов"}),
    ("Журналист Илья Зуев найден мёртвым.", {"Death.casualty=Илья Зуев", "died:Илья Зуев"}),
    ("Турист Павел Рогов пропал без вести.", {"Disappearance.participant=Павел Рогов"}),
    ("Водитель Олег Лось врезался в столб.", {"Accident.casualty=Олег Лось"}),
    ("Рыбак Егор Сом утонул в реке.", {"Death.casualty=Егор Сом", "died:Егор Сом"}),
    ("Иван Кох попал в больницу.", {"Hospitalization.participant=Иван Кох"}),
    ("Певица Анна Лис попала в аварию.", {"Accident.casualty=Анна Лис"}),
    ("Король Карл взошёл на престол.", {"Appointment.actor=Карл"}),
    ("Генерал Ахмед Бен пришёл к власти в результате переворота.", {"Appointment.actor=Ахмед Бен"}),
    ("Министр Игорь Лаптев объявил о своём уходе с поста.", {"Resignation"}),
    ("Охранник Пётр Лавров выстрелил в грабителя.", {"Attack.perpetrator=Пётр Лавров", "Attack.victim=грабитель"}),
    ("Власти депортировали журналиста Марка Дуна.", {"Incident.participant=Марк Дун"}),
    ("Кирилл Нор обручился с Дарьей Лён.", {"Incident.actor=Кирилл Нор"}),
    ("На круглом столе выступил историк Олег Кин.", {"Meeting"}),
]


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_yields_facts(sentence, expected):
    facts = summary(sentence)
    assert expected <= facts, sorted(expected - facts)


NEGATIVE = [
    ("Дело о краже возбудило интерес журналистов.", ("CriminalCase", "Incident")),  # interest aroused, no case opened
    ("Он лишил себя сна.", ("Deprivation", "Incident")),  # sleep is no title
    ("Олег Лось нашёл кошелёк на улице.", "Death"),
    ("Письмо попало в редакцию.", ("Hospitalization", "Incident")),
    ("Иван Кох пришёл в школу.", "Appointment"),
    ("Стол стоял в углу.", "Meeting"),
    ("Политик Иван Орлов обвинил оппонента во лжи.", ("Charge", "Incident")),  # a reproach, not a charge
]


@pytest.mark.parametrize("sentence,forbidden", NEGATIVE, ids=[c[0][:40] for c in NEGATIVE])
def test_sentence_yields_no_such_fact(sentence, forbidden):
    assert not [f for f in summary(sentence) if f.startswith(forbidden)]


PARTICIPANTS = [
    ("За Ивана Орлова проголосовали тысячи избирателей.", {"Election.participant=Иван Орлов"}),
    ("Иван Орлов победил Петра Гурова на выборах.", {"Election.participant=Иван Орлов", "Election.participant=Пётр Гуров"}),
    ("Победителем турнира стал Олег Лось.", {"Competition.participant=Олег Лось"}),
    ("Ветеран Великой Отечественной войны Иван Орлов отметил юбилей.", {"ArmedConflict.participant=Иван Орлов"}),
    ("Иван Орлов — участник боёв за Берлин.", {"ArmedConflict.participant=Иван Орлов"}),
]


@pytest.mark.parametrize("sentence,expected", PARTICIPANTS, ids=[c[0][:40] for c in PARTICIPANTS])
def test_who_took_part(sentence, expected):
    facts = summary(sentence)
    assert expected <= facts, sorted(expected - facts)


MORE = [
    ("Писатель говорил о Геноциде армян.", {"Killing"}),
    ("Иван Орлов и Анна Ким вступили в брак.", {"Marriage.actor=Иван Орлов", "Marriage.actor=Анна Ким"}),
    ("Сенат ратифицировал договор о границе.", {"Incident.actor=Сенат"}),
    ("Иван Орлов лишился поста министра.", {"Resignation.participant=Иван Орлов"}),
    ("Группа отправилась в мировой тур.", {"Incident"}),
    ("Вспыхнул конфликт в Сирии.", {"ArmedConflict"}),
    ("Акция в поддержку кандидатов прошла в Москве.", {"Protest", "Protest@Москва"}),
    ("Оппозиция начала избирательную кампанию.", {"Election"}),
]


@pytest.mark.parametrize("sentence,expected", MORE, ids=[c[0][:40] for c in MORE])
def test_more_happenings(sentence, expected):
    facts = summary(sentence)
    assert expected <= facts, sorted(expected - facts)


MORE_NEGATIVE = [
    ("Иван Орлов занимал пост министра пять лет.", "Appointment"),  # holding a post is no event
    ("Между соседями возник конфликт.", "ArmedConflict"),
    ("Лига провела жеребьёвку тура.", "Incident"),
    ("Машины столкнулись на перекрёстке.", "Protest"),
]


@pytest.mark.parametrize("sentence,forbidden", MORE_NEGATIVE, ids=[c[0][:40] for c in MORE_NEGATIVE])
def test_no_such_happening(sentence, forbidden):
    assert not [f for f in summary(sentence) if f.startswith(forbidden)]

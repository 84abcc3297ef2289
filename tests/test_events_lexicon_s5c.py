"""A third tranche of the events lexicon, on sentences of our own: a speech given at a congress or
in a parliament, a roof or a bridge that gave way, a person killed in a crash; and a word that
read twice ("открыл стрельбу на станции" opens no station). The negative cases are the everyday
senses of the same words: verbal attacks, falling prices, broken vases, a station only the place
of a shooting."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document

from events_helpers import labelled
from events_helpers import labelled as read


CASES = [
    # a speech: the speaker spoke, the congress it was given at is its whole
    ("Депутат Олег Рябов выступил с речью на съезде партии в мае 2014 года.",
     {"Incident/речь", "речь.actor=Олег Рябов", "речь:2014-05"}),
    ("Премьер Пётр Волков выступил с докладом в парламенте.", {"Incident/речь", "речь.actor=Пётр Волков"}),
    ("В марте 2009 года король Фредерик выступил с обращением к нации.",
     {"Incident/речь", "речь.actor=Фредерик", "речь:2009-03"}),
    # a building or a part of it gave way
    ("В Перми 4 июня 2012 года обрушилась кровля спортзала.", {"Accident/обрушение", "обрушение:2012-06-04"}),
    ("Обрушение перекрытий в торговом центре произошло ночью 3 мая 2016 года.",
     {"Accident/обрушение", "обрушение:2016-05-03"}),
    # killed in a crash
    ("Певец Олег Рябов разбился в ДТП под Тверью в 2011 году.",
     {"Death", "Death.casualty=Олег Рябов", "Accident", "died:Олег Рябов"}),
    ("Гонщик Пётр Лунин разбился насмерть в 1994 году.", {"Death", "Death:1994", "Death.casualty=Пётр Лунин"}),
    # a shooting is not also an opening; a bridge opened still is
    ("Военные открыли стрельбу на станции метро.", {"Shootout"}),
    ("Мэр Олег Сизов открыл мост через реку в 2015 году.", {"Incident/открытие", "открытие:2015"}),
    # a word whose head already tells the happening is not a second one
    ("Акция протеста прошла в Туле 3 мая 2014 года.", {"Protest", "Protest:2014-05-03"}),
    ("Фермер Пётр Лунин был приговорён к смерти в 2007 году.",
     {"Sentencing", "Sentencing:2007", "Sentencing.recipient=Пётр Лунин"}),
    ("В мае 2012 года министр Олег Рябов объявил об уходе в отставку.", {"Resignation", "Resignation:2012-05"}),
    ("Боевика Петра Лунина обвинили в покушении на убийство депутата.", {"Attack"}),
    ("Жители Тулы проголосовали за мэра Олега Рябова в мае 2014 года.", {"Election", "Election:2014-05"}),
    # who congratulated whom, a fountain restored, a candidacy withdrawn by one's own word
    ("В мае 2014 года президент Олег Рябов поздравил Петра Лунина с победой.",
     {"Incident/поздравление", "поздравление.actor=Олег Рябов", "поздравление.participant=Пётр Лунин",
      "поздравление:2014-05"}),
    ("Реставрация фонтана в Туле завершилась в 2015 году.", {"Incident/реставрация", "реставрация:2015"}),
    ("В апреле 2016 года депутат Олег Рябов взял самоотвод.",
     {"Incident/снятие кандидатуры", "снятие кандидатуры:2016-04", "снятие кандидатуры.participant=Олег Рябов"}),
    # removed from office
    ("В 2014 году парламент сместил президента Олега Рябова.",
     {"Resignation", "Resignation:2014", "Resignation.participant=Олег Рябов"}),
    ("Министр Пётр Лунин был смещён с поста в мае 2016 года.", {"Resignation", "Resignation:2016-05"}),
    # an award ceremony is one ceremony, told by its kind
    ("Церемония вручения премии прошла в Туле 10 декабря 2015 года.",
     {"Ceremony/вручение награды", "вручение награды:2015-12-10", "вручение награды@Тула"}),
    # one who managed to do it did it
    ("Заключённый Пётр Рябов смог бежать из колонии в 2003 году.", {"Escape", "Escape:2003"}),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_yields(text, expected):
    got = read(text)
    assert expected <= got, f"missing {expected - got}; got {sorted(got)}"


def test_a_speech_at_a_congress_is_a_part_of_it():
    facts = extract(Document(id="t", text="Депутат Олег Рябов выступил с речью на съезде партии в мае 2014 года."))
    speech = next(i for i in facts.incidents if i.label == "речь")
    congress = next(i for i in facts.incidents if i.type == "Meeting")
    assert speech.part_of == congress.key


@pytest.mark.parametrize("text", ["Акция протеста прошла в Туле 3 мая 2014 года.",
                                  "Церемония вручения премии прошла в Туле 10 декабря 2015 года.",
                                  "Церемония коронации состоялась в Туле 2 июня 1953 года.",
                                  "В мае 2012 года министр Олег Рябов объявил об уходе в отставку."])
def test_a_happening_named_by_two_words_is_one_incident(text):
    facts = extract(Document(id="t", text=text))
    assert len(facts.incidents) == 1, [(i.type, i.label) for i in facts.incidents]


NEGATIVE = [
    # a shooting at or near a place opens nothing
    ("Военные открыли стрельбу на станции метро.", "открытие"),
    ("Нападавший открыл стрельбу в университете.", "открытие"),
    ("Охранник открыл огонь у входа в школу.", "открытие"),
    # a verbal attack, a fall of prices, a thing broken
    ("Сенатор обрушился с критикой на министра.", "обрушение"),
    ("Обрушение курса рубля напугало вкладчиков.", "обрушение"),
    ("Ваза упала со стола и разбилась.", "Death"),
    ("Надежды болельщиков разбились о крепкую защиту.", "Death"),
    # a speech only planned, or a view stated, is no speech given
    ("Министр Олег Рябов выступит с докладом на съезде в мае.", "речь"),
    ("Депутат выступил против закона о митингах.", "речь"),
    ("Мэр выступил с заявлением для прессы.", "речь"),
    # the penalty set is no death; an attempt on a life takes none; a vote on a law elects no one
    ("Фермер Пётр Лунин был приговорён к смерти в 2007 году.", "Death"),
    ("Суд приговорил бандита Олега Рябова к смертной казни.", "Killing"),
    ("Боевика Петра Лунина обвинили в покушении на убийство депутата.", "Killing"),
    ("Сенаторы проголосовали за ратификацию договора.", "Election"),
    ("Депутаты проголосовали против законопроекта о митингах.", "Election"),
    ("Голосование по законопроекту прошло в мае.", "Election"),
    ("Мэр Олег Рябов поздравит ветеранов в мае.", "поздравление"),
    ("Мэр не поздравил ветеранов с праздником.", "поздравление"),
    ("Депутаты Тулы проголосовали против переименования улиц.", "Election"),
    # refused, or only a chance of it
    ("Оба министра отказались возглавить комитет.", "Appointment"),
    ("Эта победа увеличивает его шансы возглавить клуб.", "Appointment"),
    ("Министр Олег Рябов отказался от встречи с послом.", "Meeting"),
    ("Автор статьи сместил акцент на экономику.", "Resignation"),
    # what may happen or was to happen is not told to have happened
    ("Фигуристка Ольга Рябова может вернуться в Канаду осенью.", "возвращение"),
    ("Министр должен был встретиться с послом в четверг.", "Meeting"),
]


@pytest.mark.parametrize("text, label", NEGATIVE, ids=[f"{c[0][:40]}-{c[1]}" for c in NEGATIVE])
def test_everyday_sense_yields_no_incident(text, label):
    facts = extract(Document(id="t", text=text))
    found = {inc.label for inc in facts.incidents} | {inc.type for inc in facts.incidents}
    assert label not in found, [(i.type, i.label) for i in facts.incidents]


@pytest.mark.parametrize("text, kind", [
    ("Боксёр Олег Лось проиграл третий бой подряд нокаутом.", "Competition"),
    ("Тяжеловес из Омска выиграл бой по очкам в десятом раунде.", "Competition"),
    ("В бою под Курском погибли двое солдат.", "ArmedConflict"),
])
def test_a_bout_in_the_ring_is_a_contest_and_a_battle_is_a_battle(text, kind):
    got = labelled(text)
    assert kind in got
    assert ({"Competition", "ArmedConflict"} - {kind}).isdisjoint(got)

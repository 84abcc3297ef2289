"""The wider incident lexicon, on sentences of our own: joining and leaving parties, transfers,
purchases, bodies found, revolts put down, repeals, kidnappings, ordinations, surrenders,
trials faced, verdicts read, troops sent in, oaths, tournaments. Each case names what a
historian would see in the graph: the incident's class or label and who took which part.
The negative cases are the everyday senses of the same words, which must stay unread."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document

from events_helpers import summary


def read(text: str) -> set[str]:
    """The summary, plus each incident as "label", "label.role=participant" and "label:date"."""
    facts = extract(Document(id="t", text=text))
    name = {x.key: x.label or getattr(x, "description", None)
            for x in facts.persons + facts.groups + facts.places + facts.institutions}
    out = set(summary(text))
    for inc in facts.incidents:
        out.add(f"{inc.type}/{inc.label}")
        for part in inc.participations:
            out.add(f"{inc.label}.{part.role}={name.get(part.agent)}")
        if inc.date and inc.date.value:
            out.add(f"{inc.label}:{inc.date.value}")
        if inc.place:
            out.add(f"{inc.label}@{name[inc.place]}")
    return out


CASES = [
    # memberships joined and left
    ("В 1931 году инженер Степан Лавров вступил в Коммунистическую партию.",
     {"Incident/вступление", "вступление.actor=Степан Лавров", "вступление:1931"}),
    ("В марте 2004 года Литва вступила в НАТО.", {"Incident/вступление", "вступление:2004-03"}),
    ("Новый закон о пенсиях вступил в силу 1 января 2019 года.",
     {"Incident/вступление в силу", "вступление в силу:2019-01-01"}),
    ("Депутат Аркадий Мельников вышел из состава фракции.", {"Incident/выход", "выход.actor=Аркадий Мельников"}),
    ("В 1989 году журналист Юрий Сомов покинул ряды КПСС.", {"Incident/выход", "выход.actor=Юрий Сомов", "выход:1989"}),
    ("Бюро исключило Глеба Панова из партии.", {"Incident/исключение", "исключение.participant=Глеб Панов"}),
    # transfers, purchases
    ("В июле 2016 года нападающий Тимур Ахметов перешёл в «Рубин».",
     {"Incident/переход", "переход.actor=Тимур Ахметов", "переход:2016-07"}),
    ("Концерн «Северсталь» приобрёл компанию «Уралтрубы» в 2011 году.", {"Incident/покупка", "покупка:2011"}),
    ("Писательница Вера Лосева купила особняк в Ялте.",
     {"Incident/покупка", "покупка.actor=Вера Лосева"}),
    # bodies found, kidnappings, rapes, attacks told by "нанести"
    ("Полиция Самары обнаружила тело Игоря Кострова.",
     {"Incident/обнаружение тела", "обнаружение тела.actor=Полиция Самары",
      "обнаружение тела.participant=Игорь Костров"}),
    ("Боевики похитили журналиста Олега Рябова в Грозном.",
     {"Incident/похищение", "похищение.victim=Олег Рябов", "похищение@Грозный"}),
    ("Вечером грабитель нанёс Петру Зуеву удар ножом.", {"Attack", "Attack.victim=Пётр Зуев"}),
    # revolts, surrenders, repeals, independence
    ("В 1956 году советские войска подавили восстание в Будапеште.", {"Incident/подавление", "подавление:1956"}),
    ("Капитуляция Японии в сентябре 1945 года завершила войну.",
     {"Incident/капитуляция", "капитуляция:1945-09"}),
    ("В 1865 году конгресс США отменил рабство.", {"Incident/отмена", "отмена:1865"}),
    ("Парламент провозгласил независимость республики в 1991 году.",
     {"Incident/провозглашение независимости", "провозглашение независимости:1991"}),
    # ordination, posts taken, rights stripped, citizenship
    ("Отец Павел был рукоположен в сан священника в 1998 году.", {"Incident/рукоположение", "рукоположение:1998"}),
    ("В 2009 году дипломат Юкия Амано сменил на посту директора агентства Мухаммеда Эль-Барадеи.",
     {"Appointment", "Appointment:2009"}),
    ("В мае 2012 года Андрей Корнеев занял пост мэра.", {"Appointment", "Appointment.actor=Андрей Корнеев"}),
    ("Районный суд Твери лишил Ольгу Седову опекунства над племянником.",
     {"Incident/лишение прав", "лишение прав.actor=Районный суд Твери", "лишение прав.participant=Ольга Седова"}),
    ("Минюст лишил адвоката Илью Гордеева лицензии.", {"Incident/лишение прав", "лишение прав.participant=Илья Гордеев"}),
    ("Синод лишил священника Игоря Белова сана.",
     {"Incident/лишение звания", "лишение звания.actor=Синод", "лишение звания.participant=Игорь Белов"}),
    ("В 2014 году хоккеист Виктор Ан получил российское гражданство.",
     {"Incident/получение гражданства", "получение гражданства.participant=Виктор Ан"}),
    # justice
    ("Бывший мэр Леонид Чубов предстал перед судом в Казани.",
     {"Trial", "Trial.participant=Леонид Чубов", "судебный процесс@Казань"}),
    ("Вчера судья огласил приговор Максиму Гладкову.", {"Sentencing", "Sentencing.actor=судья"}),
    ("В 2013 году Сергей Дёмин получил срок за мошенничество.",
     {"Sentencing", "Sentencing.recipient=Сергей Дёмин", "Sentencing:2013"}),
    ("Бывший охранник Дмитрий Кудрин вышел из колонии в 2015 году.",
     {"Release", "Release.recipient=Дмитрий Кудрин", "Release:2015"}),
    # war, flights from a country, oaths, a meeting in prison, a trip, a tournament
    ("В декабре 1979 года СССР ввёл войска в Афганистан.", {"MilitaryOperation", "MilitaryOperation:1979-12"}),
    ("В 1922 году философ Николай Лосский покинул Россию.",
     {"Incident/отъезд", "отъезд.actor=Николай Лосский", "отъезд:1922"}),
    ("Президент Олжас Ермеков принёс присягу 12 июня.", {"Incident/присяга", "присяга.actor=Олжас Ермеков"}),
    ("После свидания с сыном Анна Щукина дала интервью.", {"Meeting", "Meeting.participant=Анна Щукина"}),
    ("Во время поездки в Вену министр Карл Штайнер заболел.", {"Visit", "визит@Вена"}),
    ("В 2018 году «Динамо» выиграло Кубок России.", {"Competition", "Competition:2018"}),
    ("Сильвия Маркес заразилась коронавирусом в марте 2020 года.",
     {"Incident/заражение", "заражение.participant=Сильвия Маркес", "заражение:2020-03"}),
    # openings, conversions, road deaths, battles, tournaments by year, bills, releases, surrenders
    ("В сентябре 2015 года мэр Кирилл Попов открыл в Томске новую школу.",
     {"Incident/открытие", "открытие.actor=Кирилл Попов", "открытие@Томск", "открытие:2015-09"}),
    ("В 2012 году певец Дауд Хан принял ислам.", {"Incident/обращение в веру", "обращение в веру.actor=Дауд Хан"}),
    ("Вечером водитель грузовика Олег Фомин сбил пешехода.", {"Incident/наезд", "наезд.actor=Олег Фомин"}),
    ("Сражение под Полтавой произошло 8 июля 1709 года.", {"ArmedConflict", "ArmedConflict:1709-07-08"}),
    ("В 2018 году сборная Франции выиграла ЧМ-2018 в Москве.",
     {"Competition", "Competition.participant=сборная Франции"}),
    ("Депутат Ирина Лукина внесла в Госдуму законопроект о митингах.", {"Incident/внесение законопроекта"}),
    ("В 2016 году журналист Рустам Беков был выпущен из тюрьмы.",
     {"Release", "Release.recipient=Рустам Беков", "Release:2016"}),
    ("Подозреваемый Антон Гуров сдался полиции.", {"Incident/сдача", "сдача.participant=Антон Гуров"}),
    ("Показы фильма пройдут в Казани в октябре.", {"Incident/показ", "показ@Казань"}),
    # a life's turns: coma, surgery, bail, leaving a band; police operations
    ("В марте актриса Галина Волкова впала в кому.", {"Incident/кома", "кома.participant=Галина Волкова"}),
    ("В декабре футболист Игорь Смолов перенёс операцию на колене.",
     {"Incident/медицинская операция", "медицинская операция.participant=Игорь Смолов"}),
    ("14 декабря Анну Рябову отпустили под залог.", {"Release", "Release.recipient=Анна Рябова"}),
    ("В 1971 году певец Демис Руссос покинул группу.", {"Resignation", "Resignation.actor=Демис Руссос"}),
    ("Полиция провела операцию по захвату подозреваемых.", {"MilitaryOperation"}),
    ("Закон был принят Думой 3 марта 2011 года и одобрен Советом Федерации 9 марта 2011 года.",
     {"принятие закона.actor=Совет Федерации", "принятие закона:2011-03-09"}),
    ("Гитаристка Мария Ладина объявила об уходе из группы.", {"Resignation"}),
    ("В 2019 году поэт Пётр Сизов выступил на литературных мероприятиях в Барнауле.", {"Incident/мероприятие"}),
    ("В июле 1909 года авиатор Луи Блерио совершил полёт через Ла-Манш.",
     {"Incident/полёт", "полёт:1909-07"}),
    ("Весной армия вытеснила повстанцев из Алеппо.", {"MilitaryOperation"}),
    ("Переход северных районов под контроль повстанцев завершился весной 2014 года.",
     {"Incident/переход под контроль", "переход под контроль:2014"}),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_yields(text, expected):
    got = read(text)
    assert expected <= got, f"missing {expected - got}; got {sorted(got)}"


# the everyday senses: no incident of these kinds may be read from them
NEGATIVE = [
    ("Она вышла из дома в семь утра.", "выход"),
    ("Мы перешли на другую сторону улицы.", "переход"),
    ("Он купил хлеб и молоко.", "покупка"),
    ("Вчера я нашёл ключи под столом.", "обнаружение тела"),
    ("Грабитель похитил у пенсионерки кошелёк.", "похищение"),
    ("Новый тренер вступил в спор с судьёй.", "вступление"),
    ("Движение за освобождение Палестины провело съезд.", "освобождение"),
    ("Учитель отменил урок из-за болезни.", "отмена"),
    ("Мальчик получил пятёрку по математике.", "приговор"),
    ("Он открыл дверь и вышел.", "открытие"),
    ("Совет принял решение о закрытии.", "обращение в веру"),
    ("Депутат Ирина Лукина внесла в Госдуму законопроект о митингах.", "протестная акция"),
    ("Выставки собак проходят каждую весну.", "выставка"),
    ("В 2010 году Игорь Носов стал писателем.", "назначение"),
    ("Знатные роды враждовали веками.", "рождение"),
    ("Мероприятие по уборке двора отложили.", "мероприятие"),
    ("Следователи проводят оперативные мероприятия.", "мероприятие"),
    ("Певец Олег Лунин встречается с актрисой Верой Ниловой с 2018 года.", "встреча"),
]


@pytest.mark.parametrize("text, label", NEGATIVE, ids=[c[0][:40] for c in NEGATIVE])
def test_everyday_sense_yields_no_incident(text, label):
    facts = extract(Document(id="t", text=text))
    assert label not in {inc.label for inc in facts.incidents}, [(i.type, i.label) for i in facts.incidents]

"""A second tranche of happenings a historian records, on sentences of our own: people found
dead or found at all, taken to "one of the hospitals", leaving an organisation or of their own
will, gone missing, withdrawing a candidacy, recruited, stripped of a victory, lives taken,
independence gained, a mountain climbed, an oath sworn, bail, a court hearing a case, a person
confirmed in a post, a confession, a monument taken down, a formal reception. Each case names what the graph shows;
the negative cases are the everyday senses of the same verbs (one finds keys, leaves home,
climbs to the top of a chart), a plea of guilty that is no sentence, and what was only planned
or denied."""

from __future__ import annotations

import pytest

from kgbuild.extract import extract
from kgbuild.model import Document

from events_helpers import labelled as read


CASES = [
    # found dead, or found after going missing
    ("Летом 2015 года в камере был найден повешенным бывший министр Олег Сидоров.", {"Death", "Death:2015"}),
    ("Вечером 3 мая лыжник Пётр Орлов был найден без признаков жизни.", {"Death"}),
    ("Двое туристов, пропавших в горах, найдены спасателями в понедельник.", {"Incident/обнаружение"}),
    # taken to one of a city's hospitals
    ("Журналист Глеб Шуваев был доставлен в одну из больниц Омска.",
     {"Hospitalization/госпитализация", "госпитализация.participant=Глеб Шуваев"}),
    # left a firm, a band, a club, or left of one's own will
    ("В 1985 году инженер Глеб Рощин ушёл из Apple.", {"Resignation", "Resignation:1985"}),
    ("Директор завода Олег Сизов ушёл по собственному желанию в мае 2016 года.",
     {"Resignation", "Resignation:2016-05", "Resignation.actor=Олег Сизов"}),
    ("После ухода Павла Круглова из «Торпедо» команда ослабла.", {"Resignation"}),
    # gone missing
    ("Студентка Анна Берёзова пропала в 2003 году.",
     {"Disappearance/исчезновение", "исчезновение:2003", "исчезновение.participant=Анна Берёзова"}),
    # a plea of guilty is the accused's own act, not a court's sentence
    ("Подсудимый Пётр Гусев признал себя виновным в мае 2012 года.",
     {"Incident/признание вины", "признание вины.actor=Пётр Гусев", "признание вины:2012-05"}),
    # a candidacy withdrawn
    ("Депутат Андрей Пономарёв снял свою кандидатуру за неделю до голосования.",
     {"Incident/снятие кандидатуры", "снятие кандидатуры.actor=Андрей Пономарёв"}),
    # stripped of a victory or a membership
    ("Бегунью Ольгу Лапину лишили олимпийского золота в 2016 году.", {"Deprivation", "Deprivation:2016"}),
    ("Гильдия лишила членства продюсера Олега Баева.", {"Deprivation/лишение прав"}),
    # lives taken by a blast
    ("Пожар в общежитии унёс жизни двух студентов.", {"Death", "Fire"}),
    # independence gained
    ("Остров Ямайка получил независимость от Великобритании в 1962 году.",
     {"Incident/обретение независимости", "обретение независимости:1962"}),
    # a mountain climbed
    ("В 2013 году альпинист Юрий Миура поднялся на вершину Эвереста.",
     {"Incident/восхождение", "восхождение:2013", "восхождение.actor=Юрий Миура"}),
    ("Альпинист Олег Лунев покорил вершину в 1998 году.", {"Incident/восхождение", "восхождение:1998"}),
    ("Восхождение на Эльбрус группа Ивана Рябова начала в июле 1956 года.", {"Incident/восхождение"}),
    # an oath sworn, bail, a court hearing a case
    ("Принц Филипп принёс клятву на верность конституции в 2013 году.",
     {"Incident/присяга", "присяга.actor=Филипп", "присяга:2013"}),
    ("Студент Павел Лукин был выпущен под залог в 2013 году.",
     {"Release", "Release:2013", "Release.recipient=Павел Лукин"}),
    ("Суд приступил к рассмотрению дела фермера Олега Рябова в мае 2012 года.", {"Trial", "Trial:2012-05"}),
    # a person confirmed in a post by a parliament or a president
    ("В апреле 2018 года парламент Кубы утвердил Игоря Лапина главой Госсовета.",
     {"Appointment", "Appointment:2018-04", "Appointment.participant=Игорь Лапин"}),
    ("В мае 2018 года сенаторы утвердили Ольгу Рябову на посту директора агентства.", {"Appointment", "Appointment:2018-05"}),
    # a confession of a crime is the confessor's act
    ("Бизнесмен Олег Сазонов признался в мошенничестве в марте 2019 года.",
     {"Incident/признание вины", "признание вины.actor=Олег Сазонов", "признание вины:2019-03"}),
    # a monument taken down, a monarchy abolished
    ("В ночь на 5 мая 2015 года в Харькове демонтирован памятник наркому Серову.",
     {"Incident/демонтаж памятника", "демонтаж памятника:2015-05-05"}),
    ("В 1946 году монархия в Италии была упразднена.", {"Incident/отмена", "отмена:1946"}),
    # a formal reception or a solemn assembly is a ceremony
    ("Генерал Олег Лунин присутствовал на торжественном приёме в Кремле в мае 2015 года.",
     {"Ceremony", "Ceremony:2015-05"}),
    ("Торжественное собрание в честь юбилея академии прошло в Казани 3 мая 2016 года.",
     {"Ceremony", "Ceremony:2016-05-03"}),
    # a participle that says on what suspicion tells the arrest, not only who one is
    ("Фермер Игорь Сомов, арестованный по подозрению в поджоге амбара, отказался от адвоката.",
     {"Arrest", "Arrest.detainee=Игорь Сомов"}),
    # recruited by an intelligence service
    ("В 1975 году разведка завербовала инженера Виктора Сомова.",
     {"Incident/вербовка", "вербовка:1975", "вербовка.participant=Виктор Сомов"}),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_yields(text, expected):
    got = read(text)
    assert expected <= got, f"missing {expected - got}; got {sorted(got)}"


NEGATIVE = [
    ("Ключи от машины были найдены под ковриком.", "обнаружение"),
    ("Он нашёл себе верного друга в армии.", "обнаружение"),
    ("Он ушёл из дома рано утром.", "Resignation"),
    ("Сотрудники уходят из офиса в шесть вечера.", "Resignation"),
    ("У певца пропал голос перед концертом.", "исчезновение"),
    # a plea of guilty is the accused's own word, not a court's sentence
    ("Подсудимый Пётр Гусев признал себя виновным.", "Sentencing"),
    ("Врач снял повязку с руки.", "снятие кандидатуры"),
    ("Песня поднялась на вершину хит-парада.", "восхождение"),
    ("Он поднялся на второй этаж.", "восхождение"),
    ("Восхождение на престол Петра Первого изменило Россию.", "восхождение"),
    ("Рост цен лишил семьи накоплений.", "Deprivation"),
    ("Депутаты начали рассмотрение законопроекта о налогах.", "Trial"),
    ("Завод выпустил партию тракторов под залог кредита.", "Release"),
    ("Жених принёс цветы невесте.", "присяга"),
    ("Дума утвердила бюджет на 2019 год.", "Appointment"),
    ("Совет утвердил план работ главным документом года.", "Appointment"),
    ("Юноша признался в любви однокурснице.", "признание вины"),
    ("Рабочие снесли старый сарай.", "демонтаж памятника"),
    ("Приём лекарств занял час.", "Ceremony"),
    ("Вышло собрание сочинений поэта.", "Ceremony"),
    ("Общее собрание акционеров утвердило дивиденды.", "Ceremony"),
    ("Задержанные боевики молчали на допросе.", "Detention"),
    # denied, planned
    ("Кандидат не снял свою кандидатуру.", "снятие кандидатуры"),
    ("Следователи планируют найти пропавшего туриста Петрова.", "обнаружение"),
    ("Туристка Ольга Петрова не пропала, а уехала к сестре.", "исчезновение"),
]


@pytest.mark.parametrize("text, label", NEGATIVE, ids=[f"{c[0][:40]}-{c[1]}" for c in NEGATIVE])
def test_everyday_sense_yields_no_incident(text, label):
    facts = extract(Document(id="t", text=text))
    found = {inc.label for inc in facts.incidents} | {inc.type for inc in facts.incidents}
    assert label not in found, [(i.type, i.label) for i in facts.incidents]

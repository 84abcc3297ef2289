"""The lexicon of incident types: which words say that something happened, and what.

A trigger is a verb ("напали", "задержан") or a noun ("побег", "перестрелкой") whose lemma is
in the lexicon; a few need a companion word ("лишили жизни", "захватили автомобиль", "взяли в
заложники"). Each type says which grammatical slot holds which role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import model as m
from .lexicon import AREAS, COUNTRIES, REGIONS
from .nlp import Sentence, Token

# verb lemma -> incident type
VERBS: dict[str, str] = {
    "бежать": "Escape", "сбежать": "Escape", "совершить побег": "Escape",
    "напасть": "Attack", "нападать": "Attack", "ударить": "Attack", "наброситься": "Attack", "напасть на": "Attack", "избивать": "Attack", "атаковать": "Attack", "избить": "Attack",
    "убить": "Killing", "убивать": "Killing", "застрелить": "Killing", "зарезать": "Killing",
    "расстрелять": "Killing", "задушить": "Killing", "ликвидировать": "Killing",
    "погибнуть": "Death", "скончаться": "Death", "умереть": "Death", "гибнуть": "Death",
    "угнать": "VehicleSeizure", "угонять": "VehicleSeizure",
    "перестреливаться": "Shootout",
    "взорвать": "Explosion", "взорваться": "Explosion",
    "задержать": "Detention", "задерживать": "Detention", "арестовать": "Arrest",
    "приговорить": "Sentencing", "осудить": "Sentencing",
    "уволиться": "Resignation", "уволить": "Resignation",
    "ранить": "Injury", "травмировать": "Injury", "пострадать": "Injury",
    "освободить": "Release", "помиловать": "Release",
    "поджечь": "Fire", "сгореть": "Fire",
    # happenings besides crimes (0.2.0); "назначить" and "избрать" need a person, see trigger_at
    "назначить": "Appointment", "назначать": "Appointment", "возглавить": "Appointment",
    "переназначить": "Appointment",
    "избрать": "Election", "переизбрать": "Election", "избираться": "Election",
    "баллотироваться": "Election", "проголосовать": "Election", "выбрать": "Election",
    "встретиться": "Meeting", "встречаться": "Meeting",
    "посетить": "Visit", "побывать": "Visit", "посещать": "Visit",
    "протестовать": "Protest", "бастовать": "Protest", "митинговать": "Protest",
    "подписать": "Signing", "подписывать": "Signing",
    "обстрелять": "MilitaryOperation", "бомбить": "MilitaryOperation", "штурмовать": "MilitaryOperation",
    "воевать": "ArmedConflict",
    "судить": "Trial",
    "обыскать": "Search",
    "родиться": "Birth", "родить": "Birth",
    "застрелиться": "Death", "повеситься": "Death", "отравиться": "Death", "утонуть": "Death",
    "врезаться": "Accident", "выстрелить": "Attack", "стрелять": "Attack",
    "казнить": "Killing", "обезглавить": "Killing", "отречься": "Resignation",
}
# noun lemma -> incident type
NOUNS: dict[str, str] = {
    "побег": "Escape", "нападение": "Attack", "атака": "Attack", "убийство": "Killing",
    "расстрел": "Killing", "гибель": "Death", "смерть": "Death", "угон": "VehicleSeizure",
    "перестрелка": "Shootout", "стрельба": "Shootout", "взрыв": "Explosion", "теракт": "Explosion",
    "задержание": "Detention", "арест": "Arrest", "приговор": "Sentencing",
    "отставка": "Resignation", "увольнение": "Resignation", "катастрофа": "Accident", "ранение": "Injury",
    "пожар": "Fire", "авария": "Accident", "дтп": "Accident", "крушение": "Accident",
    "освобождение": "Release",
    "назначение": "Appointment", "переназначение": "Appointment",
    "выборы": "Election", "перевыборы": "Election", "голосование": "Election", "референдум": "Election",
    "праймериз": "Election", "избрание": "Election",
    "встреча": "Meeting", "переговоры": "Meeting", "саммит": "Meeting", "совещание": "Meeting",
    "заседание": "Meeting", "пресс-конференция": "Meeting", "конференция": "Meeting", "форум": "Meeting",
    "съезд": "Meeting", "аудиенция": "Meeting", "конгресс": "Meeting",
    "визит": "Visit", "посещение": "Visit",
    "протест": "Protest", "митинг": "Protest", "демонстрация": "Protest", "забастовка": "Protest",
    "пикет": "Protest", "голодовка": "Protest", "шествие": "Protest", "манифестация": "Protest",
    "беспорядки": "Protest",
    "подписание": "Signing",
    "война": "ArmedConflict", "бой": "ArmedConflict",
    "спецоперация": "MilitaryOperation", "контрнаступление": "MilitaryOperation", "обстрел": "MilitaryOperation",
    "бомбардировка": "MilitaryOperation", "авиаудар": "MilitaryOperation", "штурм": "MilitaryOperation",
    "контртеррористический": "MilitaryOperation",
    "слушание": "Trial",
    "обыск": "Search",
    "землетрясение": "Disaster", "наводнение": "Disaster", "цунами": "Disaster", "ураган": "Disaster",
    "извержение": "Disaster", "оползень": "Disaster", "лавина": "Disaster", "тайфун": "Disaster",
    "смерч": "Disaster", "торнадо": "Disaster", "паводок": "Disaster", "сель": "Disaster",
    "матч": "Competition", "чемпионат": "Competition", "олимпиада": "Competition", "турнир": "Competition",
    "соревнование": "Competition", "первенство": "Competition", "финал": "Competition", "полуфинал": "Competition",
    "четвертьфинал": "Competition",
    "конкурс": "Competition",
    "церемония": "Ceremony", "инаугурация": "Ceremony", "коронация": "Ceremony",
    "самоубийство": "Death", "суицид": "Death", "казнь": "Killing", "покушение": "Attack",
    "геноцид": "Killing", "отречение": "Resignation",
    "свадьба": "Ceremony", "венчание": "Ceremony", "бракосочетание": "Ceremony",
    "парад": "Ceremony", "дебаты": "Meeting", "марш": "Protest",
    # more happenings a historian records: meetings, trips, celebrations, campaigns, services
    "свидание": "Meeting", "брифинг": "Meeting", "поездка": "Visit",
    "празднование": "Ceremony", "чествование": "Ceremony",
    "вторжение": "MilitaryOperation", "оккупация": "MilitaryOperation", "осада": "MilitaryOperation",
    "блокада": "MilitaryOperation", "форсирование": "MilitaryOperation", "высадка": "MilitaryOperation",
    "резня": "Killing", "бойня": "Killing", "погром": "Attack",
    "забег": "Competition", "марафон": "Competition", "регата": "Competition",
    "автокатастрофа": "Accident", "авиакатастрофа": "Accident",
    "сражение": "ArmedConflict", "битва": "ArmedConflict", "поджог": "Fire", "избиение": "Attack",
    "торжество": "Ceremony", "литургия": "Ceremony", "молебен": "Ceremony", "богослужение": "Ceremony",
    "освящение": "Ceremony",
    "кончина": "Death",
    # a patriarch enthroned, cardinals in conclave ("интронизация нового патриарха", "конклав кардиналов")
    "интронизация": "Ceremony", "конклав": "Meeting",
}
# happenings told by their label: a kgb:Incident labelled with what it was, of the class CLASSES
# gives the label where there is one. lemma -> (label, agent role, patient role); the concert's performer, the one who moved, the
# house that passed a law did it
GENERIC: dict[str, tuple[str, str | None, str | None]] = {
    "концерт": ("концерт", m.ACTOR, m.PARTICIPANT), "спектакль": ("спектакль", m.ACTOR, m.PARTICIPANT),
    "гастроли": ("гастроли", m.ACTOR, m.PARTICIPANT), "турне": ("турне", m.ACTOR, m.PARTICIPANT),
    "фестиваль": ("фестиваль", m.PARTICIPANT, m.PARTICIPANT), "кинофестиваль": ("фестиваль", m.PARTICIPANT, m.PARTICIPANT),
    "рок-фестиваль": ("фестиваль", m.PARTICIPANT, m.PARTICIPANT), "выставка": ("выставка", m.ACTOR, m.PARTICIPANT),
    "показ": ("показ", m.ACTOR, m.PARTICIPANT), "шоу": ("шоу", m.PARTICIPANT, m.PARTICIPANT),
    "переехать": ("переезд", m.ACTOR, None), "переезд": ("переезд", m.ACTOR, None),
    "эмигрировать": ("эмиграция", m.ACTOR, None), "эмиграция": ("эмиграция", m.ACTOR, None),
    "госпитализировать": ("госпитализация", None, m.PARTICIPANT),
    "госпитализация": ("госпитализация", None, m.PARTICIPANT),
    # both partners marry: each did it
    "жениться": ("брак", m.ACTOR, m.ACTOR), "пожениться": ("брак", m.ACTOR, m.ACTOR),
    "развестись": ("развод", m.ACTOR, m.ACTOR), "развод": ("развод", m.ACTOR, m.ACTOR),
    "сочетаться": ("брак", m.ACTOR, m.ACTOR),
    "путч": ("переворот", m.ACTOR, m.PARTICIPANT), "переворот": ("переворот", m.ACTOR, m.PARTICIPANT),
    "эвакуировать": ("эвакуация", m.ACTOR, m.PARTICIPANT), "эвакуация": ("эвакуация", m.ACTOR, m.PARTICIPANT),
    "выступление": ("выступление", m.ACTOR, m.PARTICIPANT), "выступить": ("выступление", m.ACTOR, m.PARTICIPANT),
    "премьера": ("премьера", m.ACTOR, m.PARTICIPANT),
    "свержение": ("свержение", m.ACTOR, m.PARTICIPANT), "свергнуть": ("свержение", m.ACTOR, m.PARTICIPANT),
    "депортация": ("депортация", m.ACTOR, m.PARTICIPANT), "депортировать": ("депортация", m.ACTOR, m.PARTICIPANT),
    "выслать": ("депортация", m.ACTOR, m.PARTICIPANT),
    "помолвка": ("помолвка", m.ACTOR, m.ACTOR), "обручиться": ("помолвка", m.ACTOR, m.ACTOR),
    "исчезновение": ("исчезновение", None, m.PARTICIPANT),
    "революция": ("революция", m.PARTICIPANT, m.PARTICIPANT),
    # surrenders, uprisings, annexations, kidnappings, rapes, ordinations, presentations, flights:
    # who did it, and whom or what it concerned; who surrenders is the one it happens to as much
    # as the one who does it, a participant
    "капитуляция": ("капитуляция", m.PARTICIPANT, m.PARTICIPANT),
    "капитулировать": ("капитуляция", m.PARTICIPANT, m.PARTICIPANT),
    "восстание": ("восстание", m.PARTICIPANT, m.PARTICIPANT), "мятеж": ("восстание", m.PARTICIPANT, m.PARTICIPANT),
    "восстать": ("восстание", m.PARTICIPANT, m.PARTICIPANT),
    "аннексия": ("аннексия", m.ACTOR, m.PARTICIPANT), "аннексировать": ("аннексия", m.ACTOR, m.PARTICIPANT),
    "похищение": ("похищение", m.PERPETRATOR, m.VICTIM),
    "изнасилование": ("изнасилование", m.PERPETRATOR, m.VICTIM),
    "изнасиловать": ("изнасилование", m.PERPETRATOR, m.VICTIM),
    "рукоположить": ("рукоположение", m.ACTOR, m.PARTICIPANT),
    "рукоположение": ("рукоположение", m.ACTOR, m.PARTICIPANT),
    "презентация": ("презентация", m.ACTOR, m.PARTICIPANT),
    "перелёт": ("перелёт", m.ACTOR, None), "перелет": ("перелёт", m.ACTOR, None),
    "полёт": ("полёт", m.ACTOR, None), "полет": ("полёт", m.ACTOR, None),
    "мероприятие": ("мероприятие", m.PARTICIPANT, m.PARTICIPANT),
    "ратификация": ("принятие закона", m.ACTOR, None),
    "бегство": ("бегство", m.ACTOR, None),
    "наезд": ("наезд", m.ACTOR, m.VICTIM),
    "помолвиться": ("помолвка", m.ACTOR, m.ACTOR),
    # funerals (a memorial service is a commemoration, read there): the one buried is in it;
    # "похоронить" needs a person buried ("похоронили надежды" buries none)
    "похороны": ("похороны", m.PARTICIPANT, m.PARTICIPANT), "погребение": ("похороны", m.PARTICIPANT, m.PARTICIPANT),
    "похоронить": ("похороны", m.PARTICIPANT, m.PARTICIPANT), "отпевание": ("отпевание", m.PARTICIPANT, m.PARTICIPANT),
    "отпеть": ("отпевание", m.PARTICIPANT, m.PARTICIPANT),
    # handed over to another state's justice: the state that hands over did it
    "экстрадировать": ("экстрадиция", m.ACTOR, m.PARTICIPANT), "экстрадиция": ("экстрадиция", m.ACTOR, m.PARTICIPANT),
    # acquitted by a court ("оправдал ожидания" names no person, see trigger_at)
    "оправдать": ("оправдание", m.ACTOR, m.PARTICIPANT),
    # a fight between people: each side fought, none is told the victim
    "драка": ("драка", m.PARTICIPANT, m.PARTICIPANT), "потасовка": ("драка", m.PARTICIPANT, m.PARTICIPANT),
    "стычка": ("стычка", m.PARTICIPANT, m.PARTICIPANT),
    "прооперировать": ("медицинская операция", None, m.PARTICIPANT),
    # who congratulated whom ("поздравил Петрова с победой"), a building restored, a candidacy withdrawn
    "поздравить": ("поздравление", m.ACTOR, m.PARTICIPANT),
    "реставрация": ("реставрация", m.ACTOR, m.PARTICIPANT),
    "самоотвод": ("снятие кандидатуры", m.ACTOR, None),
    # a questioning, a break-in ("взломал сайты")
    "допрос": ("допрос", m.LAW_ENFORCEMENT, m.PARTICIPANT), "взломать": ("взлом", m.PERPETRATOR, m.PARTICIPANT),
    # a grave opened ("провели эксгумацию во вторник"): when and where; the one dug up is no party to
    # it, and the genitive names him, not who did it ("эксгумация Арафата")
    "эксгумация": ("эксгумация", None, None),
    # surgery and treatment told by their kind: the patient is in it ("ей ампутировали ногу",
    # "прошла курс химиотерапии")
    "ампутировать": ("медицинская операция", None, m.PARTICIPANT),
    "имплантировать": ("медицинская операция", None, m.PARTICIPANT),
    "реанимировать": ("реанимация", m.ACTOR, m.PARTICIPANT),
    "шунтирование": ("медицинская операция", None, m.PARTICIPANT),
    "мастэктомия": ("медицинская операция", None, m.PARTICIPANT),
    "ампутация": ("медицинская операция", None, m.PARTICIPANT),
    "химиотерапия": ("химиотерапия", None, m.PARTICIPANT),
    # a body or a state breaking up: its parts are in it ("распад коалиции", "раскол в партии")
    "распад": ("распад", m.PARTICIPANT, m.PARTICIPANT), "раскол": ("раскол", m.PARTICIPANT, m.PARTICIPANT),
    "схизма": ("раскол", m.PARTICIPANT, m.PARTICIPANT),
    # rammed ("смертник протаранил колонну"), boycotted ("бойкотирует фестиваль")
    "протаранить": ("таран", m.ACTOR, m.PARTICIPANT),
    "бойкотировать": ("бойкот", m.ACTOR, m.PARTICIPANT), "бойкот": ("бойкот", m.ACTOR, m.PARTICIPANT),
    # a moratorium declared ("ввёл мораторий на выплату долга"): who declared it and whom it concerns
    "мораторий": ("мораторий", m.PARTICIPANT, m.PARTICIPANT),
    # gatherings of guests: all who came take part ("на банкете в честь победы", "вечеринка в клубе")
    "банкет": ("банкет", m.PARTICIPANT, m.PARTICIPANT),
    "вечеринка": ("вечеринка", m.PARTICIPANT, m.PARTICIPANT), "пикник": ("пикник", m.PARTICIPANT, m.PARTICIPANT),
    "фуршет": ("банкет", m.PARTICIPANT, m.PARTICIPANT), "фотосессия": ("фотосессия", m.PARTICIPANT, m.PARTICIPANT),
    "вернисаж": ("выставка", m.ACTOR, m.PARTICIPANT),
}
# happenings once told only by their label that have a class of their own (0.3.0): label ->
# incident type. The label stays on the incident: it tells a joining from a transfer, a
# title lost from a right.
CLASSES: dict[str, str] = {
    "похищение": "Kidnapping", "брак": "Marriage",
    "возбуждение уголовного дела": "CriminalCase", "предъявление обвинения": "Charge",
    "исчезновение": "Disappearance", "госпитализация": "Hospitalization",
    "вступление": "Joining", "переход": "Joining", "выход": "Leaving", "исключение": "Leaving",
    "покупка": "Acquisition", "капитуляция": "Surrender", "сдача": "Surrender", "восстание": "Uprising",
    "провозглашение независимости": "Proclamation", "лишение звания": "Deprivation", "лишение прав": "Deprivation",
    "похороны": "Ceremony", "отпевание": "Ceremony",
}
# "уехал в Лондон", "вернулся в Москву": a journey, when it names the place it went to
JOURNEY_VERBS = {"уехать": "поездка", "приехать": "поездка", "прибыть": "поездка", "вернуться": "возвращение",
                 "отправиться": "поездка", "переселиться": "переезд", "перебраться": "переезд"}
# "выступил с заявлением", "выступил против": a statement or a stance, not a performance
STANCE_WORDS = {"заявление", "речь", "обращение", "доклад", "критика", "предложение", "инициатива",
                "призыв", "лекция", "против", "за", "поддержка", "защита", "качество", "сторона", "роль",
                "пресс-конференция", "конференция", "заседание", "совещание", "форум", "съезд", "саммит",
                "брифинг", "телевидение", "эфир", "интервью", "комментарий", "ответ", "посредник"}
# "выступил с речью", "выступила с докладом на съезде": a speech given
SPEECHES = {"речь", "доклад", "обращение", "телеобращение", "видеообращение", "лекция", "послание", "проповедь"}
HOSPITALS = {"больница", "госпиталь", "клиника", "реанимация", "стационар", "медцентр"}
# "в реанимационное отделение", "в ожоговый центр": a ward named by what it treats
WARDS = {"отделение", "центр", "учреждение"}
WARD_KINDS = {"реанимационный", "ожоговый", "травматологический", "токсикологический", "инфекционный",
              "медицинский", "нейрохирургический", "кардиологический", "онкологический"}
# "заключили перемирие", "заключил контракт": an agreement made
AGREEMENTS = {"договор", "соглашение", "перемирие", "контракт", "сделка", "мир", "союз", "пакт",
              "договорённость", "договоренность", "конвенция", "меморандум"}
# "найден мёртвым", "обнаружен повешенным": found dead
FOUND_DEAD = {"мёртвый", "мертвый", "убитый", "повешенный", "повесить", "повеситься", "застрелить", "зарезать",
              "задушить", "утонуть", "застреленный", "зарезанный", "задушенный", "бездыханный"}
# who died so took their own life
SUICIDE = {"самоубийство", "суицид", "застрелиться", "повеситься", "отравиться"}
# nouns the lemmatiser reduces to a singular that means something else: "выборах" -> "выбор"
PLURALIA = {"выбор": "выборы", "перевыбор": "перевыборы", "беспорядок": "беспорядки", "гастроль": "гастроли",
            "переговор": "переговоры"}
# happenings named only in the plural: a plural is one tour, one funeral
PLURALIA_TANTUM = {"гастроли", "похороны"}
GENERIC_ROLES = {label: (agent, patient) for label, agent, patient in GENERIC.values()}
GENERIC_ROLES.update({"принятие закона": (m.ACTOR, None), "внесение законопроекта": (m.ACTOR, None),
                      "отклонение закона": (m.ACTOR, None), "брак": (m.ACTOR, m.ACTOR),
                      # the body that opens a case or charges someone enforces the law
                      "возбуждение уголовного дела": (m.LAW_ENFORCEMENT, m.PARTICIPANT),
                      "предъявление обвинения": (m.LAW_ENFORCEMENT, m.PARTICIPANT),
                      "лишение звания": (m.ACTOR, m.PARTICIPANT), "выдвижение": (m.ACTOR, m.PARTICIPANT),
                      "исчезновение": (None, m.PARTICIPANT),
                      # the finder found, the one found was in it
                      "обнаружение": (m.ACTOR, m.PARTICIPANT)})
# "лишили звания", "лишён гражданства": what one can be stripped of
DEPRIVABLE = {"звание", "сан", "титул", "награда", "орден", "медаль", "мандат", "полномочие", "премия", "пост",
              "должность", "золото", "серебро", "бронза", "победа"}  # "лишили олимпийского золота"
# "выдвинул кандидатуру", "выдвинут кандидатом": a nomination
NOMINEES = {"кандидатура", "кандидат", "кандидатка"}
# tournaments named after their trophy or league, written with a capital: "Кубок мира", "Лига Европы"
CUPS = {"кубок": {"мир", "чемпион", "конфедерация", "европа", "страна", "азия", "африка", "америка", "нация",
                  "стэнли", "дэвис", "гагарин", "кремль"},
        "суперкубок": {"европа", "страна", "уефа", "англия", "испания", "италия", "россия", "германия"},
        "лига": {"чемпион", "европа", "конференция"}}  # not "Лига наций", a body as well as a league
# "лишил опекунства", "лишили аккредитации": rights and permits one can be stripped of
RIGHTS = {"опекунство", "опека", "право", "аккредитация", "статус", "лицензия", "виза", "пенсия", "гражданство",
          "неприкосновенность", "членство"}


@dataclass(frozen=True)
class Family:
    """Words that tell a happening only with a companion: the verb's object or phrase, or the
    noun's dependent, names one of `objects` ("вступил в партию", "выход из состава", "купил
    компанию"); `names`: a name (an organisation, a club) there will do as well; `preps`: the
    phrase must have one of these prepositions (None: any, or none)."""

    words: frozenset[str]
    objects: frozenset[str]
    type: str
    label: str | None = None
    names: bool = False
    preps: frozenset[str] | None = None


# words that put a "бой" in a ring rather than on a battlefield
_RING_WORDS = {"боксёр", "боксер", "бокс", "ринг", "нокаут", "нокдаун", "раунд", "рефери", "пояс",
               "поединок", "боец", "ufc", "mma", "единоборство", "тяжеловес", "полутяжеловес"}


def _family(words: str, objects: str, kind: str, label: str | None = None, names: bool = False,
            preps: str | None = None) -> Family:
    return Family(frozenset(words.split()), frozenset(objects.split()), kind, label, names,
                  frozenset(preps.split()) if preps else None)


MEMBERSHIPS = "партия ряд ряды организация союз блок коалиция фракция комсомол профсоюз движение альянс " \
              "нато ес евросоюз вто снг одкб оон"
TEAMS = "клуб команда сборная"
# what one buys that a historian records: companies, houses, land, stakes
PROPERTY = "компания дом жильё жилье особняк квартира вилла поместье имение усадьба замок клуб акция " \
           "пакет доля бизнес концерн холдинг банк завод фабрика газета телеканал издание остров " \
           "недвижимость участок земля команда корпорация предприятие актив"
REVOLTS = "восстание мятеж бунт выступление протест акция беспорядки беспорядок демонстрация забастовка " \
          "революция сопротивление путч"
REPEALABLE = "закон рабство право казнь указ постановление решение приговор результат санкция запрет " \
             "мораторий выборы режим победа монархия"
STATEHOOD = "независимость государство республика суверенитет автономия"
INFECTIONS = "коронавирус вирус covid-19 covid коронавирусный инфекция ковид вич грипп"
# jails one walks out of at the end of a term ("вышел из колонии")
JAILS = "тюрьма колония сизо спецприёмник спецприемник изолятор заключение лагерь"
FAITHS = "ислам христианство православие католичество буддизм иудаизм крещение постриг монашество"
# what is opened with a ceremony a historian records (monuments are commemorations, read there)
OPENED = "школа лицей гимназия музей больница госпиталь мост станция метро завод фабрика театр библиотека храм " \
         "церковь собор мечеть университет институт аэропорт вокзал стадион посольство консульство филиал " \
         "линия трасса"  # not "выставка": the opening of a happening is its ceremony (OPENINGS)
# bodies dissolved by those who called them ("распустил парламент")
DISSOLVED = "парламент правительство палата дума кабинет совет рада меджлис кнессет ассамблея конгресс сейм " \
            "хурал курултай легислатура"
# what is taken by force: power, buildings, towns ("захват" of a car or of hostages is read apart)
SEIZED = "власть здание город территория аэропорт телецентр телекомпания резиденция парламент крепость " \
         "столица посёлок поселок село порт база"
VERB_FAMILIES: tuple[Family, ...] = (
    _family("вступить вступать", MEMBERSHIPS, "Joining", "вступление", names=True, preps="в во"),
    _family("вступить вступать", "сила", "Incident", "вступление в силу", preps="в"),
    _family("выйти выходить", JAILS, "Release", preps="из"),
    _family("выпустить выпускать", JAILS, "Release", preps="из"),  # "выпущен из тюрьмы"
    _family("выпустить", "пуля очередь", "Attack"),  # "выпустил пять пуль в"
    _family("выйти выходить", MEMBERSHIPS + " состав договор соглашение", "Leaving", "выход", preps="из"),
    _family("покинуть покидать", MEMBERSHIPS + " состав", "Leaving", "выход"),
    _family("покинуть покидать", "компания правительство кабинет корпорация группа труппа оркестр " + TEAMS,
            "Resignation"),
    _family("исключить исключать", MEMBERSHIPS + " состав университет институт академия " + TEAMS,
            "Leaving", "исключение", preps="из"),
    _family("перейти переходить", "партия фракция " + TEAMS, "Joining", "переход", names=True,
            preps="в во на"),
    _family("перейти переходить", "контроль юрисдикция власть ведение", "Incident", "переход под контроль",
            preps="под в"),
    _family("приобрести приобретать купить покупать выкупить поглотить", PROPERTY, "Acquisition", "покупка",
            names=True),
    _family("обнаружить обнаруживать найти находить", "тело труп останки", "Incident", "обнаружение тела"),
    _family("подавить подавлять", REVOLTS, "Incident", "подавление"),
    _family("нанести наносить", "удар ранение побои увечье травма", "Attack"),
    _family("нанести наносить", "визит", "Visit"),
    _family("отменить отменять упразднить аннулировать", REPEALABLE, "Incident", "отмена"),
    _family("провозгласить провозглашать объявить", STATEHOOD, "Proclamation", "провозглашение независимости"),
    _family("сменить сменять", "пост должность", "Appointment", preps="на"),
    _family("занять", "пост должность кресло престол трон", "Appointment"),
    _family("получить получать", "срок приговор наказание", "Sentencing"),
    _family("получить получать", "гражданство убежище", "Incident", "получение гражданства"),
    _family("запретить запрещать", "въезд", "Incident", "запрет въезда"),
    _family("заразиться заболеть", INFECTIONS, "Incident", "заражение"),
    _family("сдаться", "плен", "Surrender", "капитуляция", preps="в"),
    # "сдался полиции", "сдался без сопротивления": a wanted man gave himself up
    _family("сдаться", "полиция милиция власть власти следствие правоохранитель сопротивление", "Surrender", "сдача"),
    # "покинул страну", "покинул Россию": left the country (emigrated, fled)
    _family("покинуть", "страна родина " + " ".join(sorted(COUNTRIES)), "Incident", "отъезд"),
    _family("предстать представать", "суд трибунал", "Trial", preps="перед"),
    _family("огласить оглашать", "приговор вердикт", "Sentencing"),
    _family("ввести вводить", "войско войска", "MilitaryOperation"),
    # sanctions, a ban, a temporary administration (martial law is told by its noun, see EMERGENCIES)
    _family("ввести вводить", "санкция запрет режим администрация", "Incident", "введение"),
    _family("взять брать заключить заключать", "стража", "Arrest", preps="под"),  # "взяли под стражу"
    _family("захватить захватывать", SEIZED, "Incident", "захват"),  # "захватили здание телекомпании"
    _family("сформировать формировать", "правительство кабинет коалиция", "Incident", "формирование правительства"),
    _family("перевести переводить", "должность пост", "Appointment", preps="на"),  # "переведён на должность"
    _family("принести приносить", "присяга клятва", "Incident", "присяга"),  # "принёс клятву на верность конституции"
    _family("принять", "присяга", "Incident", "присяга"),
    _family("принять", FAITHS, "Incident", "обращение в веру"),  # "принял ислам"
    _family("принять", "гражданство подданство", "Incident", "получение гражданства"),
    _family("открыть", OPENED, "Incident", "открытие"),  # "мэр открыл лицей"
    # the driver did it (an Accident would take its subject for a casualty)
    _family("сбить", "пешеход человек мужчина женщина ребёнок девочка мальчик велосипедист", "Incident", "наезд"),
    _family("сбить", "самолёт самолет вертолёт вертолет беспилотник дрон истребитель", "Attack"),
    _family("предложить", "кандидатура", "Incident", "выдвижение"),
    _family("отпустить отпускать", "залог свобода", "Release"),  # "отпустили под залог"
    _family("впасть", "кома", "Incident", "кома"),
    _family("вытеснить вытеснять", "", "MilitaryOperation", preps="из с со"),  # "вытеснили боевиков из городов"
    _family("распустить распускать", DISSOLVED, "Incident", "роспуск"),  # "президент распустил парламент"
    # a lawsuit brought: "подал иск", "подала в суд на издателя", "подала на развод"
    _family("подать подавать", "иск", "Incident", "иск"),
    _family("подать подавать", "апелляция", "Incident", "апелляция"),
    _family("подать подавать", "развод", "Incident", "иск о разводе", preps="на"),
)
# the same happenings told by a noun: "вступление в НАТО", "выход из состава", "покупка Monsanto"
NOUN_FAMILIES: tuple[Family, ...] = (
    _family("вступление", MEMBERSHIPS, "Joining", "вступление", names=True, preps="в во"),
    _family("вступление", "сила", "Incident", "вступление в силу", preps="в"),
    _family("выход", MEMBERSHIPS + " состав договор соглашение", "Leaving", "выход", names=True, preps="из"),
    _family("исключение", MEMBERSHIPS + " состав " + TEAMS, "Leaving", "исключение", preps="из"),
    _family("переход", "партия фракция " + TEAMS, "Joining", "переход", names=True,
            preps="в во на"),
    _family("переход", "контроль юрисдикция власть ведение", "Incident", "переход под контроль", preps="под"),
    _family("покупка приобретение поглощение", PROPERTY, "Acquisition", "покупка", names=True),
    _family("обнаружение", "тело труп останки", "Incident", "обнаружение тела"),
    _family("подавление", REVOLTS, "Incident", "подавление"),
    _family("отмена упразднение", REPEALABLE, "Incident", "отмена"),
    _family("провозглашение", STATEHOOD, "Proclamation", "провозглашение независимости"),
    _family("лишение", "звание сан титул гражданство мандат лицензия опекунство аккредитация неприкосновенность",
            "Deprivation", "лишение прав"),
    _family("суд", "", "Trial", preps="над"),
    _family("суд", "дело", "Trial", preps="по"),  # "суд по делу о побоях"
    # "рассмотрение дела", "приступил к рассмотрению иска": a court hearing (not "рассмотрение законопроекта")
    _family("рассмотрение", "дело иск жалоба апелляция прошение ходатайство", "Trial"),
    _family("ввод", "войско войска", "MilitaryOperation"),
    _family("введение", "санкция запрет режим администрация", "Incident", "введение"),
    _family("формирование", "правительство кабинет коалиция", "Incident", "формирование правительства"),
    _family("оглашение", "приговор вердикт", "Sentencing"),
    _family("открытие", OPENED, "Incident", "открытие"),
    _family("неделя", "мода", "Incident", "неделя моды"),  # "на Неделе моды в Париже"
    _family("роспуск", DISSOLVED, "Incident", "роспуск"),
)
GENERIC_ROLES.update({
    "вступление": (m.ACTOR, m.PARTICIPANT), "вступление в силу": (None, m.PARTICIPANT),
    "выход": (m.ACTOR, m.PARTICIPANT), "исключение": (m.ACTOR, m.PARTICIPANT), "переход": (m.ACTOR, m.PARTICIPANT),
    "переход под контроль": (m.PARTICIPANT, m.PARTICIPANT), "покупка": (m.ACTOR, m.PARTICIPANT),
    "обнаружение тела": (m.ACTOR, m.PARTICIPANT),
    "подавление": (m.ACTOR, m.PARTICIPANT), "отмена": (m.ACTOR, m.PARTICIPANT),
    "провозглашение независимости": (m.ACTOR, m.PARTICIPANT), "лишение прав": (m.ACTOR, m.PARTICIPANT),
    "получение гражданства": (None, m.PARTICIPANT), "запрет въезда": (m.ACTOR, m.PARTICIPANT),
    "заражение": (None, m.PARTICIPANT), "отъезд": (m.ACTOR, None), "введение": (m.ACTOR, m.PARTICIPANT),
    "присяга": (m.ACTOR, None), "сдача": (m.PARTICIPANT, m.PARTICIPANT),
    "обращение в веру": (m.ACTOR, None), "открытие": (m.ACTOR, m.PARTICIPANT),
    "кома": (None, m.PARTICIPANT), "медицинская операция": (None, m.PARTICIPANT),
    "неделя моды": (m.PARTICIPANT, m.PARTICIPANT),
    "захват": (m.ACTOR, m.PARTICIPANT), "формирование правительства": (m.ACTOR, None),
    "военное положение": (m.ACTOR, None), "чрезвычайное положение": (m.ACTOR, None),
    "комендантский час": (m.ACTOR, None),
    "вербовка": (m.ACTOR, m.PARTICIPANT), "обретение независимости": (m.ACTOR, m.PARTICIPANT),
    "восхождение": (m.ACTOR, None), "демонтаж памятника": (m.ACTOR, m.PARTICIPANT), "снятие кандидатуры": (m.ACTOR, None), "признание вины": (m.ACTOR, None),
    "роспуск": (m.ACTOR, m.PARTICIPANT), "иск": (m.ACTOR, m.PARTICIPANT), "иск о разводе": (m.ACTOR, m.PARTICIPANT),
    "апелляция": (m.ACTOR, None),
    "падение": (None, m.PARTICIPANT), "расследование": (m.LAW_ENFORCEMENT, None),
    "речь": (m.ACTOR, m.PARTICIPANT), "послание": (m.ACTOR, m.PARTICIPANT), "разговор": (m.ACTOR, None),
})


def roles(trigger: "Trigger") -> tuple[str | None, str | None]:
    """Which slot plays which role for this trigger."""
    if trigger.type == "Incident":
        return GENERIC_ROLES.get(trigger.label or "", (m.ACTOR, m.PARTICIPANT))
    return ROLES.get(trigger.type, (None, None))
AWARD_WORDS = {"премия", "награда", "орден", "медаль", "звание", "приз", "оскар", "статуэтка", "диплом"}
# "автобус въехал в остановку", "машина выехала на тротуар", "вылетел на встречную полосу": a vehicle
# left the road (not "вылетел в Москву": a place one travels to is no roadside)
SWERVE_VERBS = {"въехать", "выехать", "вылететь", "пересечь"}
ROADSIDE = {"остановка", "тротуар", "полоса", "встречка", "обочина", "кювет", "переход", "велодорожка", "дорожка",
            "толпа", "ограждение", "отбойник", "столб", "дерево", "витрина", "забор", "пешеход", "люди", "перрон",
            "платформа", "канава", "кафе", "павильон", "газон", "разделительный"}
# "разогнали демонстрантов", "разгон митинга": a gathering broken up (not "разгон до сотни")
DISPERSED = {"демонстрант", "демонстрация", "митинг", "митингующий", "протестующий", "манифестант", "манифестация",
             "акция", "шествие", "толпа", "лагерь", "пикет", "пикетчик", "протест", "собрание", "участник", "марш"}
# the ceremonies that begin and end a happening
OPENINGS = {"открытие": "церемония открытия", "закрытие": "церемония закрытия"}
# "приняла закон", "одобрил законопроект", "ратифицировал договор": a law passed
LAW_VERBS = {"принять", "одобрить", "утвердить", "ратифицировать", "внести", "отклонить", "ветировать"}
LAWS = {"закон", "законопроект", "поправка", "резолюция", "конституция", "бюджет", "декрет", "указ", "декларация"}
# a decree does what it names ("указ об отставке министра" is the dismissal); a law is about it
DECREES = {"указ", "декрет"}
# a bill brought in or turned down is not a law passed
LAW_LABELS = {"внести": "внесение законопроекта", "отклонить": "отклонение закона", "ветировать": "отклонение закона"}
# "внёс проект закона", "внёс изменения в указ": a draft or change of a law
DRAFTS = {"проект", "изменение", "изменения"}
# nouns that name such a happening only with a qualifier: "вооружённый конфликт", "военная
# операция", "судебный процесс", "акция протеста", "Олимпийские игры", "боевые действия"
QUALIFIED_NOUNS: dict[str, tuple[str, set[str]]] = {
    "конфликт": ("ArmedConflict", {"вооружённый", "вооруженный", "военный", "пограничный"}),
    "столкновение": ("ArmedConflict", {"вооружённый", "вооруженный", "военный", "пограничный", "межэтнический"}),
    "действие": ("ArmedConflict", {"боевой", "военный"}),
    "операция": ("MilitaryOperation", {"военный", "специальный", "контртеррористический", "наземный",
                                       "войсковой", "миротворческий", "антитеррористический", "боевой"}),
    "процесс": ("Trial", {"судебный", "уголовный"}),
    "игра": ("Competition", {"олимпийский", "паралимпийский", "азиатский"}),
    "акция": ("Protest", {"протестный", "протест", "поддержка", "против", "протеста"}),
    "кампания": ("Election", {"избирательный", "предвыборный", "президентский"}),
    "происшествие": ("Accident", {"дорожно-транспортный"}),
    # "торжественный приём в Кремле", "торжественное собрание": a ceremony (not "приём лекарств", "собрание сочинений")
    "приём": ("Ceremony", {"торжественный", "дипломатический", "праздничный", "новогодний"}),
    "прием": ("Ceremony", {"торжественный", "дипломатический", "праздничный", "новогодний"}),
    "собрание": ("Ceremony", {"торжественный"}),
    # "политический кризис в Чехии", "правительственный кризис": a crisis of power (not of the economy)
    "кризис": ("Incident", {"политический", "правительственный", "конституционный", "парламентский", "министерский"}),
}
# "во втором туре", "в первом туре участвовали кандидаты": a round of an election told by its number
# and a word of the ballot in its sentence
ORDINALS = {"первый", "второй", "третий"}
BALLOT_WORDS = {"кандидат", "кандидатка", "выборы", "голосование", "избиратель", "бюллетень", "гонка"}
# states declared: "военное положение", "чрезвычайное положение", "комендантский час"
EMERGENCIES = {"положение": {"военный", "чрезвычайный"}, "час": {"комендантский"}}
EMERGENCY_LABELS = {"военный": "военное", "чрезвычайный": "чрезвычайное", "комендантский": "комендантский"}
# what one leaves by "уход из …": a band, a firm, a team, a government
DEPARTED = {"группа", "компания", "команда", "клуб", "сборная", "правительство", "кабинет", "партия", "театр",
            "труппа", "корпорация", "банк"}
# "операция по захвату", "операция по освобождению заложников": an operation of force
OPERATION_AIMS = {"поимка", "захват", "задержание", "освобождение", "уничтожение", "ликвидация", "спасение",
                  "эвакуация", "нейтрализация", "зачистка"}
# "хирургическая операция", "операция на сердце": surgery
SURGICAL = {"хирургический", "пластический", "медицинский", "экстренный", "срочный", "сердце", "мозг",
            "позвоночник", "колено", "глаз", "трепанация", "шунтирование"}
# "ушёл с поста", "покинул должность", "сложил полномочия", "освобождён от должности"
POSTS = {"пост", "должность", "кресло", "полномочие", "обязанность", "место"}
LEAVE_VERBS = {"покинуть", "покидать", "оставить", "сложить", "уйти", "уходить"}
DISMISS_VERBS = {"освободить", "снять", "отстранить", "отправить"}
# the same words in a memorial context are commemorations ("траурный митинг")
MEMORIAL_WORDS = {"память", "траурный", "памятный", "почтить", "годовщина", "мемориал", "памятник"}
# verb + object lemma: "лишили жизни", "захватили автомобиль", "взяли в заложники"
VEHICLES = {"автомобиль", "машина", "автобус", "грузовик", "такси", "джип", "легковушка",
            "самолёт", "самолет", "вертолёт", "вертолет", "поезд", "катер", "уаз", "жигули"}
# what crashes, falls from the sky or collides: "самолёт разбился", "поезда столкнулись"
AIRCRAFT = {"самолёт", "самолет", "вертолёт", "вертолет", "лайнер", "авиалайнер", "беспилотник", "дрон",
            "истребитель", "бомбардировщик", "штурмовик", "аэробус", "боинг", "airbus", "boeing", "ракета"}
CRAFT = VEHICLES | AIRCRAFT | {"мотоцикл", "электричка", "судно", "корабль", "паром", "яхта", "лодка", "теплоход",
                               "трамвай", "троллейбус", "маршрутка", "микроавтобус", "фура", "тепловоз", "иномарка",
                               "внедорожник", "байк", "велосипед", "танкер", "сухогруз", "субмарина",
                               "подлодка", "траулер", "шхуна", "баржа", "автомашина"}
# what is intercepted at sea or in the air: "перехватили судно с оружием", "ракета перехвачена"
INTERCEPTED = CRAFT | {"борт", "груз"}
CRASH_VERBS = {"разбиться", "разбиваться"}
# "обрушилась кровля", "рухнул мост", "обрушение перекрытий": a building or a part of it gave way
COLLAPSE_VERBS = {"обрушиться", "обрушиваться"}
STRUCTURES = {"кровля", "крыша", "потолок", "перекрытие", "здание", "дом", "мост", "стена", "трибуна", "балкон",
              "лестница", "шахта", "свод", "купол", "башня", "эстакада", "пролёт", "пролет", "конструкция",
              "навес", "козырёк", "козырек", "подъезд", "строение", "сооружение", "плотина", "дамба", "кран",
              "порода", "забой", "леса", "перрон", "причал", "опора", "ангар", "цех", "корпус"}
# "разбился в ДТП", "разбился насмерть": the happenings in which one is killed in a crash
CRASHES = {"дтп", "авария", "катастрофа", "автокатастрофа", "авиакатастрофа", "крушение"}
FALL_VERBS = {"упасть", "падать", "рухнуть"}
COLLIDE_VERBS = {"столкнуться", "сталкиваться"}
# "падение режима", "падение Берлинской стены": what falls as a happening (not "падение курса")
FALLEN = {"режим", "правительство", "монархия", "империя", "диктатура", "самодержавие", "хунта"}
# what one sends as a happening: "направил телеграмму", "отправил послание"
MESSAGES = {"телеграмма", "послание", "соболезнование", "поздравление", "ультиматум", "нота"}
# "стала мамой", "стали родителями": a child born
PARENTS = {"мама", "мать", "папа", "отец", "родитель", "родители", "мамочка"}
# words that put an unqualified "операция" in a hospital: "в госпитале, где проводилась операция"
MEDICAL = HOSPITALS | {"врач", "хирург", "медик", "пациент", "опухоль", "рак", "диагноз", "онколог", "наркоз",
                       "имплантат", "эндопротез", "протез", "пересадить", "пересадка", "выписать", "реабилитация",
                       "аритмия", "кровотечение", "лечение", "лечиться"}
# "пересадка печени": an organ transplanted (a change of trains is no operation)
ORGANS = {"печень", "почка", "сердце", "лёгкое", "легкое", "кожа", "мозг", "рука", "лицо", "орган", "роговица",
          "сустав"}
# who poisons, buries, acquits, extradites or seizes someone names the person it was done to
DONE_TO_PERSON = {"отравить", "отравлять", "похоронить", "хоронить", "оправдать", "отпеть", "схватить"}
SEIZE_VERBS = {"захватить", "захватывать", "угнать", "отобрать", "завладеть"}
HOSTAGE_WORDS = {"заложник", "заложница"}
# verbs that take hold of things: after an attack they tell its outcome, not a new incident
TAKE_VERBS = {"завладеть", "похитить", "отобрать", "забрать", "захватить"}
ESCORT_VERBS = {"сопровождать", "конвоировать", "охранять", "этапировать", "вести", "доставлять"}
DEATH_CAUSE_PREPOSITIONS = {"в", "при", "от"}

# which slot plays which role, by type: (agent role, patient role)
ROLES: dict[str, tuple[str | None, str | None]] = {
    "Escape": (m.PERPETRATOR, None),
    "Attack": (m.PERPETRATOR, m.VICTIM),
    "Killing": (m.PERPETRATOR, m.VICTIM),
    "Death": (None, m.CASUALTY),
    "VehicleSeizure": (m.PERPETRATOR, m.HOSTAGE),
    "HostageTaking": (m.PERPETRATOR, m.HOSTAGE),
    "Shootout": (m.PERPETRATOR, None),
    "Explosion": (m.PERPETRATOR, m.VICTIM),
    "Detention": (m.LAW_ENFORCEMENT, m.DETAINEE),
    "Arrest": (m.LAW_ENFORCEMENT, m.DETAINEE),
    "Sentencing": (None, m.RECIPIENT),
    "Resignation": (None, None),
    "Injury": (m.PERPETRATOR, m.VICTIM),
    "Release": (m.LAW_ENFORCEMENT, m.RECIPIENT),
    "Fire": (m.PERPETRATOR, m.VICTIM),
    "Accident": (None, m.CASUALTY),
    "Appointment": (m.ACTOR, m.PARTICIPANT),
    "Election": (m.ACTOR, m.PARTICIPANT),
    "Meeting": (m.PARTICIPANT, m.PARTICIPANT),
    "Visit": (m.ACTOR, None),
    "Protest": (m.PARTICIPANT, None),
    "Signing": (m.ACTOR, None),
    "ArmedConflict": (m.PARTICIPANT, m.PARTICIPANT),
    "MilitaryOperation": (m.PARTICIPANT, m.PARTICIPANT),
    "Trial": (None, m.PARTICIPANT),
    "Search": (m.LAW_ENFORCEMENT, m.PARTICIPANT),
    "Disaster": (None, m.CASUALTY),
    "Competition": (m.PARTICIPANT, m.PARTICIPANT),
    "Ceremony": (m.PARTICIPANT, m.PARTICIPANT),
    "Birth": (m.PARTICIPANT, m.PARTICIPANT),
    # the classes of labelled happenings (CLASSES): the roles their labels had as plain incidents
    "Kidnapping": (m.PERPETRATOR, m.VICTIM),
    "Marriage": (m.ACTOR, m.ACTOR),  # both partners marry: each did it
    "CriminalCase": (m.LAW_ENFORCEMENT, m.PARTICIPANT),  # who opens a case or charges enforces the law
    "Charge": (m.LAW_ENFORCEMENT, m.PARTICIPANT),
    "Disappearance": (None, m.PARTICIPANT),
    "Hospitalization": (None, m.PARTICIPANT),
    "Joining": (m.ACTOR, m.PARTICIPANT), "Leaving": (m.ACTOR, m.PARTICIPANT),
    "Acquisition": (m.ACTOR, m.PARTICIPANT),
    "Surrender": (m.PARTICIPANT, m.PARTICIPANT),  # who surrenders is done to as much as doing
    "Uprising": (m.PARTICIPANT, m.PARTICIPANT),
    "Proclamation": (m.ACTOR, m.PARTICIPANT),
    "Deprivation": (m.ACTOR, m.PARTICIPANT),
}
# the happenings that are not crimes, accidents or their legal aftermath (0.2.0): read with
# institutions as parties, the subject of the verb a noun hangs on, "с"- and "между"-phrases
HAPPENINGS = {"Incident", "Appointment", "Election", "Meeting", "Visit", "Protest", "Signing", "ArmedConflict",
              "MilitaryOperation", "Trial", "Search", "Disaster", "Competition", "Ceremony", "Birth"}
# the labelled happenings with a class of their own are read as they were as plain incidents
# (a kidnapping too, though a crime)
HAPPENINGS |= set(CLASSES.values())
# happenings one can be a casualty of ("погиб в бою", "во время землетрясения")
DEADLY = {"ArmedConflict", "MilitaryOperation", "Disaster"}
# the court that passed a sentence did it
ROLES["Sentencing"] = (m.ACTOR, m.RECIPIENT)
# a resignation: the one who leaves did it ("ушёл в отставку"), the one dismissed is concerned
ROLES["Resignation"] = (m.ACTOR, m.PARTICIPANT)
# a subject of an intransitive death, or of a resignation, is the one it happened to
SUBJECT_IS_PATIENT = {"Death", "Accident"}
# verbs of announcing, by which a post is given up or taken ("заявил об уходе с поста")
ANNOUNCING = {"заявить", "заявлять", "объявить", "объявлять"}
INTRANSITIVE = {"лишиться", "пострадать", "сгореть", "взорваться", "родиться", "получить", "получать", "пропасть", "исчезнуть", "попасть", "попадать",
                "заразиться", "заболеть", "предстать", "представать", "впасть"}
WOUNDS = {"ранение", "травма", "увечье"}
# "совершили побег", "устроили перестрелку": the noun tells what, the verb's subject who
LIGHT_VERBS = {"совершить", "устроить", "осуществить", "предпринять", "учинить", "открыть", "вынести", "ввести",
               "провести", "проводить", "организовать", "начать", "объявить"}
LABELS = {
    "Escape": "побег", "Attack": "нападение", "Killing": "убийство", "Death": "смерть",
    "VehicleSeizure": "захват автомобиля", "HostageTaking": "захват заложников",
    "Shootout": "перестрелка", "Explosion": "взрыв", "Detention": "задержание", "Arrest": "арест",
    "Sentencing": "приговор", "Resignation": "отставка", "Injury": "ранение", "Release": "освобождение",
    "Fire": "пожар", "Accident": "происшествие",
    "Appointment": "назначение", "Election": "выборы", "Meeting": "встреча", "Visit": "визит",
    "Protest": "протестная акция", "Signing": "подписание", "ArmedConflict": "вооружённый конфликт",
    "MilitaryOperation": "военная операция", "Trial": "судебный процесс", "Search": "обыск",
    "Disaster": "стихийное бедствие", "Competition": "соревнование", "Ceremony": "церемония",
    "Birth": "рождение",
    "Kidnapping": "похищение", "Marriage": "брак", "CriminalCase": "возбуждение уголовного дела",
    "Charge": "предъявление обвинения", "Disappearance": "исчезновение", "Hospitalization": "госпитализация",
    "Joining": "вступление", "Leaving": "выход", "Acquisition": "покупка", "Surrender": "капитуляция",
    "Uprising": "восстание", "Proclamation": "провозглашение независимости", "Deprivation": "лишение прав",
}


@dataclass
class Trigger:
    token: Token
    type: str
    is_verb: bool
    extra_types: tuple[str, ...] = ()
    label: str | None = None  # what a happening of no class of its own was ("концерт")
    # the phrase a family's word needs, when it names who or what else is in it: "вступил в
    # партию «Яблоко»", "суд над бывшим мэром X"
    companion: Token | None = None


def find_triggers(sentence: Sentence) -> list[Trigger]:
    """The incident triggers of one sentence, in text order."""
    out = []
    for token in sentence.tokens:
        trigger = trigger_at(sentence, token)
        if trigger is not None:
            out.append(trigger)
    return out


def trigger_at(sentence: Sentence, token: Token) -> Trigger | None:
    """The trigger this token is, in this sentence, or None."""
    children = sentence.children(token.index)
    lemmas = {c.lemma for c in children}
    if _unreal(sentence, token):
        return None
    if token.pos == "VERB" or (token.pos == "AUX" and token.lemma == "быть"):
        if _took_lives(sentence, token, lemmas):
            return Trigger(token, "Death", True)  # "взрыв унёс жизни семерых солдат" (the parser may call "унёс" a participle)
        if token.feats.get("VerbForm") == "Part" and token.feats.get("Variant") != "Short" and \
                not _reported(sentence, token):
            return None  # "погибших героев", "вдова погибшего": a description, not a report
        lemma = token.lemma
        if lemma in ("лишить", "лишать") and "жизнь" in lemmas:
            return Trigger(token, "Killing", True)
        if lemma in ("отдать", "отдавать") and "жизнь" in lemmas:
            return Trigger(token, "Death", True)
        if lemma in ("покончить", "кончать") and "себя" in lemmas:
            return Trigger(token, "Death", True)  # "покончил с собой"
        if lemma in ("взять", "брать", "захватить") and _has_hostage(sentence, token):
            return Trigger(token, "HostageTaking", True)
        if lemma in ("уйти", "уходить", "выйти", "подать", "подавать", "отправить", "отправиться") \
                and "отставка" in _obl_lemmas(sentence, token):
            return Trigger(token, "Resignation", True)
        if lemma in LEAVE_VERBS and _obl_lemmas(sentence, token) & POSTS:
            return Trigger(token, "Resignation", True)  # "покинул пост", "ушёл с должности"
        if lemma in ("уйти", "уходить", "выйти", "выходить", "отправить", "проводить") and _to_pension(sentence, token) \
                and token.feats.get("Tense") != "Pres":  # "полицейские выходят на пенсию в 45 лет": a rule, not a retirement
            return Trigger(token, "Resignation", True, label="уход на пенсию")  # "ушёл на пенсию"
        if lemma in ("сместить", "смещать") and (_post_phrase(sentence, token) or _person_done_to(sentence, token)):
            return Trigger(token, "Resignation", True)  # "сместили президента", "смещён с поста"; not "сместил акцент"
        if lemma in DISMISS_VERBS and _post_phrase(sentence, token):
            return Trigger(token, "Resignation", True)  # "освобождён от должности", "снят с поста"
        if lemma in ("уйти", "уходить") and token.feats.get("Tense") != "Pres" and (_left_organisation(sentence, token) or
                                                                         _own_will(sentence, token)):
            return Trigger(token, "Resignation", True)  # "ушёл из Apple", "ушёл по собственному желанию"
        if lemma in ("проголосовать", "голосовать") and _vote_on_measure(sentence, token):
            return None  # "проголосовали за ратификацию договора": a vote on a law, not an election
        if lemma in ("назначить", "назначать", "избрать", "переизбрать", "выбрать") and not _names_someone(sentence, token):
            return None  # "назначил наказание", "выборы назначены на март": not a post given
        if lemma == "выбрать" and not any(c.rel in ("obl", "obl:agent", "xcomp", "obj") and c.feats.get("Case") == "Ins"
                                          and (c.pos == "NOUN" or _is_person(c)) or c.rel == "obl" and c.lemma in POSTS
                                          for c in children):
            return None  # "выбран мэром", "выбрали председателем"; not "выбрали защитника на драфте"
        if lemma == "встречаться" and token.feats.get("Tense") == "Pres":
            return None  # "встречается с 2017 года": a relationship going on, not a meeting
        if lemma in ("подписать", "подписывать") and not any(c.rel == "obj" or c.rel == "nsubj:pass" for c in children):
            return None
        if lemma == "родить" and not any(c.rel == "obj" for c in children):
            return None
        if lemma in SEIZE_VERBS and lemma != "завладеть" and any(c.lemma in VEHICLES for c in children if c.rel == "obj"):
            vehicle = next(c for c in children if c.rel == "obj" and c.lemma in VEHICLES)
            extra = ("HostageTaking",) if _carries_people(sentence, vehicle) else ()
            return Trigger(token, "VehicleSeizure", True, extra)
        if lemma in ("открыть", "открывать") and any(c.lemma == "огонь" for c in children if c.rel == "obj"):
            return Trigger(token, "Attack", True)  # "открыл огонь по толпе"
        if lemma in ("получить", "получать") and any(c.lemma in WOUNDS for c in children if c.rel == "obj"):
            return Trigger(token, "Injury", True)  # "получили ранения"
        if lemma in ("получить", "обрести") and any(c.lemma == "независимость" for c in children if c.rel in ("obj", "nsubj:pass")):
            return Trigger(token, "Incident", True, label="обретение независимости")  # "Свазиленд получил независимость"
        if lemma in ASCENT_VERBS and _to_summit(sentence, token, verb=True):
            return Trigger(token, "Incident", True, label="восхождение")  # "поднялся на вершину Эвереста"
        if lemma in ("уйти", "уходить") and "жизнь" in _obl_lemmas(sentence, token):
            return Trigger(token, "Death", True)  # "ушёл из жизни"
        if lemma in ("покончить", "кончать") and "самоубийство" in lemmas:
            return Trigger(token, "Death", True)  # "покончил жизнь самоубийством"
        if lemma in ("выйти", "выходить") and "свобода" in _obl_lemmas(sentence, token):
            return Trigger(token, "Release", True)  # "вышел на свободу"
        if lemma in ("вступить", "заступить") and _obl_lemmas(sentence, token) & POSTS:
            return Trigger(token, "Appointment", True)  # "вступил в должность"
        if lemma == "выйти" and "замуж" in lemmas:
            return Trigger(token, "Marriage", True, label="брак")
        if lemma in ("сочетаться",) and "брак" not in lemmas:
            return None
        if lemma in ("заключить", "заключать") and any(c.lemma in AGREEMENTS for c in children if c.rel in ("obj", "nsubj:pass")):
            return Trigger(token, "Signing", True)  # "заключили перемирие"
        if lemma in ("провозгласить", "объявить", "провозглашать") and any(
                c.lemma == "независимость" for c in children if c.rel in ("obj", "nsubj:pass")):
            return Trigger(token, "Proclamation", True, label="провозглашение независимости")
        if lemma in ("подать", "подавать") and any(
                g.lemma == "отставка" for c in children if c.rel == "obj" for g in sentence.children(c.index)):
            return Trigger(token, "Resignation", True)  # "подал прошение об отставке"
        if lemma in ("доставить", "доставлять", "положить", "поместить", "лечь") and _to_hospital(sentence, token):
            return Trigger(token, "Hospitalization", True, label="госпитализация")  # "доставлен в больницу"
        if lemma in JOURNEY_VERBS:
            if not _goes_to_place(sentence, token):
                return None
            return Trigger(token, "Incident", True, label=JOURNEY_VERBS[lemma])
        if lemma in ("выступить", "выступать") and (_stance(sentence, token) or lemmas & set(GENERIC)):
            return None  # "выступил с заявлением"; "выступил с концертом" is told by the noun
        if lemma in ("утвердить", "утверждать") and _confirmed_in_post(sentence, token):
            return Trigger(token, "Appointment", True)  # "парламент утвердил X главой Госсовета", "утвердил на посту директора"
        if lemma in LAW_VERBS and any(c.lemma in LAWS or c.lemma in DRAFTS and
                                      any(g.lemma in LAWS for g in sentence.children(c.index))
                                      for c in children + _conjoined_subjects(sentence, token)
                                      if c.rel in ("obj", "nsubj:pass")):
            return Trigger(token, "Incident", True, label=LAW_LABELS.get(lemma, "принятие закона"))
        objects = {c.lemma for c in children if c.rel in ("obj", "nsubj:pass", "obl", "iobj") and c.pos == "NOUN"}
        if lemma in ("возбудить", "возбуждать") and "дело" in objects:
            return Trigger(token, "CriminalCase", True, label="возбуждение уголовного дела")
        if lemma in ("обвинить", "обвинять") and _charged(sentence, token):
            return Trigger(token, "Charge", True, label="предъявление обвинения")  # "обвинён в убийстве"
        if lemma in ("предъявить", "предъявлять") and "обвинение" in objects:
            return Trigger(token, "Charge", True, label="предъявление обвинения")
        # "лишил Кэтрин опекунства": the parser may take the genitive for a subject or a complement
        stripped = (objects | {c.lemma for c in children if c.rel == "xcomp" or
                               c.rel == "nsubj" and c.feats.get("Case") == "Gen"}) & \
            (DEPRIVABLE | RIGHTS)
        if lemma in ("лишить", "лишать") and stripped:
            # "лишён сана" is a title; "лишил опекунства", "лишили лицензии" a right
            return Trigger(token, "Deprivation", True, label="лишение звания" if stripped & DEPRIVABLE else "лишение прав")
        if lemma in ("выдвинуть", "выдвигать") and (objects & NOMINEES or objects & POSTS or _names_someone(sentence, token)):
            return Trigger(token, "Incident", True, label="выдвижение")  # "выдвинул кандидатуру на пост"
        if lemma in ("стать", "становиться") and any(c.rel in ("obl", "xcomp", "obj") and c.feats.get("Case") == "Ins" and
                                                     c.lemma in PARENTS for c in children):
            return Trigger(token, "Birth", True)  # "стала мамой", "впервые стали родителями"
        if lemma in ("признать", "признавать") and "себя" in lemmas and "виновный" in lemmas:
            return Trigger(token, "Incident", True, label="признание вины")  # "признал себя виновным": a plea, not a sentence
        if lemma in ("признать", "признавать") and any(c.lemma == "виновный" for c in children):
            return Trigger(token, "Sentencing", True)  # "суд признал его виновным"
        if lemma in ("выпустить", "выпускать") and any(c.lemma == "залог" and _case_of(sentence, c) == "под" for c in children) \
                and _person_done_to(sentence, token):
            return Trigger(token, "Release", True)  # "выпущен под залог" (a person, not a batch of tractors)
        if lemma in ("признаться", "сознаться") and any(
                c.rel == "obl" and _case_of(sentence, c) == "в" and (c.lemma in CONFESSED or trigger_at(sentence, c) is not None)
                for c in children):
            return Trigger(token, "Incident", True, label="признание вины")  # "признался в мошенничестве", not "в любви"
        if lemma in ("демонтировать", "снести", "сносить", "свалить") and any(
                c.rel in ("obj", "nsubj:pass") and c.lemma in MONUMENTS for c in children + _conjoined_subjects(sentence, token)):
            return Trigger(token, "Incident", True, label="демонтаж памятника")  # "демонтирован памятник Ленину"
        if lemma in ("снять", "снимать", "отозвать") and "кандидатура" in objects:
            return Trigger(token, "Incident", True, label="снятие кандидатуры")  # "снял свою кандидатуру"
        if lemma == "завербовать" and any(_is_person(c) for c in children + _shared_objects(sentence, token)
                                          if c.rel in ("obj", "nsubj:pass")):
            return Trigger(token, "Incident", True, label="вербовка")  # "разведка завербовала офицера"
        if lemma in ("найти", "обнаружить") and (any(c.lemma in FOUND_DEAD for c in children)
                                                 or _soon_after(sentence, token, ("без", "признак", "жизнь"), 1)):
            return Trigger(token, "Death", True)  # "найден мёртвым", "найден повешенным", "обнаружен без признаков жизни"
        if lemma in ("найти", "обнаружить") and token.feats.get("Voice") == "Pass" and \
                any(c.rel == "nsubj:pass" and _is_person(c) for c in children):
            return Trigger(token, "Incident", True, label="обнаружение")  # "пропавшие женщины обнаружены в Кливленде"
        if lemma in ("попасть", "попадать") and objects & HOSPITALS:
            return Trigger(token, "Hospitalization", True, label="госпитализация")  # "попал в больницу"
        if lemma in ("попасть", "попадать") and objects & {"дтп", "авария", "катастрофа"}:
            return Trigger(token, "Accident", True)  # "попал в аварию"
        if lemma in ("пропасть", "исчезнуть") and (lemma == "исчезнуть" or "весть" in lemmas or any(
                c.rel == "nsubj" and (c.lemma in CRAFT or _is_person(c)) for c in children)):  # "пропала подлодка", "Берри пропала"
            return Trigger(token, "Disappearance", True, label="исчезновение")  # "пропал без вести"
        if lemma in ("вступить", "вступать") and "брак" in objects:
            return Trigger(token, "Marriage", True, label="брак")  # "вступили в брак"
        if lemma in ("ратифицировать",) and objects & AGREEMENTS:
            return Trigger(token, "Incident", True, label="принятие закона")  # "ратифицировал договор"
        if lemma in ("достичь", "достигнуть") and objects & AGREEMENTS:
            return Trigger(token, "Signing", True)  # "достигли договорённости"
        if lemma in ("лишиться",) and objects & POSTS:
            return Trigger(token, "Resignation", True)  # "лишился поста"
        if lemma in ("лишиться",) and objects & (DEPRIVABLE | RIGHTS):
            return Trigger(token, "Deprivation", True, label="лишение прав")  # "лишился лицензии"
        if lemma in ("взойти", "восходить") and "престол" in objects:
            return Trigger(token, "Appointment", True)  # "взошёл на престол"
        if lemma in ("прийти", "приходить") and "власть" in objects:
            return Trigger(token, "Appointment", True)  # "пришёл к власти"
        if lemma in ("подать", "подавать") and not any(c.rel == "obj" for c in children) and any(
                c.lemma == "суд" and _case_of(sentence, c) == "в" for c in children if c.rel == "obl"):
            return Trigger(token, "Incident", True, label="иск")  # "подала в суд на издателя", not "подал запрос в суд"
        if lemma in DONE_TO_PERSON and not _person_done_to(sentence, token):
            return None  # "отравил воздух", "похоронили надежды", "оправдал ожидания", "схватил простуду"
        if lemma in ("отравить", "отравлять"):
            return Trigger(token, "Attack", True, label="отравление")  # "отравили бывшего офицера"
        if lemma == "схватить":
            return Trigger(token, "Detention", True)  # "полицейские схватили грабителя"
        if lemma in ("возбудить", "возбуждать") and "преследование" in objects:
            return Trigger(token, "CriminalCase", True, label="возбуждение уголовного дела")
        if lemma in CRASH_VERBS and token.feats.get("Tense") != "Pres" and _killed_in_crash(sentence, token):
            return Trigger(token, "Death", True)  # "разбился насмерть", "разбился в ДТП": a person died
        if lemma in ("пересадить", "пересаживать") and any(c.rel in ("obj", "nsubj:pass") and c.lemma in ORGANS
                                                          for c in children):
            return Trigger(token, "Incident", True, label="медицинская операция")  # "ему пересадили почку"
        if lemma in ("поговорить", "побеседовать") and any(c.rel == "obl" and _case_of(sentence, c) in ("с", "со") and
                                                          (_is_person(c) or _organisation_name(c)) for c in children):
            return Trigger(token, "Incident", True, label="разговор")  # "поговорил по телефону с Раулем Кастро"
        if lemma in ("направить", "отправить") and any(c.rel in ("obj", "nsubj:pass") and c.lemma in MESSAGES
                                                      for c in children):
            return Trigger(token, "Incident", True, label="послание")  # "направил поздравительную телеграмму"
        if lemma in ("затонуть", "тонуть") and token.feats.get("Tense") == "Past" and \
                any(c.rel == "nsubj" and c.lemma.lower() in CRAFT for c in children):
            return Trigger(token, "Accident", True)  # "затонул двухпалубный теплоход"
        if lemma in COLLAPSE_VERBS and any(c.rel == "nsubj" and c.lemma in STRUCTURES for c in children):
            return Trigger(token, "Accident", True, label="обрушение")  # "обрушилась кровля", not "обрушился с критикой"
        if lemma in CRASH_VERBS | FALL_VERBS | COLLIDE_VERBS and _crash(sentence, token):
            return Trigger(token, "Accident", True)  # "самолёт разбился", "автобус столкнулся с фурой"
        if lemma in ("открыть", "открывать") and not any(c.lemma.lower() in OPENED.split() for c in children
                                                       if c.rel in ("obj", "nsubj:pass", "nsubj") and not _case_of(sentence, c)):
            return None  # "открыл стрельбу на станции метро": the station is where, not what was opened
        if lemma in SWERVE_VERBS and token.feats.get("Tense") == "Past" and _left_road(sentence, token):
            return Trigger(token, "Incident", True, label="дорожное происшествие")  # "автобус въехал в остановку"
        if lemma in ("захватить", "захватывать") and _person_done_to(sentence, token) and \
                (token.feats.get("VerbForm") != "Part" or token.feats.get("Variant") == "Short"):
            # "был захвачен в Пакистане", "захватили их в пути"; not "захватил власть", nor a description
            # ("Петров, захваченный в Пакистане")
            return Trigger(token, "Incident", True, label="захват")
        if lemma == "перехватить" and any(c.rel in ("obj", "nsubj:pass") and c.lemma.lower() in INTERCEPTED for c in children):
            return Trigger(token, "Incident", True, label="перехват")  # "ВМС перехватили судно"; not "перехватил мяч"
        if lemma in ("разогнать", "разгонять") and any(c.rel in ("obj", "nsubj:pass") and c.lemma in DISPERSED
                                                      for c in children):
            return Trigger(token, "Incident", True, label="разгон")  # "полиция разогнала митинг"
        found = _family_at(sentence, token, lemma, VERB_FAMILIES)
        if found is not None:
            family, companion = found
            return Trigger(token, family.type, True, label=family.label, companion=companion)
        if lemma in ("похитить", "похищать") and (any(_is_person(c) for c in children + _shared_objects(sentence, token)
                                                    if c.rel in ("obj", "nsubj:pass")) or
                                                _qualifies_person(sentence, token)):
            return Trigger(token, "Kidnapping", True, label="похищение")  # "похитил девушку", not a purse
        if lemma == "стрелять" and (token.feats.get("Tense") == "Pres" or not any(
                c.rel == "obl" and (_is_person(c) or c.pos == "PROPN") for c in children)):
            return None  # "стрелял в президента", "стреляли возле Львиных ворот"; not "стреляют по мишеням"
        if lemma == "выстрелить" and not any(c.rel == "obl" for c in children):
            return None  # "стрелял в воздух"? only a shot at someone or somewhere is an attack
        if lemma in GENERIC and lemma not in NOUNS:
            return Trigger(token, CLASSES.get(GENERIC[lemma][0], "Incident"), True, label=GENERIC[lemma][0])
        if lemma in ("бежать", "сбежать") and not _escape_from_custody(sentence, token):
            if token.feats.get("Tense") != "Pres" and _flight(sentence, token):
                return Trigger(token, "Incident", True, label="бегство")  # "бежал в США": fled abroad
            return None  # "бежит в магазин": ran, not fled nor escaped from custody
        if lemma in VERBS:
            return Trigger(token, VERBS[lemma], True)
        return None
    if token.pos == "NOUN" or token.pos == "PROPN" and _capitalised_first(sentence, token) or \
            token.pos in ("PROPN", "ADJ") and token.text[:1].isupper() and \
            (token.lemma.lower() in PROPER_EVENTS or token.lemma.lower() in CUPS or token.lemma.lower() in ("неделя", "игра")) or \
            _games_of_year(token):
        lemma = token.lemma.lower()
        if token.feats.get("Number") == "Plur":
            lemma = PLURALIA.get(lemma, lemma)  # "на выборах" is lemmatised to "выбор"
        if _games_of_year(token):
            return Trigger(token, "Competition", False)  # "ЧМ-2018", "Сочи-2014", "Евровидение-2019"
        if lemma == "мисс" and token.text[:1].isupper() and token.rel != "appos" and \
                any(c.rel in ("appos", "flat", "flat:name", "nmod") for c in children):
            # "участвовала в «Мисс Вселенной»" ("конкурс «Мисс …»" is read at "конкурс")
            return Trigger(token, "Competition", False)
        if token.rel == "nmod" and _case_of(sentence, token) in ("о", "об") and \
                any(t.index == token.head and t.lemma in (LAWS - DECREES) | DRAFTS for t in sentence.tokens):
            return None  # "законопроект о митингах", "закон о выборах": what a law is about
        if token.rel == "nmod" and _case_of(sentence, token) == "за":
            return None  # "Движение за освобождение Азавада", "борьба за отмену рабства": an aim, not a happening
        if _read_by_head(sentence, token, lemma):
            return None  # "акция протеста", "приговорён к смерти", "покушение на убийство": the head tells it
        if lemma == "голосование" and _vote_on_measure(sentence, token):
            return None  # "голосование по законопроекту"
        if lemma == "захват":
            objects = {c.lemma for c in children}
            if objects & HOSTAGE_WORDS:
                return Trigger(token, "HostageTaking", False)
            if objects & VEHICLES:
                return Trigger(token, "VehicleSeizure", False)
            if objects & set(SEIZED.split()):
                return Trigger(token, "Incident", False, label="захват")  # "захват здания парламента"
            return None
        if lemma == "отставка" and token.feats.get("Case") == "Loc" and not lemmas & {"о", "об"}:
            return None  # "майор в отставке": a status, not an event; "объявил об отставке" is one
        if lemma == "приход" and "власть" in lemmas | _obl_lemmas(sentence, token):
            return Trigger(token, "Appointment", False)  # "приход к власти"
        if lemma in CUPS and token.text[:1].isupper() and \
                any(c.rel == "nmod" and (c.lemma.lower() in CUPS[lemma] or c.pos == "PROPN" and lemma != "лига")
                    for c in children):
            return Trigger(token, "Competition", False)  # "Кубок Италии", "Лига чемпионов УЕФА"
        if lemma in ("роды", "род") and token.feats.get("Number") == "Plur" and \
                (_takes_place(sentence, token) or lemmas & {"первый", "второй", "преждевременный", "домашний"}):
            return Trigger(token, "Birth", False)  # "роды прошли в клинике": the plural of "род" is no clan here
        if lemma == "тур" and lemmas & {"концертный", "гастрольный", "мировой", "прощальный", "юбилейный"}:
            return Trigger(token, "Incident", False, label="гастроли")  # "мировой тур"
        if lemma == "конфликт" and any(c.rel == "nmod" and _case_of(sentence, c) in ("в", "на") and c.pos == "PROPN"
                                       for c in children):
            return Trigger(token, "ArmedConflict", False)  # "конфликт в Донбассе"
        if lemma == "столкновение" and _number(sentence, token) == "Plur" and not lemmas & {"автомобиль", "машина", "поезд"}:
            return Trigger(token, "Protest", False)  # "столкновения с полицией"
        if lemma == "уход" and (_left_organisation(sentence, token) or any(
                c.rel == "nmod" and _is_person(c) and _left_organisation(sentence, c) for c in children)):
            # "об уходе из группы", "уход Оззи из Microsoft" (the parser may hang the phrase on Оззи)
            return Trigger(token, "Resignation", False)
        if lemma in ("уход", "выход", "проводы") and _to_pension(sentence, token):
            return Trigger(token, "Resignation", False, label="уход на пенсию")  # "с уходом на пенсию"
        if lemma == "расследование" and not lemmas & {"журналистский", "собственный", "независимый"} and any(
                c.rel == "nmod" and c.feats.get("Case") == "Gen" and _case_of(sentence, c) is None and
                (c.lemma in ("дело", "обстоятельство", "причина") or trigger_at(sentence, c) is not None)
                for c in children):
            return Trigger(token, "Incident", False, label="расследование")  # "расследование убийства"
        if lemma == "уход" and (lemmas & POSTS or lemmas & {"отставка"} or _obl_lemmas(sentence, token) & POSTS):
            return Trigger(token, "Resignation", False)  # "уход с поста", "уход в отставку"
        if lemma in EMERGENCIES and lemmas & EMERGENCIES[lemma]:
            # "ввёл военное положение": the state declared is the happening, who declared it did it
            kind = next(iter(sorted(lemmas & EMERGENCIES[lemma])))
            return Trigger(token, "Incident", False, label=f"{EMERGENCY_LABELS[kind]} {lemma}")
        if lemma == "разговор" and "телефонный" in lemmas:
            return Trigger(token, "Meeting", False, label="телефонный разговор")  # between heads of state, say
        if lemma in ("беседа", "разговор") and (_takes_place(sentence, token) or any(
                c.rel == "nmod" and _case_of(sentence, c) in ("с", "со") and (_is_person(c) or _organisation_name(c))
                for c in children)):
            return Trigger(token, "Incident", False, label="разговор")  # "беседа состоялась в пятницу", "разговор с Байденом"
        if lemma == "стол" and "круглый" in lemmas:
            return Trigger(token, "Meeting", False)  # "круглый стол"
        if lemma == "церемония":
            # "церемония вручения наград", "церемония коронации": the kind told by the genitive
            kinds = [c.lemma for c in children if c.rel == "nmod" and c.feats.get("Case") == "Gen" and
                     _case_of(sentence, c) is None and (c.lemma in CEREMONY_LABELS or NOUNS.get(c.lemma) == "Ceremony")]
            if kinds:
                return Trigger(token, "Ceremony", False, label=CEREMONY_LABELS.get(kinds[0]))
        if lemma == "вручение" and lemmas & AWARD_WORDS:
            return Trigger(token, "Ceremony", False, label="вручение награды")
        genitives = [c for c in children if c.rel == "nmod" and c.feats.get("Case") == "Gen" and
                     _case_of(sentence, c) is None]
        if lemma == "отравление":
            # "отравление Скрипаля", not "пищевое отравление", "отравление угарным газом"
            if any(_is_person(c) for c in genitives):
                return Trigger(token, "Attack", False, label="отравление")
            return None
        if lemma in ("восхождение", "покорение") and _to_summit(sentence, token, verb=False):
            return Trigger(token, "Incident", False, label="восхождение")  # "восхождение на Эльбрус", "покорение вершины"
        if lemma == "пересадка":
            if any(c.lemma in ORGANS for c in genitives):
                return Trigger(token, "Incident", False, label="медицинская операция")  # "пересадка печени"
            return None
        if lemma == "разгон":
            if any(c.lemma in DISPERSED for c in genitives):
                return Trigger(token, "Incident", False, label="разгон")  # "разгон демонстрантов"
            return None  # "разгон до сотни": a speed
        if lemma == "экстрадиция" and not any(_is_person(c) for c in genitives):
            return None  # "договор об экстрадиции", "запрос об экстрадиции": no one handed over
        if lemma == "падение":
            if any(c.lemma in AIRCRAFT for c in genitives):
                return Trigger(token, "Accident", False)  # "падение самолёта"
            if any(c.lemma in FALLEN or c.lemma == "стена" and
                   "берлинский" in {g.lemma for g in sentence.children(c.index)} for c in genitives):
                return Trigger(token, "Incident", False, label="падение")  # "падение режима"
            return None
        if lemma == "столкновение" and any(c.lemma in CRAFT for c in children if c.rel == "nmod"):
            return Trigger(token, "Accident", False)  # "столкновение поездов", "столкновение автобуса с фурой"
        if lemma in SPEECHES and _speech_given(sentence, token):
            return Trigger(token, "Incident", False, label="речь")  # "выступил с речью на съезде": the speaker spoke
        if lemma == "обрушение":
            # "обрушение кровли", "обрушение произошло ночью"; not "обрушение курса рубля"
            if not genitives or any(c.lemma in STRUCTURES for c in genitives):
                return Trigger(token, "Accident", False, label="обрушение")
            return None
        if lemma == "прощание" and any(_case_of(sentence, c) == "с" and (c.pos == "PROPN" or _is_person(c))
                                       for c in children if c.rel == "nmod"):
            return Trigger(token, "Ceremony", False, label="прощание")  # "прощание с актёром"
        found = _family_at(sentence, token, lemma, NOUN_FAMILIES)
        if found is not None:
            family, companion = found
            return Trigger(token, family.type, False, label=family.label, companion=companion)
        if lemma == "переход" and _soon_after(sentence, token, ("под", "контроль"), 5):
            # "перехода северных областей под контроль исламистов": the parser may hang the phrase elsewhere
            return Trigger(token, "Incident", False, label="переход под контроль")
        if lemma in OPENINGS:
            # "открытие фестиваля", "закрытие Олимпиады": a ceremony of a happening (not of a shop)
            if any(c.rel == "nmod" and c.feats.get("Case") == "Gen" and c.pos in ("NOUN", "PROPN") and
                   (trigger_at(sentence, c) or _named_happening(sentence, c)) for c in children):
                return Trigger(token, "Ceremony", False, label=OPENINGS[lemma])
            return None
        if lemma == "операция" and not token.text.lower().startswith("спецоперац"):
            aims = {c.lemma for c in children if c.rel == "nmod" and _case_of(sentence, c) == "по"}
            if aims & OPERATION_AIMS:
                return Trigger(token, "MilitaryOperation", False)  # "операция по захвату подозреваемых"
            head = next((t for t in sentence.tokens if t.index == token.head), None)
            if lemmas & SURGICAL or head is not None and head.lemma in ("перенести", "сделать") and token.rel == "obj" or \
                    not lemmas & QUALIFIED_NOUNS["операция"][1] and {t.lemma for t in sentence.tokens} & MEDICAL:
                # "перенёс операцию", "в госпитале, где проводилась операция"
                return Trigger(token, "Incident", False, label="медицинская операция")
        if lemma == "игра" and token.text[:1].isupper() and _number(sentence, token) == "Plur" and \
                not _capitalised_first(sentence, token) and not _after_quote(sentence, token):
            return Trigger(token, "Competition", False)  # "открытие Игр в Рио", "на Играх в Сочи": the Games
        if lemma == "сессия" and any(c.rel == "nmod" and c.feats.get("Case") == "Gen" and _case_of(sentence, c) is None
                                     and (c.lemma.lower() in SITTING_BODIES or _organisation_name(c)) for c in children):
            return Trigger(token, "Meeting", False, label="сессия")  # "сессия Генассамблеи ООН", not "экзаменационная сессия"
        if lemma in STAGE_NOUNS and (lemmas & STAGE_KINDS or any(_contest(sentence, c) for c in genitives)):
            return Trigger(token, "Competition", False)  # "второй тур чемпионата", "групповой этап"
        if lemma in QUALIFIED_NOUNS:
            kind, qualifiers = QUALIFIED_NOUNS[lemma]
            if lemma == "операция" and token.text.lower().startswith("спецоперац"):
                return Trigger(token, kind, False)
            if lemmas & qualifiers:
                return Trigger(token, kind, False, label="политический кризис" if kind == "Incident" else None)
            return None
        if lemma == "бой" and token.feats.get("Case") == "Ins":
            return None  # "взяли с боем": a manner
        if lemma == "бой" and {t.lemma for t in sentence.tokens} & _RING_WORDS:
            return Trigger(token, "Competition", False)  # "проиграл бой нокаутом": a bout, not a battle
        if NOUNS.get(lemma) in ("Protest", "Ceremony") and _memorial(sentence):
            return None  # "траурный митинг": a commemoration, read there
        if lemma in NOUNS:
            return Trigger(token, NOUNS[lemma], False)
        if lemma == "выступление" and _stance(sentence, token):
            return None
        if lemma == "тур" and {PLURALIA.get(w, w) for w in lemmas} & {"выборы", "голосование"}:
            return Trigger(token, "Election", False)  # "во втором туре выборов"
        if lemma == "тур" and lemmas & ORDINALS and {PLURALIA.get(t.lemma, t.lemma) for t in sentence.tokens} & BALLOT_WORDS:
            return Trigger(token, "Election", False)  # "в первом туре участвовали девять кандидатов"
        if lemma == "мероприятие" and (any(_case_of(sentence, c) == "по" for c in children) or
                                      _number(sentence, token) == "Plur" and not lemmas & EVENT_KINDS and
                                      not _takes_place(sentence, token, any_tense=True)):
            return None  # "мероприятия по борьбе с коррупцией", "оперативные мероприятия": measures, not events
        plural_held = _takes_place(sentence, token) or lemma == "мероприятие"  # guarded above
        if lemma in GENERIC and (_number(sentence, token) != "Plur" or plural_held) or lemma in PLURALIA_TANTUM:
            return Trigger(token, CLASSES.get(GENERIC[lemma][0], "Incident"), False, label=GENERIC[lemma][0])
    return None


# who charges someone with a crime, as against one who only blames
PROSECUTORS = {"прокуратура", "прокурор", "следствие", "следователь", "суд", "обвинение", "полиция", "ск", "фбр"}


# what was only prepared, planned, threatened or wanted did not happen (yet): "по подозрению в
# подготовке теракта", "угроза взрыва", "планировал убить", "угрожал взорвать"
UNREAL_NOUNS = {"подготовка", "планирование", "угроза", "предотвращение", "план", "замысел", "призыв", "риск",
                "опасность", "возможность", "сценарий", "предупреждение",
                # asked for, or in one's power: "запрос об экстрадиции", "право распускать парламент"
                "запрос", "требование", "просьба", "ходатайство", "право", "полномочие", "разрешение",
                "шанс", "отказ"}  # "шансы возглавить ФБР", "отказ от встречи"
UNREAL_VERBS = {"планировать", "собираться", "намереваться", "угрожать", "хотеть", "мечтать", "готовиться",
                "призывать", "призвать", "обещать", "пообещать", "грозить", "пригрозить", "замышлять",
                "намеренный", "намерен", "требовать", "потребовать", "добиваться", "добиться", "просить", "попросить",
                # what may happen or was to happen is not told to have happened: "может вернуться в Россию",
                # "должна была встретиться с ним" ("смог бежать" did)
                "мочь", "должный", "должен",
                "отказаться", "отказываться"}  # "отказались возглавить ФСЭГ": refused, so it did not happen


_WILL_BE = {"буду", "будешь", "будет", "будем", "будете", "будут"}  # (tagged present by the parser)


def _unreal(sentence: Sentence, token: Token) -> bool:
    if token.pos == "VERB" and (token.feats.get("Tense") == "Fut" or any(
            c.rel in ("aux", "aux:pass") and c.text.lower() in _WILL_BE for c in sentence.children(token.index))):
        return True  # "посетит Москву в мае", "будет назначен": announced, not yet happened
    if token.pos == "VERB" and _negated(sentence, token):
        return True  # "никто не погиб", "дело не возбудили": it did not happen
    head = next((t for t in sentence.tokens if t.index == token.head), None)
    if head is None:
        return False
    if token.rel == "nmod" and token.pos == "NOUN" and head.lemma in UNREAL_NOUNS:
        return True
    if token.rel in ("acl", "xcomp", "nmod") and token.pos == "VERB" and head.lemma in UNREAL_NOUNS:
        return True  # "правом распускать парламент", "разрешение похоронить"
    if token.rel in ("obj", "obl") and token.pos == "NOUN" and head.lemma in UNREAL_VERBS - {"намеренный", "намерен"} and \
            head.lemma not in ("планировать", "готовиться"):
        return True  # "добивались экстрадиции", "потребовал отставки": asked for, not (yet) done
    if token.pos == "VERB" and any(c.rel == "mark" and c.lemma == "чтобы" for c in sentence.children(token.index)):
        return True  # "потребовала, чтобы США экстрадировали его"
    if token.rel in ("obj", "obl") and head.pos == "VERB" and head.feats.get("VerbForm") == "Inf" and \
            _unreal(sentence, head):
        return True  # "имеет полномочия объявить о роспуске парламента"
    if token.rel == "nsubj" and token.pos == "NOUN" and head.lemma in UNREAL_VERBS and \
            any(c.rel == "xcomp" for c in sentence.children(head.index)):
        return True  # "похороны собирались провести": the parser took the object for the subject
    return token.rel == "xcomp" and token.pos == "VERB" and head.lemma in UNREAL_VERBS


_MONTHS = {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
           "ноябрь", "декабрь"}


# "не раз", "не только", "не менее": a "не" that does not deny the verb
_NOT_DENYING = {"раз", "только", "однажды", "лишь", "менее", "более", "больше", "меньше", "позднее", "позже",
                "ранее", "сразу", "впервые", "случайно", "зря", "напрасно"}


def _negated(sentence: Sentence, verb: Token) -> bool:
    """"не погиб", "не был задержан": the verb is denied by its own "не"."""
    for child in sentence.children(verb.index):
        if child.lemma != "не" or child.rel not in ("advmod", "neg"):
            continue
        after = next((t for t in sentence.tokens if t.start > child.start), None)
        if after is not None and after.lemma.lower() in _NOT_DENYING:
            continue
        return True
    return False


def qualified_noun(sentence: Sentence, token: Token) -> Token | None:
    """The noun a full participle qualifies ("Петров, назначенный 2 июня" -> "Петров")."""
    if token.rel != "acl" or token.feats.get("VerbForm") != "Part":
        return None
    return next((t for t in sentence.tokens if t.index == token.head and t.pos in ("NOUN", "PROPN")), None)


def _reported(sentence: Sentence, participle: Token) -> bool:
    """"Петров, назначенный 2 июня", "назначенный ещё Андреем Соколовым": a participle that says
    when or by whom reports the happening, not only describes someone."""
    if participle.rel != "acl":
        return False
    if _reported_before_noun(sentence, participle):
        return True
    noun = qualified_noun(sentence, participle)
    of_person = noun is not None and _is_person(noun)
    for child in sentence.children(participle.index):
        if child.rel == "advmod" and child.lemma in _DAY_ADVERBS and of_person:
            return True  # "брат скончавшегося накануне мэра": the day it happened to someone is told
        if child.rel not in ("obl", "obl:agent", "xcomp"):
            continue
        if child.pos == "PROPN" and child.feats.get("Case") == "Ins":
            return True
        words = {child.lemma} | {g.lemma for g in sentence.children(child.index)}
        if words & _MONTHS or "год" in words and any(g.pos in ("NUM", "ADJ") for g in sentence.children(child.index)):
            return True
        if participle.lemma in ("задержать", "арестовать") and child.lemma == "подозрение" and "по" in words:
            return True  # "Насир, арестованный по подозрению в терроризме": an arrest told
    return False


# adverbs that tell the day something happened
_DAY_ADVERBS = frozenset("накануне вчера позавчера сегодня ночью утром вечером днём днем".split())


def _reported_before_noun(sentence: Sentence, participle: Token) -> bool:
    """"похищенный боевиками журналист", "задержанный в Омске депутат": a passive participle before
    the person it qualifies, naming who did it or where, reports the happening done to that person
    ("убитый горем отец" names no doer, "задержанный в Москве рейс" is no person)."""
    noun = qualified_noun(sentence, participle)
    if noun is None or noun.start < participle.start or participle.feats.get("Voice") != "Pass" or \
            not (_is_person(noun) or done_by_someone(participle) and noun.pos == "NOUN" and
                 noun.feats.get("Animacy") == "Anim"):
        return False  # (of a harm an animate noun will do: "раненный охранником убийца" was wounded too)
    for child in sentence.children(participle.index):
        prep = _case_of(sentence, child)
        # the parser may call the doer an indirect object ("застреленный полицейским грабитель") or,
        # of a harm done, a predicate ("раненный охранником грабитель"; not "назначенный министром")
        rels = ("obl", "obl:agent", "iobj") + (("xcomp",) if done_by_someone(participle) else ())
        if child.rel in rels and prep is None and child.feats.get("Case") == "Ins" and \
                child.feats.get("Animacy") != "Inan" and _is_person(child):
            return True
        if child.rel == "obl" and prep in ("в", "во") and child.pos == "PROPN" and child.feats.get("Case") == "Loc":
            return True
        if child.rel == "advmod" and child.lemma.lower() in _NEWS_DAYS:
            return True  # "задержанный накануне депутат": a happening of the news, on a day
    return False


# the days a news report tells a happening on by an adverb
_NEWS_DAYS = {"вчера", "сегодня", "накануне", "позавчера"}


def _charged(sentence: Sentence, token: Token) -> bool:
    """"обвинён в убийстве", "прокуратура обвинила X в …": a charge, not a reproach."""
    children = sentence.children(token.index)
    if not any(c.rel == "obl" and _case_of(sentence, c) == "в" for c in children):
        return False
    if token.feats.get("Voice") == "Pass" and token.feats.get("Variant") == "Short":
        return True
    return any(c.rel == "nsubj" and c.lemma.lower() in PROSECUTORS for c in children)


def _family_at(sentence: Sentence, token: Token, lemma: str,
               families: tuple[Family, ...]) -> tuple[Family, Token | None] | None:
    """The family whose word this is and whose companion the word's phrase names, with the
    companion's head when it is a phrase with a preposition (None for an object)."""
    verb = token.pos in ("VERB", "AUX")
    for family in families:
        if lemma not in family.words:
            continue
        for child in sentence.children(token.index) + (_object_phrases(sentence, token) if verb and family.preps else []):
            if verb and child.rel == "nsubj" and child.start > token.start and child.feats.get("Animacy") == "Inan" \
                    and family.preps is None and child.lemma.lower() in family.objects:
                return family, None  # "провозгласило независимое государство": an object the parser took for a subject
            if child.rel not in (("obj", "obl", "nsubj:pass", "iobj", "xcomp", "nmod") if verb else ("nmod", "obl")):
                continue
            prep = _case_of(sentence, child)
            if family.preps is not None and prep not in family.preps:
                continue
            companion = child if family.preps is not None else None
            if not family.objects or child.lemma.lower() in family.objects:
                return family, companion
            # "вступил в ЧСДП", "перешёл в «Зенит»", "купил Genentech": an organisation's name; for
            # a purchase only the bought thing ("купил билет в Москву" buys no Moscow)
            direct = family.preps is not None or child.rel in ("obj", "nsubj:pass") or \
                (not verb and prep is None and child.feats.get("Case") in ("Gen", None))  # "покупка Monsanto"
            if family.names and direct and _organisation_name(child):
                return family, companion
    return None


def _object_phrases(sentence: Sentence, verb: Token) -> list[Token]:
    """"исключили Панова из партии": the parser may hang the verb's phrase on its object."""
    return [c for o in sentence.children(verb.index) if o.rel in ("obj", "nsubj:pass")
            for c in sentence.children(o.index) if c.rel == "nmod" and _case_of(sentence, c)]


def _organisation_name(token: Token) -> bool:
    """A name that may be an organisation's: not a country, region or part of the world."""
    if token.pos != "PROPN" and not (token.text.isupper() and len(token.text) > 1) and \
            not (token.feats.get("Foreign") == "Yes" and token.text[:1].isupper()):  # "купил Loral Systems"
        return False
    return token.lemma.lower() not in COUNTRIES | REGIONS | AREAS


def _soon_after(sentence: Sentence, token: Token, words: tuple[str, ...], window: int) -> bool:
    """The lemmas `words`, in a row, within `window` tokens after `token`."""
    following = [t.lemma for t in sentence.tokens if t.start > token.start][:window + len(words)]
    return any(tuple(following[i:i + len(words)]) == words for i in range(len(following)))


def _conjoined_subjects(sentence: Sentence, verb: Token) -> list[Token]:
    """"Закон был принят Госдумой и одобрен Советом Федерации": the second verb's subject is the first's."""
    if verb.rel != "conj" or any(c.rel.startswith("nsubj") for c in sentence.children(verb.index)):
        return []
    return [c for c in sentence.children(verb.head) if c.rel == "nsubj:pass"] if verb.head is not None else []


def _shared_objects(sentence: Sentence, verb: Token) -> list[Token]:
    """"похитил и убил Чжан": a verb without an object shares that of the verb joined to it."""
    if any(c.rel == "obj" for c in sentence.children(verb.index)):
        return []
    return [c for v in sentence.children(verb.index) if v.rel == "conj" and v.pos == "VERB"
            for c in sentence.children(v.index) if c.rel == "obj"]


def _person_done_to(sentence: Sentence, verb: Token) -> bool:
    """"отравили офицера", "Петров был похоронен", "оправдал журналиста": the verb's object, or
    the subject of its passive, is a person (not grabbed by the hand: "схватил его за руку")."""
    children = sentence.children(verb.index)
    if any(c.rel == "obl" and _case_of(sentence, c) == "за" for c in children):
        return False
    people = [c for c in children + _shared_objects(sentence, verb) if c.rel in ("obj", "nsubj:pass") and _is_person(c)]
    qualified = qualified_noun(sentence, verb)  # "отравленная женщина", "похороненный в Риме поэт"
    return bool(people) or qualified is not None and _is_person(qualified)


def _crash(sentence: Sentence, verb: Token) -> bool:
    """"самолёт разбился", "разбился на мотоцикле", "вертолёт упал", "поезд столкнулся с автобусом":
    a craft crashes (hopes are not dashed, nor rates falling)."""
    children = sentence.children(verb.index)
    craft = AIRCRAFT if verb.lemma in FALL_VERBS else CRAFT
    if any(c.rel.startswith("nsubj") and c.lemma.lower() in craft for c in children):
        return True
    if verb.lemma in FALL_VERBS:
        return False
    prep = "с" if verb.lemma in COLLIDE_VERBS else "на"
    return any(c.rel == "obl" and c.lemma.lower() in CRAFT and _case_of(sentence, c) in (prep, prep + "о")
               for c in children)


# what one votes for or against that is no candidate: a law, a ratification, a resignation
MEASURES = LAWS | DRAFTS | AGREEMENTS | {"ратификация", "импичмент", "отставка", "вопрос", "предложение", "инициатива",
                                         "решение", "поправка", "вотум", "недоверие", "доверие", "отмена", "продление"}
# the ceremonies "церемония" is named by with a genitive, and their labels ("церемония коронации"
# is told by the noun's own type); not an opening, whose genitive names the happening it opens
CEREMONY_LABELS = {"вручение": "вручение награды", "награждение": "вручение награды", "прощание": "прощание",
                   "похороны": "похороны", "погребение": "похороны", "отпевание": "отпевание"}
# "приговорён к смерти", "к смертной казни": the penalty a court set, not a death or an execution
SENTENCING_WORDS = {"приговорить", "приговаривать", "приговор", "осудить", "осуждать"}


def _vote_on_measure(sentence: Sentence, token: Token) -> bool:
    """"проголосовали за ратификацию", "против законопроекта", "голосование по поправкам": a vote
    on a measure (a law, a resignation), not for a person or a party."""
    return any(c.rel in ("obl", "nmod") and _case_of(sentence, c) in ("за", "против", "по") and
               (c.lemma in MEASURES or c.lemma in DRAFTS or c.pos == "NOUN" and c.lemma.endswith(("ние", "тие")))
               for c in sentence.children(token.index))  # a deed: "за переименование улиц", "за продление


def _read_by_head(sentence: Sentence, token: Token, lemma: str) -> bool:
    """A noun whose happening its head word already tells, or tells did not happen: the
    qualifier of "акция протеста", the penalty of "приговорён к смерти", the deed of
    "покушение на убийство" (attempted, not done)."""
    head = next((t for t in sentence.tokens if t.index == token.head), None)
    if head is None or token.rel not in ("nmod", "obl"):
        return False
    prep = _case_of(sentence, token)
    if head.lemma in QUALIFIED_NOUNS and prep is None and lemma in QUALIFIED_NOUNS[head.lemma][1]:
        return True
    if head.lemma in SENTENCING_WORDS and prep == "к":
        return True
    if head.lemma == "церемония" and prep is None and token.rel == "nmod" and \
            (lemma in CEREMONY_LABELS or NOUNS.get(lemma) == "Ceremony"):
        return True  # "церемония вручения премии", "церемония коронации": one ceremony, told at "церемония"
    if lemma == "отставка" and prep == "в" and head.lemma in ("уход", "выход", "отправка"):
        return True  # "объявил об уходе в отставку": one resignation
    return head.lemma == "покушение" and prep == "на"


def _speech_given(sentence: Sentence, noun: Token) -> bool:
    """"выступил с речью", "выступала с докладом": the noun is the phrase of a verb of speaking that
    happened (the noun is the word, as the parser hangs the congress it was given at on it)."""
    head = next((t for t in sentence.tokens if t.index == noun.head), None)
    return head is not None and noun.rel == "obl" and head.lemma in ("выступить", "выступать") and \
        _case_of(sentence, noun) in ("с", "со") and head.feats.get("Tense") != "Pres" and not _unreal(sentence, head)


def _killed_in_crash(sentence: Sentence, verb: Token) -> bool:
    """"Петров разбился насмерть", "разбился в ДТП": a person, not a craft or a vase, was killed."""
    children = sentence.children(verb.index)
    if not any(c.rel == "nsubj" and (_is_person(c) or c.feats.get("Animacy") == "Anim") and
               c.lemma.lower() not in CRAFT for c in children):
        return False
    return any(c.lemma == "насмерть" for c in children) or any(
        c.rel == "obl" and c.lemma.lower() in CRASHES and _case_of(sentence, c) in ("в", "во", "при") for c in children)


# harms one person does to another, whose passive participle's instrumental person is the doer
HARMS = {"Killing", "Injury", "Attack", "Detention", "Arrest"}


def done_by_someone(participle: Token) -> bool:
    """"раненный охранником", "задержанный полицейским": a harm whose instrumental person did it
    (unlike "назначенный министром", the post one was given)."""
    return VERBS.get(participle.lemma) in HARMS or participle.lemma in ("похитить", "отравить")


def _qualifies_person(sentence: Sentence, participle: Token) -> bool:
    """"похищенный боевиками журналист": the participle tells of a person."""
    noun = qualified_noun(sentence, participle)
    return noun is not None and _is_person(noun)


def _is_person(token: Token) -> bool:
    """A name, a person noun or a personal pronoun: one who can be kidnapped, unlike a purse."""
    from .groups import person_lemma

    return token.pos == "PROPN" or bool(person_lemma(token)) or \
        token.pos == "PRON" and token.feats.get("Animacy") != "Inan" and token.lemma in ("он", "она", "они")


# "ЧМ-2018", "Сочи-2014", "Олимпиада-80": a tournament or games named by host or kind and year
GAMES = ("чм", "че", "евро", "олимпиад", "паралимпиад", "универсиад", "евровидени", "мундиал", "сочи", "рио",
         "лондон", "пекин", "ванкувер", "пхенчхан", "токио", "казань")
_GAMES_OF_YEAR = re.compile(r"^([а-яё]+)-(\d{2}|(?:19|20)\d\d)$")


def _games_of_year(token: Token) -> bool:
    """"ЧМ-2018", "Олимпиада-80": a kind of games or a host city joined to a year."""
    match = _GAMES_OF_YEAR.match(token.text.lower())
    return bool(match) and token.text[:1].isupper() and match.group(1).startswith(GAMES)


# "литературные мероприятия", "публичные мероприятия": events of a named kind, not measures
# (memorial ones are commemorations, read there)
EVENT_KINDS = {"литературный", "торжественный", "праздничный", "культурный", "спортивный", "массовый",
               "благотворительный", "музыкальный", "протестный", "публичный", "партийный", "официальный"}
# "показы пройдут в трёх кинотеатрах": plural happenings said to take place are a series held
TAKE_PLACE = {"пройти", "проходить", "состояться", "начаться", "завершиться", "открыться", "продлиться"}


def _takes_place(sentence: Sentence, token: Token, any_tense: bool = False) -> bool:
    """"показы пройдут", "мероприятия состоялись": the noun is the subject of a verb of taking place."""
    head = next((t for t in sentence.tokens if t.index == token.head), None)
    if head is not None and head.lemma == "быть" and token.rel == "nsubj":  # "будут проходить"
        head = next((t for t in sentence.tokens if t.head == head.index and t.lemma in TAKE_PLACE), head)
    if head is None or token.rel != "nsubj":
        return False
    if not any_tense and head.feats.get("Tense") == "Pres" and head.feats.get("Aspect") == "Imp":
        return False  # "выставки собак проходят каждую весну": a custom, not a series held
    return head.lemma in TAKE_PLACE or any(c.lemma in TAKE_PLACE for c in sentence.children(head.index)
                                           if c.rel in ("xcomp", "aux"))


def _case_of(s: Sentence, token: Token) -> str | None:
    return s.preposition(token)


def _number(sentence: Sentence, token: Token) -> str | None:
    """A noun's number; of a capitalised first word taken for a name, the number of its verb."""
    if token.pos == "PROPN" and token.rel == "nsubj":
        verb = next((t for t in sentence.tokens if t.index == token.head), None)
        if verb is not None and verb.feats.get("Number"):
            return verb.feats["Number"]
    return token.feats.get("Number")


# bodies that sit in sessions ("сессия парламента", "сессия Генеральной ассамблеи")
SITTING_BODIES = set(DISSOLVED.split()) | {"генассамблея", "оон", "пасе", "юнеско", "мажилис", "верховный"}
# the stages of a contest: "тур чемпионата", "групповой этап Лиги чемпионов", "отборочный раунд"
STAGE_NOUNS = {"тур", "этап", "раунд", "круг"}
STAGE_KINDS = {"групповой", "отборочный", "квалификационный", "финальный", "полуфинальный"}


def _contest(sentence: Sentence, token: Token) -> bool:
    """"чемпионата", "Лиги чемпионов": a word that tells a competition."""
    trigger = trigger_at(sentence, token)
    return trigger is not None and trigger.type == "Competition"


def _after_quote(sentence: Sentence, token: Token) -> bool:
    """«Голодные игры»: a title in quotes, not a happening."""
    before = [t for t in sentence.tokens if t.start < token.start]
    return any(t.text in ("«", '"', "“", "„") for t in before[-3:])


# happenings whose names are written with a capital ("Геноцид армян", "Олимпиады в Рио")
PROPER_EVENTS = {"геноцид", "война", "революция", "олимпиада", "паралимпиада", "универсиада", "холокост"}


def _capitalised_first(sentence: Sentence, token: Token) -> bool:
    """"Выборы прошли мирно": the parser takes a capitalised first word for a name."""
    return all(t.pos == "PUNCT" for t in sentence.tokens if t.start < token.start)


def _named_happening(sentence: Sentence, token: Token) -> bool:
    """"открытие Игр": a noun the lexicon knows only with a qualifier, named without it."""
    return token.lemma in QUALIFIED_NOUNS and token.text[:1].isupper()


def _stance(sentence: Sentence, token: Token) -> bool:
    """"выступил с заявлением", "выступил против", "выступление на пресс-конференции"."""
    for child in sentence.children(token.index):
        words = {child.lemma} | {c.lemma for c in sentence.children(child.index) if c.rel in ("case", "fixed")}
        if words & STANCE_WORDS:
            return True
        if child.pos == "NOUN" and child.feats.get("Case") == "Ins" and len(words) == 1:
            return True  # "выступил свидетелем", "операторами выступили": served as
    return False


def _goes_to_place(sentence: Sentence, token: Token) -> bool:
    """"уехал в Лондон", "вернулся на родину": the verb names where to, a place the text names."""
    for child in sentence.children(token.index):
        prep = {c.lemma for c in sentence.children(child.index) if c.rel == "case"}
        if child.rel == "obl" and prep & {"в", "во", "на"} and child.feats.get("Case") == "Acc" and \
                (child.pos == "PROPN" or child.lemma in ("родина", "столица", "страна", "город")):
            return True
    return False


def _memorial(sentence: Sentence) -> bool:
    return any(t.lemma in MEMORIAL_WORDS for t in sentence.tokens)


def _to_pension(sentence: Sentence, token: Token) -> bool:
    """"ушёл на пенсию", "уход на пенсию": retired."""
    return any(c.lemma == "пенсия" and _case_of(sentence, c) == "на" for c in sentence.children(token.index)
               if c.rel in ("obl", "nmod"))


def _post_phrase(sentence: Sentence, token: Token) -> bool:
    """"освободить от должности", "снять с поста", "отправить в отставку"."""
    for child in sentence.children(token.index):
        if child.rel in ("obl", "obj") and (child.lemma in POSTS or child.lemma == "отставка"):
            prep = {c.lemma for c in sentence.children(child.index) if c.rel == "case"}
            if prep & {"от", "с", "со", "в"}:
                return True
        if child.rel == "obl" and child.lemma == "исполнение" and _case_of(sentence, child) == "от" and \
                any(c.lemma in POSTS for c in sentence.children(child.index)):
            return True  # "отстранён от исполнения обязанностей"
    return False


def _names_someone(sentence: Sentence, token: Token) -> bool:
    """An appointment or an election names the one it made: a person or a post in the
    instrumental ("назначен министром"), or a post ("на пост директора")."""
    from .groups import person_lemma

    qualified = qualified_noun(sentence, token)
    if qualified is not None:  # "Петров, назначенный 2 июня"
        return qualified.pos == "PROPN" or person_lemma(qualified) is not None
    for child in sentence.children(token.index):
        # "его избрали в Сенат", "избрала 31 члена Госсовета": a pronoun or a member names a person too
        if child.rel in ("obj", "nsubj:pass", "nsubj") and (_is_person(child) or child.lemma == "член"):
            if child.rel != "nsubj" or token.feats.get("Voice") == "Pass" or token.feats.get("Variant") == "Short":
                return True
        if child.rel in ("obl", "xcomp", "obj") and child.feats.get("Case") == "Ins" and child.pos == "NOUN":
            return True
        if child.rel in ("obl", "xcomp") and child.feats.get("Case") == "Ins" and child.feats.get("VerbForm") == "Part":
            return True  # "назначен исполняющим обязанности"
        if child.rel == "obl" and child.lemma in POSTS:
            return True
    return False


def _took_lives(sentence: Sentence, token: Token, lemmas: set[str]) -> bool:
    """"унёс жизни": took lives, the death of those named."""
    return token.lemma in ("унести", "уносить") and "жизнь" in lemmas and token.feats.get("Tense") != "Fut" and \
        (token.feats.get("VerbForm") != "Part" or token.rel == "root")


# what one confesses to: "признался в употреблении кокаина", "сознался в убийстве" (a happening told by
# a trigger will do as well)
CONFESSED = {"преступление", "мошенничество", "употребление", "отмывание", "хищение", "кража", "измена", "шпионаж",
             "коррупция", "взяточничество", "получение", "дача", "растрата", "махинация", "подлог", "допинг",
             "нарушение", "вымогательство", "домогательство", "насилие", "злоупотребление", "уклонение", "вандализм"}
# monuments taken down: "снесли памятник", "демонтирован монумент"
MONUMENTS = {"памятник", "монумент", "статуя", "мемориал", "бюст", "стела", "обелиск", "скульптура"}


# "утвердил главой", "утверждён председателем": heads of bodies (person nouns are found by groups.person_lemma)
OFFICE_WORDS = {"глава", "председатель", "президент", "премьер", "премьер-министр", "министр", "директор", "руководитель",
                "губернатор", "мэр", "посол", "командующий", "начальник", "спикер", "канцлер", "генпрокурор"}


# "поднялся на вершину", "взошёл на гору", "покорил пик Ленина", "восхождение на Эльбрус"
ASCENT_VERBS = {"подняться", "взойти", "покорить", "совершить"}
SUMMITS = {"вершина", "гора", "пик", "высочайший"}


def _to_summit(sentence: Sentence, token: Token, verb: bool) -> bool:
    """A mountain climbed: a summit (not the top of a chart: "вершина хит-парада" names a
    thing of no mountain), or a name after "на" for the noun "восхождение"."""
    for child in sentence.children(token.index):
        prep = _case_of(sentence, child)
        if token.lemma in ("покорить", "покорение"):
            ok = child.rel in (("obj",) if verb else ("nmod",)) and prep is None and child.lemma in SUMMITS
        elif token.lemma == "совершить":
            ok = child.rel == "obj" and child.lemma == "восхождение" and _to_summit(sentence, child, verb=False)
        else:
            ok = child.rel in ("obl", "nmod") and prep == "на" and (
                child.lemma in SUMMITS or not verb and child.pos == "PROPN" and child.lemma.lower() not in COUNTRIES)
        if ok and child.lemma in SUMMITS and any(g.rel == "nmod" and g.pos == "NOUN" for g in sentence.children(child.index)):
            ok = False  # "на вершину рейтинга", "вершина карьеры"
        if ok:
            return True
    return False


def _confirmed_in_post(sentence: Sentence, verb: Token) -> bool:
    """"утвердил Иванова главой", "утверждён на пост премьера": a person confirmed in a post (not a budget)."""
    from .groups import person_lemma

    children = sentence.children(verb.index)
    person = any(c.rel in ("obj", "nsubj:pass") and _is_person(c) for c in children) or \
        (qualified_noun(sentence, verb) is not None and _is_person(qualified_noun(sentence, verb)))
    post = any(c.rel == "obl" and c.lemma in POSTS and _case_of(sentence, c) == "на" or
               c.rel in ("obl", "xcomp") and c.feats.get("Case") == "Ins" and c.pos == "NOUN" and
               (c.lemma in OFFICE_WORDS or person_lemma(c)) for c in children)
    return post and (person or any(c.rel == "obl" and c.lemma in POSTS for c in children))


def _left_road(sentence: Sentence, verb: Token) -> bool:
    """"автобус въехал в остановку", "выехал на автомобиле на велодорожку", "машина пересекла
    встречную полосу": a vehicle (or one driving it) went where no vehicle should."""
    children = sentence.children(verb.index)
    # (the parser may hang "на автомобиле" on the driver)
    phrases = children + [g for c in children if c.rel == "nsubj" for g in sentence.children(c.index) if g.rel == "nmod"]
    driven = any(c.rel == "nsubj" and c.lemma.lower() in CRAFT for c in children) or any(
        c.rel in ("obl", "nmod") and c.lemma.lower() in CRAFT and _case_of(sentence, c) == "на" for c in phrases)
    if not driven:
        return False
    rels = ("obj",) if verb.lemma == "пересечь" else ("obl",)
    return any(c.rel in rels and c.lemma in ROADSIDE and (verb.lemma == "пересечь" or _case_of(sentence, c) in ("в", "во", "на"))
               for c in children)


def _left_organisation(sentence: Sentence, token: Token) -> bool:
    """"ушёл из группы", "уход из Microsoft": the phrase with "из" names a body one belongs to."""
    return any(c.rel in ("obl", "nmod") and _case_of(sentence, c) == "из" and (c.lemma in DEPARTED or _organisation_name(c))
               for c in sentence.children(token.index))


def _own_will(sentence: Sentence, token: Token) -> bool:
    """"ушёл по собственному желанию": of one's own will, the wording of a resignation."""
    return any(c.lemma == "желание" and _case_of(sentence, c) == "по" and
               any(g.lemma in ("собственный", "свой") for g in sentence.children(c.index))
               for c in sentence.children(token.index))


def _to_hospital(sentence: Sentence, token: Token) -> bool:
    """"доставлен в больницу", "доставили в ожоговый центр"."""
    for child in sentence.children(token.index):
        if child.rel not in ("obl", "obj"):
            continue
        if child.lemma == "один" and any(c.lemma in HOSPITALS for c in sentence.children(child.index)):
            return True  # "доставлен в одну из больниц"
        if child.lemma in HOSPITALS or child.lemma in WARDS and \
                any(c.lemma in WARD_KINDS for c in sentence.children(child.index) if c.rel == "amod"):
            return True
    return False


def _obl_lemmas(sentence: Sentence, token: Token) -> set[str]:
    return {c.lemma for c in sentence.children(token.index) if c.rel in ("obl", "obj")}


def _has_hostage(sentence: Sentence, token: Token) -> bool:
    return any(c.lemma in HOSTAGE_WORDS for c in sentence.children(token.index))


def _carries_people(sentence: Sentence, vehicle: Token) -> bool:
    """"автомобиль с семьёй", "машину с водителем": people seized with the vehicle."""
    from .groups import person_lemma

    for child in sentence.children(vehicle.index):
        if child.rel == "nmod" and any(c.lemma == "с" for c in sentence.children(child.index)):
            if child.lemma in ("семья",) or person_lemma(child):
                return True
    return False


CUSTODY = {"колония", "тюрьма", "изолятор", "сизо", "лагерь", "плен", "заключение", "конвой",
           "больница", "суд", "учреждение", "зона", "камера", "изолятора"}


def _escape_from_custody(sentence: Sentence, verb: Token) -> bool:
    """An escape is from custody: an inmate runs, or runs "из колонии", "из-под конвоя"."""
    from .groups import INMATE_NOUNS, person_lemma

    for child in sentence.children(verb.index):
        if child.rel.startswith("nsubj") and person_lemma(child) in INMATE_NOUNS:
            return True
        if child.rel == "obl" and any(c.lemma in ("из", "из-под") for c in sentence.children(child.index)):
            if child.lemma in CUSTODY or child.pos == "PROPN":
                return True
    return False


# where one flees to or from: "бежал в США", "бежал из страны", "сбежала из дома", "бежал за границу"
FLED_FROM = {"страна", "родина", "дом", "город", "столица", "граница", "рубеж"}


def _flight(sentence: Sentence, verb: Token) -> bool:
    """"бежал в США", "сбежали из страны": one fled a country or home (not "бежал в магазин")."""
    for child in sentence.children(verb.index):
        if child.rel == "obl" and _case_of(sentence, child) in ("в", "во", "из", "за") and \
                (child.pos == "PROPN" or child.lemma.lower() in COUNTRIES | FLED_FROM):
            return True
    return False

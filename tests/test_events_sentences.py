"""The events layer on sentences of our own (none copied from the corpora): each incident type,
active and passive voice, coordination, anonymous people with counts and ages, kinship terms,
commemorations. Each case lists facts that must be read; negative cases list what must not."""

from __future__ import annotations

import pytest

from events_helpers import summary

CASES = [
    # attacks: active, passive, "на"-object, numerals, instruments
    ("Вчера двое грабителей напали на инкассатора у банка.",
     {"Attack", "Attack.perpetrator=грабители", "Attack.victim=инкассатор", "group:грабители=2"}),
    ("На пенсионерку напал неизвестный мужчина.",
     {"Attack.perpetrator=неизвестный мужчина", "Attack.victim=пенсионерка", "gender:пенсионерка=female"}),
    ("Охранник был избит тремя нападавшими.",
     {"Attack.perpetrator=нападавшие", "Attack.victim=охранник", "group:нападавшие=3"}),
    ("Грабитель ударил продавца молотком.",
     {"Attack.perpetrator=грабитель", "Attack.victim=продавец", "instrument:молоток"}),
    ("Мужчина, вооружённый обрезом, напал на кассира.",
     {"Attack.perpetrator=мужчина", "Attack.victim=кассир", "instrument:обрез"}),
    ("Шестеро боевиков атаковали блокпост.", {"Attack.perpetrator=боевики", "group:боевики=6"}),
    # killings
    ("Неизвестный застрелил водителя такси.",
     {"Killing.perpetrator=неизвестный", "Killing.victim=водитель", "died:водитель"}),
    ("Бизнесмен Иван Петров был убит в своём доме.", {"Killing.victim=Иван Петров", "died:Иван Петров"}),
    ("Преступники убили мужчину и женщину.",
     {"Killing.perpetrator=преступники", "Killing.victim=мужчина", "Killing.victim=женщина",
      "gender:мужчина=male", "gender:женщина=female"}),
    ("Нападавшие убили охранника и его напарника.",
     {"Killing.victim=охранник", "Killing.victim=напарник", "died:напарник"}),
    ("Один нападавший был убит, второй задержан.", {"Killing.victim=нападавший", "Detention"}),
    # deaths: a casualty of the incident the death happened in ("при взрыве", "в ДТП")
    ("Полицейский погиб при взрыве.", {"Explosion.casualty=полицейский", "died:полицейский"}),
    ("В ДТП погибли двое подростков.", {"Accident.casualty=подростки", "died:подростки", "group:подростки=2"}),
    ("Пожилая женщина скончалась в больнице.", {"Death.casualty=пожилая женщина", "Death@больница"}),
    ("Погибла 38-летняя женщина.", {"Death.casualty=38-летняя женщина", "age:38-летняя женщина=38"}),
    ("В аварии погиб мужчина в возрасте 45 лет.", {"Accident.casualty=мужчина", "age:мужчина=45", "died:мужчина"}),
    ("Солдат погиб, защищая товарищей.", {"Death.casualty=солдат", "died:солдат"}),
    ("Двое преступников погибли в перестрелке с полицией.",
     {"Shootout.casualty=преступники", "died:преступники", "group:преступники=2"}),
    ("Мужчина и его сын погибли при пожаре.",
     {"Fire.casualty=мужчина", "Fire.casualty=сын", "kin:мужчина-parent-сын"}),
    # escapes
    ("Четверо осуждённых совершили побег из колонии.",
     {"Escape", "Escape.perpetrator=осуждённые", "group:осуждённые=4"}),
    ("Трое заключённых бежали из следственного изолятора.",
     {"Escape.perpetrator=заключённые", "group:заключённые=3"}),
    # vehicles and hostages
    ("Злоумышленники угнали автомобиль у местного жителя.",
     {"VehicleSeizure.perpetrator=злоумышленники", "VehicleSeizure.victim=местный житель"}),
    ("Бандиты захватили автобус с пассажирами.",
     {"VehicleSeizure", "HostageTaking", "HostageTaking.hostage=пассажиры", "HostageTaking.perpetrator=бандиты"}),
    ("Боевики взяли в заложники двух врачей.",
     {"HostageTaking.hostage=врачи", "HostageTaking.perpetrator=боевики", "group:врачи=2"}),
    # law enforcement, courts, careers
    ("Двое мужчин были задержаны сотрудниками полиции.",
     {"Detention.detainee=мужчины", "Detention.lawEnforcement=сотрудники полиции", "group:мужчины=2"}),
    ("Полиция задержала подозреваемого.", {"Detention"}),
    ("Суд приговорил Сергея Волкова к восьми годам лишения свободы.", {"Sentencing.recipient=Сергей Волков"}),
    ("Министр Олег Смирнов ушёл в отставку.", {"Resignation"}),
    ("Директор завода уволился по собственному желанию.", {"Resignation"}),
    # injuries, shootouts
    ("В результате взрыва пострадали пятеро рабочих.", {"Explosion", "Injury.victim=рабочие", "group:рабочие=5"}),
    ("Неизвестные ранили охранника ножом.", {"Injury.perpetrator=неизвестные", "Injury.victim=охранник"}),
    ("Пострадал пятилетний мальчик.", {"Injury.victim=пятилетний мальчик", "age:пятилетний мальчик=5"}),
    ("На блокпосту произошла перестрелка.", {"Shootout"}),
    # kinship
    ("Вдова погибшего рассказала о муже.", {"kin:погибший-spouse-вдова", "gender:вдова=female"}),
    ("Женщина с дочерью и внуком попала в аварию.",
     {"kin:женщина-parent-дочь", "kin:женщина-relative-внук", "gender:внук=male"}),
    ("Дочь погибшего офицера получила награду.", {"kin:офицер-parent-дочь"}),
    ("В машине находились пенсионер, муж его дочери и его внук.",
     {"kin:пенсионер-parent-дочь", "kin:дочь-spouse-муж", "kin:пенсионер-relative-внук"}),
    ("Вдова погибшего пожарного получила его награду.", {"kin:пожарный-spouse-вдова"}),
    ("Двое грабителей напали на кассира. Один из грабителей был задержан полицией.",
     {"Detention.detainee=грабитель", "inGroup:грабитель=грабители", "group:грабители=2"}),
    # commemorations
    ("12 апреля в городе отмечается День памяти погибших спасателей.",
     {"CommemorativeDay:--04-12", "honours:погибшие спасатели"}),
    ("Пожарный Андрей Козлов был посмертно награждён орденом Мужества.",
     {"award:орден Мужества", "posthumous", "AwardConferral.recipient=Андрей Козлов", "honours:Андрей Козлов"}),
    ("Сержант Павел Орлов награждён медалью «За отвагу».",
     {"award:медаль «За отвагу»", "AwardConferral.recipient=Павел Орлов"}),
    ("На фасаде школы открыли мемориальную доску в память о погибшем выпускнике.",
     {"Memorial", "MemorialEvent", "honours:выпускник"}),
    ("Жители почтили память погибших минутой молчания.", {"MemorialEvent", "honours:погибшие"}),
    ("Ученики возложили цветы к памятнику героям.",
     {"Memorial", "MemorialEvent", "honours:герои", "MemorialEvent.organizer=ученики"}),
    ("Памятник погибшим милиционерам установили в центре города.", {"Memorial", "MemorialEvent"}),
    ("Академик Жорес Иванов получил Нобелевскую премию.",
     {"award:Нобелевская премия", "AwardConferral.recipient=Жорес Иванов"}),
    ("В 2010 году писательница Анна Белова была удостоена премии «Большая книга».",
     {"award:премия «Большая книга»", "AwardConferral.recipient=Анна Белова"}),
    ("Заключённый сбежал из-под конвоя.", {"Escape.perpetrator=заключённый"}),
    ("Двое заключённых бежали из колонии.", {"Escape.perpetrator=заключённые", "group:заключённые=2"}),
    # careers: who appointed, dismissed or resigned (actor) and whom it concerned (participant)
    ("Президент Олег Смирнов назначил Ивана Петрова министром обороны.",
     {"Appointment.actor=Олег Смирнов", "Appointment.participant=Иван Петров"}),
    ("Иван Петров назначен начальником Главного управления МВД.",
     {"Appointment.participant=Иван Петров", "Appointment<Главное управление МВД"}),
    ("Министр Олег Смирнов ушёл в отставку.", {"Resignation.actor=Олег Смирнов"}),
    ("Генерал Андрей Козлов освобождён от должности командующего округом.",
     {"Resignation.participant=Андрей Козлов"}),
    ("Губернатор Олег Смирнов уволил директора департамента Ивана Петрова.",
     {"Resignation.actor=Олег Смирнов", "Resignation.participant=Иван Петров"}),
    ("Мэром города избран бывший спортсмен Пётр Орлов.", {"Election.participant=Пётр Орлов"}),
    # a death by one's own hand
    ("Бизнесмен Олег Смирнов покончил с собой.", {"Death.casualty=Олег Смирнов", "died:Олег Смирнов"}),
    # meetings, visits, signings, protests, wars, disasters, births: who, where, when
    ("Президент Олег Смирнов встретился с премьер-министром Иваном Петровым в Москве.",
     {"Meeting.actor=Олег Смирнов", "Meeting.actor=Иван Петров", "Meeting@Москва"}),
    ("Иван Петров выступил на пресс-конференции в Москве.", {"Meeting.participant=Иван Петров", "Meeting@Москва"}),
    ("Министр Олег Смирнов посетил Казань с рабочим визитом.", {"Visit.actor=Олег Смирнов", "Visit@Казань"}),
    ("Президент Олег Смирнов подписал указ о помиловании.", {"Signing.actor=Олег Смирнов"}),
    ("В Самаре прошёл митинг против повышения тарифов.", {"Protest", "Protest@Самара"}),
    ("В 1995 году в Чечне началась военная операция.", {"MilitaryOperation", "MilitaryOperation:1995"}),
    ("Землетрясение магнитудой 6 произошло в Турции 12 марта 2020 года.",
     {"Disaster", "Disaster@Турция", "Disaster:2020-03-12"}),
    ("Иван Петров родился 5 марта 1950 года в Самаре.",
     {"Birth.participant=Иван Петров", "Birth:1950-03-05", "Birth@Самара"}),
    # a happening named inside a larger one is a part of it
    ("В ходе визита министр Иван Петров встретился с губернатором Олегом Смирновым.",
     {"Visit", "Meeting#None", "Meeting.actor=Олег Смирнов"}),
    # awards named with their holder
    ("Лауреат Нобелевской премии мира Олег Смирнов посетил Казань.",
     {"award:Нобелевская премия мира", "AwardConferral.recipient=Олег Смирнов"}),
    ("В 2001 году Иван Петров стал лауреатом премии «Золотая маска».",
     {"award:премия «Золотая маска»", "AwardConferral.recipient=Иван Петров"}),
    ("Двукратная олимпийская чемпионка Анна Белова завершила карьеру.",
     {"award:олимпийская чемпионка", "AwardConferral.recipient=Анна Белова"}),
]

# what must NOT be read: descriptions are not reports, possessives without an antecedent tie no one
NEGATIVE = [
    ("У погибшего остались жена и сын.", "Death"),
    ("Вдова погибшего рассказала о муже.", "Death"),
    ("Ветераны вспоминают погибших героев.", "Death"),
    ("Его супруга и трое детей остались без кормильца.", "kin:"),
    ("Её мать живёт в деревне.", "kin:"),
    ("Их сын учится в школе.", "kin:"),
    ("Его брат Николай работает врачом.", "kin:"),
    ("Две девочки пропали без вести.", "Killing"),
    ("Прохожие вызвали скорую помощь.", "Attack"),
    ("Бандиты, вооружённые пистолетами, ворвались в магазин.", "Killing"),
    ("В этот день ветераны вспоминают погибших товарищей.", "CommemorativeDay"),
    ("После его гибели семья переехала в город.", "Death"),
    ("«Преступники убили моего брата», — сказала она.", "Killing"),
    ("Рабочие добывали гранит в карьере.", "Attack"),
    ("Она бежала в Лондон.", "Escape"),
    ("В годовщину трагедии жители вспоминают всех, кто погиб.", "Death"),
    ("Вдова капитана Ольга Петрова вырастила двух сыновей.", "kin:Ольга Петрова"),  # fled abroad: not an escape from custody
    ("Спортсмен получил травму колена.", "AwardConferral"),
    # a penalty, a date or a meeting time is not a post given
    ("Суд назначил ему наказание в виде штрафа.", "Appointment"),
    ("Выборы назначены на март.", "Appointment"),
    # a protest rally is not a memorial event, a memorial rally not a protest
    ("В Самаре прошёл митинг против повышения тарифов.", "MemorialEvent"),
    ("В центре города прошёл траурный митинг в память о погибших.", "Protest"),
    # "операция" alone may be a surgeon's, "конфликт" alone a quarrel, "чемпион" of what?
    ("Хирург провёл операцию на сердце.", "MilitaryOperation"),
    ("Между соседями возник конфликт.", "ArmedConflict"),
    ("Чемпион района по шашкам вернулся домой.", "AwardConferral"),
    ("Майор в отставке живёт в деревне.", "Resignation"),
    # a death during a hearing: not a casualty of the hearing
    ("Обвиняемый Олег Смирнов скончался во время слушания дела.", "Trial.casualty"),
    # a day of birth is not a birth told
    ("Друзья поздравили Ивана Петрова с днём рождения.", "Birth"),
]


def test_a_headline_retells_the_body_incident_rather_than_adding_one():
    from kgbuild.extract import extract
    from kgbuild.model import Document

    text = "Умер писатель Олег Смирнов\nПисатель Олег Смирнов скончался 3 мая 2019 года в Москве."
    facts = extract(Document(id="t", text=text))
    deaths = [i for i in facts.incidents if i.type == "Death"]
    assert len(deaths) == 1
    assert [text[w.start:w.end] for w in deaths[0].retold] == ["Умер"]
    assert text[deaths[0].trigger.start:deaths[0].trigger.end] == "скончался"


@pytest.mark.parametrize("sentence,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_yields_facts(sentence, expected):
    facts = summary(sentence)
    assert expected <= facts, sorted(expected - facts)


@pytest.mark.parametrize("sentence,forbidden", NEGATIVE, ids=[c[0][:40] for c in NEGATIVE])
def test_sentence_yields_no_such_fact(sentence, forbidden):
    assert not [f for f in summary(sentence) if f.startswith(forbidden)]


def test_a_post_given_to_a_named_person_is_not_one_more_person_of_the_incident():
    from kgbuild.extract import extract
    from kgbuild.model import Document

    facts = extract(Document(id="t", text="Скончался Павел Гордеев, хирург, профессор."))
    assert [p.label for p in facts.persons] == ["Павел Гордеев"]

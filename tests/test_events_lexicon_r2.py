"""Event words of the second lexicon round: a round of a vote told by its number, a crisis of
power, a car that left the road, a person seized, a ship intercepted, a rally dispersed, surgery
told by its kind, a break-up, a boycott, a moratorium, gatherings of guests, an enthronement and
a conclave. Each with the uses it must not take. Sentences of our own."""

from __future__ import annotations

import pytest

from kgbuild.extract.nlp import analyse
from kgbuild.extract.triggers import trigger_at


def told(text: str) -> dict[str, tuple[str, str | None]]:
    """Each word the lexicon takes for a happening -> (its type, its label)."""
    out = {}
    for sentence in analyse(text).sentences:
        for token in sentence.tokens:
            trigger = trigger_at(sentence, token)
            if trigger is not None:
                out[token.text] = (trigger.type, trigger.label)
    return out


@pytest.mark.parametrize("text, word, kind, label", [
    # a round of a vote, told by its number beside a word of the ballot
    ("Во втором туре голосования участвовали два кандидата от левых партий.", "туре", "Election", None),
    ("В первом туре за мэра отдали голоса почти все избиратели Твери.", "туре", "Election", None),
    # a crisis of power, not of the economy
    ("Правительственный кризис в Эстонии затянулся на месяц.", "кризис", "Incident", "политический кризис"),
    # a vehicle that left the road, or its driver
    ("Вчера грузовик въехал в остановку на окраине Пскова.", "въехал", "Incident", "дорожное происшествие"),
    ("Легковушка пересекла разделительную полосу и перевернулась.", "пересекла", "Incident", "дорожное происшествие"),
    ("Водитель на автомобиле выехал на тротуар у рынка.", "выехал", "Incident", "дорожное происшествие"),
    # a person seized, a ship intercepted, a rally dispersed
    ("Инженер был захвачен боевиками на границе в марте.", "захвачен", "Incident", "захват"),
    ("Пограничники перехватили судно с контрабандой у побережья.", "перехватили", "Incident", "перехват"),
    ("Полиция разогнала митинг у здания мэрии.", "разогнала", "Incident", "разгон"),
    ("Для разгона демонстрантов применили водомёты.", "разгона", "Incident", "разгон"),
    # surgery and treatment by their kind
    ("Осенью хирурги ампутировали ему ступню.", "ампутировали", "Incident", "медицинская операция"),
    ("Летом певица прошла курс химиотерапии в клинике Берлина.", "химиотерапии", "Incident", "химиотерапия"),
    # a body breaking up, a boycott, a moratorium, a party, an enthronement, a conclave
    ("Распад коалиции произошёл через год после выборов.", "Распад", "Incident", "распад"),
    ("Режиссёр бойкотирует кинофестиваль в знак протеста.", "бойкотирует", "Incident", "бойкот"),
    ("Кабмин ввёл мораторий на выплату внешнего долга.", "мораторий", "Incident", "мораторий"),
    ("На вечеринке в Риге музыкант объявил о новом альбоме.", "вечеринке", "Incident", "вечеринка"),
    ("Вчера прошла интронизация нового митрополита.", "интронизация", "Ceremony", None),
    ("В понедельник в Ватикане начался конклав кардиналов.", "конклав", "Meeting", None),
])
def test_a_happening_of_the_second_round_is_told_by_its_word(text, word, kind, label):
    assert told(text)[word] == (kind, label)


@pytest.mark.parametrize("text, word", [
    ("За тур до финиша команда отстала на три очка.", "тур"),  # a round of a league, no ballot
    ("Экономический кризис ударил по малому бизнесу.", "кризис"),  # a crisis of the economy
    ("Самолёт вылетел в Новосибирск с опозданием.", "вылетел"),  # a flight, not a car off the road
    ("Повстанцы захватили власть в столице.", "захватили"),  # power seized is read by the family of seizures
    ("Защитник перехватил мяч у ворот соперника.", "перехватил"),  # a ball, not a ship
    ("Машина легко набирает разгон до сотни.", "разгон"),  # a speed
])
def test_a_word_of_the_second_round_without_its_companion_tells_no_such_happening(text, word):
    trigger = told(text).get(word)
    assert trigger is None or trigger[1] not in ("дорожное происшествие", "перехват", "разгон", "политический кризис") \
        and trigger[0] != "Election"


def test_a_description_of_one_seized_long_ago_is_no_seizure():
    # "захваченный ..." qualifies the man; the seizure is told elsewhere, if at all
    assert "захваченный" not in told("Инженер, захваченный в горах, вернулся домой.")

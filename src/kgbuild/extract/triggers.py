"""The lexicon of incident types: which words say that something happened, and what.

A trigger is a verb ("напали", "задержан") or a noun ("побег", "перестрелкой") whose lemma is
in the lexicon; a few need a companion word ("лишили жизни", "захватили автомобиль", "взяли в
заложники"). Each type says which grammatical slot holds which role.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import model as m
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
}
# noun lemma -> incident type
NOUNS: dict[str, str] = {
    "побег": "Escape", "нападение": "Attack", "атака": "Attack", "убийство": "Killing",
    "расстрел": "Killing", "гибель": "Death", "смерть": "Death", "угон": "VehicleSeizure",
    "перестрелка": "Shootout", "взрыв": "Explosion", "теракт": "Explosion",
    "задержание": "Detention", "арест": "Arrest", "приговор": "Sentencing",
    "отставка": "Resignation", "увольнение": "Resignation", "катастрофа": "Accident", "ранение": "Injury",
    "пожар": "Fire", "авария": "Accident", "дтп": "Accident", "крушение": "Accident",
    "освобождение": "Release",
}
# verb + object lemma: "лишили жизни", "захватили автомобиль", "взяли в заложники"
VEHICLES = {"автомобиль", "машина", "автобус", "грузовик", "такси", "джип", "легковушка",
            "самолёт", "самолет", "вертолёт", "вертолет", "поезд", "катер", "уаз", "жигули"}
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
}
# a subject of an intransitive death, or of a resignation, is the one it happened to
SUBJECT_IS_PATIENT = {"Death", "Resignation", "Accident"}
INTRANSITIVE = {"пострадать", "сгореть", "взорваться"}
# "совершили побег", "устроили перестрелку": the noun tells what, the verb's subject who
LIGHT_VERBS = {"совершить", "устроить", "осуществить", "предпринять", "учинить", "открыть", "вынести"}
LABELS = {
    "Escape": "побег", "Attack": "нападение", "Killing": "убийство", "Death": "смерть",
    "VehicleSeizure": "захват автомобиля", "HostageTaking": "захват заложников",
    "Shootout": "перестрелка", "Explosion": "взрыв", "Detention": "задержание", "Arrest": "арест",
    "Sentencing": "приговор", "Resignation": "отставка", "Injury": "ранение", "Release": "освобождение",
    "Fire": "пожар", "Accident": "происшествие",
}


@dataclass
class Trigger:
    token: Token
    type: str
    is_verb: bool
    extra_types: tuple[str, ...] = ()


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
    if token.pos == "VERB" or (token.pos == "AUX" and token.lemma == "быть"):
        if token.feats.get("VerbForm") == "Part" and token.feats.get("Variant") != "Short":
            return None  # "погибших героев", "вдова погибшего": a description, not a report
        lemma = token.lemma
        if lemma in ("лишить", "лишать") and "жизнь" in lemmas:
            return Trigger(token, "Killing", True)
        if lemma in ("отдать", "отдавать") and "жизнь" in lemmas:
            return Trigger(token, "Death", True)
        if lemma in ("взять", "брать", "захватить") and _has_hostage(sentence, token):
            return Trigger(token, "HostageTaking", True)
        if lemma in ("уйти", "уходить", "выйти") and "отставка" in _obl_lemmas(sentence, token):
            return Trigger(token, "Resignation", True)
        if lemma in SEIZE_VERBS and lemma != "завладеть" and any(c.lemma in VEHICLES for c in children if c.rel == "obj"):
            vehicle = next(c for c in children if c.rel == "obj" and c.lemma in VEHICLES)
            extra = ("HostageTaking",) if _carries_people(sentence, vehicle) else ()
            return Trigger(token, "VehicleSeizure", True, extra)
        if lemma in ("бежать", "сбежать") and not _escape_from_custody(sentence, token):
            return None  # "бежала в Лондон": fled, not escaped from custody
        if lemma in VERBS:
            return Trigger(token, VERBS[lemma], True)
        return None
    if token.pos == "NOUN":
        lemma = token.lemma.lower()
        if lemma == "захват":
            objects = {c.lemma for c in children}
            if objects & HOSTAGE_WORDS:
                return Trigger(token, "HostageTaking", False)
            if objects & VEHICLES:
                return Trigger(token, "VehicleSeizure", False)
            return None
        if lemma == "отставка" and token.feats.get("Case") == "Loc":
            return None  # "майор в отставке": a status, not an event
        if lemma in NOUNS:
            return Trigger(token, NOUNS[lemma], False)
    return None


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

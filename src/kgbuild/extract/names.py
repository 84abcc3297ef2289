"""Person names: splitting into parts, gender, and the nominative case.

natasha's normaliser leaves non-Slavic and oblique surnames as written ("Кайкен Омаровой"),
and pymorphy guesses a masculine name for any unknown word. So the nominative is built
here from rules of Russian surname declension, once the gender is known from something
trustworthy: a patronymic, a given name pymorphy really knows, the surname's own ending,
or the context (agreement, kin words) passed in by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .nlp import models

MALE, FEMALE = "male", "female"

_PATRONYMIC = re.compile(r"(?:(?:ович|евич|ёвич)(?:а|у|ем|е)?|(?:овн|евн|ичн|иничн)(?:а|ы|е|у|ой))$",
                         re.IGNORECASE)
_TURKIC_PATRONYMIC = {"улы", "уулу", "кызы", "оглы", "гызы", "ұлы", "қызы"}
# lower-case particles that belong inside names: "Абдулла бин Хамад", "ван Гог", "аль-Аттия"
PARTICLES = {"бин", "ибн", "бен", "бинт", "аль", "эль", "ад", "ас", "аз", "де", "ди", "да", "ду", "дос",
             "дель", "делла", "фон", "ван", "дер", "ла", "ле", "du", "de", "von", "van", "der", "bin", "al",
             "el", "la", "dos", "da"}
NAME_WORD = re.compile(r"^(?:[IVX]{1,4}|(?:(?:аль|эль|аз|ас|ад|ат|ар|ан|уль|ибн|бен|al|el)-)?"
                       r"[А-ЯЁA-Z][а-яёa-zӘәҒғҚқҢңӨөҰұҮүҺһІіé'’]*"
                       r"(?:-[А-ЯЁA-Zа-яёa-z][а-яёa-zӘәҒғҚқҢңӨөҰұҮүҺһІі'’]*)*|[А-ЯЁA-Z][а-яa-z]?\.)$")
INITIAL = re.compile(r"^[А-ЯЁA-Z][а-яa-z]?\.$")

# (masculine nominative ending, feminine nominative ending, oblique endings -> masc, -> fem)
_ADJECTIVAL = [  # -ский / -ская, -цкий / -цкая, -ой
    ("ский", "ская", {"ского": "m", "скому": "m", "ским": "m", "ском": "m", "ской": "f", "скую": "f"}),
    ("цкий", "цкая", {"цкого": "m", "цкому": "m", "цким": "m", "цком": "m", "цкой": "f", "цкую": "f"}),
]
_POSSESSIVE = ("ов", "ев", "ёв", "ин", "ын")


@dataclass
class NameParts:
    given: str | None = None
    patronymic: str | None = None
    family: str | None = None

    @property
    def label(self) -> str:
        return " ".join(p for p in (self.given, self.patronymic, self.family) if p)


def is_patronymic(word: str) -> bool:
    """"Петрович", "Семёновны"; not a surname the dictionary knows only as one ("Янукович",
    "Шостакович"), which ends alike but no given name stands behind it."""
    if not _PATRONYMIC.search(word) or len(word) <= 5 or INITIAL.match(word):
        return False
    known = [p for p in models().parse_word(word) if p.is_known]
    return not (any("Surn" in p.tag for p in known) and not any("Patr" in p.tag for p in known))


def surname_gender(word: str, case: str | None) -> str | None:
    """The gender a Slavic-style surname shows by its ending in the given case."""
    w = word.lower()
    for masc, fem, oblique in _ADJECTIVAL:
        if w.endswith(masc):
            return MALE
        if w.endswith(fem):
            return FEMALE
        for ending, g in oblique.items():
            if w.endswith(ending):
                return FEMALE if g == "f" else MALE
    for stem in _POSSESSIVE:
        if w.endswith(stem + "ой") or (w.endswith(stem + "а") and case == "Nom"):
            return FEMALE
        if w.endswith(stem) or (w.endswith(stem + "а") and case in ("Gen", "Acc")) \
                or w.endswith(stem + "ым") or (w.endswith(stem + "у") and case == "Dat"):
            return MALE
    return None


def given_gender(word: str) -> str | None:
    """The gender of a given name pymorphy knows from its dictionary (never a guess)."""
    genders = set()
    for parse in models().parse_word(word):
        if parse.is_known and "Name" in parse.tag and parse.score >= 0.05:
            if "masc" in parse.tag:
                genders.add(MALE)
            elif "femn" in parse.tag:
                genders.add(FEMALE)
    return genders.pop() if len(genders) == 1 else None


def _singular_given(word: str) -> bool:
    """The dictionary knows the word as one person's given name ("Кэтрин"; not "Мамаев", a
    plural of "Мамай")."""
    return any(p.is_known and {"Name", "sing"} <= set(p.tag.grammemes) and p.score >= 0.05
               for p in models().parse_word(word))


def patronymic_gender(word: str) -> str | None:
    w = word.lower()
    if re.search(r"(?:вн|чн)(?:а|ы|е|у|ой)$", w):
        return FEMALE
    if re.search(r"вич(?:а|у|ем|е)?$", w):
        return MALE
    return None


def surname_nominative(word: str, gender: str | None, case: str | None) -> str:
    """"Омарова" -> "Омаров" (a man, genitive) or "Омарова" (a woman); "Омаровой" -> "Омарова"."""
    if case in (None, "Nom") and not word.lower().endswith(("ой", "ым", "ому", "ого")):
        return word
    w = word
    low = w.lower()
    for masc, fem, oblique in _ADJECTIVAL:
        for ending, g in oblique.items():
            if low.endswith(ending):
                stem = w[: -len(ending)]
                return stem + (fem if g == "f" or gender == FEMALE else masc)
    if low.endswith(("ого", "его", "ому", "ему")) and gender != FEMALE:
        # other adjectival surnames: "Навального" -> "Навальный", "Толстого" -> "Толстой"
        parses = [p for p in models().parse_word(word) if p.is_known and "masc" in p.tag
                  and ("Surn" in p.tag or "ADJF" in p.tag)]
        parses.sort(key=lambda p: "Surn" not in p.tag)
        if parses:
            return _keep_case(word, parses[0].normal_form)
    if gender == FEMALE:
        adjectival = _adjectival_feminine(w)
        if adjectival:
            return adjectival  # "Ирине Лозовой" -> "Лозовая", "Анной Толстой" -> "Толстая"
    for stem in _POSSESSIVE:
        if gender == FEMALE or low.endswith(stem + "ой"):
            for ending in ("ой", "у"):
                if low.endswith(stem + ending):
                    return w[: -len(ending)] + "а"
            if low.endswith(stem + "а"):
                return w
        else:
            for ending in ("ым", "ом", "у", "а", "е"):
                if low.endswith(stem + ending):
                    return w[: -len(ending)]
    if gender == FEMALE:
        return w  # foreign and other feminine surnames do not decline
    # a foreign masculine surname declines like a noun: "Эберсмана" -> "Эберсман"
    if low.endswith(("ы", "и", "о", "у", "ю", "е", "их", "ых", "ко", "дзе", "швили")) and case in (None, "Nom"):
        return w
    for ending in ("ом", "ем", "ым", "ой", "а", "у", "е", "я", "ю"):
        if low.endswith(ending) and len(w) - len(ending) >= 3:
            stem = w[: -len(ending)]
            if ending == "е" and case != "Loc":
                continue  # "Виктору Ланге": a name on -е, not "Ланг" (whose dative is "Лангу")
            if ending in ("а", "у", "е", "ом") and stem[-1].lower() not in "аеёиоуыэюяй":
                return stem
            if ending in ("я", "ю", "ем") and stem[-1].lower() in "аеёиоуэ":
                return stem + "й"  # "Джо Маккею" -> "Маккей"
            if ending in ("я", "ю") and stem[-1].lower() not in "аеёиоуыэюя":
                return stem + "ь"
    return w


def _adjectival_feminine(word: str) -> str | None:
    """A woman's surname declined as an adjective ("Лозовой", "Толстую"), in its nominative
    ("Лозовая"), when the dictionary reads it so and does not know it as a surname on -ов/-ин
    ("Беловой" is "Белова")."""
    low = word.lower()
    if not low.endswith(("ой", "ую")) or len(word) < 5:
        return None
    parses = [p for p in models().parse_word(low) if p.is_known]
    if any("Surn" in p.tag and "femn" in p.tag and p.normal_form.endswith(_POSSESSIVE) for p in parses):
        return None
    if any("ADJF" in p.tag and "femn" in p.tag and "Poss" not in p.tag or
           "Surn" in p.tag and "femn" in p.tag or p.normal_form.endswith("ая") for p in parses):
        return word[:-2] + "ая"
    return None


def given_nominative(word: str, gender: str | None, case: str | None) -> str:
    """The nominative of a given name; feminine names on a consonant do not decline."""
    if gender == FEMALE and word[-1:].lower() not in "аяьеиюуыо" and not any(
            p.is_known and {"Name", "femn", "ablt"} <= set(p.tag.grammemes) for p in models().parse_word(word)):
        return word  # "Кайкен", "Айгерим": indeclinable ("Мариной" is "Марина" declined)
    want = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}.get(case or "")
    names = [p for p in models().parse_word(word) if "Name" in p.tag and
             (gender is None or ("femn" if gender == FEMALE else "masc") in p.tag)]
    if not names or case == "Nom" and any("nomn" in p.tag for p in names):
        return word
    if want:  # the tagger's case first, then whatever pymorphy finds likeliest
        # a declined name before an indeclinable homonym: "Анне" is "Анна" before it is "Анне"
        names = sorted(names, key=lambda p: (want not in p.tag, "Fixd" in p.tag))
    best = names[0]
    if "nomn" in best.tag:
        return word
    return _keep_case(word, best.normal_form)


def _keep_case(original: str, word: str) -> str:
    parts = word.split("-")
    return "-".join(p[:1].upper() + p[1:] for p in parts) if original[:1].isupper() else word


def split_name(words: list[str]) -> NameParts:
    """Which word is the given name, the patronymic and the surname (as written)."""
    words = [w for w in words if w]
    if not words:
        return NameParts()
    if len(words) >= 2 and words[-1].lower() in _TURKIC_PATRONYMIC:
        words = words[:-2] + [words[-2] + " " + words[-1]]
    if len(words) >= 2 and re.fullmatch(r"[IVX]{1,4}", words[-1]):
        return NameParts(given=" ".join(words))  # a monarch: "Пётр I", "Елизавета II"
    initials = [w for w in words if INITIAL.match(w)]
    rest = [w for w in words if not INITIAL.match(w)]
    if initials:  # "А. Третьяк", "Жириновский В. В."
        return NameParts(given=initials[0], patronymic=initials[1] if len(initials) > 1 else None,
                         family=" ".join(rest) or None)
    if len(words) == 1:
        word = words[0]
        # a lone "Абрамович", "Иванович" in a news text names a person by surname: a patronymic
        # alone is a familiar address, not how an article names someone
        # a given name the dictionary knows, though it ends like a surname: "Кэтрин", "Жаклин"
        if not _known_surname(word) and (_singular_given(word) or surname_gender(word, None) is None and _name_like(word)):
            return NameParts(given=word)
        return NameParts(family=word)
    if len(words) == 2:
        if is_patronymic(words[1]):  # "Иван Петрович"
            return NameParts(given=words[0], patronymic=words[1])
        return NameParts(given=words[0], family=words[1])
    if is_patronymic(words[1]):
        return NameParts(given=words[0], patronymic=words[1], family=" ".join(words[2:]))
    if is_patronymic(words[-1]):  # "Петров Иван Сергеевич"
        return NameParts(given=words[1], patronymic=words[-1], family=words[0])
    return NameParts(given=" ".join(words[:-1]), family=words[-1])


def _name_like(word: str) -> bool:
    """pymorphy reads the word as a given name: its first guess, or a dictionary name."""
    parses = models().parse_word(word)
    return bool(parses) and ("Name" in parses[0].tag or any(
        p.is_known and "Name" in p.tag and p.score >= 0.3 for p in parses))


def _known_surname(word: str) -> bool:
    return any(p.is_known and "Surn" in p.tag and p.score >= 0.2 for p in models().parse_word(word))


def normalise(parts: NameParts, gender: str | None, case: str | None) -> NameParts:
    """The parts in the nominative case."""
    given = parts.given
    if given and not INITIAL.match(given):
        given = " ".join(given_nominative(w, gender, case) if w.lower() not in PARTICLES else w
                         for w in given.split())
    patronymic = parts.patronymic
    if patronymic and not INITIAL.match(patronymic) and case not in (None, "Nom"):
        patronymic = _patronymic_nominative(patronymic, gender)
    family = parts.family
    if family:
        words = family.split()
        words[-1] = "-".join(surname_nominative(w, gender, case) for w in words[-1].split("-"))
        family = " ".join(words)
    return NameParts(given=given, patronymic=patronymic, family=family)


def _patronymic_nominative(word: str, gender: str | None) -> str:
    low = word.lower()
    for ending, repl in (("овной", "овна"), ("евной", "евна"), ("овну", "овна"), ("евну", "евна"),
                         ("овны", "овна"), ("евны", "евна"), ("овне", "овна"), ("евне", "евна"),
                         ("ичной", "ична"), ("ичну", "ична"), ("ичны", "ична"), ("ичне", "ична"),
                         ("ича", "ич"), ("ичу", "ич"), ("ичем", "ич"), ("иче", "ич")):
        if low.endswith(ending):
            return word[: -len(ending)] + repl
    return word


def guess_gender(parts: NameParts, case: str | None) -> str | None:
    """Gender from the name alone, only where the evidence is trustworthy."""
    if parts.patronymic and not INITIAL.match(parts.patronymic):
        g = patronymic_gender(parts.patronymic)
        if g:
            return g
    if parts.given and not INITIAL.match(parts.given):
        g = given_gender(parts.given.split()[0])
        if g:
            return g
    if parts.family:
        return surname_gender(parts.family.split()[-1].split("-")[-1], case)
    return None

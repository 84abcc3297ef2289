"""Named persons: NER spans normalised to the nominative, mentions of one person grouped.

A mention by surname alone ("Омаров", "капитана Омарова") joins the person whose full name
carries that surname; a lone given name ("Кайкен") is a person of its own.
"""

from __future__ import annotations

import re

from ..model import Person
from .context import Context
from .nlp import NerSpan, models

_NAME_WORD = re.compile(r"^[А-ЯЁA-Z][а-яёa-zӘәҒғҚқҢңӨөҰұҮүҺһІі'’\-]+$")


def extract_persons(ctx: Context) -> None:
    people: list[Person] = []
    for span in ctx.analysis.spans:
        if span.type != "PER":
            continue
        words = span.text.split()
        if not words or not all(_NAME_WORD.match(w) for w in words):
            continue  # "У", "Ctrl+Enter": not names
        given, family, patronymic = _name_parts(span)
        person = _match(people, given, family, patronymic)
        if person is None:
            person = Person(key=ctx.new_key("p"))
            people.append(person)
        person.given_name = person.given_name or given
        person.family_name = person.family_name or family
        person.patronymic = person.patronymic or patronymic
        person.gender = person.gender or _gender(ctx, span)
        person.mentions.append(ctx.evidence(span.start, span.end, 0.9 if len(words) > 1 else 0.75))
        ctx.add_mention(span.start, span.end, person.key)
    for person in people:
        person.label = " ".join(p for p in (person.given_name, person.patronymic, person.family_name) if p)
        if person.label:
            ctx.facts.persons.append(person)


def _name_parts(span: NerSpan) -> tuple[str | None, str | None, str | None]:
    parts = span.name_parts
    words = span.normal.split()
    given, family, patronymic = parts.get("first"), parts.get("last"), parts.get("middle")
    if len(words) == 1 and not (given and family):
        # natasha calls a lone word "first" or "last" by guesswork; a surname suffix decides
        word = words[0]
        if _looks_like_surname(word):
            return None, word, None
        return word, None, None
    return given, family, patronymic


_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ина", "ына", "ский", "ская",
                    "цкий", "цкая", "енко", "ук", "юк", "ян", "швили", "дзе", "баев", "ұлы", "қызы")


def _looks_like_surname(word: str) -> bool:
    return word.lower().endswith(_SURNAME_ENDINGS)


def _match(people: list[Person], given, family, patronymic) -> Person | None:
    for person in people:
        if family and person.family_name and _same_surname(family, person.family_name):
            if given and person.given_name and given != person.given_name:
                continue
            if patronymic and person.patronymic and patronymic != person.patronymic:
                continue
            return person
        if given and not family and person.given_name == given and not person.family_name:
            return person
    return None


def _same_surname(a: str, b: str) -> bool:
    # "Омарова" as a genitive slips through natasha's normaliser now and then
    a, b = a.lower(), b.lower()
    return a == b or a.rstrip("аы") == b.rstrip("аы")


def _gender(ctx: Context, span: NerSpan) -> str | None:
    tokens = ctx.analysis.tokens_in(span.start, span.end)
    for token in tokens:
        if not _known_name(token.text):
            continue  # the tagger guesses a gender for any unknown word; only trust known names
        gender = token.feats.get("Gender")
        if gender == "Masc":
            return "male"
        if gender == "Fem":
            return "female"
    return None


def _known_name(word: str) -> bool:
    return any({"Name", "Surn", "Patr"} & set(str(p.tag).replace(" ", ",").split(","))
               for p in models().parse_word(word) if p.score > 0.1)


def nominative(word: str) -> str:
    """The nominative singular of a word, keeping its capitalisation."""
    parses = models().parse_word(word)
    for parse in parses:
        form = parse.inflect({"nomn"}) if hasattr(parse, "inflect") else None
        if form:
            return _keep_case(word, form.word)
    return word


def _keep_case(original: str, word: str) -> str:
    if original.isupper():
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word

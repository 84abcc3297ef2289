"""Named persons: NER spans cleaned, normalised to the nominative, mentions of one person grouped.

A mention by surname alone ("Омаров", "капитана Омарова") joins the person whose full name
carries that surname; a lone given name ("Кайкен") joins the person with that given name.
Spans that are not names (page chrome, a place's nickname tagged as a person) are dropped
by rules on the words themselves, never by a list of names.
"""

from __future__ import annotations

from functools import lru_cache

import re
from dataclasses import dataclass, field

from ..model import Link, Person
from .context import Context
from .names import (FEMALE, INITIAL, MALE, NAME_WORD, PARTICLES, NameParts, guess_gender, is_patronymic,
                    normalise, patronymic_gender, split_name)
from .nlp import Token, models

# words beside a name that show the person's gender: "супруга Кайкен", "вдова Иванова"
_GENDERED_WORDS = {
    "супруг", "супруга", "жена", "муж", "вдова", "вдовец", "дочь", "сын", "мать", "отец", "сестра",
    "брат", "бабушка", "дедушка", "внучка", "внук", "миссис", "мистер", "госпожа", "господин",
    "мисс", "тётя", "дядя", "племянница", "племянник", "невестка", "зять", "свекровь", "тёща",
}
_INITIALS = re.compile(r"(?<![\w.])(?:(?:[А-ЯЁ]|Дж|Вл|Ал|Ст)\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
                       r"|(?<![\w.])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s(?:[А-ЯЁ]\.\s?){1,2}(?!\w)")
# Latin letters with the accents of European names ("Thomas Schäfer", "Subriel Matías")
# ("Alenka Bratušek" and "Zoran Janković" use Latin Extended-A; "McKinnon" a capital inside)
_UP, _LOW = "A-ZÀ-ÖØ-Þ\u0100-\u017f", "a-zß-öø-ÿ\u0100-\u017f'\\-"
_LATIN_WORD = rf"[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)?"
_LATIN_NAME = re.compile(rf"\(\s*({_LATIN_WORD}(?:\s+(?:[A-Z]\.|{_LATIN_WORD}|de|van|von|bin|al|Jr\.?)){{1,3}}"
                         # or in Chinese or Japanese characters: "Ма Лин (马凌)", "Мисао Окава (大川 ミサヲ)",
                         # or in Arabic script
                         rf"|[\u3040-\u30ff\u4e00-\u9fff]{{2,6}}(?:\s[\u3040-\u30ff\u4e00-\u9fff]{{1,6}})?"
                         rf"|[\u0600-\u06ff]{{2,}}(?:\s[\u0600-\u06ff]{{2,}}){{0,3}})\s*[),;]")
_LATIN = re.compile(r"^[A-Za-z .'\-]+$")
_NAMED_AFTER = re.compile(r"(?<!\w)(?:имени|им\.)\s?$")
_TWO_LETTER_INITIALS = {"Дж", "Ал", "Ан", "Вл", "Ст", "Th", "Ch", "Sh", "Jr"}
_PUNCT = re.compile(r"^\W+$")
_AGE_WORD = re.compile(r"летн(?:ий|его|ему|им|ем|яя|ей|юю)$")  # "Шестидесятивосьмилетняя Руссефф"


@dataclass
class _Mention:
    start: int
    end: int
    words: list[str]
    case: str | None
    gender: str | None  # from the context
    parts: NameParts = field(default_factory=NameParts)
    latin: bool = False  # a Latin spelling given in brackets, not a name form to normalise
    derived: bool = False  # an adjective made from the name ("Шукшинские дни"): no name form


def extract_persons(ctx: Context) -> None:
    places = _place_lemmas(ctx)
    capitalised = _capitalised_inside(ctx)
    found: list[_Mention] = []
    for start, end in _candidate_spans(ctx):
        mention = _mention(ctx, start, end, places, capitalised)
        if mention is not None:
            found.append(mention)
    found.sort(key=lambda m: m.start)
    people: list[tuple[Person, list[_Mention]]] = []
    previous: tuple[_Mention, tuple] | None = None
    for mention in found:
        entry = None
        if previous and _LATIN.match(" ".join(mention.words)) \
                and re.fullmatch(r"\s*\(\s*", ctx.text[previous[0].end:mention.start]):
            entry = previous[1]  # "Соня Сотомайор (Sonia Sotomayor)": the same person
            ctx.facts.links.append(Link("ALTERNATIVE_NAME",
                                        ctx.evidence(previous[0].start, previous[0].end, 0.8),
                                        ctx.evidence(mention.start, mention.end, 0.8)))
            mention.latin = True
        entry = entry or _match(people, mention.parts)
        if entry is None:
            entry = (Person(key=ctx.new_key("p")), [])
            people.append(entry)
        entry[1].append(mention)
        previous = (mention, entry)
    people = _given_before_full(ctx, _lone_word_as_surname(people))
    _unlabelled_mentions(ctx, people, found)
    for person, mentions in people:
        mentions.sort(key=lambda m: m.start)
        _fill(ctx, person, mentions)
        if person.label:
            ctx.facts.persons.append(person)
            _alias_links(ctx, mentions)
    _latin_aliases(ctx)
    _told_aliases(ctx)
    _ages(ctx)


# "55-летний премьер-министр Великобритании Борис Джонсон": the post between belongs to the person
_AGE_BEFORE = re.compile(r"(?<![\w-])(\d{1,3})-летн(?:ий|его|ему|им|ем|яя|ей|юю)\s+(?:[\w-]+\s+){0,3}?$")
# "Андрей Варичев умер в возрасте 52 лет": a verb or two may stand before "в возрасте"
_AGE_AFTER = re.compile(r"^(?:,\s*|\s*\(\s*|\s+(?:[а-яё]+\s+){0,3}?в\s+возрасте\s+)(\d{1,3})\s+(?:лет|года?)(?!\w)")
# "Джеймсу Коми 52 года.", "Томасу Шеферу было 54 года": a name in the dative, then the age
_AGE_DATIVE = re.compile(r"^\s+(?:было\s+|будет\s+|исполнилось\s+(?:бы\s+)?|исполнится\s+)?(\d{1,3})\s+(?:лет|года?)(?=\s*[.,;])")


# "Николай Глазков 40 лет,", "Мишель Бачелет — 54 года,", "Тогда Рено было 54 года.": the age
# closes the phrase (else "Путин 20 лет правил" would be an age)
_AGE_BARE = re.compile(r"^(?:\s+|\s+[—–]\s+|\s+(?:было|исполнилось)\s+)(\d{1,3})\s+(?:лет|года?)"
                       r"(?=\s*(?:[.,;:)]|\n|и\s|$))")


def _ages(ctx: Context) -> None:
    """"42-летний Сергей Петров", "Сергей Петров, 42 года,": the age the text gives."""
    persons = {p.key: p for p in ctx.facts.persons}
    for start, end, key in list(ctx.mentions):
        person = persons.get(key)
        if person is None:
            continue
        before = _AGE_BEFORE.search(ctx.text[max(0, start - 60):start])
        if before and any(s < start and e > start - len(before.group(0)) for s, e, _ in ctx.mentions):
            before = None  # "28-летний Максим Дадашев": the age is the first name's, not a later one's
        after = _AGE_AFTER.match(ctx.text[end:end + 30]) or _AGE_BARE.match(ctx.text[end:end + 30]) or (
            _in_dative(ctx.text[start:end]) and _AGE_DATIVE.match(ctx.text[end:end + 30]))
        if before:
            a_start = start - len(ctx.text[max(0, start - 60):start]) + before.start()
            a_end = a_start + len(before.group(0).split()[0])
            age = int(before.group(1))
        elif after:
            a_start = end + after.start(1)
            a_end = end + after.end()
            age = int(after.group(1))
        else:
            continue
        if not 0 < age < 125:
            continue
        person.age = person.age or age
        ctx.facts.links.append(Link("AGE_IS", ctx.evidence(start, end, 0.8), ctx.evidence(a_start, a_end, 0.8)))
    _pronoun_ages(ctx, persons)
    _anniversaries(ctx, persons)


# "Ему 71 год.", "ей исполнился 21 год", "Месси, которому в июне исполнилось 30"
_PRONOUN_AGE = re.compile(r"(?<![\w-])(ему|ей|которому|которой)\s+(?:(?:в|на)\s+[а-яё]+\s+)?"
                          r"(?:(было|будет|исполнилось|исполнился|исполнится)\s+)?(?:(?:в|на)\s+[а-яё]+\s+)?"
                          r"(\d{1,3})(\s+(?:лет|года?))?(?![\w-])", re.IGNORECASE)
# "90-летие Василия Шукшина", "85 лет со дня рождения Юрия Визбора", "Ширвиндт отмечает своё 85-летие"
_JUBILEE_BEFORE = re.compile(r"(?<![\w-])(\d{1,3}-лети[еяюи]|\d{1,3}\s+(?:лет|года?)(?=\s+со\s+дня\s+рождения))"
                             r"\s+(?:со\s+дня\s+рождения\s+)?$")
_JUBILEE_AFTER = re.compile(r"^\s+(?:отметил[аи]?|отмечает|отмечают|празднует|отпраздновал[аи]?)\s+(?:сво[ейё]\s+)?"
                            r"(\d{1,3}-летие|\d{1,3}-летний\s+юбилей)(?![\w-])")


def _pronoun_ages(ctx: Context, persons: dict) -> None:
    """An age told of "ему"/"ей": the person is the one named person in reach (this sentence and
    the one before), of the pronoun's gender; with two persons in reach the age stays untold."""
    named = sorted((s, e, k) for s, e, k in ctx.mentions if k in persons)
    for m in _PRONOUN_AGE.finditer(ctx.text):
        pronoun = m.group(1).lower()
        gender = "female" if pronoun in ("ей", "которой") else "male"
        if pronoun.startswith("котор"):
            reach = ctx.text.rfind(",", 0, m.start())
            candidates = [x for x in named if x[1] <= m.start() and reach - x[1] in range(0, 2)]
        else:
            start = _sentence_start(ctx.text, _sentence_start(ctx.text, m.start()) - 1)
            candidates = [x for x in named if start <= x[0] and x[1] <= m.start()]
        keys = {k for _, _, k in candidates}
        if len(keys) != 1:
            continue
        person = persons[keys.pop()]
        if person.gender and person.gender != gender:
            continue
        if not m.group(4) and not (m.group(2) or "").lower().startswith("исполн"):
            continue  # a bare number is an age only after "исполнилось"
        a_start, a_end = m.start(3), m.end()
        age = int(m.group(3))
        if not 0 < age < 125:
            continue
        p_start, p_end, _ = candidates[-1]
        person.age = person.age or age
        ctx.facts.links.append(Link("AGE_IS", ctx.evidence(p_start, p_end, 0.7), ctx.evidence(a_start, a_end, 0.7)))


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding `at` starts: after the last full stop, "!", "?" or line break."""
    cut = max(text.rfind(c, 0, max(at, 0)) for c in ".!?\n")
    return cut + 1


def _anniversaries(ctx: Context, persons: dict) -> None:
    """A jubilee of a person's birth is an age the text gives (NEREL's AGE_IS), though not the
    person's age now: the person's `age` stays as it was."""
    for start, end, key in ctx.mentions:
        if key not in persons:
            continue
        before = _JUBILEE_BEFORE.search(ctx.text[max(0, start - 40):start])
        after = _JUBILEE_AFTER.match(ctx.text[end:end + 50])
        if before:
            a_start = start - len(ctx.text[max(0, start - 40):start]) + before.start(1)
            span = (a_start, a_start + len(before.group(1)))
        elif after:
            span = (end + after.start(1), end + after.end(1))
        else:
            continue
        ctx.facts.links.append(Link("AGE_IS", ctx.evidence(start, end, 0.7), ctx.evidence(*span, 0.7)))


def _in_dative(name: str) -> bool:
    """"Джеймсу Коми", "Кравцову": the name's first word reads as a dative."""
    return any("datv" in p.tag and {"Name", "Surn"} & set(p.tag.grammemes)
               for p in models().parse_word(name.split()[0]))


def _unlabelled_mentions(ctx: Context, people, found: list[_Mention]) -> None:
    """A surname the tagger missed elsewhere ("Обама назначит…" in a title) still names the person."""
    by_family: dict[str, list] = {}
    for entry in people:
        for stem in {_stem(m.parts.family) for m in entry[1] if m.parts.family and " " not in m.parts.family}:
            by_family.setdefault(stem, []).append(entry)
    taken = [(m.start, m.end) for m in found] + [(s, e) for s, e, _ in ctx.mentions]
    for sentence in ctx.analysis.sentences:
        for token in sentence.tokens:
            if not token.text[:1].isupper() or len(token.text) < 4 or not NAME_WORD.match(token.text):
                continue
            entries = by_family.get(_stem(token.text))
            if not entries or len(entries) != 1:
                continue
            if any(token.start < e and s < token.end for s, e in taken):
                continue
            entries[0][1].append(_Mention(token.start, token.end, [token.text], token.feats.get("Case"),
                                          _context_gender(ctx, [token]), NameParts(family=token.text)))
            taken.append((token.start, token.end))
    _adjective_mentions(ctx, people, [(m.start, m.end) for _, mentions in people for m in mentions])


_ADJECTIVE_END = re.compile(r"(?:ов|ев)?ск(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими|ым|ые)$")


def _adjective_mentions(ctx: Context, people, taken: list[tuple[int, int]]) -> None:
    """"Шукшинские дни", "зворыкинский телескоп": an adjective made from the surname of a person
    the text names refers to that person. Never inside a place's name ("Ивановская область")."""
    by_stem: dict[str, list] = {}
    for entry in people:
        for m in entry[1]:
            family = m.parts.family or ""
            if family and " " not in family and len(family) > 3:
                by_stem.setdefault(_stem(family).rstrip("ьй"), []).append(entry)
    if not by_stem:
        return
    places = [(s.start, s.end) for s in ctx.analysis.spans if s.type == "LOC"]
    for sentence in ctx.analysis.sentences:
        for token in sentence.tokens:
            end = _ADJECTIVE_END.search(token.text.lower()) if len(token.text) > 6 else None
            if end is None:
                continue
            entries = by_stem.get(token.text.lower().replace("ё", "е")[:end.start()])
            if not entries or len({id(e) for e in entries}) != 1:
                continue
            if any(token.start < e and s < token.end for s, e in places + taken) \
                    or any(token.start < e and s < token.end and type(ctx.entity(k)).__name__ != "Institution"
                           for s, e, k in ctx.mentions):
                continue  # inside an institution's name it still refers to the person: "Шукшинский кинофестиваль"
            entries[0][1].append(_Mention(token.start, token.end, [token.text], None, None, NameParts(),
                                          derived=True))
            taken.append((token.start, token.end))


def _candidate_spans(ctx: Context) -> list[tuple[int, int]]:
    spans = sorted((s.start, s.end) for s in ctx.analysis.spans if s.type == "PER")
    merged: list[list[int]] = []
    for start, end in spans:  # "Радия" + "Хабирова": natasha cut one name in two
        if merged and ctx.text[merged[-1][1]:start] == " " and (
                " " not in ctx.text[merged[-1][0]:merged[-1][1]] or " " not in ctx.text[start:end]) \
                and _one_name(ctx, merged[-1][0], end):
            merged[-1][1] = end
        else:
            merged.append([start, end])
    pieces = []
    for span in merged:  # "Ерболом Отарбаевым": a given name the tagger left out
        sentence = ctx.analysis.sentence_of(span[0])
        if sentence is None:
            continue
        before = [t for t in sentence.tokens if t.end <= span[0]]
        if before and ctx.text[before[-1].end:span[0]] == " " and (_given_name_word(before[-1]) or (
                " " not in ctx.text[span[0]:span[1]] and _foreign_name_word(ctx, before[-1]))):
            span[0] = before[-1].start
    for span in merged:  # "Елизавета II", "Буша-младшего": the numeral or epithet belongs to the name
        tail = re.match(r"(?:\s[IVX]{1,4}(?![\w])|-(?:младш|старш)\w+)", ctx.text[span[1]:span[1] + 12])
        if tail:
            span[1] += tail.end()
    # "Дэвид Эберсман (David Ebersman)", "Уго|Уго Чавес" (a wiki link's target and text): two mentions
    for start, end in merged:
        for m in re.finditer(r"[^(),;«»\"\n—–|]+", ctx.text[start:end]):
            piece = m.group(0)
            s = start + m.start() + (len(piece) - len(piece.lstrip()))
            e = start + m.end() - (len(piece) - len(piece.rstrip()))
            if e > s:
                pieces.append((s, e))
    pieces = [piece for span in pieces for piece in _kin_and_relative(ctx, *span)]
    pieces = [piece for span in pieces for piece in _listed_names(ctx, *span)]
    for m in _INITIALS.finditer(ctx.text):
        inside = [(s, e) for s, e in pieces if m.start() <= s and e <= m.end()]
        if inside and all(m.end() <= s or m.start() >= e or (s, e) in inside for s, e in pieces):
            pieces = [p for p in pieces if p not in inside]  # "Коми" -> "Дж.Коми"
        if all(m.end() <= s or m.start() >= e for s, e in pieces):
            pieces.append((m.start(), m.end()))
    for m in _NAMED_AFTER_NAME.finditer(ctx.text):  # "Театр имени Ермоловой", "НИИ им. Склифосовского"
        start, end = m.start(1), m.end(1)
        if all(end <= s or start >= e for s, e in pieces) and _genitive_name(ctx, start, end):
            pieces.append((start, end))
    return pieces


_NAMED_AFTER_NAME = re.compile(r"(?<!\w)(?:имени|им\.)\s?((?:[А-ЯЁ]\.\s?){0,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
                               r"(?:\s(?:(?:ван|фон|де)\s)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,2})")


def _genitive_name(ctx: Context, start: int, end: int) -> bool:
    """Every word after "имени" is a name in the genitive, not "имени Ленинского комсомола"."""
    words = [t for t in ctx.analysis.tokens_in(start, end) if t.text[:1].isupper() and len(t.text) > 1]
    return bool(words) and all(t.pos == "PROPN" and t.feats.get("Case") in ("Gen", None)
                               and not _common_word(t.text) for t in words)


_KIN_NOUNS = _GENDERED_WORDS - {"миссис", "мистер", "госпожа", "господин", "мисс"}


def _kin_and_relative(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """"Мать Ксении Людмила Нарусова", "вдова Арафата Суха": after a kin noun, a name in the
    genitive (whose kin) and a name in the nominative (the relative) are two persons."""
    tokens = ctx.analysis.tokens_in(start, end)
    sentence = ctx.analysis.sentence_of(start)
    before = [t for t in sentence.tokens if t.end <= start] if sentence else []
    if len(tokens) < 2 or not before:
        return [(start, end)]
    # the kin noun right before, or further back with the genitive hung on it: "Мать скончавшегося
    # в 2009 году «короля поп-музыки» Майкла Джексона Кэтрин"
    inside = {t.index for t in tokens}
    if before[-1].lemma not in _KIN_NOUNS and not any(
            t.head not in inside and _kin_above(sentence, t, start) for t in tokens):
        return [(start, end)]
    for i, token in enumerate(tokens[1:], 1):
        # the genitive must show in the word's form: "супруга Гульнар Искакова" is one woman
        if all(t.feats.get("Case") == "Gen" and any({"gent", "sing"} <= set(p.tag.grammemes)
                                                     for p in models().parse_word(t.text))
               for t in tokens[:i]) and (token.feats.get("Case") == "Nom" or i >= 2 and _indeclinable_given(token)) \
                and all(t.feats.get("Case") in ("Nom", None) for t in tokens[i + 1:]):
            return [(start, tokens[i - 1].end), (token.start, end)]
    return [(start, end)]


def _listed_names(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """"Эво Моралес Эдвард Сноуден" (a photo caption naming two people without a comma): a given
    name after a surname starts the next person. Not "Андрес Мануэль Лопес Обрадор", whose second
    word is a given name too, nor "Паола Маргарита Мария Руффо"."""
    words = [t for t in ctx.analysis.tokens_in(start, end) if not _PUNCT.match(t.text)]
    if len(words) < 4 or any(INITIAL.match(t.text + ".") or t.text.lower() in PARTICLES for t in words):
        return [(start, end)]
    for k in range(2, len(words) - 1):
        if not is_patronymic(words[0].text) and _given_name_word(words[k]) and not any(
                _given_name_word(t) or is_patronymic(t.text) for t in words[1:k]):
            return [(start, words[k - 1].end)] + _listed_names(ctx, words[k].start, end)
    return [(start, end)]


def _kin_above(sentence, token: Token, start: int) -> bool:
    """A kin noun before the name that the name hangs on, directly or through the nouns that
    describe its possessor ("Мать … «короля поп-музыки» Майкла Джексона")."""
    for step in range(4):
        if token.head is None:
            return False
        token = sentence.tokens[token.head]
        if token.end > start:
            return False
        if token.lemma in _KIN_NOUNS:
            # hung on the kin noun itself past another name ("жена Манделы Граса Машел"): the
            # name is the wife's, the possessor was that other name
            return step > 0
        # through common nouns only: "жена Манделы Граса Машел" hangs on a name, one woman's
        if token.rel not in ("nmod", "appos") or not token.text[:1].islower():
            return False
    return False


def _indeclinable_given(token: Token) -> bool:
    """A given name with one form for every case ("Кэтрин", "Мэри"): the tagger may call it a
    genitive, but after a full genitive name it starts the next person."""
    parses = [p for p in models().parse_word(token.text) if p.is_known]
    return bool(parses) and all({"Name", "Fixd"} <= set(p.tag.grammemes) for p in parses[:3])


def _one_name(ctx: Context, start: int, end: int) -> bool:
    """Two adjacent name spans are one name unless the parse or the cases tell two persons apart:
    "биограф Баффета Энди Килпатрик", "супруга Януковича Людмила"."""
    tokens = ctx.analysis.tokens_in(start, end)
    if len(tokens) < 2:
        return True
    inside = {t.index for t in tokens}
    # the words of one name hang together by flat:name; a word hung elsewhere starts another
    loose = [t for t in tokens if t.head not in inside or t.rel not in ("flat:name", "flat")]
    cases = {t.feats.get("Case") for t in tokens if t.feats.get("Case")}
    return len(loose) == 1 or len(cases) == 1 and not any(t.rel.startswith("nsubj") for t in loose[1:])


def _foreign_name_word(ctx: Context, token: Token) -> bool:
    """"Мейв Кеннеди": a capitalised word no dictionary knows, before a lone surname, that the
    tagger left out and gave to no other name."""
    if token.pos != "PROPN" or not re.fullmatch(r"[А-ЯЁ][а-яё]{2,}", token.text):
        return False
    if any(s.start < token.end and token.start < s.end for s in ctx.analysis.spans):
        return False
    return not any(p.is_known for p in models().parse_word(token.text))


def _given_name_word(token: Token) -> bool:
    if not token.text[:1].isupper() or not NAME_WORD.match(token.text) or INITIAL.match(token.text + "."):
        return False
    parses = models().parse_word(token.text)
    return bool(parses) and "Name" in parses[0].tag and parses[0].is_known


def _owner_of_institution(ctx: Context, start: int, end: int) -> bool:
    """A name the tagger found at the end of an institution's mention is the person it belongs
    to: "администрация Обамы", "правительство Руснока", "штаб Клинтон"."""
    overlapping = [(s, e, k) for s, e, k in ctx.mentions if s < end and start < e]
    return bool(overlapping) and all(
        s < start and e == end and type(ctx.entity(k)).__name__ == "Institution" for s, e, k in overlapping)


def _capitalised_inside(ctx: Context) -> set[str]:
    """Words the text capitalises inside a sentence: there even a dictionary word is a name
    ("Рами", "Алмаз", "Нора"), so it stays one at the start of a sentence too."""
    words = set()
    for sentence in ctx.analysis.sentences:
        for prev, token in zip(sentence.tokens, sentence.tokens[1:]):
            if token.text[:1].isupper() and prev.text[-1:].isalnum() and "\n" not in ctx.text[prev.end:token.start]:
                words.add(_stem(token.text))
    return words


def _mention(ctx: Context, start: int, end: int, places: set[str], capitalised: set[str]) -> _Mention | None:
    if ctx.key_at(start, end) and not _NAMED_AFTER.search(ctx.text[max(0, start - 8):start]) \
            and not _owner_of_institution(ctx, start, end):
        return None  # already an institution's or place's mention; "институт имени Пушкина" names him
    tokens = [t for t in ctx.analysis.tokens_in(start, end) if not _PUNCT.match(t.text) or t.text == "."]
    tokens = _glue_initials(tokens)
    if not tokens:
        return None
    # a headline run into the next line: "Мик Джаггер Рокер" — keep the first sentence only
    sentence = ctx.analysis.sentence_of(tokens[0][1].start)
    if sentence is not None:
        tokens = [t for t in tokens if t[1].end <= sentence.end]
    # a capitalised word opening the sentence: "Шестидесятилетняя Руссефф", "Отметим"
    if len(tokens) > 2 and INITIAL.match(tokens[0][0]):
        # "А.Лукашенко Виктор", "В.Шеймана А.Кулешов": initials and one surname make the name
        first_surname = next((i for i, (w, _) in enumerate(tokens) if not INITIAL.match(w)), len(tokens))
        tokens = tokens[:first_surname + 1]
    for i in range(2, len(tokens)):  # "Максим Дадашев Дадашев": a doubled word ends the name ("Жа Жа Габор" is one)
        if tokens[i][0] == tokens[i - 1][0] and not INITIAL.match(tokens[i][0]):
            tokens = tokens[:i]
            break
    while len(tokens) > 1 and (len(tokens[0][0]) > 3 and _common_word(tokens[0][0]) and _opens_sentence(
            ctx, sentence, tokens[0][1]) and _stem(tokens[0][0]) not in capitalised
                               or _post_word(tokens[0][1]) or tokens[0][1].lemma in _GENDERED_WORDS
                               or _AGE_WORD.search(tokens[0][0])):
        tokens = tokens[1:]  # "Экс-советник Трампа", "Убийцей Дениса ...": not part of the name
    while len(tokens) > 1 and _post_word(tokens[-1][1]):
        tokens = tokens[:-1]  # "Дмитрий Дедов Судья": a headline word after the name
    if len(tokens) == 1 and (_post_word(tokens[0][1]) or _common_word(tokens[0][0]) and (
            tokens[0][1].pos != "PROPN" or sentence is not None and tokens[0][1].start == sentence.tokens[0].start)):
        return None  # "Президент заявил", "Отметим": a capitalised word, not a name
    if not tokens:
        return None
    words = [w for w, _ in tokens]
    if not all(NAME_WORD.match(w) or w.lower() in PARTICLES for w in words):
        return None
    if not any((w[:1].isupper() or w.partition("-")[2][:1].isupper()) and not INITIAL.match(w) for w in words):
        return None
    if len(words) == 1:
        word = words[0]
        head, _, tail = word.partition("-")
        if tail and tail[:1].islower() and head.lower() not in PARTICLES:
            return None  # "Жаман-сопкой": a common noun in the name, a place's nickname
        if _lemma(word) in places or _is_place_word(word):
            return None
    start, end = tokens[0][1].start, tokens[-1][1].end
    cases = [t.feats["Case"] for w, t in tokens if "Case" in t.feats and not INITIAL.match(w)]
    case = max(cases, key=cases.count) if cases else None  # ties by first seen, not by hash order
    gender = _context_gender(ctx, [t for _, t in tokens], case)
    return _Mention(start, end, words, case, gender, split_name(words))


def _opens_sentence(ctx: Context, sentence, token: Token) -> bool:
    """The word is capitalised because of where it stands: first in the sentence or the line, or
    after a quote or a colon ("Убийцей Дениса ...", "«Шестидесятилетняя Руссефф»")."""
    if sentence is None or token.start == sentence.tokens[0].start:
        return True
    before = ctx.text[max(sentence.start, token.start - 3):token.start]
    return "\n" in before or before.rstrip()[-1:] in ("«", '"', ":", "(", "—", "-", "–", "„", "“")


def _glue_initials(tokens: list[Token]) -> list[tuple[str, Token]]:
    """Tokens as words, an initial and its full stop joined: "А", "." -> "А."."""
    out: list[tuple[str, Token]] = []
    for token in tokens:
        if token.text == "." and out and len(out[-1][0]) <= 2 and out[-1][0][:1].isupper() \
                and out[-1][1].end == token.start and (len(out[-1][0]) == 1 or out[-1][0] in _TWO_LETTER_INITIALS):
            out[-1] = (out[-1][0] + ".", out[-1][1])
        elif token.text != ".":
            out.append((token.text, token))
    return out


def _post_word(token: Token) -> bool:
    from .ranks import POSTS

    low = token.text.lower()
    return token.lemma in POSTS or low.startswith(("экс-", "вице-")) or _lemma(token.text) in POSTS


def _common_word(word: str) -> bool:
    """A dictionary word that is never a name: "Отметим", "Рокер", "Шестидесятилетняя"."""
    if INITIAL.match(word) or word.lower() in PARTICLES or not word[:1].isupper():
        return False
    parses = models().parse_word(word)
    if not parses or not all(p.is_known for p in parses):
        return False
    return not any({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"} & set(p.tag.grammemes)
                   for p in parses)


def _is_place_word(word: str) -> bool:
    parses = models().parse_word(word)
    # pymorphy guesses Geox for unknown words by their ending ("Фирташа", "Кустурица"): only its
    # dictionary counts
    geo = sum(p.score for p in parses if "Geox" in p.tag and p.is_known)
    person = sum(p.score for p in parses if {"Name", "Surn", "Patr"} & set(p.tag.grammemes))
    return geo >= 0.5 and person < 0.2


def _lemma(word: str) -> str:
    parses = models().parse_word(word)
    return parses[0].normal_form if parses else word.lower()


def _place_lemmas(ctx: Context) -> set[str]:
    """Words the tagger reads as places elsewhere in the text: never a person here."""
    lemmas = set()
    for span in ctx.analysis.spans:
        if span.type == "LOC" and " " not in span.text:
            lemmas.add(_lemma(span.text))
    return lemmas


def _context_gender(ctx: Context, tokens: list[Token], case: str | None = None) -> str | None:
    """Gender shown around the name: a kin word, a past-tense verb, an agreeing adjective."""
    sentence = ctx.analysis.sentence_of(tokens[0].start)
    if sentence is None:
        return None
    inside = {t.index for t in tokens}
    head = next((t for t in tokens if t.head not in inside), tokens[0])
    candidates: list[Token] = []
    before = [t for t in sentence.tokens if t.end <= tokens[0].start]
    if before and before[-1].lemma in _GENDERED_WORDS and _names_the_kin(before[-1], head, case):
        candidates.append(before[-1])
    if head.head is not None:
        governor = sentence.tokens[head.head]
        if governor.lemma in _GENDERED_WORDS and head.rel in ("appos", "nmod", "flat:name", "flat") \
                and _names_the_kin(governor, head, case):
            candidates.append(governor)
        if head.rel in ("nsubj", "nsubj:pass") and case in (None, "Nom") and governor.pos in ("VERB", "AUX", "ADJ") \
                and governor.feats.get("Number") != "Plur" and (
                    governor.feats.get("Tense") == "Past" or governor.feats.get("Variant") == "Short"):
            candidates.append(governor)
    for child in sentence.children(head.index):
        if child.rel == "amod" and child.index not in inside and child.feats.get("Number") != "Plur":
            candidates.append(child)
    for token in candidates:
        gender = {"Masc": MALE, "Fem": FEMALE}.get(token.feats.get("Gender", ""))
        if gender:
            return gender
    return None


def _names_the_kin(kin: Token, head: Token, case: str | None) -> bool:
    """The name is the kin word's person, not its possessor: "жена Кайкен", not "жена Владимира
    Путина" (a genitive after a nominative kin noun, or one hung on it as nmod, says whose wife)."""
    kin_case = kin.feats.get("Case")
    if case and kin_case and case != kin_case:
        return False
    return not (case == "Gen" and head.head == kin.index and head.rel == "nmod")


def _match(people: list[tuple[Person, list[_Mention]]], parts: NameParts):
    if parts.patronymic and not parts.family and not INITIAL.match(parts.patronymic):
        # "Владимир Кириллович" again: the person already named with that patronymic, before a
        # later namesake ("Владимир Путин") whose patronymic the text never gave
        for entry in reversed(people):
            known = [m.parts for m in entry[1]]
            if _stem(parts.patronymic) in {_stem(p.patronymic) for p in known if p.patronymic} and (
                    not parts.given or _stem(parts.given) in {_stem(p.given) for p in known if p.given}):
                return entry
    for entry in reversed(people):  # the latest namesake is the likeliest referent
        known = [m.parts for m in entry[1]]
        patronymics = {_stem(p.patronymic) for p in known if p.patronymic and not INITIAL.match(p.patronymic)}
        if parts.patronymic and not INITIAL.match(parts.patronymic) and patronymics \
                and _stem(parts.patronymic) not in patronymics:
            continue  # "Владимир Кириллович" is not the "Владимир Владимирович" named before
        if parts.patronymic and not parts.family and not patronymics and len(entry[1]) < 2:
            # a given name and patronymic address the person the text is about, named again and
            # again; a namesake mentioned once in passing ("с Владимиром Путиным") is someone else
            continue
        families = {_stem(p.family) for p in known if p.family}
        givens = {_stem(p.given) for p in known if p.given and not INITIAL.match(p.given)}
        initials = {p.given[0] for p in known if p.given}
        if parts.family:
            if _stem(parts.family) not in families and not (
                    not families and not parts.given and _stem(parts.family) in _masculine_patronymics(known)):
                continue  # "Роман Абрамович … Абрамович": the lone -ович word was the surname
            if parts.given and givens and _stem(parts.given) not in givens \
                    and not (INITIAL.match(parts.given) and parts.given[0] in initials):
                continue
            return entry
        if parts.given and not parts.family and _stem(parts.given) in givens | families:
            return entry
    return None


def _lone_word_as_surname(people: list[tuple[Person, list[_Mention]]]) -> list:
    """"Сноудену … Эдвард Сноуден": a lone word first read as a given name (the dictionary does
    not know it) is the surname of the one person the text names in full with it, when no one
    has it for a given name."""
    for entry in list(people):
        if not all(len(m.words) == 1 and m.parts.given and not m.parts.family and not any(
                p.is_known and "Name" in p.tag for p in models().parse_word(m.words[0])) for m in entry[1]):
            continue
        stems = {_stem(m.parts.given) for m in entry[1]}
        others = [e for e in people if e is not entry]
        if any(m.parts.given and len(m.words) > 1 and _stem(m.parts.given) in stems for e in others for m in e[1]):
            continue
        full = [e for e in others if any(m.parts.family and _stem(m.parts.family) in stems for m in e[1])]
        if len(full) == 1:
            for m in entry[1]:
                m.parts = NameParts(family=m.parts.given)
            full[0][1].extend(entry[1])
            people.remove(entry)
    return people


def _given_before_full(ctx: Context, people: list[tuple[Person, list[_Mention]]]) -> list:
    """"Уго|Уго Чавес", "Уго (Уго Чавес)": a given name alone right before a full name with it,
    only signs between, is that person (further apart it may be someone else: "мальчик Артём")."""
    for entry in list(people):
        parts = [m.parts for m in entry[1]]
        if any(p.family or p.patronymic or not p.given or INITIAL.match(p.given) for p in parts):
            continue
        stems = {_stem(p.given) for p in parts}
        full = [e for e in people if e is not entry and any(
            m.parts.family and m.parts.given and _stem(m.parts.given) in stems for m in e[1])]
        if len(full) == 1 and all(any(m.end <= x.start and re.fullmatch(r"[\W_]{1,3}", ctx.text[m.end:x.start])
                                      for x in full[0][1]) for m in entry[1]):
            full[0][1].extend(entry[1])
            people.remove(entry)
    return people


def _masculine_patronymics(known: list[NameParts]) -> set[str]:
    return {_stem(p.patronymic) for p in known if p.patronymic and patronymic_gender(p.patronymic) == MALE}


def _stem(word: str) -> str:
    """A crude case-blind key: "Омарова", "Омаровой", "Омаров" -> "омаров"."""
    w = word.lower().replace("ё", "е")
    if re.search(r"[сц]ким$", w):
        return w[:-2]  # "Магнитским" as "Магнитский"
    if w.endswith("ая") and any(p.is_known and "Name" in p.tag for p in models().parse_word(w)):
        return w[:-1]  # "Николая" as "Николай" (not an adjectival surname: "Лозовая" as "Лозовой")
    # "ь" and "й" go too: "Скрипаль" / "Скрипаля", "Чухрай" / "Чухраю", "Игорь" / "Игоря"
    for ending in ("ого", "ому", "ой", "ым", "ом", "ую", "ая", "ий", "ем", "а", "у", "е", "ы", "и", "я", "ю",
                   "ь", "й"):
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            return w[: -len(ending)]
    return w


def _fill(ctx: Context, person: Person, mentions: list[_Mention]) -> None:
    lone = {_stem(m.parts.family) for m in mentions if m.parts.family and not m.parts.given}
    for m in mentions:  # "Роман Абрамович … Абрамович": a word that names the person alone is the surname
        if m.parts.patronymic and not m.parts.family and _stem(m.parts.patronymic) in lone:
            m.parts = NameParts(given=m.parts.given, family=m.parts.patronymic)
    gender = None
    votes = [m.gender for m in mentions if m.gender]
    patronymic = next((m.parts.patronymic for m in mentions
                       if m.parts.patronymic and not INITIAL.match(m.parts.patronymic)), None)
    if patronymic and patronymic_gender(patronymic):
        gender = patronymic_gender(patronymic)
    elif votes:
        gender = max(set(votes), key=votes.count)
    else:
        guesses = [g for g in (guess_gender(m.parts, m.case) for m in mentions) if g]
        gender = max(set(guesses), key=guesses.count) if guesses else None
    person.gender = gender
    # the fullest mention gives the name, a nominative one preferred
    best: dict[str, str] = {}
    named = [m for m in mentions if not m.latin and not m.derived] or mentions
    for m in sorted(named, key=lambda m: (m.case not in (None, "Nom"), -len(m.words))):
        norm = normalise(m.parts, gender, m.case)
        for part in ("given", "patronymic", "family"):
            value = getattr(norm, part)
            if value and (part not in best or (INITIAL.match(best[part]) and not INITIAL.match(value))):
                best[part] = value
    if "given" in best and "family" in best and " " not in best["given"] \
            and _stem(best["given"]) == _stem(best["family"]):
        del best["given"]  # "Карпин … Карпина": the surname in another case, not a given name
    person.given_name = best.get("given")
    person.patronymic = best.get("patronymic")
    person.family_name = best.get("family")
    if person.given_name and INITIAL.match(person.given_name) and person.family_name:
        pass  # "А. Третьяк": initials are all the text gives
    person.label = NameParts(person.given_name, person.patronymic, person.family_name).label or None
    for m in mentions:
        confidence = 0.9 if len(m.words) > 1 else 0.75
        person.mentions.append(ctx.evidence(m.start, m.end, confidence))
        ctx.add_mention(m.start, m.end, person.key)


def _alias_links(ctx: Context, mentions: list[_Mention]) -> None:
    """Successive mentions of one person in another form ("Сергей Петров" ... "Петров")."""
    mentions = [m for m in mentions if not m.latin and not m.derived]
    written: set[str] = set()
    for prev, cur in zip(mentions, mentions[1:]):
        written.add(ctx.text[prev.start:prev.end])
        # "Джонсон … Борис Джонсон" when the full name was written before: a repetition, not
        # another name (NEREL leaves it unlinked)
        repeated = len(prev.words) < len(cur.words) and ctx.text[cur.start:cur.end] in written
        # "Дмитрий Медведев … Д.Медведев": initials for a given name written out is another form too
        initials = _has_initial(prev.words) != _has_initial(cur.words)
        if (len(prev.words) != len(cur.words) or initials) and not repeated:
            ctx.facts.links.append(Link("ALTERNATIVE_NAME", ctx.evidence(prev.start, prev.end, 0.7),
                                        ctx.evidence(cur.start, cur.end, 0.7)))


def _has_initial(words: list[str]) -> bool:
    return any(INITIAL.match(w) for w in words)


def _latin_aliases(ctx: Context) -> None:
    """"Дэвид Эберсман (David Ebersman)": the Latin spelling is a mention of the same person."""
    persons = {p.key: p for p in ctx.facts.persons}
    for m in _LATIN_NAME.finditer(ctx.text):
        before = ctx.text[:m.start()].rstrip()
        key = None
        for start, end, k in ctx.mentions:
            if end == len(before) and k in persons:
                key, prev = k, (start, end)
        if key is None or ctx.key_at(m.start(1), m.end(1)):
            continue
        person = persons[key]
        person.mentions.append(ctx.evidence(m.start(1), m.end(1), 0.8))
        ctx.add_mention(m.start(1), m.end(1), key)
        ctx.facts.links.append(Link("ALTERNATIVE_NAME", ctx.evidence(*prev, 0.8),
                                    ctx.evidence(m.start(1), m.end(1), 0.8)))


# "Шон Картер, известный как Джей Зи", "Фрэнк Кали по прозвищу Фрэнки Бой", "Табмен (урождённая
# Араминта Росс)", "Анна Иванова (настоящее имя — Анна Петрова)"
_TOLD_ALIAS = re.compile(r"^\s*[,(]?\s*(?:(?:более\s+|также\s+)?известн\w+\s+(?:также\s+|всем\s+)?(?:как|под\s+(?:именем|псевдонимом|прозвищем))"
                         r"|по\s+прозвищу|по\s+кличке|под\s+псевдонимом|(?:он|она)\s+же|урожд[её]нн\w+"
                         r"|(?:настоящее|подлинное)\s+имя|псевдоним)\s*[—–-]?\s*[(«\"]?\s*$", re.IGNORECASE)


# "Неофит (Димитров)", "Кессиди Вульф (Кэссиди Вулф; Cassidy Wolf)": a name in brackets right
# after a name is the same person's other name
_BRACKETED = re.compile(r"\s*\(\s*$")
_BRACKET_END = re.compile(r"\s*[);,]")


def _told_aliases(ctx: Context) -> None:
    """Another name the text says a person goes by: a nickname, a pseudonym, a maiden name."""
    persons = {p.key for p in ctx.facts.persons if not p.anonymous}
    named = sorted((s, e, k) for s, e, k in ctx.mentions if k in persons)
    for (s1, e1, k1), (s2, e2, k2) in zip(named, named[1:]):
        if e1 <= s2 and (_TOLD_ALIAS.match(ctx.text[e1:s2]) or _BRACKETED.match(ctx.text[e1:s2])
                         and _BRACKET_END.match(ctx.text, e2)):
            ctx.facts.links.append(Link("ALTERNATIVE_NAME", ctx.evidence(s1, e1, 0.8), ctx.evidence(s2, e2, 0.8)))


@lru_cache(maxsize=100_000)
def nominative(word: str) -> str:
    """The nominative singular of a word, keeping its capitalisation."""
    for parse in models().parse_word(word):
        form = parse.inflect({"nomn"})
        if form:
            return _keep_case(word, form.word)
    return word


def _keep_case(original: str, word: str) -> str:
    if original.isupper():
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word

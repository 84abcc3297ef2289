"""Deaths: when each person or group who died in an incident died (`diedOn`).

Who died in which incident (`diedIn`) is set as the incidents are read, so that a later
"отдали свои жизни" can be told apart from a new death; the date is known only once the
dates have flowed through the compound incidents.
"""

from __future__ import annotations

import re

from ..model import DateValue, Incident, Link
from .context import Context
from .groups import person_lemma


def record_deaths(ctx: Context, incidents: list[Incident]) -> None:
    """When each one who died in an incident died: the date a sentence states of the death itself
    ("Иван Орлов скончался 5 мая", "(1920 — 2001)"), that of the line telling the incident first, else
    the incident's date. A stated date wins over the incident's, which may have flowed from another
    happening told beside it ("после смерти его друга в 1971 году")."""
    by_key = {i.key: i for i in incidents}
    stated = _stated_deaths(ctx)
    for item in ctx.facts.persons + ctx.facts.groups:
        incident = by_key.get(item.died_in or "")
        if incident is None:
            continue
        said = stated.get(item.key, [])
        told = incident.evidence[0] if incident.evidence else None
        here = next((d for d in said if told is not None and told.start <= d.evidence.start < told.end), None)
        if here is not None:
            item.died_on = here
        elif said:
            item.died_on = said[0]
        elif item.died_on is None and not (incident.date and incident.date.evidence and _of_a_noun(
                ctx, ctx.analysis.sentence_of(incident.date.evidence.start), incident.date.evidence)):
            item.died_on = incident.date


def _stated_deaths(ctx: Context) -> dict[str, list[DateValue]]:
    """The dates of death read beside a death verb or in a life span (DATE_OF_DEATH links), by person,
    in the order of the text; only dates proper, not "в воскресенье"."""
    dates = {(d.evidence.start, d.evidence.end): d for d in ctx.facts.dates if d.evidence and "/" not in d.edtf}
    out: dict[str, list[DateValue]] = {}
    for link in sorted((x for x in ctx.facts.links if x.relation == "DATE_OF_DEATH"), key=lambda x: x.target.start):
        key = ctx.key_at(link.source.start, link.source.end)
        date = dates.get((link.target.start, link.target.end))
        if date is None and re.fullmatch(r"\d{4}", link.target.quote):
            # "(1939—2013)": the year after the dash, read as a date of its own (the bracket is one period)
            date = DateValue(edtf=link.target.quote, value=link.target.quote, phrase=link.target.quote,
                             evidence=link.target)
        if key and date is not None:
            out.setdefault(key, []).append(date)
    return out


# verbs of a death the text reports as such, not a killing ("убит", "застрелен" are read as
# incidents); participles too: "Андре Мальро, умершего в 1976 году"
_DIE = {"умереть", "скончаться", "умерший", "скончавшийся"}
_DIE_FORMS = re.compile(r"^(?:умер|скончал|умерш|скончавш)", re.IGNORECASE)
_LEFT_LIFE = re.compile(r"^\s+из\s+жизни")
# a place of death is where the death happened: "в Москве", "в городе Сирт", "во Франции"
_IN = re.compile(r"(?:^|\s)(?:в|во)\s+(?:город[еа]\s+|посёлке\s+|поселке\s+|селе\s+|деревне\s+)?$", re.IGNORECASE)
_BIRTH = re.compile(r"родил|рожд|\bр\.")
# "через несколько дней", "две недели назад": a span from another happening, not the day of death
_VAGUE = re.compile(r"назад|через|спустя|после|несколько|\bнедел|\bмесяц[аеу]?\b|\bдн", re.IGNORECASE)


def death_dates(ctx: Context) -> None:
    """"Майкл Джексон скончался 25 июня 2009 года", "Хью Хефнера, умершего в сентябре 2017 года",
    "25 декабря скончался певец Джордж Майкл": the date (and "в"-place) a death verb is told with,
    and the person who died, as NEREL's DATE_OF_DEATH (PLACE_OF_DEATH) links between mentions. Only within one sentence, and
    only where the dying person is the verb's subject, the name the participle hangs on, or the
    one person the sentence names."""
    persons = {p.key for p in ctx.facts.persons if not p.anonymous}
    named = sorted((s, e, k) for s, e, k in ctx.mentions if k in persons)
    dated = sorted([d.evidence for d in ctx.facts.dates if d.evidence] + list(ctx.facts.time_expressions),
                   key=lambda e: e.start)
    places = sorted((m for p in ctx.facts.places for m in p.mentions), key=lambda m: m.start)
    # "(1939—2013) умер": a period, as a life span in brackets is read, is no day of death
    periods = {(d.evidence.start, d.evidence.end) for d in ctx.facts.dates if d.evidence and "/" in d.edtf}
    for sentence in ctx.analysis.sentences:
        for verb in sentence.tokens:
            if not _dies(ctx, verb):
                continue
            clause = _clause(ctx.text, sentence.start, sentence.end, verb)
            inside = [m for m in named if clause[0] <= m[0] and m[1] <= clause[1]]
            who = _dying(ctx, sentence, verb, inside) or _relative_clause_owner(ctx, clause, named)
            if who is None:
                continue
            for where in places:  # "скончался в больнице в Лиме", "В Милане скончался …"
                if clause[0] <= where.start and where.end <= clause[1] and _IN.search(ctx.text[max(0, where.start - 12):where.start]) \
                        and not _BIRTH.search(ctx.text[min(where.end, verb.start):max(where.start, verb.end)]) \
                        and not _other_verb(sentence, verb, where) \
                        and not (where.end <= verb.start and "," in ctx.text[where.end:verb.start]):
                    # "Ван Бин, замначальника штаба в Южно-Китайском море, умер": the place is the post's
                    ctx.facts.links.append(Link("PLACE_OF_DEATH", ctx.evidence(who[0], who[1], 0.7),
                                                ctx.evidence(where.start, where.end, 0.7)))
            dates = [d for d in dated if clause[0] <= d.start and d.end <= clause[1] and not _VAGUE.search(d.quote)
                     and (d.start, d.end) not in periods and not _of_a_noun(ctx, sentence, d)
                     and not _BIRTH.search(ctx.text[min(d.end, verb.start):max(d.start, verb.end)])
                     and not _other_verb(sentence, verb, d)]
            if not dates:
                continue
            when = min(dates, key=lambda d: min(abs(d.start - verb.end), abs(verb.start - d.end)))
            ctx.facts.links.append(Link("DATE_OF_DEATH", ctx.evidence(who[0], who[1], 0.7),
                                        ctx.evidence(when.start, when.end, 0.7)))


# "(2 февраля 1983 года, Ухта — 16 октября 2016 года, Донецк)", "(? — 1944)": a life span in brackets
_YEARS = re.compile(r"(1[0-9]\d\d|20[0-2]\d)\s*[—–-]\s*(1[0-9]\d\d|20[0-2]\d)")
_REGNAL = re.compile(r"\b[IVX]+\b")
# two bare years closer than this are a term of office more likely than a life
_SHORTEST_LIFE = 20
_SPAN_DASH = re.compile(r"\s[—–-]\s|(?<=\d)[—–](?=\d)|(?<=\?)\s*[—–-]\s*")


def life_spans(ctx: Context) -> None:
    """"Арсен Павлов (2 февраля 1983 года, Ухта — 16 октября 2016 года, Донецк)", "Йюхи V Мусинга
    (? — 1944)": the date after the dash of a life span in brackets right after a person's name is
    when the person died. Only when the part before the dash is a date or an unknown "?", so that
    "(в 1990 — 1995 годах министр)" is not read as one."""
    text = ctx.text
    persons = {p.key: p for p in ctx.facts.persons if not p.anonymous}
    dated = [d for d in ctx.facts.dates if d.value and d.evidence]
    for start, end, key in sorted(ctx.mentions):
        person = persons.get(key)
        opening = re.match(r"\s*\(", text[end:end + 3])
        if person is None or opening is None:
            continue
        left = end + opening.end()
        right = text.find(")", left, left + 160)
        if right < 0:
            continue
        years = _YEARS.fullmatch(text[left:right].strip())
        # "(1921–1989)"; "Николай II (1894–1917)" reigned; "Вацлав Гавел (1993—2003)", elected, held office
        if years and not _REGNAL.search(text[start:end]) and int(years.group(2)) - int(years.group(1)) >= _SHORTEST_LIFE:
            year = left + len(text[left:right]) - len(text[left:right].lstrip()) + years.start(2)
            died = DateValue(edtf=years.group(2), value=years.group(2), phrase=years.group(2),
                             evidence=ctx.evidence(year, year + 4, 0.7))
            _died_on(ctx, person, (start, end), died)
            continue
        dash = next((m for m in _SPAN_DASH.finditer(text, left, right)), None)
        if dash is None:
            continue
        before, after = text[left:dash.start()], text[dash.end():right]
        died = next((d for d in dated if dash.end() <= d.evidence.start < right
                     and not text[dash.end():d.evidence.start].strip()), None)
        born = before.strip().endswith("?") or any(left <= d.evidence.start < dash.start() for d in dated)
        if died is None or not born or not after.strip():
            continue
        _died_on(ctx, person, (start, end), died)


def _died_on(ctx: Context, person, mention: tuple[int, int], died: DateValue) -> None:
    if person.died_on is None:
        person.died_on = DateValue(edtf=died.edtf, value=died.value, phrase=died.phrase, evidence=died.evidence)
    ctx.facts.links.append(Link("DATE_OF_DEATH", ctx.evidence(mention[0], mention[1], 0.7),
                                ctx.evidence(died.evidence.start, died.evidence.end, 0.7)))


# "чемпион мира 1985 года", "премии 2012 года": a bare year in the genitive right after a noun is that noun's
_BARE_YEAR = re.compile(r"\d{4}\s+года")


def _of_a_noun(ctx: Context, sentence, date) -> bool:
    """A bare year right after a noun ("чемпион мира 1985 года") is the noun's date."""
    if sentence is None or not _BARE_YEAR.fullmatch(date.quote):
        return False
    before = [t for t in sentence.tokens if t.end <= date.start]
    return bool(before) and before[-1].pos in ("NOUN", "PROPN") and not ctx.text[before[-1].end:date.start].strip()


def _relative_clause_owner(ctx: Context, clause: tuple[int, int], named) -> tuple[int, int, str] | None:
    """"посла Виталия Чуркина, который скончался 20 февраля": the name the "который" follows."""
    if not re.match(r"\s*(?:который|которая)\s", ctx.text[clause[0]:clause[0] + 12]):
        return None
    comma = clause[0] - 1
    return next((m for m in named if re.fullmatch(r"\s*", ctx.text[m[1]:comma])), None)


def _other_verb(sentence, verb, date) -> bool:
    """"В субботу Петров сообщил, что Смирнов умер": the date tells another verb's time."""
    low, high = min(date.end, verb.start), max(date.start, verb.end)
    return any(low <= t.start and t.end <= high and t is not verb and t.pos == "VERB"
               and t.feats.get("VerbForm") == "Fin" for t in sentence.tokens)


def _dies(ctx: Context, token) -> bool:
    if token.lemma in _DIE or _DIE_FORMS.match(token.text):
        return not token.text.lower().startswith("умерен")  # "умеренный"
    return token.lemma == "уйти" and bool(_LEFT_LIFE.match(ctx.text[token.end:token.end + 12]))


def _clause(text: str, start: int, end: int, verb) -> tuple[int, int]:
    """The stretch of the sentence the verb tells: not past a semicolon, a dash between names of a
    list, or a "который"/"когда" clause of another happening."""
    cuts = [m.start() for m in _CLAUSE_CUT.finditer(text, start, end)]
    left = max([c + 1 for c in cuts if c < verb.start] + [start])
    return left, min([c for c in cuts if c >= verb.end] + [end])


_CLAUSE_CUT = re.compile(r";| — |,\s+(?:а|но|однако|затем|потом|когда|который|которая|которые|что)\b")


def _dying(ctx: Context, sentence, verb, inside: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    if verb.pos in ("VERB", "AUX") and verb.feats.get("VerbForm") != "Part":
        subjects = [t for t in sentence.tokens if t.head == verb.index and t.rel.startswith("nsubj")]
        for subject in subjects:
            span = [t for t in sentence.tokens if t is subject or t.head == subject.index and t.rel in ("flat:name", "appos", "flat")]
            hit = next((m for m in inside if any(m[0] <= t.start < m[1] for t in span)), None)
            if hit:
                return hit
    else:  # a participle: the name just before its comma
        before = [m for m in inside if m[1] <= verb.start and re.fullmatch(r",?\s*", ctx.text[m[1]:verb.start])]
        if before:
            return before[-1]
    # the one person the clause names, unless the name is a thing's: "болезни Паркинсона" names a disease
    own = [m for m in inside if not any(t.start == m[0] and _of_a_thing(sentence, t) for t in sentence.tokens)]
    if len({k for _, _, k in inside}) == 1 and own:
        return min(own, key=lambda m: min(abs(m[0] - verb.end), abs(verb.start - m[1])))
    return None


def _of_a_thing(sentence, token) -> bool:
    """"болезни Паркинсона", "синдром Дауна": a name in the genitive of a common noun not of a person."""
    head = next((t for t in sentence.tokens if t.index == token.head), None)
    return token.rel == "nmod" and token.feats.get("Case") == "Gen" and head is not None and head.pos == "NOUN" \
        and not person_lemma(head)

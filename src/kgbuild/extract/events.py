"""The events stage: incidents, compound incidents, deaths, kinship, commemorations, membership.

Runs after the entity stages, on their mentions. One `People` register is shared by the
steps, so that "мужчину" read as a victim is the same man "их дочь" is the daughter of.
"""

from __future__ import annotations

import re

from ..model import DateValue, Incident
from .commemorations import extract_commemorations
from .context import Context
from .deaths import record_deaths
from .groups import People, person_lemma
from . import triggers as lex
from .incidents import IncidentReader
from .kinship import extract_kinship

# incident types that are wholes made of the incidents told after them
COMPOUND_TYPES = {"Escape"}
# what can happen during an escape; a later sentence or a resignation is told about it, not in it
PART_TYPES = {"Attack", "Killing", "Death", "VehicleSeizure", "HostageTaking", "Shootout", "Injury",
              "Explosion", "Fire", "Detention", "Arrest", "Accident"}


def extract_events(ctx: Context) -> None:
    people = People(ctx)
    reader = IncidentReader(ctx, people)
    incidents = reader.read()
    _headline_wholes(ctx, reader, incidents)
    ctx.facts.incidents.extend(incidents)
    _compounds(reader, incidents)
    _dates(ctx, reader, incidents)
    known = len(incidents)
    reader.finish()
    _line_dates(ctx, reader, incidents[known:], incidents)
    ctx.facts.incidents.extend(incidents[known:])  # told only in a headline
    record_deaths(ctx, incidents)
    extract_kinship(ctx, people, reader.segments)
    _membership(ctx, people, reader)
    extract_commemorations(ctx, people, reader.segments)


def _headline_wholes(ctx: Context, reader: IncidentReader, incidents: list[Incident]) -> None:
    """"Побег с Жаман-сопки" over a body that tells an attack, killings and a shootout but never
    says "побег": the headline names the whole the body's incidents are parts of. Only when the
    text concerns one penal institution, which the whole is then from."""
    penal = [i for i in ctx.facts.institutions if i.category == "PenalInstitution"]
    if len(penal) != 1:
        return
    for kind, seg in reader.headline_triggers():
        if kind not in COMPOUND_TYPES or any(i.type == kind for i in incidents):
            continue
        body = sorted((i for i in incidents if i.type in PART_TYPES), key=lambda i: reader.start_of[i.key])
        if not body or not any(p.role == "perpetrator" for i in body for p in i.participations):
            continue
        first = body[0]
        whole = Incident(key=ctx.new_key("inc"), type=kind, label=lex.LABELS.get(kind),
                         institution=penal[0].key, evidence=[reader.segment_evidence(seg, 0.6)])
        # it stands where its first part begins, so the parts told after it are gathered
        reader.start_of[whole.key] = reader.start_of[first.key] - 1
        reader.paragraph_of[whole.key] = reader.paragraph_of[first.key]
        incidents.insert(incidents.index(first), whole)
        return


def _compounds(reader: IncidentReader, incidents: list[Incident]) -> None:
    """An escape and the incidents told after it, paragraph by paragraph, are one whole."""
    body_paragraphs = sorted({seg.paragraph for seg in reader.segments if not seg.headline})
    with_incidents = {reader.paragraph_of[i.key] for i in incidents}
    for whole in incidents:
        if whole.type not in COMPOUND_TYPES or whole.part_of:
            continue
        start = reader.start_of[whole.key]
        paragraph = reader.paragraph_of[whole.key]
        run = {paragraph}
        for p in body_paragraphs:
            if p <= paragraph:
                continue
            if p not in with_incidents:
                break
            run.add(p)
        parts = [i for i in incidents if i is not whole and reader.start_of[i.key] > start
                 and reader.paragraph_of[i.key] in run and i.type in PART_TYPES and not i.part_of]
        for n, part in enumerate(sorted(parts, key=lambda i: reader.start_of[i.key]), start=1):
            part.part_of = whole.key
            part.sequence = n


def _dates(ctx: Context, reader: IncidentReader, incidents: list[Incident]) -> None:
    """A date in the incident's own sentence; else one told with a later word for it; else the
    compound's; else the day the sentence just before tells."""
    dated = [d for d in ctx.facts.dates if d.value and d.evidence]
    seg_of = {inc.key: _segment(reader, reader.start_of[inc.key]) for inc in incidents}
    for inc in incidents:
        inc.date = _own_date(ctx, reader, inc, seg_of[inc.key], incidents, dated) \
            or _retold_date(reader, inc, dated)
    by_key = {i.key: i for i in incidents}
    for whole in incidents:
        parts = [i for i in incidents if i.part_of == whole.key]
        if not parts or whole.date:
            continue
        first, last = reader.start_of[whole.key], max(reader.start_of[p.key] for p in parts)
        # a date told with a part is that part's; the whole's stands on its own ("9 августа …
        # рутинная работа обернулась трагедией")
        own = [seg_of[p.key] for p in parts]
        inside = [d for d in dated if first <= d.evidence.start <= last and d.precision == "day"
                  and not any(g.start <= d.evidence.start < g.end for g in own)]
        if len({d.value for d in inside}) == 1:
            whole.date = _copy(inside[0])
    for inc in incidents:
        if inc.date is None and inc.part_of and by_key[inc.part_of].date:
            inc.date = _copy(by_key[inc.part_of].date)
        seg = seg_of[inc.key]
        if inc.date is None and seg is not None and not _timed(ctx, seg):
            # "9 августа … рутинная работа обернулась трагедией. Осуждённые напали …": the day the
            # sentence before told; not a year of a life story ("В 1988 году окончила институт. …
            # родила двоих детей"), nor a date further back
            before = max((g for g in reader.segments if g.end <= seg.start), key=lambda g: g.end, default=None)
            earlier = [d for d in dated if before is not None and before.paragraph == seg.paragraph
                       and before.start <= d.evidence.start < before.end and d.precision == "day"]
            if earlier:
                inc.date = _copy(earlier[-1])


def _timed(ctx: Context, seg) -> bool:
    """Whether a line tells a time of its own, even one no incident took ("через два дня", "в 1990-е")."""
    return any(seg.start <= d.evidence.start < seg.end for d in ctx.facts.dates if d.evidence) or \
        any(seg.start <= e.start < seg.end for e in ctx.facts.time_expressions)


def _line_dates(ctx: Context, reader: IncidentReader, incidents: list[Incident], everything: list[Incident]) -> None:
    """Incidents told only in a headline or a caption ("Олег Попов на выступлении в Германии в
    2009 году") take the date of their own line, and no other."""
    dated = [d for d in ctx.facts.dates if d.value and d.evidence]
    for inc in incidents:
        if inc.date is None and inc.key in reader.trigger_of:
            inc.date = _own_date(ctx, reader, inc, reader.trigger_of[inc.key][0], everything, dated)


def _own_date(ctx: Context, reader: IncidentReader, inc: Incident, seg, incidents: list[Incident],
              dated: list[DateValue]) -> DateValue | None:
    """The date of the incident's own line: the one on its word, else the nearest one that is
    no other incident's and stands with its word, a full date before one the text gives without
    its year ("в середине апреля") or as a span ("с 11 по 22 мая 2016 года")."""
    if seg is None:
        return None
    # "избирается с 2003 года", "первый финал с 1994 года": since when, not when; but a post
    # given or left, a rule brought in "с 27 октября", takes effect that day
    line = [d for d in ctx.facts.dates if d.evidence and seg.start <= d.evidence.start < seg.end
            and (inc.type in _TAKING_EFFECT or not _SINCE.match(d.phrase or ""))]
    # "24 февраля 2008 года он покинул все должности, а 19 апреля 2011 года ушёл и с поста": a
    # clause with a date of its own tells the time of its own incidents only
    clause = _clause(ctx.text, seg, reader.start_of[inc.key])
    if any(clause[0] <= d.evidence.start < clause[1] for d in line):
        line = [d for d in line if clause[0] <= d.evidence.start < clause[1]]
    # "на ЧМ-2018": the year in the happening's own name
    mine = next((d for d in line if inc.trigger and inc.trigger.start <= d.evidence.start < inc.trigger.end), None) \
        or _on_word(reader, inc, line)
    if mine is None:
        # a date that hangs on another incident's word is that incident's ("после войны … умер в 1993 году")
        others = {id(d) for other in incidents if other is not inc and other.part_of != inc.key
                  and not _within(reader, other, inc)  # a whole's date is its parts' too
                  for d in [_on_word(reader, other, line)] if d}
        free = [d for d in line if id(d) not in others and (inc.key not in reader.trigger_of
                                                            or _stands_with(*reader.trigger_of[inc.key], d,
                                                                            inc.type in _TAKING_EFFECT))]
        # "в 2010 году задержан, а в 2013 году приговорён": the nearest
        at = reader.start_of[inc.key]
        pool = [d for d in free if d.value] or free
        mine = min(pool, key=lambda d: (abs(d.evidence.start - at), d.evidence.start)) if pool else None
    return _with_year(mine, dated) if mine else None


def _within(reader: IncidentReader, other: Incident, inc: Incident) -> bool:
    """Whether `other`'s word is a noun of `inc`'s phrase, whose time is the same: "теракт на
    марафоне 15 апреля" (not "убийство после матча 5 мая")."""
    if other.key not in reader.trigger_of or inc.key not in reader.trigger_of:
        return False
    (seg, word), (own_seg, own) = reader.trigger_of[other.key], reader.trigger_of[inc.key]
    if seg is not own_seg or word.head != own.index or own.pos in ("VERB", "AUX") or word.rel != "nmod":
        return False
    return not any(c.head == word.index and c.rel == "case" and c.lemma in _OTHER_TIME for c in seg.sentence.tokens)


# incidents that take effect on the day "с" names and are done by announcing them
_TAKING_EFFECT = {"Appointment", "Resignation", "Leaving", "Joining", "Release", "Proclamation", "Deprivation"}
_SINCE = re.compile(r"(?i)(?:начиная\s+)?(?:с|со)\s+(?!.*\sпо\s)")


# where one clause of a line ends and another, with its own time, begins
_CLAUSE_CUT = re.compile(r";|,\s+(?:а|но|однако|тогда\s+как)\s|,\s+(?:а|но)\s+затем\s")


def _clause(text: str, seg, at: int) -> tuple[int, int]:
    cuts = [m.start() for m in _CLAUSE_CUT.finditer(text, seg.start, seg.end)]
    return max([c for c in cuts if c < at] + [seg.start]), min([c for c in cuts if c >= at] + [seg.end])


_DAY_MONTH = re.compile(r"^XXXX-(\d\d-\d\d)$")


def _with_year(date: DateValue, dated: list[DateValue]) -> DateValue:
    """"18 июня у них родилась двойня": a date without its year takes the year of an earlier full
    date of the same day, else stays as EDTF has it ("XXXX-06-18")."""
    m = _DAY_MONTH.match(date.edtf or "")
    same = [e for e in dated if m and e.evidence.start < date.evidence.start and len(e.value) == 10
            and e.value.endswith(m.group(1))]
    if same:
        return DateValue(edtf=same[-1].edtf, value=same[-1].value, phrase=date.phrase, evidence=date.evidence)
    return _copy(date)


def _retold_date(reader: IncidentReader, inc: Incident, dated: list[DateValue]) -> DateValue | None:
    """"Рено скончалась … Рено умерла в ночь на понедельник, 7 ноября 2016 года": a date on a later
    word that tells the same incident."""
    for word in inc.retold:
        seg = _segment(reader, word.start)
        token = seg.sentence.token_at(word.start) if seg else None
        if token is None:
            continue
        own = [d for d in dated if seg.start <= d.evidence.start < seg.end]
        on = _on_token(seg, token, own)
        if on is not None:
            return _copy(on)
    return None


def _stands_with(seg, word, date: DateValue, announced: bool = False) -> bool:
    """Whether a date of the line can tell when the incident of `word` happened: it hangs on a word
    above or below it, or on the verb a noun for the incident is the subject or object of
    ("Убийство произошло 14 февраля"). Not a date of another branch of the sentence ("Хамдалла,
    которому в августе исполнится 55 лет, стал премьером после того, как … подал"), nor, for a
    verb, the time of a verb it is buried under further up; for a noun, not the time of a verb
    that tells of it or answers it ("сообщили о гибели"), unless `announced`: a post left or
    given by the announcing ("заявил об уходе с поста")."""
    s = seg.sentence
    by_index = {t.index: t for t in s.tokens}
    inside = [t for t in s.tokens if date.evidence.start <= t.start < date.evidence.end]
    root = next((t for t in inside if t.head not in {i.index for i in inside}), None)
    head = by_index.get(root.head) if root is not None and root.head is not None else None
    while head is not None and (head.lemma in _DAYTIME or head.text.lower() in _DAYTIME) and head.head in by_index:
        head = by_index[head.head]  # "с утра, 13 сентября, проходят обыски": the date of the morning's verb
    if head is None or head.index == word.index:
        return True
    noun = word.pos not in ("VERB", "AUX")
    if noun and head.lemma not in _TELLING and _ends_phrase(s, by_index, word, date):
        return True  # not "задержание в среду вызвало протесты", the reaction's day
    if not noun and word.head is None and head.head is None and head.pos in ("VERB", "AUX") and head.lemma not in _TELLING:
        # "27 октября … потерял сознание и был госпитализирован": a line the parser left with two
        # roots, verbs of one rank, each the time of the other; not a clause it failed to put under
        # another ("после того как …", "пожар, в котором погибли …", "(… захватили автомобиль)"),
        # nor one told past "а", "но", "однако"; and the time of a telling ("скончалась, сообщили в
        # воскресенье") is not the time of the told
        return _same_rank(s, word, date)
    if not noun and _in_clause_of_another(by_index, root, word):
        # "Хамдалла, которому в августе исполнится 55 лет, стал премьером, когда Фаяд ушёл"; a noun's
        # clause may tell its own time ("к взрыву в аэропорту, который прогремел 24 января")
        return False
    if _when_clause(by_index, word, root, head):
        return True  # "отдыхал 15 июля, когда произошла попытка переворота", "в 2008 году, когда он ушёл"
    if noun and head.index in _above(by_index, word) and _before_or_after(by_index, word, head):
        # "11 июля Навальный вышел из спецприёмника после 10 суток ареста за участие в марше"; not a
        # date below the noun ("до конгресса, который пройдёт 25 января")
        return False
    if noun and word.index in _above(by_index, head) and _through(by_index, head, word, _OTHER_TIME - {"за"}):
        # "убийство после матча 5 мая": the date of what came before it ("бои за Иловайск (август
        # 2014)": below a noun, "за" is what it is for)
        return False
    announced = announced and word.head == head.index and head.lemma in lex.ANNOUNCING
    if noun and not announced and (_through(by_index, word, head, _TOLD_ABOUT) or _fact_of(by_index, word, head)):
        # "в понедельник сообщили о гибели", "возбудил дело об убийстве": the telling's time; a post
        # is left or given when announced ("21 ноября заявил об уходе с поста"), not when asked for
        # ("прошение об отставке") or rumoured
        return False
    if noun and not announced and head.lemma in _TELLING:
        return False  # "во вторник осудили нападение", "арест вызвал возмущение в среду": the reaction's time
    if word.head == head.index:  # "ДТП произошло утром в среду", "подал в отставку 8 сентября"
        # "В среду министр заявил, что полиция задержала …": the time of the telling, not of the told
        # ("начал карьеру в 2010 году, возглавив сборную": a converb's time is its verb's)
        return not (noun and word.rel == "amod") and (word.rel.split(":")[0] not in ("ccomp", "advcl", "csubj")
                                                      or word.feats.get("VerbForm") == "Conv")
    if head.index in _above(by_index, word):  # the date tells a verb the word hangs under
        # not from a clause of its own under the verb ("выйдут сегодня, чтобы посмотреть концерт",
        # "сегодня объявили, что он пропустит инаугурацию"); a converb's time is its verb's
        # ("в 2009 году прославилась, выступив на конкурсе")
        chain = [word] + _chain(by_index, word)
        between = chain[:[t.index for t in chain].index(head.index)]
        return noun and head.pos == "VERB" and not any(
            t.pos == "VERB" and t.rel.split(":")[0] in _CLAUSE_RELS and t.feats.get("VerbForm") != "Conv"
            for t in between)
    # a date below the word ("посетят … с 10 по 21 апреля", "нападение, которое он осуществил в
    # апреле 2015 года"); for a noun as for a verb, not a date on a word of another branch of the
    # line ("причиной смерти стала болезнь, сообщает агентство со ссылкой на бюро в пятницу")
    return word.index in _above(by_index, head)


def _ends_phrase(s, by_index: dict, word, date: DateValue) -> bool:
    """Whether the date closes the noun's own phrase, with only words of that phrase between them:
    "бои в пригородах Донецка в июле 2014 года", whatever the parser hung it on; not past a
    comma, nor past a happening before or after it ("убийство после матча 5 мая")."""
    if date.evidence.start < word.end or "," in s.text[word.end - s.start:date.evidence.start - s.start]:
        return False
    between = [t for t in s.tokens if word.end <= t.start < date.evidence.start]
    return all(word.index in _above(by_index, t) for t in between) and not any(
        c.rel == "case" and c.lemma in _OTHER_TIME and c.head in {t.index for t in between} for c in between)


def _when_clause(by_index: dict, word, root, head) -> bool:
    """Whether `word` stands in a "когда" clause told of the date or of the verb the date is on,
    whose time it shares: "закончилось 19 апреля, когда в здании начался пожар"."""
    chain = [word] + _chain(by_index, word)
    ends = {t.index for t in (root, head) if t is not None}
    for n, token in enumerate(chain[1:], start=1):
        if token.index in ends:
            clause = chain[n - 1]
            # not what the clause accuses or tells of ("начались, когда он обвинил их в нападении")
            told = word.pos not in ("VERB", "AUX") and any(t.lemma in _TELLING for t in chain[1:n])
            return not told and clause.pos in ("VERB", "AUX") and clause.rel.split(":")[0] in ("advcl", "acl") and any(
                c.lemma == "когда" and c.rel in ("mark", "advmod") for c in by_index.values() if c.head == clause.index)
    return False


def _same_rank(s, word, date: DateValue) -> bool:
    if any(c.rel == "mark" or c.lemma == "который" for c in s.children(word.index)):
        return False
    before = s.text[:word.start - s.start]
    if before.count("(") > before.count(")"):
        return False
    lo, hi = sorted((date.evidence.end, word.start))
    return not _CLAUSE_CUT.search(s.text[lo - s.start:hi - s.start])


# prepositions that put what they introduce before or after the time of the verb they hang on
_OTHER_TIME = {"после", "до", "перед", "за", "накануне", "спустя", "через"}


# verbs that tell of, judge or answer a happening, whose time is theirs, not the happening's
_TELLING = {"сообщить", "сообщать", "заявить", "заявлять", "опровергнуть", "отрицать", "осудить", "осуждать",
            "прокомментировать", "комментировать", "обсудить", "обсуждать", "расследовать", "вспомнить",
            "вспоминать", "напомнить", "назвать", "называть", "вызвать", "вызывать", "обвинить", "обвинять",
            "рассказать", "рассказывать", "упомянуть", "раскритиковать", "критиковать", "оценить",
            "приветствовать", "одобрить", "расценить", "связать", "связывать"}
# prepositions that make a noun what a verb tells or thinks of ("сообщил о гибели", "дело об убийстве")
_TOLD_ABOUT = {"о", "об", "обо", "про"}


# how a clause hangs on the verb it is told under
_CLAUSE_RELS = {"advcl", "ccomp", "csubj", "parataxis", "acl"}


def _before_or_after(by_index: dict, word, head) -> bool:
    """Whether the noun `word` hangs on `head` through "после", "до", "за" …: a happening before or
    after the one the date tells."""
    return _through(by_index, word, head, _OTHER_TIME)


def _fact_of(by_index: dict, word, head) -> bool:
    """"Подтвердила факт гибели": the noun is the fact a verb states, not what the verb does."""
    for token in _chain(by_index, word):
        if token.index == head.index:
            return False
        if token.lemma == "факт":
            return True
    return False


def _through(by_index: dict, word, head, prepositions: set[str]) -> bool:
    """Whether the noun `word` hangs on `head` through one of `prepositions`, on itself or on a
    word between them."""
    for token in [word] + _chain(by_index, word):
        if token.index == head.index:
            return False
        if any(c.head == token.index and c.rel == "case" and c.lemma in prepositions for c in by_index.values()):
            return True
    return False


def _in_clause_of_another(by_index: dict, token, word) -> bool:
    """Whether `token` stands in a relative clause or participle phrase of a word other than
    `word`, that does not hold `word`."""
    above = _above(by_index, word) | {word.index}
    return any(t.rel in ("acl:relcl", "acl") and t.head != word.index and t.index not in above
               for t in [token] + [by_index[i] for i in _above(by_index, token)])


def _above(by_index: dict, token) -> set[int]:
    return {t.index for t in _chain(by_index, token)}


def _chain(by_index: dict, token) -> list:
    """The words above `token`, nearest first (the parser's heads may run in a circle)."""
    out: list = []
    seen = {token.index}
    while token.head is not None and token.head not in seen and token.head in by_index:
        seen.add(token.head)
        token = by_index[token.head]
        out.append(token)
    return out


def _segment(reader: IncidentReader, offset: int):
    return next((seg for seg in reader.segments if seg.start <= offset < seg.end), None)


def _on_word(reader: IncidentReader, inc: Incident, dates: list[DateValue]) -> DateValue | None:
    """The date whose phrase hangs on the incident's word ("в 2013 году приговорён")."""
    if inc.key not in reader.trigger_of:
        return None
    return _on_token(*reader.trigger_of[inc.key], dates)


# "умерла в ночь на понедельник, 7 ноября", "нашли утром 4 марта", "в субботний полдень 9 апреля", "на
# осень 2013 года": the part of the day or the season the date hangs on
_DAYTIME = {"ночь", "утро", "день", "вечер", "ночью", "утром", "днём", "днем", "вечером", "полдень", "полночь",
            "весна", "лето", "осень", "зима"}


def _on_token(seg, word, dates: list[DateValue]) -> DateValue | None:
    below = seg.sentence.children(word.index)
    below += [g for c in below if c.lemma in _DAYTIME or c.text.lower() in _DAYTIME
              for g in seg.sentence.children(c.index)]
    on = [d for d in dates if any(d.evidence.start <= c.start < d.evidence.end for c in below)]
    # "18 февраля поступили документы, в связи с чем 21 февраля он был задержан", both read as the
    # verb's: the one nearest the word
    return min(on, key=lambda d: min(abs(d.evidence.start - word.end), abs(word.start - d.evidence.end))) if on else None


def _copy(date: DateValue) -> DateValue:
    return DateValue(edtf=date.edtf, value=date.value, phrase=date.phrase, evidence=date.evidence)


def _membership(ctx: Context, people: People, reader: IncidentReader) -> None:
    """"сотрудники УИС": when every staff noun with an institution names the same one, the
    people the text calls staff ("трое сотрудников") are its members."""
    institutions: set[str] = set()
    evidence = None
    for seg in reader.segments:
        s = seg.sentence
        for token in s.tokens:
            if person_lemma(token) not in ("сотрудник", "сотрудница"):
                continue
            for child in s.children(token.index):
                key = ctx.key_at(child.start, child.end)
                if key and any(i.key == key for i in ctx.facts.institutions) and child.rel == "nmod":
                    institutions.add(key)
                    evidence = evidence or (child.start, child.end)
    if len(institutions) != 1:
        return
    institution = institutions.pop()
    for item in ctx.facts.persons + ctx.facts.groups:
        if {"сотрудник", "сотрудница"} & people.called.get(item.key, set()) and institution not in item.member_of:
            item.member_of.append(institution)

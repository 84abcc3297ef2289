"""Dates in the text, as precise as the text allows, kept with the phrase they were read from.

Full ("9 августа 1997 года"), partial ("в августе 1994 года" -> 1994-08), decades and
approximations ("в начале 1960-х" -> EDTF 196X), a day of the year without a year
("13 декабря": resolved against the publication date when known, else XXXX-12-13), and
relative dates ("сегодня", "в прошлом году", "в начале ноября") resolved against the
publication date. The phrase keeps its preposition ("в 2006 году"), as NEREL marks dates.
A relative date with nothing to resolve it against ("в среду", "вчера" with no publication
date) is still a date, known only by its words: no value, an EDTF of unspecified digits
("XXXX-XX-XX", "XXXX") that says how precise it is; "на прошлой неделе" is a day of that week.
Time expressions that name no date (durations, "на днях") go to `DocumentFacts.time_expressions`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import DateValue
from .context import Context

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTH = (r"(?:январ(?:[ьяею]|ём)|феврал(?:[ьяею]|ём)|март(?:а|е|ом)?|апрел(?:[ьяею]|ем)|ма(?:[йяею]|ем)"
          r"|июн(?:[ьяею]|ем)|июл(?:[ьяею]|ем)|август(?:а|е|ом)?|сентябр(?:[ьяею]|ём)|октябр(?:[ьяею]|ём)"
          r"|ноябр(?:[ьяею]|ём)|декабр(?:[ьяею]|ём))")
_PREP = r"(?:(?:начиная\s+)?(?:в|во|с|со|на|до|за|по|от|к|ко|около|после|накануне|перед)\s+)?"
_PART = (r"(?:(?:в\s+|во\s+|с\s+|до\s+|со\s+)?(?:начале|середине|конце|начала|середины|конца|первой\s+половине|второй\s+половине"
         r"|(?:первом|втором|третьем|четвертом|четвёртом)\s+квартале)\s+)")
_SEASON = r"(?:(?:весной|летом|осенью|зимой)\s+)"
_YEAR_WORD = r"(?:-го|-м|\s*(?:годах|годам|годов|годом|годы|году|года|год|гг\.|г\.|г\b))"
_DAY = r"(?:[1-9]|[12]\d|3[01]|0[1-9])"
_WEEKDAY = (r"(?:(?:в|во)\s+)?(?:(?:минувш|прошл|эт|следующ|ближайш)\w*\s+)?"
            r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)")
# a date known only by its words: which day, month or year, the text does not say
UNKNOWN_DAY, UNKNOWN_MONTH, UNKNOWN_YEAR = "XXXX-XX-XX", "XXXX-XX", "XXXX"
_RELATIVE_YEAR = r"(?:прошлого|этого|текущего|нынешнего|будущего|следующего|минувшего|позапрошлого)\s+года"

RANGE = re.compile(rf"(?i)(?<!\w)(?:с|со)\s+(?:({_DAY})\s+по\s+({_DAY})\s+({_MONTH})\s+(\d{{4}})|"
                   rf"((?:1[0-9]|20)\d{{2}})\s+по\s+((?:1[0-9]|20)\d{{2}})){_YEAR_WORD}?")
MONTH_RANGE = re.compile(rf"(?i)(?<!\w)(?:в\s+)?({_MONTH})\s*[-–]\s*({_MONTH})(?:\s+(?:(\d{{4}}){_YEAR_WORD}?|({_RELATIVE_YEAR}|этого\s+года)))?(?!\w)")
FULL = re.compile(rf"(?i)(?<!\w){_PREP}(?:{_WEEKDAY},?\s+)?({_DAY})(?:\s*[-–]\s*{_DAY})?\s+({_MONTH})"
                  rf"\s+(\d{{4}}){_YEAR_WORD}?")
NUMERIC = re.compile(r"(?<![\w./])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d{2})(?![\w.]|\.\d)"
                     r"|(?<![\w/])(0?[1-9]|[12]\d|3[01])/(0?[1-9]|1[0-2])/((?:19|20)\d{2})(?![\w/])")
MONTH_YEAR = re.compile(rf"(?i)(?<!\w){_PREP}{_PART}?{_SEASON}?({_MONTH})\s+(?:(\d{{4}}){_YEAR_WORD}?|({_RELATIVE_YEAR}))")
DECADE = re.compile(rf"(?i)(?<!\w){_PREP}(?:{_PART})?((?:1[0-9]|20)\d)0-(?:х|е)(?:\s+год(?:ов|ах|ы|ам))?")
YEAR_SPAN = re.compile(rf"(?i)(?<!\w){_PREP}{_PART}?{_SEASON}?((?:1[0-9]|20)\d{{2}})\s*[-–—]\s*((?:1[0-9]|20)\d{{2}}){_YEAR_WORD}?(?![\w%])")
YEAR = re.compile(rf"(?i)(?<!\w){_PREP}{_PART}?{_SEASON}?((?:1[0-9]|20)\d{{2}}){_YEAR_WORD}")
DAY_MONTH = re.compile(rf"(?i)(?<!\w){_PREP}(?:{_WEEKDAY},?\s+)?({_DAY})(?:\s*[-–]\s*{_DAY})?\s+({_MONTH})(?!\w)"
                       rf"(?:\s+({_RELATIVE_YEAR}))?")
MONTH_ONLY = re.compile(rf"(?i)(?<!\w)(?:{_PART}|(?:в|с|до|к|по|со)\s+)({_MONTH})(?!\w)(?!\s+(?:1[0-9]|20)\d\d)")
RELATIVE = re.compile(
    rf"(?i)(?<!\w)(?:(позавчера|вчера|сегодня|завтра|послезавтра)(?:шн\w+)?"
    rf"|(?:в|на)\s+(прошлом|этом|текущем|нынешнем|будущем|следующем|минувшем)\s+(году|месяце)"
    rf"|(?:на)\s+(прошлой|прошедшей|минувшей|этой|текущей|следующей)\s+неделе"
    rf"|({_WEEKDAY})"
    rf"|(?:в|на)\s+(?:том\s+же\s+году|этом\s+же\s+году|тот\s+же\s+день"
    rf"|следующий\s+день|выходные|текущем\s+сезоне|этом\s+сезоне|прошлом\s+сезоне|последние\s+(?:дни|недели|месяцы|годы))"
    rf"|(?:в|на)\s+(?:начале|середине|конце)\s+(?:года|месяца|недели|века|сезона)"
    rf"|на\s+днях"
    rf"|(?:(?:двумя|тремя|четырьмя|пятью|несколькими|\d+)\s+)?(?:годами|годом|месяцами|месяцем|неделями|неделей"
    rf"|днями|днём|днем|сутками)\s+(?:позже|позднее|ранее|раньше))(?!\w)")
# "на декабрьском заседании", "после субботней молитвы", "прошлогоднего скандала": a date told by an
# adjective, marked (as NEREL marks it) on the adjective alone; capitalised only where a sentence
# begins, for "Октябрьский" is a town and a party's name as often as a month's
_ADJ_END = r"(?:ий|ый|ой|ая|ое|ие|ые|ого|ому|ом|ую|им|ым|их|ых|ими|ыми|ей|ее|его|ему|юю|яя)"
ADJECTIVAL = re.compile(
    r"(?i)(?<![\w-])(?:(январск|февральск|мартовск|апрельск|майск|июньск|июльск|августовск|сентябрьск|октябрьск"
    r"|ноябрьск|декабрьск)|(понедельничн|вторничн|пятничн|субботн|воскресн)|(позапрошлогодн|прошлогодн)"
    rf"|(вчерашн|сегодняшн|завтрашн)){_ADJ_END}(?![\w-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_ADJ_MONTHS = {"январск": 1, "февральск": 2, "мартовск": 3, "апрельск": 4, "майск": 5, "июньск": 6, "июльск": 7,
               "августовск": 8, "сентябрьск": 9, "октябрьск": 10, "ноябрьск": 11, "декабрьск": 12}
# "ЧМ-2018", "Олимпиаде-2016", "Евро-2020": a happening named with its year, which is its date
NAMED_YEAR = re.compile(r"(?<![\w-])[А-ЯЁ]\w{0,15}-((?:19|20)\d{2})(?![\w-]|\.\d)")
_NOWADAYS = re.compile(r"(?i)на\s+сегодняшн\w+\s+(?:день|момент)")
BARE_YEAR = re.compile(r"(?i)(?<![\w.,/-])(?:(?:в|с|до|к|по|от|со)\s+)?((?:18|19|20)\d{2})(?![\w.,/%-]|\s*(?:[-–]|млн|тыс|чел|руб|долл|км|м\b))")
DURATION = re.compile(
    r"(?i)(?<!\w)(?:(?:не\s+)?(?:в\s+течение|на\s+протяжении|течение|последние|ближайшие|около|более|менее|почти"
    r"|примерно|свыше|каждые|на|за|через|спустя|чуть|немногим|больше)\s+){0,3}"
    r"(?:\d+(?:\s*[-–]\s*\d+)?|один|одну|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|несколько|"
    r"нескольк\w+|двух|трех|трёх|четырех|четырёх|пяти|шести|семи|восьми|девяти|десяти|двадцати|тридцати|"
    r"многие|многих|долгие|долгих|последние|последних|первые|первых|"
    r"пару|полтора|двадцать|тридцать|сорок|пятьдесят|сто)?\s*"
    r"(?:лет|года|год|годам|месяц\w*|недел[ьиюе]\w*|дн[еяй]\w*|сут\w*|десятилети\w*|век\w*)"
    r"(?:\s+\d+\s+(?:месяц\w*|дн[еяй]\w*))?(?:\s+(?:(?:тому\s+)?назад|спустя))?(?!\w)"
    r"|(?<!\w)(?:(?:за|на|через|в\s+течение|почти|около|более|спустя)\s+)?(?:полгода|полвека|полтора\s+года)(?:\s+назад)?")


_AGE_BEFORE = re.compile(r"(?i)(?:возрасте|исполнил\w*|исполнит\w*|исполняется|\bему|\bей|\bим|котор(?:ому|ой|ым)"
                         r"|младше|старше|моложе|позже|позднее|\bдо|\bв|\bс|\bсо)"
                         r"\s+(?:было\s+|будет\s+|бы\s+|уже\s+|более\s+|почти\s+|всего\s+)?$")
_DATIVE_NAME = re.compile(r"(?-i:[А-ЯЁ][а-яё]*(?:у|ю)(?:\s+[А-ЯЁ][а-яё]*)?)\s+(?:было\s+|будет\s+)?$")
# a bare "52 года" closed by punctuation, or "(51 год)" in brackets: how old someone is
_BARE_AGE = re.compile(r"(?i)^\d{1,3}\s+(?:лет|года?)$")
_AGE_CLOSE = re.compile(r"^\s*[.,;)]")


def month_number(word: str) -> int:
    word = word.lower()
    for stem, number in sorted(MONTHS.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            return number
    raise ValueError(word)


def _published(ctx: Context) -> date | None:
    value = ctx.document.published
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _year_shift(word: str | None) -> int:
    word = (word or "").lower()
    if word.startswith(("прошл", "минувш")):
        return -1
    if word.startswith("позапрошл"):
        return -2
    if word.startswith(("будущ", "следующ")):
        return 1
    return 0


def extract_dates(ctx: Context) -> None:
    text = ctx.text
    published = _published(ctx)
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def span_of(m: re.Match, group: int = 0) -> tuple[int, int]:
        start, end = m.start(group), m.end(group)
        while end > start and text[end - 1] in " \t":
            end -= 1
        while start < end and text[start].isspace():  # "\n\nНеделю назад": the phrase, not the blank line
            start += 1
        if text[start:end].endswith("г."):  # "2013 г." is marked without the full stop
            end -= 1
        return start, end

    def add(m: re.Match, value: str | None, edtf: str | None, confidence: float, group: int = 0) -> None:
        start, end = span_of(m, group)
        if not free(start, end):
            return
        taken.append((start, end))
        evidence = ctx.evidence(start, end, confidence)
        if edtf is None:
            ctx.facts.time_expressions.append(evidence)
        else:
            ctx.facts.dates.append(DateValue(edtf=edtf, value=value, phrase=text[start:end],
                                             evidence=evidence))

    for m in RANGE.finditer(text):
        if m.group(1):
            month, year = month_number(m.group(3)), int(m.group(4))
            a, b = _iso(year, month, int(m.group(1))), _iso(year, month, int(m.group(2)))
            if a and b:
                add(m, None, f"{a}/{b}", 0.9)
        else:
            add(m, None, f"{m.group(5)}/{m.group(6)}", 0.9)
    for m in MONTH_RANGE.finditer(text):
        add(m, None, None, 0.7) if not m.group(3) else add(
            m, None, f"{m.group(3)}-{month_number(m.group(1)):02d}/{m.group(3)}-{month_number(m.group(2)):02d}", 0.85)
    for m in FULL.finditer(text):
        day, month, year = int(m.group(1)), month_number(m.group(2)), int(m.group(3))
        iso = _iso(year, month, day)
        if iso:
            add(m, iso, iso, 0.95)
    for m in NUMERIC.finditer(text):
        d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        iso = _iso(int(y), int(mo), int(d))
        if iso:
            add(m, iso, iso, 0.9)
    for m in DAY_MONTH.finditer(text):
        day, month = int(m.group(1)), month_number(m.group(2))
        if m.group(3) and published:
            iso = _iso(published.year + _year_shift(m.group(3)), month, day)
            add(m, iso, iso, 0.85)
        elif published:
            iso = _iso(published.year, month, day)
            add(m, iso, iso, 0.75)
        elif _iso(2000, month, day):
            add(m, None, f"XXXX-{month:02d}-{day:02d}", 0.8)  # the year is not in the text
    for m in MONTH_YEAR.finditer(text):
        month = month_number(m.group(1))
        if m.group(2):
            iso = f"{int(m.group(2)):04d}-{month:02d}"
            add(m, iso, iso, 0.9)
        elif published:
            iso = f"{published.year + _year_shift(m.group(3)):04d}-{month:02d}"
            add(m, iso, iso, 0.8)
        else:
            add(m, None, f"XXXX-{month:02d}", 0.7)  # "в июне прошлого года": the month, not which year
    for m in DECADE.finditer(text):
        add(m, None, f"{m.group(1)}X", 0.85)  # EDTF cannot say "early"; the phrase keeps it
    for m in YEAR_SPAN.finditer(text):
        add(m, None, f"{m.group(1)}/{m.group(2)}", 0.85)
    for m in YEAR.finditer(text):
        add(m, m.group(1), m.group(1), 0.9)
    for m in MONTH_ONLY.finditer(text):
        month = month_number(m.group(1))
        if published:
            iso = f"{published.year:04d}-{month:02d}"
            add(m, iso, iso, 0.7)
        else:
            add(m, None, f"XXXX-{month:02d}", 0.6)  # "в июне": the month is told, the year is not
    for m in RELATIVE.finditer(text):
        if _NOWADAYS.match(text, max(0, m.start() - 3)):
            continue  # "на сегодняшний день": the present, as "в настоящее время", no date
        value, edtf = _relative(m, published)
        add(m, value, edtf or _offset(m.group(0)), 0.7)
    for m in ADJECTIVAL.finditer(text):
        if _NOWADAYS.match(text, max(0, m.start() - 3)) or m.group(0)[0].isupper() and not _SENTENCE_START.search(
                text, max(0, m.start() - 3), m.start()):
            continue  # "на сегодняшний день", "в городе Октябрьском"
        add(m, *_adjectival(m, published), 0.6)
    for m in NAMED_YEAR.finditer(text):
        add(m, m.group(1), m.group(1), 0.8, group=1)  # the year alone, as NEREL marks it
    for m in BARE_YEAR.finditer(text):
        add(m, m.group(1), m.group(1), 0.6)
    for m in DURATION.finditer(text):
        if _AGE_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            continue  # "в возрасте 73 лет", "ему исполнилось 50 лет": an age, not a time
        if _BARE_AGE.match(m.group(0)) and _AGE_CLOSE.match(text[m.end():m.end() + 3]) and (
                text[max(0, m.start() - 1):m.start()] == "(" or _DATIVE_NAME.search(text[max(0, m.start() - 40):m.start()])):
            continue  # "(51 год)", "Джеймсу Коми 52 года."
        if _BARE_AGE.match(m.group(0)) and _person_age(ctx, m.start(), m.end()):
            continue  # "Клэренс Картер, 49 лет,", "девочка 16 лет", "Им было 30, 20 и 19 лет"
        if re.search(r"\d|[а-я]{3,}\s", m.group(0)) or re.search(r"назад|спустя", m.group(0)) or "пол" in m.group(0).lower():
            # "через месяц после того, как …": a time told from the clause after it, not a time of its own
            after = re.match(r"\s+после\b", text[m.end():m.end() + 8], re.I)
            add(m, None, None if after else _offset(m.group(0)), 0.6)
    _join_day_words(ctx)
    _same_time(ctx)
    _offsets(ctx, published)
    ctx.facts.dates.sort(key=lambda d: d.evidence.start)
    ctx.facts.time_expressions.sort(key=lambda e: e.start)
    from .deaths import death_dates, life_spans  # persons and dates are both read by now

    death_dates(ctx)
    life_spans(ctx)


_DAY_WORD = re.compile(r"(?i)(?:(?:в|во)\s+)?(?:позавчера|вчера|сегодня|завтра|понедельник|вторник|среду|четверг"
                       r"|пятницу|субботу|воскресенье)")


# between a day word and the calendar date it names: "в субботу утром, 28 марта", "во вторник — 13 мая"
_APPOSED = re.compile(r"(?:\s+(?:утром|днём|днем|вечером|ночью))?\s*(?:,|[—–-])\s*")


def _join_day_words(ctx: Context) -> None:
    """"вчера, 9 мая 2019 года", "25 июля, в четверг": a day word and the calendar date it names
    are one phrase, whose value is the calendar date."""
    items = sorted([(d.evidence.start, d.evidence.end, d) for d in ctx.facts.dates]
                   + [(e.start, e.end, e) for e in ctx.facts.time_expressions], key=lambda x: x[0])
    for (s1, e1, a), (s2, e2, b) in zip(items, items[1:]):
        if not _APPOSED.fullmatch(ctx.text[e1:s2]):
            continue
        word, dated = (a, b) if _DAY_WORD.fullmatch(ctx.text[s1:e1]) else (b, a) if _DAY_WORD.fullmatch(ctx.text[s2:e2]) else (None, None)
        if not isinstance(dated, DateValue) or dated.value is None or not re.search(r"\d", dated.phrase):
            continue
        for bucket in (ctx.facts.dates, ctx.facts.time_expressions):
            for item in (word, dated):
                if any(x is item for x in bucket):
                    bucket.remove(item)
        evidence = ctx.evidence(s1, e2, dated.evidence.confidence)
        ctx.facts.dates.append(DateValue(edtf=dated.edtf, value=dated.value, phrase=evidence.quote,
                                         evidence=evidence))


# "в том же году", "в тот же день", "на следующий день": a time told by the date before it
SAME_TIME = re.compile(r"(?i)(?<!\w)(?:(?:в|на)\s+(?:том|этом)\s+же\s+году|(?:в|на)\s+(?:тот|этот)(?:\s+же)?\s+день"
                       r"|(?:на\s+)?следующий\s+день|на\s+следующее\s+утро)(?!\w)")
_PARAGRAPH = re.compile(r"\n\s*\n")


def _same_time(ctx: Context) -> None:
    """"Ещё в 1865 году поправку приняли. В том же году её ратифицировали": a time that points back
    takes its value from the last date told before it in the same paragraph, when that date is
    precise enough ("в тот же день" needs a day); else it is a day or a year known only by its
    words ("XXXX-XX-XX")."""
    text = ctx.text
    for m in SAME_TIME.finditer(text):
        start, end = m.start(), m.end()
        if any(d.evidence.start < end and start < d.evidence.end for d in ctx.facts.dates if d.evidence):
            continue
        before = [d for d in ctx.facts.dates if d.value and d.evidence and d.evidence.end <= start
                  and not _PARAGRAPH.search(text, d.evidence.end, start)]
        anchor = max(before, key=lambda d: d.evidence.end).value if before else ""
        phrase = m.group(0).lower()
        if "году" in phrase:
            value = anchor[:4] or None
        elif len(anchor) != 10:
            value = None  # "в тот же день" after "в 1999 году": which day, the text does not say
        elif "следующ" in phrase:
            value = (date.fromisoformat(anchor) + timedelta(days=1)).isoformat()
        else:
            value = anchor
        for e in [e for e in ctx.facts.time_expressions if e.start < end and start < e.end]:
            ctx.facts.time_expressions.remove(e)
        edtf = value or (UNKNOWN_YEAR if "году" in phrase else UNKNOWN_DAY)
        ctx.facts.dates.append(DateValue(edtf=edtf, value=value, phrase=m.group(0),
                                         evidence=ctx.evidence(start, end, 0.6)))


_COUNTS = {"один": 1, "одну": 1, "одним": 1, "два": 2, "две": 2, "двумя": 2, "пару": 2, "три": 3, "тремя": 3,
           "четыре": 4, "четырьмя": 4, "пять": 5, "пятью": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
           "десять": 10}
# "около года назад", "несколько дней спустя": how far, the text does not say exactly
_ROUGHLY = re.compile(r"(?i)около|почти|более|больше|менее|меньше|примерно|свыше|чуть|немногим|нескольк|полтора")


def _offsets(ctx: Context, published: date | None) -> None:
    """"9 августа бунт начался. Через два дня осуждённые захватили заложников": a time some exact
    way from the last date told before it in the paragraph (or, for "три года назад", from the
    publication date) takes its value, as precise as its unit: days and weeks a day, months a
    month, years a year. Without such a date, or when the way is rough ("около года назад"),
    it stays a date known only by its words."""
    text = ctx.text
    for i, d in enumerate(ctx.facts.dates):
        if d.value is not None or d.edtf not in (UNKNOWN_DAY, UNKNOWN_MONTH, UNKNOWN_YEAR) or d.evidence is None \
                or not _OFFSET.search(d.phrase or "") or _ROUGHLY.search(d.phrase or ""):
            continue
        phrase = d.phrase.lower()
        words = re.findall(r"\w+", phrase)
        number = next((int(w) for w in words if w.isdigit()), None) or next((_COUNTS[w] for w in words if w in _COUNTS), 1)
        back = bool(re.search(r"назад|ранее|раньше", phrase))
        if "назад" in phrase:
            anchor = published.isoformat() if published else None
        else:
            before = [e for e in ctx.facts.dates if e.value and e.evidence and e.evidence.end <= d.evidence.start
                      and not _PARAGRAPH.search(text, e.evidence.end, d.evidence.start)]
            anchor = max(before, key=lambda e: e.evidence.end).value if before else None
        value = _shifted(anchor, phrase, -number if back else number) if anchor else None
        if value:
            ctx.facts.dates[i] = DateValue(edtf=value, value=value, phrase=d.phrase, evidence=d.evidence)


def _shifted(anchor: str, phrase: str, n: int) -> str | None:
    """`anchor` moved by `n` of the unit `phrase` counts in, at that unit's precision; None when
    the anchor is less precise than the unit."""
    if re.search(r"месяц|полгода", phrase):
        if len(anchor) < 7:
            return None
        n *= 6 if "полгода" in phrase else 1
        month = int(anchor[:4]) * 12 + int(anchor[5:7]) - 1 + n
        return f"{month // 12:04d}-{month % 12 + 1:02d}"
    if re.search(r"лет|год|век|десятилет", phrase):
        n *= 100 if "век" in phrase else 10 if "десятилет" in phrase else 1
        return f"{int(anchor[:4]) + n:04d}"
    if len(anchor) < 10:
        return None
    days = n * (7 if "недел" in phrase else 1)
    return (date.fromisoformat(anchor) + timedelta(days=days)).isoformat()


# between a person and the age after it: "Картер, 49 лет", "Глазков 40 лет", "Рено было 54 года"
_AFTER_PERSON = re.compile(r"^(?:\)?\s*,\s*|\s+|\s*\(\s*|\s+[—–-]\s+|\s+(?:было|будет|исполнилось|исполнится)\s+)$")
_AGE_END = re.compile(r"^\s*(?:[.,;:)]|\n|и\s|$)")
# "Им было 30, 20 и 19 лет", "(10, 9 и 8 лет)": the earlier numbers of a list of ages
_AGE_LIST = re.compile(r"(?:\d{1,3},\s*)*\d{1,3}\s+и\s+$|(?:\d{1,3},\s*)+$")
_AGE_CLAUSE = re.compile(r"(?i)(?:\bему|\bей|\bим|котор(?:ому|ой|ым))(?:\s+[\w-]+){0,4}\s+"
                         r"(?:было|будет|исполнилось|исполнится|исполняется)\s+(?:всего\s+|уже\s+|почти\s+)?$")


def _person_age(ctx: Context, start: int, end: int) -> bool:
    """A bare "49 лет" right after a person's name or a noun for a person, closing its phrase, is
    how old the person is, not a time."""
    text = ctx.text
    if not _AGE_END.match(text[end:end + 3]):
        return False
    lst = _AGE_LIST.search(text[max(0, start - 80):start])
    stop = start - len(lst.group(0)) if lst else start
    before = text[max(0, start - 80):stop]
    if _AGE_CLAUSE.search(before) or before.endswith("("):
        return True
    for _, m_end, key in ctx.mentions:
        if stop - 80 <= m_end <= stop and _AFTER_PERSON.match(text[m_end:stop]) \
                and type(ctx.entity(key)).__name__ == "Person":
            return True
    word = re.search(r"([а-яё]+)\s*,?\s*$", before.lower())
    if word:
        from .groups import PERSON_NOUNS
        from .nlp import models

        parses = models().parse_word(word.group(1))
        return bool(parses) and parses[0].normal_form in PERSON_NOUNS
    return False


def _relative(m: re.Match, published: date | None) -> tuple[str | None, str | None]:
    """A relative date against the publication date; without one, a day, month or year of
    unspecified digits ("в среду" and "на прошлой неделе" a day, "в прошлом году" a year); (None,
    None) for a stretch of time, which no EDTF date says."""
    word = (m.group(1) or "").lower()
    if m.group(5) or m.group(4):
        # "в среду": which Wednesday, even a publication date leaves open; "на прошлой неделе": a
        # day of that week, the text does not say which
        return None, UNKNOWN_DAY
    if published is None:
        if word:
            return None, UNKNOWN_DAY
        if m.group(3):
            return None, UNKNOWN_YEAR if m.group(3).lower() == "году" else UNKNOWN_MONTH
        return None, None
    if word:
        shift = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}[word]
        iso = (published + timedelta(days=shift)).isoformat()
        return iso, iso
    if m.group(3):
        if m.group(3).lower() == "году":
            year = str(published.year + _year_shift(m.group(2)))
            return year, year
        month = published.month + _year_shift(m.group(2))
        year = published.year + (month - 1) // 12
        iso = f"{year:04d}-{(month - 1) % 12 + 1:02d}"
        return iso, iso
    return None, None  # a week: the text does not say which


def _adjectival(m: re.Match, published: date | None) -> tuple[str | None, str]:
    """What a date adjective says: "декабрьском" a month of a year it does not tell (XXXX-12),
    "субботней" a day, "прошлогоднего" the year before the publication, "вчерашнего" the day before it."""
    if m.group(1):
        return None, f"XXXX-{_ADJ_MONTHS[m.group(1).lower()]:02d}"
    if m.group(2):
        return None, UNKNOWN_DAY  # which Saturday, as "в субботу", the text does not say
    if m.group(3):
        if published is None:
            return None, UNKNOWN_YEAR
        year = str(published.year - (2 if m.group(3).lower().startswith("поза") else 1))
        return year, year
    if published is None:
        return None, UNKNOWN_DAY
    day = (published + timedelta(days={"вчерашн": -1, "сегодняшн": 0, "завтрашн": 1}[m.group(4).lower()])).isoformat()
    return day, day


_OFFSET = re.compile(r"(?i)(?<!\w)(?:через|спустя)\s|\s(?:назад|спустя|позже|позднее|ранее|раньше)$")


def _offset(phrase: str) -> str | None:
    """"Три года спустя", "неделю назад", "через 10 дней": a time some way from another, a day, month
    or year the text does not give ("XXXX"); a bare span ("два года") is no time of its own."""
    if not _OFFSET.search(phrase):
        return None
    phrase = phrase.lower()
    if re.search(r"месяц|полгода", phrase):
        return UNKNOWN_MONTH
    if re.search(r"лет|год|век|десятилет", phrase):
        return UNKNOWN_YEAR
    if re.search(r"недел|дн[еяийё]|сут", phrase):
        return UNKNOWN_DAY
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None

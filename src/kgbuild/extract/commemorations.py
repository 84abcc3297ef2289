"""Commemorations: recurring days, memorial events, memorials and (posthumous) awards.

"13 декабря … будет отмечаться профессиональный праздник …" is a `CommemorativeDay` on
"--12-13"; "открыли мемориальную доску" a `Memorial` and the `MemorialEvent` of its unveiling;
"награждён орденом Мужества посмертно" an `AwardConferral`. What each honours comes from the
objects of memory verbs ("вспоминают погибших героев", "почтили память …", "в память о …"),
the recipients of awards, and the fallen of the document's incidents who belong to the community
the day is for ("праздник сотрудников …").
"""

from __future__ import annotations

import re

from ..model import Commemoration, Participation
from .context import Context
from .groups import People, inflect_phrase, person_lemma
from .nlp import Sentence, Token
from .ranks import RANKS
from .segments import Segment
from .triggers import MEMORIAL_WORDS

DAY_NOUNS = {"праздник", "день", "годовщина"}
DAY_VERBS = {"отмечать", "отмечаться", "праздновать", "чтить"}
MEMORY_VERBS = {"вспоминать", "вспомнить", "чтить", "почтить", "помнить", "поминать", "увековечить"}
MEMORIAL_NOUNS = {"доска", "памятник", "стела", "мемориал", "бюст", "обелиск", "монумент"}
UNVEIL_VERBS = {"открыть", "установить", "открываться", "открыться", "установиться", "возложить"}
EVENT_NOUNS = {"митинг", "церемония", "молчание", "акция", "панихида"}
AWARD_VERBS = {"наградить", "удостоить", "присвоить", "вручить", "присудить", "получить", "удостоиться",
               "завоевать", "достаться", "иметь", "выиграть", "взять", "брать", "принести", "завоёвывать",
               "завоевывать", "получать", "удостаиваться"}
# "о награждении X орденом …", "присвоение звания X": the conferral named by a noun
AWARD_ACTS = {"награждение", "присвоение", "присуждение"}
AWARD_NOUNS = {"орден", "медаль", "звание", "знак", "премия", "награда", "крест", "приз", "титул"}
# "завоевала золото": a medal named by its metal, an award only as an award verb's object
METALS = {"золото", "серебро", "бронза", "кубок", "пояс", "мяч", "статуэтка", "оскар"}
# "лауреат премии X", "обладатель «Оскара»", "кавалер ордена": the holder of an award
HOLDER_NOUNS = {"лауреат", "лауреатка", "обладатель", "обладательница", "кавалер", "призёр", "призер"}
# awards known by their name alone ("получил «Оскара»", "обладатель «Грэмми»"), as the quoted object
AWARD_NAMES = {"оскар", "эмми", "грэмми", "ника", "тэфи", "сезар", "тони", "bafta", "букер", "пулитцер"}
# "приз получила картина режиссёра Олега Белова": works whose author the award honours
WORK_NOUNS = {"фильм", "картина", "лента", "драма", "комедия", "сериал", "спектакль", "роман", "книга",
              "мультфильм", "альбом", "документальный"}
# "серебряный призёр", "золотая медалистка": the holder of a medal, named by its metal
MEDALLISTS = {"призёр", "призер", "призёрка", "призерка", "медалист", "медалистка"}
METAL_ADJECTIVES = {"золотой", "серебряный", "бронзовый"}
# "чемпион мира", "олимпийская чемпионка": a title is an award its holder won
TITLE_NOUNS = {"чемпион", "чемпионка"}
TITLE_QUALIFIERS = {"олимпийский", "паралимпийский"}
TITLE_OF = {"мир", "европа", "россия", "азия", "ссср", "олимпиада"}
# "народный артист России", "заслуженный врач", "Герой Советского Союза": honorary titles
HONORARY = {"народный", "заслуженный", "заслужить"}  # "Заслуженный" is read as the participle too
HONORARY_NOUNS = {"артист", "артистка", "деятель", "художник", "врач", "учитель", "архитектор", "юрист",
                  "тренер", "мастер", "работник", "строитель", "лётчик", "летчик", "изобретатель", "экономист"}
# "признан лучшим футболистом года", "назван Человеком года", "стал лучшим бомбардиром турнира": a
# title a jury or a poll gives, its holder the verb's subject (of "назвать" its object)
BEST_VERBS = {"признать", "назвать", "стать", "становиться", "объявить", "признаваться", "называться"}
# "Лучшим актёром в сериале стал X": roles a jury names the best of
BEST_ROLES = {"актёр", "актер", "актриса", "режиссёр", "режиссер", "сценарист", "оператор", "игрок", "футболист",
              "футболистка", "хоккеист", "баскетболист", "вратарь", "бомбардир", "защитник", "нападающий",
              "полузащитник", "тренер", "спортсмен", "спортсменка", "исполнитель", "исполнительница", "певец",
              "певица", "новичок", "снайпер"}
BEST_OF = {"год", "сезон", "турнир", "чемпионат", "олимпиада", "фестиваль", "конкурс", "матч"}
HERO_OF = {"союз", "россия", "труд", "украина", "ссср", "рф", "казахстан", "беларусь"}
# "получить" is an award verb only with an award as its object
# ("выиграл серебро", "принёс команде золото": a medal its winner took)
_WEAK_AWARD_VERBS = {"получить", "вручить", "завоевать", "достаться", "иметь", "выиграть", "взять", "брать", "принести",
                     "завоёвывать", "завоевывать", "получать"}
# "взяла серебро", "принёс команде золото": verbs of winning only with a medal as the object
_MEDAL_VERBS = {"взять", "брать", "принести"}
MEDALS = {"золото", "серебро", "бронза", "медаль"}
# "обладатель Кубка России", "обладательница бронзы": won things a holder noun names besides awards
# (not "мяч": "обладатель мяча" is who has the ball)
HELD_WINS = {"кубок", "золото", "серебро", "бронза", "пояс", "статуэтка"}
# "получил «Золотую пальмовую ветвь»", "«Хрустального глобуса»": a quoted prize named for its metal
PRIZE_ADJECTIVES = {"золотой", "серебряный", "бронзовый", "хрустальный"}
# verbs whose active subject receives the award ("получил орден"); of "вручил", "присудил" it gives it
RECEIVE_VERBS = {"получить", "завоевать", "иметь", "удостоиться", "выиграть", "взять", "брать", "принести",
                 "завоёвывать", "завоевывать", "получать", "удостаиваться"}
_VAGUE = {"другой", "многий", "различный", "разный", "иной", "ряд", "несколько"}
_DAY_OF_YEAR = re.compile(r"^XXXX-(\d\d)-(\d\d)$")


def extract_commemorations(ctx: Context, people: People, segs: list[Segment]) -> None:
    reader = _Reader(ctx, people)
    for seg in segs:
        reader.day(seg)
        reader.award(seg)
        reader.holder(seg)
        reader.best(seg)
        reader.tally(seg)
        reader.memorial(seg)
    for seg in segs:
        reader.memory(seg)
    reader.fallen()


class _Reader:
    def __init__(self, ctx: Context, people: People) -> None:
        self.ctx = ctx
        self.people = people

    def _days(self) -> list[Commemoration]:
        return [c for c in self.ctx.facts.commemorations if c.type == "CommemorativeDay"]

    # -- recurring days -----------------------------------------------------------------------
    def day(self, seg: Segment) -> None:
        s = seg.sentence
        date = next((d for d in self.ctx.facts.dates if d.evidence and seg.start <= d.evidence.start < seg.end
                     and (_DAY_OF_YEAR.match(d.edtf) or d.precision == "day")), None)
        noun = next((t for t in s.tokens if t.lemma in DAY_NOUNS and t.pos == "NOUN" and t.lemma != "день"), None) \
            or next((t for t in s.tokens if t.lemma == "день" and t.text[0].isupper()), None)
        if noun is not None and date is None:
            self._more_on_day(seg, noun)
            return
        if date is None or noun is None:
            return
        if not any(t.lemma in DAY_VERBS or t.lemma in DAY_NOUNS for t in s.tokens):
            return
        match = _DAY_OF_YEAR.match(date.edtf)
        # "13 декабря 2025 года … по случаю праздника": the day it falls on, this year's date
        month, day = match.groups() if match else (date.value[5:7], date.value[8:10])
        label = _label(s, noun)
        day_node = next((c for c in self._days() if c.day_of_year == f"--{month}-{day}"), None)
        if day_node is None:
            day_node = Commemoration(key=self.ctx.new_key("com"), type="CommemorativeDay", label=label,
                                     day_of_year=f"--{month}-{day}")
            self.ctx.facts.commemorations.append(day_node)
        day_node.evidence.append(self.ctx.evidence(seg.start, seg.end, 0.8))
        for token in s.tokens:
            key = self.ctx.key_at(token.start, token.end)
            item = self.ctx.entity(key)
            if item is not None and type(item).__name__ == "Place" and _preposition(s, token) == "в":
                day_node.place = day_node.place or key
        self._year = date.value[:4] if date.value else (self.ctx.document.published or "")[:4]
        if any(t.lemma in ("впервые", "первый") for t in s.tokens) and self._year:
            # "впервые" this year: the date's year, or the publication's when the date has none
            day_node.first_observed = day_node.first_observed or self._year
        self._community = _community(s, noun)
        for child in s.children(noun.index):  # "День памяти погибших спасателей"
            if child.lemma == "память":
                for head in s.children(child.index):
                    if head.rel == "nmod" and person_lemma(head):
                        for key in self.people.resolve(s, head):
                            self._honour(day_node, key, seg)

    def _more_on_day(self, seg: Segment, noun: Token) -> None:
        """"Праздник отмечается в Казахстане впервые.": more about the one day already read."""
        days = self._days()
        s = seg.sentence
        if len(days) != 1 or not any(t.lemma in DAY_VERBS for t in s.tokens):
            return
        day_node = days[0]
        day_node.evidence.append(self.ctx.evidence(seg.start, seg.end, 0.6))
        for token in s.tokens:
            key = self.ctx.key_at(token.start, token.end)
            if type(self.ctx.entity(key)).__name__ == "Place" and _preposition(s, token) == "в":
                day_node.place = day_node.place or key
        year = getattr(self, "_year", None) or (self.ctx.document.published or "")[:4]
        if any(t.lemma == "впервые" for t in s.tokens) and year:
            day_node.first_observed = day_node.first_observed or year

    # -- memory verbs -------------------------------------------------------------------------
    def memory(self, seg: Segment) -> None:
        s = seg.sentence
        days = self._days()
        target = days[0] if len(days) == 1 else None
        mentions_day = any(t.lemma in DAY_NOUNS for t in s.tokens)
        events = [c for c in self.ctx.facts.commemorations if c.type == "MemorialEvent"
                  and c.evidence and c.evidence[0].start == seg.start]
        if events:  # "почтили память … минутой молчания": the event of this very sentence
            target, mentions_day = events[0], True
        for verb in s.tokens:
            if verb.lemma not in MEMORY_VERBS or verb.pos != "VERB":
                continue
            commemoration = target if (mentions_day or target) else None
            if commemoration is None:
                continue
            for child in s.children(verb.index):
                if child.rel != "obj":
                    continue
                heads = [child]
                if child.lemma == "память":
                    heads = [c for c in s.children(child.index) if c.rel == "nmod"]
                for head in heads:
                    if person_lemma(head) or head.lemma == "герой":
                        keys = self.people.resolve(s, head) if person_lemma(head) else [self._heroes(s, head)]
                        for key in keys:
                            self._honour(commemoration, key, seg)
            ev = self.ctx.evidence(seg.start, seg.end, 0.6)
            if not any(e.start == ev.start for e in commemoration.evidence):
                commemoration.evidence.append(ev)

    def _heroes(self, s: Sentence, head: Token) -> str:
        from ..model import Group
        from .groups import modifiers

        description = inflect_phrase(modifiers(s, head) + [head], plural=True)
        for group in self.ctx.facts.groups:
            if group.description == description:
                return group.key
        group = Group(key=self.ctx.new_key("g"), description=description)
        start = min([head.start] + [t.start for t in modifiers(s, head)])
        group.mentions.append(self.ctx.evidence(start, head.end, 0.6))
        self.ctx.facts.groups.append(group)
        self.ctx.add_mention(start, head.end, group.key)
        return group.key

    def _honour(self, commemoration: Commemoration, key: str, seg: Segment, confidence: float = 0.65) -> None:
        if key not in commemoration.commemorates:
            commemoration.commemorates.append(key)
            commemoration.participations.append(
                Participation(key, "commemorated", [self.ctx.evidence(seg.start, seg.end, confidence)]))

    # -- the fallen of the community the day is for -------------------------------------------
    def fallen(self) -> None:
        community = getattr(self, "_community", None)
        days = self._days()
        if not community or len(days) != 1:
            return
        day = days[0]
        for item in self.ctx.facts.persons + self.ctx.facts.groups:
            if not item.died_in or community not in self.people.called.get(item.key, set()):
                continue
            incident = self.ctx.facts.entity(item.died_in)
            self._honour_with(day, item.key, incident.evidence[0])

    def _honour_with(self, commemoration: Commemoration, key: str, evidence) -> None:
        if key not in commemoration.commemorates:
            commemoration.commemorates.append(key)
            commemoration.participations.append(Participation(key, "commemorated", [evidence]))

    # -- awards -------------------------------------------------------------------------------
    def award(self, seg: Segment) -> None:
        s = seg.sentence
        for verb in s.tokens:
            if verb.lemma in AWARD_ACTS and verb.pos == "NOUN":
                self._award_act(seg, verb)
                continue
            if verb.lemma not in AWARD_VERBS:
                continue
            award = next((c for c in s.tokens if c.lemma in AWARD_NOUNS and c.start > verb.start), None)
            # "Нобелевскую премию присудили X": the award before the verb, as its object
            award = award or next((c for c in s.children(verb.index) if c.lemma in AWARD_NOUNS | METALS
                                   and c.rel in ("obj", "nsubj:pass", "nsubj")), None)
            # "получившая «Оскара»": an award known by its name alone, in quotes
            award = award or next((c for c in s.children(verb.index) if c.lemma in AWARD_NAMES and c.rel == "obj"
                                   and _quoted_span(s, c)), None)
            # "принесли режиссёру «Золотую пальмовую ветвь»": a prize known by its quoted name
            award = award or next((c for c in s.children(verb.index) if c.rel == "obj" and _metal_prize(s, c)), None)
            # "получил звезду Героя Украины", "получил звезду на Аллее славы": a star that is an honour
            award = award or next((c for c in s.children(verb.index) if c.rel == "obj" and _honour_star(s, c)), None)
            if award is None or _military_rank(s, award):
                continue
            if any(c.lemma in ("не", "ни") for c in s.children(verb.index)):
                continue  # "так и не получил наград": no award given
            if verb.lemma in _WEAK_AWARD_VERBS and award.head != verb.index:
                continue
            if verb.lemma == "достаться" and award.rel != "nsubj":
                continue
            if verb.lemma in _MEDAL_VERBS and award.lemma not in MEDALS and not (
                    verb.lemma == "принести" and (award.lemma in AWARD_NOUNS or _quoted_span(s, award))
                    and any(c.rel == "iobj" or c.feats.get("Case") == "Dat" and c.rel != "obl" for c in s.children(verb.index))):
                continue  # "взял в руки кубок": a cup taken is not one won; "роль принесла ему премию" is
            recipients: list[str] = []
            for child in s.children(verb.index):
                if child.rel in ("nsubj:pass", "obj", "iobj") and child is not award:
                    recipients += self._named_or_resolved(s, child) + self._conjoined(s, child)
                if verb.lemma == "достаться" and child.rel == "obl" and child.feats.get("Case") == "Dat":
                    recipients += self._named_or_resolved(s, child)  # "медаль досталась Анне Ким"
                # "Премию вручил министр": the subject of an active giving verb is the giver
                if child.rel == "nsubj" and (verb.feats.get("Voice") == "Pass" or verb.lemma in RECEIVE_VERBS):
                    recipients += self._named_or_resolved(s, child) + self._conjoined(s, child) \
                        or self._organization(s, child, award)  # "премию мира получила организация …"
            if not recipients and verb.rel == "conj" and verb.lemma in RECEIVE_VERBS \
                    and not any(c.rel.startswith("nsubj") for c in s.children(verb.index)):
                # "Анна Ким заняла третье место и завоевала бронзу": the subject of the first verb
                first = next((t for t in s.tokens if t.index == verb.head and t.pos == "VERB"), None)
                for child in s.children(first.index) if first is not None else []:
                    if child.rel == "nsubj":
                        recipients += self._named_or_resolved(s, child) + self._conjoined(s, child)
            if not recipients:  # "вручил премию Олегу Белову": the dative hung on the award
                for child in s.children(award.index):
                    if child.rel in ("iobj", "nmod") and child.feats.get("Case") == "Dat" and _preposition(s, child) is None:
                        recipients += self._named_or_resolved(s, child) + self._conjoined(s, child)
            if not recipients and verb.feats.get("VerbForm") == "Part" and verb.rel in ("acl", "amod"):
                # "Анна Ким, завоевавшая золотую медаль", "атлетом, награждённым орденом": whom it qualifies
                head = next((t for t in s.tokens if t.index == verb.head), None)
                if head is not None and head is not verb and _agrees(verb, head):
                    recipients = self._named_or_resolved(s, head)  # "завоевавшая серебро пловчиха", not the man before
                recipients = recipients or self._name_before_comma(s, verb)
            # "«Спартак» завоевал Кубок": a subject that names a club, a place or a work is no one's story
            described = [c for c in s.children(verb.index) if c.rel == "nsubj" and not self._named_thing(s, c)]
            things = any(c.rel == "nsubj" for c in s.children(verb.index)) and not described
            if not recipients and not things and (not any(c.rel.startswith(("nsubj", "obj", "iobj")) and c is not award for c in s.children(verb.index))
                                   or len(described) == 1 and _subjectless(self.ctx, s, described[0], subject=True)):
                # "Член Союза писателей, имел орден Славы": a described subject is the story's person too
                recipients = self._biography_subject(seg, verb)  # "Награждён орденом …" in a life story
            if not recipients:
                continue  # an award given to no one we can name is not a fact about anyone
            posthumous = any(t.lemma == "посмертно" for t in s.tokens)
            self._conferrals(seg, award, recipients, posthumous)
            if verb.lemma in RECEIVE_VERBS:
                self._gapped(seg, verb, posthumous)

    def _award_act(self, seg: Segment, noun: Token) -> None:
        """"указ о награждении режиссёра X орденом Дружбы": the recipient in the genitive."""
        s = seg.sentence
        award = next((c for c in s.tokens if c.lemma in AWARD_NOUNS and c.start > noun.start
                      and c.feats.get("Case") in ("Ins", "Gen")), None)
        if award is None or _military_rank(s, award):
            return
        recipients: list[str] = []
        for child in s.children(noun.index):
            if (child.rel == "nmod" and child.feats.get("Case") in ("Gen", "Dat") or child.rel == "iobj"
                    and child.feats.get("Case") == "Dat") and child is not award and child.lemma not in AWARD_NOUNS:
                recipients += self._named_or_resolved(s, child) or self._institution(s, child)
        if not recipients:  # "о присуждении премии математику Олегу Белову": the dative hung on the award
            for child in s.children(award.index):
                if child.rel in ("nmod", "iobj") and child.feats.get("Case") == "Dat" and _preposition(s, child) is None:
                    recipients += self._named_or_resolved(s, child) or self._institution(s, child)
        if recipients:
            posthumous = any(t.lemma == "посмертно" for t in s.tokens)
            self._conferrals(seg, award, recipients, posthumous)

    def _gapped(self, seg: Segment, verb: Token, posthumous: bool) -> None:
        """"Золото завоевала Анна Ким, серебро — Олег Белов": the verb left out, each award with its own
        winner."""
        s = seg.sentence
        for more in s.children(verb.index):
            if more.rel != "conj" or more.lemma not in AWARD_NOUNS | METALS:
                continue
            winner = next((c for c in s.children(more.index) if c.rel == "nsubj"), None)
            keys = [k for k in (self._named_or_resolved(s, winner) if winner is not None else [])
                    if type(self.ctx.entity(k)).__name__ == "Person"]
            if keys:
                self._conferral(seg, more, keys, posthumous)

    def _conferrals(self, seg: Segment, award: Token, recipients: list[str], posthumous: bool) -> None:
        """One conferral per award of a list: "награждён орденами «…», медалью «…»", "орденами «А», «Б»",
        "орденами «А» IV степени, «Б» II степени"."""
        s = seg.sentence
        spans = []
        for one in [award] + _more_awards(s, award):
            spans.append(self._conferral(seg, one, recipients, posthumous))
        for name, span in _listed(s, spans[0][1]):
            if not any(_overlaps(span, other) for other in spans):
                spans.append(self._conferral(seg, None, recipients, posthumous, (name, span)))

    def _conferral(self, seg: Segment, award: Token | None, recipients: list[str], posthumous: bool,
                   named: tuple[str, tuple[int, int]] | None = None) -> tuple[int, int]:
        """A conferral of the award a word names, or of one `named` with its span; returns the span."""
        s = seg.sentence
        if named is not None:
            name, span = named
        else:
            quoted = _quoted_span(s, award) if award.lemma not in AWARD_NOUNS | METALS | AWARD_NAMES else None
            # "орденами «А», «Б»": the second award is known by its quoted name
            name = f"«{self.ctx.text[quoted[0]:quoted[1]]}»" if quoted else _award_name(s, award)
            first = min([award.start] + [c.start for c in s.children(award.index) if c.rel == "amod"
                                         and c.lemma not in _COUNTING])
            span = quoted or (first, _award_end(s, award))
        node = Commemoration(key=self.ctx.new_key("com"), type="AwardConferral", label=name,
                             award=name, posthumous=posthumous)
        node.evidence.append(self.ctx.evidence(seg.start, seg.end, 0.75))
        node.award_evidence = self.ctx.evidence(span[0], span[1], 0.75)
        node.date = _date_in(self.ctx, seg)
        for key in dict.fromkeys(recipients):
            node.participations.append(Participation(key, "recipient", [self.ctx.evidence(seg.start, seg.end, 0.7)]))
            if posthumous:
                node.commemorates.append(key)
        self.ctx.facts.commemorations.append(node)
        return span

    def _biography_subject(self, seg: Segment, verb: Token) -> list[str]:
        """"Иван Петров родился в 1924 году. … Награждён орденом Ленина", "Имел орден Славы": an award
        verb with no one named is about the person the life story is about, when the verb's gender
        agrees."""
        passive = verb.feats.get("Voice") == "Pass" or verb.feats.get("Variant") == "Short"
        told = verb.feats.get("VerbForm") == "Fin" and verb.feats.get("Tense") == "Past"  # "Получил", not "получит"
        if not (passive or told) or verb.feats.get("Number") == "Plur":
            return []
        if not passive and verb.lemma not in RECEIVE_VERBS:
            return []  # "Вручил премии …": who gives is the story's person, no recipient
        return self._life_subject(seg, verb.feats.get("Gender", ""))

    def _life_subject(self, seg: Segment, gender: str) -> list[str]:
        """The person a life story is about: the most mentioned named person before the line, the
        last named on a tie; none when its gender is not the one wanted."""
        named = sorted((start, key) for start, end, key in self.ctx.mentions if start < seg.start
                       and type(self.ctx.entity(key)).__name__ == "Person" and not getattr(self.ctx.entity(key), "anonymous", True)
                       and not _named_after(self.ctx, start))
        if not named:
            return []
        # the person the life story is about: the most mentioned so far, the last named on a tie
        counts: dict[str, int] = {}
        for _start, k in named:
            counts[k] = counts.get(k, 0) + 1
        key = max(reversed([k for _start, k in named]), key=lambda k: counts[k])
        person = self.ctx.entity(key)
        wanted = {"Masc": "male", "Fem": "female"}.get(gender)
        if wanted and getattr(person, "gender", None) not in (wanted, None):
            return []
        return [key]

    def _named_or_resolved(self, s: Sentence, head: Token) -> list[str]:
        """"режиссёра Эмира Кустурицу": the named person the noun stands beside, else the noun's;
        "картина режиссёра Олега Белова": a work's author, the one a prize for it honours."""
        if head.lemma in WORK_NOUNS:
            for child in s.children(head.index):
                # (an animate genitive is often read as the accusative it looks like)
                if child.rel == "nmod" and child.feats.get("Case") in ("Gen", "Acc") and _preposition(s, child) is None:
                    key = self.people.named_at(s, child)
                    if type(self.ctx.entity(key)).__name__ == "Person":
                        return [key]
            return []
        for child in s.children(head.index):
            if child.rel in ("appos", "flat:name", "nmod") and child.pos == "PROPN":
                # "режиссёра Эмира Кустурицы": the name may be read from its second word only
                for t in [child] + [c for c in s.children(child.index) if c.rel == "flat:name"]:
                    key = self.ctx.key_at(t.start, t.end)
                    if type(self.ctx.entity(key)).__name__ == "Person":
                        return [key]
        return self.people.resolve(s, head)

    def best(self, seg: Segment) -> None:
        """"Иван Петров признан лучшим игроком сезона", "Лучшей актрисой стала Анна Ким", "журнал
        назвал его Человеком года": a best-of title, given to the named person it is said of."""
        s = seg.sentence
        by_index = {t.index: t for t in s.tokens}
        for noun in s.tokens:
            verb = by_index.get(noun.head)
            if noun.rel == "appos" and verb is not None and verb.rel == "obj":
                # "назвал Олега Белова, основателя компании, Человеком года": the title hung on the named
                verb = by_index.get(verb.head)
            # "Человеком года": a title with a capital, read as a name, when it is of a year or season
            common = noun.pos == "NOUN" or noun.pos == "PROPN" and any(
                c.rel == "nmod" and c.lemma in BEST_OF and c.pos == "NOUN" for c in s.children(noun.index))
            if not common or noun.feats.get("Case") != "Ins" or noun.feats.get("Animacy") != "Anim" \
                    or verb is None or verb.lemma not in BEST_VERBS:
                continue
            amods = [c for c in s.children(noun.index) if c.rel == "amod" and c.start < noun.start]
            best = [c for c in amods if c.text.lower().startswith("лучш") or c.lemma == "ценный"
                    and any(g.lemma == "самый" for g in s.children(c.index))]
            of = [c for c in s.children(noun.index) if c.rel == "nmod" and c.lemma in BEST_OF and c.start > noun.start]
            # "самым молодым игроком": a record, not a title; "тренером года" names the title by its year;
            # "победителем турнира": who won a contest, not a title given
            if not best and not (of and not amods) or noun.lemma in ("победитель", "победительница"):
                continue
            if verb.lemma in ("стать", "становиться") and not of and noun.lemma not in BEST_ROLES:
                continue  # "стал лучшим другом": said of someone, given by no one
            recipients: list[str] = []
            for child in s.children(verb.index):
                takes = child.rel in ("nsubj", "nsubj:pass") if verb.lemma != "назвать" or verb.feats.get("Voice") == "Pass" \
                    else child.rel in ("obj", "nsubj:pass")
                if takes:
                    recipients += [k for k in self._named_or_resolved(s, child) + self._conjoined(s, child)
                                   if type(self.ctx.entity(k)).__name__ == "Person" and not self.ctx.entity(k).anonymous]
            if not recipients:
                continue
            span = (min(t.start for t in amods + [noun]), _award_end(s, noun))
            name = self.ctx.text[span[0]:span[1]]
            node = Commemoration(key=self.ctx.new_key("com"), type="AwardConferral", label=name, award=name)
            node.evidence.append(self.ctx.evidence(seg.start, seg.end, 0.65))
            node.award_evidence = self.ctx.evidence(span[0], span[1], 0.65)
            node.date = _date_in(self.ctx, seg)
            for key in dict.fromkeys(recipients):
                node.participations.append(Participation(key, "recipient", [self.ctx.evidence(seg.start, seg.end, 0.65)]))
            self.ctx.facts.commemorations.append(node)

    def tally(self, seg: Segment) -> None:
        """"На счету Белова два «Оскара» и три «Золотых глобуса»": the awards counted to whose credit."""
        s = seg.sentence
        for account in s.tokens:
            if account.lemma not in ("счёт", "счет") or _preposition(s, account) != "на":
                continue
            # ("Де Ниро": a particle opening a name has no case)
            owner = next((c for c in s.children(account.index) if c.rel == "nmod" and c.feats.get("Case", "Gen") == "Gen"
                          and _preposition(s, c) is None), None)
            recipients = self._named_or_resolved(s, owner) if owner is not None else []
            if not recipients:
                continue
            # (the parser may hang what is counted on the owner: "счету певца … альбомов")
            counted = [c for c in s.children(account.index) if c.rel == "nsubj"] + [
                c for c in s.children(owner.index) if c.rel == "nmod" and _preposition(s, c) is None and c.pos == "NOUN"]
            for award in counted + [c for one in counted for c in s.children(one.index) if c.rel == "conj"]:
                # "более 40 альбомов и семь премий «Грэмми»": the awards among other things counted
                if award.lemma in AWARD_NOUNS | MEDALS or _quoted_span(s, award) and not _of_a_work(s, award) \
                        and award.pos in ("NOUN", "PROPN"):
                    self._conferrals(seg, award, recipients, False)
                    break  # (the rest of its list read with it)

    def _conjoined(self, s: Sentence, head: Token) -> list[str]:
        """"присуждена Ивану Петрову, Олегу Смирнову и Павлу Белову": the named persons listed with a
        recipient, each a recipient too (the parser hangs them on the first name or on its noun)."""
        heads = [head] + [c for c in s.children(head.index) if c.rel in ("appos", "flat:name") and c.pos == "PROPN"]
        keys: list[str] = []
        for one in heads:
            for child in s.children(one.index):
                if child.rel != "conj" or child.pos not in ("PROPN", "NOUN"):
                    continue
                for key in self._named_or_resolved(s, child):
                    person = self.ctx.entity(key)
                    if type(person).__name__ == "Person" and not person.anonymous:
                        keys.append(key)
        return keys

    def holder(self, seg: Segment) -> None:
        """"лауреат Нобелевской премии Олег Смирнов", "стал обладателем приза", "олимпийская
        чемпионка Анна Белова": an award its holder is named with."""
        s = seg.sentence
        for noun in s.tokens:
            # "Герой Социалистического Труда", "Лауреату …" at a line's start are often read as a name
            if noun.pos != "NOUN" and not (noun.pos == "PROPN" and noun.lemma in HOLDER_NOUNS | {"герой", "героиня"}):
                continue
            award = None
            metal = next((c for c in s.children(noun.index) if c.rel == "amod" and c.lemma in METAL_ADJECTIVES), None)
            if noun.lemma in MEDALLISTS and metal is not None:
                # "бронзовый призёр Олимпийских игр", "золотая медалистка": a medal its holder won
                span = (metal.start, _award_end(s, noun))
                name = self.ctx.text[span[0]:span[1]]
            elif noun.lemma in HOLDER_NOUNS:
                award = next((c for c in s.children(noun.index) if c.rel == "nmod"
                              and (c.lemma in AWARD_NOUNS or _quoted_after(s, c))), None)
                if award is None and noun.lemma in ("обладатель", "обладательница"):
                    # "стал обладателем Кубка России", "обладательница бронзы": a cup or medal won
                    award = next((c for c in s.children(noun.index) if c.rel == "nmod" and c.lemma in HELD_WINS
                                  and _preposition(s, c) is None), None)
                if award is None or _military_rank(s, award):
                    continue
                name = _award_name(s, award)
                first = min([award.start] + [c.start for c in s.children(award.index) if c.rel == "amod"])
                span = (first, _award_end(s, award))
            elif noun.lemma in HONORARY_NOUNS and any(c.rel == "amod" and c.lemma in HONORARY for c in s.children(noun.index)) \
                    or noun.lemma in ("герой", "героиня") and any(c.rel == "nmod" and c.lemma in HERO_OF for c in s.children(noun.index)):
                # "народный артист России", "Герой Советского Союза": an honorary title
                # "народный артист России, дирижёр Валерий Гергиев": the title, not the trade after it
                words = [noun] + [t for c in s.children(noun.index) if c.rel in ("amod", "nmod") for t in _subtree(s, c)
                                  if t.pos != "PROPN" or type(self.ctx.entity(self.ctx.key_at(t.start, t.end))).__name__ != "Person"]
                # (up to a comma: "народный артист России, автор мультфильма" — the title ends there)
                comma = s.text.find(",", noun.end - s.start)
                words = [t for t in words if comma < 0 or t.end <= s.start + comma]
                span = (min(t.start for t in words), max(t.end for t in words))
                name = s.text[span[0] - s.start:span[1] - s.start]
            elif noun.lemma in TITLE_NOUNS or noun.lemma.removeprefix("экс-") in TITLE_NOUNS:
                qualifiers = [c for c in s.children(noun.index) if c.rel == "amod" and c.lemma in TITLE_QUALIFIERS]
                # "чемпион мира", "чемпион Италии", "чемпион WBC": of the world, a country, a federation
                # "чемпион по боксу": of a sport
                of = [c for c in s.children(noun.index) if c.rel == "nmod" and (c.lemma.lower() in TITLE_OF or
                                                                                c.pos == "PROPN" or _preposition(s, c) == "по")]
                if not qualifiers and not of:
                    continue  # "чемпион" alone: of what, the text does not say
                words = inflect_phrase(qualifiers + [noun], plural=False)
                # "чемпион мира по версии WBO": a phrase with "по" whole, with its own dependents
                ends = [t.end for c in of for t in ([c] if _preposition(s, c) is None else _subtree(s, c))]
                span = (min(t.start for t in qualifiers + [noun]), max(ends + [noun.end]))
                name = words + self.ctx.text[noun.end:span[1]]
            else:
                continue
            awards = [(name, span)]
            if award is not None and noun.lemma in HOLDER_NOUNS:
                colon = re.match(r"\s*:", self.ctx.text[span[1]:span[1] + 3])
                if award.lemma == "награда" and colon:  # "Лауреат наград: орден …, Государственная премия …"
                    awards = _listed(s, span[1] + colon.end(), joined=False)
                    if not awards:
                        continue
                # "кавалер орденов Мужества, ордена Красной Звезды", "обладатель «Ники», «Тэфи» и «Орла»"
                for more in _more_awards(s, award):
                    quoted = _quoted_span(s, more) if more.lemma not in AWARD_NOUNS else None
                    first = min([more.start] + [c.start for c in s.children(more.index) if c.rel == "amod"
                                                and c.lemma not in _COUNTING])
                    awards.append((_award_name(s, more), quoted or (first, _award_end(s, more))))
                awards += _listed(s, max(end for _name, (_start, end) in awards))
                awards = [a for i, a in enumerate(awards) if not any(_overlaps(a[1], b[1]) for b in awards[:i])]
            recipients = self._holder_of(s, noun, seg, max(end for _name, (_start, end) in awards))
            if not recipients and _subjectless(self.ctx, s, noun):
                # "Член Союза писателей, лауреат Ленинской премии." in a life story: its person's
                recipients = self._life_subject(seg, noun.feats.get("Gender", "") if noun.lemma in ("лауреатка", "обладательница", "чемпионка") else "")
            if not recipients:
                continue
            for name, span in awards:
                node = Commemoration(key=self.ctx.new_key("com"), type="AwardConferral", label=name, award=name)
                node.evidence.append(self.ctx.evidence(seg.start, seg.end, 0.65))
                node.award_evidence = self.ctx.evidence(span[0], span[1], 0.65)
                for key in recipients:
                    node.participations.append(Participation(key, "recipient", [self.ctx.evidence(seg.start, seg.end, 0.65)]))
                self.ctx.facts.commemorations.append(node)

    def _holder_of(self, s: Sentence, noun: Token, seg: Segment | None = None, end: int = 0) -> list[str]:
        """Who the holder noun is: the name in apposition, the subject of "стал лауреатом", or
        the named head it stands beside."""
        # "народный артист России, дирижёр Валерий Гергиев": the name may stand after a trade
        near = s.children(noun.index) + [g for c in s.children(noun.index) if c.rel == "appos" and c.pos == "NOUN"
                                         for g in s.children(c.index)]
        for child in near:
            if child.rel in ("appos", "flat:name", "nsubj") and child.pos == "PROPN":
                key = self.ctx.key_at(child.start, child.end)
                if type(self.ctx.entity(key)).__name__ == "Person":
                    return [key]
        for child in near:  # "Актёр Иван Петров — обладатель «Ники»": the subject a trade names
            if child.rel == "nsubj" and child.pos in ("NOUN", "PROPN"):
                key = self.people.named_at(s, child)
                if type(self.ctx.entity(key)).__name__ == "Person":
                    return [key]
        head = next((t for t in s.tokens if t.index == noun.head), None)
        if head is None:
            return self._name_after(s, noun, end)
        if noun.rel == "conj" and head.pos == "NOUN":
            # "Иван Петров — полковник в отставке, кавалер орденов …": the subject of the first
            subject = next((c for c in s.children(head.index) if c.rel == "nsubj" and c.pos == "PROPN"), None)
            key = self.ctx.key_at(subject.start, subject.end) if subject is not None else None
            if type(self.ctx.entity(key)).__name__ == "Person":
                return [key]
        while noun.feats.get("Case") == "Ins" and head.rel == "conj" and head.feats.get("Case") == "Ins":
            # "является бронзовым призёром игр, трёхкратной чемпионкой мира": the verb of the first
            head = next((t for t in s.tokens if t.index == head.head), head)
        if noun.feats.get("Case") == "Ins" and head.lemma in ("стать", "являться", "становиться", "признать"):
            subject = next((c for c in s.children(head.index) if c.rel in ("nsubj", "nsubj:pass")), None)
            if subject is None and head.rel == "acl":  # "футболист, ставший обладателем Кубка УЕФА"
                subject = next((t for t in s.tokens if t.index == head.head), None)
            found = self.people.resolve(s, subject, create=False) if subject is not None else []
            if not found and subject is not None:  # "клуб «Зенит» стал чемпионом России": a club's title
                found = self._institution(s, subject)
            if not found and subject is not None and subject.lemma in ("он", "она") and seg is not None:
                # "Он трижды становился лауреатом премии": the person the story is about
                found = self._life_subject(seg, "Masc" if subject.lemma == "он" else "Fem")
            if found or subject is not None:
                return found
        if noun.rel == "appos" and head.pos == "PROPN":
            key = self.ctx.key_at(head.start, head.end)
            if type(self.ctx.entity(key)).__name__ == "Person":
                return [key]
        if noun.rel == "appos" and head.pos == "NOUN":  # "боксёр Олег Лось, чемпион мира, …"
            key = self.people.named_at(s, head)
            if type(self.ctx.entity(key)).__name__ == "Person":
                return [key]
        # "с Иваном Петровым, чемпионом мира, Олегом Беловым": a name before comes first, only then
        # the one after
        return self._name_after(s, noun, end)

    def _name_before_comma(self, s: Sentence, verb: Token) -> list[str]:
        """"Анна Ким, в прошлом году получившая премию": the name the participle's phrase follows, by
        its comma, when the participle agrees with that person's gender."""
        before = [t for t in s.tokens if t.end <= verb.start]
        comma = next((t for t in reversed(before) if t.text == "," or t.pos in ("VERB", "AUX")), None)
        if comma is None or comma.text != ",":
            return []
        key = next((k for start, end, k in self.ctx.mentions if end <= comma.start
                    and not self.ctx.text[end:comma.start].strip()), None)
        person = self.ctx.entity(key)
        if type(person).__name__ != "Person" or person.anonymous:
            return []
        gender = {"Masc": "male", "Fem": "female"}.get(verb.feats.get("Gender", ""))
        return [key] if gender is None or person.gender in (gender, None) else []

    def _institution(self, s: Sentence, token: Token) -> list[str]:
        """"Клуб «Зенит»", "организация ОЗХО": the institution a phrase names, a recipient as NEREL
        links it."""
        key = self.people.named_at(s, token)
        return [key] if type(self.ctx.entity(key)).__name__ == "Institution" else []

    def _organization(self, s: Sentence, token: Token, award: Token) -> list[str]:
        """The institution receiving an award by a verb, not the award's own name ("премии «Эмми»") nor
        a quoted club ("«Спартак» завоевал Кубок", kept out by the suite of the fifth round)."""
        if token is award or any(_quoted_span(s, t) for t in [token] + s.children(token.index)):
            return []
        return self._institution(s, token)

    def _named_thing(self, s: Sentence, token: Token) -> bool:
        """A word naming an institution, a place, or anything in quotes («Спартак», «Ветер»)."""
        kind = type(self.ctx.entity(self.ctx.key_at(token.start, token.end))).__name__
        return kind in ("Institution", "Place") or _quoted_span(s, token) is not None

    def _person_at(self, token: Token) -> bool:
        return type(self.ctx.entity(self.ctx.key_at(token.start, token.end))).__name__ == "Person"

    def _name_after(self, s: Sentence, noun: Token, end: int = 0) -> list[str]:
        """"лауреату Государственной премии писателю Олегу Белову", "Обладатель двух «Ник», Пётр Зорин
        …": the name the holder's phrase (ending at `end`, if known) is followed by in the same case,
        past trades and titles in that case, is the holder."""
        case = noun.feats.get("Case")
        end = max([end, noun.end] + [t.end for t in _subtree(s, noun)])
        quoted = re.match(r"[^«»]*»", s.text[end - s.start:])  # a quoted award name runs on past its first word
        if quoted and "«" in s.text[noun.end - s.start:end - s.start]:
            end += quoted.end()
        after = [t for t in s.tokens if t.start >= end]
        before = [t for t in s.tokens if t.start < noun.start and not (t.pos in ("NUM", "ADJ") and t.head == noun.index)]
        if not before or before[-1].text == ",":
            # "Обладатель двух «Ник» и премии фестиваля в Берлине, Пётр Зорин …", "боксёр, чемпион мира
            # и Европы 1987 года, Анджело Роттоли": a phrase that opens the sentence or is put in
            # between commas is told of the name after its comma, if it tells nothing itself
            comma = next((i for i, t in enumerate(after) if t.text == ","), None)
            if comma is not None and not any(t.pos in ("VERB", "AUX") or t.text in ("—", ";", "(") or self._person_at(t)
                                             for t in after[:comma]):
                after = after[comma:]
        for token in after:
            if token.pos == "PUNCT" and token.text == "," or token.pos in ("ADJ", "NOUN") and _same_case(token, case):
                continue  # "лауреату премии, писателю", "народному артисту"
            if token.pos == "PROPN" and _same_case(token, case):
                key = self.ctx.key_at(token.start, token.end)
                if type(self.ctx.entity(key)).__name__ == "Person" and not self.ctx.entity(key).anonymous:
                    return [key]
            return []
        return []

    # -- memorials and their unveiling ----------------------------------------------------------
    def memorial(self, seg: Segment) -> None:
        s = seg.sentence
        noun = next((t for t in s.tokens if t.lemma in MEMORIAL_NOUNS and t.pos == "NOUN"), None)
        verb = next((t for t in s.tokens if t.lemma in UNVEIL_VERBS and t.pos == "VERB"), None)
        event_noun = next((t for t in s.tokens if t.lemma in EVENT_NOUNS and t.pos == "NOUN"), None)
        if noun is None and event_noun is None:
            return
        honoured = self._honoured_in(s)
        if noun is None and verb is None and not honoured and event_noun.lemma in ("митинг", "акция", "церемония") \
                and not any(t.lemma in MEMORIAL_WORDS for t in s.tokens):
            return  # "митинг против повышения тарифов": a protest, read as an incident
        date = _date_in(self.ctx, seg)
        place = next((k for k in (self.ctx.key_at(t.start, t.end) for t in s.tokens)
                      if type(self.ctx.entity(k)).__name__ == "Place"), None)
        if noun is not None:
            label = inflect_phrase([c for c in s.children(noun.index) if c.rel == "amod"] + [noun], plural=False)
            memorial = Commemoration(key=self.ctx.new_key("com"), type="Memorial", label=label, place=place)
            memorial.evidence.append(self.ctx.evidence(seg.start, seg.end, 0.7))
            for key in honoured:
                self._honour(memorial, key, seg)
            self.ctx.facts.commemorations.append(memorial)
        if verb is not None or event_noun is not None:
            if event_noun is not None:
                label = "минута молчания" if event_noun.lemma == "молчание" else inflect_phrase([event_noun], plural=False)
            elif verb.lemma == "возложить":
                label = "возложение цветов"
            else:
                label = "открытие " + (inflect_phrase([noun], plural=False) if noun is not None else "")
            event = Commemoration(key=self.ctx.new_key("com"), type="MemorialEvent", label=label.strip(),
                                  date=date, place=place)
            event.evidence.append(self.ctx.evidence(seg.start, seg.end, 0.7))
            for key in honoured:
                self._honour(event, key, seg)
            if verb is not None:
                for child in s.children(verb.index):
                    if child.rel == "nsubj":
                        for key in self.people.resolve(s, child) or _institutions(self.ctx, s, child):
                            event.participations.append(
                                Participation(key, "organizer", [self.ctx.evidence(seg.start, seg.end, 0.65)]))
            self.ctx.facts.commemorations.append(event)

    def _honoured_in(self, s: Sentence) -> list[str]:
        """"в память о …", "в честь …", "памяти …", "памятник героям": whom it honours."""
        keys: list[str] = []
        for token in s.tokens:
            if token.lemma in MEMORIAL_NOUNS:
                for child in s.children(token.index):
                    if child.feats.get("Case") == "Dat" and person_lemma(child):
                        keys += self.people.resolve(s, child)
            if token.lemma in ("память", "честь", "посвятить", "посвящённый", "посвященный"):
                for child in s.children(token.index):
                    if child.rel in ("nmod", "obl", "iobj", "obj"):
                        for t in [child] + [c for c in s.children(child.index) if c.rel in ("conj", "appos")]:
                            if person_lemma(t) or self.people.named_at(s, t):
                                keys += self.people.resolve(s, t)
        return list(dict.fromkeys(keys))


def _label(s: Sentence, noun: Token) -> str:
    """The day's name in the nominative: the noun with its adjectives, genitive dependents as written."""
    span_tokens = _subtree(s, noun)
    words = []
    for t in span_tokens:
        if t is noun:
            words.append(inflect_phrase([t], plural=False))
        elif t.head == noun.index and t.rel == "amod":  # agreeing with the noun's gender
            words.append(inflect_phrase([t, noun], plural=False).split()[0])
        else:
            words.append(t.text)
    return " ".join(words)


def _subtree(s: Sentence, head: Token) -> list[Token]:
    out = [head]
    for child in s.children(head.index):
        if child.rel in ("amod", "nmod") and child.pos != "PUNCT":
            out += _subtree(s, child)
    out.sort(key=lambda t: t.start)
    # keep only the contiguous run around the head
    return out


def _community(s: Sentence, noun: Token) -> str | None:
    """"праздник сотрудников …", "сотрудники … отмечают свой праздник": whose day it is."""
    for child in s.children(noun.index):
        lemma = person_lemma(child)
        if lemma:
            return lemma
    if any(c.lemma == "свой" for c in s.children(noun.index)) and noun.head is not None:
        for child in s.children(noun.head):
            if child.rel == "nsubj" and person_lemma(child):
                return person_lemma(child)
    return None


def _preposition(s: Sentence, token: Token) -> str | None:
    return s.preposition(token)


def _institutions(ctx: Context, s: Sentence, token: Token) -> list[str]:
    key = ctx.key_at(token.start, token.end)
    return [key] if type(ctx.entity(key)).__name__ == "Institution" else []


def _named_after(ctx: Context, start: int) -> bool:
    """"Институт имени А. С. Пушкина": a person a name honours, not the one the text is about."""
    before = ctx.text[max(0, start - 8):start].lower()
    return "им." in before or "имени" in before


def _subjectless(ctx: Context, s: Sentence, noun: Token, subject: bool = False) -> bool:
    """A line of a life story that names no one and has no subject, whose holder noun stands at its
    top or in its list: "Лауреат Государственной премии СССР.", "Член Союза писателей, кавалер
    ордена Ленина"."""
    if noun.feats.get("Case") != "Nom" or _names_someone(ctx, s):
        return False
    by_index = {t.index: t for t in s.tokens}
    top = noun
    while top.rel in ("conj", "appos") and top.head in by_index:
        top = by_index[top.head]
    subjects = [t for t in s.tokens if t.rel.startswith("nsubj")]
    # "Член Союза писателей СССР, …, лауреат Ленинской премии": the list describes the story's person
    # "Лауреат премии будет объявлен в мае" is no one's yet: the holder noun is not the subject itself
    return (top.head is None or top.rel == "root") and not subjects or subjects == [top] and top.pos == "NOUN" \
        and (subject or top is not noun)


def _names_someone(ctx: Context, s: Sentence) -> bool:
    # "премии Пастернака": a name inside an award's name is not someone the line is about
    in_awards = {t.start for t in s.tokens if _in_award_name(s, t)}
    return any(type(ctx.entity(key)).__name__ == "Person" and start not in in_awards
               for start, end, key in ctx.mentions if s.start <= start < s.end) \
        or any(t.pos == "PRON" and t.rel.startswith("nsubj") for t in s.tokens)


def _same_case(token: Token, case: str | None) -> bool:
    """The case wanted, an animate genitive and accusative (alike in form) taken for each other."""
    found = token.feats.get("Case")
    return found == case or {found, case} == {"Gen", "Acc"}


def _agrees(word: Token, noun: Token) -> bool:
    """A participle agrees with the noun it qualifies in gender and number, where both say."""
    return all(word.feats.get(f) is None or noun.feats.get(f) is None or word.feats[f] == noun.feats[f]
               for f in ("Gender", "Number"))


def _of_a_work(s: Sentence, token: Token) -> bool:
    """"в фильме «Начинающие»": a quoted name of a work, not of an award."""
    quoted = _quoted_span(s, token)
    if quoted is None:
        return False
    before = [t for t in s.tokens if t.end <= quoted[0] - 1]
    return bool(before) and before[-1].lemma in WORK_NOUNS


def _metal_prize(s: Sentence, token: Token) -> bool:
    """"«Золотую пальмовую ветвь»", "«Хрустальный глобус»": a quoted name opening with a prize's metal,
    the word the noun it qualifies, not a work ("в фильме «Золотой телёнок»")."""
    quoted = _quoted_span(s, token)
    if quoted is None or _of_a_work(s, token):
        return False
    first = next((t for t in s.tokens if t.start == quoted[0]), None)
    return first is not None and first is not token and first.lemma in PRIZE_ADJECTIVES and token.pos in ("NOUN", "PROPN")


def _honour_star(s: Sentence, token: Token) -> bool:
    """"звезда Героя", "звезда на Аллее славы": a star given as an honour, not a celebrity."""
    return token.lemma == "звезда" and any(
        c.rel == "nmod" and (c.lemma in ("герой", "героиня") or c.lemma == "аллея" and _preposition(s, c) == "на")
        for c in s.children(token.index))


def _military_rank(s: Sentence, award: Token) -> bool:
    """"присвоено звание полковника", "имел звание адмирала": a rank a service gives, not an award."""
    return award.lemma in ("звание", "титул") and any(
        c.rel == "nmod" and (c.lemma in RANKS or c.lemma.split("-")[0] in RANKS) for c in s.children(award.index))


def _in_award_name(s: Sentence, token: Token) -> bool:
    """"премии Пастернака", "медаль Ивана Франко": a name the parser hangs on an award noun."""
    by_index = {t.index: t for t in s.tokens}
    for _step in range(2):  # the name's first word, or its second (flat:name) one
        if token.rel not in ("nmod", "flat:name", "appos") or token.head not in by_index:
            return False
        token = by_index[token.head]
        if token.lemma in AWARD_NOUNS:
            return True
    return False


def _date_in(ctx: Context, seg: Segment):
    return next((d for d in ctx.facts.dates if d.value and d.evidence and seg.start <= d.evidence.start < seg.end), None)


# "четвёртую золотую медаль", "очередной титул": how many, not which award
_COUNTING = {"первый", "второй", "третий", "четвёртый", "четвертый", "пятый", "шестой", "седьмой", "восьмой",
             "девятый", "десятый", "очередной", "новый", "последний", "ещё", "единственный"}


def _award_name(s: Sentence, award: Token) -> str:
    adjectives = [c for c in s.children(award.index) if c.rel == "amod" and c.start < award.start
                  and c.lemma not in _COUNTING]
    # "Нобелевская премия": a proper name keeps its capitals
    words = [" ".join(w[:1].upper() + w[1:] if t.text[:1].isupper() and t is not award else w
                      for t, w in zip(adjectives + [award], inflect_phrase(adjectives + [award], plural=False).split()))]
    after = s.text[award.end - s.start:]
    quoted = re.match(r"\s*(«[^»]+»" + _DEGREES + ")", after)
    if quoted:  # "медалью «За отвагу»", "орденом «За заслуги перед Отечеством» IV степени"
        return f"{words[0]} {quoted.group(1)}"
    # the words after the award that name it, as written: "премия по литературе 1999 года"
    rest = s.text[award.end - s.start:_award_end(s, award) - s.start]
    return words[0] + rest


def _more_awards(s: Sentence, award: Token) -> list[Token]:
    """"орденами «А», «Б» и медалью": the other awards of a list after the first."""
    end = _award_end(s, award)
    # the parser may hang the next award on the first one's name ("орденов Мужества, ордена …")
    near = s.children(award.index) + [g for c in s.children(award.index) if c.rel in ("nmod", "appos")
                                      for g in s.children(c.index)]
    return [c for c in near if c.rel in ("conj", "appos") and c.start >= end
            and (c.lemma in AWARD_NOUNS or _quoted_span(s, c) and not _of_a_work(s, c))
            and not any(a.lemma in _VAGUE for a in s.children(c.index))]  # "и других наград"


# between the awards of a list: "премии X, премии Y", "«А», «Б» и «В»", ", а также двух «Глобусов»"
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:а\s+также\s+|и\s+)?|и\s+|;\s*)")
_YEAR_NOTE = re.compile(r"\s*\(\s*(?:в\s+)?\d{4}[^()]{0,20}\)")


def _listed(s: Sentence, pos: int, joined: bool = True) -> list[tuple[str, tuple[int, int]]]:
    """The awards listed from `pos` on, each a quoted name or a phrase headed by an award noun, with
    their spans: "(лауреат) премии X (1997), премии Y", "(обладатель) «А», «Б» и двух «В»". `joined`:
    `pos` stands after an award, so a separator comes first."""
    out: list[tuple[str, tuple[int, int]]] = []
    text = s.text
    while True:
        note = _YEAR_NOTE.match(text, pos - s.start)  # "премии Соннинга (1981)"
        if note:
            pos = s.start + note.end()
        if text.startswith("»", pos - s.start):  # the first award's quoted name closes here
            pos += 1
        if joined:
            join = _LIST_JOIN.match(text, pos - s.start)
            if not join or not join.group(0).strip():
                break
            pos = s.start + join.end()
        joined = True
        ahead = [t for t in s.tokens if t.start >= pos]
        while ahead and ahead[0].pos == "NUM":  # "двух «Золотых глобусов»"
            ahead = ahead[1:]
        if not ahead or text[pos - s.start:ahead[0].start - s.start].strip():
            break
        if ahead[0].text == "«":
            quoted = re.match(r"«([^«»]+)»", text[ahead[0].start - s.start:])
            if not quoted:
                break
            start = ahead[0].start + 1
            out.append((quoted.group(0), (start, start + len(quoted.group(1)))))
            pos = ahead[0].start + quoted.end()
            continue
        words = 0
        while words < len(ahead) and ahead[words].pos == "ADJ":
            words += 1
        if words == len(ahead) or ahead[words].lemma not in AWARD_NOUNS \
                or any(t.lemma in _VAGUE for t in ahead[:words]):  # "и других наград"
            break
        noun = ahead[words]
        first = next((t.start for t in ahead[:words] if t.lemma not in _COUNTING), noun.start)
        end = _award_end(s, noun)
        out.append((s.text[first - s.start:end - s.start], (first, end)))
        pos = end
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _quoted_span(s: Sentence, token: Token) -> tuple[int, int] | None:
    """The «…» a word stands inside, without the quotes."""
    before, after = s.text[:token.start - s.start], s.text[token.start - s.start:]
    left, right = before.rfind("«"), after.find("»")
    if left < 0 or right < 0 or "»" in before[left:] or "«" in after[:right]:
        return None
    return s.start + left + 1, token.start + right


def _quoted_after(s: Sentence, token: Token) -> bool:
    """"обладатель «Оскара»", "обладатель «Золотого глобуса»": an award named in quotes, the word
    the first of its name or the noun its adjectives qualify."""
    before = s.text[:token.start - s.start].rstrip()
    if before.endswith("«"):
        return True
    quoted = _quoted_span(s, token)
    return quoted is not None and all(t.pos == "ADJ" for t in s.tokens if quoted[0] <= t.start < token.start)


# "«За заслуги перед Отечеством» IV степени", "… II, III и IV степеней": the classes of an order
_DEGREES = r"(?:\s+[IVX]+(?:\s*(?:,|и)\s*[IVX]+)*\s+степен(?:и|ей))?"


def _award_end(s: Sentence, award: Token) -> int:
    after = s.text[award.end - s.start:]
    quoted = re.match(r"\s*«[^»]+»" + _DEGREES, after)
    if quoted:
        return award.end + quoted.end()
    # "премия по литературе", "приз за лучшую режиссуру", "медаль Пушкина" name the award; "медали
    # на дистанциях", "медаль на Олимпиаде" tell where it was won
    tail = [c.end for c in s.children(award.index) if c.rel in ("nmod", "flat", "appos")
            and c.start > award.start and _preposition(s, c) in (None, "по", "за")]
    # "награда в номинации «Лучшая актриса»": the category is the award's name too
    category = next((c for c in s.children(award.index) if c.lemma in ("номинация", "категория")
                     and _preposition(s, c) == "в"), None)
    if category is not None:
        named = re.match(r"\s*«[^»]+»", s.text[category.end - s.start:])
        tail.append(category.end + named.end() if named else category.end)
    end = max([award.end] + tail)
    comma = s.text.find(",", award.end - s.start)
    return min(end, s.start + comma) if comma >= 0 else end

"""Incidents with participants and roles, read from the syntax of each statement.

Who did it is the subject (or the agent of a passive), to whom is the object, the "на"-phrase
of an attack or the subject of a passive; coordinated phrases and dash lists give several
participants. A subject left out ("…, угнали автомобиль и лишили жизни …") is the subject of the
verb the clause is coordinated with. Clauses after a colon that follows a noun trigger
("перестрелкой: один преступник был ликвидирован, второй — задержан") tell that incident's
outcome instead of starting new ones.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Group, Incident, Participation, Place
from . import triggers as lex
from .context import Context
from .groups import WHOSE_NOUNS, People, inflect_phrase, person_lemma
from .nlp import Sentence, Token, models
from .places import SITE
from .ranks import POSTS as OFFICES
from .segments import Segment, inside, quoted_spans, segments

WEAPONS = {"нож", "топор", "пистолет", "автомат", "ружьё", "ружье", "обрез", "молоток", "арматура",
           "бита", "граната", "винтовка", "карабин", "револьвер", "кастет", "заточка", "лом", "палка",
           "взрывчатка", "самодельный"}
ARMED = {"вооружить", "вооружиться", "вооружённый", "вооруженный"}
# where things happen when no named place is given: nouns for sites
SITES = {"карьер", "блокпост", "больница", "трасса", "шахта", "кпп", "вокзал", "мост",
         "лес", "станция", "аэропорт", "рынок", "магазин", "двор", "подъезд", "стройка", "полигон"}
TEAM_PREPOSITIONS = {"вместе", "совместно"}
_ONE_OF = {"один", "первый", "второй", "другой", "каждый"}  # "один из нападавших"


class IncidentReader:
    def __init__(self, ctx: Context, people: People) -> None:
        self.ctx = ctx
        self.people = people
        self.quotes = quoted_spans(ctx.text)
        self.segments = segments(ctx.analysis)
        self.incidents: list[Incident] = []
        self.paragraph_of: dict[str, int] = {}
        self.start_of: dict[str, int] = {}
        self.site_of_paragraph: dict[int, str] = {}
        self.targets: dict[str, list[str]] = {}  # attack key -> whom it targeted
        self._headline_triggers: list[tuple[str, Segment]] = []
        self._headline_words: list[tuple[lex.Trigger, Segment]] = []
        self._done: dict[int, Incident] = {}  # noun triggers already read as a death's setting
        self._passing: list[Incident] = []  # happenings named in passing, kept if they have a whole
        self._owner_victims: list[str] = []  # "угнали автомобиль у жителя": the owner, for the seizure
        self._taking_part: list[str] = []  # "с участием X", "X принял участие в …": participants
        self._performed = False  # whether those gave it ("выступил с концертом")
        self.trigger_of: dict[str, tuple[Segment, Token]] = {}

    # -- main loop ----------------------------------------------------------------------------
    def read(self) -> list[Incident]:
        for seg in self.segments:
            if seg.headline:
                self._headline(seg)
                continue
            elaborated: Incident | None = None
            colon = _colon_after_noun_trigger(seg)
            under: list[lex.Trigger] = []
            for token in seg.sentence.tokens:
                if inside(token.start, self.quotes) and not _names_event(seg.sentence, token, self.quotes):
                    continue
                if token.lemma in lex.ESCORT_VERBS and token.pos == "VERB":
                    self._escort(seg, token)
                    continue
                trigger = lex.trigger_at(seg.sentence, token)
                if trigger is None or token.start in self._done:
                    continue
                if not trigger.is_verb and _under_same_verb(seg.sentence, token, trigger.type):
                    under.append(trigger)
                    continue  # "ушёл в отставку", "совершили побег": one incident, told by the verb
                if not trigger.is_verb and _temporal(seg.sentence, token):
                    told = next((i for i in reversed(self.incidents) if _same_kind(i, trigger)), None)
                    whose = self._whose(seg.sentence, token)
                    if told is not None and whose and not whose & {p.agent for p in told.participations}:
                        told = None  # "после смерти Моррисона" after Манзарек's death: another one
                    if told is not None:  # "после его гибели": refers to a death told before
                        self._retell(told, seg, token)
                        continue
                    # "после отставки Хендерсона": a happening named only in passing is still one,
                    # when it says whose or where
                    incident = self._incident(seg, trigger)
                    if incident is not None and not incident.participations and not incident.place \
                            and incident in self.incidents and not _dated(seg.sentence, token, self.ctx.facts.dates):
                        self.incidents.remove(incident)
                        self._passing.append(incident)  # "дошёл до финала Лиги чемпионов": unless a part
                    continue
                if colon is not None and token.start > colon[1] and elaborated is not None:
                    if self._elaborate(seg, trigger, elaborated):
                        continue
                incident = self._incident(seg, trigger)
                if incident is not None and colon is not None and token.start < colon[1]:
                    elaborated = incident
            if elaborated is not None and colon is not None:
                elaborated.outcome = elaborated.outcome or _outcome_after(seg, colon[1])
            for word in under:
                # "на прошедших 4 марта выборах его избрали": the noun, apart from the verb's words,
                # is another word for the verb's incident, unless it names another's ("после
                # отставки Петрова" under "назначен")
                noun = word.token
                head = next(t for t in seg.sentence.tokens if t.index == noun.head)
                told = next((i for i in self.incidents if self.start_of.get(i.key) == head.start), None)
                if told is None or told.trigger is None or told.trigger.start <= noun.start < told.trigger.end \
                        or not _same_kind(told, word):
                    continue
                whose = self._whose(seg.sentence, noun)
                if not whose or whose & {p.agent for p in told.participations}:
                    self._retell(told, seg, noun)
        for incident in self.incidents:
            _with_quoted_name(self.ctx, self.quotes, incident)
        self._wholes()
        self._role_nouns()
        return self.incidents

    def _whose(self, s: Sentence, noun: Token) -> set[str]:
        """Who a happening's noun says it was of, by name ("смерти Моррисона", "отставки
        министра Петрова")."""
        keys = set()
        for child in s.children(noun.index):
            if child.rel == "nmod" and child.feats.get("Case") == "Gen" and _preposition(s, child) is None:
                key = self.people.named_at(s, child)
                if key and type(self.ctx.entity(key)).__name__ in ("Person", "Group", "Institution"):
                    keys.add(key)
        return keys

    def _role_nouns(self) -> None:
        """"ветеран Второй мировой войны Том Мур", "Победителем турнира стал X", "Маркив — участник
        боёв": the person a role noun names took part in the happening in its genitive."""
        for inc in self.incidents:
            if inc.key not in self.trigger_of or inc.type not in lex.HAPPENINGS:
                continue
            seg, token = self.trigger_of[inc.key]
            s = seg.sentence
            role = next((t for t in s.tokens if t.index == token.head), None)
            if role is None or token.rel != "nmod" or role.lemma not in _ROLE_NOUNS:
                continue
            keys = self._role_holder(s, role)
            kind = "organizer" if role.lemma.startswith("организатор") else "participant"
            for key in keys:
                if all(p.agent != key for p in inc.participations):
                    inc.participations.append(Participation(key, kind, [self._evidence(seg, 0.6)]))

    def _role_holder(self, s: Sentence, role: Token) -> list[str]:
        for child in s.children(role.index):
            if child.rel in ("appos", "flat:name", "nsubj") and child.pos == "PROPN":
                key = self.ctx.key_at(child.start, child.end)
                if type(self.ctx.entity(key)).__name__ == "Person":
                    return [key]
        head = next((t for t in s.tokens if t.index == role.head), None)
        if head is not None and role.feats.get("Case") == "Ins" and head.lemma in ("стать", "являться", "становиться", "быть"):
            subject = _own_subject(s, head)  # "победителем турнира стал X"
            return self.people.resolve(s, subject, create=False) if subject is not None else []
        if head is not None and role.rel in ("appos", "conj", "nmod") and head.pos == "PROPN":
            key = self.ctx.key_at(head.start, head.end)
            if type(self.ctx.entity(key)).__name__ == "Person":
                return [key]
        return self.people.resolve(s, role, create=False)

    def _wholes(self) -> None:
        """"в ходе переговоров", "в рамках визита", "во время матча", "на саммите", "при взрыве",
        "в результате взрыва", "финал чемпионата", "перестрелка, в результате которой …": an
        incident told inside a larger one named in the same sentence is a part of it."""
        by_start = {self.start_of[i.key]: i for i in self.incidents}
        # "в результате взрыва был ранен" where "взрыва" tells again a whole told before
        by_start.update({w.start: i for i in self.incidents for w in i.retold if w.start not in by_start})
        passing = {self.start_of[i.key]: i for i in self._passing}
        for part in self.incidents:
            if part.part_of or part.key not in self.trigger_of:
                continue
            seg, token = self.trigger_of[part.key]
            whole = self._whole_in(seg.sentence, token, part, by_start)
            if whole is part or whole is not None and _within(whole, part, self.incidents):
                whole = None
            if whole is None and token.rel == "conj" and token.head is not None and not any(
                    c.lemma in _LATER for c in seg.sentence.children(token.index)):
                # "погиб полицейский и ранены четыре человека": the phrase hangs on the first verb
                # (not "был ранен в перестрелке и позже скончался в больнице": after it, not in it)
                head = next(t for t in seg.sentence.tokens if t.index == token.head)
                whole = self._whole_in(seg.sentence, head, part, by_start, through=False)
            for participle in _doer_participles(seg.sentence, token) if whole is None else []:
                # "Президент, находящийся с визитом в ЮАР, встретился": a deed of one told as on a visit
                if participle.start not in by_start:
                    whole = whole or self._whole_in(seg.sentence, participle, part, by_start, through=False)
            if whole is None and part.type in _HURTS and token.pos == "NOUN":
                # "от ранений, полученных при взрыве": the phrase hangs on the participle
                for child in seg.sentence.children(token.index):
                    if whole is None and child.rel == "acl" and child.feats.get("VerbForm") == "Part":
                        whole = self._whole_in(seg.sentence, child, part, by_start, through=False)
            if whole is None and part.type in _HURTS:
                whole = self._attack_joined(seg.sentence, token, part, by_start)
            if whole is None:
                # "арестован после перестрелки, в ходе которой ранены двое": a happening named in
                # passing is the whole its relative clause tells a part of
                whole = self._relative_whole(seg.sentence, token, part, {**passing, **by_start})
                if whole in self._passing:
                    self._passing.remove(whole)
                    self.incidents.append(whole)
            if whole is None and part.type in _CONSEQUENCES:
                whole = self._result_of_what(seg.sentence, token, part)
            if whole is None and part.type in _CONSEQUENCES:
                whole = self._cause_above(seg.sentence, token, part, by_start) or self._whole_before(seg, token, part)
            if whole is None and part.type == "Competition" and token.pos == "NOUN":
                # "турнир рапиристов на Олимпиаде": the setting hung on the part's own genitive
                for child in seg.sentence.children(token.index):
                    if whole is None and child.rel == "nmod" and child.pos == "NOUN" \
                            and _preposition(seg.sentence, child) is None:
                        whole = self._whole_in(seg.sentence, child, part, by_start, through=False)
            if whole is None and part.type == "Competition" and token.lemma in _FINALS:
                # "в четвертьфинале чемпионата мира …, а в полуфинале": the stage before's whole
                whole = _sibling_whole(part, seg.sentence, self.incidents, self.trigger_of)
            if whole is not None:
                part.part_of = whole.key
        for part in self._passing:
            # "дошёл до финала Лиги чемпионов": a stage named in passing is a fact when its whole
            # is named with it
            seg, token = self.trigger_of[part.key]
            whole = self._whole_in(seg.sentence, token, part, by_start)
            if whole is None and part.type == "Competition" and token.lemma in _FINALS:
                whole = _sibling_whole(part, seg.sentence, self.incidents + [part], self.trigger_of)
            if whole is not None and whole is not part and whole in self.incidents:
                part.part_of = whole.key
                self.incidents.append(part)

    def _whole_in(self, s: Sentence, token: Token, part: Incident, by_start: dict, through: bool = True) -> Incident | None:
        """The larger incident a phrase under this word names."""
        for child in s.children(token.index) + _hung_on_place(s, token):
            prep = _preposition(s, child)
            if child.rel not in ("obl", "nmod") and not (child.rel == "nsubj" and prep in _BESIDE):
                continue  # (a noun with "около" is read as a subject at times)
            inner = []
            if prep in ("в", "во") and child.lemma in _WITHIN:
                inner = [c for c in s.children(child.index) if c.rel == "nmod"]
            elif prep in ("в", "во") and _fixed(s, child) & _WITHIN:  # parsed as one preposition
                inner = [child]
            elif prep in ("на", "при") and (child.pos == "NOUN" or child.pos == "PROPN" and child.start in by_start):
                inner = [child]  # (a contest with a capital, "на Олимпиаде", is read as a name)
            elif prep in ("в", "во") and part.type in _HURTS and child.feats.get("Case") == "Loc":
                # "ранен в перестрелке", "убит в бою": a plain "в" names the cause of a hurt only
                # when that is a violent or sudden happening (not "погиб в год выборов")
                cause = by_start.get(child.start)
                if cause is not None and (cause.type in _CAUSES | lex.DEADLY or cause.label in _FIGHTS):
                    inner = [child]
            elif prep == "с" and child.feats.get("Case") == "Ins" and child.lemma == "визит":
                inner = [child]  # "находящийся с визитом в ЮАР, встретился"
            elif prep in ("в", "во") and child.feats.get("Case") == "Loc" and \
                    getattr(by_start.get(child.start), "type", None) == "Meeting":
                inner = [child]  # "в телефонном разговоре поздравил"
            elif through and prep is None and child.rel == "nmod" and child.feats.get("Case") == "Gen" \
                    and part.type in _STAGES:
                inner = [child]  # "финал чемпионата", "второй тур выборов", "открытие фестиваля"
            elif prep in _BESIDE and child.pos == "NOUN" and part.type in _CAUSES | _HURTS:
                # "взорвались у финишной черты марафона": a violent happening at a spot of a contest or
                # a ceremony is a part of it
                inner = [c for c in s.children(child.index) if c.rel == "nmod" and c.feats.get("Case") == "Gen"
                         and _preposition(s, c) is None and by_start.get(c.start) is not None
                         and by_start[c.start].type in _GATHERINGS]
            for noun in inner:
                whole = by_start.get(noun.start)
                if whole is None or whole is part or whole.part_of == part.key or not self._may_hold(part, whole, prep):
                    continue
                return whole
        return None

    @staticmethod
    def _may_hold(part: Incident, whole: Incident, prep: str | None) -> bool:
        if prep == "на":  # "на саммите", "на фестивале"
            return whole.type in _SETTINGS or whole.type == "Incident" and whole.label in _SHOWS
        if prep is None:  # a genitive: a stage of a contest, a round of an election, an opening
            # "церемония коронации" is the coronation itself
            return whole.type in _STAGE_WHOLES and (whole.type != "Election" or part.type == "Election") and \
                not part.type == whole.type == "Ceremony"
        return True

    def _attack_joined(self, s: Sentence, token: Token, part: Incident, by_start: dict) -> Incident | None:
        """"напал с ножом на прохожих, убил одного и ранил четверых": a killing or wounding told by
        a verb joined to an attack's, by the same attacker, is what the attack did."""
        if token.rel != "conj" or _own_subject(s, token) is not None:
            return None
        doers = {p.agent for p in part.participations if p.role == "perpetrator"}
        seen = {token.index}
        while token.rel == "conj" and token.head is not None and token.head not in seen:
            seen.add(token.head)
            token = next(t for t in s.tokens if t.index == token.head)
            whole = by_start.get(token.start)
            if whole is not None and whole.type == "Attack" and whole is not part:
                attackers = {p.agent for p in whole.participations if p.role == "perpetrator"}
                return whole if doers and doers <= attackers else None
            if whole is None or whole.type not in _HURTS:
                return None  # only through the other deeds of the same string ("убил … и ранил")
        return None

    def _relative_whole(self, s: Sentence, token: Token, part: Incident, by_start: dict) -> Incident | None:
        """"перестрелка, в результате которой двое были убиты", "драка, в ходе которой …": the
        noun the relative clause of the part's word stands after."""
        clause = {token.index} | {c.index for c in s.children(token.index) if c.rel == "conj"}
        if token.rel == "conj" and token.head is not None:
            clause.add(token.head)
        for t in s.tokens:
            if t.lemma != "который" or t.start > token.start or t.head is None:
                continue
            frame = next((h for h in s.tokens if h.index == t.head), None)
            if frame is not None and frame.index in clause and _fixed(s, t) & _WITHIN:
                frame = t  # "в ходе которой" parsed as one preposition before "которой"
            if frame is None or not ({frame.lemma} | _fixed(s, frame)) & _WITHIN or frame.head not in clause:
                continue
            head = next((h for h in s.tokens if h.index == token.head), None)
            before = [i for start, i in by_start.items() if start < frame.start and i is not part
                      and self.trigger_of.get(i.key, (None,))[0] is not None
                      and self.trigger_of[i.key][0].sentence is s]
            # "спецоперацией после серии взрывов, в ходе которой …": "которой" agrees with the
            # noun it stands for, whichever the parser hung the clause on
            agreeing = [i for i in before if _agree(t, self.trigger_of[i.key][1])]
            if token.rel == "acl:relcl" and head is not None and by_start.get(head.start) not in (None, part) and \
                    (by_start[head.start] in agreeing or not agreeing):
                return by_start[head.start]  # "авария, в ходе которой пострадали …"
            if agreeing or before:
                return max(agreeing or before, key=lambda i: self.start_of[i.key])
        return None

    def _result_of_what(self, s: Sentence, token: Token, part: Incident) -> Incident | None:
        """"Боевики обстреляли колонну, в результате чего погибли двое солдат": "чего" stands for
        the clause before, whose violent happening the consequence follows from."""
        for child in s.children(token.index):
            if child.lemma not in _WITHIN or _preposition(s, child) not in ("в", "во"):
                continue
            what = [c for c in s.children(child.index) if c.rel == "nmod" and c.lemma == "что"]
            if not what:
                continue
            before = [i for i in self.incidents if i is not part and i.type in _CAUSES
                      and self.trigger_of.get(i.key, (None,))[0] is not None
                      and self.trigger_of[i.key][0].sentence is s and self.start_of[i.key] < child.start]
            return max(before, key=lambda i: self.start_of[i.key]) if before else None
        return None

    def _cause_above(self, s: Sentence, token: Token, part: Incident, by_start: dict) -> Incident | None:
        """"бомба взорвалась, ранив двоих", "теракт, когда погибли восемь человек": a consequence
        told by a converb or a "когда"-clause under the incident's word."""
        head = next((h for h in s.tokens if h.index == token.head), None)
        while head is not None and token.rel == "conj" and token.feats.get("VerbForm") == "Conv" and \
                head.feats.get("VerbForm") == "Conv":
            # "…, убив одного и ранив четверых": the second converb is the first's sibling, not its part
            token, head = head, next((h for h in s.tokens if h.index == head.head), None)
        whole = by_start.get(head.start) if head is not None else None
        if token.feats.get("VerbForm") == "Conv":
            return whole if whole is not None and whole is not part and whole.type in _CAUSES else None
        if token.rel not in ("acl:relcl", "advcl", "acl") or not any(c.lemma == "когда" for c in s.children(token.index)):
            return None
        # "приветствовал теракт, когда погибли …": the clause may hang on the verb, not the noun
        before = [i for start, i in by_start.items() if start < token.start and i is not part and i.type in _CAUSES
                  and self.trigger_of.get(i.key, (None,))[0] is not None and self.trigger_of[i.key][0].sentence is s]
        return max(before, key=lambda i: self.start_of[i.key]) if before else None

    def _whole_before(self, seg: Segment, token: Token, part: Incident) -> Incident | None:
        """"… открыл огонь по толпе. В результате погибли восемь человек", "Тогда были убиты шесть
        человек": a consequence told with no noun for its cause follows from the incident told
        just before. "В аэропорту разбился самолёт. Погибли все пассажиры": so is a death or a
        wound told by a verb with no cause in its line, right after the line of a violent happening
        (not "умер от ранений", "позже скончался": later than it; not "успел ранить": a deed of
        one, told of the doer rather than of the happening)."""
        s = seg.sentence
        if not any(c.lemma == "результат" and _preposition(s, c) == "в" and not
                   any(g.rel == "nmod" for g in s.children(c.index)) or c.lemma == "тогда" and c.rel == "advmod"
                   for c in s.children(token.index)):
            before = [sg for sg in self.segments if sg.end <= seg.start and not sg.headline]
            last = max(before, key=lambda sg: sg.start) if before else None
            if last is None or last.paragraph != seg.paragraph or part.type not in ("Death", "Injury") or \
                    token.pos != "VERB" or token.rel == "acl" or token.feats.get("VerbForm") == "Inf" or any(
                    c.lemma in _LATER or _preposition(s, c) == "от" for c in s.children(token.index)) or any(
                    i is not part and i.type in _CAUSES and self.trigger_of.get(i.key, (None,))[0] is seg
                    for i in self.incidents):
                return None
            # a killing told before is the death itself told again, not its cause
            causes = [i for i in self.incidents if i is not part and i.type in _CAUSES - {"Killing"} and any(
                last.start <= w < last.end for w in [self.start_of[i.key]] + [r.start for r in i.retold])]
            return max(causes, key=lambda i: self.start_of[i.key]) if causes else None
        # "… через два дня после стрельбы в Тусоне. Тогда были убиты шесть человек": the
        # incident told or named again last in the paragraph before
        opened = min(sg.start for sg in self.segments if sg.paragraph == seg.paragraph)
        last: dict[str, int] = {}
        for i in self.incidents:
            if i is part or i.type not in _CAUSES:
                continue
            told = [self.start_of[i.key]] if self.paragraph_of.get(i.key) == seg.paragraph else []
            told += [w.start for w in i.retold]
            told = [t for t in told if opened <= t < seg.start]
            if told:
                last[i.key] = max(told)
        earlier = [i for i in self.incidents if i.key in last]
        return max(earlier, key=lambda i: last[i.key]) if earlier else None

    # -- escort and teams ---------------------------------------------------------------------
    def _escort(self, seg: Segment, verb: Token) -> None:
        s = seg.sentence
        team: list[str] = []
        for child in s.children(verb.index):
            if child.rel == "nsubj":
                team += self._persons(s, child)
            if child.rel == "obl" and any(c.lemma == "с" for c in s.children(child.index)):
                if any(t.lemma in TEAM_PREPOSITIONS for t in s.children(verb.index)):
                    team += self._persons(s, child)
            if child.rel == "advmod" and child.lemma in TEAM_PREPOSITIONS:
                for grandchild in s.children(child.index):
                    team += self._persons(s, grandchild)
        escorted = []
        for child in s.children(verb.index):
            if child.rel == "obj":
                escorted += self._persons(s, child)
            if child.rel == "obl" and _preposition(s, child) in ("в", "на") and child.lemma in SITES:
                self.site_of_paragraph[seg.paragraph] = self._site(s, child)
        team = _unique(team)
        if team:
            self.people.story.escort = team
            self.people.story.teams.append(team)
        if escorted:
            self.people.story.escorted = _unique(escorted)

    # -- one incident ---------------------------------------------------------------------------
    def _incident(self, seg: Segment, trigger: lex.Trigger) -> Incident | None:
        s, token = seg.sentence, trigger.token
        agents, patients = self._arguments(s, token, trigger)
        kind = trigger.type
        setting = None
        if kind == "Death" and patients and trigger.is_verb:
            setting = self._setting(seg, token)
            if setting is not None:  # "погиб в перестрелке": a casualty of that incident, and the
                for key in patients:  # death a part of it
                    setting.participations.append(Participation(key, "casualty", [self._evidence(seg, 0.7)]))
        if kind == "Death" and patients:
            earlier = self._died_before(patients)
            if earlier is not None:
                self._retell(earlier, seg, token)
                if earlier.place is None:  # "Майкл умер в своём доме в Оксфордшире": where, told later
                    self._where(seg, token, earlier)
                return None  # "отдали свои жизни": a death already told
            attack = self._attack_on(patients, seg)
            if attack is not None:  # the targets of an attack died: they were killed
                kind = "Killing"
                agents = [p.agent for p in attack.participations if p.role == "perpetrator"]
            hands = self._by_hands(s, token) if trigger.is_verb else []
            if hands:  # "погиб от рук боевиков": died by their hands, so was killed by them
                kind, agents = "Killing", hands
        if kind == "Resignation" and agents:
            # "X оставил пост … Рапорт об отставке он подал после …": one leaving, told twice
            earlier = next((i for i in self.incidents if i.type == "Resignation" and
                            {p.agent for p in i.participations if p.role == "actor"} & set(agents)), None)
            if earlier is not None:
                self._retell(earlier, seg, token)
                return None
        if trigger.is_verb and kind in ("Death", "Killing", "Injury") and not agents and not patients:
            whom = _suffered_by(s, token, kind) or _passive_subject(s, token)
            if whom is not None:  # "посла, который скончался", "…был убит, сообщила полиция": whom it tells of
                patients = self._persons(s, whom)
        if trigger.is_verb and kind in ("Death", "Killing", "Injury") and not agents and not patients \
                and not _counted(s, token):
            same = [i for i in self.incidents if i.type == kind and i.participations]
            if len(same) == 1 and kind == "Death":  # "…, став жертвой болезни, умер 28 марта": the one death told
                self._retell(same[0], seg, token)
            return None  # "вспоминают тех, кто погиб": a death of no one in particular
        incident = Incident(key=self.ctx.new_key("inc"), type=kind, label=trigger.label or lex.LABELS.get(kind))
        incident.evidence.append(self._evidence(seg, 0.8 if trigger.is_verb else 0.75))
        incident.trigger = self.ctx.evidence(token.start, _companion_end(s, token) if trigger.is_verb else token.end, 0.8)
        agent_role, patient_role = lex.roles(trigger) if kind == trigger.type else lex.ROLES.get(kind, (None, None))
        if kind == "Killing" and trigger.type == "Death":
            patient_role = "victim"
        conf = 0.7
        for key in agents:
            if agent_role:
                incident.participations.append(Participation(key, agent_role, [self._evidence(seg, conf)]))
        if kind == "Attack" and patients and set(patients) <= set(self.people.story.escort):
            patient_role = "guard"
        for key in self._owner_victims:
            incident.participations.append(Participation(key, "victim", [self._evidence(seg, conf)]))
        self._owner_victims = []
        # "Кисин выступит с концертом": who gives a concert performs it
        taker = agent_role if kind == "Incident" and agent_role == "actor" and self._performed else "participant"
        if agent_role and kind == "Visit":
            taker = agent_role  # "находится с визитом": the visitor
        for key in self._taking_part:
            if key not in agents and key not in patients:
                incident.participations.append(Participation(key, taker, [self._evidence(seg, 0.65)]))
        self._taking_part = []
        self._performed = False
        for key in patients:
            # (one who acts is not also a mere participant: "оставил пост начальника" names him twice;
            # a suicide's actor and casualty are two roles and stay)
            if patient_role and not (patient_role == "participant" and key in agents):
                incident.participations.append(Participation(key, patient_role, [self._evidence(seg, conf)]))
        if kind == "Attack":
            self.targets[incident.key] = patients
        if trigger.extra_types:
            incident.label = lex.LABELS[trigger.extra_types[0]]
            incident.extra_types = list(trigger.extra_types)
        if agent_role == "perpetrator" and agents:
            self.people.story.perpetrators = agents
        self._where(seg, token, incident)
        if incident.place is None and trigger.is_verb:
            incident.place = self._seat(s, _actor(s, token))
        if kind in lex.HAPPENINGS:
            self._happening(seg, token, incident)
        if kind == "Resignation":  # "ушёл с поста главы администрации": where the post was
            for child in s.children(token.index):
                if child.rel in ("obl", "obj", "nmod") and (child.lemma in lex.POSTS or child.feats.get("Case") == "Gen"):
                    incident.institution = incident.institution or self._post_institution(s, child)
        if not trigger.is_verb and incident.place is None:
            head = next((t for t in s.tokens if t.index == token.head), None)
            if head is not None and head.lemma == "участие" and head.head is not None:  # "принял участие в …"
                head = next((t for t in s.tokens if t.index == head.head), None)
            if token.rel in ("nsubj", "nsubj:pass", "obl", "obj", "nmod") and head is not None and head.pos == "VERB" and \
                    lex.trigger_at(s, head) is None:
                # "в Турции произошло землетрясение", "в Нью-Йорке принял участие в концерте"
                self._where(seg, head, incident)
            for child in s.children(token.index):
                if child.rel == "acl" and incident.place is None:
                    self._where(seg, child, incident)  # "обыски, проведённые в Льеже"
        incident.instruments = _instruments(s, token)
        if token.lemma in _POISONING:
            incident.instruments += [x for x in self._poisons(s, token) if x not in incident.instruments]
        if kind == "Attack":
            incident.outcome = _seized_after(s, token)
        if kind == "Escape":
            merged = self._merge_escape(incident)
            if merged is not None:
                self._retell(merged, seg, token)
                return merged
        if not trigger.is_verb and not incident.participations and not incident.place:
            earlier = next((i for i in reversed(self.incidents) if _same_kind(i, trigger)), None)
            if earlier is not None and not self._names_its_whole(seg, token, earlier) and not any(
                    c.rel == "nmod" and lex.trigger_at(s, c) for c in s.children(token.index)):
                # "Приговор может быть обжалован": the sentence told before; "открытие выставки"
                # after "открытие Игр" is another
                self._retell(earlier, seg, token)
                return earlier
        if kind == "Death":
            incident.outcome = _cause(s, token)
        if kind == "Shootout" and not agents and self.people.story.perpetrators:
            for key in self.people.story.perpetrators:
                incident.participations.append(Participation(key, "perpetrator", [self._evidence(seg, 0.55)]))
        if kind in ("Killing", "Death"):
            for p in incident.participations:
                if p.role in ("victim", "casualty"):
                    self._mark_dead(p.agent, incident)
        if kind == "Death" and _suicide(s, token):
            for p in list(incident.participations):  # "покончил с собой": who died did it
                if p.role == "casualty":
                    incident.participations.append(Participation(p.agent, "actor", list(p.evidence)))
        if setting is not None and setting is not incident:
            incident.part_of = setting.key
            if setting.place is None and incident.place is not None and not self._bare_site(incident.place):
                setting.place = incident.place  # "погиб в ДТП в Италии": the accident was there too
        self.incidents.append(incident)
        self.paragraph_of[incident.key] = seg.paragraph
        self.start_of[incident.key] = token.start
        self.trigger_of[incident.key] = (seg, token)
        return incident

    def _poisons(self, s: Sentence, verb: Token) -> list[str]:
        """"отравлены «Новичком»", "отравил его полонием": what one is poisoned with, an
        instrumental naming no person or group."""
        out = []
        for child in s.children(verb.index):
            if child.rel not in ("obl", "obl:agent", "iobj", "obj") or child.feats.get("Case") != "Ins" or \
                    _preposition(s, child) is not None or self._persons(s, child):
                continue
            words = sorted([c for c in s.children(child.index) if c.rel == "amod"] + [child], key=lambda t: t.start)
            phrase = inflect_phrase(words, plural=False)
            if words[0].text[:1].isupper():  # a name, as written ("Новичок")
                phrase = phrase[:1].upper() + phrase[1:]
            out.append(phrase)
        return out

    def _names_its_whole(self, seg: Segment, token: Token, earlier: Incident) -> bool:
        """"в финале чемпионата": the noun after a stage names the whole, not the stage again."""
        told = self.trigger_of.get(earlier.key)
        return told is not None and told[0] is seg and token.head == told[1].index and token.rel == "nmod"

    def _post_institution(self, s: Sentence, post: Token, depth: int = 0) -> str | None:
        """The institution a post belongs to: "начальником УВД", "пост главы администрации
        района", "директором сети Facebook"."""
        for inner in s.children(post.index):
            if inner.rel not in ("nmod", "appos"):
                continue
            for t in [inner] + [c for c in s.children(inner.index) if c.rel in ("appos", "flat:name") or c.pos == "PROPN"]:
                key = self.ctx.key_at(t.start, t.end)
                if type(self.ctx.entity(key)).__name__ == "Institution":
                    return key
            if depth < 1 and inner.pos == "NOUN":
                key = self._post_institution(s, inner, depth + 1)
                if key:
                    return key
        return None

    def _body_named(self, s: Sentence, head: Token) -> str | None:
        """The institution a phrase names ("в Верховный суд", "в состав правительства")."""
        for t in [head] + [c for c in s.children(head.index) if c.rel in ("appos", "flat:name", "nmod")]:
            key = self.ctx.key_at(t.start, t.end)
            if type(self.ctx.entity(key)).__name__ == "Institution":
                return key
        return None

    def _happening(self, seg: Segment, token: Token, incident: Incident) -> None:
        """Where a visit went, in which institution a post is, what was signed; who met."""
        s = seg.sentence
        if incident.type == "Meeting" and token.lemma in _FACE_TO_FACE:
            # "Обама встретился с Медведевым", "телефонный разговор Путина и Байдена": each person
            # who meets another does it (a body or a state at talks only takes part)
            incident.participations = [
                replace(p, role="actor") if p.role == "participant" and
                type(self.ctx.entity(p.agent)).__name__ in ("Person", "Group") else p
                for p in incident.participations]
        for child in s.children(token.index):
            key = self.ctx.key_at(child.start, child.end)
            item = self.ctx.entity(key)
            if incident.type == "Visit" and child.rel == "obj":
                if isinstance(item, Place):
                    incident.place = incident.place or key
                elif type(item).__name__ == "Institution":
                    incident.institution = incident.institution or key
            if incident.type == "Appointment" and child.feats.get("Case") == "Ins" or \
                    (child.rel == "obl" and child.lemma in lex.POSTS):
                # "назначен начальником УВД", "на пост главы администрации": where the post is
                incident.institution = incident.institution or self._post_institution(s, child)
            if incident.type in ("Appointment", "Election") and child.rel == "obl" and \
                    _preposition(s, child) in ("в", "во") and child.feats.get("Case") == "Acc":
                # "назначит в Верховный суд", "избран в Госдуму": the body one joins
                body = self._body_named(s, child)
                incident.institution = incident.institution or body
            if incident.type in ("Appointment", "Election") and incident.place is None and \
                    (child.feats.get("Case") == "Ins" and child.rel in ("obl", "xcomp") or child.lemma in lex.POSTS) \
                    and child.lemma not in _ENVOYS:
                # "мэром Детройта избран", "назначен премьер-министром Армении": the post's place
                for inner in s.children(child.index):
                    key = self.ctx.key_at(inner.start, inner.end)
                    if inner.rel == "nmod" and inner.feats.get("Case") == "Gen" and isinstance(self.ctx.entity(key), Place):
                        incident.place = key
            if incident.type == "Signing" and child.rel in ("obj", "nsubj:pass"):
                incident.outcome = incident.outcome or _phrase(s, child)

    def _arguments(self, s: Sentence, token: Token, trigger: lex.Trigger) -> tuple[list[str], list[str]]:
        passive = token.feats.get("Voice") == "Pass" or any(c.rel in ("nsubj:pass", "aux:pass") for c in s.children(token.index))
        agents: list[str] = []
        patients: list[str] = []
        subject = _subject(s, token)
        head = next((t for t in s.tokens if t.index == token.head), None)
        if subject is None and trigger.is_verb and not passive:
            subject = _controller(s, token)  # "судья распорядился освободить X"
        if subject is None and trigger.is_verb and (passive or trigger.type in lex.SUBJECT_IS_PATIENT) and \
                not any(c.rel.startswith("nsubj") for c in s.children(token.index)):
            subject = self._subject_after(s, token)
        light = not trigger.is_verb and token.rel == "obj" and head is not None and head.lemma in lex.LIGHT_VERBS
        if subject is None and light:
            subject = _subject(s, head)
        demoted = None
        if trigger.is_verb and not passive and trigger.type not in lex.SUBJECT_IS_PATIENT and \
                token.lemma not in lex.INTRANSITIVE and (subject is None or subject.head == token.index):
            # "Дениса Вороненкова застрелил Павел Паршов": the case, not the parser's label, tells who did it
            subject, demoted = _by_case(s, token, subject)
        if subject is None and not trigger.is_verb and trigger.type in _DECREED:
            subject = self._decreer(s, token)  # "подписал указ об отставке X": who signed it did it
        if subject is None and not trigger.is_verb and (
                trigger.type == "Resignation" and any(c.lemma == "свой" for c in s.children(token.index)) or
                trigger.label in ("брак", "развод") and _partner_only(s, token)):
            # "Рауль Кастро объявил дату своей отставки", "Янукович сообщил о разводе с женой":
            # the one who tells of his own leaving or marriage is in it
            subject = _actor(s, _verb_above(s, token)) if _verb_above(s, token) is not None else None
        if subject is None and not trigger.is_verb and trigger.type == "Resignation":
            subject = _own_leaving(s, token)  # "заявил об уходе с поста", "написал заявление об уходе"
        if light:  # "вынес приговор осуждённому X": the one it concerns is the verb's dative
            for child in s.children(head.index):
                if child.rel in ("iobj", "obl") and child.feats.get("Case") == "Dat":
                    patients += self._persons(s, child)
        for child in s.children(token.index) + (s.children(head.index) if light else []):
            patients += self._concerned(s, child)
            if trigger.type == "Search" and _preposition(s, child) == "у" and child.rel in ("nmod", "obl"):
                patients += self._parties(s, child)  # "обыск у журналиста X": whose home was searched
        happening = trigger.type in lex.HAPPENINGS or trigger.type in ("Resignation", "Sentencing")
        parties = self._parties if happening else self._persons
        if subject is not None:
            # "полиция задержала", "суд освободил": an institution acts as well as a person
            read = self._parties if not (passive or trigger.type in lex.SUBJECT_IS_PATIENT) else parties
            keys = read(s, subject)
            for other in _split_subjects(s, token, subject):
                # "Кореш и около 80 его последователей погибли": one subject the parser split in two
                keys += [k for k in read(s, other) if k not in keys]
            if passive or trigger.type in lex.SUBJECT_IS_PATIENT or token.lemma in lex.INTRANSITIVE or \
                    trigger.type == "Release" and token.lemma in ("выйти", "выходить"):  # "вышел на свободу"
                patients += keys
            else:
                agents += keys
        if happening and not trigger.is_verb and not light and head is not None:
            self._taking_part += self._takers_part(s, token, head)
        if happening and trigger.companion is not None and trigger.type != "Appointment":
            # "вступил в партию «Яблоко»", "суд над мэром X": who or what the needed phrase names
            patients += [k for k in parties(s, trigger.companion) if k not in agents]
        shared = _shared_objects(s, token) if trigger.is_verb and not passive and \
            trigger.type not in lex.SUBJECT_IS_PATIENT and token.lemma not in lex.INTRANSITIVE else []
        children = [c for c in s.children(token.index) + _stray_objects(s, token) + shared
                    if subject is None or c.index != subject.index]
        if trigger.type == "Resignation" and not any(
                c.rel in ("obj", "nsubj:pass") or c.rel == "nmod" and c.feats.get("Case") == "Gen" and _preposition(s, c) is None
                for c in children) and (not trigger.is_verb or not passive and token.lemma not in lex.INTRANSITIVE):
            patients += [k for k in self._under_post_phrase(s, token) if k not in agents]
        if trigger.type in ("Resignation", "Leaving"):
            patients += self._left_body(s, token, trigger.type == "Leaving")
        if demoted is not None:  # the phrase the parser took for the subject is the verb's object
            children = [replace(c, rel="obj") if c.index == demoted.index else c for c in children]
        for child in children:
            prep = _preposition(s, child)
            if happening and child.rel in ("obl", "nmod") and prep in ("с", "со", "между") \
                    and (trigger.type in ("Meeting", "ArmedConflict", "Competition", "MilitaryOperation") or
                         trigger.type in _LABELLED):
                patients += parties(s, child)  # "встреча с X", "война между X и Y"
                continue
            if trigger.type == "Election" and not trigger.is_verb and prep in ("в", "во") and child.rel in ("nmod", "obl"):
                body = self.ctx.key_at(child.start, child.end)
                if type(self.ctx.entity(body)).__name__ == "Institution":
                    patients.append(body)  # "выборы в Мосгордуму": the body elected
                    continue
            if happening and child.rel == "nmod" and child.lemma == "участие" and prep == "с":
                for inner in s.children(child.index):
                    if inner.rel == "nmod":
                        self._taking_part += parties(s, inner)  # "с участием X"
                continue
            if trigger.label == "предъявление обвинения" and child.rel == "obj" and child.lemma == "обвинение":
                for inner in s.children(child.index):  # "предъявила обвинение Олегу Белову"
                    if inner.feats.get("Case") == "Dat":
                        patients += self._persons(s, inner)
                continue
            if happening and child.rel == "obj" and trigger.type in ("Visit", "Signing"):
                continue  # what was visited or signed, not who
            if happening and child.rel in ("obj", "iobj", "nsubj:pass"):
                patients += parties(s, child)
                continue
            if trigger.type == "VehicleSeizure" and child.rel in ("obj", "iobj"):
                # the object is the vehicle; the people are those taken with it ("с семьёй")
                for inner in s.children(child.index):
                    if inner.rel == "nmod" and _preposition(s, inner) == "с":
                        patients += self._persons(s, inner)
                continue
            if (child.rel == "iobj" or child.rel == "xcomp" and lex.done_by_someone(token)) and passive and \
                    token.rel == "acl" and child.feats.get("Case") == "Ins" and prep is None and \
                    child.feats.get("Animacy") != "Inan" and token.lemma not in _POISONING:
                # "застреленный полицейским грабитель", "раненный охранником вор": the parser's
                # object or predicate is the doer
                agents += self._parties(s, child)
                continue
            if child.rel in ("obj", "iobj") and child.feats.get("Case") == "Ins" and prep is None:
                continue  # "задержали раненым": how they were found, not whom
            if child.rel in ("obj", "iobj") or (child.rel == "obl" and prep == "на" and trigger.type == "Attack"):
                patients += self._persons(s, child)
            elif child.rel == "obl" and prep == "за" and trigger.type == "Election" and trigger.is_verb:
                patients += self._parties(s, child)  # "за Бинга проголосовали": the candidate
            elif child.rel == "obl" and prep == "в" and trigger.type == "Attack" and token.lemma in ("выстрелить", "стрелять"):
                patients += self._persons(s, child)  # "выстрелил в грабителя"
            elif child.rel == "obl" and prep == "по" and trigger.type == "Attack" and lex.VERBS.get(token.lemma) is None:
                patients += self._persons(s, child)  # "открыл огонь по прохожим"
            elif child.rel == "obl" and prep == "у" and trigger.type == "VehicleSeizure":
                owners = self._persons(s, child)  # "угнали автомобиль у жителя": its owner
                self._owner_victims = owners
            elif child.rel in ("obl", "obl:agent") and passive and child.feats.get("Case") == "Ins" and not prep \
                    and trigger.type != "Appointment" and not _post_taken(trigger, child):
                # "назначен директором", "избрана председателем": the post, not who appointed
                if token.lemma in _POISONING:
                    agents += self._persons(s, child)  # "отравлен «Новичком»": the poison, unless a person
                    continue
                agents += self._parties(s, child)  # "задержан полицией"
            elif trigger.type == "Appointment" and passive and child.rel in ("obl", "obl:agent", "xcomp") and \
                    child.pos == "PROPN" and child.feats.get("Case") == "Ins" and not prep:
                agents += self._persons(s, child)  # "назначенный ещё Андреем Соколовым": a name appoints
            elif trigger.type == "Birth" and child.rel == "obl" and prep == "у":
                patients += self._persons(s, child)  # "у Бориса и Кэрри родился сын": the parents
            elif trigger.label in ("брак", "развод") and child.rel == "obl" and prep in ("на", "с", "со"):
                patients += self._persons(s, child)  # "женился на X", "развёлся с X"
            elif trigger.label in ("брак", "развод") and trigger.is_verb and child.lemma in ("брак", "развод"):
                for inner in s.children(child.index):  # "сочетался браком с X"
                    if inner.rel in ("nmod", "obl") and _preposition(s, inner) in ("с", "со"):
                        patients += self._persons(s, inner)
            elif not trigger.is_verb and child.rel == "nmod" and child.feats.get("Case") == "Dat" and prep is None:
                patients += self._persons(s, child)  # "приговор осуждённому X"
            elif not trigger.is_verb and child.rel == "nmod" and child.feats.get("Case") == "Gen" and prep is None:
                # (a genitive with its own preposition is where from or what for: "выход из партии")
                if trigger.type == "Election" and not self.people.named_at(s, child) and _office(child):
                    continue  # "выборы президента", "избрание генсека": the office, not who ran
                keys = parties(s, child)
                if token.lemma in _DONE_TO:
                    patients += keys  # "избиение журналиста", "свержение правительства": the one it was done to
                elif trigger.type in ("Escape", "Attack", "Shootout", "Visit", "Protest", "Signing", "Meeting") or \
                        trigger.type in _LABELLED and lex.roles(trigger)[0] == "actor" and trigger.label not in _STAGED:
                    agents += keys  # "выступление Мадонны"; at "концерт Мадонны" she takes part in a show
                else:
                    patients += keys
        if trigger.type == "Appointment" and trigger.is_verb and not passive and not patients and not any(
                c.rel in ("obj", "iobj") for c in s.children(token.index)):
            patients += self._appointee(s, token)
        if subject is not None and subject.pos != "PRON":
            # "Папа назначил его на должность": "его" is someone told before, never the subject
            pronouns = {k for c in s.children(token.index) if c.pos == "PRON" and c.rel in ("obj", "iobj")
                        for k in self.people.resolve(s, c, create=False)}
            patients = [k for k in patients if k not in pronouns or k not in agents]
        return _unique(agents), _unique(patients)

    def _subject_after(self, s: Sentence, verb: Token) -> Token | None:
        """"в Москве скончался советский мультипликатор, режиссёр Эдуард Назаров": a subject after
        the verb the parser left unattached, the first person named in the nominative before any
        other verb, agreeing with the verb."""
        for t in s.tokens:
            if t.start <= verb.start:
                continue
            if t.pos in ("VERB", "AUX") or t.text in (":", ";", "—", "–"):
                return None
            if t.pos in ("NOUN", "PROPN") and t.feats.get("Case") == "Nom" and (
                    person_lemma(t, s) or self.people.named_at(s, t)):
                # (a singular verb before "мультипликатор, режиссёр и художник": one man's trades)
                agrees = verb.feats.get("Number") != "Plur" or _agrees(s, verb, t)
                return t if _same_gender(s, verb, t) and agrees else None
        return None

    def _under_post_phrase(self, s: Sentence, token: Token) -> list[str]:
        """"уволил с военной службы генерала X", "об увольнении в запас командующего X": with no
        object of its own, the parser hangs the one dismissed on the phrase of the post; only a
        named person is read so ("ушёл с поста начальника" names a post, not another man)."""
        keys: list[str] = []
        verbs = [token] + [c for c in s.children(token.index) if c.rel == "conj" and c.pos == "VERB" and
                           token.pos == "VERB" and lex.VERBS.get(c.lemma) == "Resignation"]
        for phrase in [p for v in verbs for p in s.children(v.index)]:
            if phrase.rel not in ("obl", "nmod") or phrase.lemma not in _LEFT_POSTS or _preposition(s, phrase) is None:
                continue
            for held in s.children(phrase.index):
                if held.rel == "nmod" and held.feats.get("Case") in ("Gen", "Acc") and _preposition(s, held) is None \
                        and held.feats.get("Animacy") == "Anim":
                    # (names only: reading the post itself would make a person of "главного тренера")
                    for t in [held] + [c for c in s.children(held.index) if c.rel in ("appos", "conj")]:
                        key = self.people.named_at(s, t)
                        if key and type(self.ctx.entity(key)).__name__ == "Person" and key not in keys:
                            keys.append(key)
        return keys

    def _left_body(self, s: Sentence, token: Token, through: bool) -> list[str]:
        """"покинул ряды ЧСДП", "покидает Microsoft": the body one leaves takes part in the
        leaving (a post's body, "ушла из группы", is a resignation's institution instead: `through`
        reads "из" phrases too)."""
        keys = []
        for child in s.children(token.index):
            prep = _preposition(s, child)
            if child.lemma in lex.POSTS or child.lemma in _LEFT_POSTS or not (
                    child.rel == "obj" and prep is None or through and child.rel in ("obl", "nmod") and prep in ("из", "изо")):
                continue
            key = self._body_named(s, child)
            if key and key not in keys:
                keys.append(key)
        return keys

    def _concerned(self, s: Sentence, phrase: Token) -> list[str]:
        """"приговор в отношении X", "дело против X": whom a legal act concerns."""
        if phrase.rel not in ("nmod", "obl"):
            return []
        case = next((c for c in s.children(phrase.index) if c.rel == "case"), None)
        if case is not None and case.lemma == "в" and any(
                f.rel == "fixed" and f.lemma == "отношение" for f in s.children(case.index)):
            return self._parties(s, phrase)  # "в отношении жителя X" (a preposition of two words)
        if phrase.lemma == "отношение" and _preposition(s, phrase) == "в":
            return [k for c in s.children(phrase.index) if c.rel == "nmod" for k in self._parties(s, c)]
        if _preposition(s, phrase) == "против":
            return self._persons(s, phrase)
        return []

    def _appointee(self, s: Sentence, verb: Token) -> list[str]:
        """"назначил начальником штаба генерала Григория Педченко": with no object of its own,
        the parser hangs the one appointed under the post; the last name there is his."""
        post = next((c for c in s.children(verb.index) if c.rel in ("xcomp", "obl") and c.feats.get("Case") == "Ins"
                     and c.start > verb.start), None)
        if post is None:
            return []
        below, todo = [], [post]
        while todo:
            for c in s.children(todo.pop().index):
                below.append(c)
                todo.append(c)
        names = [t for t in below if t.pos == "PROPN" and t.rel in ("appos", "nmod")
                 and t.feats.get("Case") in ("Acc", "Gen")
                 and type(self.ctx.entity(self.ctx.key_at(t.start, t.end))).__name__ == "Person"]
        if not names:
            return []
        last = max(names, key=lambda t: t.start)  # the phrase ends with the name
        if any(t.rel not in ("flat:name", "punct") for t in below if t.start > last.start):
            return []
        return [self.ctx.key_at(last.start, last.end)]

    def _decreer(self, s: Sentence, noun: Token) -> Token | None:
        """Who decided a dismissal, an appointment or a release told as "об"-phrase: the signer
        of a decree ("подписал указ об отставке"), who ordered it ("распорядились об
        освобождении") or the body that announced it ("Кремль объявил об увольнении")."""
        if noun.rel not in ("nmod", "obl") or _preposition(s, noun) not in ("о", "об") or noun.head is None:
            return None
        head = next((t for t in s.tokens if t.index == noun.head), None)
        if head is not None and head.lemma in _DECREES and head.head is not None:
            verb = next((t for t in s.tokens if t.index == head.head), None)
            return _actor(s, verb) if verb is not None and verb.pos == "VERB" and head.rel == "obj" else None
        if head is None or head.pos != "VERB":
            return None
        subject = _actor(s, head)
        if head.lemma in _ORDERING:
            return subject
        if any(c.lemma == "свой" for c in s.children(noun.index)) and lex.trigger_at(s, noun).type == "Resignation":
            return subject  # "министр объявил о своей отставке": he leaves (not "о своём назначении")
        if head.lemma in ("объявить", "объявлять", "подтвердить") and subject is not None:
            body = self.ctx.entity(self.ctx.key_at(subject.start, subject.end))
            return subject if type(body).__name__ == "Institution" else None
        return None

    def _parties(self, s: Sentence, head: Token) -> list[str]:
        """The persons, groups and institutions a phrase names: a party to a happening can be a
        ministry or a club as well as a person."""
        keys = self._persons(s, head)
        tokens = [head] + [c for c in s.children(head.index) if c.rel == "conj"]
        if head.lemma in _KINDS_OF_BODY:  # "группы «Вежливый отказ», «Ива Нова» и «Выход»": the names
            named = [c for c in s.children(head.index) if c.rel in ("appos", "nmod") and c.pos == "PROPN"]
            tokens += named + [c for n in named for c in s.children(n.index) if c.rel == "conj"]
        for t in tokens:
            key = self.ctx.key_at(t.start, t.end)
            if key not in keys and type(self.ctx.entity(key)).__name__ == "Institution":
                keys.append(key)
        return keys

    def _takers_part(self, s: Sentence, noun: Token, head: Token) -> list[str]:
        """"X выступил на пресс-конференции", "X принял участие в выборах", "X победил на
        выборах": the subject of the verb a happening's noun hangs on took part in it."""
        if _caption(s, noun):
            # "Анна Белова и Олег Смирнов на премьере фильма": a caption names who was there
            self._performed = noun.lemma == "выступление"
            return _unique([k for t in s.tokens if t.end <= noun.start and t.pos == "PROPN"
                            for k in [self.ctx.key_at(t.start, t.end)] if type(self.ctx.entity(k)).__name__ == "Person"])
        if noun.rel not in ("obl", "obj", "nmod"):
            return []
        verb = head
        if head.lemma == "участие" and head.head is not None:  # "принял участие в …"
            verb = next((t for t in s.tokens if t.index == head.head), head)
        elif noun.rel == "nmod":
            return []
        if verb.pos == "VERB" and verb.feats.get("VerbForm") == "Part" and verb.rel in ("acl", "amod"):
            # "Барак Обама, находящийся с визитом в ЮАР": the one the participle describes
            described = next((t for t in s.tokens if t.index == verb.head), None)
            if described is None or lex.VERBS.get(verb.lemma) in ("Death", "Injury") or verb.lemma in _TELLING:
                return []
            return self._parties(s, described)
        if verb.pos != "VERB" or verb.feats.get("VerbForm") == "Conv" and verb.rel in ("acl", "amod"):
            return []
        if any(c.lemma == "не" for c in s.children(verb.index)) or head.lemma == "участие" and any(
                c.lemma == "не" for c in s.children(head.index)):
            return []  # "не принимал участия в боевых действиях"
        if verb is head and (_preposition(s, noun) in _APART or "связь" in _fixed(s, noun)):
            return []  # "возбудил дело в связи с акцией", "уехал после выборов": not a part in it
        if verb.lemma in _TELLING and not (_preposition(s, noun) == "на" and lex.trigger_at(s, noun) is not None
                                           and lex.trigger_at(s, noun).type in ("Meeting", "Ceremony")):
            return []  # "рассказал о войне": who tells of it took no part in it ("заявил на
            # пресс-конференции" did: one speaks at a meeting by taking part in it)
        if lex.VERBS.get(verb.lemma) in ("Death", "Injury"):
            return []  # "погиб во время урагана": a casualty of it, read with the death
        # "выступил с концертом" gives it; "на концерте выступили группы": they took part in it
        self._performed = verb.lemma in _PERFORM and _preposition(s, noun) != "на"
        subject = _actor(s, verb)
        takers = self._parties(s, subject) if subject is not None else []
        if verb.lemma in _CONTEST_VERBS:  # "победил Уорд на праймериз": the one beaten took part too
            for child in s.children(verb.index):
                if child.rel == "obj" or child.rel == "obl" and _preposition(s, child) == "над":
                    takers += self._parties(s, child)
        return takers

    def _persons(self, s: Sentence, head: Token) -> list[str]:
        """The persons and groups a phrase names, through coordination and dash lists."""
        found: list[Token] = []

        def visit(t: Token, depth: int) -> None:
            if depth > 4:
                return
            is_person = (t.pos == "PRON" and t.lemma in ("они", "он", "она")) or person_lemma(t, s) or self.people.named_at(s, t)
            if t.pos == "ADJ" and t.lemma in ("второй", "третий", "другой") and t.rel.split(":")[0] in ("nsubj", "obj"):
                found.append(t)
                return
            if t.lemma in _ONE_OF and any(
                    c.rel == "nmod" and _preposition(s, c) == "из" for c in s.children(t.index)):
                found.append(t)  # "один из нападавших": one member, not the whole group
                return
            if is_person:
                found.append(t)
            # "группа террористов": the people a collective noun is of; but "Предшественник
            # Кравцова Иван Муравьев", "Ли Пэн, соратник Цзян Цзэминя": a name in apposition is who,
            # the genitive whose predecessor or ally
            whose = any(
                c.rel == "appos" and self.people.named_at(s, c) for c in s.children(t.index))
            for c in s.children(t.index):
                if c.feats.get("Case") == "Ins" and t.feats.get("Case") != "Ins" and _preposition(s, c) is None:
                    continue  # "второго задержали раненым": a state, not another person
                if c.rel in ("conj", "appos", "parataxis") or (not is_person and c.rel == "nmod" and not whose
                                                                and c.pos != "PRON" and t.lemma not in WHOSE_NOUNS):
                    # "его последователей": not him; "соратник Путина ушёл": the ally, not Putin
                    visit(c, depth + 1)

        visit(head, 0)
        listed = [t for t in found if t.rel in ("parataxis", "appos")]
        keys: list[str] = []
        dropped: set[int] = set()
        for t in found:
            if listed and t not in listed and t.rel not in ("conj",) and self._vague(s, t):
                dropped.add(t.index)
                continue  # "нескольких людей — мужчину, женщину…": the list says who
            of_group = next((c for c in s.children(t.index) if c.rel == "nmod" and _preposition(s, c) == "из"), None) \
                if t.lemma in _ONE_OF else None
            if of_group is not None:
                groups = [k for k in self.people.resolve(s, of_group) if type(self.ctx.facts.entity(k)).__name__ == "Group"]
                key = self.people.member_of_group(s, t, groups[0]) if len(groups) == 1 and \
                    not self.people.names_only else None
                keys += [key] if key else []
                continue
            if t.pos == "ADJ" and t.lemma in ("второй", "третий", "другой"):
                # (a headline read after the body names no one by an ordinal)
                key = self.people.singled_out_by_ordinal(s, t) if not self.people.names_only else None
                keys += [key] if key else []
                continue
            if self.people.named_at(s, t) and t.pos == "PROPN" and t.rel in ("appos", "flat:name") \
                    and t.head not in dropped:
                continue  # the name in apposition to its head, already counted ("музыканты Юрий
                # Царёв, Алексей Борисов": unless the head was too vague to be kept)
            keys += self.people.resolve(s, t)
        return _unique(keys)

    def _vague(self, s: Sentence, t: Token) -> bool:
        from .groups import count_of, is_vague

        return is_vague(s, t) or (t.feats.get("Number") == "Plur" and count_of(s, t) is None)

    # -- context ------------------------------------------------------------------------------
    def _where(self, seg: Segment, token: Token, incident: Incident) -> None:
        s = seg.sentence
        building = None
        for child in s.children(token.index):
            prep = _preposition(s, child)
            key = self.ctx.key_at(child.start, child.end)
            if key is None:  # "в посёлке Горный": the name under the noun (not a phrase of its own)
                # ("в столице Иордании Аммане": the name in apposition before the country it is of)
                for grand in sorted(s.children(child.index), key=lambda g: g.rel != "appos"):
                    key = key or (self.ctx.key_at(grand.start, grand.end) if grand.pos == "PROPN"
                                  and _preposition(s, grand) is None else None)
            item = self.ctx.entity(key)
            if prep == "из" and item is not None and type(item).__name__ == "Institution":
                incident.institution = incident.institution or key
            elif prep in ("в", "на", "у", "около", "под", "вблизи", "возле", "близ") and isinstance(item, Place):
                if _direction(child, prep, token) and not _going(incident):
                    continue  # "переехал в Испанию", "попал в больницу": where to, not where it happened
                if incident.place is None or self._bare_site(incident.place):
                    incident.place = key  # "на трассе в провинции Феррара": the named place
            elif prep in ("в", "на") and _building(self.ctx, item) is not None and building is None and \
                    not (_direction(child, prep, token) and not _going(incident)):
                # "авария на Саяно-Шушенской ГЭС", "концерт в Драматическом театре": a body named
                # after its building is where it happened (NEREL's FACILITY), unless a named place
                # is told too ("в Доме музыки в Казани": the graph keeps the city)
                building = item
            elif prep == "за" and isinstance(item, Place) and incident.type in ("ArmedConflict", "MilitaryOperation"):
                incident.place = incident.place or key  # "бои за Иловайск"
            elif prep in ("в", "на", "у", "около", "с") and child.lemma in SITES and \
                    not (_direction(child, prep, token) and not _going(incident)):
                # (not "доставили в больницу" after a wounding: where to, not where it happened)
                incident.place = incident.place or self._site(s, child)
            if prep in ("из", "в") and child.pos != "NUM" and (  # (not "в 16:15 по московскому времени")
                    item is None or prep == "в" and not isinstance(item, Place)
                    and not (_direction(child, prep, token) and not _going(incident))):
                # "в Доме культуры в Москве": the named place under a hall or a body
                # "из исправительного учреждения ЕС-164/4", "в посёлке Горный", "в одной из клиник
                # в Москве": the name under the noun
                grands = s.children(child.index)
                if prep == "в" and child.rel == "obl":
                    grands = grands + [g for c in grands if c.rel == "nmod" for g in s.children(c.index)
                                       if g.rel == "nmod" and _preposition(s, g) == "в"]
                for grand in grands:
                    inner_key = self.ctx.key_at(grand.start, grand.end)
                    inner = self.ctx.entity(inner_key)
                    if prep == "из" and type(inner).__name__ == "Institution":
                        incident.institution = incident.institution or inner_key
                    elif prep == "в" and isinstance(inner, Place) and \
                            (incident.place is None or self._bare_site(incident.place)) and \
                            not (_direction(grand if _preposition(s, grand) else child, "в", token)
                                 and not _going(incident)):  # "в ходе поездки в Сирию": where to
                        incident.place = inner_key
            if prep in ("в", "во", "на", "у", "около", "возле", "близ") and child.rel in ("obl", "nmod") and \
                    (incident.place is None or self._bare_site(incident.place)) and key is None and \
                    child.feats.get("Case") != "Acc":
                # "на участке трассы в провинции Феррара", "в районе города X": the name down the spot
                incident.place = _place_within(self.ctx, s, child) or incident.place
            if child.rel == "amod" and incident.place is None and not lex.VERBS.get(token.lemma):
                # "первые в Мали президентские выборы": the parser hangs the place on the adjective
                for grand in s.children(child.index):
                    inner_key = self.ctx.key_at(grand.start, grand.end)
                    if grand.rel == "nmod" and _preposition(s, grand) in ("в", "во", "на") and \
                            grand.feats.get("Case") == "Loc" and isinstance(self.ctx.entity(inner_key), Place):
                        incident.place = inner_key
            if incident.place is None and not lex.VERBS.get(token.lemma) and token.pos == "NOUN" and \
                    child.rel == "nmod" and prep is None and child.feats.get("Case") == "Gen" and \
                    (person_lemma(child) or self.people.named_at(s, child)):
                # "убийства имама в Нью-Йорке": the parser hangs the place on the victim
                for grand in s.children(child.index):
                    inner_key = self.ctx.key_at(grand.start, grand.end)
                    if grand.rel == "nmod" and _preposition(s, grand) in ("в", "во", "на") and \
                            grand.feats.get("Case") == "Loc" and isinstance(self.ctx.entity(inner_key), Place):
                        incident.place = inner_key
            if incident.type == "Meeting" and prep in ("с", "со") and incident.place is None and \
                    self.people.named_at(s, child):
                # "встречу с Си Цзиньпином в Пекине": the parser hangs the place on the partner
                for grand in s.children(child.index):
                    inner_key = self.ctx.key_at(grand.start, grand.end)
                    if grand.rel == "nmod" and _preposition(s, grand) in ("в", "на") and \
                            grand.feats.get("Case") == "Loc" and isinstance(self.ctx.entity(inner_key), Place):
                        incident.place = inner_key
            if not lex.VERBS.get(token.lemma) and child.rel == "nmod" and prep is None and person_lemma(child):
                # "побег заключённых из учреждения …": the source hangs under the escapees
                for grand in s.children(child.index):
                    if _preposition(s, grand) == "из":
                        for inner_tok in [grand] + s.children(grand.index):
                            inner_key = self.ctx.key_at(inner_tok.start, inner_tok.end)
                            if type(self.ctx.entity(inner_key)).__name__ == "Institution":
                                incident.institution = incident.institution or inner_key
        if building is not None and (incident.place is None or self._bare_site(incident.place)):
            incident.place = self._facility(building)
        if incident.place is None and token.pos == "NOUN" and (incident.type in _HOSTED or incident.label in _SHOWS):
            # "минский концерт", "австралийский конкурс", "российские выборы": a happening held
            # somewhere is named by the adjective of the place (an air strike's adjective is whose)
            for child in s.children(token.index):
                # ("Олимпийские игры" are named after Olympia, not held there)
                key = self.ctx.key_at(child.start, child.end) if child.rel == "amod" and \
                    child.lemma != "олимпийский" else None
                if isinstance(self.ctx.entity(key), Place):
                    incident.place = key
                    break
        if incident.place is None and token.pos == "NOUN":
            incident.place = _cause_place(self.ctx, s, token)  # "в результате взрыва в Киеве ранен"
        if incident.place is None and token.pos == "VERB":
            incident.place = _shared_place(self.ctx, s, token)  # "родился и вырос во Флориде"
        if incident.place is None and incident.type != "Escape":
            incident.place = self.site_of_paragraph.get(seg.paragraph)
        elif incident.place and self.ctx.facts.entity(incident.place).place_type in SITES - {"больница"}:
            # a hospital is where the hurt are taken after, not the scene of what the paragraph tells next
            self.site_of_paragraph[seg.paragraph] = incident.place

    def _seat(self, s: Sentence, subject: Token | None) -> str | None:
        """Where the one who acts sits: "суд Испании приговорил", "Суд в Италии приговорил",
        "Судья в Милане распорядился освободить" happened there."""
        if subject is None:
            return None
        body = type(self.ctx.entity(self.ctx.key_at(subject.start, subject.end))).__name__ == "Institution"
        for child in s.children(subject.index):
            if child.rel != "nmod" or child.start < subject.start:
                continue
            prep = _preposition(s, child)
            key = self.ctx.key_at(child.start, child.end)
            if isinstance(self.ctx.entity(key), Place) and (prep == "в" or body and prep is None):
                return key
        return None

    def _bare_site(self, key: str) -> bool:
        """A place known only by its kind ("трасса", "больница"), which a name says better."""
        place = self.ctx.facts.entity(key)
        return isinstance(place, Place) and place.label == place.place_type and place.label in SITES

    def _facility(self, body) -> str:
        """The building a body is named after, as a place: its mentions are the body's."""
        place = next((p for p in self.ctx.facts.places if p.label == body.label and p.place_type == SITE), None)
        if place is None:
            place = Place(key=self.ctx.new_key("site"), label=body.label, place_type=SITE)
            self.ctx.facts.places.append(place)
        for mention in body.mentions:
            if not any(m.start == mention.start and m.end == mention.end for m in place.mentions):
                place.mentions.append(self.ctx.evidence(mention.start, mention.end, 0.6))
        return place.key

    def _site(self, s: Sentence, token: Token) -> str:
        label = inflect_phrase([token], plural=False)
        for place in self.ctx.facts.places:
            if place.label == label:
                place.mentions.append(self.ctx.evidence(token.start, token.end, 0.6))
                return place.key
        place = Place(key=self.ctx.new_key("site"), label=label, place_type=label)
        place.mentions.append(self.ctx.evidence(token.start, token.end, 0.6))
        self.ctx.facts.places.append(place)
        self.ctx.add_mention(token.start, token.end, place.key)
        return place.key

    def _setting(self, seg: Segment, verb: Token) -> Incident | None:
        """The incident a death happened in, named by a noun under the verb ("при взрыве")."""
        s = seg.sentence
        hung = _hung_on_place(s, verb)
        for child in s.children(verb.index) + hung:
            if child.rel != "obl" and child not in hung or \
                    _preposition(s, child) not in lex.DEATH_CAUSE_PREPOSITIONS | {"во", "при"}:
                continue
            trigger = lex.trigger_at(s, child)
            if trigger is None or trigger.is_verb or trigger.type in ("Death", "Injury"):
                continue
            if trigger.type in lex.HAPPENINGS and trigger.type not in lex.DEADLY:
                continue  # "скончался во время слушания": died during it, not a casualty of it
            if child.start in self._done:
                return self._done[child.start]
            told = next((i for i in self.incidents if self.start_of.get(i.key) == child.start), None)
            if told is not None:  # "во время урагана погиб …": the noun was read first
                self._done[child.start] = told
                return told
            incident = self._incident(seg, trigger)
            if incident is not None:
                self._done[child.start] = incident
            return incident
        return None

    def _died_before(self, keys: list[str]) -> Incident | None:
        died_in = set()
        for key in keys:
            item = self.ctx.facts.entity(key)
            # "О смерти Николая Быкова" after "Николай Быков скончался": the same name died before
            named = [p for p in self.ctx.facts.persons if getattr(item, "label", None) and p.label == item.label
                     and not p.anonymous and p.died_in]
            told = getattr(item, "died_in", None) or (named[0].died_in if len(named) == 1 else None)
            if not told:
                return None
            died_in.add(told)
        if len(died_in) == 1:
            key = died_in.pop()
            return next((i for i in self.incidents if i.key == key), None)
        return None

    def _attack_on(self, keys: list[str], seg: Segment) -> Incident | None:
        for incident in reversed(self.incidents):
            if incident.type == "Attack" and self.paragraph_of.get(incident.key) == seg.paragraph:
                if set(keys) <= set(self.targets.get(incident.key, [])):
                    return incident
        return None

    def _elaborate(self, seg: Segment, trigger: lex.Trigger, incident: Incident) -> bool:
        """A clause after the colon: its victims and detainees belong to the incident before it."""
        s = seg.sentence
        if trigger.type not in ("Killing", "Detention", "Arrest", "Injury"):
            return False
        _agents, patients = self._arguments(s, trigger.token, trigger)
        role = {"Killing": "victim", "Injury": "victim"}.get(trigger.type, "detainee")
        for key in patients:
            incident.participations.append(Participation(key, role, [self._evidence(seg, 0.65)]))
            if trigger.type == "Killing":
                self._mark_dead(key, incident)
        return True

    def _by_hands(self, s: Sentence, verb: Token) -> list[str]:
        """"погиб от рук боевиков", "умер от руки убийцы": those by whose hands one died."""
        keys: list[str] = []
        for child in s.children(verb.index):
            if child.lemma == "рука" and child.rel in ("obl", "nmod") and _preposition(s, child) == "от":
                for inner in s.children(child.index):
                    if inner.rel == "nmod" and inner.feats.get("Case") == "Gen" and _preposition(s, inner) is None:
                        keys += self._parties(s, inner)
        return _unique(keys)

    def _mark_dead(self, key: str, incident: Incident) -> None:
        item = self.ctx.facts.entity(key)
        if hasattr(item, "died_in") and not item.died_in:
            item.died_in = incident.key

    def _headline(self, seg: Segment) -> None:
        """Headlines only add evidence to an incident the body tells ("Кровавый побег из …")."""
        for token in seg.sentence.tokens:
            trigger = lex.trigger_at(seg.sentence, token)
            if trigger is not None and not trigger.is_verb:
                self._headline_triggers.append((trigger.type, seg))
            if trigger is not None:
                self._headline_words.append((trigger, seg))

    def _retold_in_headlines(self) -> None:
        """"Умер Юкия Амано" over a body telling "Амано скончался": the headline's word tells the
        body's incident of its type that has a participant the headline names, or the only one."""
        for trigger, seg in self._headline_words:
            named = {key for start, end, key in self.ctx.mentions if seg.start <= start < seg.end}
            same = [i for i in self.incidents if _same_kind(i, trigger)]
            told = [i for i in same if named & {p.agent for p in i.participations}]
            if not same and not inside(trigger.token.start, self.quotes) and trigger.type != "Escape" and \
                    not (not trigger.is_verb and _under_same_verb(seg.sentence, trigger.token, trigger.type)):
                # "Итальянский суд приговорил солдата" over a body that never retells it
                self._incident(seg, trigger)
                continue
            persons = {k for k in named if type(self.ctx.entity(k)).__name__ == "Person"
                       and not getattr(self.ctx.entity(k), "anonymous", True)}
            if not told and trigger.is_verb and persons and not persons & {
                    p.agent for i in same for p in i.participations} and not inside(trigger.token.start, self.quotes):
                # "Трамп назначил Хантсмена послом" over a body whose appointments are others'
                self._incident(seg, trigger)
                continue
            first = min(same, key=lambda i: self.start_of.get(i.key, 0)) if same else None
            if len(told) > 1:
                # "Ратко Младич приговорён" over a body telling his sentence twice, "Маккейн и Рубио
                # победили на праймериз" over the primaries of each: the one naming most of those
                # the headline names, the first told of those
                told = [min(told, key=lambda i: (-len(named & {p.agent for p in i.participations}),
                                                 self.start_of.get(i.key, 0)))]
            if len(told) != 1 and not (len(same) == 1 and (not trigger.is_verb or not persons)):
                # "В США умер моряк" over a body telling one death: the headline names no one else
                if told or trigger.is_verb and persons or first is None or first.part_of:
                    continue
                # "Пожар в Чернобыле локализован" over a body telling the fire, then what burnt:
                # a headline's noun names the happening the body tells first
                same = [first]
            incident = (told or same)[0]
            if incident.place is None:  # "Взрыв в Киеве: двое пострадавших" over a body that never says where
                self._where(seg, trigger.token, incident)
            if not inside(trigger.token.start, self.quotes):
                self._headline_parties(seg, trigger, incident)
            word = self.ctx.evidence(trigger.token.start, trigger.token.end, 0.6)
            if all(e.start != word.start for e in incident.retold):
                incident.retold.append(word)
                line = self._evidence(seg, 0.6)
                if all(e.start != line.start for e in incident.evidence):
                    incident.evidence.append(line)

    def _headline_wholes(self) -> None:
        """"Генерал погиб в ДТП" over a body telling the crash and the death in it: a headline's
        word for a part, standing in the phrase of its whole, tells the body's part of that whole
        (the one, when the body tells just one), and a part the headline retells is a part of the
        whole the headline names it in."""
        told = {w.start: i for i in self.incidents for w in [i.trigger] + i.retold if w is not None}
        for trigger, seg in self._headline_words:
            token = trigger.token
            if inside(token.start, self.quotes):
                continue
            part = told.get(token.start)
            stand_in = part or Incident(key="", type=trigger.type, label=trigger.label or lex.LABELS.get(trigger.type))
            whole = self._whole_in(seg.sentence, token, stand_in, told)
            if whole is None and trigger.type in _HURTS:
                whole = _named_before_colon(seg, token, told)
            if whole is None or whole is part:
                continue
            if part is not None:
                if not part.part_of and not _within(whole, part, self.incidents):
                    part.part_of = whole.key
                continue
            parts = [i for i in self.incidents if i.part_of == whole.key and _same_kind(i, trigger)]
            if len(parts) == 1:
                word = self.ctx.evidence(token.start, token.end, 0.6)
                parts[0].retold.append(word)
                told[token.start] = parts[0]
                # "Вице-губернатор области погиб в ДТП": whom the headline names in the part's slots
                self._headline_parties(seg, trigger, parts[0])
                line = self._evidence(seg, 0.6)
                if all(e.start != line.start for e in parts[0].evidence):
                    parts[0].evidence.append(line)

    def _headline_parties(self, seg: Segment, trigger: lex.Trigger, incident: Incident) -> None:
        """"Путин наградил Маслякова" over a body that names the giver only as "президент": whom
        the headline names in the incident's slots takes part in it. "Генерал НАТО погиб" over
        "генерал Эдриен Поне погиб": an unnamed one is the participant the body called by that noun."""
        s, token = seg.sentence, trigger.token
        saved = (self._taking_part, self._performed, self._owner_victims)
        self.people.names_only = True
        try:
            agents, patients = self._arguments(s, token, trigger)
        finally:
            self.people.names_only = False
            self._taking_part, self._performed, self._owner_victims = saved
        agent_role, patient_role = lex.roles(trigger)
        taking = {p.agent for p in incident.participations}
        for keys, role in ((agents, agent_role), (patients, patient_role)):
            for key in keys:
                # (one the body already names keeps the body's role: a headline's "Ким Чен Нама
                # убили" can parse the victim as the subject)
                if role and key not in taking:
                    incident.participations.append(Participation(key, role, [self._evidence(seg, 0.6)]))
                    taking.add(key)
        # the argument phrases the headline names no one in
        heads = [c for c in s.children(token.index) if c.rel in ("nsubj", "nsubj:pass", "obj", "iobj") or
                 not trigger.is_verb and c.rel == "nmod" and c.feats.get("Case") == "Gen" and _preposition(s, c) is None]
        for head in heads:
            noun = person_lemma(head) or (head.lemma if _office(head) else None)
            if noun is None or self.people.named_at(s, head):
                continue
            called = [key for key in _unique([p.agent for p in incident.participations])
                      if noun in self.people.called.get(key, set())]
            if not called:  # "Глава МВФ арестован" over "глава фонда Доминик Стросс-Кан арестован": the post
                called = [key for key in _unique([p.agent for p in incident.participations])
                          if noun in self._posts_of(key)]
            if not called and (head.rel in ("nsubj:pass", "obj", "iobj") or head.rel == "nsubj" and (
                    trigger.type in lex.SUBJECT_IS_PATIENT or token.lemma in lex.INTRANSITIVE)):
                # "Генерал НАТО погиб" over "военнослужащий НАТО погиб": the one the body has in
                # that slot, when it has only one and names him by a noun only (a name's mentions
                # stay names)
                called = self._unnamed([p.agent for p in incident.participations if p.role == patient_role])
            elif not called and head.rel == "nsubj":  # "Серый кардинал уволился": the one who acts
                called = self._unnamed([p.agent for p in incident.participations if p.role == agent_role])
            if len(called) != 1:
                continue
            item = self.ctx.entity(called[0])
            start = min([head.start] + [c.start for c in s.children(head.index) if c.rel == "amod"])
            end = max([head.end] + [c.end for c in s.children(head.index) if c.rel == "nmod" and c.start > head.start
                                    and _preposition(s, c) is None])
            if all(not (m.start < end and start < m.end) for m in item.mentions):
                item.mentions.append(self.ctx.evidence(start, end, 0.55))
                self.ctx.add_mention(start, end, item.key)

    def _unnamed(self, keys: list[str]) -> list[str]:
        """The keys, when they are all persons the text names by a noun only."""
        keys = _unique(keys)
        return keys if all(getattr(self.ctx.entity(k), "anonymous", False) for k in keys) else []

    def _posts_of(self, key: str) -> set[str]:
        """The nouns of the posts the text gives a named person ("глава города Сергиев Посад
        Евгений Душко": "глава"), from the ranks stage's links."""
        item = self.ctx.entity(key)
        if type(item).__name__ != "Person" or getattr(item, "anonymous", True):
            return set()
        spans = {(m.start, m.end) for m in item.mentions}
        out = set()
        for link in self.ctx.facts.links:
            if link.relation == "WORKS_AS" and (link.source.start, link.source.end) in spans:
                for word in link.target.quote.split():
                    parses = models().parse_word(word.lower().strip("«»\"(),"))
                    if parses and {"ADJF", "PRTF"} & set(str(parses[0].tag).replace(" ", ",").split(",")):
                        continue  # "бывший президент": the post's noun, not its modifier
                    if parses:
                        out.add(parses[0].normal_form)
                    break
        return out

    def headline_triggers(self) -> list[tuple[str, Segment]]:
        """The incident types the headlines name, with their lines."""
        return list(self._headline_triggers)

    def segment_evidence(self, seg: Segment, confidence: float):
        return self._evidence(seg, confidence)

    def finish(self) -> None:
        """Attach headline mentions to the body's incident of the same type, when there is one."""
        self._retold_in_headlines()
        self._headline_wholes()
        for kind, seg in self._headline_triggers:
            same = [i for i in self.incidents if i.type == kind and not i.part_of]
            if len(same) == 1 and kind not in _LABELLED:  # a headline's "концерт" is no one's "переезд"
                ev = self._evidence(seg, 0.6)
                if not any(e.start == ev.start for e in same[0].evidence):
                    same[0].evidence.append(ev)

    def _merge_escape(self, incident: Incident) -> Incident | None:
        for other in self.incidents:
            if other.type == "Escape" and (other.institution == incident.institution or not incident.institution):
                return other
        return None

    def _retell(self, incident: Incident, seg: Segment, token: Token) -> None:
        """A later word telling an incident already read ("Мендонса умер…" after "умер моряк"):
        kept as another word for it, with its line as more evidence."""
        line = self._evidence(seg, 0.6)
        if all(e.start != line.start for e in incident.evidence):
            incident.evidence.append(line)
        if incident.place is None and incident.trigger is not None and incident.trigger.start != token.start:
            self._where(seg, token, incident)  # "после стрельбы в Тусоне": where, told only now
        if incident.trigger is not None and incident.trigger.start != token.start and \
                all(e.start != token.start for e in incident.retold):
            incident.retold.append(self.ctx.evidence(token.start, token.end, 0.6))

    def _evidence(self, seg: Segment, confidence: float):
        text = seg.sentence.text
        start = seg.start + (len(text) - len(text.lstrip()))
        end = seg.start + len(text.rstrip())
        return self.ctx.evidence(start, end, confidence)


_WITHIN = {"ход", "рамка", "время", "результат"}
# verbs of winning and losing: who was beaten took part in the contest as well
_CONTEST_VERBS = {"победить", "обыграть", "обойти", "опередить", "одолеть", "проиграть", "уступить", "разгромить"}
# "участник боёв", "победитель турнира", "ветеран войны": a person named by a part in a happening
_ROLE_NOUNS = {"участник", "участница", "победитель", "победительница", "ветеран", "финалист", "финалистка",
               "организатор", "организаторша"}
# what an incident can be a stage of ("финал чемпионата", "тур выборов", "открытие фестиваля")
_STAGES = {"Competition", "Election", "Ceremony"}
# the happenings told by their label, a plain kgb:Incident or one of the classes their label has
_LABELLED = {"Incident"} | set(lex.CLASSES.values())
_STAGE_WHOLES = {"Competition", "Election", "Meeting", "Ceremony"} | _LABELLED
# what follows from an incident ("в результате … погибли"), and what it can follow from
_CONSEQUENCES = {"Death", "Killing", "Injury", "Detention", "Arrest", "Fire", "Explosion"} | _LABELLED
# what is done to a body: told "в"/"при" a violent happening, a part of it
_HURTS = {"Death", "Killing", "Injury"}
# words telling that a happening came after the one before it ("позже скончался")
_LATER = {"позже", "позднее", "поздний", "поздно", "затем", "потом", "впоследствии", "вскоре", "спустя"}
# verbs whose instrumental is what one was poisoned with, not who did it
_POISONING = {"отравить", "отравлять"}
# the plain incidents one is hurt in ("ранен в драке")
_FIGHTS = {"драка"}
_SHOWS = {"фестиваль", "концерт", "выставка", "шоу"}
# shows put on by many: those named with them take part ("концерт Басты", "выставка Анны")
_STAGED = _SHOWS | {"показ", "спектакль", "премьера"}
# nouns of a deed whose genitive is the one it was done to, not the doer (an attack's genitive,
# "нападение боевиков", is the doer)
_DONE_TO = {"избиение", "обстрел", "расстрел", "свержение", "депортация", "высылка", "похищение", "изнасилование",
            "ограбление", "штурм", "осада", "изгнание", "экстрадиция", "выдача", "отравление", "ранение",
            "лишение", "исключение", "роспуск"}
_CAUSES = {"Attack", "Explosion", "Shootout", "Accident", "Fire", "Disaster", "MilitaryOperation", "ArmedConflict",
           "Killing", "Protest"}
# "выступил с концертом", "дал концерт": who gives it, not one who took part in it
_PERFORM = {"выступить", "выступать", "дать", "давать", "провести", "проводить", "организовать", "устроить",
            "представить", "показать", "открыть"}
# verbs of telling and knowing: their subject speaks of a happening, not in it
_TELLING = {"рассказать", "рассказывать", "сообщить", "сообщать", "заявить", "заявлять", "говорить",
            "сказать", "написать", "писать", "вспомнить", "вспоминать", "узнать", "знать", "объявить",
            "объявлять", "прокомментировать", "комментировать", "упомянуть", "напомнить", "думать",
            "считать", "пожаловаться", "жаловаться", "отчитаться", "доложить", "снять", "посвятить"}  # "в ходе", "в рамках", "во время"


# the nouns that make a verb tell a happening ("ушёл в отставку", "вышел на свободу"): the words
# that tell it run to them
_COMPANIONS = {"отставка", "свобода", "жизнь", "себя", "должность", "пост", "престол", "власть", "брак", "дело",
               "обвинение", "сан", "звание", "гражданство", "больница", "заложник", "огонь", "ранение", "травма",
               "независимость", "перемирие", "договор", "соглашение", "закон", "законопроект", "полномочие"}


# the phrases a post is left by: "от должности", "с поста", "с военной службы", "в запас"
_LEFT_POSTS = {"должность", "пост", "служба", "запас", "отставка"}


def _shared_objects(s: Sentence, verb: Token) -> list[Token]:
    """"X доставили в больницу и прооперировали", "освободил от должности и уволил X": a
    transitive verb with no object of its own shares the one of the verb it is coordinated with,
    when that object stands before the later verb or after both (not a "-ся" verb: "застрелил
    охранника и скрылся")."""
    if verb.pos != "VERB" or verb.lemma.endswith(("ся", "сь")) or any(
            c.rel in ("obj", "iobj", "nsubj:pass") or c.rel == "xcomp" for c in s.children(verb.index)):
        return []
    if verb.rel == "conj" and verb.head is not None:
        head = s.tokens[verb.head]
        objects = [c for c in s.children(head.index) if c.rel == "obj"] if head.pos == "VERB" else []
        return objects if objects and all(o.start < verb.start for o in objects) else []
    later = [c for c in s.children(verb.index) if c.rel == "conj" and c.pos == "VERB" and c.start > verb.start
             and lex.VERBS.get(c.lemma) == lex.VERBS.get(verb.lemma)]  # (not "уволил X и назначил Y")
    objects = [o for c in later[:1] for o in s.children(c.index) if o.rel == "obj" and o.start > c.start]
    return objects if len(objects) == 1 else []


_PETITIONS = {"заявление", "прошение", "рапорт"}
_FILING = {"написать", "писать", "подать", "подавать", "направить", "направлять"}  # (not "опровергла заявление")


def _own_leaving(s: Sentence, noun: Token) -> Token | None:
    """"Тренер заявил об уходе с поста", "написал заявление об уходе", "подал рапорт об
    увольнении": who announces a leaving of no one named, or petitions for it, is the one who
    leaves ("сообщил об отставке" may tell of another's; "объявил об отставке министра" names him)."""
    if noun.rel not in ("nmod", "obl") or _preposition(s, noun) not in ("о", "об") or noun.head is None or any(
            c.rel == "nmod" and c.feats.get("Case") == "Gen" and _preposition(s, c) is None for c in s.children(noun.index)):
        return None
    head = s.tokens[noun.head]
    if head.lemma in _PETITIONS and head.head is not None and s.tokens[head.head].lemma in _FILING:
        return _actor(s, s.tokens[head.head])
    if head.pos == "VERB" and head.lemma in lex.ANNOUNCING and noun.lemma in ("уход", "отставка"):
        return _actor(s, head)
    return None


# meetings of persons face to face, where NEREL makes each side an AGENT (not "заседание", "саммит";
# nor "встречаться", which tells of dating or of a match)
_FACE_TO_FACE = {"встреча", "встретиться", "разговор", "беседа", "побеседовать"}


def _post_taken(trigger: lex.Trigger, noun: Token) -> bool:
    """"избран председателем парламента": a single post in the instrumental is what one was
    elected to ("избран депутатами" names the electors)."""
    return trigger.type == "Election" and _office(noun) and noun.feats.get("Number") != "Plur"


def _companion_end(s: Sentence, verb: Token) -> int:
    """Where the words telling a happening end: at the companion noun after the verb, if any."""
    after = [c for c in s.children(verb.index) if c.lemma in _COMPANIONS and c.start > verb.start
             and c.rel in ("obj", "obl", "nsubj:pass", "iobj") and c.start - verb.end < 40]
    return max([verb.end] + [c.end for c in after])


def _fixed(s: Sentence, token: Token) -> set[str]:
    """The rest of a compound preposition ("в ходе" parsed as case + fixed) before a noun."""
    case = [c for c in s.children(token.index) if c.rel == "case"]
    return {f.lemma for c in case for f in s.children(c.index) if f.rel == "fixed"}


# happenings held in a place, which an adjective of the place can name ("минский концерт")
_HOSTED = {"Election", "Competition", "Protest", "Ceremony"}
# the larger happenings an incident told "на" them is a part of ("на саммите", "на чемпионате")
_SETTINGS = {"Meeting", "Competition", "Ceremony", "Election", "Protest"}


def _phrase(s: Sentence, head: Token) -> str:
    """The words of a phrase as written: the head and everything hanging on it."""
    span = [head]
    todo = [head]
    while todo:
        for c in s.children(todo.pop().index):
            if c.rel != "punct" or span[0].start < c.start < span[-1].end:
                span.append(c)
                todo.append(c)
    start = min(t.start for t in span)
    end = max(t.end for t in span if t.rel != "punct" or t is head)
    return s.text[start - s.start:end - s.start]


def _unique(keys: list[str]) -> list[str]:
    seen: list[str] = []
    for key in keys:
        if key not in seen:
            seen.append(key)
    return seen


def _stray_objects(s: Sentence, verb: Token) -> list[Token]:
    """"захватили автомобиль и … убили пятерых жителей": the parser can hang the second verb's
    object on the first. A coordinated verb without an object of its own takes the objects of
    the verb it is coordinated with that stand after it, when that verb has one before it."""
    if verb.rel != "conj" or verb.head is None or any(c.rel == "obj" for c in s.children(verb.index)):
        return []
    objects = [c for c in s.children(verb.head) if c.rel == "obj"]
    before = [c for c in objects if c.start < verb.start]
    after = [c for c in objects if c.start > verb.start]
    return after if before and after else []


def _preposition(s: Sentence, token: Token) -> str | None:
    return s.preposition(token)


def _subject(s: Sentence, verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with when it has none."""
    own = _own_subject(s, verb)
    if own is not None:
        return own if _same_gender(s, verb, own) else None
    qualified = lex.qualified_noun(s, verb)
    if qualified is not None:  # "Иван Петров, назначенный 2 июня": the participle tells of the noun
        return qualified
    token, seen = verb, {verb.index}
    while token.rel == "conj" and token.head is not None:
        # "второй — задержан, но вскоре скончался": the nearest coordinated predicate before it
        siblings = [t for t in s.tokens if t.head == token.head and t.rel == "conj" and t.start < token.start]
        for sibling in reversed(siblings):
            own = _own_subject(s, sibling)
            if own is not None:
                return own if _agrees(s, verb, own) else None
        token = next((t for t in s.tokens if t.index == token.head), None)
        if token is None or token.index in seen:
            return None
        seen.add(token.index)
        own = _own_subject(s, token)
        if own is not None:
            return own if _agrees(s, verb, own) else None
    return None


def _nominative(s: Sentence, t: Token) -> bool:
    """A person's phrase that can only be the nominative: animate, and a word of it has no
    accusative or genitive form of a person ("Павел", "сосед"; not "Мэри", "Иванова")."""
    if t.pos not in ("NOUN", "PROPN") or not t.is_(Animacy="Anim", Case="Nom"):
        return False
    for w in [t] + [c for c in s.children(t.index) if c.rel == "flat:name"]:
        cases = [(str(p.tag.case), p.tag.animacy) for p in models().parse_word(w.text.lower())]
        if any(c == "nomn" for c, _ in cases) and \
                not any(c in ("accs", "gent") and a != "inan" for c, a in cases):
            return True
    return False


def _by_case(s: Sentence, verb: Token, subject: Token | None) -> tuple[Token | None, Token | None]:
    """Who does what an active verb tells, by case and agreement rather than the parser's label:
    the phrase that can only be a nominative and agrees with the verb, when the parser's subject is
    missing, disagrees with the verb ("Ивана посетили представители") or is a thing whose
    accusative looks like its nominative ("«Динамо» возглавил Петров"). Returns the subject and the
    phrase to read as the object instead (or None)."""
    if verb.feats.get("VerbForm") != "Fin":
        return subject, None
    # (only the order object-verb-subject: "суд, чтобы судить Младича, …" keeps its subject)
    if subject is not None and subject.start > verb.start:
        return subject, None
    others = [c for c in s.children(verb.index) if c.rel in ("nsubj", "obj") and _preposition(s, c) is None
              and c.start > verb.start and not any(t.pos == "PUNCT" and verb.end <= t.start < c.start for t in s.tokens)
              and (subject is None or c.index != subject.index) and _nominative(s, c)
              and _same_gender(s, verb, c) and _agrees(s, verb, c)]
    if len(others) != 1:
        return subject, None
    other = others[0]
    if subject is None:
        return other, None
    if subject.feats.get("Case") in ("Acc", "Gen") or not _agrees(s, verb, subject) or \
            subject.feats.get("Animacy") == "Inan" and subject.pos in ("NOUN", "PROPN"):
        return other, subject
    return subject, None


def _split_subjects(s: Sentence, verb: Token, subject: Token) -> list[Token]:
    """The verb's other subjects joined to its subject by "и" the parser hung on the verb
    ("Кореш и около 80 его последователей погибли")."""
    if subject.head != verb.index:
        return []
    joined = [c for c in s.children(verb.index) if c.rel == "cc" and c.lemma == "и"]
    return [c for c in s.children(verb.index) if c.rel == subject.rel and c is not subject and c.start < verb.start
            and any(min(c.start, subject.start) < j.start < max(c.start, subject.start) for j in joined)]


def _same_gender(s: Sentence, verb: Token, subject: Token) -> bool:
    """"…брат, умерла…": a past-tense verb that disagrees with the noun is not its predicate,
    unless the name after the noun agrees ("депутат Анна Белова решила")."""
    v, n = verb.feats.get("Gender"), subject.feats.get("Gender")
    if not v or not n or subject.pos != "NOUN" or verb.feats.get("Number") == "Plur":
        return True
    if v == "Neut" and subject.feats.get("Case") == "Gen":
        return True  # "погибло около 60 человек": a counted subject takes the neuter verb
    return v == n or any(c.rel in ("appos", "flat:name") and c.pos == "PROPN" and c.feats.get("Gender") == v
                         for c in s.children(subject.index))


def _agrees(s: Sentence, verb: Token, subject: Token) -> bool:
    """"Первый погиб, второго задержали": a plural verb left without a subject is impersonal."""
    number = verb.feats.get("Number")
    if number is None or subject.pos == "PRON":
        return True
    plural = subject.feats.get("Number") == "Plur" or any(
        c.rel.startswith("nummod") or c.rel == "conj" for c in s.children(subject.index))
    return (number == "Plur") == plural


# verbs whose subject does what the verb they govern tells ("решил посетить", "распорядился
# освободить"); not verbs of asking ("потребовал освободить"), whose subject only wants it done
_CONTROL = {"решить", "решать", "планировать", "запланировать", "намереваться", "собираться", "собраться",
            "хотеть", "захотеть", "пытаться", "попытаться", "мочь", "смочь", "начать", "начинать",
            "продолжить", "продолжать", "согласиться", "успеть", "распорядиться", "постановить", "отправиться",
            "приехать", "прибыть", "прилететь"}


# where one moved to is the move's place ("переехал в Ригу")
_MOVES = {"переезд", "эмиграция", "депортация", "эвакуация"}
# verbs of going somewhere: their "в"/"на" phrase is where to, and the going happens there too
_ARRIVING = {"посетить", "посещать", "прибыть", "прибывать", "приехать", "приезжать", "прилететь", "прилетать"}


# prepositions that put one beside a happening, not in it
_APART = {"о", "об", "обо", "после", "до", "против", "за", "из-за", "благодаря", "вопреки", "ради", "без", "накануне",
          "перед", "к", "ко", "от", "по", "вне"}
# nouns for a kind of body, whose names follow them ("группа «Ленинград»", "клуб «Спартак»")
_KINDS_OF_BODY = {"группа", "коллектив", "ансамбль", "команда", "клуб", "партия", "оркестр", "театр", "компания"}
# posts whose genitive names who sends them, not where they are held ("послом Японии в МАГАТЭ")
_ENVOYS = {"посол", "консул", "представитель", "полпред", "постпред", "посланник", "атташе", "эмиссар"}
# what a post is given or taken by, or a prisoner freed by ("подписал указ об отставке")
_DECREES = {"указ", "распоряжение", "приказ", "решение", "постановление"}
_ORDERING = {"распорядиться", "постановить", "приказать"}
_DECREED = {"Resignation", "Appointment", "Release"}


def _caption(s: Sentence, noun: Token) -> bool:
    """A line with no verb naming persons "на"/"во время" a happening: a photo's caption."""
    if any(t.pos in ("VERB", "AUX") for t in s.tokens) or len(s.tokens) > 25:
        return False
    case = [c for c in s.children(noun.index) if c.rel == "case"]
    return any(c.lemma == "на" or c.lemma == "в" and any(f.lemma == "время" for f in s.children(c.index)) for c in case)


def _verb_above(s: Sentence, token: Token) -> Token | None:
    """The nearest verb a noun phrase hangs on, through nouns ("объявил дату своей отставки")."""
    seen = set()
    while token.head is not None and token.index not in seen:
        seen.add(token.index)
        token = next((t for t in s.tokens if t.index == token.head), None)
        if token is None or token.pos == "VERB":
            return token
        if token.pos not in ("NOUN", "PROPN"):
            return None
    return None


def _partner_only(s: Sentence, noun: Token) -> bool:
    """"о разводе с женой": a partner in a "с"-phrase and no genitive saying whose."""
    children = s.children(noun.index)
    return any(_preposition(s, c) in ("с", "со") for c in children) and not any(
        c.rel == "nmod" and c.feats.get("Case") == "Gen" and _preposition(s, c) is None for c in children)


def _office(token: Token) -> bool:
    """A post named as an office ("выборы президента"), not a person holding it."""
    return token.lemma in OFFICES or token.lemma in ("генсек", "мэр", "губернатор", "глава")


def _going(incident: Incident) -> bool:
    """A visit or a move, whose place is where one went ("визит в Москву", "переехал в Ригу"), or
    a stay in hospital, which is where one was taken ("госпитализирован в клинику в Москве")."""
    return incident.type in ("Visit", "Hospitalization") or incident.label in _MOVES


def _direction(noun: Token, prep: str, word: Token) -> bool:
    """A "в"/"на" phrase in the accusative tells where to ("переехал в Испанию"), not where."""
    return prep in ("в", "во", "на") and noun.feats.get("Case") == "Acc" and word.lemma not in _ARRIVING


def _controller(s: Sentence, verb: Token) -> Token | None:
    """The subject of the verb that governs this one ("X решил посетить", "X приехал выступить"),
    or of the verb a converb hangs on ("X преодолел препятствие, победив на праймериз")."""
    if verb.head is None:
        return None
    head = next((t for t in s.tokens if t.index == verb.head), None)
    if head is None or head.pos != "VERB":
        return None
    if verb.rel == "advcl" and verb.feats.get("VerbForm") == "Conv":
        return _subject(s, head) or _controller(s, head)
    if verb.rel != "xcomp" or head.lemma not in _CONTROL:
        return None
    return _subject(s, head) or _controller(s, head)


def _actor(s: Sentence, verb: Token) -> Token | None:
    """Who does what a verb tells: its subject, the subject of the verb it is coordinated with
    ("…, но приняла участие в дебатах") or of the verb that governs it ("решил принять участие")."""
    return _subject(s, verb) or _controller(s, verb)


def _hung_on_place(s: Sentence, verb: Token) -> list[Token]:
    """"В синагоге при стрельбе погиб …": a "при"-phrase of a happening the parser hung on the
    verb's place noun; a place is never "при" a happening, so it tells of the verb."""
    if verb.pos != "VERB":
        return []
    out = []
    for child in s.children(verb.index):
        if child.rel != "obl" or child.pos not in ("NOUN", "PROPN") or _preposition(s, child) not in ("в", "во", "на"):
            continue
        for inner in s.children(child.index):
            if inner.rel == "nmod" and _preposition(s, inner) == "при" and lex.trigger_at(s, inner) is not None:
                out.append(inner)
    return out


# head words of a body's name that name its building: "Саяно-Шушенская ГЭС", "Дом кино", "Большой
# театр", "Собор Святого Марка" (a body is where a thing happens only as the building it is;
# not "церковь", which is a faith's body as often: "в Русской церкви")
_BUILDINGS = {"гэс", "аэс", "тэц", "театр", "собор", "музей", "дом", "дворец", "храм", "мечеть",
              "стадион", "арена", "госпиталь", "больница", "клиника", "изолятор", "галерея", "кинотеатр",
              "библиотека", "филармония", "консерватория", "цирк", "гостиница", "отель", "аэропорт"}


def _building(ctx: Context, item):
    """The body (an Institution) whose name's head word names a building, else None."""
    if type(item).__name__ != "Institution" or not item.mentions:
        return None
    first = item.mentions[0]
    words = [t for t in ctx.analysis.tokens_in(first.start, first.end) if t.pos in ("NOUN", "PROPN")]
    head = next((t for t in words if t.lemma.lower() in _BUILDINGS), None)
    # the name's first noun, leading it or in lower case ("Патриарший Собор" is a council,
    # "главное здание библиотеки" the building of one)
    if head is None or not (head is words[0] and (head.start == first.start or head.text.islower())
                            or head.text.isupper()):
        return None
    return item


# nouns of a part of a named place, through which "в"/"на" reaches the name ("на участке трассы
# в провинции X", "в районе города X", "в одной из школ X"); not of a building, which NEREL names
# itself as the place ("в соборе", "на стадионе")
_SPOTS = {"участок", "окраина", "окрестность", "пригород", "территория", "центр", "часть", "один"}


def _place_within(ctx: Context, s: Sentence, noun: Token, depth: int = 0) -> str | None:
    """The named place a part of a place lies in, down a chain of such nouns ("в районе города
    Анталья", "на окраине посёлка Лесной", "в одной из школ Самары"): the nearest place below."""
    from .lexicon import PLACE_WORDS

    if depth > 2 or noun.lemma not in _SPOTS and noun.lemma not in PLACE_WORDS:
        return None
    below = [c for c in s.children(noun.index) if c.rel in ("nmod", "appos", "flat", "flat:name")]
    for child in below:
        prep = _preposition(s, child)
        if prep not in (None, "в", "во", "на") and not (prep == "из" and noun.lemma == "один") or \
                prep is None and child.rel == "nmod" and child.feats.get("Case") != "Gen":
            continue  # (a genitive or a "в"/"на" phrase; "из" only after "один")
        key = ctx.key_at(child.start, child.end)
        if isinstance(ctx.entity(key), Place):
            return key
    for child in below:
        if (child.lemma in _SPOTS or child.lemma in PLACE_WORDS) and ctx.key_at(child.start, child.end) is None:
            key = _place_within(ctx, s, child, depth + 1)
            if key:
                return key
    return None


_CAUSE_HOLDERS = {"результат", "ход", "время"}  # "в результате взрыва", "в ходе боя", "во время шторма"


def _cause_place(ctx: Context, s: Sentence, noun: Token) -> str | None:
    """"В результате взрыва в Киеве ранен …", "погиб в ДТП в Италии": the parser hangs the place
    of a noun telling the cause on the verb of its outcome; it is the cause's place too."""
    phrase = noun
    head = s.tokens[noun.head] if noun.head is not None else None
    if head is not None and head.lemma in _CAUSE_HOLDERS and noun.rel == "nmod":
        phrase, head = head, (s.tokens[head.head] if head.head is not None else None)
    if head is None or head.pos != "VERB" or phrase.rel != "obl" or \
            _preposition(s, phrase) not in ("в", "во", "при") or phrase.feats.get("Case") != "Loc":
        return None
    trigger = lex.trigger_at(s, head)
    if trigger is None or trigger.type not in ("Death", "Injury"):
        return None
    for child in s.children(head.index):
        if child is phrase or child.rel != "obl" or _preposition(s, child) not in ("в", "во", "на") or \
                child.feats.get("Case") != "Loc":
            continue
        key = ctx.key_at(child.start, child.end)
        if isinstance(ctx.entity(key), Place):
            return key
    return None


def _shared_place(ctx: Context, s: Sentence, verb: Token) -> str | None:
    """"родился и вырос во Флориде", "рухнул и сгорел на юге страны": two verbs joined by "и" and
    nothing else share the place told after both; the parser hangs it on the second."""
    if any(c.rel == "obl" and _preposition(s, c) in ("в", "во", "на") for c in s.children(verb.index)):
        return None  # the first verb has a place of its own ("родился в Омске и вырос в Туле")
    for other in s.children(verb.index):
        if other.rel != "conj" or other.pos != "VERB" or other.start < verb.start:
            continue
        between = [t for t in s.tokens if verb.end <= t.start < other.start]
        if [t.lemma for t in between] != ["и"]:
            continue
        for child in s.children(other.index):
            if child.rel == "obl" and child.start > other.start and _preposition(s, child) in ("в", "во", "на") \
                    and child.feats.get("Case") == "Loc":
                key = ctx.key_at(child.start, child.end)
                if isinstance(ctx.entity(key), Place):
                    return key
    return None


def _own_subject(s: Sentence, token: Token) -> Token | None:
    """The verb's subject; of several (a parser slip), the one nearest before the verb."""
    subjects = [c for c in s.children(token.index) if c.rel in ("nsubj", "nsubj:pass")]
    colons = [t.start for t in s.tokens if t.text == ":"]
    apart = [c for c in subjects if any(c.start < x < token.start or token.start < x < c.start for x in colons)]
    if apart and len(apart) < len(subjects):
        # "Теракт в Иерусалиме: убиты двое полицейских": what stands across a colon is a topic,
        # the subject is on the verb's side of it
        subjects = [c for c in subjects if c not in apart]
    before = [c for c in subjects if c.start < token.start]
    return before[-1] if before else (subjects[0] if subjects else None)


def _temporal(s: Sentence, token: Token) -> bool:
    prep = _preposition(s, token)
    if prep in ("с", "со"):  # "с начала войны", not "выступил с концертом"
        return token.feats.get("Case") == "Gen"
    return prep in ("после", "до", "накануне", "спустя")


def _colon_after_noun_trigger(seg: Segment) -> tuple[int, int] | None:
    s = seg.sentence
    seen_noun = False
    for token in s.tokens:
        trigger = lex.trigger_at(s, token)
        if trigger is not None and not trigger.is_verb:
            seen_noun = True
        if seen_noun and token.text == ":":
            return token.start, token.end
    return None


def _agree(pronoun: Token, noun: Token) -> bool:
    """Whether a relative pronoun can stand for the noun: the same number and, in the singular,
    the same gender (a verb's trigger, with neither, agrees with nothing)."""
    number = pronoun.feats.get("Number")
    if noun.pos != "NOUN" or number is None or number != noun.feats.get("Number"):
        return False
    return number == "Plur" or pronoun.feats.get("Gender") == noun.feats.get("Gender")


def _named_before_colon(seg: Segment, token: Token, told: dict) -> Incident | None:
    """"Теракт в Иерусалиме: убиты двое полицейских": in a headline, the violent happening
    named before the colon is what the hurt after it was a part of."""
    colon = _colon_after_noun_trigger(seg)
    if colon is None or token.start < colon[1]:
        return None
    before = [told[t.start] for t in seg.sentence.tokens if t.start < colon[0] and t.start in told]
    return before[0] if len(before) == 1 and before[0].type in _CAUSES else None


def _outcome_after(seg: Segment, offset: int) -> str | None:
    text = seg.sentence.text[offset - seg.start:]
    for stop in (", но ", ". "):
        if stop in text:
            text = text[:text.index(stop)]
    text = text.strip(" .,;")
    return text or None


def _instruments(s: Sentence, token: Token) -> list[str]:
    """"вооружённые топором и самодельным ножом", "ударил ножом", "застрелил из пистолета"."""
    found: list[Token] = []
    armed = [t for t in s.tokens if t.lemma in ARMED]
    for participle in armed:
        after = [t for t in s.tokens if t.start > participle.start]
        for t in after:
            if t.pos == "NOUN" and t.feats.get("Case") == "Ins":
                found.append(t)
            elif t.pos in ("ADJ", "CCONJ") or t.text == ",":
                if t.text == "," and found:
                    break
                continue
            elif found:
                break
    for child in s.children(token.index):
        if child.lemma in WEAPONS and child.pos == "NOUN" and (child.feats.get("Case") == "Ins" or _preposition(s, child) == "из"):
            found.append(child)
    out = []
    for noun in found:
        adjectives = [c for c in s.children(noun.index) if c.rel == "amod"]
        out.append(inflect_phrase(sorted(adjectives + [noun], key=lambda t: t.start), plural=False))
    return list(dict.fromkeys(out))


def _seized_after(s: Sentence, token: Token) -> str | None:
    """"…напали на караул, завладели двумя автоматами": what an attack took, as written."""
    for other in s.tokens:
        if other.start > token.start and other.lemma in lex.TAKE_VERBS and other.pos == "VERB":
            obj = next((c for c in s.children(other.index) if c.rel in ("obj", "obl", "iobj")), None)
            if obj is None or obj.lemma in lex.VEHICLES:
                continue
            phrase_tokens = [other, obj] + [c for c in s.children(obj.index) if c.rel in ("nummod", "amod", "nummod:gov")]
            start = min(t.start for t in phrase_tokens)
            end = max(t.end for t in phrase_tokens)
            return s.text[start - s.start:end - s.start]
    return None


def _cause(s: Sentence, token: Token) -> str | None:
    """"скончался от травм": the cause a death states, as written."""
    for child in s.children(token.index):
        if _preposition(s, child) == "от":
            return s.text[token.start - s.start:child.end - s.start]
    return None


def died(ctx: Context, incident: Incident, key: str) -> None:
    item = ctx.facts.entity(key)
    if isinstance(item, Group) or hasattr(item, "died_in"):
        if not item.died_in:
            item.died_in = incident.key
            item.died_on = incident.date


def _suicide(s: Sentence, token: Token) -> bool:
    lemmas = {token.lemma} | {c.lemma for c in s.children(token.index)}
    if lemmas & lex.SUICIDE == {"отравиться"} and not any(t.lemma in _SELF_KILLING for t in s.tokens):
        return False  # "отравились грибами": poisoned by mishap unless the line says by their own hand
    return bool(lemmas & lex.SUICIDE) or token.lemma in ("покончить", "кончать")


_SELF_KILLING = {"самоубийство", "суицид", "покончить", "кончать", "свести"}


def _within(whole: Incident, part: Incident, incidents: list[Incident]) -> bool:
    """Whether `whole` is already a part (at any depth) of `part`."""
    by_key = {i.key: i for i in incidents}
    seen = set()
    while whole.part_of and whole.part_of not in seen:
        if whole.part_of == part.key:
            return True
        seen.add(whole.part_of)
        whole = by_key.get(whole.part_of, whole)
    return False


def _doer_participles(s: Sentence, verb: Token) -> list[Token]:
    """The participles telling of the verb's subject ("Президент, находящийся с визитом, …")."""
    if verb.pos != "VERB":
        return []
    return [p for subject in s.children(verb.index) if subject.rel == "nsubj" for p in s.children(subject.index)
            if p.rel == "acl" and p.feats.get("VerbForm") == "Part"]


# "у финишной черты марафона", "возле трибуны стадиона": by a spot of a gathering
_BESIDE = {"у", "около", "возле", "рядом", "близ", "вблизи"}
_GATHERINGS = {"Competition", "Ceremony", "Meeting"}
# the closing stages of a contest, told alone once its whole is named with one of them
_FINALS = {"финал", "полуфинал", "четвертьфинал", "суперфинал"}


def _sibling_whole(part: Incident, s: Sentence, incidents: list[Incident], trigger_of: dict) -> Incident | None:
    """"в четвертьфинале чемпионата мира …, а в полуфинале": a stage with no whole of its own is of
    the contest the stage told before it in the line belongs to."""
    by_key = {i.key: i for i in incidents}
    token = trigger_of[part.key][1]
    before = [i for i in incidents if i is not part and i.part_of in by_key and i.key in trigger_of
              and trigger_of[i.key][0].sentence is s and trigger_of[i.key][1].lemma in _FINALS
              and trigger_of[i.key][1].start < token.start]
    if not before:
        return None
    whole = by_key[max(before, key=lambda i: trigger_of[i.key][1].start).part_of]
    return whole if whole is not part and not _within(whole, part, incidents) else None


def _same_kind(incident: Incident, trigger: lex.Trigger) -> bool:
    """Of the trigger's type, and for a happening of no class of its own, of its label."""
    return incident.type == trigger.type and (trigger.type not in _LABELLED or incident.label == trigger.label)


def _under_same_verb(s: Sentence, noun: Token, kind: str) -> bool:
    head = next((t for t in s.tokens if t.index == noun.head), None)
    if head is None:
        return False
    trigger = lex.trigger_at(s, head)
    return trigger is not None and trigger.is_verb and trigger.type == kind


# the longest quote read as the name of a happening ("«Мисс Вселенная»"), not a speech or a title
_NAME_WORDS = 5


def _names_event(s: Sentence, token: Token, quotes: list[tuple[int, int]]) -> bool:
    """"Ирак участвовал в «Мисс Вселенной»": a short quote standing as a phrase of its own is the
    name of a happening, read from its first word; one hung under a noun ("фильм «Битва на
    Калке»") names that noun's work."""
    span = next(((a, b) for a, b in quotes if a <= token.start < b), None)
    if span is None or len(s.text[span[0] - s.start:span[1] - s.start].split()) > _NAME_WORDS:
        return False
    words = [t for t in s.tokens if span[0] <= t.start < span[1] and t.pos != "PUNCT"]
    if not words or words[0] is not token or token.pos not in ("NOUN", "PROPN") or not token.text[:1].isupper():
        return False  # "«похитить славу»": a phrase quoted, not a name
    head = next((t for t in s.tokens if t.index == token.head), None)
    return head is None or span[0] <= head.start < span[1] or head.pos not in ("NOUN", "PROPN")


def _with_quoted_name(ctx: Context, quotes: list[tuple[int, int]], incident: Incident) -> None:
    """"конкурс «Мисс Вселенная»", "на кинофестивале «Сандэнс»": the name in quotes right after
    the noun tells the happening with it, so its words run to the end of the name."""
    def widened(word):
        opened = next((end for start, end in quotes if word is not None and start + 1 == word.start < end
                       and len(ctx.text[start:end].split()) <= _NAME_WORDS), None)
        if opened is not None:  # "участвовал в «Мисс Вселенной»": the name read from its first word
            return ctx.evidence(word.start, max(word.end, opened - 1), word.confidence)
        parses = models().parse_word(word.quote.lower()) if word is not None and " " not in word.quote else []
        if not parses or parses[0].tag.POS != "NOUN":
            return word  # "заявил «…»": a verb's quote is what was said
        for start, end in quotes:
            gap = ctx.text[word.end:start]
            if start >= word.end and len(gap) <= 2 and not gap.strip() and ctx.text[start + 1:start + 2].isupper() \
                    and len(ctx.text[start:end].split()) <= _NAME_WORDS:  # "ранении «небольшого числа»": no name
                return ctx.evidence(word.start, end - 1, word.confidence)
        return word
    incident.trigger = widened(incident.trigger)
    incident.retold = [widened(w) for w in incident.retold]


def _suffered_by(s: Sentence, verb: Token, kind: str) -> Token | None:
    """The noun a death or a passive hurt tells of through a relative clause ("посол, который
    скончался", "журналист, который был убит")."""
    passive = verb.feats.get("Voice") == "Pass" or any(c.rel == "nsubj:pass" for c in s.children(verb.index))
    if kind != "Death" and not passive:
        return None
    if verb.rel != "acl:relcl":
        return None
    head = next((t for t in s.tokens if t.index == verb.head), None)
    while head is not None and head.rel in ("appos", "flat:name"):  # "послом Игорем Сомовым, который"
        head = next((t for t in s.tokens if t.index == head.head), None)
    if head is None or head.pos not in ("NOUN", "PROPN"):
        return None
    subject = next((c for c in s.children(verb.index) if c.rel in ("nsubj", "nsubj:pass")), None)
    return head if subject is not None and subject.lemma == "который" else None


# verbs of a source that reports ("…был убит, подтвердила полиция")
_REPORTING = _TELLING | {"подтвердить", "подтверждать", "уточнить", "уточнять", "передать", "передавать"}


def _passive_subject(s: Sentence, verb: Token) -> Token | None:
    """Who a passive tells of where the parse hangs it elsewhere: the name beside "один из них"
    ("Один из них — Иван Лосев — был убит"), or the subject the parse gave to a verb of telling
    after it ("Бывший мэр Иван Лосев был убит, сообщила полиция")."""
    if not any(c.rel == "aux:pass" for c in s.children(verb.index)):
        return None
    subject = next((c for c in s.children(verb.index) if c.rel == "nsubj:pass"), None)
    if subject is not None and subject.lemma in _ONE_OF:
        return next((c for c in s.children(subject.index) if c.rel == "appos"), None)
    for t in s.tokens:
        head = next((h for h in s.tokens if h.index == t.head), None)
        if t.rel == "nsubj" and t.start < verb.start and head is not None and head.start > verb.start \
                and head.lemma in _REPORTING and t.pos in ("NOUN", "PROPN"):
            return t
    return None


def _counted(s: Sentence, verb: Token) -> bool:
    """"погибли двое, ранены четыре человека": a count of the dead or hurt is a happening of its
    own, of no one named."""
    for c in s.children(verb.index):
        if c.rel in ("nsubj", "nsubj:pass") and (c.pos == "NUM" or any(
                n.rel in ("nummod", "nummod:gov") for n in s.children(c.index))):
            return True
    return False


def _dated(s: Sentence, noun: Token, dates: list) -> bool:
    """"после референдума 1 октября", "до назначения министром в 2017 году": a happening named in
    passing whose own phrase gives its date is one of its own."""
    inside_ = {noun.index}
    grew = True
    while grew:
        more = {t.index for t in s.tokens if t.head in inside_ and t.index not in inside_}
        grew = bool(more)
        inside_ |= more
    words = [t for t in s.tokens if t.index in inside_ and t.start > noun.start]
    if not words:
        return False
    lo, hi = noun.end, max(t.end for t in words)
    return any(d.evidence is not None and lo <= d.evidence.start < hi for d in dates)

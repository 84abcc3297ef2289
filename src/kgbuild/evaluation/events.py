"""Scoring the events layer against NEREL's event relations.

NEREL links an event mention to its participants (AGENT, PARTICIPANT_IN), time
(POINT_IN_TIME), place (TAKES_PLACE_IN), the larger event (SUBEVENT_OF), and links persons to
dates of death (DATE_OF_DEATH) and awards (AWARDED_WITH). Our facts are turned into the same
(type, span, span) triples: the incident's trigger word, the mentions of its participants in the
trigger's sentence, its date and place phrases. A predicted relation matches a gold one of the
same type when each argument overlaps the gold argument (in either order, as NEREL's direction
differs between types).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .brat import Annotation, read_directory

RELATIONS = ("AGENT", "PARTICIPANT_IN", "POINT_IN_TIME", "TAKES_PLACE_IN", "SUBEVENT_OF",
             "DATE_OF_DEATH", "AWARDED_WITH")
Span = tuple[int, int]
# incidents of a post given or left, whose institution is where the post is
POST_TYPES = {"Appointment", "Resignation"}
# roles of who did it: NEREL's AGENT (the police who arrest act as well)
AGENT_ROLES = {"perpetrator", "actor", "lawEnforcement"}


@dataclass
class EventReport:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    documents: int = 0

    def scores(self, kind: str | None = None) -> tuple[float, float, float]:
        kinds = [kind] if kind else list(RELATIONS)
        tp = sum(self.tp[k] for k in kinds)
        fp = sum(self.fp[k] for k in kinds)
        fn = sum(self.fn[k] for k in kinds)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> str:
        lines = ["| relation | gold | predicted | correct | P | R | F1 |", "| --- | --- | --- | --- | --- | --- | --- |"]
        for kind in list(RELATIONS) + [None]:
            kinds = [kind] if kind else list(RELATIONS)
            tp = sum(self.tp[k] for k in kinds)
            gold = tp + sum(self.fn[k] for k in kinds)
            pred = tp + sum(self.fp[k] for k in kinds)
            p, r, f = self.scores(kind)
            lines.append(f"| {kind or 'micro'} | {gold} | {pred} | {tp} | {p:.3f} | {r:.3f} | {f:.3f} |")
        return "\n".join(lines)


def gold_relations(doc: Annotation) -> list[tuple[str, Span, Span]]:
    out = []
    for rel in doc.relations:
        if rel.type in RELATIONS and rel.arg1 in doc.entities and rel.arg2 in doc.entities:
            a, b = doc.entities[rel.arg1], doc.entities[rel.arg2]
            out.append((rel.type, (a.start, a.end), (b.start, b.end)))
    return out


def predicted_relations(facts) -> list[tuple[str, Span, Span]]:
    """Our incidents, deaths and awards as NEREL-style relation triples."""
    out: list[tuple[str, Span, Span]] = []
    by_key = {i.key: i for i in facts.incidents}
    for inc in facts.incidents:
        if inc.trigger is None:
            continue
        # each word that tells the incident (the body's, a headline's) with the line it stands in
        for word in [inc.trigger] + inc.retold:
            line = next((e for e in inc.evidence if e.start <= word.start < e.end), None)
            _incident_relations(facts, inc, by_key, word, line, out)
    _deaths_and_awards(facts, by_key, out)
    return out


def _incident_relations(facts, inc, by_key, word, sentence, out) -> None:
    """The relations one word telling an incident has with what its line names."""
    trig = (word.start, word.end)
    lo, hi = (sentence.start, sentence.end) if sentence else trig
    acting = {p.agent for p in inc.participations if p.role in AGENT_ROLES}
    for part in inc.participations:
        if not _annotatable(facts, part.agent):
            continue
        kind = "AGENT" if part.role in AGENT_ROLES else "PARTICIPANT_IN"
        if kind == "PARTICIPANT_IN" and part.agent in acting:
            continue  # "покончил с собой": who did it and to whom it happened is one AGENT
        # one participation is one relation: of the participant's mentions in the line ("эмир
        # Катара шейх Хамад"), the name nearest the word, else the nearest mention; a name in
        # Cyrillic before its Latin spelling ("Эдриен Поне (Adrian Pone)"), which NEREL links
        mentions = _mentions(facts, part.agent)
        here = [m for m in mentions if lo <= m.start < hi]
        if here:
            best = min(here, key=lambda m: (not m.quote[:1].isupper(), _latin(m.quote), abs(m.start - trig[0])))
            out.append((kind, (best.start, best.end), trig))
            continue
        # "полковник был снова задержан": the post the line names the person by, and the name
        # told before, both of which NEREL links
        posts = [t for t in _posts(facts, mentions) if lo <= t.start < hi]
        if posts:
            best = min(posts, key=lambda m: abs(m.start - trig[0]))
            out.append((kind, (best.start, best.end), trig))
        if any(lo <= e.start < hi or e.start <= lo < e.end for e in part.evidence):
            # "он был назначен": a participant the line names by a pronoun or a post is linked
            # through its last mention before the line, as NEREL links it
            before = [m for m in mentions if m.start < lo]
            if before:
                best = max(before, key=lambda m: (not _latin(m.quote), m.start))  # ("Gideon Yu" after "Гидеон Ю")
                out.append((kind, (best.start, best.end), trig))
    if inc.institution and inc.type in POST_TYPES:
        # "назначен директором сети Facebook": NEREL makes the institution of the post a participant
        for mention in _mentions(facts, inc.institution):
            if lo <= mention.start < hi:
                out.append(("PARTICIPANT_IN", (mention.start, mention.end), trig))
                break
    if inc.date and inc.date.evidence and lo <= inc.date.evidence.start < hi:
        out.append(("POINT_IN_TIME", trig, (inc.date.evidence.start, inc.date.evidence.end)))
    elif word is not inc.trigger:
        # a line that retells it ("Митинг 12 марта 2011 года" over the body): its own phrase of
        # the same date, or the date right after the word ("умер 17 февраля 2019 года")
        for d in getattr(facts, "dates", []):
            if d.evidence is None or not lo <= d.evidence.start < hi:
                continue
            same = inc.date is not None and d.value and d.value == inc.date.value
            if same or 0 <= d.evidence.start - trig[1] <= 2:
                out.append(("POINT_IN_TIME", trig, (d.evidence.start, d.evidence.end)))
                break
    if inc.place:
        for mention in _mentions(facts, inc.place):
            if lo <= mention.start < hi:
                out.append(("TAKES_PLACE_IN", trig, (mention.start, mention.end)))
    whole = by_key.get(inc.part_of or "")
    if whole is not None and whole.trigger is not None:
        # the whole's word in the same line ("при стрельбе погиб" in a headline that retells
        # both), else, for the part's own word, the whole's
        words = [w for w in [whole.trigger] + whole.retold if lo <= w.start < hi]
        if not words and word is inc.trigger:
            # the whole's word told last before the part ("…стрельбы в Тусоне. Тогда были
            # убиты…"), else its first
            told = [w for w in [whole.trigger] + whole.retold if w.start < word.start]
            words = [max(told, key=lambda w: w.start)] if told else [whole.trigger]
        for w in words[:1]:
            out.append(("SUBEVENT_OF", trig, (w.start, w.end)))


def _deaths_and_awards(facts, by_key, out) -> None:
    # where the text names a person beside the date of death it states ("скончался 5 мая",
    # "(1920 — 2001)"): the reading that gave the person's kgb:diedOn
    stated = {}
    for link in getattr(facts, "links", []):
        if link.relation == "DATE_OF_DEATH":
            stated.setdefault((link.target.start, link.target.end), []).append(link.source)
    for person in facts.persons:
        if person.anonymous or not person.label or not person.died_on or not person.died_on.evidence:
            continue  # NEREL links dates of death to named persons only
        d = person.died_on.evidence
        own = {(m.start, m.end) for m in person.mentions}
        named = [s for s in stated.get((d.start, d.end), []) if (s.start, s.end) in own]
        for mention in named:
            out.append(("DATE_OF_DEATH", (mention.start, mention.end), (d.start, d.end)))
        incident = by_key.get(person.died_in or "")
        if named or incident is None or not incident.evidence:
            continue
        told = incident.evidence[0]
        if not told.start <= d.start < told.end:
            continue  # a date carried from elsewhere is not what NEREL links
        for mention in person.mentions:
            if told.start <= mention.start < told.end:
                out.append(("DATE_OF_DEATH", (mention.start, mention.end), (d.start, d.end)))
    for c in facts.commemorations:
        if c.type != "AwardConferral" or c.award_evidence is None:
            continue
        award = (c.award_evidence.start, c.award_evidence.end)
        told = c.evidence[0] if c.evidence else c.award_evidence
        for part in c.participations:
            if part.role != "recipient":
                continue
            mentions = _mentions(facts, part.agent)
            here = [m for m in mentions if told.start <= m.start < told.end]
            # "Награждён орденом Ленина" in a life story: NEREL links the award to the person
            # last named before it, as we do
            before = [m for m in mentions if m.start < told.start]
            for mention in here or sorted(before, key=lambda m: m.start)[-1:]:
                out.append(("AWARDED_WITH", (mention.start, mention.end), award))


# NEREL annotates names, professions, nationalities and organizations, never "мужчина" or "мирные
# жители": an anonymous participant counts only when its noun is a profession or a nationality
PROFESSIONS = {"сотрудник", "сотрудница", "военнослужащий", "полицейский", "охранник", "конвоир",
               "врач", "водитель", "солдат", "офицер", "инспектор", "милиционер", "спасатель",
               "пожарный", "инкассатор", "кассир", "продавец", "бизнесмен", "директор", "министр",
               "журналист", "надзиратель", "контролёр", "курсант", "студент", "студентка", "школьник",
               "пенсионер", "пенсионерка", "фермер", "ветеран", "рабочий"}


def _annotatable(facts, key: str) -> bool:
    try:
        item = facts.entity(key)
    except KeyError:
        return False
    if not getattr(item, "anonymous", False) and getattr(item, "label", None):
        return True
    from ..extract.groups import names_a_nationality
    from ..extract.nlp import models
    from ..extract.ranks import POSTS

    if names_a_nationality(getattr(item, "description", None) or ""):
        return True  # "задержан россиянин", "гражданин России": NEREL marks a nationality too
    # "генералы полиции", "бывший президент": a post or trade named anywhere in the description
    for word in (getattr(item, "description", None) or "").lower().split():
        parses = models().parse_word(word)
        lemma = parses[0].normal_form if parses else word
        if lemma in PROFESSIONS or lemma in POSTS or word in PROFESSIONS:
            return True
    return False


def _latin(quote: str) -> bool:
    """A name spelled in Latin letters ("Thomas Schäfer")."""
    letters = [c for c in quote if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def _posts(facts, mentions) -> list:
    """The posts read as a person's (WORKS_AS links from one of its mentions)."""
    starts = {(m.start, m.end) for m in mentions}
    return [link.target for link in getattr(facts, "links", [])
            if link.relation == "WORKS_AS" and (link.source.start, link.source.end) in starts]


def _mentions(facts, key: str):
    try:
        return facts.entity(key).mentions
    except (KeyError, AttributeError):
        return []


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _matches(pred: tuple[str, Span, Span], gold: tuple[str, Span, Span]) -> bool:
    if pred[0] != gold[0]:
        return False
    return (_overlap(pred[1], gold[1]) and _overlap(pred[2], gold[2])) or \
        (_overlap(pred[1], gold[2]) and _overlap(pred[2], gold[1]))


def in_scope(doc: Annotation) -> list[tuple[str, Span, Span]]:
    """Gold relations whose event is an incident our lexicon knows (or that need no event)."""
    from ..extract import triggers
    from ..extract.nlp import models

    known = set(triggers.VERBS) | set(triggers.NOUNS) | set(triggers.QUALIFIED_NOUNS) | set(triggers.GENERIC) | \
        triggers.LAW_VERBS | triggers.SUICIDE | {"лишить", "захват", "наградить", "награда",
                                                         "орден", "медаль", "премия"}
    out = []
    for rel in doc.relations:
        if rel.type not in RELATIONS or rel.arg1 not in doc.entities or rel.arg2 not in doc.entities:
            continue
        a, b = doc.entities[rel.arg1], doc.entities[rel.arg2]
        event = next((e for e in (a, b) if e.type == "EVENT"), None)
        if event is not None:
            words = event.text.split()
            lemmas = {p.normal_form for w in words[:2] for p in models().parse_word(w.lower())[:1]}
            if not lemmas & known:
                continue
        out.append((rel.type, (a.start, a.end), (b.start, b.end)))
    return out


def score_document(doc: Annotation, facts, report: EventReport, scoped: EventReport | None = None) -> None:
    if scoped is not None:
        _score(in_scope(doc), facts, scoped, everything=gold_relations(doc))
    _score(gold_relations(doc), facts, report)
    report.documents += 1
    if scoped is not None:
        scoped.documents += 1


def _score(gold, facts, report: EventReport, everything=None) -> None:
    """`everything`: the whole gold, when `gold` is a part of it; a prediction that matches a
    relation outside the part is then neither right nor wrong here."""
    pred = list(dict.fromkeys(predicted_relations(facts)))
    used: set[int] = set()
    for p in pred:
        hit = next((i for i, g in enumerate(gold) if i not in used and _matches(p, g)), None)
        if hit is None:
            if everything is None or not any(_matches(p, g) for g in everything):
                report.fp[p[0]] += 1
        else:
            used.add(hit)
            report.tp[p[0]] += 1
    for i, g in enumerate(gold):
        if i not in used:
            report.fn[g[0]] += 1


def misses(doc: Annotation, facts, kind: str | None = None) -> list[tuple[str, str, str, str]]:
    """The gold relations (of one type, or all) no prediction matched, as (type, first argument,
    second argument, the line they stand in) for reading."""
    pred = list(dict.fromkeys(predicted_relations(facts)))
    out = []
    for g in gold_relations(doc):
        if (kind and g[0] != kind) or any(_matches(p, g) for p in pred):
            continue
        lo, hi = min(g[1][0], g[2][0]), max(g[1][1], g[2][1])
        start = max(doc.text.rfind("\n", 0, lo) + 1, lo - 150)
        end = min([x for x in (doc.text.find("\n", hi),) if x >= 0] + [hi + 150])
        out.append((g[0], doc.text[g[1][0]:g[1][1]], doc.text[g[2][0]:g[2][1]], doc.text[start:end].strip()))
    return out


def evaluate(directory: Path, extract=None, limit: int | None = None) -> tuple[EventReport, EventReport]:
    """Score the extractor on a NEREL split (a folder of .txt/.ann pairs): against all of NEREL's
    event relations, and against those whose event our incident lexicon covers."""
    from ..model import Document

    if extract is None:
        from ..extract import extract
    report, scoped = EventReport(), EventReport()
    for doc in read_directory(directory)[:limit]:
        facts = extract(Document(id=doc.name, text=doc.text))
        score_document(doc, facts, report, scoped)
    return report, scoped


if __name__ == "__main__":  # python -m kgbuild.evaluation.events DIR [LIMIT] [--misses RELATION]
    import sys

    args = sys.argv[1:]
    if "--misses" in args:  # list the missed gold relations of one type, with their lines
        from ..extract import extract as _extract
        from ..model import Document

        kind = args[args.index("--misses") + 1]
        folder = Path(args[0])
        for doc in read_directory(folder):
            for rel, a, b, line in misses(doc, _extract(Document(id=doc.name, text=doc.text)), kind):
                print(f"{doc.name}\t{rel}\t{a}\t{b}\t{line}")
        sys.exit(0)
    result, in_lexicon = evaluate(Path(args[0]), limit=int(args[1]) if len(args) > 1 else None)
    print(f"{result.documents} documents; all event relations:")
    print(result.table())
    print("\nrelations whose event is in the incident lexicon:")
    print(in_lexicon.table())

"""Kinship: "супруга Кайкен", "их маленькую дочь", "его зятем и внучкой", "вдова погибшего".

A kin noun names the relative; whose relative it is comes from a possessive ("его", "их"),
a genitive ("дочь капитана"), the "у X остались …" construction, or a kin noun coordinated with
one that has a possessor ("его зятем и внучкой").
"""

from __future__ import annotations

import re

from ..model import Kinship, Person
from .context import Context
from .groups import People, count_of, inflect_phrase, person_lemma
from .nlp import Sentence, Token
from .segments import Segment

# kin noun -> relation of the possessor to the relative (model.Kinship.relation)
KIN: dict[str, str] = {
    "дочь": "parent", "дочка": "parent", "сын": "parent", "ребёнок": "parent", "ребенок": "parent",
    "дети": "parent", "мать": "child", "мама": "child", "отец": "child", "папа": "child",
    "жена": "spouse", "супруга": "spouse", "муж": "spouse", "супруг": "spouse", "вдова": "spouse",
    "вдовец": "spouse",
    "зять": "relative", "невестка": "relative", "внук": "relative", "внучка": "relative",
    "брат": "relative", "сестра": "relative", "бабушка": "relative", "дедушка": "relative",
    "дед": "relative", "тёща": "relative", "теща": "relative", "тесть": "relative",
    "свекровь": "relative", "свёкор": "relative", "свекор": "relative", "племянник": "relative",
    "племянница": "relative", "дядя": "relative", "тётя": "relative", "тетя": "relative",
}
_POSSESSIVES = {"его": "Masc", "её": "Fem", "ее": "Fem", "их": "Plur"}
_REMAIN = {"остаться", "оставаться"}
# a widow is the widow of someone dead: the possessor must have died, or be called dead
_BEREAVED = {"вдова", "вдовец"}


def extract_kinship(ctx: Context, people: People, segs: list[Segment]) -> None:
    seen: set[tuple[str, str, str]] = set()
    for seg in segs:
        s = seg.sentence
        possessor_of: dict[int, list[str]] = {}  # coordination head -> possessor keys
        for token in s.tokens:
            lemma = person_lemma(token)
            if lemma not in KIN:
                continue
            owners = _possessor(ctx, people, s, token)
            group_head = token.head if token.rel == "conj" else token.index
            # "его зятем и внучкой", "с дочерью и внуком": the possessive or the "с" carries to
            # the next in the list; a genitive ("муж его дочери") does not
            possessive = any(c.text.lower() in _POSSESSIVES or c.lemma == "с" for c in s.children(token.index))
            if owners and possessive:
                possessor_of[group_head] = owners
            elif token.rel == "conj" and token.head in possessor_of:
                owners = possessor_of[token.head]
            if not owners:
                continue
            relatives = _relatives(people, s, token)
            # the possessor is never the one the kin term names ("вдова писателя Александра
            # Солженицына Наталья": the widow is Наталья)
            _gender_from_term(ctx, token, lemma, [r for r in relatives if r not in owners])
            if lemma in _BEREAVED:
                owners = [o for o in owners if _dead(ctx, o)]
            for owner in owners:
                for relative in relatives:
                    if owner == relative:
                        continue
                    relation = KIN[lemma]
                    triple = (owner, relative, relation)
                    if triple in seen:
                        continue
                    seen.add(triple)
                    term = inflect_phrase([token], plural=False)
                    evidence = ctx.evidence(seg.start, seg.end, 0.7)
                    ctx.facts.kinships.append(Kinship(person=owner, relative=relative, relation=relation,
                                                      term=term, evidence=[evidence]))
    _named_ties(ctx, segs, {(k.person, k.relative, k.relation) for k in ctx.facts.kinships})
    _marriages(ctx, segs, {(k.person, k.relative, k.relation) for k in ctx.facts.kinships})
    _births(ctx, segs, {(k.person, k.relative, k.relation) for k in ctx.facts.kinships})
    _child_lists(ctx, segs, {(k.person, k.relative, k.relation) for k in ctx.facts.kinships})


_CHILD_NOUNS = {"сын", "дочь", "дочка", "ребёнок", "ребенок", "дети"}
# whose children: "у него четверо детей", "у Анны двое сыновей", "Бекхэм имеет троих сыновей"
_HAS_AT = re.compile(r"(?:^|[\s,(])[Уу]\s+(?:(него|неё|нее)|(?=[А-ЯЁ]))")
_HAS_GAP = re.compile(r"^\s+(?:[а-яё0-9-]+\s+){0,3}$")
_HAS_VERB = re.compile(r"^\s+(?:уже\s+|ещё\s+|еще\s+|также\s+)?имеет\s+(?:[а-яё0-9-]+\s+){0,3}$")
# words a list of children may hold between the names ("две дочери Лара и Кассиа, а также два
# сына — Теодор и Майло"); a noun or a verb ends the list
_LIST_WORDS = {"и", "также", "еще", "ещё", "в", "том", "числе", "уже", "возможно"}
_CO_PARENT = re.compile(r"\bот\s+(?:[а-яё]+\s+)?(?:брака\s+со?\s+)?(?:[а-яё-]+\s+){0,2}$")  # "от первого брака с"
# a birth year or a note in brackets after a child's name: "Серафима (р. 1993)"
_NOTE = re.compile(r"\((?:[^()А-ЯЁA-Z]*)\)")


def _child_lists(ctx: Context, segs: list[Segment], seen: set) -> None:
    """Children the sentence lists after a counted child noun with its possessor ("у него четверо
    детей от брака с Мариной — две дочери Лара и Кассиа и два сына — Теодор и Майло", "Бекхэм
    имеет троих сыновей — Бруклина, Ромео, Круза — и дочь Харпер"); "от (брака с) X" names the other
    parent."""
    named = _named_persons(ctx)
    text = ctx.text
    for seg in segs:
        s = seg.sentence
        inside = _within(named, s)
        for token in s.tokens:
            if person_lemma(token) not in _CHILD_NOUNS and token.lemma not in _CHILD_NOUNS:
                continue
            owner = _child_owner(ctx, named, inside, s, token)
            if owner is None:
                continue
            children, co_parent, point, listed = [], None, token.end, False
            for m in (m for m in inside if m[0] >= token.end):
                gap = text[point:m[0]]
                if _CO_PARENT.search(gap) and _list_gap(gap[:_CO_PARENT.search(gap).start()]):
                    if children and not _has_child_noun(gap):  # "дочь Стефани от Хелен": hers alone
                        _add_parent(ctx, s.start, s.end, m[2], children[-1][2], seen)
                        co_parent = None
                    else:
                        co_parent = m
                    if re.search(r"\bбрака\b", _CO_PARENT.search(gap).group()) and (owner[2], m[2], "spouse") not in seen \
                            and owner[2] != m[2]:
                        # "от первого брака с Марией": she was his wife
                        seen.add((owner[2], m[2], "spouse"))
                        ctx.facts.kinships.append(Kinship(person=owner[2], relative=m[2], relation="spouse", term="супруг",
                                                          evidence=[ctx.evidence(min(s.start, owner[0]), s.end, 0.7)]))
                    point = m[1]
                    continue
                # the first name stands after a dash or a colon, after a child noun of its own, or
                # right after a singular child noun ("у Шнурова есть дочь Серафима")
                single = token.feats.get("Number") != "Plur" and not _counted(s, token) and not gap.strip()
                if not _list_gap(gap) or not listed and not (re.search(r"[—–:]", gap) or _has_child_noun(gap) or single):
                    break
                # "две дочери Лара и Кассиа": the last child noun before the name tells the gender
                nouns = [w for w in re.findall(r"[а-яё]+", text[token.start:m[0]]) if _has_child_noun(w)]
                gender = _CHILD_GENDER.get(_lemma(nouns[-1])) if nouns else None
                listed = True
                children.append(m)
                if gender and not ctx.entity(m[2]).gender:
                    ctx.entity(m[2]).gender = gender
                for parent in (owner, co_parent):
                    if parent is not None:
                        # "… Борис Джонсон … . Точно известно, что у него …": the quote runs from his name
                        _add_parent(ctx, min(s.start, parent[0]), s.end, parent[2], m[2], seen)
                point = m[1]


def _child_owner(ctx: Context, named: list, inside: list, s: Sentence, token: Token):
    """Who has the children the noun counts: "у него"/"у X" or "X имеет" just before it."""
    text = ctx.text
    before = text[s.start:token.start]
    at = None
    for at in _HAS_AT.finditer(before):
        pass
    if at is not None:
        if at.group(1):
            if not _HAS_GAP.match(before[at.end():]):
                return None
            gender = "female" if at.group(1) != "него" else "male"
            # the subject before ("Анна … у неё"), else the one person of the sentence before; a
            # name in another case is someone else ("Кроме Леи и Аарона у него есть …")
            earlier = [m for m in inside if m[1] <= s.start + at.start()]
            subjects = [m for m in earlier if _case(s, m) in ("Nom", None)
                        and getattr(ctx.entity(m[2]), "gender", None) == gender]
            if len({m[2] for m in subjects}) == 1:
                return subjects[-1]
            return None if earlier else _previous_owner(ctx, named, s, gender)
        name = next((m for m in inside if m[0] == s.start + at.end()), None)
        if name is not None and _HAS_GAP.match(text[name[1]:token.start]):
            return name
        return None
    subject = [m for m in inside if m[1] <= token.start and _HAS_VERB.match(text[m[1]:token.start])]
    if subject:
        return subject[-1]
    # "Бекхэм женат на Виктории и имеет троих сыновей": the subject of "иметь" further back
    verb = s.tokens[token.head] if token.head is not None else None
    if verb is None or verb.lemma != "иметь" or not _HAS_VERB.match(" " + text[verb.start:token.start]):
        return None
    heads = [verb] + ([s.tokens[verb.head]] if verb.rel == "conj" and verb.head is not None else [])
    subjects = [m for m in inside for t in s.tokens if t.rel.startswith("nsubj") and t.head in {h.index for h in heads}
                and m[0] <= t.start < m[1] and _case(s, m) in ("Nom", None)]
    return subjects[0] if len({m[2] for m in subjects}) == 1 else None


def _list_gap(gap: str) -> bool:
    from .nlp import models

    gap = _NOTE.sub(" ", re.sub(r"\bа\s+также\b", " ", gap))
    for word in re.findall(r"\(\s*\d{4}\s*\)|[А-Яа-яЁё-]+|[^\s\w]|\d+", gap):
        if word in ",—–-:" or word.startswith("(") or word.lower() in _LIST_WORDS:
            continue
        if not word[:1].islower():
            return False
        parse = models().parse_word(word)[0]
        if parse.normal_form in _CHILD_NOUNS or {"сын", "дочь"} & {p.normal_form for p in models().parse_word(word)}:
            continue
        if parse.tag.POS in ("NUMR", "ADJF") and "Apro" not in parse.tag or "Anum" in parse.tag:
            continue
        return False
    return True


def _has_child_noun(gap: str) -> bool:
    from .nlp import models

    return any({p.normal_form for p in models().parse_word(w)} & _CHILD_NOUNS for w in re.findall(r"[а-яё]+", gap))


_CHILD_GENDER = {"сын": "male", "дочь": "female", "дочка": "female"}


def _lemma(word: str) -> str:
    from .nlp import models

    return next((p.normal_form for p in models().parse_word(word) if p.normal_form in _CHILD_NOUNS), word)


def _add_parent(ctx: Context, start: int, end: int, parent: str, child: str, seen: set) -> None:
    if parent == child or (parent, child, "parent") in seen:
        return
    seen.add((parent, child, "parent"))
    term = {"male": "сын", "female": "дочь"}.get(getattr(ctx.entity(child), "gender", None) or "", "ребёнок")
    ctx.facts.kinships.append(Kinship(person=parent, relative=child, relation="parent", term=term,
                                      evidence=[ctx.evidence(start, end, 0.7)]))


# "Жанна Фриске родила Дмитрию Шепелеву сына Платона", "У Анны родилась дочь — Полина"
_BORE = re.compile(r"^\s+(?:[а-яё-]+\s+){0,2}?родила\s+$")
_BORE_CHILD = re.compile(r"^\s+(?:[а-яё-]+\s+){0,1}?(?:сына|дочь|дочку|ребёнка|ребенка)\s+(?:[—–]\s+)?$")
_BORE_WITH_CHILD = re.compile(r"^\s+(?:[а-яё-]+\s+){0,2}?родила\s+(?:[а-яё-]+\s+){0,1}?(?:сына|дочь|дочку|ребёнка|ребенка)"
                              r"\s+(?:[—–]\s+)?$")
_BORN_TO = re.compile(r"(?:^|\s)[Уу]\s+$")
_BORN_CHILD = re.compile(r"^\s+(?:[а-яё-]+\s+){0,2}?(?:родился|родилась)\s+(?:[а-яё-]+\s+){0,1}?"
                         r"(?:сын|дочь|дочка|ребёнок|ребенок)\s*(?:[,—–]\s*)?$")


def _births(ctx: Context, segs: list[Segment], seen: set) -> None:
    """A child the sentence says was born to named parents: "X родила (Y) сына Z" (X, and Y the
    father in the dative, are Z's parents), "у X родился сын Z"."""
    named = _named_persons(ctx)
    text = ctx.text
    for seg in segs:
        s = seg.sentence
        inside = _within(named, s)
        for i, mother in enumerate(inside):
            parents, child = [], None
            rest = inside[i + 1:]
            if rest and _BORE_WITH_CHILD.match(text[mother[1]:rest[0][0]]):
                parents, child = [mother], rest[0]
            elif len(rest) > 1 and _BORE.match(text[mother[1]:rest[0][0]]) \
                    and _BORE_CHILD.match(text[rest[0][1]:rest[1][0]]) and _case(s, rest[0]) == "Dat":
                parents, child = [mother, rest[0]], rest[1]  # "родила Дмитрию Шепелеву сына Платона"
            elif rest and _BORN_TO.search(text[max(s.start, mother[0] - 4):mother[0]]) \
                    and _BORN_CHILD.match(text[mother[1]:rest[0][0]]):
                parents, child = [mother], rest[0]
            if child is None:
                continue
            for parent in parents:
                if parent[2] != child[2] and (parent[2], child[2], "parent") not in seen:
                    seen.add((parent[2], child[2], "parent"))
                    ctx.facts.kinships.append(Kinship(person=parent[2], relative=child[2], relation="parent",
                                                      term="ребёнок", evidence=[ctx.evidence(s.start, s.end, 0.7)]))


# "Жарков женился в 1972 году на Любови Жарковой", "Анна вышла замуж за Олега Смирнова"
# "Бекхэм женат на Виктории", "Месси сочетался браком со своей подругой Антонеллой Рокуццо"
_MARRY_GAP = {"жениться": re.compile(r"^[^.;:!?«»\"]*?\bна\s+(?:[а-яё-]+\s+){0,3}(?:[—–]\s+)?$"),
              "выйти": re.compile(r"^[^.;:!?«»\"]*?\bзамуж\s+за\s+(?:[а-яё-]+\s+){0,3}(?:[—–]\s+)?$"),
              "сочетаться": re.compile(r"^\s+(?:[а-яё-]+\s+){0,2}?браком\s+со?\s+(?:[а-яё-]+\s+){0,3}$")}
_MARRY_GAP["женатый"] = _MARRY_GAP["жениться"]
_MARRY_GAP["женат"] = _MARRY_GAP["жениться"]
# "Ксения Собчак и актёр Максим Виторган тайно поженились": two names, then the verb
_WED_TOGETHER = re.compile(r"^\s+(?:[а-яё-]+\s+){0,3}(?:поженились|обвенчались|сыграли\s+свадьбу)\b")
_AND_NAME = re.compile(r"^\s+и\s+(?:[а-яё-]+\s+){0,3}$")


def _marriages(ctx: Context, segs: list[Segment], seen: set) -> None:
    """Who married whom, when the sentence names both: the verb's subject and the name after
    "на" ("жениться") or "замуж за" ("выйти"), or two names joined by "и" before "поженились"."""
    named = _named_persons(ctx)
    text = ctx.text
    for seg in segs:
        s = seg.sentence
        inside = _within(named, s)
        for first, second in zip(inside, inside[1:]):
            if first[2] != second[2] and _AND_NAME.match(text[first[1]:second[0]]) \
                    and _WED_TOGETHER.match(text[second[1]:s.end]) and (first[2], second[2], "spouse") not in seen:
                seen.add((first[2], second[2], "spouse"))
                ctx.facts.kinships.append(Kinship(person=first[2], relative=second[2], relation="spouse",
                                                  term="супруг", evidence=[ctx.evidence(s.start, s.end, 0.7)]))
        for verb in s.tokens:
            gap_rule = _MARRY_GAP.get(verb.lemma)
            if gap_rule is None:
                continue
            after = [m for m in named if verb.end <= m[0] and m[1] <= s.end]
            spouse = next((m for m in after if gap_rule.match(text[verb.end:m[0]])), None)
            if spouse is None or any(m[0] < spouse[0] for m in after):
                continue  # another name stands between: whose spouse it is is not sure
            gap = [t for t in s.tokens if verb.end <= t.start and t.end <= spouse[0]]
            # "женился на своей подруге Присцилле Чан" names the bride; "на подруге Анны Ивановой" does not
            cases = {t.feats.get("Case") for t in s.tokens if spouse[0] <= t.start < spouse[1]}
            if any(person_lemma(t) in KIN or t.lemma in _RELATIONAL and "Gen" in cases and t.feats.get("Case") not in cases
                   for t in gap) or (
                    verb.lemma == "жениться" and _case(s, spouse) == "Gen" and not re.search(r"[—–]\s*$", text[verb.end:spouse[0]])):
                continue  # "женился на дочери Павла Котова": the name is the bride's kin
            subjects = [t for t in s.tokens if t.head == verb.index and t.rel.startswith("nsubj")]
            # "футболист Лионель Месси сочетался": the name stands in apposition to the subject
            subjects += [t for t in s.tokens for x in subjects if t.head == x.index and t.rel == "appos"]
            owner = next((m for m in named for t in subjects if m[0] <= t.start < m[1]), None)
            if owner is None and verb.lemma in ("женатый", "женат"):  # a predicative adjective: its subject is before
                owner = next((m for m in reversed(named) if s.start <= m[0] and m[1] <= verb.start
                              and re.fullmatch(r"\s+(?:уже\s+|был\s+|была\s+)?", text[m[1]:verb.start])), None)
            if owner is None or owner[2] == spouse[2]:
                continue
            if (owner[2], spouse[2], "spouse") in seen:
                continue
            seen.add((owner[2], spouse[2], "spouse"))
            ctx.facts.kinships.append(Kinship(person=owner[2], relative=spouse[2], relation="spouse",
                                              term="супруг", evidence=[ctx.evidence(s.start, s.end, 0.7)]))


# between a kin noun and the name it governs or stands beside: lower-case words only ("дочь
# предпринимателя Яна Абрамова", "супруг британской королевы Елизаветы II", "женой, поп-дивой Шакирой")
_COMMON_GAP = re.compile(r"^(?:[\s,]+|\s+(?:[а-яё][а-яё-]*\s+){1,3})$")
_APPOSED = re.compile(r"^\s*(?:[,—–-]\s*)?$")  # "сын А.Лукашенко Виктор", "дочь Ван Цзюня, Ван Цзинцзин,"
_AND = re.compile(r"^\s+и\s+(?:[а-яё-]+\s+){0,3}$")
# "Микелла Абрамова — дочь", "Принц Филипп, супруг", "ТиДжей (TJ), сын": a name, then its kin noun
# ("Круза — и дочь Харпер": "и" joins another relative to the list, the name before is no kin of hers)
_BEFORE_KIN = re.compile(r"^\s*(?:\([^()]*\))?\s*[,—–-]\s*(?!и\s)(?:[а-яё-]+\s+){0,2}$")
_OWN = {"его": "male", "её": "female", "ее": "female", "свою": None, "своей": None, "своего": None,
        "своим": None, "своими": None, "своих": None, "свой": None, "своему": None, "свои": None}


def _named_ties(ctx: Context, segs: list[Segment], seen: set) -> None:
    """Kin ties between named persons the sentence states: "дочь Яна Абрамова Микелла",
    "Принц Филипп, супруг королевы Елизаветы II", "Барак Обама с женой Мишель", "Мейв Кеннеди и её
    сын Гидеон". Only within a sentence, and only where the words between leave no other reading."""
    named = _named_persons(ctx)
    text = ctx.text
    for seg in segs:
        s = seg.sentence
        inside = _within(named, s)
        if not inside:  # one name may still be kin to a person of the sentence before
            continue
        for token in s.tokens:
            # "Внучка" opening a sentence can be parsed as a genitive of "внучок": a kin noun
            # written in its dictionary form is that noun, in the nominative
            as_written = token.text.lower() in KIN
            lemma = token.text.lower() if as_written else token.lemma if token.lemma in KIN else person_lemma(token)
            if lemma not in KIN or not token.text[:1].islower() and token.start != s.start:
                continue
            if any(m[0] <= token.start < m[1] for m in inside):
                continue
            after = [m for m in inside if m[0] >= token.end]
            before = [m for m in inside if m[1] <= token.start]
            ties: list[tuple[str, str]] = []  # (possessor, relative)
            words = text[max(s.start, token.start - 30):token.start].lower().split()
            own = next((w for w in reversed(words[-3:]) if w in _OWN), None)
            with_ = words[-1:] in (["с"], ["со"]) or words[-2:-1] in (["с"], ["со"])
            if after and (own or with_) and _COMMON_GAP.match(" " + text[token.end:after[0][0]]) and before \
                    and text[after[0][0] - 1] in " ,":
                owner = before[-1]
                if own and own.startswith("сво"):
                    # "своим братом", "к своей сестре": the subject's kin, not that of a name in
                    # another case ("совместно с Че Геварой и своим братом Раулем")
                    subjects = [m for m in before if _case(s, m) in ("Nom", None)]
                    owner = subjects[-1] if subjects else None
                    if owner is None:
                        continue
                gender = getattr(ctx.entity(owner[2]), "gender", None)
                # "с сыном Олега Сидорова": a genitive after the kin noun is its possessor, not the relative
                apposed = _case(s, after[0]) != "Gen" or token.feats.get("Case") == "Gen"
                if apposed and not (own and _OWN[own] and gender and gender != _OWN[own]) \
                        and _clause_between(text, owner[1], token.start):
                    ties.append((owner[2], after[0][2]))
            elif after and own and _OWN[own] and not before and _COMMON_GAP.match(" " + text[token.end:after[0][0]]) \
                    and text[after[0][0] - 1] in " ," and _case(s, after[0]) != "Gen":
                # "… Ван Цзюнь пережил жену. Его брат, Ван Бин, генерал": the one person of that gender
                # the sentence before names
                owner = _previous_owner(ctx, named, s, _OWN[own])
                if owner is not None:
                    lemma_ = lemma
                    relation = KIN[lemma_]
                    if (owner[2], after[0][2], relation) not in seen and owner[2] != after[0][2]:
                        seen.add((owner[2], after[0][2], relation))
                        ctx.facts.kinships.append(Kinship(person=owner[2], relative=after[0][2], relation=relation,
                                                          term=lemma, evidence=[ctx.evidence(owner[0], s.end, 0.6)]))
            elif after and _COMMON_GAP.match(" " + text[token.end:after[0][0]]) and after[0][1] <= s.end \
                    and _genitive(s, token.end, after[0]) and (as_written or token.feats.get("Case") != "Gen") \
                    and not _counted(s, token):
                owners = [after[0]]
                rest = after[1:]
                gap = text[owners[-1][1]:rest[0][0]] if rest else ""
                # "Яна Абрамова и певицы Алсу": a second possessor, in the genitive or after a genitive noun
                if rest and _AND.match(gap) and (_case(s, rest[0]) == "Gen" or len(gap.split()) > 1) and not (
                        len(rest) > 1 and _APPOSED.match(text[rest[0][1]:rest[1][0]])):
                    owners.append(rest[0])
                    rest = rest[1:]
                relatives = []
                gap = text[owners[-1][1]:rest[0][0]] if rest else None
                if rest and _APPOSED.match(gap) and (
                        "," not in gap or text[rest[0][1]:rest[0][1] + 1] == ",") \
                        and len(owners) == 1:
                    relatives.append(rest[0])
                    # "сыновья Минтимера Шаймиева - Радик (51% акций) и Айрат"
                    if len(rest) > 1 and _AND.match(_NOTE.sub("", text[rest[0][1]:rest[1][0]])):
                        relatives.append(rest[1])
                elif before and _BEFORE_KIN.match(text[before[-1][1]:token.start]):
                    relatives.append(before[-1])
                ties += [(o[2], r[2]) for o in owners for r in relatives]
            if KIN[lemma] == "parent":  # "сыновья Минтимера Шаймиева - Радик и Айрат": brothers
                children = list(dict.fromkeys(r for _, r in ties))
                for first, second in zip(children, children[1:]):
                    term = {"male": "брат", "female": "сестра"}.get(getattr(ctx.entity(second), "gender", None) or "")
                    if term and (first, second, "relative") not in seen:
                        seen.add((first, second, "relative"))
                        ctx.facts.kinships.append(Kinship(person=first, relative=second, relation="relative",
                                                          term=term, evidence=[ctx.evidence(s.start, s.end, 0.7)]))
            for owner, relative in ties:
                relation = KIN[lemma]
                if owner == relative or (owner, relative, relation) in seen:
                    continue
                seen.add((owner, relative, relation))
                ctx.facts.kinships.append(Kinship(person=owner, relative=relative, relation=relation,
                                                  term=lemma, evidence=[ctx.evidence(s.start, s.end, 0.7)]))


def _previous_owner(ctx: Context, named: list, s: Sentence, gender: str) -> tuple[int, int, str] | None:
    """The possessor of "его"/"её" opening a sentence: the only named person of that gender in the
    sentence before (its last mention there); none when the sentence before names two."""
    before = next((x for x in reversed(ctx.analysis.sentences) if x.end <= s.start), None)
    if before is None:
        return None
    inside = _within(named, before)
    keys = {k for _, _, k in inside}
    if len(keys) != 1:
        return None
    key = keys.pop()
    if getattr(ctx.entity(key), "gender", None) != gender:
        return None
    return [m for m in inside if m[2] == key][-1]


def _counted(s: Sentence, token: Token) -> bool:
    """"две дочери Лара и Кассиа": a counted kin noun lists the relatives, it names no possessor."""
    return any(c.pos == "NUM" or c.rel == "nummod" for c in s.children(token.index)) or any(
        t.end <= token.start and t.pos == "NUM" and token.start - t.end < 3 for t in s.tokens)


def _clause_between(text: str, start: int, end: int) -> bool:
    """Nothing between the possessor and the kin noun that opens another clause or sentence part."""
    gap = text[start:end]
    return len(gap) < 40 and not re.search(r"[.;:!?«»\"]|\b(?:котор|что|когда|но|а)\b", gap)


# nouns of a tie to someone: "сын ближайшего соратника Сергея Шойгу" is the соратник's son
_RELATIONAL = {"соратник", "друг", "подруга", "коллега", "знакомый", "знакомая", "партнёр", "партнер",
               "помощник", "помощница", "сторонник", "товарищ", "соперник", "приятель", "адвокат", "охранник",
               "водитель", "любовник", "любовница", "ученик", "ученица", "секретарь", "референт"}


def _genitive(s: Sentence, start: int, mention: tuple[int, int, str]) -> bool:
    """The name is in the genitive, or the noun before it is ("предпринимателя Яна Абрамова"), and
    no noun between names another person whose kin it would be."""
    gap = [t for t in s.tokens if start <= t.start and t.end <= mention[0]]
    # "брат и соратник Фиделя Кастро": a noun joined to the kin noun shares its possessor
    joined = gap[1:2] if gap[:1] and gap[0].lemma == "и" else []
    if any((t.lemma in KIN or t.lemma in _RELATIONAL) and t not in joined for t in gap):
        return False
    # "Ван Цзюня": a foreign given name may not decline, the surname after it does
    last = [t for t in s.tokens if mention[0] <= t.start and t.end <= mention[1]][-1:]
    return _case(s, mention) in ("Gen", None) or bool(gap) and gap[-1].feats.get("Case") == "Gen" \
        or bool(last) and last[0].feats.get("Case") == "Gen"


def _case(s: Sentence, mention: tuple[int, int, str]) -> str | None:
    token = next((t for t in s.tokens if t.start >= mention[0]), None)
    return token.feats.get("Case") if token is not None else None


def _relatives(people: People, s: Sentence, token: Token) -> list[str]:
    if (count_of(s, token) or 1) > 1:
        return people.persons_for_count(s, token)
    return people.resolve(s, token)


def _possessor(ctx: Context, people: People, s: Sentence, token: Token) -> list[str]:
    children = s.children(token.index)
    for child in children:
        word = child.text.lower()
        if word in _POSSESSIVES and child.start < token.start:
            return _antecedent(people, s, token, _POSSESSIVES[word])
    for child in children:
        if child.rel == "nmod" and child.feats.get("Case") == "Gen" and not child.pos == "PROPN":
            # the possessor is the genitive itself or a name in apposition to it, never a name
            # the parser hung under it ("вдова капитана Кайкен": Кайкен is the widow)
            named = [c for c in [child] + s.children(child.index) if c is child or c.rel in ("appos", "flat:name")]
            key = next((k for k in (ctx.key_at(t.start, t.end) for t in named) if k), None)
            if key is not None:
                return [key] if type(ctx.facts.entity(key)).__name__ in ("Person", "Group") else []
            if person_lemma(child):
                return people.resolve(s, child)
    # "женщина с дочерью": the person the "с"-phrase hangs on
    if token.rel == "nmod" and any(c.lemma == "с" for c in children):
        owner = next((t for t in s.tokens if t.index == token.head), None)
        if owner is not None and (person_lemma(owner) or people.named_at(s, owner)):
            return people.resolve(s, owner)
    # "у капитана X остались супруга и дочки"
    head = next((t for t in s.tokens if t.index == token.head), None) if token.rel.startswith("nsubj") else None
    if token.rel == "conj":
        first = next((t for t in s.tokens if t.index == token.head), None)
        if first is not None and first.rel.startswith("nsubj"):
            head = next((t for t in s.tokens if t.index == first.head), None)
    if head is not None and head.lemma in _REMAIN:
        for child in s.children(head.index):
            if child.rel == "obl" and any(c.lemma == "у" for c in s.children(child.index)):
                key = people.named_at(s, child) or _named_child(ctx, s, child)
                if key:
                    return [key]
                return people.resolve(s, child, create=False)
    return []


def _named_child(ctx: Context, s: Sentence, token: Token) -> str | None:
    for child in s.children(token.index):
        key = ctx.key_at(child.start, child.end)
        if key:
            return key
    return None


def _antecedent(people: People, s: Sentence, token: Token, gender: str) -> list[str]:
    """The persons a possessive points back to, in the same sentence: nearest first."""
    before = [t for t in s.tokens if t.end <= token.start]
    if gender == "Plur":
        # "мужчину, женщину и их дочь": the coordinated persons just before
        keys: list[str] = []
        for t in reversed(before):
            if person_lemma(t) and t.feats.get("Number") != "Plur" and t.rel in ("conj", "parataxis", "obj", "appos"):
                keys = people.resolve(s, t) + keys
                if t.rel != "conj":
                    break
        return keys if len(keys) > 1 else []
    if token.rel == "conj":
        # "мужчиной, его зятем и внучкой": in a list, "его" is the person the list starts with
        first = next((t for t in s.tokens if t.index == token.head), None)
        if first is not None and first.feats.get("Gender") == gender and person_lemma(first):
            return people.resolve(s, first)[:1]
    # the phrase the possessive stands in cannot be its antecedent ("муж его дочери")
    enclosing = set()
    t = token
    while t is not None and t.rel != "conj" and t.head is not None:
        t = next((x for x in s.tokens if x.index == t.head), None)
        if t is not None:
            if t.index in enclosing:
                break  # the parser can leave a cycle of heads: walk each token once
            enclosing.add(t.index)
    for t in reversed(before):
        if t.index in enclosing:
            continue
        if t.feats.get("Gender") == gender and t.feats.get("Number") != "Plur" and (person_lemma(t) or people.named_at(s, t)):
            keys = people.resolve(s, t)
            if keys:
                return keys[:1]
    return []


def _gender_from_term(ctx: Context, token: Token, lemma: str, keys: list[str]) -> None:
    """"супруга Кайкен": the kin term tells the gender a foreign name cannot. The word's own
    gender comes first: "супруга" is also the genitive of "супруг", and lemmatises so."""
    from .groups import PERSON_NOUNS

    gender = {"Fem": "female", "Masc": "male"}.get(token.feats.get("Gender", "")) \
        if PERSON_NOUNS.get(lemma) else None
    gender = gender or PERSON_NOUNS.get(lemma)
    for key in keys:
        item = ctx.facts.entity(key)
        if gender and hasattr(item, "gender"):
            item.gender = gender


def _dead(ctx: Context, key: str) -> bool:
    item = ctx.facts.entity(key)
    words = " ".join([getattr(item, "description", None) or ""] + [m.quote for m in item.mentions]).lower()
    return bool(getattr(item, "died_in", None)) or any(w in words for w in ("погибш", "умерш", "покойн"))


def _named_persons(ctx: Context) -> list[tuple[int, int, str]]:
    """The mentions of named persons, in text order."""
    return sorted((s, e, k) for s, e, k in ctx.mentions
                  if isinstance(ctx.entity(k), Person) and not ctx.entity(k).anonymous)


def _within(mentions: list[tuple[int, int, str]], span) -> list[tuple[int, int, str]]:
    """The mentions inside a sentence (or any span with start and end)."""
    return [m for m in mentions if span.start <= m[0] and m[1] <= span.end]

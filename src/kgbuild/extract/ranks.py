"""Ranks and posts: "капитан внутренней службы", "начальник оперативного отдела", "президент США".

Every mention of a post or rank is recorded (`DocumentFacts.professions`) with the words
that belong to it: adjectives before it ("главный редактор") and the genitive phrase after
it ("министр иностранных дел", "генерал-майор полиции"). A post written next to a name
("капитана Омарова", "Иван Петров, директор школы") is the person's rank or occupation,
in the nominative; an institution or country inside the post is where the person works.
"""

from __future__ import annotations

import re

from ..model import Link, Person
from .context import Context
from .nlp import Sentence, Token, models

RANKS = frozenset("""
рядовой ефрейтор младший сержант старший старшина прапорщик лейтенант капитан майор подполковник
полковник генерал-майор генерал-лейтенант генерал-полковник генерал маршал адмирал вице-адмирал
контр-адмирал капитан-лейтенант мичман матрос унтер-офицер есаул подъесаул хорунжий
""".split()) - {"младший", "старший"}

POSTS = frozenset("""
президент вице-президент премьер премьер-министр вице-премьер министр замминистра глава губернатор
вице-губернатор мэр вице-мэр аким депутат сенатор посол консул директор гендиректор замдиректора
председатель зампред заместитель начальник руководитель командующий командир комендант офицер
сотрудник полицейский милиционер следователь прокурор судья адвокат юрист нотариус журналист
корреспондент редактор главред обозреватель ведущий телеведущий врач хирург медсестра фельдшер
учитель преподаватель профессор доцент учёный ученый академик писатель поэт драматург актёр актер
актриса режиссёр режиссер продюсер певец певица музыкант композитор дирижёр дирижер художник
скульптор архитектор фотограф спортсмен футболист хоккеист боксёр боксер теннисист баскетболист
волейболист борец бегун пловец лыжник биатлонист фигурист гимнаст шахматист тренер игрок вратарь
нападающий защитник полузащитник капитан пилот лётчик летчик космонавт астронавт водитель шофёр
машинист солдат военнослужащий военный боец охранник конвоир надзиратель контролёр инспектор
спикер пресс-секретарь представитель эксперт аналитик политолог экономист социолог историк
бизнесмен предприниматель основатель владелец совладелец акционер инвестор банкир генсек
секретарь король королева принц принцесса князь княгиня император императрица султан эмир шейх
папа патриарх митрополит епископ архиепископ священник кардинал имам муфтий раввин канцлер
лидер вождь президентский инженер рабочий фермер шахтёр строитель дипломат политик
чиновник мэрия управляющий менеджер бухгалтер аудитор консультант советник помощник референт
атташе омбудсмен уполномоченный ректор проректор декан завкафедрой студент аспирант школьник
блогер программист хакер дизайнер модель стилист повар официант продавец кассир сторож доктор
пожарный спасатель сапёр снайпер десантник пограничник морпех разведчик шпион агент детектив
палач тюремщик премьер-лидер генпрокурор омбудсман мулла аятолла генерал-губернатор
""".split()) | RANKS

# adjectives that belong to a post's name ("главный редактор", "генеральный директор")
POST_MODIFIERS = frozenset("""
главный генеральный первый чрезвычайный полномочный исполнительный художественный заслуженный
народный верховный федеральный региональный государственный специальный старший младший
постоянный официальный технический научный коммерческий финансовый спортивный военный
полевой главнокомандующий
""".split())
# what follows a rank: the service it belongs to
_SERVICE_HEADS = {"служба", "полиция", "милиция", "юстиция", "запас", "отставка", "авиация",
                  "флот", "гвардия", "армия", "войско"}
_STOP_RIGHT = re.compile(r"[,;:()—–\n]")
_QUOTE = re.compile(r"^[«»\"„“”]$")
# verbs that link a person to a post: "Петров стал директором", "судьёй назначена Иванова"
COPULAS = frozenset("стать быть являться работать служить назначить избрать занимать остаться оставаться"
                    " числиться трудиться".split())
_PUNCT = re.compile(r"^\W+$")


def attach_ranks(ctx: Context) -> None:
    persons = {p.key: p for p in ctx.facts.persons}
    person_mentions = sorted((s, e, k) for s, e, k in ctx.mentions if k in persons)
    for sentence in ctx.analysis.sentences:
        for token in sentence.tokens:
            if not (token.lemma in POSTS or _profession_by_suffix(token)) or not _is_post_word(token):
                continue
            start, end, words = _extent(ctx, sentence, token)
            if any(s <= start < e or s < end <= e for s, e, _ in person_mentions):
                continue  # a word of a name ("Капитан" as a surname)
            evidence = ctx.evidence(start, end, 0.75)
            ctx.facts.professions.append(evidence)
            age = re.search(r"(?<![\w-])\d{1,3}-летн\w+\s+$", ctx.text[max(0, start - 20):start])
            if age:  # "31-летнего футболиста"
                a_start = start - (len(ctx.text[max(0, start - 20):start]) - age.start())
                ctx.facts.links.append(Link("AGE_IS", evidence, ctx.evidence(
                    a_start, a_start + len(age.group(0).rstrip()), 0.7)))
            short = _short_extent(words, token)
            if short != (start, end):  # "гендиректор" inside "гендиректор ОАО «Башкирэнерго»"
                ctx.facts.professions.append(ctx.evidence(*short, 0.7))
            person_mention = _person_beside(ctx, start, end, person_mentions) \
                or _person_by_copula(ctx, sentence, token, person_mentions)
            if person_mention is None:
                _workplace(ctx, None, None, evidence)
                continue
            p_start, p_end, key = person_mention
            person = persons[key]
            phrase = _nominative_phrase(words, token)
            if token.lemma in RANKS:
                _add_rank(person, phrase)
            elif phrase not in person.occupations:
                person.occupations.append(phrase)
            person_ev = ctx.evidence(p_start, p_end, 0.75)
            ctx.facts.links.append(Link("WORKS_AS", person_ev, evidence))
            _workplace(ctx, person, person_ev, evidence)


# suffixes of nouns of trade ("политолог", "пианист", "хореограф", "модератор"); words that
# end so but name no trade are kept out
_TRADE_SUFFIXES = ("ист", "лог", "граф", "тор", "ёр", "нер")
_NOT_TRADES = frozenset("""
турист террорист экстремист активист сторонник участник зритель житель член гражданин человек
автор донор спонсор партнёр партнер фигурант монстр министр сектор фактор мотор вектор коридор
террор компьютер интернет лидер инсайдер аутсайдер пионер ветер лифтёр мажор минор
""".split())


def _profession_by_suffix(token: Token) -> bool:
    lemma = token.lemma
    if lemma in _NOT_TRADES or not lemma.endswith(_TRADE_SUFFIXES) or token.pos != "NOUN":
        return False
    return token.feats.get("Animacy") == "Anim"


def _is_post_word(token: Token) -> bool:
    # "глава" also means a chapter, "папа" a father; a capitalised word mid-sentence may be a name
    if token.pos not in ("NOUN", "ADJ", "PROPN"):
        return False
    return not (token.pos == "PROPN" and token.text[:1].isupper() and token.index > 0)


def _extent(ctx: Context, sentence: Sentence, head: Token) -> tuple[int, int, list[Token]]:
    """The post's words: modifiers before it, its genitive phrase after it."""
    tokens = sentence.tokens
    left = head.index
    while left > 0:
        prev = tokens[left - 1]
        if prev.lemma in POST_MODIFIERS and prev.pos == "ADJ" or (prev.text.lower() == "и" and left - 2 >= 0
                                                                  and tokens[left - 2].lemma in POST_MODIFIERS):
            left -= 1
        else:
            break
    while left < head.index and tokens[left].text.lower() == "и":
        left += 1
    right = head.index
    members = {head.index}
    for token in tokens[head.index + 1:]:
        if _QUOTE.match(token.text):
            continue  # a quoted name inside the post: главы "Газэкспорта"
        if _STOP_RIGHT.search(token.text) or token.pos in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON"):
            break
        if ctx.key_at(token.start, token.end) in _person_keys(ctx):
            break  # the name that follows the post: "президента Обамы"
        if token.head in members and token.rel in ("nmod", "amod", "flat", "flat:foreign", "nummod", "compound") \
                or token.rel == "amod" and token.head is not None and token.head > token.index:
            members.add(token.index)
            right = token.index
        else:
            break
    # a dangling adjective with no noun after it is not part of the post
    while right > head.index and tokens[right].pos == "ADJ":
        right -= 1
    if right + 1 < len(tokens) and _QUOTE.match(tokens[right + 1].text) and any(
            _QUOTE.match(t.text) for t in tokens[head.index:right + 1]):
        right += 1  # the closing quote of a quoted name
    words = tokens[left:right + 1]
    return words[0].start, words[-1].end, words


def _short_extent(words: list[Token], head: Token) -> tuple[int, int]:
    """The post without its genitive phrase: modifiers and the head word."""
    return words[0].start, head.end


def _person_keys(ctx: Context) -> set[str]:
    return {p.key for p in ctx.facts.persons}


def _person_beside(ctx: Context, start: int, end: int, person_mentions):
    """The person the post is written next to: "капитан Омаров", "Омаров, капитан ...", "Омаров — капитан"."""
    for s, e, key in person_mentions:
        # "директора ФБР 68-летнего Роберта Мюллера": an age may stand between
        if s >= end and re.fullmatch(r"\s?|\s\d{1,3}-летн\w+\s", ctx.text[end:s]):
            return s, e, key
        # "Иван Петров, директор школы", "Иван Петров — директор школы"
        if e <= start and re.fullmatch(r",\s|\s[—–]\s", ctx.text[e:start]):
            return s, e, key
    return None


def _person_by_copula(ctx: Context, sentence: Sentence, post: Token, person_mentions):
    """"Сотомайор станет первым судьёй": the subject of a linking verb whose complement is the post."""
    if post.head is None or post.rel not in ("obl", "xcomp", "obj", "nmod", "root", "ccomp"):
        return None
    verb = sentence.tokens[post.head]
    if verb.lemma not in COPULAS:
        return None
    for child in sentence.children(verb.index):
        if child.rel in ("nsubj", "nsubj:pass") and child.index != post.index:
            for s, e, key in person_mentions:
                if s <= child.start < e:
                    return s, e, key
    return None


def _add_rank(person: Person, rank: str) -> None:
    if any(r.startswith(rank) for r in person.ranks):
        return  # "капитан" adds nothing to "капитан внутренней службы"
    person.ranks = [r for r in person.ranks if not rank.startswith(r)] + [rank]


def _nominative_phrase(words: list[Token], head: Token) -> str:
    """"капитана внутренней службы" -> "капитан внутренней службы"."""
    out = []
    gender = {"Masc": "masc", "Fem": "femn"}.get(head.feats.get("Gender", ""), "masc")
    for token in words:
        if token.index < head.index:
            out.append(_inflect(token.text, {"nomn", "sing", gender}) or token.text.lower())
        elif token is head:
            out.append(_singular(token))
        else:
            out.append(token.text)
    phrase = " ".join(out)
    return phrase[:1].lower() + phrase[1:] if not words[0].text.isupper() else phrase


def _singular(token: Token) -> str:
    lemma = token.lemma
    if token.text[:1].isupper() and not token.text.isupper():
        return lemma
    return lemma


def _inflect(word: str, grammemes: set[str]) -> str | None:
    for parse in models().parse_word(word):
        if parse.tag.POS in ("ADJF", "PRTF", "NUMR"):
            form = parse.inflect(grammemes)
            if form:
                return form.word
    return None


def _workplace(ctx: Context, person: Person | None, person_ev, post_ev) -> None:
    """An institution or country named inside the post is where the person works."""
    inst_keys = {i.key for i in ctx.facts.institutions}
    place_keys = {p.key for p in ctx.facts.places}
    for s, e, key in ctx.mentions:
        if post_ev.start <= s and e <= post_ev.end and (s, e) != (post_ev.start, post_ev.end):
            if key in inst_keys or key in place_keys:
                target = ctx.evidence(s, e, 0.7)
                ctx.facts.links.append(Link("WORKPLACE", post_ev, target))
                if person is None:
                    continue
                ctx.facts.links.append(Link("WORKPLACE", person_ev, target))
                if key in inst_keys and key not in person.member_of:
                    person.member_of.append(key)

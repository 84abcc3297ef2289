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
from .groups import age_from_adjective
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
артист артистка журналистка спортсменка писательница учительница исполнительница солист солистка
проповедник монах рокер рэпер
""".split()) | RANKS

# More trades this module reads as posts. Kept apart from POSTS, which the names and groups rules
# share (they take a post word off a name): several of these are also names ("Юнкер", "Шериф").
_MORE_POSTS = frozenset("""
кинорежиссёр кинорежиссер кинопродюсер киноактёр киноактер конгрессмен клоун изобретатель голкипер
бомбардир форвард хавбек квотербек фигуристка теннисистка футболистка пловчиха гимнастка
кронпринц кронпринцесса эрцгерцог герцог герцогиня граф графиня монарх правитель правительница
понтифик шериф префект полпред постпред спецпредставитель госсекретарь госсоветник топ-менеджер
медиаменеджер моряк подводник маэстро математик физик химик биолог литературовед искусствовед
языковед кондитер педагог постановщик прозаик нардеп сановник рейнджер сапожник смотритель танцор
танцовщица фехтовальщик философ электрик электромонтёр электромонтер юрисконсульт живописец
дегустатор критик миллиардер миллионер магнат замначальника зампредседателя замглавы замсекретаря
заместительница помощница сотрудница чиновница медик исследователь законодатель градоначальник
главком главнокомандующий силовик вице-спикер балерина комик диджей волонтёр волонтер стоматолог
хирург-стоматолог ассистент репортёр репортер фронтмен парламентарий сопредседатель
поэтесса священнослужитель настоятель киллер наёмник наемник боевик главарь
босс болельщик болельщица швея монахиня видеоблогер егерь юнкер комиссар горничная шеф хранитель
бортпроводница санитар водолаз докер разработчик налоговик пехотинец капрал военспец госслужащий
госчиновник работник служащий няня нянечка кухарка
""".split())
# a founder, an owner or a shareholder holds no post (nor does NEREL mark one)
_NOT_POSTS = frozenset("основатель владелец совладелец акционер инвестор".split())
_ALL_POSTS = (POSTS | _MORE_POSTS) - _NOT_POSTS

# adjectives that belong to a post's name ("главный редактор", "генеральный директор")
POST_MODIFIERS = frozenset("""
главный генеральный первый чрезвычайный полномочный исполнительный художественный верховный
федеральный региональный государственный специальный старший младший
постоянный официальный технический научный коммерческий финансовый спортивный военный
полевой главнокомандующий общественный политический бригадный наследный теневой духовный высший
муниципальный пляжный индивидуальный цирковой почётный почетный тайный
""".split())
# adjectives of honorary titles: "народный артист России", "заслуженный врач"
_HONOURS = frozenset("народный заслуженный".split())
# what follows a rank: the service it belongs to
_SERVICE_HEADS = {"служба", "полиция", "милиция", "юстиция", "запас", "отставка", "авиация",
                  "флот", "гвардия", "армия", "войско"}
_STOP_RIGHT = re.compile(r"[,;:()—–\n]")
_QUOTE = re.compile(r"^[«»\"„“”]$")
# verbs that link a person to a post: "Петров стал директором", "судьёй назначена Иванова"
COPULAS = frozenset("стать быть являться работать служить назначить избрать занимать остаться оставаться"
                    " числиться трудиться выступить выступать".split())
_PUNCT = re.compile(r"^\W+$")


def attach_ranks(ctx: Context) -> None:
    persons = {p.key: p for p in ctx.facts.persons}
    person_mentions = sorted((s, e, k) for s, e, k in ctx.mentions if k in persons)
    inst_keys = {i.key for i in ctx.facts.institutions}
    inst_spans = [(s, e) for s, e, k in ctx.mentions if k in inst_keys]
    posts: list[tuple] = []  # (evidence, head token, words, person mention or None, how found)
    sentences = ctx.analysis.sentences
    for number, sentence in enumerate(sentences):
        for token in sentence.tokens:
            if not (token.lemma in _ALL_POSTS or token.lemma.startswith("экс-") and token.lemma[4:] in _ALL_POSTS
                    or _profession_by_suffix(token) or _member_of(sentence, token) or _compound_post(token)) \
                    or not _is_post_word(token):
                continue
            if any(s <= token.start and token.end <= e for s, e in inst_spans):
                continue  # a word of a body's name: "Палаты представителей", "Совета директоров"
            start, end, words = _extent(ctx, sentence, token)
            reach = end  # where the words of the post or title end, before the name they precede
            if token.index > 0 and sentence.tokens[token.index - 1].lemma in _HONOURS:
                # "народный артист России" is an honorary title (an award); the trade is "артист"
                start, end, words = token.start, token.end, [token]
            if words[0] is token and token.text.lower().startswith("экс-"):
                start += 4  # "экс-глава МВД": the post is "глава МВД", the former holder is still its person
            if any(s <= start < e or s < end <= e for s, e, _ in person_mentions):
                continue  # a word of a name ("Капитан" as a surname)
            evidence = ctx.evidence(start, end, 0.75)
            ctx.facts.professions.append(evidence)
            age = re.search(r"(?<![\w-])[\w-]*летн\w+\s+$", ctx.text[max(0, start - 40):start])
            if age and age_from_adjective(age.group(0).strip()):  # "31-летнего футболиста", "двадцатилетний пианист"
                a_start = start - (len(ctx.text[max(0, start - 40):start]) - age.start())
                ctx.facts.links.append(Link("AGE_IS", evidence, ctx.evidence(
                    a_start, a_start + len(age.group(0).rstrip()), 0.7)))
            short = (start, token.end)  # the modifiers and the head, without the genitive phrase
            if short != (start, end) and token.lemma not in _RELATIONAL:
                # "гендиректор" inside "гендиректор ОАО «Башкирэнерго»", but a bare "глава" or
                # "представитель" names no post without its body
                ctx.facts.professions.append(ctx.evidence(*short, 0.7))
            # "сенатор от штата Вермонт Берни Сандерс": whom the holder represents is not part of the post
            after = _person_after(ctx, token, reach, person_mentions,
                                  r"[»”]?(?:\s?|\s\d{1,3}-летн\w+\s|\sот\s(?:[\w«»\"-]+\s){1,4}|\s\([^()\n]{1,40}\)\s"
                                  + (_PLURAL_GAP if token.feats.get("Number") == "Plur" else "") + ")")
            previous = sentences[max(0, number - 1)]

            def resolve(pronoun: Token, sentence=sentence, previous=previous):
                return _person_told_before(ctx, previous, sentence, pronoun, person_mentions, persons)

            before = None if after else _person_before(ctx, start, person_mentions)
            person_mention = after or before or _person_by_copula(ctx, sentence, token, person_mentions, resolve)
            how = "after" if after else "before" if before else "copula" if person_mention else None
            if person_mention is None and short == (start, end):
                person_mention = _person_told_before(ctx, sentences[max(0, number - 1)], sentence, token,
                                                     person_mentions, persons)
                how = "anaphor" if person_mention else None
            posts.append((evidence, token, words, person_mention, how))
    # posts listed before one name are all that person's: "композитор и дирижёр Кшиштоф Пендерецкий"
    for i in range(len(posts) - 1, 0, -1):
        evidence, token, words, mention, how = posts[i]
        previous = posts[i - 1]
        if how == "after" and (previous[3] is None or previous[4] == "anaphor") \
                and _listed(ctx, previous[0].end, evidence.start):
            posts[i - 1] = (*previous[:3], mention, "after")
    # posts listed after a name are all that person's: "Иван Петров, профессор, академик"
    for i in range(1, len(posts)):
        evidence, token, words, mention, how = posts[i]
        previous = posts[i - 1]
        if (mention is None or how == "anaphor") and previous[3] is not None and previous[4] in ("before", "listed") \
                and _listed(ctx, previous[0].end, evidence.start):
            posts[i] = (evidence, token, words, previous[3], "listed")
    _bodies_by_verb(ctx, persons, person_mentions, {token.start: evidence for evidence, token, *_ in posts})
    _bodies_after_names(ctx, persons, person_mentions)
    for evidence, token, words, mention, how in posts:
        if mention is None:
            _workplace(ctx, None, None, evidence, token.lemma in _ENVOYS)
            continue
        mentions = [mention]
        if how in ("after", "copula") and token.feats.get("Number") == "Plur":
            mentions += _listed_names(ctx, mention, person_mentions)  # "музыканты А, Б и В"
        phrase = _nominative_phrase(words, token)
        for p_start, p_end, key in mentions:
            person = persons[key]
            if token.lemma in RANKS:
                _add_rank(person, phrase)
            elif phrase not in person.occupations:
                person.occupations.append(phrase)
            person_ev = ctx.evidence(p_start, p_end, 0.75)
            ctx.facts.links.append(Link("WORKS_AS", person_ev, evidence))
            _workplace(ctx, person, person_ev, evidence, token.lemma in _ENVOYS)


# posts that need their body or superior to mean anything: "глава МВД", "заместитель министра"
_RELATIONAL = frozenset("""глава представитель председатель руководитель сотрудник начальник заместитель
лидер член организатор оператор игрок защитник специалист директор командир командующий артист
участник помощник сотрудница помощница заместительница""".split())


# what may stand between a plural post and the names it introduces: "музыканты: А, Б", "писатели и
# критики, среди которых — А и Б", "музыкантов, в том числе А"
_PLURAL_GAP = r"|\s?[—:]\s|,?\s(?:среди\s(?:которых|них)|в\sтом\sчисле|включая)(?:\s?[—:])?\s"


# what separates names listed after a plural post: "музыканты Юрий Царёв (проект «Метро»), Алексей Борисов и ..."
_NAMES_LISTED = re.compile(r"(?:\s\([^()\n]{1,40}\))?(?:,\s|\s(?:и|а\s+также)\s)|\s(?:из|от)\s[^,\n]{1,30}(?:,\s|\sи\s)")


def _listed(ctx: Context, end: int, start: int) -> bool:
    """Posts one after another: ", ", " и ", and adjectives of the next one ("и бывший лидер")."""
    gap = re.fullmatch(r"(,\s|\s(?:и|,)\s|,\s(?:а\s+)?также\s)((?:[а-яё-]+\s){0,2})", ctx.text[end:start])
    return bool(gap) and all(t.pos == "ADJ" for t in ctx.analysis.tokens_in(end + len(gap.group(1)), start))


def _listed_names(ctx: Context, first, person_mentions) -> list:
    found, last_end = [], first[1]
    for s, e, key in person_mentions:
        if s < last_end:
            continue
        if not _NAMES_LISTED.fullmatch(ctx.text[last_end:s]):
            break
        found.append((s, e, key))
        last_end = e
    return found


def _person_told_before(ctx: Context, previous: Sentence, sentence: Sentence, post: Token,
                        person_mentions, persons):
    """"Мадонна сообщила … 61-летняя певица рассказала": a lone post in the singular names the
    one person the text has just spoken of, when no one else is named since the sentence before."""
    if post.feats.get("Number") == "Plur" or post.rel not in ("nsubj", "nsubj:pass") \
            or post.feats.get("Case") != "Nom":
        return None  # "адвокату", "смерти журналиста": not a reference to who acts
    verb = sentence.tokens[post.head] if post.head is not None else None
    if verb is not None and verb.start < post.start and verb.lemma not in _SAYING:
        # "в Киеве погиб полицейский": a subject after its verb brings someone new onto the
        # scene; after a verb of saying ("— рассказала певица") it is the one just quoted
        return None
    named = [m for m in person_mentions if previous.start <= m[0] and m[1] <= sentence.end]
    before = [m for m in named if m[1] <= post.start]
    if before and len({k for _, _, k in named}) != 1:
        # several persons named: the one the sentence before was about, its subject, when the post
        # opens the next sentence's clause ("Путин встретился с Трампом. Президент России заявил …")
        subject = _subject_mention(previous, person_mentions) if previous is not sentence else None
        if subject is None or any(sentence.start <= m[0] < post.start for m in named):
            return None
        before = [subject]
    if not before:
        return None
    if any(m[2] == before[-1][2] and post.end <= m[0] < sentence.end for m in named):
        return None  # "полицейский был охранником Мосийчука": the person is named apart from the post
    person = persons[before[-1][2]]
    gender = {"Masc": "male", "Fem": "female"}.get(post.feats.get("Gender", ""))
    if person.gender and gender and person.gender != gender and post.lemma not in _COMMON_GENDER:
        return None
    return before[-1]


def _subject_mention(sentence: Sentence, person_mentions):
    """The named person who is the subject of a sentence's main verb, if any."""
    root = next((t for t in sentence.tokens if t.head is None), None)
    if root is None:
        return None
    for child in sentence.children(root.index):
        if child.rel in ("nsubj", "nsubj:pass"):
            if any(c.rel == "conj" for c in sentence.children(child.index)):
                return None  # "Анна Петрова и Олег Смирнов дали концерт": either could be meant
            return next((m for m in person_mentions if m[0] <= child.start < m[1]), None)
    return None


# verbs after which a subject stands when it closes a quotation ("— заявил президент")
_SAYING = frozenset("""сказать заявить сообщить рассказать отметить добавить подчеркнуть пояснить
уточнить признаться написать ответить говорить заявлять сообщать рассказывать отмечать считать
напомнить признать цитировать передать""".split())


# posts that name a woman in the masculine: "Меркель — канцлер", "судья Иванова"
_COMMON_GENDER = frozenset("""канцлер президент премьер министр судья глава посол врач директор""".split())


# verbs that tie their subject to the body they govern: "возглавил «Михайловский ГОК»",
# "управлявшая Рособрнадзором", "работал в министерстве обороны", "входил в The Prodigy"
_HEADING = frozenset("возглавить возглавлять руководить управлять".split())
_WORKING_IN = frozenset("работать служить трудиться входить вступить состоять".split())


def _bodies_by_verb(ctx: Context, persons, person_mentions, post_at: dict | None = None) -> None:
    inst_keys = {i.key for i in ctx.facts.institutions}
    inst_mentions = [(s, e, k) for s, e, k in ctx.mentions if k in inst_keys]
    sentences = ctx.analysis.sentences
    for number, sentence in enumerate(sentences):
        for verb in sentence.tokens:
            if verb.lemma not in _HEADING and verb.lemma not in _WORKING_IN or verb.pos not in ("VERB", "AUX"):
                continue
            # "работал адвокатом в хедж-фонде": the post the verb names is held at the body too
            post_token = next((c for c in sentence.children(verb.index)
                               if verb.lemma in _WORKING_IN and c.rel in ("obl", "xcomp")
                               and c.feats.get("Case") == "Ins" and c.start in (post_at or {})), None)
            post = post_at[post_token.start] if post_token is not None else None
            person = _doer(sentence, verb, person_mentions)
            pronoun = next((c for c in sentence.children(verb.index)
                            if c.rel == "nsubj" and c.pos == "PRON" and c.lemma in ("он", "она")), None)
            if person is None and pronoun is not None:  # "В 2005 году он возглавил компанию"
                person = _person_told_before(ctx, sentences[max(0, number - 1)], sentence, pronoun,
                                             person_mentions, persons)
            if person is None and post is None:
                continue
            places = [c for c in sentence.children(verb.index) if c.rel.split(":")[0] in ("obj", "obl", "iobj")]
            if post_token is not None:  # "работал инженером на заводе", the parser hanging the body on the post
                places += [c for c in sentence.children(post_token.index) if c.rel == "nmod"]
            for child in places:
                case = {c.text.lower() for c in sentence.children(child.index) if c.rel == "case"}
                if verb.lemma in _WORKING_IN and not case & {"в", "во", "на"}:
                    continue
                # the body itself, or its name beside a common noun: "в хедж-фонде Bridgewater Associates"
                starts = [child.start] + [c.start for c in sentence.children(child.index) if c.rel == "appos"]
                body = next(((s, e, k) for s, e, k in inst_mentions if any(s <= x < e for x in starts)), None)
                if body is None:
                    continue
                s, e, _ = body
                if post is not None and not (post.start <= s < post.end):
                    ctx.facts.links.append(Link("WORKPLACE", post, ctx.evidence(s, e, 0.65)))
                if person is None:
                    continue
                _works_at(ctx, persons, person, body, 0.65)


# "Игорь Журавлёв из группы «Альянс»", "Коби Брайант из Los Angeles Lakers": the body a person is from
_FROM_BODY = re.compile(r"\s(?:\([^()\n]{1,40}\)\s)?из\s((?:[а-яё-]+\s){0,2})[«\"]?")


def _bodies_after_names(ctx: Context, persons, person_mentions) -> None:
    inst_keys = {i.key for i in ctx.facts.institutions}
    bodies = {s: (s, e, k) for s, e, k in sorted(ctx.mentions, key=lambda m: m[1] - m[0]) if k in inst_keys}
    for p_start, p_end, p_key in person_mentions:
        gap = _FROM_BODY.match(ctx.text, p_end)
        if gap is None or "состав" in gap.group(1):
            continue  # "вывел Грызлова из состава Совета": no longer there
        body = bodies.get(gap.end())
        if body is None:
            continue
        _works_at(ctx, persons, (p_start, p_end, p_key), body, 0.6)


def _works_at(ctx: Context, persons, person: tuple, body: tuple, confidence: float) -> None:
    """The person (a mention) works at the body (a mention): the link, and the membership."""
    p_start, p_end, p_key = person
    s, e, key = body
    ctx.facts.links.append(Link("WORKPLACE", ctx.evidence(p_start, p_end, confidence), ctx.evidence(s, e, confidence)))
    if key not in persons[p_key].member_of:
        persons[p_key].member_of.append(key)


def _doer(sentence: Sentence, verb: Token, person_mentions):
    """The named subject of a verb, or of the participle's noun ("Глебова, управлявшая …")."""
    subjects = [c for c in sentence.children(verb.index) if c.rel in ("nsubj", "nsubj:pass")]
    if not subjects and verb.rel in ("acl", "amod") and verb.head is not None:
        subjects = [sentence.tokens[verb.head]]
    for subject in subjects:
        for s, e, key in person_mentions:
            if s <= subject.start < e:
                return s, e, key
    return None


def _member_of(sentence: Sentence, token: Token) -> bool:
    """"член Совета Федерации", "член правления": a seat in a body that governs, judges or
    legislates (a member of a party, a family or a sect holds no post)."""
    if token.lemma != "член" or token.pos != "NOUN":
        return False
    return any(t.rel == "nmod" and t.feats.get("Case") == "Gen" and t.lemma in _SEATS
               for t in sentence.children(token.index))


_SEATS = frozenset("""правительство парламент совет сенат конгресс палата суд правление коллегия бундестаг
совфед дума госдума кабинет комитет президиум политбюро цк академия меджлис рада кнессет сейм
ассамблея""".split())


# suffixes of nouns of trade ("политолог", "пианист", "хореограф", "модератор"); words that
# end so but name no trade (followers of a party or a creed: "коммунист", "сепаратист") are kept out
_TRADE_SUFFIXES = ("ист", "лог", "граф", "тор", "ёр", "нер")
_NOT_TRADES = frozenset("""
турист террорист экстремист активист сторонник участник зритель житель член гражданин человек
автор донор спонсор партнёр партнер фигурант монстр министр сектор фактор мотор вектор коридор
террор компьютер интернет лидер инсайдер аутсайдер пионер ветер лифтёр мажор минор акционер
кредитор консерватор оппозиционер правоцентрист сепаратист коммунист исламист фашист антифашист анархист
социалист нацист националист лейборист марксист пацифист уклонист
""".split())


def _profession_by_suffix(token: Token) -> bool:
    lemma = token.lemma
    if lemma in _NOT_TRADES or not lemma.endswith(_TRADE_SUFFIXES) or token.pos != "NOUN":
        return False
    return token.feats.get("Animacy") == "Anim"


def _is_post_word(token: Token) -> bool:
    # "глава" also means a chapter, "папа" a father; a capitalised word mid-sentence may be a name,
    # but not a head of state's title ("встретился с Президентом России")
    if token.pos not in ("NOUN", "ADJ", "PROPN"):
        return False
    if token.lemma in ("военный", "рабочий", "ведущий") and token.rel == "amod" and token.pos == "ADJ":
        return False  # "военное положение", "рабочая группа", "ведущие компании": an adjective, not a post
    return not (token.pos == "PROPN" and token.text[:1].isupper() and token.index > 0
                and token.lemma not in _TITLES)


# titles written with a capital letter mid-sentence out of respect
_TITLES = frozenset("""президент вице-президент премьер-министр император императрица король королева
принц принцесса кронпринц папа патриарх канцлер губернатор генсек""".split())


def _compound_post(token: Token) -> bool:
    """"рок-музыкант", "писатель-фронтовик", "журналиста-расследователя": a hyphenated noun with
    a post at either end."""
    parts = token.text.lower().split("-")
    if len(parts) < 2 or token.pos != "NOUN" or parts[0] == "экс":
        return False
    for part in (parts[-1], parts[0]):
        parses = models().parse_word(part)
        if parses and any(p.normal_form in _ALL_POSTS for p in parses[:2] if p.tag.POS == "NOUN"):
            return True
    return False


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
    named = _named_bodies(ctx)
    skip_to = -1
    for token in tokens[head.index + 1:]:
        if token.start < skip_to:
            members.add(token.index)
            right = token.index
            continue
        if _QUOTE.match(token.text):
            if token.text in "»”" and not any(t.text in "«„“" for t in tokens[head.index:token.index]):
                break  # the post itself was quoted: «король азартных игр» 97-летний Стэнли Хо
            continue  # a quoted name inside the post: главы "Газэкспорта"
        if token.text == "по" and token.head is not None and token.head > token.index \
                and tokens[token.head].head in members and tokens[token.head].rel == "nmod" \
                and tokens[token.head].lemma not in _NOT_A_FIELD:
            continue  # "помощник президента по национальной безопасности"
        following = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
        if token.text.lower() == "и" and following is not None and following.rel == "conj" \
                and following.head in members and following.head != head.index \
                and following.feats.get("Case") == "Gen" == tokens[following.head].feats.get("Case"):
            continue  # two fields of one post: "актёр театра и кино", "министр промышленности и торговли"
        if head.lemma in _ENVOYS and following is not None and following.start in named \
                and (token.text.lower() == "при" or token.text.lower() in ("в", "во")
                     and ctx.key_at(following.start, following.end) in _countries(ctx)):
            # where an envoy is sent: "посол России в США", "постоянный представитель при ООН"
            skip_to = named[following.start]
            members.add(token.index)
            right = token.index
            continue
        if _STOP_RIGHT.search(token.text) or token.pos in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON"):
            break
        if ctx.key_at(token.start, token.end) in _person_keys(ctx):
            break  # the name that follows the post: "президента Обамы"
        end = named.get(token.start)
        if end and all(_QUOTE.match(t.text) for t in tokens[right + 1:token.index]) \
                and (token.feats.get("Case") in (None, "Gen") or token.text.isupper() or not token.text.isalpha()
                     or _QUOTE.match(tokens[token.index - 1].text) or token.rel == "appos" and token.head in members):
            # a body or country the parser did not attach: "князь Монако", "вокалист группы The Prodigy"
            skip_to = end
            members.add(token.index)
            right = token.index
            continue
        if token.head in members and token.rel in ("nmod", "amod", "flat", "flat:foreign", "nummod", "compound") \
                or token.rel == "conj" and token.head in members and token.head != head.index \
                and token.feats.get("Case") == "Gen" == tokens[token.head].feats.get("Case") \
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


# envoys, whose post names where they are sent: "посол в России", "представитель РФ при ООН"
_ENVOYS = frozenset("посол представитель постпред полпред консул посланник спецпредставитель атташе".split())

# "генералов полиции по делу Голунова": what "по" introduces here is no field of the post
_NOT_A_FIELD = frozenset("дело обвинение подозрение приговор данные слово причина итог результат просьба".split())


def _named_bodies(ctx: Context) -> dict[int, int]:
    """Where each institution or place mention starts, and where it ends (the longest)."""
    keys = {i.key for i in ctx.facts.institutions} | {p.key for p in ctx.facts.places}
    found: dict[int, int] = {}
    for s, e, key in ctx.mentions:
        if key in keys and e > found.get(s, -1) and ctx.text[s:s + 1].isupper():
            found[s] = e
    return found


def _short_extent(words: list[Token], head: Token) -> tuple[int, int]:
    """The post without its genitive phrase: modifiers and the head word."""
    return words[0].start, head.end


def _countries(ctx: Context) -> set[str]:
    return {p.key for p in ctx.facts.places if p.place_type == "страна"}


def _person_keys(ctx: Context) -> set[str]:
    return {p.key for p in ctx.facts.persons}


def _person_after(ctx: Context, head: Token, end: int, person_mentions, gap: str):
    """The name the post stands before: "капитан Омаров"; "директора ФБР 68-летнего Роберта Мюллера".
    Not a name in the genitive after a post that is not ("адвокат Маркива" is Markiv's lawyer)."""
    for i, (s, e, key) in enumerate(person_mentions):
        if s >= end and re.fullmatch(gap, ctx.text[end:s]):
            name = ctx.analysis.tokens_in(s, e)
            cases = {t.feats.get("Case") for t in name} - {None}
            if head.feats.get("Case") == "Gen" and name and (_not_genitive(name[0].text) or cases and "Gen" not in cases
                                                              and not any(_indeclinable(t.text) for t in name)):
                return None  # "дочь капитана Ханна", "заместитель министра Иванов": the name is the first noun's
            if head.feats.get("Case") in ("Nom", "Dat", "Ins", "Loc") and name \
                    and all(t.feats.get("Case") == "Gen" for t in name):
                # "пресс-секретарю Билла Клинтона Джо Локхарту": the name after the genitive one
                following = person_mentions[i + 1] if i + 1 < len(person_mentions) else None
                if following and ctx.text[e:following[0]] == " ":
                    return following
                return None
            return s, e, key
    return None


def _not_genitive(word: str) -> bool:
    """A given name the dictionary knows, in no form of the genitive ("Мария", "Грету")."""
    parses = models().parse_word(word.lower())
    return any("Name" in p.tag for p in parses) and not any(p.tag.case == "gent" for p in parses)


def _indeclinable(word: str) -> bool:
    """A name whose case the tagger can only guess: "Бейонсе", "Ким"."""
    parses = models().parse_word(word.lower())
    return not parses or any("Fixd" in p.tag or "UNKN" in p.tag for p in parses)


def _person_before(ctx: Context, start: int, person_mentions):
    """The name the post follows: "Иван Петров, директор школы", "Иван Петров — директор школы".
    A name right after the post wins ("артистка Надежда Бабкина, митрополит Варнава")."""
    for s, e, key in person_mentions:
        if e > start:
            break
        # an alias or an abbreviation in brackets may stand between: "Томас Шефер (Thomas Schäfer), министр"
        gap = re.fullmatch(r"((?:\s\([^()\n]{1,40}\))?(?:,\s|\s[—–-]\s))((?:[а-яё-]+\s){0,3})", ctx.text[e:start])
        if gap and all(t.pos == "ADJ" for t in ctx.analysis.tokens_in(e + len(gap.group(1)), start)):
            return s, e, key  # "Элвиса Вейса, брюссельского профессионального дизайнера"
    return None


def _person_by_copula(ctx: Context, sentence: Sentence, post: Token, person_mentions, resolve=None):
    """"Сотомайор станет первым судьёй", "Амано был дипломатом", "Цвангираи занял пост
    премьер-министра", "назначил Иванова министром": the person a linking verb gives the post."""
    tokens = sentence.tokens
    node = post
    for _ in range(2):  # "был министром здравоохранения, а затем министром иностранных дел"
        if node.rel == "conj" and node.head is not None:
            node = tokens[node.head]
    if any(c.rel == "cop" for c in sentence.children(node.index)):
        return _agent(sentence, node, post, person_mentions, resolve)
    if node.head is None:
        return None
    verb = tokens[node.head]
    if node.rel == "nmod" and verb.lemma in _POST_NOUNS and verb.head is not None:
        verb = tokens[verb.head]
        return _agent(sentence, verb, post, person_mentions, resolve) if verb.lemma in _HOLDING | _APPOINTING else None
    if node.rel not in ("obl", "xcomp", "obj", "nmod", "root", "ccomp") or verb.lemma not in COPULAS:
        return None
    return _agent(sentence, verb, post, person_mentions, resolve)


# verbs whose object is the person given the post: "назначил Иванова министром"
_APPOINTING = frozenset("назначить избрать утвердить переизбрать".split())
# "занял пост премьер-министра", "покинул должность директора", "назначен на пост главы МВД"
_POST_NOUNS = frozenset("пост должность".split())
_HOLDING = frozenset("занять занимать покинуть оставить сохранить заступить вступить уйти".split())


def _agent(sentence: Sentence, verb: Token, post: Token, person_mentions, resolve=None):
    """The verb's subject, or its object when it appoints someone ("назначил Иванова"); a
    subject "он"/"она" is the one person the text has just named ("Он был назначен послом")."""
    active = verb.feats.get("Voice") != "Pass" and verb.feats.get("VerbForm") != "Part"
    rels = ("obj",) if verb.lemma in _APPOINTING and active else ("nsubj", "nsubj:pass")
    for child in sentence.children(verb.index):
        if child.rel not in rels or child.index == post.index:
            continue
        # the subject itself, or a name in apposition to it ("назначен генерал Владимир Чиркин")
        for token in [child] + [t for t in sentence.children(child.index) if t.rel in ("appos", "flat:name")]:
            for s, e, key in person_mentions:
                if s <= token.start < e:
                    return s, e, key
        if resolve is not None and child.pos == "PRON" and child.lemma in ("он", "она"):
            return resolve(child)
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
    phrase = out[0] if out else ""
    for previous, token, word in zip(words, words[1:], out[1:]):  # the text's own spacing: «Башинформа»
        phrase += (" " if token.start > previous.end else "") + word
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


_NO_WORKPLACE = re.compile(r"(?i)^(?:со)?(?:основател|учредител|владел|акционер|инвестор|студент|аспирант"
                           r"|школьни|выпускни|слушател|болельщик)")


def _workplace(ctx: Context, person: Person | None, person_ev, post_ev, envoy: bool = False) -> None:
    """An institution or country named inside the post is where the person works."""
    inst_keys = {i.key for i in ctx.facts.institutions}
    place_keys = {p.key for p in ctx.facts.places}
    inner = [(s, e, key) for s, e, key in ctx.mentions
             if post_ev.start <= s and e <= post_ev.end and (s, e) != (post_ev.start, post_ev.end)
             and (key in inst_keys or key in place_keys)]
    if _NO_WORKPLACE.search(post_ev.quote.split()[0]):
        return  # a founder, an owner or a student does not work there
    countries = _countries(ctx)
    sent_to = [m for m in inner if envoy and (
        re.search(r"\sпри\s$", ctx.text[post_ev.start:m[0]])
        or m[2] in countries and re.search(r"\sв[о]?\s$", ctx.text[post_ev.start:m[0]]))]
    if sent_to:  # "посол США в России", "представитель России при ООН": the envoy works where sent
        inner = [m for m in inner if m in sent_to or any(s <= m[0] and m[1] <= e for s, e, _ in sent_to)]
    # a body, or a place named by its name ("министр финансов немецкой земли Гессен")
    has_body = any(k in inst_keys or ctx.text[s:s + 1].isupper() for s, _, k in inner)
    for s, e, key in inner:
        # "глава управления мусульман Ингушетии": the body is the workplace, not its region;
        # "председатель китайской корпорации CITIC", "министр немецкой земли Гессен": nor the
        # country of its adjective
        if key in place_keys and (any(k in inst_keys and s2 <= s and e <= e2 and (s2, e2) != (s, e)
                                      for s2, e2, k in inner) or has_body and ctx.text[s:s + 1].islower()):
            continue
        target = ctx.evidence(s, e, 0.7)
        ctx.facts.links.append(Link("WORKPLACE", post_ev, target))
        if person is None:
            continue
        ctx.facts.links.append(Link("WORKPLACE", person_ev, target))
        if key in inst_keys and key not in person.member_of:
            person.member_of.append(key)

"""People without names: noun phrases of person nouns become anonymous persons or groups.

"шестерых заключённых" is a group of 6, "мужчину" an anonymous man, "их трёхлетнюю дочь" an
anonymous girl aged 3. `People` resolves a noun-phrase head to the keys of the persons and
groups it refers to, creating them on first mention and keeping every mention as evidence.
Reference back ("они", "преступники", "конвоируемые", "трое сотрудников, включая X") is
resolved against what the story has set up so far (`Story`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Group, Person
from .context import Context
from .nlp import Sentence, Token, models

# lemma -> gender ("male", "female" or None when the word does not tell)
PERSON_NOUNS: dict[str, str | None] = {
    "мужчина": "male", "женщина": "female", "девочка": "female", "мальчик": "male",
    "ребёнок": None, "ребенок": None, "дети": None, "девушка": "female", "парень": "male",
    "подросток": None, "старик": "male", "старушка": "female", "пенсионер": "male",
    "пенсионерка": "female", "человек": None, "люди": None, "житель": None, "жительница": "female",
    "прохожий": None, "водитель": None, "пассажир": None, "пешеход": None, "велосипедист": None,
    "мотоциклист": None, "турист": None, "пациент": None, "посетитель": None, "покупатель": None, "студент": "male", "студентка": "female",
    "школьник": "male", "школьница": "female", "сотрудник": None, "сотрудница": "female",
    "военнослужащий": None, "солдат": "male", "офицер": None, "полицейский": None,
    "охранник": None, "конвоир": None, "надзиратель": None, "заключённый": None, "заключенный": None,
    "осуждённый": None, "осужденный": None, "преступник": None, "бандит": None, "грабитель": None,
    "налётчик": None, "налетчик": None, "боевик": None, "террорист": None, "беглец": None,
    "нападавший": None, "конвоируемый": None, "заложник": None, "заложница": "female", "коллега": None, "врач": None,
    "пожарный": None, "спасатель": None, "милиционер": None, "инспектор": None, "курсант": None,
    "сослуживец": "male", "напарник": "male", "товарищ": None, "герой": None,
    "инкассатор": None, "родственник": None, "родственница": "female", "контролёр": None, "контролер": None, "кассир": None, "продавец": None, "бизнесмен": "male", "директор": None,
    "министр": None, "подозреваемый": None, "обвиняемый": None, "рабочий": None, "ветеран": None,
    "выпускник": "male", "ученик": "male", "фермер": None, "охотник": None, "неизвестный": None,
    "злоумышленник": None, "погибший": None, "пострадавший": None, "раненый": None,
    "убийца": None, "горняк": "male", "шахтёр": "male", "шахтер": "male", "рыбак": "male", "моряк": "male",
    "матрос": "male", "лётчик": "male", "летчик": "male", "пилот": None, "журналист": None,
    "журналистка": "female", "учитель": None, "учительница": "female", "альпинист": None,
    "болельщик": None, "демонстрант": None, "беженец": None, "паломник": None,
    "прихожанин": "male", "прихожанка": "female", "горожанин": "male", "горожанка": "female",
    "дочь": "female", "дочка": "female", "сын": "male", "зять": "male", "невестка": "female",
    "внучка": "female", "внук": "male", "жена": "female", "муж": "male", "супруга": "female",
    "супруг": "male", "вдова": "female", "вдовец": "male", "мать": "female", "мама": "female",
    "отец": "male", "папа": "male", "брат": "male", "сестра": "female", "бабушка": "female",
    "дедушка": "male", "дед": "male", "тёща": "female", "теща": "female", "тесть": "male",
    "свекровь": "female", "свёкор": "male", "свекор": "male", "племянник": "male",
    "племянница": "female", "дядя": "male", "тётя": "female", "тетя": "female",
}
# nouns of a nationality or people, masculine and feminine ("задержан россиянин", "погибла
# француженка"): NEREL marks them and links them to events as persons; left out are those whose
# common sense is a thing ("испанка" a flu, "финка" a knife, "полька" a dance)
_DEMONYM_PAIRS = """россиянин россиянка американец американка англичанин англичанка британец британка
француз француженка немец немка итальянец итальянка испанец португалец португалка голландец бельгиец
бельгийка швейцарец швейцарка австриец австрийка швед шведка норвежец норвежка датчанин датчанка финн
исландец исландка ирландец ирландка шотландец валлиец поляк чех чешка словак словачка венгр румын румынка
болгарин болгарка серб сербка хорват хорватка босниец боснийка словенец словенка македонец македонка
черногорец черногорка албанец албанка грек гречанка турок турчанка украинец украинка белорус белоруска
молдаванин молдаванка литовец латыш латышка эстонец эстонка грузин грузинка армянин армянка
азербайджанец азербайджанка казах казашка узбек узбечка киргиз киргизка таджик таджичка туркмен
туркменка чеченец чеченка ингуш ингушка дагестанец дагестанка татарин башкир израильтянин израильтянка
палестинец палестинка араб арабка иранец иранка иракец сириец сирийка ливанец ливанка иорданец
египтянин египтянка ливиец ливийка тунисец алжирец марокканец марокканка афганец афганка пакистанец
пакистанка индиец индианка китаец китаянка японец японка кореец кореянка вьетнамец вьетнамка таиландец
филиппинец филиппинка индонезиец малайзиец сингапурец австралиец австралийка новозеландец канадец
канадка мексиканец мексиканка кубинец кубинка бразилец бразильянка аргентинец аргентинка чилиец
колумбиец колумбийка венесуэлец перуанец эквадорец уругваец боливиец нигериец эфиоп эфиопка кениец
сомалиец суданец непалец монгол европеец европейка африканец африканка латиноамериканец афроамериканец
афроамериканка еврей еврейка курд пуэрториканец приднестровец абхаз осетин саудовец катарец йеменец
бангладешец тайванец гаитянин руандиец конголезец"""
DEMONYMS: dict[str, str | None] = {w: "female" if w.endswith("ка") else "male" for w in _DEMONYM_PAIRS.split()}
# "гражданин России", "подданные Великобритании": a citizen of a country named after the noun
CITIZEN_NOUNS = {"гражданин": "male", "гражданка": "female", "подданный": None, "подданная": "female"}
PERSON_NOUNS.update(DEMONYMS)
PERSON_NOUNS.update(CITIZEN_NOUNS)
# nouns that name the doers of a crime: a plural without a number refers back to them
PERPETRATOR_NOUNS = {"преступник", "бандит", "грабитель", "налётчик", "налетчик", "нападавший",
                     "беглец", "боевик", "террорист", "злоумышленник", "убийца"}
# nouns for people held or escorted: they refer back to an escorted group of the same kind
INMATE_NOUNS = {"заключённый", "заключенный", "осуждённый", "осужденный", "арестант", "конвоируемый"}
GUARD_NOUNS = {"сотрудник", "охранник", "конвоир", "надзиратель", "военнослужащий", "полицейский",
               "милиционер", "солдат", "инспектор"}
COLLEAGUE_NOUNS = {"коллега", "товарищ", "сослуживец", "напарник"}
COLLECTIVE_NOUNS = {"семья", "родственник", "родные", "близкие"}
# the adjective, participle or noun used as a noun whose lemma is the verb: "заключённых"
_SUBSTANTIVES = {"погибнуть": "погибший", "пострадать": "пострадавший", "заключить": "заключённый", "осудить": "осуждённый", "конвоировать": "конвоируемый",
                 "нападать": "нападавший", "напасть": "нападавший", "военнослужащий": "военнослужащий"}

NUMBERS = {
    "один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "двое": 2, "оба": 2, "обе": 2, "три": 3,
    "трое": 3, "четыре": 4, "четверо": 4, "пять": 5, "пятеро": 5, "шесть": 6, "шестеро": 6,
    "семь": 7, "семеро": 7, "восемь": 8, "восьмеро": 8, "девять": 9, "девятеро": 9, "десять": 10,
    "десятеро": 10, "одиннадцать": 11, "двенадцать": 12, "пятнадцать": 15, "двадцать": 20,
}
VAGUE = {"несколько", "много", "немало", "ряд", "группа", "десятки", "сотни"}
# how many persons a phrase with a small number makes, rather than one group
MAX_SPELLED_OUT = 3

_AGE_STEMS = [
    ("одиннадцати", 11), ("двенадцати", 12), ("тринадцати", 13), ("четырнадцати", 14),
    ("пятнадцати", 15), ("шестнадцати", 16), ("семнадцати", 17), ("восемнадцати", 18),
    ("девятнадцати", 19), ("двадцати", 20), ("тридцати", 30), ("сорока", 40), ("пятидесяти", 50),
    ("шестидесяти", 60), ("семидесяти", 70), ("восьмидесяти", 80), ("девяноста", 90),
    ("сто", 100), ("одно", 1), ("двух", 2), ("трёх", 3), ("трех", 3), ("четырёх", 4),
    ("четырех", 4), ("пяти", 5), ("шести", 6), ("семи", 7), ("восьми", 8), ("девяти", 9),
    ("десяти", 10),
]
_AGE_DIGITS = re.compile(r"^(\d{1,3})-?(?:ти|х|ми)?-?летн", re.IGNORECASE)


def age_from_adjective(word: str) -> int | None:
    """"трёхлетняя" -> 3, "38-летний" -> 38, "тридцатипятилетний" -> 35."""
    word = word.lower()
    match = _AGE_DIGITS.match(word)
    if match:
        return int(match.group(1))
    if "летн" not in word:
        return None
    stem = word[:word.index("летн")]
    total = 0
    while stem:
        for prefix, value in _AGE_STEMS:
            if stem.startswith(prefix):
                total += value
                stem = stem[len(prefix):]
                break
        else:
            return None
    return total or None


def norm(lemma: str) -> str:
    return lemma.replace("ё", "е")


# nouns naming someone by another ("предшественник Кравцова"): a genitive name after them is the other
WHOSE_NOUNS = {"соратник", "соратница", "предшественник", "предшественница", "преемник", "преемница", "адвокат",
               "защитник", "помощник", "помощница", "советник", "советница", "сторонник", "сторонница",
               "противник", "соперник", "соперница", "поклонник", "поклонница", "убийца", "двойник", "заместитель"}
# kin nouns: "умерла жена Олега Смирнова" tells of his wife, not of him
RELATIVE_NOUNS = {"жена", "супруга", "муж", "супруг", "вдова", "вдовец", "сын", "дочь", "дочка", "мать", "отец",
                  "брат", "сестра", "внук", "внучка", "племянник", "племянница", "дядя", "тётя", "тетя", "зять",
                  "невестка", "тёща", "теща", "тесть", "свекровь", "свёкор", "свекор", "дед", "дедушка", "бабушка",
                  "ребёнок", "ребенок", "дети", "родственник", "родственница", "невеста", "жених"}


def names_a_nationality(description: str) -> bool:
    """"россиянин", "гражданин России", "немецкая заложница": a description NEREL would mark as
    a nationality ("гражданин" alone, "московский пенсионер" are none)."""
    from .places import adjective_base

    words = description.split()
    for i, word in enumerate(words):
        parses = models().parse_word(word.lower())
        lemmas = {norm(p.normal_form) for p in parses[:2]} | {norm(word.lower())}
        if lemmas & _NORMED_DEMONYMS:
            return True
        if lemmas & set(CITIZEN_NOUNS) and any(w[:1].isupper() for w in words[i + 1:]):
            return True
        adjective = next((p.normal_form for p in parses[:1] if "ADJF" in p.tag), None)
        if adjective and (adjective_base(adjective) or ("", ""))[1] == "страна":
            return True
    return False


def person_lemma(token: Token, sentence: Sentence | None = None) -> str | None:
    """The person noun a token stands for, or None; with its sentence, also "глава" that heads a
    body ("глава банка")."""
    if token.pos not in ("NOUN", "ADJ", "VERB", "PROPN"):
        return None
    if sentence is not None and heads_a_body(sentence, token):
        return "глава"
    if token.pos in ("ADJ", "VERB") and token.rel in ("amod", "acl"):
        return None  # "неизвестный мужчина", "погибших героев": a modifier, the noun is the person
    if token.pos in ("ADJ", "VERB") and token.feats.get("Case") == "Ins" and token.rel not in ("obl", "conj"):
        return None  # "задержали раненым": a state of someone named elsewhere
    candidates = [token.lemma, _SUBSTANTIVES.get(token.lemma, "")]
    nominal_use = token.lemma in _SUBSTANTIVES and token.rel.split(":")[0] in ("nsubj", "obj", "obl", "iobj", "conj")
    if token.pos != "NOUN" and token.feats.get("VerbForm") not in ("Part", None) and not nominal_use:
        return None
    for parse in models().parse_word(token.text.lower())[:3]:
        candidates.append(parse.normal_form)
    for lemma in candidates:
        if not lemma:
            continue
        for key in (lemma, lemma.replace("е", "ё")):
            if key in PERSON_NOUNS or norm(key) in _NORMED_NOUNS:
                if token.pos == "VERB" and not nominal_use and norm(key) not in _NORMED_SUBSTANTIVES:
                    continue
                return _canonical(key)
    if token.pos == "NOUN" and token.feats.get("Animacy") == "Anim" and token.lemma in _TRADES:
        return token.lemma  # "приговорил футболиста", "умер моряк": a trade names a person
    return None


# what has chapters: "глава книги" is a part of a text, not a person
_WRITINGS = frozenset("""книга роман повесть учебник доклад отчёт отчет закон кодекс конституция документ история
сериал диссертация сага статья работа поэма пьеса рукопись мемуары биография договор устав""".split())


_POST_SEATS = frozenset("пост должность кресло место роль обязанность полномочие".split())


def heads_a_body(sentence: Sentence, token: Token) -> bool:
    """"Глава банка арестован", "отставка главы администрации": "глава" of a body or a place is
    the person leading it ("глава книги" is a chapter)."""
    if token.lemma not in ("глава", "экс-глава") or token.pos != "NOUN":
        return False
    head = sentence.tokens[token.head] if token.head is not None else None
    if head is not None and head.lemma in _POST_SEATS and token.rel == "nmod":
        return False  # "на пост главы государства": the post, not a holder
    below, todo = [], [token]
    while todo and len(below) < 12:
        for c in sentence.children(todo.pop().index):
            below.append(c)
            todo.append(c)
    if any(c.pos == "PROPN" and c.feats.get("Animacy") == "Anim" for c in below):
        return False  # "глава правящей партии Японии Синдзо Абэ": the name is who
    for child in sentence.children(token.index):
        genitive = child.feats.get("Case") == "Gen" or child.pos in ("PROPN", "X") and "Case" not in child.feats
        if child.rel in ("nmod", "appos") and genitive and child.lemma not in _WRITINGS and \
                child.pos in ("NOUN", "PROPN", "X") and not any(c.rel == "case" for c in sentence.children(child.index)):
            return True
    return False


def _trades() -> frozenset[str]:
    from .ranks import POSTS

    # "папа" is also a father, "модель" a model of a car, "глава" a chapter
    return frozenset(POSTS) - {"папа", "модель", "глава", "агент", "мэрия", "президентский", "военный",
                               "представитель", "капитан"}


_TRADES = _trades()


def _canonical(lemma: str) -> str:
    return _NORMED_NOUNS.get(norm(lemma), lemma)


# normalised once: person_lemma runs for every token
_NORMED_NOUNS: dict[str, str] = {}
for _key in PERSON_NOUNS:
    _NORMED_NOUNS.setdefault(norm(_key), _key)
_NORMED_SUBSTANTIVES = {norm(v) for v in _SUBSTANTIVES.values()}
_NORMED_DEMONYMS = {norm(k) for k in DEMONYMS}


def is_plural(token: Token) -> bool:
    return token.feats.get("Number") == "Plur"


def count_of(sentence: Sentence, head: Token) -> int | None:
    """The number a noun phrase states: "шестерых", "двумя", "трое", "38"; None if none."""
    for child in sentence.children(head.index):
        if child.rel.startswith("nummod") or (child.pos == "NUM" and child.rel in ("nummod", "det")):
            if child.text.isdigit():
                return int(child.text)
            value = NUMBERS.get(child.lemma) or NUMBERS.get(child.text.lower())
            if value:
                return value
    return None


def is_vague(sentence: Sentence, head: Token) -> bool:
    return any(c.lemma in VAGUE for c in sentence.children(head.index))


def inflect_phrase(tokens: list[Token], plural: bool | None = None) -> str:
    """Nominative of a noun phrase as written ("особо опасных заключённых" -> "особо опасные заключённые")."""
    nouns = [t for t in tokens if t.pos in ("NOUN", "PROPN")]
    gender = None
    if nouns and plural is False:
        parses = models().parse_word(nouns[-1].text)
        gender = next((g for g in ("masc", "femn", "neut") if parses and g in parses[0].tag), None)
    words = []
    for token in tokens:
        words.append(_inflect(token, plural, gender if token.pos in ("ADJ", "VERB", "DET") else None))
    return " ".join(words)


def _inflect(token: Token, plural: bool | None, gender: str | None = None) -> str:
    if token.pos not in ("NOUN", "ADJ", "VERB", "NUM", "DET", "PROPN"):
        return token.text
    case = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct",
            "Nom": "nomn"}.get(token.feats.get("Case", ""))
    parses = models().parse_word(token.text)
    chosen = next((p for p in parses if case and case in p.tag), parses[0] if parses else None)
    if chosen is None:
        return token.text
    want = {"nomn"}
    if plural is True:
        want.add("plur")
    elif plural is False or token.feats.get("Number") == "Sing":
        want.add("sing")
        if gender:
            want.add(gender)
    form = chosen.inflect(want) or chosen.inflect({"nomn"})
    if form is None:
        return token.text
    word = form.word
    if "ё" in token.text.lower() and "е" in word and "ё" not in word:
        word = _restore_yo(token.text.lower(), word)
    return word


def _restore_yo(original: str, word: str) -> str:
    index = original.find("ё")
    if 0 <= index < len(word) and word[index] == "е":
        return word[:index] + "ё" + word[index + 1:]
    return word


def counted_phrase(sentence: Sentence, head: Token) -> str:
    """"двумя автоматами" -> "два автомата": a counted object in the nominative."""
    number = next((c for c in sentence.children(head.index) if c.pos == "NUM"), None)
    adjectives = [c for c in sentence.children(head.index) if c.rel == "amod"]
    parses = models().parse_word(head.text)
    noun = parses[0] if parses else None
    if number is None or noun is None:
        return inflect_phrase(sorted(adjectives + [head], key=lambda t: t.start))
    value = NUMBERS.get(number.lemma) or (int(number.text) if number.text.isdigit() else None)
    numeral = _inflect(number, None)
    agreed = noun.inflect({"nomn"}) if value is None else noun.make_agree_with_number(value)
    return f"{numeral} {agreed.word if agreed else head.text}"


def modifiers(sentence: Sentence, head: Token) -> list[Token]:
    """Adjectives and adverbs of a noun phrase, in text order (no determiners, no possessives)."""
    out = []
    for child in sentence.children(head.index):
        if child.rel == "amod" and child.pos in ("ADJ", "VERB") and child.lemma not in ("свой", "их", "его", "её"):
            out.append(child)
            out.extend(c for c in sentence.children(child.index) if c.rel == "advmod" and c.pos == "ADV")
    return sorted(out, key=lambda t: t.start)


@dataclass
class Story:
    """What the narrative has set up so far, for reference back."""

    perpetrators: list[str] = field(default_factory=list)
    escort: list[str] = field(default_factory=list)  # who guarded or escorted
    escorted: list[str] = field(default_factory=list)  # whom they escorted
    teams: list[list[str]] = field(default_factory=list)  # sets introduced together
    last_person: str | None = None  # the person last named or singled out, for "он"/"она"
    last_person_at: int = -1  # where the sentence naming the last person starts
    # the person last named as a subject, and where that sentence starts: "он" as a subject goes on
    # telling of the previous sentence's subject
    last_subject: tuple[str, int] | None = None


class People:
    """Anonymous persons and groups of one document, created as the text mentions them."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.story = Story()
        self._by_head: dict[int, list[str]] = {}  # token start -> keys
        self.called: dict[str, set[str]] = {}  # key -> person nouns the text used for it
        # reading a headline after the body: only names count there, as "он" or "трое" would
        # point at whatever the body told last
        self.names_only = False

    # -- lookup -------------------------------------------------------------------------------
    def entity(self, key: str):
        return self.ctx.facts.entity(key)

    def size(self, keys: list[str]) -> int:
        total = 0
        for key in keys:
            item = self.entity(key)
            total += item.member_count or 0 if isinstance(item, Group) else 1
        return total

    def named_at(self, sentence: Sentence, head: Token) -> str | None:
        """The named person, institution or place a phrase refers to ("капитана Омарова")."""
        spans = [head] + [c for c in sentence.children(head.index)
                          if c.rel in ("appos", "flat:name", "flat", "nmod") and c.pos == "PROPN"]
        spans.sort(key=lambda t: t.rel == "nmod")  # "предшественник Кравцова Иван Муравьев": the name in apposition
        for token in spans:
            key = self.ctx.key_at(token.start, token.end)
            # "соратник Цзян Цзэминя", "адвокат Кокорина", "жена Олега Смирнова": the genitive is
            # whose ally or kin (but "супруга Кайкен": a name that does not decline is hers)
            if key and token.rel == "nmod" and token is not head and (head.lemma in WHOSE_NOUNS or head.lemma in
                                                                       RELATIVE_NOUNS and _declined(token)):
                continue
            if key and (token is head or token.rel != "nmod" or type(self.entity(key)).__name__ == "Person"):
                return key  # "сотрудники УИС": the genitive name is whose staff, not who
        # "Умер Виталий Костомаров, профессор, академик": a post the ranks stage gave a named person
        for link in self.ctx.facts.links:
            if link.relation == "WORKS_AS" and link.target.start <= head.start and head.end <= link.target.end:
                if not _one_phrase(sentence, head, link.source.start):
                    continue  # "Азимов начал …, затем его застрелил полицейский": another subject
                key = self.ctx.key_at(link.source.start, link.source.end)
                if key and type(self.entity(key)).__name__ == "Person" and not (
                        head.feats.get("Gender") == "Fem" and self.entity(key).gender == "male"):
                    return key  # (not "жена Олега Смирнова, писательница": she is the writer)
        # "директора школы Рината Алиева": the parser hangs the name on the post's own genitive
        for middle in sentence.children(head.index):
            if middle.rel != "nmod" or middle.pos != "NOUN":
                continue
            for token in sentence.children(middle.index):
                key = self.ctx.key_at(token.start, token.end) if token.pos == "PROPN" else None
                if key and token.start > middle.start and type(self.entity(key)).__name__ == "Person":
                    return key
        return None

    # -- resolution ---------------------------------------------------------------------------
    def resolve(self, sentence: Sentence, head: Token, *, create: bool = True) -> list[str]:
        """Keys of the persons and groups a noun phrase with this head refers to."""
        if self.names_only:
            named = self.named_at(sentence, head)
            return [named] if named and type(self.entity(named)).__name__ in ("Person", "Group") else []
        if head.start in self._by_head:
            return self._by_head[head.start]
        keys = self._resolve(sentence, head, create)
        if len(keys) == 1 and isinstance(self.entity(keys[0]), Person):
            self.story.last_person, self.story.last_person_at = keys[0], sentence.start
            if head.rel in ("nsubj", "nsubj:pass"):
                self.story.last_subject = (keys[0], sentence.start)
        if keys:
            self._by_head[head.start] = keys
            lemma = person_lemma(head, sentence)
            for key in keys if lemma else ():
                self.called.setdefault(key, set()).add(lemma)
        return keys

    def _resolve(self, sentence: Sentence, head: Token, create: bool) -> list[str]:
        named = self.named_at(sentence, head)
        if named and type(self.entity(named)).__name__ in ("Person", "Group"):
            return [named]
        if named and head.pos == "PROPN":
            return []  # a name of an institution or place: not a person
        if head.pos == "PRON" and head.lemma == "они":
            return list(self.story.perpetrators)
        if head.pos == "PRON" and head.lemma in ("он", "она"):
            # the last person the story singled out, if the gender does not contradict it
            wanted = "male" if head.lemma == "он" else "female"
            told = self._antecedent(sentence, head, wanted)
            if told:
                return [told]
            last = self.story.last_person
            subject = self.story.last_subject
            if head.rel in ("nsubj", "nsubj:pass") and subject and subject[1] == self.story.last_person_at \
                    and subject[1] < sentence.start and getattr(self.entity(subject[0]), "gender", None) == wanted:
                # "Он был арестован за убийство Петра Рябова. В тюрьме он избил …": of the persons the
                # last sentence named, its subject, not the victim named after it (a sentence naming
                # someone else since leaves "он" to that one)
                return [subject[0]]
            if last and getattr(self.entity(last), "gender", None) in (wanted, None):
                return [last]
            return []
        lemma = person_lemma(head, sentence)
        if lemma is None:
            return []
        if lemma in DEMONYMS or lemma in CITIZEN_NOUNS:
            named = self._apposed_name(sentence, head)
            if named:
                return [named]
        if lemma in COLLEAGUE_NOUNS:
            colleagues = self._colleagues(sentence, head)
            if colleagues is not None:
                return colleagues
        number = count_of(sentence, head)
        included = self._included(sentence, head)
        if is_plural(head) or (number or 0) > 1:
            team = self._team(number, included, lemma)
            if team:
                self._mention(team, sentence, head)
                return team
            if lemma in PERPETRATOR_NOUNS and number is None and self.story.perpetrators:
                self._mention(self.story.perpetrators, sentence, head)
                return list(self.story.perpetrators)
            if norm(lemma) in {norm(n) for n in INMATE_NOUNS} and self.story.escorted and number is None:
                self._mention(self.story.escorted, sentence, head)
                return list(self.story.escorted)
            if not create:
                return []
            return [self._group(sentence, head, lemma, number)]
        if self._singled_out(sentence, head, lemma):
            group = self.story.perpetrators[0]
            return [self._person(sentence, head, lemma, in_group=group)]
        if not create:
            return []
        return [self._person(sentence, head, lemma)]

    def _apposed_name(self, sentence: Sentence, head: Token) -> str | None:
        """"Абид Насир, 26-летний пакистанец", "Стросс-Кан (также француз)": a nationality told
        beside a name is of the named person."""
        if head.rel not in ("appos", "parataxis") or head.head is None:
            return None
        key = self.named_at(sentence, sentence.tokens[head.head])
        return key if key and isinstance(self.entity(key), Person) and not self.entity(key).anonymous else None

    def _antecedent(self, sentence: Sentence, head: Token, wanted: str) -> str | None:
        """Whom "он"/"она" as a verb's argument points back to, from the persons the text has named
        before it (the story knows only those an incident took in): "Ранее директором был Иван
        Орлов. Он покинул компанию". In the pronoun's own sentence, the subject of an earlier
        clause ("Орлов заявил, что его …"); else in the sentence before, its subject, or the only
        person of the gender it names; a sentence whose subject is the same pronoun passes the
        question on to the one before it ("Он был арестован за убийство Петра Рябова. В тюрьме он …")."""
        if head.rel.split(":")[0] not in ("nsubj", "obj", "iobj", "obl"):
            return None  # "его дочь": whose, the kinship stage's question
        from .triggers import VERBS

        # "Первый погиб в перестрелке, второго задержали; он не дожил и скончался в больнице": one
        # dies once, so whom a death (of the pronoun's verb or one joined to it) befalls is alive
        verb = sentence.tokens[head.head] if head.head is not None else None
        verbs = [verb] + [t for t in sentence.tokens if t.head == verb.index and t.rel == "conj"] if verb else []
        dying = any(VERBS.get(t.lemma) == "Death" for t in verbs)

        def persons(within: Sentence, end: int) -> list[tuple[Token, str]]:
            out = []
            for start, stop, key in sorted(self.ctx.mentions):
                item = self.entity(key) if within.start <= start and stop <= end else None
                if not isinstance(item, Person) or getattr(item, "gender", None) not in (wanted, None):
                    continue
                if dying and item.died_in:
                    continue
                tokens = [t for t in within.tokens if start <= t.start and t.end <= stop]
                top = next((t for t in tokens if t.head is None or not start <= within.tokens[t.head].start < stop), None)
                above = within.tokens[top.head] if top is not None and top.head is not None else None
                if top is None or above is not None and above.lemma in _POST_SEATS:
                    continue  # "на должность губернатора": a post, not its holder
                out.append((top, key))
            # "бывший начальник управления генерал Анатолий Башлаков": the name, not the noun it is of
            named = [t for t, k in out if not self.entity(k).anonymous]
            return [(t, k) for t, k in out if not self.entity(k).anonymous or not any(
                _linked(within, t, n) or _linked(within, n, t) for n in named)]

        def subject(found: list[tuple[Token, str]], within: Sentence) -> str | None:
            # the main clause's subject before one of a clause inside it ("В 1999 году, когда был
            # убит вице-президент, Овьедо бежал": Овьедо)
            subjects = [(_depth(within, t), t.start, k) for t, k in found if t.rel in ("nsubj", "nsubj:pass")]
            return min(subjects)[2] if subjects else None

        here = persons(sentence, head.start)
        if here:
            return subject(here, sentence)
        for before in [x for x in self.ctx.analysis.sentences if x.end <= sentence.start][-3:][::-1]:
            if any(t.lemma == head.lemma and t.pos == "PRON" and t.rel in ("nsubj", "nsubj:pass") for t in before.tokens):
                continue  # told of the same "он" again: whom that one points to
            found = persons(before, before.end)
            if found:
                keys = {k for _, k in found}
                if subject(found, before):
                    return subject(found, before)
                # the only person it names, unless its subject is a name we do not know as anyone's
                # ("… правительстве Шпидлы Руснок исполнял …" with "Руснок" unread)
                unknown = any(t.rel in ("nsubj", "nsubj:pass") and t.pos == "PROPN" and _depth(before, t) == 0
                              for t in before.tokens)
                return keys.pop() if len(keys) == 1 and not unknown else None
        return None

    def _colleagues(self, sentence: Sentence, head: Token) -> list[str] | None:
        """"Капитан X и его коллеги": the rest of the team X was introduced with."""
        before = {self.ctx.key_at(t.start, t.end) for t in sentence.tokens if t.end <= head.start}
        for team in reversed(self.story.teams):
            members = [k for k in team if k in before]
            if members:
                return [k for k in team if k not in members]
        return None

    def _included(self, sentence: Sentence, head: Token) -> list[str]:
        """"трое сотрудников, включая капитана Омарова": the named members a phrase includes."""
        out = []
        for child in sentence.children(head.index):
            if child.lemma in ("включая", "включать") or any(
                    c.lemma in ("включая", "включать") for c in sentence.children(child.index) if c.start < child.start):
                for target in ([child] if child.lemma not in ("включая", "включать") else sentence.children(child.index)):
                    key = self.named_at(sentence, target)
                    if key:
                        out.append(key)
        text = sentence.text
        for marker in ("в том числе",):
            pos = text.find(marker)
            if pos >= 0:
                for token in sentence.tokens:
                    if token.start >= sentence.start + pos + len(marker):
                        key = self.ctx.key_at(token.start, token.end)
                        if key:
                            out.append(key)
                            break
        return out

    def _team(self, number: int | None, included: list[str], lemma: str) -> list[str] | None:
        """A set introduced earlier that this plural phrase refers back to."""
        for team in reversed(self.story.teams):
            if included and not set(included) <= set(team):
                continue
            if number is not None and self.size(team) != number:
                continue
            if number is None and not included:
                # "сотрудников караула": a plural of the escort's kind refers to the escort
                if team is not self.story.escort or lemma not in GUARD_NOUNS:
                    continue
            return team
        return None

    def _singled_out(self, sentence: Sentence, head: Token, lemma: str) -> bool:
        """"один преступник", "второй": one of the perpetrators' group, picked out."""
        if not self.story.perpetrators or len(self.story.perpetrators) != 1:
            return False
        group = self.entity(self.story.perpetrators[0])
        if not isinstance(group, Group):
            return False
        ordinal = any(c.lemma in ("один", "второй", "третий", "ещё", "другой") for c in sentence.children(head.index))
        return lemma in PERPETRATOR_NOUNS or (ordinal and norm(lemma) in {norm(n) for n in INMATE_NOUNS})

    def member_of_group(self, sentence: Sentence, token: Token, group_key: str) -> str:
        """"один из нападавших": a person of the group, singled out."""
        if token.start in self._by_head:
            return self._by_head[token.start][0]
        group = self.entity(group_key)
        person = Person(key=self.ctx.new_key("anon"), anonymous=True, in_group=group_key,
                        description=_singular_description(group.description))
        end = max([token.end] + [c.end for c in sentence.children(token.index)])
        person.mentions.append(self.ctx.evidence(token.start, end, 0.6))
        self.ctx.facts.persons.append(person)
        self.ctx.add_mention(token.start, token.end, person.key)
        self._by_head[token.start] = [person.key]
        self.story.last_person, self.story.last_person_at = person.key, sentence.start
        return person.key

    def singled_out_by_ordinal(self, sentence: Sentence, token: Token) -> str | None:
        """"второй — задержан": an ordinal standing for one more member of the group."""
        if token.lemma not in ("второй", "третий", "другой", "четвёртый", "четвертый") or not self.story.perpetrators:
            return None
        group = self.entity(self.story.perpetrators[0])
        if not isinstance(group, Group):
            return None
        if token.start in self._by_head:
            return self._by_head[token.start][0]
        person = Person(key=self.ctx.new_key("anon"), anonymous=True, in_group=group.key,
                        description=_singular_description(group.description))
        person.mentions.append(self.ctx.evidence(token.start, token.end, 0.6))
        self.ctx.facts.persons.append(person)
        self.ctx.add_mention(token.start, token.end, person.key)
        self._by_head[token.start] = [person.key]
        self.story.last_person, self.story.last_person_at = person.key, sentence.start
        return person.key

    # -- creation -----------------------------------------------------------------------------
    def _phrase_span(self, sentence: Sentence, head: Token) -> tuple[int, int]:
        tokens = [head] + [c for c in sentence.children(head.index)
                           if c.rel in ("amod", "nummod", "nummod:gov", "det") and c.pos != "PUNCT"]
        return min(t.start for t in tokens), max(t.end for t in tokens)

    def _mention(self, keys: list[str], sentence: Sentence, head: Token) -> None:
        if len(keys) != 1:
            return  # a phrase naming several entities is evidence of the statement, not a mention
        start, end = self._phrase_span(sentence, head)
        item = self.entity(keys[0])
        if not any(m.start == start for m in item.mentions):
            item.mentions.append(self.ctx.evidence(start, end, 0.6))

    def _group(self, sentence: Sentence, head: Token, lemma: str, number: int | None) -> str:
        description = inflect_phrase(modifiers(sentence, head) + [head], plural=True) + (
            self._country(sentence, head) if lemma in CITIZEN_NOUNS else _genitive(sentence, head))
        # "особо опасных заключённых" and later "шестерых заключённых": one group, now counted
        for group in self.ctx.facts.groups:
            same_kind = group.description.split()[-1] == description.split()[-1]
            if same_kind and (group.member_count is None or number is None or group.member_count == number):
                group.member_count = group.member_count or number
                start, end = self._phrase_span(sentence, head)
                group.mentions.append(self.ctx.evidence(start, end, 0.7))
                self.ctx.add_mention(start, end, group.key)
                return group.key
        group = Group(key=self.ctx.new_key("g"), description=description, member_count=number)
        start, end = self._phrase_span(sentence, head)
        group.mentions.append(self.ctx.evidence(start, end, 0.75))
        self.ctx.facts.groups.append(group)
        self.ctx.add_mention(start, end, group.key)
        return group.key

    def _country(self, sentence: Sentence, head: Token) -> str:
        """"гражданина Российской Федерации": the place a citizen noun is of, as written."""
        for child in sentence.children(head.index):
            key = self.ctx.key_at(child.start, child.end) if child.rel == "nmod" and child.start > head.end else None
            if key and type(self.entity(key)).__name__ == "Place" and child.feats.get("Case") in ("Gen", None):
                start = min([child.start] + [c.start for c in sentence.children(child.index) if c.rel == "amod"])
                return " " + sentence.text[start - sentence.start:child.end - sentence.start]
        return ""

    def _person(self, sentence: Sentence, head: Token, lemma: str, in_group: str | None = None) -> str:
        mods = modifiers(sentence, head)
        age = next((a for a in (age_from_adjective(t.text) for t in mods) if a), None) or _age_phrase(sentence, head)
        description = inflect_phrase([t for t in mods if t.pos == "ADJ"] + [head], plural=False)
        description += self._country(sentence, head) if lemma in CITIZEN_NOUNS else ""
        gender = PERSON_NOUNS.get(lemma)
        person = Person(key=self.ctx.new_key("anon"), anonymous=True, description=description,
                        gender=gender, age=age, in_group=in_group)
        start, end = self._phrase_span(sentence, head)
        person.mentions.append(self.ctx.evidence(start, end, 0.75))
        self.ctx.facts.persons.append(person)
        self.ctx.add_mention(start, end, person.key)
        return person.key

    def persons_for_count(self, sentence: Sentence, head: Token) -> list[str]:
        """"две маленькие дочки": a small counted phrase as that many persons (for kinship)."""
        if head.start in self._by_head:
            return self._by_head[head.start]
        lemma = person_lemma(head)
        number = count_of(sentence, head) or 1
        if lemma is None or number > MAX_SPELLED_OUT:
            return self.resolve(sentence, head)
        keys = [self._person(sentence, head, lemma) for _ in range(number)]
        for key in keys:
            person = self.entity(key)
            person.description = inflect_phrase(
                [t for t in modifiers(sentence, head) if t.pos == "ADJ"] + [head], plural=False)
        self._by_head[head.start] = keys
        return keys


def _linked(sentence: Sentence, top: Token, other: Token) -> bool:
    """Whether `other` hangs below `top` within a few steps of the parse (one noun phrase)."""
    token = other
    for _ in range(4):
        if token.head is None:
            return False
        token = sentence.tokens[token.head]
        if token is top:
            return True
    return False


def _depth(sentence: Sentence, token: Token) -> int:
    """How many clauses down a subject stands: 0 for the main clause's (and its conjuncts')."""
    depth, verb = 0, sentence.tokens[token.head] if token.head is not None else token
    for _ in range(8):  # (a parse may loop)
        if verb.head is None:
            break
        if verb.rel.split(":")[0] in ("advcl", "acl", "ccomp", "csubj", "xcomp", "parataxis"):
            depth += 1
        verb = sentence.tokens[verb.head]
    return depth


def _declined(token: Token) -> bool:
    """A name in a form other than its nominative ("Олега Смирнова", not "Кайкен")."""
    return token.text.lower().replace("ё", "е") != token.lemma.replace("ё", "е")


def _one_phrase(sentence: Sentence, post: Token, offset: int) -> bool:
    """Whether a name at `offset` can be the one a post names: a post that is not a verb's
    subject ("избран премьер-министром", "занял пост президента"), or a subject with the name a
    few steps apart in the parse and no verb between ("Виталий Костомаров, профессор умер",
    "президент Гвинеи и бывший лидер партии Мамаду Камара вернулся"); a name outside the
    sentence is the ranks stage's word."""
    name = sentence.token_at(offset)
    if name is None or post.rel not in ("nsubj", "nsubj:pass"):
        return True

    def up(token: Token) -> list[Token]:
        chain = [token]
        while chain[-1].head is not None and len(chain) < 4:
            chain.append(sentence.tokens[chain[-1].head])
        return chain

    above_post, above_name = up(post), up(name)
    for i, shared in enumerate(above_post):
        if shared in above_name:
            path = above_post[1:i + 1] + above_name[1:above_name.index(shared)]
            return i + above_name.index(shared) <= 3 and all(t.pos != "VERB" for t in path)
    return False


def _age_phrase(sentence: Sentence, head: Token) -> int | None:
    """"в возрасте 38 лет", "38 лет" next to the noun."""
    window = sentence.text[head.end - sentence.start: head.end - sentence.start + 40]
    match = re.match(r"\s*,?\s*(?:в возрасте\s+)?(\d{1,3})\s+(?:лет|года|год)\b", window)
    return int(match.group(1)) if match else None


def _singular_description(description: str) -> str:
    words = description.split()
    out = []
    for word in words:
        parses = models().parse_word(word)
        form = parses[0].inflect({"nomn", "sing"}) if parses else None
        out.append(_restore_yo(word.lower(), form.word) if form else word)
    return " ".join(out) or description


def _genitive(sentence: Sentence, head: Token) -> str:
    """"сотрудники полиции": the institution a group noun belongs to, as written."""
    for child in sentence.children(head.index):
        if (child.rel == "nmod" and child.feats.get("Case") == "Gen" and child.start > head.end
                and child.feats.get("Animacy") == "Inan" and not sentence.children(child.index)):
            return " " + child.text
    return ""

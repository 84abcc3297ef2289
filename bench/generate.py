"""Synthetic Russian news corpora for benchmarks, with the facts each article states.

Every article is assembled from our own templates and name lists (nothing is copied from real
reporting): a headline, a lead paragraph naming an incident at a penal institution or in a
settlement, background paragraphs, quotes of officials, a commemoration or a sentencing, until
the article reaches the requested size. The facts written into an article (persons with ranks,
institutions with codes, places with their district and region, dated incidents) are recorded
alongside in `facts.jsonl`, so a benchmark can also count how many of them the extractor found.

Deterministic: the same `--seed`, `--count` and `--kb` give byte-identical files.

    python bench/generate.py --count 1000 --out bench/corpora/c1000          # corpus.jsonl + facts.jsonl
    python bench/generate.py --count 100 --format txt --out bench/corpora/t100   # .txt + .meta.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

# -- name lists (our own; ordinary Russian and Kazakh names) -----------------------------------
MALE_GIVEN = ["Серик", "Ерлан", "Данияр", "Асхат", "Марат", "Нурлан", "Бауржан", "Айдар", "Тимур",
              "Руслан", "Олег", "Игорь", "Сергей", "Андрей", "Виктор", "Павел", "Денис", "Артём",
              "Максим", "Роман", "Владислав", "Константин", "Ринат", "Кайрат", "Арман", "Ильдар"]
FEMALE_GIVEN = ["Айгуль", "Гульнара", "Мадина", "Асель", "Жанна", "Ольга", "Наталья", "Елена",
                "Ирина", "Татьяна", "Светлана", "Марина", "Динара", "Сауле", "Алия", "Анна"]
SURNAMES = ["Омаров", "Сапаров", "Ахметов", "Бекетов", "Нурланов", "Жумабаев", "Касымов", "Иванов",
            "Петров", "Смирнов", "Кузнецов", "Соколов", "Попов", "Лебедев", "Козлов", "Новиков",
            "Морозов", "Волков", "Алексеев", "Семёнов", "Ермеков", "Тулегенов", "Искаков", "Сериков",
            "Абдрахманов", "Есенов", "Байтасов", "Мухамедов", "Григорьев", "Белов", "Орлов", "Фролов"]
FATHERS = ["Серик", "Ерлан", "Марат", "Нурлан", "Асхат", "Бек", "Иван", "Пётр", "Сергей", "Олег",
           "Виктор", "Павел", "Ахмет", "Касым", "Болат", "Жанат"]
RANKS = ["рядовой", "сержант", "старший сержант", "прапорщик", "лейтенант", "старший лейтенант",
         "капитан", "майор", "подполковник", "полковник"]
SERVICES = ["внутренней службы", "полиции", "юстиции"]
OCCUPATIONS = ["инспектор отдела безопасности", "начальник отряда", "дежурный помощник начальника",
               "начальник учреждения", "заместитель начальника учреждения", "водитель", "фельдшер",
               "оперуполномоченный", "кинолог", "инспектор конвоя"]

# (settlement type, nominative, locative, district adjective stem, region)
SETTLEMENTS = [
    ("посёлок", "Горный", "Горном", "Есильск", "Северо-Казахстанская"),
    ("посёлок", "Заречный", "Заречном", "Тайыншинск", "Северо-Казахстанская"),
    ("село", "Берёзовка", "Берёзовке", "Аккайынск", "Северо-Казахстанская"),
    ("посёлок", "Солнечный", "Солнечном", "Бухар-Жырауск", "Карагандинская"),
    ("село", "Луговое", "Луговом", "Осакаровск", "Карагандинская"),
    ("посёлок", "Степной", "Степном", "Абайск", "Карагандинская"),
    ("село", "Каменка", "Каменке", "Иртышск", "Павлодарская"),
    ("посёлок", "Ясный", "Ясном", "Майск", "Павлодарская"),
    ("село", "Озёрное", "Озёрном", "Костанайск", "Костанайская"),
    ("посёлок", "Новый", "Новом", "Денисовск", "Костанайская"),
    ("село", "Ключи", "Ключах", "Мартукск", "Актюбинская"),
    ("посёлок", "Шахтёрский", "Шахтёрском", "Хромтауск", "Актюбинская"),
    ("село", "Сосновка", "Сосновке", "Бородулихинск", "Восточно-Казахстанская"),
    ("посёлок", "Лесной", "Лесном", "Глубоковск", "Восточно-Казахстанская"),
]
CITIES = [("Караганда", "Караганде"), ("Павлодар", "Павлодаре"), ("Костанай", "Костанае"),
          ("Петропавловск", "Петропавловске"), ("Актобе", "Актобе"), ("Усть-Каменогорск", "Усть-Каменогорске"),
          ("Астана", "Астане"), ("Семей", "Семее")]
CODE_LETTERS = ["ЕС", "АК", "ГМ", "УК", "ЛА", "КА", "ОВ", "ЖД"]
REGIMES = ["особого режима", "строгого режима", "общего режима", "максимальной безопасности"]
OUTLETS = ["Северный вестник", "Степная правда", "Вечерний курьер", "Городские новости",
           "Областная газета", "Голос региона", "Новости Прииртышья", "Наш край"]
MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
              "октября", "ноября", "декабря"]
WEAPONS = ["топор", "самодельный нож", "заточку", "металлический прут", "охотничье ружьё"]
VEHICLES = ["легковой автомобиль", "грузовик", "микроавтобус", "служебную машину"]


# -- inflection of the names we generate (they are chosen so these rules hold) ----------------
def _male_surname(nom: str) -> dict[str, str]:
    return {"nom": nom, "gen": nom + "а", "dat": nom + "у", "ins": nom + "ым"}


def _female_surname(nom_m: str) -> dict[str, str]:
    f = nom_m + "а"
    return {"nom": f, "gen": f[:-1] + "ой", "dat": f[:-1] + "ой", "ins": f[:-1] + "ой"}


def _male_given(nom: str) -> dict[str, str]:
    if nom.endswith("й"):
        stem = nom[:-1]
        return {"nom": nom, "gen": stem + "я", "dat": stem + "ю", "ins": stem + "ем"}
    if nom.endswith("ь"):
        stem = nom[:-1]
        return {"nom": nom, "gen": stem + "я", "dat": stem + "ю", "ins": stem + "ем"}
    ins = "ом" if nom[-1] not in "жшчщц" else "ем"
    return {"nom": nom, "gen": nom + "а", "dat": nom + "у", "ins": nom + ins}


def _female_given(nom: str) -> dict[str, str]:
    if nom.endswith("ь"):  # Айгуль
        stem = nom[:-1]
        return {"nom": nom, "gen": stem + "и", "dat": stem + "и", "ins": stem + "ью"}
    if nom.endswith("ия"):  # Алия
        stem = nom[:-1]
        return {"nom": nom, "gen": stem + "и", "dat": stem + "и", "ins": stem + "ей"}
    if nom.endswith("я"):  # Наталья
        stem = nom[:-1]
        return {"nom": nom, "gen": stem + "и", "dat": stem + "е", "ins": stem + "ей"}
    if nom.endswith("а"):
        stem = nom[:-1]
        soft = stem[-1] in "гкхжшчщ"
        return {"nom": nom, "gen": stem + ("и" if soft else "ы"), "dat": stem + "е",
                "ins": stem + ("ей" if stem[-1] in "жшчщц" else "ой")}
    return {"nom": nom, "gen": nom, "dat": nom, "ins": nom}  # Сауле: indeclinable


def _patronymic(father: str, female: bool) -> dict[str, str]:
    stem = father[:-1] + "е" if father.endswith("й") else father.replace("ё", "е")
    suffix = "евич" if father.endswith("й") else "ович"
    if female:
        base = stem[:-1] if father.endswith("й") else stem
        nom = base + ("евна" if father.endswith("й") else "овна")
        return {"nom": nom, "gen": nom[:-1] + "ы", "dat": nom[:-1] + "е", "ins": nom[:-1] + "ой"}
    base = stem[:-1] if father.endswith("й") else stem
    nom = base + suffix
    return {"nom": nom, "gen": nom + "а", "dat": nom + "у", "ins": nom + "ем"}


@dataclass
class Person:
    given: dict[str, str]
    patronymic: dict[str, str] | None
    surname: dict[str, str]
    gender: str
    rank: str | None = None
    occupation: str | None = None
    forms: set[str] = field(default_factory=set)  # the name as written in the article, each case used

    def _name(self, case: str) -> str:
        parts = [self.given[case]] + ([self.patronymic[case]] if self.patronymic else []) + [self.surname[case]]
        return " ".join(parts)

    def full(self, case: str = "nom") -> str:
        """The full name in a case, as it is written into the article."""
        self.forms.add(self._name(case))
        return self._name(case)

    def short(self, case: str = "nom") -> str:
        self.forms.add(self.surname[case])
        return self.surname[case]

    @property
    def ending(self) -> str:
        """The past-tense ending of a verb agreeing with this person: "сообщил" / "сообщила"."""
        return "а" if self.gender == "female" else ""

    @property
    def his(self) -> str:
        return "её" if self.gender == "female" else "его"

    @property
    def label(self) -> str:
        return self._name("nom")

    def as_fact(self) -> dict:
        return {"label": self.label, "given_name": self.given["nom"],
                "patronymic": self.patronymic["nom"] if self.patronymic else None,
                "family_name": self.surname["nom"], "gender": self.gender, "rank": self.rank,
                "occupation": self.occupation, "forms": sorted(self.forms)}


# Rank words in the genitive and dative: "капитана внутренней службы", "капитану"
_RANK_CASES = {
    "рядовой": ("рядового", "рядовому"), "сержант": ("сержанта", "сержанту"),
    "старший сержант": ("старшего сержанта", "старшему сержанту"), "прапорщик": ("прапорщика", "прапорщику"),
    "лейтенант": ("лейтенанта", "лейтенанту"), "старший лейтенант": ("старшего лейтенанта", "старшему лейтенанту"),
    "капитан": ("капитана", "капитану"), "майор": ("майора", "майору"),
    "подполковник": ("подполковника", "подполковнику"), "полковник": ("полковника", "полковнику"),
}


def rank_in(rank: str, case: str) -> str:
    words = rank.split(" ", 2)
    base = " ".join(words[:2]) if " ".join(words[:2]) in _RANK_CASES else words[0]
    rest = rank[len(base):]
    if case == "nom":
        return rank
    return _RANK_CASES[base][0 if case == "gen" else 1] + rest


@dataclass
class Article:
    id: str
    title: str
    published: str
    publisher: str
    url: str
    paragraphs: list[str] = field(default_factory=list)
    facts: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.title + "\n\n" + "\n\n".join(self.paragraphs) + "\n"


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    # -- random building blocks ---------------------------------------------------------------
    def person(self, *, officer: bool = True, gender: str | None = None) -> Person:
        r = self.rng
        gender = gender or ("male" if r.random() < 0.85 else "female")
        female = gender == "female"
        given = _female_given(r.choice(FEMALE_GIVEN)) if female else _male_given(r.choice(MALE_GIVEN))
        surname_m = r.choice(SURNAMES)
        surname = _female_surname(surname_m) if female else _male_surname(surname_m)
        patronymic = _patronymic(r.choice(FATHERS), female) if r.random() < 0.6 else None
        rank = occupation = None
        if officer:
            rank = r.choice(RANKS)
            if rank not in ("рядовой",) and r.random() < 0.7:
                rank = f"{rank} {r.choice(SERVICES)}"
            occupation = r.choice(OCCUPATIONS) if r.random() < 0.5 else None
        return Person(given, patronymic, surname, gender, rank, occupation)

    def date(self, year_from: int = 1992, year_to: int = 2025) -> tuple[str, str]:
        r = self.rng
        y, m, d = r.randint(year_from, year_to), r.randint(1, 12), r.randint(1, 28)
        return f"{d} {MONTHS_GEN[m - 1]} {y} года", f"{y:04d}-{m:02d}-{d:02d}"

    def place(self) -> dict:
        kind, nom, loc, district, region = self.rng.choice(SETTLEMENTS)
        return {"type": kind, "label": nom, "loc": loc, "district": district + "ий район",
                "district_gen": district + "ого района", "region": region + " область",
                "region_gen": region[:-2] + "ой области"}

    def colony(self) -> dict:
        r = self.rng
        code = f"{r.choice(CODE_LETTERS)}-{r.randint(100, 180)}/{r.randint(1, 20)}"
        return {"code": code, "regime": r.choice(REGIMES)}

    # -- paragraphs ---------------------------------------------------------------------------
    def article(self, number: int, target_bytes: int) -> Article:
        r = self.rng
        kind = r.choice(["escape", "attack", "fire", "award", "sentencing", "resignation"])
        place, colony = self.place(), self.colony()
        city, city_loc = r.choice(CITIES)
        when, iso = self.date()
        pub_y = min(2025, int(iso[:4]) + r.choice([0, 0, 1, 5, 10, 25]))
        published = f"{pub_y:04d}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        if published < iso:
            published = iso
        officer, other = self.person(), self.person()
        convicts = r.randint(2, 7)
        facts: dict = {"incident": {"type": _INCIDENT_CLASS[kind], "date": iso}, "persons": [],
                       "institutions": [{"code": colony["code"]}],
                       "places": [{"label": place["label"], "type": place["type"],
                                   "district": place["district"], "region": place["region"]}],
                       "dates": [iso]}
        colony_phrase = f"колонии {colony['regime']} {colony['code']}"
        where = f"в {_LOCATIVE[place['type']]} {place['label']}"
        where_full = f"{where} {place['district_gen']} {place['region_gen']}"
        title, lead = self._lead(kind, when, colony, colony_phrase, where_full, officer, other, convicts)
        facts["persons"] += [officer] + ([other] if kind in ("award", "attack", "resignation") else [])
        paragraphs = [lead]
        fillers = [self._background, self._quote, self._history, self._investigation, self._memory,
                   self._statistics, self._reaction]
        article = Article(id=f"synthetic-{number:06d}", title=title, published=published,
                          publisher=r.choice(OUTLETS), url=f"https://example.org/news/{number:06d}",
                          paragraphs=paragraphs, facts=facts)
        r.shuffle(fillers)  # each kind of paragraph once before any repeats
        while len(article.text.encode("utf-8")) < target_bytes:
            filler = fillers[(len(paragraphs) - 1) % len(fillers)]
            paragraphs.append(filler(facts, colony, colony_phrase, place, city, city_loc))
        facts["persons"] = [p.as_fact() for p in facts["persons"]]  # now that every form is written
        return article

    def _lead(self, kind, when, colony, colony_phrase, where_full, officer, other, convicts):
        r = self.rng
        o_rank_gen = rank_in(officer.rank, "gen") if officer.rank else ""
        if kind == "escape":
            title = f"Побег из {colony_phrase}: {convicts} осуждённых ушли из оцепления"
            lead = (f"{when.capitalize()} {where_full} из {colony_phrase} бежали {convicts} осуждённых. "
                    f"Они напали на конвой на {r.choice(['карьере', 'промзоне', 'объекте'])}, использовав "
                    f"{r.choice(WEAPONS)}. Старшим конвоя был{officer.ending} {officer.rank} {officer.full()}. "
                    f"Беглецы захватили {r.choice(VEHICLES)} и скрылись в направлении трассы.")
        elif kind == "attack":
            title = f"Нападение на сотрудника колонии {colony['code']}"
            lead = (f"{when.capitalize()} в {colony_phrase} {where_full} осуждённый напал на "
                    f"{o_rank_gen} {officer.full('gen')}. Нападавшего задержал{other.ending} "
                    f"{other.rank} {other.full()}. Пострадавший доставлен в больницу.")
        elif kind == "fire":
            title = f"Пожар в {colony_phrase}"
            lead = (f"{when.capitalize()} в {colony_phrase} {where_full} произошёл пожар в "
                    f"{r.choice(['столярном цехе', 'котельной', 'общежитии отряда', 'складе'])}. "
                    f"Эвакуацию осуждённых организовал{officer.ending} {officer.rank} {officer.full()}. "
                    f"Погибших нет, {r.randint(1, 5)} человек получили отравление дымом.")
        elif kind == "award":
            title = f"Сотрудников {colony['code']} наградили к профессиональному празднику"
            lead = (f"{when.capitalize()} в учреждении {colony['code']} {where_full} прошло торжественное "
                    f"собрание. Начальник учреждения {officer.rank} {officer.full()} вручил{officer.ending} нагрудный знак "
                    f"«Отличник уголовно-исполнительной системы» {rank_in(other.rank, 'dat')} "
                    f"{other.full('dat')}.")
        elif kind == "sentencing":
            title = f"Суд вынес приговор участникам побега из {colony['code']}"
            lead = (f"{when.capitalize()} суд {where_full} приговорил {convicts} бывших осуждённых "
                    f"{colony_phrase} к новым срокам за побег и нападение на конвой. Обвинение "
                    f"поддерживал{officer.ending} {officer.rank} {officer.full()}. Сроки составили от "
                    f"{r.randint(5, 9)} до {r.randint(10, 20)} лет лишения свободы.")
        else:
            title = f"Начальник {colony_phrase} ушёл в отставку"
            lead = (f"{when.capitalize()} начальник {colony_phrase} {where_full} {officer.rank} "
                    f"{officer.full()} подал{officer.ending} рапорт об отставке. Исполняющим обязанности назначен{other.ending} "
                    f"{other.rank} {other.full()}.")
        return title, lead

    def _named(self, facts) -> Person:
        p = self.person()
        facts["persons"].append(p)
        return p

    def _background(self, facts, colony, colony_phrase, place, city, city_loc):
        r = self.rng
        decade = r.choice([1950, 1960, 1970, 1980])
        return (f"Учреждение {colony['code']} расположено {'в посёлке' if place['type'] == 'посёлок' else 'в селе'} "
                f"{place['label']} с {r.choice(['начала', 'середины', 'конца'])} {decade}-х годов. "
                f"Здесь содержатся около {r.randint(3, 15) * 100} осуждённых, работают "
                f"{r.choice(['швейный цех', 'гранитный карьер', 'деревообрабатывающее производство', 'подсобное хозяйство'])} "
                f"и профессиональное училище. До областного центра — {r.randint(40, 400)} километров.")

    def _quote(self, facts, colony, colony_phrase, place, city, city_loc):
        p = self._named(facts)
        return (f"«Мы сделали выводы и усилили охрану на всех объектах», — сообщил{p.ending} {p.rank} {p.full()}, "
                f"{p.occupation or 'представитель департамента'}. По {p.his} словам, в учреждении "
                f"{colony['code']} проведена внеплановая проверка, а личный состав прошёл дополнительное обучение.")

    def _history(self, facts, colony, colony_phrase, place, city, city_loc):
        r = self.rng
        when, iso = self.date(1970, 2020)
        facts["dates"].append(iso)
        return (f"Это не первый подобный случай в регионе. {when.capitalize()} в {city_loc} "
                f"{r.choice(['двое заключённых', 'трое осуждённых', 'группа осуждённых'])} "
                f"{r.choice(['пытались сделать подкоп', 'напали на дежурного', 'устроили беспорядки'])}. "
                f"Тогда, как и сейчас, на место выезжали сотрудники полиции и прокуратуры.")

    def _investigation(self, facts, colony, colony_phrase, place, city, city_loc):
        p = self._named(facts)
        r = self.rng
        return (f"Расследование ведёт департамент полиции {place['region_gen']}. Дело находится под "
                f"контролем {rank_in(p.rank, 'gen')} {p.full('gen')}. Возбуждено уголовное дело по "
                f"статье {r.randint(100, 430)} Уголовного кодекса. Следователи допросили "
                f"{r.randint(5, 40)} свидетелей и изучили записи камер наблюдения.")

    def _memory(self, facts, colony, colony_phrase, place, city, city_loc):
        r = self.rng
        victim = self.person(gender="male")
        facts["persons"].append(victim)
        facts.setdefault("commemorations", []).append({"commemorates": victim.label})
        year = r.randint(1995, 2024)
        return (f"В {city_loc} помнят {rank_in(victim.rank, 'gen')} {victim.full('gen')}, погибшего при "
                f"исполнении служебных обязанностей. В {year} году на здании учреждения {colony['code']} "
                f"открыли мемориальную доску в его честь, а его имя носит улица в посёлке {place['label']}.")

    def _statistics(self, facts, colony, colony_phrase, place, city, city_loc):
        r = self.rng
        return (f"По данным департамента, за последние {r.randint(2, 10)} лет в учреждениях "
                f"{place['region_gen']} зарегистрировано {r.randint(3, 60)} чрезвычайных происшествий, "
                f"побегов среди них — {r.randint(1, 9)}. Число нападений на сотрудников сократилось на "
                f"{r.randint(5, 60)} процентов.")

    def _reaction(self, facts, colony, colony_phrase, place, city, city_loc):
        p = self._named(facts)
        return (f"Аким района {p.full()} выразил{p.ending} соболезнования семьям пострадавших и пообещал{p.ending} помощь. "
                f"Жители посёлка {place['label']} рассказали, что узнали о происшествии из новостей, "
                f"а на дорогах {place['district_gen']} несколько дней стояли посты.")


_LOCATIVE = {"посёлок": "посёлке", "село": "селе"}
_INCIDENT_CLASS = {"escape": "Escape", "attack": "Attack", "fire": "Fire", "award": "AwardConferral",
                   "sentencing": "Sentencing", "resignation": "Resignation"}


def generate(count: int, seed: int = 1, kb: float = 5.0):
    """Yield `count` articles of about `kb` kilobytes of UTF-8 each."""
    gen = Generator(seed)
    for number in range(1, count + 1):
        yield gen.article(number, int(kb * 1000))


def write(out: Path, count: int, seed: int = 1, kb: float = 5.0, fmt: str = "jsonl") -> dict:
    """Write a corpus and its facts under `out`; return a summary (documents, characters, bytes)."""
    out.mkdir(parents=True, exist_ok=True)
    chars = size = 0
    facts_path = out / "facts.jsonl"
    corpus = open(out / "corpus.jsonl", "w", encoding="utf-8") if fmt == "jsonl" else None
    with open(facts_path, "w", encoding="utf-8") as facts_file:
        for article in generate(count, seed, kb):
            text = article.text
            chars += len(text)
            size += len(text.encode("utf-8"))
            meta = {"id": article.id, "title": article.title, "published": article.published,
                    "publisher": article.publisher, "url": article.url}
            if corpus is not None:
                corpus.write(json.dumps({**meta, "text": text}, ensure_ascii=False) + "\n")
            else:
                docs = out / "docs"
                docs.mkdir(exist_ok=True)
                (docs / f"{article.id}.txt").write_text(text, encoding="utf-8")
                (docs / f"{article.id}.meta.json").write_text(json.dumps(meta, ensure_ascii=False),
                                                             encoding="utf-8")
            facts_file.write(json.dumps({"id": article.id, **article.facts}, ensure_ascii=False) + "\n")
    if corpus is not None:
        corpus.close()
    return {"documents": count, "characters": chars, "bytes": size, "seed": seed, "kb": kb,
            "format": fmt, "path": str(out)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100, help="number of articles (100, 1000, 10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kb", type=float, default=5.0, help="approximate size of an article in KB of UTF-8")
    parser.add_argument("--format", choices=["jsonl", "txt"], default="jsonl")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    args = parser.parse_args(argv)
    summary = write(args.out, args.count, args.seed, args.kb, args.format)
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Institutions: names, abbreviations with their expansions, official codes, kinds and places.

Mentions come from natasha's ORG spans (split at a bracketed abbreviation, stripped of legal
forms and quotes), from known abbreviations ("УИС", "МВД", "ДУИС по СКО") and their spelled-
out forms, from official codes of penal institutions ("ЕС-164/4"), and from common-noun
bodies ("правительство Киргизии", "пресс-служба МВД"). A second stage, after places and
dates, reads where an institution is, when it was founded and which outlet a text cites.
"""

from __future__ import annotations

import re

from ..model import Institution, Link
from .context import Context
from .lexicon import CATEGORY_HEADS, CODE_KINDS, INSTITUTION_ABBREVIATIONS, PLACE_ABBREVIATIONS, SEATS_OF_POWER
from .nlp import Sentence, Token, models

# "ЕС-164/4", "ГМ-172/1", "АК-159/5": letters, a number, a slash, a number
CODE = re.compile(r"(?<![\w/-])([А-ЯЁ]{1,3}-\d{1,4}/\d{1,3})(?![\w/])")
# "ИК-5", "СИЗО-1", "ЛИУ-3": the system's own short codes
SHORT_CODE = re.compile(r"(?<![\w/-])((?:ИК|СИЗО|ЛИУ|КП|ИЗ|ЛТП|ВК)-\d{1,3}(?:/\d{1,3})?)(?![\w/])")
# "исправительной колонии № 5", "колония строгого режима №3"
NUMBERED = re.compile(r"(?i)(?<!\w)((?:исправительн\w+\s+|воспитательн\w+\s+|женск\w+\s+)?(?:колони\w+(?:-поселени\w+)?"
                      r"|следственн\w+\s+изолятор\w*|изолятор\w*|учреждени\w+)"
                      r"(?:\s+(?:строгого|общего|особого|усиленного)\s+режима)?\s*№\s*(\d{1,4}))(?!\d)")
_BAD_ORG = re.compile(r"[\n+]|^\W+$")
_LEGAL_FORM = re.compile(r"^(?:(?:ОАО|ЗАО|ООО|ПАО|АО|ТОО|АНО|НКО|ФГУП|ГУП|МУП|ИП|УК|НП)\s+)+[«\"„“]?")
_QUOTES = "«»\"„“”"
_ABBR = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, INSTITUTION_ABBREVIATIONS), key=len, reverse=True))
                   + r")(?:\s+по\s+(" + "|".join(map(re.escape, PLACE_ABBREVIATIONS)) + r"))?(?![\w-])")
# common nouns that name a body when they head a phrase: "правительство Киргизии"
BODY_HEADS = frozenset("""
правительство министерство ведомство посольство консульство пресс-служба прокуратура администрация
мэрия полиция милиция парламент сенат конгресс кабмин акимат власть генштаб штаб комиссия
госдума дума минфин минобороны минздрав минюст департамент управление комитет
сборная кабинет суд армия войско сила
""".split())
# armed forces: "сухопутных войск", "украинской армии", "вооружённых сил" (a bare "в армии", "войска"
# or "силы" names none)
_FORCES = frozenset("армия войско сила".split())
# words the tagger reads as organizations that name no one body
_NOT_BODIES = {"сми", "интернет", "интернете", "интернета", "интернетом", "соцсети", "соцсетях", "сеть", "сети",
               "сетью"}
# a platform one writes "in" is a medium, not a body: "написал в Twitter", "в своём Фейсбуке"
_PLATFORM = re.compile(r"(?i)^(?:twitter|твиттер\w*|facebook|фейсбук\w*|instagram|инстаграм\w*|weibo|wechat|youtube"
                       r"|ютуб\w*|telegram|телеграм\w*|tiktok|тикток\w*|whatsapp)$")
_IN_MEDIUM = re.compile(r"(?i)(?:\b(?:в|на|через)\s+(?:сво\w+\s+|соцсети\s+|мессенджере\s+)?)$")
_DISEASE = re.compile(r"(?i)^(?:covid|sars|mers)(?:-\w+)*$")
# a name in quotes after a word for a work, a brand or a cinema ("фильм «Цирк»", "кинотеатрах
# «Звезда», «Космос»"): NEREL and the graph do not count it as an organization
_WORK_CUE = re.compile(r"(?i)(?:фильм\w*|картин\w*|кинотеатр\w*|альбом\w*|песн\w*|сингл\w*|марк\w*|спектакл\w*"
                       r"|книг\w*|роман\w*|сериал\w*|клип\w*|препарат\w*|программ\w*|передач\w*|телешоу|шоу"
                       r"|сочинени\w*)\s*:?\s*(?:«[^«»]{1,40}»\s*(?:,|и)\s*)*«$")
# a name right after the kind of building or site it names is that place, not a body: "стадион
# «Лужники»", "в больнице «Тель ха-Шомер»", "отеля «Премьер-палас»", "аэропорту «Манас»"
_FACILITY_KINDS = frozenset("""стадион кинотеатр отель гостиница больница госпиталь клиника аэропорт станция кладбище
собор арена телецентр хранилище мечеть храм вокзал пост""".split())
# names whose own head says they name a building or a site: "Исаакиевский собор", "Братском кладбище"
_FACILITY_HEADS = frozenset("собор кладбище аббатство стадион аэропорт вокзал мечеть храм".split())
# "в торговом центре «Зимняя вишня»": a centre that is a building
_BUILDING_CENTRES = frozenset("торговый развлекательный спортивный выставочный".split())
# a name in wiki-style quotes: ''The Washington Post''
_WIKI_QUOTED = re.compile(r"''([A-ZА-ЯЁ][^'\n]{0,40}?[\w.])''")
# kinds of bodies whose name may follow them in quotes: "журнала ''Forbes''", "холдинг ''Ostchem''"
_ORG_KINDS = frozenset("""журнал газета издание агентство компания корпорация концерн холдинг группа труппа портал
сервис магазин банк фонд партия клуб команда лейбл студия телеканал радиостанция телекомпания организация
производитель бренд""".split())
# generic heads that alone name no one body: "власти", "ведомство", "местных властей"
_LONE_GENERIC = frozenset("власть ведомство министерство управление комиссия штаб департамент комитет сборная кабинет"
                          " администрация милиция пресс-служба"
                          .split())
# a body's passing state is no part of its name: "новое правительство" (NEREL marks "правительство")
_TRANSIENT = frozenset("новый прежний нынешний будущий бывший".split())
# heads whose body is named after the person leading it: "кабинет Руснока", "правительство Фишера"
_LED_BY = frozenset("правительство кабинет администрация".split())
_REGIMES = re.compile(r"(?i)(особого|строгого|общего|усиленного|максимального|минимального|среднего)\s+режима")
_PENAL_HEAD = re.compile(r"(?i)(исправительн\w+\s+(?:учреждени\w+|колони\w+)|колони\w+(?:-поселени\w+)?"
                         r"|следственн\w+\s+изолятор\w*|учреждени\w+)\s*$")
_OUTLET_CUE = re.compile(r"(?i)(?:передает|передаёт|сообщает|пишет|корреспондент\w*|по\s+данным|со\s+ссылкой\s+на"
                         r"|информаци\w+\s+(?:портала|сайта|агентства|издания))\s+(?:корреспондент\w*\s+)?$")
_DOMAIN = re.compile(r"(?<![\w.])([\w-]+\.(?:kz|ru|com|net|org|su|by|ua|kg|uz|info|tv|media|news))(?![\w])")
# place kinds that, left without a name, name no place of the body's: "кабинет министров страны"
_DANGLING_KINDS = frozenset("страна штат государство город".split())
# areas that, left without a name or an adjective, name none: "штаба округа", "правительства республики"
# (while "правительства Калининградской области" keeps its region)
_DANGLING_AREAS = frozenset("округ район регион республика область край".split())
# words of a picture's caption before the name: "Флаг ИГИЛ"
_CAPTION_WORDS = frozenset("флаг эмблема логотип герб".split())
# abbreviations of a part of a body, named with the body's own: "ГУ МВД", "ЦК КПСС", "СУ СК"
_SUB_UNITS = frozenset("ГУ ГСУ СУ ЦК УВД ГУВД УМВД УФСИН УФСБ УФМС ОВД".split())
_OF_BODY = re.compile(r" [А-ЯЁ]{2,6}(?![\w-])")
# "в кабинете Белого дома", "у стен Кремля": the building, not the body
_BUILDING_PARTS = frozenset("кабинет здание территория стена зал ворота башня площадь двор".split())
# the kind of place before its name: "штата Массачусетс", "города Павия", "провинции Онтарио"
_KIND_OF_PLACE = re.compile(r" (?:штата|города|г\.|провинции|округа|области|края|графства|земли|префектуры) ?(?=[A-ZА-ЯЁ])")
# "(ФТС РФ)", "(ВС)", "(NABF)": an abbreviation, with the country's own, in brackets
# or with the original name first: "(King’s College London, KCL)"
_BRACKETED = re.compile(r" ?\((?:([A-Z][^()\n,]{2,60}), )?([A-ZА-ЯЁ][A-ZА-ЯЁ&-]{1,7}(?: [A-ZА-ЯЁ]{2,3})?)\)")
_FOUNDING = re.compile(r"(?i)(основа[нл]\w*|созда[нл]\w*|откры[тл]\w*|построе?[нл]\w*)\s*$")


def extract_institutions(ctx: Context) -> None:
    found = _Institutions(ctx)
    found.codes()
    found.numbered()
    found.abbreviations()
    found.seats()
    found.outlets()
    found.org_spans()
    found.wiki_quoted()
    found.bodies()


class _Institutions:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.by_label: dict[str, Institution] = {}

    def get(self, label: str, category: str | None = None) -> Institution:
        key = label.lower().replace("ё", "е")
        inst = self.by_label.get(key)
        if inst is None:
            inst = Institution(key=self.ctx.new_key("inst"), label=label, category=category)
            self.by_label[key] = inst
            self.ctx.facts.institutions.append(inst)
        inst.category = inst.category or category
        return inst

    def mention(self, inst: Institution, start: int, end: int, confidence: float) -> None:
        if any(e.start == start and e.end == end for e in inst.mentions):
            return
        inst.mentions.append(self.ctx.evidence(start, end, confidence))
        self.ctx.add_mention(start, end, inst.key)

    def free(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e, _ in self.ctx.mentions)

    def codes(self) -> None:
        text = self.ctx.text
        for match in CODE.finditer(text):
            code = match.group(1)
            inst = self.get(code, "PenalInstitution")
            inst.code = code
            inst.institution_type = inst.institution_type or _code_kind(text, match.start(1), match.end(1))
            self.mention(inst, match.start(1), match.end(1), 0.95)

    def numbered(self) -> None:
        """"ИК-5", "исправительной колонии № 5": penal institutions by number."""
        text = self.ctx.text
        for match in SHORT_CODE.finditer(text):
            if not self.free(match.start(1), match.end(1)):
                continue
            code = match.group(1)
            inst = self.get(code, "PenalInstitution")
            inst.code = code
            kind = CODE_KINDS.get(code.split("-")[0])
            inst.institution_type = inst.institution_type or kind or _code_kind(text, match.start(1), match.end(1))
            self.mention(inst, match.start(1), match.end(1), 0.9)
        for match in NUMBERED.finditer(text):
            if not self.free(match.start(1), match.end(1)):
                continue
            words = match.group(1).split("№")[0].split()
            kind = _phrase_nominative_regime(words)
            label = f"{kind} № {match.group(2)}"
            inst = self.get(label, "PenalInstitution")
            inst.institution_type = inst.institution_type or kind
            self.mention(inst, match.start(1), match.end(1), 0.85)

    def abbreviations(self) -> None:
        text = self.ctx.text
        # regional forms first, so that a bare "ДУИС" joins "ДУИС по СКО" wherever it stands
        matches = sorted(_ABBR.finditer(text), key=lambda m: m.group(2) is None)
        for match in matches:
            if not self.free(match.start(), match.end()) or _in_law_title(text, match.start()):
                continue
            abbr, region = match.group(1), match.group(2)
            expansion, category = INSTITUTION_ABBREVIATIONS[abbr]
            if region:  # "ДУИС по СКО": the department of that region
                label = f"{expansion} по {_dative(PLACE_ABBREVIATIONS[region][0])}"
                inst = self.get(label, category)
                inst.abbreviation = f"{abbr} по {region}"
                end = match.end()
            else:
                end = self._extend(match.start(), match.end())
                if end > match.end():  # "МВД Киргизии": the ministry of that country
                    inst = self.get(f"{expansion}{text[match.end():end]}", category)
                else:
                    inst = self._by_abbreviation(abbr) or self.get(expansion, category)
                inst.abbreviation = inst.abbreviation or abbr
            self.mention(inst, match.start(), end, 0.9)
        # the spelled-out forms of the abbreviations seen: "уголовно-исполнительной системы"
        for inst in list(self.ctx.facts.institutions):
            if inst.abbreviation:
                base = INSTITUTION_ABBREVIATIONS.get(inst.abbreviation.split()[0], (None,))[0]
                if base:
                    for start, end in _phrase_occurrences(self.ctx, base):
                        if self.free(start, end):
                            self.mention(inst, start, end, 0.85)

    def _by_abbreviation(self, abbr: str) -> Institution | None:
        """A bare "ДУИС" after "ДУИС по СКО" in the same text is the same department."""
        for inst in self.ctx.facts.institutions:
            if inst.abbreviation and inst.abbreviation.split()[0] == abbr:
                return inst
        return None

    def seats(self) -> None:
        """"Кремль заявил", "представители Белого дома": the body, unless the building is meant
        ("в Овальном кабинете Белого дома", "на территории Кремля")."""
        for sentence in self.ctx.analysis.sentences:
            tokens = sentence.tokens
            for i, token in enumerate(tokens):
                if not token.text[:1].isupper():
                    continue
                for lemmas, label in SEATS_OF_POWER.items():
                    words = tokens[i:i + len(lemmas)]
                    if tuple(t.lemma for t in words) != lemmas or not all(t.text[:1].isupper() for t in words[:1]):
                        continue
                    if i and (tokens[i - 1].lemma in _BUILDING_PARTS
                              or tokens[i - 1].text.lower() in ("в", "во") and token.feats.get("Case") == "Loc"):
                        continue  # "в Белом доме": where one is, the building
                    start, end = words[0].start, words[-1].end
                    if self.free(start, end):
                        self.mention(self.get(label, "GovernmentBody"), start, end, 0.7)

    def outlets(self) -> None:
        """"передает корреспондент 7152.kz": the outlet a text cites is a news outlet."""
        text = self.ctx.text
        for match in _DOMAIN.finditer(text):
            if not _OUTLET_CUE.search(text[max(0, match.start() - 40):match.start()]):
                continue
            inst = self.get(match.group(1), "NewsOutlet")
            self.mention(inst, match.start(1), match.end(1), 0.85)
            if self.ctx.document.publisher is None:
                self.ctx.document.publisher = match.group(1)
        for span in self.ctx.analysis.spans:
            if span.type == "ORG" and _OUTLET_CUE.search(text[max(0, span.start - 40):span.start]) \
                    and self.free(span.start, span.end) and "\n" not in span.text:
                inst = self.get(span.text.strip(_QUOTES), "NewsOutlet")
                self.mention(inst, span.start, span.end, 0.75)

    def org_spans(self) -> None:
        text = self.ctx.text
        for span in self.ctx.analysis.spans:
            if span.type != "ORG" or _BAD_ORG.search(span.text) or span.text in PLACE_ABBREVIATIONS \
                    or span.text.lower() in _NOT_BODIES:
                continue  # "ВКО" is a region, read by the places stage
            pieces = _split_brackets(text, span.start, span.end)
            previous = first_piece = None
            for start, end in pieces:
                start, end = _strip(text, start, end)
                if end <= start or not self.free(start, end) or CODE.fullmatch(text[start:end]):
                    previous = None
                    continue
                start = self._past_caption_word(start, end)
                end = self._past_dangling_adjective(start, end)
                unit = _OF_BODY.match(text, end) if text[start:end] in _SUB_UNITS else None
                end = self._extend(start, unit.end() if unit else end)
                end = self._coordinated_tail(start, end)
                name = text[start:end]
                if _DISEASE.match(name) or _PLATFORM.match(name) and _IN_MEDIUM.search(text[max(0, start - 30):start]) \
                        or _WORK_CUE.search(text[max(0, start - 120):start]) or self._after_facility_kind(start) \
                        or _in_law_title(text, start) or self._names_a_facility(start, end):
                    previous = None
                    continue
                label = name if name.isupper() or len(pieces) > 1 and previous else _org_nominative(self.ctx, start, end, span.normal if (start, end) == (span.start, span.end) else None)
                inst = self.get(label, _category(self.ctx, start, end))
                if name.isupper() and len(name) <= 8:
                    inst.abbreviation = inst.abbreviation or name
                self.mention(inst, start, end, 0.8)
                if len(pieces) == 1:
                    self._bracketed_abbreviation(inst, start, end)
                if previous is not None:  # "Форум стран-экспортёров газа (ФСЭГ)"
                    relation = "ABBREVIATION" if name.isupper() else "ALTERNATIVE_NAME"
                    self.ctx.facts.links.append(Link(relation, self.ctx.evidence(*previous, 0.8),
                                                     self.ctx.evidence(start, end, 0.8)))
                    if relation == "ABBREVIATION":
                        if first_piece not in (None, previous):  # the Russian name is abbreviated the same way
                            self.ctx.facts.links.append(Link(relation, self.ctx.evidence(*first_piece, 0.8),
                                                             self.ctx.evidence(start, end, 0.8)))
                        first = self.ctx.key_at(*previous)
                        if first:
                            self._merge(first, inst)
                previous = (start, end)
                first_piece = first_piece or previous

    def wiki_quoted(self) -> None:
        """"журнала ''Forbes''", "группа ''Linkin Park''": a name in wiki-style quotes after the
        kind of body it names (the tagger reads nothing there); the same quoted name again later."""
        text = self.ctx.text
        names: dict[str, Institution] = {}
        for match in _WIKI_QUOTED.finditer(text):
            start, end = match.start(1), match.end(1)
            sentence = self.ctx.analysis.sentence_of(start)
            cue = next((t for t in reversed(sentence.tokens) if t.end <= match.start()), None) if sentence else None
            if cue is None or text[cue.end:match.start()].strip() or cue.lemma not in _ORG_KINDS \
                    or not self.free(start, end):
                continue
            inst = self.get(match.group(1), CATEGORY_HEADS.get(cue.lemma))
            self.mention(inst, start, end, 0.75)
            names[match.group(1)] = inst
        for match in _WIKI_QUOTED.finditer(text):
            inst = names.get(match.group(1))
            if inst is not None and self.free(match.start(1), match.end(1)):
                self.mention(inst, match.start(1), match.end(1), 0.7)

    def _bracketed_abbreviation(self, inst: Institution, start: int, end: int) -> None:
        """"Федеральной таможенной службы РФ (ФТС РФ)", "Верховный суд России (ВС)": the
        abbreviation in brackets after a name the tagger gave without it names the same body."""
        m = _BRACKETED.match(self.ctx.text, end)
        if m is None or len(self.ctx.text[start:end].split()) < 2:
            return
        a, b = m.start(2), m.end(2)
        taken = [(s, e, k) for s, e, k in self.ctx.mentions if s < b and a < e]
        if any((s, e) != (a, b) for s, e, _ in taken) or m.group(1) and not self.free(m.start(1), m.end(1)):
            return
        for _s, _e, key in taken:  # read before as another body's abbreviation ("ВС")
            other = next((i for i in self.ctx.facts.institutions if i.key == key), None)
            if other is None or other is inst:
                return
            other.mentions[:] = [ev for ev in other.mentions if (ev.start, ev.end) != (a, b)]
            self.ctx.mentions[:] = [x for x in self.ctx.mentions if (x[0], x[1], x[2]) != (a, b, key)]
            if not other.mentions:
                self.ctx.facts.institutions.remove(other)
                self.by_label = {k: v for k, v in self.by_label.items() if v is not other}
        inst.abbreviation = inst.abbreviation or m.group(2)
        self.mention(inst, a, b, 0.8)
        if m.group(1):  # the original name: another name of the same body, abbreviated the same way
            original = (m.start(1), m.end(1))
            self.mention(inst, *original, 0.8)
            if m.group(1) not in inst.alt_names:
                inst.alt_names.append(m.group(1))
            self.ctx.facts.links.append(Link("ALTERNATIVE_NAME", self.ctx.evidence(start, end, 0.8),
                                             self.ctx.evidence(*original, 0.8)))
            self.ctx.facts.links.append(Link("ABBREVIATION", self.ctx.evidence(*original, 0.8),
                                             self.ctx.evidence(a, b, 0.8)))
        if " " not in m.group(2) and not m.group(1) and not re.search("[A-Z]", m.group(2)):
            # "Верховный суд России (ВС)": a Russian abbreviation leaves the country out ("(USADA)" keeps it)
            place = next((sp for sp in self.ctx.analysis.spans if sp.type == "LOC" and start < sp.start < end
                          and self.ctx.text[sp.start - 1] == " "
                          and sp.start + len(sp.text.split("(")[0].rstrip()) == end), None)
            if place is not None:
                end = place.start - 1
        self.ctx.facts.links.append(Link("ABBREVIATION", self.ctx.evidence(start, end, 0.8),
                                         self.ctx.evidence(a, b, 0.8)))

    def _names_a_facility(self, start: int, end: int) -> bool:
        """"Исаакиевский собор", "на Братском кладбище": the name's head noun is a kind of building."""
        noun = next((t for t in self.ctx.analysis.tokens_in(start, end) if t.pos in ("NOUN", "PROPN")), None)
        return noun is not None and noun.text.islower() and noun.lemma in _FACILITY_HEADS

    def _after_facility_kind(self, start: int) -> bool:
        """"на стадионе «Лужники»", "в торговом центре «Зимняя вишня»": the name of a building."""
        sentence = self.ctx.analysis.sentence_of(start)
        if sentence is None:
            return False
        before = [t for t in sentence.tokens if t.end <= start and not _QUOTE_TOKEN.match(t.text)]
        if not before or self.ctx.text[before[-1].end:start].strip(" " + _QUOTES):
            return False
        kind = before[-1]
        first = next((t for t in sentence.tokens if t.start >= start), None)
        if self.ctx.text[start - 1:start] not in _QUOTES and first is not None and first.feats.get("Case") == "Gen":
            return False  # "в больнице Королевского колледжа": the hospital of a body, which is named
        if kind.lemma == "центр":
            return len(before) > 1 and before[-2].lemma in _BUILDING_CENTRES
        return kind.lemma in _FACILITY_KINDS and kind.text.islower()

    def _past_caption_word(self, start: int, end: int) -> int:
        """"Флаг ИГИЛ" under a picture: the organization is what the flag is of."""
        tokens = self.ctx.analysis.tokens_in(start, end)
        if len(tokens) > 1 and tokens[0].lemma in _CAPTION_WORDS and tokens[1].text[:1].isupper():
            return tokens[1].start
        return start

    def _past_dangling_adjective(self, start: int, end: int) -> int:
        """"Следственном комитете Российской" + " Федерации", "Национальной ассамблеи народной" +
        " власти": the tagger stopped before the noun its last adjective goes with."""
        tokens = self.ctx.analysis.tokens_in(start, end)
        sentence = self.ctx.analysis.sentence_of(start)
        if not tokens or sentence is None or tokens[-1].pos != "ADJ" or tokens[-1].head is None \
                or not tokens[-1].text.isalpha():
            return end  # "58-летнего" Рината: an age, not part of a name
        head = sentence.tokens[tokens[-1].head]
        if any(sp.type == "PER" and sp.start <= head.start < sp.end for sp in self.ctx.analysis.spans):
            return end
        between = [t for t in sentence.tokens if end <= t.start < head.start]
        if head.start >= end and head.pos in ("NOUN", "PROPN") and head.index - tokens[-1].index <= 3 \
                and all(t.pos == "ADJ" for t in between):
            return head.end
        return end

    def _merge(self, key: str, other: Institution) -> None:
        """The abbreviation given in brackets names the same institution."""
        main = next((i for i in self.ctx.facts.institutions if i.key == key), None)
        if main is None or main is other:
            return
        main.abbreviation = main.abbreviation or other.abbreviation
        for ev in other.mentions:
            main.mentions.append(ev)
        self.ctx.mentions[:] = [(s, e, main.key if k == other.key else k) for s, e, k in self.ctx.mentions]
        self.ctx.facts.institutions.remove(other)
        self.by_label = {k: v for k, v in self.by_label.items() if v is not other}
        self.by_label[other.label.lower()] = main

    def _coordinated_tail(self, start: int, end: int) -> int:
        """"Бюро по контролю за оборотом алкоголя" + ", табачных изделий и огнестрельного оружия",
        "комитета по международным отношениям" + " и обороне": a field of work the name lists goes
        on through common nouns in the same case, up to the last one after "и"."""
        sentence = self.ctx.analysis.sentence_of(start)
        if sentence is None:
            return end
        inside = [t for t in sentence.tokens if start <= t.start and t.end <= end]
        nouns = [t for t in inside if t.pos in ("NOUN", "PROPN")]
        if len(nouns) < 2 or inside[-1] is not nouns[-1] or not inside[-1].text.islower():
            return end  # the list belongs to a word after the head, not to "Принстонский университет"
        case = inside[-1].feats.get("Case")
        after = [t for t in sentence.tokens if t.start >= end]
        new_end, i = end, 0
        while i < len(after) and after[i].text in (",", "и"):
            joint = after[i].text
            j = i + 1
            while j < len(after) and after[j].pos == "ADJ" and after[j].text.islower():
                j += 1
            if j >= len(after) or after[j].pos != "NOUN" or not after[j].text.islower() \
                    or after[j].feats.get("Case") != case:
                break
            i = j + 1
            if joint == "и":  # the list ends with its last item, and that item's own genitive
                new_end = after[j].end
                k = i
                while k < len(after) and after[k].pos == "ADJ" and after[k].text.islower():
                    k += 1
                if k < len(after) and after[k].pos == "NOUN" and after[k].text.islower() \
                        and after[k].feats.get("Case") == "Gen" and after[k].lemma not in _DANGLING_KINDS:
                    new_end = after[k].end  # "издателей и распространителей" + " печатной продукции"
                break
        return new_end

    def _extend(self, start: int, end: int) -> int:
        """"МВД" + " по Башкирии" / " Киргизии": the place that belongs to the body's name;
        "Европейский суд" + " по правам человека": the field it works in."""
        text = self.ctx.text
        if text[end:end + 4] == " по " and text[end + 4:end + 5].islower():
            sentence = self.ctx.analysis.sentence_of(start)
            if sentence is not None:
                inside = {t.index for t in sentence.tokens if start <= t.start and t.end <= end}
                after = [t for t in sentence.tokens if t.start > end]
                if after and after[0].text == "по" and len(after) > 1 and after[0].head == after[1].index \
                        and after[1].head in inside:
                    members = {after[1].index}
                    new_end = after[1].end
                    for token in after[2:]:
                        if token.head in members and token.rel in ("nmod", "amod", "flat") \
                                or token.rel == "amod" and token.head is not None and token.head > token.index:
                            members.add(token.index)
                            new_end = token.end
                        else:
                            break
                    return new_end
        for loc in self.ctx.analysis.spans:
            if loc.type != "LOC" or loc.start < end:
                continue
            gap = text[end:loc.start]
            if gap in (" по ", " ") and (gap == " по " or _genitive(self.ctx, loc.start, loc.end)):
                # "РФ (ФТС РФ)": the tagger ran on into the bracket, which is no part of the place
                return loc.start + len(text[loc.start:loc.end].split("(")[0].rstrip())
            break
        return end

    def _forces(self, sentence: Sentence, head: Token, start: int, end: int) -> bool:
        before = sentence.tokens[head.index - 1] if head.index else None
        if head.lemma == "сила":
            return before is not None and before.lemma.startswith(("вооруж", "военно-"))
        if (start, end) == (head.start, head.end) or before is not None and before.lemma == "генерал" \
                or head.lemma == "армия" and head.feats.get("Number") == "Plur":
            return False  # "генерал армии" is a rank; "армий зарубежных стран" a kind
        insts = {i.key for i in self.ctx.facts.institutions}
        return not any(start <= s and e <= end and k in insts for s, e, k in self.ctx.mentions)  # "войск НАТО"

    def bodies(self) -> None:
        """"правительство Киргизии", "пресс-служба МВД": a common noun heading a body's name."""
        for sentence in self.ctx.analysis.sentences:
            for token in sentence.tokens:
                if token.lemma not in BODY_HEADS or token.text.isupper():
                    continue
                if token.lemma == "власть" and token.feats.get("Number") != "Plur":
                    continue
                start, end = _body_extent(self.ctx, sentence, token)
                end = self._coordinated_tail(start, end)
                if token.lemma == "кабинет" and not _cabinet(self.ctx, start, end, token):
                    continue  # "в кабинете директора": a room
                if token.lemma in _FORCES and not self._forces(sentence, token, start, end):
                    continue
                following = sentence.tokens[token.index + 1] if token.index + 1 < len(sentence.tokens) else None
                if token.lemma == "управление" and following is not None and following.feats.get("Case") == "Ins":
                    continue  # "в управлении автомобилем": the act of running something
                if token.lemma == "управление" and _governing(self.ctx, sentence, start, token):
                    continue  # "системой автоматического управления", "участия в управлении страной"
                if token.lemma == "суд" and (token.feats.get("Number") == "Plur" or (start, end) == (token.start, token.end)):
                    continue  # "суд постановил", "в суде": the trial or the court of the story, no named body
                if token.lemma in _LONE_GENERIC and _lone_generic(self.ctx, start, end):
                    continue
                if not self.free(start, end) and not any(s >= start and e <= end for s, e, _ in self.ctx.mentions):
                    continue
                if any(s == start and e == end for s, e, _ in self.ctx.mentions) or _in_law_title(self.ctx.text, start):
                    continue
                label = _org_nominative(self.ctx, start, end, None)
                inst = self.get(label, CATEGORY_HEADS.get(token.lemma, "GovernmentBody"))
                self.mention(inst, start, end, 0.6)


def finish_institutions(ctx: Context) -> None:
    """After places and dates: where each institution is, when founded, its nickname."""
    places = {p.key: p for p in ctx.facts.places}
    _genitive_tails(ctx, places)
    _places_they_serve(ctx, places)
    for inst in ctx.facts.institutions:
        for ev in inst.mentions:
            inner = [(s, e, k) for s, e, k in ctx.mentions if k in places and ev.start <= s and e <= ev.end
                     and not _inside_other_body(ctx, s, e, ev, places)]
            first = ctx.analysis.tokens_in(ev.start, ev.end)[:1]
            if first and first[0].lemma in _NO_SEAT_HEADS:
                inner = []  # "посольство США" is not in the USA; "пресс-служба МВД Киргизии" is the ministry's
            if ctx.text[ev.start - 1:ev.start] in _QUOTES:
                # a quoted name's adjectives name no place: «Российская газета», «Русская речь»
                inner = [(s, e, k) for s, e, k in inner if ctx.text[s:s + 1].isupper()
                         and all(t.pos != "ADJ" for t in ctx.analysis.tokens_in(s, e))]
            if inner:
                s, e, k = inner[-1]
                inst.located_in = inst.located_in or k
                ctx.facts.links.append(Link("HEADQUARTERED_IN", ctx.evidence(ev.start, ev.end, 0.7),
                                            ctx.evidence(s, e, 0.7)))
        for ev in inst.mentions:
            place = _place_adjective_before(ctx, ev.start, places) or _place_in_after(ctx, ev.end, places)
            if place:
                s, e, k = place
                inst.located_in = inst.located_in or k
                ctx.facts.links.append(Link("HEADQUARTERED_IN", ctx.evidence(ev.start, ev.end, 0.65),
                                            ctx.evidence(s, e, 0.65)))
        if inst.category == "PenalInstitution" and inst.code and not inst.located_in:
            inst.located_in = _place_after(ctx, inst, places)
    _names_without_their_country(ctx, places)
    _governments_alone(ctx, places)
    _names_with_their_body(ctx)
    _abbreviations_by_initials(ctx)
    _founded(ctx)
    _activities(ctx)
    _nicknames(ctx)


# words an abbreviation leaves out: "Фонд борьбы с коррупцией" → ФБК
_FUNCTION_WORDS = frozenset("и по в во с со за на для о об при от of the and for de des du la le".split())


# the title of a law or a decree: «О полиции», "О Следственном комитете Российской Федерации"
_LAW_TITLE = re.compile(r"[«\"„“]Об?\s(?:[^«»\"„“\n]{0,80}\s)?$")


def _in_law_title(text: str, start: int) -> bool:
    """A body named in the title of a law is what the law is about, not a mention of the body."""
    return bool(_LAW_TITLE.search(text, max(0, start - 90), start))


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name.strip(_QUOTES + " ")) if w]
    return "".join(w[0] for w in words if w.lower() not in _FUNCTION_WORDS).upper()


def _abbreviations_by_initials(ctx: Context) -> None:
    """"Фонд борьбы с коррупцией … ФБК": an abbreviation spelling the initials of a name
    the text gives elsewhere names the same body."""
    spelled = [(inst, ev) for inst in ctx.facts.institutions for ev in inst.mentions
               if len(ev.quote.split()) >= 2]
    pairs: dict[tuple[str, str], tuple] = {}
    told = {link.target.quote for link in ctx.facts.links if link.relation == "ABBREVIATION"}
    for inst in ctx.facts.institutions:
        for ev in inst.mentions:
            abbr = ev.quote
            if not (2 <= len(abbr) <= 6 and abbr.isalpha() and abbr.isupper()) or abbr in told:
                continue  # an abbreviation the text spells out in brackets is linked there
            for full, fev in spelled:
                if _initials(fev.quote) != abbr:
                    continue
                # the closest pair, the spelled-out name first where the text allows
                rank = (fev.start > ev.start, abs(fev.start - ev.start))
                if (full.key, abbr) not in pairs or rank < pairs[(full.key, abbr)][0]:
                    pairs[(full.key, abbr)] = (rank, full, fev, ev)
    for _rank, full, fev, ev in pairs.values():
        full.abbreviation = full.abbreviation or ev.quote
        ctx.facts.links.append(Link("ABBREVIATION", ctx.evidence(fev.start, fev.end, 0.7),
                                    ctx.evidence(ev.start, ev.end, 0.7)))


def _inside_other_body(ctx: Context, start: int, end: int, outer, places) -> bool:
    """"Главное управление МВД России": Russia belongs to the ministry's name, not the directorate's."""
    return any(k not in places and outer.start <= s <= start and end <= e <= outer.end
               and (s, e) != (outer.start, outer.end) and (s, e) != (start, end) for s, e, k in ctx.mentions)


def _names_without_their_country(ctx: Context, places) -> None:
    """"Верховный суд Испании", "ФСБ России": the name before the country is itself a name of
    the body (NEREL marks both; the graph keeps it as one more mention of the same body)."""
    for inst in ctx.facts.institutions:
        for ev in list(inst.mentions):
            country = next((s for s, e, k in ctx.mentions if e == ev.end and s > ev.start + 1 and k in places
                            and places[k].place_type == "страна" and ctx.text[s - 1] == " "), None)
            if country is None:
                continue
            name = ctx.text[ev.start:country - 1]
            words = name.split()
            if not (name[:1].isupper() and (len(words) >= 2 or name.isupper())) or words[-1].lower() in _FUNCTION_WORDS \
                    or any(e.start == ev.start and e.end == country - 1 for e in inst.mentions):
                continue
            inst.mentions.append(ctx.evidence(ev.start, country - 1, ev.confidence))


# bodies NEREL also marks alone inside "правительство Мали", "парламента Японии", "правительство Нечаса"
_GOVERNMENT_HEADS = frozenset("правительство парламент".split())


def _governments_alone(ctx: Context, places) -> None:
    """"правительство Мали", "парламенте Италии", "правительства Немцовой", "палестинское
    правительство": the government or parliament of the place or person named with it is also
    mentioned by its head noun alone (one more mention of the same body)."""
    persons = {p.key for p in ctx.facts.persons if not p.anonymous}
    for inst in ctx.facts.institutions:
        for ev in list(inst.mentions):
            tokens = ctx.analysis.tokens_in(ev.start, ev.end)
            if len(tokens) == 2 and tokens[1].lemma in _GOVERNMENT_HEADS and tokens[1].text.islower() \
                    and tokens[0].pos == "ADJ" \
                    and any((s, e) == (tokens[0].start, tokens[0].end) and k in places for s, e, k in ctx.mentions):
                head = tokens[1]  # "палестинское правительство", "чешском парламенте"
            elif len(tokens) >= 2 and tokens[0].lemma in _GOVERNMENT_HEADS and tokens[0].text[1:].islower():
                after = tokens[1]
                named = any(s == after.start and (k in places or k in persons) for s, e, k in ctx.mentions)
                if not named or not after.text[:1].isupper() or after.feats.get("Case") not in ("Gen", None):
                    continue
                head = tokens[0]
            else:
                continue
            if not any(e.start == head.start and e.end == head.end for e in inst.mentions):
                inst.mentions.append(ctx.evidence(head.start, head.end, ev.confidence))


def _names_with_their_body(ctx: Context) -> None:
    """"Совет Безопасности ООН", "Секретариат МАГАТЭ": a body's name followed by the abbreviation
    of the body it belongs to is also mentioned with it (NEREL marks the whole and the parts)."""
    insts = {i.key: i for i in ctx.facts.institutions}
    starts = {s: (e, k) for s, e, k in ctx.mentions if k in insts}
    for inst in insts.values():
        for ev in list(inst.mentions):
            nxt = starts.get(ev.end + 1)
            if nxt is None or nxt[1] == inst.key or ctx.text[ev.end] != " " or not ev.quote[:1].isupper() \
                    or ev.quote.isupper():
                continue
            abbr = ctx.text[ev.end + 1:nxt[0]]
            if not abbr.split()[0].isupper() or len(abbr.split()[0]) < 2 or not abbr.split()[0].isalpha():
                continue
            if not any(e.start == ev.start and e.end == nxt[0] for i in insts.values() for e in i.mentions):
                inst.mentions.append(ctx.evidence(ev.start, nxt[0], ev.confidence))


def _places_they_serve(ctx: Context, places) -> None:
    """"окружной федеральный суд" + " штата Массачусетс", "прокуратура" + " города Павия": the
    place a body serves, named after the word for its kind, belongs to the body's name (read
    after the places, so that the place keeps its own mention)."""
    for inst in ctx.facts.institutions:
        for ev in inst.mentions:
            m = _KIND_OF_PLACE.match(ctx.text, ev.end)
            place = next(((s, e) for s, e, k in ctx.mentions if m and s == m.end() and k in places), None)
            if place is None or any(x.start == ev.start and x.end == place[1] for x in inst.mentions):
                continue
            old = (ev.start, ev.end, inst.key)
            ctx.mentions[:] = [(m0[0], place[1], m0[2]) if m0 == old else m0 for m0 in ctx.mentions]
            ev.end, ev.quote = place[1], ctx.text[ev.start:place[1]]


# bodies whose name's place is not where they are: an embassy stands for its country abroad, a press
# office for the body it speaks for
_NO_SEAT_HEADS = frozenset("посольство консульство постпредство представительство пресс-служба".split())


def _genitive_tails(ctx: Context, places) -> None:
    """"Совета директоров «Башинформа»", "Институте русского языка РАН", "Администрации
    Советского района Уфы": a body's name goes on through the body or place after it in the
    genitive (the parser and the tagger often cut it there)."""
    insts = {i.key: i for i in ctx.facts.institutions}
    starts: dict[int, tuple[int, str]] = {}
    for s, e, k in ctx.mentions:
        if (k in insts or k in places) and e > starts.get(s, (-1, ""))[0]:
            starts[s] = (e, k)
    for inst in insts.values():
        for ev in sorted(inst.mentions, key=lambda x: -x.start):
            end = ev.end
            while True:
                gap = _TAIL_GAP.match(ctx.text, end)
                nxt = starts.get(gap.end()) if gap else None
                if nxt is None or nxt[1] == inst.key or not _ends_in_common_noun(ctx, ev.start, end) \
                        or not _genitive_name(ctx, gap.end(), nxt[0]):
                    break
                end = nxt[0]
                if gap.group(0).strip() and ctx.text[end:end + 1] in "»\"":
                    end += 1  # the quoted name's closing quote: «Башинформа»
            if end == ev.end or any(m[0] == ev.start and m[1] == end and m[2] != inst.key and m[2] in insts
                                    for m in ctx.mentions):
                continue  # the longer name is a body of its own already ("Главное управление МВД")
            old = (ev.start, ev.end, inst.key)
            ctx.mentions[:] = [(m[0], end, m[2]) if m == old else m for m in ctx.mentions]
            starts[ev.start] = (end, inst.key)
            ev.end, ev.quote = end, ctx.text[ev.start:end]


_TAIL_GAP = re.compile(r" [«\"]?")


def _ends_in_common_noun(ctx: Context, start: int, end: int) -> bool:
    tokens = ctx.analysis.tokens_in(start, end)
    return bool(tokens) and tokens[-1].pos == "NOUN" and tokens[-1].text.islower()


def _genitive_name(ctx: Context, start: int, end: int) -> bool:
    tokens = [t for t in ctx.analysis.tokens_in(start, end) if t.text.isalnum()]
    if not tokens or not tokens[0].text[:1].isupper():
        return False
    return tokens[0].text.isupper() or tokens[0].feats.get("Case") == "Gen" \
        or ctx.text[start - 1] in "«\""


def _place_adjective_before(ctx: Context, start: int, places) -> tuple[int, int, str] | None:
    """"американскую компанию Monsanto", "Лондонский «Арсенал»": the place adjective of the
    phrase the name stands in."""
    sentence = ctx.analysis.sentence_of(start)
    if sentence is None:
        return None
    before = [t for t in sentence.tokens if t.end <= start][-5:]
    nouns = 0
    for token in reversed(before):
        if _QUOTE_TOKEN.match(token.text):
            continue
        if token.pos == "ADJ" and (token.text[:1].islower() or token.index == 0):
            key = ctx.key_at(token.start, token.end)
            if key in places and (token.start, token.end, key) in ctx.mentions:
                return token.start, token.end, key
            continue
        if token.pos == "NOUN" and token.text.islower() and nouns < 2:
            nouns += 1  # the kind word: "компанию", "группы", "бренда … белья"
            continue
        break
    return None


def _place_in_after(ctx: Context, end: int, places) -> tuple[int, int, str] | None:
    """"МАГАТЭ в Вене", "CITIC Pacific в Гонконге": a place in the locative right after the name."""
    m = _IN_PLACE.match(ctx.text, end)
    if not m:
        return None
    for s, e, k in ctx.mentions:
        if s == m.end() and k in places and ctx.text[s:s + 1].isupper():
            tokens = ctx.analysis.tokens_in(s, e)
            if tokens and tokens[0].feats.get("Case") == "Loc":
                return s, e, k
    return None


_QUOTE_TOKEN = re.compile(r"^[«»\"„“”]$")
_IN_PLACE = re.compile(r"[»\"]?\s(?:в|во)\s")


def _place_after(ctx: Context, inst: Institution, places) -> str | None:
    """"учреждения ЕС-164/4 особого режима в посёлке Горный": the settlement that follows."""
    for ev in inst.mentions:
        tail = ctx.text[ev.end:ev.end + 60]
        m = re.match(r"(?:\s+\w+){0,2}?\s+(?:в|во)\s+(?:посёлке|поселке|селе|городе|ауле|деревне|станице)?\s*",
                     tail)
        if not m:
            continue
        at = ev.end + m.end()
        for s, e, k in ctx.mentions:
            if s == at and k in places:
                return k
    return None


def _founded(ctx: Context) -> None:
    """"Колония, основанная в начале 1960-х годов": the institution the sentence is about."""
    for value in ctx.facts.dates:
        ev = value.evidence
        if ev is None or not _FOUNDING.search(ctx.text[max(0, ev.start - 25):ev.start]):
            continue
        sentence = ctx.analysis.sentence_of(ev.start)
        start = sentence.start if sentence else 0
        # the institution named in this sentence, or else the latest one before it
        candidates = [(s, k) for s, e, k in ctx.mentions if e <= ev.start]
        inst_keys = {i.key: i for i in ctx.facts.institutions}
        named_here = [(s, k) for s, k in candidates if s >= start and k in inst_keys]
        subject = sentence.tokens[0].lemma if sentence and sentence.tokens else ""
        chosen = named_here[-1][1] if named_here else None
        if chosen is None and CATEGORY_HEADS.get(subject):
            kind = CATEGORY_HEADS[subject]
            earlier = [k for s, k in candidates if k in inst_keys and inst_keys[k].category == kind]
            chosen = earlier[-1] if earlier else None
        if chosen and inst_keys[chosen].founded is None:
            inst_keys[chosen].founded = value


def _activities(ctx: Context) -> None:
    """"Колония … занималась добычей и обработкой гранита": what an institution does, read
    from "заниматься" + instrumental whose subject is the institution (named, or a generic
    head such as "колония" standing for the latest institution of that kind)."""
    inst_keys = {i.key: i for i in ctx.facts.institutions}
    for sentence in ctx.analysis.sentences:
        for verb in sentence.tokens:
            if verb.lemma != "заниматься" or verb.pos not in ("VERB", "AUX"):
                continue
            subject = next((t for t in sentence.children(verb.index) if t.rel.startswith("nsubj")), None)
            objects = [t for t in sentence.children(verb.index)
                       if t.rel in ("obl", "obj") and t.pos == "NOUN" and t.feats.get("Case") == "Ins"]
            if subject is None or not objects:
                continue
            inst = _institution_of(ctx, sentence, subject, inst_keys)
            if inst is None or inst.activity:
                continue
            phrase = _nominative_phrase(sentence, objects[0])
            if phrase:
                inst.activity = phrase


def _institution_of(ctx: Context, sentence, subject, inst_keys) -> Institution | None:
    # the subject itself, or a name standing in apposition to it ("Колония ИК-5 занимается …");
    # not any institution inside its phrase ("Иван Петров из МВД занимается …" is about Petrov)
    phrase = [subject] + [t for t in sentence.children(subject.index)
                          if t.rel == "appos" or t.rel.startswith("flat")
                          or (t.index == subject.index + 1 and t.pos == "PROPN"
                              and subject.lemma in CATEGORY_HEADS)]
    for token in phrase:
        key = ctx.key_at(token.start, token.end)
        if key in inst_keys:
            return inst_keys[key]
    kind = CATEGORY_HEADS.get(subject.lemma)
    if not kind:
        return None
    earlier = [k for s, e, k in ctx.mentions if e <= subject.start and k in inst_keys
               and inst_keys[k].category == kind]
    return inst_keys[earlier[-1]] if earlier else None


def _nominative_phrase(sentence, head) -> str | None:
    """The object's phrase with its coordinated instrumental nouns in the nominative:
    "добычей и обработкой гранита" → "добыча и обработка гранита"."""
    span = _subtree(sentence, head.index)
    tokens = [t for t in sentence.tokens if t.index in span]
    if not tokens or len(tokens) > 12:
        return None
    heads = {head.index} | {t.index for t in tokens if t.rel == "conj" and t.head == head.index
                            and t.feats.get("Case") == "Ins"}
    words = []
    for t in tokens:
        word = t.text
        if t.index in heads:
            word = t.lemma  # a noun in the instrumental: its lemma is its nominative
        words.append((t, word))
    text = ""
    for i, (t, word) in enumerate(words):
        if i and t.start > words[i - 1][0].end:
            text += " "
        text += word
    return text.strip(" ,")


def _subtree(sentence, index: int) -> set[int]:
    """The token and everything below it in the syntax tree, punctuation left out."""
    found, frontier = {index}, [index]
    while frontier:
        for child in sentence.children(frontier.pop()):
            if child.index not in found and child.pos != "PUNCT":
                found.add(child.index)
                frontier.append(child.index)
    return found


_ESCAPE_FROM = re.compile(r"(?i)\bпобег\w*\s+из\s+$")


def _nicknames(ctx: Context) -> None:
    """"побег из Жаман-сопки": with one penal institution in the text, a name no gazetteer
    knows after "побег из" is that institution's nickname, not a place."""
    penal = [i for i in ctx.facts.institutions if i.category == "PenalInstitution"]
    if len(penal) != 1:
        return
    inst = penal[0]
    for place in list(ctx.facts.places):
        if place.place_type is not None or " " in place.label:
            continue
        if not any(_ESCAPE_FROM.search(ctx.text[max(0, ev.start - 20):ev.start]) for ev in place.mentions):
            continue
        if any(p.is_known and "Geox" in p.tag for p in models().parse_word(place.label)):
            continue
        name = _nickname_nominative(place.label)
        if name not in inst.alt_names:
            inst.alt_names.append(name)
        for ev in place.mentions:
            inst.mentions.append(ev)
        ctx.mentions[:] = [(s, e, inst.key if k == place.key else k) for s, e, k in ctx.mentions]
        ctx.facts.places.remove(place)


def _nickname_nominative(label: str) -> str:
    """"Жаман-сопки" -> "Жаман-сопка": the last part declines, the first stays."""
    head, sep, tail = label.rpartition("-")
    word = tail or label
    for parse in models().parse_word(word):
        if parse.tag.POS == "NOUN" and "gent" in parse.tag:
            word = parse.normal_form
            break
    return f"{head}{sep}{word}" if sep else word[:1].upper() + word[1:]


def _code_kind(text: str, start: int, end: int) -> str | None:
    """"исправительного учреждения ЕС-164/4 особого режима" -> "исправительное учреждение особого режима"."""
    before = text[max(0, start - 60):start]
    after = text[end:end + 40]
    head = _PENAL_HEAD.search(before)
    regime = _REGIMES.match(after.strip()) or _REGIMES.search(before[-30:])
    if not head:
        return None
    kind = _phrase_nominative(head.group(1).split())
    if regime:
        kind += " " + regime.group(0).lower()
    return kind


def _phrase_nominative(words: list[str]) -> str:
    """Adjectives agree with the noun: "исправительного учреждения" -> "исправительное учреждение"."""
    noun = next((p for p in models().parse_word(words[-1].lower()) if p.tag.POS == "NOUN"), None)
    gender = noun.tag.gender if noun is not None else None
    out = []
    for word in words[:-1]:
        form = None
        for parse in models().parse_word(word.lower()):
            if parse.tag.POS in ("ADJF", "PRTF"):
                form = parse.inflect({"nomn", "sing"} | ({gender} if gender else set()))
                break
        out.append(form.word if form else word.lower())
    out.append(noun.normal_form if noun is not None else words[-1].lower())
    return " ".join(out)


def _phrase_nominative_regime(words: list[str]) -> str:
    """"исправительной колонии строгого режима" -> "исправительная колония строгого режима"."""
    if len(words) >= 3 and words[-1].lower().startswith("режим"):
        return _phrase_nominative(words[:-2]) + " " + " ".join(w.lower() for w in words[-2:])
    return _phrase_nominative(words)


def _dative(phrase: str) -> str:
    """"Северо-Казахстанская область" -> "Северо-Казахстанской области" (after "по")."""
    out = []
    for word in phrase.split():
        form = None
        for parse in models().parse_word(word.lower()):
            if parse.tag.POS in ("NOUN", "ADJF") and "nomn" in parse.tag:
                inflected = parse.inflect({"datv"})
                if inflected:
                    form = inflected.word
                    break
        if form and "-" in word:  # keep every part capitalised: "Северо-Казахстанской"
            form = "-".join(p[:1].upper() + p[1:] for p in form.split("-"))
        elif form and word[:1].isupper():
            form = form[:1].upper() + form[1:]
        out.append(form or word)
    return " ".join(out)


def _phrase_occurrences(ctx: Context, phrase: str) -> list[tuple[int, int]]:
    """Where the words of `phrase` occur in any case: "уголовно-исполнительной системы"."""
    want = [_lemma(w) for w in phrase.split()]
    found = []
    for sentence in ctx.analysis.sentences:
        tokens = sentence.tokens
        for i in range(len(tokens) - len(want) + 1):
            window = tokens[i:i + len(want)]
            if [_lemma(t.text) for t in window] == want:
                found.append((window[0].start, window[-1].end))
    return found


def _lemma(word: str) -> str:
    parses = models().parse_word(word.lower())
    return parses[0].normal_form.replace("ё", "е") if parses else word.lower()


def _split_brackets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^()]+", text[start:end]):
        inner = _NAME_AND_ABBREVIATION.match(m.group(0)) if m.start() else None
        if inner:  # "(Rassemblement pour le Mali, RPM)": the original name and its abbreviation
            out.append((start + m.start(), start + m.start() + inner.end(1)))
            out.append((start + m.start() + inner.start(2), start + m.start() + inner.end(2)))
        else:
            out.append((start + m.start(), start + m.end()))
    return out


_NAME_AND_ABBREVIATION = re.compile(r"(.*\w.*?),\s*([A-ZА-ЯЁ][A-ZА-ЯЁ&-]{1,7})\s*$")


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    m = _LEGAL_FORM.match(text[start:end])
    if m:
        start += m.end()
    while start < end and (text[start].isspace() or text[start] in "-–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "-–," or
                           text[end - 1] == "." and end - 2 > start and text[end - 2].islower()):
        end -= 1
    # wiki-style quotes made of two apostrophes: ''Wall Street Journal''
    while text.startswith("''", start) and end - start > 2:
        start += 2
    while text.endswith("''", start, end) and end - start > 2:
        end -= 2
    name = text[start:end]
    # quotes: drop unbalanced ones at the edges, keep «Лефортово» whole
    if name and name[0] in _QUOTES and sum(name.count(q) for q in _QUOTES) % 2 == 1:
        start += 1
    elif name and name[-1] in _QUOTES and sum(name.count(q) for q in _QUOTES) % 2 == 1:
        end -= 1
    elif name and name[0] in _QUOTES and name[-1] in _QUOTES:
        start, end = start + 1, end - 1
    return start, end


# words after which "управление" is the act of governing: "система управления", "опыт управления"
_PROCESS_WORDS = frozenset("система режим участие опыт навык метод принцип качество эффективность".split())
# adjectives that make "управление" an act: "автоматического управления", "экономического управления"
_PROCESS_ADJECTIVES = frozenset("автоматический ручной экономический дистанционный".split())


def _governing(ctx: Context, sentence: Sentence, start: int, head: Token) -> bool:
    """"системой автоматического управления", "в управлении КНДР" after "участия": an act, no body."""
    before = [t for t in sentence.tokens if t.end <= start]
    if before and before[-1].text.lower() in ("в", "во"):
        before = before[:-1]
    adjectives = [t for t in sentence.tokens if start <= t.start < head.start and t.pos == "ADJ"]
    return bool(before) and before[-1].lemma in _PROCESS_WORDS or any(t.lemma in _PROCESS_ADJECTIVES for t in adjectives)


def _cabinet(ctx: Context, start: int, end: int, head: Token) -> bool:
    """"кабинет министров", "коалиционного кабинета", "кабинета Руснока": a government, not a room."""
    tokens = ctx.analysis.tokens_in(start, end)
    return any(t.lemma == "министр" for t in tokens) \
        or any(t.pos == "ADJ" and t.text.islower() for t in tokens if t.end <= head.start) \
        or any(sp.type == "PER" and head.end < sp.start < end for sp in ctx.analysis.spans)


def _lone_generic(ctx: Context, start: int, end: int) -> bool:
    """"силовых ведомств", "Ведомство": the head and adjectives only, none made from a place name."""
    tokens = ctx.analysis.tokens_in(start, end)
    return all(t.text[1:].islower() and (t.lemma in _LONE_GENERIC or t.pos == "ADJ" and t.text[:1].islower())
               and not t.lemma.endswith(("ский", "цкий", "йский")) for t in tokens)


def _genitive(ctx: Context, start: int, end: int) -> bool:
    tokens = ctx.analysis.tokens_in(start, end)
    return bool(tokens) and tokens[0].feats.get("Case") == "Gen"


def _category(ctx: Context, start: int, end: int) -> str | None:
    for token in ctx.analysis.tokens_in(start, end):
        category = CATEGORY_HEADS.get(token.lemma)
        if category:
            return category
    return None


def _body_extent(ctx: Context, sentence: Sentence, head: Token) -> tuple[int, int]:
    tokens = sentence.tokens
    left = head.index
    while left > 0 and tokens[left - 1].pos == "ADJ" and tokens[left - 1].head == head.index \
            and tokens[left - 1].lemma not in _TRANSIENT:
        left -= 1
    names = [(sp.start, sp.end) for sp in ctx.analysis.spans if sp.type == "PER"]
    right = head.index
    members = {head.index}
    for token in tokens[head.index + 1:]:
        if token.text == "по" and token.head is not None and tokens[token.head].head in members:
            continue  # "комитета Совета Федерации по экономической политике"
        if token.pos in ("VERB", "AUX", "CCONJ", "SCONJ", "PRON") or re.search(r"[,;:()«»\"—\n]", token.text):
            break
        person = next(((s, e) for s, e in names if s <= token.start < e), None)
        if person is not None:
            if right == head.index and head.lemma in _LED_BY and token.head == head.index and person[0] == token.start:
                return tokens[left].start, person[1]  # "кабинета Руснока", "администрация Дональда Трампа"
            break
        if token.head in members and token.rel in ("nmod", "amod", "flat", "case") \
                or token.rel == "amod" and token.head is not None and token.head > token.index:
            members.add(token.index)
            right = token.index
        else:
            break
    while right > head.index and (tokens[right].pos in ("ADJ", "ADP") or tokens[right].lemma in _DANGLING_KINDS
                                  or tokens[right].lemma in _DANGLING_AREAS and tokens[right - 1].pos != "ADJ"):
        right -= 1  # "правительство страны", "полиция штата" (Миссури): the kind word names no place
    return tokens[left].start, tokens[right].end


def _org_nominative(ctx: Context, start: int, end: int, normal: str | None) -> str:
    """The name in the nominative: the first noun and its adjectives change, the rest stays."""
    tokens = ctx.analysis.tokens_in(start, end)
    if not tokens:
        return ctx.text[start:end]
    head_i = next((i for i, t in enumerate(tokens) if t.pos in ("NOUN", "PROPN")), None)
    if head_i is None or tokens[head_i].feats.get("Case") in (None, "Nom"):
        return ctx.text[start:end]
    head = tokens[head_i]
    number = "plur" if head.feats.get("Number") == "Plur" else "sing"
    words = []
    for i, t in enumerate(tokens):
        if i < head_i and t.pos == "ADJ":
            words.append(_inflect_like(t.text, {"nomn", number}, head))
        elif i == head_i:
            words.append(_inflect_like(t.text, {"nomn", number}, None))
        else:
            words.append(t.text)
    out = ""
    for t, w in zip(tokens, words):  # keep the original spacing
        out += (" " if out and ctx.text[t.start - 1:t.start].isspace() else "") + w
    return out


def _inflect_like(word: str, grammemes: set[str], head: Token | None) -> str:
    gender = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}.get(head.feats.get("Gender", "")) if head else None
    want = set(grammemes)
    if gender and "sing" in want:
        want.add(gender)
    for parse in models().parse_word(word):
        if parse.tag.POS in ("NOUN", "ADJF", "PRTF"):
            form = parse.inflect(want)
            if form:
                result = form.word
                if word.isupper():
                    return result.upper()
                if word[:1].isupper():
                    return "-".join(p[:1].upper() + p[1:] if word.split("-")[0][:1].isupper() else p
                                    for p in result.split("-")) if "-" in word else result[:1].upper() + result[1:]
                return result
    return word

"""Places: their names in the nominative, their type and the containment the text states.

Sources of mentions: natasha's LOC spans; country and region names nested inside other
names ("МВД России", "премьер-министр Великобритании"); regional abbreviations ("СКО");
adjectives made from place names ("российская делегация"), which NEREL counts as places.
The type comes from the kind word beside the name ("в посёлке Горный", "Есильского
района") or from the lexicon of countries, regions and parts of the world.
"""

from __future__ import annotations

import os
import re

from ..model import Link, Place
from .context import Context
from .lexicon import (AREA_PHRASES, AREAS, COUNTRIES, FACILITY_WORDS, PLACE_ABBREVIATIONS,
                      PLACE_WORDS, REGIONS)
from .nlp import Token, models
from .persons import nominative

SITE = "объект"  # a building, street or site: kgb:Site
_SETTLEMENTS = {"посёлок", "село", "город", "деревня", "аул", "станица", "микрорайон"}
_LEVEL = {"микрорайон": 0, "объект": 0, "посёлок": 1, "село": 1, "город": 1, "деревня": 1, "аул": 1,
          "станица": 1, "район": 2, "округ": 3, "область": 3, "край": 3, "республика": 3, "штат": 3,
          "провинция": 3, "страна": 4, "местность": 5}  # parts of the world: "Европу, Америку, Японию" is a list
_ADJ_SUFFIXES = ("ский", "цкий")
# kind words that are part of a street's or square's name ("улица Лобачевского", "площадь Победы")
# kinds of facility a city has one of, the one a text means by the city ("аэропорт Болоньи",
# "московское метро"); "уфимская больница" is any of the city's hospitals, no named site
_FACILITY_KINDS = {"аэропорт", "метро", "метрополитен", "зоопарк", "кремль"}
# "московское метро" is the one; "московский аэропорт" may be any of several
_ONE_PER_CITY = {"метро", "метрополитен", "зоопарк", "кремль"}
# kinds of building whose name follows in quotes ("стадион «Фишт»", "больница «Тель ха-Шомер»")
_NAMED_KINDS = FACILITY_WORDS - {"улица", "ул", "проспект", "площадь", "переулок", "шоссе", "бульвар", "набережная",
                                 "стрит", "дом", "база", "станция"} | {
    "отель", "гостиница", "арена", "кинотеатр", "клиника", "ресторан", "кафе", "гэс", "аэс", "аббатство"}
_QUOTED_NAME = re.compile(r"\s«([^«»\n]{2,40})»")
_STREET_WORDS = {"улица", "проспект", "площадь", "переулок", "шоссе", "бульвар", "набережная", "сквер"}


def extract_places(ctx: Context) -> None:
    places = _Places(ctx)
    for span in ctx.analysis.spans:
        if span.type != "LOC" or "\n" in span.text:
            continue
        # a place the tagger found inside a body's name ("УВД Томской области") is still a place
        # (and where the body is); one that is the whole of another mention is not
        if ctx.key_at(span.start, span.end) and not _inside_a_mention(ctx, span.start, span.end):
            continue
        places.from_span(span.start, span.end, span.normal)
    places.from_abbreviations()
    places.foreign_spellings()
    places.nested()
    places.adjectives()
    places.directions()
    places.facilities_of_places()
    places.quoted_facilities()
    places.adjective_facilities()
    places.containment()
    places.capitals()
    places.adjective_containment()
    places.within_the_only_country()
    places.adjective_and_name()


def _inside_a_mention(ctx: Context, start: int, end: int) -> bool:
    return any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in ctx.mentions)


class _Places:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.by_label: dict[str, Place] = {}
        self.ordered: list[tuple[int, int, Place]] = []

    def get(self, label: str, place_type: str | None) -> Place:
        key = label.lower().replace("ё", "е")
        place = self.by_label.get(key)
        if place is None:
            place = Place(key=self.ctx.new_key("pl"), label=label, place_type=place_type)
            self.by_label[key] = place
            self.ctx.facts.places.append(place)
        place.place_type = place.place_type or place_type
        return place

    def add(self, start: int, end: int, label: str, place_type: str | None, confidence: float,
            alt: str | None = None) -> Place:
        place = self.get(label, place_type)
        if alt and alt != place.label and alt not in place.alt_names:
            place.alt_names.append(alt)
        if any(e.start == start and e.end == end for e in place.mentions):
            return place
        place.mentions.append(self.ctx.evidence(start, end, confidence))
        self.ctx.add_mention(start, end, place.key)
        self.ordered.append((start, end, place))
        return place

    def from_span(self, start: int, end: int, normal: str) -> None:
        ctx = self.ctx
        tokens = ctx.analysis.tokens_in(start, end)
        if not tokens:
            return
        sentence = ctx.analysis.sentence_of(start)
        before = [t for t in sentence.tokens if t.end <= start] if sentence else []
        after = next((t for t in sentence.tokens if t.start >= end), None) if sentence else None
        tagged_end = end
        if after is not None and after.lemma in FACILITY_WORDS and after.pos == "NOUN" and after.text.islower() \
                and ctx.text[end:after.start] == " " and all(t.pos in ("ADJ", "DET") for t in tokens) \
                and not any(adjective_base(t.lemma) for t in tokens) and not ctx.key_at(after.start, after.end):
            # "на Старом Северном кладбище": the tagger stopped before the kind word of the name
            end, tokens = after.end, tokens + [after]
        place_type = None
        label = normal
        if tokens[-1].lemma in PLACE_WORDS and len(tokens) > 1:  # "Есильского района"
            place_type = PLACE_WORDS[tokens[-1].lemma]
            label = _phrase_nominative(tokens)
        elif before and before[-1].lemma in FACILITY_WORDS and not _city_served(before[-1], tokens) \
                or tokens[0].lemma in FACILITY_WORDS \
                or tokens[-1].lemma in FACILITY_WORDS or tokens[-1].text.lower().endswith(("-холл", "-сквер", "-стрит")):
            place_type = SITE  # "тюрьма Гуантанамо", "Букингемский дворец"
            if tokens[-1].lemma in FACILITY_WORDS and len(tokens) > 1 and tokens[-1].pos == "NOUN" \
                    and all(t.pos in ("ADJ", "DET") for t in tokens[:-1]) \
                    and (label.split()[0] == tokens[0].text and not tokens[0].is_(Case="Nom") or end != tagged_end):
                label = _phrase_nominative(tokens)  # natasha leaves "Новом Городское кладбище"
            if before and before[-1].lemma in _STREET_WORDS and ctx.text[before[-1].end:start] == " ":
                # "на площади Тахрир": the street's name includes its kind; "на улице Ленина" is
                # "улица Ленина" (the name keeps its genitive), never "Ленин"
                label = f"{before[-1].lemma} {ctx.text[start:end]}"
                start = before[-1].start
        elif before and (before[-1].lemma in PLACE_WORDS or before[-1].lemma in _MORE_KINDS) \
                and not _kind_of_another(ctx, before[-1], tokens[0]):
            # "в посёлке Горный"
            place_type = PLACE_WORDS.get(before[-1].lemma) or _MORE_KINDS[before[-1].lemma]
            if len(tokens) == 1 and place_type in _SETTLEMENTS:
                # the name stands in apposition and keeps the nominative: "в посёлке Горный"
                label = tokens[0].text if tokens[0].is_(Case="Nom") else nominative(tokens[0].text)
        if len(tokens) == 1 and label == tokens[0].text and tokens[0].feats.get("Case") not in (None, "Nom") \
                and place_type not in _SETTLEMENTS and not tokens[0].text.isupper():  # "США" stays
            label = _geo_nominative(tokens[0].text)  # natasha leaves "Караганде" as it is
        if place_type is None:
            place_type = lexicon_type(label)
        if place_type is None and len(tokens) == 1 and _is_geo(tokens[0].text):
            place_type = "город" if not tokens[0].text.isupper() else None
        self.add(start, end, label, place_type, 0.8)

    def from_abbreviations(self) -> None:
        for m in re.finditer(r"(?<![\w-])(" + "|".join(map(re.escape, PLACE_ABBREVIATIONS)) + r")(?![\w-])",
                             self.ctx.text):
            if self.ctx.key_at(m.start(), m.end()) and not self._inside_other(m.start(), m.end()):
                continue
            label, place_type = PLACE_ABBREVIATIONS[m.group(1)]
            self.add(m.start(), m.end(), label, place_type, 0.85, alt=m.group(1))

    def foreign_spellings(self) -> None:
        """"в городе Мосул (Mossul)", "Кётанго (京丹後市)": the name in the original script, in
        brackets right after a place's name, is another name of that place."""
        for s1, e1, place in list(self.ordered):
            m = _FOREIGN_SPELLING.match(self.ctx.text, e1)
            if not m or not self._named((s1, e1, place)):
                continue
            known = self.ctx.key_at(m.start(1), m.end(1))
            if known is None:
                self.add(m.start(1), m.end(1), place.label, place.place_type, 0.75, alt=m.group(1))
            else:
                other = next((p for _, _, p in self.ordered if p.key == known), None)
                if other is None:
                    continue  # a person's or body's name
                other.place_type = other.place_type or place.place_type  # "Mossul" is a city as Мосул is
                if m.group(1) not in place.alt_names:
                    place.alt_names.append(m.group(1))
            self.ctx.facts.links.append(Link("ALTERNATIVE_NAME", self.ctx.evidence(s1, e1, 0.75),
                                             self.ctx.evidence(m.start(1), m.end(1), 0.75)))

    def _inside_other(self, start: int, end: int) -> bool:
        """Inside a longer mention (an institution's name), not a mention of its own."""
        return any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in self.ctx.mentions)

    def nested(self) -> None:
        """Countries and regions inside other names: "МВД России", "посол Италии в Грузии"."""
        for sentence in self.ctx.analysis.sentences:
            for token in sentence.tokens:
                if not token.text[:1].isupper() or token.text.isupper() and len(token.text) <= 4:
                    continue
                if any(s <= token.start and token.end <= e and p is not None
                       for s, e, p in self.ordered):
                    continue
                lemma = _geo_lemma(token)
                place_type = lexicon_type(lemma) if lemma else None
                if place_type is None and lemma and token.feats.get("Case") == "Gen" \
                        and self._inside_other(token.start, token.end) and _is_city(token.text):
                    place_type = "город"  # "Хорошевский суд Москвы", "Эхо Москвы": a city inside a body's name
                if place_type is None:
                    continue
                if self.ctx.key_at(token.start, token.end) and not self._inside_other(token.start, token.end):
                    continue  # a person's or institution's own mention
                self.add(token.start, token.end, lemma[:1].upper() + lemma[1:], place_type, 0.7)

    def adjectives(self) -> None:
        """"российская делегация", "томские журналисты": the place the adjective is made from."""
        for sentence in self.ctx.analysis.sentences:
            for token in sentence.tokens:
                if token.pos != "ADJ" or not token.lemma.endswith(_ADJ_SUFFIXES):
                    continue
                if any(s < token.end and token.start < e for s, e, _ in self.ordered):
                    continue  # "Есильского района" is already the district's own name
                if self.ctx.key_at(token.start, token.end) and not self._inside_other(token.start, token.end):
                    continue
                if _names_no_place(sentence, token):
                    continue
                base = adjective_base(token.lemma)
                if base is None:
                    continue
                self.add(token.start, token.end, base[0], base[1], 0.6)

    def containment(self) -> None:
        """"Горный Есильского района", "Сан-Диего, Калифорния": a place then a larger one."""
        # adjectives between two names do not break the pair: "Галифакса в канадской провинции
        # Новая Шотландия"
        ordered = sorted((x for x in self.ordered if self._named(x)), key=lambda x: x[0])
        for (s1, e1, inner), (s2, e2, outer) in zip(ordered, ordered[1:]):
            gap = self.ctx.text[e1:s2]
            if s2 < e1 or inner is outer:
                continue  # "юге Франции" holds "Франции": linked where the part is read
            if not (_CONTAINMENT_GAP.fullmatch(gap) or _APPOSITION_GAP.fullmatch(gap)):
                continue
            if gap.strip() in ("в", "во") and not (
                    _locative(self.ctx.text[s2:e2]) and not _FROM.search(self.ctx.text[max(0, s1 - 4):s1])):
                continue  # "из Москвы в Германию" is a journey, not containment
            inner_level = _LEVEL.get(inner.place_type or "", 1)
            outer_level = _LEVEL.get(outer.place_type or "")
            if inner.place_type == "район" and (outer.place_type in _SETTLEMENTS or outer.place_type is None) and gap == " " \
                    and _genitive_word(self.ctx, s2, e2):
                outer_level = inner_level + 1  # "Сормовского района Нижнего Новгорода": a city's district
            if outer_level is None or outer_level <= inner_level:
                continue
            inner.located_in = inner.located_in or outer.key
            self.ctx.facts.links.append(Link("LOCATED_IN", self.ctx.evidence(s1, e1, 0.7),
                                             self.ctx.evidence(s2, e2, 0.7)))

    def facilities_of_places(self) -> None:
        """"аэропорт Буэнос-Айреса", "в московском метро": a facility's kind word with the city it
        serves, in the genitive after it or as an adjective before it, is a site in that place."""
        ctx = self.ctx
        by_start = {s: (s, e, p) for s, e, p in self.ordered}
        by_end = {e: (s, e, p) for s, e, p in self.ordered}
        for sentence in ctx.analysis.sentences:
            for token in sentence.tokens:
                if token.lemma not in _FACILITY_KINDS or not token.text[:1].islower() \
                        or token.feats.get("Number") == "Plur" \
                        or ctx.key_at(token.start, token.end):
                    continue
                after = by_start.get(token.end + 1) if ctx.text[token.end:token.end + 1] == " " else None
                before = by_end.get(token.start - 1) if ctx.text[token.start - 1:token.start] == " " else None
                if after and ctx.text[after[0]:after[0] + 1].isupper() and _LEVEL.get(after[2].place_type or "", 0) >= 1 \
                        and _genitive_word(ctx, after[0], after[1]):
                    start, end, place = token.start, after[1], after[2]
                elif before and token.lemma in _ONE_PER_CITY and ctx.text[before[0]:before[0] + 1].islower() \
                        and _LEVEL.get(before[2].place_type or "", 0) >= 1:
                    start, end, place = before[0], token.end, before[2]
                else:
                    continue
                if after:  # "Аэропорт Болоньи": the kind word declines, the city stays in the genitive
                    label = nominative(token.text).lower() + ctx.text[token.end:end]
                else:
                    label = _phrase_nominative(ctx.analysis.tokens_in(start, end))
                site = self.add(start, end, label[:1].upper() + label[1:], SITE, 0.65)
                site.located_in = site.located_in or place.key
                inner = (after or before)
                ctx.facts.links.append(Link("LOCATED_IN", ctx.evidence(start, end, 0.65),
                                            ctx.evidence(inner[0], inner[1], 0.65)))

    def quoted_facilities(self) -> None:
        """"на стадионе «Лужники»", "в отеле «Премьер Палас»": a building's kind word and its name
        in quotes, which nothing else read, are a named site (NEREL's FACILITY), kind word and all."""
        ctx = self.ctx
        for sentence in ctx.analysis.sentences:
            for token in sentence.tokens:
                if token.lemma not in _NAMED_KINDS or not token.text.islower():
                    continue
                m = _QUOTED_NAME.match(ctx.text, token.end)
                if not m or not m.group(1)[:1].isupper() or ctx.key_at(token.start, m.end()):
                    continue  # a body's or a work's name, or read already ("в храме «панк-молебен»" a deed)
                self.add(token.start, m.end(), f"{token.lemma} «{m.group(1)}»", SITE, 0.7)

    def adjective_facilities(self) -> None:
        """"на Новом Городском кладбище", "в Знаменском синодальном соборе": a building's kind word
        after adjectives of which one is written with a capital inside the sentence is its name,
        kind word and all; "на новом стадионе" names none."""
        ctx = self.ctx
        for sentence in ctx.analysis.sentences:
            tokens = sentence.tokens
            for i, token in enumerate(tokens):
                if token.lemma not in _NAMED_KINDS or not token.text.islower() or token.pos != "NOUN" \
                        or token.feats.get("Number") == "Plur":
                    continue  # ("в одной из Швейцарских клиник" names none)
                first = i
                while first > 0 and tokens[first - 1].pos in ("ADJ", "DET") and tokens[first - 1].head == token.index \
                        and ctx.text[tokens[first - 1].end:tokens[first].start] == " ":
                    first -= 1
                run = tokens[first:i]
                # the name begins at its first capital ("бывшего Московского Братского кладбища")
                run = run[next((j for j, t in enumerate(run) if t.text[:1].isupper()), len(run)):]
                if not any(t.text[:1].isupper() and t is not tokens[0] and not ctx.key_at(t.start, t.end) for t in run):
                    continue  # (a capital on a place's adjective, "Московском", does not make a name)
                if not run or ctx.key_at(token.start, token.end) or \
                        any(not isinstance(ctx.entity(k), Place) for s, e, k in ctx.mentions
                            if s < token.end and run[0].start < e):
                    continue  # read already, or a body's or a person's name ("Большой театр" the company)
                self.add(run[0].start, token.end, _phrase_nominative(run + [token]), SITE, 0.65)

    def _named(self, mention: tuple[int, int, Place]) -> bool:
        """A place's name, not an adjective made from it ("российские" is not nested in anything)."""
        return self.ctx.text[mention[0]:mention[0] + 1].isupper() or mention[2].place_type == SITE

    def adjective_containment(self) -> None:
        """"в украинском селе Цибулёво", "канадской провинции Новая Шотландия": the place
        adjective before a kind word and a name is the larger place holding it."""
        ctx = self.ctx
        by_start = {s: (s, e, p) for s, e, p in self.ordered}
        for s2, e2, outer in sorted(self.ordered, key=lambda x: x[0]):
            if not ctx.text[s2:s2 + 1].islower():
                continue
            m = _KIND_AFTER_ADJECTIVE.match(ctx.text, e2)
            if ctx.text[e2:e2 + 1] == " " and e2 + 1 in by_start:  # "в армянском Гаваре"
                s1, e1, inner = by_start[e2 + 1]
                kind = inner.place_type or "город"
            elif not m or m.end() not in by_start:
                continue
            else:
                s1, e1, inner = by_start[m.end()]
                kind = PLACE_WORDS.get(_lemma(m.group(1))) or _MORE_KINDS.get(_lemma(m.group(1)))
            if inner is outer or not ctx.text[s1:s1 + 1].isupper() or kind is None:
                continue
            if _LEVEL.get(outer.place_type or "", 0) <= _LEVEL.get(inner.place_type or kind, 1):
                continue
            inner.located_in = inner.located_in or outer.key
            ctx.facts.links.append(Link("LOCATED_IN", ctx.evidence(s1, e1, 0.65), ctx.evidence(s2, e2, 0.65)))

    def directions(self) -> None:
        """"на юге Франции", "в центральной части Аргентины": a part of a place is a place of its
        own (NEREL's LOCATION), inside the place; what the text puts there is inside the part
        ("в Канне на юге Франции")."""
        ctx = self.ctx
        by_start = {s: (s, e, p) for s, e, p in self.ordered if ctx.text[s:s + 1].isupper()}
        for m in _PART_OF.finditer(ctx.text):
            whole = by_start.get(m.end())
            if whole is None or whole[2].place_type == SITE:
                continue
            s2, e2, place = whole
            if not _genitive_word(ctx, s2, e2):
                continue
            start = m.start(1) if m.group(1) else m.start(2)
            part = self.add(start, e2, _part_nominative(ctx.text[start:m.end()]) + " " + ctx.text[s2:e2], "местность", 0.7)
            ctx.facts.links.append(Link("LOCATED_IN", ctx.evidence(start, e2, 0.7), ctx.evidence(s2, e2, 0.7)))
            part.located_in = part.located_in or place.key
            before = [x for x in self.ordered if x[1] <= m.start() and x[2] is not part]
            if not before:
                continue
            s1, e1, inner = max(before, key=lambda x: x[1])
            if _BEFORE_PART.fullmatch(ctx.text[e1:start]) and self._named((s1, e1, inner)) and inner is not place:
                inner.located_in = inner.located_in or part.key
                ctx.facts.links.append(Link("LOCATED_IN", ctx.evidence(s1, e1, 0.65), ctx.evidence(start, e2, 0.65)))

    def capitals(self) -> None:
        """"в столице Венгрии Будапеште", "столицы Ганы — Аккры": the city named after its
        country's capital is in that country."""
        ctx = self.ctx
        ordered = sorted(self.ordered, key=lambda x: x[0])
        for (s1, e1, country), (s2, e2, city) in zip(ordered, ordered[1:]):
            if country is city or _LEVEL.get(country.place_type or "страна", 0) < 3:  # a country's or region's capital
                continue
            if not _CAPITAL_OF.search(ctx.text[max(0, s1 - 12):s1]) or not _CAPITAL_GAP.fullmatch(ctx.text[e1:s2]):
                continue
            if _IN_PART_OF_CAPITAL.search(ctx.text[max(0, s1 - 30):s1]):
                continue  # "в районе столицы США — Калорама" names the district, not the capital
            if not ctx.text[s2:s2 + 1].isupper() or _LEVEL.get(city.place_type or "город", 1) > 1:
                continue
            city.located_in = city.located_in or country.key
            ctx.facts.links.append(Link("LOCATED_IN", ctx.evidence(s2, e2, 0.7), ctx.evidence(s1, e1, 0.7)))

    def adjective_and_name(self) -> None:
        """"во Франции и французским гражданам": a country's name and the adjective made from it in
        one sentence are two names of the country (NEREL links the two mentions)."""
        ctx = self.ctx
        by_place: dict[str, list[tuple[int, int]]] = {}
        for s, e, place in sorted(self.ordered, key=lambda x: x[0]):
            if place.place_type == "страна":
                by_place.setdefault(place.key, []).append((s, e))
        for spans in by_place.values():
            for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
                first, second = ctx.text[s1:e1], ctx.text[s2:e2]
                if bool(_ADJECTIVE_FORM.search(first)) == bool(_ADJECTIVE_FORM.search(second)):
                    continue
                noun = second if _ADJECTIVE_FORM.search(first) else first
                sentence = ctx.analysis.sentence_of(s1)
                if not noun[:1].isupper() or sentence is None or s2 >= sentence.end:
                    continue
                ctx.facts.links.append(Link("ALTERNATIVE_NAME", ctx.evidence(s1, e1, 0.6), ctx.evidence(s2, e2, 0.6)))

    def within_the_only_country(self) -> None:
        """A news text that names one country and districts nobody knows elsewhere: the
        districts are in that country ("в Казахстане … в посёлке Горный Есильского района").
        Only districts: a region or city may be named as abroad without the text saying so."""
        places = {id(p): p for _, _, p in self.ordered}.values()
        countries = {p.key for p in places if p.place_type == "страна"}
        if len(countries) != 1:
            return
        (country,) = countries
        for place in places:
            if place.place_type == "район" and not place.located_in and lexicon_type(place.label) is None:
                place.located_in = country


# what may stand between a place and the larger one holding it: "Горный Есильского района",
# "Пауэй, штат Калифорния", "Сан-Франциско (США)", "Торгау в Германии", "Уфе, столице Башкортостана"
_CONTAINMENT_GAP = re.compile(r"|\s|,\s|\s\((?:штат|штата|провинция|провинции|область|области)?\s?"
                              r"|,\s(?:штат|графство|провинция|провинции|область|округ|столица|столице|столицы)\s"
                              r"|\s(?:в|во)\s(?:(?:[а-яё-]+(?:ой|ом)\s)?(?:городе|штате|провинции|графстве|стране|районе|области|префектуре)\s)?"
                              r"|\s(?:провинции|префектуры|штата|графства)\s"
                              r"|\sна\s(?:острове|полуострове)\s")
_FROM = re.compile(r"(?i)(?:^|\s)(?:из|от|с|со)\s$")
# "Чикаго — третьем по величине городе в США", "Макао — автономии в составе Китая": a place
# said to be a city, state ... in another
_APPOSITION_GAP = re.compile(r"\s[—–-]\s(?:[\w-]+\s){0,3}?(?:город|городе|городом|государство|государстве|страна|"
                             r"стране|столица|столице|остров|острове|провинция|провинции|штат|штате|регион|регионе|"
                             r"автономия|автономии|посёлок|поселок|посёлке|поселке|село|селе|деревня|деревне)"
                             r"\s(?:[\w-]+\s){0,2}?(?:в|на)\s(?:составе\s)?")
_FOREIGN_SPELLING = re.compile(r"\s?\(\s*([A-Z][A-Za-z\u00c0-\u017f'’.-]*(?:\s(?:[A-Z][A-Za-z\u00c0-\u017f'’.-]*"
                               r"|am|an|de|del|la|le|on|upon|sur|of)){0,4}|[\u3040-\u30ff\u4e00-\u9fff]{2,8})\s*[),;]")
# the part of a place: "на юге", "на северо-востоке", "в центральной части"
# (where, not whither: "на юг Украины" is a journey)
_PART_OF = re.compile(r"(?<![\w-])(?:на\s((?:(?:северо|юго)-)?(?:севере|юге|востоке|западе))"
                      r"|в\s((?:(?:северо|юго)-)?(?:северн|южн|восточн|западн|центральн)ой\sчасти))\s")
_BEFORE_PART = re.compile(r",?\s(?:на|в|во)\s")
_CAPITAL_OF = re.compile(r"(?<!\w)столиц[аеуыи]\s$", re.IGNORECASE)
_ADJECTIVE_FORM = re.compile(r"[сц]к(?:ий|ая|ое|ие|ого|ой|ому|им|ом|ую|их|ими)$", re.IGNORECASE)
_IN_PART_OF_CAPITAL = re.compile(r"(?<!\w)(?:район\w*|пригород\w*|окраин\w*|центр\w*|част\w*|квартал\w*)\s+столиц\w*\s$")
_CAPITAL_GAP = re.compile(r"\s(?:город\w{0,2}\s)?|\s?[—–-]\s|,\s")  # "в столице Нидерландов городе Амстердаме"


def _part_nominative(words: str) -> str:
    """"юге" -> "юг", "центральной части" -> "центральная часть"."""
    out = []
    for word in words.split():
        if word.startswith("част"):
            out.append("часть")
        elif word.endswith("ой"):
            out.append(word[:-2] + "ая")
        elif "-" in word:
            head, tail = word.rsplit("-", 1)
            out.append(head + "-" + nominative(tail).lower())
        else:
            out.append(nominative(word).lower())
    return " ".join(out)


# kind words of foreign places: "японской префектуре Канагава", "немецкой земли Гессен"
_MORE_KINDS = {"префектура": "провинция", "земля": "провинция", "городок": "город", "коммуна": "город",
               "эмират": "провинция", "кантон": "провинция", "уезд": "район", "мухафаза": "провинция"}
# "украинском селе ", "канадской провинции ": the kind word after a place adjective
_KIND_AFTER_ADJECTIVE = re.compile(r"\s(\w+)\s")


def _lemma(word: str) -> str:
    parses = models().parse_word(word.lower())
    return parses[0].normal_form if parses else word.lower()


def _city_served(kind: Token, tokens: list[Token]) -> bool:
    """"аэропорту Болоньи": a city whose form shows the genitive, after a facility's kind word, is
    the place the facility serves, not its name ("аэропорт Шереметьево", "тюрьма Гуантанамо" are)."""
    if kind.lemma not in _FACILITY_KINDS or len(tokens) != 1 or tokens[0].feats.get("Case") != "Gen":
        return False
    word = tokens[0].text
    base = _geo_nominative(word)
    return base != word and (lexicon_type(base) in ("город", "страна") or _is_city(word))


def _genitive_word(ctx: Context, start: int, end: int) -> bool:
    tokens = ctx.analysis.tokens_in(start, end)
    return bool(tokens) and tokens[0].feats.get("Case") == "Gen"


def _kind_of_another(ctx: Context, kind: Token, name: Token) -> bool:
    """"столице Башкортостана", "Сормовского района Нижнего Новгорода": the kind word names
    another place and the name is its genitive complement."""
    if ctx.key_at(kind.start, kind.end):
        return True
    if kind.lemma == "столица" and name.feats.get("Case") == "Gen":
        return True  # "столицы Ганы": the capital of the country, not a city called so
    return name.feats.get("Case") == "Gen" and kind.feats.get("Case") != "Gen"


def _locative(word: str) -> bool:
    """"в Германии" (where), not "в Германию" (whither)."""
    last = word.split()[-1]
    return any(({"loct", "loc2"} & set(p.tag.grammemes)) for p in models().parse_word(last)[:2]) \
        or not last[-1:].isalpha() or last[-1:] in "ие"


def _names_no_place(sentence, token: Token) -> bool:
    """"русский язык", "скандинавская ходьба": the adjective names no place."""
    if token.head is None:
        return False
    head = sentence.tokens[token.head]
    return head.lemma in (
        "язык", "народ", "кухня", "стиль", "литература", "культура", "отделение", "ходьба", "песня")


def lexicon_type(label: str) -> str | None:
    low = label.lower().replace("ё", "е")
    if low in COUNTRIES or low.replace("ё", "е") in COUNTRIES:
        return "страна"
    if low in REGIONS:
        return "республика" if low.endswith(("стан", "ия", "ья")) and low not in (
            "калифорния", "пенсильвания", "вирджиния", "джорджия", "каталония", "бавария") else "штат"
    if low in AREAS or low in AREA_PHRASES:
        return "местность"
    return None


def _geo_lemma(token: Token) -> str | None:
    """The nominative of a capitalised word pymorphy knows as a geographic name."""
    for parse in models().parse_word(token.text):
        if "Geox" in parse.tag and parse.score >= 0.1:
            return parse.normal_form
    low = token.lemma
    if low in COUNTRIES or low in REGIONS:
        return low
    return None


def _geo_nominative(word: str) -> str:
    for parse in models().parse_word(word):
        if "Geox" in parse.tag and "nomn" not in parse.tag:
            return "-".join(p[:1].upper() + p[1:] for p in parse.normal_form.split("-"))
    return word


def _is_city(word: str) -> bool:
    return any("Geox" in p.tag and "Sgtm" in p.tag and p.is_known and p.score >= 0.3
               for p in models().parse_word(word))


def _is_geo(word: str) -> bool:
    parses = models().parse_word(word)
    return any("Geox" in p.tag and p.score >= 0.3 for p in parses)


_ADJ_CACHE: dict[str, tuple[str, str] | None] = {}


# adjectives not made from the place's name by a rule of suffixes, and towns on -ск, which
# pymorphy tags without Sgtm: letting every Geox on -ск through reads "советский" as Советск and
# "георгиевская (лента)" as Георгиевск, so the few towns are listed
_IRREGULAR = {adjective: (name, "страна") for adjective, name in {
    "немецкий": "Германия", "французский": "Франция", "английский": "Англия",
    "итальянский": "Италия", "испанский": "Испания", "шведский": "Швеция", "голландский": "Нидерланды",
    "нидерландский": "Нидерланды", "турецкий": "Турция", "греческий": "Греция", "польский": "Польша",
    "чешский": "Чехия", "швейцарский": "Швейцария", "финский": "Финляндия", "датский": "Дания",
    "норвежский": "Норвегия", "американский": "США", "китайский": "Китай", "японский": "Япония",
    "венгерский": "Венгрия", "египетский": "Египет", "бельгийский": "Бельгия", "австрийский": "Австрия",
}.items()} | {adjective: (name, "город") for adjective, name in {
    "парижский": "Париж", "пражский": "Прага", "томский": "Томск", "омский": "Омск", "курский": "Курск",
}.items()}


# adjectives made from a place's name that have come to mean something else: "олимпийские игры"
# are not in Olympia, "спартанские условия" not in Sparta
_NOT_OF_THE_PLACE = {"олимпийский", "спартанский"}


def adjective_base(lemma: str) -> tuple[str, str] | None:
    """"российский" -> ("Россия", "страна"); "томский" -> ("Томск", "город"); else None."""
    if lemma in _NOT_OF_THE_PLACE:
        return None
    if lemma in _ADJ_CACHE:
        return _ADJ_CACHE[lemma]
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    result = None
    stem = lemma[:-4]
    candidates = [stem[:-1] + "я", stem + "ия", stem[:-2] + "ения", stem[:-2] + "ия", stem[:-1] + "ия", stem + "а",
                  stem[:-2] + "а", stem + "ск", stem + "", stem + "стан", stem[:-2] + "стан",
                  stem + "ь", stem[:-1] + "а", stem[:-2] + "ва", stem + "истан"]
    for candidate in candidates:
        shared = len(os.path.commonprefix([candidate, lemma]))
        if len(candidate) < 3 or shared < min(3, len(candidate) - 1):
            continue  # "немецкий" is not made from "Нева" ("уфимский" is from "Уфа")
        kind = lexicon_type(candidate)
        if kind in ("страна", "республика", "штат"):
            result = (candidate[:1].upper() + candidate[1:], kind)
            break
        if any("Geox" in p.tag and p.is_known and p.normal_form == candidate and "Sgtm" in p.tag
               for p in models().parse_word(candidate)):
            result = (candidate[:1].upper() + candidate[1:], "город")
            break
    for candidate in ([] if result else [stem, stem + "ы", stem + "са"]):
        # "бостонский", "каннский", "одесский": a city the dictionary knows by name first, though not
        # marked as having no plural
        parses = models().parse_word(candidate)
        if len(candidate) >= 4 and parses and "Geox" in parses[0].tag and parses[0].is_known and \
                parses[0].normal_form == candidate and not {"Surn", "Name", "Patr"} & set(parses[0].tag.grammemes):
            result = (candidate[:1].upper() + candidate[1:], "город")
            break
    _ADJ_CACHE[lemma] = result
    return result


def _phrase_nominative(tokens: list[Token]) -> str:
    """"Есильского района" -> "Есильский район": each word to the nominative, gender kept."""
    head = tokens[-1]
    gender = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}.get(head.feats.get("Gender", ""), None)
    words = []
    for token in tokens:
        if token is head:
            words.append(head.lemma)
            continue
        form = _adjective_rule(token.text, gender)
        for parse in ([] if form else models().parse_word(token.text)):
            if parse.tag.POS in ("ADJF", "PRTF"):
                want = {"nomn", "sing"} | ({gender} if gender else set())
                inflected = parse.inflect(want)
                if inflected:
                    form = inflected.word
                    break
        word = form or token.text
        words.append(_cap_like(token.text, word))
    return " ".join(words)


_ADJ_ENDINGS = {"masc": "ий", "femn": "ая", "neut": "ое"}


def _adjective_rule(word: str, gender: str | None) -> str | None:
    """"Темирского" -> "Темирский": place adjectives on -ск-/-цк- decline regularly,
    also when pymorphy does not know the word."""
    m = re.match(r"^(.*[сц]к)(?:ого|ому|им|ом|ой|ую|ая|ий|ое|ей)$", word, re.IGNORECASE)
    if not m or gender not in _ADJ_ENDINGS:
        return None
    return m.group(1) + _ADJ_ENDINGS[gender]


def _cap_like(original: str, word: str) -> str:
    if original.isupper():
        return word.upper()
    if original[:1].isupper():
        return "-".join(p[:1].upper() + p[1:] for p in word.split("-"))
    return word

"""Places: NER location spans with their type and the containment the text states."""

from __future__ import annotations

from ..model import Place
from .context import Context
from .persons import nominative

# lemma of the word naming the kind of place -> the type we record
PLACE_TYPES = {
    "посёлок": "посёлок", "поселок": "посёлок", "село": "село", "город": "город", "деревня": "деревня",
    "аул": "аул", "станица": "станица", "район": "район", "область": "область", "край": "край",
    "республика": "республика", "страна": "страна", "округ": "округ", "микрорайон": "микрорайон",
}
_SETTLEMENTS = {"посёлок", "село", "город", "деревня", "аул", "станица", "микрорайон"}


def extract_places(ctx: Context) -> None:
    by_label: dict[str, Place] = {}
    ordered: list[tuple[int, int, Place]] = []
    for span in ctx.analysis.spans:
        if span.type != "LOC" or "\n" in span.text:
            continue
        if ctx.key_at(span.start, span.end):
            continue
        tokens = ctx.analysis.tokens_in(span.start, span.end)
        place_type = None
        label = span.normal
        if tokens and tokens[-1].lemma in PLACE_TYPES:  # "Есильского района"
            place_type = PLACE_TYPES[tokens[-1].lemma]
        sentence = ctx.analysis.sentence_of(span.start)
        if sentence and tokens:
            before = [t for t in sentence.tokens if t.end <= span.start]
            if before and before[-1].lemma in PLACE_TYPES:  # "в посёлке Горный"
                place_type = place_type or PLACE_TYPES[before[-1].lemma]
                if len(tokens) == 1 and place_type in _SETTLEMENTS:
                    # the name stands in apposition and keeps the nominative: "в посёлке Горный"
                    label = tokens[0].text if tokens[0].is_(Case="Nom") else nominative(tokens[0].text)
        place = by_label.get(label.lower())
        if place is None:
            place = Place(key=ctx.new_key("pl"), label=label, place_type=place_type)
            by_label[label.lower()] = place
            ctx.facts.places.append(place)
        place.place_type = place.place_type or place_type
        place.mentions.append(ctx.evidence(span.start, span.end, 0.8))
        ctx.add_mention(span.start, span.end, place.key)
        ordered.append((span.start, span.end, place))
    _containment(ctx, ordered)


_LEVEL = {"посёлок": 1, "село": 1, "город": 1, "деревня": 1, "аул": 1, "станица": 1, "микрорайон": 0,
          "район": 2, "округ": 2, "область": 3, "край": 3, "республика": 3, "страна": 4}


def _containment(ctx: Context, ordered: list[tuple[int, int, "Place"]]) -> None:
    """"Горный Есильского района": a place directly followed by a larger one is inside it."""
    for (s1, e1, inner), (s2, e2, outer) in zip(ordered, ordered[1:]):
        gap = ctx.text[e1:s2]
        if gap.strip(" ,") or inner is outer or inner.located_in:
            continue
        inner_level = _LEVEL.get(inner.place_type or "", 1)
        outer_level = _LEVEL.get(outer.place_type or "")
        if outer_level is not None and outer_level > inner_level:
            inner.located_in = outer.key

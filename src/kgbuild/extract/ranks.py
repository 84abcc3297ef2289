"""Ranks before a person's name: "капитан внутренней службы Серик Омаров", "капитана Омарова"."""

from __future__ import annotations

from ..model import Person
from .context import Context
from .persons import nominative

RANKS = (
    "рядовой", "ефрейтор", "младший сержант", "сержант", "старший сержант", "старшина",
    "прапорщик", "старший прапорщик", "младший лейтенант", "лейтенант", "старший лейтенант",
    "капитан", "майор", "подполковник", "полковник", "генерал-майор", "генерал-лейтенант",
    "генерал-полковник", "генерал армии", "маршал",
)
# what may follow a rank: the service it belongs to, kept in the genitive as written
SERVICES = ("внутренней службы", "полиции", "милиции", "юстиции", "запаса", "в отставке",
            "медицинской службы", "таможенной службы", "налоговой службы")


def attach_ranks(ctx: Context) -> None:
    persons = {p.key: p for p in ctx.facts.persons}
    for start, end, key in ctx.mentions:
        person = persons.get(key)
        if person is None:
            continue
        rank = _rank_before(ctx, start)
        if not rank or any(r.startswith(rank) for r in person.ranks):
            continue  # "капитан" adds nothing to "капитан внутренней службы"
        person.ranks = [r for r in person.ranks if not rank.startswith(r)] + [rank]


def _rank_before(ctx: Context, start: int) -> str | None:
    sentence = ctx.analysis.sentence_of(start)
    if sentence is None:
        return None
    before = [t for t in sentence.tokens if t.end <= start]
    words = [t.text.lower() for t in before[-5:]]
    lemmas = [t.lemma for t in before[-5:]]
    for service in SERVICES:
        n = len(service.split())
        if " ".join(words[-n:]) == service:
            rank = _rank_ending_at(lemmas[:-n])
            if rank:
                return f"{rank} {service}"
    return _rank_ending_at(lemmas)


def _rank_ending_at(lemmas: list[str]) -> str | None:
    for rank in sorted(RANKS, key=lambda r: -len(r.split())):
        parts = rank.split()
        if len(lemmas) >= len(parts) and [l.replace("ё", "е") for l in lemmas[-len(parts):]] == \
                [nominative(p).lower().replace("ё", "е") for p in parts]:
            return rank
    return None

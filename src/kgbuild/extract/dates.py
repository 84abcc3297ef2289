"""Dates in the text: full, partial, decades; kept with the phrase they were read from."""

from __future__ import annotations

import re

from ..model import DateValue
from .context import Context

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTH = r"(январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе" \
         r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
FULL = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\s+(\d{{4}})(?:\s*(?:года|г\.|год))?", re.IGNORECASE)
MONTH_YEAR = re.compile(rf"\b(?:в\s+)?{_MONTH}\s+(\d{{4}})(?:\s*(?:года|г\.|год))?", re.IGNORECASE)
YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})(?:\s*(?:года|году|год|г\.))", re.IGNORECASE)
DECADE = re.compile(r"\b(?:в\s+)?(начале|середине|конце)?\s*(1[89]\d0|20\d0)-х(?:\s+годов)?", re.IGNORECASE)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\b(?!\s+\d{{4}})", re.IGNORECASE)


def month_number(word: str) -> int:
    word = word.lower()
    for stem, number in sorted(MONTHS.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            return number
    raise ValueError(word)


def extract_dates(ctx: Context) -> None:
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(match: re.Match, value: str | None, edtf: str, confidence: float) -> None:
        if not free(match.start(), match.end()):
            return
        taken.append((match.start(), match.end()))
        evidence = ctx.evidence(match.start(), match.end(), confidence)
        ctx.facts.dates.append(DateValue(edtf=edtf, value=value, phrase=match.group(0), evidence=evidence))

    for m in FULL.finditer(ctx.text):
        day, month, year = int(m.group(1)), month_number(m.group(2)), int(m.group(3))
        if 1 <= day <= 31:
            iso = f"{year:04d}-{month:02d}-{day:02d}"
            add(m, iso, iso, 0.95)
    for m in MONTH_YEAR.finditer(ctx.text):
        iso = f"{int(m.group(2)):04d}-{month_number(m.group(1)):02d}"
        add(m, iso, iso, 0.9)
    for m in DECADE.finditer(ctx.text):
        decade = m.group(2)
        edtf = decade[:3] + "X"
        if m.group(1) and m.group(1).lower() == "начале":
            edtf = f"{decade[:3]}X"  # EDTF cannot say "early"; the phrase keeps it
        add(m, None, edtf, 0.85)
    for m in YEAR.finditer(ctx.text):
        add(m, m.group(1), m.group(1), 0.85)
    for m in DAY_MONTH.finditer(ctx.text):
        day, month = int(m.group(1)), month_number(m.group(2))
        if 1 <= day <= 31:
            # a day of the year without a year: resolved against the publication date elsewhere
            add(m, None, f"XXXX-{month:02d}-{day:02d}", 0.8)
    ctx.facts.dates.sort(key=lambda d: d.evidence.start)

"""Institutions: NER organisation spans and official codes of penal institutions."""

from __future__ import annotations

import re

from ..model import Institution
from .context import Context

# "ЕС-164/4", "ГМ-172/1", "АК-159/5": letters, a number, a slash, a number
CODE = re.compile(r"(?<![\w/-])([А-ЯЁ]{1,3}-\d{1,4}/\d{1,3})(?![\w/])")
_BAD_ORG = re.compile(r"[\n+]|^\W+$")


def extract_institutions(ctx: Context) -> None:
    by_label: dict[str, Institution] = {}

    def get(label: str) -> Institution:
        inst = by_label.get(label.lower())
        if inst is None:
            inst = Institution(key=ctx.new_key("inst"), label=label)
            by_label[label.lower()] = inst
            ctx.facts.institutions.append(inst)
        return inst

    for match in CODE.finditer(ctx.text):
        inst = get(match.group(1))
        inst.code = match.group(1)
        inst.mentions.append(ctx.evidence(match.start(1), match.end(1), 0.95))
        ctx.add_mention(match.start(1), match.end(1), inst.key)

    for span in ctx.analysis.spans:
        if span.type != "ORG" or _BAD_ORG.search(span.text):
            continue
        if CODE.fullmatch(span.text.strip()):
            continue  # already read as a code
        if ctx.key_at(span.start, span.end):
            continue
        label = span.normal if not span.text.isupper() else span.text
        inst = get(label)
        if span.text.isupper() and len(span.text) <= 8:
            inst.abbreviation = inst.abbreviation or span.text
        inst.mentions.append(ctx.evidence(span.start, span.end, 0.8))
        ctx.add_mention(span.start, span.end, inst.key)

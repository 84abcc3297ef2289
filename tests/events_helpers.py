"""A readable summary of what the events layer read from one text, for the sentence suites."""

from __future__ import annotations

from kgbuild.extract import extract
from kgbuild.model import Document


def summary(text: str) -> set[str]:
    facts = extract(Document(id="t", text=text))
    name = {}
    for p in facts.persons:
        name[p.key] = p.label or p.description
    for g in facts.groups:
        name[g.key] = g.description
    for x in facts.places + facts.institutions:
        name[x.key] = x.label
    out: set[str] = set()
    for g in facts.groups:
        out.add(f"group:{g.description}={g.member_count}")
    for p in facts.persons:
        if p.age is not None:
            out.add(f"age:{name[p.key]}={p.age}")
        if p.anonymous and p.gender:
            out.add(f"gender:{name[p.key]}={p.gender}")
        if p.in_group:
            out.add(f"inGroup:{name[p.key]}={name[p.in_group]}")
    for item in facts.persons + facts.groups:
        if item.died_in:
            out.add(f"died:{name[item.key]}")
    for inc in facts.incidents:
        for t in [inc.type] + inc.extra_types:
            out.add(t)
            for part in inc.participations:
                out.add(f"{t}.{part.role}={name.get(part.agent)}")
        for instrument in inc.instruments:
            out.add(f"instrument:{instrument}")
        if inc.place:
            out.add(f"{inc.type}@{name[inc.place]}")
        if inc.institution:
            out.add(f"{inc.type}<{name[inc.institution]}")
        if inc.date and inc.date.value:
            out.add(f"{inc.type}:{inc.date.value}")
        if inc.part_of:
            out.add(f"{inc.type}#{inc.sequence}")
    for k in facts.kinships:
        out.add(f"kin:{name[k.person]}-{k.relation}-{name[k.relative]}")
    for c in facts.commemorations:
        out.add(c.type)
        if c.day_of_year:
            out.add(f"{c.type}:{c.day_of_year}")
        if c.award:
            out.add(f"award:{c.award}")
        if c.posthumous:
            out.add("posthumous")
        for key in c.commemorates:
            out.add(f"honours:{name.get(key)}")
        for part in c.participations:
            out.add(f"{c.type}.{part.role}={name.get(part.agent)}")
        if c.place:
            out.add(f"{c.type}@{name[c.place]}")
    return out


def labelled(text: str) -> set[str]:
    """The summary, plus each incident by its label: "Class/label", "label.role=participant",
    "label:date" and "label@place"."""
    facts = extract(Document(id="t", text=text))
    name = {x.key: x.label or getattr(x, "description", None)
            for x in facts.persons + facts.groups + facts.places + facts.institutions}
    out = summary(text)
    for inc in facts.incidents:
        out.add(f"{inc.type}/{inc.label}")
        for part in inc.participations:
            out.add(f"{inc.label}.{part.role}={name.get(part.agent)}")
        if inc.date and inc.date.value:
            out.add(f"{inc.label}:{inc.date.value}")
        if inc.place:
            out.add(f"{inc.label}@{name[inc.place]}")
    return out


def awarded(text: str) -> set[tuple[str, str]]:
    """(recipient, award as written) for every conferral read."""
    facts = extract(Document(id="t", text=text))
    out = set()
    for c in facts.commemorations:
        if c.type != "AwardConferral":
            continue
        for p in c.participations:
            person = facts.entity(p.agent)
            out.add((person.label or person.description, c.award_evidence.quote))
    return out

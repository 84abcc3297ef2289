"""Scoring the extractor on factRuEval-2016: Person, Org and Location mentions, Occupation facts.

Format (the corpus README): `.spans` (id, type, start, length, ...), `.objects` (id, type,
span ids), `.coref` (object id, mention ids, then key/value lines), `.facts` (blocks: "id
Occupation", then "Who objN ...", "Position spanN ... | spanM ...", "Where objN ...").
A mention's extent runs from its first span's start to its last span's end. Location and
LocOrg both count as places.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .adapter import PLACE_TYPES, mentions, relations
from .scoring import Report, exact, match, overlaps

CATEGORIES = {"Person": "PERSON", "Org": "ORGANIZATION", "Location": "PLACE", "LocOrg": "PLACE"}
MODES = {"exact": exact, "overlap": overlaps}


@dataclass
class Occupation:
    who: list[tuple[int, int]]  # every mention of the person
    positions: list[tuple[int, int]]  # alternative spans of the post


@dataclass
class FactDocument:
    name: str
    text: str
    mentions: list[tuple[str, int, int]] = field(default_factory=list)
    occupations: list[Occupation] = field(default_factory=list)


def read_document(txt: Path) -> FactDocument:
    stem = txt.with_suffix("")
    try:
        with open(txt, encoding="utf-8", newline="") as handle:
            text = handle.read()
        spans_text = Path(f"{stem}.spans").read_text(encoding="utf-8")
        objects_text = Path(f"{stem}.objects").read_text(encoding="utf-8")
        coref_text = Path(f"{stem}.coref").read_text(encoding="utf-8") if Path(f"{stem}.coref").exists() else ""
        facts_text = Path(f"{stem}.facts").read_text(encoding="utf-8") if Path(f"{stem}.facts").exists() else ""
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{txt}: cannot read factRuEval document: {error}") from None
    spans: dict[str, tuple[int, int]] = {}
    for line in spans_text.splitlines():
        fields = line.split("#")[0].split()
        if len(fields) >= 4:
            spans[fields[0]] = (int(fields[2]), int(fields[2]) + int(fields[3]))
    doc = FactDocument(name=txt.stem, text=text)
    objects: dict[str, tuple[int, int]] = {}
    for line in objects_text.splitlines():
        fields = line.split("#")[0].split()
        if len(fields) < 3:
            continue
        extents = [spans[s] for s in fields[2:] if s in spans]
        if not extents:
            continue
        extent = (min(s for s, _ in extents), max(e for _, e in extents))
        objects[fields[0]] = extent
        if fields[1] in CATEGORIES:
            doc.mentions.append((CATEGORIES[fields[1]], *extent))
    chains: dict[str, list[tuple[int, int]]] = {}
    for block in coref_text.split("\n\n"):
        lines = block.strip().splitlines()
        if lines:
            head = lines[0].split()
            chains[head[0]] = [objects[o] for o in head[1:] if o in objects]
    for block in facts_text.split("\n\n"):
        lines = block.strip().splitlines()
        if not lines or not lines[0].split()[-1:] == ["Occupation"]:
            continue
        who: list[tuple[int, int]] = []
        positions: list[tuple[int, int]] = []
        for line in lines[1:]:
            role, _, rest = line.partition(" ")
            if role == "Who":
                for ref in re.findall(r"obj(\d+)", rest):
                    who += chains.get(ref, [])
            elif role in ("Position", "Job"):  # the testset calls it "Job"
                positions += [spans[f"{ref}"] for ref in re.findall(r"span(\d+)", rest) if ref in spans]
        if who and positions:
            doc.occupations.append(Occupation(who, positions))
    return doc


def read_directory(directory: Path) -> list[FactDocument]:
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(f"{directory}: not a factRuEval-2016 folder (devset or testset)")
    docs = [read_document(txt) for txt in sorted(directory.glob("*.txt"))
            if txt.with_suffix(".objects").exists() and txt.with_suffix(".spans").exists()]
    if not docs:
        raise InputError(f"{directory}: no .txt file with .spans and .objects beside it")
    return docs


def score_document(doc: FactDocument, facts, report: Report) -> None:
    predicted = mentions(facts)
    for category in ("PERSON", "ORGANIZATION", "PLACE"):
        g = [(s, e) for c, s, e in doc.mentions if c == category]
        if category == "PLACE":
            p = [(m.start, m.end) for m in predicted if m.type in PLACE_TYPES]
        else:
            p = [(m.start, m.end) for m in predicted if m.type == category]
        for mode, same in MODES.items():
            report.add(category, mode, match(p, g, same))
    pairs = [((r.source.start, r.source.end), (r.target.start, r.target.end))
             for r in relations(facts) if r.type == "WORKS_AS"]
    for mode, same in MODES.items():
        def same_fact(pair, gold: Occupation, same=same):
            return any(overlaps(pair[0], w) for w in gold.who) and any(same(pair[1], p) for p in gold.positions)
        report.add("Occupation", mode, match(pairs, doc.occupations, same_fact))


def evaluate(directory: Path, extract=None, limit: int | None = None) -> Report:
    """Run the extractor over a factRuEval-2016 folder and score it."""
    if extract is None:
        from ..extract import extract
    from ..extract.nlp import models

    docs = read_directory(Path(directory))[:limit]
    models()
    report = Report(corpus=f"factRuEval-2016 {Path(directory).name}")
    started = time.perf_counter()
    for doc in docs:
        score_document(doc, extract(Document(id=doc.name, text=doc.text)), report)
        report.documents += 1
    report.seconds = time.perf_counter() - started
    return report

"""A reader for BRAT standoff annotations (`.ann` beside `.txt`), as NEREL ships them.

Only what scoring needs is kept: text-bound entities (`T`) with their fragments
(NEREL has discontinuous spans, `T1 TYPE 0 5;7 10`) and binary relations (`R`).
Events, attributes, notes and normalisations are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    fragments: tuple[tuple[int, int], ...]  # (start, end) pairs, end exclusive
    text: str

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


@dataclass(frozen=True)
class Relation:
    id: str
    type: str
    arg1: str  # entity id
    arg2: str


@dataclass
class Annotation:
    """One annotated document: its text and its gold entities and relations."""

    name: str
    text: str
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)


def parse_ann(content: str, source: str = "<ann>") -> tuple[dict[str, Entity], list[Relation]]:
    """Entities by id and relations of one `.ann` file's content."""
    entities: dict[str, Entity] = {}
    relations: list[Relation] = []
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        ident, _, rest = line.partition("\t")
        try:
            if ident.startswith("T"):
                head, _, text = rest.partition("\t")
                etype, _, spans = head.partition(" ")
                fragments = tuple(
                    (int(a), int(b)) for a, b in (part.split() for part in spans.split(";")))
                entities[ident] = Entity(ident, etype, fragments, text)
            elif ident.startswith("R"):
                rtype, arg1, arg2 = rest.split()[:3]
                relations.append(Relation(ident, rtype, arg1.split(":", 1)[1],
                                          arg2.split(":", 1)[1]))
        except (ValueError, IndexError):
            raise InputError(f"{source}:{number}: not a BRAT annotation line: {line!r}") from None
    return entities, relations


def read_document(txt: Path) -> Annotation:
    """The `.txt` file and its `.ann` sibling."""
    ann = txt.with_suffix(".ann")
    try:
        # newline="" keeps \r\n as two characters: BRAT offsets count them
        with open(txt, encoding="utf-8", newline="") as handle:
            text = handle.read()
        content = ann.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{txt}: cannot read BRAT document: {error}") from None
    entities, relations = parse_ann(content, str(ann))
    return Annotation(name=txt.stem, text=text, entities=entities, relations=relations)


def read_directory(directory: Path) -> list[Annotation]:
    """Every `.txt` + `.ann` pair in a directory, sorted by name."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(f"{directory}: not a directory of BRAT .txt/.ann files")
    documents = [read_document(txt) for txt in sorted(directory.glob("*.txt"))
                 if txt.with_suffix(".ann").exists()]
    if not documents:
        raise InputError(f"{directory}: no .txt file with an .ann beside it")
    return documents

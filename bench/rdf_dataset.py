"""A synthetic kgbuild dataset of any size, written straight to N-Quads (and TriG).

It follows the RDF pattern the mapper writes (HELPERS.md): one named graph per source, the
source with its full text, named persons (shared between documents, as real names are),
places with containment, a penal institution with its code, incidents with date, place,
institution and participations with roles, and one kgb:Evidence node per mention with
quote, start, end and confidence. About 300 statements per source; the texts are the
articles of `generate.py`. With `--history` each source also tells of a death (kgb:diedOn,
kgb:diedIn), an unnamed victim with a parent and a kgb:Kinship, and a commemoration of the dead,
so that every query of the library finds rows (`bench/bench_query.py --data generated`).

    python bench/rdf_dataset.py --triples 1000000 --out bench/data/kg-1m.nq [--trig bench/data/kg-1m.trig]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common  # noqa: E402,F401  (kgbuild from this checkout, for its slugs)
from generate import Generator  # noqa: E402
from kgbuild.iris import slug  # noqa: E402

BASE = "https://w3id.org/kgbuild/id/"
KGB = "https://w3id.org/kgbuild/ontology#"
KGR = "https://w3id.org/kgbuild/role#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PROV_ENTITY = "http://www.w3.org/ns/prov#Entity"
XSD = "http://www.w3.org/2001/XMLSchema#"
INCIDENTS = ["Escape", "Attack", "Killing", "Shootout", "Detention", "Fire", "Sentencing", "Release"]
ROLES = ["perpetrator", "victim", "guard", "hostage", "witness", "lawEnforcement", "detainee"]
PREFIXES = {"kgb": KGB, "kgr": KGR, "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": XSD,
            "prov": "http://www.w3.org/ns/prov#"}


def _iri(value: str) -> str:
    return f"<{value}>"


def _literal(value: str, datatype: str | None = None, lang: str | None = None) -> str:
    escaped = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r"))
    if lang:
        return f'"{escaped}"@{lang}'
    if datatype:
        return f'"{escaped}"^^<{XSD}{datatype}>'
    return f'"{escaped}"'


class _Graph:
    def __init__(self, out, name: str) -> None:
        self.out, self.name, self.count = out, _iri(name), 0

    def add(self, s: str, p: str, o: str) -> None:
        self.out.write(f"{s} {p} {o} {self.name} .\n")
        self.count += 1


def write_dataset(path: Path, triples: int, seed: int = 7, history: bool = False) -> dict:
    """Write at least `triples` quads to `path` (N-Quads); return counts. `history` adds deaths,
    unnamed victims with kin and commemorations."""
    rng = random.Random(seed)
    gen = Generator(seed)
    people = [gen.person() for _ in range(5000)]  # a population the documents draw on
    total = sources = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        while total < triples:
            sources += 1
            article = gen.article(sources, 5000)
            total += _document(out, rng, article, people, history)
    return {"quads": total, "sources": sources, "path": str(path)}


def _document(out, rng: random.Random, article, people, history: bool = False) -> int:
    doc = article.id
    source = _iri(f"{BASE}source/{doc}")
    g = _Graph(out, f"{BASE}source/{doc}")
    text = article.text
    t = lambda local: _iri(KGB + local)  # noqa: E731
    g.add(source, _iri(RDF_TYPE), t("Source"))
    g.add(source, _iri(RDF_TYPE), _iri(PROV_ENTITY))
    g.add(source, t("identifier"), _literal(doc))
    g.add(source, _iri(RDFS_LABEL), _literal(article.title, lang="ru"))
    g.add(source, t("title"), _literal(article.title))
    g.add(source, t("publisher"), _literal(article.publisher))
    g.add(source, t("published"), _literal(article.published, "date"))
    g.add(source, t("url"), _literal(article.url, "anyURI"))
    g.add(source, t("text"), _literal(text))
    g.add(source, t("sha256"), _literal(hashlib.sha256(text.encode()).hexdigest()))
    g.add(source, t("encoding"), _literal("utf-8"))

    spans: set[tuple[int, int]] = set()

    def evidence(subject: str) -> None:
        while True:  # one evidence node per span, as the mapper mints them
            start = rng.randrange(0, max(1, len(text) - 40))
            end = start + rng.randint(5, 40)
            if (start, end) not in spans:
                spans.add((start, end))
                break
        node = _iri(f"{BASE}evidence/{doc}-{start}-{end}")
        g.add(subject, t("evidence"), node)
        g.add(node, _iri(RDF_TYPE), t("Evidence"))
        g.add(node, t("source"), source)
        g.add(node, t("quote"), _literal(text[start:end]))
        g.add(node, t("start"), _literal(str(start), "integer"))
        g.add(node, t("end"), _literal(str(end), "integer"))
        g.add(node, t("confidence"), _literal(f"0.{rng.randint(5, 95):02d}", "decimal"))

    persons = []
    for person in rng.sample(people, 8):
        node = _iri(f"{BASE}person/{slug(person.label)}")
        persons.append((node, slug(person.label)))
        g.add(node, _iri(RDF_TYPE), t("Person"))
        g.add(node, _iri(RDFS_LABEL), _literal(person.label, lang="ru"))
        g.add(node, t("givenName"), _literal(person.given["nom"]))
        g.add(node, t("familyName"), _literal(person.surname["nom"]))
        g.add(node, t("gender"), t(person.gender))
        if person.rank:
            g.add(node, t("rank"), _literal(person.rank))
        for _ in range(2):
            evidence(node)
    facts = article.facts
    place = facts["places"][0]
    region = _iri(f"{BASE}place/{slug(place['region'])}")
    district = _iri(f"{BASE}place/{slug(place['district'])}")
    settlement = _iri(f"{BASE}place/{slug(place['label'])}")
    for node, label, cls, kind, inside in ((settlement, place["label"], "Settlement", place["type"], district),
                                           (district, place["district"], "District", "район", region),
                                           (region, place["region"], "Region", "область", None)):
        g.add(node, _iri(RDF_TYPE), t("Place"))
        g.add(node, _iri(RDF_TYPE), t(cls))
        g.add(node, _iri(RDFS_LABEL), _literal(label, lang="ru"))
        g.add(node, t("placeType"), _literal(kind))
        if inside:
            g.add(node, t("locatedIn"), inside)
        evidence(node)
    code = facts["institutions"][0]["code"]
    colony = _iri(f"{BASE}institution/{slug(code)}")
    g.add(colony, _iri(RDF_TYPE), t("Institution"))
    g.add(colony, _iri(RDF_TYPE), t("PenalInstitution"))
    g.add(colony, _iri(RDFS_LABEL), _literal(code, lang="ru"))
    g.add(colony, t("code"), _literal(code))
    g.add(colony, t("locatedIn"), settlement)
    evidence(colony)
    date = facts["incident"]["date"]
    for number in range(1, 3):
        kind = rng.choice(INCIDENTS)
        node = _iri(f"{BASE}incident/{doc}-e{number}")
        g.add(node, _iri(RDF_TYPE), t("Incident"))
        g.add(node, _iri(RDF_TYPE), t(kind))
        g.add(node, _iri(RDFS_LABEL), _literal(f"{kind} {date}", lang="ru"))
        g.add(node, t("date"), _literal(date, "date"))
        g.add(node, t("place"), settlement)
        g.add(node, t("institution"), colony)
        g.add(node, t("sequence"), _literal(str(number), "integer"))
        evidence(node)
        for agent, agent_slug in rng.sample(persons, 3):
            role = rng.choice(ROLES)
            part = _iri(f"{BASE}participation/{doc}-e{number}-{agent_slug}-{role}")
            g.add(node, t("participation"), part)
            g.add(part, _iri(RDF_TYPE), t("Participation"))
            g.add(part, t("agent"), agent)
            g.add(part, t("role"), _iri(KGR + role))
            evidence(part)
    if history:
        _history(g, t, rng, doc, date, settlement, persons, evidence, rng.choice(people))
    return g.count


KIN = [("дочь", "female"), ("сын", "male")]
COMMEMORATIONS = [("MemorialEvent", "Митинг памяти"), ("Memorial", "Мемориальная доска"),
                  ("AwardConferral", "Награждение")]


def _history(g: _Graph, t, rng: random.Random, doc: str, date: str, settlement: str, persons, evidence,
             fallen) -> None:
    """A death, an unnamed victim who is a named person's child, and a commemoration of the dead.

    The dead are people of this source alone (a name may still recur, as real names do): one
    person dying in the incidents of many sources would be a conflict in each pair of them.
    """
    incident = _iri(f"{BASE}incident/{doc}-e1")
    dead_slug = f"{slug(fallen.label)}-{doc}"
    dead = _iri(f"{BASE}person/{dead_slug}")
    g.add(dead, _iri(RDF_TYPE), t("Person"))
    g.add(dead, _iri(RDFS_LABEL), _literal(fallen.label, lang="ru"))
    g.add(dead, t("givenName"), _literal(fallen.given["nom"]))
    g.add(dead, t("familyName"), _literal(fallen.surname["nom"]))
    g.add(dead, t("gender"), t(fallen.gender))
    evidence(dead)
    part = _iri(f"{BASE}participation/{doc}-e1-{dead_slug}-victim")
    g.add(incident, t("participation"), part)
    g.add(part, _iri(RDF_TYPE), t("Participation"))
    g.add(part, t("agent"), dead)
    g.add(part, t("role"), _iri(KGR + "victim"))
    evidence(part)
    parent, _ = rng.choice(persons)
    g.add(dead, t("diedOn"), _literal(date, "date"))
    g.add(dead, t("diedIn"), incident)
    g.add(incident, t("instrument"), _literal(rng.choice(["автомат", "нож", "пистолет", "граната"])))
    g.add(incident, t("outcome"), _literal(rng.choice(["погиб", "ранен", "задержан", "скрылся"])))
    term, _ = rng.choice(KIN)
    age = rng.randint(2, 17)
    child = _iri(f"{BASE}person/{doc}-child")
    g.add(child, _iri(RDF_TYPE), t("Person"))
    g.add(child, t("anonymous"), _literal("true", "boolean"))
    g.add(child, t("description"), _literal(f"{age}-летний ребёнок ({term}), {doc}"))
    g.add(child, t("age"), _literal(str(age), "integer"))
    g.add(child, t("childOf"), parent)
    g.add(parent, t("parentOf"), child)
    evidence(child)
    kinship = _iri(f"{BASE}kinship/{doc}-child")
    g.add(kinship, _iri(RDF_TYPE), t("Kinship"))
    g.add(kinship, t("person"), parent)
    g.add(kinship, t("relative"), child)
    g.add(kinship, t("kinTerm"), _literal(term))
    evidence(kinship)
    part = _iri(f"{BASE}participation/{doc}-e1-child-victim")
    g.add(incident, t("participation"), part)
    g.add(part, _iri(RDF_TYPE), t("Participation"))
    g.add(part, t("agent"), child)
    g.add(part, t("role"), _iri(KGR + "victim"))
    evidence(part)
    kind, words = rng.choice(COMMEMORATIONS)
    node = _iri(f"{BASE}commemoration/{doc}-c")
    g.add(node, _iri(RDF_TYPE), t("Commemoration"))
    g.add(node, _iri(RDF_TYPE), t(kind))
    g.add(node, _iri(RDFS_LABEL), _literal(f"{words} ({dead_slug}, {doc})", lang="ru"))
    g.add(node, t("date"), _literal(date, "date"))
    g.add(node, t("place"), settlement)
    g.add(node, t("commemorates"), dead)
    if kind == "AwardConferral":
        g.add(node, t("award"), _literal("Орден Мужества"))
        g.add(node, t("posthumous"), _literal("true", "boolean"))
    evidence(node)


def to_trig(nquads: Path, trig: Path) -> None:
    """The same dataset as TriG (pyoxigraph converts it in seconds)."""
    from pyoxigraph import RdfFormat, Store

    store = Store()
    store.bulk_load(path=str(nquads), format=RdfFormat.N_QUADS)
    store.dump(str(trig), RdfFormat.TRIG, prefixes=PREFIXES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic kgbuild dataset as N-Quads.")
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="N-Quads file to write")
    parser.add_argument("--trig", type=Path, help="also write the dataset as TriG here")
    parser.add_argument("--history", action="store_true",
                        help="also deaths, unnamed victims with kin and commemorations (for the query library)")
    args = parser.parse_args(argv)
    summary = write_dataset(args.out, args.triples, args.seed, args.history)
    if args.trig:
        to_trig(args.out, args.trig)
        summary["trig"] = str(args.trig)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

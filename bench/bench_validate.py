"""Time SHACL validation on a synthetic graph that follows kgbuild's RDF pattern: the fast
engine (shapes compiled to SPARQL, pyoxigraph over many graphs at once) against pySHACL
graph by graph, in the same run, on the same graphs, with the ratio of their CPU times.

    PYTHONPATH=src python bench/bench_validate.py                 # ~100 000 triples, 1 and 330 graphs
    PYTHONPATH=src python bench/bench_validate.py --triples 20000 --graphs 1 10
    PYTHONPATH=src python bench/bench_validate.py --triples 1000000 --graphs 3300   # as a build does
    PYTHONPATH=src python bench/bench_validate.py --triples 1000000 --graphs 3300 --engines fast

A build validates graph by graph (one per source, ~300 triples each): `--graphs` with
triples / 300 is that case. Times are CPU seconds of this process (time.process_time), which
other jobs on the machine do not inflate; wall seconds are printed beside them. When both
engines run, the script also checks that they found the same results.

Each synthetic incident has a type, label, date, place and institution, three
participations (perpetrator, victim, guard) with evidence, and two new persons mentioned
twice each; every quote is cut from the source's text at its offsets, so the graph conforms
unless --errors plants broken evidence.
"""

from __future__ import annotations

import argparse
import os
import random
import time

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kgbuild.validate import ENGINES, validate_graphs

KGB = Namespace("https://w3id.org/kgbuild/ontology#")
KGR = Namespace("https://w3id.org/kgbuild/role#")
ID = "https://w3id.org/kgbuild/id/"

INCIDENT_TYPES = ("Escape", "Attack", "Killing", "Shootout", "Detention", "HostageTaking")
GIVEN = ("Серик", "Айдар", "Иван", "Мария", "Алия", "Дмитрий", "Ержан", "Ольга")
FAMILY = ("Омаров", "Петров", "Сериков", "Иванова", "Ахметов", "Ким", "Смагулов", "Лебедева")
ROLES = (KGR.perpetrator, KGR.victim, KGR.guard)


class _SourceBuilder:
    """Grows one source text and mints evidence nodes quoting it at exact offsets."""

    def __init__(self, graph: Graph, slug: str):
        self.graph = graph
        self.iri = URIRef(f"{ID}source/{slug}")
        self.parts: list[str] = []
        self.length = 0
        self.count = 0
        graph.add((self.iri, RDF.type, KGB.Source))
        graph.add((self.iri, KGB.identifier, Literal(slug)))

    def evidence(self, quote: str) -> URIRef:
        self.count += 1
        node = URIRef(f"{self.iri}/e{self.count}")
        start = self.length + 1  # a space before each quote
        self.parts.append(" " + quote)
        self.length += 1 + len(quote)
        g = self.graph
        g.add((node, RDF.type, KGB.Evidence))
        g.add((node, KGB.source, self.iri))
        g.add((node, KGB.quote, Literal(quote)))
        g.add((node, KGB.start, Literal(start)))
        g.add((node, KGB.end, Literal(start + len(quote))))
        g.add((node, KGB.confidence, Literal("0.8", datatype=XSD.decimal)))
        return node

    def close(self) -> None:
        self.graph.add((self.iri, KGB.text, Literal("".join(self.parts))))


def _incident(g: Graph, src: _SourceBuilder, n: int, rng: random.Random, place, institution) -> None:
    inc = URIRef(f"{ID}incident/{src.iri.rsplit('/', 1)[-1]}-{n}")
    kind = rng.choice(INCIDENT_TYPES)
    g.add((inc, RDF.type, KGB[kind]))
    g.add((inc, RDF.type, KGB.Incident))
    g.add((inc, RDFS.label, Literal(f"{kind} {n}", lang="ru")))
    g.add((inc, KGB.date, Literal(f"{1990 + n % 30}-0{1 + n % 9}-1{n % 9}", datatype=XSD.date)))
    g.add((inc, KGB.place, place))
    g.add((inc, KGB.institution, institution))
    g.add((inc, KGB.evidence, src.evidence(f"происшествие номер {n}")))
    agents = []
    for k in range(2):
        person = URIRef(f"{inc}-p{k}")
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        g.add((person, RDF.type, KGB.Person))
        g.add((person, RDFS.label, Literal(f"{given} {family}", lang="ru")))
        g.add((person, KGB.givenName, Literal(given)))
        g.add((person, KGB.familyName, Literal(family)))
        g.add((person, KGB.memberOf, institution))
        for mention in (f"{given} {family}", family):
            g.add((person, KGB.evidence, src.evidence(mention)))
        agents.append(person)
    agents.append(institution)
    for k, (agent, role) in enumerate(zip(agents, ROLES)):
        part = URIRef(f"{inc}-r{k}")
        g.add((inc, KGB.participation, part))
        g.add((part, RDF.type, KGB.Participation))
        g.add((part, KGB.agent, agent))
        g.add((part, KGB.role, role))
        g.add((part, KGB.evidence, src.evidence(f"участник {k} происшествия {n}")))


def _fill_graph(g: Graph, slug: str, triples: int, rng: random.Random) -> None:
    src = _SourceBuilder(g, slug)
    place = URIRef(f"{ID}place/{slug}-town")
    g.add((place, RDF.type, KGB.Settlement))
    g.add((place, RDF.type, KGB.Place))
    g.add((place, RDFS.label, Literal("Каражал", lang="ru")))
    g.add((place, KGB.evidence, src.evidence("Каражал")))
    institution = URIRef(f"{ID}institution/{slug}-colony")
    g.add((institution, RDF.type, KGB.PenalInstitution))
    g.add((institution, RDF.type, KGB.Institution))
    g.add((institution, RDFS.label, Literal("ЕС-164/4", lang="ru")))
    g.add((institution, KGB.locatedIn, place))
    g.add((institution, KGB.evidence, src.evidence("ЕС-164/4")))
    n = 0
    while len(g) < triples:
        n += 1
        _incident(g, src, n, rng, place, institution)
    src.close()


def _plant_errors(g: Graph, count: int, rng: random.Random) -> None:
    """Break `count` evidence nodes: the quote loses its last character."""
    evidence = sorted(g.subjects(RDF.type, KGB.Evidence))
    for node in rng.sample(evidence, min(count, len(evidence))):
        quote = g.value(node, KGB.quote)
        g.set((node, KGB.quote, Literal(str(quote)[:-1] or "?")))


def synthetic(triples: int, graphs: int = 1, errors: int = 0, seed: int = 1) -> Graph | Dataset:
    """A graph (graphs=1) or a dataset of `graphs` named graphs, about `triples` in total."""
    rng = random.Random(seed)
    if graphs == 1:
        g = Graph()
        _fill_graph(g, "bench", triples, rng)
        _plant_errors(g, errors, rng)
        return g
    ds = Dataset()
    for i in range(graphs):
        slug = f"bench-{i}"
        g = ds.graph(URIRef(f"{ID}source/{slug}"))
        _fill_graph(g, slug, triples // graphs, rng)
        _plant_errors(g, errors // graphs, rng)
    return ds


def synthetic_graphs(triples: int, graphs: int, errors: int = 0, seed: int = 1) -> list[tuple[str, Graph]]:
    """`graphs` source graphs of about triples / graphs triples each, as (name, graph) pairs:
    what a build hands the validator (an rdflib Dataset of thousands of graphs is slow to fill)."""
    rng = random.Random(seed)
    pairs = []
    for i in range(graphs):
        slug = f"bench-{i}"
        g = Graph()
        _fill_graph(g, slug, triples // graphs, rng)
        _plant_errors(g, errors // graphs if graphs > 1 else errors, rng)
        pairs.append((f"{ID}source/{slug}", g))
    return pairs


def _key(result) -> tuple:
    return (result.graph, result.shape, result.focus, result.path, result.value, result.severity,
            result.message_en)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000, help="total triples (default 100000)")
    parser.add_argument("--graphs", type=int, nargs="+", default=[1, 330],
                        help="numbers of source graphs to split the triples into (default: 1 330)")
    parser.add_argument("--errors", type=int, default=20, help="evidence nodes to break (default 20)")
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES),
                        help="validation engines to time (default: both)")
    parser.add_argument("--smoke", action="store_true", help="2 000 triples in 1 and 10 graphs")
    args = parser.parse_args(argv)
    if args.smoke:
        args.triples, args.graphs = 2_000, [1, 10]

    print(f"{'engine':>8} {'graphs':>6} {'triples':>9} {'evidence':>9} {'wall s':>8} {'cpu s':>8} "
          f"{'triples/cpu s':>13} {'violations':>10} {'warnings':>8}")
    for graphs in args.graphs:
        began = time.process_time()
        pairs = synthetic_graphs(args.triples, graphs, args.errors)
        print(f"(built {graphs} graphs in {time.process_time() - began:.1f} s CPU)", flush=True)
        n = sum(len(g) for _, g in pairs)
        evidence = sum(1 for _, g in pairs for _ in g.subjects(RDF.type, KGB.Evidence))
        cpu_of, keys_of = {}, {}
        for engine in args.engines:
            began, began_cpu = time.perf_counter(), time.process_time()
            report = validate_graphs(pairs, engine=engine)
            seconds, cpu = time.perf_counter() - began, time.process_time() - began_cpu
            cpu_of[engine], keys_of[engine] = cpu, sorted(map(_key, report.results))
            print(f"{engine:>8} {graphs:>6} {n:>9} {evidence:>9} {seconds:>8.1f} {cpu:>8.2f} "
                  f"{n / max(cpu, 1e-9):>13.0f} {len(report.violations):>10} {len(report.warnings):>8}"
                  f"  (load {os.getloadavg()[0]:.1f})", flush=True)
        if len(cpu_of) == 2:
            same = keys_of["fast"] == keys_of["pyshacl"]
            print(f"  pyshacl / fast CPU: {cpu_of['pyshacl'] / max(cpu_of['fast'], 1e-9):.1f}x; "
                  f"same results: {'yes' if same else 'NO'}", flush=True)
            if not same:
                raise SystemExit("the engines disagree")


if __name__ == "__main__":
    main()

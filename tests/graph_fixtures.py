"""The hand-written seed-like graph the export, picture and network tests share, and the
hostile person the escaping tests add to it."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, Dataset, Literal, URIRef

from kgbuild.namespaces import KGB

FIXTURE = Path(__file__).parent / "fixtures" / "graphs" / "zhaman-sopka.trig"
ID = "https://w3id.org/kgbuild/id/"
EVIL = "<img src=x onerror=alert(1)>"
EVIL_QUOTE = "</script><script>alert(2)</script> & <b>bold</b>"


def load_fixture() -> Dataset:
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    return ds


def add_evil_person(ds: Dataset) -> None:
    """A person whose name and quote are markup, as a hostile or careless source might give."""
    graph = ds.graph(URIRef(ID + "source/zhaman-sopka-escape"))
    person, evidence = URIRef(ID + "person/evil"), URIRef(ID + "evidence/evil")
    graph.add((person, RDF.type, KGB.Person))
    graph.add((person, RDFS.label, Literal(EVIL, lang="ru")))
    graph.add((person, KGB.spouse, URIRef(ID + "person/kaiken")))
    graph.add((person, KGB.evidence, evidence))
    graph.add((evidence, KGB.quote, Literal(EVIL_QUOTE)))
    graph.add((evidence, KGB.source, URIRef(ID + "source/zhaman-sopka-escape")))

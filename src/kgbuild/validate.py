"""SHACL validation of a dataset, one source graph at a time (interim; see shapes/)."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Dataset, Graph

from .resources import shapes_dir


@dataclass
class ValidationReport:
    conforms: bool = True
    results: list[str] = field(default_factory=list)


def validate(dataset: Dataset | Graph) -> ValidationReport:
    from pyshacl import validate as shacl

    shapes_file = shapes_dir() / "kgbuild-shapes.ttl"
    report = ValidationReport()
    if not shapes_file.exists():
        return report
    shapes = Graph().parse(shapes_file)
    graphs = list(dataset.graphs()) if isinstance(dataset, Dataset) else [dataset]
    for graph in graphs:
        plain = Graph()
        for triple in graph:
            plain.add(triple)
        conforms, _, text = shacl(plain, shacl_graph=shapes)
        if not conforms:
            report.conforms = False
            report.results.append(text)
    return report


def format_report(report: ValidationReport, fmt: str = "text") -> str:
    return "\n".join(report.results) if report.results else "conforms"

"""Counts a historian checks first: things per class, statements per source."""

from __future__ import annotations

from rdflib import Dataset

from .query import Table, select

PER_CLASS = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?count) WHERE {
  ?s a ?class . FILTER(STRSTARTS(STR(?class), STR(kgb:)))
} GROUP BY ?class ORDER BY DESC(?count) ?class
"""

PER_SOURCE = """
SELECT ?source ?identifier (COUNT(*) AS ?triples) WHERE {
  GRAPH ?source { ?s ?p ?o }
  OPTIONAL { GRAPH ?source { ?source kgb:identifier ?identifier } }
} GROUP BY ?source ?identifier ORDER BY ?identifier
"""


def stats(dataset: Dataset) -> tuple[Table, Table]:
    return select(dataset, PER_CLASS), select(dataset, PER_SOURCE)

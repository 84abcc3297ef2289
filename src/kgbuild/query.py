"""Running SPARQL over a dataset and showing the answer as a person reads it."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Literal, URIRef

from .errors import QueryError
from .namespaces import PREFIXES


@dataclass
class Table:
    """A SELECT answer: column names and rows of plain display strings (None for unbound)."""

    columns: list[str]
    rows: list[list[str | None]]


def query_text(query: str) -> str:
    """The query itself, or the contents of a .rq file named by it."""
    if query.strip().endswith(".rq") and "\n" not in query.strip():
        path = Path(query.strip())
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"{path}: cannot read query: {exc.strerror or exc}") from None
    return query


def with_prefixes(query: str) -> str:
    """Add the PREFIX declarations of our common namespaces that the query uses but lacks."""
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", query, re.IGNORECASE)}
    missing = [p for p in PREFIXES if p not in declared and re.search(rf"(?<![\w<]){p}:", query)]
    lines = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in missing)
    return lines + query


def select(dataset: Dataset, query: str) -> Table:
    result = _run(dataset, query)
    if result.type != "SELECT":
        raise QueryError("expected a SELECT query")
    columns = [str(v) for v in result.vars]
    rows = [[display(row[i]) if row[i] is not None else None for i in range(len(columns))]
            for row in result]
    return Table(columns, rows)


def run(dataset: Dataset, query: str):
    """Any query form: rdflib's result (SELECT/ASK) or graph (CONSTRUCT/DESCRIBE)."""
    return _run(dataset, query)


def _run(dataset: Dataset, query: str):
    try:
        return dataset.query(with_prefixes(query))
    except Exception as exc:
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise QueryError(f"SPARQL error: {text}") from None


def display(term) -> str:
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            if str(term).startswith(str(namespace)):
                return f"{prefix}:{term[len(str(namespace)):]}"
        return str(term)
    return str(term)


def format_table(table: Table, fmt: str = "table") -> str:
    if fmt == "csv" or fmt == "tsv":
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows([["" if c is None else c for c in row] for row in table.rows])
        return out.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(table.columns, row)) for row in table.rows], ensure_ascii=False, indent=2)
    cells = [table.columns] + [["" if c is None else c.replace("\n", " ") for c in row] for row in table.rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(table.columns))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cells[0], widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells[1:]]
    lines.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(lines)

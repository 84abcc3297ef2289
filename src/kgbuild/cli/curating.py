"""`kgbuild review` and `kgbuild explain`: what was extracted, and why things were merged."""

from __future__ import annotations

from pathlib import Path

import click
from rdflib import URIRef

from ..curation import review as run_review, review_yaml, short
from ..errors import InputError
from ..provenance import explain as run_explain
from ..query import Table, format_table
from ..store import load_dataset


@click.command()
@click.argument("dataset", type=click.Path(path_type=Path))
@click.option("--source", "-s", required=True, metavar="ID", help="The source's id (or its IRI).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "yaml"]), default="table",
              show_default=True, help="yaml gives a curation.yaml skeleton ready to edit.")
def review(dataset, source, fmt):
    """List what was extracted from one source of DATASET: every statement with its IRI, the
    quote it was read from, the character span and the extractor's confidence."""
    source_iri, rows = run_review(load_dataset(dataset), source)
    if fmt == "yaml":
        click.echo(review_yaml(source_iri, source, rows), nl=False)
        return
    table = Table(columns=["subject", "kind", "property", "value", "quote", "span", "confidence"], rows=[
        [str(r.subject), r.kind, short(r.property), short(r.value),
         r.quote + (f" (+{r.more})" if r.more else ""),
         f"{r.start}-{r.end}" if r.start is not None else "",
         f"{r.confidence:g}" if r.confidence is not None else ""] for r in rows])
    click.echo(format_table(table, fmt))


@click.command()
@click.argument("dataset", type=click.Path(path_type=Path))
@click.argument("iri")
def explain(dataset, iri):
    """Say why IRI stands for what it does in DATASET: which documents' mentions were merged
    into it (or kept apart from it), by which rule, with the quotes of each side.

    IRI may be written in full or from its kind on ("person/serik-omarov").
    """
    ds = load_dataset(dataset)
    node = _find(ds, iri)
    lines = run_explain(ds, node)
    if not lines:
        sources = sorted({str(g.value(g.identifier, _identifier()) or g.identifier)
                          for g in ds.graphs() if (node, None, None) in g})
        lines = [f"{node}: no identity decision; it comes from {', '.join(sources)} alone"]
    click.echo("\n".join(lines))


def _identifier():
    from ..namespaces import KGB

    return KGB.identifier


def _find(ds, text: str) -> URIRef:
    candidate = URIRef(text)
    if (candidate, None, None) in ds or (None, None, candidate) in ds:
        return candidate
    if not text.startswith(("http://", "https://")):
        suffix = "/" + text.strip("/")
        found = sorted({s for s in ds.subjects() if isinstance(s, URIRef) and str(s).endswith(suffix)}, key=str)
        if len(found) == 1:
            return found[0]
    raise InputError(f"{text}: no such node in the dataset")


COMMANDS = [review, explain]

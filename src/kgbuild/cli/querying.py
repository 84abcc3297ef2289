"""`kgbuild query`."""

from __future__ import annotations

from pathlib import Path

import click

from ..query import format_table, query_text, run, select
from ..store import load_dataset


@click.command()
@click.argument("dataset", type=click.Path(path_type=Path))
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]),
              default="table", show_default=True, help="How to print a SELECT answer.")
def query(dataset, query, fmt):
    """Run the SPARQL QUERY (text, or a .rq file) over the union of DATASET's graphs.

    Common prefixes (kgb:, kgr:, rdfs:, xsd:, prov: ...) are added when the query lacks them.
    Use GRAPH ?g { ... } to see which source said what.
    """
    text = query_text(query)
    ds = load_dataset(dataset)
    if text.lstrip().upper().startswith(("CONSTRUCT", "DESCRIBE")) or \
            _form(text) in ("CONSTRUCT", "DESCRIBE"):
        click.echo(run(ds, text).serialize(format="turtle"))
        return
    if _form(text) == "ASK":
        click.echo("yes" if run(ds, text).askAnswer else "no")
        return
    click.echo(format_table(select(ds, text), fmt))


def _form(text: str) -> str:
    import re

    body = re.sub(r"(?im)^\s*(PREFIX|BASE)\s+[^\n]*$", "", re.sub(r"#[^\n]*", "", text))
    match = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body, re.IGNORECASE)
    return match.group(1).upper() if match else "SELECT"


COMMANDS = [query]

"""`kgbuild build` and `kgbuild stats`."""

from __future__ import annotations

from pathlib import Path

import click

from ..build import build as run_build
from ..namespaces import DEFAULT_BASE_IRI
from ..query import format_table
from ..stats import stats as run_stats
from ..store import load_dataset


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Dataset to write (TriG; .nq for N-Quads).")
@click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True, metavar="IRI",
              help="Base of the IRIs minted for persons, incidents, sources...")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def build(inputs, out, base_iri, no_validate, quiet):
    """Read INPUTS (.txt, .html, .jsonl files or folders, searched recursively), extract
    persons, institutions, places, dates, incidents and commemorations, validate them with
    SHACL and write a dataset with one named graph per source document.

    The output is written only when the whole build succeeds; a failed run leaves an
    earlier output untouched. Exit code 1 when the graph has SHACL violations.
    """
    def progress(document):
        if not quiet:
            click.echo(f"  read {document.id}", err=True)

    result = run_build(inputs, out, base_iri=base_iri, validate=not no_validate, progress=progress)
    if not quiet:
        click.echo(f"Built {out}: {len(result.documents)} documents, {result.triples} triples "
                   f"in {result.seconds:.1f} s")
    if result.report is not None:
        from ..validate import format_report

        if not result.report.conforms:
            click.echo(format_report(result.report, "text"), err=True)
            raise click.exceptions.Exit(1)
        if not quiet:
            click.echo("SHACL validation: conforms")


@click.command()
@click.argument("dataset", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "markdown"]),
              default="table", show_default=True)
def stats(dataset, fmt):
    """Print how many things of each class DATASET holds, and how many statements each source gave."""
    per_class, per_source = run_stats(load_dataset(dataset))
    click.echo(format_table(per_class, fmt))
    click.echo()
    click.echo(format_table(per_source, fmt))


COMMANDS = [build, stats]

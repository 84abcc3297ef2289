"""`kgbuild build` and `kgbuild stats`."""

from __future__ import annotations

import signal
from contextlib import contextmanager
from pathlib import Path

import click

from ..build import build as run_build
from ..namespaces import DEFAULT_BASE_IRI
from ..progress import Progress
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
@click.option("--curation", type=click.Path(dir_okay=False, path_type=Path), envvar="KGBUILD_CURATION",
              metavar="FILE", help="Corrections to apply (default: ./curation.yaml when it exists).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="Where extracted facts are cached (default: $KGBUILD_CACHE, else ~/.cache/kgbuild).")
@click.option("--rebuild", is_flag=True, help="Extract every source again, ignoring the cache.")
@click.option("--store", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="Also write an embedded pyoxigraph store here, for fast queries and `kgbuild serve`.")
@click.option("--skip-bad", is_flag=True,
              help="Skip bad files and JSON lines, naming each on stderr, instead of stopping at the first.")
@click.option("--max-source-size", type=click.IntRange(min=1), default=10, show_default=True, metavar="MB",
              envvar="KGBUILD_MAX_SOURCE_MB", help="Refuse source files (and JSON lines) larger than this.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True, metavar="N",
              envvar="KGBUILD_JOBS",
              help="Extract, map, validate and render with N processes (0: one per core; a handful of sources always uses one).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
def build(inputs, out, base_iri, no_validate, curation, cache_dir, rebuild, store, skip_bad,
          max_source_size, jobs, quiet):
    """Read INPUTS (.txt, .html, .jsonl files or folders, searched recursively), extract
    persons, institutions, places, dates, incidents and commemorations, merge what several
    sources say about the same thing, apply the historian's curation file, validate with SHACL
    and write a dataset with one named graph per source document (plus graphs recording the
    build, the identity decisions and the curation).

    Only sources that changed since the last build are extracted again (see --cache,
    --rebuild). The output is written only when the whole build succeeds; a failed or
    interrupted run leaves an earlier output untouched. Exit code 1 when the graph has SHACL
    violations.
    """
    # redrawn in place on a terminal, a line every 10 s in a log; build() reports each
    # document it extracts (sources found in the cache are not counted). Started at the first
    # one, so that reading the sources and loading the models do not count against the rate.
    bars: list[Progress] = []

    def progress(document):
        if not bars:
            bars.append(Progress(label="extracting", enabled=False if quiet else None))
        bars[0].update()

    if curation is None and Path(DEFAULT_CURATION).is_file():
        curation = Path(DEFAULT_CURATION)
    skipped = []

    def skip(error):
        skipped.append(error)
        click.echo(f"kgbuild: skipped: {error}", err=True)

    with _interrupt_on_sigterm():
        try:
            result = run_build(inputs, out, base_iri=base_iri, validate=not no_validate, progress=progress,
                               cache_dir=cache_dir, rebuild=rebuild, curation=curation, store=store,
                               on_error=skip if skip_bad else None, jobs=jobs,
                               max_bytes=max_source_size * 1024 * 1024)
        finally:
            for bar in bars:
                bar.close()
    if skipped and not quiet:
        click.echo(f"Skipped {len(skipped)} bad files or lines (listed above)", err=True)
    for warning in result.warnings:
        click.echo(f"kgbuild: warning: {warning}", err=True)
    if not quiet:
        click.echo(f"Built {out}: {len(result.documents)} documents ({len(result.extracted)} extracted, "
                   f"{len(result.from_cache)} from cache), {result.triples} triples "
                   f"in {result.seconds:.1f} s")
    if result.report is not None:
        from ..validate import format_report

        if not result.report.conforms:
            click.echo(format_report(result.report, "text"), err=True)
            raise click.exceptions.Exit(1)
        if not quiet:
            click.echo("SHACL validation: conforms")


DEFAULT_CURATION = "curation.yaml"


@contextmanager
def _interrupt_on_sigterm():
    """SIGTERM ends the build like Ctrl-C: temporary files are removed, earlier outputs stay."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread (e.g. a test runner): nothing to install
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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

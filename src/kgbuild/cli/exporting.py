"""Commands `export`, `viz`, `paths` and `network`: a thin shell over kgbuild.export, .viz and
.network."""

from __future__ import annotations

from pathlib import Path

import click

from ..atomic import atomic_write
from ..export import FORMATS, export
from ..network import centrality, centrality_csv, centrality_table, connections, format_path
from ..relations import relationship_view
from ..store import load_dataset
from ..viz import DEFAULT_MAX_NODES, SIZE_MEASURES, ego_view, figure, graph_html, timeline_html

# Output suffix -> export format, when --format is not given.
SUFFIX_FORMATS = {
    ".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "ntriples", ".jsonld": "jsonld",
    ".json": "jsonld", ".graphml": "graphml", ".gexf": "gexf",
}
DATASET = click.Path(path_type=Path, dir_okay=False)


def _view(path: Path, sources: tuple[str, ...]):
    return relationship_view(load_dataset(path), sources=list(sources) or None)


SOURCE_OPTION = click.option(
    "--source", "sources", multiple=True, metavar="ID",
    help="Only what this source document says (its identifier or graph IRI); repeatable.")


@click.command("export")
@click.argument("dataset", type=DATASET)
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), metavar="FORMAT",
              help=f"One of: {', '.join(FORMATS)}. Default: from the suffix of --out.")
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path), metavar="PATH",
              help="Output file; for csv, a folder.")
@click.option("--source", metavar="ID", help="Export only this source document's graph (identifier or IRI).")
@click.option("--with-ontology", is_flag=True, help="Add the kgbuild ontology (RDF formats only).")
def export_command(dataset: Path, fmt: str | None, out: Path, source: str | None, with_ontology: bool) -> None:
    """Export DATASET (TriG) to another format.

    RDF: turtle (the union of all sources, or one with --source), trig, nquads, ntriples, jsonld
    (compact keys from kgbuild's JSON-LD context). Tables: csv writes persons.csv,
    institutions.csv, places.csv, incidents.csv and commemorations.csv into the --out folder, one
    row per thing (Palladio, spreadsheets). Networks: graphml and gexf hold the relationship view,
    with each node's class, label and start/end dates (Gephi's timeline) and each edge's relation.

    \b
    Example:
      kgbuild export graph.trig --format gexf --out graph.gexf
      kgbuild export graph.trig --format csv --out tables/
    """
    if fmt is None:
        fmt = SUFFIX_FORMATS.get(out.suffix.lower())
        if fmt is None:
            raise click.UsageError(f"cannot tell the format from {out.name!r}: give --format")
    written = export(load_dataset(dataset), fmt, out, source=source, with_ontology=with_ontology)
    for path in written:
        click.echo(f"wrote {path}", err=True)


@click.command("viz")
@click.argument("dataset", type=DATASET)
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="The page or figure to write.")
@click.option("--timeline", is_flag=True, help="Draw incidents and commemorations on a time axis instead.")
@click.option("--format", "fmt", type=click.Choice(["html", "svg", "png"]),
              help="html (interactive page) or a static svg/png figure. Default: from the suffix of --out.")
@click.option("--focus", multiple=True, metavar="NAME",
              help="Only the things within --hops of NAME (label, code or other name; repeatable).")
@click.option("--hops", default=2, show_default=True, type=click.IntRange(0, 10), help="Radius of --focus.")
@click.option("--size-by", type=click.Choice(SIZE_MEASURES), help="Size nodes by centrality.")
@click.option("--group-by", type=click.Choice(["place", "institution"]), default="place", show_default=True,
              help="Timeline bands.")
@click.option("--max-nodes", default=DEFAULT_MAX_NODES, show_default=True, type=click.IntRange(10),
              help="Above this, fold the least connected things into one node per class.")
@click.option("--title", metavar="TEXT", help="Page or figure title. Default: the dataset's file name.")
@SOURCE_OPTION
def viz_command(dataset: Path, out: Path, timeline: bool, fmt: str | None, focus: tuple[str, ...], hops: int,
                size_by: str | None, group_by: str, max_nodes: int, title: str | None,
                sources: tuple[str, ...]) -> None:
    """Draw DATASET (TriG) as an interactive page or a static figure.

    The page is one self-contained HTML file (works offline, from file://): nodes coloured and
    shaped by class, anonymous persons grey with a dashed border, edges labelled by relation;
    search by name, filter by class, source and years; click a node for its facts, quotes and
    sources. With --timeline: incidents and commemorations on a time axis, in bands by place or
    institution; uncertain dates (a month, a year, "196X") drawn as ranges.

    \b
    Example:
      kgbuild viz graph.trig --out graph.html --focus "Омаров" --hops 2
      kgbuild viz graph.trig --timeline --out timeline.html
      kgbuild viz graph.trig --out figure.svg
    """
    fmt = fmt or {".svg": "svg", ".png": "png"}.get(out.suffix.lower(), "html")
    view = _view(dataset, sources)
    centres = None
    if focus:
        view, centres = ego_view(view, focus, hops)
    title = title or dataset.stem
    if timeline:
        if fmt != "html":
            raise click.UsageError("--timeline draws an HTML page: use an .html --out")
        atomic_write(out, timeline_html(view, title=title, group_by=group_by))
    elif fmt == "html":
        atomic_write(out, graph_html(view, title=title, focus=centres, size_by=size_by, max_nodes=max_nodes))
    else:
        atomic_write(out, figure(view, fmt, title=title, size_by=size_by, max_nodes=min(max_nodes, 300)))
    click.echo(f"wrote {out} ({view.number_of_nodes()} nodes, {view.number_of_edges()} edges)", err=True)


@click.command("paths")
@click.argument("dataset", type=DATASET)
@click.argument("a")
@click.argument("b")
@click.option("--max-hops", type=click.IntRange(1, 12), metavar="N",
              help="List every route of up to N hops, shortest first (default: the shortest routes only).")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1), help="At most this many routes.")
@SOURCE_OPTION
def paths_command(dataset: Path, a: str, b: str, max_hops: int | None, limit: int, sources: tuple[str, ...]) -> None:
    """Show how A and B are connected in DATASET.

    A and B are matched by label, code or other name (case-insensitive; a substring will do when
    it names one thing only). Each hop prints its relation, the source that states it and the
    quote it rests on. Edge direction is ignored when searching.

    \b
    Example:
      kgbuild paths graph.trig Кайкен "ЕС-164/4" --max-hops 3
    """
    view = _view(dataset, sources)
    routes = connections(view, a, b, max_hops=max_hops, limit=limit)
    if not routes:
        click.echo(f"no connection between {a!r} and {b!r}" + (f" within {max_hops} hops" if max_hops else ""))
        raise SystemExit(1)
    click.echo("\n\n".join(format_path(view, route) for route in routes))


@click.command("network")
@click.argument("dataset", type=DATASET)
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV (all rows, with IRIs) instead of a table.")
@click.option("--top", default=25, show_default=True, type=click.IntRange(0), help="Rows in the table; 0 for all.")
@SOURCE_OPTION
def network_command(dataset: Path, as_csv: bool, top: int, sources: tuple[str, ...]) -> None:
    """Rank the things in DATASET by centrality and list its communities.

    Degree counts distinct neighbours; betweenness (normalised) tells who bridges otherwise
    separate parts; communities come from Louvain modularity (fixed seed: same input, same
    answer). Computed on the relationship view with edge direction ignored.
    """
    rows = centrality(_view(dataset, sources))
    click.echo(centrality_csv(rows) if as_csv else centrality_table(rows, top=top or None), nl=not as_csv)


COMMANDS = (export_command, viz_command, paths_command, network_command)

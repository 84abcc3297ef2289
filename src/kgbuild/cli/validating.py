"""`kgbuild validate`: check a built graph against the SHACL shapes."""

from __future__ import annotations

from pathlib import Path

import click
from ..errors import KgbuildError
from ..store import load_dataset
from ..validate import ENGINES, FORMATS, format_report, validate

@click.command("validate")
@click.argument("graph_file", metavar="OUT.trig", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report as readable text, a SHACL report in Turtle, or JSON.")
@click.option("--shapes", "shapes_file", metavar="FILE", type=click.Path(path_type=Path, dir_okay=False),
              help="Validate against these SHACL shapes instead of kgbuild's own.")
@click.option("--lang", type=click.Choice(["en", "ru"]), default="en", show_default=True,
              help="Language of the messages in the text report.")
@click.option("--engine", type=click.Choice(ENGINES), default="fast", show_default=True,
              help="fast: the shapes compiled to SPARQL over all graphs at once (pySHACL only for "
                   "shapes it cannot compile); pyshacl: pySHACL on every graph, the reference.")
@click.pass_context
def validate_command(ctx: click.Context, graph_file: Path, fmt: str, shapes_file: Path | None,
                     lang: str, engine: str) -> None:
    """Check OUT.trig (each source graph on its own) against the SHACL shapes.

    Prints the report; exits 0 when the graph conforms (warnings allowed), 1 when a rule is
    violated, 2 when the graph or shapes file cannot be read.
    """
    try:
        dataset = load_dataset(graph_file)
        report = validate(dataset, shapes=shapes_file, engine=engine)
    except KgbuildError as exc:
        click.echo(f"kgbuild: error: {exc}", err=True)
        ctx.exit(2)
    click.echo(format_report(report, fmt, lang=lang), nl=False)
    ctx.exit(0 if report.conforms else 1)


COMMANDS = [validate_command]

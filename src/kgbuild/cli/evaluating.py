"""`kgbuild eval`: measure the extractor on annotated corpora."""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path

import click

from ..progress import Progress


@click.group("eval")
def eval_group():
    """Measure the extractor against annotated Russian news (NEREL, factRuEval-2016)."""


@eval_group.command("nerel")
@click.argument("directory", type=click.Path(path_type=Path), metavar="DIR")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--limit", type=int, default=None, metavar="N", help="Score only the first N documents.")
def nerel(directory: Path, as_json: bool, limit: int | None):
    """Score mentions (exact and overlapping spans) and relations on a NEREL split.

    DIR holds BRAT .txt/.ann pairs, e.g. ../shared/data/nerel/dev.
    """
    from ..evaluation.nerel import TARGETS, evaluate

    with _progress(directory, ".ann", limit) as extract:
        report = evaluate(directory, extract=extract, limit=limit)
    _print(report, as_json, TARGETS)


@eval_group.command("factrueval")
@click.argument("directory", type=click.Path(path_type=Path), metavar="DIR")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--limit", type=int, default=None, metavar="N", help="Score only the first N documents.")
def factrueval(directory: Path, as_json: bool, limit: int | None):
    """Score persons, organizations, locations and Occupation facts on factRuEval-2016.

    DIR is its devset or testset folder.
    """
    from ..evaluation.factrueval import evaluate

    with _progress(directory, ".objects", limit) as extract:
        report = evaluate(directory, extract=extract, limit=limit)
    _print(report, as_json, None)


@eval_group.command("throughput")
@click.argument("directory", type=click.Path(path_type=Path), metavar="DIR")
@click.option("--size", type=int, default=5000, show_default=True, metavar="CHARS",
              help="Characters per article.")
@click.option("--count", type=int, default=20, show_default=True, metavar="N", help="Articles to extract.")
def throughput(directory: Path, size: int, count: int):
    """Documents per second for articles of SIZE characters built from DIR's .txt files.

    For a one-core figure run it as `OMP_NUM_THREADS=1 taskset -c 0 kgbuild eval throughput DIR`.
    """
    from ..evaluation.throughput import articles, measure

    result = measure(articles(directory, size, count))
    click.echo(f"{result.documents} articles of {result.size} characters in {result.seconds:.1f} s: "
               f"{result.per_second:.2f} documents per second")


@contextmanager
def _progress(directory: Path, annotation: str, limit: int | None):
    """The extractor, counting the documents it reads on a progress line (on a terminal).

    The total is the number of texts with their `annotation` file beside them, as the
    evaluation reads them; the count starts after the models are loaded.
    """
    from ..extract import extract

    texts = sorted(Path(directory).glob("*.txt")) if Path(directory).is_dir() else []
    total = sum(1 for t in texts if t.with_suffix(annotation).exists())
    bars: list[Progress] = []

    def counted(document):
        if not bars:  # the first call comes after the models are loaded
            bars.append(Progress(min(total, limit) if limit is not None else total or None, "scoring"))
        facts = extract(document)
        bars[0].update()
        return facts

    try:
        yield counted
    finally:
        for bar in bars:
            bar.close()


def _print(report, as_json: bool, targets) -> None:
    if as_json:
        data = report.as_json()
        if targets:
            data["targets"] = targets
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{report.corpus}\n{report.table(targets)}")


COMMANDS = [eval_group]

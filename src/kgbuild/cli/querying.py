"""`kgbuild query` and `kgbuild push`."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import QueryError
from ..query import format_answer, library, library_query, parse_binding, query_text

FORMATS = ["table", "csv", "tsv", "json", "xml", "markdown", "turtle", "nt", "json-ld"]


def _auth(user, password, token):
    from ..remote import Auth

    if token:
        return Auth(token=token)
    if user is not None:
        return Auth(user=user, password=password)
    return None


@click.command()
@click.argument("dataset", required=False, type=click.Path(path_type=Path))
@click.argument("query", required=False)
@click.option("--name", "name", metavar="NAME", help="Run a query of the library (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the library's queries and exit.")
@click.option("--bind", "binds", multiple=True, metavar="VAR=VALUE",
              help="Bind a variable: <iri>, kgb:x, 42, text@ru (a label), or text (a plain string).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="SELECT: table, csv, tsv, json (SPARQL results), xml, markdown; "
                   "CONSTRUCT/DESCRIBE: turtle (default), nt, json-ld.")
@click.option("--limit", type=click.IntRange(min=0), metavar="N", help="Print at most N rows.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help="Give up a query that runs longer.")
@click.option("--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph", show_default=True,
              help="Local engine: pyoxigraph (fast) or rdflib.")
@click.option("--live", is_flag=True,
              help="Evaluate the query even when the store holds its answer (a stored view).")
@click.option("--endpoint", metavar="URL", help="Run on a remote SPARQL endpoint instead of DATASET.")
@click.option("--user", metavar="USER", envvar="KGBUILD_USER", help="User for --endpoint.")
@click.option("--password", metavar="PASSWORD", envvar="KGBUILD_PASSWORD", help="Password for --endpoint.")
@click.option("--token", metavar="TOKEN", envvar="KGBUILD_TOKEN", help="Bearer token for --endpoint.")
def query(dataset, query, name, list_queries, binds, fmt, limit, timeout, engine, live, endpoint,
          user, password, token):
    """Run a SPARQL QUERY (text, or a .rq file) over DATASET (.trig/.nq file or a store directory).

    The default graph is the union of the sources' graphs; GRAPH ?g { ... } tells which source
    said what. Common prefixes (kgb:, kgr:, rdfs:, xsd:, prov: ...) are added when missing.
    On a store directory, a library query run without --bind is read from the answer stored
    when the store was written (its view), unless --live.

    \b
    Examples:
      kgbuild query kg.trig --name timeline
      kgbuild query kg.trig --name person-network --bind name="Серик Омаров@ru"
      kgbuild query kg.trig 'SELECT ?p WHERE { ?p a kgb:Person }' --format csv
      kgbuild query --endpoint http://localhost:7878/query --name fallen
    """
    if list_queries:
        from ..query import describe_query

        for key, path in library().items():
            click.echo(f"{key:20} {summary(describe_query(path.read_text(encoding='utf-8')))}")
        return
    if endpoint and dataset is not None and query is None and name is None:
        dataset, query = None, str(dataset)  # `query --endpoint URL 'SELECT ...'`: no dataset given
    if name and query:
        raise click.UsageError("give either QUERY or --name, not both")
    if not name and not query:
        raise click.UsageError("give a QUERY (text or .rq file) or --name (see --list)")
    text = library_query(name) if name else query_text(query)
    bindings = dict(parse_binding(b) for b in binds)
    if endpoint:
        from ..remote import RemoteEngine

        runner = RemoteEngine(endpoint, _auth(user, password, token))
    elif dataset is None:
        raise click.UsageError("give a DATASET (.trig/.nq file or store directory) or --endpoint")
    elif engine == "rdflib":
        from ..query import RdflibEngine
        from ..store import dataset_from_store, is_store_dir, load_dataset

        ds = dataset_from_store(_open(dataset)) if is_store_dir(dataset) else load_dataset(dataset)
        runner = RdflibEngine(ds)
    else:
        from ..query import OxigraphEngine

        runner = OxigraphEngine.at(dataset, live=live)
        view = runner.view(text, bindings)
        if view is not None and fmt in ("csv", "tsv", "json"):
            # The stored answer is already written in these formats: print its bytes.
            data, _ = view.serialized(fmt, limit)
            click.echo(data, nl=not data.endswith(b"\n"))
            return
    answer = runner.run(text, bindings=bindings, limit=limit, timeout=timeout)
    output = format_answer(answer, fmt)
    click.echo(output, nl=not output.endswith("\n"))


def summary(description: str) -> str:
    """The first sentence of a library query's comment header."""
    paragraph = " ".join(description.split("Answers:")[0].split())
    head, dot, _ = paragraph.partition(". ")
    return head + ("." if dot else "")


def _open(dataset: Path):
    from ..store import load_oxigraph

    return load_oxigraph(dataset)


@click.command()
@click.argument("dataset", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol address, e.g. http://host:3030/ds/data or http://host:7878/store.")
@click.option("--user", metavar="USER", envvar="KGBUILD_USER", help="User (Basic or Digest auth).")
@click.option("--password", metavar="PASSWORD", envvar="KGBUILD_PASSWORD", help="Password for --user.")
@click.option("--token", metavar="TOKEN", envvar="KGBUILD_TOKEN", help="Bearer token.")
@click.option("--timeout", type=float, default=300, show_default=True, metavar="SECONDS")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def push(dataset, endpoint, user, password, token, timeout, quiet):
    """Upload each source's named graph of DATASET to a SPARQL server.

    Each graph is sent with an HTTP PUT of the SPARQL 1.1 Graph Store Protocol, which replaces
    the graph: pushing a rebuilt dataset again gives the same server contents.
    """
    from ..remote import push as push_graphs

    if user is None and password is not None:
        raise click.UsageError("--password needs --user")
    report = None if quiet else (lambda name, n: click.echo(f"{name}: {n} triples"))
    sent = push_graphs(dataset, endpoint, _auth(user, password, token), timeout=timeout, progress=report)
    if not sent:
        raise QueryError(f"{dataset}: no named graphs to push")
    if not quiet:
        click.echo(f"pushed {len(sent)} graphs, {sum(n for _, n in sent)} triples")


COMMANDS = [query, push]

"""`kgbuild serve`."""

from __future__ import annotations

import signal
from pathlib import Path

import click


@click.command()
@click.argument("dataset", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the graph: see SECURITY.md.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option("--allow-updates", is_flag=True, help="Accept SPARQL updates (off: read-only).")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE and LOAD, which make the server fetch URLs.")
@click.option("--token", envvar="KGBUILD_TOKEN", metavar="TOKEN",
              help="Require 'Authorization: Bearer TOKEN' on the endpoint (env KGBUILD_TOKEN).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              metavar="SECONDS", help="Give up a query that runs longer.")
@click.option("--max-results", default=10_000, show_default=True, type=click.IntRange(min=1), metavar="N",
              help="Rows (or triples) returned at most; more are cut and flagged.")
@click.option("--max-body", default=1_000_000, show_default=True, type=click.IntRange(min=1), metavar="BYTES",
              help="Largest request body accepted.")
@click.option("--max-running", default=4, show_default=True, type=click.IntRange(min=1), metavar="N",
              help="Queries evaluated at once; more wait briefly, then get 503.")
@click.option("--live", is_flag=True,
              help="Evaluate library listings even when the store holds their answers (stored views).")
@click.option("-q", "--quiet", is_flag=True, help="Do not log each request.")
def serve(dataset, host, port, allow_updates, allow_service, token, timeout, max_results, max_body,
          max_running, live, quiet):
    """Serve DATASET (.trig/.nq file or store directory) as a SPARQL endpoint with a query page.

    The endpoint is http://HOST:PORT/sparql (SPARQL 1.1 Protocol: GET, POST form or direct body);
    the query page is http://HOST:PORT/. The default graph is the union of the sources' graphs.
    A store directory's stored views answer library listings sent unchanged and unbound, unless
    --live; --allow-updates removes them from the store (an update would make them stale).
    """
    from ..server import ServerConfig, make_server

    config = ServerConfig(host=host, port=port, allow_updates=allow_updates, allow_service=allow_service,
                          token=token, timeout=timeout, max_results=max_results, max_body=max_body,
                          max_running=max_running, quiet=quiet, live=live)
    server = make_server(dataset, config)
    shown_host = f"[{host}]" if ":" in host else host
    click.echo(f"kgbuild: serving {dataset.name} at http://{shown_host}:{server.server_address[1]}/ "
               f"(SPARQL endpoint /sparql{', updates allowed' if allow_updates else ', read-only'})", err=True)
    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        click.echo("kgbuild: warning: listening beyond this machine without --token; see SECURITY.md", err=True)
    # SIGTERM (systemd, docker, kill) ends the server as Ctrl+C does, so workers are stopped and
    # the temporary store of a served .trig file is removed.
    signal.signal(signal.SIGTERM, _stop)
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.server_close()


def _stop(signum, frame):
    raise SystemExit(0)


COMMANDS = [serve]

"""`kgbuild serve`: a SPARQL 1.1 Protocol endpoint and a query page, on the standard library.

Safe by default (see SECURITY.md): read-only, bound to 127.0.0.1, SERVICE, LOAD and updates
refused unless enabled, a timeout and a result limit on every query, a cap on request bodies
and on queries running at once, an optional bearer token, and error answers that carry one
line of text and never a path or a traceback.

Read-only servers evaluate queries in worker processes, so a query over its time is stopped
for real (the worker is killed and replaced), not merely abandoned.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

from ..errors import KgbuildError
from .endpoint import Endpoint, HttpError, ServerConfig
from .handler import Handler, negotiate

__all__ = ["Endpoint", "HttpError", "Server", "ServerConfig", "make_server", "negotiate", "running"]


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # 50 clients connecting at once must not be refused by the backlog
    allow_reuse_address = True
    endpoint: Endpoint
    cleanup: list

    def server_close(self):
        super().server_close()
        self.endpoint.close()
        for folder in getattr(self, "cleanup", []):
            shutil.rmtree(folder, ignore_errors=True)


def make_server(dataset: str | Path, config: ServerConfig) -> Server:
    """A ready server for a TriG/N-Quads file or a store directory; call serve_forever() on it."""
    from ..store import is_store_dir, load_oxigraph, open_store, write_store

    dataset = Path(dataset)
    cleanup = []
    if config.allow_updates:
        # Updates need one writable store shared by all requests: queries run in threads.
        # Opened writable, a store directory loses its stored views (they would go stale).
        store = open_store(dataset, writable=True) if is_store_dir(dataset) else load_oxigraph(dataset)
        endpoint = Endpoint(config, store=store)
    else:
        if is_store_dir(dataset):
            store_dir = dataset
        else:
            # Worker processes open the data read-only from disk: write the file as a store once.
            # Without views: they would delay the start by the time of every listing.
            folder = Path(tempfile.mkdtemp(prefix="kgbuild-serve-"))
            cleanup.append(folder)
            store_dir = write_store(dataset, folder / "store", views=False)
        endpoint = Endpoint(config, store_dir=store_dir)
    handler = type("KgbuildHandler", (Handler,), {"endpoint": endpoint})
    try:
        server = Server((config.host, config.port), handler)
    except OSError as exc:
        endpoint.close()
        for folder in cleanup:
            shutil.rmtree(folder, ignore_errors=True)
        raise KgbuildError(f"cannot listen on {config.host}:{config.port}: {exc.strerror or exc}") from None
    server.endpoint = endpoint
    server.cleanup = cleanup
    return server


@contextmanager
def running(dataset: str | Path, config: ServerConfig | None = None) -> Iterator[str]:
    """Serve a dataset in a background thread for the duration of a `with` block; yields the base URL.

    For tests and notebooks: `with running("kg.trig") as url: ...`. Read-only servers start
    worker processes ("spawn"), so a script that calls this needs the usual
    `if __name__ == "__main__":` guard.
    """
    config = config or ServerConfig(port=0, quiet=True)
    server = make_server(dataset, config)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)

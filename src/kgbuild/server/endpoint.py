"""What the server does with a query, apart from HTTP: checks, limits, evaluation."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from ..errors import QueryError
from ..query import Answer, Deadline, OxigraphEngine, QueryTimeout, is_update, uses_keyword


@dataclass
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 7878
    allow_updates: bool = False
    allow_service: bool = False
    token: str | None = None
    timeout: float = 30.0
    max_results: int = 10_000
    max_body: int = 1_000_000
    max_running: int = 4
    quiet: bool = False
    live: bool = False  # evaluate library listings even when the store holds their answers


class HttpError(Exception):
    """An answer with a 4xx/5xx status and a one-line message for the client."""

    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


def evaluate(engine: OxigraphEngine, text: str, limit: int, deadline: Deadline) -> Answer:
    """Run a query, keeping at most `limit` rows or triples (the answer says if it cut some)."""
    return engine.answer(text, None, limit, deadline)


def pack(answer: Answer) -> tuple:
    """An answer as plain picklable data, to cross from a worker process."""
    triples = list(answer.graph) if answer.graph is not None else None
    return answer.form, answer.columns, answer.rows, answer.boolean, triples, answer.truncated


def unpack(data: tuple) -> Answer:
    from rdflib import Graph

    from ..namespaces import bind_prefixes

    form, columns, rows, boolean, triples, truncated = data
    graph = None
    if triples is not None:
        graph = bind_prefixes(Graph())
        for triple in triples:
            graph.add(triple)
    return Answer(form, columns, rows, boolean, graph, truncated)


class Endpoint:
    """The state behind the handler: a pool of query workers over a read-only store on disk, or
    (with updates allowed) one writable store queried from threads."""

    def __init__(self, config: ServerConfig, store=None, store_dir: Path | None = None):
        self.config = config
        self.pool = None
        self.engine = None
        self.views = None
        if store_dir is not None:
            from ..views import Views
            from .workers import WorkerPool

            # Stored answers are read here, in the server process: no worker is needed for them.
            self.views = None if config.live else Views.open(store_dir)
            self.pool = WorkerPool(store_dir, config.max_running, config.max_results)
        else:
            self.engine = OxigraphEngine(store)
            self.slots = threading.BoundedSemaphore(config.max_running)
            self.write_lock = threading.Lock()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()

    def check(self, text: str) -> None:
        config = self.config
        if is_update(text):
            raise HttpError(403, "updates are refused: this endpoint is read-only"
                            if not config.allow_updates else "send updates as 'update', not as a query")
        if not config.allow_service and uses_keyword(text, "SERVICE"):
            raise HttpError(403, "SERVICE (federated query) is refused by this endpoint; "
                                 "the server was not started with --allow-service")

    def view(self, text: str):
        """The stored view that answers this query text (a library listing, unbound), or None;
        the same checks as for any query first."""
        if self.views is None:
            return None
        self.check(text)
        return self.views.find(text)

    def query(self, text: str) -> Answer:
        self.check(text)
        view = self.view(text)
        if view is not None:
            return view.answer(self.config.max_results)
        wait = 10.0  # seconds a query waits for a free worker (a replaced one takes a moment to start)
        try:
            if self.pool is not None:
                return unpack(self.pool.run(text, self.config.timeout, wait))
            return self._threaded(text, wait)
        except LookupError:
            raise HttpError(503, "too many queries are running; try again shortly", {"Retry-After": "5"}) from None
        except QueryTimeout as exc:
            raise HttpError(503, str(exc)) from None
        except QueryError as exc:
            raise HttpError(400, str(exc)) from None

    def _threaded(self, text: str, wait: float) -> Answer:
        # Timed-out queries keep their slot until they really end (a thread cannot be stopped),
        # so the number running at once stays bounded.
        if not self.slots.acquire(timeout=wait):
            raise LookupError("busy")
        deadline = Deadline(self.config.timeout)
        box: dict = {}

        def work():
            try:
                box["answer"] = evaluate(self.engine, text, self.config.max_results, deadline)
            except BaseException as exc:  # handed to the request thread
                box["error"] = exc
            finally:
                self.slots.release()

        worker = threading.Thread(target=work, daemon=True, name="kgbuild-serve-query")
        worker.start()
        worker.join(self.config.timeout)
        if worker.is_alive():
            raise QueryTimeout(f"query timed out after {self.config.timeout:g} s")
        if "error" in box:
            raise box["error"]
        return box["answer"]

    def update(self, text: str) -> None:
        if not self.config.allow_updates:
            raise HttpError(403, "updates are refused: this endpoint is read-only "
                                 "(the server was not started with --allow-updates)")
        if not self.config.allow_service and uses_keyword(text, "LOAD"):
            raise HttpError(403, "LOAD is refused by this endpoint; it fetches from the network "
                                 "(start the server with --allow-service to allow it)")
        from ..query import with_prefixes
        from ..store import materialize_union

        with self.write_lock:
            try:
                self.engine.store.update(with_prefixes(text))
                materialize_union(self.engine.store, refresh=True)
            except SyntaxError as exc:
                raise HttpError(400, f"SPARQL syntax error: {str(exc).splitlines()[0][:200]}") from None
            except (OSError, ValueError, RuntimeError) as exc:
                raise HttpError(400, f"SPARQL update failed: {str(exc).splitlines()[0][:200]}") from None

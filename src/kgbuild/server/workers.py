"""Query evaluation in worker processes, so that a query over its time can really be stopped.

pyoxigraph offers no way to cancel a query from Python; a thread that runs one can only be
abandoned while it keeps the CPU busy. A worker process can be killed. Each worker opens the
store read-only from disk (no copy of the data per worker) and is replaced after a timeout, a
crash, or a number of queries (so memory a large answer left behind is given back).
"""

from __future__ import annotations

import multiprocessing
import queue
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

from ..errors import QueryError
from ..query import QueryTimeout

RECYCLE_AFTER = 500  # queries a worker answers before it is replaced
STARTUP_SECONDS = 60  # a worker that cannot open the store in this time is given up


def _work(store_dir: str, conn, max_results: int) -> None:
    """Worker process: answer queries from the pipe until it closes."""
    from ..query import Deadline, OxigraphEngine
    from ..store import open_store
    from .endpoint import evaluate, pack

    engine = OxigraphEngine(open_store(store_dir))
    conn.send(("ready", None))
    while True:
        try:
            text = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", pack(evaluate(engine, text, max_results, Deadline(None)))))
        except QueryError as exc:
            conn.send(("query-error", str(exc)))
        except Exception:
            traceback.print_exc(file=sys.stderr)
            conn.send(("internal", "internal error"))


@dataclass
class _Worker:
    process: object
    conn: object
    served: int = 0
    ready: bool = False


class WorkerPool:
    """A fixed number of worker processes; a request borrows one, or waits a little for one."""

    def __init__(self, store_dir: Path, size: int, max_results: int):
        self.context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self.args = (str(store_dir), max_results)
        self.idle: queue.Queue = queue.Queue()
        self.closed = False
        self.lock = threading.Lock()
        self.processes: list = []
        for _ in range(size):
            self.idle.put(self._start())

    def _start(self):
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_work, args=(self.args[0], child, self.args[1]),
                                       daemon=True, name="kgbuild-query-worker")
        process.start()
        child.close()
        with self.lock:
            self.processes = [p for p in self.processes if p.is_alive()] + [process]
        return _Worker(process, parent)

    def run(self, text: str, timeout: float, wait: float):
        """The packed answer of a query; QueryTimeout, QueryError, or LookupError when all are busy."""
        try:
            worker = self.idle.get(timeout=wait)
        except queue.Empty:
            raise LookupError("all query workers are busy") from None
        conn = worker.conn
        try:
            if not worker.ready:
                # A new worker is still starting; that time is not the query's.
                if not conn.poll(STARTUP_SECONDS) or conn.recv()[0] != "ready":
                    self._replace(worker)
                    raise RuntimeError("a query worker did not start")
                worker.ready = True
            conn.send(text)
            if not conn.poll(timeout):
                self._replace(worker)
                raise QueryTimeout(f"query timed out after {timeout:g} s")
            status, payload = conn.recv()
        except (EOFError, OSError):
            self._replace(worker)
            raise RuntimeError("a query worker stopped") from None
        worker.served += 1
        if worker.served >= RECYCLE_AFTER:
            self._replace(worker)
        else:
            self.idle.put(worker)
        if status == "ok":
            return payload
        if status == "query-error":
            raise QueryError(payload)
        raise RuntimeError(payload)

    def _replace(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(10)
        worker.conn.close()
        if not self.closed:
            self.idle.put(self._start())

    def close(self) -> None:
        self.closed = True
        with self.lock:
            processes, self.processes = self.processes, []
        for process in processes:
            process.kill()
            process.join(10)

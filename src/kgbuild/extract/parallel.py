"""Extraction on several cores: one worker process per core, natasha loaded once for all.

`extract_parallel(documents, jobs)` yields the same `DocumentFacts`, in the same order, as
`extract_all(documents)`; only the wall-clock time differs. Documents are read from the
iterable and results handed back a few chunks at a time, so memory stays flat however long
the corpus is: at most `jobs * prefetch` chunks are in flight.

numpy's BLAS is held to one thread per process. natasha's taggers multiply small matrices,
where OpenBLAS threads cost more than they give (measured: 223 ms → 75 ms per 3.3 k-character
article on one process), and threads of several workers would fight for the same cores.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import chain, islice

from ..model import Document, DocumentFacts

ChunkExtractor = Callable[[list[Document]], list[DocumentFacts]]

# The variables BLAS libraries read when numpy is first imported.
_BLAS_ENV = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def limit_blas_threads(threads: int = 1) -> None:
    """Hold numpy's BLAS to `threads` threads (or to OPENBLAS_NUM_THREADS when the user set it),
    whether or not numpy is imported yet."""
    for name in _BLAS_ENV:
        os.environ.setdefault(name, str(threads))
    if "numpy" in sys.modules:  # too late for the variables: change the running library
        from threadpoolctl import threadpool_limits

        chosen = os.environ["OPENBLAS_NUM_THREADS"]
        threadpool_limits(limits=int(chosen) if chosen.isdigit() else threads, user_api="blas")


def _init_worker(extract_chunk: ChunkExtractor, load: Callable[[], object] | None) -> None:
    global _EXTRACT_CHUNK
    # Ctrl+C goes to the whole process group; the parent alone decides to stop the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the parent's own SIGTERM handler (a build turns it into KeyboardInterrupt) must not run
    # here: Pool.terminate() stops workers with SIGTERM, and a worker that raised instead of
    # dying while it held the task queue's lock left the pool waiting forever
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    limit_blas_threads(1)
    _EXTRACT_CHUNK = extract_chunk
    if load is not None:
        load()


def _run_chunk(chunk: list[Document]) -> list[DocumentFacts]:
    return _EXTRACT_CHUNK(chunk)


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _batched(chunk: list[Document]) -> list[DocumentFacts]:
    from .batch import extract_many

    return extract_many(chunk)


def _each(extract: Callable[[Document], DocumentFacts], chunk: list[Document]) -> list[DocumentFacts]:
    return [extract(document) for document in chunk]


def _default_load() -> None:
    from .nlp import models

    models()


# The function a worker applies to each chunk, set by its initializer.
_EXTRACT_CHUNK: ChunkExtractor = _batched


def extract_parallel(documents: Iterable[Document], jobs: int | None = None, *, chunksize: int = 8,
                     prefetch: int = 2,
                     extract: Callable[[Document], DocumentFacts] | None = None,
                     load: Callable[[], object] | None = _default_load) -> Iterator[DocumentFacts]:
    """The facts of every document, in input order, computed by `jobs` processes.

    `jobs` None or 0 means every core; 1 runs in this process (no pool, same results), and so
    does an input of at most `chunksize` documents.
    Each chunk of `chunksize` documents is analysed together (`batch.extract_many`).
    `extract` replaces the pipeline by a function of one document and `load` the model
    loading (for tests and benchmarks). `load` runs once here before the workers fork, so
    they share the models; where processes are spawned instead, once in each worker.
    """
    jobs = default_jobs() if not jobs or jobs < 0 else jobs
    extract_chunk: ChunkExtractor = _batched if extract is None else partial(_each, extract)
    limit_blas_threads(1)
    chunks = _chunks(documents, chunksize)
    # One chunk goes to one worker anyway: when the input is a single chunk (a test, a demo,
    # an incremental build that changed a few sources) starting workers only costs time.
    head = list(islice(chunks, 2))
    if jobs == 1 or len(head) < 2:
        if load is not None:
            load()
        for chunk in chain(head, chunks):
            yield from extract_chunk(chunk)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "fork" and load is not None:
        # Loaded here, the models reach every worker through fork, in pages they share;
        # the workers' own load() then finds them already built.
        load()
    with context.Pool(jobs, initializer=_init_worker, initargs=(extract_chunk, load)) as pool:
        pending: deque = deque()
        chunks = chain(head, chunks)
        for chunk in islice(chunks, jobs * prefetch):
            pending.append(pool.apply_async(_run_chunk, (chunk,)))
        while pending:
            results = pending.popleft().get()
            for chunk in islice(chunks, 1):  # keep the workers fed: one chunk in for one out
                pending.append(pool.apply_async(_run_chunk, (chunk,)))
            yield from results

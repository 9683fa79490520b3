"""Code articles in worker processes: one model per process, articles sent in chunks, results back in order.

Workers are started with ``spawn`` (the same on Linux, macOS and Windows, and no copy of a parent
that may hold a DuckDB connection or threads). Each loads the model and tables once, in its
initializer. Articles go out in chunks, each one batch of the worker's Coder (``pipeline.batches``),
and come back as ``ArticleResult`` lists; a few chunks per worker are kept in flight so that no
worker waits while the parent reads input or writes to the store.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import Protocol

from standoff.model import Article, ArticleResult
from standoff.pipeline import Coder, Settings, batches
from standoff.runners import worker_process

CHUNKS_IN_FLIGHT = 3  # per worker: one being coded, the rest queued behind it
PR_SET_PDEATHSIG = 1  # prctl option (linux/prctl.h): the signal a process gets when its parent dies


class ArticleCoder(Protocol):
    """What the runners need of a coder: ``Coder`` itself, a ``WorkerPool`` or a ``LocalCoder``."""

    def code(self, articles: Iterable[Article]) -> Iterator[ArticleResult]: ...

    def versions(self) -> dict[str, str]: ...


def cpu_count() -> int:
    """The cores this process may run on (the affinity mask, where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


class WorkerPool:
    """``workers`` processes, each with its own ``Coder(settings)``. Use as a context manager."""

    def __init__(self, settings: Settings, workers: int) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.settings = settings
        self.workers = workers
        self._executor = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"), initializer=worker_process.start, initargs=(pickle.dumps(settings),)
        )

    def code(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        pending: deque[Future[list[ArticleResult]]] = deque()
        try:
            for chunk in batches(articles, self.settings.batch_size):  # a chunk is one batch of the worker's Coder
                pending.append(self._executor.submit(_code_chunk, chunk))
                if len(pending) > CHUNKS_IN_FLIGHT * self.workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:  # the consumer stopped early or a chunk failed
                future.cancel()

    def versions(self) -> dict[str, str]:
        return self._executor.submit(_versions).result()

    def warm_up(self) -> list[int]:
        """Start every worker and wait until each has loaded its model; returns their process ids."""
        with multiprocessing.get_context("spawn").Manager() as manager:
            barrier = manager.Barrier(self.workers)
            return [future.result() for future in [self._executor.submit(_wait_for_all, barrier) for _ in range(self.workers)]]

    def close(self, *, cancel: bool = False) -> None:
        self._executor.shutdown(wait=not cancel, cancel_futures=cancel)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.close(cancel=kind is not None)


class LocalCoder:
    """Codes in this process when the input is one chunk or ``workers`` is 1, in a ``WorkerPool`` otherwise.

    A short input (one article, a test) then costs no worker start-up. ``workers=None`` means one
    worker per core. ``apart=True`` codes in a worker process even with one worker: for a caller
    whose process runs threads of its own (DuckDB, Arrow), which would slow the coding down.
    Use as a context manager.
    """

    def __init__(self, settings: Settings = Settings(), workers: int | None = None, *, apart: bool = False) -> None:
        self.settings = settings
        self.workers = cpu_count() if workers is None else workers
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, not {self.workers}")
        self.apart = apart
        self._own: Coder | None = None
        self._pool: WorkerPool | None = None

    def code(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        chunks = batches(articles, self.settings.batch_size)
        head = list(islice(chunks, 2))
        articles = chain.from_iterable(chain(head, chunks))  # batched again the same way downstream
        if (self.workers > 1 or self.apart) and len(head) > 1:
            return self.pool().code(articles)
        return self._coder().code(articles)

    def versions(self) -> dict[str, str]:
        return self._pool.versions() if self._pool is not None else self._coder().versions()

    @property
    def pooled(self) -> bool:
        """Whether worker processes were started."""
        return self._pool is not None

    def pool(self) -> WorkerPool:
        if self._pool is None:
            self._pool = WorkerPool(self.settings, self.workers)
        return self._pool

    def close(self, *, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.close(cancel=cancel)
            self._pool = None

    def __enter__(self) -> LocalCoder:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.close(cancel=kind is not None)

    def _coder(self) -> Coder:
        if self._own is None:
            self._own = Coder(self.settings)
        return self._own


# ---------------------------------------------------------------- inside a worker process

_coder: Coder | None = None


def start_worker(settings: Settings) -> None:
    """Load the coder of this worker process (called by ``worker_process.start``)."""
    global _coder
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops the pool
    _exit_with_parent()
    _coder = Coder(settings)


def _exit_with_parent() -> None:
    """A parent killed outright (SIGKILL, OOM) cannot stop its workers; they stop themselves.

    On Linux the kernel does it (PR_SET_PDEATHSIG). Elsewhere a thread waits for the parent: a
    second thread makes every allocation in the process take a lock, which costs ~10% of coding.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    if _kill_on_parent_death():
        if not parent.is_alive():  # it died before the request took effect
            os._exit(1)
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="standoff-parent-watch", daemon=True).start()


def _kill_on_parent_death() -> bool:
    """Ask Linux to kill this process when its parent dies; False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _code_chunk(articles: list[Article]) -> list[ArticleResult]:
    assert _coder is not None, "worker not initialised"
    return list(_coder.code(articles))


def _versions() -> dict[str, str]:
    assert _coder is not None, "worker not initialised"
    return _coder.versions()


def _wait_for_all(barrier: threading.Barrier) -> int:
    barrier.wait(timeout=600)
    return os.getpid()

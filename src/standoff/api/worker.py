"""One thread that runs coding jobs, fed by a bounded queue: the server's only user of the model.

A request puts a job in the queue and waits for its result in the event loop, holding no thread;
when the queue is full it is refused at once (429, with a Retry-After from the time recent jobs
took). Jobs run one at a time, in the order they came, so however many arrive, the server codes
one text at a time and keeps the rest of its threads for reads. A job is anything with
``run(coder)``: a pasted text, or (``serve --watch``) files to ingest. A request that finds the
queue full is refused; the folder watch, a thread of the server, waits for a place instead.

The coder is whatever the app was given: `standoff serve` gives a one-process WorkerPool, so the
model runs in a process of its own and this thread only waits for it (coding in a thread of the
server would hold the interpreter's lock that every read needs); without one, a Coder is loaded
in this process on first use.
"""

from __future__ import annotations

import asyncio
import math
import queue
import threading
import time
from concurrent.futures import Future
from typing import Any, Protocol

from standoff.api.budget import timed_out
from standoff.errors import QueueFull

FIRST_GUESS_SECONDS = 2.0  # what a job is taken to cost before one has been timed
WAIT_POLL_SECONDS = 0.5  # a job waiting for a place checks this often whether to give up


class Job(Protocol):
    def run(self, coder: Any) -> Any:
        """Do the work with ``coder`` (a loaded standoff.pipeline.Coder) and return the answer."""


class CodingWorker:
    def __init__(self, capacity: int, budget_seconds: float, coder: Any = None) -> None:
        self._queue: queue.Queue[tuple[Job, Future[Any]] | None] = queue.Queue(maxsize=capacity)
        self._budget = budget_seconds
        self._coder = coder
        self._coder_lock = threading.Lock()
        self._seconds = FIRST_GUESS_SECONDS  # running mean of a job's time
        self._thread: threading.Thread | None = None
        self._thread_lock = threading.Lock()  # the event loop and the folder watch may both start it
        self._stopping = False

    def load(self) -> Any:
        """The coder, loaded now if it was not given (in the caller's thread: at start, before serving)."""
        with self._coder_lock:
            if self._coder is None:
                from standoff.pipeline import Coder

                self._coder = Coder()
            return self._coder

    def retry_after(self) -> int:
        """Seconds until the queue has room again, as far as recent jobs tell."""
        return max(1, math.ceil(self._seconds * (self._queue.qsize() + 1)))

    def check_room(self) -> None:
        """QueueFull if a job submitted now would be refused (checked before a request's body is read)."""
        if self._queue.full():
            raise self._full()

    async def submit(self, job: Job, deadline: float) -> Any:
        """The job's answer; QueueFull at once if the queue is full, TimedOut once the loop's clock
        passes ``deadline`` (a job not started by then is dropped)."""
        self._start()
        done: Future[Any] = Future()
        self.check_room()
        try:
            self._queue.put_nowait((job, done))
        except queue.Full:  # the folder watch took the last place since the check
            raise self._full() from None
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(asyncio.wrap_future(done), max(deadline - loop.time(), 0))
        except TimeoutError:
            raise timed_out(self._budget) from None

    def wait_turn(self, job: Job, give_up: threading.Event) -> Future[Any] | None:
        """Queue ``job`` from a thread of the server's own (not the event loop), waiting for a place
        rather than being refused; its future, or None if ``give_up`` is set or the worker stops first."""
        self._start()
        done: Future[Any] = Future()
        while not (give_up.is_set() or self._stopping):
            try:
                self._queue.put((job, done), timeout=WAIT_POLL_SECONDS)
                return done
            except queue.Full:
                continue
        return None

    def stop(self) -> None:
        """Finish the job being coded, drop the others, end the thread."""
        self._stopping = True
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                item[1].cancel()
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout=60)

    def _start(self) -> None:
        with self._thread_lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="standoff-coder", daemon=True)
                self._thread.start()

    def _full(self) -> QueueFull:
        return QueueFull(
            f"the coding queue is full ({self._queue.maxsize} texts wait already); try again in a few seconds",
            retry_after=self.retry_after(),
        )

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            job, done = item
            if self._stopping:
                done.cancel()
                continue
            if not done.set_running_or_notify_cancel():  # its request gave up waiting
                continue
            clock = time.monotonic()
            try:
                done.set_result(job.run(self.load()))
            except BaseException as exc:  # the request that waits for it reports it
                done.set_exception(exc)
            self._seconds = 0.7 * self._seconds + 0.3 * (time.monotonic() - clock)

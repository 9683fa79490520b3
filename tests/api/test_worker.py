"""The coding worker: one job at a time from a bounded queue; a full queue refuses at once, a request
that stops waiting drops its job, and the worker answers each request with its own job's result."""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field
from typing import Any

import pytest

from standoff.api.worker import CodingWorker
from standoff.errors import EmptyArticle, QueueFull, TimedOut

CODER = object()  # what the jobs get as their coder; these jobs do not code


@dataclass
class Job:
    name: str
    ran: list[str]
    gate: threading.Event = field(default_factory=threading.Event)  # the job ends once this is set
    started: threading.Event = field(default_factory=threading.Event)
    fails: bool = False

    def run(self, coder: Any) -> str:
        assert coder is CODER
        self.started.set()
        self.gate.wait(timeout=30)
        self.ran.append(self.name)
        if self.fails:
            raise EmptyArticle("nothing to code")
        return f"coded {self.name}"


def test_a_full_queue_refuses_and_jobs_run_in_order() -> None:
    async def scenario() -> None:
        worker, ran = CodingWorker(capacity=2, budget_seconds=30, coder=CODER), []
        loop = asyncio.get_running_loop()
        jobs = [Job(f"job{n}", ran) for n in range(3)]
        first = asyncio.create_task(worker.submit(jobs[0], loop.time() + 30))
        await asyncio.to_thread(jobs[0].started.wait, 30)  # the worker is busy with it: two more fill the queue
        waiting = [asyncio.create_task(worker.submit(job, loop.time() + 30)) for job in jobs[1:]]
        await asyncio.sleep(0.05)
        with pytest.raises(QueueFull) as refused:
            await worker.submit(Job("one too many", ran), loop.time() + 30)
        assert refused.value.retry_after >= 1 and refused.value.code == "E813"
        for job in jobs:
            job.gate.set()
        assert await asyncio.gather(first, *waiting) == ["coded job0", "coded job1", "coded job2"]
        assert ran == ["job0", "job1", "job2"]
        worker.stop()

    asyncio.run(scenario())


def test_a_job_whose_request_stopped_waiting_is_dropped() -> None:
    async def scenario() -> None:
        worker, ran = CodingWorker(capacity=2, budget_seconds=0.2, coder=CODER), []
        loop = asyncio.get_running_loop()
        busy, late = Job("busy", ran), Job("late", ran)
        running = asyncio.create_task(worker.submit(busy, loop.time() + 30))
        await asyncio.to_thread(busy.started.wait, 30)
        with pytest.raises(TimedOut, match="0.2 s budget"):
            await worker.submit(late, loop.time() + 0.2)
        busy.gate.set()
        late.gate.set()
        assert await running == "coded busy"
        worker.stop()
        assert ran == ["busy"]

    asyncio.run(scenario())


def test_an_error_reaches_the_request_and_the_worker_goes_on() -> None:
    async def scenario() -> None:
        worker, ran = CodingWorker(capacity=2, budget_seconds=30, coder=CODER), []
        loop = asyncio.get_running_loop()
        bad, good = Job("bad", ran, fails=True), Job("good", ran)
        bad.gate.set()
        good.gate.set()
        with pytest.raises(EmptyArticle):
            await worker.submit(bad, loop.time() + 30)
        assert await worker.submit(good, loop.time() + 30) == "coded good"
        worker.stop()

    asyncio.run(scenario())

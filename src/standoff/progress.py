"""Progress of long work, told to a person: a rich bar with counts and rate on a terminal, and a
short line per batch on standard error otherwise (a log, a pipe, a notebook), so that long work is
never silent and the command's own output stays clean.

Library functions take a ``Progress`` and default to ``SILENT``; commands pick one with
``progress_for``. Lines are written at most once every ``LINE_SECONDS``, and none for work that
ends sooner, so a quick command prints nothing more than before.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import Protocol, TextIO

from standoff.model import ArticleResult

LINE_SECONDS = 1.0


class Progress(Protocol):
    """``done`` units finished since the last call; ``counts`` are running totals worth showing (events, failures)."""

    wants_total: bool  # True if a total shown to the user is worth a first pass over the input

    def start(self, total: int | None = None) -> None: ...

    def advance(self, done: int, **counts: int) -> None: ...

    def stop(self) -> None: ...


class Silent:
    """For library callers and tests: reports nothing."""

    wants_total = False

    def start(self, total: int | None = None) -> None:
        pass

    def advance(self, done: int, **counts: int) -> None:
        pass

    def stop(self) -> None:
        pass


SILENT = Silent()


class ProgressLines:
    """One line per batch (at most one every ``every`` seconds): 'ingest: 512/1000 articles, 40 events, 15.2 articles/s'."""

    wants_total = False

    def __init__(self, task: str, unit: str, out: TextIO | None = None, every: float | None = None) -> None:
        self._task, self._unit, self._out = task, unit, out or sys.stderr
        self._every = LINE_SECONDS if every is None else every
        self._total: int | None = None
        self._done = 0
        self._counts: dict[str, int] = {}
        self._started = self._last = time.perf_counter()

    def start(self, total: int | None = None) -> None:
        self._total = total
        self._started = self._last = time.perf_counter()

    def advance(self, done: int, **counts: int) -> None:
        self._done += done
        self._counts.update(counts)
        now = time.perf_counter()
        if now - self._last >= self._every:
            self._last = now
            self._write(now)

    def stop(self) -> None:
        now = time.perf_counter()
        if now - self._started >= self._every:  # a closing line only for work that already showed progress
            self._write(now)

    def _write(self, now: float) -> None:
        seconds = now - self._started
        of = f"/{self._total}" if self._total is not None else ""
        counts = "".join(f", {value} {name}" for name, value in self._counts.items())
        rate = self._done / seconds if seconds else 0.0
        self._out.write(f"{self._task}: {self._done}{of} {self._unit}{counts}, {rate:.1f} {self._unit}/s, {seconds:.0f}s\n")
        self._out.flush()


class ProgressBar:
    """A rich bar on a terminal: done (of total, when known), the running counts, rate and time left; gone when stopped."""

    wants_total = True

    def __init__(self, task: str, unit: str, out: TextIO | None = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self._unit = unit
        self._bar = Progress(
            TextColumn(task),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(unit),
            TextColumn("{task.fields[counts]}"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(file=out or sys.stderr),
            transient=True,
        )
        self._task = self._bar.add_task(task, total=None, counts="", rate="")
        self._running = False

    def start(self, total: int | None = None) -> None:
        self._bar.update(self._task, total=total)
        if not self._running:
            self._bar.start()
            self._running = True

    def advance(self, done: int, **counts: int) -> None:
        if not self._running:
            self.start()
        speed = self._bar.tasks[0].speed
        shown = ", ".join(f"{value} {name}" for name, value in counts.items())
        self._bar.update(self._task, advance=done, counts=shown, rate=f"{speed:.1f} {self._unit}/s" if speed else "")

    def stop(self) -> None:
        if self._running:
            self._bar.stop()
            self._running = False


def progress_for(task: str, unit: str, out: TextIO | None = None) -> Progress:
    """A bar if ``out`` (standard error by default) is a terminal, lines otherwise."""
    stream = out or sys.stderr
    return ProgressBar(task, unit, stream) if stream.isatty() else ProgressLines(task, unit, stream)


def coding(results: Iterable[ArticleResult], shown: Progress, total: int | None = None) -> Iterator[ArticleResult]:
    """Pass coding results through, showing the articles and events coded so far."""
    events = 0
    shown.start(total)
    try:
        for result in results:
            events += len(result.events)
            shown.advance(1, events=events)
            yield result
    finally:
        shown.stop()

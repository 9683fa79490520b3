"""Ingest on this machine: read inputs, skip what is stored, code the rest in batches, store each batch.

Each batch is coded and then written in one transaction, so a process killed at any point loses
at most the batch in flight, and running the same command again carries on from there.
"""

from __future__ import annotations

import logging
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from importlib.metadata import version
from pathlib import Path
from typing import Protocol, TextIO

from standoff.model import Article, Failure
from standoff.pipeline import Coder, Settings
from standoff.store import Store, content_hash
from standoff.text.readers import ReadOptions, iter_inputs

log = logging.getLogger(__name__)

MAX_LISTED_FAILURES = 20


@dataclass(frozen=True, slots=True)
class IngestOptions:
    read: ReadOptions = field(default_factory=ReadOptions)  # CSV columns, default date, size limit, ...
    batch_size: int = 256  # articles per transaction: what a kill can cost at most
    workers: int = 1  # one process for now
    settings: Settings = field(default_factory=Settings)


@dataclass(slots=True)
class IngestSummary:
    run_id: int
    read: int = 0  # articles read from the inputs
    new: int = 0  # coded and stored for the first time
    replaced: int = 0  # stored before with another text: re-coded, old events replaced
    unchanged: int = 0  # stored before with the same text: skipped
    duplicates: int = 0  # same text as a stored article under another id: skipped
    events: int = 0
    failures: int = 0
    batches: int = 0
    seconds: float = 0.0
    store_seconds: float = 0.0  # of which looking up and writing to the store
    failure_codes: Counter[str] = field(default_factory=Counter)
    failure_examples: list[Failure] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        names = ("read", "new", "replaced", "unchanged", "duplicates", "events", "failures", "batches")
        return {name: getattr(self, name) for name in names}

    def line(self) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        return (
            f"run {self.run_id}: {self.read} articles read, {self.new} new, {self.replaced} replaced, "
            f"{self.unchanged} unchanged, {self.duplicates} duplicates, {self.events} events, "
            f"{self.failures} failures in {self.seconds:.1f}s ({rate:.1f} articles/s, {self.store_seconds:.1f}s of it storing)"
        )

    def add_failures(self, failures: Iterable[Failure]) -> None:
        for failure in failures:
            self.failures += 1
            self.failure_codes[failure.code] += 1
            if len(self.failure_examples) < MAX_LISTED_FAILURES:
                self.failure_examples.append(failure)


class Progress(Protocol):
    wants_total: bool  # True if start() should get the number of articles (costs one extra read of the inputs)

    def start(self, total: int | None) -> None: ...

    def advance(self, articles: int, summary: IngestSummary) -> None: ...

    def finish(self, summary: IngestSummary) -> None: ...


class PlainProgress:
    """No bar: the summary and the failures at the end, as plain lines."""

    wants_total = False

    def __init__(self, out: TextIO | None = None) -> None:
        self._out = out or sys.stdout

    def start(self, total: int | None) -> None:
        pass

    def advance(self, articles: int, summary: IngestSummary) -> None:
        pass

    def finish(self, summary: IngestSummary) -> None:
        self._out.write(summary.line() + "\n")
        for line in _failure_lines(summary):
            self._out.write(line + "\n")


class TerminalProgress(PlainProgress):
    """A rich progress bar with articles/s and the time left, then the plain summary."""

    wants_total = True

    def __init__(self, out: TextIO | None = None) -> None:
        super().__init__(out)
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} articles/s"),
            TextColumn("{task.fields[events]} events"),
            TimeRemainingColumn(),
            transient=True,
        )
        self._task = self._bar.add_task("ingest", total=None, rate="-", events=0)

    def start(self, total: int | None) -> None:
        self._bar.update(self._task, total=total)
        self._bar.start()

    def advance(self, articles: int, summary: IngestSummary) -> None:
        speed = self._bar.tasks[0].speed
        self._bar.update(self._task, advance=articles, rate=f"{speed:.1f}" if speed else "-", events=summary.events)

    def finish(self, summary: IngestSummary) -> None:
        self._bar.stop()
        super().finish(summary)


def progress_for(out: TextIO) -> Progress:
    """A bar on a terminal, a summary line otherwise."""
    return TerminalProgress(out) if out.isatty() else PlainProgress(out)


def ingest(
    paths: Sequence[str | Path],
    db: str | Path | None = None,
    options: IngestOptions = IngestOptions(),
    progress: Progress | None = None,
    *,
    coder: Coder | None = None,
) -> IngestSummary:
    """Code every article in ``paths`` that the store at ``db`` does not hold yet, and store it.

    ``coder`` lets a caller that already loaded one reuse it; it must match ``options.settings``.
    """
    if options.workers != 1:
        raise ValueError("only workers=1 is supported by the local runner for now")
    progress = progress or PlainProgress()
    names = [str(p) for p in paths]
    clock = time.perf_counter()
    coder = coder or Coder(options.settings)
    with Store(db) as store:
        run_id = store.start_run("ingest", _versions(coder), _settings(names, options))
        summary = IngestSummary(run_id)
        total = sum(isinstance(item, Article) for item in iter_inputs(names, options.read)) if progress.wants_total else None
        progress.start(total)
        for articles, failures in _chunks(iter_inputs(names, options.read), options.batch_size):
            summary.add_failures(failures)
            clock_store = time.perf_counter()
            todo, replaced = _select(store, articles, summary)
            summary.store_seconds += time.perf_counter() - clock_store
            progress.advance(len(articles) - len(todo), summary)  # skipped ones count as done
            results = []
            for result in coder.code(todo):
                results.append(result)
                progress.advance(1, summary)
            coding_failures = [f for r in results for f in r.failures]
            summary.add_failures(coding_failures)
            summary.events += sum(len({e.id for e in r.events}) for r in results)
            summary.batches += 1
            clock_store = time.perf_counter()
            store.write_batch(run_id, results, replaced=replaced, failures=failures, counts=summary.counts())
            summary.store_seconds += time.perf_counter() - clock_store
            log.info("batch %d committed: %d articles read, %d events", summary.batches, summary.read, summary.events)
        store.finish_run(run_id, summary.counts())
    summary.seconds = time.perf_counter() - clock
    progress.finish(summary)
    return summary


def _select(store: Store, articles: list[Article], summary: IngestSummary) -> tuple[list[Article], list[str]]:
    """The articles to code, and the stored ids among them whose events they replace.

    Articles are taken in order, as if each were stored before the next is looked at: an id
    seen again with new text replaces the earlier version; new text equal to stored text is skipped.
    """
    hashes = [content_hash(a.text) for a in articles]
    stored_ids, taken = store.stored([a.id for a in articles], hashes)
    current = dict(stored_ids)
    todo: dict[str, Article] = {}
    summary.read += len(articles)
    for article, digest in zip(articles, hashes):
        known = current.get(article.id)
        if known == digest:
            summary.unchanged += 1
            continue
        if known is None and digest in taken:
            summary.duplicates += 1
            continue
        if known is not None:
            taken.discard(known)
        current[article.id] = digest
        taken.add(digest)
        todo[article.id] = article
    replaced = [article_id for article_id in todo if article_id in stored_ids]
    summary.replaced += len(replaced)
    summary.new += len(todo) - len(replaced)
    return list(todo.values()), replaced


def _chunks(items: Iterable[Article | Failure], size: int) -> Iterator[tuple[list[Article], list[Failure]]]:
    articles: list[Article] = []
    failures: list[Failure] = []
    for item in items:
        (articles if isinstance(item, Article) else failures).append(item)
        if len(articles) >= size or len(failures) >= size:
            yield articles, failures
            articles, failures = [], []
    if articles or failures:
        yield articles, failures


def _versions(coder: Coder) -> dict[str, str]:
    return {"standoff": version("standoff"), **coder.versions()}


def _settings(paths: list[str], options: IngestOptions) -> dict[str, object]:
    read = {f.name: getattr(options.read, f.name) for f in fields(options.read) if f.name != "stdin"}
    coder = {"batch_size": options.settings.batch_size, "actor_files": [str(p) for p in options.settings.actor_files]}
    return {"paths": paths, "batch_size": options.batch_size, "workers": options.workers, "read": read, "coder": coder}


def _failure_lines(summary: IngestSummary) -> list[str]:
    if not summary.failures:
        return []
    by_code = ", ".join(f"{code} x{count}" for code, count in sorted(summary.failure_codes.items()))
    lines = [f"failures by code: {by_code} (all are in the failures table)"]
    for f in summary.failure_examples:
        where = ":".join(str(part) for part in (f.file, f.line) if part is not None) or f.article_id or "?"
        lines.append(f"  [{f.code}] {where}: {f.message}")
    if summary.failures > len(summary.failure_examples):
        lines.append(f"  ... and {summary.failures - len(summary.failure_examples)} more")
    return lines

"""Ingest on this machine: read inputs, skip what is stored, code the rest in batches, store each batch.

Each batch is coded and then written in one transaction, so a process killed at any point loses
at most the batches in flight, and running the same command again carries on from there. With
worker processes the inputs are read and selected a few batches ahead of the one being written,
so the workers never wait for the store.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path

from standoff.model import Article, ArticleResult, Failure
from standoff.runners.batches import Batch, BatchWriter, IngestOptions, Seen, chunks, run_settings, select
from standoff.runners.progress import IngestProgress, IngestSummary, Progress
from standoff.runners.workers import ArticleCoder, LocalCoder
from standoff.store import Store, content_hash
from standoff.text.readers import InputFile, iter_inputs

__all__ = ["IngestOptions", "IngestProgress", "IngestSummary", "ingest"]


def ingest(
    paths: Sequence[str | Path | InputFile],
    db: str | Path | None = None,
    options: IngestOptions = IngestOptions(),
    progress: Progress | None = None,
    *,
    coder: ArticleCoder | None = None,
    store: Store | None = None,
) -> IngestSummary:
    """Code every article in ``paths`` (files, folders, or files found in a folder, which keep the
    ids the folder gives them) that the store at ``db`` does not hold yet, and store it.

    ``coder`` lets a caller that already loaded one (a ``Coder``, a ``WorkerPool``) reuse it; it
    must match ``options.settings``, and ``options.workers`` is then not used. ``store`` is a store
    the caller holds open (a server that ingests while it serves), used instead of opening ``db``.
    """
    progress = progress or IngestProgress()
    inputs = [p if isinstance(p, InputFile) else str(p) for p in paths]
    names = [p.name if isinstance(p, InputFile) else p for p in inputs]
    clock = time.perf_counter()
    with ExitStack() as stack:
        if coder is None:
            # apart: the store's DuckDB and Arrow threads would slow coding in this process
            coder = stack.enter_context(LocalCoder(options.settings, options.workers, apart=True))
        if store is None:
            store = stack.enter_context(Store(db))
        summary = IngestSummary()
        total = sum(isinstance(item, Article) for item in iter_inputs(inputs, options.read)) if progress.wants_total else None
        progress.start(total)
        seen = Seen(store)
        settings = run_settings(names, options, getattr(coder, "workers", 1))
        writer = BatchWriter(store, summary, progress, settings, coder.versions, seen.written)
        waiting: deque[Batch] = deque()
        for result in coder.code(_selected(seen, chunks(iter_inputs(inputs, options.read), options.batch_size), waiting)):
            _flush(writer, waiting)
            waiting[0].results.append(result)
            progress.advance(1, summary)
            _flush(writer, waiting)
        while waiting:  # batches with nothing left to code (all skipped, or only failures)
            writer.write(waiting.popleft())
        writer.finish()
    summary.seconds = time.perf_counter() - clock
    progress.finish(summary)
    return summary


def _selected(seen: Seen, batches: Iterable[tuple[list[Article], list[Failure]]], waiting: deque[Batch]) -> Iterator[Article]:
    """The articles to code, batch by batch, as the coder asks for them (which may be several
    batches ahead of the one being written); each batch waits in ``waiting`` until written."""
    for number, (articles, failures) in enumerate(batches, 1):
        positions, replaced, counts = select(seen, [(a.id, content_hash(a.text)) for a in articles], number)
        waiting.append(Batch(number, counts, len(positions), replaced, failures))
        yield from (articles[p] for p in positions)


def _flush(writer: BatchWriter, waiting: deque[Batch]) -> None:
    while waiting and waiting[0].complete:
        writer.write(waiting.popleft())


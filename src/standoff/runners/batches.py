"""What every runner shares: options, choosing what to code, and writing batches to the store.

Both runners read the inputs in order, cut them into batches, and decide per article, as if each
were stored before the next is looked at: an unchanged article is skipped, a copy of stored text
under another id is a duplicate, an id seen again with new text replaces the earlier version.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from importlib.metadata import version
from typing import Protocol, TypeVar

from standoff.model import ArticleResult, Failure
from standoff.pipeline import Settings
from standoff.runners.progress import IngestSummary, Progress
from standoff.store import Store
from standoff.text.readers import ReadOptions

log = logging.getLogger(__name__)

_Item = TypeVar("_Item")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    read: ReadOptions = field(default_factory=ReadOptions)  # CSV columns, default date, size limit, ...
    batch_size: int = 256  # articles per transaction: what a kill can cost at most
    workers: int | None = None  # coding processes; None: one per core (one per cluster CPU with Ray)
    settings: Settings = field(default_factory=Settings)


@dataclass(slots=True)
class Batch:
    """One transaction: the items read together, how many results to wait for, and what they replace."""

    number: int
    counts: Counter[str]  # read, new, replaced, unchanged, duplicates
    expected: int  # articles to code
    replaced: list[str]  # stored ids whose old events go
    failures: list[Failure]  # read failures
    results: list[ArticleResult] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return len(self.results) == self.expected


def chunks(items: Iterable[_Item | Failure], size: int) -> Iterator[tuple[list[_Item], list[Failure]]]:
    """Articles (or stand-ins for them) and read failures, cut where either reaches ``size``."""
    articles: list[_Item] = []
    failures: list[Failure] = []
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
        else:
            articles.append(item)
        if len(articles) >= size or len(failures) >= size:
            yield articles, failures
            articles, failures = [], []
    if articles or failures:
        yield articles, failures


class StoredLookup(Protocol):
    def stored(self, ids: Iterable[str], hashes: Iterable[str]) -> tuple[dict[str, str], set[str]]:
        """Of these ids and content hashes, the ids already stored (with their hash) and the hashes stored."""
        ...


class Seen:
    """What the store will hold once every batch selected so far is written: the store's own
    answer, overlaid with what the batches selected but not yet written decided."""

    def __init__(self, store: StoredLookup) -> None:
        self._store = store
        self._ids: dict[str, tuple[str, int]] = {}  # article id -> (content hash, batch)
        self._hashes: dict[str, tuple[bool, int]] = {}  # content hash -> (held, batch)

    def stored(self, ids: list[str], hashes: list[str]) -> tuple[dict[str, str], set[str]]:
        by_id, taken = self._store.stored(ids, hashes)
        for article_id in ids:
            if article_id in self._ids:
                by_id[article_id] = self._ids[article_id][0]
        for digest in hashes:
            if digest in self._hashes:
                (taken.add if self._hashes[digest][0] else taken.discard)(digest)
        return by_id, taken

    def take(self, article_id: str, digest: str, batch: int) -> None:
        self._ids[article_id] = (digest, batch)
        self._hashes[digest] = (True, batch)

    def release(self, digest: str, batch: int) -> None:
        self._hashes[digest] = (False, batch)

    def written(self, batch: int) -> None:
        """Batches up to ``batch`` are in the store now: what only they decided need not be kept."""
        self._ids = {k: v for k, v in self._ids.items() if v[1] > batch}
        self._hashes = {k: v for k, v in self._hashes.items() if v[1] > batch}


def select(seen: Seen, keys: Sequence[tuple[str, str]], batch: int) -> tuple[list[int], list[str], Counter[str]]:
    """For one batch of (article id, content hash): the positions of the articles to code, the
    stored ids among them whose events they replace, and the counts.

    Positions come in first-seen order of their id; an id repeated within the batch with other
    text is coded once, with its last text.
    """
    stored_ids, taken = seen.stored([k[0] for k in keys], [k[1] for k in keys])
    current = dict(stored_ids)
    todo: dict[str, int] = {}
    counts: Counter[str] = Counter(read=len(keys))
    for position, (article_id, digest) in enumerate(keys):
        known = current.get(article_id)
        if known == digest:
            counts["unchanged"] += 1
            continue
        if known is None and digest in taken:
            counts["duplicates"] += 1
            continue
        if known is not None:
            taken.discard(known)
            seen.release(known, batch)
        current[article_id] = digest
        taken.add(digest)
        seen.take(article_id, digest, batch)
        todo[article_id] = position
    replaced = [article_id for article_id in todo if article_id in stored_ids]
    counts["replaced"] += len(replaced)
    counts["new"] += len(todo) - len(replaced)
    return list(todo.values()), replaced, counts


class BatchWriter:
    """Writes complete batches to the store in order, and keeps the run's summary. The run is
    recorded with the first write, so that asking for the versions finds the model loaded."""

    def __init__(
        self,
        store: Store,
        summary: IngestSummary,
        progress: Progress,
        settings: dict[str, object],
        versions: Callable[[], dict[str, str]],
        written: Callable[[int], None] = lambda batch: None,
    ) -> None:
        self._store, self._summary, self._progress = store, summary, progress
        self._settings, self._versions, self._written = settings, versions, written
        self._started = False

    def write(self, batch: Batch) -> None:
        assert batch.complete, f"batch {batch.number} written before all its results came in"
        self._start()
        summary = self._summary
        for name, count in batch.counts.items():
            setattr(summary, name, getattr(summary, name) + count)
        summary.add_failures(batch.failures)
        summary.add_failures(f for r in batch.results for f in r.failures)
        summary.events += sum(len({e.id for e in r.events}) for r in batch.results)
        summary.undated += sum(r.article.published is None for r in batch.results)
        summary.batches += 1
        clock = time.perf_counter()
        self._store.write_batch(summary.run_id, batch.results, replaced=batch.replaced, failures=batch.failures, counts=summary.counts())
        summary.store_seconds += time.perf_counter() - clock
        self._written(batch.number)
        self._progress.advance(batch.counts["read"] - batch.expected, summary)  # skipped ones count as done
        log.info("batch %d committed: %d articles read, %d events", summary.batches, summary.read, summary.events)

    def finish(self) -> None:
        self._start()  # a run that read nothing is still a run
        self._store.finish_run(self._summary.run_id, self._summary.counts())

    def _start(self) -> None:
        if not self._started:
            versions = {"standoff": version("standoff"), **self._versions()}
            self._summary.run_id = self._store.start_run("ingest", versions, self._settings)
            self._started = True


def run_settings(paths: list[str], options: IngestOptions, workers: int, **extra: object) -> dict[str, object]:
    """The settings a run records: what to run it again with."""
    read = {f.name: getattr(options.read, f.name) for f in fields(options.read) if f.name != "stdin"}
    coder = {
        "batch_size": options.settings.batch_size,
        "actor_files": [str(p) for p in options.settings.actor_files],
        "verb_files": [str(p) for p in options.settings.pattern_files],
    }
    return {"paths": paths, "batch_size": options.batch_size, "workers": workers, "read": read, "coder": coder, **extra}

"""What an ingest run reports: its counts, a progress bar while it runs, and a summary at the end."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from standoff import progress
from standoff.model import Failure

MAX_LISTED_FAILURES = 20


@dataclass(slots=True)
class IngestSummary:
    run_id: int = 0  # set when the run is recorded, with its first batch
    read: int = 0  # articles read from the inputs
    new: int = 0  # coded and stored for the first time
    replaced: int = 0  # stored before with another text: re-coded, old events replaced
    unchanged: int = 0  # stored before with the same text: skipped
    duplicates: int = 0  # same text as a stored article under another id: skipped
    events: int = 0
    undated: int = 0  # articles stored without a publication date
    failures: int = 0
    batches: int = 0
    seconds: float = 0.0
    store_seconds: float = 0.0  # of which looking up and writing to the store
    failure_codes: Counter[str] = field(default_factory=Counter)
    failure_examples: list[Failure] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        names = ("read", "new", "replaced", "unchanged", "duplicates", "events", "undated", "failures", "batches")
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


class IngestProgress:
    """Progress while the run goes (standoff.progress: a bar or lines), then the summary and the failures as plain lines."""

    def __init__(self, out: TextIO | None = None, shown: progress.Progress = progress.SILENT) -> None:
        self._out = out or sys.stdout
        self._shown = shown
        self.wants_total = shown.wants_total

    def start(self, total: int | None) -> None:
        self._shown.start(total)

    def advance(self, articles: int, summary: IngestSummary) -> None:
        self._shown.advance(articles, events=summary.events, failures=summary.failures)

    def finish(self, summary: IngestSummary) -> None:
        self._shown.stop()
        self._out.write(summary.line() + "\n")
        if summary.undated:
            self._out.write(undated_note(summary.undated) + "\n")
        for line in _failure_lines(summary):
            self._out.write(line + "\n")


def progress_for(out: TextIO) -> IngestProgress:
    """The summary on ``out``; while the run goes, a bar on a terminal or a line per batch on standard error."""
    return IngestProgress(out, progress.progress_for("ingest", "articles"))


def undated_note(count: int) -> str:
    """What a run says when articles are left without a publication date."""
    return (
        f"{count} articles have no publication date: their current events are undated and relative dates "
        "('on Tuesday') unresolved; give dates in the input, a --manifest of file names and dates, or --date"
    )


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

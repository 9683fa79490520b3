"""Fit the confidence table on one half of a gold set and check it on the other half.

On sentence sets an event counts as right when its coarse class matches the gold class
(ConfliBERT's five classes) or its root matches a gold root, and, where the gold marks the
source's words, when the event's source mention overlaps them (``is_right``); other sets pass
their own judge (whole articles: articles.CodedArticle.right). Records are split by position
(even/odd), so the check half never influenced the table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from standoff.eval.gold import GoldRecord
from standoff.eval.report import HIGH_CONFIDENCE, CalibrationBin, Rate, calibration_table, high_confidence, rate_text
from standoff.eval.score import ConfidenceBins
from standoff.events.confidence import ConfidenceTable, evidence_key, write_table
from standoff.events.patterns import PatternStack
from standoff.events.rules import OFF_STACK_PATTERN
from standoff.model import ArticleResult, Event
from standoff.ontology import penta_class


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Identified)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 or w.isupper()}


def is_right(event: Event, record: GoldRecord) -> bool:
    gold = record.events[0] if record.events else None
    if gold is None:
        return False
    if gold.penta_class is not None:
        type_right = penta_class(event.cameo) == gold.penta_class
    else:
        type_right = any(g.code and g.code[:2] == event.cameo_root for g in record.events)
    spans = record.source_texts
    if not type_right or not spans:
        return type_right
    if event.source is None:
        return False
    return bool(_words(event.source.mention.text) & set().union(*(_words(s) for s in spans)))


def _key(event: Event, patterns: PatternStack) -> str:
    pattern = patterns.get(event.rule.pattern_set, event.rule.pattern) or OFF_STACK_PATTERN
    return evidence_key(pattern, event.rule.composed, event.source, event.target, event.quad_class)


def tally(
    records: Sequence[R], results: Sequence[ArticleResult], patterns: PatternStack, judge: Callable[[Event, R], bool]
) -> dict[str, tuple[int, int]]:
    """Right and total events per evidence key."""
    by_id = {r.article.id: r for r in results}
    counts: dict[str, list[int]] = {}
    for record in records:
        result = by_id.get(record.id)
        for event in result.events if result else ():
            count = counts.setdefault(_key(event, patterns), [0, 0])
            count[0] += judge(event, record)
            count[1] += 1
    return {key: (right, total) for key, (right, total) in counts.items()}


def reliability(
    records: Sequence[R],
    results: Sequence[ArticleResult],
    table: ConfidenceTable,
    patterns: PatternStack,
    judge: Callable[[Event, R], bool],
) -> tuple[CalibrationBin, ...]:
    """Share right per band of the confidence the table gives."""
    by_id = {r.article.id: r for r in results}
    bins = ConfidenceBins()
    for record in records:
        result = by_id.get(record.id)
        for event in result.events if result else ():
            bins.add(table.score(_key(event, patterns)), judge(event, record))
    return bins.table()


def split_halves(records: Sequence[R]) -> tuple[list[R], list[R]]:
    return list(records[0::2]), list(records[1::2])


@dataclass(frozen=True, slots=True)
class ConfidenceFit:
    """A confidence table fitted on the even records and checked on the odd ones."""

    table: str  # where the fitted table was written
    fitted: int  # records
    checked: int
    bins: tuple[CalibrationBin, ...]  # the odd records' events by their refitted confidence
    high_confidence: Rate  # events from HIGH_CONFIDENCE up, over the odd records' events
    high_confidence_right: Rate

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_text(self, by: str | None = None, failures: bool = False) -> str:
        lines = [
            f"confidence table fitted on {self.fitted} even records, written to {self.table}; checked on {self.checked} odd records",
            *calibration_table(self.bins, "the odd records' events by refitted confidence"),
            f"events at or above {HIGH_CONFIDENCE}: {rate_text(self.high_confidence, 'events')}, "
            f"right {rate_text(self.high_confidence_right, 'of them')}",
        ]
        return "\n".join(lines) + "\n"


def fit_and_check(
    records: Sequence[R], results: Sequence[ArticleResult], out: Path, origin: str, judge: Callable[[Event, R], bool], patterns: PatternStack
) -> ConfidenceFit:
    """Fit on the even records, write the table to ``out``, and check it on the odd ones;
    ``patterns`` are the sets the results were coded with."""
    fit_half, check_half = split_halves(records)
    counts = tally(fit_half, results, patterns, judge)
    out.write_text(write_table(counts, f"the even records of {origin}"), encoding="utf-8")
    bins = reliability(check_half, results, ConfidenceTable(counts), patterns, judge)
    return ConfidenceFit(str(out), len(fit_half), len(check_half), bins, *high_confidence(bins))

"""Fit the confidence table on one half of a gold set and check it on the other half.

An event counts as right when its coarse class matches the gold class (ConfliBERT's five
classes) or its root matches a gold root, and, where the gold marks the source's words, when
the event's source mention overlaps them. Records are split by position (even/odd), so the
check half never influenced the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from standoff.eval.gold import GoldRecord
from standoff.events.confidence import ConfidenceTable, evidence_key, write_table
from standoff.events.patterns import PatternStack, load_pattern_set
from standoff.events.rules import SPEECH_PATTERN
from standoff.model import ArticleResult, Event
from standoff.ontology import penta_class

BIN_EDGES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)


@dataclass(frozen=True, slots=True)
class Reliability:
    lower: float
    upper: float
    events: int
    right: int

    @property
    def share(self) -> float | None:
        return self.right / self.events if self.events else None


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
    pattern = patterns.get(event.rule.pattern_set, event.rule.pattern) or SPEECH_PATTERN
    return evidence_key(pattern, event.rule.composed, event.source, event.target)


def tally(records: Sequence[GoldRecord], results: Sequence[ArticleResult], patterns: PatternStack) -> dict[str, tuple[int, int]]:
    """Right and total events per evidence key."""
    by_id = {r.article.id: r for r in results}
    counts: dict[str, list[int]] = {}
    for record in records:
        result = by_id.get(record.id)
        for event in result.events if result else ():
            count = counts.setdefault(_key(event, patterns), [0, 0])
            count[0] += is_right(event, record)
            count[1] += 1
    return {key: (right, total) for key, (right, total) in counts.items()}


def reliability(
    records: Sequence[GoldRecord], results: Sequence[ArticleResult], table: ConfidenceTable, patterns: PatternStack
) -> list[Reliability]:
    """Share right per band of the confidence the table gives."""
    by_id = {r.article.id: r for r in results}
    bands = [[0, 0] for _ in BIN_EDGES[:-1]]
    for record in records:
        result = by_id.get(record.id)
        for event in result.events if result else ():
            score = table.score(_key(event, patterns))
            band = next(i for i in range(len(bands)) if score < BIN_EDGES[i + 1])
            bands[band][0] += is_right(event, record)
            bands[band][1] += 1
    return [Reliability(BIN_EDGES[i], min(BIN_EDGES[i + 1], 1.0), total, right) for i, (right, total) in enumerate(bands)]


def split_halves(records: Sequence[GoldRecord]) -> tuple[list[GoldRecord], list[GoldRecord]]:
    return list(records[0::2]), list(records[1::2])


def reliability_text(rows: list[Reliability]) -> str:
    lines = ["confidence   events   right   share right"]
    for row in rows:
        share = f"{row.share:.3f}" if row.share is not None else "n/a"
        lines.append(f"[{row.lower:.1f}, {row.upper:.1f}{']' if row.upper >= 1 else ')'}   {row.events:6d}  {row.right:6d}   {share}")
    return "\n".join(lines)


def fit_and_check(records: Sequence[GoldRecord], results: Sequence[ArticleResult], out: Path, origin: str) -> str:
    """Fit on the even records, write the table, and report reliability on the odd ones."""
    patterns = PatternStack([load_pattern_set()])
    fit_half, check_half = split_halves(records)
    counts = tally(fit_half, results, patterns)
    out.write_text(write_table(counts, f"the even records of {origin}"), encoding="utf-8")
    table = ConfidenceTable(counts)
    check = reliability(check_half, results, table, patterns)
    return f"fitted on {len(fit_half)} records, checked on {len(check_half)}\n" + reliability_text(check)

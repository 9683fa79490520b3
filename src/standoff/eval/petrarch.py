"""Score the coder on PETRARCH's own unit-test records the way PETRARCH checks them.

The records expect events written with PETRARCH's toy dictionaries (actor codes such as
``ARNGOV``, WEIS-style event codes), or no event, or an input error. On top of the figures of
the common scorer (``score.evaluate``: the expected source-target pairs found), this reports:

- full event: records that expect events where every expected (source, target, code) was
  coded exactly, each by its own event;
- extra events: records with more events than they expect (PETRARCH's check fails them);
- passed: records coded exactly as expected, nothing more (PETRARCH's own check);
- the records that fail, grouped by cause. Expected and coded events are paired, exact
  matches first, then each expected event with the coded one that agrees on most of source,
  target and code; what differs in a pair is its cause. A record can have several causes.

Records expecting an input error are not scored (standoff reports input errors per article).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from standoff.eval.gold import GoldRecord
from standoff.eval.report import EvalReport, Rate, rate_text
from standoff.eval.score import Key, evaluate, level_keys, pairs_found
from standoff.model import ArticleResult, Event

CAUSES = (
    "no event coded",
    "too few events",
    "wrong code",
    "wrong or missing source",
    "wrong or missing target",
    "extra events",
)


@dataclass(frozen=True, slots=True)
class PetrarchFailure:
    id: str
    causes: tuple[str, ...]
    expected: tuple[str, ...]  # "SOURCE>TARGET CODE"
    coded: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class PetrarchReport:
    sentences: EvalReport  # the common scorer's figures
    full_event: Rate  # over records that expect events
    pairs_where_coded: Rate  # expected pairs found, over records where an event was coded
    coded_records: int
    extra_events: int  # records with more events than expected (no-event records included)
    passed: Rate  # over all scored records
    causes: dict[str, int]  # records per cause
    failures: tuple[PetrarchFailure, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "sentences": self.sentences.to_dict()}

    def to_text(self, by: str | None = None, failures: bool = False) -> str:
        lines = [
            self.sentences.to_text(by=by).rstrip("\n"),
            "",
            "PETRARCH's own check (exact source, target and code)",
            f"full event:   {rate_text(self.full_event, 'records expecting events, every expected event coded')}",
            f"pairs found:  {rate_text(self.pairs_where_coded, f'expected pairs, in the {self.coded_records} records with an event')}",
            f"extra events: {self.extra_events} records with more events than expected",
            f"passed:       {rate_text(self.passed, 'records coded exactly as expected')}",
            "failing records by cause: " + ", ".join(f"{cause} {self.causes.get(cause, 0)}" for cause in CAUSES),
        ]
        if failures:
            for cause in CAUSES:
                listed = [f for f in self.failures if cause in f.causes]
                lines += ["", f"{cause} ({len(listed)}):"]
                lines += [f"  {f.id}: expected {_listing(f.expected)}; coded {_listing(f.coded)}  | {f.text}" for f in listed]
        return "\n".join(lines) + "\n"


def _listing(events: tuple[str, ...]) -> str:
    return ", ".join(events) if events else "nothing"


def score_petrarch(records: Sequence[GoldRecord], results: Iterable[ArticleResult], level: str) -> PetrarchReport:
    results = list(results)
    sentences = evaluate(records, results, level=level)
    by_id = {r.article.id: r.events for r in results}
    gold_exact, event_exact = level_keys("exact")
    gold_pair, event_pair = level_keys(level)
    expecting = full = coded = pair_hits = pair_total = extra = passed = scored = 0
    failures = []
    for record in records:
        if record.expect == "error":
            continue
        scored += 1
        events = by_id.get(record.id, ())
        expected = [gold_exact(g) for g in record.events if g.code]
        produced = [event_exact(e) for e in _by_confidence(events)]
        causes = _causes(expected, produced)
        if expected:
            expecting += 1
            full += not (Counter(expected) - Counter(produced))
        if events:
            coded += 1
            hits, total = pairs_found([g for g in record.events if g.code], events, gold_pair, event_pair)
            pair_hits += hits
            pair_total += total
        extra += "extra events" in causes
        if causes:
            failures.append(PetrarchFailure(record.id, causes, tuple(map(_show, expected)), tuple(map(_show, produced)), record.text))
        else:
            passed += 1
    return PetrarchReport(
        sentences=sentences,
        full_event=Rate.of(full, expecting),
        pairs_where_coded=Rate.of(pair_hits, pair_total),
        coded_records=coded,
        extra_events=extra,
        passed=Rate.of(passed, scored),
        causes=dict(Counter(cause for f in failures for cause in f.causes)),
        failures=tuple(failures),
    )


def _by_confidence(events: Sequence[Event]) -> list[Event]:
    return sorted(events, key=lambda e: -e.confidence)


def _causes(expected: list[Key], produced: list[Key]) -> tuple[str, ...]:
    """Why the coded events differ from the expected ones (empty when they are the same)."""
    left = Counter(expected) - Counter(produced)
    unpaired = list((Counter(produced) - Counter(expected)).elements())
    found: set[str] = set()
    if expected and not produced:
        found.add("no event coded")
    for want in left.elements():
        if not unpaired:
            if produced:
                found.add("too few events")
            continue
        got = max(unpaired, key=lambda key: _agreement(want, key))  # the first of equals: the most confident
        unpaired.remove(got)
        if got[2] != want[2]:
            found.add("wrong code")
        if got[0] != want[0]:
            found.add("wrong or missing source")
        if got[1] != want[1]:
            found.add("wrong or missing target")
    if unpaired:
        found.add("extra events")
    return tuple(cause for cause in CAUSES if cause in found)


def _agreement(want: Key, got: Key) -> int:
    return sum(a == b for a, b in zip(want, got))


def _show(key: Key) -> str:
    source, target, code = key
    return f"{source or '-'}>{target or '-'} {code}"

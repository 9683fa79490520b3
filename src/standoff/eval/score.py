"""Score coder output against gold records.

Events are matched per record as multisets, as PETRARCH's validator did: each gold event
pairs with at most one predicted event and the other way round. Predicted events are
matched in order of falling confidence, so when the coder repeats an event it is the most
confident copy that counts as right (this is what the calibration table sees).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from standoff.eval.gold import GoldEvent, GoldRecord
from standoff.eval.report import PENTA_CLASSES, PRF, CalibrationBin, EvalReport, PentaScore, Rate, ratio
from standoff.model import Actor, ArticleResult, Event

LEVELS = ("country-root", "exact")

# Organisation codes carry their group after the prefix (IGOUNO -> UNO); standoff's
# ActorCode.country holds that group code, so gold is read the same way.
_ORG_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
_BIN_EDGES = (0.2, 0.4, 0.6, 0.8)

Key = tuple[str | None, str | None, str]


def gold_country(code: str | None) -> str | None:
    """The country (or organisation group) part of a CAMEO actor code."""
    if not code:
        return None
    if code[:3] in _ORG_PREFIXES and len(code) > 3:
        return code[3:6]
    return code[:3]


def most_confident(events: Iterable[Event]) -> Event | None:
    """The event a one-label gold set is compared with: the coder's most confident."""
    return max(events, key=lambda e: e.confidence, default=None)


def evaluate(
    records: Sequence[GoldRecord], results: Iterable[ArticleResult], *, level: str = "country-root"
) -> EvalReport:
    by_id = {r.article.id: r.events for r in results}
    keys = level_keys(level)
    has_penta = any(g.penta_class is not None for r in records for g in r.events)
    penta_of = _penta_classifier() if has_penta else None
    tally = _Tally()
    for record in records:
        if record.expect == "error":
            tally.skipped += 1
            continue
        tally.missing += record.id not in by_id
        tally.add(record, by_id.get(record.id, ()), *keys, penta_of)
    return tally.report(level, len(records))


class ConfidenceBins:
    """Events counted by band of confidence, with how many of them were right."""

    def __init__(self) -> None:
        self._bins = [[0, 0] for _ in range(len(_BIN_EDGES) + 1)]  # [right, count]

    def add(self, confidence: float, right: bool) -> None:
        _bump(self._bins[bisect_right(_BIN_EDGES, min(max(confidence, 0.0), 1.0))], right, 1)

    def table(self) -> tuple[CalibrationBin, ...]:
        return tuple(
            CalibrationBin(lower, upper, count, good, ratio(good, count))
            for lower, upper, (good, count) in zip((0.0, *_BIN_EDGES), (*_BIN_EDGES, 1.0), self._bins)
        )


@dataclass
class _Tally:
    skipped: int = 0
    missing: int = 0
    roots: dict[str, Counter[str]] = field(default_factory=dict)
    dyad: list[int] = field(default_factory=lambda: [0, 0])  # [hits, total], likewise below
    event_type: list[int] = field(default_factory=lambda: [0, 0])
    no_event: list[int] = field(default_factory=lambda: [0, 0])
    penta: list[tuple[int, str | None]] = field(default_factory=list)  # (gold class, predicted code) per record
    bins: ConfidenceBins = field(default_factory=ConfidenceBins)

    def add(
        self,
        record: GoldRecord,
        predicted: Sequence[Event],
        gold_key: Callable[[GoldEvent], Key],
        pred_key: Callable[[Event], Key],
        penta_of: Callable[[str], int] | None,
    ) -> None:
        top = most_confident(predicted)
        coded = [g for g in record.events if g.code]
        right: list[bool] = []
        if coded or not record.events:
            gold_keys = [gold_key(g) for g in coded]
            right = self._add_events(gold_keys, [pred_key(e) for e in predicted], predicted)
            _bump(self.dyad, *pairs_found(coded, predicted, gold_key, pred_key))
        if coded:
            roots = {(g.code or "")[:2] for g in coded}
            _bump(self.event_type, top is not None and top.cameo[:2] in roots, 1)
        if record.expects_no_event:
            _bump(self.no_event, not predicted, 1)
        gold_class = next((g.penta_class for g in record.events if g.penta_class is not None), None)
        if gold_class is not None and penta_of is not None:
            self.penta.append((gold_class, top.cameo if top else None))
            if not coded:
                right = [penta_of(e.cameo) == gold_class for e in predicted]
        for event, hit in zip(predicted, right):
            self.bins.add(event.confidence, hit)

    def _add_events(self, gold: list[Key], keys: list[Key], predicted: Sequence[Event]) -> list[bool]:
        """Pair predicted with gold keys, most confident first; return which predictions hit."""
        remaining = Counter(gold)
        right = [False] * len(keys)
        for i in sorted(range(len(keys)), key=lambda i: -predicted[i].confidence):
            if remaining[keys[i]] > 0:
                remaining[keys[i]] -= 1
                right[i] = True
        for event, hit in zip(predicted, right):
            self._root(event.cameo[:2])["tp" if hit else "fp"] += 1
        for key, count in remaining.items():
            self._root(key[2][:2])["fn"] += count
        return right

    def _root(self, root: str) -> Counter[str]:
        return self.roots.setdefault(root, Counter())

    def report(self, level: str, records: int) -> EvalReport:
        total = Counter[str]()
        for counts in self.roots.values():
            total.update(counts)
        return EvalReport(
            level=level,
            records=records,
            skipped=self.skipped,
            missing_results=self.missing,
            events=PRF.of(total["tp"], total["fp"], total["fn"]),
            by_root={root: PRF.of(c["tp"], c["fp"], c["fn"]) for root, c in sorted(self.roots.items())},
            dyad=Rate.of(*self.dyad),
            event_type=Rate.of(*self.event_type),
            no_event=Rate.of(*self.no_event),
            penta=_penta_score(self.penta) if self.penta else None,
            calibration=self.bins.table(),
        )


def _bump(counter: list[int], hits: int, total: int) -> None:
    counter[0] += hits
    counter[1] += total


def pairs_found(
    gold: Sequence[GoldEvent], predicted: Sequence[Event], gold_key: Callable[[GoldEvent], Key], pred_key: Callable[[Event], Key]
) -> tuple[int, int]:
    """Of the gold events that name an actor, how many have their (source, target) pair among
    the coded events', and how many there are."""
    with_actors = [g for g in gold if g.source is not None or g.target is not None]
    pairs = {pred_key(e)[:2] for e in predicted}
    return sum(gold_key(g)[:2] in pairs for g in with_actors), len(with_actors)


def level_keys(level: str) -> tuple[Callable[[GoldEvent], Key], Callable[[Event], Key]]:
    """How gold and coded events are compared at ``level``: (source, target, code) for each."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    return (_gold_exact, _pred_exact) if level == "exact" else (_gold_country_root, _pred_country_root)


def _gold_country_root(g: GoldEvent) -> Key:
    return gold_country(g.source), gold_country(g.target), (g.code or "")[:2]


def _gold_exact(g: GoldEvent) -> Key:
    return g.source, g.target, g.code or ""


def _pred_country_root(e: Event) -> Key:
    return _actor_country(e.source), _actor_country(e.target), e.cameo[:2]


def _pred_exact(e: Event) -> Key:
    return _actor_code(e.source), _actor_code(e.target), e.cameo


def _actor_country(actor: Actor | None) -> str | None:
    return actor.code.country if actor is not None and actor.code is not None else None


def _actor_code(actor: Actor | None) -> str | None:
    return actor.code.code if actor is not None and actor.code is not None else None


def _penta_classifier() -> Callable[[str], int]:
    # Imported here so that scoring coded sets does not depend on the ontology package.
    from standoff.ontology import penta_class

    return penta_class


def _penta_score(pairs: list[tuple[int, str | None]]) -> PentaScore:
    penta_of = _penta_classifier()
    confusion = [[0] * len(PENTA_CLASSES) for _ in PENTA_CLASSES]
    no_prediction = [0] * len(PENTA_CLASSES)
    roots: dict[str, list[int]] = {}
    for gold, code in pairs:
        if code is None:
            no_prediction[gold] += 1
        else:
            predicted = penta_of(code)
            confusion[gold][predicted] += 1
            _bump(roots.setdefault(code[:2], [0, 0]), predicted == gold, 1)
    correct = sum(confusion[c][c] for c in PENTA_CLASSES)
    covered = len(pairs) - sum(no_prediction)
    by_class = {
        c: PRF.of(
            tp=confusion[c][c],
            fp=sum(confusion[g][c] for g in PENTA_CLASSES) - confusion[c][c],
            fn=sum(confusion[c]) - confusion[c][c] + no_prediction[c],
        )
        for c in PENTA_CLASSES
    }
    return PentaScore(
        accuracy=Rate.of(correct, len(pairs)),
        coverage=Rate.of(covered, len(pairs)),
        accuracy_covered=Rate.of(correct, covered),
        confusion=tuple(tuple(row) for row in confusion),
        no_prediction=tuple(no_prediction),
        by_class=by_class,
        by_root={root: Rate.of(*counts) for root, counts in sorted(roots.items())},
    )

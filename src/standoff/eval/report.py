"""The result of an evaluation run and its plain-text and JSON forms."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

PENTA_CLASSES = (0, 1, 2, 3, 4)
TEXT_SECTIONS = ("root", "class", "calibration")


def ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


@dataclass(frozen=True, slots=True)
class Rate:
    hits: int
    total: int
    rate: float | None

    @classmethod
    def of(cls, hits: int, total: int) -> Rate:
        return cls(hits, total, ratio(hits, total))


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 from match counts; support is the number of gold items."""

    tp: int
    fp: int
    fn: int
    precision: float | None
    recall: float | None
    f1: float | None
    support: int

    @classmethod
    def of(cls, tp: int, fp: int, fn: int) -> PRF:
        precision = ratio(tp, tp + fp)
        recall = ratio(tp, tp + fn)
        if precision is None or recall is None:
            f1 = None
        else:
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(tp, fp, fn, precision, recall, f1, tp + fn)


@dataclass(frozen=True, slots=True)
class PentaScore:
    """Penta-class scores per record: the class of the record's most confident event.

    ``confusion[g][p]`` counts records of gold class g predicted as p; ``no_prediction[g]``
    counts records of gold class g where the coder gave no event.
    """

    accuracy: Rate  # over all records with a gold class; no event counts as wrong
    coverage: Rate  # records where the coder produced an event
    accuracy_covered: Rate  # over the covered records only
    confusion: tuple[tuple[int, ...], ...]
    no_prediction: tuple[int, ...]
    by_class: dict[int, PRF]
    # per root of the top event: how often its class is the gold class (a precision; the gold
    # names no root, so there is no recall per root)
    by_root: dict[str, Rate]


@dataclass(frozen=True, slots=True)
class CalibrationBin:
    lower: float
    upper: float
    count: int
    right: int
    share: float | None


HIGH_CONFIDENCE = 0.8


def high_confidence(bins: tuple[CalibrationBin, ...]) -> tuple[Rate, Rate]:
    """The share of events in the bins from HIGH_CONFIDENCE up, and the share of those right."""
    high = [b for b in bins if b.lower >= HIGH_CONFIDENCE]
    count, right = sum(b.count for b in high), sum(b.right for b in high)
    return Rate.of(count, sum(b.count for b in bins)), Rate.of(right, count)


@dataclass(frozen=True, slots=True)
class EvalReport:
    level: str
    records: int
    skipped: int  # records expecting an input error (a PETRARCH trap), not scored
    missing_results: int  # gold records the coder returned nothing for (scored as no events)
    events: PRF
    by_root: dict[str, PRF]
    dyad: Rate  # gold events whose actor pair the coder found, whatever the code
    event_type: Rate  # records whose top event has a gold CAMEO root
    no_event: Rate  # no-event records left without events
    penta: PentaScore | None
    calibration: tuple[CalibrationBin, ...]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.penta is not None:
            # JSON object keys are strings; keep them so on a round trip.
            data["penta"]["by_class"] = {str(k): v for k, v in data["penta"]["by_class"].items()}
        return data

    def to_text(self, by: str | None = None, failures: bool = False) -> str:
        """The figures, with the ``by`` breakdown; sentence sets list no failures."""
        if by is not None and by not in TEXT_SECTIONS:
            raise ValueError(f"by must be one of {', '.join(TEXT_SECTIONS)} or None, not {by!r}")
        lines = self._overall()
        if by == "root":
            lines += ["", *_root_table(self.by_root)]
            if self.penta is not None:
                lines += ["", *_penta_root_table(self.penta)]
        elif by == "class":
            lines += ["", *(_penta_tables(self.penta) if self.penta else ["no penta-class gold in this set"])]
        elif by == "calibration":
            lines += ["", *calibration_table(self.calibration, "predicted events by confidence")]
        return "\n".join(lines) + "\n"

    def _overall(self) -> list[str]:
        lines = [
            f"evaluation at level {self.level}",
            f"records:      {self.records} (skipped, expecting an input error: {self.skipped};"
            f" without a coder result: {self.missing_results})",
            f"events:       {prf_text(self.events)}",
            f"dyads found:  {rate_text(self.dyad, 'gold events')}",
            f"event type:   {rate_text(self.event_type, 'records, top event root')}",
            f"no-event:     {rate_text(self.no_event, 'records left empty')}",
        ]
        if self.penta is not None:
            p = self.penta
            lines += [
                f"penta class:  accuracy {rate_text(p.accuracy, 'records')}",
                f"              coverage {rate_text(p.coverage, 'records with an event')}",
                f"              accuracy when coded {rate_text(p.accuracy_covered, 'records')}",
            ]
        return lines


def number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def rate_text(rate: Rate, what: str) -> str:
    return f"{number(rate.rate)} ({rate.hits}/{rate.total} {what})"


def prf_text(s: PRF) -> str:
    return f"precision {number(s.precision)}  recall {number(s.recall)}  F1 {number(s.f1)}  (TP {s.tp}, FP {s.fp}, FN {s.fn})"


def _prf_row(label: str, s: PRF) -> str:
    return (
        f"{label:<6}{s.support:>8}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        f"{number(s.precision):>11}{number(s.recall):>8}{number(s.f1):>8}"
    )


_PRF_HEADER = f"{'':<6}{'support':>8}{'TP':>6}{'FP':>6}{'FN':>6}{'precision':>11}{'recall':>8}{'F1':>8}"


def _root_table(by_root: dict[str, PRF]) -> list[str]:
    if not by_root:
        return ["no coded events to break down by root"]
    return ["by CAMEO root", "root" + _PRF_HEADER[4:], *(_prf_row(r, by_root[r]) for r in sorted(by_root))]


def _penta_root_table(p: PentaScore) -> list[str]:
    lines = ["by root of the top event (precision: its class is the gold class)", f"{'root':<6}{'events':>8}{'right':>8}{'precision':>11}"]
    return lines + [f"{root:<6}{r.total:>8}{r.hits:>8}{number(r.rate):>11}" for root, r in p.by_root.items()]


def _penta_tables(p: PentaScore) -> list[str]:
    lines = ["by penta class", "class" + _PRF_HEADER[5:]]
    lines += [_prf_row(str(c), p.by_class[c]) for c in PENTA_CLASSES]
    lines += ["", "confusion (rows gold, columns predicted; none = no event coded)"]
    lines.append("gold" + "".join(f"{c:>6}" for c in PENTA_CLASSES) + f"{'none':>6}")
    for c in PENTA_CLASSES:
        lines.append(f"{c:<4}" + "".join(f"{n:>6}" for n in p.confusion[c]) + f"{p.no_prediction[c]:>6}")
    return lines


def calibration_table(bins: tuple[CalibrationBin, ...], title: str) -> list[str]:
    lines = [
        f"calibration ({title})",
        f"{'confidence':<12}{'events':>8}{'right':>8}{'share':>8}",
    ]
    for b in bins:
        closing = "]" if b.upper >= 1.0 else ")"
        span = f"[{b.lower:.1f},{b.upper:.1f}{closing}"
        lines.append(f"{span:<12}{b.count:>8}{b.right:>8}{number(b.share):>8}")
    return lines

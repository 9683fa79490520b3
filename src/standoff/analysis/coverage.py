"""The events a series leaves out, and why. An event counts only in the period of its own date and
only if it is an event the analysis can read: series, tension, alerts and the back-test leave out
events whose source is unknown, events whose code CAMEO does not define (imported from a WEIS-style
verb dictionary: no QuadClass, no Goldstein score), events without a date and events dated more
coarsely than the period ("in 2018" in a weekly series). Each is counted here once, under the
first of those reasons that applies."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from standoff.store.db import Store
from standoff.store.frames import PRECISIONS, left_out_counts
from standoff.store.queries import EventFilter


@dataclass(frozen=True, slots=True)
class LeftOut:
    freq: str
    undated: int  # no date: background whose date the text does not give, or no publication date
    coarser: dict[str, int] = field(default_factory=dict)  # by precision: dated to the month, year, decade
    unknown_source: int = 0  # complete: false, the source is unknown
    not_in_cameo: int = 0  # a code CAMEO does not define

    @property
    def total(self) -> int:
        return self.unknown_source + self.not_in_cameo + self.undated + sum(self.coarser.values())

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "total": self.total}

    def text(self) -> str:
        """One line for people: what was left out and why."""
        if not self.total:
            return "left out: none"
        parts = [f"{self.unknown_source} without a known source"] if self.unknown_source else []
        parts += [f"{self.not_in_cameo} with a code not in CAMEO"] if self.not_in_cameo else []
        parts += [f"{self.undated} without a date"] if self.undated else []
        parts += [f"{n} dated only to the {precision}" for precision, n in self.coarser.items()]
        events = "event" if self.total == 1 else "events"
        return f"left out: {self.total} {events} ({', '.join(parts)}); an event counts only in the {self.freq} its date falls in"


def left_out(store: Store, where: EventFilter, freq: str) -> LeftOut:
    """What periods of ``freq`` leave out of the events ``where`` selects."""
    counts = left_out_counts(store, where, freq)
    reasons = {name: counts.pop(name, 0) for name in ("undated", "unknown_source", "not_in_cameo")}
    coarser = {precision: counts[precision] for precision in PRECISIONS if precision in counts}  # finest first
    return LeftOut(freq, coarser=coarser, **reasons)

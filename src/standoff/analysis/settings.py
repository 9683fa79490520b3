"""The analysis's settings as users give them: each one's default, bounds and meaning, written once.

The commands build their options from these, the API its query parameters, and the library's
settings classes take their defaults from them, so the three cannot drift apart. Nothing heavy is
imported here: the command line reads this module at start.
"""

from __future__ import annotations

from dataclasses import dataclass

from standoff.errors import AnalysisError

DEFAULT_FREQ = "week"


@dataclass(frozen=True, slots=True)
class Setting:
    name: str  # as the API writes it; the command line writes it with dashes
    default: float | int
    low: float | int
    high: float | int
    help: str
    low_open: bool = False  # the low bound itself is not allowed

    @property
    def integer(self) -> bool:
        return isinstance(self.default, int)

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")

    def check(self, value: float) -> None:
        too_low = value <= self.low if self.low_open else value < self.low
        if too_low or value > self.high:
            relation = "more than" if self.low_open else "at least"
            raise AnalysisError(f"{self.name} must be {relation} {self.low:g} and at most {self.high:g}, not {value:g}")


HALF_LIFE = Setting("half_life", 2.0, 0, 520, "Tension index: periods after which an event counts half.", low_open=True)
PRIOR = Setting(
    "prior", 2.0, 0, 1000, "Tension index: pseudo-events at Goldstein 0 that pull a thinly supported index towards neutral.",
    low_open=True,
)
TOP = Setting("top", 5, 0, 100, "Tension index: events listed under 'what moved it'.")
THRESHOLD = Setting(
    "threshold", 2.0, 1, 1000, "Alerts: ratio of a period's conflict events to both baselines, (x+1)/(b+1), that makes a surge."
)
MIN_EVENTS = Setting("min_events", 3, 1, 1_000_000, "Alerts: fewer conflict events than this are never a surge.")
EVIDENCE = Setting("evidence", 5, 0, 20, "Alerts: events listed per alert, most hostile first.")

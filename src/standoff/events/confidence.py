"""Event confidence that means something: the share of such events found right on held-out data.

An event is described by the kind of evidence behind it: how the pattern matched (a verb, a
verb under a governing verb, a noun, words in a statement), how its source was resolved (a
named person or organisation, a place, a description, a pronoun, unresolved) and whether it
has a known target. calibration.tsv holds, for each such key, how many events were right out of
how many on development data; the score is the smoothed share, backing off to coarser keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from standoff.events.dictionary import Pattern
from standoff.model import Actor

SOURCE_GROUPS = {
    "person": "named",
    "organisation": "named",
    "appositive": "named",
    "state": "place",
    "capital": "place",
    "seat": "place",
    "demonym": "place",
    "country+sector": "described",
    "sector-of-owner": "described",
    "description": "described",
}
PRIOR = (1, 2)  # one right out of two: what an unseen key starts from


def evidence_key(pattern: Pattern, composed: bool, source: Actor | None, target: Actor | None) -> str:
    if composed:
        family = "composed"
    elif pattern.content:
        family = "statement"
    elif pattern.nominal:
        family = "nominal"
    else:
        family = "verb"
    if source is None:
        source_group = "none"
    elif source.code is None:
        source_group = "unresolved"
    elif source.method.startswith("coref"):
        source_group = "coref"
    else:
        source_group = SOURCE_GROUPS.get(source.method, "other")
    target_group = "actor" if target is not None and target.code is not None else "none"
    return f"{family}|{source_group}|{target_group}"


@dataclass(frozen=True, slots=True)
class ConfidenceTable:
    counts: dict[str, tuple[int, int]]  # key -> (right, total)

    def score(self, key: str) -> float:
        """Smoothed share right for the key, backing off to its family when it is rare."""
        right, total = self.counts.get(key, (0, 0))
        family = key.split("|")[0]
        family_right = sum(r for k, (r, _) in self.counts.items() if k.startswith(family + "|"))
        family_total = sum(t for k, (_, t) in self.counts.items() if k.startswith(family + "|"))
        # The family's share acts as a prior worth five events.
        prior_right, prior_total = PRIOR
        if family_total:
            prior_right, prior_total = 5 * family_right / family_total, 5
        return round((right + prior_right) / (total + prior_total), 3)


def read_table(text: str) -> ConfidenceTable:
    counts = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("key\t"):
            continue
        key, right, total = line.split("\t")
        counts[key] = (int(right), int(total))
    return ConfidenceTable(counts)


def write_table(counts: dict[str, tuple[int, int]], origin: str) -> str:
    lines = [f"# right/total per evidence key, fitted on {origin}", "key\tright\ttotal"]
    lines += [f"{key}\t{right}\t{total}" for key, (right, total) in sorted(counts.items())]
    return "\n".join(lines) + "\n"


@cache
def load_confidence_table() -> ConfidenceTable:
    return read_table(resources.files("standoff.events").joinpath("calibration.tsv").read_text(encoding="utf-8"))

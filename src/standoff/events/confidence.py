"""Event confidence that means something: the share of such events found right on held-out data.

An event is described by the kind of evidence behind it: how the pattern matched (a verb, a
verb under a governing verb, a noun, words in a statement; a pattern of the imported PETRARCH
dictionary is a kind apart: "petrarch-verb"), how its source was resolved (a
named person or organisation, a place, a description, a pronoun, unresolved) and whether it
has a known target. calibration.tsv holds, for each such key, how many events were right out of
how many on development data; the score is the smoothed share, backing off to coarser keys.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from standoff.events.patterns import IMPORTED, Pattern
from standoff.model import Actor, Resolution

SOURCE_GROUPS = {
    Resolution.PERSON: "named",
    Resolution.ORGANISATION: "named",
    Resolution.APPOSITIVE: "named",
    Resolution.STATE: "place",
    Resolution.CAPITAL: "place",
    Resolution.SEAT: "place",
    Resolution.DEMONYM: "place",
    Resolution.COUNTRY_SECTOR: "described",
    Resolution.SECTOR_OF_OWNER: "described",
    Resolution.DESCRIPTION: "described",
    Resolution.COREF_TITLE: "coref",
    Resolution.COREF_PRONOUN: "coref",
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
    if pattern.pattern_set == IMPORTED:
        family = f"{IMPORTED}-{family}"  # the imported dictionary is evidence of its own kind
    if source is None:
        source_group = "none"
    elif source.code is None:
        source_group = "unresolved"
    else:
        source_group = SOURCE_GROUPS.get(Resolution(source.method), "other")
    target_group = "actor" if target is not None and target.code is not None else "none"
    return f"{family}|{source_group}|{target_group}"


@dataclass(frozen=True, slots=True)
class ConfidenceTable:
    counts: dict[str, tuple[int, int]]  # key -> (right, total)
    version: str = ""

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
    counts: dict[str, tuple[int, int]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("key\t"):
            continue
        key, right, total = line.split("\t")
        counts[key] = (int(right), int(total))
    return ConfidenceTable(counts, hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest())


def write_table(counts: dict[str, tuple[int, int]], origin: str) -> str:
    lines = [f"# right/total per evidence key, fitted on {origin}", "key\tright\ttotal"]
    lines += [f"{key}\t{right}\t{total}" for key, (right, total) in sorted(counts.items())]
    return "\n".join(lines) + "\n"


@cache
def load_confidence_table(path: Path | None = None) -> ConfidenceTable:
    """The packaged table (calibration.tsv), or the one at ``path``; read once per process."""
    if path is None:
        return read_table(resources.files("standoff.events").joinpath("calibration.tsv").read_text(encoding="utf-8"))
    return read_table(Path(path).read_text(encoding="utf-8"))

"""Event confidence that means something: the share of such events found right on held-out data.

An event is described by the kind of evidence behind it: whether its source is known at all (an
event without one is incomplete and seldom right, whatever else it has), how the pattern
matched (a verb, a verb under a governing verb, a noun, words in a statement, a bare statement;
a pattern of the imported PETRARCH dictionary is a kind apart: "petrarch-verb"), whether it has
a known target (named, given only by the story's context, or only by the side its source deals
with in the story), how its source was resolved (a named person or organisation, a place, a
description, a pronoun, unresolved), and the act's QuadClass (words or deeds, cooperation or
conflict). calibration.tsv holds, for each such key, how many events were right out of how many
on development data; the score is the smoothed share, backing off to coarser keys in that order:
the target tells more than the source's kind of whether an event is right (an event without a
target is seldom right, whoever its source), so a rare key leans on its family and target first.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from standoff.events.patterns import IMPORTED, STATEMENT_ROOT, Pattern
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
    Resolution.COREF_NAME: "coref",
    Resolution.COREF_PRONOUN: "coref",
    Resolution.JOINED_SUBJECT: "coref",
    Resolution.SCENE_COUNTRY: "context",
    Resolution.HOME_COUNTRY: "context",
    Resolution.STORY_COUNTERPART: "counterpart",
}
PRIOR = (1, 2)  # one right out of two: what an unseen key starts from


def evidence_key(pattern: Pattern, composed: bool, source: Actor | None, target: Actor | None, quad_class: int | None) -> str:
    """sourced|family|target|source|quad: whether the source is known, the construction and
    pattern set (a bare statement is a family of its own), whether the target is known and how
    (a target whose country only the story gives, its scene, its home country or its actor's
    counterpart, is a group apart), how the source was resolved, and the QuadClass of the act
    ("q-" for a code CAMEO does not define).
    (The modality was tried on the whole articles and split the evidence too thinly to help;
    docs/accuracy.md.)"""
    if composed:
        family = "composed"
    elif pattern.code.startswith(STATEMENT_ROOT):
        family = "say"  # a bare statement: right far less often than the acts (docs/accuracy.md)
    elif pattern.content:
        family = "statement"
    elif pattern.nominal:
        family = "nominal"
    else:
        family = "verb"
    if pattern.pattern_set == IMPORTED:
        family = f"{IMPORTED}-{family}"  # the imported dictionary is evidence of its own kind
    group = _group(target)
    target_group = "none" if target is None or target.code is None else group if group in ("context", "counterpart") else "actor"
    sourced = "sourced" if source is not None and source.code is not None else "unsourced"
    return f"{sourced}|{family}|{target_group}|{_group(source)}|q{quad_class if quad_class is not None else '-'}"


def _group(actor: Actor | None) -> str:
    if actor is None:
        return "none"
    if actor.code is None:
        return "unresolved"
    return SOURCE_GROUPS.get(Resolution(actor.method), "other")


@dataclass(frozen=True, slots=True)
class ConfidenceTable:
    counts: dict[str, tuple[int, int]]  # key -> (right, total)
    version: str = ""
    # Each key's score, worked out once: the backing off sums over the whole table.
    _scores: dict[str, float] = field(default_factory=dict, init=False, repr=False, compare=False)

    def score(self, key: str) -> float:
        """Smoothed share right for the key: a rare key backs off to the keys that share all
        but its last part, those to the keys that share all but their last part, and so on."""
        found = self._scores.get(key)
        if found is None:
            found = self._scores[key] = self._smoothed(key)
        return found

    def _smoothed(self, key: str) -> float:
        parts = key.split("|")
        share = PRIOR[0] / PRIOR[1]
        for depth in range(1, len(parts)):  # each coarser share acts as a prior worth five events
            right, total = self._sum("|".join(parts[:depth]) + "|")
            share = (right + 5 * share) / (total + 5)
        right, total = self.counts.get(key, (0, 0))
        return round((right + 5 * share) / (total + 5), 3)

    def _sum(self, prefix: str) -> tuple[int, int]:
        pairs = [counts for key, counts in self.counts.items() if key.startswith(prefix)]
        return sum(r for r, _ in pairs), sum(t for _, t in pairs)


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

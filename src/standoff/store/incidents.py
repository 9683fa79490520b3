"""One real-world incident, many reports: cluster events across articles.

Events join an incident when they share source country, target country and CAMEO root, their
date lies within WINDOW_DAYS of the incident's first event, and their trigger is similar to
that first event's (same full CAMEO code, or trigger stems that mostly overlap). Each event is
compared with the incident's first event only, and events are taken in the order they are
stored, so the same input in the same order always gives the same incidents, however the run
was split into batches or resumed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

WINDOW_DAYS = 1
MIN_TRIGGER_OVERLAP = 0.5
# Only events said to have happened are clustered: "did not attack" or "may visit" is no incident.
CLUSTERED_MODALITIES = frozenset({"asserted", "reported"})

_WORD = re.compile(r"[a-z]+")
_PARTICLES = frozenset(
    "a an the to of on in at by for with from up out off over into about against down back away".split()
)
_SUFFIXES = ("ing", "ies", "ed", "es", "s")


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    source_country: str
    target_country: str | None
    cameo_root: str
    cameo: str
    trigger_key: frozenset[str]
    anchor_date: date

    @property
    def key(self) -> tuple[str, str | None, str]:
        return (self.source_country, self.target_country, self.cameo_root)


def trigger_key(trigger: str | None) -> frozenset[str]:
    """Crude stems of the trigger's content words: "launched missiles" -> {"launch", "missil"}."""
    return frozenset(_stem(word) for word in _WORD.findall((trigger or "").lower()) if word not in _PARTICLES)


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            return stem + "y" if suffix == "ies" else stem
    return word


def similar(incident: Incident, cameo: str, key: frozenset[str]) -> bool:
    if cameo == incident.cameo:
        return True
    union = key | incident.trigger_key
    return bool(union) and len(key & incident.trigger_key) / len(union) >= MIN_TRIGGER_OVERLAP


def clusterable(row: dict[str, Any]) -> bool:
    return bool(
        row.get("source_country") and row.get("cameo_root") and row.get("event_date") is not None
        and row.get("modality") in CLUSTERED_MODALITIES
    )


class IncidentIndex:
    """The incidents a batch may join, by (source country, target country, root); grows as it assigns."""

    def __init__(self, known: Iterable[Incident]) -> None:
        self._by_key: dict[tuple[str, str | None, str], list[Incident]] = {}
        for incident in known:
            self._by_key.setdefault(incident.key, []).append(incident)
        self.created: list[Incident] = []

    def assign(self, row: dict[str, Any]) -> str:
        """The incident id for an event row (a clusterable one), creating an incident if none fits."""
        day: date = row["event_date"]
        key = trigger_key(row.get("trigger"))
        candidates = [
            incident
            for incident in self._by_key.get((row["source_country"], row.get("target_country"), row["cameo_root"]), ())
            if abs((incident.anchor_date - day).days) <= WINDOW_DAYS
        ]
        candidates.sort(key=lambda i: (abs((i.anchor_date - day).days), i.anchor_date, i.id))
        for incident in candidates:
            if similar(incident, row["cameo"], key):
                return incident.id
        incident = Incident(
            row["id"], row["source_country"], row.get("target_country"), row["cameo_root"], row["cameo"], key, day
        )
        self._by_key.setdefault(incident.key, []).append(incident)
        self.created.append(incident)
        return incident.id

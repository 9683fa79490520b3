"""What kind of actor each country-level code stands for: a state, an intergovernmental body, an
NGO, an armed group, or something else.

Dyads and the network count actors by their ``country`` column, which holds a state's code for
the state and everyone in it (USA, USAGOV, SYRREB), and an organisation's own code for bodies
that stand for themselves (IGOUNO -> UNO, NGOAMN -> AMN, IMGMOSISI -> ISI).
"""

from __future__ import annotations

from typing import Literal

from standoff.store.db import Store
from standoff.store.queries import EventFilter

Kind = Literal["state", "igo", "ngo", "armed", "other"]
KINDS: tuple[Kind, ...] = ("state", "igo", "ngo", "armed", "other")

# One row's kind: an actor whose code starts with its country code belongs to that state (its
# rebels too: at the country level they are the country's); otherwise the organisation's prefix says.
_ROW_KIND = """CASE
    WHEN starts_with(code, country) THEN 'state'
    WHEN code LIKE 'IGO%' THEN 'igo'
    WHEN code LIKE 'NGO%' OR code LIKE 'NGM%' THEN 'ngo'
    WHEN code LIKE 'IMG%' OR sector IN ('REB', 'INS', 'UAF') THEN 'armed'
    ELSE 'other' END"""


def actor_kinds(store: Store, where: EventFilter) -> dict[str, Kind]:
    """Country-level code -> the kind most of its actors in the matching events are."""
    sql, params = where.where()
    rows = store.fetch(
        "WITH sides AS ("
        f" SELECT source_country AS country, source AS code, source_sector AS sector FROM events{sql}"
        f" UNION ALL SELECT target_country, target, target_sector FROM events{sql})"
        f" SELECT country, {_ROW_KIND} AS kind, count(*) AS n FROM sides"
        " WHERE country IS NOT NULL AND code IS NOT NULL GROUP BY ALL ORDER BY country, n DESC, kind",
        [*params, *params],
    ).to_pylist()
    kinds: dict[str, Kind] = {}
    for row in rows:
        kinds.setdefault(row["country"], row["kind"])  # rows come busiest kind first
    return kinds

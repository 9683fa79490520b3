"""Read-only event frames for the analysis: per-event rows and per-period counts, as pandas DataFrames.

Events are put into periods here, by DuckDB's ``date_trunc`` (days; weeks starting on Monday;
calendar months), so every frame the analysis joins uses the same buckets. The ``period``
column is the first day of the period as a timestamp. Events without a date are left out.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from standoff.model import FREQS
from standoff.store.queries import DISTINCT_INCIDENTS, BadQuery, Dyad, EventFilter

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from standoff.store.db import Store

CONFLICT_CLASSES = (3, 4)  # verbal and material conflict

# The columns an analysis needs; ``text`` (the sentence) only when events are shown as evidence.
EVENT_COLUMNS = (
    "id", "event_date", "source", "target", "source_country", "target_country",
    "cameo", "cameo_root", "quad_class", "goldstein", "origin",
)


def _period(freq: str) -> str:
    if freq not in FREQS:
        raise BadQuery(f"a period is one of {', '.join(FREQS)}, not {freq!r}")
    return f"date_trunc('{freq}', event_date)"


def _dated(where: EventFilter) -> tuple[str, list[object]]:
    sql, params = where.where()
    return (sql + " AND " if sql else " WHERE ") + "event_date IS NOT NULL", params


def event_frame(store: Store, where: EventFilter, freq: str, *, with_text: bool = False) -> pd.DataFrame:
    """One row per matching dated event: EVENT_COLUMNS, ``incident`` (its incident, or itself), ``period``."""
    sql, params = _dated(where)
    columns = ", ".join(EVENT_COLUMNS + (("text",) if with_text else ()))
    return store.fetch(
        f"SELECT {columns}, coalesce(incident_id, id) AS incident, {_period(freq)} AS period"
        f" FROM events{sql} ORDER BY event_date, id",
        params,
    ).to_pandas()


def period_counts_frame(store: Store, where: EventFilter, freq: str) -> pd.DataFrame:
    """The matching dated events counted at four levels (``level``): per period (``period``), per
    period and QuadClass (``quad``), per period and CAMEO root (``root``) and over all periods
    (``all``). Columns: level, period, quad_class, cameo_root, events, incidents, scored (events with
    a Goldstein score), goldstein_sum, goldstein_sd (sample standard deviation of the scores)."""
    sql, params = _dated(where)
    return store.fetch(
        f"SELECT CASE grouping(period, quad_class, cameo_root) WHEN 3 THEN 'period' WHEN 1 THEN 'quad'"
        " WHEN 2 THEN 'root' ELSE 'all' END AS level, period, quad_class, cameo_root,"
        f" count(*) AS events, {DISTINCT_INCIDENTS} AS incidents, count(goldstein) AS scored,"
        " sum(goldstein) AS goldstein_sum, stddev_samp(goldstein) AS goldstein_sd"
        f" FROM (SELECT *, {_period(freq)} AS period FROM events{sql})"
        " GROUP BY GROUPING SETS ((period), (period, quad_class), (period, cameo_root), ()) ORDER BY ALL",
        params,
    ).to_pandas()


def totals_frame(
    store: Store, freq: str, since: date | None = None, until: date | None = None, origin: str | None = None
) -> pd.DataFrame:
    """All stored events per period (the coverage a dyad's counts are normalised by): period, events, incidents."""
    sql, params = _dated(EventFilter(since=since, until=until, origin=origin))
    return store.fetch(
        f"SELECT {_period(freq)} AS period, count(*) AS events, {DISTINCT_INCIDENTS} AS incidents"
        f" FROM events{sql} GROUP BY period ORDER BY period",
        params,
    ).to_pandas()


def dyad_counts_frame(
    store: Store,
    freq: str,
    since: date | None = None,
    until: date | None = None,
    origin: str | None = None,
    classes: tuple[int, ...] = CONFLICT_CLASSES,
) -> pd.DataFrame:
    """Events of the given QuadClasses per directed country dyad and period (two different countries):
    source_country, target_country, period, events."""
    sql, params = _dated(EventFilter(since=since, until=until, origin=origin))
    marks = ", ".join("?" for _ in classes)
    return store.fetch(
        f"SELECT source_country, target_country, {_period(freq)} AS period, count(*) AS events FROM events{sql}"
        f" AND quad_class IN ({marks}) AND source_country IS NOT NULL AND target_country IS NOT NULL"
        " AND source_country <> target_country GROUP BY ALL ORDER BY ALL",
        params + list(classes),
    ).to_pandas()


def directed_counts_frame(
    store: Store,
    dyad: Dyad,
    freq: str,
    since: date | None = None,
    until: date | None = None,
    origin: str | None = None,
    classes: tuple[int, ...] = CONFLICT_CLASSES,
) -> pd.DataFrame:
    """Events of the given QuadClasses per period in each direction of a dyad: period, ab (a on b), ba (b on a)."""
    sql, params = _dated(EventFilter(dyad=Dyad(dyad.a, dyad.b, directed=False), since=since, until=until, origin=origin))
    marks = ", ".join("?" for _ in classes)
    return store.fetch(
        f"SELECT {_period(freq)} AS period,"
        " count(*) FILTER (WHERE source_country = ?) AS ab, count(*) FILTER (WHERE source_country = ?) AS ba"
        f" FROM events{sql} AND quad_class IN ({marks}) GROUP BY period ORDER BY period",
        [dyad.a, dyad.b, *params, *classes],
    ).to_pandas()


def worst_events(store: Store, cells: pa.Table, origin: str | None, limit: int, columns: tuple[str, ...]) -> pa.Table:
    """For each cell (``cell``, ``source_country``, ``target_country``, ``first`` and ``last`` day) its
    conflict events, at most ``limit``, most hostile first (by Goldstein score, then date, then id):
    ``cell`` and ``columns``."""
    where, params = ("AND e.origin = ?", [origin]) if origin else ("", [])
    order = "e.goldstein NULLS LAST, e.event_date, e.id"
    marks = ", ".join("?" for _ in CONFLICT_CLASSES)
    return store.fetch(
        f"SELECT c.cell, {', '.join(f'e.{name}' for name in columns)} FROM events e JOIN _cells c"
        " ON e.source_country = c.source_country AND e.target_country = c.target_country AND e.event_date BETWEEN c.first AND c.last"
        f" WHERE e.quad_class IN ({marks}) {where}"
        f" QUALIFY row_number() OVER (PARTITION BY c.cell ORDER BY {order}) <= ? ORDER BY c.cell, {order}",
        [*CONFLICT_CLASSES, *params, limit],
        tables={"_cells": cells},
    )

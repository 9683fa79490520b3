"""Read-only event frames for the analysis: per-event rows and per-period counts, as pandas DataFrames.

Events are put into periods here, by DuckDB's ``date_trunc`` (days; weeks starting on Monday;
calendar months), so every frame the analysis joins uses the same buckets. The ``period``
column is the first day of the period as a timestamp. An event is counted in the period of its
own date. Left out of every frame, and counted by ``left_out_counts``: events whose source is
unknown, events whose code CAMEO does not define (no QuadClass), events without a date and
events dated more coarsely than the period (a year-precision event in a weekly series).
"""

from __future__ import annotations

from dataclasses import replace
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


# The date precisions an event needs to be counted in a period of each length: a date known to
# the month says nothing of its week. Events stored without a precision (imported, or coded
# before precisions were kept) are dated to the day.
PRECISIONS = ("day", "week", "month", "year", "decade")
_COUNTED = {freq: PRECISIONS[: PRECISIONS.index(freq) + 1] for freq in FREQS}
_PRECISION = "coalesce(date_precision, 'day')"
# Why an event is left out, the first that applies; an event dated too coarsely is left out under
# its precision. ``complete`` is NULL only in rows written without it (tests, old imports): known.
_WHY_LEFT_OUT = (
    "CASE WHEN complete IS FALSE THEN 'unknown_source' WHEN quad_class IS NULL THEN 'not_in_cameo'"
    f" WHEN event_date IS NULL THEN 'undated' ELSE {_PRECISION} END"
)


def _counted(freq: str) -> tuple[str, list[object]]:
    """SQL (and its parameters) true of the events a period of ``freq`` counts."""
    _period(freq)  # checks freq
    marks = ", ".join("?" for _ in _COUNTED[freq])
    sql = f"complete IS NOT FALSE AND quad_class IS NOT NULL AND event_date IS NOT NULL AND {_PRECISION} IN ({marks})"
    return sql, list(_COUNTED[freq])


def _conditions(where: EventFilter) -> tuple[str, list[object]]:
    sql, params = where.where()
    return sql.removeprefix(" WHERE ") or "true", params


def _only_counted(where: EventFilter, freq: str) -> tuple[str, list[object]]:
    """The filter's SQL, with only the events a period of ``freq`` counts."""
    sql, params = where.where()
    counted, counted_params = _counted(freq)
    return (sql + " AND " if sql else " WHERE ") + counted, [*params, *counted_params]


def left_out_counts(store: Store, where: EventFilter, freq: str) -> dict[str, int]:
    """The events of ``where`` that periods of ``freq`` leave out, by why: "unknown_source",
    "not_in_cameo", "undated" (whatever since and until say), or the precision of a date too
    coarse for the period ("year"). One aggregate query."""
    ranged, ranged_params = _conditions(where)
    undated, undated_params = _conditions(replace(where, since=None, until=None))
    counted, counted_params = _counted(freq)
    rows = store.fetch(
        f"SELECT {_WHY_LEFT_OUT} AS reason, count(*) AS n FROM events"
        f" WHERE (({ranged}) OR (event_date IS NULL AND {undated})) AND NOT ({counted}) GROUP BY ALL ORDER BY ALL",
        [*ranged_params, *undated_params, *counted_params],
    ).to_pylist()
    return {row["reason"]: row["n"] for row in rows}


def event_frame(store: Store, where: EventFilter, freq: str, *, with_text: bool = False) -> pd.DataFrame:
    """One row per matching event a period of ``freq`` counts: EVENT_COLUMNS, ``incident`` (its incident, or itself), ``period``."""
    sql, params = _only_counted(where, freq)
    columns = ", ".join(EVENT_COLUMNS + (("text",) if with_text else ()))
    return store.fetch(
        f"SELECT {columns}, coalesce(incident_id, id) AS incident, {_period(freq)} AS period"
        f" FROM events{sql} ORDER BY event_date, id",
        params,
    ).to_pandas()


def period_counts_frame(store: Store, where: EventFilter, freq: str) -> pd.DataFrame:
    """The matching counted events at four levels (``level``): per period (``period``), per
    period and QuadClass (``quad``), per period and CAMEO root (``root``) and over all periods
    (``all``). Columns: level, period, quad_class, cameo_root, events, incidents, scored (events with
    a Goldstein score), goldstein_sum, goldstein_sd (sample standard deviation of the scores)."""
    sql, params = _only_counted(where, freq)
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
    sql, params = _only_counted(EventFilter(since=since, until=until, origin=origin), freq)
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
    sql, params = _only_counted(EventFilter(since=since, until=until, origin=origin), freq)
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
    sql, params = _only_counted(EventFilter(dyad=Dyad(dyad.a, dyad.b, directed=False), since=since, until=until, origin=origin), freq)
    marks = ", ".join("?" for _ in classes)
    return store.fetch(
        f"SELECT {_period(freq)} AS period,"
        " count(*) FILTER (WHERE source_country = ?) AS ab, count(*) FILTER (WHERE source_country = ?) AS ba"
        f" FROM events{sql} AND quad_class IN ({marks}) GROUP BY period ORDER BY period",
        [dyad.a, dyad.b, *params, *classes],
    ).to_pandas()


def worst_events(store: Store, cells: pa.Table, freq: str, origin: str | None, limit: int, columns: tuple[str, ...]) -> pa.Table:
    """For each cell (``cell``, ``source_country``, ``target_country``, ``first`` and ``last`` day of
    a period of ``freq``) its counted conflict events, at most ``limit``, most hostile first (by
    Goldstein score, then date, then id): ``cell`` and ``columns``."""
    counted, counted_params = _counted(freq)
    where, params = (f"AND {counted} AND e.origin = ?", [*counted_params, origin]) if origin else (f"AND {counted}", counted_params)
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

"""Series with the tension index, and surge alerts: thin layers over standoff.analysis.operations."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from standoff.analysis.settings import DEFAULT_FREQ, EVIDENCE, HALF_LIFE, MIN_EVENTS, PRIOR, THRESHOLD
from standoff.api.deps import AnalysisStoreDep, SettingsDep
from standoff.api.params import ActorParam, DatesDep, DyadParam, Freq, OriginParam, setting
from standoff.api.responses import JSONResponse
from standoff.api.schemas import AlertList, Error, Series
from standoff.api.settings import ApiSettings
from standoff.errors import ResultTooLarge
from standoff.store import Store

router = APIRouter(prefix="/api", tags=["analysis"])
ERRORS = {422: {"model": Error}, 503: {"model": Error}}

# What a series row carries unless fields=all: the dashboard's chart and the main counts.
SERIES_FIELDS = (
    "events", "incidents", "conflict", "events_q1", "events_q2", "events_q3", "events_q4", "conflict_share",
    "goldstein_sum", "goldstein_mean", "total_events", "events_per1k", "conflict_per1k",
)
TENSION_FIELDS = ("tension", "low", "high", "weight")


def _check_periods(store: Store, settings: ApiSettings, freq: str, since: date | None, until: date | None) -> None:
    """Refuse, before computing it, a series longer than the server gives in one answer."""
    from standoff.analysis.operations import series_length

    periods = series_length(store, freq, since, until)
    if periods > settings.max_periods:
        raise ResultTooLarge(
            f"{periods:,} {freq}s is more than {settings.max_periods:,} periods in one answer; narrow since/until or use a longer freq"
        )


@router.get("/series", response_model=Series, responses=ERRORS)
def series(
    store: AnalysisStoreDep,
    settings: SettingsDep,
    dates: DatesDep,
    dyad: DyadParam = None,
    actor: ActorParam = None,
    freq: Freq = DEFAULT_FREQ,
    origin: OriginParam = None,
    half_life: Annotated[float, setting(HALF_LIFE)] = HALF_LIFE.default,
    prior: Annotated[float, setting(PRIOR)] = PRIOR.default,
    fields: Annotated[str | None, Query(pattern=r"^all$", description="'all' for every series column (all CAMEO roots, per-1k twins).")] = None,
) -> JSONResponse:
    """Per period for a dyad, an actor or everything: counts by QuadClass, conflict share, Goldstein,
    counts per 1,000 events stored, and the tension index with its 95% band (see docs/analysis.md).
    Every period in range is listed; since and until widen to whole periods."""
    from standoff.analysis import operations
    from standoff.analysis.jsonable import records
    from standoff.analysis.periods import whole_periods
    from standoff.analysis.tension import TensionSettings

    chosen = operations.selection(dyad, actor, origin)
    _check_periods(store, settings, freq, *whole_periods(dates.since, dates.until, freq))
    result = operations.series(store, chosen, freq, dates.since, dates.until, TensionSettings(half_life, prior))
    columns = list(result.series.columns) if fields == "all" else list(SERIES_FIELDS)
    joined = result.series[columns].join(result.tension[list(TENSION_FIELDS)])
    return JSONResponse({
        "selection": chosen.label, "freq": freq, "half_life": half_life, "periods": records(joined, index="period"),
        "left_out": result.left_out.to_dict(),
    })


@router.get("/alerts", response_model=AlertList, responses=ERRORS)
def alerts(
    store: AnalysisStoreDep,
    settings: SettingsDep,
    dates: DatesDep,  # with since: every period from that date on is checked; without, only the latest
    freq: Freq = DEFAULT_FREQ,
    origin: OriginParam = None,
    dyad: Annotated[str | None, Query(max_length=40, description="Only alerts of this dyad: USA-PRK (either direction) or USA->PRK.")] = None,
    threshold: Annotated[float, setting(THRESHOLD)] = THRESHOLD.default,
    min_events: Annotated[int, setting(MIN_EVENTS)] = MIN_EVENTS.default,
    evidence: Annotated[int, setting(EVIDENCE)] = EVIDENCE.default,
) -> JSONResponse:
    """Surge alerts: directed dyads whose conflict events in a period reach `threshold` times both
    their 4-period and 52-period baselines, with the events: in the latest period, or in every period
    from `since` on. They describe; they do not forecast."""
    from standoff.analysis import operations
    from standoff.analysis.alerts import SurgeSettings

    if dates.since is not None:
        _check_periods(store, settings, freq, dates.since, dates.until)
    found = operations.alerts(
        store, freq, SurgeSettings(threshold=threshold, min_events=min_events), dates.since, dates.until, origin, dyad, evidence,
        limit=settings.max_alerts,
    )
    return JSONResponse({
        "freq": freq,
        "alerts": [s.to_dict() for s in found.surges],
        "truncated": found.truncated,
        "left_out": found.left_out.to_dict(),
    })

"""Series with the tension index, and surge alerts: thin layers over standoff.analysis."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from standoff.api.deps import SettingsDep, StoreDep
from standoff.errors import ResultTooLarge
from standoff.api.params import ActorParam, DyadParam, EndParam, Freq, OriginParam, StartParam, check_range, dyad_of
from standoff.api.responses import JSONResponse
from standoff.api.schemas import AlertList, Error, Series
from standoff.api.settings import ApiSettings
from standoff.store import Store

router = APIRouter(prefix="/api", tags=["analysis"])
ERRORS = {422: {"model": Error}, 503: {"model": Error}}

# What a series row carries unless fields=all: the dashboard's chart and the main counts.
SERIES_FIELDS = (
    "events", "incidents", "conflict", "events_q1", "events_q2", "events_q3", "events_q4", "conflict_share",
    "goldstein_sum", "goldstein_mean", "total_events", "events_per1k", "conflict_per1k",
)
TENSION_FIELDS = ("tension", "low", "high", "weight")


def _check_periods(store: Store, settings: ApiSettings, freq: str, start: date | None, end: date | None) -> None:
    """Refuse, before computing it, a series longer than the server gives in one answer."""
    from standoff.analysis.periods import period_range
    from standoff.store.api_queries import store_summary

    summary = store_summary(store) if start is None or end is None else {}
    first, last = start or summary.get("first_date"), end or summary.get("last_date")
    if first is None or last is None or first > last:
        return
    periods = len(period_range(first, last, freq))
    if periods > settings.max_periods:
        raise ResultTooLarge(
            f"{periods:,} {freq}s is more than {settings.max_periods:,} periods in one answer; narrow start/end or use a longer freq"
        )


@router.get("/series", response_model=Series, responses=ERRORS)
def series(
    store: StoreDep,
    settings: SettingsDep,
    dyad: DyadParam = None,
    actor: ActorParam = None,
    freq: Freq = "week",
    start: StartParam = None,
    end: EndParam = None,
    origin: OriginParam = None,
    half_life: Annotated[float, Query(gt=0, le=520, description="Tension index: periods after which an event counts half.")] = 2.0,
    prior: Annotated[float, Query(ge=0, le=1000, description="Tension index: pseudo-events at Goldstein 0.")] = 2.0,
    fields: Annotated[str | None, Query(pattern=r"^all$", description="'all' for every series column (all CAMEO roots, per-1k twins).")] = None,
) -> JSONResponse:
    """Per period for a dyad, an actor or everything: counts by QuadClass, conflict share, Goldstein,
    counts per 1,000 events stored, and the tension index with its 95% band (see docs/analysis.md).
    Every period in range is listed; start and end widen to whole periods."""
    from standoff.analysis.jsonable import records
    from standoff.analysis.periods import whole_periods
    from standoff.analysis.series import Selection, load_series
    from standoff.analysis.tension import TensionSettings, tension_index
    from standoff.store.frames import event_frame

    check_range(start, end)
    selection = Selection(dyad_of(dyad), actor.upper() if actor else None, origin)
    since, until = whole_periods(start, end, freq)
    _check_periods(store, settings, freq, since, until)
    frame = load_series(store, selection, freq, since, until)
    index = tension_index(event_frame(store, selection.where(since, until), freq), frame.index, TensionSettings(half_life, prior))
    columns = list(frame.columns) if fields == "all" else list(SERIES_FIELDS)
    joined = frame[columns].join(index[list(TENSION_FIELDS)])
    return JSONResponse({"selection": selection.label, "freq": freq, "half_life": half_life, "periods": records(joined, index="period")})


@router.get("/alerts", response_model=AlertList, responses=ERRORS)
def alerts(
    store: StoreDep,
    settings: SettingsDep,
    freq: Freq = "week",
    start: Annotated[date | None, Query(description="Check every period from this date on (default: only the latest period).")] = None,
    end: EndParam = None,
    origin: OriginParam = None,
    dyad: Annotated[str | None, Query(max_length=40, description="Only alerts of this dyad: USA-PRK (either direction) or USA->PRK.")] = None,
    threshold: Annotated[float, Query(ge=1.0, le=1000)] = 2.0,
    min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 3,
    evidence: Annotated[int, Query(ge=0, le=20, description="Events listed per alert, most hostile first.")] = 5,
) -> JSONResponse:
    """Surge alerts: directed dyads whose conflict events in a period reach `threshold` times both
    their 4-period and 52-period baselines, with the events. They describe; they do not forecast."""
    from standoff.analysis.alerts import SurgeSettings, load_surges

    check_range(start, end)
    wanted = dyad_of(dyad)
    if start is not None:
        _check_periods(store, settings, freq, start, end)
    surges = load_surges(store, freq, SurgeSettings(threshold=threshold, min_events=min_events), start, end, origin, evidence)
    if wanted is not None:
        pair = {wanted.a, wanted.b}
        surges = [
            s for s in surges
            if ((s.source, s.target) == (wanted.a, wanted.b) if wanted.directed else {s.source, s.target} == pair)
        ]
    return JSONResponse({
        "freq": freq,
        "alerts": [s.to_dict() for s in surges[: settings.max_alerts]],
        "truncated": len(surges) > settings.max_alerts,
    })

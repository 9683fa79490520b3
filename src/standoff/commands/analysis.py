"""Commands over the analysis: series, tension, alerts, backtest. Each parses arguments and calls the library."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from standoff.analysis.settings import DEFAULT_FREQ, EVIDENCE, HALF_LIFE, MIN_EVENTS, PRIOR, THRESHOLD, TOP, Setting
from standoff.commands.store import _date, _user_errors, db_option
from standoff.model import FREQS

_F = TypeVar("_F", bound=Callable[..., Any])

FREQ = click.option("--freq", type=click.Choice(FREQS), default=DEFAULT_FREQ, show_default=True, help="Period length (weeks start on Monday).")
SINCE = click.option("--since", callback=_date, help="First event date (YYYY-MM-DD); its whole period is counted.")
UNTIL = click.option("--until", callback=_date, help="Last event date (YYYY-MM-DD); its whole period is counted.")
ORIGIN = click.option("--origin", help="Only events of this origin (standoff, gdelt, keds, plover), in counts and totals alike.")
DYAD = click.option("--dyad", help="Two country codes: USA-PRK (both directions) or USA->PRK (USA acting on PRK).")
ACTOR = click.option("--actor", help="An actor or country code on either side (instead of, or with, --dyad).")


def _setting(setting: Setting) -> Callable[[_F], _F]:
    """The option of an analysis setting, with the default and bounds the API uses too."""
    bounds = (
        click.IntRange(int(setting.low), int(setting.high), min_open=setting.low_open)
        if setting.integer
        else click.FloatRange(setting.low, setting.high, min_open=setting.low_open)
    )
    return click.option(setting.option, setting.name, type=bounds, default=setting.default, show_default=True, help=setting.help)


def _console() -> Any:
    from standoff.output import console_for

    return console_for()


def _number(value: Any, spec: str = ".2f") -> str:
    import math

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return format(value, spec)


# ---------------------------------------------------------------- series

SERIES_TABLE = (
    ("events", "events", "d"),
    ("incidents", "incidents", "d"),
    ("events_q1", "verbal coop", "d"),
    ("events_q2", "material coop", "d"),
    ("events_q3", "verbal conflict", "d"),
    ("events_q4", "material conflict", "d"),
    ("conflict_share", "conflict share", ".2f"),
    ("goldstein_sum", "Goldstein sum", ".1f"),
    ("goldstein_mean", "Goldstein mean", ".2f"),
    ("events_per1k", "events /1k", ".1f"),
    ("conflict_per1k", "conflict /1k", ".1f"),
)


@click.command()
@DYAD
@ACTOR
@FREQ
@SINCE
@UNTIL
@ORIGIN
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True, help="csv and json carry every column (all CAMEO roots, incidents, per-1k twins).")
@click.option("--plot", "plot_to", type=click.Path(dir_okay=False, path_type=Path), help="Also draw the series (and its tension index) to this .png or .svg file.")
@_user_errors
def series(dyad: str | None, actor: str | None, freq: str, since: date | None, until: date | None, origin: str | None, db: Path, fmt: str, plot_to: Path | None) -> None:
    """Event and incident counts per period for a dyad, actor or country: by QuadClass and CAMEO root,
    Goldstein sum and mean, conflict share, and each count per 1,000 of all events stored in the period."""
    from standoff.analysis import operations
    from standoff.analysis.empty import require_events
    from standoff.analysis.jsonable import records
    from standoff.store import Store

    chosen = operations.selection(dyad, actor, origin)
    with Store(db, read_only=True) as store:
        require_events(store, chosen.where(since, until), chosen.label)
        result = operations.series(store, chosen, freq, since, until)
    frame, title = result.series, f"{chosen.label}, by {freq}"
    if plot_to is not None:
        from standoff.analysis.plot import plot_series

        plot_series(frame, title, plot_to, result.tension)
    if fmt == "csv":
        click.echo(frame.rename_axis("period").reset_index().to_csv(index=False, date_format="%Y-%m-%d"), nl=False)
        click.echo(result.left_out.text(), err=True)  # the CSV stays a table
    elif fmt == "json":
        body = {"selection": chosen.label, "freq": freq, "periods": records(frame, index="period"), "left_out": result.left_out.to_dict()}
        click.echo(json.dumps(body, indent=1))
    else:
        _series_table(frame, title)
        click.echo(result.left_out.text())
    if plot_to is not None:
        click.echo(f"plot written to {plot_to}", err=True)


def _series_table(frame: Any, title: str) -> None:
    from rich.table import Table

    table = Table(title=title)
    table.add_column("period")
    for _, header, _ in SERIES_TABLE:
        table.add_column(header, justify="right")
    for period, row in frame.iterrows():
        table.add_row(period.date().isoformat(), *(_number(row[name], spec) if spec != "d" else str(int(row[name])) for name, _, spec in SERIES_TABLE))
    _console().print(table)


# ---------------------------------------------------------------- tension


@click.command()
@DYAD
@ACTOR
@FREQ
@SINCE
@UNTIL
@ORIGIN
@db_option
@_setting(HALF_LIFE)
@_setting(PRIOR)
@click.option("--period", "period_day", callback=_date, help="Explain the change in the period holding this date (default: the last period).")
@_setting(TOP)
@click.option("--last", type=click.IntRange(min=1), default=12, show_default=True, help="Periods shown in the table (json: all).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_user_errors
def tension(
    dyad: str | None, actor: str | None, freq: str, since: date | None, until: date | None, origin: str | None, db: Path,
    half_life: float, prior: float, period_day: date | None, top: int, last: int, fmt: str,
) -> None:
    """Tension index of a dyad: minus the discounted mean Goldstein score (conflict > 0 > cooperation),
    with a 95% band from the number of events behind it, and the events that moved it most.
    A tension indicator: it describes the record and forecasts nothing."""
    from standoff.analysis import operations
    from standoff.analysis.empty import require_events
    from standoff.analysis.jsonable import records
    from standoff.analysis.tension import TensionSettings
    from standoff.store import Store

    chosen = operations.selection(dyad, actor, origin)
    with Store(db, read_only=True) as store:
        require_events(store, chosen.where(since, until), chosen.label)
        result = operations.tension(store, chosen, freq, since, until, TensionSettings(half_life, prior), period_day, top)
    moved = result.moved
    if fmt == "json":
        body = {
            "selection": chosen.label, "freq": freq, "index": records(result.index, index="period"), "moved": moved.to_dict(),
            "left_out": result.left_out.to_dict(),
        }
        click.echo(json.dumps(body, indent=1))
        return
    _tension_table(result.index.tail(last), f"tension index, {chosen.label}, by {freq} (half-life {half_life:g} periods)")
    click.echo(result.left_out.text())
    click.echo(
        f"\nWhat moved it in the period of {moved.period.date()}: {moved.before:+.2f} -> {moved.after:+.2f} "
        f"({moved.after - moved.before:+.2f}: {moved.fading:+.2f} as earlier events faded, {moved.new_events:+.2f} from the period's events)"
    )
    for event in moved.events:
        sentence = (event.get("text") or "").replace("\n", " ")
        click.echo(
            f"  {event['influence']:+.2f}  {event['event_date']}  {event['source'] or '?'} {event['cameo'] or '-'} "
            f"{event['target'] or '?'}  Goldstein {_number(event['goldstein'], '+.1f')}  {event['id']}"
            + (f"\n         {sentence[:200]}" if sentence else "")
        )


def _tension_table(index: Any, title: str) -> None:
    from rich.table import Table

    table = Table(title=title)
    for header in ("period", "new events", "weight", "tension", "95% low", "95% high"):
        table.add_column(header, justify="right")
    for period, row in index.iterrows():
        table.add_row(
            period.date().isoformat(), str(int(row["events"])), f"{row['weight']:.1f}",
            f"{row['tension']:+.2f}", f"{row['low']:+.2f}", f"{row['high']:+.2f}",
        )
    _console().print(table)


# ---------------------------------------------------------------- alerts


@click.command()
@FREQ
@SINCE
@UNTIL
@ORIGIN
@db_option
@DYAD
@_setting(THRESHOLD)
@_setting(MIN_EVENTS)
@_setting(EVIDENCE)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_user_errors
def alerts(
    freq: str, since: date | None, until: date | None, origin: str | None, db: Path, dyad: str | None, threshold: float,
    min_events: int, evidence: int, fmt: str,
) -> None:
    """Surge alerts: directed dyads whose conflict events (QuadClass 3-4) in the latest period (or in each
    period from --since) reach THRESHOLD times both their 4-period and 52-period baselines; with the events.
    They describe what happened, as a tension indicator; they are not forecasts."""
    from standoff.analysis import operations
    from standoff.analysis.alerts import SurgeSettings
    from standoff.store import Store

    settings = SurgeSettings(threshold=threshold, min_events=min_events)
    with Store(db, read_only=True) as store:
        found = operations.alerts(store, freq, settings, since, until, origin, dyad, evidence)
    surges, missing = found.surges, found.left_out
    if fmt == "json":
        click.echo(json.dumps([surge.to_dict() for surge in surges], indent=1))
        click.echo(missing.text(), err=True)  # the list stays a list
        return
    if not surges:
        click.echo("no surges: no dyad reached the threshold against both baselines")
        click.echo(missing.text())
        return
    for surge in surges:
        click.echo(
            f"{surge.period.date()}  {surge.dyad}: {surge.events} conflict events; "
            f"{_number(surge.baseline_short, '.1f')} a period over the last {settings.short} (x{surge.ratio_short:.1f}), "
            f"{_number(surge.baseline_long, '.1f')} over the last {settings.long} (x{surge.ratio_long:.1f})"
        )
        for event in surge.evidence:
            sentence = (event.get("text") or "").replace("\n", " ")
            click.echo(
                f"    {event['event_date']}  {event['source'] or '?'} {event['cameo'] or '-'} {event['target'] or '?'}"
                f"  Goldstein {_number(event['goldstein'], '+.1f')}  {event['id']}" + (f"\n        {sentence[:200]}" if sentence else "")
            )
    click.echo(f"{len(surges)} surge alerts")
    click.echo(missing.text())


# ---------------------------------------------------------------- backtest

BACKTEST_ROWS = (
    ("mae", "MAE (events)", ".3f"),
    ("crps", "CRPS", ".3f"),
    ("crps_skill", "CRPS skill vs climatology", "+.3f"),
    ("brier", "Brier score (escalation)", ".4f"),
    ("brier_skill", "Brier skill vs climatology", "+.3f"),
    ("hit_rate", "hit rate at the alert budget", ".3f"),
    ("false_alarms_per_year", "false alarms per year", ".1f"),
)


@click.command()
@click.option("--dyad", required=True, help="ISR->PAL (ISR acting on PAL; the reverse gives reciprocity terms) or ISR-PAL (both directions summed).")
@FREQ
@click.option("--target", type=click.Choice(["conflict", "material-conflict"]), default="conflict", show_default=True, help="Count QuadClass 3-4 or only 4.")
@click.option("--calibrate", "calibration_start", callback=_date, help="First period of the calibration window (default: half way).")
@click.option("--test", "test_start", callback=_date, help="First period of the test window (default: 65% of the way).")
@SINCE
@UNTIL
@ORIGIN
@db_option
@click.option("--escalation-quantile", type=click.FloatRange(0.5, 0.99), default=0.9, show_default=True, help="An escalation is a period above this quantile of the calibration window's counts.")
@click.option("--budget", type=click.FloatRange(0.01, 0.5), help="Share of periods an alert may be raised in (default: 1 - escalation quantile).")
@click.option("--refit-every", type=click.IntRange(min=1), default=1, show_default=True, help="Periods between refits of the regression.")
@click.option("--forecasts", "forecasts_to", type=click.Path(dir_okay=False, path_type=Path), help="Write each test period's forecasts to this CSV file.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table", show_default=True)
@_user_errors
def backtest(
    dyad: str, freq: str, target: str, calibration_start: date | None, test_start: date | None, since: date | None, until: date | None,
    origin: str | None, db: Path, escalation_quantile: float, budget: float | None, refit_every: int, forecasts_to: Path | None, fmt: str,
) -> None:
    """Back-test the next-period conflict forecast of a dyad (rolling origin, settings fixed on the calibration
    window) against persistence and climatology: MAE, CRPS, Brier score, hit rate and false alarms per year."""
    from standoff.analysis.backtest import BacktestSettings, load_backtest_data, run_backtest
    from standoff.analysis.coverage import left_out
    from standoff.analysis.empty import require_events
    from standoff.progress import progress_for
    from standoff.store import Dyad, EventFilter, Store

    parsed = Dyad.parse(dyad)
    settings = BacktestSettings(
        freq=freq, target=target, calibration_start=calibration_start, test_start=test_start,
        escalation_quantile=escalation_quantile, budget=budget, refit_every=refit_every,
    )
    with Store(db, read_only=True) as store:
        require_events(store, EventFilter(dyad=parsed, since=since, until=until, origin=origin), dyad)
        data = load_backtest_data(store, parsed, settings, since, until, origin)
        missing = left_out(store, EventFilter(dyad=parsed, since=since, until=until, origin=origin), freq)
    result = run_backtest(data, settings, f"{parsed.a}{'->' if parsed.directed else '-'}{parsed.b}", progress_for("backtest", "forecasts"))
    if forecasts_to is not None:
        result.forecasts.rename_axis("period").reset_index().to_csv(forecasts_to, index=False, date_format="%Y-%m-%d")
    if fmt == "json":
        click.echo(json.dumps({**result.to_dict(), "left_out": missing.to_dict()}, indent=1))
    elif fmt == "markdown":
        click.echo(_backtest_markdown(result) + f"\n\n{missing.text()}")
    else:
        _backtest_table(result)
        click.echo(missing.text())


def _backtest_lines(result: Any) -> list[str]:
    windows = ", ".join(f"{name} {first.date()}..{last.date()} ({n})" for name, (first, last, n) in result.periods.items())
    share = result.settings.alert_share
    return [
        f"{result.dyad}, {result.settings.target} events per {result.settings.freq}; windows: {windows}",
        f"model chosen on the calibration window: {result.variant.name}; escalation: more than {result.escalation_level:g} events "
        f"({result.escalations} such periods in the test window); alert budget {share:.0%} of periods",
    ]


def _backtest_table(result: Any) -> None:
    from rich.table import Table

    for line in _backtest_lines(result):
        click.echo(line)
    table = Table()
    table.add_column("test window")
    for name in ("model", "persistence", "climatology"):
        table.add_column(name, justify="right")
    for key, label, spec in BACKTEST_ROWS:
        table.add_row(label, *(_number(getattr(result.scores[name], key), spec) for name in ("model", "persistence", "climatology")))
    _console().print(table)
    nxt = result.next_period
    click.echo(
        f"next period ({nxt['period'].date()}): mean {nxt['mean']:.2f} events, 80% interval {nxt['low_80']:g}-{nxt['high_80']:g}, "
        f"P(more than {result.escalation_level:g}) = {nxt['p_escalation']:.2f}"
    )
    click.echo(result.verdict())


def _backtest_markdown(result: Any) -> str:
    lines = [f"- {line}" for line in _backtest_lines(result)] + ["", "| test window | model | persistence | climatology |", "| --- | ---: | ---: | ---: |"]
    for key, label, spec in BACKTEST_ROWS:
        values = [_number(getattr(result.scores[name], key), spec) for name in ("model", "persistence", "climatology")]
        lines.append(f"| {label} | " + " | ".join(values) + " |")
    lines += ["", f"Beats both baselines on MAE, CRPS and Brier: **{'yes' if result.beats_both else 'no'}**."]
    return "\n".join(lines)

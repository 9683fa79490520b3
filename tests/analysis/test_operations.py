"""The operations layer: one set of defaults and checks for the commands, the API and the library."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from standoff.analysis import operations
from standoff.analysis.alerts import SurgeSettings
from standoff.analysis.settings import EVIDENCE, HALF_LIFE, MIN_EVENTS, PRIOR, THRESHOLD, TOP, Setting
from standoff.analysis.tension import TensionSettings
from standoff.cli import main
from standoff.errors import AnalysisError, BadQuery
from standoff.store import Store

START = date(2023, 1, 2)
COMMAND = {HALF_LIFE: "tension", PRIOR: "tension", TOP: "tension", THRESHOLD: "alerts", MIN_EVENTS: "alerts", EVIDENCE: "alerts"}


def outside(setting: Setting) -> list[float]:
    """Values just outside the setting's bounds."""
    step = 1 if setting.integer else 0.001
    return [setting.low if setting.low_open else setting.low - step, setting.high + step]


@pytest.fixture
def db(make_store, event):
    # USA->PRK: six strikes every week for 11 weeks; JPN->CHN: six in the last week only
    rows = [event(f"a{w}-{k}", START + timedelta(weeks=w), "USA", "PRK", "190", 4, -10.0, text=f"Strike {k}.") for w in range(11) for k in range(6)]
    rows += [event(f"j{k}", START + timedelta(weeks=10), "JPN", "CHN", "190", 4, -10.0) for k in range(6)]
    return str(make_store(rows))


@pytest.mark.parametrize("setting", list(COMMAND), ids=lambda s: s.name)
def test_the_command_line_refuses_what_the_library_refuses(db, setting: Setting) -> None:
    for value in outside(setting):
        with pytest.raises(AnalysisError, match=setting.name):
            setting.check(value)
        result = CliRunner().invoke(main, [COMMAND[setting], "--db", db, setting.option, str(value)])
        assert result.exit_code == 2 and setting.option in result.output, result.output
    accepted = CliRunner().invoke(main, [COMMAND[setting], "--db", db, setting.option, str(setting.high), "--format", "json"])
    assert accepted.exit_code == 0, accepted.output


def test_settings_classes_check_their_values() -> None:
    with pytest.raises(AnalysisError, match="half_life"):
        TensionSettings(half_life=0)
    with pytest.raises(AnalysisError, match="threshold"):
        SurgeSettings(threshold=0.5)
    assert (TensionSettings().half_life, SurgeSettings().min_events) == (HALF_LIFE.default, MIN_EVENTS.default)


def test_dates_must_not_run_backwards(db) -> None:
    with Store(db, read_only=True) as store:
        for call in (operations.series, operations.tension):
            with pytest.raises(BadQuery, match="after the end"):
                call(store, operations.selection("USA-PRK"), "week", date(2023, 3, 1), date(2023, 2, 1))
        with pytest.raises(BadQuery, match="after the end"):
            operations.alerts(store, "week", since=date(2023, 3, 1), until=date(2023, 2, 1))
    result = CliRunner().invoke(main, ["series", "--db", db, "--dyad", "USA-PRK", "--since", "2023-03-01", "--until", "2023-02-01"])
    assert result.exit_code == 1 and "E602" in result.output


def test_alerts_of_one_dyad_and_a_limit(db) -> None:
    with Store(db, read_only=True) as store:
        every = operations.alerts(store, "week", SurgeSettings(min_events=3), evidence=2)
        assert [s.dyad for s in every.surges] == ["JPN->CHN"] and not every.truncated  # USA->PRK is steady
        assert len(every.surges[0].evidence) == 2
        assert len(operations.alerts(store, "week", dyad="CHN-JPN").surges) == 1
        assert operations.alerts(store, "week", dyad="CHN->JPN").surges == []
        limited = operations.alerts(store, "week", evidence=0, limit=0)
        assert (limited.surges, limited.truncated) == ([], True)
    shown = json.loads(CliRunner().invoke(main, ["alerts", "--db", db, "--dyad", "JPN-CHN", "--format", "json"]).stdout)  # the note on what was left out goes to stderr
    assert [a["dyad"] for a in shown] == ["JPN->CHN"]


def test_tension_names_a_period_outside_the_series(db) -> None:
    with Store(db, read_only=True) as store, pytest.raises(AnalysisError, match="outside the range"):
        operations.tension(store, operations.selection("USA-PRK"), "week", period=date(2030, 1, 1))

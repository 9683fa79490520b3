"""Issue 17's check: an event counts in the period of its own date. Articles of March 2019 that
recall an invasion of 2018 are coded by the real coder and stored in a real DuckDB file; the
series then count the invasion in 2018 only where the text gives its date, never in 2019."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from standoff.analysis.coverage import left_out
from standoff.analysis.series import Selection, load_series
from standoff.runners.local import IngestOptions, ingest
from standoff.runners.progress import IngestProgress
from standoff.store import Dyad, Store

PUBLISHED = "2019-03-04"
RECALLED = {
    "undated": "Russian troops had invaded Georgia.",  # background the text does not date
    "month": "Russian troops invaded Georgia in August 2018.",
    "day": "Russian troops invaded Georgia on 8 August 2018.",
}
RUS_GEO = Selection(Dyad("RUS", "GEO", directed=True))


@pytest.fixture(scope="module")
def db(coder, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("recalled")
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": k, "text": t, "date": PUBLISHED}) + "\n" for k, t in RECALLED.items()), encoding="utf-8")
    ingest([str(feed)], folder / "s.duckdb", IngestOptions(), IngestProgress(), coder=coder)
    return folder / "s.duckdb"


def test_the_coder_dates_the_recalled_invasions(db: Path) -> None:
    with Store(db, read_only=True) as store:
        rows = store.fetch("SELECT article_id, cameo_root, event_date, date_basis, date_precision FROM events ORDER BY article_id").to_pylist()
    assert [(r["article_id"], r["cameo_root"]) for r in rows] == [("day", "19"), ("month", "19"), ("undated", "19")]
    assert [(r["event_date"], r["date_basis"], r["date_precision"]) for r in rows] == [
        (date(2018, 8, 8), "text", "day"),
        (date(2018, 8, 1), "text", "month"),
        (None, "unknown", None),
    ]


def test_an_article_of_2019_adds_nothing_to_2019s_conflict_count(db: Path) -> None:
    with Store(db, read_only=True) as store:
        monthly = load_series(store, RUS_GEO, "month", date(2018, 1, 1), date(2019, 12, 31))
    assert monthly.loc["2019", "conflict"].sum() == 0
    assert monthly.loc["2018-08-01", "conflict"] == 2  # the two whose text gives the month
    assert monthly["conflict"].sum() == 2


def test_a_recalled_event_counts_only_where_its_date_is_given_precisely_enough(db: Path) -> None:
    with Store(db, read_only=True) as store:
        weekly = load_series(store, RUS_GEO, "week", date(2018, 1, 1), date(2019, 12, 31))
        missing = left_out(store, RUS_GEO.where(date(2018, 1, 1), date(2019, 12, 31)), "week")
    assert weekly["conflict"].sum() == 1 and weekly.loc["2018-08-06", "conflict"] == 1  # only the day is in a week
    assert (missing.undated, missing.coarser) == (1, {"month": 1})

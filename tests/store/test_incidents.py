"""Incidents: one real-world event reported by many articles is counted once."""

from __future__ import annotations

from datetime import date, timedelta

from standoff.runners.local import IngestOptions, ingest
from standoff.store import EventFilter, Store, count_events
from standoff.store.incidents import IncidentIndex, trigger_key

DAY = date(2017, 8, 29)


def row(event_id: str, day: date = DAY, cameo: str = "150", trigger: str = "launched", target: str | None = None) -> dict:
    return {
        "id": event_id, "source_country": "PRK", "target_country": target, "cameo": cameo, "cameo_root": cameo[:2],
        "event_date": day, "trigger": trigger, "modality": "asserted",
    }


def test_trigger_key_is_stems_of_content_words():
    assert trigger_key("launched missiles") == {"launch", "missil"}
    assert trigger_key("Launches") == trigger_key("launching") == {"launch"}
    assert trigger_key("called on") == {"call"}
    assert trigger_key(None) == frozenset()


def test_events_join_an_incident_within_the_window_and_by_similar_trigger():
    index = IncidentIndex([])
    first = index.assign(row("a"))
    assert index.assign(row("b", DAY + timedelta(days=1), cameo="152", trigger="launch")) == first  # same stem
    assert index.assign(row("c", DAY - timedelta(days=1), cameo="150", trigger="fired")) == first  # same code
    assert index.assign(row("d", DAY + timedelta(days=2))) != first  # outside the window of the first report
    assert index.assign(row("e", target="JPN")) != first  # another dyad
    assert index.assign(row("f", cameo="154", trigger="mobilised")) != first  # another act on the same day
    assert [i.id for i in index.created] == ["a", "d", "e", "f"]


def test_reports_from_many_outlets_are_one_incident(coder, tmp_path, write_jsonl):
    launch = "North Korea launched a ballistic missile on Tuesday, the defence ministry said."
    records = [
        {"id": "wire-a", "text": launch, "date": DAY.isoformat(), "source": "Wire A"},
        {"id": "wire-b", "text": "North Korea fired a ballistic missile on Tuesday.", "date": DAY.isoformat(), "source": "Wire B"},
        {"id": "wire-a-2", "text": "On Tuesday North Korea launched a missile.", "date": DAY.isoformat(), "source": "Wire A"},
        {"id": "later", "text": "North Korea launched another missile on Tuesday.", "date": (DAY + timedelta(days=7)).isoformat(), "source": "Wire B"},
    ]
    db = tmp_path / "s.duckdb"
    ingest([str(write_jsonl(tmp_path / "feed.jsonl", records))], db, IngestOptions(batch_size=2), coder=coder)
    with Store(db, read_only=True) as store:
        incidents = store.fetch("SELECT id, mentions, articles, sources, first_date FROM incidents ORDER BY first_date").to_pylist()
        launches = EventFilter(actor="PRK", root="15")
        assert count_events(store, launches, "events") == 4
        assert count_events(store, launches, "incidents") == 2
    assert [(i["mentions"], i["articles"], i["sources"]) for i in incidents] == [(3, 3, 2), (1, 1, 1)]

    # One article is corrected and no longer reports the launch: the incident loses that mention.
    corrected = {**records[1], "text": "Japan condemned North Korea on Tuesday."}
    ingest([str(write_jsonl(tmp_path / "fix.jsonl", [corrected]))], db, IngestOptions(), coder=coder)
    with Store(db, read_only=True) as store:
        first = store.fetch(
            "SELECT mentions, articles, sources FROM incidents WHERE first_date = ? AND source_country = 'PRK'", [DAY]
        ).to_pylist()
    assert [(i["mentions"], i["articles"], i["sources"]) for i in first] == [(2, 2, 1)]

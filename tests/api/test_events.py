"""/api/events and /api/events/{id}: filters, fields, pages, the cursor, and bad parameters."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from standoff.pipeline import Coder

TOTAL = 17  # events the conftest's articles give
HOSTILE_ID = "hostile-1"
EMOJI_ID = "emoji-1"


def ids(client: TestClient, **params: object) -> list[str]:
    answer = client.get("/api/events", params={"limit": 1000, **params})
    assert answer.status_code == 200, answer.text
    return [event["id"] for event in answer.json()["events"]]


def test_lists_every_event_by_date_with_the_default_fields(client: TestClient) -> None:
    page = client.get("/api/events").json()
    assert (page["total"], page["count"], page["limit"], page["offset"], page["more"]) == (TOTAL, TOTAL, 50, 0, False)
    dates = [event["event_date"] for event in page["events"]]
    assert dates == sorted(dates) and dates[0] == "2017-06-06" and dates[-1] == "2017-08-12"
    assert set(page["events"][0]) == {
        "id", "event_date", "source", "source_country", "source_text", "cameo", "cameo_root", "plover", "quad_class",
        "goldstein", "modality", "target", "target_country", "target_text", "text", "trigger", "article_id",
        "incident_id", "origin", "confidence",
    }
    newest = client.get("/api/events", params={"order": "desc"}).json()["events"]
    assert [e["event_date"] for e in newest] == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"dyad": "USA-PRK"}, 10),
        ({"dyad": "prk-usa"}, 10),
        ({"dyad": "USA->PRK"}, 3),
        ({"dyad": "PRK->USA"}, 7),
        ({"actor": "PRK"}, 14),
        ({"actor": "RUSGOV"}, 1),
        ({"actor": "rus"}, 3),
        ({"country": "JPN"}, 4),
        ({"root": "13"}, 2),
        ({"root": "5"}, 5),
        ({"plover": "THREATEN"}, 2),
        ({"plover": "threaten"}, 2),
        ({"quad": 4}, 2),
        ({"modality": "reported"}, 2),
        ({"since": "2017-08-01", "until": "2017-08-31"}, 8),
        ({"since": "2017-08-12"}, 2),
        ({"until": "2017-06-06"}, 2),
        ({"start": "2017-08-01", "end": "2017-08-31"}, 8),  # their old names, for one release
        ({"q": "MISSILE"}, 1),
        ({"q": "a war"}, 3),
        ({"location": "CHE"}, 1),
        ({"origin": "standoff"}, TOTAL),
        ({"origin": "keds"}, 0),
        ({"dyad": "USA-PRK", "since": "2017-08-01", "quad": 3}, 6),
    ],
)
def test_filters(client: TestClient, params: dict[str, object], expected: int) -> None:
    page = client.get("/api/events", params=params).json()
    assert page["total"] == expected == page["count"]


def test_filters_select_the_right_events(client: TestClient) -> None:
    for event in client.get("/api/events", params={"dyad": "USA->PRK", "fields": "source_country,target_country"}).json()["events"]:
        assert (event["source_country"], event["target_country"]) == ("USA", "PRK")
    for event in client.get("/api/events", params={"q": "missile", "fields": "text"}).json()["events"]:
        assert "missile" in event["text"]


def test_text_search_is_a_parameter_not_sql(client: TestClient) -> None:
    # with LIKE, "N%a" and "N_rth" would match "North Korea ..."; as a plain substring they match nothing
    for text in ("'; DROP TABLE events; --", "N%a", "N_rth", "\\", '" OR 1=1 --'):
        assert client.get("/api/events", params={"q": text}).json()["total"] == 0
    assert client.get("/api/events").json()["total"] == TOTAL


def test_field_selection(client: TestClient) -> None:
    events = client.get("/api/events", params={"fields": "cameo, event_date"}).json()["events"]
    assert all(list(event) == ["id", "cameo", "event_date"] for event in events)
    every = client.get("/api/events", params={"fields": "all", "limit": 1}).json()["events"][0]
    assert {"sentence_start", "trigger_end", "location_lat", "run_id", "url"} <= set(every)


def test_pages_cover_every_event_once(client: TestClient) -> None:
    seen: list[str] = []
    offset = 0
    while True:
        page = client.get("/api/events", params={"limit": 5, "offset": offset, "fields": "id"}).json()
        seen += [event["id"] for event in page["events"]]
        assert page["total"] == TOTAL
        if not page["more"]:
            break
        offset += 5
    assert len(seen) == len(set(seen)) == TOTAL
    assert seen == ids(client)
    past = client.get("/api/events", params={"offset": 100}).json()
    assert (past["count"], past["more"], past["events"]) == (0, False, [])


def test_after_cursor_pulls_in_stored_order_and_resumes(client: TestClient) -> None:
    pulled: list[str] = []
    cursor = "0"
    for _ in range(10):
        page = client.get("/api/events", params={"after": cursor, "limit": 4, "fields": "id"}).json()
        pulled += [event["id"] for event in page["events"]]
        assert page["total"] == TOTAL - len(pulled) + page["count"]
        cursor = page["cursor"]
        if not page["more"]:
            break
    assert sorted(pulled) == sorted(ids(client)) and len(set(pulled)) == TOTAL
    assert client.get("/api/events", params={"after": cursor}).json()["events"] == []
    # a plain query's cursor is the end of the newest run it matched: nothing comes after it yet
    newest = client.get("/api/events", params={"limit": 1}).json()["cursor"]
    assert newest == "1" == cursor.split(":")[0]
    assert client.get("/api/events", params={"after": newest}).json()["total"] == 0


def test_after_combines_with_filters(client: TestClient) -> None:
    page = client.get("/api/events", params={"after": "0", "dyad": "USA->PRK", "limit": 2}).json()
    assert (page["total"], page["count"], page["more"]) == (3, 2, True)
    rest = client.get("/api/events", params={"after": page["cursor"], "dyad": "USA->PRK", "since": "2017-01-01"}).json()
    assert rest["count"] == 1 and rest["events"][0]["id"] not in {e["id"] for e in page["events"]}


def test_since_is_a_date_and_a_cursor_under_its_old_name_still_pages(client: TestClient) -> None:
    dated = client.get("/api/events", params={"since": "2017-08-01", "fields": "id,event_date"})
    assert dated.status_code == 200 and all(e["event_date"] >= "2017-08-01" for e in dated.json()["events"])
    assert dated.json()["total"] == client.get("/api/events", params={"start": "2017-08-01"}).json()["total"] > 0
    old = client.get("/api/events", params={"since": "0", "limit": 3, "fields": "id"}).json()
    new = client.get("/api/events", params={"after": "0", "limit": 3, "fields": "id"}).json()
    assert old == new and old["cursor"] != "0"


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"limit": 0}, "E801"),
        ({"limit": 1001}, "E801"),
        ({"offset": -1}, "E801"),
        ({"start": "yesterday"}, "E801"),
        ({"start": "2017-02-30"}, "E801"),
        ({"start": "2017-09-01", "end": "2017-08-01"}, "E602"),
        ({"dyad": "USA"}, "E602"),
        ({"dyad": "USA-PRK; DROP TABLE events"}, "E602"),
        ({"root": "21"}, "E602"),
        ({"root": "x"}, "E801"),
        ({"quad": 5}, "E801"),
        ({"modality": "maybe"}, "E801"),
        ({"plover": "NOPE"}, "E602"),
        ({"country": "US1"}, "E801"),
        ({"actor": "PRK' OR '1'='1"}, "E801"),
        ({"since": "garbage"}, "E602"),
        ({"since": "-1"}, "E602"),
        ({"since": "yesterday"}, "E602"),
        ({"since": "2017-02-30"}, "E602"),
        ({"since": "2017-09-01", "until": "2017-08-01"}, "E602"),
        ({"since": "2017-09-01", "start": "2017-09-01"}, "E602"),
        ({"after": "garbage"}, "E602"),
        ({"after": "0", "since": "0"}, "E602"),
        ({"fields": "id,nope"}, "E602"),
        ({"fields": 'id,"text"'}, "E602"),
        ({"q": "x" * 201}, "E801"),
        ({"order": "sideways"}, "E801"),
    ],
)
def test_bad_parameters_are_json_errors(client: TestClient, params: dict[str, object], code: str) -> None:
    answer = client.get("/api/events", params=params)
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/json")
    error = answer.json()["error"]
    assert (error["code"], error["status"]) == (code, 422) and error["message"]


def _event_of(client: TestClient, article_id: str, trigger: str) -> dict:
    events = client.get("/api/events", params={"fields": "article_id,trigger", "limit": 1000}).json()["events"]
    return next(e for e in events if e["article_id"] == article_id and e["trigger"] == trigger)


def test_one_event_with_its_spans_article_actors_and_incident(client: TestClient) -> None:
    wanted = _event_of(client, HOSTILE_ID, "accused")
    detail = client.get(f"/api/events/{wanted['id']}").json()
    event, article, spans = detail["event"], detail["article"], detail["spans"]
    assert event["id"] == wanted["id"] and article["id"] == HOSTILE_ID
    assert "<script>window.__pwned = 'script';</script>" in article["text"]  # stored and served as it was written
    text = article["text"]
    assert text[slice(*spans["sentence"])] == event["text"]
    assert text[slice(*spans["trigger"])] == "accused"
    assert text[slice(*spans["source"])] == "North Korea" == event["source_text"]
    assert text[slice(*spans["target"])] == "the United States"
    assert {a["role"] for a in detail["actors"]} == {"source", "target"}
    assert detail["incident"]["id"] == event["incident_id"]


def test_spans_count_code_points(client: TestClient) -> None:
    wanted = _event_of(client, EMOJI_ID, "threatened")
    detail = client.get(f"/api/events/{wanted['id']}").json()
    assert detail["article"]["text"][slice(*detail["spans"]["trigger"])] == "threatened"


def test_unknown_event_is_404(client: TestClient) -> None:
    answer = client.get("/api/events/no-such-event")
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "E802"


def _article(number: int, sentence: str) -> str:
    import json

    return json.dumps({"id": f"more-{number}", "date": f"2018-01-{number:02d}", "text": sentence}) + "\n"


def test_cursor_gives_only_events_stored_by_later_runs_and_ids_are_stable(tmp_path: Path, coder: Coder) -> None:
    from standoff.api import ApiSettings, create_app
    from standoff.runners.local import ingest

    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(_article(1, "Russia praised China for its help.") + _article(2, "China accused Japan of violating the ceasefire."))
    second.write_text(_article(3, "Japan threatened Russia with military action."))
    db = tmp_path / "growing.duckdb"
    ingest([first], db, coder=coder)
    with TestClient(create_app(ApiSettings(db)), base_url="http://127.0.0.1") as before:
        page = before.get("/api/events", params={"after": "0"}).json()
        ids_before = {e["id"] for e in page["events"]}
        plain_cursor = before.get("/api/events").json()["cursor"]
    assert page["count"] == 2 and not page["more"]
    ingest([second], db, coder=coder)
    with TestClient(create_app(ApiSettings(db)), base_url="http://127.0.0.1") as after:
        new = after.get("/api/events", params={"after": page["cursor"]}).json()
        assert after.get("/api/events", params={"after": plain_cursor}).json()["events"] == new["events"]
        everything = {e["id"] for e in after.get("/api/events").json()["events"]}
    assert new["count"] == 1 and new["events"][0]["article_id"] == "more-3"
    assert everything == ids_before | {new["events"][0]["id"]}
    # the same articles coded into another store get the same ids
    again = tmp_path / "again.duckdb"
    ingest([first], again, coder=coder)
    with TestClient(create_app(ApiSettings(again)), base_url="http://127.0.0.1") as other:
        assert {e["id"] for e in other.get("/api/events").json()["events"]} == ids_before

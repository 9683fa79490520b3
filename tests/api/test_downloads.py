"""CSV and Parquet downloads of any event query, and their size bound."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow.parquet as pq
from fastapi.testclient import TestClient

from standoff.api import ApiSettings, create_app
from standoff.store.schema import EVENTS


def test_csv_of_a_filtered_query(client: TestClient) -> None:
    answer = client.get("/api/events.csv", params={"dyad": "USA-PRK"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in answer.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert len(rows) == 10 == int(answer.headers["x-event-count"])
    assert list(rows[0]) == list(EVENTS.names)
    assert {(r["source_country"], r["target_country"]) for r in rows} == {("USA", "PRK"), ("PRK", "USA")}
    hostile = [r for r in rows if r["article_id"] == "hostile-1" and r["trigger"] == "condemned"]
    assert "<img src=x onerror=" in hostile[0]["text"]  # data, written as it is


def test_csv_fields_order_and_paging(client: TestClient) -> None:
    answer = client.get("/api/events.csv", params={"fields": "event_date,cameo", "order": "desc", "limit": 3, "offset": 1})
    rows = list(csv.reader(io.StringIO(answer.text)))
    assert rows[0] == ["id", "event_date", "cameo"]
    assert len(rows) == 4 and rows[1][1] == "2017-08-12" and rows[3][1] == "2017-08-10"


def test_parquet_of_a_query(client: TestClient) -> None:
    answer = client.get("/api/events.parquet", params={"plover": "THREATEN"})
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/vnd.apache.parquet"
    table = pq.read_table(io.BytesIO(answer.content))
    assert table.num_rows == 2 and table.column_names == list(EVENTS.names)
    assert set(table.column("plover").to_pylist()) == {"THREATEN"}


def test_downloads_take_the_same_checks(client: TestClient) -> None:
    answer = client.get("/api/events.csv", params={"dyad": "nonsense"})
    assert answer.status_code == 422 and answer.json()["error"]["code"] == "E602"
    assert client.get("/api/events.parquet", params={"limit": 0}).json()["error"]["code"] == "E801"


def test_downloads_are_bounded(api_db: Path) -> None:
    with TestClient(create_app(ApiSettings(api_db, max_download_rows=5)), base_url="http://127.0.0.1") as small:
        refused = small.get("/api/events.csv")
        assert refused.status_code == 422 and refused.json()["error"]["code"] == "E805"
        assert "17 events" in refused.json()["error"]["message"]
        paged = small.get("/api/events.csv", params={"limit": 5, "offset": 5})
        assert paged.status_code == 200 and paged.headers["x-event-count"] == "5"
        capped = small.get("/api/events.csv", params={"limit": 1000})
        assert capped.headers["x-event-count"] == "5"
        assert small.get("/api/events.csv", params={"dyad": "USA->PRK"}).status_code == 200  # 3 rows fit

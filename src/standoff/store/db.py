"""The DuckDB file: open it, create the tables, and write batches, each in one transaction.

Every write goes through Arrow tables (never row by row), and every batch is one transaction,
so a process killed at any moment leaves the file as it was after its last committed batch.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from standoff.errors import QueryStopped, StoreError
from standoff.model import ArticleResult, Failure
from standoff.ontology import load_ontology
from standoff.store.incidents import WINDOW_DAYS, Incident, IncidentIndex, clusterable, trigger_key
from standoff.store.rows import Row, failure_row, result_rows
from standoff.store.schema import ACTORS, ARTICLES, EVENTS, FAILURES, INCIDENTS, META, MIGRATIONS, QUOTES, RUNS, SCHEMA_VERSION, TABLES, Table

if TYPE_CHECKING:
    import pyarrow as pa

DEFAULT_DB = "standoff.duckdb"
ENV_DB = "STANDOFF_DB"


@contextmanager
def _stoppable() -> Iterator[None]:
    try:
        yield
    except duckdb.InterruptException:
        raise QueryStopped("the query was stopped before its end (its time ran out)") from None


def default_db_path() -> Path:
    """``$STANDOFF_DB`` if set, else ``standoff.duckdb`` in the working folder."""
    return Path(os.environ.get(ENV_DB) or DEFAULT_DB)


@cache
def _arrow_schema(table: Table) -> pa.Schema:
    return table.arrow_schema()


class Store:
    """One open DuckDB file. Use as a context manager, or call close()."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.beside_writer = False  # True for a reader of a database this process writes to
        if read_only and not self.path.exists():
            raise StoreError("no standoff database here; run `standoff ingest` first or pass --db", file=str(self.path))
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            hint = (
                "another process has it open: wait for it or pass another --db (to add articles while "
                "`standoff serve` runs, start the server with --watch DIR instead)"
                if "lock" in str(exc) else "pass another --db"
            )
            raise StoreError(f"cannot open the database ({exc}); {hint}", file=str(self.path)) from None
        except duckdb.ConnectionException:  # open in this process already, read-only where writing is asked or the reverse
            mode = "read-only" if read_only else "for writing"
            raise StoreError(f"cannot open the database {mode}: this process has it open in the other mode; close that first", file=str(self.path)) from None
        if read_only:
            self._check_version()
        else:
            self._create()

    def reader(self) -> Store:
        """Another connection to this open database, with its own transactions and interrupts, for
        another thread of this process. A process that writes can read only this way: DuckDB refuses
        to open the file a second time with another mode while this connection writes."""
        other = Store.__new__(Store)
        other.path, other._con, other.beside_writer = self.path, self._con.cursor(), True
        return other

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """The queries in the block see the store as it was at its start, whatever a writer commits meanwhile."""
        with self._transaction():
            yield

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ reading (for the store's own modules)

    def fetch(self, sql: str, params: Sequence[Any] = (), *, tables: dict[str, pa.Table] | None = None) -> pa.Table:
        """The rows of one query; ``tables`` are Arrow tables the query may read by name while it runs."""
        for name, table in (tables or {}).items():
            self._con.register(name, table)
        try:
            with _stoppable():
                return self._con.sql(sql, params=list(params)).to_arrow_table()
        finally:
            for name in tables or {}:
                self._con.unregister(name)

    def batches(self, sql: str, params: Sequence[Any] = (), rows: int = 50_000) -> Iterator[pa.RecordBatch]:
        with _stoppable():
            yield from self._con.sql(sql, params=list(params)).to_arrow_reader(rows)

    def serve_long(self, memory_mb: int) -> None:
        """Settings for a process that reads for days, for every connection to the file: DuckDB keeps
        at most ``memory_mb`` of cached blocks and query state (a larger query spills to disk), and
        memory it frees goes back to the system within seconds (its allocator's background threads)
        instead of staying with the process until a later query happens to reuse it."""
        self._run(f"SET memory_limit = '{int(memory_mb)}MB'")
        self._run("SET allocator_background_threads = true")

    def interrupt(self) -> None:
        """Stop the query this connection is running, from any thread: it raises QueryStopped.
        (Between queries this does nothing: the next query runs.)"""
        self._con.interrupt()

    def _run(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement to the end (DuckDB refuses new work while a result is half read)."""
        return self._con.execute(sql, list(params)).fetchall()

    def copy(self, sql: str, params: Sequence[Any], out: str, options: str) -> None:
        # COPY cannot take the output path as a parameter; quote it as an SQL literal.
        self._run(f"COPY ({sql}) TO '{out.replace(chr(39), chr(39) * 2)}' ({options})", list(params))

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t.name: self._run(f"SELECT count(*) FROM {t.name}")[0][0] for t in TABLES if t is not META}

    # ------------------------------------------------------------ runs

    def start_run(self, command: str, versions: dict[str, str], settings: dict[str, Any]) -> int:
        run_id = self._run("SELECT coalesce(max(id), 0) + 1 FROM runs")[0][0]
        self._run(
            "INSERT INTO runs (id, command, started, versions, settings, counts) VALUES (?, ?, ?, ?, ?, '{}')",
            [run_id, command, datetime.now(), json.dumps(versions, sort_keys=True), json.dumps(settings, sort_keys=True, default=str)],
        )
        return run_id

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        self._run("UPDATE runs SET finished = ?, counts = ? WHERE id = ?", [datetime.now(), json.dumps(counts), run_id])

    # ------------------------------------------------------------ ingest

    def stored(self, ids: Iterable[str], hashes: Iterable[str]) -> tuple[dict[str, str], set[str]]:
        """Of these ids and content hashes, the ids already stored (with their hash) and the hashes stored."""
        import pyarrow as pa

        self._con.register("_ids", pa.table({"id": pa.array(list(ids), pa.string())}))
        self._con.register("_hashes", pa.table({"h": pa.array(list(hashes), pa.string())}))
        try:
            by_id = dict(self._run("SELECT id, content_hash FROM articles WHERE id IN (SELECT id FROM _ids)"))
            found = self._run("SELECT DISTINCT content_hash FROM articles WHERE content_hash IN (SELECT h FROM _hashes)")
            return by_id, {h for (h,) in found}
        finally:
            self._con.unregister("_ids")
            self._con.unregister("_hashes")

    def write_batch(
        self,
        run_id: int,
        results: Sequence[ArticleResult],
        *,
        replaced: Iterable[str] = (),
        failures: Iterable[Failure] = (),
        counts: dict[str, int] | None = None,
    ) -> int:
        """Store coded articles in one transaction, replacing what ``replaced`` articles had. Returns events written."""
        ontology = load_ontology()
        rows: dict[str, list[Row]] = {"articles": [], "events": [], "actors": [], "quotes": [], "failures": []}
        for result in results:
            for table, table_rows in result_rows(result, ontology, run_id).items():
                rows[table].extend(table_rows)
        rows["failures"].extend(failure_row(f, run_id) for f in failures)
        with self._transaction():
            shrunk = self._delete_articles(list(replaced))
            touched = shrunk | self._assign_incidents(rows["events"])
            self._insert(ARTICLES, rows["articles"])
            self._insert(EVENTS, rows["events"])
            self._insert(ACTORS, rows["actors"])
            self._insert(QUOTES, rows["quotes"])
            self._insert(FAILURES, rows["failures"], skip_existing=True)
            self._recount_incidents(touched, prune=bool(shrunk))
            if counts is not None:
                self._run("UPDATE runs SET counts = ? WHERE id = ?", [json.dumps(counts), run_id])
        return len(rows["events"])

    def add_events(
        self, run_id: int, events: Sequence[Row], failures: Iterable[Failure] = (), counts: dict[str, int] | None = None
    ) -> int:
        """Store imported event rows in one transaction; ids already stored are left alone. Returns rows added."""
        for row in events:
            row["run_id"] = run_id
        with self._transaction():
            added = self._insert(EVENTS, events, skip_existing=True)
            self._insert(FAILURES, [failure_row(f, run_id) for f in failures], skip_existing=True)
            if counts is not None:
                self._run("UPDATE runs SET counts = ? WHERE id = ?", [json.dumps(counts), run_id])
        return added

    # ------------------------------------------------------------ internals

    def _create(self) -> None:
        with self._transaction():
            for table in TABLES:
                self._run(table.ddl())
            self._run(f"INSERT INTO {META.name} VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [SCHEMA_VERSION])
            self._migrate()
        self._check_version()

    def _migrate(self) -> None:
        """Bring a store written by an older standoff up to this schema, keeping every row."""
        rows = self._run("SELECT value FROM meta WHERE key = 'schema_version'")
        version = rows[0][0] if rows else SCHEMA_VERSION
        while version in MIGRATIONS:
            for statement in MIGRATIONS[version]:
                self._run(statement)
            version = str(int(version) + 1)
            self._run("UPDATE meta SET value = ? WHERE key = 'schema_version'", [version])

    def _check_version(self) -> None:
        try:
            rows = self._run("SELECT value FROM meta WHERE key = 'schema_version'")
        except duckdb.CatalogException:
            rows = []
        if [row[0] for row in rows] != [SCHEMA_VERSION]:
            raise StoreError(
                f"not a standoff database of schema version {SCHEMA_VERSION}; use another --db file", file=str(self.path)
            )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._con.begin()
        try:
            yield
        except BaseException:
            self._con.rollback()
            raise
        self._con.commit()

    def _insert(self, table: Table, rows: Sequence[Row], *, skip_existing: bool = False) -> int:
        if not rows:
            return 0
        import pyarrow as pa

        if skip_existing:  # also drop repeats within the batch, which the key would refuse
            rows = list({row["id"]: row for row in reversed(rows)}.values())[::-1]
        data = pa.Table.from_pylist(list(rows), schema=_arrow_schema(table))
        where = f" WHERE id NOT IN (SELECT id FROM {table.name})" if skip_existing else ""
        self._con.register("_batch", data)
        try:
            return self._run(f"INSERT INTO {table.name} BY NAME SELECT * FROM _batch{where}")[0][0]
        finally:
            self._con.unregister("_batch")

    def _register_ids(self, name: str, ids: Iterable[str]) -> None:
        import pyarrow as pa

        self._con.register(name, pa.table({"id": pa.array(list(ids), pa.string())}))

    def _delete_articles(self, ids: list[str]) -> set[str]:
        """Delete articles and all they produced; the incidents their events were in, to recount."""
        if not ids:
            return set()
        self._register_ids("_gone", ids)
        try:
            touched = self._run(
                "SELECT DISTINCT incident_id FROM events WHERE incident_id IS NOT NULL AND article_id IN (SELECT id FROM _gone)"
            )
            for table in ("events", "actors", "quotes"):
                self._run(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM _gone)")
            self._run("DELETE FROM articles WHERE id IN (SELECT id FROM _gone)")
        finally:
            self._con.unregister("_gone")
        return {incident for (incident,) in touched}

    def _assign_incidents(self, events: list[Row]) -> set[str]:
        """Set incident_id on the clusterable event rows; store new incidents. Returns the incidents touched."""
        rows = [row for row in events if clusterable(row)]
        if not rows:
            return set()
        index = IncidentIndex(self._candidate_incidents(rows))
        for row in rows:
            row["incident_id"] = index.assign(row)
        self._insert(
            INCIDENTS,
            [
                {
                    "id": i.id, "source_country": i.source_country, "target_country": i.target_country,
                    "cameo_root": i.cameo_root, "cameo": i.cameo, "trigger_key": " ".join(sorted(i.trigger_key)),
                    "anchor_date": i.anchor_date,
                }
                for i in index.created
            ],
        )
        return {row["incident_id"] for row in rows}

    def _candidate_incidents(self, rows: list[Row]) -> list[Incident]:
        import pyarrow as pa

        keys = {(r["source_country"], r.get("target_country"), r["cameo_root"], r["event_date"]) for r in rows}
        names = ("source_country", "target_country", "cameo_root", "event_date")
        self._con.register("_keys", pa.Table.from_pylist([dict(zip(names, k)) for k in keys]))
        try:
            found = self._run(
                """
                SELECT DISTINCT i.id, i.source_country, i.target_country, i.cameo_root, i.cameo, i.trigger_key, i.anchor_date
                FROM incidents i JOIN _keys k
                  ON i.source_country = k.source_country
                 AND i.target_country IS NOT DISTINCT FROM k.target_country
                 AND i.cameo_root = k.cameo_root
                 AND i.anchor_date BETWEEN k.event_date - ?::INTEGER AND k.event_date + ?::INTEGER
                """,
                [WINDOW_DAYS, WINDOW_DAYS],
            )
        finally:
            self._con.unregister("_keys")
        return [Incident(i, s, t, r, c, trigger_key(k), d) for i, s, t, r, c, k, d in found]

    def _recount_incidents(self, ids: set[str], *, prune: bool) -> None:
        """Recount the touched incidents from their events; with ``prune``, drop those left without any."""
        if not ids:
            return
        self._register_ids("_touched", ids)
        try:
            self._run(
                """
                UPDATE incidents SET mentions = s.mentions, articles = s.articles, sources = s.sources,
                       first_date = s.first_date, last_date = s.last_date
                FROM (
                    WITH e AS (
                        SELECT incident_id, article_id, event_date FROM events
                        WHERE incident_id IN (SELECT id FROM _touched)
                    )
                    SELECT e.incident_id AS id, count(*) AS mentions, count(DISTINCT e.article_id) AS articles,
                           count(DISTINCT coalesce(a.source, e.article_id)) AS sources,
                           min(e.event_date) AS first_date, max(e.event_date) AS last_date
                    FROM e LEFT JOIN (
                        SELECT id, source FROM articles WHERE id IN (SELECT article_id FROM e)
                    ) a ON a.id = e.article_id
                    GROUP BY e.incident_id
                ) s
                WHERE incidents.id = s.id
                """
            )
            if prune:
                self._run(
                    """
                    DELETE FROM incidents WHERE id IN (SELECT id FROM _touched)
                      AND id NOT IN (SELECT incident_id FROM events WHERE incident_id IN (SELECT id FROM _touched))
                    """
                )
        finally:
            self._con.unregister("_touched")

"""The store's tables: one column list per table, from which both the DDL and the Arrow schemas come.

Keeping one list per table means a column cannot exist in the database and be missing from
the batches written to it (or the other way round).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

SCHEMA_VERSION = "4"
# How a store of an older schema version is brought up to date, version by version.
MIGRATIONS: dict[str, tuple[str, ...]] = {
    "1": ('ALTER TABLE events ADD COLUMN IF NOT EXISTS "date_precision" VARCHAR',),
    "2": (
        'ALTER TABLE events ADD COLUMN IF NOT EXISTS "complete" BOOLEAN',
        'UPDATE events SET "complete" = "source" IS NOT NULL',
    ),
    "3": ('ALTER TABLE articles ADD COLUMN IF NOT EXISTS "date_source" VARCHAR',),
}


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[tuple[str, str], ...]  # (name, DuckDB type)
    key: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.columns)

    def ddl(self) -> str:
        columns = [f'"{name}" {kind}{" PRIMARY KEY" if name == self.key else ""}' for name, kind in self.columns]
        return f"CREATE TABLE IF NOT EXISTS {self.name} ({', '.join(columns)})"

    def arrow_schema(self) -> pa.Schema:
        import pyarrow as pa

        return pa.schema([(name, _arrow_type(kind)) for name, kind in self.columns])


def _actor_columns(role: str) -> tuple[tuple[str, str], ...]:
    return tuple(
        (f"{role}{suffix}", kind)
        for suffix, kind in (
            ("", "VARCHAR"),  # the full actor code, e.g. RUSGOV
            ("_country", "VARCHAR"),
            ("_sector", "VARCHAR"),
            ("_text", "VARCHAR"),
            ("_start", "INTEGER"),
            ("_end", "INTEGER"),
            ("_method", "VARCHAR"),
            ("_antecedent", "VARCHAR"),
        )
    )


META = Table("meta", (("key", "VARCHAR"), ("value", "VARCHAR")), key="key")

RUNS = Table(
    "runs",
    (
        ("id", "BIGINT"),
        ("command", "VARCHAR"),
        ("started", "TIMESTAMP"),
        ("finished", "TIMESTAMP"),
        ("versions", "JSON"),  # code, model and dictionary versions
        ("settings", "JSON"),
        ("counts", "JSON"),  # updated with every committed batch, so a killed run still tells its progress
    ),
    key="id",
)

ARTICLES = Table(
    "articles",
    (
        ("id", "VARCHAR"),
        ("source", "VARCHAR"),
        ("url", "VARCHAR"),
        ("title", "VARCHAR"),
        ("published", "DATE"),
        ("content_hash", "VARCHAR"),
        ("text", "VARCHAR"),  # the cleaned text every offset points into
        ("run_id", "BIGINT"),
        ("date_source", "VARCHAR"),  # where published comes from: record, manifest, page, dateline, fallback
    ),
    key="id",
)

# Event columns follow standoff.records.event_record (with start/end named sentence_start/end,
# as "end" is an SQL keyword), then what the record leaves out: location, incident and origin.
EVENTS = Table(
    "events",
    (
        ("id", "VARCHAR"),
        ("article_id", "VARCHAR"),
        ("sentence_index", "INTEGER"),
        ("sentence_start", "INTEGER"),
        ("sentence_end", "INTEGER"),
        ("text", "VARCHAR"),  # the sentence (for imported events: whatever text the source gives)
        ("trigger", "VARCHAR"),
        ("trigger_start", "INTEGER"),
        ("trigger_end", "INTEGER"),
        *_actor_columns("source"),
        *_actor_columns("target"),
        ("complete", "BOOLEAN"),  # the source is known; series, tension and alerts count only these
        ("cameo", "VARCHAR"),
        ("cameo_root", "VARCHAR"),
        ("goldstein", "DOUBLE"),
        ("quad_class", "INTEGER"),
        ("plover", "VARCHAR"),
        ("plover_mode", "VARCHAR"),
        ("plover_context", "VARCHAR"),
        ("modality", "VARCHAR"),
        ("event_date", "DATE"),
        ("date_basis", "VARCHAR"),
        ("date_precision", "VARCHAR"),  # day, week, month, year or decade: the date is that period's first day
        ("confidence", "DOUBLE"),
        ("rule", "VARCHAR"),
        ("location_name", "VARCHAR"),
        ("location_country", "VARCHAR"),  # ISO-3
        ("location_admin1", "VARCHAR"),
        ("location_lat", "DOUBLE"),
        ("location_lon", "DOUBLE"),
        ("location_feature", "VARCHAR"),
        ("location_geonames_id", "BIGINT"),
        ("loc_reason", "VARCHAR"),
        ("incident_id", "VARCHAR"),
        ("origin", "VARCHAR"),  # 'standoff', or the format an imported event came from
        ("url", "VARCHAR"),  # document URL of an imported event (coded events have theirs on the article)
        ("run_id", "BIGINT"),
    ),
    # No key index: at millions of events it would cost more memory than the rest of the run. Ids are
    # unique by construction: an article's rows are deleted before it is written again, imports skip stored ids.
)

# One row per actor mention behind an event or a quote, with what the flattened event row drops.
ACTORS = Table(
    "actors",
    (
        ("article_id", "VARCHAR"),
        ("event_id", "VARCHAR"),
        ("quote_id", "VARCHAR"),
        ("role", "VARCHAR"),  # source, target or speaker
        ("code", "VARCHAR"),
        ("country", "VARCHAR"),
        ("sector", "VARCHAR"),
        ("valid_from", "DATE"),
        ("valid_until", "DATE"),
        ("sentence_index", "INTEGER"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("text", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("method", "VARCHAR"),
        ("confidence", "DOUBLE"),
        ("antecedent_text", "VARCHAR"),
        ("antecedent_start", "INTEGER"),
        ("antecedent_end", "INTEGER"),
    ),
)

QUOTES = Table(
    "quotes",
    (
        ("id", "VARCHAR"),
        ("article_id", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("text", "VARCHAR"),
        ("speaker", "VARCHAR"),
        ("speaker_text", "VARCHAR"),
        ("speaker_method", "VARCHAR"),
        ("speaker_antecedent", "VARCHAR"),
        ("event_ids", "VARCHAR[]"),
    ),
)

FAILURES = Table(
    "failures",
    (
        ("id", "VARCHAR"),  # hash of the other fields, so a rerun does not record the same failure twice
        ("file", "VARCHAR"),
        ("line", "BIGINT"),
        ("article_id", "VARCHAR"),
        ("stage", "VARCHAR"),
        ("code", "VARCHAR"),
        ("message", "VARCHAR"),
        ("run_id", "BIGINT"),
    ),
    key="id",
)

INCIDENTS = Table(
    "incidents",
    (
        ("id", "VARCHAR"),  # the id of the incident's first event
        ("source_country", "VARCHAR"),
        ("target_country", "VARCHAR"),
        ("cameo_root", "VARCHAR"),
        ("cameo", "VARCHAR"),  # of the first event
        ("trigger_key", "VARCHAR"),  # stems of the first event's trigger
        ("anchor_date", "DATE"),  # the first event's date; later events join within the window of it
        ("first_date", "DATE"),
        ("last_date", "DATE"),
        ("mentions", "INTEGER"),  # events in the incident
        ("articles", "INTEGER"),
        ("sources", "INTEGER"),  # distinct outlets; an article with no outlet counts as its own
    ),
    key="id",
)

TABLES = (META, RUNS, ARTICLES, EVENTS, ACTORS, QUOTES, FAILURES, INCIDENTS)

def _arrow_type(kind: str) -> pa.DataType:
    import pyarrow as pa

    if kind.endswith("[]"):
        return pa.list_(_arrow_type(kind[:-2]))
    return {
        "VARCHAR": pa.string(),
        "JSON": pa.string(),
        "INTEGER": pa.int32(),
        "BIGINT": pa.int64(),
        "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(),
        "DATE": pa.date32(),
        "TIMESTAMP": pa.timestamp("us"),
    }[kind]

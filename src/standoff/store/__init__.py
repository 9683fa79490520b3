"""The DuckDB store: schema, batch writes, incidents, queries, exports and imports (the only module with SQL)."""

from standoff.store.db import DEFAULT_DB, ENV_DB, Store, StoreError, default_db_path
from standoff.store.exports import FORMATS as EXPORT_FORMATS
from standoff.store.exports import GDELT_COLUMNS, ExportResult, export_events
from standoff.store.imports import FORMATS as IMPORT_FORMATS
from standoff.store.imports import ImportSummary, import_events
from standoff.store.queries import BadQuery, Dyad, EventFilter, count_events, find_events
from standoff.store.rows import content_hash

__all__ = [
    "DEFAULT_DB",
    "ENV_DB",
    "EXPORT_FORMATS",
    "GDELT_COLUMNS",
    "IMPORT_FORMATS",
    "BadQuery",
    "Dyad",
    "EventFilter",
    "ExportResult",
    "ImportSummary",
    "Store",
    "StoreError",
    "content_hash",
    "count_events",
    "default_db_path",
    "export_events",
    "find_events",
    "import_events",
]

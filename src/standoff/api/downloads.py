"""Event tables as files to download: CSV or Parquet, written in memory (their rows are bounded)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from starlette.responses import Response

if TYPE_CHECKING:
    import pyarrow as pa

MEDIA = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}


def download(table: pa.Table, fmt: str) -> Response:
    buffer = io.BytesIO()
    if fmt == "csv":
        import pyarrow.csv as pacsv

        pacsv.write_csv(table, buffer)
    else:
        import pyarrow.parquet as pq

        pq.write_table(table, buffer)
    return Response(
        buffer.getvalue(),
        media_type=MEDIA[fmt],
        headers={"content-disposition": f'attachment; filename="events.{fmt}"', "x-event-count": str(table.num_rows)},
    )

"""Commands over the store: ingest, events, export, import-events. Each parses arguments and calls one library function."""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from standoff.commands import exit_for_bugs
from standoff.errors import Bug, StandoffError

_F = TypeVar("_F", bound=Callable[..., Any])

TABLE_LIMIT = 50

db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="STANDOFF_DB",
    default="standoff.duckdb",
    show_default=True,
    help="DuckDB file (or set STANDOFF_DB).",
)


def _user_errors(command: _F) -> _F:
    """Turn input problems into a one-line error instead of a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except StandoffError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    from standoff.text.readers import parse_date

    try:
        return parse_date(value)
    except StandoffError as exc:
        raise click.BadParameter(exc.message) from None


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--text-column", help="CSV column holding the article text.")
@click.option("--id-column", help="CSV column holding the article id.")
@click.option("--date-column", help="CSV column holding the publication date.")
@click.option("--date", "default_date", callback=_date, help="Publication date (YYYY-MM-DD) for articles that carry none and give none in their opening lines.")
@click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path), help="A CSV of file,date: the publication dates of .txt and .html files (see README).")
@click.option("--batch-size", type=click.IntRange(min=1), default=256, show_default=True, help="Articles per transaction.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Extra actors: a YAML file or a PETRARCH dictionary (repeatable; see docs/actors.md).")
@click.option("--verbs", "verb_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Extra verb patterns over the packaged ones: a standoff pattern file (.yaml) or a PETRARCH verb dictionary (repeatable, the first highest; see docs/verbs.md).")
@click.option("--workers", type=click.IntRange(min=1), help="Coding processes (Ray: worker actors). Default: one per core (Ray: per cluster CPU).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True, help="Code on this machine, or on a Ray cluster (pip install standoff[ray]).")
@click.option("--address", help="Ray: the cluster to join (auto, or ray://host:10001); default: start Ray on this machine.")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), help="Ray: write Parquet files (one folder per table) to DIR instead of the database.")
@click.option("-v", "--verbose", is_flag=True, help="Log each committed batch to stderr.")
@_user_errors
def ingest(
    paths: tuple[str, ...],
    db: Path,
    text_column: str | None,
    id_column: str | None,
    date_column: str | None,
    default_date: date | None,
    manifest: Path | None,
    batch_size: int,
    actor_files: tuple[Path, ...],
    verb_files: tuple[Path, ...],
    workers: int | None,
    engine: str,
    address: str | None,
    output: Path | None,
    verbose: bool,
) -> None:
    """Code the articles in PATHS (files or folders) and store them; run it again to resume or to add new ones."""
    from standoff.pipeline import Settings
    from standoff.runners.local import IngestOptions, ingest as run_ingest
    from standoff.runners.progress import progress_for
    from standoff.text.manifest import read_manifest
    from standoff.text.readers import ReadOptions

    if engine == "local" and (address or output):
        raise click.UsageError("--address and --output go with --engine ray")
    if verbose:
        logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    read = ReadOptions(
        default_date=default_date,
        manifest=read_manifest(manifest) if manifest is not None else None,
        text_column=text_column or "text",
        id_column=id_column,
        date_column=date_column,
    )
    options = IngestOptions(read=read, batch_size=batch_size, workers=workers, settings=Settings(actor_files=actor_files, pattern_files=verb_files))
    if engine == "ray":
        from standoff.runners.ray import ingest as ray_ingest

        summary = ray_ingest(list(paths), db, options, progress_for(sys.stdout), address=address, output=output)
    else:
        summary = run_ingest(list(paths), db, options, progress_for(sys.stdout))
    exit_for_bugs(summary.failure_codes[Bug.code], "the other articles were stored, and the failures table lists these")


@click.command()
@db_option
@click.option("--dyad", help="Two country codes: USA-PRK (either direction) or USA->PRK (USA acting on PRK).")
@click.option("--actor", help="A country or actor code on either side.")
@click.option("--root", help="CAMEO root, 01-20.")
@click.option("--since", callback=_date, help="First event date (YYYY-MM-DD).")
@click.option("--until", callback=_date, help="Last event date (YYYY-MM-DD).")
@click.option("--origin", help="Only events from this origin (standoff, gdelt, keds, plover).")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=0), help=f"Show at most N events (table: {TABLE_LIMIT} unless given).")
@click.option("--count", type=click.Choice(["events", "incidents"]), help="Print only how many events (or incidents) match.")
@_user_errors
def events(
    db: Path,
    dyad: str | None,
    actor: str | None,
    root: str | None,
    since: date | None,
    until: date | None,
    origin: str | None,
    fmt: str,
    limit: int | None,
    count: str | None,
) -> None:
    """Show stored events, each with the sentence it came from."""
    from standoff.store import Dyad, EventFilter, Store, count_events, find_events

    where = EventFilter(Dyad.parse(dyad) if dyad else None, actor, root, since, until, origin)
    with Store(db, read_only=True) as store:
        if count:
            click.echo(count_events(store, where, count))
            return
        if fmt == "table":  # a table is for reading: show the first ones and say how many match
            rows = find_events(store, where, TABLE_LIMIT if limit is None else limit)
            _print_table(rows, count_events(store, where))
            return
        rows = find_events(store, where, limit)
    _print_events(rows, fmt)


def _print_events(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)


def _print_table(rows: list[dict[str, Any]], matching: int) -> None:
    from standoff.output import EventTable, act_label, console_for

    console = console_for()
    table = EventTable(None, ("date", "source", "cameo", "target", "origin"), console.width)
    for r in rows:
        table.add(
            date=str(r["event_date"] or "-"),
            source=f"{r['source'] or '?'}\n{r['source_text'] or ''}".strip(),
            cameo=f"{act_label(r['cameo'], r['plover'])}\n{'' if r['goldstein'] is None else format(r['goldstein'], '+.1f')}".strip(),
            target=f"{r['target'] or '-'}\n{r['target_text'] or ''}".strip(),
            origin=r["origin"],
            sentence=r["text"] or "-",
        )
    console.print(table.table)
    more = f" (the first {len(rows)} shown; --limit N for more)" if matching > len(rows) else ""
    click.echo(f"{matching} events{more}")


@click.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "gdelt", "plover"]), required=True)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@db_option
@_user_errors
def export(out: Path, fmt: str, force: bool, db: Path) -> None:
    """Write the stored events to OUT: Parquet or CSV of the events table, a GDELT 2.0 event table, or PLOVER JSON lines."""
    from standoff.progress import progress_for
    from standoff.store import EventFilter, Store, export_events

    if out.exists() and not force:
        raise click.ClickException(f"{out} exists; add --force to overwrite it")
    with Store(db, read_only=True) as store:
        result = export_events(store, fmt, out, EventFilter(), progress_for("export", "events"))
    skipped = f", {result.skipped} without a PLOVER type left out" if result.skipped else ""
    click.echo(f"{result.written} events written to {out}{skipped}")


@click.command(name="import-events")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["gdelt", "keds", "plover"]), required=True)
@db_option
@_user_errors
def import_events(file: Path, fmt: str, db: Path) -> None:
    """Bring events coded elsewhere (GDELT 2.0, a KEDS series, PLOVER JSON lines) into the store."""
    from standoff.progress import progress_for
    from standoff.store import Store, import_events as run_import

    with Store(db) as store:
        summary = run_import(store, file, fmt, progress_for("import", "records"))
    click.echo(summary.line())

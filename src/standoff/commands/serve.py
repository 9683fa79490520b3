"""standoff serve: the HTTP API and the dashboard over a store, read-only unless it watches a folder to ingest."""

from __future__ import annotations

from pathlib import Path

import click

from standoff.api.settings import REQUEST_SECONDS, WATCH_SECONDS
from standoff.commands.store import _user_errors, db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; anything but loopback makes the server reachable from the network.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--allow-code", is_flag=True, help="Let clients code pasted text (POST /api/code, the dashboard's 'code' page). Nothing is stored either way.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=REQUEST_SECONDS, show_default=True, help="Seconds a request may take, waiting included; a slower one is stopped and answered with E812.")
@click.option("--allowed-host", "allowed_hosts", multiple=True, help="A name clients use to reach the server (repeatable): requests with another Host header are refused. Default: loopback names on loopback, any name otherwise.")
@click.option("--watch", type=click.Path(exists=True, file_okay=False, path_type=Path), help="Ingest the files that appear or change in this folder (what `standoff ingest` reads) while serving; the store is then opened for writing, and created if missing.")
@click.option("--watch-every", "watch_every", type=click.FloatRange(min=0.1), default=WATCH_SECONDS, show_default=True, help="Seconds between looks at the --watch folder.")
@_user_errors
def serve(
    db: Path, host: str, port: int, allow_code: bool, timeout: float, allowed_hosts: tuple[str, ...], watch: Path | None, watch_every: float
) -> None:
    """Serve the JSON API (/api, schema at /api/openapi.json) and the dashboard (/) over the store in DB.

    The store is opened read-only, and another process cannot write to it meanwhile. To add
    articles while serving, give --watch DIR: the server ingests the new and changed files it finds
    there every --watch-every seconds, as `standoff ingest` would (a file once it has stopped
    changing), coding them in its coding process while it answers reads."""
    from standoff.api.server import serve as run
    from standoff.api.settings import ApiSettings, exposure, hosts_to_answer

    answered = hosts_to_answer(host, allowed_hosts)
    warning = exposure(host, allow_code, answered)
    if warning:
        click.echo(warning, err=True)
    settings = ApiSettings(
        db=db, allow_code=allow_code, allowed_hosts=answered, request_seconds=timeout, watch=watch, watch_seconds=watch_every
    )
    click.echo(f"standoff: dashboard at http://{'127.0.0.1' if host == 'localhost' else host}:{port}/ (Ctrl+C stops)", err=True)
    run(settings, host, port)

"""What a running API may do, and how much it may take and give."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
MAX_PAGE = 1000  # events (or incidents, actors, dyads) in one JSON page
REQUEST_SECONDS = 30.0  # every request's time budget, unless `standoff serve --timeout` says otherwise
WATCH_SECONDS = 10.0  # `standoff serve --watch`: seconds between looks at the folder, unless --watch-every says otherwise


@dataclass(frozen=True, slots=True)
class ApiSettings:
    db: Path
    allow_code: bool = False  # POST /api/code codes pasted text (never stored either way)
    # Host headers the app answers (without port); None answers any. On loopback this stops a web
    # page from reaching the API through a DNS name rebound to 127.0.0.1.
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS
    max_body_bytes: int = 256_000  # any request body
    max_code_chars: int = 100_000  # text sent to /api/code
    code_queue: int = 8  # texts that may wait to be coded; one more is answered 429
    max_download_rows: int = 250_000  # CSV or Parquet rows in one download
    max_periods: int = 5_000  # periods in one series
    max_alerts: int = 1_000
    # Read-only connections, one per request in flight: pages and single events use one set, the
    # analysis (series, alerts, dyads, actors, downloads) another, so slow reads never hold up fast ones.
    read_connections: int = 4
    analysis_connections: int = 2
    request_seconds: float = REQUEST_SECONDS  # every request's time budget (waiting for a connection included)
    store_memory_mb: int = 512  # DuckDB's cached blocks and query state, all connections together
    # A folder whose new and changed files the server ingests (`serve --watch`); None: read-only.
    watch: Path | None = None
    watch_seconds: float = WATCH_SECONDS  # how often the folder is looked at


def is_loopback(host: str) -> bool:
    """True for names and addresses that only this machine can reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def hosts_to_answer(host: str, named: tuple[str, ...] = ()) -> tuple[str, ...] | None:
    """The Host headers a server listening on ``host`` answers (None: any). On loopback, the loopback
    names; on another address, any unless ``named`` lists some, and then those, the address itself
    (unless it is a wildcard such as 0.0.0.0) and the loopback names."""
    if is_loopback(host) and not named:
        return LOOPBACK_HOSTS
    if not named:
        return None
    own = () if host in ("0.0.0.0", "::", "") else (host.strip("[]"),)
    return tuple(dict.fromkeys((*LOOPBACK_HOSTS, *own, *(name.lower() for name in named))))


def exposure(host: str, allow_code: bool, allowed_hosts: tuple[str, ...] | None) -> str | None:
    """What a server on ``host`` lets anyone on the network do, as a warning; None on loopback."""
    if is_loopback(host):
        return None
    what = "read the store" + (" and post articles to be coded (--allow-code)" if allow_code else "")
    hosts = "any Host header is answered (name yours with --allowed-host)" if allowed_hosts is None else (
        "only requests to " + ", ".join(allowed_hosts) + " are answered"
    )
    return f"warning: listening on {host}: anyone who can reach this address can {what}; {hosts}"

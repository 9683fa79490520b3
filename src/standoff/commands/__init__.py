"""Click commands, grouped by subject; cli.py registers them."""

from __future__ import annotations

import click

from standoff.errors import Bug


def exit_for_bugs(bugs: int, others: str) -> None:
    """Once a batch is done, exit with an error if coding any of its articles hit a bug."""
    if bugs:
        raise click.ClickException(f"{bugs} article(s) could not be coded because of a bug in standoff [{Bug.code}]; {others}")

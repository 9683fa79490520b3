"""A bundled example report, invented for this project, for demos and end-to-end tests."""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from pathlib import Path

# The report is written as of this (Friday) publication date: "on Friday" is this day.
EXAMPLE_DATE = date(2023, 6, 16)


def example_path() -> Path:
    """Path of the bundled wire-style example, noise lines (caption, byline, footer) included."""
    return Path(str(files(__name__).joinpath("standoff-example.txt")))

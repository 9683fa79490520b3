"""A manifest: the publication dates of a folder of one-article files (.txt, .html), in a CSV
file with a ``file`` and a ``date`` column::

    file,date
    moscow-talks.txt,2017-09-01
    2017/seoul.txt,2017-09-03

``file`` is the path relative to the manifest's own folder (or just the file name, when the
name is unique there); ``date`` is YYYY-MM-DD. A manifest row wins over any date found in the
document and over ``--date``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from standoff.errors import BadDate, InputNotFound, MalformedRecord, MissingColumn
from standoff.text.readers import parse_date

_COLUMNS = ("file", "date")


@dataclass(frozen=True, slots=True)
class Manifest:
    folder: Path
    dates: dict[str, date]  # by path relative to the folder, with "/" between parts
    by_name: dict[str, date]  # by file name, for names that occur once

    def date_of(self, path: Path) -> date | None:
        """The date the manifest gives ``path``, if any."""
        try:
            relative = path.resolve().relative_to(self.folder).as_posix()
        except ValueError:
            relative = None
        if relative is not None and relative in self.dates:
            return self.dates[relative]
        return self.by_name.get(path.name)


def read_manifest(path: Path) -> Manifest:
    """Read a manifest; a missing column, a bad date or a file named twice is an error naming the line."""
    if not path.is_file():
        raise InputNotFound("manifest not found; check the path", file=str(path))
    try:
        rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    except UnicodeDecodeError as exc:
        raise MalformedRecord(f"not UTF-8 text ({exc.reason}); save the manifest as UTF-8", file=str(path)) from None
    if not rows or [c.strip().lower() for c in rows[0][:2]] != list(_COLUMNS):
        raise MissingColumn('the manifest needs a header line "file,date"', file=str(path), line=1)
    dates: dict[str, date] = {}
    names: dict[str, list[date]] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 2 or not row[0].strip():
            raise MalformedRecord("each line needs a file name and a date", file=str(path), line=number)
        name = Path(row[0].strip()).as_posix().removeprefix("./")
        try:
            day = parse_date(row[1])
        except BadDate as exc:
            raise BadDate(exc.message, file=str(path), line=number) from None
        if name in dates:
            raise MalformedRecord(f"{name} is listed twice", file=str(path), line=number)
        dates[name] = day
        names.setdefault(Path(name).name, []).append(day)
    by_name = {name: found[0] for name, found in names.items() if len(found) == 1}
    return Manifest(path.resolve().parent, dates, by_name)

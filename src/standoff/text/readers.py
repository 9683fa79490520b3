"""Read articles from files or stdin, one small reader per input format, chosen by suffix.

Every problem with the input raises a StandoffError subclass that names the file and line,
so the user can fix the input instead of reading a traceback.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TextIO

from standoff.errors import BadDate, BadEncoding, InputNotFound, MalformedRecord, UnsupportedInput
from standoff.model import Article
from standoff.text.clean import clean_text

log = logging.getLogger(__name__)

STDIN = "-"

_YYYYMMDD = re.compile(r"\d{8}")


def parse_date(value: str) -> date:
    """Read an ISO date ("2017-09-01"), an ISO datetime ("2017-09-01T08:30:00Z") or YYYYMMDD."""
    text = value.strip()
    try:
        if _YYYYMMDD.fullmatch(text):
            return datetime.strptime(text, "%Y%m%d").date()
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise BadDate(f"cannot read the date {value!r}; write it as YYYY-MM-DD, an ISO datetime or YYYYMMDD") from None


def read_articles(
    paths: Sequence[str], default_date: date | None = None, stdin: TextIO | None = None
) -> Iterator[Article]:
    """Yield the articles in ``paths`` in order; ``-`` reads one article from ``stdin``.

    Every path is checked before the first article is read, so a typo in the last path fails
    the run at once rather than after hours of work.
    """
    sources = [_source(path, default_date, stdin) for path in paths]
    return chain.from_iterable(source() for source in sources)


_Reader = Callable[[str, date | None], Iterator[Article]]


def _read_txt(path: str, default_date: date | None) -> Iterator[Article]:
    yield _article(Path(path).stem, _decode(Path(path).read_bytes(), path), default_date, path)


def _read_jsonl(path: str, default_date: date | None) -> Iterator[Article]:
    # split on "\n" only: JSON strings may legally hold U+2028, which splitlines() would cut.
    for number, line in enumerate(_decode(Path(path).read_bytes(), path).split("\n"), start=1):
        if line.strip():
            yield _jsonl_record(line, path, number, default_date)


def _jsonl_record(line: str, path: str, number: int, default_date: date | None) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"not valid JSON ({exc.msg} at column {exc.colno})", file=path, line=number) from None
    if not isinstance(record, dict):
        raise MalformedRecord("each line must be a JSON object with 'id' and 'text'", file=path, line=number)
    article_id, text = record.get("id"), record.get("text")
    if isinstance(article_id, bool) or not isinstance(article_id, str | int) or str(article_id).strip() == "":
        raise MalformedRecord("the record needs an 'id' (a string or number)", file=path, line=number)
    if not isinstance(text, str):
        raise MalformedRecord("the record needs a 'text' string", file=path, line=number)
    extras: dict[str, str | None] = {}
    for key in ("title", "url", "source"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise MalformedRecord(f"'{key}' must be a string", file=path, line=number)
        extras[key] = value
    published = _record_date(record, path, number, default_date)
    return _article(str(article_id), text, published, path, **extras)


def _record_date(record: dict, path: str, number: int, default_date: date | None) -> date | None:
    value = record.get("date")
    if value is None:
        value = record.get("published")
    if value is None:
        return default_date
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadDate(f"the date must be a string, got {value!r}", file=path, line=number)
    try:
        return parse_date(str(value))
    except BadDate as exc:
        raise BadDate(exc.message, file=path, line=number) from None


def _article(article_id: str, raw: str, published: date | None, origin: str, **extras: str | None) -> Article:
    cleaned = clean_text(raw)
    if cleaned.removed:
        log.debug("%s (%s): dropped %d non-news lines: %r", article_id, origin, len(cleaned.removed), cleaned.removed)
    return Article(id=article_id, text=cleaned.text, published=published, **extras)


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BadEncoding(
            f"byte {exc.start} is not UTF-8; convert the file, e.g. iconv -f LATIN1 -t UTF-8", file=path, line=line
        ) from None


def _read_stdin(stream: TextIO, default_date: date | None) -> Iterator[Article]:
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:  # decode the bytes ourselves so stdin follows the same rules as files
        raw = _decode(buffer.read(), STDIN)
    else:
        raw = stream.read().removeprefix("\ufeff")
    yield _article("stdin", raw, default_date, STDIN)


_READERS: dict[str, _Reader] = {".txt": _read_txt, ".jsonl": _read_jsonl}


def _source(path: str, default_date: date | None, stdin: TextIO | None) -> Callable[[], Iterator[Article]]:
    if path == STDIN:
        return partial(_read_stdin, stdin or sys.stdin, default_date)
    file = Path(path)
    if not file.exists():
        raise InputNotFound("no such file or folder; check the path", file=path)
    reader = _READERS.get(file.suffix.lower())
    if reader is None or not file.is_file():
        supported = ", ".join(sorted(_READERS))
        raise UnsupportedInput(
            f"cannot read this kind of input; give a file ending in {supported}, or - for stdin", file=path
        )
    return partial(reader, path, default_date)

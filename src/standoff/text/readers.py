"""Read articles from files, folders or stdin: one small reader per format, chosen by suffix.

Formats: ``.txt`` and ``.html``/``.htm`` (one article per file), ``.jsonl`` (one per line),
``.csv`` (one per row), each also gzipped (``.txt.gz``, ...), and folders of them.

Readers yield articles and problems side by side. ``iter_inputs`` turns each problem into a
``Failure`` and goes on, so a batch survives any input; ``read_articles`` raises the first one
as a StandoffError that names the file and line, for commands that code a few files.
"""

from __future__ import annotations

import codecs
import csv
import errno
import gzip
import io
import json
import logging
import os
import re
import sys
import zlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from standoff.errors import (
    BadDate,
    BadEncoding,
    EmptyArticle,
    InputNotFound,
    MalformedRecord,
    MissingColumn,
    NotEnglish,
    StandoffError,
    TooLarge,
    UnreadableInput,
    UnsupportedInput,
)
from standoff.model import Article, DateSource, Failure
from standoff.text.clean import clean_text
from standoff.text.html import extract_article
from standoff.text.language import guess_language
from standoff.text.published import date_in_text

if TYPE_CHECKING:
    from standoff.text.manifest import Manifest

log = logging.getLogger(__name__)

STDIN = "-"
DEFAULT_MAX_BYTES = 5_000_000
# Markup outweighs text several times over, so a page may be this much larger than its article.
_HTML_MARKUP_FACTOR = 4
# Binary files show NUL bytes early; a text file never has them.
_SNIFF_BYTES = 8192
_SKIP_CHUNK = 1 << 20

SUFFIXES = (".txt", ".jsonl", ".csv", ".html", ".htm")

_YYYYMMDD = re.compile(r"\d{8}")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    default_date: date | None = None  # for articles that carry no date of their own, nor one in their text
    manifest: Manifest | None = None  # publication dates of one-article files, by file name
    text_column: str = "text"
    id_column: str | None = None  # None: "id" when the CSV has it, else "<file>#<line>"
    date_column: str | None = None  # None: "date" or "published" when the CSV has one
    title_column: str | None = None  # None: "title" when the CSV has it
    url_column: str | None = None  # None: "url" when the CSV has it
    max_bytes: int = DEFAULT_MAX_BYTES  # an article (file, line or row) larger than this is refused
    english_only: bool = True  # refuse articles that are clearly in another language
    stdin: TextIO | None = None  # read for the path "-" (default sys.stdin)


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    article_id: str  # for one-article files: the name, or the path inside the folder, without suffixes
    format: str  # "txt", "html", "jsonl" or "csv"
    compressed: bool

    @property
    def name(self) -> str:
        return str(self.path)


@dataclass(frozen=True, slots=True)
class _Problem:
    error: StandoffError
    article_id: str | None = None


_Item = Article | _Problem


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


def iter_inputs(paths: Sequence[str | InputFile], options: ReadOptions | None = None) -> Iterator[Article | Failure]:
    """Yield every article in ``paths``, and a ``Failure`` for each one that cannot be read. A path
    may be a file found in a folder (``input_files``), to read with the ids the folder gives it.

    Never raises for bad input: missing paths, binary files, bad encodings, malformed records,
    empty, oversized or non-English articles all become failures and the batch goes on.
    """
    options = options or ReadOptions()
    for path in paths:
        for item in _items(path, options):
            yield item if isinstance(item, Article) else _failure(item)


def read_articles(
    paths: Sequence[str],
    default_date: date | None = None,
    stdin: TextIO | None = None,
    options: ReadOptions | None = None,
) -> Iterator[Article]:
    """Yield the articles in ``paths`` in order; ``-`` reads one article from ``stdin``.

    Raises the first problem as a StandoffError. Every path is checked before the first
    article is read, so a typo in the last path fails the run at once rather than after hours.
    """
    base = options or ReadOptions()
    options = replace(base, default_date=default_date or base.default_date, stdin=stdin or base.stdin)
    for path in paths:
        _check_path(path)
    return _raising(paths, options)


def input_files(path: str) -> Iterator[InputFile]:
    """The readable files at ``path``: the file itself, or a folder's files, recursively and sorted.

    Hidden files and folders and files of unknown kinds inside a folder are skipped.
    """
    for item in _expand(path):
        if isinstance(item, InputFile):
            yield item


def _raising(paths: Sequence[str], options: ReadOptions) -> Iterator[Article]:
    for path in paths:
        for item in _items(path, options):
            if isinstance(item, _Problem):
                raise item.error
            yield item


def _failure(problem: _Problem) -> Failure:
    error = problem.error
    return Failure(problem.article_id, "read", error.code, error.message, error.file, error.line)


def _items(path: str | InputFile, options: ReadOptions) -> Iterator[_Item]:
    if path == STDIN:
        yield from _guarded(partial(_read_stdin, options), STDIN, "stdin")
        return
    for item in [path] if isinstance(path, InputFile) else _expand(path):
        if isinstance(item, _Problem):
            yield item
        else:
            one_article = item.format in ("txt", "html")
            read = partial(_READERS[item.format], item, options)
            yield from _guarded(read, item.name, item.article_id if one_article else None)


def _guarded(read: Callable[[], Iterator[_Item]], name: str, article_id: str | None) -> Iterator[_Item]:
    """Run a reader; a problem that ends the whole file becomes one last problem item."""
    try:
        yield from read()
    except StandoffError as exc:
        yield _Problem(exc, article_id)
    except (OSError, EOFError, zlib.error) as exc:  # unreadable file, broken or truncated .gz
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
        yield _Problem(UnreadableInput(f"cannot read the file ({reason})", file=name), article_id)


# -- paths --------------------------------------------------------------------------------------


def _check_path(path: str) -> None:
    if path == STDIN:
        return
    file = Path(path)
    if (problem := _unreachable(path)) is not None:
        raise problem
    if not file.is_dir() and _classify(file.name) is None:
        raise _unsupported(path)


def _unreachable(path: str) -> StandoffError | None:
    """Why nothing can be read at ``path`` (missing, a loop of symbolic links, ...), or None."""
    try:
        os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return InputNotFound("a symbolic link to something that does not exist; check where it points", file=path)
        return InputNotFound("no such file or folder; check the path", file=path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return UnreadableInput("a symbolic link that leads back to itself (a loop); point it at a file or folder", file=path)
        return UnreadableInput(f"cannot reach it ({exc.strerror or exc})", file=path)
    return None


def _unsupported(path: str) -> UnsupportedInput:
    kinds = ", ".join(SUFFIXES)
    return UnsupportedInput(
        f"cannot read this kind of input; give a folder, a file ending in {kinds} (optionally .gz), or - for stdin",
        file=path,
    )


def _classify(name: str) -> tuple[str, bool, str] | None:
    """(format, compressed, name without suffixes) for a file name, or None when it is no input."""
    lower = name.lower()
    compressed = lower.endswith(".gz")
    if compressed:
        name, lower = name[:-3], lower[:-3]
    for suffix in SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix):
            return ("html" if suffix == ".htm" else suffix[1:]), compressed, name[: -len(suffix)]
    return None


def _expand(path: str) -> Iterator[InputFile | _Problem]:
    file = Path(path)
    if file.is_dir():
        yield from _folder(file)
        return
    if (problem := _unreachable(path)) is not None:
        yield _Problem(problem)
        return
    kind = _classify(file.name)
    if kind is None:
        yield _Problem(_unsupported(path))
        return
    fmt, compressed, stem = kind
    yield InputFile(file, stem, fmt, compressed)


def _folder(root: Path) -> Iterator[InputFile]:
    # os.walk with sorted names in place: a stable order without listing a million files first.
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        relative = Path(folder).relative_to(root)
        for name in sorted(files):
            kind = None if name.startswith(".") else _classify(name)
            if kind is None:
                log.debug("skipping %s: not an input file", Path(folder, name))
                continue
            fmt, compressed, stem = kind
            yield InputFile(Path(folder, name), (relative / stem).as_posix(), fmt, compressed)


# -- bytes and decoding ---------------------------------------------------------------------------


_Stream = io.BufferedReader | gzip.GzipFile


def _open(source: InputFile) -> _Stream:
    if source.compressed:
        return gzip.GzipFile(source.path, "rb")
    return source.path.open("rb")


def _read_document(source: InputFile, limit: int) -> bytes:
    """The whole file, read once; refused before reading when it is over ``limit`` bytes."""
    if not source.compressed:
        size = source.path.stat().st_size
        if size > limit:
            raise TooLarge(_too_large(size, limit), file=source.name)
    with _open(source) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(_too_large(None, limit), file=source.name)
    return data


def _too_large(size: int | None, limit: int) -> str:
    amount = f"{size:,} bytes, " if size is not None else ""
    return f"{amount}more than the limit of {limit:,} bytes for one article; raise the limit (max_bytes) to read it"


_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# C0 and C1 control characters other than tab, newline, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Share of the characters that may be controls or (after a Windows-1252 fallback) non-ASCII.
_MAX_CONTROL_SHARE = 0.01
_MAX_FALLBACK_NON_ASCII_SHARE = 0.3
# Codecs that are no character set a page could be written in.
_NOT_CHARSETS = re.compile(r"escape|idna|punycode|undefined|_codec|^utf-8|^ascii$|^cp1252$|^iso8859-1$")


@dataclass(frozen=True, slots=True)
class _Decoded:
    text: str
    fallback: str | None = None  # the encoding used when the bytes were not UTF-8, to report


def _decode(data: bytes, file: str, line: int | None = None, declared: str | None = None) -> _Decoded:
    """Decode bytes that should be text: UTF-8 (with or without BOM), UTF-16 with a BOM, the
    page's declared charset, else Windows-1252 for the bytes that are not UTF-8, but only when
    the result reads as text. Anything else is refused rather than garbled.

    ``line`` is the line number of a single line (of a JSON lines or CSV file), None for a document.
    """
    first = line or 1
    if line is None or line == 1:
        for bom, encoding in _BOMS:
            if data.startswith(bom):
                try:
                    return _Decoded(_as_text(data.decode(encoding), file, line))
                except UnicodeDecodeError as exc:
                    message = f"the data starts with a {encoding} byte-order mark but byte {exc.start} is not {encoding}"
                    raise BadEncoding(message, file=file, line=first + data.count(b"\n", 0, exc.start)) from None
    if b"\0" in data:
        raise UnreadableInput("binary data (NUL bytes), not text", file=file, line=line)
    if declared and (text := _try_declared(data, declared)) is not None:
        return _Decoded(_as_text(text, file, line))
    try:
        return _Decoded(_as_text(data.decode("utf-8"), file, line))
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text, encoding = _windows_1252_fallback(data)
    if text is None or not _reads_as_text(text, fallback=True):
        raise BadEncoding(
            f"byte {first_bad} is not UTF-8 and the text does not read as Windows-1252 either; "
            "convert it to UTF-8, e.g. iconv -f LATIN1 -t UTF-8",
            file=file,
            line=first + data.count(b"\n", 0, first_bad),
        )
    return _Decoded(text, encoding)


def _decode_document(data: bytes, file: str, declared: str | None = None) -> str:
    decoded = _decode(data, file, declared=declared)
    if decoded.fallback:
        log.warning("%s: not UTF-8; read as %s", file, decoded.fallback)
    return decoded.text


def _try_declared(data: bytes, declared: str) -> str | None:
    try:
        encoding = codecs.lookup(declared).name
    except LookupError:
        return None
    if _NOT_CHARSETS.search(encoding):
        return None  # the UTF-8 / Windows-1252 path handles these, and pages often mislabel them
    try:
        return data.decode(encoding)
    except (LookupError, ValueError):  # UnicodeDecodeError is a ValueError
        return None


def _as_text(text: str, file: str, line: int | None) -> str:
    if not _reads_as_text(text, fallback=False):
        raise UnreadableInput("binary data (control characters), not text", file=file, line=line)
    return text


def _reads_as_text(text: str, *, fallback: bool) -> bool:
    if not text:
        return True
    if "\0" in text or len(_CONTROL.findall(text)) > len(text) * _MAX_CONTROL_SHARE:
        return False
    if fallback:
        non_ascii = len(text) - len(text.encode("ascii", "ignore"))
        return non_ascii <= len(text) * _MAX_FALLBACK_NON_ASCII_SHARE
    return True


# Bytes that are not UTF-8, as the surrogateescape error handler keeps them (U+DC80 to U+DCFF).
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")


def _windows_1252_fallback(data: bytes) -> tuple[str | None, str]:
    """The bytes read as UTF-8, and those that are not UTF-8 as Windows-1252 (no codec error
    handler is registered: that would change the process for everyone)."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    try:
        text = _ESCAPED_BYTES.sub(lambda run: bytes(ord(c) - 0xDC00 for c in run.group()).decode("cp1252"), escaped)
    except UnicodeDecodeError:  # bytes Windows-1252 leaves undefined: not that either
        return None, ""
    try:
        pure = data.decode("cp1252") == text
    except UnicodeDecodeError:
        pure = False
    return text, "Windows-1252" if pure else "UTF-8 mixed with Windows-1252"


# -- one-article files ------------------------------------------------------------------------------


def _read_txt(source: InputFile, options: ReadOptions) -> Iterator[_Item]:
    text = _decode_document(_read_document(source, options.max_bytes), source.name)
    yield _article(source.article_id, text, None, source.name, None, options, listed=_listed(source, options))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)


def _read_html(source: InputFile, options: ReadOptions) -> Iterator[_Item]:
    data = _read_document(source, options.max_bytes * _HTML_MARKUP_FACTOR)
    declared = _META_CHARSET.search(data[:4096])
    markup = _decode_document(data, source.name, declared.group(1).decode("ascii") if declared else None)
    page = extract_article(markup)
    yield _article(
        source.article_id,
        page.text,
        page.published,
        source.name,
        None,
        options,
        own_source=DateSource.PAGE,
        listed=_listed(source, options),
        title=page.title,
        url=page.url,
        source=page.site,
    )


def _read_stdin(options: ReadOptions) -> Iterator[_Item]:
    stream = options.stdin or sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:  # decode the bytes ourselves so stdin follows the same rules as files
        data = buffer.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            raise TooLarge(_too_large(None, options.max_bytes), file=STDIN)
        raw = _decode_document(data, STDIN)
    else:
        raw = stream.read(options.max_bytes + 1).removeprefix("\ufeff")
        if len(raw) > options.max_bytes:
            raise TooLarge(_too_large(None, options.max_bytes), file=STDIN)
    yield _article("stdin", raw, None, STDIN, None, options)


# -- line formats ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    text: str | None  # None when the line could not be read
    problem: StandoffError | None = None
    quotes: int = 0  # '"' characters in the line, to keep CSV quoting in step over unread lines


def _lines(source: InputFile, options: ReadOptions) -> Iterator[_Line]:
    """The lines of a file, decoded one by one, so that one bad line costs only itself.

    A line longer than ``max_bytes`` is skipped in chunks and never held in memory whole.
    """
    with _open(source) as stream:
        head = stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            yield from _utf16_lines(stream, source, options.max_bytes)
            return
        if _looks_binary(head):  # one failure, not one per "line"
            raise UnreadableInput("binary data (NUL bytes), not text", file=source.name)
        yield from _byte_lines(stream, source, options.max_bytes)


def _looks_binary(head: bytes) -> bool:
    """Binary data has NUL bytes all through it, so in most of the "lines" of its start; a text
    file with a broken line (one NUL, a block of zeros after a crash) has them in one or two."""
    lines = head.split(b"\n")
    broken = sum(b"\0" in line for line in lines)
    return broken >= 2 and broken * 2 > len(lines)


def _byte_lines(stream: _Stream, source: InputFile, limit: int) -> Iterator[_Line]:
    number, reported = 0, False
    while line := stream.readline(limit + 1):
        number += 1
        quotes = line.count(b'"')
        if len(line) > limit and not line.endswith(b"\n"):
            while (chunk := stream.readline(_SKIP_CHUNK)) and not chunk.endswith(b"\n"):
                quotes += chunk.count(b'"')
            quotes += chunk.count(b'"')
            yield _Line(number, None, TooLarge(_too_large(None, limit), file=source.name, line=number), quotes)
            continue
        try:
            decoded = _decode(line, source.name, number)
        except StandoffError as exc:
            yield _Line(number, None, exc, quotes)
            continue
        if decoded.fallback and not reported:
            log.warning("%s:%d: not UTF-8; read as %s (later lines not reported)", source.name, number, decoded.fallback)
            reported = True
        yield _Line(number, decoded.text, quotes=quotes)


def _utf16_lines(stream: _Stream, source: InputFile, limit: int) -> Iterator[_Line]:
    text = io.TextIOWrapper(stream, encoding="utf-16", errors="strict", newline="")
    number = 0
    try:
        while line := text.readline(limit + 1):
            number += 1
            if len(line) > limit and not line.endswith("\n"):
                quotes = line.count('"')
                while (chunk := text.readline(_SKIP_CHUNK)) and not chunk.endswith("\n"):
                    quotes += chunk.count('"')
                quotes += chunk.count('"')
                yield _Line(number, None, TooLarge(_too_large(None, limit), file=source.name, line=number), quotes)
            elif not _reads_as_text(line, fallback=False):
                yield _Line(number, None, UnreadableInput("binary data, not text", file=source.name, line=number))
            else:
                yield _Line(number, line, quotes=line.count('"'))
    except UnicodeDecodeError:
        message = "not valid UTF-16 although the file starts with its byte-order mark"
        raise BadEncoding(message, file=source.name, line=number + 1) from None
    finally:
        text.detach()


def _read_jsonl(source: InputFile, options: ReadOptions) -> Iterator[_Item]:
    # Lines end at "\n" only: JSON strings may legally hold U+2028, which splitlines() would cut.
    for line in _lines(source, options):
        if line.problem is not None:
            yield _Problem(line.problem)
        elif line.text is not None and line.text.strip():
            yield _jsonl_record(line.text, source.name, line.number, options)


def _jsonl_record(line: str, path: str, number: int, options: ReadOptions) -> _Item:
    try:
        record = json.loads(line.rstrip("\r\n"))  # a line cut short then reads as unterminated, not as a stray newline
    except json.JSONDecodeError as exc:
        # Some messages end in "at" already: "Unterminated string starting at".
        where = f"column {exc.colno}" if exc.msg.endswith(" at") else f"at column {exc.colno}"
        return _Problem(MalformedRecord(f"not valid JSON ({exc.msg} {where})", file=path, line=number))
    except (ValueError, RecursionError) as exc:  # numbers too long to convert, nesting too deep
        return _Problem(MalformedRecord(f"not valid JSON ({exc})", file=path, line=number))
    if not isinstance(record, dict):
        return _Problem(MalformedRecord("each line must be a JSON object with 'id' and 'text'", file=path, line=number))
    article_id, text = record.get("id"), record.get("text")
    if isinstance(article_id, bool) or not isinstance(article_id, str | int) or str(article_id).strip() == "":
        return _Problem(MalformedRecord("the record needs an 'id' (a string or number)", file=path, line=number))
    article_id = str(article_id)
    try:
        if not isinstance(text, str):
            raise MalformedRecord("the record needs a 'text' string", file=path, line=number)
        extras: dict[str, str | None] = {}
        for key in ("title", "url", "source"):
            value = record.get(key)
            if value is not None and not isinstance(value, str):
                raise MalformedRecord(f"'{key}' must be a string", file=path, line=number)
            extras[key] = value
        published = _record_date(record.get("date", record.get("published")), path, number)
    except StandoffError as exc:
        return _Problem(exc, article_id)
    return _article(article_id, text, published, path, number, options, **extras)


def _record_date(value: object, path: str, number: int) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadDate(f"the date must be a string, got {value!r}", file=path, line=number)
    try:
        return parse_date(str(value))
    except BadDate as exc:
        raise BadDate(exc.message, file=path, line=number) from None


# -- CSV ---------------------------------------------------------------------------------------------


class _CsvFeed:
    """Feeds decoded lines to csv.reader, and keeps what it needs to report the row being read:
    its first line, what went wrong in it, and its lines, to be read again if its quoting breaks.

    A line that could not be read is replaced by its quote characters, so the csv module keeps
    track of quoted fields, and the row it belongs to is reported instead of yielded. A quote
    that is never closed would take every later line into its field: that row is reported, and
    the lines after its first are read again, as rows of their own.
    """

    def __init__(self, lines: Iterator[_Line], source: InputFile, limit: int) -> None:
        self.lines, self.source, self.limit = lines, source, limit
        self.again: deque[_Line] = deque()  # lines to read again, before the rest of the file
        self.start_row()

    def __iter__(self) -> _CsvFeed:
        return self

    def __next__(self) -> str:
        line = self.again.popleft() if self.again else next(self.lines)
        if self.first_line is None:
            self.first_line = line.number
        if self.row is not None:
            self.row.append(line)
        if line.text is not None and self.problem is None:
            self.row_bytes += len(line.text)
            if self.row_bytes <= self.limit:
                return line.text
            self.problem = TooLarge(_too_large(None, self.limit), file=self.source.name, line=line.number)
            self.row = None  # too large to keep for reading again
        self.problem = self.problem or line.problem
        return '"' * (line.quotes % 2) + "\n"

    def start_row(self) -> None:
        self.row_bytes, self.problem = 0, None
        self.first_line: int | None = None
        self.row: list[_Line] | None = []

    def read_again_after_first_line(self) -> None:
        if self.row is not None:
            self.again.extendleft(reversed(self.row[1:]))


@dataclass(frozen=True, slots=True)
class _Columns:
    text: int
    id: int | None
    date: int | None
    title: int | None
    url: int | None
    source: int | None


def _read_csv(source: InputFile, options: ReadOptions) -> Iterator[_Item]:
    lines = _lines(source, options)
    header_line = next((line for line in lines if line.problem is not None or (line.text or "").strip()), None)
    if header_line is None:
        return
    if header_line.problem is not None:
        raise header_line.problem
    header_text = header_line.text or ""
    delimiter = max(",;\t|", key=header_text.count) if any(c in header_text for c in ",;\t|") else ","
    try:
        with _csv_field_limit(options.max_bytes):
            header = [name.strip() for name in next(csv.reader([header_text], delimiter=delimiter))]
    except csv.Error as exc:
        raise MalformedRecord(f"cannot read the header row ({exc})", file=source.name, line=header_line.number) from None
    columns = _csv_columns(header, options, source.name, header_line.number)
    feed = _CsvFeed(lines, source, options.max_bytes)
    rows = csv.reader(feed, delimiter=delimiter, strict=True)
    while True:
        feed.start_row()
        try:
            with _csv_field_limit(options.max_bytes):
                row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:  # a quote never closed, or text after a closing quote
            message = f"bad quoting ({exc}): a quote opened in this row is not closed, or text follows its closing quote"
            yield _Problem(feed.problem or MalformedRecord(message, file=source.name, line=feed.first_line))
            feed.read_again_after_first_line()
            rows = csv.reader(feed, delimiter=delimiter, strict=True)  # the old one is stuck inside the broken field
            continue
        if feed.problem is not None:
            yield _Problem(feed.problem)
        elif any(cell.strip() for cell in row):
            yield _csv_record(row, columns, source, feed.first_line or 0, options)


def _csv_columns(header: list[str], options: ReadOptions, name: str, line: int) -> _Columns:
    def missing(what: str, wanted: str) -> MissingColumn:
        present = ", ".join(repr(column) for column in header) or "none"
        message = f"no {what} column {wanted!r}; the columns are {present} (choose one with --{what}-column)"
        return MissingColumn(message, file=name, line=line)

    def optional(wanted: str | None, defaults: tuple[str, ...], what: str) -> int | None:
        index = _column(header, (wanted,) if wanted else defaults)
        if index is None and wanted:
            raise missing(what, wanted)
        return index

    text = _column(header, (options.text_column,))
    if text is None:
        raise missing("text", options.text_column)
    return _Columns(
        text=text,
        id=optional(options.id_column, ("id",), "id"),
        date=optional(options.date_column, ("date", "published"), "date"),
        title=optional(options.title_column, ("title",), "title"),
        url=optional(options.url_column, ("url",), "url"),
        source=_column(header, ("source",)),
    )


def _column(header: list[str], candidates: tuple[str, ...]) -> int | None:
    """The first candidate's index in the header; exact names win over case-insensitive ones."""
    for candidate in candidates:
        for same in (str.__eq__, lambda a, b: a.casefold() == b.casefold()):
            for index, column in enumerate(header):
                if same(column, candidate):
                    return index
    return None


def _csv_record(row: list[str], columns: _Columns, source: InputFile, number: int, options: ReadOptions) -> _Item:
    def cell(index: int | None) -> str | None:
        return row[index].strip() or None if index is not None and index < len(row) else None

    article_id = cell(columns.id) if columns.id is not None else f"{source.article_id}#{number}"
    if article_id is None:
        return _Problem(MalformedRecord("the row has no id", file=source.name, line=number))
    if columns.text >= len(row):
        message = f"the row has {len(row)} fields and no text (column {columns.text + 1})"
        return _Problem(MalformedRecord(message, file=source.name, line=number), article_id)
    try:
        published = _record_date(cell(columns.date), source.name, number)
    except BadDate as exc:
        return _Problem(exc, article_id)
    extras = {"title": cell(columns.title), "url": cell(columns.url), "source": cell(columns.source)}
    return _article(article_id, row[columns.text], published, source.name, number, options, **extras)


@contextmanager
def _csv_field_limit(limit: int) -> Iterator[None]:
    """The csv module's field size limit is process-wide: raise it to fit an article while a row
    is read, and put it back, so that reading leaves the process as it was."""
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, limit))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


# -- articles ----------------------------------------------------------------------------------------

# Invisible control characters carry nothing a reader sees; a form feed separates pages.
_STRAY_CONTROLS = str.maketrans(
    {code: None for code in (*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0))} | {0x0C: "\n"}
)
_STRAY_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _article(
    article_id: str,
    raw: str,
    own_date: date | None,
    file: str,
    line: int | None,
    options: ReadOptions,
    own_source: DateSource = DateSource.RECORD,
    listed: date | None = None,
    **extras: str | None,
) -> _Item:
    """Clean the text and check it is an article worth coding: not empty, not too large, English.
    Its date: its manifest row (``listed``) or its own (``own_date``, from ``own_source``), else
    one its opening lines give, else the fallback date."""

    def problem(error_type: type[StandoffError], message: str) -> _Problem:
        return _Problem(error_type(message, file=file, line=line), article_id)

    if any(_SURROGATE.search(value) for value in (article_id, raw, *(v for v in extras.values() if v))):
        return problem(BadEncoding, "the text holds an unpaired surrogate (an escape like \\ud800), not valid Unicode")
    if len(raw) > options.max_bytes:
        return problem(TooLarge, _too_large(len(raw), options.max_bytes))
    cleaned = clean_text(raw.translate(_STRAY_CONTROLS) if _STRAY_CONTROL.search(raw) else raw)
    if cleaned.removed:
        log.debug("%s (%s): dropped %d non-news lines: %r", article_id, file, len(cleaned.removed), cleaned.removed)
    if not cleaned.text.strip():
        return problem(EmptyArticle, "the article has no text (after removing captions, bylines and markup)")
    if options.english_only:
        guess = guess_language(cleaned.text)
        if not guess.english:
            return problem(NotEnglish, f"not English: looks like {guess.evidence}; standoff codes English text only")
    published, date_source = _publication(raw, own_date, own_source, listed, options.default_date)
    return Article(id=article_id, text=cleaned.text, published=published, date_source=date_source, **extras)


def _publication(
    raw: str, own: date | None, own_source: DateSource, listed: date | None, fallback: date | None
) -> tuple[date | None, DateSource | None]:
    if listed is not None:
        return listed, DateSource.MANIFEST
    if own is not None:
        return own, own_source
    found = date_in_text(raw, fallback)
    if found is not None:
        return found, DateSource.DATELINE
    return (fallback, DateSource.FALLBACK) if fallback is not None else (None, None)


def _listed(source: InputFile, options: ReadOptions) -> date | None:
    """The manifest's date for a one-article file."""
    return options.manifest.date_of(source.path) if options.manifest is not None else None


_READERS: dict[str, Callable[[InputFile, ReadOptions], Iterator[_Item]]] = {
    "txt": _read_txt,
    "html": _read_html,
    "jsonl": _read_jsonl,
    "csv": _read_csv,
}

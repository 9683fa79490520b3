"""Read a whole-article gold set: a directory of ``<id>.txt`` articles, each hand-coded in
``<id>.yaml``.

The YAML holds the article's ``id`` (its file stem), ``published`` date, ``title``, ``region``
and ``style``, and under ``events`` three lists: ``required`` (every political event a careful
CAMEO coder must find), ``acceptable`` (events a coder may also code) and ``forbidden``
(plausible mistakes). Each entry quotes a verbatim ``sentence`` fragment that occurs exactly
once in the .txt, and gives ``source`` and ``target`` (ISO-3 country or organisation group
code, or null), ``code`` (CAMEO) or ``root``, and, for required events, ``date`` and
``precision`` (day, week, month, year, decade, or unknown with a null date) and
``background``. Sectors, modality, place and notes are for readers; they are not scored.

Every problem is a BadGoldFile naming the file and, inside a YAML file, the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from standoff.errors import BadDate, BadGoldFile, InputNotFound
from standoff.text.readers import parse_date

SECTIONS = ("required", "acceptable", "forbidden")
PRECISIONS = ("day", "week", "month", "year", "decade", "unknown")
STYLES = ("wire", "newspaper", "analysis", "ngo-story")
_ACTOR = re.compile(r"[A-Z]{3}")
_CODE = re.compile(r"\d{2,4}")


@dataclass(frozen=True, slots=True)
class GoldAct:
    """One hand-coded event of an article."""

    section: str  # required, acceptable or forbidden
    sentence: str  # a verbatim fragment of the sentence that reports it
    source: str | None
    target: str | None
    root: str  # the CAMEO root, "01" to "20": what is scored
    code: str | None
    date: date | None
    precision: str | None  # one of PRECISIONS; None where the gold leaves the date out
    background: bool
    line: int  # in the YAML file


@dataclass(frozen=True, slots=True)
class ArticleGold:
    id: str
    published: date
    title: str | None
    style: str | None
    text_file: Path
    acts: tuple[GoldAct, ...]

    def section(self, name: str) -> tuple[GoldAct, ...]:
        return tuple(act for act in self.acts if act.section == name)


def read_article_set(folder: Path) -> list[ArticleGold]:
    """Every article of ``folder``, sorted by id."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputNotFound("article gold folder not found; check the path", file=str(folder))
    codings = sorted(folder.glob("*.yaml"))
    texts = {p.stem for p in folder.glob("*.txt")}
    if not codings:
        raise BadGoldFile("no article gold here: each article is <id>.txt with its coding in <id>.yaml", file=str(folder))
    uncoded = sorted(texts - {p.stem for p in codings})
    if uncoded:
        raise BadGoldFile(f"{uncoded[0]}.txt has no coding; write {uncoded[0]}.yaml next to it", file=str(folder / f"{uncoded[0]}.txt"))
    return [read_article_gold(path) for path in codings]


def read_article_gold(path: Path) -> ArticleGold:
    """One article's coding, checked against its text (``<stem>.txt`` next to it)."""
    text_file = path.with_suffix(".txt")
    if not text_file.is_file():
        raise BadGoldFile(f"the article text {text_file.name} is missing", file=str(path))
    try:
        raw = text_file.read_text(encoding="utf-8")
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_GoldLoader)  # noqa: S506 - a SafeLoader subclass
    except UnicodeDecodeError as exc:
        raise BadGoldFile(f"not UTF-8 text ({exc.reason}); save it as UTF-8", file=str(path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise BadGoldFile(f"not valid YAML: {getattr(exc, 'problem', None) or exc}", file=str(path), line=mark.line + 1 if mark else None) from None
    return _article(data, path, text_file, raw)


class _Lined(dict):  # type: ignore[type-arg]
    """A YAML mapping that knows its line."""

    line: int


class _GoldLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Mappings carry their line and refuse duplicate keys; dates and numbers stay text (a code
    "0211" keeps its zero)."""


def _lined_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> _Lined:
    seen = set()
    for key_node, _ in node.value:
        if key_node.value in seen:  # PyYAML would keep the last value silently
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key_node.value!r}", key_node.start_mark)
        seen.add(key_node.value)
    mapping = _Lined(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_GoldLoader.add_constructor("tag:yaml.org,2002:map", _lined_mapping)
for _tag in ("timestamp", "int", "float"):
    _GoldLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", yaml.SafeLoader.construct_scalar)


def _article(data: Any, path: Path, text_file: Path, raw: str) -> ArticleGold:
    file = str(path)
    if not isinstance(data, _Lined):
        raise BadGoldFile("the coding must be a YAML mapping with id, published and events", file=file)
    fields = _Fields(data, file)
    article_id = fields.text("id", required=True)
    if article_id != path.stem:
        raise BadGoldFile(f"id {article_id!r} must be the file stem {path.stem!r}", file=file, line=data.line)
    style = fields.text("style")
    if style is not None and style not in STYLES:
        raise BadGoldFile(f"style {style!r} must be one of {', '.join(STYLES)}", file=file, line=data.line)
    published = fields.day("published")
    if published is None:
        raise BadGoldFile('"published" (the publication date, YYYY-MM-DD) is required', file=file, line=data.line)
    events = data.get("events")
    if not isinstance(events, _Lined) or not isinstance(events.get("required"), list):
        raise BadGoldFile('"events" must be a mapping with a "required" list', file=file, line=getattr(events, "line", data.line))
    unknown = set(events) - set(SECTIONS)
    if unknown:
        raise BadGoldFile(f"unknown event lists {sorted(unknown)}; use {', '.join(SECTIONS)}", file=file, line=events.line)
    acts = []
    for section in SECTIONS:
        entries = events.get(section) or []
        if not isinstance(entries, list):
            raise BadGoldFile(f'"{section}" must be a list', file=file, line=events.line)
        acts += [_act(entry, section, file, raw) for entry in entries]
    return ArticleGold(article_id, published, fields.text("title"), style, text_file, tuple(acts))


def _act(entry: Any, section: str, file: str, raw: str) -> GoldAct:
    if not isinstance(entry, _Lined):
        raise BadGoldFile(f"each {section} event must be a mapping", file=file)
    fields = _Fields(entry, file)
    sentence = fields.text("sentence", required=True)
    count = raw.count(sentence)
    if count != 1:
        where = "does not occur" if count == 0 else f"occurs {count} times"
        raise BadGoldFile(f"the sentence fragment {sentence!r} {where} in the article text; quote words that occur exactly once", file=file, line=entry.line)
    code = fields.text("code")
    root = fields.text("root")
    if code is None and root is None:
        raise BadGoldFile('give the CAMEO "code" (or its "root")', file=file, line=entry.line)
    for name, value in (("code", code), ("root", root)):
        if value is not None and not (_CODE.fullmatch(value) and 1 <= int(value[:2]) <= 20 and (name == "code" or len(value) == 2)):
            raise BadGoldFile(f'{name} {value!r} is not a CAMEO {name} ("01" to "20" first)', file=file, line=entry.line)
    precision = fields.text("precision")
    day = fields.day("date")
    if section == "required" and precision is None:
        raise BadGoldFile('a required event needs "precision" (day, week, month, year, decade or unknown)', file=file, line=entry.line)
    if precision is not None and precision not in PRECISIONS:
        raise BadGoldFile(f"precision {precision!r} must be one of {', '.join(PRECISIONS)}", file=file, line=entry.line)
    if section == "required" and (precision == "unknown") != (day is None):  # only required dates are scored
        raise BadGoldFile("give a date unless the precision is unknown, and none when it is", file=file, line=entry.line)
    background = entry.get("background", False)
    if not isinstance(background, bool):
        raise BadGoldFile(f"background must be true or false, not {background!r}", file=file, line=entry.line)
    return GoldAct(
        section=section,
        sentence=sentence,
        source=fields.actor("source"),
        target=fields.actor("target"),
        root=(code or root or "")[:2],
        code=code,
        date=day,
        precision=precision,
        background=background,
        line=entry.line,
    )


class _Fields:
    """Typed reads from one YAML mapping, failing with its file and line."""

    def __init__(self, data: _Lined, file: str) -> None:
        self._data = data
        self._file = file

    def fail(self, message: str) -> BadGoldFile:
        return BadGoldFile(message, file=self._file, line=self._data.line)

    def text(self, key: str, required: bool = False) -> str | None:
        value = self._data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise self.fail(f'"{key}" is required')
            return None
        if not isinstance(value, str):
            raise self.fail(f'"{key}" must be text, not {value!r}')
        return value.strip()

    def day(self, key: str) -> date | None:
        value = self.text(key)
        try:
            return parse_date(value) if value is not None else None
        except BadDate:
            raise self.fail(f'"{key}" {value!r} is not a date; write YYYY-MM-DD') from None

    def actor(self, key: str) -> str | None:
        value = self.text(key)
        if value is not None and not _ACTOR.fullmatch(value):
            raise self.fail(f'"{key}" {value!r} must be a three-letter code (ISO-3 country or organisation group) or null')
        return value

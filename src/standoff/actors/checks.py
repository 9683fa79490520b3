"""Reading and checking the knowledge base's YAML files, with errors that name file and entry."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, NoReturn

import yaml

from standoff.actors.entries import SECTOR_CODES
from standoff.errors import BadDictionary

STATE_CODE = re.compile(r"[A-Z]{3}")
ACTOR_CODE = re.compile(r"(?:[A-Z0-9]{3})+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Source:
    name: str  # shown in error messages
    kind: str
    data: bytes


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader that rejects duplicate mapping keys, which PyYAML would silently drop,
    and leaves dates as text, so that a bad date is reported with its entry."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                continue  # the base class reports unhashable keys
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)


def decode(source: Source) -> str:
    try:
        return source.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadDictionary(f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", file=source.name) from None


def parse(source: Source) -> Any:
    text = decode(source)
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else None
        raise BadDictionary(f"not valid YAML: {problem}", file=source.name, line=line) from None


@dataclass(frozen=True, slots=True)
class Where:
    """Where an entry sits, for error messages."""

    file: str
    entry: str

    def fail(self, message: str) -> NoReturn:
        raise BadDictionary(f"{self.entry}: {message}", file=self.file)

    def within(self, part: str) -> Where:
        return Where(self.file, f"{self.entry}, {part}")


def entries(source: Source) -> list[tuple[Where, dict[str, Any]]]:
    data = parse(source)
    if data is None:
        return []
    if not isinstance(data, list):
        raise BadDictionary("expected a list of entries", file=source.name)
    found = []
    for index, entry in enumerate(data, start=1):
        label = entry.get("code") or entry.get("name") if isinstance(entry, dict) else None
        where = Where(source.name, f"entry {index}" + (f" ({label})" if label else ""))
        if not isinstance(entry, dict):
            where.fail("expected a mapping of fields")
        found.append((where, entry))
    return found


def check_fields(where: Where, entry: Mapping[str, Any], required: set[str], optional: set[str]) -> None:
    missing = sorted(required - entry.keys())
    if missing:
        where.fail(f"missing field(s): {', '.join(missing)}")
    unknown = sorted(set(entry) - required - optional)
    if unknown:
        where.fail(f"unknown field(s): {', '.join(map(str, unknown))}")


def text(where: Where, entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        where.fail(f"{key} must be a non-empty string, got {value!r}")
    return value


def texts(where: Where, entry: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        where.fail(f"{key} must be a list of non-empty strings, got {value!r}")
    return tuple(value)


def sector(where: Where, value: Any) -> str:
    if not isinstance(value, str) or value not in SECTOR_CODES:
        where.fail(f"unknown sector code {value!r}; known codes: {', '.join(sorted(SECTOR_CODES))}")
    return value


def code(where: Where, value: Any, key: str = "code") -> str:
    if not isinstance(value, str) or not ACTOR_CODE.fullmatch(value):
        where.fail(f"{key} must be blocks of three capital letters or digits, got {value!r}")
    return value


def case_sensitive(where: Where, entry: Mapping[str, Any], forms: Iterable[str]) -> frozenset[str]:
    listed = texts(where, entry, "case_sensitive")
    stray = sorted(set(listed) - set(forms))
    if stray:
        where.fail(f"case_sensitive lists forms that are not among the names: {', '.join(stray)}")
    return frozenset(listed)


def iso_date(where: Where, value: Any, key: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    where.fail(f"{key} must be a date written YYYY-MM-DD, got {value!r}")


def date_range(where: Where, value: Mapping[str, Any]) -> tuple[date | None, date | None]:
    start = iso_date(where, value.get("from"), "from")
    end = iso_date(where, value.get("until"), "until")
    if start is not None and end is not None and start > end:
        where.fail(f"from ({start}) is after until ({end})")
    return start, end

"""The actor knowledge base: states, organisations, sector words and office holders.

The data live in YAML files under ``standoff/actors/data`` (``states.yaml``,
``organisations.yaml``, ``sectors.yaml`` and any number of ``people_*.yaml``). Users may add
files of the same kinds; the kind is read from the file name. Every file is checked on load,
and a problem raises ``BadDictionary`` naming the file and the entry.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn

import yaml

from standoff.errors import BadDictionary
from standoff.model import ActorCode

# CAMEO sector (role) codes, the organisation types IGO, NGO and IMG, and the party and
# religion codes the KEDS/PETRARCH dictionaries use alongside them.
SECTOR_CODES = frozenset(
    {
        "GOV", "MIL", "COP", "REB", "INS", "SEP", "UAF", "OPP", "LEG", "JUD", "PTY", "SPY",
        "BUS", "MED", "CVL", "EDU", "HLH", "REF", "CRM", "LAB", "NGO", "HRI", "ELI", "AGR",
        "ENV", "DEV", "MOD", "RAD", "REL", "IGO", "IMG", "NGM", "MNC",
    }
)  # fmt: skip

_KINDS = ("states", "organisations", "sectors", "people")
_STATE_CODE = re.compile(r"[A-Z]{3}")
_ACTOR_CODE = re.compile(r"(?:[A-Z0-9]{3})+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class State:
    code: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[tuple[str, str], ...]  # (seat name, sector code)
    case_sensitive: frozenset[str]

    @property
    def forms(self) -> tuple[str, ...]:
        """Every surface form that stands for the state (names, adjectives, capitals, seats)."""
        return self.names + self.adjectives + self.capitals + tuple(seat for seat, _ in self.seats)


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    group: str | None  # the organisation's own code, standing in for a country in dyads
    country: str | None  # the state the group belongs to, when it is not its own actor
    sector: str
    names: tuple[str, ...]
    case_sensitive: frozenset[str]


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    country: str
    sector: str
    start: date | None
    end: date | None  # inclusive; None while the role is held

    def active_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    country: str
    roles: tuple[Role, ...]

    def role_on(self, day: date | None) -> Role | None:
        """The role held on ``day``; without a day, the latest role.

        When roles overlap (a hand-over day, or two offices at once) the one that started
        last wins, since it is the one news of that day is about.
        """
        candidates = self.roles if day is None else [r for r in self.roles if r.active_on(day)]
        return max(candidates, key=_start_key, default=None)

    def code_on(self, day: date | None) -> ActorCode:
        """The person's actor code on ``day``.

        A role held that day gives its country and sector; after a role has ended the person
        is a former office holder (country + ELI); before any role, the country alone.
        """
        role = self.role_on(day)
        if role is not None:
            return ActorCode(role.country + role.sector, role.country, role.sector, role.start, role.end)
        if day is None:  # no roles at all
            return ActorCode(self.country, self.country)
        next_start = min((r.start for r in self.roles if r.start is not None and day < r.start), default=None)
        until = next_start - timedelta(days=1) if next_start is not None else None
        last_end = max((r.end for r in self.roles if r.end is not None and r.end < day), default=None)
        if last_end is not None:
            return ActorCode(self.country + "ELI", self.country, "ELI", last_end + timedelta(days=1), until)
        return ActorCode(self.country, self.country, None, None, until)


def _start_key(role: Role) -> date:
    return role.start or date.min


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    states: tuple[State, ...]
    organisations: tuple[Organisation, ...]
    sectors: Mapping[str, str]  # lower-case phrase -> sector code
    people: tuple[Person, ...]
    version: str
    _by_code: Mapping[str, State] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", MappingProxyType({s.code: s for s in self.states}))

    def state(self, code: str) -> State | None:
        return self._by_code.get(code)

    def sector(self, phrase: str) -> str | None:
        """The sector code of a phrase such as "Foreign Minister", or None."""
        return self.sectors.get(_normalise_phrase(phrase))


@functools.cache
def load_knowledge_base(extra_files: tuple[Path, ...] = ()) -> KnowledgeBase:
    """Read and check the packaged data files plus ``extra_files``.

    The kind of an extra file is read from its name: ``people*.yaml``, ``states*.yaml``,
    ``organisations*.yaml`` or ``sectors*.yaml``. Its entries are added to the packaged ones;
    a duplicate state code or sector phrase is an error, not an override.
    """
    sources = _packaged_sources() + [_read_extra(Path(p)) for p in extra_files]
    by_kind: dict[str, list[_Source]] = {kind: [] for kind in _KINDS}
    for source in sources:
        by_kind[source.kind].append(source)

    states = _load_states(by_kind["states"])
    organisations = _load_organisations(by_kind["organisations"], {s.code for s in states})
    sectors = _load_sectors(by_kind["sectors"])
    actor_countries = {s.code for s in states} | {o.group for o in organisations if o.group}
    people = _load_people(by_kind["people"], actor_countries)
    return KnowledgeBase(
        states=tuple(states),
        organisations=tuple(organisations),
        sectors=MappingProxyType(sectors),
        people=tuple(people),
        version=_version(sources),
    )


# --- reading files ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    name: str  # shown in error messages
    kind: str
    data: bytes


def _kind_of(file_name: str) -> str:
    path = Path(file_name)
    if path.suffix in (".yaml", ".yml"):
        for kind in _KINDS:
            if path.stem.startswith(kind):
                return kind
    raise BadDictionary(
        "cannot tell what this file holds; name it people_*.yaml, states*.yaml, "
        "organisations*.yaml or sectors*.yaml",
        file=file_name,
    )


def _packaged_sources() -> list[_Source]:
    folder = resources.files("standoff.actors") / "data"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    return [_Source(f"standoff/actors/data/{f.name}", _kind_of(f.name), f.read_bytes()) for f in files]


def _read_extra(path: Path) -> _Source:
    kind = _kind_of(str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadDictionary(f"cannot read the file: {exc.strerror}", file=str(path)) from None
    return _Source(str(path), kind, data)


def _version(sources: Iterable[_Source]) -> str:
    digest = hashlib.blake2b(digest_size=6)
    for source in sources:
        digest.update(Path(source.name).name.encode("utf-8") + b"\0" + source.data + b"\0")
    return digest.hexdigest()


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


def _parse(source: _Source) -> Any:
    try:
        text = source.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadDictionary(f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", file=source.name) from None
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        line = mark.line + 1 if mark is not None else None
        raise BadDictionary(f"not valid YAML: {problem}", file=source.name, line=line) from None


# --- checking entries ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Where:
    """Where an entry sits, for error messages."""

    file: str
    entry: str

    def fail(self, message: str) -> NoReturn:
        raise BadDictionary(f"{self.entry}: {message}", file=self.file)


def _entries(source: _Source) -> list[tuple[_Where, dict[str, Any]]]:
    data = _parse(source)
    if data is None:
        return []
    if not isinstance(data, list):
        raise BadDictionary("expected a list of entries", file=source.name)
    entries = []
    for index, entry in enumerate(data, start=1):
        label = entry.get("code") or entry.get("name") if isinstance(entry, dict) else None
        where = _Where(source.name, f"entry {index}" + (f" ({label})" if label else ""))
        if not isinstance(entry, dict):
            where.fail("expected a mapping of fields")
        entries.append((where, entry))
    return entries


def _check_fields(where: _Where, entry: Mapping[str, Any], required: set[str], optional: set[str]) -> None:
    missing = sorted(required - entry.keys())
    if missing:
        where.fail(f"missing field(s): {', '.join(missing)}")
    unknown = sorted(set(entry) - required - optional)
    if unknown:
        where.fail(f"unknown field(s): {', '.join(map(str, unknown))}")


def _text(where: _Where, entry: Mapping[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        where.fail(f"{key} must be a non-empty string, got {value!r}")
    return value


def _texts(where: _Where, entry: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        where.fail(f"{key} must be a list of non-empty strings, got {value!r}")
    return tuple(value)


def _sector(where: _Where, value: Any) -> str:
    if not isinstance(value, str) or value not in SECTOR_CODES:
        where.fail(f"unknown sector code {value!r}; known codes: {', '.join(sorted(SECTOR_CODES))}")
    return value


def _case_sensitive(where: _Where, entry: Mapping[str, Any], forms: Iterable[str]) -> frozenset[str]:
    listed = _texts(where, entry, "case_sensitive")
    stray = sorted(set(listed) - set(forms))
    if stray:
        where.fail(f"case_sensitive lists forms that are not among the names: {', '.join(stray)}")
    return frozenset(listed)


def _load_states(sources: list[_Source]) -> list[State]:
    states: list[State] = []
    seen: set[str] = set()
    for source in sources:
        for where, entry in _entries(source):
            _check_fields(where, entry, {"code", "name", "names"}, {"adjectives", "capitals", "seats", "case_sensitive"})
            code = _text(where, entry, "code")
            if not _STATE_CODE.fullmatch(code):
                where.fail(f"code must be three capital letters, got {code!r}")
            if code in seen:
                where.fail(f"duplicate state code {code}")
            seen.add(code)
            seats_value = entry.get("seats") or {}
            if not isinstance(seats_value, dict) or not all(isinstance(k, str) for k in seats_value):
                where.fail("seats must map seat names to sector codes")
            seats = tuple((seat, _sector(where, sector)) for seat, sector in seats_value.items())
            names = _texts(where, entry, "names")
            if not names:
                where.fail("names must list at least one name")
            adjectives = _texts(where, entry, "adjectives")
            capitals = _texts(where, entry, "capitals")
            forms = names + adjectives + capitals + tuple(seat for seat, _ in seats)
            states.append(
                State(
                    code=code,
                    name=_text(where, entry, "name"),
                    names=names,
                    adjectives=adjectives,
                    capitals=capitals,
                    seats=seats,
                    case_sensitive=_case_sensitive(where, entry, forms),
                )
            )
    return states


def _load_organisations(sources: list[_Source], state_codes: set[str]) -> list[Organisation]:
    organisations = []
    for source in sources:
        for where, entry in _entries(source):
            _check_fields(where, entry, {"code", "sector", "names"}, {"group", "country", "case_sensitive", "note"})
            code = _text(where, entry, "code")
            if not _ACTOR_CODE.fullmatch(code):
                where.fail(f"code must be blocks of three capital letters or digits, got {code!r}")
            group, country = entry.get("group"), entry.get("country")
            if (group is None) == (country is None):
                where.fail("give exactly one of group (the organisation's own code) or country")
            if group is not None and not (isinstance(group, str) and _STATE_CODE.fullmatch(group)):
                where.fail(f"group must be three capital letters, got {group!r}")
            if country is not None and (not isinstance(country, str) or country not in state_codes):
                where.fail(f"country {country!r} is not a known state code")
            names = _texts(where, entry, "names")
            if not names:
                where.fail("names must list at least one name")
            organisations.append(
                Organisation(
                    code=code,
                    group=group,
                    country=country,
                    sector=_sector(where, entry["sector"]),
                    names=names,
                    case_sensitive=_case_sensitive(where, entry, names),
                )
            )
    return organisations


def _normalise_phrase(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _load_sectors(sources: list[_Source]) -> dict[str, str]:
    sectors: dict[str, str] = {}
    for source in sources:
        data = _parse(source)
        if data is None:
            continue
        if not isinstance(data, dict):
            raise BadDictionary("expected a mapping of sector codes to lists of phrases", file=source.name)
        for sector, phrases in data.items():
            where = _Where(source.name, f"sector {sector}")
            _sector(where, sector)
            for phrase in _texts(where, data, sector):
                key = _normalise_phrase(phrase)
                if key in sectors:
                    where.fail(f"phrase {phrase!r} is already listed under {sectors[key]}")
                sectors[key] = sector
    return sectors


def _date(where: _Where, value: Any, key: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    where.fail(f"{key} must be a date written YYYY-MM-DD, got {value!r}")


def _load_people(sources: list[_Source], countries: set[str]) -> list[Person]:
    people = []
    for source in sources:
        for where, entry in _entries(source):
            _check_fields(where, entry, {"name", "country"}, {"aliases", "roles"})
            country = entry["country"]
            if not isinstance(country, str) or country not in countries:
                where.fail(f"country {country!r} is not a known state or organisation code")
            roles_value = entry.get("roles") or []
            if not isinstance(roles_value, list):
                where.fail("roles must be a list")
            roles = tuple(_role(where, index, role, country, countries) for index, role in enumerate(roles_value, 1))
            people.append(
                Person(
                    name=_text(where, entry, "name"),
                    aliases=_texts(where, entry, "aliases"),
                    country=country,
                    roles=roles,
                )
            )
    return people


def _role(where: _Where, index: int, value: Any, default_country: str, countries: set[str]) -> Role:
    where = _Where(where.file, f"{where.entry}, role {index}")
    if not isinstance(value, dict):
        where.fail("expected a mapping with title, sector, from, until")
    _check_fields(where, value, {"title", "sector"}, {"country", "from", "until"})
    country = value.get("country", default_country)
    if not isinstance(country, str) or country not in countries:
        where.fail(f"country {country!r} is not a known state or organisation code")
    start = _date(where, value.get("from"), "from")
    end = _date(where, value.get("until"), "until")
    if start is not None and end is not None and start > end:
        where.fail(f"from ({start}) is after until ({end})")
    return Role(_text(where, value, "title"), country, _sector(where, value["sector"]), start, end)

"""The actor knowledge base: states, places, organisations, sector words and office holders.

The packaged data live in YAML files under ``standoff/actors/data``: ``states.yaml``,
``places.yaml``, ``organisations.yaml``, ``sectors.yaml`` and any number of ``people_*.yaml``.
Every file is checked on load, and a problem raises ``BadDictionary`` naming file and entry.

Users extend and override the base with extra files (``--actors FILE``), read in order:

- a YAML file named like a packaged kind (``people_*.yaml``, ``states*.yaml``,
  ``organisations*.yaml``, ``sectors*.yaml``, ``places*.yaml``) in that kind's format: its
  entries are added; a duplicate state code or sector phrase is an error;
- any other YAML file: the user's own actors (format in ``standoff.actors.userfile``);
- a ``.txt`` file: a PETRARCH/TABARI actor or agent dictionary (``standoff.actors.petrarch``).

A name defined in one of the last two kinds of file takes that name over from everything
loaded before it (the packaged data first): "Georgia" in a user file replaces the state's
"Georgia", "police" in an agent dictionary replaces the packaged sector word.

Under the curated files lie the dictionaries standoff ships from other projects
(``standoff.actors.imported``: the Phoenix actors and agents, in ``data/phoenix/``). They add
what the curated files do not say: an imported entry keeps only the names that no curated
entry (and no imported file read before it) has, so where both name the same phrase the
curated entry wins, and a user's file wins over both.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from standoff.actors import checks
from standoff.actors.checks import Source, Where
from standoff.actors.entries import (
    SECTOR_CODES,
    Agent,
    KnowledgeBase,
    Organisation,
    Person,
    Place,
    Role,
    State,
    normalise_phrase,
    unaccented,
)
from standoff.actors.imported import ImportedActors, read_imported
from standoff.actors.petrarch import read_petrarch
from standoff.actors.userfile import read_user_actors
from standoff.errors import BadDictionary
from standoff.lexicon import Lexicon, load_lexicon

__all__ = [
    "SECTOR_CODES",
    "Agent",
    "KnowledgeBase",
    "Organisation",
    "Person",
    "Place",
    "Role",
    "State",
    "load_knowledge_base",
]

_KINDS = ("states", "organisations", "sectors", "people", "places")
_USER = "user"
_PETRARCH = "petrarch"
# The shipped dictionaries of other projects, in the order they stack under the curated files.
IMPORTED = ("phoenix/countries.tsv", "phoenix/international.tsv", "phoenix/nonstate.tsv", "phoenix/agents.tsv")


@functools.cache
def load_knowledge_base(extra_files: tuple[Path, ...] = (), lexicon: Lexicon | None = None) -> KnowledgeBase:
    """Read and check the packaged data files plus ``extra_files`` (see the module docstring);
    ``lexicon`` (the packaged one by default) says which words the resolver reads itself."""
    packaged = _packaged_sources()
    extras = [_read_extra(Path(p)) for p in extra_files]
    by_kind: dict[str, list[Source]] = {kind: [] for kind in _KINDS}
    for source in packaged + extras:
        if source.kind in by_kind:
            by_kind[source.kind].append(source)

    states = _load_states(by_kind["states"])
    state_codes = {s.code for s in states}
    organisations = _load_organisations(by_kind["organisations"], state_codes)
    group_codes: dict[str, str] = {}
    for org in organisations:
        if org.group:
            group_codes.setdefault(org.group, org.code)
    base = _Layer(
        states=states,
        places=_load_places(by_kind["places"], state_codes),
        organisations=organisations,
        sectors=_load_sectors(by_kind["sectors"]),
        people=_load_people(by_kind["people"], state_codes, group_codes),
    )
    shipped = [read_imported(Path(str(_data() / name)), frozenset(state_codes)) for name in IMPORTED]
    base = base.over(shipped, _read_heads(base, lexicon or load_lexicon()))
    for source in extras:
        if source.kind == _USER:
            people, orgs = read_user_actors(source)
            base = base.overridden_by(people, orgs, {})
        elif source.kind == _PETRARCH:
            imported = read_petrarch(checks.decode(source), source.name)
            base = base.overridden_by(list(imported.people), list(imported.organisations), dict(imported.agents))
    return KnowledgeBase(
        states=tuple(base.states),
        organisations=tuple(base.organisations),
        sectors=MappingProxyType(base.sectors),
        people=tuple(base.people),
        version=_version(packaged + extras),
        places=tuple(base.places),
        agents=MappingProxyType(base.agents),
        versions=MappingProxyType(_versions(packaged, shipped, extras)),
    )


# --- layering the imported dictionaries under the base and user files over it ----------


@dataclass
class _Layer:
    states: list[State]
    places: list[Place]
    organisations: list[Organisation]
    sectors: dict[str, str]
    people: list[Person]
    agents: dict[str, Agent] = field(default_factory=dict)

    def over(self, imported: Iterable[ImportedActors], read_heads: frozenset[str]) -> _Layer:
        """This layer with imported dictionaries under it, in order: an imported entry keeps
        the names that no entry of this layer or of a dictionary before it has (an entry left
        without a name is dropped), and an imported agent phrase whose head is one of
        ``read_heads`` is left to the resolver, which reads such phrases from their words."""
        taken = self._names()

        def free(names: Iterable[str]) -> tuple[str, ...]:
            kept = []
            for name in names:
                key = _same_name(name)
                if key not in taken:
                    taken.add(key)
                    kept.append(name)
            return tuple(kept)

        layer = self
        for dictionary in imported:
            people = [dataclasses.replace(p, name=names[0], aliases=names[1:]) for p in dictionary.people if (names := free((p.name, *p.aliases)))]
            organisations = [dataclasses.replace(o, names=names) for o in dictionary.organisations if (names := free(o.names))]
            places = [p for p in dictionary.places if free((p.name,))]
            agents = {p: agent for p, agent in dictionary.agents.items() if _head(p) not in read_heads and free((p,))}
            layer = _Layer(
                states=layer.states,
                places=layer.places + places,
                organisations=layer.organisations + organisations,
                sectors=layer.sectors,
                people=layer.people + people,
                agents={**layer.agents, **agents},
            )
        return layer

    def _names(self) -> set[str]:
        """Every name and phrase an entry of this layer has, as ``_same_name`` writes it."""
        names = [form for s in self.states for form in (*s.forms, *s.shared)]
        names += [p.name for p in self.places]
        names += [n for o in self.organisations for n in o.names]
        names += [n for p in self.people for n in (p.name, *p.aliases)]
        names += [*self.sectors, *self.agents]
        return {_same_name(n) for n in names}

    def overridden_by(self, people: list[Person], organisations: list[Organisation], agents: dict[str, Agent]) -> _Layer:
        """This layer with the new entries added and every name they define taken from the old ones."""
        taken = {n.lower() for p in people for n in (p.name, *p.aliases)}
        taken |= {n.lower() for o in organisations for n in o.names}
        taken |= set(agents)

        def keep(names: Iterable[str]) -> tuple[str, ...]:
            return tuple(n for n in names if n.lower() not in taken)

        states = [
            dataclasses.replace(
                s,
                names=keep(s.names),
                adjectives=keep(s.adjectives),
                capitals=keep(s.capitals),
                seats=tuple((seat, sector) for seat, sector in s.seats if seat.lower() not in taken),
                shared=keep(s.shared),
            )
            for s in self.states
        ]
        orgs = [dataclasses.replace(o, names=keep(o.names)) for o in self.organisations]
        old_people = [dataclasses.replace(p, name=p.name, aliases=keep(p.aliases)) for p in self.people if p.name.lower() not in taken]
        return _Layer(
            states=states,
            places=[p for p in self.places if p.name.lower() not in taken],
            organisations=[o for o in orgs if o.names] + organisations,
            sectors={phrase: sector for phrase, sector in self.sectors.items() if phrase not in taken},
            people=old_people + people,
            agents={**{k: v for k, v in self.agents.items() if k not in taken}, **agents},
        )


# --- reading files ---------------------------------------------------------------------


def _kind_of(file_name: str, extra: bool) -> str:
    path = Path(file_name)
    if path.suffix in (".yaml", ".yml"):
        for kind in _KINDS:
            if path.stem.startswith(kind):
                return kind
        if extra:
            return _USER
    if extra and path.suffix == ".txt":
        return _PETRARCH
    raise BadDictionary(
        "cannot tell what this file holds; give a YAML file of actors (*.yaml), a PETRARCH "
        "dictionary (*.txt), or a file named people_*.yaml, states*.yaml, organisations*.yaml, "
        "sectors*.yaml or places*.yaml",
        file=file_name,
    )


def _read_heads(layer: _Layer, lexicon: Lexicon) -> frozenset[str]:
    """Head words the curated knowledge reads: its one-word sector phrases ("cleric", "gunmen")
    and the lexicon's words that take their kind from their modifiers or owner ("official",
    "group", "deputy"). "Muslim cleric" is then a cleric (REL) that is Muslim, as the curated
    base reads it, not the imported dictionary's own code for the phrase."""
    words = {phrase for phrase in layer.sectors if " " not in phrase}
    return frozenset(words | lexicon.generic_heads | lexicon.head_titles | lexicon.partitives | lexicon.held_place_nouns | lexicon.statement_heads)


def _head(phrase: str) -> str:
    """The head word of an agent phrase: its last word, or the last before "of" ("chief of staff")."""
    words = phrase.split()
    cut = words.index("of", 1) if "of" in words[1:] else len(words)
    return words[cut - 1]


def _same_name(name: str) -> str:
    """A name as two names are compared: case, accents, spacing and a leading "the" aside."""
    key = normalise_phrase(unaccented(name))
    return key[4:] if key.startswith("the ") else key


def _data() -> Any:
    return resources.files("standoff.actors") / "data"


def _packaged_sources() -> list[Source]:
    folder = _data()
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    return [Source(f"standoff/actors/data/{f.name}", _kind_of(f.name, extra=False), f.read_bytes()) for f in files]


def _read_extra(path: Path) -> Source:
    kind = _kind_of(str(path), extra=True)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadDictionary(f"cannot read the file: {exc.strerror}", file=str(path)) from None
    return Source(str(path), kind, data)


def _version(sources: Iterable[Source]) -> str:
    digest = hashlib.blake2b(digest_size=6)
    for source in sources:
        digest.update(Path(source.name).name.encode("utf-8") + b"\0" + source.data + b"\0")
    return digest.hexdigest()


def _versions(packaged: list[Source], imported: list[ImportedActors], extras: list[Source]) -> dict[str, str]:
    """A version for each set of actors: the curated files, each imported dictionary, each user file."""
    versions = {"curated": _version(packaged)}
    versions |= {name.removesuffix(".tsv"): dictionary.version for name, dictionary in zip(IMPORTED, imported)}
    versions |= {Path(source.name).name: _version([source]) for source in extras}
    return versions


# --- the packaged kinds ----------------------------------------------------------------


def _load_states(sources: list[Source]) -> list[State]:
    states: list[State] = []
    seen: set[str] = set()
    for source in sources:
        for where, entry in checks.entries(source):
            checks.check_fields(where, entry, {"code", "name", "names"}, {"adjectives", "capitals", "seats", "case_sensitive", "shared"})
            code = checks.text(where, entry, "code")
            if not checks.STATE_CODE.fullmatch(code):
                where.fail(f"code must be three capital letters, got {code!r}")
            if code in seen:
                where.fail(f"duplicate state code {code}")
            seen.add(code)
            seats_value = entry.get("seats") or {}
            if not isinstance(seats_value, dict) or not all(isinstance(k, str) for k in seats_value):
                where.fail("seats must map seat names to sector codes")
            seats = tuple((seat, checks.sector(where, sector)) for seat, sector in seats_value.items())
            names = checks.texts(where, entry, "names")
            if not names:
                where.fail("names must list at least one name")
            adjectives = checks.texts(where, entry, "adjectives")
            capitals = checks.texts(where, entry, "capitals")
            shared = checks.texts(where, entry, "shared")
            forms = names + adjectives + capitals + tuple(seat for seat, _ in seats) + shared
            states.append(
                State(
                    code=code,
                    name=checks.text(where, entry, "name"),
                    names=names,
                    adjectives=adjectives,
                    capitals=capitals,
                    seats=seats,
                    case_sensitive=checks.case_sensitive(where, entry, forms),
                    shared=shared,
                )
            )
    return states


def _load_places(sources: list[Source], state_codes: set[str]) -> list[Place]:
    """``places*.yaml``: a mapping of state code -> list of places, each a name or
    ``{name: ..., sector: ...}`` (a breakaway territory acting for itself)."""
    places: list[Place] = []
    for source in sources:
        data = checks.parse(source)
        if data is None:
            continue
        if not isinstance(data, dict):
            raise BadDictionary("expected a mapping of state codes to lists of places", file=source.name)
        for country, items in data.items():
            where = Where(source.name, f"places of {country}")
            if country not in state_codes:
                where.fail(f"{country!r} is not a known state code")
            if not isinstance(items, list):
                where.fail("expected a list of places")
            for item in items:
                if isinstance(item, dict):
                    checks.check_fields(where, item, {"name"}, {"sector"})
                    sector = checks.sector(where, item["sector"]) if "sector" in item else None
                    places.append(Place(checks.text(where, item, "name"), country, sector))
                elif isinstance(item, str) and item.strip():
                    places.append(Place(item, country))
                else:
                    where.fail(f"a place is a name or a mapping with name and sector, got {item!r}")
    return places


def _load_organisations(sources: list[Source], state_codes: set[str]) -> list[Organisation]:
    organisations = []
    for source in sources:
        for where, entry in checks.entries(source):
            checks.check_fields(where, entry, {"code", "sector", "names"}, {"group", "country", "case_sensitive", "note", "function", "roles", "called"})
            code = checks.code(where, checks.text(where, entry, "code"))
            group, country = entry.get("group"), entry.get("country")
            if (group is None) == (country is None):
                where.fail("give exactly one of group (the organisation's own code) or country")
            if group is not None and not (isinstance(group, str) and checks.STATE_CODE.fullmatch(group)):
                where.fail(f"group must be three capital letters, got {group!r}")
            if country is not None and (not isinstance(country, str) or country not in state_codes):
                where.fail(f"country {country!r} is not a known state code")
            names = checks.texts(where, entry, "names")
            if not names:
                where.fail("names must list at least one name")
            organisations.append(
                Organisation(
                    code=code,
                    group=group,
                    country=country,
                    sector=checks.sector(where, entry["sector"]),
                    names=names,
                    case_sensitive=checks.case_sensitive(where, entry, names),
                    function=checks.sector(where, entry["function"]) if "function" in entry else None,
                    roles=_organisation_roles(where, entry, country or group),
                    called=frozenset(checks.texts(where, entry, "called")),
                )
            )
    return organisations


def _organisation_roles(where: Where, entry: dict[str, Any], country: str) -> tuple[Role, ...]:
    """Codes an organisation holds between dates: ``{code, from, until}``."""
    value = entry.get("roles") or []
    if not isinstance(value, list):
        where.fail("roles must be a list")
    roles = []
    for index, item in enumerate(value, start=1):
        at = where.within(f"role {index}")
        if not isinstance(item, dict):
            at.fail("expected a mapping with code, from, until")
        checks.check_fields(at, item, {"code", "sector"}, {"from", "until"})
        start, end = checks.date_range(at, item)
        roles.append(Role("", country, checks.sector(at, item["sector"]), start, end, checks.code(at, item["code"])))
    return tuple(roles)


def _load_sectors(sources: list[Source]) -> dict[str, str]:
    sectors: dict[str, str] = {}
    for source in sources:
        data = checks.parse(source)
        if data is None:
            continue
        if not isinstance(data, dict):
            raise BadDictionary("expected a mapping of sector codes to lists of phrases", file=source.name)
        for sector in data:
            where = Where(source.name, f"sector {sector}")
            checks.sector(where, sector)
            for phrase in checks.texts(where, data, sector):
                key = normalise_phrase(phrase)
                if key in sectors:
                    where.fail(f"phrase {phrase!r} is already listed under {sectors[key]}")
                sectors[key] = sector
    return sectors


def _load_people(sources: list[Source], state_codes: set[str], group_codes: dict[str, str]) -> list[Person]:
    """People with their roles; a role held in an organisation ("country: UNO") is coded as
    the organisation (IGOUNO) with the role's sector."""
    countries = state_codes | set(group_codes)
    people = []
    for source in sources:
        for where, entry in checks.entries(source):
            checks.check_fields(where, entry, {"name", "country"}, {"aliases", "roles"})
            country = entry["country"]
            if not isinstance(country, str) or country not in countries:
                where.fail(f"country {country!r} is not a known state or organisation code")
            roles_value = entry.get("roles") or []
            if not isinstance(roles_value, list):
                where.fail("roles must be a list")
            roles = tuple(_role(where.within(f"role {i}"), role, country, countries, group_codes) for i, role in enumerate(roles_value, 1))
            people.append(
                Person(
                    name=checks.text(where, entry, "name"),
                    aliases=checks.texts(where, entry, "aliases"),
                    country=country,
                    roles=roles,
                )
            )
    return people


def _role(where: Where, value: Any, default_country: str, countries: set[str], group_codes: dict[str, str]) -> Role:
    if not isinstance(value, dict):
        where.fail("expected a mapping with title, sector, from, until")
    checks.check_fields(where, value, {"title", "sector"}, {"country", "from", "until", "code"})
    country = value.get("country", default_country)
    if not isinstance(country, str) or country not in countries:
        where.fail(f"country {country!r} is not a known state or organisation code")
    start, end = checks.date_range(where, value)
    code = checks.code(where, value["code"]) if "code" in value else group_codes.get(country)  # LBNREBHEZ, IGOUNO
    return Role(checks.text(where, value, "title"), country, checks.sector(where, value["sector"]), start, end, code)

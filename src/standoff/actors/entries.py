"""The entries of the actor knowledge base: states, places, organisations, people, agent words.

Types only; ``standoff.actors.kb`` reads them from the packaged YAML files and the user's own
files, ``standoff.actors.petrarch`` from PETRARCH/TABARI dictionaries.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

from standoff.model import ActorCode

# CAMEO sector (role) codes, the organisation types IGO, NGO and IMG, and the religion codes
# CAMEO and the KEDS/PETRARCH dictionaries use for religious communities ("Buddhists": BUD).
SECTOR_CODES = frozenset(
    {
        "GOV", "MIL", "COP", "REB", "INS", "SEP", "UAF", "OPP", "LEG", "JUD", "PTY", "SPY",
        "BUS", "MED", "CVL", "EDU", "HLH", "REF", "CRM", "LAB", "NGO", "HRI", "ELI", "AGR",
        "ENV", "DEV", "MOD", "RAD", "REL", "IGO", "IMG", "NGM", "MNC",
        "BUD", "CHR", "CTH", "HIN", "JEW", "MOS", "SHI", "SUN", "SIK",
    }
)  # fmt: skip

# Code prefixes that name a kind of organisation rather than a country ("IGOUNO", "NGOAMN").
ORGANISATION_PREFIXES = frozenset({"IGO", "NGO", "IMG", "NGM", "MNC"})

# Imported dictionaries mark a phrase that must match but code nothing with a code of dashes.
NULL_CODE = "---"


def split_code(code: str) -> tuple[str | None, str | None]:
    """The country and sector of a CAMEO-style code: ``RUSGOV`` -> (RUS, GOV),
    ``IGOUNOWHO`` -> (UNO, IGO), ``PSEREBHMS`` -> (PSE, REB), ``ITHTV`` -> (ITH, None), and
    a sector alone (the Phoenix dictionaries code Reuters ``MED``) -> (None, MED)."""
    if code == NULL_CODE:
        return None, None
    head, rest = code[:3], code[3:]
    if head in SECTOR_CODES and head not in ORGANISATION_PREFIXES:
        return None, head
    if head in ORGANISATION_PREFIXES:
        return (rest[:3] or None), head
    sector = rest[:3] if rest[:3] in SECTOR_CODES else None
    return head, sector


@dataclass(frozen=True, slots=True)
class State:
    code: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[tuple[str, str], ...]  # (seat name, sector code)
    case_sensitive: frozenset[str]
    # Forms the state shares with another actor that news text usually means ("Congo" is
    # mostly DR Congo): matched, but the other reading is preferred when there is no context.
    shared: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every surface form that stands for the state (names, adjectives, capitals, seats)."""
        return self.names + self.adjectives + self.capitals + tuple(seat for seat, _ in self.seats)


@dataclass(frozen=True, slots=True)
class Place:
    """A city or region that identifies its state ("Shanghai police" -> CHN + COP).

    ``sector`` is set for breakaway territories that act for themselves (Abkhazia: SEP).
    """

    name: str
    country: str
    sector: str | None = None
    proper: bool = False  # a name whose capitals the source does not give (see Person.proper)


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    country: str | None
    sector: str | None
    start: date | None
    end: date | None  # inclusive; None while the role is held
    code: str | None = None  # the full code, when it is more than country + sector ("HOBGOVFRM")

    def active_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def actor_code(self) -> ActorCode:
        code = self.code or f"{self.country or ''}{self.sector or ''}"
        return ActorCode(code, self.country, self.sector, self.start, self.end)


def _start_key(role: Role) -> date:
    return role.start or date.min


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    country: str
    roles: tuple[Role, ...]
    # The code outside every role, when the entry gives one (users' and imported entries);
    # without it a person is their country before any role and a former office holder after.
    default: ActorCode | None = None
    # Names from a dictionary that writes every name in capitals (the shipped Phoenix files):
    # they match only where one of their words is capitalised, as a name is ("Chad", not "chad").
    proper: bool = False

    def role_on(self, day: date | None) -> Role | None:
        """The role held on ``day``; without a day, the latest role.

        When roles overlap (a hand-over day, or two offices at once) the one that started
        last wins, since it is the one news of that day is about.
        """
        candidates = self.roles if day is None else [r for r in self.roles if r.active_on(day)]
        return max(candidates, key=_start_key, default=None)

    def code_on(self, day: date | None) -> ActorCode:
        """The person's actor code on ``day``.

        A role held that day gives its code; otherwise the entry's default code when it has
        one; otherwise, after a role has ended, a former office holder (country + ELI), and
        before any role the country alone.
        """
        role = self.role_on(day)
        if role is not None:
            return role.actor_code()
        if self.default is not None:
            return self.default
        if day is None:  # no roles at all
            return ActorCode(self.country, self.country)
        next_start = min((r.start for r in self.roles if r.start is not None and day < r.start), default=None)
        until = next_start - timedelta(days=1) if next_start is not None else None
        last_end = max((r.end for r in self.roles if r.end is not None and r.end < day), default=None)
        if last_end is not None:
            return ActorCode(self.country + "ELI", self.country, "ELI", last_end + timedelta(days=1), until)
        return ActorCode(self.country, self.country, None, None, until)


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    group: str | None  # the organisation's own code, standing in for a country in dyads
    country: str | None  # the state the group belongs to, when it is not its own actor
    sector: str | None
    names: tuple[str, ...]
    case_sensitive: frozenset[str]
    # What an intergovernmental body does, reported as its sector (ICJ: JUD, WHO: HLH);
    # the code stays the organisation's own.
    function: str | None = None
    # Codes that hold only between dates (the Taliban govern Afghanistan from August 2021).
    roles: tuple[Role, ...] = ()
    proper: bool = False  # see Person.proper
    # Nouns a story uses for the organisation once named ("the alliance"), beyond its name's last word.
    called: frozenset[str] = frozenset()

    def code_on(self, day: date | None) -> ActorCode:
        if self.roles:
            active = self.roles if day is None else [r for r in self.roles if r.active_on(day)]
            role = max(active, key=_start_key, default=None)
            if role is not None:
                return role.actor_code()
        return ActorCode(self.code, self.country or self.group, self.function or self.sector)


@dataclass(frozen=True, slots=True)
class Agent:
    """A kind of actor named by a common noun ("foreign minister"), with the code it adds to a
    country: ``GOV`` for packaged sector words, any code for imported agent dictionaries
    (``GOVFRM``); ``before`` puts the code before the country (PETRARCH ``[NGO~]``)."""

    sector: str | None
    code: str
    before: bool = False
    shipped: bool = False  # from a shipped dictionary of another project (Phoenix), under the curated words

    def with_country(self, country: str | None) -> str:
        if not country:
            return self.code
        return self.code + country if self.before else country + self.code


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    states: tuple[State, ...]
    organisations: tuple[Organisation, ...]
    sectors: Mapping[str, str]  # lower-case phrase -> sector code (packaged and sector files)
    people: tuple[Person, ...]
    version: str
    places: tuple[Place, ...] = ()
    agents: Mapping[str, Agent] = field(default_factory=lambda: MappingProxyType({}))  # imported, lower-case
    # A version for each set of actors: "curated", each shipped dictionary ("phoenix/countries"), each user file.
    versions: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    _by_code: Mapping[str, State] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", MappingProxyType({s.code: s for s in self.states}))

    def state(self, code: str) -> State | None:
        return self._by_code.get(code)

    def sector(self, phrase: str) -> str | None:
        """The sector code of a phrase such as "Foreign Minister", or None."""
        key = normalise_phrase(phrase)
        agent = self.agents.get(key)
        return agent.sector if agent is not None else self.sectors.get(key)

    def agent(self, phrase: str) -> Agent | None:
        """The agent a common-noun phrase names, imported agents before sector words."""
        key = normalise_phrase(phrase)
        if key in self.agents:
            return self.agents[key]
        sector = self.sectors.get(key)
        return Agent(sector, sector) if sector is not None else None


def normalise_phrase(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def unaccented(name: str) -> str:
    """The name without its accents: news text often drops them ("Nausėda", "Nauseda")."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))

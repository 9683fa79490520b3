"""Actor dictionaries of other projects, shipped converted into files that load fast.

``tools/phoenix_dictionaries.py`` reads the PETRARCH2/Phoenix actor and agent dictionaries once
(``standoff.actors.petrarch``) and writes what they say, unchanged, as tab-separated lines in
``standoff/actors/data/phoenix/`` with the dictionaries' licence. One line per entry::

    # kind  names                          code     roles                                            line
    actor   HAMID KARZAI|KARZAI            AFGELI   AFGELI 1975-01-01 2000-01-01;AFGGOV 2001-12-23 -  151
    actor   AFGHAN NATIONAL ARMY|ANSF      AFGMIL                                                     98
    generic foreign ministers              ~GOVFRM                                                    12

``names`` are the entry's phrases (the first is its name), ``code`` the code the entry gives
outside its dated roles (empty when it gives none), each role a code with its first and last
day (``-``: open), ``line`` the line of the source dictionary. An agent line holds one phrase
(plurals and substitution sets already spelled out) and its code, ``~`` marking where the
country goes.

Read back, an entry with roles is a person, unless all its codes are a country's alone (a
region coded by date, "IRAQI KURDISTAN": an organisation with dated codes); a bare state code
names a place in that state (the Phoenix country entries list cities, provinces and spellings:
"KANDAHAR", "AFGANISTAN"); any other entry is an organisation. Outside its roles a person without a code of its own is
read the way standoff's own office holders are (its country, then a former office holder),
not as PETRARCH's null code: a minister whose role in the dictionary ended in 2012 is still
of that country. Every name is a proper name written in capitals, so it matches where one of
its words is capitalised, and a short abbreviation ("ANSF") only in capitals.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from standoff.actors.entries import Agent, Organisation, Person, Place, Role, split_code
from standoff.actors.petrarch import ActorEntry, agent_code
from standoff.errors import BadDictionary
from standoff.model import ActorCode

ACTOR = "actor"
GENERIC = "generic"  # an agent word: a kind of actor named by a common noun
_OPEN = "-"


@dataclass(frozen=True, slots=True)
class ImportedActors:
    """One converted dictionary: its entries read back, and a version of its file."""

    people: tuple[Person, ...]
    organisations: tuple[Organisation, ...]
    places: tuple[Place, ...]
    agents: Mapping[str, Agent]
    version: str


# --- writing ------------------------------------------------------------------------------


def actor_lines(entries: Iterable[ActorEntry]) -> Iterator[str]:
    """The converted lines of an actor dictionary's entries."""
    for entry in entries:
        roles = ";".join(f"{role.code} {_day(role.start)} {_day(role.end)}" for role in entry.roles)
        yield "\t".join((ACTOR, "|".join(entry.names), entry.default or "", roles, str(entry.line)))


def agent_lines(agents: Mapping[str, tuple[Agent, int]]) -> Iterator[str]:
    """The converted lines of an agent dictionary: phrase -> (agent, line)."""
    for phrase, (agent, line) in agents.items():
        code = f"{agent.code}~" if agent.before else f"~{agent.code}"
        yield "\t".join((GENERIC, phrase, code, "", str(line)))


def _day(day: date | None) -> str:
    return day.isoformat() if day is not None else _OPEN


# --- reading ------------------------------------------------------------------------------


def read_imported(path: Path, state_codes: frozenset[str]) -> ImportedActors:
    """Read one converted file; ``state_codes`` tell a place from an organisation."""
    data = path.read_bytes()
    people: list[Person] = []
    organisations: list[Organisation] = []
    places: list[Place] = []
    agents: dict[str, Agent] = {}
    for number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5 or fields[0] not in (ACTOR, GENERIC):
            raise BadDictionary("expected 5 tab-separated fields: kind, names, code, roles, line; regenerate the file with tools/phoenix_dictionaries.py", file=str(path), line=number)
        kind, names, code, roles, _ = fields
        if kind == GENERIC:
            agents[names] = replace(agent_code(code, str(path), number), shipped=True)
        elif roles and not _bare_codes(code, roles):
            people.append(_person(names.split("|"), code, roles, str(path), number))
        elif roles:  # a place coded by date ("IRAQI KURDISTAN", IRQ with gaps): no person
            organisations.append(_organisation(names.split("|"), code, tuple(_role(r, str(path), number) for r in roles.split(";"))))
        elif code in state_codes:
            places.extend(Place(name, code, proper=True) for name in names.split("|"))
        else:
            organisations.append(_organisation(names.split("|"), code))
    version = hashlib.blake2b(data, digest_size=6).hexdigest()
    return ImportedActors(tuple(people), tuple(organisations), tuple(places), MappingProxyType(agents), version)


def _person(names: list[str], code: str, roles: str, file: str, line: int) -> Person:
    held = tuple(_role(role, file, line) for role in roles.split(";"))
    default = ActorCode(code, *split_code(code)) if code else None
    country = split_code(code or held[0].code or "")[0] or ""
    return Person(names[0], tuple(names[1:]), country, held, default, proper=True)


def _role(text: str, file: str, line: int) -> Role:
    try:
        code, start, end = text.split(" ")
        first = date.fromisoformat(start) if start != _OPEN else None
        last = date.fromisoformat(end) if end != _OPEN else None
    except ValueError:
        raise BadDictionary(f"cannot read the role {text!r}; write CODE FIRST-DAY LAST-DAY (ISO dates or -)", file=file, line=line) from None
    country, sector = split_code(code)
    return Role("", country, sector, first, last, code)


def _bare_codes(code: str, roles: str) -> bool:
    """Every code of the entry is a country's alone (three letters, no sector)."""
    return len(code) in (0, 3) and all(len(role.split(" ", 1)[0]) == 3 for role in roles.split(";"))


def _organisation(names: list[str], code: str, roles: tuple[Role, ...] = ()) -> Organisation:
    code = code or (roles[-1].code or "" if roles else "")
    country, sector = split_code(code)
    # A short abbreviation in capitals is a name only in capitals: "ANSF", not "ansf".
    exact = frozenset(name for name in names if _abbreviation(name))
    return Organisation(code, None, country, sector, tuple(names), exact, roles=roles, proper=True)


def _abbreviation(name: str) -> bool:
    letters = name.replace(".", "")
    return " " not in name and letters.isalpha() and len(letters) <= 4



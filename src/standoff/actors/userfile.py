"""A user's own actors, in one simple YAML format (``standoff code --actors my_actors.yaml``).

The file is a list of entries::

    - name: Jane Doe                  # name and/or names: the forms that name the actor
      names: [J. Doe, Senator Doe]
      country: USA                    # the code: country with an optional sector ...
      sector: LEG
      roles:                          # optional codes that hold between dates (inclusive);
        - {sector: GOV, from: 2021-01-20, until: 2025-01-20, title: Secretary of Energy}
        - {code: USAELI, from: 2025-01-21}
    - names: [Acme Corporation, Acme]
      code: USABUS                    # ... or a whole code
      kind: organisation              # person (the default when there are roles) or organisation
      case_sensitive: [Acme]          # forms that match only with these capitals

A role gives ``code`` or ``sector`` (its ``country`` defaults to the entry's). On a date no
role covers, the entry's own code applies; a person listed with a country only is, as in the
packaged data, a former office holder (country + ELI) once a role has ended. People are
antecedents for "he"/"she" and collapse with their titles ("Senator Jane Doe"); organisations
are not. A name listed here takes over that name from the packaged data.
"""

from __future__ import annotations

from typing import Any

from standoff.actors import checks
from standoff.actors.checks import Where
from standoff.actors.entries import Organisation, Person, Role, split_code
from standoff.model import ActorCode

_FIELDS = {"name", "names", "code", "country", "sector", "kind", "roles", "case_sensitive", "note"}
_ROLE_FIELDS = {"code", "country", "sector", "from", "until", "title"}


def read_user_actors(source: checks.Source) -> tuple[list[Person], list[Organisation]]:
    people: list[Person] = []
    organisations: list[Organisation] = []
    for where, entry in checks.entries(source):
        checks.check_fields(where, entry, set(), _FIELDS)
        names = _names(where, entry)
        own = _own_code(where, entry)
        roles = _roles(where, entry, own)
        kind = entry.get("kind", "person" if roles else "organisation")
        if kind not in ("person", "organisation"):
            where.fail(f"kind must be person or organisation, got {kind!r}")
        if own is None and (kind == "organisation" or not roles):
            where.fail("give code, or country with an optional sector" + (", or roles" if kind == "person" else ""))
        if kind == "person":
            if entry.get("case_sensitive"):
                where.fail("case_sensitive applies to organisations; names of people match in any case")
            # A country alone is no default: as for the packaged people, ELI once a role has ended.
            default = own if own is not None and (own.sector or not roles) else None
            country = (own.country if own else None) or roles[0].country or ""
            people.append(Person(names[0], names[1:], country, roles, default))
        else:
            assert own is not None
            organisations.append(
                Organisation(
                    code=own.code,
                    group=None,
                    country=own.country,
                    sector=own.sector,
                    names=names,
                    case_sensitive=checks.case_sensitive(where, entry, names),
                    roles=roles,
                )
            )
    return people, organisations


def _names(where: Where, entry: dict[str, Any]) -> tuple[str, ...]:
    names = ((checks.text(where, entry, "name"),) if "name" in entry else ()) + checks.texts(where, entry, "names")
    if not names:
        where.fail("give name or names")
    return tuple(dict.fromkeys(names))


def _own_code(where: Where, entry: dict[str, Any]) -> ActorCode | None:
    if "code" in entry:
        if "sector" in entry:
            where.fail("give code or sector, not both")
        code = checks.code(where, entry["code"])
        country, sector = split_code(code)
        return ActorCode(code, entry.get("country") and checks.code(where, entry["country"], "country") or country, sector)
    if "country" in entry:
        country = checks.code(where, entry["country"], "country")
        sector = checks.sector(where, entry["sector"]) if "sector" in entry else None
        return ActorCode(country + (sector or ""), country, sector)
    if "sector" in entry:
        where.fail("a sector needs a country (or give the whole code)")
    return None


def _roles(where: Where, entry: dict[str, Any], own: ActorCode | None) -> tuple[Role, ...]:
    value = entry.get("roles") or []
    if not isinstance(value, list):
        where.fail("roles must be a list")
    roles = []
    for index, role in enumerate(value, start=1):
        at = where.within(f"role {index}")
        if not isinstance(role, dict):
            at.fail("expected a mapping with code or sector, from, until")
        checks.check_fields(at, role, set(), _ROLE_FIELDS)
        start, end = checks.date_range(at, role)
        title = str(role.get("title") or "")
        if "code" in role:
            code = checks.code(at, role["code"])
            country, sector = split_code(code)
            roles.append(Role(title, country, sector, start, end, code))
        elif "sector" in role:
            country = checks.code(at, role["country"], "country") if "country" in role else (own.country if own else None)
            if country is None:
                at.fail("a role with a sector needs a country (on the role or the entry)")
            roles.append(Role(title, country, checks.sector(at, role["sector"]), start, end))
        else:
            at.fail("a role needs code or sector")
    return tuple(roles)

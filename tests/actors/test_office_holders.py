"""The packaged office holders (people_*.yaml): one entry per person, one sector convention,
and dated roles that resolve in sentences on the real model."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import date

import pytest

from standoff.actors.kb import KnowledgeBase, load_knowledge_base


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def _form(name: str) -> str:
    """A name as the phrase table matches it: case-insensitive, accents optional."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def test_no_person_is_listed_twice(kb: KnowledgeBase) -> None:
    # Two entries sharing a name or alias would be two readings of one phrase, and the table
    # would silently take the first file's: a person's roles belong in one entry.
    owners: dict[str, list[str]] = defaultdict(list)
    for person in kb.people:
        for form in {_form(name) for name in (person.name, *person.aliases)}:
            owners[form].append(f"{person.name} ({person.country})")
    assert {form: who for form, who in owners.items() if len(who) > 1} == {}


# Ministers are GOV except defence ministers (MIL), as sectors.yaml says; offices of an
# intergovernmental body (EU commissioners) keep its IGO code.
_INTERIOR = re.compile(
    r"\b(interior|home secretary|home minister|home affairs|public security|public safety|"
    r"homeland security|security minister|security secretary)\b",
    re.IGNORECASE,
)
_DEFENCE = re.compile(r"^(defen[cs]e (minister|secretary)|secretary of defen[cs]e)$", re.IGNORECASE)


def test_interior_and_defence_ministers_follow_one_convention(kb: KnowledgeBase) -> None:
    interior = [(p.name, r.title) for p in kb.people for r in p.roles if _INTERIOR.search(r.title) and r.sector != "IGO"]
    defence = [(p.name, r.title) for p in kb.people for r in p.roles if _DEFENCE.search(r.title)]
    # The patterns find the roles they are about, whatever a country calls them.
    assert {("Priti Patel", "Home Secretary"), ("To Lam", "Minister of Public Security"), ("Ralph Goodale", "Minister of Public Safety")} <= set(interior)
    assert {("Lloyd Austin", "Secretary of Defense"), ("Boris Pistorius", "Defence Minister")} <= set(defence)
    wrong = [(p.name, r.title, r.sector) for p in kb.people for r in p.roles if r.sector != "IGO" and (
        (_INTERIOR.search(r.title) and r.sector != "GOV") or (_DEFENCE.search(r.title) and r.sector != "MIL")
    )]  # fmt: skip
    assert wrong == []


def code_of(actor) -> str | None:
    return actor.code.code if actor is not None and actor.code is not None else None


@pytest.mark.parametrize(
    ("text", "name", "day", "code"),
    [
        # Interior ministers: their country and GOV while in office, the country alone before.
        ("Priti Patel said the new rules would apply from January.", "Priti Patel", date(2020, 3, 1), "GBRGOV"),
        ("Priti Patel said the new rules would apply from January.", "Priti Patel", date(2012, 3, 1), "GBR"),
        ("Sheikh Rashid Ahmed said the talks had failed.", "Sheikh Rashid Ahmed", date(2021, 5, 1), "PAKGOV"),
        ("Sheikh Rashid Ahmed said the talks had failed.", "Sheikh Rashid Ahmed", date(2012, 5, 1), "PAK"),
        ("Ihor Klymenko visited the site of the strike.", "Ihor Klymenko", date(2024, 2, 1), "UKRGOV"),
        ("Olubunmi Tunji-Ojo announced new passport rules.", "Olubunmi Tunji-Ojo", date(2024, 2, 1), "NGAGOV"),
        ("Olubunmi Tunji-Ojo announced new passport rules.", "Olubunmi Tunji-Ojo", date(2019, 2, 1), "NGA"),
        # A defence minister is MIL in office and a former office holder after.
        ("Mansur Dan-Ali visited troops in Maiduguri.", "Mansur Dan-Ali", date(2017, 6, 1), "NGAMIL"),
        ("Mansur Dan-Ali visited troops in Maiduguri.", "Mansur Dan-Ali", date(2020, 6, 1), "NGAELI"),
        # Split terms: Hamdok deposed by the coup of 2021-10-25, Ben-Gvir out of government in early 2025.
        ("Abdalla Hamdok met the envoys.", "Abdalla Hamdok", date(2021, 11, 1), "SDNELI"),
        ("Abdalla Hamdok met the envoys.", "Abdalla Hamdok", date(2021, 12, 1), "SDNGOV"),
        ("Itamar Ben-Gvir visited the compound.", "Itamar Ben-Gvir", date(2025, 2, 15), "ISRELI"),
        ("Itamar Ben-Gvir visited the compound.", "Itamar Ben-Gvir", date(2025, 4, 15), "ISRGOV"),
        # The Taliban's leader carries their insurgent code until they took Kabul.
        ("Hibatullah Akhundzada issued a decree.", "Hibatullah Akhundzada", date(2019, 6, 1), "AFGREBTAL"),
        ("Hibatullah Akhundzada issued a decree.", "Hibatullah Akhundzada", date(2022, 6, 1), "AFGGOV"),
        # An EU office is coded as the EU.
        ("Ylva Johansson presented the migration pact.", "Ylva Johansson", date(2020, 9, 23), "IGOEUREEC"),
    ],
)
def test_dated_roles_resolve_on_the_day(actor_at, text: str, name: str, day: date, code: str) -> None:
    actor = actor_at(text, name, day)
    assert code_of(actor) == code
    assert actor.method == "person"


def test_a_title_and_family_name_find_an_interior_minister(actor_at) -> None:
    braverman = actor_at("Home Secretary Braverman defended the plan.", "Braverman", date(2023, 3, 1))
    assert code_of(braverman) == "GBRGOV"
    kolokoltsev = actor_at("Interior Minister Kolokoltsev said the suspects were detained.", "Kolokoltsev", date(2024, 3, 23))
    assert code_of(kolokoltsev) == "RUSGOV"

"""The shipped Phoenix dictionaries: converted once, read back fast, stacked under the curated
actors and over-ridden by a user's own files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from standoff.actors.imported import actor_lines, agent_lines, read_imported
from standoff.actors.kb import IMPORTED, load_knowledge_base
from standoff.actors.petrarch import read_actor_entries, read_agent_entries
from standoff.actors.phrase import resolve_phrase
from standoff.actors.table import ActorTable
from standoff.errors import BadDictionary

ACTORS = """\
ARNOR_  [ARN]
+FORNOST_
+ANNUMINAS_
ARNOR_RANGERS_(AR)_
+DUNEDAIN_
\t[ARNMIL]
ARAGORN_
+STRIDER_
\t[ARNREB 29800101-30180301]
\t[ARNGOV >30190501]
HALBARAD_
\t[ARNMIL 29500101-30190315]
ARNOR_ELDER_
\t[ARNELI]
\t[ARNGOV 30000101-30100101]
BREE_
\t[ARN <30000101]
\t[ARN 30200101-30300101]
"""

AGENTS = """\
!PERSON! = MAN, MEN
RANGER [~MIL]
HOBBIT_HUMAN_RIGHTS_BODY [NGO~]
BREE!PERSON! [~CVL]
"""


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("converted")
    lines = [*actor_lines(read_actor_entries(ACTORS, "arnor.actors.txt")), *agent_lines(read_agent_entries(AGENTS, "arnor.agents.txt"))]
    path = folder / "arnor.tsv"
    path.write_text("# a test file\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_converted_file_reads_back_every_name_code_and_role(converted: Path) -> None:
    imported = read_imported(converted, frozenset({"ARN"}))
    places = {p.name: p.country for p in imported.places}
    assert places == {"ARNOR": "ARN", "FORNOST": "ARN", "ANNUMINAS": "ARN"}  # a bare state code names places
    rangers = next(o for o in imported.organisations if o.names[0] == "ARNOR RANGERS")
    assert rangers.names == ("ARNOR RANGERS", "AR", "DUNEDAIN") and rangers.code == "ARNMIL"
    assert "AR" in rangers.case_sensitive  # an abbreviation matches only in capitals
    people = {p.name: p for p in imported.people}
    aragorn = people["ARAGORN"]
    assert aragorn.aliases == ("STRIDER",)
    assert aragorn.code_on(date(3000, 1, 1)).code == "ARNREB"
    assert aragorn.code_on(date(3019, 6, 1)).code == "ARNGOV"
    # Outside its roles a person without a code of its own is what standoff's office holders
    # are, not PETRARCH's null code: of its country before, a former office holder after.
    assert people["HALBARAD"].code_on(date(3020, 1, 1)).code == "ARNELI"
    assert aragorn.code_on(date(2900, 1, 1)).code == "ARN"
    assert people["ARNOR ELDER"].code_on(date(3015, 1, 1)).code == "ARNELI"  # the entry's own code
    bree = next(o for o in imported.organisations if o.names[0] == "BREE")  # dated, but a place: no person
    assert bree.code_on(date(3025, 1, 1)).code == "ARN"
    assert imported.agents["rangers"].with_country("ARN") == "ARNMIL"
    assert imported.agents["hobbit human rights body"].with_country("ARN") == "NGOARN"
    assert {"breeman", "breemen"} <= set(imported.agents) and "breemens" not in imported.agents  # no plural of a set


def test_a_damaged_converted_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("# header\nactor\tARNOR\tARN\n", encoding="utf-8")
    with pytest.raises(BadDictionary) as caught:
        read_imported(path, frozenset())
    assert caught.value.file == str(path) and caught.value.line == 2


def test_unreadable_lines_of_a_shipped_dictionary_are_listed_not_fatal() -> None:
    skipped: list[BadDictionary] = []
    entries = read_actor_entries("GONDOR [GON]\nMORDOR\n\t[MOR 9008223-911221]\n\t[MORGOV >20200101]\n", "slips.txt", skipped)
    assert [e.names[0] for e in entries] == ["GONDOR", "MORDOR"]
    assert [(e.line, "cannot read the code block" in e.message) for e in skipped] == [(3, True)]
    with pytest.raises(BadDictionary):  # a user's own file must be right
        read_actor_entries("MORDOR\n\t[MOR 9008223-911221]\n", "user.txt")


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return ActorTable(load_knowledge_base())


def test_every_shipped_dictionary_is_loaded_and_versioned(table: ActorTable) -> None:
    versions = table.kb.versions
    assert set(versions) == {"curated", *(name.removesuffix(".tsv") for name in IMPORTED)}
    assert len(table.kb.people) > 15_000 and len(table.kb.organisations) > 5_000


@pytest.mark.parametrize(
    ("text", "day", "code"),
    [
        ("Abdul Karim Brahawi", date(2010, 1, 1), "AFGGOVREF"),  # an office holder only Phoenix knows
        ("Abdul Karim Brahawi", date(2015, 1, 1), "AFGELI"),  # after the role: a former office holder
        ("Hamid Karzai", date(2020, 1, 1), "AFGELI"),  # Phoenix's role is open; the curated entry ends it
        ("the ANSF", date(2010, 1, 1), "AFGMIL"),
        ("Khost police", date(2010, 1, 1), "AFGCOP"),  # a Phoenix place names its country
    ],
)
def test_phoenix_knowledge_under_the_curated_base(table: ActorTable, text: str, day: date, code: str) -> None:
    assert resolve_phrase(table, text, day).code == code


def test_shipped_names_match_where_written_as_names(table: ActorTable) -> None:
    assert resolve_phrase(table, "Farah", date(2010, 1, 1)).country == "AFG"
    assert resolve_phrase(table, "farah", date(2010, 1, 1)).code is None
    assert resolve_phrase(table, "ansf", date(2010, 1, 1)).code is None  # an abbreviation: capitals only


def test_the_curated_reading_of_a_phrase_wins_over_an_imported_one(table: ActorTable) -> None:
    # Phoenix codes "Muslim cleric" as a whole; the curated base reads a cleric (REL) that is Muslim.
    assert "muslim cleric" not in table.kb.agents
    assert resolve_phrase(table, "Muslim cleric", date(2020, 1, 1)).sector == "REL"
    # Phoenix's "unidentified gunmen" are rebels; the curated gunmen are UAF.
    assert resolve_phrase(table, "unidentified gunmen", date(2020, 1, 1)).sector == "UAF"


def test_a_users_file_wins_over_the_shipped_dictionaries(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("- {names: [Khost], code: AFGREB}\n", encoding="utf-8")
    table = ActorTable(load_knowledge_base((path,)))
    assert resolve_phrase(table, "Khost", date(2010, 1, 1)).code == "AFGREB"
    assert "mine.yaml" in table.kb.versions


def test_a_code_that_is_a_sector_alone_names_no_country(table: ActorTable) -> None:
    reuters = resolve_phrase(table, "Reuters", date(2020, 1, 1))  # Phoenix codes it MED
    assert (reuters.code, reuters.country, reuters.sector) == ("MED", None, "MED")

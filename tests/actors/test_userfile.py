"""A user's own actors file: format, checks, and override of the packaged base."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from standoff.actors.kb import load_knowledge_base
from standoff.actors.phrase import resolve_phrase
from standoff.actors.table import ActorTable
from standoff.errors import BadDictionary

USER = """\
- name: Jane Doe
  names: [Senator Doe]
  country: USA
  roles:
    - {sector: LEG, from: 2019-01-03, until: 2023-01-03, title: Senator}
    - {code: USAGOV, from: 2023-01-04, title: Secretary of Energy}
- names: [Acme Corporation, Acme]
  code: USABUS
  case_sensitive: [Acme]
# A local reading of a name the base gives to a state.
- name: Georgia
  country: USA
  kind: organisation
- name: Vladimir Putin
  code: RUSELI
"""


@pytest.fixture(scope="module")
def user_table(tmp_path_factory: pytest.TempPathFactory) -> ActorTable:
    path = tmp_path_factory.mktemp("user") / "my_actors.yaml"
    path.write_text(USER, encoding="utf-8")
    return ActorTable(load_knowledge_base((path,)))


@pytest.mark.parametrize(
    ("text", "day", "code"),
    [
        ("Jane Doe", date(2020, 6, 1), "USALEG"),
        ("Jane Doe", date(2024, 6, 1), "USAGOV"),
        ("Jane Doe", date(2010, 6, 1), "USA"),  # before any role: the country
        ("Senator Doe", date(2020, 6, 1), "USALEG"),
        ("Acme", date(2020, 6, 1), "USABUS"),
        ("Georgia", date(2020, 6, 1), "USA"),
        ("Vladimir Putin", date(2020, 6, 1), "RUSELI"),
    ],
)
def test_user_entries_resolve(user_table: ActorTable, text: str, day: date, code: str) -> None:
    assert resolve_phrase(user_table, text, day).code == code


def test_user_names_take_over_the_packaged_ones(user_table: ActorTable) -> None:
    kb = user_table.kb
    assert "Georgia" not in kb.state("GEO").names  # the state keeps its other forms
    assert "Tbilisi" in kb.state("GEO").capitals
    # Without roles an entry is an organisation; the packaged person of that name is gone.
    assert not [p for p in kb.people if p.name == "Vladimir Putin"]
    assert [o.code for o in kb.organisations if "Vladimir Putin" in o.names] == ["RUSELI"]
    assert resolve_phrase(user_table, "Georgian", date(2020, 6, 1)).country == "GEO"
    assert resolve_phrase(user_table, "acme", date(2020, 6, 1)).code is None  # case-sensitive form
    # Other people and states are untouched.
    assert resolve_phrase(user_table, "Sergei Lavrov", date(2020, 6, 1)).code == "RUSGOV"


def test_the_packaged_base_is_unchanged_without_user_files(table: ActorTable) -> None:
    assert resolve_phrase(table, "Vladimir Putin", date(2020, 6, 1)).code == "RUSGOV"
    assert resolve_phrase(table, "Georgia", date(2020, 6, 1)).country == "GEO"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- {names: [X]}\n", "give code, or country"),
        ("- {name: X, code: usa}\n", "blocks of three capital letters"),
        ("- {name: X, country: USA, sector: XXX}\n", "unknown sector code 'XXX'"),
        ("- {name: X, code: USAGOV, sector: GOV}\n", "give code or sector, not both"),
        ("- {name: X, country: USA, kind: robot}\n", "kind must be person or organisation"),
        ("- {name: X, country: USA, roles: [{sector: GOV, from: 2020-02-30}]}\n", "from must be a date"),
        ("- {name: X, roles: [{sector: GOV}]}\n", "needs a country"),
        ("- {name: X, country: USA, colour: red}\n", "unknown field(s): colour"),
        ("{name: X}\n", "expected a list of entries"),
    ],
)
def test_bad_user_files_name_the_file_and_entry(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadDictionary) as caught:
        load_knowledge_base((path,))
    assert message in str(caught.value) and str(path) in str(caught.value)

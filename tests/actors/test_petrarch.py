"""The PETRARCH/TABARI dictionary importer, on small dictionaries the tests write."""

from __future__ import annotations

from datetime import date

import pytest

from standoff.actors.kb import load_knowledge_base
from standoff.actors.petrarch import read_petrarch
from standoff.actors.phrase import resolve_phrase
from standoff.actors.table import ActorTable
from standoff.errors import BadDictionary

ACTORS = """\
<!-- A TEST DICTIONARY
# with a comment block -->
GONDOR [GON]
+MINAS_TIRITH
+GONDORIAN   # a synonym with a comment

SAM_GAMGEE [HOB]  # the default code
\t[HOBCIV <20080120]
\t[HOBGOV 20121109-20130119]
\t[HOBELI >20130119]

GOLLUM
+SMEAGOL
\t[HOB < 950601]
\t[HOBREB > 990816]

BOROMIR [---]
THE_SHIRE_COUNCIL [shrgov]
FELLOWSHIP [ELF/HOB]
BREE [BRE]
ROMENDACIL [BRE]  # a name known only by its country
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
FOREIGN_MINISTER [~GOVFRM]
POLICE {} [ ~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
RIGHTS_BODY [NGO~]
CONGRESS!PERSON! [~LEG]
SOLDIER [~MIL]
PRIME_MINISTER [~GOV]
"""


def test_actor_entries_codes_and_dates() -> None:
    imported = read_petrarch(ACTORS, "test.actors.txt")
    people = {p.name: p for p in imported.people}
    orgs = {o.names[0]: o for o in imported.organisations}
    assert orgs["GONDOR"].code == "GON" and orgs["GONDOR"].names == ("GONDOR", "MINAS TIRITH", "GONDORIAN")
    assert orgs["THE SHIRE COUNCIL"].code == "SHRGOV" and orgs["THE SHIRE COUNCIL"].sector == "GOV"
    assert orgs["FELLOWSHIP"].code == "ELF"  # one code per actor: the first of [A/B]
    sam = people["SAM GAMGEE"]
    assert sam.code_on(date(2007, 1, 1)).code == "HOBCIV"
    assert sam.code_on(date(2010, 6, 1)).code == "HOB"  # no restriction covers it: the default
    assert sam.code_on(date(2012, 12, 1)).code == "HOBGOV"
    assert sam.code_on(date(2013, 1, 19)).code == "HOBGOV" and sam.code_on(date(2013, 1, 20)).code == "HOBELI"
    gollum = people["GOLLUM"]
    assert gollum.aliases == ("SMEAGOL",)
    assert gollum.code_on(date(1995, 5, 31)).code == "HOB"  # YYMMDD dates are 19xx
    assert gollum.code_on(date(1999, 8, 17)).code == "HOBREB"
    assert gollum.code_on(date(1997, 1, 1)).code == "---"  # no default: recognised, coded as nothing


def test_agent_entries_plurals_sets_and_code_position() -> None:
    agents = read_petrarch(AGENTS, "test.agents.txt").agents
    assert agents["foreign minister"].code == "GOVFRM" and agents["foreign minister"].sector == "GOV"
    assert "foreign ministers" in agents  # the made plural
    assert "police" in agents and "polices" not in agents  # {} means no plural
    assert "attorneys general" in agents and "attorney generals" not in agents
    assert agents["rights body"].before and agents["rights body"].with_country("GON") == "NGOGON"
    assert {"congressman", "congressmen", "congresswoman", "congresswomen"} <= set(agents)
    assert agents["soldiers"].with_country("GON") == "GONMIL"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("GONDOR [GON <2020]\n", "cannot read the code block"),
        ("GONDOR [GON 20201301-20201401]\n", "is not a date"),
        ("+SYNONYM\n", "needs an entry above it"),
        ("GONDOR\n", "no code"),
        ("FOO !X! [~GOV]\n", "is used before it is defined"),
        ("--- AGREE [030] ---\n", "verb dictionary"),
    ],
)
def test_bad_dictionaries_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(BadDictionary) as caught:
        read_petrarch(text, "bad.txt")
    assert message in str(caught.value) and "bad.txt" in str(caught.value)


@pytest.fixture(scope="module")
def imported_table(tmp_path_factory: pytest.TempPathFactory) -> ActorTable:
    folder = tmp_path_factory.mktemp("dicts")
    (folder / "middle.actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "middle.agents.txt").write_text(AGENTS, encoding="utf-8")
    return ActorTable(load_knowledge_base((folder / "middle.actors.txt", folder / "middle.agents.txt")))


def test_imported_dictionaries_drive_the_resolver(imported_table: ActorTable) -> None:
    assert resolve_phrase(imported_table, "Sam Gamgee", date(2012, 12, 1)).code == "HOBGOV"
    assert resolve_phrase(imported_table, "Gondorian police", date(2012, 12, 1)).code == "GONCOP"
    assert resolve_phrase(imported_table, "the Gondor foreign minister", date(2012, 12, 1)).code == "GONGOVFRM"
    boromir = resolve_phrase(imported_table, "Boromir", date(2012, 12, 1))
    assert boromir.code is None and boromir.method == "null-code"
    # The packaged base is still there, and the imported "police" replaced the packaged word.
    assert resolve_phrase(imported_table, "Russian police", date(2012, 12, 1)).code == "RUSCOP"
    kb = imported_table.kb
    assert "police" in kb.agents and "police" not in kb.sectors


def test_a_title_gives_a_name_known_only_by_its_country_its_sector(imported_table: ActorTable) -> None:
    assert resolve_phrase(imported_table, "Bree Prime Minister Romendacil", date(2012, 12, 1)).code == "BREGOV"
    assert resolve_phrase(imported_table, "Romendacil", date(2012, 12, 1)).code == "BRE"
    assert resolve_phrase(imported_table, "the Shire Council", date(2012, 12, 1)).code == "SHRGOV"  # a code with a sector stays


def test_phoenix_layout_synonyms_on_one_line_names_before_codes_and_bracketed_abbreviations() -> None:
    text = "TAIWAN_ [TWN]\n+TAIOAN_ +TAWIAN_\nLEONID_BREZHNEV_\nSECRETARY_BREZHNEV\n\t[RUSGOV 641014-821110]\nDIRECT_ACTION_(GREECE)_ [GRCREB]\nREVOLUTIONARY_ARMED_FORCES_(RAF)_ [COLREB]\n"
    imported = read_petrarch(text, "layout.txt")
    orgs = {o.names[0]: o.names for o in imported.organisations}
    assert orgs["TAIWAN"] == ("TAIWAN", "TAIOAN", "TAWIAN")
    assert orgs["DIRECT ACTION"] == ("DIRECT ACTION",)  # "(GREECE)" is no abbreviation of the name
    assert orgs["REVOLUTIONARY ARMED FORCES"] == ("REVOLUTIONARY ARMED FORCES", "RAF")
    (brezhnev,) = imported.people
    assert (brezhnev.name, brezhnev.aliases) == ("LEONID BREZHNEV", ("SECRETARY BREZHNEV",))
    assert brezhnev.code_on(date(1970, 1, 1)).code == "RUSGOV"


def test_phoenix_agent_codes_for_what_cameo_codes_otherwise_are_read_as_cameo_codes() -> None:
    agents = read_petrarch("MAN [~PPL]\nIMAM [~MUS]\nMUSLIM_REBEL [~REBMUS]\n", "codes.agents.txt").agents
    assert (agents["men"].sector, agents["men"].code) == (None, "PPL")  # people of no kind in particular
    assert (agents["imams"].sector, agents["muslim rebels"].with_country("SYR")) == ("MOS", "SYRREBMOS")

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from standoff.actors.kb import KnowledgeBase, load_knowledge_base
from standoff.errors import BadDictionary

# The 193 member states of the United Nations, by ISO 3166-1 alpha-3 code.
UN_MEMBERS = frozenset(
    """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
    BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK
    COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD
    GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ
    LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE
    MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
    QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF
    SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA
    USA URY UZB VUT VEN VNM YEM ZMB ZWE
    """.split()
)
OTHER_STATES = frozenset({"VAT", "PSE", "TWN", "XKX", "ESH"})

# Surface forms deliberately shared by two actors. There are none: where a form is shared in
# the world (Congo, Dominican, Brussels), the data give it to the actor news text usually
# means and say so in a comment. Add a form here only with a resolver that can choose.
KNOWN_AMBIGUOUS: dict[str, frozenset[str]] = {}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def states_for(kb: KnowledgeBase, text: str) -> set[str]:
    """State codes a surface form stands for, honouring case-sensitive forms."""
    return {
        state.code
        for state in kb.states
        for form in state.forms
        if (form == text if form in state.case_sensitive else form.lower() == text.lower())
    }


def test_loads_once_per_argument_tuple(kb: KnowledgeBase) -> None:
    assert load_knowledge_base() is kb
    assert len(kb.version) == 12 and int(kb.version, 16) >= 0
    assert kb.people, "the packaged people_*.yaml files are loaded"


def test_every_state_is_present(kb: KnowledgeBase) -> None:
    assert len(UN_MEMBERS) == 193
    codes = [state.code for state in kb.states]
    assert len(codes) == len(set(codes))
    assert UN_MEMBERS | OTHER_STATES <= set(codes)
    assert len(codes) >= 193 + 2 + 3


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("U.S.", "USA"),
        ("United States", "USA"),
        ("America", "USA"),
        ("DPRK", "PRK"),
        ("North Korea", "PRK"),
        ("Pyongyang", "PRK"),
        ("Kremlin", "RUS"),
        ("Britain", "GBR"),
        ("Holland", "NLD"),
        ("Ivory Coast", "CIV"),
        ("Czechia", "CZE"),
        ("Burma", "MMR"),
        ("Kosovo", "XKX"),
        ("Holy See", "VAT"),
        ("South Korean", "KOR"),
        ("seoul", "KOR"),
    ],
)
def test_state_forms(kb: KnowledgeBase, text: str, code: str) -> None:
    assert states_for(kb, text) == {code}


def test_case_sensitive_forms_do_not_match_common_words(kb: KnowledgeBase) -> None:
    assert states_for(kb, "US") == {"USA"}
    assert states_for(kb, "us") == set()
    assert states_for(kb, "turkey") == set()
    assert states_for(kb, "Turkey") == {"TUR"}


def test_short_acronyms_are_case_sensitive(kb: KnowledgeBase) -> None:
    forms = [(f, s.case_sensitive) for s in kb.states for f in s.forms]
    forms += [(f, o.case_sensitive) for o in kb.organisations for f in o.names]
    loose = [f for f, case_sensitive in forms if f.isalpha() and f.isupper() and len(f) <= 3 and f not in case_sensitive]
    assert loose == []


def test_capitals_and_seats(kb: KnowledgeBase) -> None:
    assert "Pyongyang" in kb.state("PRK").capitals
    assert ("Kremlin", "GOV") in kb.state("RUS").seats
    assert ("Pentagon", "MIL") in kb.state("USA").seats
    assert kb.state("XYZ") is None


def test_organisations(kb: KnowledgeBase) -> None:
    by_name = {name: org for org in kb.organisations for name in org.names}
    assert by_name["NATO"].code == "IGOWSTNAT" and by_name["NATO"].group == "NAT"
    assert by_name["U.N."].code == "IGOUNO" and by_name["U.N."].group == "UNO"
    assert by_name["UN Security Council"].code == "IGOUNO"
    assert by_name["Hamas"].country == "PSE" and by_name["Hamas"].group is None
    assert "WHO" in by_name["WHO"].case_sensitive


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("foreign minister", "GOV"),
        ("Foreign  Minister", "GOV"),
        ("navy", "MIL"),
        ("warplanes", "MIL"),
        ("defence minister", "MIL"),
        ("police", "COP"),
        ("opposition leader", "OPP"),
        ("lawmakers", "LEG"),
        ("former president", "ELI"),
        ("paramedics", "HLH"),
        ("protesters", "CVL"),
    ],
)
def test_sector_phrases(kb: KnowledgeBase, phrase: str, sector: str) -> None:
    assert kb.sector(phrase) == sector


def test_no_form_stands_for_two_actors(kb: KnowledgeBase) -> None:
    actors: dict[str, set[str]] = defaultdict(set)
    for state in kb.states:
        for form in state.forms:
            actors[form.lower()].add(state.code)
    for org in kb.organisations:
        for name in org.names:
            actors[name.lower()].add(org.code)
    shared = {form: frozenset(codes) for form, codes in actors.items() if len(codes) > 1}
    assert shared == KNOWN_AMBIGUOUS
    assert not set(actors) & set(kb.sectors), "a sector phrase is also an actor name"


PEOPLE = """\
- name: Pat Example
  aliases: [Example]
  country: USA
  roles:
    - {title: President, country: USA, sector: GOV, from: 2017-01-20, until: 2021-01-20}
    - {title: President, sector: GOV, from: 2025-01-20, until: null}
- name: Sam Handover
  country: RUS
  roles:
    - {title: Prime Minister, sector: GOV, from: 2008-05-08, until: 2012-05-07}
    - {title: President, sector: GOV, from: "2012-05-07"}
"""


@pytest.fixture
def people_kb(tmp_path: Path) -> KnowledgeBase:
    path = tmp_path / "people_test.yaml"
    path.write_text(PEOPLE, encoding="utf-8")
    return load_knowledge_base((path,))


def person(kb: KnowledgeBase, name: str):
    return next(p for p in kb.people if p.name == name)


def test_extra_people_are_added(people_kb: KnowledgeBase, kb: KnowledgeBase) -> None:
    assert len(people_kb.people) == len(kb.people) + 2
    assert people_kb.version != kb.version
    assert person(people_kb, "Pat Example").aliases == ("Example",)


@pytest.mark.parametrize(
    ("day", "code", "sector", "valid_from", "valid_until"),
    [
        (date(2017, 6, 1), "USAGOV", "GOV", date(2017, 1, 20), date(2021, 1, 20)),
        (date(2021, 1, 20), "USAGOV", "GOV", date(2017, 1, 20), date(2021, 1, 20)),
        (date(2025, 3, 1), "USAGOV", "GOV", date(2025, 1, 20), None),
        (date(2022, 6, 1), "USAELI", "ELI", date(2021, 1, 21), date(2025, 1, 19)),
        (date(2010, 1, 1), "USA", None, None, date(2017, 1, 19)),
        (None, "USAGOV", "GOV", date(2025, 1, 20), None),
    ],
)
def test_code_follows_the_roles_in_time(
    people_kb: KnowledgeBase,
    day: date | None,
    code: str,
    sector: str | None,
    valid_from: date | None,
    valid_until: date | None,
) -> None:
    actor = person(people_kb, "Pat Example").code_on(day)
    assert (actor.code, actor.country, actor.sector) == (code, "USA", sector)
    assert (actor.valid_from, actor.valid_until) == (valid_from, valid_until)


def test_the_newer_role_wins_on_a_handover_day(people_kb: KnowledgeBase) -> None:
    someone = person(people_kb, "Sam Handover")
    assert someone.role_on(date(2012, 5, 7)).title == "President"
    assert someone.role_on(date(2012, 5, 6)).title == "Prime Minister"
    assert someone.role_on(date(2000, 1, 1)) is None


BAD_FILES = [
    ("people_bad.yaml", "- name: [unclosed\n", "not valid YAML"),
    ("people_dup.yaml", "- name: A\n  name: B\n  country: USA\n", "duplicate key"),
    ("people_nocountry.yaml", "- name: A\n", "entry 1 (A): missing field(s): country"),
    ("people_date.yaml", "- name: A\n  country: USA\n  roles:\n    - {title: X, sector: GOV, from: 2020-13-01}\n", "from must be a date"),
    ("people_order.yaml", "- name: A\n  country: USA\n  roles:\n    - {title: X, sector: GOV, from: 2020-01-02, until: 2020-01-01}\n", "is after until"),
    ("people_sector.yaml", "- name: A\n  country: USA\n  roles:\n    - {title: X, sector: XXX}\n", "unknown sector code 'XXX'"),
    ("people_country.yaml", "- name: A\n  country: GER\n", "'GER' is not a known"),
    ("states_extra.yaml", "- {code: USA, name: Again, names: [Again]}\n", "duplicate state code USA"),
    ("states_case.yaml", "- {code: QQQ, name: Q, names: [Q], case_sensitive: [QQ]}\n", "not among the names"),
    ("sectors_extra.yaml", "LEG: [Navy]\n", "already listed under MIL"),
    ("organisations_x.yaml", "- {code: IGOXXX, sector: IGO, names: [X]}\n", "exactly one of group"),
    ("notes.csv", "a,b\n", "cannot tell what this file holds"),
    ("people_compact.yaml", "- name: A\n  country: USA\n  roles:\n    - {title: X, sector: GOV, from: '20200102'}\n", "YYYY-MM-DD"),
]


@pytest.mark.parametrize(("file_name", "content", "message"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_files_name_the_file_and_entry(tmp_path: Path, file_name: str, content: str, message: str) -> None:
    path = tmp_path / file_name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadDictionary) as caught:
        load_knowledge_base((path,))
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_yaml_errors_carry_the_line(tmp_path: Path) -> None:
    path = tmp_path / "people_line.yaml"
    path.write_text("- name: A\n  country: USA\n- name: [B\n", encoding="utf-8")
    with pytest.raises(BadDictionary) as caught:
        load_knowledge_base((path,))
    assert caught.value.file == str(path) and caught.value.line is not None and caught.value.line >= 3


def test_places_name_known_states_and_collide_only_where_meant(kb: KnowledgeBase) -> None:
    assert kb.places, "places.yaml is loaded"
    codes = {state.code for state in kb.states}
    assert {place.country for place in kb.places} <= codes
    state_forms = {form.lower() for state in kb.states for form in state.forms}
    # A place sharing a state's name is a deliberate ambiguity the resolver handles with context.
    assert {p.name.lower() for p in kb.places} & state_forms == {"georgia"}
    assert {p.sector for p in kb.places} <= {None, "SEP", "BUS"}


def test_shared_forms_are_secondary_readings_of_another_states_form(kb: KnowledgeBase) -> None:
    forms = {form: state.code for state in kb.states for form in state.forms}
    shared = {(form, state.code) for state in kb.states for form in state.shared}
    assert ("Congo", "COG") in shared
    assert all(form in forms and forms[form] != code for form, code in shared)


def test_people_roles_in_organisations_take_the_organisations_code(kb: KnowledgeBase) -> None:
    guterres = person(kb, "António Guterres").code_on(date(2020, 1, 1))
    assert (guterres.code, guterres.country, guterres.sector) == ("IGOUNO", "UNO", "IGO")
    nasrallah = person(kb, "Hassan Nasrallah")
    assert nasrallah.code_on(date(2020, 1, 1)).code == "LBNREBHEZ"

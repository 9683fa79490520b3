from __future__ import annotations

import pytest

from standoff.ontology import (
    CameoCode,
    UnknownCode,
    load_ontology,
    parent_of,
    penta_class,
    quad_class_of_root,
    root_of,
)
from standoff.ontology.loader import _parse

ROOTS = [f"{n:02d}" for n in range(1, 21)]
PLOVER_2021 = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def test_load_is_cached(onto):
    assert load_ontology() is onto


def test_table_size_and_unique_codes(onto):
    codes = [c.code for c in onto.codes()]
    assert len(codes) == len(set(codes)) == len(onto)
    assert 300 <= len(codes) <= 320


def test_every_code_is_well_formed(onto):
    for c in onto.codes():
        assert c.name.strip() == c.name and c.name, c.code
        assert -10.0 <= c.goldstein <= 10.0, c.code
        assert c.root == c.code[:2]
        assert c.quad_class == quad_class_of_root(c.root), c.code


def test_roots_and_parents_exist(onto):
    for root in ROOTS:
        assert onto.cameo(root).parent is None
        assert f"{root}0" in onto, f"{root} lacks its 'not specified' code"
    for c in onto.codes():
        if len(c.code) > 2:
            assert c.parent in onto, c.code


@pytest.mark.parametrize(
    "code",
    ["0256", "041", "042", "057", "111", "112", "125", "138", "150", "163", "172", "190", "195",
     "012", "026", "036", "019", "0214", "0314", "1014", "1056", "1246", "129", "1663", "1834",
     "1952", "2042"],
)  # fmt: skip
def test_codebook_codes_present(onto, code):
    assert isinstance(onto.cameo(code), CameoCode)


@pytest.mark.parametrize("code", ["0357", "1641", "155", "176", "1213"])
def test_codes_from_other_cameo_versions_absent(onto, code):
    assert onto.get(code) is None


@pytest.mark.parametrize(
    ("code", "goldstein", "quad"),
    [("010", 0.0, 1), ("012", -0.4, 1), ("057", 8.0, 2), ("0874", 10.0, 2), ("111", -2.0, 3),
     ("130", -4.4, 3), ("145", -7.5, 4), ("163", -8.0, 4), ("190", -10.0, 4), ("201", -9.5, 4)],
)  # fmt: skip
def test_known_goldstein_and_quad(onto, code, goldstein, quad):
    c = onto[code]
    assert (c.goldstein, c.quad_class) == (goldstein, quad)


def test_four_digit_codes_share_parent_goldstein_mostly(onto):
    # CAMEO gives only a handful of leaf codes their own weight; a stray typo would show here.
    own = {c.code for c in onto.codes() if len(c.code) == 4 and c.goldstein != onto[c.code[:3]].goldstein}
    assert own == {"0334", "0874", "1821", "1822", "1823"}


def test_plover_types(onto):
    types = onto.plover_types()
    assert {t.name for t in types} == PLOVER_2021
    for t in types:
        assert t.kind in {"verbal", "material"} and t.orientation in {"cooperation", "conflict"}
        assert t.description
    assert onto.plover_type("ASSAULT").kind == "material"
    assert onto.plover_type("REQUEST").orientation == "conflict"
    with pytest.raises(UnknownCode):
        onto.plover_type("DISAPPROVE")


@pytest.mark.parametrize(
    ("code", "plover", "mode", "context"),
    [("190", "ASSAULT", None, "military"), ("111", "ACCUSE", "disapprove", None),
     ("041", "CONSULT", "phone", None), ("163", "COERCE", "restrict", "diplomatic"),
     ("164", "SANCTION", "withdraw", "diplomatic"), ("0874", "RETREAT", "disarm", "military"),
     ("057", "SUPPORT", None, "diplomatic"), ("1823", "ASSAULT", None, None),
     ("0256", "REQUEST", "yield", "military"), ("1951", "ASSAULT", "heavy-weapons", "military"),
     ("010", None, None, None), ("016", None, None, None)],
)  # fmt: skip
def test_plover_map(onto, code, plover, mode, context):
    c = onto[code]
    assert (c.plover, c.plover_mode, c.plover_context) == (plover, mode, context)


def test_every_code_from_02_up_has_a_plover_type(onto):
    unmapped = {c.code for c in onto.codes() if c.plover is None}
    assert unmapped == {c.code for c in onto.codes() if c.root == "01"}
    assert all(c.plover in PLOVER_2021 for c in onto.codes() if c.plover)


def test_unknown_code(onto):
    assert onto.get("999") is None
    assert onto.get("0") is None
    with pytest.raises(UnknownCode, match="999"):
        onto.cameo("999")
    with pytest.raises(KeyError):
        onto["2043"]
    assert "2043" not in onto


@pytest.mark.parametrize(
    ("code", "expected"),
    [("01", 0), ("0256", 0), ("03", 1), ("057", 1), ("06", 2), ("0874", 2), ("09", 3), ("139", 3),
     ("14", 4), ("154", 4), ("16", 3), ("1663", 3), ("17", 4), ("2042", 4)],
)  # fmt: skip
def test_penta_class_boundaries(code, expected):
    assert penta_class(code) == expected


@pytest.mark.parametrize(
    ("root", "expected"),
    [("01", 1), ("04", 1), ("05", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4), ("0256", 1)],
)  # fmt: skip
def test_quad_class_of_root(root, expected):
    assert quad_class_of_root(root) == expected


@pytest.mark.parametrize("bad", ["", "1", "00", "21", "99", "12345", "04a", " 04", "٠٤"])
def test_malformed_codes_raise(bad):
    with pytest.raises(UnknownCode):
        root_of(bad)
    with pytest.raises(UnknownCode):
        penta_class(bad)


def test_parent_of():
    assert parent_of("0256") == "025"
    assert parent_of("025") == "02"
    assert parent_of("02") is None


def test_version_is_short_hash(onto):
    assert len(onto.version) == 12
    int(onto.version, 16)


# Small hand-written tables: the parser must refuse inconsistent data rather than load it.
PLOVER_TSV = b"type\tkind\torientation\tdescription\nASSAULT\tmaterial\tconflict\tviolence\n"
CAMEO_TSV = b"code\tname\tgoldstein\tquad_class\n19\tFight\t-10.0\t4\n190\tFight, other\t-10.0\t4\n"
MAP_HEADER = b"code\tplover\tmode\tcontext\n"


def test_parse_small_tables():
    codes, types = _parse(CAMEO_TSV, PLOVER_TSV, MAP_HEADER + b"190\tASSAULT\t\tmilitary\n")
    assert [t.name for t in types] == ["ASSAULT"]
    assert codes[1] == CameoCode("190", "Fight, other", -10.0, 4, "19", "ASSAULT", None, "military")
    assert codes[0].plover is None


@pytest.mark.parametrize(
    ("cameo", "mapping", "message"),
    [
        (CAMEO_TSV, MAP_HEADER + b"190\tDISAPPROVE\t\t\n", "unknown PLOVER type"),
        (CAMEO_TSV, MAP_HEADER + b"191\tASSAULT\t\t\n", "missing from cameo.tsv"),
        (CAMEO_TSV.replace(b"\t4\n", b"\t3\n", 1), MAP_HEADER, "does not match root"),
        (CAMEO_TSV.replace(b"-10.0\t4\n19", b"-10.0\n19", 1), MAP_HEADER, "expected 4"),
        (CAMEO_TSV.replace(b"190\t", b"210\t"), MAP_HEADER, "roots run"),
        (b"code\tname\n", MAP_HEADER, "header"),
    ],
)
def test_parse_rejects_bad_tables(cameo, mapping, message):
    with pytest.raises(ValueError, match=message):
        _parse(cameo, PLOVER_TSV, mapping)

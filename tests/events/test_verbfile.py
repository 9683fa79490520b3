"""Reading a PETRARCH verb dictionary's layout: synonym sets, verb blocks, verbs with their
forms and codes, patterns with their codes and notes, and what has no place."""

from __future__ import annotations

import pytest

from standoff.errors import BadDictionary
from standoff.events.verbfile import read_verb_dictionary

DICTIONARY = """\
# a comment line
<!-- an XML-style comment -->
&TRUCE
+TRUCE
+CEASE_FIRE

--- RUSH   [---]  ---
RUSH
SPEED {SPEEDING SPEEDS SPED }  # jw 9/1/91
+CORDON_OFF {+CORDONED_OFF +CORDONING_OFF } [1721]
WIRE_+TAP
SCRAP {SCRAPS};shan 8/30/93
- * POLICE (TO BORDER)      [153]   # RUSH
- * DIPLXMATIC  [###]  # a code of hashes is no comment

&MORE
+AGAIN

--- LASH OUT [122] ---
LASH OUT
~ a (a b ATTACK) SAY = a b 015
"""


def test_the_parts_are_read_with_their_lines() -> None:
    found = read_verb_dictionary(DICTIONARY, "verbs.txt")
    assert set(found.synsets) == {"TRUCE", "MORE"}
    assert [m for _, m in found.synsets["TRUCE"].members] == ["TRUCE", "CEASE_FIRE"]
    rush, lash = found.blocks
    assert (rush.name, rush.code, rush.line) == ("RUSH", "---", 7)
    assert [v.words for v in rush.verbs] == [("RUSH",), ("SPEED",), ("CORDON", "OFF"), ("WIRE", "TAP"), ("SCRAP",)]
    assert rush.verbs[1].forms == (("SPEEDING",), ("SPEEDS",), ("SPED",))
    assert (rush.verbs[2].code, rush.verbs[2].verb, rush.verbs[3].verb) == ("1721", 0, 1)
    assert [(p.text, p.code, p.note) for p in rush.patterns] == [
        ("* POLICE (TO BORDER)", "153", "RUSH"),
        ("* DIPLXMATIC", "###", "a code of hashes is no comment"),
    ]
    assert (lash.name, lash.code, lash.verbs[0].words) == ("LASH OUT", "122", ("LASH", "OUT"))
    assert [(s.line, s.reason) for s in found.skipped] == [(21, "a transformation (verb acting on verb)")]


def test_a_pattern_before_any_block_is_an_error_with_its_line() -> None:
    with pytest.raises(BadDictionary, match=r"v.txt:2: a pattern before the first verb block"):
        read_verb_dictionary("&X\n- * AID [070]\n", "v.txt")


def test_a_pattern_without_a_code_is_an_error_with_its_line() -> None:
    with pytest.raises(BadDictionary, match=r"v.txt:3: a pattern needs its code"):
        read_verb_dictionary("--- AID [070] ---\nAID\n- * HELP\n", "v.txt")


def test_unclosed_irregular_forms_are_an_error_with_their_line() -> None:
    with pytest.raises(BadDictionary, match=r"v.txt:2: irregular forms"):
        read_verb_dictionary("--- GO [---] ---\nGO {WENT GONE\n", "v.txt")

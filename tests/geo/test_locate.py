"""Event location: prepositions, clauses, quotes, datelines and metonymy."""

from __future__ import annotations

from datetime import date

import pytest

from standoff.geo import ArticlePlaces
from standoff.model import Actor, ActorCode, Article, DateBasis, Event, Mention, Modality, Provenance, Resolution
from standoff.nlp import parse


@pytest.mark.parametrize(
    ("text", "trigger", "name", "feature"),
    [
        ("North Korea fired a ballistic missile over Japan on Tuesday.", "fired", "Japan", "country"),
        ("The missile fell into the sea off Hokkaido.", "fell", "Hokkaido", "offshore"),
        ("Ministers met in Geneva on Friday.", "met", "Geneva", "city"),
        ("Kim Jong Un inspected a missile base near Wonsan.", "inspected", "Wŏnsan", "city"),
        ("North Korea conducted its sixth nuclear test at Punggye-ri.", "conducted", "Punggye-ri", "site"),
        ("Iran seized a tanker in the Strait of Hormuz.", "seized", "Strait of Hormuz", "strait"),
        ("Migrants drowned off the coast of Libya.", "drowned", "Libya", "offshore"),
        ("The boats intruded into Chinese waters.", "intruded", "China", "offshore"),
        ("Germany's chancellor visited Kyiv on Tuesday.", "visited", "Kyiv", "city"),
        ("The Taliban seized control of Kabul in 2021.", "seized", "Kabul", "city"),
        ("The embassy in Manila issued a statement.", "issued", "Manila", "city"),
        ("The attack on Kabul airport killed 13 troops.", "killed", "Kabul", "city"),
        # a direction or a preposition with "of" carries the phrase
        ("Gunmen ambushed a convoy 40 km south of Mogadishu.", "ambushed", "Mogadishu", "city"),
        ("Two soldiers were shot dead just outside of Kandahar.", "shot", "Kandahār", "city"),
        # an act of moving is where it moves from: on its object (a participle too) or its noun
        ("Soldiers evacuated the injured from Kunduz on Monday.", "evacuated", "Kunduz", "city"),
        ("Aid workers evacuated 300 children from Mosul on Monday.", "evacuated", "Mosul", "city"),
        ("The rebels completed their withdrawal from Aleppo on Friday.", "completed", "Aleppo", "city"),
        # a plural place noun carries the phrase through "of" ("the battle zones of the peninsula")
        ("Troops laid mines in the border areas of the province of Kunar.", "laid", "Kunar", "admin1"),
        ("Gunmen ambushed a patrol near the Gaza settlement of Kfar Darom.", "ambushed", "Gaza", "city"),
    ],
)
def test_a_locative_phrase_on_the_trigger(locate, text: str, trigger: str, name: str, feature: str) -> None:
    place, why = locate(text, trigger)
    assert place is not None, why
    assert (place.name, place.feature) == (name, feature)
    assert "attached to" in why


def test_the_finer_place_of_the_clause(locate) -> None:
    text = "North Korea launched a missile which flew over Japan and fell into the waters off Japan's Hokkaido."
    place, why = locate(text, "launched")
    assert (place.name, place.country, place.admin1, place.feature) == ("Hokkaido", "JPN", "Hokkaido", "offshore")
    assert place.latitude == pytest.approx(43.2) and place.longitude == pytest.approx(142.8)
    assert "in the clause of 'launched'" in why


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Washington said it would respond firmly.", "said"),  # metonymy: an actor
        ("Beijing condemned the sanctions announced by Washington.", "condemned"),
        ("Tokyo lodged a protest with Beijing.", "lodged"),
        ("London and Paris pledged more aid to Kyiv.", "pledged"),  # a recipient
        ("Washington imposed sanctions on Moscow.", "imposed"),  # a target
        ("Lavrov discussed the situation on the Korean Peninsula with Tillerson.", "discussed"),  # a topic
        ("Beijing warned Manila against any provocation in the South China Sea.", "warned"),
        ("The White House said the president would travel to Tokyo.", "said"),  # reported content
        ("North Korea threatened to fire missiles toward Guam.", "threatened"),  # planned content
        ("After protests erupted in Tehran, the United Nations called for restraint.", "called"),  # its own clause
        ("Putin spoke with Erdogan while Russian troops massed near Kharkiv.", "spoke"),
    ],
)
def test_places_that_are_not_where_the_event_happened(locate, text: str, trigger: str) -> None:
    place, why = locate(text, trigger)
    assert place is None, why
    assert why.endswith("no dateline")


def test_the_reported_event_has_its_own_place(locate) -> None:
    place, _ = locate("The White House said the president would travel to Tokyo.", "travel")
    assert place.name == "Tokyo"


def test_a_quoted_place_is_not_the_speaking_event_s(locate) -> None:
    text = '"We will defend our waters in the South China Sea," the minister said in Manila.'
    place, _ = locate(text, "said")
    assert place.name == "Manila"
    place, why = locate('"We will defend our waters in the South China Sea," the minister said.', "said")
    assert place is None and "inside a quote" in why


def test_an_event_inside_a_quote_keeps_the_quote_s_place(locate) -> None:
    text = '"We saw tanks moving toward Kharkiv," a resident told reporters in Kyiv.'
    assert locate(text, "moving")[0].name == "Kharkiv"
    assert locate(text, "told")[0].name == "Kyiv"


def test_the_dateline_when_the_sentence_names_no_place(locate) -> None:
    text = "SEOUL (Reuters) - South Korea's president called for calm on Sunday."
    place, why = locate(text, "called")
    assert (place.name, place.country) == ("Seoul", "KOR")
    assert "datelined SEOUL" in why


def test_the_dateline_only_for_the_acting_side_s_country(locate) -> None:
    text = "MANILA (Harbour Wire) - China denied the accusation on Friday."
    place, why = locate(text, "denied", countries=["CHN"])
    assert place is None and "MANILA" in why
    assert locate(text, "denied", countries=["PHL"])[0].name == "Manila"


def test_a_qualified_dateline_and_here(locate) -> None:
    assert locate("PARIS, Texas (AP) — Police arrested a man on Tuesday.", "arrested")[0].admin1 == "Texas"
    place, why = locate("NEW DELHI (Reuters) - Indian and Chinese officials met here on Friday.", "met")
    assert place.name == "New Delhi" and why.startswith("'here'")


def test_a_place_in_the_sentence_beats_the_dateline(locate) -> None:
    place, _ = locate("MOSCOW (Reuters) - Ukrainian drones were shot down over the Belgorod region.", "shot")
    assert place.name == "Belgorod"


def test_locate_event_fills_location_and_reason() -> None:
    from standoff.geo import load_gazetteer

    text = "SEOUL (Reuters) - North Korea fired a missile over Japan. South Korea protested."
    doc = next(parse([text]))
    places = ArticlePlaces(load_gazetteer(), doc, Article("a", text))

    def event(trigger: str, country: str) -> Event:
        start = text.index(trigger)
        source = Actor(Mention("a", 0, 0, 1, "x"), ActorCode(country, country), "state", 0.9)
        return Event("e", "a", 0, 0, len(text), start, start + len(trigger), trigger, source, None, "190", None,
                     -10.0, 4, "asserted", date(2017, 9, 1), "article", 0.8, "test")  # fmt: skip

    fired = places.locate_event(event("fired", "PRK"))
    assert (fired.location.name, fired.location.country) == ("Japan", "JPN") and "over" in fired.loc_reason
    protested = places.locate_event(event("protested", "KOR"))
    assert protested.location.name == "Seoul" and "datelined" in protested.loc_reason
    other = places.locate_event(event("protested", "USA"))
    assert other.location is None and other.loc_reason


@pytest.mark.parametrize(
    ("text", "trigger", "name", "feature"),
    [
        ("Government jets bombed rebel positions in Idlib province on Sunday.", "bombed", "Idlib", "admin1"),
        ("Government jets bombed rebel positions in the province of Idlib.", "bombed", "Idlib", "admin1"),
        ("Militants attacked a village in Borno state.", "attacked", "Borno", "admin1"),
        ("Protesters marched in Idlib on Friday.", "marched", "Idlib", "city"),  # no word says province: the city
    ],
)
def test_provinces_stay_provinces(locate, text: str, trigger: str, name: str, feature: str) -> None:
    place, why = locate(text, trigger)
    assert place is not None, why
    assert (place.name, place.feature) == (name, feature)


def test_a_part_of_a_country_gives_the_country(locate) -> None:
    place, why = locate("Rebels retook a strategic village in Western Chad.", "retook")
    assert place is not None and (place.name, place.feature) == ("Chad", "country"), why


def test_a_town_named_as_a_town_is_found_whatever_its_size(locate) -> None:
    place, why = locate("Rebels attacked the town of Kidal on Sunday.", "attacked")
    assert place is not None and place.name == "Kidal", why


@pytest.mark.parametrize(
    ("text", "trigger", "because"),
    [
        ("Students at universities in Cairo and Alexandria protested against the law.", "protested", "one of a list of places"),
        ("The council agreed to an extension of the mandate for the peacekeeping force in Lebanon.", "agreed", "tells where 'force' is"),
    ],
)
def test_places_that_tell_about_a_noun_are_not_where(locate, text: str, trigger: str, because: str) -> None:
    place, why = locate(text, trigger)
    assert place is None and because in why, why


def test_a_list_on_the_act_itself_still_places_it(locate) -> None:
    place, why = locate("Protests broke out in Cairo and Alexandria on Friday.", "broke")
    assert place is not None and place.name == "Cairo", why


def _actor(text: str, sentence: str, code: str) -> Actor:
    start = sentence.index(text)
    mention = Mention("t", 0, start, start + len(text), text)
    return Actor(mention, ActorCode(code, code), Resolution.STATE, 0.9)


@pytest.mark.parametrize(
    ("text", "trigger_word", "target", "place"),
    [
        ("Taiwan's vice foreign minister visited Russia on Monday.", "visited", "Russia", None),
        ("Rebels shelled the regional capital Juba on Sunday.", "shelled", "the regional capital Juba", None),
        # the actor is the village, read from a phrase the place is only part of
        ("Rebels retook a village in Western Chad.", "retook", "a village in Western Chad", "Chad"),
        # the actor (the place's owner) is read from the name itself, but the name is the object
        # of a place preposition: it still says where
        ("Rebels retook a village in Western Chad.", "retook", "Western Chad", "Chad"),
        ("The army imposed a curfew in Kandahar on Sunday.", "imposed", "Kandahar", "Kandahār"),
    ],
)
def test_a_place_an_actor_is_read_from_is_not_where(article_places, text: str, trigger_word: str, target: str, place: str | None) -> None:
    doc, places = article_places(text)
    trigger = next(t for t in doc if t.text == trigger_word)
    source = _actor(text.split()[0], text, "XXX")
    event = Event(
        id="e", article_id="t", sentence_index=0, sentence_start=0, sentence_end=len(text), trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger.text), trigger=trigger.text, source=source, target=_actor(target, text, "YYY"),
        cameo="042", plover=None, goldstein=0.0, quad_class=1, modality=Modality.ASSERTED, event_date=None,
        date_basis=DateBasis.UNKNOWN, confidence=0.9, rule=Provenance("test", "t"),
    )  # fmt: skip
    [located] = places.locate_events([event])
    assert (located.location.name if located.location else None) == place, located.loc_reason
    if place is None:
        assert "names the event's actor" in (located.loc_reason or "")

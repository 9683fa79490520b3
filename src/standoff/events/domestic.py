"""Acts done at home are aimed at home: a protest, an arrest, a curfew (CAMEO 14, 17) or force
(18-20) whose words name no target, done where the actor's own country is, is aimed at that
country, as the CAMEO coding of domestic events has it ("protesters marched across France",
"police detained dozens in Tallinn"), and so is one the words place nowhere in a story filed
from the actor's own country, which its dateline places at home ("BOGOTA - Colombian jets
bombed camps in the south"). Where the words name no place, a protest or an act of
repression by a kind of actor that acts at home (police, protesters, a court; not the armed
forces, often abroad) is aimed at its own country too ("police fired tear gas to disperse
the crowds"), and so is a threat of such repression ("prepared to impose martial law"). A
threat that names no one, by a kind of actor that stands against its own state (opposition,
rebels, protesters), is made to its own country; not a threat of force. And force
or coercion (17-20) whose words name no target, done in another country than the actor's, is
aimed at that country, as force "in" or "inside" a country already is ("a Russian drone struck
a bus carrying civilians in Ukraine's Sumy region"), when the article names that country's
actors (a place name read as another country's town, and nothing else of that country, is more
likely a misreading than a war)."""

from __future__ import annotations

from collections.abc import Callable

from standoff.events.earlier import FORCE_ROOTS
from standoff.events.rules import FORCE_THREAT, THREAT_ROOT, retargeted
from standoff.geo import ArticlePlaces
from standoff.model import Actor, ActorCode, Event, Resolution, RuleId

DOMESTIC_ROOTS = frozenset({"14", "17", "18", "19", "20"})
# Protest and repression: aimed at home even where no place is named.
INWARD_ROOTS = frozenset({"14", "17"})
ADMINISTRATIVE_THREAT = "132"  # a threat of a curfew, martial law, a ban on parties: repression to come
# Coercion and force: aimed at the country of their scene when it is another's.
ABROAD_ROOTS = frozenset(FORCE_ROOTS)


def aimed_at_home(
    events: list[Event],
    places: ArticlePlaces,
    rescore: Callable[[Event], Event],
    home_sectors: frozenset[str],
    dissident_sectors: frozenset[str],
    named_countries: frozenset[str],
) -> list[Event]:
    """Each event, a domestic act without a target given the country of its scene as target when
    that is its source's own country, or, when no place is named, a protest or an act of
    repression by an actor of ``home_sectors``, or a threat by one of ``dissident_sectors``,
    given its own country; force abroad given the country of its scene when it is one of
    ``named_countries`` (those of the article's actors); ``rescore`` scores a changed event on
    what it now is."""
    return [_at_home(event, places, rescore, home_sectors, dissident_sectors, named_countries) for event in events]


def _at_home(
    event: Event,
    places: ArticlePlaces,
    rescore: Callable[[Event], Event],
    home_sectors: frozenset[str],
    dissident_sectors: frozenset[str],
    named_countries: frozenset[str],
) -> Event:
    if event.target is not None or event.source is None or event.source.code is None or not event.source.code.country:
        return event
    source = event.source.code
    # not a threat of force, which insurgents often make to foreign troops ("there would be consequences")
    dissident_threat = event.cameo_root == THREAT_ROOT and event.cameo != FORCE_THREAT and source.sector in dissident_sectors
    repression_threatened = event.cameo.startswith(ADMINISTRATIVE_THREAT)
    if event.cameo_root not in DOMESTIC_ROOTS and not dissident_threat and not repression_threatened:
        return event
    scene = places.named_scene(event)
    if scene is None:
        inward = (event.cameo_root in INWARD_ROOTS or repression_threatened) and source.sector in home_sectors
        # "Colombian jets bombed rebel camps" in a story filed from Bogota: the act is placed at home
        filed_at_home = places.dateline_entry is not None and places.dateline_entry.country == source.country
        if not dissident_threat and not inward and not filed_at_home:
            return event
        target = Actor(event.source.mention, ActorCode(source.country, source.country), Resolution.HOME_COUNTRY, 0.4)
        return rescore(retargeted(event, target, RuleId.AT_HOME))
    place, mention = scene
    abroad = place.country != source.country
    if not place.country or abroad and (event.cameo_root not in ABROAD_ROOTS or place.country not in named_countries):
        return event
    rule = RuleId.AT_SCENE if abroad else RuleId.AT_HOME
    target = Actor(mention, ActorCode(place.country, place.country), Resolution.SCENE_COUNTRY, 0.5)
    return rescore(retargeted(event, target, rule))

"""Where events happened: an embedded gazetteer, place names resolved in context, event location."""

from standoff.geo.gazetteer import Candidate, Entry, Gazetteer, load_gazetteer, normalise
from standoff.geo.locate import ArticlePlaces
from standoff.geo.mentions import PlaceMention, find_mentions
from standoff.geo.resolve import ActorCountry, Resolved, resolve

__all__ = [
    "ActorCountry",
    "ArticlePlaces",
    "Candidate",
    "Entry",
    "Gazetteer",
    "PlaceMention",
    "Resolved",
    "find_mentions",
    "load_gazetteer",
    "normalise",
    "resolve",
]

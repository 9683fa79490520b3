"""Word lists that tell how a place name is used: as a location, an actor, a topic or a target."""

from __future__ import annotations

# Nouns after a demonym or possessive that make it a place: the country's waters or its territory.
TERRITORY_NOUNS = {
    "waters": "offshore",
    "coast": "offshore",
    "coastline": "offshore",
    "shores": "offshore",
    "territory": None,
    "airspace": None,
    "soil": None,
}
LOCATIVE_PREPS = frozenset(
    ("in", "at", "on", "over", "off", "near", "into", "onto", "across", "along", "inside", "outside", "around",
     "within", "throughout", "above", "beyond", "past", "through", "to", "toward", "towards", "from", "nearby",
     "aboard")
)  # fmt: skip
# Prepositions that say where a noun is ("the embassy in Manila"), rather than its topic or target.
NOUN_PREPS = frozenset(
    ("in", "at", "near", "off", "inside", "outside", "across", "around", "within", "throughout", "along", "aboard")
)
# Prepositions of a goal or a source: on other verbs they mark recipients ("said to reporters").
SOURCE_GOAL_PREPS = frozenset(("to", "toward", "towards", "from"))
# Verbs of moving or moving something: their goal or source, and a path phrase on their object
# ("sent destroyers to the shoal", "fired a missile over Japan"), are where they act.
MOTION_VERBS = frozenset(
    ("send", "deploy", "dispatch", "move", "fly", "sail", "fire", "launch", "ship", "deliver", "transfer", "bring",
     "take", "return", "evacuate", "redeploy", "relocate", "airlift", "lob", "drive", "steer", "travel", "go",
     "come", "head", "march", "walk", "flee", "withdraw", "retreat", "escape", "arrive", "cross", "advance",
     "push", "sneak", "smuggle", "infiltrate", "stream", "pour", "drift", "steam", "cruise", "transit")
)  # fmt: skip
# Nouns whose "on"/"over" phrase is a topic or a target, not a location.
TOPIC_NOUNS = frozenset(
    ("dispute", "tension", "row", "talk", "sovereignty", "control", "claim", "concern", "conflict", "standoff",
     "negotiation", "deal", "agreement", "sanction", "pressure", "statement", "remark", "debate", "criticism",
     "anger", "rift", "feud", "spat", "crisis", "situation", "policy", "position", "stance", "warning", "threat",
     "report", "question", "issue", "summit", "meeting", "conference", "resolution", "vote", "ban", "embargo",
     "tariff", "restriction", "limit", "view", "comment", "decision", "plan", "proposal", "law", "bill")
)  # fmt: skip
# Prepositions that make a noun phrase the topic or target of a verb ("warned against ...").
TOPIC_PREPS = frozenset(("against", "about", "regarding", "concerning", "over", "for", "toward", "towards"))
# Nouns whose "of" phrase is the place they act on ("control of Kabul", "the invasion of Ukraine").
OF_PLACE_NOUNS = frozenset(
    ("control", "invasion", "occupation", "annexation", "siege", "bombing", "shelling", "capture", "liberation",
     "blockade", "evacuation", "recapture", "bombardment")
)  # fmt: skip
# Verbs whose direct object is the place they happen at ("crossed the Jordan", "visited Beijing").
PLACE_OBJECT_VERBS = frozenset(
    ("visit", "tour", "enter", "cross", "invade", "occupy", "annex", "reach", "leave", "patrol", "bomb", "shell",
     "blockade", "storm", "overfly", "depart", "evacuate", "raid", "besiege", "capture", "recapture", "seize",
     "retake", "liberate", "encircle", "surround", "bombard", "strike", "flee", "abandon")
)  # fmt: skip
# Nouns a locative phrase may pass through on its way to the place ("in the city of Aleppo",
# "off the coast of Somalia", "into the waters off Hokkaido", "Kabul airport"). Not "embassy"
# or "base": "the U.S. embassy" names an owner, not a location.
PLACE_NOUNS = frozenset(
    ("waters", "water", "coast", "coastline", "shore", "shores", "territory", "airspace", "soil", "region", "area",
     "province", "city", "capital", "town", "village", "port", "border", "outskirts", "island", "islands",
     "peninsula", "sea", "strait", "zone", "skies", "north", "south", "east", "west", "part", "parts", "vicinity",
     "airport", "plant", "camp", "facility", "prison", "harbour", "harbor", "refinery",
     "square", "crossing", "district", "prefecture", "state", "county", "suburb", "suburbs", "streets", "quarter")
)  # fmt: skip

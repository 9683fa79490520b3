"""The words the resolver's grammar rules rely on, besides the knowledge base.

They are closed classes of English (partitives, generic heads, leading titles), not actors:
the actors themselves are data in ``standoff/actors/data``.
"""

from __future__ import annotations

PERSONAL_PRONOUNS = {"he", "him", "his", "she", "her", "hers"}
# Entity labels the model finds that may be actors the base does not know.
ACTOR_ENTITY_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
# Dependents that belong to a noun phrase's description ("U.S. Secretary of State Rex Tillerson").
HEAD_DEPS_TO_SKIP = {"compound", "amod", "nmod", "poss", "det", "case", "flat"}

# Words that count members of what follows "of": the actor is what they count.
PARTITIVES = {
    "group", "groups", "member", "members", "team", "teams", "band", "bands", "unit", "units",
    "contingent", "squad", "crowd", "crowds", "number", "handful", "dozen", "dozens", "hundreds",
    "thousands", "millions", "scores", "tens", "some", "several", "many", "most", "all", "few",
    "one", "two", "three", "four", "five", "ten", "majority", "minority", "part", "rest",
}  # fmt: skip
# Heads that say little themselves and take their kind from their modifiers or owner.
GENERIC_HEADS = {
    "group", "groups", "organization", "organizations", "organisation", "organisations",
    "unit", "units", "body", "bodies", "force", "forces", "movement", "movements", "faction",
    "factions", "wing", "network", "cell", "cells", "outfit", "squad", "team", "office",
    "offices", "bureau", "staff", "headquarters", "camp", "aides", "aide", "side", "circle",
    "committee", "committees", "commission", "panel", "patrol", "patrols", "convoy", "convoys",
    "ship", "ships", "vessel", "vessels", "boat", "boats", "aircraft", "plane", "planes",
    "helicopter", "helicopters",
}  # fmt: skip
# Things that belong to an actor and stand for it in events: places it holds ("the Ukrainian
# city of Kherson", "targets inside Afghanistan") and what it says ("Ukrainian claims").
PLACE_HEADS = {
    "city", "cities", "town", "towns", "village", "villages", "region", "regions", "province",
    "provinces", "territory", "territories", "port", "ports", "border", "coast", "island",
    "islands", "area", "areas", "district", "districts", "target", "targets", "positions",
    "facility", "facilities", "installations", "infrastructure", "base", "bases", "outpost",
    "outposts", "soil", "airspace", "waters",
}  # fmt: skip
STATEMENT_HEADS = {
    "claim", "claims", "proposal", "proposals", "demand", "demands", "offer", "offers",
    "accusation", "accusations", "allegation", "allegations", "statement", "statements",
    "request", "requests", "warning", "warnings", "assertion", "assertions", "plan", "plans",
    "position", "stance", "remarks", "comments", "refusal", "decision", "ultimatum",
}  # fmt: skip
# Titles that lead, speak for or belong to their owner, and so take the owner's kind.
HEAD_TITLES = {
    "leader", "leaders", "head", "heads", "chief", "chiefs", "director", "directors", "chairman",
    "chairwoman", "chairperson", "chair", "president", "speaker", "spokesman", "spokeswoman",
    "spokesperson", "spokespeople", "official", "officials", "commander", "commanders",
    "secretary", "representative", "representatives", "boss", "deputy",
}  # fmt: skip
# Offices one person holds at a time: "the Russian leader" is the Russian leader named before.
UNIQUE_OFFICES = {
    "leader", "president", "prime minister", "premier", "chancellor", "king", "queen", "emir",
    "sultan", "monarch", "supreme leader", "head of state", "head of government", "foreign minister",
    "defense minister", "defence minister", "secretary of state", "defense secretary",
    "defence secretary", "foreign secretary", "secretary of defense", "secretary-general",
    "secretary general", "vice president", "interior minister", "finance minister", "pope",
}  # fmt: skip
LEADER_WORDS = frozenset({"leader", "president", "prime", "premier", "chancellor", "king", "queen", "emir", "sultan", "monarch", "chairman"})
FORMER = {"former", "ex", "ex-", "retired", "onetime", "one-time", "erstwhile"}
# Sectors whose holders become ELI when "former".
OFFICES = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI"}
CIVILIAN_MODIFIERS = {"ordinary", "average"}
# Abbreviated titles before names, and the words a title may contain besides its own.
ABBREVIATIONS = {
    "sen.": "senator", "gen.": "general", "gov.": "governor", "rep.": "representative",
    "pres.": "president", "sec.": "secretary", "lt.": "lieutenant", "col.": "colonel",
    "adm.": "admiral", "maj.": "major", "amb.": "ambassador", "dep.": "deputy",
}  # fmt: skip
TITLE_FILLERS = {"of", "the", "and", "for", "mr", "mrs", "ms", "dr"}
# Armed forces are often abroad: "troops in Syria" need not be Syrian, "police in Syria" are.
LOCATED_NOT_OWNED = {"MIL", "IGO"}
# Institutions named by sector words: antecedents for "it", never for "he" or "she".
INSTITUTIONS = {
    "government", "governments", "ministry", "ministries", "navy", "army", "military", "police",
    "parliament", "court", "administration", "cabinet", "council", "agency", "department",
    "embassy", "regime", "junta", "authorities", "media", "company", "firm", "bank", "university",
    "school", "hospital", "presidency", "legislature", "congress", "senate", "party", "union",
    "force", "forces", "guard", "fleet", "office", "service", "services",
}  # fmt: skip

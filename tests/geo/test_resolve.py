"""Ambiguous names resolved by the article's context, the wording and the name's role."""

from __future__ import annotations

import pytest

from standoff.geo import ActorCountry, ArticlePlaces
from standoff.model import Article
from standoff.nlp import parse


def resolved(article_places, text: str, name: str, actor_countries: tuple[str, ...] = ()):
    _, places = article_places(text, actor_countries)
    return next(r for r in places.resolved if r.mention.text == name)


def test_georgia_the_country_by_default_and_among_its_neighbours(article_places) -> None:
    assert resolved(article_places, "Russian troops rolled into Georgia.", "Georgia").entry.country == "GEO"
    text = "The U.S. condemned Russia's invasion of Georgia."
    assert resolved(article_places, text, "Georgia", ("USA", "RUS")).entry.feature == "country"


def test_georgia_the_state_when_the_article_is_in_it(article_places) -> None:
    text = "Volunteers knocked on doors across Georgia. The mayor of Atlanta called the runoff decisive."
    entry = resolved(article_places, text, "Georgia").entry
    assert (entry.country, entry.feature) == ("USA", "admin1")


def test_a_qualifier_picks_the_small_town(article_places) -> None:
    entry = resolved(article_places, "He was arrested in Paris, Texas, after a traffic stop.", "Paris").entry
    assert (entry.country, entry.admin1) == ("USA", "Texas")
    entry = resolved(article_places, "Ministers met in Paris on Monday.", "Paris").entry
    assert entry.country == "FRA"


def test_the_qualifier_itself_is_resolved_by_what_it_qualifies(article_places) -> None:
    entry = resolved(article_places, "The rally in Atlanta, Georgia, drew thousands.", "Georgia").entry
    assert (entry.country, entry.feature) == ("USA", "admin1")
    entry = resolved(article_places, "Police fired tear gas in Tbilisi, Georgia.", "Georgia").entry
    assert entry.country == "GEO"


def test_possessive_country_narrows_the_place(article_places) -> None:
    text = "Protests spread to Hyderabad, in Pakistan's Sindh province, and to Pakistan's Hyderabad too."
    assert resolved(article_places, text, "Hyderabad").entry.country == "PAK"


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("Pilgrims crossed the Jordan at dawn.", "river"),
        ("Jordan closed its border with Syria.", "country"),
        ("Israel and Jordan signed a water deal.", "country"),
        # a sentence about Syria points to the river's countries; the bare name is still the country
        ("Syrian families who fled the war in Syria now live in camps in Jordan.", "country"),
    ],
)
def test_jordan_the_country_or_the_river(article_places, text: str, feature: str) -> None:
    assert resolved(article_places, text, "Jordan").entry.feature == feature


def test_a_demonym_in_the_sentence_picks_the_country(article_places) -> None:
    entry = resolved(article_places, "Lebanese troops deployed in Tripoli after clashes.", "Tripoli").entry
    assert entry.country == "LBN"
    entry = resolved(article_places, "Libya's rival governments held talks in Tripoli.", "Tripoli").entry
    assert entry.country == "LBY"


def test_an_actor_read_from_the_name_is_no_evidence_for_it(gazetteer) -> None:
    text = "Fighters of rival clans in Tripoli exchanged fire as rockets struck the northern Lebanese port."
    doc = next(parse([text]))
    # the fighters' country was read from "in Tripoli" (wrongly, as the Libyan capital): it does not outvote the sentence
    fighters = ActorCountry("LBY", 0, len("Fighters"))
    port = ActorCountry("LBN", text.index("the northern"), len(text) - 1)
    tripoli = next(r for r in ArticlePlaces(gazetteer, doc, Article("t", text), [fighters, port]).resolved if r.mention.text == "Tripoli")
    assert tripoli.entry.country == "LBN"
    text = "Libyan officials said gunmen of rival clans in Tripoli fought through the night."
    doc = next(parse([text]))
    officials = text.index("Libyan officials")
    named_apart = ActorCountry("LBY", officials, officials + len("Libyan officials"))
    tripoli = next(r for r in ArticlePlaces(gazetteer, doc, Article("t", text), [named_apart]).resolved if r.mention.text == "Tripoli")
    assert tripoli.entry.country == "LBY"


def test_the_reason_says_what_decided(article_places) -> None:
    why = resolved(article_places, "He was arrested in Paris, Texas.", "Paris").why
    assert "qualified by 'Texas'" in why and "rather than Paris" in why


def test_a_later_common_noun_refers_back(article_places) -> None:
    _, places = article_places("Ships massed near Scarborough Shoal. Later, two destroyers sailed to the shoal.")
    anaphor = [r for r in places.resolved if r.mention.how == "anaphor"]
    assert [(r.mention.text, r.entry.name) for r in anaphor] == [("shoal", "Scarborough Shoal")]

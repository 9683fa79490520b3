"""An act whose words name no target is aimed at the side its actor deals with in the story."""

from __future__ import annotations

from datetime import date

from standoff.model import Article, Event, Resolution, RuleId
from standoff.pipeline import Coder

DAY = date(2024, 3, 1)


def events_of(coder: Coder, text: str) -> list[Event]:
    [result] = coder.code([Article(id="story", text=text, published=DAY)])
    return list(result.events)


def by_trigger(events: list[Event], trigger: str) -> Event:
    return next(e for e in events if e.trigger == trigger)


def country(event: Event, side: str) -> str | None:
    actor = getattr(event, side)
    return actor.code.country if actor is not None and actor.code is not None else None


def test_an_act_without_a_target_is_aimed_at_the_other_side_of_the_story(coder: Coder) -> None:
    events = events_of(
        coder,
        "WASHINGTON - The United States imposed new sanctions on Iran on Monday. Iran condemned the sanctions as economic terrorism. "
        "Tehran has threatened to close the Strait of Hormuz. The Treasury also froze the assets of three banks.",
    )
    threat, freeze = by_trigger(events, "threatened"), by_trigger(events, "froze")
    assert (country(threat, "source"), country(threat, "target")) == ("IRN", "USA")
    assert (country(freeze, "source"), country(freeze, "target")) == ("USA", "IRN")
    assert freeze.target is not None and freeze.target.method is Resolution.STORY_COUNTERPART
    assert RuleId.STORY_COUNTERPART in freeze.rule.rules
    # the target points at words of the article that name that side
    assert freeze.target.mention.text in ("Iran", "Tehran")
    named = by_trigger(events, "imposed")
    assert named.target is not None and named.target.method is not Resolution.STORY_COUNTERPART


def test_a_story_of_one_country_s_affairs_aims_its_acts_at_home(coder: Coder) -> None:
    events = events_of(coder, "Colombian troops attacked ELN rebels in the south on Tuesday. President Gustavo Petro suspended the peace talks on Wednesday.")
    suspended = by_trigger(events, "suspended")
    assert (country(suspended, "source"), country(suspended, "target")) == ("COL", "COL")


def test_a_meeting_with_no_one_named_is_no_event_and_an_actor_without_a_counterpart_keeps_no_target(coder: Coder) -> None:
    events = events_of(
        coder,
        "The United States imposed new sanctions on Iran on Monday. Iranian leaders met on Tuesday to discuss the crisis. Japan suspended its aid programme.",
    )
    assert not [e for e in events if e.trigger == "met"]  # not given the story's counterpart either
    suspended = by_trigger(events, "suspended")
    assert country(suspended, "source") == "JPN" and suspended.target is None

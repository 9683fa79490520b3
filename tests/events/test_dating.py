"""When events happened: a date phrase on the event's clause, else its tense and the story's time.

Each sentence is parsed by the real model; the word named is the event's trigger. Friday 1
September 2017 is the publication day throughout.
"""

from __future__ import annotations

from datetime import date

import pytest

from standoff.events.dating import StoryTime, event_date, statement_verb
from standoff.lexicon import load_lexicon
from standoff.model import Article, DateBasis, DatePrecision
from standoff.nlp import parse, sentence_spans
from standoff.pipeline import Coder
from standoff.text.dates import Timeline

FRIDAY = date(2017, 9, 1)
MONDAY = date(2017, 8, 28)
ARTICLE = (FRIDAY, DateBasis.ARTICLE, DatePrecision.DAY)
UNKNOWN = (None, DateBasis.UNKNOWN, None)


def dates_of(text: str, published: date | None = FRIDAY) -> dict[str, tuple]:
    """Each word's event date (the last of a word written twice), the text read as one article."""
    words = load_lexicon()
    doc = next(parse([text]))
    timeline = Timeline(published, words)
    story = StoryTime(text, published, words)
    found = {}
    sentences = list(sentence_spans(doc))
    dates = [timeline.sentence(sentence.text, sentence.start_char) for sentence in sentences]
    for index, sentence in enumerate(sentences):
        following = (sentences[index + 1], dates[index + 1]) if index + 1 < len(sentences) else None
        narrative = story.sentence(sentence, dates[index], following)
        for token in sentence:
            found[token.text] = event_date(token, sentence, dates[index], narrative, published, words, story.presupposed)
    return found


def text_date(day: date, precision: str) -> tuple:
    return day, DateBasis.TEXT, DatePrecision(precision)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Israeli forces besieged the city in 1982.", "besieged", text_date(date(1982, 1, 1), "year")),
        ("The insurgents have fought the army since 1984.", "fought", text_date(date(1984, 1, 1), "year")),
        ("Ties between the two were cut in the 1970s.", "cut", text_date(date(1970, 1, 1), "decade")),
        ("The rebels launched an offensive in May 2000.", "launched", text_date(date(2000, 5, 1), "month")),
        ("Earlier this week, the navy seized a tanker.", "seized", text_date(MONDAY, "week")),
        ("The envoy left two years ago.", "left", text_date(date(2015, 1, 1), "year")),
        ("Police arrested the mayor on Tuesday night.", "arrested", text_date(date(2017, 8, 29), "day")),
    ],
)
def test_a_date_phrase_on_the_clause_dates_the_event(text, trigger, expected):
    assert dates_of(text)[trigger] == expected


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # an event noun that is the subject of the verb happens when the verb's act does
        ("Israeli air strikes killed five people on Tuesday.", "strikes", text_date(date(2017, 8, 29), "day")),
        # conjoined verbs share one date phrase
        ("Turkey closed its airspace and cut the base's power on Saturday.", "closed", text_date(date(2017, 8, 26), "day")),
        # a participle clause tells when its head spoke
        ("The president, speaking at the palace on Wednesday, said the talks had failed.", "said", text_date(date(2017, 8, 30), "day")),
        # reported content without a date of its own: when it was reported
        ("Officials said on Monday that rebels had shelled the road.", "shelled", text_date(MONDAY, "day")),
        # a dated noun after a preposition of time dates the clause
        ("Two people were killed during Wednesday's protests.", "killed", text_date(date(2017, 8, 30), "day")),
        # a date inside the phrase of a preposition of period dates the act the phrase is on,
        # through a participle clause that has no subject of its own
        ("The party broke with the movement after investigations targeting ministers in December 2013.", "broke", text_date(date(2013, 12, 1), "month")),
        ("Troops shelled the villages during fighting between the clans in 2009.", "shelled", text_date(date(2009, 1, 1), "year")),
        # "hours after": the clause under the dated one shares its date
        ("Troops attacked the town on Monday hours after the president had announced a truce.", "announced", text_date(MONDAY, "day")),
        # ... and a measured "after" or "before" clause lies that far from it
        ("Jets bombed the airport on Thursday, a day after guerrillas captured two soldiers.", "captured", text_date(date(2017, 8, 30), "day")),
        ("Russia launched strikes on Tuesday, two days after Ukraine attacked its airbase.", "attacked", text_date(date(2017, 8, 27), "day")),
        # a date the parser hung on an -ing participle describing the object dates the act on it
        ("A drone struck a bus carrying civilians in the region on Saturday, killing nine people.", "struck", text_date(date(2017, 8, 26), "day")),
        ("Rebels fired on a convoy heading to the border on Wednesday.", "fired", text_date(date(2017, 8, 30), "day")),
        # a relative clause on the act's noun tells that act, and its date
        ("The town was hit by a missile strike that killed 35 people in July.", "hit", text_date(date(2017, 7, 1), "month")),
    ],
)
def test_a_date_reaches_the_acts_its_clause_governs(text, trigger, expected):
    assert dates_of(text)[trigger] == expected


def test_a_date_the_parser_hung_on_the_next_noun_is_still_the_preposition_s():
    text = "On Sept. 25 militiamen shot down a U.S. helicopter over Mogadishu."
    day = next(t for t in next(parse([text])) if t.text == "Sept.")
    assert day.dep_ == "nmod"  # the model's reading: "Sept. 25 militiamen"; if it changes, this test's premise is gone
    assert dates_of(text, date(2017, 10, 5))["shot"] == text_date(date(2017, 9, 25), "day")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Washington withdrew from the 2015 accord.", "withdrew"),  # the year is the accord's
        ("The minister who negotiated the accord in 2015 resigned.", "resigned"),  # and the relative clause's
        ("The army seized the port, which rebels had held since 2014.", "seized"),
        # a period phrase's relative clause, or a clause with its own subject, tells its own time
        ("Police detained him after the riots, which had begun in 2015.", "detained"),
        ("Police detained him after protesters blocked roads in 2015.", "detained"),
    ],
)
def test_a_date_of_another_word_does_not_date_the_event(text, trigger):
    assert dates_of(text)[trigger] == ARTICLE


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The army had seized the town.", "seized"),  # past perfect: before the story, when is not said
        ("Moscow has repeatedly accused Kyiv of sabotage.", "accused"),  # a perfect of many times
        ("The Kremlin has long denied any role.", "denied"),
        ("The judges heard a case brought by Gambia.", "brought"),  # a participle naming an earlier act
        ("Marcos had repeatedly said his government would not cooperate.", "cooperate"),  # a refusal as old as its saying
        ("Ankara has long said it would close the border.", "close"),
        ("The president has said he is open to talks with the rebels.", "is"),  # a stance as old as its saying, not said when
    ],
)
def test_background_without_a_date_has_no_date(text, trigger):
    assert dates_of(text)[trigger] == UNKNOWN


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Police have detained 300 people.", "detained"),  # a present perfect of the news
        ("The army shelled the town.", "shelled"),
        ("Iran says it rejects the claim.", "rejects"),
        ("The president says he is open to talks with the rebels.", "is"),
        ("Officials said the rebels had shelled the road.", "shelled"),  # reported: the speaker's past
        ("Marcos said his government would not cooperate.", "cooperate"),  # said in the news, refused in the news
    ],
)
def test_current_reporting_takes_the_article_date(text, trigger):
    assert dates_of(text)[trigger] == ARTICLE


def test_past_tense_acts_take_the_date_their_paragraph_is_set_at():
    text = (
        "On Tuesday night, tanks blocked the bridges. Soldiers opened fire on the crowds.\n\n"
        "The government blamed the army. Officials will meet on Monday. Police arrested dozens."
    )
    found = dates_of(text)
    assert found["opened"] == text_date(date(2017, 8, 29), "day")
    assert found["blamed"] == ARTICLE  # a new paragraph starts without the old one's date
    assert found["arrested"] == ARTICLE  # a plan is no story time


def test_a_gerund_after_a_preposition_is_set_when_its_clause_is():
    text = "The war began in 2011, when protesters took to the streets. Damascus responded by arresting thousands of activists."
    assert dates_of(text)["arresting"] == text_date(date(2011, 1, 1), "year")


def test_anaphoric_dates_follow_the_story():
    text = "Jets bombed the base on Aug. 29. Two days later, crowds stormed the embassy. The same month, envoys met."
    found = dates_of(text)
    assert found["stormed"] == text_date(date(2017, 8, 31), "day")
    assert found["met"] == text_date(date(2017, 8, 1), "month")


def test_an_act_told_before_as_done_is_background():
    text = (
        "Pakistan handed the captured pilot back to India on Friday. Officials freed a kidnapped aid worker.\n\n"
        "The pilot was captured by Pakistani troops. Gunmen kidnapped the aid worker. Police detained two men."
    )
    found = dates_of(text)
    assert found["captured"] == UNKNOWN  # "the captured pilot": the capture was over before the story
    assert found["kidnapped"] == UNKNOWN
    assert found["detained"] == ARTICLE  # nothing said it was done before
    own_date = dates_of("Officials freed a kidnapped aid worker. Gunmen kidnapped the aid worker in 2016.")
    assert own_date["kidnapped"] == text_date(date(2016, 1, 1), "year")


def test_an_act_a_relative_clause_dated_is_told_again_at_that_date():
    text = (
        "Relatives of the 12 miners who vanished near the border in March marched on Friday.\n\n"
        "The miners vanished after soldiers stopped their truck and then searched the men. Police arrested a guard."
    )
    found = dates_of(text)
    march = text_date(date(2017, 3, 1), "month")
    assert found["vanished"] == march  # told again: done in March, not on the publication day
    assert found["stopped"] == march  # what happened before it, in its "after" clause, then too
    assert found["searched"] == march
    assert found["arrested"] == ARTICLE  # an act the story had not told
    undated = dates_of("Relatives of the miners who vanished marched on Friday. The miners vanished after soldiers stopped their truck.")
    assert undated["stopped"] == text_date(FRIDAY, "day")  # a relative clause without a date of its own tells none


def test_an_act_noun_told_as_known_makes_its_later_telling_background():
    text = (
        "Amnesty said the army failed to stop the abduction of the students. Critics condemned his arrest.\n\n"
        "The students were abducted by gunmen at night. Police arrested the editor. Militants seized a ferry."
    )
    found = dates_of(text)
    assert found["abducted"] == UNKNOWN  # "the abduction": known before the story told it
    assert found["arrested"] == UNKNOWN  # "his arrest"
    assert found["seized"] == ARTICLE  # nothing told a seizure as known
    news = dates_of("Gunmen staged an abduction near the border. Gunmen abducted two engineers.")
    assert news["abducted"] == ARTICLE  # "an abduction" is news, not a known act


def test_a_date_counted_from_a_sentence_sets_that_sentence_s_story():
    text = (
        "Opposition leaders argued that his term ended on Aug. 7 and demanded that he resign. "
        "On the same day police arrested a judge.\n\n"
        "Protesters angry at the Aug. 20 vote marched to parliament. The army opened fire.\n\n"
        "Rebels said the town fell on Aug. 9, and its mayor resigned.\n\n"
        "On the same day troops withdrew."
    )
    found = dates_of(text)
    assert found["argued"] == text_date(date(2017, 8, 7), "day")
    assert found["demanded"] == text_date(date(2017, 8, 7), "day")
    assert found["marched"] == ARTICLE  # the next sentence opens with no date counted from this one
    assert found["resigned"] == ARTICLE  # a new paragraph's date tells nothing of the one before
    joined = dates_of("Rebels said the town fell on Aug. 9, and its mayor resigned. On the same day troops withdrew.")
    assert joined["resigned"] == text_date(date(2017, 8, 9), "day")


def test_without_a_publication_date_current_reporting_is_undated():
    assert dates_of("The army shelled the town.", published=None)["shelled"] == UNKNOWN
    assert dates_of("The army shelled the town in 2016.", published=None)["shelled"] == text_date(date(2016, 1, 1), "year")


def test_an_announced_act_is_dated_by_its_announcement():
    doc = next(parse(["Opposition leaders said on Monday they would hold protests on Saturday."]))
    hold = next(t for t in doc if t.text == "hold")
    assert statement_verb(hold).text == "said"
    assert statement_verb(next(t for t in doc if t.text == "said")) is None


def test_coded_events_carry_their_dates(coder: Coder):
    text = "Russia invaded Ukraine in 2014. Ukraine had accused Russia of aggression.\n\nOn Friday, Russia accused Ukraine of shelling."
    [result] = coder.code([Article("a", text, FRIDAY)])
    by_trigger = {e.trigger: (e.event_date, e.date_basis, e.date_precision) for e in result.events}
    assert by_trigger["invaded"] == text_date(date(2014, 1, 1), "year")
    assert by_trigger["accused"] == text_date(FRIDAY, "day")  # the later of the two accusations
    assert sorted(str(e.date_basis) for e in result.events if e.trigger == "accused") == ["text", "unknown"]


def test_a_present_perfect_deed_past_the_lead_tells_a_result_not_a_day(coder: Coder):
    text = (
        "Syrian troops have captured the town of Saraqeb. The army said rebels had fled. Rebels shelled a road.\n\n"
        "Rebel shelling of Aleppo has killed 40 civilians. Turkey has demanded an inquiry. "
        "Ukraine has taken Russia to the International Court of Justice over the war."
    )
    [result] = coder.code([Article("a", text, FRIDAY)])
    by_trigger = {e.trigger: (e.event_date, e.date_basis, e.date_precision) for e in result.events}
    assert by_trigger["captured"] == ARTICLE  # the lead's present perfect is the day's news
    assert by_trigger["killed"] == UNKNOWN  # a toll: a result, not a day
    assert by_trigger["demanded"] == ARTICLE  # a statement: a stance Turkey holds now
    assert by_trigger["taken"] == UNKNOWN  # a lawsuit brought: a legal deed, not a word


def test_a_threat_in_the_present_perfect_past_the_lead_stands_from_before(coder: Coder):
    text = (
        "Iran has threatened to close the Strait of Hormuz. The navy said it had tracked a tanker. Oil rose.\n\n"
        "Tehran has threatened to block the shipping lane. Iran has said it will retaliate against Israel."
    )
    [result] = coder.code([Article("a", text, FRIDAY)])
    dated = [(e.trigger, e.sentence_index, (e.event_date, e.date_basis, e.date_precision)) for e in result.events]
    assert ("threatened", 0, ARTICLE) in dated  # the lead's threat is the day's news
    assert ("threatened", 3, UNKNOWN) in dated  # told past the lead: a threat made some time before
    assert [d for t, i, d in dated if i == 4] == [ARTICLE]  # said as a statement: the day's stance


def test_a_present_perfect_in_a_paragraph_set_earlier_is_background():
    text = (
        "Moscow has expelled two diplomats.\n\n"
        "The envoy was poisoned in Salisbury in March. Britain has accused the GRU of the attack.\n\n"
        "Police arrested a suspect on Tuesday. Prosecutors have charged him."
    )
    found = dates_of(text)
    assert found["expelled"] == ARTICLE  # the day's news
    assert found["accused"] == UNKNOWN  # said since an episode of March: the text gives no day
    assert found["charged"] == ARTICLE  # a story set this week is the current news

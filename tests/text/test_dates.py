from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standoff.text.dates import Timeline, find_dates

FRIDAY = date(2017, 9, 1)  # anchor used throughout: Friday 1 September 2017
MONDAY = date(2017, 8, 28)  # the first day of its week


def _one(text, anchor=FRIDAY):
    mentions = find_dates(text, anchor)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    assert text[m.start : m.end] == m.text
    return m.text, m.date, m.precision


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Putin warned on Friday that talks were needed.", ("Friday", FRIDAY, "day")),
        ("On Tuesday night, Kim boasted of the launch.", ("Tuesday night", date(2017, 8, 29), "day")),
        ("Kim spoke on Tuesday.", ("Tuesday", date(2017, 8, 29), "day")),
        ("The ministers met Saturday.", ("Saturday", date(2017, 8, 26), "day")),
        ("They met last Friday.", ("last Friday", date(2017, 8, 25), "day")),
        ("They will meet next Friday.", ("next Friday", date(2017, 9, 8), "day")),
        ("They will meet next Monday.", ("next Monday", date(2017, 9, 4), "day")),
        ("The envoy left on Tuesday last week.", ("Tuesday last week", date(2017, 8, 22), "day")),  # that week's Tuesday
        ("Talks resume on Friday next week.", ("Friday next week", date(2017, 9, 8), "day")),
    ],
)
def test_weekdays(sentence, expected):
    assert _one(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister said today that", ("today", FRIDAY, "day")),
        ("He will speak tonight.", ("tonight", FRIDAY, "day")),
        ("Shots were fired this morning.", ("this morning", FRIDAY, "day")),
        ("The envoy left yesterday.", ("yesterday", date(2017, 8, 31), "day")),
        ("Sirens sounded last night.", ("last night", date(2017, 8, 31), "day")),
        ("Warplanes struck targets across the country overnight.", ("overnight", date(2017, 8, 31), "day")),
        ("Talks resume tomorrow.", ("tomorrow", date(2017, 9, 2), "day")),
    ],
)
def test_days(sentence, expected):
    assert _one(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Earlier this week, North Korea launched a missile.", ("Earlier this week", MONDAY, "week")),
        ("A warning issued this week by Lavrov.", ("this week", MONDAY, "week")),
        ("The navy drilled last week.", ("last week", date(2017, 8, 21), "week")),
        ("The summit is due next week.", ("next week", date(2017, 9, 4), "week")),
        ("Protests spread over the weekend.", ("over the weekend", date(2017, 8, 21), "week")),
        ("Sanctions were imposed last month.", ("last month", date(2017, 8, 1), "month")),
        ("A strike killed 35 people on Palm Sunday last month.", ("Sunday last month", date(2017, 8, 1), "month")),  # which Sunday is not said
        ("Sanctions were imposed earlier this month.", ("earlier this month", date(2017, 9, 1), "month")),
        ("Elections are due next month.", ("next month", date(2017, 10, 1), "month")),
        ("The treaty was signed last year.", ("last year", date(2016, 1, 1), "year")),
        ("Talks began earlier this year.", ("earlier this year", date(2017, 1, 1), "year")),
    ],
)
def test_weeks_months_years(sentence, expected):
    assert _one(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mattis said several days ago that", ("several days ago", MONDAY, "week")),
        ("Officials said a few days ago that", ("a few days ago", MONDAY, "week")),
        ("The ship sank two days ago.", ("two days ago", date(2017, 8, 30), "day")),
        ("The ship sank 10 days ago.", ("10 days ago", date(2017, 8, 22), "day")),
        ("The ship sank a couple of days ago.", ("a couple of days ago", date(2017, 8, 30), "day")),
        ("The envoy left a week ago.", ("a week ago", date(2017, 8, 21), "week")),
        ("The envoy left three months ago.", ("three months ago", date(2017, 6, 1), "month")),
        ("The war ended two years ago.", ("two years ago", date(2015, 1, 1), "year")),
    ],
)
def test_ago(sentence, expected):
    assert _one(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The launch on September 3 alarmed Tokyo.", ("September 3", date(2017, 9, 3), "day")),
        ("The launch on Sept. 3, 2017 alarmed Tokyo.", ("Sept. 3, 2017", date(2017, 9, 3), "day")),
        ("The launch on 3 September 2017 alarmed Tokyo.", ("3 September 2017", date(2017, 9, 3), "day")),
        ("The launch on 2017-09-03 alarmed Tokyo.", ("2017-09-03", date(2017, 9, 3), "day")),
        ("The launch on Aug 29th alarmed Tokyo.", ("Aug 29th", date(2017, 8, 29), "day")),
        ("The talks of December 25 failed.", ("December 25", date(2016, 12, 25), "day")),
        ("The talks on September 8 are planned.", ("September 8", date(2017, 9, 8), "day")),
        ("The talks of September 9 failed.", ("September 9", date(2016, 9, 9), "day")),
        ("The treaty of May 2016 holds.", ("May 2016", date(2016, 5, 1), "month")),
    ],
)
def test_explicit_dates(sentence, expected):
    assert _one(sentence) == expected


def test_month_arithmetic_stays_in_the_month_meant():
    assert _one("It happened last month.", date(2017, 3, 31))[1] == date(2017, 2, 1)  # not March 3
    assert _one("It happened last year.", date(2016, 2, 29))[1] == date(2015, 1, 1)
    assert _one("It happened last month.", date(2017, 1, 15))[1] == date(2016, 12, 1)


@pytest.mark.parametrize("sentence", ["Troops march 5 km a day.", "They may 10 times refuse.", "On Feb 30 nothing."])
def test_non_dates_are_ignored(sentence):
    assert find_dates(sentence, FRIDAY) == []


def test_without_anchor_relative_dates_keep_span_but_no_date():
    mentions = find_dates("On Tuesday, a week after September 3 and before 2017-09-10, it rained.", None)
    assert [(m.text, m.date) for m in mentions] == [
        ("Tuesday", None),
        ("September 3", None),
        ("2017-09-10", date(2017, 9, 10)),
    ]
    assert [(m.text, m.date) for m in find_dates("last week and 3 May 2016", None)] == [
        ("last week", None),
        ("3 May 2016", date(2016, 5, 3)),
    ]


def test_several_mentions_in_order_with_offsets():
    text = "On Tuesday night Kim spoke; last week Putin wrote; on Sept. 3 talks begin."
    mentions = find_dates(text, FRIDAY)
    assert [m.text for m in mentions] == ["Tuesday night", "last week", "Sept. 3"]
    assert all(text[m.start : m.end] == m.text for m in mentions)


@given(st.text(alphabet=st.sampled_from(list("Tuesday last week 3 Sept. 2017-09-0 ago, several")), max_size=60),
       st.one_of(st.none(), st.dates()))  # fmt: skip
def test_mentions_are_ordered_and_disjoint(text, anchor):
    mentions = find_dates(text, anchor)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_dates_near_calendar_edges_do_not_crash():
    for anchor in (date.min + timedelta(days=40), date.max - timedelta(days=40)):
        find_dates("today, last week, next week, last month, last year, next year, Tuesday", anchor)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The rebels took the town in 1997.", ("1997", date(1997, 1, 1), "year")),
        ("They have fought the army since 2011.", ("2011", date(2011, 1, 1), "year")),
        ("Ties were cut in the 1980s.", ("1980s", date(1980, 1, 1), "decade")),
        ("Sanctions tightened over the past decade.", ("the past decade", date(2000, 1, 1), "decade")),
        ("Fighting flared over the past two years.", ("the past two years", date(2015, 1, 1), "year")),
        ("The offensive began in July.", ("in July", date(2017, 7, 1), "month")),
        ("The strike came in November.", ("in November", date(2016, 11, 1), "month")),  # not yet come this year
        ("Talks collapsed in early March.", ("early March", date(2017, 3, 1), "month")),
        ("A vote was held last May.", ("last May", date(2017, 5, 1), "month")),
        ("Emergency rule began in May last year.", ("in May last year", date(2016, 5, 1), "month")),
        ("His term ended on Feb. 7 this year.", ("Feb. 7 this year", date(2017, 2, 7), "day")),
        ("The treaty of July 2015 holds.", ("July 2015", date(2015, 7, 1), "month")),
    ],
)
def test_years_decades_and_months(sentence, expected):
    assert _one(sentence) == expected


def test_a_year_before_a_noun_is_a_date_of_that_noun():
    assert _one("Washington left the 2015 accord.")[1:] == (date(2015, 1, 1), "year")
    assert _one("Moscow defended its 2014 annexation.")[1:] == (date(2014, 1, 1), "year")


@pytest.mark.parametrize(
    "sentence",
    ["They sent 2000 troops.", "It cost 1,984 dollars.", "Turnout rose to 2017.5 points.", "Some 1900 people fled.", "The may 2 clause."],
)
def test_counts_are_not_years(sentence):
    assert find_dates(sentence, FRIDAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jets bombed the base on Aug. 29. Two days later, crowds stormed the embassy.", ("Two days later", date(2017, 8, 31), "day")),
        ("Jets bombed the base on Aug. 29. The same evening, crowds gathered.", ("The same evening", date(2017, 8, 29), "day")),
        ("Jets bombed the base on Aug. 29. Within hours, crowds gathered outside the embassy.", ("Within hours", date(2017, 8, 29), "day")),
        ("Jets bombed the base on Aug. 29. The next day, crowds gathered.", ("The next day", date(2017, 8, 30), "day")),
        ("Jets bombed the base in 1998. A week later, the envoy left.", ("A week later", date(1998, 1, 1), "year")),  # no finer than its reference
        ("The war began in March 2003. Baghdad fell the following month.", ("the following month", date(2003, 4, 1), "month")),
        ("The talks failed in 2012. Troops moved in June that year.", ("in June that year", date(2012, 6, 1), "month")),
        ("The talks failed in 2012. Troops moved in June of that year.", ("in June of that year", date(2012, 6, 1), "month")),
        ("The talks failed in 2012. Relations were cut later that year.", ("later that year", date(2012, 1, 1), "year")),
    ],
)
def test_anaphoric_dates_take_the_latest_date_before_them(text, expected):
    *_, last = find_dates(text, FRIDAY)
    assert (last.text, last.date, last.precision) == expected


def test_anaphoric_dates_without_a_reference_have_no_date():
    assert [(m.text, m.date) for m in find_dates("Two days later, crowds stormed the embassy.", FRIDAY)] == [("Two days later", None)]


def test_a_timeline_carries_the_reference_from_sentence_to_sentence():
    timeline = Timeline(FRIDAY)
    first = "Jets bombed the base on Aug. 29."
    assert [m.date for m in timeline.sentence(first)] == [date(2017, 8, 29)]
    second = timeline.sentence("Two days later, crowds stormed the embassy.", offset=len(first) + 1)
    assert [(m.start, m.date) for m in second] == [(len(first) + 1, date(2017, 8, 31))]
    assert [m.date for m in timeline.sentence("Nothing happened.")] == []
    assert [m.date for m in timeline.sentence("The same day, talks began.")] == [date(2017, 8, 31)]

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standoff.text.dates import find_dates

FRIDAY = date(2017, 9, 1)  # anchor used throughout: Friday 1 September 2017


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
        ("Talks resume tomorrow.", ("tomorrow", date(2017, 9, 2), "day")),
    ],
)
def test_days(sentence, expected):
    assert _one(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Earlier this week, North Korea launched a missile.", ("Earlier this week", FRIDAY, "week")),
        ("A warning issued this week by Lavrov.", ("this week", FRIDAY, "week")),
        ("The navy drilled last week.", ("last week", date(2017, 8, 25), "week")),
        ("The summit is due next week.", ("next week", date(2017, 9, 8), "week")),
        ("Protests spread over the weekend.", ("over the weekend", date(2017, 8, 26), "week")),
        ("Sanctions were imposed last month.", ("last month", date(2017, 8, 1), "month")),
        ("Sanctions were imposed earlier this month.", ("earlier this month", FRIDAY, "month")),
        ("Elections are due next month.", ("next month", date(2017, 10, 1), "month")),
        ("The treaty was signed last year.", ("last year", date(2016, 9, 1), "year")),
        ("Talks began earlier this year.", ("earlier this year", FRIDAY, "year")),
    ],
)
def test_weeks_months_years(sentence, expected):
    assert _one(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mattis said several days ago that", ("several days ago", date(2017, 8, 29), "week")),
        ("Officials said a few days ago that", ("a few days ago", date(2017, 8, 29), "week")),
        ("The ship sank two days ago.", ("two days ago", date(2017, 8, 30), "day")),
        ("The ship sank 10 days ago.", ("10 days ago", date(2017, 8, 22), "day")),
        ("The ship sank a couple of days ago.", ("a couple of days ago", date(2017, 8, 30), "day")),
        ("The envoy left a week ago.", ("a week ago", date(2017, 8, 25), "week")),
        ("The envoy left three months ago.", ("three months ago", date(2017, 6, 1), "month")),
        ("The war ended two years ago.", ("two years ago", date(2015, 9, 1), "year")),
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


def test_month_arithmetic_clamps_to_month_end():
    assert _one("It happened last month.", date(2017, 3, 31))[1] == date(2017, 2, 28)
    assert _one("It happened last year.", date(2016, 2, 29))[1] == date(2015, 2, 28)
    assert _one("It happened last month.", date(2017, 1, 15))[1] == date(2016, 12, 15)


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

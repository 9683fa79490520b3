import time
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standoff.text.html import extract_article, page_date

BODY = "<p>Ships left the port.</p><p>Talks resumed.</p>"


def _page(head="", body=BODY):
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def test_body_paragraphs_are_separated_by_blank_lines_and_whitespace_is_collapsed():
    page = extract_article(_page(body="<div><p>Ships   left\n the&nbsp;port &amp; bay.</p>Loose text<br>after a break</div>"))
    assert page.text == "Ships left the port & bay.\n\nLoose text\n\nafter a break"


@pytest.mark.parametrize(
    "furniture",
    [
        "<nav>Home World Sport</nav>",
        "<header>Site header</header>",
        "<footer>Copyright</footer>",
        "<aside>Most read</aside>",
        "<form>Sign up <input name=e></form>",
        "<script>var x = 'Boilerplate';</script>",
        "<style>.a { color: red }</style>",
        "<noscript>Enable JavaScript</noscript>",
        "<div class='ad-slot'>Buy now</div>",
        "<div id='taboola-below'>Sponsored stories</div>",
        "<div class='share_buttons social'>Share this</div>",
        "<div role='navigation'>Menu</div>",
        "<div hidden>Hidden text</div>",
        "<div aria-hidden='true'>Hidden text</div>",
        "<div style='display: none'>Hidden text</div>",
        "<figure><img src=x><figcaption>A photo</figcaption></figure>",
    ],
)
def test_page_furniture_is_dropped(furniture):
    page = extract_article(_page(body=furniture + BODY + furniture))
    assert page.text == "Ships left the port.\n\nTalks resumed."


def test_inline_ad_inside_a_paragraph_is_dropped_without_splitting_it():
    page = extract_article(_page(body="<p>Ships left <span class='advert'>BUY</span>the port.</p>"))
    assert page.text == "Ships left the port."


def test_class_words_on_the_page_body_do_not_drop_the_page():
    page = extract_article(f"<html><body class='has-sidebar nav-open'><main class='ad-free'>{BODY}</main></body></html>")
    assert page.text == "Ships left the port.\n\nTalks resumed."


def test_page_that_is_all_furniture_keeps_its_text():
    # Some sites wrap the whole page in a <form>; dropping it would leave nothing.
    page = extract_article(_page(body=f"<form id='aspnetForm'>{BODY}<script>x()</script></form>"))
    assert page.text == "Ships left the port.\n\nTalks resumed."


def test_the_largest_article_wins_and_article_body_beats_article():
    teaser = "<article><p>Short teaser.</p></article>"
    story = "<article><p>The real story is here.</p><p>It is long.</p></article>"
    assert extract_article(_page(body=teaser + story + teaser)).text == "The real story is here.\n\nIt is long."
    marked = "<article><p>Kicker.</p><div itemprop='articleBody'><p>Body only.</p></div></article>"
    assert extract_article(_page(body=marked)).text == "Body only."


def test_main_is_used_when_there_is_no_article():
    page = extract_article(_page(body="<div><p>Outside.</p></div><main><p>Inside.</p></main>"))
    assert page.text == "Inside."


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ('<meta property="article:published_time" content="2017-09-01T23:30:00-05:00">', "", date(2017, 9, 1)),
        ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2017-09-02"}]}</script>', "", date(2017, 9, 2)),
        ("", '<article><time itemprop="datePublished" datetime="2017-09-03">Sep 3</time></article>', date(2017, 9, 3)),
        ("", '<article><p><time datetime="2017-09-04T10:00">x</time></p></article>', date(2017, 9, 4)),
        ('<meta name="date" content="Tue, 05 Sep 2017 08:00:00 GMT">', "", date(2017, 9, 5)),
        ('<meta name="pubdate" content="20170906">', "", date(2017, 9, 6)),
        ("", "<header><time datetime='2024-01-01'>today</time></header><p>x</p>", date(2024, 1, 1)),
        ('<meta name="date" content="yesterday">', "", None),
    ],
)
def test_publication_date_sources(head, body, expected):
    assert extract_article(_page(head, body + BODY)).published == expected


def test_meta_date_beats_json_ld_and_time_elements():
    head = (
        '<meta property="article:published_time" content="2017-09-01">'
        '<script type="application/ld+json">{"datePublished": "2017-09-02"}</script>'
    )
    body = '<article><time datetime="2017-09-03">x</time>' + BODY + "</article>"
    assert extract_article(_page(head, body)).published == date(2017, 9, 1)


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ('<title>Doc title | Site</title><meta property="og:title" content="OG title">', "<h1>H1</h1>", "OG title"),
        ('<title>Doc title</title><script type="application/ld+json">{"headline": "LD"}</script>', "<h1>H1</h1>", "LD"),
        ("<title>Doc title</title>", "<h1>The  headline</h1>", "The headline"),
        ("<title>Doc title</title>", "<svg><title>icon</title></svg>", "Doc title"),
        ("", "", None),
    ],
)
def test_title_sources(head, body, expected):
    assert extract_article(_page(head, body + BODY)).title == expected


def test_headline_is_the_title_not_the_first_paragraph():
    page = extract_article(_page(body="<article><h1>Talks resume</h1>" + BODY + "</article>"))
    assert (page.title, page.text) == ("Talks resume", "Ships left the port.\n\nTalks resumed.")


def test_url_and_site():
    head = (
        '<meta property="og:url" content="https://example.org/og">'
        '<link rel="canonical" href="https://example.org/canonical">'
        '<meta property="og:site_name" content="Example News">'
    )
    page = extract_article(_page(head))
    assert (page.url, page.site) == ("https://example.org/canonical", "Example News")


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Ships left the port.<p>Talks resumed.",  # unclosed paragraphs
        "</div></span><p>Ships left the port.</p></b><p>Talks resumed.</p></td>",  # stray end tags
        "<![ x <p>Ships left the port.</p><p>Talks resumed.</p>",  # a declaration HTMLParser chokes on
        "<![foo]><p>Ships left the port.</p><p>Talks resumed.</p>",
    ],
)
def test_malformed_markup(markup):
    assert extract_article(markup).text == "Ships left the port.\n\nTalks resumed."


def test_script_content_never_leaks():
    markup = (
        "<p>Before.</p><script>document.write('</div><p>LEAK</p>');</script>"
        "<script type='application/ld+json'>{\"headline\": \"Title\"}</script><p>After.</p><script>LEAK2"
    )
    page = extract_article(markup)
    assert page.text == "Before.\n\nAfter." and "LEAK" not in page.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-09-01", date(2017, 9, 1)),
        (" 2017-09-01T23:30:00-05:00", date(2017, 9, 1)),
        ("20170901", date(2017, 9, 1)),
        ("Fri, 01 Sep 2017 23:30:00 +0000", date(2017, 9, 1)),
        ("2017-13-01", None),
        ("September", None),
        ("", None),
        (None, None),
    ],
)
def test_page_date(value, expected):
    assert page_date(value) == expected


_TAGS = st.sampled_from(
    ["p", "div", "article", "main", "nav", "aside", "span", "h1", "br", "li", "title", "time", "form", "svg", "meta"]
)
_MARKUP = st.lists(
    st.one_of(
        st.text(max_size=20),
        _TAGS.map(lambda t: f"<{t}>"),
        _TAGS.map(lambda t: f"</{t}>"),
        st.sampled_from(["<!--", "-->", "<![", "<!x", "]]>", "&amp", "&#", "<", ">", "'", '"', "<a href='", "<!doctype"]),
    ),
    max_size=30,
).map("".join)


# Markup that leaves the parser outside any tag, comment or declaration, so a following
# <script> really opens a script.
_CLOSED_MARKUP = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_characters="<&"), max_size=20),
        _TAGS.map(lambda t: f"<{t}>"),
        _TAGS.map(lambda t: f"</{t}>"),
        st.sampled_from(["<!-- c -->", "&amp;", "<a href='x'>", "<br/>", "<div class='ad'>"]),
    ),
    max_size=20,
).map("".join)


@given(_CLOSED_MARKUP, st.text(max_size=40), _MARKUP)
def test_script_and_style_content_never_leaks(before, inside, after):
    for element in ("script", "style"):
        body = inside.replace("</", "< /")  # the element's own end tag would end it early, as in browsers
        page = extract_article(f"{before}<{element}>SECRETxyz{body}</{element}>{after}")
        assert "SECRETxyz" not in page.text and "SECRETxyz" not in (page.title or "")


@given(st.one_of(st.text(max_size=500), _MARKUP))
def test_random_text_never_raises(text):
    page = extract_article(text)
    assert isinstance(page.text, str)


# Openings whose end never comes: the standard library's parser searched to the end of the
# page for each one, so a page of them took hours. The bound guards against that coming back.
@pytest.mark.parametrize(
    ("unit", "text"),
    [
        ("<a ", "<a"),  # no ">" anywhere after it
        ('<a href="', '<a href="'),
        ("<!--", "<!--"),  # a comment that is never closed
        ("<![CDATA[", "<![CDATA["),  # a marked section that is never closed
        ("</", "</"),
    ],
)
def test_unclosed_openings_read_as_text(unit, text):
    started = time.perf_counter()
    page = extract_article("<html><body><p>Ships left.</p>" + unit * 100_000)
    assert page.text.startswith("Ships left.\n\n" + text) and page.text.count(text) == 100_000
    assert time.perf_counter() - started < 30


def test_deeply_nested_containers():
    page = extract_article("<html><body>" + "<article><p>Talks resumed.</p>" * 20_000)
    assert page.text == "\n\n".join(["Talks resumed."] * 20_000)

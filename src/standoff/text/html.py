"""Pull the article out of a news web page: body text, title, publication date, URL, site.

One pass of the standard library's HTMLParser. Scripts, styles and other non-content
elements are dropped outright; navigation, headers, footers, asides, forms and elements
whose class or id marks them as ads or page furniture are dropped too, unless nothing
else is left. The body comes from the largest ``articleBody``, ``<article>`` or ``<main>``
container, else from the whole page. Nothing in the page is executed or fetched.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Page:
    text: str  # the article body, one paragraph per block, blank lines between; not yet cleaned
    title: str | None = None
    published: date | None = None
    url: str | None = None
    site: str | None = None


def extract_article(html: str) -> Page:
    """Extract the article in ``html``; never raises on malformed markup."""
    parser = _PageParser()
    try:
        parser.feed(_defuse(html))
        parser.close()
    except AssertionError as exc:  # the stdlib parser asserts on some broken declarations
        log.debug("stopped parsing at malformed markup: %s", exc)
    return parser.page()


# Dropped with everything inside, even when that leaves nothing: never article text.
_HARD_SKIP = frozenset(
    "head script style noscript template svg math iframe object embed canvas button select textarea "
    "option datalist dialog audio video picture map".split()
)
# Page furniture: dropped unless the page has no text outside them.
_SOFT_SKIP = frozenset("nav header footer aside form menu figure".split())
_SOFT_ROLES = frozenset("navigation banner contentinfo complementary search menu menubar toolbar dialog alert".split())
# Class or id words of ads, share bars, teasers and other furniture ("ad-slot", "social_share").
_SOFT_WORDS = frozenset(
    "ad ads adv advert adverts advertisement advertising sponsor sponsored promo promoted banner social share "
    "sharing newsletter related recommended recirculation comments comment cookie cookies consent subscribe "
    "subscription paywall popup modal sidebar breadcrumb breadcrumbs menu nav navbar navigation footer masthead "
    "outbrain taboola byline caption credit toolbar widget".split()
)
_NEVER_SOFT = frozenset("html body article main".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen".split())
_BLOCK = frozenset(
    "address article aside blockquote body br dd details div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
# Body containers, from the most specific; the largest of the best kind present wins.
_CONTAINER_RANK = {"articlebody": 0, "article": 1, "main": 2}

_SPACE = re.compile(r"\s+")
_WORD_SPLIT = re.compile(r"[\s_-]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Marked sections other than these make HTMLParser raise; browsers read them as bogus comments.
_BAD_MARKED_SECTION = re.compile(
    r"<!\[(?!(?:temp|cdata|ignore|include|rcdata|if|else|endif)(?![-_.a-zA-Z0-9]))", re.IGNORECASE
)
# Openings whose end the parser searches for, how far past the opening the search starts, and the
# end: a comment ("<!--" ... "-->") and marked sections ("<![CDATA[" ... "]]>", "<![if ...]>").
_CLOSED_OPENINGS = (
    (re.compile(r"<!--"), 4, re.compile(r"--\s*>")),
    (re.compile(r"<!\[(?=(?:temp|cdata|ignore|include|rcdata)(?![-_.a-zA-Z0-9]))", re.IGNORECASE), 3, re.compile(r"]\s*]\s*>")),
    (re.compile(r"<!\[(?=(?:if|else|endif)(?![-_.a-zA-Z0-9]))", re.IGNORECASE), 3, re.compile(r"]\s*>")),
)

# (meta name or property, priority): lower wins.
_META_DATES = {
    "article:published_time": 0, "og:published_time": 0, "datepublished": 2, "date": 3, "pubdate": 3,
    "publishdate": 3, "publish-date": 3, "publish_date": 3, "dc.date.issued": 3, "dc.date": 4,
    "dcterms.created": 4, "sailthru.date": 4, "parsely-pub-date": 4, "article.published": 4,
}  # fmt: skip
_META_TITLES = {"og:title": 0, "twitter:title": 2, "title": 3, "headline": 2}
_LD_DATE, _TIME_PUBDATE, _TIME_IN_BODY, _TIME_ANY = 1, 2, 5, 6
_LD_TITLE, _H1_TITLE, _DOC_TITLE = 1, 4, 5


@dataclass(slots=True)
class _Element:
    tag: str
    hard: bool
    soft: bool
    container: int | None  # index into _PageParser.containers when this element is one
    ld_json: bool = False


@dataclass(slots=True)
class _Block:
    kept: str  # text outside soft-skipped elements
    whole: str  # all text, for pages whose content sits entirely in furniture


@dataclass(slots=True)
class _Container:
    """A body container and the blocks read inside it, ``blocks[first:end]``: containers nest,
    so each holds one run of blocks, and no block needs a list of its containers."""

    kind: str
    first: int = 0  # set when it opens
    end: int | None = None  # None while it is open


@dataclass(slots=True)
class _Candidates:
    """The best value seen so far for one field, by priority (lower wins, first seen breaks ties)."""

    value: str | None = None
    priority: int = 99

    def offer(self, value: str | None, priority: int) -> None:
        if value and value.strip() and priority < self.priority:
            self.value, self.priority = value.strip(), priority


@dataclass(slots=True)
class _State:
    hard: int = 0
    soft: int = 0
    open_containers: list[int] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Element] = []
        self.open_tags: Counter[str] = Counter()
        self.state = _State()
        self.containers: list[_Container] = []
        self.blocks: list[_Block] = []
        self.fragments: list[tuple[str, bool]] = []  # (text, inside soft furniture)
        self.captured: list[str] | None = None  # text of a <title>, <h1> or JSON-LD script being read
        self.capturing: str | None = None
        self.capture_hard = 0  # hidden elements open when the capture began
        self.title = _Candidates()
        self.published = _Candidates()
        self.url = _Candidates()
        self.site = _Candidates()

    # -- parser callbacks ---------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}
        self._metadata(tag, values)
        if tag in _BLOCK:
            self._flush()
        if tag in _VOID:
            return
        element = self._element(tag, values)
        if element.container is not None:
            self._flush()
            self.containers[element.container].first = len(self.blocks)
            self.state.open_containers.append(element.container)
        self.state.hard += element.hard
        self.state.soft += element.soft
        self.stack.append(element)
        self.open_tags[tag] += 1
        if self.capturing is None and (element.ld_json or _titled(tag, self.state.hard, self.open_tags["svg"])):
            self.capturing, self.captured, self.capture_hard = tag, [], self.state.hard

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags[tag]:
            return  # a stray end tag closes nothing
        while self.stack:
            element = self.stack.pop()
            self._close(element)
            if element.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        # Only the capturing element's own text: a script inside an <h1> is no part of the headline.
        if self.captured is not None and self.state.hard == self.capture_hard:
            self.captured.append(data)
        if not self.state.hard:
            self.fragments.append((data, self.state.soft > 0))

    # -- elements -------------------------------------------------------------------------
    def _element(self, tag: str, values: dict[str, str]) -> _Element:
        hard = tag in _HARD_SKIP or "hidden" in values or values.get("aria-hidden", "").lower() == "true"
        hard = hard or bool(_HIDDEN_STYLE.search(values.get("style", "")))
        kind = _container_kind(tag, values)
        soft = kind is None and tag not in _NEVER_SOFT and _is_furniture(tag, values)
        container = None
        if kind is not None and not hard:
            container = len(self.containers)
            self.containers.append(_Container(kind))
        ld_json = tag == "script" and "ld+json" in values.get("type", "").lower()
        return _Element(tag, hard, soft, container, ld_json)

    def _close(self, element: _Element) -> None:
        self.open_tags[element.tag] -= 1
        if element.tag in _BLOCK or element.container is not None:
            self._flush()
        if element.container is not None:
            self.containers[element.container].end = len(self.blocks)
            self.state.open_containers.pop()  # elements close in reverse order: it is the last one
        self.state.hard -= element.hard
        self.state.soft -= element.soft
        if self.capturing == element.tag:
            self._captured(element)
            self.capturing, self.captured = None, None

    def _captured(self, element: _Element) -> None:
        text = "".join(self.captured or ())
        if element.ld_json:
            self._json_ld(text)
        elif element.tag == "h1":
            self.title.offer(_SPACE.sub(" ", text), _H1_TITLE)
        elif element.tag == "title":
            self.title.offer(_SPACE.sub(" ", text), _DOC_TITLE)

    def _flush(self) -> None:
        if not self.fragments:
            return
        whole = _SPACE.sub(" ", "".join(text for text, _ in self.fragments)).strip()
        kept = _SPACE.sub(" ", "".join(text for text, soft in self.fragments if not soft)).strip()
        self.fragments = []
        if whole:
            self.blocks.append(_Block(kept, whole))

    # -- metadata -------------------------------------------------------------------------
    def _metadata(self, tag: str, values: dict[str, str]) -> None:
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").strip().lower()
            content = values.get("content")
            if key in _META_DATES:
                self.published.offer(content, _META_DATES[key])
            if key in _META_TITLES:
                self.title.offer(content, _META_TITLES[key])
            if key == "og:url":
                self.url.offer(content, 1)
            if key == "og:site_name":
                self.site.offer(content, 0)
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.url.offer(values.get("href"), 0)
        elif tag == "time" and not self.state.hard:
            moment = values.get("datetime") or values.get("content")
            if values.get("itemprop", "").lower() == "datepublished" or "pubdate" in values:
                self.published.offer(moment, _TIME_PUBDATE)
            elif not self.state.soft and self.state.open_containers:
                self.published.offer(moment, _TIME_IN_BODY)
            else:
                self.published.offer(moment, _TIME_ANY)
        elif values.get("itemprop", "").lower() == "datepublished":
            self.published.offer(values.get("content") or values.get("datetime"), _TIME_PUBDATE)

    def _json_ld(self, text: str) -> None:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return
        # Walk without recursion: a hostile page can nest arbitrarily deep.
        pending = [data]
        while pending:
            item = pending.pop()
            if isinstance(item, list):
                pending.extend(reversed(item))
            elif isinstance(item, dict):
                for key, value in item.items():
                    if key == "datePublished" and isinstance(value, str):
                        self.published.offer(value, _LD_DATE)
                    elif key == "headline" and isinstance(value, str):
                        self.title.offer(value, _LD_TITLE)
                    elif key == "publisher" and isinstance(value, dict) and isinstance(value.get("name"), str):
                        self.site.offer(value["name"], 1)
                    elif isinstance(value, dict | list):
                        pending.append(value)

    # -- result ---------------------------------------------------------------------------
    def page(self) -> Page:
        self._flush()
        title = _SPACE.sub(" ", self.title.value).strip() if self.title.value else None
        paragraphs = self._body()
        if paragraphs and title and paragraphs[0] == title:
            paragraphs = paragraphs[1:]  # the headline is kept as the title, not as body text
        return Page(
            text="\n\n".join(paragraphs),
            title=title or None,
            published=page_date(self.published.value),
            url=self.url.value,
            site=self.site.value,
        )

    def _body(self) -> list[str]:
        use_kept = any(block.kept for block in self.blocks)
        chosen = self._best_container(use_kept)
        blocks = self.blocks if chosen is None else self.blocks[chosen.first : chosen.end]
        return [text for b in blocks if (text := b.kept if use_kept else b.whole)]

    def _best_container(self, use_kept: bool) -> _Container | None:
        read = [0]  # characters in the blocks before each one
        for block in self.blocks:
            read.append(read[-1] + len(block.kept if use_kept else block.whole))
        sizes = {index: read[c.end if c.end is not None else len(self.blocks)] - read[c.first] for index, c in enumerate(self.containers)}
        filled = [index for index, size in sizes.items() if size]
        if not filled:
            return None
        return self.containers[min(filled, key=lambda index: (_CONTAINER_RANK[self.containers[index].kind], -sizes[index], index))]


def _container_kind(tag: str, values: dict[str, str]) -> str | None:
    if values.get("itemprop", "").lower() == "articlebody":
        return "articlebody"
    if tag == "article":
        return "article"
    if tag == "main" or values.get("role", "").lower() == "main":
        return "main"
    return None


def _is_furniture(tag: str, values: dict[str, str]) -> bool:
    if tag in _SOFT_SKIP or values.get("role", "").lower() in _SOFT_ROLES:
        return True
    words = _WORD_SPLIT.split(f"{values.get('class', '')} {values.get('id', '')}".lower())
    return any(word in _SOFT_WORDS for word in words)


def _titled(tag: str, hard: int, in_svg: int) -> bool:
    # An <svg> has <title>s of its own; a hidden <h1> is no headline.
    return (tag == "title" and not in_svg) or (tag == "h1" and not hard)


def _defuse(html: str) -> str:
    """The markup with what would trip the stdlib parser made harmless: a marked section of an
    unknown kind (it raises), and openings whose end never comes ("<a" with no ">" after it,
    "<!--" with no "-->"). For each of those the parser searches to the end of the page, so a
    page of them took time growing with the square of its size; as text they read the same."""
    html = _BAD_MARKED_SECTION.sub("<!", html)
    after_last_tag = html.rfind(">") + 1
    html = html[:after_last_tag] + html[after_last_tag:].replace("<", "&lt;")
    for opening, search_from, end in _CLOSED_OPENINGS:
        last_end = max((match.start() for match in end.finditer(html)), default=-1)
        unclosed = max(0, last_end - search_from + 1)  # openings from here on have no end after them
        html = html[:unclosed] + opening.sub(lambda match: "&lt;" + match.group()[1:], html[unclosed:])
    return html


_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_COMPACT_DAY = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:\D|$)")


def page_date(value: str | None) -> date | None:
    """The calendar date a page states: ISO 8601 (as written, not shifted to UTC), YYYYMMDD or RFC 2822."""
    if not value:
        return None
    match = _ISO_DAY.match(value) or _COMPACT_DAY.match(value)
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        return parsedate_to_datetime(value).date()
    except (ValueError, TypeError, IndexError, OverflowError):
        return None


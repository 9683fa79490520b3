"""Score the coder on whole articles against their hand-coding (article_gold.py).

Events are compared by (source country, target country, CAMEO root). A gold source must be
resolved to be found (a gold event without a source is never found, and is counted apart); a
null gold target equals an event without a target or with an unresolved one. Organisations
count by their group code (UNO, NAT, AMN), which is what standoff's actors carry as country.

- recall: required events for which some event of the article matches; strict: an event of
  the sentence that holds the gold fragment;
- precision: over the distinct triples each article's events give, those that match a
  required or acceptable event of the article;
- forbidden: events of a forbidden entry's sentence that match its triple;
- dates: for required events found (strict; the most confident match), the event's date
  against the gold date at the gold precision (same day, week starting Monday, month, year or
  decade); gold ``unknown`` is right when the event has no date or an unknown one. Background
  events dated to the publication day are counted apart;
- events without a resolved source;
- confidence: events by band; an event is right when its triple is one a required or
  acceptable event has and it is not a forbidden one.

Every event the coder gives counts, whatever its modality.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any

from standoff.eval.article_gold import PRECISIONS, ArticleGold, GoldAct
from standoff.eval.report import HIGH_CONFIDENCE, CalibrationBin, Rate, calibration_table, high_confidence, rate_text
from standoff.eval.score import ConfidenceBins
from standoff.eval.sets import check_breakdown
from standoff.model import Actor, ArticleResult, DateBasis, Event

# Dates without one (the coder's "none") or marked unknown count as unknown.
_UNKNOWN_BASES = frozenset({DateBasis.UNKNOWN})

Triple = tuple[str | None, str | None, str]


def event_triple(event: Event) -> Triple:
    return _country(event.source), _country(event.target), event.cameo_root


def _country(actor: Actor | None) -> str | None:
    return actor.code.country if actor is not None and actor.code is not None else None


def matches(act: GoldAct, triple: Triple) -> bool:
    source, target, root = triple
    return act.source is not None and source == act.source and target == act.target and root == act.root


def date_right(act: GoldAct, event: Event) -> bool:
    """The event's date is the gold date at the gold's precision."""
    if act.precision == "unknown":
        return event.event_date is None or event.date_basis in _UNKNOWN_BASES
    if event.event_date is None or act.date is None or act.precision is None:
        return False
    return _truncate(event.event_date, act.precision) == _truncate(act.date, act.precision)


def _truncate(day: date, precision: str) -> date:
    if precision == "week":
        return day - timedelta(days=day.weekday())
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    if precision == "decade":
        return date(day.year - day.year % 10, 1, 1)
    return day


class CodedArticle:
    """One article's gold with its coded events, the gold fragments found in the coded text."""

    def __init__(self, gold: ArticleGold, result: ArticleResult) -> None:
        self.gold = gold
        self.id = gold.id
        self.events = result.events
        self.text = result.article.text
        self._spans = {act: _find(self.text, act.sentence) for act in gold.acts}
        self._allowed = gold.section("required") + gold.section("acceptable")
        self.forbidden_hits = [
            (act, e) for act in gold.section("forbidden") for e in self.in_sentence(act) if matches(act, event_triple(e))
        ]
        self._forbidden = {e.id for _, e in self.forbidden_hits}

    def in_sentence(self, act: GoldAct) -> list[Event]:
        """The events of the sentence holding the act's fragment."""
        span = self._spans[act]
        if span is None:
            return []
        start, end = span
        return [e for e in self.events if e.sentence_start < end and start < e.sentence_end]

    def found(self, act: GoldAct, strict: bool) -> list[Event]:
        events = self.in_sentence(act) if strict else self.events
        return [e for e in events if matches(act, event_triple(e))]

    def allowed(self, triple: Triple) -> bool:
        return any(matches(act, triple) for act in self._allowed)

    def right(self, event: Event) -> bool:
        return self.allowed(event_triple(event)) and event.id not in self._forbidden

    def has_fragment(self, act: GoldAct) -> bool:
        """Whether the act's fragment is in the coded text (cleaning may drop a caption)."""
        return self._spans[act] is not None


def _find(text: str, fragment: str) -> tuple[int, int] | None:
    start = text.find(fragment)
    if start >= 0:
        return start, start + len(fragment)
    # Cleaning normalises spaces; match the words with any white space between them.
    found = re.search(r"\s+".join(map(re.escape, fragment.split())), text)
    return (found.start(), found.end()) if found else None


# -- report -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleScore:
    id: str
    required: int
    found: int
    found_strict: int
    triples: int
    triples_right: int
    forbidden: int
    dates_right: int
    dates_checked: int


@dataclass(frozen=True, slots=True)
class Miss:
    article: str
    line: int
    want: str  # "SRC>TGT root"
    sentence: str
    found_elsewhere: bool  # found in another sentence of the article
    in_text: bool  # the fragment is in the cleaned text (else cleaning dropped its line)
    coded_there: tuple[str, ...]  # what the coder gave in that sentence


@dataclass(frozen=True, slots=True)
class WrongTriple:
    article: str
    triple: str
    trigger: str
    sentence: str


@dataclass(frozen=True, slots=True)
class ForbiddenHit:
    article: str
    line: int
    triple: str
    trigger: str
    sentence: str


@dataclass(frozen=True, slots=True)
class DateMiss:
    article: str
    line: int
    want: str  # "2021-05-24 (day)" or "unknown"
    got: str  # "2021-05-25 (article)"
    background: bool
    sentence: str


@dataclass(frozen=True, slots=True)
class ArticleSetReport:
    articles: int
    required: int
    required_without_source: int  # never found: a source must be resolved to match
    recall: Rate
    recall_strict: Rate
    precision: Rate  # distinct triples per article
    forbidden: tuple[ForbiddenHit, ...]
    dates: Rate  # over required events found (strict)
    dates_by_precision: dict[str, Rate]
    background_on_publication_day: Rate  # background events found (strict) dated to the publication day
    events: int
    without_source: Rate
    confidence: tuple[CalibrationBin, ...]
    high_confidence: Rate  # events at or above HIGH_CONFIDENCE, over all events
    high_confidence_right: Rate
    by_article: tuple[ArticleScore, ...]
    misses: tuple[Miss, ...]
    wrong: tuple[WrongTriple, ...]
    date_misses: tuple[DateMiss, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_text(self, by: str | None = None, failures: bool = False) -> str:
        lines = [
            f"whole articles: {self.articles}, {self.required} required events "
            f"({self.required_without_source} without a gold source, which no event can match)",
            f"recall:       {rate_text(self.recall, 'required events found in the article')}",
            f"              strict {rate_text(self.recall_strict, 'found in the sentence of the gold fragment')}",
            f"precision:    {rate_text(self.precision, 'distinct (source, target, root) triples right')}",
            f"forbidden:    {len(self.forbidden)} events",
            *(f"  {hit.article}:{hit.line} {hit.triple} {hit.trigger!r}  | {hit.sentence}" for hit in self.forbidden),
            f"dates:        {rate_text(self.dates, 'required events found (strict) dated right')}",
            "              by precision: " + (", ".join(f"{p} {r.hits}/{r.total}" for p, r in self.dates_by_precision.items()) or "-"),
            f"              {rate_text(self.background_on_publication_day, 'background events found dated to the publication day')}",
            f"no source:    {rate_text(self.without_source, 'events without a resolved source')}",
            f"confidence:   {rate_text(self.high_confidence, f'events at or above {HIGH_CONFIDENCE}')}, "
            f"right {rate_text(self.high_confidence_right, 'of them')}",
            "",
            *calibration_table(self.confidence, "events by confidence; right: a required or acceptable triple, not forbidden"),
        ]
        check_breakdown("articles", by)
        if by == "article":
            lines += ["", *_article_table(self.by_article)]
        if failures:
            lines += ["", *_failure_lines(self)]
        return "\n".join(lines) + "\n"


def _article_table(rows: tuple[ArticleScore, ...]) -> list[str]:
    width = max([len(r.id) for r in rows] + [7])
    lines = [f"{'article':<{width}}{'required':>9}{'found':>7}{'strict':>7}{'triples':>8}{'right':>7}{'forbidden':>10}{'dates':>8}"]
    for r in rows:
        lines.append(
            f"{r.id:<{width}}{r.required:>9}{r.found:>7}{r.found_strict:>7}{r.triples:>8}{r.triples_right:>7}"
            f"{r.forbidden:>10}{f'{r.dates_right}/{r.dates_checked}':>8}"
        )
    return lines


def _failure_lines(report: ArticleSetReport) -> list[str]:
    lines = [f"required events not found in their sentence ({len(report.misses)}):"]
    for m in report.misses:
        elsewhere = " (found in another sentence)" if m.found_elsewhere else ""
        elsewhere += "" if m.in_text else " (the fragment is not in the cleaned text)"
        coded = ", ".join(m.coded_there) or "nothing"
        lines.append(f"  {m.article}:{m.line} want {m.want}{elsewhere}; coded there: {coded}  | {m.sentence}")
    lines += ["", f"wrong triples ({len(report.wrong)}):"]
    lines += [f"  {w.article}: {w.triple} {w.trigger!r}  | {w.sentence}" for w in report.wrong]
    lines += ["", f"dates wrong ({len(report.date_misses)}):"]
    for d in report.date_misses:
        lines.append(f"  {d.article}:{d.line} want {d.want}, got {d.got}{' (background)' if d.background else ''}  | {d.sentence}")
    return lines


# -- scoring ------------------------------------------------------------------------------------


def code_articles(golds: Sequence[ArticleGold], results: Iterable[ArticleResult]) -> list[CodedArticle]:
    by_id = {r.article.id: r for r in results}
    return [CodedArticle(gold, by_id[gold.id]) for gold in golds]


def score_articles(articles: Sequence[CodedArticle]) -> ArticleSetReport:
    tally = _Tally()
    for article in articles:
        tally.add(article)
    return tally.report(len(articles))


class _Tally:
    def __init__(self) -> None:
        self.rows: list[ArticleScore] = []
        self.misses: list[Miss] = []
        self.wrong: list[WrongTriple] = []
        self.forbidden: list[ForbiddenHit] = []
        self.date_misses: list[DateMiss] = []
        self.dates = {p: [0, 0] for p in PRECISIONS}  # [right, checked]
        self.background = [0, 0]  # [on the publication day, found]
        self.bins = ConfidenceBins()
        self.required = self.without_gold_source = self.found = self.strict = 0
        self.triples = self.triples_right = self.events = self.no_source = 0

    def add(self, article: CodedArticle) -> None:
        required = article.gold.section("required")
        found, strict, dates = self._required(article, required)
        triples, right_triples = self._produced(article)
        hits = [ForbiddenHit(article.id, act.line, _triple_text(event_triple(e)), e.trigger, act.sentence) for act, e in article.forbidden_hits]
        self.forbidden += hits
        self.required += len(required)
        self.found += found
        self.strict += strict
        self.triples += triples
        self.triples_right += right_triples
        self.rows.append(ArticleScore(article.id, len(required), found, strict, triples, right_triples, len(hits), *dates))

    def _required(self, article: CodedArticle, required: tuple[GoldAct, ...]) -> tuple[int, int, tuple[int, int]]:
        """Required events found in the article and in their sentence, and (dates right, checked)."""
        found = strict = right = 0
        for act in required:
            loose = article.found(act, strict=False)
            here = article.found(act, strict=True)
            found += bool(loose)
            strict += bool(here)
            self.without_gold_source += act.source is None
            if here:
                right += self._date(article, act, max(here, key=lambda e: e.confidence))
            else:
                coded = tuple(_triple_text(event_triple(e)) for e in article.in_sentence(act))
                self.misses.append(Miss(article.id, act.line, _act_text(act), act.sentence, bool(loose), article.has_fragment(act), coded))
        return found, strict, (right, strict)

    def _date(self, article: CodedArticle, act: GoldAct, event: Event) -> bool:
        right = date_right(act, event)
        counts = self.dates[act.precision or "unknown"]
        counts[0] += right
        counts[1] += 1
        if act.background:
            self.background[0] += event.event_date == article.gold.published
            self.background[1] += 1
        if not right:
            want = f"{act.date} ({act.precision})" if act.date else "unknown"
            got = f"{event.event_date or 'no date'} ({event.date_basis})"
            self.date_misses.append(DateMiss(article.id, act.line, want, got, act.background, act.sentence))
        return right

    def _produced(self, article: CodedArticle) -> tuple[int, int]:
        """The article's distinct triples and how many are right; every event into the bins."""
        triples: dict[Triple, Event] = {}
        for event in sorted(article.events, key=lambda e: -e.confidence):
            triples.setdefault(event_triple(event), event)
            self.bins.add(event.confidence, article.right(event))
            self.no_source += event.source is None or event.source.code is None
            self.events += 1
        right = 0
        for triple, event in triples.items():
            if article.allowed(triple):
                right += 1
            else:
                self.wrong.append(WrongTriple(article.id, _triple_text(triple), event.trigger, _sentence(article, event)))
        return len(triples), right

    def report(self, articles: int) -> ArticleSetReport:
        checked = self.dates.values()
        bins = self.bins.table()
        high, high_right = high_confidence(bins)
        return ArticleSetReport(
            articles=articles,
            required=self.required,
            required_without_source=self.without_gold_source,
            recall=Rate.of(self.found, self.required),
            recall_strict=Rate.of(self.strict, self.required),
            precision=Rate.of(self.triples_right, self.triples),
            forbidden=tuple(self.forbidden),
            dates=Rate.of(sum(r[0] for r in checked), sum(r[1] for r in checked)),
            dates_by_precision={p: Rate.of(*r) for p, r in self.dates.items() if r[1]},
            background_on_publication_day=Rate.of(*self.background),
            events=self.events,
            without_source=Rate.of(self.no_source, self.events),
            confidence=bins,
            high_confidence=high,
            high_confidence_right=high_right,
            by_article=tuple(self.rows),
            misses=tuple(self.misses),
            wrong=tuple(self.wrong),
            date_misses=tuple(self.date_misses),
        )


def _triple_text(triple: Triple) -> str:
    source, target, root = triple
    return f"{source or '?'}>{target or '-'} {root}"


def _act_text(act: GoldAct) -> str:
    return f"{act.source or '?'}>{act.target or '-'} {act.code or act.root}"


def _sentence(article: CodedArticle, event: Event) -> str:
    return " ".join(article.text[event.sentence_start : event.sentence_end].split())

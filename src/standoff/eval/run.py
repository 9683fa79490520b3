"""``standoff eval``: tell which set a path holds, read it, code it once, and score it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from standoff.eval.sets import detect_set
from standoff.model import Article, ArticleResult, Discard
from standoff.progress import SILENT, Progress
from standoff.progress import coding as shown_as_coded

if TYPE_CHECKING:
    from standoff.events.patterns import PatternStack
    from standoff.pipeline import Settings


class Report(Protocol):
    def to_dict(self) -> dict[str, Any]: ...

    def to_text(self, by: str | None = None, failures: bool = False) -> str: ...


@dataclass(frozen=True, slots=True)
class EvalOptions:
    set_name: str | None = None  # None: told from the content
    level: str = "country-root"  # for the sentence and PETRARCH sets
    limit: int | None = None  # score only the first N records (articles: by id)
    actor_files: tuple[Path, ...] = ()
    second_opinion: bool = False
    as_of: date | None = None  # for actor tests: the day "today" means
    fit_to: Path | None = None  # fit the confidence table, write it here, check it
    verb_files: tuple[Path, ...] = ()  # verb dictionaries stacked over the packaged ones
    discard_file: Path | None = None  # a discard list instead of the packaged one
    progress: Progress = SILENT  # shows the coding, the long part, as it goes


def evaluate_path(path: Path, options: EvalOptions = EvalOptions()) -> Report:
    """The report on the set at ``path`` (a ConfidenceFit when ``options.fit_to`` is given),
    with the sentences the discard list left uncoded when the set was coded."""
    scorer = _SCORERS[options.set_name or detect_set(path)]
    coding = _Coding(options)
    report = scorer(Path(path), coding)
    return WithDiscards(report, coding.discarded) if coding.coded else report


def _settings(options: EvalOptions) -> Settings:
    from standoff.pipeline import Settings

    return Settings(
        actor_files=options.actor_files, pattern_files=options.verb_files, discard_file=options.discard_file, second_opinion=options.second_opinion
    )


def _patterns(options: EvalOptions) -> PatternStack:
    from standoff.pipeline import pattern_stack

    return pattern_stack(_settings(options))


class _Coding:
    """Codes a set's articles once, with the run's options, and keeps what the discards left out."""

    def __init__(self, options: EvalOptions) -> None:
        self.options = options
        self.coded = False
        self.discarded: list[tuple[str, Discard]] = []  # (article id, discard)

    def code(self, articles: Sequence[Article]) -> list[ArticleResult]:
        from standoff.pipeline import Coder

        results = list(shown_as_coded(Coder(_settings(self.options)).code(articles), self.options.progress, len(articles)))
        self.coded = True
        self.discarded += [(result.article.id, discard) for result in results for discard in result.discarded]
        return results


@dataclass(frozen=True, slots=True)
class WithDiscards:
    """A report and the sentences left uncoded as no political news, by discard phrase."""

    report: Report
    discarded: list[tuple[str, Discard]]

    def by_phrase(self) -> dict[str, int]:
        return dict(Counter(discard.phrase for _, discard in self.discarded).most_common())

    def to_dict(self) -> dict[str, Any]:
        sentences = [{"id": article, "sentence": d.sentence_index, "phrase": d.phrase, "story": d.story} for article, d in self.discarded]
        return {**self.report.to_dict(), "discarded": {"sentences": len(self.discarded), "by_phrase": self.by_phrase(), "list": sentences}}

    def to_text(self, by: str | None = None, failures: bool = False) -> str:
        phrases = ", ".join(f"{phrase!r} {n}" for phrase, n in self.by_phrase().items())
        stories = len({article for article, d in self.discarded if d.story})
        line = f"discarded:    {len(self.discarded)} sentences left uncoded as no political news ({stories} whole stories)"
        return self.report.to_text(by=by, failures=failures) + line + (f": {phrases}" if phrases else "") + "\n"


def _sentences(path: Path, coding: _Coding) -> Report:
    from standoff.eval.calibration import fit_and_check, is_right
    from standoff.eval.gold import read_gold, to_articles
    from standoff.eval.score import evaluate

    records = read_gold(path)[: coding.options.limit]
    results = coding.code(to_articles(records))
    if coding.options.fit_to is not None:
        return fit_and_check(records, results, coding.options.fit_to, path.name, is_right, _patterns(coding.options))
    return evaluate(records, results, level=coding.options.level)


def _petrarch(path: Path, coding: _Coding) -> Report:
    from standoff.eval.gold import read_gold, to_articles
    from standoff.eval.petrarch import score_petrarch

    records = read_gold(path)[: coding.options.limit]
    return score_petrarch(records, coding.code(to_articles(records)), coding.options.level)


def _actors(path: Path, coding: _Coding) -> Report:
    from standoff.actors.kb import load_knowledge_base
    from standoff.actors.table import ActorTable
    from standoff.eval.actors import evaluate_actor_file

    table = ActorTable(load_knowledge_base(coding.options.actor_files))
    return evaluate_actor_file(path, table, coding.options.as_of or date.today(), coding.options.limit)


def _plover(path: Path, coding: _Coding) -> Report:
    from standoff.eval.gold import to_articles
    from standoff.eval.places import PlaceJudge
    from standoff.eval.plover import read_plover, score_plover
    from standoff.geo import load_gazetteer
    from standoff.ontology import load_ontology

    records = read_plover(path, (t.name for t in load_ontology().plover_types()))[: coding.options.limit]
    results = coding.code(to_articles(r.gold for r in records))
    return score_plover(records, results, PlaceJudge(load_gazetteer()))


def _codebook(path: Path, coding: _Coding) -> Report:
    from standoff.eval.codebook import read_codebook, score_codebook
    from standoff.eval.gold import to_articles

    examples, unusable = read_codebook(path)
    examples = examples[: coding.options.limit]
    return score_codebook(examples, unusable, coding.code(to_articles(e.gold for e in examples)))


def _articles(path: Path, coding: _Coding) -> Report:
    from standoff.eval.article_gold import read_article_set
    from standoff.eval.articles import code_articles, score_articles
    from standoff.eval.calibration import fit_and_check
    from standoff.text.readers import read_articles

    golds = read_article_set(path)[: coding.options.limit]
    texts = [article for gold in golds for article in read_articles([str(gold.text_file)], gold.published)]
    results = coding.code(texts)
    coded = code_articles(golds, results)
    if coding.options.fit_to is not None:
        return fit_and_check(coded, results, coding.options.fit_to, path.name, lambda event, article: article.right(event), _patterns(coding.options))
    return score_articles(coded)


_SCORERS = {
    "sentences": _sentences,
    "actors": _actors,
    "plover": _plover,
    "codebook": _codebook,
    "petrarch": _petrarch,
    "articles": _articles,
}

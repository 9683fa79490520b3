"""``standoff eval``: tell which set a path holds, read it, code it once, and score it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from standoff.eval.sets import detect_set
from standoff.model import Article, ArticleResult

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


def evaluate_path(path: Path, options: EvalOptions = EvalOptions()) -> Report:
    """The report on the set at ``path`` (a ConfidenceFit when ``options.fit_to`` is given)."""
    scorer = _SCORERS[options.set_name or detect_set(path)]
    return scorer(Path(path), options)


def _settings(options: EvalOptions) -> Settings:
    from standoff.pipeline import Settings

    return Settings(actor_files=options.actor_files, pattern_files=options.verb_files, second_opinion=options.second_opinion)


def _code(articles: Sequence[Article], options: EvalOptions) -> list[ArticleResult]:
    from standoff.pipeline import Coder

    return list(Coder(_settings(options)).code(articles))


def _patterns(options: EvalOptions) -> PatternStack:
    from standoff.pipeline import pattern_stack

    return pattern_stack(_settings(options))


def _sentences(path: Path, options: EvalOptions) -> Report:
    from standoff.eval.calibration import fit_and_check, is_right
    from standoff.eval.gold import read_gold, to_articles
    from standoff.eval.score import evaluate

    records = read_gold(path)[: options.limit]
    results = _code(to_articles(records), options)
    if options.fit_to is not None:
        return fit_and_check(records, results, options.fit_to, path.name, is_right, _patterns(options))
    return evaluate(records, results, level=options.level)


def _petrarch(path: Path, options: EvalOptions) -> Report:
    from standoff.eval.gold import read_gold, to_articles
    from standoff.eval.petrarch import score_petrarch

    records = read_gold(path)[: options.limit]
    return score_petrarch(records, _code(to_articles(records), options), options.level)


def _actors(path: Path, options: EvalOptions) -> Report:
    from standoff.actors.kb import load_knowledge_base
    from standoff.actors.table import ActorTable
    from standoff.eval.actors import evaluate_actor_file

    table = ActorTable(load_knowledge_base(options.actor_files))
    return evaluate_actor_file(path, table, options.as_of or date.today(), options.limit)


def _plover(path: Path, options: EvalOptions) -> Report:
    from standoff.eval.gold import to_articles
    from standoff.eval.places import PlaceJudge
    from standoff.eval.plover import read_plover, score_plover
    from standoff.geo import load_gazetteer
    from standoff.ontology import load_ontology

    records = read_plover(path, (t.name for t in load_ontology().plover_types()))[: options.limit]
    results = _code(to_articles(r.gold for r in records), options)
    return score_plover(records, results, PlaceJudge(load_gazetteer()))


def _codebook(path: Path, options: EvalOptions) -> Report:
    from standoff.eval.codebook import read_codebook, score_codebook
    from standoff.eval.gold import to_articles

    examples, unusable = read_codebook(path)
    examples = examples[: options.limit]
    return score_codebook(examples, unusable, _code(to_articles(e.gold for e in examples), options))


def _articles(path: Path, options: EvalOptions) -> Report:
    from standoff.eval.article_gold import read_article_set
    from standoff.eval.articles import code_articles, score_articles
    from standoff.eval.calibration import fit_and_check
    from standoff.text.readers import read_articles

    golds = read_article_set(path)[: options.limit]
    texts = [article for gold in golds for article in read_articles([str(gold.text_file)], gold.published)]
    results = _code(texts, options)
    coded = code_articles(golds, results)
    if options.fit_to is not None:
        return fit_and_check(coded, results, options.fit_to, path.name, lambda event, article: article.right(event), _patterns(options))
    return score_articles(coded)


_SCORERS = {
    "sentences": _sentences,
    "actors": _actors,
    "plover": _plover,
    "codebook": _codebook,
    "petrarch": _petrarch,
    "articles": _articles,
}

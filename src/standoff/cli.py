"""Command line: thin commands over library calls."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import click

from standoff.commands import exit_for_bugs
from standoff.errors import Bug, StandoffError
from standoff.model import ArticleResult, Failure
from standoff.threads import use_one_native_thread


# The names `standoff eval` accepts (standoff.eval.sets has what each set offers); written
# out here so that the command line starts without importing the scorers.
EVAL_SETS = ("sentences", "actors", "plover", "codebook", "petrarch", "articles")
EVAL_BREAKDOWNS = ("root", "class", "calibration", "type", "article")


def deprecated(old: str, new: str) -> None:
    """Say on standard error that an old name still works for now, and which name replaces it."""
    click.echo(f"warning: {old} is deprecated and will go in the next release; use {new}", err=True)


def _date_option(value: str | None) -> date | None:
    from standoff.text.readers import parse_date

    return parse_date(value) if value else None


@click.group()
@click.version_option(package_name="standoff")
def main() -> None:
    """standoff: political events from news text, with the sentence behind each one."""
    use_one_native_thread()  # before any command loads numpy


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@click.option("--date", "date_text", help="Publication date (YYYY-MM-DD) for articles that carry none and give none in their opening lines.")
@click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path), help="A CSV of file,date: the publication dates of .txt and .html files (see README).")
@click.option("--quotes", is_flag=True, help="Print quotations with their speakers instead of events.")
@click.option("--unrealised", is_flag=True, help="Also print acts the text says did not happen (negated, hypothetical, questioned, denied), marked in modality.")
@click.option("--second-opinion", is_flag=True, help="Code sentences the verb dictionary leaves empty by sentence embedding, when near enough (needs the embed extra).")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Extra actors: a YAML file or a PETRARCH dictionary (repeatable; see docs/actors.md).")
@click.option("--verbs", "verb_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Extra verb patterns over the packaged ones: a standoff pattern file (.yaml) or a PETRARCH verb dictionary (repeatable, the first highest; see docs/verbs.md).")
@click.option("--discards", "discard_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Phrases that leave a sentence or story uncoded, instead of the packaged list: YAML or a PETRARCH discard list (see standoff/text/discards.py).")
@click.option("--workers", type=click.IntRange(min=1), help="Coding processes; default: one per core (a short input is coded in this process).")
def code(
    paths: tuple[str, ...],
    fmt: str,
    date_text: str | None,
    manifest: Path | None,
    quotes: bool,
    unrealised: bool,
    second_opinion: bool,
    actor_files: tuple[Path, ...],
    verb_files: tuple[Path, ...],
    discard_file: Path | None,
    workers: int | None,
) -> None:
    """Code the articles in PATHS (.txt, .jsonl, .csv, .html, .gz, folders, or - for standard input) and print their events."""
    from standoff.output import print_results
    from standoff.pipeline import Settings
    from standoff.progress import SILENT, coding, progress_for
    from standoff.runners.progress import undated_note
    from standoff.runners.workers import LocalCoder
    from standoff.text.manifest import read_manifest
    from standoff.text.readers import ReadOptions, read_articles

    failures: list[Failure] = []
    # Printed to a terminal, the events themselves show how far coding is; written elsewhere, progress shows.
    shown = SILENT if sys.stdout.isatty() else progress_for("code", "articles")
    try:
        options = ReadOptions(manifest=read_manifest(manifest) if manifest is not None else None)
        articles = read_articles(list(paths), _date_option(date_text), stdin=sys.stdin, options=options)
        settings = Settings(actor_files=actor_files, pattern_files=verb_files, discard_file=discard_file, unrealised=unrealised, second_opinion=second_opinion)
        with LocalCoder(settings, workers) as coder:
            undated = print_results(coding(_reporting_failures(coder.code(articles), failures), shown), fmt=fmt, quotes=quotes)
    except StandoffError as exc:
        raise click.ClickException(str(exc)) from exc
    if undated:
        click.echo(undated_note(undated), err=True)
    exit_for_bugs(sum(failure.code == Bug.code for failure in failures), "the other articles were coded")


def _reporting_failures(results: Iterable[ArticleResult], failures: list[Failure]) -> Iterator[ArticleResult]:
    """The results, each article that could not be coded reported on stderr (and kept in ``failures``)."""
    for result in results:
        for failure in result.failures:
            click.echo(f"[{failure.code}] {failure.article_id}: {failure.message}", err=True)
            failures.append(failure)
        yield result


@main.command()
@click.option("--date", "date_text", help="Publication date of the example (defaults to its own).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True)
def example(date_text: str | None, fmt: str) -> None:
    """Code the example article bundled with standoff."""
    from standoff.examples import EXAMPLE_DATE, example_path
    from standoff.output import print_results
    from standoff.pipeline import Coder
    from standoff.text.readers import read_articles

    articles = read_articles([str(example_path())], _date_option(date_text) or EXAMPLE_DATE)
    print_results(Coder().code(articles), fmt=fmt, quotes=False)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.option("--set", "set_name", type=click.Choice(EVAL_SETS), help="The kind of gold set; default: told from its content (see docs/accuracy.md).")
@click.option("--by", type=click.Choice(EVAL_BREAKDOWNS), help="Add a breakdown table: root, class or calibration (sentence sets), type (PLOVER), root (codebook), article (whole articles).")
@click.option("--failures", is_flag=True, help="List what was scored wrong (PLOVER, codebook, PETRARCH and whole-article sets).")
@click.option("--level", type=click.Choice(["country-root", "exact"]), default="country-root", show_default=True)
@click.option("--limit", type=int, help="Score only the first N records (articles: the first N by id).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "text"]), default="table", show_default=True, help="Print the report as tables or as JSON ('text' is the old name of 'table').")
@click.option("--json", "as_json", is_flag=True, hidden=True, help="Deprecated: --format json.")
@click.option("--fit-confidence", "fit_to", type=click.Path(dir_okay=False, path_type=Path), help="Fit the confidence table on the even records, write it here, and check it on the odd records.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Extra actors: a YAML file or a PETRARCH dictionary (repeatable; see docs/actors.md).")
@click.option("--verbs", "verb_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Extra verb patterns over the packaged ones: a standoff pattern file (.yaml) or a PETRARCH verb dictionary (repeatable, the first highest; see docs/verbs.md).")
@click.option("--discards", "discard_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Phrases that leave a sentence or story uncoded, instead of the packaged list: YAML or a PETRARCH discard list (see standoff/text/discards.py).")
@click.option("--as-of", "as_of", help="For actor tests: the date 'today' and undated cases mean (YYYY-MM-DD); default today.")
@click.option("--second-opinion", is_flag=True, help="Code sentences the verb dictionary leaves empty by sentence embedding, when near enough (needs the embed extra).")
def eval_command(
    gold: Path,
    set_name: str | None,
    by: str | None,
    failures: bool,
    level: str,
    limit: int | None,
    fmt: str,
    as_json: bool,
    fit_to: Path | None,
    actor_files: tuple[Path, ...],
    verb_files: tuple[Path, ...],
    discard_file: Path | None,
    as_of: str | None,
    second_opinion: bool,
) -> None:
    """Score the coder against a gold set: a JSON-lines file (sentences, PLOVER records, CAMEO
    codebook examples, PETRARCH unit tests, NGEC actor tests) or a folder of whole articles
    (<id>.txt with <id>.yaml)."""
    from standoff.eval.run import EvalOptions, evaluate_path
    from standoff.eval.sets import LISTS_FAILURES, check_breakdown, detect_set
    from standoff.progress import progress_for

    name = set_name or detect_set(gold)
    try:
        check_breakdown(name, by)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if failures and name not in LISTS_FAILURES:
        raise click.UsageError(f"--failures does not apply to the {name} set")
    if fit_to is not None and name not in ("sentences", "articles"):
        raise click.UsageError(f"--fit-confidence applies to sentence and whole-article sets, not to the {name} set")
    try:
        options = EvalOptions(name, level, limit, actor_files, second_opinion, _date_option(as_of), fit_to, verb_files, discard_file, progress_for("eval", "articles"))
        report = evaluate_path(gold, options)
    except StandoffError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        deprecated("--json", "--format json")
    if as_json or fmt == "json":
        click.echo(json.dumps({"set": name, **report.to_dict()}, indent=2, ensure_ascii=False))
    else:
        click.echo(report.to_text(by=by, failures=failures), nl=False)


@main.command()
@click.argument("texts", nargs=-1)
@click.option("--date", "date_text", help="The date the phrases are read on (YYYY-MM-DD); default today: office holders change.")
@click.option("--context", help="A sentence around the phrases: antecedents for pronouns and titles, and a country.")
@click.option("--file", "phrase_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="JSON lines with text and optional date, context, id.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Extra actors: a YAML file or a PETRARCH dictionary (repeatable; see docs/actors.md).")
def actor(texts: tuple[str, ...], date_text: str | None, context: str | None, phrase_file: Path | None, actor_files: tuple[Path, ...]) -> None:
    """Resolve actor phrases (TEXT... or --file) to codes; print one JSON object per phrase."""
    from standoff.actors.kb import load_knowledge_base
    from standoff.actors.phrase import PhraseQuery, resolve_phrases
    from standoff.actors.phrasefile import read_phrase_file
    from standoff.actors.table import ActorTable

    if not texts and phrase_file is None:
        raise click.UsageError("give one or more TEXT arguments, or --file FILE.jsonl")
    try:
        day = _date_option(date_text) or date.today()
        items = [(None, PhraseQuery(text, day, context)) for text in texts]
        if phrase_file is not None:
            items += read_phrase_file(phrase_file, day, context)
        table = ActorTable(load_knowledge_base(actor_files))
        for (phrase_id, _), resolution in zip(items, resolve_phrases(table, [query for _, query in items])):
            record = resolution.to_dict()
            click.echo(json.dumps(record if phrase_id is None else {"id": phrase_id, **record}, ensure_ascii=False))
    except StandoffError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command(name="import-verbs")
@click.argument("dictionary", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The standoff pattern file to write (.yaml).")
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path), help="Where to list what was not translated; default: OUTPUT with .report.txt.")
@click.option("--require-dyad/--no-require-dyad", "dyad", default=True, show_default=True, help="Every event needs a known source and target, as PETRARCH codes by default.")
def import_verbs(dictionary: Path, out: Path, report: Path | None, dyad: bool) -> None:
    """Translate a PETRARCH verb dictionary into a standoff pattern file, once, for --verbs;
    print what was translated and what was not (listed, with the reason, in the report)."""
    from standoff.events.petrarch_verbs import translate_file, write_translation

    report = report or out.with_suffix(".report.txt")
    try:
        translation = translate_file(dictionary, dyad)
    except StandoffError as exc:
        raise click.ClickException(str(exc)) from exc
    write_translation(translation, out, report)
    click.echo(translation.summary(), nl=False)
    click.echo(f"wrote {out} and {report}")


from standoff.commands import store as _store_commands  # noqa: E402  (commands register after main exists)

main.add_command(_store_commands.ingest)
main.add_command(_store_commands.events)
main.add_command(_store_commands.export)
main.add_command(_store_commands.import_events)

from standoff.commands import analysis as _analysis_commands  # noqa: E402

main.add_command(_analysis_commands.series)
main.add_command(_analysis_commands.tension)
main.add_command(_analysis_commands.alerts)
main.add_command(_analysis_commands.backtest)

from standoff.commands.serve import serve as _serve_command  # noqa: E402

main.add_command(_serve_command)

if __name__ == "__main__":
    main()

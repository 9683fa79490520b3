"""Print coding results for people (a rich table) or programs (JSON lines), and what every table shares."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from standoff.model import ArticleResult
from standoff.records import event_record, quote_record


def print_results(results: Iterable[ArticleResult], *, fmt: str, quotes: bool, out: TextIO | None = None) -> int:
    """Print the results; returns how many articles had no publication date."""
    out = out or sys.stdout
    undated = 0

    def counted() -> Iterator[ArticleResult]:
        nonlocal undated
        for result in results:
            undated += result.article.published is None
            yield result

    if fmt == "jsonl":
        for result in counted():
            items = (quote_record(q) for q in result.quotes) if quotes else (event_record(e, result.article) for e in result.events)
            for item in items:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
    else:
        _print_table(counted(), quotes, out)
    return undated


def _print_table(results: Iterable[ArticleResult], quotes: bool, out: TextIO) -> None:
    from rich.table import Table

    console = console_for(out)
    for result in results:
        if quotes:
            table = Table(title=f"Quotes in {result.article.id}", show_lines=True)
            for column in ("speaker", "said by", "quote"):
                table.add_column(column)
            for q in result.quotes:
                record = quote_record(q)
                table.add_row(record["speaker"] or "-", record["speaker_text"] or "-", q.text)
            console.print(table)
            continue
        events = EventTable(f"Events in {result.article.id}", ("date", "source", "cameo", "target", "trigger", "modality", "conf"), console.width)
        for e in result.events:
            r = event_record(e, result.article)
            events.add(
                date=r["event_date"] or "-",
                source=f"{r['source'] or '?'}\n{r['source_text'] or ''}" + ("" if r["complete"] else "\n(incomplete)"),
                cameo=f"{act_label(r['cameo'], r['plover'])}\n" + (f"{r['goldstein']:+.1f}" if r["goldstein"] is not None else "not CAMEO"),
                target=f"{r['target'] or '-'}\n{r['target_text'] or ''}",
                trigger=r["trigger"],
                modality=r["modality"],
                conf=f"{r['confidence']:.2f}",
                sentence=r["text"],
            )
        console.print(events.table)


# The widest a short column of an event table grows; the sentence column takes the rest of the width.
COLUMN_WIDTHS = {"date": 10, "source": 22, "cameo": 26, "target": 22, "trigger": 14, "origin": 8, "modality": 10, "conf": 4}
NARROW = 120  # below this many columns an event table leaves out the columns below (JSON lines keep them)
LEFT_OUT_WHEN_NARROW = ("trigger", "modality", "conf", "origin")
FIXED = ("date", "modality", "conf")  # never folded
SENTENCE_SHARE = 4  # the sentence's share of the width against one for each short column (each within its cap)
PIPED_WIDTH = 160  # columns of a table written where no terminal is (a file from a scheduled job)


def console_for(out: TextIO | None = None) -> Any:
    """A rich console as wide as the terminal the command runs in, even when its output goes to a pipe or a file."""
    from rich.console import Console

    out = out or sys.stdout
    return Console(file=out, width=None if out.isatty() else _terminal_width())


def _terminal_width() -> int:
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    try:
        return os.get_terminal_size(sys.__stderr__.fileno()).columns  # piped into a pager or a file, from a terminal
    except (AttributeError, OSError, ValueError):
        return PIPED_WIDTH


def act_label(cameo: str | None, plover: str | None) -> str:
    """The act as a table shows it: the CAMEO code with its PLOVER type, or with its CAMEO name where it has none."""
    if not cameo:
        return plover or "-"
    if plover:
        return f"{cameo} {plover}"
    from standoff.ontology import load_ontology

    known = load_ontology().get(cameo)
    return f"{cameo} {known.name}" if known else cameo



class EventTable:
    """An event table that fits ``width``: short columns as wide as they need up to a cap, the sentence
    in the width they leave, and on a narrow terminal only date, source, act, target and sentence."""

    def __init__(self, title: str | None, columns: tuple[str, ...], width: int) -> None:
        from rich.table import Table

        self.table = Table(title=title, show_lines=True, expand=True)
        self.columns = [c for c in columns if width >= NARROW or c not in LEFT_OUT_WHEN_NARROW] + ["sentence"]
        for column in self.columns[:-1]:
            if column in FIXED:
                self.table.add_column(column, no_wrap=True, min_width=COLUMN_WIDTHS[column])
            else:
                self.table.add_column(column, overflow="fold", max_width=COLUMN_WIDTHS[column], ratio=1)
        self.table.add_column("sentence", overflow="fold", ratio=SENTENCE_SHARE)

    def add(self, **cells: str) -> None:
        self.table.add_row(*(cells[column] for column in self.columns))

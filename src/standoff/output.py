"""Print coding results for people (a rich table) or programs (JSON lines)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import TextIO

from standoff.model import ArticleResult
from standoff.records import event_record, quote_record


def print_results(results: Iterable[ArticleResult], *, fmt: str, quotes: bool, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    if fmt == "jsonl":
        for result in results:
            items = (quote_record(q) for q in result.quotes) if quotes else (event_record(e, result.article) for e in result.events)
            for item in items:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        return
    _print_table(results, quotes, out)


def _print_table(results: Iterable[ArticleResult], quotes: bool, out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=160 if not out.isatty() else None)
    for result in results:
        if quotes:
            table = Table(title=f"Quotes in {result.article.id}", show_lines=True)
            for column in ("speaker", "said by", "quote"):
                table.add_column(column)
            for q in result.quotes:
                record = quote_record(q)
                table.add_row(record["speaker"] or "-", record["speaker_text"] or "-", q.text)
        else:
            table = Table(title=f"Events in {result.article.id}", show_lines=True)
            for column in ("date", "source", "cameo", "target", "trigger", "modality", "conf", "sentence"):
                table.add_column(column, overflow="fold")
            for e in result.events:
                r = event_record(e, result.article)
                table.add_row(
                    r["event_date"] or "-",
                    f"{r['source'] or '?'}\n{r['source_text'] or ''}" + ("" if r["complete"] else "\n(incomplete)"),
                    f"{r['cameo']} {r['plover'] or ''}\n" + (f"{r['goldstein']:+.1f}" if r["goldstein"] is not None else "not CAMEO"),
                    f"{r['target'] or '-'}\n{r['target_text'] or ''}",
                    r["trigger"],
                    r["modality"],
                    f"{r['confidence']:.2f}",
                    r["text"],
                )
        console.print(table)

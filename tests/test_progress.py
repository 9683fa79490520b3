"""Progress of long work: lines per batch off a terminal, a bar on one, silence for quick work."""

from __future__ import annotations

import io

from standoff.model import Article, ArticleResult
from standoff.progress import SILENT, ProgressBar, ProgressLines, coding, progress_for


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_lines_show_counts_and_rate_per_batch():
    out = io.StringIO()
    shown = ProgressLines("import", "records", out, every=0)
    shown.start(total=300)
    shown.advance(100, added=90, failures=1)
    shown.advance(200, added=280, failures=2)
    shown.stop()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("import: 100/300 records, 90 added, 1 failures, ") and " records/s, " in lines[0]
    assert lines[1].startswith("import: 300/300 records, 280 added, 2 failures, ")
    assert len(lines) == 3  # a closing line too


def test_quick_work_prints_nothing():
    out = io.StringIO()
    shown = ProgressLines("code", "articles", out, every=60)
    shown.start()
    shown.advance(5, events=3)
    shown.stop()
    assert out.getvalue() == ""


def test_a_terminal_gets_a_bar_and_anything_else_lines():
    assert isinstance(progress_for("eval", "articles", Terminal()), ProgressBar)
    assert isinstance(progress_for("eval", "articles", io.StringIO()), ProgressLines)


def test_the_bar_shows_done_of_total_counts_and_rate():
    screen = Terminal()
    bar = ProgressBar("ingest", "articles", screen)
    bar.start(total=40)
    for _ in range(4):
        bar.advance(10, events=7)
    bar._bar.refresh()  # what the screen shows before the bar goes
    bar.stop()
    drawn = screen.getvalue()
    assert "ingest" in drawn and "40/40" in drawn and "7 events" in drawn and "articles/s" in drawn


def test_coding_passes_results_through_and_counts_events():
    out = io.StringIO()
    shown = ProgressLines("code", "articles", out, every=0)
    results = [ArticleResult(Article(f"a{n}", "Text."), events=(), quotes=(), failures=()) for n in range(3)]
    assert list(coding(iter(results), shown, total=3)) == results
    assert out.getvalue().splitlines()[-1].startswith("code: 3/3 articles, 0 events, ")
    assert list(coding(iter(results), SILENT)) == results

"""Score the coder on the CAMEO codebook's own example sentences: is the root of the most
confident event the root of the code the example illustrates? (And, apart: does some event
of the sentence have it?)

Only records flagged ``usable`` are coded (the others are truncated, fragments, duplicates or
uncoded). Actors are not scored: the examples name no actor codes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from standoff.errors import BadGoldFile
from standoff.eval.gold import GoldRecord, read_gold_lines
from standoff.eval.report import Rate, number, rate_text
from standoff.eval.score import most_confident
from standoff.eval.sets import check_breakdown
from standoff.model import ArticleResult

NO_EVENT = "none"
_WRONG_SHOWN = 3


@dataclass(frozen=True, slots=True)
class CodebookExample:
    gold: GoldRecord
    code: str  # the CAMEO code the example illustrates


@dataclass(frozen=True, slots=True)
class RootScore:
    support: int  # examples of this root
    correct: int  # ... whose most confident event has it
    wrong: tuple[tuple[str, int], ...]  # the roots given instead ("none": no event), most common first


@dataclass(frozen=True, slots=True)
class CodebookMiss:
    id: str
    code: str
    got: str | None  # the most confident event's code
    text: str


@dataclass(frozen=True, slots=True)
class CodebookReport:
    examples: int  # usable ones, all scored
    unusable: int  # left out
    root_right: Rate  # the most confident event has the gold root
    root_any: Rate  # some event has it
    by_root: dict[str, RootScore]
    misses: tuple[CodebookMiss, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_text(self, by: str | None = None, failures: bool = False) -> str:
        lines = [
            f"CAMEO codebook examples: {self.examples} usable scored, {self.unusable} unusable left out",
            f"root right:   {rate_text(self.root_right, 'examples, most confident event')}",
            f"              {rate_text(self.root_any, 'examples, some event')}",
        ]
        check_breakdown("codebook", by)
        if by == "root":
            lines += ["", *_root_table(self.by_root)]
        if failures:
            lines += ["", f"root wrong ({len(self.misses)}):"]
            lines += [f"  {m.id}: {m.code}, got {m.got or 'no event'}  | {m.text}" for m in self.misses]
        return "\n".join(lines) + "\n"


def _root_table(by_root: dict[str, RootScore]) -> list[str]:
    lines = ["by gold CAMEO root", f"{'root':<6}{'support':>8}{'correct':>8}{'share':>8}   most common wrong roots"]
    for root, s in sorted(by_root.items()):
        wrong = ", ".join(f"{r} x{n}" for r, n in s.wrong[:_WRONG_SHOWN]) or "-"
        lines.append(f"{root:<6}{s.support:>8}{s.correct:>8}{number(s.correct / s.support):>8}   {wrong}")
    return lines


def read_codebook(path: Path) -> tuple[list[CodebookExample], int]:
    """The usable examples and the number left out."""
    examples = []
    unusable = 0
    for line in read_gold_lines(path):
        if line.data.get("usable") is not True:
            unusable += 1
            continue
        codes = [e.code for e in line.record.events if e.code]
        if len(codes) != 1:
            raise BadGoldFile("a usable codebook example needs exactly one event with a CAMEO code", file=str(path), line=line.number)
        examples.append(CodebookExample(line.record, codes[0]))
    return examples, unusable


def score_codebook(examples: Sequence[CodebookExample], unusable: int, results: Iterable[ArticleResult]) -> CodebookReport:
    by_id = {r.article.id: r.events for r in results}
    support: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    wrong: dict[str, Counter[str]] = {}
    misses = []
    any_right = 0
    for example in examples:
        root = example.code[:2]
        events = by_id.get(example.gold.id, ())
        top = most_confident(events)
        support[root] += 1
        any_right += any(e.cameo_root == root for e in events)
        if top is not None and top.cameo_root == root:
            correct[root] += 1
            continue
        wrong.setdefault(root, Counter())[top.cameo_root if top is not None else NO_EVENT] += 1
        misses.append(CodebookMiss(example.gold.id, example.code, top.cameo if top is not None else None, example.gold.text))
    by_root = {root: RootScore(n, correct[root], tuple(wrong.get(root, Counter()).most_common())) for root, n in support.items()}
    return CodebookReport(
        examples=len(examples),
        unusable=unusable,
        root_right=Rate.of(sum(correct.values()), len(examples)),
        root_any=Rate.of(any_right, len(examples)),
        by_root=by_root,
        misses=tuple(misses),
    )

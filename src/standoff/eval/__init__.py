"""Gold-set reading and scoring for ``standoff eval``."""

from standoff.eval.gold import GoldEvent, GoldRecord, read_gold, to_articles
from standoff.eval.report import EvalReport
from standoff.eval.score import LEVELS, evaluate

__all__ = ["LEVELS", "EvalReport", "GoldEvent", "GoldRecord", "evaluate", "read_gold", "to_articles"]

"""Charts of a series (and its tension index) as PNG or SVG, drawn with matplotlib's Agg backend."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from standoff.errors import AnalysisError

FORMATS = (".png", ".svg")
_QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
_QUAD_COLOURS = {1: "#8fbbd9", 2: "#1f77b4", 3: "#f5a26a", 4: "#d62728"}


def plot_series(series: pd.DataFrame, title: str, out: Path, tension: pd.DataFrame | None = None) -> Path:
    """Events by QuadClass, conflict per 1,000 events stored and the conflict share, and the tension
    index with its band if given; written to ``out`` (.png or .svg)."""
    if out.suffix.lower() not in FORMATS:
        raise AnalysisError(f"a plot is written as {' or '.join(FORMATS)}, not {out.suffix or 'a file without a suffix'!r}")
    import matplotlib

    matplotlib.use("Agg")  # files only: no display needed
    import matplotlib.pyplot as plt

    panels = 3 if tension is not None else 2
    figure, axes = plt.subplots(panels, 1, figsize=(11, 2.8 * panels), sharex=True, constrained_layout=True)
    x = series.index
    bottom = pd.Series(0.0, index=x)
    for q, label in _QUAD_LABELS.items():
        values = series[f"events_q{q}"].astype(float)
        axes[0].fill_between(x, bottom, bottom + values, step="post", color=_QUAD_COLOURS[q], label=label, linewidth=0)
        bottom = bottom + values
    axes[0].set_ylabel("events")
    axes[0].legend(loc="upper left", fontsize="small", ncols=4)
    axes[0].set_title(title)
    axes[1].step(x, series["conflict_per1k"], where="post", color="#d62728", label="conflict per 1,000 events stored")
    axes[1].set_ylabel("per 1,000")
    share = axes[1].twinx()
    share.plot(x, series["conflict_share"], color="#444444", linewidth=0.8, label="conflict share of the dyad's events")
    share.set_ylim(0, 1)
    share.set_ylabel("share")
    lines = axes[1].get_legend_handles_labels()[0] + share.get_legend_handles_labels()[0]
    axes[1].legend(lines, [str(line.get_label()) for line in lines], loc="upper left", fontsize="small")
    if tension is not None:
        axes[2].fill_between(tension.index, tension["low"], tension["high"], color="#cccccc", label="95% band")
        axes[2].plot(tension.index, tension["tension"], color="#222222", label="tension index (minus discounted mean Goldstein)")
        axes[2].axhline(0, color="#888888", linewidth=0.5)
        axes[2].set_ylabel("tension")
        axes[2].legend(loc="upper left", fontsize="small")
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out)
    plt.close(figure)
    return out

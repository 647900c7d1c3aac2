"""Pictures of a report with matplotlib (the ``plot`` extra), in the report's own legend.

Every status is drawn in its colour and named with its shape and label (■ Uppnått, ● Delvis
uppnått, ▲ Ej uppnått, ◊ Kan ej bedömas), so that a plot reads in greyscale too; the colours,
shapes and labels come from the core (:func:`styrkort.status_colour` and friends).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from styrkort._styrkort import status_colour, status_label, status_shape, statuses

if TYPE_CHECKING:
    from styrkort._styrkort import Report

#: The matplotlib marker of each shape of the legend.
MARKERS = {"■": "s", "●": "o", "▲": "^", "◊": "D"}
#: How each sex's line is drawn.
SEX_LINES = {"T": ("Totalt", "-"), "K": ("Kvinnor", "--"), "M": ("Män", ":")}
#: The ink of lines and edges, and the colour of targets (the report's heading blue).
INK, TARGET = "#1b1b1b", "#00457c"


def _axes(ax: Any) -> Any:
    """The axes to draw on: the one given, or a new figure's."""
    if ax is not None:
        return ax
    try:
        from matplotlib import pyplot
    except ImportError as error:
        raise ImportError("matplotlib is needed to plot: pip install 'styrkort[plot]'") from error
    return pyplot.subplots(figsize=(8, 4))[1]


def legend_entry(status: str) -> str:
    """"■ Uppnått": a status's shape and label."""
    return f"{status_shape(status)} {status_label(status)}"


def plot_statuses(report: Report, ax: Any = None) -> Any:
    """One horizontal bar per perspective, stacked by the reported status of its goals."""
    ax = _axes(ax)
    perspectives = report.rollup().perspectives
    names = [perspective.name for perspective in perspectives]
    positions = list(range(len(perspectives)))
    left = [0] * len(perspectives)
    for status in statuses():
        counts = [p.goals.to_dict()[status] for p in perspectives]
        bars = ax.barh(
            positions,
            counts,
            left=left,
            color=status_colour(status),
            edgecolor=INK,
            linewidth=0.5,
            label=legend_entry(status),
        )
        ax.bar_label(bars, labels=[str(c) if c else "" for c in counts], label_type="center", color="white")
        left = [a + b for a, b in zip(left, counts)]
    ax.set_yticks(positions, names)
    ax.invert_yaxis()
    ax.set_xlabel("Antal strategiska mål")
    ax.set_title(f"Måluppfyllelse {report.period}: {report.unit_name}")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    return ax


def plot_measure(report: Report, measure: str, ax: Any = None) -> Any:
    """A measure's values over the periods observed, one line per sex, each period's target
    value as a bar across it, and each value marked with its status's colour and shape."""
    points = report.measure_series(measure)
    ax = _axes(ax)
    periods = sorted({period for period, *_ in points})
    x = {period: position for position, period in enumerate(periods)}
    sexes = [sex for sex in SEX_LINES if any(point[1] == sex for point in points)]
    for sex in sexes:
        label, style = SEX_LINES[sex]
        values = [(x[period], float(value)) for period, s, value, _, _ in points if s == sex and value is not None]
        if values:
            ax.plot(*zip(*values), linestyle=style, color=INK, label=label, zorder=1)
    for sex in sexes:
        label, style = SEX_LINES[sex]
        targets = [(x[period], float(target)) for period, s, _, target, _ in points if s == sex and target is not None]
        if targets:
            at, level = zip(*targets)
            ax.hlines(level, [a - 0.3 for a in at], [a + 0.3 for a in at], colors=TARGET, linestyles=style,
                      linewidth=2, label=f"Mål, {label.lower()}", zorder=2)
    for period, _, value, _, status in points:
        if value is not None:
            ax.plot(x[period], float(value), linestyle="none", marker=MARKERS[status_shape(status)], markersize=9,
                    color=status_colour(status), markeredgecolor=INK, zorder=3)
    for status in statuses():
        ax.plot([], [], linestyle="none", marker=MARKERS[status_shape(status)], color=status_colour(status),
                markeredgecolor=INK, label=legend_entry(status))
    plan = report.scorecard.measure(measure)
    ax.set_xticks(range(len(periods)), periods)
    ax.set_title(plan.name if plan is not None else measure, fontsize="medium")
    ax.set_ylabel(plan.unit if plan is not None else "")
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    return ax

"""The pictures: statuses per perspective as stacked bars in the report's colours, shapes and
labels; one measure's values over the periods, per sex, against its targets."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from matplotlib import colors  # noqa: E402
from matplotlib import pyplot  # noqa: E402

from decimal import Decimal  # noqa: E402

import styrkort  # noqa: E402
from conftest import REPO  # noqa: E402


def test_statuses_per_perspective_as_stacked_bars(report: styrkort.Report) -> None:
    ax = report.plot()
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["■ Uppnått", "● Delvis uppnått", "▲ Ej uppnått", "◊ Kan ej bedömas"]
    assert [label.get_text() for label in ax.get_yticklabels()] == [p.name for p in report.scorecard.perspectives]
    for container, status in zip(ax.containers, styrkort.statuses(), strict=True):
        counts = [p.goals.to_dict()[status] for p in report.rollup().perspectives]
        assert [bar.get_width() for bar in container] == counts
        assert all(colors.to_hex(bar.get_facecolor()) == styrkort.status_colour(status) for bar in container)
    assert sum(bar.get_width() for c in ax.containers for bar in c) == len(report.scorecard.goals)
    pyplot.close("all")


def test_one_measure_over_the_periods_per_sex() -> None:
    scorecard = styrkort.Scorecard.load(REPO / "examples" / "minimal.toml")
    values = {"2020-DÅ04": (17.1, 17.9), "2021-DÅ04": (16.3, 17.0), "2021-DÅ08": (15.8, 17.4)}
    observations = [
        {"measure": "M1", "period": period, "sex": sex, "value": value}
        for period, pair in values.items()
        for sex, value in zip("KM", pair)
    ]
    report = scorecard.assess(observations, "2021-DÅ08")
    points = report.measure_series("M1")
    assert [(p[0], p[1], float(p[2])) for p in points] == [
        (period, sex, value) for period, pair in values.items() for sex, value in zip("KM", pair)
    ]
    now = {sex: (target, status) for period, sex, _, target, status in points if period == "2021-DÅ08"}
    assert now == {"K": (Decimal("16.0"), "achieved"), "M": (Decimal("17.2"), "partially_achieved")}
    ax = report.plot_measure("M1")
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert labels[:2] == ["Kvinnor", "Män"] and "■ Uppnått" in labels
    assert [tick.get_text() for tick in ax.get_xticklabels()] == list(values)
    assert ax.get_title() == "Oplanerade återinskrivningar inom 30 dagar, 65 år och äldre (%)"
    pyplot.close("all")


def test_a_plot_draws_on_the_axes_given(report: styrkort.Report) -> None:
    figure, ax = pyplot.subplots()
    assert report.plot(ax=ax) is ax
    pyplot.close(figure)

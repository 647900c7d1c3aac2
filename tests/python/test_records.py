"""The report's records as Arrow, pandas and polars: every field of the core's record, one
row per measure × unit × period × sex, categoricals for the repeated texts, exact decimals."""

from __future__ import annotations

import json
from decimal import Decimal

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import styrkort
from conftest import assert_rows_are_records


def test_every_row_is_the_core_record_of_the_bundled_example(report: styrkort.Report) -> None:
    assert_rows_are_records(report.to_arrow().to_pylist(), json.loads(report.to_json()))


def test_the_report_is_an_arrow_stream_of_its_records(report: styrkort.Report) -> None:
    assert pa.table(report).equals(report.to_arrow())
    assert pl.DataFrame(report).shape == (len(report), 31)


def test_status_trend_and_sex_are_categoricals_with_every_code(report: styrkort.Report) -> None:
    frame = report.to_pandas()
    assert list(frame["status"].cat.categories) == styrkort.statuses()
    assert list(frame["trend"].cat.categories) == ["improved", "unchanged", "worsened", "none"]
    assert list(frame["sex"].cat.categories) == ["T", "K", "M"]
    assert list(frame["status_label"].cat.categories) == ["Uppnått", "Delvis uppnått", "Ej uppnått", "Kan ej bedömas"]
    assert list(frame["measure"].cat.categories) == [m.id for m in report.scorecard.measures]
    assert "ej_publicerad" in frame["reason"].cat.categories and "no_data" in frame["reason"].cat.categories
    assert "relative_change" in frame["rule"].cat.categories
    assert frame["explanation"].dtype == "str" and frame["value_text"].dtype == "str"


def test_decimals_are_exact_decimal128_columns(report: styrkort.Report) -> None:
    table = report.to_arrow()
    for column in ["value", "target_value", "target_low", "base", "reference"]:
        assert pa.types.is_decimal128(table.schema.field(column).type), column
    frame = report.to_pandas()
    values = [value for value in frame["value"] if value is not pd.NA]
    assert values and all(isinstance(value, Decimal) for value in values)
    polars = report.to_polars()
    assert polars.schema["value"] == pl.Decimal(38, table.schema.field("value").type.scale)


def test_a_pivot_of_statuses_per_perspective_counts_every_row(report: styrkort.Report) -> None:
    frame = report.to_pandas()
    pivot = frame.pivot_table(index="perspective", columns="status", values="measure", aggfunc="count", observed=False)
    assert list(pivot.columns) == styrkort.statuses()
    assert int(pivot.to_numpy().sum()) == len(report)


def test_columns_can_be_asked_for_by_name(report: styrkort.Report) -> None:
    frame = report.to_pandas(["measure", "status", "value"])
    assert list(frame.columns) == ["measure", "status", "value"]
    assert frame["status"].tolist() == report.to_pandas()["status"].tolist()
    with pytest.raises(ValueError, match="no column 'colour' in the records: expected one of perspective, goal"):
        report.to_arrow(["colour"])


def test_every_unit_and_sex_of_a_golden_case_is_a_row() -> None:
    from conftest import CASES

    scorecard = styrkort.Scorecard.load(CASES / "units-and-sexes" / "plan.toml")
    report = scorecard.assess(CASES / "units-and-sexes" / "observations.csv", "2021-DÅ04")
    frame = report.to_polars()
    assert frame["unit"].null_count() > 0, "the organisation's rows have no unit"
    assert set(frame["unit"].drop_nulls().unique()) == {unit.id for unit in scorecard.units}
    assert frame.height == len(report) == len(json.loads(report.to_json()))


def test_the_summary_counts_goals_per_perspective_with_the_sentences(report: styrkort.Report) -> None:
    summary = report.summary()
    assert list(summary.columns) == [
        "perspective", "name", "achieved", "partially_achieved", "not_achieved", "not_assessed", "goals", "sentence",
    ]  # fmt: skip
    assert summary["goals"].tolist() == [4, 4, 4, 4, 4, 20]
    assert summary.iloc[-1][["achieved", "partially_achieved", "not_achieved"]].tolist() == [1, 18, 1]
    assert summary.iloc[-1]["sentence"] == report.rollup().sentence
    assert report.summary(backend="polars").height == 6


def test_the_roll_up_of_goals_with_their_judgements(report: styrkort.Report) -> None:
    rollup = report.rollup()
    assert len(rollup.goals) == 20 and len(rollup.perspectives) == 5
    judged = [goal for goal in rollup.goals if goal.judgement is not None]
    assert len(judged) == 20 and all(goal.reported == goal.judgement.status for goal in judged)  # type: ignore[union-attr]
    assert any(goal.differs for goal in rollup.goals)
    assert rollup.goal(rollup.goals[0].id) is not None and rollup.goal("nej") is None
    assert rollup.forecast_sentence is not None and rollup.forecast_sentence.startswith("Prognosen")


def test_the_reported_status_is_the_verdict_recorded_on_the_measure(report: styrkort.Report) -> None:
    frame = report.to_pandas()
    assert list(frame["reported_status"].cat.categories) == styrkort.statuses()
    rows = frame[(frame["measure"] == "VER-2-F2-M1") & frame["unit"].isna()].set_index("sex")
    assert rows.loc["K", "reported_status"] == "not_achieved"
    assert rows.loc["K", "verdict_motivation"] == "Andelen kvinnor når inte målnivån men värdet är högre än referensvärdet."
    assert rows.loc["M", "reported_status"] == "achieved"
    # Without a verdict the reported status is the computed one, and there is no motivation.
    unjudged = frame[frame["verdict_motivation"].isna()]
    assert len(unjudged) < len(frame)
    assert (unjudged["reported_status"].astype(str) == unjudged["status"].astype(str)).all()


def test_the_analysis_texts_of_the_judgement_file_are_in_the_report(report: styrkort.Report) -> None:
    analyses = report.analyses
    assert len(analyses) == 54 and all(set(a) == {"of", "period", "text"} for a in analyses)
    first = next(a for a in analyses if a["of"] == "SAM-2-F2-M1")
    assert first["period"] == "2020-DÅ04" and first["text"].startswith("Arbetet med att ta fram en överenskommelse")
    assert first["text"] in report.to_html() and first["text"] in report.to_markdown()


def test_a_judgement_file_as_toml_or_as_a_dict_gives_the_same_report(example: styrkort.Example) -> None:
    from conftest import EXAMPLE

    from_file = example.scorecard.assess(
        example.observations, example.period, judgements=EXAMPLE / "judgements-2020-DÅ04.toml"
    )
    as_dict = {"judgements": list(example.judgements), "analyses": [dict(a) for a in example.analyses]}
    from_dict = example.scorecard.assess(example.observations, example.period, judgements=as_dict)
    assert from_file.analyses == from_dict.analyses == example.analyses
    assert from_file.to_html() == from_dict.to_html()
    with pytest.raises(styrkort.JudgementError):
        example.scorecard.assess(
            example.observations, example.period, judgements={"analyses": [{"of": "X", "period": "2020-DÅ04"}]}
        )


def test_csv_for_swedish_excel(report: styrkort.Report) -> None:
    excel = report.to_csv(excel=True)
    assert excel.startswith("\ufeffperspective;goal;success_factor;") and excel.endswith("\r\n")
    assert excel.count("\r\n") == excel.count("\n")
    plain = report.to_csv()
    assert plain.startswith("perspective,goal,") and "\r" not in plain
    assert plain.splitlines()[0].endswith(",reported_status,verdict_motivation")

"""Every problem is a StyrkortError of the class of its kind, with the core's message and the
location of the first problem as attributes (file, line, column, row, field, span) and every
problem in ``diagnostics``."""

from __future__ import annotations

import pickle
from pathlib import Path

import pandas as pd
import pyarrow as pa
import polars as pl
import pytest

import styrkort
from conftest import CASES

CASE = CASES / "units-and-sexes"
PERIOD = "2021-DÅ04"
CLASSES = {
    "target_syntax": styrkort.TargetParseError,
    "scorecard": styrkort.ScorecardError,
    "observations": styrkort.ObservationError,
    "judgements": styrkort.JudgementError,
    "rules": styrkort.RulesError,
    "period": styrkort.PeriodError,
    "unknown_unit": styrkort.UnknownUnitError,
    "value": styrkort.InvalidValueError,
    "io": styrkort.FileError,
    "write": styrkort.WriteError,
    "report_options": styrkort.ReportOptionsError,
}


@pytest.fixture(scope="module")
def scorecard() -> styrkort.Scorecard:
    return styrkort.Scorecard.load(CASE / "plan.toml")


def rows(**changes: object) -> list[dict[str, object]]:
    value = changes.get("value", "2,5")
    row = {"unit": "norr", "measure": "budget", "period": PERIOD, "sex": "T", "value": "2,5" if isinstance(value, str) else 2.5}
    return [row, {**row, "unit": "syd", **changes}]


def test_one_class_per_kind_with_its_stable_code() -> None:
    for code, (kind, cls) in enumerate(CLASSES.items(), start=1):
        assert issubclass(cls, styrkort.StyrkortError) and cls is not styrkort.StyrkortError
        assert (cls.kind, cls.code) == (kind, code)
    assert issubclass(styrkort.StyrkortError, Exception)


def test_a_strict_target_names_the_bytes_and_what_was_expected() -> None:
    with pytest.raises(styrkort.TargetParseError) as raised:
        styrkort.parse_target("Minska med", strict=True)
    error = raised.value
    assert str(error) == "bytes 10..10: expected a number after 'Minska med' in 'Minska med'"
    assert (error.span, error.file) == ((10, 10), None)
    assert error.diagnostics[0].message == "expected a number after 'Minska med' in 'Minska med'"


def test_a_scorecard_file_names_the_line_and_column(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text('schema = 1\norganisation = "Region X"\nname = 3\nyears = [2021, 2021]\n', encoding="utf-8")
    with pytest.raises(styrkort.ScorecardError) as raised:
        styrkort.Scorecard.load(plan)
    error = raised.value
    assert (error.file, error.line, error.column) == (str(plan), 3, 8)
    assert str(error).startswith(f"{plan}:3:8: name: invalid type: integer `3`")


def test_a_scorecard_text_lists_every_problem() -> None:
    text = (CASE / "plan.toml").read_text(encoding="utf-8").replace('perspective = "medborgare"', 'perspective = "x"')
    with pytest.raises(styrkort.ScorecardError, match="<scorecard>:[0-9]+:[0-9]+: unknown perspective 'x'") as raised:
        styrkort.Scorecard.from_toml(text)
    assert raised.value.file == "<scorecard>" and len(raised.value.diagnostics) >= 1


def test_a_bad_value_in_a_data_frame_names_its_row_and_column(scorecard: styrkort.Scorecard) -> None:
    frame = pd.DataFrame(rows(value="åttio"))
    with pytest.raises(styrkort.ObservationError) as raised:
        scorecard.assess(frame, PERIOD)
    error = raised.value
    assert (error.row, error.column, error.field, error.line) == (1, 5, "value", None)
    assert str(error) == (
        "DataFrame: row 1: column 'value': 'åttio' is not a number: "
        "expected digits with a decimal comma or point, such as 16,9"
    )


def test_a_polars_frame_and_a_list_of_dicts_say_the_same(scorecard: styrkort.Scorecard) -> None:
    with pytest.raises(styrkort.ObservationError, match=r"^DataFrame: row 1: column 'sex': 'X' is not a sex") as raised:
        scorecard.assess(pl.DataFrame(rows(sex="X")), PERIOD)
    assert (raised.value.row, raised.value.column) == (1, 4)
    with pytest.raises(styrkort.ObservationError, match=r"^records: row 1: \[1\]\.sex: 'X' is not a sex") as raised:
        scorecard.assess(rows(sex="X"), PERIOD)
    assert (raised.value.row, raised.value.field) == (1, "sex")


def test_observations_that_do_not_fit_the_scorecard_are_located(scorecard: styrkort.Scorecard) -> None:
    with pytest.raises(styrkort.ObservationError) as raised:
        scorecard.assess(pd.DataFrame(rows(measure="okänt")), PERIOD)
    error = raised.value
    assert (error.row, error.column, error.field) == (1, 2, "measure")
    assert "unknown measure 'okänt'" in str(error)
    problems = scorecard.check(pd.DataFrame(rows(measure="okänt", sex="K")))
    assert [(p.row, p.field) for p in problems] == [(1, "measure")]
    assert scorecard.check(pd.DataFrame(rows())) == []


def test_every_problem_of_every_row_is_listed(scorecard: styrkort.Scorecard) -> None:
    frame = pd.DataFrame(rows(value="x", period="2021-DÅ13") + rows(sex="Q"))
    with pytest.raises(styrkort.ObservationError) as raised:
        scorecard.assess(frame, PERIOD)
    # The core orders problems by line and column, then row: a data frame has no lines.
    assert [(d.row, d.field) for d in raised.value.diagnostics] == [(1, "period"), (3, "sex"), (1, "value")]
    assert len(str(raised.value).splitlines()) == 3


def test_a_csv_file_names_its_line(scorecard: styrkort.Scorecard, tmp_path: Path) -> None:
    path = tmp_path / "utfall.csv"
    path.write_text("unit,measure,period,sex,value\nnorr,budget,2021-DÅ04,T,tre\n", encoding="utf-8")
    with pytest.raises(styrkort.ObservationError) as raised:
        scorecard.assess(path, PERIOD)
    error = raised.value
    assert (error.file, error.line, error.column, error.row) == (str(path), 2, 5, 0)


def test_columns_a_frame_cannot_have(scorecard: styrkort.Scorecard) -> None:
    with pytest.raises(styrkort.ObservationError, match="unknown column 'colour'") as raised:
        scorecard.assess(pd.DataFrame(rows()).assign(colour="blå"), PERIOD)
    assert raised.value.column == 6
    dated = pd.DataFrame(rows()).assign(period=pd.Timestamp("2021-04-30"))
    with pytest.raises(styrkort.ObservationError, match="column 'period' is of type Timestamp") as raised:
        scorecard.assess(dated, PERIOD)
    assert (raised.value.column, raised.value.field) == (3, "period")


def test_an_infinite_float_is_not_a_number(scorecard: styrkort.Scorecard) -> None:
    with pytest.raises(styrkort.ObservationError, match="'inf' is not a number") as raised:
        scorecard.assess(pd.DataFrame(rows(value=float("inf"))), PERIOD)
    assert raised.value.row == 1


def test_a_record_that_is_not_a_dict_or_has_an_unknown_key(scorecard: styrkort.Scorecard) -> None:
    with pytest.raises(styrkort.ObservationError) as raised:
        scorecard.assess([*rows(), 42, {**rows()[0], "färg": "blå"}], PERIOD)
    assert [str(d) for d in raised.value.diagnostics] == [
        "records: row 2: [2]: expected a dict, not int",
        "records: row 3: [3]: unknown key `färg`: expected the keys "
        "unit,measure,period,sex,value,numerator,denominator,state,reference,missing,note,change",
    ]


def test_judgements_that_do_not_fit(scorecard: styrkort.Scorecard) -> None:
    judgement = {"goal": "G9", "period": PERIOD, "status": "uppnått", "motivation": "Bra."}
    with pytest.raises(styrkort.JudgementError, match="unknown goal 'G9'") as raised:
        scorecard.assess(rows(), PERIOD, judgements=[judgement])
    assert raised.value.file == "judgements"
    text = '[[judgements]]\ngoal = "G1"\nperiod = "2021-DÅ04"\nstatus = "grön"\nmotivation = "Bra."\n'
    with pytest.raises(styrkort.JudgementError) as raised:
        scorecard.assess(rows(), PERIOD, judgements=text)
    assert (raised.value.file, raised.value.line) == ("<judgements>", 4)


def test_rules_name_the_setting() -> None:
    with pytest.raises(styrkort.RulesError, match="^partial_band = 2 is out of range") as raised:
        styrkort.RuleSet(partial_band=2)
    assert raised.value.field == "partial_band"
    with pytest.raises(styrkort.RulesError, match="unknown field `band`") as raised:
        styrkort.RuleSet(band="0.1")
    with pytest.raises(styrkort.RulesError) as raised:
        styrkort.RuleSet(rollup={"partial_weight": 2})
    assert raised.value.field == "rollup.partial_weight"
    with pytest.raises(styrkort.RulesError) as raised:
        styrkort.RuleSet.from_toml("trend_band = 0\npartial_band = \"-0,2\"\n")
    assert (raised.value.file, raised.value.line, raised.value.column) == ("<rules>", 2, 16)


def test_a_period_a_unit_a_status_and_a_file(scorecard: styrkort.Scorecard) -> None:
    with pytest.raises(styrkort.PeriodError, match="'2021-DÅ13' is not a period"):
        scorecard.assess(rows(), "2021-DÅ13")
    with pytest.raises(styrkort.UnknownUnitError, match="unknown unit 'öst'"):
        scorecard.assess(rows(), PERIOD, unit="öst")
    with pytest.raises(styrkort.InvalidValueError, match="'grön' is not a status"):
        styrkort.status_colour("grön")
    with pytest.raises(styrkort.FileError, match="cannot read") as raised:
        styrkort.Scorecard.load("/nonexistent/plan.toml")
    assert raised.value.file == "/nonexistent/plan.toml"


def test_an_error_travels_to_another_process_with_its_location(scorecard: styrkort.Scorecard) -> None:
    with pytest.raises(styrkort.ObservationError) as raised:
        scorecard.assess(pd.DataFrame(rows(value="åttio")), PERIOD)
    back = pickle.loads(pickle.dumps(raised.value))
    assert type(back) is styrkort.ObservationError
    assert (str(back), back.row, back.column, back.field) == (str(raised.value), 1, 5, "value")
    assert back.diagnostics == raised.value.diagnostics


def test_a_large_table_read_in_parts_says_the_same(large: tuple[styrkort.Scorecard, pa.Table]) -> None:
    scorecard, table = large
    row = 450_000  # in the second part
    for column, bad, message in [
        ("value", "åttio", "column 'value': 'åttio' is not a number"),
        ("measure", "okänt", "column 'measure': unknown measure 'okänt'"),
    ]:
        values = [str(value) for value in table.column(column).to_pylist()]
        values[row] = bad
        changed = table.set_column(table.schema.get_field_index(column), column, pa.array(values, type=pa.string()))
        with pytest.raises(styrkort.ObservationError) as raised:
            scorecard.assess(changed, "2021-DÅ04")
        error = raised.value
        assert (error.row, error.column, error.field) == (row, table.column_names.index(column) + 1, column)
        assert str(error).startswith(f"Table: row {row}: {message}")

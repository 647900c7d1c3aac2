"""Observations from everything a notebook has: a CSV or JSON file, pandas and polars
DataFrames, pyarrow Tables and RecordBatchReaders (through ``__arrow_c_stream__``), a list of
dicts, or Observations read before; with nulls, categoricals and text columns; values as
Decimal, int, float or text. Every input gives the same records as the CSV file."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.csv
import pytest

import styrkort
from conftest import CASES

CASE = CASES / "units-and-sexes"
PERIOD = "2021-DÅ04"


@pytest.fixture(scope="module")
def scorecard() -> styrkort.Scorecard:
    return styrkort.Scorecard.load(CASE / "plan.toml")


@pytest.fixture(scope="module")
def expected(scorecard: styrkort.Scorecard) -> str:
    """The records of the CSV file, the reference every other input must give."""
    return scorecard.assess(str(CASE / "observations.csv"), PERIOD).to_json()


def frame() -> pd.DataFrame:
    """The case's observations as pandas reads the CSV: floats with NaN, text with NaN."""
    return pd.read_csv(CASE / "observations.csv")


INPUTS: dict[str, Any] = {
    "CSV path as str": lambda: str(CASE / "observations.csv"),
    "CSV path as pathlib.Path": lambda: CASE / "observations.csv",
    "pandas, as read_csv gives it": frame,
    "pandas, categoricals": lambda: frame().astype({c: "category" for c in ["unit", "measure", "sex", "state", "missing"]}),
    "pandas, object columns": lambda: frame().astype(object),
    "pandas, every column as text": lambda: pd.read_csv(CASE / "observations.csv", dtype=str),
    "pandas, an index of its own": lambda: frame().set_axis([f"rad {i}" for i in range(9)]),
    "pandas, a named index": lambda: frame().rename_axis("rad"),
    "pandas, measure as the index": lambda: frame().set_index("measure"),
    "pyarrow Table from read_csv": lambda: pyarrow.csv.read_csv(CASE / "observations.csv"),
    "pyarrow Table, dictionary columns": lambda: pyarrow.csv.read_csv(
        CASE / "observations.csv",
        convert_options=pyarrow.csv.ConvertOptions(auto_dict_encode=True, auto_dict_max_cardinality=100),
    ),
    "pyarrow RecordBatchReader, several batches": lambda: pyarrow.csv.read_csv(CASE / "observations.csv").to_reader(max_chunksize=4),
    "polars, as read_csv gives it": lambda: pl.read_csv(CASE / "observations.csv"),
    "polars, categoricals": lambda: pl.read_csv(CASE / "observations.csv").with_columns(
        pl.col("unit", "measure", "sex").cast(pl.Categorical)
    ),
    "a list of dicts from pandas, NaN for none": lambda: frame().to_dict("records"),
    "a list of dicts without the empty keys": lambda: [
        {key: value for key, value in row.items() if not pd.isna(value)} for row in frame().to_dict("records")
    ],
}


@pytest.mark.parametrize("kind", INPUTS)
def test_every_input_gives_the_records_of_the_csv_file(scorecard: styrkort.Scorecard, expected: str, kind: str) -> None:
    assert scorecard.assess(INPUTS[kind](), PERIOD).to_json() == expected


def test_a_column_of_decimals_gives_the_same_statuses_and_values(scorecard: styrkort.Scorecard) -> None:
    texts = pd.read_csv(CASE / "observations.csv", dtype=str)["value"]
    decimals = frame().assign(value=[None if pd.isna(text) else Decimal(text) for text in texts])
    got = scorecard.assess(decimals, PERIOD).to_pandas(["measure", "unit", "sex", "status", "trend", "value"])
    want = scorecard.assess(CASE / "observations.csv", PERIOD).to_pandas(["measure", "unit", "sex", "status", "trend", "value"])
    # An Arrow decimal column has one scale (here 1): the values are equal, 80 reads as 80.0.
    assert got.astype(object).equals(want.astype(object))


def test_observations_read_once_assess_again(scorecard: styrkort.Scorecard, expected: str) -> None:
    observations = scorecard.observations(frame())
    assert len(observations) == 9
    assert scorecard.assess(observations, PERIOD).to_json() == expected
    assert styrkort.Observations(pl.read_csv(CASE / "observations.csv")) == observations


def test_observations_from_a_json_file(scorecard: styrkort.Scorecard, expected: str, tmp_path: Path) -> None:
    path = tmp_path / "utfall.json"
    path.write_text(scorecard.observations(frame()).to_json(), encoding="utf-8")
    assert scorecard.assess(path, PERIOD).to_json() == expected


def value_of(data: Any) -> Any:
    """The value recorded for one observation of the case's budget measure (a count)."""
    scorecard = styrkort.Scorecard.load(CASE / "plan.toml")
    report = scorecard.assess(data, PERIOD, unit="norr")
    record = next(r for r in json.loads(report.to_json()) if r["measure"] == "budget")
    return record["value"]


def budget(value: Any) -> list[dict[str, Any]]:
    return [{"unit": "norr", "measure": "budget", "period": PERIOD, "sex": "T", "value": value}]


@pytest.mark.parametrize(
    ("given", "recorded"),
    [
        (Decimal("16.30"), "16.30"),
        (Decimal("0.1234567890123456789012345678"), "0.1234567890123456789012345678"),
        (Decimal("-1E+3"), "-1000"),
        (72, "72"),
        (10**20, "100000000000000000000"),
        (16.3, "16.3"),
        (72.0, "72"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e22, "10000000000000000000000"),
        ("16,3", "16.3"),
        ("35 000", "35000"),
    ],
)
def test_values_as_decimal_int_float_or_text(given: Any, recorded: str) -> None:
    assert value_of(budget(given)) == recorded
    if not (isinstance(given, int) and given > 2**63):  # more than pandas' int64 holds
        assert value_of(pd.DataFrame(budget(given))) == recorded


def test_a_decimal_column_keeps_every_digit() -> None:
    exact = [Decimal("0.1234567890123456789012345678")]
    table = pa.table(
        {
            "unit": ["norr"],
            "measure": ["budget"],
            "period": [PERIOD],
            "sex": ["T"],
            "value": pa.array(exact, type=pa.decimal128(38, 28)),
        }
    )
    assert value_of(table) == "0.1234567890123456789012345678"
    assert value_of(pl.from_arrow(table)) == "0.1234567890123456789012345678"


def test_nan_and_none_are_empty_cells(scorecard: styrkort.Scorecard) -> None:
    rows = budget(float("nan"))
    rows[0]["missing"] = "ej_mätt"
    report = scorecard.assess(rows, PERIOD, unit="norr")
    record = next(r for r in json.loads(report.to_json()) if r["measure"] == "budget")
    assert (record["status"], record["reason"], record["value"]) == ("not_assessed", "ej_mätt", None)


def test_a_wrong_kind_of_input_is_a_type_error(scorecard: styrkort.Scorecard) -> None:
    with pytest.raises(TypeError, match="observations: expected a path, a DataFrame or Arrow table"):
        scorecard.assess(42, PERIOD)


def test_a_decimal_comes_back_exactly_in_every_frame() -> None:
    scorecard = styrkort.Scorecard.load(CASE / "plan.toml")
    given = Decimal("0.1234567890123456789012345678")
    report = scorecard.assess(budget(given), PERIOD, unit="norr")
    budget_row = [r["measure"] for r in json.loads(report.to_json())].index("budget")
    assert report.to_arrow(["value"]).column("value")[budget_row].as_py() == given
    assert report.to_pandas(["value"])["value"].iloc[budget_row] == given
    assert report.to_polars(["value"])["value"][budget_row] == given
    assert report.measure_series("budget")[0][2] == given

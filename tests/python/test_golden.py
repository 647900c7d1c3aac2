"""The golden cases every binding runs give, through Python, exactly the records of their
expected.json: the same JSON as the Rust suite's, and the same rows through Arrow."""

from __future__ import annotations

import json

import pyarrow as pa

import styrkort
from conftest import Case, assert_rows_are_records


def assessed(case: Case) -> styrkort.Report:
    scorecard = styrkort.Scorecard.load(case.plan)
    return scorecard.assess(str(case.observations), case.period)


def test_the_records_json_is_the_expected_json(case: Case) -> None:
    expected = json.loads(case.expected.read_text(encoding="utf-8"))
    assert json.loads(assessed(case).to_json()) == expected


def test_every_arrow_row_is_the_expected_record(case: Case) -> None:
    expected = json.loads(case.expected.read_text(encoding="utf-8"))
    assert_rows_are_records(pa.table(assessed(case)).to_pylist(), expected)

"""Shared fixtures: the repository's paths, the golden cases and the bundled example."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import styrkort

REPO = Path(__file__).resolve().parents[2]
CASES = REPO / "tests" / "fixtures" / "cases"
EXAMPLE = REPO / "examples" / "norrbotten-2020"


@dataclass(frozen=True)
class Case:
    """A golden case of tests/fixtures/cases: plan, observations, period and expected records."""

    name: str
    path: Path

    @property
    def plan(self) -> Path:
        return self.path / "plan.toml"

    @property
    def observations(self) -> Path:
        return self.path / "observations.csv"

    @property
    def period(self) -> str:
        return tomllib.loads((self.path / "case.toml").read_text(encoding="utf-8"))["period"]

    @property
    def expected(self) -> Path:
        return self.path / "expected.json"


GOLDEN = [Case(path.name, path) for path in sorted(CASES.iterdir()) if path.is_dir()]


@pytest.fixture(params=GOLDEN, ids=[case.name for case in GOLDEN])
def case(request: pytest.FixtureRequest) -> Case:
    """Each golden case in turn."""
    return request.param


@pytest.fixture(scope="session")
def example() -> styrkort.Example:
    """The bundled example, Region Norrbotten April 2020."""
    return styrkort.example()


@pytest.fixture(scope="session")
def report(example: styrkort.Example) -> styrkort.Report:
    """The bundled example assessed with its judgements."""
    return example.scorecard.assess(example.observations, example.period, judgements=example.judgements)


def assert_rows_are_records(rows: list[dict[str, Any]], records: list[dict[str, Any]]) -> None:
    """Rows of the Arrow table are the records of the JSON: the same fields in the same order,
    the same texts, and decimals equal to the JSON's decimal texts."""
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert list(row) == list(record), "the columns are the record's fields, in its order"
        for field, want in record.items():
            got = row[field]
            where = (record["measure"], record["unit"], record["sex"], field)
            if isinstance(got, Decimal):
                assert want is not None and got == Decimal(want), where
            else:
                assert got == want, where

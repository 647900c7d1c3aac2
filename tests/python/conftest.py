"""Shared fixtures: the repository's paths, the golden cases and the bundled example."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
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
    """The bundled example assessed with its judgement file: its judgements and analysis texts."""
    judgements = {"judgements": example.judgements, "analyses": example.analyses}
    return example.scorecard.assess(example.observations, example.period, judgements=judgements)


@pytest.fixture(scope="session")
def large() -> tuple[styrkort.Scorecard, pa.Table]:
    """A plan of 100 measures split by sex and 1 250 units, and 500 000 observations of it:
    enough for the readers to work in parts and for long work to be seen."""
    measures, units = 100, 1250
    plan = 'schema = 1\norganisation = "Region X"\nname = "Plan"\nyears = [2021, 2021]\n'
    plan += '[[goals]]\nid = "G"\nperspective = "verksamhet"\nname = "Mål"\n'
    plan += '[[success_factors]]\nid = "F"\ngoal = "G"\nname = "Faktor"\n'
    plan += "".join(f'[[units]]\nid = "u{u}"\nname = "Enhet {u}"\n' for u in range(units))
    plan += "".join(
        f'[[measures]]\nid = "m{m}"\nsuccess_factor = "F"\nname = "Mått {m}"\nunit = "percent"\n'
        f'sexes = ["K", "M"]\ntargets = {{ 2021 = "72 %" }}\n'
        for m in range(measures)
    )
    cells = measures * units * 2
    table = pa.table(
        {
            "unit": np.tile(np.repeat([f"u{u}" for u in range(units)], measures * 2), 2),
            "measure": np.tile(np.repeat([f"m{m}" for m in range(measures)], 2), units * 2),
            "period": np.repeat(["2020-DÅ04", "2021-DÅ04"], cells),
            "sex": np.tile(["K", "M"], cells),
            "value": np.round(np.random.default_rng(1).uniform(50, 90, cells * 2), 1),
        }
    )
    return styrkort.Scorecard.from_toml(plan), table


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

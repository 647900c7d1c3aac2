"""An assessment split by unit across a dask.distributed LocalCluster of worker processes
gives exactly the single-process result: every object travels by pickle."""

from __future__ import annotations

import pandas as pd
import pytest
from distributed import Client, LocalCluster

import styrkort
from conftest import CASES

CASE = CASES / "units-and-sexes"
PERIOD = "2021-DÅ04"


def assess(scorecard: styrkort.Scorecard, observations: styrkort.Observations, unit: object) -> pd.DataFrame:
    """One unit's part, in a worker process."""
    return scorecard.assess(observations, PERIOD, rules=styrkort.RuleSet(), unit=unit).to_pandas()


@pytest.fixture(scope="module")
def client() -> Client:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


def test_split_by_unit_gives_exactly_the_single_process_result(client: Client) -> None:
    scorecard = styrkort.Scorecard.load(CASE / "plan.toml")
    observations = scorecard.observations(CASE / "observations.csv")
    single = scorecard.assess(observations, PERIOD).to_pandas()
    units = [styrkort.ORGANISATION, *(unit.id for unit in scorecard.units)]
    futures = client.map(assess, [scorecard] * len(units), [observations] * len(units), units)
    parts = client.gather(futures)
    workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2, "two worker processes"
    split = pd.concat(parts, ignore_index=True)
    # The parts' categoricals share their categories and stay categorical; a decimal column's
    # scale is each part's own, so decimals are compared as Decimal objects.
    decimals = {c: object for c in ["value", "target_value", "target_low", "base", "reference"]}
    order = ["measure", "unit", "sex"]
    single = single.astype(decimals).sort_values(order, na_position="first").reset_index(drop=True)
    split = split.astype(decimals).sort_values(order, na_position="first").reset_index(drop=True)
    pd.testing.assert_frame_equal(split, single)


def test_a_report_and_an_error_come_back_from_a_worker(client: Client) -> None:
    scorecard = styrkort.Scorecard.load(CASE / "plan.toml")
    report = client.submit(scorecard.assess, CASE / "observations.csv", PERIOD, unit="norr").result()
    assert report.unit == "norr" and report.to_html() == scorecard.assess(CASE / "observations.csv", PERIOD, unit="norr").to_html()
    future = client.submit(scorecard.assess, [{"measure": "budget", "period": PERIOD, "value": "x"}], PERIOD)
    with pytest.raises(styrkort.ObservationError) as raised:
        future.result()
    assert (raised.value.row, raised.value.field) == (0, "value")

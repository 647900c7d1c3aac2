"""Long work releases the GIL: while the main thread reads observations, assesses them or
builds the records table, another thread's Python keeps running. The check counts what the
other thread did during the call, against what it does alone; it times nothing for speed."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pytest

import styrkort

MEASURES, UNITS = 100, 1250


@pytest.fixture(scope="module")
def large() -> tuple[styrkort.Scorecard, pa.Table]:
    """A plan of 100 measures split by sex and 1 250 units, and 500 000 observations of it."""
    plan = 'schema = 1\norganisation = "Region X"\nname = "Plan"\nyears = [2021, 2021]\n'
    plan += '[[goals]]\nid = "G"\nperspective = "verksamhet"\nname = "Mål"\n'
    plan += '[[success_factors]]\nid = "F"\ngoal = "G"\nname = "Faktor"\n'
    plan += "".join(f'[[units]]\nid = "u{u}"\nname = "Enhet {u}"\n' for u in range(UNITS))
    plan += "".join(
        f'[[measures]]\nid = "m{m}"\nsuccess_factor = "F"\nname = "Mått {m}"\nunit = "percent"\n'
        f'sexes = ["K", "M"]\ntargets = {{ 2021 = "72 %" }}\n'
        for m in range(MEASURES)
    )
    cells = MEASURES * UNITS * 2
    table = pa.table(
        {
            "unit": np.tile(np.repeat([f"u{u}" for u in range(UNITS)], MEASURES * 2), 2),
            "measure": np.tile(np.repeat([f"m{m}" for m in range(MEASURES)], 2), UNITS * 2),
            "period": np.repeat(["2020-DÅ04", "2021-DÅ04"], cells),
            "sex": np.tile(["K", "M"], cells),
            "value": np.round(np.random.default_rng(1).uniform(50, 90, cells * 2), 1),
        }
    )
    return styrkort.Scorecard.from_toml(plan), table


def spin_rate() -> float:
    """How many rounds the counting loop makes per second with nothing else to do."""
    count, stop = [0], threading.Event()

    def spin() -> None:
        while not stop.is_set():
            count[0] += 1

    thread = threading.Thread(target=spin)
    thread.start()
    time.sleep(0.2)
    stop.set()
    thread.join()
    return count[0] / 0.2


def rounds_during(work: Callable[[], object]) -> tuple[int, float]:
    """The rounds of a counting thread while `work` runs in this one, and how long it ran."""
    count, stop = [0], threading.Event()

    def spin() -> None:
        while not stop.is_set():
            count[0] += 1

    thread = threading.Thread(target=spin)
    thread.start()
    time.sleep(0.05)
    before, start = count[0], time.perf_counter()
    work()
    rounds, elapsed = count[0] - before, time.perf_counter() - start
    stop.set()
    thread.join()
    return rounds, elapsed


def test_long_work_lets_other_threads_run(large: tuple[styrkort.Scorecard, pa.Table]) -> None:
    scorecard, table = large
    observations = styrkort.Observations(table)
    report = scorecard.assess(observations, "2021-DÅ04")
    rate = spin_rate()
    for name, work in {
        "reading observations": lambda: styrkort.Observations(table),
        "assessing": lambda: scorecard.assess(observations, "2021-DÅ04"),
        "building the records": lambda: report.to_arrow(["explanation"]),
    }.items():
        rounds, elapsed = rounds_during(work)
        # Holding the GIL, the call would leave the other thread at most a switch interval.
        assert elapsed > 10 * sys.getswitchinterval(), f"{name} is too short to tell"
        assert rounds > 0.2 * rate * elapsed, f"{name}: {rounds} rounds in {elapsed:.3f} s, {rate:.0f} a second alone"

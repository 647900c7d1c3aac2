"""Long work releases the GIL: while the main thread reads observations, assesses them or
builds the records table, another thread's Python keeps running. The check counts what the
other thread did during the call, against what it does alone; it times nothing for speed."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable

import pyarrow as pa
import pytest

import styrkort


def spin_rate() -> float:
    """How many rounds the counting loop makes per second with nothing else to do."""
    rounds, elapsed = rounds_during(lambda: time.sleep(0.2))
    return rounds / elapsed


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


def test_an_assessment_on_one_thread_or_several_is_the_same(large: tuple[styrkort.Scorecard, pa.Table]) -> None:
    scorecard, table = large
    observations = styrkort.Observations(table)
    one = scorecard.assess(observations, "2021-DÅ04", threads=1).to_arrow()
    for threads in (2, 3, None):
        assert scorecard.assess(observations, "2021-DÅ04", threads=threads).to_arrow() == one, threads
    with pytest.raises(ValueError, match="threads: expected 1 or more"):
        scorecard.assess(observations, "2021-DÅ04", threads=0)

"""The statuses are those of ``styrkort assess --format json`` on the bundled example."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import styrkort
from conftest import EXAMPLE, REPO


def cli(*args: str) -> str:
    """Runs the command line: the built binary when there is one, else through cargo."""
    built = REPO / "target" / "debug" / "styrkort"
    command = [os.environ.get("STYRKORT_CLI", str(built))] if built.exists() or "STYRKORT_CLI" in os.environ else None
    if command is None:
        cargo = shutil.which("cargo") or "cargo"
        command = [cargo, "run", "-q", "-p", "styrkort-cli", "--"]
    return subprocess.run([*command, *args], cwd=REPO, capture_output=True, text=True, check=True).stdout


def test_the_statuses_are_the_command_lines() -> None:
    plan, observations = EXAMPLE / "scorecard-2020.toml", EXAMPLE / "observations-2020-DÅ04.csv"
    judgements = EXAMPLE / "judgements-2020-DÅ04.toml"
    expected = json.loads(
        cli("assess", str(plan), str(observations), "--period", "2020-DÅ04", "-j", str(judgements), "--format", "json")
    )
    report = styrkort.Scorecard.load(plan).assess(observations, "2020-DÅ04", judgements=judgements)
    frame = report.to_pandas(["measure", "unit", "sex", "status", "reason", "trend"])
    got = [(r.measure, r.unit if isinstance(r.unit, str) else None, r.sex, r.status, r.reason if isinstance(r.reason, str) else None, r.trend) for r in frame.itertuples()]
    want = [(r["measure"], r["unit"], r["sex"], r["status"], r["reason"], r["trend"]) for r in expected]
    assert got == want
    assert json.loads(report.to_json()) == expected

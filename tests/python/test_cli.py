"""The statuses are those of ``styrkort assess --format json`` on the bundled example."""

from __future__ import annotations

import json
import os
import subprocess

import styrkort
from conftest import EXAMPLE, REPO


def cli(*args: str) -> str:
    """Runs the command line through cargo (which builds it when it is not up to date), or the
    binary that ``STYRKORT_CLI`` names."""
    command = [os.environ["STYRKORT_CLI"]] if "STYRKORT_CLI" in os.environ else ["cargo", "run", "-q", "-p", "styrkort-cli", "--"]
    return subprocess.run([*command, *args], cwd=REPO, capture_output=True, text=True, check=True).stdout


def test_the_statuses_are_the_command_lines() -> None:
    plan, observations = EXAMPLE / "scorecard-2020.toml", EXAMPLE / "observations-2020-DÅ04.csv"
    judgements = EXAMPLE / "judgements-2020-DÅ04.toml"
    expected = json.loads(
        cli("assess", str(plan), str(observations), "--period", "2020-DÅ04", "-j", str(judgements), "--format", "json")
    )
    report = styrkort.Scorecard.load(plan).assess(observations, "2020-DÅ04", judgements=judgements)
    table = report.to_arrow(["measure", "unit", "sex", "status", "reason", "trend", "reported_status"])
    want = [{key: record[key] for key in table.column_names} for record in expected]
    assert table.to_pylist() == want
    assert json.loads(report.to_json()) == expected


def test_a_target_is_what_styrkort_target_json_prints() -> None:
    texts = ["Minska med 50 % jmf 2019 (Halvering)", "100 % i dec", "K 16,0 % M 17,2 %", "I nivå med riket", "Sjuttio procent"]
    printed = [json.loads(line) for line in cli("target", "--json", *texts).splitlines()]
    assert [styrkort.parse_target(text).to_dict() for text in texts] == printed

"""What a user keeps travels to worker processes: Scorecard, RuleSet, Target, Observations,
Report (and the errors and ORGANISATION) pickle and come back equal."""

from __future__ import annotations

import json
import pickle

import styrkort


def round_trip(value: object) -> object:
    return pickle.loads(pickle.dumps(value))


def test_scorecard_rules_target_and_observations(example: styrkort.Example) -> None:
    assert round_trip(example.scorecard) == example.scorecard
    rules = styrkort.RuleSet(partial_band="0.1", rollup={"method": "weighted", "weights": {"M1": 2}})
    assert round_trip(rules) == rules
    target = styrkort.parse_target("35 000 (Dubbling jmf 2020)")
    back = round_trip(target)
    assert back == target and isinstance(back, styrkort.Target) and back.note == "Dubbling jmf 2020"
    assert round_trip(example.observations) == example.observations
    assert round_trip(styrkort.ORGANISATION) is styrkort.ORGANISATION


def test_a_report_comes_back_with_every_record_and_the_same_document(report: styrkort.Report) -> None:
    back = round_trip(report)
    assert isinstance(back, styrkort.Report)
    assert json.loads(back.to_json()) == json.loads(report.to_json())
    assert back.to_html() == report.to_html()
    assert back.rollup().sentence == report.rollup().sentence
    assert back.to_arrow().equals(report.to_arrow())
    assert back.observations == report.observations


def test_a_diagnostic() -> None:
    diagnostic = styrkort.Diagnostic("x is wrong", file="a.csv", line=2, column=3, row=0, field="value")
    assert round_trip(diagnostic) == diagnostic
    assert str(diagnostic) == "a.csv:2:3: x is wrong"

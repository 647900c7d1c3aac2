"""The scorecard as Python objects and as a table of measures; targets and rule sets."""

from __future__ import annotations

import json
from decimal import Decimal

import pandas as pd
import polars as pl
import pytest

import styrkort
from conftest import EXAMPLE, REPO


def test_the_plan_is_browsable_from_perspectives_to_measures(example: styrkort.Example) -> None:
    scorecard = example.scorecard
    assert (scorecard.organisation, scorecard.years) == ("Region Norrbotten", (2020, 2020))
    assert [p.name for p in scorecard.perspectives] == ["Samhälle", "Medborgare", "Verksamhet", "Medarbetare", "Ekonomi"]
    assert (len(scorecard.goals), len(scorecard.success_factors), len(scorecard.measures)) == (20, 50, 99)
    goal = scorecard.goals_in(scorecard.perspectives[0].id)[0]
    factor = next(f for f in scorecard.success_factors_of(goal.id) if scorecard.measures_of(f.id))
    measure = scorecard.measures_of(factor.id)[0]
    assert (factor.goal, measure.success_factor) == (goal.id, factor.id)
    assert scorecard.measure(measure.id) == measure
    assert scorecard.measure("nej") is None
    assert {body.code for body in scorecard.bodies} >= {"RS"}


def test_a_measure_keeps_its_target_verbatim_beside_the_parsed_one() -> None:
    scorecard = styrkort.Scorecard.from_toml(REPO / "examples" / "minimal.toml")
    measure = scorecard.measure("M1")
    assert measure is not None
    assert (measure.kind, measure.unit, measure.polarity, measure.sexes) == ("styrmått", "percent", "lower_is_better", ["K", "M"])
    assert measure.periods == ["DÅ04", "DÅ08", "ÅR"] and measure.accumulation == "level"
    assert measure.targets == {2021: "K 16,0 % M 17,2 %"}
    target = measure.target(2021)
    assert target is not None and (target.kind, target.input, str(target)) == ("per_sex", "K 16,0 % M 17,2 %", "K 16,0 % M 17,2 %")
    assert measure.target(2030) is None
    baseline = measure.baseline
    assert baseline is not None and (baseline.period, baseline.women, baseline.men) == ("2019-ÅR", Decimal("16.9"), Decimal("17.6"))
    assert scorecard.success_factors[0].risk == (2, 3)


def test_the_same_plan_from_toml_and_json_paths_and_texts() -> None:
    path = REPO / "examples" / "minimal.toml"
    from_path = styrkort.Scorecard.from_toml(path)
    assert styrkort.Scorecard.from_toml(path.read_text(encoding="utf-8")) == from_path
    assert styrkort.Scorecard.load(str(path)) == from_path
    assert styrkort.Scorecard.from_json(from_path.to_json()) == from_path
    assert styrkort.Scorecard.from_toml(from_path.to_toml()) == from_path


def test_one_row_per_measure_with_its_target(example: styrkort.Example) -> None:
    frame = example.scorecard.measures_frame()
    assert len(frame) == 99
    assert list(frame.columns) == [
        "perspective", "goal", "success_factor", "measure", "measure_name", "kind", "body", "value_unit",
        "polarity", "sexes", "periods", "accumulation", "comparison_base", "source", "year", "target",
        "target_kind", "target_canonical",
    ]  # fmt: skip
    row = frame.set_index("measure").loc["SAM-1-F2-M2"]
    assert (row["target"], row["target_kind"], row["target_canonical"]) == ("Minskning med 15 %", "relative_change", "Minska med 15 %")
    assert frame["target_kind"].value_counts()["milestone"] >= 1
    assert "milestone" in set(frame.loc[frame["kind"] == "aktivitet", "target_kind"])
    polars = example.scorecard.measures_frame(backend="polars")
    assert isinstance(polars, pl.DataFrame) and polars.height == 99
    assert polars.filter(pl.col("sexes").list.contains("K")).height == 18
    with pytest.raises(ValueError, match="backend: expected one of pandas, polars, arrow"):
        example.scorecard.measures_frame(backend="excel")


def test_parse_target_gives_kind_canonical_text_and_fields() -> None:
    target = styrkort.parse_target("Minskning med 15 %")
    assert (target.kind, str(target), target.input) == ("relative_change", "Minska med 15 %", "Minskning med 15 %")
    assert target.to_dict()["input"] == "Minskning med 15 %"
    assert target.to_dict()["canonical"] == "Minska med 15 %"
    assert styrkort.parse_target("35 000 (Dubbling jmf 2020)").note == "Dubbling jmf 2020"
    assert styrkort.parse_target("Sjuttio procent").kind == "unparsed"
    assert styrkort.parse_target("Handlingsplan för X klar", fallback="milestone").kind == "milestone"
    assert styrkort.parse_target(str(target), strict=True) == styrkort.parse_target("Minska med 15 %")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Öka", "direction"), ("Minska med 50 % jmf 2019", "relative_change"), ("72 %", "level"),
        ("Under 6,5 %", "bound"), ("100 % i dec", "deadline"), ("DÅ 04: 56 % DÅ 08: 57 % ÅR: 58 %", "per_period"),
        ("K 16,0 % M 17,2 %", "per_sex"), ("4/20", "fraction"), ("60/40%", "gender_balance"),
        ("I nivå med riket", "benchmark"), ("Minst ett projekt per kommun", "per_unit"), ("Budget hålls", "budget"),
        ("Följa utvecklingen", "none"),
    ],
)  # fmt: skip
def test_every_form_of_the_specification(text: str, kind: str) -> None:
    assert styrkort.parse_target(text, strict=True).kind == kind


def test_a_rule_set_has_every_setting_with_its_default() -> None:
    rules = styrkort.RuleSet()
    assert (rules.partial_band, rules.trend_band, rules.equivalence_margin) == (Decimal("0.05"), 0, Decimal("0.05"))
    assert (rules.improving_counts_as_partial, rules.interim_pro_rating, rules.rounding) == (False, True, "exact")
    assert rules.rollup["method"] == "all_or_nothing"
    custom = styrkort.RuleSet(partial_band=Decimal("0.1"), trend_band=0.01, rollup={"method": "weighted"})
    assert (custom.partial_band, custom.trend_band, custom.rollup["method"]) == (Decimal("0.1"), Decimal("0.01"), "weighted")
    assert styrkort.RuleSet(**custom.to_dict()) == custom
    assert styrkort.RuleSet.from_json(custom.to_json()) == custom
    assert styrkort.RuleSet.from_toml("partial_band = \"0,1\"\n[rollup]\nmethod = \"weighted\"\n") == custom.__class__(
        partial_band="0.1", rollup={"method": "weighted"}
    )


def test_the_rules_change_the_verdicts(example: styrkort.Example) -> None:
    strict = example.scorecard.assess(example.observations, example.period, rules={"partial_band": 0})
    default = example.scorecard.assess(example.observations, example.period)
    counts = [pd.Series(json.loads(r.to_json())).map(lambda x: x["status"]).value_counts() for r in (strict, default)]
    assert counts[0].get("partially_achieved", 0) < counts[1]["partially_achieved"]


def test_the_report_renders_for_a_unit_and_in_english() -> None:
    from conftest import CASES

    scorecard = styrkort.Scorecard.load(CASES / "units-and-sexes" / "plan.toml")
    observations = CASES / "units-and-sexes" / "observations.csv"
    north = scorecard.assess(observations, "2021-DÅ04", unit="norr")
    assert north.unit == "norr" and {r["unit"] for r in json.loads(north.to_json())} == {"norr"}
    organisation = scorecard.assess(observations, "2021-DÅ04", unit=styrkort.ORGANISATION)
    assert {r["unit"] for r in json.loads(organisation.to_json())} == {None}
    assert "Achieved" in north.to_html(language="en") and "Uppnått" in north.to_html()
    assert north.to_markdown().startswith("#") and "Norr" in north.to_text()


def test_the_legend_of_the_report() -> None:
    assert styrkort.statuses() == ["achieved", "partially_achieved", "not_achieved", "not_assessed"]
    assert [styrkort.status_shape(s) for s in styrkort.statuses()] == ["■", "●", "▲", "◊"]
    assert styrkort.status_colour("achieved") == "#1e7b34"
    assert styrkort.status_label("delvis uppnått") == "Delvis uppnått"
    assert styrkort.status_label("not_assessed", language="en") == "Not assessable"


def test_the_bundled_example_files_are_the_compiled_example(example: styrkort.Example) -> None:
    scorecard = styrkort.Scorecard.load(EXAMPLE / "scorecard-2020.toml")
    assert scorecard == example.scorecard
    assert scorecard.observations(EXAMPLE / "observations-2020-DÅ04.csv") == example.observations


def test_the_report_in_the_publication_mode_and_with_the_utfall_column(report: styrkort.Report) -> None:
    working, published = report.to_html(), report.to_html(publish=True)
    assert "<details><summary" in working and "<details><summary" not in published
    assert "⚑ Beräknat" in working and "⚑ Beräknat" not in published
    assert '<th scope="col">Utfall</th>' not in working
    assert '<th scope="col">Utfall</th>' in report.to_html(columns=["utfall"])
    assert "| Utfall |" in report.to_markdown(columns=["Utfall"], publish=True)
    with pytest.raises(ValueError, match='unknown column "trend": expected "utfall"'):
        report.to_html(columns=["trend"])

"""How fast styrkort assesses a million observations handed over as a pandas DataFrame.

    python benches/python/compare.py [--units 1250] [--repeat 3]

Three ways to the same statuses, each end to end from the same pandas DataFrame of
1 000 000 observations (1 250 units × 200 measures, 100 of them split by sex, × two periods,
2 % of the outcomes missing with a reason) to a pandas DataFrame of the assessments:

- styrkort: ``scorecard.assess(frame, period).to_pandas(columns)``, once with the nine columns
  the baselines give (measure, unit, sex, status, reason, trend, value, target value, base),
  once with all 29 fields of the record (names, labels, target texts, explanations);
- pandas: the same rules written as vectorised pandas code, as a careful data scientist would:
  the ids factorised into integer codes, the targets parsed once per measure and looked up by
  code, the period assessed and its comparison period merged onto every measure × unit × sex
  by an integer key, the rules as numpy selections over exact fixed-point numbers (the values
  have one decimal and every threshold of this data set is a multiple of 10⁻⁴, so integers in
  units of 10⁻⁴ held in floats are exact where plain floats would blur the boundaries), the
  results as categoricals;
- Python: a plain loop over the rows as dicts, with the same fixed-point numbers.

The baselines know only this data set's four target forms and check nothing; styrkort reads
every row by the rules of its CSV reader (and would name the row and column of a bad one).

The script checks that all three give the same status, reason and trend for every row, prints
the time of each (the best of ``--repeat`` runs for styrkort and pandas, one run of the loop),
the ratios, and the time of ``import styrkort`` in a fresh interpreter. It is a benchmark, not
a test: nothing here runs in ``make test``.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from typing import Any, Callable

import numpy as np
import pandas as pd

import styrkort

PERIOD = "2021-DÅ04"
BASE_PERIOD = "2020-DÅ04"
MEASURES = 200
#: The target forms of the data set, with the polarity of the measures that carry them.
FORMS = ["72 %", "Under 6,5 %", "Öka", "Minska", "Minska med 10 %", "Minst 80 %"]
SCALE = 10_000  # fixed-point unit of the baselines: 10⁻⁴
PARTIAL_BAND = (5, 100)  # RuleSet.partial_band = 0.05, as a fraction


def measure_table() -> pd.DataFrame:
    """The 200 measures: id, polarity, sexes, the reports they are followed up at, the target."""
    rows = []
    for m in range(MEASURES):
        rows.append(
            {
                "measure": f"m{m:03d}",
                "polarity": "lower_is_better" if m % 3 == 0 else "higher_is_better",
                "sexes": ("T",) if m % 2 else ("T", "K", "M"),
                "annual_only": m % 20 == 19,
                "target": FORMS[m % len(FORMS)],
            }
        )
    return pd.DataFrame(rows)


def scorecard_toml(measures: pd.DataFrame, units: int) -> str:
    """The scorecard of the data set in styrkort's TOML."""
    head = 'schema = 1\norganisation = "Region Bench"\nname = "Plan 2021"\nyears = [2021, 2021]\n'
    head += '[[perspectives]]\nid = "p"\nname = "Verksamhet"\n'
    head += "".join(f'[[goals]]\nid = "G{g}"\nperspective = "p"\nname = "Mål {g}"\n' for g in range(4))
    head += "".join(f'[[success_factors]]\nid = "F{f}"\ngoal = "G{f % 4}"\nname = "Faktor {f}"\n' for f in range(20))
    head += "".join(f'[[units]]\nid = "u{u:04d}"\nname = "Enhet {u}"\n' for u in range(units))
    body = []
    for index, m in enumerate(measures.itertuples()):
        sexes = ", ".join(f'"{s}"' for s in m.sexes)
        periods = '["ÅR"]' if m.annual_only else '["DÅ04", "DÅ08", "ÅR"]'
        body.append(
            f'[[measures]]\nid = "{m.measure}"\nsuccess_factor = "F{index % 20}"\nname = "Mått {index}"\n'
            f'unit = "percent"\npolarity = "{m.polarity}"\nsexes = [{sexes}]\nperiods = {periods}\n'
            f'targets = {{ 2021 = "{m.target}" }}\n'
        )
    return head + "".join(body)


def observations_frame(measures: pd.DataFrame, units: int, seed: int = 7) -> pd.DataFrame:
    """Every unit × measure × sex in both periods: a value with one decimal, 2 % missing."""
    rng = np.random.default_rng(seed)
    pairs = [(m.measure, sex) for m in measures.itertuples() for sex in m.sexes]
    measure = np.array([p[0] for p in pairs])
    sex = np.array([p[1] for p in pairs])
    unit_ids = np.array([f"u{u:04d}" for u in range(units)])
    n = len(pairs) * units
    frames = []
    for period in (BASE_PERIOD, PERIOD):
        value = np.round(rng.uniform(0, 100, n), 1)
        missing = rng.random(n) < 0.02
        frames.append(
            pd.DataFrame(
                {
                    "unit": np.repeat(unit_ids, len(pairs)),
                    "measure": np.tile(measure, units),
                    "period": period,
                    "sex": np.tile(sex, units),
                    "value": np.where(missing, np.nan, value),
                    "missing": np.where(missing, "ej_publicerad", None),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


# The baselines' reading of the target texts: the forms of this data set only -------------


def parse_target(text: str, polarity: str) -> tuple[str, str, int]:
    """(kind, comparison, number in 10⁻⁴) of a target text of the data set."""
    number = re.search(r"\d+(?:,\d+)?", text)
    value = round(float(number.group().replace(",", ".")) * SCALE) if number else 0
    by_polarity = "at_most" if polarity == "lower_is_better" else "at_least"
    if text.startswith("Under"):
        return "bound", "below", value
    if text.startswith("Minst"):
        return "bound", "at_least", value
    if text.startswith("Minska med"):
        return "relative_change", "at_most", value
    if text == "Öka":
        return "direction", "above", 0
    if text == "Minska":
        return "direction", "below", 0
    return "level", by_polarity, value


# pandas, vectorised ---------------------------------------------------------------------

KINDS = ["level", "bound", "direction", "relative_change"]
COMPARISONS = ["at_least", "above", "at_most", "below"]
REASONS = ["not_reported_this_period", "ej_publicerad", "no_comparison", "no_data"]
TRENDS = ["improved", "unchanged", "worsened", "none"]


def codes(values: pd.Series, categories: pd.Index) -> np.ndarray:
    """The position of each value among the categories (-1 for none): factorised once, the
    few distinct values looked up."""
    found, uniques = pd.factorize(values, use_na_sentinel=True)
    return np.where(found < 0, -1, categories.get_indexer(uniques)[found])


def with_pandas(measures: pd.DataFrame, frame: pd.DataFrame, units: list[str]) -> pd.DataFrame:
    """The rules of the data set in vectorised pandas, every unit and the organisation."""
    # The measures' targets, parsed once; looked up by measure code.
    parsed = [parse_target(t, p) for t, p in zip(measures.target, measures.polarity)]
    kind = np.array([KINDS.index(k) for k, _, _ in parsed], dtype=np.int8)
    comparison = np.array([COMPARISONS.index(c) for _, c, _ in parsed], dtype=np.int8)
    number = np.array([n for _, _, n in parsed], dtype=np.float64)
    lower = (measures.polarity == "lower_is_better").to_numpy()
    annual = measures.annual_only.to_numpy()
    measure_ids, unit_ids = pd.Index(measures.measure), pd.Index(units)
    sexes = pd.Index(["T", "K", "M"])
    n_units = len(units) + 1  # position 0: the organisation

    def key(measure: np.ndarray, unit: np.ndarray, sex: np.ndarray) -> np.ndarray:
        return (measure.astype(np.int64) * n_units + unit) * 3 + sex

    observed = pd.DataFrame(
        {
            "key": key(codes(frame["measure"], measure_ids), codes(frame["unit"], unit_ids) + 1,
                       codes(frame["sex"], sexes)),
            "value": np.round(frame["value"].to_numpy() * SCALE),
            "missing": frame["missing"].notna().to_numpy(),
        }
    )
    current = (frame["period"] == PERIOD).to_numpy()
    # Every row to assess: each measure × its sexes × (the organisation and every unit).
    pairs = [(m, sexes.get_loc(s)) for m, row in enumerate(measures.itertuples()) for s in row.sexes]
    grid_measure = np.repeat(np.array([m for m, _ in pairs]), n_units)
    grid_sex = np.repeat(np.array([s for _, s in pairs]), n_units)
    grid_unit = np.tile(np.arange(n_units), len(pairs))
    rows = pd.DataFrame({"key": key(grid_measure, grid_unit, grid_sex)})
    rows = rows.merge(observed[current], on="key", how="left")
    rows = rows.merge(observed[~current][["key", "value"]].rename(columns={"value": "base"}), on="key", how="left")
    value, base = rows["value"].to_numpy(), rows["base"].to_numpy()
    missing = rows["missing"].fillna(False).to_numpy(dtype=bool)
    m_kind, m_comparison, m_lower = kind[grid_measure], comparison[grid_measure], lower[grid_measure]
    has_value, has_base = ~np.isnan(value), ~np.isnan(base)
    direction, relative = m_kind == 2, m_kind == 3
    # The target value: the number, the base itself (direction), or the base less the change.
    target = np.where(direction, base, number[grid_measure])
    target = np.where(relative, base * (SCALE - target / 100) / SCALE, target)
    band = np.abs(target) * PARTIAL_BAND[0] / PARTIAL_BAND[1]
    upper = m_comparison >= 2
    met = np.choose(m_comparison, [value >= target, value > target, value <= target, value < target])
    partial = ~direction & np.where(upper, value <= target + band, value >= target - band)
    status = np.where(met, 0, np.where(partial, 1, 2)).astype(np.int8)
    # Why not assessed, in the engine's order: not reported at DÅ04, a missing-data reason,
    # then what the form needs (relative changes the base first, directions the value first).
    reason = np.where(~has_value, 3, -1)
    reason = np.where(direction & has_value & ~has_base, 2, reason)
    reason = np.where(relative & ~has_base, 2, reason)
    reason = np.where(missing, 1, reason)
    reason = np.where(annual[grid_measure], 0, reason).astype(np.int8)
    status = np.where(reason >= 0, 3, status)
    trend = np.select(
        [~(has_value & has_base), value == base, (value > base) ^ m_lower], [3, 1, 0], 2
    ).astype(np.int8)
    return pd.DataFrame(
        {
            "measure": pd.Categorical.from_codes(grid_measure, categories=measure_ids),
            "unit": pd.Categorical.from_codes(grid_unit - 1, categories=unit_ids),
            "sex": pd.Categorical.from_codes(grid_sex, categories=sexes),
            "status": pd.Categorical.from_codes(status, categories=styrkort.statuses()),
            "reason": pd.Categorical.from_codes(reason, categories=REASONS),
            "trend": pd.Categorical.from_codes(trend, categories=TRENDS),
            "value": value / SCALE,
            "target_value": np.where(direction & ~has_base, np.nan, target) / SCALE,
            "base": base / SCALE,
        }
    )


# A plain Python loop ---------------------------------------------------------------------


def with_python(measures: pd.DataFrame, frame: pd.DataFrame, units: list[str]) -> pd.DataFrame:
    """The same rules over the rows as dicts, one at a time."""
    plan = {m.measure: (m, *parse_target(m.target, m.polarity)) for m in measures.itertuples()}
    now: dict[tuple[str, str, str], dict[str, Any]] = {}
    before: dict[tuple[str, str, str], int] = {}
    for row in frame.to_dict("records"):
        key = (row["measure"], row["unit"] or "", row["sex"])
        value = row["value"]
        fixed = None if value != value else round(value * SCALE)
        if row["period"] == PERIOD:
            missing = row["missing"]
            now[key] = {"value": fixed, "missing": missing if isinstance(missing, str) else None}
        elif fixed is not None:
            before[key] = fixed
    out = []
    for measure_id, (m, kind, comparison, number) in plan.items():
        for unit in ["", *units]:
            for sex in m.sexes:
                key = (measure_id, unit, sex)
                observed = now.get(key, {"value": None, "missing": None})
                value, base = observed["value"], before.get(key)
                target: float | None = number
                if kind == "direction":
                    target = base
                elif kind == "relative_change":
                    target = None if base is None else base * (SCALE - number / 100) / SCALE
                reason = None
                if m.annual_only:
                    reason = "not_reported_this_period"
                elif observed["missing"]:
                    reason = observed["missing"]
                elif kind == "relative_change" and base is None:
                    reason = "no_comparison"
                elif value is None:
                    reason = "no_data"
                elif kind == "direction" and base is None:
                    reason = "no_comparison"
                status = "not_assessed"
                if reason is None and value is not None and target is not None:
                    met = {
                        "at_least": value >= target,
                        "above": value > target,
                        "at_most": value <= target,
                        "below": value < target,
                    }[comparison]
                    band = abs(target) * PARTIAL_BAND[0] / PARTIAL_BAND[1]
                    partial = kind != "direction" and (
                        value <= target + band if comparison in ("at_most", "below") else value >= target - band
                    )
                    status = "achieved" if met else "partially_achieved" if partial else "not_achieved"
                if value is None or base is None:
                    trend = "none"
                elif value == base:
                    trend = "unchanged"
                else:
                    trend = "improved" if (value > base) != (m.polarity == "lower_is_better") else "worsened"
                out.append(
                    {
                        "measure": measure_id,
                        "unit": unit or None,
                        "sex": sex,
                        "status": status,
                        "reason": reason,
                        "trend": trend,
                        "value": None if value is None else value / SCALE,
                        "target_value": None if target is None else target / SCALE,
                        "base": None if base is None else base / SCALE,
                    }
                )
    return pd.DataFrame(out)


# The comparison ---------------------------------------------------------------------------


#: The columns the baselines give: what the like-for-like comparison asks styrkort for.
COLUMNS = ["measure", "unit", "sex", "status", "reason", "trend", "value", "target_value", "base"]


def with_styrkort(scorecard: styrkort.Scorecard, frame: pd.DataFrame, columns: list[str] | None) -> pd.DataFrame:
    """styrkort from the DataFrame to a DataFrame of the records (every column for None)."""
    return scorecard.assess(frame, PERIOD).to_pandas(columns)


def verdicts(frame: pd.DataFrame) -> pd.DataFrame:
    """Status, reason and trend by measure, unit and sex, as text, for comparing."""
    keys = frame[["measure", "unit", "sex", "status", "reason", "trend"]].astype(object)
    keys = keys.where(pd.notna(keys), "")
    return keys.sort_values(["measure", "unit", "sex"]).reset_index(drop=True)


def best(run: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The best time of `repeat` runs and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def import_time() -> float:
    """Seconds for ``import styrkort`` in a fresh interpreter (best of five)."""
    code = "import time; t = time.perf_counter(); import styrkort; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5)]
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=1250, help="units (1 250 give 1 000 000 observations)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of styrkort and pandas; the best counts")
    args = parser.parse_args()
    measures = measure_table()
    scorecard = styrkort.Scorecard.from_toml(scorecard_toml(measures, args.units))
    frame = observations_frame(measures, args.units)
    units = [unit.id for unit in scorecard.units]
    print(f"{len(frame):,} observations, {len(measures)} measures, {args.units} units")

    ours, records = best(lambda: with_styrkort(scorecard, frame, COLUMNS), args.repeat)
    full, _ = best(lambda: with_styrkort(scorecard, frame, None), args.repeat)
    theirs, vectorised = best(lambda: with_pandas(measures, frame, units), args.repeat)
    loop, looped = best(lambda: with_python(measures, frame, units), 1)
    expected = verdicts(records)
    for name, result in (("pandas", vectorised), ("Python", looped)):
        got = verdicts(result)
        differ = (got != expected).any(axis=1).sum() if got.shape == expected.shape else len(expected)
        assert differ == 0, f"{name} gives other verdicts than styrkort for {differ} of {len(expected)} rows"
    print(f"{len(records):,} assessments; all three give the same status, reason and trend for every one")
    print(f"styrkort, the baselines' {len(COLUMNS)} columns:      {ours:6.3f} s")
    print(f"styrkort, all 29 columns (explanations): {full:6.3f} s")
    print(f"pandas, vectorised:                       {theirs:6.3f} s   {theirs / ours:5.1f} × styrkort's time")
    print(f"Python loop over dict rows:               {loop:6.3f} s   {loop / ours:5.1f} × styrkort's time")
    print(f"import styrkort:                          {import_time():6.3f} s")


if __name__ == "__main__":
    main()

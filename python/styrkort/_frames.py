"""Adapters from styrkort's Arrow tables to pyarrow, pandas and polars.

The tables are built in Rust and handed over through the Arrow PyCapsule interface
(``__arrow_c_stream__``), so no row passes through Python. pyarrow, pandas and polars are
imported only here, when a frame is asked for: ``import styrkort`` needs none of them.

In pandas, decimal columns stay exact: they are pyarrow-backed ``decimal128`` columns whose
items are ``decimal.Decimal`` (``.astype("float64")`` gives floats for plotting); dictionary
columns (``status``, ``trend``, ``sex``) become ``Categorical`` with every code as a category.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from styrkort._styrkort import ArrowTable, Rollup

BACKENDS = ("pandas", "polars", "arrow")


def _require(module: str, extra: str) -> Any:
    """Imports an optional dependency, or says which extra of the package installs it."""
    try:
        return __import__(module)
    except ImportError as error:
        raise ImportError(f"{module} is needed for this: pip install 'styrkort[{extra}]'") from error


def to_arrow(table: Any) -> Any:
    """A pyarrow Table of anything with ``__arrow_c_stream__``."""
    pyarrow = _require("pyarrow", "arrow")
    return pyarrow.table(table)


def to_pandas(table: Any) -> Any:
    """A pandas DataFrame: decimals exact (pyarrow-backed), dictionaries categorical."""
    pandas = _require("pandas", "pandas")
    arrow = to_arrow(table)
    is_decimal = _require("pyarrow", "arrow").types.is_decimal

    def types(data_type: Any) -> Any:
        return pandas.ArrowDtype(data_type) if is_decimal(data_type) else None

    return arrow.to_pandas(types_mapper=types)


def to_polars(table: Any) -> Any:
    """A polars DataFrame, read straight from the Arrow stream."""
    polars = _require("polars", "polars")
    return polars.DataFrame(table)


def to_frame(table: ArrowTable, backend: str) -> Any:
    """The table as a frame of ``backend``: ``"pandas"``, ``"polars"`` or ``"arrow"``."""
    if backend == "pandas":
        return to_pandas(table)
    if backend == "polars":
        return to_polars(table)
    if backend == "arrow":
        return to_arrow(table)
    raise ValueError(f"backend: expected one of {', '.join(BACKENDS)}, not {backend!r}")


def summary(rollup: Rollup, backend: str) -> Any:
    """The goal counts per perspective and status with each sentence, and a ``total`` row."""
    columns: dict[str, list[Any]] = {
        "perspective": [],
        "name": [],
        "achieved": [],
        "partially_achieved": [],
        "not_achieved": [],
        "not_assessed": [],
        "goals": [],
        "sentence": [],
    }
    rows = [(p.id, p.name, p.goals, p.sentence) for p in rollup.perspectives]
    rows.append(("total", "Totalt", rollup.total, rollup.sentence))
    for perspective, name, counts, sentence in rows:
        columns["perspective"].append(perspective)
        columns["name"].append(name)
        for status, count in counts.to_dict():
            columns[status].append(count)
        columns["goals"].append(counts.total)
        columns["sentence"].append(sentence)
    if backend == "pandas":
        return _require("pandas", "pandas").DataFrame(columns)
    if backend == "polars":
        return _require("polars", "polars").DataFrame(columns)
    if backend == "arrow":
        return _require("pyarrow", "arrow").table(columns)
    raise ValueError(f"backend: expected one of {', '.join(BACKENDS)}, not {backend!r}")

"""Adapters from styrkort's tables to pyarrow, pandas and polars.

The tables are built in Rust and handed over through the Arrow PyCapsule interface
(``__arrow_c_stream__``), so no row passes through Python. pyarrow, pandas and polars are
imported only here, when a frame is asked for: ``import styrkort`` needs none of them.

In pandas, decimal columns stay exact: they are pyarrow-backed ``decimal128`` columns whose
items are ``decimal.Decimal`` (``.astype("float64")`` gives floats for plotting); dictionary
columns become ``Categorical`` with every category of the dictionary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from styrkort._styrkort import Rollup

#: The backends a frame can be asked for in, and the extra of the package that installs each.
BACKENDS = {"pandas": "pandas", "polars": "polars", "arrow": "arrow"}


def _require(module: str, extra: str) -> Any:
    """Imports an optional dependency, or says which extra of the package installs it."""
    try:
        return __import__(module)
    except ImportError as error:
        raise ImportError(f"{module} is needed for this: pip install 'styrkort[{extra}]'") from error


def _backend(backend: str) -> str:
    if backend not in BACKENDS:
        raise ValueError(f"backend: expected one of {', '.join(BACKENDS)}, not {backend!r}")
    return backend


def to_arrow(table: Any) -> Any:
    """A pyarrow Table of anything with ``__arrow_c_stream__`` (or a dict of columns)."""
    return _require("pyarrow", "arrow").table(table)


def to_pandas(table: Any) -> Any:
    """A pandas DataFrame: decimals exact (pyarrow-backed), dictionaries categorical."""
    pandas = _require("pandas", "pandas")
    is_decimal = _require("pyarrow", "pandas").types.is_decimal

    def types(data_type: Any) -> Any:
        return pandas.ArrowDtype(data_type) if is_decimal(data_type) else None

    return to_arrow(table).to_pandas(types_mapper=types)


def to_polars(table: Any) -> Any:
    """A polars DataFrame, read straight from the Arrow stream (or a dict of columns)."""
    return _require("polars", "polars").DataFrame(table)


def to_frame(table: Any, backend: str) -> Any:
    """The table as a frame of ``backend``: ``"pandas"``, ``"polars"`` or ``"arrow"``."""
    return {"pandas": to_pandas, "polars": to_polars, "arrow": to_arrow}[_backend(backend)](table)


def summary(rollup: Rollup, backend: str) -> Any:
    """The goal counts per perspective and status with each sentence, and a ``total`` row."""
    rows = [(p.id, p.name, p.goals, p.sentence) for p in rollup.perspectives]
    rows.append(("total", "Totalt", rollup.total, rollup.sentence))
    columns: dict[str, list[Any]] = {"perspective": [row[0] for row in rows], "name": [row[1] for row in rows]}
    for status in rollup.total.to_dict():
        columns[status] = [counts.to_dict()[status] for _, _, counts, _ in rows]
    columns["goals"] = [counts.total for _, _, counts, _ in rows]
    columns["sentence"] = [sentence for *_, sentence in rows]
    return to_frame(columns, backend)

"""The native module of styrkort, built from ``bindings/python`` (Rust, pyo3).

Hand-written stubs, checked against the compiled module by ``mypy.stubtest`` in the tests.
Import from :mod:`styrkort`, which re-exports everything here.
"""

import os
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, Literal, TypeAlias, final

__all__ = [
    "__version__",
    "StyrkortError",
    "TargetParseError",
    "ScorecardError",
    "ObservationError",
    "JudgementError",
    "RulesError",
    "PeriodError",
    "UnknownUnitError",
    "InvalidValueError",
    "FileError",
    "WriteError",
    "ReportOptionsError",
    "Diagnostic",
    "Scorecard",
    "Observations",
    "Report",
    "RuleSet",
    "Target",
    "ArrowTable",
    "Example",
    "Body",
    "Unit",
    "Perspective",
    "Goal",
    "SuccessFactor",
    "Measure",
    "Baseline",
    "Judgement",
    "Rollup",
    "NodeStatus",
    "PerspectiveSummary",
    "StatusCounts",
    "_Organisation",
    "ORGANISATION",
    "parse_target",
    "example",
    "statuses",
    "status_colour",
    "status_shape",
    "status_label",
]

__version__: str

_Backend: TypeAlias = Literal["pandas", "polars", "arrow"]
_Language: TypeAlias = Literal["sv", "en"]
_PathOrText: TypeAlias = str | os.PathLike[str]
#: A CSV or JSON file, anything with ``__arrow_c_stream__`` (pandas, polars, pyarrow), a list
#: of dicts, or Observations.
_ObservationInput: TypeAlias = str | os.PathLike[str] | Sequence[Mapping[str, Any]] | Observations | Any
_JudgementInput: TypeAlias = str | os.PathLike[str] | Mapping[str, Any] | Sequence[Judgement | Mapping[str, Any]]

# Exceptions -------------------------------------------------------------------------------

class StyrkortError(Exception):
    """Base class of every error styrkort raises.

    ``str(error)`` is one ``file:line:column: message`` line per problem. The location
    attributes describe the first problem (None where unknown); ``diagnostics`` has them all.
    """

    kind: str | None
    """The kind of error: ``target_syntax``, ``scorecard``, ``observations``, ``judgements``,
    ``rules``, ``period``, ``unknown_unit``, ``value``, ``io`` or ``write``."""
    code: int | None
    """The kind's stable number, 1–10 (the C ABI's status)."""
    file: str | None
    """The file, or the name of the input from memory."""
    line: int | None
    """The line, from 1."""
    column: int | None
    """The column, from 1 (for CSV files and data frames: the column's position)."""
    span: tuple[int, int] | None
    """The bytes of the source text concerned (target texts)."""
    row: int | None
    """The record's position, from 0 (CSV rows, data-frame rows, list items)."""
    field: str | None
    """The column, key or setting concerned."""
    diagnostics: tuple[Diagnostic, ...]
    """Every problem, in the order of the input."""

class TargetParseError(StyrkortError):
    """A target text that fits no form of the target language (strict parsing)."""

class ScorecardError(StyrkortError):
    """A scorecard (plan) that does not read or validate."""

class ObservationError(StyrkortError):
    """Observations that do not read or do not fit the scorecard."""

class JudgementError(StyrkortError):
    """Judgements that do not read or do not fit the scorecard."""

class RulesError(StyrkortError):
    """A rule set that does not read, or a setting out of its range."""

class PeriodError(StyrkortError):
    """A text that is not a period such as 2021-DÅ04."""

class UnknownUnitError(StyrkortError):
    """A unit id that the scorecard does not declare."""

class InvalidValueError(StyrkortError):
    """A text that is not the code it should be: a sex, a status, a number, a comparison base."""

class FileError(StyrkortError):
    """A file that cannot be read or written."""

class WriteError(StyrkortError):
    """A model or report that cannot be written in the format asked for."""

class ReportOptionsError(StyrkortError):
    """Report options (publication mode, columns, language, CSV dialect) that do not read."""

@final
class Diagnostic:
    """One problem of an input and where it is."""

    def __new__(
        cls,
        message: str,
        file: str = ...,
        line: int | None = None,
        column: int | None = None,
        span: tuple[int, int] | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> Diagnostic:
        """A problem at a location; mainly for unpickling."""

    @property
    def message(self) -> str:
        """What is wrong and what was expected."""
    @property
    def file(self) -> str:
        """The file name, or the name of the input from memory; empty for a single value."""
    @property
    def line(self) -> int | None:
        """The line, from 1."""
    @property
    def column(self) -> int | None:
        """The column, from 1."""
    @property
    def span(self) -> tuple[int, int] | None:
        """The bytes of the source text the problem covers."""
    @property
    def row(self) -> int | None:
        """The record's position from 0."""
    @property
    def field(self) -> str | None:
        """The field (column, key, setting) the problem concerns."""

# Targets ----------------------------------------------------------------------------------

@final
class Target:
    """A text of the target language and what the core made of it; ``str()`` is canonical."""

    @property
    def kind(self) -> str:
        """``level``, ``direction``, ``per_sex``, … or ``unparsed`` (lenient parsing only)."""
    @property
    def input(self) -> str:
        """The text as given, verbatim."""
    @property
    def canonical(self) -> str:
        """The canonical Swedish text, which parses back to the same target."""
    @property
    def note(self) -> str | None:
        """A parenthesised rationale written after the target."""
    def to_dict(self) -> dict[str, Any]:
        """``input``, ``canonical``, ``kind``, the typed fields of the form and ``note``."""
    def __hash__(self) -> int: ...

def parse_target(text: str, strict: bool = False, fallback: Literal["unparsed", "milestone"] = "unparsed") -> Target:
    """Parses a target text; strict parsing raises :class:`TargetParseError`."""

# Rules ------------------------------------------------------------------------------------

@final
class RuleSet:
    """The rules of the assessment; every setting left out keeps the specification's default."""

    def __new__(cls, **settings: Any) -> RuleSet:
        """``RuleSet(partial_band="0.1", rollup={"method": "weighted"})``; raises :class:`RulesError`."""
    @classmethod
    def from_toml(cls, path_or_text: _PathOrText) -> RuleSet:
        """Reads a rule set from a TOML file or text."""
    @classmethod
    def from_json(cls, path_or_text: _PathOrText) -> RuleSet:
        """Reads a rule set from a JSON file or text."""
    @classmethod
    def load(cls, path: _PathOrText) -> RuleSet:
        """Reads a rule set file: ``.json`` is JSON, anything else TOML."""
    @property
    def partial_band(self) -> Decimal:
        """Rule 2: not met but within this fraction of the target is partially achieved (0.05)."""
    @property
    def improving_counts_as_partial(self) -> bool:
        """Rule 2, optional: not met but improved is partially achieved (off)."""
    @property
    def trend_band(self) -> Decimal:
        """Rule 10: a change within this fraction of the base is unchanged (0)."""
    @property
    def equivalence_margin(self) -> Decimal:
        """Rule 7: "I nivå med riket" within this fraction of the reference (0.05)."""
    @property
    def interim_pro_rating(self) -> bool:
        """Rule 5: cumulative measures against the pro-rated year target (on)."""
    @property
    def rounding(self) -> str:
        """``exact`` or ``target_precision``."""
    @property
    def rollup(self) -> dict[str, Any]:
        """The roll-up policy: ``method``, ``kinds``, ``weights``, ``partial_weight``, …"""
    def to_dict(self) -> dict[str, Any]:
        """Every setting (decimals as text); ``RuleSet(**rules.to_dict())`` reads it back."""
    def to_json(self) -> str:
        """Every setting as JSON text."""
    @classmethod
    def _from_state(cls, state: str) -> RuleSet: ...

# The model --------------------------------------------------------------------------------

@final
class Body:
    """A political body that owns goals and measures ("styrelse/nämnd")."""

    @property
    def code(self) -> str:
        """The short code: ``RS``."""
    @property
    def name(self) -> str:
        """The full name."""

@final
class Unit:
    """An organisational unit ("enhet")."""

    @property
    def id(self) -> str:
        """The id observations use."""
    @property
    def name(self) -> str:
        """The display name."""
    @property
    def parent(self) -> str | None:
        """The parent unit's id; None for the top."""

@final
class Perspective:
    """A perspective of balanced steering, such as Samhälle."""

    @property
    def id(self) -> str:
        """The id goals use."""
    @property
    def name(self) -> str:
        """The display name."""

@final
class Goal:
    """A strategic goal ("strategiskt mål")."""

    @property
    def id(self) -> str:
        """The id."""
    @property
    def perspective(self) -> str:
        """The perspective's id."""
    @property
    def name(self) -> str:
        """The goal as the plan words it."""
    @property
    def bodies(self) -> list[str]:
        """The bodies responsible."""
    @property
    def description(self) -> str | None:
        """The plan's description."""
    @property
    def note(self) -> str | None:
        """Any remark."""

@final
class SuccessFactor:
    """A success factor ("framgångsfaktor") of a goal."""

    @property
    def id(self) -> str:
        """The id."""
    @property
    def goal(self) -> str:
        """The goal's id."""
    @property
    def name(self) -> str:
        """The factor as the plan words it."""
    @property
    def bodies(self) -> list[str]:
        """The bodies that set it; the first is its measures' default body."""
    @property
    def risk(self) -> tuple[int, int] | None:
        """``(probability, consequence)``, each 1–4."""
    @property
    def description(self) -> str | None:
        """The plan's description."""
    @property
    def note(self) -> str | None:
        """Any remark."""

@final
class Baseline:
    """The starting value of a measure ("ingångsvärde")."""

    @property
    def period(self) -> str | None:
        """The period of the values."""
    @property
    def total(self) -> Decimal | None:
        """The value for both sexes."""
    @property
    def women(self) -> Decimal | None:
        """The value for women."""
    @property
    def men(self) -> Decimal | None:
        """The value for men."""
    @property
    def text(self) -> str | None:
        """The plan's cell, verbatim."""

@final
class Measure:
    """A styrmått, kontrollmått or aktivitet."""

    @property
    def id(self) -> str:
        """The id observations use."""
    @property
    def success_factor(self) -> str:
        """The success factor's id."""
    @property
    def name(self) -> str:
        """The measure as the plan words it."""
    @property
    def kind(self) -> str:
        """``styrmått``, ``kontrollmått`` or ``aktivitet``."""
    @property
    def body(self) -> str | None:
        """The responsible body's code."""
    @property
    def unit(self) -> str:
        """The unit of measurement: ``percent``, ``count``, …"""
    @property
    def polarity(self) -> str:
        """``higher_is_better``, ``lower_is_better`` or ``neutral``."""
    @property
    def sexes(self) -> list[str]:
        """``["T"]``, ``["K", "M"]`` or ``["T", "K", "M"]``."""
    @property
    def periods(self) -> list[str]:
        """The reports followed up: ``DÅ04``, ``DÅ08``, ``ÅR``."""
    @property
    def accumulation(self) -> str:
        """``level`` or ``cumulative``."""
    @property
    def comparison_base(self) -> str | None:
        """A fixed comparison base; None for the same report the year before."""
    @property
    def source(self) -> str | None:
        """Where the data comes from."""
    @property
    def baseline(self) -> Baseline | None:
        """The starting value."""
    @property
    def targets(self) -> dict[int, str]:
        """The target text per year, verbatim."""
    @property
    def footnotes(self) -> list[str]:
        """The plan's footnotes."""
    @property
    def note(self) -> str | None:
        """Any remark."""
    def target(self, year: int) -> Target | None:
        """The target of a year as the engine reads it (leniently)."""

@final
class Judgement:
    """A recorded verdict on a goal, success factor or single measure ("samlad bedömning")."""

    @property
    def goal(self) -> str:
        """The goal, success factor or measure judged."""
    @property
    def period(self) -> str:
        """The period."""
    @property
    def status(self) -> str:
        """The status code."""
    @property
    def motivation(self) -> str:
        """Why."""
    @property
    def forecast(self) -> str | None:
        """The year-end forecast's status code."""
    @property
    def forecast_note(self) -> str | None:
        """The forecast's wording, verbatim."""
    @property
    def analysis(self) -> str | None:
        """The analysis that goes with the verdict, verbatim."""
    @property
    def sex(self) -> str | None:
        """For a verdict on a measure, the sex row it is for (T, K, M); None for every row."""

@final
class _Organisation:
    """The organisation itself, as opposed to one of its units."""

    def __reduce__(self) -> str: ...

ORGANISATION: Final[_Organisation]
"""``assess(..., unit=ORGANISATION)``: the organisation alone, without its units."""

# Observations, the scorecard and the report -----------------------------------------------

@final
class Observations:
    """Observations read once, to assess several times or send to worker processes."""

    def __new__(cls, data: _ObservationInput, scorecard: Scorecard | None = None) -> Observations:
        """Reads observations (what :meth:`Scorecard.assess` takes); raises :class:`ObservationError`."""
    def __len__(self) -> int: ...
    def to_csv(self) -> str:
        """The observations as CSV with the standard header."""
    def to_json(self) -> str:
        """The observations as a JSON list of records."""
    @classmethod
    def _from_state(cls, state: str) -> Observations: ...

@final
class Scorecard:
    """A scorecard (plan) with its bodies, units, perspectives, goals, success factors and measures."""

    @classmethod
    def from_toml(cls, path_or_text: _PathOrText) -> Scorecard:
        """Reads a TOML file, or TOML text; raises :class:`ScorecardError` with every problem."""
    @classmethod
    def from_json(cls, path_or_text: _PathOrText) -> Scorecard:
        """Reads a JSON file, or JSON text."""
    @classmethod
    def load(cls, path: _PathOrText) -> Scorecard:
        """Reads a scorecard file: ``.json`` is JSON, anything else TOML."""
    @property
    def organisation(self) -> str:
        """The organisation the plan belongs to."""
    @property
    def name(self) -> str:
        """The plan's name."""
    @property
    def vision(self) -> str | None:
        """The organisation's vision."""
    @property
    def years(self) -> tuple[int, int]:
        """The plan's first and last year."""
    @property
    def bodies(self) -> list[Body]:
        """The bodies."""
    @property
    def units(self) -> list[Unit]:
        """The organisational units."""
    @property
    def perspectives(self) -> list[Perspective]:
        """The perspectives, in order."""
    @property
    def goals(self) -> list[Goal]:
        """The strategic goals."""
    @property
    def success_factors(self) -> list[SuccessFactor]:
        """The success factors."""
    @property
    def measures(self) -> list[Measure]:
        """The measures."""
    def measure(self, id: str) -> Measure | None:
        """The measure with this id."""
    def goals_in(self, perspective: str) -> list[Goal]:
        """The goals of a perspective."""
    def success_factors_of(self, goal: str) -> list[SuccessFactor]:
        """The success factors of a goal."""
    def measures_of(self, success_factor: str) -> list[Measure]:
        """The measures of a success factor."""
    def measures_frame(self, year: int | None = None, backend: _Backend = "pandas") -> Any:
        """One row per measure with its place, kind, body, polarity, sexes and the year's target."""
    def check(self, observations: _ObservationInput) -> list[Diagnostic]:
        """Every problem of the observations against the scorecard, each with its row and column."""
    def assess(
        self,
        observations: _ObservationInput,
        period: str,
        judgements: _JudgementInput | None = None,
        rules: RuleSet | Mapping[str, Any] | None = None,
        unit: str | _Organisation | None = None,
        threads: int | None = None,
    ) -> Report:
        """Assesses observations for a period; see the package documentation for every input."""
    def observations(self, data: _ObservationInput) -> Observations:
        """Reads observations once, checked against this scorecard."""
    def to_toml(self) -> str:
        """The scorecard as TOML text."""
    def to_json(self) -> str:
        """The scorecard as JSON text."""
    @classmethod
    def _from_state(cls, state: str) -> Scorecard: ...

@final
class ArrowTable:
    """A table made by styrkort, handed over through the Arrow PyCapsule interface."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The table as an Arrow C stream."""
    @property
    def num_rows(self) -> int:
        """The number of rows."""
    @property
    def column_names(self) -> list[str]:
        """The column names."""
    def __len__(self) -> int: ...

@final
class StatusCounts:
    """How many goals (or measures) have each status."""

    @property
    def achieved(self) -> int:
        """Uppnått."""
    @property
    def partially_achieved(self) -> int:
        """Delvis uppnått."""
    @property
    def not_achieved(self) -> int:
        """Ej uppnått."""
    @property
    def not_assessed(self) -> int:
        """Kan ej bedömas."""
    @property
    def total(self) -> int:
        """Every status together."""
    def to_dict(self) -> dict[str, int]:
        """The counts by status code, in the legend's order."""

@final
class NodeStatus:
    """The status of a success factor or strategic goal."""

    @property
    def id(self) -> str:
        """The id."""
    @property
    def name(self) -> str:
        """The name."""
    @property
    def suggested(self) -> str:
        """The status computed from the measures beneath it."""
    @property
    def judgement(self) -> Judgement | None:
        """The judgement recorded for the period."""
    @property
    def reported(self) -> str:
        """The judgement's status, or the suggestion."""
    @property
    def differs(self) -> bool:
        """A judgement is recorded and differs from the suggestion."""
    @property
    def measures(self) -> StatusCounts:
        """The combined statuses of the measures that count."""

@final
class PerspectiveSummary:
    """A perspective's goals in numbers and words."""

    @property
    def id(self) -> str:
        """The perspective's id."""
    @property
    def name(self) -> str:
        """Its name."""
    @property
    def suggested(self) -> str:
        """The status computed from all measures beneath it."""
    @property
    def goals(self) -> StatusCounts:
        """Its goals per reported status."""
    @property
    def forecasts(self) -> StatusCounts:
        """Its goals per year-end forecast."""
    @property
    def sentence(self) -> str:
        """The summary sentence of its goals."""

@final
class Rollup:
    """The roll-up of one unit's assessments for a period, in plan order."""

    @property
    def unit(self) -> str | None:
        """The unit reported on; None for the organisation."""
    @property
    def success_factors(self) -> list[NodeStatus]:
        """Every success factor."""
    @property
    def goals(self) -> list[NodeStatus]:
        """Every strategic goal."""
    @property
    def perspectives(self) -> list[PerspectiveSummary]:
        """Every perspective."""
    @property
    def total(self) -> StatusCounts:
        """All goals per reported status."""
    @property
    def forecasts(self) -> StatusCounts:
        """All goals per year-end forecast."""
    @property
    def sentence(self) -> str:
        """"Den samlade bedömningen av de strategiska målen för perioden visar att …"."""
    @property
    def forecast_sentence(self) -> str | None:
        """"Prognosen för helåret visar att …"; None without forecasts."""
    def goal(self, id: str) -> NodeStatus | None:
        """The status of a goal."""
    def success_factor(self, id: str) -> NodeStatus | None:
        """The status of a success factor."""

@final
class Report:
    """The result of :meth:`Scorecard.assess`: records, roll-up and the rendered report."""

    def __len__(self) -> int:
        """The number of records."""
    @property
    def period(self) -> str:
        """The period assessed."""
    @property
    def unit(self) -> str | None:
        """The unit the rendered report is about; None for the organisation."""
    @property
    def unit_name(self) -> str:
        """The name of the unit reported on, or the organisation's."""
    @property
    def scorecard(self) -> Scorecard:
        """The scorecard assessed."""
    @property
    def rules(self) -> RuleSet:
        """The rule set used."""
    @property
    def judgements(self) -> list[Judgement]:
        """The judgements of the period taken into account."""
    @property
    def analyses(self) -> list[dict[str, str]]:
        """The analysis texts of the period: dicts with ``of``, ``period`` and ``text``."""
    @property
    def observations(self) -> Observations:
        """The observations assessed."""
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The records as an Arrow C stream."""
    def to_arrow(self, columns: Sequence[str] | None = None) -> Any:
        """The records (every column, or those named) as a pyarrow Table."""
    def to_pandas(self, columns: Sequence[str] | None = None) -> Any:
        """The records as a pandas DataFrame: categoricals for repeated texts, exact decimals."""
    def to_polars(self, columns: Sequence[str] | None = None) -> Any:
        """The records as a polars DataFrame."""
    def to_json(self) -> str:
        """The records as the JSON list ``styrkort assess --format json`` prints."""
    def to_csv(self, excel: bool = False) -> str:
        """The records as CSV; ``excel=True`` for Swedish Excel (``;``, decimal comma, BOM, CRLF)."""
    def rollup(self) -> Rollup:
        """The roll-up of the report's unit."""
    def gender_gaps(self, backend: _Backend = "pandas") -> Any:
        """The gender gaps of the report's unit, one row per measure split by sex."""
    def summary(self, backend: _Backend = "pandas") -> Any:
        """Goal counts per perspective and status with the sentences, and a ``total`` row."""
    def to_html(self, language: _Language = "sv", publish: bool = False, columns: Sequence[str] = ...) -> str:
        """The goal-fulfilment report as one self-contained HTML document; ``publish=True`` for the
        publication mode, ``columns=["utfall"]`` for the Utfall column."""
    def to_markdown(self, language: _Language = "sv", publish: bool = False, columns: Sequence[str] = ...) -> str:
        """The goal-fulfilment report as Markdown; ``publish`` and ``columns`` as for HTML."""
    def to_text(self, color: bool = False, language: _Language = "sv") -> str:
        """The goal-fulfilment report as plain text."""
    def _repr_html_(self) -> str:
        """The report inline in Jupyter, in a sandboxed iframe."""
    def plot(self, ax: Any = None) -> Any:
        """A stacked bar per perspective of its goals' statuses (needs matplotlib)."""
    def plot_measure(self, measure: str, ax: Any = None) -> Any:
        """One measure's values over the periods, per sex, against its targets (needs matplotlib)."""
    def measure_series(self, measure: str) -> list[tuple[str, str, Decimal | None, Decimal | None, str]]:
        """``(period, sex, value, target_value, status)`` of a measure for every period observed."""
    @classmethod
    def _from_state(cls, state: str) -> Report: ...

@final
class Example:
    """A scorecard with its observations, judgements and analysis texts for one period."""

    @property
    def scorecard(self) -> Scorecard:
        """The scorecard."""
    @property
    def observations(self) -> Observations:
        """Its observations."""
    @property
    def judgements(self) -> list[Judgement]:
        """The recorded judgements of goals, success factors and single measures."""
    @property
    def analyses(self) -> list[dict[str, str]]:
        """The region's analysis texts: dicts with ``of``, ``period`` and ``text``."""
    @property
    def period(self) -> str:
        """The period, ``2020-DÅ04``."""

def example() -> Example:
    """Region Norrbotten, delårsrapport april 2020: the bundled example."""

# The legend -------------------------------------------------------------------------------

def statuses() -> list[str]:
    """Every status code, in the legend's order."""

def status_colour(status: str) -> str:
    """The report's colour of a status, as hex RGB."""

def status_shape(status: str) -> str:
    """The shape beside a status's colour: ■ ● ▲ ◊."""

def status_label(status: str, language: _Language = "sv") -> str:
    """The report's label of a status."""

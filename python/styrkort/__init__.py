"""styrkort: goal follow-up under balanced scorecard steering as Swedish regions practise it.

A scorecard ("styrkort") of perspectives, strategic goals, success factors and measures with
targets in Swedish prose; observations per period from a CSV file, a pandas or polars
DataFrame, an Arrow table or a list of dicts; the status, trend and explanation of every
measure; the roll-up of every goal; the goal-fulfilment report as HTML, Markdown or inline in
Jupyter; the tidy records as pandas, polars or Arrow.

>>> import styrkort
>>> example = styrkort.example()
>>> report = example.scorecard.assess(example.observations, example.period, judgements=example.judgements)
>>> report.rollup().sentence.startswith("Den samlade bedömningen")
True

Everything runs in the Rust core (``styrkort._styrkort``); this package re-exports it and adds
the adapters to pandas, polars and matplotlib, imported only when used.
"""

from styrkort._styrkort import (
    ORGANISATION,
    ArrowTable,
    Baseline,
    Body,
    Diagnostic,
    Example,
    FileError,
    Goal,
    InvalidValueError,
    JudgementError,
    Judgement,
    Measure,
    NodeStatus,
    ObservationError,
    Observations,
    PeriodError,
    Perspective,
    PerspectiveSummary,
    Report,
    Rollup,
    RulesError,
    RuleSet,
    Scorecard,
    ScorecardError,
    StatusCounts,
    StyrkortError,
    SuccessFactor,
    Target,
    TargetParseError,
    Unit,
    UnknownUnitError,
    WriteError,
    ReportOptionsError,
    __version__,
    example,
    parse_target,
    status_colour,
    status_label,
    status_shape,
    statuses,
)

__all__ = [
    "ORGANISATION",
    "ArrowTable",
    "Baseline",
    "Body",
    "Diagnostic",
    "Example",
    "FileError",
    "Goal",
    "InvalidValueError",
    "Judgement",
    "JudgementError",
    "Measure",
    "NodeStatus",
    "ObservationError",
    "Observations",
    "PeriodError",
    "Perspective",
    "PerspectiveSummary",
    "Report",
    "Rollup",
    "RuleSet",
    "RulesError",
    "Scorecard",
    "ScorecardError",
    "StatusCounts",
    "StyrkortError",
    "SuccessFactor",
    "Target",
    "TargetParseError",
    "Unit",
    "UnknownUnitError",
    "WriteError",
    "ReportOptionsError",
    "__version__",
    "example",
    "parse_target",
    "status_colour",
    "status_label",
    "status_shape",
    "statuses",
]

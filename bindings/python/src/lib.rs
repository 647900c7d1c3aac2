//! The native module of the Python package `styrkort` (`styrkort._styrkort`): thin wrappers
//! over the core crate, one file per concept. The public API is re-exported, with the
//! pure-Python adapters (pandas, polars, matplotlib), by `python/styrkort/__init__.py`.

mod arrow_in;
mod arrow_out;
mod convert;
mod errors;
mod example;
mod judgements;
mod legend;
mod model;
mod observations;
mod pickle;
mod records;
mod report;
mod rollup;
mod rules;
mod scorecard;
mod target;

use pyo3::prelude::*;

/// The module: every class, function and exception of the package's native part.
#[pymodule]
fn _styrkort(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(module)?;
    module.add_class::<scorecard::Scorecard>()?;
    module.add_class::<observations::Observations>()?;
    module.add_class::<report::Report>()?;
    module.add_class::<rules::RuleSet>()?;
    module.add_class::<target::Target>()?;
    module.add_class::<arrow_out::ArrowTable>()?;
    module.add_class::<example::Example>()?;
    for class in [
        module.py().get_type::<model::Body>(),
        module.py().get_type::<model::Unit>(),
        module.py().get_type::<model::Perspective>(),
        module.py().get_type::<model::Goal>(),
        module.py().get_type::<model::SuccessFactor>(),
        module.py().get_type::<model::Measure>(),
        module.py().get_type::<model::Baseline>(),
        module.py().get_type::<model::Judgement>(),
        module.py().get_type::<rollup::Rollup>(),
        module.py().get_type::<rollup::NodeStatus>(),
        module.py().get_type::<rollup::PerspectiveSummary>(),
        module.py().get_type::<rollup::StatusCounts>(),
        module.py().get_type::<scorecard::Organisation>(),
    ] {
        module.add(class.name()?, class)?;
    }
    module.add("ORGANISATION", scorecard::Organisation)?;
    module.add_function(wrap_pyfunction!(target::parse_target, module)?)?;
    module.add_function(wrap_pyfunction!(example::norrbotten_2020, module)?)?;
    module.add_function(wrap_pyfunction!(legend::statuses, module)?)?;
    module.add_function(wrap_pyfunction!(legend::status_colour_of, module)?)?;
    module.add_function(wrap_pyfunction!(legend::status_shape_of, module)?)?;
    module.add_function(wrap_pyfunction!(legend::status_label, module)?)?;
    Ok(())
}

//! The transition model against a reference list of plausible moves.

use switchback_core::eval::{Metrics, evaluate};
use switchback_core::transition::top_k;
use switchback_data::reference::Layout;

use crate::{AppError, Engine};

/// The metrics and what the report says besides them.
#[derive(Clone, Debug)]
pub struct EvalView {
    /// recall, precision and MRR at k (the JSON contract).
    pub metrics: Metrics,
    /// `career_changers` or `related_occupations`.
    pub layout: &'static str,
    /// Reference pairs whose codes are not in the catalog.
    pub skipped_pairs: usize,
    /// The same metrics with destinations limited to the occupations the
    /// reference names at all (as origin or destination): an older
    /// reference cannot list occupations its release did not cover, so
    /// ranking them first is not an error of the model.
    pub within_reference: Metrics,
    /// How many occupations the reference names.
    pub reference_occupations: usize,
}

/// Scores the top-`k` destinations per origin against the reference in
/// `text` (`file` names it in errors).
pub fn transitions(
    engine: &Engine,
    file: &str,
    text: &str,
    k: usize,
) -> Result<EvalView, AppError> {
    let catalog = engine.catalog();
    let max = catalog.occupations().len() - 1;
    if !(1..=max).contains(&k) {
        return Err(AppError::invalid(
            "k",
            format!("{k} is out of range: from 1 to {max}"),
        ));
    }
    let parsed = switchback_data::reference::parse(file, text, catalog)?;
    let matrix = engine
        .model()
        .matrix(std::thread::available_parallelism().map_or(1, |n| n.get()));
    let metrics = evaluate(&parsed.reference, k, |o, k| {
        top_k(matrix.row(o), o, k, |_| true)
            .into_iter()
            .map(|(d, _)| d)
            .collect()
    });
    let mut named = vec![false; catalog.occupations().len()];
    for (o, dests) in &parsed.reference.origins {
        named[usize::from(o.0)] = true;
        for d in dests {
            named[usize::from(d.0)] = true;
        }
    }
    let within_reference = evaluate(&parsed.reference, k, |o, k| {
        top_k(matrix.row(o), o, k, |d| named[usize::from(d.0)])
            .into_iter()
            .map(|(d, _)| d)
            .collect()
    });
    Ok(EvalView {
        metrics,
        layout: match parsed.layout {
            Layout::CareerChangers => "career_changers",
            Layout::RelatedOccupations => "related_occupations",
        },
        skipped_pairs: parsed.skipped_pairs,
        within_reference,
        reference_occupations: named.iter().filter(|x| **x).count(),
    })
}

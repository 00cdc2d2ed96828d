//! `switchback eval transitions`.

use anyhow::Context;
use switchback_core::Catalog;
use switchback_core::eval::{Metrics, evaluate};
use switchback_core::transition::{TransitionModel, top_k};
use switchback_data::reference::Layout;

use crate::cli::{EvalTransitionsArgs, Format};
use crate::output;

/// What the report says besides the metrics. The JSON output is exactly
/// the metrics (`k`, `origins`, `recall_at_k`, `precision_at_k`, `mrr`):
/// that shape is a contract.
struct EvalView {
    metrics: Metrics,
    layout: &'static str,
    skipped_pairs: usize,
}

pub fn transitions(
    catalog: &Catalog,
    args: &EvalTransitionsArgs,
    format: Format,
) -> anyhow::Result<()> {
    let file = args.reference.display().to_string();
    let text =
        std::fs::read_to_string(&args.reference).with_context(|| format!("cannot read {file}"))?;
    let parsed = switchback_data::reference::parse(&file, &text, catalog)?;
    let model = TransitionModel::new(catalog);
    let matrix = model.matrix(std::thread::available_parallelism().map_or(1, |n| n.get()));
    let metrics = evaluate(&parsed.reference, usize::from(args.k), |o, k| {
        top_k(matrix.row(o), o, k, |_| true)
            .into_iter()
            .map(|(d, _)| d)
            .collect()
    });
    let view = EvalView {
        metrics,
        layout: match parsed.layout {
            Layout::CareerChangers => "career_changers",
            Layout::RelatedOccupations => "related_occupations",
        },
        skipped_pairs: parsed.skipped_pairs,
    };
    match format {
        Format::Json => {
            if view.skipped_pairs > 0 {
                eprintln!(
                    "note: {} reference pairs skipped (codes not in the catalog)",
                    view.skipped_pairs
                );
            }
            output::json(&view.metrics)
        }
        Format::Text => output::text(&format!(
            "Reference {file} ({} layout): {} origins{}\n  recall@{k}     {:.3}\n  precision@{k}  {:.3}\n  MRR@{k}        {:.3}\n",
            view.layout.replace('_', " "),
            metrics.origins,
            if view.skipped_pairs > 0 {
                format!(
                    ", {} pairs skipped (codes not in the catalog)",
                    view.skipped_pairs
                )
            } else {
                String::new()
            },
            metrics.recall_at_k,
            metrics.precision_at_k,
            metrics.mrr,
            k = metrics.k,
        )),
    }
}

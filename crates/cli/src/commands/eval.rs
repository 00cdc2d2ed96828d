//! `switchback eval transitions`.

use anyhow::Context;
use switchback_app::Engine;
use switchback_app::eval;

use crate::cli::{EvalTransitionsArgs, Format};
use crate::output;

/// The JSON output is exactly the metrics (`k`, `origins`, `recall_at_k`,
/// `precision_at_k`, `mrr`): that shape is a contract.
pub fn transitions(
    engine: &Engine,
    args: &EvalTransitionsArgs,
    format: Format,
) -> anyhow::Result<()> {
    let file = args.reference.display().to_string();
    let text =
        std::fs::read_to_string(&args.reference).with_context(|| format!("cannot read {file}"))?;
    let view = eval::transitions(engine, &file, &text, usize::from(args.k))?;
    let metrics = &view.metrics;
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
        Format::Text => output::text(
            &(format!(
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
            ) + &format!(
                "Among the {} occupations the reference names:\n  recall@{k}     {:.3}\n  precision@{k}  {:.3}\n  MRR@{k}        {:.3}\n",
                view.reference_occupations,
                view.within_reference.recall_at_k,
                view.within_reference.precision_at_k,
                view.within_reference.mrr,
                k = metrics.k,
            )),
        ),
    }
}

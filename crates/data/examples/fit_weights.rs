//! Fits the transition model's facet weights against O*NET's Career
//! Changers Matrix, without letting the held-out half see the fit.
//!
//! `cargo run --release -p switchback-data --example fit_weights`
//!
//! Origins are split by the parity of their position in the reference file's
//! origin order (sorted by code): even positions fit, odd positions test.
//! The search is coordinate ascent on recall@10 over a grid of weights per
//! facet, starting from equal weights. It prints the baseline (cosine of the
//! skill+knowledge rating vectors), the equal-weight model, and the fitted
//! weights with their recall on both halves and on the whole set.

#![allow(clippy::unwrap_used)] // Tests, benches and dev tools fail loudly by design.

use switchback_core::OccupationId;
use switchback_core::eval::{Reference, evaluate};
use switchback_core::transition::{Facets, TransitionModel, Weights, top_k};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let catalog = switchback_data::embedded()?;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/eval/career-changers-matrix.tsv");
    let text = std::fs::read_to_string(&path)?;
    let parsed = switchback_data::reference::parse("career-changers-matrix.tsv", &text, &catalog)?;
    let all = parsed.reference;
    let (mut fit, mut test) = (Reference::default(), Reference::default());
    for (i, o) in all.origins.iter().enumerate() {
        if i % 2 == 0 {
            fit.origins.push(o.clone())
        } else {
            test.origins.push(o.clone())
        }
    }
    println!(
        "origins: {} (fit {}, test {}), skipped pairs {}",
        all.origins.len(),
        fit.origins.len(),
        test.origins.len(),
        parsed.skipped_pairs
    );

    let model = TransitionModel::new(&catalog);
    let n = model.len();
    // Facets of every pair, once.
    let facets: Vec<Facets> = (0..n * n)
        .map(|i| model.facets(OccupationId((i / n) as u16), OccupationId((i % n) as u16)))
        .collect();

    // Baseline: cosine of raw rating vectors (importance and level, skills +
    // knowledge) over the occupations O*NET rated (no imputed profiles).
    let rated = |i: OccupationId| {
        model.profile(i).ratings == switchback_core::transition::profile::RatingSource::Rated
    };
    let baseline = |reference: &Reference| {
        evaluate(reference, 10, |o, k| {
            if !rated(o) {
                return Vec::new();
            }
            let p = model.profile(o);
            let row: Vec<f32> = (0..n)
                .map(|b| {
                    let q = model.profile(OccupationId(b as u16));
                    let (mut dot, mut na, mut nb) = (0.0, 0.0, 0.0);
                    for e in 0..p.level.len() {
                        for (x, y) in [(p.importance[e], q.importance[e]), (p.level[e], q.level[e])]
                        {
                            dot += x * y;
                            na += x * x;
                            nb += y * y;
                        }
                    }
                    if na > 0.0 && nb > 0.0 {
                        dot / (na * nb).sqrt()
                    } else {
                        0.0
                    }
                })
                .collect();
            top_k(&row, o, k, rated)
                .into_iter()
                .map(|(d, _)| d)
                .collect()
        })
        .recall_at_k
    };
    println!(
        "baseline cosine(skills+knowledge): fit {:.3}, held-out {:.3}, all {:.3}",
        baseline(&fit),
        baseline(&test),
        baseline(&all)
    );
    let shipped = TransitionModel::new(&catalog);
    let shipped_recall = |reference: &Reference| {
        evaluate(reference, 10, |o, k| {
            shipped
                .top_destinations(o, k, |_| true)
                .into_iter()
                .map(|(d, _)| d)
                .collect()
        })
    };
    let (f, t, a) = (
        shipped_recall(&fit),
        shipped_recall(&test),
        shipped_recall(&all),
    );
    println!(
        "shipped weights: recall@10 fit {:.3}, held-out {:.3}, all {:.3}; all: precision@10 {:.3}, mrr {:.3}",
        f.recall_at_k, t.recall_at_k, a.recall_at_k, a.precision_at_k, a.mrr
    );

    let recall = |w: &Weights, reference: &Reference| {
        evaluate(reference, 10, |o, k| {
            let a = usize::from(o.0);
            let row: Vec<f32> = (0..n).map(|b| facets[a * n + b].combine(w)).collect();
            top_k(&row, o, k, |_| true)
                .into_iter()
                .map(|(d, _)| d)
                .collect()
        })
        .recall_at_k
    };
    for f in 0..9 {
        let mut only = [0.0; 9];
        only[f] = 1.0;
        println!(
            "facet {f} alone: fit {:.3}",
            recall(&Weights::from_array(only), &fit)
        );
    }
    let mut w = Weights::EQUAL.as_array();
    let mut best = recall(&Weights::from_array(w), &fit);
    println!("equal weights: fit {best:.3}");
    let grid = [
        0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0,
    ];
    for round in 0..6 {
        let mut improved = false;
        for f in 0..w.len() {
            for &g in &grid {
                let mut trial = w;
                trial[f] = g;
                if trial.iter().sum::<f32>() <= 0.0 {
                    continue;
                }
                let r = recall(&Weights::from_array(trial), &fit);
                if r > best + 1e-9 {
                    best = r;
                    w = trial;
                    improved = true;
                }
            }
        }
        println!("round {round}: fit recall@10 {best:.3}, weights {w:?}");
        if !improved {
            break;
        }
    }
    let fitted = Weights::from_array(w);
    println!("fitted weights: {fitted:?}");
    let rated_only = evaluate(&all, 10, |o, k| {
        let a = usize::from(o.0);
        let row: Vec<f32> = (0..n).map(|b| facets[a * n + b].combine(&fitted)).collect();
        top_k(&row, o, k, |d| {
            model.profile(d).ratings == switchback_core::transition::profile::RatingSource::Rated
        })
        .into_iter()
        .map(|(d, _)| d)
        .collect()
    });
    println!(
        "diagnostic: all origins, rated destinations only: recall@10 {:.3}",
        rated_only.recall_at_k
    );
    println!(
        "recall@10 fit half {:.3}, held-out half {:.3}, all {:.3}",
        recall(&fitted, &fit),
        recall(&fitted, &test),
        recall(&fitted, &all)
    );
    Ok(())
}

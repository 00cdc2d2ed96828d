//! Fits the transition model's facet weights and job-zone rule against
//! O*NET's Career Changers Matrix, without letting the held-out half see
//! the fit.
//!
//! `cargo run --release -p switchback-data --example fit_weights`
//!
//! Origins are split by the parity of their position in the reference
//! (sorted by code): even positions fit, odd positions test. Two searches
//! alternate, each maximising recall@10 on the fit half only:
//!
//! - weights: coordinate ascent per facet over absolute values (0 … 32) and
//!   multiplicative steps around the current weight, from equal weights;
//! - calibration: a grid over the value of one and two job zones up, the
//!   cost of each zone down, and the trust in imputed ratings.
//!
//! It prints the baseline (cosine of skill + knowledge rating vectors over
//! rated occupations), the shipped model, and the fit's result on both halves.

#![allow(clippy::unwrap_used)] // A dev tool: fail loudly.

use switchback_core::OccupationId;
use switchback_core::eval::{Reference, evaluate};
use switchback_core::transition::profile::RatingSource;
use switchback_core::transition::{Calibration, Facets, TransitionModel, Weights, top_k};

fn main() {
    let catalog = switchback_data::embedded().unwrap();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/eval/career-changers-matrix.tsv"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let all = switchback_data::reference::parse("career-changers-matrix.tsv", &text, &catalog)
        .unwrap()
        .reference;
    let (mut fit, mut test) = (Reference::default(), Reference::default());
    for (i, o) in all.origins.iter().enumerate() {
        if i % 2 == 0 {
            fit.origins.push(o.clone())
        } else {
            test.origins.push(o.clone())
        }
    }
    // Destinations are limited to the occupations the reference names: an
    // older reference cannot list occupations its release did not cover.
    let mut names = vec![false; catalog.occupations().len()];
    for (o, dests) in &all.origins {
        names[usize::from(o.0)] = true;
        for d in dests {
            names[usize::from(d.0)] = true;
        }
    }
    NAMED.set(names).unwrap();
    println!(
        "origins: {} (fit {}, test {})",
        all.origins.len(),
        fit.origins.len(),
        test.origins.len()
    );

    let model = TransitionModel::new(&catalog);
    let n = model.len();
    baseline(&model, &fit, &test, &all);
    let shipped = |r: &Reference| {
        let matrix = model.matrix(2);
        evaluate(r, 10, |o, k| {
            top_k(matrix.row(o), o, k, named)
                .into_iter()
                .map(|(d, _)| d)
                .collect()
        })
    };
    let (f, t, a) = (shipped(&fit), shipped(&test), shipped(&all));
    println!(
        "shipped model: recall@10 fit {:.3}, held-out {:.3}, all {:.3}; all: precision@10 {:.3}, MRR {:.3}",
        f.recall_at_k, t.recall_at_k, a.recall_at_k, a.precision_at_k, a.mrr
    );

    let mut rule = Calibration::FITTED;
    let mut w = Weights::FITTED.as_array();
    for pass in 0..1 {
        let m = model.reweighted(Weights::from_array(w), rule);
        let facets: Vec<Facets> = (0..n * n)
            .map(|i| m.facets(OccupationId((i / n) as u16), OccupationId((i % n) as u16)))
            .collect();
        w = fit_weights(&facets, n, w, &fit);
        rule = fit_rule(&model, Weights::from_array(w), rule, &fit);
        println!("pass {pass}: weights {w:?}, rule {rule:?}");
    }
    let fitted = model.reweighted(Weights::from_array(w), rule);
    let matrix = fitted.matrix(2);
    let recall = |r: &Reference| {
        evaluate(r, 10, |o, k| {
            top_k(matrix.row(o), o, k, named)
                .into_iter()
                .map(|(d, _)| d)
                .collect()
        })
    };
    let (f, t, a) = (recall(&fit), recall(&test), recall(&all));
    println!("fitted: {:?}\n        {rule:?}", Weights::from_array(w));
    println!(
        "fitted: recall@10 fit {:.4}, held-out {:.4}, all {:.4}; all: precision@10 {:.3}, MRR {:.3}",
        f.recall_at_k, t.recall_at_k, a.recall_at_k, a.precision_at_k, a.mrr
    );
}

static NAMED: std::sync::OnceLock<Vec<bool>> = std::sync::OnceLock::new();

/// Whether the reference names `d` at all.
fn named(d: OccupationId) -> bool {
    NAMED.get().is_some_and(|n| n[usize::from(d.0)])
}

fn baseline(model: &TransitionModel, fit: &Reference, test: &Reference, all: &Reference) {
    let n = model.len();
    let rated = |i: OccupationId| model.profile(i).ratings == RatingSource::Rated;
    let run = |reference: &Reference| {
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
        run(fit),
        run(test),
        run(all)
    );
}

fn fit_weights(facets: &[Facets], n: usize, start: [f32; 10], fit: &Reference) -> [f32; 10] {
    let recall = |w: &Weights| {
        evaluate(fit, 10, |o, k| {
            let a = usize::from(o.0);
            let row: Vec<f32> = (0..n).map(|b| facets[a * n + b].combine(w)).collect();
            top_k(&row, o, k, named)
                .into_iter()
                .map(|(d, _)| d)
                .collect()
        })
        .recall_at_k
    };
    let grid = [
        0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0,
    ];
    let mut w = start;
    let mut best = recall(&Weights::from_array(w));
    for _ in 0..8 {
        let mut improved = false;
        for f in 0..w.len() {
            let steps = [0.5, 0.7, 0.85, 1.2, 1.4, 2.0].map(|m| w[f] * m);
            for &g in grid.iter().chain(&steps) {
                let mut trial = w;
                trial[f] = g;
                if trial.iter().sum::<f32>() <= 0.0 {
                    continue;
                }
                let r = recall(&Weights::from_array(trial));
                if r > best + 1e-9 {
                    (best, w, improved) = (r, trial, true);
                }
            }
        }
        println!("  weights: fit recall@10 {best:.3}");
        if !improved {
            break;
        }
    }
    w
}

fn fit_rule(
    model: &TransitionModel,
    weights: Weights,
    start: Calibration,
    fit: &Reference,
) -> Calibration {
    let recall = |rule: Calibration| {
        let matrix = model.reweighted(weights, rule).matrix(2);
        evaluate(fit, 10, |o, k| {
            top_k(matrix.row(o), o, k, named)
                .into_iter()
                .map(|(d, _)| d)
                .collect()
        })
        .recall_at_k
    };
    let (mut best_rule, mut best) = (start, recall(start));
    for up1 in [0.5, 0.6, 0.7, 0.8, 0.9, 1.0] {
        for up2 in [0.1, 0.3, 0.5, 0.7] {
            for zone_down_step in [0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6] {
                let rule = Calibration {
                    zone_up: [up1, up2, 0.0],
                    zone_down_step,
                    ..best_rule
                };
                let r = recall(rule);
                if r > best + 1e-9 {
                    (best, best_rule) = (r, rule);
                }
            }
        }
    }
    for activity_exponent in [0.3, 0.4, 0.5, 0.6, 0.7, 0.85, 1.0] {
        let rule = Calibration {
            activity_exponent,
            ..best_rule
        };
        let r = recall(rule);
        if r > best + 1e-9 {
            (best, best_rule) = (r, rule);
        }
    }
    // Inferred ratings are used at full weight (imputed_trust stays 1):
    // the reference lists none of the occupations O*NET has not rated, so
    // fitting the trust would only learn the reference's age.
    println!("  calibration: fit recall@10 {best:.3}");
    best_rule
}

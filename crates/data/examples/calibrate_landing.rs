//! Prints the figures the landing chance's distance factor was read from
//! (`core::chances::distance_factor`): the transition scores of the moves
//! O*NET's Career Changers Matrix lists as needing little additional
//! preparation against those of every pair of occupations, and a logistic
//! regression of "the matrix lists this move" on the score over the fit
//! half of its origins (even positions, as `fit_weights` splits them).
//!
//! `cargo run --release -p switchback-data --example calibrate_landing`

#[path = "common/logistic.rs"]
mod logistic;

use std::collections::HashSet;

use switchback_core::catalog::OccupationId;
use switchback_core::chances;
use switchback_core::transition::TransitionModel;

fn quantiles(name: &str, v: &mut [f32]) {
    v.sort_by(f32::total_cmp);
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name} (n = {}): p05 {:.3}  p10 {:.3}  p25 {:.3}  median {:.3}  p75 {:.3}  p90 {:.3}",
        v.len(),
        at(0.05),
        at(0.10),
        at(0.25),
        at(0.5),
        at(0.75),
        at(0.9)
    );
}

fn main() {
    let catalog = switchback_data::embedded().expect("embedded catalog");
    let model = TransitionModel::new(&catalog);
    let matrix = model.matrix(2);
    let text = std::fs::read_to_string("data/eval/career-changers-matrix.tsv")
        .expect("run from the repository root: data/eval/career-changers-matrix.tsv");
    let reference = switchback_data::reference::parse("ccm", &text, &catalog).expect("parse");
    let origins = &reference.reference.origins;
    let named: HashSet<OccupationId> = origins
        .iter()
        .flat_map(|(a, tos)| std::iter::once(*a).chain(tos.iter().copied()))
        .collect();

    let mut listed: Vec<f32> = origins
        .iter()
        .flat_map(|(a, tos)| tos.iter().map(|b| matrix.get(*a, *b)))
        .collect();
    quantiles("scores of the matrix's moves", &mut listed);
    let n = matrix.len();
    let mut every: Vec<f32> = (0..n)
        .flat_map(|a| (0..n).filter(move |&b| b != a).map(move |b| (a, b)))
        .map(|(a, b)| matrix.get(OccupationId(a as u16), OccupationId(b as u16)))
        .collect();
    quantiles("scores of every pair", &mut every);

    let mut points = Vec::new();
    for (i, (from, tos)) in origins.iter().enumerate() {
        if i % 2 == 1 {
            continue;
        }
        for &to in named.iter().filter(|&&b| b != *from) {
            points.push((
                f64::from(matrix.get(*from, to)),
                f64::from(u8::from(tos.contains(&to))),
                1.0,
            ));
        }
    }
    let (a, b) = logistic::fit(&points);
    println!(
        "logistic regression on the fit half ({} pairs): intercept {a:.3}, slope {b:.3}: width 1/slope = {:.4}",
        points.len(),
        1.0 / b
    );
    print!("distance factor as shipped:");
    for s in [0.2f32, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.57, 0.7] {
        print!("  {s:.2} → {:.3}", chances::distance_factor(s));
    }
    println!();
}

//! Prints the distribution of skill-and-knowledge coverage for the moves in
//! the Career Changers Matrix and for random pairs, how well each measure
//! tells the two apart (AUC), and the success curve's midpoint and width
//! read from them: the curve through the matrix's 10th percentile and
//! median (shipped in `core::chances`), and, for comparison, a logistic
//! regression of "a move O*NET lists as needing little preparation"
//! against "a random pair" on the coverage, the two weighted equally.
//!
//! `cargo run --release -p switchback-data --example calibrate_success`

#[path = "common/logistic.rs"]
mod logistic;

use switchback_core::catalog::OccupationId;
use switchback_core::chances::{self, Side, Success};
use switchback_core::level::Level;
use switchback_core::position::Track;
use switchback_core::transition::TransitionModel;

/// Logistic arguments the shipped curve has at the matrix's 10th
/// percentile and median of coverage: success 0.76 and 0.92 of the 0.95
/// ceiling.
const AT_P10: f32 = 1.4;
const AT_MEDIAN: f32 = 3.5;

fn main() {
    let catalog = switchback_data::embedded().expect("embedded catalog");
    let model = TransitionModel::new(&catalog);
    let text = std::fs::read_to_string("data/eval/career-changers-matrix.tsv").expect("matrix");
    let reference = switchback_data::reference::parse("ccm", &text, &catalog).expect("parse");
    let success = |a: OccupationId, b: OccupationId| {
        let side = |occupation| Side {
            occupation,
            level: Level::Senior,
            track: Track::Individual,
        };
        chances::success(
            &catalog,
            &model,
            &model.profile(a).level,
            &side(a),
            &side(b),
        )
    };
    let matrix: Vec<Success> = reference
        .reference
        .origins
        .iter()
        .flat_map(|(from, tos)| tos.iter().map(|&to| success(*from, to)))
        .collect();
    let n = catalog.occupations().len() as u64;
    let mut x = 0x9e3779b97f4a7c15u64;
    let random: Vec<Success> = (0..20_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let a = OccupationId((x % n) as u16);
            let b = OccupationId(((x >> 20) % n) as u16);
            success(a, b)
        })
        .collect();
    let measures: [(&str, Measure); 4] = [
        ("coverage", |s| s.coverage),
        ("distinctive coverage", |s| s.distinctive_coverage),
        ("blended coverage", |s| {
            Some((s.coverage? + s.distinctive_coverage?) / 2.0)
        }),
        ("success", |s| Some(s.chance)),
    ];
    for (name, measure) in measures {
        let mut m: Vec<f32> = matrix.iter().filter_map(measure).collect();
        let mut r: Vec<f32> = random.iter().filter_map(measure).collect();
        let auc = auc(&m, &r);
        m.sort_by(f32::total_cmp);
        r.sort_by(f32::total_cmp);
        println!("{name}: AUC matrix vs random {auc:.3}");
        println!("  matrix {}", quantiles(&m));
        println!("  random {}", quantiles(&r));
        if name == "blended coverage" {
            let balance = m.len() as f64 / r.len() as f64;
            let points: Vec<(f64, f64, f64)> = m
                .iter()
                .map(|&c| (f64::from(c), 1.0, 1.0))
                .chain(r.iter().map(|&c| (f64::from(c), 0.0, balance)))
                .collect();
            let (a, b) = logistic::fit(&points);
            println!(
                "  logistic regression, matrix against random weighted equally: midpoint {:.3}, width {:.4} (not used: docs/EVALUATION.md)",
                -a / b,
                1.0 / b
            );
            let (p10, p50) = (quantile(&m, 0.1), quantile(&m, 0.5));
            let width = (p50 - p10) / (AT_MEDIAN - AT_P10);
            println!(
                "  curve through the matrix's p10 at 0.76 and median at 0.92 (shipped): midpoint {:.3}, width {:.3}",
                p10 - AT_P10 * width,
                width
            );
        }
    }
}

/// A figure read off one move's success.
type Measure = fn(&Success) -> Option<f32>;

fn quantile(sorted: &[f32], p: f32) -> f32 {
    sorted[((sorted.len() - 1) as f32 * p) as usize]
}

fn quantiles(sorted: &[f32]) -> String {
    let q = |p| quantile(sorted, p);
    format!(
        "n={} p10={:.3} p25={:.3} p50={:.3} p75={:.3} p90={:.3}",
        sorted.len(),
        q(0.1),
        q(0.25),
        q(0.5),
        q(0.75),
        q(0.9)
    )
}

/// The chance that a matrix move outscores a random pair (ties count half).
fn auc(positives: &[f32], negatives: &[f32]) -> f64 {
    let mut sorted = negatives.to_vec();
    sorted.sort_by(f32::total_cmp);
    let wins: f64 = positives
        .iter()
        .map(|p| {
            let below = sorted.partition_point(|n| n < p);
            let ties = sorted[below..].partition_point(|n| n <= p);
            below as f64 + ties as f64 / 2.0
        })
        .sum();
    wins / (positives.len() as f64 * negatives.len() as f64)
}

//! Prints the distribution of skill-and-knowledge coverage for the moves in
//! the Career Changers Matrix and for random pairs: the figures the success
//! curve's midpoint in `core::chances` was read from.
use switchback_core::chances::{self, Side};
use switchback_core::level::Level;
use switchback_core::position::Track;
use switchback_core::transition::TransitionModel;

fn main() {
    let catalog = switchback_data::embedded().expect("embedded catalog");
    let model = TransitionModel::new(&catalog);
    let text = std::fs::read_to_string("data/eval/career-changers-matrix.tsv").expect("matrix");
    let reference = switchback_data::reference::parse("ccm", &text, &catalog).expect("parse");
    let mut matrix = Vec::new();
    for (from, tos) in &reference.reference.origins {
        for &to in tos {
            matrix.push((*from, to));
        }
    }
    let cov = |a, b| {
        let levels = model.profile(a).level.clone();
        let side = Side {
            occupation: b,
            level: Level::Senior,
            track: Track::Individual,
        };
        let from = Side {
            occupation: a,
            level: Level::Senior,
            track: Track::Individual,
        };
        chances::success(&catalog, &model, &levels, &from, &side)
    };
    let mut m: Vec<f32> = matrix
        .iter()
        .filter_map(|&(a, b)| cov(a, b).coverage)
        .collect();
    let mut ms: Vec<f32> = matrix.iter().map(|&(a, b)| cov(a, b).chance).collect();
    let n = catalog.occupations().len() as u64;
    let mut x = 0x9e3779b97f4a7c15u64;
    let mut r: Vec<f32> = (0..5000)
        .filter_map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let a = switchback_core::catalog::OccupationId((x % n) as u16);
            let b = switchback_core::catalog::OccupationId(((x >> 20) % n) as u16);
            cov(a, b).coverage
        })
        .collect();
    let mut rs: Vec<f32> = (0..5000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let a = switchback_core::catalog::OccupationId((x % n) as u16);
            let b = switchback_core::catalog::OccupationId(((x >> 20) % n) as u16);
            cov(a, b).chance
        })
        .collect();
    for (name, v) in [
        ("matrix coverage", &mut m),
        ("random coverage", &mut r),
        ("matrix success", &mut ms),
        ("random success", &mut rs),
    ] {
        v.sort_by(f32::total_cmp);
        let q = |p: f32| v[((v.len() - 1) as f32 * p) as usize];
        println!(
            "{name}: n={} p10={:.3} p25={:.3} p50={:.3} p75={:.3} p90={:.3}",
            v.len(),
            q(0.1),
            q(0.25),
            q(0.5),
            q(0.75),
            q(0.9)
        );
    }
}

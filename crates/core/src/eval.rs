//! Scoring ranked destinations against a reference list of plausible moves
//! (recall, precision and reciprocal rank at k).

use serde::Serialize;

use crate::catalog::OccupationId;

/// A reference: for each origin, the destinations it lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reference {
    /// Origins with their reference destinations (never the origin itself).
    pub origins: Vec<(OccupationId, Vec<OccupationId>)>,
}

/// How well a ranking reproduces a reference.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Metrics {
    /// Cut-off.
    pub k: usize,
    /// Origins scored.
    pub origins: usize,
    /// Σ hits / Σ min(k, |reference destinations|), over origins.
    pub recall_at_k: f64,
    /// Σ hits / (k · origins).
    pub precision_at_k: f64,
    /// Mean over origins of 1 / rank of the first hit within the top k (0 if none).
    pub mrr: f64,
}

/// Scores `ranked(origin, k)` — the top-k destinations, best first — against
/// the reference. Origins with no reference destinations are skipped.
pub fn evaluate(
    reference: &Reference,
    k: usize,
    mut ranked: impl FnMut(OccupationId, usize) -> Vec<OccupationId>,
) -> Metrics {
    let (mut hits, mut possible, mut rr, mut origins) = (0usize, 0usize, 0f64, 0usize);
    for (origin, dests) in &reference.origins {
        if dests.is_empty() {
            continue;
        }
        origins += 1;
        let top = ranked(*origin, k);
        let mut first = None;
        for (rank, d) in top.iter().take(k).enumerate() {
            if dests.contains(d) {
                hits += 1;
                first.get_or_insert(rank + 1);
            }
        }
        possible += k.min(dests.len());
        rr += first.map_or(0.0, |r| 1.0 / r as f64);
    }
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    Metrics {
        k,
        origins,
        recall_at_k: ratio(hits as f64, possible as f64),
        precision_at_k: ratio(hits as f64, (k * origins) as f64),
        mrr: ratio(rr, origins as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(i: u16) -> OccupationId {
        OccupationId(i)
    }

    #[test]
    fn hand_checked_metrics() {
        // Origin 0 lists {1, 2, 3}; origin 10 lists {11}.
        let reference = Reference {
            origins: vec![(id(0), vec![id(1), id(2), id(3)]), (id(10), vec![id(11)])],
        };
        let m = evaluate(&reference, 2, |o, _| {
            if o == id(0) {
                vec![id(5), id(2)]
            } else {
                vec![id(11), id(12)]
            }
        });
        // Hits: 1 of min(2,3)=2 and 1 of min(2,1)=1 → 2/3.
        assert!((m.recall_at_k - 2.0 / 3.0).abs() < 1e-12);
        assert!((m.precision_at_k - 2.0 / 4.0).abs() < 1e-12);
        // First hits at rank 2 and rank 1 → (0.5 + 1) / 2.
        assert!((m.mrr - 0.75).abs() < 1e-12);
        assert_eq!(m.origins, 2);
    }
}

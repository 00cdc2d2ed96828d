//! Scores already computed, kept for the model's lifetime: a score is a
//! pure function of the model, and an `advise` asks for the same pairs
//! once per option's route (a server, once per request).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::catalog::OccupationId;

/// Ordered-pair scores filled in as they are asked for, row by row (a row
/// of 1,015 scores is 4 KB, made on its first use). Safe to share between
/// threads: a score is stored whole, and two threads computing the same
/// pair store the same value.
pub(crate) struct ScoreMemo {
    rows: Vec<OnceLock<Box<[AtomicU32]>>>,
}

impl ScoreMemo {
    /// An empty memo for `n` occupations.
    pub(crate) fn new(n: usize) -> Self {
        Self {
            rows: (0..n).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The score of a → b, computed by `compute` the first time it is
    /// asked. A slot holds the bitwise complement of the score's bits, so
    /// an empty slot (0) is never a score (it would be a NaN).
    pub(crate) fn get_or(
        &self,
        a: OccupationId,
        b: OccupationId,
        compute: impl FnOnce() -> f32,
    ) -> f32 {
        let n = self.rows.len();
        let Some(row) = self.rows.get(usize::from(a.0)) else {
            return compute();
        };
        let row = row.get_or_init(|| (0..n).map(|_| AtomicU32::new(0)).collect());
        let Some(slot) = row.get(usize::from(b.0)) else {
            return compute();
        };
        match slot.load(Ordering::Relaxed) {
            0 => {
                let score = compute();
                slot.store(!score.to_bits(), Ordering::Relaxed);
                score
            }
            stored => f32::from_bits(!stored),
        }
    }
}

/// A copy starts empty: a model cloned to be reweighted scores anew.
impl Clone for ScoreMemo {
    fn clone(&self) -> Self {
        Self::new(self.rows.len())
    }
}

impl std::fmt::Debug for ScoreMemo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let filled = self.rows.iter().filter(|r| r.get().is_some()).count();
        write!(
            f,
            "ScoreMemo {{ rows: {}, rows_begun: {filled} }}",
            self.rows.len()
        )
    }
}

/// One answer per occupation, found the first time it is asked and kept
/// for the model's lifetime (the first-line supervision of each
/// occupation's work). Like [`ScoreMemo`], a clone starts empty: a
/// reweighted model may answer otherwise, and a fresh clone is what a new
/// process meets.
pub(crate) struct PerOccupation<T> {
    slots: Vec<OnceLock<T>>,
}

impl<T> PerOccupation<T> {
    /// An empty memo for `n` occupations.
    pub(crate) fn new(n: usize) -> Self {
        Self {
            slots: (0..n).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The answer for `a`, computed by `compute` the first time (every
    /// time for an occupation beyond the memo).
    pub(crate) fn get_or(&self, a: OccupationId, compute: impl FnOnce() -> T) -> T
    where
        T: Copy,
    {
        match self.slots.get(usize::from(a.0)) {
            Some(slot) => *slot.get_or_init(compute),
            None => compute(),
        }
    }
}

impl<T> Clone for PerOccupation<T> {
    fn clone(&self) -> Self {
        Self::new(self.slots.len())
    }
}

impl<T> std::fmt::Debug for PerOccupation<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let found = self.slots.iter().filter(|s| s.get().is_some()).count();
        write!(
            f,
            "PerOccupation {{ slots: {}, found: {found} }}",
            self.slots.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_is_computed_once_and_a_clone_starts_empty() {
        let memo = ScoreMemo::new(3);
        let (a, b) = (OccupationId(0), OccupationId(2));
        let mut calls = 0;
        let mut ask = |memo: &ScoreMemo| {
            memo.get_or(a, b, || {
                calls += 1;
                0.0
            })
        };
        assert_eq!(ask(&memo), 0.0);
        assert_eq!(ask(&memo), 0.0);
        let copy = memo.clone();
        assert_eq!(ask(&copy), 0.0);
        assert_eq!(calls, 2);
        // Out of range asks compute, never panic.
        assert_eq!(memo.get_or(OccupationId(7), b, || 0.5), 0.5);
    }

    #[test]
    fn an_answer_per_occupation_is_found_once_and_a_clone_starts_empty() {
        let memo: PerOccupation<Option<u8>> = PerOccupation::new(3);
        let mut calls = 0;
        for _ in 0..2 {
            let found = memo.get_or(OccupationId(1), || {
                calls += 1;
                Some(9)
            });
            assert_eq!(found, Some(9));
        }
        assert_eq!(calls, 1);
        let clone = memo.clone();
        assert_eq!(clone.get_or(OccupationId(1), || None), None);
        assert_eq!(memo.get_or(OccupationId(5), || Some(2)), Some(2));
    }
}

//! A fixed-width bit set, for counting shared work activities and
//! technologies between two occupations in a few word operations.

use serde::{Deserialize, Serialize};

/// A set of small integers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bits {
    words: Vec<u64>,
    len: u32,
}

impl Bits {
    /// An empty set able to hold `0..capacity`.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            words: vec![0; capacity.div_ceil(64)],
            len: 0,
        }
    }

    /// Adds `i` (must be below the capacity).
    pub fn insert(&mut self, i: usize) {
        let (w, b) = (i / 64, i % 64);
        if self.words[w] & (1 << b) == 0 {
            self.words[w] |= 1 << b;
            self.len += 1;
        }
    }

    /// Whether `i` is in the set.
    pub fn contains(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// Number of members.
    pub fn len(&self) -> u32 {
        self.len
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Sum of `weights[i]` over the members shared with `other`.
    pub fn intersection_weight(&self, other: &Bits, weights: &[f32]) -> f32 {
        let mut total = 0.0;
        for (w, (a, b)) in self.words.iter().zip(&other.words).enumerate() {
            let mut both = a & b;
            while both != 0 {
                total += weights[w * 64 + both.trailing_zeros() as usize];
                both &= both - 1;
            }
        }
        total
    }

    /// Sum of `weights[i]` over all members.
    pub fn weight(&self, weights: &[f32]) -> f32 {
        self.intersection_weight(self, weights)
    }

    /// The members, in increasing order.
    pub fn members(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let b = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    w * 64 + b
                })
            })
        })
    }

    /// Size of the intersection with `other`.
    pub fn intersection_len(&self, other: &Bits) -> u32 {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_members_and_overlap() {
        let mut a = Bits::with_capacity(200);
        let mut b = Bits::with_capacity(200);
        for i in [1, 64, 130, 199] {
            a.insert(i);
        }
        a.insert(64);
        for i in [64, 130, 2] {
            b.insert(i);
        }
        assert_eq!(a.len(), 4);
        assert_eq!(a.intersection_len(&b), 2);
        assert!(a.contains(199) && !a.contains(2));
        assert_eq!(a.members().collect::<Vec<_>>(), [1, 64, 130, 199]);
        let w: Vec<f32> = (0..200).map(|i| i as f32).collect();
        assert_eq!(a.intersection_weight(&b, &w), 64.0 + 130.0);
        assert_eq!(b.weight(&w), 64.0 + 130.0 + 2.0);
    }
}

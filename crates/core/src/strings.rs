//! Packed lists of strings: one text buffer and the end offset of each
//! item. The catalog holds ~64,000 job titles; stored this way the embedded
//! snapshot decodes them with two allocations per list instead of one per
//! title, which keeps start-up inside its budget.

use serde::{Deserialize, Serialize};

/// An append-only list of strings stored in one buffer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrList {
    text: String,
    ends: Vec<u32>,
}

impl StrList {
    /// Appends an item.
    pub fn push(&mut self, item: &str) {
        self.text.push_str(item);
        self.ends.push(self.text.len() as u32);
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Item `i`.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..end)
    }

    /// The items in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or(""))
    }

    /// Binary search in a list whose items are sorted.
    pub fn binary_search(&self, item: &str) -> Result<usize, usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.get(mid).unwrap_or("").cmp(item) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Ok(mid),
            }
        }
        Err(lo)
    }
}

impl<S: AsRef<str>> FromIterator<S> for StrList {
    fn from_iter<I: IntoIterator<Item = S>>(items: I) -> Self {
        let mut list = StrList::default();
        for s in items {
            list.push(s.as_ref());
        }
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_and_finds_items() {
        let list: StrList = ["apple", "", "cherry", "plum"].into_iter().collect();
        assert_eq!(list.len(), 4);
        assert_eq!(list.get(0), Some("apple"));
        assert_eq!(list.get(1), Some(""));
        assert_eq!(list.get(3), Some("plum"));
        assert_eq!(list.get(4), None);
        assert_eq!(
            list.iter().collect::<Vec<_>>(),
            ["apple", "", "cherry", "plum"]
        );
        let sorted: StrList = ["a", "bb", "c", "dd"].into_iter().collect();
        assert_eq!(sorted.binary_search("c"), Ok(2));
        assert_eq!(sorted.binary_search("ca"), Err(3));
    }
}

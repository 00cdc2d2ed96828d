//! Speed of the learning-catalogue reader on files far larger than real
//! ones: the import is linear (issue #14 found it quadratic).
//!
//! `cargo bench -p switchback-data --bench learning`; figures in
//! docs/BENCHMARKS.md.

#![allow(clippy::unwrap_used)] // Benches fail loudly by design.

use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// `rows` rows made from the bundled catalog's own rows, each title made
/// unique, as an organisation's export would be.
fn file(rows: usize) -> String {
    let bundled = include_str!("../../../data/learning/activities.csv");
    let mut lines = bundled.lines();
    let header = lines.next().unwrap();
    let body: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
    let mut out = format!("{header}\n");
    for i in 0..rows {
        let line = body[i % body.len()];
        // target,kind,"title",…: the title is the third field.
        let (head, rest) = line.split_at(line.find(",\"").unwrap_or(line.len()));
        out.push_str(&format!(
            "{head},\"Session {i}: {}\n",
            rest.trim_start_matches(",\"")
        ));
    }
    out
}

/// Parse and resolve a catalogue of 5,000, 40,000 and 400,000 rows
/// (the last about 45 MB).
#[divan::bench(args = [5_000, 40_000, 400_000], sample_count = 3, sample_size = 1)]
fn parse_learning_csv(bencher: Bencher, rows: usize) {
    let catalog = switchback_data::embedded().unwrap();
    let text = file(rows);
    bencher.bench(|| {
        let parsed =
            switchback_data::learning::parse("big.csv", black_box(&text), &catalog).unwrap();
        assert_eq!(parsed.activities.len(), rows, "{:?}", parsed.errors.first());
        parsed.activities.len()
    });
}

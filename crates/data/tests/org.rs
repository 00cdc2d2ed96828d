//! Organisation mode on real files: the Montgomery County job architecture
//! (derived from the county's 2016 salary file, examples/org/) and a
//! hand-checked sample of its titles.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use common::catalog;
use switchback_core::code::OnetCode;
use switchback_core::org::{self, Confidence};

const CHECKED: &str = include_str!("fixtures/montgomery-titles-checked.tsv");
const JOBS: &str = include_str!("../../../examples/org/montgomery-county-jobs.csv");

/// (title, family, acceptable codes) from the hand-checked sample.
fn checked() -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
    CHECKED
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("title\t") && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0], f[1], f[2].split('|').collect())
        })
        .collect()
}

#[test]
fn the_hand_checked_sample_is_well_formed() {
    let c = catalog();
    let sample = checked();
    assert!(sample.len() >= 50, "{} titles", sample.len());
    let mut titles: Vec<&str> = sample.iter().map(|s| s.0).collect();
    titles.sort_unstable();
    titles.dedup();
    assert_eq!(titles.len(), sample.len(), "each title once");
    for (title, _, codes) in &sample {
        for code in codes {
            let parsed = OnetCode::parse(code).unwrap();
            assert!(
                c.find_code(parsed).is_some(),
                "{title}: {code} is not in O*NET 29.3"
            );
        }
        assert!(
            JOBS.contains(&format!(",{title},")),
            "{title} is a real Montgomery County title"
        );
    }
}

#[test]
fn the_mapper_reproduces_most_of_the_hand_checked_sample() {
    let c = catalog();
    let sample = checked();
    let mut right = 0;
    let mut wrong = Vec::new();
    let mut confident_right = (0, 0);
    for (title, family, codes) in &sample {
        let m = org::map_title(c, title, family).unwrap();
        let code = c.occupation(m.occupation).code.to_string();
        let ok = codes.contains(&code.as_str());
        if m.confidence == Confidence::High {
            confident_right.1 += 1;
            confident_right.0 += usize::from(ok);
        }
        if ok {
            right += 1;
        } else {
            wrong.push(format!(
                "{title} → {code} {} ({})",
                c.occupation(m.occupation).title,
                m.confidence.name()
            ));
        }
    }
    let accuracy = right as f64 / sample.len() as f64;
    eprintln!(
        "accuracy {right}/{} = {accuracy:.3}; high confidence {}/{} right\n  {}",
        sample.len(),
        confident_right.0,
        confident_right.1,
        wrong.join("\n  ")
    );
    // The floor guards against regressions; docs/ORGANISATION.md reports
    // the figure.
    assert!(accuracy >= FLOOR, "accuracy {accuracy:.3}");
    assert!(
        confident_right.1 == 0 || confident_right.0 as f64 / confident_right.1 as f64 >= 0.85,
        "high confidence must mean right: {confident_right:?}"
    );
}

const FLOOR: f64 = 0.6;

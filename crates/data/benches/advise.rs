//! Speed of the step-down advisor.
//!
//! `cargo build --release && cargo bench -p switchback-data --bench advise`;
//! figures in docs/BENCHMARKS.md.

#![allow(clippy::unwrap_used)] // Benches fail loudly by design.

use std::process::Command;

use divan::{Bencher, black_box};
use switchback_core::advisor;
use switchback_core::transition::TransitionModel;
use switchback_data::profile_file::{self, Format};

fn main() {
    divan::main();
}

/// Ten options for one person, of every kind: a step down in and out of
/// the profession, lateral and upward moves, industry and department changes.
const TEN_OPTIONS: &str = include_str!("ten-options.toml");

/// `advise` with ten options once the catalog and model are loaded
/// (budget: 10 ms), as a process meets it: no score computed yet (a clone
/// of the model starts with none, made outside the timing).
#[divan::bench(sample_count = 50)]
fn advise_ten_options(bencher: Bencher) {
    let catalog = switchback_data::embedded().unwrap();
    let model = TransitionModel::new(&catalog);
    let profile = profile_file::parse("bench.toml", TEN_OPTIONS, Format::Toml, &catalog).unwrap();
    assert_eq!(profile.options.len(), 10);
    // By reference: the clone is made and dropped outside the timing, as a
    // process never drops its model mid-advice.
    bencher
        .with_inputs(|| model.clone())
        .bench_local_refs(|model| advisor::advise(&catalog, model, black_box(&profile)).unwrap());
}

/// The same, as a server meets it after the first request: the scores
/// the advice asks for already computed.
#[divan::bench(sample_count = 50)]
fn advise_ten_options_warm(bencher: Bencher) {
    let catalog = switchback_data::embedded().unwrap();
    let model = TransitionModel::new(&catalog);
    let profile = profile_file::parse("bench.toml", TEN_OPTIONS, Format::Toml, &catalog).unwrap();
    advisor::advise(&catalog, &model, &profile).unwrap();
    bencher.bench_local(|| advisor::advise(&catalog, &model, black_box(&profile)).unwrap());
}

/// `switchback advise` with ten options as a whole process (budget: 80 ms).
#[divan::bench(sample_count = 20)]
fn process_advise_ten_options(bencher: Bencher) {
    let bin =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/release/switchback");
    if !bin.exists() {
        eprintln!("skipping process_advise_ten_options: build target/release/switchback first");
        return;
    }
    let path = std::env::temp_dir().join(format!("switchback-bench-{}.toml", std::process::id()));
    std::fs::write(&path, TEN_OPTIONS).unwrap();
    bencher.bench(|| {
        let out = Command::new(&bin)
            .arg("advise")
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success());
    });
}

//! Speed of the foundation and the transition model on the real catalog.
//!
//! `cargo bench -p switchback-data`; figures are recorded in docs/BENCHMARKS.md.

#![allow(clippy::unwrap_used)] // Tests, benches and dev tools fail loudly by design.

use std::process::Command;

use divan::{Bencher, black_box};
use switchback_core::position::{self, Position, PositionSpec};
use switchback_core::transition::{TransitionModel, top_k};
use switchback_core::{Catalog, Level, OnetCode};

fn main() {
    divan::main();
}

fn catalog() -> Catalog {
    switchback_data::embedded().expect("embedded catalog")
}

/// Decompress and decode the embedded snapshot (budget: 20 ms).
#[divan::bench(sample_count = 30)]
fn load_embedded_catalog() -> Catalog {
    catalog()
}

/// Resolve free-text titles (budget: 1 ms median).
#[divan::bench(args = ["data scientist", "Senior Staff Accountant", "CFO", "registered nurse", "line cook"])]
fn resolve_title(bencher: Bencher, title: &str) {
    let c = catalog();
    bencher.bench(|| c.resolve(black_box(title)).map(|r| r.occupation));
}

/// Build the profiles the model compares (part of every model start-up).
#[divan::bench(sample_count = 10)]
fn build_transition_model(bencher: Bencher) {
    let c = catalog();
    bencher.bench(|| TransitionModel::new(black_box(&c)));
}

/// The full directional matrix (budget: 1 s on one core, 0.6 s on two).
#[divan::bench(args = [1, 2], sample_count = 5)]
fn full_matrix(bencher: Bencher, threads: usize) {
    let c = catalog();
    let m = TransitionModel::new(&c);
    bencher.bench(|| m.matrix(black_box(threads)));
}

/// Classify one move (budget: 10 µs).
#[divan::bench]
fn classify_move(bencher: Bencher) {
    let c = catalog();
    let m = TransitionModel::new(&c);
    let id = |code: &str| c.find_code(OnetCode::parse(code).unwrap()).unwrap();
    let spec = |level| PositionSpec {
        level: Some(level),
        ..PositionSpec::default()
    };
    let from = Position::new(&c, id("11-3031.00"), spec(Level::Director));
    let to = Position::new(&c, id("13-2031.00"), spec(Level::Senior));
    bencher.bench(|| position::classify(&c, &m, black_box(&from), black_box(&to)));
}

/// The 20 most feasible destinations of one origin from the computed
/// matrix (budget: 1 ms).
#[divan::bench]
fn top_20_destinations(bencher: Bencher) {
    let c = catalog();
    let m = TransitionModel::new(&c);
    let matrix = m.matrix(2);
    let a = c.find_code(OnetCode::parse("13-2011.00").unwrap()).unwrap();
    bencher.bench(|| top_k(matrix.row(black_box(a)), a, 20, |_| true));
}

/// One origin's whole row computed on demand, as `switchback transitions` does.
#[divan::bench]
fn one_row_on_demand(bencher: Bencher) {
    let c = catalog();
    let m = TransitionModel::new(&c);
    let a = c.find_code(OnetCode::parse("13-2011.00").unwrap()).unwrap();
    bencher.bench(|| m.row(black_box(a)));
}

/// `switchback occupation show` as a whole process (budget: 50 ms). Needs a
/// release build of the binary: `cargo build --release` first.
#[divan::bench(sample_count = 20)]
fn process_occupation_show(bencher: Bencher) {
    let bin =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/release/switchback");
    if !bin.exists() {
        eprintln!("skipping process_occupation_show: build target/release/switchback first");
        return;
    }
    bencher.bench(|| {
        let out = Command::new(&bin)
            .args(["occupation", "show", "software developer"])
            .output()
            .expect("runs");
        assert!(out.status.success());
    });
}

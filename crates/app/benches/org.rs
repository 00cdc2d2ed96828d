//! Speed of organisation mode on real workforces: Montgomery County (9,228
//! employees, 385 jobs; budget 5 s end to end) and the US federal
//! workforce (2.31 million employees, 5,529 jobs; budget 10 minutes),
//! with how time grows from 10,000 to 2.31 million people.
//!
//! `cargo build --release && cargo bench -p switchback-app --bench org`;
//! figures in docs/BENCHMARKS.md.

#![allow(clippy::unwrap_used)] // Benches fail loudly by design.

use std::process::Command;

use divan::{Bencher, black_box};
use switchback_app::Engine;
use switchback_app::org::advise::{self, FileText, OrgFiles, Rules};
use switchback_app::org::report;

fn main() {
    divan::main();
}

const JOBS: &str = include_str!("../../../examples/org/montgomery-county-jobs.csv");
const EMPLOYEES: &str = include_str!("../../../examples/org/montgomery-county-employees.csv");

/// The batch and its four outputs, in process, the engine already loaded.
#[divan::bench(sample_count = 10)]
fn montgomery_in_process(bencher: Bencher) {
    let engine = Engine::embedded().unwrap();
    let _ = engine.model();
    let f = |name, text| FileText { name, text };
    bencher.bench_local(|| {
        let files = OrgFiles {
            jobs: f("jobs.csv", JOBS),
            mapping: None,
            employees: f("employees.csv", black_box(EMPLOYEES)),
            open_roles: None,
            grades: None,
        };
        let view = advise::advise(&engine, files, Rules::default(), &mut |_, _, _| {}).unwrap();
        let written = report::employees_csv(&view).len()
            + report::roles_csv(&view).len()
            + report::jobs_csv(&view).len()
            + report::html(&view).len();
        assert!(written > 0);
    });
}

/// `switchback org advise … --output-dir` as a whole process: loading the
/// catalog, reading and mapping the files, the batch, and writing the
/// four files.
#[divan::bench(sample_count = 5)]
fn process_montgomery_end_to_end(bencher: Bencher) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let bin = root.join("target/release/switchback");
    if !bin.exists() {
        eprintln!("skipping process_montgomery_end_to_end: build target/release/switchback first");
        return;
    }
    let out = std::env::temp_dir().join(format!("switchback-bench-org-{}", std::process::id()));
    bencher.bench(|| {
        let o = Command::new(&bin)
            .arg("org")
            .arg("advise")
            .arg(root.join("examples/org/montgomery-county-jobs.csv"))
            .arg("--employees")
            .arg(root.join("examples/org/montgomery-county-employees.csv"))
            .arg("--output-dir")
            .arg(&out)
            .output()
            .unwrap();
        assert!(o.status.success());
    });
    let _ = std::fs::remove_dir_all(&out);
}

const FEDERAL_JOBS: &str = include_str!("../../../examples/org/federal/jobs.csv");
const FEDERAL_GRADES: &str = include_str!("../../../examples/org/federal/grades.csv");
const FEDERAL_CELLS: &str = include_str!("../../../examples/org/federal/cells.csv");
const FEDERAL_PEOPLE: usize = 2_313_216;

/// The federal workforce sampled to about `people` (every k-th person of
/// the 2.31 million), through the whole batch and every output (CSV and
/// Parquet to a sink, the report), the engine already loaded; reading the
/// employee file is inside the timing.
#[divan::bench(args = [10_000, 100_000, 1_000_000, FEDERAL_PEOPLE], sample_count = 1, sample_size = 1)]
fn federal_scaling(bencher: Bencher, people: usize) {
    let engine = Engine::embedded().unwrap();
    let _ = engine.model();
    let every = FEDERAL_PEOPLE.div_ceil(people);
    let mut text = Vec::new();
    switchback_data::org::expand_cells("cells.csv", FEDERAL_CELLS, every, &mut text).unwrap();
    let text = String::from_utf8(text).unwrap();
    let f = |name, text| FileText { name, text };
    bencher.bench_local(|| {
        let files = OrgFiles {
            jobs: f("jobs.csv", FEDERAL_JOBS),
            mapping: None,
            employees: f("employees.csv", black_box(&text)),
            open_roles: None,
            grades: Some(f("grades.csv", FEDERAL_GRADES)),
        };
        let view = advise::advise(&engine, files, Rules::default(), &mut |_, _, _| {}).unwrap();
        report::write_employees_csv(&view, std::io::sink(), &mut |_, _| {}).unwrap();
        report::write_employees_parquet(&view, std::io::sink(), &mut |_, _| {}).unwrap();
        let written = report::roles_csv(&view).len() + report::html(&view).len();
        assert!(written > 0);
    });
}

//! Speed of building a development plan and of the plan database.
//!
//! `cargo bench -p switchback-store --bench plan`; figures in docs/BENCHMARKS.md.

#![allow(clippy::unwrap_used)] // Benches fail loudly by design.

use std::path::Path;

use divan::{Bencher, black_box};
use jiff::Timestamp;
use jiff::civil::Date;
use switchback_core::advisor;
use switchback_core::development::learning::LearningCatalog;
use switchback_core::development::status::{self, Author, CheckIn, Progress};
use switchback_core::development::{self, DevelopmentPlan};
use switchback_core::transition::TransitionModel;
use switchback_store::Store;

fn main() {
    divan::main();
}

fn start() -> Date {
    "2027-01-04".parse().unwrap()
}

/// The catalog, model, profile and advice for the README's example.
struct Setup {
    catalog: switchback_core::Catalog,
    model: TransitionModel,
    profile: switchback_core::profile::Profile,
    document: switchback_store::ProfileDocument,
    advice: advisor::Advice,
    learning: LearningCatalog,
}

fn setup() -> Setup {
    let catalog = switchback_data::embedded().unwrap();
    let model = TransitionModel::new(&catalog);
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/another-route-up-accountant.toml");
    let profile = switchback_data::profile_file::load(&path, &catalog).unwrap();
    let (format, text) = switchback_data::profile_file::read(&path).unwrap();
    let document = switchback_store::ProfileDocument {
        source: "bench".into(),
        format,
        text,
    };
    let advice = advisor::advise(&catalog, &model, &profile).unwrap();
    let learning = LearningCatalog {
        organisation: vec![],
        bundled: switchback_data::learning::bundled(&catalog)
            .activities
            .into_iter()
            .map(|(_, a)| a)
            .collect(),
    };
    Setup {
        catalog,
        model,
        profile,
        document,
        advice,
        learning,
    }
}

fn plan(s: &Setup) -> DevelopmentPlan {
    development::build(
        &s.catalog,
        &s.model,
        &s.profile,
        &s.advice.options[0],
        &s.learning,
        start(),
    )
}

/// Building the plan for one option, the advice already given.
#[divan::bench]
fn build(bencher: Bencher) {
    let s = setup();
    bencher.bench(|| black_box(plan(&s)));
}

/// One check-in: a durable (fsync'd) transaction on a WAL database.
#[divan::bench]
fn checkin(bencher: Bencher) {
    let s = setup();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-plan");
    let _ = std::fs::remove_dir_all(&dir);
    let mut store = Store::open(&dir.join("plans.db")).unwrap();
    let id = store
        .create_plan(&plan(&s), &s.document, Timestamp::UNIX_EPOCH)
        .unwrap();
    let c = CheckIn {
        objective: 1,
        progress: Progress::try_from(40).unwrap(),
        note: Some("bench".into()),
        by: Author::Person,
        date: start(),
    };
    bencher.bench_local(|| store.check_in(id, &c, Timestamp::UNIX_EPOCH).unwrap());
}

/// Reading a plan with 100 check-ins back and judging its status.
#[divan::bench]
fn read_and_judge(bencher: Bencher) {
    let s = setup();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-read");
    let _ = std::fs::remove_dir_all(&dir);
    let mut store = Store::open(&dir.join("plans.db")).unwrap();
    let id = store
        .create_plan(&plan(&s), &s.document, Timestamp::UNIX_EPOCH)
        .unwrap();
    for i in 0..100u8 {
        let c = CheckIn {
            objective: 1 + u32::from(i % 5),
            progress: Progress::try_from(i).unwrap(),
            note: None,
            by: Author::Manager,
            date: start().saturating_add(jiff::Span::new().days(i64::from(i) * 7)),
        };
        store.check_in(id, &c, Timestamp::UNIX_EPOCH).unwrap();
    }
    let as_of: Date = "2029-01-01".parse().unwrap();
    bencher.bench_local(|| {
        let stored = store.plan(id).unwrap();
        black_box(status::status(
            &stored.plan,
            &stored.checkin_values(),
            as_of,
        ))
    });
}

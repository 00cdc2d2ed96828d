//! Speed of the route planner on the full catalog.
//!
//! `cargo bench -p switchback-data --bench route`; figures in docs/BENCHMARKS.md.

#![allow(clippy::unwrap_used)] // Benches fail loudly by design.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use divan::{Bencher, black_box};
use switchback_core::position::{Position, PositionSpec, typical_level};
use switchback_core::route::plan::{self, Request};
use switchback_core::transition::TransitionModel;
use switchback_core::{Catalog, Level, OccupationId};

fn main() {
    divan::main();
}

struct Setup {
    catalog: Catalog,
    model: TransitionModel,
    /// (start, goal occupation, goal level)
    queries: Vec<(Position, OccupationId, Level)>,
}

/// 1,000 different queries: origins spread over the catalog, each aiming
/// two to four grades up at one of its feasible destinations.
fn setup() -> &'static Setup {
    static S: OnceLock<Setup> = OnceLock::new();
    S.get_or_init(|| {
        let catalog = switchback_data::embedded().unwrap();
        let model = TransitionModel::new(&catalog);
        let rated: Vec<OccupationId> = (0..catalog.occupations().len())
            .map(|i| OccupationId(i as u16))
            .filter(|&o| catalog.occupation(o).is_rated() && catalog.occupation(o).wages.is_some())
            .collect();
        let mut queries = Vec::new();
        let mut i = 0usize;
        while queries.len() < 1000 {
            let origin = rated[(i * 7919) % rated.len()];
            let dests =
                model.top_destinations(origin, 30, |d| catalog.occupation(d).wages.is_some());
            let (goal, _) = dests[(i * 31) % dests.len()];
            let level = typical_level(catalog.occupation(origin));
            let up = 2 + (i % 3) as u8;
            let goal_level = Level::from_grade(
                (typical_level(catalog.occupation(goal)).grade() + up).min(10),
                true,
            )
            .unwrap();
            let start = Position::new(
                &catalog,
                origin,
                PositionSpec {
                    level: Some(level),
                    ..PositionSpec::default()
                },
            );
            queries.push((start, goal, goal_level));
            i += 1;
        }
        Setup {
            catalog,
            model,
            queries,
        }
    })
}

fn request(q: &(Position, OccupationId, Level)) -> Request<'_> {
    Request {
        start: &q.0,
        years_in_role: 3.0,
        years_experience: 10.0,
        goal: q.1,
        goal_level: q.2,
        horizon_years: 10.0,
        min_salary: None,
        max_step_down: 2,
        max_step_down_offered: None,
        max_moves: plan::MAX_MOVES,
        exclude: &[],
        to_goal: None,
        promotion_blocked: false,
        returns_home: false,
        lost_home: false,
        levels: None,
        experience_in: None,
        out_of_work: false,
        consider: Vec::new(),
        held: None,
        known_pay: Vec::new(),
        offered: Vec::new(),
        listed: Vec::new(),
        education: None,
    }
}

/// One route query of up to six moves (budget: 5 ms p50, 25 ms p99 on one core).
#[divan::bench(sample_count = 200)]
fn route_query(bencher: Bencher) {
    let s = setup();
    let mut i = 0;
    bencher.bench_local(|| {
        i = (i + 1) % s.queries.len();
        plan::plan(&s.catalog, &s.model, &request(black_box(&s.queries[i])))
    });
}

/// p50 and p99 of 1,000 different queries on one core, printed once:
/// each on a model that has computed no score yet (as a process meets its
/// one query; the clone that empties the memo is made outside the timing),
/// then all again on one model that has (as a server meets them).
#[divan::bench(sample_count = 1, sample_size = 1)]
fn route_query_percentiles() {
    let s = setup();
    let cold: Vec<Duration> = s
        .queries
        .iter()
        .map(|q| {
            let model = s.model.clone();
            let t = Instant::now();
            black_box(plan::plan(&s.catalog, &model, &request(q)));
            t.elapsed()
        })
        .collect();
    for q in &s.queries {
        black_box(plan::plan(&s.catalog, &s.model, &request(q)));
    }
    let warm: Vec<Duration> = s
        .queries
        .iter()
        .map(|q| {
            let t = Instant::now();
            black_box(plan::plan(&s.catalog, &s.model, &request(q)));
            t.elapsed()
        })
        .collect();
    for (name, mut times) in [("no score computed yet", cold), ("scores computed", warm)] {
        times.sort();
        let p = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
        eprintln!(
            "route_query over 1,000 queries, {name}: p50 {:?}, p99 {:?}, max {:?}",
            p(0.5),
            p(0.99),
            p(1.0)
        );
    }
}

/// 1,000 different queries on both cores (report throughput = 1,000 / time).
#[divan::bench(sample_count = 5)]
fn route_batch_1000_two_cores() {
    let s = setup();
    let (a, b) = s.queries.split_at(s.queries.len() / 2);
    std::thread::scope(|scope| {
        for half in [a, b] {
            scope.spawn(move || {
                for q in half {
                    black_box(plan::plan(&s.catalog, &s.model, &request(q)));
                }
            });
        }
    });
}

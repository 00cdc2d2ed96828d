//! The application layer on the tiny hand-built catalog
//! (`switchback_core::fixture`): use cases that need no snapshot, and the
//! one place reasons become words. The same use cases run on the real
//! catalog in the other tests.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use switchback_app::{AppError, Engine, ProfileFormat, advice, occupation};
use switchback_core::fixture;

const DEVELOPER: &str = r#"
[current]
role = "Software Developers"
level = "principal"
salary = 150000
years_in_role = 3
years_experience = 12
manages_people = false
[goal]
role = "Computer and Information Systems Managers"
level = "director"
horizon_years = 8
[situation]
min_salary = 100000
[[options]]
id = "supervisor"
role = "Computer and Information Systems Managers"
level = "supervisor"
salary = 140000
[[options]]
id = "clerk"
role = "Bookkeeping, Accounting, and Auditing Clerks"
level = "junior"
"#;

fn engine() -> Engine {
    Engine::new(fixture::catalog())
}

#[test]
fn a_profile_reads_against_whatever_catalog_the_engine_holds() {
    let e = engine();
    e.profile("dev.toml", DEVELOPER, ProfileFormat::Toml)
        .unwrap();
    let unknown = DEVELOPER.replace("Software Developers", "Astronauts");
    let err = e
        .profile("dev.toml", &unknown, ProfileFormat::Toml)
        .unwrap_err();
    assert!(err.to_string().contains("Astronauts"), "{err}");
}

#[test]
fn every_reason_is_worded_from_its_facts() {
    let e = engine();
    let profile = e
        .profile("dev.toml", DEVELOPER, ProfileFormat::Toml)
        .unwrap();
    let view = advice::advise(&e, &profile).unwrap();
    let text = |id: &str, code: &str| -> String {
        let o = view.options.iter().find(|o| o.id == id).unwrap();
        let r = o.reasons.iter().find(|r| r.code == code);
        r.unwrap_or_else(|| panic!("{id} has no {code}"))
            .text
            .clone()
    };
    assert_eq!(
        text("supervisor", "circumstance.management_experience"),
        "Builds management experience: your goal (director) is on the management track, you have not managed people, and this role (supervisor) puts you on that track."
    );
    let pay = text("supervisor", "living.pay");
    assert!(
        pay.starts_with("Pay goes from $150,000 to $140,000 a year (-7%)"),
        "{pay}"
    );
    let landing = text("supervisor", "landing");
    assert!(
        landing.contains("Computer and Information Systems Managers supervises work of your own, the way into management"),
        "{landing}"
    );
    // The clerk's post pays below the floor the person set, estimated from
    // the fixture's wages for the level.
    let floor = text("clerk", "verdict.below_pay_floor");
    assert!(
        floor.contains(
            "(estimated from OEWS wages for the level), below the $100,000 you can accept"
        ),
        "{floor}"
    );
    for o in &view.options {
        for r in &o.reasons {
            assert!(r.text.ends_with('.'), "{}: {}", r.code, r.text);
        }
    }
}

#[test]
fn search_limits_follow_the_catalog_not_the_bundled_release() {
    let e = engine();
    let hits = occupation::search(&e, "software developer", 6).unwrap();
    assert_eq!(hits.results[0].code, "15-1252.00");
    let Err(err) = occupation::search(&e, "software developer", 7) else {
        panic!("a limit above the catalog's six occupations is refused")
    };
    assert!(matches!(err, AppError::Invalid { .. }), "{err:?}");
    assert!(err.to_string().contains("from 1 to 6"), "{err}");
}

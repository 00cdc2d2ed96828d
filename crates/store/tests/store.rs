//! The plan store on real SQLite files and a real PostgreSQL database:
//! round trips, validation that changes nothing and writers on several
//! connections at once on both (`on_both!`); schema upgrades from an
//! older version and files that are not databases on SQLite.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::Connection;
use switchback_core::advisor;
use switchback_core::development::learning::{
    ActivityKind, LearningActivity, LearningCatalog, LearningTarget,
};
use switchback_core::development::status::{Author, CheckIn, Progress};
use switchback_core::development::{self, DevelopmentPlan};
use switchback_core::transition::TransitionModel;
use switchback_store::migrations::{LATEST, MIGRATIONS};
use switchback_store::testing::{self, Backend};
use switchback_store::{Database, PlanId, ProfileDocument, ProfileFormat, Store, StoreError};

use switchback_store::on_both;

on_both!(
    a_plan_and_its_checkins_round_trip,
    bad_checkins_change_nothing,
    importing_twice_updates_instead_of_duplicating,
    concurrent_writers_lose_nothing,
    check_ins_must_fall_within_the_tenure,
);

/// A new, empty database of `backend` for one test.
fn database(backend: Backend, name: &str) -> Database {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("store-both");
    testing::scratch(backend, name, &dir)
}

/// The plan for the accountant example's supervisor option, built once.
fn plan() -> &'static DevelopmentPlan {
    static PLAN: OnceLock<DevelopmentPlan> = OnceLock::new();
    PLAN.get_or_init(|| {
        let catalog = switchback_data::embedded().unwrap();
        let model = TransitionModel::new(&catalog);
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples/another-route-up-accountant.toml");
        let profile = switchback_data::profile_file::load(&path, &catalog).unwrap();
        let advice = advisor::advise(&catalog, &model, &profile).unwrap();
        let start: Date = "2027-01-04".parse().unwrap();
        development::build(
            &catalog,
            &model,
            &profile,
            &advice.options[0],
            &LearningCatalog::default(),
            start,
        )
    })
}

/// The accountant example's profile as a plan keeps it.
fn profile(source: &str) -> ProfileDocument {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/another-route-up-accountant.toml");
    ProfileDocument {
        source: source.to_owned(),
        format: ProfileFormat::Toml,
        text: std::fs::read_to_string(path).unwrap(),
    }
}

/// A fresh directory under the target directory, removed first if left over.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("store-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn checkin(objective: u32, progress: u8, note: &str) -> CheckIn {
    CheckIn {
        objective,
        progress: Progress::try_from(progress).unwrap(),
        note: Some(note.to_owned()),
        by: Author::Manager,
        date: "2027-03-01".parse().unwrap(),
    }
}

fn count(db: &Database, table: &str) -> i64 {
    testing::count_rows(db, table).unwrap()
}

fn a_plan_and_its_checkins_round_trip(backend: Backend) {
    let db = match backend {
        // The file's directories are made as needed.
        Backend::Sqlite => Database::sqlite(scratch("round-trip").join("nested/dir/plans.db")),
        Backend::Postgres => database(backend, "round-trip"),
    };
    let mut store = db.open().unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST);
    let id = store
        .create_plan(plan(), &profile("profile.toml"), Timestamp::UNIX_EPOCH)
        .unwrap();
    store
        .check_in(id, &checkin(2, 40, "halfway there"), Timestamp::UNIX_EPOCH)
        .unwrap();
    store
        .check_in(id, &checkin(1, 10, "started"), Timestamp::UNIX_EPOCH)
        .unwrap();
    drop(store);

    let store = db.open().unwrap();
    let stored = store.plan(id).unwrap();
    assert_eq!(&stored.plan, plan());
    assert_eq!(stored.profile, "profile.toml");
    assert_eq!(
        stored.profile_document,
        Some(profile("profile.toml")),
        "the profile is kept as written, not as a path to a file"
    );
    let notes: Vec<&str> = stored
        .checkins
        .iter()
        .map(|c| c.checkin.note.as_deref().unwrap())
        .collect();
    assert_eq!(
        notes,
        ["halfway there", "started"],
        "same day: in the order recorded"
    );
    assert_eq!(stored.checkins[0].checkin.by, Author::Manager);
    let list = store.plans().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, id);
    assert_eq!(list[0].checkins, 2);
    assert_eq!(list[0].new_title, "Financial Managers");
    assert_eq!(list[0].earliest_move, plan().tenure.earliest_move);
    assert_eq!(list[0].start, plan().tenure.start);
}

fn bad_checkins_change_nothing(backend: Backend) {
    let db = database(backend, "bad-checkins");
    let mut store = db.open().unwrap();
    let id = store
        .create_plan(plan(), &profile("p.toml"), Timestamp::UNIX_EPOCH)
        .unwrap();
    let objectives = plan().objectives.len() as u32;

    let e = store
        .check_in(id, &checkin(objectives + 1, 10, "x"), Timestamp::UNIX_EPOCH)
        .unwrap_err();
    assert!(matches!(e, StoreError::UnknownObjective { .. }), "{e}");
    assert!(
        e.to_string()
            .contains(&format!("objectives are 1–{objectives}")),
        "{e}"
    );

    let e = store
        .check_in(
            PlanId::parse("42").unwrap(),
            &checkin(1, 10, "x"),
            Timestamp::UNIX_EPOCH,
        )
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("there is no plan 42 (the only plan is {id})")
    );
    assert_eq!(count(&db, "checkins"), 0);
    assert!(
        PlanId::parse("0").is_err() && PlanId::parse("-3").is_err() && PlanId::parse("x").is_err()
    );
}

#[test]
fn a_schema_1_database_opens_and_upgrades() {
    let path = scratch("upgrade").join("plans.db");
    // What the first release wrote: schema 1, a plan, a check-in without an author.
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute(
            "INSERT INTO plans (created_at, profile, option_id, new_title, new_level, goal_title,
                                start_date, earliest_move, latest_move, document_format, document)
             VALUES ('2026-01-01T00:00:00Z', 'old.toml', 'finance-supervisor', 'Financial Managers',
                     'supervisor', NULL, '2027-01-04', '2030-01-04', '2032-01-05', 1, ?1)",
            [serde_json::to_string(plan()).unwrap()],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO checkins (plan_id, objective, progress, note, date, recorded_at)
             VALUES (1, 1, 25, 'from schema 1', '2027-02-01', '2027-02-01T09:00:00Z')",
            [],
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST);
    let id = PlanId::parse("1").unwrap();
    let stored = store.plan(id).unwrap();
    assert_eq!(stored.checkins.len(), 1);
    assert_eq!(
        stored.checkins[0].checkin.by,
        Author::Person,
        "schema 1 check-ins were the person's own"
    );
    assert_eq!(stored.checkins[0].checkin.progress.get(), 25);
    assert_eq!(
        &stored.plan,
        plan(),
        "a format-1 document reads as typed data"
    );
    assert_eq!(stored.profile, "old.toml");
    assert_eq!(
        stored.profile_document, None,
        "schema 1 kept only the profile's name"
    );
    // What schema 2 added works on the upgraded file.
    store
        .check_in(
            id,
            &checkin(1, 50, "after the upgrade"),
            Timestamp::UNIX_EPOCH,
        )
        .unwrap();
    let activity = LearningActivity {
        target: LearningTarget::Element("2.B.5.b".into()),
        kind: ActivityKind::Course,
        title: "Budgeting at Acme".into(),
        provider: Some("Acme Academy".into()),
        hours: Some(8.0),
        url: None,
    };
    store
        .import_learning(
            std::slice::from_ref(&activity),
            "acme.csv",
            Timestamp::UNIX_EPOCH,
        )
        .unwrap();
    assert_eq!(store.learning().unwrap(), [activity]);
    drop(store);
    // Opening again is a no-op.
    assert_eq!(
        Store::open(&path).unwrap().plan(id).unwrap().checkins.len(),
        2
    );
}

#[test]
fn a_document_naming_no_known_verdict_is_unreadable_not_guessed() {
    let path = scratch("bad-verdict").join("plans.db");
    let mut store = Store::open(&path).unwrap();
    let id = store
        .create_plan(plan(), &profile("p.toml"), Timestamp::UNIX_EPOCH)
        .unwrap();
    drop(store);
    let mut document = serde_json::to_value(plan()).unwrap();
    document["verdict"] = "brilliant".into();
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE plans SET document = ?1, document_format = 1",
            [document.to_string()],
        )
        .unwrap();
    let e = Store::open(&path).unwrap().plan(id).unwrap_err();
    assert!(
        matches!(e, StoreError::Unreadable { .. }) && e.to_string().contains("brilliant"),
        "{e}"
    );
}

#[test]
fn a_database_from_a_newer_switchback_is_refused_untouched() {
    let path = scratch("too-new").join("plans.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", LATEST + 7)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let e = Store::open(&path).unwrap_err();
    assert!(
        matches!(e, StoreError::TooNew { found, .. } if found == LATEST + 7),
        "{e}"
    );
    assert!(e.to_string().contains("upgrade Switchback"), "{e}");
    let conn = Connection::open(&path).unwrap();
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 0, "no migration ran");
    drop(conn);
    assert_eq!(std::fs::read(&path).unwrap().len(), before.len());
}

#[test]
fn a_file_that_is_not_a_database_is_left_untouched() {
    let path = scratch("not-a-db").join("notes.db");
    let text = "These are my notes, not a database.\n".repeat(200);
    std::fs::write(&path, &text).unwrap();
    let e = Store::open(&path).unwrap_err();
    assert!(matches!(e, StoreError::NotADatabase { .. }), "{e}");
    assert!(
        e.to_string().contains("not a Switchback plan database"),
        "{e}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    let dir = path.parent().unwrap();
    assert_eq!(
        std::fs::read_dir(dir).unwrap().count(),
        1,
        "no -wal or -shm file was made"
    );
}

fn importing_twice_updates_instead_of_duplicating(backend: Backend) {
    let db = database(backend, "import");
    let mut store = db.open().unwrap();
    let mut a = LearningActivity {
        target: LearningTarget::Technology("Microsoft Excel".into()),
        kind: ActivityKind::Course,
        title: "Excel at Acme".into(),
        provider: None,
        hours: None,
        url: None,
    };
    let first = store
        .import_learning(std::slice::from_ref(&a), "a.csv", Timestamp::UNIX_EPOCH)
        .unwrap();
    assert_eq!((first.added, first.updated), (1, 0));
    a.hours = Some(6.0);
    let second = store
        .import_learning(std::slice::from_ref(&a), "b.csv", Timestamp::UNIX_EPOCH)
        .unwrap();
    assert_eq!((second.added, second.updated), (0, 1));
    assert_eq!(store.learning().unwrap(), [a]);
}

fn concurrent_writers_lose_nothing(backend: Backend) {
    let db = database(backend, "concurrent");
    let id = db
        .open()
        .unwrap()
        .create_plan(plan(), &profile("p.toml"), Timestamp::UNIX_EPOCH)
        .unwrap();
    const WRITERS: usize = 4;
    const EACH: usize = 25;
    std::thread::scope(|scope| {
        for w in 0..WRITERS {
            let db = &db;
            scope.spawn(move || {
                // Each writer has its own connection, as separate processes would.
                let mut store = db.open().unwrap();
                for i in 0..EACH {
                    let c = checkin(1 + (i % 3) as u32, (i * 4) as u8, &format!("w{w}-{i}"));
                    store.check_in(id, &c, Timestamp::UNIX_EPOCH).unwrap();
                }
            });
        }
    });
    let stored = db.open().unwrap().plan(id).unwrap();
    assert_eq!(stored.checkins.len(), WRITERS * EACH);
    let mut notes: Vec<String> = stored
        .checkins
        .iter()
        .map(|c| c.checkin.note.clone().unwrap())
        .collect();
    notes.sort();
    notes.dedup();
    assert_eq!(notes.len(), WRITERS * EACH, "every write is there once");
    let Some(path) = db.sqlite_path() else {
        return;
    };
    let conn = Connection::open(path).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}

#[test]
fn processes_opening_a_new_database_at_once_migrate_it_once() {
    let path = scratch("open-race").join("plans.db");
    std::thread::scope(|scope| {
        for _ in 0..6 {
            scope.spawn(|| {
                let store = Store::open(&path).unwrap();
                assert_eq!(store.schema_version().unwrap(), LATEST);
            });
        }
    });
    let mut store = Store::open(&path).unwrap();
    let id = store
        .create_plan(plan(), &profile("p.toml"), Timestamp::UNIX_EPOCH)
        .unwrap();
    assert_eq!(store.plans().unwrap()[0].id, id);
}

fn application_id(path: &Path) -> i32 {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_switchback_database_is_marked_as_such_and_old_ones_are_adopted() {
    let path = scratch("marked").join("plans.db");
    drop(Store::open(&path).unwrap());
    assert_eq!(application_id(&path), switchback_store::APPLICATION_ID);
    // A file from before the mark: Switchback's tables, no mark.
    let old = scratch("unmarked").join("plans.db");
    {
        let conn = Connection::open(&old).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    assert_eq!(application_id(&old), 0);
    drop(Store::open(&old).unwrap());
    assert_eq!(application_id(&old), switchback_store::APPLICATION_ID);
}

#[test]
fn another_applications_database_is_refused_byte_for_byte() {
    let dir = scratch("foreign");
    // One with its own tables, one marked by another application.
    let tables = dir.join("music.db");
    {
        let conn = Connection::open(&tables).unwrap();
        conn.execute_batch("CREATE TABLE plans (x); CREATE TABLE songs (title TEXT);")
            .unwrap();
    }
    let marked = dir.join("marked.db");
    {
        let conn = Connection::open(&marked).unwrap();
        conn.pragma_update(None, "application_id", 0x0f00_0001)
            .unwrap();
    }
    for path in [&tables, &marked] {
        let before = std::fs::read(path).unwrap();
        let e = Store::open(path).unwrap_err();
        assert!(matches!(e, StoreError::Foreign { .. }), "{e}");
        assert!(e.to_string().contains("left untouched"), "{e}");
        assert!(matches!(
            Store::open_read_only(path).unwrap_err(),
            StoreError::Foreign { .. }
        ));
        assert_eq!(std::fs::read(path).unwrap(), before);
    }
    assert!(
        Store::open(&tables)
            .unwrap_err()
            .to_string()
            .contains("tables: plans, songs")
    );
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        2,
        "no -wal or -shm"
    );
}

#[test]
fn reading_creates_nothing_and_cannot_write() {
    let dir = scratch("read-only-open");
    let path = dir.join("plans.db");
    assert!(Store::open_read_only(&path).unwrap().is_none());
    assert!(!path.exists(), "reading made no file");
    std::fs::write(&path, b"").unwrap();
    assert!(
        Store::open_read_only(&path).unwrap().is_none(),
        "empty file"
    );
    let id = Store::open(&path)
        .unwrap()
        .create_plan(plan(), &profile("p.toml"), Timestamp::UNIX_EPOCH)
        .unwrap();
    let mut reader = Store::open_read_only(&path).unwrap().unwrap();
    assert_eq!(reader.plan(id).unwrap().plan, *plan());
    assert_eq!(reader.plans().unwrap().len(), 1);
    let e = reader
        .check_in(
            id,
            &checkin(1, 10, "through a reader"),
            Timestamp::UNIX_EPOCH,
        )
        .unwrap_err();
    assert!(e.to_string().contains("read-only"), "{e}");
    assert_eq!(count(&Database::sqlite(&path), "checkins"), 0);
}

fn check_ins_must_fall_within_the_tenure(backend: Backend) {
    let db = database(backend, "checkin-window");
    let mut store = db.open().unwrap();
    let id = store
        .create_plan(plan(), &profile("p.toml"), Timestamp::UNIX_EPOCH)
        .unwrap();
    let tenure = &plan().tenure;
    let on = |date: Date| CheckIn {
        date,
        ..checkin(1, 10, "dated")
    };
    for date in [
        tenure.start.yesterday().unwrap(),
        tenure.latest_move.tomorrow().unwrap(),
    ] {
        let e = store
            .check_in(id, &on(date), Timestamp::UNIX_EPOCH)
            .unwrap_err();
        assert!(matches!(e, StoreError::CheckInDate { .. }), "{e}");
    }
    for date in [tenure.start, tenure.latest_move] {
        store
            .check_in(id, &on(date), Timestamp::UNIX_EPOCH)
            .unwrap();
    }
    assert_eq!(count(&db, "checkins"), 2);
}

#[test]
fn servers_starting_on_a_new_postgres_database_at_once_migrate_it_once() {
    let url = testing::scratch_postgres_url("migrate-once");
    let dbs: Vec<Database> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| Database::postgres(&url).unwrap()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for db in &dbs {
        assert_eq!(db.open().unwrap().schema_version().unwrap(), LATEST);
    }
    assert_eq!(
        count(&dbs[0], "switchback_schema"),
        1,
        "one version row: the schema was made once"
    );
    let id = dbs[0]
        .open()
        .unwrap()
        .create_plan(plan(), &profile("p.toml"), Timestamp::UNIX_EPOCH)
        .unwrap();
    assert_eq!(dbs[3].open().unwrap().plan(id).unwrap().plan, *plan());
}

#[test]
fn a_wrong_postgres_address_is_named_without_its_password() {
    let e = Database::postgres("postgres://ann:s3cret@127.0.0.1:1/plans").unwrap_err();
    let text = e.to_string();
    assert!(
        text.contains("cannot reach the PostgreSQL server"),
        "{text}"
    );
    assert!(!text.contains("s3cret"), "{text}");
    let e =
        Database::from_location("postgres://ann@127.0.0.1:1/plans?sslmode=nonsense").unwrap_err();
    assert!(e.to_string().starts_with("database-url: "), "{e}");
}

#[test]
fn a_postgres_server_never_holds_more_connections_than_its_pool() {
    let db = database(Backend::Postgres, "pool-limit");
    let most = std::sync::atomic::AtomicI64::new(0);
    std::thread::scope(|scope| {
        for _ in 0..(3 * switchback_store::MAX_CONNECTIONS) {
            scope.spawn(|| {
                // Each thread holds a store (a connection) while it asks.
                let held = db.open().unwrap();
                let open = testing::postgres_connections(&held).unwrap();
                most.fetch_max(open, std::sync::atomic::Ordering::Relaxed);
                std::thread::sleep(std::time::Duration::from_millis(20));
                assert!(held.plans().unwrap().is_empty());
            });
        }
    });
    let most = most.into_inner();
    assert!(
        most <= switchback_store::MAX_CONNECTIONS as i64,
        "{most} connections open at once"
    );
    assert!(most > 1, "the threads overlapped ({most})");
}

/// The writers' lock orders writers only if each statement sees what the
/// writer before committed: a site whose databases default to REPEATABLE
/// READ must not let parallel sign-in guesses all count the same
/// attempts (each would pass the limit).
#[test]
fn a_stricter_default_isolation_does_not_let_guesses_slip_through() {
    let url = testing::scratch_postgres_url_where(
        "isolation",
        &["default_transaction_isolation = 'repeatable read'"],
    );
    let db = Database::postgres(&url).unwrap();
    let since = Timestamp::UNIX_EPOCH;
    let at: Timestamp = "2027-01-04T09:00:00Z".parse().unwrap();
    let granted: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..12)
            .map(|_| {
                scope.spawn(|| {
                    let mut store = db.open().unwrap();
                    store.reserve_attempt(&[("user:1", 5)], since, at).unwrap()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| usize::from(h.join().unwrap()))
            .sum()
    });
    assert_eq!(granted, 5, "exactly the limit's attempts are let through");
}

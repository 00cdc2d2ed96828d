//! Regression tests for the failures found by trying the binary with bad
//! input (issue #14): each test reproduces one report from the command
//! line and checks the fixed behaviour. docs/RELIABILITY.md lists them.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use rusqlite::Connection;

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");

/// The accountant of the README, as a profile text to vary.
fn accountant() -> String {
    std::fs::read_to_string(format!("{EXAMPLES}/another-route-up-accountant.toml")).unwrap()
}

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hardening-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn switchback(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_switchback"));
    c.env_remove("SWITCHBACK_CATALOG").env("SWITCHBACK_DB", db);
    c
}

fn run(db: &Path, args: &[&str]) -> Output {
    switchback(db).args(args).output().unwrap()
}

/// Runs a command that must fail with `code`; returns its standard error.
fn fails(db: &Path, args: &[&str], code: i32) -> String {
    let o = run(db, args);
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(code), "{args:?}: {err}");
    err
}

fn succeeds(db: &Path, args: &[&str]) -> String {
    let o = run(db, args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// Writes a profile into `dir` and returns its path.
fn profile(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Creates the accountant's plan (tenure 2026-01-04 onward) in `db`.
fn create_plan(db: &Path) {
    let p = format!("{EXAMPLES}/another-route-up-accountant.toml");
    succeeds(
        db,
        &[
            "plan",
            "create",
            &p,
            "--option",
            "finance-supervisor",
            "--start",
            "2026-01-04",
        ],
    );
}

#[test]
fn a_horizon_beyond_its_range_is_refused_before_any_search() {
    let dir = scratch("horizon");
    let db = dir.join("plans.db");
    for horizon in ["1e39", "1e9", "41", "0", "-3"] {
        let text = accountant().replace("horizon_years = 8", &format!("horizon_years = {horizon}"));
        let p = profile(&dir, "h.toml", &text);
        for args in [
            vec!["advise", &p],
            vec!["route", &p],
            vec!["plan", "create", &p, "--option", "finance-supervisor"],
        ] {
            let e = fails(&db, &args, 1);
            assert!(
                e.contains("goal.horizon_years: ")
                    && e.contains("the horizon in years must be more than 0 to 40"),
                "{horizon} {args:?}: {e}"
            );
        }
    }
    assert!(!db.exists(), "a refused plan creates no database");
}

#[test]
fn impossible_salaries_are_refused_with_their_range() {
    let dir = scratch("salary");
    for value in ["0.0001", "4294967295", "10000001", "-1"] {
        let text = accountant().replace("salary = 118000", &format!("salary = {value}"));
        let e = fails(
            &dir.join("db"),
            &["advise", &profile(&dir, "s.toml", &text)],
            1,
        );
        assert!(
            e.contains(&format!(
                "current.salary: {value} is out of range: an annual salary in dollars must be from 1000 to 10000000"
            )),
            "{value}: {e}"
        );
    }
    // The same range on the command line.
    let e = fails(
        &dir.join("db"),
        &[
            "move",
            "Cooks",
            "--to",
            "Chefs",
            "--to-salary",
            "4294967295",
        ],
        2,
    );
    assert!(e.contains("--to-salary: 4294967295 is out of range"), "{e}");
    // Beyond what a float holds: the parser's own error, at its place.
    let text = accountant().replace("salary = 118000", "salary = 1e309");
    let e = fails(
        &dir.join("db"),
        &["advise", &profile(&dir, "s.toml", &text)],
        1,
    );
    assert!(e.contains("s.toml:10:") && !e.contains("inf%"), "{e}");
    // A 309-digit number in JSON is shortened, not echoed.
    let digits = format!("1{}", "0".repeat(308));
    let json =
        format!(r#"{{"current": {{"role": "Accountants and Auditors", "salary": {digits}}}}}"#);
    let e = fails(
        &dir.join("db"),
        &["advise", &profile(&dir, "s.json", &json)],
        1,
    );
    assert!(e.len() < 300, "{e}");
}

#[test]
fn a_typo_in_a_profile_is_an_error_with_the_nearest_field() {
    let dir = scratch("typo");
    let text = accountant().replace("salary = 118000", "salry = 118000");
    let e = fails(
        &dir.join("db"),
        &["advise", &profile(&dir, "t.toml", &text)],
        1,
    );
    assert!(
        e.contains(
            "current.salry: \"salry\" is not a field of [current] (did you mean \"salary\"?)"
        ),
        "{e}"
    );
    let json = r#"{"current": {"role": "Accountants and Auditors"}, "goal": {"role": "Financial Managers", "horizon_year": 8}}"#;
    let e = fails(
        &dir.join("db"),
        &["advise", &profile(&dir, "t.json", json)],
        1,
    );
    assert!(
        e.contains("goal.horizon_year: \"horizon_year\" is not a field of [goal] (did you mean \"horizon_years\"?)"),
        "{e}"
    );
    let text = accountant().replace("[[options]]\nid", "[[options]]\nidd = 1\nid");
    let e = fails(
        &dir.join("db"),
        &["advise", &profile(&dir, "o.toml", &text)],
        1,
    );
    assert!(
        e.contains("options[0].idd: \"idd\" is not a field of [[options]]"),
        "{e}"
    );
}

#[test]
fn the_advisor_honours_the_pay_floor_the_deepest_step_down_and_exclusions() {
    let dir = scratch("situation");
    let cases = [
        (
            ("min_salary = 90000", "min_salary = 170000"),
            "verdict.below_pay_floor",
            "It pays $112,000, below the $170,000 you can accept",
        ),
        (
            (
                "promotion_blocked = true",
                "promotion_blocked = true\nmax_step_down = 0",
            ),
            "verdict.step_too_deep",
            "a step down of 1 grade, deeper than the 0 you will take",
        ),
        (
            (
                "promotion_blocked = true",
                "promotion_blocked = true\nexclude_occupations = [\"11-3031.00\"]",
            ),
            "verdict.excluded_occupation",
            "You will not work as Financial Managers",
        ),
    ];
    for ((from, to), code, words) in cases {
        let text = accountant().replace(from, to);
        let p = profile(&dir, "a.toml", &text);
        let out = succeeds(&dir.join("db"), &["advise", &p, "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let option = &v["options"][0];
        assert_eq!(option["verdict"], "not_recommended", "{to}");
        let reason = option["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["code"] == code)
            .unwrap_or_else(|| panic!("{code} in {}", option["reasons"]));
        assert!(reason["text"].as_str().unwrap().contains(words), "{reason}");
    }
    // A floor every onward position misses (the grades above the offer pay
    // as it does, relative to OEWS: $85,000 at the supervisor's grade makes
    // a director's post about $219,000): the message names the floor, not
    // the data.
    let text = accountant()
        .replace("min_salary = 90000", "min_salary = 230000")
        .replace("salary = 112000", "salary = 85000");
    let out = succeeds(
        &dir.join("db"),
        &["advise", &profile(&dir, "f.toml", &text)],
    );
    assert!(
        out.contains("within your own limits (pay of at least $230,000); without them one would"),
        "{out}"
    );
}

#[test]
fn export_writes_regular_files_only_and_follows_links_saying_so() {
    let dir = scratch("export");
    let db = dir.join("plans.db");
    create_plan(&db);
    // A symbolic link: the file it names is written; the link stays a link.
    let real = dir.join("real.ics");
    let link = dir.join("link.ics");
    std::os::unix::fs::symlink("real.ics", &link).unwrap();
    let o = run(
        &db,
        &[
            "plan",
            "export",
            "1",
            "--to",
            "ics",
            "--output",
            link.to_str().unwrap(),
        ],
    );
    assert!(o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("is a symbolic link; writing the file it points to")
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .starts_with("BEGIN:VCALENDAR")
    );
    // A FIFO and a directory are refused and left as they are.
    let fifo = dir.join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for (target, kind) in [
        (fifo.as_path(), "a FIFO (named pipe)"),
        (dir.as_path(), "a directory"),
    ] {
        let e = fails(
            &db,
            &[
                "plan",
                "export",
                "1",
                "--to",
                "ics",
                "--output",
                target.to_str().unwrap(),
            ],
            1,
        );
        assert!(
            e.contains(&format!("is {kind}, not a regular file; it was left alone")),
            "{e}"
        );
    }
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo_like()
    );
    // No temporary file is left behind by the refusals or the writes.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

/// `is_fifo` without naming the extension trait at every call.
trait FifoLike {
    fn is_fifo_like(&self) -> bool;
}

impl FifoLike for std::fs::FileType {
    fn is_fifo_like(&self) -> bool {
        std::os::unix::fs::FileTypeExt::is_fifo(self)
    }
}

#[test]
fn another_applications_database_is_refused_untouched() {
    let dir = scratch("foreign");
    let db = dir.join("other.db");
    {
        let c = Connection::open(&db).unwrap();
        c.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('la');")
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    for args in [
        &["plan", "list"][..],
        &["plan", "show", "1"],
        &[
            "plan",
            "checkin",
            "1",
            "--objective",
            "1",
            "--progress",
            "5",
        ],
        &[
            "learning",
            "import",
            &format!("{EXAMPLES}/my-org-courses.csv"),
        ],
    ] {
        let e = fails(&db, args, 1);
        assert!(
            e.contains("is another application's SQLite database (tables: songs)"),
            "{args:?}: {e}"
        );
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "byte for byte");
    assert!(!dir.join("other.db-wal").exists());
}

/// Runs `args` as an unprivileged user when the tests run as root (root
/// ignores file permissions), so that read-only really is read-only.
/// The unprivileged user runs a copy of the binary kept beside the
/// database, in a directory anyone may enter: the checkout itself may sit
/// in a directory only root can enter (`mktemp -d` makes them 0700).
fn run_unprivileged(db: &Path, args: &[&str]) -> Output {
    let mut c = switchback(db);
    c.args(args);
    if std::fs::metadata(db).unwrap().uid() == 0 && is_root() {
        let bin = db.parent().unwrap().parent().unwrap().join("switchback");
        c = Command::new(bin);
        c.env_remove("SWITCHBACK_CATALOG")
            .env("SWITCHBACK_DB", db)
            .args(args)
            .uid(65534)
            .gid(65534);
    }
    c.output().unwrap()
}

fn is_root() -> bool {
    let probe = std::env::temp_dir().join(format!("switchback-uid-{}", std::process::id()));
    std::fs::write(&probe, b"").unwrap();
    let root = std::fs::metadata(&probe).unwrap().uid() == 0;
    let _ = std::fs::remove_file(&probe);
    root
}

#[test]
fn read_only_databases_can_be_listed_shown_and_exported() {
    use std::os::unix::fs::PermissionsExt;
    // Under the system's temporary directory, which anyone may enter.
    let base = std::env::temp_dir().join(format!("switchback-readonly-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let dir = base.join("readonly");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&base, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_switchback"), base.join("switchback")).unwrap();
    let db = dir.join("plans.db");
    create_plan(&db);
    let ro = |p: &Path, mode: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    // The directory (and the file) made read-only: no -shm, no -wal.
    ro(&db, 0o444);
    ro(&dir, 0o555);
    ro(&base, 0o755);
    for args in [
        &["plan", "list"][..],
        &["plan", "show", "1"],
        &["plan", "status", "1", "--as-of", "2026-03-01"],
        &["plan", "export", "1", "--to", "markdown"],
    ] {
        let o = run_unprivileged(&db, args);
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!o.stdout.is_empty());
    }
    let o = run_unprivileged(
        &db,
        &[
            "plan",
            "checkin",
            "1",
            "--objective",
            "1",
            "--progress",
            "5",
            "--date",
            "2026-03-01",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8(o.stderr).unwrap();
    assert!(e.contains("read-only"), "{e}");
    assert_eq!(e.matches("read-only").count(), 1, "said once: {e}");
    ro(&dir, 0o755);
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn check_ins_outside_the_tenure_or_in_the_future_are_refused_and_nothing_is_stored() {
    let dir = scratch("checkin-dates");
    let db = dir.join("plans.db");
    create_plan(&db);
    let checkin = |date: &str, code| {
        fails(
            &db,
            &[
                "plan",
                "checkin",
                "1",
                "--objective",
                "1",
                "--progress",
                "5",
                "--date",
                date,
            ],
            code,
        )
    };
    for date in ["1900-01-01", "2025-12-31"] {
        let e = checkin(date, 1);
        assert!(
            e.contains(&format!(
                "date: {date} is outside plan 1's tenure, 2026-01-04 to "
            )),
            "{e}"
        );
    }
    // A mistyped year would be kept and ignored by every status until
    // that day: progress is recorded for a day that has come.
    // An invalid argument, as a malformed one: exit 2.
    let e = checkin("2150-06-01", 2);
    assert!(
        e.contains("date: 2150-06-01 is in the future (today is "),
        "{e}"
    );
    let n: i64 = Connection::open(&db)
        .unwrap()
        .query_row("SELECT count(*) FROM checkins", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    // The first day counts.
    succeeds(
        &db,
        &[
            "plan",
            "checkin",
            "1",
            "--objective",
            "1",
            "--progress",
            "5",
            "--date",
            "2026-01-04",
        ],
    );
}

#[test]
fn messages_say_each_cause_once_in_plain_words() {
    let dir = scratch("messages");
    let db = dir.join("plans.db");
    // A directory given as a profile.
    let d = dir.join("profile.toml");
    std::fs::create_dir_all(&d).unwrap();
    let e = fails(&db, &["advise", d.to_str().unwrap()], 1);
    assert_eq!(
        e.trim(),
        format!("error: cannot read {}: it is a directory", d.display())
    );
    // A database whose directory cannot be made.
    let blocked = dir.join("file");
    std::fs::write(&blocked, "x").unwrap();
    let e = fails(
        &blocked.join("sub/plans.db"),
        &[
            "learning",
            "import",
            &format!("{EXAMPLES}/my-org-courses.csv"),
        ],
        1,
    );
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(!e.contains("os error"), "{e}");
    // A level that is neither a name nor a grade: no serde internals.
    let text = accountant().replace("level = \"principal\"", "level = 3.5");
    let e = fails(&db, &["advise", &profile(&dir, "l.toml", &text)], 1);
    assert!(!e.contains("untagged") && e.contains("a grade 1–10"), "{e}");
    // A 100 KB title is shortened; escape codes are shown escaped.
    let long = "x".repeat(100_000);
    let e = fails(&db, &["occupation", "show", &long], 1);
    assert!(
        e.len() < 400 && e.contains("(and 99940 more characters)"),
        "{}",
        e.len()
    );
    let e = fails(&db, &["occupation", "show", "zz\u{1b}[2J"], 1);
    assert!(e.contains("zz\\u{1b}[2J") && !e.contains('\u{1b}'), "{e}");
}

#[test]
fn the_catalog_directory_and_empty_environment_variables() {
    let dir = scratch("env");
    let o = Command::new(env!("CARGO_BIN_EXE_switchback"))
        .args(["occupation", "show", "CFO"])
        .env("SWITCHBACK_CATALOG", "/nonexistent-switchback-catalog")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).trim(),
        "error: the catalog directory /nonexistent-switchback-catalog does not exist"
    );
    // Empty values are unset: the embedded catalog and the default database.
    let o = Command::new(env!("CARGO_BIN_EXE_switchback"))
        .args(["occupation", "show", "CFO"])
        .env("SWITCHBACK_CATALOG", "")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = Command::new(env!("CARGO_BIN_EXE_switchback"))
        .args(["plan", "list"])
        .env("SWITCHBACK_DB", "")
        .env("HOME", &dir)
        .env_remove("XDG_DATA_HOME")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains(".local/share/switchback/plans.db"));
}

#[test]
fn a_failed_write_to_standard_output_is_an_error_in_every_format() {
    let dir = scratch("stdout");
    let p = format!("{EXAMPLES}/another-route-up-accountant.toml");
    for format in ["text", "json"] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = switchback(&dir.join("db"))
            .args(["advise", &p, "--format", format])
            .stdout(Stdio::from(full))
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{format}");
        assert_eq!(
            String::from_utf8_lossy(&o.stderr).trim(),
            "error: cannot write the output: the disk is full"
        );
    }
}

#[test]
fn export_refuses_a_format_that_contradicts_to() {
    let dir = scratch("export-format");
    let db = dir.join("plans.db");
    create_plan(&db);
    let e = fails(
        &db,
        &[
            "plan", "export", "1", "--to", "markdown", "--format", "json",
        ],
        2,
    );
    assert!(
        e.contains("--format json does not apply to `plan export --to markdown`"),
        "{e}"
    );
    let out = succeeds(
        &db,
        &["plan", "export", "1", "--to", "json", "--format", "json"],
    );
    assert!(out.starts_with('{'));
}

#[test]
fn the_readme_sample_course_catalogue_imports_whole() {
    let dir = scratch("readme-courses");
    let out = succeeds(
        &dir.join("plans.db"),
        &[
            "learning",
            "import",
            &format!("{EXAMPLES}/my-org-courses.csv"),
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["added"].as_u64().unwrap() >= 20);
    assert_eq!(v["rejected"].as_array().unwrap().len(), 0, "{v}");
}

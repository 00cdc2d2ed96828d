//! Black-box tests of `switchback plan` and `switchback learning` against
//! the built binary and real SQLite files: the whole cycle, every export
//! parsed back, bad input that changes nothing, writers killed mid-stream,
//! and writers at once.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use rusqlite::Connection;

const PROFILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/another-route-up-accountant.toml"
);

/// The sample organisation course catalogue the README's tour imports.
const ORG_COURSES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/my-org-courses.csv"
);

fn switchback(db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_switchback"));
    c.env_remove("SWITCHBACK_CATALOG").env("SWITCHBACK_DB", db);
    c
}

fn run(db: &Path, args: &[&str]) -> Output {
    switchback(db).args(args).output().expect("the binary runs")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let o = run(db, args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&ok(db, &all)).expect("valid JSON")
}

fn fails(db: &Path, args: &[&str], code: i32) -> String {
    let o = run(db, args);
    assert_eq!(
        o.status.code(),
        Some(code),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    String::from_utf8(o.stderr).unwrap()
}

/// A database path in a fresh directory.
fn fresh_db(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-plan-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("plans.db")
}

/// Creates the accountant's plan starting 2026-01-04 and returns its id.
fn create(db: &Path) -> i64 {
    let v = json(
        db,
        &[
            "plan",
            "create",
            PROFILE,
            "--option",
            "finance-supervisor",
            "--start",
            "2026-01-04",
        ],
    );
    v["id"].as_i64().unwrap()
}

/// What SQLite's own consistency check says of the file.
fn integrity(db: &Path) -> String {
    Connection::open(db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn checkin_count(db: &Path) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row("SELECT count(*) FROM checkins", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn create_list_checkin_status_the_whole_cycle() {
    let db = fresh_db("cycle");
    let text = ok(
        &db,
        &[
            "plan",
            "create",
            PROFILE,
            "--option",
            "finance-supervisor",
            "--start",
            "2026-01-04",
        ],
    );
    assert!(text.starts_with("Created plan 1 in "), "{text}");
    for heading in [
        "## 1. Development elements to agree with your manager",
        "## 2. Measurable objectives and benchmarks",
        "## 3. Tenure to negotiate",
        "## 4. Reviews, HR business partner checkpoints and learning",
        "## 5. Talking points",
    ] {
        assert!(text.contains(heading), "{heading}");
    }
    let v = json(&db, &["plan", "show", "1"]);
    assert_eq!(v["option_id"], "finance-supervisor");
    assert_eq!(v["tenure"]["start"], "2026-01-04");
    let objectives = v["objectives"].as_array().unwrap().len();
    assert!(objectives >= 3);
    for field in ["metric", "target", "due", "evidence", "serves_goal"] {
        assert!(v["objectives"][0][field].is_string(), "{field}");
    }

    let list = json(&db, &["plan", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], 1);
    assert_eq!(list[0]["checkins"], 0);

    let c = json(
        &db,
        &[
            "plan",
            "checkin",
            "1",
            "--objective",
            "1",
            "--progress",
            "5",
            "--note",
            "course booked",
            "--by",
            "manager",
            "--date",
            "2026-04-04",
        ],
    );
    assert_eq!(c["objective_status"]["standing"], "on_track");
    ok(
        &db,
        &[
            "plan",
            "checkin",
            "1",
            "--objective",
            "2",
            "--progress",
            "0",
            "--date",
            "2026-10-04",
        ],
    );

    let s = json(&db, &["plan", "status", "1", "--as-of", "2026-10-04"]);
    assert_eq!(s["plan"], 1);
    assert_eq!(s["objectives"].as_array().unwrap().len(), objectives);
    let standings: Vec<&str> = s["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["standing"].as_str().unwrap())
        .collect();
    assert!(
        standings
            .iter()
            .all(|s| ["on_track", "at_risk", "off_track"].contains(s))
    );
    assert_eq!(s["objectives"][1]["progress"], 0);
    assert!(s["objectives"][1]["expected"].as_f64().unwrap() > 0.0);
    let text = ok(&db, &["plan", "status", "1", "--as-of", "2026-10-04"]);
    assert!(
        text.starts_with("Plan 1: Financial Managers (supervisor) — "),
        "{text}"
    );
    assert!(text.contains("Next check-in due 2026-10-04."), "{text}");

    let list = json(&db, &["plan", "list"]);
    assert_eq!(list[0]["checkins"], 2);
    assert_eq!(list[0]["last_checkin"], "2026-10-04");
}

#[test]
fn status_falls_behind_as_time_passes_without_progress() {
    let db = fresh_db("status");
    create(&db);
    let standing =
        |as_of: &str| json(&db, &["plan", "status", "1", "--as-of", as_of])["standing"].clone();
    assert_eq!(standing("2026-01-04"), "on_track");
    // Three years in with nothing done: every objective is past due or far behind.
    assert_eq!(standing("2030-01-04"), "off_track");
    let shown = json(&db, &["plan", "show", "1"]);
    let last_due = shown["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["due"].as_str().unwrap().to_owned())
        .max()
        .unwrap();
    let n = shown["objectives"].as_array().unwrap().len();
    for i in 1..=n {
        ok(
            &db,
            &[
                "plan",
                "checkin",
                "1",
                "--objective",
                &i.to_string(),
                "--progress",
                "100",
                "--date",
                "2026-06-01",
            ],
        );
    }
    assert_eq!(standing(&last_due), "on_track", "every objective met");
}

#[test]
fn exports_markdown_json_and_an_icalendar_a_parser_reads() {
    let db = fresh_db("export");
    create(&db);
    ok(
        &db,
        &[
            "plan",
            "checkin",
            "1",
            "--objective",
            "1",
            "--progress",
            "20",
            "--note",
            "a | pipe, and more <script>alert(1)</script> & co",
            "--date",
            "2026-03-01",
        ],
    );
    let shown = json(&db, &["plan", "show", "1"]);

    let md = ok(
        &db,
        &[
            "plan",
            "export",
            "1",
            "--to",
            "markdown",
            "--as-of",
            "2026-03-01",
        ],
    );
    assert!(
        md.starts_with("# Development plan 1: Financial Managers (supervisor, 11-3031.00)\n"),
        "{md}"
    );
    assert!(
        md.contains(
            "| 2026-03-01 | 1 | 20% | person | a \\| pipe, and more &lt;script&gt;alert(1)&lt;/script&gt; &amp; co |"
        ),
        "{md}"
    );
    // Markdown renderers pass HTML through: a note is shown, never run.
    assert!(!md.contains("<script>"), "{md}");

    let out = db.with_file_name("plan.json");
    ok(
        &db,
        &[
            "plan",
            "export",
            "1",
            "--to",
            "json",
            "--output",
            out.to_str().unwrap(),
            "--as-of",
            "2026-03-01",
        ],
    );
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(exported["objectives"], shown["objectives"]);
    assert_eq!(
        exported["checkins"][0]["note"],
        "a | pipe, and more <script>alert(1)</script> & co"
    );
    assert_eq!(exported["status"]["as_of"], "2026-03-01");

    let ics = ok(&db, &["plan", "export", "1", "--to", "ics"]);
    assert!(ics.lines().all(|l| l.len() <= 76), "folded at 75 octets");
    let mut calendars = ical::IcalParser::new(BufReader::new(ics.as_bytes()));
    let calendar = calendars.next().expect("one calendar").expect("it parses");
    assert!(calendars.next().is_none());
    let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
        e.properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
    };
    let tenure = &shown["tenure"];
    let checkins_due = tenure["checkins_due"].as_array().unwrap().len();
    let milestones = tenure["milestones"].as_array().unwrap().len();
    let objectives = shown["objectives"].as_array().unwrap().len();
    assert_eq!(
        calendar.events.len(),
        checkins_due + milestones + objectives
    );
    let mut uids: Vec<String> = calendar
        .events
        .iter()
        .map(|e| prop(e, "UID").unwrap())
        .collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), calendar.events.len(), "UIDs are unique");
    // Plan ids repeat across databases (a laptop's plan 1, a server's plan
    // 1): the UIDs carry the plan's creation time as well.
    let stamp = prop(&calendar.events[0], "DTSTAMP").unwrap();
    assert!(
        uids.iter()
            .all(|u| u.starts_with(&format!("plan-1-{stamp}-"))),
        "{uids:?}"
    );
    let compact = |d: &serde_json::Value| d.as_str().unwrap().replace('-', "");
    let first = |category: &str| {
        calendar
            .events
            .iter()
            .find(|e| prop(e, "CATEGORIES").as_deref() == Some(category))
            .unwrap_or_else(|| panic!("a {category} event"))
    };
    let start_of = |category| prop(first(category), "DTSTART").unwrap();
    assert_eq!(start_of("END_OF_TENURE"), compact(&tenure["latest_move"]));
    assert_eq!(start_of("TENURE_REVIEW"), compact(&tenure["earliest_move"]));
    assert_eq!(start_of("CHECKIN_DUE"), "20260204");
    // A long agenda survives folding and escaping.
    let agree = calendar
        .events
        .iter()
        .find(|e| prop(e, "SUMMARY").as_deref() == Some("Agree the development plan"))
        .unwrap();
    let description = prop(agree, "DESCRIPTION").unwrap();
    assert!(
        description.contains("Personnel and Human Resources"),
        "{description}"
    );
    // Exporting again gives the same calendar, so a re-import updates.
    assert_eq!(ok(&db, &["plan", "export", "1", "--to", "ics"]), ics);
}

#[test]
fn a_plan_keeps_its_profile_and_gives_it_back() {
    let db = fresh_db("profile-kept");
    // The profile is copied, so the plan outlives the file it came from.
    let copy = db.with_file_name("mine.toml");
    let written = std::fs::read_to_string(PROFILE).unwrap();
    std::fs::write(&copy, &written).unwrap();
    let v = json(
        &db,
        &[
            "plan",
            "create",
            copy.to_str().unwrap(),
            "--option",
            "finance-supervisor",
            "--start",
            "2026-01-04",
        ],
    );
    std::fs::remove_file(&copy).unwrap();
    let id = v["id"].to_string();
    let exported = ok(&db, &["plan", "export", &id, "--to", "profile"]);
    assert_eq!(exported, written, "given back byte for byte");
    // What came back is a profile the advisor reads.
    std::fs::write(&copy, &exported).unwrap();
    let advice = json(&db, &["advise", copy.to_str().unwrap()]);
    assert!(advice["options"].as_array().is_some_and(|o| !o.is_empty()));
}

#[test]
fn the_organisations_catalogue_is_imported_and_used() {
    let db = fresh_db("learning");
    let csv = db.with_file_name("acme-courses.csv");
    std::fs::write(
        &csv,
        "target,kind,title,provider,hours,url\n\
         Administration and Management,course,Leading at Acme,Acme Academy,16,https://learn.acme.example/lead\n\
         2.C.1.f,mentoring,An Acme people manager mentors you,,,\n\
         Negotation,course,Misspelt,,,\n\
         2.C.1.a,webinar,Wrong kind,,,\n",
    )
    .unwrap();
    let o = run(&db, &["learning", "import", csv.to_str().unwrap()]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("Imported 2 activities"), "{out}");
    assert!(
        out.contains("acme-courses.csv: line 4: target: \"Negotation\""),
        "{out}"
    );
    assert!(out.contains("did you mean \"Negotiation\""), "{out}");
    assert!(out.contains("line 5: kind"), "{out}");

    let again = json(&db, &["learning", "import", csv.to_str().unwrap()]);
    assert_eq!(
        (again["added"].as_i64(), again["updated"].as_i64()),
        (Some(0), Some(2))
    );
    assert_eq!(again["rejected"].as_array().unwrap().len(), 2);

    create(&db);
    let shown = json(&db, &["plan", "show", "1"]);
    let element = shown["elements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["gap"]["name"] == "Administration and Management")
        .unwrap();
    assert_eq!(element["learning"][0]["title"], "Leading at Acme");
    assert_eq!(element["learning"][0]["source"], "organisation");
    assert_eq!(
        element["learning"][0]["url"],
        "https://learn.acme.example/lead"
    );

    let bad = db.with_file_name("nothing-good.csv");
    std::fs::write(&bad, "target,kind,title\nNowhere,course,X\n").unwrap();
    let e = fails(&db, &["learning", "import", bad.to_str().unwrap()], 1);
    assert!(e.contains("no row of"), "{e}");
    let e = fails(
        &db,
        &[
            "learning",
            "import",
            db.with_file_name("missing.csv").to_str().unwrap(),
        ],
        1,
    );
    assert!(e.contains("cannot read"), "{e}");
}

#[test]
fn bad_input_is_named_and_changes_nothing() {
    let db = fresh_db("bad-input");
    create(&db);
    ok(
        &db,
        &words("plan checkin 1 --objective 1 --progress 10 --date 2026-02-01"),
    );
    let before = ok(&db, &["--format", "json", "plan", "show", "1"]);

    // (command line, exit code, what the error must say)
    let cases: [(&str, i32, &[&str]); 11] = [
        (
            "plan show 9",
            1,
            &["there is no plan 9 (the only plan is 1)"],
        ),
        (
            "plan checkin 9 --objective 1 --progress 10",
            1,
            &["no plan 9"],
        ),
        (
            "plan checkin 1 --objective 99 --progress 10",
            1,
            &["has no objective 99; its objectives are 1–"],
        ),
        (
            "plan checkin 1 --objective 1 --progress 101",
            2,
            &["--progress", "not 101"],
        ),
        (
            "plan checkin 1 --objective 1 --progress -5",
            2,
            &["--progress"],
        ),
        (
            "plan checkin 1 --objective 1 --progress 10 --date 04/01/2026",
            2,
            &["--date", "YYYY-MM-DD"],
        ),
        (
            "plan checkin 1 --objective 1 --progress 10 --by boss",
            2,
            &["possible values: person, manager, hr"],
        ),
        (
            "plan status 1 --as-of 2026-02-30",
            2,
            &["--as-of", "2026-02-30"],
        ),
        (
            "plan show first",
            2,
            &["plan id must be a positive whole number"],
        ),
        ("plan export 1 --to pdf", 2, &["markdown, json, ics"]),
        (
            "plan create PROFILE --option finance-supervisr",
            2,
            &["did you mean \"finance-supervisor\""],
        ),
    ];
    for (line, code, wants) in cases {
        let args: Vec<&str> = words(line)
            .into_iter()
            .map(|w| if w == "PROFILE" { PROFILE } else { w })
            .collect();
        let e = fails(&db, &args, code);
        for want in wants {
            assert!(e.contains(want), "{line}: {e}");
        }
    }

    assert_eq!(
        ok(&db, &["--format", "json", "plan", "show", "1"]),
        before,
        "nothing changed"
    );
    assert_eq!(checkin_count(&db), 1);
    assert_eq!(
        json(&db, &["plan", "list"]).as_array().unwrap().len(),
        1,
        "no plan was added"
    );
}

/// A command line as its words (none of the tests' words has a space).
fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

#[test]
fn a_file_that_is_not_a_database_is_reported_and_kept() {
    let db = fresh_db("not-a-db");
    let text = "name,salary\nPriya,118000\n".repeat(100);
    std::fs::write(&db, &text).unwrap();
    for args in [
        &["plan", "list"][..],
        &["plan", "create", PROFILE, "--option", "finance-supervisor"][..],
        &[
            "plan",
            "checkin",
            "1",
            "--objective",
            "1",
            "--progress",
            "5",
        ][..],
    ] {
        let e = fails(&db, args, 1);
        assert!(e.contains("is not a Switchback plan database"), "{e}");
    }
    assert_eq!(std::fs::read_to_string(&db).unwrap(), text);
}

/// A plan started in the past is judged, when created, as of today — not
/// as of its first day, which would call it on track with its next
/// check-in already overdue.
#[test]
fn a_back_dated_plan_is_judged_as_of_today() {
    let db = fresh_db("back-dated");
    let today = jiff::Zoned::now().date();
    let start = today.checked_sub(jiff::Span::new().days(60)).unwrap();
    let v = json(
        &db,
        &[
            "plan",
            "create",
            PROFILE,
            "--option",
            "finance-supervisor",
            "--start",
            &start.to_string(),
        ],
    );
    assert_eq!(v["status"]["as_of"], today.to_string(), "{}", v["status"]);
}

#[test]
fn an_empty_database_lists_nothing_and_says_how_to_start() {
    let db = fresh_db("empty").with_file_name("deeper/still/plans.db");
    let out = ok(&db, &["plan", "list"]);
    assert!(
        out.contains("No plans in") && out.contains("plan create"),
        "{out}"
    );
    assert!(
        !db.exists() && !db.parent().unwrap().exists(),
        "listing only reads: it creates neither the database nor its directories"
    );
    // The first write creates both.
    let import = run(&db, &["learning", "import", ORG_COURSES]);
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    assert!(db.exists(), "the database and its directories were created");
}

/// Writers killed with SIGKILL at every stage of a check-in: a check-in
/// whose process reported success is never lost, and the file always opens.
#[test]
fn killing_writers_mid_stream_loses_no_committed_checkin() {
    let db = fresh_db("kill");
    create(&db);
    let (mut committed, mut killed) = (Vec::new(), 0);
    for i in 0..60u64 {
        let note = format!("write {i}");
        let mut child = switchback(&db)
            .args([
                "plan",
                "checkin",
                "1",
                "--objective",
                "1",
                "--progress",
                &(i % 101).to_string(),
            ])
            .args(["--note", &note, "--date", "2026-02-01"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // From at once to well after the process would have finished, so
        // the kills land before, during and after the transaction.
        std::thread::sleep(Duration::from_micros((i * 7919) % 40_000));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.success() {
            committed.push(note);
        } else {
            killed += 1;
        }
        // The database opens and reads after every kill.
        ok(&db, &["plan", "status", "1", "--as-of", "2026-02-01"]);
    }
    assert!(
        killed > 0 && !committed.is_empty(),
        "killed {killed}, committed {}",
        committed.len()
    );
    assert_eq!(integrity(&db), "ok");
    let conn = Connection::open(&db).unwrap();
    let mut stmt = conn.prepare("SELECT note FROM checkins").unwrap();
    let stored: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for note in &committed {
        assert!(
            stored.contains(note),
            "committed check-in {note:?} was lost"
        );
    }
    assert!(stored.len() >= committed.len() && stored.len() <= 60);
}

/// Many processes checking in on one database at the same time.
#[test]
fn concurrent_processes_neither_corrupt_nor_lose_a_write() {
    let db = fresh_db("concurrent");
    create(&db);
    const PROCESSES: usize = 24;
    let children: Vec<_> = (0..PROCESSES)
        .map(|i| {
            switchback(&db)
                .args([
                    "plan",
                    "checkin",
                    "1",
                    "--objective",
                    &(1 + i % 3).to_string(),
                    "--progress",
                    "30",
                ])
                .args(["--note", &format!("process {i}"), "--date", "2026-03-01"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    assert_eq!(checkin_count(&db), PROCESSES as i64);
    let shown = json(&db, &["plan", "show", "1"]);
    assert_eq!(shown["checkins"].as_array().unwrap().len(), PROCESSES);
    assert_eq!(integrity(&db), "ok");
}

#[test]
#[cfg(target_os = "linux")] // The data directory is ~/.local/share on Linux only.
fn without_db_or_environment_the_database_is_in_the_data_directory() {
    let home = fresh_db("home").with_file_name("home");
    std::fs::create_dir_all(&home).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_switchback"))
        .args(["plan", "list"])
        .env_remove("SWITCHBACK_DB")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", &home)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let expected = home.join(".local/share/switchback/plans.db");
    assert!(String::from_utf8_lossy(&o.stdout).contains(expected.to_str().unwrap()));
    let o = Command::new(env!("CARGO_BIN_EXE_switchback"))
        .args(["learning", "import", ORG_COURSES])
        .env_remove("SWITCHBACK_DB")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", &home)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(expected.exists(), "{}", String::from_utf8_lossy(&o.stdout));
}

#[test]
fn a_plan_for_an_option_the_advisor_rejects_is_made_with_a_warning() {
    let db = fresh_db("not-recommended");
    let profile = PROFILE.replace("another-route-up-accountant", "plainly-no-accountant");
    let o = run(
        &db,
        &[
            "plan",
            "create",
            &profile,
            "--option",
            "bookkeeping-clerk",
            "--start",
            "2026-01-04",
        ],
    );
    assert!(o.status.success());
    let warning = String::from_utf8(o.stderr).unwrap();
    assert!(
        warning
            .starts_with("warning: the advisor does not recommend option \"bookkeeping-clerk\". "),
        "{warning}"
    );
    assert!(
        String::from_utf8(o.stdout)
            .unwrap()
            .contains("verdict not recommended")
    );
}

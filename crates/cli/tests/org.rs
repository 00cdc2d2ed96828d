//! Black-box tests of `switchback org map` on a real job architecture
//! (Montgomery County, Maryland, derived from its 2016 salary file).

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_switchback"))
        .args(args)
        .env_remove("SWITCHBACK_CATALOG")
        .output()
        .expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn jobs() -> String {
    format!(
        "{}/../../examples/org/montgomery-county-jobs.csv",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("switchback-org-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn rows(csv_text: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(csv_text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn maps_a_whole_job_architecture_and_reports_coverage() {
    let out = temp("map.csv");
    let o = run(&["org", "map", &jobs(), "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let said = text(&o.stdout);
    assert!(said.contains("385 jobs mapped"), "{said}");
    assert!(said.contains("of the 9228 people in them"), "{said}");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("job_code,title,family,onet_code,onet_title,confidence,score,runner_up_code,runner_up_title,reviewed\n"));
    let rows = rows(&written);
    assert_eq!(rows.len(), 385);
    let accountant = rows
        .iter()
        .find(|r| &r[1] == "Accountant/Auditor III")
        .unwrap();
    assert_eq!(
        (&accountant[3], &accountant[5], &accountant[9]),
        ("13-2011.00", "high", "no")
    );
    // Every row names an occupation and a runner-up for the reviewer.
    assert!(rows.iter().all(|r| !r[3].is_empty()));
    assert!(rows.iter().filter(|r| !r[7].is_empty()).count() > 300);

    let v: serde_json::Value =
        serde_json::from_slice(&run(&["org", "map", &jobs(), "--format", "json"]).stdout).unwrap();
    assert_eq!(v["coverage"]["jobs"], 385);
    assert_eq!(v["coverage"]["people"], 9228);
    let share = v["coverage"]["share_people_confident"].as_f64().unwrap();
    assert!(share > 0.0 && share <= 1.0, "{share}");
    assert_eq!(v["jobs"][0]["job_code"], "MC-0001");
}

#[test]
fn reviewed_rows_are_kept_on_the_next_run() {
    let first = temp("first.csv");
    assert!(
        run(&["org", "map", &jobs(), "-o", first.to_str().unwrap()])
            .status
            .success()
    );
    // A reviewer corrects one job and confirms another.
    let mut w = csv::Writer::from_writer(Vec::new());
    let written = std::fs::read_to_string(&first).unwrap();
    let mut reader = csv::Reader::from_reader(written.as_bytes());
    w.write_record(reader.headers().unwrap()).unwrap();
    for r in reader.records() {
        let mut r: Vec<String> = r.unwrap().iter().map(str::to_owned).collect();
        if r[1] == "Abandoned Vehicle Code Enforcement Specialist" {
            r[3] = "33-3041.00".into(); // Parking Enforcement Workers
            r[9] = "yes".into();
        }
        w.write_record(&r).unwrap();
    }
    let reviewed = temp("reviewed.csv");
    std::fs::write(&reviewed, w.into_inner().unwrap()).unwrap();
    let second = temp("second.csv");
    let o = run(&[
        "org",
        "map",
        &jobs(),
        "--mapping",
        reviewed.to_str().unwrap(),
        "-o",
        second.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("1 reviewed by a person"),
        "{}",
        text(&o.stdout)
    );
    let rows = rows(&std::fs::read_to_string(&second).unwrap());
    let kept = rows
        .iter()
        .find(|r| &r[1] == "Abandoned Vehicle Code Enforcement Specialist")
        .unwrap();
    assert_eq!(
        (&kept[3], &kept[4], &kept[5], &kept[9]),
        (
            "33-3041.00",
            "Parking Enforcement Workers",
            "reviewed",
            "yes"
        )
    );
}

#[test]
fn bad_rows_are_reported_by_line_and_field_and_good_rows_kept() {
    let file = temp("bad.csv");
    std::fs::write(
        &file,
        "job_code,title,family,salary_min,salary_max,onet_code,headcount\n\
         J1,Police Officer III,Department of Police,50000,90000,,100\n\
         J2,Bus Operator,Transportation,lots,60000,,20\n\
         J1,Librarian I,Libraries,,,,3\n\
         J3,Social Worker III,Health,,,21-1098.00,5\n\
         J4,Firefighter/Rescuer III,Fire,,,33-2011.00,40\n",
    )
    .unwrap();
    let o = run(&["org", "map", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(
        err.contains("line 3, salary_min: \"lots\" is not an annual salary"),
        "{err}"
    );
    assert!(
        err.contains("line 4, job_code: \"J1\" repeats the job on line 2"),
        "{err}"
    );
    assert!(
        err.contains(
            "line 5, onet_code: no occupation has the code 21-1098.00; nearest: 21-1091.00"
        ),
        "{err}"
    );
    let said = text(&o.stdout);
    assert!(said.contains("2 jobs mapped"), "{said}");
    assert!(
        said.contains("1 reviewed by a person"),
        "the architecture's own code counts as reviewed: {said}"
    );
    assert!(said.contains("3 rows skipped"), "{said}");

    // A misspelt column is an error naming the nearest one; nothing is written.
    let file = temp("misspelt.csv");
    std::fs::write(&file, "job_code,titel\nJ1,Police Officer\n").unwrap();
    let out = temp("never.csv");
    let o = run(&[
        "org",
        "map",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("unknown column \"titel\"; did you mean `title`?"),
        "{}",
        text(&o.stderr)
    );
    assert!(!out.exists());
}

/// `org advise` on the county's jobs and employees, with `extra` flags.
fn advise_county(extra: &[&str]) -> Output {
    let (jobs, employees) = (jobs(), employees());
    let mut args = vec!["org", "advise", &jobs, "--employees", &employees];
    args.extend_from_slice(extra);
    run(&args)
}

fn employees() -> String {
    format!(
        "{}/../../examples/org/montgomery-county-employees.csv",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn advises_a_whole_workforce_into_four_files() {
    let dir = temp("advise");
    let o = advise_county(&["--output-dir", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let said = text(&o.stdout);
    assert!(
        said.contains("9228 employees in 385 jobs, advised as 385 distinct (job, level) states."),
        "{said}"
    );
    assert!(said.contains("open roles (estimated"), "{said}");
    let people = rows(&std::fs::read_to_string(dir.join("employees.csv")).unwrap());
    assert_eq!(people.len(), 9228);
    let roles = rows(&std::fs::read_to_string(dir.join("open-roles.csv")).unwrap());
    assert!(roles.iter().any(|r| &r[10] == "switchback"));
    assert_eq!(
        rows(&std::fs::read_to_string(dir.join("jobs.csv")).unwrap()).len(),
        385
    );
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    assert!(html.starts_with("<!doctype html>") && html.contains("<svg id=\"flows\""));

    let o = advise_county(&["--format", "json"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(summary["summary"]["employees"], 9228);
    assert!(
        summary["groups"]["blocked_by_department"]
            .as_array()
            .unwrap()
            .len()
            > 5
    );
    assert!(
        !text(&o.stdout).contains("MC-E0"),
        "the summary names no one"
    );
}

#[test]
fn a_bad_horizon_or_a_missing_file_is_refused() {
    let o = advise_county(&["--horizon", "0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("is not a number of years from 1 to 40"));
    let o = run(&["org", "advise", &jobs(), "--employees", "no-such-file.csv"]);
    assert!(!o.status.success());
    assert!(
        text(&o.stderr).contains("no-such-file.csv"),
        "{}",
        text(&o.stderr)
    );
}

/// The Parquet files read back by pyarrow, cell for cell against the CSV
/// files (`crates/cli/tests/read_parquet.py`; `.ci/run` installs pyarrow).
#[test]
fn the_parquet_files_read_back_in_pyarrow() {
    let dir = temp("parquet");
    let o = advise_county(&["--output-dir", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let script = format!("{}/tests/read_parquet.py", env!("CARGO_MANIFEST_DIR"));
    let read = Command::new("python3")
        .arg(&script)
        .arg(&dir)
        .output()
        .expect("python3 runs (with pyarrow: python3 -m pip install pyarrow, as .ci/run does)");
    assert!(
        read.status.success(),
        "pyarrow could not read the files back:\n{}{}",
        text(&read.stdout),
        text(&read.stderr)
    );
    assert!(text(&read.stdout).contains("parquet ok: 9228 employees"));
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// HRIS exports are often XLSX: the same files as workbooks (made from the
/// real CSV files by tests/fixtures/make_xlsx.py, numbers as numeric
/// cells) give the same answers, and a bad row is named by its
/// spreadsheet row.
#[test]
fn xlsx_exports_read_as_their_csv_would() {
    let from_xlsx = temp("xlsx-map.csv");
    let from_csv = temp("csv-map.csv");
    let o = run(&[
        "org",
        "map",
        &fixture("montgomery-county-jobs.xlsx"),
        "-o",
        from_xlsx.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains(
            "montgomery-county-jobs.xlsx, line 387, salary_min: \"lots\" is not an annual salary"
        ),
        "{}",
        text(&o.stderr)
    );
    assert!(text(&o.stdout).contains("1 row skipped"));
    assert!(
        run(&["org", "map", &jobs(), "-o", from_csv.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(
        std::fs::read_to_string(&from_xlsx).unwrap(),
        std::fs::read_to_string(&from_csv).unwrap()
    );
    let o = run(&[
        "org",
        "advise",
        &fixture("montgomery-county-jobs.xlsx"),
        "--employees",
        &fixture("montgomery-county-employees-500.xlsx"),
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(summary["summary"]["employees"], 500);
}

#[test]
fn a_file_neither_csv_nor_xlsx_is_refused_by_name() {
    let bad = temp("latin1.csv");
    std::fs::write(&bad, b"job_code,title\nMC-1,Caf\xe9 Worker\n").unwrap();
    let o = run(&["org", "map", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("latin1.csv") && err.contains("neither UTF-8 text nor an XLSX workbook"),
        "{err}"
    );
}

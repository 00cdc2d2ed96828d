//! `org advise` on a real workforce: Montgomery County, Maryland's 9,228
//! employees (examples/org, derived from the county's published salaries),
//! on the embedded O*NET catalog. The named cases were checked by hand
//! (docs/ORGANISATION.md, "Checked by hand").

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::sync::OnceLock;

use switchback_app::Engine;
use switchback_app::org::advise::{
    self, EmployeeAdviceView, FileText, OrgAdviceView, OrgFiles, Rules,
};
use switchback_app::org::report;

const JOBS: &str = include_str!("../../../examples/org/montgomery-county-jobs.csv");
const EMPLOYEES: &str = include_str!("../../../examples/org/montgomery-county-employees.csv");

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::embedded().unwrap())
}

fn files<'a>(
    employees: &'a str,
    open_roles: Option<&'a str>,
    grades: Option<&'a str>,
) -> OrgFiles<'a> {
    let f = |name, text| FileText { name, text };
    OrgFiles {
        jobs: f("jobs.csv", JOBS),
        mapping: None,
        employees: f("employees.csv", employees),
        open_roles: open_roles.map(|t| f("open-roles.csv", t)),
        grades: grades.map(|t| f("grades.csv", t)),
    }
}

fn run(employees: &str, open_roles: Option<&str>) -> OrgAdviceView {
    advise::advise(
        engine(),
        files(employees, open_roles, None),
        Rules::default(),
        &mut |_, _, _| {},
    )
    .unwrap()
}

fn county() -> &'static OrgAdviceView {
    static VIEW: OnceLock<OrgAdviceView> = OnceLock::new();
    VIEW.get_or_init(|| run(EMPLOYEES, None))
}

fn person(view: &OrgAdviceView, id: &str) -> EmployeeAdviceView {
    view.employee(id).unwrap()
}

fn zone(onet: &str) -> Option<u8> {
    let catalog = engine().catalog();
    let id = catalog
        .find_code(switchback_core::OnetCode::parse(onet).unwrap())
        .unwrap();
    catalog.occupation(id).job_zone.map(|z| z.get())
}

fn pay_of(view: &OrgAdviceView, job: &str) -> u32 {
    view.jobs
        .iter()
        .find(|j| j.job_code == job)
        .unwrap()
        .pay
        .unwrap()
}

#[test]
fn every_employee_is_answered_once_per_distinct_state() {
    let v = county();
    assert_eq!(v.employees().len(), 9228);
    assert_eq!(v.summary.employees, 9228);
    // The county gives no grades: one state per job.
    assert_eq!(v.summary.states, v.summary.jobs);
    assert!(v.summary.blocked > 0 && v.summary.blocked < v.summary.employees);
    assert!(v.summary.roles_estimated);
    // Graded from pay against OEWS: the county pays above the national
    // median of its occupations, and every job is graded from pay.
    assert!(
        v.summary.pay_index > 1.0 && v.summary.pay_index < 1.5,
        "{}",
        v.summary.pay_index
    );
    assert_eq!(v.summary.levels_from_pay, v.summary.jobs);
}

#[test]
fn every_switchback_keeps_the_rules() {
    let v = county();
    let rules = Rules::default();
    let mut seen = 0;
    for e in v.employees().filter(|e| e.switchback_kind.is_some()) {
        seen += 1;
        assert_eq!(
            e.route_up, "blocked",
            "{}: only a blocked person gets a switchback",
            e.employee_id
        );
        assert!(e.switchback_landing.unwrap() >= rules.min_landing - 0.005);
        assert!(e.switchback_success.unwrap() >= rules.min_success - 0.005);
        assert!(e.switchback_grades_down.unwrap() <= rules.max_step_down);
        assert!(e.switchback_years.unwrap() <= rules.horizon_years + 0.005);
        // The route leads up: the onward job pays more than the person's job.
        let onward = e.onward_job_code.as_deref().unwrap();
        assert!(
            pay_of(v, onward) > pay_of(v, &e.job_code),
            "{}",
            e.employee_id
        );
        assert_ne!(e.switchback_job_code.as_deref(), Some(e.job_code.as_str()));
        // The years include the wait to enter the stop: at least the years
        // until one of its positions comes free.
        let openings = v
            .jobs
            .iter()
            .find(|j| Some(&j.job_code) == e.switchback_job_code.as_ref())
            .unwrap()
            .openings_per_year;
        assert!(
            e.switchback_years.unwrap() + 0.01 >= 1.0 / openings,
            "{}",
            e.employee_id
        );
        if e.blocked_reason == Some("out_of_reach") {
            assert_eq!(e.route_up_queue_years, None, "{}", e.employee_id);
        }
        // The stop asks no more preparation (job zone) than the person's work.
        let stop = e.switchback_job_code.as_deref().unwrap();
        let stop_onet = &v
            .jobs
            .iter()
            .find(|j| j.job_code == stop)
            .unwrap()
            .onet_code;
        if let (Some(a), Some(b)) = (zone(&e.onet_code), zone(stop_onet)) {
            assert!(b <= a, "{}: zone {a} → {b}", e.employee_id);
        }
    }
    assert!(seen > 100, "{seen}");
}

#[test]
fn blocked_it_technicians_share_the_it_specialist_ladders_one_seat() {
    // Checked by hand: the county files its 19 Information Technology
    // Technician IIIs under the Department of Police, whose higher jobs
    // (the nearest: Firearms Instructor) have waits far beyond 8 years.
    // Their best switchback is a lateral move to Information Technology
    // Specialist I, in Technology Services, onto the specialist ladder
    // (Senior Information Technology Specialist pays more) — but that job
    // of 5 frees one position within the horizon beyond its own queue: the
    // most experienced technician gets it; the others get their next
    // switchback with a seat, or none.
    let v = county();
    let it: Vec<EmployeeAdviceView> = v
        .employees()
        .filter(|e| e.title == "Information Technology Technician III")
        .collect();
    assert_eq!(it.len(), 19);
    assert!(
        it.iter()
            .all(|e| e.route_up == "blocked" && e.family == "Department of Police")
    );
    let seated: Vec<&EmployeeAdviceView> = it
        .iter()
        .filter(|e| e.switchback_title.as_deref() == Some("Information Technology Specialist I"))
        .collect();
    let stop = v
        .jobs
        .iter()
        .find(|j| j.title == "Information Technology Specialist I")
        .unwrap();
    assert_eq!(stop.seats, 1);
    assert_eq!(seated.len(), 1);
    let most = it.iter().map(person_years).fold(0.0, f64::max);
    assert_eq!(person_years(seated[0]), most);
    assert_eq!(
        seated[0].onward_title.as_deref(),
        Some("Senior Information Technology Specialist")
    );
    assert_eq!(
        seated[0].switchback_family.as_deref(),
        Some("Department of Technology Services")
    );
}

fn person_years(e: &EmployeeAdviceView) -> f64 {
    let line = EMPLOYEES
        .lines()
        .find(|l| l.starts_with(&format!("{},", e.employee_id)))
        .unwrap();
    line.split(',').nth(6).unwrap().parse().unwrap()
}

#[test]
fn no_stop_takes_more_people_than_its_seats() {
    let v = county();
    let mut sent: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for e in v.employees() {
        if let Some(stop) = e.switchback_job_code {
            *sent.entry(stop).or_default() += 1;
        }
    }
    for (stop, n) in &sent {
        let seats = v.jobs.iter().find(|j| &j.job_code == stop).unwrap().seats;
        assert!(*n <= seats, "{stop}: {n} sent, {seats} seats");
    }
    assert!(v.summary.crowded_out > 0);
    assert_eq!(
        v.summary.crowded_out,
        v.employees().filter(|e| e.crowded_out).count()
    );
}

#[test]
fn an_open_role_is_a_strategic_step_down_for_a_named_employee() {
    // Checked by hand: MC-E07506, a Senior Executive Administrative Aide in
    // the Offices of the County Executive (blocked: no higher job there
    // within reach), is a candidate for a Principal Administrative Aide
    // opening one grade down, from which Administrative Specialist II —
    // paid more than the aide's job today — is within reach.
    let v = county();
    let role = v.roles.iter().find(|r| r.role_id == "EST-MC-0258").unwrap();
    assert_eq!(role.title, "Principal Administrative Aide");
    let c = role
        .candidates
        .iter()
        .find(|c| c.employee_id == "MC-E07506")
        .unwrap();
    assert_eq!(c.kind, "switchback");
    assert!(c.grade_change < 0);
    let onward = c.onward_job_code.as_deref().unwrap();
    assert!(pay_of(v, onward) > pay_of(v, "MC-0318"));
    assert_eq!(person(v, "MC-E07506").route_up, "blocked");
    // Switchbacks come before step ups in every role's ranking.
    for r in &v.roles {
        let kinds: Vec<&str> = r.candidates.iter().map(|c| c.kind).collect();
        let first_step_up = kinds
            .iter()
            .position(|k| *k == "step_up")
            .unwrap_or(kinds.len());
        assert!(
            kinds[first_step_up..].iter().all(|k| *k == "step_up"),
            "{}: {kinds:?}",
            r.role_id
        );
    }
}

/// The employee file with one row's cells replaced.
fn with_row(id: &str, edit: impl Fn(&mut Vec<String>)) -> String {
    let mut out = String::new();
    for line in EMPLOYEES.lines() {
        if line.starts_with(&format!("{id},")) {
            let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
            edit(&mut cells);
            out.push_str(&cells.join(","));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

#[test]
fn a_persons_own_limits_choose_among_the_switchbacks() {
    // MC-E07506 with no step down allowed (max_step_down, column 10) and
    // a pay floor above every stop: no switchback is offered, and the
    // answer says how many the limits ruled out.
    let text = with_row("MC-E07506", |c| {
        c[9] = "0".into();
        c[10] = "200000".into();
    });
    let v = run(&text, None);
    let e = person(&v, "MC-E07506");
    assert_eq!(e.switchback_kind, None);
    assert!(e.ruled_out_by_limits > 0);
    let before = person(county(), "MC-E07506");
    assert_eq!(before.ruled_out_by_limits, 0);
    assert!(before.switchback_kind.is_some());
}

#[test]
fn a_goal_gets_a_route_through_the_organisations_own_jobs() {
    // The IT technician aiming at Senior Information Technology Specialist.
    let text = with_row("MC-E00029", |c| c[8] = "MC-0321".into());
    let v = run(&text, None);
    let e = person(&v, "MC-E00029");
    assert_eq!(e.goal_job_code.as_deref(), Some("MC-0321"));
    assert_eq!(e.goal_route.last().map(String::as_str), Some("MC-0321"));
    assert!(e.goal_chance.unwrap() > 0.0);
    // Within the horizon, and the first move's open role named when the
    // job expects an opening a year (estimated roles here).
    assert!(e.goal_years.unwrap() <= Rules::default().horizon_years);
    let first = &e.goal_route[0];
    let expects = v
        .jobs
        .iter()
        .find(|j| &j.job_code == first)
        .unwrap()
        .openings_per_year
        >= 1.0;
    assert_eq!(e.goal_open_role, expects.then(|| format!("EST-{first}")));
    assert_eq!(v.summary.with_goal, 1);
    assert_eq!(v.summary.goal_reachable, 1);
    assert_eq!(v.summary.goal_within_horizon, 1);
}

#[test]
fn bad_rows_are_reported_and_the_good_ones_kept() {
    let mut text = EMPLOYEES.to_owned();
    text.push_str("MC-X1,MC-9999,Department of Police,,50000,,3,,,,\n");
    text.push_str("MC-E00001,MC-0238,Department of Police,,69222,,30.3,,,,\n");
    text.push_str("MC-X2,MC-0238,Department of Police,,lots,,3,,,,\n");
    let v = run(&text, None);
    assert_eq!(v.employees().len(), 9228);
    let joined = v.problems.join("\n");
    assert!(
        joined.contains("employees.csv, line 9230, job_code: \"MC-9999\" is not a job of the job architecture; did you mean"),
        "{joined}"
    );
    assert!(
        joined.contains("repeats the employee on line 2"),
        "{joined}"
    );
    assert!(
        joined.contains("line 9232, salary: \"lots\" is not an annual salary"),
        "{joined}"
    );
}

#[test]
fn an_unknown_column_is_refused_with_the_nearest() {
    let text = EMPLOYEES.replacen("years_experience", "years_experiance", 1);
    let err = advise::advise(
        engine(),
        files(&text, None, None),
        Rules::default(),
        &mut |_, _, _| {},
    )
    .unwrap_err();
    assert_eq!(err.code(), "org_file_invalid");
    assert!(
        err.to_string().contains("did you mean `years_experience`?"),
        "{err}"
    );
}

#[test]
fn posted_roles_and_a_grade_mapping_are_used_as_given() {
    let roles = "role_id,job_code,department,grade,salary\nR-1,MC-0258,Department of Health and Human Services,G12,52000\nR-2,MC-9999,x,,\n";
    let grades = "grade,level\nG12,junior\n";
    let v = advise::advise(
        engine(),
        files(EMPLOYEES, Some(roles), Some(grades)),
        Rules::default(),
        &mut |_, _, _| {},
    )
    .unwrap();
    assert!(!v.summary.roles_estimated);
    assert_eq!(v.roles.len(), 1);
    assert_eq!(v.roles[0].role_id, "R-1");
    assert_eq!(v.roles[0].level, "junior");
    assert!(
        v.problems
            .iter()
            .any(|p| p.contains("open-roles.csv, line 3, job_code"))
    );
}

#[test]
fn the_csv_files_read_back_with_their_documented_columns() {
    let v = county();
    let text = report::employees_csv(v);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        report::EMPLOYEE_COLUMNS
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 9228);
    assert_eq!(&rows[28][0], "MC-E00029");
    assert_eq!(&rows[28][8], "blocked");
    let text = report::roles_csv(v);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        report::ROLE_COLUMNS
    );
    let roles: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert!(
        roles
            .iter()
            .any(|row| &row[0] == "EST-MC-0258" && &row[8] == "MC-E07506")
    );
    let text = report::jobs_csv(v);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        report::JOB_COLUMNS
    );
    assert_eq!(r.records().count(), v.jobs.len());
}

#[test]
fn the_report_aggregates_and_names_no_one() {
    let v = county();
    let html = report::html(v);
    for id in [
        "blocked-by-department",
        "blocked-by-level",
        "switchbacks-by-family",
        "flows",
        "gaps",
    ] {
        assert!(html.contains(&format!("<svg id=\"{id}\"")), "{id}");
    }
    assert!(!html.contains("<script"));
    assert!(!html.contains("MC-E0"), "the report shows no employee id");
    let g = report::groups(v);
    assert!(
        g.blocked_by_department
            .iter()
            .all(|c| c.people >= report::MIN_GROUP)
    );
    assert!(g.flows.iter().all(|c| c.count >= report::MIN_GROUP));
    // The county has departments of fewer than 10 people: suppressed, and said.
    assert!(g.suppressed["blocked_by_department"] > 0);
    assert!(html.contains("of fewer than 10 people not shown"));
}

/// The federal workforce (OPM FedScope, September 2024), every 200th person
/// of the 2.31 million (the proportions kept; queues are the same at any
/// sample rate, since demand and openings both scale with headcount), with
/// the grade mapping for the GS-like and wage plans.
fn federal() -> &'static OrgAdviceView {
    static VIEW: OnceLock<OrgAdviceView> = OnceLock::new();
    VIEW.get_or_init(|| {
        let cells = include_str!("../../../examples/org/federal/cells.csv");
        let mut people = Vec::new();
        switchback_data::org::expand_cells("cells.csv", cells, 200, &mut people).unwrap();
        let people = String::from_utf8(people).unwrap();
        let f = |name, text| FileText { name, text };
        let files = OrgFiles {
            jobs: f(
                "jobs.csv",
                include_str!("../../../examples/org/federal/jobs.csv"),
            ),
            mapping: None,
            employees: f("employees.csv", &people),
            open_roles: None,
            grades: Some(f(
                "grades.csv",
                include_str!("../../../examples/org/federal/grades.csv"),
            )),
        };
        advise::advise(engine(), files, Rules::default(), &mut |_, _, _| {}).unwrap()
    })
}

#[test]
fn the_federal_workforce_climbs_its_own_grade_ladders() {
    let v = federal();
    assert_eq!(v.summary.employees, v.employees().len());
    assert!(v.summary.employees > 10_000, "{}", v.summary.employees);
    // GS, wage-grade and SES jobs take the grade mapping; the rest are
    // graded from pay.
    assert!(v.summary.levels_from_grade_mapping > 2_000);
    assert!(v.summary.levels_from_pay > 0);
    // The pooled cells are marked onet_code = none and left out, and said.
    assert!(
        v.problems.iter().any(|p| p.contains("onet_code = none")),
        "{:?}",
        v.problems
    );
    let gs = |code: &str| v.jobs.iter().find(|j| j.job_code == code).unwrap();
    assert_eq!(gs("2210-GS-11").level, "senior");
    assert_eq!(gs("2210-GS-13").level, "lead");
    assert_eq!(gs("2210-GS-13").level_source, "grade_mapping");
    // Checked by hand: an IT specialist at GS-11 climbs within series 2210.
    let e = v.employees().find(|e| e.job_code == "2210-GS-11").unwrap();
    assert_eq!(e.route_up, "open");
    assert!(
        e.route_up_job_code
            .as_deref()
            .unwrap()
            .starts_with("2210-GS-1"),
        "{e:?}"
    );
    // At GS-13 the GS-14 openings cannot place the people queuing within
    // 8 years: blocked by the queue, with a switchback into another series
    // leading to a better-paid job.
    let e = v.employees().find(|e| e.job_code == "2210-GS-13").unwrap();
    assert_eq!((e.route_up, e.blocked_reason), ("blocked", Some("queue")));
    assert_eq!(e.route_up_job_code.as_deref(), Some("2210-GS-14"));
    // It has a switchback (a state's answer); one in 200 people is in the
    // file, each standing for 200, so a seat is given while its stop's
    // seats stand for them — else the person is crowded out.
    assert!(e.crowded_out || e.onward_job_code.is_some(), "{e:?}");
    for e in v.employees().filter(|e| e.job_code == "2210-GS-13") {
        if let Some(onward) = e.onward_job_code.as_deref() {
            assert!(!onward.starts_with("2210-"), "{e:?}");
            assert!(gs(onward).pay.unwrap() > gs("2210-GS-13").pay.unwrap());
        }
    }
    // Seats weigh the people a sample stands for: a sample is seated in
    // about the share the whole workforce is (a fifth), not three in four.
    let blocked = v.employees().filter(|e| e.route_up == "blocked").count();
    let seated = v
        .employees()
        .filter(|e| e.switchback_kind.is_some())
        .count();
    assert!(seated * 2 < blocked, "{seated} of {blocked} blocked seated");
}

#[test]
fn a_goal_can_be_an_occupation_and_a_level() {
    // Column 9 is the goal. An occupation the county has at that level,
    // and one it has not (airline pilots).
    let text = with_row("MC-E00029", |c| c[8] = "15-1232.00 lead".into());
    let text = text.replace(
        "MC-E00002,MC-0226,Department of Police,,97392,,28.3,,,,",
        "MC-E00002,MC-0226,Department of Police,,97392,,28.3,,53-2011.00,,",
    );
    let v = run(&text, None);
    let e = person(&v, "MC-E00029");
    let goal = e.goal_job_code.as_deref().unwrap();
    let job = v.jobs.iter().find(|j| j.job_code == goal).unwrap();
    assert_eq!(job.onet_code, "15-1232.00");
    assert!(
        ["lead", "supervisor", "principal", "manager"].contains(&job.level),
        "{}",
        job.level
    );
    assert!(e.goal_chance.is_some());
    let pilot = person(&v, "MC-E00002");
    assert_eq!(pilot.goal_job_code, None);
    assert_eq!(
        (v.summary.with_goal, v.summary.goal_not_in_organisation),
        (2, 1)
    );
    // A goal that is neither a job code nor an occupation names the nearest code.
    let text = with_row("MC-E00029", |c| c[8] = "MC-032".into());
    let v = run(&text, None);
    assert!(v.problems.iter().any(|p| p.contains("goal: \"MC-032\" is not a job") && p.contains("15-1252.00 senior")), "{:?}", v.problems);
}

#[test]
fn part_of_the_organisation_is_weighed_as_the_whole() {
    // The first 500 employees only: each job keeps the architecture's
    // headcount, so its openings are the whole organisation's.
    let part: String = EMPLOYEES
        .lines()
        .take(501)
        .map(|l| format!("{l}\n"))
        .collect();
    let v = run(&part, None);
    assert_eq!(v.summary.employees, 500);
    let whole = county();
    // Each sampled person stands for their job's headcount over its people
    // in the file, and takes as many seats (while half of them are left):
    // a stop seats no more of the sample than its seats stand for.
    let weight = |job: &str| {
        let headcount = v.jobs.iter().find(|x| x.job_code == job).unwrap().headcount;
        let in_file = v.employees().filter(|x| x.job_code == job).count();
        (headcount as f32 / in_file as f32).max(1.0)
    };
    let mut seated_in_all = 0.0;
    for j in &v.jobs {
        let weights: Vec<f32> = v
            .employees()
            .filter(|e| e.switchback_job_code.as_deref() == Some(j.job_code.as_str()))
            .map(|e| weight(&e.job_code))
            .collect();
        let seated: f32 = weights.iter().sum();
        let last = weights.iter().copied().fold(0.0, f32::max);
        seated_in_all += seated;
        assert!(
            seated <= j.seats as f32 + last / 2.0 + 1e-3,
            "{}: {seated} people seated on {} seats",
            j.job_code,
            j.seats
        );
    }
    assert!(seated_in_all > 0.0);
    for code in ["MC-0255", "MC-0256"] {
        let a = v.jobs.iter().find(|j| j.job_code == code).unwrap();
        let b = whole.jobs.iter().find(|j| j.job_code == code).unwrap();
        assert_eq!(a.headcount, b.headcount, "{code}");
        assert!(
            (a.openings_per_year - b.openings_per_year).abs() < 0.01,
            "{code}"
        );
    }
}

#[test]
fn org_map_counts_unmatched_and_excluded_rows_apart() {
    let jobs = "job_code,title,family,onet_code,headcount\n\
                J-1,Accountant,Finance,,10\n\
                J-2,Kinesiotherapy,Health,,5\n\
                POOL,Pooled small cells,,none,1000\n";
    let m = switchback_app::org::map(engine(), "jobs.csv", jobs, None).unwrap();
    assert_eq!(m.coverage.unmatched, 1);
    assert_eq!(m.coverage.excluded, 1);
    assert_eq!(m.coverage.jobs, 2, "excluded rows are no jobs");
    assert_eq!(m.coverage.people, 15, "nor are their people");
    let confidence: Vec<&str> = m.jobs.iter().map(|j| j.confidence).collect();
    assert_eq!(confidence[1..], ["unmatched", "excluded"]);
}

#[test]
fn civilian_titles_never_map_to_military_occupations() {
    let m = switchback_app::org::map(
        engine(),
        "jobs.csv",
        "job_code,title,family\nW-4,Work Force Leader IV,Department of Transportation\n",
        None,
    )
    .unwrap();
    let code = m.jobs[0].onet_code.as_deref().unwrap_or("");
    assert!(!code.starts_with("55-"), "{code}");
}

fn grade_of(view: &OrgAdviceView, job: &str) -> u8 {
    let level = view.jobs.iter().find(|j| j.job_code == job).unwrap().level;
    switchback_core::level::Level::parse(level).unwrap().grade()
}

#[test]
fn a_step_up_candidate_never_takes_a_pay_cut() {
    // The county's grades are read from each occupation's national pay, so
    // a liquor store's assistant manager can sit a grade above an IT
    // project manager who earns three times as much: a step up is a higher
    // grade that pays more, in the candidates as in the route up.
    let v = county();
    let mut step_ups = 0;
    for r in &v.roles {
        for c in r.candidates.iter().filter(|c| c.kind == "step_up") {
            step_ups += 1;
            assert!(
                pay_of(v, &r.job_code) > pay_of(v, &c.job_code),
                "{}: {} for {}",
                r.role_id,
                r.job_code,
                c.job_code
            );
            assert!(grade_of(v, &r.job_code) > grade_of(v, &c.job_code));
            // Nor for the person: their own pay is below the role's.
            if let Some(own) = person(v, &c.employee_id).salary {
                assert!(
                    pay_of(v, &r.job_code) > own,
                    "{}: {}",
                    r.role_id,
                    c.employee_id
                );
            }
        }
    }
    assert!(step_ups > 100, "{step_ups}");
}

#[test]
fn no_higher_job_means_none_of_the_family_stands_higher() {
    // A deputy sheriff three grades below the sergeant's job has a higher
    // job, out of one move's reach: `out_of_reach`, naming the nearest.
    let v = county();
    let mut out_of_reach = 0;
    for e in v.employees() {
        let higher = v.jobs.iter().any(|j| {
            j.family == e.family
                && j.job_code != e.job_code
                && grade_of(v, &j.job_code) > grade_of(v, &e.job_code)
                && pay_of(v, &j.job_code) > pay_of(v, &e.job_code)
        });
        match e.blocked_reason {
            Some("no_higher_job") => assert!(!higher, "{}", e.employee_id),
            Some("out_of_reach") => {
                out_of_reach += 1;
                let nearest = e.route_up_job_code.as_deref().unwrap();
                assert!(grade_of(v, nearest) > grade_of(v, &e.job_code));
            }
            _ => {}
        }
    }
    assert!(out_of_reach > 0);
}

#[test]
fn the_summary_counts_the_unreviewed_mapping_it_rests_on() {
    let v = county();
    let unreviewed: Vec<&str> = v
        .jobs
        .iter()
        .filter(|j| matches!(j.confidence, "medium" | "low"))
        .map(|j| j.job_code.as_str())
        .collect();
    assert!(!unreviewed.is_empty());
    assert_eq!(v.summary.jobs_unreviewed, unreviewed.len());
    let people = v
        .employees()
        .filter(|e| unreviewed.contains(&e.job_code.as_str()))
        .count();
    assert_eq!(v.summary.people_in_unreviewed_jobs, people);
    let text = report::summary_text(v, None);
    assert!(text.contains(&format!("({people} people)")), "{text}");
}

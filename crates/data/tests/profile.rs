//! Profile files: TOML and JSON, and every way they can be wrong.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::sync::OnceLock;

use switchback_core::profile::Profile;
use switchback_core::{Catalog, Level};
use switchback_data::profile_file::{Format, ProfileError, parse};

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| switchback_data::embedded().unwrap())
}

const GOOD: &str = r#"
[current]
role = "Financial Managers"
level = "director"
industry = "software"
department = "finance"
salary = 210000
years_in_role = 4
years_experience = 15
manages_people = false

[goal]
role = "Chief Executives"
level = "executive"
horizon_years = 8

[situation]
employed = true
months_of_savings = 6
min_salary = 90000
other_offers = 0
promotion_blocked = false

[[skills]]
element = "Programming"
level = 5

[[options]]
id = "biotech"
role = "Financial Managers"
level = "manager"
industry = "biotech"
department = "finance"
salary = 160000
"#;

fn toml_err(text: &str) -> String {
    parse("p.toml", text, Format::Toml, catalog())
        .unwrap_err()
        .to_string()
}

#[test]
fn reads_the_documented_example() {
    let p = parse("p.toml", GOOD, Format::Toml, catalog()).unwrap();
    let c = catalog();
    assert_eq!(
        c.occupation(p.current.position.occupation).code.to_string(),
        "11-3031.00"
    );
    assert_eq!(p.current.position.level, Level::Director);
    assert_eq!(p.current.position.salary, Some(210_000));
    let goal = p.goal.unwrap();
    assert_eq!((goal.level, goal.horizon_years), (Level::Executive, 8.0));
    assert_eq!(p.situation.min_salary, Some(90_000));
    assert_eq!(c.element(p.skills[0].element).name, "Programming");
    assert_eq!(p.options[0].id, "biotech");
    assert_eq!(
        p.options[0].position.industry.as_ref().unwrap().as_str(),
        "biotech"
    );
}

#[test]
fn education_is_read_by_name_and_is_optional() {
    assert_eq!(
        parse("p.toml", GOOD, Format::Toml, catalog())
            .unwrap()
            .current
            .education,
        None
    );
    let text = GOOD.replacen(
        "manages_people = false\n",
        "manages_people = false\neducation = \"Master\"\n",
        1,
    );
    let p = parse("p.toml", &text, Format::Toml, catalog()).unwrap();
    assert_eq!(
        p.current.education,
        Some(8),
        "RL category 8: a master's degree"
    );
    // Common degree names are read as their category.
    for (alias, category) in [("MSN", 8), ("J.D.", 10), ("PhD", 11), ("GED", 2)] {
        let text = GOOD.replacen(
            "manages_people = false\n",
            &format!("manages_people = false\neducation = \"{alias}\"\n"),
            1,
        );
        let p = parse("p.toml", &text, Format::Toml, catalog()).unwrap();
        assert_eq!(p.current.education, Some(category), "{alias}");
    }
}

#[test]
fn json_with_the_same_structure_reads_the_same() {
    let json = r#"{"current": {"role": "Financial Managers", "level": 8, "salary": 210000, "years_in_role": 4, "years_experience": 15},
                   "goal": {"role": "11-1011.00", "level": "executive", "horizon_years": 8},
                   "options": [{"id": "a", "role": "Budget Analysts", "level": "senior"}]}"#;
    let p = parse("p.json", json, Format::Json, catalog()).unwrap();
    assert_eq!(p.current.position.level, Level::Director);
    assert_eq!(p.options.len(), 1);
}

#[test]
fn malformed_files_give_line_and_column() {
    let e = toml_err("[current]\nrole = \"Cooks\"\nsalary = = 3\n");
    assert!(e.starts_with("p.toml:3:"), "{e}");
    let e = parse(
        "p.json",
        "{\"current\": {\"role\": \"Cooks\",}\n}",
        Format::Json,
        catalog(),
    )
    .unwrap_err();
    assert!(matches!(e, ProfileError::Syntax { line: 1, .. }), "{e}");
    let e = toml_err("[current]\nrole = \"Cooks\"\nsalary = \"lots\"\n");
    assert!(e.starts_with("p.toml:3:"), "{e}");
    // Thousands separators: the value and what to write instead.
    let e = toml_err("[current]\nrole = \"Cooks\"\nsalary = 92,000 # a year\n");
    assert!(e.starts_with("p.toml:3:"), "{e}");
    assert!(e.contains("current.salary"), "{e}");
    assert!(
        e.contains("numbers take no thousands separators: write 92000 or 92_000"),
        "{e}"
    );
    let e = toml_err("[current]\nrole = \"Cooks\"\nsalary = 9,20\n");
    assert!(!e.contains("separators"), "not a grouped number: {e}");
}

#[test]
fn impossible_values_name_the_field() {
    let cases = [
        (
            "salary = 210000",
            "salary = 0",
            "current.salary: 0 is out of range: an annual salary in dollars must be from 1000 to 10000000",
        ),
        (
            "salary = 210000",
            "salary = -5",
            "current.salary: -5 is out of range",
        ),
        (
            "level = \"director\"",
            "level = \"directer\"",
            "current.level: `directer` is not a level",
        ),
        (
            "level = \"director\"",
            "level = 11",
            "current.level: `11` is not a level",
        ),
        (
            "horizon_years = 8",
            "horizon_years = 0",
            "goal.horizon_years: 0 is out of range: the horizon in years must be more than 0 to 40",
        ),
        (
            "role = \"Chief Executives\"",
            "role = \"zorblax quuxifier\"",
            "goal.role: no occupation matches \"zorblax quuxifier\"; closest:",
        ),
        (
            "element = \"Programming\"",
            "element = \"Programing\"",
            "did you mean \"Programming\"?",
        ),
        (
            "level = 5\n",
            "level = 9\n",
            "skills[0].level: 9 is out of range: a level on the O*NET scale must be from 0 to 7",
        ),
        (
            "id = \"biotech\"",
            "id = \"\"",
            "options[0].id: the id is empty",
        ),
        (
            "manages_people = false\n",
            "manages_people = false\neducation = \"mastr\"\n",
            "current.education: \"mastr\" is not an education level; one of less_than_high_school,",
        ),
        (
            "manages_people = false\n",
            "manages_people = false\neducation = \"mastr\"\n",
            "(did you mean \"master\"?)",
        ),
        (
            "manages_people = false\n",
            "manages_people = false\neducation = \"bachelors degree\"\n",
            "(did you mean \"bachelor\"?)",
        ),
        (
            "horizon_years = 8",
            "horizon = 8",
            "goal.horizon: \"horizon\" is not a field of [goal] (did you mean \"horizon_years\"?)",
        ),
        // A value of the wrong type names its field, as a value out of
        // range does, and the line and column where it is.
        (
            "salary = 210000",
            "salary = \"210k\"",
            "p.toml:7:10: current.salary: invalid type: string \"210k\", expected a number",
        ),
        (
            "salary = 160000",
            "salary = \"160k\"",
            "options[0].salary: invalid type: string",
        ),
        (
            "years_experience = 15",
            "years_experience = 99999999999999999999",
            "current.years_experience: `99999999999999999999` is too large a number",
        ),
        (
            "level = \"director\"",
            "level = 4.5",
            "expected a level name (entry, junior, intermediate, senior, lead, supervisor, principal, manager, senior_manager, director, vp, executive) or a grade 1–10",
        ),
    ];
    for (from, to, want) in cases {
        let text = GOOD.replacen(from, to, 1);
        assert_ne!(text, GOOD, "{from}");
        let e = toml_err(&text);
        assert!(e.contains(want), "{to}: {e}");
    }
    let dup = format!("{GOOD}\n[[options]]\nid = \"biotech\"\nrole = \"Budget Analysts\"\n");
    assert!(
        toml_err(&dup).contains("options[1].id: \"biotech\" is a duplicate id (also options[0])")
    );
    let e = toml_err("[goal]\nrole = \"Cooks\"\nhorizon_years = 3\n");
    assert!(e.contains("current: missing: the [current] table"), "{e}");
}

/// A float as TOML writes it, including the values TOML can hold that a
/// profile must refuse (nan, inf).
fn toml_float(x: f64) -> String {
    if x.is_nan() {
        "nan".to_owned()
    } else if x.is_infinite() {
        if x > 0.0 { "inf" } else { "-inf" }.to_owned()
    } else {
        format!("{x:?}")
    }
}

/// Sets one `key = value` line of the example profile.
fn with(key_line: &str, value: &str) -> String {
    let key = key_line.split(" = ").next().unwrap();
    let text = GOOD.replacen(key_line, &format!("{key} = {value}"), 1);
    assert_ne!(text, GOOD, "{key_line}");
    text
}

mod ranges {
    use proptest::prelude::*;
    use switchback_core::profile::limits;

    use super::*;

    /// Parses the example with one number replaced: accepted exactly when
    /// the value is in its documented range, and refused otherwise with
    /// the field named — never a panic, never a silent cap.
    fn check_float(
        key_line: &str,
        field: &str,
        x: f64,
        range: &std::ops::RangeInclusive<f64>,
        open_low: bool,
    ) -> Result<Option<Profile>, TestCaseError> {
        let text = with(key_line, &toml_float(x));
        let result = parse("p.toml", &text, Format::Toml, catalog());
        let low_ok = if open_low {
            x > *range.start()
        } else {
            x >= *range.start()
        };
        let valid = x.is_finite() && low_ok && x <= *range.end();
        match result {
            Ok(p) => {
                prop_assert!(valid, "{field} = {x} accepted");
                Ok(Some(p))
            }
            Err(e) => {
                let e = e.to_string();
                prop_assert!(!valid, "{field} = {x} refused: {e}");
                prop_assert!(e.contains(field), "{e}");
                Ok(None)
            }
        }
    }

    /// Floats spread over every magnitude, plus the edges of each range.
    fn floats() -> impl Strategy<Value = f64> {
        prop_oneof![
            proptest::num::f64::ANY,
            -100.0..100.0f64,
            -1e8..1e8f64,
            Just(0.0),
            Just(40.0),
            Just(1000.0),
            Just(1e7),
            Just(7.0),
        ]
    }

    proptest! {
        #[test]
        fn salaries(x in floats()) {
            if let Some(p) = check_float("salary = 210000", "current.salary", x, &limits::SALARY, false)? {
                prop_assert_eq!(p.current.position.salary, Some(x.round() as u32));
            }
        }

        #[test]
        fn pay_floors(x in floats()) {
            check_float("min_salary = 90000", "situation.min_salary", x, &limits::SALARY, false)?;
        }

        #[test]
        fn horizons(x in floats()) {
            if let Some(p) = check_float("horizon_years = 8", "goal.horizon_years", x, &limits::HORIZON_YEARS, true)? {
                prop_assert_eq!(p.goal.unwrap().horizon_years, x as f32);
            }
        }

        #[test]
        fn years(x in floats()) {
            // years_experience must stay at least years_in_role (4).
            let y = if (0.0..4.0).contains(&x) { x + 4.0 } else { x };
            check_float("years_experience = 15", "current.years_experience", y, &limits::YEARS, false)?;
        }

        #[test]
        fn savings(x in floats()) {
            check_float("months_of_savings = 6", "situation.months_of_savings", x, &limits::MONTHS_OF_SAVINGS, false)?;
        }

        #[test]
        fn skill_levels(x in floats()) {
            check_float("level = 5\n", "skills[0].level", x, &limits::SKILL_LEVEL, false)?;
        }

        #[test]
        fn whole_numbers(n in any::<i64>(), which in 0..2usize) {
            let (line, field, range) = [
                ("other_offers = 0", "situation.other_offers", limits::OTHER_OFFERS),
                ("promotion_blocked = false", "situation.max_step_down", limits::MAX_STEP_DOWN),
            ][which].clone();
            let text = if which == 1 {
                GOOD.replacen(line, &format!("{line}\nmax_step_down = {n}"), 1)
            } else {
                with(line, &n.to_string())
            };
            match parse("p.toml", &text, Format::Toml, catalog()) {
                Ok(_) => prop_assert!(range.contains(&n), "{field} = {n} accepted"),
                Err(e) => {
                    prop_assert!(!range.contains(&n));
                    prop_assert!(e.to_string().contains(field), "{e}");
                }
            }
        }
    }
}

/// Levels read from words and years follow one rule for every role of a
/// profile: a goal of "Store Manager" is a first-line supervisor's post,
/// as a current one is; and a level read from years stays below a goal in
/// the same occupation (an accountant of five years aiming at a senior
/// accountant's post is not told she already holds it).
#[test]
fn levels_read_from_words_and_years_agree_with_the_goal() {
    let p = |text: &str| parse("p.toml", text, Format::Toml, catalog()).unwrap();
    let store = p(
        "[current]\nrole = \"Retail Salespersons\"\nyears_in_role = 3\n[goal]\nrole = \"Store Manager\"\nhorizon_years = 4\n",
    );
    assert_eq!(store.goal.unwrap().level, Level::Supervisor);
    let years = p("[current]\nrole = \"Accountants and Auditors\"\nyears_in_role = 8\n");
    assert_eq!(
        years.current.position.level,
        Level::Senior,
        "eight years in"
    );
    let aiming = p(
        "[current]\nrole = \"Accountants and Auditors\"\nyears_in_role = 8\n[goal]\nrole = \"Accountants and Auditors\"\nlevel = \"senior\"\nhorizon_years = 3\n",
    );
    let goal = aiming.goal.as_ref().unwrap();
    assert!(aiming.current.position.level.grade() < goal.level.grade());
}

/// Pay just outside an occupation's middle half does not re-read a post;
/// pay far outside it does: a retail shift supervisor's post on $38,000,
/// $590 under retail supervisors' 25th percentile, is still a retail
/// supervisor's (it was read as a food service supervisor's); a
/// "Marketing Coordinator" in a marketing department on $62,000 is a
/// public relations specialist, not a marketing manager (from $110,000).
#[test]
fn pay_just_outside_the_middle_half_does_not_re_read_a_post() {
    let read = |role: &str, department: &str, salary: u32| {
        let text = format!(
            "[current]\nrole = \"Retail Salesperson\"\nsalary = 33000\nyears_in_role = 4\n[[options]]\nid = \"x\"\nrole = \"{role}\"\ndepartment = \"{department}\"\nsalary = {salary}\n"
        );
        let p = parse("p.toml", &text, Format::Toml, catalog()).unwrap();
        let o = p.options[0].position.occupation;
        catalog().occupation(o).title.clone()
    };
    assert_eq!(
        read("Shift Supervisor", "store", 38_000),
        "First-Line Supervisors of Retail Sales Workers"
    );
    assert_eq!(
        read("Marketing Coordinator", "marketing", 62_000),
        "Public Relations Specialists"
    );
    assert_eq!(
        read("Marketing Coordinator", "marketing", 150_000),
        "Marketing Managers"
    );
}

/// A goal names no industry of its own; it is read in the light of the
/// person's: a chemical plant operator's "Process Engineer" is a chemical
/// engineer, where the title names bioengineers as well.
#[test]
fn a_goal_is_read_in_the_light_of_ones_own_industry() {
    let goal = |industry: &str| {
        let text = format!(
            "[current]\nrole = \"Chemical Plant and System Operators\"\nindustry = \"{industry}\"\n[goal]\nrole = \"Process Engineer\"\nhorizon_years = 6\n"
        );
        let p = parse("p.toml", &text, Format::Toml, catalog()).unwrap();
        let o = p.goal.unwrap().occupation;
        catalog().occupation(o).title.clone()
    };
    assert_eq!(goal("chemical manufacturing"), "Chemical Engineers");
    assert_eq!(
        goal("medical devices"),
        "Bioengineers and Biomedical Engineers"
    );
}

/// A post in one's own occupation that says neither its level nor a
/// seniority word is at one's own grade — a teller's "Personal Banker"
/// post, filed with tellers, is no two-grade step down to the occupation's
/// typical grade — or, when it states its pay, at the grade one's own pay
/// scales to nearest it. "Manager" names the job, not a grade, in work
/// that manages no one: a nurse case manager is a nurse at her grade.
#[test]
fn a_post_in_ones_own_occupation_is_read_from_ones_own_grade() {
    let p = |options: &str| {
        parse(
            "p.toml",
            &format!(
                "[current]\nrole = \"Registered Nurses\"\nlevel = \"senior\"\nsalary = 92000\nyears_in_role = 8\n{options}"
            ),
            Format::Toml,
            catalog(),
        )
        .unwrap()
    };
    let unsaid = p("[[options]]\nid = \"ward\"\nrole = \"Registered Nurses\"\n");
    assert_eq!(unsaid.options[0].position.level, Level::Senior);
    let c = catalog();
    let nurses = c.occupation(unsaid.current.position.occupation);
    let lead_pay =
        switchback_core::position::scaled_salary(nurses, Level::Senior, 92_000, Level::Lead)
            .unwrap();
    assert!(lead_pay > 92_000);
    let paid = p(&format!(
        "[[options]]\nid = \"charge\"\nrole = \"Registered Nurses\"\nsalary = {lead_pay}\n"
    ));
    assert_eq!(paid.options[0].position.level, Level::Lead);
    let lower = p("[[options]]\nid = \"clinic\"\nrole = \"Registered Nurses\"\nsalary = 60000\n");
    assert!(lower.options[0].position.level.grade() < Level::Senior.grade());
    // A level said, or a seniority word, is taken as before.
    let said = p("[[options]]\nid = \"x\"\nrole = \"Registered Nurses\"\nlevel = \"junior\"\n");
    assert_eq!(said.options[0].position.level, Level::Junior);

    // Pay stated in another industry says as much of the industry: no
    // grade is read from it.
    let elsewhere = p(&format!(
        "[[options]]\nid = \"agency\"\nrole = \"Registered Nurses\"\nindustry = \"staffing\"\nsalary = {lead_pay}\n"
    ));
    assert_eq!(elsewhere.options[0].position.level, Level::Senior);
    // A first-line supervisor's better-paid post in her own occupation is
    // still first-line supervision, not a manager's grade.
    let supervisor = parse(
        "p.toml",
        "[current]\nrole = \"First-Line Supervisors of Retail Sales Workers\"\nsalary = 50000\n[[options]]\nid = \"flagship\"\nrole = \"First-Line Supervisors of Retail Sales Workers\"\nsalary = 95000\n",
        Format::Toml,
        catalog(),
    )
    .unwrap();
    assert_eq!(supervisor.options[0].position.level, Level::Supervisor);

    let case = p("[[options]]\nid = \"case\"\nrole = \"Nurse Case Manager\"\nsalary = 92000\n");
    let case = &case.options[0].position;
    assert_eq!(c.occupation(case.occupation).code.to_string(), "29-1141.00");
    assert_eq!(
        case.level,
        Level::Senior,
        "a nurse at her grade, not a manager"
    );
    // In a management occupation the word is a grade, as before.
    let goal = parse(
        "p.toml",
        "[current]\nrole = \"Registered Nurses\"\n[goal]\nrole = \"Nurse Manager\"\nhorizon_years = 5\n",
        Format::Toml,
        catalog(),
    )
    .unwrap()
    .goal
    .unwrap();
    assert_eq!(goal.level, Level::Manager);
}

/// A post in one's own occupation that manages people is a supervisor's
/// grade at least: a nurse's charge nurse post with reports is a step up
/// into first-line supervision, not her own grade on another track.
#[test]
fn a_post_in_ones_own_occupation_that_manages_people_is_supervision() {
    let p = parse(
        "p.toml",
        "[current]\nrole = \"Registered Nurses\"\nlevel = \"senior\"\nsalary = 92000\nyears_in_role = 8\n[[options]]\nid = \"charge\"\nrole = \"Registered Nurses\"\nmanages_people = true\nsalary = 95000\n",
        Format::Toml,
        catalog(),
    )
    .unwrap();
    let charge = &p.options[0].position;
    assert_eq!(charge.level, Level::Supervisor);
    assert_eq!(charge.track, switchback_core::position::Track::Management);
}

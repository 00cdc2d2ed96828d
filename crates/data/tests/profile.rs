//! Profile files: TOML and JSON, and every way they can be wrong.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::sync::OnceLock;

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

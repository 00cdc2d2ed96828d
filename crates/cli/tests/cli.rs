//! Black-box tests of the built `switchback` binary.

#![allow(clippy::unwrap_used)] // Tests, benches and dev tools fail loudly by design.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_switchback"))
        .args(args)
        .env_remove("SWITCHBACK_CATALOG")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(args: &[&str]) -> serde_json::Value {
    let o = run(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

#[test]
fn show_prints_a_readable_report() {
    let o = run(&["occupation", "show", "Chief Executives"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("11-1011.00  Chief Executives\n"), "{out}");
    assert!(out.contains("Job Zone Five: Extensive Preparation Needed"));
    assert!(out.contains("$213,990"), "median annual wage: {out}");
    assert!(out.contains("Top skills (importance 1-5, level 0-7)"));
    assert!(out.contains("Top knowledge"));
    assert!(!out.contains("for all of"), "its own wages: {out}");

    // A specialisation O*NET splits out of a SOC code has the whole code's
    // wages, and says so.
    let out = stdout(&run(&["occupation", "show", "11-9121.01"]));
    assert!(
        out.contains("national, for all of 11-9121 Natural Sciences Managers"),
        "{out}"
    );
}

#[test]
fn show_json_has_the_stable_fields() {
    let v = json(&["occupation", "show", "15-2051.00", "--format", "json"]);
    assert_eq!(v["code"], "15-2051.00");
    assert_eq!(v["title"], "Data Scientists");
    assert_eq!(v["job_zone"]["zone"], 4);
    assert_eq!(v["wages"]["annual"]["median"], 120_230);
    assert_eq!(v["wages"]["aggregate"], false);
    assert!(
        v["skills"].as_array().unwrap().is_empty(),
        "not rated in 29.3"
    );
    assert!(
        v["data_gaps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g.as_str().unwrap().contains("no skill"))
    );

    let v = json(&[
        "occupation",
        "show",
        "Accountants and Auditors",
        "--format",
        "json",
    ]);
    let skills = v["skills"].as_array().unwrap();
    assert_eq!(skills.len(), 35);
    let imp: Vec<f64> = skills
        .iter()
        .map(|s| s["importance"].as_f64().unwrap())
        .collect();
    assert!(imp.windows(2).all(|w| w[0] >= w[1]), "sorted by importance");
    assert!(skills[0]["level"].as_f64().unwrap() > 0.0);
}

#[test]
fn search_ranks_matches_and_respects_limit() {
    let v = json(&[
        "occupation",
        "search",
        "data scientist",
        "--limit",
        "3",
        "--format",
        "json",
    ]);
    let results = v["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    assert_eq!(results[0]["code"], "15-2051.00");
    let v = json(&["occupation", "search", "CFO", "--format", "json"]);
    assert_eq!(v["seniority"], "executive");
    let o = run(&["occupation", "search", "Senior Staff Accountant"]);
    assert!(stdout(&o).contains("13-2011.00  Accountants and Auditors"));
}

#[test]
fn unknown_roles_fail_with_closest_matches() {
    let o = run(&["occupation", "show", "zorblax quuxifier"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("no occupation matches \"zorblax quuxifier\""),
        "{err}"
    );
    assert!(err.contains("closest:"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        run(&["occupation", "search", "cook", "--limit", "0"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["occupation", "show", "cook", "--format", "yaml"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["occupation", "frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&[]).status.code(), Some(2));
}

#[test]
fn help_and_version() {
    let o = run(&["--version"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("switchback "));
    for args in [
        &["--help"][..],
        &["occupation", "--help"],
        &["occupation", "show", "--help"],
    ] {
        let o = run(args);
        assert!(o.status.success(), "{args:?}");
        assert!(stdout(&o).contains("Usage:"), "{args:?}");
    }
}

#[test]
fn a_missing_catalog_directory_is_a_clear_error() {
    let o = Command::new(env!("CARGO_BIN_EXE_switchback"))
        .args(["occupation", "show", "cook"])
        .env("SWITCHBACK_CATALOG", "/nonexistent/onet")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/nonexistent/onet"), "{}", stderr(&o));
}

#[test]
fn move_classifies_with_strengths_gaps_and_feasibility() {
    let v = json(&[
        "move",
        "Financial Managers",
        "--to",
        "Financial Managers",
        "--from-level",
        "director",
        "--to-level",
        "manager",
        "--from-industry",
        "software",
        "--to-industry",
        "biotech",
        "--format",
        "json",
    ]);
    assert_eq!(v["move"]["kind"], "step_down");
    assert_eq!(v["move"]["level_delta"], -2);
    assert_eq!(v["move"]["changes"], serde_json::json!(["industry"]));
    assert_eq!(v["feasibility"], 1.0);

    let v = json(&[
        "move",
        "Accountants and Auditors",
        "--to",
        "Budget Analysts",
        "--format",
        "json",
    ]);
    assert_eq!(v["move"]["kind"], "lateral");
    assert!(
        v["strengths"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["element"] == "Economics and Accounting")
    );
    let gap = &v["gaps"][0];
    assert!(gap["have"].as_f64().unwrap() < gap["need"].as_f64().unwrap());
    assert_eq!(v["facets"].as_array().unwrap().len(), 10);

    let o = run(&["move", "Accountants", "--to", "Cooks, Fast Food"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Move: step down"), "{}", stdout(&o));
}

#[test]
fn move_rejects_levels_off_the_ladder() {
    let o = run(&["move", "cook", "--to", "chef", "--from-level", "directer"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `director`"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        run(&["move", "cook", "--to", "chef", "--to-level", "11"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["move", "cook", "--to", "zorblax quuxifier"])
            .status
            .code(),
        Some(1)
    );
}

/// A salary on the command line is held to a profile's range, with the
/// same words; a negative one is refused as a value of the flag, not taken
/// for another flag.
#[test]
fn move_holds_salaries_to_a_profiles_range() {
    let o = run(&["move", "cook", "--to", "chef", "--from-salary", "0"]);
    assert_eq!(o.status.code(), Some(2), "a bad flag is a usage error");
    assert!(
        stderr(&o).contains(
            "--from-salary: 0 is out of range: an annual salary in dollars must be from 1000 to 10000000"
        ),
        "{}",
        stderr(&o)
    );
    let o = run(&["move", "cook", "--to", "chef", "--to-salary", "-5"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("invalid value '-5' for '--to-salary"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn transitions_lists_ranked_destinations_with_reasons() {
    let v = json(&[
        "transitions",
        "Accountants and Auditors",
        "--limit",
        "5",
        "--format",
        "json",
    ]);
    let d = v["destinations"].as_array().unwrap();
    assert_eq!(d.len(), 5);
    assert_eq!(d[0]["code"], "13-2031.00");
    let f: Vec<f64> = d
        .iter()
        .map(|x| x["feasibility"].as_f64().unwrap())
        .collect();
    assert!(f.windows(2).all(|w| w[0] >= w[1]));
    assert!(d.iter().all(|x| x["code"] != "13-2011.00"));
    assert!(!d[0]["strengths"].as_array().unwrap().is_empty());
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn eval_scores_a_hand_checked_reference_in_both_layouts() {
    // Accountants' top two are Budget Analysts and Financial and Investment Analysts (both
    // listed: 2 hits of min(2, 3) = 2, first at rank 1); a fast-food cook's
    // top two are not Accountants (0 of min(2, 1) = 1). So recall 2/3,
    // precision 2/4, MRR (1 + 0)/2.
    for (file, layout) in [
        ("career-changers-small.tsv", "career changers"),
        ("related-occupations-small.tsv", "related occupations"),
    ] {
        let v = json(&[
            "eval",
            "transitions",
            "--reference",
            &fixture(file),
            "--k",
            "2",
            "--format",
            "json",
        ]);
        assert_eq!(v["k"], 2);
        assert_eq!(v["origins"], 2);
        assert!(
            (v["recall_at_k"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9,
            "{v}"
        );
        assert!((v["precision_at_k"].as_f64().unwrap() - 0.5).abs() < 1e-9);
        assert!((v["mrr"].as_f64().unwrap() - 0.5).abs() < 1e-9);
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            ["k", "mrr", "origins", "precision_at_k", "recall_at_k"]
        );
        let text = stdout(&run(&[
            "eval",
            "transitions",
            "--reference",
            &fixture(file),
            "--k",
            "2",
        ]));
        assert!(text.contains(&format!("({layout} layout)")), "{text}");
        assert!(text.contains("recall@2     0.667"), "{text}");
    }
    let o = run(&["eval", "transitions", "--reference", "/nonexistent.tsv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/nonexistent.tsv"));
}

fn example(name: &str) -> String {
    format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn route_finds_a_switchback_and_compares_it_with_the_climb() {
    let v = json(&[
        "route",
        &example("route-accountant-to-finance-director.toml"),
        "--format",
        "json",
    ]);
    let routes = v["routes"].as_array().unwrap();
    assert!(!routes.is_empty());
    for r in routes {
        let moves = r["moves"].as_array().unwrap();
        assert_eq!(moves.last().unwrap()["to"]["code"], "11-3031.00");
        assert_eq!(moves.last().unwrap()["to"]["level"], "director");
        for key in [
            "years_to_goal",
            "probability",
            "min_salary",
            "earnings_over_horizon",
            "switchback",
        ] {
            assert!(!r[key].is_null(), "{key}");
        }
        for m in moves {
            for key in ["from", "to", "kind", "years", "feasibility", "salary"] {
                assert!(!m[key].is_null(), "{key}");
            }
        }
    }
    assert!(routes.iter().any(|r| r["switchback"] == true));
    assert!(v["direct"].is_object());
    let o = run(&[
        "route",
        &example("route-accountant-to-finance-director.toml"),
    ]);
    let out = stdout(&o);
    assert!(out.contains("— switchback"), "{out}");
    assert!(
        out.contains("Staying and climbing (in your own function, no step down):"),
        "{out}"
    );
    assert!(out.contains("grade  8 |"), "the ASCII sketch: {out}");
    // A subset shown says so before the first route, whose number may not
    // be 1 (the blocked accountant has more routes than are shown), and
    // the rest are counted after it, with why they are not shown.
    let blocked = example("another-route-up-accountant.toml");
    let answer = json(&["route", &blocked, "--format", "json"]);
    let all = answer["routes"].as_array().unwrap().len();
    let out = stdout(&run(&["route", &blocked]));
    let shown = out.matches("\nRoute ").count();
    assert!(
        (1..=6).contains(&shown) && shown < all,
        "{shown} of {all}: {out}"
    );
    let said = format!("{shown} of {all} Pareto-optimal routes — the likeliest");
    let at = out.find(&said).expect("the subset is said");
    assert!(at < out.find("Route ").unwrap(), "{out}");
    let rest = format!("… and {} more Pareto-optimal", all - shown);
    assert!(out.contains(&rest), "{out}");
    assert!(
        out.contains("slower and less likely than another"),
        "the blocked accountant's routes through a year of better pay are not shown: {out}"
    );
    let one = json(&[
        "route",
        &example("route-accountant-to-finance-director.toml"),
        "--max-moves",
        "1",
        "--format",
        "json",
    ]);
    assert!(
        one["routes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["moves"].as_array().unwrap().len() == 1)
    );
}

#[test]
fn a_person_out_of_work_is_not_told_to_stay() {
    // A head chef whose kitchen closed, aiming at food service management:
    // the climb in her own function is going back to it, not staying; and
    // a year in better-paid work before the goal (Pareto-optimal for its
    // pay) is not shown beside walking into it now, likelier.
    let p = write_profile(
        "laid-off-chef.toml",
        "[current]\nrole = \"Chefs and Head Cooks\"\nlevel = \"supervisor\"\nsalary = 62000\nyears_in_role = 6\nyears_experience = 14\nmanages_people = true\n[situation]\nemployed = false\n[goal]\nrole = \"Food Service Managers\"\nhorizon_years = 5\n",
    );
    let out = stdout(&run(&["route", &p]));
    assert!(
        out.contains("Going back to your own work and climbing (in your own function"),
        "{out}"
    );
    assert!(
        !out.to_lowercase().contains("staying and climbing"),
        "{out}"
    );
    let v = json(&["route", &p, "--format", "json"]);
    assert_eq!(v["direct_name"], "going back to your own work and climbing");
    let shown = out.matches("\nRoute ").count();
    assert!(shown < v["routes"].as_array().unwrap().len(), "{out}");
}

#[test]
fn a_likelier_way_through_an_offer_says_so() {
    // A middle school teacher aiming at school counselling holds an offer
    // of a career advisor's post: the likelier way against her other
    // option starts with that offer, not "where you stand".
    let p = write_profile(
        "teacher-counselor.toml",
        "[current]\nrole = \"Middle School Teacher\"\nsalary = 63000\nyears_in_role = 9\neducation = \"bachelor\"\n[goal]\nrole = \"School Counselor\"\nhorizon_years = 3\n[[options]]\nid = \"behavior-interventionist\"\nrole = \"Behavior Interventionist\"\nsalary = 52000\n[[options]]\nid = \"career-advisor\"\nrole = \"Career Advisor\"\nindustry = \"colleges\"\nsalary = 50000\noffered = true\n",
    );
    let out = stdout(&run(&["advise", &p]));
    assert!(
        out.contains("A likelier way to your goal starts with the offer you hold:"),
        "{out}"
    );
}

fn write_profile(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("switchback-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn route_without_a_goal_or_with_an_unreachable_one() {
    let p = write_profile(
        "nogoal.toml",
        "[current]\nrole = \"Cooks, Fast Food\"\nlevel = \"entry\"\n",
    );
    let o = run(&["route", &p]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the [goal] table is missing"),
        "{}",
        stderr(&o)
    );

    let p = write_profile(
        "far.toml",
        "[current]\nrole = \"Cooks, Fast Food\"\nlevel = \"entry\"\nsalary = 30000\n[goal]\nrole = \"Chief Executives\"\nlevel = \"executive\"\nhorizon_years = 2\n",
    );
    let o = run(&["route", &p]);
    assert!(
        o.status.success(),
        "an unreachable goal is an answer: {}",
        stderr(&o)
    );
    assert!(
        stdout(&o).contains("No route within 2 years"),
        "{}",
        stdout(&o)
    );

    let p = write_profile(
        "bad.toml",
        "[current]\nrole = \"Cooks, Fast Food\"\nsalary = -1\n",
    );
    let o = run(&["route", &p]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("current.salary: -1 is out of range: an annual salary in dollars must be from 1000 to 10000000"),
        "{}",
        stderr(&o)
    );
    let o = run(&["route", &write_profile("p.yaml", "x: 1")]);
    assert!(stderr(&o).contains("a profile is a .toml or .json file"));

    // No route at all because of the person's own pay floor: `route` says
    // so and shows what lifting it takes, as `advise` does.
    let p = write_profile(
        "paralegal.toml",
        "[current]\nrole = \"Paralegals and Legal Assistants\"\nlevel = \"senior\"\nsalary = 64000\nyears_in_role = 5\nyears_experience = 8\neducation = \"bachelor\"\n[goal]\nrole = \"Lawyers\"\nhorizon_years = 7\n[situation]\nmin_salary = 45000\n",
    );
    let v = json(&["route", &p, "--format", "json"]);
    assert!(v["routes"].as_array().unwrap().is_empty());
    let notes = v["notes"].to_string();
    assert!(
        notes.contains("No route reaches Lawyers within your own limits (pay of at least $45,000); without them one would:"),
        "{notes}"
    );
    assert!(notes.contains("full-time, unpaid"), "{notes}");
    // In text, each note is one sentence with one full stop.
    let o = run(&["route", &p]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Note: No route reaches Lawyers"), "{text}");
    assert!(!text.contains(".."), "{text}");

    // A goal at or below where the person stands is no goal for a route.
    let p = write_profile(
        "below.toml",
        "[current]\nrole = \"Registered Nurses\"\nlevel = \"director\"\n[goal]\nrole = \"Registered Nurses\"\nlevel = \"entry\"\nhorizon_years = 5\n",
    );
    let o = run(&["route", &p]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("goal: you already work as Registered Nurses at director, at or above the goal's level (entry)"),
        "{}",
        stderr(&o)
    );

    // A first-line supervisor aiming within their own occupation is told
    // where the grade above is.
    let p = write_profile(
        "chef.toml",
        "[current]\nrole = \"Sous Chef\"\n[goal]\nrole = \"Executive Chef\"\nhorizon_years = 5\n",
    );
    let o = run(&["route", &p]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("the grade above is management: Food Service Managers (11-9051.00)"),
        "{}",
        stderr(&o)
    );
    // A title that names no grade in one's own occupation ("General
    // Counsel" is a lawyer's): the person is asked for the grade, among
    // those above theirs on their track.
    let p = write_profile(
        "counsel.toml",
        "[current]\nrole = \"Lawyers\"\nlevel = \"senior\"\n[goal]\nrole = \"General Counsel\"\nhorizon_years = 10\n",
    );
    let o = run(&["route", &p]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("give its grade in goal.level (lead, principal)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn advise_reports_every_contracted_field() {
    let v = json(&[
        "advise",
        &example("another-route-up-accountant.toml"),
        "--format",
        "json",
    ]);
    assert!(v["current"].is_object());
    assert_eq!(v["goal"]["code"], "11-3031.00");
    let o = &v["options"][0];
    assert_eq!(o["id"], "finance-supervisor");
    assert_eq!(o["move"]["kind"], "step_down");
    assert_eq!(o["move"]["level_delta"], -1);
    assert!(
        o["move"]["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "industry")
    );
    assert!(
        o["circumstances"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "another_route_up")
    );
    assert_eq!(o["verdict"], "strategic");
    assert!(o["instead"].is_null());
    let reasons = o["reasons"].as_array().unwrap();
    assert!(
        reasons
            .iter()
            .all(|r| r["code"].is_string() && r["text"].is_string())
    );

    let o = run(&["advise", &example("industry-change-finance-director.toml")]);
    let out = stdout(&o);
    assert!(out.contains("NOT RECOMMENDED"), "{out}");
    assert!(out.contains("Better shape: lateral"), "{out}");
}

#[test]
fn advise_errors_name_the_problem() {
    let p = write_profile("neither.toml", "[current]\nrole = \"Civil Engineers\"\n");
    let o = run(&["advise", &p]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("neither [[options]] nor a [goal]"),
        "{}",
        stderr(&o)
    );
    let p = write_profile(
        "dup.json",
        r#"{"current": {"role": "Civil Engineers"}, "options": [{"id": "a", "role": "Cooks, Fast Food"}, {"id": "a", "role": "Cooks, Fast Food"}]}"#,
    );
    let o = run(&["advise", &p]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("options[1].id: \"a\" is a duplicate id"),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty());
}

/// `transitions` and `move` judge a change of profession alike: managing
/// one's own function's work is the same profession.
#[test]
fn transitions_and_move_agree_on_what_changes_profession() {
    let v = json(&[
        "transitions",
        "Software Developers",
        "--limit",
        "40",
        "--format",
        "json",
    ]);
    let d = v["destinations"].as_array().unwrap();
    let same = |code: &str| {
        d.iter()
            .find(|x| x["code"] == code)
            .unwrap_or_else(|| panic!("{code} not among the destinations"))["same_profession"]
            .as_bool()
            .unwrap()
    };
    assert!(same("11-3021.00"), "IT managers manage developers' work");
    assert!(same("15-1254.00"), "web developers share the broad group");
    let m = json(&[
        "move",
        "Software Developers",
        "--to",
        "11-3021.00",
        "--format",
        "json",
    ]);
    let changes = m["move"]["changes"].as_array().unwrap();
    assert!(changes.contains(&serde_json::json!("track")), "{changes:?}");
    assert!(
        !changes.contains(&serde_json::json!("profession")),
        "{changes:?}"
    );
}

#[test]
fn success_says_whose_skills_it_was_judged_on() {
    let success_text = |path: &str| {
        let v = json(&["advise", path, "--format", "json"]);
        let reasons = v["options"][0]["reasons"].as_array().unwrap().clone();
        reasons
            .iter()
            .find(|r| r["code"] == "success")
            .map(|r| r["text"].as_str().unwrap().to_owned())
            .unwrap()
    };
    let typical = success_text(&example("plainly-no-accountant.toml"));
    assert!(
        typical.contains("judged on the typical levels of Accountants and Auditors"),
        "{typical}"
    );
    assert!(
        typical.contains("beyond the typical occupation"),
        "{typical}"
    );
    let own = write_profile(
        "own-skills.toml",
        r#"
[current]
role = "Accountants and Auditors"
level = "senior"
[[skills]]
element = "Programming"
level = 4.0
[[options]]
id = "analyst"
role = "Computer Systems Analysts"
level = "senior"
"#,
    );
    let own = success_text(&own);
    assert!(own.contains("your own rating of 1 skill and"), "{own}");
}

#[test]
fn a_step_down_into_ones_own_functions_work_says_readiness_decides_landing() {
    let v = json(&[
        "advise",
        &example("necessity-laid-off-chef.toml"),
        "--format",
        "json",
    ]);
    let option = &v["options"][0];
    let landing = option["landing"].as_f64().unwrap();
    assert!(landing > 0.8, "{landing}");
    let text = option["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "landing")
        .map(|r| r["text"].as_str().unwrap().to_owned())
        .unwrap();
    assert!(text.contains("work of your own function"), "{text}");
    assert!(text.contains("cover 100% of what it needs"), "{text}");
    assert!(!text.contains("you bring"), "{text}");
}

#[test]
fn a_goal_reached_only_through_study_says_why_nothing_is_proposed() {
    // A paralegal aiming at a lawyer's post: every route begins with law
    // school, so there is no move to make now — and the answer says so
    // rather than printing nothing.
    let p = write_profile(
        "paralegal.toml",
        "[current]\nrole = \"Paralegals and Legal Assistants\"\nlevel = \"senior\"\nsalary = 68000\nyears_in_role = 7\nyears_experience = 9\neducation = \"bachelor\"\n[goal]\nrole = \"Lawyers\"\nlevel = \"senior\"\nhorizon_years = 5\n",
    );
    let v = json(&["advise", &p, "--format", "json"]);
    assert_eq!(v["options"].as_array().unwrap().len(), 0);
    assert_eq!(v["no_proposals"]["code"], "proposals.study_first");
    let text = v["no_proposals"]["text"].as_str().unwrap();
    assert!(
        text.contains("begins with") && text.contains("study"),
        "{text}"
    );
    let o = run(&["advise", &p]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Every route to Lawyers"),
        "{}",
        stdout(&o)
    );

    // With options, there is nothing to explain.
    let v = json(&[
        "advise",
        &example("another-route-up-accountant.toml"),
        "--format",
        "json",
    ]);
    assert!(v["no_proposals"].is_null());
}

#[test]
fn the_advice_says_how_a_typed_role_was_read() {
    let p = write_profile(
        "sergeant.toml",
        "[current]\nrole = \"Police Sergeant\"\nlevel = \"supervisor\"\n[[options]]\nid = \"em\"\nrole = \"Emergency Management Specialist\"\nlevel = \"intermediate\"\n[[options]]\nid = \"by-code\"\nrole = \"33-3051.00\"\n[[options]]\nid = \"by-title\"\nrole = \"detectives and criminal investigators\"\n",
    );
    let v = json(&["advise", &p, "--format", "json"]);
    let read = &v["current_role_read"];
    assert_eq!(read["text"], "Police Sergeant");
    assert_eq!(read["source"], "alternate_title");
    assert!(
        read["words"].as_str().unwrap().contains("read from"),
        "{read}"
    );
    let option = |id: &str| {
        v["options"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        option("em")["role_read"]["text"],
        "Emergency Management Specialist"
    );
    assert!(option("em")["role_read"]["matched"].is_string());
    // A code, or the occupation's own title in any case, needs no note.
    assert!(option("by-code")["role_read"].is_null());
    assert!(option("by-title")["role_read"].is_null());

    let o = run(&["advise", &p]);
    assert!(
        stdout(&o).contains("read from \"Police Sergeant\""),
        "{}",
        stdout(&o)
    );

    // A title two occupations match alike names the other, with its code;
    // the goal's reading is said too.
    let p = write_profile(
        "patrol.toml",
        "[current]\nrole = \"Patrol Officer\"\n[goal]\nrole = \"Chief Financial Officer\"\nhorizon_years = 10\n[[options]]\nid = \"x\"\nrole = \"33-1012.00\"\n",
    );
    let v = json(&["advise", &p, "--format", "json"]);
    let words = v["current_role_read"]["words"].as_str().unwrap();
    assert!(
        words.contains("matches it as well") && words.contains("give its code"),
        "{words}"
    );
    assert_eq!(v["goal"]["role_read"]["text"], "Chief Financial Officer");
}

#[test]
fn each_first_step_down_is_compared_with_the_climb_once() {
    // A blocked principal accountant aiming at finance director: several
    // switchbacks begin with the same step down (a finance supervisor's
    // post); it is compared with the climb once.
    let p = write_profile(
        "accountant.toml",
        "[current]\nrole = \"13-2011.00\"\nlevel = \"principal\"\nsalary = 118000\nyears_in_role = 4\nyears_experience = 12\n[goal]\nrole = \"11-3031.00\"\nlevel = \"director\"\nhorizon_years = 10\n[situation]\npromotion_blocked = true\n",
    );
    let v = json(&["route", &p, "--max-moves", "6", "--format", "json"]);
    let switchbacks = v["routes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["switchback"] == true)
        .count();
    let comparisons: Vec<String> = v["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    assert!(
        !comparisons.is_empty() && switchbacks > comparisons.len(),
        "{v}"
    );
    let via = |c: &str| {
        let from = c.find("tepping down to ").unwrap();
        c[from..from + c[from..].find(')').unwrap()].to_owned()
    };
    let mut vias: Vec<String> = comparisons.iter().map(|c| via(c)).collect();
    vias.sort();
    vias.dedup();
    assert_eq!(vias.len(), comparisons.len(), "{comparisons:?}");
}

#[test]
fn a_move_that_pays_less_says_so_whatever_its_grade() {
    // A senior nurse aiming at health services management: the first
    // management post is a step up by grade that pays less than nursing.
    let text = "[current]\nrole = \"Registered Nurses\"\nlevel = \"senior\"\nsalary = 98000\nyears_in_role = 5\nyears_experience = 10\n[goal]\nrole = \"Medical and Health Services Managers\"\nlevel = \"manager\"\nhorizon_years = 8\n";
    let p = write_profile("nurse-pay.toml", text);
    let v = json(&["route", &p, "--format", "json"]);
    let mut falls = 0;
    for r in v["routes"].as_array().unwrap() {
        let mut before = 98_000.0;
        for m in r["moves"].as_array().unwrap() {
            let salary = m["salary"].as_f64().unwrap();
            let change = m["pay_change"].as_f64().unwrap();
            assert!(
                (change - (salary - before) / before).abs() < 0.001,
                "{change} from {before} to {salary}"
            );
            falls += usize::from(change <= -0.005 && m["kind"] == "step_up");
            before = salary;
        }
    }
    assert!(falls > 0, "a step up that pays less: {v}");
    // Every salary says what it is: OEWS's estimate for the grade names its
    // percentile; her own occupation's grades scale from her pay and name
    // none.
    for m in v["routes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["moves"].as_array().unwrap())
    {
        let own = m["to"]["code"] == "29-1141.00";
        let percentile = &m["salary_percentile"];
        assert_eq!(percentile.is_null(), own, "{m}");
        assert!(
            own || [10, 25, 50, 75, 90].contains(&percentile.as_u64().unwrap()),
            "{m}"
        );
    }
    let out = stdout(&run(&["route", &p]));
    assert!(out.contains("a year (OEWS "), "{out}");
    assert!(
        out.lines()
            .any(|l| l.contains("step up") && l.contains("% less pay")),
        "{out}"
    );
    // Out of work, there is no pay to compare the first move with.
    let idle = write_profile(
        "nurse-idle.toml",
        &format!("{text}[situation]\nemployed = false\n"),
    );
    let v = json(&["route", &idle, "--format", "json"]);
    for r in v["routes"].as_array().unwrap() {
        let moves = r["moves"].as_array().unwrap();
        assert!(moves[0]["pay_change"].is_null(), "{r}");
        let lowest = moves.iter().map(|m| m["salary"].as_u64().unwrap()).min();
        assert_eq!(r["min_salary"].as_u64(), lowest, "{r}");
    }
}

#[test]
fn a_route_says_when_the_persons_closed_ladder_is_what_limits_it() {
    let p = write_profile(
        "blocked-clerk.toml",
        "[current]\nrole = \"Hotel, Motel, and Resort Desk Clerks\"\nlevel = \"senior\"\nsalary = 36000\nyears_in_role = 3\nyears_experience = 5\n[goal]\nrole = \"Lodging Managers\"\nlevel = \"manager\"\nhorizon_years = 5\n[situation]\npromotion_blocked = true\n",
    );
    let out = stdout(&run(&["route", &p]));
    assert!(out.contains("No route within 5 years"), "{out}");
    assert!(
        out.contains(
            "Note: You said the way up where you stand is closed (`situation.promotion_blocked`)"
        ),
        "{out}"
    );
    let advice = stdout(&run(&["advise", &p]));
    assert!(
        advice.contains("within your own limits (no step up from where you stand"),
        "{advice}"
    );
}

#[test]
fn move_and_transitions_say_how_a_title_was_read() {
    let v = json(&[
        "move",
        "Astronaut",
        "--to",
        "15-1252.00",
        "--format",
        "json",
    ]);
    assert_eq!(v["from"]["code"], "55-1011.00");
    assert_eq!(v["from_read"]["text"], "Astronaut");
    assert!(
        v["from_read"]["words"]
            .as_str()
            .unwrap()
            .contains("read from \"Astronaut\""),
        "{v}"
    );
    // A code needs no reading.
    assert!(v["to_read"].is_null(), "{v}");
    let t = json(&[
        "transitions",
        "Astronaut",
        "--limit",
        "3",
        "--format",
        "json",
    ]);
    assert_eq!(t["role_read"]["text"], "Astronaut");
    let out = stdout(&run(&["transitions", "Astronaut", "--limit", "3"]));
    assert!(out.contains("(read from \"Astronaut\""), "{out}");
}

#[test]
fn the_advice_says_when_ones_own_occupation_is_unrated() {
    // O*NET rates no military occupation: a veteran's skills are inferred,
    // and the advice says so, and how to be judged on their own.
    let p = write_profile(
        "veteran.toml",
        "[current]\nrole = \"55-2012.00\"\nlevel = \"supervisor\"\n[[options]]\nid = \"security\"\nrole = \"First-Line Supervisors of Security Workers\"\nlevel = \"supervisor\"\n",
    );
    let v = json(&["advise", &p, "--format", "json"]);
    let note = v["current_ratings_note"].as_str().unwrap();
    assert!(note.contains("has no O*NET 29.3 skill ratings"), "{note}");
    assert!(note.contains("[[skills]]"), "{note}");
    let text = stdout(&run(&["advise", &p]));
    assert!(text.lines().nth(1).unwrap().contains(note), "{text}");
    // A rated occupation needs no note.
    let v = json(&[
        "advise",
        &example("another-route-up-accountant.toml"),
        "--format",
        "json",
    ]);
    assert!(v["current_ratings_note"].is_null());
}

/// `route` says how the typed roles were read, as `advise` does: a
/// misspelt goal ("Polise Sargent") was taken silently as a police
/// sergeant's post. The JSON carries the same reading.
#[test]
fn route_says_how_the_typed_roles_were_read() {
    let p = write_profile(
        "misspelt-goal.toml",
        "[current]\nrole = \"Police and Sheriff's Patrol Officers\"\nlevel = \"senior\"\nsalary = 70000\nyears_in_role = 5\n[goal]\nrole = \"Polise Sargent\"\nhorizon_years = 5\n",
    );
    let out = stdout(&run(&["route", &p]));
    let first = out.lines().take(3).collect::<Vec<_>>().join("\n");
    assert!(
        first.contains("(the goal: read from \"Polise Sargent\"")
            && first.contains("Police Sergeant"),
        "{out}"
    );
    // The current role is the occupation's own title: nothing to say.
    assert!(!first.contains("your role:"), "{out}");
    let answer = json(&["route", &p, "--format", "json"]);
    assert_eq!(answer["goal_role_read"]["text"], "Polise Sargent");
    assert!(answer["start_role_read"].is_null());
}

/// A comparison quotes a route's chance as the route lists it: the
/// engineer's switchback, 0.29 in its header (0.295 to three decimals,
/// as JSON has it), was "more likely to work out (0.30 vs 0.14)" below.
#[test]
fn a_comparison_quotes_the_chances_the_routes_print() {
    let out = stdout(&run(&[
        "route",
        &example("management-experience-engineer.toml"),
    ]));
    let printed: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split("probability ").nth(1))
        .filter_map(|rest| rest.split([' ', ',']).next())
        .collect();
    let quoted: Vec<&str> = out
        .split("likely to work out (")
        .skip(1)
        .flat_map(|rest| rest.split(')').next().unwrap().split(" vs "))
        .collect();
    assert!(!quoted.is_empty(), "no chance compared:\n{out}");
    for q in quoted {
        assert!(
            printed.contains(&q),
            "{q} is no route's printed chance:\n{out}"
        );
    }
}

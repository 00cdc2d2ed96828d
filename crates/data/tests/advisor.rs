//! The step-down advisor on the example profiles (real occupations) and on
//! small profiles written here.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use common::{catalog, id, model, toml_profile};

use std::path::Path;

use switchback_core::advisor::{
    self, Advice, AdviseError, Circumstance, Instead, OptionAdvice, Reason, Verdict,
};
use switchback_data::profile_file;

fn example(name: &str) -> Advice {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    let profile = profile_file::load(&path, catalog()).unwrap();
    advisor::advise(catalog(), model(), &profile).unwrap()
}

fn inline(toml: &str) -> Result<Advice, AdviseError> {
    advisor::advise(catalog(), model(), &toml_profile(toml))
}

fn only(advice: &Advice) -> &OptionAdvice {
    assert_eq!(advice.options.len(), 1);
    &advice.options[0]
}

fn has_reason(o: &OptionAdvice, code: &str) -> bool {
    o.reasons.iter().any(|r| r.code() == code)
}

#[test]
fn necessity_justifies_a_step_down_but_is_not_strategic() {
    let a = example("necessity-laid-off-chef.toml");
    let o = only(&a);
    assert!(o.circumstances.contains(&Circumstance::Necessity));
    assert_eq!(o.verdict, Verdict::Acceptable);
    assert!(has_reason(o, "circumstance.necessity"));
}

#[test]
fn a_teacher_changes_profession_strategically() {
    let o = only(&example("change-profession-teacher-to-trainer.toml")).clone();
    assert!(o.circumstances.contains(&Circumstance::ChangeProfession));
    assert_eq!(o.verdict, Verdict::Strategic);
    assert!(o.onward.is_some());
    assert!(o.success >= advisor::LIKELY);
}

#[test]
fn another_department_broadens_horizons() {
    let o = only(&example("broaden-horizons-marketer.toml")).clone();
    assert!(o.circumstances.contains(&Circumstance::BroadenHorizons));
    assert!(
        o.movement
            .changes
            .contains(&switchback_core::position::Change::Department)
    );
    assert!(has_reason(&o, "circumstance.broaden_horizons"));
}

#[test]
fn a_blocked_accountant_finds_another_route_up() {
    let o = only(&example("another-route-up-accountant.toml")).clone();
    assert!(o.circumstances.contains(&Circumstance::AnotherRouteUp));
    assert!(
        o.circumstances
            .contains(&Circumstance::ManagementExperience)
    );
    assert_eq!(o.verdict, Verdict::Strategic);
    assert_eq!(
        o.movement.kind,
        switchback_core::position::MoveKind::StepDown
    );
}

#[test]
fn an_analyst_gains_technical_experience() {
    let o = only(&example("technical-experience-analyst.toml")).clone();
    assert!(o.circumstances.contains(&Circumstance::TechnicalExperience));
    assert!(has_reason(&o, "circumstance.technical_experience"));
}

#[test]
fn an_engineer_steps_down_to_lead_people() {
    let o = only(&example("management-experience-engineer.toml")).clone();
    assert!(
        o.circumstances
            .contains(&Circumstance::ManagementExperience)
    );
    assert_eq!(o.verdict, Verdict::Strategic);
    // The goal is reachable from the team-lead post within the horizon.
    let r = o.onward.as_ref().unwrap();
    assert!(r.years_to_goal <= 8.0);
}

#[test]
fn a_pointless_step_down_is_plainly_no() {
    let o = only(&example("plainly-no-accountant.toml")).clone();
    assert!(o.circumstances.is_empty());
    assert_eq!(o.verdict, Verdict::NotRecommended);
    assert_eq!(o.instead, Some(Instead::Stay));
}

#[test]
fn changing_industry_but_not_function_calls_for_a_lateral_move() {
    let o = only(&example("industry-change-finance-director.toml")).clone();
    assert_eq!(o.instead, Some(Instead::Lateral));
    assert_eq!(o.verdict, Verdict::NotRecommended);
    assert_eq!(
        o.movement.changes,
        [switchback_core::position::Change::Industry]
    );
    assert!(has_reason(&o, "instead.lateral"));
}

#[test]
fn stepping_off_ones_track_to_change_industry_calls_for_ones_own_post_there() {
    // A finance manager moving from software to biotech, offered an
    // analyst's post there: the same function, a step down and off the
    // management track, serving no reason of its own.
    let a = inline(
        r#"
[current]
role = "Financial Managers"
level = "manager"
industry = "software"
salary = 150000
years_in_role = 5
years_experience = 14
manages_people = true
[[options]]
id = "analyst"
role = "Financial and Investment Analysts"
level = "senior"
industry = "biotech"
"#,
    )
    .unwrap();
    let o = only(&a);
    assert!(o.circumstances.is_empty(), "{:?}", o.circumstances);
    assert_eq!(o.instead, Some(Instead::Lateral));
    assert_eq!(o.verdict, Verdict::NotRecommended);
    let target = o.reasons.iter().find_map(|r| match r {
        Reason::InsteadLateral { occupation, level } => Some((*occupation, *level)),
        _ => None,
    });
    assert_eq!(
        target.map(|t| t.0),
        Some(common::id("11-3031.00")),
        "the lateral move is her own post"
    );
}

/// A restaurant manager laid off, offered a shift lead's post at a
/// fast-food chain (the first-line supervisors of food service).
const LAID_OFF_MANAGER: &str = r#"
[current]
role = "Food Service Managers"
level = "manager"
industry = "restaurants"
salary = 62000
years_in_role = 4
years_experience = 12
[goal]
role = "Food Service Managers"
level = "manager"
horizon_years = 2
[situation]
employed = false
months_of_savings = 2
other_offers = 0
[[options]]
id = "shift-lead"
role = "First-Line Supervisors of Food Preparation and Serving Workers"
level = "supervisor"
industry = "fast food"
salary = 40000
offered = true
"#;

#[test]
fn a_laid_off_manager_is_a_manager_again_after_a_year_not_a_supervisors_tenure() {
    let a = inline(LAID_OFF_MANAGER).unwrap();
    let o = only(&a);
    assert!(o.circumstances.contains(&Circumstance::Necessity));
    // She held the manager's grade: the step back up asks the least stay
    // (a year), not the three years a supervisor serves before promotion.
    let Some(route) = &o.onward else {
        panic!("no onward route within 2 years: {:?}", o.onward);
    };
    assert!(route.years_to_goal <= 2.0, "{route:?}");
    assert!(
        route.steps.iter().all(|s| s.years <= 1.0),
        "a year at each stop: {route:?}"
    );
    // Same function, new industry: the lateral target is her own
    // occupation at her grade — first-line supervision has no manager's
    // grade to target. Out of work, she may take this post all the same.
    let target = o.reasons.iter().find_map(|r| match r {
        Reason::InsteadLateral { occupation, level } => Some((*occupation, *level)),
        _ => None,
    });
    assert_eq!(o.verdict, Verdict::Acceptable);
    assert_eq!(
        target,
        Some((id("11-9051.00"), switchback_core::level::Level::Manager))
    );
}

/// A lead flight attendant whose airline folded, aiming to fly again as a
/// senior one, takes a hotel's front desk to pay the rent. She lost her
/// post; she did not leave it: the stopgap does not close the way back,
/// below the grade she held as well as at it.
#[test]
fn a_stopgap_does_not_close_the_way_back_to_work_lost() {
    let a = inline(
        "[current]\nrole = \"Flight Attendants\"\nlevel = \"lead\"\nsalary = 64000\n\
         years_in_role = 5\nyears_experience = 12\n\
         [goal]\nrole = \"Flight Attendants\"\nlevel = \"senior\"\nhorizon_years = 3\n\
         [situation]\nemployed = false\nmonths_of_savings = 2\nother_offers = 0\n\
         [[options]]\nid = \"front-desk\"\nrole = \"Hotel, Motel, and Resort Desk Clerks\"\n\
         salary = 36000\noffered = true\n",
    )
    .unwrap();
    let o = only(&a);
    assert!(o.circumstances.contains(&Circumstance::Necessity));
    let Some(route) = &o.onward else {
        panic!("the front desk closed the way back: {:?}", o.reasons);
    };
    let last = route.steps.last().unwrap();
    assert_eq!(last.to.occupation, id("53-2031.00"), "{route:?}");
    assert!(route.years_to_goal <= 3.0, "{route:?}");
}

/// "If you want to change industry but not function, target a lateral
/// move": a senior developer holding an offer a grade down in another
/// industry is told to negotiate it into that lateral post — not to stay,
/// which would ignore why she moves.
#[test]
fn an_offer_a_grade_down_in_another_industry_is_negotiated_not_refused() {
    let text = r#"
[current]
role = "Software Developers"
level = "senior"
industry = "fintech"
salary = 150000
years_in_role = 3
years_experience = 8
[goal]
role = "Computer and Information Systems Managers"
level = "manager"
horizon_years = 8
[[options]]
id = "healthtech"
role = "Software Developers"
level = "intermediate"
industry = "health tech"
salary = 128000
offered = true
"#;
    for offered in [true, false] {
        let a = inline(&text.replace("offered = true", &format!("offered = {offered}"))).unwrap();
        let o = only(&a);
        assert_eq!(o.instead, Some(Instead::Lateral), "offered {offered}");
        assert_eq!(o.verdict, Verdict::NotRecommended);
        let codes: Vec<&str> = o.reasons.iter().map(Reason::code).collect();
        assert!(!codes.contains(&"instead.stay"), "{codes:?}");
        assert_eq!(
            codes
                .iter()
                .filter(|&&c| c == "verdict.better_shape")
                .count(),
            1,
            "{codes:?}"
        );
        assert!(
            o.reasons
                .iter()
                .any(|r| matches!(r, Reason::BetterShape { offered: said } if *said == offered))
        );
    }
}

const TEACHER: &str = r#"
[current]
role = "Middle School Teachers, Except Special and Career/Technical Education"
level = "senior"
salary = 68000
years_in_role = 5
years_experience = 9
[goal]
role = "Training and Development Managers"
level = "manager"
horizon_years = 8
"#;

#[test]
fn a_profession_changer_need_not_start_at_the_bottom() {
    let a = inline(&format!("{TEACHER}\n[[options]]\nid = \"x\"\nrole = \"Training and Development Specialists\"\nlevel = \"entry\"\n")).unwrap();
    let o = only(&a);
    assert_eq!(o.instead, Some(Instead::HigherLevel));
    assert_eq!(o.verdict, Verdict::NotRecommended);
    assert!(has_reason(o, "instead.higher_level"));
    // The higher post's chances are said, landing as well as success:
    // it is no better shape if she cannot get it.
    let Some(Reason::InsteadHigherLevel {
        landing, success, ..
    }) = o
        .reasons
        .iter()
        .find(|r| matches!(r, Reason::InsteadHigherLevel { .. }))
    else {
        panic!("{:?}", o.reasons);
    };
    assert!((0.3..=1.0).contains(landing), "{landing}");
    assert!(
        *landing <= o.landing + 1e-6,
        "{landing} above {}",
        o.landing
    );
    assert!(*success >= 0.6, "{success}");
    // The verdict says why, and a held offer is one to negotiate.
    assert!(o.reasons.contains(&Reason::BetterShape { offered: false }));
    let held = inline(&format!("{TEACHER}\n[[options]]\nid = \"x\"\nrole = \"Training and Development Specialists\"\nlevel = \"entry\"\noffered = true\n")).unwrap();
    let o = only(&held);
    // In hand, the offer is hers to take: not thrown away, no strategy.
    assert_eq!(o.instead, Some(Instead::HigherLevel));
    assert_eq!(o.verdict, Verdict::Acceptable);
    assert!(o.reasons.contains(&Reason::BetterShape { offered: true }));
}

#[test]
fn circumstances_come_from_data_not_from_the_option_id() {
    let a = inline(&format!("{TEACHER}\n[[options]]\nid = \"plain\"\nrole = \"Training and Development Specialists\"\nlevel = \"intermediate\"\n")).unwrap();
    let b = inline(&format!(
        "{TEACHER}\n[[options]]\nid = \"necessity-management-technical-route-up\"\nrole = \"Training and Development Specialists\"\nlevel = \"intermediate\"\n"
    ))
    .unwrap();
    assert_eq!(only(&a).circumstances, only(&b).circumstances);
    assert_eq!(only(&a).verdict, only(&b).verdict);
}

#[test]
fn with_a_goal_and_no_options_the_advisor_proposes() {
    let a = inline(TEACHER).unwrap();
    assert!(!a.options.is_empty());
    assert!(a.options.iter().all(|o| o.proposed));
    assert!(a.options.iter().all(|o| o.id.starts_with("proposal-")));
    // Numbered as ranked: the first is proposal-1.
    for (i, o) in a.options.iter().enumerate() {
        assert_eq!(o.id, format!("proposal-{}", i + 1));
    }
}

#[test]
fn neither_options_nor_goal_is_an_error() {
    let e = inline("[current]\nrole = \"Civil Engineers\"\n").unwrap_err();
    assert_eq!(e, AdviseError::NothingToAdvise);
}

#[test]
fn options_are_ranked_best_verdict_first_and_every_judgement_has_words() {
    let a = inline(&format!(
        "{TEACHER}\n[[options]]\nid = \"clerk\"\nrole = \"File Clerks\"\nlevel = \"entry\"\n\n[[options]]\nid = \"trainer\"\nrole = \"Training and Development Specialists\"\nlevel = \"intermediate\"\n"
    ))
    .unwrap();
    assert_eq!(a.options[0].id, "trainer");
    assert!(a.options.windows(2).all(|w| w[0].verdict <= w[1].verdict));
    for o in &a.options {
        assert!(
            has_reason(o, "success")
                && has_reason(o, "onward_route")
                && has_reason(o, "living.pay"),
            "{:?}",
            o.reasons
        );
        assert!(!o.living.first_weeks.is_empty());
    }
}

#[test]
fn the_first_weeks_fit_the_post_and_the_goal() {
    use advisor::FirstWeek;
    // Priya, a principal accountant, steps down to a supervisor's post
    // toward a finance director's: no one would call the cheaper hire for
    // it "fresh out of school", and the plan is aligned to her goal.
    let priya = only(&example("another-route-up-accountant.toml")).clone();
    let weeks = &priya.living.first_weeks;
    assert!(weeks.contains(&FirstWeek::Thank {
        newcomer_post: false
    }));
    assert!(
        weeks
            .iter()
            .any(|w| matches!(w, FirstWeek::DevelopmentPlan { toward: Some(_) }))
    );
    // Without a goal, the plan is aligned to nothing named.
    let a = inline(&format!(
        "{}\n[[options]]\nid = \"x\"\nrole = \"Line Cooks\"\nlevel = \"entry\"\n",
        "[current]\nrole = \"Chefs and Head Cooks\"\nlevel = \"senior\"\n[situation]\nemployed = false\n"
    ))
    .unwrap();
    let cook = only(&a);
    assert!(cook.living.first_weeks.contains(&FirstWeek::Thank {
        newcomer_post: true
    }));
    // A grade "down" into better-paid work is no sacrifice to be thanked
    // for: a senior medical assistant's first nursing post, at twice the
    // pay, was told to "never suggest you are slumming it". Across
    // professions the pay says it is a step up.
    let nurse = inline(
        "[current]\nrole = \"Medical Assistants\"\nlevel = \"senior\"\nsalary = 40000\neducation = \"associate\"\n[[options]]\nid = \"rn\"\nrole = \"Registered Nurses\"\nlevel = \"intermediate\"\nsalary = 82000\n",
    )
    .unwrap();
    let rn = only(&nurse);
    assert!(rn.movement.level_delta < 0);
    assert_eq!(
        rn.movement.kind,
        switchback_core::position::MoveKind::StepUp
    );
    assert!(rn.movement.kind_by_pay);
    assert!(
        !rn.living
            .first_weeks
            .iter()
            .any(|w| matches!(w, FirstWeek::Thank { .. } | FirstWeek::NeverSlumming)),
        "{:?}",
        rn.living.first_weeks
    );
    assert!(
        cook.living
            .first_weeks
            .contains(&FirstWeek::DevelopmentPlan { toward: None })
    );
    // A person out of work leaves no department and team: a laid-off
    // executive assistant taking a clinic's front desk is not told of the
    // standing she loses there; the same move made from her post is.
    let assistant = |employed: bool| {
        let a = inline(&format!(
            "[current]\nrole = \"Executive Assistant\"\ndepartment = \"executive office\"\nsalary = 72000\nyears_in_role = 8\nyears_experience = 14\n[situation]\nemployed = {employed}\n[[options]]\nid = \"desk\"\nrole = \"Receptionist\"\ndepartment = \"front desk\"\nsalary = 38000\noffered = true\n"
        ))
        .unwrap();
        only(&a).living.first_weeks.clone()
    };
    assert!(!assistant(false).contains(&FirstWeek::LeavingDepartment));
    assert!(assistant(true).contains(&FirstWeek::LeavingDepartment));
}

#[test]
fn an_option_in_an_excluded_industry_is_not_recommended() {
    let a = inline(&format!(
        "{TEACHER}\n[situation]\nexclude_industries = [\"Gambling\"]\n\n[[options]]\nid = \"casino\"\nrole = \"Training and Development Specialists\"\nlevel = \"intermediate\"\nindustry = \"gambling \"\n"
    ))
    .unwrap();
    let o = only(&a);
    assert_eq!(o.verdict, Verdict::NotRecommended);
    assert!(has_reason(o, "verdict.excluded_industry"));
}

/// A person out of work has no pay to stay at: the money comparison is
/// with nothing, never with the last job's salary; and a comparison that
/// counts the onward route says how likely that route is, and what the
/// option pays if it stalls there.
#[test]
fn pay_comparisons_say_what_they_compare() {
    let pay = |o: &OptionAdvice| {
        o.reasons
            .iter()
            .find_map(|r| match r {
                Reason::Pay {
                    now,
                    pay,
                    cost,
                    horizon,
                    onward_probability,
                    cost_if_stalled,
                    ..
                } => Some((
                    *now,
                    *pay,
                    *cost,
                    *horizon,
                    *onward_probability,
                    *cost_if_stalled,
                )),
                _ => None,
            })
            .unwrap()
    };
    let chef = example("necessity-laid-off-chef.toml");
    for o in &chef.options {
        let (now, _, cost, _, _, _) = pay(o);
        assert_eq!(now, 0, "out of work: compared with no pay");
        assert!(cost.unwrap() < 0, "earning beats nothing");
        assert_eq!(o.living.cost_over_horizon, cost);
    }
    let priya = only(&example("another-route-up-accountant.toml")).clone();
    let (now, salary, cost, horizon, probability, stalled) = pay(&priya);
    assert!(now > 0);
    let route = priya.onward.as_ref().unwrap();
    assert_eq!(
        probability,
        Some(priya.landing * route.probability),
        "the comparison follows the onward route, and says how likely the whole way is"
    );
    // Staying in the option: today's pay less the option's, every year.
    let expected = ((f64::from(now) - f64::from(salary)) * f64::from(horizon)).round() as i64;
    assert_eq!(stalled, Some(expected));
    assert_eq!(priya.living.cost_if_stalled, stalled);
    assert!(
        cost.unwrap() < stalled.unwrap(),
        "the route up pays more than stalling"
    );
}

fn nurse_offered(option_role: &str, education: &str) -> OptionAdvice {
    nurse_with(option_role, education, "")
}

fn nurse_with(option_role: &str, education: &str, option_extra: &str) -> OptionAdvice {
    let toml = format!(
        r#"
[current]
role = "Registered Nurses"
level = "senior"
salary = 90000
years_in_role = 4
years_experience = 8
{education}

[[options]]
id = "offer"
role = "{option_role}"
level = "senior"
{option_extra}
"#
    );
    only(&inline(&toml).unwrap()).clone()
}

fn education_fit(o: &OptionAdvice) -> Option<switchback_core::chances::EducationFit> {
    o.reasons.iter().find_map(|r| match r {
        Reason::Landing { landing, .. } => landing.education,
        _ => None,
    })
}

/// The common shape of a bachelor's-degree gate: without the degree the
/// post asks it (entry RL 6), lowers the landing below a long shot; with
/// it, no factor. Returns the fit without the degree for further checks.
fn assert_bachelors_gate(
    without: &OptionAdvice,
    with: &OptionAdvice,
) -> switchback_core::chances::EducationFit {
    let fit = education_fit(without).expect("the degree is weighed");
    assert_eq!(fit.entry, 6, "a bachelor's degree");
    assert!(fit.factor < 1.0, "{fit:?}");
    assert!(
        without.landing < advisor::LONG_SHOT_BELOW,
        "{}",
        without.landing
    );
    assert_eq!(education_fit(with).map(|f| f.factor), Some(1.0));
    fit
}

/// A nurse practitioner's post asks a master's degree of three in four of
/// its workers, and almost none of its posts ask only a bachelor's: a
/// nurse without the degree is unlikely to land it, and the landing reason
/// says why; with the degree, the education costs nothing.
#[test]
fn a_post_that_asks_a_degree_one_lacks_is_hard_to_land() {
    let without = nurse_offered("Nurse Practitioners", "");
    let fit = education_fit(&without).expect("the education is weighed");
    assert_eq!(fit.entry, 8, "a master's degree");
    assert_eq!(fit.have, 6, "a registered nurse's typical bachelor's");
    assert!(fit.factor < 0.1, "{fit:?}");
    assert!(without.landing < 0.1, "{}", without.landing);
    assert!(has_reason(&without, "verdict.education_first"));
    assert_ne!(without.verdict, Verdict::Strategic, "study first");
    let with = nurse_offered("Nurse Practitioners", "education = \"master\"");
    let fit = education_fit(&with).unwrap();
    assert_eq!(fit.factor, 1.0);
    assert!(with.landing > 5.0 * without.landing);
    assert!(!has_reason(&with, "verdict.education_first"));
    // Within one's own occupation nothing is asked.
    let own = nurse_offered("Registered Nurses", "education = \"high_school\"");
    assert_eq!(education_fit(&own), None);
}

fn blocked_accountant_offered(role: &str) -> OptionAdvice {
    blocked_accountant_with(role, "senior", "")
}

fn blocked_accountant_with(role: &str, level: &str, situation: &str) -> OptionAdvice {
    let toml = format!(
        r#"
[current]
role = "Accountants and Auditors"
level = "principal"
salary = 118000
years_in_role = 4
years_experience = 12
manages_people = false
[goal]
role = "Financial Managers"
level = "director"
horizon_years = 10
[situation]
promotion_blocked = true
{situation}
[[options]]
id = "option"
role = "{role}"
level = "{level}"
"#
    );
    only(&inline(&toml).unwrap()).clone()
}

/// "Only if the path onward is real": a blocked principal accountant
/// offered a budget analyst's post three grades lower has a route onward — but
/// stepping sideways into finance management now reaches the director's
/// post sooner and far likelier. The step down serves only as another
/// route up, so it is no strategy while the likelier route is open; an
/// option that also builds what the goal needs (a cost estimator's work
/// broadens her horizons), which the likelier route — up through finance
/// management itself — does not, keeps its verdict, and the likelier
/// route is said for her to weigh.
#[test]
fn a_step_down_is_no_strategy_when_a_likelier_route_starts_where_one_stands() {
    let budget = blocked_accountant_with("Budget Analysts", "intermediate", "");
    assert!(budget.circumstances.contains(&Circumstance::AnotherRouteUp));
    assert_eq!(budget.verdict, Verdict::Acceptable);
    let through = budget.landing * budget.onward.as_ref().unwrap().probability;
    let Some(Reason::LikelierRoute {
        route,
        through: said,
        years,
        decides: true,
        builds_too: false,
    }) = budget
        .reasons
        .iter()
        .find(|r| r.code() == "verdict.likelier_route")
    else {
        panic!("no deciding likelier route: {:#?}", budget.reasons);
    };
    assert!((said - through).abs() < 1e-6);
    assert!(advisor::is_likelier_route(
        route.years_to_goal,
        route.probability,
        *years,
        through
    ));
    assert_ne!(route.steps[0].to.occupation, budget.position.occupation);
    // It is that rule, and no other, that keeps the option from strategic:
    // the option serves a circumstance, leads on and is likely to go well.
    let deciding: Vec<&str> = budget
        .reasons
        .iter()
        .map(Reason::code)
        .filter(|c| c.starts_with("verdict.") || c.starts_with("instead."))
        .collect();
    assert_eq!(deciding, ["verdict.likelier_route"]);
    assert!(budget.success >= advisor::LIKELY);

    let estimator = blocked_accountant_offered("Cost Estimators");
    assert!(
        estimator
            .circumstances
            .contains(&Circumstance::BroadenHorizons)
    );
    assert_eq!(estimator.verdict, Verdict::Strategic);
    assert!(estimator.reasons.iter().any(|r| matches!(
        r,
        Reason::LikelierRoute {
            decides: false,
            builds_too: false,
            ..
        }
    )));

    // When a harsher rule decides — pay below her floor — only that rule
    // is said: the likelier route decided nothing.
    let floored = blocked_accountant_with("Budget Analysts", "senior", "min_salary = 115000");
    assert_eq!(floored.verdict, Verdict::NotRecommended);
    let codes: Vec<&str> = floored.reasons.iter().map(Reason::code).collect();
    assert!(codes.contains(&"verdict.below_pay_floor"), "{codes:?}");
    assert!(!codes.contains(&"verdict.likelier_route"), "{codes:?}");
}

/// A person told no route reaches the goal in time is told how far off
/// the fastest one is: a project manager made an IT manager would need
/// a little more than the seven years she gave herself.
#[test]
fn no_route_in_time_says_how_long_the_fastest_takes() {
    let advice = inline(
        r#"
[current]
role = "Project Management Specialists"
level = "manager"
salary = 120000
years_in_role = 3
years_experience = 10
education = "bachelor"
[goal]
role = "Computer and Information Systems Managers"
level = "director"
horizon_years = 7
[[options]]
id = "it-manager"
role = "Computer and Information Systems Managers"
level = "manager"
manages_people = true
"#,
    )
    .unwrap();
    let nearest = nearest_route_of(only(&advice));
    assert!(nearest.beyond_limits.is_empty(), "{nearest:?}");
    assert!(nearest.years > 7.0 && nearest.years <= 30.0, "{nearest:?}");

    // When only the person's own pay floor stands in the way of the
    // fastest route, that is said — not that the data hold no route. (The
    // planner's post gives no pay: its grades are paid OEWS's estimates,
    // every stop on the way below a floor of $130,000.)
    let sergeant = inline(
        r#"
[current]
role = "Police and Sheriff's Patrol Officers"
level = "supervisor"
salary = 92000
years_in_role = 5
years_experience = 16
manages_people = true
[goal]
role = "Emergency Management Directors"
level = "director"
horizon_years = 6
[situation]
min_salary = 130000
[[options]]
id = "planner"
role = "Emergency Management Directors"
level = "intermediate"
"#,
    )
    .unwrap();
    let nearest = nearest_route_of(only(&sergeant));
    assert_eq!(
        nearest.beyond_limits,
        [advisor::Limit::MinSalary(130000)],
        "{nearest:?}"
    );
}

/// The fastest route an option's "no route in time" reason names.
fn nearest_route_of(option: &OptionAdvice) -> advisor::Nearest {
    option
        .reasons
        .iter()
        .find_map(|r| match r {
            Reason::Onward {
                onward: advisor::Onward::NoRoute { nearest, .. },
                ..
            } => nearest.clone(),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no nearest route named: {:#?}", option.reasons))
}

fn landing_of(o: &OptionAdvice) -> switchback_core::chances::Landing {
    o.reasons
        .iter()
        .find_map(|r| match r {
            Reason::Landing { landing, .. } => Some(*landing),
            _ => None,
        })
        .expect("every option has a landing reason")
}

fn out_of_work_chef_offered(role: &str, level: &str, skills: &str) -> OptionAdvice {
    let toml = format!(
        r#"
[current]
role = "Chefs and Head Cooks"
level = "supervisor"
salary = 62000
years_in_role = 6
years_experience = 14
manages_people = true
[situation]
employed = false
[[options]]
id = "option"
role = "{role}"
level = "{level}"
{skills}
"#
    );
    only(&inline(&toml).unwrap()).clone()
}

/// A head chef whose kitchen closed can get a line cook's post: it is the
/// work she has done and overseen, and she covers what it needs. The
/// transition score (fitted to the moves people choose, and few choose to
/// step down) is kept in the reason but does not decide the chance; her
/// own readiness does, so rating herself weaker lowers it. A climb, or work
/// outside her function, is judged on the transition score as before.
#[test]
fn work_of_ones_own_function_below_ones_grade_lands_on_readiness() {
    // A trade's helpers are its own work: an electrician out of work lands
    // a helper's post on readiness, and it changes no profession.
    let helper = inline(
        "[current]\nrole = \"Electricians\"\nlevel = \"lead\"\nyears_experience = 15\n\
         [situation]\nemployed = false\n[[options]]\nid = \"helper\"\n\
         role = \"Helpers--Electricians\"\nlevel = \"entry\"\n",
    )
    .unwrap();
    let helper = only(&helper);
    assert!(
        landing_of(helper).own_work_readiness.is_some(),
        "{:?}",
        helper.reasons
    );
    assert!(
        !helper
            .movement
            .changes
            .contains(&switchback_core::position::Change::Profession)
    );

    let cook = out_of_work_chef_offered("Cooks, Restaurant", "intermediate", "");
    let l = landing_of(&cook);
    let readiness = l.own_work_readiness.expect("her own function's work");
    assert!(readiness > 0.9, "{readiness}");
    assert!(
        l.transfer < 0.5,
        "the model's score is kept: {}",
        l.transfer
    );
    assert!(cook.landing > 0.8, "{}", cook.landing);

    let rusty = out_of_work_chef_offered(
        "Cooks, Restaurant",
        "intermediate",
        "[[skills]]\nelement = \"Food Production\"\nlevel = 1\n\
         [[skills]]\nelement = \"Production and Processing\"\nlevel = 1\n\
         [[skills]]\nelement = \"Customer and Personal Service\"\nlevel = 1\n",
    );
    assert!(
        rusty.landing < cook.landing,
        "{} < {}",
        rusty.landing,
        cook.landing
    );

    let climb = out_of_work_chef_offered("Food Service Managers", "manager", "");
    assert_eq!(landing_of(&climb).own_work_readiness, None);
    let elsewhere = out_of_work_chef_offered("Hotel, Motel, and Resort Desk Clerks", "junior", "");
    assert_eq!(landing_of(&elsewhere).own_work_readiness, None);
}

/// An offer in hand settles landing: a nurse offered a nurse
/// practitioner's post has it, whatever the odds of someone like her
/// getting one (0.03 without the master's most of them ask). The reason
/// still says those odds; the education is not asked again, so the option
/// is not sent back to study first, as the same post applied for is.
#[test]
fn an_offer_in_hand_makes_landing_certain_and_asks_no_education_again() {
    let held = nurse_with("Nurse Practitioners", "", "offered = true");
    let applying = nurse_offered("Nurse Practitioners", "");
    assert!(held.offered && !applying.offered);
    assert_eq!(held.landing, 1.0);
    assert_eq!(held.movement.landing, 1.0);
    let without = landing_of(&held)
        .without_offer
        .expect("the odds without it");
    assert!((without - applying.landing).abs() < 1e-6, "{without}");
    assert!(applying.landing < 0.1, "{}", applying.landing);
    assert_eq!(landing_of(&applying).without_offer, None);
    assert!(has_reason(&applying, "verdict.education_first"));
    assert!(!has_reason(&held, "verdict.education_first"));
    // The nurse gave no education: the reason says it was assumed.
    assert!(
        applying
            .reasons
            .iter()
            .any(|r| matches!(r, Reason::EducationFirst { assumed: true, .. }))
    );
}

/// A post to study for first is still said to be a long shot when it is
/// one on the evidence that judges the person (the assumed education set
/// aside): a carpenter applying to a junior estimator's post, work that
/// transfers little, is told both, not only to enrol.
#[test]
fn a_post_to_study_for_is_still_called_a_long_shot() {
    let advice = inline(
        r#"
[current]
role = "Carpenters"
level = "senior"
salary = 62000
years_in_role = 10
years_experience = 14
[goal]
role = "Construction Managers"
level = "manager"
horizon_years = 7
[[options]]
id = "estimator"
role = "Cost Estimators"
level = "junior"
salary = 58000
"#,
    )
    .unwrap();
    let o = only(&advice);
    assert!(has_reason(o, "verdict.education_first"), "{:?}", o.reasons);
    assert!(has_reason(o, "verdict.long_shot"), "{:?}", o.reasons);
    assert_ne!(o.verdict, Verdict::Strategic);
}

/// An option acceptable for the time its way asks — the horizon, not the
/// option, is what no route meets — is still said to be a long shot to
/// land when it is one: a QA analyst applying for an associate product
/// manager's post, work that transfers little.
#[test]
fn an_option_beyond_the_horizon_is_still_called_a_long_shot() {
    let advice = inline(
        r#"
[current]
role = "QA Analyst"
level = "senior"
industry = "software"
department = "engineering"
salary = 105000
years_in_role = 3
years_experience = 9
education = "bachelor"
[goal]
role = "Product Manager"
horizon_years = 4
[[options]]
id = "apm"
role = "Associate Product Manager"
department = "product"
salary = 92000
"#,
    )
    .unwrap();
    let o = only(&advice);
    assert!(has_reason(o, "verdict.beyond_horizon"), "{:?}", o.reasons);
    assert!(has_reason(o, "verdict.long_shot"), "{:?}", o.reasons);
    assert_ne!(o.verdict, Verdict::Strategic);
}

/// A step down on the way to a goal the person can land now is told so:
/// a senior data analyst who can apply for a senior data scientist's post
/// today (likely) hears it against a junior post and two years' climb.
/// The junior post builds what the goal needs, which landing the goal now
/// does not weigh, so the route is said and the verdict left to the rest;
/// without the experience it builds, the route decides.
#[test]
fn a_goal_within_reach_now_is_said_against_a_step_down_toward_it() {
    let advice = inline(
        r#"
[current]
role = "Data Analyst"
level = "senior"
department = "marketing analytics"
salary = 98000
years_in_role = 3
years_experience = 7
education = "bachelor"
[goal]
role = "Data Scientist"
level = "senior"
horizon_years = 3
[[skills]]
element = "Programming"
level = 3.0
[[skills]]
element = "Mathematics"
level = 4.5
[[options]]
id = "junior-ds"
role = "Data Scientist"
level = "junior"
department = "data science"
salary = 92000
"#,
    )
    .unwrap();
    let o = only(&advice);
    let Some(Reason::LikelierRoute { route, through, .. }) = o
        .reasons
        .iter()
        .find(|r| r.code() == "verdict.likelier_route")
    else {
        panic!("no likelier route: {:#?}", o.reasons);
    };
    assert!(route.years_to_goal <= advisor::GOAL_IN_REACH_YEARS);
    assert!(
        route.probability >= *through,
        "{} < {through}",
        route.probability
    );
    assert!(route.probability < advisor::LIKELIER_ROUTE_RATIO * through);
    assert!(
        has_reason(o, "circumstance.technical_experience"),
        "{:?}",
        o.reasons
    );
    assert_eq!(o.verdict, Verdict::Strategic);
}

/// With no goal, a change of profession taken out of necessity is not a
/// change of profession chosen: a laid-off truck driver taking a
/// forklift job serves necessity alone; in work, the same move would
/// change his profession.
#[test]
fn a_change_of_profession_out_of_necessity_is_not_chosen() {
    let driver = |employed: bool| {
        let a = inline(&format!(
            r#"
[current]
role = "Heavy and Tractor-Trailer Truck Drivers"
level = "senior"
salary = 64000
years_in_role = 10
years_experience = 12
[situation]
employed = {employed}
months_of_savings = 1
other_offers = 0
[[options]]
id = "forklift"
role = "Industrial Truck and Tractor Operators"
level = "junior"
salary = 39000
"#
        ))
        .unwrap();
        only(&a).circumstances.clone()
    };
    let laid_off = driver(false);
    assert!(laid_off.contains(&Circumstance::Necessity), "{laid_off:?}");
    assert!(
        !laid_off.contains(&Circumstance::ChangeProfession),
        "{laid_off:?}"
    );
    assert!(driver(true).contains(&Circumstance::ChangeProfession));
}

/// An option that is the goal itself is no "another route up" to it,
/// whatever its grade: a senior graphic designer aiming at "Creative
/// Director" (art directors, read at their typical grade, a grade below
/// hers) and offered an associate creative director's post reaches her
/// goal there; it does not lead on to it.
#[test]
fn the_goal_itself_is_no_other_route_up() {
    let advice = inline(
        r#"
[current]
role = "Senior Graphic Designer"
salary = 82000
years_in_role = 4
years_experience = 10
[goal]
role = "Creative Director"
horizon_years = 6
[[options]]
id = "acd"
role = "Associate Creative Director"
salary = 105000
"#,
    )
    .unwrap();
    let o = only(&advice);
    assert!(has_reason(o, "onward_route"), "{:?}", o.reasons);
    assert!(
        !o.circumstances.contains(&Circumstance::AnotherRouteUp),
        "{:?}",
        o.circumstances
    );
}

const BLOCKED_ELECTRICIAN: &str = r#"
[current]
role = "Electricians"
level = "senior"
industry = "construction"
salary = 78000
years_in_role = 8
years_experience = 15
[goal]
role = "Construction Managers"
level = "manager"
horizon_years = 6
[situation]
promotion_blocked = true
"#;

#[test]
fn a_long_shot_is_no_strategic_move_until_offered() {
    // A cost estimator's post serves a blocked electrician's goal (a route
    // up through it, technical experience), but the model gives little
    // chance of being hired into it from the trade. The electrician has the
    // associate's degree nineteen in twenty estimators name (without it,
    // the post asks study first: `verdict.education_first`).
    let schooled = BLOCKED_ELECTRICIAN.replace(
        "years_experience = 15",
        "years_experience = 15\neducation = \"associate\"",
    );
    let estimator_with = |skills: &str, extra: &str| {
        let a = inline(&format!(
            "{schooled}\n{skills}\n[[options]]\nid = \"estimator\"\nrole = \"Cost Estimators\"\nlevel = \"intermediate\"\nindustry = \"construction\"\n{extra}"
        ))
        .unwrap();
        only(&a).clone()
    };
    let estimator = |extra: &str| estimator_with("", extra);
    let applying = estimator("");
    assert!(
        applying.landing < advisor::LONG_SHOT_BELOW,
        "{}",
        applying.landing
    );
    assert!(applying.success >= advisor::LIKELY, "{}", applying.success);
    assert!(
        applying
            .circumstances
            .contains(&Circumstance::AnotherRouteUp)
    );
    assert_eq!(applying.verdict, Verdict::Acceptable);
    assert!(has_reason(&applying, "verdict.long_shot"));

    let held = estimator("offered = true");
    assert_eq!(held.verdict, Verdict::Strategic);
    assert!(!has_reason(&held, "verdict.long_shot"));

    // Landing reads the occupation: an electrician whose own ratings show
    // the costing an estimator needs is no typical applicant.
    let costing = "[[skills]]\nelement = \"Economics and Accounting\"\nlevel = 4.5\n";
    let atypical = estimator_with(costing, "");
    assert!(atypical.landing < advisor::LONG_SHOT_BELOW);
    assert!(!has_reason(&atypical, "verdict.long_shot"));
    assert!(
        has_reason(&atypical, "landing.own_ratings"),
        "the waiver is said"
    );
}

/// When no route reaches the goal in time from where the person stands
/// either, an option whose way there is no slower than theirs is not
/// rejected for having "no route onward": the horizon is the constraint.
/// One that is slower still is.
#[test]
fn a_horizon_too_tight_for_any_route_does_not_reject_the_fastest_way() {
    let support_lead = |role: &str, level: &str| {
        let a = inline(&format!(
            r#"
[current]
role = "Computer User Support Specialists"
level = "lead"
department = "service desk"
salary = 62000
years_in_role = 4
years_experience = 6
[goal]
role = "Information Security Analysts"
level = "principal"
horizon_years = 8
[[options]]
id = "x"
role = "{role}"
level = "{level}"
department = "network operations"
"#
        ))
        .unwrap();
        only(&a).clone()
    };
    let security = support_lead("Information Security Analysts", "intermediate");
    assert!(security.onward.is_none());
    assert_eq!(security.verdict, Verdict::Acceptable);
    assert!(has_reason(&security, "verdict.beyond_horizon"));
    assert!(!has_reason(&security, "verdict.no_onward_route"));

    // Systems administration is slower there than the support lead's own
    // way, through network support into security at a junior analyst's
    // pay (a direct move at a security analyst's median pay, twice hers,
    // is no newcomer's raise).
    let network = support_lead(
        "Network and Computer Systems Administrators",
        "intermediate",
    );
    assert_eq!(network.verdict, Verdict::NotRecommended);
    let codes: Vec<&str> = network.reasons.iter().map(Reason::code).collect();
    assert!(codes.contains(&"verdict.no_onward_route"), "{codes:?}");
}

/// The first-line supervision of one's own work is the step up most
/// trades and offices know: its landing reads the person's readiness,
/// as a step into one's own function's work does. Of the supervisors of a
/// major group, the one that supervises the person's work is meant: a
/// truck driver's is the supervisor of vehicle operators, a patrol
/// officer's the police sergeant's post.
#[test]
fn the_supervision_of_ones_own_work_lands_on_readiness() {
    use switchback_core::chances;
    let own = |worker: &str| chances::own_supervisor(catalog(), model(), common::id(worker));
    assert_eq!(own("53-3032.00"), Some(common::id("53-1043.00")));
    assert_eq!(own("33-3051.00"), Some(common::id("33-1012.00")));
    assert_eq!(own("47-2111.00"), Some(common::id("47-1011.00")));

    let driver = |role: &str| {
        let a = inline(&format!(
            "[current]\nrole = \"Heavy and Tractor-Trailer Truck Drivers\"\nlevel = \"senior\"\nyears_experience = 20\nyears_in_role = 20\n[[options]]\nid = \"x\"\nrole = \"{role}\"\nlevel = \"supervisor\"\n"
        ))
        .unwrap();
        landing_of(only(&a))
    };
    let vehicle_operators = driver("53-1043.00");
    assert!(vehicle_operators.own_work_readiness.is_some());
    assert!(
        vehicle_operators.chance
            > vehicle_operators.transfer * 0.8 * vehicle_operators.distance_factor
    );
    let attendants = driver("53-1044.00");
    assert_eq!(attendants.own_work_readiness, None);
}

/// Professions SOC gives no first-line supervisor (dentistry, software)
/// are supervised at the supervisor grade of the manager of their work: a
/// dental hygienist taking a practice's office manager post, a principal
/// developer a team lead's post a grade below his own. Both land on
/// readiness; a manager's higher grades, or a manager of other work, do
/// not.
#[test]
fn a_professions_supervision_is_its_managers_supervisor_grade() {
    let landing = |role: &str, level: &str, to: &str, to_level: &str| {
        let a = inline(&format!(
            "[current]\nrole = \"{role}\"\nlevel = \"{level}\"\nyears_experience = 12\nyears_in_role = 8\n[[options]]\nid = \"x\"\nrole = \"{to}\"\nlevel = \"{to_level}\"\n"
        ))
        .unwrap();
        landing_of(only(&a))
    };
    let hygienist = landing(
        "Dental Hygienists",
        "senior",
        "Medical and Health Services Managers",
        "supervisor",
    );
    let readiness = hygienist.own_work_readiness.expect("own work");
    assert!(readiness > hygienist.transfer);
    // Its transfer score alone would make it a long shot.
    assert!(
        hygienist.chance >= advisor::LONG_SHOT_BELOW,
        "{hygienist:?}"
    );
    let lead = landing(
        "Software Developers",
        "principal",
        "Computer and Information Systems Managers",
        "supervisor",
    );
    assert!(lead.own_work_readiness.is_some());
    assert!(lead.enters_management && lead.level_delta < 0);
    for (role, level, to, to_level) in [
        (
            "Dental Hygienists",
            "senior",
            "Medical and Health Services Managers",
            "manager",
        ),
        (
            "Dental Hygienists",
            "senior",
            "Financial Managers",
            "supervisor",
        ),
    ] {
        let other = landing(role, level, to, to_level);
        assert_eq!(other.own_work_readiness, None, "{to} {to_level}");
    }
}

/// A goal in one's own function is reached up one's own track: a senior
/// machinist aiming to supervise machinists, offered an industrial
/// engineering technician's post a grade down, changes no profession
/// *toward* the goal (she is in its function already), and with the
/// supervisor's post likelier within a year up her own ladder — where she
/// would do well — what the technician's work builds decides nothing: no
/// strategic move. An assembler's post, work of her own field that asks
/// less preparation than hers, builds nothing she lacks: a step down that
/// serves nothing, not recommended (it was once "acceptable", on the
/// assemblers' typical ratings).
#[test]
fn another_profession_is_no_way_toward_a_goal_in_ones_own_function() {
    let assembler =
        inline(&MACHINIST_AIMING_TO_SUPERVISE.replace("{OPTION}", "Team Assemblers")).unwrap();
    let o = only(&assembler);
    assert!(o.circumstances.is_empty(), "{:?}", o.circumstances);
    assert_eq!(o.verdict, Verdict::NotRecommended);
    assert_eq!(o.instead, Some(Instead::Stay));
    let a = inline(&MACHINIST_AIMING_TO_SUPERVISE.replace(
        "{OPTION}",
        "Industrial Engineering Technologists and Technicians",
    ))
    .unwrap();
    let o = only(&a);
    assert!(
        o.circumstances.contains(&Circumstance::TechnicalExperience),
        "{:?}",
        o.circumstances
    );
    assert!(
        !o.circumstances.contains(&Circumstance::ChangeProfession),
        "{:?}",
        o.circumstances
    );
    assert_ne!(o.verdict, Verdict::Strategic);
    assert!(o.reasons.iter().any(|r| matches!(
        r,
        Reason::LikelierRoute { decides: true, route, .. }
            if route.years_to_goal <= advisor::GOAL_IN_REACH_YEARS
    )));
}

const MACHINIST_AIMING_TO_SUPERVISE: &str = r#"
[current]
role = "Machinists"
level = "senior"
salary = 62000
years_in_role = 4
years_experience = 11
[goal]
role = "First-Line Supervisors of Production and Operating Workers"
level = "supervisor"
horizon_years = 5
[[options]]
id = "option"
role = "{OPTION}"
level = "intermediate"
salary = 45000
"#;

/// Offers held for a profile's other options are alternatives: the
/// necessity reason counts them, and with two or more in hand necessity
/// no longer justifies a step down.
#[test]
fn offers_held_among_the_options_count_as_alternatives() {
    let options = |offers: &[bool]| {
        let mut text = String::from(
            "[current]\nrole = \"Chefs and Head Cooks\"\nlevel = \"senior\"\n[situation]\nemployed = false\nmonths_of_savings = 1\nother_offers = 0\n",
        );
        for (i, offered) in offers.iter().enumerate() {
            text.push_str(&format!(
                "[[options]]\nid = \"o{i}\"\nrole = \"Cooks, Restaurant\"\nlevel = \"{}\"\noffered = {offered}\n",
                ["intermediate", "junior", "entry"][i]
            ));
        }
        inline(&text).unwrap()
    };
    let held = |o: &OptionAdvice| {
        o.reasons.iter().find_map(|r| match r {
            Reason::Necessity { held_offers, .. } => Some(*held_offers),
            _ => None,
        })
    };
    let a = options(&[true, false]);
    let by_id = |a: &Advice, id: &str| a.options.iter().find(|o| o.id == id).unwrap().clone();
    assert_eq!(held(&by_id(&a, "o0")), Some(0));
    assert_eq!(held(&by_id(&a, "o1")), Some(1));
    let b = options(&[true, true, false]);
    let third = by_id(&b, "o2");
    assert!(!third.circumstances.contains(&Circumstance::Necessity));
}

/// With nothing to propose because of the person's own limits, the answer
/// names the limits, not the data.
#[test]
fn nothing_to_propose_within_ones_own_limits_names_them() {
    let a = inline(
        r#"
[current]
role = "Registered Nurses"
level = "senior"
salary = 92000
years_in_role = 4
years_experience = 8
education = "bachelor"
[goal]
role = "Medical and Health Services Managers"
level = "director"
horizon_years = 8
[situation]
promotion_blocked = true
min_salary = 150000
"#,
    )
    .unwrap();
    assert!(a.options.is_empty());
    match a.no_proposals {
        Some(advisor::NoProposals::NoRoute {
            limits,
            without_limits,
            ..
        }) => {
            assert_eq!(
                limits,
                [
                    advisor::Limit::PromotionBlocked,
                    advisor::Limit::MinSalary(150000)
                ]
            );
            // What lifting them would take is shown: a route that breaks one.
            let r = without_limits.expect("the route the limits rule out");
            assert!(
                r.steps[0].kind == switchback_core::position::MoveKind::StepUp
                    || r.steps.iter().any(|m| m.salary < 150_000),
                "{r:?}"
            );
        }
        other => panic!("{other:?}"),
    }
}

/// A paralegal aiming at a lawyer's post under a pay floor: the floor is
/// what rules out the full-time, unpaid law school, and the answer shows
/// that route rather than leaving the person to guess.
#[test]
fn a_pay_floor_that_rules_out_unpaid_study_shows_the_study() {
    let a = inline(
        r#"
[current]
role = "Paralegals and Legal Assistants"
level = "senior"
salary = 64000
years_in_role = 5
years_experience = 8
education = "bachelor"
[goal]
role = "Lawyers"
horizon_years = 7
[situation]
min_salary = 45000
"#,
    )
    .unwrap();
    match a.no_proposals {
        Some(advisor::NoProposals::NoRoute {
            limits,
            without_limits: Some(r),
            ..
        }) => {
            assert_eq!(limits, [advisor::Limit::MinSalary(45000)]);
            assert!(
                r.steps
                    .iter()
                    .any(|m| m.study_full_time && m.study_years >= 3.0),
                "{r:?}"
            );
        }
        other => panic!("{other:?}"),
    }
}

/// A person already at their goal has no route up to look for: a chief
/// executive aiming to stay one is not told a step down is "another route
/// up".
#[test]
fn no_route_up_is_sought_for_a_person_already_at_their_goal() {
    let a = inline(
        r#"
[current]
role = "11-1011.00"
level = "executive"
salary = 250000
years_in_role = 3
years_experience = 20
[goal]
role = "11-1011.00"
level = "executive"
horizon_years = 5
[situation]
promotion_blocked = true
[[options]]
id = "vp"
role = "11-1011.00"
level = "vp"
"#,
    )
    .unwrap();
    let o = only(&a);
    assert!(
        !o.circumstances.contains(&Circumstance::AnotherRouteUp),
        "{:?}",
        o.circumstances
    );
}

/// A director of nursing whose goal is a registered nurse's entry post
/// already stands above it: with no options listed, she is told so — not
/// that no route reaches it "even within 30 years".
#[test]
fn a_person_at_or_above_the_goal_is_told_so() {
    let a = inline(
        r#"
[current]
role = "Registered Nurses"
level = "director"
years_in_role = 3
years_experience = 20
[goal]
role = "Registered Nurses"
level = "entry"
horizon_years = 5
"#,
    )
    .unwrap();
    assert!(a.options.is_empty());
    assert_eq!(
        a.no_proposals.as_ref().map(advisor::NoProposals::code),
        Some("proposals.at_goal")
    );
}

/// A likelier way that is itself a long shot is no likelier way: a
/// blocked program analyst's budget-analyst option was once denied by a
/// route through security management with a chance of 0.045.
#[test]
fn a_likelier_route_is_never_a_long_shot() {
    let a = inline(
        r#"
[current]
role = "Program Analyst"
level = "senior"
salary = 88000
years_in_role = 4
years_experience = 11
education = "mpa"
[goal]
role = "Administrative Services Managers"
level = "director"
horizon_years = 7
[situation]
promotion_blocked = true
[[options]]
id = "budget-analyst"
role = "Budget Analysts"
level = "senior"
department = "budget office"
salary = 90000
[[options]]
id = "office-supervisor"
role = "First-Line Supervisors of Office and Administrative Support Workers"
level = "supervisor"
department = "public works"
salary = 76000
"#,
    )
    .unwrap();
    for o in &a.options {
        for r in &o.reasons {
            if let Reason::LikelierRoute { route, .. } = r {
                assert!(
                    route.probability >= advisor::LONG_SHOT_BELOW,
                    "{}: {}",
                    o.id,
                    route.probability
                );
            }
        }
    }
}

/// Out of work, one is not at a goal one held: a laid-off manager whose
/// goal is to manage again is proposed the way back, not told she already
/// works there.
#[test]
fn out_of_work_the_post_one_held_is_a_goal_to_get_back_to() {
    let without_options = LAID_OFF_MANAGER.split("[[options]]").next().unwrap();
    let profile = toml_profile(without_options);
    assert!(!profile.at_goal());
    let a = advisor::advise(catalog(), model(), &profile).unwrap();
    assert_eq!(a.no_proposals, None);
    let back = a
        .options
        .iter()
        .find(|o| o.position.occupation == id("11-9051.00"))
        .expect("her own post, proposed");
    assert!(back.circumstances.contains(&Circumstance::Necessity));
    assert!(back.landing >= advisor::LIKELY, "{}", back.landing);
    // The route back is being hired again, said as such.
    let levels = advisor::person_levels(model(), &profile);
    let req = switchback_core::route::plan::Request::from_current(&profile, &levels);
    let routes = switchback_core::route::plan::plan(catalog(), model(), &req).routes;
    let back = routes
        .iter()
        .find(|r| r.steps.len() == 1)
        .expect("straight back");
    assert_eq!(
        back.steps[0].entry,
        switchback_core::route::plan::Entry::Rehired
    );
    // In work, the same profile is at its goal.
    let employed = toml_profile(&without_options.replace("employed = false", "employed = true"));
    assert!(employed.at_goal());
}

/// "A defined path on which you can continue your ascent": an option that
/// would broaden a blocked accountant's horizons (operations research, a
/// senior's post two grades down) leads on to the financial director's
/// post only as a long shot — every move of the route onward from it,
/// fewer than one in ten. A grade given up for a way that cannot be
/// counted on is not recommended (it was once "acceptable"), and the
/// advice says why with that chance; an option with a likelier path
/// onward (a financial analyst's) is strategic.
#[test]
fn a_long_shot_path_onward_is_no_defined_path() {
    let research = blocked_accountant_offered("Operations Research Analysts");
    assert!(
        research
            .circumstances
            .contains(&Circumstance::BroadenHorizons)
    );
    assert!(research.success >= advisor::LIKELY);
    assert_eq!(research.verdict, Verdict::NotRecommended);
    let onward = research.onward.as_ref().unwrap().probability;
    assert!(onward < advisor::LONG_SHOT_BELOW, "{onward}");
    let said = research.reasons.iter().find_map(|r| match r {
        Reason::OnwardLongShot {
            onward,
            whole_way,
            step_down,
        } => Some((*onward, *whole_way, *step_down)),
        _ => None,
    });
    let (said, whole_way, step_down) = said.expect("verdict.onward_long_shot");
    assert!(step_down);
    assert!((said - onward).abs() < 1e-6);
    assert!((whole_way.unwrap() - research.landing * onward).abs() < 1e-6);

    let analyst = blocked_accountant_offered("Financial and Investment Analysts");
    let onward = analyst.onward.as_ref().unwrap().probability;
    assert!(onward >= advisor::LONG_SHOT_BELOW, "{onward}");
    assert_eq!(analyst.verdict, Verdict::Strategic);
    assert!(
        !analyst
            .reasons
            .iter()
            .any(|r| r.code() == "verdict.onward_long_shot")
    );
}

/// The whole way counts too: a senior nurse with no manager's post free on
/// her ward, offered a health informatics post toward director of nursing,
/// would be uncertain to land it (0.3) and then has about one chance in
/// nine of every promotion after it — one in thirty in all, which the
/// advice itself calls very unlikely. So it is no strategic move, however
/// much it would broaden her, and it says both chances.
#[test]
fn a_very_unlikely_whole_way_is_no_defined_path() {
    let advice = inline(
        r#"
[current]
role = "Registered Nurses"
level = "senior"
department = "med-surg"
salary = 92000
years_in_role = 5
years_experience = 11
manages_people = false
education = "bsn"
[goal]
role = "Medical and Health Services Managers"
level = "director"
horizon_years = 8
[situation]
promotion_blocked = true
[[options]]
id = "informatics"
role = "Health Informatics Specialists"
level = "intermediate"
department = "IT"
salary = 88000
"#,
    )
    .unwrap();
    let informatics = only(&advice);
    let onward = informatics.onward.as_ref().unwrap().probability;
    let whole_way = informatics.landing * onward;
    assert!(onward >= advisor::LONG_SHOT_BELOW, "{onward}");
    assert!(whole_way < advisor::VERY_UNLIKELY, "{whole_way}");
    assert!(
        informatics
            .circumstances
            .contains(&Circumstance::BroadenHorizons)
    );
    assert_eq!(informatics.verdict, Verdict::Acceptable);
    let said = informatics.reasons.iter().find_map(|r| match r {
        Reason::OnwardLongShot { whole_way, .. } => *whole_way,
        _ => None,
    });
    assert!((said.expect("the whole way, said") - whole_way).abs() < 1e-6);
}

/// Out of work, a warehouse supervisor offered the same post in a grocery
/// chain's warehouse is told necessity justifies it — and that it leaves
/// her way to her goal as it was, not that it "does not serve" it.
#[test]
fn the_same_work_taken_from_necessity_leaves_the_way_as_it_was() {
    let advice = inline(
        r#"
[current]
role = "First-Line Supervisors of Helpers, Laborers, and Material Movers, Hand"
level = "supervisor"
industry = "logistics"
salary = 58000
years_in_role = 4
years_experience = 12
manages_people = true
[goal]
role = "Transportation, Storage, and Distribution Managers"
level = "manager"
horizon_years = 6
[situation]
employed = false
months_of_savings = 2
other_offers = 0
[[options]]
id = "same-job-grocery"
role = "First-Line Supervisors of Helpers, Laborers, and Material Movers, Hand"
level = "supervisor"
industry = "grocery"
salary = 56000
"#,
    )
    .unwrap();
    let o = only(&advice);
    assert!(o.circumstances.contains(&Circumstance::Necessity));
    assert_eq!(o.verdict, Verdict::Acceptable);
    assert!(
        o.reasons.iter().any(|r| matches!(
            r,
            Reason::NecessityOnly {
                goal: true,
                same_work: true,
                ..
            }
        )),
        "{:#?}",
        o.reasons
    );
}

#[test]
fn a_short_runway_in_work_is_no_necessity_and_a_step_up_needs_none() {
    // In work with two months of savings, offered a clerk's post at half
    // the pay: the cut shortens the runway, it is no necessity.
    let employed = "[current]\nrole = \"Accountants and Auditors\"\nlevel = \"senior\"\nsalary = 92000\nyears_in_role = 3\nyears_experience = 7\n[situation]\nemployed = true\nmonths_of_savings = 2\nother_offers = 0\n[[options]]\nid = \"clerk\"\nrole = \"Bookkeeping, Accounting, and Auditing Clerks\"\nlevel = \"junior\"\nsalary = 48000\noffered = true\n";
    let o = only(&inline(employed).unwrap()).clone();
    assert!(!o.circumstances.contains(&Circumstance::Necessity), "{o:?}");
    // Out of work, the same post is necessity, and the short runway is said.
    let idle = inline(&employed.replace("employed = true", "employed = false")).unwrap();
    let o = only(&idle).clone();
    assert!(o.circumstances.contains(&Circumstance::Necessity));
    assert!(o.reasons.iter().any(|r| matches!(
        r,
        Reason::Necessity { short_runway: Some(m), .. } if *m == 2.0
    )));
    // A step up for a person out of work is no necessity: it needs no excuse.
    let up = inline(
        "[current]\nrole = \"Software Developers\"\nlevel = \"senior\"\nsalary = 145000\nyears_in_role = 3\nyears_experience = 8\n[situation]\nemployed = false\nother_offers = 0\n[[options]]\nid = \"manager\"\nrole = \"Computer and Information Systems Managers\"\nlevel = \"manager\"\nsalary = 170000\n",
    )
    .unwrap();
    assert!(!only(&up).circumstances.contains(&Circumstance::Necessity));
}

#[test]
fn an_acceptable_option_that_is_a_long_shot_says_so() {
    // A truck driver applying for a junior logistician's post: work that
    // transfers little, a landing far below one in ten.
    let o = only(
        &inline("[current]\nrole = \"Heavy and Tractor-Trailer Truck Drivers\"\nlevel = \"senior\"\nsalary = 64000\nyears_in_role = 8\nyears_experience = 15\n[goal]\nrole = \"Transportation, Storage, and Distribution Managers\"\nlevel = \"manager\"\nhorizon_years = 6\n[[options]]\nid = \"logistician\"\nrole = \"Logisticians\"\nlevel = \"junior\"\ndepartment = \"planning\"\nsalary = 58000\n").unwrap(),
    )
    .clone();
    assert!(o.landing < advisor::LONG_SHOT_BELOW, "{}", o.landing);
    // Not a would-be strategic option held back by the long shot: one the
    // rule for strategic options never looked at.
    assert!(o.success < advisor::LIKELY, "{}", o.success);
    assert_eq!(o.verdict, Verdict::Acceptable);
    assert!(has_reason(&o, "verdict.long_shot"), "{:?}", o.reasons);
}

#[test]
fn another_route_up_needs_a_real_path_onward() {
    // A blocked desk clerk stepping down two grades to a junior night
    // auditor's post: the only way on from there is a long shot, so it is
    // no other route up. (A grade down, it now leads on at 0.10 through
    // the office supervisor's post — a candidate since the first-line
    // supervision of one's own work always is.)
    let a = inline("[current]\nrole = \"Hotel, Motel, and Resort Desk Clerks\"\nlevel = \"senior\"\ndepartment = \"front office\"\nsalary = 36000\nyears_in_role = 3\nyears_experience = 5\n[goal]\nrole = \"Lodging Managers\"\nlevel = \"manager\"\nhorizon_years = 6\n[situation]\npromotion_blocked = true\n[[options]]\nid = \"night-auditor\"\nrole = \"Night Auditor\"\nlevel = \"junior\"\ndepartment = \"accounting\"\nsalary = 37000\n").unwrap();
    let o = only(&a);
    let onward = o.onward.as_ref().expect("a route onward exists");
    assert!(onward.probability < advisor::LONG_SHOT_BELOW, "{onward:?}");
    assert!(
        !o.circumstances.contains(&Circumstance::AnotherRouteUp),
        "{:?}",
        o.reasons
    );
    assert_ne!(o.verdict, Verdict::Strategic);
}

/// A closed way up where the person stands is one of their own limits: the
/// answer names it rather than blaming the data.
#[test]
fn a_blocked_ladder_is_named_when_it_is_what_stops_every_route() {
    let blocked = r#"
[current]
role = "Hotel, Motel, and Resort Desk Clerks"
level = "senior"
salary = 36000
years_in_role = 3
years_experience = 5
[goal]
role = "Lodging Managers"
level = "manager"
horizon_years = 5
[situation]
promotion_blocked = true
"#;
    let a = inline(blocked).unwrap();
    match &a.no_proposals {
        Some(advisor::NoProposals::NoRoute { limits, .. }) => {
            assert_eq!(limits, &[advisor::Limit::PromotionBlocked]);
        }
        other => panic!("{other:?}"),
    }
    // Open, the same ladder has moves to propose.
    let open =
        inline(&blocked.replace("promotion_blocked = true", "promotion_blocked = false")).unwrap();
    assert!(
        open.no_proposals.is_none() && !open.options.is_empty(),
        "{:?}",
        open.no_proposals
    );
}

#[test]
fn necessity_on_a_move_that_still_leads_to_the_goal_does_not_say_it_leads_away() {
    // A laid-off senior developer holds an offer as a QA lead: no reason of
    // the seeds' but necessity, yet the route onward reaches IT management.
    let a = inline("[current]\nrole = \"Software Developers\"\nlevel = \"senior\"\nsalary = 145000\nyears_in_role = 3\nyears_experience = 8\n[goal]\nrole = \"11-3021.00\"\nlevel = \"manager\"\nhorizon_years = 6\n[situation]\nemployed = false\nother_offers = 0\n[[options]]\nid = \"qa-lead\"\nrole = \"Software Quality Assurance Analysts and Testers\"\nlevel = \"senior\"\nsalary = 118000\noffered = true\n").unwrap();
    let o = only(&a);
    assert!(
        o.circumstances.contains(&Circumstance::Necessity),
        "{:?}",
        o.reasons
    );
    assert!(o.onward.is_some());
    let necessity_only = o
        .reasons
        .iter()
        .find(|r| matches!(r, Reason::NecessityOnly { .. }))
        .expect("necessity is the only reason");
    assert!(
        matches!(necessity_only, Reason::NecessityOnly { leads_on: true, .. }),
        "{necessity_only:?}"
    );
}

/// Circumstances fire on their own evidence. A patrol officer offered an
/// intermediate planner's post in emergency management — a management
/// occupation, but a post with no reports — does not gain management
/// experience there; offered its supervisor's post, he does.
#[test]
fn management_experience_needs_a_post_that_manages_people() {
    let officer = |level: &str| {
        let a = inline(&format!(
            r#"
[current]
role = "Police and Sheriff's Patrol Officers"
level = "senior"
salary = 78000
years_in_role = 9
years_experience = 9
manages_people = false
[goal]
role = "Emergency Management Directors"
level = "director"
horizon_years = 8
[[options]]
id = "planner"
role = "Emergency Management Directors"
level = "{level}"
salary = 66000
"#
        ))
        .unwrap();
        only(&a).circumstances.clone()
    };
    assert!(!officer("intermediate").contains(&Circumstance::ManagementExperience));
    assert!(officer("supervisor").contains(&Circumstance::ManagementExperience));
}

/// Changing profession "toward the goal" means into its occupation or
/// closer to it by the transition model, not merely into its SOC broad
/// group: a senior graphic designer's work transfers to art direction
/// better than an animator's, so an animator's post is no step toward
/// being an art director (it was said to be, with the scores printed the
/// wrong way round: "closer (0.61) than … (0.73)").
#[test]
fn a_profession_in_the_goals_group_is_not_closer_by_that_alone() {
    let a = inline(
        r#"
[current]
role = "Graphic Designers"
level = "senior"
salary = 72000
years_in_role = 4
years_experience = 9
[goal]
role = "Art Directors"
level = "manager"
horizon_years = 6
[[options]]
id = "animation"
role = "Special Effects Artists and Animators"
level = "senior"
"#,
    )
    .unwrap();
    let o = only(&a);
    let art = id("27-1011.00");
    let from_option = model().score(o.position.occupation, art);
    let from_current = model().score(id("27-1024.00"), art);
    assert!(
        from_option < from_current,
        "{from_option} vs {from_current}"
    );
    assert!(!o.circumstances.contains(&Circumstance::ChangeProfession));
}

/// With no options, the advisor proposes the first moves of the likeliest
/// routes, not the fastest: the likeliest route's first move is always
/// among the proposals (a teacher's five fast detours once hid the likelier
/// direct move into the goal's occupation).
#[test]
fn proposals_are_the_first_moves_of_the_likeliest_routes() {
    let text = r#"
[current]
role = "Elementary School Teachers, Except Special Education"
level = "intermediate"
salary = 64000
years_in_role = 10
years_experience = 10
education = "master"
[goal]
role = "Instructional Coordinators"
level = "senior"
horizon_years = 4
[situation]
promotion_blocked = true
"#;
    let profile = toml_profile(text);
    let a = advisor::advise(catalog(), model(), &profile).unwrap();
    let levels = advisor::person_levels(model(), &profile);
    let req = switchback_core::route::plan::Request::from_current(&profile, &levels);
    let plan = switchback_core::route::plan::plan(catalog(), model(), &req);
    let likeliest = plan
        .routes
        .iter()
        .filter(|r| r.steps[0].study_years == 0.0)
        .max_by(|x, y| x.probability.total_cmp(&y.probability))
        .expect("a route");
    let fastest = &plan.routes[0];
    assert!(
        likeliest.probability > fastest.probability,
        "the case in question"
    );
    let first = (
        likeliest.steps[0].to.occupation,
        likeliest.steps[0].to.level,
    );
    assert!(
        a.options
            .iter()
            .any(|o| (o.position.occupation, o.position.level) == first),
        "{first:?} not proposed"
    );
}

/// A degree nineteen in twenty of an occupation's workers name is a gate
/// where the occupation is entered from school: a chemical technician with
/// an associate's degree is not hired as a chemist (every chemist O*NET
/// asked names a bachelor's), so she studies first; with the bachelor's
/// she lands it. A sales manager's post is worked up to (BLS: related
/// experience), so a wholesale sales representative without a degree is
/// asked none, though 95.7% of sales managers name one.
#[test]
fn a_degree_nearly_every_worker_names_is_a_gate_where_the_work_is_entered_from_school() {
    let technician = |education: &str| {
        let a = inline(&format!(
            r#"
[current]
role = "Chemical Technicians"
level = "senior"
salary = 62000
years_in_role = 4
years_experience = 8
education = "{education}"
[goal]
role = "Chemists"
level = "senior"
horizon_years = 6
[[options]]
id = "chemist"
role = "Chemists"
level = "intermediate"
industry = "pharmaceuticals"
"#
        ))
        .unwrap();
        only(&a).clone()
    };
    let (without, with) = (technician("associate"), technician("bachelor"));
    let fit = assert_bachelors_gate(&without, &with);
    assert!(fit.named_share > 0.95, "{fit:?}");
    assert!(fit.factor < 0.05, "{fit:?}");
    assert!(has_reason(&without, "verdict.education_first"));
    assert_ne!(without.verdict, Verdict::Strategic);
    assert!(with.landing >= advisor::LONG_SHOT_BELOW, "{}", with.landing);
    assert!(!has_reason(&with, "verdict.education_first"));

    let rep = inline(
        r#"
[current]
role = "Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific Products"
level = "lead"
salary = 88000
years_in_role = 4
years_experience = 11
education = "high_school"
[goal]
role = "Sales Managers"
level = "manager"
horizon_years = 8
[[options]]
id = "supervisor"
role = "Sales Managers"
level = "supervisor"
"#,
    )
    .unwrap();
    let supervisor = only(&rep);
    assert_eq!(education_fit(supervisor), None, "worked up to: no gate");
    assert!(!has_reason(supervisor, "verdict.education_first"));
}

/// Where O*NET has no education survey of an occupation (its answers are
/// inferred from the rated occupations like it), BLS's typical entry
/// education gates as a survey would: marine engineering is entered from
/// school with a bachelor's (BLS), so a lead electrician with an
/// associate's degree is not hired as a marine engineer without it —
/// routes once sent one there at a landing of 0.22. With the degree, no
/// gate.
#[test]
fn bls_entry_education_gates_an_occupation_o_net_did_not_survey() {
    let marine = common::id("17-2121.00");
    assert!(model().profile(marine).education_inferred);
    let electrician = |education: &str| {
        let a = inline(&format!(
            r#"
[current]
role = "Electricians"
level = "lead"
salary = 88000
years_in_role = 5
years_experience = 15
education = "{education}"
[[options]]
id = "marine"
role = "Marine Engineers and Naval Architects"
level = "senior"
"#
        ))
        .unwrap();
        only(&a).clone()
    };
    assert_bachelors_gate(&electrician("associate"), &electrician("bachelor"));
}

/// An IT manager who wants to write software again can take a principal
/// developer's post now: stepping down two grades to a senior
/// developer's post "for technical experience" is no strategy, since the
/// goal's own work builds that experience and the direct way is likelier
/// and sooner — experience counts for itself only in other work.
#[test]
fn a_lower_post_of_the_goals_own_work_is_no_strategy_when_the_goal_is_open_now() {
    let advice = inline(
        r#"
[current]
role = "Computer and Information Systems Managers"
level = "manager"
industry = "software"
salary = 165000
years_in_role = 5
years_experience = 15
[goal]
role = "Software Developers"
level = "principal"
horizon_years = 3
[[options]]
id = "developer"
role = "Software Developers"
level = "senior"
industry = "software"
salary = 150000
"#,
    )
    .unwrap();
    let o = only(&advice);
    assert!(o.circumstances.contains(&Circumstance::TechnicalExperience));
    assert!(
        o.reasons.iter().any(|r| matches!(
            r,
            Reason::LikelierRoute { route, decides: true, .. }
                if route.steps.len() == 1 && route.steps[0].to.occupation == o.position.occupation
        )),
        "{:#?}",
        o.reasons
    );
    assert_eq!(o.verdict, Verdict::Acceptable);
}

/// A route from an option back into the person's own occupation earns
/// their own pay there, scaled by grade, not OEWS's estimate: a senior
/// accountant on $90,000 who weighs a budget analyst's post is not told
/// that coming back makes her $69,000 richer than staying. It comes back
/// only above her grade: back to her own post is no route onward.
#[test]
fn an_onward_route_back_into_ones_own_occupation_earns_ones_own_pay() {
    let with_goal = |level: &str| {
        let a = inline(&format!(
            r#"
[current]
role = "Accountants and Auditors"
level = "senior"
salary = 90000
years_in_role = 3
years_experience = 8
[goal]
role = "Accountants and Auditors"
level = "{level}"
horizon_years = 5
[[options]]
id = "budget"
role = "Budget Analysts"
level = "intermediate"
salary = 80000
"#
        ))
        .unwrap();
        only(&a).clone()
    };
    let back = with_goal("senior");
    assert!(back.onward.is_none(), "{:?}", back.onward);
    // A grade above hers scales from her pay as the occupation's grades do.
    let up = with_goal("lead");
    let last = *up.onward.as_ref().expect("a way up").steps.last().unwrap();
    let accountants = catalog().occupation(last.to.occupation);
    let scaled = switchback_core::position::scaled_salary(
        accountants,
        switchback_core::level::Level::Senior,
        90_000,
        switchback_core::level::Level::Lead,
    )
    .unwrap();
    assert_eq!(last.salary, scaled);
    assert!(!last.salary_stated);
}

/// "Another route up" is for a person whose way up is closed: a blocked
/// HR generalist who lists an HR supervisor's post at another firm has a
/// way up open to her application, so stepping down to a recruiter's post
/// is not another route up — without that post listed, it is.
#[test]
fn a_listed_post_up_is_a_way_up_a_blocked_person_has() {
    const BLOCKED: &str = r#"
[current]
role = "Human Resources Specialists"
level = "senior"
industry = "manufacturing"
salary = 72000
years_in_role = 4
years_experience = 7
education = "bachelor"
[goal]
role = "Human Resources Managers"
level = "manager"
horizon_years = 5
[situation]
promotion_blocked = true
[[options]]
id = "recruiter"
role = "Human Resources Specialists"
level = "intermediate"
salary = 62000
"#;
    const SUPERVISOR: &str = r#"
[[options]]
id = "supervisor"
role = "Human Resources Managers"
level = "supervisor"
industry = "healthcare"
salary = 70000
"#;
    let recruiter = |a: &Advice| {
        a.options
            .iter()
            .find(|o| o.id == "recruiter")
            .unwrap()
            .clone()
    };
    let alone = recruiter(&inline(BLOCKED).unwrap());
    assert!(
        alone.circumstances.contains(&Circumstance::AnotherRouteUp),
        "{:?}",
        alone.circumstances
    );
    let with_post = inline(&format!("{BLOCKED}{SUPERVISOR}")).unwrap();
    let beside = recruiter(&with_post);
    assert!(
        !beside.circumstances.contains(&Circumstance::AnotherRouteUp),
        "{:?}",
        beside.circumstances
    );
    assert_ne!(beside.verdict, Verdict::Strategic);
    // Listed, the post is judged as one applied for, not offered (the
    // planner's side: `route.rs`, a_blocked_way_up_leaves_a_listed_post_open).
    let supervisor = with_post
        .options
        .iter()
        .find(|o| o.id == "supervisor")
        .unwrap();
    assert!(supervisor.reasons.iter().any(|r| matches!(
        r,
        Reason::Landing { landing, .. } if landing.without_offer.is_none() && landing.chance < 1.0
    )));
}

/// Work of one's own field that asks less preparation builds nothing one
/// lacks: a blocked lead electrician offered an electrician's helper's
/// post (four grades down, $38,000 for $82,000) was told it "builds
/// technical experience" — the helpers' typical Mechanical rating above
/// his — and that it was strategic. It serves nothing: stay.
#[test]
fn a_helpers_post_in_ones_own_trade_builds_nothing() {
    let a = inline(
        r#"
[current]
role = "Electricians"
level = "lead"
salary = 82000
years_in_role = 5
years_experience = 14
manages_people = false
[goal]
role = "Construction Managers"
level = "manager"
horizon_years = 8
[situation]
promotion_blocked = true
[[options]]
id = "helper"
role = "Helpers--Electricians"
level = "entry"
salary = 38000
offered = true
"#,
    )
    .unwrap();
    let o = only(&a);
    assert!(o.circumstances.is_empty(), "{:?}", o.circumstances);
    assert_eq!(o.verdict, Verdict::NotRecommended);
    assert_eq!(o.instead, Some(Instead::Stay));
}

/// A post said to manage people and given no level is first-line
/// supervision at least: an intensive-care nurse's "Charge Nurse" option
/// with reports, read as another nursing specialty, was placed at that
/// specialty's typical grade — a step down "on the management track" —
/// and called no better than staying.
#[test]
fn a_post_with_reports_is_a_supervisors_grade_at_least() {
    let a = inline(
        r#"
[current]
role = "Critical Care Nurses"
level = "senior"
salary = 98000
years_in_role = 6
years_experience = 10
manages_people = false
[goal]
role = "Medical and Health Services Managers"
level = "manager"
horizon_years = 7
[[options]]
id = "charge-nurse"
role = "Acute Care Nurses"
salary = 101000
manages_people = true
"#,
    )
    .unwrap();
    let o = only(&a);
    assert_eq!(o.position.level, switchback_core::Level::Supervisor);
    assert_eq!(o.movement.kind, switchback_core::position::MoveKind::StepUp);
    assert!(
        o.circumstances
            .contains(&Circumstance::ManagementExperience)
    );
    assert_eq!(o.verdict, Verdict::Strategic);
}

/// "Your financial situation" (the seed): a person in work whose savings
/// last under three months is told that a pay cut is theirs to cover from
/// the first month, and by how much a month; with longer savings, or no
/// cut, nothing is said of it.
#[test]
fn a_pay_cut_on_short_savings_is_said_with_its_monthly_cost() {
    let advice = |months: f32| {
        inline(&format!(
            r#"
[current]
role = "Cooks, Restaurant"
level = "senior"
salary = 42000
years_in_role = 3
years_experience = 8
[situation]
employed = true
months_of_savings = {months}
[[options]]
id = "host"
role = "Hosts and Hostesses, Restaurant, Lounge, and Coffee Shop"
level = "intermediate"
salary = 31000
[[options]]
id = "supervisor"
role = "First-Line Supervisors of Food Preparation and Serving Workers"
level = "supervisor"
salary = 46000
"#
        ))
        .unwrap()
    };
    let runway = |a: &Advice, id: &str| {
        let o = a.options.iter().find(|o| o.id == id).unwrap();
        o.reasons.iter().find_map(|r| match r {
            Reason::Pay { short_runway, .. } => Some(*short_runway),
            _ => None,
        })
    };
    let short = advice(2.0);
    assert_eq!(runway(&short, "host"), Some(Some(2.0)));
    assert_eq!(runway(&short, "supervisor"), Some(None));
    assert_eq!(runway(&advice(6.0), "host"), Some(None));
}

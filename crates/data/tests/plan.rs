//! Development plans built from the example profiles on the real catalog:
//! every objective traces to a real gap in the O*NET data, the dates hang
//! together, learning comes from the catalogs, department goals align.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use common::{catalog, model};

use std::path::Path;

use jiff::civil::Date;
use switchback_core::advisor::{self, Circumstance, GAP_IMPORTANCE, GAP_LEVELS};
use switchback_core::development::learning::{ActivityKind, ActivitySource, LearningCatalog};
use switchback_core::development::{self, DevelopmentPlan, Gap, MilestoneKind};
use switchback_core::profile::Profile;
use switchback_core::{Level, OccupationId, OnetCode};
use switchback_data::learning;

const EXAMPLES: [&str; 8] = [
    "another-route-up-accountant",
    "broaden-horizons-marketer",
    "change-profession-teacher-to-trainer",
    "industry-change-finance-director",
    "management-experience-engineer",
    "necessity-laid-off-chef",
    "plainly-no-accountant",
    "technical-experience-analyst",
];

fn start() -> Date {
    "2027-01-04".parse().unwrap()
}

fn profile(name: &str) -> Profile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(format!("{name}.toml"));
    switchback_data::profile_file::load(&path, catalog()).unwrap()
}

fn bundled() -> LearningCatalog {
    LearningCatalog {
        organisation: vec![],
        bundled: learning::bundled(catalog())
            .activities
            .into_iter()
            .map(|(_, a)| a)
            .collect(),
    }
}

/// Every option of a profile, planned.
fn plans(name: &str, learning: &LearningCatalog) -> Vec<(Profile, DevelopmentPlan)> {
    let p = profile(name);
    let advice = advisor::advise(catalog(), model(), &p).unwrap();
    advice
        .options
        .iter()
        .map(|o| {
            let plan = development::build(catalog(), model(), &p, o, learning, start());
            (p.clone(), plan)
        })
        .collect()
}

fn occupation(code: &str) -> OccupationId {
    catalog().find_code(OnetCode::parse(code).unwrap()).unwrap()
}

#[test]
fn every_objective_traces_to_a_real_gap_in_the_data() {
    let learning = bundled();
    let mut objectives = 0;
    for name in EXAMPLES {
        for (profile, plan) in plans(name, &learning) {
            let next = occupation(plan.next_position.code.as_str());
            let current = profile.current.position.occupation;
            assert_eq!(plan.objectives.len(), plan.elements.len(), "{name}");
            for o in &plan.objectives {
                let e = &plan.elements[o.element as usize - 1];
                assert_eq!(e.number, o.element);
                match &e.gap {
                    Gap::Element {
                        onet_id,
                        have,
                        need,
                        importance,
                        self_assessed,
                        ..
                    } => {
                        let id = catalog().find_element(onet_id).unwrap();
                        let rating = catalog()
                            .occupation(next)
                            .skills
                            .iter()
                            .chain(&catalog().occupation(next).knowledge)
                            .find(|r| r.element == id);
                        // The next position's requirement is its O*NET rating
                        // (or the model's imputation for an unrated occupation).
                        let i = model()
                            .elements()
                            .ids
                            .iter()
                            .position(|x| *x == id)
                            .unwrap();
                        assert_eq!(*need, model().profile(next).level[i], "{name} {onet_id}");
                        if let Some(r) = rating {
                            assert_eq!(*need, r.level, "{name} {onet_id}");
                            assert_eq!(*importance, r.importance);
                        }
                        if !self_assessed {
                            assert_eq!(
                                *have,
                                model().profile(current).level[i],
                                "{name} {onet_id}"
                            );
                        }
                        assert!(*importance >= GAP_IMPORTANCE);
                        if e.gap.to_show() {
                            // Shown, not learned: only in a plan with no gap.
                            assert!(need - have < GAP_LEVELS);
                            assert!(plan.elements.iter().all(|e| e.gap.to_show()), "{name}");
                            assert!(
                                o.title.starts_with("Show ")
                                    && o.title.contains(&format!("at level {need:.1}")),
                                "{}",
                                o.title
                            );
                        } else {
                            assert!(need - have >= GAP_LEVELS);
                            assert!(
                                o.title.contains(&format!("{have:.1} to {need:.1}")),
                                "{}",
                                o.title
                            );
                        }
                    }
                    Gap::Technology { name: tech, .. } => {
                        let uses = |occ: OccupationId, asked_only: bool| {
                            catalog().occupation(occ).technologies.iter().any(|t| {
                                catalog().technology(t.technology).name == *tech
                                    && (t.in_demand || !asked_only)
                            })
                        };
                        assert!(
                            uses(next, true),
                            "{name}: {tech} is asked for in the next position"
                        );
                        assert!(
                            !uses(current, false),
                            "{name}: the person does not use {tech}"
                        );
                    }
                }
                assert!(o.serves_goal.contains(&e.gap.levels()));
                objectives += 1;
            }
        }
    }
    assert!(
        objectives >= 20,
        "the examples give plans with substance: {objectives}"
    );
}

#[test]
fn the_accountant_plans_toward_the_next_stop_on_the_route() {
    let (_, plan) = plans("another-route-up-accountant", &bundled()).remove(0);
    assert_eq!(plan.option_id, "finance-supervisor");
    assert_eq!(plan.new_position.title, "Financial Managers");
    assert_eq!(plan.new_position.level, Level::Supervisor);
    // The onward route's first stop, not the goal, sets the gaps.
    assert_eq!(plan.route.first(), Some(&plan.next_position));
    assert_eq!(plan.route.last(), plan.goal.as_ref());
    let names: Vec<&str> = plan.elements.iter().map(|e| e.gap.name()).collect();
    assert!(
        names.contains(&"Administration and Management"),
        "{names:?}"
    );
    assert!(
        names.contains(&"Personnel and Human Resources"),
        "{names:?}"
    );
}

#[test]
fn the_tenure_hangs_together() {
    for name in EXAMPLES {
        for (_, plan) in plans(name, &bundled()) {
            let t = &plan.tenure;
            assert!(
                t.start < t.earliest_move && t.earliest_move < t.latest_move,
                "{name}"
            );
            let dates: Vec<Date> = t.milestones.iter().map(|m| m.date).collect();
            assert!(dates.is_sorted(), "{name}: milestones in date order");
            assert!(dates.iter().all(|d| *d > t.start && *d <= t.latest_move));
            let kinds = |k| t.milestones.iter().filter(|m| m.kind == k).count();
            assert_eq!(kinds(MilestoneKind::TenureReview), 1);
            assert_eq!(kinds(MilestoneKind::EndOfTenure), 1);
            assert!(
                kinds(MilestoneKind::HrCheckpoint) >= 1,
                "{name}: the HR business partner takes part"
            );
            assert!(kinds(MilestoneKind::ManagerReview) >= 1, "{name}");
            for o in &plan.objectives {
                assert!(
                    o.due > t.start && o.due <= t.earliest_move,
                    "{name}: objective {} due {}",
                    o.number,
                    o.due
                );
                assert!(
                    t.milestones.iter().any(|m| m.date == o.due),
                    "{name}: objective {} falls due at a review",
                    o.number
                );
                let by: Vec<Date> = o.benchmarks.iter().map(|b| b.by).collect();
                assert!(by.is_sorted() && by.last() == Some(&o.due));
            }
            // Monthly check-ins from a month in to the end of tenure.
            assert_eq!(t.checkins_due.first(), Some(&"2027-02-04".parse().unwrap()));
            assert!(
                t.checkins_due
                    .windows(2)
                    .all(|w| (w[1] - w[0]).get_days() <= 31)
            );
            assert!(*t.checkins_due.last().unwrap() <= t.latest_move);
        }
    }
}

#[test]
fn the_tenure_follows_the_onward_route() {
    let p = profile("another-route-up-accountant");
    let advice = advisor::advise(catalog(), model(), &p).unwrap();
    let option = &advice.options[0];
    let route = option.onward.as_ref().unwrap();
    let plan = development::build(catalog(), model(), &p, option, &bundled(), start());
    let stay_days = (plan.tenure.earliest_move - plan.tenure.start).get_days();
    assert_eq!(stay_days, (route.steps[0].years * 365.25).round() as i32);
    assert!(
        plan.tenure
            .basis
            .contains(&format!("{:.1} years", route.steps[0].years))
    );
}

#[test]
fn every_gap_gets_learning_from_the_catalogs() {
    for name in EXAMPLES {
        for (_, plan) in plans(name, &bundled()) {
            for e in &plan.elements {
                assert!(!e.learning.is_empty(), "{name}: {}", e.gap.name());
                if e.gap.to_show() {
                    // What the person brings is shown in the work.
                    assert!(
                        e.learning
                            .iter()
                            .all(|s| s.activity.kind == ActivityKind::StretchAssignment),
                        "{name}: {:?}",
                        e.learning
                    );
                } else if let Gap::Element { .. } = e.gap {
                    assert!(
                        e.learning
                            .iter()
                            .all(|s| s.source == ActivitySource::Bundled),
                        "{name}: every skill and knowledge element is in the bundled catalog"
                    );
                }
            }
        }
    }
}

#[test]
fn the_organisations_courses_come_first() {
    let csv = "target,kind,title,provider,hours\n\
               Administration and Management,course,Leading in Acme,Acme Academy,16\n";
    let parsed = learning::parse("acme.csv", csv, catalog()).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let mut learning = bundled();
    learning.organisation = parsed.activities.into_iter().map(|(_, a)| a).collect();
    let (_, plan) = plans("another-route-up-accountant", &learning).remove(0);
    let e = plan
        .elements
        .iter()
        .find(|e| e.gap.name() == "Administration and Management")
        .unwrap();
    assert_eq!(e.learning[0].activity.title, "Leading in Acme");
    assert_eq!(e.learning[0].source, ActivitySource::Organisation);
    assert_eq!(e.learning[0].activity.hours, Some(16.0));
}

#[test]
fn objectives_align_to_department_goals_where_they_fit() {
    let (_, plan) = plans("another-route-up-accountant", &bundled()).remove(0);
    let aligned = |element: &str| {
        let e = plan
            .elements
            .iter()
            .find(|e| e.gap.name() == element)
            .unwrap();
        plan.objectives
            .iter()
            .find(|o| o.element == e.number)
            .unwrap()
            .department_goal
            .clone()
    };
    let named = aligned("Personnel and Human Resources").unwrap();
    assert_eq!(named.id, "grow-the-team");
    assert!(named.why.contains("names"), "{}", named.why);
    let worded = aligned("Sales and Marketing").unwrap();
    assert_eq!(worded.id, "pricing-support");
    assert!(worded.why.contains("market"), "{}", worded.why);
    assert_eq!(aligned("Education and Training"), None, "no goal fits");
}

#[test]
fn a_plan_round_trips_through_json() {
    for (_, plan) in plans("management-experience-engineer", &bundled()) {
        let text = serde_json::to_string(&plan).unwrap();
        let back: DevelopmentPlan = serde_json::from_str(&text).unwrap();
        assert_eq!(back, plan);
    }
}

#[test]
fn the_bundled_catalog_is_clean_and_covers_every_element() {
    let parsed = learning::bundled(catalog());
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let learning = bundled();
    for &id in &model().elements().ids {
        let e = catalog().element(id);
        let found = learning.for_element(&e.onet_id, &[]);
        assert!(
            found
                .iter()
                .any(|s| s.activity.kind
                    == switchback_core::development::learning::ActivityKind::Course),
            "{} {} has a course",
            e.onet_id,
            e.name
        );
    }
}

#[test]
fn bad_learning_rows_are_reported_by_line_and_good_rows_kept() {
    let csv = "Title,Kind,Target,Hours,URL,Notes\n\
               \"Finance, for managers\",course,2.B.5.b,12,https://example.org/f,ours\n\
               Budget shadowing,shadowing,2.B.5,,,\n\
               \"A title\nover two lines\",mentoring,Negotiation,,,\n\
               Bad kind,webinar,2.B.5.b,,,\n\
               Unknown,course,Negotation,,,\n\
               Ambiguous,course,Mathematics,,,\n\
               Hours,course,Microsoft Excel,-3,,\n\
               Address,course,Spreadsheet software,,ftp://x,\n\
               ,course,2.B.5.b,,,\n\
               \"Finance, for managers\",course,2.B.5.b,4,,\n\
               \n\
               Nine,course,2.Z,,,\n";
    let parsed = learning::parse("org.csv", csv, catalog()).unwrap();
    let lines: Vec<u64> = parsed.activities.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [2, 3, 4]);
    let first = &parsed.activities[0].1;
    assert_eq!(first.title, "Finance, for managers");
    assert_eq!(first.url.as_deref(), Some("https://example.org/f"));
    assert_eq!(parsed.activities[2].1.title, "A title\nover two lines");
    let errors: Vec<(u64, &str)> = parsed
        .errors
        .iter()
        .map(|e| (e.line, e.field.as_str()))
        .collect();
    assert_eq!(
        errors,
        [
            (6, "kind"),
            (7, "target"),
            (8, "target"),
            (9, "hours"),
            (10, "url"),
            (11, "title"),
            (12, "title"),
            (14, "target")
        ]
    );
    let message = |line| {
        parsed
            .errors
            .iter()
            .find(|e| e.line == line)
            .unwrap()
            .to_string()
    };
    assert!(message(6).contains("\"webinar\""), "{}", message(6));
    assert!(
        message(7).contains("did you mean \"Negotiation\""),
        "{}",
        message(7)
    );
    assert!(
        message(8).contains("2.A.1.e (skill) or 2.C.4.a (knowledge)"),
        "{}",
        message(8)
    );
    assert!(message(12).contains("repeats line 2"), "{}", message(12));

    let missing = learning::parse("x.csv", "title,kind\nA,course\n", catalog()).unwrap_err();
    assert!(
        missing.to_string().contains("no \"target\" column"),
        "{missing}"
    );
}

#[test]
fn a_necessary_step_down_learns_from_how_it_came_about() {
    let (_, plan) = plans("necessity-laid-off-chef", &bundled()).remove(0);
    assert!(plan.circumstances.contains(&Circumstance::Necessity));
    let first_hr = plan
        .tenure
        .milestones
        .iter()
        .find(|m| m.kind == MilestoneKind::HrCheckpoint)
        .unwrap();
    assert!(
        first_hr
            .agenda
            .iter()
            .any(|a| a.contains("how the move came about")),
        "{:?}",
        first_hr.agenda
    );
    // With no goal, the way on from a step down is the way back up: the
    // head chef's own post.
    assert_eq!(plan.next_position.code.as_str(), "35-1011.00");
    assert_eq!(plan.next_position.level, Level::Supervisor);
    // A chef stepping down to cook already has every important level a
    // head chef needs: the data give no gap, and the plan says so — and
    // still sets measurable objectives: to show the head chef's most
    // important work in the cook's role.
    assert!(!plan.elements.is_empty() && plan.elements.iter().all(|e| e.gap.to_show()));
    assert_eq!(plan.objectives.len(), plan.elements.len());
    assert!(
        plan.objectives.iter().all(|o| o
            .serves_goal
            .contains("toward Chefs and Head Cooks (supervisor)")),
        "{:?}",
        plan.objectives
    );
    assert!(
        plan.elements
            .iter()
            .any(|e| e.gap.name() == "Food Production"),
        "{:?}",
        plan.elements
    );
    assert!(first_hr.agenda[0].contains("no important gap"));
    assert!(
        first_hr.agenda[0].contains("show Food Production"),
        "{:?}",
        first_hr.agenda
    );
    assert!(
        plan.tenure
            .basis
            .starts_with("You gave no goal beyond this role")
    );
}

/// The talking points live the decision as the seeds ask — for a step down
/// or aside, never suggesting the role is beneath one; for a promotion,
/// not that line (it was said to a teacher made assistant principal) but
/// learning the team before changing it.
#[test]
fn a_promotions_talking_points_do_not_speak_of_stepping_down() {
    let learning = bundled();
    let mut kinds = Vec::new();
    // The route example has no options: its proposals include promotions.
    let names = EXAMPLES
        .iter()
        .chain(&["route-accountant-to-finance-director"]);
    for name in names {
        let p = profile(name);
        let advice = advisor::advise(catalog(), model(), &p).unwrap();
        for o in &advice.options {
            let plan = development::build(catalog(), model(), &p, o, &learning, start());
            let beneath = plan
                .talking_points
                .iter()
                .any(|t| t.text.contains("beneath you"));
            let up = o.movement.kind == switchback_core::position::MoveKind::StepUp;
            assert_eq!(beneath, !up, "{name} {}: {:?}", o.id, plan.talking_points);
            kinds.push(up);
        }
    }
    assert!(
        kinds.contains(&true) && kinds.contains(&false),
        "both kinds met"
    );
}

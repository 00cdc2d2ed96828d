//! The route planner on the real catalog.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use common::{catalog, id, model, toml_profile};

use switchback_core::Level;
use switchback_core::position::{
    MoveKind, Position, PositionSpec, estimated_salary, scaled_salary,
};
use switchback_core::route::plan::{self, Request, Route};

fn start(code: &str, level: Level, salary: u32, manages: bool) -> Position {
    Position::new(
        catalog(),
        id(code),
        PositionSpec {
            level: Some(level),
            salary: Some(salary),
            manages_people: Some(manages),
            ..PositionSpec::default()
        },
    )
}

fn request<'a>(start: &'a Position, goal: &str, level: Level, horizon: f32) -> Request<'a> {
    Request {
        start,
        years_in_role: 4.0,
        years_experience: 12.0,
        goal: id(goal),
        goal_level: level,
        horizon_years: horizon,
        min_salary: None,
        max_step_down: 2,
        max_step_down_offered: None,
        max_moves: 4,
        exclude: &[],
        to_goal: None,
        promotion_blocked: false,
        returns_home: false,
        lost_home: false,
        levels: None,
        experience_in: None,
        out_of_work: false,
        consider: Vec::new(),
        held: None,
        known_pay: Vec::new(),
        offered: Vec::new(),
        listed: Vec::new(),
        education: None,
    }
}

/// The plan a profile's `route` makes: from where the person stands, with
/// their own levels.
fn plan_from_where_they_stand(profile: &switchback_core::profile::Profile) -> plan::Plan {
    let levels = switchback_core::advisor::person_levels(model(), profile);
    plan::plan(catalog(), model(), &Request::from_current(profile, &levels))
}

fn check_constraints(r: &Route, req: &Request<'_>) {
    let c = catalog();
    let origin = req.experience_in.unwrap_or(req.start.occupation);
    for s in &r.steps {
        let to = c.occupation(s.to.occupation);
        let typical = switchback_core::position::typical_level(to).grade();
        // First-line supervision is one grade on a route.
        if to.is_management() && to.soc().major_number() != 11 && s.to.occupation != req.goal {
            assert!(s.to.level.grade() <= Level::Supervisor.grade(), "{s:?}");
        }
        // A newcomer is not hired at the top of an occupation's ladder.
        let outside = |o| !c.occupation(o).same_function(to);
        if s.from.occupation != s.to.occupation && outside(s.from.occupation) && outside(origin) {
            assert!(
                s.to.level.grade() <= typical + 1,
                "a newcomer's entry too high: {s:?}"
            );
        }
    }
    let last = r.steps.last().unwrap();
    assert_eq!(
        (last.to.occupation, last.to.level),
        (req.goal, req.goal_level),
        "ends at the goal"
    );
    assert_eq!(r.steps[0].from.occupation, req.start.occupation);
    assert!(r.years_to_goal <= req.horizon_years + 1e-4);
    assert!(r.steps.len() <= req.max_moves);
    let mut years = 0.0;
    for (i, s) in r.steps.iter().enumerate() {
        years += s.years;
        let delta = i16::from(s.to.level.grade()) - i16::from(s.from.level.grade());
        assert!(
            -delta <= i16::from(req.max_step_down),
            "step down too deep: {s:?}"
        );
        assert!(!req.exclude.contains(&s.to.occupation));
        if let Some(floor) = req.min_salary {
            assert!(s.salary >= floor, "{} below the floor {floor}", s.salary);
        }
        if i == 0 && req.promotion_blocked {
            assert!(
                s.to.level.grade() <= s.from.level.grade(),
                "promotion is blocked where the person stands: {s:?}"
            );
        }
        if i > 0 {
            assert_eq!(s.from, r.steps[i - 1].to, "steps chain");
        }
    }
    assert!((years - r.years_to_goal).abs() < 1e-3);
    assert!((0.0..=1.0).contains(&r.probability));
    // No newcomer's raise beyond MAX_NEWCOMER_RAISE (1.5) into another
    // function, without study on the way or a post the person names.
    let mut studied = false;
    for s in &r.steps {
        studied |= s.study_years > 0.0;
        let (from, to) = (
            c.occupation(s.from.occupation),
            c.occupation(s.to.occupation),
        );
        let named = s.entry != plan::Entry::Applied || req.listed.iter().any(|l| l.same_post(s.to));
        if !from.same_function(to) && !studied && !named && s.from_salary > 0 {
            assert!(
                f64::from(s.salary) <= f64::from(s.from_salary) * 1.5 + 1.0,
                "a newcomer's raise too great: {s:?}"
            );
        }
    }
    // A route never returns to a position it has left, the start included.
    let mut visited = vec![r.steps[0].from];
    for s in &r.steps {
        assert!(!visited.contains(&s.to), "returns to {:?}: {r:?}", s.to);
        visited.push(s.to);
    }
}

fn dominates(a: &Route, b: &Route) -> bool {
    a.years_to_goal <= b.years_to_goal
        && a.probability >= b.probability
        && a.min_salary >= b.min_salary
        && a.earnings_over_horizon >= b.earnings_over_horizon
        && a.steps.len() <= b.steps.len()
        && (a.years_to_goal < b.years_to_goal
            || a.probability > b.probability
            || a.min_salary > b.min_salary
            || a.earnings_over_horizon > b.earnings_over_horizon
            || a.steps.len() < b.steps.len())
}

#[test]
fn a_principal_accountant_finds_a_real_switchback_into_finance_management() {
    let s = start("13-2011.00", Level::Principal, 118_000, false);
    let req = request(&s, "11-3031.00", Level::Director, 8.0);
    let p = plan::plan(catalog(), model(), &req);
    assert!(!p.routes.is_empty());
    let switchback = p
        .routes
        .iter()
        .find(|r| r.switchback && r.steps[0].to.occupation == id("11-3031.00"))
        .expect("stepping down to a finance supervisor is a route up");
    assert_eq!(switchback.steps[0].kind, MoveKind::StepDown);
    assert_eq!(switchback.steps[0].to.level, Level::Supervisor);
    let direct = p.direct.as_ref().expect("a direct climb exists");
    assert!(direct.steps.iter().all(|s| s.kind != MoveKind::StepDown));
    // The switchback is worth considering: more likely than the direct climb.
    assert!(
        switchback.probability > direct.probability,
        "{switchback:?} vs {direct:?}"
    );
    for r in &p.routes {
        check_constraints(r, &req);
        assert!(
            p.routes.iter().all(|o| !dominates(o, r)),
            "no returned route is dominated"
        );
    }
}

#[test]
fn constraints_hold_on_every_route() {
    let s = start("29-1141.00", Level::Lead, 95_000, false);
    let mut req = request(&s, "11-9111.00", Level::Director, 10.0);
    req.min_salary = Some(90_000);
    req.max_step_down = 1;
    req.promotion_blocked = true;
    let excluded = [id("29-1141.04"), id("29-1141.01")];
    req.exclude = &excluded;
    req.max_moves = 3;
    let p = plan::plan(catalog(), model(), &req);
    assert!(
        p.routes.len() >= 2,
        "the constraints leave routes to check: {:?}",
        p.routes
    );
    for r in p.routes.iter().chain(&p.direct) {
        check_constraints(r, &req);
    }
}

#[test]
fn an_unreachable_goal_is_an_answer_with_the_nearest_route() {
    let s = start("35-2011.00", Level::Entry, 30_000, false);
    let req = request(&s, "11-1011.00", Level::Executive, 2.0);
    let p = plan::plan(catalog(), model(), &req);
    assert!(p.routes.is_empty());
    assert!(p.direct.is_none());
    if let Some(n) = &p.nearest {
        assert!(n.years_to_goal > 2.0);
    }
}

#[test]
fn salaries_follow_the_level_rule() {
    // The typical level takes the median; two grades up the 90th percentile.
    let fm = catalog().occupation(id("11-3031.00"));
    let w = &fm.wages.as_ref().unwrap().annual;
    assert_eq!(estimated_salary(fm, Level::Manager), w.median);
    assert_eq!(estimated_salary(fm, Level::Director), w.p90);
    assert_eq!(estimated_salary(fm, Level::Supervisor), w.p25);
}

/// A horizon no profile can give (the profile check refuses them) still
/// leaves the search bounded: it answers, within [`plan::MAX_SEARCH_YEARS`].
#[test]
fn an_unbounded_horizon_cannot_make_the_search_unbounded() {
    let s = start("13-2011.00", Level::Principal, 118_000, false);
    for horizon in [f32::INFINITY, f32::NAN, f32::MAX, -1.0] {
        let req = request(&s, "11-3031.00", Level::Director, horizon);
        let answer = plan::plan(catalog(), model(), &req);
        for r in &answer.routes {
            assert!(r.years_to_goal <= plan::MAX_SEARCH_YEARS, "{horizon}");
        }
        if let Some(r) = plan::best_route(catalog(), model(), &req) {
            assert!(r.years_to_goal.is_finite());
        }
    }
}

/// A registered nurse aiming to become a nurse practitioner: three in four
/// nurse practitioners say the job needs a master's degree, a nurse's
/// typical education is a bachelor's, so the move waits for two years of
/// study; a nurse who says she has the master's moves without it.
#[test]
fn a_nurse_studies_for_the_masters_a_nurse_practitioner_needs() {
    let s = start("29-1141.00", Level::Senior, 90_000, false);
    let req = request(&s, "29-1171.00", Level::Senior, 6.0);
    let p = plan::plan(catalog(), model(), &req);
    assert!(!p.routes.is_empty());
    for r in &p.routes {
        check_constraints(r, &req);
        // At least the two years of a master's on the way, each study done
        // before moving into the post that asks for it.
        let studied: f32 = r.steps.iter().map(|m| m.study_years).sum();
        assert!(studied >= 2.0 - 1e-4, "{r:?}");
        for m in r.steps.iter().filter(|m| m.study_years > 0.0) {
            assert!(
                m.years >= m.study_years - 1e-4,
                "waits for the study: {m:?}"
            );
            assert!(m.study_for >= Some(8), "a master's degree or more: {m:?}");
        }
        assert!(r.years_to_goal >= 2.0 - 1e-4);
        // Never past the goal in its own occupation.
        assert!(
            r.steps.iter().all(
                |m| m.to.occupation != req.goal || m.to.level.grade() <= req.goal_level.grade()
            )
        );
    }
    let direct = p
        .routes
        .iter()
        .find(|r| r.steps.len() == 1)
        .expect("straight to nurse practitioner");
    assert_eq!(direct.steps[0].study_for, Some(8), "a master's degree");
    let schooled = Request {
        education: Some(8),
        ..req.clone()
    };
    let p = plan::plan(catalog(), model(), &schooled);
    let fastest = &p.routes[0];
    assert!(
        fastest
            .steps
            .iter()
            .all(|m| m.study_years == 0.0 && m.study_for.is_none())
    );
    assert!(fastest.years_to_goal < 2.0, "{fastest:?}");
}

/// Moving within one's own occupation, or where O*NET gives no education,
/// never asks for study.
#[test]
fn no_study_is_asked_to_climb_ones_own_ladder() {
    let s = start("13-2011.00", Level::Principal, 118_000, false);
    let req = request(&s, "11-3031.00", Level::Director, 8.0);
    let p = plan::plan(catalog(), model(), &req);
    let own = request(&s, "13-2011.00", Level::Lead, 8.0);
    let climb = plan::plan(catalog(), model(), &own);
    for r in p.routes.iter().chain(&climb.routes) {
        for m in &r.steps {
            if m.to.occupation == s.occupation {
                assert_eq!(m.study_years, 0.0, "{m:?}");
            }
        }
    }
    assert!(!climb.routes.is_empty());
}

/// A nurse paid below the national median for her grade: the other grades
/// of her own occupation are paid as she is, relative to OEWS, so a grade
/// below hers never pays more than she earns; other occupations keep the
/// OEWS estimate.
#[test]
fn pay_in_ones_own_occupation_scales_from_ones_own() {
    let s = start("29-1141.00", Level::Senior, 90_000, false);
    let rn = catalog().occupation(id("29-1141.00"));
    let national = estimated_salary(rn, Level::Senior).unwrap();
    assert!(national > 90_000, "the premise: she earns below the median");
    let req = request(&s, "29-1141.00", Level::Principal, 8.0);
    let p = plan::plan(catalog(), model(), &req);
    let mut seen = 0;
    for m in p.routes.iter().flat_map(|r| &r.steps) {
        let o = catalog().occupation(m.to.occupation);
        let want = if m.to.occupation == s.occupation {
            seen += 1;
            scaled_salary(o, Level::Senior, 90_000, m.to.level).unwrap()
        } else {
            estimated_salary(o, m.to.level).unwrap()
        };
        assert_eq!(m.salary, want, "{m:?}");
        if m.to.occupation == s.occupation && m.to.level.grade() < 4 {
            assert!(m.salary < 90_000, "{m:?}");
        }
    }
    assert!(seen > 0, "some route passes through her own occupation");
    // A grade below hers, wherever a route meets it, pays less than she earns.
    let below = scaled_salary(rn, Level::Senior, 90_000, Level::Intermediate).unwrap();
    assert!(below < 90_000 && below < estimated_salary(rn, Level::Intermediate).unwrap());
}

/// A route planned from an offer scales the offer's occupation from the
/// offer: a county paying an emergency management specialist $78,000 — far
/// above OEWS's 10th percentile for the grade — pays its later grades
/// above the national estimate too, never beyond the occupation's highest
/// published percentile; so a pay floor of $75,000 does not rule out the
/// promotions the offer leads to.
#[test]
fn a_route_from_an_offer_scales_pay_from_the_offer() {
    let em = id("11-9161.00");
    let occupation = catalog().occupation(em);
    let offer = start("11-9161.00", Level::Intermediate, 78_000, false);
    let national = estimated_salary(occupation, Level::Intermediate).unwrap();
    assert!(national < 78_000, "the premise: the offer pays above OEWS");
    let req = Request {
        min_salary: Some(75_000),
        years_in_role: 0.0,
        experience_in: Some(id("33-1012.00")),
        ..request(&offer, "11-9161.00", Level::Director, 8.0)
    };
    let route = plan::best_route(catalog(), model(), &req).expect("the promotions clear the floor");
    let p90 = occupation.wages.as_ref().unwrap().annual.p90.unwrap();
    for m in route.steps.iter().filter(|m| m.to.occupation == em) {
        let want = scaled_salary(occupation, Level::Intermediate, 78_000, m.to.level).unwrap();
        assert_eq!(m.salary, want, "{m:?}");
        assert!(m.salary >= 75_000 && m.salary <= p90.max(78_000), "{m:?}");
    }
}

/// One model, two questions (issue #10): a principal developer with no way
/// up where she stands, aiming at IT director in six years, is offered a
/// first-line IT supervisor post. The advisor plans the option's onward
/// route; the planner, asked the same question from where she stands,
/// must find the same switchback — the step down, then the onward route —
/// at the same time and chance. It used to miss it: the position after
/// the step down kept only its six earliest arrivals, and the likelier,
/// later one gave way.
#[test]
fn the_planner_finds_the_switchback_the_advisor_judges() {
    let text = r#"
[current]
role = "Software Developers"
level = "principal"
salary = 165000
years_in_role = 3
years_experience = 12
manages_people = false
education = "bachelor"
[goal]
role = "Computer and Information Systems Managers"
level = "director"
horizon_years = 6
[situation]
promotion_blocked = true
[[options]]
id = "it-supervisor"
role = "Computer and Information Systems Managers"
level = "supervisor"
salary = 150000
"#;
    let profile = toml_profile(text);
    let advice = switchback_core::advisor::advise(catalog(), model(), &profile).unwrap();
    let option = &advice.options[0];
    let onward = option.onward.as_ref().expect("the advisor's onward route");

    let s = &profile.current.position;
    let levels = switchback_core::advisor::person_levels(model(), &profile);
    let req = Request {
        promotion_blocked: true,
        ..Request::for_profile(&profile, s, profile.current.years_in_role, &levels)
    };
    let plan = plan::plan(catalog(), model(), &req);
    let switchback = plan
        .routes
        .iter()
        .find(|r| {
            r.steps[0].to.occupation == option.position.occupation
                && r.steps[0].to.level == option.position.level
        })
        .unwrap_or_else(|| panic!("no route through the option: {:#?}", plan.routes));
    check_constraints(switchback, &req);
    assert!(switchback.switchback);
    assert_eq!(switchback.steps[0].kind, MoveKind::StepDown);
    // The first move is made now (she has been in her role long enough);
    // the rest is the advisor's onward route, move for move.
    assert_eq!(switchback.steps[0].years, 0.0);
    assert_eq!(switchback.steps.len(), onward.steps.len() + 1);
    for (planned, advised) in switchback.steps[1..].iter().zip(&onward.steps) {
        assert_eq!(
            (planned.to.occupation, planned.to.level),
            (advised.to.occupation, advised.to.level)
        );
        assert!((planned.landing - advised.landing).abs() < 1e-6);
    }
    assert!((switchback.years_to_goal - onward.years_to_goal).abs() < 1e-3);
    let chance = switchback.steps[0].landing * onward.probability;
    assert!(
        (switchback.probability - chance).abs() < 1e-4,
        "{} vs {chance}",
        switchback.probability
    );
}

/// Planning from where the person stands considers the occupations of the
/// options they weigh. A welder offered an inspector's post on the way to
/// quality control management was told by `advise` that the post leads on
/// to the goal, while `route` found no route at all, even within three
/// horizons: inspectors were not among the occupations best placed between
/// welding and quality management by the transition scores alone.
#[test]
fn routes_from_where_one_stands_pass_through_the_options_one_weighs() {
    let text = r#"
[current]
role = "Welders, Cutters, Solderers, and Brazers"
level = "senior"
salary = 58000
years_in_role = 10
years_experience = 15
education = "certificate"
[goal]
role = "Quality Control Systems Managers"
level = "manager"
horizon_years = 8
[[options]]
id = "weld-inspector"
role = "Inspectors, Testers, Sorters, Samplers, and Weighers"
level = "intermediate"
salary = 54000
"#;
    let profile = toml_profile(text);
    let inspectors = profile.options[0].position.occupation;
    let levels = switchback_core::advisor::person_levels(model(), &profile);
    let req = Request::from_current(&profile, &levels);
    assert_eq!(req.consider, vec![inspectors]);
    let through = |req: &Request<'_>| {
        let plan = plan::plan(catalog(), model(), req);
        plan.routes
            .iter()
            .filter(|r| r.steps.iter().any(|m| m.to.occupation == inspectors))
            .inspect(|r| check_constraints(r, req))
            .count()
    };
    // Since the first-line supervision of one's own work is always a
    // candidate, the welder's likeliest way is the production supervisor's
    // post, whose routes beat the inspector's on every criterion; without
    // it, the option's routes are there.
    let supervisor = switchback_core::chances::own_supervisor(
        catalog(),
        model(),
        profile.current.position.occupation,
    )
    .expect("welders have a first-line supervisor");
    let likeliest = plan::plan(catalog(), model(), &req)
        .routes
        .into_iter()
        .max_by(|a, b| a.probability.total_cmp(&b.probability))
        .expect("a route");
    assert_eq!(
        likeliest.steps[0].to.occupation, supervisor,
        "{likeliest:?}"
    );
    let without = [supervisor];
    let req = Request {
        exclude: &without,
        ..Request::from_current(&profile, &levels)
    };
    assert!(through(&req) > 0, "a route through the inspector's post");
    // The post the option names pays what the option says, on every route.
    let stated: Vec<_> = plan::plan(catalog(), model(), &req)
        .routes
        .iter()
        .flat_map(|r| r.steps.clone())
        .filter(|m| m.to.occupation == inspectors)
        .map(|m| (m.to.level, m.salary, m.salary_stated))
        .collect();
    assert!(
        stated.contains(&(Level::Intermediate, 54_000, true)),
        "{stated:?}"
    );
    assert!(
        stated.iter().all(
            |&(level, pay, known)| known == (level == Level::Intermediate)
                && (!known || pay == 54_000)
        ),
        "{stated:?}"
    );
    // Without the option, the shortlist alone does not hold it.
    let alone = toml_profile(text.split("[[options]]").next().unwrap());
    let req = Request {
        exclude: &without,
        ..Request::from_current(&alone, &levels)
    };
    assert!(req.consider.is_empty());
    assert_eq!(through(&req), 0);
}

/// A management occupation is entered at supervisor: a route never passes
/// through a "senior" production manager's post (a blocked electrician's
/// routes to construction manager once did). One's own occupation is
/// climbed from one's own grade: an entry-level health services manager
/// reaches director, where no route once climbed from entry.
#[test]
fn management_posts_start_at_supervisor_and_ones_own_ladder_starts_where_one_stands() {
    let electrician = start("47-2111.00", Level::Senior, 78_000, false);
    let req = Request {
        promotion_blocked: true,
        max_moves: 6,
        ..request(&electrician, "11-9021.00", Level::Manager, 6.0)
    };
    let p = plan::plan(catalog(), model(), &req);
    let steps: Vec<_> = p
        .routes
        .iter()
        .chain(&p.nearest)
        .flat_map(|r| &r.steps)
        .collect();
    assert!(!steps.is_empty());
    for m in steps {
        if catalog().occupation(m.to.occupation).is_management() {
            assert!(m.to.level.grade() >= 5, "{m:?}");
        }
    }

    let entry = start("11-9111.00", Level::Entry, 62_000, false);
    let req = request(&entry, "11-9111.00", Level::Director, 30.0);
    let p = plan::plan(catalog(), model(), &req);
    let best = p.routes.first().expect("the ladder is climbed");
    assert!(
        best.steps
            .iter()
            .all(|m| m.to.occupation == entry.occupation)
    );
    assert!(best.years_to_goal <= 30.0);
}

/// With the way up where one stands closed, stepping down one's own
/// occupation's ladder only to climb it again is no route: a blocked
/// plumber was once told to become an intermediate plumber on the way to
/// foreman.
#[test]
fn a_blocked_ladder_is_not_climbed_again_from_lower_down() {
    let plumber = start("47-2152.00", Level::Senior, 74_000, false);
    let req = Request {
        promotion_blocked: true,
        max_moves: 6,
        ..request(&plumber, "11-9021.00", Level::Manager, 8.0)
    };
    let p = plan::plan(catalog(), model(), &req);
    let firsts: Vec<_> = p
        .routes
        .iter()
        .chain(&p.nearest)
        .chain(&p.direct)
        .filter_map(|r| r.steps.first())
        .collect();
    for m in firsts {
        // No grade up out of the closed post (a better-paid profession
        // entered lower down may be a step up by pay: its ladder is not
        // the closed one).
        assert!(m.to.level.grade() <= m.from.level.grade(), "{m:?}");
        assert!(
            !(m.kind == MoveKind::StepDown && m.to.occupation == plumber.occupation),
            "{m:?}"
        );
    }
    let open = plan::plan(
        catalog(),
        model(),
        &Request {
            promotion_blocked: false,
            returns_home: false,
            lost_home: false,
            ..req.clone()
        },
    );
    assert!(!open.routes.is_empty(), "unblocked, the ladder is climbed");
}

/// A specialty of the goal's own SOC occupation is no way past the goal:
/// a route to financial manager never passes a treasurer's post above the
/// goal's grade and steps back down to it.
#[test]
fn no_route_overshoots_the_goal_through_a_specialty_of_its_occupation() {
    let accountant = start("13-2011.00", Level::Principal, 118_000, false);
    let goal = id("11-3031.00");
    let req = Request {
        max_moves: 6,
        ..request(&accountant, "11-3031.00", Level::Manager, 10.0)
    };
    let p = plan::plan(catalog(), model(), &req);
    assert!(!p.routes.is_empty());
    let soc = catalog().occupation(goal).soc();
    for m in p.routes.iter().flat_map(|r| &r.steps) {
        if catalog().occupation(m.to.occupation).soc() == soc {
            assert!(m.to.level.grade() <= Level::Manager.grade(), "{m:?}");
        }
    }
}

#[test]
fn a_person_out_of_work_is_compared_with_no_pay_not_their_last() {
    // A head chef whose kitchen closed: $62,000 was their last pay, not
    // what they earn now.
    let chef = start("35-1011.00", Level::Supervisor, 62_000, true);
    let employed = request(&chef, "11-9051.00", Level::Manager, 6.0);
    // Out of work, no years in a post shorten the first stay: the first
    // move is made at once all the same.
    let idle = Request {
        out_of_work: true,
        consider: Vec::new(),
        held: None,
        known_pay: Vec::new(),
        offered: Vec::new(),
        listed: Vec::new(),
        years_in_role: 0.0,
        ..employed.clone()
    };
    let (working, laid_off) = (
        plan::plan(catalog(), model(), &employed),
        plan::plan(catalog(), model(), &idle),
    );
    assert!(!laid_off.routes.is_empty());
    // Employed, the chef's own pay is on every route's floor.
    assert!(working.routes.iter().all(|r| r.min_salary <= 62_000));
    assert!(
        laid_off.routes.iter().all(|r| r.steps[0].years == 0.0),
        "{:?}",
        laid_off.routes
    );
    for r in laid_off
        .routes
        .iter()
        .filter(|r| !r.steps.iter().any(|s| s.study_full_time))
    {
        let taken = r.steps.iter().map(|s| s.salary).min().unwrap();
        assert_eq!(
            r.min_salary, taken,
            "the positions taken set the floor: {r:?}"
        );
        // Nothing is earned before the first move.
        let first = &r.steps[0];
        let paid: f32 = r
            .steps
            .windows(2)
            .map(|w| w[0].salary as f32 * w[1].years)
            .sum::<f32>()
            + r.steps.last().unwrap().salary as f32 * (r.earnings_horizon_years - r.years_to_goal);
        let slack = 2.0 * r.steps.len() as f32 + 0.001 * paid;
        assert!(
            (r.earnings_over_horizon as f32 - paid).abs() <= slack,
            "{} earned against {paid} from the moves alone (first stay {}): {r:?}",
            r.earnings_over_horizon,
            first.years,
        );
    }
    assert!(
        laid_off.routes.iter().any(|r| r.min_salary > 62_000),
        "a route into better-paid posts has a floor above the last pay: {:?}",
        laid_off
            .routes
            .iter()
            .map(|r| r.min_salary)
            .collect::<Vec<_>>()
    );
}

#[test]
fn no_route_climbs_and_steps_back_down_to_where_it_started() {
    // A senior developer aiming at IT management, out of work or not: a
    // route once went up to lead, back down to senior at once (the years
    // already served counted again) and on from there.
    let s = start("15-1252.00", Level::Senior, 145_000, false);
    for out_of_work in [false, true] {
        let req = Request {
            years_in_role: 3.0,
            years_experience: 8.0,
            max_moves: 6,
            out_of_work,
            ..request(&s, "11-3021.00", Level::Manager, 6.0)
        };
        let p = plan::plan(catalog(), model(), &req);
        assert!(p.routes.len() >= 3, "{:?}", p.routes);
        for r in p.routes.iter().chain(&p.direct) {
            check_constraints(r, &req);
        }
    }
}

/// A senior graphic designer aiming at art director is not sent to lead
/// special-effects animators at once, at the 90th percentile of their pay
/// (+146%): a newcomer to an occupation outside their function enters it
/// at most a grade above its typical level. Every route test checks the
/// rule (`check_constraints`); here, the route that broke it is gone.
#[test]
fn a_newcomer_is_not_hired_at_the_top_of_another_occupations_ladder() {
    let designer = start("27-1024.00", Level::Senior, 72_000, false);
    let req = request(&designer, "27-1011.00", Level::Manager, 6.0);
    let p = plan::plan(catalog(), model(), &req);
    assert!(!p.routes.is_empty());
    let animators = id("27-1014.00");
    for r in &p.routes {
        check_constraints(r, &req);
        // Entered from outside at lead; a route may still climb to it
        // from an animator's post at their typical grade.
        assert!(
            !r.steps.iter().any(|s| s.to.occupation == animators
                && s.from.occupation != animators
                && s.to.level == Level::Lead),
            "{r:?}"
        );
    }
}

/// A closed way up is the person's own ladder, not an employer's offer: a
/// blocked senior records specialist who holds an offer for a health
/// information supervisor's post takes it now (landing 1, no wait), and
/// climbs on from it; listed without the offer it is applied for; neither
/// listed nor offered, no route steps up out of her post.
#[test]
fn a_held_offer_opens_a_blocked_way_up() {
    let text = r#"
[current]
role = "Medical Records Specialists"
level = "senior"
salary = 56000
years_in_role = 5
years_experience = 8
[goal]
role = "Medical and Health Services Managers"
level = "manager"
horizon_years = 6
[situation]
promotion_blocked = true
[[options]]
id = "him-supervisor"
role = "Medical and Health Services Managers"
level = "supervisor"
salary = 64000
offered = true
"#;
    let profile = toml_profile(text);
    let levels = switchback_core::advisor::person_levels(model(), &profile);
    let offer = plan::Stop::of(&profile.options[0].position);
    let req = Request::from_current(&profile, &levels);
    assert_eq!(req.offered, vec![offer]);
    let routes = plan::plan(catalog(), model(), &req).routes;
    let first = routes
        .iter()
        .filter_map(|r| r.steps.first())
        .find(|m| m.to == offer)
        .expect("a route through the offer");
    assert_eq!(
        (first.landing, first.years, first.salary),
        (1.0, 0.0, 64_000)
    );
    assert_eq!(first.entry, plan::Entry::Offer);
    // Every other move is applied for.
    for r in &routes {
        for m in r.steps.iter().filter(|m| !m.to.same_post(offer)) {
            assert_eq!(m.entry, plan::Entry::Applied);
        }
    }
    // The same post under the grade's other name (lead for supervisor),
    // and for a person with too little experience to be hired there
    // without the offer: the offer is still landed at once.
    let other_name = text
        .replace("level = \"supervisor\"", "level = \"lead\"")
        .replace(
            "years_in_role = 5\nyears_experience = 8",
            "years_in_role = 1\nyears_experience = 1",
        );
    let profile = toml_profile(&other_name);
    let req = Request::from_current(&profile, &levels);
    let routes = plan::plan(catalog(), model(), &req).routes;
    let first = routes
        .iter()
        .filter_map(|r| r.steps.first())
        .find(|m| m.to.same_post(offer))
        .expect("a route through the offer, named lead");
    assert_eq!(
        (first.landing, first.years, first.salary),
        (1.0, 0.0, 64_000)
    );
    // A post she lists without an offer stays open too (it is elsewhere),
    // but it is applied for: no certain landing.
    let unoffered = toml_profile(&text.replace("offered = true", "offered = false"));
    let req = Request::from_current(&unoffered, &levels);
    let routes = plan::plan(catalog(), model(), &req).routes;
    let listed = routes
        .iter()
        .filter_map(|r| r.steps.first())
        .find(|m| m.to == offer)
        .expect("a route through the listed post");
    assert_eq!(listed.entry, plan::Entry::Applied);
    assert!(listed.landing < 1.0, "{listed:?}");
    // Neither listed nor offered: no step up out of her closed post.
    let unlisted = toml_profile(text.split("[[options]]").next().unwrap());
    let req = Request::from_current(&unlisted, &levels);
    let routes = plan::plan(catalog(), model(), &req).routes;
    assert!(
        routes
            .iter()
            .filter_map(|r| r.steps.first())
            .all(|m| m.to.level.grade() <= m.from.level.grade()),
        "no step up out of a closed post"
    );
}

/// A chemical technician with an associate's degree studies two years,
/// alongside the work, for the bachelor's every chemist names before a
/// chemist's post; with the bachelor's, no study. A sales manager's post,
/// worked up to, asks no degree of a sales representative.
#[test]
fn a_technician_studies_for_the_bachelors_a_chemist_needs() {
    let s = start("19-4031.00", Level::Senior, 62_000, false);
    let req = Request {
        education: Some(5),
        ..request(&s, "19-2031.00", Level::Senior, 6.0)
    };
    let p = plan::plan(catalog(), model(), &req);
    assert!(!p.routes.is_empty());
    for r in &p.routes {
        check_constraints(r, &req);
        let studied: f32 = r.steps.iter().map(|m| m.study_years).sum();
        assert!(studied >= 2.0 - 1e-4, "{r:?}");
        let into_chemists = r
            .steps
            .iter()
            .find(|m| m.to.occupation == req.goal)
            .unwrap();
        let before: Vec<_> = r
            .steps
            .iter()
            .take_while(|m| m.to.occupation != req.goal)
            .chain([into_chemists])
            .collect();
        assert!(
            before.iter().any(|m| m.study_for == Some(6)),
            "a bachelor's before the first chemist's post: {r:?}"
        );
        assert!(r.steps.iter().all(|m| !m.study_full_time));
    }
    let schooled = Request {
        education: Some(6),
        ..req.clone()
    };
    let p = plan::plan(catalog(), model(), &schooled);
    assert!(p.routes[0].steps.iter().all(|m| m.study_years == 0.0));

    let rep = start("41-4012.00", Level::Lead, 88_000, false);
    let req = Request {
        education: Some(2),
        ..request(&rep, "11-2022.00", Level::Manager, 8.0)
    };
    let p = plan::plan(catalog(), model(), &req);
    assert!(!p.routes.is_empty());
    for r in &p.routes {
        for m in r.steps.iter().filter(|m| m.to.occupation == req.goal) {
            assert_eq!(m.study_for, None, "{r:?}");
        }
    }
}

/// A closed way up where one stands closes one's own ladder, not a post
/// one lists and may apply for: a blocked HR specialist is routed through
/// the HR supervisor's post she weighs (landed at its chance, not
/// outright), and through no other step up out of her post.
#[test]
fn a_blocked_way_up_leaves_a_listed_post_open() {
    let s = start("13-1071.00", Level::Senior, 72_000, false);
    let blocked = Request {
        promotion_blocked: true,
        ..request(&s, "11-3121.00", Level::Manager, 5.0)
    };
    let post = plan::Stop {
        occupation: id("11-3121.00"),
        level: Level::Supervisor,
    };
    let first_up = |p: &plan::Plan| {
        p.routes
            .iter()
            .filter(|r| r.steps[0].kind == switchback_core::position::MoveKind::StepUp)
            .map(|r| r.steps[0])
            .collect::<Vec<_>>()
    };
    assert!(first_up(&plan::plan(catalog(), model(), &blocked)).is_empty());
    let listed = Request {
        listed: vec![post],
        ..blocked.clone()
    };
    let ups = first_up(&plan::plan(catalog(), model(), &listed));
    assert!(!ups.is_empty());
    for m in ups {
        assert!(m.to.same_post(post), "{m:?}");
        assert!(m.landing < 1.0, "applied for: {m:?}");
    }
}

/// Health care's licensed professions are entered through an accredited
/// programme: a medical assistant with a certificate, aiming to be a
/// registered nurse, was routed into nursing at once (a landing of 0.41,
/// no study asked, the associate's degree three in four nurses name not
/// being the nineteen in twenty the general rule asks). Every route now
/// studies for it first; with the degree, none does. A licensed practical
/// nurse's certificate asks no degree, so that post stays open at once.
#[test]
fn a_licensed_health_profession_is_entered_through_its_degree() {
    let text = |education: &str| {
        format!(
            r#"
[current]
role = "Medical Assistants"
level = "senior"
salary = 40000
years_in_role = 5
years_experience = 8
education = "{education}"
[goal]
role = "Registered Nurses"
level = "intermediate"
horizon_years = 6
"#
        )
    };
    let routes = |education: &str| {
        let profile = toml_profile(&text(education));
        plan_from_where_they_stand(&profile).routes
    };
    let rn = id("29-1141.00");
    let lpn = id("29-2061.00");
    let certificate = routes("certificate");
    assert!(!certificate.is_empty());
    for r in &certificate {
        // The degree is studied at the move into nursing, or on the way
        // to it (a route through respiratory therapy, which asks the same
        // associate's degree, has it by then).
        let k = r.steps.iter().position(|m| m.to.occupation == rn).unwrap();
        let study = r.steps[..=k].iter().find(|m| m.study_years > 0.0);
        assert!(study.is_some(), "{r:?}");
        assert_eq!(
            study.and_then(|m| m.study_for),
            Some(5),
            "an associate's degree: {r:?}"
        );
        for m in r.steps.iter().filter(|m| m.to.occupation == lpn) {
            assert_eq!(m.study_years, 0.0, "{m:?}");
        }
    }
    let degree = routes("associate");
    assert!(!degree.is_empty());
    assert!(
        degree
            .iter()
            .flat_map(|r| &r.steps)
            .all(|m| m.to.occupation != rn || m.study_years == 0.0)
    );
}

/// A route comes back into the person's own occupation only when its way
/// up is closed, and then only above the grade held: with her ladder open,
/// a senior accountant aiming at lead is not sent out to a financial
/// advisor's pay and back; blocked, she may go out to come back at lead.
#[test]
fn a_route_comes_home_only_higher_and_only_when_the_ladder_is_closed() {
    let s = start("13-2011.00", Level::Senior, 90_000, false);
    let own = s.occupation;
    let comes_back = |r: &Route| {
        let away = r.steps.iter().position(|m| m.to.occupation != own);
        away.is_some_and(|a| r.steps[a..].iter().any(|m| m.to.occupation == own))
    };
    let open = plan::plan(
        catalog(),
        model(),
        &request(&s, "13-2011.00", Level::Lead, 6.0),
    );
    assert!(!open.routes.is_empty());
    assert!(!open.routes.iter().any(comes_back), "{:?}", open.routes);
    let blocked = Request {
        promotion_blocked: true,
        returns_home: true,
        ..request(&s, "13-2011.00", Level::Lead, 6.0)
    };
    let closed = plan::plan(catalog(), model(), &blocked);
    let back: Vec<&Route> = closed.routes.iter().filter(|r| comes_back(r)).collect();
    assert!(!back.is_empty(), "{:?}", closed.routes);
    for r in back {
        for m in r.steps.iter().filter(|m| m.to.occupation == own) {
            assert!(m.to.level.grade() > Level::Senior.grade(), "{r:?}");
        }
    }
}

/// A route into another function pays a newcomer at most half as much
/// again as the post it leaves: a laid-off head chef aiming at food
/// service management is not routed straight into a facilities manager's
/// post at $106,660 (Pareto-optimal for that year's pay) — out of work,
/// the pay she had is where she stands. Every route test checks the rule
/// (`check_constraints`).
#[test]
fn a_newcomer_is_not_paid_a_raise_no_employer_gives() {
    let profile = toml_profile(
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
[goal]
role = "Food Service Managers"
horizon_years = 5
"#,
    );
    let levels = switchback_core::advisor::person_levels(model(), &profile);
    let req = Request::from_current(&profile, &levels);
    let plan = plan::plan(catalog(), model(), &req);
    assert!(!plan.routes.is_empty());
    for r in plan.routes.iter().chain(&plan.direct) {
        check_constraints(r, &req);
        // The first move is judged against the $62,000 she had.
        let first = &r.steps[0];
        if !catalog()
            .occupation(first.to.occupation)
            .same_function(catalog().occupation(first.from.occupation))
        {
            assert!(first.salary as f32 <= 62_000.0 * 1.5, "{first:?}");
        }
    }
}

/// A dental hygienist aiming at dentistry goes to dental school and
/// becomes a dentist: the degree, not how far her work transfers to a
/// practice owner's (0.35), makes the landing. She was routed through a
/// prosthodontist's post — a specialty entered after dentistry — and
/// anesthesiology on the way, every route.
#[test]
fn a_professional_degree_leads_into_the_goal_itself() {
    let profile = toml_profile(
        r#"
[current]
role = "Dental Hygienists"
salary = 88000
years_in_role = 8
years_experience = 8
education = "associate"
[goal]
role = "Dentists, General"
horizon_years = 7
"#,
    );
    let plan = plan_from_where_they_stand(&profile);
    let direct = plan
        .routes
        .iter()
        .find(|r| r.steps.len() == 1)
        .expect("straight into dentistry, through dental school");
    let m = &direct.steps[0];
    assert!(m.study_years >= 4.0 && m.study_full_time, "{m:?}");
    assert!(m.landing >= 0.4 - 1e-6, "{m:?}");
    // Routes through a specialty may stay Pareto-optimal for a year of
    // its pay, but none is likelier than the degree's own.
    assert!(
        plan.routes
            .iter()
            .all(|r| r.probability <= direct.probability + 1e-6),
        "{:?}",
        plan.routes
    );
}

/// A senior licensed practical nurse who becomes a registered nurse takes
/// a grade "down" by the occupations' ladders, at two thirds more pay:
/// across professions the pay says it is a step up, so her route to
/// nursing is no switchback, and a climb with no step down reaches it.
#[test]
fn a_lower_rung_of_a_better_paid_profession_is_a_step_up() {
    let profile = toml_profile(
        r#"
[current]
role = "Licensed Practical and Licensed Vocational Nurses"
salary = 58000
years_in_role = 7
years_experience = 9
education = "certificate"
[goal]
role = "Registered Nurses"
horizon_years = 3
"#,
    );
    let plan = plan_from_where_they_stand(&profile);
    let rn = id("29-1141.00");
    let into = plan
        .routes
        .iter()
        .flat_map(|r| &r.steps)
        .find(|s| s.from.occupation == profile.current.position.occupation && s.to.occupation == rn)
        .expect("a route straight into nursing");
    assert!(into.to.level.grade() < into.from.level.grade(), "{into:?}");
    assert_eq!(into.kind, MoveKind::StepUp);
    assert!(into.kind_by_pay);
    let direct = plan
        .routes
        .iter()
        .find(|r| r.steps.len() == 1 && r.steps[0].to.occupation == rn)
        .unwrap();
    assert!(!direct.switchback);
}

/// An offer in hand is weighed whatever the default deepest step down: a
/// restaurant manager offered a corporate trainer's post, three grades
/// down, was told by `advise` it is strategic and by `route` nothing of
/// it. A limit the person sets holds for offers too.
#[test]
fn an_offer_in_hand_is_a_route_whatever_the_default_step_down() {
    let text = r#"
[current]
role = "Food Service Managers"
level = "manager"
salary = 68000
years_in_role = 6
years_experience = 14
[goal]
role = "Training and Development Managers"
level = "manager"
horizon_years = 5
[situation]
promotion_blocked = true
[[options]]
id = "corp-trainer"
role = "Training and Development Specialists"
level = "intermediate"
salary = 60000
offered = true
"#;
    let offer = |profile: &str| {
        plan_from_where_they_stand(&toml_profile(profile))
            .routes
            .into_iter()
            .find(|r| r.steps[0].entry == plan::Entry::Offer)
    };
    let route = offer(text).expect("a route through the offer held");
    assert_eq!(route.steps[0].to.occupation, id("13-1151.00"));
    assert!(route.steps[0].to.level.grade() + 2 < Level::Manager.grade());
    let limited = text.replace(
        "promotion_blocked = true",
        "promotion_blocked = true\nmax_step_down = 2",
    );
    assert!(offer(&limited).is_none(), "the person's own limit holds");
}

/// A professional degree licenses its own profession: a pharmacist's
/// PharmD is no physician's degree (she was routed into pathology "now",
/// with no study), nor a research scientist's PhD a pathologist's MD; a
/// physician's degree serves every physician's specialty, a dentist's
/// every dental one, and outside health care a degree is read as before.
#[test]
fn a_practitioners_degree_licenses_its_own_profession() {
    let toward = |have: u8, own: &str, to: &str| {
        switchback_core::chances::education_toward(catalog(), (have, false), id(own), id(to))
    };
    assert_eq!(
        toward(10, "29-1051.00", "29-1222.00"),
        6,
        "PharmD → pathology"
    );
    // A degree read from an occupation outside the practitioners' is
    // taken for no practitioner's; one the person states may be any.
    let assumed = |have: u8, own: &str, to: &str| {
        switchback_core::chances::education_toward(catalog(), (have, true), id(own), id(to))
    };
    assert_eq!(
        assumed(11, "19-1042.00", "29-1222.00"),
        6,
        "PhD → pathology"
    );
    assert_eq!(
        toward(10, "11-9111.00", "29-1215.00"),
        10,
        "a physician managing a clinic"
    );
    assert_eq!(toward(10, "29-1051.00", "29-1131.00"), 6, "PharmD → vet");
    assert_eq!(toward(10, "29-1215.00", "29-1222.00"), 10, "MD → MD");
    assert_eq!(
        toward(10, "29-1215.00", "29-1242.00"),
        10,
        "physician → surgeon"
    );
    assert_eq!(
        toward(10, "29-1021.00", "29-1022.00"),
        10,
        "dentist → oral surgeon"
    );
    assert_eq!(toward(10, "23-1011.00", "23-1023.00"), 10, "lawyer → judge");
    assert_eq!(
        toward(8, "29-1141.00", "29-1171.00"),
        8,
        "a master's is a master's"
    );
    let profile = toml_profile(
        r#"
[current]
role = "Pharmacists"
salary = 130000
years_in_role = 6
years_experience = 8
education = "pharmd"
[goal]
role = "Family Medicine Physicians"
horizon_years = 12
"#,
    );
    let plan = plan_from_where_they_stand(&profile);
    // The first post of any physician's (or surgeon's) a route takes.
    let medicine = catalog().occupation(id("29-1215.00")).practitioner_degree();
    let into_medicine = |r: &Route| {
        (r.steps.iter())
            .find(|s| catalog().occupation(s.to.occupation).practitioner_degree() == medicine)
            .cloned()
    };
    let entries: Vec<_> = plan.routes.iter().filter_map(into_medicine).collect();
    assert!(
        !entries.is_empty(),
        "medicine is open, after medical school"
    );
    for s in entries {
        assert!(s.study_years >= 4.0 && s.study_full_time, "{s:?}");
    }
}

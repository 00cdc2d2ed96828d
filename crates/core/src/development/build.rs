//! Building a plan from an option the advisor judged.

use jiff::ToSpan;
use jiff::civil::Date;

use super::learning::{
    ActivityKind, ActivitySource, LearningActivity, LearningCatalog, LearningTarget, Suggestion,
};
use super::{
    Benchmark, DepartmentGoal, DepartmentGoalLink, DevelopmentElement, DevelopmentPlan, Gap,
    Milestone, MilestoneKind, Objective, PlanPosition, Tenure, talk,
};
use crate::advisor::{Circumstance, GAP_IMPORTANCE, GAP_LEVELS, OptionAdvice, person_levels};
use crate::catalog::{Catalog, Domain, OccupationId, TechnologyId};
use crate::level::Level;
use crate::profile::Profile;
use crate::route::plan::{Stop, TENURE_YEARS};
use crate::text::tokens;
use crate::transition::TransitionModel;

/// Skill and knowledge gaps a plan works on at most (technologies come on
/// top): a plan of a dozen objectives is a list nobody keeps.
pub const MAX_ELEMENTS: usize = 5;
/// Technologies a plan adds at most.
pub(crate) const MAX_TECHNOLOGIES: usize = 2;
/// Slack, in years, between the earliest and the latest onward move:
/// at least half a year, at most two.
const SLACK_YEARS: (f32, f32) = (0.5, 2.0);
/// The new position exercises an element when it works at least this
/// close to the next position's level.
const IN_ROLE_MARGIN: f32 = 0.5;

/// Builds the plan for taking `option`, starting on `start`.
pub fn build(
    catalog: &Catalog,
    model: &TransitionModel,
    profile: &Profile,
    option: &OptionAdvice,
    learning: &LearningCatalog,
    start: Date,
) -> DevelopmentPlan {
    let new = Stop {
        occupation: option.position.occupation,
        level: option.position.level,
    };
    let goal = profile.goal.as_ref().map(|g| Stop {
        occupation: g.occupation,
        level: g.level,
    });
    // The gaps are measured to the next position on the route: the first
    // stop after the new position, else the goal, else the way on without
    // one ([`way_on`]).
    let next = option
        .onward
        .as_ref()
        .and_then(|r| r.steps.first())
        .map(|s| s.to)
        .or(goal.filter(|g| *g != new))
        // The option is the goal itself: the plan is to succeed there.
        .unwrap_or_else(|| match goal {
            Some(_) => new,
            None => way_on(catalog, profile, option, new),
        });

    let tenure_dates = tenure_dates(profile, option, start);
    let mut elements = element_gaps(catalog, model, profile, new, next);
    elements.extend(technology_gaps(catalog, profile, new, next));
    if elements.is_empty() {
        elements = strengths_to_show(catalog, model, profile, new, next);
    }
    let mut suggested: Vec<String> = Vec::new();
    for (i, e) in elements.iter_mut().enumerate() {
        e.number = i as u32 + 1;
        e.learning = suggestions(learning, &e.gap, &suggested);
        suggested.extend(e.learning.iter().map(|s| s.activity.title.clone()));
    }
    let necessity = option.circumstances.contains(&Circumstance::Necessity);
    let milestones = milestones(catalog, &tenure_dates, next, &elements, necessity);
    let goal_words = match goal {
        Some(g) => format!("toward {}", stop_words(catalog, g)),
        None if next != new => format!("toward {}", stop_words(catalog, next)),
        None => format!("to succeed as {}", stop_words(catalog, new)),
    };
    let objectives = objectives(
        catalog,
        &elements,
        &tenure_dates,
        &milestones,
        &goal_words,
        &profile.department_goals,
    );
    let checkins_due = monthly(start, tenure_dates.latest);
    let route = option
        .onward
        .as_ref()
        .map(|r| {
            r.steps
                .iter()
                .map(|s| plan_position(catalog, s.to))
                .collect()
        })
        .unwrap_or_default();
    let talking_points = talk::talking_points(
        catalog,
        model,
        profile,
        option,
        next,
        &elements,
        &tenure_dates,
    );
    let provenance = catalog.provenance();
    DevelopmentPlan {
        option_id: option.id.clone(),
        current: plan_position(
            catalog,
            Stop {
                occupation: profile.current.position.occupation,
                level: profile.current.position.level,
            },
        ),
        new_position: plan_position(catalog, new),
        next_position: plan_position(catalog, next),
        goal: goal.map(|g| plan_position(catalog, g)),
        route,
        verdict: option.verdict,
        circumstances: option.circumstances.clone(),
        success: option.success,
        sources: format!("{}; {}", provenance.onet_release, provenance.wage_release),
        elements,
        objectives,
        tenure: Tenure {
            start,
            earliest_move: tenure_dates.earliest,
            latest_move: tenure_dates.latest,
            basis: tenure_dates.basis.clone(),
            milestones,
            checkins_due,
        },
        talking_points,
    }
}

/// The next position of a person with no goal beyond the new one. After a
/// step down taken out of necessity, or within their own function, the
/// post they hold now (the way back up, which a necessary step down is to
/// learn from); after a step down into another profession, the new
/// occupation at the grade they hold now (regaining their level there);
/// otherwise the next grade of the new position's own ladder, the new
/// position itself at the top of it.
fn way_on(catalog: &Catalog, profile: &Profile, option: &OptionAdvice, new: Stop) -> Stop {
    let here = &profile.current.position;
    if here.level.grade() > new.level.grade() {
        let back = option.circumstances.contains(&Circumstance::Necessity)
            || catalog
                .occupation(here.occupation)
                .same_function(catalog.occupation(new.occupation));
        if back {
            return Stop {
                occupation: here.occupation,
                level: here.level,
            };
        }
        return Level::from_grade(here.level.grade(), new.level.is_management())
            .map_or(new, |level| Stop { level, ..new });
    }
    Level::from_grade(new.level.grade() + 1, new.level.is_management())
        .map_or(new, |level| Stop { level, ..new })
}

/// The dates of a tenure and why.
pub(super) struct TenureDates {
    pub start: Date,
    pub earliest: Date,
    pub latest: Date,
    pub basis: String,
}

fn tenure_dates(profile: &Profile, option: &OptionAdvice, start: Date) -> TenureDates {
    let level = option.position.level;
    let typical = TENURE_YEARS[usize::from(level.grade()) - 1];
    let (stay, slack, basis) = match (&option.onward, &profile.goal) {
        (Some(route), Some(goal)) if !route.steps.is_empty() => {
            let stay = route.steps[0].years;
            let float = goal.horizon_years - route.years_to_goal;
            let slack = float.clamp(SLACK_YEARS.0, SLACK_YEARS.1);
            (
                stay,
                slack,
                format!(
                    "The onward route moves on after {stay:.1} years in this role and reaches the goal in {:.1} of the {:.0} years you gave it; {slack:.1} years of that margin make the window for the move.",
                    route.years_to_goal, goal.horizon_years
                ),
            )
        }
        _ => {
            let why = match &profile.goal {
                Some(g) if g.occupation == option.position.occupation && g.level == level => {
                    "This position is your goal"
                }
                Some(_) => "No route onward to your goal is known from this role",
                None => "You gave no goal beyond this role",
            };
            (
                typical,
                1.0,
                format!(
                    "{why}, so the tenure is the typical {typical:.1} years in post at the {} level before moving on, with a year's window.",
                    level.name()
                ),
            )
        }
    };
    let earliest = add_years(start, stay);
    TenureDates {
        start,
        earliest,
        latest: add_years(earliest, slack),
        basis,
    }
}

/// `years` after `date`: whole years on the calendar (2029-12-07 plus 2
/// is 2031-12-07; 29 February falls on the 28th), the rest in days.
fn add_years(date: Date, years: f32) -> Date {
    // Tenures are years in post (at most decades): the cast cannot wrap.
    let whole = years.trunc().clamp(0.0, 1000.0);
    let rest = ((years - whole) * 365.25).round() as i64;
    date.saturating_add((whole as i64).years())
        .saturating_add(rest.days())
}

/// The same day of each month after `start`, up to `until` (at most fifty
/// years of them, so a date at the end of the calendar cannot loop).
fn monthly(start: Date, until: Date) -> Vec<Date> {
    (1..=600)
        .map(|m: i64| start.saturating_add(m.months()))
        .take_while(|d| *d <= until)
        .collect()
}

fn plan_position(catalog: &Catalog, stop: Stop) -> PlanPosition {
    let o = catalog.occupation(stop.occupation);
    PlanPosition {
        code: o.code,
        title: o.title.clone(),
        level: stop.level,
    }
}

pub(super) fn stop_words(catalog: &Catalog, stop: Stop) -> String {
    format!(
        "{} ({})",
        catalog.occupation(stop.occupation).title,
        stop.level.name()
    )
}

/// Skill and knowledge gaps to the next position, largest
/// importance-weighted shortfall first.
fn element_gaps(
    catalog: &Catalog,
    model: &TransitionModel,
    profile: &Profile,
    new: Stop,
    next: Stop,
) -> Vec<DevelopmentElement> {
    let have = person_levels(model, profile);
    let target = model.profile(next.occupation);
    let role = model.profile(new.occupation);
    let ids = &model.elements().ids;
    let mut gaps: Vec<(f32, DevelopmentElement)> = Vec::new();
    for (i, &id) in ids.iter().enumerate() {
        let (h, need, importance) = (have[i], target.level[i], target.importance[i]);
        if importance < GAP_IMPORTANCE || need - h < GAP_LEVELS {
            continue;
        }
        let element = catalog.element(id);
        let in_role = role.level[i] + IN_ROLE_MARGIN >= need;
        let next_title = &catalog.occupation(next.occupation).title;
        let new_title = &catalog.occupation(new.occupation).title;
        let how = if new.occupation == next.occupation {
            format!(
                "{next_title} at the next level need {} at {need:.1} (O*NET): it is this occupation's own work, so ask for the parts of the role that use it most and for feedback on them.",
                element.name
            )
        } else if in_role {
            format!(
                "{new_title} work at level {:.1} on {} (O*NET), close to the {need:.1} the work of {next_title} needs: take on the parts of the role that use it most and ask your manager for feedback on them.",
                role.level[i], element.name
            )
        } else {
            format!(
                "{new_title} work at level {:.1} on {} (O*NET), short of the {need:.1} the work of {next_title} needs: the role alone will not close it, so agree training and a stretch assignment beyond the usual scope.",
                role.level[i], element.name
            )
        };
        let weight = importance * (need - h);
        let gap = element_gap(
            catalog,
            profile,
            id,
            (h, need, importance),
            role.level[i],
            false,
        );
        gaps.push((
            weight,
            DevelopmentElement {
                number: 0,
                gap,
                in_role,
                how,
                learning: Vec::new(),
            },
        ));
    }
    gaps.sort_by(|a, b| b.0.total_cmp(&a.0));
    gaps.into_iter()
        .take(MAX_ELEMENTS)
        .map(|(_, e)| e)
        .collect()
}

/// Elements shown rather than learned, when the person has no important
/// gap to the next position: the [`SHOWN_ELEMENTS`] it weighs most
/// (importance × level) among those it rates important. The seed asks
/// for measurable objectives all the same: a move up is earned by showing,
/// in the new role's work, what the next position needs.
fn strengths_to_show(
    catalog: &Catalog,
    model: &TransitionModel,
    profile: &Profile,
    new: Stop,
    next: Stop,
) -> Vec<DevelopmentElement> {
    let have = person_levels(model, profile);
    let target = model.profile(next.occupation);
    let role = model.profile(new.occupation);
    let next_words = stop_words(catalog, next);
    let mut shown: Vec<(f32, DevelopmentElement)> = (model.elements().ids.iter().enumerate())
        .filter(|&(i, _)| target.importance[i] >= GAP_IMPORTANCE)
        .map(|(i, &id)| {
            let (need, importance) = (target.level[i], target.importance[i]);
            let gap = element_gap(
                catalog,
                profile,
                id,
                (have[i], need, importance),
                role.level[i],
                true,
            );
            let how = format!(
                "{next_words} need {} at {need:.1} (O*NET), and you bring {:.1}: show it in the role's own work, where your manager can see it, before the move on is asked for.",
                gap.name(),
                have[i],
            );
            let element = DevelopmentElement {
                number: 0,
                gap,
                in_role: true,
                how,
                learning: Vec::new(),
            };
            (importance * need, element)
        })
        .collect();
    shown.sort_by(|a, b| b.0.total_cmp(&a.0));
    shown
        .into_iter()
        .take(SHOWN_ELEMENTS)
        .map(|(_, e)| e)
        .collect()
}

/// Elements a plan with no gap asks the person to show.
const SHOWN_ELEMENTS: usize = 3;

/// A skill or knowledge element of the next position: the person's level
/// (`have`), the level and importance the next position gives it, and the
/// level the new position works at.
fn element_gap(
    catalog: &Catalog,
    profile: &Profile,
    id: crate::catalog::ElementId,
    (have, need, importance): (f32, f32, f32),
    new_position_level: f32,
    shown: bool,
) -> Gap {
    let element = catalog.element(id);
    Gap::Element {
        onet_id: element.onet_id.clone(),
        name: catalog.element_label(id),
        domain: match element.domain {
            Domain::Skill => "skill",
            _ => "knowledge",
        }
        .to_owned(),
        have,
        self_assessed: profile.skills.iter().any(|s| s.element == id),
        need,
        importance,
        new_position_level,
        shown,
    }
}

/// Technologies employers ask for in the next position (O*NET's "In
/// Demand" for its occupation) that the person does not use: those the new
/// position uses first (the role itself teaches them), then the most
/// widely used. A technology hot across all postings but not asked for in
/// this occupation's is no objective: police supervisors' list names
/// Adobe Photoshop, and working with it unaided is not what makes one.
fn technology_gaps(
    catalog: &Catalog,
    profile: &Profile,
    new: Stop,
    next: Stop,
) -> Vec<DevelopmentElement> {
    // By name: O*NET lists one product under several commodity classes
    // (SSRS is both "data base reporting" and "object oriented development"
    // software), and a person who uses it under one does not lack it.
    let uses = |o: OccupationId, id: TechnologyId| {
        let name = &catalog.technology(id).name;
        catalog
            .occupation(o)
            .technologies
            .iter()
            .any(|t| catalog.technology(t.technology).name == *name)
    };
    let current = profile.current.position.occupation;
    let next_title = &catalog.occupation(next.occupation).title;
    let new_title = &catalog.occupation(new.occupation).title;
    // How many occupations count a technology hot: the wider its use, the
    // more a gap in it costs.
    let hot_in = |id: u32| {
        catalog
            .occupations()
            .iter()
            .filter(|o| o.technologies.iter().any(|t| t.hot && t.technology.0 == id))
            .count()
    };
    let mut missing: Vec<(bool, bool, usize, String, DevelopmentElement)> = catalog
        .occupation(next.occupation)
        .technologies
        .iter()
        .filter(|t| t.in_demand && !uses(current, t.technology))
        .map(|t| {
            let tech = catalog.technology(t.technology);
            let used = uses(new.occupation, t.technology);
            let how = if used {
                format!(
                    "{new_title} use {} (O*NET technology skills), and {next_title} list it as a hot technology: use it in your own work from the start.",
                    tech.name
                )
            } else {
                format!(
                    "{next_title} list {} as a hot technology{}; {new_title} do not use it, so learn it through a course and a project outside the usual work.",
                    tech.name,
                    if t.in_demand { " employers ask for" } else { "" }
                )
            };
            (
                t.in_demand,
                used,
                hot_in(t.technology.0),
                tech.name.clone(),
                DevelopmentElement {
                    number: 0,
                    gap: Gap::Technology {
                        name: tech.name.clone(),
                        category: tech.commodity.clone(),
                        in_demand: t.in_demand,
                        used_in_new_position: used,
                    },
                    in_role: used,
                    how,
                    learning: Vec::new(),
                },
            )
        })
        .collect();
    missing.sort_by(|a, b| {
        (b.0, b.1, b.2)
            .cmp(&(a.0, a.1, a.2))
            .then_with(|| a.3.cmp(&b.3))
    });
    missing
        .into_iter()
        .take(MAX_TECHNOLOGIES)
        .map(|(_, _, _, _, e)| e)
        .collect()
}

/// Catalog suggestions for a gap, or generated ones when no catalog covers it.
/// Activities another gap already lists come last, so each gap gets its own.
fn suggestions(learning: &LearningCatalog, gap: &Gap, already: &[String]) -> Vec<Suggestion> {
    let (found, target) = match gap {
        Gap::Element { onet_id, .. } => (
            learning.for_element(onet_id, already),
            LearningTarget::Element(onet_id.clone()),
        ),
        Gap::Technology { name, category, .. } => (
            learning.for_technology(name, category, already),
            LearningTarget::Technology(name.clone()),
        ),
    };
    // What the person brings is shown in the work, not taught again.
    let shows = |kind: ActivityKind| !gap.to_show() || kind == ActivityKind::StretchAssignment;
    let found: Vec<Suggestion> = found
        .into_iter()
        .filter(|s| shows(s.activity.kind))
        .collect();
    if !found.is_empty() {
        return found;
    }
    let name = gap.name();
    [
        (
            ActivityKind::Course,
            format!("A course in {name}, from the vendor or a recognised provider"),
        ),
        (
            ActivityKind::StretchAssignment,
            format!("A piece of work in the new role that needs {name}, agreed with your manager"),
        ),
    ]
    .into_iter()
    .filter(|(kind, _)| shows(*kind))
    .map(|(kind, title)| Suggestion {
        activity: LearningActivity {
            target: target.clone(),
            kind,
            title,
            provider: None,
            hours: None,
            url: None,
        },
        source: ActivitySource::Generated,
    })
    .collect()
}

fn milestones(
    catalog: &Catalog,
    t: &TenureDates,
    next: Stop,
    elements: &[DevelopmentElement],
    necessity: bool,
) -> Vec<Milestone> {
    let next_words = stop_words(catalog, next);
    let mut out = Vec::new();
    let names: Vec<&str> = elements.iter().map(|e| e.gap.name()).collect();
    let mut agree = Milestone {
        date: t.start.saturating_add(1.month()),
        kind: MilestoneKind::HrCheckpoint,
        title: "Agree the development plan".to_owned(),
        agenda: Vec::new(),
    };
    if names.is_empty() {
        agree.agenda.push("Confirm with your manager that the role's own work is the plan: the data show no important gap to the next position.".to_owned());
    } else if elements.iter().all(|e| e.gap.to_show()) {
        agree.agenda.push(format!(
            "The data show no important gap to the next position: agree with your manager how you will show {} in the role's own work, and each objective's target and due date.",
            names.join(", ")
        ));
    } else {
        agree.agenda.push(format!(
            "Agree the development elements with your manager: {}.",
            names.join(", ")
        ));
        agree
            .agenda
            .push("Agree each objective's metric, target and due date.".to_owned());
        agree
            .agenda
            .push("Agree the training budget and time for the learning listed.".to_owned());
    }
    agree.agenda.push(format!(
        "Agree the tenure: the onward move between {} and {}.",
        t.earliest, t.latest
    ));
    if necessity {
        // The seeds: take the necessary step, and learn from how you got there.
        agree.agenda.push("Look back at how the move came about — the market, the money, the choices — and write down what you would do differently.".to_owned());
    }
    out.push(agree);
    for q in (1..).map(|q: i64| t.start.saturating_add((3 * q).months())) {
        if q >= t.earliest {
            break;
        }
        out.push(Milestone {
            date: q,
            kind: MilestoneKind::ManagerReview,
            title: "Quarterly review with your manager".to_owned(),
            agenda: vec![
                "Progress on each objective against its benchmarks, with the evidence.".to_owned(),
                "What to change in the learning or the assignments.".to_owned(),
            ],
        });
    }
    let span = (t.earliest - t.start).get_days();
    // Half-way, moved to the nearest quarterly review so the two meet.
    let half = t.start.saturating_add(i64::from(span / 2).days());
    let mid = out
        .iter()
        .filter(|m| m.kind == MilestoneKind::ManagerReview)
        .map(|m| m.date)
        .min_by_key(|d| (*d - half).get_days().abs())
        .unwrap_or(half);
    if span > 240 {
        out.push(Milestone {
            date: mid,
            kind: MilestoneKind::HrCheckpoint,
            title: "Mid-tenure checkpoint with your HR business partner".to_owned(),
            agenda: vec![
                "Half the time to the earliest move is gone: are the objectives half-way?"
                    .to_owned(),
                format!("Is the way on to {next_words} still open?"),
            ],
        });
    }
    let prepare = t.earliest.saturating_sub(3.months());
    if prepare > t.start.saturating_add(2.months()) && (prepare - mid).get_days().abs() > 30 {
        out.push(Milestone {
            date: prepare,
            kind: MilestoneKind::HrCheckpoint,
            title: "Prepare the onward move with your HR business partner".to_owned(),
            agenda: vec![
                format!("Openings for {next_words}, inside the organisation and out."),
                "Which objectives are met, with the evidence to show.".to_owned(),
            ],
        });
    }
    out.push(Milestone {
        date: t.earliest,
        kind: MilestoneKind::TenureReview,
        title: format!("Tenure review: the earliest move to {next_words}"),
        agenda: vec![
            "Review every objective with your manager and HR business partner.".to_owned(),
            "Agree whether to move now or use the window to the end of tenure.".to_owned(),
        ],
    });
    out.push(Milestone {
        date: t.latest,
        kind: MilestoneKind::EndOfTenure,
        title: "End of the agreed tenure".to_owned(),
        agenda: vec![format!(
            "The latest agreed date for the move to {next_words}."
        )],
    });
    out.sort_by_key(|m| (m.date, m.kind));
    out
}

fn objectives(
    catalog: &Catalog,
    elements: &[DevelopmentElement],
    t: &TenureDates,
    milestones: &[Milestone],
    goal_words: &str,
    department_goals: &[DepartmentGoal],
) -> Vec<Objective> {
    // Smaller gaps are due sooner; each due date falls on a manager review
    // (or the tenure review) so it is checked where it is due.
    let mut order: Vec<usize> = (0..elements.len()).collect();
    order.sort_by(|&a, &b| shortfall(&elements[a].gap).total_cmp(&shortfall(&elements[b].gap)));
    let reviews: Vec<Date> = milestones
        .iter()
        .filter(|m| {
            matches!(
                m.kind,
                MilestoneKind::ManagerReview | MilestoneKind::TenureReview
            )
        })
        .map(|m| m.date)
        .collect();
    let window = (t.earliest - t.start).get_days();
    let mut due = vec![t.earliest; elements.len()];
    for (rank, &i) in order.iter().enumerate() {
        let share = (rank + 1) as f32 / elements.len() as f32;
        let raw = t
            .start
            .saturating_add(((window as f32 * share).round() as i64).days());
        due[i] = reviews
            .iter()
            .copied()
            .find(|d| *d >= raw)
            .unwrap_or(t.earliest);
    }
    elements
        .iter()
        .zip(due)
        .enumerate()
        .map(|(i, (e, due))| {
            let half = t.start.saturating_add(i64::from((due - t.start).get_days() / 2).days());
            let (title, metric, baseline, target, half_way, evidence) = match &e.gap {
                Gap::Element { name, have, need, .. } if e.gap.to_show() => (
                    format!("Show {name} at level {need:.1} in the role's work"),
                    format!(
                        "{name} as your manager sees it in your work, on the O*NET scale 0–7, rated by you and your manager against the O*NET descriptions at each review"
                    ),
                    // The person brings more than the role asks: the
                    // baseline is what is not yet shown, so the target
                    // never reads as a fall from it.
                    format!("not yet shown in this role (you bring level {have:.1})"),
                    format!("at least level {need:.1} shown in this role, confirmed by your manager"),
                    "shown in one piece of work, agreed with your manager".to_owned(),
                    evidence_for(e, name),
                ),
                Gap::Element { name, have, need, .. } => {
                    let mid = (have + need) / 2.0;
                    (
                        format!("Raise {name} from level {have:.1} to {need:.1}"),
                        format!(
                            "Your level of {name} on the O*NET scale 0–7, rated by you and your manager against the O*NET descriptions at each review"
                        ),
                        format!("level {have:.1}"),
                        format!("level {need:.1}"),
                        format!("level {mid:.1}, agreed with your manager"),
                        evidence_for(e, name),
                    )
                }
                Gap::Technology { name, .. } => (
                    format!("Work with {name} unaided"),
                    format!("Deliverables you produced with {name} without help, reviewed by your manager"),
                    "not used".to_owned(),
                    "3 reviewed deliverables".to_owned(),
                    "1 reviewed deliverable and the course under way".to_owned(),
                    format!("The three deliverables, your manager's review of them, and the certificate of the {name} course taken"),
                ),
            };
            Objective {
                number: i as u32 + 1,
                element: e.number,
                title,
                metric,
                baseline,
                target,
                due,
                benchmarks: vec![
                    Benchmark {
                        by: half,
                        progress: 50,
                        description: half_way,
                    },
                    Benchmark {
                        by: due,
                        progress: 100,
                        description: "the target met, with the evidence".to_owned(),
                    },
                ],
                evidence,
                serves_goal: if e.gap.to_show() {
                    format!("Shows what the next position needs, {goal_words}: {}.", e.gap.levels())
                } else {
                    format!("Closes a gap {goal_words}: {}.", e.gap.levels())
                },
                department_goal: align(catalog, e, department_goals),
            }
        })
        .collect()
}

fn shortfall(gap: &Gap) -> f32 {
    match gap {
        Gap::Element { have, need, .. } => need - have,
        // A technology takes about as long as a one-level gap.
        Gap::Technology { .. } => 1.0,
    }
}

fn evidence_for(e: &DevelopmentElement, name: &str) -> String {
    let mut parts = Vec::new();
    if let Some(s) = e
        .learning
        .iter()
        .find(|s| s.activity.kind == ActivityKind::StretchAssignment)
    {
        parts.push(format!(
            "the stretch assignment \"{}\" delivered",
            s.activity.title
        ));
    } else {
        parts.push(format!("a piece of work that needed {name}, delivered"));
    }
    parts.push("your manager's written assessment against the O*NET level".to_owned());
    if let Some(s) = e
        .learning
        .iter()
        .find(|s| s.activity.kind == ActivityKind::Course)
    {
        parts.push(format!("\"{}\" completed", s.activity.title));
    }
    let mut text = parts.join("; ");
    if let Some(first) = text.get(..1) {
        text = first.to_uppercase() + &text[1..];
    }
    text
}

/// The department goal an element serves: one that names it outright, else
/// the one sharing the most meaningful words with its name and description.
fn align(
    catalog: &Catalog,
    e: &DevelopmentElement,
    goals: &[DepartmentGoal],
) -> Option<DepartmentGoalLink> {
    let (element, words) = match &e.gap {
        Gap::Element { onet_id, .. } => {
            let id = catalog.find_element(onet_id);
            let text = id.map(|id| {
                let el = catalog.element(id);
                format!("{} {}", el.name, el.description)
            });
            (id, text.unwrap_or_default())
        }
        Gap::Technology { name, category, .. } => (None, format!("{name} {category}")),
    };
    if let Some(id) = element
        && let Some(g) = goals.iter().find(|g| g.elements.contains(&id))
    {
        return Some(DepartmentGoalLink {
            id: g.id.clone(),
            description: g.description.clone(),
            why: format!("the goal names {}", e.gap.name()),
        });
    }
    let ours = stems(&words);
    goals
        .iter()
        .filter_map(|g| {
            let shared: Vec<String> = stems(&g.description)
                .into_iter()
                .filter(|w| ours.contains(w))
                .collect();
            (!shared.is_empty()).then_some((shared, g))
        })
        .max_by_key(|(shared, _)| shared.len())
        .map(|(shared, g)| DepartmentGoalLink {
            id: g.id.clone(),
            description: g.description.clone(),
            why: format!("{} and the goal share: {}", e.gap.name(), shared.join(", ")),
        })
}

/// Words that carry meaning, cut to a six-letter stem so that "budget" and
/// "budgeting" meet.
fn stems(text: &str) -> Vec<String> {
    const COMMON: [&str; 24] = [
        "about",
        "other",
        "their",
        "these",
        "those",
        "which",
        "within",
        "while",
        "using",
        "include",
        "including",
        "knowledge",
        "principle",
        "practice",
        "procedure",
        "method",
        "related",
        "appropriate",
        "people",
        "work",
        "improve",
        "increase",
        "ensure",
        "understanding",
    ];
    let mut out: Vec<String> = tokens(text)
        .into_iter()
        .filter(|w| w.len() >= 5 && !COMMON.contains(&w.as_str()))
        .map(|w| w.chars().take(6).collect())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn whole_years_fall_on_the_same_calendar_day() {
        assert_eq!(add_years(date("2029-12-07"), 2.0), date("2031-12-07"));
        assert_eq!(add_years(date("2028-02-29"), 1.0), date("2029-02-28"));
        // The rest of a year in days: half a year is 183 days.
        assert_eq!(add_years(date("2027-01-01"), 1.5), date("2028-07-02"));
    }
}

//! The advisor's judgements in English: the one place a typed
//! [`Reason`] becomes words, so the terminal, the JSON and the web pages
//! say the same thing. The core decides and carries the facts; this
//! module only writes them down.

use switchback_core::Catalog;
use switchback_core::advisor::{
    FirstWeek, GoalGap, LIKELY, LONG_SHOT_BELOW, LevelsUsed, Limit, NoProposals, Onward, Reason,
    Toward, UNLIKELY, VERY_UNLIKELY,
};
use switchback_core::catalog::{ElementId, OccupationId, TechnologyId};
use switchback_core::chances::{self, Landing, Success};
use switchback_core::profile::RoleRead;
use switchback_core::resolve::TitleSource;
use switchback_core::text::{dollars, probability, quoted, thousands};
use switchback_core::transition::profile::RatingSource;

/// Why a route has nowhere to go: the goal is where the person stands
/// ([`crate::routes`]), and where the grade above is, when it is known.
pub(crate) fn at_goal(catalog: &Catalog, a: crate::routes::AtGoal) -> String {
    use crate::routes::AboveGoal;
    let here = catalog.occupation(a.here);
    let mut message = format!(
        "you already work as {} at {}, at or above the goal's level ({}): a route needs a goal beyond where you stand",
        here.title,
        a.level.words(),
        a.goal_level.words()
    );
    match a.next {
        AboveGoal::Management(manager) => {
            let m = catalog.occupation(manager);
            message.push_str(&format!(
                "; the catalog keeps every post of {} at one grade, supervisor, and the grade above is management: {} ({})",
                here.title, m.title, m.code
            ));
        }
        AboveGoal::Grades(above) if !above.is_empty() => {
            let names: Vec<&str> = above.iter().map(|l| l.name()).collect();
            message.push_str(&format!(
                "; if the post you aim at is above yours, give its grade in goal.level ({})",
                names.join(", ")
            ));
        }
        AboveGoal::Grades(_) | AboveGoal::Unknown => {}
    }
    message
}

/// A reason in plain words, citing its facts.
pub fn reason(catalog: &Catalog, r: &Reason) -> String {
    let title = |o: OccupationId| catalog.occupation(o).title.as_str();
    match r {
        Reason::Landing {
            to,
            landing,
            strengths,
        } => landing_words(catalog, *to, landing, strengths),
        Reason::Success { to, fit, levels } => success_words(catalog, *to, fit, levels),
        Reason::Onward {
            goal,
            goal_level,
            onward,
        } => onward_words(catalog, &format!("{} ({})", title(*goal), goal_level.words()), onward),
        Reason::InsteadLateral { occupation, level } => format!(
            "This changes industry but not function: target {} at {}, a lateral move in the new industry, rather than a lower post — and if you must take this one, keep that target for your next move.",
            title(*occupation),
            level.words()
        ),
        Reason::InsteadHigherLevel {
            years_experience,
            feasibility,
            higher,
            offered,
            landing,
            success,
        } => format!(
            "Changing profession need not mean starting at the bottom: with {years_experience:.0} years of experience that transfers (feasibility {feasibility:.2}), aim for {higher} rather than {offered} — your chance of landing such a post is {} ({}), and of success there {}.",
            probability(*landing),
            likelihood(*landing),
            probability(*success)
        ),
        Reason::BetterShape { offered } => if *offered {
            "You hold this offer: negotiate it into the better shape above before you accept — as offered, it is no strategic move, though it is yours to take."
        } else {
            "Look for the better shape above instead: as it stands, this option is not recommended."
        }
        .into(),
        Reason::Unlikely => {
            "You are unlikely to succeed in this role on the evidence: not recommended.".into()
        }
        Reason::InsteadStay => "None of the reasons that justify a step down applies here: staying beats this option.".into(),
        Reason::NoWayOnward => "A step down or a change of profession with no route onward to your goal within your horizon is not recommended.".into(),
        Reason::LikelierRoute {
            route,
            through,
            years,
            decides,
            builds_too,
        } => format!(
            "A likelier way to your goal {}: {} — {:.1} years, probability {}, against {:.1} years and {} through this option (landing it, then its route onward). {}",
            // A route whose first move is an offer in hand starts there,
            // not where the person stands.
            if route
                .steps
                .first()
                .is_some_and(|s| s.entry == switchback_core::route::plan::Entry::Offer)
            {
                "starts with the offer you hold"
            } else {
                "starts where you stand"
            },
            route_steps(catalog, route),
            route.years_to_goal,
            probability(route.probability),
            years,
            probability(*through),
            if *builds_too {
                "It builds the experience this option would on its way, so this is not a strategic move while that route is open."
            } else if *decides {
                "Not a strategic move while that route is open."
            } else {
                "This option builds experience the goal needs that the likelier route does not: weigh the two — it is not the likeliest way there."
            }
        ),
        Reason::BeyondHorizon {
            horizon,
            through,
            from_here,
        } => format!(
            "No route reaches your goal within {horizon} years from where you stand either{}: your horizon is the constraint, not this option, whose way there takes {:.1} years — acceptable, if you can give it the time.",
            from_here.map_or_else(String::new, |y| format!(
                " (the fastest takes {:.1} years)",
                tenths_up(y)
            )),
            tenths_up(*through)
        ),
        Reason::OwnRatingsNotLongShot { landing } => format!(
            "Landing reads your occupation, not you: its {} would make this a long shot, but your own ratings show what the post needs above what your occupation typically has — so it is not called one; show that evidence when you apply.",
            probability(*landing)
        ),
        Reason::LongShot { landing } => format!(
            "A long shot: your chance of landing it is {}, below the {LONG_SHOT_BELOW:.2} under which no route counts on a move — apply if you wish, but do not plan on it; it is no strategic move unless you hold an offer (`offered = true`).",
            probability(*landing)
        ),
        Reason::OnwardLongShot {
            onward,
            step_down,
            whole_way,
        } => onward_long_shot_words(*onward, *step_down, *whole_way),
        Reason::NecessityOnly {
            goal,
            same_work,
            leads_on,
            offered,
        } => necessity_only_words(*goal, *same_work, *leads_on, *offered),
        Reason::EducationFirst { entry, assumed } => format!(
            "Study first: it asks {} or more of those who do it, which {}, so it is not a strategic move until you do — a route through it waits for the study (`route` counts it on any such route).",
            education_words(*entry),
            if *assumed {
                "your occupation's typical education falls short of (if you have it, say so in `current.education`)"
            } else {
                "you do not have"
            }
        ),
        Reason::ExcludedIndustry { industry } => format!(
            "You will not work in {industry} (situation.exclude_industries): not recommended."
        ),
        Reason::ExcludedOccupation { occupation } => format!(
            "You will not work as {} (situation.exclude_occupations): not recommended.",
            title(*occupation)
        ),
        Reason::BelowPayFloor {
            pay,
            floor,
            estimated,
        } => format!(
            "It pays {}{}, below the {} you can accept (situation.min_salary): not recommended.",
            dollars(*pay),
            if *estimated {
                " (estimated from OEWS wages for the level)"
            } else {
                ""
            },
            dollars(*floor)
        ),
        Reason::StepTooDeep { down, max } => format!(
            "It is a step down of {}, deeper than the {max} you will take (situation.max_step_down): not recommended.",
            counted(i64::from(*down), "grade")
        ),
        Reason::Necessity {
            short_runway,
            other_offers,
            held_offers,
            held_below_floor,
        } => necessity_words(
            *short_runway,
            *other_offers,
            (*held_offers, *held_below_floor),
        ),
        Reason::ChangeProfession { from, to, toward } => {
            profession_words(catalog, *from, *to, toward)
        }
        Reason::BroadenHorizons { department, builds } => format!(
            "Broadens your horizons: a different {} that builds what your goal needs and you lack — {}.",
            if *department { "department" } else { "function" },
            gap_words(catalog, builds).join(", ")
        ),
        Reason::AnotherRouteUp { promotion_blocked } => if *promotion_blocked {
            "Another route up: you report no way up from where you stand, and this option has a defined route onward to your goal."
        } else {
            "Another route up: no route without a step down reaches your goal within the horizon, and this option has a defined route onward."
        }
        .to_owned(),
        Reason::TechnicalExperience {
            builds,
            technologies,
        } => technical_words(catalog, builds, technologies),
        Reason::ManagementExperience { goal_level, level } => format!(
            "Builds management experience: your goal ({}) is on the management track, you have not managed people, and this role ({}) puts you on that track.",
            goal_level.words(),
            level.words()
        ),
        Reason::Pay {
            now,
            pay,
            cost,
            horizon,
            onward_probability,
            cost_if_stalled,
            short_runway,
        } => pay_words(
            *now,
            *pay,
            *cost,
            *horizon,
            onward_probability.zip(*cost_if_stalled),
            *short_runway,
        ),
    }
}

/// "Skill (3.0 now, 4.1 needed)" for each gap.
fn gap_words(catalog: &Catalog, builds: &[GoalGap]) -> Vec<String> {
    builds
        .iter()
        .map(|g| {
            format!(
                "{} ({:.1} now, {:.1} needed)",
                catalog.element_label(g.element),
                g.have,
                g.need
            )
        })
        .collect()
}

fn necessity_words(
    short_runway: Option<f32>,
    other_offers: Option<u32>,
    (held_offers, held_below_floor): (u32, u32),
) -> String {
    let why = match short_runway {
        Some(m) if m < 0.05 => "you are out of work, with no savings to live on".to_owned(),
        Some(m) => format!("you are out of work, your savings last {}", months(m)),
        None => "you are out of work".to_owned(),
    };
    let count = other_offers.unwrap_or(0).max(held_offers);
    let offers = match (other_offers, count) {
        (None, 0) => {
            "you have not said whether you have other offers (situation.other_offers)".to_owned()
        }
        (_, 0) => "you have no other offers".to_owned(),
        (_, 1) => "you have one other offer".to_owned(),
        (_, n) => format!("you have {n} other offers"),
    };
    // The offers counted are the held ones alone: none said besides them.
    let only_held = held_offers > 0 && other_offers.unwrap_or(0) == 0;
    let held = match (held_offers, held_below_floor) {
        (0, 0) => "",
        (1, 0) if only_held => " (the one you hold among these options)",
        (_, 0) if only_held => " (those you hold among these options)",
        (_, 0) => " (counting those you hold among these options)",
        (0, 1) => " (the offer you hold among these options pays below your floor)",
        (0, _) => " (the offers you hold among these options pay below your floor)",
        _ => " (counting those you hold among these options that meet your floor)",
    };
    format!(
        "Necessity: {why} and {offers}{held}; there is no shame in taking the best available option."
    )
}

fn profession_words(
    catalog: &Catalog,
    from: OccupationId,
    to: OccupationId,
    toward: &Toward,
) -> String {
    let title = |o: OccupationId| catalog.occupation(o).title.as_str();
    match toward {
        Toward::GoalItself => format!(
            "Changes profession into your goal's own: from {} to {}.",
            title(from),
            title(to)
        ),
        Toward::Closer {
            goal,
            from_option,
            from_current,
        } => format!(
            "Changes profession toward your goal: {} is closer to {} (feasibility {from_option:.2}) than {} is ({from_current:.2}).",
            title(to),
            title(*goal),
            title(from)
        ),
        Toward::NoGoal => format!("Changes profession, from {} to {}.", title(from), title(to)),
    }
}

fn technical_words(catalog: &Catalog, builds: &[GoalGap], technologies: &[TechnologyId]) -> String {
    let mut parts = gap_words(catalog, builds);
    if !technologies.is_empty() {
        let names: Vec<&str> = technologies
            .iter()
            .map(|t| catalog.technology(*t).name.as_str())
            .collect();
        parts.push(format!(
            "technologies its employers ask for: {}",
            names.join(", ")
        ));
    }
    format!(
        "Builds technical experience your goal requires and you lack: {}.",
        parts.join("; ")
    )
}

/// [`Reason::NecessityOnly`] in words: why necessity alone justifies
/// the move, and what to do — take an offer held, apply for a post not
/// yet offered.
fn necessity_only_words(goal: bool, same_work: bool, leads_on: bool, offered: bool) -> String {
    let why = match (goal, same_work, leads_on) {
        (true, true, _) => {
            "Necessity justifies this move: it is your own work at your own level, so your way to your goal is as it was —"
        }
        (true, false, true) => {
            "Necessity justifies this move; it serves none of the other reasons for a step down, but its route onward still leads to your goal —"
        }
        (true, false, false) => {
            "Necessity justifies this move, though it does not serve your goal:"
        }
        (false, ..) => "Necessity justifies this move:",
    };
    let act = if offered { "take it" } else { "apply for it" };
    format!(
        "{why} {act}, and learn what you can from how you came to need it (a closure or a cut may have been out of your hands)."
    )
}

/// Why the way on from an option is no way to count on: no defined path
/// onward, or a defined one the whole way along which is very unlikely —
/// worded apart, as another reason may say the route onward is defined.
fn onward_long_shot_words(onward: f32, step_down: bool, whole_way: Option<f32>) -> String {
    let why = match whole_way {
        Some(w) if onward >= LONG_SHOT_BELOW => format!(
            "The whole way is very unlikely: the route onward from this post is defined (probability {}), but landing the post and then making every move of that route has a chance of {}, below {VERY_UNLIKELY:.2}",
            probability(onward),
            probability(w)
        ),
        _ => format!(
            "No defined path onward: once in this post, your chance of making every move of its route to your goal is {}, below the {LONG_SHOT_BELOW:.2} under which no route counts on a move",
            probability(onward)
        ),
    };
    if step_down {
        return format!(
            "{why}. A step down taken for the goal needs a way there you can count on: giving up a grade for one you cannot is not recommended."
        );
    }
    format!(
        "{why}. A step taken for the goal needs a way there you can count on, so this is no strategic move."
    )
}

/// A chance in words, by the advisor's thresholds: "likely" from
/// [`LIKELY`] — "about even" while it is still below one half, so no chance
/// under 0.5 is called likely —, "uncertain" from [`UNLIKELY`], "unlikely",
/// and "very unlikely" below [`VERY_UNLIKELY`].
pub fn likelihood(chance: f32) -> &'static str {
    // Judged as printed, to two decimals: 0.2999 reads 0.30, "uncertain".
    let chance = (chance * 100.0).round() / 100.0;
    if chance >= 0.5 {
        "likely"
    } else if chance >= LIKELY {
        "about even"
    } else if chance >= UNLIKELY {
        "uncertain"
    } else if chance >= VERY_UNLIKELY {
        "unlikely"
    } else {
        "very unlikely"
    }
}

/// Why education costs a move landing: "96% of its workers say it needs a
/// master's degree or more, and 4% name a bachelor's degree or less
/// (O*NET)", and whether the person's education was assumed.
pub(crate) fn education_note(e: &switchback_core::chances::EducationFit) -> String {
    let have = education_words(e.have);
    let whose = match (e.licensed_elsewhere, e.assumed) {
        (true, assumed) => format!(
            " — a first professional or doctoral degree licenses its own profession only, so {} counts here as {have}{}",
            if assumed {
                "the degree typical of your occupation"
            } else {
                "yours"
            },
            if assumed {
                "; `current.education` says yours"
            } else {
                ""
            }
        ),
        (false, true) => {
            format!(
                " — we took {have} as typical of your occupation; `current.education` says yours"
            )
        }
        (false, false) => String::new(),
    };
    format!(
        "{:.0}% of its workers say it needs {} or more, and {:.0}% of them name {have} or less ({}){whose}",
        e.named_share * 100.0,
        education_words(e.entry),
        e.open_share * 100.0,
        if e.inferred {
            "O*NET, as answered in the similar occupations its profile is inferred from"
        } else {
            "O*NET"
        },
    )
}

/// An RL category in words, lower case, with its article where it takes
/// one ("a master's degree", "an associate's degree", "some college
/// courses").
pub fn education_words(category: u8) -> String {
    let words = switchback_core::catalog::EDUCATION_LEVELS
        .get(usize::from(category).wrapping_sub(1))
        .copied()
        .unwrap_or("no stated education");
    let lower = words.to_lowercase();
    let countable = lower.ends_with("degree")
        || lower.ends_with("certificate")
        || lower.ends_with("diploma or equivalent");
    match lower.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u') if countable => format!("an {lower}"),
        _ if countable => format!("a {lower}"),
        _ => lower,
    }
}

fn landing_words(
    catalog: &Catalog,
    to: OccupationId,
    l: &Landing,
    strengths: &[ElementId],
) -> String {
    // With an offer in hand the chance is 1; the facts explain the odds
    // without it.
    let estimate = l.without_offer.unwrap_or(l.chance);
    let mut text = match l.without_offer {
        Some(_) => format!(
            "Landing is certain: you hold this offer; without it, landing would be {} ({})",
            likelihood(estimate),
            probability(estimate)
        ),
        None => format!(
            "Landing is {} ({})",
            likelihood(estimate),
            probability(estimate)
        ),
    };
    let title = &catalog.occupation(to).title;
    text.push_str(&match l.own_work_readiness {
        // Supervision of one's own work: a step up, or, at or below one's
        // grade, the way into management (a principal developer taking a
        // team lead's post).
        Some(readiness) if l.level_delta > 0 || l.enters_management => {
            let (way, judged) = if l.level_delta > 0 {
                ("the step up", "promoted")
            } else {
                ("the way into management", "hired")
            };
            format!(
                ": {title} supervises work of your own, {way} most trades and offices know, and you cover {:.0}% of what it needs — that counts in place of the move's feasibility {:.2} in the O*NET data, which reads how different supervising is from doing the work, not whether you would be {judged}",
                readiness * 100.0,
                l.transfer
            )
        }
        Some(readiness) => format!(
            ": {title} is work of your own function at or below your grade, work you have done or overseen, and you cover {:.0}% of what it needs — that counts in place of the move's feasibility {:.2} in the O*NET data, which says how seldom people choose such a move, not whether they would be hired",
            readiness * 100.0,
            l.transfer
        ),
        None => format!(
            ": your work transfers to {title} with feasibility {:.2} in the O*NET data",
            l.transfer
        ),
    });
    let transfer_used = l.own_work_readiness.unwrap_or(l.transfer);
    // The strengths explain a transfer score the chance no longer reads
    // when readiness stands in for it.
    if l.own_work_readiness.is_none() && !strengths.is_empty() {
        let names: Vec<String> = strengths
            .iter()
            .map(|e| catalog.element_label(*e))
            .collect();
        text.push_str(&format!(" (you bring {})", names.join(", ")));
    }
    if transfer_used < chances::DISTANCE_MIDPOINT && l.own_work_readiness.is_some() {
        text.push_str(&format!(
            "; ×{:.2} as readiness this far below what the post needs seldom gets it",
            l.distance_factor,
        ));
    } else if transfer_used < chances::DISTANCE_MIDPOINT {
        text.push_str(&format!(
            "; ×{:.2} as moves that transfer this little are seldom made (nineteen in twenty of the moves O*NET lists as needing little preparation score above {:.2})",
            l.distance_factor,
            chances::DISTANCE_MIDPOINT
        ));
    } else if l.distance_factor < 0.9 && l.own_work_readiness.is_some() {
        text.push_str(&format!(
            "; ×{:.2} as your readiness is below what most of the moves O*NET lists as needing little preparation transfer",
            l.distance_factor,
        ));
    } else if l.distance_factor < 0.9 {
        text.push_str(&format!(
            "; ×{:.2} as it transfers less than most of the moves O*NET lists as needing little preparation",
            l.distance_factor,
        ));
    }
    if l.level_factor < 1.0 {
        let what = match (l.level_delta > 0, l.enters_management) {
            (true, true) => format!(
                "climbing {} and entering management",
                counted(i64::from(l.level_delta), "grade")
            ),
            (true, false) => format!("climbing {}", counted(i64::from(l.level_delta), "grade")),
            _ => "entering management above supervisor".to_owned(),
        };
        text.push_str(&format!("; ×{:.2} for {what}", l.level_factor));
    }
    if let Some(o) = &l.openings {
        text.push_str(&format!(
            "; ×{:.2} for openings ({} a year{}, {:.1} per 100 workers; employment {} by 2034, BLS projections)",
            o.factor,
            thousands((o.per_year_thousands * 1000.0).round() as u32),
            if o.aggregate {
                " in its broad group"
            } else {
                ""
            },
            o.rate * 100.0,
            growth(o.growth_percent)
        ));
    }
    if let Some(e) = l.experience.filter(|e| e.factor < 1.0) {
        text.push_str(&format!(
            "; ×{:.2} for experience: {:.1} of the {:.1} years of related experience it asks (each of your years counted by how closely its work relates)",
            e.factor, e.credited_years, e.required_years
        ));
    }
    if let Some(e) = l.education.filter(|e| e.factor < 1.0) {
        text.push_str(&format!(
            "; ×{:.2} for education: {}",
            e.factor,
            education_note(&e)
        ));
    }
    text.push('.');
    text
}

/// "Success is likely (0.81): you cover 93% of the skills and knowledge
/// the work of X needs, weighted by importance, and 70% of what it needs beyond the
/// typical occupation; to learn: A (3.0 now, 4.1 needed)…"
fn success_words(catalog: &Catalog, to: OccupationId, f: &Success, levels: &LevelsUsed) -> String {
    let title = &catalog.occupation(to).title;
    let mut text = format!(
        "Success is {} ({}): ",
        likelihood(f.chance),
        probability(f.chance)
    );
    // Said next to the title, so "its" cannot read as the typical occupation.
    let inferred = if f.inferred {
        " (its ratings are inferred from the rated occupations sharing its work)"
    } else {
        ""
    };
    match (f.coverage, f.distinctive_coverage) {
        (Some(c), Some(d)) => text.push_str(&format!(
            "you cover {:.0}% of the skills and knowledge the work of {title}{inferred} needs, weighted by importance, and {:.0}% of what it needs beyond the typical occupation",
            c * 100.0,
            d * 100.0,
        )),
        _ => text.push_str(&format!(
            "O*NET has no skill ratings for {title}{inferred} to compare yours with"
        )),
    }
    if f.coverage.is_some() {
        let origin = &catalog.occupation(levels.typical_of).title;
        text.push_str(&match levels.self_assessed {
            0 => format!(
                "; judged on the typical levels of {origin} — rate your own in the profile's [[skills]] to be judged on yours"
            ),
            n => format!(
                "; judged on your own rating of {} and the typical levels of {origin} for the rest",
                counted(n as i64, "skill")
            ),
        });
    }
    if !f.shortfalls.is_empty() {
        let names: Vec<String> = f
            .shortfalls
            .iter()
            .map(|x| {
                format!(
                    "{} ({:.1} now, {:.1} needed)",
                    catalog.element_label(x.element),
                    x.have,
                    x.need
                )
            })
            .collect();
        text.push_str(&format!("; to learn: {}", names.join(", ")));
    }
    if f.enters_management {
        text.push_str(&format!(
            "; as a first management role, its management skills and knowledge are learned there and count at {:.0}%",
            chances::MANAGEMENT_GAP_WEIGHT * 100.0
        ));
    }
    if f.stretch > 0 {
        text.push_str(&format!(
            "; ×{:.2} for a role {} above yours",
            f.stretch_factor,
            counted(i64::from(f.stretch), "grade")
        ));
    }
    if f.preparation_gap > 0 {
        text.push_str(&format!(
            "; ×{:.2} for {} more preparation than your occupation asks",
            f.preparation_factor,
            counted(i64::from(f.preparation_gap), "job zone")
        ));
    }
    text.push('.');
    text
}

/// The study a route's move waits for, if any: " (2.0 of them studying
/// for a master's degree alongside the work)".
fn study_words(s: &switchback_core::route::plan::Step) -> String {
    match s.study_for.filter(|_| s.study_years > 0.0) {
        Some(c) => format!(
            " ({:.1} of them studying for {}{})",
            s.study_years,
            education_words(c),
            if s.study_full_time {
                " full-time, unpaid"
            } else {
                " alongside the work"
            }
        ),
        None => String::new(),
    }
}

/// The name of a title source in JSON.
pub fn title_source_name(source: TitleSource) -> &'static str {
    match source {
        TitleSource::Title => "title",
        TitleSource::Alternate => "alternate_title",
        TitleSource::Reported => "reported_title",
    }
}

/// How a typed role was read, in words: `read from "Police Sergeant", an
/// O*NET alternate title` (or `… nearest O*NET title "…"` when the text is
/// not a title itself).
pub fn role_read(r: &RoleRead) -> String {
    let kind = match r.source {
        TitleSource::Title => "the occupation's O*NET title",
        TitleSource::Alternate => "an O*NET alternate title",
        TitleSource::Reported => "a title its workers report to O*NET",
    };
    let read = if r.text.eq_ignore_ascii_case(&r.matched) {
        format!("read from {}, {kind}", quoted(&r.text))
    } else {
        // O*NET's own title is quoted whole; only the typed text is cut.
        format!(
            "read from {}: the nearest O*NET title is \"{}\", {kind}",
            quoted(&r.text),
            r.matched
        )
    };
    match &r.also {
        Some((title, code)) => {
            format!("{read}; {title} matches it as well — give its code, {code}, to mean that")
        }
        None => read,
    }
}

/// One thing to say or do in the first weeks, in words.
pub fn first_week(catalog: &Catalog, w: FirstWeek) -> String {
    match w {
        FirstWeek::Thank {
            newcomer_post: true,
        } => "Thank your new manager for the opportunity: they could have hired someone cheaper, fresh out of school.".to_owned(),
        FirstWeek::Thank {
            newcomer_post: false,
        } => "Thank your new manager for the opportunity: they could have hired someone cheaper, with less experience than you bring.".to_owned(),
        FirstWeek::NeverSlumming => "Never suggest you are \"slumming it\": it disrespects your new colleagues and spends the goodwill you need.".to_owned(),
        FirstWeek::LeavingDepartment => "You are leaving a familiar department and team: expect the loss of standing to weigh more than the title.".to_owned(),
        FirstWeek::DevelopmentPlan {
            toward: Some((goal, level)),
        } => format!(
            "Agree a development plan with your new manager in the first weeks, aligned to your goal: {} ({}).",
            catalog.occupation(goal).title,
            level.words()
        ),
        FirstWeek::DevelopmentPlan { toward: None } => "Agree a development plan with your new manager in the first weeks: what this role should teach you, and where you want it to lead.".to_owned(),
        FirstWeek::ObjectivesAndTenure => "Set measurable objectives and a mutually agreed tenure for this role, with your HR business partner involved.".to_owned(),
    }
}

/// A projected change of employment in whole percent: "+6%", "-1%", and
/// "about the same" for what rounds to none (never "-0%").
fn growth(percent: f32) -> String {
    let whole = percent.round();
    if whole == 0.0 {
        "about the same".to_owned()
    } else {
        format!("{whole:+.0}%")
    }
}

/// "1 grade", "2 grades".
fn counted(n: i64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Why the advisor proposes no move toward `goal`, in words.
pub fn no_proposals(catalog: &Catalog, goal: OccupationId, why: &NoProposals) -> String {
    let goal = catalog.occupation(goal).title.as_str();
    match why {
        NoProposals::StudyFirst {
            route,
            within_horizon,
        } => {
            let study = route
                .steps
                .first()
                .and_then(|s| s.study_for.map(|c| (s.study_years, c, s.study_full_time)));
            let first = match study {
                Some((years, category, full_time)) => format!(
                    "{years:.1} years of study for {}, {}",
                    education_words(category),
                    if full_time {
                        "full-time and unpaid"
                    } else {
                        "alongside your work"
                    }
                ),
                None => "study".to_owned(),
            };
            let whose = if *within_horizon {
                format!("Every route to {goal} from where you stand begins with")
            } else {
                format!("No route reaches {goal} within your horizon; the fastest begins with")
            };
            format!(
                "{whose} {first}, so there is no move to propose before it: {} — {:.1} years in all, probability {} of landing every move. `switchback route` plans it.",
                route_steps(catalog, route),
                route.years_to_goal,
                probability(route.probability)
            )
        }
        NoProposals::AtGoal => format!(
            "You already work as {goal} at your goal's level or above it: there is no move to propose toward that goal. Set a goal beyond where you stand, or list the options you are weighing."
        ),
        NoProposals::NoRoute {
            searched_years,
            limits,
            ..
        } if limits.is_empty() => format!(
            "No route reaches {goal} from where you stand, even within {searched_years:.0} years, through moves the O*NET data supports: there is no move to propose toward it."
        ),
        NoProposals::NoRoute {
            limits,
            without_limits,
            ..
        } => {
            let way = without_limits.as_ref().map_or(String::new(), |r| {
                format!(
                    " ({} — {:.1} years in all, probability {})",
                    route_steps(catalog, r),
                    r.years_to_goal,
                    probability(r.probability)
                )
            });
            format!(
                "No route reaches {goal} from where you stand within your own limits ({}); without them one would{way}: there is no move to propose within them.",
                limit_words(limits)
            )
        }
    }
}

/// "Financial Managers (manager) after 3.0 years, then …".
fn route_steps(catalog: &Catalog, r: &switchback_core::route::plan::Route) -> String {
    r.steps
        .iter()
        .map(|s| {
            // Durations are in hundredths of a year; below one, it is now.
            let when = if s.years >= 0.005 {
                format!("after {:.1} years", s.years)
            } else {
                "now".to_owned()
            };
            format!(
                "{} ({}) {when}{}",
                catalog.occupation(s.to.occupation).title,
                s.to.level.words(),
                study_words(s)
            )
        })
        .collect::<Vec<_>>()
        .join(", then ")
}

/// Years rounded up to the tenth: a route just past the horizon (7.02
/// years of a 7-year one) must not print as inside it.
fn tenths_up(years: f32) -> f32 {
    (years * 10.0 - 1e-3).ceil() / 10.0
}

/// `route`'s note when the person's own limits are what stand between
/// them and their goal ([`switchback_core::advisor::limits_in_the_way`]).
pub fn limits_in_the_way(
    catalog: &Catalog,
    goal: OccupationId,
    limits: &[Limit],
    route: &switchback_core::route::plan::Route,
) -> String {
    format!(
        "No route reaches {} within your own limits ({}); without them one would: {} — {:.1} years in all, probability {}.",
        catalog.occupation(goal).title,
        limit_words(limits),
        route_steps(catalog, route),
        route.years_to_goal,
        probability(route.probability)
    )
}

/// "pay of at least $70,000, steps down of at most 1 grade".
fn limit_words(limits: &[Limit]) -> String {
    limits
        .iter()
        .map(|l| match l {
            Limit::MinSalary(floor) => format!("pay of at least {}", dollars(*floor)),
            Limit::MaxStepDown(max) => {
                format!(
                    "steps down of at most {}",
                    counted(i64::from(*max), "grade")
                )
            }
            Limit::ExcludedOccupations(n) => counted(*n as i64, "excluded occupation"),
            Limit::PromotionBlocked => {
                "no step up from where you stand (`situation.promotion_blocked`)".to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn onward_words(catalog: &Catalog, goal_name: &str, onward: &Onward) -> String {
    match onward {
        Onward::GoalItself => format!("This option is the goal itself: {goal_name}."),
        Onward::Route(r) => format!(
            "From there, {goal_name} is reachable in {:.1} years with probability {}: {}.",
            r.years_to_goal,
            probability(r.probability),
            route_steps(catalog, r)
        ),
        Onward::NoRoute {
            horizon,
            nearest,
            limits,
        } if limits.is_empty() => match nearest {
            Some(n) if n.beyond_limits.is_empty() => format!(
                "No route from there reaches {goal_name} within {horizon} years in the O*NET data; the fastest takes {:.1} years.",
                tenths_up(n.years)
            ),
            Some(n) => format!(
                "No route from there reaches {goal_name} within {horizon} years in the O*NET data; the fastest takes {:.1} years, and only without your own limits ({}).",
                tenths_up(n.years),
                limit_words(&n.beyond_limits)
            ),
            None => format!(
                "No route from there reaches {goal_name} within {horizon} years in the O*NET data, nor within {} years.",
                switchback_core::route::plan::nearest_horizon(*horizon)
            ),
        },
        Onward::NoRoute {
            horizon, limits, ..
        } => format!(
            "No route from there reaches {goal_name} within {horizon} years within your own limits ({}); without them one would.",
            limit_words(limits)
        ),
    }
}

/// "Pay goes from $A to $B a year (+5%); over 8 years that is $X more
/// than staying at today's pay if you make the whole way to your goal —
/// this post, then every move of its onward route (probability 0.41), and
/// $Y less if you stay in this post." `now` is 0 for a person out of work.
/// With an onward route (`onward`: the chance of the whole way and the pay
/// given up if it stalls), the
/// comparison is said both ways: the route is not certain.
fn pay_words(
    now: u32,
    pay: u32,
    cost: Option<i64>,
    horizon: f32,
    onward: Option<(f32, i64)>,
    short_runway: Option<f32>,
) -> String {
    let amount = |c: i64| dollars(u32::try_from(c.unsigned_abs()).unwrap_or(u32::MAX));
    // Pay given up (positive) or gained (negative), in words.
    let difference = |c: i64| match c {
        0 => "no different".to_owned(),
        c if c > 0 => format!("{} less", amount(c)),
        c => format!("{} more", amount(c)),
    };
    let against_today = |c: i64| match c {
        0 => "the same as staying at today's pay".to_owned(),
        c => format!("{} than staying at today's pay", difference(c)),
    };
    let if_route = |p: f32| {
        format!(
            " if you make the whole way to your goal — this post, then every move of its onward route (probability {})",
            probability(p)
        )
    };
    // The likelier outcome is said first: the whole way when it is
    // likelier than not, else staying in this post.
    let both_ways = |whole: String, p: f32, stalled: String| {
        const IF_STAYED: &str = " if you stay in this post";
        if p >= 0.5 {
            format!(
                "; over {horizon} years that is {whole}{}, and {stalled}{IF_STAYED}",
                if_route(p)
            )
        } else {
            format!(
                "; over {horizon} years that is {stalled}{IF_STAYED}, and {whole}{}",
                if_route(p)
            )
        }
    };
    if now == 0 {
        // No years of unemployment are assumed: the comparison is with no
        // pay now, and the route's earnings are said as earnings.
        let route = match (cost, onward) {
            (Some(c), Some((p, stalled))) => both_ways(
                format!("{} earned", amount(c)),
                p,
                format!("{} earned", amount(stalled)),
            ),
            _ => String::new(),
        };
        return format!(
            "You are out of work: this pays {} a year, against no pay now{route}.",
            dollars(pay)
        );
    }
    let pct = (f64::from(pay) / f64::from(now) - 1.0) * 100.0;
    let compared = match (cost, onward) {
        (Some(c), Some((p, stalled))) => both_ways(against_today(c), p, against_today(stalled)),
        (Some(c), None) if c != 0 => format!("; over {horizon} years that is {}", against_today(c)),
        _ => String::new(),
    };
    let runway = short_runway.map_or(String::new(), |m| {
        let monthly = (f64::from(now) - f64::from(pay)) / 12.0;
        format!(
            " Your savings last {}: the {} a month less is yours to cover from the first month — budget for it before you accept.",
            months(m),
            dollars(monthly.round() as u32)
        )
    });
    format!(
        "Pay goes from {} to {} a year ({pct:+.0}%){compared}.{runway}",
        dollars(now),
        dollars(pay)
    )
}

/// Months of savings in words: "no savings" aside, whole months as a count.
fn months(m: f32) -> String {
    if m < 0.05 {
        "no time at all".to_owned()
    } else if (m - m.round()).abs() < 0.05 {
        counted(m.round() as i64, "month")
    } else {
        format!("{m:.1} months")
    }
}

/// [`rating_note`] for the person's own occupation, with what to do
/// about it: every judgement reads those ratings as theirs unless they
/// rate their own (`self_rated`).
pub(crate) fn own_ratings_note(
    catalog: &Catalog,
    id: OccupationId,
    source: &RatingSource,
    self_rated: bool,
) -> Option<String> {
    let subject = format!("Your occupation, {},", catalog.occupation(id).title);
    let note = subject_rating_note(catalog, &subject, source)?;
    Some(if self_rated {
        format!("{note}; your own [[skills]] ratings count where you gave them.")
    } else {
        format!(
            "{note}; every judgement below reads them as yours — rate your own in the profile's [[skills]] to be judged on what you bring."
        )
    })
}

/// Where an occupation's skill ratings come from, when not from O*NET's
/// own survey of it: `side` opens the sentence ("origin", "destination").
pub(crate) fn rating_note(
    catalog: &Catalog,
    side: &str,
    id: OccupationId,
    source: &RatingSource,
) -> Option<String> {
    let title = &catalog.occupation(id).title;
    subject_rating_note(catalog, &format!("{side} {title}"), source)
}

/// [`rating_note`] of an occupation named by `subject` ("origin Data
/// Scientists", "Your occupation, Data Scientists,").
fn subject_rating_note(catalog: &Catalog, subject: &str, source: &RatingSource) -> Option<String> {
    match source {
        RatingSource::Rated => None,
        RatingSource::Imputed(from) => Some(format!(
            "{subject} has no O*NET 29.3 skill ratings; they are inferred from its job zone and the rated occupations most like it in work activities, titles and technologies ({}{}), and used at full weight",
            from.iter()
                .take(5)
                .map(|d| catalog.occupation(*d).title.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            if from.len() > 5 {
                format!(", and {} more", from.len() - 5)
            } else {
                String::new()
            }
        )),
        RatingSource::Missing => Some(format!(
            "{subject} has no skill or knowledge data to compare"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "No route onward" is said of the horizon: a route may exist that
    /// takes longer, and the reason beside it says how long.
    #[test]
    fn no_way_onward_is_said_of_the_horizon() {
        let catalog = switchback_core::fixture::catalog();
        let text = reason(&catalog, &Reason::NoWayOnward);
        assert!(
            text.contains("no route onward to your goal within your horizon"),
            "{text}"
        );
    }

    #[test]
    fn a_title_read_names_the_whole_onet_title_and_cuts_only_the_typed_text() {
        let matched = "First-Line Supervisors of Material-Moving Machine and Vehicle Operators";
        let read = RoleRead {
            text: "First-Line Supervisors of Transportation and Material Moving Workers, Except Aircraft Cargo Handling Supervisors".to_owned(),
            matched: matched.to_owned(),
            source: TitleSource::Title,
            also: None,
        };
        let words = role_read(&read);
        assert!(words.contains(&format!("\"{matched}\"")), "{words}");
        assert!(words.contains("more characters)"), "{words}");
    }

    #[test]
    fn pay_compares_with_nothing_for_a_person_out_of_work() {
        let text = pay_words(0, 40_000, Some(-200_000), 5.0, None, None);
        assert_eq!(
            text,
            "You are out of work: this pays $40,000 a year, against no pay now."
        );
        let text = pay_words(0, 40_000, Some(-350_000), 5.0, Some((0.6, -200_000)), None);
        assert_eq!(
            text,
            "You are out of work: this pays $40,000 a year, against no pay now; over 5 years that is $350,000 earned if you make the whole way to your goal — this post, then every move of its onward route (probability 0.60), and $200,000 earned if you stay in this post."
        );
    }

    #[test]
    fn a_pay_cut_on_short_savings_says_its_monthly_cost() {
        let text = pay_words(42_000, 31_000, Some(55_000), 5.0, None, Some(2.0));
        assert_eq!(
            text,
            "Pay goes from $42,000 to $31,000 a year (-26%); over 5 years that is $55,000 less than staying at today's pay. Your savings last 2 months: the $917 a month less is yours to cover from the first month — budget for it before you accept."
        );
    }

    #[test]
    fn pay_says_how_likely_the_onward_route_it_counts_is() {
        // Likelier than not, the whole way is said first; else staying.
        let text = pay_words(
            100_000,
            90_000,
            Some(-50_000),
            8.0,
            Some((0.62, 80_000)),
            None,
        );
        assert_eq!(
            text,
            "Pay goes from $100,000 to $90,000 a year (-10%); over 8 years that is $50,000 more than staying at today's pay if you make the whole way to your goal — this post, then every move of its onward route (probability 0.62), and $80,000 less than staying at today's pay if you stay in this post."
        );
        let text = pay_words(
            100_000,
            90_000,
            Some(-50_000),
            8.0,
            Some((0.39, 80_000)),
            None,
        );
        assert_eq!(
            text,
            "Pay goes from $100,000 to $90,000 a year (-10%); over 8 years that is $80,000 less than staying at today's pay if you stay in this post, and $50,000 more than staying at today's pay if you make the whole way to your goal — this post, then every move of its onward route (probability 0.39)."
        );
        let text = pay_words(100_000, 90_000, Some(80_000), 8.0, None, None);
        assert!(
            text.ends_with("that is $80,000 less than staying at today's pay."),
            "{text}"
        );
    }

    #[test]
    fn necessity_says_why_a_held_offer_is_no_alternative() {
        let text = necessity_words(Some(1.0), Some(0), (0, 1));
        assert!(
            text.contains("you have no other offers (the offer you hold among these options pays below your floor)"),
            "{text}"
        );
        let text = necessity_words(Some(1.0), Some(0), (1, 0));
        assert!(
            text.contains("you have one other offer (the one you hold among these options)"),
            "{text}"
        );
        let text = necessity_words(Some(1.0), Some(1), (1, 0));
        assert!(
            text.contains("you have one other offer (counting those you hold"),
            "{text}"
        );
        let text = necessity_words(Some(1.0), Some(3), (1, 0));
        assert!(
            text.contains("you have 3 other offers (counting those you hold"),
            "{text}"
        );
    }

    #[test]
    fn growth_never_prints_minus_zero() {
        assert_eq!(growth(-0.3), "about the same");
        assert_eq!(growth(0.4), "about the same");
        assert_eq!(growth(-1.2), "-1%");
        assert_eq!(growth(6.0), "+6%");
    }

    #[test]
    fn chances_are_named_by_the_advisor_thresholds() {
        assert_eq!(likelihood(0.5), "likely");
        assert_eq!(likelihood(LIKELY), "about even");
        assert_eq!(likelihood(UNLIKELY), "uncertain");
        assert_eq!(likelihood(UNLIKELY - 0.01), "unlikely");
        assert_eq!(likelihood(VERY_UNLIKELY - 0.01), "very unlikely");
        // Judged as printed: 0.2999 prints 0.30.
        assert_eq!(likelihood(UNLIKELY - 0.0001), "uncertain");
    }
}

//! Talking points for the first conversations with the new manager and the
//! new team: why the move, what the person brings, what they want to
//! develop, and the tenure — said with the grace the seeds ask for.

use super::build::{TenureDates, stop_words};
use super::{Audience, DevelopmentElement, TalkingPoint};
use crate::advisor::{Circumstance, OptionAdvice};
use crate::catalog::Catalog;
use crate::position::MoveKind;
use crate::profile::Profile;
use crate::route::plan::Stop;
use crate::transition::TransitionModel;

pub(super) fn talking_points(
    catalog: &Catalog,
    model: &TransitionModel,
    profile: &Profile,
    option: &OptionAdvice,
    next: Stop,
    elements: &[DevelopmentElement],
    tenure: &TenureDates,
) -> Vec<TalkingPoint> {
    let new_title = &catalog.occupation(option.position.occupation).title;
    let next_words = stop_words(catalog, next);
    let mut points = Vec::new();
    let mut manager = |text: String| {
        points.push(TalkingPoint {
            audience: Audience::Manager,
            text,
        })
    };
    for c in &option.circumstances {
        let why = match c {
            Circumstance::Necessity => "I took this role because it is the right move for me now, and I mean to make a success of it.".to_owned(),
            Circumstance::ChangeProfession => format!(
                "I am changing profession on purpose: {new_title} is where I want to build a career, and I would rather learn it properly than enter it too high."
            ),
            Circumstance::BroadenHorizons => "I moved to this department to see the organisation from another side; I would like to learn how this team's work connects to the rest.".to_owned(),
            Circumstance::AnotherRouteUp => format!(
                "The way up where I was is closed; this role opens a route toward {next_words}, and I would like us both to keep that route in view."
            ),
            Circumstance::TechnicalExperience => "I came here for the technical depth this role gives; I would like the work that builds it most.".to_owned(),
            Circumstance::ManagementExperience => "I came here to lead people: I would like to take on the parts of managing the team you are ready to hand over.".to_owned(),
        };
        manager(why);
    }
    let strengths = model
        .explain(
            catalog,
            profile.current.position.occupation,
            option.position.occupation,
            3,
        )
        .strengths;
    if !strengths.is_empty() {
        let names: Vec<String> = strengths
            .iter()
            .map(|s| catalog.element_label(s.element))
            .collect();
        manager(format!(
            "What I bring from my last role: {} — already at the level this role needs (O*NET).",
            join(&names)
        ));
    }
    if !elements.is_empty() {
        let names: Vec<&str> = elements.iter().map(|e| e.gap.name()).collect();
        manager(format!(
            "I would like us to agree a development plan in my first month around {}: what the work of {next_words} needs and I do not yet have.",
            join(&names)
        ));
    }
    manager(format!(
        "I am committed to this role until at least {}; I would like us to agree that the move to {next_words} is discussed between {} and {}.",
        tenure.earliest, tenure.earliest, tenure.latest
    ));
    manager("I would like our HR business partner to join the first review, so the plan, the training and the tenure are agreed by all three of us.".to_owned());
    let mut team = |text: String| {
        points.push(TalkingPoint {
            audience: Audience::Team,
            text,
        })
    };
    team(format!(
        "I am new to how this team does {new_title} work: I will ask a lot of questions in the first weeks."
    ));
    if !strengths.is_empty() {
        team(format!(
            "Where my experience with {} helps, I am glad to lend a hand — ask.",
            catalog.element_label(strengths[0].element)
        ));
    }
    // The seed's "never suggest you are slumming it" is for a step down or
    // aside; a promotion's grace is to learn before changing things.
    team(if option.movement.kind == MoveKind::StepUp {
        "Learn how the team works and why before changing it: its trust is earned, not given with the title.".to_owned()
    } else {
        "Speak of the new role with respect: never suggest it is beneath you; your colleagues chose this work.".to_owned()
    });
    points
}

fn join(names: &[impl AsRef<str>]) -> String {
    match names {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => format!(
            "{} and {}",
            init.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

//! The two chances of one move for one person, kept apart because the seed
//! asks them apart:
//!
//! - **landing** — the chance of *getting* the position: how far the
//!   person's skills and experience transfer (the transition model's
//!   score, fitted to the moves people make — and how rarely moves that
//!   transfer this little are made), how many grades the move
//!   climbs, whether it enters management from individual work, the
//!   related experience the position asks for, and how often a position of
//!   that kind comes free (BLS Employment Projections' openings per worker).
//!   A route's probability is the product of its moves' landing chances.
//! - **success** — the chance of *doing well* once there ("if you believe
//!   you can be successful in the lower role"): the person's own skill and
//!   knowledge levels (their occupation's, overridden by the profile's
//!   self-assessment) against what the position needs, the grades it
//!   stretches above where they stand, and the preparation (job zone) gap.
//!
//! Both are plain functions of their inputs; every factor is returned with
//! the chance, so the English of a reason names the facts behind it.

use crate::catalog::{Catalog, ElementId, OccupationId};
use crate::level::Level;
use crate::position::Track;
use crate::transition::TransitionModel;

/// Landing factor of a move by the grades it climbs: +1, +2.
pub(crate) const PROMOTION_FACTOR: [f32; 2] = [0.8, 0.5];
/// Landing factor, per grade above supervisor (grade 5), of entering the
/// management track from individual work: without experience of managing
/// people, people are "often overlooked" for management roles, so entry is
/// easiest as a supervisor.
pub(crate) const MANAGEMENT_ENTRY_FACTOR: f32 = 0.5;
/// Openings a year per worker employed in the median occupation of the
/// BLS 2024–34 projections (832 line items; 10th percentile 0.062, 90th
/// 0.144).
pub(crate) const TYPICAL_OPENINGS_RATE: f32 = 0.0887;
/// How strongly openings move the landing chance: the factor is
/// `(rate / typical) ^ OPENINGS_ELASTICITY`, within [`OPENINGS_BOUNDS`].
pub(crate) const OPENINGS_ELASTICITY: f32 = 0.25;
/// The least and most the openings factor may be.
pub(crate) const OPENINGS_BOUNDS: (f32, f32) = (0.8, 1.2);
/// Feasibility at which a move keeps half of its transfer in the landing
/// chance ([`distance_factor`]): the 5th percentile of the transition
/// scores of the moves O*NET's Career Changers Matrix lists as needing
/// little additional preparation (0.404; `cargo run --release -p
/// switchback-data --example calibrate_landing`). Nineteen in twenty of
/// those moves score above it.
pub const DISTANCE_MIDPOINT: f32 = 0.40;
/// Width of the distance factor's logistic curve, in feasibility: the
/// inverse slope of a logistic regression of "the Career Changers Matrix
/// lists this move" on the score, over the fit half of its origins (slope
/// 18.7). It says how fast the odds that people make a move fall as the
/// work transfers less.
pub(crate) const DISTANCE_WIDTH: f32 = 0.0535;
/// The highest landing chance any move is given: no hiring is certain.
pub(crate) const MAX_LANDING: f32 = 0.95;
/// Success when the person covers every need of the position; coverage
/// below 1 lowers it along a logistic curve centred on [`SUCCESS_MIDPOINT`].
/// The coverage is the mean of [`Success::coverage`] and
/// [`Success::distinctive_coverage`].
pub(crate) const MAX_SUCCESS: f32 = 0.95;
/// Coverage at which success is half of [`MAX_SUCCESS`]. With
/// [`SUCCESS_WIDTH`], the curve passes the 10th percentile of the coverage
/// of the moves O*NET's Career Changers Matrix lists (0.550, for a person
/// with the origin's typical skills) at 0.76 and their median (0.771) at
/// 0.92: moves people make with little preparation are likely to go well
/// (`cargo run --release -p switchback-data --example calibrate_success`).
pub(crate) const SUCCESS_MIDPOINT: f32 = 0.40;
/// Width of the logistic curve, in coverage.
pub(crate) const SUCCESS_WIDTH: f32 = 0.105;
/// Success factor for a position one or two grades above the person's.
pub(crate) const STRETCH_FACTOR: [f32; 2] = [0.9, 0.75];
/// Success factor per job zone of preparation the position asks beyond the
/// person's occupation.
pub(crate) const PREPARATION_FACTOR: f32 = 0.85;
/// Share of a shortfall in management skills and knowledge that counts
/// when the move enters management from individual work: a first
/// supervisory post is where management is learned, and employers hiring
/// into one expect the gap (the seed's "management experience").
pub const MANAGEMENT_GAP_WEIGHT: f32 = 0.5;
/// The management elements: Time Management, Management of Financial,
/// Material and Personnel Resources (2.B.5.a–d), Administration and
/// Management (2.C.1.a), Personnel and Human Resources (2.C.1.f).
pub(crate) const MANAGEMENT_ELEMENTS: [&str; 6] = [
    "2.B.5.a", "2.B.5.b", "2.B.5.c", "2.B.5.d", "2.C.1.a", "2.C.1.f",
];
/// What a position needs, per grade below its occupation's typical grade,
/// as a share of the occupation's O*NET levels: a junior accountant is not
/// rated as the typical (senior) one.
pub(crate) const NEED_PER_GRADE_BELOW: f32 = 0.05;
/// A shortfall is named when the position rates the element at least this
/// important (1–5) …
pub(crate) const SHORTFALL_IMPORTANCE: f32 = 3.0;
/// … and needs at least this many levels (0–7) more than the person has.
pub(crate) const SHORTFALL_LEVELS: f32 = 0.5;

/// One side of a move, as the chances read it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Side {
    /// The occupation.
    pub occupation: OccupationId,
    /// The level.
    pub level: Level,
    /// The track (the person's own on the origin side).
    pub track: Track,
}

/// How often a position of the destination's kind comes free.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Openings {
    /// Openings a year, in thousands (BLS 2024–34 annual average).
    pub per_year_thousands: f32,
    /// Openings a year per worker employed.
    pub rate: f32,
    /// The factor it gives the landing chance.
    pub factor: f32,
    /// The figures are for the SOC broad group, not the occupation alone.
    pub aggregate: bool,
    /// Employment change 2024–34, percent (already inside `rate`, which
    /// counts growth with exits and transfers; shown for the reader).
    pub growth_percent: f32,
}

/// Related experience credited against what the position asks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExperienceFit {
    /// Years credited (each year counted by how related its work is).
    pub credited_years: f32,
    /// Years the position asks.
    pub required_years: f32,
    /// The factor it gives the landing chance (1 when enough).
    pub factor: f32,
}

/// The person's education against what the position asks of those
/// entering it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EducationFit {
    /// The person's education, an RL category 1–12.
    pub have: u8,
    /// The education that is a gate to the position, an RL category
    /// ([`crate::transition::profile::Profile::gated_education`]).
    pub entry: u8,
    /// The share (0–1) of its workers who say it requires `entry` or more
    /// (three in four at least, for a master's; nineteen in twenty, for a
    /// degree below it).
    pub named_share: f32,
    /// The share (0–1) of its positions that ask no more than `have`.
    pub open_share: f32,
    /// The factor it gives the landing chance: 1 with `have` ≥ `entry`,
    /// else `open_share` — only those positions are open to the person.
    pub factor: f32,
    /// `have` is the typical education of the person's occupation, not
    /// theirs (the profile does not say).
    pub assumed: bool,
    /// The position's answers are inferred from similar occupations
    /// (O*NET has no education survey of it).
    pub inferred: bool,
    /// `have` is the bachelor's a first professional or doctoral degree
    /// counts as toward a health practitioner's profession it did not
    /// license ([`education_toward`]).
    pub licensed_elsewhere: bool,
}

/// The RL category the education `have` of a person from occupation
/// `own` counts as toward occupation `to`: itself, except that a first
/// professional or doctoral degree (RL 10 and above) toward a health
/// practitioner's profession (SOC 29-1) other than the one it licensed
/// counts as the bachelor's it was built on — a pharmacist's PharmD is no
/// physician's or veterinarian's degree, nor a research scientist's PhD a
/// pathologist's MD ([`Occupation::practitioner_degree`]). A pharmacist was
/// told she could be a pathologist "now".
///
/// [`Occupation::practitioner_degree`]: crate::catalog::Occupation::practitioner_degree
///
/// Whose degree: a person who works in another practitioner's profession
/// holds that one's degree; one who works elsewhere (a health services
/// manager, a medical scientist) may hold any, so only a degree read from
/// their occupation (`assumed`: the profile does not say) is taken for
/// another profession's — a physician who says she holds a professional
/// degree and now manages a clinic is not sent back to medical school.
pub fn education_toward(
    catalog: &Catalog,
    (have, assumed): (u8, bool),
    own: OccupationId,
    to: OccupationId,
) -> u8 {
    const BACHELORS: u8 = 6;
    let Some(licensed) = catalog.occupation(to).practitioner_degree() else {
        return have;
    };
    let other_profession = match catalog.occupation(own).practitioner_degree() {
        Some(own) => own != licensed,
        None => assumed,
    };
    if have >= crate::route::plan::PROFESSIONAL_EDUCATION && other_profession {
        have.min(BACHELORS)
    } else {
        have
    }
}

/// [`EducationFit`] of a person with education `have` for a position whose
/// occupation has `profile`; `None` where its education is unknown.
/// Levels compare by the years of schooling they stand for, as routes
/// compare them (a certificate and some college are both 13 years).
pub(crate) fn education_fit(
    have: u8,
    assumed: bool,
    profile: &crate::transition::profile::Profile,
) -> Option<EducationFit> {
    let years = |c: u8| crate::transition::profile::schooling_years(c);
    let have_years = years(have)?;
    let d = profile.education.as_ref()?;
    let entry = profile.gated_education()?;
    let total: f32 = d.percent.iter().sum();
    let share = |keep: &dyn Fn(f32) -> bool| -> f32 {
        if total <= 0.0 {
            return 1.0;
        }
        let kept: f32 = d
            .percent
            .iter()
            .enumerate()
            .filter(|(i, _)| years(*i as u8 + 1).is_some_and(keep))
            .map(|(_, p)| p)
            .sum();
        kept / total
    };
    let entry_years = years(entry)?;
    let open_share = share(&|y| y <= have_years);
    let enough = have_years >= entry_years;
    Some(EducationFit {
        have,
        entry,
        named_share: share(&|y| y >= entry_years),
        open_share,
        factor: if enough { 1.0 } else { open_share },
        assumed,
        inferred: profile.education_inferred,
        licensed_elsewhere: false,
    })
}

/// [`EducationFit`] of a person with education `have` from occupation
/// `own` for a post of occupation `to`, their degree read as it counts
/// there ([`education_toward`]).
pub(crate) fn education_fit_toward(
    catalog: &Catalog,
    model: &TransitionModel,
    (have, assumed): (u8, bool),
    own: OccupationId,
    to: OccupationId,
) -> Option<EducationFit> {
    let toward = education_toward(catalog, (have, assumed), own, to);
    let fit = education_fit(toward, assumed, model.profile(to))?;
    Some(EducationFit {
        licensed_elsewhere: toward < have,
        ..fit
    })
}

/// The chance of getting the position, with its facts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Landing {
    /// The chance, 0–1.
    pub chance: f32,
    /// How far skills and experience transfer (the transition model's score).
    pub transfer: f32,
    /// The factor for how rarely moves that transfer this little are made
    /// ([`distance_factor`]; about 1 for the moves people commonly make).
    pub distance_factor: f32,
    /// Grades climbed (negative for a step down).
    pub level_delta: i8,
    /// The factor for the climb and any entry into management.
    pub level_factor: f32,
    /// The move enters management from individual work.
    pub enters_management: bool,
    /// Openings, when BLS projects the occupation.
    pub openings: Option<Openings>,
    /// Experience, when the caller credits it (routes wait for enough
    /// experience instead, so they pass none).
    pub experience: Option<ExperienceFit>,
    /// Education, when the caller weighs it (routes wait for the study
    /// instead, so they pass none).
    pub education: Option<EducationFit>,
    /// On a move into work of the person's own function at or below their
    /// grade ([`own_work`]): their readiness for the position
    /// ([`Success::readiness`]), when it is above `transfer` — it then
    /// stands in for it. They have done or overseen this work; the
    /// transition score, fitted to the moves people choose, says how rarely
    /// people step down, not whether an employer would take them.
    pub own_work_readiness: Option<f32>,
    /// The person holds an offer for the post ([`Landing::offered`]): the
    /// chance is 1, and this is what it would be without the offer.
    pub without_offer: Option<f32>,
}

impl Landing {
    /// The landing of a post the person holds an offer for: certain. The
    /// facts stay, with the chance they give in [`Self::without_offer`].
    pub fn offered(self) -> Landing {
        Landing {
            chance: 1.0,
            without_offer: Some(self.chance),
            ..self
        }
    }
}

/// An element the position needs more of than the person has.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shortfall {
    /// The element.
    pub element: ElementId,
    /// The person's level.
    pub have: f32,
    /// The position's level.
    pub need: f32,
}

/// The chance of doing well in the position, with its facts.
#[derive(Clone, Debug, PartialEq)]
pub struct Success {
    /// The chance, 0–1.
    pub chance: f32,
    /// Share of the position's importance-weighted skill and knowledge
    /// levels the person covers, 0–1 (`None` when either side is unrated).
    pub coverage: Option<f32>,
    /// The same share of what the position needs *above the typical
    /// occupation* ([`TransitionModel::typical_level`]): programming for a
    /// data scientist, not speaking. 1 when it needs nothing above the
    /// typical; `None` with `coverage`. Success weighs the two equally:
    /// the generic skills every job rates important would otherwise drown
    /// the few that make the position what it is.
    pub distinctive_coverage: Option<f32>,
    /// The position's ratings are inferred, not O*NET's own.
    pub inferred: bool,
    /// The move enters management: management shortfalls count at
    /// [`MANAGEMENT_GAP_WEIGHT`].
    pub enters_management: bool,
    /// The largest shortfalls, largest first (at most three).
    pub shortfalls: Vec<Shortfall>,
    /// Grades the position stands above the person's (0 if not above).
    pub stretch: u8,
    /// The factor for the stretch.
    pub stretch_factor: f32,
    /// Job zones of preparation the position asks beyond the person's.
    pub preparation_gap: u8,
    /// The factor for the preparation gap.
    pub preparation_factor: f32,
}

/// The landing factor of a climb of `delta` grades, and of entering the
/// management track at `to`'s grade from individual work.
pub fn level_factor(delta: i8, from_track: Track, to: &Side) -> (f32, bool) {
    let climb = match delta {
        1 => PROMOTION_FACTOR[0],
        d if d >= 2 => PROMOTION_FACTOR[1],
        _ => 1.0,
    };
    let enters = from_track == Track::Individual && to.track == Track::Management;
    let entry = if enters {
        MANAGEMENT_ENTRY_FACTOR
            .powi(i32::from(to.level.grade()) - 5)
            .min(1.0)
    } else {
        1.0
    };
    (climb * entry, enters)
}

/// How often a position in `occupation` comes free, from BLS projections.
pub fn openings(catalog: &Catalog, occupation: OccupationId) -> Option<Openings> {
    let o = catalog.occupation(occupation).outlook.as_ref()?;
    let rate = o.openings_rate();
    (rate > 0.0).then(|| Openings {
        per_year_thousands: o.openings_thousands,
        rate,
        factor: (rate / TYPICAL_OPENINGS_RATE)
            .powf(OPENINGS_ELASTICITY)
            .clamp(OPENINGS_BOUNDS.0, OPENINGS_BOUNDS.1),
        aggregate: o.aggregate,
        growth_percent: o.change_percent,
    })
}

/// The experience factor: the square root of the share of the required
/// years credited — a shortfall lowers the chance without ruling it out.
pub(crate) fn experience_fit(credited_years: f32, required_years: f32) -> ExperienceFit {
    let factor = if required_years <= 0.0 || credited_years >= required_years {
        1.0
    } else {
        ((credited_years.max(0.0) + 0.5) / (required_years + 0.5)).sqrt()
    };
    ExperienceFit {
        credited_years,
        required_years,
        factor,
    }
}

/// Whether `to` is work of `from`'s own function that the person's
/// readiness speaks for ([`Landing::own_work_readiness`]): at or below
/// their grade, another occupation of the same profession (SOC broad
/// group), work `from` manages ([`crate::catalog::Occupation::manages`])
/// or the helpers of `from`'s trade ([`crate::catalog::Occupation::helps`])
/// — a head chef taking a line cook's post, a nurse manager a nurse's, an
/// electrician a helper's: work they have done or overseen; or, at most two grades above, the
/// first-line supervision of their own work ([`own_supervisor`]) — a truck
/// driver becoming the supervisor of vehicle operators, the step up most
/// trades and offices know. Where SOC has no first-line supervisor for the
/// work (professions: nursing, software, accounting), its first-line
/// supervision is the supervisor grade of the manager that manages it — a
/// nurse becoming a nurse manager, a developer a development team's lead.
pub fn own_work(catalog: &Catalog, model: &TransitionModel, from: &Side, to: &Side) -> bool {
    own_work_given(catalog, from, to, || {
        own_supervisor(catalog, model, from.occupation)
    })
}

/// [`own_work`] with the first-line supervision of `from`'s work
/// ([`own_supervisor`], a scan of the catalog) asked of `supervisor` only
/// when needed: a caller asking of many moves caches it.
pub fn own_work_given(
    catalog: &Catalog,
    from: &Side,
    to: &Side,
    supervisor: impl FnOnce() -> Option<OccupationId>,
) -> bool {
    let (a, b) = (
        catalog.occupation(from.occupation),
        catalog.occupation(to.occupation),
    );
    let (here, there) = (from.level.grade(), to.level.grade());
    let done = there <= here && (a.family() == b.family() || a.manages(b) || b.helps(a));
    let supervises = there <= here + crate::route::plan::MAX_CLIMB
        && b.manages(a)
        && match supervisor() {
            Some(supervisor) => supervisor == to.occupation,
            None => to.level == Level::Supervisor,
        };
    from.occupation != to.occupation && (done || supervises)
}

/// The first-line supervision of `a`'s work: of the first-line supervisor
/// occupations that supervise it
/// ([`crate::catalog::Occupation::manages`]), the SOC
/// occupation itself before its O*NET specialties (an electrician's is the
/// construction trades' supervisor, not the solar installation manager),
/// then the one `a`'s work transfers to best.
pub fn own_supervisor(
    catalog: &Catalog,
    model: &TransitionModel,
    a: OccupationId,
) -> Option<OccupationId> {
    // Kept for the model's lifetime: the model is built from this
    // catalog, and the answer depends on nothing else.
    model.supervision_of(a, || {
        managing(catalog, model, a, |o| o.is_first_line_supervision())
    })
}

/// The management of `a`'s work in SOC major group 11, chosen as
/// [`own_supervisor`] chooses: the grade above a first-line supervisor
/// (a head cook's is food service management).
pub fn own_manager(
    catalog: &Catalog,
    model: &TransitionModel,
    a: OccupationId,
) -> Option<OccupationId> {
    managing(catalog, model, a, |o| {
        o.is_management() && !o.is_first_line_supervision()
    })
}

/// Of the occupations `kind` admits that manage `a`'s work, the SOC
/// occupation before its specialties, then the one `a`'s work transfers
/// to best.
fn managing(
    catalog: &Catalog,
    model: &TransitionModel,
    a: OccupationId,
    kind: impl Fn(&crate::catalog::Occupation) -> bool,
) -> Option<OccupationId> {
    let worker = catalog.occupation(a);
    (0..catalog.occupations().len())
        .map(|i| OccupationId(i as u16))
        .filter(|&c| {
            let o = catalog.occupation(c);
            c != a && kind(o) && o.manages(worker)
        })
        .max_by(|&x, &y| {
            let base = |c: OccupationId| catalog.occupation(c).code.as_str().ends_with(".00");
            base(x)
                .cmp(&base(y))
                .then(model.score(a, x).total_cmp(&model.score(a, y)))
                .then(y.cmp(&x))
        })
}

/// The chance of getting `to` from `from`, given how far the work
/// transfers (`transfer`, the model's score), optionally experience and
/// education, and — on a move into the person's own function's work — their
/// readiness for it, which stands in for the transfer when higher: the
/// caller passes `readiness` only where [`own_work`] holds.
pub fn landing(
    catalog: &Catalog,
    transfer: f32,
    from: &Side,
    to: &Side,
    experience: Option<ExperienceFit>,
    education: Option<EducationFit>,
    readiness: Option<f32>,
) -> Landing {
    let level_delta = to.level.grade() as i8 - from.level.grade() as i8;
    let (level_factor, enters_management) = level_factor(level_delta, from.track, to);
    let openings = openings(catalog, to.occupation);
    let own_work_readiness = readiness.filter(|&r| r > transfer).map(|r| r.min(1.0));
    let transfer_used = own_work_readiness.unwrap_or(transfer);
    let distance = distance_factor(transfer_used);
    let chance = transfer_used
        * distance
        * level_factor
        * openings.map_or(1.0, |o| o.factor)
        * experience.map_or(1.0, |e| e.factor)
        * education.map_or(1.0, |e| e.factor);
    Landing {
        chance: chance.clamp(0.0, MAX_LANDING),
        transfer,
        distance_factor: distance,
        level_delta,
        level_factor,
        enters_management,
        openings,
        experience,
        education,
        own_work_readiness,
        without_offer: None,
    }
}

/// How rarely moves whose work transfers only `transfer` (the transition
/// model's score) are made, as a factor of the landing chance: a logistic
/// curve that keeps the moves people commonly make (the Career Changers
/// Matrix's median scores 0.57: ×0.96) and falls fast below them (0.31,
/// an accountant to a registered nurse: ×0.16; 0.21, to an electrician:
/// ×0.03). The transition score ranks destinations; it was fitted to
/// rank, not to be a chance, and without this an accountant was given a
/// nurse's post more than one time in four. 1 within one occupation.
pub fn distance_factor(transfer: f32) -> f32 {
    if transfer >= 1.0 {
        return 1.0;
    }
    1.0 / (1.0 + (-(transfer - DISTANCE_MIDPOINT) / DISTANCE_WIDTH).exp())
}

/// The transfer part of a landing chance: the transition score times its
/// [`distance_factor`]. Organisation mode weighs its moves with it too.
pub fn transfer_chance(transfer: f32) -> f32 {
    transfer * distance_factor(transfer)
}

impl Success {
    /// The person's readiness for the position: the mean of
    /// [`Self::coverage`] and [`Self::distinctive_coverage`], the share the
    /// success curve reads (`None` when either side is unrated).
    pub fn readiness(&self) -> Option<f32> {
        readiness_of(self.coverage, self.distinctive_coverage)
    }
}

/// The job zone an RL education category stands for, as O*NET's job zone
/// descriptions put it: less than high school 1, high school 2, vocational training or an
/// associate's degree 3, a bachelor's 4, a graduate degree 5 (`None`
/// outside 1–12).
fn education_zone(category: u8) -> Option<u8> {
    Some(match category {
        1 => 1,
        2 => 2,
        3..=5 => 3,
        6 | 7 => 4,
        8..=12 => 5,
        _ => return None,
    })
}

fn readiness_of(coverage: Option<f32>, distinctive: Option<f32>) -> Option<f32> {
    Some((coverage? + distinctive?) / 2.0)
}

/// The chance of doing well in `to` for a person with `levels` (per model
/// element) who stands at grade `from.level` in `from.occupation`, their
/// preparation being their occupation's.
pub fn success(
    catalog: &Catalog,
    model: &TransitionModel,
    levels: &[f32],
    from: &Side,
    to: &Side,
) -> Success {
    success_schooled(catalog, model, levels, None, from, to)
}

/// [`success`] for a person who states their education (an O*NET RL
/// category 1–12): the preparation gap is counted from the job zone that
/// education stands for when it is above their occupation's (a chemist
/// with a doctorate is not short of a manager's preparation on schooling).
pub fn success_schooled(
    catalog: &Catalog,
    model: &TransitionModel,
    levels: &[f32],
    education: Option<u8>,
    from: &Side,
    to: &Side,
) -> Success {
    let target = model.profile(to.occupation);
    let rated = !matches!(
        target.ratings,
        crate::transition::profile::RatingSource::Missing
    );
    let typical = crate::position::typical_level(catalog.occupation(to.occupation)).grade();
    let scale = 1.0 - NEED_PER_GRADE_BELOW * f32::from(typical.saturating_sub(to.level.grade()));
    let enters_management = from.track == Track::Individual && to.track == Track::Management;
    let ids = &model.elements().ids;
    let typical = model.typical_level();
    let (mut need, mut short) = (0f32, 0f32);
    let (mut beyond_typical, mut short_beyond) = (0f32, 0f32);
    let mut shortfalls = Vec::new();
    for (i, (&importance, &level)) in target.importance.iter().zip(&target.level).enumerate() {
        let level = level * scale;
        let have = levels.get(i).copied().unwrap_or(0.0);
        let learned_there = enters_management && model.elements().management[i];
        let weight = (importance - 1.0).max(0.0);
        let counted = if learned_there {
            MANAGEMENT_GAP_WEIGHT
        } else {
            1.0
        };
        need += weight * level;
        short += weight * counted * (level - have).max(0.0);
        beyond_typical += weight * (level - typical[i]).max(0.0);
        short_beyond += weight * counted * (level - have.max(typical[i])).max(0.0);
        if importance >= SHORTFALL_IMPORTANCE && level - have >= SHORTFALL_LEVELS {
            shortfalls.push((weight * (level - have), i, have, level));
        }
    }
    shortfalls.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let shortfalls = shortfalls
        .into_iter()
        .take(3)
        .map(|(_, i, have, need)| Shortfall {
            element: ids[i],
            have,
            need,
        })
        .collect();
    let coverage = (rated && need > 0.0).then(|| (1.0 - short / need).clamp(0.0, 1.0));
    let distinctive_coverage = coverage.map(|_| {
        if beyond_typical > 0.0 {
            (1.0 - short_beyond / beyond_typical).clamp(0.0, 1.0)
        } else {
            1.0
        }
    });
    let base = match readiness_of(coverage, distinctive_coverage) {
        Some(c) => MAX_SUCCESS / (1.0 + (-(c - SUCCESS_MIDPOINT) / SUCCESS_WIDTH).exp()),
        None => MAX_SUCCESS / 2.0,
    };
    let stretch = to.level.grade().saturating_sub(from.level.grade());
    let stretch_factor = match stretch {
        0 => 1.0,
        1 => STRETCH_FACTOR[0],
        _ => STRETCH_FACTOR[1],
    };
    let from_zone = model.profile(from.occupation).zone;
    let from_zone = match (from_zone, education.and_then(education_zone)) {
        (Some(z), Some(e)) => Some(z.max(e)),
        (z, e) => z.or(e),
    };
    let preparation_gap = match (from_zone, target.zone) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => 0,
    };
    let preparation_factor = PREPARATION_FACTOR.powi(i32::from(preparation_gap));
    Success {
        chance: (base * stretch_factor * preparation_factor).clamp(0.0, 1.0),
        coverage,
        distinctive_coverage,
        inferred: matches!(
            target.ratings,
            crate::transition::profile::RatingSource::Imputed(_)
        ),
        enters_management,
        shortfalls,
        stretch,
        stretch_factor,
        preparation_gap,
        preparation_factor,
    }
}

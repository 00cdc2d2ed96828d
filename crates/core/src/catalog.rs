//! The occupation catalog: O*NET 29.3 occupations with their ratings,
//! requirements, titles and technologies, joined to BLS OEWS wages.
//!
//! Everything here is plain data plus the rules derived from it (SOC groups,
//! the management flag, typical experience). Loading it from files is the
//! data crate's business; this module never does IO.
//!
//! Gaps in the source data stay gaps: an occupation with no job zone has
//! `job_zone: None`, one with no skill ratings has empty `skills`, and a wage
//! that BLS does not publish is `None`, never an estimate.

use serde::{Deserialize, Serialize};

use crate::code::{OnetCode, SocCode};
use crate::resolve::TitleIndex;
use crate::strings::StrList;

/// Index of an occupation in [`Catalog::occupations`] (sorted by code).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct OccupationId(pub u16);

/// Index of a descriptor in [`Catalog::elements`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ElementId(pub u16);

/// Index of a technology in [`Catalog::technologies`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TechnologyId(pub u32);

/// Index of a detailed work activity in [`Catalog::dwas`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DwaId(pub u16);

/// O*NET job zone, 1 (little preparation) to 5 (extensive preparation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct JobZone(u8);

impl JobZone {
    /// A job zone from its number, if it is 1–5.
    pub fn new(zone: u8) -> Option<Self> {
        (1..=5).contains(&zone).then_some(Self(zone))
    }

    /// The zone number, 1–5.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// Which part of the O*NET content model a descriptor belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Domain {
    /// Skills (2.A, 2.B): rated for importance (1–5) and level (0–7).
    Skill,
    /// Knowledge (2.C): rated for importance and level.
    Knowledge,
    /// Work styles (1.C): rated for importance only.
    WorkStyle,
}

/// A rated O*NET descriptor (skill, knowledge area or work style).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Element {
    /// O*NET content-model id, e.g. `2.A.2.b`.
    pub onet_id: String,
    /// Name, e.g. `Active Learning`.
    pub name: String,
    /// The content model's description.
    pub description: String,
    /// Which family of descriptors it is.
    pub domain: Domain,
}

/// One occupation's rating of one skill or knowledge element.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    /// The element rated.
    pub element: ElementId,
    /// Importance, O*NET IM scale 1–5.
    pub importance: f32,
    /// Level required, O*NET LV scale 0–7.
    pub level: f32,
    /// O*NET flags the level as not relevant for this occupation.
    pub not_relevant: bool,
}

/// One occupation's rating of one work style (importance only).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct StyleRating {
    /// The work style.
    pub element: ElementId,
    /// Importance, O*NET IM scale 1–5.
    pub importance: f32,
}

/// A technology product named in O*NET's Technology Skills file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Technology {
    /// The product, e.g. `Python`.
    pub name: String,
    /// Its UNSPSC commodity title, e.g. `Object or component oriented development software`.
    pub commodity: String,
}

/// An occupation's use of a technology.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TechnologyUse {
    /// The technology.
    pub technology: TechnologyId,
    /// O*NET's "Hot Technology" flag: frequently named in employer job postings.
    pub hot: bool,
    /// O*NET's "In Demand" flag for this occupation.
    pub in_demand: bool,
}

/// A detailed work activity (DWA).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dwa {
    /// DWA id, e.g. `4.A.2.a.4.I09.D03`.
    pub onet_id: String,
    /// Its title.
    pub title: String,
}

/// An alternate title of an occupation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AlternateTitle<'a> {
    /// The title, e.g. `Chief Financial Officer (CFO)`.
    pub title: &'a str,
    /// The short form O*NET gives, e.g. `CFO`.
    pub short: Option<&'a str>,
}

/// An occupation's alternate titles, packed (see [`StrList`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlternateTitles {
    /// Title and short title alternate; an empty short title means none.
    pairs: StrList,
}

impl AlternateTitles {
    /// Appends a title.
    pub fn push(&mut self, title: &str, short: Option<&str>) {
        self.pairs.push(title);
        self.pairs.push(short.unwrap_or(""));
    }

    /// Number of titles.
    pub fn len(&self) -> usize {
        self.pairs.len() / 2
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Title `i`.
    pub fn get(&self, i: usize) -> Option<AlternateTitle<'_>> {
        let title = self.pairs.get(2 * i)?;
        let short = self.pairs.get(2 * i + 1).filter(|s| !s.is_empty());
        Some(AlternateTitle { title, short })
    }

    /// The titles in O*NET's order.
    pub fn iter(&self) -> impl Iterator<Item = AlternateTitle<'_>> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// A job title reported by incumbents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportedTitle<'a> {
    /// The title.
    pub title: &'a str,
    /// Whether O*NET's My Next Move shows it.
    pub shown_in_my_next_move: bool,
}

/// An occupation's reported titles, packed (see [`StrList`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedTitles {
    titles: StrList,
    shown: Vec<bool>,
}

impl ReportedTitles {
    /// Appends a title.
    pub fn push(&mut self, title: &str, shown_in_my_next_move: bool) {
        self.titles.push(title);
        self.shown.push(shown_in_my_next_move);
    }

    /// Number of titles.
    pub fn len(&self) -> usize {
        self.titles.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.titles.is_empty()
    }

    /// Title `i`.
    pub fn get(&self, i: usize) -> Option<ReportedTitle<'_>> {
        Some(ReportedTitle {
            title: self.titles.get(i)?,
            shown_in_my_next_move: *self.shown.get(i)?,
        })
    }

    /// The titles in O*NET's order.
    pub fn iter(&self) -> impl Iterator<Item = ReportedTitle<'_>> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// A category distribution from O*NET's Education, Training, and Experience
/// file: the percentage of respondents in each category, category 1 first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// Percent per category, index 0 is category 1.
    pub percent: Vec<f32>,
}

impl Distribution {
    /// The median category (1-based): the first at which the cumulative
    /// share reaches half. `None` when the distribution is empty.
    pub fn median_category(&self) -> Option<u8> {
        self.category_at(0.5)
    }

    /// The lowest category that a `share` (0–1) of the answers reach or
    /// stay below: with 0.25, three answers in four name it or a higher one.
    pub fn category_at(&self, share: f32) -> Option<u8> {
        let total: f32 = self.percent.iter().sum();
        if total <= 0.0 {
            return None;
        }
        let mut acc = 0.0;
        for (i, p) in self.percent.iter().enumerate() {
            acc += p;
            if acc >= total * share {
                return Some(i as u8 + 1);
            }
        }
        Some(self.percent.len() as u8)
    }

    /// The share-weighted mean of a value attached to each category.
    pub fn mean_of(&self, value_of_category: &[f32]) -> Option<f32> {
        let total: f32 = self.percent.iter().sum();
        if total <= 0.0 {
            return None;
        }
        let sum: f32 = self
            .percent
            .iter()
            .zip(value_of_category)
            .map(|(p, v)| p * v)
            .sum();
        Some(sum / total)
    }
}

/// The six occupational interests (Holland's RIASEC), in [`Occupation::interests`] order.
pub const INTERESTS: [&str; 6] = [
    "Realistic",
    "Investigative",
    "Artistic",
    "Social",
    "Enterprising",
    "Conventional",
];

/// Years represented by each Related Work Experience (RW) category, 1–11.
///
/// Each bounded category is represented by its midpoint ("over 2 years, up to
/// and including 4 years" → 3); the open top category "over 10 years" by 12.
pub const EXPERIENCE_YEARS: [f32; 11] = [
    0.0,
    0.5 / 12.0,
    2.0 / 12.0,
    4.5 / 12.0,
    0.75,
    1.5,
    3.0,
    5.0,
    7.0,
    9.0,
    12.0,
];

/// Years represented by each on-site (PT) or on-the-job (OJ) training
/// category, 1–9, by the same midpoint rule; "over 10 years" is 12.
pub const TRAINING_YEARS: [f32; 9] = [
    0.0,
    0.5 / 12.0,
    2.0 / 12.0,
    4.5 / 12.0,
    0.75,
    1.5,
    3.0,
    7.0,
    12.0,
];

/// The RL categories 1–12 as a profile names them (`current.education`).
pub const EDUCATION_NAMES: [&str; 12] = [
    "less_than_high_school",
    "high_school",
    "certificate",
    "some_college",
    "associate",
    "bachelor",
    "post_bachelor_certificate",
    "master",
    "post_master_certificate",
    "professional",
    "doctorate",
    "post_doctoral",
];

/// Common names of degrees a profile may use instead, with their RL
/// category.
pub const EDUCATION_ALIASES: [(&str, u8); 37] = [
    ("ged", 2),
    ("diploma", 2),
    ("associates", 5),
    ("aa", 5),
    ("as", 5),
    ("adn", 5),
    ("bachelors", 6),
    ("ba", 6),
    ("bs", 6),
    ("bsc", 6),
    ("bsn", 6),
    ("bfa", 6),
    ("bba", 6),
    ("beng", 6),
    ("bsw", 6),
    ("masters", 8),
    ("ma", 8),
    ("ms", 8),
    ("msc", 8),
    ("msn", 8),
    ("mba", 8),
    ("mfa", 8),
    ("meng", 8),
    ("med", 8),
    ("mpa", 8),
    ("mph", 8),
    ("msw", 8),
    ("jd", 10),
    ("md", 10),
    ("pharmd", 10),
    ("dds", 10),
    ("dvm", 10),
    ("phd", 11),
    ("edd", 11),
    ("dnp", 11),
    ("postdoc", 12),
    ("mphil", 8),
];

/// The RL category a profile's education name (or a common degree name,
/// [`EDUCATION_ALIASES`]) stands for.
pub fn education_category(name: &str) -> Option<u8> {
    let name = name.trim();
    EDUCATION_NAMES
        .iter()
        .position(|n| n.eq_ignore_ascii_case(name))
        .map(|i| i as u8 + 1)
        .or_else(|| {
            let bare: String = name.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
            EDUCATION_ALIASES
                .iter()
                .find(|(a, _)| a.eq_ignore_ascii_case(&bare))
                .map(|&(_, c)| c)
        })
}

/// The lowest entry education that is a gate: a master's degree (RL 8).
/// Graduate and professional degrees are formal, often licensed,
/// requirements (a nurse practitioner, a lawyer, a physician, a school
/// principal); below them, experience commonly stands in for a degree, and
/// the transition model's preparation facet already weighs the gap.
pub const GATED_EDUCATION: u8 = 8;

/// The lowest education that is a gate when nearly all of an occupation's
/// workers name it: an associate's degree (RL 5).
pub const DEGREE_EDUCATION: u8 = 5;

/// A degree ([`DEGREE_EDUCATION`] or more) is a gate below a master's too
/// when no more than this share of an occupation's workers say less will
/// do: where nineteen in twenty of its workers say the job requires a
/// bachelor's degree (chemists, elementary school teachers, social
/// workers), experience does not stand in for one.
pub const UNIVERSAL_EDUCATION_SHARE: f32 = 0.05;

/// [`UNIVERSAL_EDUCATION_SHARE`] for an occupation O*NET did not survey,
/// whose education answers are blended from the occupations like it: the
/// blend has tails of its own, so a degree BLS names as the typical entry
/// gates when no more than this share of the blended answers fall below
/// it (marine engineers 10.6%, data scientists 11.4%; not software
/// developers, 32.6%, a post many are hired into without the degree). A
/// judgement, not a fit.
pub const BLENDED_EDUCATION_SHARE: f32 = 0.15;

/// The share of an occupation's workers below its entry education
/// ([`Occupation::entry_education`]).
pub const ENTRY_EDUCATION_SHARE: f32 = 0.25;

/// The Required Level of Education (RL) categories, 1–12, in words.
pub const EDUCATION_LEVELS: [&str; 12] = [
    "Less than a high school diploma",
    "High school diploma or equivalent",
    "Post-secondary certificate",
    "Some college courses",
    "Associate's degree",
    "Bachelor's degree",
    "Post-baccalaureate certificate",
    "Master's degree",
    "Post-master's certificate",
    "First professional degree",
    "Doctoral degree",
    "Post-doctoral training",
];

/// Five points of a wage distribution. A point BLS does not publish is `None`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Percentiles<T> {
    /// 10th percentile.
    pub p10: Option<T>,
    /// 25th percentile.
    pub p25: Option<T>,
    /// Median.
    pub median: Option<T>,
    /// 75th percentile.
    pub p75: Option<T>,
    /// 90th percentile.
    pub p90: Option<T>,
}

/// National wages from BLS OEWS for one occupation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Wages {
    /// The OEWS code the figures come from.
    pub soc: SocCode,
    /// The OEWS title of that code.
    pub oews_title: String,
    /// True when the figures are an OEWS aggregate covering several
    /// occupations (e.g. `13-1020` for all buyers), not this occupation alone.
    pub aggregate: bool,
    /// National employment.
    pub employment: Option<u32>,
    /// Annual wages in US dollars.
    pub annual: Percentiles<u32>,
    /// Hourly wages in US dollars (absent for occupations paid by the year).
    pub hourly: Percentiles<f32>,
}

/// BLS Employment Projections 2024–34 for one occupation: how many
/// positions open each year, and how people leave it. Figures are the
/// annual averages of the projection decade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outlook {
    /// The BLS code the figures come from.
    pub soc: SocCode,
    /// True when the figures cover the whole broad group (e.g. `13-1020`),
    /// not this occupation alone.
    pub aggregate: bool,
    /// Employment in 2024, in thousands.
    pub employment_thousands: f32,
    /// Employment change 2024–34, in percent.
    pub change_percent: f32,
    /// Openings a year (exits, transfers and growth), in thousands.
    pub openings_thousands: f32,
    /// Share of workers leaving for another occupation each year, percent.
    pub transfer_rate_percent: f32,
    /// Share of workers leaving the occupation each year, percent.
    pub separation_rate_percent: f32,
    /// BLS's "work experience in a related occupation" typically needed to
    /// enter, in years: "None" 0, "Less than 5 years" 2, "5 years or more"
    /// 5 (absent where BLS gives none).
    pub related_experience_years: Option<f32>,
    /// BLS's "typical education needed for entry", as an RL category 1–12
    /// (absent where BLS gives none). It stands in for O*NET's survey only
    /// where O*NET has none ([`crate::transition::profile::Profile::gated_education`]).
    pub entry_education: Option<u8>,
}

impl Outlook {
    /// Openings a year per worker employed: how often a position comes free.
    pub fn openings_rate(&self) -> f32 {
        if self.employment_thousands > 0.0 {
            self.openings_thousands / self.employment_thousands
        } else {
            0.0
        }
    }
}

/// The work each SOC 2018 management occupation (major group 11) manages,
/// as SOC code prefixes (a major, minor, broad or detailed group), after
/// the SOC 2018 definitions. General management (chief executives, general
/// and operations managers) manages no one function and is absent.
pub(crate) const MANAGED_GROUPS: &[(&str, &[&str])] = &[
    ("11-2011", &["27-3", "41-3011", "13-1161"]),
    ("11-2021", &["13-1161", "27-3031"]),
    ("11-2022", &["41"]),
    ("11-2032", &["27-3031"]),
    ("11-2033", &["13-1131"]),
    ("11-3012", &["43"]),
    ("11-3013", &["49", "37"]),
    ("11-3021", &["15-1"]),
    ("11-3031", &["13-2"]),
    ("11-3051", &["51", "17-2112"]),
    ("11-3061", &["13-1020"]),
    ("11-3071", &["53", "13-1081"]),
    ("11-3111", &["13-1141"]),
    ("11-3121", &["13-1071", "13-1075"]),
    ("11-3131", &["13-1151"]),
    ("11-9013", &["45"]),
    ("11-9021", &["47", "17-2051", "13-1051"]),
    ("11-9031", &["25-2011", "39-9011"]),
    ("11-9032", &["25-2", "25-3", "25-9", "21-1012"]),
    ("11-9033", &["25-1", "25-4"]),
    ("11-9039", &["25"]),
    ("11-9041", &["17"]),
    ("11-9051", &["35"]),
    ("11-9072", &["39-9032", "39-3"]),
    ("11-9081", &["43-4081", "37-2012"]),
    ("11-9111", &["29", "31", "21-1022"]),
    ("11-9121", &["19"]),
    ("11-9131", &["43-5051", "43-5052", "43-5053"]),
    ("11-9141", &["41-9021", "41-9022"]),
    ("11-9151", &["21"]),
    ("11-9161", &["33-9", "13-1041"]),
    ("11-9171", &["39-4"]),
    ("11-9179", &["39"]),
    ("11-9199", &["13-1041", "13-1199"]),
];

/// O*NET specialties whose work is not their SOC occupation's (by O*NET
/// code; [`MANAGED_GROUPS`] is read by SOC code, which they share): a
/// security manager manages security guards and their supervisors, not
/// the maintenance and grounds work facilities managers run; a wind
/// energy operations manager runs wind turbine technicians and plant
/// operators, not the compliance officers of "Managers, All Other".
pub(crate) const MANAGED_BY_SPECIALTY: &[(&str, &[&str])] = &[
    ("11-3013.01", &["33-9", "33-1091"]),
    ("11-9199.08", &["33-9", "33-1091"]),
    ("11-9199.09", &["49-9081", "51-8"]),
];

/// The workers each first-line supervisor occupation supervises (by SOC
/// code prefix), where its major group has several (after the SOC 2018
/// definitions): a truck driver's supervisor is the supervisor of vehicle
/// operators, not of passenger attendants or aircraft cargo handlers; a
/// retail store's supervisor supervises retail sales workers, not
/// securities agents. A supervisor not listed supervises its whole major
/// group.
pub(crate) const SUPERVISED_GROUPS: &[(&str, &[&str])] = &[
    ("33-1011", &["33-3011", "33-3012"]),
    (
        "33-1012",
        &["33-3021", "33-3031", "33-3041", "33-3051", "33-3052"],
    ),
    ("33-1021", &["33-2"]),
    ("33-1091", &["33-9032"]),
    ("33-1099", &["33-9"]),
    ("35-1011", &["35-2"]),
    ("35-1012", &["35-2", "35-3", "35-9"]),
    ("37-1011", &["37-2"]),
    ("37-1012", &["37-3"]),
    ("39-1013", &["39-3011", "39-3012", "39-3019"]),
    ("39-1014", &["39-3", "39-9032"]),
    ("39-1022", &["39-4", "39-5", "39-6", "39-7", "39-9"]),
    ("41-1011", &["41-2"]),
    ("41-1012", &["41-3", "41-4", "41-9"]),
    ("53-1041", &["53-2"]),
    ("53-1042", &["53-706"]),
    (
        "53-1043",
        &[
            "53-3", "53-4", "53-5", "53-701", "53-702", "53-703", "53-704", "53-705", "53-707",
            "53-708", "53-712",
        ],
    ),
    ("53-1044", &["53-6"]),
    ("53-1049", &[]),
];

/// One occupation and everything the catalog knows about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Occupation {
    /// O*NET-SOC 2019 code.
    pub code: OnetCode,
    /// O*NET title.
    pub title: String,
    /// O*NET description.
    pub description: String,
    /// Job zone, if O*NET assigns one.
    pub job_zone: Option<JobZone>,
    /// BLS wages, if OEWS publishes any for this code or its aggregate.
    pub wages: Option<Wages>,
    /// Skill ratings (empty when O*NET has not rated the occupation).
    pub skills: Vec<Rating>,
    /// Knowledge ratings (empty when not rated).
    pub knowledge: Vec<Rating>,
    /// Work-style importance ratings.
    pub work_styles: Vec<StyleRating>,
    /// Occupational interests (O*NET OI scale 1–7), in RIASEC order:
    /// Realistic, Investigative, Artistic, Social, Enterprising, Conventional.
    pub interests: Option<[f32; 6]>,
    /// Required level of education (RL), 12 categories.
    pub education: Option<Distribution>,
    /// Related work experience (RW), 11 categories.
    pub experience: Option<Distribution>,
    /// On-site or in-plant training (PT), 9 categories.
    pub onsite_training: Option<Distribution>,
    /// On-the-job training (OJ), 9 categories.
    pub job_training: Option<Distribution>,
    /// Alternate titles.
    pub alternate_titles: AlternateTitles,
    /// Titles reported by incumbents.
    pub reported_titles: ReportedTitles,
    /// Technologies used.
    pub technologies: Vec<TechnologyUse>,
    /// Detailed work activities performed (from Tasks to DWAs), sorted, unique.
    pub dwas: Vec<DwaId>,
    /// BLS Employment Projections 2024–34, if published for this code or
    /// its broad group.
    pub outlook: Option<Outlook>,
}

impl Occupation {
    /// The SOC 2018 detailed code.
    pub fn soc(&self) -> SocCode {
        self.code.soc()
    }

    /// The function family: the SOC broad group (e.g. `13-2010` Accountants
    /// and Auditors). Occupations in one broad group are one profession.
    pub fn family(&self) -> SocCode {
        self.soc().broad()
    }

    /// Whether this is a management occupation: SOC major group 11, or a
    /// first-line supervisor occupation (the `XX-1000` minor groups of major
    /// groups 33–53, which SOC reserves for supervisors, and the military's
    /// first-line enlisted supervisors, minor group 55-2000).
    pub fn is_management(&self) -> bool {
        let soc = self.soc();
        let major = soc.major_number();
        // The minor group's digits, "10" in `XX-1000` (read as bytes: this
        // is asked of every pair of stops a route query weighs).
        let minor = &soc.as_bytes()[3..5];
        major == 11
            || ((33..=53).contains(&major) && minor == b"10")
            || (major == 55 && minor == b"20")
    }

    /// Whether this is a first-line supervisor occupation: management
    /// outside SOC major group 11 (the managers). Its posts are one grade,
    /// supervisor: O*NET files store, shift and kitchen managers here, and
    /// above them is management, another occupation.
    pub fn is_first_line_supervision(&self) -> bool {
        self.is_management() && self.soc().major_number() != 11
    }

    /// Whether this management occupation manages the work of `other` (an
    /// individual-contributor occupation, or for a manager in group 11 a
    /// first-line supervisor): a first-line supervisor manages the workers
    /// [`SUPERVISED_GROUPS`] gives it, else its own SOC major group; a
    /// manager in major group 11 manages the
    /// groups [`MANAGED_GROUPS`] gives it (after the SOC 2018 structure).
    /// Moving from `other` into this occupation is then a move onto the
    /// management track of the same function, not a change of profession.
    pub fn manages(&self, other: &Occupation) -> bool {
        let (me, them) = (self.soc(), other.soc());
        // A manager in major group 11 also manages the first-line
        // supervisors of the work it manages (food service managers and
        // kitchen supervisors are one function); no one else manages a
        // manager.
        let supervisor = other.is_first_line_supervision();
        if !self.is_management()
            || (other.is_management() && !(supervisor && me.major_number() == 11))
        {
            return false;
        }
        let code = me.as_bytes();
        if me.major_number() != 11 {
            return match SUPERVISED_GROUPS.iter().find(|(s, _)| s.as_bytes() == code) {
                Some((_, groups)) => groups.iter().any(|g| them.starts_with(g)),
                None => me.major() == them.major(),
            };
        }
        let groups = match MANAGED_BY_SPECIALTY
            .iter()
            .find(|(specialty, _)| specialty.as_bytes() == self.code.as_bytes())
        {
            Some((_, groups)) => *groups,
            None => MANAGED_GROUPS
                .iter()
                .find(|(manager, _)| manager.as_bytes() == code)
                .map_or(&[][..], |(_, groups)| *groups),
        };
        groups.iter().any(|prefix| them.starts_with(prefix))
    }

    /// The profession a health practitioner's own degree licenses (SOC
    /// 29-1: an MD, a PharmD, a DVM, a DDS), as its SOC broad group —
    /// physicians and surgeons (29-1211 to 29-1249) as one, the one
    /// medical degree; `None` outside those practitioners.
    pub fn practitioner_degree(&self) -> Option<SocCode> {
        let soc = self.soc();
        let code = soc.as_str();
        if !code.starts_with("29-1") {
            None
        } else if ("29-1211"..="29-1249").contains(&code) {
            // 29-1200, one key for the physicians' and surgeons' groups.
            Some(soc.minor())
        } else {
            Some(soc.broad())
        }
    }

    /// Whether `self` and `other` are one function: one profession (SOC
    /// broad group), or one managing the other's work ([`Self::manages`]).
    pub fn same_function(&self, other: &Occupation) -> bool {
        self.family() == other.family()
            || self.manages(other)
            || other.manages(self)
            || self.helps(other)
            || other.helps(self)
    }

    /// Whether this is the helpers' occupation of `other`'s trade: SOC
    /// files helpers apart ("Helpers--Electricians", 47-3013) from the
    /// trade they help (Electricians, 47-2111), in the same major group;
    /// an electrician taking a helper's post stays in the trade, a rung
    /// lower, and changes no profession.
    pub fn helps(&self, other: &Occupation) -> bool {
        let Some(helped) = self.title.strip_prefix("Helpers--") else {
            return false;
        };
        let trade_words = |title: &str| {
            crate::text::tokens(title).into_iter().filter(|t| {
                !matches!(
                    t.as_str(),
                    "and" | "of" | "the" | "all" | "other" | "worker" | "except"
                )
            })
        };
        let other_words: Vec<String> = trade_words(&other.title).collect();
        self.soc().major_number() == other.soc().major_number()
            && trade_words(helped).any(|w| other_words.contains(&w))
    }

    /// The SOC major group of this occupation's field: its own, with
    /// healthcare support (31) counted with the practitioners it supports
    /// (29).
    pub fn field(&self) -> u8 {
        match self.soc().major_number() {
            31 => 29,
            major => major,
        }
    }

    /// Typical years of related work experience: the median RW category,
    /// represented by [`EXPERIENCE_YEARS`].
    pub fn typical_experience_years(&self) -> Option<f32> {
        let cat = self.experience.as_ref()?.median_category()?;
        EXPERIENCE_YEARS.get(usize::from(cat) - 1).copied()
    }

    /// Mean years of related work experience over the RW distribution.
    pub fn mean_experience_years(&self) -> Option<f32> {
        self.experience.as_ref()?.mean_of(&EXPERIENCE_YEARS)
    }

    /// Typical required education: the median RL category, 1–12.
    pub(crate) fn typical_education(&self) -> Option<u8> {
        self.education.as_ref()?.median_category()
    }

    /// The education it takes to enter, as an RL category 1–12: the level
    /// three in four of its workers say the job requires or exceed (the
    /// first quartile of O*NET's answers). Stricter than the median, so a
    /// level only some workers need is not asked of everyone; `None` where
    /// O*NET reports none.
    pub fn entry_education(&self) -> Option<u8> {
        self.education.as_ref()?.category_at(ENTRY_EDUCATION_SHARE)
    }

    /// Typical on-the-job training in years (median OJ category).
    pub fn typical_job_training_years(&self) -> Option<f32> {
        let cat = self.job_training.as_ref()?.median_category()?;
        TRAINING_YEARS.get(usize::from(cat) - 1).copied()
    }

    /// The title of the wider OEWS group whose wages stand in for this
    /// occupation's, when they do: an OEWS aggregate (all buyers), or the
    /// whole SOC occupation an O*NET specialisation is split out of
    /// (natural sciences managers, for clinical research coordinators;
    /// computer systems analysts, for health informatics specialists).
    /// `None` where the wages are the occupation's own, or unknown.
    pub fn wider_wage_group(&self) -> Option<&str> {
        let w = self.wages.as_ref()?;
        (w.aggregate || !self.code.as_str().ends_with(".00")).then_some(w.oews_title.as_str())
    }

    /// Whether O*NET has rated this occupation's skills and knowledge.
    pub fn is_rated(&self) -> bool {
        !self.skills.is_empty()
    }
}

/// Names of the O*NET and BLS releases a catalog was built from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The O*NET release, e.g. `O*NET 29.3 Database, May 2025 Release`.
    pub onet_release: String,
    /// The wage release, e.g. `BLS OEWS May 2025, national, cross-industry`.
    pub wage_release: String,
}

/// Descriptions of the five job zones (O*NET Job Zone Reference).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobZoneInfo {
    /// The zone.
    pub zone: JobZone,
    /// Its name, e.g. `Job Zone Four: Considerable Preparation Needed`.
    pub name: String,
    /// What experience it usually needs.
    pub experience: String,
    /// What education it usually needs.
    pub education: String,
}

/// The parts a catalog is built from (what a loader produces).
#[derive(Clone, Debug, Default)]
pub struct CatalogParts {
    /// Where the data came from.
    pub provenance: Option<Provenance>,
    /// The occupations, in any order.
    pub occupations: Vec<Occupation>,
    /// Rated descriptors, indexed by [`ElementId`].
    pub elements: Vec<Element>,
    /// Technologies, indexed by [`TechnologyId`].
    pub technologies: Vec<Technology>,
    /// Detailed work activities, indexed by [`DwaId`].
    pub dwas: Vec<Dwa>,
    /// Job zone reference texts.
    pub job_zones: Vec<JobZoneInfo>,
}

/// The whole catalog, immutable once built.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Catalog {
    provenance: Provenance,
    occupations: Vec<Occupation>,
    elements: Vec<Element>,
    technologies: Vec<Technology>,
    dwas: Vec<Dwa>,
    job_zones: Vec<JobZoneInfo>,
    titles: TitleIndex,
}

impl Catalog {
    /// Builds a catalog: sorts occupations by code and indexes their titles.
    pub fn new(parts: CatalogParts) -> Self {
        let mut occupations = parts.occupations;
        occupations.sort_by_key(|o| o.code);
        let titles = TitleIndex::build(&occupations);
        Self {
            provenance: parts.provenance.unwrap_or_else(|| Provenance {
                onet_release: "unknown O*NET release".into(),
                wage_release: "no wage data".into(),
            }),
            occupations,
            elements: parts.elements,
            technologies: parts.technologies,
            dwas: parts.dwas,
            job_zones: parts.job_zones,
            titles,
        }
    }

    /// Where the data came from.
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }

    /// All occupations, sorted by code; [`OccupationId`] indexes this slice.
    pub fn occupations(&self) -> &[Occupation] {
        &self.occupations
    }

    /// The occupation with this id.
    pub fn occupation(&self, id: OccupationId) -> &Occupation {
        &self.occupations[usize::from(id.0)]
    }

    /// Looks an occupation up by code.
    pub fn find_code(&self, code: OnetCode) -> Option<OccupationId> {
        self.occupations
            .binary_search_by_key(&code, |o| o.code)
            .ok()
            .map(|i| OccupationId(i as u16))
    }

    /// All rated descriptors; [`ElementId`] indexes this slice.
    pub fn elements(&self) -> &[Element] {
        &self.elements
    }

    /// One descriptor.
    pub fn element(&self, id: ElementId) -> &Element {
        &self.elements[usize::from(id.0)]
    }

    /// A descriptor's name, with "(skill)" or "(knowledge)" added when
    /// another descriptor has the same name (O*NET has both a Mathematics
    /// skill and a Mathematics knowledge area).
    pub fn element_label(&self, id: ElementId) -> String {
        let e = self.element(id);
        let twin = self
            .elements
            .iter()
            .any(|o| o.name == e.name && o.onet_id != e.onet_id);
        match (twin, e.domain) {
            (true, Domain::Skill) => format!("{} (skill)", e.name),
            (true, Domain::Knowledge) => format!("{} (knowledge)", e.name),
            _ => e.name.clone(),
        }
    }

    /// Finds a descriptor by O*NET id (`2.A.2.b`) or name (any case).
    pub fn find_element(&self, text: &str) -> Option<ElementId> {
        let t = text.trim();
        self.elements
            .iter()
            .position(|e| e.onet_id == t || e.name.eq_ignore_ascii_case(t))
            .map(|i| ElementId(i as u16))
    }

    /// All technologies; [`TechnologyId`] indexes this slice.
    pub fn technologies(&self) -> &[Technology] {
        &self.technologies
    }

    /// One technology.
    pub fn technology(&self, id: TechnologyId) -> &Technology {
        &self.technologies[id.0 as usize]
    }

    /// All detailed work activities; [`DwaId`] indexes this slice.
    pub fn dwas(&self) -> &[Dwa] {
        &self.dwas
    }

    /// One detailed work activity.
    pub fn dwa(&self, id: DwaId) -> &Dwa {
        &self.dwas[usize::from(id.0)]
    }

    /// Whether `work` is work of `own`'s field ([`Occupation::field`])
    /// that asks less preparation (a lower job zone): an electrician's
    /// helper's, for an electrician; a medical assistant's, for a nurse.
    pub fn lower_work_of_own_field(&self, work: OccupationId, own: OccupationId) -> bool {
        let (w, o) = (self.occupation(work), self.occupation(own));
        w.field() == o.field() && matches!((w.job_zone, o.job_zone), (Some(a), Some(b)) if a < b)
    }

    /// The job zone reference texts.
    pub fn job_zone_info(&self, zone: JobZone) -> Option<&JobZoneInfo> {
        self.job_zones.iter().find(|z| z.zone == zone)
    }

    /// The title index used to resolve what people type.
    pub(crate) fn titles(&self) -> &TitleIndex {
        &self.titles
    }
}

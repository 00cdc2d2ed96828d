//! A tiny hand-built catalog for unit tests: six occupations, ten
//! elements, four technologies and five work activities — enough for the
//! transition model, the advisor and the route planner to run without the
//! 3 MB snapshot. The codes, titles and element ids are O*NET's; the
//! ratings and wages are rounded from O*NET 29.3 and OEWS May 2025 so that
//! the judgements come out as on the real catalog (a developer is nearer
//! to IT management than to bookkeeping), but the fixture is no stand-in
//! for the data: every figure a user sees comes from the real catalog,
//! whose tests stay.
//!
//! Built only for tests (`cfg(test)`) and for other crates' tests through
//! the `fixture` feature.

use crate::catalog::{
    AlternateTitles, Catalog, CatalogParts, Domain, Dwa, DwaId, Element, ElementId, JobZone,
    Occupation, OccupationId, Percentiles, Provenance, Rating, ReportedTitles, Technology,
    TechnologyId, TechnologyUse, Wages,
};
use crate::code::OnetCode;

/// The elements: six skills, then four knowledge areas.
const ELEMENTS: [(&str, &str, Domain); 10] = [
    ("2.A.1.e", "Mathematics", Domain::Skill),
    ("2.A.2.a", "Critical Thinking", Domain::Skill),
    ("2.B.3.e", "Programming", Domain::Skill),
    ("2.B.4.g", "Systems Analysis", Domain::Skill),
    (
        "2.B.5.d",
        "Management of Personnel Resources",
        Domain::Skill,
    ),
    (
        "2.B.5.b",
        "Management of Financial Resources",
        Domain::Skill,
    ),
    (
        "2.C.1.a",
        "Administration and Management",
        Domain::Knowledge,
    ),
    ("2.C.1.b", "Economics and Accounting", Domain::Knowledge),
    ("2.C.3.a", "Computers and Electronics", Domain::Knowledge),
    ("2.C.4.a", "Mathematics", Domain::Knowledge),
];

/// (name, UNSPSC commodity).
const TECHNOLOGIES: [(&str, &str); 4] = [
    (
        "Python",
        "Object or component oriented development software",
    ),
    ("Microsoft Excel", "Spreadsheet software"),
    ("SAP software", "Enterprise resource planning ERP software"),
    ("Oracle Database", "Data base management system software"),
];

const DWAS: [(&str, &str); 5] = [
    (
        "4.A.2.a.4.I09.D03",
        "Analyze data to identify trends or relationships",
    ),
    ("4.A.3.b.1.I01.D01", "Write computer programming code"),
    (
        "4.A.3.b.6.I08.D01",
        "Prepare financial documents or reports",
    ),
    ("4.A.4.b.4.I01.D01", "Supervise employees"),
    ("4.A.4.c.2.I01.D01", "Manage budgets or finances"),
];

/// One occupation as written here: code, title, job zone, median annual
/// wage, ratings as (element, importance, level) — none for an unrated
/// occupation — the work activities and technologies (by index).
struct Spec {
    code: &'static str,
    title: &'static str,
    zone: u8,
    median: u32,
    ratings: &'static [(usize, f32, f32)],
    dwas: &'static [u16],
    technologies: &'static [u32],
}

const OCCUPATIONS: [Spec; 6] = [
    Spec {
        code: "13-2011.00",
        title: "Accountants and Auditors",
        zone: 4,
        median: 81_680,
        ratings: &[
            (0, 3.9, 3.5),
            (1, 3.9, 4.0),
            (2, 2.0, 1.5),
            (3, 3.2, 3.0),
            (4, 2.5, 2.0),
            (5, 3.6, 3.5),
            (6, 3.4, 3.5),
            (7, 4.6, 5.5),
            (8, 3.5, 3.6),
            (9, 3.9, 4.0),
        ],
        dwas: &[0, 2],
        technologies: &[1, 2],
    },
    Spec {
        code: "11-3031.00",
        title: "Financial Managers",
        zone: 4,
        median: 161_700,
        ratings: &[
            (0, 3.6, 3.9),
            (1, 4.1, 4.4),
            (2, 1.8, 1.2),
            (3, 3.5, 3.8),
            (4, 3.9, 4.2),
            (5, 4.5, 5.0),
            (6, 4.4, 5.2),
            (7, 4.8, 5.8),
            (8, 3.4, 3.5),
            (9, 3.5, 3.8),
        ],
        dwas: &[0, 2, 3, 4],
        technologies: &[1, 2],
    },
    Spec {
        code: "15-1252.00",
        title: "Software Developers",
        zone: 4,
        median: 133_080,
        ratings: &[
            (0, 3.4, 3.6),
            (1, 4.0, 4.4),
            (2, 4.6, 5.3),
            (3, 4.0, 4.6),
            (4, 2.3, 2.2),
            (5, 1.9, 1.6),
            (6, 3.0, 3.2),
            (7, 2.0, 2.0),
            (8, 4.7, 5.8),
            (9, 3.6, 4.3),
        ],
        dwas: &[0, 1],
        technologies: &[0, 3],
    },
    Spec {
        code: "11-3021.00",
        title: "Computer and Information Systems Managers",
        zone: 4,
        median: 171_200,
        ratings: &[
            (0, 3.3, 3.4),
            (1, 4.1, 4.5),
            (2, 2.9, 3.3),
            (3, 4.0, 4.5),
            (4, 4.0, 4.3),
            (5, 3.6, 4.0),
            (6, 4.3, 5.0),
            (7, 3.2, 3.4),
            (8, 4.6, 5.5),
            (9, 3.2, 3.6),
        ],
        dwas: &[0, 3, 4],
        technologies: &[1, 3],
    },
    Spec {
        code: "43-3031.00",
        title: "Bookkeeping, Accounting, and Auditing Clerks",
        zone: 3,
        median: 49_210,
        ratings: &[
            (0, 3.4, 3.0),
            (1, 3.1, 2.9),
            (2, 1.3, 0.5),
            (3, 2.2, 1.9),
            (4, 1.8, 1.2),
            (5, 2.6, 2.2),
            (6, 2.9, 2.8),
            (7, 3.6, 3.8),
            (8, 3.1, 3.0),
            (9, 3.4, 3.1),
        ],
        dwas: &[2],
        technologies: &[1],
    },
    // Unrated in O*NET 29.3: its profile is inferred from the others.
    Spec {
        code: "15-2051.00",
        title: "Data Scientists",
        zone: 5,
        median: 112_590,
        ratings: &[],
        dwas: &[0, 1],
        technologies: &[0, 3],
    },
];

/// The fixture catalog.
pub fn catalog() -> Catalog {
    Catalog::new(CatalogParts {
        provenance: Some(Provenance {
            onet_release: "hand-built test fixture after O*NET 29.3".into(),
            wage_release: "hand-built test fixture after BLS OEWS May 2025".into(),
        }),
        occupations: OCCUPATIONS.iter().map(occupation).collect(),
        elements: ELEMENTS
            .iter()
            .map(|&(id, name, domain)| Element {
                onet_id: id.into(),
                name: name.into(),
                description: String::new(),
                domain,
            })
            .collect(),
        technologies: TECHNOLOGIES
            .iter()
            .map(|&(name, commodity)| Technology {
                name: name.into(),
                commodity: commodity.into(),
            })
            .collect(),
        dwas: DWAS
            .iter()
            .map(|&(id, title)| Dwa {
                onet_id: id.into(),
                title: title.into(),
            })
            .collect(),
        job_zones: Vec::new(),
    })
}

/// The fixture's occupation with this code.
pub fn id(catalog: &Catalog, code: &str) -> OccupationId {
    OnetCode::parse(code)
        .ok()
        .and_then(|c| catalog.find_code(c))
        .unwrap_or_else(|| panic!("{code} is not in the fixture"))
}

fn occupation(s: &Spec) -> Occupation {
    let rating = |&(e, importance, level): &(usize, f32, f32)| Rating {
        element: ElementId(e as u16),
        importance,
        level,
        not_relevant: false,
    };
    let is = |d: Domain| move |r: &&(usize, f32, f32)| ELEMENTS[r.0].2 == d;
    let code = OnetCode::parse(s.code).unwrap_or_else(|e| panic!("{e}"));
    let median = Some(s.median);
    let spread = |f: f32| Some((s.median as f32 * f).round() as u32);
    Occupation {
        code,
        title: s.title.into(),
        description: String::new(),
        job_zone: JobZone::new(s.zone),
        wages: Some(Wages {
            soc: code.soc(),
            oews_title: s.title.into(),
            aggregate: false,
            employment: Some(100_000),
            annual: Percentiles {
                p10: spread(0.6),
                p25: spread(0.78),
                median,
                p75: spread(1.27),
                p90: spread(1.6),
            },
            hourly: Percentiles::default(),
        }),
        skills: s
            .ratings
            .iter()
            .filter(is(Domain::Skill))
            .map(rating)
            .collect(),
        knowledge: s
            .ratings
            .iter()
            .filter(is(Domain::Knowledge))
            .map(rating)
            .collect(),
        work_styles: Vec::new(),
        interests: None,
        education: None,
        experience: None,
        onsite_training: None,
        job_training: None,
        alternate_titles: AlternateTitles::default(),
        reported_titles: ReportedTitles::default(),
        technologies: s
            .technologies
            .iter()
            .map(|&t| TechnologyUse {
                technology: TechnologyId(t),
                hot: true,
                in_demand: false,
            })
            .collect(),
        dwas: s.dwas.iter().map(|&d| DwaId(d)).collect(),
        outlook: None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // Tests fail loudly by design.

    use super::*;
    use crate::advisor::{self, Circumstance, Reason};
    use crate::level::Level;
    use crate::position::{Position, PositionSpec};
    use crate::profile::{Current, Goal, Opt, Profile, Situation};
    use crate::route::plan::{self, Request};
    use crate::transition::TransitionModel;
    use crate::transition::profile::RatingSource;

    fn position(c: &Catalog, code: &str, level: Level, salary: u32) -> Position {
        Position::new(
            c,
            id(c, code),
            PositionSpec {
                level: Some(level),
                salary: Some(salary),
                manages_people: Some(level.is_management()),
                ..PositionSpec::default()
            },
        )
    }

    /// A principal developer aiming at IT director, offered a first-line
    /// IT supervisor post.
    fn developer(c: &Catalog) -> Profile {
        Profile {
            current: Current {
                position: position(c, "15-1252.00", Level::Principal, 150_000),
                years_in_role: 3.0,
                years_experience: 12.0,
                manages_people: Some(false),
                education: None,
                role_read: None,
            },
            goal: Some(Goal {
                occupation: id(c, "11-3021.00"),
                level: Level::Director,
                horizon_years: 8.0,
                role_read: None,
            }),
            situation: Situation::default(),
            skills: Vec::new(),
            options: vec![Opt {
                id: "supervisor".into(),
                position: position(c, "11-3021.00", Level::Supervisor, 140_000),
                offered: false,
                role_read: None,
            }],
            department_goals: Vec::new(),
        }
    }

    #[test]
    fn the_model_ranks_the_fixture_as_the_real_catalog_does() {
        let c = catalog();
        let m = TransitionModel::new(&c);
        let dev = id(&c, "15-1252.00");
        assert_eq!(m.score(dev, dev), 1.0);
        let to_it_management = m.score(dev, id(&c, "11-3021.00"));
        let to_bookkeeping = m.score(dev, id(&c, "43-3031.00"));
        assert!(
            to_it_management > to_bookkeeping,
            "{to_it_management} vs {to_bookkeeping}"
        );
        let acc = id(&c, "13-2011.00");
        assert!(m.score(acc, id(&c, "11-3031.00")) > m.score(acc, dev));
    }

    #[test]
    fn an_unrated_occupation_gets_an_inferred_profile_from_rated_donors() {
        let c = catalog();
        let m = TransitionModel::new(&c);
        let data_scientists = m.profile(id(&c, "15-2051.00"));
        let RatingSource::Imputed(donors) = &data_scientists.ratings else {
            panic!("{:?}", data_scientists.ratings)
        };
        assert!(donors.iter().all(|d| c.occupation(*d).is_rated()));
        assert!(
            donors.contains(&id(&c, "15-1252.00")),
            "shares its work and tools with developers: {donors:?}"
        );
        let programming = 2;
        assert!(data_scientists.level[programming] > 1.0);
    }

    #[test]
    fn the_advisor_reasons_in_typed_facts() {
        let c = catalog();
        let m = TransitionModel::new(&c);
        let advice = advisor::advise(&c, &m, &developer(&c)).unwrap();
        let o = &advice.options[0];
        assert!(
            o.circumstances
                .contains(&Circumstance::ManagementExperience),
            "{:?}",
            o.circumstances
        );
        assert!(
            !o.circumstances.contains(&Circumstance::ChangeProfession),
            "IT management manages developers: one function"
        );
        assert!(o.reasons.iter().any(|r| matches!(
            r,
            Reason::ManagementExperience {
                goal_level: Level::Director,
                level: Level::Supervisor
            }
        )));
        let codes: Vec<&str> = o.reasons.iter().map(Reason::code).collect();
        for code in ["landing", "success", "onward_route", "living.pay"] {
            assert!(codes.contains(&code), "{codes:?}");
        }
    }

    #[test]
    fn the_planner_finds_the_way_up_through_the_fixture() {
        let c = catalog();
        let m = TransitionModel::new(&c);
        let p = developer(&c);
        let start = &p.current.position;
        let levels = crate::advisor::person_levels(&m, &p);
        let plan = plan::plan(&c, &m, &Request::for_profile(&p, start, 3.0, &levels));
        let route = plan
            .routes
            .first()
            .or(plan.nearest.as_ref())
            .expect("some route to IT director");
        let last = route.steps.last().unwrap().to;
        assert_eq!(last.occupation, id(&c, "11-3021.00"));
        assert_eq!(last.level, Level::Director);
        assert!(route.probability > 0.0 && route.probability <= 1.0);
    }
}

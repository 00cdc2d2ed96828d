//! Builds catalog parts from an O*NET text release (tab-delimited files as
//! the O*NET Resource Center publishes them).
//!
//! [`parse_release`] is pure: it asks a reader closure for each file's text,
//! so the same code serves the bundled files, a release on disk and tests
//! that feed it broken files.

use std::collections::HashMap;

use switchback_core::catalog::{
    CatalogParts, Distribution, Domain, Dwa, DwaId, Element, ElementId, JobZone, JobZoneInfo,
    Occupation, Provenance, Rating, StyleRating, Technology, TechnologyId, TechnologyUse,
};
use switchback_core::code::OnetCode;

use crate::LoadError;
use crate::tsv::{Row, Table, TableError};

/// The O*NET files a catalog is built from, by their release file names.
pub const REQUIRED_FILES: [&str; 16] = [
    "Occupation Data.txt",
    "Job Zones.txt",
    "Job Zone Reference.txt",
    "Skills.txt",
    "Knowledge.txt",
    "Work Styles.txt",
    "Interests.txt",
    "Education, Training, and Experience.txt",
    "Alternate Titles.txt",
    "Sample of Reported Titles.txt",
    "Technology Skills.txt",
    "Content Model Reference.txt",
    "Scales Reference.txt",
    "Tasks to DWAs.txt",
    "DWA Reference.txt",
    "Read Me.txt",
];

/// Reads the O*NET files through `read` (file name → text) and builds the
/// catalog parts. Wages are attached separately (see [`crate::oews`]).
///
/// `read` returns the label to use for the file in error messages (its
/// path) and its text, or `None` when the file does not exist. `Read Me.txt`
/// may be missing; every other file is required. `origin` names where the
/// release is (a directory) for the "missing file" error.
pub fn parse_release(
    origin: &str,
    mut read: impl FnMut(&str) -> Result<Option<(String, String)>, LoadError>,
) -> Result<CatalogParts, LoadError> {
    let mut need = |name: &str| -> Result<(String, String), LoadError> {
        read(name)?.ok_or_else(|| LoadError::Missing {
            file: name.to_owned(),
            origin: origin.to_owned(),
        })
    };

    let scales = Scales::parse(need("Scales Reference.txt")?)?;
    let descriptions = parse_content_model(need("Content Model Reference.txt")?)?;
    let mut b = Builder::new(need("Occupation Data.txt")?)?;
    b.job_zones(need("Job Zones.txt")?)?;
    b.ratings(need("Skills.txt")?, Domain::Skill, &scales, &descriptions)?;
    b.ratings(
        need("Knowledge.txt")?,
        Domain::Knowledge,
        &scales,
        &descriptions,
    )?;
    b.work_styles(need("Work Styles.txt")?, &scales, &descriptions)?;
    b.interests(need("Interests.txt")?, &scales)?;
    b.education(need("Education, Training, and Experience.txt")?)?;
    b.alternate_titles(need("Alternate Titles.txt")?)?;
    b.reported_titles(need("Sample of Reported Titles.txt")?)?;
    b.technologies(need("Technology Skills.txt")?)?;
    b.dwas(need("DWA Reference.txt")?, need("Tasks to DWAs.txt")?)?;
    let job_zones = parse_job_zone_reference(need("Job Zone Reference.txt")?)?;
    let onet_release = match read("Read Me.txt")? {
        Some((_, text)) => text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('-'))
            .take(2)
            .collect::<Vec<_>>()
            .join(", "),
        None => "O*NET text release (no Read Me.txt)".to_owned(),
    };
    Ok(CatalogParts {
        provenance: Some(Provenance {
            onet_release,
            wage_release: "no wage data".into(),
        }),
        occupations: b.occupations,
        elements: b.elements,
        technologies: b.technologies,
        dwas: b.dwa_list,
        job_zones,
    })
}

/// The value ranges of the rating scales, from Scales Reference.
struct Scales(HashMap<String, (f32, f32)>);

impl Scales {
    fn parse(file: (String, String)) -> Result<Self, LoadError> {
        let t = Table::new(&file.0, &file.1, &["Scale ID", "Minimum", "Maximum"])?;
        let mut map = HashMap::new();
        for row in t.rows() {
            let row = row?;
            map.insert(
                row.get(0).to_owned(),
                (
                    row.parse(1, "expected a number")?,
                    row.parse(2, "expected a number")?,
                ),
            );
        }
        for id in ["IM", "LV", "OI", "RL", "RW", "PT", "OJ"] {
            if !map.contains_key(id) {
                return Err(TableError {
                    at: crate::tsv::Location {
                        file: file.0.clone(),
                        line: 1,
                        column: 0,
                    },
                    message: format!("scale \"{id}\" is not defined"),
                }
                .into());
            }
        }
        Ok(Self(map))
    }

    fn check(&self, row: &Row<'_>, scale_col: usize, value_col: usize) -> Result<f32, TableError> {
        let v: f32 = row.parse(value_col, "expected a number")?;
        match self.0.get(row.get(scale_col)) {
            Some(&(lo, hi)) if (lo..=hi).contains(&v) => Ok(v),
            Some(&(lo, hi)) => {
                Err(row.error(value_col, &format!("outside the scale's range {lo}–{hi}")))
            }
            None => Err(row.error(scale_col, "unknown scale (not in Scales Reference)")),
        }
    }
}

fn parse_content_model(file: (String, String)) -> Result<HashMap<String, String>, LoadError> {
    let t = Table::new(&file.0, &file.1, &["Element ID", "Description"])?;
    let mut map = HashMap::new();
    for row in t.rows() {
        let row = row?;
        map.insert(row.get(0).to_owned(), row.get(1).to_owned());
    }
    Ok(map)
}

fn parse_job_zone_reference(file: (String, String)) -> Result<Vec<JobZoneInfo>, LoadError> {
    let t = Table::new(
        &file.0,
        &file.1,
        &["Job Zone", "Name", "Experience", "Education"],
    )?;
    let mut out = Vec::new();
    for row in t.rows() {
        let row = row?;
        let zone = JobZone::new(row.parse(0, "expected a job zone 1-5")?)
            .ok_or_else(|| row.error(0, "expected a job zone 1-5"))?;
        out.push(JobZoneInfo {
            zone,
            name: row.get(1).to_owned(),
            experience: row.get(2).to_owned(),
            education: row.get(3).to_owned(),
        });
    }
    Ok(out)
}

/// Importance, level and the not-relevant flag of one rating, as the two
/// scale rows of a ratings file arrive.
type PendingRating = (Option<f32>, Option<f32>, bool);

/// Accumulates occupations as the files are read.
struct Builder {
    occupations: Vec<Occupation>,
    by_code: HashMap<OnetCode, usize>,
    elements: Vec<Element>,
    element_ids: HashMap<String, ElementId>,
    technologies: Vec<Technology>,
    technology_ids: HashMap<(String, String), TechnologyId>,
    dwa_list: Vec<Dwa>,
}

impl Builder {
    fn new(file: (String, String)) -> Result<Self, LoadError> {
        let t = Table::new(
            &file.0,
            &file.1,
            &["O*NET-SOC Code", "Title", "Description"],
        )?;
        let mut occupations = Vec::new();
        let mut by_code = HashMap::new();
        for row in t.rows() {
            let row = row?;
            let code = code(&row)?;
            if by_code.insert(code, occupations.len()).is_some() {
                return Err(row.error(0, "this code is listed twice").into());
            }
            occupations.push(Occupation {
                code,
                title: row.get(1).to_owned(),
                description: row.get(2).to_owned(),
                job_zone: None,
                wages: None,
                skills: Vec::new(),
                knowledge: Vec::new(),
                work_styles: Vec::new(),
                interests: None,
                education: None,
                experience: None,
                onsite_training: None,
                job_training: None,
                alternate_titles: Default::default(),
                reported_titles: Default::default(),
                technologies: Vec::new(),
                dwas: Vec::new(),
                outlook: None,
            });
        }
        Ok(Self {
            occupations,
            by_code,
            elements: Vec::new(),
            element_ids: HashMap::new(),
            technologies: Vec::new(),
            technology_ids: HashMap::new(),
            dwa_list: Vec::new(),
        })
    }

    /// The occupation a row's code column (wanted column 0) names.
    fn occupation(&mut self, row: &Row<'_>) -> Result<&mut Occupation, TableError> {
        let code = code(row)?;
        match self.by_code.get(&code) {
            Some(&i) => Ok(&mut self.occupations[i]),
            None => Err(row.error(0, "no such occupation in Occupation Data.txt")),
        }
    }

    fn element(
        &mut self,
        id: &str,
        name: &str,
        domain: Domain,
        descriptions: &HashMap<String, String>,
    ) -> ElementId {
        if let Some(&e) = self.element_ids.get(id) {
            return e;
        }
        let e = ElementId(self.elements.len() as u16);
        self.elements.push(Element {
            onet_id: id.to_owned(),
            name: name.to_owned(),
            description: descriptions.get(id).cloned().unwrap_or_default(),
            domain,
        });
        self.element_ids.insert(id.to_owned(), e);
        e
    }

    fn job_zones(&mut self, file: (String, String)) -> Result<(), LoadError> {
        let t = Table::new(&file.0, &file.1, &["O*NET-SOC Code", "Job Zone"])?;
        for row in t.rows() {
            let row = row?;
            let zone = JobZone::new(row.parse(1, "expected a job zone 1-5")?)
                .ok_or_else(|| row.error(1, "expected a job zone 1-5"))?;
            self.occupation(&row)?.job_zone = Some(zone);
        }
        Ok(())
    }

    fn ratings(
        &mut self,
        file: (String, String),
        domain: Domain,
        scales: &Scales,
        descriptions: &HashMap<String, String>,
    ) -> Result<(), LoadError> {
        let cols = [
            "O*NET-SOC Code",
            "Element ID",
            "Element Name",
            "Scale ID",
            "Data Value",
            "Not Relevant",
        ];
        let t = Table::new(&file.0, &file.1, &cols)?;
        // (occupation, element) → (importance, level, not relevant)
        let mut pending: HashMap<(usize, ElementId), PendingRating> = HashMap::new();
        for row in t.rows() {
            let row = row?;
            let value = scales.check(&row, 3, 4)?;
            let element = self.element(row.get(1), row.get(2), domain, descriptions);
            let occ = {
                let code = code(&row)?;
                *self
                    .by_code
                    .get(&code)
                    .ok_or_else(|| row.error(0, "no such occupation in Occupation Data.txt"))?
            };
            let slot = pending.entry((occ, element)).or_default();
            match row.get(3) {
                "IM" => slot.0 = Some(value),
                "LV" => {
                    slot.1 = Some(value);
                    slot.2 = row.flag(5)?;
                }
                _ => return Err(row.error(3, "expected scale IM or LV").into()),
            }
        }
        let mut keyed: Vec<_> = pending.into_iter().collect();
        keyed.sort_by_key(|((occ, el), _)| (*occ, *el));
        for ((occ, element), (importance, level, not_relevant)) in keyed {
            // A rating needs both scales; O*NET always publishes them in pairs.
            let (Some(importance), Some(level)) = (importance, level) else {
                continue;
            };
            let rating = Rating {
                element,
                importance,
                level,
                not_relevant,
            };
            let o = &mut self.occupations[occ];
            match domain {
                Domain::Knowledge => o.knowledge.push(rating),
                _ => o.skills.push(rating),
            }
        }
        Ok(())
    }

    fn work_styles(
        &mut self,
        file: (String, String),
        scales: &Scales,
        descriptions: &HashMap<String, String>,
    ) -> Result<(), LoadError> {
        let t = Table::new(
            &file.0,
            &file.1,
            &[
                "O*NET-SOC Code",
                "Element ID",
                "Element Name",
                "Scale ID",
                "Data Value",
            ],
        )?;
        for row in t.rows() {
            let row = row?;
            if row.get(3) != "IM" {
                continue;
            }
            let importance = scales.check(&row, 3, 4)?;
            let element = self.element(row.get(1), row.get(2), Domain::WorkStyle, descriptions);
            self.occupation(&row)?.work_styles.push(StyleRating {
                element,
                importance,
            });
        }
        Ok(())
    }

    fn interests(&mut self, file: (String, String), scales: &Scales) -> Result<(), LoadError> {
        let t = Table::new(
            &file.0,
            &file.1,
            &["O*NET-SOC Code", "Element ID", "Scale ID", "Data Value"],
        )?;
        for row in t.rows() {
            let row = row?;
            // IH rows are the high-point codes derived from the OI scores.
            if row.get(2) != "OI" {
                continue;
            }
            let value = scales.check(&row, 2, 3)?;
            let slot = match row.get(1) {
                "1.B.1.a" => 0,
                "1.B.1.b" => 1,
                "1.B.1.c" => 2,
                "1.B.1.d" => 3,
                "1.B.1.e" => 4,
                "1.B.1.f" => 5,
                _ => {
                    return Err(row
                        .error(1, "expected a RIASEC interest element 1.B.1.a–f")
                        .into());
                }
            };
            self.occupation(&row)?.interests.get_or_insert([0.0; 6])[slot] = value;
        }
        Ok(())
    }

    fn education(&mut self, file: (String, String)) -> Result<(), LoadError> {
        let t = Table::new(
            &file.0,
            &file.1,
            &["O*NET-SOC Code", "Scale ID", "Category", "Data Value"],
        )?;
        for row in t.rows() {
            let row = row?;
            let categories = match row.get(1) {
                "RL" => 12,
                "RW" => 11,
                "PT" | "OJ" => 9,
                // Importance of certification and apprenticeship (2.D.4.a,
                // 3.A.4.a): rated for only ~500 occupations; not used yet.
                "IM" => continue,
                _ => return Err(row.error(1, "expected scale RL, RW, PT or OJ").into()),
            };
            let cat: usize = row.parse(2, "expected a category number")?;
            if !(1..=categories).contains(&cat) {
                return Err(row
                    .error(2, &format!("category outside 1–{categories}"))
                    .into());
            }
            let pct: f32 = row.parse(3, "expected a percentage")?;
            if !(0.0..=100.0).contains(&pct) {
                return Err(row.error(3, "percentage outside 0–100").into());
            }
            let scale = row.get(1);
            let o = self.occupation(&row)?;
            let slot = match scale {
                "RL" => &mut o.education,
                "RW" => &mut o.experience,
                "PT" => &mut o.onsite_training,
                _ => &mut o.job_training,
            };
            slot.get_or_insert_with(|| Distribution {
                percent: vec![0.0; categories],
            })
            .percent[cat - 1] = pct;
        }
        Ok(())
    }

    fn alternate_titles(&mut self, file: (String, String)) -> Result<(), LoadError> {
        let t = Table::new(
            &file.0,
            &file.1,
            &["O*NET-SOC Code", "Alternate Title", "Short Title"],
        )?;
        for row in t.rows() {
            let row = row?;
            let short = match row.get(2) {
                "n/a" | "" => None,
                s => Some(s),
            };
            let title = row.get(1);
            self.occupation(&row)?.alternate_titles.push(title, short);
        }
        Ok(())
    }

    fn reported_titles(&mut self, file: (String, String)) -> Result<(), LoadError> {
        let t = Table::new(
            &file.0,
            &file.1,
            &[
                "O*NET-SOC Code",
                "Reported Job Title",
                "Shown in My Next Move",
            ],
        )?;
        for row in t.rows() {
            let row = row?;
            let shown = row.flag(2)?;
            let title = row.get(1);
            self.occupation(&row)?.reported_titles.push(title, shown);
        }
        Ok(())
    }

    fn technologies(&mut self, file: (String, String)) -> Result<(), LoadError> {
        let cols = [
            "O*NET-SOC Code",
            "Example",
            "Commodity Title",
            "Hot Technology",
            "In Demand",
        ];
        let t = Table::new(&file.0, &file.1, &cols)?;
        for row in t.rows() {
            let row = row?;
            let key = (row.get(1).to_owned(), row.get(2).to_owned());
            let next = TechnologyId(self.technologies.len() as u32);
            let technology = *self.technology_ids.entry(key.clone()).or_insert(next);
            if technology == next {
                self.technologies.push(Technology {
                    name: key.0,
                    commodity: key.1,
                });
            }
            let (hot, in_demand) = (row.flag(3)?, row.flag(4)?);
            self.occupation(&row)?.technologies.push(TechnologyUse {
                technology,
                hot,
                in_demand,
            });
        }
        Ok(())
    }

    fn dwas(
        &mut self,
        reference: (String, String),
        links: (String, String),
    ) -> Result<(), LoadError> {
        let t = Table::new(&reference.0, &reference.1, &["DWA ID", "DWA Title"])?;
        let mut ids = HashMap::new();
        for row in t.rows() {
            let row = row?;
            ids.insert(row.get(0).to_owned(), DwaId(self.dwa_list.len() as u16));
            self.dwa_list.push(Dwa {
                onet_id: row.get(0).to_owned(),
                title: row.get(1).to_owned(),
            });
        }
        let t = Table::new(&links.0, &links.1, &["O*NET-SOC Code", "DWA ID"])?;
        for row in t.rows() {
            let row = row?;
            let dwa = *ids
                .get(row.get(1))
                .ok_or_else(|| row.error(1, "no such DWA in DWA Reference.txt"))?;
            self.occupation(&row)?.dwas.push(dwa);
        }
        for o in &mut self.occupations {
            o.dwas.sort_unstable();
            o.dwas.dedup();
        }
        Ok(())
    }
}

fn code(row: &Row<'_>) -> Result<OnetCode, TableError> {
    OnetCode::parse(row.get(0))
        .map_err(|_| row.error(0, "expected an O*NET-SOC code such as 15-1252.00"))
}

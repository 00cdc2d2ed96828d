//! The grade ladder shared by the individual-contributor and management
//! tracks, and the seniority hint read from job titles.
//!
//! | level | grade | | level | grade |
//! |---|---|---|---|---|
//! | entry | 1 | | principal | 6 |
//! | junior | 2 | | manager | 6 |
//! | intermediate | 3 | | senior_manager | 7 |
//! | senior | 4 | | director | 8 |
//! | lead | 5 | | vp | 9 |
//! | supervisor | 5 | | executive | 10 |

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text;

/// A named rung of the ladder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Grade 1.
    Entry,
    /// Grade 2.
    Junior,
    /// Grade 3.
    Intermediate,
    /// Grade 4.
    Senior,
    /// Grade 5, individual track.
    Lead,
    /// Grade 5, management track.
    Supervisor,
    /// Grade 6, individual track.
    Principal,
    /// Grade 6, management track.
    Manager,
    /// Grade 7.
    SeniorManager,
    /// Grade 8.
    Director,
    /// Grade 9.
    Vp,
    /// Grade 10.
    Executive,
}

/// Why a text is not a level.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a level: use a grade 1-10 or one of {names}{suggestion}", names = Level::NAMES.join(", "), suggestion = suggestion.as_deref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
pub struct LevelError {
    /// The rejected text.
    pub text: String,
    /// The nearest level name, if one is close.
    pub suggestion: Option<&'static str>,
}

impl Level {
    /// Every level, lowest grade first.
    pub const ALL: [Level; 12] = [
        Level::Entry,
        Level::Junior,
        Level::Intermediate,
        Level::Senior,
        Level::Lead,
        Level::Supervisor,
        Level::Principal,
        Level::Manager,
        Level::SeniorManager,
        Level::Director,
        Level::Vp,
        Level::Executive,
    ];

    /// Every level name, as accepted by [`Level::parse`].
    pub const NAMES: [&'static str; 12] = [
        "entry",
        "junior",
        "intermediate",
        "senior",
        "lead",
        "supervisor",
        "principal",
        "manager",
        "senior_manager",
        "director",
        "vp",
        "executive",
    ];

    /// The grade, 1–10.
    pub fn grade(self) -> u8 {
        match self {
            Level::Entry => 1,
            Level::Junior => 2,
            Level::Intermediate => 3,
            Level::Senior => 4,
            Level::Lead | Level::Supervisor => 5,
            Level::Principal | Level::Manager => 6,
            Level::SeniorManager => 7,
            Level::Director => 8,
            Level::Vp => 9,
            Level::Executive => 10,
        }
    }

    /// The name, as accepted by [`Level::parse`].
    pub fn name(self) -> &'static str {
        Self::NAMES[Self::ALL.iter().position(|l| *l == self).unwrap_or(0)]
    }

    /// The name in prose: `senior manager`, not `senior_manager`.
    pub fn words(self) -> &'static str {
        match self {
            Level::SeniorManager => "senior manager",
            Level::Vp => "VP",
            other => other.name(),
        }
    }

    /// Whether the level itself puts a person on the management track.
    pub fn is_management(self) -> bool {
        matches!(
            self,
            Level::Supervisor
                | Level::Manager
                | Level::SeniorManager
                | Level::Director
                | Level::Vp
                | Level::Executive
        )
    }

    /// The level for a grade on the given track (grades 5 and 6 have one
    /// name per track); `None` outside 1–10.
    pub fn from_grade(grade: u8, management: bool) -> Option<Level> {
        Some(match grade {
            1 => Level::Entry,
            2 => Level::Junior,
            3 => Level::Intermediate,
            4 => Level::Senior,
            5 if management => Level::Supervisor,
            5 => Level::Lead,
            6 if management => Level::Manager,
            6 => Level::Principal,
            7 => Level::SeniorManager,
            8 => Level::Director,
            9 => Level::Vp,
            10 => Level::Executive,
            _ => return None,
        })
    }

    /// Parses a level name (any case; `-` or space for `_`) or a grade 1–10.
    pub fn parse(text: &str) -> Result<Level, LevelError> {
        let t = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        if let Ok(grade) = t.parse::<u8>() {
            return Level::from_grade(grade, false).ok_or_else(|| LevelError {
                text: text.to_owned(),
                suggestion: None,
            });
        }
        let alias = match t.as_str() {
            "vice_president" => "vp",
            "mid" | "mid_level" => "intermediate",
            "exec" | "c_level" => "executive",
            other => other,
        };
        if let Some(i) = Self::NAMES.iter().position(|n| *n == alias) {
            return Ok(Self::ALL[i]);
        }
        let suggestion = text::nearest(&t, Self::NAMES, 3);
        Err(LevelError {
            text: text.to_owned(),
            suggestion,
        })
    }

    /// The seniority a job title suggests, from words such as junior,
    /// senior, lead, principal, head, director, chief and VP.
    ///
    /// Rule: every seniority word in the title proposes a level and the
    /// highest grade wins ("Senior Director" is a director); "senior" before
    /// "manager" makes a senior manager; "head of" reads as director;
    /// C-suite acronyms (CEO, CFO, …) and "chief" or "president" read as
    /// executive. "Assistant", "deputy", "associate" or "vice" before a
    /// seniority word (not always next to it: an assistant store manager)
    /// lowers it a grade: an assistant principal is not the
    /// principal, an assistant manager supervises, a deputy director is a
    /// senior manager ("vice president" stays VP). "Staff" is deliberately
    /// ignored: a staff accountant is junior while a staff engineer is
    /// lead, so the word says nothing alone.
    pub fn hint_from_title(title: &str) -> Option<Level> {
        Self::hint_from_tokens(text::tokens(title))
    }

    /// [`Self::hint_from_title`] as it reads where "manager" names the job
    /// and not a grade (a project manager manages projects, not people):
    /// the other words only. "Senior Project Manager" is senior; an
    /// "Assistant Project Manager" or "Associate Product Manager" says no
    /// grade.
    pub fn hint_from_title_besides_manager(title: &str) -> Option<Level> {
        let mut toks = text::tokens(title);
        toks.retain(|t| t != "manager" && t != "mgr");
        Self::hint_from_tokens(toks)
    }

    fn hint_from_tokens(toks: Vec<String>) -> Option<Level> {
        let mut best: Option<Level> = None;
        // An "assistant" (or the like) waiting for the seniority word it lowers.
        let mut second = false;
        // The words so far are all seniority words or such modifiers.
        let mut leading = true;
        for (i, t) in toks.iter().enumerate() {
            let next = toks.get(i + 1).map(String::as_str);
            let proposed = match t.as_str() {
                "intern" | "trainee" | "apprentice" | "entry" => Some(Level::Entry),
                "junior" | "jr" => Some(Level::Junior),
                "senior" | "sr" if next == Some("manager") => Some(Level::SeniorManager),
                "senior" | "sr" => Some(Level::Senior),
                "lead" => Some(Level::Lead),
                "principal" => Some(Level::Principal),
                "supervisor" | "foreman" | "forewoman" => Some(Level::Supervisor),
                "manager" => Some(Level::Manager),
                "head" | "director" => Some(Level::Director),
                "vp" | "svp" | "evp" => Some(Level::Vp),
                // An assistant vice president, as "assistant vice
                // president" reads: a grade below.
                "avp" => Some(Level::Director),
                "vice" if next == Some("president") => Some(Level::Vp),
                "president" if i == 0 || toks[i - 1] != "vice" => Some(Level::Executive),
                "chief" | "ceo" | "cfo" | "coo" | "cto" | "cio" | "cmo" | "cso" | "cpo" | "cho"
                | "cdo" => Some(Level::Executive),
                "assistant" | "asst" | "deputy" | "associate" | "vice" => {
                    // Only as the title's own first word, or after another
                    // such word: a nursing assistant supervisor supervises.
                    second |= leading;
                    None
                }
                _ => None,
            };
            leading = proposed.is_some() || (leading && is_modifier(t));
            let Some(mut l) = proposed else { continue };
            if std::mem::take(&mut second) {
                l = Level::from_grade(l.grade() - 1, l.is_management()).unwrap_or(l);
            }
            if best.is_none_or(|b| l.grade() > b.grade()) {
                best = Some(l);
            }
        }
        best
    }
}

fn is_modifier(t: &str) -> bool {
    matches!(t, "assistant" | "asst" | "deputy" | "associate" | "vice")
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_prose_that_parses_back() {
        for level in Level::ALL {
            let words = level.words();
            assert!(!words.contains('_'), "{words}");
            assert_eq!(Level::parse(words).unwrap(), level, "{words}");
        }
        assert_eq!(Level::SeniorManager.words(), "senior manager");
        assert_eq!(Level::Vp.words(), "VP");
    }

    #[test]
    fn every_name_parses_to_its_grade() {
        let grades = [1, 2, 3, 4, 5, 5, 6, 6, 7, 8, 9, 10];
        for ((level, name), grade) in Level::ALL.iter().zip(Level::NAMES).zip(grades) {
            assert_eq!(Level::parse(name).unwrap(), *level);
            assert_eq!(level.grade(), grade, "{name}");
            assert_eq!(level.name(), name);
        }
        assert_eq!(
            Level::parse("Senior Manager").unwrap(),
            Level::SeniorManager
        );
        assert_eq!(Level::parse("7").unwrap(), Level::SeniorManager);
    }

    #[test]
    fn rejects_levels_off_the_ladder_with_a_suggestion() {
        let e = Level::parse("directer").unwrap_err();
        assert_eq!(e.suggestion, Some("director"));
        assert!(e.to_string().contains("`directer`"));
        assert!(Level::parse("11").is_err());
        assert!(Level::parse("0").is_err());
    }

    #[test]
    fn title_hints() {
        let cases = [
            ("Senior Staff Accountant", Some(Level::Senior)),
            ("Junior Developer", Some(Level::Junior)),
            ("CFO", Some(Level::Executive)),
            ("VP of Engineering", Some(Level::Vp)),
            ("Vice President, Sales", Some(Level::Vp)),
            ("Senior Director of Finance", Some(Level::Director)),
            ("Senior Manager, Audit", Some(Level::SeniorManager)),
            ("Head of Data", Some(Level::Director)),
            ("Lead Nurse", Some(Level::Lead)),
            ("Principal Engineer", Some(Level::Principal)),
            ("Assistant Principal", Some(Level::Lead)),
            ("Vice Principal", Some(Level::Lead)),
            ("Assistant Store Manager", Some(Level::Supervisor)),
            ("Deputy Director of Nursing", Some(Level::SeniorManager)),
            ("Associate Director, Research", Some(Level::SeniorManager)),
            ("Vice President, Sales", Some(Level::Vp)),
            ("Associate", None),
            ("Nursing Assistant Supervisor", Some(Level::Supervisor)),
            ("Senior Assistant Manager", Some(Level::Supervisor)),
            ("AVP, Operations", Some(Level::Director)),
            (
                "Assistant Vice President, Operations",
                Some(Level::Director),
            ),
            ("data scientist", None),
        ];
        for (title, want) in cases {
            assert_eq!(Level::hint_from_title(title), want, "{title}");
        }
    }
}

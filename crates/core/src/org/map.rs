//! Organisation mode, first part: an organisation's own job titles mapped to
//! O*NET occupations, with a confidence and the runner-up, for a person to
//! review (issue #13).
//!
//! **The rule.** An employer's title carries marks O*NET's titles do not:
//! grade numerals ("Social Worker III"), ranks in brackets ("Correctional
//! Officer III (Corporal)"), two jobs in one ("Truck Driver/Warehouse
//! Worker"). The title is cleaned of those, and each part is searched in
//! the title index (O*NET titles, alternate and reported titles). Then:
//!
//! - the job family (a department or job family name) breaks near ties: a
//!   candidate whose O*NET title or description uses a content word of the
//!   family gains [`FAMILY_BOOST`];
//! - a supervisory word in the title (sergeant, lieutenant, captain,
//!   supervisor, chief, commander, foreman) maps an individual-contributor
//!   match to the first-line supervisor occupation of its SOC major group
//!   whose title shares most with it — a police sergeant supervises police
//!   officers — when O*NET has one.
//!
//! The confidence is [`Confidence::High`] when the best score is at least
//! [`HIGH_SCORE`] and leads the runner-up (another occupation) by at least
//! [`HIGH_MARGIN`], [`Confidence::Medium`] from [`MEDIUM_SCORE`], otherwise
//! [`Confidence::Low`].

use crate::catalog::{Catalog, OccupationId};
use crate::text;

/// SOC major group 55, Military Specific Occupations: never an employer's
/// civilian job.
pub(crate) const MILITARY_MAJOR_GROUP: u8 = 55;
/// Score added to a candidate whose title or description uses a word of
/// the job family.
pub(crate) const FAMILY_BOOST: f32 = 0.05;
/// The least score for a high-confidence match …
pub(crate) const HIGH_SCORE: f32 = 0.75;
/// … and its least lead over the runner-up.
pub(crate) const HIGH_MARGIN: f32 = 0.05;
/// The least score for a medium-confidence match.
pub(crate) const MEDIUM_SCORE: f32 = 0.5;
/// Words that make a title supervisory.
pub(crate) const SUPERVISORY_WORDS: [&str; 9] = [
    "supervisor",
    "supervisory",
    "sergeant",
    "lieutenant",
    "captain",
    "chief",
    "commander",
    "foreman",
    "forewoman",
];

/// One job of an organisation's job architecture.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    /// The organisation's job code (unique).
    pub code: String,
    /// The organisation's title.
    pub title: String,
    /// The job family or department, if given.
    pub family: String,
    /// The organisation's own grade, if given.
    pub grade: Option<String>,
    /// Salary band (min, mid, max), each where known.
    pub salary: [Option<u32>; 3],
    /// The occupation the organisation already assigned, if any.
    pub onet: Option<OccupationId>,
    /// The organisation marked the job as no job to map (`onet_code` =
    /// `none`: a pooled group, a placeholder): it is left out of the advice.
    pub excluded: bool,
    /// People in the job, if given.
    pub headcount: Option<u32>,
}

/// How sure the mapper is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    /// A strong, unambiguous match.
    High,
    /// A plausible match a person should glance at.
    Medium,
    /// A guess a person must check.
    Low,
}

impl Confidence {
    /// The stable name: `high`, `medium`, `low`.
    pub fn name(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }

    /// The confidence a name gives, if it is one.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "high" => Some(Confidence::High),
            "medium" => Some(Confidence::Medium),
            "low" => Some(Confidence::Low),
            _ => None,
        }
    }
}

/// A job title mapped to an occupation.
#[derive(Clone, Debug, PartialEq)]
pub struct JobMatch {
    /// The occupation.
    pub occupation: OccupationId,
    /// Its score, 0–1.
    pub score: f32,
    /// The next-best other occupation and its score.
    pub runner_up: Option<(OccupationId, f32)>,
    /// How sure the mapping is.
    pub confidence: Confidence,
    /// The title was supervisory and the match moved to the supervisors
    /// of the work it first matched.
    pub supervisory: bool,
}

/// The parts of an employer's title worth searching: grade numerals,
/// bracketed ranks and trailing grade numbers removed, "/" alternatives
/// split. "Correctional Officer III (Corporal)" → ["Correctional Officer"].
pub(crate) fn title_parts(title: &str) -> Vec<String> {
    let mut no_brackets = String::with_capacity(title.len());
    let mut depth = 0usize;
    for ch in title.chars() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => no_brackets.push(ch),
            _ => {}
        }
    }
    no_brackets
        .split('/')
        .map(|part| {
            part.split_whitespace()
                .filter(|w| !is_grade_mark(w))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// "III", "IV", "2", "B": a grade mark, not part of the job.
fn is_grade_mark(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    !w.is_empty()
        && (w.chars().all(|c| c.is_ascii_digit())
            || w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            || (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase())))
}

/// A title named by its field of work ends in a gerund ("Auditing",
/// "Electrical Engineering", "Custodial Working" — the US federal series
/// are named so); O*NET names the worker. The worker forms of its last
/// word: the gerund's stem with -er, -or, -ant and -e ("Auditing" →
/// "Auditor", "Accounting" → "Accountant", "Nursing" → "Nurse"), and the
/// stem itself when it is a noun ("Engineering" → "Engineer"). Forms that
/// are not words find nothing in the title index, so they cost nothing
/// but a search.
pub(crate) fn worker_forms(part: &str) -> Vec<String> {
    let (head, last) = part.rsplit_once(' ').unwrap_or(("", part));
    let lower = last.to_lowercase();
    let Some(stem) = lower.strip_suffix("ing").filter(|s| s.len() >= 3) else {
        return Vec::new();
    };
    let with = |word: String| {
        if head.is_empty() {
            word
        } else {
            format!("{head} {word}")
        }
    };
    ["er", "or", "ant", "e", ""]
        .iter()
        .map(|end| with(format!("{stem}{end}")))
        .collect()
}

/// Maps a job title, with its family (department or job family) as
/// context, to an occupation; `None` when nothing matches at all.
pub fn map_title(catalog: &Catalog, title: &str, family: &str) -> Option<JobMatch> {
    let family_words: Vec<String> = text::tokens(family)
        .into_iter()
        .filter(|w| w.len() > 3 && !FAMILY_STOP_WORDS.contains(&w.as_str()))
        .collect();
    let mut scored: Vec<(OccupationId, f32)> = Vec::new();
    let parts = title_parts(title);
    let searched = parts
        .iter()
        .flat_map(|p| worker_forms(p).into_iter().chain([p.clone()]));
    for part in searched {
        for m in catalog.search(&part, 10) {
            // An employer's civilian title is not a military occupation
            // ("Work Force Leader" is no special forces officer).
            if catalog.occupation(m.occupation).soc().major_number() == MILITARY_MAJOR_GROUP {
                continue;
            }
            let boost = if mentions_any(catalog, m.occupation, &family_words) {
                FAMILY_BOOST
            } else {
                0.0
            };
            let score = (m.score + boost).min(1.0);
            match scored.iter_mut().find(|(o, _)| *o == m.occupation) {
                Some(entry) => entry.1 = entry.1.max(score),
                None => scored.push((m.occupation, score)),
            }
        }
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let &(mut best, score) = scored.first()?;
    let runner_up = scored.get(1).copied();
    let supervisory_title = text::tokens(title)
        .iter()
        .any(|w| SUPERVISORY_WORDS.contains(&w.as_str()));
    let mut supervisory = false;
    if supervisory_title
        && !catalog.occupation(best).is_management()
        && let Some(boss) = supervisor_of(catalog, best)
    {
        best = boss;
        supervisory = true;
    }
    let lead = runner_up.map_or(score, |(_, s)| score - s);
    let confidence = if score >= HIGH_SCORE && lead >= HIGH_MARGIN {
        Confidence::High
    } else if score >= MEDIUM_SCORE {
        Confidence::Medium
    } else {
        Confidence::Low
    };
    Some(JobMatch {
        occupation: best,
        score,
        runner_up: runner_up.filter(|(o, _)| *o != best),
        confidence,
        supervisory,
    })
}

/// Family words that say nothing about the work.
const FAMILY_STOP_WORDS: [&str; 8] = [
    "department",
    "office",
    "services",
    "service",
    "division",
    "county",
    "general",
    "management",
];

fn mentions_any(catalog: &Catalog, o: OccupationId, words: &[String]) -> bool {
    if words.is_empty() {
        return false;
    }
    let occ = catalog.occupation(o);
    let own: Vec<String> = text::tokens(&occ.title)
        .into_iter()
        .chain(text::tokens(&occ.description))
        .collect();
    words.iter().any(|w| own.contains(w))
}

/// The first-line supervisor occupation of `o`'s SOC major group whose
/// title shares the most words with `o`'s (at least one besides the
/// generic ones).
fn supervisor_of(catalog: &Catalog, o: OccupationId) -> Option<OccupationId> {
    let worker = catalog.occupation(o);
    let words: Vec<String> = text::tokens(&worker.title)
        .into_iter()
        .chain(text::tokens(&worker.description))
        .filter(|w| w.len() > 3)
        .collect();
    catalog
        .occupations()
        .iter()
        .enumerate()
        .filter(|(_, c)| c.is_first_line_supervision() && c.soc().major() == worker.soc().major())
        .map(|(i, c)| {
            let shared = text::tokens(&c.title)
                .iter()
                .filter(|w| {
                    !["first", "line", "supervisor", "worker", "and", "except"]
                        .contains(&w.as_str())
                        && words.contains(w)
                })
                .count();
            (shared, i)
        })
        .filter(|(shared, _)| *shared > 0)
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, i)| OccupationId(i as u16))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_of_work_name_their_workers() {
        assert!(worker_forms("Auditing").contains(&"auditor".to_owned()));
        assert!(worker_forms("Electrical Engineering").contains(&"Electrical engineer".to_owned()));
        assert!(worker_forms("Custodial Working").contains(&"Custodial worker".to_owned()));
        assert!(worker_forms("Accounting").contains(&"accountant".to_owned()));
        assert!(worker_forms("Nurse").is_empty());
        assert!(worker_forms("Ring").is_empty(), "too short a stem");
    }

    #[test]
    fn grade_marks_and_ranks_are_removed_and_alternatives_split() {
        assert_eq!(
            title_parts("Correctional Officer III (Corporal)"),
            ["Correctional Officer"]
        );
        assert_eq!(
            title_parts("Truck Driver/Warehouse Worker"),
            ["Truck Driver", "Warehouse Worker"]
        );
        assert_eq!(title_parts("Social Worker IV"), ["Social Worker"]);
        assert_eq!(title_parts("Engineer 2"), ["Engineer"]);
        // A word that merely starts with I or V stays.
        assert_eq!(title_parts("Video Investigator"), ["Video Investigator"]);
        assert!(title_parts("(vacant)").is_empty());
    }

    #[test]
    fn confidences_have_stable_names() {
        for c in [Confidence::High, Confidence::Medium, Confidence::Low] {
            assert_eq!(Confidence::parse(c.name()), Some(c));
        }
        assert_eq!(Confidence::parse("sure"), None);
    }
}

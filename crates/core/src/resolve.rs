//! Resolving what people type — "Senior Staff Accountant", "CFO", "data
//! scientist", `15-2051.00` — to ranked catalog occupations.
//!
//! Every O*NET title, short title, alternate title and reported title becomes
//! one or more index entries (a title with a parenthesis such as
//! "Chief Financial Officer (CFO)" also yields "chief financial officer" and
//! "cfo"). A query is scored against the entries that share a token with it
//! by an IDF-weighted Dice coefficient, so an exact title scores 1 and
//! partial overlaps score by how informative the shared words are. Words
//! missing from the vocabulary are matched to vocabulary words within a
//! small edit distance (typos), at a discount. Seniority words ("senior",
//! "lead", "chief"…) count for less than the words that name the work.
//!
//! The index is plain data, built once with the catalog and stored in the
//! embedded snapshot, so resolving needs no start-up work.

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Occupation, OccupationId};
use crate::code::OnetCode;
use crate::level::Level;
use crate::strings::StrList;
use crate::text;

/// Where an index entry's text comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleSource {
    /// The O*NET occupation title.
    Title,
    /// An O*NET alternate title (or its short form).
    Alternate,
    /// A title reported by incumbents.
    Reported,
}

impl TitleSource {
    /// How much a match on this source counts: the official title is the
    /// surest evidence; alternate and reported titles are close behind.
    fn weight(self) -> f32 {
        match self {
            TitleSource::Title => 1.0,
            TitleSource::Reported => 0.97,
            TitleSource::Alternate => 0.96,
        }
    }
}

/// Points at the original text of an entry inside its occupation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TitleRef {
    /// Which list the title is in.
    pub source: TitleSource,
    /// Its position in that list (0 for the official title).
    pub index: u16,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Entry {
    occupation: OccupationId,
    title: TitleRef,
    /// Sum of the IDF weights of the entry's distinct tokens.
    weight: f32,
}

/// The searchable index of every title in the catalog.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct TitleIndex {
    entries: Vec<Entry>,
    /// Distinct tokens, sorted.
    vocab: StrList,
    /// IDF weight per vocabulary token.
    idf: Vec<f32>,
    /// `postings[starts[t]..starts[t + 1]]` are the entries holding token `t`.
    starts: Vec<u32>,
    postings: Vec<u32>,
}

/// One ranked answer to a title search.
#[derive(Clone, Debug, PartialEq)]
pub struct TitleMatch {
    /// The occupation.
    pub occupation: OccupationId,
    /// Score in [0, 1]; 1 is an exact title.
    pub score: f32,
    /// The title that matched best.
    pub matched: TitleRef,
    /// What the occupation's own titles say for it, where a tie was
    /// weighed ([`TitleEvidence`]); a re-reading stays within its class.
    pub(crate) evidence: TitleEvidence,
}

/// A resolved role: the occupation, and the seniority the text suggests.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolution {
    /// The best occupation.
    pub occupation: OccupationId,
    /// Its match (score 1 for a code).
    pub best: TitleMatch,
    /// The seniority words of the text, if any, as they read in a
    /// management or first-line supervision occupation
    /// ([`Self::seniority_in`] reads them in the occupation chosen).
    pub seniority: Option<Level>,
    /// The seniority words besides "manager"
    /// ([`Level::hint_from_title_besides_manager`]).
    besides_manager: Option<Level>,
    /// The runners-up, best first.
    pub alternatives: Vec<TitleMatch>,
}

/// How far outside an occupation's middle half of pay (as a fraction of
/// its 25th and 75th percentiles) a post's pay may fall and still be read
/// as that occupation's ([`Resolution::paid`]).
pub const PAY_READING_MARGIN: f64 = 0.1;

impl Resolution {
    /// The seniority words as they read in the occupation chosen: in one
    /// that is neither management (SOC 11) nor first-line supervision,
    /// "manager" names the job — an assistant project manager filed with
    /// project management specialists is no supervisor of them, a senior
    /// project manager a senior specialist.
    pub fn seniority_in(&self, catalog: &Catalog) -> Option<Level> {
        let o = catalog.occupation(self.occupation);
        if o.is_management() || o.is_first_line_supervision() {
            self.seniority
        } else {
            self.besides_manager
        }
    }

    /// The same reading, in the light of where the person stands: among
    /// near-ties (within [`crate::profile::ROLE_TIE`] of the best), an
    /// occupation of `near`'s function (its profession, or the management
    /// of it) is preferred to one outside it. A mechanical engineer's
    /// "Engineering Manager" is an architectural and engineering manager,
    /// not the IT manager the words match a hundredth better. The
    /// occupation passed over stays first among the alternatives, so a
    /// reading still names it.
    pub fn near(self, catalog: &Catalog, near: OccupationId) -> Resolution {
        let own = catalog.occupation(near);
        self.prefer(|o| catalog.occupation(o).same_function(own))
    }

    /// The same reading, among near-ties, of a civilian occupation rather
    /// than one of the armed forces (SOC major group 55), unless the
    /// person stands in one (`near`): a "Survey Crew Chief" leads a
    /// surveying crew, not an aircraft's — the military "Crew Chief" the
    /// words match as well, a hundredth better. O*NET's military
    /// occupations have no civilian pay or openings to plan on.
    pub fn civilian(self, catalog: &Catalog, near: Option<OccupationId>) -> Resolution {
        let military = |o: OccupationId| catalog.occupation(o).soc().major_number() == 55;
        if near.is_some_and(military) {
            return self;
        }
        // Whatever the occupations' own titles say: an armed forces' title
        // names the head word of many a civilian one ("Crew Chief").
        self.prefer_over_titles(|o| !military(o), false)
    }

    /// The same reading, in the light of what the profile says of the
    /// post (`words`: its industry and department): among near-ties, an
    /// occupation whose O*NET title names one of those words is preferred
    /// to one whose title names none. A QA tester in software is a
    /// software quality assurance analyst, not the manufacturing
    /// inspector an alternate title "QA Tester" names as well.
    pub fn in_context(self, catalog: &Catalog, words: &[String]) -> Resolution {
        let words: Vec<String> = words
            .iter()
            .flat_map(|w| text::tokens(w))
            .filter(|w| w.chars().count() > 3)
            .collect();
        if words.is_empty() {
            return self;
        }
        self.prefer(|o| {
            let title = text::tokens(&catalog.occupation(o).title);
            words.iter().any(|w| title.contains(w))
        })
    }

    /// The same reading, in the light of the pay the post is said to
    /// have (`salary`, a year): among near-ties, when the best reading's
    /// middle half of earners (OEWS 25th to 75th percentile) does not earn
    /// it, an occupation whose middle half does is preferred. A "Store
    /// Manager" on $58,000 is a retail store's supervisor (middle half
    /// $38,590–$62,130), not the general and operations manager the same
    /// alternate title names (from $72,320), who employs more. For a post
    /// whose level is not said: a junior post's pay below an occupation's
    /// middle half says the level, not another occupation.
    pub fn paid(self, catalog: &Catalog, salary: Option<f64>) -> Resolution {
        let Some(pay) = salary.filter(|p| p.is_finite() && *p > 0.0) else {
            return self;
        };
        // Wages of a wider group (an O*NET specialty's) say nothing of
        // the occupation itself.
        let earns = |o: OccupationId| {
            let own = catalog
                .occupation(o)
                .wages
                .as_ref()
                .filter(|w| !w.aggregate);
            // A tenth either side of the middle half: pay just outside it
            // says little (a retail shift supervisor on $38,000, $590
            // under retail supervisors' 25th percentile, is still one, not
            // the food service supervisor the pay alone would suggest),
            // pay far outside it says the post is another occupation's (a
            // "Marketing Coordinator" on $62,000 is no marketing manager).
            let margin = 1.0 + PAY_READING_MARGIN;
            match own.map(|w| (w.annual.p25, w.annual.p75)) {
                Some((Some(lo), Some(hi))) => {
                    Some(f64::from(lo) / margin <= pay && pay <= f64::from(hi) * margin)
                }
                _ => None,
            }
        };
        if earns(self.occupation) != Some(false) {
            return self;
        }
        self.prefer(|o| earns(o) == Some(true))
    }

    /// The best reading replaced by the first near-tie (within
    /// [`crate::profile::ROLE_TIE`]) that `fits`, when the best does not;
    /// the one passed over stays first among the alternatives, so a
    /// reading still names it. An occupation's own title, typed whole, is
    /// what the person means and is never re-read.
    fn prefer(self, fits: impl Fn(OccupationId) -> bool) -> Resolution {
        self.prefer_over_titles(fits, true)
    }

    /// [`Self::prefer`], heeding what the occupations' own titles say for
    /// each reading only when `by_titles`.
    fn prefer_over_titles(
        mut self,
        fits: impl Fn(OccupationId) -> bool,
        by_titles: bool,
    ) -> Resolution {
        let exact = self.best.score >= 1.0 && self.best.matched.source == TitleSource::Title;
        if exact || fits(self.occupation) {
            return self;
        }
        // Measured from the best match of all, so a second re-reading
        // (`near`, then `in_context`) reaches no further down than one.
        let top = (self.alternatives.iter()).fold(self.best.score, |m, a| m.max(a.score));
        let tie = top - crate::profile::ROLE_TIE;
        // Never to a reading its own titles say less for: a "UX Designer"
        // in software stays a web designer, though a software tester's
        // alternate title is the same words.
        let class = |m: &TitleMatch| (m.evidence.exact, m.evidence.head_in_title);
        let best_class = class(&self.best);
        let Some(i) = (self.alternatives.iter()).position(|a| {
            a.occupation != self.occupation
                && a.score >= tie
                && (!by_titles || class(a) >= best_class)
                && fits(a.occupation)
        }) else {
            return self;
        };
        let chosen = self.alternatives.remove(i);
        let passed = std::mem::replace(&mut self.best, chosen);
        self.occupation = self.best.occupation;
        self.alternatives.insert(0, passed);
        self
    }
}

/// Why a text could not be resolved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ResolveError {
    /// No title is close enough.
    #[error("no occupation matches {}{}", crate::text::quoted(.text), closest_list(.closest))]
    Unknown {
        /// The text as given.
        text: String,
        /// The closest titles, with their codes.
        closest: Vec<String>,
    },
    /// A well-formed code that is not in the catalog.
    #[error("no occupation has the code {code}{}", closest_list(.closest))]
    UnknownCode {
        /// The code as given.
        code: String,
        /// Codes in the same SOC group that do exist.
        closest: Vec<String>,
    },
    /// Nothing was typed.
    #[error("the role is empty: give a job title or an O*NET-SOC code")]
    Empty,
}

fn closest_list(closest: &[String]) -> String {
    if closest.is_empty() {
        String::new()
    } else {
        format!("; closest: {}", closest.join("; "))
    }
}

/// The lowest score taken as a confident resolution.
pub(crate) const MIN_RESOLVE_SCORE: f32 = 0.5;

/// A query token's weight is scaled by this when it is a seniority word.
const SENIORITY_WORD_WEIGHT: f32 = 0.35;
/// A token reached through a typo match counts this much of an exact one.
const FUZZY_WEIGHT: f32 = 0.8;

impl TitleIndex {
    /// Indexes every title of `occupations` (sorted by code; ids are positions).
    pub fn build(occupations: &[Occupation]) -> Self {
        let mut raw: Vec<(OccupationId, TitleRef, Vec<String>)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut add = |occ: OccupationId, title: TitleRef, text: &str| {
            for variant in variants(text) {
                let toks = text::tokens(&variant);
                if toks.is_empty() {
                    continue;
                }
                // The same words under one occupation need one entry only:
                // the first (best) source wins because titles come first.
                if seen.insert((occ, toks.join(" "))) {
                    raw.push((occ, title, toks));
                }
            }
        };
        for (i, o) in occupations.iter().enumerate() {
            let id = OccupationId(i as u16);
            add(
                id,
                TitleRef {
                    source: TitleSource::Title,
                    index: 0,
                },
                &o.title,
            );
            for (j, t) in o.alternate_titles.iter().enumerate() {
                let r = TitleRef {
                    source: TitleSource::Alternate,
                    index: j as u16,
                };
                add(id, r, t.title);
                if let Some(short) = t.short {
                    add(id, r, short);
                }
            }
            for (j, t) in o.reported_titles.iter().enumerate() {
                add(
                    id,
                    TitleRef {
                        source: TitleSource::Reported,
                        index: j as u16,
                    },
                    t.title,
                );
            }
        }

        let mut vocab: Vec<String> = raw.iter().flat_map(|(_, _, t)| t.iter().cloned()).collect();
        vocab.sort_unstable();
        vocab.dedup();
        let token_id = |t: &str| vocab.binary_search_by(|v| v.as_str().cmp(t)).ok();

        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
        let mut entry_tokens: Vec<Vec<usize>> = Vec::with_capacity(raw.len());
        for (e, (_, _, toks)) in raw.iter().enumerate() {
            let mut ids: Vec<usize> = toks.iter().filter_map(|t| token_id(t)).collect();
            ids.sort_unstable();
            ids.dedup();
            for &t in &ids {
                lists[t].push(e as u32);
            }
            entry_tokens.push(ids);
        }
        let n = raw.len().max(1) as f32;
        let idf: Vec<f32> = lists
            .iter()
            .map(|l| (n / l.len().max(1) as f32).ln() + 1.0)
            .collect();
        let entries = raw
            .iter()
            .zip(&entry_tokens)
            .map(|((occ, title, _), toks)| Entry {
                occupation: *occ,
                title: *title,
                weight: toks.iter().map(|&t| idf[t]).sum(),
            })
            .collect();
        let mut starts = Vec::with_capacity(vocab.len() + 1);
        let mut postings = Vec::new();
        for l in &lists {
            starts.push(postings.len() as u32);
            postings.extend_from_slice(l);
        }
        starts.push(postings.len() as u32);
        Self {
            entries,
            vocab: vocab.iter().collect(),
            idf,
            starts,
            postings,
        }
    }

    /// Each occupation's distinct title words as vocabulary ids, sorted,
    /// read from the postings (no text is tokenised again).
    pub(crate) fn occupation_words(&self, occupations: usize) -> Vec<Vec<u32>> {
        let mut out = vec![Vec::new(); occupations];
        for token in 0..self.vocab.len() {
            for &e in self.posting(token) {
                let occ = usize::from(self.entries[e as usize].occupation.0);
                if let Some(words) = out.get_mut(occ)
                    && words.last() != Some(&(token as u32))
                {
                    words.push(token as u32);
                }
            }
        }
        out
    }

    /// The text of vocabulary word `id`.
    pub fn word(&self, id: u32) -> &str {
        self.vocab.get(id as usize).unwrap_or("")
    }

    fn posting(&self, token: usize) -> &[u32] {
        &self.postings[self.starts[token] as usize..self.starts[token + 1] as usize]
    }

    /// The share of a title's match with `query` that stands when "except"
    /// clauses are read as the negations they are. A title's clause names
    /// what it is *not*: "Dispatchers, Except Police, Fire, and Ambulance"
    /// must not match a query for police dispatchers on those words. A
    /// query's clause does the same: "Teaching Assistants, Except
    /// Postsecondary" (the OEWS title) must not match "Teaching Assistants,
    /// Postsecondary" on "postsecondary". A word both clauses name agrees
    /// (someone copying the title). 1 when neither has a clause. The
    /// query's terms are read once into `terms` and reused for every title
    /// asked about (a misspelt word costs a scan of the vocabulary).
    pub(crate) fn share_outside_exception(
        &self,
        query: &str,
        title: &str,
        terms: &mut Option<Vec<Term>>,
    ) -> f32 {
        let words = text::tokens(title);
        let asked = text::tokens(query);
        let clause_of = |tokens: &[String]| tokens.iter().position(|w| w == "except");
        let (title_at, query_at) = (clause_of(&words), clause_of(&asked));
        if title_at.is_none() && query_at.is_none() {
            return 1.0;
        }
        let (head, clause) = words.split_at(title_at.unwrap_or(words.len()));
        let excepted = &asked[query_at.map_or(asked.len(), |at| at + 1)..];
        let terms = terms.get_or_insert_with(|| self.query_terms(query, 1.0).0);
        let (mut all, mut standing) = (0.0, 0.0);
        for &Term {
            token: id,
            weight: w,
            ..
        } in terms.iter()
        {
            let Some(word) = self.vocab.get(id).filter(|&w| w != "except") else {
                continue;
            };
            let has = |part: &[String]| part.iter().any(|p| p == word);
            let (in_head, in_clause) = (has(head), has(clause));
            if !(in_head || in_clause) {
                continue;
            }
            let m = w.min(self.idf[id]);
            all += m;
            if in_head != has(excepted) {
                standing += m;
            }
        }
        if all > 0.0 { standing / all } else { 1.0 }
    }

    /// Query tokens with their weights, typos mapped to vocabulary words;
    /// seniority words weigh `seniority_weight` of a word's own weight.
    fn query_terms(&self, query: &str, seniority_weight: f32) -> (Vec<Term>, f32) {
        let mut toks = text::tokens(query);
        toks.dedup();
        let ranks = rank_phrases(&toks);
        let mut terms: Vec<Term> = Vec::new();
        let mut total = 0.0;
        for (t, in_rank_phrase) in toks.iter().zip(ranks) {
            let work = !in_rank_phrase && names_work(t);
            let scale = if is_seniority_word(t) {
                seniority_weight
            } else {
                1.0
            };
            match self.vocab.binary_search(t) {
                Ok(id) => {
                    let w = self.idf[id] * scale;
                    total += w;
                    terms.push(Term {
                        token: id,
                        weight: w,
                        work,
                    });
                }
                Err(_) => {
                    // Unknown word: its weight is that of the rarest word,
                    // so a query of unknown words cannot look like a match.
                    let unknown_w = self.idf.iter().copied().fold(1.0, f32::max) * scale;
                    total += unknown_w;
                    let max = match t.len() {
                        0..=3 => 0,
                        4..=6 => 1,
                        _ => 2,
                    };
                    if max == 0 {
                        continue;
                    }
                    let mut best: Vec<(usize, usize)> = Vec::new();
                    for (id, v) in self.vocab.iter().enumerate() {
                        if let Some(d) = text::bounded_levenshtein(t, v, max) {
                            best.push((d, id));
                        }
                    }
                    if let Some(&(dmin, _)) = best.iter().min() {
                        for (_, id) in best.into_iter().filter(|(d, _)| *d == dmin) {
                            terms.push(Term {
                                token: id,
                                weight: unknown_w.min(self.idf[id] * scale) * FUZZY_WEIGHT,
                                work,
                            });
                        }
                    }
                }
            }
        }
        (terms, total)
    }

    /// The best-scoring occupations for a free-text title, best first.
    ///
    /// A seniority word in the query mostly says the level ("senior
    /// accountant"), so it weighs little; but it can be the job itself
    /// ("assistant principal" is a school administrator). The query is
    /// scored both ways and each occupation keeps its better score.
    pub fn search(&self, query: &str, limit: usize) -> Vec<TitleMatch> {
        if limit == 0 {
            return Vec::new();
        }
        let has_seniority_word = text::tokens(query).iter().any(|t| is_seniority_word(t));
        let weights: &[f32] = if has_seniority_word {
            &[SENIORITY_WORD_WEIGHT, 1.0]
        } else {
            &[1.0]
        };
        let mut best: std::collections::HashMap<OccupationId, TitleMatch> =
            std::collections::HashMap::new();
        let queries = std::iter::once(query.to_owned()).chain(rank_last(query));
        for (query, &weight) in queries.flat_map(|q| weights.iter().map(move |w| (q.clone(), w))) {
            for m in self.scored(&query, weight) {
                match best.get(&m.occupation) {
                    Some(b) if b.score >= m.score => {}
                    _ => {
                        best.insert(m.occupation, m);
                    }
                }
            }
        }
        let mut out: Vec<TitleMatch> = best.into_values().collect();
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.occupation.cmp(&b.occupation))
        });
        out.truncate(limit);
        out
    }

    /// Every occupation a title of which shares a word with the query,
    /// scored with seniority words at `seniority_weight`.
    fn scored(&self, query: &str, seniority_weight: f32) -> Vec<TitleMatch> {
        let (terms, query_weight) = self.query_terms(query, seniority_weight);
        if terms.is_empty() {
            return Vec::new();
        }
        let mut acc = vec![0f32; self.entries.len()];
        let mut names_the_work = vec![false; self.entries.len()];
        let mut touched: Vec<u32> = Vec::new();
        for t in &terms {
            let full = self.idf[t.token];
            for &e in self.posting(t.token) {
                let slot = &mut acc[e as usize];
                if *slot == 0.0 {
                    touched.push(e);
                }
                // Matched weight is bounded by the entry's own token weight.
                *slot += t.weight.min(full);
                names_the_work[e as usize] |= t.work;
            }
        }
        // A query that names work ("Head of Engineering") is no match for a
        // title that shares only its rank and small words ("Head of Loss
        // Prevention"); a query of ranks alone ("Chief") may match them.
        if terms.iter().any(|t| t.work) {
            touched.retain(|&e| names_the_work[e as usize]);
        }
        // Best and second-best entry score per occupation.
        let mut per_occ: std::collections::HashMap<OccupationId, (f32, TitleRef, f32)> =
            std::collections::HashMap::new();
        for &e in &touched {
            let entry = &self.entries[e as usize];
            let dice = 2.0 * acc[e as usize] / (query_weight + entry.weight);
            let score = dice.min(1.0) * entry.title.source.weight();
            let slot = per_occ
                .entry(entry.occupation)
                .or_insert((0.0, entry.title, 0.0));
            if score > slot.0 {
                slot.2 = slot.0;
                slot.0 = score;
                slot.1 = entry.title;
            } else if score > slot.2 {
                slot.2 = score;
            }
        }
        per_occ
            .into_iter()
            .map(|(occupation, (best, matched, second))| TitleMatch {
                occupation,
                evidence: TitleEvidence::default(),
                // Several good titles are corroboration: a small bonus that
                // never lifts a weak match over a strong one. Ranking treats
                // scores within `TIE_MARGIN` as equal (`ranked_titles`).
                score: (best + 0.04 * second).min(1.0),
                matched,
            })
            .collect()
    }
}

/// The texts indexed for one title: the whole title and, when it carries a
/// parenthesis, the part outside and the part inside.
fn variants(title: &str) -> Vec<String> {
    let mut out = vec![title.to_owned()];
    if let (Some(open), Some(close)) = (title.find('('), title.rfind(')'))
        && open < close
    {
        let outside = format!("{} {}", &title[..open], &title[close + 1..]);
        out.push(outside);
        out.push(title[open + 1..close].to_owned());
    }
    out
}

/// A query token as scored: the vocabulary word, its weight, and whether
/// it names work (neither a seniority word nor a small word like "of").
pub(crate) struct Term {
    token: usize,
    weight: f32,
    work: bool,
}

/// Whether a token says what the work is: not a seniority word, a rank
/// of management ("Supervisor of Electricians" names electricians' work,
/// not supervision in general) or a small word.
fn names_work(t: &str) -> bool {
    !is_seniority_word(t)
        && !is_rank_word(t)
        && !matches!(t, "of" | "and" | "the" | "for" | "in" | "to" | "a" | "an")
}

/// Which of a title's tokens belong to "first-line", the SOC's name for
/// the supervisory rank: in "First-Line Supervisor of Electricians" they
/// name no work, though "line" alone does ("Line Cook").
fn rank_phrases(tokens: &[String]) -> Vec<bool> {
    let mut marked = vec![false; tokens.len()];
    for (i, pair) in tokens.windows(2).enumerate() {
        if pair[0] == "first" && pair[1] == "line" {
            marked[i] = true;
            marked[i + 1] = true;
        }
    }
    marked
}

/// A title that names its rank first ("Head of Sales", "Director of
/// Finance") as O*NET lists titles, rank and field alone ("Sales
/// Director"): its "of" (and "the") is no word of the work, and "head" is
/// a director. `None` for any other title. The title as typed is scored
/// too, so one O*NET lists in the first form ("Chief of Staff") still
/// matches letter for letter.
fn rank_last(query: &str) -> Option<String> {
    let words: Vec<&str> = query.split_whitespace().collect();
    let of = words.iter().position(|w| w.eq_ignore_ascii_case("of"))?;
    let rank = words[..of].last()?.to_ascii_lowercase();
    let named = matches!(
        rank.as_str(),
        "head" | "director" | "manager" | "supervisor" | "president" | "chief" | "lead"
    );
    let field = words[of + 1..]
        .iter()
        .skip_while(|w| w.eq_ignore_ascii_case("the"));
    let field: Vec<&str> = field.copied().collect();
    if !named || field.is_empty() {
        return None;
    }
    let ranks = words[..of].iter().map(|w| {
        if w.eq_ignore_ascii_case("head") {
            "Director"
        } else {
            w
        }
    });
    Some(field.into_iter().chain(ranks).collect::<Vec<_>>().join(" "))
}

fn is_seniority_word(t: &str) -> bool {
    matches!(
        t,
        "junior"
            | "jr"
            | "senior"
            | "sr"
            | "lead"
            | "principal"
            // A grade, not work: "Staff Software Engineer" is a software
            // engineer, no computer hardware engineer (whose alternate
            // title "Staff Engineer" it matched as well as "Software
            // Engineer"); "Staff Accountant" an accountant. The level
            // reading ignores the word: it is ambiguous (above senior for
            // engineers, junior for accountants).
            | "staff"
            | "head"
            | "chief"
            | "vp"
            | "svp"
            | "evp"
            | "intern"
            | "trainee"
            | "entry"
            | "level"
            | "i"
            | "ii"
            | "iii"
            | "iv"
    )
}

/// Matches beyond the limit looked at for ties.
const TIE_LOOKAHEAD: usize = 8;

/// The evidence that breaks a tie between occupations a title matches
/// alike, strongest first (the derived order compares fields in turn).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct TitleEvidence {
    /// One of its titles is the one typed, letter for letter: "Account
    /// Manager" is a sales manager's title, though a financial manager's
    /// "Accounts Manager" scores as well and employs more.
    exact: bool,
    /// Its official title names the work the typed title ends on (a
    /// rank — manager, supervisor — names none): a "UX Designer" is a web
    /// and digital interface designer before a software tester, a
    /// "Communications Specialist" a specialist before a 911 dispatcher.
    /// (How often O*NET lists a title for an occupation was tried as the
    /// next tie-break and dropped: "Project Manager" went to engineering
    /// managers and "Program Manager" to media programming directors,
    /// where employment reads them as people mean them.)
    head_in_title: bool,
    /// It is an occupation of the SOC itself, not one of O*NET's narrower
    /// specialties of it: a "Plant Manager" that industrial production
    /// managers and their biofuels, geothermal and biomass specialties all
    /// list is an industrial production manager.
    general: bool,
}

/// A typed title, as the tie-breaks compare it.
struct Typed {
    /// Its words, lower case (case and spacing aside, no plural read
    /// away: letter for letter).
    words: Vec<String>,
    /// The last word that names work ([`TitleEvidence::head_in_title`]),
    /// normalised as titles' tokens are.
    head: Option<String>,
}

impl Typed {
    fn new(query: &str) -> Typed {
        // The head is the last word that names anything: "Engineer II" and
        // "Designer, Senior" end on their work; a rank ("Store Manager",
        // "Warehouse Supervisor") names none — retail supervisors are store
        // managers as much as general managers are, though only the
        // latter's title says "managers".
        let head = text::tokens(query)
            .into_iter()
            .rev()
            .find(|t| !is_seniority_word(t) && !t.chars().all(|c| c.is_ascii_digit()))
            .filter(|h| {
                !matches!(
                    h.as_str(),
                    "manager" | "supervisor" | "director" | "executive"
                )
            });
        Typed {
            words: query.split_whitespace().map(str::to_lowercase).collect(),
            head,
        }
    }

    /// Whether `title`, whole or either part of a parenthesis ("User
    /// Experience Designer (UX Designer)"), is the typed title letter for
    /// letter.
    fn is(&self, title: &str) -> bool {
        let same = |parts: &[&str]| {
            let mut words = parts.iter().flat_map(|p| p.split_whitespace());
            self.words.iter().all(|w| {
                words
                    .next()
                    .is_some_and(|t| t.chars().flat_map(char::to_lowercase).eq(w.chars()))
            }) && words.next().is_none()
        };
        if same(&[title]) {
            return true;
        }
        match (title.find('('), title.rfind(')')) {
            (Some(open), Some(close)) if open < close => {
                same(&[&title[..open], &title[close + 1..]]) || same(&[&title[open + 1..close]])
            }
            _ => false,
        }
    }
}

/// What a match keeps of its score when the typed title names a rank of
/// management and the match neither names one nor manages anyone.
const RANK_DROPPED: f32 = 0.85;

/// Whether a title names a rank of management or supervision.
fn names_a_rank(title: &str) -> bool {
    text::tokens(title).iter().any(|t| is_rank_word(t))
}

/// A word that names a rank of management or supervision.
fn is_rank_word(t: &str) -> bool {
    matches!(
        t,
        "manager"
            | "director"
            | "supervisor"
            | "head"
            | "chief"
            | "superintendent"
            | "administrator"
            | "executive"
            | "foreman"
            | "forewoman"
            | "president"
    )
}

/// Scores this close to the best of a run of matches are the same evidence
/// ([`Catalog::ranked_titles`]): such differences come from the wording of
/// titles that say the same thing ("middle school teacher" matches three
/// occupations' titles at 0.991–0.993), not from a better match.
const TIE_MARGIN: f32 = 0.005;

impl Catalog {
    /// The text of an indexed title.
    pub fn title_text(&self, occupation: OccupationId, title: TitleRef) -> &str {
        let o = self.occupation(occupation);
        let i = usize::from(title.index);
        match title.source {
            TitleSource::Title => &o.title,
            TitleSource::Alternate => o.alternate_titles.get(i).map_or(&o.title, |t| t.title),
            TitleSource::Reported => o.reported_titles.get(i).map_or(&o.title, |t| t.title),
        }
    }

    /// Ranked occupations for a free-text title or a code.
    pub fn search(&self, query: &str, limit: usize) -> Vec<TitleMatch> {
        if let Ok(code) = OnetCode::parse(query)
            && let Some(id) = self.find_code(code)
        {
            return vec![TitleMatch {
                occupation: id,
                evidence: TitleEvidence::default(),
                score: 1.0,
                matched: TitleRef {
                    source: TitleSource::Title,
                    index: 0,
                },
            }];
        }
        self.ranked_titles(query, limit)
    }

    /// The title index's matches, equal scores broken by how many work in
    /// each occupation.
    fn ranked_titles(&self, query: &str, limit: usize) -> Vec<TitleMatch> {
        // A title several occupations share ("middle school teacher": the
        // general, special education and career/technical teachers) is
        // equal evidence for each; the occupation far more people work in
        // is the likelier meaning, so equal scores go to it. Look past the
        // limit so a tie at its edge is broken the same way.
        let mut found = self
            .titles()
            .search(query, limit.saturating_add(TIE_LOOKAHEAD));
        let mut terms = None;
        for m in &mut found {
            let title = self.title_text(m.occupation, m.matched);
            m.score *= self
                .titles()
                .share_outside_exception(query, title, &mut terms);
        }
        // A rank of management typed with a field ("Clinic Manager") is no
        // match for a title of that field that names no rank and whose
        // occupation manages no one ("Clinic Assistant"): the rank is half
        // of what was typed.
        if Level::hint_from_title(query).is_some_and(Level::is_management) {
            for m in &mut found {
                let title = self.title_text(m.occupation, m.matched);
                if !self.occupation(m.occupation).is_management() && !names_a_rank(title) {
                    m.score *= RANK_DROPPED;
                }
            }
        }
        let workers = |o: OccupationId| {
            self.occupation(o)
                .wages
                .as_ref()
                .and_then(|w| w.employment)
                .unwrap_or(0)
        };
        found.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.occupation.cmp(&b.occupation))
        });
        let typed = Typed::new(query);
        for m in &mut found {
            m.evidence = self.title_evidence(m.occupation, &typed);
        }
        // Runs of matches within the margin of the run's best, each run
        // ordered by the evidence of the occupation's own titles, then
        // workers; a run never reaches past a better match.
        let mut start = 0;
        while start < found.len() {
            let floor = found[start].score - TIE_MARGIN;
            let end = start + found[start..].partition_point(|m| m.score >= floor);
            found[start..end].sort_by(|a, b| {
                b.evidence
                    .cmp(&a.evidence)
                    .then(workers(b.occupation).cmp(&workers(a.occupation)))
                    .then(b.score.total_cmp(&a.score))
                    .then(a.occupation.cmp(&b.occupation))
            });
            start = end;
        }
        found.truncate(limit);
        found
    }

    /// What an occupation's own titles say for its being the one meant by
    /// `query`, among matches that score alike (a title several
    /// occupations list: "UX Designer" is both a software tester's and a
    /// web designer's alternate title).
    fn title_evidence(&self, occupation: OccupationId, typed: &Typed) -> TitleEvidence {
        let o = self.occupation(occupation);
        let exact = typed.is(&o.title)
            || o.alternate_titles
                .iter()
                .any(|a| typed.is(a.title) || a.short.is_some_and(|t| typed.is(t)))
            || o.reported_titles.iter().any(|r| typed.is(r.title));
        TitleEvidence {
            exact,
            head_in_title: typed
                .head
                .as_ref()
                .is_some_and(|h| text::tokens(&o.title).contains(h)),
            general: o.code.as_str().ends_with(".00"),
        }
    }

    /// Resolves a role as people type it: an O*NET-SOC code, or a title.
    pub fn resolve(&self, text: &str) -> Result<Resolution, ResolveError> {
        if text.trim().is_empty() {
            return Err(ResolveError::Empty);
        }
        let seniority = Level::hint_from_title(text);
        if let Ok(code) = OnetCode::parse(text) {
            return match self.find_code(code) {
                Some(id) => {
                    let best = TitleMatch {
                        occupation: id,
                        evidence: TitleEvidence::default(),
                        score: 1.0,
                        matched: TitleRef {
                            source: TitleSource::Title,
                            index: 0,
                        },
                    };
                    Ok(Resolution {
                        occupation: id,
                        best,
                        seniority: None,
                        besides_manager: None,
                        alternatives: vec![],
                    })
                }
                None => Err(ResolveError::UnknownCode {
                    code: code.to_string(),
                    closest: self
                        .occupations()
                        .iter()
                        .filter(|o| o.soc().broad() == code.soc().broad())
                        .take(5)
                        .map(|o| format!("{} {}", o.code, o.title))
                        .collect(),
                }),
            };
        }
        let mut found = self.ranked_titles(text, 6);
        // The run the first match leads is as good as its best score.
        let best_score = found.iter().map(|m| m.score).fold(0.0, f32::max);
        match found.first() {
            Some(best) if best_score >= MIN_RESOLVE_SCORE => {
                let best = best.clone();
                found.remove(0);
                Ok(Resolution {
                    occupation: best.occupation,
                    best,
                    seniority,
                    besides_manager: Level::hint_from_title_besides_manager(text),
                    alternatives: found,
                })
            }
            _ => Err(ResolveError::Unknown {
                text: text.trim().to_owned(),
                closest: self.closest_titles(text, &found),
            }),
        }
    }

    /// Up to five close titles for an error message: weak token matches
    /// first, else the official titles nearest by letter trigrams.
    fn closest_titles(&self, text: &str, weak: &[TitleMatch]) -> Vec<String> {
        let fmt = |m: &TitleMatch| {
            let o = self.occupation(m.occupation);
            let t = self.title_text(m.occupation, m.matched);
            if t == o.title {
                format!("{} ({})", o.title, o.code)
            } else {
                format!("{t} → {} ({})", o.title, o.code)
            }
        };
        // The weak word matches and the titles spelt most alike, ranked
        // together by spelling: "Registerd Nurs" is nearer "Registered
        // Nurses" than the "Register Clerk" its one whole word matched.
        let q = trigrams(&text::normalize(text));
        let alike = |t: &str| jaccard(&q, &trigrams(&text::normalize(t)));
        let mut scored: Vec<(f32, TitleMatch)> = weak
            .iter()
            .map(|m| (alike(self.title_text(m.occupation, m.matched)), m.clone()))
            .collect();
        scored.extend(self.occupations().iter().enumerate().map(|(i, o)| {
            let m = TitleMatch {
                occupation: OccupationId(i as u16),
                evidence: TitleEvidence::default(),
                score: 0.0,
                matched: TitleRef {
                    source: TitleSource::Title,
                    index: 0,
                },
            };
            (alike(&o.title), m)
        }));
        scored.retain(|(s, _)| *s > 0.0);
        scored.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(a.1.occupation.cmp(&b.1.occupation))
        });
        let mut seen = Vec::new();
        scored
            .into_iter()
            .filter(|(_, m)| {
                let fresh = !seen.contains(&m.occupation);
                seen.push(m.occupation);
                fresh
            })
            .take(5)
            .map(|(_, m)| fmt(&m))
            .collect()
    }
}

fn trigrams(s: &str) -> Vec<[u8; 3]> {
    let padded = format!("  {s} ");
    let b = padded.as_bytes();
    let mut v: Vec<[u8; 3]> = b.windows(3).map(|w| [w[0], w[1], w[2]]).collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn jaccard(a: &[[u8; 3]], b: &[[u8; 3]]) -> f32 {
    let (mut i, mut j, mut both) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f32 / union as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parenthesised_titles_yield_their_parts() {
        assert_eq!(
            variants("Chief Financial Officer (CFO)"),
            vec![
                "Chief Financial Officer (CFO)",
                "Chief Financial Officer  ",
                "CFO"
            ]
        );
        assert_eq!(variants("Cook"), vec!["Cook"]);
    }

    #[test]
    fn trigram_similarity_prefers_near_spellings() {
        let q = trigrams("acountant");
        assert!(jaccard(&q, &trigrams("accountant")) > jaccard(&q, &trigrams("cook")));
    }
}

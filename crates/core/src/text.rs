//! Text normalisation shared by title resolution and seniority detection.
//!
//! One rule for every title and every query, so that what a person types and
//! what O*NET lists meet in the same form: lower case, ASCII letters and
//! digits only, `&` read as "and", and a plural `s` dropped from longer words.

/// Splits a title into normalised tokens.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() {
            out.push(singular(std::mem::take(cur)));
        }
    };
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            cur.extend(ch.to_lowercase());
        } else if ch == '\'' || ch == '\u{2019}' {
            // "Director's" and "Directors'" both read as "director".
        } else {
            flush(&mut cur, &mut out);
            if ch == '&' {
                out.push("and".to_owned());
            }
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// The normalised form of a whole title: its tokens joined by single spaces.
pub(crate) fn normalize(text: &str) -> String {
    tokens(text).join(" ")
}

fn singular(mut word: String) -> String {
    let keep = word.len() <= 3
        || word.ends_with("ss")
        || word.ends_with("us")
        || word.ends_with("is")
        || !word.ends_with('s');
    if !keep {
        word.pop();
    }
    word
}

/// How many characters of a user's value an error message repeats.
pub const SHOWN_CHARS: usize = 60;

/// What a move's kind is read from, after its grade change, when the pay
/// decided it ([`crate::position::kind_of`]): "; by pay, across
/// professions", or nothing.
pub fn kind_basis(kind_by_pay: bool) -> &'static str {
    if kind_by_pay {
        "; by pay, across professions"
    } else {
        ""
    }
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|first| first.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A value the user gave, quoted for an error message: control characters
/// escaped (so a title cannot move the terminal's cursor or change its
/// colours) and anything past [`SHOWN_CHARS`] characters cut, saying how
/// much was cut. Messages are read once; a 100 KB title is not.
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len().min(SHOWN_CHARS * 2) + 2);
    out.push('"');
    let mut chars = value.chars();
    for ch in chars.by_ref().take(SHOWN_CHARS) {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || is_invisible_format(c) => {
                out.extend(c.escape_default());
            }
            c => out.push(c),
        }
    }
    out.push('"');
    let rest = chars.count();
    if rest > 0 {
        out.push_str(&format!(" (and {rest} more characters)"));
    }
    out
}

/// A number the user gave, for an error message: as written when short,
/// in scientific notation when it would be longer than a salary.
pub fn shown_number(value: f64) -> String {
    let plain = value.to_string();
    if plain.len() <= 16 {
        plain
    } else {
        format!("{value:e}")
    }
}

/// Characters that reorder or hide text on a terminal (bidirectional
/// overrides, zero-width joiners): shown escaped, like control characters.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// An operating-system error in plain words, once: "no such file or
/// directory" rather than "No such file or directory (os error 2)".
pub fn io_words(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if e.raw_os_error().is_none() && e.get_ref().is_some() {
        // A message written for this error: already in words.
        return e.to_string();
    }
    let words = match e.kind() {
        K::NotFound => "no such file or directory",
        K::PermissionDenied => "permission denied",
        K::IsADirectory => "it is a directory",
        K::NotADirectory => "a part of the path is not a directory",
        K::AlreadyExists => "it already exists",
        K::ReadOnlyFilesystem => "the file system is read-only",
        K::StorageFull => "the disk is full",
        K::InvalidData => "it is not valid text",
        K::UnexpectedEof => "it ended early",
        K::BrokenPipe => "the reader went away",
        _ => {
            let text = e.to_string();
            return match text.find(" (os error") {
                Some(cut) => text[..cut].to_owned(),
                None => text,
            };
        }
    };
    words.to_owned()
}

/// A level's name (`senior_manager`, as JSON and CSV carry it) in prose:
/// `senior manager` ([`crate::Level::words`]; a name that is no level is
/// returned as it is).
pub fn level_words(name: &str) -> String {
    crate::Level::parse(name).map_or_else(|_| name.to_owned(), |l| l.words().to_owned())
}

/// Dollars with thousands separators: `$123,456`.
pub fn dollars(v: u32) -> String {
    format!("${}", thousands(v))
}

/// A pay cut as a route prints it beside the new salary: ` (12% less
/// pay)`, for a change of -0.12 (what a move pays over what the position
/// left paid, less one); empty when pay does not fall, or when the
/// person, out of work, had none to compare with. A move is named by
/// grade, so a step up may pay less, and this says so.
pub fn pay_fall(change: Option<f32>) -> String {
    // Judged as printed: a cut that rounds to 0% is not said.
    match change.map(|c| (-c * 100.0).round()) {
        Some(percent) if percent >= 1.0 => format!(" ({percent:.0}% less pay)"),
        _ => String::new(),
    }
}

/// What a route's salary is, beside it, when it is OEWS's estimate for
/// the grade: its `percentile` (" (OEWS 90th percentile)": a grade well
/// above the occupation's typical one is paid as its best-paid tenth are),
/// and the wider group whose wages stand in when BLS publishes none for
/// the occupation alone (" (OEWS median of all Natural Sciences
/// Managers)"); empty for a pay stated or scaled from the person's own.
pub fn wage_note(percentile: Option<u8>, group: Option<&str>) -> String {
    let point = match percentile {
        Some(50) => Some("median".to_owned()),
        Some(p) => Some(format!("{p}th percentile")),
        None => None,
    };
    match (point, group) {
        (Some(point), Some(g)) => format!(" (OEWS {point} of all {g})"),
        (Some(point), None) => format!(" (OEWS {point})"),
        (None, Some(g)) => format!(" (OEWS wages of all {g})"),
        (None, None) => String::new(),
    }
}

/// A route's time to its goal as prose prints it: "3.5 years", or, for a
/// route whose first move reaches the goal at once, "0 years (the goal is
/// the first move, now)" rather than a bare "0.0 years".
pub fn years_to_goal(years: f32) -> String {
    if years < 0.05 {
        "0 years (the goal is the first move, now)".to_owned()
    } else {
        format!("{years:.1} years")
    }
}

/// A probability as prose prints it: two decimals (`0.42`), three below
/// 0.1 (`0.042`) so a small chance is not printed as none, and "under
/// 0.001" below that.
pub fn probability(p: f32) -> String {
    if p < 0.0005 {
        "under 0.001".to_owned()
    } else if p < 0.0995 {
        format!("{p:.3}")
    } else {
        format!("{p:.2}")
    }
}

/// A count with thousands separators: `123,456`.
pub fn thousands(v: u32) -> String {
    let s = v.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The candidate closest to `text` within `max` edits, ignoring case and
/// surrounding space; ties go to the candidate that sorts first. Failing
/// that, a candidate the text is the start of (`horizon` for
/// `horizon_years`; the shortest), else one the text's words begin with
/// (`bachelors degree` for `bachelor`; the longest). Bad-input errors use
/// it to name the nearest valid choice.
pub fn nearest<'a>(
    text: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Option<&'a str> {
    let want = text.trim().to_lowercase();
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let by_edits = candidates
        .iter()
        .filter_map(|c| bounded_levenshtein(&c.to_lowercase(), &want, max).map(|d| (d, *c)))
        .min()
        .map(|(_, c)| c);
    by_edits
        .or_else(|| completed_by(&want, &candidates))
        .or_else(|| begun_by(&want, &candidates))
}

/// The shortest candidate `want` (four letters at least) is the start of.
fn completed_by<'a>(want: &str, candidates: &[&'a str]) -> Option<&'a str> {
    (want.chars().count() >= 4)
        .then(|| {
            candidates
                .iter()
                .filter(|c| c.to_lowercase().starts_with(want))
                .min_by_key(|c| (c.len(), **c))
                .copied()
        })
        .flatten()
}

/// The longest candidate (four letters at least) a word of `want` begins
/// with, `_` and `-` read as spaces.
fn begun_by<'a>(want: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let words: Vec<&str> = want
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    candidates
        .iter()
        .filter(|c| c.chars().count() >= 4)
        .filter(|c| {
            let c = c.to_lowercase();
            let parts: Vec<&str> = c.split(['_', '-', ' ']).collect();
            words
                .windows(parts.len())
                .any(|w| w.iter().zip(&parts).all(|(w, p)| w.starts_with(p)))
        })
        .max_by_key(|c| (c.len(), std::cmp::Reverse(**c)))
        .copied()
}

/// Candidate names prepared once for many nearest-name lookups: lower-cased
/// once and grouped by first letter and length, so a lookup compares only
/// the names that begin with the text's first letter and are within `max`
/// bytes of its length — a few hundred of the catalog's ~40,000, where
/// [`nearest`] compares them all. A misspelt first letter gets no
/// suggestion; otherwise the answers are [`nearest`]'s.
#[derive(Debug, Default)]
pub struct Names<'a> {
    /// (first letter, length in bytes) → the names.
    groups: std::collections::HashMap<(char, usize), Vec<Candidate<'a>>>,
}

/// One name prepared for lookups.
#[derive(Debug)]
struct Candidate<'a> {
    lower: String,
    /// [`byte_counts`] of `lower`.
    counts: [u8; 32],
    given: &'a str,
}

/// How many of each byte `s` holds, folded onto 32 counters (saturating).
/// Each edit changes one byte on each side at most, so the counts' excess
/// on either side ([`count_distance`]) never exceeds the edit distance: a
/// candidate past it is skipped without running [`bounded_levenshtein`].
fn byte_counts(s: &str) -> [u8; 32] {
    let mut counts = [0u8; 32];
    for b in s.bytes() {
        let c = &mut counts[usize::from(b % 32)];
        *c = c.saturating_add(1);
    }
    counts
}

/// A lower bound of the edit distance of two strings from their
/// [`byte_counts`]: the larger of what one has in excess of the other.
/// (Saturated counts only lower it: a count of 255 stands for 255 or more.)
fn count_distance(a: &[u8; 32], b: &[u8; 32]) -> usize {
    let (mut more, mut fewer) = (0usize, 0usize);
    for (x, y) in a.iter().zip(b) {
        more += usize::from(x.saturating_sub(*y));
        fewer += usize::from(y.saturating_sub(*x));
    }
    more.max(fewer)
}

impl<'a> Names<'a> {
    /// Prepares the candidates.
    pub fn new(candidates: impl IntoIterator<Item = &'a str>) -> Names<'a> {
        let mut groups: std::collections::HashMap<(char, usize), Vec<Candidate<'a>>> =
            std::collections::HashMap::new();
        for c in candidates {
            let lower = c.to_lowercase();
            if let Some(first) = lower.chars().next() {
                groups
                    .entry((first, lower.len()))
                    .or_default()
                    .push(Candidate {
                        counts: byte_counts(&lower),
                        lower,
                        given: c,
                    });
            }
        }
        Names { groups }
    }

    /// The candidate closest to `text` within `max` edits that begins with
    /// the same letter.
    pub fn nearest(&self, text: &str, max: usize) -> Option<&'a str> {
        let want = text.trim().to_lowercase();
        let first = want.chars().next()?;
        let counts = byte_counts(&want);
        (want.len().saturating_sub(max)..=want.len() + max)
            .filter_map(|n| self.groups.get(&(first, n)))
            .flatten()
            .filter(|c| count_distance(&c.counts, &counts) <= max)
            .filter_map(|c| bounded_levenshtein(&c.lower, &want, max).map(|d| (d, c.given)))
            .min()
            .map(|(_, c)| c)
    }
}

/// ` (did you mean "X"?)` for a suggestion, or nothing: how errors end.
pub fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion
        .map(|s| format!(" (did you mean \"{s}\"?)"))
        .unwrap_or_default()
}

/// Edit distance between two short words, or `None` once it exceeds `max`.
/// Only the band of cells within `max` of the diagonal is computed: a path
/// through any other cell costs more than `max` already.
pub(crate) fn bounded_levenshtein(a: &str, b: &str, max: usize) -> Option<usize> {
    let a = a.as_bytes();
    let b = b.as_bytes();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let over = max + 1; // stands for any distance past `max`
    let m = b.len();
    let mut prev: Vec<usize> = (0..=m).map(|j| j.min(over)).collect();
    let mut cur = vec![over; m + 1];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(m);
        cur[0] = i.min(over);
        if lo > 1 {
            cur[lo - 1] = over; // left of the band
        }
        let mut row_min = cur[lo - 1];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let d = (prev[j] + 1)
                .min(cur[j - 1] + 1)
                .min(prev[j - 1] + cost)
                .min(over);
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if hi < m {
            cur[hi + 1] = over; // outside the band: the next row reads it
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[m];
    (d <= max).then_some(d)
}

/// Escapes text for HTML and XML (SVG): the five characters that could
/// end an element or an attribute.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_ignores_case_and_breaks_ties_alphabetically() {
        let names = ["Negotiation", "Persuasion", "Navigation"];
        assert_eq!(nearest(" negotation ", names, 4), Some("Negotiation"));
        assert_eq!(nearest("zzzzzzzzzzzz", names, 4), None);
        assert_eq!(nearest("ab", ["ac", "aa"], 1), Some("aa"));
        assert_eq!(did_you_mean(Some("x")), " (did you mean \"x\"?)");
        assert_eq!(did_you_mean(None), "");
    }

    #[test]
    fn nearest_falls_back_to_a_name_begun_or_beginning() {
        let fields = ["role", "level", "horizon_years"];
        assert_eq!(nearest("horizon", fields, 4), Some("horizon_years"));
        assert_eq!(nearest("hori", fields, 1), Some("horizon_years"));
        assert_eq!(nearest("hor", fields, 1), None, "too short to complete");
        let levels = [
            "associate",
            "bachelor",
            "master",
            "post_bachelor_certificate",
        ];
        assert_eq!(nearest("bachelors degree", levels, 6), Some("bachelor"));
        assert_eq!(nearest("Masters in nursing", levels, 6), Some("master"));
        assert_eq!(
            nearest("post bachelors certificate", levels, 6),
            Some("post_bachelor_certificate")
        );
        assert_eq!(nearest("a degree", levels, 2), None);
    }

    #[test]
    fn normalises_titles() {
        assert_eq!(
            normalize("Accountants & Auditors"),
            "accountant and auditor"
        );
        assert_eq!(
            normalize("  Chief Financial Officer (CFO) "),
            "chief financial officer cfo"
        );
        assert_eq!(normalize("Business Analysts"), "business analyst");
        assert_eq!(normalize("Director's Assistant"), "director assistant");
        assert_eq!(normalize("Bus"), "bus");
    }

    #[test]
    fn prepared_names_answer_as_nearest_does() {
        let names = [
            "Negotiation",
            "Persuasion",
            "Navigation",
            "Microsoft Excel",
            "ab",
            "ac",
            "aa",
        ];
        let prepared = Names::new(names);
        for text in [
            " negotation ",
            "zzzzzzzzzzzz",
            "ab",
            "microsoft exel",
            "NAVIGATON",
            "a",
        ] {
            for max in [1, 2, 4] {
                assert_eq!(
                    prepared.nearest(text, max),
                    nearest(text, names, max),
                    "{text} {max}"
                );
            }
        }
    }

    /// The plain edit distance, every cell computed.
    fn levenshtein(a: &str, b: &str) -> usize {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut cur = vec![i; b.len() + 1];
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    /// Over every pair of strings up to four bytes from an alphabet whose
    /// bytes collide on the 32 counters (`a` and `!` are 64 apart): the
    /// count bound never exceeds the edit distance, and the banded distance
    /// is the plain one wherever it is within `max`.
    #[test]
    fn count_bound_and_banded_distance_agree_with_the_plain_edit_distance() {
        let alphabet = ["a", "b", "!", " "];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .filter(|w| w.len() == words.last().map_or(0, String::len))
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        assert_eq!(words.len(), 1 + 4 + 16 + 64 + 256);
        for a in &words {
            for b in &words {
                let d = levenshtein(a, b);
                let bound = count_distance(&byte_counts(a), &byte_counts(b));
                assert!(bound <= d, "{a:?} {b:?}: bound {bound} > distance {d}");
                for max in 0..=4 {
                    assert_eq!(
                        bounded_levenshtein(a, b, max),
                        (d <= max).then_some(d),
                        "{a:?} {b:?} within {max}"
                    );
                }
            }
        }
    }

    #[test]
    fn quotes_user_values_safely() {
        assert_eq!(quoted("Chef"), "\"Chef\"");
        assert_eq!(quoted("a\u{1b}[31mred"), "\"a\\u{1b}[31mred\"");
        assert_eq!(quoted("say \"hi\""), "\"say \\\"hi\\\"\"");
        let long = "x".repeat(SHOWN_CHARS + 40);
        let q = quoted(&long);
        assert!(q.ends_with("\" (and 40 more characters)"), "{q}");
        assert_eq!(q.chars().filter(|c| *c == 'x').count(), SHOWN_CHARS);
        assert_eq!(quoted("\u{202e}abc"), "\"\\u{202e}abc\"");
        assert_eq!(shown_number(118000.0), "118000");
        assert_eq!(shown_number(1e39), "1e39");
        assert_eq!(shown_number(0.0001), "0.0001");
    }

    #[test]
    fn small_chances_and_pay_cuts_are_named_not_rounded_away() {
        assert_eq!(probability(0.42), "0.42");
        assert_eq!(probability(0.1), "0.10");
        assert_eq!(probability(0.048), "0.048");
        assert_eq!(probability(0.0021), "0.002");
        assert_eq!(probability(0.0001), "under 0.001");
        assert_eq!(pay_fall(Some(-0.034)), " (3% less pay)");
        assert_eq!(pay_fall(Some(-0.001)), "");
        assert_eq!(pay_fall(Some(0.2)), "");
        assert_eq!(pay_fall(None), "");
        assert_eq!(
            wage_note(Some(50), Some("Natural Sciences Managers")),
            " (OEWS median of all Natural Sciences Managers)"
        );
        assert_eq!(wage_note(Some(90), None), " (OEWS 90th percentile)");
        assert_eq!(
            wage_note(None, Some("Natural Sciences Managers")),
            " (OEWS wages of all Natural Sciences Managers)"
        );
        assert_eq!(wage_note(None, None), "");
        assert_eq!(
            years_to_goal(0.0),
            "0 years (the goal is the first move, now)"
        );
        assert_eq!(years_to_goal(3.0), "3.0 years");
    }

    #[test]
    fn formats_dollars() {
        assert_eq!(dollars(0), "$0");
        assert_eq!(dollars(999), "$999");
        assert_eq!(dollars(120_230), "$120,230");
        assert_eq!(dollars(1_234_567), "$1,234,567");
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape_markup(r#"<a href="x">Tom & 'Jo'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jo&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn bounded_edit_distance() {
        assert_eq!(bounded_levenshtein("scientist", "scientst", 2), Some(1));
        assert_eq!(bounded_levenshtein("accountant", "acountent", 2), Some(2));
        assert_eq!(bounded_levenshtein("cook", "engineer", 2), None);
        assert_eq!(bounded_levenshtein("same", "same", 0), Some(0));
    }
}

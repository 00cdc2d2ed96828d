//! The learning-catalogue CSV reader on files that try to fool it: open
//! quotes, short and long rows, blank lines, Windows line ends, and files
//! far larger than any organisation's catalogue.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::sync::OnceLock;

use switchback_core::Catalog;
use switchback_data::learning::{self, Parsed};

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| switchback_data::embedded().unwrap())
}

fn parse(csv: &str) -> Parsed {
    learning::parse("org.csv", csv, catalog()).unwrap()
}

fn errors(p: &Parsed) -> Vec<(u64, String)> {
    p.errors.iter().map(|e| (e.line, e.to_string())).collect()
}

#[test]
fn an_unterminated_quote_is_reported_at_its_line_and_rows_before_it_kept() {
    let p = parse(
        "target,kind,title\n\
         Negotiation,course,Fine\n\
         Negotiation,course,\"Never closed\n\
         Writing,course,Swallowed\n\
         Speaking,course,Also swallowed\n",
    );
    assert_eq!(p.activities.len(), 1);
    assert_eq!(p.activities[0].1.title, "Fine");
    let e = errors(&p);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].0, 3);
    assert!(
        e[0].1.contains("a quote (\") opened here is never closed")
            && e[0].1.contains("(lines 3–5)"),
        "{e:?}"
    );
}

#[test]
fn quotes_inside_values_and_doubled_quotes_are_not_open_quotes() {
    let p = parse(
        "target,kind,title\n\
         Negotiation,course,A 5\" screen for slides\n\
         Writing,course,\"Say \"\"no\"\" well\"\n\
         Speaking,course,\"Two\nlines\"\n",
    );
    assert!(p.errors.is_empty(), "{:?}", errors(&p));
    let titles: Vec<&str> = p.activities.iter().map(|(_, a)| a.title.as_str()).collect();
    assert_eq!(
        titles,
        ["A 5\" screen for slides", "Say \"no\" well", "Two\nlines"]
    );
}

#[test]
fn short_and_long_rows_are_called_what_they_are() {
    let p = parse("target,kind,title\ntoo,few\nNegotiation,course,a,b\nWriting,course,ok\n");
    let e = errors(&p);
    assert_eq!(e.len(), 2);
    assert!(
        e[0].1
            .starts_with("line 2: row: the row is short: 2 fields where the header has 3"),
        "{e:?}"
    );
    assert!(
        e[1].1
            .starts_with("line 3: row: the row is long: 4 fields where the header has 3"),
        "{e:?}"
    );
    assert_eq!(p.activities.len(), 1);
}

#[test]
fn line_numbers_count_blank_lines_and_windows_line_ends() {
    let p = parse(
        "target,kind,title\r\n\r\n\r\nNegotiation,course,One\r\n\r\nNegotation,course,Two\r\n",
    );
    assert_eq!(p.activities[0].0, 4);
    assert_eq!(errors(&p)[0].0, 6);
}

/// A file thousands of times larger than a real catalogue is read in one
/// pass: every row kept, and a mistake at the end found at its true line.
/// (Its speed is measured in the benchmarks, not here.)
#[test]
fn a_very_long_file_is_read_whole_with_true_line_numbers() {
    const ROWS: usize = 100_000;
    let mut csv = String::from("target,kind,title,hours\n");
    for i in 0..ROWS {
        csv.push_str(&format!("Negotiation,course,Session {i},2\n"));
    }
    csv.push_str("Negotiation,course,Session 7,2\n");
    csv.push_str("Negotation,course,Last,2\n");
    let p = parse(&csv);
    assert_eq!(p.activities.len(), ROWS);
    let e = errors(&p);
    assert_eq!(e.len(), 2);
    assert_eq!(e[0].0, ROWS as u64 + 2);
    assert!(e[0].1.contains("repeats line 9"), "{e:?}");
    assert_eq!(e[1].0, ROWS as u64 + 3);
    assert!(e[1].1.contains("did you mean \"Negotiation\""), "{e:?}");
}

#[test]
fn hours_have_a_range_and_values_are_shown_short() {
    let long = "y".repeat(5_000);
    let p = parse(&format!(
        "target,kind,title,hours\nNegotiation,course,A,5000\n{long},course,B,1\n"
    ));
    let e = errors(&p);
    assert!(
        e[0].1
            .contains("\"5000\" is not a number of hours from 0 to 2000"),
        "{e:?}"
    );
    assert!(
        e[1].1.contains("(and 4940 more characters)") && e[1].1.len() < 300,
        "{e:?}"
    );
}

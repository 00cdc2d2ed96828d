//! A plan's dates as an iCalendar file (RFC 5545) that calendar programs
//! import: reviews, HR checkpoints, the tenure review, the end of tenure,
//! objectives due and monthly check-ins, each an all-day event.
//!
//! The output is deterministic for a stored plan — event UIDs and DTSTAMP
//! derive from the plan's id and creation time — so importing an export
//! again updates the events instead of duplicating them. The creation time
//! is in the UID because ids are only unique within one database: plan 1
//! on a person's laptop and plan 1 on their organisation's server are two
//! plans, and a calendar holding both must not take one's events for the
//! other's.

use jiff::civil::Date;
use switchback_store::StoredPlan;

struct Event {
    uid: String,
    date: Date,
    summary: String,
    description: String,
    category: &'static str,
}

/// The calendar.
pub fn calendar(stored: &StoredPlan) -> String {
    let p = &stored.plan;
    let id = stored.id;
    let stamp = dtstamp(&stored.created_at);
    // Unique across databases (see the module docs), stable for this plan.
    let key = format!("plan-{id}-{stamp}");
    let mut events = Vec::new();
    for m in &p.tenure.milestones {
        events.push(Event {
            uid: format!("{key}-{}-{}@switchback", m.kind.name(), m.date),
            date: m.date,
            summary: m.title.clone(),
            description: m.agenda.join("\n"),
            category: m.kind.name(),
        });
    }
    for o in &p.objectives {
        events.push(Event {
            uid: format!("{key}-objective-{}@switchback", o.number),
            date: o.due,
            summary: format!("Objective {} due: {}", o.number, o.title),
            description: format!("Target: {}.\nEvidence: {}.", o.target, o.evidence),
            category: "objective_due",
        });
    }
    for d in &p.tenure.checkins_due {
        events.push(Event {
            uid: format!("{key}-checkin-{d}@switchback"),
            date: *d,
            summary: format!("Check-in due: {} plan", p.new_position.title),
            description: format!(
                "Record progress on each objective: switchback plan checkin {id} --objective N --progress P"
            ),
            category: "checkin_due",
        });
    }
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Switchback//Development plan//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    push_line(
        &mut out,
        &format!(
            "X-WR-CALNAME:{}",
            escape(&format!("Plan {id}: {}", p.new_position.title))
        ),
    );
    for e in &events {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", e.uid));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", ical_date(e.date)),
        );
        push_line(
            &mut out,
            &format!(
                "DTEND;VALUE=DATE:{}",
                ical_date(e.date.tomorrow().unwrap_or(e.date))
            ),
        );
        push_line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        push_line(&mut out, &format!("DESCRIPTION:{}", escape(&e.description)));
        push_line(
            &mut out,
            &format!("CATEGORIES:{}", e.category.to_ascii_uppercase()),
        );
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn ical_date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// `20261122T071500Z` from the stored RFC 3339 creation time.
fn dtstamp(created_at: &str) -> String {
    match created_at.parse::<jiff::Timestamp>() {
        Ok(t) => t.strftime("%Y%m%dT%H%M%SZ").to_string(),
        Err(_) => "19700101T000000Z".to_owned(),
    }
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => s.push_str("\\\\"),
            ';' => s.push_str("\\;"),
            ',' => s.push_str("\\,"),
            '\n' => s.push_str("\\n"),
            '\r' => {}
            c => s.push(c),
        }
    }
    s
}

/// Appends a content line, folded at 75 octets (never inside a UTF-8
/// character) and ended with CRLF (RFC 5545 §3.1).
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_long_lines_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(60));
        push_line(&mut out, &line);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}

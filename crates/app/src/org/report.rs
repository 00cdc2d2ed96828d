//! The batch's outputs, written in one place so every edge says the same:
//! the per-employee, per-role and per-job CSV files (columns documented in
//! docs/ORGANISATION.md and kept stable), the summary, and the
//! self-contained HTML report — SVG charts, no script, no network, every
//! group of fewer than [`MIN_GROUP`] people suppressed.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use parquet::errors::ParquetError;
use serde::Serialize;
use switchback_core::Level;

use crate::text::escape_markup as esc;

use super::advise::{EmployeeAdviceView, OrgAdviceView, OrgSummaryView};
use super::parquet::Kind::{self, Integer as I, Real as R, Text as T};

/// The smallest group of people the report shows.
pub const MIN_GROUP: usize = 10;

/// The per-employee CSV's columns, in order.
pub const EMPLOYEE_COLUMNS: [&str; 34] = [
    "employee_id",
    "job_code",
    "title",
    "department",
    "family",
    "onet_code",
    "level",
    "salary",
    "route_up",
    "blocked_reason",
    "route_up_job_code",
    "route_up_title",
    "route_up_queue_years",
    "switchback_kind",
    "switchback_job_code",
    "switchback_title",
    "switchback_family",
    "switchback_grades_down",
    "switchback_landing",
    "switchback_success",
    "switchback_pay_change",
    "onward_job_code",
    "onward_title",
    "onward_queue_years",
    "switchback_years",
    "switchback_chance",
    "gaps",
    "ruled_out_by_limits",
    "crowded_out",
    "goal_job_code",
    "goal_route",
    "goal_chance",
    "goal_years",
    "goal_open_role",
];

/// The per-employee table's column types (for Parquet).
pub const EMPLOYEE_KINDS: [Kind; EMPLOYEE_COLUMNS.len()] = [
    T, T, T, T, T, T, T, I, T, T, T, T, R, T, T, T, T, I, R, R, I, T, T, R, R, R, T, I, T, T, T, R,
    R, T,
];

/// The per-role CSV's columns, in order: one row per candidate (a role
/// without one has a row with the candidate columns empty).
pub const ROLE_COLUMNS: [&str; 16] = [
    "role_id",
    "job_code",
    "title",
    "department",
    "level",
    "estimated",
    "positions",
    "rank",
    "employee_id",
    "employee_job_code",
    "kind",
    "grade_change",
    "landing",
    "success",
    "chance",
    "onward_job_code",
];

/// The per-role table's column types.
pub const ROLE_KINDS: [Kind; ROLE_COLUMNS.len()] = [T, T, T, T, T, T, R, I, T, T, T, I, R, R, R, T];

/// The per-job CSV's columns, in order.
pub const JOB_COLUMNS: [&str; 12] = [
    "job_code",
    "title",
    "family",
    "onet_code",
    "confidence",
    "level",
    "level_source",
    "pay",
    "headcount",
    "openings_per_year",
    "queue_years",
    "seats",
];

/// The per-job table's column types.
pub const JOB_KINDS: [Kind; JOB_COLUMNS.len()] = [T, T, T, T, T, T, T, I, I, R, R, I];

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or(String::new(), ToString::to_string)
}

fn csv_text(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = w.write_record(header);
    for r in rows {
        let _ = w.write_record(&r);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// One row per employee.
pub fn employees_csv(view: &OrgAdviceView) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write_employees_csv(view, &mut out, &mut |_, _| {});
    String::from_utf8(out).unwrap_or_default()
}

/// Reports rows written of rows in all.
pub type RowProgress<'p> = &'p mut dyn FnMut(usize, usize);

/// Rows written between progress reports.
const ROWS_PER_REPORT: usize = 50_000;

/// The employees' rows, reporting progress as they are made.
fn counted_rows<'a>(
    view: &'a OrgAdviceView,
    progress: RowProgress<'a>,
) -> impl Iterator<Item = Vec<String>> + 'a {
    let total = view.employees().len();
    view.employees().enumerate().map(move |(n, e)| {
        if n % ROWS_PER_REPORT == 0 {
            progress(n, total);
        }
        employee_row(&e)
    })
}

/// One row per employee, streamed to `w`.
pub fn write_employees_csv(
    view: &OrgAdviceView,
    w: impl std::io::Write,
    progress: RowProgress<'_>,
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(w);
    w.write_record(EMPLOYEE_COLUMNS)?;
    for row in counted_rows(view, progress) {
        w.write_record(row)?;
    }
    w.flush()
}

fn employee_row(e: &EmployeeAdviceView) -> Vec<String> {
    vec![
        e.employee_id.clone(),
        e.job_code.clone(),
        e.title.clone(),
        e.department.clone(),
        e.family.clone(),
        e.onet_code.clone(),
        e.level.to_owned(),
        opt(&e.salary),
        e.route_up.to_owned(),
        opt(&e.blocked_reason),
        opt(&e.route_up_job_code),
        opt(&e.route_up_title),
        opt(&e.route_up_queue_years),
        opt(&e.switchback_kind),
        opt(&e.switchback_job_code),
        opt(&e.switchback_title),
        opt(&e.switchback_family),
        opt(&e.switchback_grades_down),
        opt(&e.switchback_landing),
        opt(&e.switchback_success),
        opt(&e.switchback_pay_change),
        opt(&e.onward_job_code),
        opt(&e.onward_title),
        opt(&e.onward_queue_years),
        opt(&e.switchback_years),
        opt(&e.switchback_chance),
        e.gaps.join("; "),
        e.ruled_out_by_limits.to_string(),
        if e.crowded_out { "yes" } else { "no" }.to_owned(),
        opt(&e.goal_job_code),
        e.goal_route.join(" > "),
        opt(&e.goal_chance),
        opt(&e.goal_years),
        opt(&e.goal_open_role),
    ]
}

/// The per-employee table as Parquet, streamed to `w`.
pub fn write_employees_parquet<W: std::io::Write + Send>(
    view: &OrgAdviceView,
    w: W,
    progress: RowProgress<'_>,
) -> Result<W, ParquetError> {
    super::parquet::table(
        w,
        "employees",
        &typed(&EMPLOYEE_COLUMNS, &EMPLOYEE_KINDS),
        counted_rows(view, progress),
    )
}

/// The per-role table as Parquet.
pub fn roles_parquet(view: &OrgAdviceView) -> Result<Vec<u8>, ParquetError> {
    super::parquet::table(
        Vec::new(),
        "open_roles",
        &typed(&ROLE_COLUMNS, &ROLE_KINDS),
        role_rows(view),
    )
}

/// The per-job table as Parquet.
pub fn jobs_parquet(view: &OrgAdviceView) -> Result<Vec<u8>, ParquetError> {
    super::parquet::table(
        Vec::new(),
        "jobs",
        &typed(&JOB_COLUMNS, &JOB_KINDS),
        job_rows(view),
    )
}

fn typed<'a>(names: &[&'a str], kinds: &[Kind]) -> Vec<(&'a str, Kind)> {
    names.iter().copied().zip(kinds.iter().copied()).collect()
}

/// One row per (role, candidate).
pub fn roles_csv(view: &OrgAdviceView) -> String {
    csv_text(&ROLE_COLUMNS, role_rows(view))
}

fn role_rows(view: &OrgAdviceView) -> impl Iterator<Item = Vec<String>> + '_ {
    view.roles.iter().flat_map(|r| {
        let role = vec![
            r.role_id.clone(),
            r.job_code.clone(),
            r.title.clone(),
            r.department.clone(),
            r.level.to_owned(),
            if r.estimated { "yes" } else { "no" }.to_owned(),
            r.positions.to_string(),
        ];
        let mut rows: Vec<Vec<String>> = r
            .candidates
            .iter()
            .map(|c| {
                let mut row = role.clone();
                row.extend([
                    c.rank.to_string(),
                    c.employee_id.clone(),
                    c.job_code.clone(),
                    c.kind.to_owned(),
                    c.grade_change.to_string(),
                    c.landing.to_string(),
                    c.success.to_string(),
                    (((c.landing * c.success) * 100.0).round() / 100.0).to_string(),
                    opt(&c.onward_job_code),
                ]);
                row
            })
            .collect();
        if rows.is_empty() {
            let mut row = role;
            row.resize(ROLE_COLUMNS.len(), String::new());
            rows.push(row);
        }
        rows
    })
}

/// One row per graded job.
pub fn jobs_csv(view: &OrgAdviceView) -> String {
    csv_text(&JOB_COLUMNS, job_rows(view))
}

fn job_rows(view: &OrgAdviceView) -> impl Iterator<Item = Vec<String>> + '_ {
    view.jobs.iter().map(|j| {
        vec![
            j.job_code.clone(),
            j.title.clone(),
            j.family.clone(),
            j.onet_code.clone(),
            j.confidence.to_owned(),
            j.level.to_owned(),
            j.level_source.to_owned(),
            opt(&j.pay),
            j.headcount.to_string(),
            j.openings_per_year.to_string(),
            opt(&j.queue_years),
            j.seats.to_string(),
        ]
    })
}

/// The summary `--format json` prints: the totals and the report's
/// aggregates, never a person's row.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OrgSummaryJson<'a> {
    /// The totals.
    pub summary: &'a OrgSummaryView,
    /// The aggregates the report draws.
    pub groups: Groups,
    /// Rows not kept.
    pub problems: &'a [String],
}

/// A group of people and how many of them something holds for.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct GroupCount {
    /// The group's name.
    pub name: String,
    /// People in it.
    pub people: usize,
    /// People it holds for.
    pub count: usize,
}

/// The report's aggregates, groups under [`MIN_GROUP`] left out.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Groups {
    /// People blocked, by department.
    pub blocked_by_department: Vec<GroupCount>,
    /// People blocked, by level.
    pub blocked_by_level: Vec<GroupCount>,
    /// People with a switchback, by the family of the stop.
    pub switchbacks_by_family: Vec<GroupCount>,
    /// Switchback moves from a department to a job family.
    pub flows: Vec<GroupCount>,
    /// The gaps most often to close at a switchback's stop.
    pub gaps: Vec<GroupCount>,
    /// Groups left out for having fewer than [`MIN_GROUP`] people, per
    /// chart above.
    pub suppressed: BTreeMap<String, usize>,
}

/// The summary and the aggregates.
pub fn summary_json(view: &OrgAdviceView) -> OrgSummaryJson<'_> {
    OrgSummaryJson {
        summary: &view.summary,
        groups: groups(view),
        problems: &view.problems,
    }
}

/// People, and those something holds for, by group.
#[derive(Default)]
struct Tally(HashMap<String, (usize, usize)>);

impl Tally {
    fn add(&mut self, key: &str, holds: bool) {
        let g = match self.0.get_mut(key) {
            Some(g) => g,
            None => self.0.entry(key.to_owned()).or_default(),
        };
        g.0 += 1;
        g.1 += usize::from(holds);
    }

    /// The groups of at least [`MIN_GROUP`] people, and how many were
    /// left out. `of_people`: the count is of the people the group
    /// holds (a share chart), or the group is itself the count.
    fn shown(self, share: bool) -> (Vec<GroupCount>, usize) {
        let size = |people: usize, count: usize| if share { people } else { count };
        let suppressed = self
            .0
            .values()
            .filter(|(p, c)| size(*p, *c) < MIN_GROUP)
            .count();
        let mut shown: Vec<GroupCount> = self
            .0
            .into_iter()
            .filter(|(_, (p, c))| size(*p, *c) >= MIN_GROUP)
            .map(|(name, (people, count))| GroupCount {
                name,
                people,
                count,
            })
            .collect();
        shown.sort_by(|a, b| {
            let order = if share {
                // Highest share first: the chart is of shares.
                (b.count * a.people).cmp(&(a.count * b.people))
            } else {
                b.count.cmp(&a.count)
            };
            order
                .then(b.people.cmp(&a.people))
                .then(a.name.cmp(&b.name))
        });
        (shown, suppressed)
    }
}

/// The report's aggregates, in one pass over the people.
pub fn groups(view: &OrgAdviceView) -> Groups {
    let (mut department, mut level) = (Tally::default(), Tally::default());
    let (mut family, mut flow, mut gap) = (Tally::default(), Tally::default(), Tally::default());
    for e in view.employees() {
        let blocked = e.route_up == "blocked";
        department.add(&e.department, blocked);
        level.add(e.level, blocked);
        if let Some(f) = &e.switchback_family {
            family.add(f, true);
            flow.add(&format!("{} → {}", e.department, f), true);
        }
        for g in &e.gaps {
            gap.add(g, true);
        }
    }
    let (blocked_by_department, s1) = department.shown(true);
    let (mut blocked_by_level, s2) = level.shown(true);
    // The ladder's order, lowest first, reads better than shares here.
    let rung = |name: &str| {
        Level::NAMES
            .iter()
            .position(|n| *n == name)
            .unwrap_or(usize::MAX)
    };
    blocked_by_level.sort_by_key(|g| rung(&g.name));
    let (switchbacks_by_family, s3) = family.shown(false);
    let (mut flows, s4) = flow.shown(false);
    let (mut gaps, s5) = gap.shown(false);
    flows.truncate(15);
    gaps.truncate(12);
    let suppressed = [
        ("blocked_by_department", s1),
        ("blocked_by_level", s2),
        ("switchbacks_by_family", s3),
        ("flows", s4),
        ("gaps", s5),
    ]
    .into_iter()
    .map(|(k, n)| (k.to_owned(), n))
    .collect();
    Groups {
        blocked_by_department,
        blocked_by_level,
        switchbacks_by_family,
        flows,
        gaps,
        suppressed,
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// `n` with the singular or plural words after it.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The summary in words.
pub fn summary_text(view: &OrgAdviceView, written: Option<&std::path::Path>) -> String {
    let s = &view.summary;
    let mut t = String::new();
    let _ = writeln!(
        t,
        "{} employees in {} jobs, advised as {} distinct (job, level) states.",
        s.employees, s.jobs, s.states
    );
    if s.jobs_unmapped > 0 {
        let _ = writeln!(
            t,
            "{} left out (no occupation matched, or marked onet_code = none).",
            plural(s.jobs_unmapped, "job was", "jobs were")
        );
    }
    let _ = writeln!(
        t,
        "Route up in their own family blocked within {} years: {} people ({:.0}%); a step down or sideways move opens one for {} of them.",
        s.rules.horizon_years,
        s.blocked,
        percent(s.blocked, s.employees),
        s.blocked_with_switchback
    );
    if s.crowded_out > 0 {
        let _ = writeln!(
            t,
            "{} more had switchbacks whose stops were full: each stop takes no more people than the positions it frees within the horizon.",
            s.crowded_out
        );
    }
    if s.with_goal > 0 {
        let _ = writeln!(
            t,
            "{} a goal; {} a route to it, {} within {} years; for {} no job of the organisation stands for it.",
            plural(s.with_goal, "person has", "people have"),
            plural(s.goal_reachable, "has", "have"),
            s.goal_within_horizon,
            s.rules.horizon_years,
            plural(s.goal_not_in_organisation, "person", "people"),
        );
    }
    let _ = writeln!(
        t,
        "{} open roles{}.",
        s.roles,
        if s.roles_estimated {
            " (estimated: one per job expecting at least one opening a year, from BLS separation rates)"
        } else {
            ""
        }
    );
    let _ = writeln!(
        t,
        "Levels: {} jobs from the grade mapping, {} proposed from pay (the organisation pays {:.2}× the national median of its occupations).",
        s.levels_from_grade_mapping, s.levels_from_pay, s.pay_index
    );
    if s.people_in_unreviewed_jobs > 0 {
        let _ = writeln!(
            t,
            "Check the mapping: {} ({} people) took an occupation the mapper proposed with medium or low confidence and no one reviewed; their advice is only as good as that match (review it with `org map`, then pass --mapping).",
            plural(s.jobs_unreviewed, "job", "jobs"),
            s.people_in_unreviewed_jobs
        );
    }
    match written {
        Some(dir) => {
            let _ = writeln!(
                t,
                "Written to {}: employees, open-roles and jobs as .csv and .parquet, and report.html.",
                dir.display()
            );
        }
        None => t.push_str(
            "Give --output-dir DIR to write the per-employee and per-role files and the report.\n",
        ),
    }
    t
}

/// A horizontal bar chart: one bar per group, its length the count, its
/// label the group and the figure.
fn bar_chart(id: &str, title: &str, groups: &[GroupCount], share: bool) -> String {
    const ROW: usize = 22;
    const LABEL: usize = 330;
    const BAR: f64 = 360.0;
    let height = ROW * groups.len().max(1) + 10;
    let max = groups
        .iter()
        .map(|g| {
            if share {
                percent(g.count, g.people)
            } else {
                g.count as f64
            }
        })
        .fold(0.0, f64::max)
        .max(1.0);
    let mut svg = format!(
        r#"<svg id="{id}" class="chart" role="img" aria-label="{title}" viewBox="0 0 {w} {height}" width="{w}" height="{height}" xmlns="http://www.w3.org/2000/svg">"#,
        id = esc(id),
        title = esc(title),
        w = LABEL + BAR as usize + 110,
    );
    for (i, g) in groups.iter().enumerate() {
        let value = if share {
            percent(g.count, g.people)
        } else {
            g.count as f64
        };
        let y = i * ROW + 4;
        let figure = if share {
            format!("{:.0}% of {}", value, g.people)
        } else {
            g.count.to_string()
        };
        let _ = write!(
            svg,
            r#"<text x="{lx}" y="{ty}" text-anchor="end">{name}</text><rect x="{LABEL}" y="{y}" width="{bw:.1}" height="16"><title>{full}: {figure}</title></rect><text x="{fx:.1}" y="{ty}">{figure}</text>"#,
            lx = LABEL - 6,
            ty = y + 13,
            name = esc(&short(&g.name)),
            full = esc(&g.name),
            bw = value / max * BAR,
            fx = LABEL as f64 + value / max * BAR + 6.0,
        );
    }
    if groups.is_empty() {
        let _ = write!(
            svg,
            r#"<text x="6" y="16">No group of {MIN_GROUP} or more people.</text>"#
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A label short enough for the chart's margin; the bar's tooltip has it
/// whole.
fn short(name: &str) -> String {
    const MAX: usize = 40;
    if name.chars().count() <= MAX {
        name.to_owned()
    } else {
        let mut s: String = name.chars().take(MAX - 1).collect();
        s.push('…');
        s
    }
}

fn suppressed_note(groups: &Groups, chart: &str) -> String {
    match groups.suppressed.get(chart).copied().unwrap_or(0) {
        0 => String::new(),
        n => format!(
            "<p class=\"note\">{n} group{} of fewer than {MIN_GROUP} people not shown.</p>",
            if n == 1 { "" } else { "s" }
        ),
    }
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2733}\
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}.chart rect{fill:#2f6f8f}.chart text{font-size:12px;fill:#1d2733}\
.note{color:#5a6570;font-size:.9rem}table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #d8dde2;text-align:left}\
.figures{display:flex;gap:2rem;flex-wrap:wrap}.figures div{font-size:.9rem}.figures strong{display:block;font-size:1.5rem}";

/// The self-contained report.
pub fn html(view: &OrgAdviceView) -> String {
    let s = &view.summary;
    let g = groups(view);
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
         <title>Switchback organisation report</title><style>{STYLE}</style></head><body><h1>Switchback organisation report</h1>"
    );
    let _ = write!(
        h,
        "<div class=\"figures\"><div><strong>{}</strong>employees</div><div><strong>{}</strong>blocked within {} years ({:.0}%)</div>\
         <div><strong>{}</strong>of them with a switchback and a seat at its stop</div>\
         <div><strong>{}</strong>more whose switchbacks' stops were full</div><div><strong>{}</strong>open roles{}</div></div>",
        s.employees,
        s.blocked,
        s.rules.horizon_years,
        percent(s.blocked, s.employees),
        s.blocked_with_switchback,
        s.crowded_out,
        s.roles,
        if s.roles_estimated {
            " (estimated)"
        } else {
            ""
        }
    );
    // Levels in prose on the chart ("senior manager"); the data keep names.
    let by_level: Vec<GroupCount> = g
        .blocked_by_level
        .iter()
        .map(|c| GroupCount {
            name: switchback_core::text::level_words(&c.name),
            ..c.clone()
        })
        .collect();
    let sections: [(&str, &str, &[GroupCount], bool, &str); 5] = [
        (
            "blocked-by-department",
            "People blocked where they stand, by department",
            &g.blocked_by_department,
            true,
            "blocked_by_department",
        ),
        (
            "blocked-by-level",
            "People blocked where they stand, by level",
            &by_level,
            true,
            "blocked_by_level",
        ),
        (
            "switchbacks-by-family",
            "Switchback opportunities, by the job family of the stop",
            &g.switchbacks_by_family,
            false,
            "switchbacks_by_family",
        ),
        (
            "flows",
            "Flows the switchbacks would create, department → job family",
            &g.flows,
            false,
            "flows",
        ),
        (
            "gaps",
            "The largest gaps development plans would have to close (people)",
            &g.gaps,
            false,
            "gaps",
        ),
    ];
    for (id, title, groups, share, key) in sections {
        let _ = write!(
            h,
            "<h2>{}</h2>{}{}",
            esc(title),
            bar_chart(id, title, groups, share),
            suppressed_note(&g, key)
        );
    }
    h.push_str(&method(s));
    h.push_str("</body></html>\n");
    h
}

fn method(s: &OrgSummaryView) -> String {
    format!(
        "<h2>How to read this</h2><p>A person is <em>blocked</em> when no job of their own family one or two grades up is \
         within reach (a landing chance of at least {:.0}%) with a wait the horizon of {} years can clear: each job's queue is \
         the people one or two grades below who could land it, weighted by that chance, over its openings a year, and its wait \
         is that queue but never less than the years until one of its positions comes free. A <em>switchback</em> is a step \
         down of at most {} grades, or a sideways move, that the person can land and do well in (a success chance of at least \
         {:.0}%) and that leads to a better-paid job above their present grade, the waits and the usual tenure at the stop \
         fitting the horizon. Each stop takes no more people than the positions it frees within the horizon beyond its own \
         queue: people with the best switchbacks are seated first, the others are counted as crowded out. Levels: {} jobs from the organisation's grade mapping, {} proposed from pay against the \
         national OEWS percentiles of the mapped occupation, after dividing by the organisation's pay index ({:.2}). \
         {} Groups of fewer than {MIN_GROUP} people are not shown. Employee ids in the CSV files are the organisation's \
         pseudonymous ids; nothing in this report left the machine it was made on.</p>",
        s.rules.min_landing * 100.0,
        s.rules.horizon_years,
        s.rules.max_step_down,
        s.rules.min_success * 100.0,
        s.levels_from_grade_mapping,
        s.levels_from_pay,
        s.pay_index,
        if s.roles_estimated {
            "Openings are estimates: each job's headcount times the BLS 2024–34 separation rate of its occupation."
        } else {
            "Open roles are the organisation's own; queues use openings estimated from BLS separation rates."
        },
    )
}

//! `switchback org map` and `switchback org advise`.

use std::path::{Path, PathBuf};

use anyhow::Context;
use switchback_app::Engine;
use switchback_app::org::advise::{
    self as org_advise, FileText, OrgAdviceView, OrgFiles, Rules, Stage,
};
use switchback_app::org::report as org_report;
use switchback_app::org::{self, OrgMapView};

use crate::cli::{Format, OrgAdviseArgs, OrgMapArgs};
use crate::output;

/// Maps the job architecture, writes the mapping when asked, and reports
/// the coverage (text) or the whole mapping (JSON).
pub fn map(engine: &Engine, args: &OrgMapArgs, format: Format) -> anyhow::Result<()> {
    let read = read_org_file;
    let jobs_file = args.jobs.display().to_string();
    let jobs_text = read(&args.jobs)?;
    let previous = match &args.mapping {
        Some(p) => Some((p.display().to_string(), read(p)?)),
        None => None,
    };
    let view = org::map(
        engine,
        &jobs_file,
        &jobs_text,
        previous.as_ref().map(|(f, t)| (f.as_str(), t.as_str())),
    )?;
    report_problems(&view.problems);
    if let Some(out) = &args.output {
        output::write_file(out, &org::mapping_csv(&view))?;
    }
    match format {
        Format::Json => output::json(&view),
        Format::Text => output::text(&render(&view, args.output.as_deref())),
    }
}

fn render(v: &OrgMapView, written: Option<&std::path::Path>) -> String {
    let c = &v.coverage;
    let mut s = format!(
        "{} jobs mapped: {} high confidence, {} medium, {} low, {} reviewed by a person",
        c.jobs, c.by_confidence[0], c.by_confidence[1], c.by_confidence[2], c.by_confidence[3]
    );
    if c.unmatched > 0 {
        s.push_str(&format!(", {} matched no occupation", c.unmatched));
    }
    s.push_str(".\n");
    if c.excluded > 0 {
        s.push_str(&format!(
            "{} {} marked onet_code = none, left out of the counts.\n",
            c.excluded,
            if c.excluded == 1 { "row" } else { "rows" }
        ));
    }
    s.push_str(&format!(
        "Mapped with confidence (high or reviewed): {:.0}% of jobs",
        c.share_jobs_confident * 100.0
    ));
    if c.people > 0 {
        s.push_str(&format!(
            ", {:.0}% of the {} people in them",
            c.share_people_confident * 100.0,
            c.people
        ));
    }
    s.push_str(".\n");
    if !v.problems.is_empty() {
        let n = v.problems.len();
        s.push_str(&format!(
            "{n} {} skipped (listed above).\n",
            if n == 1 { "row" } else { "rows" }
        ));
    }
    match written {
        Some(p) => s.push_str(&format!(
            "Mapping written to {}: review it, correct onet_code where it is wrong, set reviewed to yes, and pass it back with --mapping.\n",
            p.display()
        )),
        None => s.push_str("Give --output FILE to write the mapping for review.\n"),
    }
    s
}

/// Runs the batch over the workforce, writes its files when asked, and
/// prints the summary.
pub fn advise(engine: &Engine, args: &OrgAdviseArgs, format: Format) -> anyhow::Result<()> {
    let read = read_org_file;
    let named = |path: &Path| -> anyhow::Result<(String, String)> {
        Ok((path.display().to_string(), read(path)?))
    };
    let jobs = named(&args.jobs)?;
    let employees = named(&args.employees)?;
    let optional = |p: &Option<PathBuf>| p.as_deref().map(named).transpose();
    let (mapping, open_roles, grades) = (
        optional(&args.mapping)?,
        optional(&args.open_roles)?,
        optional(&args.grades)?,
    );
    let files = OrgFiles {
        jobs: text(&jobs),
        mapping: mapping.as_ref().map(text),
        employees: text(&employees),
        open_roles: open_roles.as_ref().map(text),
        grades: grades.as_ref().map(text),
    };
    let rules = Rules {
        horizon_years: args.horizon,
        ..Rules::default()
    };
    let mut bar: Option<(Stage, output::Progress)> = None;
    let view = org_advise::advise(engine, files, rules, &mut |stage, done, total| {
        if bar.as_ref().is_none_or(|(s, _)| *s != stage) {
            if let Some((_, mut old)) = bar.take() {
                old.finish();
            }
            let (what, unit) = stage.describe();
            bar = Some((stage, output::Progress::counting(what, unit)));
        }
        if let Some((_, b)) = &mut bar {
            b.update(done as u64, total as u64);
        }
    })?;
    if let Some((_, mut b)) = bar {
        b.finish();
    }
    report_problems(&view.problems);
    if let Some(dir) = &args.output_dir {
        write_outputs(dir, &view)?;
    }
    match format {
        Format::Json => output::json(&org_report::summary_json(&view)),
        Format::Text => output::text(&org_report::summary_text(&view, args.output_dir.as_deref())),
    }
}

/// The problems most worth reading: the first [`PROBLEMS_SHOWN`] in
/// full, then how many more (a file of millions of rows can have many).
fn report_problems(problems: &[String]) {
    for p in problems.iter().take(PROBLEMS_SHOWN) {
        eprintln!("skipped: {p}");
    }
    if problems.len() > PROBLEMS_SHOWN {
        eprintln!(
            "skipped: … and {} more problems like these",
            problems.len() - PROBLEMS_SHOWN
        );
    }
}

/// Problems printed in full.
const PROBLEMS_SHOWN: usize = 20;

/// An organisation's file as text: CSV as it is, XLSX as its first
/// worksheet in CSV.
fn read_org_file(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(org::file_text(&path.display().to_string(), bytes)?)
}

fn text(f: &(String, String)) -> FileText<'_> {
    FileText {
        name: &f.0,
        text: &f.1,
    }
}

/// Writes the seven files, each whole or not at all.
fn write_outputs(dir: &Path, view: &OrgAdviceView) -> anyhow::Result<()> {
    if dir.exists() && !dir.is_dir() {
        anyhow::bail!("--output-dir {}: is a file, not a directory", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut bar = output::Progress::counting("writing employees.csv", "rows");
    output::write_with(&dir.join("employees.csv"), |w| {
        org_report::write_employees_csv(view, w, &mut |n, all| bar.update(n as u64, all as u64))
    })?;
    bar.finish();
    output::write_file(&dir.join("open-roles.csv"), &org_report::roles_csv(view))?;
    output::write_file(&dir.join("jobs.csv"), &org_report::jobs_csv(view))?;
    let parquet = |name: &str, bytes: Result<Vec<u8>, _>| -> anyhow::Result<()> {
        let bytes = bytes.with_context(|| format!("cannot encode {name}"))?;
        output::write_bytes(&dir.join(name), &bytes)
    };
    let mut bar = output::Progress::counting("writing employees.parquet", "rows");
    output::write_with(&dir.join("employees.parquet"), |w| {
        org_report::write_employees_parquet(view, w, &mut |n, all| bar.update(n as u64, all as u64))
            .map(drop)
            .map_err(std::io::Error::other)
    })?;
    bar.finish();
    parquet("open-roles.parquet", org_report::roles_parquet(view))?;
    parquet("jobs.parquet", org_report::jobs_parquet(view))?;
    output::write_file(&dir.join("report.html"), &org_report::html(view))?;
    Ok(())
}

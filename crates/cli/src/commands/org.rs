//! `switchback org map`.

use anyhow::Context;
use switchback_app::Engine;
use switchback_app::org::{self, OrgMapView};

use crate::cli::{Format, OrgMapArgs};
use crate::output;

/// Maps the job architecture, writes the mapping when asked, and reports
/// the coverage (text) or the whole mapping (JSON).
pub fn map(engine: &Engine, args: &OrgMapArgs, format: Format) -> anyhow::Result<()> {
    let read = |path: &std::path::Path| {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
    };
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
    for p in &view.problems {
        eprintln!("skipped: {p}");
    }
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
        "{} jobs mapped: {} high confidence, {} medium, {} low, {} reviewed by a person.\n",
        c.jobs, c.by_confidence[0], c.by_confidence[1], c.by_confidence[2], c.by_confidence[3]
    );
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
        s.push_str(&format!(
            "{} rows skipped (listed above).\n",
            v.problems.len()
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

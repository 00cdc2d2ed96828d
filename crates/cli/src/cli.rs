//! The command-line definition. Raw flags become validated values here,
//! once; the commands never see clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use switchback_core::Level;

/// When a step down or a sideways move is the smart route to a goal — on
/// real O*NET 29.3 occupations and BLS May 2025 wages, entirely offline.
#[derive(Debug, Parser)]
#[command(
    name = "switchback",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Load the catalog from an O*NET text release in DIR instead of the
    /// embedded O*NET 29.3 snapshot (an `oews*.tsv` wage table in DIR is
    /// used if present, else the bundled BLS May 2025 wages).
    #[arg(long, global = true, value_name = "DIR", env = "SWITCHBACK_CATALOG")]
    pub catalog: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned, readable text.
    Text,
    /// JSON with stable snake_case field names.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Look occupations up in the catalog.
    #[command(subcommand)]
    Occupation(OccupationCommand),
    /// Classify a move between two positions, with its strengths, gaps and feasibility.
    Move(MoveArgs),
    /// The most feasible destinations from a role, with the reasons.
    Transitions(TransitionsArgs),
    /// Judge the options of a profile: when a step down is the smart move, and why.
    Advise(AdviseArgs),
    /// Routes from the profile's current position to its goal, switchbacks included.
    Route(RouteArgs),
    /// Evaluate the engine against reference data.
    #[command(subcommand)]
    Eval(EvalCommand),
}

/// `switchback move`
#[derive(Debug, Args)]
pub struct MoveArgs {
    /// The origin role: a job title or an O*NET-SOC code.
    pub from: String,
    /// The destination role: a job title or an O*NET-SOC code.
    #[arg(long)]
    pub to: String,
    /// Origin level: a name (entry … executive) or a grade 1-10; inferred from the title when absent.
    #[arg(long, value_parser = parse_level)]
    pub from_level: Option<Level>,
    /// Destination level; inferred from the title when absent.
    #[arg(long, value_parser = parse_level)]
    pub to_level: Option<Level>,
    /// Origin industry (free text).
    #[arg(long)]
    pub from_industry: Option<String>,
    /// Destination industry; the origin's when absent.
    #[arg(long)]
    pub to_industry: Option<String>,
    /// Origin department (free text).
    #[arg(long)]
    pub from_department: Option<String>,
    /// Destination department; the origin's when absent.
    #[arg(long)]
    pub to_department: Option<String>,
    /// Origin annual salary in dollars (else estimated from OEWS wages).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub from_salary: Option<u32>,
    /// Destination annual salary in dollars (else estimated from OEWS wages).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub to_salary: Option<u32>,
    /// How many strengths and gaps to list.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=68))]
    pub limit: u16,
}

/// `switchback transitions`
#[derive(Debug, Args)]
pub struct TransitionsArgs {
    /// The origin role: a job title or an O*NET-SOC code.
    pub role: String,
    /// How many destinations to list.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=1015))]
    pub limit: u16,
}

/// `switchback advise`
#[derive(Debug, Args)]
pub struct AdviseArgs {
    /// A profile file (.toml or .json): [current], optional [goal] and
    /// [situation], [[skills]] and [[options]].
    pub profile: PathBuf,
}

/// `switchback route`
#[derive(Debug, Args)]
pub struct RouteArgs {
    /// A profile file (.toml or .json) with [current], [goal] and optionally [situation].
    pub profile: PathBuf,
    /// The most moves a route may make.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub max_moves: u8,
}

/// `switchback eval …`
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Score the top-k destinations per origin against a reference list of plausible moves.
    Transitions(EvalTransitionsArgs),
}

/// `switchback eval transitions`
#[derive(Debug, Args)]
pub struct EvalTransitionsArgs {
    /// A reference file: O*NET Career Changers Matrix (5 columns) or Related Occupations (4 columns) layout, tab-separated with a header.
    #[arg(long, value_name = "FILE")]
    pub reference: PathBuf,
    /// The cut-off k.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=1015))]
    pub k: u16,
}

fn parse_level(text: &str) -> Result<Level, String> {
    Level::parse(text).map_err(|e| e.to_string())
}

/// `switchback occupation …`
#[derive(Debug, Subcommand)]
pub enum OccupationCommand {
    /// Rank the occupations whose titles match TEXT.
    Search(SearchArgs),
    /// Everything the catalog knows about one occupation.
    Show(ShowArgs),
}

/// `switchback occupation search`
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// A job title as people write it ("Senior Staff Accountant", "CFO") or an O*NET-SOC code.
    pub text: String,
    /// How many occupations to list.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=1016))]
    pub limit: u16,
}

/// `switchback occupation show`
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// An O*NET-SOC code (15-1252.00) or a job title.
    pub role: String,
}

/// An error in how the program was called, found after parsing (exit code 2).
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

//! The command-line definition. Raw flags become validated values here,
//! once; the commands never see clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// When a step down or a sideways move is the smart route to a goal — on
/// real O*NET 29.3 occupations and BLS May 2025 wages, entirely offline.
#[derive(Debug, Parser)]
#[command(name = "switchback", version, propagate_version = true, max_term_width = 100)]
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

//! The command-line definition. Raw flags become validated values here,
//! once; the commands never see clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use switchback_app::text::quoted;
use switchback_app::{Author, Level, Progress};
use switchback_store::PlanId;

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
    /// Output format [default: text].
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,
    /// Load the catalog from an O*NET text release in DIR instead of the
    /// embedded O*NET 29.3 snapshot (an `oews*.tsv` wage table in DIR is
    /// used if present, else the bundled BLS May 2025 wages). Also read
    /// from SWITCHBACK_CATALOG; an empty value counts as unset.
    #[arg(long, global = true, value_name = "DIR", value_parser = parse_path)]
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
    /// Development plans: create one for an option, then check in and track it.
    #[command(subcommand)]
    Plan(PlanCommand),
    /// The organisation's learning catalogue, which plans draw on.
    #[command(subcommand)]
    Learning(LearningCommand),
    /// Evaluate the engine against reference data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Organisation mode: an organisation's own jobs (docs/ORGANISATION.md).
    #[command(subcommand)]
    Org(OrgCommand),
    /// Serve the web app and the JSON API (loopback by default).
    Serve(ServeArgs),
    /// Accounts on a shared plan server (`serve`): the first administrator is made here.
    #[command(subcommand)]
    User(UserCommand),
}

/// `switchback serve`
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on. The default is this machine only; another
    /// address makes the plans in the database reachable from the network.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    pub addr: std::net::SocketAddr,
    /// The address people open when a TLS reverse proxy on this machine
    /// forwards to the server (https://plans.example.org): the `Host` it
    /// answers, `Secure` cookies for https, and the invitation links it
    /// hands out. Needs accounts, as serving beyond loopback does.
    #[arg(long, value_name = "URL", value_parser = parse_public_url)]
    pub public_url: Option<switchback_server::PublicOrigin>,
    /// Count sign-ins against the address a proxy on this machine names
    /// last in X-Forwarded-For (without it, everyone behind the proxy
    /// shares the proxy's address, and its limit). Only requests from
    /// loopback are believed. Needs accounts.
    #[arg(long)]
    pub behind_proxy: bool,
    #[command(flatten)]
    pub db: ServerDbArgs,
}

impl ServeArgs {
    /// How the server is reached, from the flags.
    pub fn deployment(&self) -> switchback_server::Deployment {
        switchback_server::Deployment {
            public: self.public_url.clone(),
            behind_proxy: self.behind_proxy,
        }
    }
}

fn parse_public_url(text: &str) -> Result<switchback_server::PublicOrigin, String> {
    switchback_server::PublicOrigin::parse(text)
}

/// Where a server's plans are: the SQLite file of `--db`, or a PostgreSQL
/// database for a shared deployment.
#[derive(Debug, Args)]
pub struct ServerDbArgs {
    #[command(flatten)]
    pub file: DbArgs,
    /// A PostgreSQL database instead of the SQLite file
    /// (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE), given to
    /// Switchback alone; its schema is made on first use. Also read from
    /// SWITCHBACK_DATABASE_URL when --db is not given — the place for an
    /// address with a password, which a command line shows to every user
    /// of the machine.
    #[arg(long, value_name = "URL", conflicts_with = "db")]
    pub database_url: Option<String>,
}

/// Where the plan database is.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// The plan database (SQLite); created if missing. Also read from
    /// SWITCHBACK_DB (an empty value counts as unset). Default: plans.db in
    /// the user's data directory (~/.local/share/switchback on Linux).
    #[arg(long, value_name = "PATH", value_parser = parse_path)]
    pub db: Option<PathBuf>,
}

/// `switchback user …`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account in the plan database: `--admin` for the first
    /// administrator, who then invites everyone else from the web app. The
    /// password is asked for on the terminal (not echoed), or read from the
    /// first line of standard input when that is not a terminal.
    Add(UserAddArgs),
    /// Disable an account on the machine that holds the database (as an
    /// administrator does at /admin): it signs in no more and its sessions
    /// end. The way back when no administrator is left to do it.
    Disable(UserNameArgs),
    /// Enable a disabled account again, on the machine that holds the
    /// database.
    Enable(UserNameArgs),
}

/// `switchback user disable|enable`
#[derive(Debug, Args)]
pub struct UserNameArgs {
    /// The account's name.
    pub username: String,
    #[command(flatten)]
    pub db: ServerDbArgs,
}

/// `switchback user add`
#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// The name to sign in with: 2 to 64 letters, digits, '.', '_' or '-'.
    pub username: String,
    /// An e-mail address, also accepted to sign in (nothing is ever sent to it).
    #[arg(long)]
    pub email: Option<String>,
    /// Make the account an administrator (invites accounts; sees no plan by being one).
    #[arg(long)]
    pub admin: bool,
    #[command(flatten)]
    pub db: ServerDbArgs,
}

/// `switchback plan …`
#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Create the development plan for taking one of a profile's options, and store it.
    Create(PlanCreateArgs),
    /// The stored plans, newest first.
    List(PlanListArgs),
    /// One plan in full, with its check-ins and status.
    Show(PlanIdArgs),
    /// Record progress on one objective.
    Checkin(CheckinArgs),
    /// On track, at risk or off track: each objective's progress against the time elapsed.
    Status(StatusArgs),
    /// Write a plan as Markdown, JSON, or an iCalendar file of its dates.
    Export(ExportArgs),
}

/// `switchback plan create`
#[derive(Debug, Args)]
pub struct PlanCreateArgs {
    /// A profile file (.toml or .json), as for `advise`, optionally with [[department_goals]].
    pub profile: PathBuf,
    /// The id of the option to plan for (as `advise` lists them).
    #[arg(long = "option", value_name = "ID")]
    pub option: String,
    /// The first day in the new position, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub start: Option<Date>,
    #[command(flatten)]
    pub db: DbArgs,
}

/// `switchback plan list`
#[derive(Debug, Args)]
pub struct PlanListArgs {
    #[command(flatten)]
    pub db: DbArgs,
}

/// `switchback plan show`
#[derive(Debug, Args)]
pub struct PlanIdArgs {
    /// The plan's id (as `plan list` shows).
    #[arg(value_parser = parse_plan_id)]
    pub id: PlanId,
    #[command(flatten)]
    pub db: DbArgs,
}

/// `switchback plan checkin`
#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// The plan's id.
    #[arg(value_parser = parse_plan_id)]
    pub id: PlanId,
    /// The objective's number in the plan.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub objective: u32,
    /// Progress toward the objective's target, 0-100 percent.
    #[arg(long, value_name = "P", value_parser = parse_progress)]
    pub progress: Progress,
    /// What was said or shown.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Who reports it.
    #[arg(long, value_enum, default_value_t = By::Person)]
    pub by: By,
    /// The day it is about, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<Date>,
    #[command(flatten)]
    pub db: DbArgs,
}

/// Who reports a check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// The person who moved.
    Person,
    /// Their manager.
    Manager,
    /// Their HR business partner.
    Hr,
}

impl From<By> for Author {
    fn from(by: By) -> Author {
        match by {
            By::Person => Author::Person,
            By::Manager => Author::Manager,
            By::Hr => Author::Hr,
        }
    }
}

/// `switchback plan status`
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The plan's id.
    #[arg(value_parser = parse_plan_id)]
    pub id: PlanId,
    /// Judge as of this day, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    #[command(flatten)]
    pub db: DbArgs,
}

/// `switchback plan export`
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The plan's id.
    #[arg(value_parser = parse_plan_id)]
    pub id: PlanId,
    /// The format.
    #[arg(long, value_enum)]
    pub to: ExportFormat,
    /// Write to FILE instead of standard output (replaced whole, never half-written).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The day the status in Markdown and JSON is judged, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,
    #[command(flatten)]
    pub db: DbArgs,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A document to read, print or paste into a wiki.
    Markdown,
    /// The plan, its check-ins and status, for other tools.
    Json,
    /// iCalendar: reviews, checkpoints, check-ins due, objectives due and the end of tenure.
    Ics,
    /// The profile the plan was made from, as written (TOML or JSON): feed it back to `advise`.
    Profile,
}

/// `switchback learning …`
#[derive(Debug, Subcommand)]
pub enum LearningCommand {
    /// Add an organisation's course catalogue (CSV: target, kind, title, and optionally provider, hours, url).
    Import(LearningImportArgs),
}

/// `switchback org …`
#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Map a job architecture (CSV) to O*NET occupations, with a confidence
    /// and the runner-up, into a mapping file a person reviews.
    Map(OrgMapArgs),
    /// Advise a whole workforce: who is blocked where they stand, which step
    /// down or sideways move would open a route up, and who inside could
    /// fill each open role (docs/ORGANISATION.md).
    Advise(OrgAdviseArgs),
}

/// `switchback org advise`
#[derive(Debug, Args)]
pub struct OrgAdviseArgs {
    /// The job architecture (CSV, as for `org map`).
    pub jobs: PathBuf,
    /// The employees: CSV with employee_id, job_code, and optionally
    /// department, grade, salary, years_in_role, years_experience,
    /// manages_people, goal, max_step_down, min_pay.
    #[arg(long, value_name = "CSV")]
    pub employees: PathBuf,
    /// A reviewed mapping from `org map`: its rows marked reviewed = yes
    /// are used as the people wrote them.
    #[arg(long, value_name = "CSV")]
    pub mapping: Option<PathBuf>,
    /// Open roles: CSV with role_id, job_code, and optionally department,
    /// grade, salary. Without it, each job's openings in a year are
    /// estimated from BLS separation rates.
    #[arg(long, value_name = "CSV")]
    pub open_roles: Option<PathBuf>,
    /// The organisation's grades mapped to Switchback's levels: CSV with
    /// grade, level. Without it, each job's level is proposed from its pay.
    #[arg(long, value_name = "CSV")]
    pub grades: Option<PathBuf>,
    /// Where to write employees, open-roles and jobs as .csv and .parquet,
    /// and report.html (the directory is created if missing).
    #[arg(long, short, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    /// Years within which a route up must deliver (1 to 40).
    #[arg(long, default_value_t = 8.0, value_name = "YEARS", value_parser = parse_horizon)]
    pub horizon: f32,
}

fn parse_horizon(text: &str) -> Result<f32, String> {
    text.parse::<f32>()
        .ok()
        .filter(|y| y.is_finite() && (1.0..=40.0).contains(y))
        .ok_or_else(|| format!("`{text}` is not a number of years from 1 to 40"))
}

/// `switchback org map`
#[derive(Debug, Args)]
pub struct OrgMapArgs {
    /// The job architecture: CSV with job_code, title, and optionally family,
    /// grade, salary_min, salary_mid, salary_max, onet_code, headcount.
    pub jobs: PathBuf,
    /// A mapping written before: its rows marked reviewed = yes are kept.
    #[arg(long, value_name = "CSV")]
    pub mapping: Option<PathBuf>,
    /// Where to write the new mapping (CSV); without it, only the coverage
    /// is reported.
    #[arg(long, short, value_name = "CSV")]
    pub output: Option<PathBuf>,
}

/// `switchback learning import`
#[derive(Debug, Args)]
pub struct LearningImportArgs {
    /// The CSV file. Bad rows are reported with their line numbers; good rows are kept.
    pub file: PathBuf,
    #[command(flatten)]
    pub db: DbArgs,
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
    /// Origin annual salary in dollars, 1,000 to 10,000,000 as in a
    /// profile (else estimated from OEWS wages).
    #[arg(long, allow_hyphen_values = true)]
    pub from_salary: Option<u32>,
    /// Destination annual salary in dollars, 1,000 to 10,000,000 as in a
    /// profile (else estimated from OEWS wages).
    #[arg(long, allow_hyphen_values = true)]
    pub to_salary: Option<u32>,
    /// How many strengths and gaps to list.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=switchback_app::moves::MAX_ELEMENTS as i64))]
    pub limit: u16,
}

/// `switchback transitions`
#[derive(Debug, Args)]
pub struct TransitionsArgs {
    /// The origin role: a job title or an O*NET-SOC code.
    pub role: String,
    /// How many destinations to list.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..))]
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
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u8).range(1..=switchback_app::MAX_MOVES as i64))]
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
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..))]
    pub k: u16,
}

/// The environment variable naming the plan database.
pub const DB_ENV: &str = "SWITCHBACK_DB";

/// The environment variable naming a server's PostgreSQL database.
pub const DATABASE_URL_ENV: &str = "SWITCHBACK_DATABASE_URL";

/// A path from the environment: an empty value is the same as none, as a
/// person who wrote `SWITCHBACK_DB=` to clear it means.
pub fn env_path(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn parse_path(text: &str) -> Result<PathBuf, String> {
    if text.is_empty() {
        return Err("the path is empty".to_owned());
    }
    Ok(PathBuf::from(text))
}

fn parse_level(text: &str) -> Result<Level, String> {
    Level::parse(text).map_err(|e| e.to_string())
}

/// Days a plan may start on or be judged on: wide enough for any career,
/// narrow enough that every date computed from them stays valid.
const YEARS: std::ops::RangeInclusive<i16> = 1900..=2200;

fn parse_date(text: &str) -> Result<Date, String> {
    let t = text.trim();
    let ok = t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-';
    let date = ok
        .then(|| t.parse::<Date>().ok())
        .flatten()
        .ok_or_else(|| {
            format!(
                "{} is not a date in the form YYYY-MM-DD (for example 2027-01-15)",
                quoted(text)
            )
        })?;
    if !YEARS.contains(&date.year()) {
        return Err(format!(
            "{date} is outside the years {}-{}",
            YEARS.start(),
            YEARS.end()
        ));
    }
    Ok(date)
}

fn parse_progress(text: &str) -> Result<Progress, String> {
    Progress::parse(text).map_err(|e| e.to_string())
}

fn parse_plan_id(text: &str) -> Result<PlanId, String> {
    PlanId::parse(text).map_err(|e| e.to_string())
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
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..))]
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

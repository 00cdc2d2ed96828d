//! Switchback's plan store: development plans and their check-ins in an
//! embedded SQLite database, and the organisation's learning catalogue.
//!
//! # Layout
//!
//! - [`Store`]: open (creating and migrating), then read and write plans.
//! - [`migrations`]: the versioned schema, applied in order.
//! - [`PlanId`]: a plan's id, parsed once from what the user typed.
//! - [`accounts`]: accounts, sessions, invitations, roles on plans and
//!   agreements (schema 4) — hashes and digests only, never a secret.
//!
//! # Reliability
//!
//! Every write is one transaction, begun `IMMEDIATE` so that a writer
//! waits its turn (the busy timeout) instead of failing half-way. The
//! journal is a write-ahead log with `synchronous = FULL`: a committed
//! check-in survives the process being killed, and readers never block
//! writers. Plans are stored as self-contained JSON documents (O*NET codes
//! and element ids, never catalog indexes) beside the columns a listing
//! needs; check-ins are rows of their own.

pub mod accounts;
pub mod migrations;
mod postgres_db;
mod sql;

pub use postgres_db::{Database, MAX_CONNECTIONS};
use sql::{Db, Dialect, Row, Value, args};

use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, ErrorCode, TransactionBehavior};
use switchback_core::development::DevelopmentPlan;
use switchback_core::development::learning::{ActivityKind, LearningActivity, LearningTarget};
use switchback_core::development::status::{Author, CheckIn, Progress};
pub use switchback_core::profile::ProfileFormat;

/// The version of the JSON a plan is stored as. Format 2 names verdicts,
/// circumstances, levels and O*NET codes by their typed values, checked
/// when read; format 1 wrote the same names as free strings, so both are
/// read by one decoder (a format-1 document with a name no enum knows is
/// reported unreadable, never guessed at).
pub const DOCUMENT_FORMAT: i64 = 2;

/// The mark SQLite keeps in a database's header for the application that
/// owns it ("SwBk"): a file without it that holds tables is someone else's.
pub const APPLICATION_ID: i32 = 0x5377_426b;

/// The tables a Switchback database holds (any schema version): a file
/// from before the mark existed is recognised by them.
const OWN_TABLES: [&str; 10] = [
    "plans",
    "checkins",
    "authors",
    "learning_activities",
    "users",
    "sessions",
    "plan_members",
    "agreements",
    "invitations",
    "sign_in_failures",
];

/// How long a writer waits for another to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An account with that name or address exists.
    #[error("username: an account named {username:?} (or with that e-mail address) exists already")]
    AccountTaken {
        /// The name asked for.
        username: String,
    },
    /// An invitation that does not exist, was taken or has expired (one
    /// message for all three, so a guess learns nothing).
    #[error(
        "invitation: this invitation is not valid: it was used already, has expired, or never existed"
    )]
    InvitationInvalid,
    /// The account holds no role that allows the write (any longer): as
    /// if the plan were not there.
    #[error("plan: there is no plan {plan} that you can see")]
    NoRole {
        /// The plan asked for.
        plan: i64,
    },
    /// The person opened the invitation they made for someone else.
    #[error(
        "invitation: this is your own plan's invitation: give the link to your manager or HR business partner"
    )]
    OwnInvitation,
    /// The person holds a plan as its owner, never as a member.
    #[error("role: a plan's person is its owner, not a member")]
    OwnerIsNotAMember,
    /// The database file could not be opened or created.
    #[error("cannot open the plan database {path}: {}", sqlite_words(.error))]
    Open {
        /// The path.
        path: String,
        /// What SQLite said (told in the store's words, not chained).
        error: rusqlite::Error,
    },
    /// An SQLite database that another application made.
    #[error(
        "{path} is another application's SQLite database ({}), not a Switchback plan database; it was left untouched — choose another file with --db or SWITCHBACK_DB",
        foreign_contents(.tables)
    )]
    Foreign {
        /// The path.
        path: String,
        /// Its tables.
        tables: Vec<String>,
    },
    /// A command that only reads found no database: nothing is stored yet.
    #[error(
        "there is no plan {id}: no plan database at {path} yet (create a plan with `switchback plan create`)"
    )]
    NoDatabase {
        /// The id asked for.
        id: PlanId,
        /// Where the database was looked for.
        path: String,
    },
    /// An older database that only a writer may upgrade, opened where it
    /// cannot be written.
    #[error(
        "{path} has schema version {found}, older than this Switchback's {known}, and cannot be upgraded here ({}); open it once where it can be written",
        sqlite_words(.error)
    )]
    CannotUpgrade {
        /// The path.
        path: String,
        /// Its version.
        found: u32,
        /// This build's.
        known: u32,
        /// Why it could not be opened for writing.
        error: rusqlite::Error,
    },
    /// The directory for the database could not be created.
    #[error("cannot create the directory {path}: {}", switchback_core::text::io_words(.error))]
    Directory {
        /// The path.
        path: String,
        /// The OS error (told in words, not chained).
        error: std::io::Error,
    },
    /// The file exists but is not an SQLite database.
    #[error(
        "{path} is not a Switchback plan database (not an SQLite file); it was left untouched — choose another file with --db or SWITCHBACK_DB"
    )]
    NotADatabase {
        /// The path.
        path: String,
    },
    /// The file system or the file refuses write-ahead logging, which the
    /// store's durability and concurrency rest on.
    #[error(
        "{path} stays in {mode} journal mode; the plan database needs write-ahead logging (a local file system, not a network share)"
    )]
    NoWriteAheadLog {
        /// The path.
        path: String,
        /// The journal mode it is in.
        mode: String,
    },
    /// A plan could not be encoded as its stored document.
    #[error("cannot encode the plan for storage: {0}")]
    Encode(serde_json::Error),
    /// A newer Switchback made the database.
    #[error(
        "{path} has schema version {found}, newer than this Switchback knows ({known}); upgrade Switchback to open it"
    )]
    TooNew {
        /// The path.
        path: String,
        /// The database's version.
        found: u32,
        /// The newest this build knows.
        known: u32,
    },
    /// No plan has that id.
    #[error("there is no plan {id}{}", known_ids(.known))]
    UnknownPlan {
        /// The id asked for.
        id: PlanId,
        /// The ids there are.
        known: Vec<i64>,
    },
    /// The plan has no objective with that number.
    #[error("objective: plan {plan} has no objective {objective}; {}", objective_range(*.count))]
    UnknownObjective {
        /// The plan.
        plan: PlanId,
        /// The number asked for.
        objective: u32,
        /// How many it has.
        count: usize,
    },
    /// A check-in dated outside the plan's life.
    #[error(
        "date: {date} is outside plan {plan}'s tenure, {start} to {end}; a check-in records progress made in the position (its date is the day it is about)"
    )]
    CheckInDate {
        /// The plan.
        plan: PlanId,
        /// The date given.
        date: Date,
        /// The plan's first day.
        start: Date,
        /// The end of its agreed tenure.
        end: Date,
    },
    /// A stored plan could not be read back.
    #[error("plan {plan} is stored in a form this Switchback cannot read: {message}")]
    Unreadable {
        /// The plan.
        plan: i64,
        /// What went wrong.
        message: String,
    },
    /// Any other database failure.
    #[error("plan database: {}", sqlite_words(.0))]
    Sqlite(rusqlite::Error),
    /// The PostgreSQL server could not be reached, or refused a statement.
    #[error("plan database (PostgreSQL): {}", postgres_db::words(.0))]
    Postgres(postgres::Error),
    /// Every PostgreSQL connection stayed lent out while a request waited.
    #[error(
        "plan database (PostgreSQL): all {connections} connections stayed busy for {} seconds; try again",
        .waited.as_secs()
    )]
    PoolExhausted {
        /// The pool's size.
        connections: usize,
        /// How long the request waited.
        waited: Duration,
    },
    /// A `--database-url` that does not name a PostgreSQL database.
    #[error(
        "database-url: the address given is not a PostgreSQL address ({reason}); write postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE (not shown: it may hold a password)"
    )]
    DatabaseUrl {
        /// Why it was refused (never the address: it may hold a password).
        reason: String,
    },
    /// A stored value of the wrong kind (a damaged or foreign database).
    #[error("plan database: column {index} of a stored row is not {expected}")]
    Column {
        /// The column's position in its statement.
        index: usize,
        /// What it should hold.
        expected: &'static str,
    },
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        StoreError::Postgres(e)
    }
}

/// What went wrong in SQLite, in the store's words: the person sees what
/// to do, not the library's phrasing.
fn sqlite_words(e: &rusqlite::Error) -> String {
    let words = match e.sqlite_error_code() {
        Some(ErrorCode::CannotOpen) => {
            "the file cannot be opened or created (does its directory exist, and may you write there?)"
        }
        Some(ErrorCode::ReadOnly) => {
            "the database is read-only here: its plans can be read but not changed"
        }
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "another process kept the database busy for more than 30 seconds; try again"
        }
        Some(ErrorCode::DiskFull) => "the disk is full",
        Some(ErrorCode::PermissionDenied) => "permission denied",
        Some(ErrorCode::SystemIoFailure) => "the file system reported an input/output error",
        Some(ErrorCode::DatabaseCorrupt) => "the database file is damaged",
        Some(ErrorCode::NotADatabase) => "the file is not an SQLite database",
        _ => return format!("the database failed ({e})"),
    };
    words.to_owned()
}

fn foreign_contents(tables: &[String]) -> String {
    match tables {
        [] => "with no tables".to_owned(),
        t if t.len() <= 5 => format!("tables: {}", t.join(", ")),
        t => format!("tables: {}, … ({} in all)", t[..5].join(", "), t.len()),
    }
}

fn objective_range(count: usize) -> String {
    match count {
        0 => "it has no objectives to check in on".to_owned(),
        1 => "its only objective is 1".to_owned(),
        n => format!("its objectives are 1–{n}"),
    }
}

fn known_ids(known: &[i64]) -> String {
    match known {
        [] => {
            " (the database has no plans yet: create one with `switchback plan create`)".to_owned()
        }
        [one] => format!(" (the only plan is {one})"),
        many => {
            let shown: Vec<String> = many.iter().take(20).map(i64::to_string).collect();
            format!(
                " (plans: {}{})",
                shown.join(", "),
                if many.len() > 20 { ", …" } else { "" }
            )
        }
    }
}

/// A plan's id: a positive whole number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlanId(i64);

/// Text that is not a plan id.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("plan id must be a positive whole number (as `plan list` shows), not {}", switchback_core::text::quoted(.0))]
pub struct PlanIdError(pub String);

impl PlanId {
    /// Parses what the user typed.
    pub fn parse(text: &str) -> Result<PlanId, PlanIdError> {
        match text.trim().trim_start_matches('#').parse::<i64>() {
            Ok(n) if n > 0 => Ok(PlanId(n)),
            _ => Err(PlanIdError(text.to_owned())),
        }
    }

    /// The number.
    pub fn get(self) -> i64 {
        self.0
    }
}

impl std::fmt::Display for PlanId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One row of `plan list`.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanSummary {
    /// The id.
    pub id: PlanId,
    /// When it was created.
    pub created_at: String,
    /// The profile file it was made from.
    pub profile: String,
    /// The option taken.
    pub option_id: String,
    /// The new position's occupation title.
    pub new_title: String,
    /// Its level.
    pub new_level: String,
    /// The goal's occupation title.
    pub goal_title: Option<String>,
    /// First day in the new position.
    pub start: Date,
    /// Earliest onward move.
    pub earliest_move: Date,
    /// Latest onward move.
    pub latest_move: Date,
    /// Check-ins recorded.
    pub checkins: u32,
    /// The latest check-in's date.
    pub last_checkin: Option<Date>,
}

/// A check-in as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredCheckIn {
    /// Its row id.
    pub id: i64,
    /// The check-in.
    pub checkin: CheckIn,
    /// When it was recorded.
    pub recorded_at: String,
    /// The account that recorded it, on a shared server (`None` for the
    /// person at their own machine).
    pub account: Option<String>,
}

/// A check-in's row, as read.
struct CheckInRow {
    id: i64,
    objective: u32,
    progress: u8,
    note: Option<String>,
    author: String,
    date: String,
    recorded_at: String,
    account: Option<String>,
}

impl CheckInRow {
    /// The columns of `SELECT c.id, c.objective, c.progress, c.note,
    /// c.author, c.date, c.recorded_at, u.username`.
    fn read(r: &Row) -> Result<CheckInRow, StoreError> {
        Ok(CheckInRow {
            id: r.int(0)?,
            objective: u32::try_from(r.int(1)?).unwrap_or(u32::MAX),
            progress: u8::try_from(r.int(2)?).unwrap_or(u8::MAX),
            note: r.opt_text(3)?,
            author: r.text(4)?,
            date: r.text(5)?,
            recorded_at: r.text(6)?,
            account: r.opt_text(7)?,
        })
    }

    /// The check-in, its values checked.
    fn stored(self, plan: PlanId) -> Result<StoredCheckIn, StoreError> {
        let unreadable = |what: &str| StoreError::Unreadable {
            plan: plan.0,
            message: format!("check-in {} has {what}", self.id),
        };
        Ok(StoredCheckIn {
            id: self.id,
            checkin: CheckIn {
                objective: self.objective,
                progress: Progress::try_from(self.progress)
                    .map_err(|_| unreadable("a progress outside 0–100"))?,
                note: self.note,
                by: Author::parse(&self.author).ok_or_else(|| unreadable("an unknown author"))?,
                date: self
                    .date
                    .parse::<Date>()
                    .map_err(|_| unreadable("an unreadable date"))?,
            },
            recorded_at: self.recorded_at,
            account: self.account,
        })
    }
}

/// The profile a plan is made from, as data: what names it in listings
/// (a file name, "web form") and its text as the person wrote it. The
/// store keeps the text, so a plan never depends on a file still being
/// where it was.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileDocument {
    /// What names the profile in listings.
    pub source: String,
    /// The language of `text`.
    pub format: ProfileFormat,
    /// The profile, as written.
    pub text: String,
}

/// A plan with its check-ins.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredPlan {
    /// The id.
    pub id: PlanId,
    /// When it was created.
    pub created_at: String,
    /// What names the profile it was made from (a file, "web form").
    pub profile: String,
    /// The profile's text and language (`None` for plans made before
    /// schema 3, which kept only its name).
    pub profile_document: Option<ProfileDocument>,
    /// The plan.
    pub plan: DevelopmentPlan,
    /// Its check-ins, oldest first.
    pub checkins: Vec<StoredCheckIn>,
}

impl StoredPlan {
    /// The check-ins alone, as the status rule takes them.
    pub fn checkin_values(&self) -> Vec<CheckIn> {
        self.checkins.iter().map(|c| c.checkin.clone()).collect()
    }
}

/// What an import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportCount {
    /// Activities new to the catalogue.
    pub added: usize,
    /// Activities already there, whose provider, hours or address were updated.
    pub updated: usize,
}

/// A plan's row, as read.
struct PlanRow {
    created_at: String,
    profile: String,
    format: i64,
    document: String,
    profile_format: Option<String>,
    profile_text: Option<String>,
}

impl PlanRow {
    /// The profile kept with the plan (none before schema 3).
    fn profile_document(&self, id: PlanId) -> Result<Option<ProfileDocument>, StoreError> {
        let (Some(format), Some(text)) = (&self.profile_format, &self.profile_text) else {
            return Ok(None);
        };
        let format = ProfileFormat::parse(format).ok_or_else(|| StoreError::Unreadable {
            plan: id.0,
            message: format!("its profile is in an unknown format {format:?}"),
        })?;
        Ok(Some(ProfileDocument {
            source: self.profile.clone(),
            format,
            text: text.clone(),
        }))
    }
}

/// An open plan database: an SQLite file, or a connection to a shared
/// deployment's PostgreSQL database.
pub struct Store {
    backend: Backend,
    path: PathBuf,
}

/// The connection a store runs its statements on.
enum Backend {
    Sqlite(Connection),
    /// Reads take `&self`, as SQLite's do; the client needs `&mut`.
    Postgres(Box<std::cell::RefCell<postgres_db::Pooled>>),
}

/// A write transaction on either database; dropped without
/// [`Tx::commit`], it changes nothing.
pub(crate) enum Tx<'a> {
    Sqlite(rusqlite::Transaction<'a>),
    Postgres(sql::PgTx<'a>),
}

impl Tx<'_> {
    pub(crate) fn commit(self) -> Result<(), StoreError> {
        match self {
            Tx::Sqlite(tx) => Ok(tx.commit()?),
            Tx::Postgres(tx) => Ok(tx.tx.commit()?),
        }
    }
}

impl Db for Tx<'_> {
    fn dialect(&self) -> Dialect {
        match self {
            Tx::Sqlite(_) => Dialect::Sqlite,
            Tx::Postgres(_) => Dialect::Postgres,
        }
    }

    fn query(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>, StoreError> {
        match self {
            Tx::Sqlite(tx) => sql::sqlite_query(tx, sql, args),
            Tx::Postgres(tx) => tx.query(sql, args),
        }
    }

    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64, StoreError> {
        match self {
            Tx::Sqlite(tx) => sql::sqlite_execute(tx, sql, args),
            Tx::Postgres(tx) => tx.execute(sql, args),
        }
    }
}

/// A connection reading outside any write.
pub(crate) enum Reader<'a> {
    Sqlite(&'a Connection),
    Postgres(std::cell::RefMut<'a, postgres_db::Pooled>),
}

impl Db for Reader<'_> {
    fn dialect(&self) -> Dialect {
        match self {
            Reader::Sqlite(_) => Dialect::Sqlite,
            Reader::Postgres(_) => Dialect::Postgres,
        }
    }

    fn query(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>, StoreError> {
        match self {
            Reader::Sqlite(conn) => sql::sqlite_query(conn, sql, args),
            Reader::Postgres(conn) => conn.conn().query(sql, args),
        }
    }

    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64, StoreError> {
        match self {
            Reader::Sqlite(conn) => sql::sqlite_execute(conn, sql, args),
            Reader::Postgres(conn) => conn.conn().execute(sql, args),
        }
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens the database at `path`, creating it and its directory if
    /// needed, and upgrades its schema to the newest version. A file that
    /// is not a Switchback database is refused and left untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let label = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.exists()
        {
            std::fs::create_dir_all(dir).map_err(|error| StoreError::Directory {
                path: dir.display().to_string(),
                error,
            })?;
        }
        let mut conn = Connection::open(path).map_err(|error| StoreError::Open {
            path: label.clone(),
            error,
        })?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Read before writing anything: a file that is not ours must be
        // reported, not changed.
        let owner = ownership(&conn, &label)?;
        let found = migrations::version(&conn)?;
        if found > migrations::LATEST {
            return Err(StoreError::TooNew {
                path: label,
                found,
                known: migrations::LATEST,
            });
        }
        let mode = write_ahead_logging(&conn)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::NoWriteAheadLog { path: label, mode });
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        migrations::upgrade(&mut conn, &label)?;
        if owner != Owner::Marked {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            tx.commit()?;
        }
        Ok(Store::sqlite(conn, path))
    }

    fn sqlite(conn: Connection, path: &Path) -> Store {
        Store {
            backend: Backend::Sqlite(conn),
            path: path.to_owned(),
        }
    }

    /// A store over a PostgreSQL connection taken from a pool.
    pub(crate) fn postgres(conn: postgres_db::Pooled, label: &str) -> Store {
        Store {
            backend: Backend::Postgres(Box::new(std::cell::RefCell::new(conn))),
            path: PathBuf::from(label),
        }
    }

    /// Opens the database at `path` for reading only, as the commands that
    /// only read do: it works on a read-only file or directory and never
    /// creates or changes anything. `None` when no plan has been stored
    /// yet (no file, or an empty one). An older schema is upgraded first,
    /// where the file can be written.
    pub fn open_read_only(path: &Path) -> Result<Option<Store>, StoreError> {
        let label = path.display().to_string();
        if !path.exists() {
            return Ok(None);
        }
        let conn = read_only_connection(path, &label)?;
        let owner = ownership(&conn, &label)?;
        let found = migrations::version(&conn)?;
        if owner == Owner::Empty {
            return Ok(None);
        }
        if found > migrations::LATEST {
            return Err(StoreError::TooNew {
                path: label,
                found,
                known: migrations::LATEST,
            });
        }
        if found < migrations::LATEST {
            drop(conn);
            return Store::open(path).map(Some).map_err(|e| match e {
                StoreError::Open { error, .. } | StoreError::Sqlite(error) => {
                    StoreError::CannotUpgrade {
                        path: label,
                        found,
                        known: migrations::LATEST,
                        error,
                    }
                }
                other => other,
            });
        }
        Ok(Some(Store::sqlite(conn, path)))
    }

    /// The file; for PostgreSQL, the server and database it names (no
    /// password).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        match &self.backend {
            Backend::Sqlite(conn) => migrations::version(conn),
            Backend::Postgres(conn) => migrations::postgres_version(conn.borrow_mut().conn()),
        }
    }

    /// Stores a new plan and returns its id.
    pub fn create_plan(
        &mut self,
        plan: &DevelopmentPlan,
        profile: &ProfileDocument,
        created_at: Timestamp,
    ) -> Result<PlanId, StoreError> {
        self.create_plan_for(plan, profile, None, created_at)
    }

    /// Stores a new plan whose person is `owner` (a shared server's
    /// account; `None` for a person planning alone), in one transaction.
    pub fn create_plan_for(
        &mut self,
        plan: &DevelopmentPlan,
        profile: &ProfileDocument,
        owner: Option<accounts::UserId>,
        created_at: Timestamp,
    ) -> Result<PlanId, StoreError> {
        let document = serde_json::to_string(plan).map_err(StoreError::Encode)?;
        let mut tx = self.begin_write()?;
        let id = tx
            .query_one(
                "INSERT INTO plans (created_at, profile, option_id, new_title, new_level, goal_title,
                                start_date, earliest_move, latest_move, document_format, document,
                                profile_format, profile_text, owner_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
                args![
                    created_at.to_string(),
                    &profile.source,
                    &plan.option_id,
                    &plan.new_position.title,
                    plan.new_position.level.name(),
                    plan.goal.as_ref().map(|g| g.title.as_str()),
                    plan.tenure.start.to_string(),
                    plan.tenure.earliest_move.to_string(),
                    plan.tenure.latest_move.to_string(),
                    DOCUMENT_FORMAT,
                    document,
                    profile.format.name(),
                    &profile.text,
                    owner.map(|o| o.0),
                ],
            )?
            .int(0)?;
        tx.commit()?;
        Ok(PlanId(id))
    }

    /// Every plan, newest first.
    pub fn plans(&self) -> Result<Vec<PlanSummary>, StoreError> {
        let rows = self.read().query(
            "SELECT p.id, p.created_at, p.profile, p.option_id, p.new_title, p.new_level,
                    p.goal_title, p.start_date, p.earliest_move, p.latest_move,
                    count(c.id), max(c.date)
             FROM plans p LEFT JOIN checkins c ON c.plan_id = p.id
             GROUP BY p.id ORDER BY p.id DESC",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                Ok(PlanSummary {
                    id: PlanId(r.int(0)?),
                    created_at: r.text(1)?,
                    profile: r.text(2)?,
                    option_id: r.text(3)?,
                    new_title: r.text(4)?,
                    new_level: r.text(5)?,
                    goal_title: r.opt_text(6)?,
                    start: date_column(r, 7)?,
                    earliest_move: date_column(r, 8)?,
                    latest_move: date_column(r, 9)?,
                    checkins: u32::try_from(r.int(10)?).unwrap_or(u32::MAX),
                    last_checkin: r.opt_text(11)?.map(|_| date_column(r, 11)).transpose()?,
                })
            })
            .collect()
    }

    /// One plan with its check-ins.
    pub fn plan(&self, id: PlanId) -> Result<StoredPlan, StoreError> {
        let mut db = self.read();
        let row = db.query_opt(
            "SELECT created_at, profile, document_format, document, profile_format, profile_text
             FROM plans WHERE id = $1",
            args![id.0],
        )?;
        let Some(row) = row else {
            drop(db);
            return Err(self.unknown_plan(id));
        };
        let row = PlanRow {
            created_at: row.text(0)?,
            profile: row.text(1)?,
            format: row.int(2)?,
            document: row.text(3)?,
            profile_format: row.opt_text(4)?,
            profile_text: row.opt_text(5)?,
        };
        let profile_document = row.profile_document(id)?;
        let plan = decode_plan(id, row.format, &row.document)?;
        let rows = db.query(
            "SELECT c.id, c.objective, c.progress, c.note, c.author, c.date, c.recorded_at, u.username
             FROM checkins c LEFT JOIN users u ON u.id = c.user_id
             WHERE c.plan_id = $1 ORDER BY c.date, c.id",
            args![id.0],
        )?;
        let checkins = rows
            .iter()
            .map(|r| CheckInRow::read(r)?.stored(id))
            .collect::<Result<_, _>>()?;
        Ok(StoredPlan {
            id,
            created_at: row.created_at,
            profile: row.profile,
            profile_document,
            plan,
            checkins,
        })
    }

    /// Records a check-in, after checking the plan and the objective exist.
    pub fn check_in(
        &mut self,
        id: PlanId,
        checkin: &CheckIn,
        recorded_at: Timestamp,
    ) -> Result<i64, StoreError> {
        self.check_in_by(id, checkin, None, recorded_at)
    }

    /// Records a check-in made by a signed-in account (its author is the
    /// account's role, checked by the caller), or by the person at their
    /// own machine (`None`).
    pub fn check_in_by(
        &mut self,
        id: PlanId,
        checkin: &CheckIn,
        user: Option<accounts::UserId>,
        recorded_at: Timestamp,
    ) -> Result<i64, StoreError> {
        use switchback_core::access::PlanRole;
        let mut tx = self.begin_write()?;
        if let Some(u) = user {
            // The author is the role the account holds as the write finds it.
            let roles = [PlanRole::Owner, PlanRole::Manager, PlanRole::Hr];
            let role = accounts::require_role(&mut tx, id, u, &roles)?;
            if accounts::author_of(role) != checkin.by {
                return Err(StoreError::NoRole { plan: id.0 });
            }
        }
        let document = tx.query_opt("SELECT document FROM plans WHERE id = $1", args![id.0])?;
        let Some(document) = document else {
            drop(tx);
            return Err(self.unknown_plan(id));
        };
        check_against_outline(id, &document.text(0)?, checkin)?;
        let row = tx
            .query_one(
                "INSERT INTO checkins (plan_id, objective, progress, note, author, date, recorded_at, user_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                args![
                    id.0,
                    checkin.objective,
                    checkin.progress.get(),
                    checkin.note.as_deref(),
                    checkin.by.name(),
                    checkin.date.to_string(),
                    recorded_at.to_string(),
                    user.map(|u| u.0),
                ],
            )?
            .int(0)?;
        tx.commit()?;
        Ok(row)
    }

    /// Adds an organisation's learning activities, updating those already
    /// there (same target, kind and title), in one transaction.
    pub fn import_learning(
        &mut self,
        activities: &[LearningActivity],
        source: &str,
        imported_at: Timestamp,
    ) -> Result<ImportCount, StoreError> {
        let mut tx = self.begin_write()?;
        let mut count = ImportCount::default();
        let at = imported_at.to_string();
        for a in activities {
            let key = a.target.key();
            let exists = tx.query_opt(
                "SELECT 1 FROM learning_activities WHERE target = $1 AND kind = $2 AND title = $3",
                args![key.as_str(), a.kind.name(), a.title.as_str()],
            )?;
            if exists.is_some() {
                count.updated += 1;
            } else {
                count.added += 1;
            }
            tx.execute(
                "INSERT INTO learning_activities (target, kind, title, provider, hours, url, source, imported_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (target, kind, title) DO UPDATE SET
                     provider = excluded.provider, hours = excluded.hours, url = excluded.url,
                     source = excluded.source, imported_at = excluded.imported_at",
                args![
                    key,
                    a.kind.name(),
                    a.title.as_str(),
                    a.provider.as_deref(),
                    a.hours,
                    a.url.as_deref(),
                    source,
                    at.as_str()
                ],
            )?;
        }
        tx.commit()?;
        Ok(count)
    }

    /// The organisation's learning activities, in the order imported.
    pub fn learning(&self) -> Result<Vec<LearningActivity>, StoreError> {
        let rows = self.read().query(
            "SELECT target, kind, title, provider, hours, url FROM learning_activities ORDER BY id",
            &[],
        )?;
        let mut out = Vec::new();
        for r in &rows {
            // Rows this build cannot read (a newer target kind) are skipped,
            // not fatal: the rest of the catalogue still serves.
            let (Some(target), Some(kind)) = (
                LearningTarget::from_key(&r.text(0)?),
                ActivityKind::parse(&r.text(1)?),
            ) else {
                continue;
            };
            out.push(LearningActivity {
                target,
                kind,
                title: r.text(2)?,
                provider: r.opt_text(3)?,
                hours: r.opt_real(4)?.map(|h| h as f32),
                url: r.opt_text(5)?,
            });
        }
        Ok(out)
    }

    /// Every write goes through here, and writers take turns. SQLite:
    /// `IMMEDIATE` takes the write lock at the start, so a writer waits
    /// its turn (the busy timeout) rather than failing when it upgrades
    /// from reading half-way through. PostgreSQL: the transaction first
    /// takes one advisory lock that every writer takes, the same one
    /// writer at a time — so a read-check-write (a role, a sign-in count,
    /// an invitation) sees no other writer between its read and its
    /// write. Readers never wait on either.
    pub(crate) fn begin_write(&mut self) -> Result<Tx<'_>, StoreError> {
        match &mut self.backend {
            Backend::Sqlite(conn) => Ok(Tx::Sqlite(
                conn.transaction_with_behavior(TransactionBehavior::Immediate)?,
            )),
            Backend::Postgres(conn) => {
                let mut tx = conn.get_mut().conn().transaction()?;
                tx.execute("SELECT pg_advisory_xact_lock($1)", args![WRITE_LOCK])?;
                Ok(Tx::Postgres(tx))
            }
        }
    }

    /// The connection, for reading.
    pub(crate) fn read(&self) -> Reader<'_> {
        match &self.backend {
            Backend::Sqlite(conn) => Reader::Sqlite(conn),
            Backend::Postgres(conn) => Reader::Postgres(conn.borrow_mut()),
        }
    }

    fn unknown_plan(&self, id: PlanId) -> StoreError {
        let known = self
            .read()
            .query("SELECT id FROM plans ORDER BY id", &[])
            .and_then(|rows| rows.iter().map(|r| r.int(0)).collect())
            .unwrap_or_default();
        StoreError::UnknownPlan { id, known }
    }
}

/// The advisory lock every PostgreSQL writer takes (the application's
/// mark, as SQLite's header keeps it).
pub(crate) const WRITE_LOCK: i64 = APPLICATION_ID as i64;

/// A stored document as a plan, if this build can read its format.
fn decode_plan(id: PlanId, format: i64, document: &str) -> Result<DevelopmentPlan, StoreError> {
    if format > DOCUMENT_FORMAT {
        return Err(StoreError::Unreadable {
            plan: id.0,
            message: format!(
                "document format {format} is newer than this Switchback's {DOCUMENT_FORMAT}"
            ),
        });
    }
    serde_json::from_str(document).map_err(|e| StoreError::Unreadable {
        plan: id.0,
        message: e.to_string(),
    })
}

/// Checks a check-in against the plan's objectives and tenure.
fn check_against_outline(id: PlanId, document: &str, checkin: &CheckIn) -> Result<(), StoreError> {
    let outline = outline(document).map_err(|message| StoreError::Unreadable {
        plan: id.0,
        message,
    })?;
    let count = outline.objectives.len();
    if checkin.objective == 0 || checkin.objective as usize > count {
        return Err(StoreError::UnknownObjective {
            plan: id,
            objective: checkin.objective,
            count,
        });
    }
    let (start, end) = (outline.tenure.start, outline.tenure.latest_move);
    if checkin.date < start || checkin.date > end {
        return Err(StoreError::CheckInDate {
            plan: id,
            date: checkin.date,
            start,
            end,
        });
    }
    Ok(())
}

/// Whose a database file is, as far as its header and tables tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    /// Marked with [`APPLICATION_ID`].
    Marked,
    /// Switchback's tables without the mark (made before the mark existed).
    Unmarked,
    /// No tables at all: a new or empty file, free to claim.
    Empty,
}

/// Reads who owns the database, or refuses it: a file that is not SQLite,
/// or an SQLite database of another application, is left as it is.
fn ownership(conn: &Connection, label: &str) -> Result<Owner, StoreError> {
    let refuse = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase {
            path: label.to_owned(),
        },
        _ => StoreError::Open {
            path: label.to_owned(),
            error: e,
        },
    };
    let id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(refuse)?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .map_err(refuse)?;
    if id == APPLICATION_ID {
        return Ok(Owner::Marked);
    }
    let foreign = || StoreError::Foreign {
        path: label.to_owned(),
        tables: tables.clone(),
    };
    if id != 0 {
        return Err(foreign());
    }
    if tables.is_empty() {
        return Ok(Owner::Empty);
    }
    let ours = tables.iter().all(|t| OWN_TABLES.contains(&t.as_str()))
        && tables.iter().any(|t| t == "plans");
    if ours {
        Ok(Owner::Unmarked)
    } else {
        Err(foreign())
    }
}

/// A connection that cannot write. A write-ahead-logged database in a
/// directory that cannot be written has no shared-memory file to open;
/// SQLite then reads it as immutable, which is right when nobody can write
/// there either.
fn read_only_connection(path: &Path, label: &str) -> Result<Connection, StoreError> {
    use rusqlite::OpenFlags;
    let open_error = |error| StoreError::Open {
        path: label.to_owned(),
        error,
    };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(open_error)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(conn),
        // SQLite says "cannot open" or "read-only" (it cannot set up the
        // shared-memory file) for the same cause.
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly)
            ) =>
        {
            let uri = immutable_uri(path);
            Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI).map_err(open_error)
        }
        Err(e) if e.sqlite_error_code() == Some(ErrorCode::NotADatabase) => {
            Err(StoreError::NotADatabase {
                path: label.to_owned(),
            })
        }
        Err(e) => Err(open_error(e)),
    }
}

/// `file:PATH?immutable=1`, with the path's special characters escaped.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'?' | b'#' | b'%' | 0x80.. => uri.push_str(&format!("%{b:02X}")),
            _ => uri.push(b as char),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Switches the database to write-ahead logging (a persistent setting, so
/// only a new database changes) and returns the journal mode it is in.
///
/// SQLite does not call the busy handler for a journal-mode change: when
/// several processes create the same database at once, the losers get
/// `SQLITE_BUSY` at once. They wait and retry here, up to the busy timeout.
fn write_ahead_logging(conn: &Connection) -> Result<String, StoreError> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        let current: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if current.eq_ignore_ascii_case("wal") {
            return Ok(current);
        }
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Ok(mode) => return Ok(mode),
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// A `YYYY-MM-DD` column as a date; anything else is an error naming the
/// column.
fn date_column(r: &Row, i: usize) -> Result<Date, StoreError> {
    r.text(i)?.parse::<Date>().map_err(|_| StoreError::Column {
        index: i,
        expected: "a date (YYYY-MM-DD)",
    })
}

/// What a check-in is checked against, read from a stored plan document
/// without decoding the whole plan.
#[derive(serde::Deserialize)]
struct Outline {
    objectives: Vec<serde::de::IgnoredAny>,
    tenure: OutlineTenure,
}

#[derive(serde::Deserialize)]
struct OutlineTenure {
    start: Date,
    latest_move: Date,
}

fn outline(document: &str) -> Result<Outline, String> {
    serde_json::from_str::<Outline>(document).map_err(|e| e.to_string())
}

#[cfg(feature = "testing")]
pub mod testing;

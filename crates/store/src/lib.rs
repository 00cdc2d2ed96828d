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

use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, ErrorCode, OptionalExtension, TransactionBehavior, params};
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
const OWN_TABLES: [&str; 4] = ["plans", "checkins", "authors", "learning_activities"];

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
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
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

/// An open plan database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
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
        let conn = Connection::open(path).map_err(|error| StoreError::Open {
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
        let mut store = Store {
            conn,
            path: path.to_owned(),
        };
        migrations::upgrade(&mut store.conn, &label)?;
        if owner != Owner::Marked {
            store.begin_write().and_then(|tx| {
                tx.pragma_update(None, "application_id", APPLICATION_ID)?;
                Ok(tx.commit()?)
            })?;
        }
        Ok(store)
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
        Ok(Some(Store {
            conn,
            path: path.to_owned(),
        }))
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        migrations::version(&self.conn)
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
        let tx = self.begin_write()?;
        tx.execute(
            "INSERT INTO plans (created_at, profile, option_id, new_title, new_level, goal_title,
                                start_date, earliest_move, latest_move, document_format, document,
                                profile_format, profile_text, owner_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                created_at.to_string(),
                profile.source,
                plan.option_id,
                plan.new_position.title,
                plan.new_position.level.name(),
                plan.goal.as_ref().map(|g| g.title.as_str()),
                plan.tenure.start.to_string(),
                plan.tenure.earliest_move.to_string(),
                plan.tenure.latest_move.to_string(),
                DOCUMENT_FORMAT,
                document,
                profile.format.name(),
                profile.text,
                owner.map(|o| o.0),
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(PlanId(id))
    }

    /// Every plan, newest first.
    pub fn plans(&self) -> Result<Vec<PlanSummary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.created_at, p.profile, p.option_id, p.new_title, p.new_level,
                    p.goal_title, p.start_date, p.earliest_move, p.latest_move,
                    count(c.id), max(c.date)
             FROM plans p LEFT JOIN checkins c ON c.plan_id = p.id
             GROUP BY p.id ORDER BY p.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PlanSummary {
                id: PlanId(r.get(0)?),
                created_at: r.get(1)?,
                profile: r.get(2)?,
                option_id: r.get(3)?,
                new_title: r.get(4)?,
                new_level: r.get(5)?,
                goal_title: r.get(6)?,
                start: date_column(r, 7)?,
                earliest_move: date_column(r, 8)?,
                latest_move: date_column(r, 9)?,
                checkins: r.get(10)?,
                last_checkin: r
                    .get::<_, Option<String>>(11)?
                    .map(|_| date_column(r, 11))
                    .transpose()?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One plan with its check-ins.
    pub fn plan(&self, id: PlanId) -> Result<StoredPlan, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT created_at, profile, document_format, document, profile_format, profile_text
                 FROM plans WHERE id = ?1",
                [id.0],
                |r| {
                    Ok(PlanRow {
                        created_at: r.get(0)?,
                        profile: r.get(1)?,
                        format: r.get(2)?,
                        document: r.get(3)?,
                        profile_format: r.get(4)?,
                        profile_text: r.get(5)?,
                    })
                },
            )
            .optional()?;
        let Some(row) = row else {
            return Err(self.unknown_plan(id));
        };
        let profile_document = row.profile_document(id)?;
        let PlanRow {
            created_at,
            profile,
            format,
            document,
            ..
        } = row;
        if format > DOCUMENT_FORMAT {
            return Err(StoreError::Unreadable {
                plan: id.0,
                message: format!(
                    "document format {format} is newer than this Switchback's {DOCUMENT_FORMAT}"
                ),
            });
        }
        let plan: DevelopmentPlan =
            serde_json::from_str(&document).map_err(|e| StoreError::Unreadable {
                plan: id.0,
                message: e.to_string(),
            })?;
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.objective, c.progress, c.note, c.author, c.date, c.recorded_at, u.username
             FROM checkins c LEFT JOIN users u ON u.id = c.user_id
             WHERE c.plan_id = ?1 ORDER BY c.date, c.id",
        )?;
        let rows = stmt.query_map([id.0], |r| {
            Ok(CheckInRow {
                id: r.get(0)?,
                objective: r.get(1)?,
                progress: r.get(2)?,
                note: r.get(3)?,
                author: r.get(4)?,
                date: r.get(5)?,
                recorded_at: r.get(6)?,
                account: r.get(7)?,
            })
        })?;
        let mut checkins = Vec::new();
        for row in rows {
            checkins.push(row?.stored(id)?);
        }
        Ok(StoredPlan {
            id,
            created_at,
            profile,
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
        let tx = self.begin_write()?;
        if let Some(u) = user {
            // The author is the role the account holds as the write finds it.
            let role = accounts::require_role(
                &tx,
                id,
                u,
                &[
                    switchback_core::access::PlanRole::Owner,
                    switchback_core::access::PlanRole::Manager,
                    switchback_core::access::PlanRole::Hr,
                ],
            )?;
            if accounts::author_of(role) != checkin.by {
                return Err(StoreError::NoRole { plan: id.0 });
            }
        }
        let document: Option<String> = tx
            .query_row("SELECT document FROM plans WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(document) = document else {
            drop(tx);
            return Err(self.unknown_plan(id));
        };
        let outline = outline(&document).map_err(|message| StoreError::Unreadable {
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
        tx.execute(
            "INSERT INTO checkins (plan_id, objective, progress, note, author, date, recorded_at, user_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                id.0,
                checkin.objective,
                checkin.progress.get(),
                checkin.note,
                checkin.by.name(),
                checkin.date.to_string(),
                recorded_at.to_string(),
                user.map(|u| u.0),
            ],
        )?;
        let row = tx.last_insert_rowid();
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
        let tx = self.begin_write()?;
        let mut count = ImportCount::default();
        {
            let mut exists = tx.prepare(
                "SELECT 1 FROM learning_activities WHERE target = ?1 AND kind = ?2 AND title = ?3",
            )?;
            let mut upsert = tx.prepare(
                "INSERT INTO learning_activities (target, kind, title, provider, hours, url, source, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (target, kind, title) DO UPDATE SET
                     provider = excluded.provider, hours = excluded.hours, url = excluded.url,
                     source = excluded.source, imported_at = excluded.imported_at",
            )?;
            let at = imported_at.to_string();
            for a in activities {
                let key = a.target.key();
                if exists.exists(params![key, a.kind.name(), a.title])? {
                    count.updated += 1;
                } else {
                    count.added += 1;
                }
                upsert.execute(params![
                    key,
                    a.kind.name(),
                    a.title,
                    a.provider,
                    a.hours,
                    a.url,
                    source,
                    at
                ])?;
            }
        }
        tx.commit()?;
        Ok(count)
    }

    /// The organisation's learning activities, in the order imported.
    pub fn learning(&self) -> Result<Vec<LearningActivity>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT target, kind, title, provider, hours, url FROM learning_activities ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<f64>>(4)?,
                r.get::<_, Option<String>>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (target, kind, title, provider, hours, url) = row?;
            // Rows this build cannot read (a newer target kind) are skipped,
            // not fatal: the rest of the catalogue still serves.
            let (Some(target), Some(kind)) = (
                LearningTarget::from_key(&target),
                ActivityKind::parse(&kind),
            ) else {
                continue;
            };
            out.push(LearningActivity {
                target,
                kind,
                title,
                provider,
                hours: hours.map(|h| h as f32),
                url,
            });
        }
        Ok(out)
    }

    /// Every write goes through here: `IMMEDIATE` takes the write lock at
    /// the start, so a writer waits its turn (the busy timeout) rather than
    /// failing when it upgrades from reading half-way through.
    fn begin_write(&mut self) -> Result<rusqlite::Transaction<'_>, StoreError> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    fn unknown_plan(&self, id: PlanId) -> StoreError {
        let known = self
            .conn
            .prepare("SELECT id FROM plans ORDER BY id")
            .and_then(|mut s| {
                s.query_map([], |r| r.get::<_, i64>(0))?
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap_or_default();
        StoreError::UnknownPlan { id, known }
    }
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

/// A `YYYY-MM-DD` column as a date; anything else is a conversion error
/// naming the column.
fn date_column(r: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Date> {
    let text: String = r.get(i)?;
    text.parse::<Date>().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
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

//! Switchback's plan store: development plans and their check-ins in an
//! embedded SQLite database, and the organisation's learning catalogue.
//!
//! # Layout
//!
//! - [`Store`]: open (creating and migrating), then read and write plans.
//! - [`migrations`]: the versioned schema, applied in order.
//! - [`PlanId`]: a plan's id, parsed once from what the user typed.
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

pub mod migrations;

use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;
use jiff::civil::Date;
use rusqlite::{Connection, ErrorCode, OptionalExtension, TransactionBehavior, params};
use switchback_core::development::DevelopmentPlan;
use switchback_core::development::learning::{ActivityKind, LearningActivity, LearningTarget};
use switchback_core::development::status::{Author, CheckIn, Progress};

/// The version of the JSON a plan is stored as.
pub const DOCUMENT_FORMAT: i64 = 1;

/// How long a writer waits for another to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be opened or created.
    #[error("cannot open the plan database {path}: {source}")]
    Open {
        /// The path.
        path: String,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The directory for the database could not be created.
    #[error("cannot create the directory {path}: {source}")]
    Directory {
        /// The path.
        path: String,
        /// The OS error.
        source: std::io::Error,
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
    /// A stored plan could not be read back.
    #[error("plan {plan} is stored in a form this Switchback cannot read: {message}")]
    Unreadable {
        /// The plan.
        plan: i64,
        /// What went wrong.
        message: String,
    },
    /// Any other database failure.
    #[error("plan database: {0}")]
    Sqlite(#[from] rusqlite::Error),
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
    pub start: String,
    /// Earliest onward move.
    pub earliest_move: String,
    /// Latest onward move.
    pub latest_move: String,
    /// Check-ins recorded.
    pub checkins: u32,
    /// The latest check-in's date.
    pub last_checkin: Option<String>,
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
}

/// A plan with its check-ins.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredPlan {
    /// The id.
    pub id: PlanId,
    /// When it was created.
    pub created_at: String,
    /// The profile file it was made from.
    pub profile: String,
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
    /// needed, and upgrades its schema to the newest version.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let label = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.exists()
        {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Directory {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: label.clone(),
            source,
        })?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Read before writing anything: a file that is not a database must
        // be reported, not overwritten.
        let probe: Result<i64, _> =
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0));
        if let Err(e) = probe {
            return Err(match e.sqlite_error_code() {
                Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path: label },
                _ => StoreError::Open {
                    path: label,
                    source: e,
                },
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
        Ok(store)
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
        profile: &str,
        created_at: Timestamp,
    ) -> Result<PlanId, StoreError> {
        let document = serde_json::to_string(plan).map_err(StoreError::Encode)?;
        let tx = self.begin_write()?;
        tx.execute(
            "INSERT INTO plans (created_at, profile, option_id, new_title, new_level, goal_title,
                                start_date, earliest_move, latest_move, document_format, document)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                created_at.to_string(),
                profile,
                plan.option_id,
                plan.new_position.title,
                plan.new_position.level,
                plan.goal.as_ref().map(|g| g.title.as_str()),
                plan.tenure.start.to_string(),
                plan.tenure.earliest_move.to_string(),
                plan.tenure.latest_move.to_string(),
                DOCUMENT_FORMAT,
                document,
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
                start: r.get(7)?,
                earliest_move: r.get(8)?,
                latest_move: r.get(9)?,
                checkins: r.get(10)?,
                last_checkin: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One plan with its check-ins.
    pub fn plan(&self, id: PlanId) -> Result<StoredPlan, StoreError> {
        let row: Option<(String, String, i64, String)> = self
            .conn
            .query_row(
                "SELECT created_at, profile, document_format, document FROM plans WHERE id = ?1",
                [id.0],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((created_at, profile, format, document)) = row else {
            return Err(self.unknown_plan(id));
        };
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
            "SELECT id, objective, progress, note, author, date, recorded_at
             FROM checkins WHERE plan_id = ?1 ORDER BY date, id",
        )?;
        let rows = stmt.query_map([id.0], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, u8>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?;
        let mut checkins = Vec::new();
        for row in rows {
            let (cid, objective, progress, note, author, date, recorded_at) = row?;
            let unreadable = |what: &str| StoreError::Unreadable {
                plan: id.0,
                message: format!("check-in {cid} has {what}"),
            };
            checkins.push(StoredCheckIn {
                id: cid,
                checkin: CheckIn {
                    objective,
                    progress: Progress::try_from(progress)
                        .map_err(|_| unreadable("a progress outside 0–100"))?,
                    note,
                    by: Author::parse(&author).ok_or_else(|| unreadable("an unknown author"))?,
                    date: date
                        .parse::<Date>()
                        .map_err(|_| unreadable("an unreadable date"))?,
                },
                recorded_at,
            });
        }
        Ok(StoredPlan {
            id,
            created_at,
            profile,
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
        let tx = self.begin_write()?;
        let document: Option<String> = tx
            .query_row("SELECT document FROM plans WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()?;
        let Some(document) = document else {
            drop(tx);
            return Err(self.unknown_plan(id));
        };
        let count = objective_count(&document).map_err(|message| StoreError::Unreadable {
            plan: id.0,
            message,
        })?;
        if checkin.objective == 0 || checkin.objective as usize > count {
            return Err(StoreError::UnknownObjective {
                plan: id,
                objective: checkin.objective,
                count,
            });
        }
        tx.execute(
            "INSERT INTO checkins (plan_id, objective, progress, note, author, date, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                id.0,
                checkin.objective,
                checkin.progress.get(),
                checkin.note,
                checkin.by.name(),
                checkin.date.to_string(),
                recorded_at.to_string(),
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

/// The number of objectives in a stored plan document, read without
/// decoding the whole plan.
fn objective_count(document: &str) -> Result<usize, String> {
    #[derive(serde::Deserialize)]
    struct Objectives {
        objectives: Vec<serde::de::IgnoredAny>,
    }
    serde_json::from_str::<Objectives>(document)
        .map(|o| o.objectives.len())
        .map_err(|e| e.to_string())
}

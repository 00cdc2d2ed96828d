//! Where a server keeps its plans: an SQLite file (the default) or a
//! PostgreSQL database (`--database-url`), behind one [`Database`] handle
//! that hands out [`Store`]s.
//!
//! A PostgreSQL database is connected to and migrated once, when the
//! handle is made; each [`Database::open`] then takes an idle connection
//! from a small pool (or connects) and gives it back when the store is
//! dropped. The client is the synchronous `postgres` crate: a store is
//! used from blocking threads, never from async tasks, as SQLite's is.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::sql::PgConn;
use crate::{Store, StoreError, migrations};

/// Idle connections a pool keeps for the next request.
const IDLE_LIMIT: usize = 16;

/// How long connecting may take before the server is reported unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// A plan database to open stores on: cheap to clone and share between
/// threads.
#[derive(Clone)]
pub struct Database(Kind);

#[derive(Clone)]
enum Kind {
    Sqlite(PathBuf),
    Postgres(Arc<Pool>),
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Database").field(&self.describe()).finish()
    }
}

impl Database {
    /// The SQLite file at `path` (opened, created and migrated on each
    /// [`Database::open`], as the CLI does).
    pub fn sqlite(path: impl Into<PathBuf>) -> Database {
        Database(Kind::Sqlite(path.into()))
    }

    /// The PostgreSQL database `url` names (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`,
    /// or libpq's `key=value` form): connected to and brought to the
    /// newest schema now, so a wrong address or password is reported at
    /// start-up, not at the first request.
    pub fn postgres(url: &str) -> Result<Database, StoreError> {
        let refuse = |reason: String| StoreError::DatabaseUrl {
            url: redacted(url),
            reason,
        };
        let is_url = url.starts_with("postgres://") || url.starts_with("postgresql://");
        if !is_url && !url.contains('=') {
            return Err(refuse("it does not start with postgres://".to_owned()));
        }
        let mut config = postgres::Config::from_str(url).map_err(|e| refuse(e.to_string()))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        config.application_name("switchback");
        let pool = Arc::new(Pool {
            label: label(&config),
            config,
            idle: Mutex::new(Vec::new()),
        });
        let mut first = pool.connect()?;
        migrations::upgrade_postgres(&mut first, &pool.label, crate::WRITE_LOCK)?;
        pool.give_back(first);
        Ok(Database(Kind::Postgres(pool)))
    }

    /// A database location as a person gives it: a `postgres://` address
    /// or, failing that, an SQLite file's path.
    pub fn from_location(location: &str) -> Result<Database, StoreError> {
        if location.starts_with("postgres://") || location.starts_with("postgresql://") {
            Database::postgres(location)
        } else {
            Ok(Database::sqlite(location))
        }
    }

    /// A store to read and write with.
    pub fn open(&self) -> Result<Store, StoreError> {
        match &self.0 {
            Kind::Sqlite(path) => Store::open(path),
            Kind::Postgres(pool) => Ok(Store::postgres(pool.take()?, &pool.label)),
        }
    }

    /// A store to read with: `None` while an SQLite database holds nothing
    /// (see [`Store::open_read_only`]); a PostgreSQL database, migrated
    /// when the handle was made, always opens.
    pub fn open_read_only(&self) -> Result<Option<Store>, StoreError> {
        match &self.0 {
            Kind::Sqlite(path) => Store::open_read_only(path),
            Kind::Postgres(_) => self.open().map(Some),
        }
    }

    /// The SQLite file, if this is one.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match &self.0 {
            Kind::Sqlite(path) => Some(path),
            Kind::Postgres(_) => None,
        }
    }

    /// The file, or the PostgreSQL server and database (never a password).
    pub fn describe(&self) -> String {
        match &self.0 {
            Kind::Sqlite(path) => path.display().to_string(),
            Kind::Postgres(pool) => pool.label.clone(),
        }
    }
}

/// PostgreSQL connections kept for reuse.
struct Pool {
    config: postgres::Config,
    label: String,
    idle: Mutex<Vec<PgConn>>,
}

impl Pool {
    fn connect(&self) -> Result<PgConn, StoreError> {
        Ok(PgConn::new(self.config.connect(postgres::NoTls)?))
    }

    fn take(self: &Arc<Pool>) -> Result<Pooled, StoreError> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let conn = match idle {
            Some(conn) if !conn.client.is_closed() => conn,
            _ => self.connect()?,
        };
        Ok(Pooled {
            conn: Some(conn),
            pool: Arc::clone(self),
        })
    }

    fn give_back(&self, conn: PgConn) {
        if conn.client.is_closed() {
            return;
        }
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < IDLE_LIMIT
        {
            idle.push(conn);
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        // Closing a client blocks on its own runtime, which may not happen
        // inside an async task (a server shutting down): close them on a
        // thread of their own.
        let idle = std::mem::take(self.idle.get_mut().unwrap_or_else(|e| e.into_inner()));
        if !idle.is_empty() {
            let _ = std::thread::spawn(move || drop(idle)).join();
        }
    }
}

/// A connection borrowed from a pool, given back when dropped.
pub(crate) struct Pooled {
    /// Always `Some` until dropped.
    conn: Option<PgConn>,
    pool: Arc<Pool>,
}

impl Pooled {
    /// The connection.
    pub(crate) fn conn(&mut self) -> &mut PgConn {
        self.conn
            .as_mut()
            .expect("a pooled connection is held until it is dropped")
    }
}

impl std::ops::Deref for Pooled {
    type Target = PgConn;
    fn deref(&self) -> &PgConn {
        self.conn
            .as_ref()
            .expect("a pooled connection is held until it is dropped")
    }
}

impl std::ops::DerefMut for Pooled {
    fn deref_mut(&mut self) -> &mut PgConn {
        self.conn()
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            self.pool.give_back(conn);
        }
    }
}

/// `postgres://user@host:port/database`, as logs and messages may show it.
fn label(config: &postgres::Config) -> String {
    let host = config
        .get_hosts()
        .first()
        .map(|h| match h {
            postgres::config::Host::Tcp(name) => name.clone(),
            postgres::config::Host::Unix(path) => path.display().to_string(),
        })
        .unwrap_or_else(|| "localhost".to_owned());
    let port = config.get_ports().first().copied().unwrap_or(5432);
    format!(
        "postgres://{}@{host}:{port}/{}",
        config.get_user().unwrap_or(""),
        config.get_dbname().unwrap_or("")
    )
}

/// The address with any password replaced by `***`.
fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url
            .split_whitespace()
            .map(|kv| match kv.split_once('=') {
                Some(("password", _)) => "password=***".to_owned(),
                _ => kv.to_owned(),
            })
            .collect::<Vec<_>>()
            .join(" ");
    };
    match rest.split_once('@') {
        Some((user_info, host)) if user_info.contains(':') => {
            let user = user_info.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}")
        }
        _ => url.to_owned(),
    }
}

/// What PostgreSQL said, in the store's words.
pub(crate) fn words(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return format!("the server refused: {}", db.message());
    }
    if e.is_closed() {
        return "the connection to the PostgreSQL server was closed; try again".to_owned();
    }
    format!("cannot reach the PostgreSQL server ({e}); is it running, and is the address right?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redacted("postgres://ann:s3cret@db.example:5433/plans"),
            "postgres://ann:***@db.example:5433/plans"
        );
        assert_eq!(
            redacted("host=db user=ann password=s3cret dbname=plans"),
            "host=db user=ann password=*** dbname=plans"
        );
        assert_eq!(
            redacted("postgres://ann@db/plans"),
            "postgres://ann@db/plans"
        );
        let e = Database::postgres("mysql://ann:s3cret@db/plans").unwrap_err();
        let text = e.to_string();
        assert!(text.starts_with("database-url: "), "{text}");
        assert!(!text.contains("s3cret"), "{text}");
    }

    #[test]
    fn a_label_names_server_and_database_without_the_password() {
        let config = postgres::Config::from_str("postgres://ann:s3cret@db.example:5433/plans")
            .expect("a valid address");
        assert_eq!(label(&config), "postgres://ann@db.example:5433/plans");
    }
}

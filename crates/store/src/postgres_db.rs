//! Where a server keeps its plans: an SQLite file (the default) or a
//! PostgreSQL database (`--database-url`), behind one [`Database`] handle
//! that hands out [`Store`]s.
//!
//! A PostgreSQL database is connected to and migrated once, when the
//! handle is made; each [`Database::open`] then takes an idle connection
//! from a pool (or connects, up to [`MAX_CONNECTIONS`], else waits for
//! one to come back) and gives it back when the store is dropped. The client is the synchronous `postgres` crate: a store is
//! used from blocking threads, never from async tasks, as SQLite's is.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::sql::PgConn;
use crate::{Store, StoreError, migrations};

/// Connections one server opens at most: requests beyond them wait their
/// turn rather than exhaust the PostgreSQL server's own limit (100 by
/// default, shared with everything else on it).
pub const MAX_CONNECTIONS: usize = 16;

/// How long a request waits for a connection before giving up.
const WAIT_FOR_CONNECTION: Duration = Duration::from_secs(30);

/// A connection idle longer than this is checked before it is lent: the
/// server may have restarted, or closed it, in the meantime.
const CHECK_AFTER_IDLE: Duration = Duration::from_secs(30);

/// What every connection asks of the server: a writer waits for the
/// writers' lock at most as long as an SQLite writer waits (then the
/// request fails with "busy, try again"), and a transaction left open by
/// a client that died is ended rather than holding that lock for good.
const SESSION_OPTIONS: &str = "-c lock_timeout=30s -c idle_in_transaction_session_timeout=60s";

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
        // The address is never echoed: it may hold a password anywhere.
        let refuse = |reason: String| StoreError::DatabaseUrl { reason };
        let is_url = url.starts_with("postgres://") || url.starts_with("postgresql://");
        if !is_url && !url.contains('=') {
            return Err(refuse("it does not start with postgres://".to_owned()));
        }
        let mut config = postgres::Config::from_str(url).map_err(|e| refuse(e.to_string()))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        config.application_name("switchback");
        let options = match config.get_options() {
            Some(given) => format!("{given} {SESSION_OPTIONS}"),
            None => SESSION_OPTIONS.to_owned(),
        };
        config.options(&options);
        let pool = Arc::new(Pool {
            label: label(&config),
            config,
            state: Mutex::new(PoolState::default()),
            returned: Condvar::new(),
        });
        let mut first = pool.take()?;
        migrations::upgrade_postgres(first.conn(), &pool.label, crate::WRITE_LOCK)?;
        drop(first);
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
    state: Mutex<PoolState>,
    /// Signalled when a connection is given back or closed.
    returned: Condvar,
}

#[derive(Default)]
struct PoolState {
    idle: Vec<PgConn>,
    /// Connections open, idle or lent out.
    open: usize,
}

impl Pool {
    fn state(&self) -> MutexGuard<'_, PoolState> {
        // A panic while holding the lock leaves the counts whole.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// An idle connection, a new one while fewer than the maximum are
    /// open, or the next one given back.
    fn take(self: &Arc<Pool>) -> Result<Pooled, StoreError> {
        let deadline = Instant::now() + WAIT_FOR_CONNECTION;
        let mut state = self.state();
        loop {
            while let Some(mut conn) = state.idle.pop() {
                let stale = conn.idle_since.elapsed() > CHECK_AFTER_IDLE;
                if conn.client.is_closed()
                    || (stale && conn.client.is_valid(Duration::from_secs(5)).is_err())
                {
                    state.open -= 1;
                    continue;
                }
                return Ok(self.lend(conn));
            }
            if state.open < MAX_CONNECTIONS {
                state.open += 1;
                drop(state);
                return match self.config.connect(postgres::NoTls) {
                    Ok(client) => Ok(self.lend(PgConn::new(client))),
                    Err(e) => {
                        self.state().open -= 1;
                        self.returned.notify_one();
                        Err(e.into())
                    }
                };
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(StoreError::PoolExhausted {
                    connections: MAX_CONNECTIONS,
                    waited: WAIT_FOR_CONNECTION,
                });
            }
            state = self
                .returned
                .wait_timeout(state, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }

    fn lend(self: &Arc<Pool>, conn: PgConn) -> Pooled {
        Pooled {
            conn: Some(conn),
            pool: Arc::clone(self),
        }
    }

    /// Takes a connection back: kept for the next request, or counted out
    /// when it broke.
    fn give_back(&self, mut conn: PgConn) {
        let mut state = self.state();
        if conn.client.is_closed() {
            state.open -= 1;
        } else {
            conn.idle_since = Instant::now();
            state.idle.push(conn);
        }
        drop(state);
        self.returned.notify_one();
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        // Closing a client blocks on its own runtime, which may not happen
        // inside an async task (a server shutting down): close them on a
        // thread of their own.
        let state = self.state.get_mut().unwrap_or_else(|e| e.into_inner());
        let idle = std::mem::take(&mut state.idle);
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

/// What PostgreSQL said, in the store's words.
pub(crate) fn words(e: &postgres::Error) -> String {
    use postgres::error::SqlState;
    if e.code() == Some(&SqlState::LOCK_NOT_AVAILABLE) {
        return "another writer kept the database busy for more than 30 seconds; try again"
            .to_owned();
    }
    if let Some(db) = e.as_db_error() {
        return format!("the server refused: {}", db.message());
    }
    if e.is_closed() {
        return "the connection to the PostgreSQL server was closed; try again".to_owned();
    }
    let unreachable = std::error::Error::source(e).is_some_and(|s| s.is::<std::io::Error>());
    if unreachable {
        format!(
            "cannot reach the PostgreSQL server ({e}); is it running, and is the address right?"
        )
    } else {
        e.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        for url in [
            "mysql://ann:s3cret@db/plans",
            "postgres://ann@db/plans?password=s3cret&sslmode=bogus",
            "host=db password='s3 cret' sslmode=bogus",
            "postgres://ann:s3@cret@db/plans?sslmode=bogus",
        ] {
            let text = Database::postgres(url).unwrap_err().to_string();
            assert!(text.starts_with("database-url: "), "{text}");
            assert!(!text.contains("s3"), "{url}: {text}");
        }
    }

    #[test]
    fn a_label_names_server_and_database_without_the_password() {
        let config = postgres::Config::from_str("postgres://ann:s3cret@db.example:5433/plans")
            .expect("a valid address");
        assert_eq!(label(&config), "postgres://ann@db.example:5433/plans");
    }
}

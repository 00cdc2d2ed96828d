//! For tests only (feature `testing`): a fresh database of either kind
//! per test, and a look at what one holds. The PostgreSQL cluster is the
//! one `.ci/with-postgres` starts and names in `SWITCHBACK_TEST_POSTGRES`.

use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::sql::Db;
use crate::{Database, StoreError};

/// Each named test function (taking a [`Backend`]), run as two tests:
/// `NAME::sqlite` and `NAME::postgres`.
#[macro_export]
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[test]
            fn sqlite() {
                super::$name($crate::testing::Backend::Sqlite)
            }
            #[test]
            fn postgres() {
                super::$name($crate::testing::Backend::Postgres)
            }
        }
    )*};
}

/// [`on_both!`] for async test functions, each run on a Tokio runtime
/// (the calling crate's `tokio`, with its `macros` feature).
#[macro_export]
macro_rules! on_both_async {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name($crate::testing::Backend::Sqlite).await
            }
            #[tokio::test]
            async fn postgres() {
                super::$name($crate::testing::Backend::Postgres).await
            }
        }
    )*};
}

/// The two databases the store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// An SQLite file.
    Sqlite,
    /// A database on the test cluster.
    Postgres,
}

/// A new, empty database of `backend` for the test `name`: an SQLite file
/// in `dir` (emptied first), or a new database on the PostgreSQL cluster.
///
/// # Panics
/// Without `SWITCHBACK_TEST_POSTGRES` (run the tests through
/// `.ci/with-postgres`), or when the cluster refuses.
pub fn scratch(backend: Backend, name: &str, dir: &Path) -> Database {
    match backend {
        Backend::Sqlite => {
            let dir = dir.join(name);
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).expect("a scratch directory");
            Database::sqlite(dir.join("plans.db"))
        }
        Backend::Postgres => Database::postgres(&scratch_postgres_url(name))
            .expect("the test cluster takes Switchback's schema"),
    }
}

/// The address of a new, empty database on the test cluster.
pub fn scratch_postgres_url(name: &str) -> String {
    scratch_postgres_url_where(name, &[])
}

/// [`scratch_postgres_url`], the database's own defaults set first
/// (`ALTER DATABASE … SET` each of `settings`, e.g.
/// `default_transaction_isolation = 'repeatable read'`): a site's
/// configuration the store must not depend on.
pub fn scratch_postgres_url_where(name: &str, settings: &[&str]) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let base = std::env::var("SWITCHBACK_TEST_POSTGRES").expect(
        "SWITCHBACK_TEST_POSTGRES names the PostgreSQL cluster the tests use: run them \
         through `.ci/with-postgres cargo test --workspace`, which starts one",
    );
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .take(30)
        .collect();
    let db = format!(
        "t{}_{}_{safe}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = postgres::Client::connect(&base, postgres::NoTls)
        .expect("the test cluster at SWITCHBACK_TEST_POSTGRES answers");
    admin
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .expect("a test database");
    for setting in settings {
        admin
            .batch_execute(&format!("ALTER DATABASE {db} SET {setting}"))
            .expect("a setting PostgreSQL knows");
    }
    let (server, _) = base
        .rsplit_once('/')
        .expect("an address ending in /DATABASE");
    format!("{server}/{db}")
}

/// How many rows `table` holds (a name from the schema, never input).
pub fn count_rows(db: &Database, table: &str) -> Result<i64, StoreError> {
    let store = db.open()?;
    let count = store
        .read()
        .query_one(&format!("SELECT count(*) FROM {table}"), &[])?
        .int(0)?;
    Ok(count)
}

/// Every value `table` holds, as text (bytes as lower-case hex): what a
/// person reading the database would see.
pub fn table_text(db: &Database, table: &str) -> Result<String, StoreError> {
    use crate::sql::Value;
    let store = db.open()?;
    let rows = store.read().query(&format!("SELECT * FROM {table}"), &[])?;
    let mut out = String::new();
    for row in &rows {
        for v in row.values() {
            match v {
                Value::Null => {}
                Value::Int(i) => out.push_str(&i.to_string()),
                Value::Real(r) => out.push_str(&r.to_string()),
                Value::Text(t) => out.push_str(t),
                Value::Bytes(b) => b.iter().for_each(|x| out.push_str(&format!("{x:02x}"))),
            }
            out.push(' ');
        }
        out.push('\n');
    }
    Ok(out)
}

/// How many connections Switchback holds open to the PostgreSQL database
/// `store` is connected to (as the server itself counts them).
pub fn postgres_connections(store: &crate::Store) -> Result<i64, StoreError> {
    let count = store
        .read()
        .query_one(
            "SELECT count(*) FROM pg_stat_activity
             WHERE datname = current_database() AND application_name = 'switchback'",
            &[],
        )?
        .int(0)?;
    Ok(count)
}

/// Every value of every table of a PostgreSQL database's public schema,
/// as [`table_text`] shows them.
pub fn all_tables_text(db: &Database) -> Result<String, StoreError> {
    let tables = db.open()?.read().query(
        "SELECT table_name::text FROM information_schema.tables
         WHERE table_schema = 'public' ORDER BY 1",
        &[],
    )?;
    let mut out = String::new();
    for t in &tables {
        out.push_str(&table_text(db, &t.text(0)?)?);
    }
    Ok(out)
}

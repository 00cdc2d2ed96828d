//! The schema, as numbered migrations applied in order — one list per
//! database, the same steps in each one's dialect.
//!
//! An SQLite database's `user_version`, and a PostgreSQL database's
//! `switchback_schema` row, is the number of migrations applied. A
//! migration is only ever appended, never edited: a database made by an
//! older Switchback upgrades by running the ones it has not seen.
//! Upgrading runs in one transaction that holds the write lock (SQLite's
//! `IMMEDIATE`, PostgreSQL's advisory lock) and re-reads the version
//! inside it, so two processes opening a new database at once migrate it
//! once.

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;
use crate::sql::{Db, PgConn, args};

/// The migrations, oldest first; the schema version is their count.
pub const MIGRATIONS: [&str; 5] = [
    include_str!("../migrations/sqlite/0001_plans.sql"),
    include_str!("../migrations/sqlite/0002_authors_and_learning.sql"),
    include_str!("../migrations/sqlite/0003_profile_documents.sql"),
    include_str!("../migrations/sqlite/0004_accounts.sql"),
    include_str!("../migrations/sqlite/0005_disabled_accounts.sql"),
];

/// The same migrations for PostgreSQL (the array's type keeps the two
/// lists the same length).
pub const POSTGRES_MIGRATIONS: [&str; 5] = [
    include_str!("../migrations/postgres/0001_plans.sql"),
    include_str!("../migrations/postgres/0002_authors_and_learning.sql"),
    include_str!("../migrations/postgres/0003_profile_documents.sql"),
    include_str!("../migrations/postgres/0004_accounts.sql"),
    include_str!("../migrations/postgres/0005_disabled_accounts.sql"),
];

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// The schema version of an open database.
pub fn version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the database up to [`LATEST`].
pub fn upgrade(conn: &mut Connection, path: &str) -> Result<(), StoreError> {
    let found = version(conn)?;
    if found == LATEST {
        return Ok(());
    }
    if found > LATEST {
        return Err(StoreError::TooNew {
            path: path.to_owned(),
            found,
            known: LATEST,
        });
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Another process may have migrated while this one waited for the lock.
    let found: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as u32 + 1)?;
    }
    // Marked in the same transaction: another process opening the file
    // never sees Switchback's tables without Switchback's mark.
    tx.pragma_update(None, "application_id", crate::APPLICATION_ID)?;
    tx.commit()?;
    Ok(())
}

/// The schema version of a PostgreSQL database (0 for one Switchback has
/// not used yet).
pub(crate) fn postgres_version(db: &mut PgConn) -> Result<u32, StoreError> {
    let exists = db
        .query_one("SELECT to_regclass('switchback_schema') IS NOT NULL", &[])?
        .int(0)?;
    if exists == 0 {
        return Ok(0);
    }
    let version = db
        .query_one("SELECT max(version) FROM switchback_schema", &[])?
        .opt_int(0)?
        .unwrap_or(0);
    Ok(u32::try_from(version).unwrap_or(u32::MAX))
}

/// Brings a PostgreSQL database up to [`LATEST`], holding the writers'
/// lock while it does.
pub(crate) fn upgrade_postgres(db: &mut PgConn, label: &str, lock: i64) -> Result<(), StoreError> {
    // An up-to-date database is only read: a role that may read and
    // write but not create tables serves it.
    if postgres_version(db)? == LATEST {
        return Ok(());
    }
    let mut tx = db.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", args![lock])?;
    tx.tx
        .batch_execute("CREATE TABLE IF NOT EXISTS switchback_schema (version BIGINT NOT NULL)")?;
    let found = tx
        .query_one("SELECT max(version) FROM switchback_schema", &[])?
        .opt_int(0)?
        .unwrap_or(0);
    let found = u32::try_from(found).unwrap_or(u32::MAX);
    if found > LATEST {
        return Err(StoreError::TooNew {
            path: label.to_owned(),
            found,
            known: LATEST,
        });
    }
    for sql in POSTGRES_MIGRATIONS.iter().skip(found as usize) {
        tx.tx.batch_execute(sql)?;
    }
    if found < LATEST {
        tx.execute("DELETE FROM switchback_schema", &[])?;
        tx.execute(
            "INSERT INTO switchback_schema (version) VALUES ($1)",
            args![LATEST],
        )?;
    }
    tx.tx.commit()?;
    Ok(())
}

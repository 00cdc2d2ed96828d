//! The schema, as numbered migrations applied in order.
//!
//! The database's `user_version` is the number of migrations applied. A
//! migration is only ever appended, never edited: a database made by an
//! older Switchback upgrades by running the ones it has not seen.
//! Upgrading runs in one `IMMEDIATE` transaction that re-reads the version
//! inside it, so two processes opening a new database at once migrate it
//! once.

use rusqlite::{Connection, TransactionBehavior};

use crate::StoreError;

/// The migrations, oldest first; the schema version is their count.
pub const MIGRATIONS: [&str; 4] = [
    include_str!("../migrations/0001_plans.sql"),
    include_str!("../migrations/0002_authors_and_learning.sql"),
    include_str!("../migrations/0003_profile_documents.sql"),
    include_str!("../migrations/0004_accounts.sql"),
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
    tx.commit()?;
    Ok(())
}

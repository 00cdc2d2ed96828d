//! One way to run the store's SQL on either database: SQLite (the embedded
//! default) or PostgreSQL (a shared deployment's). Statements are written
//! once, in the subset both understand, with PostgreSQL's `$1` parameters
//! (rewritten to SQLite's `?1`); values cross as [`Value`] and rows come
//! back as [`Row`]s of them, so no store method knows which database it
//! talks to. The few places the dialects differ ask [`Db::dialect`].

use std::collections::HashMap;

use postgres::types::{IsNull, ToSql, Type};

use crate::StoreError;

/// Which database a statement runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

/// A value bound to a statement or read from a row. Integers are 64-bit
/// on both sides (PostgreSQL's columns are `BIGINT`), booleans are 0/1.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Bytes(Vec<u8>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(v)
    }
}

impl From<u32> for Value {
    fn from(v: u32) -> Value {
        Value::Int(i64::from(v))
    }
}

impl From<u8> for Value {
    fn from(v: u8) -> Value {
        Value::Int(i64::from(v))
    }
}

impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Int(i64::from(v))
    }
}

impl From<f32> for Value {
    fn from(v: f32) -> Value {
        Value::Real(f64::from(v))
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(v.to_owned())
    }
}

impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(v)
    }
}

impl From<&String> for Value {
    fn from(v: &String) -> Value {
        Value::Text(v.clone())
    }
}

impl From<&[u8]> for Value {
    fn from(v: &[u8]) -> Value {
        Value::Bytes(v.to_vec())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

/// The arguments of a statement, each turned into a [`Value`].
macro_rules! args {
    ($($v:expr),* $(,)?) => {
        &[$($crate::sql::Value::from($v)),*][..]
    };
}
pub(crate) use args;

/// One row, its columns in the statement's order.
#[derive(Debug)]
pub(crate) struct Row(Vec<Value>);

impl Row {
    /// Every column.
    #[cfg(feature = "testing")]
    pub(crate) fn values(&self) -> &[Value] {
        &self.0
    }

    fn column(&self, i: usize) -> &Value {
        self.0.get(i).unwrap_or(&Value::Null)
    }

    fn mismatch(i: usize, expected: &'static str) -> StoreError {
        StoreError::Column { index: i, expected }
    }

    /// An integer column that may be NULL.
    pub(crate) fn opt_int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        match self.column(i) {
            Value::Null => Ok(None),
            Value::Int(v) => Ok(Some(*v)),
            _ => Err(Row::mismatch(i, "an integer")),
        }
    }

    /// An integer column.
    pub(crate) fn int(&self, i: usize) -> Result<i64, StoreError> {
        self.opt_int(i)?.ok_or(Row::mismatch(i, "an integer"))
    }

    /// A text column that may be NULL.
    pub(crate) fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError> {
        match self.column(i) {
            Value::Null => Ok(None),
            Value::Text(v) => Ok(Some(v.clone())),
            _ => Err(Row::mismatch(i, "text")),
        }
    }

    /// A text column.
    pub(crate) fn text(&self, i: usize) -> Result<String, StoreError> {
        self.opt_text(i)?.ok_or(Row::mismatch(i, "text"))
    }

    /// A real-number column that may be NULL.
    pub(crate) fn opt_real(&self, i: usize) -> Result<Option<f64>, StoreError> {
        match self.column(i) {
            Value::Null => Ok(None),
            Value::Real(v) => Ok(Some(*v)),
            // SQLite keeps a whole-number REAL as it was bound.
            Value::Int(v) => Ok(Some(*v as f64)),
            _ => Err(Row::mismatch(i, "a number")),
        }
    }
}

/// Runs statements: a connection reading, or a write transaction.
pub(crate) trait Db {
    /// The database's dialect, for the few statements that differ.
    fn dialect(&self) -> Dialect;

    /// Every row the statement returns.
    fn query(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>, StoreError>;

    /// Runs a statement; the number of rows it changed.
    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64, StoreError>;

    /// The first row, if any.
    fn query_opt(&mut self, sql: &str, args: &[Value]) -> Result<Option<Row>, StoreError> {
        Ok(self.query(sql, args)?.into_iter().next())
    }

    /// The one row a statement always returns (a count, `RETURNING`).
    fn query_one(&mut self, sql: &str, args: &[Value]) -> Result<Row, StoreError> {
        self.query_opt(sql, args)?.ok_or(StoreError::Column {
            index: 0,
            expected: "a row",
        })
    }
}

// ---- SQLite ---------------------------------------------------------------

/// `$1` → `?1`: the statements are written with PostgreSQL's parameters;
/// SQLite numbers its own the same way with `?`. (No statement holds a `$`
/// in a literal.)
fn sqlite_text(sql: &str) -> String {
    sql.replace('$', "?")
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(v) => ValueRef::Integer(*v),
            Value::Real(v) => ValueRef::Real(*v),
            Value::Text(v) => ValueRef::Text(v.as_bytes()),
            Value::Bytes(v) => ValueRef::Blob(v),
        }))
    }
}

fn sqlite_value(v: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Int(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Bytes(b.to_vec()),
    }
}

impl Db for rusqlite::Connection {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn query(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>, StoreError> {
        sqlite_query(self, sql, args)
    }

    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64, StoreError> {
        sqlite_execute(self, sql, args)
    }
}

pub(crate) fn sqlite_query(
    conn: &rusqlite::Connection,
    sql: &str,
    args: &[Value],
) -> Result<Vec<Row>, StoreError> {
    let mut stmt = conn.prepare_cached(&sqlite_text(sql))?;
    let width = stmt.column_count();
    let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let values = (0..width)
            .map(|i| row.get_ref(i).map(sqlite_value))
            .collect::<Result<_, _>>()?;
        out.push(Row(values));
    }
    Ok(out)
}

pub(crate) fn sqlite_execute(
    conn: &rusqlite::Connection,
    sql: &str,
    args: &[Value],
) -> Result<u64, StoreError> {
    let mut stmt = conn.prepare_cached(&sqlite_text(sql))?;
    Ok(stmt.execute(rusqlite::params_from_iter(args))? as u64)
}

// ---- PostgreSQL -----------------------------------------------------------

impl ToSql for Value {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut bytes::BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match (self, ty.clone()) {
            (Value::Null, _) => Ok(IsNull::Yes),
            (Value::Int(v), Type::INT8) => v.to_sql(ty, out),
            (Value::Int(v), Type::INT4) => i32::try_from(*v)?.to_sql(ty, out),
            (Value::Int(v), Type::INT2) => i16::try_from(*v)?.to_sql(ty, out),
            (Value::Real(v), Type::FLOAT8) => v.to_sql(ty, out),
            (Value::Real(v), Type::FLOAT4) => (*v as f32).to_sql(ty, out),
            (Value::Text(v), _) if v.contains('\0') => {
                Err("PostgreSQL's text cannot hold a NUL character (U+0000)".into())
            }
            (Value::Text(v), Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME) => {
                v.as_str().to_sql(ty, out)
            }
            (Value::Bytes(v), Type::BYTEA) => v.as_slice().to_sql(ty, out),
            // Never written as the wrong type's bytes: refused, naming both.
            (value, _) => {
                Err(format!("a {} cannot be bound to a {ty} parameter", value.kind()).into())
            }
        }
    }

    fn accepts(_: &Type) -> bool {
        // Checked per value in `to_sql`, which refuses a mismatch.
        true
    }

    postgres::types::to_sql_checked!();
}

impl Value {
    fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Int(_) => "integer",
            Value::Real(_) => "real number",
            Value::Text(_) => "text",
            Value::Bytes(_) => "byte string",
        }
    }
}

fn pg_value(row: &postgres::Row, i: usize) -> Result<Value, postgres::Error> {
    let ty = row.columns()[i].type_().clone();
    let int = |v: Option<i64>| v.map_or(Value::Null, Value::Int);
    Ok(match ty {
        Type::INT8 => int(row.try_get::<_, Option<i64>>(i)?),
        Type::INT4 => int(row.try_get::<_, Option<i32>>(i)?.map(i64::from)),
        Type::INT2 => int(row.try_get::<_, Option<i16>>(i)?.map(i64::from)),
        Type::BOOL => int(row.try_get::<_, Option<bool>>(i)?.map(i64::from)),
        Type::FLOAT8 => row
            .try_get::<_, Option<f64>>(i)?
            .map_or(Value::Null, Value::Real),
        Type::FLOAT4 => row
            .try_get::<_, Option<f32>>(i)?
            .map_or(Value::Null, |v| Value::Real(f64::from(v))),
        Type::BYTEA => row
            .try_get::<_, Option<Vec<u8>>>(i)?
            .map_or(Value::Null, Value::Bytes),
        _ => row
            .try_get::<_, Option<String>>(i)?
            .map_or(Value::Null, Value::Text),
    })
}

fn pg_rows(rows: Vec<postgres::Row>) -> Result<Vec<Row>, StoreError> {
    rows.iter()
        .map(|r| {
            (0..r.len())
                .map(|i| pg_value(r, i))
                .collect::<Result<Vec<_>, _>>()
                .map(Row)
        })
        .collect::<Result<_, _>>()
        .map_err(StoreError::from)
}

fn pg_args(args: &[Value]) -> Vec<&(dyn ToSql + Sync)> {
    args.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

/// A PostgreSQL connection with the statements it has prepared: each
/// statement is parsed once per connection, not once per use.
pub(crate) struct PgConn {
    pub(crate) client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
    /// When it was last given back to its pool.
    pub(crate) idle_since: std::time::Instant,
}

impl PgConn {
    pub(crate) fn new(client: postgres::Client) -> PgConn {
        PgConn {
            client,
            statements: HashMap::new(),
            idle_since: std::time::Instant::now(),
        }
    }

    /// A write transaction over this connection, at READ COMMITTED
    /// whatever the server's default: each statement then sees what the
    /// writer before it committed (the advisory lock orders writers; a
    /// snapshot taken before the lock was granted would not see them).
    pub(crate) fn transaction(&mut self) -> Result<PgTx<'_>, StoreError> {
        let tx = self
            .client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::ReadCommitted)
            .start()?;
        Ok(PgTx {
            tx,
            statements: &mut self.statements,
        })
    }
}

/// A PostgreSQL transaction and its connection's prepared statements.
pub(crate) struct PgTx<'a> {
    pub(crate) tx: postgres::Transaction<'a>,
    statements: &'a mut HashMap<String, postgres::Statement>,
}

/// The prepared statement for `sql`, preparing it on first use.
fn prepared(
    statements: &mut HashMap<String, postgres::Statement>,
    client: &mut impl postgres::GenericClient,
    sql: &str,
) -> Result<postgres::Statement, StoreError> {
    if let Some(s) = statements.get(sql) {
        return Ok(s.clone());
    }
    let s = client.prepare(sql)?;
    statements.insert(sql.to_owned(), s.clone());
    Ok(s)
}

/// Forgets every prepared statement after an error that says the server
/// no longer has them, or planned them for a schema that has changed
/// (another Switchback upgraded it): the next use prepares them again.
fn forget_stale<T>(
    statements: &mut HashMap<String, postgres::Statement>,
    result: Result<T, postgres::Error>,
) -> Result<T, StoreError> {
    use postgres::error::SqlState;
    if let Err(e) = &result
        && let Some(code) = e.code()
        && (*code == SqlState::INVALID_SQL_STATEMENT_NAME
            || *code == SqlState::FEATURE_NOT_SUPPORTED)
    {
        statements.clear();
    }
    Ok(result?)
}

impl Db for PgConn {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn query(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>, StoreError> {
        let stmt = prepared(&mut self.statements, &mut self.client, sql)?;
        let rows = self.client.query(&stmt, &pg_args(args));
        pg_rows(forget_stale(&mut self.statements, rows)?)
    }

    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64, StoreError> {
        let stmt = prepared(&mut self.statements, &mut self.client, sql)?;
        let n = self.client.execute(&stmt, &pg_args(args));
        forget_stale(&mut self.statements, n)
    }
}

impl Db for PgTx<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn query(&mut self, sql: &str, args: &[Value]) -> Result<Vec<Row>, StoreError> {
        let stmt = prepared(self.statements, &mut self.tx, sql)?;
        let rows = self.tx.query(&stmt, &pg_args(args));
        pg_rows(forget_stale(self.statements, rows)?)
    }

    fn execute(&mut self, sql: &str, args: &[Value]) -> Result<u64, StoreError> {
        let stmt = prepared(self.statements, &mut self.tx, sql)?;
        let n = self.tx.execute(&stmt, &pg_args(args));
        forget_stale(self.statements, n)
    }
}

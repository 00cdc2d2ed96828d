//! A real server on a free loopback port with a fresh database — an
//! SQLite file, or a PostgreSQL database on the cluster `.ci/with-postgres`
//! starts — as a user's browser or script would reach it
//! (zero-to-production's `spawn_app`).

#![allow(dead_code, clippy::unwrap_used)] // Shared by several test binaries.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use switchback_app::Engine;
use switchback_server::AppState;
use switchback_store::Database;
pub use switchback_store::testing::Backend;

pub const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");

/// The engine, built once for every test in a binary.
pub fn engine() -> Arc<Engine> {
    static E: OnceLock<Arc<Engine>> = OnceLock::new();
    E.get_or_init(|| Arc::new(Engine::embedded().unwrap()))
        .clone()
}

pub struct TestApp {
    pub addr: SocketAddr,
    /// The SQLite file (on PostgreSQL, unused but for its directory).
    pub db: PathBuf,
    /// The database the server keeps its plans in.
    pub database: Database,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

/// Starts the server on port 0 with a fresh SQLite file named after the test.
pub async fn spawn_app(name: &str) -> TestApp {
    spawn_app_on(name, Backend::Sqlite).await
}

/// Starts the server on port 0 with a fresh database of `backend`.
pub async fn spawn_app_on(name: &str, backend: Backend) -> TestApp {
    spawn_app_deployed(name, backend, switchback_server::Deployment::default()).await
}

/// [`spawn_app_on`], deployed as `deployment` says (behind a proxy).
pub async fn spawn_app_deployed(
    name: &str,
    backend: Backend,
    deployment: switchback_server::Deployment,
) -> TestApp {
    let suffix = if backend == Backend::Postgres {
        "-pg"
    } else {
        ""
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("server-{name}{suffix}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("plans.db");
    let database = match backend {
        Backend::Sqlite => Database::sqlite(&db),
        // The PostgreSQL client blocks: never on an async task.
        Backend::Postgres => off_the_runtime(move || {
            let base = std::env::temp_dir();
            switchback_store::testing::scratch(Backend::Postgres, "server", &base)
        }),
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(engine(), database.clone()).deployed(deployment);
    tokio::spawn(switchback_server::serve(
        listener,
        state,
        std::future::pending(),
    ));
    TestApp { addr, db, database }
}

/// Runs blocking database work on a thread of its own (the PostgreSQL
/// client may not block an async task), waiting for it.
pub fn off_the_runtime<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::spawn(f).join().unwrap()
}

/// An example profile file as the JSON document the API takes.
pub fn example_json(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(format!("{EXAMPLES}/{name}.toml")).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    serde_json::to_value(value).unwrap()
}

/// Rows in a table of the test's database (0 when there is no database).
pub fn rows(app: &TestApp, table: &str) -> i64 {
    if app.database.sqlite_path().is_none() {
        let (db, table) = (app.database.clone(), table.to_owned());
        return off_the_runtime(move || {
            switchback_store::testing::count_rows(&db, &table).unwrap()
        });
    }
    if !app.db.exists() {
        return 0;
    }
    rusqlite::Connection::open(&app.db)
        .unwrap()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap_or(0)
}

/// The page at `path`, as this client gets it.
pub async fn page_html(c: &reqwest::Client, app: &TestApp, path: &str) -> String {
    c.get(app.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The CSRF token the page at `path` gives this client (and its cookie).
pub async fn page_token(c: &reqwest::Client, app: &TestApp, path: &str) -> String {
    let html = page_html(c, app, path).await;
    let after = html.split("name=\"csrf\" value=\"").nth(1).unwrap();
    after.split('"').next().unwrap().to_owned()
}

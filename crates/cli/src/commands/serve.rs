//! `switchback serve`: the web app and the JSON API on this machine.

use std::sync::Arc;

use anyhow::Context;
use switchback_app::Engine;
use switchback_server::AppState;

use switchback_store::Database;

use super::plan::server_database;
use crate::cli::{ServeArgs, UsageError};

/// Whether the plan database holds an account (then plans are shared by
/// role, and the server may face the network).
fn has_accounts(db: &Database) -> anyhow::Result<bool> {
    Ok(match db.open_read_only()? {
        Some(store) => store.user_count()? > 0,
        None => false,
    })
}

pub fn serve(engine: Engine, args: &ServeArgs) -> anyhow::Result<()> {
    // Connected before the runtime starts: the PostgreSQL client blocks.
    let db = server_database(&args.db)?;
    if let Some(origin) = &args.public_url
        && !origin.is_https()
        && !args.addr.ip().is_loopback()
    {
        return Err(UsageError(format!(
            "--public-url {}: plain http while listening on {} would send session cookies unprotected over the network; use an https address (a TLS proxy in front), or listen on 127.0.0.1",
            origin.url(""),
            args.addr
        ))
        .into());
    }
    let deployment = args.deployment();
    let beyond = if !args.addr.ip().is_loopback() {
        Some(format!("--addr {}", args.addr))
    } else if let Some(origin) = &args.public_url {
        Some(format!("--public-url {}", origin.url("")))
    } else {
        args.behind_proxy.then(|| "--behind-proxy".to_owned())
    };
    if let Some(flag) = beyond
        && !has_accounts(&db)?
    {
        let which = match db.sqlite_path() {
            Some(path) => format!("--db {}", path.display()),
            None => "--database-url URL".to_owned(),
        };
        return Err(UsageError(format!(
            "{flag}: serving beyond this machine needs accounts, so that each plan is read only by its person, their manager and their HR partner; make the first administrator with `switchback user add NAME --admin {which}`, or serve on 127.0.0.1 alone",
        ))
        .into());
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    // Built once, shared by every request.
    let engine = Arc::new(engine);
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr()?;
        if !addr.ip().is_loopback() {
            eprintln!(
                "warning: serving on {addr}, reachable from the network: put it behind TLS (session cookies are marked Secure, so browsers send them over https only)"
            );
        }
        let reached = match &args.public_url {
            Some(origin) => format!(", reached at {}", origin.url("/")),
            None => String::new(),
        };
        eprintln!(
            "Switchback is serving on http://{addr}/{reached} (plans in {}); Ctrl-C stops it.",
            db.describe()
        );
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        let state = AppState::new(engine, db).deployed(deployment);
        switchback_server::serve(listener, state, shutdown)
            .await
            .context("the server stopped")
    })
}

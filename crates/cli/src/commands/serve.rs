//! `switchback serve`: the web app and the JSON API on this machine.

use std::sync::Arc;

use anyhow::Context;
use switchback_app::Engine;
use switchback_server::AppState;

use super::plan::db_path;
use crate::cli::ServeArgs;

pub fn serve(engine: Engine, args: &ServeArgs) -> anyhow::Result<()> {
    let db = db_path(&args.db)?;
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
                "warning: serving on {addr}, reachable from the network: anyone who can reach it can read and change the plans in {}",
                db.display()
            );
        }
        eprintln!("Switchback is serving on http://{addr}/ (plans in {}); Ctrl-C stops it.", db.display());
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        switchback_server::serve(listener, AppState::new(engine, db), shutdown)
            .await
            .context("the server stopped")
    })
}

//! `switchback user add`: accounts on a shared plan server. The first
//! administrator is made here, on the machine that holds the database;
//! everyone else is invited from the web app.

use std::io::{BufRead, IsTerminal};

use super::plan::{now, server_database};
use crate::cli::{Format, UsageError, UserAddArgs, UserNameArgs};
use crate::output;
use serde::Serialize;
use switchback_app::accounts::{self, AccountRequest};

#[derive(Serialize)]
struct Added<'a> {
    id: i64,
    username: &'a str,
    admin: bool,
    database: String,
}

pub fn add(args: &UserAddArgs, format: Format) -> anyhow::Result<()> {
    accounts::check_username(&args.username)?;
    let password = read_password(&args.username)?;
    let db = server_database(&args.db)?;
    let mut store = db.open()?;
    let req = AccountRequest {
        username: &args.username,
        email: args.email.as_deref(),
        password: &password,
    };
    let id = accounts::add_user(&mut store, &req, args.admin, now())?;
    let added = Added {
        id: id.0,
        username: &args.username,
        admin: args.admin,
        database: db.describe(),
    };
    match format {
        Format::Json => output::json(&added),
        Format::Text => output::text(&format!(
            "Created {} {} (id {}) in {}\n",
            if args.admin {
                "administrator"
            } else {
                "account"
            },
            args.username,
            added.id,
            added.database
        )),
    }
}

#[derive(Serialize)]
struct Changed<'a> {
    username: &'a str,
    disabled_at: Option<String>,
    database: String,
}

/// `user disable` / `user enable`: on the machine that holds the
/// database, with the authority of its owner (no session, no administrator).
pub fn set_disabled(args: &UserNameArgs, disabled: bool, format: Format) -> anyhow::Result<()> {
    let db = server_database(&args.db)?;
    let mut store = db.open()?;
    let account = accounts::set_account_disabled_here(&mut store, &args.username, disabled, now())?;
    let changed = Changed {
        username: &account.user.username,
        disabled_at: account.disabled_at,
        database: db.describe(),
    };
    match format {
        Format::Json => output::json(&changed),
        Format::Text => output::text(&format!(
            "{} {} in {}\n",
            if disabled { "Disabled" } else { "Enabled" },
            changed.username,
            changed.database
        )),
    }
}

/// The password: asked twice on a terminal without echo, else the first
/// line of standard input (for scripts: `printf '%s\n' "$PW" | switchback user add …`).
fn read_password(username: &str) -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(format!("Password for {username}: "))?;
        let again = rpassword::prompt_password("Again: ")?;
        if first != again {
            return Err(UsageError("password: the two entries differ".into()).into());
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        return Err(UsageError(
            "password: none on standard input (give it on the first line, or run on a terminal to be asked)".into(),
        )
        .into());
    }
    Ok(password)
}

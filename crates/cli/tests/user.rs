//! `switchback user add`: the first administrator, made from the command
//! line on the real binary and a real SQLite file.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use rusqlite::Connection;

const PASSWORD: &str = "correct horse battery staple";

fn fresh_db(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("user-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("plans.db")
}

fn add(db: &Path, args: &[&str], stdin: &str) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_switchback"));
    command.env("SWITCHBACK_DB", db);
    add_with(command, args, stdin)
}

/// `user add ARGS` through `command` (its environment set), `stdin` typed in.
fn add_with(mut command: Command, args: &[&str], stdin: &str) -> Output {
    let mut child = command
        .args(["user", "add"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let written = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let output = child.wait_with_output().unwrap();
    // A command that refuses its arguments exits before reading the
    // password: the pipe is closed, and the output says why.
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        assert!(
            !output.status.success(),
            "stdin closed by a command that succeeded"
        );
    }
    output
}

#[test]
fn the_first_administrator_is_made_from_the_command_line() {
    let db = fresh_db("admin");
    let o = add(
        &db,
        &["ada", "--admin", "--email", "ada@example.org"],
        &format!("{PASSWORD}\n"),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("Created administrator ada (id 1)"));
    let conn = Connection::open(&db).unwrap();
    let (admin, hash): (bool, String) = conn
        .query_row(
            "SELECT is_admin, password_hash FROM users WHERE username = 'ada'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(admin);
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    drop(conn);
    let bytes = std::fs::read(&db).unwrap();
    assert!(
        !bytes
            .windows(PASSWORD.len())
            .any(|w| w == PASSWORD.as_bytes())
    );
}

#[test]
fn bad_accounts_are_refused_with_the_field_named() {
    let db = fresh_db("refused");
    let pw = format!("{PASSWORD}\n");
    assert!(add(&db, &["ada"], &pw).status.success());
    let cases: [(&[&str], &str, i32, &str); 4] = [
        (&["ADA"], &pw, 1, "username: an account named \"ADA\""),
        (
            &["bad name"],
            &pw,
            2,
            "username: \"bad name\" is not a username",
        ),
        (
            &["bob"],
            "short\n",
            2,
            "password: is 5 characters long; use at least 12",
        ),
        (&["bob"], "", 2, "password: none on standard input"),
    ];
    for (args, stdin, code, message) in cases {
        let o = add(&db, args, stdin);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
    let n: i64 = Connection::open(&db)
        .unwrap()
        .query_row("SELECT count(*) FROM users", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "nothing but the first account was stored");
}

/// A shared deployment's database: the administrator is made in
/// PostgreSQL (`--database-url`, or SWITCHBACK_DATABASE_URL), and a
/// wrong address is a usage error that names the flag and hides the
/// password.
#[test]
fn the_first_administrator_of_a_postgres_database() {
    let url = switchback_store::testing::scratch_postgres_url("cli-admin");
    let unused = fresh_db("postgres");
    let pw = format!("{PASSWORD}\n");
    let o = add(&unused, &["ada", "--admin", "--database-url", &url], &pw);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with("Created administrator ada (id 1) in postgres://"),
        "{out}"
    );
    assert!(!unused.exists(), "nothing went to the SQLite file");

    let mut command = Command::new(env!("CARGO_BIN_EXE_switchback"));
    command
        .env("SWITCHBACK_DATABASE_URL", &url)
        .env_remove("SWITCHBACK_DB");
    let o = add_with(command, &["ADA"], &pw);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the same database, found by the variable"
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("username: an account named \"ADA\""));

    let o = add(
        &unused,
        &["bo", "--database-url", "mysql://bo:s3cret@db/plans"],
        &pw,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("database-url: "), "{err}");
    assert!(!err.contains("s3cret"), "{err}");

    // Given where a file is expected, the address is refused before it
    // can become directories on disk.
    let o = add(Path::new("postgres://bo:s3cret@db/plans"), &["bo"], &pw);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("SWITCHBACK_DB: names an SQLite file"), "{err}");
    assert!(!err.contains("s3cret"), "{err}");
    assert!(!Path::new("postgres:").exists());
}

/// A database with no account is one person's: every way of serving it
/// beyond this machine — another address, a public address behind a
/// proxy, trusting a proxy — is refused before anything listens.
#[test]
fn serving_beyond_this_machine_needs_an_account() {
    let db = fresh_db("serve-alone");
    let serve = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_switchback"))
            .env("SWITCHBACK_DB", &db)
            .env_remove("SWITCHBACK_DATABASE_URL")
            .arg("serve")
            .args(args)
            .output()
            .unwrap()
    };
    for (args, flag) in [
        (&["--addr", "0.0.0.0:0"][..], "--addr 0.0.0.0:0"),
        (
            &[
                "--addr",
                "127.0.0.1:0",
                "--public-url",
                "https://plans.example.org",
            ][..],
            "--public-url https://plans.example.org",
        ),
        (
            &["--addr", "127.0.0.1:0", "--behind-proxy"][..],
            "--behind-proxy",
        ),
    ] {
        let o = serve(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!(
                "{flag}: serving beyond this machine needs accounts"
            )),
            "{err}"
        );
    }
    let o = serve(&["--addr", "0.0.0.0:0", "--public-url", "http://plans.corp"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("plain http while listening on 0.0.0.0:0"));
    let o = serve(&["--public-url", "plans.example.org/switchback"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("does not start with https://"));
}

/// On the machine that holds the database, `user disable` and `user
/// enable` need no administrator: the way back when none is left.
#[test]
fn accounts_are_disabled_and_enabled_from_the_command_line() {
    let db = fresh_db("disable");
    let pw = format!("{PASSWORD}\n");
    assert!(add(&db, &["ada", "--admin"], &pw).status.success());
    let user = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_switchback"))
            .env("SWITCHBACK_DB", &db)
            .env_remove("SWITCHBACK_DATABASE_URL")
            .arg("user")
            .args(args)
            .output()
            .unwrap()
    };
    let disabled_at = || -> Option<String> {
        Connection::open(&db)
            .unwrap()
            .query_row(
                "SELECT disabled_at FROM users WHERE username = 'ada'",
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    let o = user(&["disable", "ADA"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("Disabled ada in "));
    assert!(disabled_at().is_some());
    let o = user(&["enable", "ada", "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["username"], "ada");
    assert!(v["disabled_at"].is_null());
    assert_eq!(disabled_at(), None);
    let o = user(&["disable", "nobody"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("username: there is no account named \"nobody\"")
    );
}

//! Speed of the server over HTTP on loopback: `POST /api/v1/advise` with
//! ten options, the advice page, and a mixed load from 64 connections.
//!
//! `cargo bench -p switchback-server --bench http`; figures in
//! docs/BENCHMARKS.md. With `SWITCHBACK_BENCH_DATABASE=postgres`, run
//! through `.ci/with-postgres`, the servers keep their plans in
//! PostgreSQL instead of an SQLite file. The client is a few lines of HTTP/1.1 over one
//! kept-alive connection per thread, so what is timed is the server.

#![allow(clippy::unwrap_used)] // Benches fail loudly by design.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use divan::Bencher;
use switchback_app::Engine;
use switchback_server::AppState;
use switchback_store::Database;
use switchback_store::testing::{self, Backend};

fn main() {
    divan::main();
}

const TEN_OPTIONS: &str = include_str!("../../data/benches/ten-options.toml");

struct Server {
    addr: SocketAddr,
    db: Database,
    profile_json: String,
    plan_id: i64,
}

/// One server for every benchmark, on its own runtime, with one plan: a
/// one-person server (no accounts).
fn server() -> &'static Server {
    static S: OnceLock<Server> = OnceLock::new();
    S.get_or_init(|| start("solo", None))
}

/// The same on a shared server: one account, signed in, owning the plan.
fn shared_server() -> &'static (Server, String) {
    static S: OnceLock<(Server, String)> = OnceLock::new();
    S.get_or_init(|| {
        let mut cookie = String::new();
        let s = start("shared", Some(&mut cookie));
        (s, cookie)
    })
}

const PASSWORD: &str = "correct horse battery staple";

/// Starts a server; with `cookie`, makes an account first, signs it in and
/// puts its session cookie there.
fn start(name: &str, cookie: Option<&mut String>) -> Server {
    let engine = Arc::new(Engine::embedded().unwrap());
    let backend = match std::env::var("SWITCHBACK_BENCH_DATABASE").as_deref() {
        Ok("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    };
    let dir = std::env::temp_dir().join(format!("switchback-http-bench-{}", std::process::id()));
    let db = testing::scratch(backend, name, &dir);
    eprintln!("plans in {}", db.describe());
    let shared = cookie.is_some();
    if shared {
        let mut store = db.open().unwrap();
        let req = switchback_app::accounts::AccountRequest {
            username: "priya",
            email: None,
            password: PASSWORD,
        };
        switchback_app::accounts::add_user(&mut store, &req, false, jiff::Timestamp::now())
            .unwrap();
    }
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(engine, db.clone());
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            switchback_server::serve(listener, state, std::future::pending())
                .await
                .unwrap();
        });
    });
    let value: toml::Value = toml::from_str(TEN_OPTIONS).unwrap();
    let profile_json = serde_json::to_string(&value).unwrap();
    let mut c = Conn::new(addr);
    let session = if shared {
        sign_in(&mut c)
    } else {
        String::new()
    };
    let body = format!(r#"{{"profile": {profile_json}, "option": "a", "start": "2027-01-04"}}"#);
    let (status, text) = c.request("POST", "/api/v1/plans", "application/json", &body, &session);
    assert_eq!(status, 201, "{text}");
    let plan_id = serde_json::from_str::<serde_json::Value>(&text).unwrap()["id"]
        .as_i64()
        .unwrap();
    if let Some(cookie) = cookie {
        *cookie = session;
    }
    Server {
        addr,
        db,
        profile_json,
        plan_id,
    }
}

/// Signs in on a connection; returns the `Cookie` header's value.
fn sign_in(c: &mut Conn) -> String {
    let body = format!(r#"{{"login": "priya", "password": "{PASSWORD}"}}"#);
    let (status, text) = c.request("POST", "/api/v1/session", "application/json", &body, "");
    assert_eq!(status, 201, "{text}");
    c.last_cookie.clone().unwrap()
}

/// One kept-alive HTTP/1.1 connection.
struct Conn {
    /// The `Host` the server answers as (it refuses others on loopback).
    host: String,
    /// The last `Set-Cookie` the server sent, as a `Cookie` value.
    last_cookie: Option<String>,
    reader: BufReader<TcpStream>,
    stream: TcpStream,
}

impl Conn {
    fn new(addr: SocketAddr) -> Conn {
        let stream = TcpStream::connect(addr).unwrap();
        stream.set_nodelay(true).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        Conn {
            host: addr.to_string(),
            last_cookie: None,
            reader: BufReader::new(stream.try_clone().unwrap()),
            stream,
        }
    }

    /// Sends a request; returns the status and the body.
    fn request(
        &mut self,
        method: &str,
        path: &str,
        content_type: &str,
        body: &str,
        cookie: &str,
    ) -> (u16, String) {
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nhost: {}\r\ncontent-length: {}\r\n",
            self.host,
            body.len()
        );
        if !content_type.is_empty() {
            head.push_str(&format!("content-type: {content_type}\r\n"));
        }
        if !cookie.is_empty() {
            head.push_str(&format!("cookie: {cookie}\r\n"));
        }
        head.push_str("\r\n");
        self.stream.write_all(head.as_bytes()).unwrap();
        self.stream.write_all(body.as_bytes()).unwrap();
        let mut line = String::new();
        self.reader.read_line(&mut line).unwrap();
        let status: u16 = line.split(' ').nth(1).unwrap().parse().unwrap();
        let mut length = 0usize;
        loop {
            line.clear();
            self.reader.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse().unwrap();
                } else if k.eq_ignore_ascii_case("set-cookie") {
                    self.last_cookie = v.trim().split(';').next().map(str::to_owned);
                }
            }
        }
        let mut buf = vec![0; length];
        self.reader.read_exact(&mut buf).unwrap();
        (status, String::from_utf8(buf).unwrap())
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// `POST /api/v1/advise`, ten options (budget: p50 ≤ 15 ms, p99 ≤ 50 ms).
#[divan::bench(sample_count = 100)]
fn advise_over_http(bencher: Bencher) {
    let s = server();
    let mut c = Conn::new(s.addr);
    bencher.bench_local(|| {
        let (status, body) = c.request(
            "POST",
            "/api/v1/advise",
            "application/json",
            &s.profile_json,
            "",
        );
        assert_eq!(status, 200, "{body}");
    });
}

/// The same, 1,000 times: p50 and p99, printed once.
#[divan::bench(sample_count = 1, sample_size = 1)]
fn advise_over_http_percentiles() {
    let s = server();
    let mut c = Conn::new(s.addr);
    let mut times: Vec<Duration> = (0..1000)
        .map(|_| {
            let t = Instant::now();
            let (status, _) = c.request(
                "POST",
                "/api/v1/advise",
                "application/json",
                &s.profile_json,
                "",
            );
            assert_eq!(status, 200);
            t.elapsed()
        })
        .collect();
    times.sort_unstable();
    eprintln!(
        "advise over HTTP, 1,000 requests: p50 {:?}, p99 {:?}, max {:?}",
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times[times.len() - 1]
    );
}

/// The advice page for a profile from the form (budget: 30 ms).
#[divan::bench(sample_count = 50)]
fn advice_page(bencher: Bencher) {
    let s = server();
    let mut c = Conn::new(s.addr);
    let token = "ab".repeat(32);
    let cookie = format!("switchback_csrf={token}");
    let form = format!(
        "csrf={token}&current_role=Accountants+and+Auditors&current_level=principal&current_salary=118000&goal_role=Financial+Managers&goal_level=director&goal_horizon_years=8&{}",
        (0..5)
            .map(|i| format!("option_role_{i}=Budget+Analysts&option_level_{i}=senior"))
            .collect::<Vec<_>>()
            .join("&")
    );
    bencher.bench_local(|| {
        let (status, body) = c.request(
            "POST",
            "/advice",
            "application/x-www-form-urlencoded",
            &form,
            &cookie,
        );
        assert_eq!(status, 200, "{body}");
    });
}

/// 20,000 requests from 64 connections at once, mixed: advise, routes,
/// occupation search and plan check-ins. Throughput, p50 and p99, errors,
/// and whether every check-in answered 201 is in the database.
#[divan::bench(sample_count = 1, sample_size = 1)]
fn load_20000_mixed_64_connections() {
    load("one-person server", server(), false);
}

/// The same load on a shared server, every request with a session cookie
/// (each connection signs in first; budget: ≤ 1 ms p50 over the figure above).
#[divan::bench(sample_count = 1, sample_size = 1)]
fn load_20000_mixed_64_connections_signed_in() {
    load("shared server, signed in", &shared_server().0, true);
}

fn load(what: &str, s: &'static Server, signed_in: bool) {
    const CONNECTIONS: usize = 64;
    const REQUESTS: usize = 20_000;
    // One session per connection, signed in one after another before the
    // clock starts: the load times requests, not sign-ins (and 64 sign-ins
    // of one account at the same instant would each be counted as an
    // attempt, past the throttle's limit, before any was checked).
    let cookies: Vec<String> = (0..CONNECTIONS)
        .map(|_| {
            if signed_in {
                sign_in(&mut Conn::new(s.addr))
            } else {
                String::new()
            }
        })
        .collect();
    let cookies = &cookies;
    let checkins_before = count_checkins(&s.db);
    let started = Instant::now();
    let results: Vec<(Vec<Duration>, usize, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..CONNECTIONS)
            .map(|t| {
                scope.spawn(move || {
                    let mut c = Conn::new(s.addr);
                    let cookie = cookies[t].as_str();
                    let (mut times, mut errors, mut checkins) = (Vec::new(), 0, 0);
                    for i in (t..REQUESTS).step_by(CONNECTIONS) {
                        let at = Instant::now();
                        let (status, _) = match i % 4 {
                            0 => c.request("POST", "/api/v1/advise", "application/json", &s.profile_json, cookie),
                            1 => c.request("POST", "/api/v1/routes", "application/json", &s.profile_json, cookie),
                            2 => c.request("GET", "/api/v1/occupations?q=financial%20analyst&limit=10", "", "", cookie),
                            _ => {
                                let body = format!(
                                    r#"{{"objective": 1, "progress": {}, "by": "manager", "date": "2027-03-01", "note": "load {i}"}}"#,
                                    i % 101
                                );
                                c.request("POST", &format!("/api/v1/plans/{}/checkins", s.plan_id), "application/json", &body, cookie)
                            }
                        };
                        times.push(at.elapsed());
                        match status {
                            201 => checkins += 1,
                            200 => {}
                            _ => errors += 1,
                        }
                    }
                    (times, errors, checkins)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let elapsed = started.elapsed();
    let mut times: Vec<Duration> = results.iter().flat_map(|r| r.0.iter().copied()).collect();
    times.sort_unstable();
    let errors: usize = results.iter().map(|r| r.1).sum();
    let checkins: usize = results.iter().map(|r| r.2).sum();
    let stored = count_checkins(&s.db) - checkins_before;
    eprintln!(
        "load ({what}): {REQUESTS} requests from {CONNECTIONS} connections in {elapsed:?}: {:.0} requests/s, p50 {:?}, p99 {:?}, errors {errors}, check-ins answered {checkins}, stored {stored}",
        REQUESTS as f64 / elapsed.as_secs_f64(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
    );
    assert_eq!(errors, 0);
    assert_eq!(stored, checkins as i64, "no check-in lost");
}

fn count_checkins(db: &Database) -> i64 {
    testing::count_rows(db, "checkins").unwrap()
}

/// Signing in: what Argon2id at OWASP's parameters costs, over HTTP.
#[divan::bench(sample_count = 20)]
fn sign_in_over_http(bencher: Bencher) {
    let s = &shared_server().0;
    let mut c = Conn::new(s.addr);
    bencher.bench_local(|| sign_in(&mut c));
}

/// Reading a plan over HTTP, on a one-person server and signed in on a
/// shared one: the difference is what a session and the access check add.
#[divan::bench(sample_count = 1, sample_size = 1)]
fn plan_read_percentiles_solo_and_signed_in() {
    let (shared, cookie) = shared_server();
    for (what, s, cookie) in [
        ("one-person", server(), ""),
        ("signed in", shared, cookie.as_str()),
    ] {
        let mut c = Conn::new(s.addr);
        let path = format!("/api/v1/plans/{}", s.plan_id);
        let mut times: Vec<Duration> = (0..1000)
            .map(|_| {
                let at = Instant::now();
                let (status, _) = c.request("GET", &path, "", "", cookie);
                assert_eq!(status, 200);
                at.elapsed()
            })
            .collect();
        times.sort_unstable();
        eprintln!(
            "GET a plan ({what}) over 1,000 requests: p50 {:?}, p99 {:?}",
            percentile(&times, 0.5),
            percentile(&times, 0.99)
        );
    }
}

//! End to end in a real browser: headless Chromium driven through
//! chromedriver (Debian's packages; `.ci/run` installs them). A person
//! fills the profile form for the README's accountant, reads the verdicts
//! and the route chart, creates a plan from the option, checks in, sees
//! the status change, and finds the calendar download.
//!
//! With `SWITCHBACK_SCREENSHOTS=DIR`, the advice and plan pages are saved
//! as PNG files in DIR (how `docs/screenshots/` was made).

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::{Backend, off_the_runtime, rows, spawn_app, spawn_app_on};
use fantoccini::{Client, ClientBuilder, Locator};

/// chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn chromedriver() -> Driver {
    let port = free_port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver runs (apt-get install chromium chromium-driver, as .ci/run does)");
    Driver { child, port }
}

async fn browser(driver: &Driver, profile_dir: &std::path::Path) -> Client {
    let args = serde_json::json!([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1280,1600",
        format!("--user-data-dir={}", profile_dir.display()),
    ]);
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "args": args, "binary": "/usr/bin/chromium" }),
    );
    let url = format!("http://127.0.0.1:{}", driver.port);
    // chromedriver takes a moment to listen.
    for _ in 0..100 {
        match ClientBuilder::rustls()
            .unwrap()
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(c) => return c,
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
    panic!("chromedriver did not answer on {url}");
}

async fn fill(c: &Client, id: &str, text: &str) {
    let e = c.find(Locator::Id(id)).await.unwrap();
    e.clear().await.unwrap();
    e.send_keys(text).await.unwrap();
}

async fn select(c: &Client, id: &str, value: &str) {
    c.find(Locator::Id(id))
        .await
        .unwrap()
        .select_by_value(value)
        .await
        .unwrap();
}

async fn screenshot(c: &Client, name: &str) {
    if let Ok(dir) = std::env::var("SWITCHBACK_SCREENSHOTS") {
        let png = c.screenshot().await.unwrap();
        std::fs::write(std::path::Path::new(&dir).join(name), png).unwrap();
    }
}

/// The profile form, filled as the README's accountant would, and sent.
async fn fill_accountant(c: &Client, app: &common::TestApp) {
    c.goto(&app.url("/")).await.unwrap();
    fill(c, "current_role", "Accountants and Auditors").await;
    select(c, "current_level", "principal").await;
    fill(c, "current_department", "audit").await;
    fill(c, "current_salary", "118000").await;
    fill(c, "current_years_in_role", "4").await;
    fill(c, "current_years_experience", "12").await;
    fill(c, "goal_role", "Financial Managers").await;
    select(c, "goal_level", "director").await;
    fill(c, "goal_horizon_years", "8").await;
    c.find(Locator::Id("situation_promotion_blocked"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    fill(c, "option_id_0", "finance-supervisor").await;
    fill(c, "option_role_0", "Financial Managers").await;
    select(c, "option_level_0", "supervisor").await;
    fill(c, "option_department_0", "finance").await;
    fill(c, "option_salary_0", "112000").await;
    c.find(Locator::Id("advise"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_an_empty_form_to_a_plan_with_a_check_in() {
    let app = spawn_app("browser").await;
    let driver = chromedriver();
    let profile_dir = app.db.with_file_name("chromium-profile");
    let c = browser(&driver, &profile_dir).await;

    fill_accountant(&c, &app).await;

    // The verdict and the route chart.
    let verdict = c
        .wait()
        .for_element(Locator::Css("#option-finance-supervisor .verdict"))
        .await
        .unwrap();
    assert_eq!(
        verdict.attr("data-verdict").await.unwrap().as_deref(),
        Some("strategic")
    );
    let chart = c.find(Locator::Css("svg.route-chart")).await.unwrap();
    let title = c
        .find(Locator::Css("svg.route-chart > title"))
        .await
        .unwrap();
    assert!(
        title
            .prop("textContent")
            .await
            .unwrap()
            .unwrap()
            .contains("Financial Managers (director)")
    );
    assert!(
        !c.find_all(Locator::Css("svg.route-chart g.route.switchback"))
            .await
            .unwrap()
            .is_empty()
    );
    drop(chart);
    screenshot(&c, "advice.png").await;

    // A plan from the option, starting today.
    c.find(Locator::Id("plan-finance-supervisor"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let status = c
        .wait()
        .for_element(Locator::Id("plan-status"))
        .await
        .unwrap();
    let before = status.text().await.unwrap();
    assert!(
        c.current_url().await.unwrap().path().starts_with("/plans/"),
        "redirected to the plan"
    );
    assert_eq!(rows(&app, "plans"), 1);

    // A check-in, as the manager.
    select(&c, "objective", "1").await;
    fill(&c, "progress", "40").await;
    select(&c, "by", "manager").await;
    fill(&c, "note", "Ran the budget round & the <b>forecast</b>").await;
    c.find(Locator::Id("checkin-submit"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let notice = c.wait().for_element(Locator::Id("notice")).await.unwrap();
    assert!(
        notice
            .text()
            .await
            .unwrap()
            .contains("objective 1 recorded")
    );
    assert_eq!(rows(&app, "checkins"), 1);
    let pct = c
        .find(Locator::Id("pct-1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(pct, "40%");
    let after = c
        .find(Locator::Id("plan-status"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_ne!(before, after, "the status changed with the check-in");
    let history = c
        .find(Locator::Css("table.checkins"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        history.contains("Ran the budget round & the <b>forecast</b>"),
        "the note shown as text: {history}"
    );
    screenshot(&c, "plan.png").await;

    // The calendar download: the link the page offers serves the file.
    let href = c
        .find(Locator::Id("download-ics"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    let ics = reqwest::get(app.url(&href)).await.unwrap();
    assert_eq!(
        ics.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    assert!(ics.text().await.unwrap().starts_with("BEGIN:VCALENDAR"));

    c.close().await.unwrap();
}

/// The organisation report `org advise` writes, for Montgomery County's
/// real workforce, opened from the file as an analyst would: every chart
/// is drawn, with its bars.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_organisation_report_opens_with_its_charts() {
    use switchback_app::org::advise::{self, FileText, OrgFiles, Rules};
    let engine = switchback_app::Engine::embedded().unwrap();
    let f = |name, text| FileText { name, text };
    let files = OrgFiles {
        jobs: f(
            "jobs.csv",
            include_str!("../../../examples/org/montgomery-county-jobs.csv"),
        ),
        mapping: None,
        employees: f(
            "employees.csv",
            include_str!("../../../examples/org/montgomery-county-employees.csv"),
        ),
        open_roles: None,
        grades: None,
    };
    let view = advise::advise(&engine, files, Rules::default(), &mut |_, _, _| {}).unwrap();
    let dir = std::env::temp_dir().join(format!("switchback-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let report = dir.join("report.html");
    std::fs::write(&report, switchback_app::org::report::html(&view)).unwrap();

    let driver = chromedriver();
    let c = browser(&driver, &dir.join("chromium-profile")).await;
    c.goto(&format!("file://{}", report.display()))
        .await
        .unwrap();
    assert_eq!(c.title().await.unwrap(), "Switchback organisation report");
    for id in [
        "blocked-by-department",
        "blocked-by-level",
        "switchbacks-by-family",
        "flows",
        "gaps",
    ] {
        let bars = c
            .find_all(Locator::Css(&format!("svg#{id} rect")))
            .await
            .unwrap();
        assert!(!bars.is_empty(), "{id} has no bars");
        let shown = c
            .find(Locator::Id(id))
            .await
            .unwrap()
            .is_displayed()
            .await
            .unwrap();
        assert!(shown, "{id} is not displayed");
    }
    screenshot(&c, "org-report.png").await;
    c.close().await.unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

/// A signed-in browser of its own (its own profile directory: its own
/// cookies), for `name` on a server with accounts.
async fn sign_in(driver: &Driver, app: &common::TestApp, name: &str) -> Client {
    let c = browser(driver, &app.db.with_file_name(format!("chromium-{name}"))).await;
    c.goto(&app.url("/sign-in")).await.unwrap();
    fill(&c, "login", name).await;
    fill(&c, "password", PASSWORD).await;
    click(&c, "sign-in-submit").await;
    wait_path(&c, "/plans").await;
    c
}

/// Waits until the browser shows `path`.
async fn wait_path(c: &Client, path: &str) {
    for _ in 0..100 {
        if c.current_url().await.unwrap().path() == path {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("never reached {path}");
}

async fn click(c: &Client, id: &str) {
    c.find(Locator::Id(id))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

async fn text_of(c: &Client, css: &str) -> String {
    c.wait()
        .for_element(Locator::Css(css))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

const PASSWORD: &str = "correct horse battery staple";

/// Three people keep one plan from three browsers: the person makes it and
/// invites her manager; the manager signs in elsewhere, accepts, agrees the
/// objectives and checks in; a third account cannot open the plan.
/// On SQLite and on PostgreSQL.
mod three_people_keep_one_plan_from_three_browsers {
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        super::three_people_keep_one_plan(super::Backend::Sqlite).await
    }
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        super::three_people_keep_one_plan(super::Backend::Postgres).await
    }
}

async fn three_people_keep_one_plan(backend: Backend) {
    let app = spawn_app_on("browser-shared", backend).await;
    let db = app.database.clone();
    off_the_runtime(move || {
        let mut store = db.open().unwrap();
        for name in ["priya", "marcus", "oscar"] {
            let req = switchback_app::accounts::AccountRequest {
                username: name,
                email: None,
                password: PASSWORD,
            };
            switchback_app::accounts::add_user(&mut store, &req, false, jiff::Timestamp::now())
                .unwrap();
        }
    });
    let driver = chromedriver();

    // The person: advice, a plan, an invitation link for her manager.
    let priya = sign_in(&driver, &app, "priya").await;
    fill_accountant(&priya, &app).await;
    priya
        .wait()
        .for_element(Locator::Id("plan-finance-supervisor"))
        .await
        .unwrap();
    click(&priya, "plan-finance-supervisor").await;
    priya
        .wait()
        .for_element(Locator::Id("plan-status"))
        .await
        .unwrap();
    let plan_path = priya.current_url().await.unwrap().path().to_owned();
    assert!(plan_path.starts_with("/plans/"), "{plan_path}");
    select(&priya, "invite-role", "manager").await;
    click(&priya, "invite-submit").await;
    let link = priya
        .wait()
        .for_element(Locator::Id("invitation-link"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap();
    let token = link.rsplit_once("/invitations/").unwrap().1;
    let link_path = format!("/invitations/{token}");

    // The manager, in another browser: accepts, agrees, checks in.
    let marcus = sign_in(&driver, &app, "marcus").await;
    marcus.goto(&app.url(&link_path)).await.unwrap();
    click(&marcus, "accept-submit").await;
    marcus
        .wait()
        .for_element(Locator::Id("agree-form"))
        .await
        .unwrap();
    assert_eq!(marcus.current_url().await.unwrap().path(), plan_path);
    select(&marcus, "agree-part", "objectives").await;
    click(&marcus, "agree-submit").await;
    let agreements = text_of(&marcus, "ul#agreements").await;
    assert!(
        agreements.contains("objectives agreed by marcus"),
        "{agreements}"
    );
    assert!(
        marcus.find(Locator::Id("by")).await.is_err(),
        "no author to choose: the session is the author"
    );
    select(&marcus, "objective", "1").await;
    fill(&marcus, "progress", "30").await;
    click(&marcus, "checkin-submit").await;
    marcus
        .wait()
        .for_element(Locator::Id("notice"))
        .await
        .unwrap();
    let history = text_of(&marcus, "table.checkins").await;
    assert!(history.contains("manager"), "{history}");

    // A third account cannot open the plan, nor see it listed.
    let oscar = sign_in(&driver, &app, "oscar").await;
    oscar.goto(&app.url(&plan_path)).await.unwrap();
    let error = text_of(&oscar, "#error-message").await;
    assert!(error.contains("that you can see"), "{error}");
    oscar.goto(&app.url("/plans")).await.unwrap();
    let listing = text_of(&oscar, "main").await;
    assert!(listing.contains("No plans yet"), "{listing}");

    // The person sees the agreement and the manager's check-in.
    priya.goto(&app.url(&plan_path)).await.unwrap();
    let agreements = text_of(&priya, "ul#agreements").await;
    assert!(
        agreements.contains("objectives agreed by marcus"),
        "{agreements}"
    );
    let history = text_of(&priya, "table.checkins").await;
    assert!(history.contains("manager"), "{history}");
    if let Ok(dir) = std::env::var("SWITCHBACK_SCREENSHOTS") {
        let png = priya
            .find(Locator::Id("sharing"))
            .await
            .unwrap()
            .screenshot()
            .await
            .unwrap();
        std::fs::write(std::path::Path::new(&dir).join("shared-plan.png"), png).unwrap();
    }

    for c in [priya, marcus, oscar] {
        c.close().await.unwrap();
    }
}

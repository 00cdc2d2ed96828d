//! A shared server over HTTP, on SQLite and on PostgreSQL (`on_both!`):
//! accounts made in its real database, each person signed in from their
//! own client, and every plan endpoint asked by every role
//! (docs/SECURITY.md).

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use common::{
    Backend, TestApp, example_json, off_the_runtime, page_html, page_token, spawn_app_deployed,
    spawn_app_on,
};
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};
use switchback_app::accounts::{self, AccountRequest};

use switchback_store::on_both_async as on_both;

on_both!(
    an_administrator_disables_an_account_over_http,
    every_plan_endpoint_answers_each_role_as_the_table_says,
    authors_and_agreements_come_from_the_session,
    sessions_cookies_and_invitations_hold_over_http,
    a_wrong_password_is_refused_and_guessing_is_slowed_over_http,
    signing_out_everywhere_from_the_plans_page_ends_every_browser_s_session,
    an_invitation_is_not_spent_by_a_mistake_and_no_error_lists_plans,
);

const PASSWORD: &str = "correct horse battery staple";

fn client() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn add_user(app: &TestApp, name: &str, admin: bool) {
    let (db, name) = (app.database.clone(), name.to_owned());
    off_the_runtime(move || {
        let mut store = db.open().unwrap();
        let req = AccountRequest {
            username: &name,
            email: None,
            password: PASSWORD,
        };
        accounts::add_user(&mut store, &req, admin, jiff::Timestamp::now()).unwrap();
    });
}

async fn call(
    c: &Client,
    app: &TestApp,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut r = c.request(method, app.url(path));
    if let Some(b) = body {
        r = r.json(&b);
    }
    let r = r.send().await.unwrap();
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// A client signed in as `name`.
async fn signed_in(app: &TestApp, name: &str) -> Client {
    let c = client();
    let (s, v) = call(
        &c,
        app,
        Method::POST,
        "/api/v1/session",
        Some(json!({"login": name, "password": PASSWORD})),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["username"], name);
    c
}

/// The person's one-time link for `role` on plan `p`: its token.
async fn invite(owner: &Client, app: &TestApp, p: i64, role: &str) -> String {
    let (s, v) = call(
        owner,
        app,
        Method::POST,
        &format!("/api/v1/plans/{p}/invitations"),
        Some(json!({"role": role})),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let link = v["link"].as_str().unwrap();
    link.rsplit('/').next().unwrap().to_owned()
}

/// Everyone the matrix asks about, with the person's plan shared with
/// their manager and HR partner.
struct Cast {
    app: TestApp,
    plan: i64,
    owner: Client,
    manager: Client,
    hr: Client,
    other: Client,
    admin: Client,
    nobody: Client,
}

async fn cast(name: &str, backend: Backend) -> Cast {
    let app = spawn_app_on(name, backend).await;
    // The database must exist before accounts go in: open creates it.
    for (n, admin) in [
        ("priya", false),
        ("marcus", false),
        ("hana", false),
        ("oscar", false),
        ("ada", true),
    ] {
        add_user(&app, n, admin);
    }
    let owner = signed_in(&app, "priya").await;
    let body = json!({
        "profile": example_json("another-route-up-accountant"),
        "option": "finance-supervisor",
        "start": "2026-01-04",
    });
    let (s, v) = call(&owner, &app, Method::POST, "/api/v1/plans", Some(body)).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let plan = v["id"].as_i64().unwrap();
    let manager = signed_in(&app, "marcus").await;
    let hr = signed_in(&app, "hana").await;
    for (who, role) in [(&manager, "manager"), (&hr, "hr")] {
        let token = invite(&owner, &app, plan, role).await;
        let (s, v) = call(
            who,
            &app,
            Method::POST,
            &format!("/api/v1/invitations/{token}"),
            Some(json!({})),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["plan"], plan);
    }
    Cast {
        plan,
        owner,
        manager,
        hr,
        other: signed_in(&app, "oscar").await,
        admin: signed_in(&app, "ada").await,
        nobody: client(),
        app,
    }
}

async fn every_plan_endpoint_answers_each_role_as_the_table_says(backend: Backend) {
    let c = cast("shared-matrix", backend).await;
    let p = c.plan;
    let checkin = json!({"objective": 1, "progress": 20, "by": "person", "date": "2026-02-01"});
    // (method, path, body, [owner, manager, hr]) — anyone else gets 404,
    // no session 401.
    let endpoints: Vec<(Method, String, Option<Value>, [u16; 3])> = vec![
        (
            Method::GET,
            format!("/api/v1/plans/{p}"),
            None,
            [200, 200, 200],
        ),
        (
            Method::GET,
            format!("/api/v1/plans/{p}/status"),
            None,
            [200, 200, 200],
        ),
        (
            Method::GET,
            format!("/api/v1/plans/{p}/export?to=json"),
            None,
            [200, 200, 200],
        ),
        // The profile holds the person's pay floor and savings: theirs.
        (
            Method::GET,
            format!("/api/v1/plans/{p}/export?to=profile"),
            None,
            [200, 403, 403],
        ),
        (
            Method::GET,
            format!("/api/v1/plans/{p}/agreements"),
            None,
            [200, 200, 200],
        ),
        (
            Method::GET,
            format!("/api/v1/plans/{p}/agreements/history"),
            None,
            [200, 200, 200],
        ),
        (
            Method::POST,
            format!("/api/v1/plans/{p}/checkins"),
            Some(checkin),
            [201, 201, 201],
        ),
        (
            Method::POST,
            format!("/api/v1/plans/{p}/agreements"),
            Some(json!({"part": "objectives"})),
            [403, 201, 403],
        ),
        (
            Method::POST,
            format!("/api/v1/plans/{p}/invitations"),
            Some(json!({"role": "hr"})),
            [201, 403, 403],
        ),
        (
            Method::POST,
            format!("/api/v1/plans/{p}/learning"),
            Some(json!({"element": 1, "kind": "course", "title": "Budgeting"})),
            [403, 403, 201],
        ),
        (
            Method::DELETE,
            format!("/api/v1/plans/{p}/members/nobody"),
            None,
            [422, 403, 403],
        ),
        (
            Method::DELETE,
            format!("/api/v1/plans/{p}"),
            None,
            [0, 403, 403],
        ),
    ];
    for (method, path, body, by_role) in &endpoints {
        let who: [(&str, &Client, u16); 6] = [
            ("owner", &c.owner, by_role[0]),
            ("manager", &c.manager, by_role[1]),
            ("hr", &c.hr, by_role[2]),
            ("another user", &c.other, 404),
            ("administrator", &c.admin, 404),
            ("no session", &c.nobody, 401),
        ];
        for (name, client, expected) in who {
            if expected == 0 {
                continue; // The person's delete is tried last, below.
            }
            let (s, v) = call(client, &c.app, method.clone(), path, body.clone()).await;
            assert_eq!(s.as_u16(), expected, "{name}: {method} {path}: {v}");
            if !s.is_success() {
                assert!(
                    v["error"]["code"].is_string(),
                    "{name}: {method} {path}: {v}"
                );
            }
        }
    }
    // No role reads exactly as no plan.
    let (s1, v1) = call(
        &c.other,
        &c.app,
        Method::GET,
        &format!("/api/v1/plans/{p}"),
        None,
    )
    .await;
    let (s2, v2) = call(&c.other, &c.app, Method::GET, "/api/v1/plans/999", None).await;
    assert_eq!((s1, &v1["error"]["code"]), (s2, &v2["error"]["code"]));
    // Listings show each account its own plans.
    for (client, expected) in [
        (&c.owner, 1),
        (&c.manager, 1),
        (&c.hr, 1),
        (&c.other, 0),
        (&c.admin, 0),
    ] {
        let (s, v) = call(client, &c.app, Method::GET, "/api/v1/plans", None).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v.as_array().unwrap().len(), expected, "{v}");
    }
    let (s, _) = call(&c.nobody, &c.app, Method::GET, "/api/v1/plans", None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    // The person deletes the plan: gone for everyone.
    let (s, _) = call(
        &c.owner,
        &c.app,
        Method::DELETE,
        &format!("/api/v1/plans/{p}"),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    for client in [&c.owner, &c.manager, &c.hr] {
        let (s, _) = call(
            client,
            &c.app,
            Method::GET,
            &format!("/api/v1/plans/{p}"),
            None,
        )
        .await;
        assert_eq!(s, StatusCode::NOT_FOUND);
    }
}

async fn authors_and_agreements_come_from_the_session(backend: Backend) {
    let c = cast("shared-authors", backend).await;
    let p = c.plan;
    let claim = json!({"objective": 1, "progress": 30, "by": "person", "date": "2026-02-01"});
    let (s, v) = call(
        &c.manager,
        &c.app,
        Method::POST,
        &format!("/api/v1/plans/{p}/checkins"),
        Some(claim),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(
        v["by"], "manager",
        "the form said person; the session says manager"
    );
    let (s, v) = call(
        &c.manager,
        &c.app,
        Method::POST,
        &format!("/api/v1/plans/{p}/agreements"),
        Some(json!({"part": "tenure"})),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v[0]["part"], "tenure");
    assert_eq!(v[0]["by"], "marcus");
    assert_eq!(v[0]["current"], true);
    // The plan page says so, to the person.
    let html = c
        .owner
        .get(c.app.url(&format!("/plans/{p}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("tenure agreed by marcus (the manager) on"),
        "{html}"
    );
    assert!(html.contains("marcus — the manager"), "{html}");
    assert!(
        !html.contains("agreement-history"),
        "one agreement: no history to show"
    );
    // Agreed again: the latest is shown, and the history keeps both.
    let (s, _) = call(
        &c.manager,
        &c.app,
        Method::POST,
        &format!("/api/v1/plans/{p}/agreements"),
        Some(json!({"part": "tenure"})),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, v) = call(
        &c.hr,
        &c.app,
        Method::GET,
        &format!("/api/v1/plans/{p}/agreements/history"),
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v.as_array().map(Vec::len), Some(2), "{v}");
    assert!(
        v[0]["at"].as_str() >= v[1]["at"].as_str(),
        "newest first: {v}"
    );
    let html = c
        .owner
        .get(c.app.url(&format!("/plans/{p}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Every agreement (2), newest first"), "{html}");
    assert!(
        html.contains("<td>manager (marcus)</td>"),
        "the history names the account: {html}"
    );
    let md = c
        .owner
        .get(c.app.url(&format!("/api/v1/plans/{p}/export?to=markdown")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(md.contains("| 30% | manager (marcus) |"), "{md}");
}

async fn sessions_cookies_and_invitations_hold_over_http(backend: Backend) {
    let c = cast("shared-sessions", backend).await;
    let p = c.plan;
    // A stolen cookie from before sign-out is refused after it.
    let stolen = {
        let r = client()
            .post(c.app.url("/api/v1/session"))
            .json(&json!({"login": "priya", "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        let set = r.headers()["set-cookie"].to_str().unwrap().to_owned();
        assert!(
            set.contains("HttpOnly") && set.contains("SameSite=Strict"),
            "{set}"
        );
        set.split(';').next().unwrap().to_owned()
    };
    let with = |cookie: &str| {
        client()
            .get(c.app.url(&format!("/api/v1/plans/{p}")))
            .header("cookie", cookie.to_owned())
    };
    assert_eq!(with(&stolen).send().await.unwrap().status(), StatusCode::OK);
    let r = client()
        .delete(c.app.url("/api/v1/session"))
        .header("cookie", stolen.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        with(&stolen).send().await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    // Fixation: a cookie planted before sign-in is not the session after it.
    let planted = format!("switchback_session={}", "ab".repeat(32));
    let r = client()
        .post(c.app.url("/api/v1/session"))
        .header("cookie", planted.clone())
        .json(&json!({"login": "priya", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    let set = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(!set.contains(&"ab".repeat(32)), "{set}");
    assert_eq!(
        with(&planted).send().await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    // A replayed plan invitation is refused.
    let token = invite(&c.owner, &c.app, p, "hr").await;
    let (s, _) = call(
        &c.other,
        &c.app,
        Method::POST,
        &format!("/api/v1/invitations/{token}"),
        Some(json!({})),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let (s, v) = call(
        &c.admin,
        &c.app,
        Method::POST,
        &format!("/api/v1/invitations/{token}"),
        Some(json!({})),
    )
    .await;
    assert_eq!(s, StatusCode::GONE, "{v}");
    assert_eq!(v["error"]["code"], "invitation_invalid");
    // A forged CSRF token on a page form changes nothing (the page gives
    // the browser its real token first).
    c.manager
        .get(c.app.url(&format!("/plans/{p}")))
        .send()
        .await
        .unwrap();
    let r = c
        .manager
        .post(c.app.url(&format!("/plans/{p}/agreements")))
        .form(&[("csrf", "f".repeat(64).as_str()), ("part", "objectives")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let (_, v) = call(
        &c.manager,
        &c.app,
        Method::GET,
        &format!("/api/v1/plans/{p}/agreements"),
        None,
    )
    .await;
    assert_eq!(v, json!([]));
    // Pages send a visitor without a session to sign in.
    let r = client().get(c.app.url("/plans")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/sign-in");
}

async fn a_wrong_password_is_refused_and_guessing_is_slowed_over_http(backend: Backend) {
    let app = spawn_app_on("shared-brute", backend).await;
    add_user(&app, "priya", false);
    let c = client();
    let try_with = |password: &'static str| {
        c.post(app.url("/api/v1/session"))
            .json(&json!({"login": "priya", "password": password}))
            .send()
    };
    for _ in 0..accounts::MAX_FAILURES_PER_ACCOUNT {
        let r = try_with("wrong password!!").await.unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }
    let r = try_with(PASSWORD).await.unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["error"]["code"], "too_many_attempts");
}

async fn signing_out_everywhere_from_the_plans_page_ends_every_browser_s_session(backend: Backend) {
    let app = spawn_app_on("shared-everywhere", backend).await;
    add_user(&app, "priya", false);
    let laptop = signed_in(&app, "priya").await;
    let phone = signed_in(&app, "priya").await;
    let html = laptop
        .get(app.url("/plans"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Signed in as <strong>priya</strong>"),
        "{html}"
    );
    let token = page_token(&laptop, &app, "/plans").await;
    let r = laptop
        .post(app.url("/sign-out-everywhere"))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    for c in [&laptop, &phone] {
        let (s, _) = call(c, &app, Method::GET, "/api/v1/plans", None).await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
    }
}

async fn an_invitation_is_not_spent_by_a_mistake_and_no_error_lists_plans(backend: Backend) {
    let c = cast("shared-mistakes", backend).await;
    let p = c.plan;
    let token = invite(&c.owner, &c.app, p, "hr").await;
    let accept = format!("/api/v1/invitations/{token}");
    // The person opens her own link: refused, and the link still works.
    let (s, v) = call(&c.owner, &c.app, Method::POST, &accept, Some(json!({}))).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    // Accepting takes a JSON body: a bare post (what a form could send) is refused.
    let r = c.other.post(c.app.url(&accept)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let (s, v) = call(&c.other, &c.app, Method::POST, &accept, Some(json!({}))).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    // Whoever asks for a plan that is not theirs learns no other plan's id.
    for path in ["/api/v1/plans/999", "/api/v1/plans/999/status"] {
        let (s, v) = call(&c.admin, &c.app, Method::GET, path, None).await;
        assert_eq!(s, StatusCode::NOT_FOUND);
        let message = v["error"]["message"].as_str().unwrap();
        assert!(!message.contains(&p.to_string()), "{message}");
    }
}

/// Behind a TLS proxy on this machine (`--public-url`, `--behind-proxy`):
/// the public name is answered and others refused, the session cookie is
/// `Secure` and `__Host-` prefixed, and sign-ins are counted per client named by the proxy — not
/// all against the proxy's one address — while a client's own claim in
/// `X-Forwarded-For` is not believed over the proxy's.
#[tokio::test]
async fn behind_a_proxy_the_public_name_and_each_client_count() {
    let deployment = switchback_server::Deployment {
        public: Some(switchback_server::PublicOrigin::parse("https://plans.example.org").unwrap()),
        behind_proxy: true,
    };
    let app = spawn_app_deployed("shared-proxy", Backend::Sqlite, deployment).await;
    add_user(&app, "priya", false);
    let c = client();
    let ask = |host: &str, forwarded: &str, login: &str, password: &str| {
        c.post(app.url("/api/v1/session"))
            .header("host", host)
            .header("x-forwarded-for", forwarded)
            .json(&json!({"login": login, "password": password}))
            .send()
    };
    let r = ask("plans.example.org", "198.51.100.1", "priya", PASSWORD)
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("; Secure"), "{cookie}");
    // `__Host-`: only from a secure origin, for this host alone.
    assert!(cookie.starts_with("__Host-switchback_session="), "{cookie}");
    let token = cookie
        .split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_owned();
    let plans_with = |cookie: String| {
        client()
            .get(app.url("/api/v1/plans"))
            .header("host", "plans.example.org")
            .header("cookie", cookie)
            .send()
    };
    let r = plans_with(format!("__Host-switchback_session={token}"))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    // The plain name, which another site on a sibling host could set, is
    // not read where the `__Host-` cookie is due.
    let r = plans_with(format!("switchback_session={token}"))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let r = ask("evil.example", "198.51.100.1", "priya", PASSWORD)
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::MISDIRECTED_REQUEST);

    // One client guesses (many accounts, so the per-account limit is not
    // what stops it): after 20 failures its address is held back ...
    let guesser = "203.0.113.5";
    for i in 0..20 {
        let r = ask(
            "plans.example.org",
            guesser,
            &format!("nobody{i}"),
            "wrong password!",
        )
        .await
        .unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let r = ask("plans.example.org", guesser, "nobody99", "wrong password!")
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    // ... even when it claims another address before the proxy's entry ...
    let r = ask(
        "plans.example.org",
        &format!("198.51.100.1, {guesser}"),
        "nobody98",
        "wrong password!",
    )
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    // ... while everyone else behind the same proxy still signs in.
    let r = ask("plans.example.org", "198.51.100.2", "priya", PASSWORD)
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
}

/// `GET /api/v1/accounts` and `POST …/{username}/disable` are an
/// administrator's alone; a disabled account's cookie stops working at once.
async fn an_administrator_disables_an_account_over_http(backend: Backend) {
    let app = spawn_app_on("shared-disable", backend).await;
    add_user(&app, "ada", true);
    add_user(&app, "priya", false);
    let ada = signed_in(&app, "ada").await;
    let priya = signed_in(&app, "priya").await;
    let (status, list) = call(&ada, &app, Method::GET, "/api/v1/accounts", None).await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["ada", "priya"]);
    let (status, _) = call(&priya, &app, Method::GET, "/api/v1/accounts", None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = call(&client(), &app, Method::GET, "/api/v1/accounts", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = call(
        &priya,
        &app,
        Method::POST,
        "/api/v1/accounts/ada/disable",
        Some(json!({})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, _) = call(&priya, &app, Method::GET, "/api/v1/plans", None).await;
    assert_eq!(status, StatusCode::OK);
    let (status, view) = call(
        &ada,
        &app,
        Method::POST,
        "/api/v1/accounts/priya/disable",
        Some(json!({})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert!(view["disabled_at"].is_string(), "{view}");
    let (status, _) = call(&priya, &app, Method::GET, "/api/v1/plans", None).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "the cookie died with the account"
    );
    let (status, body) = call(
        &client(),
        &app,
        Method::POST,
        "/api/v1/session",
        Some(json!({"login": "priya", "password": PASSWORD})),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    let (status, _) = call(
        &ada,
        &app,
        Method::POST,
        "/api/v1/accounts/ada/disable",
        Some(json!({})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not one's own");
    let (status, _) = call(
        &ada,
        &app,
        Method::POST,
        "/api/v1/accounts/priya/enable",
        Some(json!({})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let priya = signed_in(&app, "priya").await;

    // The same from the administrator's page: listed, disabled by a form.
    let html = page_html(&ada, &app, "/admin").await;
    assert!(
        html.contains("action=\"/admin/accounts/priya/disable\""),
        "{html}"
    );
    assert!(
        !html.contains("action=\"/admin/accounts/ada/disable\""),
        "not one's own"
    );
    let token = page_token(&ada, &app, "/admin").await;
    let r = ada
        .post(app.url("/admin/accounts/priya/disable"))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let (status, _) = call(&priya, &app, Method::GET, "/api/v1/plans", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

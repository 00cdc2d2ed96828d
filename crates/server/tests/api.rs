//! The JSON API and the pages against the real server on a loopback port,
//! with a fresh SQLite file per test: every endpoint, every error shape,
//! and that nothing is stored when a request is refused.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod common;

use common::{TestApp, example_json, page_token, rows, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn get(app: &TestApp, path: &str) -> (StatusCode, Value) {
    let r = client().get(app.url(path)).send().await.unwrap();
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn post(app: &TestApp, path: &str, body: &Value) -> (StatusCode, Value) {
    let r = client()
        .post(app.url(path))
        .json(body)
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// The one error shape: a stable code, the field where there is one, a message.
fn assert_error(body: &Value, code: &str) {
    assert_eq!(body["error"]["code"], code, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    assert!(body["error"].get("field").is_some(), "{body}");
}

/// Creates the accountant's plan over the API; returns its id.
async fn create_plan(app: &TestApp) -> i64 {
    let body = json!({
        "profile": example_json("another-route-up-accountant"),
        "option": "finance-supervisor",
        "start": "2026-01-04",
    });
    let (status, plan) = post(app, "/api/v1/plans", &body).await;
    assert_eq!(status, StatusCode::CREATED, "{plan}");
    plan["id"].as_i64().unwrap()
}

#[tokio::test]
async fn lookups_moves_and_transitions() {
    let app = spawn_app("lookups").await;
    let (s, v) = get(
        &app,
        "/api/v1/occupations?q=Senior%20Staff%20Accountant&limit=3",
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["results"][0]["code"], "13-2011.00");
    assert_eq!(v["seniority"], "senior");
    let (s, v) = get(&app, "/api/v1/occupations/15-2051.00").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["title"], "Data Scientists");
    assert_eq!(v["wages"]["annual"]["median"], 120_230);
    let (s, v) = post(
        &app,
        "/api/v1/move",
        &json!({"from": "Financial Managers", "from_level": "director", "to": "Financial Managers", "to_level": "manager"}),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["move"]["kind"], "step_down");
    let (s, v) = get(&app, "/api/v1/transitions?role=data%20scientist&limit=5").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["destinations"].as_array().unwrap().len(), 5);
}

#[tokio::test]
async fn advice_and_routes_match_the_command_line_contract() {
    let app = spawn_app("advice").await;
    let profile = example_json("another-route-up-accountant");
    let (s, v) = post(&app, "/api/v1/advise", &profile).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let option = &v["options"][0];
    assert_eq!(option["id"], "finance-supervisor");
    assert_eq!(option["verdict"], "strategic");
    for field in [
        "circumstances",
        "instead",
        "success",
        "feasibility",
        "onward_route",
        "reasons",
        "living",
    ] {
        assert!(option.get(field).is_some(), "{field}");
    }
    // The same document the application layer gives the command line.
    let text = profile.to_string();
    let engine = common::engine();
    let parsed = engine
        .profile("p.json", &text, switchback_app::ProfileFormat::Json)
        .unwrap();
    let direct =
        serde_json::to_string(&switchback_app::advice::advise(&engine, &parsed).unwrap()).unwrap();
    let direct: Value = serde_json::from_str(&direct).unwrap();
    assert_eq!(v, direct);
    let (s, v) = post(&app, "/api/v1/routes?max_moves=3", &profile).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert!(
        v["routes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["switchback"] == true)
    );
}

#[tokio::test]
async fn a_plan_is_created_checked_in_judged_and_exported() {
    let app = spawn_app("plans").await;
    let id = create_plan(&app).await;
    let (s, list) = get(&app, "/api/v1/plans").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(list[0]["id"], id);
    let (s, plan) = get(&app, &format!("/api/v1/plans/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(plan["tenure"]["start"], "2026-01-04");
    let checkin = json!({"objective": 1, "progress": 40, "note": "budget round", "by": "manager", "date": "2026-03-01"});
    let (s, v) = post(&app, &format!("/api/v1/plans/{id}/checkins"), &checkin).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["by"], "manager");
    let (s, v) = get(&app, &format!("/api/v1/plans/{id}/status?as_of=2026-03-01")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["plan"], id);
    assert!(v["objectives"][0]["progress"] == 40, "{v}");
    for (to, starts) in [
        ("markdown", "# Development plan"),
        ("ics", "BEGIN:VCALENDAR"),
        ("json", "{"),
    ] {
        let r = client()
            .get(app.url(&format!("/api/v1/plans/{id}/export?to={to}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(
            r.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment")
        );
        assert!(r.text().await.unwrap().starts_with(starts), "{to}");
    }
    // The profile the plan was made from comes back as the profile the
    // request carried, named as a profile download.
    let r = client()
        .get(app.url(&format!("/api/v1/plans/{id}/export?to=profile")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.headers()["content-disposition"],
        format!("attachment; filename=\"switchback-profile-{id}.json\"").as_str()
    );
    let kept: serde_json::Value = r.json().await.unwrap();
    assert_eq!(kept, example_json("another-route-up-accountant"));

    // The plan's page shows what the role should develop, each element
    // with its learning — what a manager is asked to agree — not only the
    // objectives.
    let page = client()
        .get(app.url(&format!("/plans/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let elements = plan["elements"].as_array().unwrap();
    assert!(!elements.is_empty());
    for n in 1..=elements.len() {
        assert!(page.contains(&format!("id=\"element-{n}\"")), "element {n}");
    }
    assert!(page.contains("<ul class=\"learning\">"), "its learning");
}

#[tokio::test]
async fn bad_requests_get_the_right_status_and_store_nothing() {
    let app = spawn_app("errors").await;
    let c = client();
    // Malformed JSON.
    let r = c
        .post(app.url("/api/v1/advise"))
        .header("content-type", "application/json")
        .body("{\"current\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_error(&r.json().await.unwrap(), "profile_syntax");
    // Unknown fields, in a profile and in a check-in.
    let (s, v) = post(
        &app,
        "/api/v1/advise",
        &json!({"current": {"role": "Cooks", "salry": 1}}),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_error(&v, "profile_invalid");
    assert_eq!(v["error"]["field"], "current.salry");
    // A wrong content type.
    let r = c
        .post(app.url("/api/v1/advise"))
        .body("current = 1")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_error(&r.json().await.unwrap(), "unsupported_media_type");
    // A huge body.
    let huge = format!("{{\"current\": {{\"role\": \"{}\"}}}}", "x".repeat(400_000));
    let r = c
        .post(app.url("/api/v1/advise"))
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    // Plans that do not exist, and ids that are not ids.
    for path in [
        "/api/v1/plans/7",
        "/api/v1/plans/abc",
        "/api/v1/plans/7/status",
    ] {
        let (s, v) = get(&app, path).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{path}");
        assert_error(&v, "plan_not_found");
    }
    let (s, v) = get(&app, "/api/v1/nothing-here").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_error(&v, "not_found");
    // A plan for an option the profile does not have; a limit out of range.
    let body = json!({"profile": example_json("another-route-up-accountant"), "option": "nope"});
    let (s, v) = post(&app, "/api/v1/plans", &body).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_error(&v, "invalid_argument");
    assert_eq!(v["error"]["field"], "option");
    let (s, v) = get(&app, "/api/v1/transitions?role=cook&limit=5000").await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v["error"]["field"], "limit");
    assert_eq!(rows(&app, "plans"), 0, "nothing stored");
    // Check-ins refused: unknown objective, outside the tenure, in the
    // future, unknown field.
    let id = create_plan(&app).await;
    for (checkin, code) in [
        (
            json!({"objective": 99, "progress": 5, "by": "person", "date": "2026-03-01"}),
            "objective_not_found",
        ),
        (
            json!({"objective": 1, "progress": 5, "by": "person", "date": "2025-03-01"}),
            "checkin_date_outside_tenure",
        ),
        (
            json!({"objective": 1, "progress": 5, "by": "person", "date": "2150-03-01"}),
            "invalid_argument",
        ),
        (
            json!({"objective": 1, "progress": 5, "by": "person", "date": "2026-03-01", "author": "x"}),
            "invalid_body",
        ),
        (
            json!({"objective": 1, "progress": 500, "by": "person", "date": "2026-03-01"}),
            "invalid_body",
        ),
    ] {
        let (s, v) = post(&app, &format!("/api/v1/plans/{id}/checkins"), &checkin).await;
        assert!(s.is_client_error(), "{checkin}: {s}");
        assert_error(&v, code);
    }
    assert_eq!(rows(&app, "checkins"), 0, "nothing stored");
}

#[tokio::test]
async fn pages_carry_the_security_headers_and_forms_need_the_csrf_token() {
    let app = spawn_app("pages").await;
    let c = client();
    let r = c.get(app.url("/")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8");
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let html = r.text().await.unwrap();
    assert!(!html.contains("<script>"), "no inline script");
    // A plan posted without the token, or with a forged one: refused, nothing stored.
    let profile = example_json("another-route-up-accountant").to_string();
    for token in [
        "",
        "0000000000000000000000000000000000000000000000000000000000000000",
    ] {
        let r = c
            .post(app.url("/plans"))
            .form(&[
                ("csrf", token),
                ("profile", profile.as_str()),
                ("option", "finance-supervisor"),
                ("start", "2026-01-04"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
    }
    assert_eq!(rows(&app, "plans"), 0);
    // With the token from the page: created, and redirected to it.
    let token = html
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let r = c
        .post(app.url("/plans"))
        .form(&[
            ("csrf", token),
            ("profile", profile.as_str()),
            ("option", "finance-supervisor"),
            ("start", "2026-01-04"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/plans/1");
    assert_eq!(rows(&app, "plans"), 1);
    // A form over the body limit is too large (413), as in the API, not a
    // form filled in wrong (422); nothing more is stored.
    let huge = "x".repeat(switchback_server::BODY_LIMIT + 1);
    let r = c
        .post(app.url("/plans"))
        .form(&[
            ("csrf", token),
            ("profile", huge.as_str()),
            ("option", "finance-supervisor"),
            ("start", "2026-01-04"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.text().await.unwrap().contains("body_too_large"));
    assert_eq!(rows(&app, "plans"), 1);
}

#[tokio::test]
async fn user_text_is_escaped_in_pages() {
    let app = spawn_app("escaping").await;
    let c = client();
    let token = page_token(&c, &app, "/").await;
    let evil = "<script>alert(1)</script>";
    let r = c
        .post(app.url("/advice"))
        .form(&[
            ("csrf", token.as_str()),
            ("current_role", "Accountants and Auditors"),
            ("current_level", "principal"),
            ("current_department", evil),
            ("option_id_0", evil),
            ("option_role_0", "Budget Analysts"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    assert!(!page.contains(evil), "raw user text in the page");
    // askama writes `<` as `&#60;`.
    assert!(
        page.contains("&#60;script&#62;alert(1)"),
        "escaped, not dropped"
    );
    // A form error goes back to the form with the message beside the field.
    let r = c
        .post(app.url("/advice"))
        .form(&[
            ("csrf", token.as_str()),
            ("current_role", "Accountants and Auditors"),
            ("current_salary", "lots"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text()
            .await
            .unwrap()
            .contains("current.salary: &#34;lots&#34; is not a number")
    );
}

/// The move page prints its numbers as the command line does (two
/// decimals) and levels in prose; a query it cannot answer — an
/// occupation no title matches — comes back with the form, the message
/// and 422, not 200.
#[tokio::test]
async fn the_move_page_answers_as_the_command_line_and_refuses_with_422() {
    let app = spawn_app("move-page").await;
    let c = client();
    let r = c
        .get(app.url(
            "/move?from=Accountants+and+Auditors&from_level=senior_manager&to=Financial+Managers&to_level=director",
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    assert!(page.contains("(senior manager)"), "level in prose");
    assert!(!page.contains("(senior_manager)"), "no raw level name");
    // Every level of the ladder is offered, in prose, valued by its name.
    assert!(page.contains(r#"<option value="senior_manager">senior manager</option>"#));
    assert!(page.contains(r#"<option value="vp">VP</option>"#));
    let landing = page
        .split("landing <strong>")
        .nth(1)
        .and_then(|rest| rest.split("</strong>").next())
        .unwrap();
    assert_eq!(landing.len(), 4, "two decimals: {landing}");
    assert!(landing.parse::<f32>().is_ok(), "{landing}");

    let r = c
        .get(app.url("/move?from=zorblax+quuxifier&to=Financial+Managers"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("no occupation matches"));
}

/// The OpenAPI document describes the routes the server has: every path
/// and method it lists is served (not the fallback's 404 or a 405), and
/// every API route is listed.
#[tokio::test]
async fn the_openapi_document_matches_the_routes() {
    let app = spawn_app("openapi").await;
    let id = create_plan(&app).await;
    let (s, doc) = get(&app, "/api/v1/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    let mut listed: Vec<&str> = paths.keys().map(String::as_str).collect();
    listed.sort_unstable();
    assert_eq!(
        listed,
        [
            "/api/v1/accounts",
            "/api/v1/accounts/{username}/disable",
            "/api/v1/accounts/{username}/enable",
            "/api/v1/advise",
            "/api/v1/invitations",
            "/api/v1/invitations/{token}",
            "/api/v1/move",
            "/api/v1/occupations",
            "/api/v1/occupations/{role}",
            "/api/v1/plans",
            "/api/v1/plans/{id}",
            "/api/v1/plans/{id}/agreements",
            "/api/v1/plans/{id}/agreements/history",
            "/api/v1/plans/{id}/checkins",
            "/api/v1/plans/{id}/export",
            "/api/v1/plans/{id}/invitations",
            "/api/v1/plans/{id}/learning",
            "/api/v1/plans/{id}/members/{username}",
            "/api/v1/plans/{id}/status",
            "/api/v1/routes",
            "/api/v1/session",
            "/api/v1/sessions",
            "/api/v1/transitions",
        ]
    );
    let c = client();
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            let url = app.url(
                &path
                    .replace("{role}", "13-2011.00")
                    .replace("{id}", &id.to_string())
                    .replace("{token}", &"0".repeat(64))
                    .replace("{username}", "nobody"),
            );
            let r = match method.as_str() {
                "get" => c.get(url).send().await.unwrap(),
                "post" => c.post(url).json(&json!({})).send().await.unwrap(),
                // Deleting the plan last would leave nothing to try the
                // rest on: a plan that does not exist stands in.
                "delete" => c
                    .delete(url.replace(&format!("/plans/{id}"), "/plans/999"))
                    .send()
                    .await
                    .unwrap(),
                other => panic!("unexpected method {other}"),
            };
            let status = r.status();
            let body: Value = r.json().await.unwrap_or(Value::Null);
            assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
            assert_ne!(
                body["error"]["code"], "not_found",
                "{method} {path} is not served"
            );
            // Every response the document names for errors has the error shape.
            if status.is_client_error() {
                assert!(body["error"]["code"].is_string(), "{method} {path}: {body}");
            }
        }
    }
    // The responses refer to schemas that exist.
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in [
        "AdviceView",
        "RoutesView",
        "PlanView",
        "ErrorBody",
        "CheckInRequest",
        "MoveRequest",
    ] {
        assert!(schemas.contains_key(name), "{name}");
    }
}

/// Another site re-pointing its name at 127.0.0.1 (DNS rebinding) is not
/// answered; a form posted from another origin is refused even with a
/// token planted in the cookie; wrong methods and unknown pages get the
/// right shape.
#[tokio::test]
async fn foreign_hosts_origins_and_methods_are_refused() {
    let app = spawn_app("hosts").await;
    let c = client();
    let r = c
        .get(app.url("/api/v1/plans"))
        .header("host", "evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::MISDIRECTED_REQUEST);
    assert!(r.headers().contains_key("content-security-policy"));
    assert_error(&r.json().await.unwrap(), "host_not_allowed");
    let r = c
        .get(app.url("/").replace("127.0.0.1", "localhost"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "localhost is this machine");
    // A planted cookie and a matching token, from another origin.
    let token = "cd".repeat(32);
    let profile = example_json("another-route-up-accountant").to_string();
    for (header, value) in [
        ("origin", "http://localhost:3000"),
        ("sec-fetch-site", "same-site"),
    ] {
        let r = c
            .post(app.url("/plans"))
            .header("cookie", format!("switchback_csrf={token}"))
            .header(header, value)
            .form(&[
                ("csrf", token.as_str()),
                ("profile", profile.as_str()),
                ("option", "finance-supervisor"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{header}");
    }
    assert_eq!(rows(&app, "plans"), 0);
    let (s, v) = get(&app, "/api/v1/advise").await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    assert_error(&v, "method_not_allowed");
    let r = c.get(app.url("/no-such-page")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
}

/// The profile file the command line reads, uploaded: advised on as the
/// form is, and downloadable again as JSON that reads the same.
#[tokio::test]
async fn a_profile_file_uploads_and_downloads() {
    let app = spawn_app("upload").await;
    let c = client();
    let token = page_token(&c, &app, "/").await;
    let text = std::fs::read_to_string(format!(
        "{}/another-route-up-accountant.toml",
        common::EXAMPLES
    ))
    .unwrap();
    let form = reqwest::multipart::Form::new()
        .text("csrf", token.clone())
        .part(
            "profile",
            reqwest::multipart::Part::text(text).file_name("priya.toml"),
        );
    let r = c
        .post(app.url("/advice/upload"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("data-verdict=\"strategic\""),
        "the option judged"
    );
    assert!(page.contains("class=\"route-chart\""), "the chart drawn");
    // The page carries the profile as JSON; downloading it gives a file
    // the API reads the same.
    let profile = page
        .split("name=\"profile\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let profile = profile
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#38;", "&")
        .replace("&#60;", "<")
        .replace("&#62;", ">");
    let r = c
        .post(app.url("/profile.json"))
        .form(&[("csrf", token.as_str()), ("profile", profile.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("profile.json")
    );
    let downloaded: Value = r.json().await.unwrap();
    let (s, advice) = post(&app, "/api/v1/advise", &downloaded).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(advice["options"][0]["verdict"], "strategic");
    // A file that is not a profile: the error page, nothing else.
    let form = reqwest::multipart::Form::new().text("csrf", token).part(
        "profile",
        reqwest::multipart::Part::text("[current]\nrole = 3\n").file_name("bad.toml"),
    );
    let r = c
        .post(app.url("/advice/upload"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_client_error(), "{}", r.status());
}

/// The form's "offered to you" box reaches the advice: an option held as
/// an offer is certain to be landed, and the page says so.
#[tokio::test]
async fn an_option_ticked_as_offered_is_landed_for_certain() {
    let app = spawn_app("offered").await;
    let c = client();
    let token = page_token(&c, &app, "/").await;
    let advise = |offered: bool| {
        let mut form = vec![
            ("csrf", token.as_str()),
            ("current_role", "Registered Nurses"),
            ("current_level", "senior"),
            ("option_role_0", "Nurse Practitioners"),
            ("option_level_0", "senior"),
        ];
        if offered {
            form.push(("option_offered_0", "on"));
        }
        c.post(app.url("/advice")).form(&form).send()
    };
    let held = advise(true).await.unwrap();
    assert_eq!(held.status(), StatusCode::OK);
    let held = held.text().await.unwrap();
    assert!(held.contains("you hold this offer"), "{held}");
    let applying = advise(false).await.unwrap().text().await.unwrap();
    assert!(!applying.contains("you hold this offer"));
}

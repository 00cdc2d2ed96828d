//! Shared plans on a real SQLite file and a real PostgreSQL database
//! (each test runs on both, `on_both!`): who may do what (the access
//! matrix), sessions, invitations, brute force, agreements, deletion and
//! simultaneous check-ins. docs/SECURITY.md lists what each test proves.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use std::path::Path;
use std::sync::OnceLock;

use jiff::{SignedDuration, Timestamp};
use switchback_app::accounts::{self, AccountRequest, Session};
use switchback_app::plans::{self, CreateRequest};
use switchback_app::{AppError, Author, Engine, Progress};
use switchback_core::access::{self, Action, PlanRole};
use switchback_core::development::status::CheckIn;
use switchback_store::accounts::{Part, User};
use switchback_store::testing::{self, Backend};
use switchback_store::{Database, PlanId, Store};

use switchback_store::on_both;

on_both!(
    an_administrator_disables_and_enables_accounts,
    text_no_database_can_keep_is_refused_alike,
    the_access_matrix_holds_for_every_role_and_action,
    a_check_in_is_authored_by_the_session_never_the_form,
    sessions_end_on_sign_out_expire_and_are_never_reused,
    passwords_and_tokens_are_never_stored_in_clear,
    wrong_passwords_are_refused_alike_and_guessing_is_slowed,
    invitations_work_once_expire_and_come_only_from_who_may_give_them,
    the_manager_agrees_and_the_agreement_is_kept,
    learning_added_by_hr_asks_the_manager_to_agree_again,
    deleting_a_plan_is_the_persons_and_takes_its_history_for_everyone,
    the_person_and_the_manager_checking_in_at_once_both_keep_theirs,
    guesses_made_at_once_cannot_slip_under_the_limit,
    a_role_removed_before_the_write_refuses_the_write,
);

const PROFILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/another-route-up-accountant.toml"
);
const PASSWORD: &str = "correct horse battery staple";

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::embedded().unwrap())
}

fn now() -> Timestamp {
    "2027-01-04T09:00:00Z".parse().unwrap()
}

/// A new, empty database of `backend` for the test `name`.
fn db(name: &str, backend: Backend) -> Database {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("accounts");
    testing::scratch(backend, name, &dir)
}

fn user(store: &mut Store, name: &str, admin: bool) -> User {
    let req = AccountRequest {
        username: name,
        email: Some(&format!("{name}@example.org")),
        password: PASSWORD,
    };
    let id = accounts::add_user(store, &req, admin, now()).unwrap();
    store.user(id).unwrap().unwrap()
}

fn sign_in(
    store: &mut Store,
    login: &str,
    password: &str,
    at: Timestamp,
) -> Result<Session, AppError> {
    accounts::sign_in(store, login, password, "192.0.2.1", at)
}

/// A plan owned by `owner`, made from the accountant example.
fn plan_of(db: &Database, owner: &User) -> PlanId {
    let (profile, document) = engine().profile_file_document(Path::new(PROFILE)).unwrap();
    let req = CreateRequest {
        profile: &profile,
        document: &document,
        option: "finance-supervisor",
        start: "2027-01-04".parse().unwrap(),
        owner: Some(owner.id),
    };
    let created = plans::create(
        engine(),
        || Ok(db.open()?),
        &req,
        now(),
        "2027-01-04".parse().unwrap(),
    )
    .unwrap();
    created.stored.id
}

/// Everyone the matrix asks about, on one plan.
struct Cast {
    db: Database,
    plan: PlanId,
    owner: User,
    manager: User,
    hr: User,
    other: User,
    admin: User,
}

fn cast(name: &str, backend: Backend) -> Cast {
    let db = db(name, backend);
    let mut store = db.open().unwrap();
    let owner = user(&mut store, "priya", false);
    let manager = user(&mut store, "marcus", false);
    let hr = user(&mut store, "hana", false);
    let other = user(&mut store, "oscar", false);
    let admin = user(&mut store, "ada", true);
    drop(store);
    let plan = plan_of(&db, &owner);
    let mut store = db.open().unwrap();
    for (who, role) in [(&manager, PlanRole::Manager), (&hr, PlanRole::Hr)] {
        let link = accounts::invite_to_plan(&mut store, &owner, plan, role, now()).unwrap();
        let got = accounts::accept_plan_invitation(&mut store, link.expose(), who, now()).unwrap();
        assert_eq!(got, plan);
    }
    Cast {
        db,
        plan,
        owner,
        manager,
        hr,
        other,
        admin,
    }
}

fn checkin(objective: u32, progress: u8, by: Author) -> CheckIn {
    CheckIn {
        objective,
        progress: Progress::try_from(progress).unwrap(),
        note: Some("note".into()),
        by,
        date: "2027-02-01".parse().unwrap(),
    }
}

fn the_access_matrix_holds_for_every_role_and_action(backend: Backend) {
    let c = cast("matrix", backend);
    let store = c.db.open().unwrap();
    let roles: [(&str, Option<&User>, Option<PlanRole>); 6] = [
        ("owner", Some(&c.owner), Some(PlanRole::Owner)),
        ("manager", Some(&c.manager), Some(PlanRole::Manager)),
        ("hr", Some(&c.hr), Some(PlanRole::Hr)),
        ("another user", Some(&c.other), None),
        ("administrator", Some(&c.admin), None),
        ("no session", None, None),
    ];
    for (who, user, role) in roles {
        for action in Action::ALL {
            let got = accounts::authorize(&store, user, c.plan, action);
            match (access::allows(role, action), role) {
                (true, Some(r)) => assert_eq!(got.unwrap(), r, "{who} {action:?}"),
                (false, Some(_)) => assert!(
                    matches!(got, Err(AppError::Forbidden { .. })),
                    "{who} {action:?}: {got:?}"
                ),
                (_, None) => assert!(
                    matches!(got, Err(AppError::PlanNotFound { .. })),
                    "{who} {action:?}: {got:?}"
                ),
            }
        }
    }
    // No role looks exactly like no plan: the same error for a plan that
    // does not exist.
    let missing = PlanId::parse("999").unwrap();
    let a = accounts::authorize(&store, Some(&c.other), c.plan, Action::Read).unwrap_err();
    let b = accounts::authorize(&store, Some(&c.other), missing, Action::Read).unwrap_err();
    assert_eq!(a.code(), b.code());
    assert_eq!(
        a.to_string().replace(&c.plan.to_string(), "N"),
        b.to_string().replace("999", "N")
    );
}

fn a_check_in_is_authored_by_the_session_never_the_form(backend: Backend) {
    let c = cast("author", backend);
    let mut store = c.db.open().unwrap();
    // The manager's form claims to be the person: the record says manager.
    accounts::check_in(
        &mut store,
        &c.manager,
        c.plan,
        checkin(1, 30, Author::Person),
        now(),
    )
    .unwrap();
    accounts::check_in(
        &mut store,
        &c.hr,
        c.plan,
        checkin(2, 10, Author::Manager),
        now(),
    )
    .unwrap();
    accounts::check_in(
        &mut store,
        &c.owner,
        c.plan,
        checkin(3, 50, Author::Hr),
        now(),
    )
    .unwrap();
    let e = accounts::check_in(
        &mut store,
        &c.other,
        c.plan,
        checkin(1, 90, Author::Person),
        now(),
    );
    assert!(matches!(e, Err(AppError::PlanNotFound { .. })), "{e:?}");
    let by: Vec<Author> = store
        .plan(c.plan)
        .unwrap()
        .checkins
        .iter()
        .map(|s| s.checkin.by)
        .collect();
    assert_eq!(by, [Author::Manager, Author::Hr, Author::Person]);
}

fn sessions_end_on_sign_out_expire_and_are_never_reused(backend: Backend) {
    let db = db("sessions", backend);
    let mut store = db.open().unwrap();
    let priya = user(&mut store, "priya", false);
    let first = sign_in(&mut store, "priya", PASSWORD, now()).unwrap();
    let second = sign_in(&mut store, "PRIYA@example.org", PASSWORD, now()).unwrap();
    assert_ne!(first.token, second.token, "every sign-in gets a new token");
    let who = |s: &Store, t: &str, at| accounts::current_user(s, t, at).unwrap().map(|u| u.id);
    assert_eq!(who(&store, first.token.expose(), now()), Some(priya.id));
    // A stolen cookie from before sign-out is refused after it.
    accounts::sign_out(&mut store, first.token.expose()).unwrap();
    assert_eq!(who(&store, first.token.expose(), now()), None);
    assert_eq!(who(&store, second.token.expose(), now()), Some(priya.id));
    // Expired.
    let later = now() + SignedDuration::from_hours(accounts::SESSION_HOURS);
    assert_eq!(who(&store, second.token.expose(), later), None);
    // Signing out everywhere ends every session.
    let third = sign_in(&mut store, "priya", PASSWORD, now()).unwrap();
    accounts::sign_out_everywhere(&mut store, &priya).unwrap();
    assert_eq!(who(&store, third.token.expose(), now()), None);
    // A token no one was given (fixation: an attacker's own value) is nobody's.
    assert_eq!(who(&store, &"a".repeat(64), now()), None);
    assert_eq!(who(&store, "not-a-token", now()), None);
}

fn passwords_and_tokens_are_never_stored_in_clear(backend: Backend) {
    let db = db("clear", backend);
    let mut store = db.open().unwrap();
    user(&mut store, "priya", false);
    let s = sign_in(&mut store, "priya", PASSWORD, now()).unwrap();
    drop(store);
    let bytes = match db.sqlite_path() {
        Some(path) => {
            let mut bytes = std::fs::read(path).unwrap();
            if let Ok(wal) = std::fs::read(path.with_extension("db-wal")) {
                bytes.extend(wal);
            }
            bytes
        }
        // Every value of every table, as text.
        None => testing::all_tables_text(&db).unwrap().into_bytes(),
    };
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(contains(b"$argon2id$"), "the hash is there");
    assert!(!contains(PASSWORD.as_bytes()), "the password is not");
    assert!(
        !contains(s.token.expose().as_bytes()),
        "the session token is not"
    );
}

fn wrong_passwords_are_refused_alike_and_guessing_is_slowed(backend: Backend) {
    let db = db("brute", backend);
    let mut store = db.open().unwrap();
    user(&mut store, "priya", false);
    let no_user = sign_in(&mut store, "nobody", PASSWORD, now()).unwrap_err();
    let bad = sign_in(&mut store, "priya", "wrong password!!", now()).unwrap_err();
    assert_eq!(no_user.to_string(), bad.to_string());
    assert_eq!(bad.code(), "sign_in_failed");
    for _ in 1..accounts::MAX_FAILURES_PER_ACCOUNT {
        sign_in(&mut store, "priya", "wrong password!!", now()).unwrap_err();
    }
    // The account is held back now, even with the right password …
    let held = sign_in(&mut store, "priya", PASSWORD, now()).unwrap_err();
    assert_eq!(held.code(), "too_many_attempts");
    // … until the window has passed.
    let later = now() + SignedDuration::from_mins(accounts::FAILURE_WINDOW_MINUTES + 1);
    sign_in(&mut store, "priya", PASSWORD, later).unwrap();
    // Per address: many accounts guessed from one address.
    let at = later + SignedDuration::from_mins(1);
    for i in 0..accounts::MAX_FAILURES_PER_ADDRESS {
        sign_in(&mut store, &format!("guess{i}"), "wrong password!!", at).unwrap_err();
    }
    let e = sign_in(&mut store, "priya", PASSWORD, at).unwrap_err();
    assert_eq!(e.code(), "too_many_attempts");
    let elsewhere = accounts::sign_in(&mut store, "priya", PASSWORD, "198.51.100.7", at);
    assert!(elsewhere.is_ok(), "another address is not held back");
}

fn invitations_work_once_expire_and_come_only_from_who_may_give_them(backend: Backend) {
    let db = db("invitations", backend);
    let mut store = db.open().unwrap();
    let ada = user(&mut store, "ada", true);
    let priya = user(&mut store, "priya", false);
    let new = |name: &'static str| AccountRequest {
        username: name,
        email: None,
        password: PASSWORD,
    };
    let link = accounts::invite_account(&mut store, &ada, now()).unwrap();
    let s = accounts::accept_account(&mut store, link.expose(), &new("marcus"), now()).unwrap();
    assert!(!s.user.admin);
    // Replayed.
    let e =
        accounts::accept_account(&mut store, link.expose(), &new("mallory"), now()).unwrap_err();
    assert_eq!(e.code(), "invitation_invalid");
    // Expired.
    let link = accounts::invite_account(&mut store, &ada, now()).unwrap();
    let late = now() + SignedDuration::from_hours(24 * accounts::INVITATION_DAYS);
    let e = accounts::accept_account(&mut store, link.expose(), &new("late"), late).unwrap_err();
    assert_eq!(e.code(), "invitation_invalid");
    // Only an administrator invites accounts.
    let e = accounts::invite_account(&mut store, &priya, now()).unwrap_err();
    assert_eq!(e.code(), "forbidden");
    // Only the person invites to their plan: a manager cannot invite.
    drop(store);
    let plan = plan_of(&db, &priya);
    let mut store = db.open().unwrap();
    let e = accounts::invite_to_plan(&mut store, &s.user, plan, PlanRole::Hr, now()).unwrap_err();
    assert_eq!(
        e.code(),
        "plan_not_found",
        "no role yet: the plan is not there"
    );
    // A plan link taken once gives its role once.
    let link =
        accounts::invite_to_plan(&mut store, &priya, plan, PlanRole::Manager, now()).unwrap();
    accounts::accept_plan_invitation(&mut store, link.expose(), &s.user, now()).unwrap();
    let e = accounts::accept_plan_invitation(&mut store, link.expose(), &ada, now()).unwrap_err();
    assert_eq!(e.code(), "invitation_invalid");
    assert_eq!(store.role_of(plan, ada.id).unwrap(), None);
    // Removed, the manager sees nothing again.
    assert!(store.remove_member(plan, s.user.id).unwrap());
    let e = accounts::authorize(&store, Some(&s.user), plan, Action::Read).unwrap_err();
    assert_eq!(e.code(), "plan_not_found");
}

fn the_manager_agrees_and_the_agreement_is_kept(backend: Backend) {
    let c = cast("agree", backend);
    let mut store = c.db.open().unwrap();
    let e = accounts::agree(&mut store, &c.owner, c.plan, Part::Objectives, now()).unwrap_err();
    assert_eq!(
        e.code(),
        "forbidden",
        "the person does not agree their own plan"
    );
    accounts::agree(&mut store, &c.manager, c.plan, Part::Objectives, now()).unwrap();
    accounts::agree(&mut store, &c.manager, c.plan, Part::Tenure, now()).unwrap();
    let states = accounts::agreements(&store, &c.hr, c.plan).unwrap();
    let parts: Vec<(Part, &str, bool)> = states
        .iter()
        .map(|a| (a.part, a.by.as_str(), a.current))
        .collect();
    assert_eq!(
        parts,
        [
            (Part::Objectives, "marcus", true),
            (Part::Tenure, "marcus", true)
        ]
    );
}

fn learning_added_by_hr_asks_the_manager_to_agree_again(backend: Backend) {
    let c = cast("learning", backend);
    let mut store = c.db.open().unwrap();
    accounts::agree(&mut store, &c.manager, c.plan, Part::Development, now()).unwrap();
    accounts::agree(&mut store, &c.manager, c.plan, Part::Tenure, now()).unwrap();
    let req = accounts::LearningRequest {
        element: 1,
        kind: "mentoring",
        title: "Shadow the finance director at the budget round",
        provider: Some("Acme finance"),
        url: None,
    };
    let e = accounts::add_learning(&mut store, &c.manager, c.plan, &req).unwrap_err();
    assert_eq!(e.code(), "forbidden", "the manager does not add learning");
    // A link is a web address, nothing a page would run.
    let before = store.plan(c.plan).unwrap().plan.elements[0].learning.len();
    for url in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "ftp://x",
    ] {
        let bad = accounts::LearningRequest {
            url: Some(url),
            ..req.clone()
        };
        let e = accounts::add_learning(&mut store, &c.hr, c.plan, &bad).unwrap_err();
        assert_eq!(e.code(), "invalid_argument", "{url}");
        assert!(e.to_string().starts_with("url: "), "{e}");
    }
    let unchanged = store.plan(c.plan).unwrap().plan.elements[0].learning.len();
    assert_eq!(unchanged, before, "nothing stored when refused");
    accounts::add_learning(&mut store, &c.hr, c.plan, &req).unwrap();
    let learning = &store.plan(c.plan).unwrap().plan.elements[0].learning;
    let added = learning.last().unwrap();
    assert_eq!(added.activity.title, req.title);
    assert_eq!(
        added.source,
        switchback_core::development::learning::ActivitySource::HrPartner
    );
    let states = accounts::agreements(&store, &c.owner, c.plan).unwrap();
    let current: Vec<(Part, bool)> = states.iter().map(|a| (a.part, a.current)).collect();
    assert_eq!(
        current,
        [(Part::Development, false), (Part::Tenure, true)],
        "the development elements changed; the tenure did not"
    );
    // Agreed again, the part is current; the history keeps both, newest
    // first, the first marked as agreeing to a version since changed.
    accounts::agree(&mut store, &c.manager, c.plan, Part::Development, now()).unwrap();
    let history = accounts::agreement_history(&store, &c.hr, c.plan).unwrap();
    let entries: Vec<(Part, &str, bool)> = history
        .iter()
        .map(|a| (a.part, a.by.as_str(), a.current))
        .collect();
    assert_eq!(
        entries,
        [
            (Part::Development, "marcus", true),
            (Part::Tenure, "marcus", true),
            (Part::Development, "marcus", false),
        ]
    );
    let latest = accounts::agreements(&store, &c.owner, c.plan).unwrap();
    assert!(latest.iter().all(|a| a.current));
    assert_eq!(latest.len(), 2);
    let bad = accounts::LearningRequest {
        element: 99,
        ..req.clone()
    };
    let e = accounts::add_learning(&mut store, &c.hr, c.plan, &bad).unwrap_err();
    assert_eq!(e.field(), Some("element"));
    let bad = accounts::LearningRequest {
        kind: "webinar",
        ..req
    };
    let e = accounts::add_learning(&mut store, &c.hr, c.plan, &bad).unwrap_err();
    assert_eq!(e.field(), Some("kind"));
}

fn deleting_a_plan_is_the_persons_and_takes_its_history_for_everyone(backend: Backend) {
    let c = cast("delete", backend);
    let mut store = c.db.open().unwrap();
    accounts::check_in(
        &mut store,
        &c.manager,
        c.plan,
        checkin(1, 30, Author::Manager),
        now(),
    )
    .unwrap();
    accounts::agree(&mut store, &c.manager, c.plan, Part::Tenure, now()).unwrap();
    let e = accounts::delete_plan(&mut store, &c.manager, c.plan).unwrap_err();
    assert_eq!(e.code(), "forbidden");
    accounts::delete_plan(&mut store, &c.owner, c.plan).unwrap();
    for who in [&c.owner, &c.manager, &c.hr] {
        let e = accounts::authorize(&store, Some(who), c.plan, Action::Read).unwrap_err();
        assert_eq!(e.code(), "plan_not_found");
    }
    drop(store);
    for table in ["checkins", "agreements", "plan_members", "invitations"] {
        assert_eq!(testing::count_rows(&c.db, table).unwrap(), 0, "{table}");
    }
}

fn the_person_and_the_manager_checking_in_at_once_both_keep_theirs(backend: Backend) {
    let c = cast("together", backend);
    let go = |who: User, objective: u32| {
        let db = c.db.clone();
        let plan = c.plan;
        std::thread::spawn(move || {
            let mut store = db.open().unwrap();
            for i in 0..10 {
                accounts::check_in(
                    &mut store,
                    &who,
                    plan,
                    checkin(objective, 10 + i, Author::Person),
                    now(),
                )
                .unwrap();
            }
        })
    };
    let a = go(c.owner.clone(), 1);
    let b = go(c.manager.clone(), 2);
    a.join().unwrap();
    b.join().unwrap();
    let store = c.db.open().unwrap();
    let stored = store.plan(c.plan).unwrap().checkins;
    assert_eq!(stored.len(), 20);
    let by_manager = stored
        .iter()
        .filter(|s| s.checkin.by == Author::Manager)
        .count();
    assert_eq!(by_manager, 10);
}

fn guesses_made_at_once_cannot_slip_under_the_limit(backend: Backend) {
    let db = db("parallel", backend);
    let mut store = db.open().unwrap();
    user(&mut store, "priya", false);
    drop(store);
    let results: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..12)
            .map(|_| {
                let db = db.clone();
                scope.spawn(move || {
                    let mut store = db.open().unwrap();
                    sign_in(&mut store, "priya", "wrong password!!", now())
                        .unwrap_err()
                        .code()
                        .to_owned()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let tried = results.iter().filter(|c| *c == "sign_in_failed").count();
    assert_eq!(
        tried,
        accounts::MAX_FAILURES_PER_ACCOUNT as usize,
        "{results:?}"
    );
    assert!(
        results
            .iter()
            .all(|c| c == "sign_in_failed" || c == "too_many_attempts")
    );
}

/// The role is checked again inside the write's own transaction: a
/// manager removed after the request's check (here: before the store call)
/// writes nothing.
fn a_role_removed_before_the_write_refuses_the_write(backend: Backend) {
    let c = cast("late-removal", backend);
    let mut store = c.db.open().unwrap();
    assert!(store.remove_member(c.plan, c.manager.id).unwrap());
    let e = store
        .check_in_by(
            c.plan,
            &checkin(1, 30, Author::Manager),
            Some(c.manager.id),
            now(),
        )
        .unwrap_err();
    assert!(
        matches!(e, switchback_store::StoreError::NoRole { .. }),
        "{e:?}"
    );
    let e = store
        .agree(c.plan, Part::Tenure, c.manager.id, "v", now())
        .unwrap_err();
    assert!(
        matches!(e, switchback_store::StoreError::NoRole { .. }),
        "{e:?}"
    );
    // An author that is not the account's role is refused too.
    let e = store
        .check_in_by(
            c.plan,
            &checkin(1, 30, Author::Manager),
            Some(c.hr.id),
            now(),
        )
        .unwrap_err();
    assert!(
        matches!(e, switchback_store::StoreError::NoRole { .. }),
        "{e:?}"
    );
    let e = store.delete_plan(c.plan, c.hr.id).unwrap_err();
    assert!(
        matches!(e, switchback_store::StoreError::NoRole { .. }),
        "{e:?}"
    );
    assert!(store.plan(c.plan).unwrap().checkins.is_empty());
    assert!(store.agreements(c.plan).unwrap().is_empty());
}

/// A NUL character (which PostgreSQL's text cannot hold) is refused as bad
/// input, naming the field, on both databases — never a database failure.
fn text_no_database_can_keep_is_refused_alike(backend: Backend) {
    let c = cast("nul", backend);
    let mut store = c.db.open().unwrap();
    let req = plans::CheckInRequest {
        objective: 1,
        progress: 20,
        note: Some("half\0way".into()),
        by: Author::Person,
        date: "2027-02-01".parse().unwrap(),
    };
    let e = plans::check_in(&mut store, c.plan, &req, Some(&c.owner), now()).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        ("invalid_argument", Some("note")),
        "{e}"
    );
    let e = sign_in(&mut store, "priya\0", PASSWORD, now()).unwrap_err();
    assert_eq!(e.code(), "sign_in_failed");
    let req = AccountRequest {
        username: "nadia",
        email: Some("na\0dia@example.org"),
        password: PASSWORD,
    };
    let e = accounts::add_user(&mut store, &req, false, now()).unwrap_err();
    assert_eq!(e.field(), Some("email"), "{e}");
    assert_eq!(store.plan(c.plan).unwrap().checkins.len(), 0);
}

/// Someone leaves: an administrator disables their account — its
/// sessions end at once, its password opens nothing, its plans and their
/// history stay — and may enable it again. Only an administrator does, and
/// never to their own account.
fn an_administrator_disables_and_enables_accounts(backend: Backend) {
    let c = cast("disable", backend);
    let mut store = c.db.open().unwrap();
    let session = sign_in(&mut store, "marcus", PASSWORD, now()).unwrap();
    accounts::check_in(
        &mut store,
        &c.manager,
        c.plan,
        checkin(1, 30, Author::Manager),
        now(),
    )
    .unwrap();

    let e =
        accounts::set_account_disabled(&mut store, &c.owner, "marcus", true, now()).unwrap_err();
    assert_eq!(e.code(), "forbidden");
    let e = accounts::set_account_disabled(&mut store, &c.admin, "ada", true, now()).unwrap_err();
    assert_eq!(e.field(), Some("username"), "{e}");
    let e =
        accounts::set_account_disabled(&mut store, &c.admin, "nobody", true, now()).unwrap_err();
    assert_eq!(e.field(), Some("username"), "{e}");

    let gone = accounts::set_account_disabled(&mut store, &c.admin, "MARCUS", true, now()).unwrap();
    assert_eq!(gone.disabled_at, Some(now().to_string()));
    assert_eq!(
        accounts::current_user(&store, session.token.expose(), now()).unwrap(),
        None,
        "the session ended with the account"
    );
    let e = sign_in(&mut store, "marcus", PASSWORD, now()).unwrap_err();
    assert_eq!(e.code(), "sign_in_failed", "refused as any wrong login");
    let listed = accounts::accounts(&store, &c.admin).unwrap();
    assert_eq!(listed.len(), 5);
    assert!(
        listed
            .iter()
            .any(|a| a.user.username == "marcus" && a.disabled_at.is_some())
    );
    assert_eq!(
        accounts::accounts(&store, &c.hr).unwrap_err().code(),
        "forbidden"
    );
    let history = store.plan(c.plan).unwrap().checkins;
    assert_eq!(history.len(), 1, "what the account wrote stays");
    assert_eq!(history[0].account.as_deref(), Some("marcus"));
    // Disabled twice, it keeps the first date.
    let later = now() + SignedDuration::from_hours(1);
    let again =
        accounts::set_account_disabled(&mut store, &c.admin, "marcus", true, later).unwrap();
    assert_eq!(again.disabled_at, Some(now().to_string()));
    // A disabled account holds no role where a write checks it.
    let e = store
        .check_in_by(
            c.plan,
            &checkin(1, 40, Author::Manager),
            Some(c.manager.id),
            now(),
        )
        .unwrap_err();
    assert!(
        matches!(e, switchback_store::StoreError::NoRole { .. }),
        "{e}"
    );

    accounts::set_account_disabled(&mut store, &c.admin, "marcus", false, now()).unwrap();
    sign_in(&mut store, "marcus", PASSWORD, now()).unwrap();

    // The person's link for an HR partner dies while she is disabled; the
    // role of a member who has left can still be taken away.
    let link = accounts::invite_to_plan(&mut store, &c.owner, c.plan, PlanRole::Hr, now()).unwrap();
    accounts::set_account_disabled(&mut store, &c.admin, "marcus", true, now()).unwrap();
    accounts::remove_member(&mut store, &c.owner, c.plan, "marcus").unwrap();
    // The person is not a member to remove: she is told so, not that she
    // holds no role.
    let e = accounts::remove_member(&mut store, &c.owner, c.plan, &c.owner.username).unwrap_err();
    assert!(e.to_string().contains("is the plan's person"), "{e}");
    accounts::set_account_disabled(&mut store, &c.admin, "priya", true, now()).unwrap();
    let e =
        accounts::accept_plan_invitation(&mut store, link.expose(), &c.other, now()).unwrap_err();
    assert_eq!(e.code(), "invitation_invalid");
    accounts::set_account_disabled(&mut store, &c.admin, "marcus", false, now()).unwrap();
    assert_eq!(store.role_of(c.plan, c.manager.id).unwrap(), None);
    // Two administrators disabling each other at once: the second acts on
    // a User loaded before the first's write, and is refused inside its
    // own, so an enabled administrator remains.
    let grace = user(&mut store, "grace", true);
    accounts::set_account_disabled(&mut store, &grace, "ada", true, now()).unwrap();
    let e = accounts::set_account_disabled(&mut store, &c.admin, "grace", true, now()).unwrap_err();
    assert_eq!(e.code(), "forbidden", "{e}");
    let grace_now = store.account_named("grace").unwrap().unwrap();
    assert_eq!(grace_now.disabled_at, None, "nothing written");
    accounts::set_account_disabled(&mut store, &grace, "ada", false, now()).unwrap();
    // A name of dots would be a path segment in the links naming accounts.
    for name in ["..", ".hidden", "-x"] {
        assert!(accounts::check_username(name).is_err(), "{name}");
    }
}

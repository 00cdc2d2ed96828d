//! Accounts and shared plans: signing in and out, invitations, and the
//! one place a request's access to a plan is decided ([`authorize`], on
//! `switchback_core::access`'s table).
//!
//! Passwords are hashed with Argon2id at OWASP's recommended parameters
//! (19 MiB, 2 passes, 1 lane). Session and invitation tokens are 32 random
//! bytes from the operating system, handed out once as hex; the store
//! keeps only their BLAKE2s digests. Failed sign-ins are counted per
//! account and per address, and past a limit within a window the next
//! attempt is refused until the window has passed.

use std::sync::OnceLock;

use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use blake2::{Blake2s256, Digest};
use jiff::{SignedDuration, Timestamp};
use switchback_core::access::{self, Action, PlanRole};
use switchback_core::development::DevelopmentPlan;
use switchback_core::development::status::{Author, CheckIn};
pub use switchback_store::accounts::InvitationFor;
use switchback_store::accounts::{Account, NewUser, Part, TokenDigest, User, UserId};
use switchback_store::{PlanId, Store};

use crate::AppError;

/// How long a session lasts from signing in.
pub const SESSION_HOURS: i64 = 12;
/// How long an invitation link stays good.
pub const INVITATION_DAYS: i64 = 7;
/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The longest password accepted (hashing cost grows with it).
pub const MAX_PASSWORD_BYTES: usize = 1024;
/// The window failed sign-ins are counted over.
pub const FAILURE_WINDOW_MINUTES: i64 = 15;
/// Failed sign-ins to one account within the window before it is refused.
pub const MAX_FAILURES_PER_ACCOUNT: u32 = 5;
/// Failed sign-ins from one address within the window before it is refused.
pub const MAX_FAILURES_PER_ADDRESS: u32 = 20;

/// A secret handed out once: a session cookie's value or an invitation
/// link's token. Its `Debug` form hides it, so it is never logged.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(…)")
    }
}

impl Token {
    /// A new random token.
    pub fn new() -> Result<Token, AppError> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| {
            AppError::invalid("token", format!("no randomness from the system: {e}"))
        })?;
        Ok(Token(hex(&bytes)))
    }

    /// A token as received (a cookie, a link); `None` unless it has the
    /// shape of one this module made.
    pub fn parse(text: &str) -> Option<Token> {
        (text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| Token(text.to_ascii_lowercase()))
    }

    /// The secret, to put in a cookie or a link.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What the store keeps of it.
    pub fn digest(&self) -> TokenDigest {
        let mut out = [0u8; 32];
        out.copy_from_slice(&Blake2s256::digest(self.0.as_bytes()));
        out
    }
}

/// A signed-in session.
#[derive(Clone, Debug)]
pub struct Session {
    /// The cookie's value.
    pub token: Token,
    /// Whose it is.
    pub user: User,
    /// When it ends.
    pub expires: Timestamp,
}

/// A new account's details, as typed.
#[derive(Clone, Debug)]
pub struct AccountRequest<'a> {
    /// The name to sign in with.
    pub username: &'a str,
    /// An e-mail address, if any (also accepted to sign in).
    pub email: Option<&'a str>,
    /// The password.
    pub password: &'a str,
}

/// Creates an account (the first administrator from the command line; the
/// others through an administrator's invitation).
pub fn add_user(
    store: &mut Store,
    req: &AccountRequest<'_>,
    admin: bool,
    now: Timestamp,
) -> Result<UserId, AppError> {
    check_username(req.username)?;
    if let Some(email) = req.email {
        check_email(email)?;
    }
    let hash = hash_password(req.password)?;
    Ok(store.add_user(
        &NewUser {
            username: req.username,
            email: req.email,
            password_hash: &hash,
            admin,
        },
        now,
    )?)
}

/// Signs in with a username (or e-mail address) and password from
/// `address`. Refused the same way whether the account exists or not.
pub fn sign_in(
    store: &mut Store,
    login: &str,
    password: &str,
    address: &str,
    now: Timestamp,
) -> Result<Session, AppError> {
    let login = login.trim();
    if login.contains('\0') {
        // No account's name or address holds one (and PostgreSQL's text
        // cannot): a wrong login, answered as any other.
        return Err(AppError::SignInFailed);
    }
    let found = store.user_for_login(login)?;
    // Per account when there is one (its name and its address count
    // together), else per login as typed (cut short: a key is no place
    // for a megabyte).
    let account_key = match &found {
        Some((u, _)) => format!("user:{}", u.id.0),
        None => format!(
            "login:{}",
            login.to_lowercase().chars().take(256).collect::<String>()
        ),
    };
    let address_key = format!("address:{address}");
    // The attempt is counted before the password is checked, in one
    // transaction with the count: parallel guesses cannot all slip under
    // the limit.
    let since = now - SignedDuration::from_mins(FAILURE_WINDOW_MINUTES);
    let keys = [
        (account_key.as_str(), MAX_FAILURES_PER_ACCOUNT),
        (address_key.as_str(), MAX_FAILURES_PER_ADDRESS),
    ];
    if !store.reserve_attempt(&keys, since, now)? {
        return Err(AppError::TooManyAttempts {
            retry_after_seconds: (FAILURE_WINDOW_MINUTES * 60) as u64,
        });
    }
    // Verify against a stand-in hash when there is no such account, so the
    // answer takes as long either way.
    let hash = found
        .as_ref()
        .map_or_else(|| stand_in_hash().to_owned(), |(_, h)| h.clone());
    let good = verify_password(password, &hash) && found.is_some();
    let Some((user, _)) = found.filter(|_| good) else {
        return Err(AppError::SignInFailed);
    };
    store.attempt_succeeded(&account_key, &address_key, now)?;
    start_session(store, user, now)
}

/// A fresh session for `user` (signing in, or accepting an invitation).
fn start_session(store: &mut Store, user: User, now: Timestamp) -> Result<Session, AppError> {
    let token = Token::new()?;
    let expires = now + SignedDuration::from_hours(SESSION_HOURS);
    store.start_session(&token.digest(), user.id, now, expires)?;
    Ok(Session {
        token,
        user,
        expires,
    })
}

/// The account a session cookie belongs to, if it is a live session.
pub fn current_user(store: &Store, cookie: &str, now: Timestamp) -> Result<Option<User>, AppError> {
    let Some(token) = Token::parse(cookie) else {
        return Ok(None);
    };
    Ok(store.session_user(&token.digest(), now)?)
}

/// Signs in from a browser or client that may hold a session already:
/// that session ends first, whatever the outcome, so a cookie from before
/// a sign-in never outlives it (both edges sign in through here).
pub fn sign_in_replacing(
    store: &mut Store,
    previous: Option<&str>,
    login: &str,
    password: &str,
    address: &str,
    now: Timestamp,
) -> Result<Session, AppError> {
    if let Some(old) = previous {
        sign_out(store, old)?;
    }
    sign_in(store, login, password, address, now)
}

/// Signs out of one session: its cookie no longer works.
pub fn sign_out(store: &mut Store, cookie: &str) -> Result<(), AppError> {
    if let Some(token) = Token::parse(cookie) {
        store.end_session(&token.digest())?;
    }
    Ok(())
}

/// Signs an account out of every session.
pub fn sign_out_everywhere(store: &mut Store, user: &User) -> Result<usize, AppError> {
    Ok(store.end_sessions(user.id)?)
}

/// An administrator's one-time link for a new account.
pub fn invite_account(store: &mut Store, by: &User, now: Timestamp) -> Result<Token, AppError> {
    require_admin(by)?;
    invite(store, by, InvitationFor::Account, now)
}

/// Every account, for an administrator.
pub fn accounts(store: &Store, by: &User) -> Result<Vec<Account>, AppError> {
    require_admin(by)?;
    Ok(store.accounts()?)
}

/// Disables the account named `username` (someone who left): it signs in
/// no more, its sessions end at once, and its check-ins and agreements
/// stay in the plans' history. `disabled: false` enables it again. An
/// administrator cannot disable their own account — another one can — so
/// the last administrator never locks everyone out.
pub fn set_account_disabled(
    store: &mut Store,
    by: &User,
    username: &str,
    disabled: bool,
    now: Timestamp,
) -> Result<Account, AppError> {
    require_admin(by)?;
    let account = named(store, username)?;
    if disabled && account.user.id == by.id {
        return Err(AppError::invalid(
            "username",
            "an administrator cannot disable their own account (another administrator can)",
        ));
    }
    // The administrator is checked again inside the write: one disabled
    // a moment ago (by another administrator) writes nothing.
    if !store.set_disabled_by(account.user.id, disabled.then_some(now), by.id)? {
        return Err(AppError::Forbidden {
            action: "administer accounts",
        });
    }
    Ok(store.account_named(username)?.unwrap_or(account))
}

/// [`set_account_disabled`] from the machine that holds the database
/// (`switchback user disable|enable`), with the authority of whoever can
/// open it, as `user add --admin` has: the way back when two
/// administrators disabled each other, or the last one left.
pub fn set_account_disabled_here(
    store: &mut Store,
    username: &str,
    disabled: bool,
    now: Timestamp,
) -> Result<Account, AppError> {
    let account = named(store, username)?;
    store.set_disabled(account.user.id, disabled.then_some(now))?;
    Ok(store.account_named(username)?.unwrap_or(account))
}

fn named(store: &Store, username: &str) -> Result<Account, AppError> {
    store.account_named(username)?.ok_or_else(|| {
        AppError::invalid(
            "username",
            format!(
                "there is no account named {}",
                crate::text::quoted(username)
            ),
        )
    })
}

fn require_admin(by: &User) -> Result<(), AppError> {
    if by.admin {
        Ok(())
    } else {
        Err(AppError::Forbidden {
            action: "administer accounts",
        })
    }
}

/// The person's one-time link for their manager or HR business partner.
pub fn invite_to_plan(
    store: &mut Store,
    by: &User,
    plan: PlanId,
    role: PlanRole,
    now: Timestamp,
) -> Result<Token, AppError> {
    authorize(store, Some(by), plan, Action::ManageMembers)?;
    if role == PlanRole::Owner {
        return Err(AppError::invalid(
            "role",
            "invite a manager or hr, not an owner",
        ));
    }
    invite(store, by, InvitationFor::Plan(plan, role), now)
}

fn invite(
    store: &mut Store,
    by: &User,
    purpose: InvitationFor,
    now: Timestamp,
) -> Result<Token, AppError> {
    let token = Token::new()?;
    let expires = now + SignedDuration::from_hours(24 * INVITATION_DAYS);
    store.invite(&token.digest(), by.id, purpose, now, expires)?;
    Ok(token)
}

/// Takes an account invitation: creates the account and signs it in.
pub fn accept_account(
    store: &mut Store,
    invitation: &str,
    req: &AccountRequest<'_>,
    now: Timestamp,
) -> Result<Session, AppError> {
    check_username(req.username)?;
    if let Some(email) = req.email {
        check_email(email)?;
    }
    let hash = hash_password(req.password)?;
    let token = Token::parse(invitation).ok_or(AppError::Store(
        switchback_store::StoreError::InvitationInvalid,
    ))?;
    let id = store.redeem_account_invitation(
        &token.digest(),
        &NewUser {
            username: req.username,
            email: req.email,
            password_hash: &hash,
            admin: false,
        },
        now,
    )?;
    let user = store.user(id)?.ok_or(AppError::SignInFailed)?;
    start_session(store, user, now)
}

/// What a live invitation is for, to show the right form (`None`: used,
/// expired or never made).
pub fn invitation_for(
    store: &Store,
    invitation: &str,
    now: Timestamp,
) -> Result<Option<InvitationFor>, AppError> {
    let Some(token) = Token::parse(invitation) else {
        return Ok(None);
    };
    Ok(store.invitation(&token.digest(), now)?.map(|i| i.purpose))
}

/// Takes a plan invitation for the signed-in `user`: they hold the role
/// it names from now on.
pub fn accept_plan_invitation(
    store: &mut Store,
    invitation: &str,
    user: &User,
    now: Timestamp,
) -> Result<PlanId, AppError> {
    let token = Token::parse(invitation).ok_or(AppError::Store(
        switchback_store::StoreError::InvitationInvalid,
    ))?;
    let (plan, _) = store.redeem_plan_invitation(&token.digest(), user.id, now)?;
    Ok(plan)
}

/// The person removes their manager or HR partner from the plan.
pub fn remove_member(
    store: &mut Store,
    by: &User,
    plan: PlanId,
    username: &str,
) -> Result<(), AppError> {
    authorize(store, Some(by), plan, Action::ManageMembers)?;
    if username == by.username {
        return Err(AppError::invalid(
            "username",
            format!(
                "{} is the plan's person, who cannot be removed from it: delete the plan to end it",
                crate::text::quoted(username)
            ),
        ));
    }
    // Disabled accounts included: a person removes the role of someone
    // who has left, too.
    let member = store.account_named(username)?.map(|a| a.user);
    let removed = match &member {
        Some(m) => store.remove_member(plan, m.id)?,
        None => false,
    };
    if removed {
        Ok(())
    } else {
        Err(AppError::invalid(
            "username",
            format!(
                "{} holds no role on plan {plan}",
                crate::text::quoted(username)
            ),
        ))
    }
}

/// Whether `user` may do `action` with `plan`: their role on it, or an
/// error. The one check every plan request goes through. No role — no
/// session, another user, an administrator — is answered as if the plan
/// did not exist; a role without the right is refused as forbidden.
pub fn authorize(
    store: &Store,
    user: Option<&User>,
    plan: PlanId,
    action: Action,
) -> Result<PlanRole, AppError> {
    let role = match user {
        Some(u) => store.role_of(plan, u.id)?,
        None => None,
    };
    match role {
        None => Err(AppError::PlanNotFound { id: plan.get() }),
        Some(r) if access::allows(Some(r), action) => Ok(r),
        Some(_) => Err(AppError::Forbidden {
            action: action.name(),
        }),
    }
}

/// Records a check-in by a signed-in account: its author is the role the
/// account holds, never a form field.
pub fn check_in(
    store: &mut Store,
    user: &User,
    plan: PlanId,
    mut checkin: CheckIn,
    now: Timestamp,
) -> Result<i64, AppError> {
    let role = store.role_of(plan, user.id)?;
    let (action, by) = match role {
        Some(PlanRole::Owner) => (Action::CheckInAsPerson, Author::Person),
        Some(PlanRole::Manager) => (Action::CheckInAsManager, Author::Manager),
        Some(PlanRole::Hr) => (Action::CheckInAsHr, Author::Hr),
        None => return Err(AppError::PlanNotFound { id: plan.get() }),
    };
    authorize(store, Some(user), plan, action)?;
    checkin.by = by;
    Ok(store.check_in_by(plan, &checkin, Some(user.id), now)?)
}

/// The manager agrees a part of the plan, as it stands now.
pub fn agree(
    store: &mut Store,
    user: &User,
    plan: PlanId,
    part: Part,
    now: Timestamp,
) -> Result<(), AppError> {
    authorize(store, Some(user), plan, Action::Agree)?;
    let version = part_version(&store.plan(plan)?.plan, part)?;
    Ok(store.agree(plan, part, user.id, &version, now)?)
}

/// An agreement to one part: who agreed and when, and whether the part
/// has changed since (then it asks for agreement again).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgreementState {
    /// The part.
    pub part: Part,
    /// Who agreed it.
    pub by: String,
    /// When.
    pub at: String,
    /// The part is as it was agreed.
    pub current: bool,
}

/// The latest agreement of each part that has one.
pub fn agreements(
    store: &Store,
    user: &User,
    plan: PlanId,
) -> Result<Vec<AgreementState>, AppError> {
    let history = agreement_history(store, user, plan)?;
    Ok(Part::ALL
        .iter()
        .filter_map(|&part| history.iter().find(|a| a.part == part).cloned())
        .collect())
}

/// Every agreement the plan has had, newest first: who agreed which part
/// and when, and whether that part is still as they agreed it. The store
/// keeps agreements append-only, so this is the plan's record of who
/// agreed to what.
pub fn agreement_history(
    store: &Store,
    user: &User,
    plan: PlanId,
) -> Result<Vec<AgreementState>, AppError> {
    authorize(store, Some(user), plan, Action::Read)?;
    let all = store.agreements(plan)?;
    // The plan is read once, and each part digested once, whatever the
    // number of agreements.
    let document = store.plan(plan)?.plan;
    let mut versions = Vec::with_capacity(Part::ALL.len());
    for part in Part::ALL {
        versions.push((part, part_version(&document, part)?));
    }
    let current = |part: Part, version: &str| {
        versions
            .iter()
            .any(|(p, v)| *p == part && v.as_str() == version)
    };
    Ok(all
        .into_iter()
        .rev()
        .map(|a| AgreementState {
            current: current(a.part, &a.version),
            part: a.part,
            by: a.username,
            at: a.at,
        })
        .collect())
}

/// A digest of a part of the stored plan as it stands.
fn part_version(p: &DevelopmentPlan, part: Part) -> Result<String, AppError> {
    let json = match part {
        Part::Development => serde_json::to_string(&p.elements),
        Part::Objectives => serde_json::to_string(&p.objectives),
        Part::Tenure => serde_json::to_string(&p.tenure),
    }
    .map_err(|e| AppError::invalid("plan", e.to_string()))?;
    Ok(hex(&Blake2s256::digest(json.as_bytes())))
}

/// Bytes as lower-case hex.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A learning activity the HR business partner adds to a plan.
#[derive(Clone, Debug)]
pub struct LearningRequest<'a> {
    /// The development element's number in the plan.
    pub element: u32,
    /// `course`, `stretch_assignment`, `shadowing` or `mentoring`.
    pub kind: &'a str,
    /// What to do, in a line.
    pub title: &'a str,
    /// Who offers it.
    pub provider: Option<&'a str>,
    /// Where to find it.
    pub url: Option<&'a str>,
}

/// The HR business partner adds learning to a development element. The
/// development part changes, so a manager's agreement of it asks to be
/// given again.
pub fn add_learning(
    store: &mut Store,
    user: &User,
    plan: PlanId,
    req: &LearningRequest<'_>,
) -> Result<(), AppError> {
    use switchback_core::development::learning::ActivityKind;
    authorize(store, Some(user), plan, Action::AddLearning)?;
    let kind = ActivityKind::parse(req.kind).ok_or_else(|| {
        AppError::invalid(
            "kind",
            format!(
                "{} is not a kind of learning: course, stretch_assignment, shadowing or mentoring",
                crate::text::quoted(req.kind)
            ),
        )
    })?;
    let title = req.title.trim();
    if title.is_empty() || title.chars().count() > 200 {
        return Err(AppError::invalid("title", "a line of 1 to 200 characters"));
    }
    let clean = |v: Option<&str>| {
        v.map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|v| v.chars().take(500).collect::<String>())
    };
    let (provider, url) = (clean(req.provider), clean(req.url));
    // A link is followed from a plan page and an export: web addresses
    // only, as the learning catalogue takes them (no `javascript:`).
    if let Some(u) = url.as_deref().filter(|u| {
        let lower = u.to_ascii_lowercase();
        !(lower.starts_with("https://") || lower.starts_with("http://"))
    }) {
        return Err(AppError::invalid(
            "url",
            format!(
                "{} is not an http:// or https:// address",
                crate::text::quoted(u)
            ),
        ));
    }
    // Read, changed and written in one transaction, as HR still.
    store.change_plan(plan, user.id, &[PlanRole::Hr], |document| {
        let elements = document.elements.len();
        match document.add_learning(req.element, kind, title.to_owned(), provider, url) {
            Some(_) => Ok(()),
            None => Err(AppError::invalid(
                "element",
                format!(
                    "plan {plan} has development elements 1 to {elements}, not {}",
                    req.element
                ),
            )),
        }
    })
}

/// Deletes a plan and its history for everyone (the person only).
pub fn delete_plan(store: &mut Store, user: &User, plan: PlanId) -> Result<(), AppError> {
    authorize(store, Some(user), plan, Action::Delete)?;
    Ok(store.delete_plan(plan, user.id)?)
}

/// The Argon2id hash of a password that meets the rules.
pub fn hash_password(password: &str) -> Result<String, AppError> {
    check_password(password)?;
    let _lane = hashing_lane();
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AppError::invalid("password", format!("cannot be hashed: {e}")))
}

fn verify_password(password: &str, hash: &str) -> bool {
    let _lane = hashing_lane();
    password.len() <= MAX_PASSWORD_BYTES
        && PasswordHash::new(hash).is_ok_and(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
}

/// One Argon2id computation at a time: each takes 19 MiB and a core for
/// about 20 ms, so a burst of sign-ins queues here instead of taking the
/// machine's memory (a few hundred at once would take gigabytes).
fn hashing_lane() -> std::sync::MutexGuard<'static, ()> {
    static LANE: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LANE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A hash no password of the rules matches, computed once.
fn stand_in_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        Argon2::default()
            .hash_password(b"no account has this password")
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

fn check_password(password: &str) -> Result<(), AppError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(AppError::invalid(
            "password",
            format!(
                "is {chars} characters long; use at least {MIN_PASSWORD_CHARS} (a few words make a good one)"
            ),
        ));
    }
    if password.len() > MAX_PASSWORD_BYTES {
        return Err(AppError::invalid(
            "password",
            format!("is longer than {MAX_PASSWORD_BYTES} bytes"),
        ));
    }
    Ok(())
}

/// A username the rules accept: 2 to 64 letters, digits, `.`, `_` or `-`.
pub fn check_username(name: &str) -> Result<(), AppError> {
    // Starting with a letter or digit: a name of dots would be a path
    // segment (`..`) in the links that name an account.
    let ok = (2..=64).contains(&name.len())
        && name
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphanumeric())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(AppError::invalid(
            "username",
            format!(
                "{} is not a username: 2 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                crate::text::quoted(name)
            ),
        ))
    }
}

fn check_email(email: &str) -> Result<(), AppError> {
    let ok = email.len() <= 254
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        });
    if ok {
        Ok(())
    } else {
        Err(AppError::invalid(
            "email",
            format!("{} is not an e-mail address", crate::text::quoted(email)),
        ))
    }
}

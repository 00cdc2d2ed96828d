//! Accounts, sessions, invitations and who holds which role on a plan
//! (schema 4). The store keeps what it is given — an Argon2id hash, a
//! token's digest — and never a password or a token itself; hashing and
//! the rules of who may do what are the application layer's
//! (`switchback_app::accounts`, `switchback_core::access`).

use jiff::Timestamp;
use switchback_core::access::PlanRole;

use crate::sql::{Db, Dialect, Row, args};
use crate::{PlanId, Store, StoreError};

/// A digest of a session or invitation token (what the store keeps).
pub type TokenDigest = [u8; 32];

/// A user's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UserId(pub i64);

/// An account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    /// Its id.
    pub id: UserId,
    /// The name it signs in with.
    pub username: String,
    /// Its e-mail address, if given (also accepted to sign in).
    pub email: Option<String>,
    /// Administrators invite people; they see no plan by being one.
    pub admin: bool,
}

/// An account to create.
#[derive(Clone, Debug)]
pub struct NewUser<'a> {
    /// The name it signs in with.
    pub username: &'a str,
    /// Its e-mail address, if any.
    pub email: Option<&'a str>,
    /// The Argon2id hash of its password (a PHC string).
    pub password_hash: &'a str,
    /// Whether it administers the server.
    pub admin: bool,
}

/// An account as an administrator sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// The account.
    pub user: User,
    /// When it was made (RFC 3339).
    pub created_at: String,
    /// When it was disabled, while it is (RFC 3339).
    pub disabled_at: Option<String>,
}

/// What an invitation is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvitationFor {
    /// A new account, from an administrator.
    Account,
    /// A role on a plan, from its person.
    Plan(PlanId, PlanRole),
}

/// An invitation that was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invitation {
    /// Who made it.
    pub created_by: UserId,
    /// What it is for.
    pub purpose: InvitationFor,
}

/// A part of a plan the manager agrees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// The development elements.
    Development,
    /// The objectives.
    Objectives,
    /// The tenure.
    Tenure,
}

impl Part {
    /// Every part.
    pub const ALL: [Part; 3] = [Part::Development, Part::Objectives, Part::Tenure];

    /// The name stored and shown.
    pub fn name(self) -> &'static str {
        match self {
            Part::Development => "development",
            Part::Objectives => "objectives",
            Part::Tenure => "tenure",
        }
    }

    /// The part a name names.
    pub fn parse(name: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// One agreement, as recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    /// The part agreed.
    pub part: Part,
    /// Who agreed it.
    pub by: UserId,
    /// Their name.
    pub username: String,
    /// When.
    pub at: String,
    /// A digest of the part as agreed.
    pub version: String,
}

impl Store {
    /// Creates an account; a name or address already taken is refused.
    pub fn add_user(&mut self, user: &NewUser<'_>, at: Timestamp) -> Result<UserId, StoreError> {
        let mut tx = self.begin_write()?;
        let id = insert_user(&mut tx, user, at)?;
        tx.commit()?;
        Ok(id)
    }

    /// The account a username or e-mail address names, with its password
    /// hash.
    pub fn user_for_login(&self, login: &str) -> Result<Option<(User, String)>, StoreError> {
        self.read()
            .query_opt(
                "SELECT id, username, email, is_admin, password_hash FROM users
                 WHERE (lower(username) = lower($1) OR lower(email) = lower($1))
                   AND disabled_at IS NULL",
                args![login],
            )?
            .map(|r| Ok((user_row(&r)?, r.text(4)?)))
            .transpose()
    }

    /// The account with this id.
    pub fn user(&self, id: UserId) -> Result<Option<User>, StoreError> {
        self.read()
            .query_opt(
                "SELECT id, username, email, is_admin FROM users WHERE id = $1",
                args![id.0],
            )?
            .map(|r| user_row(&r))
            .transpose()
    }

    /// Every account, disabled ones included, by name.
    pub fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        let rows = self.read().query(
            "SELECT id, username, email, is_admin, created_at, disabled_at FROM users
             ORDER BY lower(username)",
            &[],
        )?;
        rows.iter().map(account_row).collect()
    }

    /// The account named `username` (its case aside), disabled or not.
    pub fn account_named(&self, username: &str) -> Result<Option<Account>, StoreError> {
        self.read()
            .query_opt(
                "SELECT id, username, email, is_admin, created_at, disabled_at FROM users
                 WHERE lower(username) = lower($1)",
                args![username],
            )?
            .map(|r| account_row(&r))
            .transpose()
    }

    /// Disables an account at `at` (`None`: enables it again). Disabling
    /// ends its sessions in the same transaction: it can do nothing more.
    pub fn set_disabled(&mut self, user: UserId, at: Option<Timestamp>) -> Result<(), StoreError> {
        let mut tx = self.begin_write()?;
        change_disabled(&mut tx, user, at)?;
        tx.commit()
    }

    /// [`Store::set_disabled`] on the word of administrator `by`, checked
    /// in the same transaction: `false`, and nothing written, when `by`
    /// is no longer an enabled administrator. Writers take turns, so two
    /// administrators disabling each other at once cannot both succeed.
    pub fn set_disabled_by(
        &mut self,
        user: UserId,
        at: Option<Timestamp>,
        by: UserId,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write()?;
        let still_admin = tx
            .query_opt(
                "SELECT id FROM users WHERE id = $1 AND is_admin = 1 AND disabled_at IS NULL",
                args![by.0],
            )?
            .is_some();
        if !still_admin {
            return Ok(false);
        }
        change_disabled(&mut tx, user, at)?;
        tx.commit()?;
        Ok(true)
    }

    /// How many accounts there are.
    pub fn user_count(&self) -> Result<i64, StoreError> {
        self.read()
            .query_one("SELECT count(*) FROM users", &[])?
            .int(0)
    }

    /// Starts a session for `user`, known by its token's digest.
    pub fn start_session(
        &mut self,
        token: &TokenDigest,
        user: UserId,
        at: Timestamp,
        expires: Timestamp,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write()?;
        tx.execute(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
            args![token.as_slice(), user.0, at.to_string(), expires.to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The account a session belongs to, if the session exists and has not
    /// expired at `now`.
    pub fn session_user(
        &self,
        token: &TokenDigest,
        now: Timestamp,
    ) -> Result<Option<User>, StoreError> {
        let row: Option<(User, String)> = self
            .read()
            .query_opt(
                "SELECT u.id, u.username, u.email, u.is_admin, s.expires_at
                 FROM sessions s JOIN users u ON u.id = s.user_id
                 WHERE s.token_hash = $1 AND u.disabled_at IS NULL",
                args![token.as_slice()],
            )?
            .map(|r| Ok::<_, StoreError>((user_row(&r)?, r.text(4)?)))
            .transpose()?;
        Ok(row.and_then(|(user, expires)| {
            let live = expires.parse::<Timestamp>().is_ok_and(|e| now < e);
            live.then_some(user)
        }))
    }

    /// Ends one session (signing out).
    pub fn end_session(&mut self, token: &TokenDigest) -> Result<(), StoreError> {
        let mut tx = self.begin_write()?;
        tx.execute(
            "DELETE FROM sessions WHERE token_hash = $1",
            args![token.as_slice()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Ends every session of an account (signing out everywhere).
    pub fn end_sessions(&mut self, user: UserId) -> Result<usize, StoreError> {
        let mut tx = self.begin_write()?;
        let n = tx.execute("DELETE FROM sessions WHERE user_id = $1", args![user.0])?;
        tx.commit()?;
        Ok(n as usize)
    }

    /// Reserves one sign-in attempt under each key (an account, an
    /// address), in one transaction: refused when a key already has
    /// `limits[i]` attempts since `since`, else recorded as a failure
    /// until [`Store::attempt_succeeded`] says otherwise. Counting and
    /// recording at once means parallel guesses cannot all slip under the
    /// limit. Records older than `since` are dropped on the way.
    pub fn reserve_attempt(
        &mut self,
        keys: &[(&str, u32)],
        since: Timestamp,
        at: Timestamp,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin_write()?;
        tx.execute(
            "DELETE FROM sign_in_failures WHERE at < $1",
            args![since.to_string()],
        )?;
        for (key, limit) in keys {
            let n = tx
                .query_one(
                    "SELECT count(*) FROM sign_in_failures WHERE key = $1 AND at >= $2",
                    args![*key, since.to_string()],
                )?
                .int(0)?;
            if n >= i64::from(*limit) {
                return Ok(false);
            }
        }
        for (key, _) in keys {
            tx.execute(
                "INSERT INTO sign_in_failures (key, at) VALUES ($1, $2)",
                args![*key, at.to_string()],
            )?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// A reserved attempt succeeded: the account's failures are forgotten,
    /// and the address's record of this attempt is taken back.
    pub fn attempt_succeeded(
        &mut self,
        account_key: &str,
        address_key: &str,
        at: Timestamp,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write()?;
        tx.execute(
            "DELETE FROM sign_in_failures WHERE key = $1",
            args![account_key],
        )?;
        // One record, of possibly several alike: by the row's own address.
        let one_record = match tx.dialect() {
            Dialect::Sqlite => {
                "DELETE FROM sign_in_failures WHERE rowid = (SELECT rowid FROM sign_in_failures WHERE key = $1 AND at = $2 LIMIT 1)"
            }
            Dialect::Postgres => {
                "DELETE FROM sign_in_failures WHERE ctid = (SELECT ctid FROM sign_in_failures WHERE key = $1 AND at = $2 LIMIT 1)"
            }
        };
        tx.execute(one_record, args![address_key, at.to_string()])?;
        tx.execute(
            "DELETE FROM sessions WHERE expires_at <= $1",
            args![at.to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records an invitation, known by its token's digest.
    pub fn invite(
        &mut self,
        token: &TokenDigest,
        by: UserId,
        purpose: InvitationFor,
        at: Timestamp,
        expires: Timestamp,
    ) -> Result<(), StoreError> {
        let (plan, role) = match purpose {
            InvitationFor::Account => (None, None),
            InvitationFor::Plan(p, r) => (Some(p.0), Some(r.name())),
        };
        let mut tx = self.begin_write()?;
        tx.execute(
            "INSERT INTO invitations (token_hash, created_by, plan_id, role, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
            args![token.as_slice(), by.0, plan, role, at.to_string(), expires.to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// What a live invitation is for, without taking it (a page shows the
    /// right form); `None` for one that does not exist, was taken or has
    /// expired.
    pub fn invitation(
        &self,
        token: &TokenDigest,
        now: Timestamp,
    ) -> Result<Option<Invitation>, StoreError> {
        live_invitation(&mut self.read(), token, now)
    }

    /// Makes the account an administrator's invitation is for, and takes
    /// the invitation, in one transaction: a name already taken, or an
    /// invitation that is not a live account invitation, changes nothing
    /// (the link still works for a second try).
    pub fn redeem_account_invitation(
        &mut self,
        token: &TokenDigest,
        user: &NewUser<'_>,
        now: Timestamp,
    ) -> Result<UserId, StoreError> {
        let mut tx = self.begin_write()?;
        match live_invitation(&mut tx, token, now)? {
            Some(Invitation {
                purpose: InvitationFor::Account,
                ..
            }) => {}
            _ => return Err(StoreError::InvitationInvalid),
        }
        let id = insert_user(&mut tx, user, now)?;
        use_invitation(&mut tx, token, now)?;
        tx.commit()?;
        Ok(id)
    }

    /// Gives `user` the role a plan invitation names, and takes the
    /// invitation, in one transaction. The person's own link, or one that
    /// is not a live plan invitation, changes nothing.
    pub fn redeem_plan_invitation(
        &mut self,
        token: &TokenDigest,
        user: UserId,
        now: Timestamp,
    ) -> Result<(PlanId, PlanRole), StoreError> {
        let mut tx = self.begin_write()?;
        let Some(Invitation {
            created_by,
            purpose: InvitationFor::Plan(plan, role),
        }) = live_invitation(&mut tx, token, now)?
        else {
            return Err(StoreError::InvitationInvalid);
        };
        if created_by == user {
            return Err(StoreError::OwnInvitation);
        }
        put_member(&mut tx, plan, user, role, now)?;
        use_invitation(&mut tx, token, now)?;
        tx.commit()?;
        Ok((plan, role))
    }

    /// Gives `user` a role on a plan (the manager's or HR's; replacing a
    /// role they held).
    pub fn add_member(
        &mut self,
        plan: PlanId,
        user: UserId,
        role: PlanRole,
        at: Timestamp,
    ) -> Result<(), StoreError> {
        if role == PlanRole::Owner {
            return Err(StoreError::OwnerIsNotAMember);
        }
        let mut tx = self.begin_write()?;
        put_member(&mut tx, plan, user, role, at)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes `user`'s role on a plan; whether they held one.
    pub fn remove_member(&mut self, plan: PlanId, user: UserId) -> Result<bool, StoreError> {
        let mut tx = self.begin_write()?;
        let n = tx.execute(
            "DELETE FROM plan_members WHERE plan_id = $1 AND user_id = $2",
            args![plan.0, user.0],
        )?;
        tx.commit()?;
        Ok(n > 0)
    }

    /// The role `user` holds on a plan: `None` for no role, and for a plan
    /// that does not exist (the two look the same to a caller).
    pub fn role_of(&self, plan: PlanId, user: UserId) -> Result<Option<PlanRole>, StoreError> {
        role_in(&mut self.read(), plan, user)
    }

    /// The members of a plan (not its person), with their roles.
    pub fn members(&self, plan: PlanId) -> Result<Vec<(User, PlanRole)>, StoreError> {
        members_of(&mut self.read(), plan)
    }
}

/// The role `user` holds on `plan` as `conn` sees it (inside a write
/// transaction: as the write will find it).
pub(crate) fn role_in(
    db: &mut impl Db,
    plan: PlanId,
    user: UserId,
) -> Result<Option<PlanRole>, StoreError> {
    let row = db.query_opt(
        // A disabled account holds no role, as the write finds it.
        "SELECT p.owner_id, m.role FROM plans p
         LEFT JOIN plan_members m ON m.plan_id = p.id AND m.user_id = $2
         WHERE p.id = $1
           AND EXISTS (SELECT 1 FROM users u WHERE u.id = $2 AND u.disabled_at IS NULL)",
        args![plan.0, user.0],
    )?;
    let Some(row) = row else {
        return Ok(None);
    };
    Ok(match (row.opt_int(0)?, row.opt_text(1)?) {
        (Some(owner), _) if owner == user.0 => Some(PlanRole::Owner),
        (_, Some(role)) => PlanRole::parse(&role),
        _ => None,
    })
}

/// Gives `user` `role` on `plan`, replacing a role they held.
fn put_member(
    db: &mut impl Db,
    plan: PlanId,
    user: UserId,
    role: PlanRole,
    at: Timestamp,
) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO plan_members (plan_id, user_id, role, added_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (plan_id, user_id) DO UPDATE SET role = excluded.role, added_at = excluded.added_at",
        args![plan.0, user.0, role.name(), at.to_string()],
    )?;
    Ok(())
}

/// The author a role checks in as.
pub(crate) fn author_of(role: PlanRole) -> switchback_core::development::status::Author {
    use switchback_core::development::status::Author;
    match role {
        PlanRole::Owner => Author::Person,
        PlanRole::Manager => Author::Manager,
        PlanRole::Hr => Author::Hr,
    }
}

/// Checks, inside the write's own transaction, that `user` still holds
/// one of `roles` on `plan`: a role removed between the request's check
/// and its write refuses the write.
pub(crate) fn require_role(
    db: &mut impl Db,
    plan: PlanId,
    user: UserId,
    roles: &[PlanRole],
) -> Result<PlanRole, StoreError> {
    match role_in(db, plan, user)? {
        Some(r) if roles.contains(&r) => Ok(r),
        _ => Err(StoreError::NoRole { plan: plan.0 }),
    }
}

fn members_of(db: &mut impl Db, plan: PlanId) -> Result<Vec<(User, PlanRole)>, StoreError> {
    let rows = db.query(
        "SELECT u.id, u.username, u.email, u.is_admin, m.role
         FROM plan_members m JOIN users u ON u.id = m.user_id
         WHERE m.plan_id = $1 ORDER BY m.role, lower(u.username)",
        args![plan.0],
    )?;
    let mut out = Vec::new();
    for r in &rows {
        if let Some(role) = PlanRole::parse(&r.text(4)?) {
            out.push((user_row(r)?, role));
        }
    }
    Ok(out)
}

impl Store {
    /// The ids of the plans `user` holds a role on, newest first.
    pub fn plan_ids_of(&self, user: UserId) -> Result<Vec<PlanId>, StoreError> {
        let rows = self.read().query(
            "SELECT id FROM plans WHERE owner_id = $1
             UNION SELECT plan_id FROM plan_members WHERE user_id = $1
             ORDER BY 1 DESC",
            args![user.0],
        )?;
        rows.iter().map(|r| Ok(PlanId(r.int(0)?))).collect()
    }

    /// Changes a plan's document with `change`, read and written in one
    /// transaction, as `by` — who must hold one of `roles` on it then (the
    /// HR partner adding learning). Check-ins, members and agreements
    /// stay; an agreement of a part this changes is then no longer current.
    pub fn change_plan<E: From<StoreError>>(
        &mut self,
        plan: PlanId,
        by: UserId,
        roles: &[PlanRole],
        change: impl FnOnce(&mut switchback_core::development::DevelopmentPlan) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut tx = self.begin_write()?;
        require_role(&mut tx, plan, by, roles)?;
        let text = tx
            .query_one("SELECT document FROM plans WHERE id = $1", args![plan.0])?
            .text(0)?;
        let mut document: switchback_core::development::DevelopmentPlan =
            serde_json::from_str(&text).map_err(|e| StoreError::Unreadable {
                plan: plan.0,
                message: e.to_string(),
            })?;
        change(&mut document)?;
        let json = serde_json::to_string(&document).map_err(StoreError::Encode)?;
        tx.execute(
            "UPDATE plans SET document = $2, document_format = $3 WHERE id = $1",
            args![plan.0, json, crate::DOCUMENT_FORMAT],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records an agreement (append-only).
    pub fn agree(
        &mut self,
        plan: PlanId,
        part: Part,
        by: UserId,
        version: &str,
        at: Timestamp,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write()?;
        require_role(&mut tx, plan, by, &[PlanRole::Manager])?;
        tx.execute(
            "INSERT INTO agreements (plan_id, part, user_id, agreed_at, version) VALUES ($1, $2, $3, $4, $5)",
            args![plan.0, part.name(), by.0, at.to_string(), version],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Every agreement on a plan, oldest first.
    pub fn agreements(&self, plan: PlanId) -> Result<Vec<Agreement>, StoreError> {
        let rows = self.read().query(
            "SELECT a.part, a.user_id, u.username, a.agreed_at, a.version
             FROM agreements a JOIN users u ON u.id = a.user_id
             WHERE a.plan_id = $1 ORDER BY a.id",
            args![plan.0],
        )?;
        let mut out = Vec::new();
        for r in &rows {
            if let Some(part) = Part::parse(&r.text(0)?) {
                out.push(Agreement {
                    part,
                    by: UserId(r.int(1)?),
                    username: r.text(2)?,
                    at: r.text(3)?,
                    version: r.text(4)?,
                });
            }
        }
        Ok(out)
    }

    /// Deletes a plan with its check-ins, members, agreements and
    /// invitations, for everyone — if `by` is still its person.
    pub fn delete_plan(&mut self, plan: PlanId, by: UserId) -> Result<(), StoreError> {
        let mut tx = self.begin_write()?;
        require_role(&mut tx, plan, by, &[PlanRole::Owner])?;
        let n = tx.execute("DELETE FROM plans WHERE id = $1", args![plan.0])?;
        tx.commit()?;
        if n == 0 {
            return Err(self.unknown_plan(plan));
        }
        Ok(())
    }
}

/// Inserts an account; a name or address already taken is refused.
fn insert_user(db: &mut impl Db, user: &NewUser<'_>, at: Timestamp) -> Result<UserId, StoreError> {
    let taken = db.query_opt(
        "SELECT username FROM users
         WHERE lower(username) = lower($1) OR (email IS NOT NULL AND lower(email) = lower($2))",
        args![user.username, user.email],
    )?;
    if taken.is_some() {
        return Err(StoreError::AccountTaken {
            username: user.username.to_owned(),
        });
    }
    let id = db
        .query_one(
            "INSERT INTO users (username, email, password_hash, is_admin, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
            args![
                user.username,
                user.email,
                user.password_hash,
                user.admin,
                at.to_string()
            ],
        )?
        .int(0)?;
    Ok(UserId(id))
}

/// A live invitation: it exists, was not taken, and has not expired.
fn live_invitation(
    db: &mut impl Db,
    token: &TokenDigest,
    now: Timestamp,
) -> Result<Option<Invitation>, StoreError> {
    let row = db.query_opt(
        // A link made by an account since disabled (someone who left) is
        // dead with it.
        "SELECT i.created_by, i.plan_id, i.role, i.expires_at, i.used_at
         FROM invitations i JOIN users u ON u.id = i.created_by
         WHERE i.token_hash = $1 AND u.disabled_at IS NULL",
        args![token.as_slice()],
    )?;
    let Some(row) = row else {
        return Ok(None);
    };
    let live = row.text(3)?.parse::<Timestamp>().is_ok_and(|e| now < e);
    if row.opt_text(4)?.is_some() || !live {
        return Ok(None);
    }
    let role = row.opt_text(2)?;
    let purpose = match (row.opt_int(1)?, role.as_deref().and_then(PlanRole::parse)) {
        (Some(p), Some(r)) => InvitationFor::Plan(PlanId(p), r),
        _ => InvitationFor::Account,
    };
    Ok(Some(Invitation {
        created_by: UserId(row.int(0)?),
        purpose,
    }))
}

fn use_invitation(db: &mut impl Db, token: &TokenDigest, now: Timestamp) -> Result<(), StoreError> {
    db.execute(
        "UPDATE invitations SET used_at = $2 WHERE token_hash = $1",
        args![token.as_slice(), now.to_string()],
    )?;
    Ok(())
}

/// The columns `id, username, email, is_admin, created_at, disabled_at`.
fn account_row(r: &Row) -> Result<Account, StoreError> {
    Ok(Account {
        user: user_row(r)?,
        created_at: r.text(4)?,
        disabled_at: r.opt_text(5)?,
    })
}

fn user_row(r: &Row) -> Result<User, StoreError> {
    Ok(User {
        id: UserId(r.int(0)?),
        username: r.text(1)?,
        email: r.opt_text(2)?,
        admin: r.int(3)? != 0,
    })
}

/// The write behind [`Store::set_disabled`], inside the caller's
/// transaction. Disabled twice, an account keeps the first date.
fn change_disabled(
    tx: &mut impl Db,
    user: UserId,
    at: Option<Timestamp>,
) -> Result<(), StoreError> {
    match at {
        Some(at) => {
            tx.execute(
                "UPDATE users SET disabled_at = coalesce(disabled_at, $2) WHERE id = $1",
                args![user.0, at.to_string()],
            )?;
            tx.execute("DELETE FROM sessions WHERE user_id = $1", args![user.0])?;
        }
        None => {
            tx.execute(
                "UPDATE users SET disabled_at = NULL WHERE id = $1",
                args![user.0],
            )?;
        }
    }
    Ok(())
}

-- Schema 4: accounts, sessions and shared plans (switchback serve).
-- Passwords are kept only as Argon2id hashes (PHC strings); session and
-- invitation tokens only as their BLAKE2 hashes, so the file gives no one
-- a way in. A plan made alone with the CLI has no owner and no members.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    email         TEXT    UNIQUE COLLATE NOCASE,
    password_hash TEXT    NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    is_admin      INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    created_at    TEXT    NOT NULL               -- RFC 3339, UTC
);

CREATE TABLE sessions (
    token_hash BLOB    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL
);

ALTER TABLE plans ADD COLUMN owner_id INTEGER REFERENCES users (id) ON DELETE CASCADE;

CREATE TABLE plan_members (
    plan_id  INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role     TEXT    NOT NULL CHECK (role IN ('manager', 'hr')),
    added_at TEXT    NOT NULL,
    PRIMARY KEY (plan_id, user_id)
);

-- Append-only: an agreement is never updated or deleted but with its plan.
CREATE TABLE agreements (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    part      TEXT    NOT NULL CHECK (part IN ('development', 'objectives', 'tenure')),
    user_id   INTEGER NOT NULL REFERENCES users (id),
    agreed_at TEXT    NOT NULL,
    version   TEXT    NOT NULL  -- a digest of the part as agreed: a change asks again
);

CREATE TABLE invitations (
    token_hash BLOB    PRIMARY KEY,
    created_by INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    plan_id    INTEGER REFERENCES plans (id) ON DELETE CASCADE,  -- NULL: an account
    role       TEXT    CHECK (role IN ('manager', 'hr')),
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL,
    used_at    TEXT,
    CHECK ((plan_id IS NULL) = (role IS NULL))
);

-- Failed sign-ins, by account and by address, for slowing guessing down.
CREATE TABLE sign_in_failures (
    key TEXT NOT NULL,
    at  TEXT NOT NULL
);
CREATE INDEX sign_in_failures_by_key ON sign_in_failures (key, at);

ALTER TABLE checkins ADD COLUMN user_id INTEGER REFERENCES users (id);

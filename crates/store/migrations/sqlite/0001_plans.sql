-- Schema 1: plans and their check-ins.
CREATE TABLE plans (
    id              INTEGER PRIMARY KEY,
    created_at      TEXT    NOT NULL,  -- RFC 3339, UTC
    profile         TEXT    NOT NULL,  -- the profile file the plan was made from
    option_id       TEXT    NOT NULL,
    new_title       TEXT    NOT NULL,
    new_level       TEXT    NOT NULL,
    goal_title      TEXT,
    start_date      TEXT    NOT NULL,  -- YYYY-MM-DD
    earliest_move   TEXT    NOT NULL,
    latest_move     TEXT    NOT NULL,
    document_format INTEGER NOT NULL,  -- version of the JSON in `document`
    document        TEXT    NOT NULL   -- the whole plan as JSON
);

CREATE TABLE checkins (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    objective   INTEGER NOT NULL CHECK (objective >= 1),
    progress    INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    note        TEXT,
    date        TEXT    NOT NULL,      -- the day it is about, YYYY-MM-DD
    recorded_at TEXT    NOT NULL       -- RFC 3339, UTC
);

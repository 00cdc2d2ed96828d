-- Schema 2: who reported each check-in (schema 1 recorded only the
-- person's own), and the organisation's imported learning catalogue.
ALTER TABLE checkins ADD COLUMN author TEXT NOT NULL DEFAULT 'person'
    CHECK (author IN ('person', 'manager', 'hr'));

CREATE INDEX checkins_by_plan ON checkins (plan_id, objective, date);

CREATE TABLE learning_activities (
    id          INTEGER PRIMARY KEY,
    target      TEXT NOT NULL,  -- element:2.B.5 | technology:NAME | category:NAME
    kind        TEXT NOT NULL CHECK (kind IN ('course', 'stretch_assignment', 'shadowing', 'mentoring')),
    title       TEXT NOT NULL,
    provider    TEXT,
    hours       REAL CHECK (hours IS NULL OR hours > 0),
    url         TEXT,
    source      TEXT NOT NULL,  -- the file it was imported from
    imported_at TEXT NOT NULL,  -- RFC 3339, UTC
    UNIQUE (target, kind, title)
);

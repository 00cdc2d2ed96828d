-- Schema 5 (PostgreSQL): disabled accounts, as ../sqlite/0005_disabled_accounts.sql.
ALTER TABLE users ADD COLUMN disabled_at TEXT COLLATE "C";  -- RFC 3339, UTC; NULL while enabled

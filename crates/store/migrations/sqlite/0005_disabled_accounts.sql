-- Schema 5: an administrator may disable an account (someone who left):
-- it signs in no more and its sessions end; its history stays.
ALTER TABLE users ADD COLUMN disabled_at TEXT;  -- RFC 3339, UTC; NULL while enabled

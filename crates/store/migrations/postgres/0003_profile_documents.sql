-- Schema 3 (PostgreSQL): the profile a plan was made from, kept with it.
ALTER TABLE plans ADD COLUMN profile_format TEXT CHECK (profile_format IN ('toml', 'json'));
ALTER TABLE plans ADD COLUMN profile_text TEXT;

-- Schema 3: the profile a plan was made from is kept with the plan, as the
-- person wrote it (TOML or JSON), so the plan can be re-read, exported and
-- shared without the file it came from. Plans made before schema 3 keep
-- only the profile's name (NULL here).
ALTER TABLE plans ADD COLUMN profile_format TEXT CHECK (profile_format IN ('toml', 'json'));
ALTER TABLE plans ADD COLUMN profile_text TEXT;

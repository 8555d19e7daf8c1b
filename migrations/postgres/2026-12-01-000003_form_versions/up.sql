-- A survey records the digest of the form version it was opened with, so a form
-- file changed under it without a new version number is caught at start-up.
ALTER TABLE surveys ADD COLUMN form_digest TEXT NOT NULL DEFAULT '';

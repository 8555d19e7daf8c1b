-- A monitoring inspection follows a full inspection with outcome 3. The areas for
-- priority action of that inspection's final report are copied here, in its own
-- words, as what progress is judged against; each gets one progress finding.
CREATE TABLE carried_actions (
    id SERIAL PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    -- The full inspection and the row of its final report the action came from.
    from_inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE RESTRICT,
    from_row TEXT NOT NULL,
    position INTEGER NOT NULL,
    responsible TEXT NOT NULL,
    action TEXT NOT NULL,
    -- A progress judgement id from the framework file, once inspectors record one.
    progress TEXT,
    finding TEXT NOT NULL DEFAULT '',
    updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    updated_at TIMESTAMP,
    UNIQUE (inspection_id, from_row)
);
CREATE INDEX carried_actions_inspection ON carried_actions (inspection_id, position);

CREATE TRIGGER carried_actions_final BEFORE INSERT OR UPDATE ON carried_actions FOR EACH ROW EXECUTE FUNCTION refuse_after_final();

-- A reviewer may attach one supporting document to a comment.
CREATE TABLE comment_documents (
    comment_id INTEGER PRIMARY KEY NOT NULL REFERENCES review_comments (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    byte_size INTEGER NOT NULL,
    content BYTEA NOT NULL
);

-- Single-use links for setting a password: a reviewer invited without an account.
-- Only the hash of the token is kept.
CREATE TABLE password_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX password_links_user ON password_links (user_id);

-- Foundation: accounts, partnerships, inspections, memberships, audit, sessions.
CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('inspector', 'partnership')),
    is_admin BOOLEAN NOT NULL DEFAULT FALSE,
    password_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE partnerships (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    council_name TEXT NOT NULL,
    council_code TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE icbs (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    code TEXT NOT NULL,
    UNIQUE (partnership_id, code)
);

CREATE TABLE inspections (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id),
    kind TEXT NOT NULL CHECK (kind IN ('full', 'monitoring')),
    status TEXT NOT NULL,
    notified_on DATE NOT NULL,
    on_site_start DATE NOT NULL,
    on_site_end DATE NOT NULL,
    previous_inspection_on DATE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX inspections_partnership ON inspections (partnership_id);

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('lead_inspector', 'inspector', 'council_reviewer', 'icb_reviewer')),
    icb_id INTEGER REFERENCES icbs (id),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (inspection_id, user_id)
);
-- One lead inspector per inspection.
CREATE UNIQUE INDEX memberships_one_lead ON memberships (inspection_id) WHERE role = 'lead_inspector';
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE audit_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    at TIMESTAMP NOT NULL,
    actor_user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    inspection_id INTEGER REFERENCES inspections (id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_entries_inspection ON audit_entries (inspection_id, at);

CREATE TABLE sessions (
    key_hash TEXT PRIMARY KEY NOT NULL,
    state TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE sign_in_throttle (
    email TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL,
    window_started_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP
);

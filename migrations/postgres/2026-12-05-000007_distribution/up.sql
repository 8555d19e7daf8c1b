-- Distributing surveys: the settings (schools, colleges, alternative provision, the
-- parent carer forum) responses are attributed to, their own open and kiosk links,
-- the opening and closing times, and personal invitations.
CREATE TABLE settings (
    id SERIAL PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('school', 'college', 'alternative_provision', 'parent_carer_forum', 'health', 'other')),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (inspection_id, name)
);

CREATE TABLE survey_links (
    id SERIAL PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    setting_id INTEGER NOT NULL REFERENCES settings (id) ON DELETE CASCADE,
    channel TEXT NOT NULL CHECK (channel IN ('open_link', 'kiosk')),
    token TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (survey_id, setting_id, channel)
);

-- A survey takes answers from opens_at (or when it was opened) until closes_at, both
-- in UTC; the pages show and take them in Europe/London.
ALTER TABLE surveys ADD COLUMN opens_at TIMESTAMP;
ALTER TABLE surveys ADD COLUMN closes_at TIMESTAMP;
-- The address invitees answer at once their personal link has let them in.
ALTER TABLE surveys ADD COLUMN invitation_token TEXT;
UPDATE surveys SET invitation_token = md5(random()::text || clock_timestamp()::text || id::text);
CREATE UNIQUE INDEX surveys_invitation_token ON surveys (invitation_token);

ALTER TABLE responses ADD COLUMN setting_id INTEGER REFERENCES settings (id) ON DELETE SET NULL;
-- A hash of the invitation link that started the response, under a different label
-- from the invitation's own hash: only someone holding the link can join the two.
ALTER TABLE responses ADD COLUMN invitation_key TEXT;
CREATE UNIQUE INDEX responses_invitation_key ON responses (invitation_key);

-- One row per invitee. The token is never stored: only its hash, and the nonce from
-- which the service (holding its secret key) rebuilds the link for reminders. No
-- column leads to a response; `state` says only how far the invitee got.
CREATE TABLE invitations (
    id SERIAL PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    setting_id INTEGER REFERENCES settings (id) ON DELETE SET NULL,
    email TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    nonce TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('invited', 'started', 'responded')),
    opted_out BOOLEAN NOT NULL DEFAULT FALSE,
    reminders_sent INTEGER NOT NULL DEFAULT 0,
    last_emailed_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    erased_at TIMESTAMP
);
CREATE UNIQUE INDEX invitations_email ON invitations (survey_id, email);
CREATE INDEX invitations_state ON invitations (survey_id, state);

-- Which survey an email is about, so erasing a survey's invitees reaches its emails.
ALTER TABLE outbox ADD COLUMN survey_id INTEGER REFERENCES surveys (id) ON DELETE CASCADE;
-- Which invitation an invitation or reminder is for, so opting out or answering
-- stops what is still queued, and a changed closing time reaches queued invitations.
ALTER TABLE outbox ADD COLUMN invitation_id INTEGER REFERENCES invitations (id) ON DELETE SET NULL;
CREATE INDEX outbox_inspection ON outbox (inspection_id, status);

-- Surveys (a form opened for an inspection), anonymous responses and their answers.
CREATE TABLE surveys (
    id SERIAL PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    open_link_token TEXT NOT NULL UNIQUE,
    kiosk_token TEXT NOT NULL UNIQUE,
    opened_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP,
    UNIQUE (inspection_id, form_id)
);

-- No names, emails, IP addresses or user agents: a response is known only by its
-- random resume code (stored hashed) and the browser session that holds its id.
CREATE TABLE responses (
    id SERIAL PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    channel TEXT NOT NULL CHECK (channel IN ('open_link', 'kiosk', 'invitation', 'paper')),
    status TEXT NOT NULL CHECK (status IN ('in_progress', 'submitted')),
    resume_code_hash TEXT UNIQUE,
    language TEXT NOT NULL,
    presentation TEXT NOT NULL,
    answers TEXT NOT NULL,
    helped_by_adult BOOLEAN NOT NULL DEFAULT FALSE,
    started_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    submitted_at TIMESTAMP
);
CREATE INDEX responses_survey ON responses (survey_id, status);

CREATE TABLE answers (
    id SERIAL PRIMARY KEY,
    response_id INTEGER NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    option_id TEXT,
    value_number INTEGER,
    value_text TEXT
);
CREATE INDEX answers_response ON answers (response_id);
CREATE INDEX answers_question ON answers (question_id, option_id);

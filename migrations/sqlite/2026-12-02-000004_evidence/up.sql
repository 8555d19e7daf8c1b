-- Evidence: statistics and local data, statutory duties, documents, case notes,
-- running tallies of survey answers, free-text triage and population counts.

-- What the DfE's files say about a partnership, learned on import.
ALTER TABLE partnerships ADD COLUMN council_old_code TEXT;
ALTER TABLE partnerships ADD COLUMN region_code TEXT;
ALTER TABLE partnerships ADD COLUMN region_name TEXT;

CREATE TABLE imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('dfe', 'local')),
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    imported_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    imported_at TIMESTAMP NOT NULL,
    report TEXT NOT NULL
);
CREATE INDEX imports_inspection ON imports (inspection_id, imported_at);

-- One value per indicator, level and period: importing a period again replaces it.
CREATE TABLE indicator_values (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    indicator_id TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('local_authority', 'regional', 'national')),
    area_code TEXT NOT NULL,
    area_name TEXT NOT NULL,
    period TEXT NOT NULL,
    period_label TEXT NOT NULL,
    value_kind TEXT NOT NULL CHECK (value_kind IN ('number', 'symbol', 'answer')),
    value_number DOUBLE,
    value_text TEXT,
    note TEXT NOT NULL DEFAULT '',
    import_id INTEGER REFERENCES imports (id) ON DELETE SET NULL,
    UNIQUE (inspection_id, indicator_id, level, period)
);

CREATE TABLE duty_checks (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    criterion_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('met', 'partly', 'not_met', 'not_known')),
    evidence TEXT NOT NULL,
    note TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (inspection_id, criterion_id)
);

CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('self_evaluation', 'strategy', 'action_plan', 'commissioning', 'other')),
    criteria TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at TIMESTAMP NOT NULL
);
CREATE INDEX documents_inspection ON documents (inspection_id);

-- Pseudonymous: a case reference, never a name.
CREATE TABLE case_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    case_ref TEXT NOT NULL,
    age_band TEXT NOT NULL,
    need TEXT NOT NULL,
    setting TEXT NOT NULL,
    support TEXT NOT NULL CHECK (support IN ('ehc_plan', 'sen_support', 'not_known')),
    findings TEXT NOT NULL,
    bearing TEXT NOT NULL CHECK (bearing IN ('supports', 'challenges', 'neutral')),
    criteria TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX case_notes_inspection ON case_notes (inspection_id);

-- Running counts kept in each submission's transaction, so collating costs the
-- same however many responses there are; they outlive response-level data. One row
-- per group of respondents (everyone; each answer to a grouping question; each
-- channel...), holding a count for every answer of the form version, in the form's
-- order, and how many responses the group has.
CREATE TABLE answer_tallies (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    dimension TEXT NOT NULL,
    dimension_value TEXT NOT NULL,
    responses INTEGER NOT NULL,
    counts TEXT NOT NULL,
    version INTEGER NOT NULL,
    UNIQUE (survey_id, dimension, dimension_value)
);

-- Every free-text answer, held for an inspector before any quote is used.
CREATE TABLE free_text_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    answer_id INTEGER NOT NULL UNIQUE REFERENCES answers (id) ON DELETE CASCADE,
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    findings TEXT NOT NULL,
    personal_data BOOLEAN NOT NULL,
    safeguarding BOOLEAN NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('to_review', 'usable', 'not_usable', 'referred')),
    redacted TEXT,
    reviewed_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reviewed_at TIMESTAMP
);
CREATE INDEX free_text_reviews_survey ON free_text_reviews (survey_id, status);

-- The known SEND population by a survey's grouping answers, for representativeness.
CREATE TABLE population_counts (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    form_id TEXT NOT NULL,
    grouping_question TEXT NOT NULL,
    option_id TEXT NOT NULL,
    count INTEGER NOT NULL,
    UNIQUE (inspection_id, form_id, grouping_question, option_id)
);

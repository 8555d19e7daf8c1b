-- Findings, the outcome decision, the narrative sections, the report's particulars,
-- saved draft versions and the easy-read summary.

CREATE TABLE findings (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    criterion_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('strength', 'area_for_improvement', 'area_for_priority_action')),
    text TEXT NOT NULL,
    -- JSON arrays and objects of evidence references and the responsible body.
    evidence TEXT NOT NULL,
    responsible TEXT,
    addressed_to TEXT CHECK (addressed_to IN ('partnership', 'council', 'health')),
    in_hand BOOLEAN NOT NULL DEFAULT FALSE,
    group_label TEXT,
    position INTEGER NOT NULL,
    updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX findings_inspection ON findings (inspection_id, position);

-- The lead inspector's decision; replaced if they decide again before a draft.
CREATE TABLE outcome_decisions (
    inspection_id INTEGER PRIMARY KEY NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    outcome INTEGER NOT NULL CHECK (outcome IN (1, 2, 3)),
    proposed INTEGER CHECK (proposed IN (1, 2, 3)),
    rationale TEXT NOT NULL,
    decided_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    decided_at TIMESTAMP NOT NULL
);

CREATE TABLE narratives (
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    section TEXT NOT NULL CHECK (section IN ('partnership_information', 'experience', 'effective', 'better', 'easy_read')),
    -- JSON: [{"id": ..., "text": ...}]
    paragraphs TEXT NOT NULL,
    next_number INTEGER NOT NULL,
    updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (inspection_id, section)
);

CREATE TABLE report_particulars (
    inspection_id INTEGER PRIMARY KEY NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    particulars TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Each saved draft, never changed once written.
CREATE TABLE report_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    outcome INTEGER NOT NULL CHECK (outcome IN (1, 2, 3)),
    report TEXT NOT NULL,
    easy_read TEXT NOT NULL,
    note TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (inspection_id, number)
);

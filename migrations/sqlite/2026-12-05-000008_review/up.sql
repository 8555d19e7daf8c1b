-- The partnership's factual accuracy check of a draft report: which draft, who
-- checks it, until when; their comments, paragraph by paragraph, and the
-- inspectors' answers; then the final report, after which nothing of the report
-- can change.
CREATE TABLE reviews (
    inspection_id INTEGER PRIMARY KEY NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    version_number INTEGER NOT NULL,
    working_days INTEGER NOT NULL,
    sent_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    sent_at TIMESTAMP NOT NULL,
    closes_at TIMESTAMP NOT NULL,
    remind_at TIMESTAMP NOT NULL,
    reminded BOOLEAN NOT NULL DEFAULT FALSE,
    closed_told BOOLEAN NOT NULL DEFAULT FALSE,
    extensions INTEGER NOT NULL DEFAULT 0,
    answers_published_at TIMESTAMP
);

CREATE TABLE review_reviewers (
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation TEXT NOT NULL,
    submitted_at TIMESTAMP,
    PRIMARY KEY (inspection_id, user_id)
);

CREATE TABLE review_comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    version_number INTEGER NOT NULL,
    paragraph_id TEXT NOT NULL,
    paragraph_number INTEGER NOT NULL,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    organisation TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('factual_inaccuracy', 'omission', 'other')),
    comment TEXT NOT NULL,
    correction TEXT NOT NULL,
    submitted_at TIMESTAMP,
    answer TEXT CHECK (answer IN ('accepted', 'partly_accepted', 'not_accepted')),
    answer_text TEXT NOT NULL DEFAULT '',
    answer_version INTEGER,
    answered_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    answered_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX review_comments_inspection ON review_comments (inspection_id, organisation);

CREATE TABLE final_reports (
    inspection_id INTEGER PRIMARY KEY NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    version_number INTEGER NOT NULL,
    published_on DATE NOT NULL,
    finalised_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    finalised_at TIMESTAMP NOT NULL,
    -- When its personal and response-level data was removed (area-send purge).
    purged_at TIMESTAMP
);

-- Once a report is final its inspection's report, findings, decision and review are
-- read-only in the database itself, whatever code tries.
CREATE TRIGGER findings_final_insert BEFORE INSERT ON findings
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = NEW.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER findings_final_update BEFORE UPDATE ON findings
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = OLD.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER findings_final_delete BEFORE DELETE ON findings
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = OLD.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER narratives_final_insert BEFORE INSERT ON narratives
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = NEW.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER narratives_final_update BEFORE UPDATE ON narratives
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = OLD.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER narratives_final_delete BEFORE DELETE ON narratives
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = OLD.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER report_particulars_final_insert BEFORE INSERT ON report_particulars
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = NEW.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER report_particulars_final_update BEFORE UPDATE ON report_particulars
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = OLD.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER report_particulars_final_delete BEFORE DELETE ON report_particulars
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = OLD.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER outcome_decisions_final_insert BEFORE INSERT ON outcome_decisions
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = NEW.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER outcome_decisions_final_update BEFORE UPDATE ON outcome_decisions
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = OLD.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER outcome_decisions_final_delete BEFORE DELETE ON outcome_decisions
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = OLD.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER report_versions_final_insert BEFORE INSERT ON report_versions
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = NEW.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER report_versions_final_update BEFORE UPDATE ON report_versions
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = OLD.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER report_versions_final_delete BEFORE DELETE ON report_versions
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = OLD.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER review_comments_final_insert BEFORE INSERT ON review_comments
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = NEW.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER review_comments_final_update BEFORE UPDATE ON review_comments
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = OLD.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;
CREATE TRIGGER review_comments_final_delete BEFORE DELETE ON review_comments
WHEN EXISTS (SELECT 1 FROM final_reports WHERE inspection_id = OLD.inspection_id)
BEGIN SELECT RAISE(ABORT, 'the report of this inspection is final'); END;

DROP TABLE report_versions;
DROP TABLE report_particulars;
DROP TABLE narratives;
DROP TABLE outcome_decisions;
DROP TABLE findings;

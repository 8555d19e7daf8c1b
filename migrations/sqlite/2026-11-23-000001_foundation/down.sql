DROP TABLE sign_in_throttle;
DROP TABLE sessions;
DROP TABLE audit_entries;
DROP TABLE memberships;
DROP TABLE inspections;
DROP TABLE icbs;
DROP TABLE partnerships;
DROP TABLE users;

ALTER TABLE surveys DROP COLUMN form_digest;

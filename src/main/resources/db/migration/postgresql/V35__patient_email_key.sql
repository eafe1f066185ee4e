-- The portal finds a patient by e-mail address, in any case and without stray spaces: one generated key, indexed
-- with the clinic, read the same way on H2.
ALTER TABLE patient ADD COLUMN email_key VARCHAR(254) GENERATED ALWAYS AS (LOWER(TRIM(email))) STORED;
CREATE INDEX patient_email_key ON patient (clinic_id, email_key);

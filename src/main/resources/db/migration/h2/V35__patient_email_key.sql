-- The portal finds a patient by e-mail address, in any case and without stray spaces (see the PostgreSQL V35).
ALTER TABLE patient ADD COLUMN email_key VARCHAR(254) GENERATED ALWAYS AS (LOWER(TRIM(email)));
CREATE INDEX patient_email_key ON patient (clinic_id, email_key);

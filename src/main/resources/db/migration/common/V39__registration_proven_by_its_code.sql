-- A registration that matches nobody makes no record until the patient proves the address with the code sent to it
-- (PENDING until then): nobody can fill a clinic with records, or make a record that a real patient's registration
-- would later be held against, by typing names. A code is for one patient's record or for one registration.
ALTER TABLE portal_code ALTER COLUMN patient_id DROP NOT NULL;
ALTER TABLE portal_code ADD COLUMN registration_id BIGINT REFERENCES portal_registration (id);
ALTER TABLE portal_code ADD CONSTRAINT portal_code_for_one CHECK ((patient_id IS NULL) <> (registration_id IS NULL));

ALTER TABLE portal_registration DROP CONSTRAINT portal_registration_status_known;
ALTER TABLE portal_registration ADD CONSTRAINT portal_registration_status_known
    CHECK (status IN ('PENDING', 'HELD', 'LINKED', 'CREATED'));
ALTER TABLE portal_registration DROP CONSTRAINT portal_registration_done_has_patient;
ALTER TABLE portal_registration ADD CONSTRAINT portal_registration_done_has_patient
    CHECK (status IN ('PENDING', 'HELD') OR patient_id IS NOT NULL);

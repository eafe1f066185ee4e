-- The Fitzpatrick skin type is kept in one place: the medical history, versioned, where screening reads it.
-- Until now it could also be entered with the patient's details (patient.fitzpatrick_skin_type), and screening
-- fell back on that one when the history had none. Nothing is lost in the move: each patient's value is carried
-- into the history as a new version (history rows are only ever inserted), and the old column keeps what was
-- entered in it, no longer read or written.

-- 1. A history with no skin type, and one in the details: a new version with the details' skin type. Screening
--    already used that value (it fell back on the details), so the clinical picture does not change.
INSERT INTO medical_history (clinic_id, patient_id, version, pregnant, breastfeeding, current_infection,
    last_antibiotics_on, visible_varicose_veins, duplex, acute_dvt_or_pe, previous_dvt_or_pe, thrombophilia,
    active_cancer, venous_skin_changes, last_thrombophlebitis_on, able_to_walk, last_heart_problem_on,
    last_leg_surgery_on, medications, sclerosant_allergies, migraine_with_aura, known_right_to_left_shunt,
    peripheral_arterial_disease, poorly_controlled_diabetes, fitzpatrick_skin_type, planned_long_haul_flight_on,
    note, recorded_at, recorded_by)
SELECT h.clinic_id, h.patient_id, h.version + 1, h.pregnant, h.breastfeeding, h.current_infection,
    h.last_antibiotics_on, h.visible_varicose_veins, h.duplex, h.acute_dvt_or_pe, h.previous_dvt_or_pe,
    h.thrombophilia, h.active_cancer, h.venous_skin_changes, h.last_thrombophlebitis_on, h.able_to_walk,
    h.last_heart_problem_on, h.last_leg_surgery_on, h.medications, h.sclerosant_allergies, h.migraine_with_aura,
    h.known_right_to_left_shunt, h.peripheral_arterial_disease, h.poorly_controlled_diabetes,
    p.fitzpatrick_skin_type, h.planned_long_haul_flight_on,
    'Fitzpatrick skin type carried over from the patient''s details, where it was kept before',
    CURRENT_TIMESTAMP, 'migration V27'
FROM medical_history h JOIN patient p ON p.id = h.patient_id
WHERE p.fitzpatrick_skin_type IS NOT NULL AND h.fitzpatrick_skin_type IS NULL
  AND h.version = (SELECT MAX(m.version) FROM medical_history m WHERE m.patient_id = h.patient_id);

-- 2. Both record a skin type and they differ: the history's stays (it is what screening read), and a new version
--    that changes nothing else keeps the details' value in its note, in the history a clinician reads.
INSERT INTO medical_history (clinic_id, patient_id, version, pregnant, breastfeeding, current_infection,
    last_antibiotics_on, visible_varicose_veins, duplex, acute_dvt_or_pe, previous_dvt_or_pe, thrombophilia,
    active_cancer, venous_skin_changes, last_thrombophlebitis_on, able_to_walk, last_heart_problem_on,
    last_leg_surgery_on, medications, sclerosant_allergies, migraine_with_aura, known_right_to_left_shunt,
    peripheral_arterial_disease, poorly_controlled_diabetes, fitzpatrick_skin_type, planned_long_haul_flight_on,
    note, recorded_at, recorded_by)
SELECT h.clinic_id, h.patient_id, h.version + 1, h.pregnant, h.breastfeeding, h.current_infection,
    h.last_antibiotics_on, h.visible_varicose_veins, h.duplex, h.acute_dvt_or_pe, h.previous_dvt_or_pe,
    h.thrombophilia, h.active_cancer, h.venous_skin_changes, h.last_thrombophlebitis_on, h.able_to_walk,
    h.last_heart_problem_on, h.last_leg_surgery_on, h.medications, h.sclerosant_allergies, h.migraine_with_aura,
    h.known_right_to_left_shunt, h.peripheral_arterial_disease, h.poorly_controlled_diabetes,
    h.fitzpatrick_skin_type, h.planned_long_haul_flight_on,
    'The patient''s details gave Fitzpatrick skin type ' || CAST(p.fitzpatrick_skin_type AS VARCHAR(1))
        || ', this history type ' || CAST(h.fitzpatrick_skin_type AS VARCHAR(1))
        || '; the history''s is kept. Check it with the patient.',
    CURRENT_TIMESTAMP, 'migration V27'
FROM medical_history h JOIN patient p ON p.id = h.patient_id
WHERE p.fitzpatrick_skin_type IS NOT NULL AND h.fitzpatrick_skin_type IS NOT NULL
  AND p.fitzpatrick_skin_type <> h.fitzpatrick_skin_type
  AND h.version = (SELECT MAX(m.version) FROM medical_history m WHERE m.patient_id = h.patient_id);

-- 3. No history yet, a skin type in the details: a first version holding only the skin type. Every question stays
--    unasked, so screening still refuses it until the history is taken.
INSERT INTO medical_history (clinic_id, patient_id, version, fitzpatrick_skin_type, note, recorded_at, recorded_by)
SELECT p.clinic_id, p.id, 1, p.fitzpatrick_skin_type,
    'Fitzpatrick skin type carried over from the patient''s details, where it was kept before; nothing else asked yet',
    CURRENT_TIMESTAMP, 'migration V27'
FROM patient p
WHERE p.fitzpatrick_skin_type IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM medical_history m WHERE m.patient_id = p.id);

COMMENT ON COLUMN patient.fitzpatrick_skin_type IS
    'Before V27 only: the skin type is kept in medical_history. Carried there by V27; no longer read or written.';

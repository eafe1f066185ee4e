-- Patient search matches name prefixes case-insensitively (LOWER(name) LIKE 'abc%'); these expression indexes let
-- PostgreSQL answer that from an index instead of reading every patient of the clinic.
CREATE INDEX patient_family_lower ON patient (clinic_id, LOWER(family_name) text_pattern_ops);
CREATE INDEX patient_given_lower ON patient (clinic_id, LOWER(given_name) text_pattern_ops);

-- Patient search (NameSearch) reads a page of one ordered range of one index; see the PostgreSQL V30. H2 orders
-- strings by UTF-16 unit, which below U+D7FF is the code-point order of PostgreSQL's COLLATE "C", so a page is
-- the same on both databases (NameSearch keeps its ranges below it). White space is ASCII's, as in Java.
ALTER TABLE patient ADD COLUMN name_key VARCHAR(202) GENERATED ALWAYS AS (
    REGEXP_REPLACE(TRIM(LOWER(REPLACE(REPLACE(family_name, '''', ''), '’', ''))), '[ \t\n\r\f]+', ' ') || ' '
    || REGEXP_REPLACE(TRIM(LOWER(REPLACE(REPLACE(given_name, '''', ''), '’', ''))), '[ \t\n\r\f]+', ' '));
ALTER TABLE patient ADD COLUMN given_key VARCHAR(202) GENERATED ALWAYS AS (
    REGEXP_REPLACE(TRIM(LOWER(REPLACE(REPLACE(given_name, '''', ''), '’', ''))), '[ \t\n\r\f]+', ' ') || ' '
    || REGEXP_REPLACE(TRIM(LOWER(REPLACE(REPLACE(family_name, '''', ''), '’', ''))), '[ \t\n\r\f]+', ' '));

CREATE INDEX patient_search_family_first ON patient (clinic_id, name_key, id);
CREATE INDEX patient_search_given_first ON patient (clinic_id, given_key, id);
CREATE INDEX patient_search_birth ON patient (clinic_id, date_of_birth, name_key, id);

DROP INDEX patient_clinic_family;
DROP INDEX patient_clinic_dob;

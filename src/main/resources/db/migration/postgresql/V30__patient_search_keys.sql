-- Patient search (NameSearch) reads a page of one ordered range of one index, so its cost follows the page, not the
-- number of patients: "smith" is the range of family-first keys from 'smith ' to 'smith!', read in order until the
-- page is full. The keys are the names in lower case without apostrophes, family first and given first. They are
-- kept by the database (generated), in code-point order (COLLATE "C", as H2 orders them), so a page is the same on
-- both databases and prefix ranges mean what they say whatever the server's locale.
ALTER TABLE patient ADD COLUMN name_key VARCHAR(202) COLLATE "C" GENERATED ALWAYS AS (
    regexp_replace(btrim(lower(replace(replace(family_name, '''', ''), '’', ''))), '[ \t\n\r\f]+', ' ', 'g') || ' '
    || regexp_replace(btrim(lower(replace(replace(given_name, '''', ''), '’', ''))), '[ \t\n\r\f]+', ' ', 'g')) STORED;
ALTER TABLE patient ADD COLUMN given_key VARCHAR(202) COLLATE "C" GENERATED ALWAYS AS (
    regexp_replace(btrim(lower(replace(replace(given_name, '''', ''), '’', ''))), '[ \t\n\r\f]+', ' ', 'g') || ' '
    || regexp_replace(btrim(lower(replace(replace(family_name, '''', ''), '’', ''))), '[ \t\n\r\f]+', ' ', 'g')) STORED;

CREATE INDEX patient_search_family_first ON patient (clinic_id, name_key, id);
-- With the family-first key beside it, a look-up that reads given names in surname order needs no table rows.
CREATE INDEX patient_search_given_first ON patient (clinic_id, given_key, id) INCLUDE (name_key);
-- A date of birth finds its few patients already in name order.
CREATE INDEX patient_search_birth ON patient (clinic_id, date_of_birth, name_key, id);

-- The indexes the search used before (V2, V17) serve nothing now, and each one costs every new patient a write.
DROP INDEX patient_family_lower;
DROP INDEX patient_given_lower;
DROP INDEX patient_clinic_family;
DROP INDEX patient_clinic_dob;

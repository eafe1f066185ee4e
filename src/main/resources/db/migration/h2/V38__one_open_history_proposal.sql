-- A patient has at most one open questionnaire (a draft or a proposal not yet accepted): H2 has no partial indexes,
-- so a generated column holds the patient while the row is open, and NULLs never clash (see the PostgreSQL V38).
ALTER TABLE history_proposal ADD COLUMN open_for_patient BIGINT
    GENERATED ALWAYS AS (CASE WHEN status IN ('DRAFT', 'SUBMITTED') THEN patient_id END);
CREATE UNIQUE INDEX history_proposal_one_open ON history_proposal (open_for_patient);

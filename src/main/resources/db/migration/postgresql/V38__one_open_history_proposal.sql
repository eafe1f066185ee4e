-- A patient has at most one open questionnaire (a draft or a proposal not yet accepted).
CREATE UNIQUE INDEX history_proposal_one_open ON history_proposal (patient_id) WHERE status IN ('DRAFT', 'SUBMITTED');

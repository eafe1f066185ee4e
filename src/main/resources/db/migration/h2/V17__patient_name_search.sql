-- H2 has no expression indexes; PostgreSQL's V17 indexes LOWER(name) for the patient search. The same version
-- number keeps both databases' migration histories alike.
COMMENT ON TABLE patient IS 'Patient demographics; earlier states are kept in patient_revision';

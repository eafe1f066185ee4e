-- H2 cannot run the PL/pgSQL trigger PostgreSQL uses (V13 there). On the embedded database a signed session stays
-- locked because every statement that changes a session or an injection carries "status = 'OPEN'" in its WHERE
-- clause; the same version number keeps both databases' migration histories alike.
COMMENT ON TABLE treatment_session IS 'A signed session is locked; corrections are addenda';

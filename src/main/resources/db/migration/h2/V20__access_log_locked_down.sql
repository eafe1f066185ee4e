-- H2 has no PL/pgSQL triggers and no separate roles here: on the embedded database the access log and its seals
-- are protected only by the application offering no statement that changes them, and tampering shows in the
-- hash chain's verification. The same version number keeps both databases' migration histories alike.
COMMENT ON TABLE access_log_seal IS 'Append-only hash chain over access_log';

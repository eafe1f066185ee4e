-- H2 cannot run the PL/pgSQL trigger that PostgreSQL uses; on the embedded database the access log stays
-- append-only because the application offers no statement that changes or deletes it. The same version
-- number keeps both databases' migration histories alike.
COMMENT ON TABLE access_log IS 'Append-only: entries are never updated or deleted';

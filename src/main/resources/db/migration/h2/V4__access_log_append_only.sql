-- H2 cannot run a PL/pgSQL trigger; on the embedded database the access log stays append-only
-- because the application offers no statement that changes or deletes it. Kept so that both
-- databases carry the same migration versions.
SELECT 1;

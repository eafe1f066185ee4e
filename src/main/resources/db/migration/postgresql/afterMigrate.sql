-- Runs after every migration, as the migration (owner) role. Whatever was granted to other roles, including the
-- runtime role Venula serves requests with, the access log and its seals may only be read and appended to.
DO $$
DECLARE
    grantee_name TEXT;
BEGIN
    REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON access_log, access_log_seal FROM PUBLIC;
    FOR grantee_name IN
        SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
        WHERE g.table_name IN ('access_log', 'access_log_seal') AND g.grantee <> current_user
          AND g.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER')
          AND g.grantee <> 'PUBLIC'
    LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON access_log, access_log_seal FROM %I',
                grantee_name);
    END LOOP;
END
$$;

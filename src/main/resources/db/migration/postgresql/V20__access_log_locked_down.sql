-- The seals are append-only like the entries, and neither table can be emptied with TRUNCATE (which row triggers
-- do not see). The runtime role's privileges are narrowed on every migration (afterMigrate.sql).
CREATE TRIGGER access_log_seal_append_only
    BEFORE UPDATE OR DELETE ON access_log_seal
    FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();

CREATE TRIGGER access_log_no_truncate
    BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();

CREATE TRIGGER access_log_seal_no_truncate
    BEFORE TRUNCATE ON access_log_seal
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();

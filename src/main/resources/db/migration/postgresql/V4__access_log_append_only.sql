-- On PostgreSQL the database itself refuses to change or remove access-log entries.
CREATE FUNCTION access_log_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER access_log_append_only
    BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();

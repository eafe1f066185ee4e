-- On PostgreSQL the database itself keeps a signed session as it was signed: its row and its injections can no
-- longer change, and nothing in a session is ever deleted. Corrections are rows in session_addendum.
CREATE FUNCTION session_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'treatment sessions are never deleted';
    END IF;
    IF OLD.status = 'SIGNED' THEN
        RAISE EXCEPTION 'session % is signed: add an addendum instead', OLD.id;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION injection_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'injections are never deleted: void them with a reason';
    END IF;
    IF EXISTS (SELECT 1 FROM treatment_session s WHERE s.id = NEW.session_id AND s.status = 'SIGNED') THEN
        RAISE EXCEPTION 'session % is signed: add an addendum instead', NEW.session_id;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER session_signed_locked
    BEFORE UPDATE OR DELETE ON treatment_session
    FOR EACH ROW EXECUTE FUNCTION session_refuse_change();

CREATE TRIGGER injection_signed_locked
    BEFORE INSERT OR UPDATE OR DELETE ON session_injection
    FOR EACH ROW EXECUTE FUNCTION injection_refuse_change();

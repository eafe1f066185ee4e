-- The access log's hash chain. Each entry is sealed once, shortly after it is written, by one Venula instance at a
-- time: the seal holds a SHA-256 over the previous seal's hash and the entry's fields, so changing, removing or
-- re-ordering an entry (even by the database owner) breaks every later link (GET /api/access-log/verification).
-- Seals are kept beside the entries rather than in them so that writing an entry never waits for another
-- transaction to commit; the chain's order is the order of sealing, per clinic.
CREATE TABLE access_log_seal (
    clinic_id  BIGINT      NOT NULL REFERENCES clinic (id),
    seq        BIGINT      NOT NULL,
    entry_id   BIGINT      NOT NULL REFERENCES access_log (id),
    hash       VARCHAR(64) NOT NULL,
    sealed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT access_log_seal_pk PRIMARY KEY (clinic_id, seq),
    CONSTRAINT access_log_seal_entry_once UNIQUE (entry_id),
    CONSTRAINT access_log_seal_seq_positive CHECK (seq > 0)
);

-- An administrator reads the log per user and period.
CREATE INDEX access_log_user ON access_log (clinic_id, user_id, at);

-- A private iCalendar feed per practitioner: the token is the secret in the URL; revoking it ends the feed.
CREATE TABLE calendar_feed (
    token            VARCHAR(64)  PRIMARY KEY,
    clinic_id        BIGINT       NOT NULL REFERENCES clinic (id),
    practitioner_id  BIGINT       NOT NULL REFERENCES practitioner (id),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       VARCHAR(100) NOT NULL,
    revoked_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX calendar_feed_practitioner ON calendar_feed (practitioner_id);

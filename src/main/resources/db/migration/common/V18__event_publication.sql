-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.1): an event published in
-- a transaction (a signed session) is recorded in that transaction, one row per listener, and marked completed when
-- the listener's work has committed. FAILED rows are delivered again by FollowOnWorkRetry. The table is the library's;
-- Flyway owns it so both databases get the same one (spring.modulith.events.jdbc.schema-initialization.enabled=false).
CREATE TABLE event_publication (
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)             NOT NULL,
    event_type             VARCHAR(512)             NOT NULL,
    serialized_event       VARCHAR(20000)           NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date);
CREATE INDEX event_publication_by_status ON event_publication (status, publication_date);

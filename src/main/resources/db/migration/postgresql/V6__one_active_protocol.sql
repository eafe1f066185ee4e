-- PostgreSQL also guarantees that a clinic has at most one active protocol version.
CREATE UNIQUE INDEX protocol_version_one_active ON protocol_version (clinic_id) WHERE active;

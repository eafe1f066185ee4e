-- H2 has no partial indexes; ProtocolStore moves the active flag inside one transaction.
COMMENT ON TABLE protocol_version IS 'At most one active version per clinic';

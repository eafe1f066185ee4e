-- The outcome audit counts the injections charted past a dose limit: about one in a hundred sessions has one, so
-- they are indexed on their own rather than found by reading every injection (50 ms at 128,000 patients, bench/).
-- PostgreSQL only: H2 has no partial indexes, and the embedded database stays small.
CREATE INDEX injection_override ON session_injection (session_id) WHERE override_codes IS NOT NULL;

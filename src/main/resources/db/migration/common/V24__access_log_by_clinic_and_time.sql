-- The administrator's log of the whole clinic, newest first (GET /api/access-log without a user): without this the
-- first page at a million entries was a sequential scan (45 ms); see the closing note of issue 13.
CREATE INDEX access_log_clinic_at ON access_log (clinic_id, at);

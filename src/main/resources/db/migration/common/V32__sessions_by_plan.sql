-- Signing a session counts the plan's signed sessions (the course's progress, the follow-up it sets): found by
-- the plan, not by reading every session (the load benchmark found 230 ms at 128,000 sessions, bench/).
CREATE INDEX session_plan ON treatment_session (plan_id, status);

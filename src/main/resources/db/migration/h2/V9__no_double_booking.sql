-- H2 has no exclusion constraints. Appointments.book locks the practitioner's row (SELECT ... FOR UPDATE) before it
-- checks for overlaps and inserts, so two bookings for one practitioner never interleave.
COMMENT ON TABLE appointment IS 'No overlapping live appointments per practitioner (enforced by row lock on H2)';

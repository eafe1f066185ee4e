-- A review outside the protocol's window, with no signed session, or discharging before the planned sessions are
-- done, records the clinician's reason and what made it needed. A proposed complication confirmed as less severe
-- than its proposal (a suspected clot as mild) records the reason for the lower grade.
ALTER TABLE review ADD COLUMN reason VARCHAR(1000);
ALTER TABLE review ADD COLUMN timing_concerns VARCHAR(1000);
ALTER TABLE complication ADD COLUMN severity_reason VARCHAR(1000);

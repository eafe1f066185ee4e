-- Found by QueryPlansIT at a million appointments: reading a practitioner's day, and checking a booking against it,
-- read every earlier appointment of the practitioner, because "starts before the end and ends after the start" bounds
-- the start on one side only. No appointment lasts longer than twelve hours, so the store also asks for a start
-- less than twelve hours before the period, and the index range closes on both sides.
ALTER TABLE appointment ADD CONSTRAINT appointment_at_most_twelve_hours
    CHECK (end_at <= start_at + INTERVAL '12' HOUR);

-- The waiting list is read first come, first served (created_at, then id): an index in exactly that order is read
-- only as far as the page, whatever share of the list is still waiting.
CREATE INDEX waiting_list_queue ON waiting_list (clinic_id, status, created_at, id);
DROP INDEX waiting_list_open;

-- The database, not only the code, keeps a patient to one open place on the waiting list per kind of appointment, so
-- that two requests at the same moment cannot both succeed (one active protocol per clinic is V6's partial index).
-- A database that already holds a second place keeps the first and closes the others, saying why.
UPDATE waiting_list SET status = 'REMOVED', closed_reason = 'A second place for the same kind of appointment, closed on upgrade',
       closed_at = CURRENT_TIMESTAMP, closed_by = 'system'
 WHERE status = 'WAITING' AND id > (SELECT MIN(w.id) FROM waiting_list w
                                     WHERE w.clinic_id = waiting_list.clinic_id AND w.patient_id = waiting_list.patient_id
                                       AND w.appointment_type = waiting_list.appointment_type AND w.status = 'WAITING');
CREATE UNIQUE INDEX waiting_list_one_open_place ON waiting_list (clinic_id, patient_id, appointment_type)
    WHERE status = 'WAITING';

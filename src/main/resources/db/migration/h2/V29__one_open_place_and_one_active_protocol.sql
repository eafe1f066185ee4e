-- The database, not only the code, keeps a clinic to one active protocol version and a patient to one open place on
-- the waiting list per kind of appointment, so that two requests at the same moment cannot both succeed. H2 has no
-- partial indexes: a generated column holds the key only while the row is active or waiting, and NULLs never clash.
-- A database that already holds a second one keeps the newest and closes the others, saying why.
UPDATE protocol_version SET active = FALSE
 WHERE active AND version < (SELECT MAX(p.version) FROM protocol_version p
                              WHERE p.clinic_id = protocol_version.clinic_id AND p.active);
ALTER TABLE protocol_version ADD COLUMN active_for_clinic BIGINT
    GENERATED ALWAYS AS (CASE WHEN active THEN clinic_id END);
CREATE UNIQUE INDEX protocol_version_one_active ON protocol_version (active_for_clinic);

UPDATE waiting_list SET status = 'REMOVED', closed_reason = 'A second place for the same kind of appointment, closed on upgrade',
       closed_at = CURRENT_TIMESTAMP, closed_by = 'system'
 WHERE status = 'WAITING' AND id > (SELECT MIN(w.id) FROM waiting_list w
                                     WHERE w.clinic_id = waiting_list.clinic_id AND w.patient_id = waiting_list.patient_id
                                       AND w.appointment_type = waiting_list.appointment_type AND w.status = 'WAITING');
ALTER TABLE waiting_list ADD COLUMN open_place VARCHAR(60)
    GENERATED ALWAYS AS (CASE WHEN status = 'WAITING'
                              THEN CAST(clinic_id AS VARCHAR) || ':' || CAST(patient_id AS VARCHAR) || ':' || appointment_type END);
CREATE UNIQUE INDEX waiting_list_one_open_place ON waiting_list (open_place);

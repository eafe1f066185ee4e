-- PostgreSQL refuses two live appointments of one practitioner that overlap in time. The practitioner id is put in a
-- one-point range so that the built-in GiST range operators do the work (no btree_gist extension needed).
ALTER TABLE appointment ADD CONSTRAINT appointment_no_overlap EXCLUDE USING gist (
    int8range(practitioner_id, practitioner_id, '[]') WITH &&,
    tstzrange(start_at, end_at) WITH &&
) WHERE (status <> 'CANCELLED');

package org.venula.patient.internal;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Earlier states of a patient's demographics: a row per replaced version, only ever inserted. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RevisionStore {

    private final JdbcClient jdbc;

    /** Keeps {@code snapshot} (the demographics as JSON) as version {@code version}, replaced now. */
    public void keep(long patientId, int version, String snapshot, OffsetDateTime replacedAt, String replacedBy) {
        jdbc.sql("INSERT INTO patient_revision (patient_id, version, snapshot, replaced_at, replaced_by)"
                        + " VALUES (:p, :v, :s, :at, :by)")
                .param("p", patientId).param("v", version).param("s", snapshot).param("at", replacedAt)
                .param("by", replacedBy).update();
    }
}

package org.venula.patient;

import java.time.OffsetDateTime;

/** One version of a patient's medical history, with who recorded it and when. Version 0: nothing recorded yet. */
public record HistoryVersion(long patientId, int version, OffsetDateTime recordedAt, String recordedBy, String note,
        MedicalHistory history) {
}

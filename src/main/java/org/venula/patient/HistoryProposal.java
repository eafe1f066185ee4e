package org.venula.patient;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A patient's own answers to the health questionnaire (from the portal): a DRAFT while they answer, SUBMITTED when
 * proposed to the clinic, ACCEPTED once a clinician has checked them and recorded {@code historyVersion}. A yes/no
 * answer left null was not answered; {@code unsure} names the questions the patient said they were not sure about.
 */
public record HistoryProposal(long id, long patientId, Status status, MedicalHistory answers, List<String> unsure,
        OffsetDateTime updatedAt, OffsetDateTime submittedAt, OffsetDateTime decidedAt, String decidedBy,
        Integer historyVersion, int version) {

    public enum Status { DRAFT, SUBMITTED, ACCEPTED }
}

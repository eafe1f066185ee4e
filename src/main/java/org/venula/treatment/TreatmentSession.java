package org.venula.treatment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.venula.protocol.ProtocolRef;
import org.venula.treatment.rules.DoseCheck;

/** A treatment session as charted, with its injections, addenda and the dose check over them. */
public record TreatmentSession(long id, long patientId, long practitionerId, String practitionerName,
        Long appointmentId, String adHocReason, long planId, long consultationId, long screeningId,
        LocalDate sessionDate, ProtocolRef protocol, BigDecimal weightKg, List<String> restrictions,
        List<String> checklist, Compression compression, Reactions reactions, String status, OffsetDateTime signedAt,
        String signedBy, OffsetDateTime createdAt, String createdBy, int version, List<Injection> injections,
        List<Addendum> addenda, DoseCheck.Result dose) {

    public boolean signed() {
        return "SIGNED".equals(status);
    }

    /** An injection as stored. A voided one keeps its reason and no longer counts. */
    public record Injection(long id, int seq, long areaId, String areaLabel, BigDecimal x, BigDecimal y, String view,
            String agent, long lotId, String lotNumber, BigDecimal concentrationPercent, String form,
            Integer liquidParts, Integer gasParts, String gas, BigDecimal volumeMl, int needleGauge, String veinType,
            boolean ultrasound, String overrideCodes, String overrideReason, OffsetDateTime voidedAt,
            String voidedBy, String voidReason, OffsetDateTime createdAt, String createdBy) {

        public boolean counts() {
            return voidedAt == null;
        }
    }

    public record Addendum(long id, String reason, String text, OffsetDateTime createdAt, String createdBy) {
    }

    public TreatmentSession withDose(DoseCheck.Result result) {
        return new TreatmentSession(id, patientId, practitionerId, practitionerName, appointmentId, adHocReason, planId,
                consultationId, screeningId, sessionDate, protocol, weightKg, restrictions, checklist, compression,
                reactions, status, signedAt, signedBy, createdAt, createdBy, version, injections, addenda, result);
    }
}

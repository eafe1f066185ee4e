package org.venula.planning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.venula.planning.rules.AgentSelection.Intended;
import org.venula.planning.rules.Quote;
import org.venula.protocol.ProtocolDocument.TextSetting;
import org.venula.protocol.ProtocolRef;

/** A course of sessions for a consultation's mapped areas, with its quote and the consents given for it. */
public record TreatmentPlan(long id, long patientId, long consultationId, ProtocolRef protocol, int sessions,
        int intervalDays, Details details, Quote quote, OffsetDateTime createdAt, String createdBy,
        List<ConsentRecord> consents) {

    /** What the plan covers and why, as stored with it. */
    public record Details(List<PlannedArea> areas, int totalHands, List<Intended> agents, int sessionsMin,
            int sessionsMax, int intervalMinDays, int intervalTypicalDays, TextSetting expectedResults,
            List<TextSetting> advice, String notes) {
    }

    public record PlannedArea(long areaId, String label, String veinType, String size) {
    }

    /**
     * A consent as given, with the exact text the patient agreed to. {@code channel}: IN_CLINIC (witnessed as it is
     * given) or PORTAL (given at home; {@code confirmedAt} once a clinician has confirmed it with the patient in the
     * room, who then becomes its witness).
     */
    public record ConsentRecord(long id, String textVersion, String text, String patientTypedName,
            LocalDate consentedOn, Long witnessPractitionerId, String witnessName, OffsetDateTime createdAt,
            String createdBy, OffsetDateTime withdrawnAt, String withdrawnBy, String withdrawalReason,
            String channel, OffsetDateTime confirmedAt, String confirmedBy) {

        public boolean inForce() {
            return withdrawnAt == null;
        }

        /** Given in the clinic, or given at home and confirmed in the room: it lets a first injection go ahead. */
        public boolean confirmed() {
            return !"PORTAL".equals(channel) || confirmedAt != null;
        }

        public boolean givenAtHome() {
            return "PORTAL".equals(channel);
        }
    }

    /** The consent in force, if any. */
    public ConsentRecord consentInForce() {
        return consents.stream().filter(ConsentRecord::inForce).findFirst().orElse(null);
    }
}

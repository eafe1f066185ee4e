package org.venula.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.venula.assessment.ConsultationRequest.Ceap;
import org.venula.assessment.ConsultationRequest.VcssPerLeg;
import org.venula.assessment.rules.ConsultationOutcome;
import org.venula.assessment.rules.ConsultationOutcomeRule.Reason;
import org.venula.assessment.rules.LegMapTerms.AreaSize;
import org.venula.assessment.rules.LegMapTerms.Aspect;
import org.venula.assessment.rules.LegMapTerms.Leg;
import org.venula.assessment.rules.LegMapTerms.Region;
import org.venula.assessment.rules.LegMapTerms.Symptom;
import org.venula.protocol.VeinType;
import org.venula.patient.DuplexResult;
import org.venula.screening.rules.Area;

/** A recorded consultation. {@code outcome} is the override's when there is one, else the derived one. */
public record Consultation(long id, long patientId, long practitionerId, String practitionerName,
        LocalDate consultedOn, Area area, Long screeningId, boolean standingExamination, boolean dopplerDone,
        boolean duplexDone, DuplexResult refluxResult, String refluxSegments, boolean visibleVaricoseVeins, Ceap ceap,
        VcssPerLeg vcss, Integer vcssLeftTotal, Integer vcssRightTotal, List<Symptom> symptoms,
        List<MappedArea> areas, String notes, ConsultationOutcome derivedOutcome, List<Reason> reasons,
        OutcomeOverride override, ConsultationOutcome outcome, Integer historyVersion, OffsetDateTime createdAt,
        String createdBy) {

    /** One area to treat, with the id that photos, plans and injections refer to. */
    public record MappedArea(long id, Leg leg, Region region, Aspect aspect, VeinType veinType, AreaSize size,
            String note) {

        public String label() {
            return org.venula.shared.Labels.sentence(leg.name()) + " " + region.name().toLowerCase() + ", " + aspect.name().toLowerCase();
        }
    }

    public record OutcomeOverride(ConsultationOutcome outcome, String reason, String by, OffsetDateTime at) {
    }

    public MappedArea area(long areaId) {
        return areas.stream().filter(a -> a.id() == areaId).findFirst().orElse(null);
    }
}

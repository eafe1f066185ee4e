package org.venula.assessment;

import java.time.LocalDate;
import java.util.List;

import org.venula.assessment.rules.ConsultationOutcome;
import org.venula.assessment.rules.LegMapTerms.AreaSize;
import org.venula.assessment.rules.LegMapTerms.Aspect;
import org.venula.assessment.rules.LegMapTerms.ClinicalClass;
import org.venula.assessment.rules.LegMapTerms.Leg;
import org.venula.assessment.rules.LegMapTerms.Region;
import org.venula.assessment.rules.LegMapTerms.Symptom;
import org.venula.protocol.VeinType;
import org.venula.assessment.rules.Vcss;
import org.venula.patient.DuplexResult;
import org.venula.screening.rules.Area;

/**
 * A consultation as the clinician records it. {@code consultedOn} defaults to today, {@code area} to LEGS and
 * {@code practitionerId} to the signed-in clinician. A reflux result is given when a Doppler or duplex was done.
 */
public record ConsultationRequest(LocalDate consultedOn, Area area, Long practitionerId, Boolean standingExamination,
        Boolean dopplerDone, Boolean duplexDone, DuplexResult refluxResult, String refluxSegments,
        Boolean visibleVaricoseVeins, Ceap ceap, VcssPerLeg vcss, List<Symptom> symptoms, List<AreaEntry> areas,
        String notes, Override override) {

    /** CEAP 2020 for both legs. */
    public record Ceap(CeapLeg left, CeapLeg right) {
    }

    /** One leg's CEAP: clinical class with S (symptomatic) or A, and optional E, A and P parts. */
    public record CeapLeg(ClinicalClass clinical, Boolean symptomatic, String etiology, String anatomy,
            String pathophysiology) {

        public String display() {
            StringBuilder sb = new StringBuilder(clinical + (Boolean.TRUE.equals(symptomatic) ? "s" : "a"));
            if (etiology != null) {
                sb.append(' ').append(etiology);
            }
            if (anatomy != null) {
                sb.append(' ').append(anatomy);
            }
            if (pathophysiology != null) {
                sb.append(' ').append(pathophysiology);
            }
            return sb.toString();
        }
    }

    public record VcssPerLeg(Vcss left, Vcss right) {
    }

    /** One area to treat on the leg map. */
    public record AreaEntry(Leg leg, Region region, Aspect aspect, VeinType veinType, AreaSize size, String note) {
    }

    /** A clinician's decision against the derived outcome, with the reason. */
    public record Override(ConsultationOutcome outcome, String reason) {
    }
}

package org.venula.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Protocols;
import org.venula.scheduling.Availability;
import org.venula.scheduling.BookAppointment;
import org.venula.scheduling.Bookings;
import org.venula.scheduling.rules.PathwayRules;
import org.venula.screening.Screenings;
import org.venula.screening.StoredScreening;
import org.venula.screening.rules.Outcome;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Books the demo clinic's coming four weeks through the scheduling facade, like any user, so that every pathway rule, the access log and the reminders apply: reviews of the courses that have just ended, a consultation for
 * each patient whose maintenance recall falls due and for the new demo patients, and a treatment one to two weeks after
 * the consultation where the patient's clearance lets the rules pass. Nothing is overridden; a patient the rules
 * would refuse is not treated. Called once, from {@link DemoData}, on an empty database.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DemoDiary {

    static final int DAYS = 28;

    private record RecallDue(long patientId, long practitionerId) {
    }

    private final Availability availability;
    private final Bookings bookings;
    private final Clinics clinics;
    private final Protocols protocols;
    private final Screenings screenings;
    private final JdbcClient jdbc;

    /**
     * Plans and books the diary from tomorrow for {@link #DAYS} days; {@code newPatients} are demo patients who have
     * not been consulted. Returns what was booked.
     */
    List<DiaryPlan.Booking> book(VenulaPrincipal as, List<Long> practitionerIds, List<Long> newPatients,
            LocalDate today, long seed) {
        long clinic = as.clinicId();
        ZoneId zone = clinics.clinic(clinic).zone();
        ProtocolDocument protocol = protocols.active(clinic).document();
        var booking = protocol.booking();
        DiaryPlan.Protocol rules = new DiaryPlan.Protocol(booking.consultationMinutes().value(),
                booking.treatmentMinutes().value(), booking.reviewMinutes().value(), booking.slotMinutes().value(),
                booking.reviewFromDays().value(), booking.reviewToDays().value(),
                new PathwayRules.Settings(booking.seeAndTreat().value(),
                        protocol.screening().clearanceValidityDays().value(), protocol.plan().intervalMinDays().value()));
        List<DiaryPlan.Practitioner> practitioners = practitionerIds.stream()
                .map(id -> new DiaryPlan.Practitioner(id, availability.hours(id))).toList();

        List<DiaryPlan.ReviewDue> reviews = reviewsDue(clinic, today, rules);
        List<DiaryPlan.ConsultationWanted> consultations = new ArrayList<>();
        for (RecallDue r : recallsDue(clinic, today)) {
            consultations.add(new DiaryPlan.ConsultationWanted(r.patientId(), r.practitionerId(),
                    clearance(as, r.patientId(), zone)));
        }
        for (long patient : newPatients) {
            StoredScreening latest = screenings.latestForBooking(as, patient).orElse(null);
            if (latest != null && (latest.outcome() == Outcome.REFER || latest.outcome() == Outcome.NOT_SUITABLE
                    || latest.outcome() == Outcome.DEFER && latest.earliestTreatmentDate() == null)) {
                continue; // seen elsewhere first, not a candidate, or deferred with no date: nothing to book yet
            }
            consultations.add(new DiaryPlan.ConsultationWanted(patient, null, clearance(as, patient, zone)));
        }
        List<DiaryPlan.Booking> plan = DiaryPlan.plan(today, DAYS, practitioners, rules, reviews, consultations, seed);
        for (DiaryPlan.Booking b : plan) {
            bookings.book(as, new BookAppointment(b.patientId(), b.practitionerId(), b.type(), b.start(), null));
        }
        return plan;
    }

    /** The latest screening as the booking rules read it, or null when the patient has not been screened. */
    private PathwayRules.Clearance clearance(VenulaPrincipal as, long patientId, ZoneId zone) {
        return screenings.latestForBooking(as, patientId)
                .map(s -> new PathwayRules.Clearance(s.outcome().name(), s.signOff() != null,
                        s.createdAt().atZoneSameInstant(zone).toLocalDate(), s.earliestTreatmentDate()))
                .orElse(null);
    }

    /** Finished courses (every planned session signed) without a review whose review window meets the diary. */
    private List<DiaryPlan.ReviewDue> reviewsDue(long clinic, LocalDate today, DiaryPlan.Protocol rules) {
        return jdbc.sql("""
                SELECT s.patient_id, s.practitioner_id, MAX(s.session_date) AS last_on
                FROM treatment_session s JOIN treatment_plan p ON p.id = s.plan_id
                WHERE s.clinic_id = :c AND s.status = 'SIGNED'
                  AND NOT EXISTS (SELECT 1 FROM review r WHERE r.patient_id = s.patient_id AND r.plan_id = p.id)
                GROUP BY s.patient_id, s.practitioner_id, p.id, p.sessions
                HAVING COUNT(*) >= p.sessions AND MAX(s.session_date) BETWEEN :from AND :to
                ORDER BY s.patient_id""")
                .param("c", clinic)
                .param("from", today.plusDays(1).minusDays(rules.reviewToDays()))
                .param("to", today.plusDays(DAYS).minusDays(rules.reviewFromDays()))
                .query((rs, n) -> new DiaryPlan.ReviewDue(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, LocalDate.class)))
                .list();
    }

    /**
     * Patients discharged to a maintenance recall that fell due in the last three months or falls due in the next
     * three weeks, with the practitioner who reviewed them.
     */
    private List<RecallDue> recallsDue(long clinic, LocalDate today) {
        return jdbc.sql("""
                SELECT r.patient_id, r.practitioner_id FROM review r
                WHERE r.clinic_id = :c AND r.decision = 'DISCHARGE' AND r.recall_on BETWEEN :from AND :to
                  AND NOT EXISTS (SELECT 1 FROM treatment_session s
                                  WHERE s.patient_id = r.patient_id AND s.session_date > r.reviewed_on)
                ORDER BY r.recall_on, r.patient_id""")
                .param("c", clinic).param("from", today.minusDays(90)).param("to", today.plusDays(21))
                .query((rs, n) -> new RecallDue(rs.getLong(1), rs.getLong(2)))
                .list();
    }
}

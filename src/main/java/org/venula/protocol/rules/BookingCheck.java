package org.venula.protocol.rules;

import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.ProtocolDocument.BookingSettings;
import org.venula.protocol.ProtocolDocument.TextSetting;

/**
 * Booking: a slot grid of 5 to 120 minutes; appointments of 5 minutes to 8 hours; a reminder 1 hour to 60 days
 * ahead; recalls 1 to 60 months after a course; complete clearance as a percentage; a review window of 1 to 365 days
 * whose end is not before its start; whether a treatment may follow the consultation the same day; and, when given,
 * what patients may book in the portal and the notice (0 hours to 60 days) they may still cancel or move with.
 */
final class BookingCheck extends RequiredSection<BookingSettings> {

    static final int MAX_APPOINTMENT_MINUTES = 480;

    static final int MAX_REMINDER_HOURS = 24 * 60;

    static final int MAX_RECALL_MONTHS = 60;

    BookingCheck() {
        super("booking", ProtocolDocument::booking);
    }

    @Override
    void checkPresent(ProtocolDocument doc, BookingSettings b, FieldProblems problems) {
        problems.whole("booking.slotMinutes", b.slotMinutes(), 5, 120);
        problems.whole("booking.consultationMinutes", b.consultationMinutes(), 5, MAX_APPOINTMENT_MINUTES);
        problems.whole("booking.treatmentMinutes", b.treatmentMinutes(), 5, MAX_APPOINTMENT_MINUTES);
        problems.whole("booking.reviewMinutes", b.reviewMinutes(), 5, MAX_APPOINTMENT_MINUTES);
        problems.whole("booking.reminderHours", b.reminderHours(), 1, MAX_REMINDER_HOURS);
        problems.whole("booking.maintenanceRecallMonths", b.maintenanceRecallMonths(), 1, MAX_RECALL_MONTHS);
        problems.whole("booking.incompleteClearanceRecallMonths", b.incompleteClearanceRecallMonths(), 1,
                MAX_RECALL_MONTHS);
        problems.whole("booking.completeClearancePercent", b.completeClearancePercent(), 0, 100);
        if (b.cancellationNoticeHours() != null) {
            problems.whole("booking.cancellationNoticeHours", b.cancellationNoticeHours(), 0, MAX_REMINDER_HOURS);
        }
        for (var flag : java.util.Map.of("patientsBookConsultations", java.util.Optional.ofNullable(
                b.patientsBookConsultations()), "patientsBookTreatments", java.util.Optional.ofNullable(
                b.patientsBookTreatments()), "patientsBookReviews", java.util.Optional.ofNullable(
                b.patientsBookReviews())).entrySet()) {
            flag.getValue().ifPresent(f -> {
                if (f.value() == null) {
                    problems.add("booking." + flag.getKey() + ".value", "is required");
                } else {
                    problems.source("booking." + flag.getKey(), f.source());
                }
            });
        }
        if (b.treatmentPreparation() != null) {
            for (int i = 0; i < b.treatmentPreparation().size(); i++) {
                TextSetting t = b.treatmentPreparation().get(i);
                problems.text("booking.treatmentPreparation[" + i + "].text", t == null ? null : t.text(), 500);
            }
        }
        Integer from = problems.whole("booking.reviewFromDays", b.reviewFromDays(), 1, 365);
        Integer to = problems.whole("booking.reviewToDays", b.reviewToDays(), 1, 365);
        if (from != null && to != null && to < from) {
            problems.add("booking.reviewToDays.value", "must not be before reviewFromDays");
        }
        if (b.seeAndTreat() == null || b.seeAndTreat().value() == null) {
            problems.add("booking.seeAndTreat.value", "is required");
        } else {
            problems.source("booking.seeAndTreat", b.seeAndTreat().source());
        }
    }
}

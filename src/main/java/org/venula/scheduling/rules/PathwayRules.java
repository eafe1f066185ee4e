package org.venula.scheduling.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The pathway rules a booking must keep, checked in this order and all reported: OUTSIDE_WORKING_HOURS,
 * CONSULTATION_REQUIRED (a treatment needs a consultation on an earlier day; the same day only with see-and-treat,
 * seed 000 vs seed 004), CLEARANCE_REQUIRED (the latest screening is ELIGIBLE, or CAUTION signed off, and no older than
 * the protocol's validity on the treatment date), NOT_ELIGIBLE_UNTIL (the latest screening defers past the date) and
 * INTERVAL_TOO_SHORT (another treatment within the minimum interval, before or after; seed 004's 4-6 weeks).
 */
public final class PathwayRules {

    public enum Type { CONSULTATION, TREATMENT, REVIEW }

    public enum Status { BOOKED, CANCELLED, ATTENDED, NO_SHOW }

    public enum Rule { OUTSIDE_WORKING_HOURS, CONSULTATION_REQUIRED, CLEARANCE_REQUIRED, NOT_ELIGIBLE_UNTIL,
        INTERVAL_TOO_SHORT }

    /** A time window of a working day. */
    public record Window(LocalTime start, LocalTime end) {
    }

    /** A period the practitioner is away, in local date-times. */
    public record Absence(LocalDateTime start, LocalDateTime end) {
    }

    /** Another appointment of the same patient. */
    public record Existing(long id, Type type, LocalDateTime start, Status status) {
    }

    /** The patient's latest stored screening. {@code outcome} is ELIGIBLE, CAUTION, DEFER, REFER or NOT_SUITABLE. */
    public record Clearance(String outcome, boolean signedOff, LocalDate screenedOn, LocalDate earliestTreatmentDate) {
    }

    public record Settings(boolean seeAndTreat, int clearanceValidityDays, int minIntervalDays) {
    }

    public record Broken(Rule rule, String message, LocalDate until) {
    }

    private PathwayRules() {
    }

    /** Whether [start, end) lies inside one working window of that day and clear of every absence. */
    public static boolean withinWorkingHours(LocalDateTime start, LocalDateTime end, List<Window> day,
            List<Absence> absences) {
        if (!start.toLocalDate().equals(end.toLocalDate()) && !end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return false;
        }
        boolean inside = day.stream().anyMatch(w -> !start.toLocalTime().isBefore(w.start())
                && !end.toLocalTime().isAfter(w.end()) && end.toLocalDate().equals(start.toLocalDate()));
        boolean away = absences.stream().anyMatch(a -> start.isBefore(a.end()) && a.start().isBefore(end));
        return inside && !away;
    }

    public static List<Broken> check(Type type, LocalDateTime start, boolean withinWorkingHours,
            List<Existing> patientAppointments, Clearance clearance, Settings settings) {
        List<Broken> broken = new ArrayList<>();
        if (!withinWorkingHours) {
            broken.add(new Broken(Rule.OUTSIDE_WORKING_HOURS, "The practitioner does not work at that time.", null));
        }
        if (type != Type.TREATMENT) {
            return broken;
        }
        LocalDate day = start.toLocalDate();
        boolean consulted = patientAppointments.stream().filter(PathwayRules::live)
                .filter(a -> a.type() == Type.CONSULTATION)
                .anyMatch(a -> a.start().toLocalDate().isBefore(day)
                        || settings.seeAndTreat() && a.start().toLocalDate().equals(day) && !a.start().isAfter(start));
        if (!consulted) {
            broken.add(new Broken(Rule.CONSULTATION_REQUIRED, settings.seeAndTreat()
                    ? "A treatment needs a consultation first (earlier that day or before)."
                    : "A treatment needs a consultation on an earlier day.", null));
        }
        boolean cleared = clearance != null
                && ("ELIGIBLE".equals(clearance.outcome()) || "CAUTION".equals(clearance.outcome()) && clearance.signedOff())
                && ChronoUnit.DAYS.between(clearance.screenedOn(), day) <= settings.clearanceValidityDays();
        if (!cleared) {
            broken.add(new Broken(Rule.CLEARANCE_REQUIRED, clearance == null ? "The patient has not been screened."
                    : "The latest screening does not clear treatment on that date (it must be ELIGIBLE, or CAUTION "
                            + "signed off, and no older than " + settings.clearanceValidityDays() + " days).", null));
        }
        if (clearance != null && "DEFER".equals(clearance.outcome())
                && (clearance.earliestTreatmentDate() == null || clearance.earliestTreatmentDate().isAfter(day))) {
            broken.add(new Broken(Rule.NOT_ELIGIBLE_UNTIL, clearance.earliestTreatmentDate() == null
                    ? "Screening defers treatment with no date yet."
                    : "Screening defers treatment until " + clearance.earliestTreatmentDate() + ".",
                    clearance.earliestTreatmentDate()));
        }
        patientAppointments.stream().filter(PathwayRules::live).filter(a -> a.type() == Type.TREATMENT)
                .filter(a -> Math.abs(ChronoUnit.DAYS.between(a.start().toLocalDate(), day)) < settings.minIntervalDays())
                .findFirst()
                .ifPresent(a -> broken.add(new Broken(Rule.INTERVAL_TOO_SHORT, "Another treatment on "
                        + a.start().toLocalDate() + " is less than " + settings.minIntervalDays() + " days away.", null)));
        return broken;
    }

    private static boolean live(Existing a) {
        return a.status() != Status.CANCELLED && a.status() != Status.NO_SHOW;
    }
}

package org.venula.patient.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.venula.patient.MedicalHistory;
import org.venula.patient.PatientDraft;
import org.venula.shared.FieldProblem;

/**
 * Checks on a patient's record that depend on today's date or on a check digit, beyond the field-format checks
 * that the request records declare. Every problem is reported, not only the first.
 */
public final class PatientRules {

    /** No living patient was born before this date; earlier dates are typing errors. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private PatientRules() {
    }

    public static List<FieldProblem> checkDemographics(PatientDraft draft, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.dateOfBirth() != null) {
            if (draft.dateOfBirth().isAfter(today)) {
                problems.add(new FieldProblem("dateOfBirth", "must not be in the future"));
            } else if (draft.dateOfBirth().isBefore(EARLIEST_BIRTH_DATE)) {
                problems.add(new FieldProblem("dateOfBirth", "must be on or after 1900-01-01"));
            }
        }
        if (draft.nhsNumber() != null && !draft.nhsNumber().isBlank()) {
            if (NhsNumber.normalise(draft.nhsNumber()).isEmpty()) {
                problems.add(new FieldProblem("nhsNumber", "must be 10 digits"));
            } else if (!NhsNumber.isValid(draft.nhsNumber())) {
                problems.add(new FieldProblem("nhsNumber", "is not a valid NHS number (the check digit does not match)"));
            }
        }
        return problems;
    }

    /**
     * Dates of past events (antibiotics, thrombophlebitis, heart problem, leg surgery) cannot lie in the future
     * or before the patient was born. A planned flight may be any date.
     */
    public static List<FieldProblem> checkHistory(MedicalHistory history, LocalDate today, LocalDate dateOfBirth) {
        List<FieldProblem> problems = new ArrayList<>();
        pastEvent(problems, "lastAntibioticsOn", history.lastAntibioticsOn(), today, dateOfBirth);
        pastEvent(problems, "lastThrombophlebitisOn", history.lastThrombophlebitisOn(), today, dateOfBirth);
        pastEvent(problems, "lastHeartProblemOn", history.lastHeartProblemOn(), today, dateOfBirth);
        pastEvent(problems, "lastLegSurgeryOn", history.lastLegSurgeryOn(), today, dateOfBirth);
        return problems;
    }

    private static void pastEvent(List<FieldProblem> problems, String field, LocalDate date, LocalDate today,
            LocalDate dateOfBirth) {
        if (date == null) {
            return;
        }
        if (date.isAfter(today)) {
            problems.add(new FieldProblem(field, "must not be in the future"));
        } else if (dateOfBirth != null && date.isBefore(dateOfBirth)) {
            problems.add(new FieldProblem(field, "must not be before the patient's date of birth"));
        }
    }
}

package org.venula.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.internal.Patient;
import org.venula.patient.internal.PatientRows;
import org.venula.shared.FieldProblem;
import org.venula.shared.NotFoundException;

/**
 * What {@link Patients} and {@link MedicalHistories} both need: a patient of the user's clinic (another clinic's is
 * "not found"), the clinic's today, the time of a write, and the field-format constraints of a request record.
 * It logs nothing; the facades do. A record: it holds its collaborators and nothing else.
 */
@Component
record ClinicPatients(PatientRows patients, Clinics clinics, Validator validator, Clock clock) {

    Patient load(VenulaPrincipal me, long patientId) {
        return patients.find(me.clinicId(), patientId)
                .orElseThrow(() -> new NotFoundException("Patient " + patientId));
    }

    LocalDate today(VenulaPrincipal me) {
        return clinics.today(me.clinicId());
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The field-format constraints declared on the request records, every one reported. */
    List<FieldProblem> constraintProblems(Object request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(request)) {
            problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage()));
        }
        return problems;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package org.venula.patient;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.internal.Patient;
import org.venula.patient.internal.PatientRepository;
import org.venula.patient.internal.PatientRows;
import org.venula.patient.internal.RevisionStore;
import org.venula.patient.rules.NameSearch;
import org.venula.patient.rules.PatientRules;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;

import tools.jackson.databind.json.JsonMapper;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Patients who register themselves in the portal: their demographics checked as staff's are, the records they might
 * already have (same names and date of birth), their record created as theirs ("patient (portal)" made it), and an
 * address added to an existing record when staff confirm that a registration is that patient.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SelfRegistrations {

    /** Who a self-registered record names as its creator; {@link PatientRecord#selfRegistered()} reads it. */
    public static final String CREATED_BY = AccessLog.PORTAL_ACTOR;

    private final PatientRepository patients;
    private final PatientRows rows;
    private final RevisionStore revisions;
    private final ClinicPatients clinicPatients;
    private final AccessLog accessLog;
    private final JsonMapper json;

    /** What is wrong with the details a patient gave: the same checks as staff's, and an e-mail address needed. */
    public List<FieldProblem> problems(long clinicId, PatientDraft draft) {
        List<FieldProblem> problems = clinicPatients.constraintProblems(draft);
        problems.addAll(PatientRules.checkDemographics(draft, clinicPatients.clinics().today(clinicId)));
        if (draft.email() == null || draft.email().isBlank()) {
            problems.add(new FieldProblem("email", "is required: the code to sign in is sent to it"));
        }
        return problems;
    }

    /** The clinic's patients with these names and this date of birth: the records this person may already have. */
    public List<Long> sameNameAndBirth(long clinicId, String givenName, String familyName, LocalDate dateOfBirth) {
        return rows.idsWithNameAndBirth(clinicId, NameSearch.key(familyName, givenName), dateOfBirth);
    }

    /** Creates the record of a patient who registered themselves (the caller has checked it matches nobody's). */
    @Transactional
    public long register(long clinicId, PatientDraft draft) {
        List<FieldProblem> problems = problems(clinicId, draft);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OffsetDateTime now = clinicPatients.now();
        Patient saved = patients.save(new Patient(null, clinicId, draft.givenName().trim(), draft.familyName().trim(),
                draft.dateOfBirth(), draft.sex(), ClinicPatients.blank(draft.phone()),
                draft.email().trim(), null, null, null, null, null, null, now, CREATED_BY, now, CREATED_BY));
        accessLog.recordByPortalPatient(clinicId, saved.id(), AccessAction.PORTAL_REGISTER, null);
        return saved.id();
    }

    /**
     * Staff confirm that a registration is this existing patient: the address (and the phone, when the record has
     * none) are added to the record as an amendment, its earlier state kept.
     */
    @Transactional
    public PatientRecord addContact(VenulaPrincipal me, long patientId, String email, String phone) {
        Patient current = clinicPatients.load(me, patientId);
        if (current.email() != null && !current.email().trim().equalsIgnoreCase(email.trim())) {
            // the registration's address would replace the patient's: anyone who knows a name and a birthday
            // could then sign in as them, so that change is made only on the record, after asking the patient
            throw new ConflictException("has-email", null, "The record already has another e-mail address ("
                    + current.email() + "). If the patient's address has changed, check with them and change it on "
                    + "their record; nothing was changed here.");
        }
        OffsetDateTime now = clinicPatients.now();
        revisions.keep(current.id(), current.version(), json.writeValueAsString(Patients.toRecord(current, null)),
                now, me.getUsername());
        Patient changed = new Patient(current.id(), current.clinicId(), current.givenName(), current.familyName(),
                current.dateOfBirth(), current.sex(), current.phone() == null ? ClinicPatients.blank(phone)
                        : current.phone(), email.trim(), current.address(), current.nhsNumber(), current.weightKg(),
                current.occupation(), current.prolongedStanding(), current.version(), current.createdAt(),
                current.createdBy(), now, me.getUsername());
        Patient saved = patients.save(changed);
        accessLog.record(me.clinicId(), patientId, AccessAction.UPDATE_PATIENT, "e-mail address from a portal "
                + "registration");
        return Patients.toRecord(saved, null);
    }

    /** What staff see of the record a registration matched, to compare: the name and the contact details. */
    public record Matched(String name, String email, String phone) {
    }

    /** The record a registration matched, for staff deciding on it (the staff page logs nothing more than this). */
    public Matched matched(long clinicId, long patientId) {
        Patient p = rows.find(clinicId, patientId).orElseThrow(() -> new NotFoundException("Patient " + patientId));
        return new Matched(p.givenName() + " " + p.familyName(), p.email(), p.phone());
    }
}

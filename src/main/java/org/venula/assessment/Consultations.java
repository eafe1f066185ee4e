package org.venula.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.assessment.internal.ConsultationStore;
import org.venula.assessment.rules.ConsultationCheck;
import org.venula.assessment.rules.ConsultationOutcome;
import org.venula.assessment.rules.ConsultationOutcomeRule;
import org.venula.clinic.Clinics;
import org.venula.clinic.PractitionerView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.DuplexResult;
import org.venula.patient.HistoryVersion;
import org.venula.patient.MedicalHistory;
import org.venula.patient.MedicalHistories;
import org.venula.patient.Patients;
import org.venula.screening.Screenings;
import org.venula.screening.StoredScreening;
import org.venula.screening.rules.Area;
import org.venula.screening.rules.Outcome;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The assessment capability's facade: record a consultation (which also writes the scan result and varicose-vein
 * finding into the medical history as a new version), read it, and override its derived outcome with a reason.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Consultations {

    private final ConsultationStore store;
    private final Patients patients;
    private final MedicalHistories histories;
    private final Screenings screenings;
    private final Clinics clinics;
    private final AccessLog accessLog;
    private final Clock clock;

    @Transactional
    public Consultation record(VenulaPrincipal me, long patientId, ConsultationRequest request) {
        patients.openClinicalRecord(me, patientId);
        LocalDate today = clinics.today(me.clinicId());
        List<FieldProblem> problems = new java.util.ArrayList<>(ConsultationCheck.problems(request, today));
        PractitionerView practitioner = practitioner(me, request.practitionerId(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Area area = request.area() == null ? Area.LEGS : request.area();
        StoredScreening screening = screenings.latest(me, patientId).orElse(null);
        boolean scanned = Boolean.TRUE.equals(request.dopplerDone()) || Boolean.TRUE.equals(request.duplexDone());
        DuplexResult reflux = scanned ? request.refluxResult() : null;
        ConsultationOutcomeRule.Derived derived = ConsultationOutcomeRule.derive(new ConsultationOutcomeRule.Facts(
                area.aboveHeart(), reflux, request.visibleVaricoseVeins(), request.ceap().left().clinical(),
                request.ceap().right().clinical(), screening != null && screening.outcome() == Outcome.NOT_SUITABLE));
        Integer historyVersion = updateHistory(me, patientId, reflux, request.visibleVaricoseVeins());
        OffsetDateTime now = now();
        long id = store.insert(new ConsultationStore.NewConsultation(me.clinicId(), patientId, practitioner.id(),
                request.consultedOn() == null ? today : request.consultedOn(), area,
                screening == null ? null : screening.id(), request, derived, historyVersion, now, me.getUsername()));
        accessLog.record(me.clinicId(), patientId, AccessAction.CREATE_CONSULTATION,
                "consultation " + id + ": " + derived.outcome());
        return store.find(me.clinicId(), id).orElseThrow();
    }

    @Transactional
    public Consultation get(VenulaPrincipal me, long consultationId) {
        me.requireClinicalRecord();
        Consultation c = store.find(me.clinicId(), consultationId)
                .orElseThrow(() -> new NotFoundException("Consultation " + consultationId));
        accessLog.record(me.clinicId(), c.patientId(), AccessAction.VIEW_CONSULTATION, "consultation " + c.id());
        return c;
    }

    @Transactional
    public List<Consultation> forPatient(VenulaPrincipal me, long patientId) {
        patients.openClinicalRecord(me, patientId);
        return store.forPatient(me.clinicId(), patientId);
    }

    /** Records a clinician's decision against the derived outcome, once, with the reason. */
    @Transactional
    public Consultation override(VenulaPrincipal me, long consultationId, ConsultationOutcome outcome, String reason) {
        Consultation c = get(me, consultationId);
        List<FieldProblem> problems = new java.util.ArrayList<>();
        FieldProblem.required(problems, "outcome", outcome, "is required");
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "is required: say why the derived outcome does not apply"));
        } else if (reason.length() > 1000) {
            problems.add(new FieldProblem("reason", "must be at most 1000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (c.override() != null || !store.override(c.id(), outcome, reason.trim(), me.getUsername(), now())) {
            throw new ConflictException("already-overridden", null, "This consultation's outcome was already "
                    + "overridden; record a new consultation to change it again.");
        }
        accessLog.record(me.clinicId(), c.patientId(), AccessAction.OVERRIDE_CONSULTATION,
                "consultation " + c.id() + ": " + c.derivedOutcome() + " -> " + outcome);
        return store.find(me.clinicId(), c.id()).orElseThrow();
    }

    /** The examination's scan result and varicose-vein finding become a new version of the medical history. */
    private Integer updateHistory(VenulaPrincipal me, long patientId, DuplexResult reflux, boolean varicose) {
        HistoryVersion current = histories.current(me, patientId);
        MedicalHistory h = current.history();
        DuplexResult duplex = reflux == null ? h.duplex() : reflux;
        if (duplex == h.duplex() && Boolean.valueOf(varicose).equals(h.visibleVaricoseVeins())) {
            return current.version() == 0 ? null : current.version();
        }
        MedicalHistory updated = h.withExamination(varicose, duplex);
        return histories.record(me, patientId, updated, current.version(), "From the consultation examination")
                .version();
    }

    private PractitionerView practitioner(VenulaPrincipal me, Long requested, List<FieldProblem> problems) {
        if (requested != null) {
            return clinics.practitioner(me.clinicId(), requested).orElseGet(() -> {
                problems.add(new FieldProblem("practitionerId", "is not a practitioner of this clinic"));
                return null;
            });
        }
        return clinics.practitionerOfUser(me.userId()).orElseGet(() -> {
            problems.add(new FieldProblem("practitionerId", "is required: you have no practitioner profile"));
            return null;
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

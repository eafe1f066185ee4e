package org.venula.aftercare;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.aftercare.internal.AftercareStore;
import org.venula.aftercare.rules.Triage;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.Patients;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Protocols;
import org.venula.protocol.Symptom;
import org.venula.protocol.TriageLevel;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.Paging;
import org.venula.shared.db.FollowOnWork;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Symptom triage, stateless for staff and stored for patients checking in through their private link; check-ins
 * above EXPECTED wait on the clinicians' dashboard until one acknowledges them.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CheckIns {

    private final AftercareStore store;
    private final Aftercare aftercare;
    private final Protocols protocols;
    private final Patients patients;
    private final AccessLog accessLog;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final FollowOnWork followOn;

    /** Triage under the clinic's active protocol, storing nothing. */
    public TriageAnswer triage(VenulaPrincipal me, TriageRequest request) {
        List<Symptom> symptoms = read(request, true);
        return answer(me.clinicId(), protocols.active(me.clinicId()).document(), request.daysSinceTreatment(), symptoms);
    }

    /**
     * The stored check-in of a patient through their link or the portal; the day count comes from the plan's treatment date. What
     * needs a clinician becomes a complication to confirm once it commits ({@link FollowOnWork}).
     */
    public TriageAnswer checkIn(Aftercare.PatientView view, List<String> symptomCodes, String note) {
        return followOn.inTransaction(() -> checkInNow(view, symptomCodes, note));
    }

    private TriageAnswer checkInNow(Aftercare.PatientView view, List<String> symptomCodes, String note) {
        List<Symptom> symptoms = read(new TriageRequest(0, symptomCodes), false);
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException("note", "must be at most 1000 characters");
        }
        int days = (int) Math.max(0, ChronoUnit.DAYS.between(view.plan().treatmentDate(), view.today()));
        ProtocolDocument doc = protocols.version(view.clinicId(), view.plan().plan().protocol().version()).document();
        TriageAnswer answer = answer(view.clinicId(), doc, days, symptoms);
        long id = store.insertCheckIn(view.clinicId(), view.plan().patientId(), view.plan().id(), days,
                symptoms.stream().map(Enum::name).toList(), note == null || note.isBlank() ? null : note.trim(),
                answer.level(), answer.advice(), now());
        events.publishEvent(new CheckInRecorded(view.clinicId(), view.plan().patientId(), id, view.plan().sessionId(),
                view.today(), symptoms.stream().map(Enum::name).toList(), answer.level(),
                answer.symptoms().stream().collect(java.util.stream.Collectors.toMap(TriageAnswer.SymptomLevel::symptom,
                        TriageAnswer.SymptomLevel::level, (a, b) -> a))));
        if (view.viaPortal()) {
            accessLog.recordByPortalPatient(view.clinicId(), view.plan().patientId(), AccessAction.CHECK_IN,
                    answer.level() + " " + symptoms);
        } else {
            accessLog.recordByPatientLink(view.clinicId(), view.plan().patientId(), AccessAction.CHECK_IN,
                    answer.level() + " " + symptoms);
        }
        return answer;
    }

    private TriageAnswer answer(long clinicId, ProtocolDocument doc, int days, List<Symptom> symptoms) {
        String emergencyNumber = aftercare.emergencyNumber(clinicId);
        Triage.Result r = Triage.triage(doc.aftercare().triage(), days, symptoms, emergencyNumber);
        return new TriageAnswer(r.level().name(), r.advice(), r.matched().stream().map(Enum::name).toList(),
                r.findings().stream().map(f -> new TriageAnswer.SymptomLevel(f.symptom().name(), f.level().name(),
                        f.text())).toList(),
                r.level() == TriageLevel.EMERGENCY ? emergencyNumber : null);
    }

    private static List<Symptom> read(TriageRequest request, boolean needDays) {
        List<FieldProblem> problems = new ArrayList<>();
        if (needDays) {
            if (request.daysSinceTreatment() == null) {
                problems.add(new FieldProblem("daysSinceTreatment", "is required: 0 on the day of treatment"));
            } else if (request.daysSinceTreatment() < 0 || request.daysSinceTreatment() > 3650) {
                problems.add(new FieldProblem("daysSinceTreatment", "must be 0 or more"));
            }
        }
        List<Symptom> symptoms = new ArrayList<>();
        if (request.symptoms() != null) {
            for (int i = 0; i < request.symptoms().size(); i++) {
                String s = request.symptoms().get(i);
                try {
                    symptoms.add(Symptom.valueOf(s));
                } catch (IllegalArgumentException | NullPointerException e) {
                    problems.add(new FieldProblem("symptoms", "'" + s + "' (item " + i + ") is not a known symptom"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return symptoms;
    }

    /** Check-ins above EXPECTED that no clinician has acknowledged yet, most urgent first. */
    @Transactional
    public Paging.Paged<CheckIn> open(VenulaPrincipal me, Paging paging) {
        me.requireClinicalRecord();
        Paging.Paged<CheckIn> open = paging.of(store.open(me.clinicId(), paging.limit(), paging.offset()));
        accessLog.recordShown(me.clinicId(), open.items(), CheckIn::patientId,
                AccessAction.LIST_PATIENTS, "check-ins waiting");
        return open;
    }

    @Transactional
    public List<CheckIn> forPatient(VenulaPrincipal me, long patientId) {
        patients.openClinicalRecord(me, patientId);
        return store.checkInsOf(me.clinicId(), patientId);
    }

    @Transactional
    public CheckIn acknowledge(VenulaPrincipal me, long id, String note) {
        me.requireClinicalRecord();
        CheckIn c = store.checkIn(me.clinicId(), id).orElseThrow(() -> new NotFoundException("Check-in " + id));
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException("note", "must be at most 1000 characters");
        }
        if (!store.acknowledge(me.clinicId(), id, note == null || note.isBlank() ? null : note.trim(), now(),
                me.getUsername())) {
            throw new ConflictException("already-acknowledged", null, "This check-in was already acknowledged.");
        }
        accessLog.record(me.clinicId(), c.patientId(), AccessAction.ACKNOWLEDGE_CHECK_IN, "check-in " + id);
        return store.checkIn(me.clinicId(), id).orElseThrow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

package org.venula.screening;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.Clinics;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.HistoryVersion;
import org.venula.patient.MedicalHistory;
import org.venula.patient.MedicalHistories;
import org.venula.patient.Patients;
import org.venula.protocol.Protocols;
import org.venula.screening.internal.ScreeningStore;
import org.venula.screening.rules.Area;
import org.venula.screening.rules.ScreeningEngine;
import org.venula.screening.rules.ScreeningResult;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The screening capability's facade: evaluate a history without storing it, screen a patient and keep the result,
 * and sign off a CAUTION. Only clinicians and administrators screen.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Screenings {

    private final Protocols protocols;
    private final Patients patients;
    private final MedicalHistories histories;
    private final Clinics clinics;
    private final ScreeningStore store;
    private final AccessLog accessLog;
    private final Clock clock;

    @Transactional
    public ScreeningAnswer evaluate(VenulaPrincipal me, EvaluateRequest request) {
        me.requireClinicalRecord();
        if (request.history() == null) {
            throw new InvalidInputException("history", "is required");
        }
        LocalDate asOf = request.asOf() == null ? clinics.today(me.clinicId()) : request.asOf();
        Area area = request.area() == null ? Area.LEGS : request.area();
        List<FieldProblem> problems = new ArrayList<>(ScreeningEngine.problems(request.history(), asOf, "history."));
        Protocols.Resolved protocol;
        try {
            protocol = protocols.resolve(me.clinicId(), request.protocol());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            throw new InvalidInputException(problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ScreeningResult result = ScreeningEngine.evaluate(asOf, area, request.history(), protocol.document());
        return ScreeningAnswer.of(result, protocol.ref());
    }

    /**
     * "Am I suitable?" for anyone, without signing in: the same history and the same rules as {@link #evaluate}, today
     * in the clinic and under its active protocol, answered with the protocol's patient texts only. Nothing is stored
     * and no record is opened, so nothing goes in the access log.
     */
    public SelfCheckAnswer selfCheck(long clinicId, MedicalHistory history) {
        clinics.clinicIfExists(clinicId).orElseThrow(() -> new NotFoundException("Clinic " + clinicId));
        if (history == null) {
            throw new InvalidInputException("history", "is required");
        }
        LocalDate today = clinics.today(clinicId);
        List<FieldProblem> problems = ScreeningEngine.problems(history, today, "history.");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ScreeningResult result = ScreeningEngine.evaluate(today, Area.LEGS, history,
                protocols.active(clinicId).document());
        List<String> messages = result.findings().stream().map(f -> f.patientText())
                .filter(t -> t != null && !t.isBlank()).distinct().toList();
        return new SelfCheckAnswer(result.outcome(), messages, result.earliestTreatmentDate(), SelfCheckAnswer.NOTE);
    }

    /** Screens the patient's current history under the clinic's active protocol and stores the result. */
    @Transactional
    public StoredScreening screen(VenulaPrincipal me, long patientId, ScreenPatient request) {
        patients.openClinicalRecord(me, patientId);
        HistoryVersion current = histories.current(me, patientId);
        LocalDate asOf = request == null || request.asOf() == null ? clinics.today(me.clinicId()) : request.asOf();
        Area area = request == null || request.area() == null ? Area.LEGS : request.area();
        if (current.version() == 0) {
            throw new InvalidInputException("history", "no medical history is recorded yet; record it first");
        }
        MedicalHistory history = current.history();
        List<FieldProblem> problems = ScreeningEngine.problems(history, asOf, "history.");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Protocols.Resolved protocol = protocols.resolve(me.clinicId(), null);
        ScreeningResult result = ScreeningEngine.evaluate(asOf, area, history, protocol.document());
        long id = store.insert(me.clinicId(), patientId, current.version(), asOf, area, result, protocol.ref(), now(),
                me.getUsername());
        accessLog.record(me.clinicId(), patientId, AccessAction.SCREEN_PATIENT,
                result.outcome() + " for " + asOf + " (protocol " + protocol.ref().id() + " v" + protocol.ref().version()
                        + ")");
        return store.find(me.clinicId(), patientId, id).orElseThrow();
    }

    @Transactional
    public List<StoredScreening> forPatient(VenulaPrincipal me, long patientId) {
        patients.openClinicalRecord(me, patientId);
        accessLog.record(me.clinicId(), patientId, AccessAction.VIEW_SCREENINGS, null);
        return store.forPatient(me.clinicId(), patientId);
    }

    /** The patient's latest stored screening (the one in force), without logging a separate read. */
    public java.util.Optional<StoredScreening> latest(VenulaPrincipal me, long patientId) {
        me.requireClinicalRecord();
        return store.forPatient(me.clinicId(), patientId).stream().findFirst();
    }

    /**
     * The latest stored screening, for the booking rules. Reception may book, so no clinical role is needed; the
     * caller shows only whether treatment is cleared, never the findings.
     */
    public java.util.Optional<StoredScreening> latestForBooking(VenulaPrincipal me, long patientId) {
        return latestForBooking(me.clinicId(), patientId);
    }

    /** As {@link #latestForBooking(VenulaPrincipal, long)}, for a booking the patient makes in the portal. */
    public java.util.Optional<StoredScreening> latestForBooking(long clinicId, long patientId) {
        return store.forPatient(clinicId, patientId).stream().findFirst();
    }

    /** A clinician accepts a CAUTION result, with a note of why, so that it counts as clearance to treat. */
    @Transactional
    public StoredScreening signOff(VenulaPrincipal me, long patientId, long screeningId, String note) {
        patients.openClinicalRecord(me, patientId);
        StoredScreening s = store.find(me.clinicId(), patientId, screeningId)
                .orElseThrow(() -> new NotFoundException("Screening " + screeningId));
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "is required: say why treatment may go ahead");
        }
        if (note.length() > 1000) {
            throw new InvalidInputException("note", "must be at most 1000 characters");
        }
        if (s.signOff() != null) {
            throw new ConflictException("already-signed-off", null, "This screening was already signed off by "
                    + s.signOff().by() + ".");
        }
        if (!s.needsSignOff()) {
            throw new ConflictException("sign-off-not-needed", null,
                    "Only a CAUTION result is signed off; this one is " + s.outcome() + ".");
        }
        if (!store.signOff(s.id(), now(), me.getUsername(), note.trim())) {
            throw new ConflictException("already-signed-off", null, "This screening was already signed off.");
        }
        accessLog.record(me.clinicId(), patientId, AccessAction.SIGN_OFF_SCREENING, "screening " + screeningId);
        return store.find(me.clinicId(), patientId, screeningId).orElseThrow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

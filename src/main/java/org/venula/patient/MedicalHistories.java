package org.venula.patient;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.internal.HistoryStore;
import org.venula.patient.internal.Patient;
import org.venula.patient.rules.PatientRules;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * A patient's medical history, for clinicians and administrators only: every change is a new version, a version
 * recorded meanwhile by a colleague is never silently replaced, and every read and write is access-logged.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MedicalHistories {

    private final HistoryStore histories;
    private final ClinicPatients patients;
    private final AccessLog accessLog;

    /** The current medical history; version 0 with every question unanswered when none is recorded yet. */
    @Transactional
    public HistoryVersion current(VenulaPrincipal me, long patientId) {
        me.requireClinicalRecord();
        Patient p = patients.load(me, patientId);
        accessLog.record(me.clinicId(), p.id(), AccessAction.VIEW_HISTORY, "current version");
        return latestOrNone(p.id());
    }

    @Transactional
    public List<HistoryVersion> versions(VenulaPrincipal me, long patientId) {
        me.requireClinicalRecord();
        Patient p = patients.load(me, patientId);
        accessLog.record(me.clinicId(), p.id(), AccessAction.VIEW_HISTORY, "all versions");
        return histories.all(p.id());
    }

    @Transactional
    public HistoryVersion version(VenulaPrincipal me, long patientId, int version) {
        me.requireClinicalRecord();
        Patient p = patients.load(me, patientId);
        accessLog.record(me.clinicId(), p.id(), AccessAction.VIEW_HISTORY, "version " + version);
        return histories.version(p.id(), version).orElseThrow(() -> new NotFoundException("History version " + version));
    }

    /**
     * Records a new version of the medical history. {@code basedOnVersion}, when given, must be the current version,
     * so that an answer recorded meanwhile by a colleague is not silently replaced.
     */
    @Transactional
    public HistoryVersion record(VenulaPrincipal me, long patientId, MedicalHistory history,
            Integer basedOnVersion, String note) {
        return record(me, patientId, history, basedOnVersion, note, false);
    }

    /**
     * As {@link #record}, except that a history without a skin type keeps the one recorded. For API clients
     * written when the skin type was sent with the patient's details: their history body leaves it out, and that
     * must not erase it. A history that names the skin type, even as null, is recorded as sent.
     */
    @Transactional
    public HistoryVersion recordKeepingSkinType(VenulaPrincipal me, long patientId, MedicalHistory history,
            Integer basedOnVersion, String note) {
        return record(me, patientId, history, basedOnVersion, note, true);
    }

    private HistoryVersion record(VenulaPrincipal me, long patientId, MedicalHistory sent,
            Integer basedOnVersion, String note, boolean keepSkinType) {
        me.requireClinicalRecord();
        Patient p = patients.load(me, patientId);
        MedicalHistory history = sent;
        if (keepSkinType && sent.fitzpatrickSkinType() == null) {
            Integer recorded = histories.latest(p.id()).map(h -> h.history().fitzpatrickSkinType()).orElse(null);
            history = sent.withFitzpatrickSkinType(recorded);
        }
        List<FieldProblem> problems = problemsWith(me, patientId, history);
        if (note != null && note.length() > 1000) {
            problems.add(new FieldProblem("note", "must be at most 1000 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int current = histories.currentVersion(p.id());
        if (basedOnVersion != null && basedOnVersion != current) {
            throw ConflictException.staleVersion("This medical history");
        }
        OffsetDateTime now = patients.now();
        String kept = ClinicPatients.blank(note);
        try {
            histories.insert(me.clinicId(), p.id(), current + 1, history, kept, now, me.getUsername());
        } catch (DuplicateKeyException e) {
            throw ConflictException.staleVersion("This medical history");
        }
        accessLog.record(me.clinicId(), p.id(), AccessAction.UPDATE_HISTORY, "version " + (current + 1));
        return new HistoryVersion(p.id(), current + 1, now, me.getUsername(), kept, history);
    }

    /** Everything wrong with this history for this patient: field formats and dates of past events. */
    public List<FieldProblem> problemsWith(VenulaPrincipal me, long patientId, MedicalHistory history) {
        Patient p = patients.load(me, patientId);
        List<FieldProblem> problems = patients.constraintProblems(history);
        problems.addAll(PatientRules.checkHistory(history, patients.today(me), p.dateOfBirth()));
        return problems;
    }

    /**
     * A skin type sent with the patient's details goes where the skin type is kept, the medical history: a new
     * version when it differs from the current one (a first version, every question still unasked, when there is
     * none). Null changes nothing.
     */
    void forwardSkinType(VenulaPrincipal me, long patientId, Integer skinType) {
        if (skinType == null) {
            return;
        }
        HistoryVersion current = latestOrNone(patientId);
        if (skinType.equals(current.history().fitzpatrickSkinType())) {
            return;
        }
        record(me, patientId, current.history().withFitzpatrickSkinType(skinType), current.version(),
                "Fitzpatrick skin type sent with the patient's details");
    }

    /** The current histories' skin types, for the read-only copy in {@link PatientRecord}; none for reception. */
    Map<Long, Integer> skinTypesShownTo(VenulaPrincipal me, Collection<Long> patientIds) {
        return me.seesClinicalRecord() ? histories.currentSkinTypes(patientIds) : Map.of();
    }

    private HistoryVersion latestOrNone(long patientId) {
        return histories.latest(patientId)
                .orElseGet(() -> new HistoryVersion(patientId, 0, null, null, null, MedicalHistory.unanswered()));
    }
}

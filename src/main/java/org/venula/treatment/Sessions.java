package org.venula.treatment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.assessment.Consultation;
import org.venula.assessment.Consultations;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.Patients;
import org.venula.protocol.ProtocolDocument;
import org.venula.treatment.internal.SessionStore;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Reading treatment sessions: one session, or a patient's, each with the dose check over it; the leg map and the
 * protocol it is charted against. Starting, charting and signing are {@link SessionStart}, {@link SessionCharting}
 * and {@link SessionSigning}. Only clinicians (and administrators who are practitioners) read sessions; every read
 * goes in the patient's access log.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Sessions {

    private final SessionLookup lookup;
    private final SessionStore store;
    private final Patients patients;
    private final Consultations consultations;
    private final AccessLog accessLog;

    @Transactional
    public TreatmentSession get(VenulaPrincipal me, long sessionId) {
        me.requireClinicalRecord();
        TreatmentSession s = lookup.load(me, sessionId);
        accessLog.record(me.clinicId(), s.patientId(), AccessAction.VIEW_SESSION, "session " + sessionId);
        return s;
    }

    @Transactional
    public List<TreatmentSession> forPatient(VenulaPrincipal me, long patientId) {
        patients.openClinicalRecord(me, patientId);
        Map<Integer, ProtocolDocument> byVersion = new HashMap<>();
        return store.forPatient(me.clinicId(), patientId).stream().map(s -> s.withDose(lookup.dose(me, s, null,
                byVersion.computeIfAbsent(s.protocol().version(), v -> lookup.protocol(me, s))))).toList();
    }

    /** The consultation whose leg map the session charts on. */
    public Consultation legMap(VenulaPrincipal me, TreatmentSession s) {
        return consultations.get(me, s.consultationId());
    }

    /** The protocol version the session was started under. */
    public ProtocolDocument protocol(VenulaPrincipal me, TreatmentSession s) {
        return lookup.protocol(me, s);
    }
}

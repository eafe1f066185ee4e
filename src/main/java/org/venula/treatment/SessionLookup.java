package org.venula.treatment;

import static org.venula.protocol.ProtocolDocument.ChartingDefaults.STANDARD;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.venula.protocol.VeinType;
import org.venula.clinic.VenulaPrincipal;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Protocols;
import org.venula.protocol.Restriction;
import org.venula.shared.ConflictException;
import org.venula.shared.NotFoundException;
import org.venula.treatment.internal.InjectionStore;
import org.venula.treatment.internal.SessionStore;
import org.venula.treatment.rules.DoseCheck;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * What the session facades share: a session of the caller's clinic (404 otherwise), open or refused once signed, with
 * the dose check over it under the protocol it was started with; the refusal of an edit; the time of a change.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SessionLookup {

    private final SessionStore sessions;
    private final InjectionStore injections;
    private final Protocols protocols;
    private final Clock clock;

    TreatmentSession find(VenulaPrincipal me, long sessionId) {
        return sessions.find(me.clinicId(), sessionId).orElseThrow(() -> new NotFoundException("Session " + sessionId));
    }

    /** The session as answered to the caller, with the dose check over it. */
    TreatmentSession load(VenulaPrincipal me, long sessionId) {
        TreatmentSession s = find(me, sessionId);
        return s.withDose(dose(me, s, null, protocol(me, s)));
    }

    /** The session, refused (409) once signed. Without the dose check: the caller runs it when it needs it. */
    TreatmentSession open(VenulaPrincipal me, long sessionId) {
        TreatmentSession s = find(me, sessionId);
        if (s.signed()) {
            throw signedConflict();
        }
        return s;
    }

    /**
     * An open session that is still at the version the client {@code loaded} (its ETag; null: not checked), else 409
     * {@code stale-version}: someone charted, struck out or recorded something since it was read.
     */
    TreatmentSession open(VenulaPrincipal me, long sessionId, Integer loaded) {
        TreatmentSession s = open(me, sessionId);
        if (loaded != null && loaded != s.version()) {
            throw ConflictException.staleVersion("This treatment session");
        }
        return s;
    }

    /** The protocol version the session was started under. */
    ProtocolDocument protocol(VenulaPrincipal me, TreatmentSession s) {
        return protocols.version(me.clinicId(), s.protocol().version()).document();
    }

    /** The dose check over the session (plus a candidate injection), sharing the day's dose with other sessions. */
    DoseCheck.Result dose(VenulaPrincipal me, TreatmentSession s, DoseCheck.Injection candidate,
            ProtocolDocument protocol) {
        List<DoseCheck.Injection> session = new ArrayList<>(s.injections().stream()
                .filter(TreatmentSession.Injection::counts).map(SessionLookup::toCheck).toList());
        if (candidate != null) {
            session.add(candidate);
        }
        List<DoseCheck.Injection> earlier = injections.otherInjectionsOn(me.clinicId(), s.patientId(),
                s.sessionDate(), s.id()).stream().map(SessionLookup::toCheck).toList();
        Set<Restriction> restrictions = EnumSet.noneOf(Restriction.class);
        s.restrictions().forEach(r -> restrictions.add(Restriction.valueOf(r)));
        return DoseCheck.check(s.weightKg(), DoseCheck.Limits.of(protocol), restrictions, session, earlier);
    }

    private static DoseCheck.Injection toCheck(TreatmentSession.Injection i) {
        return new DoseCheck.Injection(i.agent(), i.concentrationPercent(), DoseCheck.Form.valueOf(i.form()),
                i.volumeMl(), i.liquidParts() == null ? STANDARD.foamLiquidParts() : i.liquidParts(),
                i.gasParts() == null ? STANDARD.foamGasParts() : i.gasParts(), VeinType.valueOf(i.veinType()));
    }

    /** An edit of an open session that changed nothing: signed meanwhile, or changed by someone else (stale). */
    ConflictException editRefused(long sessionId) {
        return sessions.isOpen(sessionId) ? ConflictException.staleVersion("This treatment session") : signedConflict();
    }

    static ConflictException signedConflict() {
        return new ConflictException("session-signed", null,
                "The session is signed and locked; corrections are made by an addendum.");
    }

    /** The time stamped on a change, in UTC. */
    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

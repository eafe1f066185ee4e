package org.venula.planning;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.Clinics;
import org.venula.clinic.PractitionerView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.planning.internal.PlanStore;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Consent at home: the patient reads, in the portal, the exact consent text of their plan (its areas, the risks, the
 * alternatives, the aftercare), types their name and confirms; it is recorded with the channel, the time and the text
 * version. It counts for treatment only once a clinician has confirmed it with the patient in the room, who then
 * becomes its witness ({@link #confirm}).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ConsentAtHome {

    private final PlanStore store;
    private final Plans plans;
    private final Clinics clinics;
    private final AccessLog accessLog;
    private final Clock clock;

    /** One of the patient's plans as the portal shows it, with the exact text to consent to. */
    public record OwnPlan(TreatmentPlan plan, String consentText, String textVersion) {
    }

    /** The patient's own plans, newest first, each with its consent text (logged as their own view). */
    @Transactional
    public List<OwnPlan> ownPlans(long clinicId, long patientId) {
        accessLog.recordByPortalPatient(clinicId, patientId, AccessAction.VIEW_PLAN, "own plans");
        return store.forPatient(clinicId, patientId).stream().map(p -> new OwnPlan(p, plans.consentText(clinicId, p),
                plans.consentSettings(clinicId, p).textVersion())).toList();
    }

    /** The patient consents at home to their own plan, typing their name. */
    @Transactional
    public TreatmentPlan consent(long clinicId, long patientId, long planId, String typedName) {
        TreatmentPlan plan = store.find(clinicId, planId).filter(p -> p.patientId() == patientId)
                .orElseThrow(() -> new NotFoundException("Plan " + planId));
        if (typedName == null || typedName.isBlank()) {
            throw new InvalidInputException("patientName", "is required: type your full name to say you agree");
        }
        if (typedName.length() > 200) {
            throw new InvalidInputException("patientName", "must be at most 200 characters");
        }
        if (plan.consentInForce() != null) {
            throw new ConflictException("consent-in-force", null, "You have already consented to this plan.");
        }
        long id = store.insertConsentAtHome(clinicId, patientId, planId, plans.consentSettings(clinicId, plan)
                .textVersion(), plans.consentText(clinicId, plan), typedName.trim(), clinics.today(clinicId), now(),
                AccessLog.PORTAL_ACTOR);
        accessLog.recordByPortalPatient(clinicId, patientId, AccessAction.RECORD_CONSENT, "consent " + id
                + " at home");
        return store.find(clinicId, planId).orElseThrow();
    }

    /** A clinician confirms, with the patient in the room, the consent they gave at home, and witnesses it. */
    @Transactional
    public TreatmentPlan confirm(VenulaPrincipal me, long planId, long consentId) {
        TreatmentPlan plan = plans.get(me, planId);
        PractitionerView witness = clinics.practitionerOfUser(me.userId())
                .orElseThrow(() -> new InvalidInputException("witness", "you have no practitioner profile: a "
                        + "clinician who treats confirms consent"));
        TreatmentPlan.ConsentRecord k = plan.consents().stream().filter(c -> c.id() == consentId).findFirst()
                .orElseThrow(() -> new NotFoundException("Consent " + consentId));
        if (!k.givenAtHome() || k.confirmedAt() != null || !k.inForce()) {
            throw new ConflictException("not-to-confirm", null, !k.givenAtHome() ? "This consent was given in the "
                    + "clinic and witnessed then." : !k.inForce() ? "This consent was withdrawn."
                    : "This consent was already confirmed by " + k.confirmedBy() + ".");
        }
        if (!store.confirmConsent(planId, consentId, witness.id(), now(), me.getUsername())) {
            throw new ConflictException("not-to-confirm", null, "Someone has just confirmed or withdrawn this "
                    + "consent. Reload the page.");
        }
        accessLog.record(me.clinicId(), plan.patientId(), AccessAction.RECORD_CONSENT, "consent " + consentId
                + " confirmed in the room");
        return store.find(me.clinicId(), planId).orElseThrow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

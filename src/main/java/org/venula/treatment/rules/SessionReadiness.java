package org.venula.treatment.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.venula.planning.TreatmentPlan;
import org.venula.protocol.ProtocolDocument;
import org.venula.screening.StoredScreening;
import org.venula.screening.rules.Outcome;

/**
 * Whether a patient may be injected today. A sclerotherapy session needs a treatment plan with the patient's consent
 * in force, and a screening that clears treatment (ELIGIBLE, or CAUTION signed off by a clinician), that is no older
 * than the protocol's {@code screening.clearanceValidityDays} ({@code protocols/standard.yaml}), that read the medical
 * history as it is now, and that still clears when its answers are screened again today (a deferral window may not
 * have passed, a new rule may apply). Every reason is kept, so the clinician sees all that stands in the way at once.
 */
public final class SessionReadiness {

    private SessionReadiness() {
    }

    /**
     * What the rule reads. {@code plans}: the patient's treatment plans; {@code screening}: the latest screening, or
     * null when there is none; {@code historyVersion}: the medical history's version now (not read without a
     * screening); {@code rescreenedToday}: the outcome of screening the history again today, required when
     * {@link #rescreenApplies} and otherwise null.
     */
    public record Facts(List<TreatmentPlan> plans, StoredScreening screening, int historyVersion,
            Outcome rescreenedToday, LocalDate today, ProtocolDocument protocol) {

        public Facts {
            plans = List.copyOf(plans);
            Objects.requireNonNull(today, "today");
            Objects.requireNonNull(protocol, "protocol");
            if (screening != null && rescreenApplies(screening, historyVersion)) {
                Objects.requireNonNull(rescreenedToday, "rescreenedToday: screen the history again today");
            }
        }
    }

    /**
     * The plan a session is charted under: the first with consent in force, given in the clinic or, given at home,
     * confirmed with the patient in the room.
     */
    public static Optional<TreatmentPlan> consentedPlan(List<TreatmentPlan> plans) {
        return plans.stream().filter(p -> p.consentInForce() != null && p.consentInForce().confirmed()).findFirst();
    }

    /**
     * Whether the screening should be run again on today's answers: only when it cleared treatment and read the
     * history as it is now (a changed history is a reason of its own to screen again).
     */
    public static boolean rescreenApplies(StoredScreening screening, int historyVersion) {
        return historyVersion == screening.historyVersion() && screening.clearsForTreatment();
    }

    /** Every reason the session may not start today; empty when it may. */
    public static List<Blocker> blockers(Facts f) {
        List<Blocker> blockers = new ArrayList<>();
        if (consentedPlan(f.plans()).isEmpty()) {
            boolean atHome = f.plans().stream().anyMatch(p -> p.consentInForce() != null);
            blockers.add(atHome
                    ? new Blocker("CONSENT_NOT_CONFIRMED", "The patient consented at home: confirm it with them in "
                            + "the room (on the plan) before the first injection.")
                    : new Blocker("CONSENT_NOT_IN_FORCE",
                            "No treatment plan has consent in force: record the patient's consent to the plan first."));
        }
        StoredScreening screening = f.screening();
        if (screening == null) {
            blockers.add(new Blocker("NO_SCREENING", "The patient has not been screened: screen them first."));
            return blockers;
        }
        if (!screening.clearsForTreatment()) {
            blockers.add(new Blocker("NOT_CLEARED", screening.needsSignOff()
                    ? "The latest screening is CAUTION and has not been signed off."
                    : "The latest screening is " + screening.outcome() + ", which does not clear treatment."));
        }
        int validity = f.protocol().screening().clearanceValidityDays().value();
        if (screening.asOf().plusDays(validity).isBefore(f.today())) {
            blockers.add(new Blocker("SCREENING_EXPIRED", "The latest screening (" + screening.asOf()
                    + ") is older than " + validity + " days: screen again."));
        }
        if (f.historyVersion() != screening.historyVersion()) {
            blockers.add(new Blocker("HISTORY_CHANGED", "The medical history has changed since the screening "
                    + "(version " + screening.historyVersion() + ", now " + f.historyVersion()
                    + "): screen again before treating."));
        } else if (screening.clearsForTreatment() && !stillClears(screening.outcome(), f.rescreenedToday())) {
            blockers.add(new Blocker("RESCREEN_DIFFERS", "Re-screening today's answers gives " + f.rescreenedToday()
                    + " (the clearance was " + screening.outcome() + "): screen again and clear it first."));
        }
        return blockers;
    }

    /** The refusal to start the session today, or empty when it may start. */
    public static Optional<SessionNotReady> refusal(Facts f) {
        List<Blocker> blockers = blockers(f);
        return blockers.isEmpty() ? Optional.empty() : Optional.of(new SessionNotReady(blockers));
    }

    /** ELIGIBLE still clears; CAUTION clears only a clearance that was itself a signed-off CAUTION. */
    private static boolean stillClears(Outcome cleared, Outcome today) {
        return today == Outcome.ELIGIBLE || today == Outcome.CAUTION && cleared != Outcome.ELIGIBLE;
    }
}

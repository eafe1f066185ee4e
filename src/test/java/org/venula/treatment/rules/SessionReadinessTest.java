package org.venula.treatment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.planning.TreatmentPlan;
import org.venula.protocol.ProtocolDocument;
import org.venula.screening.StoredScreening;
import org.venula.screening.rules.Area;
import org.venula.screening.rules.Outcome;
import org.venula.support.Presets;

/** Readiness for a session today under the standard protocol (a clearance holds for 90 days). */
class SessionReadinessTest {

    private static final ProtocolDocument STANDARD = Presets.get("standard");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 14);
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2025-01-10T12:00:00Z");

    enum Consent { NONE, IN_FORCE, WITHDRAWN, AT_HOME, CONFIRMED }

    /**
     * screening: the latest outcome (NONE: never screened; CAUTION_SIGNED_OFF: a CAUTION a clinician signed off);
     * daysAgo: when it was screened; deferredDays: the earliest treatment date, days from today; history: SAME or
     * CHANGED since the screening; rescreen: today's outcome for the same answers (blank: not asked).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            all clear                                         | IN_FORCE  | ELIGIBLE           | 10 |    | SAME    | ELIGIBLE     |
            no plan has consent                               | NONE      | ELIGIBLE           | 10 |    | SAME    | ELIGIBLE     | CONSENT_NOT_IN_FORCE
            consent withdrawn                                 | WITHDRAWN | ELIGIBLE           | 10 |    | SAME    | ELIGIBLE     | CONSENT_NOT_IN_FORCE
            consent given at home, not yet confirmed          | AT_HOME   | ELIGIBLE           | 10 |    | SAME    | ELIGIBLE     | CONSENT_NOT_CONFIRMED
            consent given at home, confirmed in the room      | CONFIRMED | ELIGIBLE           | 10 |    | SAME    | ELIGIBLE     |
            never screened                                    | IN_FORCE  | NONE               |    |    | SAME    |              | NO_SCREENING
            never screened and no consent                     | NONE      | NONE               |    |    | SAME    |              | CONSENT_NOT_IN_FORCE NO_SCREENING
            caution not signed off                            | IN_FORCE  | CAUTION            | 10 |    | SAME    |              | NOT_CLEARED
            caution signed off, still caution today           | IN_FORCE  | CAUTION_SIGNED_OFF | 10 |    | SAME    | CAUTION      |
            caution signed off, eligible today                | IN_FORCE  | CAUTION_SIGNED_OFF | 10 |    | SAME    | ELIGIBLE     |
            eligible, caution when screened again today       | IN_FORCE  | ELIGIBLE           | 10 |    | SAME    | CAUTION      | RESCREEN_DIFFERS
            eligible, deferred when screened again today      | IN_FORCE  | ELIGIBLE           | 10 |    | SAME    | DEFER        | RESCREEN_DIFFERS
            caution signed off, referred when screened today  | IN_FORCE  | CAUTION_SIGNED_OFF | 10 |    | SAME    | REFER        | RESCREEN_DIFFERS
            deferred until yesterday: screen again            | IN_FORCE  | DEFER              | 20 | -1 | SAME    |              | NOT_CLEARED
            deferred until today: screen again                | IN_FORCE  | DEFER              | 20 | 0  | SAME    |              | NOT_CLEARED
            deferred until tomorrow                           | IN_FORCE  | DEFER              | 20 | 1  | SAME    |              | NOT_CLEARED
            referred                                          | IN_FORCE  | REFER              | 10 |    | SAME    |              | NOT_CLEARED
            not suitable                                      | IN_FORCE  | NOT_SUITABLE       | 10 |    | SAME    |              | NOT_CLEARED
            screened 89 days ago                              | IN_FORCE  | ELIGIBLE           | 89 |    | SAME    | ELIGIBLE     |
            screened 90 days ago, the last day it holds       | IN_FORCE  | ELIGIBLE           | 90 |    | SAME    | ELIGIBLE     |
            screened 91 days ago: stale                       | IN_FORCE  | ELIGIBLE           | 91 |    | SAME    | ELIGIBLE     | SCREENING_EXPIRED
            history changed since the screening               | IN_FORCE  | ELIGIBLE           | 10 |    | CHANGED |              | HISTORY_CHANGED
            history changed and the screening is stale        | IN_FORCE  | ELIGIBLE           | 91 |    | CHANGED |              | SCREENING_EXPIRED HISTORY_CHANGED
            no consent, deferred, stale and history changed   | WITHDRAWN | DEFER              | 95 | -5 | CHANGED |              | CONSENT_NOT_IN_FORCE NOT_CLEARED SCREENING_EXPIRED HISTORY_CHANGED
            """)
    void aSessionStartsOnlyWithConsentAndACurrentClearance(String situation, Consent consent, String screening,
            Integer daysAgo, Integer deferredDays, String history, Outcome rescreen, String expected) {
        StoredScreening latest = "NONE".equals(screening) ? null : screening(screening, daysAgo, deferredDays);
        int historyNow = "CHANGED".equals(history) ? 4 : 3;
        List<Blocker> blockers = SessionReadiness.blockers(new SessionReadiness.Facts(plans(consent), latest,
                historyNow, rescreen, TODAY, STANDARD));
        assertThat(blockers).extracting(Blocker::code)
                .containsExactlyElementsOf(expected == null ? List.of() : Arrays.asList(expected.split(" ")));
        assertThat(SessionReadiness.refusal(new SessionReadiness.Facts(plans(consent), latest, historyNow, rescreen,
                TODAY, STANDARD)).map(SessionNotReady::reasons).orElse(List.of())).isEqualTo(blockers);
    }

    @ParameterizedTest(name = "{0} ({1}, history {2}) asks for a re-screen today: {3}")
    @CsvSource(textBlock = """
            cleared,              ELIGIBLE,           SAME,    true
            signed-off caution,   CAUTION_SIGNED_OFF, SAME,    true
            unsigned caution,     CAUTION,            SAME,    false
            deferred,             DEFER,              SAME,    false
            cleared but outdated, ELIGIBLE,           CHANGED, false
            """)
    void onlyAClearanceForTheHistoryAsItIsIsScreenedAgainToday(String situation, String screening, String history,
            boolean applies) {
        assertThat(SessionReadiness.rescreenApplies(screening(screening, 10, null), "CHANGED".equals(history) ? 4 : 3))
                .isEqualTo(applies);
    }

    @Test
    void theClinicianReadsEveryReasonInFull() {
        List<Blocker> blockers = SessionReadiness.blockers(new SessionReadiness.Facts(plans(Consent.NONE),
                screening("REFER", 91, null), 4, null, TODAY, STANDARD));
        assertThat(blockers).extracting(Blocker::message).containsExactly(
                "No treatment plan has consent in force: record the patient's consent to the plan first.",
                "The latest screening is REFER, which does not clear treatment.",
                "The latest screening (2024-12-13) is older than 90 days: screen again.",
                "The medical history has changed since the screening (version 3, now 4): screen again before treating.");
        assertThat(SessionReadiness.blockers(new SessionReadiness.Facts(plans(Consent.IN_FORCE),
                screening("CAUTION", 1, null), 3, null, TODAY, STANDARD))).extracting(Blocker::message)
                .containsExactly("The latest screening is CAUTION and has not been signed off.");
        assertThat(SessionReadiness.blockers(new SessionReadiness.Facts(plans(Consent.IN_FORCE),
                screening("ELIGIBLE", 1, null), 3, Outcome.DEFER, TODAY, STANDARD))).extracting(Blocker::message)
                .containsExactly("Re-screening today's answers gives DEFER (the clearance was ELIGIBLE): screen "
                        + "again and clear it first.");
    }

    @Test
    void theSessionIsChartedUnderThePlanWhoseConsentIsInForce() {
        TreatmentPlan withdrawn = plan(1, Consent.WITHDRAWN);
        TreatmentPlan consented = plan(2, Consent.IN_FORCE);
        assertThat(SessionReadiness.consentedPlan(List.of(withdrawn, consented))).contains(consented);
        assertThat(SessionReadiness.consentedPlan(List.of(withdrawn))).isEmpty();
    }

    private static List<TreatmentPlan> plans(Consent consent) {
        return List.of(plan(1, consent));
    }

    private static TreatmentPlan plan(long id, Consent consent) {
        List<TreatmentPlan.ConsentRecord> consents = consent == Consent.NONE ? List.of()
                : List.of(new TreatmentPlan.ConsentRecord(id, "v1", "I consent.", "Ann Example", TODAY.minusDays(30),
                        consent == Consent.AT_HOME ? null : 5L, consent == Consent.AT_HOME ? null : "Dr Vein", NOON,
                        "clinician", consent == Consent.WITHDRAWN ? NOON.plusDays(1) : null,
                        consent == Consent.WITHDRAWN ? "clinician" : null,
                        consent == Consent.WITHDRAWN ? "changed her mind" : null,
                        consent == Consent.AT_HOME || consent == Consent.CONFIRMED ? "PORTAL" : "IN_CLINIC",
                        consent == Consent.CONFIRMED ? NOON.plusHours(1) : null,
                        consent == Consent.CONFIRMED ? "clinician" : null));
        return new TreatmentPlan(id, 7, 3, null, 4, 28, null, null, NOON, "clinician", consents);
    }

    private static StoredScreening screening(String outcome, Integer daysAgo, Integer deferredDays) {
        boolean signedOff = outcome.equals("CAUTION_SIGNED_OFF");
        return new StoredScreening(11, 7, 3, TODAY.minusDays(daysAgo), Area.LEGS,
                Outcome.valueOf(signedOff ? "CAUTION" : outcome),
                deferredDays == null ? null : TODAY.plusDays(deferredDays), List.of(), List.of(), null, NOON,
                "clinician", signedOff ? new StoredScreening.SignOff(NOON, "clinician", "reviewed") : null);
    }
}

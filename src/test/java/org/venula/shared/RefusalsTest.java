package org.venula.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.venula.scheduling.rules.PathwayRuleBroken;
import org.venula.scheduling.rules.PathwayRules.Broken;
import org.venula.scheduling.rules.PathwayRules.Rule;
import org.venula.treatment.rules.Blocker;
import org.venula.treatment.rules.SessionNotReady;

/** A refusal's code, summary and facts are the API's problem type, detail and members: contracts. */
class RefusalsTest {

    @Test
    void aBrokenPathwayRuleLeadsWithTheFirstRuleAndSaysUntilWhenTreatmentIsDeferred() {
        LocalDate until = LocalDate.of(2027, 1, 14);
        List<Rule> rules = List.of(Rule.values());
        Rule deferred = Rule.NOT_ELIGIBLE_UNTIL;
        Rule first = rules.stream().filter(r -> r != deferred).findFirst().orElseThrow();
        PathwayRuleBroken refusal = new PathwayRuleBroken(List.of(new Broken(first, "A consultation comes first.", null),
                new Broken(deferred, "Deferred until 14 January.", until)));
        assertThat(refusal.code()).isEqualTo("pathway-rule");
        assertThat(refusal.summary()).isEqualTo("A consultation comes first.");
        assertThat(refusal.facts()).containsEntry("rule", first.name())
                .containsEntry("rules", List.of(first.name(), deferred.name()))
                .containsEntry("messages", List.of("A consultation comes first.", "Deferred until 14 January."))
                .containsEntry("until", "2027-01-14");
    }

    @Test
    void aPathwayRefusalNamesAtLeastOneRule() {
        assertThatThrownBy(() -> new PathwayRuleBroken(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSessionNotReadyGivesEveryReasonInOneSentenceAndAsAList() {
        SessionNotReady refusal = new SessionNotReady(List.of(new Blocker("CONSENT_NOT_IN_FORCE", "Consent is needed."),
                new Blocker("NOT_CLEARED", "The screening has not cleared treatment.")));
        assertThat(refusal.code()).isEqualTo("session-not-ready");
        assertThat(refusal.summary()).isEqualTo("Consent is needed. The screening has not cleared treatment.");
        assertThat(refusal.facts().get("reasons")).asList().hasSize(2);
        assertThat(new RefusedException(refusal)).hasMessage(refusal.summary())
                .satisfies(e -> assertThat(e.refusal()).isSameAs(refusal));
    }
}

package org.venula.scheduling.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.venula.shared.Refusal;

/**
 * A booking that breaks one or more pathway rules (consultation first, minimum interval, screening outcome): every
 * broken rule with its message, the first one leading, and the date until which treatment is deferred where one rule
 * says so.
 */
public record PathwayRuleBroken(List<PathwayRules.Broken> broken) implements Refusal {

    public PathwayRuleBroken {
        if (broken == null || broken.isEmpty()) {
            throw new IllegalArgumentException("a pathway refusal names at least one broken rule");
        }
        broken = List.copyOf(broken);
    }

    @Override
    public String code() {
        return "pathway-rule";
    }

    @Override
    public String title() {
        return "Pathway rule";
    }

    @Override
    public String summary() {
        return broken.get(0).message();
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("rule", broken.get(0).rule().name());
        facts.put("rules", broken.stream().map(b -> b.rule().name()).toList());
        facts.put("messages", broken.stream().map(PathwayRules.Broken::message).toList());
        broken.stream().filter(b -> b.rule() == PathwayRules.Rule.NOT_ELIGIBLE_UNTIL).findFirst()
                .ifPresent(b -> facts.put("until", b.until() == null ? null : b.until().toString()));
        return facts;
    }
}

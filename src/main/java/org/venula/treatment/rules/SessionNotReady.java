package org.venula.treatment.rules;

import java.util.List;
import java.util.Map;

import org.venula.shared.Refusal;

/** A session that may not start today, with every reason (consent, screening clearance). */
public record SessionNotReady(List<Blocker> reasons) implements Refusal {

    public SessionNotReady {
        reasons = List.copyOf(reasons);
    }

    @Override
    public String code() {
        return "session-not-ready";
    }

    @Override
    public String title() {
        return "The session cannot start yet";
    }

    @Override
    public String summary() {
        return String.join(" ", reasons.stream().map(Blocker::message).toList());
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of("reasons", reasons);
    }
}

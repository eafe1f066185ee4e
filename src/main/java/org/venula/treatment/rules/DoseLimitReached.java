package org.venula.treatment.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.venula.shared.FieldProblem;
import org.venula.shared.Refusal;

/**
 * An injection that would pass a blocking dose or volume limit of the protocol, charted without an override reason:
 * the full dose check and the codes of the limits it passes. Nothing is charted.
 */
public record DoseLimitReached(DoseCheck.Result dose) implements Refusal {

    /** The distinct codes of the limits the injection passes. */
    public List<String> blocking() {
        return dose.messages().stream().filter(m -> m.level() == DoseCheck.Status.BLOCK)
                .map(DoseCheck.Message::code).distinct().toList();
    }

    @Override
    public String code() {
        return "dose-limit";
    }

    @Override
    public String title() {
        return "Dose limit reached";
    }

    @Override
    public String summary() {
        return String.join(" ", dose.messages().stream().filter(m -> m.level() == DoseCheck.Status.BLOCK)
                .map(DoseCheck.Message::text).toList())
                + " The injection was not charted; a clinician may override with a reason.";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("dose", dose);
        facts.put("errors", List.of(new FieldProblem("override.reason", "is required to chart past a "
                + "dose limit: " + String.join(", ", blocking()))));
        return facts;
    }
}

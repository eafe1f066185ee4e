package org.venula.planning.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.venula.protocol.ProtocolDocument.AgentChoice;
import org.venula.protocol.ProtocolDocument.PlanSettings;
import org.venula.protocol.Restriction;

/**
 * Picks the sclerosant intended for each vein type: the protocol's first choice that the patient's screening
 * restrictions allow (no avoided agent; no foam under NO_FOAM). Under LIMIT_FOAM foam stays possible, with a note.
 */
public final class AgentSelection {

    private AgentSelection() {
    }

    /** The intended agent for a vein type, or a note that none of the protocol's choices is allowed. */
    public record Intended(String veinType, String agent, java.math.BigDecimal concentrationPercent, String form,
            String note, String source) {
    }

    public static List<Intended> choose(PlanSettings plan, Collection<String> veinTypes,
            Collection<Restriction> restrictions) {
        List<Intended> out = new ArrayList<>();
        for (String veinType : veinTypes) {
            List<AgentChoice> choices = plan.agentByVeinType().getOrDefault(veinType, List.of());
            Intended chosen = null;
            for (AgentChoice c : choices) {
                boolean avoided = restrictions.contains(Restriction.avoiding(c.agent()));
                boolean foamBarred = "FOAM".equals(c.form()) && restrictions.contains(Restriction.NO_FOAM);
                if (!avoided && !foamBarred) {
                    String note = "FOAM".equals(c.form()) && restrictions.contains(Restriction.LIMIT_FOAM)
                            ? "Limit foam (migraine with aura): use the least volume, or liquid." : null;
                    chosen = new Intended(veinType, c.agent(), c.concentrationPercent(), c.form(), note, c.source());
                    break;
                }
            }
            out.add(chosen != null ? chosen : new Intended(veinType, null, null, null,
                    "None of the protocol's choices is allowed for this patient: decide with the clinician.", null));
        }
        return out;
    }
}

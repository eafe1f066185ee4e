package org.venula.treatment;

import java.util.List;

/** Immediate reactions during or after the session and what was done. */
public record Reactions(List<Reaction> reactions, String action) {

    public enum Reaction { NONE, FAINT, URTICARIA, ALLERGIC_REACTION, VISUAL_DISTURBANCE, CHEST_TIGHTNESS, OTHER }
}

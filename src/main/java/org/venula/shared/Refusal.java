package org.venula.shared;

import java.util.Map;

/**
 * A rule's refusal as a value: the rule set's stable code, a short title, one sentence a person can act on, and the
 * facts behind it (which rules, until when, which reasons). Rules return refusals; a facade that cannot go on raises
 * {@link RefusedException} with one; the web edge alone decides the status code and the problem+json shape.
 */
public interface Refusal {

    /** Stable code of the refusal, used as the problem type (for example {@code pathway-rule}). */
    String code();

    /** A short heading, the same for every refusal of this kind. */
    String title();

    /** What was refused and why, in words the user can act on. */
    String summary();

    /** The facts a caller needs to act (member names are part of the API contract). */
    Map<String, Object> facts();
}

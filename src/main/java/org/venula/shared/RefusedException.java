package org.venula.shared;

/**
 * Raised by a facade when a rule refuses what was asked; carries the {@link Refusal} value. Nothing was stored. The
 * web edge maps it to 422 problem+json with the refusal's code as the type and its facts as members; pages show the
 * summary.
 */
public class RefusedException extends RuntimeException {

    private final transient Refusal refusal;

    public RefusedException(Refusal refusal) {
        super(refusal.summary());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}

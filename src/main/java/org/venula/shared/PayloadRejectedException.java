package org.venula.shared;

/** An upload refused for what it is: too large (413) or not an accepted kind of file (415). Nothing is stored. */
public class PayloadRejectedException extends RuntimeException {

    public enum Reason { TOO_LARGE, UNSUPPORTED_TYPE }

    private final Reason reason;
    private final String field;

    public PayloadRejectedException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}

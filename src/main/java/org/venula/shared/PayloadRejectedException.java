package org.venula.shared;

/** An upload refused for what it is: too large (413) or not an accepted kind of file (415). Nothing is stored. */
public class PayloadRejectedException extends FieldAtFaultException {

    public enum Reason { TOO_LARGE, UNSUPPORTED_TYPE }

    private final Reason reason;

    public PayloadRejectedException(Reason reason, String field, String message) {
        super(field, message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package org.venula.shared;

/**
 * A request refused as a whole with, where one field is at fault, that field: the web edge names it in the problem's
 * {@code errors[]}.
 */
public abstract class FieldAtFaultException extends RuntimeException {

    private final String field;

    protected FieldAtFaultException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }
}

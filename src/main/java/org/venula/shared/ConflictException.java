package org.venula.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The request clashes with what is stored: a stale version, or a value that must be unique. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends FieldAtFaultException {

    private final String type;

    public ConflictException(String type, String field, String message) {
        super(field, message);
        this.type = type;
    }

    public static ConflictException staleVersion(String what) {
        return new ConflictException("stale-version", "version",
                what + " was changed by someone else since you loaded it. Reload it and apply your change again.");
    }

    /** The last segment of the problem type URI, for example {@code stale-version}. */
    public String type() {
        return type;
    }
}

package org.venula.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.InvalidFormatException;

/** A JSON value that was read but is refused by {@link org.venula.shared.InputLimits}; its reason names what is wrong. */
final class RefusedValueException extends InvalidFormatException {

    private final String reason;

    RefusedValueException(JsonParser parser, String reason, Object value, Class<?> type) {
        super(parser, reason, value, type);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}

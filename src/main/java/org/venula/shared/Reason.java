package org.venula.shared;

/** A request body that carries only a person's reason (for a cancellation, a void, a recall, a rejection). */
public record Reason(String reason) {

    /** The longest reason a record keeps. */
    public static final int MAX_LENGTH = 1000;

    /**
     * The reason a person gave for a change to a record, trimmed; refused (invalid input naming {@code reason}, with
     * {@code refusal} as its message) when it is missing, blank or longer than {@link #MAX_LENGTH}.
     */
    public static String required(String reason, String refusal) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_LENGTH) {
            throw new InvalidInputException("reason", refusal);
        }
        return reason.trim();
    }
}

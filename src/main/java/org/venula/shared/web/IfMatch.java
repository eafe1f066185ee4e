package org.venula.shared.web;

import org.venula.shared.InvalidInputException;

/**
 * The version a client says it loaded, sent as {@code If-Match} (the ETag of the read, {@code "2"}, {@code W/"2"} or
 * {@code 2}), so that a change made on top of a stale read answers 409 {@code stale-version} instead of silently
 * undoing someone else's. Optional: a request without it is not checked.
 */
public final class IfMatch {

    private IfMatch() {
    }

    /** The version in the header, or null when none was sent; 422 naming {@code If-Match} when it is not a number. */
    public static Integer version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null; // "*": whatever version is current
        }
        String v = header.trim().replace("W/", "").replace("\"", "");
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be the version you loaded, e.g. \"2\"");
        }
    }
}

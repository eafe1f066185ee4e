package org.venula.shared;

import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * What Venula accepts from a client before any capability looks at it: text without control characters (tab, line
 * feed and carriage return are ordinary whitespace), and dates within four-digit years, so that date arithmetic on any
 * accepted value stays representable and every database stores it as sent. A value outside is refused naming its
 * field, never stored in part and never a server error.
 */
public final class InputLimits {

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;
    public static final String DATE_RANGE = "must be between 0001-01-01 and 9999-12-31";
    public static final String CONTROL_CHARACTER = "must not contain control characters";
    public static final String DIRECTION_OVERRIDE =
            "must not contain characters that reverse or isolate the direction of text (they can disguise a name)";

    private InputLimits() {
    }

    /** The reason {@code text} is refused, or null when it is acceptable. */
    public static String textProblem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return CONTROL_CHARACTER;
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return DIRECTION_OVERRIDE;
            }
        }
        return null;
    }

    /** Reads an ISO date (2026-12-01) within the limits, or throws {@link IllegalArgumentException} saying why. */
    public static java.time.LocalDate date(String text) {
        java.time.LocalDate value;
        try {
            value = java.time.LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (YYYY-MM-DD)", e);
        }
        String problem = dateProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }

    /** The reason a date or date-time is refused, or null when it is acceptable. */
    public static String dateProblem(TemporalAccessor value) {
        if (value == null || !value.isSupported(ChronoField.YEAR)) {
            return null;
        }
        int year = value.get(ChronoField.YEAR);
        return year < MIN_YEAR || year > MAX_YEAR ? DATE_RANGE : null;
    }
}

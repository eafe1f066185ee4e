package org.venula.shared;

import java.util.List;

/** One field of a request that could not be accepted, with a message a person can act on. */
public record FieldProblem(String field, String message) {

    /** Adds the problem {@code field: message} to {@code problems} when the value is missing. */
    public static void required(List<FieldProblem> problems, String field, Object value, String message) {
        if (value == null) {
            problems.add(new FieldProblem(field, message));
        }
    }
}

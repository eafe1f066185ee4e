package org.venula.shared;

/** One field of a request that could not be accepted, with a message a person can act on. */
public record FieldProblem(String field, String message) {
}

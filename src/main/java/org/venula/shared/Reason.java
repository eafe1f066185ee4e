package org.venula.shared;

/** A request body that carries only a person's reason (for a cancellation, a void, a recall, a rejection). */
public record Reason(String reason) {
}

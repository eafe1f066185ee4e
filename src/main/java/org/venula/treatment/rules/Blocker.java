package org.venula.treatment.rules;

/** Why a session cannot start yet: a stable code and a sentence for the clinician. */
public record Blocker(String code, String message) {
}

package org.venula.screening;

import java.time.LocalDate;

import org.venula.patient.MedicalHistory;
import org.venula.screening.rules.Area;

/**
 * A history to screen without storing anything. {@code asOf} is the treatment date (default today in the clinic);
 * {@code area} defaults to LEGS; {@code protocol} names a preset (default: the clinic's active version).
 */
public record EvaluateRequest(LocalDate asOf, Area area, String protocol, MedicalHistory history) {
}

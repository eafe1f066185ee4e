package org.venula.screening;

import java.time.LocalDate;

import org.venula.screening.rules.Area;

/** Screen a patient's current history and keep the result. Defaults: today, LEGS. */
public record ScreenPatient(LocalDate asOf, Area area) {
}

package org.venula.screening.rules;

import java.time.LocalDate;
import java.util.List;

import org.venula.protocol.Restriction;

/** What screening concluded: the outcome, when treatment may go ahead, every finding and every restriction. */
public record ScreeningResult(Outcome outcome, LocalDate earliestTreatmentDate, List<Finding> findings,
        List<Restriction> restrictions) {
}

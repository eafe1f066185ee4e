package org.venula.screening.rules;

import java.time.LocalDate;

import org.venula.protocol.Level;
import org.venula.protocol.ScreeningRule;

/** One rule that applies, with its level, the first date it no longer holds (windowed rules), texts and source. */
public record Finding(ScreeningRule code, Level level, LocalDate until, String clinicianText, String patientText,
        String source) {
}

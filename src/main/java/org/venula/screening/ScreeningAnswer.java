package org.venula.screening;

import java.time.LocalDate;
import java.util.List;

import org.venula.protocol.ProtocolRef;
import org.venula.protocol.Restriction;
import org.venula.screening.rules.Finding;
import org.venula.screening.rules.Outcome;
import org.venula.screening.rules.ScreeningResult;

/** The answer of a stateless evaluation: the result and the protocol version it used. */
public record ScreeningAnswer(Outcome outcome, LocalDate earliestTreatmentDate, List<Finding> findings,
        List<Restriction> restrictions, ProtocolRef protocol) {

    static ScreeningAnswer of(ScreeningResult r, ProtocolRef protocol) {
        return new ScreeningAnswer(r.outcome(), r.earliestTreatmentDate(), r.findings(), r.restrictions(), protocol);
    }
}

package org.venula.screening;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.venula.protocol.ProtocolRef;
import org.venula.protocol.Restriction;
import org.venula.screening.rules.Area;
import org.venula.screening.rules.Finding;
import org.venula.screening.rules.Outcome;

/**
 * A screening as stored, with the history and protocol versions it read. {@code clearsForTreatment}: ELIGIBLE, or
 * CAUTION with a clinician's sign-off.
 */
public record StoredScreening(long id, long patientId, int historyVersion, LocalDate asOf, Area area,
        Outcome outcome, LocalDate earliestTreatmentDate, List<Finding> findings, List<Restriction> restrictions,
        ProtocolRef protocol, OffsetDateTime createdAt, String createdBy, SignOff signOff) {

    public record SignOff(OffsetDateTime at, String by, String note) {
    }

    public boolean clearsForTreatment() {
        return outcome == Outcome.ELIGIBLE || outcome == Outcome.CAUTION && signOff != null;
    }

    public boolean needsSignOff() {
        return outcome == Outcome.CAUTION && signOff == null;
    }
}

package org.venula.archfixture.sneaky;

import org.venula.patient.internal.PatientSearch;

/** Deliberately uses another capability's internal class: ArchitectureTest shows that the build catches it. */
public final class ReachesIntoPatientInternals {

    private ReachesIntoPatientInternals() {
    }

    public static long count(PatientSearch search) {
        return search.find(1, "", 0, 1).total();
    }
}

package org.venula.aftercare;

import java.util.List;

/** Symptoms a patient reports, and how many days ago they were treated. */
public record TriageRequest(Integer daysSinceTreatment, List<String> symptoms) {
}

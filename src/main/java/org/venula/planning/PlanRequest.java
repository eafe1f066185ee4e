package org.venula.planning;

import java.util.List;

/**
 * A plan to make from a consultation whose outcome is PROCEED. {@code sessions} defaults to the protocol's minimum,
 * {@code intervalDays} to its typical interval, {@code areaIds} to every mapped area.
 */
public record PlanRequest(Integer sessions, Integer intervalDays, List<Long> areaIds, String notes) {
}

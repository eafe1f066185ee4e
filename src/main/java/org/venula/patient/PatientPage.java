package org.venula.patient;

import java.util.List;

/**
 * One page of a patient search. The total is exact unless {@code totalCapped}: then at least {@code totalItems}
 * match (a search counts up to 500, and reads only so far into each name range), and {@code totalPages} counts
 * those pages and at least one more after this one.
 */
public record PatientPage(List<PatientRecord> items, int page, int size, long totalItems, int totalPages,
        boolean totalCapped) {
}

package org.venula.patient;

import java.util.List;

/**
 * One page of a patient search. The total is counted up to 500: {@code totalCapped} says that more match than
 * {@code totalItems}, and {@code totalPages} counts only the pages of those.
 */
public record PatientPage(List<PatientRecord> items, int page, int size, long totalItems, int totalPages,
        boolean totalCapped) {
}

package org.venula.patient;

import java.util.List;

/** One page of a patient search. */
public record PatientPage(List<PatientRecord> items, int page, int size, long totalItems, int totalPages) {
}

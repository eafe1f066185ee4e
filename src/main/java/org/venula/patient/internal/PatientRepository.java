package org.venula.patient.internal;

import org.springframework.data.repository.ListCrudRepository;

/** Writes of patient rows (with their optimistic version); reads go through {@link PatientRows}. */
public interface PatientRepository extends ListCrudRepository<Patient, Long> {
}

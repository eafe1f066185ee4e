package org.venula.patient.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface PatientRepository extends ListCrudRepository<Patient, Long> {

    Optional<Patient> findByIdAndClinicId(long id, long clinicId);

    boolean existsByClinicIdAndNhsNumber(long clinicId, String nhsNumber);
}

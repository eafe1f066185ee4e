package org.venula.clinic.internal;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface ClinicRepository extends ListCrudRepository<Clinic, Long> {

    @Query("SELECT * FROM clinic ORDER BY id LIMIT 1")
    Optional<Clinic> findFirst();
}

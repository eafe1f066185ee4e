package org.venula.clinic.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface PractitionerRepository extends ListCrudRepository<Practitioner, Long> {

    List<Practitioner> findByClinicIdOrderByDisplayName(long clinicId);

    Optional<Practitioner> findByUserId(long userId);
}

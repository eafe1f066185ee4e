package org.venula.clinic;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.clinic.internal.ClinicDetailsStore;
import org.venula.clinic.rules.ContactRules;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;

/**
 * The clinic's details that patients are given wherever they are told to contact the clinic (triage results,
 * aftercare pages and leaflets, reminders, the public information page), kept in versions like everything clinical.
 * Until an administrator saves them, they are version 0: the clinic's name and the configured emergency number and
 * regulator prompt ({@code VENULA_EMERGENCY_NUMBER}, {@code VENULA_REGULATOR_PROMPT}).
 */
@Service
public class ClinicDetails {

    private final ClinicDetailsStore store;
    private final Clinics clinics;
    private final Clock clock;
    private final String defaultEmergencyNumber;
    private final String defaultRegulatorPrompt;

    ClinicDetails(ClinicDetailsStore store, Clinics clinics, Clock clock,
            @Value("${venula.emergency-number:999}") String defaultEmergencyNumber,
            @Value("${venula.regulator-prompt:Report it to the MHRA through the Yellow Card scheme: "
                    + "https://yellowcard.mhra.gov.uk}") String defaultRegulatorPrompt) {
        this.store = store;
        this.clinics = clinics;
        this.clock = clock;
        this.defaultEmergencyNumber = defaultEmergencyNumber;
        this.defaultRegulatorPrompt = defaultRegulatorPrompt;
    }

    /** The clinic's current details (for anyone the clinic's pages serve, patients included). */
    public ClinicContact current(long clinicId) {
        return store.current(clinicId).orElseGet(() -> {
            ClinicInfo clinic = clinics.clinic(clinicId);
            return new ClinicContact(clinicId, 0, clinic.name(), null, null, null, null, defaultEmergencyNumber,
                    defaultRegulatorPrompt, false, null, null);
        });
    }

    /** The configured emergency number ({@code VENULA_EMERGENCY_NUMBER}, 999 unless set). */
    public String defaultEmergencyNumber() {
        return defaultEmergencyNumber;
    }

    /** Every saved version, newest first (administrators). */
    public List<ClinicContact> versions(VenulaPrincipal me) {
        requireAdmin(me);
        return store.versions(me.clinicId());
    }

    /** Saves a new version; {@code version} must be the current one (another administrator's save meanwhile: 409). */
    @Transactional
    public ClinicContact change(VenulaPrincipal me, ClinicDetailsChange change) {
        requireAdmin(me);
        List<FieldProblem> problems = ContactRules.check(change);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ClinicContact current = current(me.clinicId());
        if (change.version() != current.version()) {
            throw ConflictException.staleVersion("The clinic's details");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        ClinicContact next = new ClinicContact(me.clinicId(), current.version() + 1, change.name().trim(),
                trim(change.address()), trim(change.phone()), trim(change.email()), trim(change.website()),
                change.emergencyNumber().trim(), change.regulatorPrompt().trim(),
                Boolean.TRUE.equals(change.signNeedsPassword()), now, me.getUsername());
        try {
            store.insert(next);
        } catch (DuplicateKeyException e) {
            throw ConflictException.staleVersion("The clinic's details");
        }
        if (!next.name().equals(current.name())) {
            store.rename(me.clinicId(), next.name(), now, me.getUsername());
        }
        return next;
    }

    private static void requireAdmin(VenulaPrincipal me) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("Only administrators change the clinic's details");
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package org.venula.clinic;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.clinic.internal.AppUser;
import org.venula.clinic.internal.AppUserRepository;
import org.venula.clinic.internal.Clinic;
import org.venula.clinic.internal.ClinicRepository;
import org.venula.clinic.internal.Practitioner;
import org.venula.clinic.internal.PractitionerRepository;
import org.venula.clinic.internal.SignInLocks;
import org.venula.shared.ConflictException;
import org.venula.shared.NotFoundException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The clinic capability's facade: clinics, users and practitioners. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Clinics {

    private final ClinicRepository clinics;
    private final AppUserRepository users;
    private final PractitionerRepository practitioners;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final SignInLocks locks;

    /** Creates a clinic with its first administrator. Used at first start and by tests. */
    @Transactional
    public ClinicInfo createClinic(String name, ZoneId zone, boolean demo, String adminUsername, String adminPassword,
            String actor) {
        OffsetDateTime now = now();
        Clinic clinic = clinics.save(new Clinic(null, name, zone.getId(), demo, null, now, actor, now, actor));
        createUser(clinic.id(), new NewUser(adminUsername, adminPassword, "Clinic administrator", Role.ADMIN, null, null),
                actor);
        return toInfo(clinic);
    }

    public Optional<ClinicInfo> firstClinic() {
        return clinics.findFirst().map(Clinics::toInfo);
    }

    public boolean anyClinic() {
        return clinics.count() > 0;
    }

    /** A clinic by id, for public pages that name it; empty when there is none. */
    public Optional<ClinicInfo> clinicIfExists(long clinicId) {
        return clinics.findById(clinicId).map(Clinics::toInfo);
    }

    public ClinicInfo clinic(long clinicId) {
        return clinics.findById(clinicId).map(Clinics::toInfo).orElseThrow(() -> new NotFoundException("Clinic"));
    }

    /** Today's date where the clinic is. */
    public java.time.LocalDate today(long clinicId) {
        return java.time.LocalDate.now(clock.withZone(clinic(clinicId).zone()));
    }

    /** Creates a user in the clinic; a clinician also gets a practitioner profile. */
    @Transactional
    public UserView createUser(long clinicId, NewUser request, String actor) {
        String username = request.username().trim().toLowerCase(Locale.ROOT);
        if (users.existsByUsername(username)) {
            throw usernameTaken(username);
        }
        OffsetDateTime now = now();
        AppUser user;
        try {
            user = users.save(new AppUser(null, clinicId, username, passwordEncoder.encode(request.password()),
                    request.displayName().trim(), request.role(), true, false, null, null, now, actor, now, actor));
        } catch (DuplicateKeyException e) {
            throw usernameTaken(username);
        }
        Long practitionerId = null;
        if (request.role() == Role.CLINICIAN) {
            Practitioner p = practitioners.save(new Practitioner(null, clinicId, user.id(), user.displayName(),
                    blankToNull(request.profession()), blankToNull(request.registrationNumber()), null, now, actor,
                    now, actor));
            practitionerId = p.id();
        }
        return new UserView(user.id(), user.username(), user.displayName(), user.role(), user.enabled(), practitionerId,
                false, null, false);
    }

    public List<UserView> users(long clinicId) {
        Map<Long, Long> practitionerByUser = practitioners.findByClinicIdOrderByDisplayName(clinicId).stream()
                .collect(Collectors.toMap(Practitioner::userId, Practitioner::id));
        return users.findByClinicIdOrderByDisplayName(clinicId).stream()
                .map(u -> new UserView(u.id(), u.username(), u.displayName(), u.role(), u.enabled(),
                        practitionerByUser.get(u.id()), u.mustChangePassword(), lockedUntil(u.username()),
                        u.totpSecret() != null))
                .toList();
    }

    /** One user of the clinic; empty for anyone else's. */
    public Optional<UserView> user(long clinicId, long userId) {
        return users(clinicId).stream().filter(u -> u.id() == userId).findFirst();
    }

    public List<PractitionerView> practitioners(long clinicId) {
        return practitioners.findByClinicIdOrderByDisplayName(clinicId).stream().map(Clinics::toView).toList();
    }

    public Map<Long, PractitionerView> practitionersById(long clinicId) {
        return practitioners(clinicId).stream().collect(Collectors.toMap(PractitionerView::id, Function.identity()));
    }

    /** The practitioner profile of a user, if they are a clinician. */
    public Optional<PractitionerView> practitionerOfUser(long userId) {
        return practitioners.findByUserId(userId).map(Clinics::toView);
    }

    /**
     * The signed-in user as the practitioner who does what is asked (records a review, charts a session): refused
     * unless they see the clinical record and have a practitioner profile, the latter with {@code refusal}.
     */
    public PractitionerView practitionerDoing(VenulaPrincipal me, String refusal) {
        me.requireClinicalRecord();
        return practitionerOfUser(me.userId()).orElseThrow(() -> new AccessDeniedException(refusal));
    }

    /** A practitioner of the clinic. */
    public Optional<PractitionerView> practitioner(long clinicId, long practitionerId) {
        return practitioners.findById(practitionerId).filter(p -> p.clinicId() == clinicId).map(Clinics::toView);
    }

    private OffsetDateTime lockedUntil(String username) {
        return locks.lockedUntil(username, now()).orElse(null);
    }

    public long userCount() {
        return users.count();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static ConflictException usernameTaken(String username) {
        return new ConflictException("duplicate", "username", "The username '" + username + "' is already taken.");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static ClinicInfo toInfo(Clinic c) {
        return new ClinicInfo(c.id(), c.name(), ZoneId.of(c.timeZone()), c.demo());
    }

    private static PractitionerView toView(Practitioner p) {
        return new PractitionerView(p.id(), p.userId(), p.displayName(), p.profession(), p.registrationNumber());
    }
}

package org.venula.clinic;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.clinic.internal.AccountStore;
import org.venula.clinic.internal.RecentlyVerifiedCredentials;
import org.venula.clinic.internal.SecondFactors;
import org.venula.clinic.internal.SignInEvents;
import org.venula.clinic.internal.SignInEvents.Event;
import org.venula.clinic.internal.SignInLocks;
import org.venula.shared.ConflictException;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.Paging;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * What an administrator does to a colleague's account (deactivate, reactivate, unlock, reset the password) and what
 * every user does to their own (change the password). Each change is kept in the sign-in events; a deactivation or
 * a new password takes effect at once, for the pages and the API alike.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class StaffAccounts {

    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 200;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** A temporary password, shown once to the administrator; the user must change it at the next sign-in. */
    public record TemporaryPassword(long userId, String username, String temporaryPassword) {
    }

    /** One line of the clinic's sign-in events. */
    public record SecurityEvent(OffsetDateTime at, String username, String event, String remoteAddress,
            String actor) {
    }

    private final AccountStore store;
    private final SecondFactors secondFactors;
    private final PasswordEncoder encoder;
    private final SignInLocks locks;
    private final SignInEvents events;
    private final RecentlyVerifiedCredentials remembered;
    private final Clinics clinics;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Transactional
    public UserView deactivate(VenulaPrincipal me, long userId) {
        UserView user = colleague(me, userId);
        if (user.id() == me.userId()) {
            throw new InvalidInputException("userId", "you cannot deactivate your own account");
        }
        setEnabled(me, user, false);
        return view(me, userId);
    }

    @Transactional
    public UserView reactivate(VenulaPrincipal me, long userId) {
        setEnabled(me, colleague(me, userId), true);
        return view(me, userId);
    }

    @Transactional
    public UserView unlock(VenulaPrincipal me, long userId) {
        UserView user = colleague(me, userId);
        locks.clear(user.username());
        events.record(now(), user.username(), Event.UNLOCKED, null, me.getUsername());
        return view(me, userId);
    }

    /** Sets a random temporary password that must be changed at the next sign-in, and ends the user's sessions. */
    @Transactional
    public TemporaryPassword resetPassword(VenulaPrincipal me, long userId) {
        UserView user = colleague(me, userId);
        if (user.id() == me.userId()) {
            throw new InvalidInputException("userId", "change your own password with your current one instead");
        }
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        setPassword(user, password.toString(), true, me, Event.PASSWORD_RESET);
        locks.clear(user.username());
        return new TemporaryPassword(user.id(), user.username(), password.toString());
    }

    /** Whether this is the signed-in user's own password (re-authentication before signing a record). */
    public boolean isOwnPassword(VenulaPrincipal me, String password) {
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD) {
            return false;
        }
        return encoder.matches(password, store.passwordHash(me.userId()));
    }

    /** Changes the signed-in user's own password, given the current one. */
    @Transactional
    public void changeOwnPassword(VenulaPrincipal me, String currentPassword, String newPassword) {
        if (!isOwnPassword(me, currentPassword)) {
            throw new InvalidInputException("currentPassword", "is not your current password");
        }
        if (newPassword == null || newPassword.length() < MIN_PASSWORD || newPassword.length() > MAX_PASSWORD) {
            throw new InvalidInputException("newPassword",
                    "must be between " + MIN_PASSWORD + " and " + MAX_PASSWORD + " characters");
        }
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("newPassword", "must differ from the current password");
        }
        setPassword(view(me, me.userId()), newPassword, false, me, Event.PASSWORD_CHANGED);
    }

    /** A new password, which ends the user's sessions and remembered API credentials at once. */
    private void setPassword(UserView user, String password, boolean temporary, VenulaPrincipal by, Event event) {
        OffsetDateTime now = now();
        if (!store.setPassword(user.id(), store.version(user.id()), encoder.encode(password), temporary, now,
                by.getUsername())) {
            throw ConflictException.staleVersion("This account");
        }
        remembered.forget(user.username());
        events.record(now, user.username(), event, null, by.getUsername());
    }

    /** One page of the clinic's sign-in events (failures, locks, account changes), newest first (admins). */
    public Paging.Paged<SecurityEvent> recentEvents(VenulaPrincipal me, Paging paging) {
        requireAdmin(me);
        return paging.of(events.recent(me.clinicId(), paging.limit(), paging.offset()).stream()
                .map(e -> new SecurityEvent(e.at(), e.username(), e.event().name(), e.remoteAddress(), e.actor()))
                .toList());
    }

    private void setEnabled(VenulaPrincipal me, UserView user, boolean enabled) {
        OffsetDateTime now = now();
        if (!store.setEnabled(user.id(), store.version(user.id()), enabled, now, me.getUsername())) {
            throw ConflictException.staleVersion("This account");
        }
        remembered.forget(user.username());
        events.record(now, user.username(), enabled ? Event.REACTIVATED : Event.DEACTIVATED, null, me.getUsername());
    }

    /** Requires (or stops requiring) a second factor of every clinician and administrator of the clinic. */
    @Transactional
    public void requireSecondFactor(VenulaPrincipal me, boolean required) {
        requireAdmin(me);
        secondFactors.setRequired(me.clinicId(), required);
        remembered.forgetAll();
    }

    public boolean secondFactorRequired(VenulaPrincipal me) {
        return secondFactors.required(me.clinicId());
    }

    /** A user of the administrator's clinic (404 for anyone else's). */
    public UserView colleague(VenulaPrincipal me, long userId) {
        requireAdmin(me);
        return view(me, userId);
    }

    private UserView view(VenulaPrincipal me, long userId) {
        return clinics.user(me.clinicId(), userId).orElseThrow(() -> new NotFoundException("User " + userId));
    }

    private static void requireAdmin(VenulaPrincipal me) {
        if (!me.isAdmin()) {
            throw new AccessDeniedException("Only administrators manage accounts");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

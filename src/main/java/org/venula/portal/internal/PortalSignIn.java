package org.venula.portal.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.ClinicContact;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.Clinics;
import org.venula.patient.Patients;
import org.venula.scheduling.Reminders;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.TooManyRequestsException;

/**
 * Signs a patient in with a one-time code sent to their e-mail address. A request for a code is answered alike
 * whether or not the address is known; a code is six digits, kept only as a hash, lives
 * {@code venula.portal.code-valid-for} and allows {@code venula.portal.code-tries} tries, after which even the right
 * code is refused and a new one is needed. Requests are throttled per address and per client address.
 */
@Service
class PortalSignIn {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CODE = Pattern.compile("\\d{6}");
    private static final Duration WINDOW = Duration.ofMinutes(15);
    /** A day allows four windows' worth of codes for one address: guessing stays slow over days, not only minutes. */
    private static final int CODES_A_DAY_PER_WINDOW = 4;

    private final Clinics clinics;
    private final ClinicDetails details;
    private final Patients patients;
    private final Reminders outbox;
    private final AccessLog accessLog;
    private final PasswordEncoder encoder;
    private final PortalCodeStore store;
    private final RegistrationStore registrations;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final org.venula.patient.SelfRegistrations selfRegistrations;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Duration validFor;
    private final int tries;
    private final int codesPerAddress;
    private final int requestsPerClient;
    /** A hash to compare against when there is no code, so that an unknown address takes as long as a known one. */
    private final String decoy;

    PortalSignIn(Clinics clinics, ClinicDetails details, Patients patients, Reminders outbox, AccessLog accessLog,
            PasswordEncoder encoder, PortalCodeStore store, RegistrationStore registrations,
            org.venula.patient.SelfRegistrations selfRegistrations,
            org.springframework.transaction.support.TransactionTemplate tx, Clock clock,
            @Value("${venula.portal.code-valid-for:PT10M}") Duration validFor,
            @Value("${venula.portal.code-tries:5}") int tries,
            @Value("${venula.portal.codes-per-address:5}") int codesPerAddress,
            @Value("${venula.portal.requests-per-client:200}") int requestsPerClient) {
        this.clinics = clinics;
        this.details = details;
        this.patients = patients;
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.encoder = encoder;
        this.store = store;
        this.registrations = registrations;
        this.tx = tx;
        this.selfRegistrations = selfRegistrations;
        this.clock = clock;
        if (tries < 1 || tries > 5) {
            // the database holds every code to at most five tries (portal_code_attempts_range)
            throw new IllegalArgumentException("venula.portal.code-tries must be between 1 and 5, not " + tries);
        }
        this.validFor = validFor;
        this.tries = tries;
        this.codesPerAddress = codesPerAddress;
        this.requestsPerClient = requestsPerClient;
        this.decoy = encoder.encode("000000");
    }

    /** What a patient asks for and with: which clinic, which address, and from where. */
    record CodeRequest(Long clinicId, String email) {
    }

    record Verification(Long clinicId, String email, String code) {
    }

    /**
     * Sends a code when the address is one patient's of the clinic (and a note to call the clinic when it is
     * several patients'); does nothing visible otherwise. Refuses only what it would refuse for any address.
     */
    @Transactional
    public void sendCode(CodeRequest request, String remoteAddress) {
        List<FieldProblem> problems = new ArrayList<>();
        String email = email(request == null ? null : request.email(), problems);
        long clinicId = clinic(request == null ? null : request.clinicId(), problems);
        countSend(clinicId, email, remoteAddress);
        List<Long> found = patients.withEmail(clinicId, email);
        if (found.size() == 1) {
            issueCode(clinicId, found.get(0), email, null);
            return;
        }
        hashLikeACode();
        ClinicContact contact = details.current(clinicId);
        if (found.size() > 1) {
            outbox.sendNow(clinicId, found.get(0), email, "Signing in to " + contact.name(),
                    "Someone asked to sign in to " + contact.name() + " with this e-mail address. More than one "
                            + "patient's record uses it, so we cannot tell whose record to open. "
                            + contact.howToContact() + " We will set it up for you.\n\n" + contact.name() + "\n",
                    Reminders.MessageKind.PORTAL);
        }
    }

    /** Spends the time making a code takes, on a path that makes none: an answer's time tells nothing. */
    void hashLikeACode() {
        encoder.encode("000000");
    }

    /** Throttles, then counts, a request that sends a code (or might: a registration); refuses with 429. */
    void countSend(long clinicId, String email, String remoteAddress) {
        OffsetDateTime now = now();
        throttle(clinicId, email, remoteAddress, PortalCodeStore.Step.SEND, codesPerAddress, now);
        store.count(clinicId, email, remoteAddress, PortalCodeStore.Step.SEND, now);
    }

    /** Makes a new code for the patient (replacing any unused one) and puts it in the outbox, after a greeting. */
    void issueCode(long clinicId, long patientId, String email, String greeting) {
        issue(clinicId, patientId, null, email, greeting);
    }

    /** Makes a code that proves a registration's address; the record is made when the code is used. */
    void issueRegistrationCode(long clinicId, long registrationId, String email, String greeting) {
        issue(clinicId, null, registrationId, email, greeting);
    }

    private void issue(long clinicId, Long patientId, Long registrationId, String email, String greeting) {
        OffsetDateTime now = now();
        String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        store.insert(clinicId, patientId, registrationId, email, encoder.encode(code), now, now.plus(validFor));
        outbox.forgetSignInCodes(clinicId, email); // the codes it replaces
        ClinicContact contact = details.current(clinicId);
        outbox.sendNow(clinicId, patientId, email, "Your sign-in code for " + contact.name(),
                (greeting == null ? "" : greeting + "\n\n")
                        + "Your code to sign in to " + contact.name() + " is " + code + ".\n\n"
                        + "It works for " + validFor.toMinutes() + " minutes. If you did not ask for it, you can "
                        + "ignore this message: nobody can sign in without the code.\n\n" + contact.name() + "\n",
                Reminders.MessageKind.SIGN_IN_CODE);
    }

    /** Checks a clinic id and an address as the sign-in does, reporting problems with {@code problems} first. */
    long checkedClinic(Long clinicId, List<FieldProblem> problems) {
        return clinic(clinicId, problems);
    }

    static String checkedEmail(String raw, List<FieldProblem> problems) {
        return email(raw, problems);
    }

    /** The patient the code signs in, or empty: a wrong, used, expired or exhausted code, or an unknown address. */
    public Optional<PortalPatient> verify(Verification request, String remoteAddress) {
        List<FieldProblem> problems = new ArrayList<>();
        String email = email(request == null ? null : request.email(), problems);
        String code = request == null || request.code() == null ? null : request.code().replace(" ", "");
        if (code == null || code.isBlank()) {
            problems.add(new FieldProblem("code", "is required"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", "must be the six digits in the e-mail"));
        }
        long clinicId = clinic(request == null ? null : request.clinicId(), problems);
        OffsetDateTime now = now();
        throttle(clinicId, email, remoteAddress, PortalCodeStore.Step.VERIFY, 0, now);
        store.count(clinicId, email, remoteAddress, PortalCodeStore.Step.VERIFY, now);
        Optional<PortalCodeStore.Code> live = store.live(clinicId, email, now);
        if (live.isEmpty()) {
            encoder.matches(code, decoy);
            return Optional.empty();
        }
        PortalCodeStore.Code c = live.get();
        // the try is counted (and committed) before the code is compared, so that racing tries cannot exceed the limit
        if (!store.takeTry(c.id(), tries)) {
            encoder.matches(code, decoy);
            return Optional.empty();
        }
        if (!encoder.matches(code, c.hash()) || !store.use(c.id(), now)) {
            return Optional.empty();
        }
        outbox.forgetSignInCodes(clinicId, email);
        // the record and the registration's completion together, or neither
        long patientId = c.patientId() != null ? c.patientId()
                : tx.execute(status -> recordOf(clinicId, c.registrationId(), now));
        accessLog.recordByPortalPatient(clinicId, patientId, AccessAction.PORTAL_SIGN_IN, null);
        return Optional.of(new PortalPatient(clinicId, patientId, email));
    }

    /** The address of a registration is proven: its record is made now (once; the code was used only once). */
    private long recordOf(long clinicId, long registrationId, OffsetDateTime now) {
        RegistrationStore.Registration r = registrations.find(clinicId, registrationId).orElseThrow();
        long patientId = selfRegistrations.register(clinicId, new org.venula.patient.PatientDraft(r.givenName(),
                r.familyName(), r.dateOfBirth(), r.sex(), r.phone(), r.email(), null, null, null, null, null, null,
                null));
        if (!registrations.confirm(registrationId, patientId, now)) {
            throw new org.venula.shared.ConflictException("already-registered", null, "This registration was "
                    + "already completed.");
        }
        return patientId;
    }

    private void throttle(long clinicId, String email, String remoteAddress, PortalCodeStore.Step step,
            int perAddress, OffsetDateTime now) {
        OffsetDateTime since = now.minus(WINDOW);
        if (store.requestsFromClient(remoteAddress, step, since) >= requestsPerClient
                || perAddress > 0 && store.requestsForAddress(clinicId, email, step, since) >= perAddress
                || perAddress > 0 && store.requestsForAddress(clinicId, email, step, now.minusDays(1))
                        >= perAddress * CODES_A_DAY_PER_WINDOW) {
            throw new TooManyRequestsException("Too many sign-in requests in a short time. Wait a few minutes, "
                    + "then ask for a new code.", WINDOW);
        }
    }

    private long clinic(Long clinicId, List<FieldProblem> problems) {
        if (clinicId == null) {
            problems.add(new FieldProblem("clinicId", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        clinics.clinicIfExists(clinicId).orElseThrow(() -> new NotFoundException("Clinic " + clinicId));
        return clinicId;
    }

    private static String email(String raw, List<FieldProblem> problems) {
        String email = raw == null ? null : raw.trim().toLowerCase(Locale.ROOT);
        if (email == null || email.isEmpty()) {
            problems.add(new FieldProblem("email", "is required"));
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "must be an e-mail address, such as ann@example.com"));
        }
        return email;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

package org.venula.portal.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.clinic.ClinicContact;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.PatientDraft;
import org.venula.patient.Patients;
import org.venula.patient.SelfRegistrations;
import org.venula.patient.Sex;
import org.venula.scheduling.Reminders;
import org.venula.shared.ConflictException;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;
import org.venula.shared.web.PublicAddress;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * A new patient registers in the portal. The answer is the same whatever happens next, so that nobody learns from
 * it who is a patient: an address already on one record is sent a sign-in code; details matching a patient's names
 * and date of birth are held for staff to confirm (never a second record made for the same person); anything else
 * is sent a code, and becomes a new record, marked as made by the patient, when the code proves the address.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortalRegistrations {

    private final PortalSignIn signIn;
    private final Patients patients;
    private final SelfRegistrations selfRegistrations;
    private final RegistrationStore store;
    private final Reminders outbox;
    private final ClinicDetails details;
    private final PublicAddress publicAddress;
    private final Clock clock;

    /** What a patient gives to register. */
    record Register(Long clinicId, String givenName, String familyName, LocalDate dateOfBirth, Sex sex, String email,
            String phone) {
    }

    /** A held registration as staff see it, with the record it matched and that record's contact details. */
    record Held(RegistrationStore.Registration registration, long matchedPatientId, String matchedName,
            String matchedEmail, String matchedPhone) {
    }

    @Transactional
    public void register(Register r, String remoteAddress) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r == null) {
            throw new InvalidInputException("body", "is required");
        }
        long clinicId = signIn.checkedClinic(r.clinicId(), new ArrayList<>());
        String email = PortalSignIn.checkedEmail(r.email(), problems);
        PatientDraft draft = new PatientDraft(r.givenName(), r.familyName(), r.dateOfBirth(), r.sex(), r.phone(),
                r.email(), null, null, null, null, null, null, null);
        problems.addAll(selfRegistrations.problems(clinicId, draft).stream()
                .filter(p -> !p.field().equals("email")).toList());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Long> sameAddress = patients.withEmail(clinicId, email);
        if (!sameAddress.isEmpty()) {
            // already registered, or an address several patients share: the sign-in's own answer goes to it
            signIn.sendCode(new PortalSignIn.CodeRequest(clinicId, email), remoteAddress);
            return;
        }
        signIn.countSend(clinicId, email, remoteAddress);
        ClinicContact contact = details.current(clinicId);
        List<Long> matches = selfRegistrations.sameNameAndBirth(clinicId, r.givenName(), r.familyName(),
                r.dateOfBirth());
        Register normalised = new Register(clinicId, r.givenName(), r.familyName(), r.dateOfBirth(), r.sex(), email,
                r.phone());
        if (!matches.isEmpty()) {
            signIn.hashLikeACode(); // as long as the other answers take: the time tells nothing either
            store.insert(clinicId, normalised, RegistrationStore.Status.HELD, matches.get(0), null, now());
            outbox.sendNow(clinicId, null, email, "Your registration with " + contact.name(),
                    "Thank you for registering with " + contact.name() + ".\n\nBefore you can sign in, the clinic "
                            + "checks your details against its records, so that your information is kept in one "
                            + "place. We will e-mail you as soon as that is done.\n\n" + contact.name() + "\n",
                    Reminders.MessageKind.PORTAL);
            return;
        }
        // no record until the code proves the address (PortalSignIn makes it then)
        long registrationId = store.insert(clinicId, normalised, RegistrationStore.Status.PENDING, null, null, now());
        signIn.issueRegistrationCode(clinicId, registrationId, email, "Welcome to " + contact.name()
                + ". To finish registering, sign in with this code.");
    }

    /** The registrations waiting for staff, oldest first. */
    public List<Held> held(VenulaPrincipal me) {
        return store.held(me.clinicId(), 200).stream().map(r -> {
            SelfRegistrations.Matched m = selfRegistrations.matched(me.clinicId(), r.matchedPatientId());
            return new Held(r, r.matchedPatientId(), m.name(), m.email(), m.phone());
        }).toList();
    }

    /** Staff confirm the registration is the patient it matched: the address goes on that record. */
    @Transactional
    public RegistrationStore.Registration link(VenulaPrincipal me, long id) {
        RegistrationStore.Registration r = heldOne(me, id);
        selfRegistrations.addContact(me, r.matchedPatientId(), r.email(), r.phone());
        decide(me, r, RegistrationStore.Status.LINKED, r.matchedPatientId());
        return store.find(me.clinicId(), id).orElseThrow();
    }

    /** Staff say the registration is someone else: a new record is made for them. */
    @Transactional
    public RegistrationStore.Registration newRecord(VenulaPrincipal me, long id) {
        RegistrationStore.Registration r = heldOne(me, id);
        long patientId = selfRegistrations.register(me.clinicId(), new PatientDraft(r.givenName(), r.familyName(),
                r.dateOfBirth(), r.sex(), r.phone(), r.email(), null, null, null, null, null, null, null));
        decide(me, r, RegistrationStore.Status.CREATED, patientId);
        return store.find(me.clinicId(), id).orElseThrow();
    }

    private void decide(VenulaPrincipal me, RegistrationStore.Registration r, RegistrationStore.Status status,
            long patientId) {
        if (!store.decide(r.id(), r.version(), status, patientId, now(), me.getUsername())) {
            throw new ConflictException("already-decided", null, "Someone has just dealt with this registration.");
        }
        ClinicContact contact = details.current(me.clinicId());
        outbox.sendNow(me.clinicId(), patientId, r.email(), "You can now sign in to " + contact.name(),
                "Thank you for waiting. Your details are confirmed, and you can now sign in with this e-mail "
                        + "address:\n\n" + publicAddress.base() + "/portal/sign-in?clinic=" + me.clinicId()
                        + "\n\n" + contact.name() + "\n",
                Reminders.MessageKind.PORTAL);
    }

    private RegistrationStore.Registration heldOne(VenulaPrincipal me, long id) {
        RegistrationStore.Registration r = store.find(me.clinicId(), id)
                .orElseThrow(() -> new NotFoundException("Registration " + id));
        if (r.status() != RegistrationStore.Status.HELD) {
            throw new ConflictException("already-decided", null, "This registration was already dealt with ("
                    + r.status().name().toLowerCase(java.util.Locale.ROOT) + " by " + r.decidedBy() + ").");
        }
        return r;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}

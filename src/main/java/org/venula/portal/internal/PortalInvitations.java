package org.venula.portal.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.accesslog.AccessAction;
import org.venula.accesslog.AccessLog;
import org.venula.clinic.ClinicContact;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.PatientRecord;
import org.venula.patient.Patients;
import org.venula.scheduling.Reminders;
import org.venula.shared.InvalidInputException;
import org.venula.shared.web.PublicAddress;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Staff invite a patient to the portal: an e-mail to the address on the record with the way to sign in. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortalInvitations {

    private final Patients patients;
    private final Reminders outbox;
    private final ClinicDetails details;
    private final PublicAddress publicAddress;
    private final AccessLog accessLog;

    /** The address the invitation went to. */
    record Invitation(long patientId, String email) {
    }

    @Transactional
    public Invitation invite(VenulaPrincipal me, long patientId) {
        PatientRecord p = patients.get(me, patientId);
        if (p.email() == null || p.email().isBlank()) {
            throw new InvalidInputException("email", "the patient has no e-mail address on their record: add one "
                    + "(Edit details) first");
        }
        ClinicContact contact = details.current(me.clinicId());
        outbox.sendNow(me.clinicId(), patientId, p.email(), "Your patient portal at " + contact.name(),
                "Dear " + p.givenName() + ",\n\n" + contact.name() + " invites you to its patient portal. There you "
                        + "can fill in your health questionnaire before your consultation, read about your "
                        + "treatment and check whether it might suit you.\n\nSign in with this e-mail address; we "
                        + "will send you a code, so there is no password to remember:\n\n" + publicAddress.base()
                        + "/portal/sign-in?clinic=" + me.clinicId() + "\n\n" + contact.name() + "\n",
                Reminders.MessageKind.PORTAL);
        accessLog.record(me.clinicId(), patientId, AccessAction.PORTAL_INVITATION, "to " + p.email());
        return new Invitation(patientId, p.email());
    }
}

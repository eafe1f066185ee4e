package org.venula.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.venula.clinic.ClinicContact;
import org.venula.clinic.ClinicDetails;
import org.venula.clinic.ClinicInfo;
import org.venula.patient.PatientRecord;
import org.venula.protocol.ProtocolDocument;
import org.venula.scheduling.internal.ReminderStore;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.shared.web.PublicAddress;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Appointment reminders as a transactional outbox: a reminder row is written in the same transaction as the booking
 * and later sent by {@code ReminderSender}. Cancelling the appointment cancels its pending reminder.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Reminders {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final ReminderStore store;
    private final Clock clock;
    private final PublicAddress publicAddress;
    private final ClinicDetails details;

    /**
     * One message as the outbox page and API show it: an appointment's reminder ({@code kind} APPOINTMENT), or a
     * portal message (SIGN_IN_CODE, PORTAL) that names no appointment (nor a patient, when it answers a registration
     * still to be matched to a record).
     */
    public record Reminder(long id, String kind, Long appointmentId, Long patientId, String recipient, String subject, String body,
            OffsetDateTime dueAt, String status, int attempts, OffsetDateTime nextAttemptAt, String lastError,
            OffsetDateTime sentAt) {
    }

    void schedule(ClinicInfo clinic, PatientRecord patient, Appointment a, ProtocolDocument protocol) {
        if (patient.email() == null || patient.email().isBlank()) {
            return;
        }
        ZoneId zone = clinic.zone();
        ZonedDateTime start = ZonedDateTime.of(a.start(), zone);
        Instant due = start.minusHours(protocol.booking().reminderHours().value()).toInstant();
        Instant now = clock.instant();
        if (!start.toInstant().isAfter(now)) {
            return; // reminders are only ever for what is still to come
        }
        if (due.isBefore(now)) {
            due = now;
        }
        ClinicContact contact = details.current(clinic.id());
        String what = a.type() == Type.TREATMENT ? "treatment" : a.type() == Type.REVIEW ? "review" : "consultation";
        StringBuilder body = new StringBuilder();
        body.append("Dear ").append(patient.givenName()).append(",\n\n")
                .append("This is a reminder of your ").append(what).append(" at ").append(contact.name())
                .append(" on ").append(start.format(WHEN)).append(" with ").append(a.practitionerName()).append(".\n");
        if (a.type() == Type.TREATMENT && protocol.booking().treatmentPreparation() != null) {
            body.append("\nTo prepare for your treatment:\n");
            protocol.booking().treatmentPreparation().forEach(t -> body.append("- ").append(t.text()).append('\n'));
        }
        if (contact.address() != null) {
            body.append("\nWhere: ").append(contact.address().replaceAll("\\s*\\R\\s*", ", ")).append('\n');
        }
        body.append("\nAbout your treatment: ").append(publicAddress.base()).append("/clinics/").append(clinic.id())
                .append("/information\n");
        body.append("\nIf you cannot come, please let us know as soon as you can so that we can offer the time to "
                + "someone else");
        if (contact.phone() != null) {
            body.append(": call us on ").append(contact.phone());
        } else if (contact.email() != null) {
            body.append(": e-mail ").append(contact.email());
        }
        body.append(".\n\n").append(contact.name()).append('\n');
        store.insert(new ReminderStore.NewReminder(clinic.id(), a.id(), patient.id(), patient.email(),
                "Your " + what + " on " + start.format(WHEN), body.toString(), ics(contact, a, start),
                due.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC)));
    }

    /** What a portal message is: its outbox kind. */
    public enum MessageKind { SIGN_IN_CODE, PORTAL }

    /**
     * Puts a message to a patient in the outbox, to go at once (with the reminders, on the sender's next round; kept
     * on the outbox page when no mail server is set). Joins the caller's transaction.
     */
    public void sendNow(long clinicId, Long patientId, String recipient, String subject, String body,
            MessageKind kind) {
        store.insertMessage(clinicId, patientId, recipient, subject, body, kind.name(),
                clock.instant().atOffset(ZoneOffset.UTC));
    }

    /**
     * Blanks the sign-in codes' messages to this address, once a code is used or replaced: a code stays readable in
     * the outbox (where it waits when no mail server is set) only while it can still sign someone in.
     */
    public void forgetSignInCodes(long clinicId, String recipient) {
        store.forgetCodes(clinicId, recipient);
    }

    void cancel(long appointmentId) {
        store.cancel(appointmentId);
    }

    public List<Reminder> recent(long clinicId, int limit) {
        return store.recent(clinicId, limit);
    }

    static String ics(ClinicContact clinic, Appointment a, ZonedDateTime start) {
        VEvent event = new VEvent(start, Duration.between(a.start(), a.end()),
                "Vein clinic " + a.type().name().toLowerCase() + " with " + a.practitionerName());
        event.add(new Uid("venula-appointment-" + a.id() + "@venula"));
        event.add(new Location(clinic.address() == null ? clinic.name()
                : clinic.name() + ", " + clinic.address().replaceAll("\\s*\\R\\s*", ", ")));
        Calendar calendar = org.venula.shared.web.ICalendars.newCalendar("Appointment reminder");
        calendar.add(event);
        return org.venula.shared.web.ICalendars.text(calendar);
    }
}

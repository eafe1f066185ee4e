package org.venula.scheduling;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.clinic.ClinicInfo;
import org.venula.clinic.Clinics;
import org.venula.clinic.PractitionerView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.scheduling.internal.AppointmentStore;
import org.venula.scheduling.internal.CalendarFeedStore;
import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.shared.NotFoundException;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Uid;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * A practitioner's private iCalendar feed. The URL's random token is the only secret, so a new token revokes the
 * old one. Events carry the appointment type and the patient's initials only, never the full name.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CalendarFeeds {

    private final CalendarFeedStore tokens;
    private final Clinics clinics;
    private final AppointmentStore store;
    private final Clock clock;
    private final org.venula.accesslog.AccessLog accessLog;

    /** Issues a new feed token for the practitioner, revoking any earlier one. Admins or the practitioner. */
    @Transactional
    public String issue(VenulaPrincipal me, long practitionerId) {
        PractitionerView p = own(me, practitionerId);
        revoke(me, p.id());
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.insert(token, me.clinicId(), p.id(), clock.instant().atOffset(ZoneOffset.UTC), me.getUsername());
        return token;
    }

    @Transactional
    public void revoke(VenulaPrincipal me, long practitionerId) {
        PractitionerView p = own(me, practitionerId);
        tokens.revoke(p.id(), clock.instant().atOffset(ZoneOffset.UTC));
    }

    /** The feed for a live token: appointments from 30 days back to a year ahead; each patient in it is logged. */
    @Transactional
    public Optional<String> feed(String token) {
        return tokens.live(token).map(f -> render(f.clinicId(), f.practitionerId()));
    }

    private String render(long clinicId, long practitionerId) {
        ClinicInfo clinic = clinics.clinic(clinicId);
        ZoneId zone = clinic.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Calendar calendar = org.venula.shared.web.ICalendars.newCalendar("Practitioner calendar");
        java.util.List<Long> shown = new java.util.ArrayList<>();
        for (Appointment a : store.forPractitioner(clinicId, practitionerId,
                today.minusDays(30).atStartOfDay(zone).toInstant(), today.plusYears(1).atStartOfDay(zone).toInstant(),
                zone)) {
            if (a.status() == Status.CANCELLED) {
                continue;
            }
            shown.add(a.patientId());
            VEvent e = new VEvent(ZonedDateTime.of(a.start(), zone), Duration.between(a.start(), a.end()),
                    a.type().name().charAt(0) + a.type().name().substring(1).toLowerCase() + " · " + initials(a.patientName()));
            e.add(new Uid("venula-appointment-" + a.id() + "@venula"));
            calendar.add(e);
        }
        accessLog.recordShownTo("calendar feed", clinicId, shown,
                org.venula.accesslog.AccessAction.EXPORT_PATIENTS, "calendar feed of practitioner " + practitionerId
                        + " (initials and times)");
        return org.venula.shared.web.ICalendars.text(calendar);
    }

    private PractitionerView own(VenulaPrincipal me, long practitionerId) {
        PractitionerView p = clinics.practitioner(me.clinicId(), practitionerId)
                .orElseThrow(() -> new NotFoundException("Practitioner " + practitionerId));
        if (!me.isAdmin() && p.userId() != me.userId()) {
            throw new AccessDeniedException("Only administrators or the practitioner manage this feed");
        }
        return p;
    }

    private static String initials(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append('.');
            }
        }
        return sb.toString();
    }
}

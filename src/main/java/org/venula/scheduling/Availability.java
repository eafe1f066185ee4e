package org.venula.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.venula.clinic.Clinics;
import org.venula.clinic.PractitionerView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.protocol.ProtocolDocument;
import org.venula.protocol.Protocols;
import org.venula.scheduling.internal.AppointmentStore;
import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.scheduling.rules.PathwayRules.Window;
import org.venula.scheduling.rules.SlotFinder;
import org.venula.shared.FieldProblem;
import org.venula.shared.InvalidInputException;
import org.venula.shared.NotFoundException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * When practitioners can be booked: their weekly working hours and absences, and the free slots these leave
 * ({@link SlotFinder}). Times in and out are local date-times in the clinic's time zone.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Availability {

    static final List<Window> DEFAULT_DAY = List.of(new Window(LocalTime.of(9, 0), LocalTime.of(17, 0)));
    private static final int MAX_SLOT_DAYS = 31;

    private final AppointmentStore store;
    private final Clinics clinics;
    private final Protocols protocols;
    private final Clock clock;

    /** Free start times on the protocol's slot grid where the type's length fits inside working hours. */
    public List<LocalDateTime> slots(VenulaPrincipal me, long practitionerId, Type type, LocalDate from, LocalDate to) {
        return slots(me.clinicId(), practitionerId, type, from, to);
    }

    /** As {@link #slots(VenulaPrincipal, long, Type, LocalDate, LocalDate)}, within a clinic known already. */
    List<LocalDateTime> slots(long clinicId, long practitionerId, Type type, LocalDate from, LocalDate to) {
        PractitionerView practitioner = clinics.practitioner(clinicId, practitionerId)
                .orElseThrow(() -> new NotFoundException("Practitioner " + practitionerId));
        return slotsOf(clinicId, List.of(practitioner.id()), type, from, to).getOrDefault(practitioner.id(), List.of());
    }

    /** As {@link #slots(VenulaPrincipal, long, Type, LocalDate, LocalDate)}, for several of the clinic's practitioners. */
    public Map<Long, List<LocalDateTime>> slotsOf(VenulaPrincipal me, List<PractitionerView> practitioners, Type type,
            LocalDate from, LocalDate to) {
        return slotsOf(me.clinicId(), practitioners.stream().map(PractitionerView::id).toList(), type, from, to);
    }

    /**
     * The free start times of each of the clinic's practitioners named, read in three statements however many there
     * are (the portal asks across the whole clinic): their hours, their appointments and their absences.
     */
    Map<Long, List<LocalDateTime>> slotsOf(long clinicId, List<Long> practitionerIds, Type type, LocalDate from,
            LocalDate to) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldProblem.required(problems, "type", type, "is required");
        if (from == null || to == null || to.isBefore(from)) {
            problems.add(new FieldProblem("to", "must be on or after from"));
        } else if (from.plusDays(MAX_SLOT_DAYS).isBefore(to)) {
            problems.add(new FieldProblem("to", "must be within " + MAX_SLOT_DAYS + " days of from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ZoneId zone = clinics.clinic(clinicId).zone();
        ProtocolDocument protocol = protocols.active(clinicId).document();
        int length = minutes(protocol, type);
        int step = protocol.booking().slotMinutes().value();
        Instant rangeStart = from.atStartOfDay(zone).toInstant();
        Instant rangeEnd = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<Long, List<Object[]>> hours = store.hours(practitionerIds);
        Map<Long, List<Instant[]>> busy = store.busy(clinicId, practitionerIds, rangeStart, rangeEnd);
        Map<Long, List<LocalDateTime>> out = new LinkedHashMap<>();
        for (long id : practitionerIds) {
            List<SlotFinder.Range> taken = busy.getOrDefault(id, List.of()).stream()
                    .map(b -> new SlotFinder.Range(b[0], b[1])).toList();
            out.put(id, SlotFinder.free(new SlotFinder.Search(week(hours.getOrDefault(id, List.of())), List.of(),
                    taken, length, step, from, to, zone, clock.instant())));
        }
        return out;
    }

    /** A practitioner's working hours by ISO weekday; Monday to Friday 09:00–17:00 until set. */
    public Map<Integer, List<Window>> hours(long practitionerId) {
        return week(store.hours(practitionerId));
    }

    /** Stored hours rows (weekday, start, end) as a week; Monday to Friday 09:00–17:00 when there are none. */
    private static Map<Integer, List<Window>> week(List<Object[]> rows) {
        Map<Integer, List<Window>> out = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.getValue() <= 5) {
                    out.put(d.getValue(), DEFAULT_DAY);
                }
            }
            return out;
        }
        for (Object[] r : rows) {
            out.put((Integer) r[0], List.of(new Window((LocalTime) r[1], (LocalTime) r[2])));
        }
        return out;
    }

    /** Replaces a practitioner's weekly hours (admins, or the practitioner themselves). */
    @Transactional
    public Map<Integer, List<Window>> setHours(VenulaPrincipal me, long practitionerId, Map<Integer, Window> week) {
        PractitionerView p = clinics.practitioner(me.clinicId(), practitionerId)
                .orElseThrow(() -> new NotFoundException("Practitioner " + practitionerId));
        if (!me.isAdmin() && p.userId() != me.userId()) {
            throw new AccessDeniedException("Only administrators or the practitioner change working hours");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        week.forEach((day, w) -> {
            if (day == null || day < 1 || day > 7) {
                problems.add(new FieldProblem("weekday", "must be 1 (Monday) to 7 (Sunday)"));
            } else if (w == null || w.start() == null || w.end() == null || !w.end().isAfter(w.start())) {
                problems.add(new FieldProblem("hours[" + day + "]", "needs a start before its end"));
            } else {
                rows.add(new Object[] {day, w});
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.lockPractitioner(practitionerId); // two saves of one practitioner's week run one after the other
        store.replaceHours(practitionerId, rows);
        return hours(practitionerId);
    }

    @Transactional
    public void addAbsence(VenulaPrincipal me, long practitionerId, LocalDateTime start, LocalDateTime end,
            String reason) {
        PractitionerView p = clinics.practitioner(me.clinicId(), practitionerId)
                .orElseThrow(() -> new NotFoundException("Practitioner " + practitionerId));
        if (!me.isAdmin() && p.userId() != me.userId()) {
            throw new AccessDeniedException("Only administrators or the practitioner record absences");
        }
        if (start == null || end == null || !end.isAfter(start)) {
            throw new InvalidInputException("end", "must be after start");
        }
        if (reason != null && (reason.length() > 200 || org.venula.shared.InputLimits.textProblem(reason) != null)) {
            throw new InvalidInputException("reason", reason.length() > 200 ? "must be at most 200 characters"
                    : org.venula.shared.InputLimits.textProblem(reason));
        }
        ZoneId zone = zone(me);
        store.addAbsence(practitionerId, ZonedDateTime.of(start, zone).toInstant(),
                ZonedDateTime.of(end, zone).toInstant(), reason, clock.instant(), me.getUsername());
    }

    /** An absence of a practitioner, in the clinic's local time. */
    public record Absence(LocalDateTime start, LocalDateTime end, String reason) {
    }

    /** A practitioner's absences that overlap the period (their working-hours page). */
    public List<Absence> absences(VenulaPrincipal me, long practitionerId, LocalDate from, LocalDate to) {
        clinics.practitioner(me.clinicId(), practitionerId)
                .orElseThrow(() -> new NotFoundException("Practitioner " + practitionerId));
        ZoneId zone = zone(me);
        return store.absenceRows(practitionerId, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant()).stream()
                .map(r -> new Absence(((Instant) r[0]).atZone(zone).toLocalDateTime(),
                        ((Instant) r[1]).atZone(zone).toLocalDateTime(), (String) r[2])).toList();
    }

    /** How long an appointment of this type lasts under the clinic's protocol, in minutes. */
    public int length(VenulaPrincipal me, Type type) {
        return minutes(protocols.active(me.clinicId()).document(), type);
    }

    static int minutes(ProtocolDocument protocol, Type type) {
        return switch (type) {
            case CONSULTATION -> protocol.booking().consultationMinutes().value();
            case TREATMENT -> protocol.booking().treatmentMinutes().value();
            case REVIEW -> protocol.booking().reviewMinutes().value();
        };
    }

    private ZoneId zone(VenulaPrincipal me) {
        return clinics.clinic(me.clinicId()).zone();
    }
}

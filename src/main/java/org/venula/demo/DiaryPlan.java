package org.venula.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.venula.scheduling.rules.PathwayRules;
import org.venula.scheduling.rules.PathwayRules.Clearance;
import org.venula.scheduling.rules.PathwayRules.Existing;
import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.scheduling.rules.PathwayRules.Window;

/**
 * Plans a demo clinic's diary for the coming days, without booking it: the review of each finished course 28-42 days
 * after its last session, a consultation for each patient who asks for one, and for those whose clearance allows it
 * a treatment one to two weeks after the consultation, checked with the same pathway rules the booking will apply.
 * Every time lies on the slot grid inside the practitioner's working hours (not on Christmas Day, Boxing Day or New
 * Year's Day), no practitioner is booked twice at once,
 * no patient twice on one day, and no practitioner's day is filled past about half, so the calendar keeps gaps. The
 * plan is seeded: the same facts and seed give the same diary.
 */
final class DiaryPlan {

    /** No practitioner's day is booked past this share of its working minutes. */
    static final double DAY_FILL = 0.55;

    /** A practitioner with their weekly hours by ISO weekday. */
    record Practitioner(long id, Map<Integer, List<Window>> hours) {
    }

    /** The protocol's numbers the plan needs. */
    record Protocol(int consultationMinutes, int treatmentMinutes, int reviewMinutes, int slotMinutes,
            int reviewFromDays, int reviewToDays, PathwayRules.Settings settings) {

        int minutes(Type type) {
            return switch (type) {
                case CONSULTATION -> consultationMinutes;
                case TREATMENT -> treatmentMinutes;
                case REVIEW -> reviewMinutes;
            };
        }
    }

    /** A patient whose course ended with {@code lastSession} and who has not been reviewed. */
    record ReviewDue(long patientId, long practitionerId, LocalDate lastSession) {
    }

    /**
     * A patient to consult: with their own practitioner, or any when {@code practitionerId} is null; then treated
     * when {@code clearance} (their latest screening) lets the pathway rules pass on the day.
     */
    record ConsultationWanted(long patientId, Long practitionerId, Clearance clearance) {
    }

    record Booking(long patientId, long practitionerId, Type type, LocalDateTime start, LocalDateTime end) {
    }

    private final LocalDate first;
    private final LocalDate last;
    private final List<Practitioner> practitioners;
    private final Protocol protocol;
    private final Random random;
    private final List<Booking> planned = new ArrayList<>();
    private final Map<Long, Set<LocalDate>> patientDays = new HashMap<>();

    private DiaryPlan(LocalDate today, int days, List<Practitioner> practitioners, Protocol protocol, long seed) {
        this.first = today.plusDays(1);
        this.last = today.plusDays(days);
        this.practitioners = List.copyOf(practitioners);
        this.protocol = protocol;
        this.random = new Random(seed);
    }

    /** The diary from the day after {@code today} to {@code days} days after it, sorted by start. */
    static List<Booking> plan(LocalDate today, int days, List<Practitioner> practitioners, Protocol protocol,
            List<ReviewDue> reviews, List<ConsultationWanted> consultations, long seed) {
        DiaryPlan p = new DiaryPlan(today, days, practitioners, protocol, seed);
        for (ReviewDue r : reviews) {
            p.place(r.patientId(), r.practitionerId(), Type.REVIEW,
                    max(p.first, r.lastSession().plusDays(protocol.reviewFromDays())),
                    min(p.last, r.lastSession().plusDays(protocol.reviewToDays())), null);
        }
        int next = 0;
        for (ConsultationWanted c : consultations) {
            long practitioner = c.practitionerId() != null ? c.practitionerId()
                    : practitioners.get(next++ % practitioners.size()).id();
            // Consult early enough that a treatment one to two weeks later still falls inside the diary.
            Booking consulted = p.place(c.patientId(), practitioner, Type.CONSULTATION, p.first, p.last.minusDays(8),
                    null);
            if (consulted == null || c.clearance() == null) {
                continue;
            }
            LocalDate on = consulted.start().toLocalDate();
            p.place(c.patientId(), practitioner, Type.TREATMENT, on.plusDays(7), min(p.last, on.plusDays(14)),
                    start -> PathwayRules.check(Type.TREATMENT, start, true, p.existing(c.patientId()), c.clearance(),
                            protocol.settings()).isEmpty());
        }
        List<Booking> out = new ArrayList<>(p.planned);
        out.sort(Comparator.comparing(Booking::start).thenComparing(Booking::practitionerId));
        return out;
    }

    private interface Allowed {
        boolean at(LocalDateTime start);
    }

    /** Books the type on a random free slot of a random day in [from, to], or returns null when none fits. */
    private Booking place(long patientId, long practitionerId, Type type, LocalDate from, LocalDate to,
            Allowed allowed) {
        Practitioner practitioner = practitioners.stream().filter(x -> x.id() == practitionerId).findFirst()
                .orElse(null);
        if (practitioner == null || to.isBefore(from)) {
            return null;
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
        Collections.shuffle(days, random);
        int length = protocol.minutes(type);
        for (LocalDate day : days) {
            List<Window> windows = practitioner.hours().getOrDefault(day.getDayOfWeek().getValue(), List.of());
            if (windows.isEmpty() || closed(day) || patientDays.getOrDefault(patientId, Set.of()).contains(day)
                    || booked(practitionerId, day) + length > DAY_FILL * working(windows)) {
                continue;
            }
            List<LocalDateTime> free = new ArrayList<>();
            for (Window w : windows) {
                for (LocalTime t = w.start(); !t.plusMinutes(length).isAfter(w.end()) && t.plusMinutes(length)
                        .isAfter(t); t = t.plusMinutes(protocol.slotMinutes())) {
                    LocalDateTime start = day.atTime(t);
                    if (isFree(practitionerId, start, start.plusMinutes(length))
                            && (allowed == null || allowed.at(start))) {
                        free.add(start);
                    }
                }
            }
            if (!free.isEmpty()) {
                LocalDateTime start = free.get(random.nextInt(free.size()));
                Booking b = new Booking(patientId, practitionerId, type, start, start.plusMinutes(length));
                planned.add(b);
                patientDays.computeIfAbsent(patientId, k -> new HashSet<>()).add(day);
                return b;
            }
        }
        return null;
    }

    /** The demo clinic is shut on Christmas Day, Boxing Day and New Year's Day, whatever the hours say. */
    static boolean closed(LocalDate day) {
        return day.getMonthValue() == 12 && (day.getDayOfMonth() == 25 || day.getDayOfMonth() == 26)
                || day.getMonthValue() == 1 && day.getDayOfMonth() == 1;
    }

    private boolean isFree(long practitionerId, LocalDateTime start, LocalDateTime end) {
        return planned.stream().noneMatch(b -> b.practitionerId() == practitionerId && b.start().isBefore(end)
                && start.isBefore(b.end()));
    }

    private long booked(long practitionerId, LocalDate day) {
        return planned.stream().filter(b -> b.practitionerId() == practitionerId
                && b.start().toLocalDate().equals(day)).mapToLong(b -> ChronoUnit.MINUTES.between(b.start(), b.end()))
                .sum();
    }

    private static long working(List<Window> windows) {
        return windows.stream().mapToLong(w -> ChronoUnit.MINUTES.between(w.start(), w.end())).sum();
    }

    private List<Existing> existing(long patientId) {
        List<Existing> out = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Booking b = planned.get(i);
            if (b.patientId() == patientId) {
                out.add(new Existing(-1 - i, b.type(), b.start(), Status.BOOKED));
            }
        }
        return out;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

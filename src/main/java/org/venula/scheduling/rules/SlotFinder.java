package org.venula.scheduling.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.venula.scheduling.rules.PathwayRules.Window;

/**
 * Free start times: every step of the protocol's slot grid (seed 004's booking slot, counted from the start of each
 * working window) where an appointment of the given length fits inside the window, clear of every absence and
 * booked appointment, and still to come. A local time the clocks skip is no slot; booked times and absences are
 * compared as instants, so the hour the clocks go back is counted once.
 */
public final class SlotFinder {

    private SlotFinder() {
    }

    /** A taken period: a booked (not cancelled) appointment or an absence. */
    public record Range(Instant start, Instant end) {

        boolean overlaps(Instant from, Instant to) {
            return start.isBefore(to) && from.isBefore(end);
        }
    }

    /**
     * The facts: working windows by ISO weekday (1 Monday … 7 Sunday; a day missing is a day off), the practitioner's
     * absences and booked appointments, the appointment's length and the grid's step in minutes, the days from..to
     * (both included) in the clinic's zone, and {@code now}.
     */
    public record Search(Map<Integer, List<Window>> hours, List<Range> absences, List<Range> booked,
            int lengthMinutes, int stepMinutes, LocalDate from, LocalDate to, ZoneId zone, Instant now) {
    }

    public static List<LocalDateTime> free(Search s) {
        List<LocalDateTime> out = new ArrayList<>();
        int length = s.lengthMinutes();
        for (LocalDate day = s.from(); !day.isAfter(s.to()); day = day.plusDays(1)) {
            for (Window w : s.hours().getOrDefault(day.getDayOfWeek().getValue(), List.of())) {
                for (LocalTime t = w.start(); !t.plusMinutes(length).isAfter(w.end())
                        && !t.plusMinutes(length).isBefore(t); t = t.plusMinutes(s.stepMinutes())) {
                    ZonedDateTime start = ZonedDateTime.of(day, t, s.zone());
                    if (!start.toLocalTime().equals(t)) {
                        continue; // the clocks skip this time
                    }
                    Instant from = start.toInstant();
                    Instant to = start.plusMinutes(length).toInstant();
                    boolean taken = s.booked().stream().anyMatch(b -> b.overlaps(from, to));
                    boolean away = s.absences().stream().anyMatch(a -> a.overlaps(from, to));
                    if (!taken && !away && from.isAfter(s.now())) {
                        out.add(start.toLocalDateTime());
                    }
                }
            }
        }
        return out;
    }
}

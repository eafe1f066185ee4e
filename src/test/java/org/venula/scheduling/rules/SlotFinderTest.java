package org.venula.scheduling.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.scheduling.rules.PathwayRules.Window;
import org.venula.scheduling.rules.SlotFinder.Range;

/** Free start times on one day in London; times are local, several separated by spaces, a range as 10:00-10:30. */
class SlotFinderTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            a day fully free,                  2026-12-01, 09:00-11:00,             '',          '',          30, 30, 2026-11-30T12:00, 09:00 09:30 10:00 10:30
            a booked 10:00 slot,               2026-12-01, 09:00-11:00,             10:00-10:30, '',          30, 30, 2026-11-30T12:00, 09:00 09:30 10:30
            a booking ending as a slot starts, 2026-12-01, 09:00-11:00,             09:30-10:00, '',          30, 30, 2026-11-30T12:00, 09:00 10:00 10:30
            a longer slot overlapping a booking, 2026-12-01, 09:00-11:00,           10:00-10:30, '',          45, 30, 2026-11-30T12:00, 09:00
            an absence across lunch,           2026-12-01, 09:00-14:00,             '',          11:30-13:30, 60, 60, 2026-11-30T12:00, 09:00 10:00
            a slot that would run past closing, 2026-12-01, 09:00-10:15,            '',          '',          30, 30, 2026-11-30T12:00, 09:00 09:30
            a slot ending at closing,          2026-12-01, 09:00-10:00,             '',          '',          30, 30, 2026-11-30T12:00, 09:00 09:30
            a past time today,                 2026-12-01, 09:00-11:00,             '',          '',          30, 30, 2026-12-01T09:45, 10:00 10:30
            a slot starting now,               2026-12-01, 09:00-11:00,             '',          '',          30, 30, 2026-12-01T10:00, 10:30
            a day off,                         2026-12-06, '',                      '',          '',          30, 30, 2026-11-30T12:00, ''
            a morning and an afternoon,        2026-12-01, 09:00-10:00 14:00-15:00, '',          '',          30, 30, 2026-11-30T12:00, 09:00 09:30 14:00 14:30
            the night the clocks go forward,   2027-03-28, 00:00-03:00,             '',          '',          30, 30, 2027-03-27T12:00, 00:00 00:30 02:00 02:30
            a step shorter than the length,    2026-12-01, 09:00-10:00,             '',          '',          30, 15, 2026-11-30T12:00, 09:00 09:15 09:30
            """)
    void freeStartTimes(String situation, LocalDate day, String hours, String booked, String away, int length,
            int step, LocalDateTime now, String expected) {
        Map<Integer, List<Window>> week = hours.isBlank() ? Map.of()
                : Map.of(day.getDayOfWeek().getValue(), words(hours).stream().map(SlotFinderTest::window).toList());
        SlotFinder.Search search = new SlotFinder.Search(week, ranges(day, away), ranges(day, booked), length, step,
                day, day, LONDON, now.atZone(LONDON).toInstant());
        assertThat(SlotFinder.free(search)).containsExactlyElementsOf(
                words(expected).stream().map(t -> day.atTime(LocalTime.parse(t))).toList());
    }

    @ParameterizedTest(name = "{0} to {1}: slots on {2}")
    @CsvSource(textBlock = """
            2026-11-30, 2026-12-06, 2026-11-30 2026-12-01 2026-12-02 2026-12-03 2026-12-04
            2026-12-05, 2026-12-06, ''
            2026-12-04, 2026-12-07, 2026-12-04 2026-12-07
            """)
    void onlyWorkingDaysOfTheRangeHaveSlots(LocalDate from, LocalDate to, String days) {
        Map<Integer, List<Window>> weekdays = Map.of(1, nine(), 2, nine(), 3, nine(), 4, nine(), 5, nine());
        SlotFinder.Search search = new SlotFinder.Search(weekdays, List.of(), List.of(), 30, 30, from, to, LONDON,
                from.minusDays(1).atStartOfDay(LONDON).toInstant());
        assertThat(SlotFinder.free(search)).containsExactlyElementsOf(
                words(days).stream().map(d -> LocalDate.parse(d).atTime(9, 0)).toList());
    }

    private static List<Window> nine() {
        return List.of(window("09:00-09:30"));
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }

    private static Window window(String range) {
        String[] t = range.split("-");
        return new Window(LocalTime.parse(t[0]), LocalTime.parse(t[1]));
    }

    private static List<Range> ranges(LocalDate day, String s) {
        return words(s).stream().map(SlotFinderTest::window).map(w -> new Range(
                day.atTime(w.start()).atZone(LONDON).toInstant(), day.atTime(w.end()).atZone(LONDON).toInstant()))
                .toList();
    }
}

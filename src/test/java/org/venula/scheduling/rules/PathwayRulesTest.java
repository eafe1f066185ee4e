package org.venula.scheduling.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.venula.scheduling.rules.PathwayRules.Broken;
import org.venula.scheduling.rules.PathwayRules.Clearance;
import org.venula.scheduling.rules.PathwayRules.Existing;
import org.venula.scheduling.rules.PathwayRules.Rule;
import org.venula.scheduling.rules.PathwayRules.Settings;
import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.scheduling.rules.PathwayRules.Window;

/** Treatment requested on Tuesday 1 December 2026 at 10:00 unless a row says otherwise. */
class PathwayRulesTest {

    private static final LocalDateTime TREATMENT = LocalDateTime.of(2026, 12, 1, 10, 0);
    private static final Settings STANDARD = new Settings(false, 90, 28);
    private static final Clearance CLEARED = new Clearance("ELIGIBLE", false, LocalDate.of(2026, 11, 22), LocalDate.of(2026, 11, 22));
    private static final Existing CONSULTED_DAY_BEFORE = new Existing(1, Type.CONSULTATION,
            LocalDateTime.of(2026, 11, 30, 15, 0), Status.ATTENDED);

    @ParameterizedTest(name = "other treatment {0} days away: broken {1}")
    @CsvSource(textBlock = """
            -29, false
            -28, false
            -27, true
            0,   true
            27,  true
            28,  false
            """)
    void treatmentsAtLeastTheMinimumIntervalApart(int days, boolean broken) {
        List<Existing> existing = List.of(CONSULTED_DAY_BEFORE,
                new Existing(2, Type.TREATMENT, TREATMENT.plusDays(days).withHour(9), Status.BOOKED));
        assertThat(rules(existing, CLEARED, STANDARD).contains(Rule.INTERVAL_TOO_SHORT)).as(days + " days")
                .isEqualTo(broken);
    }

    @Test
    void aCancelledTreatmentDoesNotCountForTheInterval() {
        List<Existing> existing = List.of(CONSULTED_DAY_BEFORE,
                new Existing(2, Type.TREATMENT, TREATMENT.plusDays(7), Status.CANCELLED));
        assertThat(rules(existing, CLEARED, STANDARD)).isEmpty();
    }

    @ParameterizedTest(name = "consultation {0} at {1}, see-and-treat {2}: broken {3}")
    @CsvSource(textBlock = """
            2026-11-30, 15:00, false, false
            2026-12-01, 09:00, false, true
            2026-12-01, 09:00, true,  false
            2026-12-01, 11:00, true,  true
            2026-12-02, 09:00, true,  true
            """)
    void aTreatmentNeedsAConsultationOnAnEarlierDayOrTheSameDayWithSeeAndTreat(LocalDate day, LocalTime time,
            boolean seeAndTreat, boolean broken) {
        List<Existing> existing = List.of(new Existing(1, Type.CONSULTATION, day.atTime(time), Status.BOOKED));
        List<Rule> rules = rules(existing, CLEARED, new Settings(seeAndTreat, 90, 28));
        assertThat(rules.contains(Rule.CONSULTATION_REQUIRED)).isEqualTo(broken);
    }

    @Test
    void aCancelledOrMissedConsultationDoesNotCount() {
        for (Status s : List.of(Status.CANCELLED, Status.NO_SHOW)) {
            List<Existing> existing = List.of(new Existing(1, Type.CONSULTATION, TREATMENT.minusDays(3), s));
            assertThat(rules(existing, CLEARED, STANDARD)).contains(Rule.CONSULTATION_REQUIRED);
        }
    }

    @ParameterizedTest(name = "{0} screened {1} days before, signed off {2}: cleared {3}")
    @CsvSource(textBlock = """
            ELIGIBLE, 90, false, true
            ELIGIBLE, 91, false, false
            CAUTION,  10, true,  true
            CAUTION,  10, false, false
            REFER,    10, false, false
            """)
    void aTreatmentNeedsACurrentClearance(String outcome, int daysOld, boolean signedOff, boolean cleared) {
        Clearance c = new Clearance(outcome, signedOff, TREATMENT.toLocalDate().minusDays(daysOld), null);
        assertThat(rules(List.of(CONSULTED_DAY_BEFORE), c, STANDARD).contains(Rule.CLEARANCE_REQUIRED))
                .isEqualTo(!cleared);
    }

    @Test
    void noScreeningMeansNoClearance() {
        assertThat(rules(List.of(CONSULTED_DAY_BEFORE), null, STANDARD)).containsExactly(Rule.CLEARANCE_REQUIRED);
    }

    @ParameterizedTest(name = "deferred until {0}: broken {1}")
    @CsvSource(nullValues = "null", textBlock = """
            2026-12-02, true
            2026-12-01, false
            2026-11-30, false
            null,       true
            """)
    void aDeferralBlocksTreatmentBeforeItsDate(LocalDate until, boolean broken) {
        Clearance c = new Clearance("DEFER", false, LocalDate.of(2026, 11, 25), until);
        List<Broken> b = PathwayRules.check(Type.TREATMENT, TREATMENT, true, List.of(CONSULTED_DAY_BEFORE), c, STANDARD);
        assertThat(b.stream().anyMatch(x -> x.rule() == Rule.NOT_ELIGIBLE_UNTIL)).isEqualTo(broken);
        if (broken) {
            assertThat(b.stream().filter(x -> x.rule() == Rule.NOT_ELIGIBLE_UNTIL).findFirst().orElseThrow().until())
                    .isEqualTo(until);
        }
    }

    @Test
    void everyBrokenRuleIsReportedInTheOrderOfTheList() {
        List<Existing> existing = List.of(new Existing(2, Type.TREATMENT, TREATMENT.plusDays(3), Status.BOOKED));
        Clearance deferred = new Clearance("DEFER", false, LocalDate.of(2026, 11, 25), LocalDate.of(2026, 12, 20));
        List<Broken> b = PathwayRules.check(Type.TREATMENT, TREATMENT, false, existing, deferred, STANDARD);
        assertThat(b).extracting(Broken::rule).containsExactly(Rule.OUTSIDE_WORKING_HOURS, Rule.CONSULTATION_REQUIRED,
                Rule.CLEARANCE_REQUIRED, Rule.NOT_ELIGIBLE_UNTIL, Rule.INTERVAL_TOO_SHORT);
    }

    @Test
    void consultationsAndReviewsOnlyNeedWorkingHours() {
        for (Type t : List.of(Type.CONSULTATION, Type.REVIEW)) {
            assertThat(PathwayRules.check(t, TREATMENT, true, List.of(), null, STANDARD)).isEmpty();
            assertThat(PathwayRules.check(t, TREATMENT, false, List.of(), null, STANDARD)).extracting(Broken::rule)
                    .containsExactly(Rule.OUTSIDE_WORKING_HOURS);
        }
    }

    @ParameterizedTest(name = "{0}–{1}: inside {2}")
    @CsvSource(textBlock = """
            09:00, 09:45, true
            16:15, 17:00, true
            16:30, 17:15, false
            08:45, 09:30, false
            12:00, 12:45, false
            """)
    void workingHoursAndAbsences(LocalTime start, LocalTime end, boolean inside) {
        LocalDate day = LocalDate.of(2026, 12, 1);
        List<PathwayRules.Absence> lunchMeeting = List.of(new PathwayRules.Absence(day.atTime(12, 30), day.atTime(13, 0)));
        assertThat(PathwayRules.withinWorkingHours(day.atTime(start), day.atTime(end),
                List.of(new Window(LocalTime.of(9, 0), LocalTime.of(17, 0))), lunchMeeting)).isEqualTo(inside);
    }

    private static List<Rule> rules(List<Existing> existing, Clearance clearance, Settings settings) {
        List<Rule> out = new ArrayList<>();
        PathwayRules.check(Type.TREATMENT, TREATMENT, true, existing, clearance, settings)
                .forEach(b -> out.add(b.rule()));
        return out;
    }
}

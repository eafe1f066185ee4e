package org.venula.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.venula.demo.DiaryPlan.Booking;
import org.venula.demo.DiaryPlan.ConsultationWanted;
import org.venula.demo.DiaryPlan.Practitioner;
import org.venula.demo.DiaryPlan.ReviewDue;
import org.venula.scheduling.rules.PathwayRules;
import org.venula.scheduling.rules.PathwayRules.Clearance;
import org.venula.scheduling.rules.PathwayRules.Existing;
import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.scheduling.rules.PathwayRules.Window;

/** The demo clinic starts on Wednesday 2 December 2026; Dr Reid works only Tuesday and Thursday mornings. */
class DiaryPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final PathwayRules.Settings STANDARD = new PathwayRules.Settings(false, 90, 28);
    private static final DiaryPlan.Protocol PROTOCOL = new DiaryPlan.Protocol(30, 45, 20, 15, 28, 42, STANDARD);
    private static final Clearance CLEARED_TODAY = new Clearance("ELIGIBLE", false, TODAY, null);
    private static final Clearance DEFERRED = new Clearance("DEFER", false, TODAY, TODAY.plusDays(8));

    private static final long OKAFOR = 1;
    private static final long REID = 2;
    private static final long HUGHES = 3;

    private static final List<Practitioner> PRACTITIONERS = List.of(
            new Practitioner(OKAFOR, weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))),
            new Practitioner(REID, Map.of(2, List.of(new Window(LocalTime.of(9, 0), LocalTime.of(13, 0))),
                    4, List.of(new Window(LocalTime.of(9, 0), LocalTime.of(13, 0))))),
            new Practitioner(HUGHES, weekdays(LocalTime.of(9, 0), LocalTime.of(17, 0))));

    private static List<Booking> aFortnightOfPatients(long seed) {
        List<ReviewDue> reviews = new ArrayList<>();
        List<ConsultationWanted> consultations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long practitioner = PRACTITIONERS.get(i % 3).id();
            reviews.add(new ReviewDue(100 + i, practitioner, TODAY.minusDays(40 - 3 * i)));
            consultations.add(new ConsultationWanted(200 + i, i % 2 == 0 ? practitioner : null,
                    i % 4 == 3 ? DEFERRED : i % 4 == 2 ? null : CLEARED_TODAY));
        }
        return DiaryPlan.plan(TODAY, 28, PRACTITIONERS, PROTOCOL, reviews, consultations, seed);
    }

    @Test
    void theSameFactsAndSeedGiveTheSameDiary() {
        assertThat(aFortnightOfPatients(2026)).isEqualTo(aFortnightOfPatients(2026)).isNotEmpty();
    }

    @Test
    void everyAppointmentIsInTheComingFourWeeksOnTheSlotGridWithinWorkingHours() {
        for (Booking b : aFortnightOfPatients(2026)) {
            assertThat(b.start().toLocalDate()).isAfter(TODAY).isBeforeOrEqualTo(TODAY.plusDays(28));
            assertThat(b.start().getMinute() % 15).isZero();
            Practitioner p = PRACTITIONERS.stream().filter(x -> x.id() == b.practitionerId()).findFirst().orElseThrow();
            List<Window> day = p.hours().getOrDefault(b.start().getDayOfWeek().getValue(), List.of());
            assertThat(PathwayRules.withinWorkingHours(b.start(), b.end(), day, List.of())).as(b.toString()).isTrue();
            assertThat(ChronoUnit.MINUTES.between(b.start(), b.end())).isEqualTo(PROTOCOL.minutes(b.type()));
        }
    }

    @Test
    void noPractitionerIsBookedTwiceAtOnceAndNoPatientTwiceInADay() {
        List<Booking> plan = aFortnightOfPatients(7);
        for (Booking a : plan) {
            for (Booking b : plan) {
                if (a != b && a.practitionerId() == b.practitionerId()) {
                    assertThat(a.start().isBefore(b.end()) && b.start().isBefore(a.end())).as(a + " / " + b).isFalse();
                }
                if (a != b && a.patientId() == b.patientId()) {
                    assertThat(a.start().toLocalDate()).isNotEqualTo(b.start().toLocalDate());
                }
            }
        }
    }

    @Test
    void everyPractitionersDayKeepsGaps() {
        Map<String, Long> minutes = aFortnightOfPatients(2026).stream().collect(Collectors.groupingBy(
                b -> b.practitionerId() + " " + b.start().toLocalDate(),
                Collectors.summingLong(b -> ChronoUnit.MINUTES.between(b.start(), b.end()))));
        assertThat(minutes.values()).allMatch(m -> m <= 480 * DiaryPlan.DAY_FILL);
    }

    @Test
    void reviewsFallTwentyEightToFortyTwoDaysAfterTheLastSessionWithTheTreatingPractitioner() {
        List<Booking> reviews = aFortnightOfPatients(2026).stream().filter(b -> b.type() == Type.REVIEW).toList();
        assertThat(reviews).hasSizeGreaterThan(8);
        for (Booking b : reviews) {
            int i = (int) (b.patientId() - 100);
            LocalDate last = TODAY.minusDays(40 - 3 * i);
            assertThat(ChronoUnit.DAYS.between(last, b.start().toLocalDate())).isBetween(28L, 42L);
            assertThat(b.practitionerId()).isEqualTo(PRACTITIONERS.get(i % 3).id());
        }
    }

    @Test
    void onlyPatientsWhoseClearanceAllowsAreTreatedAndThenAfterTheirConsultation() {
        List<Booking> plan = aFortnightOfPatients(2026);
        List<Booking> treatments = plan.stream().filter(b -> b.type() == Type.TREATMENT).toList();
        assertThat(treatments).isNotEmpty();
        for (Booking t : treatments) {
            int i = (int) (t.patientId() - 200);
            assertThat(i % 4).as("deferred and unscreened patients are consulted, not treated").isIn(0, 1);
            Booking consultation = plan.stream().filter(b -> b.patientId() == t.patientId()
                    && b.type() == Type.CONSULTATION).findFirst().orElseThrow();
            assertThat(ChronoUnit.DAYS.between(consultation.start().toLocalDate(), t.start().toLocalDate()))
                    .isBetween(7L, 14L);
            assertThat(consultation.practitionerId()).isEqualTo(t.practitionerId());
            List<Existing> before = List.of(new Existing(1, Type.CONSULTATION, consultation.start(), Status.BOOKED));
            assertThat(PathwayRules.check(Type.TREATMENT, t.start(), true, before, CLEARED_TODAY, STANDARD)).isEmpty();
        }
        assertThat(plan.stream().filter(b -> b.type() == Type.CONSULTATION)).hasSize(12);
    }

    @Test
    void nothingIsBookedOnChristmasDayBoxingDayOrNewYearsDay() {
        assertThat(aFortnightOfPatients(2026)).extracting(b -> b.start().toLocalDate())
                .doesNotContain(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26), LocalDate.of(2027, 1, 1));
        assertThat(DiaryPlan.closed(LocalDate.of(2026, 12, 24))).isFalse();
    }

    @Test
    void aPractitionerWhoWorksTwoMorningsIsBookedOnlyThen() {
        assertThat(aFortnightOfPatients(2026)).filteredOn(b -> b.practitionerId() == REID)
                .isNotEmpty()
                .allMatch(b -> (b.start().getDayOfWeek() == DayOfWeek.TUESDAY
                        || b.start().getDayOfWeek() == DayOfWeek.THURSDAY) && b.end().getHour() <= 13);
    }

    private static Map<Integer, List<Window>> weekdays(LocalTime from, LocalTime to) {
        Map<Integer, List<Window>> out = new LinkedHashMap<>();
        for (int d = 1; d <= 5; d++) {
            out.put(d, List.of(new Window(from, to)));
        }
        return out;
    }
}

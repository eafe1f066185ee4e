package org.venula.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.venula.chart.PathwayStrip.State;
import org.venula.chart.PathwayStrip.Step;
import org.venula.followup.FollowUpTask;
import org.venula.followup.rules.FollowUpSchedule.Kind;
import org.venula.scheduling.Appointment;
import org.venula.scheduling.rules.PathwayRules.Status;
import org.venula.scheduling.rules.PathwayRules.Type;
import org.venula.screening.StoredScreening;
import org.venula.screening.rules.Area;
import org.venula.screening.rules.Outcome;

class PathwayStripTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    @Test
    void aNewPatientWaitsOnScreeningAndHasNothingBooked() {
        PathwayStrip strip = strip(true, Optional.empty(), List.of(), List.of());
        assertThat(strip.steps()).extracting(Step::name).containsExactly("Screening", "Consultation",
                "Plan and consent", "Sessions", "Next appointment", "Review due");
        assertThat(step(strip, "Screening")).extracting(Step::text, Step::state)
                .containsExactly("Not screened", State.WAITING);
        assertThat(step(strip, "Next appointment").text()).isEqualTo("None booked");
        assertThat(step(strip, "Review due").text()).isEqualTo("Nothing due");
    }

    @Test
    void anUnsignedCautionCallsForAttention() {
        PathwayStrip strip = strip(true, Optional.of(screening(Outcome.CAUTION, null)), List.of(), List.of());
        assertThat(step(strip, "Screening")).extracting(Step::text, Step::state)
                .containsExactly("Caution: sign-off needed", State.ATTENTION);
    }

    @Test
    void theNextAppointmentIsTheFirstBookedFromTodayAndAnOverdueReviewCallsForAttention() {
        List<Appointment> booked = List.of(
                appointment(Type.CONSULTATION, TODAY.minusDays(3), Status.BOOKED),
                appointment(Type.TREATMENT, TODAY.plusDays(9), Status.BOOKED),
                appointment(Type.REVIEW, TODAY.plusDays(2), Status.CANCELLED),
                appointment(Type.REVIEW, TODAY.plusDays(30), Status.BOOKED));
        List<FollowUpTask> tasks = List.of(task("DUE", TODAY.minusDays(20), true), task("DONE", TODAY.minusDays(60), false));
        PathwayStrip strip = strip(true, Optional.of(screening(Outcome.ELIGIBLE, null)), booked, tasks);
        assertThat(step(strip, "Screening").state()).isEqualTo(State.DONE);
        assertThat(step(strip, "Next appointment").text()).isEqualTo("Treatment");
        assertThat(step(strip, "Next appointment").detail()).startsWith("Fri 19 Jun, 10:00");
        assertThat(step(strip, "Review due")).extracting(Step::text, Step::state)
                .containsExactly("Review: overdue", State.ATTENTION);
    }

    @Test
    void receptionSeesOnlyTheAppointmentAndFollowUpSteps() {
        PathwayStrip strip = strip(false, Optional.empty(), List.of(), List.of());
        assertThat(strip.steps()).extracting(Step::name).containsExactly("Next appointment", "Review due");
    }

    private static PathwayStrip strip(boolean clinical, Optional<StoredScreening> screening, List<Appointment> booked,
            List<FollowUpTask> tasks) {
        return PathwayStrip.of(7, TODAY, clinical, screening, List.of(), List.of(), List.of(), booked, tasks);
    }

    private static Step step(PathwayStrip strip, String name) {
        return strip.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static StoredScreening screening(Outcome outcome, StoredScreening.SignOff signOff) {
        return new StoredScreening(1, 7, 1, TODAY.minusDays(1), Area.LEGS, outcome, null, List.of(), List.of(), null,
                null, "nurse", signOff);
    }

    private static Appointment appointment(Type type, LocalDate day, Status status) {
        LocalDateTime start = day.atTime(10, 0);
        return new Appointment(1, 7, "Ann Lee", 3, "Dr Okafor", type, start, start.plusMinutes(30), status, null, null,
                null, null, null, null);
    }

    private static FollowUpTask task(String status, LocalDate from, boolean overdue) {
        return new FollowUpTask(1, 7, "Ann Lee", 2, from.minusDays(28), 3, "Dr Okafor", Kind.REVIEW, from,
                from.plusDays(14), status, null, null, null, overdue);
    }
}

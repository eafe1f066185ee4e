package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.venula.scheduling.internal.AppointmentStore;

class LongestAppointmentTest {

    /** The diary's read (and the database check of V31) assume no appointment is longer: a protocol can't make one. */
    @Test
    void noProtocolMakesAnAppointmentLongerThanTheDiaryReadsBackFor() {
        assertThat(Duration.ofMinutes(BookingCheck.MAX_APPOINTMENT_MINUTES)).isLessThanOrEqualTo(AppointmentStore.LONGEST);
    }
}

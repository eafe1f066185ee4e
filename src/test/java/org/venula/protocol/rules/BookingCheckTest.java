package org.venula.protocol.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.protocol.rules.EditedProtocol.expected;
import static org.venula.protocol.rules.EditedProtocol.problems;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BookingCheckTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a four-minute slot grid                        | booking.slotMinutes.value = 4                 | booking.slotMinutes.value: must be between 5 and 120
            a five-minute slot grid                        | booking.slotMinutes.value = 5                 |
            a two-hour slot grid                           | booking.slotMinutes.value = 120               |
            a slot grid of two hours and a minute          | booking.slotMinutes.value = 121               | booking.slotMinutes.value: must be between 5 and 120
            a four-minute consultation                     | booking.consultationMinutes.value = 4         | booking.consultationMinutes.value: must be between 5 and 480
            an eight-hour treatment                        | booking.treatmentMinutes.value = 480          |
            a treatment of eight hours and a minute        | booking.treatmentMinutes.value = 481          | booking.treatmentMinutes.value: must be between 5 and 480
            a review with no length                        | booking.reviewMinutes.value = null            | booking.reviewMinutes.value: is required
            a review length without a source               | booking.reviewMinutes.source = null           | booking.reviewMinutes.source: is required
            a reminder no hours ahead                      | booking.reminderHours.value = 0               | booking.reminderHours.value: must be between 1 and 1440
            a reminder an hour ahead                       | booking.reminderHours.value = 1               |
            a reminder sixty days ahead                    | booking.reminderHours.value = 1440            |
            a reminder sixty days and an hour ahead        | booking.reminderHours.value = 1441            | booking.reminderHours.value: must be between 1 and 1440
            no notice needed to cancel online              | booking.cancellationNoticeHours.value = 0     |
            sixty days' notice to cancel online            | booking.cancellationNoticeHours.value = 1440  |
            more than sixty days' notice to cancel online  | booking.cancellationNoticeHours.value = 1441  | booking.cancellationNoticeHours.value: must be between 0 and 1440
            a negative notice to cancel online             | booking.cancellationNoticeHours.value = -1    | booking.cancellationNoticeHours.value: must be between 0 and 1440
            patients booking treatments, unsaid            | booking.patientsBookTreatments.value = null   | booking.patientsBookTreatments.value: is required
            patients booking reviews, unsourced            | booking.patientsBookReviews.source = null     | booking.patientsBookReviews.source: is required
            a maintenance recall after no months           | booking.maintenanceRecallMonths.value = 0     | booking.maintenanceRecallMonths.value: must be between 1 and 60
            a maintenance recall after five years          | booking.maintenanceRecallMonths.value = 60    |
            a recall for veins left after five years and a month | booking.incompleteClearanceRecallMonths.value = 61 | booking.incompleteClearanceRecallMonths.value: must be between 1 and 60
            complete clearance at no clearance             | booking.completeClearancePercent.value = 0    |
            complete clearance at all veins cleared        | booking.completeClearancePercent.value = 100   |
            complete clearance above all veins cleared     | booking.completeClearancePercent.value = 101   | booking.completeClearancePercent.value: must be between 0 and 100
            preparation advice with no text                | booking.treatmentPreparation[0].text = " "    | booking.treatmentPreparation[0].text: is required
            a review from day 0                            | booking.reviewFromDays.value = 0              | booking.reviewFromDays.value: must be between 1 and 365
            a review window ending before it starts        | booking.reviewFromDays.value = 42; booking.reviewToDays.value = 41 | booking.reviewToDays.value: must not be before reviewFromDays
            a review window of one day                     | booking.reviewFromDays.value = 42; booking.reviewToDays.value = 42 |
            a review window ending a year and a day after  | booking.reviewToDays.value = 366              | booking.reviewToDays.value: must be between 1 and 365
            see and treat allowed                          | booking.seeAndTreat.value = true              |
            not saying whether to see and treat            | booking.seeAndTreat.value = null              | booking.seeAndTreat.value: is required
            no booking section                             | booking = null                                | booking: is required
            """)
    void bookingSettings(String situation, String edits, String problems) {
        assertThat(problems(new BookingCheck(), edits)).containsExactlyElementsOf(expected(problems));
    }
}

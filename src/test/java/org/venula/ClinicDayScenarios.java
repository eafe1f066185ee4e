package org.venula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.venula.ApiFixture.*;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.venula.support.Api;
import org.venula.support.Api.Response;
import org.venula.support.PageBrowser;

import tools.jackson.databind.JsonNode;

/**
 * A clinic's day through the API (H2 and PostgreSQL): no booking in the past unless a clinician records a past visit,
 * reminders only for what is still to come, the clinic's details reaching patients, and a check-in's suspected clot
 * proposed as serious.
 */
interface ClinicDayScenarios extends ApiFixture {

    @Test
    default void aBookingInThePastIsRefusedNamingStartUnlessAClinicianRecordsAPastVisitWithNoReminder() {
        Api clinician = newUser("CLINICIAN");
        Api reception = newUser("RECEPTION");
        long practitioner = clinician.get("/api/me").json().get("practitionerId").asLong();
        long id = clinician.post("/api/patients", patient("Past" + unique(),
                Map.of("email", "past" + unique() + "@example.org"))).id();

        Response longAgo = reception.post("/api/appointments", booking(id, practitioner, "CONSULTATION",
                LocalDateTime.parse("2020-01-06T09:00")));
        assertThat(longAgo.status()).isEqualTo(422);
        assertThat(longAgo.errorFields()).containsExactly("start");
        assertThat(longAgo.toString()).contains("in the past");
        assertThat(reception.get("/api/patients/" + id + "/appointments").json().size()).isZero();

        LocalDate lastWeek = LocalDate.now(ZoneId.of("Europe/London")).minusDays(7);
        while (lastWeek.getDayOfWeek().getValue() > 5) {
            lastWeek = lastWeek.minusDays(1);
        }
        Map<String, Object> visit = booking(id, practitioner, "CONSULTATION", lastWeek.atTime(10, 0));
        visit.put("pastVisit", true);
        assertThat(reception.post("/api/appointments", visit).status()).isEqualTo(403);
        Response recorded = clinician.post("/api/appointments", visit);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().get("status").asString()).isEqualTo("ATTENDED");
        Map<String, Object> future = booking(id, practitioner, "CONSULTATION", nextMonday().atTime(9, 0));
        future.put("pastVisit", true);
        assertThat(clinician.post("/api/appointments", future).errorFields()).containsExactly("pastVisit");
        assertThat(reminders(id)).isEmpty();
    }

    @Test
    default void noReminderIsEverDueBeforeItsBookingAndAttendingOrCancellingWithdrawsIt() {
        Api clinician = newUser("CLINICIAN");
        long practitioner = clinician.get("/api/me").json().get("practitionerId").asLong();
        long id = clinician.post("/api/patients", patient("Reminded" + unique(),
                Map.of("email", "reminded" + unique() + "@example.org"))).id();
        // Tomorrow's appointment: 48 hours before it has passed, so the reminder is due now, never earlier.
        LocalDate day = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        Response soon = clinician.post("/api/appointments", booking(id, practitioner, "CONSULTATION",
                day.atTime(16, 0)));
        assertThat(soon.status()).as(soon.toString()).isEqualTo(201);
        Response later = clinician.post("/api/appointments", booking(id, practitioner, "REVIEW",
                nextMonday().plusWeeks(2).atTime(11, 0)));
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
        List<JsonNode> queued = reminders(id);
        assertThat(queued).hasSize(2);
        for (JsonNode r : queued) {
            OffsetDateTime due = OffsetDateTime.parse(r.get("dueAt").asString());
            assertThat(due).as("due %s", due).isAfterOrEqualTo(before);
        }
        assertThat(clinician.post("/api/appointments/" + soon.id() + "/attended", null).status()).isEqualTo(200);
        assertThat(clinician.post("/api/appointments/" + later.id() + "/no-show", null).status()).isEqualTo(200);
        assertThat(reminders(id)).extracting(r -> r.get("status").asString()).containsOnly("CANCELLED");
    }

    @Test
    default void theClinicsDetailsAreVersionedAndReachThePatientsPagesAndReminders() {
        String adminName = "settings" + unique();
        long clinicId = clinics().createClinic("Settings Clinic " + adminName, ZoneId.of("Europe/London"), false,
                adminName, "lead-password-123", "test").id();
        Api lead = Api.as(port(), adminName, "lead-password-123");
        JsonNode start = lead.get("/api/clinic/settings").json();
        assertThat(start.get("version").asInt()).isZero();
        assertThat(start.get("emergencyNumber").asString()).isEqualTo("999");

        Map<String, Object> change = new HashMap<>(Map.of("version", 0, "name", "Harbour Vein Clinic",
                "address", "2 Quay Street\nManchester M3 3HN", "phone", "0161 496 0000",
                "email", "reception@harbour.example", "website", "https://harbour.example",
                "emergencyNumber", "999", "regulatorPrompt", "Report it through the MHRA Yellow Card scheme"));
        change.put("phone", "call us");
        change.put("website", "harbour.example");
        Response bad = lead.put("/api/clinic/settings", change);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("phone", "website");
        change.put("phone", "0161 496 0000");
        change.put("website", "https://harbour.example");
        Response saved = lead.put("/api/clinic/settings", change);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("version").asInt()).isEqualTo(1);
        assertThat(lead.put("/api/clinic/settings", change).json().get("type").asString()).endsWith("/stale-version");
        assertThat(lead.get("/api/clinic/settings/versions").json().size()).isEqualTo(1);
        assertThat(newUserIn(lead, "RECEPTION").put("/api/clinic/settings", change).status()).isEqualTo(403);

        String information = new String(Api.anonymous(port()).bytes("/clinics/" + clinicId + "/information").body());
        assertThat(information).contains("href=\"tel:01614960000\"", "0161 496 0000", "reception@harbour.example");

        Api clinician = newUserIn(lead, "CLINICIAN");
        long practitioner = clinician.get("/api/me").json().get("practitionerId").asLong();
        long id = clinician.post("/api/patients", patient("Told" + unique(),
                Map.of("email", "told" + unique() + "@example.org"))).id();
        assertThat(clinician.post("/api/appointments", booking(id, practitioner, "CONSULTATION",
                nextMonday().atTime(9, 30))).status()).isEqualTo(201);
        JsonNode reminder = lead.get("/api/reminders").json().get(0);
        assertThat(reminder.get("body").asString()).contains("Harbour Vein Clinic", "call us on 0161 496 0000",
                "Where: 2 Quay Street, Manchester M3 3HN", "http://localhost:" + port() + "/clinics/" + clinicId);
    }

    @Test
    default void aCheckInWithCalfPainProposesASeriousClotThatCannotBeConfirmedMildWithoutAReason() {
        Api clinician = newUser("CLINICIAN");
        Ready p = readyPatient(clinician, "Calf" + unique());
        long lot = lot(clinician, "POLIDOCANOL", "0.5", "CALF" + unique(), today().plusYears(1));
        signedSession(clinician, p, lot);
        long planId = awaitAftercarePlan(clinician, p.patientId());
        String url = clinician.post("/api/aftercare/plans/" + planId + "/link", null).json().get("url").asString();
        assertThat(url).startsWith("http://localhost:" + port() + "/my/");
        String path = url.substring(url.indexOf("/my/"));
        var answer = new PageBrowser(port()).post(path + "/check-in", Map.of("symptoms", "CALF_SWELLING_OR_PAIN"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Contact the clinic now", "Call the clinic now");

        JsonNode proposed = awaitProposed(clinician, p.patientId(), "DVT");
        assertThat(proposed.get("severity").asString()).isEqualTo("SERIOUS");
        assertThat(proposed.get("serious").asBoolean()).isTrue();
        Response mild = clinician.post("/api/complications/" + proposed.get("id").asLong() + "/confirm",
                Map.of("severity", "MILD"));
        assertThat(mild.status()).isEqualTo(422);
        assertThat(mild.errorFields()).containsExactly("reason");
        Response explained = clinician.post("/api/complications/" + proposed.get("id").asLong() + "/confirm",
                Map.of("severity", "MILD", "reason", "Seen today: calf soft, duplex negative, bruise at the site"));
        assertThat(explained.status()).as(explained.toString()).isEqualTo(200);
        assertThat(explained.json().get("severityReason").asString()).contains("Proposed SERIOUS, confirmed MILD",
                "duplex negative");
    }

    private List<JsonNode> reminders(long patientId) {
        return admin().get("/api/reminders").json().valueStream()
                .filter(r -> r.get("patientId").asLong() == patientId).toList();
    }

    private Api newUserIn(Api lead, String role) {
        String username = role.toLowerCase() + unique();
        assertThat(lead.post("/api/users", Map.of("username", username, "password", "a-long-password-1",
                "displayName", "Staff " + role, "role", role)).status()).isEqualTo(201);
        return Api.as(port(), username, "a-long-password-1");
    }

    /** The aftercare plan a signed session creates after commit (an event, so it may lag the signing by a moment). */
    private long awaitAftercarePlan(Api clinician, long patientId) {
        JsonNode plans = await("an aftercare plan after signing").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> clinician.get("/api/patients/" + patientId + "/aftercare-plans").json(), p -> p.size() > 0);
        return plans.get(0).get("id").asLong();
    }

    private JsonNode awaitProposed(Api clinician, long patientId, String type) {
        return await("a proposed " + type).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> proposed(clinician, patientId, type), Optional::isPresent).orElseThrow();
    }

    private static Optional<JsonNode> proposed(Api clinician, long patientId, String type) {
        for (JsonNode c : clinician.get("/api/complications/waiting").json()) {
            if (c.get("patientId").asLong() == patientId && c.get("type").asString().equals(type)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

package org.venula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.ApiFixture.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.venula.support.Api;
import org.venula.support.Api.Response;

import tools.jackson.databind.JsonNode;

/** Treatment sessions, lots and the dose check through the running application's API (H2 and PostgreSQL). */
interface TreatmentScenarios extends ApiFixture {

    @Test
    default void theDoseCheckAnswersAsSpecified() {
        Api clinician = newUser("CLINICIAN");
        Response example = clinician.post("/api/dose-check", Map.of("weightKg", 62.5, "protocol", "standard",
                "restrictions", List.of(), "injections", List.of(
                        Map.of("agent", "POLIDOCANOL", "concentrationPercent", 0.5, "form", "LIQUID", "volumeMl", 0.3,
                                "veinType", "TELANGIECTASIA"),
                        Map.of("agent", "POLIDOCANOL", "concentrationPercent", 1.0, "form", "FOAM", "volumeMl", 2.0,
                                "liquidParts", 1, "gasParts", 4, "veinType", "RETICULAR"))));
        assertThat(example.status()).as(example.toString()).isEqualTo(200);
        assertThat(example.json().toString()).isEqualTo("{\"status\":\"OK\",\"agents\":[{\"agent\":\"POLIDOCANOL\","
                + "\"totalMg\":5.5,\"limitMg\":125.0,\"liquidVolumeMl\":0.3,\"maxLiquidVolumeMl\":10.0}],"
                + "\"foamVolumeMl\":2.0,\"maxFoamVolumeMl\":10.0,\"messages\":[]}");

        // 48 kg: limit 96 mg. STS first, then polidocanol 3% 2.6 mL = 78 mg (81.25%: WARN); foam 1+3 of STS 1% 4 mL.
        Response unseen = clinician.post("/api/dose-check", Map.of("weightKg", 48, "restrictions", List.of("LIMIT_FOAM"),
                "injections", List.of(
                        Map.of("agent", "SODIUM_TETRADECYL_SULFATE", "concentrationPercent", 1, "form", "FOAM",
                                "volumeMl", 4.5, "liquidParts", 1, "gasParts", 3),
                        Map.of("agent", "POLIDOCANOL", "concentrationPercent", 3, "form", "LIQUID", "volumeMl", 2.6,
                                "veinType", "TELANGIECTASIA"))));
        assertThat(unseen.status()).as(unseen.toString()).isEqualTo(200);
        JsonNode a = unseen.json();
        assertThat(a.get("status").asString()).isEqualTo("WARN");
        assertThat(a.get("agents").findValuesAsString("agent")).containsExactly("SODIUM_TETRADECYL_SULFATE", "POLIDOCANOL");
        assertThat(a.get("agents").get(0).get("totalMg").decimalValue()).isEqualByComparingTo("11.3"); // 11.25 half up
        assertThat(a.get("agents").get(0).get("limitMg").isNull()).isTrue();
        assertThat(a.get("agents").get(1).get("totalMg").decimalValue()).isEqualByComparingTo("78.0");
        assertThat(a.get("agents").get(1).get("limitMg").decimalValue()).isEqualByComparingTo("96.0");
        assertThat(a.get("maxFoamVolumeMl").decimalValue()).isEqualByComparingTo("5.0");
        List<String> pairs = a.get("messages").valueStream()
                .map(m -> m.get("code").asString() + ":" + m.get("level").asString()).toList();
        assertThat(pairs).containsExactly("POLIDOCANOL_DAILY_DOSE:WARN", "FOAM_VOLUME:WARN",
                "CONCENTRATION_ABOVE_TYPICAL:WARN");
        assertThat(a.get("messages").get(0).get("text").asString()).contains("78.0 mg", "96.0 mg");

        // Exact, never through a double: a hair over 10 mL is over the limit.
        Response hair = clinician.post("/api/dose-check", Map.of("weightKg", 70, "injections", List.of(Map.of(
                "agent", "SODIUM_TETRADECYL_SULFATE", "concentrationPercent", 0.2, "form", "LIQUID",
                "volumeMl", new java.math.BigDecimal("10.0000000000000000001")))));
        assertThat(hair.json().get("status").asString()).isEqualTo("BLOCK");
        assertThat(hair.json().get("agents").get(0).get("liquidVolumeMl").decimalValue()).isEqualByComparingTo("10.0");

        Response bad = clinician.post("/api/dose-check", Map.of("weightKg", 19, "restrictions", List.of("NO_LASER"),
                "injections", List.of(Map.of("agent", "SALINE", "concentrationPercent", 3.5, "form", "GEL",
                        "volumeMl", 0, "liquidParts", 0, "veinType", "ARTERY"))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorFields()).contains("weightKg", "restrictions[0]", "injections[0].form",
                "injections[0].veinType");
        Response bad2 = clinician.post("/api/dose-check", Map.of("weightKg", 301, "injections", List.of(
                Map.of("agent", "SALINE", "concentrationPercent", 0, "form", "FOAM", "volumeMl", 20.5,
                        "gasParts", 1.5))));
        assertThat(bad2.errorFields()).containsExactlyInAnyOrder("weightKg", "injections[0].agent",
                "injections[0].concentrationPercent", "injections[0].volumeMl", "injections[0].gasParts");
        assertThat(clinician.post("/api/dose-check", Map.of("weightKg", 70)).errorFields()).containsExactly("injections");
        assertThat(newUser("RECEPTION").post("/api/dose-check", Map.of("weightKg", 70, "injections", List.of()))
                .status()).isEqualTo(403);
    }

    @Test
    default void aSessionIsChartedDoseCheckedSignedAndThenOnlyAddendaChangeIt() {
        Api clinician = newUser("CLINICIAN");
        Ready p = readyPatient(clinician, "Charted" + unique());
        long pol = lot(clinician, "POLIDOCANOL", "0.5", "POL" + unique(), today().plusYears(1));
        long pol3 = lot(clinician, "POLIDOCANOL", "3", "POLF" + unique(), today().plusYears(1));

        Response unchecked = clinician.post("/api/patients/" + p.patientId() + "/sessions",
                Map.of("adHocReason", "Walk-in top-up", "weightKg", 40, "confirmed", List.of("LEGS_NOT_SHAVED")));
        assertThat(unchecked.status()).isEqualTo(422);
        assertThat(unchecked.errorFields()).contains("confirmed");
        assertThat(unchecked.toString()).contains("NO_MOISTURISER");

        Response started = clinician.post("/api/patients/" + p.patientId() + "/sessions",
                Map.of("adHocReason", "Walk-in top-up", "weightKg", 40, "confirmed", CHECKLIST));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        long s = started.id();
        assertThat(started.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(started.json().get("protocol").get("id").asString()).isEqualTo("standard");

        Response first = clinician.post("/api/sessions/" + s + "/injections", injection(p.areaIds().get(0), pol,
                Map.of("volumeMl", 1.0)));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("injections").get(0).get("veinType").asString()).isEqualTo("TELANGIECTASIA");
        assertThat(first.json().get("injections").get(0).get("concentrationPercent").decimalValue())
                .isEqualByComparingTo("0.5");
        Response repeated = clinician.post("/api/sessions/" + s + "/injections/repeat", Map.of("x", 140, "y", 320));
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(201);
        assertThat(repeated.json().get("injections").size()).isEqualTo(2);
        assertThat(repeated.json().get("injections").get(1).get("lotId").asLong()).isEqualTo(pol);
        assertThat(repeated.json().get("dose").get("agents").get(0).get("totalMg").decimalValue())
                .isEqualByComparingTo("10.0");

        // 40 kg: 80 mg a day. Polidocanol 3% 2.3 mL = 69 mg, 79 mg in all: WARN.
        Response warn = clinician.post("/api/sessions/" + s + "/injections", injection(p.areaIds().get(1), pol3,
                Map.of("volumeMl", 2.3)));
        assertThat(warn.status()).as(warn.toString()).isEqualTo(201);
        assertThat(warn.json().get("dose").get("status").asString()).isEqualTo("WARN");
        Response blocked = clinician.post("/api/sessions/" + s + "/injections/repeat", Map.of());
        assertThat(blocked.status()).isEqualTo(422);
        assertThat(blocked.json().get("type").asString()).endsWith("/dose-limit");
        assertThat(blocked.json().get("dose").get("status").asString()).isEqualTo("BLOCK");
        assertThat(blocked.errorFields()).containsExactly("override.reason");
        assertThat(clinician.get("/api/sessions/" + s).json().get("injections").size()).isEqualTo(3);
        Response overridden = clinician.post("/api/sessions/" + s + "/injections", injection(p.areaIds().get(1), pol,
                Map.of("volumeMl", 0.4, "override", Map.of("reason", "Weight re-measured at 45 kg; lead agreed"))));
        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(201);
        assertThat(overridden.json().get("injections").get(3).get("overrideCodes").asString())
                .isEqualTo("POLIDOCANOL_DAILY_DOSE");

        assertThat(clinician.post("/api/sessions/" + s + "/sign", null).errorFields())
                .containsExactlyInAnyOrder("compression", "reactions");
        assertThat(clinician.put("/api/sessions/" + s + "/compression", Map.of("type", "STOCKING", "length", "THIGH",
                "lowMmHg", 14, "highMmHg", 17)).errorFields()).containsExactly("standard");
        assertThat(clinician.put("/api/sessions/" + s + "/compression", Map.of("type", "STOCKING", "length", "THIGH",
                "lowMmHg", 14, "highMmHg", 17, "standard", "UK")).status()).isEqualTo(200);
        assertThat(clinician.put("/api/sessions/" + s + "/reactions", Map.of("reactions", List.of("FAINT")))
                .errorFields()).containsExactly("action");
        assertThat(clinician.put("/api/sessions/" + s + "/reactions", Map.of("reactions", List.of("NONE"))).status())
                .isEqualTo(200);
        // Signing (or any change) made on top of a stale read is refused: the chart moved on since it was read.
        int loaded = clinician.get("/api/sessions/" + s).json().get("version").asInt();
        for (Response stale : List.of(
                clinician.send("POST", "/api/sessions/" + s + "/sign", null, Map.of("If-Match", "\"" + (loaded - 1) + "\"")),
                clinician.send("PUT", "/api/sessions/" + s + "/reactions", Map.of("reactions", List.of("NONE")),
                        Map.of("If-Match", String.valueOf(loaded - 1))))) {
            assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
            assertThat(stale.json().get("type").asString()).endsWith("/stale-version");
        }
        assertThat(clinician.send("POST", "/api/sessions/" + s + "/sign", null, Map.of("If-Match", "soon"))
                .errorFields()).containsExactly("If-Match");
        Response signed = clinician.send("POST", "/api/sessions/" + s + "/sign", null,
                Map.of("If-Match", "\"" + loaded + "\""));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        assertThat(signed.json().get("status").asString()).isEqualTo("SIGNED");

        // Nothing changes a signed session except an addendum.
        long injectionId = signed.json().get("injections").get(0).get("id").asLong();
        for (Response r : List.of(
                clinician.post("/api/sessions/" + s + "/injections", injection(p.areaIds().get(0), pol, Map.of())),
                clinician.post("/api/sessions/" + s + "/injections/repeat", Map.of()),
                clinician.post("/api/sessions/" + s + "/injections/" + injectionId + "/void", Map.of("reason", "x")),
                clinician.put("/api/sessions/" + s + "/compression", Map.of("type", "BANDAGE", "length", "KNEE",
                        "lowMmHg", 20, "highMmHg", 30, "standard", "US")),
                clinician.put("/api/sessions/" + s + "/reactions", Map.of("reactions", List.of("NONE"))),
                clinician.post("/api/sessions/" + s + "/sign", null))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.json().get("type").asString()).endsWith("/session-signed");
        }
        assertThat(clinician.post("/api/sessions/" + s + "/addenda", Map.of("text", "x")).errorFields())
                .containsExactly("reason");
        Response addendum = clinician.post("/api/sessions/" + s + "/addenda", Map.of("reason", "Late entry",
                "text", "Patient reported mild itching at the left calf before leaving."));
        assertThat(addendum.status()).isEqualTo(201);
        JsonNode after = clinician.get("/api/sessions/" + s).json();
        assertThat(after.get("addenda").get(0).get("createdBy").asString()).startsWith("clinician");
        assertThat(after.get("injections").size()).isEqualTo(4);
        assertThat(after.get("compression").get("standard").asString()).isEqualTo("UK");
        assertThat(admin().get("/api/patients/" + p.patientId() + "/access-log?size=200").json()
                .findValuesAsString("action")).contains("START_SESSION", "CHART_INJECTION", "SIGN_SESSION", "ADD_ADDENDUM");
    }

    @Test
    default void aSessionWaitsForConsentAndACurrentClearanceOfTodaysAnswers() {
        Api clinician = newUser("CLINICIAN");
        long unplanned = clinician.post("/api/patients", patient("Unplanned" + unique(), Map.of())).id();
        Response none = clinician.post("/api/patients/" + unplanned + "/sessions",
                Map.of("adHocReason", "Test", "weightKg", 60, "confirmed", CHECKLIST));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().get("type").asString()).endsWith("/session-not-ready");
        assertThat(none.json().get("reasons").findValuesAsString("code"))
                .containsExactly("CONSENT_NOT_IN_FORCE", "NO_SCREENING");

        Ready p = readyPatient(clinician, "Changed" + unique());
        Map<String, Object> h = history();
        h.put("lastAntibioticsOn", today().minusDays(3).toString());
        clinician.put("/api/patients/" + p.patientId() + "/history", h, Map.of("If-Match", "\"2\""));
        Response changed = clinician.post("/api/patients/" + p.patientId() + "/sessions",
                Map.of("adHocReason", "Test", "weightKg", 60, "confirmed", CHECKLIST));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(422);
        assertThat(changed.json().get("reasons").findValuesAsString("code")).containsExactly("HISTORY_CHANGED");
        clinician.post("/api/patients/" + p.patientId() + "/screenings", Map.of());
        Response deferred = clinician.post("/api/patients/" + p.patientId() + "/sessions",
                Map.of("adHocReason", "Test", "weightKg", 60, "confirmed", CHECKLIST));
        assertThat(deferred.json().get("reasons").findValuesAsString("code")).containsExactly("NOT_CLEARED");
    }

    @Test
    default void theLotsListComesInPagesInStockOrder() {
        OwnClinic c = ownClinic();
        Api clinician = c.clinician();
        long first = lot(clinician, "POLIDOCANOL", "0.5", "P1" + unique(), today().plusMonths(6));
        long second = lot(clinician, "POLIDOCANOL", "1", "P2" + unique(), today().plusMonths(6));
        long third = lot(clinician, "SODIUM_TETRADECYL_SULFATE", "0.2", "S1" + unique(), today().plusMonths(6));
        Response page0 = clinician.get("/api/lots?size=2");
        assertThat(page0.status()).isEqualTo(200);
        assertThat(ids(page0)).containsExactly(first, second);
        assertThat(ids(clinician.get("/api/lots?page=1&size=2"))).containsExactly(third);
        assertThat(ids(clinician.get("/api/lots"))).containsExactly(first, second, third);
        assertThat(clinician.get("/api/lots?size=0").errorFields()).containsExactly("size");
        assertThat(clinician.get("/api/lots?page=-1").errorFields()).containsExactly("page");
    }

    private static List<Long> ids(Response r) {
        List<Long> ids = new java.util.ArrayList<>();
        r.json().forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }

    @Test
    default void recallSearchFindsExactlyTheSessionsThatUsedALotAndExpiredLotsCannotBeCharted() {
        Api clinician = newUser("CLINICIAN");
        String shared = "R" + unique();
        long used = lot(clinician, "POLIDOCANOL", "0.5", shared, today().plusMonths(6));
        long other = lot(clinician, "SODIUM_TETRADECYL_SULFATE", "0.2", "S" + unique(), today().plusMonths(6));
        long expired = lot(clinician, "POLIDOCANOL", "1", "E" + unique(), today().minusDays(1));
        assertThat(clinician.post("/api/lots", Map.of("agent", "POLIDOCANOL", "product", "Aethoxysklerol",
                "strengthPercent", 0.7, "lotNumber", shared, "expiryDate", today().toString(), "quantity", 1))
                .errorFields()).containsExactly("strengthPercent");
        assertThat(clinician.post("/api/lots", Map.of("agent", "POLIDOCANOL", "product", "Aethoxysklerol",
                "strengthPercent", 0.5, "lotNumber", shared, "expiryDate", today().toString(), "quantity", 1))
                .status()).isEqualTo(409);

        Ready a = readyPatient(clinician, "RecallA" + unique());
        Ready b = readyPatient(clinician, "RecallB" + unique());
        Ready c = readyPatient(clinician, "RecallC" + unique());
        long sa = startSession(clinician, a);
        long sb = startSession(clinician, b);
        long sc = startSession(clinician, c);
        chart(clinician, sa, injection(a.areaIds().get(0), used, Map.of()));
        chart(clinician, sa, injection(a.areaIds().get(0), used, Map.of()));
        chart(clinician, sb, injection(b.areaIds().get(0), other, Map.of()));
        chart(clinician, sc, injection(c.areaIds().get(0), used, Map.of()));
        Response expiredLot = clinician.post("/api/sessions/" + sb + "/injections",
                injection(b.areaIds().get(0), expired, Map.of()));
        assertThat(expiredLot.status()).isEqualTo(422);
        assertThat(expiredLot.errorFields()).containsExactly("lotId");
        assertThat(expiredLot.toString()).contains("expired");

        // A second session the same day may reuse the weight recorded within 90 days.
        Response again = clinician.post("/api/patients/" + a.patientId() + "/sessions",
                Map.of("adHocReason", "Afternoon top-up", "confirmed", CHECKLIST));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().get("weightKg").decimalValue()).isEqualByComparingTo("65");
        assertThat(clinician.post("/api/patients/" + readyPatient(clinician, "NoWeight" + unique()).patientId()
                + "/sessions", Map.of("adHocReason", "x", "confirmed", CHECKLIST)).errorFields())
                .containsExactly("weightKg");

        JsonNode recipients = clinician.get("/api/lots/" + shared + "/patients").json();
        assertThat(recipients.findValues("sessionId").stream().map(JsonNode::asLong).toList())
                .containsExactlyInAnyOrder(sa, sc);
        assertThat(recipients.findValues("patientId").stream().map(JsonNode::asLong).toList())
                .containsExactlyInAnyOrder(a.patientId(), c.patientId());
        assertThat(recipients.get(0).get("injections").asInt() + recipients.get(1).get("injections").asInt())
                .isEqualTo(3);

        assertThat(clinician.post("/api/lots/" + used + "/recall", Map.of("reason", "Manufacturer recall 2026-11"))
                .status()).isEqualTo(200);
        Response recalled = clinician.post("/api/sessions/" + sa + "/injections",
                injection(a.areaIds().get(0), used, Map.of()));
        assertThat(recalled.errorFields()).containsExactly("lotId");
        assertThat(recalled.toString()).contains("recalled");
    }

    @Test
    default void aSessionStartedFromItsAppointmentMarksItAttendedOnce() {
        Api clinician = newUser("CLINICIAN");
        long practitioner = clinician.get("/api/me").json().get("practitionerId").asLong();
        Ready p = readyPatient(clinician, "Booked" + unique());
        LocalDate monday = nextMonday();
        assertThat(clinician.post("/api/appointments", booking(p.patientId(), practitioner, "CONSULTATION",
                monday.atTime(9, 0))).status()).isEqualTo(201);
        Response treatment = clinician.post("/api/appointments", booking(p.patientId(), practitioner, "TREATMENT",
                monday.plusDays(1).atTime(9, 0)));
        assertThat(treatment.status()).as(treatment.toString()).isEqualTo(201);
        Map<String, Object> start = Map.of("appointmentId", treatment.id(), "weightKg", 64, "confirmed", CHECKLIST);
        Response session = clinician.post("/api/patients/" + p.patientId() + "/sessions", start);
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        assertThat(session.json().get("appointmentId").asLong()).isEqualTo(treatment.id());
        assertThat(clinician.get("/api/appointments/" + treatment.id()).json().get("status").asString())
                .isEqualTo("ATTENDED");
        Response again = clinician.post("/api/patients/" + p.patientId() + "/sessions", start);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/session-exists");
        Response consultationAsSession = clinician.post("/api/patients/" + p.patientId() + "/sessions", Map.of(
                "appointmentId", treatment.id() - 1, "weightKg", 64, "confirmed", CHECKLIST));
        assertThat(consultationAsSession.errorFields()).containsExactly("appointmentId");
    }

    @Test
    default void signingMakesTheReviewAndNextSessionDueAndTheLastSessionARecallBookedInOneStep() {
        Api clinician = newUser("CLINICIAN");
        Ready p = readyPatient(clinician, "Recalled" + unique()); // a course of 2 sessions
        long lot = lot(clinician, "POLIDOCANOL", "0.5", "F" + unique(), today().plusYears(1));
        signedSession(clinician, p, lot);
        JsonNode first = clinician.get("/api/patients/" + p.patientId() + "/follow-ups").json();
        assertThat(first.findValuesAsString("kind")).containsExactlyInAnyOrder("REVIEW", "NEXT_SESSION");
        JsonNode review = first.valueStream().filter(t -> t.get("kind").asString().equals("REVIEW")).findFirst()
                .orElseThrow();
        assertThat(review.get("dueFrom").asString()).isEqualTo(today().plusDays(28).toString());
        assertThat(review.get("dueUntil").asString()).isEqualTo(today().plusDays(42).toString());

        signedSession(clinician, p, lot);
        JsonNode second = clinician.get("/api/patients/" + p.patientId() + "/follow-ups").json();
        assertThat(second.valueStream().map(t -> t.get("kind").asString() + ":" + t.get("status").asString()).toList())
                .containsExactlyInAnyOrder("MAINTENANCE_RECALL:DUE", "REVIEW:DUE", "REVIEW:DUE", "NEXT_SESSION:DONE");
        JsonNode recall = second.valueStream().filter(t -> t.get("kind").asString().equals("MAINTENANCE_RECALL"))
                .findFirst().orElseThrow();
        assertThat(recall.get("dueFrom").asString()).isEqualTo(today().plusMonths(12).toString());

        Api reception = newUser("RECEPTION");
        // a year away, the recall is not on the list of the next 28 days (other tests' patients may be)
        assertThat(reception.get("/api/recalls").json().findValues("id").stream().map(JsonNode::asLong).toList())
                .doesNotContain(recall.get("id").asLong());
        assertThat(reception.get("/api/recalls?within=400").json().findValues("id").stream().map(JsonNode::asLong)
                .toList()).contains(recall.get("id").asLong());
        Response booked = reception.post("/api/recalls/" + recall.get("id").asLong() + "/book", null);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(booked.json().get("type").asString()).isEqualTo("CONSULTATION");
        LocalDate bookedOn = LocalDate.parse(booked.json().get("start").asString().substring(0, 10));
        assertThat(bookedOn).isBetween(today().plusMonths(12), today().plusMonths(12).plusDays(7));
        JsonNode after = clinician.get("/api/patients/" + p.patientId() + "/follow-ups").json().valueStream()
                .filter(t -> t.get("id").asLong() == recall.get("id").asLong()).findFirst().orElseThrow();
        assertThat(after.get("status").asString()).isEqualTo("BOOKED");
        assertThat(after.get("appointmentId").asLong()).isEqualTo(booked.id());
        assertThat(reception.post("/api/recalls/" + recall.get("id").asLong() + "/book", null).status()).isEqualTo(409);
        assertThat(reception.post("/api/recalls/" + review.get("id").asLong() + "/dismiss", Map.of("reason", "x"))
                .status()).isEqualTo(403);
        assertThat(clinician.post("/api/recalls/" + review.get("id").asLong() + "/dismiss", Map.of())
                .errorFields()).containsExactly("reason");
    }
}

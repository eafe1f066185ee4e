package org.venula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.venula.ApiFixture.*;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.venula.support.Api;
import org.venula.support.Api.Response;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import tools.jackson.databind.JsonNode;

/** Aftercare plans, patient links and triage through the running application's API (H2 and PostgreSQL). */
interface AftercareScenarios extends ApiFixture {

    @Test
    default void thePlanEndpointDatesTheStandardRegime() {
        Api clinician = newUser("CLINICIAN");
        Response r = clinician.post("/api/aftercare/plan", Map.of("protocol", "standard", "treatmentDate", "2026-12-01",
                "veinTypes", List.of("TELANGIECTASIA"), "foamUsed", false, "prolongedStandingJob", false));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode p = r.json();
        Map<String, String> dates = new java.util.LinkedHashMap<>();
        p.get("instructions").forEach(i -> dates.put(i.get("code").asString(),
                i.get("from").asString() + ".." + i.get("until").asString()));
        assertThat(dates).containsExactly(
                Map.entry("COMPRESSION_DAY_AND_NIGHT", "2026-12-01..2026-12-03"),
                Map.entry("COMPRESSION_DAYTIME", "2026-12-04..2026-12-08"),
                Map.entry("WALK_DAILY", "2026-12-01..2026-12-08"),
                Map.entry("AVOID_HEAT", "2026-12-01..2026-12-08"),
                Map.entry("AVOID_HIGH_IMPACT_EXERCISE", "2026-12-01..2026-12-08"),
                Map.entry("AVOID_SUN_ON_TREATED_SKIN", "2026-12-01..2026-12-29"),
                Map.entry("AVOID_LONG_HAUL_FLIGHTS", "2026-12-01..2026-12-08"));
        assertThat(p.get("instructions").get(0).get("text").asString()).isNotBlank();
        assertThat(p.get("review").get("from").asString()).isEqualTo("2026-12-29");
        assertThat(p.get("review").get("until").asString()).isEqualTo("2027-01-12");
        assertThat(p.get("resultPhotos").get("from").asString()).isEqualTo("2027-01-26");
        assertThat(p.get("resultPhotos").get("until").asString()).isEqualTo("2027-02-23");
        assertThat(p.get("redFlags").findValuesAsString("symptom")).contains("BREATHLESSNESS", "CALF_SWELLING_OR_PAIN");
        assertThat(p.get("protocol").get("id").asString()).isEqualTo("standard");
        assertThat(p.get("protocol").get("version").asInt()).isEqualTo(1);

        // Not seen before: reticular veins, a standing job, treated on 30 November 2027 (the photos end in February).
        JsonNode q = clinician.post("/api/aftercare/plan", Map.of("protocol", "standard", "treatmentDate", "2027-11-30",
                "veinTypes", List.of("RETICULAR", "TELANGIECTASIA"), "foamUsed", true, "prolongedStandingJob", true))
                .json();
        JsonNode daytime = q.get("instructions").get(1);
        assertThat(daytime.get("from").asString()).isEqualTo("2027-12-03");
        assertThat(daytime.get("until").asString()).isEqualTo("2027-12-28");
        assertThat(q.get("resultPhotos").get("from").asString()).isEqualTo("2028-02-29");
        assertThat(q.get("resultPhotos").get("until").asString()).isEqualTo("2028-05-30");
        assertThat(q.get("instructions").size()).isEqualTo(7);

        JsonNode bas = clinician.post("/api/aftercare/plan", Map.of("protocol", "bas-guide", "treatmentDate",
                "2026-12-01", "veinTypes", List.of("TELANGIECTASIA"))).json();
        assertThat(bas.findValuesAsString("code")).contains("ELEVATE_LEGS");

        assertThat(clinician.post("/api/aftercare/plan", Map.of("veinTypes", List.of("TELANGIECTASIA"))).errorFields())
                .containsExactly("treatmentDate");
        assertThat(clinician.post("/api/aftercare/plan", Map.of("treatmentDate", "2026-12-01", "veinTypes", List.of()))
                .errorFields()).containsExactly("veinTypes");
        assertThat(clinician.post("/api/aftercare/plan", Map.of("treatmentDate", "2026-12-01", "veinTypes",
                List.of("SPIDER"))).errorFields()).containsExactly("veinTypes");
        assertThat(clinician.post("/api/aftercare/plan", Map.of("treatmentDate", "1 Dec", "veinTypes",
                List.of("RETICULAR"))).errorFields()).containsExactly("treatmentDate");
    }

    @Test
    default void triageAnswersAsSpecified() {
        Api clinician = newUser("CLINICIAN");
        JsonNode expected = clinician.post("/api/check-ins/triage", Map.of("daysSinceTreatment", 3,
                "symptoms", List.of("BRUISING", "ITCHING"))).json();
        assertThat(expected.get("level").asString()).isEqualTo("EXPECTED");
        assertThat(expected.get("matched").toString()).contains("BRUISING", "ITCHING");
        assertThat(expected.get("advice").asString()).isNotBlank();
        JsonNode urgent = clinician.post("/api/check-ins/triage", Map.of("daysSinceTreatment", 40,
                "symptoms", List.of("BRUISING", "CALF_SWELLING_OR_PAIN"))).json();
        assertThat(urgent.get("level").asString()).isEqualTo("URGENT");
        assertThat(urgent.get("matched").toString()).isEqualTo("[\"CALF_SWELLING_OR_PAIN\"]");
        JsonNode emergency = clinician.post("/api/check-ins/triage", Map.of("daysSinceTreatment", 0,
                "symptoms", List.of("COUGHING_BLOOD"))).json();
        assertThat(emergency.get("level").asString()).isEqualTo("EMERGENCY");
        assertThat(emergency.get("advice").asString()).startsWith("Call 999");
        assertThat(clinician.post("/api/check-ins/triage", Map.of("daysSinceTreatment", 5, "symptoms",
                List.of("ANKLE_SWELLING"))).json().get("level").asString()).isEqualTo("CONTACT_CLINIC");
        assertThat(clinician.post("/api/check-ins/triage", Map.of("daysSinceTreatment", 2, "symptoms", List.of()))
                .json().get("level").asString()).isEqualTo("EXPECTED");
        assertThat(clinician.post("/api/check-ins/triage", Map.of("daysSinceTreatment", 2, "symptoms",
                List.of("HICCUPS"))).errorFields()).containsExactly("symptoms");
        assertThat(clinician.post("/api/check-ins/triage", Map.of("daysSinceTreatment", -1, "symptoms",
                List.of("BRUISING"))).errorFields()).containsExactly("daysSinceTreatment");
        assertThat(clinician.post("/api/check-ins/triage", Map.of("daysSinceTreatment", 2.5, "symptoms",
                List.of("BRUISING"))).errorFields()).containsExactly("daysSinceTreatment");
    }

    @Test
    default void signingMakesTheStoredPlanWithItsLeafletCalendarAndPrivateLink() throws Exception {
        Api clinician = newUser("CLINICIAN");
        Ready p = readyPatient(clinician, "Aftercare" + unique());
        long lot = lot(clinician, "POLIDOCANOL", "0.5", "A" + unique(), today().plusYears(1));
        long session = signedSession(clinician, p, lot);
        JsonNode plans = clinician.get("/api/patients/" + p.patientId() + "/aftercare-plans").json();
        assertThat(plans.size()).isEqualTo(1);
        JsonNode stored = plans.get(0);
        long planId = stored.get("id").asLong();
        assertThat(stored.get("sessionId").asLong()).isEqualTo(session);
        assertThat(stored.get("treatmentDate").asString()).isEqualTo(today().toString());
        assertThat(stored.get("veinTypes").toString()).isEqualTo("[\"TELANGIECTASIA\"]");
        JsonNode daytime = stored.get("plan").get("instructions").get(1);
        assertThat(daytime.get("until").asString()).isEqualTo(today().plusDays(7).toString());

        Api.Bytes pdf = clinician.bytes("/api/aftercare/plans/" + planId + "/leaflet.pdf");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains("Your aftercare plan", "Ann Aftercare", "What is normal", "When to get help",
                "trapped blood", "Call 999");

        Api.Bytes ics = clinician.bytes("/api/aftercare/plans/" + planId + "/aftercare.ics");
        assertThat(ics.contentType()).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics.body(),
                java.nio.charset.StandardCharsets.UTF_8)));
        List<VEvent> events = calendar.getComponents("VEVENT");
        VEvent off = events.stream().filter(e -> e.getSummary().getValue().equals("Stockings off")).findFirst()
                .orElseThrow();
        assertThat(off.getDateTimeStart().getDate()).isEqualTo(today().plusDays(8));
        VEvent sun = events.stream().filter(e -> e.getSummary().getValue().equals("Avoid sun on treated skin"))
                .findFirst().orElseThrow();
        assertThat(sun.getDateTimeStart().getDate()).isEqualTo(today());
        assertThat(sun.getDateTimeEnd().getDate()).isEqualTo(today().plusDays(29)); // exclusive: through day 28
        assertThat(events.stream().map(e -> e.getSummary().getValue())).anyMatch(s -> s.startsWith("Review window"))
                .contains("Sun on treated skin allowed again");

        Response link = clinician.post("/api/aftercare/plans/" + planId + "/link", null);
        assertThat(link.status()).isEqualTo(201);
        String url = link.json().get("url").asString();
        String path = url.substring(url.indexOf("/my/"));
        Api.Bytes page = Api.anonymous(port()).bytes(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(new String(page.body())).contains("Your aftercare plan", "Ann Aftercare");
        Api.Bytes wrong = Api.anonymous(port()).bytes(path.substring(0, path.length() - 3) + "abc");
        assertThat(wrong.status()).isEqualTo(404);
        assertThat(new String(wrong.body())).contains("not valid").doesNotContain("Aftercare");
        assertThat(Api.anonymous(port()).bytes(path + "/leaflet.pdf").contentType()).isEqualTo("application/pdf");
        assertThat(admin().get("/api/patients/" + p.patientId() + "/access-log?size=200").json().findValuesAsString("username"))
                .contains("patient link");
        // An expired link shows the same plain page as a wrong one.
        jdbc().sql("UPDATE aftercare_plan SET token_expires_at = :past WHERE id = :id")
                .param("past", java.time.OffsetDateTime.now().minusMinutes(1)).param("id", planId).update();
        Api.Bytes expired = Api.anonymous(port()).bytes(path);
        assertThat(expired.status()).isEqualTo(404);
        assertThat(new String(expired.body())).contains("not valid").doesNotContain("Aftercare");
        path = clinician.post("/api/aftercare/plans/" + planId + "/link", null).json().get("url").asString();
        path = path.substring(path.indexOf("/my/"));
        assertThat(Api.anonymous(port()).bytes(path).status()).isEqualTo(200);

        // Regenerating is an addendum to the session; the first version is kept and its link stops working.
        assertThat(clinician.post("/api/aftercare/plans/" + planId + "/regenerate", Map.of()).errorFields())
                .containsExactly("reason");
        Response again = clinician.post("/api/aftercare/plans/" + planId + "/regenerate",
                Map.of("reason", "Patient now works long shifts on her feet"));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().get("version").asInt()).isEqualTo(2);
        assertThat(clinician.get("/api/sessions/" + session).json().get("addenda").get(0).get("reason").asString())
                .startsWith("Patient now works");
        assertThat(clinician.get("/api/aftercare/plans/" + planId).json().get("supersededAt").isNull()).isFalse();
        assertThat(Api.anonymous(port()).bytes(path).status()).isEqualTo(404);
        assertThat(clinician.get("/api/patients/" + p.patientId() + "/aftercare-plans").json().size()).isEqualTo(2);
        assertThat(Api.anonymous(port()).bytes("/clinics/" + 1 + "/information").status()).isEqualTo(200);
        assertThat(LocalDate.parse(stored.get("plan").get("review").get("from").asString()))
                .isEqualTo(today().plusDays(28));
    }
}
